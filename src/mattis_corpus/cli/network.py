"""`corpus network`: the entities that occur in the same sentence, as a graph (JSON, a table,
an interactive page, or GEXF/GraphML for Gephi and networkx)."""

from __future__ import annotations

import sys

import click

from mattis_corpus.cli.commands import _dates, _format, _open_store, global_options
from mattis_corpus.cli.render.formats import OutputFormat, render


@click.command()
@click.option("--type", "types", metavar="T[,T…]",
              help="Only entities of these types (comma-separated: PER,ORG,LOC,MISC).")
@click.option("--min-weight", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only links seen in at least N sentences.")
@click.option("--doc", "doc", metavar="ID", help="Only this document.")
@click.option("--from", "date_from", metavar="D", help="Documents published from D (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", metavar="D", help="Documents published up to D.")
@global_options
@click.pass_context
def network(ctx: click.Context, types: str | None, min_weight: int, doc: str | None,
            date_from: str | None, date_to: str | None) -> None:
    """Entities that occur in the same sentence: nodes, and edges weighted by sentences.

    JSON is {"nodes": [...], "edges": [...]}; the table, JSON Lines and CSV list the edges.
    --format html writes an interactive page; gexf and graphml open in Gephi and networkx.

    \b
    Example:
        corpus network --type PER,ORG --format html > network.html
        corpus network --type PER --format gexf > people.gexf
    """
    from mattis_corpus.query.network import network as build
    from mattis_corpus.query.network import parse_types

    fmt = _format(ctx, OutputFormat.HTML, OutputFormat.GEXF, OutputFormat.GRAPHML)
    kinds = parse_types(types)
    dates = _dates(date_from, date_to)
    with _open_store(ctx) as store:
        graph = build(store, types=kinds, min_weight=min_weight, doc=doc, dates=dates)
    if fmt is OutputFormat.HTML:
        from mattis_corpus.cli.render.html.pages import network_page

        sys.stdout.write(network_page(graph, _title(kinds, doc)))
    elif fmt in (OutputFormat.GEXF, OutputFormat.GRAPHML):
        from mattis_corpus.cli.render.graphs import write_graph

        write_graph(graph, fmt.value, sys.stdout)
    elif fmt is OutputFormat.JSON:
        render(graph, fmt)
    else:
        render(_edge_rows(graph), fmt, columns=["source", "target", "source_name", "target_name",
                                                "weight", "documents"])


def _title(types: tuple[str, ...], doc: str | None) -> str:
    what = ", ".join(types) if types else "all entities"
    return f"Network — {what}" + (f" — {doc}" if doc else "")


def _edge_rows(graph: dict) -> list[dict]:
    """Edges with their endpoints' names: what a table, JSON Lines or CSV reader wants."""
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    return [{"source": e["source"], "target": e["target"], "source_name": names[e["source"]],
             "target_name": names[e["target"]], "weight": e["weight"],
             "documents": e["documents"]} for e in graph["edges"]]
