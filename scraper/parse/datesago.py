"""Relative times in visible text: "3 hours ago", "il y a 2 jours", "منذ ساعتين".

News pages, Arabic ones especially, often show only how long ago a story was
published or updated. Such a phrase is a date only together with the moment the
page was fetched, so :func:`find_relative_dates` takes that moment (``now``) and
returns ``now`` minus the stated amount. Forms read (words are data in
``datewords.py``):

* amount, unit, then an "ago" word: ``3 hours ago``, ``an hour ago``, ``2 giorni fa``,
  ``5 dakika önce``, ``10 минут назад``;
* a "since"/"ago" word, then amount and unit: ``il y a 3 heures``, ``vor einer Stunde``,
  ``hace 2 horas``, ``há 3 dias``, ``منذ 3 ساعات``, ``قبل 15 دقيقة``;
* Arabic without a number: ``منذ ساعة`` (one hour), and the dual ``منذ ساعتين``
  (two hours), ``قبل يومين`` (two days); a plural with no number (``منذ ساعات``,
  "hours ago") is too vague and read as nothing;
* a second amount or a half: ``2 hours, 15 minutes ago``, ``منذ 2 ساعة و 15 دقيقة``,
  ``منذ ساعتين ونصف`` (two and a half hours);
* a day word with a time: ``أمس الساعة 9:30 مساءً``, ``yesterday at 9:30 pm``,
  ``aujourd'hui à 14h05``; the result is naive (the time is the page's local
  time: the caller gives it the page's zone) and the day counts back from the
  page's local date (``today``), else from ``now``'s.

Amounts are written in ASCII, Arabic-Indic or Persian digits. Units are minutes,
hours, days and weeks; larger ones ("3 months ago") are too vague to be a date.
Pure; no I/O.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from .datetext import TextDate, normalize_digits, time_at
from .datewords import (
    RELATIVE_AFTER,
    RELATIVE_AND,
    RELATIVE_BARE,
    RELATIVE_BEFORE,
    RELATIVE_DAYS,
    RELATIVE_DUALS,
    RELATIVE_FRACTIONS,
    RELATIVE_HALF,
    RELATIVE_ONE,
    RELATIVE_UNITS,
)

#: The longest span a relative phrase may state (older ones are not "recent").
MAX_AGE = timedelta(days=60)


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNIT = rf"(?P<unit>{_alternation(list(RELATIVE_UNITS))})"
_AMOUNT = rf"(?:(?P<n>\d{{1,3}})|(?P<one>{_alternation(RELATIVE_ONE)}))"
# A second amount or a half after the first: ", 15 minutes", "و 15 دقيقة", "ونصف".
_MORE = (
    rf"(?:\s*[,،]?\s*(?:(?:{_alternation(RELATIVE_AND)})\s*)?"
    rf"(?:(?P<n2>\d{{1,3}})\s+(?P<unit2>{_alternation(list(RELATIVE_UNITS))})"
    rf"|(?P<half>{_alternation(RELATIVE_HALF)}))(?!\w))?"
)
# Amounts said in one word or phrase: Arabic duals, fractions of an hour.
_FIXED = {k.lower(): v for k, v in {**RELATIVE_DUALS, **RELATIVE_FRACTIONS}.items()}
_PATTERNS = (
    # "half an hour ago", "mezz'ora fa"
    re.compile(
        rf"(?<!\w)(?P<dual>{_alternation(list(RELATIVE_FRACTIONS))})\s+"
        rf"(?:{_alternation(RELATIVE_AFTER)})(?!\w)",
        re.I,
    ),
    # "3 hours ago", "an hour ago", "2 giorni fa", "2 hours, 15 minutes ago"
    re.compile(
        rf"(?<!\w){_AMOUNT}\s+{_UNIT}{_MORE}\s+(?:{_alternation(RELATIVE_AFTER)})(?!\w)", re.I
    ),
    # "il y a 3 heures", "vor einer Stunde", "منذ 3 ساعات", "منذ ساعة", "منذ ساعتين ونصف"
    re.compile(
        rf"(?<!\w)(?:{_alternation(RELATIVE_BEFORE)})\s+"
        rf"(?:(?P<dual>{_alternation(list(_FIXED))})|(?:{_AMOUNT}\s+)?{_UNIT})(?!\w)"
        rf"{_MORE}",
        re.I,
    ),
)

_DAY = re.compile(rf"(?<!\w)(?P<day>{_alternation(list(RELATIVE_DAYS))})(?!\w)", re.I)
_TRIGGER = re.compile(
    rf"(?<!\w)(?:{_alternation(RELATIVE_BEFORE)}|{_alternation(RELATIVE_AFTER)}"
    rf"|{_alternation(list(RELATIVE_DAYS))})(?!\w)",
    re.I,
)


def may_hold_relative(text: str) -> bool:
    """A cheap test: whether ``text`` has an "ago"/"since" word at all (``منذ``,
    ``ago``, ``il y a``...), so that :func:`find_relative_dates` can find something."""
    return _TRIGGER.search(text) is not None


def find_relative_dates(text: str, *, now: datetime, today: date | None = None) -> list[TextDate]:
    """Find "N units ago" phrases in ``text`` and turn them into datetimes.

    Args:
        text: one block of visible text (a byline or date line).
        now: the aware datetime the page was fetched (the phrases count back from it).
        today: the calendar date at ``now`` in the page's own zone, which day words
            ("أمس", "yesterday", "اليوم") count back from; default ``now``'s date.
            Riyadh between 00:00 and 03:00 local is already the next day there.

    Returns:
        :class:`~scraper.parse.datetext.TextDate` items in text order, without
        overlaps; each ``value`` is ``now`` minus the amount, to the minute,
        in ``now``'s zone, with ``has_time`` True for minutes and hours. Amounts of
        zero or beyond :data:`MAX_AGE` are skipped, and so is a plural unit with
        no number ("منذ ساعات", "hours ago"). A second amount adds up ("2 hours,
        15 minutes ago", "منذ 2 ساعة و 15 دقيقة"), a half word adds half the unit
        ("منذ ساعتين ونصف": 2.5 hours). A day word with a time gives a naive
        value on that day.
    """
    norm = normalize_digits(text)
    found: list[TextDate] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(norm):
            if any(match.start() < d.end and d.start < match.end() for d in found):
                continue
            seconds = _seconds(match)
            if not seconds or timedelta(seconds=seconds) > MAX_AGE:
                continue
            value = (now - timedelta(seconds=seconds)).replace(second=0, microsecond=0)
            found.append(TextDate(match.start(), match.end(), value, seconds < 86400))
    for match in _DAY.finditer(norm):
        clock = time_at(norm, match.end())
        if clock is None or any(match.start() < d.end and d.start < match.end() for d in found):
            continue
        day = (today or now.date()) - timedelta(days=RELATIVE_DAYS[match["day"].lower()])
        hour, minute, end = clock
        value = datetime(day.year, day.month, day.day, hour, minute)  # the page's zone
        found.append(TextDate(match.start(), end, value, has_time=True))
    found.sort(key=lambda d: d.start)
    return found


def _seconds(match: re.Match[str]) -> int:
    """The amount a relative phrase states, in seconds; 0 when it is too vague."""
    groups = match.groupdict()
    if groups.get("dual"):
        total = _FIXED[groups["dual"].lower()]
        unit = total // 2
    else:
        unit = RELATIVE_UNITS[groups["unit"].lower()]
        if not (groups.get("n") or groups.get("one") or groups["unit"].lower() in _BARE):
            return 0  # "منذ ساعات": hours ago, how many is not said
        total = (int(groups["n"]) if groups.get("n") else 1) * unit
    if groups.get("unit2"):
        total += int(groups["n2"]) * RELATIVE_UNITS[groups["unit2"].lower()]
    elif groups.get("half"):
        total += unit // 2
    return total


_BARE = frozenset(RELATIVE_BARE)

__all__ = ["MAX_AGE", "find_relative_dates", "may_hold_relative"]
