"""The who-said-what explorer: one self-contained HTML page an analyst opens from disk.

pyvis turns the networkx view into vis-network nodes and edges; the page is the project's own
template (pyvis' stock one fetches Bootstrap and vis CSS from CDNs) with vis-network inlined from
the pyvis package, so it opens offline and asks no other host for anything. All article text
enters the page as JSON in a non-executed <script type="application/json"> block and is shown
with textContent only; a Content-Security-Policy allows just the page's own two scripts (by hash).
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

import networkx as nx

from kg.errors import InputError
from kg.io import write_text_atomic
from kg.export.network import contradictions, is_a
from kg.graph.vocabulary import node_style, relation_kinds

# Edge wording: network.py's roles, and for agent/target edges the event's kg:relation.
ROLE_LABELS = {"says": "says", "asserts": "asserts", "side": "casualties of", "location": "at",
               "violates": "violates", "country": "country", "part of": "part of", "agent": "does",
               "target": "target"}
STRUCTURAL_ROLES = {"country", "part of"}
NETWORK_MODALITIES = {"", "Asserted", "Reported"}  # only these yield actor-to-actor facts (kg/graph/project.py)
DOCUMENT_KEYS = ("headline", "published", "url", "publisher")
TEMPLATES = ("page.html", "explorer.css", "explorer.js")


def style_of(cls: str) -> tuple[str, str]:
    """Colour and shape from the ontology: actors and places by class, events by family."""
    return node_style(cls)


def kind_of(cls: str, shape: str) -> str:
    """claim, event, place or actor: what the page's filters and panel treat alike."""
    if cls == "Claim":
        return "claim"
    return "event" if shape == "ellipse" else "place" if shape.startswith("triangle") else "actor"


def vis_asset(name: str) -> str:
    """vis-network 9.1.2 as shipped inside pyvis, minus its source-map comment (a file we lack)."""
    base = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / name
    return re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", base.read_text(encoding="utf-8"))


def template(name: str) -> str:
    return (resources.files("kg.export") / "templates" / name).read_text(encoding="utf-8")


def edge_label(role: str, event: dict) -> str:
    """English wording of an edge; agent/target edges say what the event's relation means."""
    relation = relation_kinds().get(event.get("relation", ""))
    if relation and role in ("agent", "target"):
        return relation.agent_label if role == "agent" else relation.target_label
    return ROLE_LABELS.get(role, role)


def edge_title(role: str, label: str, event: dict) -> str:
    """Tooltip: the Arabic verb the extractor matched (kg:trigger) with the English reading."""
    trigger = event.get("trigger", "")
    return f"{trigger} — {label} ({event.get('cls', '')})" if trigger else label


def tooltip(data: dict) -> str:
    parts = [data.get("label_en", ""), data.get("label_ar", ""), data.get("cls", "")]
    parts += [data.get("role", ""), data.get("date", "")]
    return "\n".join(p for p in parts if p)


class NodeIds(list):
    """pyvis keeps node ids in a list and tests membership per node and per edge (quadratic);
    a set beside it keeps a 50,000-node corpus linear."""

    def __init__(self) -> None:
        super().__init__()
        self.known: set = set()

    def append(self, item: object) -> None:
        super().append(item)
        self.known.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self.known


def page_data(net: nx.MultiDiGraph) -> dict:
    """Nodes and edges as vis-network wants them (built with pyvis), the articles they cite,
    the legend and the contradiction pairs; everything the page script needs, as plain data."""
    from pyvis.network import Network

    vis = Network(directed=True, cdn_resources="in_line")
    vis.node_ids = NodeIds()
    docs: dict[str, dict] = {}
    conflicts = contradictions(net)
    contested = {n for a, b, _ in conflicts for n in (a, b)}
    contested |= {n for n, d in net.nodes(data=True) if is_a(d.get("cls", ""), "Denial")}
    disputes = net.graph.get("disputes", [])
    contested |= {d["concerns"] for d in disputes}
    for node, data in net.nodes(data=True):
        colour, shape = style_of(data.get("event_class") or data.get("cls", ""))
        attrs = {k: v for k, v in data.items() if k not in DOCUMENT_KEYS + ("label", "title", "color", "shape")}
        if data.get("document"):
            docs.setdefault(data["document"], {k: data.get(k, "") for k in DOCUMENT_KEYS})
        asserts_contested = any(o in contested for _, o, r in net.out_edges(node, keys=True) if r == "asserts")
        attrs["contested"] = node in contested or asserts_contested
        attrs["kind"] = kind_of(data.get("cls", ""), shape)
        if data.get("folded"):
            attrs["hidden"] = True  # out of the first layout: the page places it by its canonical event when shown
        vis.add_node(node, label=data.get("label_ar") or node, title=tooltip(data), color=colour, shape=shape,
                     **attrs)
    for index, (source, target, role) in enumerate(net.edges(keys=True)):
        event = net.nodes[target] if role in ("agent", "asserts") else net.nodes[source]
        label = edge_label(role, event)
        vis.add_edge(source, target, id=f"e{index}", role=role, label=label,
                     title=edge_title(role, label, event), arrows="to")
    for index, (a, b, reason) in enumerate(conflicts):
        vis.add_edge(a, b, id=f"x{index}", role="contradicts", label="contradicts", title=reason)
    for index, edge in enumerate(actor_network(net)):
        vis.add_edge(edge["from"], edge["to"], id=f"n{index}", **{k: v for k, v in edge.items() if k not in ("from", "to")})
    classes = {d.get("event_class") or d.get("cls", "") for _, d in net.nodes(data=True)}  # canonical: its class's colour
    legend = sorted({(cls,) + style_of(cls) for cls in classes},
                    key=lambda item: (item[2] == "ellipse", item[0]))
    return {"nodes": vis.nodes, "edges": vis.edges, "docs": docs, "legend": legend,
            "structural": sorted(STRUCTURAL_ROLES), "disputes": disputes}


def actor_network(net: nx.MultiDiGraph) -> list[dict]:
    """Actor-to-actor edges for the network view: one per (agent, relation, target), weighted by
    how many events support it (a canonical event's reports count once), worded by the ontology."""
    def is_actor(node: str) -> bool:
        data = net.nodes[node]
        return kind_of(data.get("cls", ""), style_of(data.get("cls", ""))[1]) == "actor"

    support: dict[tuple[str, str, str], set[str]] = {}
    for node, data in net.nodes(data=True):
        relation = data.get("relation", "")
        if not relation or data.get("cls") == "CanonicalEvent" or data.get("modality", "") not in NETWORK_MODALITIES:
            continue
        agents = [s for s, _, r in net.in_edges(node, keys=True) if r == "agent" and is_actor(s)]
        targets = [o for _, o, r in net.out_edges(node, keys=True) if r == "target" and is_actor(o)]
        for agent in agents:
            for target in targets:
                if agent != target:
                    support.setdefault((agent, relation, target), set()).add(data.get("folded") or node)
    kinds = relation_kinds()
    edges = []
    for (agent, relation, target), units in sorted(support.items()):
        kind = kinds.get(relation)
        word = kind.label_en if kind else relation
        edges.append({"from": agent, "to": target, "role": "network", "relation": relation, "weight": len(units),
                      "label": word if len(units) == 1 else f"{word} ×{len(units)}",
                      "title": f"{word}: {len(units)} event(s)", "events": sorted(units), "hidden": True})
    return edges


def script_json(value: object) -> str:
    """JSON safe inside a <script> element: no "</script>" or "<!--" can close or open anything."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def script_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def fill(text: str, values: dict[str, str]) -> str:
    """One pass over the template, so text inside a value is never taken for a placeholder."""
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: values[m.group(1)], text)


def render_html(net: nx.MultiDiGraph, title: str = "kg — who said what", scope: str = "") -> str:
    """The page; `scope` (which documents it holds, of how many) is shown under the title."""
    page, css, script = (template(name) for name in TEMPLATES)
    if scope:
        page = page.replace("</h1>", '</h1>\n  <p id="scope" style="margin:0;font-size:13px">{{SCOPE}}</p>', 1)
    vis_js = vis_asset("vis-network.min.js")
    return fill(page, {
        "CSP_SCRIPTS": " ".join(script_hash(code) for code in (vis_js, script)),
        "VIS_CSS": vis_asset("vis-network.css"),
        "PAGE_CSS": css,
        "VIS_JS": vis_js,
        "PAGE_JS": script,
        "DATA": script_json(page_data(net)),
        "TITLE": html.escape(title, quote=True),
        "SCOPE": html.escape(scope, quote=True),
    })


def html_escape(text: str) -> str:
    return html.escape(text, quote=True)


def write_html(net: nx.MultiDiGraph, path: str | Path, scope: str = "") -> Path:
    return write_text_atomic(path, render_html(net, scope=scope))


SELECT_KEYS = ("actor", "date", "ids")
SELECT_HELP = """documents to draw on graph.html instead of the first --html-docs: terms KEY=VALUE joined by
commas, where KEY is actor (a Wikidata id Q123, a gazetteer key such as Hamas, or an English or
Arabic name), date (FROM..TO, inclusive, either end may be left out: 2024-01-01.., ..2024-02-01;
or one day 2024-01-05) or ids (document ids). A word without '=' is one more value of the key
before it (ids=a,b,c). Values of one key are alternatives; different keys must all hold
(actor=Q123,date=2024-01-01..2024-02-01). Repeat the option to add terms. At most --html-docs
of the selected documents are drawn; the page says which selection and how many of how many."""


@dataclass(frozen=True)
class Selection:
    """Which documents the HTML page draws (`kg build --html-select`): all its terms must hold."""

    actors: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    ids: tuple[str, ...] = ()
    given: str = ""  # the terms as written, for the page and the summary

    def matches(self, extraction) -> bool:
        document = extraction.document
        if self.ids and document.id not in self.ids:
            return False
        if self.since or self.until:
            if document.date is None:
                return False
            if (self.since and document.date < self.since) or (self.until and document.date > self.until):
                return False
        if self.actors:
            wanted = {actor.casefold() for actor in self.actors}
            return any(wanted & actor_names(entity) for entity in extraction.entities.values())
        return True


def actor_names(entity) -> set[str]:
    """What an actor may be selected by: its key (the IRI's last part), Wikidata id, names."""
    names = {entity.key, entity.qid, entity.name_en, entity.name_ar, *entity.aliases_ar}
    return {name.casefold() for name in names if name}


def parse_selection(specs: str | list[str]) -> Selection:
    """`actor=Q123,date=2024-01-01..2024-02-01,ids=a,b` (several specs: all their terms hold);
    bad syntax is an InputError naming the term."""
    specs = [specs] if isinstance(specs, str) else list(specs)
    values: dict[str, list[str]] = {}
    key = None
    for spec in specs:
        key = None
        for part in spec.split(","):
            word = part.strip()
            if "=" in word:
                key, _, word = (w.strip() for w in word.partition("="))
                if key not in SELECT_KEYS:
                    raise InputError(f"--html-select: unknown key {key!r} in {spec!r} "
                                     f"(keys: {', '.join(SELECT_KEYS)})")
                if key == "date" and "date" in values:
                    raise InputError(f"--html-select: date given twice in {' '.join(specs)!r}")
                values.setdefault(key, [])
            elif key is None:
                raise InputError(f"--html-select: {word or spec!r} is not KEY=VALUE (keys: {', '.join(SELECT_KEYS)})")
            if not word:
                raise InputError(f"--html-select: empty value for {key} in {spec!r}")
            values[key].append(word)
    if not values:
        raise InputError("--html-select: no term given (e.g. actor=Q123,date=2024-01-01..2024-02-01)")
    since = until = None
    if "date" in values:
        if len(values["date"]) > 1:
            raise InputError(f"--html-select: date takes one range FROM..TO, not {','.join(values['date'])!r}")
        since, until = date_range(values["date"][0])
    given = ",".join(f"{k}={','.join(values[k])}" for k in SELECT_KEYS if k in values)
    return Selection(tuple(values.get("actor", ())), since, until, tuple(values.get("ids", ())), given)


def date_range(text: str) -> tuple[date | None, date | None]:
    first, dots, last = text.partition("..")
    if not dots:
        first = last = text
    if not first and not last:
        raise InputError(f"--html-select: date={text} has neither end (FROM..TO)")

    def day(value: str) -> date | None:
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise InputError(f"--html-select: {value!r} is not a date (YYYY-MM-DD) in date={text}") from None

    since, until = day(first), day(last)
    if since and until and since > until:
        raise InputError(f"--html-select: date={text} ends before it begins")
    return since, until


def scope_line(drawn: int, selected: int, total: int, selection: Selection | None, limit: int) -> str:
    """What the page holds, in words: `Selection actor=Hamas: 37 of 10000 documents`."""
    if selection is None:
        return f"First {drawn} of {total} documents" if drawn < total else f"{total} documents"
    line = f"Selection {selection.given}: {selected} of {total} documents"
    if drawn < selected:
        line += f" (the first {drawn} drawn: --html-docs {limit})"
    return line
