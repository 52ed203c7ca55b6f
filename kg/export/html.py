"""The interactive HTML page: pyvis lays out the networkx view; the page is the project's own
template with vis-network inlined from the pyvis package, so it opens offline with no request
to any other host. All article text enters the page as JSON data, never as markup."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import networkx as nx

from kg.export.files import write_text_atomic

CLASS_STYLE = {
    # class: (colour, shape)
    "Person": ("#e07a5f", "dot"),
    "State": ("#3d405b", "diamond"),
    "City": ("#81b29a", "triangle"),
    "Region": ("#81b29a", "triangleDown"),
    "Place": ("#81b29a", "triangle"),
    "Ministry": ("#6d597a", "square"),
    "Government": ("#6d597a", "square"),
    "GovernmentBody": ("#6d597a", "square"),
    "Parliament": ("#6d597a", "square"),
    "ArmedForce": ("#9a031e", "square"),
    "ArmedGroup": ("#5f0f40", "square"),
    "InternationalOrganisation": ("#0077b6", "hexagon"),
    "Organisation": ("#0096c7", "hexagon"),
    "MediaOutlet": ("#adb5bd", "hexagon"),
    "Claim": ("#f2cc8f", "box"),
}
EVENT_STYLE = ("#f4a261", "ellipse")


def style_of(cls: str) -> tuple[str, str]:
    return CLASS_STYLE.get(cls, EVENT_STYLE)


def vis_asset(name: str) -> str:
    base = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / name
    return base.read_text(encoding="utf-8")


def tooltip(data: dict) -> str:
    parts = [data.get("label_en", ""), data.get("label_ar", ""), data.get("cls", "")]
    if data.get("date"):
        parts.append(data["date"])
    if data.get("sentence"):
        parts.append(data["sentence"])
    return "\n".join(p for p in parts if p)


def page_data(net: nx.MultiDiGraph) -> dict:
    """Nodes and edges as vis-network wants them, with pyvis' defaults for layout options."""
    from pyvis.network import Network

    vis = Network(directed=True, cdn_resources="in_line")
    for node, data in net.nodes(data=True):
        colour, shape = style_of(data.get("cls", ""))
        vis.add_node(node, label=data.get("label_ar") or node, title=tooltip(data), color=colour, shape=shape,
                     **{k: v for k, v in data.items() if k not in ("label", "title", "color", "shape")})
    for source, target, data in net.edges(data=True):
        vis.add_edge(source, target, label=data.get("label", ""), title=data.get("label", ""), arrows="to")
    vis.toggle_physics(True)
    return {"nodes": vis.nodes, "edges": vis.edges, "options": json.loads(vis.options.to_json())}


def script_json(value: object) -> str:
    """JSON safe inside a <script> element: no "</script>" or "<!--" can close or open anything."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_html(net: nx.MultiDiGraph, title: str = "kg — who said what") -> str:
    template = (resources.files("kg.export") / "templates" / "page.html").read_text(encoding="utf-8")
    data = page_data(net)
    legend = sorted({(d.get("cls", ""),) + style_of(d.get("cls", "")) for _, d in net.nodes(data=True)})
    replacements = {
        "{{VIS_CSS}}": vis_asset("vis-network.css"),
        "{{VIS_JS}}": vis_asset("vis-network.min.js"),
        "{{DATA}}": script_json({"nodes": data["nodes"], "edges": data["edges"], "legend": legend}),
        "{{TITLE}}": html_escape(title),
    }
    page = template
    for key, value in replacements.items():
        page = page.replace(key, value)
    return page


def html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def write_html(net: nx.MultiDiGraph, path: str | Path) -> Path:
    return write_text_atomic(path, render_html(net))
