"""``scraper fetch``: extract one page from a URL, a file or stdin; no database."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import click

from .charset import decode_html, looks_binary
from .cli import _echo_json, _errors_to_exit, _iso, cli, console
from .doctype import listing_kind
from .errors import FetchError, ParseError, ScraperError
from .fetch import Fetcher, FetchOptions
from .models import Article
from .parse import extract

# "news.example/world/1" or "www.site.example": a host name (dotted labels, a
# letters-only last label) with an optional port and path, typed without a scheme.
_HOST_LIKE = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,63})(?::\d+)?([/?#].*)?$", re.IGNORECASE
)
# A bare "name.ext" with one of these last labels is a file name, not a host.
_FILE_EXTENSIONS = frozenset({"htm", "html", "xhtml", "shtml", "xml", "txt", "json", "php"})
# "scheme://..." (RFC 3986 §3.1 scheme syntax): a URL, never a file name.
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.IGNORECASE)
_DEFAULTS = FetchOptions()


def article_json(article: Article) -> dict[str, Any]:
    """The ``scraper fetch --json`` object (documented in README, "Commands").

    Args:
        article: the extracted article.

    Returns:
        ``url``, ``canonical_url``, ``title``, ``body``, ``published``, ``updated``
        (ISO 8601 with offset, or None), ``language``, ``authors`` (list),
        ``description``, ``site_name``, ``links`` (list of absolute URLs in the
        body) and ``reason`` (why the body is empty, or None).
    """
    return {
        "url": article.url,
        "canonical_url": article.canonical_url,
        "title": article.title,
        "body": article.body,
        "published": _iso(article.published),
        "updated": _iso(article.updated),
        "language": article.language,
        "authors": list(article.authors),
        "description": article.description,
        "site_name": article.site_name,
        "links": list(article.links),
        "reason": article.reason,
    }


@cli.command()
@click.argument("target")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (errors too).")
@click.option("--no-robots", is_flag=True, help="Do not check robots.txt (your own sites).")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True, max=600),
    default=_DEFAULTS.timeout,
    show_default=True,
    help="Seconds to wait for each network step and for the whole response.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0, max=10),
    default=_DEFAULTS.retries,
    show_default=True,
    help="Extra attempts after a timeout, a network error, 429 or 5xx (0: fail fast).",
)
@_errors_to_exit
def fetch(target: str, as_json: bool, no_robots: bool, timeout: float, retries: int) -> None:
    """Fetch (or read) one page and print the extracted article; no database.

    TARGET is an http(s) URL, a file path, a file:// URL, or - for stdin.
    With --json a failure is printed as {"error": "..."} (exit status 1).

    Example: scraper fetch https://news.example/world/story.html --timeout 5 --retries 0
    """
    try:
        article = fetch_article(
            target, respect_robots=not no_robots, timeout=timeout, retries=retries
        )
    except ScraperError as exc:
        if not as_json:
            raise
        _echo_json({"error": str(exc)})
        sys.exit(1)
    if as_json:
        _echo_json(article_json(article))
        return
    _print_article(article)


def fetch_article(
    target: str,
    *,
    respect_robots: bool = True,
    timeout: float = _DEFAULTS.timeout,
    retries: int = _DEFAULTS.retries,
) -> Article:
    """Read ``target`` and extract its article.

    Args:
        target: an ``http(s)://`` URL (fetched politely, robots.txt per RFC 9309
            unless ``respect_robots`` is False), a ``file://`` URL (RFC 8089, local
            host only), ``-`` (the HTML on stdin) or a file path.
        respect_robots: check robots.txt before fetching a URL.
        timeout: seconds for each network wait and for the whole response
            (see :class:`~scraper.fetch.FetchOptions`).
        retries: extra attempts after a timeout, network error, 429 or 5xx.

    Returns:
        The extracted :class:`~scraper.models.Article`; a file or stdin has no
        base URL, so relative links and the canonical URL are not resolved.

    Raises:
        FetchError: the URL could not be fetched, or its scheme is neither http(s)
            nor file (``unsupported URL scheme 'ftp' (http and https only)``).
        ParseError: the content is binary, not text.
        ScraperError: the file cannot be read (with a ``https://`` suggestion when
            the argument looks like a URL typed without its scheme).
    """
    url: str | None = None
    scheme = _SCHEME.match(target)
    if scheme and scheme.group(1).lower() not in ("http", "https", "file"):
        raise FetchError(
            f"unsupported URL scheme {scheme.group(1).lower()!r} (http and https only)", url=target
        )
    if target.lower().startswith(("http://", "https://")):
        options = FetchOptions(
            respect_robots=respect_robots, per_host_delay=0, timeout=timeout, retries=retries
        )
        with Fetcher(options=options) as fetcher:
            result = fetcher.get(target)
        listing = listing_kind(result)
        if listing is not None:
            raise ParseError(
                f"this is a {listing}, not an article page: "
                f'watch it as a source with kind = "{listing}"',
                url=target,
            )
        data, text, url = result.content, result.text, result.final_url
    else:
        data = _read_local(target)
        text = decode_html(data)
    if looks_binary(data):
        raise ParseError("response is not text (binary content)", url=target)
    return extract(text, url)


def _read_local(target: str) -> bytes:
    """The bytes of stdin (``-``), a ``file://`` URL or a file path."""
    if target == "-":
        return sys.stdin.buffer.read()
    path = _file_url_path(target) if target.lower().startswith("file:") else Path(target)
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        hint = suggest_url(target)
        extra = f"; did you mean {hint} ?" if hint else ""
        raise ScraperError(f"cannot read {target}: no such file{extra}") from exc
    except OSError as exc:
        raise ScraperError(f"cannot read {target}: {exc.strerror or exc}") from exc


def _file_url_path(target: str) -> Path:
    """The local path of a ``file:`` URL (RFC 8089): ``file:///p``, ``file://localhost/p``."""
    parts = urlsplit(target)
    if parts.netloc not in ("", "localhost"):
        raise ScraperError(f"cannot read {target}: file URLs on another host are not supported")
    return Path(url2pathname(parts.path))


def suggest_url(target: str) -> str | None:
    """``https://`` + ``target`` when it looks like a URL typed without its scheme.

    Args:
        target: a command-line argument that is not an existing file.

    Returns:
        ``"https://news.example/x"`` for ``"news.example/x"``; None for
        something that looks like a file name (``page.html``, ``./a/b``).
    """
    match = _HOST_LIKE.match(target)
    if match is None:
        return None
    tld, rest = match.group(1).lower(), match.group(2)
    if not rest and tld in _FILE_EXTENSIONS:
        return None
    return f"https://{target}"


def _print_article(article: Article) -> None:
    console.print(f"[bold]{article.title or '(no title)'}[/]", highlight=False)
    for label, value in (
        ("url", article.url),
        ("canonical", article.canonical_url),
        ("published", _iso(article.published)),
        ("updated", _iso(article.updated)),
        ("language", article.language),
        ("authors", ", ".join(article.authors) or None),
    ):
        console.print(f"[dim]{label:>10}:[/] {value or '-'}", highlight=False)
    if article.reason:
        console.print(f"[yellow]{article.reason}[/]")
    click.echo("")
    click.echo(article.body)
