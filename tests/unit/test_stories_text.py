"""Language-aware terms for story matching: Arabic normalization, stemming, CJK, detection."""

from __future__ import annotations

import pytest

from scraper.stories.text import (
    arabic_stems,
    base_language,
    detect_language,
    normalize_arabic,
    surface_words,
    terms,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("أنقرة", "انقره", id="hamza-alef-and-taa-marbuta"),
        pytest.param("إيران", "ايران", id="alef-hamza-below"),
        pytest.param("آخر", "اخر", id="alef-madda"),
        pytest.param("فى", "في", id="final-alef-maqsura"),
        pytest.param("هاتفيّاً", "هاتفي", id="shadda-and-tanween-alef"),
        pytest.param("المعتصمَين", "المعتصمين", id="fatha"),
        pytest.param("الســـلام", "السلام", id="tatweel"),
        pytest.param("مسؤول", "مسوول", id="hamza-on-waw"),
        pytest.param("Lisbon 2023", "Lisbon 2023", id="latin-untouched"),
    ],
)
def test_normalize_arabic(raw: str, expected: str) -> None:
    assert normalize_arabic(raw) == expected


@pytest.mark.parametrize(
    ("word", "stems"),
    [
        pytest.param("المحادثات", ("محادث",), id="article-and-plural"),
        pytest.param("والمحادثات", ("محادث",), id="waw-article"),
        pytest.param("بالحسيمه", ("حسيم",), id="bi-article"),
        pytest.param("للانتخابات", ("انتخاب",), id="lil-article"),
        pytest.param("ودمشق", ("ودمشق", "دمشق"), id="ambiguous-waw-gives-two-readings"),
        pytest.param("وزير", ("وزير", "زير"), id="waw-of-the-stem-kept-as-a-reading"),
        pytest.param("في", (), id="stop-word"),
        pytest.param("و", (), id="one-letter"),
    ],
)
def test_arabic_stems(word: str, stems: tuple[str, ...]) -> None:
    assert arabic_stems(word) == stems


def test_spelling_variants_of_one_arabic_sentence_give_the_same_terms() -> None:
    careful = "أعلنت الهيئة فی أنقرة أنّ وزيرَ الخارجية سيزور إيران"
    hasty = "اعلنت الهيئه فى انقرة ان وزير الخارجيه سيزور ايران"
    assert terms(careful, "ar") == terms(hasty, "ar")


def test_clitics_and_nisba_meet_their_base_word() -> None:
    found = terms("وصل الوفد إلى دمشق، ثم غادر الوفد السوري من مطار دمشق إلى سوريا الشمالية", "ar")
    assert found.count("دمشق") == 2
    assert "سور" in found  # السوري and سوريا share one stem
    assert found.count("سور") == 2
    assert "وفد" in found


def test_english_terms_are_stemmed_without_stop_words() -> None:
    assert terms("The nurses were striking; nurses' strikes continue.", "en") == [
        "nurs",
        "strike",
        "nurs",
        "strike",
        "continu",
    ]


def test_french_elisions_and_accents() -> None:
    assert terms("L'enquête d'Élisabeth", "fr") == ["enquet", "elisabeth"]


def test_cjk_text_becomes_character_bigrams() -> None:
    assert terms("大雨警報", "ja") == ["大雨", "雨警", "警報"]


def test_numbers_are_not_terms() -> None:
    assert terms("Ferry 42 sails at 10.30", "en") == ["ferri", "sail"]


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("ar-EG", "ar"), ("EN_gb", "en"), ("fr", "fr"), ("", None), (None, None)],
)
def test_base_language(tag: str | None, expected: str | None) -> None:
    assert base_language(tag) == expected


def test_detect_language() -> None:
    assert detect_language("انطلقت اليوم جولة جديدة من المحادثات بين الوفدين في العاصمة") == "ar"
    assert detect_language("The ferry operator suspended all crossings after the fire") == "en"
    assert detect_language("2023 — 14:30") is None


def test_surface_words_prefer_the_form_inside_sentences() -> None:
    text = "Additional walkouts are planned. The additional strikes hit Lyon. Lyon waits."
    words = surface_words(text, "en", {"addit", "lyon", "walkout"})
    assert words == {"addit": "additional", "lyon": "Lyon", "walkout": "walkouts"}


def test_surface_words_keep_arabic_spelling_of_normalized_terms() -> None:
    text = "خرج سكان الأحياء الشرقية إلى الشوارع في نهاية الأسبوع، وقال سكان الأحياء إنهم تعبوا."
    wanted = set(terms("الأحياء الأسبوع", "ar"))
    words = surface_words(text, "ar", wanted)
    assert "الأحياء" in words.values() and "الأسبوع" in words.values()
