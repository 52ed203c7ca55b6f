"""The explorer page as HTML text: offline, escaped, and carrying the who-said-what data.

Also home of the hand-made graphs the browser tests (test_html_browser.py) open: a small
multi-article story with contradicting sources, an article full of markup, and a big synthetic graph.
"""
from __future__ import annotations

import base64
import hashlib
import json
import random
import re
from datetime import date

import networkx as nx
import pytest

from kg.export.html import page_data, render_html, script_json
from kg.export.network import contradictions, graph_stats, to_networkx
from kg.graph.build import extraction_graph, new_graph
from kg.model import Claim, Document, Entity, Event, Extraction, Sentence

KGR = "https://w3id.org/kg-arabic-news/resource/"
ENTITIES = {
    "Armenia": Entity("Armenia", "State", "Armenia", "أرمينيا", "Q399", aliases_ar=("ارمينيا",)),
    "Azerbaijan": Entity("Azerbaijan", "State", "Azerbaijan", "أذربيجان", "Q227"),
    "France": Entity("France", "State", "France", "فرنسا", "Q142"),
    "Armenia_MinistryOfDefence": Entity("Armenia_MinistryOfDefence", "Ministry", "Armenia Ministry of Defence",
                                        "وزارة الدفاع الأرمينية", country="Armenia", part_of="Armenia"),
    "Azerbaijan_MinistryOfDefence": Entity("Azerbaijan_MinistryOfDefence", "Ministry", "Azerbaijan Ministry of Defence",
                                           "وزارة الدفاع الأذربيجانية", country="Azerbaijan", part_of="Azerbaijan"),
    "Emmanuel_Macron": Entity("Emmanuel_Macron", "Person", "Emmanuel Macron", "إيمانويل ماكرون", "Q3052772",
                              country="France", role="President"),
    "Ilham_Aliyev": Entity("Ilham_Aliyev", "Person", "Ilham Aliyev", "إلهام علييف", "Q41749", country="Azerbaijan"),
    "Sudan": Entity("Sudan", "State", "Sudan", "السودان", "Q1049"),
    "Nyala": Entity("Nyala", "City", "Nyala", "نيالا", "Q1018869", country="Sudan"),
    "RSF": Entity("RSF", "ArmedGroup", "Rapid Support Forces", "قوات الدعم السريع", "Q16994540", country="Sudan"),
    "SAF": Entity("SAF", "ArmedForce", "Sudanese Armed Forces", "الجيش السوداني", "Q1756254", country="Sudan"),
    # one spokesman minted in two articles, with and without his rank: the corpus stage merges them
    "Mousawi_a": Entity("Mousawi_a", "Person", "", "العقيد خالد الموسوي", role="Spokesperson", country="Sudan",
                        part_of="RSF", minted=True),
    "Mousawi_b": Entity("Mousawi_b", "Person", "", "خالد الموسوي", role="Spokesperson", country="Sudan",
                        part_of="RSF", minted=True),
}
INJECTION = ('<script>window.__pwned=1;alert(1)</script>"><img src="http://evil.example/x.png" '
             'onerror="window.__pwned=2;alert(2)">')


class Article:
    """A document and its sentences with consistent character offsets, for hand-made extractions."""

    def __init__(self, doc_id: str, day: date, headline: str, sentences: list[str], url: str = "", source: str = ""):
        text, spans = "", []
        for sentence in sentences:
            spans.append(Sentence(len(spans), len(text), len(text) + len(sentence), sentence))
            text += sentence + "\n"
        self.document = Document(doc_id, text, headline, day, url, source)
        self.sentences = spans

    def span(self, index: int, fragment: str) -> tuple[int, int]:
        sentence = self.sentences[index]
        start = sentence.start + sentence.text.index(fragment)
        return start, start + len(fragment)

    def event(self, eid: str, type_: str, relation: str, index: int, trigger: str, **kw) -> Event:
        start, end = self.span(index, trigger)
        return Event(eid, type_, relation, index, start, end, trigger, f"frame:{trigger}", 0.8, **kw)

    def claim(self, cid: str, speaker: str, index: int, quote: str, asserts: list[str],
              day: date | None = None) -> Claim:
        start, end = self.span(index, quote)
        return Claim(cid, speaker, index, start, end, quote, "claim:quote", 0.8, asserts, day)

    def extraction(self, events: list[Event], claims: list[Claim], keys: list[str]) -> Extraction:
        return Extraction(self.document, self.sentences, {k: ENTITIES[k] for k in keys}, [], events, claims)


def analyst_extractions() -> list[Extraction]:
    """Three articles: two ministries give different Armenian death tolls for the same day, and
    Armenia denies an accusation Azerbaijan made; France's appeal contradicts nobody."""
    day = date(2022, 9, 13)
    a = Article("am_mod", date(2022, 9, 14), "أرمينيا: مقتل 49 جندياً", [
        'قالت وزارة الدفاع الأرمينية إن "49 جندياً أرمينياً قتلوا" في المعارك.'], "https://example.org/am", "AFP")
    b = Article("az_mod", date(2022, 9, 14), "أذربيجان: مقتل 80 جندياً أرمينياً", [
        'أعلنت وزارة الدفاع الأذربيجانية أن "80 جندياً أرمينياً قتلوا" خلال الهجوم.',
        "واتهمت أذربيجان أرمينيا بانتهاك وقف إطلاق النار."], "https://example.org/az", "Reuters")
    c = Article("denial", date(2022, 9, 15), "أرمينيا تنفي", [
        "ونفت أرمينيا الاتهامات الأذربيجانية.",
        'ودعا الرئيس الفرنسي إيمانويل ماكرون أذربيجان إلى "العودة إلى احترام وقف إطلاق النار".'],
        "https://example.org/deny", "AFP")
    return [
        a.extraction([a.event("e1", "CasualtyReport", "reportsCasualties", 0, "49 جندياً", count=49,
                              casualty_type="killed", sides=["Armenia"], date=day,
                              agents=["Armenia_MinistryOfDefence"])],
                     [a.claim("c1", "Armenia_MinistryOfDefence", 0, "49 جندياً أرمينياً قتلوا", ["e1"], day)],
                     ["Armenia", "Armenia_MinistryOfDefence"]),
        b.extraction([b.event("e2", "CasualtyReport", "reportsCasualties", 0, "80 جندياً", count=80,
                              casualty_type="killed", sides=["Armenia"], date=day,
                              agents=["Azerbaijan_MinistryOfDefence"]),
                      b.event("e3", "Accusation", "accuses", 1, "واتهمت", agents=["Azerbaijan"], targets=["Armenia"],
                              date=day)],
                     [b.claim("c2", "Azerbaijan_MinistryOfDefence", 0, "80 جندياً أرمينياً قتلوا", ["e2"], day)],
                     ["Armenia", "Azerbaijan", "Azerbaijan_MinistryOfDefence"]),
        c.extraction([c.event("e4", "Denial", "denies", 0, "ونفت", agents=["Armenia"], about="الاتهامات الأذربيجانية",
                              date=date(2022, 9, 15)),
                      c.event("e5", "Appeal", "callsOn", 1, "ودعا", agents=["Emmanuel_Macron"],
                              targets=["Azerbaijan"])],
                     [c.claim("c3", "Emmanuel_Macron", 1, "العودة إلى احترام وقف إطلاق النار", ["e5"])],
                     ["Armenia", "Azerbaijan", "France", "Emmanuel_Macron"]),
    ]


def corpus_extractions() -> list[Extraction]:
    """Two outlets report one air strike on Nyala market the same day: 15 killed says one, 25 the
    other, each quoting the RSF's spokesman (minted in each article, once with his rank)."""
    day = date(2024, 5, 14)
    out = []
    for doc, outlet, count, spokesman, title in (("nyala_a", "رويترز", 15, "Mousawi_a", "العقيد خالد الموسوي"),
                                                 ("nyala_b", "سودان تربيون", 25, "Mousawi_b", "خالد الموسوي")):
        article = Article(doc, day, "غارة على سوق نيالا", [
            f'قال المتحدث باسم قوات الدعم السريع {title} إن "{count} مدنياً قتلوا" في غارة للجيش على سوق نيالا.'],
            f"https://example.org/{doc}", outlet)
        events = [article.event("e1", "CasualtyReport", "reportsCasualties", 0, f"{count} مدنياً", count=count,
                                casualty_type="killed", sides=["Sudan"], date=day, date_precision="day",
                                location="Nyala", agents=[spokesman]),
                  article.event("e2", "AirStrike", "attacks", 0, "غارة", agents=["SAF"], targets=["RSF"],
                                location="Nyala", date=day, date_precision="day")]
        claims = [article.claim("c1", spokesman, 0, f"{count} مدنياً قتلوا", ["e1"], day)]
        out.append(article.extraction(events, claims, ["Sudan", "Nyala", "RSF", "SAF", spokesman]))
    return out


def corpus_network() -> nx.MultiDiGraph:
    """The two articles' own graphs plus the corpus stage's triples (kg.corpus), as `kg build` draws them."""
    from kg.corpus import corpus_triples, merge, summarise
    from kg.export.network import add_triples

    extractions = corpus_extractions()
    graph = new_graph()
    for extraction in extractions:
        extraction_graph(extraction, graph)
    add_triples(graph, corpus_triples(merge(summarise(x) for x in extractions)))
    return to_networkx(graph)


def analyst_network() -> nx.MultiDiGraph:
    graph = new_graph()
    for extraction in analyst_extractions():
        extraction_graph(extraction, graph)
    return to_networkx(graph)


def injection_network() -> nx.MultiDiGraph:
    """Every text field that reaches the page carries markup or a script URL."""
    quote = '"><svg onload="window.__pwned=5;alert(5)">'
    a = Article("evil", date(2022, 9, 14), INJECTION, [
        f'قال <b onmouseover="alert(4)">علييف</b> إن "{quote}" اليوم.'], "javascript:alert(3)", "<i>Agency</i>")
    evil = Entity("Ilham_Aliyev", "Person", '<img src=x onerror="window.__pwned=7;alert(7)">',
                  '</script><script>window.__pwned=6;alert(6)</script>', "Q41749")
    extraction = Extraction(a.document, a.sentences, {"Ilham_Aliyev": evil}, [],
                            [a.event("e1", "Statement", "", 0, "قال", agents=["Ilham_Aliyev"])],
                            [a.claim("c1", "Ilham_Aliyev", 0, quote, ["e1"])])
    return to_networkx(extraction_graph(extraction))


def big_network(articles: int = 120, seed: int = 5) -> nx.MultiDiGraph:
    """A synthetic view shaped like to_networkx's output: 300 actors, 120 articles of 42 claims and
    events each (5,340 nodes), some casualty reports disagreeing."""
    rng = random.Random(seed)
    net = nx.MultiDiGraph()
    states = [f"{KGR}State{i}" for i in range(60)]
    actors = states + [f"{KGR}Person{i}" for i in range(160)] + [f"{KGR}Ministry{i}" for i in range(80)]
    for i, node in enumerate(actors):
        cls = "State" if i < 60 else "Person" if i < 220 else "Ministry"
        net.add_node(node, cls=cls, label_ar=f"فاعل رقم {i}", label_en=f"{cls} {i}")
        if cls != "State":
            net.add_edge(node, states[i % 60], key="country", label="country")
    types = ["Attack", "Shelling", "Appeal", "Accusation", "CasualtyReport", "Statement", "DiplomaticContact"]
    for d in range(articles):
        doc, day = f"{KGR}doc/big{d}", f"2023-{1 + d % 12:02d}-{1 + d % 28:02d}"
        provenance = {"document": doc, "headline": f"عنوان المقال {d}", "published": day,
                      "url": f"https://example.org/{d}", "rule": "synthetic", "confidence": 0.5}
        sentence = "قالت الوزارة إن القصف أدى إلى مقتل عدد من المدنيين في المدينة الحدودية. " * 2
        for k in range(22):
            event, cls = f"{doc}/e/{k}", types[(d + k) % len(types)]
            attrs = {"cls": cls, "label_ar": "قصف", "label_en": cls, "trigger": "قصف", "sentence": sentence,
                     "span": [15, 20], **provenance}
            if cls == "CasualtyReport":
                attrs.update(count=rng.choice([10, 12, 30]), casualty_type="killed", date=day)
            net.add_node(event, **attrs)
            net.add_edge(rng.choice(actors), event, key="agent", label="agent")
            net.add_edge(event, rng.choice(states), key="side" if cls == "CasualtyReport" else "target",
                         label="side" if cls == "CasualtyReport" else "target")
        for k in range(20):
            claim = f"{doc}/c/{k}"
            net.add_node(claim, cls="Claim", label_ar=f"«تصريح {k}»", label_en="claim", quote=f"تصريح رقم {k}",
                         sentence=sentence, span=[0, 12], **provenance)
            net.add_edge(rng.choice(actors[60:]), claim, key="says", label="says")
            net.add_edge(claim, f"{doc}/e/{k}", key="asserts", label="asserts")
    return net


def data_block(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def analyst() -> nx.MultiDiGraph:
    return analyst_network()


@pytest.fixture(scope="module")
def seed_page(seed_graph) -> str:
    return render_html(to_networkx(seed_graph))


def test_page_asks_no_other_host(seed_page):
    assert not re.search(r"""<(script|link|img|iframe)[^>]*\s(src|href)\s*=""", seed_page, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", seed_page, re.I)
    styles = "".join(re.findall(r"<style>(.*?)</style>", seed_page, re.S))
    assert "@import" not in styles
    assert all(url.startswith(("data:", '"data:', "'data:")) for url in re.findall(r"url\((.{0,8})", styles))
    assert "vis.Network" in seed_page and "vis-network" in seed_page


def test_csp_allows_exactly_the_inline_scripts(seed_page):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', seed_page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    scripts = re.findall(r"<script>(.*?)</script>", seed_page, re.S)
    assert len(scripts) == 2
    for code in scripts:
        digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_who_said_what_data(seed_graph, seed_page):
    net = to_networkx(seed_graph)
    data = data_block(seed_page)
    assert len(data["nodes"]) == net.number_of_nodes()
    claims = [n for n in data["nodes"] if n["kind"] == "claim"]
    assert claims and all(n["shape"] == "box" for n in claims)
    says = [e for e in data["edges"] if e["role"] == "says"]
    assert says and all(e["label"] == "says" for e in says)
    assert all(data["nodes"] and d["headline"] for d in data["docs"].values())
    assert all("headline" not in n for n in data["nodes"]), "article fields live once per article in docs"


def test_edge_labels_english_with_arabic_trigger(analyst):
    data = page_data(analyst)
    by_role = {}
    for edge in data["edges"]:
        by_role.setdefault((edge["role"], edge["label"]), edge)
    accuses = by_role[("agent", "accuses")]
    assert accuses["title"].startswith("واتهمت") and "Accusation" in accuses["title"]
    assert ("target", "accused") in by_role and ("agent", "reports") in by_role
    assert ("asserts", "asserts") in by_role


def test_contradictions_found(analyst):
    pairs = {(a.rsplit("/", 1)[-1], b.rsplit("/", 1)[-1]): why for a, b, why in contradictions(analyst)}
    assert pairs == {("e1", "e2"): "49 vs 80 killed", ("e3", "e4"): "denied accusation"}
    data = page_data(analyst)
    contested = {n["id"].rsplit("/", 2)[-2] + "/" + n["id"].rsplit("/", 1)[-1] for n in data["nodes"] if n["contested"]}
    assert contested == {"e/e1", "e/e2", "e/e3", "e/e4", "c/c1", "c/c2"}
    assert sum(e["role"] == "contradicts" for e in data["edges"]) == 2


def test_seed_sides_differ_so_no_casualty_conflict(seed_graph):
    """The seed's 49 (Armenia) and 50 (Azerbaijan) killed are tolls of different sides, not a conflict."""
    net = to_networkx(seed_graph)
    assert not [p for p in contradictions(net) if "killed" in p[2]]


def test_injection_stays_data():
    page = render_html(injection_network())
    head, body = page.split("<body>", 1)
    blocks = re.findall(r"<script[^>]*>.*?</script>", page, re.S)
    assert len(blocks) == 3 and "<script" not in re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S)
    json_block = body.split('id="kg-data">')[1].split("</script>")[0]
    assert "<" not in json_block and ">" not in json_block
    markup = head + re.sub(r"<script[^>]*>.*?</script>", "", body, flags=re.S)
    for needle in ("<img", "<svg", "<b ", "onerror", "onload", "<i>", "evil.example"):
        assert needle not in markup
    data = data_block(page)
    assert data["docs"][f"{KGR}doc/evil"]["headline"] == INJECTION  # intact as data


def test_script_json_escapes_closers():
    text = script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_placeholders_filled_once():
    net = nx.MultiDiGraph()
    net.add_node("x", cls="State", label_ar="{{DATA}}", label_en="{{TITLE}}")
    page = render_html(net, title="{{VIS_JS}}")
    assert page.count('id="kg-data"') == 1 and page.count("{{VIS_JS}}") == 2  # the title, twice, as text


def test_stats_keep_working(seed_graph):
    stats = graph_stats(to_networkx(seed_graph))
    assert stats["nodes"] > 0 and stats["by_class"]["Claim"] > 0
    node = to_networkx(seed_graph).nodes[f"{KGR}Armenia"]
    assert node["cls"] == "State" and node["label_ar"] == "أرمينيا"


def test_big_graph_renders_every_node():
    """How fast is bench/throughput.py's business; here only that nothing is dropped."""
    net = big_network()
    page = render_html(net)
    assert net.number_of_nodes() >= 5000
    assert len(data_block(page)["nodes"]) == net.number_of_nodes()


def test_a_demanded_event_is_drawn_and_labelled_as_not_a_fact():
    article = Article("dem", date(2024, 3, 2), "عنوان", ["دعت فرنسا أذربيجان إلى الانسحاب من المنطقة."])
    withdrawal = article.event("e1", "Withdrawal", "withdrawsFrom", 0, "الانسحاب", agents=["Azerbaijan"],
                               targets=["Armenia"], modality="Demanded")
    extraction = Extraction(article.document, article.sentences, ENTITIES, [], [withdrawal], [])
    graph = extraction_graph(extraction)
    from rdflib import URIRef

    assert not list(graph.triples((URIRef(KGR + "Azerbaijan"), None, URIRef(KGR + "Armenia"))))
    nodes = {n["id"]: n for n in page_data(to_networkx(graph))["nodes"]}
    event = next(n for n in nodes.values() if n.get("cls") == "Withdrawal")
    assert event["modality"] == "Demanded"


# --- the explorer at corpus scale ------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_data() -> dict:
    return page_data(corpus_network())


def test_one_canonical_node_with_both_reports_folded(corpus_data):
    nodes = {n["id"]: n for n in corpus_data["nodes"]}
    canonical = [n for n in nodes.values() if n["cls"] == "CanonicalEvent" and n["event_class"] == "CasualtyReport"]
    assert len(canonical) == 1
    event = canonical[0]
    assert sorted(r.split("/doc/")[1] for r in event["reports"]) == ["nyala_a/e/e1", "nyala_b/e/e1"]
    assert all(nodes[r]["folded"] == event["id"] for r in event["reports"])
    assert event["label_en"] == "15\u201325 killed · 2 sources"
    assert event["label_ar"] == "حصيلة الضحايا 15\u201325 · \u00d72" and event["sources"] == 2
    assert event["kind"] == "event" and event["color"] == "#c1121f"  # drawn in its class's family colour
    claims = {e["from"] for e in corpus_data["edges"] if e["role"] == "asserts" and e["to"] == event["id"]}
    assert {c.split("/doc/")[1] for c in claims} == {"nyala_a/c/c1", "nyala_b/c/c1"}  # speakers reach it directly


def test_count_disagreement_flagged_with_who_says_what(corpus_data):
    nodes = {n["id"]: n for n in corpus_data["nodes"]}
    disputes = corpus_data["disputes"]
    assert [d["kind"] for d in disputes] == ["CountDisagreement"]
    about = nodes[disputes[0]["concerns"]]
    assert about["cls"] == "CanonicalEvent" and about["contested"]
    rows = sorted((p["source"], p["count"]) for p in disputes[0]["positions"])
    assert rows == [("رويترز", 15), ("سودان تربيون", 25)]
    assert all(p["heldBy"] and all(h in nodes for h in p["heldBy"]) for p in disputes[0]["positions"])
    strike = next(n for n in nodes.values() if n["cls"] == "CanonicalEvent" and n["event_class"] == "AirStrike")
    assert not strike["contested"]


def test_merged_spokesman_is_one_node(corpus_data):
    people = [n for n in corpus_data["nodes"] if n["cls"] == "Person"]
    assert len(people) == 1, [p["label_ar"] for p in people]
    person = people[0]
    assert {person["label_ar"], *person.get("aliases", [])} >= {"العقيد خالد الموسوي", "خالد الموسوي"}
    says = [e for e in corpus_data["edges"] if e["role"] == "says"]
    assert len(says) == 2 and {e["from"] for e in says} == {person["id"]}
    for position in corpus_data["disputes"][0]["positions"]:
        assert position["heldBy"] == [person["id"]]


def test_actor_network_edges_weighted_by_events(corpus_data):
    network = [e for e in corpus_data["edges"] if e["role"] == "network"]
    by_pair = {(e["from"].rsplit("/", 1)[-1], e["relation"], e["to"].rsplit("/", 1)[-1]): e for e in network}
    strike = by_pair[("SAF", "attacks", "RSF")]
    assert strike["weight"] == 1 and strike["label"] == "attacks"  # two reports of one canonical strike
    assert strike["hidden"] is True  # shown by the actor-network toggle only
    nodes = {n["id"]: n for n in corpus_data["nodes"]}
    assert all(nodes[e["from"]]["kind"] == "actor" and nodes[e["to"]]["kind"] == "actor" for e in network)


def test_actor_network_counts_separate_events(analyst):
    network = {(e["from"].rsplit("/", 1)[-1], e["relation"], e["to"].rsplit("/", 1)[-1]): e["weight"]
               for e in page_data(analyst)["edges"] if e["role"] == "network"}
    assert network[("Azerbaijan", "accuses", "Armenia")] == 1
    assert ("Emmanuel_Macron", "callsOn", "Azerbaijan") in network


def test_a_page_without_corpus_nodes_is_unchanged(analyst):
    data = page_data(analyst)
    assert data["disputes"] == [] and not any(n.get("folded") for n in data["nodes"])


def test_kg_build_draws_the_corpus_stage(tmp_path):
    """`kg build` on five outlets' reports of one strike (tests/corpus_gold) and a distractor: the
    page has the canonical events, their folded reports and the disagreements the stage found."""
    from pathlib import Path

    from kg.build import build
    from kg.read import read_documents

    gold = Path(__file__).parent / "corpus_gold" / "articles.jsonl"
    wanted = {"a01", "a02", "a03", "a04", "a05", "a06", "x01"}
    documents = [d for d in read_documents(gold, None, lambda error: None) if d.id in wanted]
    build(documents, tmp_path, validate=False, progress=False)
    data = data_block((tmp_path / "graph.html").read_text(encoding="utf-8"))
    nodes = {n["id"]: n for n in data["nodes"]}
    canonical = [n for n in nodes.values() if n["cls"] == "CanonicalEvent"]
    assert canonical and all(len(n["reports"]) >= 2 for n in canonical)
    assert all(nodes[r]["folded"] == n["id"] for n in canonical for r in n["reports"])
    assert not any(nodes[r]["document"].endswith("/x01") for n in canonical for r in n["reports"])
    toll = [n for n in canonical if n.get("min_count") is not None]
    assert toll and any(n["min_count"] < n["max_count"] and "\u2013" in n["label_en"] for n in toll)
    assert any(d["kind"] == "CountDisagreement" and nodes[d["concerns"]]["contested"] for d in data["disputes"])
    build(documents, tmp_path / "apart", validate=False, progress=False, merge=False)
    apart = data_block((tmp_path / "apart" / "graph.html").read_text(encoding="utf-8"))
    assert not any(n["cls"] == "CanonicalEvent" for n in apart["nodes"]) and apart["disputes"] == []


def test_canonical_events_beyond_the_page_are_not_drawn():
    """A page limited to some articles (kg build's html_limit) draws no canonical event whose
    reports are all outside it, and no disagreement about one."""
    from kg.corpus import corpus_triples, merge, summarise
    from kg.export.network import add_triples

    extractions = corpus_extractions()
    graph = add_triples(new_graph(), corpus_triples(merge(summarise(x) for x in extractions)))
    net = to_networkx(graph)
    assert not any(d.get("cls") == "CanonicalEvent" for _, d in net.nodes(data=True))
    assert net.graph["disputes"] == []
