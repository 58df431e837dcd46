"""Atomic file writes inside one output folder.

Every report file is written to a temporary file in the same folder and moved into place
with ``os.replace``, so a reader (or a crash, or a full disk) never sees half a file: the
old file stays until the new one is complete. Failures become
:class:`checker.errors.OutputError` naming the file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from checker.errors import OutputError

log = logging.getLogger(__name__)

Writer = Callable[[IO[bytes]], None]


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
