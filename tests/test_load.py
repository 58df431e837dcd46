"""Loading article sets: every format, metadata route, encoding and error case.

Files are written to tmp_path from our own sentences; the shared corpus and seeds are read
from ../shared (never copied).
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import load
from checker.errors import InputError
from checker.load import decode, iter_articles
from checker.load.html import _trafilatura
from checker.model import Article, ArticleError

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
CORPUS = SHARED / "corpus" / "articles"
SEEDS = SHARED / "seeds"


def _shared(path: Path) -> Path:
    assert path.is_dir(), f"shared test data missing: {path.resolve()} (clone ../shared next to the repo)"
    return path


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def _load(*paths: Path, published: dt.date | None = None) -> list[Article | ArticleError]:
    return list(iter_articles(list(paths), published=published))


def _one(path: Path) -> Article:
    items = _load(path)
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, Article), item
    return item


def _articles(items: list[Article | ArticleError]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _errors(items: list[Article | ArticleError]) -> list[ArticleError]:
    return [i for i in items if isinstance(i, ArticleError)]


# --- formats ---------------------------------------------------------------------------------

PLAIN = "Runoff count ends\nTurnout in the runoff reached 61.2%, the board said on Monday.\n"
PLAIN_FIGURE_AT = PLAIN.index("61.2%")

HTML_PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<meta property="og:title" content="Council vote: turnout tops 61%">
<meta property="article:published_time" content="2023-05-07T21:15:00+01:00">
<title>Council vote | The Daily Example</title>
<script>window.stats = {share: "12%"};</script>
<style>.meter { width: 33%; }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics: 99% of stories</a></nav>
<header><p>Weather: 18% chance of rain</p></header>
<article>
<h1>Council vote: turnout tops 61%</h1>
<p>BRIGHTWATER, 7 May 2023 &ndash; Turnout in the council election reached 61.4%, the
returning officer said late on Sunday, the highest in two decades.</p>
<!-- an editor's note: 77% draft -->
<p>The Green list took 38.2% of the vote<br>and the Harbour party 29.5%, leaving the
governing bloc third with 21.7% after a campaign dominated by housing and the port.</p>
<noscript>Enable scripts to see 88% more</noscript>
<template><p>Template text 55%</p></template>
<div hidden>Hidden 66%</div>
<p><![CDATA[ cdata 44% ]]>Counting staff worked through the night in the old town hall.</p>
</article>
<aside>Most read: 91% of readers agree</aside>
<footer>Copyright 2023, all 100% rights reserved</footer>
</body></html>
"""

HTML_HIDDEN = ("12%", "33%", "99%", "18%", "77%", "88%", "55%", "66%", "44%", "91%", "100%")
HTML_VISIBLE = ("61.4%", "38.2%", "29.5%", "21.7%", "BRIGHTWATER, 7 May 2023", "Counting staff worked")

# (case id, file name, content, expected fields of the one article)
FORMAT_CASES: list[tuple[str, str, str | bytes, dict[str, object]]] = [
    (
        "txt-plain",
        "runoff.txt",
        PLAIN,
        {
            "id": "runoff.txt",
            "text": PLAIN,
            "title": "Runoff count ends",
            "encoding": "utf-8",
            "language": "en",
        },
    ),
    (
        "md-front-matter",
        "note.md",
        "---\ntitle: Harbour ballot\npublished: 2023-05-08\nsource: Example Wire\n"
        "url: https://example.org/harbour\nid: harbour-1\nlanguage: en\n---\n" + PLAIN,
        {
            "id": "harbour-1",
            "text": PLAIN,
            "title": "Harbour ballot",
            "published": dt.date(2023, 5, 8),
            "source": "Example Wire",
            "url": "https://example.org/harbour",
            "language": "en",
        },
    ),
    (
        "md-front-matter-aliases",
        "alias.md",
        "---\ndate: '2023-05-09T08:00:00Z'\noutlet: \"Example Wire\"\nlang: de\n# a comment\n---\nText.\n",
        {"text": "Text.\n", "published": dt.date(2023, 5, 9), "source": "Example Wire", "language": "de"},
    ),
    (
        "md-heading-title",
        "heading.md",
        "# Runoff count ends\n\nTurnout reached 61.2%.\n",
        {"title": "Runoff count ends", "text": "# Runoff count ends\n\nTurnout reached 61.2%.\n"},
    ),
    (
        "md-leading-rule-is-not-front-matter",
        "rule.md",
        "---\nTurnout reached 61.2% on Monday.\n---\nMore text.\n",
        {"text": "---\nTurnout reached 61.2% on Monday.\n---\nMore text.\n", "published": None},
    ),
    (
        "html-page",
        "council.html",
        HTML_PAGE,
        {
            "id": "council.html",
            "title": "Council vote: turnout tops 61%",
            "published": dt.date(2023, 5, 7),
            "language": "en",
        },
    ),
    (
        "json-object",
        "one.json",
        json.dumps(
            {
                "id": 17,
                "headline": "Harbour ballot",
                "body": "Turnout reached 61.2%.",
                "date": "2023-05-08T10:00:00+02:00",
                "publisher": "Example Wire",
                "link": "https://example.org/h",
                "lang": "en",
            }
        ),
        {
            "id": "17",
            "title": "Harbour ballot",
            "text": "Turnout reached 61.2%.",
            "published": dt.date(2023, 5, 8),
            "source": "Example Wire",
            "url": "https://example.org/h",
        },
    ),
    (
        "json-content-html",
        "cms.json",
        json.dumps({"content": "<p>Turnout reached 61.2%.</p><script>x='5%'</script><p>Count over.</p>"}),
        {"id": "cms.json", "text": "Turnout reached 61.2%.\n\nCount over."},
    ),
    (
        "json-paragraph-list",
        "paras.json",
        json.dumps({"text": ["Turnout reached 61.2%.", "Count over."]}),
        {"text": "Turnout reached 61.2%.\n\nCount over."},
    ),
    (
        "json-crlf-in-text",
        "crlf.json",
        json.dumps({"text": "Runoff\r\nTurnout reached 61.2%."}),
        {"text": "Runoff\nTurnout reached 61.2%.", "title": "Runoff"},
    ),
    (
        "other-extension-named-explicitly",
        "wire.dat",
        PLAIN,
        {"id": "wire.dat", "text": PLAIN},
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "expected"), [c[1:] for c in FORMAT_CASES], ids=[c[0] for c in FORMAT_CASES]
)
def test_format(tmp_path: Path, name: str, content: str | bytes, expected: dict[str, object]) -> None:
    article = _one(_write(tmp_path, name, content))
    got = {key: getattr(article, key) for key in expected}
    assert got == expected


def test_html_keeps_visible_text_only(tmp_path: Path) -> None:
    text = _one(_write(tmp_path, "council.html", HTML_PAGE)).text
    for hidden in HTML_HIDDEN:
        assert hidden not in text, f"{hidden!r} is not visible on the page"
    for visible in HTML_VISIBLE:
        assert visible in text
    assert "\n\n" in text  # paragraph breaks kept
    assert text.startswith("Council vote: turnout tops 61%")  # the headline leads


def test_trafilatura_runs_on_news_pages(caplog: pytest.LogCaptureFixture) -> None:
    """The news-page parser itself works in this install (not only the fallback walk).

    lxml 5.2 moved ``lxml.html.clean`` to the separate ``lxml_html_clean`` distribution,
    which trafilatura's HTML cleaning imports; without it every page falls back.
    """
    text, _title, _date = _trafilatura(HTML_PAGE)
    assert "trafilatura failed" not in caplog.text
    assert all(visible in text for visible in HTML_VISIBLE)


SHORT_PAGES = [
    ("bare-paragraph", "<p>Turnout was 58%.</p>", "Turnout was 58%."),
    (
        "br-and-list",
        "<html><body><div>Results<br>Green 38.2%</div><ul><li>Harbour 29.5%</li></ul></body></html>",
        "Results\nGreen 38.2%\n\nHarbour 29.5%",
    ),
    ("table-cells", "<table><tr><td>Green</td><td>38.2%</td></tr></table>", "Green\t38.2%"),
    (
        "entities",
        "<p>Turnout rose &gt; 5&nbsp;points to 58&#37;.</p>",
        "Turnout rose > 5\u00a0points to 58%.",
    ),
]


@pytest.mark.parametrize(("html", "text"), [c[1:] for c in SHORT_PAGES], ids=[c[0] for c in SHORT_PAGES])
def test_short_html_pages_fall_back_to_visible_text(tmp_path: Path, html: str, text: str) -> None:
    assert _one(_write(tmp_path, "short.html", html)).text == text


def test_html_text_after_comments_and_xml_declaration(tmp_path: Path) -> None:
    body = "".join(
        f"<p>District {n} reported turnout of 6{n}.5%<!-- checked --> among registered voters, "
        "the returning officer said in a statement on Sunday evening.</p>"
        for n in range(6)
    )
    page = f'<?xml version="1.0" encoding="utf-8"?><html><body><article>{body}</article></body></html>'
    text = _one(_write(tmp_path, "districts.xhtml", page)).text
    for n in range(6):
        assert f"6{n}.5% among registered voters" in text
    assert "checked" not in text


def test_html_dates_from_time_element_and_declared_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "</head><body><article><time datetime='2024-03-21T09:00'>21 March</time>"
        "<p>Явка составила 77,49%, это был рекорд для избирательной комиссии.</p></article></body></html>"
    )
    article = _one(_write(tmp_path, "ru.html", page.encode("cp1251")))
    assert (article.published, article.encoding, article.language) == (dt.date(2024, 3, 21), "cp1251", "ru")
    assert "Явка составила 77,49%" in article.text


def test_json_list_and_wrapper_ids(tmp_path: Path) -> None:
    records = [{"text": "First 61.2%."}, {"id": "b", "text": "Second 38.2%."}]
    _write(tmp_path, "list.json", json.dumps(records))
    _write(tmp_path, "wrapped.json", json.dumps({"articles": [{"text": "Third 29.5%."}]}))
    got = [(a.id, a.text, a.line) for a in _articles(_load(tmp_path))]
    assert got == [
        ("list.json:1", "First 61.2%.", None),
        ("b", "Second 38.2%.", None),
        ("wrapped.json:1", "Third 29.5%.", None),
    ]


def test_jsonl_records_errors_and_line_numbers(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "text": "Turnout reached 61.2%.", "published": "2023-05-08"}),
        '{"id": "r2" "text": "missing comma"}',
        "",
        json.dumps({"id": "r4", "title": "No body here"}),
        json.dumps({"text": "Count over at 38.2%."}),
        "[1, 2]",
    ]
    path = _write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    items = _load(path)
    assert [(a.id, a.line, a.published) for a in _articles(items)] == [
        ("r1", 1, dt.date(2023, 5, 8)),
        ("feed.jsonl:5", 5, None),
    ]
    assert [(e.article, e.line, e.reason) for e in _errors(items)] == [
        ("feed.jsonl:2", 2, "line 2: not valid JSON: Expecting ',' delimiter"),
        ("feed.jsonl:4", 4, "line 4: record has no text (no text, body or content field)"),
        ("feed.jsonl:6", 6, "line 6: not a JSON object"),
    ]
    assert str(_errors(items)[0]) == f"{path}:2: line 2: not valid JSON: Expecting ',' delimiter"


def test_jsonl_line_in_another_encoding(tmp_path: Path) -> None:
    good = json.dumps({"text": "Turnout reached 61.2%."}).encode()
    odd = json.dumps({"text": "Participation “record” – 61.4%."}, ensure_ascii=False).encode("cp1252")
    items = _load(_write(tmp_path, "mixed.jsonl", good + b"\n" + odd + b"\n"))
    assert [(a.text, a.encoding) for a in _articles(items)] == [
        ("Turnout reached 61.2%.", "utf-8"),
        ("Participation “record” – 61.4%.", "cp1252"),
    ]


# --- encodings and offsets -------------------------------------------------------------------

RUSSIAN = "Итоги выборов\nЯвка составила 77,49%, это был рекорд, сообщили в комиссии.\n"
UKRAINIAN = "Підсумки виборів\nЯвка становила 61,2%, повідомила Центральна виборча комісія у четвер.\n"
WESTERN = "Résultat\nLe « oui » l’emporte avec 61,2 % – selon la commission électorale.\n"

# (case id, bytes, expected text, expected encoding)
ENCODING_CASES: list[tuple[str, bytes, str, str]] = [
    ("utf-8", PLAIN.encode(), PLAIN, "utf-8"),
    ("utf-8-bom", codecs.BOM_UTF8 + PLAIN.encode(), PLAIN, "utf-8-sig"),
    ("crlf", PLAIN.replace("\n", "\r\n").encode(), PLAIN, "utf-8"),
    ("lone-cr", PLAIN.replace("\n", "\r").encode(), PLAIN, "utf-8"),
    ("bom-and-crlf", codecs.BOM_UTF8 + PLAIN.replace("\n", "\r\n").encode(), PLAIN, "utf-8-sig"),
    ("utf-16-le-bom", codecs.BOM_UTF16_LE + PLAIN.encode("utf-16-le"), PLAIN, "utf-16"),
    ("utf-16-be-bom", codecs.BOM_UTF16_BE + PLAIN.encode("utf-16-be"), PLAIN, "utf-16"),
    ("utf-32-bom", PLAIN.encode("utf-32"), PLAIN, "utf-32"),
    ("utf-16-le-no-bom", PLAIN.encode("utf-16-le"), PLAIN, "utf-16-le"),
    ("cp1252-quotes-dash", WESTERN.encode("cp1252"), WESTERN, "cp1252"),
    ("latin-1-read-as-cp1252", "Résultat: 61,2 %, a déclaré le préfet.\n".encode("latin-1"),
     "Résultat: 61,2 %, a déclaré le préfet.\n", "cp1252"),
    ("cp1250-polish", "Frekwencja wyniosła 61,2% w Łodzi.\n".encode("cp1250"),
     "Frekwencja wyniosła 61,2% w Łodzi.\n", "cp1250"),
    ("cp1251-russian", RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
    ("cp1251-ukrainian", UKRAINIAN.encode("cp1251"), UKRAINIAN, "cp1251"),
    ("koi8-r-russian", RUSSIAN.encode("koi8-r"), RUSSIAN, "koi8-r"),
    ("cp1251-after-long-ascii", (PLAIN * 3000 + RUSSIAN).encode("cp1251"), PLAIN * 3000 + RUSSIAN, "cp1251"),
    ("nul-and-controls-become-spaces", PLAIN.replace("the board", "the\x00board\x07").encode(),
     PLAIN.replace("the board", "the board "), "utf-8"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "text", "encoding"), [c[1:] for c in ENCODING_CASES], ids=[c[0] for c in ENCODING_CASES]
)
def test_encoding(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    article = _one(_write(tmp_path, "a.txt", data))
    assert (article.text, article.encoding) == (text, encoding)


OFFSET_CASES = [
    ("crlf", PLAIN.replace("\n", "\r\n").encode()),
    ("utf-8-bom", codecs.BOM_UTF8 + PLAIN.encode()),
    ("utf-16-bom-crlf", PLAIN.replace("\n", "\r\n").encode("utf-16")),
    ("nul-before-figure", PLAIN.replace("Turnout", "Turn\x00ut").encode()),
    ("front-matter", b"---\ntitle: Runoff\n---\n" + PLAIN.encode()),
]


@pytest.mark.parametrize("data", [c[1] for c in OFFSET_CASES], ids=[c[0] for c in OFFSET_CASES])
def test_offsets_index_the_normalised_text(tmp_path: Path, data: bytes) -> None:
    text = _one(_write(tmp_path, "a.md", data)).text
    # The figure sits where it sits in the plain LF version of the article.
    assert text[PLAIN_FIGURE_AT : PLAIN_FIGURE_AT + 5] == "61.2%"
    assert len(text) == len(PLAIN)


# --- errors ------------------------------------------------------------------------------------

# (case id, file name, bytes, exact reason)
ERROR_CASES: list[tuple[str, str, bytes, str]] = [
    ("empty", "a.txt", b"", "empty file"),
    ("white-space", "a.txt", b" \r\n\t\n", "empty file (only white space)"),
    ("nul-bytes", "a.txt", b"\x00\x01\x02\x03" * 50 + b"Turnout 61%", "binary file (contains NUL bytes)"),
    ("pdf", "a.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF document)"),
    ("gzip", "a.txt", b"\x1f\x8b\x08\x00\x00\x00", "binary file (gzip archive)"),
    ("control-characters", "a.txt", b"\x01\x02\x03\x04\x05\x06 vote 61% " * 20,
     "binary file (mostly control characters)"),
    ("undecodable", "a.txt", bytes(range(0x80, 0x100)) * 3,
     "not valid UTF-8, cp1252 or any detected encoding"),
    ("bad-utf-16", "a.txt", codecs.BOM_UTF16_LE + b"\x00\xd8",
     "not valid UTF-16 although it starts with a UTF-16 mark"),
    ("front-matter-only", "a.md", b"---\ntitle: Nothing\n---\n\n", "no text after the front matter"),
    ("html-without-text", "a.html", b"<html><script>var a = '61%';</script></html>",
     "no visible text in the HTML page"),
    ("html-unclosed-tags", "a.html", b"<meta " * 20_000 + b"Turnout 61%", "no visible text in the HTML page"),
    ("json-syntax", "a.json", b'{"text": "x" "y"}', "not valid JSON: Expecting ',' delimiter"),
    ("json-deep", "a.json", b"[" * 100_000 + b"]" * 100_000, "JSON nested too deeply"),
    ("json-scalar", "a.json", b"42", "JSON file holds neither an article object nor a list of them"),
    ("json-no-text", "a.json", b'{"title": "Only a title"}',
     "record has no text (no text, body or content field)"),
    ("json-list-item", "a.json", b'[{"text": "ok 61%"}, "just a string"]', "record 2: not a JSON object"),
    ("jsonl-empty", "a.jsonl", b"\n\n  \n", "empty file (only white space)"),
    ("jsonl-binary", "a.jsonl", b"\x00\x01" * 100, "binary file (contains NUL bytes)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "reason"), [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES]
)
def test_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = _write(tmp_path, name, data)
    errors = _errors(_load(path))
    assert [e.reason for e in errors] == [reason]
    assert errors[0].path == str(path)


def test_errors_do_not_stop_the_run(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", b"")
    _write(tmp_path, "b.txt", PLAIN)
    _write(tmp_path, "c.json", b"{")
    _write(tmp_path, "d.txt", PLAIN)
    items = _load(tmp_path)
    assert [(type(i).__name__, i.id if isinstance(i, Article) else i.article) for i in items] == [
        ("ArticleError", "a.txt"),
        ("Article", "b.txt"),
        ("ArticleError", "c.json"),
        ("Article", "d.txt"),
    ]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "locked.txt", PLAIN)
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    assert [e.reason for e in _errors(_load(path))] == ["cannot read file: permission denied"]


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: takes no disk space
        f.truncate(load.MAX_BYTES + 1024 * 1024)
    assert [e.reason for e in _errors(_load(path))] == ["file too large (201 MB; the limit is 200 MB)"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_named_pipe_is_not_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert [e.reason for e in _errors(_load(pipe))] == ["not a regular file"]
    assert _load(tmp_path) == []  # in a folder it is skipped, never opened (that would block)


def test_missing_path_raises_before_anything_is_read(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", PLAIN)
    with pytest.raises(InputError) as err:
        iter_articles([tmp_path / "a.txt", tmp_path / "missing"])
    assert str(err.value) == f"{tmp_path / 'missing'}: no such file or folder"


# --- folders, sidecars and ids ----------------------------------------------------------------


def test_folder_order_types_and_hidden_files(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.txt", "z.jsonl", "notes.docx", ".hidden.txt",
                 ".git/e.txt", "image.png", "sub/readme"]:  # fmt: skip
        content = json.dumps({"text": "Turnout 61%."}) if name.endswith(".jsonl") else "<p>Turnout 61%.</p>"
        _write(tmp_path, name, content)
    assert [a.id for a in _articles(_load(tmp_path))] == ["a.md", "b.txt", "c.html", "d.txt", "z.jsonl:1"]


def test_sidecar_metadata(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "articles.csv",
        "file,id,title,published,outlet,url,language,note\n"
        "a.txt,,Sidecar title,2023-05-08,Example Wire,https://example.org/a,,ignored\n"
        "b.md,b-1,,,,,,\n"
        "sub/c.txt,,,2023-05-10,,,fr,\n"
        "feed.jsonl,,,2023-05-11,Feed Wire,,,\n",
    )
    _write(tmp_path, "a.txt", PLAIN)
    _write(tmp_path, "b.md", "---\ntitle: Own title\npublished: 2023-01-01\n---\n" + PLAIN)
    _write(tmp_path, "sub/c.txt", PLAIN)
    _write(tmp_path, "feed.jsonl", json.dumps({"text": "Turnout 61%.", "source": "Own Wire"}) + "\n")
    got = [(a.id, a.title, a.published, a.source, a.url, a.language) for a in _articles(_load(tmp_path))]
    assert got == [
        ("a.txt", "Sidecar title", dt.date(2023, 5, 8), "Example Wire", "https://example.org/a", "en"),
        ("b-1", "Own title", dt.date(2023, 1, 1), None, None, "en"),
        ("feed.jsonl:1", "Turnout 61%.", dt.date(2023, 5, 11), "Own Wire", None, None),  # too short to tell
        ("c.txt", "Runoff count ends", dt.date(2023, 5, 10), None, None, "fr"),
    ]


def test_sidecar_applies_to_a_file_named_explicitly(tmp_path: Path) -> None:
    _write(tmp_path, "articles.csv", "file,published\na.txt,2023-05-08\n")
    path = _write(tmp_path, "a.txt", PLAIN)
    assert _one(path).published == dt.date(2023, 5, 8)


def test_sidecar_without_file_column(tmp_path: Path) -> None:
    _write(tmp_path, "articles.csv", "name,published\na.txt,2023-05-08\n")
    _write(tmp_path, "a.txt", PLAIN)
    items = _load(tmp_path)
    assert [e.reason for e in _errors(items)] == ["sidecar metadata not used: it has no 'file' column"]
    assert [(a.id, a.published) for a in _articles(items)] == [("a.txt", None)]


def test_published_fills_only_missing_dates(tmp_path: Path) -> None:
    _write(tmp_path, "a.md", "---\ndate: 2023-05-08\n---\n" + PLAIN)
    _write(tmp_path, "b.txt", PLAIN)
    items = _load(tmp_path, published=dt.date(2024, 1, 2))
    assert [(a.id, a.published) for a in _articles(items)] == [
        ("a.md", dt.date(2023, 5, 8)),
        ("b.txt", dt.date(2024, 1, 2)),
    ]


def test_same_file_name_in_two_folders_gets_unique_ids(tmp_path: Path) -> None:
    _write(tmp_path, "east/report.txt", PLAIN)
    _write(tmp_path, "west/report.txt", PLAIN)
    _write(tmp_path, "east/feed.jsonl", json.dumps({"id": "x", "text": "Turnout 61%."}))
    _write(tmp_path, "west/feed.jsonl", json.dumps({"id": "x", "text": "Turnout 62%."}))
    ids = [a.id for a in _articles(_load(tmp_path))]
    assert ids == ["x", "report.txt", "west/feed.jsonl:x", "west/report.txt"]


def test_same_folder_given_twice_still_unique(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", PLAIN)
    ids = [a.id for a in _articles(_load(tmp_path, tmp_path))]
    assert ids[0] == "a.txt" and len(set(ids)) == 2


def test_symlink_loop_terminates(tmp_path: Path) -> None:
    _write(tmp_path, "top/a.txt", PLAIN)
    (tmp_path / "top" / "loop").symlink_to(tmp_path / "top", target_is_directory=True)
    (tmp_path / "top" / "alias").symlink_to(tmp_path / "top" / "a.txt")
    items = _load(tmp_path / "top")
    assert [a.id for a in _articles(items)] == ["a.txt"]


def test_streams_one_article_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        _write(tmp_path, name, PLAIN)
    reads: list[str] = []
    real = decode._load_bytes

    def counting(path: Path) -> bytes:
        reads.append(path.name)
        return real(path)

    monkeypatch.setattr(decode, "_load_bytes", counting)
    stream: Iterator[Article | ArticleError] = iter_articles([tmp_path])
    first = next(stream)
    assert isinstance(first, Article) and first.id == "a.txt"
    assert reads == ["a.txt"]


# --- the shared article sets -------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus() -> dict[str, Article]:
    items = list(iter_articles([_shared(CORPUS)]))
    assert _errors(items) == []
    return {a.id: a for a in _articles(items)}


def test_corpus_has_every_article(corpus: dict[str, Article]) -> None:
    files = sorted(p.name for p in CORPUS.iterdir() if p.suffix != ".csv" and p.suffix != ".jsonl")
    records = [
        json.loads(line)["id"] for line in (CORPUS / "c13_crimea.jsonl").read_text().splitlines() if line
    ]
    assert sorted(corpus) == sorted(files + records)
    assert len(corpus) == 17  # 16 files, one of them a JSONL file of two records


CORPUS_FACTS = [
    ("c01_russia_2024_final.txt", "published", dt.date(2024, 3, 21)),
    ("c01_russia_2024_final.txt", "source", "wire"),
    ("c14_kherson_cp1252.txt", "encoding", "cp1252"),
    ("c15_russia_2024_ru.txt", "language", "ru"),
    ("c16_referendum_de.txt", "language", "de"),
    ("c12_georgia_2024.html", "title", "Georgian Dream wins disputed vote"),
    ("c12_georgia_2024.html", "published", dt.date(2024, 11, 17)),
]


@pytest.mark.parametrize(
    ("article", "field", "value"), CORPUS_FACTS, ids=[f"{a}-{f}" for a, f, _ in CORPUS_FACTS]
)
def test_corpus_metadata(corpus: dict[str, Article], article: str, field: str, value: object) -> None:
    assert getattr(corpus[article], field) == value


def test_corpus_cp1252_decodes_to_the_right_characters(corpus: dict[str, Article]) -> None:
    text = corpus["c14_kherson_cp1252.txt"].text
    raw = (CORPUS / "c14_kherson_cp1252.txt").read_bytes()
    assert text == raw.decode("cp1252").replace("\r\n", "\n")
    assert "\u201c" in text and "\u201d" in text and "\u2013" in text and "\r" not in text


def test_corpus_html_text(corpus: dict[str, Article]) -> None:
    text = corpus["c12_georgia_2024.html"].text
    assert "99%" not in text and "45%" not in text  # inside <script> and <style>
    assert "53.93%" in text and "58.94%" in text and "TBILISI, 17 November 2024" in text


def test_corpus_jsonl_records(corpus: dict[str, Article]) -> None:
    records = [corpus["c13a"], corpus["c13b"]]
    assert [(a.line, a.published, a.path.endswith("c13_crimea.jsonl")) for a in records] == [
        (1, dt.date(2014, 3, 17), True),
        (2, dt.date(2015, 3, 16), True),
    ]


def test_seeds_are_indexed_as_written() -> None:
    articles = _articles(list(iter_articles([_shared(SEEDS)])))
    assert [a.id for a in articles] == sorted(p.name for p in SEEDS.glob("*.txt"))
    for a in articles:
        assert a.text == (SEEDS / a.id).read_text(encoding="utf-8")


def test_seed_002_has_no_date_unless_given() -> None:
    plain = {a.id: a.published for a in _articles(list(iter_articles([_shared(SEEDS)])))}
    given = {a.id: a.published for a in _articles(list(iter_articles([SEEDS], dt.date(2025, 3, 16))))}
    assert plain["002_c49e5c77c86ab3c6.txt"] is None
    assert given["002_c49e5c77c86ab3c6.txt"] == dt.date(2025, 3, 16)
    assert plain["000_e6877975c975465a.txt"] == given["000_e6877975c975465a.txt"] == dt.date(2022, 9, 28)


DATELINES = [
    ("Vote ends\n\nMINSK, Sept. 23, 2020 — Alexander Lukashenko was sworn in.", "en", dt.date(2020, 9, 23)),
    ("Title\n\nWASHINGTON (Dec. 10, 2024) — Donald Trump won.", "en", dt.date(2024, 12, 10)),
    ("Title\n\nTBILISI, Oct 27, 2024 (Example Agency) — Georgia voted.", "en", dt.date(2024, 10, 27)),
    ("Titel\n\nMoskau, 18. März 2024 – Bei der Wahl hat Putin gewonnen.", "de", dt.date(2024, 3, 18)),
    ("Londres, 24 juin 2016 – Les Britanniques ont voté.", "fr", dt.date(2016, 6, 24)),
    ("Title\n\nOn Monday, March 4, 2024 - the count began.", "en", None),  # a sentence, no dateline
    ("Title\n\nMOSCOW — Vladimir Putin won, the commission said on March 21, 2024.", "en", None),
    ("Title\n\nThe vote of March 4, 2024 — the first in years — went ahead.", "en", None),
    ("Title\n\nKYIV, Sept. 23 — Voting began.", "en", None),  # no year: not a date to rely on
]


@pytest.mark.parametrize(("text", "language", "date"), DATELINES, ids=[str(i) for i in range(len(DATELINES))])
def test_dateline_dates_an_undated_article(text: str, language: str, date: dt.date | None) -> None:
    assert load.dateline_date(text, language) == date


def test_metadata_beats_the_dateline_and_the_dateline_beats_published(tmp_path: Path) -> None:
    text = "Vote ends\n\nMINSK, Sept. 23, 2020 — Alexander Lukashenko was sworn in.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.md").write_text("---\npublished: 2020-09-24\n---\n" + text, encoding="utf-8")
    got = {a.id: a.published for a in iter_articles([tmp_path], published=dt.date(2021, 1, 1))}
    assert got == {"a.txt": dt.date(2020, 9, 23), "b.md": dt.date(2020, 9, 24)}
