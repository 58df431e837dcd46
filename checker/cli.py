"""The ``checkfigures`` command line: argument handling and exit codes, nothing else.

Exit codes: 0 nothing found, 1 discrepancies found (``--fail-on`` changes this),
2 usage error, 3 unreadable input, reference data or output (a full disk included),
4 an internal error (a bug: one line on stderr, the traceback with ``--debug``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
import signal
import sqlite3
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from checker import __version__
from checker.errors import CheckerError
from checker.files import printable

app = typer.Typer(
    name="checkfigures",
    help="Check reported vote figures in news articles against official results, the calendar "
    "and each other.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
reference_app = typer.Typer(help="Inspect and validate reference tables.", no_args_is_help=True)
app.add_typer(reference_app, name="reference")


INTERNAL_ERROR = 4  # never 1: that code tells a pipeline "discrepancies found"
_debug = False  # set by --debug: show the traceback of an internal error
_inputs: list[Path] = []  # what the command was reading, named in an internal error's line


class ExtractFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class FailOn(StrEnum):
    discrepancy = "discrepancy"
    major = "major"
    never = "never"


def _fail(err: CheckerError) -> typer.Exit:
    typer.echo(f"Error: {err}", err=True)
    return typer.Exit(err.exit_code)


def _parse_date(value: str | None) -> dt.date | None:
    from checker.load.metadata import PUBLISHED_YEARS

    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2022-09-28") from None
    if not PUBLISHED_YEARS[0] <= day.year <= PUBLISHED_YEARS[1]:
        low, high = PUBLISHED_YEARS
        raise typer.BadParameter(f"{value!r} is not a publication date between {low} and {high}")
    return day


def _version(value: bool) -> None:
    if value:
        typer.echo(f"checkfigures {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what each stage does.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    global _debug
    _debug = debug
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )


PathsArg = Annotated[list[Path], typer.Argument(help="Article files or folders (searched recursively).")]
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for articles that do not give one."),
]


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExtractFormat.table,
    published: PublishedOpt = None,
) -> None:
    """Print every figure found in the articles (one mention per line).

    Example: checkfigures extract examples/articles --format jsonl
    """
    from checker.model import ArticleError
    from checker.pipeline import iter_extracted
    from checker.records import mention_record

    _inputs[:] = paths
    pub = _parse_date(published)
    out = sys.stdout
    writer = None
    errors = 0
    try:
        for item in iter_extracted(paths, published=pub):
            if isinstance(item, ArticleError):
                errors += 1
                typer.echo(f"Error: {item}", err=True)
                continue
            _article, mentions = item
            for m in mentions:
                rec = mention_record(m)
                if fmt is ExtractFormat.jsonl:
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                elif fmt is ExtractFormat.csv:
                    if writer is None:
                        writer = csv.DictWriter(out, fieldnames=list(rec)[:11], extrasaction="ignore")
                        writer.writeheader()
                    writer.writerow(rec)
                else:
                    low, high = rec["low"], rec["high"]
                    interval = "" if low is None else f"[{low}, {high}] {rec['unit']}"
                    out.write(
                        f"{m.article}:{m.start}-{m.end}\t{m.kind:<13}\t{m.text!r}\t{interval}\t{m.qualifier}\n"
                    )
    except CheckerError as err:
        raise _fail(err) from None
    if errors:
        raise typer.Exit(3)


class Engine(StrEnum):
    local = "local"
    dask = "dask"


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[int], None] | None]:
    """A progress line on a terminal; nothing when quiet or when stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} articles checked"), TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("check", total=None)
        yield lambda n: bar.advance(task, n)


class ReportPart(StrEnum):
    json = "json"
    csv = "csv"
    md = "md"
    png = "png"
    pdf = "pdf"


def _default_out(paths: list[Path]) -> Path:
    name = paths[0].resolve().name if len(paths) == 1 else "articles"
    stem = Path(name).stem or "articles"
    return Path("reports") / stem


@app.command()
def check(
    paths: PathsArg,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output folder (default: reports/<input name>/).")
    ] = None,
    reference: Annotated[
        list[Path] | None,
        typer.Option("--reference", "-r", help="Extra reference folder; its tables add to or override ours."),
    ] = None,
    published: PublishedOpt = None,
    formats: Annotated[
        list[ReportPart] | None,
        typer.Option("--format", "-f", help="Write only these parts (repeatable); default all."),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Which findings make the exit code 1.")
    ] = FailOn.discrepancy,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0: one per core).")] = 0,
    engine: Annotated[
        Engine, typer.Option("--engine", help="Where the per-article work runs.")
    ] = Engine.local,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address, with --engine dask.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary output.")] = False,
    packs: Annotated[
        bool,
        typer.Option(
            "--packs/--no-packs",
            help="Check against the bundled ParlGov and MEDSL packs too (below our own tables); "
            "off by default until alliances such as CDU/CSU are summed.",
        ),
    ] = False,
) -> None:
    """Check the figures in the articles and write a report.

    Example: checkfigures check examples/articles --out reports/examples
    """
    from checker.pipeline import run_check
    from checker.reference import pack_dirs
    from checker.report import write_report
    from checker.store import tally

    _inputs[:] = paths
    pub = _parse_date(published)
    out_dir = out if out is not None else _default_out(paths)
    parts = {p.value for p in formats} if formats else {p.value for p in ReportPart}
    try:
        with _progress(quiet) as tick:
            result = run_check(
                paths,
                reference_dirs=[*(pack_dirs() if packs else []), *(reference or [])],
                published=pub,
                jobs=jobs,
                engine=engine.value,
                scheduler=scheduler,
                progress=tick,
                exclude=[out_dir],
            )
        try:
            written = write_report(result, out_dir, parts=parts)
            tallied, claims = tally(result.findings), len(result.claims)
        finally:
            result.close()
    except CheckerError as err:
        raise _fail(err) from None
    if not quiet:
        counts: dict[str, int] = {}
        for (_check, verdict, _severity), n in tallied.items():
            counts[verdict] = counts.get(verdict, 0) + n
        summary = ", ".join(f"{n} {v}" for v, n in sorted(counts.items())) or "no findings"
        typer.echo(
            f"{len(result.articles)} articles, {claims} claims, {tallied.total()} findings: {summary}",
            err=True,
        )
        if result.errors:
            typer.echo(f"{len(result.errors)} input(s) could not be read (listed in the report).", err=True)
        for path in written:
            typer.echo(f"  wrote {printable(path)}", err=True)
    discrepancies = Counter({severity: n for (_c, v, severity), n in tallied.items() if v == "discrepancy"})
    if fail_on is FailOn.never:
        raise typer.Exit(0)
    if fail_on is FailOn.major:
        raise typer.Exit(1 if discrepancies["major"] else 0)
    raise typer.Exit(1 if discrepancies.total() else 0)


@reference_app.command("validate")
def reference_validate(
    dirs: Annotated[
        list[Path] | None, typer.Argument(help="Reference folders to validate (default: the bundled tables).")
    ] = None,
) -> None:
    """Validate reference tables and list every problem as file:line: message.

    Example: checkfigures reference validate my_tables/
    """
    from checker.reference import load_reference

    try:
        # user tables are checked together with ours; a bundled pack from its CSV files
        ref = load_reference(dirs or [], use_index=False)
    except CheckerError as err:
        raise _fail(err) from None
    typer.echo(f"OK: {ref.describe()}")


@reference_app.command("list")
def reference_list(
    reference: Annotated[
        list[Path] | None, typer.Option("--reference", "-r", help="Extra reference folder to include.")
    ] = None,
    packs: Annotated[
        bool, typer.Option("--packs", help="Include the bundled imported packs (ParlGov, MEDSL).")
    ] = False,
) -> None:
    """List the elections, people and events the reference tables cover, and coverage by country.

    Example: checkfigures reference list --packs
    """
    from checker.reference import load_reference, pack_dirs

    try:
        ref = load_reference([*(pack_dirs() if packs else []), *(reference or [])])
    except CheckerError as err:
        raise _fail(err) from None
    lines = ref.coverage_by_country() if packs else [*ref.coverage_lines(), "", *ref.coverage_by_country()]
    for line in lines:
        typer.echo(line)


import_app = typer.Typer(
    help="Convert an open results dataset into reference tables (see README: importers).",
    no_args_is_help=True,
)
reference_app.add_typer(import_app, name="import")
OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Folder to write the tables into.")]
RetrievedOpt = Annotated[
    str | None, typer.Option("--retrieved", help="When the source copy was taken (YYYY-MM-DD).")
]


def _imported(run: Callable[[], object]) -> None:
    """Run an import, list its problems as file:line: message, and exit 3 on an error."""
    from checker.importers.common import ImportReport

    try:
        report = run()
    except CheckerError as err:
        raise _fail(err) from None
    assert isinstance(report, ImportReport)
    for problem in report.problems:
        typer.echo(str(problem), err=True)
    typer.echo(report.summary())


@import_app.command("parlgov")
def import_parlgov_cmd(
    folder: Annotated[Path, typer.Argument(help="Folder of ParlGov's CSV export.")],
    out: OutOpt,
    retrieved: RetrievedOpt = None,
) -> None:
    """ParlGov parliament and European Parliament elections.

    Example: checkfigures reference import parlgov parlgov/ --out tables/parlgov
    """
    from checker.importers.parlgov import import_parlgov

    _imported(lambda: import_parlgov(folder, out, _parse_date(retrieved)))


@import_app.command("medsl")
def import_medsl_cmd(
    file: Annotated[Path, typer.Argument(help="MEDSL's 1976-2020-president.csv.")],
    out: OutOpt,
    retrieved: RetrievedOpt = None,
    corrections: Annotated[
        bool, typer.Option(help="Apply the cited corrections of impossible rows (else leave them out).")
    ] = True,
) -> None:
    """MIT Election Lab U.S. President results by state.

    Example: checkfigures reference import medsl 1976-2020-president.csv --out tables/medsl
    """
    from checker.importers.medsl import import_medsl

    _imported(lambda: import_medsl(file, out, _parse_date(retrieved), corrections=corrections))


@import_app.command("precincts")
def import_precincts_cmd(
    table: Annotated[Path, typer.Argument(help="Precinct table: .csv, or .zip holding one .csv.")],
    out: OutOpt,
    preset: Annotated[
        str, typer.Option("--preset", "-p", help="ru-cec-presidential, ru-cec-duma, ru-cec-2020-vote.")
    ],
    date: Annotated[str, typer.Option("--date", help="Election day (YYYY-MM-DD).")],
    names: Annotated[
        str, typer.Option("--names", help="Candidate names: column=name,... (a column's start is enough).")
    ] = "",
    retrieved: RetrievedOpt = None,
) -> None:
    """National and regional totals summed from a precinct table.

    Example: checkfigures reference import precincts 2018.csv.zip --preset ru-cec-presidential
    --date 2018-03-18 --names "Путин=Vladimir Putin" --out tables/ru2018
    """
    from checker.importers.generic import parse_pairs
    from checker.importers.precincts import import_precincts

    day = _parse_date(date)
    assert day is not None
    renames = parse_pairs(names, "--names")
    _imported(
        lambda: import_precincts(
            table, out, preset=preset, date=day, names=renames, retrieved=_parse_date(retrieved)
        )
    )


@import_app.command("csv")
def import_csv_cmd(
    file: Annotated[Path, typer.Argument(help="A CSV table of results.")],
    out: OutOpt,
    mapping: Annotated[str, typer.Option("--map", help="Source columns to fields: col=field,...")],
    constants: Annotated[
        str, typer.Option("--set", help="Fields with one value for every row: field=value,...")
    ] = "",
    dataset: Annotated[str, typer.Option("--dataset", help="Name of the dataset.")] = "",
    version: Annotated[str, typer.Option("--dataset-version", help="Its version.")] = "",
    source_url: Annotated[str, typer.Option("--source-url", help="Its URL or DOI (required).")] = "",
    retrieved: RetrievedOpt = None,
) -> None:
    """Any results table, through a column map (fields: see README).

    Example: checkfigures reference import csv res.csv --map Party=option,Pct=share_pct
    --set country=Malta,country_code=MT,kind=parliamentary,date=2022-03-26 --source-url URL --out t/
    """
    from checker.errors import UsageError
    from checker.importers.generic import import_csv, parse_pairs, provenance_of

    if not source_url:
        raise _fail(UsageError("--source-url is required: every imported figure needs its source"))
    prov = provenance_of(dataset or file.stem, version, source_url, _parse_date(retrieved))
    try:
        columns, fixed = parse_pairs(mapping, "--map"), parse_pairs(constants, "--set")
    except CheckerError as err:
        raise _fail(err) from None
    _imported(lambda: import_csv(file, out, columns, fixed, prov))


def _register_forensics() -> None:
    from checker.forensics.command import forensics_app

    app.add_typer(forensics_app(), name="forensics")


_register_forensics()


def _terminated(signum: int, _frame: object) -> None:
    """SIGTERM (a pipeline's timeout, ``kill``) unwinds like Ctrl-C: the run store and any
    half-written report file are removed on the way out, and the exit code is 128 + 15."""
    raise SystemExit(128 + signum)


def _crash(err: BaseException) -> int:
    """One line for an error nobody planned for, naming the input; the traceback with --debug."""
    where = ", ".join(printable(p) for p in _inputs[:3]) + (" ..." if len(_inputs) > 3 else "")
    if isinstance(err, OSError | sqlite3.OperationalError):
        # the machine, not the articles: a full disk or temporary folder, a lost mount
        typer.echo(f"Error: cannot go on{' with ' + where if where else ''}: {err}", err=True)
        code = 3
    else:
        typer.echo(
            f"Internal error{' while reading ' + where if where else ''}: {type(err).__name__}: {err} "
            "(a bug in checkfigures; run again with --debug for the traceback and report it)",
            err=True,
        )
        code = INTERNAL_ERROR
    if _debug:
        traceback.print_exception(err)
    return code


def main() -> None:
    signal.signal(signal.SIGTERM, _terminated)
    try:
        app()
    except Exception as err:  # anything the code did not expect must not exit 1 ("discrepancies")
        sys.exit(_crash(err))
