"""The run store: claims and findings of a run on disk (SQLite), not in memory.

A run over a news archive holds millions of claims and findings, ~800 bytes each as Python
objects; kept in memory, 100,000 articles would need ~9 GB. The store keeps them as rows of
a SQLite database in a temporary file (``$TMPDIR``), each row with

* ``data``: the object in a compact JSON form (:func:`encode_claim`, :func:`encode_finding`)
  that decodes to an equal object;
* ``rec``: its findings.json record, encoded once, where it was made, so the JSON writer
  copies text instead of building and encoding millions of dicts;
* the columns the report sorts and filters by (position, check, verdict, severity).

Rows are made in the worker that checked the article (:func:`claim_rows`,
:func:`finding_rows`), so the main process of a ``--jobs N`` run only inserts text and
never rebuilds objects it does not need. :class:`StoredRows` reads a table back as a
``Sequence`` (``len``, iteration in the run's order, indexing), and :func:`select`,
:func:`tally` and :func:`claim_lookup` let the report writers ask for just the rows they
show, from the store or from plain in-memory tuples alike.

SQLite (the standard library's ``sqlite3``) does the on-disk sorting, grouping and
look-ups: a file format, a B-tree and an external sort would otherwise be written here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import sqlite3
import tempfile
import weakref
from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import groupby
from typing import Any, Generic, TypeVar, overload

from checker.files import process_alive
from checker.model import CHECK_ORDER, Claim, Difference, Evidence, Finding, Mention, Offset
from checker.records import claim_record, finding_record

log = logging.getLogger(__name__)

_T = TypeVar("_T")


# A claim row: id, article, start, group key (repr, or None), election, kind,
# findings.json record, data.
ClaimRow = tuple[str, str, int, str | None, str | None, str, str, str]
# A finding row: id, check rank, verdict, severity, article, start (order), start (CSV),
# election and kinds of its claims (the report filters and counts by them), findings.json
# record, data.
FindingRow = tuple[str, int, str, str | None, str, int, int, str | None, str, str, str]
# What a finding's row takes from one of its claims: article, start, election, kind.
ClaimFacts = tuple[str, int, str | None, str]
# The figure a claim states, for comparing across articles, or None (not compared): the
# cross-source check's :func:`~checker.checks.cross_source.group_key`, passed in by the
# caller so that the store depends on the model only.
GroupKey = Callable[[Claim], tuple[object, ...] | None]


# --- compact JSON form of the model objects ----------------------------------------------
# Decimals travel as strings (exact, exponent kept: Decimal(str(d)) == d, same digits),
# dates as day ordinals; a bound (Decimal | date | None) is told apart by that type.


def _bound(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.toordinal()
    return value


def _unbound(value: Any) -> Any:
    if isinstance(value, str):
        return Decimal(value)
    if isinstance(value, int):
        return dt.date.fromordinal(value)
    return value


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _unnumber(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _mention(m: Mention) -> list[object]:
    o = m.offset
    offset = None if o is None else [str(o.amount), o.unit, o.anchor, o.weekday, o.season, o.exact]
    return [
        m.article,
        m.start,
        m.end,
        m.text,
        m.kind,
        _bound(m.low),
        _bound(m.high),
        m.unit,
        m.qualifier,
        m.decimals,
        m.precision,
        offset,
        _number(m.value),
    ]


def _unmention(v: list[Any]) -> Mention:
    o = v[11]
    offset = None if o is None else Offset(Decimal(o[0]), o[1], o[2], o[3], o[4], o[5])
    return Mention(
        v[0],
        v[1],
        v[2],
        v[3],
        v[4],
        _unbound(v[5]),
        _unbound(v[6]),
        v[7],
        v[8],
        v[9],
        v[10],
        offset,
        _unnumber(v[12]),
    )


# One encoder each, built once: ``json.dumps`` with options builds a new one per call.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_RECORD = json.JSONEncoder(ensure_ascii=False).encode


def encode_claim(c: Claim) -> str:
    """A claim as compact JSON; :func:`decode_claim` gives back an equal claim."""
    return _COMPACT(
        [
            c.id,
            _mention(c.mention),
            c.election,
            c.entity,
            c.measure,
            c.scope,
            c.region,
            c.option,
            c.group,
            c.sentence,
            c.note,
            c.quote,
        ]
    )


def decode_claim(data: str, light: bool = False) -> Claim:
    """The claim :func:`encode_claim` encoded; ``light``: without its quote and note."""
    v = json.loads(data)
    if light:
        v[10] = v[11] = ""
    return Claim(
        v[0], _unmention(v[1]), v[2], v[3], v[4], v[5], v[6], v[7], v[8], (v[9][0], v[9][1]), v[10], v[11]
    )


def encode_finding(f: Finding) -> str:
    """A finding as compact JSON; :func:`decode_finding` gives back an equal finding."""
    d, e = f.difference, f.evidence
    diff = None if d is None else [str(d.value), d.unit]
    ev = (
        None
        if e is None
        else [e.table, e.row, e.value, e.source_url, _number(e.number), _bound(e.date), e.unit]
    )
    return _COMPACT([f.id, f.check, f.verdict, f.claims, f.message, f.severity, diff, ev, f.extra])


def decode_finding(data: str) -> Finding:
    v = json.loads(data)
    d, e = v[6], v[7]
    diff = None if d is None else Difference(Decimal(d[0]), d[1])
    ev = None if e is None else Evidence(e[0], e[1], e[2], e[3], _unnumber(e[4]), _unbound(e[5]), e[6])
    return Finding(v[0], v[1], v[2], tuple(v[3]), v[4], v[5], diff, ev, tuple((k, x) for k, x in v[8]))


def _record(rec: Mapping[str, object]) -> str:
    return _RECORD(rec)


def claim_rows(claims: Iterable[Claim], group_key: GroupKey) -> list[ClaimRow]:
    """Store rows of claims (made where the claims were made: in the worker)."""
    rows: list[ClaimRow] = []
    for c in claims:
        key = group_key(c)
        rows.append(
            (
                c.id,
                c.article,
                c.mention.start,
                None if key is None else repr(key),
                c.election,
                c.mention.kind,
                _record(claim_record(c)),
                encode_claim(c),
            )
        )
    return rows


def finding_rows(findings: Iterable[Finding], facts: Callable[[str], ClaimFacts | None]) -> list[FindingRow]:
    """Store rows of findings; ``facts`` gives a claim id's :data:`ClaimFacts`, or None.

    The sort columns follow :func:`checker.checks.order_findings` (check, article and start
    of the first claim, id) and the CSV order (article, start, check, id), where a finding
    without claims takes the article and start its check named. ``election`` is the first
    claim's; ``kinds`` the claims' mention kinds, space-separated, in claim order.
    """
    rows: list[FindingRow] = []
    for f in findings:
        extra = dict(f.extra)
        got = [facts(cid) for cid in f.claims]  # one look-up per claim (a query, after the articles)
        known = [x for x in got if x is not None]
        first = got[0] if got else None
        if first is not None:
            article, start, csv_start = first[0], first[1], first[1]
        elif f.claims:  # a claim of no article of the run (does not happen in a run)
            article, start, csv_start = "", 0, 0
        else:
            article, start = extra.get("article", ""), 0
            csv_start = (
                int(extra.get("start", "0") or 0) if str(extra.get("start", "0") or 0).isdigit() else 0
            )
        rows.append(
            (
                f.id,
                CHECK_ORDER[f.check],
                f.verdict,
                f.severity,
                article,
                start,
                csv_start,
                first[2] if first is not None else None,
                " ".join(x[3] for x in known),
                _record(finding_record(f)),
                encode_finding(f),
            )
        )
    return rows


def article_rows(
    claims: Sequence[Claim], findings: Sequence[Finding], group_key: GroupKey
) -> tuple[list[ClaimRow], list[FindingRow]]:
    """The rows of one article's claims and findings (whose claims are all its own)."""
    facts = {c.id: (c.article, c.mention.start, c.election, c.mention.kind) for c in claims}
    return claim_rows(claims, group_key), finding_rows(findings, facts.get)


# --- the store ------------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE claims (seq INTEGER PRIMARY KEY, id TEXT, article TEXT, start INTEGER, xkey TEXT,
                     election TEXT, kind TEXT, rec TEXT, data TEXT);
CREATE TABLE findings (seq INTEGER PRIMARY KEY, id TEXT UNIQUE ON CONFLICT REPLACE, chk INTEGER,
                       verdict TEXT, severity TEXT, article TEXT, start INTEGER, cstart INTEGER,
                       election TEXT, kinds TEXT, rec TEXT, data TEXT);
"""
_INDEXES = """
CREATE INDEX claims_id ON claims (id);
CREATE INDEX claims_article ON claims (article);
CREATE INDEX claims_group ON claims (xkey, article, seq) WHERE xkey IS NOT NULL;
CREATE INDEX findings_order ON findings (chk, article, start, id);
"""
ORDER = {"run": "chk, article, start, id", "csv": "article, cstart, chk, id"}


def _close(connection: sqlite3.Connection, path: str) -> None:
    connection.close()
    for suffix in ("", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path + suffix)


STORE_PREFIX = "checkfigures-run-"


def _remove_stale_stores(folder: str) -> None:
    """Remove the stores of runs that were killed outright (SIGKILL, a power cut): their
    names carry the process id, and that process is gone. A store of a live run, or of
    another user's (whose files we may not remove anyway), stays."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if not (name.startswith(STORE_PREFIX) and name.endswith((".sqlite", ".sqlite-journal"))):
            continue
        pid = name[len(STORE_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not process_alive(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, name))
                log.info("removed %s, left by a run that was killed", name)


class RunStore:
    """A run's claims and findings in a temporary SQLite file, removed on :meth:`close`
    (or when the store is garbage-collected, or at exit).

    The file is named ``checkfigures-run-<pid>-<random>.sqlite``; a store whose process
    was killed before it could remove it is removed by the next run's store.
    """

    def __init__(self, folder: str | None = None) -> None:
        folder = folder if folder is not None else tempfile.gettempdir()
        _remove_stale_stores(folder)
        handle, self.path = tempfile.mkstemp(
            prefix=f"{STORE_PREFIX}{os.getpid()}-", suffix=".sqlite", dir=folder
        )
        os.close(handle)
        self.db = sqlite3.connect(self.path)
        # A scratch file: no journal, no fsync; 64 MB of page cache, temporary sorts on disk.
        self.db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;"
            "PRAGMA temp_store=FILE;" + _SCHEMA
        )
        self._finalizer = weakref.finalize(self, _close, self.db, self.path)
        self._indexed = False

    def close(self) -> None:
        self._finalizer()

    def add(self, claims: Sequence[ClaimRow], findings: Sequence[FindingRow]) -> None:
        if claims:
            self.db.executemany("INSERT INTO claims VALUES (NULL,?,?,?,?,?,?,?,?)", claims)
        if findings:
            self.db.executemany("INSERT INTO findings VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?)", findings)

    def finish(self) -> None:
        """Index the tables once every article's rows are in (faster than indexing per row)."""
        if not self._indexed:
            self.db.executescript(_INDEXES)
            self.db.commit()
            self._indexed = True

    def facts(self, claim_id: str) -> ClaimFacts | None:
        """A stored claim's :data:`ClaimFacts` (for the rows of findings made after the articles)."""
        row = self.db.execute(
            "SELECT article, start, election, kind FROM claims WHERE id = ? LIMIT 1", (claim_id,)
        ).fetchone()
        return None if row is None else (row[0], row[1], row[2], row[3])

    def groups(self) -> Iterator[list[Claim]]:
        """Claims sharing a cross-source key, one group at a time in ``repr(key)`` order.

        The cross-source check compares each article's first claim of a figure, so only
        those are read: a group holds at most one claim per article, in input order, and
        without its quote and note (the check uses neither), which keeps a figure that
        100,000 articles state from filling memory."""
        rows = self.db.execute(
            "SELECT xkey, data FROM claims WHERE seq IN (SELECT min(seq) FROM claims WHERE xkey IS NOT NULL"
            " GROUP BY xkey, article) ORDER BY xkey, seq"
        )
        for _, group in groupby(rows, key=lambda r: r[0]):
            yield [decode_claim(data, light=True) for _, data in group]

    def claims(self) -> StoredRows[Claim]:
        return StoredRows(self, "claims", "seq", decode_claim)

    def findings(self) -> StoredRows[Finding]:
        return StoredRows(self, "findings", ORDER["run"], decode_finding)


class StoredRows(Sequence[_T], Generic[_T]):
    """A table of the store read as a sequence, in the run's order; rows are decoded as they
    are read, so iterating holds one at a time."""

    def __init__(self, store: RunStore, table: str, order: str, decode: Callable[[str], _T]) -> None:
        self.store, self.table, self.order, self.decode = store, table, order, decode
        self._len: int | None = None

    def __len__(self) -> int:
        if self._len is None:
            self._len = int(self.store.db.execute(f"SELECT count(*) FROM {self.table}").fetchone()[0])
        return self._len

    def _rows(
        self, column: str, where: str = "", params: Sequence[object] = (), order: str | None = None
    ) -> Iterator[str]:
        sql = f"SELECT {column} FROM {self.table} {where} ORDER BY {order or self.order}"
        return (row[0] for row in self.store.db.execute(sql, params))

    def __iter__(self) -> Iterator[_T]:
        return map(self.decode, self._rows("data"))

    def records(self) -> Iterator[str]:
        """The findings.json records, encoded, in order."""
        return self._rows("rec")

    def where(self, sql: str, params: Sequence[object] = (), order: str | None = None) -> Iterator[_T]:
        return map(self.decode, self._rows("data", "WHERE " + sql, params, order))

    @overload
    def __getitem__(self, index: int) -> _T: ...
    @overload
    def __getitem__(self, index: slice) -> list[_T]: ...
    def __getitem__(self, index: int | slice) -> _T | list[_T]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            sql = f"SELECT data FROM {self.table} ORDER BY {self.order} LIMIT ? OFFSET ?"
            return [self.decode(r[0]) for r in self.store.db.execute(sql, (max(0, stop - start), start))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        sql = f"SELECT data FROM {self.table} ORDER BY {self.order} LIMIT 1 OFFSET ?"
        return self.decode(self.store.db.execute(sql, (index,)).fetchone()[0])

    def __repr__(self) -> str:
        return f"<{len(self)} {self.table} in {self.store.path}>"


# --- questions the report asks, of stored rows or of plain sequences alike --------------------


def select(
    findings: Iterable[Finding],
    *,
    verdict: str | None = None,
    check: str | None = None,
    order: str = "run",
    claim_kinds: Sequence[str] = (),
) -> Iterator[Finding]:
    """The findings with this verdict and/or check, in the run's (or the CSV's) order.

    ``claim_kinds`` narrows stored findings to those with a claim of one of these mention
    kinds, read from a column without decoding a claim; it is a hint, and findings in
    memory are not narrowed by it (a caller that needs the kind still tests its claims).
    """
    if isinstance(findings, StoredRows):
        if check is not None and check not in CHECK_ORDER:
            return iter(())
        tests: list[str] = []
        params: list[object] = []
        if verdict is not None:
            tests.append("verdict = ?")
            params.append(verdict)
        if check is not None:
            tests.append("chk = ?")
            params.append(CHECK_ORDER[check])
        if claim_kinds:
            tests.append("(" + " OR ".join("instr(' ' || kinds || ' ', ?) > 0" for _ in claim_kinds) + ")")
            params.extend(f" {kind} " for kind in claim_kinds)
        return findings.where(" AND ".join(tests) or "1", params, ORDER[order])
    return (
        f
        for f in findings
        if (verdict is None or f.verdict == verdict) and (check is None or f.check == check)
    )


def tally(findings: Iterable[Finding]) -> Counter[tuple[str, str, str | None]]:
    """Findings per (check, verdict, severity), counted without reading them all back."""
    if isinstance(findings, StoredRows):
        checks = {rank: name for name, rank in CHECK_ORDER.items()}
        sql = "SELECT chk, verdict, severity, count(*) FROM findings GROUP BY chk, verdict, severity"
        return Counter({(checks[c], v, s): n for c, v, s, n in findings.store.db.execute(sql)})
    return Counter((f.check, f.verdict, f.severity) for f in findings)


def election_tally(
    findings: Iterable[Finding], election_of: Callable[[Finding], str | None]
) -> Counter[tuple[str | None, str]]:
    """Findings per (election of the first claim, verdict); stored ones counted in SQL."""
    if isinstance(findings, StoredRows):
        sql = "SELECT election, verdict, count(*) FROM findings GROUP BY election, verdict"
        return Counter({(e, v): n for e, v, n in findings.store.db.execute(sql)})
    return Counter((election_of(f), f.verdict) for f in findings)


def records(rows: Iterable[_T], record: Callable[[_T], Mapping[str, object]]) -> Iterator[str]:
    """findings.json records of rows as encoded JSON: stored ones as they were encoded."""
    if isinstance(rows, StoredRows):
        return rows.records()
    return (_record(record(r)) for r in rows)


class _StoredClaims(Mapping[str, Claim]):
    """Claims by id from the store, decoded on demand; the most recently used are kept (a
    report reads the claims of neighbouring findings again and again).

    A miss reads the encoded claims of the whole article at once (the report goes through
    findings article by article), and the last few articles' encoded claims are kept, so a
    pass over a run costs a query per article rather than per claim."""

    KEEP = 20_000
    KEEP_ARTICLES = 64

    def __init__(self, rows: StoredRows[Claim]) -> None:
        self.db = rows.store.db
        self.rows = rows
        self.cache: OrderedDict[str, Claim | None] = OrderedDict()
        self.encoded: dict[str, str] = {}  # id -> data, for the articles in ``loaded``
        self.loaded: deque[list[str]] = deque()  # the claim ids of each article read, oldest first

    def _data(self, claim_id: str) -> str | None:
        data = self.encoded.get(claim_id)
        if data is not None:
            return data
        row = self.db.execute("SELECT article FROM claims WHERE id = ? LIMIT 1", (claim_id,)).fetchone()
        if row is None:
            return None
        ids = []
        for cid, data in self.db.execute("SELECT id, data FROM claims WHERE article = ? ORDER BY seq", row):
            if cid not in self.encoded:  # the first row of an id, as a lookup by id gives
                self.encoded[cid] = data
                ids.append(cid)
        self.loaded.append(ids)
        if len(self.loaded) > self.KEEP_ARTICLES:
            for cid in self.loaded.popleft():
                del self.encoded[cid]
        return self.encoded.get(claim_id)

    def get(self, claim_id: str, default: Claim | None = None) -> Claim | None:  # type: ignore[override]
        cache = self.cache
        if claim_id in cache:
            cache.move_to_end(claim_id)
            got = cache[claim_id]
        else:
            data = self._data(claim_id)
            got = cache[claim_id] = None if data is None else decode_claim(data)
            if len(cache) > self.KEEP:
                cache.popitem(last=False)
        return default if got is None else got

    def __getitem__(self, claim_id: str) -> Claim:
        got = self.get(claim_id)
        if got is None:
            raise KeyError(claim_id)
        return got

    def __contains__(self, claim_id: object) -> bool:
        return isinstance(claim_id, str) and self.get(claim_id) is not None

    def __iter__(self) -> Iterator[str]:
        return (c.id for c in self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def claim_lookup(claims: Iterable[Claim]) -> Mapping[str, Claim]:
    """Claims by id: a dict for claims in memory, read on demand for stored ones."""
    if isinstance(claims, StoredRows):
        return _StoredClaims(claims)
    return {c.id: c for c in claims}
