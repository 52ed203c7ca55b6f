"""Moved to `kg.io` (one atomic writer for export and store); this name goes once callers move."""
from kg.io import current_umask, write_atomic, write_text_atomic  # noqa: F401
