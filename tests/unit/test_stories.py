"""The story model: streaming follow-up assignment, evidence, corrections, persistence.

The fixture articles are written for these tests (fictional events).
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from scraper.errors import ParseError, StoryError
from scraper.stories import (
    AssignOptions,
    Correction,
    Signals,
    StoryDoc,
    StoryIndex,
    make_doc,
)
from scraper.stories.features import extract_countries
from scraper.stories.scoring import combine

T0 = datetime(2024, 3, 4, 8, 0, tzinfo=UTC)

# An Arabic story: talks hosted by Erdogan between two delegations on a border commission.
AR_TALKS = (
    "أردوغان يستضيف في إسطنبول محادثات بين أذربيجان وأرمينيا حول ترسيم الحدود",
    "استضاف الرئيس التركي رجب طيب أردوغان في إسطنبول، الاثنين، جولة محادثات بين وفدي "
    "أذربيجان وأرمينيا لبحث ترسيم الحدود المشتركة وفتح ممرات النقل. وقال مكتب الرئاسة "
    "التركية إن الوفدين ناقشا تشكيل لجنة فنية مشتركة لترسيم الحدود، وإن المحادثات ستستأنف "
    "خلال أيام. وأكد وزير خارجية أذربيجان أن بلاده مستعدة لاتفاق شامل، فيما قال الوفد "
    "الأرمني إن ملف الأسرى يجب أن يحسم أولاً.",
)
# Its follow-up, paraphrased: written without hamza, few words in common with the first.
AR_FOLLOWUP = (
    "الوفدان الاذربيجاني والارمني يتفقان فى اسطنبول على لجنة للحدود",
    "اتفق الوفدان الاذربيجاني والارمني فى ختام يومين من النقاش باسطنبول على تشكيل لجنة "
    "فنيه تتولى ترسيم الحدود بين البلدين خلال ستة اشهر. وقال مسؤول ارمني ان ملف الاسرى "
    "سيبحث فى جوله لاحقه، بينما وصف دبلوماسي اذربيجاني الاتفاق بانه خطوه اولى. وتعهدت "
    "تركيا بمواصلة رعاية المسار حتى توقيع معاهدة سلام.",
)
# Shares one famous name (Erdogan) but is about something else.
AR_ERDOGAN_BRIDGE = (
    "أردوغان يفتتح جسراً معلقاً جديداً فوق مضيق الدردنيل",
    "افتتح الرئيس رجب طيب أردوغان، السبت، جسراً معلقاً جديداً فوق مضيق الدردنيل يربط "
    "ضفتي البلاد الأوروبية والآسيوية، ويعد من أطول الجسور المعلقة في العالم. وقال أردوغان "
    "إن الجسر سيختصر زمن العبور بالسيارة من ساعة ونصف إلى ست دقائق، وسيخدم السياحة "
    "والتجارة في منطقة جناق قلعة. وبلغت كلفة المشروع نحو ملياري يورو.",
)
AR_UNRELATED = (
    "ارتفاع أسعار الطماطم في أسواق الجملة مع موجة البرد",
    "سجلت أسعار الطماطم ارتفاعاً حاداً في أسواق الجملة خلال الأسبوع الجاري، بعدما أضرت "
    "موجة البرد بالمحاصيل في البيوت البلاستيكية. وقال تجار إن سعر الصندوق تضاعف خلال "
    "ثلاثة أيام، فيما توقعت وزارة الزراعة أن تعود الأسعار إلى الانخفاض مع تحسن الطقس "
    "ووصول الإنتاج من المناطق الجنوبية.",
)
EN_FERRY = (
    "Ferry operator suspends island crossings after engine-room fire",
    "Harbourline suspended all crossings to Marrow Island on Tuesday after a fire broke "
    "out in the engine room of its largest vessel, the Saint Brendan, shortly after it left "
    "port. The crew put out the fire and the ship returned under its own power with 212 "
    "passengers on board; nobody was hurt. The company said the rest of its fleet would be "
    "inspected before sailings resume, and islanders were told to expect delays all week.",
)
EN_FERRY_FOLLOWUP = (
    "Inspectors clear Harbourline fleet; Marrow Island sailings to restart Friday",
    "Maritime inspectors have cleared the remaining three Harbourline ships to sail, and "
    "crossings to Marrow Island will restart on Friday on a reduced timetable. The Saint "
    "Brendan stays in dry dock while investigators examine a fuel line suspected of "
    "starting Tuesday's engine-room blaze. Island shopkeepers said deliveries had run low "
    "during the three-day halt.",
)

EN_OTHER = (
    "Council approves new cycle lanes for the harbour district",
    "The city council voted on Monday to build two protected cycle lanes through the "
    "harbour district, after a year of consultation with residents and shop owners. Work "
    "is due to start in the spring and to last about four months, the council said.",
)


def doc(
    article_id: str,
    story: tuple[str, str],
    *,
    hours: float,
    language: str | None,
    links: tuple[str, ...] = (),
) -> StoryDoc:
    """A StoryDoc of one fixture article, published ``hours`` after T0."""
    title, body = story
    return make_doc(
        article_id=article_id,
        title=title,
        body=body,
        published=T0 + timedelta(hours=hours),
        language=language,
        url=f"https://news.example/{article_id}",
        links=links,
    )


def counter_ids() -> Callable[[], str]:
    numbers = itertools.count(1)
    return lambda: f"story-{next(numbers)}"


@pytest.fixture
def index() -> StoryIndex:
    return StoryIndex(new_id=counter_ids())


def test_stream_of_fixture_stories(index: StoryIndex) -> None:
    first = index.assign(doc("ar-1", AR_TALKS, hours=0, language="ar"))
    ferry = index.assign(doc("en-1", EN_FERRY, hours=1, language="en"))
    bridge = index.assign(doc("ar-2", AR_ERDOGAN_BRIDGE, hours=20, language="ar"))
    tomato = index.assign(doc("ar-3", AR_UNRELATED, hours=30, language="ar"))
    followup = index.assign(doc("ar-4", AR_FOLLOWUP, hours=50, language="ar"))
    ferry_2 = index.assign(doc("en-2", EN_FERRY_FOLLOWUP, hours=70, language="en"))

    assert (first.story_id, first.is_followup, first.previous) == ("story-1", False, ())
    assert (ferry.story_id, ferry.is_followup) == ("story-2", False)
    assert (bridge.story_id, bridge.is_followup) == ("story-3", False)
    assert (tomato.story_id, tomato.is_followup) == ("story-4", False)
    assert (followup.story_id, followup.is_followup, followup.previous) == (
        "story-1",
        True,
        ("ar-1",),
    )
    assert (ferry_2.story_id, ferry_2.is_followup, ferry_2.previous) == ("story-2", True, ("en-1",))
    assert followup.score >= index.options.threshold > bridge.score
    assert followup.evidence["matched_article"] == "ar-1"
    assert {"اسطنبول", "حدود", "ترسيم"} <= set(followup.evidence["shared_terms"])
    assert ferry_2.evidence["matched_article"] == "en-1"
    assert "harbourline" in ferry_2.evidence["shared_entities"]
    assert {info.story_id for info in index.stories()} == {
        "story-1",
        "story-2",
        "story-3",
        "story-4",
    }


def test_story_info(index: StoryIndex) -> None:
    index.add(doc("en-0", EN_OTHER, hours=-30, language="en"), "other")
    index.assign(doc("en-1", EN_FERRY, hours=0, language="en"))
    index.assign(doc("en-2", EN_FERRY_FOLLOWUP, hours=52, language="en"))

    info = index.story("story-1")

    assert info is not None
    assert info.label == EN_FERRY[0]
    assert info.language == "en"
    assert info.members == ("en-1", "en-2")
    assert info.first_seen == T0
    assert info.last_seen == T0 + timedelta(hours=52)
    assert len(info.key_terms) == index.options.key_terms
    assert {"harbourlin", "island", "ferri", "marrow"} <= set(info.key_terms)
    assert "friday" not in info.key_terms
    assert [i.story_id for i in index.stories()] == ["story-1", "other"]  # latest first
    assert index.story("nope") is None


def test_languages_are_never_compared_as_one(index: StoryIndex) -> None:
    english = index.assign(doc("en-1", EN_FERRY, hours=0, language="en"))
    # The same English words, declared French: another language, another story.
    same_words = index.assign(doc("fr-1", EN_FERRY, hours=1, language="fr"))

    assert english.story_id != same_words.story_id
    assert same_words.is_followup is False
    assert same_words.evidence == {}


def test_an_explicit_link_to_earlier_coverage_makes_a_followup(index: StoryIndex) -> None:
    index.assign(doc("en-1", EN_FERRY, hours=0, language="en"))
    index.assign(doc("ar-1", AR_UNRELATED, hours=1, language="ar"))
    # Unrelated words, but the body links to the ferry article.
    linked = index.assign(
        doc("ar-2", AR_UNRELATED, hours=5, language="en", links=("https://news.example/en-1",))
    )

    assert (linked.story_id, linked.is_followup) == ("story-1", True)
    assert linked.score == index.options.link_score
    assert linked.evidence["linked"] == ["https://news.example/en-1"]


def test_only_stories_inside_the_window_are_candidates() -> None:
    index = StoryIndex(options=AssignOptions(window_days=2.0), new_id=counter_ids())
    index.assign(doc("en-1", EN_FERRY, hours=0, language="en"))

    late = index.assign(doc("en-2", EN_FERRY_FOLLOWUP, hours=24 * 3, language="en"))

    assert (late.story_id, late.is_followup, late.score) == ("story-2", False, 0.0)


def test_assigning_a_known_article_again_changes_nothing(index: StoryIndex) -> None:
    index.assign(doc("en-1", EN_FERRY, hours=0, language="en"))
    index.assign(doc("en-2", EN_FERRY_FOLLOWUP, hours=30, language="en"))

    again = index.assign(doc("en-2", EN_FERRY_FOLLOWUP, hours=30, language="en"))

    assert (again.story_id, again.is_followup, again.previous) == ("story-1", True, ("en-1",))
    assert len(index) == 2


def test_merge_is_remembered(index: StoryIndex) -> None:
    index.assign(doc("ar-1", AR_TALKS, hours=0, language="ar"))
    index.assign(doc("ar-2", AR_ERDOGAN_BRIDGE, hours=3, language="ar"))

    index.merge("story-1", "story-2")

    info = index.story("story-1")
    assert info is not None and info.members == ("ar-1", "ar-2")
    assert index.story("story-2") == info
    assert index.story_of("ar-2") == "story-1"
    assert index.corrections == (Correction("merge", "story-1", "story-2"),)
    # Stale records (saved before the merge) rebuilt, then the corrections replayed.
    rebuilt = StoryIndex()
    rebuilt.add(doc("ar-1", AR_TALKS, hours=0, language="ar"), "story-1")
    rebuilt.add(doc("ar-2", AR_ERDOGAN_BRIDGE, hours=3, language="ar"), "story-2")
    rebuilt.replay(index.corrections)
    assert rebuilt.story_of("ar-2") == "story-1"
    # Records saved after the merge: the absorbed id still resolves, later adds follow it.
    fresh = StoryIndex()
    fresh.add(doc("ar-1", AR_TALKS, hours=0, language="ar"), "story-1")
    fresh.replay(index.corrections)
    fresh.add(doc("ar-2", AR_ERDOGAN_BRIDGE, hours=3, language="ar"), "story-2")
    assert fresh.story_of("ar-2") == "story-1"


def test_merge_of_an_unknown_story_fails(index: StoryIndex) -> None:
    index.assign(doc("ar-1", AR_TALKS, hours=0, language="ar"))

    with pytest.raises(StoryError, match="unknown story 'story-9'"):
        index.merge("story-1", "story-9")


def test_split_is_remembered(index: StoryIndex) -> None:
    index.add(doc("ar-1", AR_TALKS, hours=0, language="ar"), "talks")
    index.add(doc("ar-2", AR_ERDOGAN_BRIDGE, hours=3, language="ar"), "talks")
    index.add(doc("ar-3", AR_FOLLOWUP, hours=9, language="ar"), "talks")

    new_id = index.split("ar-2", new_story_id="bridge")

    assert new_id == "bridge"
    talks = index.story("talks")
    bridge = index.story("bridge")
    assert talks is not None and talks.members == ("ar-1", "ar-3")
    assert bridge is not None and (bridge.members, bridge.label) == (
        ("ar-2",),
        AR_ERDOGAN_BRIDGE[0],
    )
    assert index.corrections == (Correction("split", "ar-2", "bridge"),)
    # Stale records (saved before the split) rebuilt, then the corrections replayed.
    rebuilt = StoryIndex()
    for article_id, story, hours in (("ar-1", AR_TALKS, 0), ("ar-2", AR_ERDOGAN_BRIDGE, 3)):
        rebuilt.add(doc(article_id, story, hours=hours, language="ar"), "talks")
    rebuilt.replay(index.corrections)
    assert rebuilt.story_of("ar-2") == "bridge"
    assert rebuilt.story_of("ar-1") == "talks"
    assert rebuilt.corrections == index.corrections


def test_split_of_an_article_alone_keeps_its_story(index: StoryIndex) -> None:
    index.assign(doc("en-1", EN_FERRY, hours=0, language="en"))

    assert index.split("en-1") == "story-1"
    with pytest.raises(StoryError, match="unknown article 'en-9'"):
        index.split("en-9")


def test_split_to_an_id_in_use_fails(index: StoryIndex) -> None:
    index.add(doc("en-1", EN_FERRY, hours=0, language="en"), "ferry")
    index.add(doc("en-2", EN_FERRY_FOLLOWUP, hours=1, language="en"), "ferry")
    index.add(doc("ar-1", AR_TALKS, hours=2, language="ar"), "talks")

    with pytest.raises(StoryError, match="already exists"):
        index.split("en-2", new_story_id="talks")


def test_story_doc_round_trips_through_json() -> None:
    original = doc("ar-1", AR_TALKS, hours=0, language="ar", links=("https://x.example/a",))

    restored = StoryDoc.from_dict(json.loads(json.dumps(original.to_dict(), ensure_ascii=False)))

    assert restored == original
    assert restored.published == T0
    assert restored.links == ("https://x.example/a",)
    assert "اردوغان" in restored.entities


def test_story_doc_from_bad_dict() -> None:
    data = doc("en-1", EN_FERRY, hours=0, language="en").to_dict()
    with pytest.raises(ParseError, match="naive published"):
        StoryDoc.from_dict({**data, "published": "2024-03-04T08:00:00"})
    with pytest.raises(ParseError, match="invalid story doc"):
        StoryDoc.from_dict({k: v for k, v in data.items() if k != "terms"})


def test_make_doc_features() -> None:
    made = make_doc(
        article_id="en-1",
        title=EN_FERRY[0],
        body=EN_FERRY[1],
        published=T0,
        url="https://news.example/en-1",
        links=(
            "https://news.example/en-1",
            "https://news.example/older",
            "https://news.example/older",
        ),
    )

    assert made.language == "en"  # detected: the page did not say
    assert made.title == EN_FERRY[0]
    assert made.links == ("https://news.example/older",)  # no self-link, no repeats
    assert {"harbourline", "marrow island", "saint brendan"} <= set(made.entities)
    assert "tuesday" not in made.entities
    assert made.terms["ferri"] > made.terms["passeng"]  # headline words count twice


def test_make_doc_rejects_a_naive_datetime() -> None:
    with pytest.raises(ParseError, match="naive published datetime"):
        make_doc(article_id="x", title="t", body="b", published=datetime(2024, 1, 1))


def test_story_ids_in_use_are_not_handed_out_again() -> None:
    ids = iter(["ferry", "ferry", "talks"])
    index = StoryIndex(new_id=lambda: next(ids))
    index.add(doc("en-0", EN_OTHER, hours=0, language="en"), "ferry")

    assert index.assign(doc("ar-1", AR_TALKS, hours=1, language="ar")).story_id == "talks"
    stuck = StoryIndex(new_id=lambda: "ferry")
    stuck.add(doc("en-0", EN_OTHER, hours=0, language="en"), "ferry")
    with pytest.raises(StoryError, match="ids in use"):
        stuck.assign(doc("ar-1", AR_TALKS, hours=1, language="ar"))


# An English story, its paraphrased follow-up (few words in common), and two
# stories that name the same prime minister but are about other things.
EN_LANDSLIDE = (
    "Landslide cuts the only road into the mountain village of Vellara",
    "A landslide swept away a stretch of the only road into Vellara on Sunday night, "
    "leaving about 900 residents of the mountain village without a way out by car. No one "
    "was hurt, the Kessrin district council said, but power lines came down with the slope "
    "and the village school has closed. Prime Minister Dalia Fenwick said engineers would "
    "be sent to Vellara as soon as the hillside was judged stable.",
)
EN_LANDSLIDE_FOLLOWUP = (
    "Army engineers open a temporary track to cut-off Vellara",
    "Soldiers finished a gravel track around the collapsed slope above Vellara on "
    "Thursday, so supply lorries could reach the stranded hamlet for the first time in "
    "four days. Kessrin officials warned that the track would carry only light vehicles "
    "and that a permanent repair could take until spring. Electricity was restored to "
    "most homes overnight.",
)
EN_FENWICK_PORT = (
    "Dockers at Selhaven walk out over night-shift rota",
    "Dockers at the port of Selhaven stopped work on Monday in a dispute over a new "
    "night-shift rota, leaving container ships queuing offshore. Their union said talks "
    "with the port operator had broken down. Prime Minister Dalia Fenwick urged both sides "
    "to return to the table and said ministers were watching supplies of fuel closely.",
)
EN_FENWICK_GALA = (
    "Fenwick opens national library wing after six-year rebuild",
    "Prime Minister Dalia Fenwick opened the rebuilt east wing of the National Library on "
    "Friday, six years after a burst water main flooded its reading rooms. The new wing "
    "holds the map collection and a public archive of local newspapers. Fenwick praised "
    "the conservators who dried and restored more than 40,000 volumes by hand.",
)


def test_a_shared_famous_name_alone_does_not_make_a_followup(index: StoryIndex) -> None:
    landslide = index.assign(doc("en-1", EN_LANDSLIDE, hours=0, language="en"))
    port = index.assign(doc("en-2", EN_FENWICK_PORT, hours=5, language="en"))
    gala = index.assign(doc("en-3", EN_FENWICK_GALA, hours=30, language="en"))

    assert (landslide.story_id, port.story_id, gala.story_id) == ("story-1", "story-2", "story-3")
    assert not port.is_followup and not gala.is_followup
    assert gala.score < index.options.threshold


def test_a_paraphrased_followup_with_few_shared_words_joins(index: StoryIndex) -> None:
    index.assign(doc("en-1", EN_LANDSLIDE, hours=0, language="en"))
    index.assign(doc("en-2", EN_FENWICK_PORT, hours=5, language="en"))

    followup = index.assign(doc("en-3", EN_LANDSLIDE_FOLLOWUP, hours=80, language="en"))

    assert (followup.story_id, followup.is_followup, followup.previous) == (
        "story-1",
        True,
        ("en-1",),
    )
    assert {"vellara", "kessrin"} <= set(followup.evidence["shared_entities"])


def test_entity_weights_follow_corrections() -> None:
    """After a merge or a split, entity evidence is that of an index built in that state."""
    corrected = StoryIndex(new_id=counter_ids())
    for article_id, story, hours in (
        ("en-1", EN_LANDSLIDE, 0),
        ("en-2", EN_FENWICK_PORT, 5),
        ("en-3", EN_FENWICK_GALA, 30),
    ):
        corrected.assign(doc(article_id, story, hours=hours, language="en"))
    corrected.merge("story-2", "story-3")
    corrected.split("en-3", new_story_id="gala")
    fresh = StoryIndex(new_id=counter_ids())
    fresh.add(doc("en-1", EN_LANDSLIDE, hours=0, language="en"), "story-1")
    fresh.add(doc("en-2", EN_FENWICK_PORT, hours=5, language="en"), "story-2")
    fresh.add(doc("en-3", EN_FENWICK_GALA, hours=30, language="en"), "gala")

    probe = doc("en-4", EN_LANDSLIDE_FOLLOWUP, hours=80, language="en")
    got, want = corrected.assign(probe), fresh.assign(probe)
    assert (got.story_id, got.is_followup) == (want.story_id, want.is_followup) == ("story-1", True)
    assert got.evidence["entities"] == pytest.approx(want.evidence["entities"])
    assert got.score == pytest.approx(want.score, abs=1e-3)


@pytest.mark.parametrize(
    ("title", "body", "present", "absent"),
    [
        pytest.param(
            "Storm warning issued",
            "Forecasters expect snow. Thousands of homes lost power near Lake Orla. "
            "Crews from Orla County worked overnight.",
            {"lake orla", "orla county"},
            {"forecasters", "thousands", "crews"},
            id="sentence-initial-plurals",
        ),
        pytest.param(
            "Polls open",
            "Harbourline said ferries would run. Athens was calm. Officials in Athens agreed.",
            {"harbourline", "athens"},
            {"officials", "polls"},
            id="sentence-initial-names",
        ),
    ],
)
def test_latin_entities(title: str, body: str, present: set[str], absent: set[str]) -> None:
    made = make_doc(article_id="x", title=title, body=body, published=T0, language="en", url=None)

    assert present <= set(made.entities)
    assert not absent & set(made.entities)


def test_arabic_entities_need_two_mentions() -> None:
    made = make_doc(
        article_id="ar",
        title="زلزال يضرب بلدة زحلان",
        body="ضرب زلزال بلدة زحلان فجراً. وقال رئيس بلدية زحلان إن الأضرار محدودة.",
        published=T0,
        language="ar",
    )

    assert "زحلان" in made.entities  # named three times, never with the article
    assert "يضرب" not in made.entities  # a headline verb, written once


# Two earthquake stories in different countries: the same words, other places.
EN_QUAKE = (
    "Strong earthquake shakes southern Peru, damaging hundreds of homes",
    "A magnitude 6.1 earthquake struck southern Peru early on Tuesday, damaging hundreds "
    "of adobe homes in villages around Arequipa and cutting a mountain highway with "
    "landslides. Peruvian rescue teams reached the worst-hit district by midday. Two "
    "people were killed and dozens injured, the civil defence institute said, and "
    "aftershocks kept families sleeping outdoors.",
)
EN_QUAKE_FOLLOWUP = (
    "Arequipa families still in tents a week after the quake",
    "A week after the earthquake, hundreds of families around Arequipa are still living "
    "in tents while engineers inspect cracked adobe homes. Peru's housing ministry "
    "promised cash for rebuilding, and the mountain highway reopened to lorries on "
    "Monday after crews cleared the landslides.",
)
EN_OTHER_QUAKE = (
    "Earthquake damages villages in eastern Turkey",
    "A magnitude 5.8 earthquake rocked Malatya province in eastern Turkey on Thursday, "
    "bringing down a minaret and several barns. One elderly man died when his roof fell "
    "in and forty people were treated in hospital, Turkish officials said. Schools across "
    "the province will stay closed for two days while engineers check the buildings, "
    "and aftershocks kept many families outdoors.",
)


def test_a_same_topic_story_in_another_country_does_not_join(index: StoryIndex) -> None:
    index.assign(doc("en-1", EN_QUAKE, hours=0, language="en"))
    index.assign(doc("en-2", EN_QUAKE_FOLLOWUP, hours=170, language="en"))

    other = index.assign(doc("en-3", EN_OTHER_QUAKE, hours=190, language="en"))

    assert (other.story_id, other.is_followup) == ("story-2", False)
    assert other.evidence["place_conflict"] is True
    assert other.score < index.options.threshold
    # The shared vocabulary alone would have made it a follow-up.
    blind = StoryIndex(options=AssignOptions(conflict_factor=1.0), new_id=counter_ids())
    blind.assign(doc("en-1", EN_QUAKE, hours=0, language="en"))
    blind.assign(doc("en-2", EN_QUAKE_FOLLOWUP, hours=170, language="en"))
    assert blind.assign(doc("en-3", EN_OTHER_QUAKE, hours=190, language="en")).is_followup


def test_a_followup_in_the_same_country_has_no_place_conflict(index: StoryIndex) -> None:
    index.assign(doc("en-1", EN_QUAKE, hours=0, language="en"))

    followup = index.assign(doc("en-2", EN_QUAKE_FOLLOWUP, hours=170, language="en"))

    assert (followup.story_id, followup.is_followup) == ("story-1", True)
    assert followup.evidence["place_conflict"] is False


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        pytest.param("Peruvian police clear a road near Lima", "en", {"PE"}, id="en-adjective"),
        pytest.param("Talks between Britain and Turkey", "en", {"GB", "TR"}, id="en-names"),
        pytest.param("La police péruvienne au Pérou", "fr", {"PE"}, id="fr"),
        pytest.param("الحكومة التونسية تعلن نتائج الانتخابات في تونس", "ar", {"TN"}, id="ar"),
        pytest.param("البرلمان اللبناني يجتمع", "ar", {"LB"}, id="ar-name-starting-with-lam"),
        pytest.param("ارتفاع منسوب البحر في الميناء", "ar", set(), id="ar-sea-is-no-bahrain"),
        pytest.param("Storm hits Georgia coast", "en", set(), id="en-georgia-left-out"),
        pytest.param("Stormen i Peru", "sv", set(), id="no-column"),
    ],
)
def test_extract_countries(title: str, language: str, expected: set[str]) -> None:
    made = make_doc(article_id="x", title=title, body="", published=T0, language=language)

    assert extract_countries(made.terms, made.language) == expected


@pytest.mark.parametrize(
    ("flag", "factor"),
    [("place_conflict", "conflict_factor"), ("topic_conflict", "topic_factor")],
)
def test_a_conflict_scales_the_score(flag: str, factor: str) -> None:
    options = AssignOptions()
    plain = Signals(similarity=0.3, matched_article="a", centroid=0.3, entities=0.3)
    conflict = dataclasses.replace(plain, **{flag: True})

    assert combine(conflict, options) == pytest.approx(
        getattr(options, factor) * combine(plain, options)
    )
    assert combine(conflict, options) < combine(plain, options)


def test_key_words_show_terms_as_the_articles_write_them() -> None:
    index = StoryIndex()
    doc = make_doc(
        article_id="ar-1",
        title="الرئيس التركي يبحث مع نظيره الروسي تطبيع العلاقات مع سوريا",
        body="قال الرئيس التركي إنه بحث مع الرئيس الروسي تطبيع العلاقات مع سوريا، "
        "وإن الوساطة الروسية مستمرة بعد لقاء وزراء الدفاع في موسكو.",
        published=datetime(2023, 1, 5, tzinfo=UTC),
        language="ar",
    )
    info = index.story(index.assign(doc).story_id)
    assert info is not None
    shown = dict(zip(info.key_terms, info.key_words, strict=True))
    assert shown["رييس"] == "الرئيس"  # the term drops the hamza; people read it with it
    assert shown["سور"] == "سوريا"


def test_docs_stored_without_words_show_their_terms() -> None:
    doc = make_doc(
        article_id="en-1",
        title="Nurses strike again over pay",
        body="Nurses walked out on Tuesday in the latest strike over pay, the union said.",
        published=datetime(2023, 1, 5, tzinfo=UTC),
        language="en",
    )
    old = doc.to_dict()
    del old["words"]
    restored = StoryDoc.from_dict(old)
    assert restored.words == {} and doc.words["nurs"] == "Nurses"
    index = StoryIndex()
    info = index.story(index.assign(restored).story_id)
    assert info is not None and info.key_words == info.key_terms
