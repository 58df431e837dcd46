"""Issue 19: calibrated 2BL, a calibrated stuffing statistic, readable figures, honest p-values,
named console lines, refused mappings, input errors and the ``simulate`` command."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
import typer
from matplotlib.colors import LogNorm
from typer.testing import CliRunner

from checker.errors import TableError
from checker.forensics.command import forensics, forensics_app
from checker.forensics.digits import check_last_digit, check_second_digit
from checker.forensics.fingerprint import check_fingerprint
from checker.forensics.integer import check_integer_excess
from checker.forensics.output import forensics_csv, forensics_record, headline
from checker.forensics.plots import plot_digits, plot_fingerprint
from checker.forensics.run import check_table
from checker.forensics.synthetic import generate_election, synthetic_table, write_synthetic_csv
from checker.forensics.table import load_table, read_header, resolve_layout, table_from_counts
from checker.forensics.verdict import format_p

app = typer.Typer()
app.command()(forensics)
runner = CliRunner()


def test_clean_election_of_realistic_size_is_not_flagged_by_2bl() -> None:
    # 97,699 stations as in 2018: the old chi-square against the law rejected this in 20 of 20 seeds.
    table = synthetic_table(97_699, seed=7)
    res = check_second_digit(table.leader_votes, "Alder", ballots=table.ballots, replicates=60, seed=7)
    assert res.chi_square_law > 50  # the law itself is rejected ...
    assert not res.flagged and res.p_value > 0.01  # ... the calibrated reference is not
    assert res.reference_mean is not None and abs(res.mean_digit - res.reference_mean) < 0.05
    assert "at alpha 0.001" in res.summary


def test_2bl_flags_counts_whose_second_digits_were_invented() -> None:
    table = synthetic_table(20_000, seed=8)
    votes = table.leader_votes.copy()
    big = votes >= 100
    # Invented counts: tens digit forced low in a third of the large counts.
    pick = big & (np.arange(votes.size) % 3 == 0)
    votes[pick] = votes[pick] // 100 * 100 + votes[pick] % 10
    res = check_second_digit(votes, "A", ballots=table.ballots + votes, replicates=60)
    assert res.flagged


def test_last_digit_is_calibrated_and_still_sees_rounded_counts() -> None:
    table = synthetic_table(30_000, seed=9)
    clean = check_last_digit(table.leader_votes, "A", ballots=table.ballots, replicates=40)
    assert clean.p_value > 0.001
    votes = table.leader_votes.copy()
    votes[:3000] = np.round(votes[:3000], -1)
    assert check_last_digit(votes, "A", ballots=table.ballots, replicates=40).flagged


@pytest.mark.parametrize("share", [0.05, 0.1, 0.2])
def test_fingerprint_corner_detects_stuffing_and_spares_clean_tables(share: float) -> None:
    clean = check_fingerprint(synthetic_table(10_000, seed=31))
    stuffed = check_fingerprint(synthetic_table(10_000, seed=31, stuffing=share))
    assert not clean.flagged and clean.p_value > 0.01
    assert stuffed.flagged and stuffed.statistic > share
    assert "at alpha 0.001" in stuffed.summary


def test_fingerprint_corner_ignores_differences_between_districts() -> None:
    # Two districts: one with high turnout and high result, one low and low. Whole-table
    # correlation is strong; within each district turnout and result are independent.
    rng = np.random.default_rng(0)
    n = 4000
    group = np.repeat([0, 1], n // 2)
    reg = np.full(n, 1000)
    turnout = np.where(group == 1, 0.8, 0.5) + rng.normal(0, 0.03, n)
    result = np.where(group == 1, 0.8, 0.5) + rng.normal(0, 0.03, n)
    issued = np.rint(reg * turnout).astype(np.int64)
    lead = np.rint(issued * result).astype(np.int64)
    table = table_from_counts(reg, issued, issued, np.zeros(n), np.c_[lead, issued - lead], ["A", "B"])
    from dataclasses import replace

    grouped = check_fingerprint(replace(table, groups=group))
    assert grouped.correlation > 0.9 and not grouped.flagged
    assert check_fingerprint(table).flagged  # one district: geography counts against it


def test_fingerprint_figure_has_log_colour_bar_clipped_spike_and_caption() -> None:
    e = generate_election(4000, seed=2)
    t = e.table
    t.issued[:300] = t.registered[:300]  # a 100% turnout spike
    fig = plot_fingerprint(check_fingerprint(t), "x.csv")
    main, top, side, _bar = fig.axes
    assert isinstance(main.get_images()[0].norm, LogNorm)
    assert any("clipped" in a.get_text() for a in top.texts)
    assert top.get_ylim()[1] < 300
    assert 0 not in [tick for tick in side.get_xticks() if side.get_xlim()[0] <= tick]
    assert any("50%" in text.get_text() for text in fig.texts)
    assert "alpha 0.001" in top.get_title()


def test_digit_figure_zooms_and_shows_the_band() -> None:
    t = synthetic_table(3000, seed=3)
    res = check_last_digit(t.leader_votes, "A", ballots=t.ballots, replicates=20)
    ax = plot_digits(res).axes[0]
    assert ax.get_ylim()[0] > 0.05
    assert ax.collections, "no sampling band"
    legend = ax.get_legend()
    assert legend is not None and legend.get_bbox_to_anchor().y0 < ax.get_window_extent().y0


def test_p_values_keep_full_precision_and_floor_is_a_bound() -> None:
    assert format_p(1 / 1001, exceeded=0, replicates=1000) == "p < 0.001 (1,000 replicates)"
    t = synthetic_table(3000, seed=4, stuffing=0.3)
    rep = check_table(t, "s.csv", replicates=30)
    fp = rep.fingerprint
    assert 0 < fp.p_value < 1e-20
    record = forensics_record([rep], [], 30, 0)
    tests = {x["test"]: x for x in record["tables"][0]["tests"]}
    assert tests["fingerprint"]["p_value"] == fp.p_value  # not rounded to 0.0
    assert tests["fingerprint"]["log10_p"] < -20
    assert tests["fingerprint"]["alpha"] == 0.001
    row = next(r for r in forensics_csv([rep]).splitlines() if ",fingerprint," in r)
    assert repr(fp.p_value) in row
    assert rep.integer.p_text.startswith("p < 0.034 (30 replicates)") or "p = " in rep.integer.p_text
    for res in rep.results():
        assert "alpha 0.001" in res.summary


def test_integer_test_with_no_qualifying_station_says_so() -> None:
    t = table_from_counts([1000], [1000], [1000], [0], [[600, 400]], ["A", "B"])
    res = check_integer_excess(t, replicates=10)
    assert res.n == 0 and "No station qualifies" in res.summary


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_console_names_each_table_and_keeps_party_names_whole(tmp_path: Path) -> None:
    body = "reg,iss,ok,bad,6. Party of Order,Other\n" + "".join(
        f"{1000 + i},{600 + i},{590 + i},10,{400 + i},190\n" for i in range(30)
    )
    a = _csv(tmp_path / "a.csv", body)
    b = _csv(tmp_path / "b.csv", body)
    opts = ["--registered", "reg", "--issued", "iss", "--valid", "ok", "--invalid", "bad"]
    result = runner.invoke(app, [str(a), str(b), *opts, "-o", str(tmp_path / "o"), "--replicates", "10"])
    assert result.exit_code == 0, result.output
    assert f"{a} (leader: 6. Party of Order):" in result.output
    assert f"{b} (leader: 6. Party of Order):" in result.output
    assert "with 6." not in result.output
    assert "at alpha 0.001" in result.output


def test_count_columns_are_not_silently_taken_as_candidates(tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.csv", "reg,iss,valid,A,B\n1000,600,600,400,200\n900,500,500,300,200\n")
    layout = resolve_layout(read_header(path), registered="reg", issued=["iss"], valid=None, invalid=None)
    assert "valid" in layout.candidates
    with pytest.raises(TableError, match="impossible column mapping"):
        load_table(path, layout)


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"registered": "reg", "issued": ["reg"]}, "'reg' is given as registered and as issued"),
        ({"registered": "reg", "issued": ["iss", "iss"]}, "'iss' is given as issued and as issued"),
        ({"registered": "reg", "issued": ["iss"], "candidates": ["A", "iss"]}, "as issued and as candidate"),
    ],
)
def test_overlapping_mappings_are_refused(tmp_path: Path, kw: dict[str, object], message: str) -> None:
    path = _csv(tmp_path / "t.csv", "reg,iss,A,B\n1000,600,400,200\n")
    with pytest.raises(TableError, match=message):
        resolve_layout(read_header(path), valid=None, invalid=None, **kw)  # type: ignore[arg-type]


def test_input_errors_say_what_is_wrong(tmp_path: Path) -> None:
    opts = ["--registered", "reg", "--issued", "iss", "-o", str(tmp_path / "o"), "--replicates", "10"]
    folder = tmp_path / "folder"
    folder.mkdir()
    fake = _csv(tmp_path / "fake.zip", "reg,iss,A\n1,1,1\n")
    result = runner.invoke(app, [str(folder), str(fake), *opts])
    assert result.exit_code == 3
    assert f"Error: {folder}: is a folder, not a table" in result.output
    assert f"Error: {fake}: named .zip but is not a zip archive" in result.output


def test_semicolon_table_is_read(tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.csv", 'reg;iss;"A, the first";B\n1000;600;400;200\n900;500;300;200\n')
    layout = resolve_layout(read_header(path), registered="reg", issued=["iss"], valid=None, invalid=None)
    table = load_table(path, layout)
    assert table.n == 2 and table.leader_name == "A, the first"


def test_turnout_above_100_percent_is_warned(tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.csv", "reg,iss,A,B\n100,300,200,100\n1000,600,400,200\n")
    layout = resolve_layout(read_header(path), registered="reg", issued=["iss"], valid=None, invalid=None)
    table = load_table(path, layout)
    assert table.n == 2
    assert any(
        "1 stations report more ballots issued than registered voters (turnout up to 300%)" in str(p)
        for p in table.problems
    )


def test_zip_with_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "t.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("inner.csv", "reg;iss;A;B\n500;250;200;50\n")
    layout = resolve_layout(read_header(path), registered="reg", issued=["iss"], valid=None, invalid=None)
    assert load_table(path, layout).n == 1


def test_simulate_writes_a_seeded_table_the_preset_reads(tmp_path: Path) -> None:
    sub = forensics_app()
    out = tmp_path / "sim.csv"
    args = ["simulate", str(out), "--stations", "800", "--seed", "5", "--stuffing", "0.2"]
    result = runner.invoke(sub, args)
    assert result.exit_code == 0, result.output
    first = out.read_bytes()
    runner.invoke(sub, args)
    assert out.read_bytes() == first
    assert read_header(out)[:2] == ["station", "region"]
    screened = runner.invoke(
        sub, [str(out), "--preset", "synthetic", "-o", str(tmp_path / "o"), "--replicates", "20"]
    )
    assert screened.exit_code == 0, screened.output
    record = json.loads((tmp_path / "o" / "forensics.json").read_text(encoding="utf-8"))
    fp = {t["test"]: t for t in record["tables"][0]["tests"]}["fingerprint"]
    assert fp["flagged"] and fp["districts"] == 2
    bad = runner.invoke(sub, ["simulate", str(out), "--stuffing", "2"])
    assert bad.exit_code == 2 and "Error:" in bad.output


def test_headline_is_built_from_numbers() -> None:
    rep = check_table(synthetic_table(1500, seed=6), "x.csv", replicates=20)
    line = headline(rep.fingerprint)
    assert line.startswith("Turnout vs result fingerprint: corner_excess_within_districts ")
    assert line.endswith("at alpha 0.001")


def test_written_example_still_loads(tmp_path: Path) -> None:
    path = write_synthetic_csv(generate_election(500, seed=1), tmp_path / "e.csv")
    assert read_header(path)[1] == "region"
