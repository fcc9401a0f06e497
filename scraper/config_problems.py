"""Readable config errors: pydantic's validation errors turned into one line per problem.

Used by :mod:`scraper.config` only. An unknown key is answered with the closest
known key of its table (:func:`difflib.get_close_matches`), so a typo such as
``alert_on_first_pol`` says ``did you mean alert_on_first_poll?`` instead of
pydantic's "Extra inputs are not permitted".
"""

from __future__ import annotations

import difflib
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from .errors import ConfigError


def validation_problems(exc: ValidationError, root: type[BaseModel]) -> list[tuple[str, str]]:
    """Every pydantic error of a config as ``(dotted key, readable message)``.

    Args:
        exc: the error raised by ``root.model_validate``.
        root: the model of the whole file, used to suggest a known key for an unknown one.

    Returns:
        ``[("sources[0].intervall", "unknown key (did you mean interval?)"), ...]``,
        in the order pydantic reports them (the models' field order).
    """
    problems: list[tuple[str, str]] = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden":
            message = _unknown_key(loc, root)
        else:
            message = str(error["msg"]).removeprefix("Value error, ")
        problems.append((_dotted(loc), message))
    return problems


def _unknown_key(loc: tuple[int | str, ...], root: type[BaseModel]) -> str:
    """``unknown key (did you mean X?)``, X the closest field name (difflib ratio >= 0.6)
    of the table holding ``loc``, else the list of the keys that table knows."""
    model = _model_at(loc[:-1], root)
    if model is None:
        return "unknown key"
    known = list(model.model_fields)
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    if close:
        return f"unknown key (did you mean {close[0]}?)"
    return f"unknown key (known keys: {', '.join(known)})"


def _model_at(loc: tuple[int | str, ...], root: type[BaseModel]) -> type[BaseModel] | None:
    """The pydantic model of the table at ``loc`` (list indexes skipped), or None."""
    model: type[BaseModel] | None = root
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = model.model_fields.get(part) if model else None
        if field_info is None:
            return None
        model = _inner_model(field_info.annotation)
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def config_error(problems: list[tuple[str, str]], where: str | None) -> ConfigError:
    """One error for every problem of a config file.

    Args:
        problems: ``(dotted key, message)`` pairs, at least one.
        where: the config file path, or None.

    Returns:
        A :class:`ConfigError` whose ``.key`` and first line are the first problem;
        each further problem is one more line, ``path: key: message``.
    """
    key, message = problems[0]
    prefix = f"{where}: " if where else ""
    message += "".join(f"\n{prefix}{k}: {m}" for k, m in problems[1:])
    return ConfigError(message, path=where, key=key)


def _dotted(loc: tuple[int | str, ...]) -> str:
    """``("sources", 2, "interval")`` -> ``"sources[2].interval"``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


__all__ = ["config_error", "validation_problems"]
