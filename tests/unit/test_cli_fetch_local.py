"""``scraper fetch`` without a network: files, file:// URLs, stdin, hints, JSON errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli
from scraper.cli_fetch import suggest_url

TITLE = "افتتاح جسر جديد فوق النهر يختصر الطريق بين ضفتي المدينة"
PARAGRAPHS = [
    "افتتحت البلدية صباح اليوم جسرا جديدا للمشاة والدراجات يربط الحي القديم بالسوق"
    " المركزي، بعد أعمال استمرت قرابة عامين وتأخرت مرتين بسبب الفيضانات.",
    "وقال رئيس البلدية إن الجسر سيختصر رحلة آلاف السكان اليومية من نصف ساعة إلى عشر"
    " دقائق، وإن الإنارة فيه تعمل بالطاقة الشمسية طوال الليل.",
    "ويأمل التجار في السوق أن يجلب الجسر زبائن جددا من الضفة الأخرى، فيما طالب"
    " بعض السكان بمواقف إضافية للدراجات قرب المدخلين.",
]
PAGE = f"""<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{TITLE} | صحيفة الضفتين</title>
<meta property="og:site_name" content="صحيفة الضفتين">
</head><body><article><h1>{TITLE}</h1>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]} <a href="https://banks.example/city/bridge-plan">خطة الجسر</a></p>
<p>{PARAGRAPHS[2]}</p>
</article></body></html>"""


def _page(tmp_path: Path, name: str = "جسر المدينة.html") -> Path:
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_fetch_a_file_url(tmp_path: Path) -> None:
    page = _page(tmp_path)
    result = CliRunner().invoke(cli, ["fetch", page.as_uri(), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == TITLE
    linked = [PARAGRAPHS[0], f"{PARAGRAPHS[1]} خطة الجسر", PARAGRAPHS[2]]
    assert data["body"] == "\n\n".join(linked)
    assert data["language"] == "ar"


def test_fetch_reads_stdin_for_dash() -> None:
    result = CliRunner().invoke(cli, ["fetch", "-", "--json"], input=PAGE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == TITLE
    assert data["site_name"] == "صحيفة الضفتين"
    assert data["links"] == ["https://banks.example/city/bridge-plan"]


def test_fetch_json_has_every_documented_field(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["fetch", str(_page(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    assert list(json.loads(result.stdout)) == [
        "url",
        "canonical_url",
        "title",
        "body",
        "published",
        "updated",
        "language",
        "authors",
        "description",
        "site_name",
        "links",
        "reason",
    ]


def test_a_url_typed_without_scheme_gets_a_suggestion(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["fetch", "news.example/x"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error: cannot read news.example/x: no such file; did you mean https://news.example/x ?"
    )


def test_a_missing_file_gets_no_url_suggestion(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    result = CliRunner().invoke(cli, ["fetch", str(missing)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: cannot read {missing}: no such file"


def test_json_errors_are_a_json_object_on_stdout(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["fetch", "news.example/x", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "error": "cannot read news.example/x: no such file; did you mean https://news.example/x ?"
    }
    binary = tmp_path / "photo.html"
    binary.write_bytes(bytes(range(256)) * 8)
    result = CliRunner().invoke(cli, ["fetch", str(binary), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "error": f"response is not text (binary content) ({binary})"
    }


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("news.example/x", "https://news.example/x"),
        ("www.nile.example", "https://www.nile.example"),
        ("news.example:8080/world?p=2", "https://news.example:8080/world?p=2"),
        ("page.html", None),
        ("./news.example/x", None),
        ("/tmp/story.html", None),
        ("notes", None),
    ],
    ids=["host-path", "bare-host", "port-query", "file-name", "relative-path", "absolute", "word"],
)
def test_suggest_url(target: str, expected: str | None) -> None:
    assert suggest_url(target) == expected
