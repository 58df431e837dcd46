"""Second thoughts before calling a figure wrong.

Binding decides a claim's scope from cues next to the figure ("with 60% of precincts
reporting", "an exit poll gave"); news text words these things in many more ways than a
binder's patterns know. Before a check calls a figure a *discrepancy* against the official
final result, :func:`doubt` reads the figure's whole sentence once more, loosely, for words
that say the figure may be something else: a poll or projection, a count still in
progress, votes cast abroad, a sub-region of a national vote, a party's own tally, or
another year's vote, or a figure the article itself corrects. When one is there the check
says *ambiguous* instead, naming the word and the rule, and keeps the difference it
measured, so that a reviewer sees both. The second look is only for a figure that misses
the reference: one inside the rounding interval of the official final result is
consistent whatever words surround it, so the checks call :func:`doubt` after the miss.

The word lists are deliberately wide (English and the local press languages we read):
a missed discrepancy costs a reviewer one look at an ambiguous finding; a false one
accuses a journalist.

>>> from decimal import Decimal as D
>>> from checker.model import Claim, Mention
>>> m = Mention("a", 40, 43, "85%", "percent", D("84.5"), D("85.5"), "percent")
>>> c = Claim("c", m, "ru_pres_2024", "Vladimir Putin", "vote_share", region="Russia",
...           sentence=(0, 60), quote="VTsIOM published its survey. Putin received 85% of the vote.")
>>> doubt(c, 2024, "Russia")
"the sentence speaks of a poll or projection ('survey')"
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.elections import country_names
from checker.lang import alternation, words
from checker.model import Claim
from checker.sentences import compile_cues

PROGRESS = "a count still in progress"
# Each group: what the words say, the rule it reports, and the key of its words in
# checker/lang (lower case; a word starts where a stem starts, so "poll" covers "polls",
# "pollster", "polling"). Looked for in this order.
_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("a poll or projection", "poll_words", "poll_words"),
    (PROGRESS, "count_in_progress_words", "count_in_progress_words"),
    ("votes cast abroad", "abroad_words", "abroad_words"),
    ("a party's own count", "party_count_words", "party_count_words"),
    ("electoral-college votes", "electoral_college_words", "electoral_college_words"),
    ("a threshold or quorum", "threshold_words", "threshold_words"),
    ("a group of voters", "voter_group_words", "voter_group_words"),
    ("a claim the article reports or checks", "reported_claim_words", "reported_claim_words"),
    # "Among voters under 30, Harris won 54%": an exit poll's group, not the electorate
    ("a group of voters", "voter_group_words", "voter_group_patterns"),
)
_GROUP_RES = tuple((what, rule, compile_cues(alternation(key, before=r"\b"))) for what, rule, key in _GROUPS)

# A correction note gives the figure it withdraws ("an earlier version of this story said
# 74.5%"): that figure is retracted, not the article's claim.
CORRECTION = "correction_words"

RE_CORRECTION = compile_cues(alternation(CORRECTION, before=r"\b"))

_PERCENT = "|".join(words("percent_stems"))  # "per cent", "Prozent", "процент", ...
# A count that is complete: "after 100% of protocols were processed" is the final result.
RE_COMPLETE = compile_cues(rf"\b100\s?(?:%|{_PERCENT})|" + alternation("complete_count_words", before=r"\b"))
# Early voting: a period or count of its own ("five days of early voting").
RE_EARLY_VOTING = compile_cues(alternation("early_voting_words", before=r"\b"))
# A place below the national level named in the sentence of a national figure.
RE_SUB_REGION = compile_cues(alternation("sub_region_words", before=r"\b"))
# Words in the figure's clause that put it at another time than the vote it is bound to.
RE_OTHER_TIME = compile_cues(alternation("other_time_words", before=r"\b"))
# A year of another vote named in the clause of the figure ("67.54% in the 2018 election").
RE_YEAR = re.compile(r"(?<![\d.,])(19[0-9]{2}|20[0-9]{2})(?![\d.,]?\d)")
# What ends the clause around a figure when looking for a year: another figure or a stop.
RE_CLAUSE_STOP = re.compile(rf"[;:—–]|\d[\d.,]*\s*(?:%|{_PERCENT})", re.IGNORECASE)


def _figure_at(claim: Claim, text: str) -> int:
    """Where the claim's figure is in its (white-space collapsed) quote, or -1."""
    hint = max(0, claim.mention.start - claim.sentence[0])
    needle = " ".join(claim.mention.text.split())
    best, at = -1, text.find(needle)
    while at >= 0:
        if best < 0 or abs(at - hint) < abs(best - hint):
            best = at
        at = text.find(needle, at + 1)
    return best


def _clause_of(text: str, at: int, end: int) -> tuple[int, int]:
    """The stretch of the quote around the figure at [at, end) that holds no other percentage."""
    lo = max((m.end() for m in RE_CLAUSE_STOP.finditer(text, 0, at)), default=0)
    stop = RE_CLAUSE_STOP.search(text, end)
    return lo, stop.start() if stop else len(text)


def _clause_year(text: str, at: int, end: int, clause: tuple[int, int], year: int) -> str | None:
    """A year other than ``year`` in the figure's clause (the figure's own digits aside)."""
    for m in RE_YEAR.finditer(text, *clause):
        if not (at <= m.start() < end) and int(m.group(1)) != year:
            return m.group(1)
    return None


@dataclass(frozen=True)
class Doubt:
    """Why a figure that misses the reference may not be the official final result.

    ``rule`` names the rule that fired (a word list's key such as ``poll_words``, or
    ``unnamed_vote``, ``sub_region``, ``other_country``, ``other_time``, ``other_year``);
    ``word`` is the text that made it fire (empty when no word did); ``reason`` is the
    sentence a finding's message quotes.
    """

    rule: str
    word: str
    reason: str

    def extra(self) -> tuple[tuple[str, str], ...]:
        """The finding's ``extra`` entries that name the reason, the rule and the word."""
        return (("doubt", self.reason), ("doubt_rule", self.rule), ("doubt_word", self.word))


@lru_cache(maxsize=4096)
def _words_doubt(text: str) -> Doubt | None:
    """The doubt the words of a sentence raise, whatever the figure (asked for each of the
    sentence's figures by several checks: remembered)."""
    low = text.lower()
    hit = RE_CORRECTION.search(low)
    if hit is not None:
        word = hit.group()
        return Doubt(
            CORRECTION, word, f"the sentence is a correction note ('{word}'): the figure may be withdrawn"
        )
    for what, key, pattern in _GROUP_RES:
        hit = pattern.search(low)
        if hit is not None and not (what == PROGRESS and RE_COMPLETE.search(low)):
            return Doubt(key, hit.group(), f"the sentence speaks of {what} ('{hit.group()}')")
    return None


def doubt_of(claim: Claim, year: int | None = None, country: str | None = None) -> Doubt | None:
    """Why the claim's figure may not be the official final result, or None.

    Ask it only of a figure that misses the reference: the answer decides between
    discrepancy and ambiguous, never whether a matching figure is consistent. ``year`` is
    the year of the claim's election and ``country`` its country: a year of another vote
    in the figure's clause, and a sub-region in the sentence of a national figure, are
    doubts too.
    """
    if claim.binding.unnamed_vote:
        return Doubt(
            "unnamed_vote",
            "",
            "its sentence does not say which vote it is from (taken from the rest of the article)",
        )
    text = claim.quote
    if not text:
        return None
    found = _words_doubt(text)
    if found is not None:
        return found
    low = text.lower()
    at = _figure_at(claim, text)
    end = at + len(claim.mention.text)
    clause = _clause_of(text, at, end) if at >= 0 else None
    if country is not None and claim.region == country:
        hit = RE_SUB_REGION.search(low)
        if hit is not None:
            return Doubt(
                "sub_region_words",
                hit.group(),
                f"the sentence names a place inside {country} ('{hit.group()}')",
            )
        if clause is not None:
            for name in country_names("en").finditer(text, 0, clause[1]):
                if name.group() != country and not country.startswith(name.group()):
                    # "Neighbouring Lithuania ... held its own election, when turnout was about 47%"
                    return Doubt(
                        "other_country",
                        name.group(),
                        f"the sentence names another country ('{name.group()}') before the figure",
                    )
    if clause is None:
        return None
    # from the start of the sentence: "Four years later ... 71.31% on a turnout of 64.32%"
    # puts both figures then; "87.28%, up from 76.69% six years earlier" only the second
    hit = RE_OTHER_TIME.search(low, 0, clause[1])
    if hit is not None:
        return Doubt(
            "other_time_words", hit.group(), f"the figure's clause points at another time ('{hit.group()}')"
        )
    if year is not None:
        other = _clause_year(text, at, end, clause, year)
        if other is not None:
            return Doubt(
                "other_year",
                other,
                f"the figure stands next to the year {other}: it may be about another vote",
            )
    return None


def doubt(claim: Claim, year: int | None = None, country: str | None = None) -> str | None:
    """:func:`doubt_of`, as the sentence a message quotes (None: no doubt)."""
    found = doubt_of(claim, year, country)
    return found.reason if found is not None else None


def figure_head(claim: Claim, size: int = 30) -> str:
    """Up to ``size`` characters of the claim's sentence right before its figure, lower case
    ("" when the figure is not found in the quote)."""
    text = claim.quote
    at = _figure_at(claim, text) if text else -1
    return text[max(0, at - size) : at].lower() if at >= 0 else ""


def figure_tail(claim: Claim, size: int = 40) -> str:
    """Up to ``size`` characters of the claim's sentence right after its figure, lower case
    ("" when the figure is not found in the quote)."""
    text = claim.quote
    at = _figure_at(claim, text) if text else -1
    if at < 0:
        return ""
    end = at + len(" ".join(claim.mention.text.split()))
    return text[end : end + size].lower()


__all__ = ["RE_EARLY_VOTING", "RE_YEAR", "Doubt", "doubt", "doubt_of", "figure_head", "figure_tail"]
