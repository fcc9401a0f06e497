"""The fixture news site used by the end-to-end tests.

Renders ``tests/fixtures/site/article.html`` (an Arabic, right-to-left article
page in the style of real Arabic news sites: menus, reading-mode and font-size
controls, an ad slot inside the body, a most-read sidebar, a comments box, and
dates only in markup) and ``feed.xml`` into routes of a :class:`LocalSite`.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

from localserver import LocalSite, Route

SITE = Path(__file__).parent / "fixtures" / "site"
ARTICLE_PATH = "/news/2026/11/29/gerd-talks-resume"
PUBLISHED = "2026-11-29T08:15:00+02:00"
FIRST_UPDATE = "2026-11-29T08:15:00+02:00"
LATER_UPDATE = "2026-11-29T21:40:00+02:00"
TITLE = "المفاوضات مستمرة.. جولة جديدة بين مصر والسودان وإثيوبيا حول سد النهضة"

PARAGRAPHS = [
    "استؤنفت اليوم في العاصمة السودانية الخرطوم جولة جديدة من المفاوضات الثلاثية",
    "وتأتي هذه الجولة بعد نحو شهر من اجتماع وزراء الري في الدول الثلاث بالقاهرة",
    "وقال المتحدث باسم وزارة الري السودانية إن الوفود ناقشت خلال الجلسة الأولى",
    "وأضاف أن الاتحاد الأفريقي يتابع سير المحادثات عن كثب",
    "في المقابل، أكدت القاهرة تمسكها بالتوصل إلى اتفاق قانوني ملزم",
    "ويعد هذا الاجتماع الرابع من نوعه منذ بداية العام الجاري",
]
ADDED_PARAGRAPH = (
    "وفي تطور لاحق، أعلنت الخارجية المصرية مساء اليوم أن الجولة المقبلة ستعقد في "
    "أديس أبابا خلال أسبوعين، على أن يسبقها اجتماع للخبراء القانونيين."
)
CHROME = [
    "وضع القراءة",
    "حجم الخط",
    "مادة اعلانية",
    "انضم إلى المحادثة",
    "الأكثر قراءة",
    "مواضيع شائعة",
    "الرئيسية",
    "واتساب",
    "اشترك في النشرة البريدية",
    "جميع الحقوق محفوظة",
    "عروض الجمعة البيضاء",
    "ارتفاع أسعار الذهب",
]
MOST_READ_A = (
    '<li><a href="/news/1">ارتفاع أسعار الذهب في الأسواق المحلية</a></li>'
    '<li><a href="/news/2">منتخب الشباب يتأهل إلى نهائي البطولة العربية</a></li>'
)
MOST_READ_B = (
    '<li><a href="/news/3">موجة برد تضرب المناطق الشمالية نهاية الأسبوع</a></li>'
    '<li><a href="/news/4">افتتاح معرض الكتاب بمشاركة ثلاثين دولة</a></li>'
)
AD_A = "عروض الجمعة البيضاء: خصم حتى خمسين بالمئة"
AD_B = "احجز رحلتك الآن بأسعار خاصة لفصل الشتاء"


def render_article(
    base: str,
    *,
    extra: str = "",
    updated: str = FIRST_UPDATE,
    most_read: str = MOST_READ_A,
    ad: str = AD_A,
    token: str = "tok-7f3a",
) -> str:
    """The article page; ``extra`` is HTML added at the end of the body."""
    template = Template((SITE / "article.html").read_text(encoding="utf-8"))
    return template.substitute(
        base=base, extra=extra, updated=updated, most_read=most_read, ad=ad, token=token
    )


MAIN_ITEM = Template("""  <item>
    <title>المفاوضات مستمرة.. جولة جديدة بين مصر والسودان وإثيوبيا حول سد النهضة</title>
    <link>$base/news/2026/11/29/gerd-talks-resume?utm_source=rss&amp;utm_medium=feed</link>
    <guid isPermaLink="false">nile-news-48213</guid>
    <pubDate>Sun, 29 Nov 2026 06:15:00 GMT</pubDate>
  </item>""")


def render_feed(base: str, *, items: str = "", main: bool = True) -> str:
    """The RSS 2.0 feed: the main article's item (unless ``main`` is False) and ``items``."""
    template = Template((SITE / "feed.xml").read_text(encoding="utf-8"))
    listed = (MAIN_ITEM.substitute(base=base) if main else "") + items
    return template.substitute(base=base, items=listed)


def publish(site: LocalSite, **article: str) -> None:
    """Serve the feed at ``/feed.xml`` and the article (rendered with ``article``)."""
    base = site.url("")
    site.routes["/feed.xml"] = Route(render_feed(base), content_type="application/rss+xml")
    site.routes[ARTICLE_PATH] = Route(render_article(base, **article))


def write_config(path: Path, body: str) -> Path:
    """Write a config.toml: ``body`` (top-level keys first, then tables) followed by
    fast, loopback-friendly ``[storage]`` and ``[fetch]`` tables."""
    path.write_text(
        body + '\n[storage]\npath = "scraper.db"\n\n'
        "[fetch]\ntimeout = 2\nretries = 0\nbackoff = 0\nper_host_delay = 0\n",
        encoding="utf-8",
    )
    return path


EARLIER = {
    "path": "/news/2026/11/02/irrigation-ministers-cairo",
    "title": "وزراء الري في مصر والسودان وإثيوبيا يتفقون في القاهرة على لجنة فنية لسد النهضة",
    "published": "2026-11-02T10:00:00+02:00",
    "paragraphs": [
        "اتفق وزراء الري في مصر والسودان وإثيوبيا خلال اجتماعهم في القاهرة على تشكيل "
        "لجنة فنية مشتركة تراجع البيانات الهيدرولوجية الخاصة بسد النهضة.",
        "وقال وزير الري المصري إن اللجنة ستقدم توصياتها خلال ستين يوما، وإن الجولة "
        "المقبلة من المفاوضات ستعقد في الخرطوم.",
        "وأكد الوزير السوداني أن بلاده تريد اتفاقا يضمن تبادل المعلومات حول الملء "
        "والتشغيل في سنوات الجفاف، بينما دعت إثيوبيا إلى مبادئ توجيهية مرنة.",
    ],
}
UNRELATED = {
    "path": "/sports/2026/11/29/youth-team-final",
    "title": "منتخب الشباب يتأهل إلى نهائي البطولة العربية بعد فوز مثير",
    "published": "2026-11-29T20:00:00+02:00",
    "paragraphs": [
        "تأهل منتخب الشباب إلى المباراة النهائية في البطولة العربية بعد فوزه بثلاثة "
        "أهداف مقابل هدفين في مباراة مثيرة أقيمت مساء اليوم.",
        "وسجل المهاجم الشاب هدف الفوز في الدقيقة الأخيرة من الوقت بدل الضائع، وسط "
        "احتفالات كبيرة من الجماهير في المدرجات.",
        "ويلتقي المنتخب في النهائي الأسبوع المقبل مع الفائز من مباراة نصف النهائي الثانية.",
    ],
}


def render_story(base: str, story: dict[str, object], *, lang: str = "ar") -> str:
    """A plain article page for ``story`` (path, title, published, paragraphs)."""
    template = Template((SITE / "story.html").read_text(encoding="utf-8"))
    paragraphs = "\n    ".join(f"<p>{p}</p>" for p in story["paragraphs"])  # type: ignore[attr-defined]
    return template.substitute(
        base=base,
        path=story["path"],
        title=story["title"],
        published=story["published"],
        paragraphs=paragraphs,
        lang=lang,
        dir="rtl" if lang == "ar" else "ltr",
    )


def feed_item(base: str, story: dict[str, object]) -> str:
    """An RSS <item> for ``story``."""
    return (
        f"<item><title>{story['title']}</title><link>{base}{story['path']}</link>"
        f"<guid>{base}{story['path']}</guid></item>"
    )
