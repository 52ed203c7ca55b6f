"""The project's RDF vocabulary: one place that names every ontology term the code emits.

`ontology/kg.ttl` defines each term (labels in Arabic and English, alignments); a test checks that
every term used here is defined there, so the code and the ontology cannot drift apart.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

ONTOLOGY_IRI = "https://w3id.org/kg-arabic-news/ontology"
KG = Namespace(ONTOLOGY_IRI + "#")
KGR = Namespace("https://w3id.org/kg-arabic-news/resource/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = Namespace("http://www.w3.org/ns/prov#")
CAMEO = Namespace("https://w3id.org/kg-arabic-news/cameo/")

PREFIXES = {
    "kg": KG,
    "kgr": KGR,
    "wd": WD,
    "schema": SCHEMA,
    "sem": SEM,
    "prov": PROV,
    "cameo": CAMEO,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "skos": SKOS,
    "xsd": XSD,
}

# Actor and place classes: the gazetteer's `type` column uses exactly these local names.
ACTOR_CLASSES = (
    "Person", "State", "Organisation", "GovernmentBody", "Government", "Ministry", "Parliament",
    "ArmedForce", "ArmedGroup", "InternationalOrganisation", "MediaOutlet",
)
PLACE_CLASSES = ("Place", "City", "Region")

# Event classes: the frame file's `event` column uses exactly these local names.
EVENT_CLASSES = (
    "Event", "ArmedClash", "Attack", "Shelling", "AirStrike", "Ceasefire", "CeasefireViolation",
    "CasualtyReport", "Appeal", "Statement", "Address", "DiplomaticContact", "Summons",
    "ArmsTransfer", "Accusation", "Denial", "Condemnation", "Mediation", "Deployment",
    "Withdrawal", "Support", "Interception", "Threat",
)

# Direct actor-to-actor relations ("shortcuts") that each event also writes: the frame file's
# `relation` column uses these local names.
RELATIONS = (
    "declares", "addresses", "supplies", "callsOn", "accuses", "contacts", "mediatesBetween",
    "attacks", "condemns", "denies", "reportsCasualties", "violates", "deploysTo",
    "withdrawsFrom", "supports", "summons", "clashesWith", "intercepts", "threatens", "states",
)
