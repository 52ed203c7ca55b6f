"""Export stage: RDF serialisations, the networkx view and the HTML explorer page."""
