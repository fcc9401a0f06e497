"""The pipeline marks a stored article gone on 404/410 and restores it on 200.

httpx.MockTransport serves a feed and an Arabic article from a mutable table;
no sockets. The clock is injected, so every stored time is exact.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from scraper.config import load_config
from scraper.events import encode_event, removed_article_event, wants
from scraper.fetch import Fetcher, FetchOptions
from scraper.models import EVENT_TYPES, Article, Removal, Revision, Source, Webhook
from scraper.pipeline import Services, check
from scraper.store import Store

BASE = "https://sahil.example"
FEED = f"{BASE}/rss.xml"
ARTICLE_URL = f"{BASE}/mahaliyat/2026/11/30/mawsim-al-zaytun"
TITLE = "موسم قطف الزيتون يبدأ مبكرا في قرى الساحل"
PARAGRAPHS = (
    "بدأ المزارعون في قرى الساحل قطف ثمار الزيتون قبل موعده المعتاد بأسبوعين، "
    "بعد صيف طويل رفع درجة نضج الحبات في معظم البساتين.",
    "وقال رئيس الجمعية التعاونية إن الإنتاج المتوقع هذا العام يقارب ضعف ما جمع في "
    "الموسم الماضي، وإن المعاصر ستعمل ليلا ونهارا لاستيعاب الكميات.",
    "وتشكو الأسر الصغيرة من ارتفاع أجور العمال الموسميين، فيما تعتمد عائلات كثيرة "
    "على مشاركة الأقارب والجيران في القطاف كما جرت العادة منذ عقود.",
    "ويأمل أصحاب المعاصر أن تفتح أسواق جديدة للزيت في المدن الكبرى هذا الشتاء.",
)
ADDED = "وأعلنت البلدية مساء اليوم تخصيص ساحة السوق القديم لبيع الزيت مباشرة من المنتجين."
T0 = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
HOOK = Webhook(name="desk", url="https://hooks.example/in", secret="k", events=EVENT_TYPES)
SOURCE = Source(name="sahil", url=FEED, kind="feed", alert_on_first_poll=True)


def _page(extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in (*PARAGRAPHS, *([extra] if extra else [])))
    return (
        '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{TITLE} | الساحل</title>"
        '<meta property="article:published_time" content="2026-11-30T09:00:00+02:00">'
        f'</head><body><nav><a href="/">الرئيسية</a></nav><article><h1>{TITLE}</h1>'
        f"{body}</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )


def _feed() -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>الساحل</title><link>{BASE}/</link><description>أخبار</description>"
        f"<item><title>{TITLE}</title><link>{ARTICLE_URL}</link><guid>zaytun-1</guid>"
        "<pubDate>Mon, 30 Nov 2026 07:00:00 GMT</pubDate></item></channel></rss>"
    )


class Web:
    """A mutable table of ``url -> (status, body)``, or an exception to raise."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str] | Exception] = {
            FEED: (200, _feed()),
            ARTICLE_URL: (200, _page()),
        }

    def handler(self, request: httpx.Request) -> httpx.Response:
        page = self.pages.get(str(request.url), (404, "not found"))
        if isinstance(page, Exception):
            raise page
        status, body = page
        ctype = "application/rss+xml" if str(request.url) == FEED else "text/html; charset=utf-8"
        return httpx.Response(status, content=body.encode("utf-8"), headers={"content-type": ctype})


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def web() -> Web:
    return Web()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def services(web: Web, clock: Clock) -> Iterator[Services]:
    client = httpx.Client(transport=httpx.MockTransport(web.handler))
    options = FetchOptions(retries=0, backoff=0, per_host_delay=0, respect_robots=False)
    fetcher = Fetcher(client=client, options=options, sleep=lambda s: None)
    store = Store(":memory:")
    yield Services(store=store, fetcher=fetcher, webhooks=(HOOK,), clock=clock)
    store.close()
    client.close()


def _events(store: Store, event_type: str) -> list[dict[str, object]]:
    return [e["payload"] for e in store.events(type=event_type)]


def _first_check(services: Services, clock: Clock) -> None:
    outcome = check(SOURCE, services)
    assert (outcome.new, outcome.failed) == (1, 0), outcome.errors
    clock.now += timedelta(hours=1)


@pytest.mark.parametrize("status", [404, 410])
def test_a_stored_article_gone_is_marked_once_with_one_event(
    services: Services, web: Web, clock: Clock, status: int
) -> None:
    _first_check(services, clock)
    web.pages[ARTICLE_URL] = (status, "<html><body>لم تعد هذه الصفحة متاحة</body></html>")
    outcome = check(SOURCE, services)
    assert (outcome.removed, outcome.failed, outcome.unchanged, outcome.ok) == (1, 0, 0, True)
    assert outcome.errors == ()
    assert services.store.errors() == []
    (payload,) = _events(services.store, "article.removed")
    assert payload["status"] == status
    assert payload["removed_at"] == "2026-11-30T13:00:00+00:00"
    assert payload["source"] == "sahil"
    assert payload["article"] == {
        "url": ARTICLE_URL,
        "canonical_url": ARTICLE_URL,
        "title": TITLE,
        "published": "2026-11-30T09:00:00+02:00",
        "updated": None,
        "revision": 1,
        "language": "ar",
    }
    (delivery,) = [d for d in services.store.deliveries() if d.event_type == "article.removed"]
    assert delivery.webhook == "desk"
    assert json.loads(delivery.body)["id"] == payload["id"]

    clock.now += timedelta(hours=1)
    again = check(SOURCE, services)
    assert (again.removed, again.failed, again.ok) == (0, 0, True)
    assert len(_events(services.store, "article.removed")) == 1
    (period,) = services.store.removals(ARTICLE_URL)
    assert (period.removed_at, period.status, period.restored_at) == (
        T0 + timedelta(hours=1),
        status,
        None,
    )


@pytest.mark.parametrize(
    "failure",
    [
        pytest.param((503, "busy"), id="503"),
        pytest.param((500, "oops"), id="500"),
        pytest.param((403, "forbidden"), id="403"),
        pytest.param(httpx.ReadTimeout("slow"), id="timeout"),
        pytest.param(httpx.ConnectError("refused"), id="network"),
    ],
)
def test_other_failures_stay_failures(
    services: Services, web: Web, clock: Clock, failure: tuple[int, str] | Exception
) -> None:
    _first_check(services, clock)
    web.pages[ARTICLE_URL] = failure
    outcome = check(SOURCE, services)
    assert (outcome.removed, outcome.failed, outcome.ok) == (0, 1, False)
    assert services.store.removal(ARTICLE_URL) is None
    assert _events(services.store, "article.removed") == []


def test_a_404_for_an_article_never_stored_is_a_failure(services: Services, web: Web) -> None:
    web.pages[ARTICLE_URL] = (404, "not found")
    outcome = check(SOURCE, services)
    assert (outcome.removed, outcome.failed, outcome.new) == (0, 1, 0)
    assert services.store.removals(ARTICLE_URL) == []
    assert [e.kind for e in services.store.errors()] == ["FetchStatusError"]


def test_back_unchanged_is_restored_without_a_revision(
    services: Services, web: Web, clock: Clock
) -> None:
    _first_check(services, clock)
    web.pages[ARTICLE_URL] = (410, "gone")
    check(SOURCE, services)
    clock.now += timedelta(hours=2)
    web.pages[ARTICLE_URL] = (200, _page())
    outcome = check(SOURCE, services)
    assert (outcome.restored, outcome.revised, outcome.unchanged) == (1, 0, 1)
    (payload,) = _events(services.store, "article.restored")
    assert (payload["removed_at"], payload["restored_at"], payload["status"]) == (
        "2026-11-30T13:00:00+00:00",
        "2026-11-30T15:00:00+00:00",
        410,
    )
    assert payload["article"]["revision"] == 1  # type: ignore[index]
    assert services.store.removal(ARTICLE_URL) is None
    assert [r.number for r in services.store.revisions(ARTICLE_URL)] == [1]


def test_back_changed_is_restored_then_revised(services: Services, web: Web, clock: Clock) -> None:
    _first_check(services, clock)
    web.pages[ARTICLE_URL] = (404, "gone")
    check(SOURCE, services)
    clock.now += timedelta(hours=1)
    web.pages[ARTICLE_URL] = (200, _page(extra=ADDED))
    outcome = check(SOURCE, services)
    assert (outcome.restored, outcome.revised, outcome.removed) == (1, 1, 0)
    types = [e["type"] for e in reversed(services.store.events())]
    assert types == ["article.new", "article.removed", "article.restored", "article.revised"]
    due = services.store.pending_deliveries(now=clock.now)
    assert [d.event_type for d in due] == types  # delivered in the order they happened
    (revised,) = _events(services.store, "article.revised")
    assert f"+{ADDED}" in str(revised["diff"])


def test_a_page_source_gone_is_removed_not_failed(
    services: Services, web: Web, clock: Clock
) -> None:
    page = Source(name="one", url=ARTICLE_URL, kind="page", alert_on_first_poll=True)
    assert check(page, services).new == 1
    clock.now += timedelta(minutes=30)
    web.pages[ARTICLE_URL] = (410, "gone")
    outcome = check(page, services)
    assert (outcome.removed, outcome.error, outcome.ok) == (1, None, True)
    assert services.store.source_state(page).consecutive_failures == 0
    assert check(page, services).removed == 0
    clock.now += timedelta(minutes=30)
    web.pages[ARTICLE_URL] = (200, _page())
    assert check(page, services).restored == 1
    assert [e["type"] for e in services.store.events()][:2] == [
        "article.restored",
        "article.removed",
    ]


def test_removed_event_body_keeps_arabic_readable_and_is_routed() -> None:
    revision = Revision(ARTICLE_URL, 3, T0, TITLE, "نص", None, None, "h")
    article = Article(ARTICLE_URL, ARTICLE_URL, TITLE, "نص", language="ar")
    removal = Removal(ARTICLE_URL, T0, 410, 3)
    event = removed_article_event(
        source="sahil", revision=revision, article=article, removal=removal, now=T0, event_id="e1"
    )
    body = encode_event(event)
    assert TITLE.encode("utf-8") in body
    assert b'"status":410' in body and b'"removed_at":"2026-11-30T12:00:00+00:00"' in body
    assert wants(HOOK, event)
    assert not wants(Webhook(name="n", url="u", secret="s"), event)  # code default: new+revised


def test_a_configured_webhook_without_events_gets_removals(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[[webhooks]]\nname = "all"\nurl = "https://hooks.example/all"\nsecret = "s"\n',
        encoding="utf-8",
    )
    (hook,) = load_config(path).webhooks
    assert hook.events == EVENT_TYPES
    assert {"article.removed", "article.restored"} <= set(hook.events)


def test_a_removed_article_answering_304_is_restored(
    services: Services, web: Web, clock: Clock
) -> None:
    _first_check(services, clock)
    web.pages[ARTICLE_URL] = (404, "gone")
    check(SOURCE, services)
    clock.now += timedelta(hours=1)
    web.pages[ARTICLE_URL] = (304, "")
    outcome = check(SOURCE, services)
    assert (outcome.restored, outcome.unchanged, outcome.failed) == (1, 1, 0)
    (period,) = services.store.removals(ARTICLE_URL)
    assert (period.status, period.restored_at) == (404, T0 + timedelta(hours=2))


def test_an_article_that_moved_address_is_not_reported_removed(
    services: Services, web: Web, clock: Clock
) -> None:
    canonical = f"{BASE}/zaytun"
    old, new = ARTICLE_URL, f"{BASE}/mahaliyat/2026/11/30/mawsim-al-zaytun-yabda"
    page = _page().replace("</title>", f'</title><link rel="canonical" href="{canonical}">')
    web.pages[old] = (200, page)
    _first_check(services, clock)
    # The site moves the story: the feed lists the new address; the old one and the
    # canonical one answer 404 (both are still checked: the article left the feed).
    web.pages[FEED] = (200, _feed().replace(old, new))
    web.pages[new] = (200, page)
    web.pages[old] = (404, "not found")
    for _ in range(2):
        outcome = check(SOURCE, services)
        assert (outcome.removed, outcome.restored, outcome.failed) == (0, 0, 0), outcome.errors
        clock.now += timedelta(hours=1)
    assert _events(services.store, "article.removed") == []
    assert _events(services.store, "article.restored") == []
    assert services.store.removal(canonical) is None
    assert services.store.resolve(new) == canonical


def test_an_older_copy_read_while_a_newer_one_was_stored_is_dropped(
    services: Services, web: Web, clock: Clock
) -> None:
    _first_check(services, clock)  # revision 1 read at T0, clock now T0 + 1 h
    # Another job (or a `check` process) read the edited page later and stored it
    # first, while this job waited with its older copy.
    newer = T0 + timedelta(hours=2)
    services.store.save_revision(
        source="sahil",
        article=Article(url=ARTICLE_URL, canonical_url=ARTICLE_URL, title=TITLE, body="نص أحدث"),
        revision=Revision(ARTICLE_URL, 2, newer, TITLE, "نص أحدث", None, None, "hash-2"),
        diff="",
    )
    outcome = check(SOURCE, services)  # serves the old text, read at T0 + 1 h
    assert (outcome.revised, outcome.unchanged) == (0, 1)
    assert [r.number for r in services.store.revisions(ARTICLE_URL)] == [1, 2]
    assert _events(services.store, "article.revised") == []
