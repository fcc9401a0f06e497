"""Places below country level: the gazetteer, and the region level of the place conflict.

The fixture articles are written for these tests (fictional events).
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from storydocs import story_doc

from scraper.stories import AssignOptions, StoryDoc, StoryIndex, extract_places
from scraper.stories.scoring import place_conflict

T0 = datetime(2024, 1, 8, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("entities", "expected"),
    [
        pytest.param(("buffalo",), {"US", "US-NY"}, id="city-implies-country-and-state"),
        pytest.param(("northern california",), {"US", "US-CA"}, id="compass-word-dropped"),
        pytest.param(("san luis obispo county",), {"US", "US-CA"}, id="us-county"),
        pytest.param(("erie county",), {"US"}, id="county-in-several-states-no-region"),
        pytest.param(("paris",), {"FR", "FR-@"}, id="capital-region"),
        pytest.param(("lisbon",), {"PT", "PT-@"}, id="english-exonym-of-a-big-city"),
        pytest.param(("puno",), {"PE", "PE-21"}, id="own-name-beats-another-citys-alias"),
        pytest.param(("george washington", "washington"), set(), id="surname-is-no-place"),
        pytest.param(("peru", "britain"), set(), id="countries-are-left-to-the-table"),
        pytest.param(("georgia",), set(), id="state-named-like-a-country"),
        pytest.param(("halcyon", "nhs"), set(), id="no-place"),
        pytest.param(("white house",), set(), id="translated-nickname-is-no-name"),
        pytest.param(("خوي",), set(), id="arabic-entity-key-not-matched"),
    ],
)
def test_extract_places(entities: tuple[str, ...], expected: set[str]) -> None:
    assert extract_places(entities) == expected


@pytest.mark.parametrize(
    ("named", "story", "members", "expected"),
    [
        pytest.param({"US", "US-CA"}, {"US": 3, "US-NY": 2}, 3, True, id="other-state"),
        pytest.param({"US", "US-NY"}, {"US": 3, "US-NY": 2}, 3, False, id="same-state"),
        pytest.param({"US"}, {"US": 3, "US-NY": 2}, 3, False, id="article-names-no-state"),
        pytest.param({"US", "US-CA"}, {"US": 2, "US-NY": 2}, 2, False, id="story-too-young"),
        pytest.param({"US", "US-CA"}, {"US": 4, "US-NY": 1}, 4, False, id="no-main-state"),
        pytest.param(
            {"BR", "US-FL", "US"}, {"BR": 3, "US": 1, "BR-07": 3}, 3, False, id="by-country"
        ),
        pytest.param({"PE", "PE-21"}, {"US": 3, "US-NY": 3}, 3, True, id="country-level"),
        pytest.param({"FR", "FR-76"}, {"FR": 3, "FR-@": 3}, 3, False, id="capital-is-never-main"),
        pytest.param({"FR", "FR-@"}, {"FR": 3, "FR-84": 3}, 3, True, id="capital-locates-article"),
    ],
)
def test_place_conflict_levels(
    named: set[str], story: dict[str, int], members: int, expected: bool
) -> None:
    assert place_conflict(named, story, members) is expected


EN_PERU = (
    "Floods cut roads across Peru as rivers burst their banks",
    "Heavy rain has flooded towns across Peru, cutting roads and leaving thousands of "
    "homes without power. Peruvian officials declared an emergency in several regions "
    "and said emergency crews could not reach people calling for help. At least four "
    "deaths were confirmed by the national emergency office.",
)
EN_BUFFALO = (
    "Snowstorm cuts power across Buffalo; rescuers struggle to reach stranded residents",
    "A snowstorm has cut power to thousands of homes across Buffalo, and rescuers say they "
    "cannot get through to many stranded residents who called for help. City officials "
    "confirmed four deaths on Saturday and declared an emergency. Roads are closed and "
    "the airport will not reopen before Monday.",
)


def _doc(article_id: str, text: tuple[str, str], *, hours: float) -> StoryDoc:
    return story_doc(article_id, text, start=T0, hours=hours, language="en")


def test_a_city_gives_an_article_its_country() -> None:
    counter = itertools.count(1)
    index = StoryIndex(new_id=lambda: f"story-{next(counter)}")
    index.assign(_doc("peru", EN_PERU, hours=0))

    buffalo = index.assign(_doc("buffalo", EN_BUFFALO, hours=30))

    assert (buffalo.story_id, buffalo.is_followup) == ("story-2", False)
    assert buffalo.evidence["place_conflict"] is True


EN_BUFFALO_TOLL = (
    "Buffalo snowstorm toll rises to nine as crews clear streets",
    "The number of people killed in the snowstorm in Buffalo rose to nine on Sunday, city "
    "officials said, as crews cleared streets buried under drifts taller than cars. The "
    "driving ban remains in effect across the city, and thousands of homes are still "
    "without power.",
)
EN_BUFFALO_REVIEW = (
    "Buffalo orders review of its snowstorm response",
    "Buffalo will review how emergency calls were handled during the snowstorm, city "
    "officials said, after families complained that crews could not reach them for more "
    "than a day. The driving ban was lifted on Tuesday and power has returned to most homes.",
)
EN_SACRAMENTO = (
    "Storm floods Sacramento neighbourhoods; thousands of homes without power",
    "A powerful storm flooded low-lying neighbourhoods of Sacramento overnight, and "
    "thousands of homes were still without power on Sunday. City officials confirmed "
    "two deaths and said emergency crews were struggling to reach residents calling for "
    "help. Levees along two rivers were under strain, and a driving ban is in effect.",
)


def _buffalo_index(options: AssignOptions) -> StoryIndex:
    counter = itertools.count(1)
    index = StoryIndex(options=options, new_id=lambda: f"story-{next(counter)}")
    for hours, (article_id, text) in enumerate(
        [("b1", EN_BUFFALO), ("b2", EN_BUFFALO_TOLL), ("b3", EN_BUFFALO_REVIEW)]
    ):
        assert index.assign(_doc(article_id, text, hours=10.0 * hours)).story_id == "story-1"
    return index


def test_a_same_topic_story_in_another_state_has_a_place_conflict() -> None:
    index = _buffalo_index(AssignOptions())

    other = index.assign(_doc("s1", EN_SACRAMENTO, hours=40))

    assert (other.story_id, other.is_followup) == ("story-2", False)
    assert other.evidence["place_conflict"] is True
    blind = _buffalo_index(AssignOptions(conflict_factor=1.0))
    unpenalized = blind.assign(_doc("s1", EN_SACRAMENTO, hours=40)).score
    assert other.score == pytest.approx(AssignOptions().conflict_factor * unpenalized, abs=1e-3)
