from __future__ import annotations

from pathlib import Path

import pytest

from scraper.config import config_from_dict, load_config
from scraper.config_values import parse_duration
from scraper.errors import ConfigError

EXAMPLE = Path(__file__).parent.parent.parent / "config.toml"


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("15m", 900.0), ("1h30m", 5400.0), ("45s", 45.0), ("2d", 172800.0), (60, 60.0), (1.5, 1.5)],
    ids=["minutes", "hours-minutes", "seconds", "days", "int", "float"],
)
def test_parse_duration(value: str | float, seconds: float) -> None:
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("value", ["5x", "", "m15", 0, -3, True], ids=str)
def test_parse_duration_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_duration(value)  # type: ignore[arg-type]


def test_the_example_config_is_valid() -> None:
    config = load_config(EXAMPLE)
    assert config.database == (EXAMPLE.parent / "scraper.db").resolve()
    names = [s.name for s in config.sources]
    assert "bbc-arabic" in names and len(names) >= 3
    guardian = config.source("guardian-world")
    assert guardian.rules.body and guardian.interval == 900.0
    assert config.webhooks[0].events == ("article.new", "article.revised", "story.followup")


@pytest.mark.parametrize(
    ("raw", "key", "fragment"),
    [
        (
            {"sources": [{"name": "a", "url": "https://x/", "interval": "5x"}]},
            "sources[0].interval",
            "not a duration",
        ),
        ({"sources": [{"name": "a", "url": "ftp://x/"}]}, "sources[0].url", "not an http(s) URL"),
        (
            {"sources": [{"name": "a", "url": "https://x/", "kind": "podcast"}]},
            "sources[0].kind",
            "feed",
        ),
        (
            {"sources": [{"name": "a", "url": "https://x/", "typo": 1}]},
            "sources[0].typo",
            "unknown key (known keys: name, url, kind,",
        ),
        ({"sources": [{"url": "https://x/"}]}, "sources[0].name", "required"),
        (
            {"webhooks": [{"name": "w", "url": "https://h/", "secret": "s", "events": ["x.y"]}]},
            "webhooks[0].events",
            "unknown event type",
        ),
        (
            {"sources": [{"name": "a", "url": "https://x/"}, {"name": "a", "url": "https://y/"}]},
            "sources[1].name",
            "duplicate name",
        ),
        ({"storage": {"path": 3}}, "storage.path", "string"),
        (
            {"sources": [{"name": "a", "url": "https://x/", "selectors": {"body": ["div[["]}}]},
            "sources[0].selectors.body",
            "not a valid CSS selector",
        ),
        (
            {"sources": [{"name": "a", "url": "https://x/", "timezone": "Riyadh"}]},
            "sources[0].timezone",
            "not an IANA time zone name",
        ),
    ],
    ids=[
        "interval",
        "url",
        "kind",
        "unknown-key",
        "missing-name",
        "event",
        "duplicate",
        "path",
        "css",
        "timezone",
    ],
)
def test_invalid_config_names_key_and_problem(raw: dict, key: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict(raw, path=Path("/etc/scraper.toml"))
    assert info.value.key == key
    assert info.value.path == "/etc/scraper.toml"
    assert fragment in str(info.value)
    assert str(info.value).startswith(f"/etc/scraper.toml: {key}: ")


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ({"fetch": {"timeout": 0}}, "fetch.timeout"),
        ({"fetch": {"timeout": "abc"}}, "fetch.timeout"),
        ({"fetch": {"per_host_delay": -3}}, "fetch.per_host_delay"),
        (
            {"sources": [{"name": "a", "url": "https://x/", "interval": 1e30}]},
            "sources[0].interval",
        ),
        (
            {"sources": [{"name": "a", "url": "https://x/", "interval": True}]},
            "sources[0].interval",
        ),
        ({"webhooks": [{"name": "w", "url": "not a url", "secret": "s"}]}, "webhooks[0].url"),
        ({"fetch": {"timeout": float("nan")}}, "fetch.timeout"),
        (
            {"sources": [{"name": "a", "url": "https://x/", "interval": 0.001}]},
            "sources[0].interval",
        ),
        ({"deliver_interval": float("inf")}, "deliver_interval"),
    ],
    ids=[
        "zero-timeout",
        "word-timeout",
        "negative-delay",
        "huge-interval",
        "bool-interval",
        "webhook-url",
        "nan-timeout",
        "tiny-interval",
        "infinite-deliver-interval",
    ],
)
def test_out_of_range_values_are_config_errors(raw: dict, key: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict(raw)
    assert info.value.key == key
    assert "Value error" not in str(info.value)


def test_webhooks_receive_every_event_type_by_default() -> None:
    hook = {"name": "w", "url": "https://h/", "secret": "s"}
    events = config_from_dict({"webhooks": [hook]}).webhooks[0].events
    assert events == (
        "article.new",
        "article.revised",
        "story.followup",
        "article.removed",
        "article.restored",
    )


def test_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[[sources]\nname = 1", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML") as info:
        load_config(broken)
    assert info.value.path == str(broken)


def test_secret_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOOK_SECRET", "from-env")
    hook = {"name": "w", "url": "https://h/", "secret": "env:HOOK_SECRET"}
    assert config_from_dict({"webhooks": [hook]}).webhooks[0].secret == "from-env"
    monkeypatch.delenv("HOOK_SECRET")
    with pytest.raises(ConfigError, match="HOOK_SECRET"):
        config_from_dict({"webhooks": [hook]})


def test_selectors_and_alert_default() -> None:
    config = config_from_dict(
        {
            "alert_on_first_poll": True,
            "sources": [
                {"name": "a", "url": "https://x/", "selectors": {"body": "div.story p"}},
                {"name": "b", "url": "https://y/", "alert_on_first_poll": False},
            ],
        }
    )
    a, b = config.sources
    assert a.rules.body == ("div.story p",) and a.alert_on_first_poll is True
    assert b.alert_on_first_poll is False


def test_source_timezone_reaches_the_site_rules() -> None:
    raw = {"sources": [{"name": "a", "url": "https://x/", "timezone": "Asia/Riyadh"}]}
    (source,) = config_from_dict(raw, path=Path("/etc/scraper.toml")).sources
    assert source.rules.timezone == "Asia/Riyadh"
