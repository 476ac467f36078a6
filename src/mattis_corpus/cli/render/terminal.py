"""Terminal views (the ``table`` format) for commands whose rows deserve more than a grid."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from typing import IO

from mattis_corpus.cli.render.formats import (
    safe_same_length,
    safe_text,
    stdout_console,
    write_table,
)
from mattis_corpus.french import MONTHS

MATCH_OPEN, MATCH_CLOSE = "\ue000", "\ue001"  # private-use: never in normalised article text


def _marked(text: str, style: str = "bold yellow"):
    """A rich Text where MATCH_OPEN…MATCH_CLOSE become highlighting; the rest stays literal."""
    from rich.text import Text

    out = Text()
    for i, part in enumerate(safe_text(text).split(MATCH_OPEN)):
        if i == 0:
            out.append(part)
            continue
        hit, _, rest = part.partition(MATCH_CLOSE)
        out.append(hit, style=style)
        out.append(rest)
    return out


def search_table(rows: Iterable[dict], out: IO[str]) -> None:
    from rich.text import Text

    console = stdout_console(out)
    n = 0
    for n, r in enumerate(rows, 1):
        head = Text(f"{n:>2}. ", style="dim")
        head.append(safe_text(r["title"] or r["doc"]), style="bold")
        head.append(f"  {safe_text(r['doc'])}  {r['published'] or 'undated'}  score {r['score']:.2f}",
                    style="dim")
        console.print(head)
        console.print(Text("    ").append(_marked(r["snippet"])))
    if n == 0:
        console.print(Text("(no results)", style="dim"))


def kwic_table(rows: Iterable[dict], out: IO[str]) -> None:
    from rich.text import Text

    rows = list(rows)
    console = stdout_console(out)
    if not rows:
        console.print(Text("(no results)", style="dim"))
        return
    lw = max(len(safe_text(r["left"])) for r in rows)
    dw = max(len(safe_text(r["doc"])) for r in rows)
    for r in rows:
        line = Text(safe_text(r["doc"]).ljust(dw) + "  ", style="dim")
        line.append(safe_text(r["left"]).rjust(lw) + " ")
        line.append(safe_text(r["match"]), style="bold yellow")
        line.append(" " + safe_text(r["right"]))
        console.print(line, overflow="ellipsis", no_wrap=True)


def timeline_table(rows: Iterable[dict], out: IO[str]) -> None:
    """Events grouped by year and month, each with the date's words and its document."""
    from rich.text import Text

    console = stdout_console(out)
    any_rows = False
    for year, year_rows in groupby(rows, key=lambda r: r["date"][:4]):
        console.print(Text(year, style="bold underline"))
        for month, month_rows in groupby(year_rows, key=_month_key):
            label = MONTHS[int(month) - 1] if month else "dans l'année"
            console.print(Text(f"  {label}", style="bold"))
            for r in month_rows:
                any_rows = True
                line = Text(f"    {r['date']:<11}", style="cyan")
                line.append(safe_text(r["summary"]))
                line.append(f"  «{safe_text(r['date_text'])}» {safe_text(r['doc'])}", style="dim")
                console.print(line)
    if not any_rows:
        console.print(Text("(no events)", style="dim"))


def _month_key(row: dict) -> str:
    """Group day/month-precise events by month; coarser ones (year, season…) stand apart."""
    return row["date"][5:7]


def show_view(doc: dict, out: IO[str]) -> None:
    """The document text with entities and dates highlighted."""
    from rich.text import Text

    console = stdout_console(out)
    head = Text(safe_text(doc["title"] or doc["id"]), style="bold")
    head.append(f"\n{safe_text(doc['id'])} · published {doc['published'] or 'unknown'}"
                f" ({doc['published_source'] or '—'}) · {doc['words']} words", style="dim")
    console.print(head)
    text = Text(safe_same_length(doc["text"]))  # offsets below index the stored text
    colours = {"PER": "bold magenta", "LOC": "bold green", "ORG": "bold blue", "MISC": "bold"}
    for e in doc["entities"]:
        text.stylize(colours.get(e["type"], "bold"), e["start"], e["end"])
    for d in doc["dates"]:
        text.stylize("bold cyan underline", d["start"], d["end"])
    for q in doc.get("quotes", ()):
        text.stylize("italic on grey23", q["start"], q["end"])
    console.print(text)
    legend = Text("\nPER ", style="bold magenta").append("LOC ", style="bold green")
    legend.append("ORG ", style="bold blue").append("MISC ", style="bold").append("date", style="bold cyan underline")
    legend.append(" ").append("quote", style="italic on grey23")
    console.print(legend)


def docs_table(rows: Iterable[dict], out: IO[str]) -> None:
    write_table(rows, out, ["id", "published", "published_source", "words", "language", "site", "title"])


def entities_table(rows: Iterable[dict], out: IO[str]) -> None:
    table_rows = [
        {"name": r["name"], "type": r["type"], "mentions": r["mentions"],
         "documents": r["document_count"], "quotes": r.get("quotes", 0),
         "aliases": ", ".join(r["aliases"])}
        for r in rows
    ]
    write_table(table_rows, out, ["name", "type", "mentions", "documents", "quotes", "aliases"])
