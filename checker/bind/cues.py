"""The words binding looks for: every cue pattern of :mod:`checker.bind`, in one place.

Patterns are matched on lower-cased text unless they say otherwise (the place-name
patterns read the text as written, for its capitals). The step modules import from here
and hold no words of their own; the words naming a kind of election (``KIND_CUES``) are in
:mod:`checker.elections`, shared with the checks.
"""

from __future__ import annotations

import re

from checker.sentences import compile_cues

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

RE_YES_WORDS = compile_cues(
    r"\byes\b|backed|support|favou?r|join|approv|für|за\b|pour\b|a\s+favor|\bvoted\s+for\b"
)

RE_LATEST_VOTE = compile_cues(r"\b(?:last|latest|most\s+recent)\b[^.;]{0,40}?\b(?:election|vote|referendum)")

# A place named before a figure that the gazetteer does not know: "In Wales, Leave won
# 52.5%", "while across Scotland 62% backed Remain", "London voted 59.9% to 40.1%". Such a
# figure is about a part of the contest our tables do not hold; checked against the
# national result it would be a false discrepancy. Words are matched as letters here and
# kept only when capitalised (``\w`` has no case classes).
PLACE_NOUNS = (  # lower-case words between a preposition and a place's name
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
    {PLACE_NOUNS}{{0,3}}                                  # "in the capital", "En el estado de"
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
NOT_PLACES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday voters people residents citizens
    most many some all turnout support he she they it we i you everyone nobody both others
    total fact addition particular contrast comparison short general theory practice
    this that these those its his her their our my one each
    beim bei im am laut nach die der das den dem des ein eine einer mit auch und aber zum zur
    les la le los las el il lo gli os as del dei della une un ce cette""".split()
)

# A year that dates the figure's vote: not one that dates something else ("born in 1952",
# "until 2030", "by 2030"). "since 1994" stays: "ruled since 1994, when he won 80.6%".
RE_PINNING_YEAR = re.compile(
    r"(?<!until )(?<!till )(?<!born in )(?<!born )(?<!by )(?<!By )"
    r"\b(1[89]\d\d|2[01]\d\d)\b(?!\s?\(?\d)"  # "von 2018 (67,54 Prozent)": the next figure's
)

RE_LIST_JOIN = compile_cues(r"^[^\d.;:]{0,24}$")

RE_LIST_NEXT = re.compile(r"\s*(?:,\s*)?(?:and|und|et|y|e|и|і|oraz|és)\s+(?:in|im|en|dans|a|в|у|w)\s")

RE_PAIR_LINK = re.compile(r",?\s*(?:for|of|de|für|pour|за)\s+(?:the\s+)?")

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

RE_VOTE_WORDS = compile_cues(
    r"vot|referend|election|ballot|\bpolls?\b|wahl|выбор|голосова|abstimmung|scrutin"
)

# A name then a comma right before an age: "Ksenia Sobchak, 36,".
RE_APPOSED_NAME = re.compile(r"[A-ZÀ-ÞА-ЯЁІЇЄҐ][\w'’.-]*,\s*(?:de\s+)?$")
RE_DEATH = compile_cues(
    r"\bdied\b|\bdeath\b|\bdead\b|\bstarb|\bgestorben|\bmort\b|\bmurió|\bmorto\b|\bmorreu|\bzmarł|\bумер|\bпомер|\bскончал|\bmeghalt"
)
