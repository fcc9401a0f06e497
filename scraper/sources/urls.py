"""URL canonicalization, so one article has one key however it is linked.

Rules (RFC 3986 §6.2 syntax-based normalization, plus common practice):

* resolve against ``base`` (RFC 3986 §5.2);
* lower-case scheme and host; IDNA-encode a Unicode host (UTS #46, punycode);
* drop the default port (80 for http, 443 for https) and the fragment;
* percent-encoding: raw non-ASCII becomes UTF-8 ``%XX``, hex digits are
  upper-cased, escapes of unreserved characters are decoded; so a raw Arabic
  slug and its percent-encoded form give the same string, and ``%2F`` stays;
* an empty path becomes ``/``;
* tracking parameters are dropped (:data:`TRACKING_PARAMS`,
  :data:`TRACKING_PREFIXES`) and the remaining ones sorted by name (stable
  for repeated names).

Cache-busters: ``_`` (jQuery's timestamp), ``cb`` and ``cachebust`` are
dropped: they never select content. ``v`` is **kept**: too many sites use it
for a video id or an article version (``watch?v=...``).
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

import idna

from scraper.models import Article

TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
        "mc_cid", "mc_eid", "ocid", "cmpid", "ref", "_ga", "_gl", "_hsenc", "_hsmi",
        "mkt_tok", "spm", "at_medium", "at_campaign", "_", "cb", "cachebust",
    }
)  # fmt: skip
"""Query parameter names (compared lower-cased) removed by :func:`canonicalize_url`."""
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "pk_", "mtm_")
"""Name prefixes of analytics parameters (Google Analytics, Piwik, Matomo)."""

_DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_PATH_SAFE = "/%:@!$&'()*+,;="
_QUERY_SAFE = "/%:@!$&'()*+,;=?"


def _normalize_escapes(text: str, safe: str) -> str:
    """Percent-encode raw characters, upper-case escapes, decode unreserved ones."""
    text = _LONE_PERCENT.sub("%25", text)
    text = quote(text, safe=safe)

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return _ESCAPE.sub(fix, text)


def _host(hostname: str) -> str:
    try:
        return idna.encode(hostname, uts46=True).decode("ascii")
    except idna.IDNAError:
        return hostname.lower()


def _is_tracking(name: str) -> bool:
    key = unquote(name).lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def _query(query: str) -> str:
    pairs = [p for p in query.split("&") if p]
    kept = [p for p in pairs if not _is_tracking(p.split("=", 1)[0])]
    kept = [_normalize_escapes(p, _QUERY_SAFE) for p in kept]
    return "&".join(sorted(kept, key=lambda p: p.split("=", 1)[0]))


def _netloc(scheme: str, netloc: str, hostname: str | None, port: int | None) -> str:
    if not hostname:
        return netloc.lower()
    userinfo = netloc.rpartition("@")[0] + "@" if "@" in netloc else ""
    host = _host(hostname)
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    return userinfo + host


def canonicalize_url(url: str, *, base: str | None = None) -> str:
    """The canonical form of ``url`` (see the module docstring for the rules).

    Args:
        url: an absolute URL, or a relative one when ``base`` is given.
        base: the document URL to resolve ``url`` against.

    Returns:
        The canonical absolute URL string. A non-HTTP(S) URL (``mailto:``) or
        one with an invalid port is returned resolved and stripped, unchanged
        otherwise. Never raises.
    """
    url = url.strip()
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        return url
    netloc = _netloc(scheme, parts.netloc, parts.hostname, port)
    path = _normalize_escapes(parts.path, _PATH_SAFE) or "/"
    return urlunsplit((scheme, netloc, path, _query(parts.query), ""))


def article_key(article: Article, fetched_url: str) -> str:
    """The URL an article is stored under: its canonical URL when trustworthy.

    A ``<link rel=canonical>`` is trusted only when it points to the same host
    (ignoring ``www.``) as the page it was found on; sites sometimes point every
    page's canonical to the home page or to another domain's syndicated copy.

    Args:
        article: the extracted article.
        fetched_url: the URL the page was fetched from (after redirects).

    Returns:
        A canonicalized absolute URL.
    """
    fetched = canonicalize_url(fetched_url)
    if not article.canonical_url:
        return fetched
    canonical = canonicalize_url(article.canonical_url, base=fetched_url)
    same_host = _site(canonical) == _site(fetched)
    has_path = urlsplit(canonical).path not in ("", "/")
    return canonical if same_host and has_path else fetched


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")
