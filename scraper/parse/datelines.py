"""Dates written for people in a page's text blocks, and what their labels say.

Reads the blocks of :func:`scraper.parse.datescan.scan_body`. A visible date is
the page's own when a label near it says so ("Published", "نشر في", "آخر تحديث",
"Mis à jour"...: :func:`scraper.parse.datetext.label_of`), or, unlabeled, when
it is a *date line* in the first blocks after the ``<h1>``: a line with at most
three words before or after the date ("Cairo, 5 March 2024 - By X"), or one
holding a date label, never a date inside a sentence of the story ("a study
published on 15 July 2021 found..."). Relative times ("منذ ساعتين", "3 hours
ago") count in short lines only (:mod:`scraper.parse.datesago`). A page may
also state its zone once ("All times are GMT+2", "جميع الأوقات بتوقيت GMT+2"):
:func:`stated_zone`. Pure: no I/O, the blocks are only read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from .datesago import find_relative_dates, may_hold_relative
from .datescan import Block, Scan
from .datetext import Kind, TextDate, find_text_dates, has_label, label_of, zone_at

#: Unlabeled visible dates are read in this many blocks after the ``<h1>``.
TEXT_WINDOW = 8
#: "2 hours ago" is read only in lines this short: in a paragraph it is story text.
RELATIVE_CHARS = 80
#: A date line has at most this many words before or after its date.
DATELINE_WORDS = 3
#: A label in the block before a date counts when that block is this short.
LABEL_BLOCK_CHARS = 40

_DIGIT = re.compile(r"\d")
_ALL_TIMES = re.compile(
    r"(?:all times(?: are| in)?|times are|جميع الأوقات|كل الأوقات|الأوقات|toutes les heures"
    r"(?: sont)?(?: en| à)?|alle zeiten|alle uhrzeiten|todas las horas|tutti gli orari)"
    r"(?P<at>\s*بتوقيت)?",
    re.IGNORECASE,
)
#: Every statement :data:`_ALL_TIMES` reads holds one of these (lower case): a
#: cheap substring test before the pattern, which is slow on a whole body's text.
_ALL_TIMES_KEYS = ("times", "الأوقات", "heures", "zeiten", "horas", "orari")


@dataclass(frozen=True, slots=True)
class VisibleDate:
    """One date read in the text.

    Attributes:
        value: the datetime (naive when the text states no zone).
        kind: what its label says, or None for an unlabeled date line.
        timed: True when a time of day was written with it.
    """

    value: datetime
    kind: Kind | None
    timed: bool


def visible_dates(
    scan: Scan,
    *,
    now: datetime,
    month_first: bool,
    today: Callable[[], date] | None = None,
) -> list[VisibleDate]:
    """The labeled dates of a page's text, and its unlabeled date lines.

    Args:
        scan: the blocks of the page body.
        now: aware datetime the page was fetched (relative times count back from it).
        month_first: read ``03/05/2024`` as March 5 (US English pages).
        today: returns the page's local date at ``now`` (day words such as "أمس"
            and "yesterday" count back from it); called only for a short line
            holding such a word; default ``now``'s own date.

    Returns:
        In document order: every date next to a label (with its ``kind``), and
        the unlabeled dates of date lines within :data:`TEXT_WINDOW` blocks after
        the ``<h1>`` (anywhere when the page has none), ``kind`` None.
    """
    found: list[VisibleDate] = []
    blocks = scan.blocks
    window = 0
    for index, block in enumerate(blocks):
        if block.after_h1:
            window += 1
        in_window = (block.after_h1 and window <= TEXT_WINDOW) or not scan.after_h1
        previous = blocks[index - 1].text if index else ""
        end = 0
        for item in _block_dates(block.text, previous, in_window, now, month_first, today):
            kind = label_near(blocks, index, block.text[end : item.start], "")
            end = item.end
            if kind is not None or (in_window and _is_dateline(block.text, item)):
                found.append(VisibleDate(item.value, kind, item.has_time))
    return found


def label_near(blocks: list[Block], index: int, before: str, own_text: str) -> Kind | None:
    """What the words just before a date in block ``index`` announce.

    Args:
        blocks: the page's blocks.
        index: the block holding the date.
        before: the block's text between the previous date (or its start) and this one.
        own_text: the visible text of the element stating the date ("" for text dates).

    Returns:
        ``"published"``, ``"updated"`` or None. The element's own words come first
        ("Updated 5 March"); when no letter precedes the date in its block, a
        short block just before it is read as well ("Published" on its own line).
    """
    head = re.split(r"\d", own_text, maxsplit=1)[0]
    kind = label_of(head) if head.strip() else None
    if kind is not None:
        return kind
    short_before = index > 0 and len(blocks[index - 1].text) <= LABEL_BLOCK_CHARS
    if short_before and not any(ch.isalpha() for ch in before):
        before = blocks[index - 1].text + " " + before
    return label_of(before)


def stated_zone(scan: Scan) -> tzinfo | None:
    """The zone a page states for all its times ("All times are GMT+2", "جميع
    الأوقات بتوقيت GMT+2", "Toutes les heures sont en UTC"), or None.

    Only the scanned blocks are read (footers are skipped by the scan); see
    :func:`stated_zone_in_text` for the whole body text.
    """
    for block in scan.blocks:
        zone = stated_zone_in_text(block.text)
        if zone is not None:
            return zone
    return None


def stated_zone_in_text(text: str) -> tzinfo | None:
    """The zone stated for all times in ``text`` (a block, or a whole body's text
    when nothing else gave a zone: such statements often sit in the site footer).

    Args:
        text: visible text.

    Returns:
        The zone of the first statement followed by a readable zone ("All times
        are GMT+2", «جميع الأوقات بتوقيت مكة المكرمة»: a fixed offset or an
        IANA zone), or None.
    """
    low = text.lower()
    if not any(key in low for key in _ALL_TIMES_KEYS):
        return None
    for statement in _ALL_TIMES.finditer(text):
        zone = zone_at(text, statement.end())
        if zone is None and statement["at"]:  # «بتوقيت مكة»: the name takes the «بـ»
            zone = zone_at(text, statement.start("at"))
        if zone is not None:
            return zone
    return None


def _block_dates(
    text: str,
    previous: str,
    in_window: bool,
    now: datetime,
    month_first: bool,
    today: Callable[[], date] | None,
) -> list[TextDate]:
    """The dates of one block that may be the page's: absolute ones, and relative
    ones in a short line. Only blocks in the window after the ``<h1>`` or next
    to a label are read."""
    digits = _DIGIT.search(text) is not None
    relative = len(text.strip()) <= RELATIVE_CHARS and may_hold_relative(text)
    if not (digits or relative):
        return []  # cheap skip: no date can be read here
    labeled = has_label(text) or (len(previous) <= LABEL_BLOCK_CHARS and has_label(previous))
    if not (in_window or labeled):
        return []
    dates = find_text_dates(text, month_first=month_first) if digits else []
    if relative:
        taken = [(d.start, d.end) for d in dates]
        local = today() if today is not None else None  # asked only here: it can cost
        for date in find_relative_dates(text, now=now, today=local):
            if not any(date.start < e and s < date.end for s, e in taken):
                dates.append(date)
        dates.sort(key=lambda d: d.start)
    return dates


def _is_dateline(text: str, date: TextDate) -> bool:
    """Whether an unlabeled date is its line's own date ("05/10/2018 - By X",
    "Cairo, 5 March 2024") rather than a date in a sentence of the story."""
    before = text[: date.start].split()
    after = text[date.end :].split()
    if len(before) <= DATELINE_WORDS or len(after) <= DATELINE_WORDS:
        return True
    return has_label(text)  # a metadata line: "Par X - Le 05/03/2024 - Mis à jour le ..."


__all__ = ["VisibleDate", "label_near", "stated_zone", "stated_zone_in_text", "visible_dates"]
