"""CLI commands of the store stage (`kg load`, `kg query`): filled in by the store work."""


def add_commands(subparsers, runners) -> None:
    """Add this stage's subcommands to the `kg` parser and register their runners."""
