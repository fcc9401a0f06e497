"""Main-text (article body) extraction.

Order of precedence:

1. ``SiteRules.remove`` selectors are dropped first (their subtrees are ignored),
   on a copy of the page cut down in C (:mod:`scraper.parse.prune`: scripts,
   hidden elements, and ``nav``/``aside``/``footer``/``figure`` that do not hold
   the article).
2. ``SiteRules.body`` selectors, when given, win: their matches in document
   order are the body.
3. Otherwise the page is cut into blocks (:mod:`scraper.parse.blocks`) and the
   container holding the most article-like text, net of chrome, is chosen
   (:mod:`scraper.parse.scoring`; boxes opened by a "Related" heading are
   chrome); inside it, chrome (share bars, ads and their labels, photo captions,
   related lists, reading-mode and font-size controls) is dropped block by block,
   and so are closing credits, author contact lines and newsletter prompts.
   Headings, lists, block quotes and embedded social-media posts are kept.
4. schema.org ``articleBody`` (JSON-LD ``NewsArticle``/``Article``/``BlogPosting``,
   https://schema.org/articleBody) is evidence, not truth: it is used when the
   page yields nothing, and only if the page text agrees with it.

Scoring counts characters and Unicode punctuation of several scripts (Latin,
Arabic ``،`` ``؟``, CJK ``。``, ``，``), never spaces, so right-to-left and CJK
pages score like Latin ones.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from ..models import SiteRules
from .blocks import Block, Layout, layout
from .hints import (
    BOILERPLATE_PHRASES,
    CONSENT_WORDS,
    CONTROL_PATTERN,
    HEADING_TAGS,
    MAX_LINK_DENSITY,
    MEDIA_PROMO_CHARS,
    MEDIA_PROMO_RE,
    NOT_FOUND_WORDS,
    SENTENCE_END,
    SIGN_OFF_CHARS,
    SIGN_OFF_RE,
    is_end_heading,
)
from .page import Page
from .prune import pruned_copy
from .scoring import (
    END_HEADING_CHARS,
    BlockStats,
    choose_container,
    mark_end_boxes,
    safety_net,
    select_region,
)

logger = logging.getLogger(__name__)

#: Fewer article characters than this in the chosen container means "no article".
MIN_ARTICLE_CHARS = 200
#: A block with this many characters outside links is text, however many links it has.
KEEP_UNLINKED = 150
#: Characters outside links that make a linked paragraph ending with a full stop a sentence.
LINKED_SENTENCE_CHARS = 30
#: After the last prose block, a line this long is kept even without a full stop.
TAIL_LINE_CHARS = 40
#: Mean prose characters per summary below which a list of headline+summary is teasers.
TEASER_CHARS = 200

ARTICLE_TYPES = frozenset({
    "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "Report",
    "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "SocialMediaPosting",
})


@dataclass(frozen=True, slots=True)
class BodyResult:
    """The article body of one page.

    Attributes:
        text: paragraphs in order, separated by one blank line (``"\\n\\n"``);
            ``""`` when none.
        links: absolute http(s) URLs of links inside the body, in order, deduplicated.
        reason: why ``text`` is empty (``"consent wall"``, ``"no article found: ..."``),
            else None.
    """

    text: str
    links: tuple[str, ...]
    reason: str | None


def extract_body(page: Page, *, rules: SiteRules, consume: bool = False) -> BodyResult:
    """Extract the main text of an article page.

    Args:
        page: the parsed page (read only; the tree is shared with other extractors).
        rules: per-source selectors; ``rules.remove`` is applied first, then
            ``rules.body`` (if any) replaces the heuristics.
        consume: the caller reads nothing more from ``page.tree``: its ``<body>``
            may be pruned in place rather than copied (faster; the tree is
            left without scripts, hidden elements and page chrome).

    Returns:
        A :class:`BodyResult`. A page without an article (section front, 404
        page, consent wall) gives ``text == ""`` and a ``reason``. Never raises
        for malformed HTML; an invalid selector in ``rules`` is logged and ignored.
        ``page`` is only read, unless ``consume`` is True.
    """
    work = pruned_copy(page.tree, remove=rules.remove, chrome=not rules.body, in_place=consume)
    if work is None:
        return BodyResult("", (), "no article found: empty page")
    if rules.body:
        return _from_selectors(page, work, rules.body)
    root = (work.css_first("body") or work) if work.tag == "html" else work
    lay = layout(root)
    mark_end_boxes(lay)
    stats = BlockStats(lay.blocks)
    choice = safety_net(lay, stats, choose_container(lay, stats))
    region = select_region(lay, choice) if choice.best >= 0 else []
    kept = _keep_blocks(lay, stats, region, page)
    good = sum(stats.nonlink[i] for i in kept if stats.good[i])
    if good < MIN_ARTICLE_CHARS:
        fallback = _jsonld_fallback(page, lay.blocks)
        if fallback:
            return BodyResult(fallback, (), None)
        return BodyResult("", (), _why_empty(page, lay, stats))
    if _looks_like_front(lay.blocks, stats, region):
        return BodyResult("", (), "no article found: section front")
    text = "\n\n".join(lay.blocks[i].text for i in kept)
    if _is_consent_wall(text):
        return BodyResult("", (), "consent wall")
    return BodyResult(text, _resolve_links(page, (lay.blocks[i] for i in kept)), None)


def _keep_blocks(lay: Layout, stats: BlockStats, region: Sequence[int], page: Page) -> list[int]:
    """Indexes of the region's blocks that are article text, in order."""
    title = _page_title(page) if region else ""
    blocks = lay.blocks
    region = _cut_at_end_heading(blocks, stats, region)
    kept = [i for i in region if not _is_chrome_block(blocks[i], len(blocks[i].text), title)]
    kept = _trim_edges(lay.blocks, stats, kept)
    while kept and _is_sign_off(blocks[kept[-1]].text):
        kept.pop()
    return kept


def _cut_at_end_heading(
    blocks: Sequence[Block], stats: BlockStats, region: Sequence[int]
) -> Sequence[int]:
    """The region up to a "More stories"/"Related" heading (a short line, not a
    sentence) after its last prose block."""
    last = next((k for k in range(len(region) - 1, -1, -1) if stats.good[region[k]]), None)
    if last is None:
        return region
    for k in range(last + 1, len(region)):
        text = blocks[region[k]].text
        if len(text) <= END_HEADING_CHARS and is_end_heading(text) and not _ends_sentence(text):
            return region[:k]
    return region


def _is_sign_off(text: str) -> bool:
    """A short closing line that is not article text: reporting credits, an
    author's contact or bio line, a newsletter or subscription prompt."""
    return len(text) <= SIGN_OFF_CHARS and SIGN_OFF_RE.search(text) is not None


def _is_chrome_block(block: Block, chars: int, title: str) -> bool:
    """Links lists, ad labels, widgets' text and the repeated headline."""
    if (
        block.link_chars > MAX_LINK_DENSITY * chars
        and chars - block.link_chars < KEEP_UNLINKED
        and not _is_linked_sentence(block, chars)
    ):
        return True
    if chars <= 60:
        low = block.text.lower().strip(" :|-–—·•>»«.…")
        if low in BOILERPLATE_PHRASES or CONTROL_PATTERN.match(low):
            return True
        if chars <= 40 and is_end_heading(low):
            return True  # the heading of a teaser box ("You may also like...")
    if block.text.startswith(("©", "Copyright", "(c)")):
        return True
    if chars <= MEDIA_PROMO_CHARS and MEDIA_PROMO_RE.match(block.text):
        return True  # "WATCH: ...", «شاهد: ...»: the caption of an embedded clip
    return block.tag in HEADING_TAGS and bool(title) and block.text in title


def _trim_edges(blocks: Sequence[Block], stats: BlockStats, kept: list[int]) -> list[int]:
    """Drop kickers, bylines and datelines before the first prose block (or the
    first whole-sentence paragraph: a lede full of links; or the bulleted key
    points that lead to it); after the last prose
    block keep sentences, list items, table cells and lines of some length (and a
    heading followed by them), dropping tags, short credits and prompts."""
    goods = [k for k, i in enumerate(kept) if stats.good[i]]
    if not goods:
        return kept
    last = goods[-1]
    first = next(k for k, i in enumerate(kept) if stats.good[i] or _is_sentence(blocks[i]))
    while first and _is_key_point(blocks[kept[first - 1]]):
        first -= 1
    tail: list[int] = []
    pending: list[int] = []
    for i in kept[last + 1:]:
        block = blocks[i]
        if block.tag in HEADING_TAGS:
            pending = [i]
        elif (
            block.tag in _LIST_TAGS
            or block.text[-1] in SENTENCE_END
            or len(block.text) >= TAIL_LINE_CHARS
        ):
            tail.extend(pending)
            tail.append(i)
            pending = []
        else:
            pending = []
    return kept[first:last + 1] + tail


_LIST_TAGS = frozenset({"li", "dd", "dt", "td", "th", "pre"})
_FULL_STOPS = frozenset(".!?。！？؟۔")
_CLOSERS = "\"'”’»)]」』）"


def _is_sentence(block: Block) -> bool:
    """A paragraph element holding a whole sentence (a lede full of links is still text)."""
    text = block.text
    return block.tag == "p" and len(text) >= 40 and _ends_sentence(text)


def _is_key_point(block: Block) -> bool:
    """A list item that is a sentence: a bullet of a summary before the text."""
    return block.tag in _LIST_TAGS and len(block.text) >= 20 and _ends_sentence(block.text)


def _ends_sentence(text: str) -> bool:
    """The text ends with a full stop, maybe followed by closing quotes or brackets."""
    end = text.rstrip(_CLOSERS)
    return bool(end) and end[-1] in _FULL_STOPS


def _is_linked_sentence(block: Block, chars: int) -> bool:
    """A paragraph that is a sentence with links in it, not a link with a label:
    it ends with a full stop and has words of its own around the links."""
    unlinked = chars - block.link_chars
    return (
        block.tag == "p"
        and _ends_sentence(block.text)
        and unlinked >= LINKED_SENTENCE_CHARS
        and unlinked >= 0.2 * chars
    )


def _looks_like_front(blocks: Sequence[Block], stats: BlockStats, region: Sequence[int]) -> bool:
    """A list of teasers: most short summaries come right after their own headline link."""
    goods = [i for i in region if stats.good[i]]
    if len(goods) < 4:
        return False
    pairs = 0
    for previous, current in zip(region, region[1:], strict=False):
        size = len(blocks[previous].text)
        headline = size >= 15 and blocks[previous].link_chars > MAX_LINK_DENSITY * size
        pairs += headline and stats.good[current]
    mean = sum(stats.nonlink[i] for i in goods) / len(goods)
    return pairs >= 0.7 * len(goods) and mean < TEASER_CHARS


def _is_consent_wall(text: str) -> bool:
    """Short text made of cookie/consent vocabulary (IAB TCF dialogs and the like)."""
    if len(text) > 2000:
        return False
    low = text.lower()
    return sum(1 for word in CONSENT_WORDS if word in low) >= 3


def _page_title(page: Page) -> str:
    title = page.first_meta("og:title", "twitter:title") or ""
    node = page.tree.css_first("title")
    if node is not None:
        title += " " + (node.text() or "")
    return " ".join(title.split())


def _why_empty(page: Page, lay: Layout, stats: BlockStats) -> str:
    """Name the kind of page that has no article (consent wall, 404, section front)."""
    text = " ".join(b.text for b in lay.blocks).lower()
    title = _page_title(page).lower()
    if any(word in text for word in CONSENT_WORDS) and len(text) < 3000:
        return "consent wall"
    if any(word in title for word in NOT_FOUND_WORDS):
        return "no article found: page not found"
    links = sum(len(b.links) for b in lay.blocks)
    if links >= 10 and sum(b.link_chars for b in lay.blocks) > 0.4 * (sum(stats.chars) or 1):
        return "no article found: section front"
    return "no article found: too little text"


def _from_selectors(page: Page, work: LexborNode, selectors: Sequence[str]) -> BodyResult:
    """Body from ``SiteRules.body``: every match in document order, nested ones once."""
    roots: list[LexborNode] = []
    for selector in selectors:
        try:
            roots.extend(work.css(selector))
        except Exception:  # noqa: BLE001 - selectolax raises bare errors for bad CSS
            logger.warning("ignoring invalid CSS selector %r", selector)
    if not roots:
        return BodyResult("", (), "no article found: body selectors matched nothing")
    ids = {node.mem_id for node in roots}
    blocks: list[Block] = []
    for node in _outermost_in_order(work, ids):
        blocks.extend(layout(node).blocks)
    kept = [b for b in blocks if not _is_chrome_block(b, len(b.text), "")]
    if not kept:
        return BodyResult("", (), "no article found: body selectors matched no text")
    text = "\n\n".join(b.text for b in kept)
    return BodyResult(text, _resolve_links(page, kept), None)


def _outermost_in_order(work: LexborNode, ids: set[int]) -> list[LexborNode]:
    """The nodes whose ``mem_id`` is in ``ids`` and that have no ancestor in it, in order."""
    found: list[LexborNode] = []
    taken: set[int] = set()
    for node in work.traverse():
        if node.mem_id in ids and not _has_ancestor_in(node, taken):
            taken.add(node.mem_id)
            found.append(node)
    return found


def _has_ancestor_in(node: LexborNode, ids: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def _jsonld_body(page: Page) -> str:
    for obj in page.jsonld:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(k in ARTICLE_TYPES for k in kinds if isinstance(k, str)):
            body = obj.get("articleBody")
            if isinstance(body, str) and body.strip():
                return body
    return ""


def _jsonld_fallback(page: Page, blocks: Sequence[Block]) -> str:
    """JSON-LD ``articleBody`` as paragraphs, if the visible page text agrees with it."""
    body = _jsonld_body(page)
    paragraphs = [" ".join(p.split()) for p in body.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if sum(len(p) for p in paragraphs) < MIN_ARTICLE_CHARS:
        return ""
    page_text = " ".join(b.text for b in blocks)
    probe = paragraphs[0][:80]
    return "\n\n".join(paragraphs) if probe and probe in page_text else ""


def _resolve_links(page: Page, blocks: Iterable[Block]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    base = page.url or ""
    for block in blocks:
        for href in block.links:
            url = href.strip()
            if not url.startswith(("http://", "https://")):
                url = urljoin(base, url)
            if url.startswith(("http://", "https://")):
                seen.setdefault(url.split("#", 1)[0] or url, None)
    return tuple(seen)
