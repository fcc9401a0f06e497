"""Value types of ``config.toml``: durations, strict booleans, http(s) URLs.

Used by :mod:`scraper.config` as pydantic validators; each raises ValueError
with a message written for the user, which the config loader reports with the
file and the key.
"""

from __future__ import annotations

import math
import re
from typing import Annotated

from pydantic import BeforeValidator

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


def check_http_url(value: str) -> str:
    """``value`` itself when it is an http(s) URL with a host; ValueError otherwise."""
    if not re.match(r"^https?://[^/\s]+", value):
        raise ValueError(f"{value!r} is not an http(s) URL")
    return value


__all__ = [
    "OptionalTomlBool",
    "TomlBool",
    "check_http_url",
    "duration_value",
    "parse_duration",
]
