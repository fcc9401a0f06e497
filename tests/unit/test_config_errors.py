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


def _webhook_config(tmp_path: Path, timeout: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        '[[webhooks]]\nname = "desk"\nurl = "http://127.0.0.1:9/hook"\nsecret = "s"\n'
        f"timeout = {timeout}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("value", "seconds"), [('"5s"', 5.0), ("7.5", 7.5), ('"1m"', 60.0)])
def test_webhook_timeout_takes_a_duration_like_fetch(
    tmp_path: Path, value: str, seconds: float
) -> None:
    config = load_config(_webhook_config(tmp_path, value))
    assert config.webhooks[0].timeout == pytest.approx(seconds)


@pytest.mark.parametrize("value", ['"soon"', "0", '"20m"'])
def test_webhook_timeout_errors_name_the_key(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(_webhook_config(tmp_path, value))
    assert info.value.key == "webhooks[0].timeout"


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


def test_a_duplicate_name_is_reported_with_the_other_problems() -> None:
    raw = {
        "fetch": {"retries": -1},
        "sources": [
            {"name": "amman", "url": "https://amman.example/rss"},
            {"name": "amman", "url": "https://amman.example/ar/rss", "kind": "pgae"},
        ],
        "webhooks": [
            {"name": "desk", "url": "https://hooks.example/", "secret": "k"},
            {"name": "desk", "url": "https://hooks.example/2", "secret": "k"},
        ],
    }
    with pytest.raises(ConfigError) as info:
        config_from_dict(raw, path=WHERE)
    assert str(info.value).splitlines() == [
        f"{WHERE}: fetch.retries: must be at least 0, got -1",
        f"{WHERE}: sources[1].kind: must be one of feed, page, index, sitemap; "
        "got 'pgae' (did you mean 'page'?)",
        f"{WHERE}: sources[1].name: duplicate name 'amman'",
        f"{WHERE}: webhooks[1].name: duplicate name 'desk'",
    ]
    assert info.value.key == "fetch.retries"


@pytest.mark.parametrize(
    ("zone", "hint"),
    [
        ("Paris", "did you mean 'Europe/Paris'?"),
        ("Europe/Pariss", "did you mean 'Europe/Paris'?"),
        ("riyadh", "did you mean 'Asia/Riyadh'?"),
        ("Asia/Riad", "did you mean 'Asia/Riyadh'?"),
        ("New York", "did you mean 'America/New_York'?"),
        ("Bagdad", "did you mean 'Asia/Baghdad'?"),
        ("Nowhere Land", "(like 'Asia/Riyadh' or 'Europe/Paris')"),
    ],
    ids=["city", "typo", "lower-case", "short", "space", "spelling", "nothing-close"],
)
def test_a_bad_timezone_suggests_the_closest_iana_names(zone: str, hint: str) -> None:
    raw = {"sources": [{"name": "a", "url": "https://x.example/", "timezone": zone}]}
    with pytest.raises(ConfigError) as info:
        config_from_dict(raw, path=WHERE)
    sep = " " if hint.startswith("(") else "; "
    assert str(info.value) == (
        f"{WHERE}: sources[0].timezone: {zone!r} is not an IANA time zone name{sep}{hint}"
    )


@pytest.mark.parametrize(
    ("raw", "key", "message"),
    [
        (
            {"sources": [{"name": "a", "url": "https://x.example/", "kind": "sitemaps"}]},
            "sources[0].kind",
            "must be one of feed, page, index, sitemap; got 'sitemaps' (did you mean 'sitemap'?)",
        ),
        (
            {"sources": [{"name": "a", "url": "https://x.example/", "kind": "podcast"}]},
            "sources[0].kind",
            "must be one of feed, page, index, sitemap; got 'podcast'",
        ),
        ({"fetch": {"backoff": -1}}, "fetch.backoff", "must be at least 0, got -1"),
        ({"fetch": {"max_bytes": 0}}, "fetch.max_bytes", "must be more than 0, got 0"),
        ({"fetch": {"retries": 11}}, "fetch.retries", "must be at most 10, got 11"),
        (
            {"stories": {"followups": "some"}},
            "stories.followups",
            "must be one of followed, all; got 'some'",
        ),
        ({"storage": {"path": 3}}, "storage.path", "must be a string (text in quotes), got 3"),
        (
            {"sources": [{"url": "https://x.example/"}]},
            "sources[0].name",
            "required key is missing",
        ),
    ],
    ids=[
        "kind-typo",
        "kind-unknown",
        "negative",
        "zero",
        "too-many",
        "choice",
        "string",
        "missing",
    ],
)
def test_pydantic_errors_are_reworded(raw: dict, key: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict(raw, path=WHERE)
    assert info.value.key == key
    assert str(info.value) == f"{WHERE}: {key}: {message}"
    assert "Input should" not in str(info.value)


@pytest.mark.parametrize(
    ("raw", "key", "message"),
    [
        (
            {"fetch": {"retries": "2"}},
            "fetch.retries",
            "must be a number (a TOML integer, without quotes), got '2'",
        ),
        (
            {"fetch": {"retries": True}},
            "fetch.retries",
            "must be a number (a TOML integer, without quotes), got True",
        ),
        (
            {"fetch": {"backoff": "1.5"}},
            "fetch.backoff",
            "must be a number (without quotes), got '1.5'",
        ),
        (
            {"sources": [{"name": "a", "url": "https://x.example/", "max_articles": "20"}]},
            "sources[0].max_articles",
            "must be a number (a TOML integer, without quotes), got '20'",
        ),
        (
            {
                "webhooks": [
                    {"name": "w", "url": "https://h.example/", "secret": "s", "timeout": "9"}
                ]
            },
            "webhooks[0].timeout",
            "'9' is not a duration; use e.g. '30s', '15m', '1h', '1h30m'",
        ),
        (
            {"stories": {"window_days": "30"}},
            "stories.window_days",
            "must be a number (without quotes), got '30'",
        ),
    ],
    ids=["retries-string", "retries-bool", "backoff-string", "max-articles", "webhook", "window"],
)
def test_numbers_must_be_toml_numbers(raw: dict, key: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict(raw, path=WHERE)
    assert info.value.key == key
    assert str(info.value) == f"{WHERE}: {key}: {message}"


def test_real_numbers_and_duration_strings_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[fetch]\nretries = 0\nbackoff = 2\ntimeout = "5s"\nper_host_delay = 0.5\n'
        "[stories]\nwindow_days = 7.5\n"
        '[[sources]]\nname = "a"\nurl = "https://x.example/"\nmax_articles = 20\n'
        'interval = "1h"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert (config.fetch.retries, config.fetch.backoff, config.fetch.timeout) == (0, 2.0, 5.0)
    assert config.fetch.per_host_delay == 0.5
    assert config.stories.window_days == 7.5
    assert (config.sources[0].max_articles, config.sources[0].interval) == (20, 3600.0)
