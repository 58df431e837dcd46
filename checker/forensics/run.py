"""Run every forensics screen on one table.

Both digit tests read the leader's counts (Mebane applies 2BL candidate by candidate).
Beber & Scacco pool every candidate's counts for the last-digit test, but small
candidates' counts (tens to a hundred or two, with a steeply falling distribution) have
slightly more low last digits even in honest counts: on our synthetic honest elections
the pooled test rejected 17% of them at alpha 0.05, the leader-only test 6%. Both digit
tests share one calibrated reference (honest recounts of the leader's counts).
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.forensics.digits import (
    REFERENCE_REPLICATES,
    DigitTest,
    check_last_digit,
    check_second_digit,
    honest_reference,
)
from checker.forensics.fingerprint import Fingerprint, check_fingerprint
from checker.forensics.integer import IntegerExcess, check_integer_excess
from checker.forensics.table import PrecinctTable

TestResult = IntegerExcess | Fingerprint | DigitTest


@dataclass(frozen=True, slots=True, eq=False)
class TableReport:
    """The four screens of one table, in report order."""

    path: str
    table: PrecinctTable
    integer: IntegerExcess
    fingerprint: Fingerprint
    second_digit: DigitTest
    last_digit: DigitTest

    def results(self) -> tuple[TestResult, ...]:
        return (self.integer, self.fingerprint, self.second_digit, self.last_digit)


def check_table(table: PrecinctTable, path: str = "", replicates: int = 1000, seed: int = 0) -> TableReport:
    """All four screens on one table.

    >>> from checker.forensics.synthetic import synthetic_table
    >>> rep = check_table(synthetic_table(1000, seed=4), replicates=50)
    >>> [r.name for r in rep.results()]
    ['integer_excess', 'fingerprint', 'second_digit', 'last_digit']
    """
    votes, ballots, name = table.leader_votes, table.ballots, table.leader_name
    reference = honest_reference(votes, ballots, REFERENCE_REPLICATES, seed)
    return TableReport(
        path=path or table.name,
        table=table,
        integer=check_integer_excess(table, replicates=replicates, seed=seed),
        fingerprint=check_fingerprint(table, seed=seed),
        second_digit=check_second_digit(votes, name, ballots=ballots, reference=reference),
        last_digit=check_last_digit(votes, name, ballots=ballots, reference=reference),
    )
