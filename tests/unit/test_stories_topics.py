"""Topics of an article and the topic-conflict signal of the story index.

The fixture articles are written for these tests (fictional country, people and events).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

import pytest

from scraper.stories import AssignOptions, StoryDoc, StoryIndex, make_doc
from scraper.stories.text import lexicon_terms
from scraper.stories.topics import main_topics, topic_conflict, topic_strengths

T0 = datetime(2024, 5, 6, 7, 0, tzinfo=UTC)

# A health-sector strike, then a transport strike in the same country a few days later:
# the second shares "pay offer", "union", "strike", "talks" with the first.
EN_MIDWIVES = (
    "Midwives walk out over pay as maternity wards run on emergency cover",
    "Midwives at hospitals across Norland began a 24-hour strike on Monday after their "
    "union rejected a pay offer of 3%. Maternity wards ran on emergency cover, and health "
    "officials asked expectant mothers to call ahead before travelling to hospital. The "
    "union said staffing had fallen to dangerous levels and that more walkouts would follow "
    "unless the health ministry reopened talks on pay.",
)
EN_MIDWIVES_FOLLOWUP = (
    "Health ministry invites midwives back to the table after first strike",
    "The health ministry has invited the midwives' union to talks on Thursday, two days "
    "after a walkout that left maternity wards in Norland on emergency cover. The union "
    "said it would attend but would keep its next strike dates unless the ministry improved "
    "its 3% pay offer. Hospital managers said most planned births had gone ahead.",
)
EN_BAGGAGE_HANDLERS = (
    "Airport baggage handlers reject pay offer and set two strike days",
    "Baggage handlers at Norland's main airport voted to reject a 3% pay offer from the "
    "ground-services company, and their union called strikes for next Tuesday and "
    "Wednesday. Airlines told passengers to expect cancelled flights and to travel with "
    "hand luggage only. The union said the pay offer fell short of rising prices and that "
    "shifts had grown longer, and asked the company to reopen talks.",
)

# Normalisation talks hosted by a president, then the same president moving an election
# date: one name, one capital, two stories.
AR_TALKS = (
    "الرئيس كوريس يستضيف محادثات تطبيع مع وفد من فالدوريا",
    "استضاف الرئيس ماريك كوريس في العاصمة، الثلاثاء، جولة محادثات مع وفد من فالدوريا لبحث "
    "تطبيع العلاقات بعد قطيعة استمرت عشر سنوات. وقال مكتب الرئاسة إن المحادثات تناولت إعادة "
    "فتح السفارات واستئناف الرحلات الجوية، وإن جولة ثانية ستعقد الشهر المقبل. ووصف وزير "
    "الخارجية اللقاء بأنه خطوة أولى نحو تقارب طال انتظاره بين البلدين.",
)
# Its follow-up, written without hamza and with final ى, as some outlets do.
AR_TALKS_FOLLOWUP = (
    "كوريس: السفارتان تفتحان ابوابهما قبل الصيف",
    "قال الرئيس ماريك كوريس ان سفارتي البلدين ستعيدان فتح ابوابهما قبل الصيف، فى اول ثمرة "
    "لمحادثات التطبيع مع فالدوريا. واضاف كوريس فى مؤتمر صحفي ان الوفدين اتفقا على لجنة "
    "مشتركة تتابع ملف الرحلات الجوية والتبادل التجاري، وان التقارب بين الجارين لم يعد "
    "رهينة الخلافات القديمة.",
)
AR_ELECTION = (
    "كوريس يقدم موعد الانتخابات الرئاسية إلى منتصف أيار",
    "أعلن الرئيس ماريك كوريس تقديم موعد الانتخابات الرئاسية والتشريعية شهراً كاملاً، لتجرى "
    "في منتصف أيار بدلاً من حزيران. وقال كوريس في كلمة أمام أنصار حزبه إن الموعد الجديد "
    "يجنب الناخبين عطلة الصيف وامتحانات الجامعات. وردت أحزاب المعارضة بأنها مستعدة لخوض "
    "الاقتراع وستعلن اسم مرشحها خلال أسابيع.",
)


def doc(article_id: str, story: tuple[str, str], *, hours: float, language: str) -> StoryDoc:
    """A StoryDoc of one fixture article, published ``hours`` after T0."""
    title, body = story
    return make_doc(
        article_id=article_id,
        title=title,
        body=body,
        published=T0 + timedelta(hours=hours),
        language=language,
    )


def new_index(options: AssignOptions | None = None) -> StoryIndex:
    numbers = itertools.count(1)
    return StoryIndex(options=options, new_id=lambda: f"story-{next(numbers)}")


@pytest.mark.parametrize(
    ("title", "body", "language", "expected"),
    [
        pytest.param(
            "Nurses strike at two hospitals",
            "The walkout closed wards.",
            "en",
            {"health", "labour"},
            id="en-sector-and-event",
        ),
        pytest.param(
            "Grève des cheminots",
            "Des trains supprimés, les voyageurs patientent en gare.",
            "fr",
            {"labour", "transport"},
            id="fr-accents-and-plurals",
        ),
        pytest.param(
            "زلزال يضرب الساحل",
            "وقع الزلزال فجراً وتبعته هزات ارتدادية.",
            "ar",
            {"disaster.earthquake"},
            id="ar-article-and-plural",
        ),
        pytest.param(
            "الانتخابات التشريعية",
            "فتحت مراكز الاقتراع ابوابها امام الناخبين.",
            "ar",
            {"election"},
            id="ar-without-hamza",
        ),
        pytest.param("Mayor opens a park", "Children played.", "en", set(), id="no-topic"),
        pytest.param("Strejk på sjukhus", "Sjuksköterskor strejkar.", "sv", set(), id="no-column"),
    ],
)
def test_main_topics_of_an_article(
    title: str, body: str, language: str, expected: set[str]
) -> None:
    made = make_doc(article_id="x", title=title, body=body, published=T0, language=language)

    assert main_topics(topic_strengths(made.terms, made.language)) == expected


def test_a_passing_word_names_a_topic_without_making_it_main() -> None:
    made = make_doc(
        article_id="x",
        title="Council approves a budget",
        body="The vote followed a debate on school meals.",
        published=T0,
        language="en",
    )

    strengths = topic_strengths(made.terms, made.language)

    assert strengths == {"education": 1.0}
    assert main_topics(strengths) == frozenset()


HEALTH_STORY = {"health": 2, "labour": 2}


@pytest.mark.parametrize(
    ("article", "story_main", "story_named", "members", "expected"),
    [
        pytest.param(
            {"labour": 2.0, "transport": 2.0}, HEALTH_STORY, HEALTH_STORY, 2, True, id="conflict"
        ),
        pytest.param(
            {"labour": 2.0, "transport": 2.0, "health": 1.0},
            HEALTH_STORY,
            HEALTH_STORY,
            2,
            False,
            id="article-touches-the-story-topic",
        ),
        pytest.param({"labour": 2.0}, HEALTH_STORY, HEALTH_STORY, 2, False, id="nothing-new"),
        pytest.param(
            {"transport": 2.0}, {}, {"transport": 1}, 2, False, id="story-without-main-topic"
        ),
        pytest.param(
            {"disaster.weather": 2.0},
            {"disaster.earthquake": 2},
            {"disaster.earthquake": 2},
            2,
            False,
            id="same-family",
        ),
        pytest.param(
            {"violence.unrest": 2.0},
            {"pensions": 4},
            {"pensions": 4, "violence.unrest": 1},
            4,
            False,
            id="named-by-a-quarter",
        ),
        pytest.param(
            {"violence.unrest": 2.0},
            {"pensions": 5},
            {"pensions": 5, "violence.unrest": 1},
            5,
            True,
            id="named-by-less-than-a-quarter",
        ),
    ],
)
def test_topic_conflict_rules(
    article: dict[str, float],
    story_main: Mapping[str, int],
    story_named: Mapping[str, int],
    members: int,
    expected: bool,
) -> None:
    assert topic_conflict(article, story_main, story_named, members) is expected


@pytest.mark.parametrize(
    ("first", "followup", "other", "language"),
    [
        pytest.param(EN_MIDWIVES, EN_MIDWIVES_FOLLOWUP, EN_BAGGAGE_HANDLERS, "en", id="en-strikes"),
        pytest.param(AR_TALKS, AR_TALKS_FOLLOWUP, AR_ELECTION, "ar", id="ar-talks-vs-election"),
    ],
)
def test_another_kind_of_event_with_the_same_cast_opens_a_story(
    first: tuple[str, str], followup: tuple[str, str], other: tuple[str, str], language: str
) -> None:
    index = new_index()
    index.assign(doc("a-1", first, hours=0, language=language))
    joined = index.assign(doc("a-2", followup, hours=50, language=language))

    got = index.assign(doc("a-3", other, hours=80, language=language))

    assert (joined.story_id, joined.is_followup) == ("story-1", True)
    assert joined.evidence["topic_conflict"] is False
    assert (got.story_id, got.is_followup) == ("story-2", False)
    assert got.evidence["topic_conflict"] is True
    assert got.score < index.options.threshold
    # Without the topic signal, the shared vocabulary makes it a follow-up.
    blind = new_index(AssignOptions(topic_factor=1.0))
    blind.assign(doc("a-1", first, hours=0, language=language))
    blind.assign(doc("a-2", followup, hours=50, language=language))
    assert blind.assign(doc("a-3", other, hours=80, language=language)).story_id == "story-1"


@pytest.mark.parametrize(
    ("phrase", "language", "expected"),
    [
        pytest.param("لبنان", "ar", ["لبنان"], id="ar-initial-lam-is-part-of-the-name"),
        pytest.param("جمهورية مالي", "ar", ["جمهور", "مال"], id="ar-two-words"),
        pytest.param("Royaume-Uni", "fr", ["royaum", "uni"], id="fr-hyphenated"),
        pytest.param("the strike", "en", ["strike"], id="en-stop-word-dropped"),
    ],
)
def test_lexicon_terms(phrase: str, language: str, expected: list[str]) -> None:
    assert lexicon_terms(phrase, language) == expected
