r"""Regex alternations built as character tries: one prefix-factored pattern for many words.

A trie pattern is fast to scan (``re`` tries one branch per character, not one per word)
and has no nested unbounded repetition. The three word scanners of the project (dates,
numbers, gazetteer names) use it with their own separator and sharing choices.

>>> trie(["four", "fourteen", "five"])
'f(?:ive|our(?:teen)?)'
>>> trie(["may", "march", "mar"], space=r"\s+", share_tails=True, wrap=True)
'(?:ma(?:r(?:ch)?|y))'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

END = ""  # trie key marking "a word ends here" (no real character is empty)

Trie = dict[str, "Trie"]


def build_trie(words: Iterable[str]) -> Trie:
    """The character trie of ``words``; ``END`` marks where a word ends."""
    root: Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[END] = {}
    return root


def shared_first(chars: list[str], space: str = r"\s+") -> str:
    r"""First characters that share one continuation, as one pattern; a space is ``space``.

    >>> shared_first(["T", "t"]), shared_first(["x"])
    ('[Tt]', 'x')
    >>> print(shared_first([" ", "-"]), shared_first([" "]))
    (?:\s+|\-) \s+
    """
    literals = [re.escape(ch) for ch in chars if ch != " "]
    merged = f"[{''.join(literals)}]" if len(literals) > 1 else "".join(literals)
    if " " not in chars:
        return merged
    return f"(?:{space}|{merged})" if merged else space


def trie_of(node: Trie, *, space: str = r"\s{1,3}", share_tails: bool = False, folded: bool = False) -> str:
    r"""The pattern of a built trie (see :func:`trie`)."""

    def build(node: Trie) -> str:
        chars = sorted(k for k in node if k != END)
        if not share_tails or folded or any(ch.isspace() and ch != " " for ch in chars):
            parts = [(space if ch == " " else re.escape(ch)) + build(node[ch]) for ch in chars]
        else:
            # Children with the same continuation share it ("[Tt]wenty" for the capitalised
            # and lower-case forms): the pattern is several times shorter, so it compiles
            # faster. The first characters of the children exclude one another, so the order
            # of alternatives is free.
            groups: dict[str, list[str]] = {}
            for ch in chars:
                groups.setdefault(build(node[ch]), []).append(ch)
            parts = [shared_first(firsts, space) + rest for rest, firsts in groups.items()]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        # A word that ends here with longer continuations: the longer one first (greedy '?').
        return f"(?:{body})?" if END in node else body

    return build(node)


def trie(
    words: Iterable[str],
    *,
    space: str = r"\s{1,3}",
    share_tails: bool = False,
    folded: bool = False,
    wrap: bool = False,
) -> str:
    r"""A regex that matches any of ``words``, factored by prefix; the longest word wins.

    ``space``: what a space inside a word matches (one to three white-space characters by
    default). ``share_tails``: children with the same continuation share it, as a character
    class. ``folded``: the pattern is used ignoring case, where two first characters may
    both match one letter; then no continuation is shared. ``wrap``: the whole pattern in a
    non-capturing group.

    >>> trie(["Twenty", "twenty"], share_tails=True)
    '[Tt]wenty'
    """
    body = trie_of(build_trie(words), space=space, share_tails=share_tails, folded=folded)
    return "(?:" + body + ")" if wrap else body


__all__ = ["END", "Trie", "build_trie", "shared_first", "trie", "trie_of"]
