"""Words and names that mark dates in visible text: data, no logic.

Read by :mod:`scraper.parse.datetext`. Month names (full, abbreviated and
genitive forms) in English, French, German, Spanish, Portuguese, Italian, Russian,
Turkish and Arabic (Egyptian/Gulf ``يناير``, Levantine ``كانون الثاني``,
Maghreb ``جانفي``); zone abbreviations with their UTC offsets in hours; US region
zones as IANA names; zones named in words (Arabic «بتوقيت القاهرة»...) as
offsets or IANA names; weekday names; the words that announce a publication or an update date;
the words of relative times ("3 hours ago", "منذ ساعتين").

Order matters: a month name listed twice maps to the later month, and names or
words of equal length are tried in the order listed here. The tables are packed
by hand (month by month), so the formatter is told to leave them alone.
"""

from __future__ import annotations

# fmt: off
MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "janeiro",
        "gennaio", "января", "январь", "ocak", "يناير", "كانون الثاني", "جانفي", "ژانویه"),
    2: ("february", "feb", "février", "fevrier", "févr", "fevr", "februar", "febrero", "fevereiro",
        "fev", "febbraio", "февраля", "февраль", "şubat", "subat", "فبراير", "شباط", "فيفري"),
    3: ("march", "mar", "mars", "märz", "maerz", "mär", "marzo", "março", "marco", "марта", "март",
        "mart", "مارس", "آذار", "اذار"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "апреля", "апрель", "nisan",
        "أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"),
    5: ("may", "mai", "mayo", "maio", "maggio", "мая", "май", "mayıs", "mayis", "مايو", "أيار",
        "ايار", "ماي"),
    6: ("june", "jun", "juin", "juni", "junio", "junho", "giugno", "июня", "июнь", "haziran",
        "يونيو", "يونيه", "حزيران", "جوان"),
    7: ("july", "jul", "juillet", "juil", "juli", "julio", "julho", "luglio", "июля", "июль",
        "temmuz", "يوليو", "يوليه", "تموز", "جويلية"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "августа", "август", "ağustos", "agustos",
        "أغسطس", "اغسطس", "آب", "أوت"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "set",
        "settembre", "сентября", "сентябрь", "eylül", "eylul", "سبتمبر", "أيلول", "ايلول"),
    10: ("october", "oct", "octobre", "oktober", "okt", "octubre", "outubro", "out", "ottobre",
         "ott", "октября", "октябрь", "ekim", "أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "ноября", "ноябрь", "kasım",
         "kasim", "نوفمبر", "تشرين الثاني"),
    12: ("december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic",
         "dezembro", "dicembre", "декабря", "декабрь", "aralık", "aralik", "ديسمبر",
         "كانون الأول", "كانون الاول"),
}

ABBR_HOURS: dict[str, int] = {
    "GMT": 0, "UTC": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
    "MSK": 3, "TRT": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
    "PST": -8, "PDT": -7, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8,
}
# Zones named in words -> a fixed offset in hours (no daylight saving time) or an
# IANA name (zoneinfo) where the zone has daylight saving time (Cairo, Beirut,
# Jerusalem, Paris...). Arabic names are listed without the "بـ" of «بتوقيت»:
# the reader accepts both «بتوقيت مكة» and «(توقيت مكة)». Matched case-insensitively.
NAMED_ZONES: dict[str, int | str] = {
    "توقيت غرينتش": 0, "توقيت جرينتش": 0, "توقيت غرينيتش": 0, "ت.غ": 0, "ت غ": 0,
    "توقيت مكة المكرمة": 3, "توقيت مكة": 3, "توقيت الرياض": 3, "توقيت السعودية": 3,
    "توقيت الدوحة": 3, "توقيت الكويت": 3, "توقيت بغداد": 3,
    "توقيت أبوظبي": 4, "توقيت أبو ظبي": 4, "توقيت ابوظبي": 4, "توقيت ابو ظبي": 4,
    "توقيت الإمارات": 4, "توقيت الامارات": 4, "توقيت دبي": 4,
    "توقيت القدس": "Asia/Jerusalem", "توقيت فلسطين": "Asia/Hebron",
    "توقيت القاهرة": "Africa/Cairo", "توقيت مصر": "Africa/Cairo",
    "توقيت بيروت": "Asia/Beirut", "توقيت دمشق": "Asia/Damascus",
    "توقيت الجزائر": 1, "توقيت تونس": 1, "توقيت المغرب": "Africa/Casablanca",
    "heure de paris": "Europe/Paris", "heure française": "Europe/Paris",
    "hora de madrid": "Europe/Madrid", "hora peninsular": "Europe/Madrid",
    "berliner zeit": "Europe/Berlin", "mez": 1, "mesz": 2,
    "по московскому времени": 3, "мск": 3,
    "北京时间": 8, "北京時間": 8, "台北時間": 8, "日本時間": 9, "한국시간": 9,
}
# US newsroom style writes "ET"/"PT" without saying standard or daylight time.
REGION_ZONES: dict[str, str] = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}

PUBLISHED_WORDS: tuple[str, ...] = (
    "published", "first published", "posted", "publication date", "date published", "released",
    "publié le", "publié", "publiée", "mis en ligne", "veröffentlicht", "erschienen", "publicado",
    "publicada", "fecha de publicación", "pubblicato", "pubblicata", "опубликовано",
    "опубликован", "дата публикации", "yayınlanma", "yayımlanma", "yayınlandı", "yayın tarihi",
    "نشر في", "نُشر في", "نشر بتاريخ", "تاريخ النشر", "نشر", "نُشر", "gepubliceerd", "publiziert",
    "date de publication", "data de publicação", "data di pubblicazione", "erstellt am",
    "기사입력", "입력", "公開日", "投稿日", "发布时间", "發佈時間", "发布日期",
)
UPDATED_WORDS: tuple[str, ...] = (
    "updated", "last updated", "modified", "last modified", "edited", "revised", "mis à jour",
    "mise à jour", "modifié", "aktualisiert", "zuletzt aktualisiert", "geändert", "actualizado",
    "actualizada", "última actualización", "atualizado", "atualizada", "atualização", "aggiornato",
    "aggiornata", "ultimo aggiornamento", "обновлено", "обновлен", "изменено", "güncellendi",
    "güncelleme", "son güncelleme", "آخر تحديث", "اخر تحديث", "تم التحديث", "تحديث", "محدث",
    "bijgewerkt", "기사수정", "수정", "更新日", "更新时间", "更新時間", "stand", "modificato",
    "modificata", "modificado", "modificada", "actualisé", "actualisée", "güncellenme",
    "آخر تعديل", "تم التعديل", "عدل في", "更新", "最終更新",
)

# Relative times ("3 hours ago", "منذ ساعتين"), read by scraper.parse.datesago.
# Unit words (singular, plural and case forms) -> seconds.
RELATIVE_UNITS: dict[str, int] = {
    **dict.fromkeys(("minute", "minutes", "min", "mins", "minuten", "minuto", "minutos",
                     "minuti", "dakika", "минуту", "минуты", "минут", "دقيقة", "دقائق"), 60),
    **dict.fromkeys(("hour", "hours", "hr", "hrs", "heure", "heures", "stunde", "stunden", "hora",
                     "horas", "ora", "ore", "saat", "час", "часа", "часов", "ساعة", "ساعات"),
                    3600),
    **dict.fromkeys(("day", "days", "jour", "jours", "tag", "tagen", "día", "días", "dia", "dias",
                     "giorno", "giorni", "gün", "день", "дня", "дней", "يوم", "أيام", "ايام"),
                    86400),
    **dict.fromkeys(("week", "weeks", "semaine", "semaines", "woche", "wochen", "semana",
                     "semanas", "settimana", "settimane", "hafta", "неделю", "недели", "недель",
                     "أسبوع", "اسبوع", "أسابيع", "اسابيع"), 604800),
}
# Arabic dual forms carry their number ("ساعتين": two hours).
RELATIVE_DUALS: dict[str, int] = {
    "دقيقتين": 120, "دقيقتان": 120, "ساعتين": 7200, "ساعتان": 7200, "يومين": 172800,
    "يومان": 172800, "أسبوعين": 1209600, "اسبوعين": 1209600,
}
# Fractions of an hour said as words ("منذ نصف ساعة", "half an hour ago"), in seconds.
RELATIVE_FRACTIONS: dict[str, int] = {
    "نصف ساعة": 1800, "ربع ساعة": 900, "ثلث ساعة": 1200, "half an hour": 1800,
    "a quarter of an hour": 900, "une demi-heure": 1800, "un quart d'heure": 900,
    "media hora": 1800, "meia hora": 1800, "einer halben stunde": 1800,
    "einer viertelstunde": 900, "mezz'ora": 1800, "yarım saat": 1800,
}
# Words standing for "one" before a unit ("an hour ago", "il y a une heure", "vor einer Stunde").
RELATIVE_ONE: tuple[str, ...] = (
    "a", "an", "one", "un", "une", "einer", "einem", "una", "uno", "um", "uma", "bir",
)
# Words before the amount ("il y a 3 heures", "منذ 3 ساعات") and after the unit ("3 hours ago").
RELATIVE_BEFORE: tuple[str, ...] = ("il y a", "vor", "hace", "há", "ha", "منذ", "قبل")
RELATIVE_AFTER: tuple[str, ...] = ("ago", "fa", "önce", "once", "назад")
# Unit words that stand alone for "one" after a "since" word ("منذ ساعة": an hour
# ago); a plural without a number ("منذ ساعات": hours ago) is too vague to be a date.
RELATIVE_BARE: tuple[str, ...] = ("دقيقة", "ساعة", "يوم", "أسبوع", "اسبوع")
# Words joining a second amount ("2 hours, 15 minutes ago", "منذ 2 ساعة و 15 دقيقة")
# and words for a half of the first unit ("منذ ساعتين ونصف": two and a half hours).
RELATIVE_AND: tuple[str, ...] = ("and", "et", "und", "y", "e", "و")
RELATIVE_HALF: tuple[str, ...] = ("نصف", "a half", "half", "et demie", "et demi", "y media",
                                  "e mezza", "e meia")
# Weekday names that may stand between a time and its date ("10:05 AM EST, Sat November 28").
WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
    "الأحد", "الاحد",
)
# Day words -> days back, read only with a time ("أمس الساعة 9:30 مساءً", "yesterday at 9:30").
RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "aujourd'hui": 0, "heute": 0, "hoy": 0, "hoje": 0, "oggi": 0, "bugün": 0,
    "сегодня": 0, "اليوم": 0,
    "yesterday": 1, "hier": 1, "gestern": 1, "ayer": 1, "ontem": 1, "ieri": 1, "dün": 1,
    "вчера": 1, "أمس": 1, "امس": 1, "البارحة": 1,
}

# Meta tag names (lower-cased) holding the publication and update dates: Open
# Graph article metadata first (https://ogp.me/#type_article), then other
# conventions (Dublin Core, parse.ly, Sailthru, CMS-specific), read by
# scraper.parse.dates in that order.
META_PRIMARY: dict[str, tuple[str, ...]] = {
    "published": (
        "article:published_time",
        "og:article:published_time",
        "article:published",
        "og:published_time",
        "published_time",
        "article.published",
        "og:pubdate",
    ),
    "updated": (
        "article:modified_time",
        "og:article:modified_time",
        "article:modified",
        "og:modified_time",
        "modified_time",
        "og:updated_time",
        "article:updated_time",
        "updated_time",
    ),
}
META_SECONDARY: dict[str, tuple[str, ...]] = {
    "published": (
        "dc.date.issued",
        "dcterms.issued",
        "dc.date",
        "dcterms.date",
        "dc.date.created",
        "dcterms.created",
        "dc.created",
        "citation_publication_date",
        "citation_date",
        "parsely-pub-date",
        "sailthru.date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "publication_date",
        "date_published",
        "original-publish-date",
        "article_date_original",
        "cxenseparse:recs:publishtime",
        "ptime",
        "displaydate",
        "date",
        "created",
        "creation_date",
        "release_date",
    ),
    "updated": (
        "dc.date.modified",
        "dcterms.modified",
        "dc.modified",
        "last-modified",
        "lastmod",
        "lastmodified",
        "last_modified",
        "last-updated",
        "last_updated",
        "updated",
        "modified",
        "revised",
        "utime",
        "article_date_updated",
    ),
}
# fmt: on

__all__ = [
    "ABBR_HOURS",
    "META_PRIMARY",
    "META_SECONDARY",
    "MONTHS",
    "NAMED_ZONES",
    "PUBLISHED_WORDS",
    "REGION_ZONES",
    "RELATIVE_AFTER",
    "RELATIVE_AND",
    "RELATIVE_BARE",
    "RELATIVE_BEFORE",
    "RELATIVE_DAYS",
    "RELATIVE_DUALS",
    "RELATIVE_FRACTIONS",
    "RELATIVE_HALF",
    "RELATIVE_ONE",
    "RELATIVE_UNITS",
    "UPDATED_WORDS",
    "WEEKDAYS",
]
