"""Value types of ``config.toml``: durations, strict booleans and numbers, http(s) URLs,
time zone names.

Used by :mod:`scraper.config` as pydantic validators; each raises ValueError
with a message written for the user, which the config loader reports with the
file and the key.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Collection
from typing import Annotated
from zoneinfo import available_timezones

from pydantic import BeforeValidator, Strict

# "ms" comes before "m": the regex alternation takes the first unit that matches.
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|d|h|m|s)", re.IGNORECASE)
_UNIT_SECONDS = {"d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}


def parse_duration(value: str | float | int) -> float:
    """Turn ``"15m"``, ``"1h30m"``, ``"45s"``, ``"1500ms"``, ``"2d"`` or a number of seconds
    into seconds.

    Args:
        value: a number (seconds) or a string of ``<number><unit>`` parts, units
            ``d``, ``h``, ``m``, ``s``, ``ms``.

    Returns:
        The duration in seconds (float, > 0).

    Raises:
        ValueError: the value is not a positive duration.
    """
    if isinstance(value, bool):
        raise ValueError("expected a duration such as '15m' or a number of seconds")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        text = value.strip()
        parts = _DURATION.findall(text)
        if not parts or _DURATION.sub("", text).strip():
            raise ValueError(f"{value!r} is not a duration; use e.g. '30s', '15m', '1h', '1h30m'")
        seconds = sum(float(n) * _UNIT_SECONDS[u.lower()] for n, u in parts)
    if not math.isfinite(seconds):
        raise ValueError(f"{value!r} is not a finite duration")
    if seconds <= 0:
        raise ValueError("a duration must be greater than zero")
    return seconds


def duration_value(value: object, *, maximum: float, minimum: float = 0.0) -> float:
    """Validate a config duration: a number of seconds or a string like ``"15m"``,
    within ``[minimum, maximum]`` seconds."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError("expected a duration such as '15m' or a number of seconds")
    seconds = parse_duration(value)
    if seconds > maximum:
        raise ValueError(f"{value!r} is longer than the maximum of {maximum:g} seconds")
    if seconds < minimum:
        raise ValueError(f"{value!r} is shorter than the minimum of {minimum:g} seconds")
    return seconds


def _toml_bool(value: object) -> bool:
    """Accept only a real TOML boolean (``true``/``false``, TOML 1.0 §Boolean); the
    strings ``"yes"``, ``"false"`` or the number ``1`` are errors, not silently true."""
    if isinstance(value, bool):
        return value
    raise ValueError(f"expected true or false (a TOML boolean, without quotes), got {value!r}")


def _optional_toml_bool(value: object) -> bool | None:
    return None if value is None else _toml_bool(value)


TomlBool = Annotated[bool, BeforeValidator(_toml_bool)]
OptionalTomlBool = Annotated[bool | None, BeforeValidator(_optional_toml_bool)]
TomlInt = Annotated[int, Strict()]
"""A TOML integer (TOML 1.0 §Integer): ``"2"`` (a string) and ``true`` are refused, not
converted; pydantic reports ``int_type``, reworded by :mod:`scraper.config_problems`."""
TomlFloat = Annotated[float, Strict()]
"""A TOML float or integer (TOML 1.0 §Float): strings and booleans are refused
(``float_type``). Durations are not TomlFloat: they accept ``"15m"`` by design."""


def check_http_url(value: str) -> str:
    """``value`` itself when it is an http(s) URL with a host; ValueError otherwise."""
    if not re.match(r"^https?://[^/\s]+", value):
        raise ValueError(f"{value!r} is not an http(s) URL")
    return value


def check_timezone(value: str, *, zones: Collection[str] | None = None) -> str:
    """``value`` itself when it is an IANA time zone name; ValueError naming the closest ones.

    Args:
        value: the configured name (``"Asia/Riyadh"``).
        zones: the known names (default: :func:`zoneinfo.available_timezones`, the
            IANA tz database of the system or the ``tzdata`` package).

    Returns:
        ``value``, unchanged.

    Raises:
        ValueError: ``"'Paris' is not an IANA time zone name; did you mean
            'Europe/Paris'?"``, or an example when nothing is close.
    """
    known = available_timezones() if zones is None else zones
    if value in known:
        return value
    close = closest_zones(value, known)
    if not close:
        hint = "(like 'Asia/Riyadh' or 'Europe/Paris')"
    else:
        hint = "did you mean " + " or ".join(repr(z) for z in close) + "?"
    sep = "; " if close else " "
    raise ValueError(f"{value!r} is not an IANA time zone name{sep}{hint}")


def closest_zones(value: str, zones: Collection[str], *, limit: int = 3) -> list[str]:
    """The zone names closest to a mistyped one, best first.

    A name qualifies with a :mod:`difflib` ratio of at least 0.7 and within 0.08 of
    the best one, so a clear winner is named alone.

    Both the whole name (``"Europe/Pariss"``) and its last part (the city, so that
    ``"Paris"``, ``"riyadh"`` or ``"New York"`` are found) are compared, ignoring
    letter case and with spaces read as the tz database's underscores.

    Args:
        value: the unknown name.
        zones: the known IANA names.
        limit: at most this many names.

    Returns:
        Up to ``limit`` names (``["Europe/Paris"]``); empty when none is close.
    """
    typed = value.strip().replace(" ", "_").lower()
    city = typed.rsplit("/", 1)[-1]
    scored: list[tuple[float, str]] = []
    for zone in zones:
        lowered = zone.lower()
        score = max(
            difflib.SequenceMatcher(None, typed, lowered).ratio(),
            difflib.SequenceMatcher(None, city, lowered.rsplit("/", 1)[-1]).ratio(),
        )
        if score >= 0.7:
            scored.append((score, zone))
    scored.sort(key=lambda item: (-item[0], item[1]))
    best = scored[0][0] if scored else 0.0
    return [zone for score, zone in scored[:limit] if score >= best - 0.08]


__all__ = [
    "OptionalTomlBool",
    "TomlBool",
    "TomlFloat",
    "TomlInt",
    "check_http_url",
    "check_timezone",
    "closest_zones",
    "duration_value",
    "parse_duration",
]
