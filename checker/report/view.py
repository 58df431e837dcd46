"""What a person sees of a finding: its claims, the quoted sentence, formatted numbers, rank.

Pure functions over a :class:`~checker.model.RunResult`, shared by the CSV, Markdown, figure
and PDF writers so that all of them quote and rank findings the same way. Nothing here
decides a verdict: verdicts, severities and differences come from the checks as they are.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from checker.model import Article, Claim, Difference, Finding, RunResult
from checker.store import claim_lookup, select, tally

VERDICTS = ("discrepancy", "ambiguous", "unverifiable", "consistent")
CHECKS = ("reference", "temporal", "internal", "cross_source")
CHECK_TITLES = {
    "reference": "Reference check",
    "temporal": "Temporal check",
    "internal": "Internal check",
    "cross_source": "Cross-source check",
}
# A quoted sentence longer than this is cut to a window around the figure.
SENTENCE_CAP = 400
MINUS = "\u2212"


_UNIT_WORDS = {
    "percentage_point": ("pp", "pp"),
    "percent": ("%", "%"),
    "day": ("day", "days"),
    "week": ("week", "weeks"),
    "month": ("month", "months"),
    "year": ("year", "years"),
    "count": ("", ""),
}


def collapse(text: str) -> str:
    """White space runs -> one blank, ends stripped.

    >>> collapse("  two\\n  lines ")
    'two lines'
    """
    return " ".join(text.split())  # str.split: the white space re's \s matches, no regex needed


def decimal_text(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros (exact, for CSV).

    >>> decimal_text(Decimal("5.450")), decimal_text(Decimal("1E+6")), decimal_text(Decimal("-0.0"))
    ('5.45', '1000000', '0')
    """
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def number_text(value: Decimal, places: int = 2) -> str:
    """A number for people: thousands separators, at most ``places`` decimals.

    >>> number_text(Decimal("76277708")), number_text(Decimal("5.4500")), number_text(Decimal("1") / 3)
    ('76,277,708', '5.45', '0.33')
    """
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -places:
        value = value.quantize(Decimal(1).scaleb(-places))
    normal = value.normalize()
    if normal == normal.to_integral_value():
        return f"{int(normal):,}"
    return f"{normal:,f}"


def format_difference(diff: Difference | None) -> str:
    """A signed difference with its unit, as labelled in figures and tables.

    The sign is the checks' convention: reference minus reported (negative: reported too high).

    >>> format_difference(Difference(Decimal("-5.45"), "percentage_point"))
    '−5.45 pp'
    >>> format_difference(Difference(Decimal("3"), "day")), format_difference(None)
    ('+3 days', '')
    """
    if diff is None:
        return ""
    value = diff.value
    sign = MINUS if value < 0 else ("+" if value > 0 else "")
    one, many = _UNIT_WORDS.get(diff.unit, (diff.unit, diff.unit))
    word = one if abs(value) == 1 else many
    return f"{sign}{number_text(abs(value))}{' ' + word if word else ''}"


def format_bound(value: object, unit: str) -> str:
    if value is None:
        return "…"
    if isinstance(value, Decimal):
        return number_text(value) + ("%" if unit == "percent" else "")
    return str(value)


def format_interval(claim: Claim) -> str:
    """The reported interval for people: ``92.5–93.5%``, ``≥ 99%``, ``2022-09-23–2022-09-27``.

    >>> from checker.model import Mention
    >>> m = Mention("a", 0, 3, "93%", "percent", Decimal("92.5"), Decimal("93.5"), "percent")
    >>> format_interval(Claim("c1", m))
    '92.5%–93.5%'
    """
    m = claim.mention
    low, high = format_bound(m.low, m.unit), format_bound(m.high, m.unit)
    if m.low is None and m.high is None:
        return "unresolved"
    if m.qualifier in ("more_than", "at_least"):
        return f"≥ {low}"
    if m.qualifier in ("less_than", "at_most"):
        return f"≤ {high}"
    return low if low == high else f"{low}–{high}"


@dataclass(frozen=True, slots=True)
class Quote:
    """A sentence as quoted in a report, with the spans of the figures to highlight."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()  # sorted, not overlapping; empty: figure not found

    def segments(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, is_figure) pieces, in order.

        >>> Quote("a 93% and 87% b", ((2, 5), (10, 13))).segments()
        [('a ', False), ('93%', True), (' and ', False), ('87%', True), (' b', False)]
        """
        out: list[tuple[str, bool]] = []
        at = 0
        for start, end in self.spans:
            if start > at:
                out.append((self.text[at:start], False))
            out.append((self.text[start:end], True))
            at = end
        if at < len(self.text):
            out.append((self.text[at:], False))
        return out


def _occurrences(text: str, needle: str) -> list[int]:
    """Starts of the non-overlapping occurrences of ``needle`` (as ``re.finditer`` finds them)."""
    starts: list[int] = []
    at = text.find(needle) if needle else -1
    while at >= 0:
        starts.append(at)
        at = text.find(needle, at + len(needle))
    return starts


def _find_near(text: str, needle: str, hint: int | None) -> int:
    starts = _occurrences(text, needle)
    if not starts:
        return -1
    return min(starts, key=lambda s: abs(s - hint)) if hint is not None else starts[0]


def excerpt(
    sentence: str, needle: str, cap: int = SENTENCE_CAP, hint: int | None = None, also: Sequence[str] = ()
) -> Quote:
    """Quote ``sentence`` (white space collapsed), cut to ``cap`` characters around ``needle``.

    ``hint`` is the needle's approximate offset in the sentence, to pick the right one of
    several occurrences; ``also`` are more figures to highlight when the quote holds them.

    >>> q = excerpt("Turnout was  high: 93% in one region.", "93%")
    >>> q.text, q.spans
    ('Turnout was high: 93% in one region.', ((18, 21),))
    """
    text = collapse(sentence)
    target = collapse(needle)
    start = _find_near(text, target, hint)
    end = start + len(target) if start >= 0 else -1
    cut, shift = text, 0
    if len(text) > cap:
        centre = (start + end) // 2 if start >= 0 else 0
        lo = max(0, min(centre - cap // 2, len(text) - cap))
        hi = min(len(text), lo + cap)
        # cut at word boundaries (never inside the figure) so a quote does not end in half a word
        if lo > 0:
            space = text.find(" ", lo, start if start >= lo else lo + 40)
            lo = space + 1 if space >= 0 else lo
        if hi < len(text):
            space = text.rfind(" ", end if end >= 0 else hi - 40, hi)
            hi = space if space > lo else hi
        prefix = "…" if lo > 0 else ""
        cut = prefix + text[lo:hi] + ("…" if hi < len(text) else "")
        shift = len(prefix) - lo
        if not (0 <= lo <= start and 0 <= end <= hi):
            start = -1
    spans = [(start + shift, end + shift)] if start >= 0 else []
    for other in also:
        other = collapse(other)
        for at in _occurrences(cut, other):
            span = (at, at + len(other))
            if all(span[1] <= s or span[0] >= e for s, e in spans):
                spans.append(span)
                break
    return Quote(cut, tuple(sorted(spans)))


class Index:
    """Claims and articles by id, for looking up what a finding is about."""

    def __init__(self, result: RunResult) -> None:
        self.result = result
        self.claims: Mapping[str, Claim] = claim_lookup(result.claims)
        self.articles: dict[str, Article] = {a.id: a for a in result.articles}
        self._last: tuple[Finding | None, list[Claim]] = (None, [])

    def claims_of(self, finding: Finding) -> list[Claim]:
        """The finding's claims that are known, in its order (a fresh list on every call).

        A report asks this several times per finding in a row (text, sentence, article), so
        the last finding's claims are kept: one lookup per claim instead of one per question.
        """
        last, claims = self._last
        if last is not finding:
            get = self.claims.get
            claims = [c for i in finding.claims if (c := get(i)) is not None]
            self._last = (finding, claims)
        return list(claims)

    def article_of(self, finding: Finding) -> str:
        """The article a finding is about: its first claim's, else the one the check named."""
        claims = self.claims_of(finding)
        if claims:
            return claims[0].article
        return dict(finding.extra).get("article", "")

    def claim_quote(self, claim: Claim, cap: int = SENTENCE_CAP, also: Sequence[str] = ()) -> Quote:
        """The claim's sentence with the figure (and the ``also`` figures) located in it."""
        m = claim.mention
        if claim.quote:
            sentence, hint = claim.quote, None
        else:
            article = self.articles.get(claim.article)
            text = article.text if article is not None else ""
            s0, s1 = claim.sentence
            if text and 0 <= s0 < s1 <= len(text):
                sentence, hint = text[s0:s1], len(collapse(text[s0 : m.start]))
            elif text and 0 <= m.start < m.end <= len(text):
                # no sentence span: a window of the article around the figure
                s0 = max(0, m.start - 150)
                sentence, hint = text[s0 : m.end + 150], len(collapse(text[s0 : m.start]))
            else:
                sentence, hint = m.text, 0
        if hint is None:
            hint = max(0, m.start - claim.sentence[0]) if claim.sentence != (0, 0) else None
        return excerpt(sentence, m.text, cap, hint, also)

    def finding_text(self, finding: Finding) -> str:
        """The figure(s) a finding is about, as written ("93% | 87%")."""
        claims = self.claims_of(finding)
        if claims:
            return " | ".join(c.mention.text for c in claims)
        span = self._extra_span(finding)
        if span is not None:
            text, start, end = span
            return text[start:end]
        return dict(finding.extra).get("text", "")

    def finding_quote(self, finding: Finding, cap: int = SENTENCE_CAP) -> Quote:
        """The sentence of the finding's first claim (or the article around its span)."""
        claims = self.claims_of(finding)
        if claims:
            first = claims[0]
            same = [
                c.mention.text
                for c in claims[1:]
                if (c.article, c.sentence) == (first.article, first.sentence)
            ]
            return self.claim_quote(first, cap, same)
        span = self._extra_span(finding)
        if span is None:
            # the article's text was not kept (a CLI run): the sentence the check stored
            extra = dict(finding.extra)
            sentence = extra.get("sentence", "")
            return excerpt(sentence, extra.get("text", ""), cap) if sentence else Quote("")
        text, start, end = span
        lo = max(0, start - 150)
        return excerpt(text[lo : end + 150], text[start:end], cap, len(collapse(text[lo:start])))

    def finding_sentences(self, finding: Finding, cap: int = SENTENCE_CAP) -> str:
        """Every distinct sentence of the finding's claims, joined, within ``cap`` characters."""
        claims = self.claims_of(finding)
        if not claims:
            return self.finding_quote(finding, cap).text
        seen: list[str] = []
        share = max(80, cap // len(claims))
        for c in claims:
            text = self.claim_quote(c, share).text
            if text not in seen:
                seen.append(text)
        return " | ".join(seen)

    def _extra_span(self, finding: Finding) -> tuple[str, int, int] | None:
        extra = dict(finding.extra)
        article = self.articles.get(extra.get("article", ""))
        try:
            start, end = int(extra["start"]), int(extra["end"])
        except (KeyError, ValueError):
            return None
        if article is None or not (0 <= start < end <= len(article.text)):
            return None
        return article.text, start, end

    def election_of(self, finding: Finding) -> str | None:
        claims = self.claims_of(finding)
        return claims[0].election if claims else None


def magnitude(finding: Finding, index: Index) -> Decimal | None:
    """The size of a difference in multiples of the checks' "minor" threshold.

    Shares (points), days and years have a threshold of 1; counts 1% of the reference (or
    of the reported figure), so a 5-point share error and a 5% vote-count error rank alike.
    """
    diff = finding.difference
    if diff is None:
        return None
    size = abs(diff.value)
    if diff.unit in ("percentage_point", "day", "year", "week", "month"):
        return size
    base = finding.evidence.number if finding.evidence is not None else None
    if base is None:
        claims = index.claims_of(finding)
        high = claims[0].mention.high if claims else None
        base = high if isinstance(high, Decimal) else None
    if base:
        return size / (abs(base) / 100)
    return size


def rank_findings(findings: Iterable[Finding], index: Index) -> list[Finding]:
    """Findings in the order a reviewer should read them.

    Discrepancies first (major before minor), then ambiguous, unverifiable and consistent;
    within each, larger differences first. A finding without a difference of its own (a
    swap) ranks with the largest difference among findings that share one of its claims.
    """
    items = list(findings)
    return sorted(items, key=_rank_key(items, index))


def top_findings(source: Callable[[], Iterable[Finding]], index: Index, limit: int) -> list[Finding]:
    """The first ``limit`` of :func:`rank_findings` over ``source()``, which is read twice
    and never held: the findings may be millions rows of the run store."""
    return heapq.nsmallest(limit, source(), key=_rank_key(source(), index))


def _rank_key(
    findings: Iterable[Finding], index: Index
) -> Callable[[Finding], tuple[int, int, Decimal, str]]:
    by_claim: dict[str, Decimal] = {}
    for f in findings:
        size = magnitude(f, index)
        if size is not None:
            for cid in f.claims:
                by_claim[cid] = max(size, by_claim.get(cid, Decimal(0)))

    def key(f: Finding) -> tuple[int, int, Decimal, str]:
        own = magnitude(f, index)
        if own is None:
            own = max((by_claim.get(cid, Decimal(0)) for cid in f.claims), default=Decimal(0))
        severity = 0 if f.severity == "major" else 1
        return (VERDICTS.index(f.verdict), severity, -own, f.id)

    return key


def worst_discrepancies(result: RunResult, index: Index, limit: int) -> list[Finding]:
    """The ``limit`` discrepancies a reviewer should see first."""
    return top_findings(lambda: select(result.findings, verdict="discrepancy"), index, limit)


def verdict_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per verdict, every verdict present (zero included), in VERDICTS order."""
    counts: Counter[str] = Counter()
    for (_check, verdict, _severity), n in tally(findings).items():
        counts[verdict] += n
    return {v: counts.get(v, 0) for v in VERDICTS}


def check_counts(findings: Iterable[Finding]) -> dict[str, dict[str, int]]:
    """Findings per check and verdict, every check present, in CHECKS order."""
    counts: Counter[tuple[str, str]] = Counter()
    for (check, verdict, _severity), n in tally(findings).items():
        counts[check, verdict] += n
    return {c: {v: counts.get((c, v), 0) for v in VERDICTS} for c in CHECKS}


def source_of(finding: Finding) -> str:
    """Where the compared value comes from: the first source URL, else the table row."""
    ev = finding.evidence
    if ev is None:
        return ""
    if ev.source_url:
        return ev.source_url.split(" ; ")[0].strip()
    return ev.row
