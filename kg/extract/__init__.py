"""Extract stage: small components run in a fixed order over a document's sentences."""

__import__("kg").callable_module(__name__, "extract")  # kg.extract(...) is kg.api.extract (see kg/__init__.py)
