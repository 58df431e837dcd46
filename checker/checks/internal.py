"""Consistency inside one article: arithmetic between its own figures.

* Shares of one contest (same election, region and scope, different named options) whose
  rounding intervals cannot add up to 100% or less.
* A vote count next to its share ("3.21%, or about 500,000 votes"): the count implied by the
  share and the article's own total (registered voters x turnout, or another candidate's
  count and share) must overlap the stated count. Interval arithmetic on every rounded
  figure, so rounding alone never makes a discrepancy.
* A stated margin ("a margin of almost 1.3 million") against the difference of two counts.
* The same quantity given twice with intervals that do not overlap ("87%" and "78%" for
  the same region).

Figures that cannot all be right do not say which one is wrong. A figure the reference
check found consistent with the official final result (``confirmed``) is never accused:
the finding names the others ("53.9% to 48.1%": 53.9%), and is only ambiguous when every
figure in it matches the reference (then it is the pairing that is wrong, not a figure).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence, Set
from decimal import Decimal
from itertools import pairwise

from checker.checks.caution import doubt
from checker.checks.common import finding_id, fmt_number, reported, severity_for
from checker.lang import alternation, words
from checker.model import Article, Claim, Difference, Finding

HUNDRED = Decimal(100)
BIG = Decimal(10) ** 12
# "a lead of about", "won by": a figure after it is a margin (bind has its own, wider list).
_MARGIN_HEDGE = (
    "(?:" + "|".join(w + r"\s+" for w in (*words("margin_hedges"), *words("margin_hedges_loose"))) + ")"
)
RE_MARGIN = re.compile(
    rf"{alternation('margin_nouns')}\s+{alternation('margin_links')}\s+"  # "margin of"
    rf"{_MARGIN_HEDGE}?$"  # "about"
    rf"|\b{alternation('margin_by')}\s+$"  # "by"
)


def _bounds(c: Claim) -> tuple[Decimal, Decimal]:
    low = c.mention.low if isinstance(c.mention.low, Decimal) else Decimal(0)
    high = c.mention.high if isinstance(c.mention.high, Decimal) else BIG
    return low, high


def _overlap(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _gap(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> Decimal:
    """b minus a, as the distance between the intervals (0 when they overlap)."""
    if b[0] > a[1]:
        return b[0] - a[1]
    if b[1] < a[0]:
        return b[1] - a[0]
    return Decimal(0)


def _fmt_interval(iv: tuple[Decimal, Decimal], unit: str = "") -> str:
    lo, hi = (x.quantize(Decimal(1)) if unit != "percent" else x.quantize(Decimal("0.01")) for x in iv)
    if hi >= BIG:
        return f"at least {fmt_number(lo, unit)}"
    return f"{fmt_number(lo, unit)}–{fmt_number(hi, unit)}"


def _accused(ids: tuple[str, ...], confirmed: Set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the ids a finding may accuse, the ids the reference confirms); all ids are accused
    when none is confirmed, none when all are."""
    return tuple(i for i in ids if i not in confirmed), tuple(i for i in ids if i in confirmed)


def check_share_sums(
    claims: Sequence[Claim], article: Article, confirmed: Set[str] = frozenset()
) -> list[Finding]:
    """Shares of one contest whose lower bounds already add up to more than 100%.

    The finding accuses only shares the reference does not confirm; when it confirms all
    of them, the finding is ambiguous."""
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for c in claims:
        if c.measure != "vote_share" or c.mention.kind != "percent" or c.election is None:
            continue
        if c.mention.qualifier in ("more_than", "at_least", "less_than", "at_most", "range", "vague"):
            continue
        if c.scope in ("sub_population", "unknown"):
            continue  # the part of the electorate (a region the tables lack) is not known
        if doubt(c) is not None:
            continue  # a poll, a count in progress, another vote's figure...
        groups.setdefault((c.election, c.region, c.scope), []).append(c)
    out: list[Finding] = []
    layout = _Layout(article.text) if groups else None
    for group in groups.values():
        assert layout is not None
        by_option: dict[object, Claim] = {}
        for c in group:
            if c.option is not None:
                by_option.setdefault(c.option, c)
        # A share without its option ("another 4.59% chose 'against all'", "the remaining
        # candidates shared 8.4%") joins only in the paragraph of a named share: elsewhere
        # it may be another place's figure or a named one restated.
        named = list(by_option.values())
        unnamed = [
            c
            for c in group
            if c.option is None
            and RE_REST.search(article.text, max(0, c.mention.start - 60), c.mention.end + 40)
            and any(layout.same_paragraph(c, n) for n in named)
        ]
        members = sorted([*named, *unnamed], key=lambda c: c.mention.start)
        if len(members) < 2:
            continue
        total_low = sum((_bounds(c)[0] for c in members), Decimal(0))
        if total_low <= HUNDRED:
            continue
        ids = tuple(c.id for c in members)
        listing = " + ".join(c.mention.text for c in members)
        diff = total_low - HUNDRED
        accused, right = _accused(ids, confirmed)
        message = (
            f"Shares of one contest add up to more than 100%: {listing} is at least "
            f"{fmt_number(total_low.quantize(Decimal('0.01')), 'percent')} even allowing for rounding."
        )
        if right:
            texts = ", ".join(reported(c) for c in members if c.id in right)
            message += f" {texts} {'matches' if len(right) == 1 else 'match'} the official final result" + (
                ", so the other figures are off."
                if accused
                else ": the figures may not all be of one contest."
            )
        out.append(
            Finding(
                finding_id("internal", ids, "sum"),
                "internal",
                "discrepancy" if accused else "ambiguous",
                accused or ids,
                message,
                severity=severity_for(diff, "percentage_point") if accused else None,
                difference=Difference(diff, "percentage_point"),
                extra=(("article", article.id), *((("confirmed", " ".join(right)),) if right else ())),
            )
        )
    return out


# An unnamed share that is the rest of a contest: "another 4.59%", "the remaining candidates",
# "others", "against all", "invalid ballots". Any other unnamed share may restate a named one
# ("Putin, who won about 87%, ... Putin received 88%").
RE_REST = re.compile(rf"\b{alternation('rest_of_contest_words')}\b", re.IGNORECASE)


def _same_paragraph(text: str, a: Claim, b: Claim) -> bool:
    return _Layout(text).same_paragraph(a, b)


class _Layout:
    """Where an article's line and paragraph breaks are, so that "are these two figures in
    one paragraph / on one line" costs a binary search, not a slice of the text between
    them (per pair of figures, that slicing made long paragraphs quadratic)."""

    def __init__(self, text: str) -> None:
        self.empty = not text
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        # every start of "\n\n", overlapping ones included ("\n\n\n" has two)
        self.breaks = [i for i in self.newlines if text.startswith("\n\n", i)]

    def line(self, c: Claim) -> int:
        return bisect_right(self.newlines, c.mention.start)

    def same_paragraph(self, a: Claim, b: Claim) -> bool:
        """No blank line between the two figures' starts."""
        lo, hi = sorted((a.mention.start, b.mention.start))
        i = bisect_left(self.breaks, lo)
        return not self.empty and not (i < len(self.breaks) and self.breaks[i] + 2 <= hi)

    def same_list(self, a: Claim, b: Claim) -> bool:
        """Two figures of one statement: the same sentence, or one paragraph with no line
        break between them (each line of a list may be another bulletin)."""
        if a.sentence == b.sentence:
            return True
        return not self.empty and self.line(a) == self.line(b)


# What a share may be a share of, other than the ballots cast.
RE_OTHER_BASIS = re.compile(rf"\s*{alternation('other_basis_phrases')}", re.IGNORECASE)


def _same_list(text: str, a: Claim, b: Claim) -> bool:
    return _Layout(text).same_list(a, b)


def _fraction(c: Claim) -> tuple[Decimal, Decimal]:
    lo, hi = _bounds(c)
    return lo / HUNDRED, min(hi, HUNDRED) / HUNDRED


def _mul(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal]:
    high = BIG if a[1] >= BIG or b[1] >= BIG else a[1] * b[1]
    return a[0] * b[0], high


def _div(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal] | None:
    if b[0] <= 0:
        return None
    return a[0] / b[1], (a[1] / b[0] if a[1] < BIG else BIG)


def _pairs(claims: Sequence[Claim], text: str) -> list[tuple[Claim, Claim]]:
    """(share, votes) pairs for the same option: adjacent in one sentence."""
    out = []
    ordered = sorted(claims, key=lambda c: c.mention.start)
    for a, b in pairwise(ordered):
        kinds = {a.measure, b.measure}
        if kinds != {"vote_share", "votes"} or a.sentence != b.sentence:
            continue
        if a.option is None or a.option != b.option or a.election != b.election:
            continue
        if a.scope != b.scope:
            continue
        share, votes = (a, b) if a.measure == "vote_share" else (b, a)
        out.append((share, votes))
    return out


def _first_other_option(pairs: Sequence[tuple[Claim, Claim]], layout: _Layout) -> dict[int, int]:
    """For each (share, votes) pair, the index of the first pair of another option in the
    same statement (:meth:`_Layout.same_list`: its sentence, or its line), if any.

    The first pair of a sentence or line, and the first one there whose option differs from
    that one's, are all a lookup needs: linear in the pairs, however many share a paragraph.
    """
    firsts: dict[tuple[str, object], list[int]] = {}  # (sentence | line) -> [first, first of another option]
    for i, (share, _votes) in enumerate(pairs):
        for place in (("sentence", share.sentence), ("line", layout.line(share))):
            seen = firsts.get(place)
            if seen is None:
                firsts[place] = [i]
            elif len(seen) == 1 and pairs[seen[0]][0].option != share.option:
                seen.append(i)
    out: dict[int, int] = {}
    for i, (share, _votes) in enumerate(pairs):
        found = []
        for place in (("sentence", share.sentence), ("line", layout.line(share))):
            for j in firsts[place]:
                if pairs[j][0].option != share.option:
                    found.append(j)
                    break
        if found:
            out[i] = min(found)
    return out


def check_counts_against_shares(
    claims: Sequence[Claim], article: Article, confirmed: Set[str] = frozenset()
) -> list[Finding]:
    """A count stated with its share must agree with the article's own totals (those of
    the share's own region: a peninsula's registered voters are no total for its city)."""
    out: list[Finding] = []
    # A count in progress or a poll has its own total; a share of registered voters
    # ("65.16% of all registered voters") is not a share of the ballots.
    pairs = [
        (share, votes)
        for share, votes in _pairs(claims, article.text)
        if doubt(share) is None and not RE_OTHER_BASIS.match(article.text, share.mention.end)
    ]
    # the first registered count of each election, the first turnout of each contest
    registered: dict[object, Claim] = {}
    turnout: dict[tuple[object, ...], Claim] = {}
    for c in claims:
        if c.measure == "registered":
            registered.setdefault((c.election, c.region), c)
        elif c.measure == "turnout":
            turnout.setdefault((c.election, c.scope, c.region), c)
    other_pair = _first_other_option(pairs, _Layout(article.text)) if pairs else {}
    for n, (share, votes) in enumerate(pairs):
        base: tuple[Decimal, Decimal] | None = None
        how = ""
        total = registered.get((share.election, share.region))
        rate = turnout.get((share.election, share.scope, share.region))
        if total is not None and rate is not None:
            base = _mul(_bounds(total), _fraction(rate))
            how = f"{rate.mention.text} of {total.mention.text} registered voters"
            evidence_ids = (total.id, rate.id)
        else:
            if (other := other_pair.get(n)) is None:
                continue
            o_share, o_votes = pairs[other]
            base = _div(_bounds(o_votes), _fraction(o_share))
            how = f"{o_votes.mention.text} being {o_share.mention.text}"
            evidence_ids = (o_share.id, o_votes.id)
        if base is None:
            continue
        implied = _mul(base, _fraction(share))
        stated = _bounds(votes)
        ids = (share.id, votes.id, *evidence_ids)
        if _overlap(implied, stated):
            out.append(
                Finding(
                    finding_id("internal", ids, "count"),
                    "internal",
                    "consistent",
                    ids,
                    f"{reported(votes)} agrees with {reported(share)} of the total implied by {how} "
                    f"({_fmt_interval(implied)} votes).",
                )
            )
            continue
        diff = _gap(implied, stated)
        mid = (implied[0] + implied[1]) / 2
        accused, right = _accused(ids, confirmed)
        message = (
            f"{reported(votes)} does not fit {reported(share)}: with {how} the share is about "
            f"{_fmt_interval(implied)} votes."
        )
        if not accused:
            message += " Each figure matches the official final result: they may not be of one count."
        out.append(
            Finding(
                finding_id("internal", ids, "count"),
                "internal",
                "discrepancy" if accused else "ambiguous",
                accused or ids,
                message,
                severity=severity_for(diff, "count", mid) if accused else None,
                difference=Difference(diff, "count"),
                extra=(("confirmed", " ".join(right)),) if right else (),
            )
        )
    return out


def check_margins(claims: Sequence[Claim], article: Article) -> list[Finding]:
    """'a margin of almost 1.3 million votes' against the difference of two stated counts."""
    out: list[Finding] = []
    low_text = article.text.lower()
    counts: dict[object, list[Claim]] = {}  # by sentence, in claim order
    for c in claims:
        if c.measure == "votes" and c.mention.kind == "count":
            counts.setdefault(c.sentence, []).append(c)
    for c in claims:
        if c.mention.kind != "count":
            continue
        before = low_text[max(0, c.mention.start - 30) : c.mention.start]
        if not RE_MARGIN.search(before):
            continue
        same = [v for v in counts.get(c.sentence, [])[:3] if v.id != c.id]
        if len(same) < 2:
            continue
        a, b = same[0], same[1]
        (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
        diff_iv = (max(alo - bhi, blo - ahi, Decimal(0)), max(ahi - blo, bhi - alo))
        stated = _bounds(c)
        ids = (c.id, a.id, b.id)
        if _overlap(diff_iv, stated):
            out.append(
                Finding(
                    finding_id("internal", ids, "margin"),
                    "internal",
                    "consistent",
                    ids,
                    f"The margin {reported(c)} agrees with {a.mention.text} − {b.mention.text} "
                    f"({_fmt_interval(diff_iv)}).",
                )
            )
        else:
            gap = _gap(diff_iv, stated)
            out.append(
                Finding(
                    finding_id("internal", ids, "margin"),
                    "internal",
                    "discrepancy",
                    ids,
                    f"The margin {reported(c)} does not agree with {a.mention.text} − {b.mention.text} "
                    f"({_fmt_interval(diff_iv)}).",
                    severity=severity_for(gap, "count", diff_iv[1]),
                    difference=Difference(gap, "count"),
                )
            )
    return out


def check_restated(claims: Sequence[Claim], article: Article) -> list[Finding]:
    """What reads as the same quantity given twice in one article, with intervals that do
    not overlap: *ambiguous*, never a discrepancy. Two figures bound alike are often not the
    same quantity (two bulletins of a count, two states the binder did not tell apart, a
    poll and the result), so the finding asks a reviewer to look; it accuses no one."""
    out: list[Finding] = []
    keyed: dict[tuple[object, ...], list[Claim]] = {}
    for c in claims:
        if c.election is None or c.region is None or c.measure not in ("vote_share", "turnout", "votes"):
            continue
        if c.scope not in ("final", "unknown") or doubt(c) is not None:
            continue
        if c.measure in ("vote_share", "votes") and c.option is None:
            continue
        keyed.setdefault((c.election, c.region, c.option, c.measure, c.scope), []).append(c)
    for group in keyed.values():
        if finding := _restated(group):
            out.append(finding)
    return out


MAX_RESTATED = 10  # values named by one restatement finding; the rest are counted


def _restated(group: Sequence[Claim]) -> Finding | None:
    """One finding for a group of claims of one quantity whose intervals do not all overlap.

    Linear in the group after a sort: the intervals all overlap exactly when the highest low
    end is not above the lowest high end. One pair that disagrees (the usual case) gives the
    finding it always gave; more give one finding that lists the values, never one per pair
    (a figure restated 1,000 times with two values would make 250,000).
    """
    bounds = [_bounds(c) for c in group]
    top = max(range(len(group)), key=lambda i: (bounds[i][0], -i))  # highest low end (first such)
    bottom = min(range(len(group)), key=lambda i: (bounds[i][1], i))  # lowest high end
    if bounds[top][0] <= bounds[bottom][1]:
        return None
    unit = "percentage_point" if group[0].mention.kind == "percent" else "count"
    label = group[0].option or group[0].region
    if _disagreeing_pairs(bounds) == 1:
        a, b = sorted((group[top], group[bottom]), key=group.index)
        ids = (a.id, b.id)
        return Finding(
            finding_id("internal", ids, "restated"),
            "internal",
            "ambiguous",
            ids,
            f"The article gives {reported(a)} and {reported(b)} for what reads as the same "
            f"figure ({label}); they may be different counts, places or sources: check which is meant.",
            difference=Difference(_gap(_bounds(a), _bounds(b)), unit),
        )
    values: dict[tuple[Decimal, Decimal], list[Claim]] = {}
    for c, iv in zip(group, bounds, strict=True):
        values.setdefault(iv, []).append(c)
    shown = [
        reported(same[0]) + (f" ({len(same)} times)" if len(same) > 1 else "")
        for same in list(values.values())[:MAX_RESTATED]
    ]
    more = len(values) - len(shown)
    listing = (
        ", ".join(shown[:-1]) + f" and {shown[-1]}"
        if more <= 0
        else ", ".join(shown) + f" and {more} other values"
    )
    listed = tuple(same[0].id for same in list(values.values())[:MAX_RESTATED])
    return Finding(
        finding_id("internal", listed, "restated"),
        "internal",
        "ambiguous",
        listed,
        f"The article gives {listing} for what reads as the same figure ({label}); they may be "
        "different counts, places or sources: check which is meant.",
        difference=Difference(bounds[top][0] - bounds[bottom][1], unit),
    )


def _disagreeing_pairs(bounds: Sequence[tuple[Decimal, Decimal]], enough: int = 2) -> int:
    """How many pairs of intervals do not overlap, counted up to ``enough`` (a sort and a
    binary search per interval: an interval misses every one whose high end is below its low)."""
    highs = sorted(hi for _lo, hi in bounds)
    count = 0
    for lo, _hi in bounds:
        count += bisect_left(highs, lo)
        if count >= enough:
            return count
    return count


def check_internal(
    articles: Sequence[Article], claims: Sequence[Claim], confirmed: Set[str] = frozenset()
) -> list[Finding]:
    """Every internal-consistency finding, article by article; ``confirmed`` holds the ids
    of claims the reference check found consistent with the official final result."""
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article, []).append(c)
    out: list[Finding] = []
    for article in articles:
        mine = by_article.get(article.id, [])
        out += check_share_sums(mine, article, confirmed)
        out += check_counts_against_shares(mine, article, confirmed)
        out += check_margins(mine, article)
        out += check_restated(mine, article)
    return out
