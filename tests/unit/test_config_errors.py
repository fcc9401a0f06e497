"""Config errors a new user can act on: units, unknown keys, every problem, real booleans."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.config import config_from_dict, load_config
from scraper.config_values import parse_duration
from scraper.errors import ConfigError

WHERE = Path("/srv/watch/config.toml")


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("1500ms", 1.5), ("250 ms", 0.25), ("2m500ms", 120.5), ("1m30s", 90.0), ("3MS", 0.003)],
    ids=["ms", "ms-with-space", "minutes-and-ms", "minutes-and-seconds", "upper-case"],
)
def test_milliseconds_are_a_duration_unit(value: str, seconds: float) -> None:
    assert parse_duration(value) == pytest.approx(seconds)


def test_fetch_timeout_in_milliseconds(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[fetch]\ntimeout = "1500ms"\nper_host_delay = "200ms"\n', encoding="utf-8")
    config = load_config(path)
    assert config.fetch.timeout == pytest.approx(1.5)
    assert config.fetch.per_host_delay == pytest.approx(0.2)


@pytest.mark.parametrize(
    ("raw", "key", "message"),
    [
        (
            {"alert_on_first_pol": True},
            "alert_on_first_pol",
            "unknown key (did you mean alert_on_first_poll?)",
        ),
        (
            {"sources": [{"name": "a", "url": "https://x.example/", "intervall": "5m"}]},
            "sources[0].intervall",
            "unknown key (did you mean interval?)",
        ),
        (
            {"sources": [{"name": "a", "url": "https://x.example/", "selectors": {"bdy": "p"}}]},
            "sources[0].selectors.bdy",
            "unknown key (did you mean body?)",
        ),
        (
            {"fetch": {"user_agnet": "me"}},
            "fetch.user_agnet",
            "unknown key (did you mean user_agent?)",
        ),
        (
            {"stories": {"colour": "red"}},
            "stories.colour",
            "unknown key (known keys: window_days, followups)",
        ),
    ],
    ids=["top-level", "source", "selectors", "fetch", "no-close-match"],
)
def test_unknown_key_suggests_the_closest_known_key(raw: dict, key: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict(raw, path=WHERE)
    assert info.value.key == key
    assert str(info.value) == f"{WHERE}: {key}: {message}"
    assert "Extra inputs" not in str(info.value)


def test_every_problem_is_reported_one_per_line() -> None:
    raw = {
        "fetch": {"timeout": "soon"},
        "sources": [
            {"name": "cairo", "url": "https://cairo.example/rss", "intervall": "5m"},
            {"name": "amman", "url": "ftp://amman.example/"},
        ],
    }
    with pytest.raises(ConfigError) as info:
        config_from_dict(raw, path=WHERE)
    lines = str(info.value).splitlines()
    assert lines == [
        f"{WHERE}: fetch.timeout: 'soon' is not a duration; use e.g. '30s', '15m', '1h', '1h30m'",
        f"{WHERE}: sources[0].intervall: unknown key (did you mean interval?)",
        f"{WHERE}: sources[1].url: 'ftp://amman.example/' is not an http(s) URL",
    ]
    assert info.value.key == "fetch.timeout"


def test_every_duplicate_name_is_reported() -> None:
    source = {"name": "beirut", "url": "https://beirut.example/"}
    hook = {"name": "desk", "url": "https://hooks.example/", "secret": "k"}
    with pytest.raises(ConfigError) as info:
        config_from_dict({"sources": [source, source], "webhooks": [hook, hook]})
    assert str(info.value).splitlines() == [
        "sources[1].name: duplicate name 'beirut'",
        "webhooks[1].name: duplicate name 'desk'",
    ]


@pytest.mark.parametrize(
    ("raw", "key", "shown"),
    [
        ({"alert_on_first_poll": "yes"}, "alert_on_first_poll", "'yes'"),
        ({"alert_on_first_poll": "true"}, "alert_on_first_poll", "'true'"),
        (
            {"sources": [{"name": "a", "url": "https://x.example/", "alert_on_first_poll": 1}]},
            "sources[0].alert_on_first_poll",
            "1",
        ),
        ({"fetch": {"respect_robots": "no"}}, "fetch.respect_robots", "'no'"),
        (
            {"webhooks": [{"name": "w", "url": "https://h/", "secret": "s", "followed_only": 0}]},
            "webhooks[0].followed_only",
            "0",
        ),
    ],
    ids=["yes-string", "true-string", "source-one", "robots-no", "followed-zero"],
)
def test_booleans_must_be_toml_booleans(raw: dict, key: str, shown: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict(raw, path=WHERE)
    assert info.value.key == key
    assert str(info.value) == (
        f"{WHERE}: {key}: expected true or false (a TOML boolean, without quotes), got {shown}"
    )


def test_real_booleans_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        "alert_on_first_poll = true\n[fetch]\nrespect_robots = false\n"
        '[[sources]]\nname = "a"\nurl = "https://x.example/"\nalert_on_first_poll = false\n'
        '[[sources]]\nname = "b"\nurl = "https://y.example/"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert [s.alert_on_first_poll for s in config.sources] == [False, True]
    assert config.fetch.respect_robots is False
