"""Errors that reach the user as one line: the CLI prints `kg: <message>` and exits non-zero."""


class KgError(Exception):
    """Any failure the user can act on; its message is the whole story, one line."""

    exit_code = 1


class InputError(KgError):
    """Unreadable or unusable input: a missing path, an empty or non-UTF-8 file, bad JSONL."""

    exit_code = 2


class QueryError(KgError):
    """A SPARQL query that does not parse or cannot run."""

    exit_code = 3


class StoreError(KgError):
    """A triple store or endpoint that cannot be reached or refuses the data."""

    exit_code = 4


class DataError(KgError):
    """A data file (gazetteer, frames, lexicon, ontology) with a malformed row or an unknown term."""

    exit_code = 2
