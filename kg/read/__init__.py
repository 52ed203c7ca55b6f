"""Read articles from .txt files, folders of them, or JSONL into `Document`s."""
from kg.read.sources import read_documents

__all__ = ["read_documents"]
