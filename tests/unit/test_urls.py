"""canonicalize_url: one key per article however it is linked."""

from __future__ import annotations

import pytest

from scraper.sources.urls import canonicalize_url

SLUG = "%D8%AD%D8%B1%D9%8A%D9%82-%D9%81%D9%8A-%D8%A7%D9%84%D9%85%D9%8A%D9%86%D8%A7%D8%A1"
"""حريق-في-الميناء, percent-encoded as UTF-8 with upper-case hex."""


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param(f"https://akhbar.example/ar/{SLUG}", f"https://akhbar.example/ar/{SLUG}",
                     id="arabic-encoded-slug-unchanged"),
        pytest.param("https://akhbar.example/ar/حريق-في-الميناء", f"https://akhbar.example/ar/{SLUG}",
                     id="arabic-raw-slug-encoded"),
        pytest.param(f"https://akhbar.example/ar/{SLUG.lower()}",
                     f"https://akhbar.example/ar/{SLUG}", id="arabic-lowercase-hex-upper-cased"),
        pytest.param("https://akhbar.example/a?utm_source=tw&utm_medium=social&id=7",
                     "https://akhbar.example/a?id=7", id="utm-params-dropped"),
        pytest.param("https://akhbar.example/a?fbclid=XyZ&gclid=1&mc_cid=2&mc_eid=3&ocid=4",
                     "https://akhbar.example/a", id="click-ids-dropped"),
        pytest.param("https://akhbar.example/a?cmpid=rss&ref=home&_ga=2.1&_=1732960000",
                     "https://akhbar.example/a", id="campaign-ref-ga-cachebuster-dropped"),
        pytest.param("https://akhbar.example/watch?v=abc&cb=99",
                     "https://akhbar.example/watch?v=abc", id="v-kept-cb-dropped"),
        pytest.param("https://akhbar.example/a?b=2&a=1&a=0", "https://akhbar.example/a?a=1&a=0&b=2",
                     id="params-sorted-stably"),
        pytest.param("https://akhbar.example/a#comments", "https://akhbar.example/a",
                     id="fragment-dropped"),
        pytest.param("HTTPS://AKHBAR.Example:443/Path", "https://akhbar.example/Path",
                     id="scheme-host-lowercased-default-port-dropped-path-case-kept"),
        pytest.param("http://akhbar.example:80/a", "http://akhbar.example/a", id="port-80-dropped"),
        pytest.param("http://akhbar.example:8080/a", "http://akhbar.example:8080/a",
                     id="other-port-kept"),
        pytest.param("https://akhbar.example", "https://akhbar.example/", id="empty-path-slash"),
        pytest.param("https://مثال.example/خبر", "https://xn--mgbh0fb.example/%D8%AE%D8%A8%D8%B1",
                     id="idna-host"),
        pytest.param("https://akhbar.example/a%2Fb/%7Euser", "https://akhbar.example/a%2Fb/~user",
                     id="encoded-slash-kept-unreserved-decoded"),
        pytest.param("https://akhbar.example/s?q=%d8%a7+b", "https://akhbar.example/s?q=%D8%A7+b",
                     id="query-escapes-upper-cased"),
        pytest.param("  https://akhbar.example/a  ", "https://akhbar.example/a", id="whitespace"),
        pytest.param("mailto:desk@akhbar.example", "mailto:desk@akhbar.example",
                     id="non-http-untouched"),
    ],
)
def test_canonicalize_url(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        pytest.param("../2026/story-one", "https://akhbar.example/ar/news/",
                     "https://akhbar.example/ar/2026/story-one", id="relative-parent"),
        pytest.param("/ar/حريق-في-الميناء?utm_source=x", "https://akhbar.example/index",
                     f"https://akhbar.example/ar/{SLUG}", id="root-relative-arabic"),
        pytest.param("//cdn.akhbar.example/a", "https://akhbar.example/",
                     "https://cdn.akhbar.example/a", id="scheme-relative"),
        pytest.param("https://other.example/x", "https://akhbar.example/",
                     "https://other.example/x", id="absolute-ignores-base"),
        pytest.param("#top", "https://akhbar.example/a?x=1", "https://akhbar.example/a?x=1",
                     id="fragment-only-is-the-page"),
    ],
)
def test_canonicalize_relative(url: str, base: str, expected: str) -> None:
    assert canonicalize_url(url, base=base) == expected


def test_canonical_form_is_stable() -> None:
    once = canonicalize_url("HTTPS://Akhbar.example:443/ar/حريق-في-الميناء?b=1&utm_x=2&a=3#p")
    assert canonicalize_url(once) == once
    assert once == f"https://akhbar.example/ar/{SLUG}?a=3&b=1"
