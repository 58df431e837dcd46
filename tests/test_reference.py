"""Reference tables: the bundled data, every validation message, overrides from a user folder."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.errors import Problem, ReferenceDataError
from checker.reference import (
    BUNDLED_DIR,
    ReferenceData,
    load_reference,
    validate_reference,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
FACTS = SHARED / "reference-facts"


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference([])


def _facts(name: str) -> list[dict[str, str]]:
    path = FACTS / name
    assert path.is_file(), f"{path} is missing: the tests need ../shared/reference-facts next to the repo"
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


# --- the bundled tables --------------------------------------------------------------------------


def test_bundled_tables_validate_cleanly() -> None:
    assert validate_reference([]) == []


def test_bundled_tables_are_the_repo_folder(ref: ReferenceData) -> None:
    assert BUNDLED_DIR == REPO / "reference_data"
    assert [name for name, _ in ref.table_paths] == ["elections", "results", "people", "events", "aliases"]


def test_describe_counts_every_table(ref: ReferenceData) -> None:
    want = (
        f"{len(ref.elections)} elections, {len(ref.results)} results, {len(ref.people)} people, "
        f"{len(ref.events)} events, {len(ref.aliases)} aliases"
    )
    assert ref.describe() == want
    assert len(ref.elections) >= 15 and len(ref.results) >= 60 and len(ref.aliases) >= 150


def _share_keys(ref: ReferenceData) -> set[tuple[str, Decimal]]:
    return {(r.election, r.share) for r in ref.results if r.share is not None}


# Every figure of the shared facts must be in our tables, for the same election. Facts rows
# whose figure we deliberately moved are listed with the reason.
FACTS_RESULTS = _facts("results.csv")


@pytest.mark.parametrize(
    "row",
    [r for r in FACTS_RESULTS if r["share_pct"]],
    ids=[f"{r['election_id']}:{r['option'][:24]}" for r in FACTS_RESULTS if r["share_pct"]],
)
def test_every_sourced_share_is_kept(ref: ReferenceData, row: dict[str, str]) -> None:
    assert (row["election_id"], Decimal(row["share_pct"])) in _share_keys(ref)


@pytest.mark.parametrize(
    "row",
    [r for r in FACTS_RESULTS if r["votes"] or r["turnout_pct"]],
    ids=[f"{r['election_id']}:{r['option'][:24]}" for r in FACTS_RESULTS if r["votes"] or r["turnout_pct"]],
)
def test_every_sourced_count_and_turnout_is_kept(ref: ReferenceData, row: dict[str, str]) -> None:
    rows = ref.results_for(row["election_id"])
    if row["votes"]:
        assert int(row["votes"]) in {r.votes for r in rows}
    if row["turnout_pct"]:
        assert Decimal(row["turnout_pct"]) in {r.turnout for r in rows}


@pytest.mark.parametrize("person", _facts("people.csv"), ids=lambda p: p["name"])
def test_people_dates_match_the_facts(ref: ReferenceData, person: dict[str, str]) -> None:
    ours = ref.people[person["name"]]
    assert ours.born == dt.date.fromisoformat(person["born"])
    assert ours.died == (dt.date.fromisoformat(person["died"]) if person["died"] else None)
    for alias in person["aliases"].split("|"):
        assert ref.gazetteer.canonical(alias) == person["name"], alias


@pytest.mark.parametrize("event", _facts("events.csv"), ids=lambda e: e["event_id"])
def test_events_match_the_facts(ref: ReferenceData, event: dict[str, str]) -> None:
    ours = {e.id: e for e in ref.events}[event["event_id"]]
    assert ours.date == dt.date.fromisoformat(event["date"])
    assert ours.source_url == event["source_url"]


def test_event_entities_and_result_names_are_gazetteer_names(ref: ReferenceData) -> None:
    g = ref.gazetteer
    for event in ref.events:
        for name in event.entities:
            assert g.canonical(name) == name, (event.id, name)
    for row in ref.results:
        assert g.canonical(row.region) == row.region and g.type_of(row.region) == "place", row.key
        if row.option:
            assert g.canonical(row.option) == row.option, row.key
            assert g.type_of(row.option) in ("person", "party", "option"), row.key


@pytest.mark.parametrize(
    ("election", "region", "option", "stage", "share", "turnout", "counted"),
    [
        (
            "ua_occupied_annexation_ref_2022",
            "Donetsk People's Republic",
            "Yes",
            "final",
            "99.23",
            "97.51",
            None,
        ),
        (
            "ua_occupied_annexation_ref_2022",
            "Donetsk People's Republic",
            "Yes",
            "partial",
            "94.75",
            None,
            "56.85",
        ),
        (
            "ua_occupied_annexation_ref_2022",
            "Luhansk People's Republic",
            None,
            "sub_population",
            None,
            "92.6",
            None,
        ),
        (
            "ua_occupied_annexation_ref_2022",
            "Luhansk People's Republic",
            "Yes",
            "final",
            "98.42",
            "94.15",
            None,
        ),
        ("ua_occupied_annexation_ref_2022", "Zaporizhzhia", "Yes", "final", "93.11", "85.40", None),
        ("ua_occupied_annexation_ref_2022", "Kherson", "Yes", "final", "87.05", "76.86", None),
        ("ru_pres_2024", "Russia", "Vladimir Putin", "final", "87.28", "77.49", None),
        ("ru_pres_2024", "Russia", "Vladimir Putin", "preliminary", "87.32", None, "99.43"),
        ("by_pres_2020", "Belarus", "Alexander Lukashenko", "preliminary", "80.23", "84.23", None),
        ("by_pres_2020", "Belarus", "Alexander Lukashenko", "final", "80.10", "84.28", None),
        ("ve_pres_2024", "Venezuela", "Nicolás Maduro", "partial", "51.20", "59", "80"),
        ("ve_pres_2024", "Venezuela", "Nicolás Maduro", "partial", "51.95", None, "96.87"),
        ("ve_pres_2024", "Venezuela", "Edmundo González", "claimed_by", "67", None, None),
        ("crimea_status_ref_2014", "Crimea", "Yes", "final", "96.77", "83.1", None),
        ("uk_eu_ref_2016", "United Kingdom", "Leave", "final", "51.89", "72.21", None),
        ("ge_parl_2024", "Georgia", "Georgian Dream", "final", "53.93", "58.94", None),
    ],
    ids=lambda v: str(v),
)
def test_stage_rows_of_the_brief(
    ref: ReferenceData,
    election: str,
    region: str,
    option: str | None,
    stage: str,
    share: str | None,
    turnout: str | None,
    counted: str | None,
) -> None:
    rows = [r for r in ref.results_for(election, region, stage) if r.region == region and r.option == option]
    match = [
        r
        for r in rows
        if r.share == (Decimal(share) if share else None)
        and (counted is None or r.counted_pct == Decimal(counted))
    ]
    assert match, rows
    if turnout:
        assert match[0].turnout == Decimal(turnout)


def test_venezuela_has_no_final_result(ref: ReferenceData) -> None:
    assert ref.results_for("ve_pres_2024", stage="final") == []
    assert ref.elections["ve_pres_2024"].result_date is None
    claims = ref.results_for("ve_pres_2024", stage="claimed_by")
    assert {r.claimed_by for r in claims} >= {"opposition"}


def test_belarus_2022_shares_are_of_registered_voters(ref: ReferenceData) -> None:
    official = [r for r in ref.results_for("by_const_ref_2022", "Yes", "final") if r.registered]
    assert [(r.share, r.share_basis) for r in official] == [(Decimal("65.16"), "registered")]


def test_the_commission_figure_is_the_last_final_row_of_a_contest(ref: ReferenceData) -> None:
    # Rival figures of the same stage come first, so finals[-1] is the commission's figure.
    finals = [r for r in ref.results_for("ru_pres_2004", "Vladimir Putin", "final") if r.share]
    assert (finals[-1].share, finals[-1].share_basis) == (Decimal("71.31"), "ballots")
    turnouts = [r for r in ref.results_for("ua_occupied_annexation_ref_2022", "Zaporizhzhia", "final")]
    assert turnouts[-1].turnout == Decimal("85.40")


def test_early_voting_counts_as_voting(ref: ReferenceData) -> None:
    e = ref.elections
    assert (e["by_pres_2020"].start, e["by_pres_2020"].end) == (dt.date(2020, 8, 4), dt.date(2020, 8, 9))
    assert (e["ru_const_vote_2020"].start, e["ru_const_vote_2020"].result_date) == (
        dt.date(2020, 6, 25),
        dt.date(2020, 7, 3),
    )
    assert e["ru_pres_2024"].result_date == dt.date(2024, 3, 21)
    assert "referendums on joining Russia" in e["ua_occupied_annexation_ref_2022"].names


def test_results_for_matches_region_or_option(ref: ReferenceData) -> None:
    by_option = ref.results_for("ru_pres_2024", "Vladimir Putin")
    assert {r.region for r in by_option} == {"Russia", "Donetsk People's Republic"}
    by_region = ref.results_for("ru_pres_2024", "Donetsk People's Republic")
    assert [r.share for r in by_region] == [Decimal("95.23")]
    assert ref.results_for("no_such_election") == []


def test_elections_for_entity(ref: ReferenceData) -> None:
    ids = [e.id for e in ref.elections_for_entity("Donetsk People's Republic")]
    assert ids == ["donbas_self_rule_ref_2014", "ua_occupied_annexation_ref_2022", "ru_pres_2024"]
    assert [e.id for e in ref.elections_for_entity("Leave")] == ["uk_eu_ref_2016"]


def test_row_keys_are_file_and_line(ref: ReferenceData) -> None:
    row = ref.results_for("uk_eu_ref_2016", "Leave")[0]
    lines = (BUNDLED_DIR / "results.csv").read_text(encoding="utf-8").splitlines()
    assert row.key == f"results.csv:{row.line}"
    assert lines[row.line - 1].startswith("uk_eu_ref_2016,United Kingdom,Leave,")


def test_coverage_lines_list_elections_people_events(ref: ReferenceData) -> None:
    text = "\n".join(ref.coverage_lines())
    assert text.startswith(f"Reference data: {ref.describe()}")
    assert (
        "ru_pres_2024: 2024 Russian presidential election [presidential, Russia] 2024-03-15 to 2024-03-17"
        in text
    )
    assert "Alexei Navalny: 1976-06-04 - 2024-02-16" in text
    assert "2022-09-30 annexation_treaties_signed:" in text


# --- validation: one case per message, tables written to tmp_path ----------------------------------

ELECTIONS = (
    "election_id,name,kind,country,start_date,end_date,source_url\n"
    "x_2020,2020 X election,presidential,Russia,2020-03-01,2020-03-02,https://example.org/x\n"
)
RESULTS_HEAD = "election_id,region,option,stage,as_of,share_pct,turnout_pct,votes,claimed_by,source_url\n"
SRC = "https://example.org/r"

# (id, {file: text}, expected problems as (file, line, message))
VALIDATION_CASES: list[tuple[str, dict[str, str], list[tuple[str, int | None, str]]]] = [
    (
        "missing_column",
        {"results.csv": "election_id,region,option,stage,share_pct\n"},
        [("results.csv", 1, "missing required column 'source_url'")],
    ),
    (
        "unknown_column",
        {"people.csv": "name,born,source_url,colour\nAnna Example,1970-01-01,https://example.org/p,red\n"},
        [("people.csv", 1, "unknown column 'colour'")],
    ),
    (
        "bad_number",
        {"results.csv": RESULTS_HEAD + f"x_2020,Russia,Yes,final,,8x,,,,{SRC}\n"},
        [("results.csv", 2, "column 'share_pct': '8x' is not a number")],
    ),
    (
        "bad_whole_number",
        {"results.csv": RESULTS_HEAD + f'x_2020,Russia,Yes,final,,,,"1,234",,{SRC}\n'},
        [("results.csv", 2, "column 'votes': '1,234' is not a whole number (digits only, no separators)")],
    ),
    (
        "bad_date",
        {"elections.csv": ELECTIONS.replace("2020-03-02", "2020-02-30")},
        [("elections.csv", 2, "column 'end_date': '2020-02-30' is not a date (use YYYY-MM-DD)")],
    ),
    (
        "share_above_100",
        {"results.csv": RESULTS_HEAD + f"x_2020,Russia,Yes,final,,100.5,,,,{SRC}\n"},
        [("results.csv", 2, "column 'share_pct': 100.5 is outside 0-100")],
    ),
    (
        "negative_turnout",
        {"results.csv": RESULTS_HEAD + f"x_2020,Russia,,final,,,-1,,,{SRC}\n"},
        [("results.csv", 2, "column 'turnout_pct': -1 is outside 0-100")],
    ),
    (
        "end_before_start",
        {"elections.csv": ELECTIONS.replace("2020-03-02", "2020-02-27")},
        [("elections.csv", 2, "end_date 2020-02-27 is before start_date 2020-03-01")],
    ),
    (
        "duplicate_result",
        {
            "results.csv": RESULTS_HEAD
            + f"x_2020,Russia,Yes,final,2020-03-03,60,,,,{SRC}\n"
            + f"x_2020,Russia,Yes,final,2020-03-03,61,,,,{SRC}\n"
        },
        [
            (
                "results.csv",
                3,
                "duplicate key election_id=x_2020, region=Russia, option=Yes, stage=final, as_of=2020-03-03, "
                "share_basis=ballots (first on line 2)",
            )
        ],
    ),
    (
        "duplicate_alias_after_folding",
        {"aliases.csv": "canonical,alias,type\nKherson,Cherson,place\nKyiv,cherson,place\n"},
        [("aliases.csv", 3, "duplicate key alias=cherson (first on line 2)")],
    ),
    (
        "shares_above_100",
        {
            "results.csv": RESULTS_HEAD
            + f"x_2020,Russia,Anna Example,final,,60.4,,,,{SRC}\n"
            + f"x_2020,Russia,Boris Example,final,,39.8,,,,{SRC}\n"
        },
        [
            (
                "results.csv",
                2,
                "option shares of x_2020 / Russia (final, ballots basis) sum to 100.2%, more than 100% plus "
                "rounding; rows on lines 2, 3",
            )
        ],
    ),
    (
        "no_source",
        {"people.csv": "name,born,source_url\nAnna Example,1970-01-01,\n"},
        [("people.csv", 2, "row has no source_url; every fact needs its source")],
    ),
    (
        "unknown_election_in_results",
        {"results.csv": RESULTS_HEAD + f"y_2021,Russia,Yes,final,,50,,,,{SRC}\n"},
        [("results.csv", 2, "unknown election_id 'y_2021': not in elections.csv")],
    ),
    (
        "unknown_election_in_events",
        {
            "events.csv": "event_id,description,date,election_id,source_url\nev,A vote,2021-01-01,y_2021,https://e.org\n"
        },
        [("events.csv", 2, "unknown election_id 'y_2021': not in elections.csv")],
    ),
    (
        "empty_file",
        {"people.csv": ""},
        [("people.csv", None, "empty file; it needs at least the header line: name,born,source_url")],
    ),
    (
        "bad_stage",
        {"results.csv": RESULTS_HEAD + f"x_2020,Russia,Yes,rumour,,50,,,,{SRC}\n"},
        [
            (
                "results.csv",
                2,
                "column 'stage': 'rumour' is not one of final, preliminary, partial, exit_poll, "
                "sub_population, claimed_by",
            )
        ],
    ),
    (
        "claimed_by_without_claimant",
        {"results.csv": RESULTS_HEAD + f"x_2020,Russia,Yes,claimed_by,,50,,,,{SRC}\n"},
        [("results.csv", 2, "stage 'claimed_by' needs the claimant in the claimed_by column")],
    ),
    (
        "empty_required_value",
        {"results.csv": RESULTS_HEAD + f"x_2020,,Yes,final,,50,,,,{SRC}\n"},
        [("results.csv", 2, "column 'region' is empty")],
    ),
    (
        "no_figure",
        {"results.csv": RESULTS_HEAD + f"x_2020,Russia,Yes,final,,,,,,{SRC}\n"},
        [("results.csv", 2, "row has no figure: give share_pct, turnout_pct, votes or registered")],
    ),
    (
        "share_without_option",
        {"results.csv": RESULTS_HEAD + f"x_2020,Russia,,final,,50,,,,{SRC}\n"},
        [("results.csv", 2, "share_pct and votes belong to an option; the option column is empty")],
    ),
    (
        "too_many_fields",
        {"people.csv": "name,born,source_url\nAnna Example,1970-01-01,https://example.org/p,extra\n"},
        [("people.csv", 2, "row has 4 fields, the header has 3")],
    ),
    (
        "died_before_born",
        {
            "people.csv": "name,born,died,source_url\nAnna Example,1970-01-01,1969-01-01,https://example.org/p\n"
        },
        [("people.csv", 2, "died 1969-01-01 is before born 1970-01-01")],
    ),
]


def _write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tables = {"elections.csv": ELECTIONS, **files}
    for name, text in tables.items():
        (folder / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("files", "expected"), [c[1:] for c in VALIDATION_CASES], ids=[c[0] for c in VALIDATION_CASES]
)
def test_validation_message(
    tmp_path: Path, files: dict[str, str], expected: list[tuple[str, int | None, str]]
) -> None:
    _write(tmp_path, files)
    problems = validate_reference([tmp_path], include_bundled=False)
    assert problems == [Problem(str(tmp_path / f), line, msg) for f, line, msg in expected]


def test_rounding_lets_shares_exceed_100_a_little(tmp_path: Path) -> None:
    # 50.3 and 49.8 may be 50.25 and 49.75: together 100.1 is within rounding.
    rows = (
        f"x_2020,Russia,Anna Example,final,,50.3,,,,{SRC}\nx_2020,Russia,Boris Example,final,,49.8,,,,{SRC}\n"
    )
    _write(tmp_path, {"results.csv": RESULTS_HEAD + rows})
    assert validate_reference([tmp_path], include_bundled=False) == []


def test_other_bases_and_stages_are_other_contests(tmp_path: Path) -> None:
    rows = (
        "election_id,region,option,stage,share_pct,share_basis,source_url\n"
        f"x_2020,Russia,Yes,final,65,registered,{SRC}\n"
        f"x_2020,Russia,Yes,final,83,ballots,{SRC}\n"
        f"x_2020,Russia,No,final,13,ballots,{SRC}\n"
        f"x_2020,Russia,Yes,preliminary,90,ballots,{SRC}\n"
    )
    _write(tmp_path, {"results.csv": rows})
    assert validate_reference([tmp_path], include_bundled=False) == []


def test_not_utf8(tmp_path: Path) -> None:
    _write(tmp_path, {})
    (tmp_path / "people.csv").write_bytes(
        "name,born,source_url\nZo\xeb,1970-01-01,https://e.org\n".encode("cp1252")
    )
    assert validate_reference([tmp_path], include_bundled=False) == [
        Problem(
            str(tmp_path / "people.csv"), 2, "not UTF-8 (byte 0xeb cannot be decoded); save the file as UTF-8"
        )
    ]


def test_missing_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    assert validate_reference([missing], include_bundled=False) == [
        Problem(str(missing), None, "no such folder; pass a folder of reference CSV tables")
    ]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    rows = (
        f"x_2020,Russia,Yes,final,,8x,,,,{SRC}\n"
        "x_2020,Russia,No,final,,5,,,,\n"
        f"y_2021,Russia,Yes,final,,50,,,,{SRC}\n"
    )
    _write(tmp_path, {"results.csv": RESULTS_HEAD + rows, "people.csv": ""})
    with pytest.raises(ReferenceDataError) as err:
        load_reference([tmp_path], include_bundled=False)
    assert [(Path(p.file).name, p.line) for p in err.value.problems] == [
        ("people.csv", None),
        ("results.csv", 2),
        ("results.csv", 3),
        ("results.csv", 4),
    ]
    assert (
        str(err.value).splitlines()[0] == "reference data has 4 problem(s); fix them or leave the table out:"
    )


# --- a user folder adds and overrides -----------------------------------------------------------


def test_user_folder_adds_and_overrides(tmp_path: Path, ref: ReferenceData) -> None:
    user = tmp_path / "mine"
    user.mkdir()
    (user / "elections.csv").write_text(ELECTIONS, encoding="utf-8")
    (user / "results.csv").write_text(
        "election_id,region,option,stage,as_of,share_pct,turnout_pct,votes,source_url\n"
        # same key as the bundled CEC row: replaces it
        "ru_pres_2024,Russia,Vladimir Putin,final,2024-03-21,87.3,77.5,,https://example.org/mine\n"
        # a new row of a new election
        "x_2020,Russia,Anna Example,final,,55.5,60,,https://example.org/mine\n",
        encoding="utf-8",
    )
    (user / "people.csv").write_text(
        "name,born,source_url\nVladimir Putin,1952-10-08,https://example.org/mine\n", encoding="utf-8"
    )
    (user / "aliases.csv").write_text(
        "canonical,alias,type\nAnna Example,Ms Example,person\n", encoding="utf-8"
    )
    mine = load_reference([user])
    assert len(mine.results) == len(ref.results) + 1
    assert len(mine.elections) == len(ref.elections) + 1
    old = [r for r in ref.results_for("ru_pres_2024", "Vladimir Putin", "final") if r.region == "Russia"]
    new = [r for r in mine.results_for("ru_pres_2024", "Vladimir Putin", "final") if r.region == "Russia"]
    assert [(r.share, r.turnout, r.source_url) for r in new] == [
        (Decimal("87.3"), Decimal("77.5"), "https://example.org/mine")
    ]
    # an override keeps the row's position, so the order of the other rows is unchanged
    assert mine.results.index(new[0]) == ref.results.index(old[0])
    assert new[0].key == "mine/results.csv:2"
    assert mine.people["Vladimir Putin"].born == dt.date(1952, 10, 8)
    assert mine.gazetteer.canonical("Ms Example") == "Anna Example"
    assert mine.results_for("x_2020")[0].share == Decimal("55.5")
    assert ("results", str(user / "results.csv")) in mine.table_paths
    assert mine.table_paths[0] == ("elections", str(BUNDLED_DIR / "elections.csv"))


def test_duplicates_across_folders_override_but_within_a_file_fail(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    row = f"x_2020,Russia,Yes,final,,50,,,,{SRC}\n"
    _write(first, {"results.csv": RESULTS_HEAD + row})
    _write(second, {"results.csv": RESULTS_HEAD + row.replace(",50,", ",51,")})
    merged = load_reference([first, second], include_bundled=False)
    assert [r.share for r in merged.results] == [Decimal("51")]


# --- the CLI commands that use the loader -----------------------------------------------------------


def test_cli_validate_bundled() -> None:
    result = CliRunner().invoke(app, ["reference", "validate"])
    assert result.exit_code == 0
    assert result.output == f"OK: {load_reference([]).describe()}\n"


def test_cli_validate_reports_file_line_message(tmp_path: Path) -> None:
    _write(tmp_path, {"results.csv": RESULTS_HEAD + f"x_2020,Russia,Yes,final,,101,,,,{SRC}\n"})
    result = CliRunner().invoke(app, ["reference", "validate", str(tmp_path)])
    assert result.exit_code == 3
    assert f"  {tmp_path / 'results.csv'}:2: column 'share_pct': 101 is outside 0-100" in result.output


def test_cli_list() -> None:
    result = CliRunner().invoke(app, ["reference", "list"])
    assert result.exit_code == 0
    assert "ua_occupied_annexation_ref_2022: 2022 annexation referendums" in result.output
