"""Data for body extraction: tag sets, class/id keyword hints and boilerplate phrases.

Kept apart from the logic (as trafilatura keeps its XPath lists) so that a new
site convention is a data change. Keywords are matched on lower-cased
``class``/``id`` values split on non-letters, so ``c-share-bar`` and
``share_tools`` both hold the word ``share``. Words come in several languages:
English, plus Arabic-site transliterations (``maqal`` article, ``matn`` text,
``khabar`` news item).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Elements never holding article text: their whole subtree is skipped.
SKIP_TAGS: frozenset[str] = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "button",
    "select", "option", "textarea", "input", "object", "embed", "video", "audio",
    "canvas", "map", "head", "title", "meta", "link", "dialog", "-comment", "picture",
    "img", "source", "label",
})

#: Elements that start a new block (paragraph) of text (HTML "flow" containers).
BLOCK_TAGS: frozenset[str] = frozenset({
    "html", "body", "p", "div", "section", "article", "main", "header", "footer", "aside",
    "nav", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "figure",
    "figcaption", "form", "fieldset", "address", "hr", "center", "details", "summary",
    "caption", "hgroup", "menu", "legend", "noframes", "frameset", "frame",
})

#: Container tags that are chrome by definition (HTML "sectioning" semantics).
CHROME_TAGS: frozenset[str] = frozenset({
    "nav", "aside", "footer", "figure", "figcaption", "menu",
})
#: Container tags that are usually chrome but sometimes wrap a whole page.
WEAK_CHROME_TAGS: frozenset[str] = frozenset({"form", "header", "address"})

HEADING_TAGS: frozenset[str] = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

#: Class/id words that mark reader comments: chrome wherever they are.
COMMENT_WORDS: frozenset[str] = frozenset({
    "comment", "comments", "commentlist", "disqus", "respond", "replies", "reply",
    "kommentare", "commentaires", "comentarios", "commenti", "taaliqat", "ta3liqat",
})

#: Class/id words that mark page chrome (share bars, ads, related lists), unless the
#: container holds most of the page's prose (then it is a wrapper with a noisy name).
STRONG_NEGATIVE_WORDS: frozenset[str] = frozenset({
    "share", "sharing", "sharebar", "social", "related", "newsletter",
    "subscribe", "subscription", "signup", "cookie", "cookies", "consent", "gdpr", "promo",
    "promotion", "advert", "advertisement", "advertising", "ad", "ads", "adslot", "dfp",
    "sponsor", "sponsored", "breadcrumb", "breadcrumbs", "tags", "byline", "popular",
    "mostread", "trending", "recommended", "recommendations", "outbrain", "taboola",
    "caption", "credit", "credits", "reactions", "paywall", "readmore", "readalso",
    "fontsize", "toolbar", "modal", "popup", "donate", "bio", "playlist", "gallery", "more",
})

#: Class/id words that usually mark chrome, but also appear in page-builder wrappers
#: (``elementor-widget``): such a container is dropped only when it holds little prose.
WEAK_NEGATIVE_WORDS: frozenset[str] = frozenset({
    "nav", "navbar", "navigation", "menu", "footer", "sidebar", "aside", "widget",
    "banner", "masthead", "next", "prev", "pagination", "pager", "teaser", "teasers",
    "meta", "dateline", "timestamp", "print", "tools", "skip", "login", "see", "also",
    "embed", "alert", "jump", "toc", "photo", "image", "img", "video", "slideshow", "rating",
    "font", "reading", "mode", "listen", "audio", "follow", "cta", "feedback", "header",
    "topbar", "bottom", "secondary", "author", "promoted", "card", "cards", "list",
})

#: Class/id words marking the article itself.
POSITIVE_WORDS: frozenset[str] = frozenset({
    "article", "articlebody", "content", "story", "storybody", "body", "entry", "post",
    "text", "main", "maqal", "maqala", "matn", "khabar", "hentry", "blog", "prose",
    "paragraph", "rich", "richtext", "news", "detail", "details",
})

#: Compound markers meaning "this is the article body" (after removing - and _).
STRONG_POSITIVE: tuple[str, ...] = (
    "articlebody", "storybody", "entrycontent", "postcontent", "articlecontent",
    "storycontent", "postbody", "articletext", "storytext", "bodytext", "maincontent",
    "newsbody", "detailbody", "matnmaqal", "contentbody",
)

#: Whole-block phrases that are chrome wherever they appear (compared lower-cased,
#: whitespace collapsed): ad labels, reading-mode and font-size controls, prompts.
BOILERPLATE_PHRASES: frozenset[str] = frozenset({
    "advertisement", "advertisements", "advert", "adverts", "ad", "ads", "sponsored",
    "sponsored content", "tell us what you think", "share it with a friend",
    "like this story? share it with a friend!", "this slideshow requires javascript",
    "story continues below advertisement", "article continues below advertisement",
    "continue reading below", "continue reading the main story", "scroll to continue",
    "read more", "read more:", "see also", "related", "related:", "related articles",
    "related stories", "more stories", "most read", "most popular", "trending",
    "share", "share this", "share this article", "share on facebook", "share on twitter",
    "tweet", "email", "print", "comments", "comment", "join the conversation",
    "sign up", "subscribe", "newsletter", "font size", "reading mode", "listen",
    "listen to this article", "skip to content", "skip advertisement", "image",
    "photo", "video", "close", "menu", "follow us", "back to top",
    # Arabic: advertisement, reading mode, font size, join the conversation, most read,
    # trending topics, read also, share, comments.
    "مادة اعلانية", "مادة إعلانية", "إعلان", "اعلان", "وضع القراءة", "حجم الخط",
    "انضم إلى المحادثة", "انضم الى المحادثة", "الأكثر قراءة", "الاكثر قراءة",
    "مواضيع شائعة", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "شارك", "مشاركة", "التعليقات",
    # Chinese/Japanese: advertisement, related articles, share.
    "广告", "廣告", "相关阅读", "相關閱讀", "分享", "広告", "関連記事", "シェア",
})

#: Pattern for font-size controls and similar widgets rendered as text ("100% حجم الخط").
CONTROL_PATTERN = re.compile(r"^\s*[\d٠-٩]+\s*[%٪]\s*\S{0,20}\s*\S{0,20}\s*$")

#: Sentence and clause punctuation in several scripts (Latin, Arabic, CJK, Devanagari).
PUNCTUATION: frozenset[str] = frozenset(".,;:!?،؛؟。，、．！？；：…।")
PUNCTUATION_RE = re.compile("[" + re.escape("".join(sorted(PUNCTUATION))) + "]")
#: Han ideographs, hiragana and katakana (Unicode blocks), for length weighting.
_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
CJK_RE = re.compile(f"[{_CJK}]")
#: A space between two CJK characters or punctuation marks (Hangul is not included:
#: Korean separates words with spaces).
CJK_GAP_RE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
SENTENCE_END: frozenset[str] = frozenset(".!?؟。．！？…।\"'”’»)")

#: Extra weight of a Han or kana character over a Latin letter (CJK text is denser).
CJK_WEIGHT = 2.0
#: Link density (link characters / characters) above which a block is chrome.
MAX_LINK_DENSITY = 0.5
#: Link density above which a block does not count as prose when scoring containers.
PROSE_LINK_DENSITY = 0.35
#: Elements that hold one paragraph: their prose is credited to their parent.
PARAGRAPH_TAGS: frozenset[str] = frozenset({
    "p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd",
})
#: Score factor of a candidate container by its class/id hint (see ``hint_weight``).
HINT_FACTOR: dict[int, float] = {2: 1.15, 1: 1.0, 0: 1.0, -1: 0.9, -2: 0.9, -3: 0.0}

#: Text hints of a page that is a consent wall or an error page (lower-cased).
CONSENT_WORDS: tuple[str, ...] = (
    "cookie", "consent", "privacy settings", "accept all", "we value your privacy",
    "ملفات تعريف الارتباط", "موافق", "同意", "クッキー",
)
NOT_FOUND_WORDS: tuple[str, ...] = (
    "404", "page not found", "not found", "no longer available", "doesn't exist",
    "does not exist", "الصفحة غير موجودة", "لم يتم العثور", "页面不存在", "ページが見つかりません",
)

_SPLIT = re.compile(r"[^a-z]+")
_STRONG_RE = re.compile("|".join(STRONG_POSITIVE))


@lru_cache(maxsize=8192)
def hint_weight(value: str) -> int:
    """Classify a ``class`` + ``id`` string.

    Args:
        value: the attribute values joined by a space (any case).

    Returns:
        ``2`` for a strong article marker (``article-body``), ``-3`` for reader
        comments, ``-2`` for a strong chrome word (``share``, ``related``), ``-1`` for a weak chrome
        word (``widget``, ``sidebar``), ``1`` for positive words only, else ``0``.
    """
    low = value.lower()
    if _STRONG_RE.search(low.replace("-", "").replace("_", "")):
        return 2
    words = set(_SPLIT.split(low))
    if not words.isdisjoint(COMMENT_WORDS):
        return -3
    if not words.isdisjoint(STRONG_NEGATIVE_WORDS):
        return -2
    if not words.isdisjoint(WEAK_NEGATIVE_WORDS):
        return -1
    return 1 if not words.isdisjoint(POSITIVE_WORDS) else 0


_HIDDEN_STYLE = ("display:none", "visibility:hidden")
_ARTICLE_TAGS = frozenset({"article", "main", "body"})


def element_hint(attrs: dict[str, str | None], tag: str) -> int | None:
    """The hint of one element from its tag and attributes.

    Args:
        attrs: the element's attributes (name -> value; None for a bare attribute).
        tag: the lower-case tag name.

    Returns:
        None when the element is hidden (``hidden``, ``aria-hidden="true"``,
        inline ``display:none``/``visibility:hidden``), else a weight as in
        :func:`hint_weight`; ``itemprop="articleBody"`` (schema.org) is 2,
        ``nav``/``aside``/``footer``/``figure`` are chrome (-2), ``form``/``header``
        weak chrome (-1), ``article``/``main`` at least positive (1).
    """
    if not attrs:
        return -2 if tag in CHROME_TAGS else -1 if tag in WEAK_CHROME_TAGS else 0
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return None
    style = attrs.get("style")
    if style and ("none" in style or "hidden" in style):
        squashed = style.replace(" ", "").lower()
        if any(s in squashed for s in _HIDDEN_STYLE):
            return None
    if attrs.get("itemprop") == "articleBody":
        return 2
    value = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    hint = hint_weight(value) if value != " " else 0
    if tag in CHROME_TAGS and hint < 2:
        return -2
    if tag in WEAK_CHROME_TAGS and hint < 1:
        return -1
    if tag in _ARTICLE_TAGS:
        return max(hint, 1)
    return hint
