"""Date strings to datetimes: machine values and visible text in several languages.

Two readers live here, both pure and without I/O:

* :func:`parse_value` reads a machine-readable value from an attribute, a meta
  tag or JSON-LD: ISO 8601 (``datetime.fromisoformat``, then ``dateutil``'s
  ``isoparse``), Unix epochs in seconds or milliseconds, RFC 2822 (``email.utils``),
  then a guarded ``dateutil`` parse.
* :func:`find_text_dates` finds dates written for people inside a run of text,
  with month names in English, French, German, Spanish, Portuguese, Italian,
  Russian, Turkish and Arabic (Egyptian/Gulf ``يناير`` and Levantine ``كانون الثاني``
  forms, plus Maghreb ``جانفي``), Arabic-Indic (``٠-٩``) and Persian (``۰-۹``) digits,
  an optional time (``14:05``, ``08h15``, ``9:15 PM``, ``١٠:٣٠ م``) and an optional
  zone (``GMT+3``, ``+03:00``, ``CET``, US ``ET``/``PT`` as IANA zones...).

The words themselves (month names, label words, zone names) are data in
``datewords.py``. Values may come back naive: the caller (``dates.py``) gives
them the page's zone.
:func:`label_of` tells whether the words before a date announce the publication
or the last update (``"Published"``, ``"نشر في"``, ``"آخر تحديث"``, ``"Mis à jour"``...).
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo

from dateutil import parser as du_parser

from .datewords import (
    ABBR_HOURS,
    MONTHS,
    NAMED_ZONES,
    PUBLISHED_WORDS,
    REGION_ZONES,
    UPDATED_WORDS,
    WEEKDAYS,
)

Kind = Literal["published", "updated"]

_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")})
# Direction marks, the Arabic letter mark and no-break spaces become plain spaces,
# one character for one, so offsets into the normalized text stay valid.
_DIGITS.update({ord(c): " " for c in "\u200e\u200f\u061c\u00a0\u202f\u2009\u200b"})
_DIGITS[ord("٫")] = ":"

MIN_YEAR = 1990

_MONTH_OF = {name: number for number, names in MONTHS.items() for name in names}
_MONTH_RE = "|".join(re.escape(n) for n in sorted(_MONTH_OF, key=len, reverse=True))

_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?\.?"
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_MON = rf"(?P<m>{_MONTH_RE})(?!\w)\.?"
_YEAR_ANYWHERE = re.compile(r"(?:19|20)\d\d")
_PATTERNS = (
    re.compile(
        rf"(?<![\w]){_DAY}\s*(?:de\s+|of\s+)?{_MON}\s*(?:de\s+|,\s*|،\s*)?{_YEAR}(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(rf"(?<!\w){_MON}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE),
    re.compile(
        r"(?<![\d/.-])(?P<y>(?:19|20)\d{2})(?P<s>[-/.])(?P<m>[01]?\d)(?P=s)(?P<d>[0-3]?\d)"
        r"(?![\d/.-]|\.\d)"
    ),
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(
        r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<s>[-/.])(?P<b>[01]?\d)(?P=s)(?P<y>(?:19|20)\d{2})"
        r"(?![\d/.-]|\.\d)"
    ),
)
_TIME_AFTER = re.compile(
    r"\s*(?:[,،|·–—-]\s*)?"
    r"(?:(?:at|à|a las|às|as|um|alle|ore|в|saat|kl\.|الساعة|في تمام الساعة|عند الساعة)\s*)?"
    r"(?:[,،|·–—-]\s*)?"
    r"(?P<H>[0-2]?\d)\s*[:h.時时]\s*(?P<M>[0-5]\d)(?:[:.](?P<S>[0-5]\d))?(?!\d)[分]?"
    r"\s*(?P<ap>[ap]\.?m\.?(?!\w)|صباحاً|صباحًا|صباحا|مساءً|مساءا|مساء|ص(?!\w)|م(?!\w))?",
    re.IGNORECASE,
)
_WEEKDAY_RE = "|".join(re.escape(w) for w in sorted(WEEKDAYS, key=len, reverse=True))
# A time written before its date: "3:12 p.m. ET Nov. 4, 2025", and CNN's order with a
# weekday between them, "10:05 AM EST, Sat November 28, 2026".
_TIME_BEFORE = re.compile(
    r"(?<!\d)(?P<H>[0-2]?\d)[:h](?P<M>[0-5]\d)\s*(?P<ap>[ap]\.?m\.?|ص|م)?"
    r"(?P<zone>\s*(?:(?:GMT|UTC)\s*[+-−]\s*\d{1,2}(?::?\d{2})?|[A-Z]{2,4}))?"  # "3:12 p.m. ET"
    rf"\s*(?:[,،|·–—-]|on|le)?\s*(?:(?:{_WEEKDAY_RE})\.?\s*[,،]?\s*)?$",
    re.IGNORECASE,
)
#: How far before a date :data:`_TIME_BEFORE` looks (characters).
_TIME_BEFORE_CHARS = 40
_ZONE = re.compile(
    r"\s*(?:uhr\s*)?(?:[(（]\s*)?(?:(?:GMT|UTC)\s*(?P<zs>[+-−])\s*(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?"
    r"|(?P<z2s>[+-])(?P<z2h>\d{2}):?(?P<z2m>\d{2})"
    rf"|(?-i:(?P<abbr>{'|'.join(sorted(ABBR_HOURS, key=len, reverse=True))}))"
    r"|(?-i:(?P<region>ET|CT|MT|PT))"
    rf"|ب?(?P<named>{'|'.join(re.escape(n) for n in sorted(NAMED_ZONES, key=len, reverse=True))}))"
    r"(?!\w)",
    re.IGNORECASE,
)


def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


_PUBLISHED_RE = _words_re(PUBLISHED_WORDS)
_UPDATED_RE = _words_re(UPDATED_WORDS)


def _shortest_cover(words: tuple[str, ...]) -> tuple[str, ...]:
    """The lower-cased words that contain no other one: a text holds some word
    of ``words`` only if it holds one of these."""
    kept: list[str] = []
    for word in sorted({w.lower() for w in words}, key=len):
        if not any(k in word for k in kept):
            kept.append(word)
    return tuple(kept)


# Substring tests in C are cheap; the label patterns try ~90 alternatives at
# every character: they run only on a text holding one of these.
_LABEL_KEYS = _shortest_cover(PUBLISHED_WORDS + UPDATED_WORDS)
# Headings that open a list of other stories or reader comments, whose dates are
# not the article's ("Related", "اقرأ أيضا", "Lire aussi", "Mehr zum Thema"...).
RELATED_HEADING = re.compile(
    r"^\s*(?:related|more from|more on|read more|read also|also read|you may also|recommended|"
    r"most read|latest|comments?|à lire aussi|lire aussi|sur le même sujet|commentaires|"
    r"mehr zum thema|lesen sie auch|das könnte sie|kommentare|noticias relacionadas|te puede|"
    r"ver también|comentarios|leia também|leia mais|notícias relacionadas|leggi anche|commenti|"
    r"читайте также|комментарии|ilgili haberler|benzer haberler|yorumlar|اقرأ أيضا|اقرأ أيضاً|"
    r"اقرأ ايضا|أخبار ذات صلة|اخبار ذات صلة|مواضيع ذات صلة|الأكثر قراءة|التعليقات|تعليقات)",
    re.IGNORECASE,
)
_NAMED_ZONES = {name.lower(): zone for name, zone in NAMED_ZONES.items()}
# A zone named just before a date ("北京时间2026年11月28日", "بتوقيت مكة: 5 مارس 2024").
_NAMED_BEFORE = re.compile(
    rf"ب?(?P<named>{'|'.join(re.escape(n) for n in sorted(NAMED_ZONES, key=len, reverse=True))})"
    r"\s*[:：]?\s*$",
    re.IGNORECASE,
)
_EPOCH = re.compile(r"\d{10}(?:\.\d+)?|\d{13}")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)|\d{8}(?!\d)|\d{8}T")
_HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@dataclass(frozen=True, slots=True)
class TextDate:
    """One date found in visible text.

    Attributes:
        start, end: character offsets of the date (and its time and zone) in the text.
        value: the datetime; naive when the text states no zone.
        has_time: True when a time of day was written next to the date.
    """

    start: int
    end: int
    value: datetime
    has_time: bool


def normalize_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII, direction marks and NBSPs to spaces.

    The result has the same length as ``text``, so offsets carry over.
    """
    return text.translate(_DIGITS)


def parse_value(raw: str) -> datetime | None:
    """Read a machine-readable date value (attribute, meta tag, JSON-LD).

    Tried in order: Unix epoch (10 digits = seconds, 13 = milliseconds, read as UTC);
    ISO 8601 (RFC 3339 profile) with ``datetime.fromisoformat`` then
    ``dateutil.parser.isoparse``; RFC 2822 dates (``email.utils``); a ``dateutil``
    parse, only when the value holds a four-digit year; finally the visible-text
    reader (:func:`find_text_dates`), for values like ``"5 mars 2024"``.

    Args:
        raw: the attribute or field value.

    Returns:
        A datetime (naive when the value has no zone), or None when unreadable or
        before 1990.
    """
    text = normalize_digits(raw).strip()
    if not text or len(text) > 80:
        return None
    value = _parse_machine(text)
    if value is None:
        found = find_text_dates(text)
        value = found[0].value if found else None
    if value is None or value.year < MIN_YEAR:
        return None
    return value


def _parse_machine(text: str) -> datetime | None:
    if _EPOCH.fullmatch(text):
        seconds = float(text) / (1000 if len(text) == 13 else 1)
        return datetime.fromtimestamp(seconds, UTC)
    if _ISO_DAY.match(text):  # a full calendar date, not "2024" or "2024-03"
        for reader in (datetime.fromisoformat, du_parser.isoparse):
            try:
                return reader(text.replace("z", "Z"))
            except (ValueError, OverflowError):
                pass
    if re.search(r"\d\d:\d\d", text) and "," in text[:6]:
        try:
            return email.utils.parsedate_to_datetime(text)
        except (ValueError, TypeError, IndexError):
            pass
    if not _HAS_YEAR.search(text) or len(re.findall(r"\d+", text)) < 3:
        return None
    try:
        parsed: datetime = du_parser.parse(text, tzinfos=_known_zone)
        return parsed
    except (ValueError, OverflowError, du_parser.ParserError):
        return None


def _known_zone(name: str | None, offset: int | None) -> tzinfo | None:
    """dateutil ``tzinfos`` hook: our abbreviations; unknown names give a naive value."""
    hours = ABBR_HOURS.get((name or "").upper())
    return _offset(1, hours, 0) if hours is not None else None


def find_text_dates(text: str, *, month_first: bool = False) -> list[TextDate]:
    """Find the full dates (day, month and year) written in a run of visible text.

    Args:
        text: the text of one block (a paragraph, a byline line...).
        month_first: read an ambiguous ``03/05/2024`` as March 5 (US English);
            otherwise day first. A first number above 12 always means day first.

    Returns:
        The dates in text order, without overlaps; a year alone or a month and
        year (copyright lines, archives) are not dates.
    """
    norm = normalize_digits(text)
    found: list[TextDate] = []
    if _YEAR_ANYWHERE.search(norm) is None:
        return found  # every pattern needs a year; most blocks have none
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(norm):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            day_month = _day_month(match, month_first=month_first)
            if day_month is None:
                continue
            item = _with_time(norm, match, int(match["y"]), *day_month)
            if item is not None:
                taken.append((match.start(), match.end()))
                found.append(item)
    found.sort(key=lambda item: item.start)
    return found


def _day_month(match: re.Match[str], *, month_first: bool) -> tuple[int, int] | None:
    groups = match.groupdict()
    if groups.get("a") is not None:
        first, second = int(groups["a"]), int(groups["b"])
        if first > 12 or (not month_first and second <= 12):
            return second, first
        return first, second
    month = groups["m"]
    number = int(month) if month.isdigit() else _MONTH_OF.get(month.lower().rstrip("."))
    if number is None:
        return None
    return number, int(groups["d"])


def _with_time(norm: str, match: re.Match[str], year: int, month: int, day: int) -> TextDate | None:
    try:
        date = datetime(year, month, day)
    except ValueError:
        return None
    end = match.end()
    clock = _TIME_AFTER.match(norm, end)
    zone = None
    if clock is None or int(clock["H"]) > 23:
        clock = _TIME_BEFORE.search(
            norm[max(0, match.start() - _TIME_BEFORE_CHARS) : match.start()]
        )
        clock = clock if clock is not None and int(clock["H"]) <= 23 else None
        if clock is not None and clock["zone"]:  # "3:12 p.m. ET Nov. 4, 2025"
            zone = _ZONE.fullmatch(clock["zone"])
    else:
        end = clock.end()
    if clock is None:
        return TextDate(match.start(), end, date, has_time=False)
    hour = _hour(int(clock["H"]), clock["ap"])
    seconds = int(clock.groupdict().get("S") or 0)
    date = date.replace(hour=hour, minute=int(clock["M"]), second=seconds)
    if zone is None:
        zone = _ZONE.match(norm, end)
        end = zone.end() if zone is not None and _zone_of(zone) is not None else end
    tz = _zone_of(zone) if zone else None
    if tz is None:  # "北京时间2026年11月28日18:20"
        before = _NAMED_BEFORE.search(norm[max(0, match.start() - 16) : match.start()])
        tz = _named_zone(before["named"]) if before else None
    if tz is not None:
        date = date.replace(tzinfo=tz)
    return TextDate(match.start(), end, date, has_time=True)


def _hour(hour: int, marker: str | None) -> int:
    if not marker:
        return hour
    pm = marker[0].lower() == "p" or marker.startswith("م")
    if pm and hour < 12:
        return hour + 12
    if not pm and hour == 12:
        return 0
    return hour


def _zone_of(match: re.Match[str]) -> tzinfo | None:
    if match["zh"] is not None:
        sign = -1 if match["zs"] in "-−" else 1
        return _offset(sign, int(match["zh"]), int(match["zm"] or 0))
    if match["z2h"] is not None:
        return _offset(-1 if match["z2s"] == "-" else 1, int(match["z2h"]), int(match["z2m"]))
    if match["abbr"] is not None:
        return _offset(1, ABBR_HOURS[match["abbr"].upper()], 0)
    if match["region"] is not None:
        return ZoneInfo(REGION_ZONES[match["region"].upper()])
    return _named_zone(match["named"])


def _named_zone(name: str) -> tzinfo | None:
    """The zone of a name in :data:`NAMED_ZONES` (an IANA zone or a fixed offset)."""
    named = _NAMED_ZONES[name.lower()]
    return ZoneInfo(named) if isinstance(named, str) else _offset(1, named, 0)


def _offset(sign: int, hours: int, minutes: int) -> tzinfo | None:
    if hours > 14:
        return None
    delta = timedelta(hours=hours, minutes=minutes) * sign
    return UTC if not delta else timezone(delta)


def time_at(norm: str, position: int) -> tuple[int, int, int] | None:
    """A time of day written at ``position`` of digit-normalized text ("at 9:30 pm",
    "الساعة 9:30 مساءً", "18時20分").

    Args:
        norm: text passed through :func:`normalize_digits`.
        position: where the time may start (leading spaces and "at" words allowed).

    Returns:
        ``(hour 0-23, minute, end offset)``, or None when no valid time is there.
    """
    clock = _TIME_AFTER.match(norm, position)
    if clock is None or int(clock["H"]) > 23:
        return None
    return _hour(int(clock["H"]), clock["ap"]), int(clock["M"]), clock.end()


def zone_at(text: str, position: int) -> tzinfo | None:
    """The time zone written at ``position`` in ``text`` ("GMT+2", "CET", "بتوقيت مكة"),
    or None when none is written there or it is out of range."""
    match = _ZONE.match(normalize_digits(text), position)
    return _zone_of(match) if match is not None else None


def has_label(text: str) -> bool:
    """True when ``text`` holds a publication or update label word in any language."""
    low = text.lower()
    if not any(key in low for key in _LABEL_KEYS):
        return False
    return bool(_PUBLISHED_RE.search(text) or _UPDATED_RE.search(text))


def label_of(before: str) -> Kind | None:
    """Tell what the words just before a date announce.

    The label nearest to the end of ``before`` wins, and it must end within 40
    characters of it (``"Publié le 3 mars, mis à jour le "`` -> ``"updated"``).

    Args:
        before: the text between the previous date (or the block start) and this date.

    Returns:
        ``"published"``, ``"updated"`` or None when no label is near.
    """
    tail = normalize_digits(before)[-80:]
    best: tuple[int, Kind] | None = None
    for kind, pattern in (("published", _PUBLISHED_RE), ("updated", _UPDATED_RE)):
        for match in pattern.finditer(tail):
            if best is None or match.end() > best[0]:
                best = (match.end(), kind)  # type: ignore[assignment]
    if best is None or len(tail) - best[0] > 40:
        return None
    return best[1]


__all__ = [
    "RELATED_HEADING",
    "Kind",
    "TextDate",
    "find_text_dates",
    "has_label",
    "label_of",
    "normalize_digits",
    "parse_value",
    "time_at",
    "zone_at",
]
