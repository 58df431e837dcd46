"""The ``checkfigures forensics`` command (placeholder)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def forensics(tables: Annotated[list[Path], typer.Argument(help="Precinct-level CSV tables.")]) -> None:
    """Run election-forensics screens on precinct-level vote tables."""
    raise typer.Exit(2)
