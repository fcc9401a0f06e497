"""Relative times in visible text ("3 hours ago", "منذ ساعتين"), alone and in a page."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from scraper.models import SiteRules
from scraper.parse.dates import extract_dates
from scraper.parse.datesago import find_relative_dates
from scraper.parse.page import build_page

NOW = datetime(2026, 11, 30, 12, 40, 27, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("نشر منذ ساعتين", "2026-11-30T10:40:00+00:00", id="ar-dual-hours"),
        pytest.param("آخر تحديث: منذ ١٥ دقيقة", "2026-11-30T12:25:00+00:00", id="ar-indic-digits"),
        pytest.param("منذ ساعة", "2026-11-30T11:40:00+00:00", id="ar-one-hour-no-number"),
        pytest.param("قبل يومين", "2026-11-28T12:40:00+00:00", id="ar-dual-days-qabl"),
        pytest.param("منذ 3 ساعات", "2026-11-30T09:40:00+00:00", id="ar-plural"),
        pytest.param("Updated 3 hours ago", "2026-11-30T09:40:00+00:00", id="en-hours"),
        pytest.param("an hour ago", "2026-11-30T11:40:00+00:00", id="en-an-hour"),
        pytest.param("il y a une heure", "2026-11-30T11:40:00+00:00", id="fr-une-heure"),
        pytest.param("vor 2 Tagen", "2026-11-28T12:40:00+00:00", id="de-tagen"),
        pytest.param("hace 5 minutos", "2026-11-30T12:35:00+00:00", id="es-minutos"),
        pytest.param("2 giorni fa", "2026-11-28T12:40:00+00:00", id="it-fa"),
        pytest.param("10 минут назад", "2026-11-30T12:30:00+00:00", id="ru-nazad"),
        pytest.param("3 months ago", None, id="months-too-vague"),
        pytest.param("0 minutes ago", None, id="zero-amount"),
        pytest.param("vor dem Rathaus", None, id="de-vor-without-unit"),
        pytest.param("90 days ago", None, id="beyond-max-age"),
        pytest.param("منذ نصف ساعة", "2026-11-30T12:10:00+00:00", id="ar-half-an-hour"),
        pytest.param("منذ ربع ساعة", "2026-11-30T12:25:00+00:00", id="ar-quarter-hour"),
        pytest.param("half an hour ago", "2026-11-30T12:10:00+00:00", id="en-half-an-hour"),
        pytest.param("il y a une demi-heure", "2026-11-30T12:10:00+00:00", id="fr-demi-heure"),
        pytest.param("نُشر أمس الساعة 9:30 مساءً", "2026-11-29T21:30:00", id="ar-yesterday-at-pm"),
        pytest.param("Updated today at 10:15", "2026-11-30T10:15:00", id="en-today-at"),
        pytest.param("hier à 18h05", "2026-11-29T18:05:00", id="fr-hier"),
        pytest.param("اليوم السابع", None, id="ar-day-word-without-time-is-not-a-date"),
    ],
)
def test_find_relative_dates(text: str, expected: str | None) -> None:
    found = find_relative_dates(text, now=NOW)
    assert [d.value.isoformat() for d in found] == ([expected] if expected else [])


def test_hours_have_a_time_days_do_not() -> None:
    hours, days = find_relative_dates("منذ ساعتين · قبل يومين", now=NOW)
    assert (hours.has_time, days.has_time) == (True, False)
    assert "منذ ساعتين · قبل يومين"[hours.start : hours.end] == "منذ ساعتين"


def _dates(body: str) -> tuple[str | None, str | None]:
    html = f'<html lang="ar" dir="rtl"><body>{body}</body></html>'
    published, updated = extract_dates(build_page(html), rules=SiteRules(), now=NOW)
    return (
        published.isoformat() if published else None,
        updated.isoformat() if updated else None,
    )


def test_arabic_byline_with_glued_spans_gives_both_dates() -> None:
    body = (
        "<article><h1>انقطاع المياه عن أحياء شرق المدينة</h1>"
        '<div class="meta"><span class="by">مراسل الوادي</span><span class="ago">نُشر منذ 3 '
        'ساعات</span><span class="upd">آخر تحديث: منذ ١٥ دقيقة</span></div>'
        "<p>أعلنت مصلحة المياه أن عطلاً في محطة الضخ قطع المياه عن عدة أحياء.</p></article>"
    )
    assert _dates(body) == ("2026-11-30T09:40:00+00:00", "2026-11-30T12:25:00+00:00")


def test_relative_time_inside_a_paragraph_is_story_text() -> None:
    body = (
        "<article><h1>Bridge reopens</h1><p>The council said the repairs, which began three "
        "weeks ago after a lorry struck the parapet, finished 2 days ago, ahead of plan and "
        "within the budget agreed in spring.</p></article>"
    )
    assert _dates(body) == (None, None)


def test_absolute_dates_win_over_relative_ones() -> None:
    body = (
        "<article><h1>Bridge reopens</h1>"
        "<p class='dates'>Published 14 June 2024 · Updated 2 hours ago</p>"
        "<p>The bridge reopened to traffic after four months of repairs to its deck.</p></article>"
    )
    assert _dates(body) == ("2024-06-14T00:00:00+00:00", "2026-11-30T10:40:00+00:00")


def test_related_list_times_are_ignored() -> None:
    body = (
        "<article><h1>خبر</h1><p>نص الخبر الكامل هنا بلا أي تاريخ ظاهر للقارئ في هذه الفقرة.</p>"
        "</article><aside><h2>الأكثر قراءة</h2><ul><li><a href='/a'>خبر آخر</a> منذ ساعة</li>"
        "</ul></aside>"
    )
    assert _dates(body) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2 hours, 15 minutes ago", "2026-11-30T10:25:00+00:00", id="en-two-amounts"),
        pytest.param(
            "2 hours and 15 minutes ago", "2026-11-30T10:25:00+00:00", id="en-two-amounts-and"
        ),
        pytest.param("منذ 2 ساعة و 15 دقيقة", "2026-11-30T10:25:00+00:00", id="ar-two-amounts"),
        pytest.param("منذ ساعة و١٠ دقائق", "2026-11-30T11:30:00+00:00", id="ar-hour-and-minutes"),
        pytest.param("منذ ساعتين ونصف", "2026-11-30T10:10:00+00:00", id="ar-two-and-a-half"),
        pytest.param("منذ ساعة ونصف", "2026-11-30T11:10:00+00:00", id="ar-one-and-a-half"),
        pytest.param("منذ ساعات", None, id="ar-hours-without-number"),
        pytest.param("منذ دقائق", None, id="ar-minutes-without-number"),
        pytest.param("vor Stunden", None, id="de-hours-without-number"),
    ],
)
def test_compound_and_vague_relative_times(text: str, expected: str | None) -> None:
    found = find_relative_dates(text, now=NOW)
    assert [d.value.isoformat() for d in found] == ([expected] if expected else [])


def test_compound_phrase_is_read_whole() -> None:
    (found,) = find_relative_dates("نشر منذ 2 ساعة و 15 دقيقة - الرياض", now=NOW)
    assert "نشر منذ 2 ساعة و 15 دقيقة - الرياض"[found.start : found.end] == "منذ 2 ساعة و 15 دقيقة"


# 22:30 UTC on 30 November is 01:30 on 1 December in Riyadh (UTC+3).
LATE = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)


def test_day_words_count_from_the_given_local_date() -> None:
    (found,) = find_relative_dates("أمس الساعة 9:30 مساءً", now=LATE, today=date(2026, 12, 1))
    assert found.value.isoformat() == "2026-11-30T21:30:00"


@pytest.mark.parametrize(
    ("line", "rules", "tail", "expected"),
    [
        pytest.param(
            "نُشر أمس الساعة 9:30 مساءً",
            SiteRules(timezone="Asia/Riyadh"),
            "",
            ("2026-11-30T21:30:00+03:00", None),
            id="ar-yesterday-source-zone",
        ),
        pytest.param(
            "نُشر اليوم الساعة 1:10 صباحاً",
            SiteRules(timezone="Asia/Riyadh"),
            "",
            ("2026-12-01T01:10:00+03:00", None),
            id="ar-today-source-zone",
        ),
        pytest.param(
            "نُشر أمس الساعة 9:30 مساءً",
            SiteRules(),
            "<p>جميع الأوقات بتوقيت مكة المكرمة</p>",
            ("2026-11-30T21:30:00+03:00", None),
            id="ar-yesterday-zone-stated-on-page",
        ),
        pytest.param(
            "Published yesterday at 9:30 pm",
            SiteRules(),
            "",
            ("2026-11-29T21:30:00+00:00", None),
            id="en-no-zone-known-counts-from-utc",
        ),
    ],
)
def test_day_words_count_from_the_page_local_date(
    line: str, rules: SiteRules, tail: str, expected: tuple[str | None, str | None]
) -> None:
    html = (
        f'<html lang="ar" dir="rtl"><body><article><h1>خبر عن الطقس</h1><p>{line}</p>'
        f"<p>توقعت الأرصاد هطول أمطار غزيرة على المناطق الشمالية خلال الأيام المقبلة.</p>{tail}"
        "</article></body></html>"
    )
    published, updated = extract_dates(build_page(html), rules=rules, now=LATE)
    assert (
        published.isoformat() if published else None,
        updated.isoformat() if updated else None,
    ) == expected
