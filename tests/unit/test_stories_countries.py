"""Countries read from surface word forms: Arabic clitics and adjectives, Latin capitals.

The sentences are written for these tests (fictional events).
"""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta

import pytest

from scraper.stories import StoryDoc, StoryIndex, make_doc
from scraper.stories.arabic_countries import country_forms, find_arabic_countries, nisba
from scraper.stories.features import doc_countries, extract_countries
from scraper.stories.latin_countries import find_cased_countries

T0 = datetime(2024, 5, 6, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ترك رئيس الحكومة منصبه بعد جلسة عاصفة", (), id="verb-left-office"),
        pytest.param("وتركه النواب وحيداً وتركوا القاعة", (), id="verb-with-clitics"),
        pytest.param("ترك المجلس الباب مفتوحاً أمام التشاور", (), id="verb-in-headline"),
        pytest.param("استقبل الأتراك القرار بارتياح", ("TR",), id="broken-plural"),
        pytest.param("وصل الوفد بتركيا مساء أمس", ("TR",), id="bi-proclitic"),
        pytest.param("اتفاق بين روسيا وتركيا", ("RU", "TR"), id="wa-proclitic"),
        pytest.param("رسالة لتركيا من جارتها", ("TR",), id="li-proclitic"),
        pytest.param("قالت الحكومة التركية إن", ("TR",), id="feminine-adjective"),
        pytest.param("الناخبون التركيه يتوجهون", ("TR",), id="taa-written-ha"),
        pytest.param("عاد اللاجئون السوريون من لبنان", ("SY", "LB"), id="sound-plural"),
        pytest.param("زار اللبنانيين في المهجر", ("LB",), id="oblique-plural"),
        pytest.param("وفد من الولايات المتحدة وبالولايات المتحدة", ("US",), id="two-words"),
        pytest.param("أعلن الرئيس الكوري الجنوبي", ("KR",), id="two-word-adjective"),
        pytest.param("قطع الدائرة نصف القطر", (), id="diameter-is-no-qatar"),
        pytest.param("أعلنت قطر وقطرية", ("QA",), id="qatar-bare"),
        pytest.param("فيمن شاركوا في الاجتماع", (), id="among-whom-is-no-yemen"),
        pytest.param("وصلت المساعدات إلى اليمن واليمنيين", ("YE",), id="yemen-with-article"),
        pytest.param("أزمة مالية في رئاسة الجمهورية", (), id="financial-is-no-mali"),
        pytest.param("ارتفاع منسوب البحر في الميناء", (), id="sea-is-no-bahrain"),
        pytest.param("وزير خارجية البحرين", ("BH",), id="bahrain-surface"),
        pytest.param("Talks in Turkey", (), id="latin-ignored"),
    ],
)
def test_find_arabic_countries(text: str, expected: tuple[str, ...]) -> None:
    assert find_arabic_countries(text) == expected


@pytest.mark.parametrize(
    ("name", "adjective"),
    [
        pytest.param("تركيا", "تركي", id="ya-alef"),
        pytest.param("فرنسا", "فرنسي", id="alef"),
        pytest.param("سعودية", "سعودي", id="yaa-taa-marbuta"),
        pytest.param("سنغافورة", "سنغافوري", id="taa-marbuta"),
        pytest.param("لبنان", "لبناني", id="consonant"),
        pytest.param("تشيلي", "تشيلي", id="yaa"),
    ],
)
def test_nisba(name: str, adjective: str) -> None:
    assert nisba(name) == adjective


def test_no_form_names_two_countries() -> None:
    forms = country_forms()

    assert forms.codes["اتراك"] == "TR"
    assert forms.codes["تركيات"] == "TR"
    assert "ترك" not in forms.codes  # the stem, which is also the verb "left"
    assert "مالي" not in forms.codes  # "financial": Mali is only «جمهورية مالي»


def test_make_doc_reads_arabic_countries_from_the_surface() -> None:
    made = make_doc(
        article_id="ar-1",
        title="رئيس الوزراء اللبناني ترك منصبه",
        body="ترك رئيس الحكومة اللبنانية منصبه وسط أزمة في بيروت. وترك النواب القاعة.",
        published=T0,
        language="ar",
    )

    assert made.countries == ("LB",)
    assert doc_countries(made) == {"LB"}
    assert "TR" in extract_countries(made.terms, "ar")  # the stems still collide


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Workers polish the hull of the ferry", "en", (), id="en-verb-polish"),
        pytest.param("Polish farmers block the border", "en", ("PL",), id="en-adjective"),
        pytest.param("A turkey shortage hits shops", "en", (), id="en-bird"),
        pytest.param("Talks between Britain and Turkey", "en", ("GB", "TR"), id="en-names"),
        pytest.param("Une grenade lacrymogène lancée", "fr", (), id="fr-weapon"),
        pytest.param("La Grenade accueille un sommet", "fr", ("GD",), id="fr-grenada"),
        pytest.param("La police péruvienne patrouille", "fr", ("PE",), id="fr-lower-adjective"),
        pytest.param("Accord avec le Royaume-Uni", "fr", ("GB",), id="fr-hyphen"),
        pytest.param("Stormen i Peru", "sv", (), id="no-column"),
    ],
)
def test_find_cased_countries(text: str, language: str, expected: tuple[str, ...]) -> None:
    made = make_doc(article_id="x", title=text, body="", published=T0, language=language)

    assert find_cased_countries(text, made.terms, language) == expected
    assert made.countries == expected


def test_an_old_doc_without_countries_falls_back_to_terms() -> None:
    made = make_doc(
        article_id="ar-1",
        title="الحكومة التونسية تعلن نتائج الانتخابات",
        body="أعلنت هيئة الانتخابات في تونس النتائج الأولية.",
        published=T0,
        language="ar",
    )
    stored = made.to_dict()
    old = {k: v for k, v in stored.items() if k != "countries"}  # stored before the field

    restored = StoryDoc.from_dict(json.loads(json.dumps(old, ensure_ascii=False)))
    again = StoryDoc.from_dict(json.loads(json.dumps(stored, ensure_ascii=False)))

    assert restored.countries is None
    assert doc_countries(restored) == {"TN"}  # from the stems, as before
    assert again == made
    assert again.countries == ("TN",)
    assert stored["countries"] == ["TN"]


def _doc(article_id: str, title: str, body: str, hours: float) -> StoryDoc:
    return make_doc(
        article_id=article_id,
        title=title,
        body=body,
        published=T0 + timedelta(hours=hours),
        language="ar",
    )


LEBANON = (
    "البرلمان اللبناني يفشل مجدداً في انتخاب رئيس",
    "فشل مجلس النواب اللبناني للمرة الخامسة في انتخاب رئيس للجمهورية، بعدما ترك "
    "عدد من النواب القاعة قبل الدورة الثانية. وقال رئيس المجلس إن الجلسة المقبلة "
    "ستعقد الأسبوع المقبل، فيما ترك الفراغ الرئاسي البلاد بلا رئيس منذ أشهر.",
)
LEBANON_2 = (
    "جلسة سادسة بلا رئيس في بيروت",
    "لم ينجح النواب اللبنانيون في انتخاب رئيس للجمهورية في الجلسة السادسة، وترك "
    "الخلاف بين الكتل النيابية المرشحين دون الأغلبية المطلوبة في البرلمان اللبناني.",
)
TURKEY = (
    "تركيا تحدد موعد الانتخابات الرئاسية والبرلمانية",
    "أعلن الرئيس التركي أن الانتخابات الرئاسية والبرلمانية في تركيا ستجري في الربيع، "
    "وقال إن المرشحين سيقدمون طلباتهم إلى الهيئة العليا. وانتقد الأتراك في المعارضة "
    "الموعد وقالوا إن النواب لم يستشاروا.",
)


def test_an_election_in_turkey_does_not_join_a_lebanese_vote_left_by_mps() -> None:
    counter = itertools.count(1)
    index = StoryIndex(new_id=lambda: f"story-{next(counter)}")
    index.assign(_doc("ar-1", *LEBANON, hours=0))
    index.assign(_doc("ar-2", *LEBANON_2, hours=48))

    turkey = index.assign(_doc("ar-3", *TURKEY, hours=60))

    assert turkey.evidence.get("place_conflict") is True
    assert (turkey.story_id, turkey.is_followup) == ("story-2", False)
