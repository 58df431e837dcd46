r"""The cue patterns of binding: every pattern of :mod:`checker.bind`, in one place.

The words are data: the ``[binding]`` table of each ``checker/lang/<code>.toml`` holds them
by purpose (``binding.turnout_words``, ``binding.margin_nouns``, ...); this module keeps
the structure around them (boundaries, windows, lookarounds) and builds every pattern
once, at import, through :func:`checker.lang.alternation`. Patterns are matched on
lower-cased text unless they say otherwise (the place-name patterns read the text as
written, for its capitals). The step modules import from here and hold no words of their
own; the words naming a kind of election (``KIND_CUES``) are built in
:mod:`checker.elections`, shared with the checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checker.lang import LANGUAGES, alternation, words
from checker.sentences import compile_cues


def _cue(key: str, languages: Iterable[str] = LANGUAGES, *, before: str = "", after: str = "") -> str:
    """The alternation of ``binding.<key>`` (see :func:`checker.lang.alternation`)."""
    return alternation(f"binding.{key}", languages, before=before, after=after)


def _either_case(key: str) -> str:
    """The entries of ``binding.<key>``, each also with a capital first letter: ``[Ii]n``."""
    return "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words(f"binding.{key}")) + ")"


def _not_after(key: str, space: str) -> str:
    """A negative lookbehind per entry of ``binding.<key>`` followed by ``space``."""
    return "".join(f"(?<!{w}{space})" for w in words(f"binding.{key}"))


_SPACE = r"\s+"
_THE = _cue("article_words", after=_SPACE)  # "the " (optional wherever it is used)
_NOT_POPULAR = _not_after("not_popular_before", r"\s")  # not "306 electoral votes"

# --- cue words (lower-case, matched on lower-cased text) ---------------------------------

RE_TURNOUT = compile_cues(_cue("turnout_words"))

# A result figure sits in a sentence about voting; "support for Putin is 60%" or
# "inflation fell to 4%, Putin said" is not one.
RE_VOTE_CONTEXT = compile_cues(_cue("vote_context_words"))

# Turnout as the subject of the figure's sentence, however long the phrase in between.
RE_TURNOUT_SUBJECT = compile_cues(
    _cue("turnout_subject_nouns")
    + r"\b[^.;%\d]{0,120}?\b"
    + _cue("turnout_subject_verbs")
    + r"\s+"
    + _cue("turnout_subject_hedges", after=_SPACE)
    + "?$"
)

RE_SHARE = compile_cues(_cue("share_words"))

RE_AGAINST = compile_cues(_cue("against_words"))

RE_VOTES_AFTER = compile_cues(
    rf"""
    ^[\s,]*(?:[a-z]+\s+){{0,2}}?{_NOT_POPULAR}
    {_cue("votes_nouns")}\b   # "76,277,708 ballots", "500,000 postal votes"; not "306 electoral votes"
    | ^[\s,]*{_cue("votes_noun_links")}?{_cue("votes_nouns_right_after")}(?!\w)   # "2,1 millions de voix"
      (?!\s+{_cue("not_popular_after")})   # not "306 votos eleitorais"
    | ^\s*{_cue("voter_nouns")}\b[^.;]{{0,50}}?
      \b{_cue("voting_verbs")}\b                  # "people ... were recorded as voting yes"
    """,
    re.VERBOSE,
)

RE_REGISTERED = compile_cues(_cue("registered_words"))
# Before a count, the cue must lead up to it: "registered voters numbered 6.8 million",
# "an electorate of 46.5 million"; not "65% of registered voters – while 684,946 ...".
RE_REGISTERED_BEFORE = compile_cues(
    _cue("registered_before_words")
    + _cue("registered_nouns", before=_SPACE)
    + r"?\s*(?:[:,]|"
    + _cue("registered_links")
    + r")?\s*"
    + _cue("registered_hedges", after=_SPACE)
    + "?$"
)

# A share of ballots counted is a progress figure, not a result: "of the protocols",
# "with 50% counted", "80% de las actas", "99% протоколов".
RE_PROGRESS_AFTER = compile_cues(r"^\s*" + _cue("progress_phrases"))

RE_EXIT_POLL = compile_cues(_cue("exit_poll_words"))
RE_PRELIMINARY = compile_cues(_cue("preliminary_words"))
RE_SUB_POPULATION = compile_cues(_cue("sub_population_words"))
RE_CLAIMED_BY = compile_cues(
    _cue("opposition_words")
    + r"(?!\s+"
    + _cue("opposition_titles")
    + r"s?\b)"  # not a title: "opposition candidate"
    + "|"
    + _cue("claimed_by_words")
)
# An opinion poll or survey is not a result of any election.
RE_OPINION_POLL = compile_cues(_cue("opinion_poll_words"))
RE_RESPECTIVELY = compile_cues(_cue("respectively_words"))
RE_LAST_ELECTION = compile_cues(rf"\b{_cue('last_election_words')}\b")
RE_FORWARD_LINK = compile_cues(
    rf"""
    ^[^,;.\d%]{{0,25}}?\b{_cue("forward_prepositions")}\s+{_THE}?$     # "99.2% in Donetsk", "51% for Yes"
    | ^[^,;.\d%]{{0,25}}?\b{_cue("region_prepositions")}\s+{_THE}?     # "95% in the occupied Donetsk region"
      {_cue("region_adjectives")}
      \s+(?:[a-z][\w'’-]*\s+)?$
    | ^[^,;.\d%]{{0,25}}?(?:^|\s){_cue("local_place_prepositions")}\s+$   # "94,15% у ЛНР", "50% na Pens..."
    | ^\s+{_cue("for_words")}\s+[^,;.\d%()]{{1,30}}?[\s(„“"«]{{1,4}}$  # "für den Verbleib („Remain“)"
    | ^[^,;.\d%]{{0,25}}?\b{_cue("for_words", ("en",))}\s+{_THE}?         # "44.2% for opposition candidate
      (?:(?!{_cue("not_name_words")}\b)[a-z][\w'’-]*\s+){{1,3}}$  # Edmundo González"
    | ^\s*{_cue("voted_words")}\s+$
    | ^\s*{_cue("name_links")}\s+$                # "44,2% de Edmundo González", "für", "pour"
    """,
    re.VERBOSE,
)

RE_YES_WORDS = compile_cues(_cue("yes_words"))

RE_LATEST_VOTE = compile_cues(rf"\b{_cue('latest_words')}\b[^.;]{{0,40}}?\b{_cue('vote_nouns')}")

# A place named before a figure that the gazetteer does not know: "In Wales, Leave won
# 52.5%", "while across Scotland 62% backed Remain", "London voted 59.9% to 40.1%". Such a
# figure is about a part of the contest our tables do not hold; checked against the
# national result it would be a false discrepancy. Words are matched as letters here and
# kept only when capitalised (``\w`` has no case classes).
PLACE_NOUNS = (  # lower-case words between a preposition and a place's name
    rf"(?:{_cue('place_nouns')}(?:\s+{_cue('place_noun_links')})?\s+)"
)
RE_PLACE_BEFORE = re.compile(
    rf"""
    \b{_either_case("place_prepositions")}
    \s+(?:{_cue("place_articles")}\s+)?                    # in (the), en (el)...
    {PLACE_NOUNS}{{0,3}}                                  # "in the capital", "En el estado de"
    (?P<place>[^\W\d_][\w'’.-]{{0,40}})                    # then a word: the name's first
    """,
    re.VERBOSE,
)
# Matched at the start of the sentence: its first words, then a verb of voting.
RE_PLACE_SUBJECT = re.compile(
    rf"""
    [\W\d]{{0,3}}(?P<place>[^\W\d_][\w'’.-]{{0,40}})                  # the sentence's first word
    (?:\s+[^\W\d_][\w'’.-]{{0,40}}){{0,2}}?                            # maybe two more
    \s+(?P<verb>{_cue("place_subject_verbs")})\b
    """,
    re.VERBOSE,
)
RE_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]{0,40}")
RE_NAME_GAP = re.compile(r"\s+[^\W\d_]")  # white space, then the next word
NOT_PLACES = frozenset(words("binding.not_place_words"))

# A year that dates the figure's vote: not one that dates something else ("born in 1952",
# "until 2030", "by 2030"). "since 1994" stays: "ruled since 1994, when he won 80.6%".
RE_PINNING_YEAR = re.compile(
    _not_after("not_pinning_before", " ")
    + r"\b(1[89]\d\d|2[01]\d\d)\b(?!\s?\(?\d)"  # "von 2018 (67,54 Prozent)": the next figure's
)

# A name the figure leaves out: "excluding Sevastopol, 96.77% backed joining Russia".
RE_EXCLUDING_BEFORE = compile_cues(rf"\b{_cue('excluding_words')}\s+{_THE}?$")

RE_LIST_JOIN = compile_cues(r"^[^\d.;:]{0,24}$")

RE_LIST_NEXT = re.compile(rf"\s*(?:,\s*)?{_cue('and_words')}\s+{_cue('list_prepositions')}\s")

RE_PAIR_LINK = re.compile(rf",?\s*{_cue('pair_links')}\s+{_THE}?")

RE_TURNOUT_AFTER = compile_cues(rf"^\s*{_cue('turnout_after_words')}")  # "77% turnout"
# "85.7% took part" is a turnout; "82.86% of those who took part voted yes" is not.
RE_TOOK_PART_AFTER = compile_cues(
    rf"^(?![^.;]{{0,20}}\b{_cue('relative_pronouns')}\b)[^.;]{{0,20}}\b{_cue('took_part_words')}"
)
RE_CHOICE = compile_cues(rf"\b{_cue('choice_words')}\b")
# "In Luhansk the figure was 98.4%": the measure of the sentence before, carried over.
RE_SAME_MEASURE = compile_cues(_cue("same_measure_words"))


# A percentage that measures a change, not a level: "rose by almost 10%", "was up 15%",
# "fell 7%", "a 3% swing", "15% more than in 2018".
RE_CHANGE_BEFORE = compile_cues(
    rf"\b{_cue('change_verbs')}\s+{_cue('change_by', after=_SPACE)}?{_cue('change_hedges', after=_SPACE)}?$"
)
RE_CHANGE_AFTER = compile_cues(rf"^\s*{_cue('change_after_words')}\b")

# The rest of a field of candidates, named before its share.
RE_REST_OF_FIELD = compile_cues(r"\b" + _cue("rest_of_field_words"))
# "87.28% of the vote, or 76,277,708 ballots": a share and its count, same subject.
RE_OR_PAIR = compile_cues(
    rf"^[^,.;\d]{{0,25}},\s*{_cue('or_words')}\s+{_cue('or_pair_hedges', after=_SPACE)}?$"
)
# "51.9% to 48.1%", "17,410,742 votes against 16,141,241": the other side of a two-way contest.
RE_VERSUS = compile_cues(
    rf"^\s*{_cue('versus_lead', after=_SPACE)}?{_cue('versus_units', after=_SPACE)}?"
    rf"{_cue('versus_words')}\s+$"
)
# A margin between two sides, not either side's figure: "a margin of 11,596 votes", "his
# popular-vote margin was 7,059,526", "a lead of 2%", "Vorsprung von 5 Prozent".
RE_MARGIN = compile_cues(
    rf"{_cue('margin_nouns')}(?:\s+{_cue('margin_links')})*\s+{_cue('margin_hedges', after=_SPACE)}?$"
    rf"|\b{_cue('margin_verbs')}\s+{_cue('margin_objects', after=_SPACE)}?"
    + alternation("margin_by", after=_SPACE)  # the checks' 'by' ("won by 5 points")
    + rf"{_cue('margin_by_hedges', after=_SPACE)}?$"
    + "|"
    + alternation("margin_by", before=r"\b")
    + rf"\s+{_cue('margin_minimizers')}\s+$"
)

# A percentage after "a majority of" or "won by" is a share, not a margin: "won by 51.9% to
# 48.1%" (substrings of the margin cue, and its whitespace-separated words).
MAJORITY_NOUNS = words("binding.majority_nouns")
MARGIN_BY = frozenset(words("margin_by"))

# "all four regions voted", "in four occupied regions", "the two breakaway republics": a
# count of the places that held a vote, checked against elections.csv's ``regions``.
RE_REGIONS_AFTER = re.compile(
    rf"\s+(?:{_cue('region_count_adjectives')}\s+){{0,3}}{_cue('region_count_nouns')}\b"
)

RE_AFTER_STOP = re.compile(r"[\d,;.:%]")
# The option written after the figure, in group ``yes`` or ``no``.
_NO_OPTION = alternation(["binding.no_option_words", "binding.against_option_words"])
RE_OWN_OPTION = re.compile(
    rf"""
    ^\s+(?:{_cue("own_option_voters")}\s+)?
    (?:{_cue("own_option_places")}\s+{_THE}?[\w'’-]+(?:\s+[\w'’-]+)?\s+)?   # "people in Donetsk"
    (?:{_cue("own_option_who", after=_SPACE)}?{_cue("own_option_verbs")}\s+)?   # "voting", "who voted"
    (?:(?P<yes>{_cue("yes_option_words")})|(?P<no>{_NO_OPTION}))
    \b(?!\s+{_cue("not_option_after")})           # the option itself
    """,
    re.VERBOSE,
)
# The option written just before the figure: "Yes 50.46%, No 49.54%".
RE_OPTION_BEFORE = re.compile(
    rf"(?:^|[\s,;(])(?:(?P<yes>{_cue('yes_option_words')})|(?P<no>{_cue('no_option_words')}))\W{{0,3}}$"
)

# At most one word between a verb and its object ("backed staying", "supported the").
RE_VERB_GAP = re.compile(r"\s+(?:[^\W\d_][\w'’-]*\s+)?")

RE_VOTE_WORDS = compile_cues(_cue("vote_words"))

# A name then a comma right before an age: "Ksenia Sobchak, 36,".
RE_APPOSED_NAME = re.compile(rf"[A-ZÀ-ÞА-ЯЁІЇЄҐ][\w'’.-]*,\s*{_cue('age_links', after=_SPACE)}?$")
RE_DEATH = compile_cues(_cue("death_words", before=r"\b"))
