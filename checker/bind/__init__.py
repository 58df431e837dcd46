"""Mention + gazetteer -> Claim: what each figure is about.

A claim names the ``election`` (an id of reference_data/elections.csv), the ``entity``
the text ties the figure to (a region, candidate, party or person, canonical), the
``measure`` (vote_share, turnout, votes, registered, age, elapsed, date, count, other), the
``scope`` (final, partial, preliminary, exit_poll, sub_population, claimed_by, unknown) and
the reference keys ``region``/``option``, and carries its :class:`~checker.model.Binding`:
the flags the checks act on, from which the report's note is written.

Binding is conservative: a figure whose subject is not clear stays unbound (measure
"other", no election) and is reported, never guessed. A number goes through ordered steps
(:mod:`checker.bind.binder`), each in its own module:

1. :mod:`~checker.bind.measure`: cue words around the figure ("turnout", "backed",
   "votes", "registered"), or the measure of the figure paired with it.
2. :mod:`~checker.bind.entity`: "X and Y ... A% and B%, respectively" binds in order;
   "A% in X" binds forward; otherwise the nearest name before the figure in its clause.
3. :mod:`~checker.bind.election`: the article's elections ranked by the names, kinds and
   years in it and by recency; a year in the sentence pins one.
4. :mod:`~checker.bind.place`: the reference keys ``region`` and ``option``.
5. :mod:`~checker.bind.scope`: "exit poll", "preliminary", "with 50% of ballots counted",
   "votes abroad", "the opposition says", and the calendar.
6. :mod:`~checker.bind.doubt`: whether the sentence itself says which vote it is from.

Ages, spans and dates are bound by :mod:`~checker.bind.calendar`; every word binding
looks for is in :mod:`~checker.bind.cues`.
"""

from __future__ import annotations

from checker.bind.binder import bind_mentions
from checker.bind.context import claim_id
from checker.bind.election import rank_elections

__all__ = ["bind_mentions", "claim_id", "rank_elections"]
