"""Extract stage: small components run in a fixed order over a document's sentences."""
