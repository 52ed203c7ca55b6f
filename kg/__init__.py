"""kg: a knowledge-graph builder for Arabic conflict and diplomacy news."""

__version__ = "0.1.0"
