"""Precinct tables: read a CSV (optionally zipped), map its columns, validate its rows.

A table is one row per polling station with integer counts. Which column holds what is
a :class:`Layout`, built from command-line options (:func:`resolve_layout`) or from a
named preset for the Russian CEC files (:func:`resolve_preset`). Presets match Russian
column names by keywords, not by exact text, because the CEC reworded its headers in
nearly every election ("внесенных в список" / "включенных в списки", "в помещении" /
"в день голосования").

Bad rows never stop a run: a row with negative counts, non-numbers or more votes than
ballots becomes a :class:`~checker.errors.Problem` on the table and is left out; rows with
no numbers at all (2,268 stations of 2024 have none) are counted as ``skipped_empty``.
Only an unusable table (no header, missing columns, no usable row) raises
:class:`~checker.errors.TableError`.
"""

from __future__ import annotations

import _csv
import csv
import io
import itertools
import logging
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from checker.errors import Problem, TableError

log = logging.getLogger(__name__)

IntArray = NDArray[np.int64]

# Columns that name a station rather than count something (all presets and our generator).
ID_COLUMNS = frozenset({"region", "oik", "tik", "uik", "level", "name", "url", "station"})

# Problems listed one by one; beyond this only the count is kept, so a table with
# thousands of broken rows still gives a readable report.
MAX_LISTED_PROBLEMS = 50


@dataclass(frozen=True, slots=True)
class Layout:
    """Which header holds which count.

    ``issued`` lists the parts that add up to the ballots issued (early, at the station,
    outside). ``valid``/``invalid`` may be ``None``: valid ballots are then the sum of the
    candidates, invalid ballots zero. ``leader`` is one of ``candidates``.

    >>> Layout("reg", ("iss",), "ok", "bad", ("A", "B"), "A").leader
    'A'
    """

    registered: str
    issued: tuple[str, ...]
    valid: str | None
    invalid: str | None
    candidates: tuple[str, ...]
    leader: str
    group: tuple[str, ...] = ()  # text columns whose values together name a station's district

    def columns(self) -> tuple[str, ...]:
        """Every count column the layout reads, in a fixed order (no duplicates)."""
        named = [self.registered, *self.issued, self.valid, self.invalid, *self.candidates]
        return tuple(dict.fromkeys(c for c in named if c is not None))


@dataclass(frozen=True, slots=True, eq=False)
class PrecinctTable:
    """Validated counts, one array element per usable station.

    ``ballots`` is valid + invalid: the denominator of a candidate's result (Kobak et al.).

    >>> t = table_from_counts([1000], [600], [590], [10], [[400, 190]], ["A", "B"])
    >>> round(float(t.turnout()[0]), 3), round(float(t.result()[0]), 3)
    (0.6, 0.667)
    """

    name: str
    registered: IntArray
    issued: IntArray
    valid: IntArray
    invalid: IntArray
    votes: IntArray  # shape (stations, candidates)
    candidates: tuple[str, ...]
    leader: int  # index into ``candidates``
    rows_read: int = 0
    skipped_empty: int = 0
    skipped_bad: int = 0
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    layout: Layout | None = None
    # District of each station (0..k-1), from the layout's group columns; None: one district.
    groups: IntArray | None = None

    @property
    def n(self) -> int:
        return int(self.registered.shape[0])

    @property
    def ballots(self) -> IntArray:
        return self.valid + self.invalid

    @property
    def leader_votes(self) -> IntArray:
        return self.votes[:, self.leader]

    @property
    def leader_name(self) -> str:
        return self.candidates[self.leader]

    def turnout(self) -> NDArray[np.float64]:
        """Ballots issued / registered (NaN where nobody is registered)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return self.issued / self.registered

    def result(self) -> NDArray[np.float64]:
        """Leader's votes / (valid + invalid) (NaN where no ballot was cast)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return self.leader_votes / self.ballots


def table_from_counts(
    registered: Sequence[int] | IntArray,
    issued: Sequence[int] | IntArray,
    valid: Sequence[int] | IntArray,
    invalid: Sequence[int] | IntArray,
    votes: Sequence[Sequence[int]] | IntArray,
    candidates: Sequence[str],
    leader: int = 0,
    name: str = "table",
) -> PrecinctTable:
    """Build a table from counts already in memory (tests, the synthetic generator).

    >>> table_from_counts([500], [300], [295], [5], [[200, 95]], ["A", "B"]).n
    1
    """
    arr = np.asarray(votes, dtype=np.int64)
    return PrecinctTable(
        name=name,
        registered=np.asarray(registered, dtype=np.int64),
        issued=np.asarray(issued, dtype=np.int64),
        valid=np.asarray(valid, dtype=np.int64),
        invalid=np.asarray(invalid, dtype=np.int64),
        votes=arr.reshape(len(arr), len(candidates)),
        candidates=tuple(candidates),
        leader=leader,
        rows_read=len(arr),
    )


# --- column matching --------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").split()).casefold()


def match_column(header: Sequence[str], wanted: str) -> str | None:
    """The header that ``wanted`` names: exact, else unique prefix, else unique substring.

    Case and runs of white space are ignored, so a user can type the start of a long
    Russian header. ``None`` when nothing or more than one header matches.

    >>> match_column(["Путин Владимир Владимирович", "Прохоров Михаил"], "путин")
    'Путин Владимир Владимирович'
    >>> match_column(["votes_a", "votes_b"], "votes") is None
    True
    """
    key = _norm(wanted)
    normed = [(h, _norm(h)) for h in header]
    for test in (str.__eq__, str.startswith, str.__contains__):
        hits = [h for h, n in normed if test(n, key)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            return None
    return None


def _require(header: Sequence[str], wanted: str, role: str, file: str) -> str:
    found = match_column(header, wanted)
    if found is not None:
        return found
    key = _norm(wanted)
    several = [h for h in header if key in _norm(h)]
    if several:
        listed = ", ".join(map(repr, several))
        why = f"{role} column {wanted!r} matches several columns ({listed}); give more of its name"
    else:
        why = f"no {role} column {wanted!r}; the columns are: {', '.join(map(repr, header))}"
    raise TableError([Problem(file, 1, why)])


def resolve_layout(
    header: Sequence[str],
    *,
    registered: str,
    issued: Sequence[str],
    valid: str | None,
    invalid: str | None,
    candidates: Sequence[str] = (),
    leader: str | None = None,
    group: Sequence[str] = (),
    file: str = "table",
) -> Layout:
    """A layout from column names given by the user (each matched by :func:`match_column`).

    With no ``candidates`` every count column that is not otherwise used and is not an id
    column (region, tik, uik, url...) is a candidate. Without ``leader`` the candidate with
    the most votes leads (decided at load). A column named for two roles (or twice for one)
    is refused: its numbers cannot be two different counts.

    >>> resolve_layout(["reg", "iss", "ok", "bad", "A", "B"], registered="reg", issued=["iss"],
    ...                valid="ok", invalid="bad", leader="B").candidates
    ('A', 'B')
    """
    if not issued:
        raise TableError([Problem(file, None, "no ballots-issued column given; use --issued (repeatable)")])
    roles: list[tuple[str, str]] = [("registered", _require(header, registered, "registered", file))]
    roles += [("issued", _require(header, c, "issued", file)) for c in issued]
    if valid:
        roles.append(("valid", _require(header, valid, "valid", file)))
    if invalid:
        roles.append(("invalid", _require(header, invalid, "invalid", file)))
    groups = tuple(_require(header, c, "group", file) for c in group)
    if candidates:
        roles += [("candidate", _require(header, c, "candidate", file)) for c in candidates]
    _refuse_overlaps(roles, groups, file)
    reg = roles[0][1]
    iss = tuple(c for r, c in roles if r == "issued")
    val = next((c for r, c in roles if r == "valid"), None)
    inv = next((c for r, c in roles if r == "invalid"), None)
    if candidates:
        cands = tuple(c for r, c in roles if r == "candidate")
    else:
        used = {c for _, c in roles} | set(groups)
        cands = tuple(h for h in header if h not in used and _norm(h) not in ID_COLUMNS and h.strip())
    if not cands:
        raise TableError([Problem(file, 1, "no candidate columns; name them with --candidate")])
    # Without a leader the top candidate by total votes leads; that is known only after reading.
    lead = "" if leader is None else _require(cands, leader, "leader", file)
    return Layout(reg, iss, val, inv, cands, lead, groups)


def _refuse_overlaps(roles: Sequence[tuple[str, str]], groups: Sequence[str], file: str) -> None:
    """A TableError naming every column given for more than one role (or twice)."""
    seen: dict[str, list[str]] = {}
    for role, column in roles:
        seen.setdefault(column, []).append(role)
    for column in groups:
        seen.setdefault(column, []).append("group")
    clashes = [
        Problem(
            file,
            1,
            f"column {column!r} is given as {' and as '.join(used)}; each count needs its own column",
        )
        for column, used in seen.items()
        if len(used) > 1
    ]
    if clashes:
        raise TableError(clashes)


# --- presets for the Russian CEC files (data of Shpilkin, dkobak/elections) -------------------


def _has(*words: str) -> Callable[[str], bool]:
    return lambda h: all(w in _norm(h) for w in words)


def _one(header: Sequence[str], test: Callable[[str], bool], role: str, file: str) -> str:
    hits = [h for h in header if test(h)]
    if len(hits) != 1:
        what = "no" if not hits else f"{len(hits)}"
        raise TableError(
            [
                Problem(
                    file, 1, f"{what} column(s) for {role}; the columns are: {', '.join(map(repr, header))}"
                )
            ]
        )
    return hits[0]


def _is_count_header(h: str) -> bool:
    return _norm(h).startswith("число")


def _ru_cec(header: Sequence[str], file: str) -> Layout:
    # Registered voters: "Число избирателей, внесенных/включенных в список(ки)" (2020:
    # "участников голосования"); the absentee columns also say "избирателей" but never
    # "внесенных"/"включенных".
    def is_registered(h: str) -> bool:
        n = _norm(h)
        return n.startswith("число") and "в спис" in n and ("внесенных" in n or "включенных" in n)

    registered = _one(header, is_registered, "registered voters ('Число избирателей, ... в список')", file)
    # Ballots issued: early, at the station (2004 says "в день голосования"), outside.
    issued = tuple(
        h
        for h in header
        if _is_count_header(h)
        and "бюллетен" in _norm(h)
        and "выданных" in _norm(h)
        and "откреп" not in _norm(h)
    )
    if not issued:
        raise TableError(
            [Problem(file, 1, "no 'ballots issued' column ('Число ... бюллетеней, выданных ...')")]
        )
    valid = [h for h in header if _norm(h).startswith("число действительных")]
    invalid = _one(header, _has("число недействительных"), "invalid ballots ('Число недействительных')", file)
    candidates = tuple(
        h for h in header if h.strip() and not _is_count_header(h) and _norm(h) not in ID_COLUMNS
    )
    if not candidates:
        raise TableError([Problem(file, 1, "no candidate columns after the 'Число ...' columns")])
    # District: the territorial commission within its region (TIK names repeat across regions).
    group = tuple(h for h in ("region", "tik") if h in header)
    return Layout(registered, issued, valid[0] if valid else None, invalid, candidates, "", group)


def _synthetic(header: Sequence[str], file: str) -> Layout:
    return resolve_layout(
        header,
        registered="registered",
        issued=["issued_early", "issued_station", "issued_outside"],
        valid="valid",
        invalid="invalid",
        group=["region"] if "region" in header else [],
        file=file,
    )


PRESETS: dict[str, tuple[str, Callable[[Sequence[str], str], Layout]]] = {
    "ru-cec-presidential": ("Russian CEC presidential files (2004, 2008, 2012, 2018, 2024)", _ru_cec),
    "ru-cec-duma": ("Russian CEC Duma files (2007, 2011, 2016, 2021); the leader is the top party", _ru_cec),
    "ru-cec-2020-vote": ("Russian CEC 2020 constitutional vote (ДА/НЕТ; valid = ДА + НЕТ)", _ru_cec),
    "synthetic": ("tables written by checker.forensics.synthetic", _synthetic),
}


def resolve_preset(
    name: str, header: Sequence[str], file: str = "table", leader: str | None = None
) -> Layout:
    """The layout of a named preset for this header; ``leader`` overrides the top candidate.

    >>> resolve_preset("synthetic", ["station", "registered", "issued_early", "issued_station",
    ...     "issued_outside", "invalid", "valid", "A", "B"]).candidates
    ('A', 'B')
    """
    if name not in PRESETS:
        from checker.errors import UsageError

        raise UsageError(f"unknown preset {name!r}; choose one of {', '.join(sorted(PRESETS))}")
    layout = PRESETS[name][1](header, file)
    if leader is not None:
        lead = _require(layout.candidates, leader, "leader", file)
        layout = Layout(
            layout.registered,
            layout.issued,
            layout.valid,
            layout.invalid,
            layout.candidates,
            lead,
            layout.group,
        )
    return layout


# --- reading ------------------------------------------------------------------------------------


@contextmanager
def _open_text(path: Path) -> Iterator[io.TextIOBase]:
    """Yield the CSV text stream: the file, or the one CSV member of a zip."""
    if path.is_dir():
        raise TableError([Problem(str(path), None, "is a folder, not a table; give the .csv or .zip file")])
    if path.suffix.lower() == ".zip" and path.is_file() and not zipfile.is_zipfile(path):
        raise TableError([Problem(str(path), None, "named .zip but is not a zip archive")])
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            members = [
                m for m in zf.namelist() if m.lower().endswith(".csv") and not m.startswith("__MACOSX")
            ]
            if len(members) != 1:
                raise TableError(
                    [
                        Problem(
                            str(path),
                            None,
                            f"the zip must hold exactly one .csv file, it holds {len(members)}",
                        )
                    ]
                )
            with zf.open(members[0]) as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as fh:
                yield fh
        return
    with open(path, encoding="utf-8-sig", newline="") as fh:
        yield fh


DELIMITERS = (",", ";", "\t", "|")


def _reader(fh: io.TextIOBase) -> _csv.Reader:
    """A csv reader whose delimiter is the one that splits the header into most fields.

    >>> next(_reader(io.StringIO('a;"b, c";d\\n1;2;3\\n')))
    ['a', 'b, c', 'd']
    """
    first = fh.readline()
    best = max(DELIMITERS, key=lambda d: len(next(csv.reader([first], delimiter=d), [])))
    return csv.reader(itertools.chain([first], fh), delimiter=best)


def read_header(path: Path) -> list[str]:
    """The header row of a table (I/O; used to resolve a layout before reading)."""
    try:
        with _open_text(path) as fh:
            row = next(_reader(fh), None)
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, csv.Error) as exc:
        raise TableError([Problem(str(path), None, f"cannot read the table: {exc}")]) from exc
    if not row:
        raise TableError([Problem(str(path), 1, "the table is empty (no header row)")])
    return row


def _parse_counts(cells: list[str]) -> list[int] | str | None:
    """Integers, ``None`` for a row with no numbers, or the reason the row is bad."""
    stripped = [c.strip() for c in cells]
    if not any(stripped):
        return None
    values: list[int] = []
    for c in stripped:
        if not c:
            return "an empty count"
        try:
            v = int(c)
        except ValueError:
            try:
                f = float(c)
            except ValueError:
                return f"{c!r} is not a number"
            if not f.is_integer():
                return f"{c!r} is not a whole number"
            v = int(f)
        if v < 0:
            return f"a negative count ({v})"
        values.append(v)
    return values


def load_table(path: Path, layout: Layout, name: str | None = None) -> PrecinctTable:
    """Read and validate a precinct table (a .csv or a zip holding one .csv).

    Raises TableError when the table cannot be used at all; bad rows are listed in
    ``problems`` and left out.
    """
    file = str(path)
    cols = layout.columns()
    try:
        rows: list[list[int]] = []
        lines: list[int] = []
        problems: list[Problem] = []
        bad = empty = read = 0
        with _open_text(path) as fh:
            reader = _reader(fh)
            header = next(reader, None)
            if not header:
                raise TableError([Problem(file, 1, "the table is empty (no header row)")])
            where = {h: i for i, h in reversed(list(enumerate(header)))}
            missing = [c for c in (*cols, *layout.group) if c not in where]
            if missing:
                present = ", ".join(map(repr, header))
                raise TableError(
                    [Problem(file, 1, f"missing column {c!r}; the columns are: {present}") for c in missing]
                )
            idx = [where[c] for c in cols]
            gidx = [where[c] for c in layout.group]
            width = max(idx + gidx) + 1
            group_keys: list[tuple[str, ...]] = []
            for row in reader:
                read += 1
                if len(row) < width:
                    if not any(cell.strip() for cell in row):
                        continue  # a blank line
                    parsed: list[int] | str | None = f"only {len(row)} fields, expected at least {width}"
                else:
                    parsed = _parse_counts([row[i] for i in idx])
                if parsed is None:
                    empty += 1
                elif isinstance(parsed, str):
                    bad += 1
                    if bad <= MAX_LISTED_PROBLEMS:
                        problems.append(Problem(file, reader.line_num, f"row skipped: {parsed}"))
                else:
                    rows.append(parsed)
                    lines.append(reader.line_num)
                    group_keys.append(tuple(row[i].strip() for i in gidx))
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, csv.Error) as exc:
        raise TableError([Problem(file, None, f"cannot read the table: {exc}")]) from exc
    if not rows:
        raise TableError(
            [*problems, Problem(file, None, f"no usable rows ({read} read, {empty} without numbers)")]
        )
    data = np.asarray(rows, dtype=np.int64)
    pos = {c: i for i, c in enumerate(cols)}
    registered = data[:, pos[layout.registered]]
    issued = data[:, [pos[c] for c in layout.issued]].sum(axis=1)
    votes = data[:, [pos[c] for c in layout.candidates]]
    invalid = data[:, pos[layout.invalid]] if layout.invalid else np.zeros_like(registered)
    valid = data[:, pos[layout.valid]] if layout.valid else votes.sum(axis=1)
    # Votes above ballots cannot happen in an honest count or an honest transcription.
    over = votes.sum(axis=1) > valid
    if over.any():
        line_arr = np.asarray(lines)
        for i in np.flatnonzero(over):
            bad += 1
            if bad <= MAX_LISTED_PROBLEMS:
                problems.append(
                    Problem(
                        file,
                        int(line_arr[i]),
                        f"row skipped: candidates' votes ({int(votes[i].sum())}) "
                        f"exceed valid ballots ({int(valid[i])})",
                    )
                )
        keep = ~over
        registered, issued, votes, invalid, valid = (
            a[keep] for a in (registered, issued, votes, invalid, valid)
        )
        group_keys = [k for k, ok in zip(group_keys, keep.tolist(), strict=True) if ok]
        if not keep.any():
            raise TableError(
                [*problems, Problem(file, None, "no usable rows: every row has more votes than ballots")]
            )
    if bad > MAX_LISTED_PROBLEMS:
        problems.append(Problem(file, None, f"... and {bad - MAX_LISTED_PROBLEMS} more bad rows"))
    _check_mapping(file, layout, registered, issued, valid, invalid, problems)
    leader = layout.candidates.index(layout.leader) if layout.leader else int(np.argmax(votes.sum(axis=0)))
    groups = None
    if layout.group:
        codes: dict[tuple[str, ...], int] = {}
        groups = np.asarray([codes.setdefault(k, len(codes)) for k in group_keys], dtype=np.int64)
    if empty or bad:
        log.info("%s: %d rows without numbers and %d bad rows skipped", file, empty, bad)
    return PrecinctTable(
        name=name or path.name,
        registered=registered,
        issued=issued,
        valid=valid,
        invalid=invalid,
        votes=votes,
        candidates=layout.candidates,
        leader=leader,
        rows_read=read,
        skipped_empty=empty,
        skipped_bad=bad,
        problems=tuple(problems),
        layout=Layout(
            layout.registered,
            layout.issued,
            layout.valid,
            layout.invalid,
            layout.candidates,
            layout.candidates[leader],
            layout.group,
        ),
        groups=groups,
    )


# More ballots in the boxes than were issued happens at a few stations of real tables
# (a miscount, ballots of another day); in most rows it means a column is mapped wrongly.
MAX_SHARE_BALLOTS_OVER_ISSUED = 0.5


def _check_mapping(
    file: str,
    layout: Layout,
    registered: IntArray,
    issued: IntArray,
    valid: IntArray,
    invalid: IntArray,
    problems: list[Problem],
) -> None:
    """Refuse a mapping the numbers cannot fit; warn about stations above 100% turnout."""
    n = registered.size
    over = int(((valid + invalid) > issued).sum())
    if over > MAX_SHARE_BALLOTS_OVER_ISSUED * n:
        what = f"valid ({layout.valid})" if layout.valid else "the candidates' votes"
        cands = ", ".join(map(repr, layout.candidates))
        raise TableError(
            [
                Problem(
                    file,
                    1,
                    f"impossible column mapping: {what} plus invalid ballots exceed the ballots issued "
                    f"in {over} of {n} rows. Is a count column taken for a candidate? The candidates "
                    f"are {cands}; name them with --candidate, and give --valid and --invalid",
                )
            ]
        )
    above = issued > registered
    if above.any():
        with np.errstate(divide="ignore"):
            top = float(np.max(issued[above] / np.maximum(registered[above], 1)))
        problems.append(
            Problem(
                file,
                None,
                f"{int(above.sum())} stations report more ballots issued than registered voters "
                f"(turnout up to {100 * top:.0f}%); kept, but their turnout is impossible: check them, "
                "or check the registered and issued columns",
            )
        )
