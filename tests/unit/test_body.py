"""Unit tests of main-text extraction: ``extract_body(page, rules=...)`` on HTML snippets."""

from __future__ import annotations

import json
import logging

import pytest

from scraper.models import SiteRules
from scraper.parse.body import BodyResult, extract_body
from scraper.parse.hints import element_hint
from scraper.parse.page import build_page

URL = "https://news.example/world/2026/11/30/story"

P1 = (
    "The ferry company said on Monday that it would "
    "add a second daily crossing to the island from April."
)
P2 = (
    "Passenger numbers have doubled since the new "
    "terminal opened, and the morning boat is often full by June."
)
P3 = (
    "Local businesses welcomed the decision, saying "
    "that day visitors were the backbone of the summer trade."
)
P4 = (
    "The company did not say how much the extra "
    "sailings would cost, or whether ticket prices would change."
)

AR1 = (
    "قالت وزارة النقل إن الخط الجديد سيربط الميناء بوسط "
    "المدينة خلال أقل من عشرين دقيقة، بعد سنوات من التأخير."
)
AR2 = (
    "وأضاف المتحدث باسم الوزارة أن الرحلات التجريبية "
    "ستبدأ في الربيع المقبل، على أن يفتح الخط للركاب في الصيف."
)
AR3 = (
    "ويأمل سكان الأحياء الشرقية أن يخفف المشروع من "
    "الازدحام الخانق الذي تشهده الطرق في ساعات الذروة؟"
)

JA1 = "市は三十日、駅前の再開発計画を見直し、広場の面積を当初の案より二割広げると発表した。"
JA2 = "住民説明会では「子どもが安心して遊べる場所がほしい」との意見が多く寄せられていた。"
JA3 = "工事は来年の秋に始まり、完成は三年後になる見通しだという。"


def body(html: str, *, rules: SiteRules | None = None, url: str | None = URL) -> BodyResult:
    return extract_body(build_page(html, url), rules=rules or SiteRules())


def article(*paragraphs: str, extra: str = "") -> str:
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    nav = "<nav><a href='/'>Home</a></nav>"
    return f"<html><body>{nav}<article>{ps}{extra}</article></body></html>"


PARAGRAPH_CASES = [
    pytest.param(article(P1, P2, P3), [P1, P2, P3], id="plain-paragraphs"),
    pytest.param(
        article(P1.replace(" ", "\n   "), P2), [P1, P2], id="whitespace-collapsed-in-paragraph"
    ),
    pytest.param(
        f"<html><body><div class='story-body'>{P1}<br><br>{P2}<br>{P3}</div></body></html>",
        [P1, f"{P2} {P3}"],
        id="double-br-splits-single-br-joins",
    ),
    pytest.param(
        article(P1, P2, P3, extra="<script>var x = 'tracking code';</script><style>p{}</style>"),
        [P1, P2, P3],
        id="script-and-style-ignored",
    ),
    pytest.param(
        article(P1, P2, extra=f"<p hidden>{P4}</p><p style='display: none'>{P4}</p>"
                "<div aria-hidden='true'><p>Hidden teaser text that should never appear.</p>"
                "</div>"),
        [P1, P2],
        id="hidden-elements-ignored",
    ),
    pytest.param(
        article(P1, P2, P3, extra="<div class='share-tools'><a href='/s'>Share on Facebook</a>"
                "<a href='/t'>Share on X</a></div>"),
        [P1, P2, P3],
        id="share-bar-inside-article-dropped",
    ),
    pytest.param(
        article(P1, "Advertisement", P2, P3), [P1, P2, P3], id="english-ad-label-dropped"
    ),
    pytest.param(
        article(P1, P2, extra=f"<figure><img src='a.jpg'><figcaption>{P4}</figcaption></figure>"
                f"<p>{P3}</p>"),
        [P1, P2, P3],
        id="figure-caption-dropped",
    ),
    pytest.param(
        "<html><head><title>Ferry adds a second crossing - Island News</title></head><body>"
        "<article><h1>Ferry adds a second crossing</h1>"
        f"<p>{P1}</p><h2>What changes for passengers</h2><p>{P2}</p><p>{P3}</p>"
        "</article></body></html>",
        [P1, "What changes for passengers", P2, P3],
        id="headline-dropped-subhead-kept",
    ),
    pytest.param(
        article(P1, P2, extra="<ul><li>Morning boat at 7:30.</li>"
                "<li>Evening boat at 18:15.</li></ul>"
                f"<blockquote><p>{P3}</p></blockquote>"),
        [P1, P2, "Morning boat at 7:30.", "Evening boat at 18:15.", P3],
        id="list-and-blockquote-kept",
    ),
    pytest.param(
        "<html><body><article><p class='kicker'>Transport</p><p>By Sam Reed</p>"
        "<p>The <a href='/p/ferry'>island ferry</a> adds a <a href='/t/route'>second route</a>"
        " from April.</p>" + "".join(f"<p>{p}</p>" for p in (P2, P3, P4)) + "</article>"
        "</body></html>",
        ["The island ferry adds a second route from April.", P2, P3, P4],
        id="lede-full-of-links-kept-byline-dropped",
    ),
    pytest.param(
        article(P1, P2, P3, extra="<ul><li><a href='/a'>Storm closes the coast road</a></li>"
                "<li><a href='/b'>Council backs new harbour plan</a></li></ul>"),
        [P1, P2, P3],
        id="link-list-dropped",
    ),
    pytest.param(
        "<html><body><div class='main'><div class='col'>"
        f"<p>{P1}</p><p>{P2}</p></div><div class='ad-wrapper'><p>Advertisement</p></div>"
        f"<div class='col'><p>{P3}</p><p>{P4}</p></div></div>"
        "<div class='sidebar'><p>Sign up for our newsletter today, it is free.</p></div>"
        "</body></html>",
        [P1, P2, P3, P4],
        id="body-split-by-ad-is-joined",
    ),
    pytest.param(
        article(P1, P2, P3) + "<section class='comments'><p>" + P4 + "</p><p>" + P4 + "</p>"
        "<p>" + P4 + "</p><p>" + P4 + "</p></section>",
        [P1, P2, P3],
        id="comments-dropped",
    ),
    pytest.param(
        article(P1, "The <a href='/a'>ferry operator</a> told <a href='/b'>the island "
                "council</a> about it on Monday.", P2, P3),
        [P1, "The ferry operator told the island council about it on Monday.", P2, P3],
        id="sentence-full-of-links-kept",
    ),
    pytest.param(
        "<html><body><article><p>By Sam Reed</p><ul><li>A second daily crossing from April."
        "</li><li>Fares are not changing yet.</li></ul>"
        + "".join(f"<p>{p}</p>" for p in (P1, P2, P3)) + "</article></body></html>",
        ["A second daily crossing from April.", "Fares are not changing yet.", P1, P2, P3],
        id="leading-key-points-kept-byline-dropped",
    ),
    pytest.param(
        article(P1, P2, extra="<p>Mayor <b>Ann</b>\n<i>Lee</i> agreed.</p><p>" + P3 + "</p>"),
        [P1, P2, "Mayor Ann Lee agreed.", P3],
        id="space-between-inline-elements-kept",
    ),
    pytest.param(
        article(P1, P2, extra="<p>When <!-- -->Mayor<!-- --> <!-- -->Lee<!-- --> spoke, "
                "<b><a href='/x'>the council</a> </b>agreed.</p><p>" + P3 + "</p>"),
        [P1, P2, "When Mayor Lee spoke, the council agreed.", P3],
        id="space-between-comments-and-inside-inline-end-kept",
    ),
    pytest.param(
        article(P1, P2, extra="<div class='social-embed'><blockquote class='twitter-tweet'>"
                "<p>The new timetable starts in April, finally!</p>&mdash; Island News "
                "(@islandnews) <a href='https://x.example/s/1'>March 2, 2026</a></blockquote>"
                f"</div><p>{P3}</p>"),
        [P1, P2, "The new timetable starts in April, finally!",
         "— Island News (@islandnews) March 2, 2026", P3],
        id="embedded-post-kept-in-social-wrapper",
    ),
    pytest.param(
        article(P1, P2, extra=f"<div class='photo'><img src='a.jpg'><p>{P4} (Photo: "
                f"Ann Lee)</p></div><p>{P3}</p>"),
        [P1, P2, P3],
        id="photo-box-caption-dropped",
    ),
    pytest.param(
        article(P1, P2, P3, extra="<p>(Reporting by Ann Lee; Editing by Sam Reed)</p>"
                "<p>Sign up for our newsletter to get the news in your inbox.</p>"),
        [P1, P2, P3],
        id="credits-and-newsletter-prompt-after-the-text-dropped",
    ),
    pytest.param(
        "<html><body><article><div class='entry'>"
        + "".join(f"<p>{p}</p>" for p in (P1, P2, P3)) + "</div>"
        "<div class='more-box'><h3>You may also like</h3>"
        + "".join(f"<div class='teaser'><p>{p}</p></div>" for p in (P4, P4, P4, P4)) +
        "</div></article></body></html>",
        [P1, P2, P3],
        id="box-opened-by-a-related-heading-dropped",
    ),
    pytest.param(
        article(P1, P2, P3, extra="<ul><li>Ferries run every day in summer.</li></ul>"
                "<h3>More great island stories</h3><ul><li>The harbour gets a new crane.</li>"
                "<li>A bakery opens on the quay.</li></ul>"),
        [P1, P2, P3, "Ferries run every day in summer."],
        id="list-after-a-more-stories-heading-dropped",
    ),
    pytest.param(
        f"<html><body><div class='card'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>",
        [P1, P2, P3],
        id="article-in-a-weakly-hinted-wrapper-found",
    ),
    pytest.param(
        "<html><body><aside class='page'><div class='story'>"
        f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></div></aside></body></html>",
        [P1, P2, P3],
        id="article-wrapped-in-an-aside-is-not-cut",
    ),
]


@pytest.mark.parametrize(("html", "expected"), PARAGRAPH_CASES)
def test_paragraphs(html: str, expected: list[str]) -> None:
    result = body(html)
    assert result.text.split("\n\n") == expected
    assert result.reason is None


def test_arabic_rtl_page_drops_reading_controls_and_ad_label() -> None:
    html = (
        "<html lang='ar' dir='rtl'><body>"
        "<nav><a href='/'>الرئيسية</a><a href='/politics'>سياسة</a></nav>"
        "<div class='maqal'><div><a href='#'>وضع القراءة</a></div><div>100% حجم الخط</div>"
        f"<p>{AR1}</p><div>مادة إعلانية</div><p>{AR2}</p><p>{AR3}</p>"
        "<div>انضم إلى المحادثة</div></div>"
        "<aside><h3>الأكثر قراءة</h3><ul><li><a href='/1'>خبر أول عن الطقس</a></li></ul></aside>"
        "</body></html>"
    )
    result = body(html)
    assert result.text == "\n\n".join([AR1, AR2, AR3])


def test_arabic_punctuation_counts_as_prose() -> None:
    # No Latin punctuation at all: the Arabic comma and question mark must be enough.
    result = body(article(AR1, AR2, AR3))
    assert result.text.split("\n\n") == [AR1, AR2, AR3]


def test_japanese_page_scores_by_characters() -> None:
    html = (
        "<html lang='ja'><body><div class='menu'><a href='/'>トップ</a><a href='/n'>社会</a></div>"
        f"<div class='honbun'><p>{JA1}</p><p>{JA2}</p><p>{JA3}</p></div>"
        "<div class='ranking'><a href='/r'>ランキング一位の記事の見出し</a></div></body></html>"
    )
    assert body(html).text == "\n\n".join([JA1, JA2, JA3])


def test_source_line_breaks_inside_japanese_text_are_not_spaces() -> None:
    html = (
        "<html lang='ja'><body><div class='honbun'>"
        f"<p>{JA1[:10]}\n      {JA1[10:]}</p><p>{JA2}</p><p>{JA3} Wi-Fi もある。</p>"
        "</div></body></html>"
    )
    assert body(html).text.split("\n\n") == [JA1, JA2, f"{JA3} Wi-Fi もある。"]


def test_scattered_article_is_not_lost_to_a_denser_side_box() -> None:
    # Each paragraph sits two wrappers deep, so no element holds sibling paragraphs;
    # the side box is denser but holds a small share of the page's prose.
    sentences = [f"Paragraph {n} of the long report explains one more detail of the plan." for n
                 in range(1, 11)]
    wrapped = "".join(f"<div class='x'><div class='y'><p>{t}</p></div></div>" for t in sentences)
    side = f"<div class='box'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
    result = body(f"<html><body><div class='main'>{wrapped}</div>{side}</body></html>")
    for sentence in sentences:
        assert sentence in result.text.split("\n\n")


def test_links_are_absolute_deduplicated_and_only_from_body() -> None:
    html = article(
        f"{P1} <a href='/reports/ferry.pdf'>The report</a> is online.",
        f"{P2} See <a href='https://other.example/a#part'>this study</a> and "
        "<a href='/reports/ferry.pdf'>the report</a> again, or <a href='#top'>top</a>, "
        "<a href='mailto:desk@news.example'>mail us</a>.",
        P3,
    )
    result = body(html)
    assert result.links == (
        "https://news.example/reports/ferry.pdf",
        "https://other.example/a",
    )


def test_site_rules_body_selectors_win_in_document_order() -> None:
    html = (
        "<html><body><div class='lead'><p>Short lead.</p></div><article>"
        f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
        "<div class='extra'><p>Second part <span class='lead'>nested</span>.</p></div>"
        "</body></html>"
    )
    rules = SiteRules(body=(".extra", ".lead"))
    result = body(html, rules=rules)
    assert result.text == "Short lead.\n\nSecond part nested."


def test_site_rules_remove_selectors_are_dropped_first() -> None:
    promo = "<p class='promo-line'>Buy a season ticket today, it is cheaper.</p>"
    html = article(P1, P2, P3, extra=promo)
    rules = SiteRules(remove=(".promo-line",))
    result = body(html, rules=rules)
    assert result.text == "\n\n".join([P1, P2, P3])


def test_invalid_selector_is_logged_and_ignored(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="scraper.parse.body"):
        result = body(article(P1, P2, P3), rules=SiteRules(remove=("p[",)))
    assert result.text == "\n\n".join([P1, P2, P3])
    assert "p[" in caplog.text


def test_body_selectors_matching_nothing_give_a_reason() -> None:
    result = body(article(P1, P2, P3), rules=SiteRules(body=(".missing",)))
    assert result == BodyResult("", (), "no article found: body selectors matched nothing")


def test_jsonld_article_body_used_when_page_agrees() -> None:
    data = {"@context": "https://schema.org", "@type": "NewsArticle",
            "articleBody": f"{P1}\n{P2}\n{P3}"}
    html = (
        f"<html><head><script type='application/ld+json'>{json.dumps(data)}</script></head>"
        f"<body><div class='teaser'>{P1}</div><a href='/more'>Read the full story</a></body></html>"
    )
    assert body(html).text == "\n\n".join([P1, P2, P3])


def test_jsonld_article_body_not_trusted_when_page_disagrees() -> None:
    html = (
        "<html><head><script type='application/ld+json'>"
        '{"@type": "NewsArticle", '
        f'"articleBody": "{P4} {P4} {P4}"}}</script></head>'
        "<body><p>Nothing to see here.</p></body></html>"
    )
    result = body(html)
    assert result.text == ""
    assert result.reason == "no article found: too little text"


def test_section_front_is_not_an_article() -> None:
    cards = "".join(
        f"<div class='item'><h2><a href='/s{i}'>Headline number {i} about the town</a></h2>"
        f"<p>Short summary {i} of the story, with a few words.</p></div>"
        for i in range(8)
    )
    result = body(f"<html><body><main>{cards}</main></body></html>")
    assert result.text == ""
    assert result.reason == "no article found: section front"


def test_not_found_page() -> None:
    html = (
        "<html><head><title>404 - Page not found</title></head><body>"
        "<h1>We could not find that page</h1><p>Try the search box.</p></body></html>"
    )
    assert body(html) == BodyResult("", (), "no article found: page not found")


def test_consent_wall() -> None:
    html = (
        "<html><body><div class='cmp-dialog'><h2>We value your privacy</h2>"
        "<p>We and our partners use cookies and similar technologies to store and read "
        "information on your device, to measure audiences and to personalise ads.</p>"
        "<p>Select Accept all to agree, or open the settings to choose which purposes you "
        "consent to. You can withdraw your consent at any time.</p>"
        "<a href='/accept'>Accept all</a></div></body></html>"
    )
    assert body(html) == BodyResult("", (), "consent wall")


def test_empty_document() -> None:
    result = body("")
    assert result.text == ""
    assert result.reason is not None and result.reason.startswith("no article found")


def test_navigation_and_footers_are_cut_before_the_walk() -> None:
    html = article(P1, P2, P3).replace(
        "</body>", f"<footer><p>{P4}</p><ul><li><a href='/a'>About us</a></li></ul></footer>"
        f"<figure><figcaption>{P4}</figcaption></figure></body>"
    )
    result = body(html)
    assert result.text == "\n\n".join([P1, P2, P3])
    assert "https://news.example/a" not in result.links


def test_page_tree_is_not_mutated() -> None:
    page = build_page(article(P1, P2, P3, extra="<div class='share'>Share</div>"), URL)
    before = page.tree.html
    extract_body(page, rules=SiteRules(remove=(".share",)))
    assert page.tree.html == before


def test_consumed_page_gives_the_same_body_and_is_cut_in_place() -> None:
    html = article(P1, P2, P3, extra="<script>var tracker = 1;</script><nav>Home</nav>")
    kept = extract_body(build_page(html, URL), rules=SiteRules())
    page = build_page(html, URL)
    consumed = extract_body(page, rules=SiteRules(), consume=True)
    assert consumed == kept
    assert consumed.text == "\n\n".join([P1, P2, P3])
    body_html = page.tree.body.html if page.tree.body else ""
    assert "tracker" not in (body_html or "") and "<nav>" not in (body_html or "")


@pytest.mark.parametrize(
    ("attrs", "tag", "expected"),
    [
        pytest.param({"class": "article-body"}, "div", 2, id="strong-article-marker"),
        pytest.param({"itemprop": "articleBody"}, "div", 2, id="schema-org-itemprop"),
        pytest.param({"class": "c-share-bar"}, "div", -2, id="share-bar"),
        pytest.param({"id": "comments"}, "section", -3, id="comments"),
        pytest.param({"class": "elementor-widget-container"}, "div", -1, id="weak-widget"),
        pytest.param({"class": "maqal"}, "div", 1, id="arabic-transliteration"),
        pytest.param({"class": "tag-minnesota-wild post"}, "article", 1, id="article-never-chrome"),
        pytest.param({}, "aside", -2, id="aside-is-chrome"),
        pytest.param({}, "form", -1, id="form-is-weak-chrome"),
        pytest.param({"hidden": None}, "p", None, id="hidden-attribute"),
        pytest.param({"style": "color: red; display: none"}, "p", None, id="display-none"),
        pytest.param({"class": "row"}, "div", 0, id="neutral"),
        pytest.param({"class": "twitter-tweet"}, "blockquote", 3, id="embedded-post"),
        pytest.param({"class": "rollover-block"}, "span", -2, id="hover-card"),
        pytest.param({"class": "card", "id": "comments"}, "div", -3, id="id-outranks-class"),
        pytest.param({"class": "post-body", "id": "sidebar"}, "div", 2, id="strong-marker-wins"),
    ],
)
def test_element_hint(attrs: dict[str, str | None], tag: str, expected: int | None) -> None:
    assert element_hint(attrs, tag) == expected


def test_pruned_copy_cuts_chrome_and_dead_elements_but_not_the_article() -> None:
    from scraper.parse.prune import pruned_copy

    page = build_page(
        "<html><body><nav><a href='/'>Home</a></nav><script>var x;</script>"
        "<div hidden>Hidden teaser</div><div aria-hidden='false'>Shown</div>"
        f"<aside class='wrap'><div><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></aside>"
        "<footer><p>Contact us</p></footer><figure><figcaption>A caption</figcaption></figure>"
        "</body></html>",
        URL,
    )
    copy = pruned_copy(page.tree)
    assert copy is not None
    text = copy.text(separator=" ")
    assert "Home" not in text and "var x" not in text and "Hidden teaser" not in text
    assert "Contact us" not in text and "A caption" not in text
    assert "Shown" in text and P1 in text
    assert "Contact us" in (page.tree.body.text() if page.tree.body else "")


@pytest.mark.parametrize(
    "label", ["Anzeige", "Publicidad", "Reklam", "Реклама", "פרסומת", "تبلیغات", "اشتہار", "광고"]
)
def test_ad_labels_in_other_languages_are_dropped(label: str) -> None:
    html = article(P1, P2, extra=f"<div class='slot'><span>{label}</span></div><p>{P3}</p>")
    assert body(html).text.split("\n\n") == [P1, P2, P3]


def test_a_next_article_preview_after_the_body_is_left_out() -> None:
    preview = (
        "<div class='next-article'><span>Next article</span><article class='preview'>"
        "<h2><a href='/next'>Council votes on harbour parking</a></h2>"
        "<p>The council will decide on Thursday whether to charge for parking on the "
        "harbour front, after a year of complaints from residents about the traffic.</p>"
        "<p>Traders fear that visitors would go elsewhere, while residents say the "
        "charges are overdue and the money should pay for a shuttle bus.</p></article></div>"
    )
    html = (
        "<html><body><main><div class='story'><h1>Ferry adds a crossing</h1>"
        f"<div class='text'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div>{preview}"
        "</main></body></html>"
    )
    assert body(html).text.split("\n\n") == [P1, P2, P3]


@pytest.mark.parametrize(
    "promo",
    ["WATCH: How the ferry crosses in a storm", "شاهد: كيف تجدد رخصتك في ثلاث خطوات"],
)
def test_a_video_promo_line_inside_the_body_is_dropped(promo: str) -> None:
    clip = f"<div class='clip'><div data-src='/v/1'></div><p>{promo}</p></div>"
    html = article(P1, P2, extra=f"{clip}<p>{P3}</p>")
    assert body(html).text.split("\n\n") == [P1, P2, P3]


def test_urdu_full_stop_ends_a_sentence() -> None:
    # Urdu paragraphs whose only punctuation is the Urdu full stop «۔» (U+06D4).
    ur = [
        "شہر کی نئی میٹرو لائن اگلے سال کے آخر تک کھل جائے گی اور اس پر بارہ اسٹیشن ہوں گے۔",
        "حکام کے مطابق اس لائن پر روزانہ ایک لاکھ سے زیادہ مسافر سفر کریں گے اور رش کم ہوگا۔",
        "منصوبے پر کام تین سال سے جاری ہے اور اس کی لاگت میں پچھلے سال اضافہ ہوا تھا۔",
    ]
    result = body(article(*ur))
    assert result.text.split("\n\n") == ur


def test_a_trending_line_at_the_top_of_the_article_box_does_not_hide_the_article() -> None:
    html = (
        "<html><body><h1>Ferry adds a crossing</h1><div class='x9k2'>"
        "<span>Trending: <a href='/a'>Storm warning</a></span>"
        f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>"
    )
    assert body(html).text.split("\n\n") == [P1, P2, P3]
