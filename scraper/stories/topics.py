"""Broad news topics of an article and of a story, for the topic-conflict signal.

Two stories of one place and one cast often differ only in what happens: a
rail strike and a nurses' strike in the same country, an election date and
peace talks announced by the same president, a currency crash and a stalled
presidential vote in the same capital, an inauguration and a riot a week
later. Their shared vocabulary (pay, union, president, parliament) is what
makes the term signals join them. A topic is a short list of words that
names one kind of event or one sector (``transport``, ``health``,
``election``, ``diplomacy``, ``currency``...); :func:`topic_strengths`
measures each topic in an article from its terms, and
:func:`topic_conflict` tells whether an article and a story are about
different things: the story has a main topic the article never touches, and
the article has a main topic the story has (almost) never been about.

The words are data (STYLE.md habit 3), written for this project from general
knowledge of news wording: :data:`TOPIC_WORDS` maps a topic to its words in
each language (English, French and Arabic so far), separated by spaces. They
are reduced with the tokenizer of the article terms
(:func:`scraper.stories.text.lexicon_terms`), so inflections and Arabic
spelling variants meet. Words with a common second sense are left out
("storm" is weather and an assault, "march" a month, « marché » a market,
"bus" rides along in many stories, «صادر» is "issued"). A topic named
``family.kind`` (``disaster.earthquake``, ``disaster.weather``) belongs to a
family whose kinds follow one another inside one story (snow on the camps of
an earthquake's homeless): they never conflict with each other. Add a word, a
topic or a language rather than code.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from scraper.stories.text import base_language, lexicon_terms

# A topic is one of an article's main topics when the weights of its words in the
# article's terms add up to at least this (a word in the headline, two body
# mentions, or two words of the topic; see scraper.stories.features.weigh_terms).
MAIN_STRENGTH = 1.6

# An article topic is new to a story when fewer than 1/NEW_SHARE of its members name it.
NEW_SHARE = 4

TOPIC_WORDS: dict[str, dict[str, str]] = {
    "transport": {
        "en": (
            "rail railway railways train trains passenger passengers commuters airline "
            "airport flights"
        ),
        "fr": (
            "ferroviaire ferroviaires sncf cheminots contrôleurs voyageurs passagers gare "
            "gares tgv trains rer métro aérien"
        ),
        "ar": "قطار قطارات ركاب مطار سكك المواصلات",
    },
    "health": {
        "en": (
            "nurse nurses nursing hospital hospitals nhs patients doctors medical ambulance health"
        ),
        "fr": "infirmiers infirmières hôpital hôpitaux médecins santé patients soignants",
        "ar": "مستشفى مستشفيات أطباء ممرضين الصحة المرضى الصحي",
    },
    "labour": {
        "en": "strike strikes striking walkout walkouts picket stoppage stoppages union unions",
        "fr": "grève grèves grévistes syndicat syndicats intersyndicale débrayage préavis",
        "ar": "إضراب إضرابات نقابة نقابات النقابي الشغل",
    },
    "election": {
        "en": (
            "election elections electoral ballot ballots voters candidate candidates runoff turnout"
        ),
        "fr": (
            "élection élections électoral scrutin électeurs candidat candidats urnes "
            "législatives présidentielle"
        ),
        "ar": (
            "انتخابات الانتخابية اقتراع الاقتراع تصويت الناخبين ناخب مرشح مرشحين التشريعيات "
            "الانتخاب"
        ),
    },
    "diplomacy": {
        "en": (
            "talks negotiations summit diplomatic diplomacy normalisation mediation "
            "ambassador envoy"
        ),
        "fr": (
            "pourparlers négociations sommet diplomatique diplomatie normalisation médiation "
            "ambassadeur"
        ),
        "ar": "محادثات مفاوضات التطبيع وساطة قمة دبلوماسي الدبلوماسية السفير التقارب",
    },
    "currency": {
        "en": "currency inflation prices economy economic dollar",
        "fr": "inflation prix monnaie économie économique dollar",
        "ar": "الليرة الدولار الأسعار سعر الصرف التضخم الاقتصاد الاقتصادي مصرف",
    },
    "finance": {
        "en": (
            "bankruptcy creditors lender lending crypto cryptocurrency investors deposits "
            "withdrawals"
        ),
        "fr": "faillite créanciers cryptomonnaie investisseurs",
        "ar": "إفلاس الدائنين المستثمرين المشفرة",
    },
    "justice": {
        "en": (
            "court judge trial charged charges arrested arrest prosecutors extradition bail "
            "lawsuit guilty custody"
        ),
        "fr": "tribunal juge procès plainte parquet condamné judiciaire",
        "ar": "المحكمة قاضي محاكمة اعتقال توقيف النيابة",
    },
    "violence.unrest": {
        "en": "protest protests protesters demonstrators rally riot riots rioters clashes",
        "fr": "manifestation manifestations manifestants émeutes cortège",
        "ar": "مظاهرات احتجاج احتجاجات محتجين متظاهرين مسيرة اشتباكات المحتجون",
    },
    "violence.attack": {
        "en": "attack attacker stabbing knife gunman shooting stabbed",
        "fr": "attaque agresseur couteau poignardé assaillant",
        "ar": "هجوم طعن مسلح المهاجم",
    },
    "violence.military": {
        "en": "ceasefire truce troops army war military shelling missile missiles invasion",
        "fr": "trêve armée guerre militaire militaires troupes",
        "ar": "هدنة الجيش الحرب عسكري العسكرية قصف القوات الدفاع",
    },
    "shipping": {
        "en": "grain ships ship vessels cargo exports shipping port",
        "fr": "céréales navires exportations cargaison",
        "ar": "الحبوب سفن السفن شحنات ميناء",
    },
    "disaster.earthquake": {
        "en": "earthquake quake magnitude aftershock aftershocks tremor seismic",
        "fr": "séisme tremblement sismique magnitude répliques",
        "ar": "زلزال الزلزال هزة هزات ارتدادية ريختر",
    },
    "disaster.weather": {
        "en": (
            "blizzard snow snowfall rain rainfall flooding floods flood mudslide mudslides "
            "winds cyclone"
        ),
        "fr": "tempête neige pluie pluies inondations intempéries",
        "ar": "عاصفة الثلوج ثلوج أمطار الأمطار فيضانات سيول",
    },
    "disaster.fire": {
        "en": "fire blaze flames firefighters",
        "fr": "incendie feu flammes pompiers",
        "ar": "حريق الحريق النيران الإطفاء",
    },
    "sport": {
        "en": "match cup coach tournament players football semi squad",
        "fr": "match entraîneur joueurs football sélection mondial",
        "ar": "مباراة المنتخب كأس المدرب المونديال اللاعبين",
    },
    "energy": {
        "en": "fuel petrol diesel gas electricity energy",
        "fr": "carburant carburants essence énergie électricité gaz",
        "ar": "الوقود وقود البنزين المازوت المحروقات الغاز الكهرباء الطاقة",
    },
    "pensions": {
        "en": "pension pensions retirement",
        "fr": "retraite retraites pension",
        "ar": "التقاعد",
    },
    "office": {
        "en": "inauguration sworn oath inaugurated",
        "fr": "investiture serment",
        "ar": "تنصيب",
    },
    "education": {
        "en": "school schools pupils students teachers university",
        "fr": "école écoles enseignants université",
        "ar": "المدارس مدرسة الطلاب التلاميذ",
    },
}


@lru_cache(maxsize=16)
def _topic_terms(language: str) -> Mapping[str, frozenset[str]]:
    """Topic name -> the terms of its words in ``language`` (empty when it has no words)."""
    table: dict[str, frozenset[str]] = {}
    for topic, words in TOPIC_WORDS.items():
        found = {
            term
            for word in words.get(language, "").split()
            for term in lexicon_terms(word, language)
        }
        if found:
            table[topic] = frozenset(found)
    return table


def topic_strengths(doc_terms: Mapping[str, float], language: str | None) -> dict[str, float]:
    """How strongly an article is about each topic of the table.

    Args:
        doc_terms: the article's terms (``StoryDoc.terms``: term -> weight).
        language: its ISO 639-1 code; a language without a column gives ``{}``.

    Returns:
        topic name -> the sum of the weights of its terms in the article, for
        the topics with at least one term there.
    """
    table = _topic_terms(base_language(language) or "")
    out: dict[str, float] = {}
    for topic, words in table.items():
        strength = sum(doc_terms.get(word, 0.0) for word in words)
        if strength > 0.0:
            out[topic] = round(strength, 4)
    return out


def main_topics(strengths: Mapping[str, float]) -> frozenset[str]:
    """The topics an article is mainly about: strength at least ``MAIN_STRENGTH``.

    Args:
        strengths: from :func:`topic_strengths`.

    Returns:
        A set of topic names.
    """
    return frozenset(topic for topic, value in strengths.items() if value >= MAIN_STRENGTH)


def topic_conflict(
    article: Mapping[str, float],
    story_main: Mapping[str, int],
    story_named: Mapping[str, int],
    members: int,
) -> bool:
    """Whether an article and a story are about different kinds of event.

    True when both hold: the story has a main topic (main in at least half its
    members) that the article never touches, and the article has a main topic
    that fewer than a quarter (``1 / NEW_SHARE``) of the story's members name,
    of another family than the missing one. An article that touches what the
    story is about, or whose main topics the story has often touched (a march
    in a pension story whose members named the unions), never conflicts; nor
    does a new kind of the same family (snow falling on an earthquake's
    homeless). Main topics are counted over the members, so they follow a
    story whose subject drifts (a riot, then the trials).

    Args:
        article: the article's :func:`topic_strengths`.
        story_main: topic -> number of the story's members whose main topic it is.
        story_named: topic -> number of members naming it at all.
        members: number of members of the story (>= 1).

    Returns:
        True on a conflict.
    """
    missing = {
        _family(topic)
        for topic, count in story_main.items()
        if 2 * count >= members and topic not in article
    }
    if not missing:
        return False
    new = {
        _family(topic)
        for topic in main_topics(article)
        if NEW_SHARE * story_named.get(topic, 0) < members
    }
    return any(family not in missing or len(missing) > 1 for family in new)


def _family(topic: str) -> str:
    """The family of a topic: the part of its name before a dot (``disaster``)."""
    return topic.split(".", 1)[0]
