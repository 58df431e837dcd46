"""One error hierarchy. Exceptions keep structured fields and build their own message.

Library code raises these; only ``cli.py`` turns them into ``Error: ...`` and an exit code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class CheckerError(Exception):
    """Base class of every error checkfigures raises on purpose."""

    exit_code = 3

    def __str__(self) -> str:  # pragma: no cover - subclasses override
        return super().__str__()


class UsageError(CheckerError):
    """The user asked for something that cannot be done (bad option value, no input)."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a file: ``file:line: message``."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


class ReferenceDataError(CheckerError):
    """Reference tables failed validation; ``problems`` lists every problem found."""

    exit_code = 3

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        head = f"reference data has {len(self.problems)} problem(s); fix them or leave the table out:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


class _PathError(CheckerError):
    """An error about one path, with the reason in plain words."""

    exit_code = 3

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(str(self))


class InputError(_PathError):
    """An input path cannot be used at all (missing path, not a file or folder)."""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class OutputError(_PathError):
    """A report file could not be written."""

    def __str__(self) -> str:
        return f"cannot write {self.path}: {self.reason}"


class TableError(CheckerError):
    """A precinct table (forensics) is unusable: missing columns, impossible counts."""

    exit_code = 3

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
