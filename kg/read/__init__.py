"""Read articles from .txt files, folders of them, or JSONL into `Document`s."""
from kg.read.sources import read_documents

__all__ = ["read_documents"]

__import__("kg").callable_module(__name__, "read")  # kg.read(...) is kg.api.read (see kg/__init__.py)
