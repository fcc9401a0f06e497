"""Unit tests of scraper.charset: declared Latin charsets that lie, and ones that do not."""

from __future__ import annotations

import pytest

from scraper.charset import decode_document, latin_text_is_implausible

ARABIC_STORY = (
    "<h1>المجلس البلدي يقر خطة لتوسيع شبكة الحافلات</h1>"
    "<p>صوت أعضاء المجلس البلدي مساء الثلاثاء على خطة تضيف ثلاثة خطوط جديدة للحافلات "
    "تربط الأحياء الشرقية بوسط المدينة، على أن يبدأ التشغيل التجريبي مطلع الربيع.</p>"
    "<p>وقالت نائبة رئيس المجلس إن الخطة تشمل مواقف مظللة ولوحات تعرض مواعيد الوصول.</p>"
)
RUSSIAN_STORY = (
    "<p>Городской совет одобрил план расширения автобусной сети: три новых маршрута "
    "соединят восточные районы с центром, пробные рейсы начнутся весной.</p>"
)
WESTERN = {
    "fr": "<p>Le député a présenté à l'Assemblée une réforme très attendue ; élèves, "
    "enseignants et élus déçus réclament où et quand la commission siégera.</p>",
    "de": "<p>Die Bürgermeisterin äußerte sich über die Größe der neuen Brücke; die "
    "Straßenbahn fährt später, und Anwohner müssen Umwege über Öffnungszeiten planen.</p>",
    "es": "<p>El pequeño equipo comió piña en la montaña; según el alcalde, la situación "
    "mejorará después del invierno, ¿verdad? Los niños celebraron el año nuevo.</p>",
    "pt": "<p>A população não está satisfeita com a decisão; à noite, milhões saíram às "
    "ruas e as manifestações só terminaram após a votação no Conselho.</p>",
    "is": "<p>Þjóðin kaus í gær og úrslitin voru óvænt að mati ýmissa sérfræðinga á "
    "Íslandi, sagði fréttastofan.</p>",
}


def page(body: str, *, meta: str | None = None, lang: str | None = None) -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    meta_tag = f'<meta charset="{meta}">' if meta else ""
    return f"<!doctype html><html{lang_attr}><head>{meta_tag}<title>t</title></head>{body}</html>"


@pytest.mark.parametrize(
    ("meta", "header"),
    [
        pytest.param("iso-8859-1", None, id="meta-iso-8859-1"),
        pytest.param("windows-1252", None, id="meta-windows-1252"),
        pytest.param(None, "ISO-8859-1", id="header-iso-8859-1"),
        pytest.param("iso-8859-1", "iso-8859-1", id="both-latin"),
    ],
)
def test_arabic_cp1256_wrongly_declared_latin_is_recovered(
    meta: str | None, header: str | None
) -> None:
    html = page(ARABIC_STORY, meta=meta)
    text, encoding = decode_document(html.encode("cp1256"), declared=header)
    assert encoding == "cp1256"
    assert text == html
    assert "خطة لتوسيع شبكة الحافلات" in text
    assert "Ç" not in text


def test_latin_header_then_true_meta_declaration_wins() -> None:
    html = page(ARABIC_STORY, meta="windows-1256")
    text, encoding = decode_document(html.encode("cp1256"), declared="iso-8859-1")
    assert (encoding, text) == ("cp1256", html)


def test_short_arabic_page_falls_back_on_the_language_charset() -> None:
    # two Arabic words only: too short for statistical detection
    html = page("<p>Menu</p><p>خبر عاجل</p>", meta="iso-8859-1", lang="ar")
    text, encoding = decode_document(html.encode("cp1256"))
    assert (encoding, text) == ("cp1256", html)


def test_cyrillic_cp1251_wrongly_declared_latin_is_recovered() -> None:
    html = page(RUSSIAN_STORY, meta="windows-1252")
    text, encoding = decode_document(html.encode("cp1251"))
    assert (encoding, text) == ("cp1251", html)


@pytest.mark.parametrize("lang", sorted(WESTERN))
@pytest.mark.parametrize("with_lang", [True, False], ids=["lang", "no-lang"])
def test_real_latin1_western_pages_stay_latin(lang: str, with_lang: bool) -> None:
    html = page(WESTERN[lang], meta="iso-8859-1", lang=lang if with_lang else None)
    text, encoding = decode_document(html.encode("latin-1"))
    assert encoding == "cp1252"
    assert text == html


def test_iso_8859_15_euro_sign_page_stays() -> None:
    html = page("<p>Le billet coûte 12 € à l'entrée, réduit à 8 € pour les élèves.</p>")
    html = html.replace("<head>", '<head><meta charset="iso-8859-15">')
    text, encoding = decode_document(html.encode("iso-8859-15"))
    assert (encoding, text) == ("iso8859-15", html)


def test_arabic_language_page_with_real_latin_text_keeps_its_charset() -> None:
    html = page("<p>Menu: café, news, sport and weather for our readers.</p>", lang="ar")
    html = html.replace("<head>", '<head><meta charset="windows-1252">')
    text, encoding = decode_document(html.encode("cp1252"))
    assert (encoding, text) == ("cp1252", html)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(page(ARABIC_STORY).encode("cp1256").decode("cp1252"), True, id="mojibake"),
        pytest.param(page(WESTERN["fr"]), False, id="french"),
        pytest.param(page(WESTERN["de"]), False, id="german"),
        pytest.param(page("<p>Menu and café</p>", lang="ar"), True, id="ar-lang-with-accent"),
        pytest.param(page("<p>Menu and news</p>", lang="ar"), False, id="ar-lang-ascii-only"),
        pytest.param(page("<p>Menu and café</p>", lang="fr"), False, id="fr-lang-with-accent"),
        pytest.param(
            "<script>var s = 'ÇáãíäÇÁ íÓÊÞÈá';</script><p>news</p>", False, id="in-script"
        ),
    ],
)
def test_latin_text_is_implausible(text: str, expected: bool) -> None:
    assert latin_text_is_implausible(text) is expected


def test_correct_declarations_are_unchanged() -> None:
    html = page(ARABIC_STORY, meta="windows-1256")
    assert decode_document(html.encode("cp1256")) == (html, "cp1256")
    assert decode_document(html.encode("utf-8"), declared="utf-8") == (html, "utf-8")
