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
    missing = {code: lang.missing(code) for code in OTHERS}
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
        heads = []  # the word of each entry: the entry, or the first item of [word, value, ...]
        for entry in entries:
            word = entry[0] if isinstance(entry, list) and len(entry) >= 2 else entry
            if not isinstance(word, str) or not word:
                problems.append(f"{key}: {entry!r} is not a non-empty string or [word, value, ...]")
                continue
            heads.append(word)
            try:
                re.compile(f"(?:{word})")
            except re.error as e:
                problems.append(f"{key}: {entry!r} does not compile ({e})")
        repeated = sorted({e for e in heads if heads.count(e) > 1})
        if repeated:
            problems.append(f"{key}: repeated {repeated}")
    assert not problems, f"{code}:\n" + "\n".join(problems)


def test_missing_key_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """The key check finds a hole: a language with one key dropped fails it."""
    assert lang.missing("de") == []
    real = lang.table
    german = {k: v for k, v in real("de").items() if k != "poll_words"}
    monkeypatch.setattr(lang, "table", lambda code: german if code == "de" else real(code))
    assert lang.missing("de") == ["poll_words"]


def test_value_tables_read_as_pairs() -> None:
    assert ("acht", 8) in lang.pairs("number_words", ("de",))
    with pytest.raises(TypeError):
        lang.words("number_words", ("de",))


def test_alternation_keeps_language_order_and_drops_repeats() -> None:
    assert lang.words("early_voting_words", ("fr", "es", "pt")) == ("anticip", "antecipad")
    assert lang.alternation("no_such_key") == "(?!)"
