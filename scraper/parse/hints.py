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
    "rollover", "tooltip", "popover", "hovercard",
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
    # "Advertisement" as other sites label their ad slots: French, German, Spanish,
    # Portuguese, Italian, Turkish, Russian, Indonesian, Korean, Hebrew, Persian, Urdu.
    "publicité", "anzeige", "werbung", "publicidad", "anuncio", "publicidade",
    "pubblicità", "reklam", "реклама", "iklan", "광고", "פרסומת", "تبلیغات", "آگهی",
    "اشتہار",
})

#: Starts of short headings that open a box of teasers or comments, not article text
#: (compared lower-cased): English, French, German, Spanish, Portuguese, Italian,
#: Russian, Indonesian, Turkish, Arabic, Hebrew, Persian, Urdu, Chinese, Japanese,
#: Korean. :func:`is_end_heading` also reads :data:`NEXT_STORY_LABELS`.
END_HEADINGS: tuple[str, ...] = (
    "related", "you may also like", "you might also like", "you may like", "you might like",
    "more from", "more stories", "more news", "more on this", "read more", "read also",
    "also read", "recommended", "most read", "most popular", "popular posts", "trending",
    "comments", "leave a reply", "leave a comment", "join the discussion",
    "à lire aussi", "lire aussi", "sur le même sujet", "commentaires",
    "mehr zum thema", "lesen sie auch", "das könnte sie", "kommentare",
    "noticias relacionadas", "te puede interesar", "ver también", "comentarios",
    "você pode gostar", "voce pode gostar", "leia também", "leia mais", "veja também",
    "notícias relacionadas", "leggi anche", "potrebbe interessarti", "commenti",
    "читайте также", "похожие", "комментарии", "baca juga", "berita terkait",
    "ilgili haberler", "benzer haberler", "yorumlar",
    "اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "أخبار ذات صلة", "اخبار ذات صلة",
    "مواضيع ذات صلة", "الأكثر قراءة", "التعليقات",
    "相关阅读", "相關閱讀", "相关新闻", "相關新聞",
    "関連記事", "関連ニュース", "관련기사", "관련 기사",
    # Hebrew, Persian, Urdu: more on the subject, read also / more, related, most read
    # (their words for "comments" also mean "reactions" or "opinions" in subheads).
    "עוד בנושא", "כתבות נוספות", "קראו עוד", "קראו גם", "הכי נקראים",
    "مطالب مرتبط", "بیشتر بخوانید", "همچنین بخوانید", "پربازدیدترین",
    "یہ بھی پڑھیں", "مزید پڑھیں", "متعلقہ خبریں", "سب سے زیادہ پڑھی",
)
#: Labels of a preview of the next story placed after the article ("Next article",
#: «المقال التالي»): they never open the article's own text.
NEXT_STORY_LABELS: tuple[str, ...] = (
    "next article", "next story", "up next", "read next", "article suivant",
    "nächster artikel", "siguiente artículo", "próxima notícia", "articolo successivo",
    "следующая статья", "sonraki haber", "المقال التالي", "الخبر التالي", "الموضوع التالي",
)

#: Closing lines of an article that are not its text (checked on the last kept
#: blocks, up to ``SIGN_OFF_CHARS`` long): wire-service reporting credits, an
#: author's contact line or bio, newsletter and subscription prompts.
SIGN_OFF_RE = re.compile(
    r"^\(?(?:additional |writing |editing )?reporting by\b|\bediting by\b"
    r"|\bcontributed (?:to )?(?:this )?report|\bcontributed reporting\b"
    r"|\b(?:can|may) be reached at\b|\bfollow (?:him|her|them|us|me) on\b"
    r"|\bsign up\b|\bsubscribe\b|\bnewsletters?\b|\byour inbox\b|\bclick here\b"
    r"|\bdelivered (?:to|through) your\b|\binscreva-se\b|\babonnez-vous\b|\bsuscr[ií]bete\b"
    r"|\bdownload (?:our|the) app\b|\bsuivez-nous\b|\bt[ée]l[ée]chargez (?:notre|l'application)"
    r"|\bfolgen sie uns\b|\bs[ií]guenos\b|\bsiga-nos\b|\bseguici\b"
    # Arabic: follow us on, download (our) app, subscribe to, newsletter.
    r"|\bتابعونا (?:على|عبر)|\bحم[ّ]?ل(?:وا)? تطبيق|\bاشترك(?:وا)? في\b|النشرة البريدية",
    re.IGNORECASE,
)
SIGN_OFF_CHARS = 300

#: A short line promoting a video or audio clip placed in the article ("WATCH: How
#: the bridge was lifted", «شاهد: كيف تجدد رخصتك»): its label and a colon.
MEDIA_PROMO_RE = re.compile(
    r"^\s*(?:watch|video|listen|vidéo|regardez|à voir|sehen sie|mira|vídeo|assista|"
    r"guarda|смотрите|видео|izle|شاهد|شاهدوا|فيديو|بالفيديو|צפו|וידאו|ویدیو|ببینید|"
    r"ویڈیو|دیکھیں)\s*[:：]",
    re.IGNORECASE,
)
#: Longest line :data:`MEDIA_PROMO_RE` applies to (characters).
MEDIA_PROMO_CHARS = 100



def is_end_heading(text: str) -> bool:
    """A short heading that opens teasers or comments, not article text:
    :data:`END_HEADINGS`, or "More/Top/Latest/Other ... stories/news/articles"."""
    low = text.lower()
    return (
        low.startswith(END_HEADINGS)
        or low.startswith(NEXT_STORY_LABELS)
        or _MORE_STORIES.match(low) is not None
    )


_MORE_STORIES = re.compile(
    r"(?:more|top|latest|other|recent)\b.{0,30}\b(?:stories|news|articles|posts|reads)\b"
)

#: Pattern for font-size controls and similar widgets rendered as text ("100% حجم الخط").
CONTROL_PATTERN = re.compile(r"^\s*[\d٠-٩]+\s*[%٪]\s*\S{0,20}\s*\S{0,20}\s*$")

#: Sentence and clause punctuation in several scripts (Latin, Arabic, Urdu, CJK, Devanagari).
PUNCTUATION: frozenset[str] = frozenset(".,;:!?،؛؟۔。，、．！？；：…।")
PUNCTUATION_RE = re.compile("[" + re.escape("".join(sorted(PUNCTUATION))) + "]")
#: Han ideographs, hiragana and katakana (Unicode blocks), for length weighting.
_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
CJK_RE = re.compile(f"[{_CJK}]")
#: A space between two CJK characters or punctuation marks (Hangul is not included:
#: Korean separates words with spaces).
CJK_GAP_RE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
SENTENCE_END: frozenset[str] = frozenset(".!?؟۔。．！？…।\"'”’»)")

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
#: Hint of a social-media post quoted in the text (the ``<blockquote>`` of the standard
#: X/Twitter, Instagram, TikTok and Threads embed codes): text, even inside a chrome wrapper.
EMBED_HINT = 3
EMBED_RE = re.compile(r"tweet|instagram|tiktok|threads|bluesky|mastodon")
#: Score factor of a candidate container by its class/id hint (see ``hint_weight``).
HINT_FACTOR: dict[int, float] = {3: 1.0, 2: 1.15, 1: 1.0, 0: 1.0, -1: 0.9, -2: 0.9, -3: 0.0}

#: Text hints of a page that is a consent wall or an error page (lower-cased).
CONSENT_WORDS: tuple[str, ...] = (
    "cookie", "consent", "privacy settings", "accept all", "we value your privacy",
    "ملفات تعريف الارتباط", "موافق", "同意", "クッキー",
)
NOT_FOUND_WORDS: tuple[str, ...] = (
    "404", "page not found", "not found", "no longer available", "doesn't exist",
    "does not exist", "الصفحة غير موجودة", "لم يتم العثور", "页面不存在", "ページが見つかりません",
)

_STRONG_RE = re.compile("|".join(STRONG_POSITIVE))
#: Word (ASCII bytes) -> rank of the verdict it gives (the highest rank among a
#: value's words wins): comments over strong chrome over weak chrome over positive.
_WORD_RANK: dict[bytes, int] = {
    **{w.encode(): 1 for w in POSITIVE_WORDS},
    **{w.encode(): 2 for w in WEAK_NEGATIVE_WORDS},
    **{w.encode(): 3 for w in STRONG_NEGATIVE_WORDS},
    **{w.encode(): 4 for w in COMMENT_WORDS},
}
_LETTERS_ONLY = bytes(b if 97 <= b <= 122 else 32 for b in range(256))
_RANK_HINT = (0, 1, -1, -2, -3)


@lru_cache(maxsize=16384)
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
    # Every strong marker holds one of these stems: skip the pattern when none is there.
    if (
        "body" in low or "content" in low or "text" in low or "matn" in low
    ) and _STRONG_RE.search(low.replace("-", "").replace("_", "")):
        return 2
    best = 0
    # Words are runs of a-z: as bytes, every other byte (UTF-8 included) becomes a space.
    for word in low.encode().translate(_LETTERS_ONLY).split():
        rank = _WORD_RANK.get(word, 0)
        if rank > best:
            best = rank
    return _RANK_HINT[best]


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
        weak chrome (-1), ``article``/``main`` at least positive (1), the
        ``<blockquote>`` of an embedded social-media post :data:`EMBED_HINT`.
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
    return _named_hint(tag, attrs.get("class") or "", attrs.get("id") or "")


@lru_cache(maxsize=16384)
def _named_hint(tag: str, classes: str, ident: str) -> int:
    """:func:`element_hint` of a visible element from its tag, class and id.

    The class and the id are classified apart (each cached: ids are often unique
    per element) and the stronger verdict wins, in :func:`hint_weight`'s order.
    """
    if tag == "blockquote" and EMBED_RE.search(classes):
        return EMBED_HINT
    hint = hint_weight(classes) if classes else 0
    if ident:
        other = hint_weight(ident)
        if _PRIORITY[other] > _PRIORITY[hint]:
            hint = other
    if tag in CHROME_TAGS and hint < 2:
        return -2
    if tag in WEAK_CHROME_TAGS and hint < 1:
        return -1
    if tag in _ARTICLE_TAGS:
        return max(hint, 1)
    return hint


#: :func:`hint_weight` verdicts from weakest to strongest (the first that applies wins).
_PRIORITY = {0: 0, 1: 1, -1: 2, -2: 3, -3: 4, 2: 5}
