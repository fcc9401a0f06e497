"""Words and names that mark dates in visible text: data, no logic.

Read by :mod:`scraper.parse.datetext`. Month names (full, abbreviated and
genitive forms) in English, French, German, Spanish, Portuguese, Italian, Russian,
Turkish and Arabic (Egyptian/Gulf ``يناير``, Levantine ``كانون الثاني``,
Maghreb ``جانفي``); zone abbreviations with their UTC offsets in hours; US region
zones as IANA names; the words that announce a publication or an update date;
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
# Zones named in words, with their fixed offsets in hours (none of them has
# daylight saving time).
NAMED_ZONES: dict[str, int] = {
    "بتوقيت غرينتش": 0, "بتوقيت جرينتش": 0, "بتوقيت مكة المكرمة": 3, "بتوقيت مكة": 3,
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
# Words standing for "one" before a unit ("an hour ago", "il y a une heure", "vor einer Stunde").
RELATIVE_ONE: tuple[str, ...] = (
    "a", "an", "one", "un", "une", "einer", "einem", "una", "uno", "um", "uma", "bir",
)
# Words before the amount ("il y a 3 heures", "منذ 3 ساعات") and after the unit ("3 hours ago").
RELATIVE_BEFORE: tuple[str, ...] = ("il y a", "vor", "hace", "há", "ha", "منذ", "قبل")
RELATIVE_AFTER: tuple[str, ...] = ("ago", "fa", "önce", "once", "назад")
# Day words -> days back, read only with a time ("أمس الساعة 9:30 مساءً", "yesterday at 9:30").
RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "aujourd'hui": 0, "heute": 0, "hoy": 0, "hoje": 0, "oggi": 0, "bugün": 0,
    "сегодня": 0, "اليوم": 0,
    "yesterday": 1, "hier": 1, "gestern": 1, "ayer": 1, "ontem": 1, "ieri": 1, "dün": 1,
    "вчера": 1, "أمس": 1, "امس": 1, "البارحة": 1,
}
# fmt: on

__all__ = [
    "ABBR_HOURS",
    "MONTHS",
    "NAMED_ZONES",
    "PUBLISHED_WORDS",
    "REGION_ZONES",
    "RELATIVE_AFTER",
    "RELATIVE_BEFORE",
    "RELATIVE_DAYS",
    "RELATIVE_DUALS",
    "RELATIVE_ONE",
    "RELATIVE_UNITS",
    "UPDATED_WORDS",
]
