"""Reading schema.org JSON-LD objects (https://schema.org/NewsArticle).

``Page.jsonld`` already holds every object with ``@graph`` members flattened.
These helpers rank them (articles first, then web pages) and read fields that
may be strings, lists or nested objects (``author``, ``publisher``,
``mainEntityOfPage``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any
from urllib.parse import urlsplit

_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "liveblogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "scholarlyarticle",
        "techarticle",
        "report",
        "socialmediaposting",
        "satiricalarticle",
    }
)
_PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "aboutpage", "medicalwebpage"})
_NESTED = ("mainEntityOfPage", "mainEntity")


def types_of(obj: dict[str, Any]) -> set[str]:
    """The lower-cased ``@type`` names of ``obj`` (a string or a list), prefixes dropped."""
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {str(n).rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for n in names if n}


def is_article(obj: dict[str, Any]) -> bool:
    """True for schema.org Article types and their subtypes (NewsArticle, BlogPosting...)."""
    return any(t in _ARTICLE_TYPES or t.endswith("article") for t in types_of(obj))


def _url_key(url: str) -> str:
    """Scheme, ``www.``, query, fragment and trailing slash ignored."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


def _about(obj: dict[str, Any]) -> set[str]:
    """The URLs an object says it describes: ``url``, ``@id``, ``mainEntityOfPage``."""
    found = [obj.get("url"), obj.get("@id")]
    main = obj.get("mainEntityOfPage")
    found.extend([main.get("@id"), main.get("url")] if isinstance(main, dict) else [main])
    return {_url_key(u) for u in found if isinstance(u, str) and u.strip()}


def ranked(
    objects: list[dict[str, Any]], *, urls: Collection[str] = ()
) -> Iterator[dict[str, Any]]:
    """Objects in the order fields are looked up.

    Order: article objects (also those a WebPage names as its ``mainEntity``),
    those whose ``url``/``@id``/``mainEntityOfPage`` is one
    of ``urls`` first (a page may also describe related stories), else in
    document order, each followed by the objects nested in its
    ``mainEntityOfPage``/``mainEntity``; then web pages; then untyped objects.
    Other types (Organization, Person, VideoObject...) are skipped.

    Args:
        objects: ``Page.jsonld``.
        urls: the page's own URLs (canonical, fetched), compared without scheme,
            ``www.``, query and fragment.

    Yields:
        JSON-LD dicts.
    """
    keys = {_url_key(u) for u in urls}
    articles = [a for o in objects for a in _articles_in(o)]
    if keys:
        articles.sort(key=lambda o: not (_about(o) & keys))
    for obj in articles:
        yield obj
        for key in _NESTED:
            nested = obj.get(key)
            if isinstance(nested, dict):
                yield nested
    pages: list[dict[str, Any]] = []
    untyped: list[dict[str, Any]] = []
    for obj in objects:
        if is_article(obj):
            continue
        if types_of(obj) & _PAGE_TYPES:
            pages.append(obj)
        elif not types_of(obj):
            untyped.append(obj)
    yield from pages
    yield from untyped


def _articles_in(obj: dict[str, Any]) -> list[dict[str, Any]]:
    """``obj`` itself when it is an article, else the articles it names as its
    ``mainEntity`` (a WebPage describing the article it shows)."""
    if is_article(obj):
        return [obj]
    nested = obj.get("mainEntity")
    items = nested if isinstance(nested, list) else [nested]
    return [item for item in items if isinstance(item, dict) and is_article(item)]


def text(value: Any) -> str | None:
    """A field as one stripped string: a string, the first string of a list, or None."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        cleaned = " ".join(str(value).split())
        return cleaned or None
    return None


def names(value: Any) -> list[str]:
    """Names from a Person/Organization field: a string, ``{"name": ...}`` or a list of them."""
    items = value if isinstance(value, list) else [value]
    found: list[str] = []
    for item in items:
        name = text(item.get("name")) if isinstance(item, dict) else text(item)
        if name:
            found.append(name)
    return found


def date_values(
    objects: list[dict[str, Any]], *, urls: Collection[str] = ()
) -> tuple[list[str], list[str]]:
    """Raw ``datePublished`` (then ``dateCreated``) and ``dateModified`` strings.

    Args:
        objects: ``Page.jsonld``.
        urls: the page's own URLs (see :func:`ranked`).

    Returns:
        ``(published, modified)`` value lists, in :func:`ranked` order.
    """
    published: list[str] = []
    modified: list[str] = []
    for obj in ranked(objects, urls=urls):
        for key, out in (("datePublished", published), ("dateCreated", published)):
            value = text(obj.get(key))
            if value:
                out.append(value)
        value = text(obj.get("dateModified"))
        if value:
            modified.append(value)
    return published, modified


def first(objects: list[dict[str, Any]], key: str, *, urls: Collection[str] = ()) -> Any:
    """The first present value of ``key`` among :func:`ranked` objects, or None."""
    for obj in ranked(objects, urls=urls):
        value = obj.get(key)
        if value not in (None, "", []):
            return value
    return None


__all__ = ["date_values", "first", "is_article", "names", "ranked", "text", "types_of"]
