"""Read and validate ``config.toml``; the only module that reads configuration.

The file format is TOML 1.0 (read with :mod:`tomllib`); its shape is validated
with pydantic and turned into frozen records (:class:`Config`, and
:class:`~scraper.models.Source` / :class:`~scraper.models.Webhook`). Any problem
raises :class:`~scraper.errors.ConfigError` naming the file, the key and what is
wrong, so the program never starts half-configured.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)
from selectolax.lexbor import LexborHTMLParser, SelectolaxError

from .config_problems import config_error, duplicate_names, in_file_order, validation_problems
from .config_values import (
    OptionalTomlBool,
    TomlBool,
    TomlFloat,
    TomlInt,
    check_http_url,
    check_timezone,
    duration_value,
)
from .errors import ConfigError
from .fetch import FetchOptions
from .models import EVENT_TYPES, SiteRules, Source, Webhook

DEFAULT_CONFIG = "config.toml"
ENV_CONFIG = "SCRAPER_CONFIG"
_PROBE = LexborHTMLParser("<p></p>")  # validates CSS selectors at load time


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


class _Storage(_Strict):
    path: str = "scraper.db"


class _Fetch(_Strict):
    user_agent: str | None = None
    timeout: float | str = 20.0
    max_bytes: TomlInt = Field(default=10_000_000, gt=0)
    retries: TomlInt = Field(default=2, ge=0, le=10)
    backoff: TomlFloat = Field(default=1.0, ge=0)
    per_host_delay: float | str = 1.0

    @field_validator("timeout", mode="before")
    @classmethod
    def _timeout(cls, value: object) -> float:
        return duration_value(value, maximum=600.0)

    @field_validator("per_host_delay", mode="before")
    @classmethod
    def _delay(cls, value: object) -> float:
        if isinstance(value, int | float) and not isinstance(value, bool) and value == 0:
            return 0.0
        if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
            raise ValueError("a delay must be zero or more seconds")
        return duration_value(value, maximum=3600.0)

    per_host_concurrency: TomlInt = Field(default=2, ge=1, le=16)
    respect_robots: TomlBool = True
    max_redirects: TomlInt = Field(default=10, ge=0, le=30)


class _Selectors(_Strict):
    body: list[str] | str = Field(default_factory=list)
    remove: list[str] | str = Field(default_factory=list)
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    author: str | None = None

    @field_validator("body", "remove", "title", "published", "updated", "author")
    @classmethod
    def _valid_css(cls, value: list[str] | str | None) -> list[str] | str | None:
        for selector in [value] if isinstance(value, str) else value or []:
            try:
                _PROBE.css(selector)
            except SelectolaxError as exc:
                raise ValueError(f"{selector!r} is not a valid CSS selector") from exc
        return value


class _Source(_Strict):
    name: str = Field(min_length=1)
    url: str
    kind: Literal["feed", "page", "index", "sitemap"] = "feed"
    interval: float | str = "15m"
    selectors: _Selectors = Field(default_factory=_Selectors)
    alert_on_first_poll: OptionalTomlBool = None
    max_articles: TomlInt = Field(default=50, ge=1, le=1000)
    timezone: str | None = None

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        return check_http_url(value)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        return None if value is None else check_timezone(value)

    @field_validator("interval", mode="before")
    @classmethod
    def _duration(cls, value: object) -> float:
        return duration_value(value, maximum=366 * 86400.0, minimum=1.0)


class _Webhook(_Strict):
    name: str = Field(min_length=1)
    url: str
    secret: str = Field(min_length=1)
    events: list[str] = Field(default_factory=lambda: list(EVENT_TYPES))
    timeout: float | str = 10.0
    keywords: list[str] = Field(default_factory=list)
    followed_only: TomlBool = False

    @field_validator("timeout", mode="before")
    @classmethod
    def _timeout(cls, value: object) -> float:
        return duration_value(value, maximum=600.0)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        return check_http_url(value)

    @field_validator("events")
    @classmethod
    def _known_events(cls, value: list[str]) -> list[str]:
        unknown = [e for e in value if e not in EVENT_TYPES]
        if unknown:
            raise ValueError(f"unknown event type(s) {unknown}; known: {list(EVENT_TYPES)}")
        return value

    @field_validator("secret")
    @classmethod
    def _env_secret(cls, value: str) -> str:
        if value.startswith("env:"):
            name = value[4:]
            if name not in os.environ:
                raise ValueError(f"environment variable {name} (named by 'env:{name}') is not set")
            return os.environ[name]
        return value


class _Stories(_Strict):
    window_days: TomlFloat = Field(default=30.0, gt=0)
    followups: Literal["followed", "all"] = "all"


class _Root(_Strict):
    storage: _Storage = Field(default_factory=_Storage)
    fetch: _Fetch = Field(default_factory=_Fetch)
    stories: _Stories = Field(default_factory=_Stories)
    alert_on_first_poll: TomlBool = False
    deliver_interval: float | str = "30s"
    sources: list[_Source] = Field(default_factory=list)
    webhooks: list[_Webhook] = Field(default_factory=list)

    @field_validator("deliver_interval", mode="before")
    @classmethod
    def _duration(cls, value: object) -> float:
        return duration_value(value, maximum=86400.0, minimum=1.0)


@dataclass(frozen=True, slots=True)
class StorySettings:
    """The ``[stories]`` table: follow-up window (days) and which follow-ups alert."""

    window_days: float = 30.0
    followups: str = "all"


@dataclass(frozen=True, slots=True)
class Config:
    """A validated configuration.

    Attributes:
        path: the config file, or None for a config built in code.
        database: absolute path of the SQLite file (``[storage] path`` resolved
            against the config file's folder).
        sources, webhooks: the configured sources and webhook receivers.
        fetch: the ``[fetch]`` table as :class:`~scraper.fetch.FetchOptions`.
        stories: the ``[stories]`` settings.
        deliver_interval: seconds between outbox delivery runs in the daemon.
    """

    path: Path | None
    database: Path
    sources: tuple[Source, ...] = ()
    webhooks: tuple[Webhook, ...] = ()
    fetch: FetchOptions = field(default_factory=FetchOptions)
    stories: StorySettings = field(default_factory=StorySettings)
    deliver_interval: float = 30.0

    def source(self, name: str) -> Source:
        """The source called ``name``. Raises ConfigError when there is none."""
        for source in self.sources:
            if source.name == name:
                return source
        raise ConfigError(f"no source named {name!r}", path=str(self.path), key="sources")


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Where the config is: ``explicit``, else ``$SCRAPER_CONFIG``, else ``./config.toml``."""
    return Path(explicit or os.environ.get(ENV_CONFIG) or DEFAULT_CONFIG)


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read, validate and resolve a config file.

    Args:
        path: the TOML file.

    Returns:
        A :class:`Config`.

    Raises:
        ConfigError: the file is missing or unreadable, is not valid TOML, or a
            value is missing or invalid (``.path`` and ``.key`` say where).
    """
    file = Path(path)
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError("config file not found", path=str(file)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file: {exc}", path=str(file)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(file)) from exc
    return config_from_dict(raw, path=file)


def config_from_dict(raw: dict[str, Any], *, path: Path | None = None) -> Config:
    """Validate an already-parsed config mapping (same rules as :func:`load_config`).

    Every problem is reported, one line each (``path: key: message``), in the
    order of the file's tables: an unknown key names the closest known one
    (``did you mean alert_on_first_poll?``), and duplicate source and webhook
    names are reported together with the other problems.

    Raises:
        ConfigError: ``.key`` is the dotted key of the first invalid value; its
            message has one more line per further problem.
    """
    where = str(path) if path else None
    duplicates = duplicate_names(raw, ("sources", "webhooks"))
    try:
        root = _Root.model_validate(raw)
    except ValidationError as exc:
        problems = validation_problems(exc, _Root) + duplicates
        raise config_error(in_file_order(problems, _Root), where) from exc
    if duplicates:
        raise config_error(duplicates, where)
    base = path.parent if path else Path.cwd()
    return Config(
        path=path,
        database=(base / root.storage.path).resolve(),
        sources=tuple(_source(s, root.alert_on_first_poll) for s in root.sources),
        webhooks=tuple(_webhook(w) for w in root.webhooks),
        fetch=_fetch_options(root.fetch),
        stories=StorySettings(
            window_days=root.stories.window_days, followups=root.stories.followups
        ),
        deliver_interval=float(root.deliver_interval),
    )


def _fetch_options(raw: _Fetch) -> FetchOptions:
    options = FetchOptions(
        timeout=float(raw.timeout),
        max_bytes=raw.max_bytes,
        retries=raw.retries,
        backoff=raw.backoff,
        per_host_delay=float(raw.per_host_delay),
        per_host_concurrency=raw.per_host_concurrency,
        respect_robots=raw.respect_robots,
        max_redirects=raw.max_redirects,
    )
    return replace(options, user_agent=raw.user_agent) if raw.user_agent else options


def _as_tuple(value: list[str] | str) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _source(raw: _Source, alert_default: bool) -> Source:
    sel = raw.selectors
    return Source(
        name=raw.name,
        url=raw.url,
        kind=raw.kind,
        interval=float(raw.interval),
        rules=SiteRules(
            body=_as_tuple(sel.body),
            remove=_as_tuple(sel.remove),
            title=sel.title,
            published=sel.published,
            updated=sel.updated,
            author=sel.author,
            timezone=raw.timezone,
        ),
        alert_on_first_poll=alert_default
        if raw.alert_on_first_poll is None
        else raw.alert_on_first_poll,
        max_articles=raw.max_articles,
    )


def _webhook(raw: _Webhook) -> Webhook:
    return Webhook(
        name=raw.name,
        url=raw.url,
        secret=raw.secret,
        events=tuple(raw.events),
        timeout=float(raw.timeout),
        keywords=tuple(raw.keywords),
        followed_only=raw.followed_only,
    )
