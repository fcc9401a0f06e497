"""Event payloads: what a webhook receives, built as plain JSON values (pure).

The webhook body is a contract other tools rely on; its keys are:

- ``id``: unique event id (UUID4 hex); receivers dedupe on it, since delivery
  is at-least-once.
- ``type``: ``"article.new"``, ``"article.revised"``, ``"story.followup"``,
  ``"article.removed"`` or ``"article.restored"``.
- ``created_at``: ISO 8601 UTC time with offset (``2026-11-30T10:00:00+00:00``).
- ``source``: the source name.
- ``article``: ``{url, title, published, updated, revision, language,
  canonical_url}``; dates are ISO 8601 with the page's own offset, or null.
- ``article.revised`` adds ``diff`` (unified diff text) and ``changed`` (field
  names); ``story.followup`` adds ``story``: ``{id, label, score, evidence,
  previous: [{url, title, published}]}``.
- ``article.removed`` (a stored article answered 404 Not Found or 410 Gone)
  adds ``removed_at`` (ISO 8601 UTC) and ``status`` (404 or 410); its
  ``article`` is the last stored revision. ``article.restored`` (it answers
  again) adds the same two keys of the removal that ended plus ``restored_at``.

The bytes POSTed are :func:`encode_event` of the event: compact, sorted keys,
UTF-8 without ``\\u`` escapes (Arabic stays readable), and they are what the
HMAC signature covers. Naive datetimes, which ``models.py`` rules out, are read
as UTC rather than rejected.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Set
from datetime import UTC, date, datetime
from typing import Any

from scraper.diff import normalize_text
from scraper.models import Article, Change, Event, Removal, Revision, Webhook

KEYWORD_EVIDENCE: tuple[str, ...] = ("shared_terms", "shared_entities")
"""Story evidence lists searched by webhook keywords, besides the story label."""


def _iso(value: datetime | None) -> str | None:
    """ISO 8601 with offset; naive values are taken as UTC; None stays None."""
    if value is None:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat()


def _utc(value: datetime) -> datetime:
    """``value`` as an aware UTC datetime (naive values are taken as UTC)."""
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _json_value(value: Any) -> Any:
    """Convert ``value`` to plain JSON types (dict, list, str, int, float, bool, None).

    Datetimes become ISO 8601 strings, tuples/lists become lists, sets become
    sorted lists, mapping keys become strings; anything else becomes ``str(value)``.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): _json_value(item) for key, item in value.items()}
    if isinstance(value, Set):
        return sorted((_json_value(item) for item in value), key=repr)
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    return str(value)


def _article_payload(revision: Revision, article: Article) -> dict[str, Any]:
    """The ``article`` object of every event."""
    return {
        "url": article.url,
        "title": article.title,
        "published": _iso(article.published),
        "updated": _iso(article.updated),
        "revision": revision.number,
        "language": article.language,
        "canonical_url": article.canonical_url,
    }


def _event(
    event_type: str,
    *,
    source: str,
    revision: Revision,
    article: Article,
    now: datetime,
    event_id: str | None,
    extra: Mapping[str, Any],
) -> Event:
    """Assemble an Event and its payload (common keys plus ``extra``)."""
    created_at = _utc(now)
    ident = event_id or uuid.uuid4().hex
    payload: dict[str, Any] = {
        "id": ident,
        "type": event_type,
        "created_at": created_at.isoformat(),
        "source": source,
        "article": _article_payload(revision, article),
        **extra,
    }
    return Event(id=ident, type=event_type, created_at=created_at, source=source, payload=payload)


def new_article_event(
    *,
    source: str,
    revision: Revision,
    article: Article,
    now: datetime,
    event_id: str | None = None,
) -> Event:
    """Build the ``article.new`` event of a first-seen article.

    Args:
        source: the source name.
        revision: the stored revision (its ``number`` goes in the payload).
        article: the extracted article.
        now: aware datetime of the event, stored and sent as UTC.
        event_id: the event id; a new UUID4 hex when None.

    Returns:
        The Event, ``payload`` holding the webhook body described in this module.
    """
    return _event(
        "article.new",
        source=source,
        revision=revision,
        article=article,
        now=now,
        event_id=event_id,
        extra={},
    )


def revised_article_event(
    *,
    source: str,
    revision: Revision,
    article: Article,
    change: Change,
    now: datetime,
    event_id: str | None = None,
) -> Event:
    """Build the ``article.revised`` event of a meaningful edit.

    Args:
        source: the source name.
        revision: the new stored revision (number N+1).
        article: the extracted new version.
        change: the result of :func:`scraper.diff.compare`.
        now: aware datetime of the event, stored and sent as UTC.
        event_id: the event id; a new UUID4 hex when None.

    Returns:
        The Event; its payload adds ``diff`` (unified diff text, "" for a
        title-only change) and ``changed`` (list of field names).
    """
    return _event(
        "article.revised",
        source=source,
        revision=revision,
        article=article,
        now=now,
        event_id=event_id,
        extra={"diff": change.diff, "changed": list(change.changed)},
    )


def removed_article_event(
    *,
    source: str,
    revision: Revision,
    article: Article,
    removal: Removal,
    now: datetime,
    event_id: str | None = None,
) -> Event:
    """Build the ``article.removed`` event of a stored article that is gone.

    A 404 Not Found or 410 Gone answer (RFC 9110 §15.5.5, §15.5.11) for an
    article we stored means it was unpublished; timeouts and 5xx are not.

    Args:
        source: the source name.
        revision: the latest stored revision (its ``number`` goes in the payload).
        article: the article as last stored (``Store.stored_article``).
        removal: the new removal mark (``removed_at`` aware UTC, ``status``).
        now: aware datetime of the event, stored and sent as UTC.
        event_id: the event id; a new UUID4 hex when None.

    Returns:
        The Event; its payload adds ``removed_at`` (ISO 8601 UTC) and ``status`` (int).
    """
    return _event(
        "article.removed",
        source=source,
        revision=revision,
        article=article,
        now=now,
        event_id=event_id,
        extra={"removed_at": _utc(removal.removed_at).isoformat(), "status": removal.status},
    )


def restored_article_event(
    *,
    source: str,
    revision: Revision,
    article: Article,
    removal: Removal,
    now: datetime,
    event_id: str | None = None,
) -> Event:
    """Build the ``article.restored`` event of a removed article that answers again.

    Args:
        source: the source name.
        revision: the latest stored revision; when the returning page differs,
            an ``article.revised`` event with the next revision follows.
        article: the article as last stored.
        removal: the removal period that ended (``restored_at`` set).
        now: aware datetime of the event, stored and sent as UTC.
        event_id: the event id; a new UUID4 hex when None.

    Returns:
        The Event; its payload adds ``removed_at``, ``status`` and
        ``restored_at`` (ISO 8601 UTC; ``now`` when the removal has none).
    """
    restored_at = _utc(removal.restored_at or now).isoformat()
    return _event(
        "article.restored",
        source=source,
        revision=revision,
        article=article,
        now=now,
        event_id=event_id,
        extra={
            "removed_at": _utc(removal.removed_at).isoformat(),
            "status": removal.status,
            "restored_at": restored_at,
        },
    )


def _previous_item(item: Any) -> dict[str, Any]:
    """One ``previous`` entry from a mapping or an object with url/title/published."""
    if isinstance(item, Mapping):
        url, title, published = item.get("url"), item.get("title"), item.get("published")
    else:
        url = getattr(item, "url", None)
        title = getattr(item, "title", None)
        published = getattr(item, "published", None)
    return {"url": url, "title": title, "published": _json_value(published)}


def _story_payload(story: Mapping[str, Any]) -> dict[str, Any]:
    """The ``story`` object: id, label, score, evidence (dict), previous (list)."""
    score = story.get("score")
    evidence = story.get("evidence") or {}
    return {
        "id": _json_value(story.get("id")),
        "label": story.get("label"),
        "score": float(score) if score is not None else None,
        "evidence": _json_value(dict(evidence)),
        "previous": [_previous_item(item) for item in story.get("previous") or ()],
    }


def followup_event(
    *,
    source: str,
    revision: Revision,
    article: Article,
    story: Mapping[str, Any],
    now: datetime,
    event_id: str | None = None,
) -> Event:
    """Build the ``story.followup`` event of an article that continues a story.

    Args:
        source: the source name.
        revision: the stored revision of the follow-up article.
        article: the follow-up article.
        story: ``id``, ``label`` (str), ``score`` (float, 0-1), ``evidence``
            (mapping; datetimes, tuples and sets are converted to JSON types)
            and ``previous`` (earlier articles as mappings or objects with
            ``url``, ``title``, ``published``). Missing keys become null/empty.
        now: aware datetime of the event, stored and sent as UTC.
        event_id: the event id; a new UUID4 hex when None.

    Returns:
        The Event; its payload adds the ``story`` object.
    """
    return _event(
        "story.followup",
        source=source,
        revision=revision,
        article=article,
        now=now,
        event_id=event_id,
        extra={"story": _story_payload(story)},
    )


def encode_event(event: Event) -> bytes:
    """The exact bytes POSTed to webhooks and covered by their signature.

    Args:
        event: an event built by this module.

    Returns:
        ``json.dumps(payload, ensure_ascii=False, separators=(",", ":"),
        sort_keys=True)`` encoded as UTF-8: deterministic for a given payload.
    """
    text = json.dumps(event.payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.encode("utf-8")


def _fold(text: str) -> str:
    """Text for keyword matching: normalized (no tatweel or bidi marks) and casefolded."""
    return normalize_text(text).casefold()


def _keyword_haystack(story: Mapping[str, Any]) -> str:
    """Folded story label and key terms (evidence lists), one per line, for keyword search."""
    parts = [str(story.get("label") or "")]
    evidence = story.get("evidence")
    if isinstance(evidence, Mapping):
        for key in KEYWORD_EVIDENCE:
            values = evidence.get(key)
            if isinstance(values, list | tuple):
                parts.extend(str(value) for value in values)
    return "\n".join(_fold(part) for part in parts)


def wants(webhook: Webhook, event: Event, *, followed: bool = False) -> bool:
    """Whether ``webhook`` should receive ``event``.

    Rules: the event type must be in ``webhook.events``. For ``story.followup``
    also: when ``webhook.followed_only``, the story must be followed; when
    ``webhook.keywords`` is not empty, one keyword must occur in the story
    label or in one of its key terms (the evidence lists named in
    ``KEYWORD_EVIDENCE``), case-insensitively and after
    :func:`scraper.diff.normalize_text`, so an Arabic keyword matches a label
    written with tatweel.

    Args:
        webhook: the configured receiver.
        event: the event to route.
        followed: True when the user follows the event's story.

    Returns:
        True to deliver, False to skip.
    """
    if event.type not in webhook.events:
        return False
    if event.type != "story.followup":
        return True
    if webhook.followed_only and not followed:
        return False
    if not webhook.keywords:
        return True
    haystack = _keyword_haystack(event.payload.get("story") or {})
    return any(_fold(keyword) and _fold(keyword) in haystack for keyword in webhook.keywords)


__all__ = [
    "encode_event",
    "followup_event",
    "new_article_event",
    "removed_article_event",
    "restored_article_event",
    "revised_article_event",
    "wants",
]
