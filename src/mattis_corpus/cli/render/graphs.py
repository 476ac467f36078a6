"""GEXF and GraphML, written by networkx (imported here only: query start-up never pays)."""

from __future__ import annotations

import io
from typing import IO


def to_networkx(graph: dict):
    """The ``network`` graph as a ``networkx.Graph`` (documents joined with ``;``: both
    formats keep only scalar attributes)."""
    import networkx as nx

    g = nx.Graph()
    for n in graph["nodes"]:
        g.add_node(n["id"], label=n["name"], name=n["name"], type=n["type"], mentions=n["mentions"])
    for e in graph["edges"]:
        g.add_edge(e["source"], e["target"], weight=e["weight"], documents=";".join(e["documents"]),
                   document_count=len(e["documents"]))
    return g


def write_graph(graph: dict, fmt: str, out: IO[str]) -> None:
    """Write ``graph`` as ``gexf`` or ``graphml`` (UTF-8 XML) to the text stream ``out``."""
    import networkx as nx

    g, buf = to_networkx(graph), io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(g, buf, encoding="utf-8")
    elif fmt == "graphml":
        nx.write_graphml(g, buf, encoding="utf-8")
    else:
        raise ValueError(f"not a graph format: {fmt}")
    out.write(buf.getvalue().decode("utf-8"))
    if not buf.getvalue().endswith(b"\n"):
        out.write("\n")
