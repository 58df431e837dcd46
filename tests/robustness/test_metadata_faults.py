"""Metadata faults: a bad sidecar row, a NaN id, an impossible publication date.

Each costs only the field or row it is in, and says so naming the file and line.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from checker.load import iter_articles
from checker.model import Article, ArticleError

RUN_DATE = dt.date(2024, 3, 21)  # --published: what an article without a usable date gets
PLAIN = "Works on the bridge are now 58% complete, the city engineer said."


def _by_id(folder: Path) -> dict[str, Article | ArticleError]:
    items = list(iter_articles([folder], published=RUN_DATE))
    return {(i.article if isinstance(i, ArticleError) else i.id): i for i in items}


def _article(item: Article | ArticleError) -> Article:
    assert isinstance(item, Article), item
    return item


def test_a_duplicate_sidecar_row_warns_naming_file_and_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "articles.csv").write_text(
        "file,title\na.txt,First title\nb.txt,Other\na.txt,Second title\n", encoding="utf-8"
    )
    with caplog.at_level(logging.WARNING):
        got = _by_id(tmp_path)
    assert _article(got["a.txt"]).title == "Second title"
    assert (
        f"{tmp_path / 'articles.csv'}:4: a second row for 'a.txt'; it replaces the one on line 2"
        in caplog.text
    )


def test_a_huge_sidecar_cell_costs_only_its_row(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(PLAIN, encoding="utf-8")
    huge = "x" * (200 * 1024)
    (tmp_path / "articles.csv").write_text(
        f'file,title,source\na.txt,Title A,wire\nb.txt,{huge},wire\n"c.txt","Title\nC",wire\n',
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        got = _by_id(tmp_path)
    assert (_article(got["a.txt"]).title, _article(got["a.txt"]).source) == ("Title A", "wire")
    assert (_article(got["c.txt"]).title, _article(got["c.txt"]).source) == ("Title\nC", "wire")
    assert _article(got["b.txt"]).source is None  # its row is skipped, the file is still read
    assert (
        f"{tmp_path / 'articles.csv'}:3: sidecar row skipped: not valid CSV (field larger than field limit"
        in (caplog.text)
    )


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize("field", ["id", "title", "published"])
def test_json_nan_or_infinity_in_metadata_is_an_error_naming_the_line(
    tmp_path: Path, field: str, value: str
) -> None:
    (tmp_path / "feed.jsonl").write_text(
        f'{{"id": "ok", "text": "{PLAIN}"}}\n{{"{field}": {value}, "text": "{PLAIN}"}}\n', encoding="utf-8"
    )
    (tmp_path / "list.json").write_text(f'[{{"text": "{PLAIN}", "{field}": {value}}}]', encoding="utf-8")
    got = _by_id(tmp_path)
    assert isinstance(got["ok"], Article)
    for key, label in (("feed.jsonl:2", "line 2"), ("list.json:1", "record 1")):
        error = got[key]
        assert isinstance(error, ArticleError), error
        assert error.reason == f"{label}: the {field} field is NaN or Infinity, not a value; fix the record"
    assert not [i for i in got.values() if isinstance(i, Article) and i.title in ("nan", "inf", "-inf")]


def test_an_rfc_date_with_year_0001_is_not_read_as_2001(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(
        f'{{"text": "{PLAIN}", "published": "Mon, 01 Jan 0001 00:00:00 +0000"}}', encoding="utf-8"
    )
    assert _article(_by_id(tmp_path)["a.json"]).published == RUN_DATE


FAR_DATES = {
    "front matter": ("a.md", f"---\npublished: 9000-03-01\n---\n{PLAIN}\n"),
    "front matter, early": ("a.md", f"---\ndate: 1066-10-14\n---\n{PLAIN}\n"),
    "HTML meta": (
        "a.html",
        '<html><head><meta property="article:published_time" content="9999-12-31T10:00:00Z"></head>'
        f"<body><article><p>{PLAIN}</p></article></body></html>",
    ),
    "JSON": ("a.json", f'{{"text": "{PLAIN}", "published": "2401-01-01"}}'),
    "sidecar": ("a.txt", PLAIN),
}


@pytest.mark.parametrize(("name", "content"), FAR_DATES.values(), ids=FAR_DATES.keys())
def test_a_publication_date_outside_1800_to_2200_is_a_warning_and_ignored(
    tmp_path: Path, name: str, content: str, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    if name == "a.txt":
        (tmp_path / "articles.csv").write_text("file,published\na.txt,9000-01-01\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        article = _article(_by_id(tmp_path)[name])
    assert article.published == RUN_DATE
    assert f"{tmp_path / name}: publication date" in caplog.text
    assert "is not between 1800 and 2200; ignored" in caplog.text
