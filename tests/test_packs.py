"""The bundled packs: their index equals their CSV files, the hand-curated tables win over
them, and evidence from them names the dataset."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import checker.reference as reference
from checker.pipeline import run_check
from checker.reference import (
    PACK_INDEX,
    _build,
    _collect,
    load_reference,
    open_pack,
    pack_dirs,
    pack_index,
    write_pack_index,
)


@pytest.mark.parametrize("folder", pack_dirs(), ids=lambda p: p.name)
def test_the_shipped_index_is_the_index_of_the_csv_files(folder: Path) -> None:
    shipped = json.loads((folder / PACK_INDEX).read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(pack_index(folder))), "rerun python -m checker.importers.build"


@pytest.mark.parametrize("folder", pack_dirs(), ids=lambda p: p.name)
def test_rows_read_through_the_index_equal_the_validated_csv_rows(folder: Path) -> None:
    merged, paths, problems = _collect([folder], include_bundled=False)
    assert not problems
    plain = _build(merged, paths)
    pack = open_pack(folder)
    assert {e.id: e for e in pack.elections} == dict(plain.elections)
    assert pack.result_count == len(plain.rows)
    for election in plain.elections:
        assert pack.rows_of(election) == tuple(plain.results_for(election)), election


def _tiny_pack(folder: Path) -> Path:
    """A pack that repeats keys of the hand-curated tables with other values."""
    folder.mkdir(parents=True)
    prov = "Tiny,1,2026-12-04"
    (folder / "elections.csv").write_text(
        "election_id,name,kind,country,start_date,end_date,source_url,dataset,dataset_version,retrieved\n"
        f"us_pres_2020,2020 US presidential election,presidential,United States,2020-11-03,2020-11-03,"
        f"https://example.org/tiny,{prov}\n"
        f"xx_parl_2001,2001 Xland parliamentary election,parliamentary,Xland,2001-05-01,2001-05-01,"
        f"https://example.org/tiny,{prov}\n",
        encoding="utf-8",
    )
    (folder / "results.csv").write_text(
        "election_id,region,option,stage,share_pct,share_basis,source_url,dataset,dataset_version,retrieved\n"
        f"us_pres_2020,United States,Joe Biden,final,40.0,ballots,https://example.org/tiny,{prov}\n"
        f"us_pres_2020,Ohio,Joe Biden,final,45.24,ballots,https://example.org/tiny,{prov}\n"
        f"xx_parl_2001,Xland,Labour Party,final,30.5,valid,https://example.org/tiny,{prov}\n",
        encoding="utf-8",
    )
    (folder / "aliases.csv").write_text(
        "canonical,alias,type,country,dataset,dataset_version,retrieved\n"
        f"Xland Labour,Biden,party,Xland,{prov}\n"
        f"Labour Party,Xlab,party,Xland,{prov}\n",
        encoding="utf-8",
    )
    write_pack_index(folder)
    return folder


@pytest.fixture
def tiny(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(reference, "PACKS_DIR", tmp_path / "packs")
    return _tiny_pack(tmp_path / "packs" / "tiny")


def test_hand_curated_rows_and_aliases_win_over_a_pack(tiny: Path) -> None:
    ref = load_reference([tiny])
    biden = ref.results_for("us_pres_2020", "Joe Biden", "final")
    national = [r for r in biden if r.region == "United States"]
    assert [(r.share, r.dataset) for r in national] == [(Decimal("51.3"), "")]  # ours, not the pack's 40.0
    ohio = [r for r in biden if r.region == "Ohio"]
    assert [r.share for r in ohio] == [Decimal("45.24")]  # the pack adds what we lack
    assert ref.elections["us_pres_2020"].dataset == ""  # our election row
    assert ref.elections["xx_parl_2001"].dataset == "Tiny"
    assert ref.gazetteer.canonical("Biden") == "Joe Biden"  # our alias, not the pack's
    assert ref.result_count() == len(ref.results) == len(load_reference([]).results) + 2


def test_a_pack_ranks_below_the_tables_wherever_it_is_listed(tiny: Path, tmp_path: Path) -> None:
    user = tmp_path / "mine"
    user.mkdir()
    (user / "results.csv").write_text(
        "election_id,region,option,stage,share_pct,share_basis,source_url\n"
        "xx_parl_2001,Xland,Labour Party,final,31.5,valid,https://example.org/mine\n",
        encoding="utf-8",
    )
    for dirs in ([tiny, user], [user, tiny]):
        ref = load_reference(dirs)
        assert [r.share for r in ref.results_for("xx_parl_2001")] == [Decimal("31.5")]


def test_an_index_that_no_longer_fits_its_csv_files_is_not_used(tiny: Path) -> None:
    results = tiny / "results.csv"
    results.write_text(results.read_text(encoding="utf-8").replace("30.5", "33.25"), encoding="utf-8")
    ref = load_reference([tiny])
    assert [r.share for r in ref.results_for("xx_parl_2001")] == [Decimal("33.25")]


def test_evidence_of_a_pack_row_names_the_dataset_and_row(tiny: Path, tmp_path: Path) -> None:
    article = tmp_path / "articles" / "x.txt"
    article.parent.mkdir()
    article.write_text(
        "Xland vote\n\nIn the 2001 Xland parliamentary election, Xlab won 35.5% of the vote.\n",
        encoding="utf-8",
    )
    result = run_check([article.parent], reference_dirs=[tiny])
    try:
        rows = [f.evidence.row for f in result.findings if f.check == "reference" and f.evidence]
    finally:
        result.close()
    assert rows and all(r == "tiny/results.csv:4 (Tiny)" for r in rows), rows


def test_the_shipped_packs_load_below_the_tables() -> None:
    ref = load_reference(pack_dirs())
    assert ref.describe().startswith("1055 elections, 13426 results")
    assert ref.results_for("us_pres_2020", "United States")[0].key == "results.csv:79"
    rows = ref.results_for("de_parl_2013", "Germany", "final")
    assert rows and {r.key.endswith("(ParlGov)") for r in rows} == {True}


def test_cdu_csu_is_a_row_of_its_own_summed_from_its_parts() -> None:
    ref = load_reference(pack_dirs())
    rows = {r.option: r for r in ref.results_for("de_parl_2013", "Germany", "final")}
    union = rows["CDU/CSU"]
    parts = (rows["Christian Democratic Union"], rows["Christian Social Union"])
    assert union.share == Decimal("41.5") == sum(r.share or 0 for r in parts)
    assert union.key.endswith("(ParlGov)")


def test_cdu_und_csu_gemeinsam_is_checked_against_the_sum() -> None:
    article = Path(__file__).parent / "data" / "probes" / "packs" / "p01_de_bundestag_2013.txt"
    result = run_check([article], reference_dirs=pack_dirs())
    try:
        found = [f for f in result.findings if f.check == "reference" and f.evidence]
    finally:
        result.close()
    union = [f for f in found if f.evidence and f.evidence.value.startswith("41.5")]
    assert [f.verdict for f in union] == ["consistent"], [f.message for f in found]
    assert "discrepancy" not in {f.verdict for f in found}


@pytest.mark.parametrize(
    ("share", "verdict"),
    [("41,5", "consistent"), ("41,6", "consistent"), ("43,5", "discrepancy")],
    ids=["the-sum", "within-the-parts-rounding", "beyond-it"],
)
def test_an_alliance_share_is_judged_with_its_parts_rounding(share: str, verdict: str) -> None:
    # CDU 34.1 + CSU 7.4 = 41.5, each rounded to a tenth: the true sum may be 41.4-41.6, so
    # "41,6 Prozent" (41.55-41.65) may be exactly right; it was a false discrepancy.
    import datetime as dt

    from checker.model import Article
    from checker.runner import process_article

    ref = load_reference(pack_dirs())
    text = f"Bei der Bundestagswahl 2013 kamen CDU und CSU gemeinsam auf {share} Prozent der Zweitstimmen."
    outcome = process_article(
        Article("t.txt", "t.txt", text, "Wahl", dt.date(2017, 9, 1), language="de"), ref
    )
    verdicts = [f.verdict for f in outcome[1] if f.check == "reference"]
    assert verdicts == [verdict]
