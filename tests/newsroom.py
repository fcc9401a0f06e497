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


def render_feed(base: str, *, items: str = "") -> str:
    """The RSS 2.0 feed listing the article (plus ``items`` XML)."""
    template = Template((SITE / "feed.xml").read_text(encoding="utf-8"))
    return template.substitute(base=base, items=items)


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
