"""The three pages (timeline, network, document) and the exports of ``timeline`` and ``show``.

The timeline and the network are drawn in the browser from their embedded JSON; the document
is marked up here, every text through ``html.escape``, in the manner of displaCy: a coloured
mark per entity or date with its label, quotes as a highlighted span under them.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING

from mattis_corpus.cli.render.html import asset, fill, page
from mattis_corpus.french import MONTHS
from mattis_corpus.labels import ENTITY_TYPES

if TYPE_CHECKING:
    from mattis_corpus.store.db import Store

_EVENT_FIELDS = ("date", "precision", "start", "end", "date_text", "doc", "sentence", "summary",
                 "entities")


def timeline_page(rows: list[dict], title: str = "Timeline") -> str:
    """Events on a horizontal time axis, with zoom, pan and filters (see ``timeline.js``)."""
    events = [{k: r.get(k) for k in _EVENT_FIELDS} for r in rows]
    data = {"title": title, "months": list(MONTHS), "types": list(ENTITY_TYPES), "events": events}
    return page("timeline", title, data, asset("timeline.html"))


def network_page(graph: dict, title: str = "Network") -> str:
    """A force layout of the co-occurrence graph (see ``network.js``)."""
    return page("network", title, graph, asset("network.html"))


def timeline_export(rows: list[dict], fmt: str, title: str) -> str:
    """``timeline --format html|timelinejs``."""
    if fmt == "timelinejs":
        from mattis_corpus.cli.render.timelinejs import timelinejs

        return timelinejs(rows, title)
    return timeline_page(rows, title)


def show_export(store: Store, doc_id: str, fmt: str) -> str:
    """``show ID --format html|timeml``."""
    from mattis_corpus.query.pictures import document_view

    view = document_view(store, doc_id)
    if fmt == "timeml":
        from mattis_corpus.cli.render.timeml import timeml

        return timeml(view)
    return show_page(view)


def show_page(view: dict) -> str:
    """The article with its marks, and a side list of its entities, events and quotes."""
    title = view.get("title") or view["id"]
    meta = " · ".join(html.escape(str(v)) for v in (
        view["id"], view.get("published") or "undated", f"{view.get('words')} words",
        view.get("site"), view.get("author")) if v)
    legend = "".join(f'<span class="chip t-{t}">{t}</span>' for t in (*ENTITY_TYPES, "DATE"))
    if view.get("quotes"):
        legend += '<span class="chip quote">quote</span>'
    body = fill(asset("show.html"), meta=meta, legend=legend, article=article_html(view),
                side=_side_html(view))
    data = {k: view.get(k) for k in ("id", "title", "published", "entities", "dates", "events",
                                     "quotes")}
    return page("show", title, data, body)


def _spans(view: dict) -> list[tuple[int, int, int, str, str]]:
    """(start, end, rank, opening tag, closing tag) of every mark; rank 0 (quotes) nests
    outside rank 1 (entities and dates) when both start at one offset."""
    out = []
    for n, q in enumerate(view.get("quotes") or []):
        who = " · ".join(str(v) for v in (q.get("speaker") or q.get("speaker_text"), q.get("kind")) if v)
        label = f'<span class="qlabel">{html.escape(who)}</span>' if who else ""
        out.append((q["start"], q["end"], 0,
                    f'<span class="quote" data-quote="{n}" title="{html.escape(who)}">{label}', "</span>"))
    for m in view.get("entities") or []:
        key = html.escape(m.get("entity_id") or "")
        out.append((m["start"], m["end"], 1,
                    f'<mark class="ent t-{html.escape(m["type"])}" data-entity="{key}" '
                    f'title="{html.escape(m.get("entity") or "")}">',
                    f'<span class="label">{html.escape(m["type"])}</span></mark>'))
    for d in view.get("dates") or []:
        out.append((d["start"], d["end"], 1,
                    f'<mark class="ent t-DATE" title="{html.escape(d.get("value") or "")}">',
                    f'<span class="label">{html.escape(d["type"])} '
                    f'{html.escape(d.get("value") or "")}</span></mark>'))
    return sorted(out, key=lambda s: (s[0], -s[1], s[2]))


def _nest(spans: list[tuple[int, int, int, str, str]], lo: int, hi: int) -> list:
    """A forest of marks inside ``[lo, hi)``: a mark that crosses its parent's end is cut
    there, one that would be empty is dropped (the text is never lost, only a mark)."""
    root: list = [lo, hi, "", "", []]
    stack = [root]
    for start, end, _rank, open_, close in spans:
        start, end = max(start, lo), min(end, hi)
        if start >= end:
            continue
        while len(stack) > 1 and stack[-1][1] <= start:
            stack.pop()
        end = min(end, stack[-1][1])
        if start >= end:
            continue
        node = [start, end, open_, close, []]
        stack[-1][4].append(node)
        stack.append(node)
    return root


def _render(text: str, node: list) -> str:
    start, end, open_, close, children = node
    out, pos = [open_], start
    for child in children:
        out.append(html.escape(text[pos:child[0]]))
        out.append(_render(text, child))
        pos = child[1]
    out.append(html.escape(text[pos:end]))
    out.append(close)
    return "".join(out)


def article_html(view: dict) -> str:
    """The paragraphs of the text, each with its marks (offsets index ``view["text"]``)."""
    text, spans = view["text"], _spans(view)
    paragraphs = view.get("paragraphs") or [{"start": 0, "end": len(text), "kind": "body"}]
    tags = {"title": "h2", "heading": "h3", "caption": "figcaption"}
    out = []
    for p in paragraphs:
        tag = tags.get(p["kind"], "p")
        inside = [s for s in spans if s[0] < p["end"] and s[1] > p["start"]]
        out.append(f'<{tag} class="p-{html.escape(p["kind"])}">'
                   f'{_render(text, _nest(inside, p["start"], p["end"]))}</{tag}>')
    return "\n".join(out)


def _side_html(view: dict) -> str:
    """Entities (by type, most mentioned first), then events, then quotes."""
    counts = Counter((m.get("entity_id") or "", m.get("entity") or m["text"], m["type"])
                     for m in view.get("entities") or [])
    parts = [f"<h2>Entities ({len(counts)})</h2><ul id=\"entities\">"]
    for (key, name, type_), n in sorted(counts.items(), key=lambda kv: (kv[0][2], -kv[1], kv[0][1])):
        parts.append(f'<li data-show="{html.escape(key)}"><span class="chip t-{html.escape(type_)}">'
                     f'{html.escape(name)}</span> <span class="count">×{n}</span></li>')
    parts.append(f"</ul><h2>Events ({len(view.get('events') or [])})</h2><ul id=\"events\">")
    for e in view.get("events") or []:
        parts.append(f'<li><b>{html.escape(e["date"])}</b> «{html.escape(e["date_text"])}» '
                     f"{html.escape(e['summary'])}</li>")
    parts.append("</ul>")
    if view.get("quotes"):
        parts.append(f"<h2>Quotes ({len(view['quotes'])})</h2><ul id=\"quotes\">")
        for q in view["quotes"]:
            said = view["text"][q["start"]:q["end"]]
            who = q.get("speaker") or q.get("speaker_text") or "?"
            parts.append(f"<li><b>{html.escape(str(who))}</b>: {html.escape(said[:160])}</li>")
        parts.append("</ul>")
    return "".join(parts)
