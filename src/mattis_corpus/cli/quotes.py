"""`corpus quotes`: who said what, from the quotations found at ingest (read from the store)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

import click

from mattis_corpus.cli.commands import _dates, _format, _open_store, global_options
from mattis_corpus.cli.render.formats import render, safe_text, stdout_console

UNNAMED = "(unnamed speakers)"


@click.command()
@click.option("--speaker", metavar="NAME", help="Only this speaker (any alias; accents and case ignored).")
@click.option("--doc", "doc", metavar="ID", help="Only this document.")
@click.option("--from", "date_from", metavar="D", help="Documents published from D (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", metavar="D", help="Documents published up to D.")
@click.option("--search", metavar="QUERY", help="Only quotes matching QUERY (the `search` syntax).")
@click.option("--lang", metavar="L", help="Only documents in language L (ISO 639-1; 'none': unknown).")
@global_options
@click.pass_context
def quotes(ctx: click.Context, speaker: str | None, doc: str | None, date_from: str | None,
           date_to: str | None, search: str | None, lang: str | None) -> None:
    """Quotations (direct, partial, indirect) with their speaker and reporting verb.

    A speaker the article does not name ("un diplomate européen") has speaker null and the
    article's words in speaker_text. On a terminal, quotes are grouped by speaker.

    \b
    Example:
        corpus quotes --speaker mattis --from 2017
        corpus quotes --search otan --format json | jq '.[].speaker'
    """
    from mattis_corpus.errors import QuerySyntaxError
    from mattis_corpus.query.quotes import QUOTE_FIELDS, list_quotes

    dates = _dates(date_from, date_to)
    fmt = _format(ctx)
    with _open_store(ctx) as store:
        try:
            rows = list(list_quotes(store, speaker=speaker, doc=doc, dates=dates, search=search,
                                    lang=lang))
        except QuerySyntaxError as e:
            raise click.UsageError(f"--search: {e}") from None
        render(rows, fmt, columns=list(QUOTE_FIELDS), table=quotes_view)


def quotes_view(rows: Iterable[dict], out: IO[str]) -> None:
    """Quotes grouped by speaker (most quoted first), each with its document and verb."""
    from rich.text import Text

    console = stdout_console(out)
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r["speaker"] or UNNAMED, []).append(r)
    if not groups:
        console.print(Text("(no quotes)", style="dim"))
        return
    for name, items in sorted(groups.items(), key=lambda g: (g[0] == UNNAMED, -len(g[1]), g[0])):
        console.print(Text(f"{safe_text(name)}  ({len(items)})", style="bold underline"))
        for r in items:
            line = Text(f"  [{r['kind']}] ", style="dim")
            line.append(f"« {safe_text(r['quote'])} »")
            who = "" if r["speaker"] else f"{safe_text(r['speaker_text'] or '?')}, "
            line.append(f"  {who}{safe_text(r['verb'] or '—')} · {safe_text(r['doc'])}"
                        f" · {r['published'] or 'undated'}", style="dim")
            console.print(line)
