"""What the reference elections are called and hold, shared by binding and the checks.

The kind of an election ("presidential", "parliamentary", "referendum") and the words that
name a kind, the regions and options each election has results for, and the country names
a text may mention (from CLDR, through Babel).
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError

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
    """Regions and options with results in ``election``."""
    return entity_tables(ref)[0].get(election, NO_NAMES)


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


__all__ = ["KIND_CUES", "country_names", "election_entities", "election_kind_family", "entity_tables"]
