"""Store stage: RDF files in, the embedded store, a remote SPARQL endpoint, the query runner."""
