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
    group: Annotated[
        list[str] | None,
        typer.Option(
            help="District column(s) for the fingerprint's within-district corner test (repeatable; "
            "default: the whole table is one district)."
        ),
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
    from checker.forensics.output import headline, write_forensics
    from checker.forensics.run import TableReport, check_table
    from checker.forensics.table import load_table, read_header, resolve_layout, resolve_preset

    columns_given = any([registered, issued, valid, invalid, candidate, group])
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
            if path.is_dir():
                raise TableError(
                    [Problem(str(path), None, "is a folder, not a table; give the .csv or .zip file")]
                )
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
                    group=group or [],
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
        _say(f"{rep.path} (leader: {rep.table.leader_name}):", quiet)
        for res in rep.results():
            _say(f"  {headline(res)}", quiet)
    for written_path in written:
        _say(f"  wrote {written_path}", quiet)
    raise typer.Exit(3 if errors else 0)


def simulate(
    out: Annotated[Path, typer.Argument(help="CSV file to write (the layout of --preset synthetic).")],
    stations: Annotated[int, typer.Option(help="Number of polling stations.")] = 10_000,
    seed: Annotated[int, typer.Option(help="Seed: the same seed gives the same table.")] = 0,
    stuffing: Annotated[float, typer.Option(help="Share of stations with ballot stuffing (0-1).")] = 0.0,
    stuffing_rate: Annotated[
        float, typer.Option(help="Share of a stuffed station's non-voters added for the leader (0-1).")
    ] = 0.5,
    rounding: Annotated[
        float, typer.Option(help="Share of stations whose figures are rounded up to a whole percent (0-1).")
    ] = 0.0,
    target: Annotated[str, typer.Option(help="What rounding targets: turnout, result or both.")] = "both",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary output.")] = False,
) -> None:
    """Write a synthetic election (clean, rounded or stuffed) to calibrate the screens on.

    Example: checkfigures forensics simulate clean.csv --stations 97699 --seed 1

    Screen the result with: checkfigures forensics clean.csv --preset synthetic
    """
    from checker.forensics.synthetic import generate_election, write_synthetic_csv

    try:
        if stations < 1:
            raise UsageError("--stations must be at least 1")
        if target not in ("turnout", "result", "both"):
            raise UsageError(f"--target must be turnout, result or both, not {target!r}")
        election = generate_election(
            stations,
            seed,
            stuffing=stuffing,
            stuffing_rate=stuffing_rate,
            rounding=rounding,
            target=target,  # type: ignore[arg-type]
        )
    except ValueError as err:
        typer.echo(f"Error: {err}", err=True)
        raise typer.Exit(2) from None
    except UsageError as err:
        typer.echo(f"Error: {err}", err=True)
        raise typer.Exit(err.exit_code) from None
    try:
        write_synthetic_csv(election, out)
    except OSError as err:
        typer.echo(f"Error: {out}: cannot write: {err.strerror or err}", err=True)
        raise typer.Exit(3) from None
    _say(
        f"wrote {out}: {stations} stations (seed {seed}), {int(election.stuffed.sum())} stuffed, "
        f"{int(election.rounded.sum())} rounded",
        quiet,
    )


def forensics_app() -> typer.Typer:
    """``checkfigures forensics``: screen tables (the default) or ``simulate`` one."""
    from typer.core import TyperGroup

    class _ScreenByDefault(TyperGroup):
        # ``forensics TABLE...`` keeps working: anything but a subcommand name (or --help)
        # goes to the ``screen`` command.
        def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
            if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
                args = ["screen", *args]
            return super().parse_args(ctx, args)

    sub = typer.Typer(
        cls=_ScreenByDefault,
        help="Screen precinct-level vote tables (checkfigures forensics TABLE...), or simulate one.",
        no_args_is_help=True,
    )
    sub.command(name="screen")(forensics)
    sub.command(name="simulate")(simulate)
    return sub
