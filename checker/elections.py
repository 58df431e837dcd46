"""What the reference elections are called and hold, shared by binding and the checks.

The kind of an election ("presidential", "parliamentary", "referendum") and the words that
name a kind, the regions and options each election has results for, and the country names
a text may mention (from CLDR, through Babel).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from checker import lang
from checker.lang import alternation
from checker.reference import ReferenceData
from checker.sentences import compile_cues
from checker.trie import trie

# The words naming each kind of election are data: ``[binding.election_kinds]`` of
# checker/lang/<code>.toml, one key per family, all languages in one pattern.
KIND_FAMILIES = ("presidential", "parliamentary", "referendum")
KIND_CUES: dict[str, re.Pattern[str]] = {
    family: compile_cues(alternation(f"binding.election_kinds.{family}")) for family in KIND_FAMILIES
}


def election_kind_family(kind: str) -> str:
    """The family of an election kind, as :data:`KIND_CUES` names them.

    >>> election_kind_family("parliamentary_party_list")
    'parliamentary'
    """
    if "referendum" in kind or kind == "referendum":
        return "referendum"
    if kind.startswith("parliament"):
        return "parliamentary"
    return kind


def entity_tables(ref: ReferenceData) -> tuple[dict[str, frozenset[str]], dict[str, int]]:
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


NO_NAMES: frozenset[str] = frozenset()


def election_entities(ref: ReferenceData, election: str) -> frozenset[str]:
    """Regions and options with results in ``election``: what names a vote in a text.

    An imported election is not named by its country alone (a thousand elections have
    one): only by its parties, candidates or sub-national regions.
    """
    return ref.derived("bind.naming_entities", _naming_entities).get(election, NO_NAMES)


def _naming_entities(ref: ReferenceData) -> dict[str, frozenset[str]]:
    out = dict(entity_tables(ref)[0])
    for e in ref.elections.values():
        if e.dataset and e.id in out:
            out[e.id] = out[e.id] - {e.country}
    return out


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
    # a trie: one pass, no backtracking over 300 names
    return re.compile(r"(?<!\w)" + trie(names, space=r"\s+", share_tails=True, wrap=True))


# --- the countries an article is about ---------------------------------------------------------

# ``[binding.countries]`` of checker/lang/<code>.toml: per ISO code, demonyms, capitals and
# parliaments (CLDR gives the country names); ``european_parliament`` names that kind.
_COUNTRY_CODES = tuple(k for k in lang.table("en")["binding"]["countries"] if k.isupper())  # ISO codes
COUNTRY_WORDS: dict[str, re.Pattern[str]] = {
    code: re.compile(alternation(f"binding.countries.{code}", before=r"\b"), re.IGNORECASE)
    for code in _COUNTRY_CODES
}
EUROPEAN_CUE = compile_cues(alternation("binding.countries.european_parliament", before=r"\b"))
# Weights of the evidence: a country's name, one of its words, a name only it has.
_NAME_WEIGHT, _WORD_WEIGHT, _PARTY_WEIGHT = 2, 1, 1
_MIN_SCORE = 2  # one party or capital alone does not make an article about a country


@lru_cache(maxsize=16)
def _cldr_codes(language: str) -> dict[str, str]:
    """Country name (English and ``language``, as :func:`country_names` finds it) -> ISO code."""
    out: dict[str, str] = {}
    for code in ("en", language):
        try:
            for key, name in Locale.parse(code).territories.items():
                if key.isalpha() and key not in _NOT_COUNTRIES:
                    out.setdefault(name, key)
        except (ValueError, UnknownLocaleError):
            continue
    return out


def table_countries(ref: ReferenceData) -> dict[str, str]:
    """ISO code -> the country name the reference tables use for it ("CZ" -> "Czech Republic")."""
    return ref.derived("bind.table_countries", _table_countries)


def _table_countries(ref: ReferenceData) -> dict[str, str]:
    english = _cldr_codes("en")
    out: dict[str, str] = {}
    for country in sorted({e.country for e in ref.elections.values()}):
        code = english.get(country)
        if code is None:  # a name CLDR writes otherwise: one of the words of a code
            code = next((c for c, p in COUNTRY_WORDS.items() if p.fullmatch(country.lower())), None)
        if code is not None:
            out.setdefault(code, country)
    return out


def article_countries(
    ref: ReferenceData, text: str, language: str, hits: Iterable[tuple[str, str]]
) -> frozenset[str]:
    """The countries (as the tables name them) an article is about, from its words.

    Evidence: the country's name in English or the article's language (CLDR), its
    demonyms, capital and parliament (:data:`COUNTRY_WORDS`), and names ``hits`` (pairs of
    alias and canonical) that only that country has (a party or leader). A country counts
    with a score of at least :data:`_MIN_SCORE` and a third of the best one's.
    """
    by_code = table_countries(ref)
    names = _cldr_codes(language)
    score: dict[str, int] = {}
    for m in country_names(language).finditer(text):
        code = names.get(m.group())
        if code is not None and code in by_code:
            score[by_code[code]] = score.get(by_code[code], 0) + _NAME_WEIGHT
    for code, pattern in COUNTRY_WORDS.items():
        if code in by_code:
            n = len(pattern.findall(text))
            if n:
                score[by_code[code]] = score.get(by_code[code], 0) + _WORD_WEIGHT * n
    for alias, canonical in hits:
        owners = ref.gazetteer.alias_countries(alias)
        if len(owners) == 1 and ref.gazetteer.countries_of(canonical) == owners:
            (country,) = owners
            score[country] = score.get(country, 0) + _PARTY_WEIGHT
    top = max(score.values(), default=0)
    return frozenset(c for c, s in score.items() if s >= _MIN_SCORE and 3 * s >= top)


__all__ = [
    "COUNTRY_WORDS",
    "EUROPEAN_CUE",
    "KIND_CUES",
    "article_countries",
    "country_names",
    "election_entities",
    "election_kind_family",
    "entity_tables",
    "table_countries",
]
