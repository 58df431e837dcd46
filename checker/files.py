"""What every report writer shares: atomic file writes, one run per report folder, and
cells that cannot run as spreadsheet formulas (the claim report and forensics use them).

Atomic file writes inside one output folder, and one run per report folder.

Every report file is written to a temporary file in the same folder and moved into place
with ``os.replace``, so a reader (or a crash, or a full disk) never sees half a file: the
old file stays until the new one is complete. Failures become
:class:`checker.errors.OutputError` naming the file.

A run writes its files into a staging folder inside the report folder (:func:`staging`)
and moves them in when it ends, under a lock, after removing the previous run's files: a
report folder never mixes two runs (two runs into one ``--out`` at once, or a run that
failed after findings.json). A run killed outright (SIGKILL) leaves only its staging
folder, which the next run removes; the previous report stays whole.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import IO

from checker.errors import OutputError

log = logging.getLogger(__name__)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Lone surrogates: the bytes of a file name that are not UTF-8 (Python keeps them as
# U+DC80-U+DCFF, "surrogateescape"), or a "\ud800" escape in a JSON string. No UTF-8 writer
# can encode them.
RE_SURROGATE = re.compile("[\ud800-\udfff]")

Writer = Callable[[IO[bytes]], None]


def printable(text: str | os.PathLike[str]) -> str:
    """A name (or path) as text any writer can encode: each byte of a file name that is not
    UTF-8 becomes ``\\xNN``, any other lone surrogate ``\\uXXXX``.

    Ids, report paths and messages use this form; the file itself is still opened by its real
    path. A name that is valid UTF-8 comes back unchanged.

    >>> printable(os.fsdecode(b"Wahl_M\\xe4rz.txt"))
    'Wahl_M\\\\xe4rz.txt'
    >>> printable("Wahl_März.txt")
    'Wahl_März.txt'
    """
    value = os.fspath(text)
    if not RE_SURROGATE.search(value):
        return value
    return RE_SURROGATE.sub(_escape_surrogate, value)


def _escape_surrogate(m: re.Match[str]) -> str:
    code = ord(m[0])
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def safe_child(folder: Path, name: str) -> Path:
    """``folder / name`` for a plain file name; anything that could leave the folder is refused.

    Names are meant to come from us, but a name derived from an input (an article id, an
    election id) must never become ``../../somewhere``.

    >>> safe_child(Path("out"), "findings.json").as_posix()
    'out/findings.json'
    >>> safe_child(Path("out"), "../x")
    Traceback (most recent call last):
    ...
    checker.errors.OutputError: cannot write out/../x: not a plain file name inside the output folder
    """
    bad = (
        not name
        or name in (".", "..")
        or "/" in name
        or "\\" in name
        or "\0" in name
        or Path(name).is_absolute()
        or Path(name).name != name
    )
    if bad:
        raise OutputError(str(folder / name), "not a plain file name inside the output folder")
    return folder / name


def ensure_folder(folder: Path) -> Path:
    """Create the output folder (and parents) or raise OutputError saying why it cannot be."""
    if folder.exists() and not folder.is_dir():
        # mkdir would only say "File exists", which does not tell the user what to change.
        raise OutputError(str(folder), "the output path exists and is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(folder), f"cannot create the output folder ({exc.strerror or exc})") from exc
    if not folder.is_dir():
        raise OutputError(str(folder), "the output path exists and is not a folder")
    return folder


def write_atomic(path: Path, write: Writer) -> Path:
    """Write ``path`` through ``write(handle)`` on a temporary file, then move it into place.

    On any failure the temporary file is removed, any earlier ``path`` is left untouched,
    and OutputError(path, reason) is raised.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.txt", lambda fh: fh.write(b"hello")).read_bytes()
    b'hello'
    """
    tmp_name: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            mode="wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as handle:
            tmp_name = handle.name
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)  # NamedTemporaryFile creates 0600; reports are meant to be shared
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise OutputError(str(path), exc.strerror or str(exc)) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    log.info("wrote %s", path)
    return path


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """:func:`write_atomic` for content that is already in memory."""

    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    return write_atomic(path, write)


STAGING_PREFIX = ".checkfigures-staging-"
LOCK_NAME = ".checkfigures.lock"


@contextlib.contextmanager
def staging(out_dir: Path, ours: Collection[str]) -> Iterator[Path]:
    """A fresh staging folder inside ``out_dir``; what it holds at the end replaces the run.

    ``ours`` names the files and folders a run owns in ``out_dir``. On leaving (normally, on
    an error or on SIGTERM) whatever the run has written goes in and every other one of
    ``ours`` from an earlier run goes out; if it wrote nothing, the earlier run stays.

    >>> out = Path(tempfile.mkdtemp())
    >>> _ = (out / "old.csv").write_text("old run")
    >>> with staging(out, {"old.csv", "new.json"}) as stage:
    ...     _ = (stage / "new.json").write_text("new run")
    >>> sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    ['new.json']
    """
    ensure_folder(out_dir)
    _remove_stale(out_dir, ours)
    try:
        stage = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out_dir))
    except OSError as exc:
        raise OutputError(str(out_dir), f"cannot create a staging folder ({exc.strerror or exc})") from exc
    try:
        yield stage
    finally:
        try:
            if any(stage.iterdir()):
                _publish(stage, out_dir, ours)
        finally:
            shutil.rmtree(stage, ignore_errors=True)


@contextlib.contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    """An exclusive lock on the report folder (no-op where ``fcntl`` does not exist)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        handle = open(out_dir / LOCK_NAME, "a+b")  # noqa: SIM115 - held for the with block
    except OSError as exc:
        raise OutputError(str(out_dir / LOCK_NAME), exc.strerror or str(exc)) from exc
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _publish(stage: Path, out_dir: Path, ours: Collection[str]) -> None:
    with _locked(out_dir):
        try:
            for name in ours:  # the earlier run's files go first: the folder holds one run
                old = out_dir / name
                if old.is_dir() and not old.is_symlink():
                    shutil.rmtree(old)
                elif old.exists() or old.is_symlink():
                    old.unlink()
            for item in sorted(stage.iterdir()):
                os.replace(item, out_dir / item.name)
        except OSError as exc:
            raise OutputError(
                str(out_dir), f"cannot move the report into place ({exc.strerror or exc})"
            ) from exc


def process_alive(pid: int) -> bool:
    """True while a process with this id exists (ours or another user's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _remove_stale(out_dir: Path, ours: Collection[str]) -> None:
    """Staging folders of runs that died (SIGKILL), and temporary files of older versions."""
    for item in out_dir.glob(f"{STAGING_PREFIX}*"):
        pid = item.name[len(STAGING_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(item, ignore_errors=True)
    for name in ours:
        for tmp in out_dir.glob(f".{name}.*.tmp"):
            with contextlib.suppress(OSError):
                tmp.unlink()


def defuse(value: str) -> str:
    """A cell starting with = + - @ would run as a spreadsheet formula: prefix a quote."""
    return "'" + value if value.startswith(FORMULA_START) else value
