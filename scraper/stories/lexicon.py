"""Word lists used by the story features: data, no logic.

Kept apart from the code (STYLE.md habit 3): extend a list to cover a language
better, never add a branch to the code.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ISO 639-1 code -> the language name used by ``snowballstemmer`` and ``stop-words``.
LANG_NAMES: dict[str, str] = {
    "ar": "arabic",
    "en": "english",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "ru": "russian",
    "tr": "turkish",
    "sv": "swedish",
    "da": "danish",
    "no": "norwegian",
    "nb": "norwegian",
    "fi": "finnish",
    "hu": "hungarian",
    "ro": "romanian",
    "ca": "catalan",
    "pl": "polish",
    "cs": "czech",
    "el": "greek",
    "fa": "persian",
    "id": "indonesian",
    "hi": "hindi",
    "uk": "ukrainian",
    "he": "hebrew",
    "bg": "bulgarian",
    "sk": "slovak",
    "zh": "chinese",
    "ja": "japanese",
    "ko": "korean",
    "vi": "vietnamese",
}

# Weekdays (en, fr, es, de, it, pt) date a story but never tell one story from another:
# they are neither terms nor entities.
WEEKDAYS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi
    vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo montag
    dienstag mittwoch donnerstag freitag samstag sonntag lunedì martedì mercoledì
    giovedì venerdì sabato domenica segunda terça quarta quinta sexta
    """
)

# Months are no entities ("December" is not a name), but stay terms: "march", "mars",
# "mayo" are common words too.
MONTHS = _words(
    """
    january february march april may june july august september october november
    december janvier février mars avril mai juin juillet août septembre octobre novembre
    décembre enero febrero marzo abril mayo junio julio agosto septiembre octubre
    noviembre diciembre januar februar märz juni juli oktober dezember gennaio febbraio
    aprile maggio giugno luglio agosto settembre ottobre dicembre janeiro fevereiro
    março maio junho julho setembro outubro novembro dezembro
    """
)
CALENDAR = WEEKDAYS | MONTHS

# Arabic function words and news-wire filler that the ``stop-words`` list lacks,
# written as normalized text (no hamza on alef, ه for ة, ي for ى).
ARABIC_EXTRA_STOP = _words(
    """
    في من على الي عن مع ان او ثم قد لقد كما لكن بين بعد قبل حتي منذ خلال عند غير هذا هذه
    ذلك تلك هو هي هم كان كانت يكون وقال قال قالت وقالت واضاف اضاف اوضح اكد واكد الذي
    التي الذين اي كل بعض ما لا لم لن وهو وهي فيه فيها عليه عليها منه منها اليه لها له
    انه انها حيث اذ ايضا يوم الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت امس
    اليوم
    """
)

# Normalized Arabic words after which a proper name usually follows (titles, ranks).
ARABIC_NAME_CUES = _words(
    """
    الرييس رييس الوزير وزير وزيره الملك الامير الشيخ مدينه بلده محافظه الجنرال العماد
    النايب البطريرك المرشد زعيم
    """
)

# Compass words before a place name ("Northern California", « Nord-Est »): the place is
# the rest of the name.
COMPASS_WORDS = _words(
    """
    north south east west northern southern eastern western central northeast northwest
    southeast southwest upper lower nord sud est ouest centre
    """
)
