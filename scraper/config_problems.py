"""Readable config errors: pydantic's validation errors turned into one line per problem.

Used by :mod:`scraper.config` only. An unknown key is answered with the closest
known key of its table (:func:`difflib.get_close_matches`), so a typo such as
``alert_on_first_pol`` says ``did you mean alert_on_first_poll?`` instead of
pydantic's "Extra inputs are not permitted"; the other common pydantic error
types are reworded too (:func:`reworded`: ``must be one of feed, page, index,
sitemap``, ``must be at least 0``, ``must be a number``), and duplicate names are
found in the raw file (:func:`duplicate_names`), so they are reported together
with every other problem.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
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
        unknown = error["type"] == "extra_forbidden"
        message = _unknown_key(loc, root) if unknown else reworded(error)
        problems.append((_dotted(loc), message))
    return problems


def reworded(error: Mapping[str, Any]) -> str:
    """A pydantic error of one value in the words of a config file, not of Python.

    Args:
        error: one item of ``ValidationError.errors()`` (``type``, ``msg``,
            ``input``, ``ctx``).

    Returns:
        ``"must be one of feed, page, index, sitemap; got 'pgae' (did you mean
        'page'?)"`` for ``literal_error``, ``"must be at least 0, got -1"`` for
        ``greater_than_equal``, ``"must be a number (without quotes), got '2'"``
        for ``int_type``/``float_type``/``*_parsing``; our own validators' messages
        without pydantic's ``"Value error, "``; ``"required key is missing"``;
        pydantic's message otherwise.
    """
    kind, ctx, got = str(error["type"]), error.get("ctx") or {}, error.get("input")
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(str(got), choices, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"must be one of {', '.join(choices)}; got {got!r}{hint}"
    if kind in _BOUNDS:
        words, name = _BOUNDS[kind]
        bound = ctx.get(name)
        shown = f"{bound:g}" if isinstance(bound, float) else str(bound)
        return f"must be {words} {shown}, got {got!r}"
    if kind == "missing":
        return "required key is missing"
    if kind in _WORDS:
        return f"{_WORDS[kind]}, got {got!r}"
    return str(error["msg"]).removeprefix("Value error, ")


_BOUNDS = {
    "greater_than_equal": ("at least", "ge"),
    "greater_than": ("more than", "gt"),
    "less_than_equal": ("at most", "le"),
    "less_than": ("less than", "lt"),
}
"""pydantic's number bounds: (words, the ``ctx`` key holding the bound)."""
_WORDS = {
    "int_type": "must be a number (a TOML integer, without quotes)",
    "int_parsing": "must be a number (a TOML integer, without quotes)",
    "int_from_float": "must be a number (a TOML integer, without quotes)",
    "float_type": "must be a number (without quotes)",
    "float_parsing": "must be a number (without quotes)",
    "string_type": "must be a string (text in quotes)",
    "list_type": 'must be a list, like ["a", "b"]',
    "model_type": "must be a table",
    "dict_type": "must be a table",
}
"""Other common pydantic error types, reworded (the value is added after a comma)."""


def duplicate_names(raw: Mapping[str, Any], tables: Sequence[str]) -> list[tuple[str, str]]:
    """Every repeated ``name`` in the arrays of tables ``tables`` of a raw config.

    Read from the parsed TOML, not the validated model, so a duplicate is found
    even when other values are invalid; entries that are not tables, or whose
    name is not a string, are skipped (pydantic reports those).

    Args:
        raw: the parsed config file.
        tables: array-of-tables keys whose ``name`` must be unique (``"sources"``).

    Returns:
        ``[("sources[1].name", "duplicate name 'beirut'"), ...]``, in file order.
    """
    problems: list[tuple[str, str]] = []
    for table in tables:
        items = raw.get(table)
        if not isinstance(items, list):
            continue
        seen: set[str] = set()
        for i, item in enumerate(items):
            name = item.get("name") if isinstance(item, dict) else None
            if not isinstance(name, str):
                continue
            if name in seen:
                problems.append((f"{table}[{i}].name", f"duplicate name {name!r}"))
            seen.add(name)
    return problems


def in_file_order(problems: list[tuple[str, str]], root: type[BaseModel]) -> list[tuple[str, str]]:
    """``problems`` sorted by the model's top-level field order, then the array index.

    The sort is stable, so pydantic's order within one entry is kept.

    Args:
        problems: ``(dotted key, message)`` pairs.
        root: the model of the whole file.

    Returns:
        The same pairs, ``fetch.*`` before ``sources[0].*`` before ``sources[1].*``.
    """
    fields = list(root.model_fields)

    def position(problem: tuple[str, str]) -> tuple[int, int]:
        match = re.match(r"([^.\[]+)(?:\[(\d+)\])?", problem[0])
        top = match.group(1) if match else ""
        index = int(match.group(2)) if match and match.group(2) else -1
        return (fields.index(top) if top in fields else len(fields), index)

    return sorted(problems, key=position)


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


__all__ = [
    "config_error",
    "duplicate_names",
    "in_file_order",
    "reworded",
    "validation_problems",
]
