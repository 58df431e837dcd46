"""The ``checkfigures forensics`` command: options, messages and exit codes, nothing else.

Exit codes: 0 every table was screened, 2 usage error, 3 at least one table was unusable
(the others are still screened and reported) or the report could not be written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from checker.errors import CheckerError, Problem, TableError, UsageError

PRESET_HELP = (
    "Column layout by name: ru-cec-presidential, ru-cec-duma, ru-cec-2020-vote (Russian CEC files), "
    "synthetic (tables from our generator)."
)


def _say(line: str, quiet: bool) -> None:
    if not quiet:
        typer.echo(line, err=True)


def forensics(
    tables: Annotated[list[Path], typer.Argument(help="Precinct tables: .csv, or .zip holding one .csv.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("reports/forensics"),
    preset: Annotated[str | None, typer.Option("--preset", "-p", help=PRESET_HELP)] = None,
    registered: Annotated[str | None, typer.Option(help="Column of registered voters.")] = None,
    issued: Annotated[
        list[str] | None, typer.Option(help="Column of ballots issued (repeatable: the parts are added).")
    ] = None,
    valid: Annotated[
        str | None, typer.Option(help="Column of valid ballots (default: sum of candidates).")
    ] = None,
    invalid: Annotated[str | None, typer.Option(help="Column of invalid ballots (default: none).")] = None,
    candidate: Annotated[
        list[str] | None, typer.Option(help="Candidate column (repeatable; default: every other column).")
    ] = None,
    leader: Annotated[
        str | None, typer.Option(help="The candidate to screen (default: most votes in the table).")
    ] = None,
    replicates: Annotated[int, typer.Option(help="Monte Carlo replicates for the integer test.")] = 1000,
    seed: Annotated[int, typer.Option(help="Seed of the Monte Carlo simulations.")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary output.")] = False,
) -> None:
    """Screen precinct-level vote tables: integer percentages, fingerprint, digit tests.

    Example: checkfigures forensics examples/forensics/honest.csv --preset synthetic --out reports/forensics

    Each test is a screen with its statistic and p-value, never a verdict of fraud.
    """
    from checker.forensics.output import write_forensics
    from checker.forensics.run import TableReport, check_table
    from checker.forensics.table import load_table, read_header, resolve_layout, resolve_preset

    columns_given = any([registered, issued, valid, invalid, candidate])
    try:
        if replicates < 1:
            raise UsageError("--replicates must be at least 1")
        if preset is None and not registered:
            raise UsageError("give --preset NAME or the columns (--registered, --issued ...)")
        if preset is not None and columns_given:
            raise UsageError("give either --preset or column options (only --leader combines with a preset)")
        if preset is not None:
            resolve_preset(preset, [], "")  # unknown names are a usage error before any file is read
    except UsageError as err:
        typer.echo(f"Error: {err}", err=True)
        raise typer.Exit(err.exit_code) from None
    except TableError:
        pass  # a known preset on an empty header: the real header comes with each table

    reports: list[TableReport] = []
    errors: list[tuple[str, TableError]] = []
    for path in tables:
        try:
            if not path.is_file():
                raise TableError([Problem(str(path), None, "no such file; check the path")])
            header = read_header(path)
            if preset is not None:
                layout = resolve_preset(preset, header, str(path), leader=leader)
            else:
                assert registered is not None
                layout = resolve_layout(
                    header,
                    registered=registered,
                    issued=issued or [],
                    valid=valid,
                    invalid=invalid,
                    candidates=candidate or [],
                    leader=leader,
                    file=str(path),
                )
            table = load_table(path, layout)
        except TableError as err:
            errors.append((str(path), err))
            for p in err.problems:
                typer.echo(f"Error: {p}", err=True)
            continue
        for p in table.problems:
            _say(f"Warning: {p}", quiet)
        _say(
            f"{path}: {table.n} stations of {table.rows_read} rows ({table.skipped_empty} without numbers "
            f"and {table.skipped_bad} bad rows skipped); leader: {table.leader_name}",
            quiet,
        )
        reports.append(check_table(table, str(path), replicates=replicates, seed=seed))
    try:
        written = write_forensics(reports, errors, out, replicates, seed)
    except CheckerError as err:
        typer.echo(f"Error: {err}", err=True)
        raise typer.Exit(err.exit_code) from None
    for rep in reports:
        for res in rep.results():
            shown = "" if res.p_value is None else f" (p = {res.p_value:.3g})"
            _say(f"  {res.title}{shown}: {res.summary.split('. ')[0]}.", quiet)
    for written_path in written:
        _say(f"  wrote {written_path}", quiet)
    raise typer.Exit(3 if errors else 0)
