"""A claim's note, the report's account of how the figure was bound, made from its flags.

The note is prose for a person; nothing decides anything on it. Every text is here, keyed
by the flag (or stop, or scope cue) it reports; notes of one claim are joined by "; " in
the order of the steps that set them.
"""

from __future__ import annotations

from checker.model import Binding

# English report prose, like the report's other messages (checker/report): not words the
# checker matches, so they stay here rather than in checker/lang.
NOTES: dict[str, str] = {
    # stops: the note is the stop's alone
    "progress": "share counted",
    "margin": "margin",
    "change": "a change, not a level",
    "no_measure": "",
    "opinion_poll": "opinion poll, not a result",
    "no_election": "no election found",
    "ambiguous_election": "election ambiguous",
    "region_count": "the number of regions that held the vote",
    # flags of a bound figure
    "respectively": "bound by a 'respectively' list",
    "parallel": "parallel to the shares given before it",
    "region_carried": "region carried from an earlier sentence",
    "measure_carried": "measure carried from the previous sentence",
    "election_carried": "election and region carried from the previous figure",
    "unnamed_vote": "the sentence does not name the vote",
    "other_side_of": "the other side of “{figure}”",
    "region_defaulted": "region carried from an earlier sentence or the whole contest",
    # scope cues
    "exit_poll": "exit poll",
    "claimed_by": "claimed by the opposition or an independent count",
    "partial": "partial or early count",
    "sub_population": "a sub-population (votes abroad, one territory)",
    "unknown_place": "about “{place}”, a place the reference tables do not cover",
    "before_final": "published {published} before the final result ({final})",
}


def note_of(b: Binding) -> str:
    """The note of a claim bound as ``b`` says.

    >>> note_of(Binding(measure_carried=True, election_pinned_by="none"))
    'measure carried from the previous sentence; the sentence does not name the vote'
    >>> note_of(Binding(stop="margin", respectively=True))
    'margin'
    """
    if b.region_count:
        return NOTES["region_count"]
    if b.stop is not None:
        return NOTES[b.stop]
    notes = []  # in the order of the steps that set them
    if b.respectively:
        notes.append(NOTES["respectively"])
    if b.parallel:
        notes.append(NOTES["parallel"])
    if b.region_carried:
        notes.append(NOTES["region_carried"])
    if b.measure_carried:
        notes.append(NOTES["measure_carried"])
    if b.election_carried:
        notes.append(NOTES["election_carried"])
    if b.election_pinned_by == "none":
        notes.append(NOTES["unnamed_vote"])
    if b.other_side_of is not None:
        notes.append(NOTES["other_side_of"].format(figure=b.other_side_of))
    if b.region_defaulted:
        notes.append(NOTES["region_defaulted"])
    if b.scope_cue is not None:
        notes.append(_scope_note(b))
    return "; ".join(notes)


def _scope_note(b: Binding) -> str:
    if b.scope_cue == "unknown_place":
        return NOTES["unknown_place"].format(place=b.unknown_place)
    if b.scope_cue == "before_final" and b.before_final is not None:
        published, final = b.before_final
        return NOTES["before_final"].format(published=published, final=final)
    assert b.scope_cue is not None
    return NOTES[b.scope_cue]
