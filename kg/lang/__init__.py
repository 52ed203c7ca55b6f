"""Language packages: the words a language contributes to the extractor, apart from the logic.

The extraction code asks a language for word classes by role ("oblique-clitic", "relative",
"planned"...), never for the words themselves, so another language is a new package with the
same loaders. Only Arabic exists: `kg.lang.ar`.
"""
from __future__ import annotations

from importlib import import_module
from types import ModuleType

DEFAULT = "ar"


def language(code: str = DEFAULT) -> ModuleType:
    """The language package for an ISO 639-1 code (one-line error for an unknown one)."""
    try:
        return import_module(f"kg.lang.{code}")
    except ModuleNotFoundError as error:
        raise ValueError(f"no language package kg.lang.{code}") from error
