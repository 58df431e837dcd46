"""Claims against the calendar: relative dates, ages, durations, voting dates, weekdays.

Rules (also in the README, "Temporal checks"):

* "N years ago" holds when the calendar-year difference between the publication date and
  the event is N, or the elapsed time rounds to N years. "exactly N years ago", "N years
  ago today" and "a year ago today" hold when the event (any of its days, for a vote held
  over several days) is within 3 days of the anniversary. "about/roughly" allow one more
  year either way.
* "N days/weeks/months earlier/later/before/after" is measured between two dated anchors
  the text names (an election, a death, a reference event, an explicit date); bare counts of
  days are exact, months allow half a month either way, the qualifier widens that.
* An age ("at the age of 47", "Putin, 71") is compared with birth and death dates at the
  date the sentence is about: the death date when the sentence says the person died, else
  the publication date (every date of the inferred window when it is not known).
* A stated duration of voting ("five days of voting") or a date range is compared with the
  election's voting dates.
* A weekday next to a date ("on Friday, August 2") must be that date's weekday.
* An article without a publication date gets an inferred window from anchored phrases
  ("the last presidential election, exactly one year ago"); the window is reported and used
  for the article's other checks.

A calendar claim is a discrepancy only when the event it refers to is pinned down; when
several reference events could be meant and none fits, the finding is ``ambiguous``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel.dates import get_day_names

from checker.checks.caution import RE_EARLY_VOTING, RE_YEAR
from checker.checks.common import date_range_text, finding_id, fmt_number, reported, row_key
from checker.elections import KIND_CUES, election_entities, election_kind_family
from checker.lang import alternation, words
from checker.model import Article, Claim, Difference, Evidence, Finding, Mention
from checker.reference import Election, Event, ReferenceData
from checker.sentences import SentenceIndex, sentences_of
from checker.units import DAYS_PER

EXACT_ANNIVERSARY_DAYS = 3
YEAR_WINDOW = 40  # characters either side of a bare year that say what it dates

RE_DIED = re.compile(alternation("death_words", before=r"\b"))
RE_START_VERB = re.compile(rf"\b{alternation('start_verbs')}\b")
RE_END_VERB = re.compile(rf"\b{alternation('end_verbs')}\b")
RE_VOTE = re.compile(alternation("vote_context_stems"))  # anywhere in a word: "voters", "Wahlen"
# Words before a duration that make it the span of a vote ("held over five days").
RE_VOTING_SPAN = re.compile(alternation("voting_span_words"))
RE_SINCE = re.compile(rf"\s*{alternation('since_words')}\b")
RE_STEMS = re.compile(r"[a-zа-яё]{4,}")

# Word stems that tie a sentence to a reference event's description.
_STOP = frozenset(words("event_stop_words"))


@dataclass(frozen=True, slots=True)
class Anchor:
    """A dated thing the text refers to: an election, an event, a death, an explicit date."""

    label: str
    low: dt.date
    high: dt.date
    table: str
    row: str
    source_url: str | None
    position: int  # where the text names it


@dataclass(slots=True)
class _ArticleContext:
    article: Article
    claims: list[Claim]
    sentences: SentenceIndex
    low: str
    published: tuple[dt.date, dt.date] | None  # given or inferred window
    inferred: bool


def _years_between(a: dt.date, b: dt.date) -> int:
    """Whole years from ``a`` to ``b`` (an age).

    >>> _years_between(dt.date(1976, 6, 4), dt.date(2024, 2, 16))
    47
    """
    years = b.year - a.year
    if (b.month, b.day) < (a.month, a.day):
        years -= 1
    return years


def _shift_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


_SUFFIXES = words("stem_suffixes")  # the first that fits is stripped


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem: "signed", "signs" -> "sign"; "treaties", "treaty" -> "treat".

    >>> _stem("annexing"), _stem("annexation"), _stem("referendums")
    ('annex', 'annex', 'refer')
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:5]


def _stems(text: str) -> frozenset[str]:
    return _stems_cached(text) if len(text) < 400 else _stems_uncached(text)


@lru_cache(maxsize=4096)
def _stems_cached(text: str) -> frozenset[str]:
    return _stems_uncached(text)


def _stems_uncached(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in RE_STEMS.findall(text.lower()) if w not in _STOP)


def _decimal(value: object) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


# --- anchors -----------------------------------------------------------------------------


def _sentence_names(ref: ReferenceData, text: str) -> set[str]:
    return {h.canonical for h in ref.gazetteer.find(text)}


@dataclass(frozen=True, slots=True)
class _EventIndex:
    """What ``_event_anchors`` compares a sentence with, per reference event."""

    event: Event
    stems: frozenset[str]  # of the description
    entities: frozenset[str]
    row: str  # row key for evidence


def _event_table(ref: ReferenceData) -> tuple[tuple[_EventIndex, ...], dict[str, int]]:
    """Per event its stems, names and row key; per name how many events name it
    (a name in many events says little). Built once per reference (ReferenceData.derived)."""
    counts: dict[str, int] = {}
    for event in ref.events:
        for name in event.entities:
            counts[name] = counts.get(name, 0) + 1
    table = tuple(
        _EventIndex(e, _stems(e.description), frozenset(e.entities), row_key(e.file, e.line))
        for e in ref.events
    )
    return table, counts


def _event_anchors(ref: ReferenceData, sentence_text: str, names: set[str], position: int) -> list[Anchor]:
    """Reference events the sentence may refer to: shared names and description words.

    A shared name counts two points (one for a name in many events), a shared word stem
    one; the events within one point of the best score are kept, and when the best shares
    a name with the sentence, only events that do too.
    """
    events, name_counts = ref.derived("temporal.events", _event_table)
    stems = _stems(sentence_text)
    scored: list[tuple[int, bool, Anchor]] = []
    for indexed in events:
        shared_words = stems & indexed.stems
        if not shared_words:
            continue
        shared_names = names & indexed.entities
        if not shared_names and len(shared_words) < 2:
            continue
        event = indexed.event
        anchor = Anchor(
            event.description, event.date, event.date, "events", indexed.row, event.source_url, position
        )
        name_points = sum(2 if name_counts.get(n, 0) <= 3 else 1 for n in shared_names)
        scored.append((name_points + len(shared_words), bool(shared_names), anchor))
    if not scored:
        return []
    best, best_named, _ = max(scored, key=lambda t: (t[0], t[1]))
    return [
        a
        for score, named, a in sorted(scored, key=lambda t: -t[0])
        if score >= best - 1 and (named or not best_named)
    ]


def _election_anchors(
    ref: ReferenceData, sentence_text: str, names: set[str], near: dt.date | None, position: int
) -> list[Anchor]:
    low = sentence_text.lower()
    if not RE_VOTE.search(low):
        return []
    families = {k for k, cue in KIND_CUES.items() if cue.search(low)}
    out: list[tuple[int, Anchor]] = []
    for e in ref.elections.values():
        if families and election_kind_family(e.kind) not in families:
            continue
        if not names & election_entities(ref, e.id):  # its regions and options
            continue
        if near is not None and abs((e.end - near).days) > 366 * 3:
            continue
        distance = abs((e.end - near).days) if near else 0
        low_d, high_d = e.start, e.end
        if RE_START_VERB.search(low):
            high_d = e.start
        elif RE_END_VERB.search(low):
            low_d = e.end
        out.append(
            (
                distance,
                Anchor(e.name, low_d, high_d, "elections", row_key(e.file, e.line), e.source_url, position),
            )
        )
    out.sort(key=lambda t: t[0])
    return [a for _, a in out[:1]]


def _death_anchor(ref: ReferenceData, sentence_text: str, names: set[str], position: int) -> Anchor | None:
    if not RE_DIED.search(sentence_text.lower()):
        return None
    for name in names:
        person = ref.people.get(name)
        if person is not None and person.died is not None:
            return Anchor(
                f"death of {person.name}",
                person.died,
                person.died,
                "people",
                row_key(person.file, person.line),
                person.source_url,
                position,
            )
    return None


# --- publication window --------------------------------------------------------------------


def infer_publication(
    article: Article, claims: Sequence[Claim], ref: ReferenceData
) -> tuple[tuple[dt.date, dt.date], str, Claim] | None:
    """A publication window from an anchored phrase ("... exactly one year ago").

    Returns (window, how, the claim it came from), or None when nothing anchors it.
    """
    index = sentences_of(article.text)
    for claim in claims:
        m = claim.mention
        off = m.offset
        if m.kind != "relative_date" or off is None or off.anchor != "published":
            continue
        if off.unit not in ("year", "month", "week", "day") or not off.exact:
            continue
        sentence = index.at(m.start)
        text = article.text[sentence.start : sentence.end]
        names = _sentence_names(ref, text)
        anchors = []
        if claim.election and claim.election in ref.elections:
            e = ref.elections[claim.election]
            anchors.append(
                Anchor(e.name, e.start, e.end, "elections", row_key(e.file, e.line), e.source_url, 0)
            )
        else:
            anchors = _election_anchors(ref, text, names, None, sentence.start)
            if not anchors:
                anchors = _event_anchors(ref, text, names, sentence.start)
        if len(anchors) != 1:
            continue
        a = anchors[0]
        amount = -off.amount  # "one year ago" has amount -1
        low, high = _add(a.low, amount, off.unit), _add(a.high, amount, off.unit)
        how = (
            f"inferred from {reported(claim)}: {a.label} ({date_range_text(a.low, a.high)}) "
            f"plus {fmt_number(amount, off.unit)}"
        )
        return (low, high), how, claim
    return None


def _add(d: dt.date, amount: Decimal, unit: str) -> dt.date:
    if unit == "year" and amount == amount.to_integral_value():
        return _shift_years(d, int(amount))
    if unit == "month" and amount == amount.to_integral_value():
        month = d.month - 1 + int(amount)
        year = d.year + month // 12
        day = min(d.day, 28)
        return dt.date(year, month % 12 + 1, day)
    return d + dt.timedelta(days=float(amount * DAYS_PER.get(unit, Decimal(1))))


# --- the checks ------------------------------------------------------------------------------


def _finding(
    claims: tuple[str, ...],
    verdict: str,
    message: str,
    *,
    key: str = "",
    diff: Decimal | None = None,
    unit: str = "day",
    anchor: Anchor | None = None,
    severity: str | None = None,
    extra: tuple[tuple[str, str], ...] = (),
) -> Finding:
    evidence = None
    if anchor is not None:
        evidence = Evidence(
            table=anchor.table,
            row=anchor.row,
            value=date_range_text(anchor.low, anchor.high),
            source_url=anchor.source_url,
            date=anchor.low,
        )
    if verdict == "discrepancy" and severity is None:
        severity = "minor" if diff is not None and abs(diff) <= 1 else "major"
    return Finding(
        finding_id("temporal", claims, key),
        "temporal",
        verdict,  # type: ignore[arg-type]
        claims,
        message,
        severity=severity if verdict == "discrepancy" else None,  # type: ignore[arg-type]
        difference=Difference(diff, unit) if diff is not None else None,
        evidence=evidence,
        extra=extra,
    )


def _check_years_ago(ctx: _ArticleContext, claim: Claim, ref: ReferenceData) -> Finding | None:
    m = claim.mention
    off = m.offset
    assert off is not None
    if ctx.published is None:
        return None
    sentence = ctx.sentences.at(m.start)
    text = ctx.article.text[sentence.start : sentence.end]
    names = _sentence_names(ref, text)
    anchors: list[Anchor] = []
    if claim.election and claim.election in ref.elections and off.unit == "year":
        e = ref.elections[claim.election]
        if names & (
            {r.region for r in ref.results_for(e.id)} | {r.option or "" for r in ref.results_for(e.id)}
        ):
            anchors.append(
                Anchor(e.name, e.start, e.end, "elections", row_key(e.file, e.line), e.source_url, 0)
            )
    explicit = _explicit_dates(ctx, claim, sentence.start, sentence.end)
    anchors = explicit or anchors + _event_anchors(ref, text, names, sentence.start)
    if not anchors:
        anchors = _election_anchors(ref, text, names, ctx.published[0], sentence.start)
    if not anchors:
        return _finding(
            (claim.id,),
            "unverifiable",
            f"{reported(claim)}: no dated reference event matches what the sentence refers to.",
        )
    n = -off.amount
    pub_low, pub_high = ctx.published
    if n > 0:
        # "sixty years ago" cannot point at an event after the publication
        anchors = [a for a in anchors if a.low <= pub_high]
        named = _named_year(text, n, pub_low, pub_high)
        if named is not None:
            return _finding(
                (claim.id,),
                "consistent",
                f"{reported(claim)} from {date_range_text(pub_low, pub_high)} fits the year {named} "
                "the sentence names.",
            )
        if not anchors:
            return _finding(
                (claim.id,),
                "unverifiable",
                f"{reported(claim)}: no dated reference event before the publication matches what the "
                "sentence refers to.",
            )
    fits: list[Anchor] = []
    best: tuple[Decimal, Anchor] | None = None
    for a in anchors:
        ok, diff = _years_ago_holds(n, off.exact, m.qualifier, a, pub_low, pub_high)
        if ok:
            fits.append(a)
        elif best is None or abs(diff) < abs(best[0]):
            best = (diff, a)
    pub_text = date_range_text(pub_low, pub_high)
    if fits:
        a = fits[0]
        how = " (publication date inferred)" if ctx.inferred else ""
        return _finding(
            (claim.id,),
            "consistent",
            f"{reported(claim)} from {pub_text}{how} fits {a.label} on {date_range_text(a.low, a.high)}.",
            anchor=a,
        )
    assert best is not None
    diff, a = best
    distinct_years = {x.low.year for x in anchors}
    if len(distinct_years) > 1:
        return _finding(
            (claim.id,),
            "ambiguous",
            f"{reported(claim)} from {pub_text} fits none of the events the sentence may refer to "
            f"(nearest: {a.label}, {date_range_text(a.low, a.high)}).",
            anchor=a,
            diff=diff,
            unit="year",
        )
    actual = pub_low.year - a.low.year
    if not explicit and abs(diff) > max(Decimal(MAX_YEARS_OFF), abs(n) / 2):
        # "a year ago" against an event 29 years back: the sentence is about something
        # else the tables do not hold, not a journalist counting years wrong
        return _finding(
            (claim.id,),
            "ambiguous",
            f"{reported(claim)} from {pub_text} is far from {a.label} ({date_range_text(a.low, a.high)}, "
            f"{actual} years before publication): the sentence is likely about another event.",
            anchor=a,
            diff=diff,
            unit="year",
        )
    return _finding(
        (claim.id,),
        "discrepancy",
        f"{reported(claim)} from {pub_text} does not fit: {a.label} was on {date_range_text(a.low, a.high)}, "
        f"{actual} years before publication.",
        anchor=a,
        diff=diff,
        unit="year",
    )


# A reference event this many years off "N years ago" (or half of N, if more) is taken for
# another event than the one the sentence means.
MAX_YEARS_OFF = 2


def _named_year(text: str, n: Decimal, pub_low: dt.date, pub_high: dt.date) -> int | None:
    """A year the sentence names that is ``n`` years before the publication ("Four years
    ago, in the 2016 election")."""
    for match in RE_YEAR.finditer(text):
        year = int(match.group(1))
        if pub_low.year - year <= n <= pub_high.year - year:
            return year
    return None


def _explicit_dates(ctx: _ArticleContext, claim: Claim, start: int, end: int) -> list[Anchor]:
    """Full dates the sentence itself gives ("two years ago today, on 30 September 2022")."""
    out = []
    for c in ctx.claims:
        m = c.mention
        if c.id == claim.id or m.kind != "date" or not (start <= m.start < end) or m.precision != "day":
            continue
        if ctx.published is not None and m.low == m.high == ctx.published[0] == ctx.published[1]:
            continue  # the publication date (a dateline): "today", not the event years ago
        if isinstance(m.low, dt.date) and isinstance(m.high, dt.date):
            out.append(
                Anchor(
                    f"the date the text gives, {reported(c)}", m.low, m.high, "article", c.id, None, m.start
                )
            )
    return out


def _years_ago_holds(
    n: Decimal, exact: bool, qualifier: str, a: Anchor, pub_low: dt.date, pub_high: dt.date
) -> tuple[bool, Decimal]:
    """Does "n years ago" from a publication in [pub_low, pub_high] fit anchor ``a``?"""
    if exact:
        target_low = _add(pub_low, -n, "year") - dt.timedelta(days=EXACT_ANNIVERSARY_DAYS)
        target_high = _add(pub_high, -n, "year") + dt.timedelta(days=EXACT_ANNIVERSARY_DAYS)
        ok = a.low <= target_high and a.high >= target_low
        if ok:
            return True, Decimal(0)
        gap = (target_low - a.high).days if a.high < target_low else (a.low - target_high).days
        return False, (Decimal(gap) / DAYS_PER["year"]).quantize(Decimal("0.01"))
    tolerance = Decimal(1) if qualifier in ("about", "vague") else Decimal(0)
    calendar = Decimal(pub_low.year - a.low.year)
    elapsed = Decimal((pub_low - a.high).days) / DAYS_PER["year"]
    if abs(calendar - n) <= tolerance or abs(elapsed - n) <= Decimal("0.5") + tolerance:
        return True, Decimal(0)
    return False, calendar - n


def _gap_candidates(ctx: _ArticleContext, claim: Claim, ref: ReferenceData) -> list[tuple[Anchor, Anchor]]:
    """Pairs of dated things that "a month before the election" / "three days earlier" may relate.

    For "N days earlier/later" the first is the last date the text gave before the phrase
    and the second anything dated the sentence names; for "N before/after X" the first is
    the sentence's (or the previous sentence's) subject and the second what follows.
    """
    m = claim.mention
    if not ctx.sentences.sentences:
        return []
    si = ctx.sentences.index_of(m.start)
    sentence = ctx.sentences.sentences[si]
    text = ctx.article.text
    near = ctx.published[0] if ctx.published else None
    sentence_text = text[sentence.start : sentence.end]
    prev = ctx.sentences.sentences[si - 1] if si > 0 else None
    prev_text = text[prev.start : prev.end] if prev else ""
    context_names = _sentence_names(ref, prev_text + " " + sentence_text)

    def anchors_in(fragment: str, position: int) -> list[Anchor]:
        names = _sentence_names(ref, fragment) or context_names
        death = _death_anchor(ref, fragment, names, position)
        found = [death] if death else []
        found += _election_anchors(ref, fragment, names, near, position)
        found += _event_anchors(ref, fragment, names, position)
        return found

    subjects: list[Anchor] = []
    others: list[Anchor] = []
    if m.offset is not None and m.offset.anchor == "previous" and m.kind == "relative_date":
        dated = [
            c
            for c in ctx.claims
            if c.mention.kind in ("date", "relative_date")
            and c.mention.end <= m.start
            and isinstance(c.mention.low, dt.date)
            and isinstance(c.mention.high, dt.date)
            and c.id != claim.id
        ]
        if dated:
            c = dated[-1]
            assert isinstance(c.mention.low, dt.date) and isinstance(c.mention.high, dt.date)
            subjects = [
                Anchor(reported(c), c.mention.low, c.mention.high, "article", c.id, None, c.mention.start)
            ]
        others = anchors_in(sentence_text, sentence.start)
    elif RE_SINCE.match(text[m.end : m.end + 8]) and ctx.published is not None:
        # "ten years since Russia annexed Crimea": from that event to the publication date.
        others = anchors_in(text[m.end : sentence.end], m.end)
        low, high = ctx.published
        subjects = [Anchor("the publication date", low, high, "article", ctx.article.id, None, 0)]
    else:
        others = anchors_in(text[m.end : sentence.end], m.end)
        subjects = anchors_in(text[sentence.start : m.start], sentence.start)
        if not subjects and prev_text:
            subjects = anchors_in(prev_text, sentence.start - 1)
    pairs = []
    for a in subjects:
        for b in others:
            if (a.low, a.high) != (b.low, b.high):
                pairs.append((a, b))
    return pairs


def _gap_days(a: Anchor, b: Anchor) -> tuple[int, int]:
    """Fewest and most days between two (possibly multi-day) anchors."""
    fewest = max((b.low - a.high).days, (a.low - b.high).days, 0)
    most = max(abs((b.high - a.low).days), abs((a.high - b.low).days))
    return fewest, most


def _span_days(m: Mention) -> tuple[Decimal, Decimal] | None:
    if m.kind == "duration":
        lo, hi = _decimal(m.low), _decimal(m.high)
        if lo is None:
            return None
        if hi is None:  # "more than a week": open above
            hi = Decimal(10**6)
        per = DAYS_PER.get(m.unit, Decimal(1))
        lo, hi = lo * per, hi * per
        unit = m.unit
    elif m.offset is not None:
        per = DAYS_PER.get(m.offset.unit, Decimal(1))
        lo = hi = abs(m.offset.amount) * per
        unit = m.offset.unit
    else:
        return None
    if m.qualifier in ("about", "vague") or unit in ("month", "year"):
        slack = per / 2 if unit in ("month", "year") else Decimal(0)
        if m.qualifier in ("about", "vague"):
            slack = max(slack, per / 2, lo * Decimal("0.25"))
        lo, hi = lo - slack, hi + slack
    elif unit == "week":
        lo, hi = lo - 1, hi + 1
    if m.qualifier in ("more_than", "at_least"):
        hi = Decimal(10**6)
    if m.qualifier in ("less_than", "at_most"):
        lo = Decimal(0)
    return max(lo, Decimal(0)), hi


def _check_gap(ctx: _ArticleContext, claim: Claim, ref: ReferenceData) -> Finding | None:
    pairs = _gap_candidates(ctx, claim, ref)
    span = _span_days(claim.mention)
    if not pairs or span is None:
        return None
    lo, hi = span
    misses: list[tuple[Decimal, Anchor, Anchor, int, int]] = []
    for a, b in pairs:
        fewest, most = _gap_days(a, b)
        between = (
            f"{a.label} ({date_range_text(a.low, a.high)}) and {b.label} ({date_range_text(b.low, b.high)})"
        )
        gap_text = f"{fewest}" if fewest == most else f"{fewest}–{most}"
        if Decimal(most) >= lo and Decimal(fewest) <= hi:
            return _finding(
                (claim.id,),
                "consistent",
                f"{reported(claim)}: {gap_text} days lie between {between}.",
                anchor=b,
                key="gap",
            )
        diff = Decimal(fewest) - hi if Decimal(fewest) > hi else Decimal(most) - lo
        misses.append((diff, a, b, fewest, most))
    diff, a, b, fewest, most = min(misses, key=lambda t: abs(t[0]))
    between = f"{a.label} ({date_range_text(a.low, a.high)}) and {b.label} ({date_range_text(b.low, b.high)})"
    gap_text = f"{fewest}" if fewest == most else f"{fewest}–{most}"
    several = (
        len({(x[2].low, x[2].high) for x in misses}) > 1 or len({(x[1].low, x[1].high) for x in misses}) > 1
    )
    # "three days" against a gap of 534 days is a wrong pairing of events, not a slip.
    implausible = Decimal(fewest) > max(3 * hi, hi + 60) or Decimal(most) < min(lo / 3, lo - 60)
    if several or implausible:
        return _finding(
            (claim.id,),
            "ambiguous",
            f"{reported(claim)} fits none of the events the sentence may relate (nearest: {gap_text} days "
            f"between {between}).",
            anchor=b,
            key="gap",
            diff=diff,
            unit="day",
        )
    return _finding(
        (claim.id,),
        "discrepancy",
        f"{reported(claim)} does not fit: {gap_text} days lie between {between}.",
        anchor=b,
        key="gap",
        diff=diff,
        unit="day",
    )


def _check_age(ctx: _ArticleContext, claim: Claim, ref: ReferenceData) -> Finding | None:
    m = claim.mention
    if claim.entity is None:
        return None
    person = ref.people.get(claim.entity)
    if person is None or person.born is None:
        return _finding(
            (claim.id,),
            "unverifiable",
            f"{reported(claim)}: no birth date for {claim.entity} in the reference.",
        )
    sentence = ctx.sentences.at(m.start)
    sentence_low = ctx.low[sentence.start : sentence.end]
    anchor = Anchor(
        f"birth of {person.name}",
        person.born,
        person.born,
        "people",
        row_key(person.file, person.line),
        person.source_url,
        0,
    )
    if person.died is not None and (RE_DIED.search(sentence_low) or ctx.published is None):
        when = (person.died, person.died)
        at = f"at death on {person.died.isoformat()}"
    elif ctx.published is not None:
        when = ctx.published
        if person.died is not None and when[0] > person.died:
            when = (person.died, person.died)
        at = f"on {date_range_text(*when)}" + (" (inferred publication date)" if ctx.inferred else "")
    else:
        return _finding((claim.id,), "unverifiable", f"{reported(claim)}: the publication date is unknown.")
    ages = {_years_between(person.born, when[0]), _years_between(person.born, when[1])}
    lo, hi = _decimal(m.low), _decimal(m.high)
    if lo is None or hi is None:
        return None
    born = f"{person.name} was born on {person.born.isoformat()}"
    actual = "–".join(str(a) for a in sorted(ages))
    if any(lo <= a <= hi for a in ages):
        return _finding(
            (claim.id,), "consistent", f"{reported(claim)}: {born}, so {actual} {at}.", anchor=anchor
        )
    nearest = min(ages, key=lambda a: min(abs(a - lo), abs(a - hi)))
    diff = Decimal(nearest) - (lo if nearest < lo else hi)
    return _finding(
        (claim.id,),
        "discrepancy",
        f"{reported(claim)}: {born}, so {actual} {at}, not {fmt_number(lo)}.",
        anchor=anchor,
        diff=diff,
        unit="year",
    )


def _voting_days(e: Election) -> int:
    return (e.end - e.start).days + 1


def _check_election_dates(ctx: _ArticleContext, claim: Claim, ref: ReferenceData) -> Finding | None:
    """A duration of voting or a date range against the election's voting dates."""
    m = claim.mention
    if claim.election is None or claim.election not in ref.elections:
        return None
    e = ref.elections[claim.election]
    sentence = ctx.sentences.at(m.start)
    sentence_low = ctx.low[sentence.start : sentence.end]
    anchor = Anchor(e.name, e.start, e.end, "elections", row_key(e.file, e.line), e.source_url, 0)
    days = _voting_days(e)
    if RE_EARLY_VOTING.search(ctx.low, max(sentence.start, m.start - 50), min(sentence.end, m.end + 30)):
        return None  # "five days of early voting": a period the tables do not hold apart
    if m.kind == "duration":
        if not RE_VOTE.search(sentence_low) or m.unit not in ("day", "week"):
            return None
        after = ctx.low[m.end : m.end + 40]
        before = ctx.low[max(sentence.start, m.start - 40) : m.start]
        if not (RE_VOTE.search(after) or RE_VOTING_SPAN.search(before)):
            return None
        span = _span_days(m)
        if span is None:
            return None
        lo, hi = span
        if lo <= days <= hi:
            return _finding(
                (claim.id,),
                "consistent",
                f"{reported(claim)}: {e.name} ran {days} days ({date_range_text(e.start, e.end)}).",
                anchor=anchor,
                key="duration",
            )
        if "early voting" in e.note.lower() and lo <= 1 <= hi:
            return None  # the main election day alone; early voting is counted apart
        diff = Decimal(days) - (hi if days > hi else lo)
        return _finding(
            (claim.id,),
            "discrepancy",
            f"{reported(claim)}: {e.name} ran {days} days ({date_range_text(e.start, e.end)}), "
            f"not {fmt_number(lo)}.",
            anchor=anchor,
            key="duration",
            diff=diff,
            severity="major",
        )
    if m.kind == "date_range" and isinstance(m.low, dt.date) and isinstance(m.high, dt.date):
        if (m.low, m.high) == (e.start, e.end):
            return Finding(
                finding_id("reference", (claim.id,), "dates"),
                "reference",
                "consistent",
                (claim.id,),
                f"{reported(claim)}: {e.name} voting ran {date_range_text(e.start, e.end)}.",
                evidence=Evidence(
                    "elections",
                    row_key(e.file, e.line),
                    date_range_text(e.start, e.end),
                    e.source_url,
                    date=e.start,
                ),
            )
        if m.low.year == e.start.year and RE_VOTE.search(sentence_low):
            diff = Decimal(abs((m.low - e.start).days) + abs((m.high - e.end).days))
            return Finding(
                finding_id("reference", (claim.id,), "dates"),
                "reference",
                "discrepancy",
                (claim.id,),
                f"{reported(claim)}: {e.name} voting ran {date_range_text(e.start, e.end)}, "
                f"not {date_range_text(m.low, m.high)}.",
                severity="minor" if diff <= 1 else "major",
                difference=Difference(diff, "day"),
                evidence=Evidence(
                    "elections",
                    row_key(e.file, e.line),
                    date_range_text(e.start, e.end),
                    e.source_url,
                    date=e.start,
                ),
            )
    return None


# English weekday names from CLDR, Monday first (date.weekday() order).
_WEEKDAYS = tuple(name.lower() for _, name in sorted(get_day_names("wide", locale="en").items()))
RE_WEEKDAY_DATE = re.compile(
    r"\b(" + "|".join(_WEEKDAYS) + rf"),?\s*(?:{alternation('weekday_articles')}\s+)?$"
)


def _check_weekday(ctx: _ArticleContext, claim: Claim) -> Finding | None:
    """'on Friday, August 2': the date must fall on that weekday."""
    m = claim.mention
    if m.kind != "date" or m.precision != "day" or not isinstance(m.low, dt.date):
        return None
    before = ctx.low[max(0, m.start - 14) : m.start]
    match = RE_WEEKDAY_DATE.search(before)
    if match is None:
        return None
    said = _WEEKDAYS.index(match.group(1))
    actual = m.low.weekday()
    name = _WEEKDAYS[actual].capitalize()
    if said == actual:
        return _finding(
            (claim.id,), "consistent", f"{reported(claim)} is a {name}, as the text says.", key="weekday"
        )
    diff = Decimal(min((said - actual) % 7, (actual - said) % 7))
    return _finding(
        (claim.id,),
        "discrepancy",
        f"The text says {match.group(1).capitalize()}, but {m.low.isoformat()} "
        f"({reported(claim)}) was a {name}.",
        key="weekday",
        diff=diff,
        severity="minor",
    )


def _check_year(ctx: _ArticleContext, claim: Claim, ref: ReferenceData) -> Finding | None:
    """A bare year: consistent when the sentence's event happened that year, never a discrepancy."""
    m = claim.mention
    if not isinstance(m.low, dt.date):
        return None
    year = m.low.year
    if ctx.published is not None and year > ctx.published[1].year:
        return _finding((claim.id,), "unverifiable", f"{reported(claim)} is in the future of the article.")
    sentence = ctx.sentences.at(m.start)
    # The words right around a year say what it dates ("under Russia's 1993 constitution");
    # the whole sentence is the fallback.
    near = ctx.article.text[
        max(sentence.start, m.start - YEAR_WINDOW) : min(sentence.end, m.end + YEAR_WINDOW)
    ]
    whole = ctx.article.text[sentence.start : sentence.end]
    anchors = [
        a
        for fragment in (near, whole)
        for a in _event_anchors(ref, fragment, _sentence_names(ref, fragment), sentence.start)
    ]
    for a in anchors:
        if a.low.year == year:
            return _finding(
                (claim.id,), "consistent", f"{reported(claim)}: {a.label} ({a.low.isoformat()}).", anchor=a
            )
    return _finding((claim.id,), "unverifiable", f"{reported(claim)}: no reference event to date it against.")


def _check_relative_event(ctx: _ArticleContext, claim: Claim, ref: ReferenceData) -> Finding | None:
    """'began last week', 'processed all ballots by late Tuesday' against the election dates."""
    m = claim.mention
    if claim.election is None or not isinstance(m.low, dt.date) or not isinstance(m.high, dt.date):
        return None
    e = ref.elections.get(claim.election)
    if e is None:
        return None
    sentence = ctx.sentences.at(m.start)
    sentence_low = ctx.low[sentence.start : sentence.end]
    low, high = e.start, e.end
    if RE_START_VERB.search(sentence_low):
        high = e.start
    elif RE_END_VERB.search(sentence_low):
        low = e.end
    else:
        return None
    anchor = Anchor(e.name, low, high, "elections", row_key(e.file, e.line), e.source_url, 0)
    if m.low <= high and m.high >= low:
        return _finding(
            (claim.id,),
            "consistent",
            f"{reported(claim)} ({date_range_text(m.low, m.high)}) fits {e.name} "
            f"({date_range_text(low, high)}).",
            anchor=anchor,
            key="event",
        )
    return _finding(
        (claim.id,),
        "ambiguous",
        f"{reported(claim)} resolves to {date_range_text(m.low, m.high)}, but {e.name} was "
        f"{date_range_text(low, high)}; check what the phrase refers to.",
        anchor=anchor,
        key="event",
    )


def check_temporal(
    articles: Sequence[Article], claims: Sequence[Claim], ref: ReferenceData
) -> tuple[list[Finding], dict[str, tuple[dt.date, dt.date, str]]]:
    """Temporal findings, and the publication windows inferred for undated articles."""
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article, []).append(c)
    findings: list[Finding] = []
    inferred: dict[str, tuple[dt.date, dt.date, str]] = {}
    for article in articles:
        mine = by_article.get(article.id, [])
        window: tuple[dt.date, dt.date] | None = (
            (article.published, article.published) if article.published else None
        )
        source_claim: Claim | None = None
        if window is None:
            guess = infer_publication(article, mine, ref)
            if guess is not None:
                window, how, source_claim = guess
                inferred[article.id] = (window[0], window[1], how)
                findings.append(
                    _finding(
                        (source_claim.id,),
                        "consistent",
                        f"No publication date given; {how}, so the article dates from about "
                        f"{date_range_text(*window)}. That window is used for its other checks.",
                        key="inferred",
                        extra=(("inferred_published", date_range_text(*window)),),
                    )
                )
        ctx = _ArticleContext(
            article, mine, sentences_of(article.text), article.text.lower(), window, source_claim is not None
        )
        for claim in mine:
            if claim is source_claim:
                continue
            f = _check_one(ctx, claim, ref)
            if f is not None:
                findings.append(f)
    return findings, inferred


RE_GAP_AFTER = re.compile(rf"\s{{0,3}}{alternation('gap_words')}\b")


def _check_one(ctx: _ArticleContext, claim: Claim, ref: ReferenceData) -> Finding | None:
    m = claim.mention
    if m.kind == "age":
        return _check_age(ctx, claim, ref)
    if m.kind == "year":
        return _check_year(ctx, claim, ref)
    if m.kind == "date":
        return _check_weekday(ctx, claim)
    if m.kind == "date_range":
        return _check_election_dates(ctx, claim, ref)
    if m.kind == "duration":
        if RE_GAP_AFTER.match(ctx.low, m.end):
            # "six weeks after an August 9 election": a gap between events, never the
            # length of the vote, whatever the sentence says about voting
            return _check_gap(ctx, claim, ref)
        return _check_election_dates(ctx, claim, ref)
    if m.kind == "relative_date" and m.offset is not None:
        off = m.offset
        if off.anchor == "previous":
            return _check_gap(ctx, claim, ref)
        if off.unit in ("year", "month") and off.amount < 0:
            return _check_years_ago(ctx, claim, ref) if off.unit == "year" else None
        return _check_relative_event(ctx, claim, ref)
    return None
