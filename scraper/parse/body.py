"""Main-text (article body) extraction.

Order of precedence:

1. ``SiteRules.remove`` selectors are dropped first (their subtrees are ignored).
2. ``SiteRules.body`` selectors, when given, win: their matches in document
   order are the body.
3. Otherwise the page is cut into blocks (:mod:`scraper.parse.blocks`) and the
   container holding the most article-like text, net of chrome, is chosen;
   inside it, chrome (share bars, ads and their labels, captions, related lists,
   reading-mode and font-size controls) is dropped block by block.
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
from .blocks import Block, BlockStats, Choice, Layout, choose_container, layout
from .hints import (
    BOILERPLATE_PHRASES,
    CONSENT_WORDS,
    CONTROL_PATTERN,
    HEADING_TAGS,
    MAX_LINK_DENSITY,
    NOT_FOUND_WORDS,
    SENTENCE_END,
)
from .page import Page

logger = logging.getLogger(__name__)

#: The chosen container must hold this share of the page's prose outside chrome.
SAFETY_SHARE = 0.4
#: Fewer article characters than this in the chosen container means "no article".
MIN_ARTICLE_CHARS = 200
#: A block with this many characters outside links is text, however many links it has.
KEEP_UNLINKED = 150
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


def extract_body(page: Page, *, rules: SiteRules) -> BodyResult:
    """Extract the main text of an article page.

    Args:
        page: the parsed page (read only; the tree is shared with other extractors).
        rules: per-source selectors; ``rules.remove`` is applied first, then
            ``rules.body`` (if any) replaces the heuristics.

    Returns:
        A :class:`BodyResult`. A page without an article (section front, 404
        page, consent wall) gives ``text == ""`` and a ``reason``. Never raises
        for malformed HTML; an invalid selector in ``rules`` is logged and ignored.
    """
    tree = page.tree
    root = tree.body or tree.root
    if root is None:
        return BodyResult("", (), "no article found: empty page")
    skip = _selected_ids(page, rules.remove)
    if rules.body:
        return _from_selectors(page, rules.body, skip)
    lay = layout(root, skip_ids=skip)
    stats = BlockStats(lay.blocks)
    choice = _safety_net(lay, stats, choose_container(lay, stats))
    region = _select_region(lay, choice) if choice.best >= 0 else []
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


def _safety_net(lay: Layout, stats: BlockStats, choice: Choice) -> Choice:
    """Widen a choice that holds too little of the page's prose outside chrome.

    When the chosen container holds under ``SAFETY_SHARE`` of the prose found
    outside chrome containers, the article is likely scattered (or the densest
    spot was a side box): the deepest container holding 80% of that prose is
    taken instead, and the block filters do the rest.
    """
    if choice.best < 0:
        return choice
    n = len(lay.tag)
    parent, hint = lay.parent, lay.hint
    chrome = [False] * n
    clean = [0.0] * n
    for c in range(n):
        p = parent[c]
        chrome[c] = (p >= 0 and chrome[p]) or _is_chrome(
            hint[c], choice.good[c], choice.chars[c], choice.spine[c]
        )
    for i, block in enumerate(lay.blocks):
        if stats.good[i] and not chrome[block.container]:
            clean[block.container] += stats.nonlink[i]
    for c in range(n - 1, 0, -1):
        if parent[c] >= 0:
            clean[parent[c]] += clean[c]
    total = clean[0]
    if total <= 0 or clean[choice.best] >= SAFETY_SHARE * total:
        return choice
    best = max(c for c in range(n) if clean[c] >= 0.8 * total)
    return Choice(best, choice.good, choice.chars, choice.spine)


def _is_chrome(hint: int, good: float, chars: float, spine: bool) -> bool:
    """Whether a container is chrome, from its hint and its prose.

    Comments always are. Other hints never are on the spine (the densest
    container and its ancestors: wrappers with noisy class names); elsewhere a
    strong hint (``share``, ``advert``, ``<aside>``) is, and a weak one (``widget``,
    ``<form>``) only on a container that is under half prose.
    """
    if hint >= 0:
        return False
    if hint == -3:
        return True
    if spine:
        return False
    return hint == -2 or good < 0.5 * chars


def _inside(lay: Layout, choice: Choice) -> tuple[list[bool], list[bool]]:
    """Which containers lie in the chosen one and which of those are chrome inside it."""
    n = len(lay.tag)
    inside = [False] * n
    chrome = [False] * n
    best = choice.best
    inside[best] = True
    parent, hint = lay.parent, lay.hint
    good, chars, spine = choice.good, choice.chars, choice.spine
    for c in range(best + 1, n):
        p = parent[c]
        if p >= 0 and inside[p]:
            inside[c] = True
            chrome[c] = chrome[p] or _is_chrome(hint[c], good[c], chars[c], spine[c])
    return inside, chrome


def _select_region(lay: Layout, choice: Choice) -> list[int]:
    """Indexes (document order) of the blocks inside the chosen container and not
    under a chrome container inside it."""
    inside, chrome = _inside(lay, choice)
    return [i for i, b in enumerate(lay.blocks) if inside[b.container] and not chrome[b.container]]


def _keep_blocks(lay: Layout, stats: BlockStats, region: Sequence[int], page: Page) -> list[int]:
    """Indexes of the region's blocks that are article text, in order."""
    title = _page_title(page) if region else ""
    blocks = lay.blocks
    kept = [i for i in region if not _is_chrome_block(blocks[i], len(blocks[i].text), title)]
    return _trim_edges(lay.blocks, stats, kept)


def _is_chrome_block(block: Block, chars: int, title: str) -> bool:
    """Links lists, ad labels, widgets' text and the repeated headline."""
    if (
        block.link_chars > MAX_LINK_DENSITY * chars
        and chars - block.link_chars < KEEP_UNLINKED
    ):
        return True
    if chars <= 60:
        low = block.text.lower().strip(" :|-–—·•>»«.…")
        if low in BOILERPLATE_PHRASES or CONTROL_PATTERN.match(low):
            return True
    if block.text.startswith(("©", "Copyright", "(c)")):
        return True
    return block.tag in HEADING_TAGS and bool(title) and block.text in title


def _trim_edges(blocks: Sequence[Block], stats: BlockStats, kept: list[int]) -> list[int]:
    """Drop kickers, bylines and datelines before the first prose block (or the
    first whole-sentence paragraph: a lede full of links); after the last prose
    block keep sentences, list items and table cells (and a heading followed by
    them), dropping tags, credits and prompts."""
    goods = [k for k, i in enumerate(kept) if stats.good[i]]
    if not goods:
        return kept
    last = goods[-1]
    first = next(k for k, i in enumerate(kept) if stats.good[i] or _is_sentence(blocks[i]))
    tail: list[int] = []
    pending: list[int] = []
    for i in kept[last + 1:]:
        block = blocks[i]
        if block.tag in HEADING_TAGS:
            pending = [i]
        elif block.tag in _LIST_TAGS or block.text[-1] in SENTENCE_END:
            tail.extend(pending)
            tail.append(i)
            pending = []
        else:
            pending = []
    return kept[first:last + 1] + tail


_LIST_TAGS = frozenset({"li", "dd", "dt", "td", "th", "pre"})
_FULL_STOPS = frozenset(".!?。！？؟")


def _is_sentence(block: Block) -> bool:
    """A paragraph element holding a whole sentence (a lede full of links is still text)."""
    text = block.text
    return block.tag == "p" and len(text) >= 40 and text[-1] in _FULL_STOPS


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


def _selected_ids(page: Page, selectors: Iterable[str]) -> frozenset[int]:
    ids: set[int] = set()
    for selector in selectors:
        try:
            nodes = page.tree.css(selector)
        except Exception:  # noqa: BLE001 - selectolax raises bare errors for bad CSS
            logger.warning("ignoring invalid CSS selector %r", selector)
            continue
        ids.update(node.mem_id for node in nodes)
    return frozenset(ids)


def _from_selectors(page: Page, selectors: Sequence[str], skip: frozenset[int]) -> BodyResult:
    """Body from ``SiteRules.body``: every match in document order, nested ones once."""
    roots = _selected_ids(page, selectors)
    if not roots:
        return BodyResult("", (), "no article found: body selectors matched nothing")
    blocks: list[Block] = []
    taken: set[int] = set()
    root = page.tree.root
    for node in root.traverse() if root is not None else ():
        if node.mem_id in roots and not _has_ancestor_in(node, taken):
            taken.add(node.mem_id)
            blocks.extend(layout(node, skip_ids=skip).blocks)
    kept = [b for b in blocks if not _is_chrome_block(b, len(b.text), "")]
    if not kept:
        return BodyResult("", (), "no article found: body selectors matched no text")
    text = "\n\n".join(b.text for b in kept)
    return BodyResult(text, _resolve_links(page, kept), None)


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
            url = urljoin(base, href.strip())
            if url.startswith(("http://", "https://")):
                seen.setdefault(url.split("#", 1)[0] or url, None)
    return tuple(seen)
