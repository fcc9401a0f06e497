"""Revision detection and diffs (scraper.diff): pure functions on strings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from scraper.diff import (
    compare,
    content_hash,
    normalize_text,
    paragraphs,
    unified_diff,
    word_diff,
)
from scraper.models import Article, Revision

T0 = datetime(2026, 3, 14, 8, 30, tzinfo=UTC)
RIYADH = timezone(timedelta(hours=3))

AR_TITLE = "أمطار غزيرة تغلق طرق المدينة القديمة"
AR_P1 = "أغلقت السلطات المحلية ثلاثة طرق رئيسية صباح اليوم بعد هطول أمطار غزيرة."
AR_P2 = "وقال متحدث باسم البلدية إن فرق الصيانة تعمل منذ الفجر لتصريف المياه."
AR_P3 = "وأضاف أن المدارس في الحي الشرقي ستبقى مغلقة حتى يوم الأحد."
AR_BODY = f"{AR_P1}\n\n{AR_P2}"

EN_BODY = (
    "The council approved 12 new bus lines on Tuesday.\n\n"
    "Work on the depot starts in May, officials said."
)


def revision(
    title: str | None,
    body: str,
    *,
    number: int = 1,
    published: datetime | None = T0,
    updated: datetime | None = None,
) -> Revision:
    return Revision(
        url="https://news.example/a/1",
        number=number,
        fetched_at=T0,
        title=title,
        body=body,
        published=published,
        updated=updated,
        content_hash=content_hash(title, body),
    )


def article(
    title: str | None,
    body: str,
    *,
    published: datetime | None = T0,
    updated: datetime | None = None,
) -> Article:
    return Article(
        url="https://news.example/a/1",
        canonical_url="https://news.example/a/1",
        title=title,
        body=body,
        published=published,
        updated=updated,
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("  two   spaces\tand tab  ", "two spaces and tab", id="collapse-spaces"),
        pytest.param("line one\nline two", "line one line two", id="single-newline-is-space"),
        pytest.param("one\n\n\n\ntwo", "one\n\ntwo", id="many-blank-lines"),
        pytest.param("one\r\n\r\ntwo", "one\n\ntwo", id="crlf-paragraphs"),
        pytest.param("one\n \u00a0 \ntwo", "one\n\ntwo", id="blank-line-with-nbsp"),
        pytest.param("zero\u200bwidth", "zerowidth", id="zero-width-space"),
        pytest.param("\ufeffbom at start", "bom at start", id="bom"),
        pytest.param("co\u00adoperate", "cooperate", id="soft-hyphen"),
        pytest.param("\u202bمرحبا\u202c", "مرحبا", id="bidi-embedding"),
        pytest.param("\u2067نص\u2069 text", "نص text", id="bidi-isolate"),
        pytest.param("الســـلام", "السلام", id="arabic-tatweel"),
        pytest.param("\ufee3\ufeae\ufea3\ufe92\ufe8e", "مرحبا", id="arabic-presentation-forms"),
        pytest.param("\u201cquoted\u201d it\u2019s", '"quoted" it\'s', id="smart-quotes"),
        pytest.param("2020\u20132021 \u2014 end", "2020-2021 - end", id="dashes"),
        pytest.param("\uff21\uff22\uff23", "ABC", id="fullwidth-latin"),
        pytest.param(
            "\u0663\u0661 \u0642\u062a\u064a\u0644\u064b\u0627",
            "٣١ قتيلًا",
            id="keeps-arabic-digits-and-harakat",
        ),
        pytest.param("«اقتباس»", "«اقتباس»", id="keeps-guillemets"),
        pytest.param("\u200b \u200f\n\n\u0640", "", id="only-invisible"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_paragraphs_drops_empty_and_keeps_order() -> None:
    text = f"\n\n{AR_P1}\n\n\u200b\n\n{AR_P2}\u2029{AR_P3}\n"
    assert paragraphs(text) == [AR_P1, AR_P2, AR_P3]


def test_content_hash_ignores_invisible_changes_but_not_numbers() -> None:
    base = content_hash("Bus lines", EN_BODY)
    assert len(base) == 64
    assert int(base, 16) >= 0
    assert content_hash("  Bus\u200b lines ", EN_BODY.replace(" ", "  ")) == base
    assert content_hash("Bus lines", EN_BODY.replace("12", "13")) != base
    assert content_hash(None, EN_BODY) == content_hash("", EN_BODY)
    assert content_hash("Bus lines", EN_BODY) != content_hash("Bus line", EN_BODY)


def test_whitespace_only_change_is_not_a_revision() -> None:
    previous = revision("Bus lines", EN_BODY)
    reflowed = EN_BODY.replace(" on ", "\non  ").replace("\n\n", "\n\n\n \n")
    assert compare(previous, article(" Bus  lines", reflowed)) is None


def test_zero_width_and_tatweel_only_change_is_not_a_revision() -> None:
    previous = revision(AR_TITLE, AR_BODY)
    noisy_title = AR_TITLE.replace("غزيرة", "غزيـــرة")
    noisy_body = "\u200f" + AR_BODY.replace(" ", " \u200c").replace("السلطات", "الســلطات")
    assert noisy_body != AR_BODY
    assert compare(previous, article(noisy_title, noisy_body)) is None


def test_timestamps_alone_do_not_make_a_revision() -> None:
    previous = revision("Bus lines", EN_BODY, updated=T0)
    later = article("Bus lines", EN_BODY, updated=T0 + timedelta(hours=2))
    assert compare(previous, later) is None


def test_changed_number_is_a_revision() -> None:
    previous = revision("Bus lines", EN_BODY, number=3)
    edited = EN_BODY.replace("12 new", "21 new")
    change = compare(previous, article("Bus lines", edited))
    assert change is not None
    assert change.changed == ("body",)
    assert change.removed == ("The council approved 12 new bus lines on Tuesday.",)
    assert change.added == ("The council approved 21 new bus lines on Tuesday.",)
    assert change.diff.splitlines() == [
        "--- revision 3",
        "+++ revision 4",
        "@@ -1,2 +1,2 @@",
        "-The council approved 12 new bus lines on Tuesday.",
        "+The council approved 21 new bus lines on Tuesday.",
        " Work on the depot starts in May, officials said.",
    ]


def test_added_arabic_paragraph_is_one_plus_line_with_rtl_intact() -> None:
    previous = revision(AR_TITLE, AR_BODY, number=1)
    new_body = f"{AR_BODY}\n\n{AR_P3}"
    change = compare(previous, article(AR_TITLE, new_body))
    assert change is not None
    assert change.changed == ("body",)
    assert change.added == (AR_P3,)
    assert change.removed == ()
    plus = [line for line in change.diff.splitlines() if line.startswith("+")]
    minus = [line for line in change.diff.splitlines() if line.startswith("-")]
    assert plus == ["+++ revision 2", "+" + AR_P3]
    assert minus == ["--- revision 1"]
    assert f" {AR_P1}" in change.diff.splitlines()


def test_title_only_change() -> None:
    previous = revision(AR_TITLE, AR_BODY)
    new_title = AR_TITLE.replace("ثلاثة", "أربعة") + " وتعطل الدراسة"
    change = compare(previous, article(new_title, AR_BODY))
    assert change is not None
    assert change.changed == ("title",)
    assert change.diff == ""
    assert change.added == ()
    assert change.removed == ()


def test_timestamp_changes_reported_with_a_body_change() -> None:
    previous = revision("Bus lines", EN_BODY, updated=T0)
    later = T0.astimezone(RIYADH) + timedelta(minutes=45)
    change = compare(previous, article("Bus lines", EN_BODY + "\n\nMore soon.", updated=later))
    assert change is not None
    assert change.changed == ("body", "updated")
    assert change.added == ("More soon.",)


def test_same_instant_in_another_offset_is_not_a_date_change() -> None:
    previous = revision("Bus lines", EN_BODY, published=T0)
    same = T0.astimezone(RIYADH)
    change = compare(previous, article("Bus lines!", EN_BODY, published=same))
    assert change is not None
    assert change.changed == ("title",)


def test_first_version_lists_present_fields_and_all_paragraphs() -> None:
    change = compare(None, article(AR_TITLE, AR_BODY, published=T0, updated=None))
    assert change is not None
    assert change.changed == ("title", "body", "published")
    assert change.diff == ""
    assert change.added == (AR_P1, AR_P2)
    assert change.removed == ()


def test_first_version_without_title_or_body() -> None:
    change = compare(None, article(None, "", published=None))
    assert change is not None
    assert change.changed == ()
    assert change.added == ()


def test_removed_paragraph() -> None:
    previous = revision(AR_TITLE, f"{AR_P1}\n\n{AR_P2}\n\n{AR_P3}")
    change = compare(previous, article(AR_TITLE, f"{AR_P1}\n\n{AR_P3}"))
    assert change is not None
    assert change.removed == (AR_P2,)
    assert change.added == ()
    assert [line for line in change.diff.splitlines() if line.startswith("-")][1:] == ["-" + AR_P2]


def test_unified_diff_equal_bodies_is_empty() -> None:
    assert unified_diff(EN_BODY, EN_BODY + "\n\n", from_label="a", to_label="b") == ""


def test_unified_diff_strips_bidi_controls_but_keeps_text() -> None:
    old = "\u202bنص قديم\u202c"
    new = "\u202bنص جديد\u202c"
    assert unified_diff(old, new, from_label="old", to_label="new").splitlines() == [
        "--- old",
        "+++ new",
        "@@ -1 +1 @@",
        "-نص قديم",
        "+نص جديد",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "قتل 12 شخصا في الهجوم",
            "قتل 15 شخصا في الهجوم الليلي",
            [
                ("=", "قتل"),
                ("-", " 12"),
                ("+", " 15"),
                ("=", " شخصا في الهجوم"),
                ("+", " الليلي"),
            ],
            id="arabic-words",
        ),
        pytest.param(
            "北京今天下雨",
            "北京今天下雪",
            [("=", "北京今天下"), ("-", "雨"), ("+", "雪")],
            id="cjk-per-character",
        ),
        pytest.param(
            "The minister resigned on Monday.",
            "The minister did not resign on Monday.",
            [
                ("=", "The minister"),
                ("-", " resigned"),
                ("+", " did not resign"),
                ("=", " on Monday."),
            ],
            id="latin-words",
        ),
        pytest.param("same  text", "same text", [("=", "same text")], id="whitespace-only"),
        pytest.param("", "", [], id="empty"),
    ],
)
def test_word_diff(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    segments = word_diff(old, new)
    assert segments == expected
    rebuilt = "".join(text for op, text in segments if op in ("=", "+"))
    assert rebuilt == normalize_text(new)
