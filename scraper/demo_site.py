"""The small news site bundled for ``scraper demo`` (data only: pages and a feed).

A fictional Arabic news site, right to left, whose article pages carry the
usual chrome (menu, reading-mode and font-size controls, an ad label inside
the body, a most-read box, a comments box) and keep their dates only in
markup. Version 2 of the first article adds a paragraph and a later
``dateModified``; a second article, published later, follows up the story.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from string import Template

PAGE = Template("""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>$title - صحيفة الواحة</title>
<link rel="canonical" href="$base$path">
<meta property="og:site_name" content="صحيفة الواحة">
<meta property="article:published_time" content="$published">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"$title","datePublished":"$published","dateModified":"$updated","inLanguage":"ar"}</script>
</head><body>
<nav class="menu"><a href="/">الرئيسية</a> <a href="/local">محليات</a> <a href="/world">دوليات</a></nav>
<div class="tools"><span>وضع القراءة</span> <span>100% حجم الخط</span></div>
<article><h1>$title</h1>
<p class="meta">نشر في: <time datetime="$published"></time> آخر تحديث: <time class="updated" datetime="$updated"></time></p>
<div class="story-body">$body</div></article>
<section class="comments"><h3>انضم إلى المحادثة</h3></section>
<aside class="most-read"><h3>الأكثر قراءة</h3><ul>$most_read</ul></aside>
<footer>جميع الحقوق محفوظة لصحيفة الواحة</footer>
</body></html>""")

FEED = Template("""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>صحيفة الواحة</title><link>$base/</link>
<description>آخر الأخبار</description>$items</channel></rss>""")

ITEM = Template("""<item><title>$title</title><link>$base$path</link>
<guid isPermaLink="false">$guid</guid><pubDate>$pubdate</pubDate></item>""")

FIRST = {
    "path": "/local/2026/11/28/desalination-plant",
    "guid": "wa-1001",
    "title": "الحكومة تعلن إنشاء محطة تحلية جديدة على الساحل الشرقي",
    "published": "2026-11-28T09:00:00+03:00",
    "pubdate": "Sat, 28 Nov 2026 06:00:00 GMT",
    "paragraphs": [
        "أعلنت وزارة المياه اليوم عن خطة لإنشاء محطة كبيرة لتحلية مياه البحر على الساحل "
        "الشرقي، بطاقة تكفي لتزويد نحو مليون نسمة بمياه الشرب.",
        "وقال وزير المياه في مؤتمر صحفي إن أعمال البناء ستبدأ في الربع الأول من العام "
        "المقبل، وإن المحطة ستعمل جزئيا بالطاقة الشمسية.",
        "ويأتي المشروع في إطار خطة وطنية لمواجهة شح المياه الجوفية وتراجع منسوب الآبار "
        "في المناطق الزراعية خلال السنوات الأخيرة.",
    ],
}
ADDED = (
    "وأضافت الوزارة في بيان لاحق أن كلفة المشروع تقدر بنحو ثمانمئة مليون دولار، "
    "وأن ثلاث شركات دولية تقدمت بعروض لتنفيذه."
)
FOLLOWUP = {
    "path": "/local/2026/11/30/desalination-contract",
    "guid": "wa-1002",
    "title": "توقيع عقد محطة التحلية على الساحل الشرقي مع تحالف دولي",
    "published": "2026-11-30T08:30:00+03:00",
    "pubdate": "Mon, 30 Nov 2026 05:30:00 GMT",
    "paragraphs": [
        "وقعت وزارة المياه اليوم عقد إنشاء محطة تحلية مياه البحر على الساحل الشرقي مع "
        "تحالف من ثلاث شركات دولية، بعد أيام من الإعلان عن المشروع.",
        "وأوضح وزير المياه أن المحطة ستزود نحو مليون نسمة بمياه الشرب، وأن جزءا من "
        "طاقتها سيأتي من ألواح شمسية تقام بجوارها.",
        "وكانت الوزارة قد أعلنت الأسبوع الماضي خطة المحطة ضمن برنامج وطني لمواجهة شح "
        "المياه الجوفية في المناطق الزراعية.",
    ],
}
MOST_READ = [
    '<li><a href="/sport/1">فوز كبير لنادي الواحة في الدوري</a></li>',
    '<li><a href="/weather/2">أمطار غزيرة متوقعة نهاية الأسبوع</a></li>',
]


def render_article(
    base: str,
    article: Mapping[str, object],
    *,
    extra: str | None = None,
    updated: str | None = None,
) -> str:
    """One article page (HTML text); ``extra`` appends a paragraph, ``updated`` sets dateModified."""
    paragraphs = [str(p) for p in article["paragraphs"]]  # type: ignore[attr-defined]
    if extra:
        paragraphs.insert(2, extra)
        paragraphs.insert(2, '<div class="ad"><span>مادة اعلانية</span></div>')
    body = "".join(p if p.startswith("<") else f"<p>{escape(p)}</p>" for p in paragraphs)
    return PAGE.substitute(
        base=base,
        path=article["path"],
        title=article["title"],
        published=article["published"],
        updated=updated or article["published"],
        body=body,
        most_read="".join(MOST_READ[::-1] if extra else MOST_READ),
    )


def render_feed(base: str, articles: Sequence[Mapping[str, object]]) -> str:
    """The RSS 2.0 feed listing ``articles``."""
    items = "".join(
        ITEM.substitute(
            base=base, path=a["path"], title=a["title"], guid=a["guid"], pubdate=a["pubdate"]
        )
        for a in articles
    )
    return FEED.substitute(base=base, items=items)
