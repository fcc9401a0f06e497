"""Published and updated dates of an article page, kept apart.

Sources are tried in a fixed order (see :func:`extract_dates`); for each of the
two fields the first source that gives a plausible value wins. Dates inside
``<script>`` (except JSON-LD), ``<style>``, comments (HTML comments and reader
comment sections), related-story lists, navigation, sidebars, footers and
site headers are never read. The HTTP ``Last-Modified`` header is never used.

The DOM walk that collects the dates stated by markup (and the text blocks
around them) is in ``datescan.py``; date strings are read by ``datetext.py``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from ..models import SiteRules
from . import jsonld
from .datelines import label_near, stated_zone, stated_zone_in_text, visible_dates
from .datescan import Scan, scan_body
from .datetext import Kind, parse_value
from .datewords import META_PRIMARY, META_SECONDARY
from .meta import page_urls, select_rule
from .page import Page

logger = logging.getLogger(__name__)

CLOCK_SKEW = timedelta(days=1)
# Page chrome the date scan skips, read only for an "All times are ..." statement.
_SKIPPED = "footer, aside, nav, [class*=footer], [id*=footer]"


_URL_DATE = (
    re.compile(r"/((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)"),
    re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:/|$)"),
)
_DAY_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class _Found:
    value: datetime  # naive when the source states no zone
    weak: bool = False  # kind guessed from nearby words, not stated by markup
    day_only: bool = False  # the source states a calendar day and no time
    timed: bool = False  # visible text that states a time of day


_Tier = tuple[list[_Found], list[_Found]]


class _Context:
    """Per-call caches: the DOM scan and each tier's findings, computed on demand."""

    def __init__(self, page: Page, now: datetime, timezone: str | None = None) -> None:
        self.page = page
        self.now = now
        self.timezone = timezone
        self.limit = now + CLOCK_SKEW
        lang = (page.tree.root.attributes.get("lang") or "").lower() if page.tree.root else ""
        self.month_first = lang in ("en-us", "en")
        self._scan: Scan | None = None
        self._text: tuple[_Tier, list[_Found]] | None = None
        self._tiers: dict[int, _Tier] = {}
        self._stated: tuple[tzinfo | None] | None = None

    @property
    def scan(self) -> Scan:
        if self._scan is None:
            self._scan = scan_body(self.page.tree.body)
        return self._scan

    @property
    def text_dates(self) -> tuple[_Tier, list[_Found]]:
        if self._text is None:
            self._text = _text_dates(self)
        return self._text

    def tier(self, index: int) -> _Tier:
        if index not in self._tiers:
            self._tiers[index] = _TIERS[index](self)
        return self._tiers[index]

    def ok(self, value: datetime) -> bool:
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware <= self.limit

    def zone(self) -> tzinfo | None:
        for index in range(len(_TIERS) - 1):
            for found in (*self.tier(index)[0], *self.tier(index)[1]):
                if found.value.tzinfo is not None and self.ok(found.value):
                    return found.value.tzinfo
        return self.stated()

    def stated(self) -> tzinfo | None:
        """The zone the page states for all its times ("All times are GMT+2"): in
        the scanned blocks, else in the page chrome the scan skips (footers, side
        boxes, navigation), where sites print it."""
        if self._stated is None:
            zone = stated_zone(self.scan)
            if zone is None:
                chrome = " ".join(n.text(separator=" ") for n in self.page.tree.css(_SKIPPED))
                zone = stated_zone_in_text(chrome) if chrome else None
            self._stated = (zone,)
        return self._stated[0]

    def today(self) -> date:
        """The page's local date at ``now``: in the source's ``timezone``, else in
        the zone the page states, else ``now``'s own (day words count from it).
        Asked only for a short line holding an "ago"/day word (the stated zone
        may mean reading the whole body text)."""
        zone = ZoneInfo(self.timezone) if self.timezone else self.stated()
        return self.now.astimezone(zone).date() if zone is not None else self.now.date()

    def refine(self, found: _Found | None, slot: int) -> _Found | None:
        """A day-only value made exact by a visible date and time of the same day
        (JSON-LD ``"2024-12-05"``, text "15:30 (北京时间) 5 December 2024")."""
        if found is None or not found.day_only:
            return found
        labeled, unlabeled = self.text_dates
        candidates: list[_Found] = labeled[slot] + (unlabeled if slot == 0 else [])
        for other in candidates:
            if other.timed and other.value.date() == found.value.date() and self.ok(other.value):
                return other
        return found


def extract_dates(
    page: Page, *, rules: SiteRules, now: datetime | None = None
) -> tuple[datetime | None, datetime | None]:
    """Find when the article was first published and last updated.

    Order tried, for each field on its own (the first plausible value wins):
    the ``rules.published``/``rules.updated`` CSS selectors (the node's
    ``datetime``/``content`` attribute, else its text); JSON-LD
    ``datePublished``/``dateModified`` of article objects (the one whose URL is the
    page's own first), their nested ``mainEntityOfPage``, then WebPage objects
    (schema.org NewsArticle); Open Graph
    article meta (``article:published_time``, ``article:modified_time``,
    ``og:updated_time``); ``itemprop`` datePublished/dateCreated/dateModified on
    meta, ``<time>`` or other elements (schema.org microdata); other meta
    conventions (Dublin Core ``dc.date``/``dcterms.created``/``dcterms.modified``,
    ``parsely-pub-date``, ``sailthru.date``, ``pubdate``, ``publishdate``, ``date``,
    ``last-modified``...); ``<time datetime>`` and ``data-*`` date attributes whose
    class, attribute name or nearby words ("Published", "نشر في", "آخر تحديث",
    "Mis à jour", "Aktualisiert", "Actualizado"...) say which date they are; visible
    text dates after such words (also relative ones, "3 hours ago", "منذ ساعتين",
    in a short date line, counted back from ``now``: pass the fetch time; day
    words, "أمس الساعة 9:30", count from the local date in ``rules.timezone``,
    else in the zone the page states); the
    first unlabeled ``<time>``/``data-*`` value
    after the ``<h1>`` (else before it), then the first unlabeled visible date in
    the eight blocks after the ``<h1>`` (anywhere when the page has no ``<h1>``),
    both for published only;
    finally a ``/2024/03/05/`` date in the URL (published only).

    Zones are kept. A naive value gets the zone of the first zoned date found
    elsewhere on the page, else the zone the page states for all its times ("All
    times are GMT+2", read in the scanned blocks, else anywhere in the body text,
    footers included), else ``rules.timezone`` (the source's ``timezone``), else
    UTC. Values after ``now`` plus one day of clock skew, or before 1990, are
    skipped. When ``updated`` is before ``published``
    it is dropped, except when both kinds were only guessed from nearby words
    (then the labels were misread and the two are swapped). ``updated`` equal to
    ``published`` is reported as is.

    Args:
        page: the parsed page (not modified).
        rules: per-site selectors; ``published``/``updated`` win when they match.
        now: aware datetime taken as "now", the fetch time (default: the current
            UTC time).

    Returns:
        ``(published, updated)``: aware datetimes or None. Never raises for
        malformed dates.

    Raises:
        ConfigError: ``rules.published``/``rules.updated`` is not a valid CSS selector.
    """
    current = now or datetime.now(UTC)
    ctx = _Context(page, current, rules.timezone)
    published = ctx.refine(_pick(ctx, "published", rules.published), 0)
    updated = ctx.refine(_pick(ctx, "updated", rules.updated), 1)
    if published is None and updated is None:
        return None, None
    zone: tzinfo | None = None
    if any(f is not None and f.value.tzinfo is None for f in (published, updated)):
        zone = ctx.zone() or (ZoneInfo(rules.timezone) if rules.timezone else None)
    return _reconcile(published, updated, zone)


def _reconcile(
    published: _Found | None, updated: _Found | None, zone: tzinfo | None
) -> tuple[datetime | None, datetime | None]:
    pub = _localize(published, zone)
    upd = _localize(updated, zone)
    if pub is None or upd is None or published is None or updated is None or upd >= pub:
        return pub, upd
    if published.weak and updated.weak:
        logger.debug("published/updated labels look swapped; swapping")
        return upd, pub
    return pub, None


def _localize(found: _Found | None, zone: tzinfo | None) -> datetime | None:
    if found is None:
        return None
    value = found.value
    return value if value.tzinfo else value.replace(tzinfo=zone or UTC)


def _pick(ctx: _Context, kind: Kind, selector: str | None) -> _Found | None:
    if selector:
        nodes = select_rule(ctx.page, selector, field=kind)
        if nodes:
            node = nodes[0]
            attrs = node.attributes
            raw = attrs.get("datetime") or attrs.get("content") or node.text(separator=" ")
            value = parse_value(raw) if raw else None
            if value is not None and ctx.ok(value):
                return _Found(value)
    slot = 0 if kind == "published" else 1
    for index in range(len(_TIERS)):
        for found in ctx.tier(index)[slot]:
            if ctx.ok(found.value):
                return found
    return None


def _parsed(raws: list[str]) -> list[_Found]:
    found = []
    for raw in raws:
        value = parse_value(raw) if raw else None
        if value is not None:
            found.append(_Found(value, day_only=_DAY_ONLY.fullmatch(raw.strip()) is not None))
    return found


def _tier_jsonld(ctx: _Context) -> _Tier:
    pub, upd = jsonld.date_values(ctx.page.jsonld, urls=page_urls(ctx.page))
    return _parsed(pub), _parsed(upd)


def _meta_tier(names: Mapping[str, tuple[str, ...]]) -> Callable[[_Context], _Tier]:
    def tier(ctx: _Context) -> _Tier:
        meta = ctx.page.meta
        pub = [v for n in names["published"] for v in meta.get(n, ())]
        upd = [v for n in names["updated"] for v in meta.get(n, ())]
        return _parsed(pub), _parsed(upd)

    return tier


def _tier_itemprop(ctx: _Context) -> _Tier:
    found: _Tier = ([], [])
    for block in ctx.scan.blocks:
        for value in block.values:
            if value.itemprop and value.hint:
                found[0 if value.hint == "published" else 1].extend(_parsed([value.raw]))
    meta = ctx.page.meta
    found[0].extend(_parsed([*meta.get("datepublished", ()), *meta.get("datecreated", ())]))
    found[1].extend(_parsed(list(meta.get("datemodified", ()))))
    return found


def _tier_dom_labeled(ctx: _Context) -> _Tier:
    found: _Tier = ([], [])
    blocks = ctx.scan.blocks
    for index, block in enumerate(blocks):
        for position, value in enumerate(block.values):
            if value.itemprop:
                continue
            kind, weak = value.hint, False
            if kind is None:
                before = block.values[position - 1].offset if position else 0
                kind = label_near(blocks, index, block.text[before : value.offset], value.own_text)
                weak = True
            parsed = parse_value(value.raw)
            if kind is not None and parsed is not None:
                found[0 if kind == "published" else 1].append(_Found(parsed, weak))
    return found


def _tier_dom_unlabeled(ctx: _Context) -> _Tier:
    labeled = ctx.tier(_TIERS.index(_tier_dom_labeled))
    taken = {f.value for f in (*labeled[0], *labeled[1])}
    ordered = sorted(ctx.scan.blocks, key=lambda b: not b.after_h1)
    for block in ordered:
        for value in block.values:
            parsed = parse_value(value.raw)
            if parsed is not None and parsed not in taken and not value.itemprop:
                return [_Found(parsed)], []
    return [], []


def _tier_text_labeled(ctx: _Context) -> _Tier:
    return ctx.text_dates[0]


def _tier_text_unlabeled(ctx: _Context) -> _Tier:
    return ctx.text_dates[1][:1], []


def _text_dates(ctx: _Context) -> tuple[_Tier, list[_Found]]:
    """Visible text dates (:mod:`scraper.parse.datelines`): labeled ones by kind,
    and the unlabeled date lines just after the ``<h1>``."""
    found: _Tier = ([], [])
    unlabeled: list[_Found] = []
    dates = visible_dates(ctx.scan, now=ctx.now, month_first=ctx.month_first, today=ctx.today)
    for visible in dates:
        if visible.kind is None:
            unlabeled.append(_Found(visible.value, timed=visible.timed))
        else:
            slot = 0 if visible.kind == "published" else 1
            found[slot].append(_Found(visible.value, weak=True, timed=visible.timed))
    return found, unlabeled


def _tier_url(ctx: _Context) -> _Tier:
    url = ctx.page.url or ""
    for pattern in _URL_DATE:
        match = pattern.search(url)
        if match:
            try:
                year, month, day = (int(g) for g in match.groups())
                return [_Found(datetime(year, month, day))], []
            except ValueError:
                continue
    return [], []


_TIERS: list[Callable[[_Context], _Tier]] = [
    _tier_jsonld,
    _meta_tier(META_PRIMARY),
    _tier_itemprop,
    _meta_tier(META_SECONDARY),
    _tier_dom_labeled,
    _tier_text_labeled,
    _tier_dom_unlabeled,
    _tier_text_unlabeled,
    _tier_url,
]


__all__ = ["CLOCK_SKEW", "extract_dates"]
