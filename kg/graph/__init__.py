"""Graph stage: ontology terms, IRI minting, Extraction -> RDF, SHACL validation."""
