"""Package data: lexicons, gazetteers and frames as TSV files a linguist can edit.

Each file has a header row; `#` starts a comment line; `|` separates alternatives in a cell.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA_DIR = Path(str(resources.files("kg.data")))


@lru_cache(maxsize=None)
def read_tsv_path(path: Path) -> tuple[dict[str, str], ...]:
    """Rows of any TSV file in the data format (cached; treat as read-only)."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        return tuple({k: (v or "").strip() for k, v in row.items() if k} for row in reader)


def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged data file as dicts keyed by its header (cached; treat as read-only)."""
    return read_tsv_path(DATA_DIR / name)


def alternatives(cell: str) -> list[str]:
    """The `|`-separated alternatives of a cell, blanks dropped."""
    return [part.strip() for part in cell.split("|") if part.strip()]
