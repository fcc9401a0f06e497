"""Blocks and containers of a page, and the choice of the article container.

:func:`layout` makes one read-only DOM traversal that cuts a page into *blocks*
(the text of one block element -- ``p``, ``li``, ``h2``, a ``div``'s own text --
with inline markup flattened, whitespace collapsed and link text counted) and
*containers* (every block-level element, with its parent container). Children
are always created after their parents, so sums over subtrees are one backward
pass over the containers: no per-node recursion, nothing quadratic.

:func:`choose_container` then picks the article container (the densest holder
of sibling paragraphs, as in Arc90 Readability, widened to join a body split
into columns); :mod:`scraper.parse.body` then keeps the blocks inside it.

The tree is never mutated: :class:`~scraper.parse.page.Page` is shared with the
other field extractors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from .hints import (
    BLOCK_TAGS,
    CJK_GAP_RE,
    CJK_RE,
    CJK_WEIGHT,
    HINT_FACTOR,
    PARAGRAPH_TAGS,
    PROSE_LINK_DENSITY,
    PUNCTUATION_RE,
    SENTENCE_END,
    SKIP_TAGS,
    element_hint,
)

#: A part of the body split off by ads is joined when its density is at least this
#: share of the densest part's.
RIVAL_SHARE = 0.3
_NOT_LINKS = ("#", "javascript:", "mailto:", "tel:", "data:")
#: Inline elements whose attributes are never read (formatting only).
_PLAIN_INLINE = frozenset({
    "b", "i", "em", "strong", "u", "small", "sup", "sub", "abbr", "cite", "code", "mark",
    "q", "s", "strike", "font", "wbr", "bdi", "bdo", "kbd", "var", "time", "tt", "big",
})


@dataclass(slots=True)
class Block:
    """One paragraph-like run of text.

    Attributes:
        text: the text, whitespace collapsed to single spaces.
        tag: the block element's tag (``p``, ``h2``, ``li``, ``div``...).
        container: index of the innermost enclosing container.
        link_chars: characters of ``text`` that sit inside ``<a>`` elements.
        links: raw ``href`` values of the links inside, in order.
    """

    text: str
    tag: str
    container: int
    link_chars: int
    links: tuple[str, ...]


@dataclass(slots=True)
class Layout:
    """The blocks and containers of one page, in document order.

    Attributes:
        blocks: every non-empty text block.
        parent: parent container index per container (-1 for the root).
        tag: tag name per container.
        hint: hint per container, -3 (comments) to 2 (``article-body``); see
            :func:`scraper.parse.hints.element_hint`.
    """

    blocks: list[Block] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    hint: list[int] = field(default_factory=list)


class _Walker:
    """Stateful helper for :func:`layout`: the pending text of the current block."""

    __slots__ = ("brs", "current", "link_chars", "links", "out", "parts")

    def __init__(self) -> None:
        self.out = Layout()
        self.parts: list[str] = []
        self.link_chars = 0
        self.links: list[str] = []
        self.brs = 0
        self.current = -1

    def flush(self) -> None:
        """End the pending block (if it has text) and start a new one."""
        if self.parts:
            text = " ".join("".join(self.parts).split())
            if text and not text.isascii() and " " in text:
                # A source line break between two Han/kana characters is not a space.
                text = CJK_GAP_RE.sub("", text)
            if text:
                c = self.current
                link_chars = min(self.link_chars, len(text))
                links = tuple(self.links) if self.links else ()
                self.out.blocks.append(Block(text, self.out.tag[c], c, link_chars, links))
            self.parts = []
            self.link_chars = 0
        if self.links:
            self.links = []
        self.brs = 0

    def switch(self, container: int) -> None:
        """Text of another container follows: end the pending block first."""
        if container != self.current:
            self.flush()
            self.current = container

    def line_break(self, container: int) -> None:
        """A ``<br>``: a space, and the end of the block when it is the second in a row."""
        self.switch(container)
        self.brs += 1
        if self.brs >= 2:
            self.flush()
        else:
            self.parts.append(" ")

    def add_container(self, tag: str, parent: int, hint: int) -> int:
        out = self.out
        out.parent.append(parent)
        out.tag.append(tag)
        out.hint.append(hint)
        return len(out.tag) - 1


def layout(root: LexborNode, *, skip_ids: frozenset[int] = frozenset()) -> Layout:
    """Cut the subtree at ``root`` into blocks and containers in one traversal.

    Lexbor's own (C) traversal visits the nodes in document order; each node's
    container and link state are looked up from its parent's, keyed by
    ``mem_id``, so no node is visited twice and no text is read twice.

    Args:
        root: the element to read (usually ``<body>`` or ``<html>``).
        skip_ids: ``mem_id`` values of nodes to ignore with their subtree
            (``SiteRules.remove`` matches).

    Returns:
        A :class:`Layout`; container 0 is ``root``. ``<br><br>`` ends a block;
        a single ``<br>`` is a space. Inline elements with a strong chrome hint
        (``share``, ``caption``) are skipped, as are hidden elements.
    """
    walker = _Walker()
    # mem_id -> (container index, inside a link); skipped nodes are absent.
    state: dict[int, tuple[int, bool]] = {}
    nodes = iter(root.traverse(include_text=True))
    first = next(nodes, None)
    if first is None:
        return walker.out
    state[first.mem_id] = (walker.add_container(first.tag or "div", -1, 1), False)
    get = state.get
    for node in nodes:
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            if not text or text.isspace():
                # Whitespace only separates words: no need to know where it sits.
                if text and walker.parts:
                    walker.parts.append(" ")
                continue
            found = get(node.parent.mem_id)  # type: ignore[union-attr]
            if found is None:
                continue
            if found[0] != walker.current:
                walker.switch(found[0])
            walker.parts.append(text)
            walker.brs = 0
            if found[1]:
                walker.link_chars += len(text.strip())
            continue
        found = get(node.parent.mem_id)  # type: ignore[union-attr]
        if found is None:
            continue
        if tag in _PLAIN_INLINE and not skip_ids:
            state[node.mem_id] = found
            continue
        if tag in SKIP_TAGS or tag is None:
            continue
        if tag == "br":
            walker.line_break(found[0])
            continue
        _enter(walker, node, tag, found, state, skip_ids)
    walker.flush()
    return walker.out


def _enter(
    walker: _Walker,
    node: LexborNode,
    tag: str,
    found: tuple[int, bool],
    state: dict[int, tuple[int, bool]],
    skip_ids: frozenset[int],
) -> None:
    """Record an element: a new container for block tags, link state for ``<a>``."""
    mem_id = node.mem_id
    if skip_ids and mem_id in skip_ids:
        return
    attrs = node.attributes
    hint = element_hint(attrs, tag)
    if hint is None:
        return
    container, in_link = found
    if tag in BLOCK_TAGS:
        if walker.parts or walker.links:
            walker.flush()
        else:
            walker.brs = 0
        walker.current = walker.add_container(tag, container, hint)
        state[mem_id] = (walker.current, in_link)
    elif hint <= -2:
        return
    elif tag == "a":
        walker.switch(container)
        href = attrs.get("href")
        if href and not href.startswith(_NOT_LINKS):
            walker.links.append(href)
        state[mem_id] = (container, True)
    else:
        state[mem_id] = found


class BlockStats:
    """Per-block measures used by the scoring, aligned with ``Layout.blocks``.

    Attributes:
        chars: length in characters, a Han/kana character counting ``1 + CJK_WEIGHT``.
        nonlink: the same length outside ``<a>`` text.
        punct: count of punctuation marks of any script (Latin, Arabic, CJK).
        good: the block reads like prose: mostly unlinked text with punctuation,
            long enough (``>= 80`` weighted characters, or ``>= 30`` ending a sentence).
    """

    __slots__ = ("chars", "good", "nonlink", "punct")

    def __init__(self, blocks: Sequence[Block]) -> None:
        """Measure ``blocks`` (one pass; two C-level regex scans per block).

        Args:
            blocks: the blocks of a :class:`Layout`, in order.
        """
        self.chars: list[float] = []
        self.nonlink: list[float] = []
        for b in blocks:
            size = len(b.text)
            # A Han/kana character carries about as much text as three Latin letters.
            ratio = 1.0
            if not b.text.isascii():
                ratio += CJK_WEIGHT * len(CJK_RE.findall(b.text)) / size
            self.chars.append(size * ratio)
            self.nonlink.append((size - b.link_chars) * ratio)
        self.punct = [len(PUNCTUATION_RE.findall(b.text)) for b in blocks]
        self.good = [
            _is_good(b, n, p) for b, n, p in zip(blocks, self.nonlink, self.punct, strict=True)
        ]


def _is_good(block: Block, nonlink: float, punct: int) -> bool:
    """A block that reads like article prose: enough unlinked text with punctuation."""
    text = block.text
    if block.link_chars > PROSE_LINK_DENSITY * len(text):
        return False
    if nonlink >= 80 and punct >= 1:
        return True
    return nonlink >= 30 and punct >= 1 and text[-1] in SENTENCE_END


@dataclass(slots=True)
class Choice:
    """The chosen container and the per-container sums used to filter inside it.

    Attributes:
        best: index of the article container, or -1.
        good: prose characters per container, summed over its subtree.
        chars: all characters per container, summed over its subtree.
        spine: True for the densest container and its ancestors: wrappers whose
            noisy class names (``ad-off-canvas-pusher``) must not make them chrome.
    """

    best: int
    good: list[float]
    chars: list[float]
    spine: list[bool]


def choose_container(lay: Layout, stats: BlockStats) -> Choice:
    """Choose the article container.

    Args:
        lay: the page layout.
        stats: the measures of ``lay.blocks``.

    Returns:
        A :class:`Choice`: the densest holder of sibling prose paragraphs that is
        not chrome-hinted nor inside comments, widened to the ancestor that joins
        another dense part (``best == -1`` when the page has no prose at all).
    """
    n = len(lay.tag)
    good = [0.0] * n
    chars = [0.0] * n
    for i, block in enumerate(lay.blocks):
        c = block.container
        chars[c] += stats.chars[i]
        if stats.good[i]:
            good[c] += stats.nonlink[i]
    parent = lay.parent
    for c in range(n - 1, 0, -1):
        p = parent[c]
        if p >= 0:
            good[p] += good[c]
            chars[p] += chars[c]
    dense = _densities(lay, stats)
    first = _densest(lay, dense)
    spine = [False] * n
    c = first
    while c >= 0:
        spine[c] = True
        c = parent[c]
    return Choice(_widen(lay, first, good, dense), good, chars, spine)


def _densities(lay: Layout, stats: BlockStats) -> list[float]:
    """Prose credited to the element holding each paragraph (full) and its parent (half).

    As in Arc90 Readability: paragraphs that are siblings make their parent dense,
    while teaser cards (one summary per card) spread their prose thinly.
    """
    dense = [0.0] * len(lay.tag)
    parent, tags = lay.parent, lay.tag
    for i, block in enumerate(lay.blocks):
        if not stats.good[i]:
            continue
        c = block.container
        if tags[c] in PARAGRAPH_TAGS and parent[c] >= 0:
            c = parent[c]
        weight = stats.nonlink[i] + 10.0 * min(stats.punct[i], 5)
        dense[c] += weight
        if parent[c] >= 0:
            dense[parent[c]] += 0.5 * weight
    return dense


def _densest(lay: Layout, dense: Sequence[float]) -> int:
    """The densest container that is not chrome-hinted itself nor inside comments."""
    best, best_score = -1, 0.0
    parent, hint = lay.parent, lay.hint
    in_comments = [False] * len(dense)
    for c, value in enumerate(dense):
        p = parent[c]
        in_comments[c] = hint[c] == -3 or (p >= 0 and in_comments[p])
        if in_comments[c] or hint[c] < 0:
            continue
        value *= HINT_FACTOR[hint[c]]
        if value > best_score:
            best, best_score = c, value
    return best


def _widen(lay: Layout, best: int, good: Sequence[float], dense: Sequence[float]) -> int:
    """Climb from ``best`` to an ancestor holding another paragraph-dense part.

    News bodies are often split into sibling columns by ads or paywall markup;
    the ancestor that joins them is the article. Teaser lists (prose spread one
    summary per card) never make a dense rival, so they are not joined.
    """
    if best < 0:
        return best
    parent = lay.parent
    n = len(parent)
    end = list(range(1, n + 1))
    for c in range(n - 1, 0, -1):
        p = parent[c]
        if p >= 0 and end[c] > end[p]:
            end[p] = end[c]
    cur = best
    while parent[cur] >= 0:
        p = parent[cur]
        if good[p] > good[cur]:
            rival = max(
                (dense[j] for j in range(p + 1, end[p]) if not cur <= j < end[cur]), default=0.0
            )
            if rival < RIVAL_SHARE * dense[best]:
                break
            best = p
        cur = p
    return best
