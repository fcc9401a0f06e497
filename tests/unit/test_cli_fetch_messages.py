"""Messages of ``scraper fetch`` a user can act on: timeouts in words, unsupported schemes."""

from __future__ import annotations

import json

import httpx
import pytest
from click.testing import CliRunner

from scraper.cli import cli
from scraper.errors import FetchTimeout
from scraper.fetch import Fetcher, FetchOptions
from scraper.transfer import translate

URL = "https://harbour.example/news/ferry"


@pytest.mark.parametrize(
    ("error", "message"),
    [
        pytest.param(httpx.ConnectTimeout, "no answer within 7.5 s (connecting)", id="connect"),
        pytest.param(httpx.ReadTimeout, "no answer within 7.5 s (reading the response)", id="read"),
        pytest.param(
            httpx.WriteTimeout, "no answer within 7.5 s (sending the request)", id="write"
        ),
        pytest.param(
            httpx.PoolTimeout, "no answer within 7.5 s (waiting for a free connection)", id="pool"
        ),
    ],
)
def test_timeouts_say_how_long_and_what_was_waited_for(
    error: type[httpx.TimeoutException], message: str
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error("timed out", request=request)

    options = FetchOptions(timeout=7.5, retries=0, respect_robots=False, per_host_delay=0)
    client = httpx.Client(transport=httpx.MockTransport(handler))
    with Fetcher(client=client, options=options) as fetcher, pytest.raises(FetchTimeout) as info:
        fetcher.get(URL)
    client.close()
    assert str(info.value) == f"{message} ({URL})"
    assert "Timeout" not in str(info.value)


def test_a_timeout_without_its_request_still_reads_as_words() -> None:
    error = translate(httpx.ReadTimeout("slow"), URL)
    assert isinstance(error, FetchTimeout)
    assert str(error) == f"no answer in time (reading the response) ({URL})"


@pytest.mark.parametrize(
    ("target", "scheme"),
    [("ftp://files.example/page.html", "ftp"), ("GOPHER://old.example/1", "gopher")],
    ids=["ftp", "upper-case"],
)
def test_an_unsupported_scheme_is_named(target: str, scheme: str) -> None:
    result = CliRunner().invoke(cli, ["fetch", target])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: unsupported URL scheme {scheme!r} (http and https only) ({target})"
    )
    as_json = CliRunner().invoke(cli, ["fetch", target, "--json"])
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout) == {
        "error": f"unsupported URL scheme {scheme!r} (http and https only) ({target})"
    }


@pytest.mark.parametrize(
    ("options", "shown"),
    [(["--timeout", "0"], "--timeout"), (["--retries", "-1"], "--retries")],
    ids=["zero-timeout", "negative-retries"],
)
def test_timeout_and_retries_are_checked(options: list[str], shown: str) -> None:
    result = CliRunner().invoke(cli, ["fetch", URL, *options])
    assert result.exit_code == 2
    assert f"Invalid value for '{shown}'" in result.stderr


def test_fetch_help_shows_the_defaults() -> None:
    result = CliRunner().invoke(cli, ["fetch", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "[default: 20.0; 0<x<=600]" in text
    assert "[default: 2; 0<=x<=10]" in text
