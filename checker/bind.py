"""Mention + gazetteer -> Claim: what each figure is about.

A claim names the ``election`` (an id of reference_data/elections.csv), the ``entity``
the text ties the figure to (a region, candidate, party or person, canonical), the
``measure`` (vote_share, turnout, votes, registered, age, elapsed, date, count, other), the
``scope`` (final, partial, preliminary, exit_poll, sub_population, claimed_by, unknown) and
the reference keys ``region``/``option``.

Binding is conservative: a figure whose subject is not clear stays unbound (measure
"other", no election) and is reported, never guessed. The rules, in order:

1. Elections are ranked per article: names and regions/candidates in the text that have
   results in an election, its kind ("presidential", "referendum") and name, years in the
   text, and recency relative to the publication date (an election after the publication
   date is never a candidate). Without a publication date an election is picked only when
   the text pins it down (a year, or "the last ... election"), else the claim is ambiguous.
2. Scope comes from cue words in the figure's clause ("exit poll", "preliminary", "early
   count", "with 50% of ballots counted", "polling stations in Russia", "the opposition
   says") and from the calendar: an article published before the final result was
   announced reports preliminary figures.
3. Entities: "X and Y ... A% and B%, respectively" binds in order; "A% in X" binds forward;
   otherwise the nearest name before the figure in the same clause; for a region, a name
   from the previous sentences of the paragraph (or the title) is carried when the text
   gives none ("similar results were registered ...").
4. Measures come from cue words around the figure ("turnout", "took part", "backed",
   "received ... of the vote", "votes", "registered").
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from checker.extract.dates import _trie
from checker.model import REGION_COUNT_NOTE, UNNAMED_VOTE_NOTE, Article, Claim, Measure, Mention, Scope
from checker.reference import Election, ReferenceData
from checker.sentences import Sentence, SentenceIndex, clause_bounds, compile_cues, quote, sentences_of

# --- cue words (lower-case, matched on lower-cased text) ---------------------------------

RE_TURNOUT = compile_cues(
    r"""
    turn[\s-]?out                       # English
    | took\s+part | taking\s+part | participat   # "85.7% took part", "participation"
    | явк                               # Russian/Ukrainian "явка"
    | wahlbeteiligung | beteiligung     # German
    | participaci[oó]n | affluenza | partecipazione  # Spanish, Italian
    | frekwencj | részvétel | comparecimento       # Polish, Hungarian, Portuguese
    """,
    re.VERBOSE,
)

# A result figure sits in a sentence about voting; "support for Putin is 60%" or
# "inflation fell to 4%, Putin said" is not one.
RE_VOTE_CONTEXT = compile_cues(
    r"""
    vot | ballot | elect | referend | plebisc | \bpolls?\b | turn[\s-]?out | took\s+part
    | \bwon\b | \bwin | receiv | credited | backed | in\s+favou?r | \byes\b | result | count
    | tally | candidat | runner[\s-]up | came\s+(?:first|second|third|last|a\s+\w+\s+\w+)
    | followed\s+by | commission | \bcec\b | цик | выбор | голос | явк | референдум | набрал | получил
    | wahl | stimm | élection | scrutin | elecci | votaci | elezion | wybor | głos | választ | szavaz
    | вибор | голосув | participation | participaci | affluenza | partecipazione | frekwencj | részvétel
    | comparecimento | кандидат | kandydat | candidato | kandidat | voix\b | voti\b | votos\b | voks
    """,
    re.VERBOSE,
)

# Turnout as the subject of the figure's sentence, however long the phrase in between.
RE_TURNOUT_SUBJECT = compile_cues(
    r"(?:turn[\s-]?out|явка|wahlbeteiligung|participation)\b[^.;%\d]{0,120}?"
    r"\b(?:was|is|of|at|reached|stood\s+at|hit|rose\s+to|fell\s+to|climbed\s+to|составила|lag\s+bei|betrug)\s+"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+|just\s+(?:over|under)\s+|some\s+)?$"
)

RE_SHARE = compile_cues(
    r"""
    \bvot(?:e|es|ed|ing)\b | \bballots?\b | backed | back(?:ing)?\b | support | favou?r
    | receiv | \bwon\b | \bwin(?:s|ning)?\b | \bgot\b | credited | \bshare\b | \byes\b
    | approv | \bleave\b | \bremain\b | \bcarried\b | \bjoin
    | \bchose\b | \bshared\b | \bgarnered\b | \bsecured\b | \btook\b(?!\s+part) | \bpolled\b
    | \bobtained\b | \bcaptured\b
    | stimmten | stimmen | für\s+den | голос | проголосова | за\s | pour\b | a\s+favor | votaron
    """,
    re.VERBOSE,
)

RE_AGAINST = compile_cues(r"\bagainst\b(?!\s+all)|\bvoted\s+no\b|\bno\s+vote|\bopposed\b|против|dagegen")

RE_VOTES_AFTER = compile_cues(
    r"""
    ^[\s,]*(?:[a-z]+\s+){0,2}?(?<!electoral\s)(?<!college\s)(?<!delegate\s)(?<!confidence\s)
    (?:votes|ballots)\b   # "76,277,708 ballots", "500,000 postal votes"; not "306 electoral votes"
    | ^[\s,]*(?:de\s+|d'|di\s+|dos\s+|das\s+)?(?:wählerstimmen|stimmen|voix|votos|voti|głos(?:ów|y)
      |szavazat\w*|voks\w*|голос(?:ов|а)?|голосів|бюллетен\w*)(?!\w)   # "2,1 millions de voix"
      (?!\s+(?:eleitora|electoral|électora|elettoral|elektor|wyborc|выборщик))   # not "306 votos eleitorais"
    | ^\s*(?:people|voters|residents|citizens)\b[^.;]{0,50}?
      \b(?:vot(?:ed|ing)|backed|supported|cast)\b                  # "people ... were recorded as voting yes"
    """,
    re.VERBOSE,
)

RE_REGISTERED = compile_cues(
    r"registered|eligible|electorate|on\s+the\s+(?:voter\s+)?rolls|entitled\s+to\s+vote"
)
# Before a count, the cue must lead up to it: "registered voters numbered 6.8 million",
# "an electorate of 46.5 million"; not "65% of registered voters – while 684,946 ...".
RE_REGISTERED_BEFORE = compile_cues(
    r"(?:registered|eligible|electorate|rolls|entitled\s+to\s+vote)(?:\s+voters)?"
    r"\s*(?:[:,]|of|was|were|stood\s+at|numbered|totall?ed|reached|came\s+to)?\s*(?:some\s+|about\s+|nearly\s+)?$"
)

# A share of ballots counted is a progress figure, not a result.
RE_PROGRESS_AFTER = compile_cues(
    r"""
    ^\s*of\s+(?:the\s+|all\s+)?             # "of the ..."
    (?:protocols?|tally[\s-]sheets?|precincts?|polling\s+stations?|returns|bulletins?
       |(?:electoral\s+)?districts?)\b       # units of counting are never a result
    | ^\s*of\s+(?:the\s+|all\s+)?(?:ballots?|votes?|the\s+vote)\s+
      (?:had\s+been\s+|have\s+been\s+|were\s+|was\s+|being\s+)?
      (?:counted|processed|tallied|reporting|in(?=\s*[,.;)]|\s+and\b))   # "of ballots counted"
    | ^\s*(?:counted|processed|reporting)\b   # "with 50% counted"
    | ^\s*(?:de\s+(?:las|los)\s+)?(?:actas|mesas)\b                   # es: "80% de las actas"
    | ^\s*de\s+(?:los\s+votos|las\s+papeletas)\s+(?:escrutad|contabilizad|procesad)
    | ^\s*(?:escrutad|contabilizad|apurad|ausgezählt|dépouillé|обработан)
    | ^\s*(?:das|dos)\s+(?:urnas|seções|votos)\s+apurad              # pt
    | ^\s*der\s+(?:stimmen|wahlbezirke|wahllokale)\s+ausgezählt       # de
    | ^\s*(?:des\s+)?(?:bulletins\s+dépouillés|bureaux\s+de\s+vote)  # fr
    | ^\s*(?:протокол|бюллетен|избирательных\s+участк)                 # ru: "99% протоколов"
    """,
    re.VERBOSE,
)

RE_EXIT_POLL = compile_cues(
    r"exit[\s-]?polls?|экзит|nachwahlbefragung|sondage\s+(?:de\s+)?sortie|boca\s+de\s+urna"
)
RE_PRELIMINARY = compile_cues(
    r"""
    preliminar | provisional | early\s+(?:count|results?|returns|tall(?:y|ies)|figures)
    | initial\s+(?:count|results?|figures) | first\s+(?:results?|bulletin|count)
    | partial\s+(?:count|results?) | so\s+far | by\s+the\s+time | as\s+of\b | had\s+reached
    | early\s+voting | by\s+(?:\w+\s+)?(?:evening|morning|afternoon|noon|midday) | by\s+\d{1,2}[:.]\d\d
    | (?:almost|nearly|virtually|most)\s+(?:all\s+)?(?:of\s+the\s+)?(?:ballots|votes|precincts
      |polling\s+stations|protocols)\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:counted|processed|tallied)
    | (?:still|yet\s+to\s+be)\s+(?:being\s+)?counted | nach\s+auszählung\s+(?:fast|nahezu)
    | vorläufig | предварительн | préliminaire | preliminares
    """,
    re.VERBOSE,
)
RE_SUB_POPULATION = compile_cues(
    r"""
    abroad | diaspora | overseas | polling\s+stations?\s+(?:in|outside) | cast\s+(?:in|outside)
    | outside\s+(?:the\s+)?(?:country|republic|region) | in\s+russia\s+itself | among\s+\w+\s+voters
    """,
    re.VERBOSE,
)
RE_CLAIMED_BY = compile_cues(
    r"""
    opposition(?!\s+(?:candidate|leader|figure|politician|party|parties|lawmaker|deputy|mp|rival
                    |challenger|nominee|contender|activist|member|supporters?)s?\b)  # not a title
    | independent\s+(?:count|tally|monitors?|observers?|estimate)
    | its\s+own\s+(?:witnesses|count|tally) | parallel\s+(?:vote\s+)?(?:count|tabulation)
    | according\s+to\s+(?:the\s+)?(?:campaign|observers)
    """,
    re.VERBOSE,
)
# An opinion poll or survey is not a result of any election.
RE_OPINION_POLL = compile_cues(
    r"opinion\s+polls?|\bsurveys?\b|approval\s+rating|polls?\s+(?:show|suggest|gave|give|found)"
    r"|according\s+to\s+(?:a|the|one)\s+(?:new\s+)?poll|umfrage|sondage\b(?!\s+(?:de\s+)?sortie)|опрос"
)
RE_RESPECTIVELY = compile_cues(
    r"respectively|beziehungsweise|bzw\.|соответственно|відповідно|respectivement|respectivamente"
    r"|rispettivamente|odpowiednio|illetve"
)
RE_LAST_ELECTION = compile_cues(r"\b(?:last|latest|most\s+recent|recent|previous)\b")
RE_FORWARD_LINK = compile_cues(
    r"""
    ^[^,;.\d%]{0,25}?\b(?:in|for|among)\s+(?:the\s+)?$     # "99.2% in Donetsk", "51% for Yes"
    | ^[^,;.\d%]{0,25}?\b(?:in|across)\s+(?:the\s+)?     # "95% in the occupied Donetsk region"
      (?:occupied|annexed|breakaway|self-proclaimed|separatist|southern|northern|eastern|western|central)
      \s+(?:[a-z][\w'’-]*\s+)?$
    | ^[^,;.\d%]{0,25}?(?:^|\s)(?:в|во|у|na|no|em|en|im|dans)\s+$   # "94,15% у ЛНР", "50% na Pensilvânia"
    | ^\s+(?:für|pour|for|por|per|za|за)\s+[^,;.\d%()]{1,30}?[\s(„“"«]{1,4}$  # "für den Verbleib („Remain“)"
    | ^[^,;.\d%]{0,25}?\bfor\s+(?:the\s+)?                  # "44.2% for opposition candidate
      (?:(?!(?:against|over|versus|vs|than|and|or|but|with)\b)[a-z][\w'’-]*\s+){1,3}$  # Edmundo González"
    | ^\s*voted\s+$
    | ^\s*(?:de|del|di|für|pour|per|за)\s+$                # "44,2% de Edmundo González", "für", "pour"
    """,
    re.VERBOSE,
)

KIND_CUES: dict[str, re.Pattern[str]] = {
    "presidential": compile_cues(r"presiden|президент|präsident|présiden"),
    "parliamentary": compile_cues(r"parliament|duma|seats|legislat|парламент|дум"),
    "referendum": compile_cues(r"referend|plebiscit|референдум|vote\s+to\s+(?:join|leave)"),
}

_YES_WORDS = compile_cues(
    r"\byes\b|backed|support|favou?r|join|approv|für|за\b|pour\b|a\s+favor|\bvoted\s+for\b"
)

PLACE_TYPES = frozenset({"place"})
RE_LATEST_VOTE = compile_cues(r"\b(?:last|latest|most\s+recent)\b[^.;]{0,40}?\b(?:election|vote|referendum)")
# How long after a vote an article naming its people or places is taken to be about it.
RECENT_DAYS = 400
OPTION_TYPES = frozenset({"person", "party", "option"})


def claim_id(m: Mention) -> str:
    """A stable id: the same mention of the same article always gets the same id."""
    digest = hashlib.sha1(f"{m.article}\0{m.start}\0{m.end}\0{m.kind}".encode()).hexdigest()
    return "C" + digest[:10]


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    canonical: str
    type: str


@dataclass(slots=True)
class _Context:
    article: Article
    ref: ReferenceData
    low: str  # lower-cased text
    sentences: SentenceIndex
    hits: list[_Hit]
    ranked: list[Election]
    years: set[int]
    progress: list[Mention]
    progress_ids: set[int] = field(default_factory=set)  # id() of the progress figures
    hit_starts: list[int] = field(default_factory=list)
    numeric_index: dict[int, int] = field(default_factory=dict)  # id(mention) -> position
    entities: dict[str, frozenset[str]] = field(default_factory=dict)  # see _entity_tables
    election_counts: dict[str, int] = field(default_factory=dict)
    quotes: dict[tuple[int, int], str] = field(default_factory=dict)  # sentence span -> quote
    # Sentences and clauses are asked about once per figure in them: answers are kept.
    found: dict[tuple[re.Pattern[str], int, int], bool] = field(default_factory=dict)
    clauses: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    sentence_elections: dict[int, Election | None] = field(default_factory=dict)  # by start
    respectively: dict[int, re.Match[str] | None] = field(default_factory=dict)  # by start
    election_ranks: dict[str, int | None] = field(default_factory=dict)  # see _election_rank
    implied: list[Election] = field(default_factory=list)  # ranked ones the article is about (see _implied)
    # "Six years ago" resolved against the publication date: (start, its possible years)
    relative_years: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)


def _found(ctx: _Context, pattern: re.Pattern[str], start: int, end: int) -> bool:
    """Whether ``pattern`` occurs in the lower-cased ``text[start:end]`` (remembered)."""
    key = (pattern, start, end)
    hit = ctx.found.get(key)
    if hit is None:
        hit = ctx.found[key] = pattern.search(ctx.low[start:end]) is not None
    return hit


def _clause(ctx: _Context, sentence: Sentence, offset: int) -> tuple[int, int]:
    """``clause_bounds`` of the figure at ``offset`` (remembered: several rules ask)."""
    key = (sentence.start, offset)
    span = ctx.clauses.get(key)
    if span is None:
        span = ctx.clauses[key] = clause_bounds(ctx.article.text, sentence, offset)
    return span


def election_kind_family(kind: str) -> str:
    if "referendum" in kind or kind == "referendum":
        return "referendum"
    if kind.startswith("parliament"):
        return "parliamentary"
    return kind


def _entity_tables(ref: ReferenceData) -> tuple[dict[str, frozenset[str]], dict[str, int]]:
    """Per election its regions and options, and per name how many elections it is in.

    Computed once per reference object instead of once per figure.
    """
    return ref.derived("bind.entities", _build_entity_tables)


def _build_entity_tables(ref: ReferenceData) -> tuple[dict[str, frozenset[str]], dict[str, int]]:
    entities: dict[str, frozenset[str]] = {}
    counts: dict[str, int] = {}
    for election in ref.elections:
        names: set[str] = set()
        for row in ref.results_for(election):
            names.add(row.region)
            if row.option:
                names.add(row.option)
        entities[election] = frozenset(names)
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    return entities, counts


def election_entities(ref: ReferenceData, election: str) -> frozenset[str]:
    """Regions and options with results in ``election``."""
    return _entity_tables(ref)[0].get(election, _NO_NAMES)


def _entities(ctx: _Context, election: str) -> frozenset[str]:
    """``election_entities`` from the tables the context holds (asked several times per figure)."""
    return ctx.entities.get(election, _NO_NAMES)


_NO_NAMES: frozenset[str] = frozenset()


def rank_elections(
    article: Article, hits: Sequence[_Hit], ref: ReferenceData, years: set[int]
) -> list[Election]:
    """Elections this article may be about, best first (see the module docstring)."""
    low = article.text.lower()
    names = {h.canonical for h in hits}
    scored: list[tuple[int, int, str, Election]] = []
    cued: dict[str, bool] = {}  # kind family -> its cue occurs in the text (asked per election)
    names_of = ref.derived("bind.election_names", _election_names)
    for election in ref.elections.values():
        if article.published is not None and election.start > article.published:
            continue  # an election after the article cannot be what it reports
        entities = election_entities(ref, election.id)
        score = 2 * len(names & entities) + (5 if election.id in names else 0)
        if not names & entities and election.id not in names:
            continue
        family = election_kind_family(election.kind)
        cue = KIND_CUES.get(family)
        if cue is not None and family not in cued:
            cued[family] = cue.search(low) is not None
        if cued.get(family):
            score += 2
        if any(n in low for n in names_of[election.id]):
            score += 3
        if election.end.year in years or election.start.year in years:
            score += 1
        if article.published is not None and _in_progress(election, article.published):
            score += 3  # an article written while the vote is on or being counted
        if article.published is not None:
            age_days = (article.published - election.end).days
        else:
            age_days = (dt.date.max - election.end).days
        scored.append((-score, age_days, election.id, election))
    scored.sort(key=lambda t: t[:3])
    return [t[3] for t in scored]


def _implied(ctx: _Context) -> list[Election]:
    """The ranked elections a sentence that names nobody may be about.

    Usually all of them. When the article is mostly about a country none of the reference
    elections was held in (a story on Brazil's election that quotes "US President Joe
    Biden" once), only those it names outright or dates by their year: its turnout figure
    must not be checked against the US election.
    """
    if not ctx.ranked or not _foreign_subject(ctx):
        return ctx.ranked
    names_of = ctx.ref.derived("bind.election_names", _election_names)
    return [
        e
        for e in ctx.ranked
        if any(n in ctx.low for n in names_of[e.id]) or e.end.year in ctx.years or e.start.year in ctx.years
    ]


def _foreign_subject(ctx: _Context) -> bool:
    """Whether one country without reference elections is named more often (at least twice)
    than all the countries that have them together."""
    home = ctx.ref.derived("bind.election_countries", lambda ref: {e.country for e in ref.elections.values()})
    foreign: dict[str, int] = {}
    domestic = sum(1 for h in ctx.hits if h.canonical in home)
    for m in country_names(ctx.article.language or "en").finditer(ctx.article.text):
        name = m.group()
        if name in home:
            continue
        foreign[name] = foreign.get(name, 0) + 1
    top = max(foreign.values(), default=0)
    return top >= 2 and top > domestic


_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})  # unions and pseudo-regions


@lru_cache(maxsize=16)
def country_names(language: str) -> re.Pattern[str]:
    """Country names from CLDR (English and ``language``), capitalised, at a word start;
    a name is also found inside its adjective or genitive ("Brazil's", "Brazilian")."""
    names: set[str] = set()
    for code in {"en", language}:
        try:
            names |= {
                n
                for key, n in Locale.parse(code).territories.items()
                if key.isalpha() and key not in _NOT_COUNTRIES and len(n) >= 4 and n[0].isupper()
            }
        except (ValueError, UnknownLocaleError):
            continue
    return re.compile(rf"(?<!\w){_trie(names)}")  # a trie: one pass, no backtracking over 300 names


def _election_names(ref: ReferenceData) -> dict[str, tuple[str, ...]]:
    """Per election its names longer than five letters, lower-cased (looked for in the text)."""
    return {e.id: tuple(n.lower() for n in (e.name, *e.names) if len(n) > 5) for e in ref.elections.values()}


def _in_progress(election: Election, published: dt.date) -> bool:
    """Published between the first voting day and a fortnight after the final result."""
    final = election.result_date or election.end
    return election.start <= published <= final + dt.timedelta(days=14)


def _national_region(ref: ReferenceData, election: Election) -> str | None:
    """The region whose rows are the whole contest's, if one is (remembered per election)."""
    known: dict[str, str | None] = ref.derived("bind.national_region", lambda _: {})
    if election.id not in known:
        known[election.id] = _find_national_region(ref, election)
    return known[election.id]


def _find_national_region(ref: ReferenceData, election: Election) -> str | None:
    regions = {row.region for row in ref.results_for(election.id)}
    if len(regions) == 1:
        return next(iter(regions))
    canonical = ref.gazetteer.canonical(election.country)
    if canonical in regions:
        return canonical
    for region in regions:
        if region.lower() == election.country.lower():
            return region
    return None


def _scope(ctx: _Context, m: Mention, sentence: Sentence, election: Election | None) -> tuple[Scope, str]:
    a, b = _clause(ctx, sentence, m.start)
    if _found(ctx, RE_EXIT_POLL, a, b):
        return "exit_poll", "exit poll"
    if _found(ctx, RE_CLAIMED_BY, sentence.start, sentence.end):
        return "claimed_by", "claimed by the opposition or an independent count"
    if _has_progress_figure(ctx, sentence) or _found(ctx, RE_PRELIMINARY, sentence.start, sentence.end):
        return "partial", "partial or early count"
    if _found(ctx, RE_SUB_POPULATION, a, b):
        return "sub_population", "a sub-population (votes abroad, one territory)"
    place = _unknown_place(ctx, sentence, m)
    if place is not None:
        return "sub_population", f"about “{place}”, a place the reference tables do not cover"
    published = ctx.article.published
    if election is not None and published is not None:
        final_date = election.result_date or election.end
        if published < final_date:
            return "preliminary", f"published {published} before the final result ({final_date})"
    return "final", ""


# A place named before a figure that the gazetteer does not know: "In Wales, Leave won
# 52.5%", "while across Scotland 62% backed Remain", "London voted 59.9% to 40.1%". Such a
# figure is about a part of the contest our tables do not hold; checked against the
# national result it would be a false discrepancy. Words are matched as letters here and
# kept only when capitalised (``\w`` has no case classes).
_PLACE_NOUNS = (  # lower-case words between a preposition and a place's name
    r"(?:(?:capital|city|town|state|province|region|county|district|oblast|occupied|annexed|breakaway"
    r"|southern|northern|eastern|western|central|hauptstadt|stadt|bundesland|capitale|ville|région"
    r"|estado|ciudad|cidade|província|provincia|regione|città|województwie|mieście|области|городе"
    r"|столице|области|місті|столиці)(?:\s+(?:of|de|do|da|del|di))?\s+)"
)
RE_PLACE_BEFORE = re.compile(
    rf"""
    \b(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Ee]n|[Dd]ans|[Aa]ux?|[Ii]m|[Nn]ell[ao]|[Ww]e?|[Вв]о?|[Уу]
       |[Nn][ao]s?|[Ee]m)
    \s+(?:(?:the|el|la|los|las|le|les|der|die|dem|den|il|lo|o|a|os|as)\s+)?  # in (the), en (el)...
    {_PLACE_NOUNS}{{0,3}}                                  # "in the capital", "En el estado de"
    (?P<place>[^\W\d_][\w'’.-]{{0,40}})                    # then a word: the name's first
    """,
    re.VERBOSE,
)
# Matched at the start of the sentence: its first words, then a verb of voting.
RE_PLACE_SUBJECT = re.compile(
    r"""
    [\W\d]{0,3}(?P<place>[^\W\d_][\w'’.-]{0,40})                  # the sentence's first word
    (?:\s+[^\W\d_][\w'’.-]{0,40}){0,2}?                            # maybe two more
    \s+(?P<verb>voted|backed|chose|opted|went|rejected|supported
       |stimmten?|wählten?|a\s+voté|ont\s+voté|votó|votaron|votou|votaram|ha\s+votato|hanno\s+votato
       |głosował\w*|szavazott|проголосовал\w*|проголосува\w*|поддержал\w*|підтрима\w*)\b
    """,
    re.VERBOSE,
)
RE_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]{0,40}")
RE_NAME_GAP = re.compile(r"\s+[^\W\d_]")  # white space, then the next word
_NOT_PLACES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday voters people residents citizens
    most many some all turnout support he she they it we i you everyone nobody both others
    total fact addition particular contrast comparison short general theory practice
    this that these those its his her their our my one each
    beim bei im am laut nach die der das den dem des ein eine einer mit auch und aber zum zur
    les la le los las el il lo gli os as del dei della une un ce cette""".split()
)


def _hit_over(ctx: _Context, start: int, end: int) -> bool:
    """Whether a known name overlaps [start, end) (hits are sorted and do not overlap)."""
    i = bisect.bisect_left(ctx.hit_starts, end) - 1
    return i >= 0 and ctx.hits[i].end > start


def _unknown_place(ctx: _Context, sentence: Sentence, m: Mention) -> str | None:
    """The capitalised place name the sentence puts the figure in, when no table knows it."""
    text = ctx.article.text
    start = -1
    for match in RE_PLACE_BEFORE.finditer(text, sentence.start, m.start):
        start = max(start, match.start("place"))
    subject = RE_PLACE_SUBJECT.match(text, sentence.start, m.start)
    if subject is not None and all(
        w[0].isupper() for w in text[subject.start("place") : subject.start("verb")].split()
    ):
        start = max(start, subject.start("place"))  # "Northern Ireland backed", not "Days later it went"
    if start < 0 or not text[start].isupper():
        return None
    words: list[str] = []
    for w in RE_NAME_WORD.finditer(text, start, m.start):
        if not w.group()[0].isupper() or _hit_over(ctx, w.start(), w.end()):
            break  # the name ends before a known name ("in Wales Leave won")
        words.append(w.group())
        if not RE_NAME_GAP.match(text, w.end()):
            break  # at most four words, joined by white space only
        if len(words) == 4:
            break
    if not words or words[0].lower().rstrip(".") in _NOT_PLACES or words[0].isupper():
        return None  # a month, a pronoun, an all-caps dateline or acronym, a known name
    return " ".join(words).rstrip(".,")


def _place_before(ctx: _Context, m: Mention, sentence: Sentence, election: Election) -> str | None:
    """A place named earlier in the figure's clause, for a candidate's share: in "In the
    occupied Donetsk region, officials said Putin won more than 95%" the share is Donetsk's.
    The country itself, named in passing, is not such a place."""
    a, _b = _clause(ctx, sentence, m.start)
    national = _national_region(ctx.ref, election)
    for h in reversed(_hits_in(ctx, a, m.start, PLACE_TYPES)):
        if h.canonical != national and h.canonical.lower() != election.country.lower():
            return h.canonical
    return None


def _place_after(
    ctx: _Context, m: Mention, sentence: Sentence, election: Election, next_start: int
) -> str | None:
    """A place right after a candidate's share: "Putin won 95.23% in the occupied Donetsk
    region" is Donetsk's share, not Russia's."""
    hit = _forward_entity(ctx, m, sentence, next_start, PLACE_TYPES)
    if hit is None or hit.canonical == _national_region(ctx.ref, election):
        return None
    return hit.canonical if hit.canonical.lower() != election.country.lower() else None


def _has_progress_figure(ctx: _Context, sentence: Sentence) -> bool:
    return any(sentence.start <= m.start < sentence.end for m in ctx.progress)


def _is_progress(ctx: _Context, m: Mention) -> bool:
    if m.kind != "percent":
        return False
    after = ctx.low[m.end : m.end + 80]
    return bool(RE_PROGRESS_AFTER.search(after)) and not (isinstance(m.low, Decimal) and m.low >= 100)


def _hits_in(ctx: _Context, start: int, end: int, types: frozenset[str] | None = None) -> list[_Hit]:
    """Names inside [start, end), in text order (hits are sorted: a bisect, not a scan)."""
    i = bisect.bisect_left(ctx.hit_starts, start)
    out = []
    while i < len(ctx.hits) and ctx.hits[i].start < end:
        h = ctx.hits[i]
        if h.end <= end and (types is None or h.type in types):
            out.append(h)
        i += 1
    return out


# A year that dates the figure's vote: not one that dates something else ("born in 1952",
# "until 2030", "by 2030"). "since 1994" stays: "ruled since 1994, when he won 80.6%".
RE_PINNING_YEAR = re.compile(
    r"(?<!until )(?<!till )(?<!born in )(?<!born )(?<!by )(?<!By )"
    r"\b(1[89]\d\d|2[01]\d\d)\b(?!\s?\(?\d)"  # "von 2018 (67,54 Prozent)": the next figure's
)


def _years_in(ctx: _Context, start: int, end: int, relative: bool = True) -> list[int]:
    """Pinning years that start in [start, end), written ("in 2018") or resolved from a
    relative date ("Six years ago Putin took 76.69%"); what follows ``end`` is seen by the
    look-ahead ("2018 (67,54 Prozent)" belongs to the figure after it)."""
    text = ctx.article.text
    out = [
        int(y.group(1))
        for y in RE_PINNING_YEAR.finditer(text, start, min(len(text), end + 8))
        if y.start() < end
    ]
    for at, years in ctx.relative_years if relative else ():
        if start <= at < end:
            out += years
    return out


def _relative_years(mentions: Sequence[Mention]) -> list[tuple[int, tuple[int, ...]]]:
    """Years that "N years ago", "a year ago today", "Пять лет назад" resolve to (at most
    two: "six years ago" may be either side of a new year)."""
    out = []
    for m in mentions:
        if m.kind != "relative_date" or not isinstance(m.low, dt.date) or not isinstance(m.high, dt.date):
            continue
        if m.offset is None or m.offset.unit != "year" or m.high.year - m.low.year > 1:
            continue
        out.append((m.start, tuple(range(m.low.year, m.high.year + 1))))
    return out


def _pick_election(
    ctx: _Context, entity: str | None, sentence: Sentence, around: tuple[int, int] | None = None
) -> Election | None:
    """The best-ranked election with rows for ``entity`` (or any, when there is none).

    A year in the sentence pins the election. With ``around`` (the end of the figure before
    and the start of the figure after), years between those two figures come first, then
    years earlier in the sentence; a year after the next figure is that figure's: in
    "turnout was 64%, below the 66% record of 2020" the year is the record's.
    """
    windows = [(sentence.start, sentence.end)]
    if around is not None:
        windows = [around, (sentence.start, around[1])]
    sentence_years: set[int] = set()
    for a, b in windows:
        sentence_years = {y for y in _years_in(ctx, a, b) if y in ctx.years}
        if sentence_years:
            break
    candidates = ctx.ranked
    if entity is not None:
        candidates = [e for e in candidates if entity in _entities(ctx, e.id)]
    else:
        candidates = ctx.implied  # a sentence that names nobody: what the article is about
    if sentence_years:
        dated = [e for e in candidates if e.end.year in sentence_years or e.start.year in sentence_years]
        # A year no election of the tables has: the figure is about that other vote ("in
        # 1994, when he won the first presidential election with 80.6%").
        return dated[0] if dated else None
    if not candidates:
        return None
    if ctx.article.published is None and len(candidates) > 1:
        # Undated article: the election must be pinned by the text ("the last election").
        sentence_low = ctx.low[sentence.start : sentence.end]
        if RE_LAST_ELECTION.search(sentence_low):
            return max(candidates, key=lambda e: e.end)
        return candidates[0] if candidates[0].end.year in ctx.years else None
    return candidates[0]


RE_LIST_JOIN = compile_cues(r"^[^\d.;:]{0,24}$")


def _respectively_entity(ctx: _Context, m: Mention, sentence: Sentence, peers: list[Mention]) -> str | None:
    """'X and Y ... A% and B%, respectively': the figure's place in its list picks the name.

    The list is the run of figures (joined by "and" or commas) nearest the keyword; the
    names are those between the figure before the run (or the sentence start) and the run.
    """
    if sentence.start not in ctx.respectively:  # asked once per figure of the sentence
        ctx.respectively[sentence.start] = RE_RESPECTIVELY.search(ctx.low, sentence.start, sentence.end)
    keyword = ctx.respectively[sentence.start]
    if keyword is None:
        return None
    figures = [
        p
        for p in peers
        if p.kind == m.kind and sentence.start <= p.start < sentence.end and id(p) not in ctx.progress_ids
    ]
    runs: list[list[Mention]] = []
    for p in figures:
        if runs and RE_LIST_JOIN.match(ctx.low[runs[-1][-1].end : p.start]):
            runs[-1].append(p)
        else:
            runs.append([p])
    runs = [r for r in runs if len(r) >= 2]
    if not runs:
        return None
    run = min(runs, key=lambda r: min(abs(keyword.start() - r[-1].end), abs(r[0].start - keyword.end())))
    if m not in run:
        return None
    before = [p for p in figures if p.end <= run[0].start]
    names_from = before[-1].end if before else sentence.start
    names = _hits_in(ctx, names_from, run[0].start, PLACE_TYPES | OPTION_TYPES)
    for election in ctx.ranked:
        entities = _entities(ctx, election.id)
        ordered: list[str] = []
        for h in names:
            if h.canonical in entities and h.canonical not in ordered:
                ordered.append(h.canonical)
        if len(ordered) >= len(run):
            return ordered[-len(run) :][run.index(m)]
    return None


RE_LIST_NEXT = re.compile(r"\s*(?:,\s*)?(?:and|und|et|y|e|и|і|oraz|és)\s+(?:in|im|en|dans|a|в|у|w)\s")


def _forward_entity(
    ctx: _Context,
    m: Mention,
    sentence: Sentence,
    next_start: int,
    types: frozenset[str] = PLACE_TYPES | OPTION_TYPES,
) -> _Hit | None:
    """'99,23% voted yes in Donetsk': a name right after the figure, joined by in/for."""
    limit = min(sentence.end, next_start)
    for h in _hits_in(ctx, m.end, limit, types):
        between = ctx.low[m.end : h.start]
        if RE_LIST_NEXT.match(between):
            break  # "in Zaporizhzhia 93.11% and in Kherson 87.05%": the next item's name
        if RE_FORWARD_LINK.search(between):
            return h
        if "," in between or ";" in between:
            break
    return None


RE_PAIR_LINK = re.compile(r",?\s*(?:for|of|de|für|pour|за)\s+(?:the\s+)?")


def _pair_name(ctx: _Context, share: Mention, limit: int) -> _Hit | None:
    """The name right after a count's share, comma allowed: "75 million, or 48.3 percent,
    for Kamala Harris"."""
    for h in _hits_in(ctx, share.end, limit, OPTION_TYPES):
        return h if RE_PAIR_LINK.fullmatch(ctx.low, share.end, h.start) else None
    return None


def _backward_entities(ctx: _Context, m: Mention, sentence: Sentence, types: frozenset[str]) -> list[_Hit]:
    """Names before the figure, nearest first: its clause first, then places earlier in the sentence."""
    a, _ = _clause(ctx, sentence, m.start)
    in_clause = _hits_in(ctx, a, m.start, types)
    # A candidate named in another clause ("... voted against all, while the three other
    # candidates took 9.5%") is not this figure's; a place usually still is.
    # (Hits never overlap, so those before the clause start are the ones not in it.)
    earlier = [h for h in _hits_in(ctx, sentence.start, m.start, types & PLACE_TYPES) if h.start < a]
    return [*reversed(in_clause), *reversed(earlier)]


def _backward_entity(ctx: _Context, m: Mention, sentence: Sentence, types: frozenset[str]) -> _Hit | None:
    hits = _backward_entities(ctx, m, sentence, types)
    return hits[0] if hits else None


def _election_rank(ctx: _Context, canonical: str) -> int | None:
    """Position of the best-ranked election with results for ``canonical`` (None: none)."""
    if canonical not in ctx.election_ranks:  # asked for every name near every figure
        ctx.election_ranks[canonical] = next(
            (i for i, e in enumerate(ctx.ranked) if canonical in _entities(ctx, e.id)), None
        )
    return ctx.election_ranks[canonical]


def _carried_place(ctx: _Context, sentence_index: int, election: Election | None) -> str | None:
    """A region named in the previous sentences of the paragraph, or in the title."""
    if election is None:
        return None
    entities = _entities(ctx, election.id)
    here = ctx.sentences.sentences[sentence_index]
    for i in range(sentence_index - 1, max(sentence_index - 3, -1), -1):
        prev = ctx.sentences.sentences[i]
        if prev.paragraph != here.paragraph and i != 0:
            break
        for h in reversed(_hits_in(ctx, prev.start, prev.end, PLACE_TYPES)):
            if h.canonical in entities:
                return h.canonical
    if ctx.article.title:
        for name in ctx.ref.gazetteer.find(ctx.article.title):
            if name.type in PLACE_TYPES and name.canonical in entities:
                return name.canonical
    return None


RE_TURNOUT_AFTER = compile_cues(r"^\s*(?:turn[\s-]?out|took\s+part|явк)")  # "77% turnout"
# "85.7% took part" is a turnout; "82.86% of those who took part voted yes" is not.
RE_TOOK_PART_AFTER = compile_cues(
    r"^(?![^.;]{0,20}\b(?:who|that|those)\b)[^.;]{0,20}\b(?:took|take|taking)\s+part"
)
RE_CHOICE = compile_cues(r"\b(?:voted|voting|backed|chose|supported|for|against)\b")
# "In Luhansk the figure was 98.4%": the measure of the sentence before, carried over.
RE_SAME_MEASURE = compile_cues(
    r"\bfigure\b|\bit\s+was\b|similar|\bwere\b|waren\s+es|\bwar\s+es|c'était|\bfue\b|было|було"
)


# A percentage that measures a change, not a level: "rose by almost 10%", "was up 15%",
# "fell 7%", "a 3% swing", "15% more than in 2018".
RE_CHANGE_BEFORE = compile_cues(
    r"""
    \b(?:rose|risen|rises?|rising|fell|fallen|falls?|falling|grew|grown|grows?|growing|dropped|drops?
      |declined?|increased?|decreased?|jumped|climbed|slipped|slumped|surged|soared|shrank|shrunk
      |up|down|plus|minus)
    \s+(?:by\s+)?(?:(?:almost|about|nearly|around|some|roughly|more\s+than|over|just\s+(?:over|under)
      |less\s+than|a\s+further|another)\s+)?$
    """,
    re.VERBOSE,
)
RE_CHANGE_AFTER = compile_cues(
    r"^\s*(?:(?:more|fewer|less|higher|lower)\s+than|increase|rise|jump|drop|fall|decline|swing|gain|growth)\b"
)


def _around(m: Mention, sentence: Sentence, prev_end: int, next_start: int, low: str) -> tuple[str, str]:
    """The lower-cased text just before and after a figure, up to its neighbours (60 at most)."""
    left = low[max(prev_end, sentence.start, m.start - 60) : m.start]
    right = low[m.end : min(next_start, sentence.end, m.end + 60)]
    return left, right


def _is_change(left: str, right: str) -> bool:
    """Whether a percentage measures a change ("turnout rose 4.2%", "a 3% swing")."""
    return bool(RE_CHANGE_BEFORE.search(left) or RE_CHANGE_AFTER.match(right))


def _measure_for_number(
    ctx: _Context, m: Mention, sentence: Sentence, prev_end: int, left: str, right: str
) -> Measure | None:
    if m.kind == "percent":
        if RE_TURNOUT_SUBJECT.search(ctx.low[max(prev_end, sentence.start) : m.start]):
            return "turnout"  # "Turnout in the referendum, which Leave won, was 72.2%"
        cues = list(RE_TURNOUT.finditer(left))
        cue = cues[-1] if cues else None
        # "82.86% of those who took part voted yes, with 12.78% voting no": the second
        # figure is a share of the participants, not the turnout
        if (cue is not None and not RE_CHOICE.search(left, cue.end())) or RE_TURNOUT_AFTER.match(right):
            return "turnout"
        if RE_TOOK_PART_AFTER.match(right):
            return "turnout"
        a, b = _clause(ctx, sentence, m.start)
        if RE_SHARE.search(left) or RE_SHARE.search(right) or _found(ctx, RE_SHARE, a, b):
            return "vote_share"
        return None
    # counts
    if RE_REGISTERED.search(right[:40]) or RE_REGISTERED_BEFORE.search(left[-30:]):
        return "registered"
    if RE_VOTES_AFTER.search(right):
        return "votes"
    return None


def bind_mentions(article: Article, mentions: Sequence[Mention], ref: ReferenceData) -> list[Claim]:
    """Bind every mention of one article; unbound ones keep measure 'other'.

    >>> bind_mentions.__name__
    'bind_mentions'
    """
    text = article.text
    raw_hits = ref.gazetteer.find(text)
    hits = [_Hit(h.start, h.end, h.canonical, h.type) for h in raw_hits]
    years = {int(str(m.low)[:4]) for m in mentions if m.kind in ("year", "date", "date_range") and m.low}
    relative_years = _relative_years(mentions)
    years |= {y for _, ys in relative_years for y in ys}
    ctx = _Context(
        article=article,
        ref=ref,
        low=text.lower(),
        sentences=sentences_of(text),
        hits=hits,
        hit_starts=[h.start for h in hits],
        ranked=[],
        years=years,
        progress=[],
        relative_years=relative_years,
    )
    ctx.entities, ctx.election_counts = _entity_tables(ref)
    ctx.ranked = rank_elections(article, hits, ref, years)
    ctx.implied = _implied(ctx)
    ctx.progress = [m for m in mentions if _is_progress(ctx, m)]
    ctx.progress_ids = {id(p) for p in ctx.progress}
    return _bind_all(ctx, list(mentions), ctx.progress_ids)


def _quote(ctx: _Context, span: tuple[int, int]) -> str:
    """The quote of a sentence: one string per sentence, shared by its claims."""
    found = ctx.quotes.get(span)
    if found is None:
        found = ctx.quotes[span] = quote(ctx.article.text, span)
    return found


# The rest of a field of candidates, named before its share.
RE_REST_OF_FIELD = compile_cues(
    r"\b(?:other|others|remaining|rest\s+of|the\s+rest)\b|\b(?:übrigen|anderen|autres|restants|restantes"
    r"|demás|otros|otras|altri|restanti|outros|demais|pozostali|pozostałych|többi|остальн|другие|другим"
    r"|інші|іншим|решта)"
)
# "87.28% of the vote, or 76,277,708 ballots": a share and its count, same subject.
RE_OR_PAIR = compile_cues(r"^[^,.;\d]{0,25},\s*or\s+(?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?$")
# "51.9% to 48.1%", "17,410,742 votes against 16,141,241": the other side of a two-way contest.
RE_VERSUS = compile_cues(
    r"^\s*(?:of\s+the\s+(?:vote|ballots)\s+)?(?:votes?\s+|ballots?\s+|percent\s+|per\s+cent\s+)?"
    r"(?:to|against|versus|vs\.?)\s+$"
)
# A margin between two sides, not either side's figure: "a margin of 11,596 votes", "his
# popular-vote margin was 7,059,526", "a lead of 2%", "Vorsprung von 5 Prozent".
RE_MARGIN = compile_cues(
    r"(?:margin|lead|gap|difference|majority|vorsprung|abstand|écart|avance|ventaja|diferencia|margine"
    r"|distacco|vantagem|diferença|przewag\w*|różnic\w*|перевес|разрыв|отрыв|різниц\w*|відрив)"
    r"(?:\s+(?:of|was|is|stood\s+at|came\s+to|reached|narrowed\s+to|widened\s+to|grew\s+to|von|de|di|w\s+wysokości"
    r"|в|у|составил\w*|склав\w*))*"
    r"\s+(?:about\s+|almost\s+|nearly\s+|some\s+|just\s+|roughly\s+|more\s+than\s+|over\s+|only\s+)?$"
    r"|\b(?:won|carried|lost|leads?|led|ahead|beat\s+\w+|defeated\s+\w+)\s+(?:it\s+|the\s+state\s+)?by\s+"
    r"(?:just\s+|only\s+|about\s+|nearly\s+|almost\s+|some\s+|a\s+mere\s+)?$"
    r"|\bby\s+(?:just|only|a\s+mere)\s+$"
)


def _election_count(ctx: _Context, canonical: str) -> int:
    return max(1, ctx.election_counts.get(canonical, 0))


def _weak(ctx: _Context, canonical: str) -> bool:
    """A name that has results in many elections (a country) says little about which one."""
    return _election_count(ctx, canonical) >= 3


def _two_way_other(ctx: _Context, election: str, region: str | None, option: str | None) -> str | None:
    options = {r.option for r in ctx.ref.results_for(election) if r.option and r.region == region}
    if option not in options or len(options) != 2:
        return None
    return next(o for o in options if o != option)


def _parallel_option(
    ctx: _Context, numeric: list[Mention], idx: int, sentence: Sentence, bound: dict[int, Claim]
) -> str | None:
    """'A won 51.9% against 48.1% for B, with X votes to Y': X is A's, like the first share."""
    m = numeric[idx]
    nxt = numeric[idx + 1] if idx + 1 < len(numeric) else None
    if nxt is None or nxt.start >= sentence.end or not RE_VERSUS.search(ctx.low[m.end : nxt.start]):
        return None
    for j in range(idx - 1, 0, -1):
        first, second = numeric[j - 1], numeric[j]
        if first.start < sentence.start:
            return None
        a, b = bound.get(id(first)), bound.get(id(second))
        if a is None or b is None or a.option is None or b.option is None or a.option == b.option:
            continue
        if a.election == b.election and a.measure == b.measure:
            return a.option
    return None


def _pinned(
    ctx: _Context, sentence: Sentence, election: Election, entity: str | None, around: tuple[int, int]
) -> bool:
    """Whether the sentence itself says which vote its figure is from: the vote's year or
    name, a person or place of that vote alone among the article's, or (for the vote the
    article is mainly about, reported within a year) any of its names. An explainer's
    "Turnout then was 68.8%" or "The SPD won 25.7%, on a turnout of 76.6%" is not."""
    for a, b in (around, (sentence.start, around[1])):  # the figure's own years, as _pick_election reads them
        years = set(_years_in(ctx, a, b, relative=False))  # "Three years ago" says when, not which vote
        if years:
            if years & {election.start.year, election.end.year}:
                return True
            break
    low = ctx.low[sentence.start : sentence.end]
    names_of = ctx.ref.derived("bind.election_names", _election_names)
    if any(n in low for n in names_of[election.id]):
        return True
    if entity is not None:
        having = [e for e in ctx.ranked if entity in _entities(ctx, e.id)]
        if having == [election]:
            return True
        if RE_LATEST_VOTE.search(low) and max(having, key=lambda e: e.end) is election:
            return True  # "in the last Russian presidential elections, ... Putin received 88%"
    published = ctx.article.published
    if published is None or not ctx.ranked or ctx.ranked[0] is not election:
        return False
    # the article's own vote: named by its people or places within a year, or any figure
    # of a story written while it is counted or just after
    named_recently = entity is not None and (published - election.end).days <= RECENT_DAYS
    return named_recently or _in_progress(election, published)


def _pins_another_year(ctx: _Context, sentence: Sentence, claim: Claim) -> bool:
    """Whether the sentence names a year of the article's votes that is not the claim's election's."""
    election = ctx.ref.elections.get(claim.election or "")
    if election is None:
        return False
    years = {y for y in _years_in(ctx, sentence.start, sentence.end, relative=False) if y in ctx.years}
    return bool(years) and not years & {election.start.year, election.end.year}


def _recent_claim(ctx: _Context, bound: dict[int, Claim], sentence_index: int) -> Claim | None:
    """The last bound result figure in this sentence or the one before (same paragraph)."""
    here = ctx.sentences.sentences[sentence_index] if ctx.sentences.sentences else None
    for claim in reversed(bound.values()):
        if claim.election is None or claim.region is None:
            continue
        i = ctx.sentences.index_of(claim.mention.start)
        if here is None or sentence_index - i > 1:
            return None
        if ctx.sentences.sentences[i].paragraph == here.paragraph:
            return claim
    return None


def _bind_all(ctx: _Context, mentions: list[Mention], progress_ids: set[int]) -> list[Claim]:
    claims: list[Claim] = []
    previous_share: dict[int, tuple[Measure, str | None]] = {}  # paragraph -> last measure/option
    numeric = [m for m in mentions if m.kind in ("percent", "count")]
    ctx.numeric_index = {id(m): i for i, m in enumerate(numeric)}
    bound: dict[int, Claim] = {}  # id(mention) -> its claim, for pairs
    for m in mentions:
        sentence = ctx.sentences.at(m.start)
        span = (sentence.start, sentence.end)
        if id(m) in progress_ids:
            claims.append(
                Claim(
                    claim_id(m),
                    m,
                    measure="other",
                    scope="unknown",
                    sentence=span,
                    quote=_quote(ctx, span),
                    note="share counted",
                )
            )
            continue
        if m.kind not in ("percent", "count"):
            claims.append(_bind_calendar(ctx, m, sentence))
            continue
        margin = RE_MARGIN.search(ctx.low[max(sentence.start, m.start - 40) : m.start])
        if margin is not None and not (
            m.kind == "percent" and ("majority" in margin.group() or "by" in margin.group().split())
        ):  # "won by 51.9% to 48.1%" gives the shares; "won by 11,779 votes" a margin
            measure: Measure = "count" if m.kind == "count" else "other"
            claims.append(
                Claim(claim_id(m), m, measure=measure, sentence=span, quote=_quote(ctx, span), note="margin")
            )
            continue
        claim = _bind_number(ctx, m, sentence, numeric, bound, previous_share)
        bound[id(m)] = claim
        claims.append(claim)
    return claims


def _bind_number(
    ctx: _Context,
    m: Mention,
    sentence: Sentence,
    numeric: list[Mention],
    bound: dict[int, Claim],
    previous_share: dict[int, tuple[Measure, str | None]],
) -> Claim:
    span = (sentence.start, sentence.end)
    si = ctx.sentences.index_of(m.start)
    idx = ctx.numeric_index[id(m)]
    prev = numeric[idx - 1] if idx > 0 and numeric[idx - 1].start >= sentence.start else None
    nxt = numeric[idx + 1] if idx + 1 < len(numeric) and numeric[idx + 1].start < sentence.end else None
    prev_end = prev.end if prev else sentence.start
    next_start = nxt.start if nxt else sentence.end
    left, right = _around(m, sentence, prev_end, next_start, ctx.low)
    if m.kind == "percent" and _is_change(left, right):
        return Claim(claim_id(m), m, sentence=span, quote=_quote(ctx, span), note="a change, not a level")
    measure = _measure_for_number(ctx, m, sentence, prev_end, left, right)
    notes: list[str] = []
    prev_claim = bound.get(id(prev)) if prev else None
    # A share and its count joined by ", or": same subject.
    or_pair = prev_claim if prev and RE_OR_PAIR.search(ctx.low[prev.end : m.start]) else None
    followed_by_share = (
        nxt is not None and nxt.kind == "percent" and RE_OR_PAIR.search(ctx.low[m.end : nxt.start])
    )
    if measure is None and m.kind == "count" and followed_by_share:
        measure = "votes"
    if measure is None and or_pair is not None and or_pair.measure in ("vote_share", "votes"):
        measure = "votes" if m.kind == "count" else "vote_share"
    versus = (
        prev_claim if prev and prev.kind == m.kind and RE_VERSUS.search(ctx.low[prev.end : m.start]) else None
    )
    if measure is None and versus is not None and versus.measure != "other":
        measure = versus.measure
    entity: str | None = _respectively_entity(ctx, m, sentence, numeric)
    parallel = _parallel_option(ctx, numeric, idx, sentence, bound) if versus is None else None
    if entity is not None:
        notes.append("bound by a 'respectively' list")
    elif parallel is not None:
        entity = parallel
        notes.append("parallel to the shares given before it")
    elif or_pair is not None and or_pair.entity is not None:
        entity = or_pair.entity  # the share takes its count's name (found before or after the pair)
    else:
        types = PLACE_TYPES if measure in ("turnout", "registered") else PLACE_TYPES | OPTION_TYPES
        fwd = _forward_entity(ctx, m, sentence, next_start)
        if fwd is None and followed_by_share and nxt is not None:
            # "against 75 million, or 48.3 percent, for Kamala Harris": the pair's name
            after = numeric[idx + 2].start if idx + 2 < len(numeric) else sentence.end
            fwd = _pair_name(ctx, nxt, min(after, sentence.end))
        if fwd is not None and fwd.type not in types:
            fwd = None
        candidates = ([fwd] if fwd else []) + _backward_entities(ctx, m, sentence, types)
        # The nearest name that belongs to the article's most likely election: in
        # "99.2% in Donetsk had backed joining Russia, with turnout of 97.5%" the
        # turnout is Donetsk's, not Russia's.
        # A country named in passing ("voted to join Russia") yields to a specific region.
        ranked = [
            (h.type in PLACE_TYPES and _weak(ctx, h.canonical), r, i, h)
            for i, h in enumerate(candidates)
            if (r := _election_rank(ctx, h.canonical)) is not None
        ]
        if ranked:
            entity = min(ranked, key=lambda t: (t[0], t[1], t[2]))[3].canonical
    if entity is not None and ctx.ref.gazetteer.type_of(entity) in OPTION_TYPES:
        # "..., and the three other candidates took 12%": the rest of the field, not the
        # candidate named before it
        rest = RE_REST_OF_FIELD.search(ctx.low, max(prev_end, m.start - 60), m.start)
        if rest is not None and not _hits_in(ctx, rest.end(), m.start, OPTION_TYPES):
            entity = None
            notes = [n for n in notes if not n.startswith("parallel")]
    named_here = entity  # a name of this sentence (not one carried from elsewhere)
    if (
        entity is not None
        and ctx.ranked
        and ctx.ref.gazetteer.type_of(entity) in PLACE_TYPES
        and _election_rank(ctx, entity)
        and _weak(ctx, entity)
    ):
        # "97% had backed joining Russia, on a turnout of 83%" in a story about Crimea.
        carried = _carried_place(ctx, si, ctx.ranked[0])
        if carried is not None:
            entity = carried
            notes.append("region carried from an earlier sentence")
    entity_type = ctx.ref.gazetteer.type_of(entity) if entity else None
    if (
        measure is None
        and m.kind == "percent"
        and entity_type in OPTION_TYPES
        and _found(ctx, RE_VOTE_CONTEXT, *span)
    ):
        measure = "vote_share"  # "Kharitonov came second with 4.31%"
    carried_option: str | None = None
    if measure is None and m.kind == "percent" and entity is not None:
        earlier = previous_share.get(sentence.paragraph) or previous_share.get(sentence.paragraph - 1)
        if earlier is not None and RE_SAME_MEASURE.search(ctx.low[span[0] : span[1]]):
            measure, carried_option = earlier
            notes.append("measure carried from the previous sentence")
    if measure is not None and not _found(ctx, RE_VOTE_CONTEXT, *span):
        prev_sentence = ctx.sentences.sentences[si - 1] if si > 0 else None
        carried_context = carried_option is not None or "measure carried" in " ".join(notes)
        if not (
            carried_context
            and prev_sentence is not None
            and _found(ctx, RE_VOTE_CONTEXT, prev_sentence.start, prev_sentence.end)
        ):
            measure = None  # not a sentence about a vote: never checked against results
    if measure is None:
        regions = _region_count_claim(ctx, m, sentence, (prev_end, next_start)) if m.kind == "count" else None
        if regions is not None:
            return regions
        return Claim(
            claim_id(m),
            m,
            measure="count" if m.kind == "count" else "other",
            sentence=span,
            quote=_quote(ctx, span),
        )
    a, b = _clause(ctx, sentence, m.start)
    if _found(ctx, RE_OPINION_POLL, a, b) and not _found(ctx, RE_EXIT_POLL, a, b):
        return Claim(
            claim_id(m),
            m,
            measure=measure,
            sentence=span,
            quote=_quote(ctx, span),
            note="opinion poll, not a result",
        )
    recent = _recent_claim(ctx, bound, si) if entity is None else None
    if recent is not None and _pins_another_year(ctx, sentence, recent):
        recent = None  # "- 2004: 71.31% on a turnout of 64.32%" after the 2000 line
    if recent is not None and recent.election is not None and recent.election in ctx.ref.elections:
        # "Turnout was put at 83%." right after a sentence about the Crimean vote.
        election: Election | None = ctx.ref.elections[recent.election]
        entity = recent.region
        notes.append("election and region carried from the previous figure")
    else:
        election = _pick_election(ctx, entity, sentence, (prev_end, next_start))
    if election is None:
        note = "no election found" if entity is None else "election ambiguous"
        return Claim(
            claim_id(m), m, entity=entity, measure=measure, sentence=span, quote=_quote(ctx, span), note=note
        )
    if named_here != entity and entity is not None:
        named_here = None  # replaced by a place carried from an earlier sentence
    if not _pinned(ctx, sentence, election, named_here, (max(prev_end, sentence.start), next_start)):
        notes.append(UNNAMED_VOTE_NOTE)
    region: str | None = None
    option: str | None = None
    if entity is not None and entity_type in OPTION_TYPES:
        option = entity
        region = (
            _place_before(ctx, m, sentence, election)
            or _place_after(ctx, m, sentence, election, next_start)
            or _national_region(ctx.ref, election)
        )
    elif entity is not None:
        region = entity
    if versus is not None and versus.election == election.id and versus.option is not None:
        other = _two_way_other(ctx, election.id, versus.region, versus.option)
        if other is not None and option in (None, versus.option):
            region, option, entity = versus.region, other, other
            notes.append(f"the other side of “{versus.mention.text}”")
    if region is None and entity is None:
        if measure in ("turnout", "registered"):
            region = _carried_place(ctx, si, election) or _national_region(ctx.ref, election)
        else:
            region = _carried_place(ctx, si, election) or _national_region(ctx.ref, election)
            if region is not None:
                notes.append("region carried from an earlier sentence or the whole contest")
        entity = region
    if measure in ("vote_share", "votes") and option is None and region is not None:
        option = carried_option or _referendum_option(ctx, election, m, sentence, (prev_end, next_start))
    if measure == "vote_share" and m.kind == "percent":
        previous_share[sentence.paragraph] = (measure, option if option in ("Yes", "No") else None)
    scope, why = _scope(ctx, m, sentence, election)
    if why:
        notes.append(why)
    return Claim(
        claim_id(m),
        m,
        election=election.id,
        entity=entity,
        measure=measure,
        scope=scope,
        region=region,
        option=option,
        sentence=span,
        quote=_quote(ctx, span),
        note="; ".join(notes),
    )


# "all four regions voted", "in four occupied regions", "the two breakaway republics": a
# count of the places that held a vote, checked against elections.csv's ``regions``.
RE_REGIONS_AFTER = re.compile(
    r"""
    \s+(?:(?:occupied|annexed|ukrainian|partially|russian[\s-](?:held|occupied|controlled)|eastern
    |southern|separatist|breakaway|self[\s-](?:proclaimed|declared)|disputed|contested)\s+){0,3}
    (?:regions|oblasts|provinces|territories|republics)\b
    """,
    re.VERBOSE,
)


def _region_count_claim(
    ctx: _Context, m: Mention, sentence: Sentence, around: tuple[int, int]
) -> Claim | None:
    """A count of regions in a sentence about a vote, bound to that vote (English only)."""
    if ctx.article.language not in (None, "en") or not RE_REGIONS_AFTER.match(ctx.low, m.end):
        return None
    span = (sentence.start, sentence.end)
    if not _found(ctx, RE_VOTE_CONTEXT, *span):
        return None
    election = _pick_election(ctx, None, sentence, around)
    if election is None or election.regions is None:
        return None
    return Claim(
        claim_id(m),
        m,
        election=election.id,
        measure="count",
        sentence=span,
        quote=_quote(ctx, span),
        note=REGION_COUNT_NOTE,
    )


RE_AFTER_STOP = re.compile(r"[\d,;.:%]")
RE_OWN_OPTION = re.compile(
    r"""
    ^\s+(?:(?:people|voters|citizens|votes?|ballots?|of\s+(?:the\s+)?(?:voters|votes?|ballots))\s+)?
    (?:in\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+)?                # "people in Donetsk"
    (?:(?:who\s+)?(?:voting|voted|saying|said|for|backed|chose)\s+)?   # "voting", "who voted"
    (yes|no|against)\b(?!\s+(?:longer|more|less|one|doubt))           # the option itself
    """,
    re.VERBOSE,
)
# The option written just before the figure: "Yes 50.46%, No 49.54%".
RE_OPTION_BEFORE = re.compile(r"(?:^|[\s,;(])(yes|no)\W{0,3}$")


def _referendum_option(
    ctx: _Context, election: Election, m: Mention, sentence: Sentence, around: tuple[int, int]
) -> str | None:
    """'backed joining Russia' is the yes option of a referendum; 'against' is no.

    ``around`` is where the neighbouring figures end and start: the words between them and
    this figure are its own; the rest of the sentence counts only when it names one side.
    """
    if "referendum" not in election.kind:
        return None
    options = _options(ctx.ref, election.id)
    # The option written right after the figure wins over the sentence's words: in
    # "50.46% voting Yes and 49.54% No" each share has its own.
    after = RE_AFTER_STOP.split(ctx.low[m.end : m.end + 40], maxsplit=1)[0]
    own = RE_OWN_OPTION.search(after)
    before = RE_OPTION_BEFORE.search(ctx.low, max(around[0], m.start - 12), m.start)
    if own is not None:
        wanted = "No" if own.group(1) in ("no", "against") else "Yes"
    elif before is not None:
        wanted = "Yes" if before.group(1) == "yes" else "No"
    else:
        wanted = _side_near(ctx, m, sentence, around) or ""
    return wanted if wanted in options else None


def _side_near(ctx: _Context, m: Mention, sentence: Sentence, around: tuple[int, int]) -> str | None:
    """The side the words around a referendum figure take: first those up to the next
    figure, then those since the previous one, then the sentence if it names one side only."""
    lo, hi = max(sentence.start, around[0]), min(sentence.end, around[1])
    for start, end, last in ((m.end, hi, False), (lo, m.start, True)):
        hits = [
            (h.start(), side)
            for side, rx in (("No", RE_AGAINST), ("Yes", _YES_WORDS))
            for h in rx.finditer(ctx.low, start, end)
        ]
        if hits:
            return (max if last else min)(hits)[1]
    no = _found(ctx, RE_AGAINST, sentence.start, sentence.end)
    yes = _found(ctx, _YES_WORDS, sentence.start, sentence.end)
    if no != yes:
        return "No" if no else "Yes"
    return None


def _options(ref: ReferenceData, election: str) -> frozenset[str]:
    """The options with rows in ``election`` (remembered per election)."""
    known: dict[str, frozenset[str]] = ref.derived("bind.options", lambda _: {})
    if election not in known:
        known[election] = frozenset(row.option for row in ref.results_for(election) if row.option)
    return known[election]


RE_VOTE_WORDS = compile_cues(
    r"vot|referend|election|ballot|\bpolls?\b|wahl|выбор|голосова|abstimmung|scrutin"
)


def _sentence_election(ctx: _Context, sentence: Sentence) -> Election | None:
    """The election a sentence is about: named outright, else by kind and names, else the article's."""
    if sentence.start not in ctx.sentence_elections:  # asked once per date in the sentence
        ctx.sentence_elections[sentence.start] = _find_sentence_election(ctx, sentence)
    return ctx.sentence_elections[sentence.start]


def _find_sentence_election(ctx: _Context, sentence: Sentence) -> Election | None:
    hits = _hits_in(ctx, sentence.start, sentence.end)
    for h in hits:
        if h.type == "election" and h.canonical in ctx.ref.elections:
            return ctx.ref.elections[h.canonical]
    sentence_low = ctx.low[sentence.start : sentence.end]
    families = {k for k, cue in KIND_CUES.items() if _found(ctx, cue, sentence.start, sentence.end)}
    candidates = [e for e in ctx.ranked if not families or election_kind_family(e.kind) in families]
    if not candidates:
        return None
    # The article's most likely election is the prior; a sentence moves away from it only
    # when it names more of another election's regions or candidates.
    names = {h.canonical for h in hits}
    best: tuple[float, int, Election] | None = None  # the first of the highest scores
    for i, e in enumerate(candidates):
        specific = sum(2 / _election_count(ctx, n) for n in names & _entities(ctx, e.id)) if names else 0
        country = 1.0 if e.country[:5].lower() in sentence_low else 0.0
        prior = 1.5 if e is ctx.ranked[0] else 0.0
        score = specific + country + prior - 0.01 * i
        if best is None or score > best[0]:
            best = (score, i, e)
    assert best is not None
    return best[2]


# A name then a comma right before an age: "Ksenia Sobchak, 36,".
RE_APPOSED_NAME = re.compile(r"[A-ZÀ-ÞА-ЯЁІЇЄҐ][\w'’.-]*,\s*(?:de\s+)?$")
RE_DEATH = compile_cues(
    r"\bdied\b|\bdeath\b|\bdead\b|\bstarb|\bgestorben|\bmort\b|\bmurió|\bmorto\b|\bmorreu|\bzmarł|\bумер|\bпомер|\bскончал|\bmeghalt"
)


def _bind_calendar(ctx: _Context, m: Mention, sentence: Sentence) -> Claim:
    span = (sentence.start, sentence.end)
    if m.kind == "age":
        person = _backward_entity(ctx, m, sentence, frozenset({"person"}))
        apposed = RE_APPOSED_NAME.search(ctx.article.text, max(sentence.start, m.start - 60), m.start)
        if apposed is not None and (person is None or person.end < apposed.start()):
            # "Ksenia Sobchak, 36, won 1.68%": the age of the name just before it, known or not
            person = None
        elif person is None:
            hits = _hits_in(ctx, m.end, sentence.end, frozenset({"person"}))
            person = hits[0] if hits else None
        if person is None and apposed is None and RE_DEATH.search(ctx.low, sentence.start, sentence.end):
            # "... died ... at the age of 47" after a sentence that names him (and only him:
            # with two people named before, which one died is not known)
            before = _hits_in(ctx, max(0, sentence.start - 400), sentence.start, frozenset({"person"}))
            if len({h.canonical for h in before}) == 1:
                person = before[-1]
        return Claim(
            claim_id(m),
            m,
            entity=person.canonical if person else None,
            measure="age",
            sentence=span,
            quote=_quote(ctx, span),
        )
    measure: Measure = "elapsed" if m.kind == "duration" else "date"
    election = None
    if _found(ctx, RE_VOTE_WORDS, sentence.start, sentence.end):
        election = _sentence_election(ctx, sentence)
    return Claim(
        claim_id(m),
        m,
        election=election.id if election else None,
        measure=measure,
        scope="final" if election else "unknown",
        sentence=span,
        quote=_quote(ctx, span),
    )
