"""Importers on the raw files in ../shared (ParlGov, MEDSL, Russian CEC precincts) and the packs."""

from __future__ import annotations

import csv
import datetime as dt
import filecmp
from decimal import Decimal
from pathlib import Path

import pytest

from checker.importers.build import RETRIEVED, build_packs
from checker.importers.common import election_id
from checker.importers.generic import import_csv, provenance_of
from checker.importers.medsl import candidate_name, import_medsl
from checker.importers.parlgov import import_parlgov
from checker.importers.precincts import import_precincts
from checker.reference import PACKS_DIR, load_reference, pack_dirs

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SOURCES = SHARED / "reference-sources"
MEDSL_FILE = SOURCES / "medsl" / "1976-2020-president.csv"
needs_sources = pytest.mark.skipif(
    not SOURCES.is_dir(),
    reason="../shared/data/reference-sources (the raw datasets) is not beside the checkout",
)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _find(rows: list[dict[str, str]], **want: str) -> dict[str, str]:
    hits = [r for r in rows if all(r[k] == v for k, v in want.items())]
    assert len(hits) == 1, (want, len(hits))
    return hits[0]


@pytest.fixture(scope="module")
def parlgov(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("parlgov")
    return out, import_parlgov(SOURCES / "parlgov", out, retrieved=RETRIEVED)


@needs_sources
def test_parlgov_counts_and_bundestag_2013(parlgov: tuple[Path, object]) -> None:
    out, _report = parlgov
    elections, results = _rows(out / "elections.csv"), _rows(out / "results.csv")
    assert 1000 <= len(elections) <= 1027 and len(results) > 9000
    # ParlGov, Germany 2013-09-22: CDU 34.1, SPD 25.7, CSU 7.4 (shares of valid votes), turnout 71.53
    spd = _find(results, election_id="de_parl_2013", option="Social Democratic Party of Germany")
    assert (spd["share_pct"], spd["share_basis"], spd["turnout_pct"]) == ("25.7", "valid", "71.53")
    assert _find(results, election_id="de_parl_2013", option="Christian Social Union")["share_pct"] == "7.4"
    assert _find(elections, election_id="de_parl_2013")["dataset"] == "ParlGov"
    aliases = {(a["alias"], a["canonical"]) for a in _rows(out / "aliases.csv") if a["country"] == "Germany"}
    assert ("Die Linke", "PDS | The Left") in aliases and ("CDU", "Christian Democratic Union") in aliases
    # Two elections of one type in one year get the full date (Greece 2012: May and June).
    assert {"gr_parl_2012_05_06", "gr_parl_2012_06_17"} <= {e["election_id"] for e in elections}


@needs_sources
def test_parlgov_cdu_csu_summed_with_the_rounding_of_its_parts(parlgov: tuple[Path, object]) -> None:
    out, _report = parlgov
    results = _rows(out / "results.csv")
    # 2013: CDU 34.1 + CSU 7.4 = 41.5, each rounded to 0.05, so the sum to 0.10.
    union = _find(results, election_id="de_parl_2013", option="CDU/CSU")
    assert (union["share_pct"], union["share_rounding_pct"], union["share_basis"]) == (
        "41.5",
        "0.10",
        "valid",
    )
    assert union["parts"] == "Christian Democratic Union + Christian Social Union"
    # 2021: CDU 18.9 + CSU 5.17 (two decimals): 24.07, rounding 0.05 + 0.005.
    later = _find(results, election_id="de_parl_2021", option="CDU/CSU")
    assert (later["share_pct"], later["share_rounding_pct"]) == ("24.07", "0.055")
    aliases = {a["alias"] for a in _rows(out / "aliases.csv") if a["canonical"] == "CDU/CSU"}
    assert {"die Union", "CDU/CSU", "CDU und CSU", "Unionsparteien"} <= aliases
    assert all(a["country"] == "Germany" for a in _rows(out / "aliases.csv") if a["canonical"] == "CDU/CSU")


@needs_sources
def test_parlgov_impossible_rows_are_reported_with_file_and_line(parlgov: tuple[Path, object]) -> None:
    _out, report = parlgov
    text = [str(p) for p in report.problems]  # type: ignore[attr-defined]
    assert any(
        "election.csv:1063: hr_parl_2020: 17360065 votes cast exceed the electorate" in t for t in text
    )
    assert any(
        "view_election.csv:3775: option shares of fr_ep_1989 / France sum to 100.44%" in t for t in text
    )
    assert report.left_out >= 3  # type: ignore[attr-defined]


@needs_sources
def test_medsl_impossible_rows_reported_and_left_out_without_corrections(tmp_path: Path) -> None:
    report = import_medsl(MEDSL_FILE, tmp_path, corrections=False)
    text = [str(p) for p in report.problems]
    assert len(text) == 2
    assert text[0].endswith(
        "1976-2020-president.csv:2349: BUSH, GEORGE W. 2000 TX: 9799639 votes exceed the state's total of "
        "6407637; row left out"
    )
    assert "1976-2020-president.csv:4203: 2020 TX: the candidates' votes sum to 15315056" in text[1]
    results = _rows(tmp_path / "results.csv")
    assert not [r for r in results if r["election_id"] == "us_pres_2020" and r["region"] == "Texas"]
    assert not [
        r
        for r in results
        if r["election_id"] == "us_pres_2000" and r["option"] == "George W. Bush" and r["region"] == "Texas"
    ]


@needs_sources
def test_medsl_corrected_from_the_fec_and_fusion_lines_summed(tmp_path: Path) -> None:
    report = import_medsl(MEDSL_FILE, tmp_path)
    assert report.corrected == 2 and report.left_out == 0
    assert "corrected to 5890347" in str(report.problems[1])
    results = _rows(tmp_path / "results.csv")
    assert len(results) > 4000
    # Texas 2020 (FEC): Trump 5,890,347 of 11,315,056; Georgia 2020: Biden 2,473,633
    trump = _find(results, election_id="us_pres_2020", region="Texas", option="Donald Trump")
    assert (trump["votes"], trump["share_pct"]) == ("5890347", "52.06")
    assert (
        _find(results, election_id="us_pres_2020", region="Georgia", option="Joe Biden")["votes"] == "2473633"
    )
    # New York 1992: Bush on the Republican, Conservative and Right-to-Life lines
    bush = _find(results, election_id="us_pres_1992", region="New York", option="George H. W. Bush")
    assert bush["votes"] == str(2041690 + 177000 + 127959) and bush["note"] == "summed over party lines"
    assert candidate_name("BIDEN, JOSEPH R. JR") == "Joe Biden"
    assert candidate_name("MITT, ROMNEY") == "Mitt Romney"


@pytest.mark.skipif(not (SHARED / "ru-precincts").is_dir(), reason="../shared/data/ru-precincts is absent")
def test_precincts_russia_2018_matches_the_official_result(tmp_path: Path) -> None:
    report = import_precincts(
        SHARED / "ru-precincts" / "2018.csv.zip",
        tmp_path,
        preset="ru-cec-presidential",
        date=dt.date(2018, 3, 18),
        names={"Путин": "Vladimir Putin"},
    )
    assert report.elections == 1 and not report.problems
    results = _rows(tmp_path / "results.csv")
    # CEC 2018: Putin 56,430,712 votes, 76.69%; turnout 67.54%; 109,008,428 registered
    putin = _find(results, election_id="ru_pres_2018", region="Russia", option="Vladimir Putin")
    assert (putin["votes"], putin["share_pct"], putin["turnout_pct"]) == ("56430712", "76.69", "67.54")
    assert _find(results, election_id="ru_pres_2018", region="Russia", option="")["registered"] == "109008428"
    assert len({r["region"] for r in results}) > 80  # the regions, summed too
    # the hand-curated table has the same figure: the pack is accepted beside it
    ref = load_reference([tmp_path])
    assert ref.results_for("ru_pres_2018", "Vladimir Putin", "final")[0].share == Decimal("76.69")


def test_csv_importer_reports_votes_past_the_total(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("Party,Votes,Total\nA,600,1000\nB,300,1000\nC,1200,1000\nA,5,1000\n", encoding="utf-8")
    report = import_csv(
        src,
        tmp_path / "out",
        {"Party": "option", "Votes": "votes", "Total": "total"},
        {"country": "Malta", "country_code": "MT", "kind": "parliamentary", "date": "2022-03-26"},
        provenance_of("test", "1", "https://example.org/results", None),
    )
    text = [str(p) for p in report.problems]
    assert text[0].endswith(
        "in.csv:4: C: 1200 votes exceed the contest's total of 1000 (mt_parl_2022 / Malta); row left out"
    )
    assert "in.csv:5: duplicate result mt_parl_2022 / Malta / A (first on line 2)" in text[1]
    a = _find(_rows(tmp_path / "out" / "results.csv"), option="A")
    assert (a["share_pct"], a["dataset"]) == ("60.00", "test")


def test_election_ids_follow_the_existing_style() -> None:
    assert election_id("RU", "presidential", dt.date(2024, 3, 17)) == "ru_pres_2024"
    assert election_id("GB", "european_parliament", dt.date(2019, 5, 23)) == "uk_ep_2019"


@needs_sources
def test_shipped_packs_equal_what_the_build_script_produces(tmp_path: Path) -> None:
    build_packs(SOURCES, tmp_path)
    for name in ("parlgov", "medsl"):
        files = sorted(p.name for p in (PACKS_DIR / name).iterdir())
        assert files == sorted(p.name for p in (tmp_path / name).iterdir())
        _match, mismatch, errors = filecmp.cmpfiles(PACKS_DIR / name, tmp_path / name, files, shallow=False)
        assert not mismatch and not errors, f"rerun python -m checker.importers.build: {mismatch}"


def test_packs_load_beside_the_bundled_tables() -> None:
    ref = load_reference(pack_dirs())
    assert len(ref.elections) > 1000
    assert ref.elections["us_pres_2016"].dataset.startswith("MEDSL")
    lines = ref.coverage_by_country()
    assert any(line.startswith("  Germany: parliamentary") for line in lines)
