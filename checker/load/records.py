"""JSON and JSONL files -> records: (text, metadata) per article object, or the reason it
is unusable."""

from __future__ import annotations

import io
import json
import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from checker.load.decode import (
    BOMS,
    MAX_BYTES,
    SAMPLE_BYTES,
    UNDECODABLE,
    _decode_bytes,
    _load_text,
    _os_reason,
    _too_many_nuls,
    _Unreadable,
    clean_text,
)
from checker.load.html import _parse_html
from checker.load.metadata import (
    TEXT_FIELDS,
    Metadata,
    _first,
    _first_line_title,
    non_finite_field,
    parse_metadata,
)
from checker.load.walk import JSONL_SUFFIXES, _File

RE_HTML_START = re.compile(
    r"""
    ^\s{0,200}                    # leading white space (bounded)
    <(?:!doctype|html|body|article|section|div|p|h[1-6]|ul|ol|table|span|br)\b  # a tag that starts HTML
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _record_text(record: Mapping[str, Any]) -> str | None:
    value = _first(record, TEXT_FIELDS)
    if isinstance(value, list) and all(isinstance(p, str) for p in value):
        value = "\n\n".join(p.strip() for p in value if p.strip())
    if not isinstance(value, str) or not value.strip():
        return None
    if RE_HTML_START.match(value):
        # CMS exports often carry the body as HTML: the extractor must see visible text.
        value = _parse_html(value).text()
    text = clean_text(value)
    return text if text.strip() else None


def _json_record(record: object, where: str) -> tuple[str, Metadata] | str:
    """(text, metadata) of one JSON record, or the reason it is unusable."""
    if not isinstance(record, dict):
        return "not a JSON object"
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    if bad := non_finite_field(lowered):
        return f"the {bad} field is NaN or Infinity, not a value; fix the record"
    text = _record_text(lowered)
    if text is None:
        return "record has no text (no text, body or content field)"
    meta = parse_metadata(lowered, where=where)
    if meta.title is None:
        meta = replace(meta, title=_first_line_title(text))
    return text, meta


def _parse_json(text: str) -> tuple[object, str | None]:
    try:
        return json.loads(text, strict=False), None
    except json.JSONDecodeError as err:
        return None, f"not valid JSON: {err.msg}"
    except RecursionError:
        return None, "JSON nested too deeply"
    except MemoryError:
        return None, "JSON too large to load"


def _json_codec(sample: bytes) -> str:
    """The codec a JSONL stream is read with: its BOM's, else UTF-8.

    Lines that are not UTF-8 are decoded one by one (see ``_iter_jsonl_lines``): a feed
    assembled from several sources can mix encodings.
    """
    for bom, codec in BOMS:
        if sample.startswith(bom):
            return codec
    return "utf-8"


def _iter_jsonl_lines(path: Path) -> Iterator[tuple[int, object, str | None, str | None]]:
    """(line number, parsed object or None, error reason or None, codec) per non-blank line.

    Line number 0 stands for the whole file.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield 0, None, "not a regular file", None
            return
        raw = path.open("rb")
    except OSError as err:
        yield 0, None, f"cannot read file: {_os_reason(err)}", None
        return
    with raw:
        sample = raw.read(SAMPLE_BYTES)
        raw.seek(0)
        if not sample:
            yield 0, None, "empty file", None
            return
        codec = _json_codec(sample)
        wide = codec.startswith(("utf-16", "utf-32"))
        if not wide and _too_many_nuls(sample.count(0), len(sample)):
            yield 0, None, "binary file (contains NUL bytes)", None
            return
        stream = io.TextIOWrapper(raw, encoding=codec, errors="surrogateescape", newline=None)
        limit = MAX_BYTES
        number = 0
        seen_any = False
        while True:
            number += 1
            try:
                line = stream.readline(limit + 1)
            except (UnicodeDecodeError, OSError) as err:
                yield number, None, f"line {number}: cannot read the rest of the file: {err}", codec
                return
            if not line:
                break
            if len(line) > limit and not line.endswith("\n"):
                while (rest := stream.readline(limit)) and not rest.endswith("\n"):
                    pass
                yield (
                    number,
                    None,
                    f"line {number}: record too large (over {limit // (1024 * 1024)} MB)",
                    codec,
                )
                continue
            if not line.strip():
                continue
            seen_any = True
            if any("\udc80" <= ch <= "\udcff" for ch in line):
                # Bytes the file's codec could not decode: this line may be in another one.
                try:
                    line, line_codec = _decode_bytes(line.encode(codec, "surrogateescape"))
                except (_Unreadable, UnicodeEncodeError):
                    yield number, None, f"line {number}: {UNDECODABLE}", None
                    continue
            else:
                line_codec = codec
            obj, reason = _parse_json(line)
            yield number, obj, (f"line {number}: {reason}" if reason else None), line_codec
        if not seen_any:
            yield 0, None, "empty file (only white space)", codec


def _iter_records(file: _File) -> Iterator[tuple[int | None, int | None, object, str | None, str | None]]:
    """(line, index, record, codec, error) for the records of a JSON or JSONL file."""
    if file.path.suffix.lower() in JSONL_SUFFIXES:
        for number, obj, reason, codec in _iter_jsonl_lines(file.path):
            yield (number or None), None, obj, codec, reason
        return
    try:
        text, codec = _load_text(file.path)
    except _Unreadable as err:
        yield None, None, None, None, err.reason
        return
    data, reason = _parse_json(text)
    if reason:
        yield None, None, None, codec, reason
        return
    if isinstance(data, dict) and _first({str(k).lower(): v for k, v in data.items()}, TEXT_FIELDS) is None:
        data = data.get("articles", data)
    if isinstance(data, dict):
        yield None, None, data, codec, None
    elif isinstance(data, list):
        for index, record in enumerate(data, start=1):
            yield None, index, record, codec, None
    else:
        yield None, None, None, codec, "JSON file holds neither an article object nor a list of them"
