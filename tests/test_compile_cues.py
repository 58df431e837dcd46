"""compile_cues: the rewritten pattern finds exactly what the pattern as written finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checker.bind.cues as bind
from checker.elections import KIND_CUES
from checker.sentences import compile_cues

# The cue patterns of binding, as written (compile_cues' rewrite undone).
RE_REWRITTEN = re.compile(r"([^\W\d_])\(\?<!\\w\1\)")
BIND_CUES = {
    name: (RE_REWRITTEN.sub(r"\\b\1", value.pattern), value.flags)
    for name, value in sorted(vars(bind).items())
    if isinstance(value, re.Pattern)
}
BIND_CUES.update(
    {f"KIND_CUES[{k}]": (RE_REWRITTEN.sub(r"\\b\1", v.pattern), v.flags) for k, v in KIND_CUES.items()}
)

OWN = {
    "words": (r"\bwon\b|\bwin(?:s|ning)?\b|\btook\b(?!\s+part)|\bab?c", 0),
    "quantified_first_letter": (r"\bx?yz|\bq*r|\bs{2}t", 0),
    "escaped_backslash": (r"\\bvote|\bvote", 0),
    "ignorecase": (r"\bvot(?:e|es)\b|\bбал", re.IGNORECASE),
}

# Letters (Latin, Cyrillic, with diacritics), digits, separators and punctuation.
TEXT = st.text(alphabet=st.sampled_from(list("abcenostvwxyzqrBVWтзаб é1_ \n.,;'\\-")), max_size=60)
WORDS = st.lists(
    st.sampled_from(
        [
            "won",
            "swon",
            "win",
            "wins",
            "took",
            "part",
            "vote",
            "votes",
            "yes",
            "polls",
            "against",
            "за",
            "backed",
            "support",
            "turnout",
            "x",
            "xyz",
            "yz",
            "ssst",
            "1",
            "_",
            "\\",
            " ",
            ", ",
            ". ",
        ]
    ),
    max_size=12,
).map(" ".join)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted({**BIND_CUES, **OWN}))
@settings(max_examples=300, deadline=None)
@given(text=st.one_of(TEXT, WORDS), cut=st.integers(0, 60))
def test_same_matches(name: str, text: str, cut: int) -> None:
    source, flags = {**BIND_CUES, **OWN}[name]
    written, fast = re.compile(source, flags), compile_cues(source, flags)
    assert _spans(fast, text) == _spans(written, text)
    # a search from an offset sees the text before it in both
    assert (fast.search(text, cut) is None) == (written.search(text, cut) is None)


def test_bind_cues_are_rewritten() -> None:
    assert compile_cues(BIND_CUES["RE_SHARE"][0], re.VERBOSE).pattern == bind.RE_SHARE.pattern
    assert "(?<!\\w" in bind.RE_SHARE.pattern
