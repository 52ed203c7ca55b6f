"""kg: a knowledge-graph builder for Arabic conflict and diplomacy news.

The Python API (`kg.document`, `kg.read`, `kg.extract`, `kg.to_graph`, `kg.to_dataset`,
`kg.validate`, `kg.build`) lives in `kg.api` and is imported on first use, so `import kg` and
`kg --help` stay instant.
"""

__version__ = "0.1.0"

API = ("document", "read", "extract", "extract_many", "to_graph", "to_dataset", "validate", "build")
__all__ = ["__version__", *API]


def __getattr__(name: str):
    if name in API:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *API])


def callable_module(name: str, api_name: str) -> None:
    """Make the module `name` callable as `kg.api.<api_name>`.

    Why: `kg.build`, `kg.read` and `kg.extract` are also subpackages of kg; once one is imported,
    Python sets it as the attribute of `kg`, shadowing the API function of that name. A callable
    module keeps `kg.build(...)`, `kg.read(...)`, `kg.extract(...)` working either way."""
    import sys
    import types

    class CallableModule(types.ModuleType):
        def __call__(self, *args, **kwargs):
            from kg import api

            return getattr(api, api_name)(*args, **kwargs)

    sys.modules[name].__class__ = CallableModule
