"""Arabic place names: surface-form matching, the common-word filter, and the place conflict.

The fixture articles are written for these tests (fictional events).
"""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime

import pytest
from storydocs import story_doc

from scraper.stories import AssignOptions, StoryDoc, StoryIndex, extract_places
from scraper.stories.arabic_places import readings
from scraper.stories.places import find_arabic_places

T0 = datetime(2024, 3, 4, 6, 0, tzinfo=UTC)


MA, IR = {"MA", "MA-01"}, {"IR", "IR-01"}  # Al Hoceima, Khoy: country and region


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("وصل الوزير إلى الحسيمة صباحاً", MA, id="with-article"),
        pytest.param("تضررت منازل بالحسيمة", MA, id="proclitic-and-article"),
        pytest.param("سكان الحسيمه يبيتون في العراء", MA, id="taa-marbuta-written-ha"),
        pytest.param("أغلقت المدارس فى خوى", IR, id="final-yaa-written-alef-maqsura"),
        pytest.param("وخوي مدينة صغيرة", IR, id="wa-proclitic"),
        pytest.param("من الناظور إلى الحسيمة", MA | {"MA-02"}, id="two-cities"),
        pytest.param("افتتحت المدرسة الجديدة أبوابها", set(), id="el-jadida-is-the-new"),
        pytest.param("شعر السكان بهزة أرضية قوية", set(), id="heze-is-a-tremor"),
        pytest.param("كيف وصلت المساعدات؟", set(), id="kyiv-spelling-is-how"),
        pytest.param("الأمان أولاً في عمان", set(), id="capitals-as-common-words"),
        pytest.param("الفراغ في سدة الرئاسة", set(), id="persian-name-in-ha-is-no-noun-in-taa"),
        pytest.param("وزير خارجية روسيا", set(), id="russia-is-not-ruse"),
        pytest.param("A quake near Al Hoceima", set(), id="latin-text-ignored"),
    ],
)
def test_arabic_places_in_text(text: str, expected: set[str]) -> None:
    assert extract_places((), arabic=find_arabic_places(text)) == expected


def test_find_arabic_places_in_order_of_first_use() -> None:
    assert find_arabic_places("من خوي إلى الحسيمة ثم خوي") == ("خوي", "حسيمة")


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        pytest.param(("حسيمة",), {"MA", "MA-01"}, id="city-implies-country-and-region"),
        pytest.param(("خوي",), {"IR", "IR-01"}, id="persian-spelling-normalized"),
        pytest.param(("جديدة",), set(), id="common-word-not-in-gazetteer"),
        pytest.param(("unknown",), set(), id="unknown-name"),
    ],
)
def test_extract_places_from_arabic_names(names: tuple[str, ...], expected: set[str]) -> None:
    assert extract_places((), arabic=names) == expected


def test_readings_keep_a_common_word_whole() -> None:
    assert list(readings("بالحسيمة", frozenset())) == ["بالحسيمة", "حسيمة"]
    assert "نا" not in list(readings("بنا", frozenset({"بنا"})))
    assert list(readings("وخوي", frozenset())) == ["وخوي", "خوي"]
    assert list(readings("الحسيمه", frozenset()))[:2] == ["الحسيمه", "الحسيمة"]


# A fictional earthquake in northern Morocco, its follow-up, and another in Iran.
AR_QUAKE = (
    "هزة أرضية بقوة 5.2 درجات تضرب الحسيمة وتوقع جرحى",
    "ضربت هزة أرضية بقوة 5.2 درجات على مقياس ريختر مدينة الحسيمة فجر الثلاثاء، ما أدى إلى "
    "إصابة عشرين شخصاً بجروح طفيفة وتصدع عشرات المنازل القديمة. وقالت السلطات المحلية إن "
    "فرق الإنقاذ انتشرت في الأحياء المتضررة، فيما قضى مئات السكان ليلتهم في العراء خشية "
    "الهزات الارتدادية. وأعلن المعهد الوطني للجيوفيزياء أن مركز الزلزال يقع في البحر.",
)
AR_QUAKE_FOLLOWUP = (
    "لجنة لإحصاء المنازل المتضررة من زلزال الحسيمة",
    "شكلت السلطات في الحسيمة لجنة لإحصاء المنازل التي تصدعت جراء الزلزال وتعويض الأسر "
    "المتضررة. وقال مسؤول محلي إن المهندسين فحصوا حتى الآن مئتي منزل، وإن السكان الذين "
    "باتوا في العراء سيحصلون على خيام. وسجلت محطات الرصد هزات ارتدادية خفيفة خلال الليل.",
)
AR_OTHER_QUAKE = (
    "زلزال بقوة 5.6 درجات يهز خوي",
    "هز زلزال بقوة 5.6 درجات مدينة خوي والقرى المحيطة بها صباح الأحد، وأصيب ثلاثون شخصاً "
    "بجروح بعد انهيار جدران طينية. وأرسلت جمعية الهلال الأحمر خياماً وبطانيات إلى "
    "المناطق الجبلية، فيما حذر خبراء من هزات ارتدادية في الأيام المقبلة.",
)


def _doc(article_id: str, text: tuple[str, str], *, hours: float) -> StoryDoc:
    return story_doc(article_id, text, start=T0, hours=hours, language="ar")


def _index(options: AssignOptions | None = None) -> StoryIndex:
    counter = itertools.count(1)
    return StoryIndex(options=options, new_id=lambda: f"story-{next(counter)}")


def test_an_arabic_city_gives_the_article_its_country() -> None:
    made = _doc("ar-1", AR_QUAKE, hours=0)

    assert made.places == ("حسيمة",)
    assert extract_places(made.entities, arabic=made.places) == MA
    restored = StoryDoc.from_dict(json.loads(json.dumps(made.to_dict(), ensure_ascii=False)))
    assert restored == made
    older = {k: v for k, v in made.to_dict().items() if k != "places"}  # stored before places
    assert StoryDoc.from_dict(older).places == ()


def test_a_same_city_followup_has_no_place_conflict() -> None:
    index = _index()
    index.assign(_doc("ar-1", AR_QUAKE, hours=0))

    followup = index.assign(_doc("ar-2", AR_QUAKE_FOLLOWUP, hours=30))

    assert (followup.story_id, followup.is_followup) == ("story-1", True)
    assert followup.evidence["place_conflict"] is False


def test_a_quake_in_another_country_does_not_join() -> None:
    index = _index()
    index.assign(_doc("ar-1", AR_QUAKE, hours=0))
    index.assign(_doc("ar-2", AR_QUAKE_FOLLOWUP, hours=30))

    other = index.assign(_doc("ar-3", AR_OTHER_QUAKE, hours=700))

    assert (other.story_id, other.is_followup) == ("story-2", False)
    assert other.evidence["place_conflict"] is True
    # The shared vocabulary alone would have made it a follow-up.
    blind = _index(AssignOptions(conflict_factor=1.0))
    blind.assign(_doc("ar-1", AR_QUAKE, hours=0))
    blind.assign(_doc("ar-2", AR_QUAKE_FOLLOWUP, hours=30))
    assert blind.assign(_doc("ar-3", AR_OTHER_QUAKE, hours=700)).is_followup
