"""Blocks and containers of a page.

:func:`layout` makes one read-only DOM traversal that cuts a page into *blocks*
(the text of one block element -- ``p``, ``li``, ``h2``, a ``div``'s own text --
with inline markup flattened, whitespace collapsed and link text counted) and
*containers* (every block-level element, with its parent container). Children
are always created after their parents, so sums over subtrees are one backward
pass over the containers: no per-node recursion, nothing quadratic.

:func:`scraper.parse.scoring.choose_container` then picks the article
container; :mod:`scraper.parse.body` keeps the blocks inside it.

The tree is only read (body extraction passes its own pruned copy).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from .hints import BLOCK_TAGS, CJK_GAP_RE, SKIP_TAGS, element_hint

_PICTURES = frozenset({"img", "picture", "video"})
#: ``Layout.hint`` of a container whose attributes were not read yet.
UNREAD = 9
#: Nodes looked at, back from a node, for the whitespace before it.
_GAP_STEPS = 4
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
        hint: hint per container, -3 (comments) to 3 (an embedded post), or
            :data:`UNREAD` until :meth:`hint_of` reads it; see
            :func:`scraper.parse.hints.element_hint`.
        nodes: the element of each container (its attributes are read on demand).
        pictured: containers holding an ``<img>``, ``<picture>`` or ``<video>``
            directly (not inside a child container).
    """

    blocks: list[Block] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    hint: list[int] = field(default_factory=list)
    nodes: list[LexborNode | None] = field(default_factory=list)
    pictured: set[int] = field(default_factory=set)

    def hint_of(self, container: int) -> int:
        """The hint of ``container``, read from its element's attributes once.

        Most containers (menus, wrappers of teasers) never need theirs: the
        scoring only asks for those holding prose or inside the chosen one.
        Hidden elements were cut before the walk, so every element has a hint.
        """
        hint = self.hint[container]
        if hint == UNREAD:
            node = self.nodes[container]
            found = element_hint(node.attributes, self.tag[container]) if node else 0
            hint = self.hint[container] = -2 if found is None else found
        return hint


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

    def space_before(self, node: LexborNode) -> None:
        """Put back the whitespace-only text node (skipped by the traversal) that
        separates ``node`` from the inline text before it."""
        last = self.parts[-1]
        if last and not last[-1].isspace() and gap_before(node):
            self.parts.append(" ")

    def line_break(self, container: int) -> None:
        """A ``<br>``: a space, and the end of the block when it is the second in a row."""
        self.switch(container)
        self.brs += 1
        if self.brs >= 2:
            self.flush()
        else:
            self.parts.append(" ")

    def add_container(self, tag: str, parent: int, hint: int, node: LexborNode | None) -> int:
        out = self.out
        out.parent.append(parent)
        out.tag.append(tag)
        out.hint.append(hint)
        out.nodes.append(node)
        return len(out.tag) - 1


def gap_before(node: LexborNode) -> bool:
    """Whether whitespace-only text (skipped by the traversal) comes right before
    ``node``: as its previous sibling, past ``<!-- -->`` comments (React output),
    or as the last text inside the previous element (``<b>word </b>next``)."""
    prev = node.prev
    for _ in range(_GAP_STEPS):
        if prev is None:
            return False
        if prev.is_empty_text_node:
            return True
        prev = prev.prev if prev.is_comment_node else prev.last_child
    return False


def layout(root: LexborNode) -> Layout:
    """Cut the subtree at ``root`` into blocks and containers in one traversal.

    Lexbor's own (C) traversal visits the nodes in document order, skipping
    whitespace-only text (a space is put back where one separated two inline
    elements); each node's container and link state are looked up from its
    parent's, keyed by ``mem_id``, so no node is visited twice and no text is
    read twice. Callers prune dead subtrees first
    (:func:`scraper.parse.prune.pruned_copy`) so that there are fewer nodes to visit.

    Args:
        root: the element to read (usually ``<body>`` or ``<html>``).

    Returns:
        A :class:`Layout`; container 0 is ``root``. ``<br><br>`` ends a block;
        a single ``<br>`` is a space. Inline elements with a strong chrome hint
        (``share``, ``caption``) are skipped, as are hidden elements.
    """
    walker = _Walker()
    # mem_id -> (container index, inside a link); skipped nodes are absent.
    state: dict[int, tuple[int, bool]] = {}
    nodes = iter(root.traverse(include_text=True, skip_empty=True))
    first = next(nodes, None)
    if first is None:
        return walker.out
    state[first.mem_id] = (walker.add_container(first.tag or "div", -1, 1, None), False)
    get = state.get
    out = walker.out
    parents, tags, hints, elements = out.parent, out.tag, out.hint, out.nodes
    for node in nodes:
        tag = node.tag
        if tag in BLOCK_TAGS:
            # The most frequent case, inlined: a new container (hint read later).
            found = get(node.parent.mem_id)  # type: ignore[union-attr]
            if found is None:
                continue
            if walker.parts or walker.links:
                walker.flush()
            else:
                walker.brs = 0
            walker.current = len(tags)
            parents.append(found[0])
            tags.append(tag)
            hints.append(UNREAD)
            elements.append(node)
            state[node.mem_id] = (walker.current, found[1])
            continue
        if tag in SKIP_TAGS or tag is None:
            if tag in _PICTURES:
                found = get(node.parent.mem_id)  # type: ignore[union-attr]
                if found is not None:
                    walker.out.pictured.add(found[0])
            continue
        found = get(node.parent.mem_id)  # type: ignore[union-attr]
        if found is None:
            continue
        if tag == "-text":
            text = node.text_content or ""
            if found[0] != walker.current:
                walker.switch(found[0])
            elif walker.parts and text and not text[0].isspace():
                walker.space_before(node)
            walker.parts.append(text)
            walker.brs = 0
            if found[1]:
                walker.link_chars += len(text.strip())
        elif tag in _PLAIN_INLINE:
            if walker.parts:
                walker.space_before(node)
            state[node.mem_id] = found
        elif tag == "br":
            walker.line_break(found[0])
        else:
            _enter(walker, node, tag, found, state)
    walker.flush()
    return walker.out


def _enter(
    walker: _Walker,
    node: LexborNode,
    tag: str,
    found: tuple[int, bool],
    state: dict[int, tuple[int, bool]],
) -> None:
    """Record an inline element: link state for ``<a>``; inline chrome and hidden
    elements are skipped (block elements are handled in :func:`layout`)."""
    container = found[0]
    if walker.parts:
        walker.space_before(node)
    attrs = node.attributes
    hint = element_hint(attrs, tag)
    if hint is None or hint <= -2:
        return
    if tag == "a":
        walker.switch(container)
        href = attrs.get("href")
        if href and not href.startswith(_NOT_LINKS):
            walker.links.append(href)
        state[node.mem_id] = (container, True)
    else:
        state[node.mem_id] = found
