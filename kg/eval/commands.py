"""CLI commands of the evaluation stage (`kg eval`): filled in by the evaluation work."""


def add_commands(subparsers, runners) -> None:
    """Add this stage's subcommands to the `kg` parser and register their runners."""
