"""Scoring a page's blocks and choosing the article container.

:class:`BlockStats` measures each block of a :class:`~scraper.parse.blocks.Layout`
(length weighted for CJK, text outside links, punctuation of any script, "reads
like prose"); :func:`choose_container` picks the article container: the densest
holder of sibling paragraphs, as in Arc90 Readability, widened to join a body
split into columns. :func:`mark_end_boxes` first turns boxes opened by a
"Related" / "You may also like" heading into chrome; :func:`safety_net` widens a
choice holding too little of the page's prose, and :func:`select_region` lists
the blocks inside the choice that are not under chrome.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import takewhile

from .blocks import Block, Layout
from .hints import (
    CJK_RE,
    CJK_WEIGHT,
    EMBED_HINT,
    HEADING_TAGS,
    HINT_FACTOR,
    NEXT_STORY_LABELS,
    PARAGRAPH_TAGS,
    PROSE_LINK_DENSITY,
    PUNCTUATION_RE,
    SENTENCE_END,
    is_end_heading,
)

#: A part of the body split off by ads is joined when its density is at least this
#: share of the densest part's.
RIVAL_SHARE = 0.3
#: Longest block (characters) read as a box heading.
END_HEADING_CHARS = 60
#: The chosen container must hold this share of the page's prose outside chrome.
SAFETY_SHARE = 0.4
#: A weakly chrome-hinted container holding an image and fewer characters than
#: this is a photo box (image and caption).
CAPTION_CHARS = 400


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
        end: per container, one past the last container of its subtree
            (:func:`subtree_ends`).
    """

    best: int
    good: list[float]
    chars: list[float]
    spine: list[bool]
    end: list[int]


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
    comments = [-1] * n
    first = _densest(lay, dense, comments)
    spine = [False] * n
    c = first
    while c >= 0:
        spine[c] = True
        c = parent[c]
    end = subtree_ends(parent)
    return Choice(_widen(lay, first, good, dense, comments, end), good, chars, spine, end)


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


def mark_end_boxes(lay: Layout) -> None:
    """Hint as chrome (-3, like comments) the boxes opened by a "Related" heading.

    A heading (``h2``-``h6``, or a short element with no block inside) reading
    "Related stories", "You may also like", "Leia também", "اقرأ أيضا", "Next
    article"... (:func:`~scraper.parse.hints.is_end_heading`) that is the first
    text of its parent container makes that container a box of teasers or
    comments, however its class is named; so does a "Next article" label
    (:data:`~scraper.parse.hints.NEXT_STORY_LABELS`) written in a ``div``'s own
    text before the preview's blocks. A heading in the middle of a container's
    text is left alone (the article may go on after it), and so is a box holding
    the ``<h1>``.

    Args:
        lay: the page layout; its ``hint`` list is updated in place.
    """
    parent, tags, blocks = lay.parent, lay.tag, lay.blocks
    end: list[int] = []
    for i, block in enumerate(blocks):
        if len(block.text) > END_HEADING_CHARS or not is_end_heading(block.text):
            continue
        end = end or subtree_ends(parent)
        c = block.container
        if tags[c] in HEADING_TAGS or end[c] == c + 1:
            box = parent[c]  # a heading element, first in its box
        elif tags[c] in _BOX_TAGS and block.text.lower().startswith(NEXT_STORY_LABELS):
            box = c  # "<div><span>Next article</span><article>...": the preview's own box
        else:
            continue
        if box <= 0 or (i and box <= blocks[i - 1].container < end[box]):
            continue
        inside = takewhile(lambda b: b.container < end[box], blocks[i + 1:])  # noqa: B023
        if lay.hint_of(box) < 2 and not any(tags[b.container] == "h1" for b in inside):
            lay.hint[box] = -3


#: Containers that may hold a box label in their own text, before their child blocks.
_BOX_TAGS = frozenset({"div", "section", "aside", "nav", "footer", "ul", "ol"})


def subtree_ends(parent: Sequence[int]) -> list[int]:
    """Per container, one past the last container of its subtree (containers are
    numbered in document order, children after their parent)."""
    n = len(parent)
    end = list(range(1, n + 1))
    for c in range(n - 1, 0, -1):
        p = parent[c]
        if p >= 0 and end[c] > end[p]:
            end[p] = end[c]
    return end


def in_comments(lay: Layout, container: int, flags: list[int]) -> bool:
    """Whether ``container`` is, or lies inside, reader comments (or a teaser box).

    Args:
        lay: the page layout.
        container: the container asked about.
        flags: per container, -1 until known, then 0 or 1; shared between calls,
            so each container's hint is read at most once.
    """
    return ancestry_flag(lay, container, flags, lambda c: lay.hint_of(c) == -3)


def ancestry_flag(
    lay: Layout, container: int, flags: list[int], own: Callable[[int], bool]
) -> bool:
    """A flag true for a container when ``own`` is true for it or for an ancestor.

    Computed up the parent chain only as far as a known flag, then filled in
    downwards: no recursion (pages nest thousands of levels deep), and no
    container is judged twice.
    """
    parent = lay.parent
    path: list[int] = []
    c = container
    while c >= 0 and flags[c] < 0:
        path.append(c)
        c = parent[c]
    value = c >= 0 and flags[c] == 1
    for c in reversed(path):
        value = value or own(c)
        flags[c] = 1 if value else 0
    return value


def _densest(lay: Layout, dense: Sequence[float], comments: list[int]) -> int:
    """The densest container that is not chrome-hinted itself nor inside comments.

    Its score is its density times :data:`~scraper.parse.hints.HINT_FACTOR`. When
    every container holding prose is chrome-hinted (an article in a
    ``<div class="card">``), the densest of those outside comments is taken:
    a page with prose is never left without a candidate.
    """
    candidates = [c for c, value in enumerate(dense) if value > 0]
    for weakest in (0, -2):
        best, best_score = -1, 0.0
        for c in candidates:
            hint = lay.hint_of(c)
            if hint < weakest or in_comments(lay, c, comments):
                continue
            value = dense[c] * HINT_FACTOR[hint]
            if value > best_score:
                best, best_score = c, value
        if best >= 0:
            return best
    return -1


def _widen(
    lay: Layout, best: int, good: Sequence[float], dense: Sequence[float],
    comments: list[int], end: Sequence[int],
) -> int:
    """Climb from ``best`` to an ancestor holding another paragraph-dense part.

    News bodies are often split into sibling columns by ads or paywall markup;
    the ancestor that joins them is the article. Teaser lists (prose spread one
    summary per card) never make a dense rival, so they are not joined; nor are
    comments and teaser boxes.
    """
    if best < 0:
        return best
    parent = lay.parent
    cur = best
    while parent[cur] >= 0:
        p = parent[cur]
        if good[p] > good[cur]:
            rival = max(
                (
                    dense[j]
                    for j in range(p + 1, end[p])
                    if dense[j] > 0 and not cur <= j < end[cur]
                    and not in_comments(lay, j, comments)
                ),
                default=0.0,
            )
            if rival < RIVAL_SHARE * dense[best]:
                break
            best = p
        cur = p
    return best


def safety_net(lay: Layout, stats: BlockStats, choice: Choice) -> Choice:
    """Widen a choice that holds too little of the page's prose outside chrome.

    When the chosen container holds under ``SAFETY_SHARE`` of the prose found
    outside chrome containers, the article is likely scattered (or the densest
    spot was a side box): the deepest container holding 80% of that prose is
    taken instead, and the block filters do the rest.
    """
    if choice.best < 0:
        return choice
    n = len(lay.tag)
    parent, pictured = lay.parent, lay.pictured
    good, chars, spine = choice.good, choice.chars, choice.spine
    chrome = [-1] * n
    clean = [0.0] * n

    def own(c: int) -> bool:
        return _is_chrome(lay.hint_of(c), good[c], chars[c], spine[c], c in pictured)

    for i, block in enumerate(lay.blocks):
        if stats.good[i] and not ancestry_flag(lay, block.container, chrome, own):
            clean[block.container] += stats.nonlink[i]
    for c in range(n - 1, 0, -1):
        if parent[c] >= 0:
            clean[parent[c]] += clean[c]
    total = clean[0]
    if total <= 0 or clean[choice.best] >= SAFETY_SHARE * total:
        return choice
    best = max(c for c in range(n) if clean[c] >= 0.8 * total)
    return Choice(best, choice.good, choice.chars, choice.spine, choice.end)


def _is_chrome(hint: int, good: float, chars: float, spine: bool, pictured: bool) -> bool:
    """Whether a container is chrome, from its hint and its prose.

    Comments always are. Other hints never are on the spine (the densest
    container and its ancestors: wrappers with noisy class names); elsewhere a
    strong hint (``share``, ``advert``, ``<aside>``) is, and a weak one (``widget``,
    ``photo``, ``<form>``) on a container that is under half prose, or that holds
    an image and a caption's worth of text (a photo box without ``<figure>``).
    """
    if hint >= 0:
        return False
    if hint == -3:
        return True
    if spine:
        return False
    return hint == -2 or good < 0.5 * chars or (pictured and chars < CAPTION_CHARS)


def _inside(lay: Layout, choice: Choice) -> tuple[list[bool], list[bool]]:
    """Which containers lie in the chosen one and which of those are chrome inside it.

    Chrome is inherited, except by an embedded social-media post (its wrapper is
    often named ``social``); comments stay chrome all the way down."""
    n = len(lay.tag)
    inside = [False] * n
    chrome = [False] * n
    comments = [False] * n
    best = choice.best
    inside[best] = True
    parent, pictured = lay.parent, lay.pictured
    good, chars, spine = choice.good, choice.chars, choice.spine
    for c in range(best + 1, choice.end[best]):
        p = parent[c]
        if p >= 0 and inside[p]:
            inside[c] = True
            hint = lay.hint_of(c)
            comments[c] = comments[p] or hint == -3
            if hint == EMBED_HINT:
                # A quoted post is text even in a "social-embed" wrapper, not in comments.
                chrome[c] = comments[c]
            else:
                chrome[c] = chrome[p] or _is_chrome(
                    hint, good[c], chars[c], spine[c], c in pictured
                )
    return inside, chrome


def select_region(lay: Layout, choice: Choice) -> list[int]:
    """Indexes (document order) of the blocks inside the chosen container and not
    under a chrome container inside it."""
    inside, chrome = _inside(lay, choice)
    return [i for i, b in enumerate(lay.blocks) if inside[b.container] and not chrome[b.container]]
