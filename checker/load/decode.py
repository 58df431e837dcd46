"""Bytes -> text: byte-order marks, UTF-8, legacy code pages, binary and control checks.

The order in which encodings are tried is given in :mod:`checker.load`.
"""

from __future__ import annotations

import codecs
import logging
import re
import stat
import unicodedata
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)

# --- limits and names ----------------------------------------------------------------------

MEGABYTE = 1024 * 1024
MAX_BYTES = 200 * 1024 * 1024  # beyond this a "news article" is a mistake (a dump, a disk image)
LARGE_BYTES = 50 * 1024 * 1024  # read, but worth a log line
SAMPLE_BYTES = 64 * 1024  # what binary checks and encoding detection look at
BINARY_NUL_SHARE = 0.01  # more NUL bytes than this share (and than BINARY_MIN_NULS): binary
BINARY_MIN_NULS = 8  # a few stray NULs in a short text are damage, not a binary format
BINARY_CONTROL_SHARE = 0.05  # more control characters than this after decoding: binary
IMPLAUSIBLE_SHARE = 0.02  # a decoding with more wrong-code-page marks than this is garbage
IMPLAUSIBLE_MIN = 3  # ... and than this many (a stray "km²" is fine)

# File signatures of binary formats people drop into article folders by mistake.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\xd0\xcf\x11\xe0", "old Office document"),
)

# Byte-order marks; UTF-32 LE first because its BOM starts with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Encodings news text is written in. charset-normalizer also proposes DOS and exotic code
# pages (cp775, cp1125, hp-roman8, shift_jis_2004...) for short texts; decoding with one of
# those garbles letters, so its guesses are limited to these.
NEWS_CODECS = frozenset(
    {
        "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
        "iso8859-1", "iso8859-2", "iso8859-4", "iso8859-5", "iso8859-7", "iso8859-9", "iso8859-13",
        "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "mac-cyrillic", "cp866", "gb2312", "gbk",
        "gb18030", "big5", "big5hkscs", "shift_jis", "cp932", "euc_jp", "iso2022_jp", "euc_kr",
        "cp949", "cp874", "tis-620", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
    }
)  # fmt: skip

# Tried after charset-normalizer's guesses: the code pages of most non-UTF-8 news archives
# in the languages we cover (Western, Central European, Russian/Ukrainian x2).
FALLBACK_CODECS = ("cp1252", "cp1250", "cp1251", "koi8-r")

UNDECODABLE = "not valid UTF-8, cp1252 or any detected encoding"

# Control characters that cannot be part of article text, each replaced by one space so
# that offsets do not move: C0 except tab and newline, DEL, and C1.
_CONTROL_CODES = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]
CONTROL_TO_SPACE: dict[int, str] = {code: " " for code in _CONTROL_CODES}
# A lone surrogate (from a JSON string escape such as \ud800) is no character at all and no writer
# can encode it: it becomes U+FFFD, the replacement character, one for one.
CONTROL_TO_SPACE.update({code: "\ufffd" for code in range(0xD800, 0xE000)})
RE_CONTROL = re.compile("[" + "".join(map(chr, _CONTROL_CODES)) + "]")

RE_NON_ASCII_BYTE = re.compile(
    rb"""
    [\x80-\xff]                   # the first byte outside ASCII
    """,
    re.VERBOSE,
)


# --- bytes -> text -------------------------------------------------------------------------


class _Unreadable(Exception):
    """An input that cannot become an article; ``reason`` is the sentence to report."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def clean_text(text: str) -> str:
    """Line endings to ``\\n``; every other control character to one space, a lone
    surrogate to U+FFFD.

    >>> clean_text("a\\r\\nb\\rc\\x00d")
    'a\\nb\\nc d'
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(CONTROL_TO_SPACE)


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _too_many_nuls(nuls: int, size: int) -> bool:
    # A stray NUL or two in text is damage to repair; binary formats are full of them.
    return nuls > max(BINARY_MIN_NULS, BINARY_NUL_SHARE * size)


def _utf16_without_bom(sample: bytes) -> str | None:
    """The UTF-16 codec whose ASCII high bytes (NUL) sit at every other position, if any."""
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _detected(data: bytes) -> list[str]:
    """charset-normalizer's guesses that news text plausibly uses, best first, as codec names."""
    from charset_normalizer import from_bytes

    guesses = []
    for match in from_bytes(data):
        name = _codec_name(match.encoding)
        if name == "iso8859-1":  # as browsers do: cp1252 is latin-1 plus quotes and dashes
            name = "cp1252"
        if name and name in NEWS_CODECS and name not in guesses:
            guesses.append(name)
    return guesses


def _decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode an article's bytes: (text, codec name). See :mod:`checker.load` for the order.

    Raises ``_Unreadable`` with the reason to report.

    >>> _decode_bytes("Turnout “76%” – final".encode("cp1252"))
    ('Turnout “76%” – final', 'cp1252')
    """
    if not data:
        raise _Unreadable("empty file")
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = _try_decode(data, codec)
            if text is None:
                raise _Unreadable(f"not valid {codec.upper()} although it starts with a {codec.upper()} mark")
            return text.lstrip("\ufeff"), codec
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise _Unreadable(f"binary file ({kind})")
    sample = data[:SAMPLE_BYTES]
    nul = sample.count(0)
    # ASCII in UTF-16 is valid UTF-8 too (with a NUL after every letter): test it first.
    codec16 = _utf16_without_bom(sample) if nul else None
    if codec16 and (text := _try_decode(data, codec16)) is not None:
        return text, codec16
    text = _try_decode(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    if _too_many_nuls(nul, len(sample)):
        raise _Unreadable("binary file (contains NUL bytes)")
    mixed = _decode_mixed(data, declared)
    if mixed is not None:
        return mixed
    window = _non_ascii_window(data)
    return _most_plausible(data, window, _candidates(window, declared))


def _candidates(window: bytes, declared: str | None) -> list[str]:
    """Legacy codecs to try, best first: a declared charset, detection's guesses, fallbacks."""
    candidates: list[str] = []
    if declared and (name := _codec_name(declared)) and name not in ("utf-8", "utf-16", "utf-32"):
        candidates.append(name)
    return [*candidates, *_detected(window), *FALLBACK_CODECS]


def _decode_mixed(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """A UTF-8 file with some lines in a legacy code page: each line in its own encoding.

    Text pasted from an old page into a UTF-8 file is not valid UTF-8 as a whole, but its
    UTF-8 lines must not be re-read as cp1252 ("KrakÃ³w") or worse (cp874 gives Thai
    letters). When at least one line holds valid non-ASCII UTF-8, the UTF-8 lines are kept
    and the other lines are decoded together with the most plausible legacy codec. Returns
    None when no line is UTF-8 beyond ASCII (a legacy file: the caller decides).
    """
    lines = data.splitlines(keepends=True)
    utf8 = [
        _try_decode(line, "utf-8") if RE_NON_ASCII_BYTE.search(line) else line.decode("ascii")
        for line in lines
    ]
    if not any(text is not None and not text.isascii() for text in utf8):
        return None
    legacy = b"".join(line for line, text in zip(lines, utf8, strict=True) if text is None)
    window = _non_ascii_window(legacy)
    _, codec = _most_plausible(legacy, window, _candidates(window, declared))
    parts = [
        text if text is not None else line.decode(codec, errors="replace")
        for line, text in zip(lines, utf8, strict=True)
    ]
    return "".join(parts), f"utf-8+{codec}"


def _implausible(text: str) -> int:
    """How many characters look like a wrong code page: a low count means a plausible text.

    Counts symbols glued to letters ("wynios³a", "£odzi": Polish read as cp1252), control
    characters, and capitals right after a small letter ("éÔÏÇÉ": KOI8-R read as cp1252,
    "иТОГИ": KOI8-R read as cp1251), which real words almost never have.
    """
    count = 0
    previous_lower = False
    previous_script = ""
    for i, ch in enumerate(text):
        if ch.isalpha():
            script = _script(ch)
            if (previous_lower and ch.isupper()) or (previous_script and script != previous_script):
                count += 1
            previous_lower = ch.islower()
            previous_script = script
            continue
        previous_lower = False
        previous_script = ""
        if ord(ch) < 0x80:
            continue
        category = unicodedata.category(ch)
        glued = (i > 0 and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha())
        if category[0] == "C" or (glued and (category[0] == "S" or category == "No")):
            count += 1
    return count


def _script(ch: str) -> str:
    """The script of a letter, coarsely: a word that switches script mid-way ("Krakรณw",
    Polish read as Thai cp874) is a wrong code page, not a real word."""
    code = ord(ch)
    if code < 0x250 or 0x1E00 <= code < 0x1F00:
        return "latin"
    if 0x370 <= code < 0x400 or 0x1F00 <= code < 0x2000:
        return "greek"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    return "other"


def _non_ascii_window(data: bytes) -> bytes:
    """The bytes that tell encodings apart: a window from just before the first non-ASCII byte.

    An article can run for pages of ASCII before its first "é" or "Я"; detection and
    plausibility must look there, not at the ASCII head.
    """
    m = RE_NON_ASCII_BYTE.search(data)
    start = max(0, m.start() - 1024) if m else 0
    return data[start : start + 4 * SAMPLE_BYTES]


def _most_plausible(data: bytes, window: bytes, codecs_to_try: Sequence[str]) -> tuple[str, str]:
    """Decode with the candidate codec whose text looks least like a wrong code page.

    Statistical detection is unreliable on short texts (a news item is short): Polish in
    cp1250 passes for cp1252, KOI8-R for Shift-JIS. Ties go to the first codec tried (a
    declared charset, then charset-normalizer's best guesses, then cp1252).
    """
    best: tuple[int, str, str] | None = None
    for codec in dict.fromkeys(codecs_to_try):
        text = _try_decode(data, codec)
        if text is None:
            continue
        # The window may cut a multi-byte character at its ends: ignore those bytes there.
        score = _implausible(window.decode(codec, errors="ignore"))
        if best is None or score < best[0]:
            best = (score, text, codec)
        if score == 0:
            break
    if best is None or best[0] > max(IMPLAUSIBLE_MIN, IMPLAUSIBLE_SHARE * len(window)):
        raise _Unreadable(UNDECODABLE)
    score, text, codec = best
    if codec != "cp1252" and _try_decode(data, "cp1252") == text:
        codec = "cp1252"  # cp1250 and others agree with it on most bytes: name the commonest
    return text, codec


def _check_text(text: str) -> None:
    """Reject decoded text that is empty or mostly control characters."""
    if not text.strip():
        raise _Unreadable("empty file (only white space)")
    sample = text[:SAMPLE_BYTES]
    controls = len(RE_CONTROL.findall(sample))
    if _too_many_nuls(sample.count("\x00"), len(sample)):
        raise _Unreadable("binary file (contains NUL bytes)")
    if controls > BINARY_CONTROL_SHARE * len(sample):
        raise _Unreadable("binary file (mostly control characters)")


def _os_reason(err: OSError) -> str:
    if isinstance(err, PermissionError):
        return "permission denied"
    return (err.strerror or str(err)).lower()


def _load_bytes(path: Path) -> bytes:
    """Read a regular file of at most ``MAX_BYTES``; raises ``_Unreadable`` otherwise."""
    try:
        info = path.stat()
    except OSError as err:
        raise _Unreadable(f"cannot read file: {_os_reason(err)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise _Unreadable("not a regular file")
    if info.st_size > MAX_BYTES:
        size, limit = info.st_size // MEGABYTE, MAX_BYTES // MEGABYTE
        raise _Unreadable(f"file too large ({size} MB; the limit is {limit} MB)")
    if info.st_size > LARGE_BYTES:
        log.info("%s: large file (%d MB)", path, info.st_size // (1024 * 1024))
    try:
        with path.open("rb") as f:
            # read(n) allocates n bytes up front: ask for the size stat gave (plus one byte to
            # notice a file that grew since), not for the limit, which cost 200 MB a file
            data = f.read(min(info.st_size, MAX_BYTES) + 1)
            if len(data) > info.st_size:
                data += f.read(MAX_BYTES + 1 - len(data))
    except OSError as err:
        raise _Unreadable(f"cannot read file: {_os_reason(err)}") from None
    if len(data) > MAX_BYTES:
        raise _Unreadable(f"file too large (over {MAX_BYTES // (1024 * 1024)} MB)")
    return data


def _load_text(path: Path, declared: str | None = None) -> tuple[str, str]:
    """Read and decode a file: (text as the extractor sees it, codec name)."""
    text, codec = _decode_bytes(_load_bytes(path), declared)
    _check_text(text)
    return clean_text(text), codec
