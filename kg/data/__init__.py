"""Package data: lexicons, gazetteers and frames as TSV files a linguist can edit.

Each file has a header row; `#` starts a comment line; `|` separates alternatives in a cell.
"""
from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA_DIR = Path(str(resources.files("kg.data")))
DATA_PATH_VARIABLE = "KG_DATA_PATH"  # extra folders (os.pathsep-separated) laid over kg/data


def data_dirs() -> tuple[Path, ...]:
    """The packaged data folder, then each folder on $KG_DATA_PATH: a user adds frames
    (`frames/*.tsv`) and ontology modules (`ontology/*.ttl`) without touching the package."""
    extra = [Path(p) for p in os.environ.get(DATA_PATH_VARIABLE, "").split(os.pathsep) if p]
    return (DATA_DIR, *extra)


def data_files(pattern: str) -> list[Path]:
    """Files matching `pattern` (e.g. "frames/*.tsv") in every data folder: packaged ones first,
    each folder's in name order."""
    return [path for folder in data_dirs() for path in sorted(folder.glob(pattern))]


class Row(dict):
    """One row of a data file, keyed by the header; `where` is "path:line" for error messages."""

    where: str = ""

    def __missing__(self, column: str):
        """A column the file's header lacks (a user's gazetteer on KG_GAZETTEER_PATH): one line
        naming file, line and column, not a KeyError traceback."""
        from kg.errors import DataError

        raise DataError(f"{self.where}: no column {column!r} (the header has {', '.join(self) or 'nothing'})")


@lru_cache(maxsize=None)
def read_tsv_path(path: Path) -> tuple[Row, ...]:
    """Rows of any TSV file in the data format (cached; treat as read-only). A row with more
    cells than the header, or a file that is not UTF-8, is a `DataError` naming file and line."""
    from kg.errors import DataError

    rows: list[Row] = []
    header: list[str] = []
    try:
        with Path(path).open(encoding="utf-8", newline="") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                cells = line.rstrip("\r\n").split("\t")
                if not header:
                    header = [c.strip() for c in cells]
                    continue
                if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
                    raise DataError(f"{path}:{number}: {len(cells)} cells, the header has {len(header)}")
                row = Row((k, (cells[i] if i < len(cells) else "").strip()) for i, k in enumerate(header) if k)
                row.where = f"{path}:{number}"
                rows.append(row)
    except UnicodeDecodeError as error:
        raise DataError(f"{path}: not UTF-8 ({error.reason} at byte {error.start})") from None
    except OSError as error:
        raise DataError(f"{path}: {error.strerror or error}") from None
    return tuple(rows)


def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged data file as dicts keyed by its header (cached; treat as read-only)."""
    return read_tsv_path(DATA_DIR / name)


def alternatives(cell: str) -> list[str]:
    """The `|`-separated alternatives of a cell, blanks dropped."""
    return [part.strip() for part in cell.split("|") if part.strip()]
