"""The language files: every key English has, entries that compile, no repeated entry."""

from __future__ import annotations

import re

import pytest

from checker import lang

OTHERS = [code for code in lang.LANGUAGES if code != "en"]


def _entries(code: str, key: str) -> list[str]:
    node: object = lang.table(code)
    for part in key.split("."):
        node = node.get(part, []) if isinstance(node, dict) else []
    assert isinstance(node, list), f"{code}: {key} is not a list"
    return node


def test_every_language_has_the_english_keys() -> None:
    english = lang.keys("en")
    missing = {code: sorted(english - lang.keys(code)) for code in OTHERS}
    missing = {code: keys for code, keys in missing.items() if keys}
    assert not missing, "keys missing (fill them or explain them in [gaps]):\n" + "\n".join(
        f"  {code}: {', '.join(keys)}" for code, keys in missing.items()
    )


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_empty_keys_are_explained_and_gaps_are_empty(code: str) -> None:
    gaps = lang.table(code).get(lang.GAPS, {})
    empty = {key for key in lang.filled(code) if not _entries(code, key)}
    assert not sorted(empty - set(gaps)), f"{code}: empty keys without a reason in [gaps]"
    assert not [key for key in gaps if _entries(code, key)], f"{code}: [gaps] names keys that have words"
    assert all(isinstance(reason, str) and reason.strip() for reason in gaps.values())


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_entries_compile_and_do_not_repeat(code: str) -> None:
    problems = []
    for key in sorted(lang.filled(code)):
        entries = _entries(code, key)
        for entry in entries:
            if not isinstance(entry, str) or not entry:
                problems.append(f"{key}: {entry!r} is not a non-empty string")
                continue
            try:
                re.compile(f"(?:{entry})")
            except re.error as e:
                problems.append(f"{key}: {entry!r} does not compile ({e})")
        repeated = sorted({e for e in entries if entries.count(e) > 1})
        if repeated:
            problems.append(f"{key}: repeated {repeated}")
    assert not problems, f"{code}:\n" + "\n".join(problems)


def test_missing_key_is_reported() -> None:
    """The key check finds a hole: a language with one key dropped fails it."""
    keys = lang.keys("de") - {"poll_words"}
    assert sorted(lang.keys("en") - keys) == ["poll_words"]


def test_alternation_keeps_language_order_and_drops_repeats() -> None:
    assert lang.words("early_voting_words", ("fr", "es", "pt")) == ("anticip", "antecipad")
    assert lang.alternation("no_such_key") == "(?!)"
