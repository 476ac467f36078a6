"""The `corpus` command line: thin commands over the library (see ../SPEC in shared/).

No SQL and no spaCy here: commands validate options, call one library function, and pass the
result to ``output.render``. Library errors become one ``Error: …`` line and the SPEC's exit code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from mattis_corpus.cli.render.formats import (
    COMMON_FORMATS,
    OutputFormat,
    printable,
    render,
    resolve_format,
)
from mattis_corpus.errors import BadInputError, CorpusError
from mattis_corpus.labels import ENTITY_TYPES

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
FORMATS = click.Choice([f.value for f in OutputFormat], case_sensitive=False)
TYPES = click.Choice(ENTITY_TYPES, case_sensitive=False)
COUNT_MAX = 2**63 - 1  # SQLite's largest integer: a larger --limit is a usage error, not a crash


class CliError(click.ClickException):
    """A ClickException whose exit code comes from the library error."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(printable(message))  # messages name files: never raw escapes
        self.exit_code = exit_code


class CorpusGroup(click.Group):
    """Turns library errors into one-line messages (never a traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CorpusError as e:
            raise CliError(str(e), e.exit_code) from None
        except BrokenPipeError:
            _quiet_broken_pipe()
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            sys.exit(130)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except Exception as e:  # a bug: still one line, with a way to see more
            if type(e).__module__ == "sqlite3":  # damaged, full or read-only store: not a bug
                from mattis_corpus.store.db import store_error

                known = store_error(_db_path(ctx), e)
                raise CliError(str(known), known.exit_code) from None
            if isinstance(e, UnicodeEncodeError) and "surrogates" in str(e):
                # undecodable bytes from the command line, a file name or $CORPUS_DB
                raise CliError("an argument, path or file name is not valid UTF-8", 2) from None
            if os.environ.get("CORPUS_DEBUG"):
                raise
            raise CliError(
                f"internal error: {type(e).__name__}: {e} (set CORPUS_DEBUG=1 for a traceback)"
            ) from None


def _quiet_broken_pipe() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if value is not None:
        ctx.ensure_object(dict)[param.name] = value


def global_options(f: Callable) -> Callable:
    """--db, --format and --version, accepted before or after the subcommand name."""
    f = click.version_option(package_name="mattis_corpus", prog_name="corpus")(f)
    f = click.option(
        "--format", "format_", type=FORMATS, default=None, expose_value=False, callback=_remember,
        is_eager=True, help="table on a terminal, json when piped (default); or jsonl, csv "
        "(and html, timeml, timelinejs, gexf, graphml where the command has them).",
    )(f)
    f = click.option(
        "--db", type=click.Path(dir_okay=False), default=None, expose_value=False,
        callback=_remember, is_eager=True,
        help="The store (default: $CORPUS_DB, else data/processed/corpus.db).",
    )(f)
    return f


def _db_path(ctx: click.Context) -> str:
    from mattis_corpus.store.db import default_db_path

    obj = ctx.find_root().obj or {}
    return obj["db"] if obj.get("db") else default_db_path()


def _format(ctx: click.Context, *extra: OutputFormat) -> OutputFormat:
    """The output format; one outside the common ones and ``extra`` is a usage error (exit 2)."""
    obj = ctx.find_root().obj or {}
    fmt = resolve_format(obj.get("format_"))
    if fmt not in COMMON_FORMATS and fmt not in extra:
        have = ", ".join(["table", "json", "jsonl", "csv", *(f.value for f in extra)])
        raise click.UsageError(f"--format {fmt.value} is not available for this command "
                               f"(it has {have})", ctx)
    return fmt


def _open_store(ctx: click.Context, create: bool = False, write: bool = False):
    """The store: created if needed for ``ingest``; read-only for queries (a store in a folder
    the user may not write still answers), unless the command writes (``write``)."""
    from mattis_corpus.store.db import Store

    return Store(_db_path(ctx), create=create, readonly=not (create or write))


@click.group(cls=CorpusGroup, context_settings=CONTEXT_SETTINGS)
@global_options
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Turn a folder of French news articles into a corpus you can question.

    \b
    Example:
        corpus ingest data/raw
        corpus entities --type PER
        corpus search "etat islamique"
        corpus timeline --from 2017 | jq '.[].summary'
    """
    ctx.ensure_object(dict)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--force", is_flag=True, help="Re-run the NLP even on unchanged files.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes for the NLP.")
@click.option("--model", default=None, help="spaCy model (default: fr_core_news_sm).")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=16, show_default=True,
              help="Documents per nlp.pipe batch.")
@click.option("--follow-links", is_flag=True,
              help="Follow symbolic links that lead outside the given folders too.")
@global_options
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], force: bool, workers: int,
           model: str | None, batch_size: int, follow_links: bool) -> None:
    """Clean, analyse and store articles (files or folders, recursively): .txt, saved pages
    (.html/.htm/.html.gz), exports (.jsonl/.json/.csv, one article per record; - reads JSON
    Lines from stdin).

    Unchanged files are skipped without running the NLP; changed files replace their old
    version; a bad file or record is reported and skipped while the others are stored (exit 1).
    Documents not in French are stored, flagged and not analysed.

    \b
    Example:
        corpus ingest data/raw
        corpus ingest new_articles/ --workers 2 --format json
        cat export.jsonl | corpus ingest -
    """
    from mattis_corpus.run import ingest as run_ingest

    fmt = _format(ctx)
    if fmt is OutputFormat.CSV:  # a summary with lists in it has no rows
        raise click.UsageError("--format csv is not available for this command (it has table, json, jsonl)", ctx)
    with _open_store(ctx, create=True) as store, _progress_bar() as progress:
        from mattis_corpus.cli.waiting import lock_wait_reporter

        store.on_lock_wait = lock_wait_reporter(store.path, progress)
        report = run_ingest(paths, store, force=force, workers=workers, model=model,
                            batch_size=batch_size, progress=progress, follow_links=follow_links)
    for w in report.warnings:
        click.echo(printable(f"Warning: {w['path']}: {w['warning']}"), err=True)
    for f in report.failed:
        click.echo(printable(f"Error: {f['path']}: {f['error']}"), err=True)
    summary = (f"{len(report.added)} added, {len(report.updated)} updated, "
               f"{len(report.unchanged)} unchanged, {len(report.failed)} failed")
    if fmt is OutputFormat.TABLE:
        click.echo(summary)
    else:
        click.echo(summary, err=True)
        data = {k: v for k, v in report.as_dict().items() if k != "warnings"}
        data["warnings"] = report.warnings
        render(data, fmt)
    if report.failed:
        from mattis_corpus.ingest.records import RECORD_WHERE_RE

        records = any(RECORD_WHERE_RE.search(f["path"]) for f in report.failed)
        what = "file(s) or record(s)" if records else "file(s)"
        raise CliError(f"{len(report.failed)} {what} failed (see above); the others were stored", 1)


class _progress_bar:
    """A rich progress bar on stderr when stderr is a terminal; otherwise nothing."""

    def __enter__(self) -> Callable[[str, int | None], None] | None:
        self.bar = None
        if not sys.stderr.isatty():
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress("[progress.description]{task.description}", BarColumn(),
                            MofNCompleteColumn(), TimeRemainingColumn(),
                            console=Console(stderr=True), transient=True)
        self.bar.start()
        self.task = None

        def update(event: str, total: int | None) -> None:
            if event == "start":
                self.task = self.bar.add_task("reading", total=total)
            elif self.task is None:
                return
            elif event == "loading":
                self.bar.update(self.task, description="loading the spaCy model")
            elif event == "analysing":
                self.bar.update(self.task, description="analysing")
            elif event == "waiting":  # for another process's write lock (cli/waiting.py)
                self.bar.update(self.task, description=f"waiting for the write lock ({total} s)")
            else:
                self.bar.advance(self.task)

        return update

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@cli.command()
@click.option("--site", default=None, help="Only the documents of this site (as `docs` shows it).")
@click.option("--lang", default=None, help="Only the documents in this language (fr, en, …; none: unknown).")
@global_options
@click.pass_context
def docs(ctx: click.Context, site: str | None, lang: str | None) -> None:
    """List the documents: id, title, publication date (and where it came from), words,
    site and language.

    \b
    Example:
        corpus docs
        corpus docs --lang en | jq '.[].title'
    """
    from mattis_corpus.cli.render.terminal import docs_table
    from mattis_corpus.query.docs import DOC_FIELDS, list_docs

    with _open_store(ctx) as store:
        render(list_docs(store, site, lang), _format(ctx), columns=list(DOC_FIELDS), table=docs_table)


@cli.command()
@click.argument("doc_id", metavar="ID")
@global_options
@click.pass_context
def show(ctx: click.Context, doc_id: str) -> None:
    """Show one document: normalised text, paragraphs, entities and dates.

    \b
    Example:
        corpus show 002_da02cb10c2c558a6
        corpus show 002_da02cb10c2c558a6 --format json | jq '.dates'
    """
    from mattis_corpus.cli.render.terminal import show_view
    from mattis_corpus.query.docs import show_doc

    fmt = _format(ctx, OutputFormat.HTML, OutputFormat.TIMEML)
    with _open_store(ctx) as store:
        if fmt in (OutputFormat.HTML, OutputFormat.TIMEML):
            from mattis_corpus.cli.render.html.pages import show_export

            sys.stdout.write(show_export(store, doc_id, fmt.value))
            return
        render(show_doc(store, doc_id), fmt, table=show_view)


def _limit_option(default: int | None) -> Callable:
    return click.option("--limit", type=click.IntRange(min=0, max=COUNT_MAX), default=default,
                        show_default=default is not None, help="At most N results.")


@cli.command()
@click.option("--type", "type_", type=TYPES, help="Only this entity type.")
@click.option("--doc", "doc", metavar="ID", help="Only entities of this document.")
@click.option("--min-mentions", type=click.IntRange(min=1, max=COUNT_MAX), default=1, show_default=True)
@click.option("--sort", type=click.Choice(["mentions", "documents", "name"]), default="mentions",
              show_default=True)
@click.option("--lang", metavar="L", help="Count only mentions in documents of language L "
              "(ISO 639-1, or none for unknown).")
@_limit_option(None)
@global_options
@click.pass_context
def entities(ctx: click.Context, type_: str | None, doc: str | None, min_mentions: int,
             sort: str, lang: str | None, limit: int | None) -> None:
    """List canonical entities, each once however spelled, with counts and aliases.

    \b
    Example:
        corpus entities --type PER
        corpus entities --doc 002_da02cb10c2c558a6 --sort name
    """
    from mattis_corpus.cli.render.terminal import entities_table
    from mattis_corpus.query.entities import list_entities

    fmt = _format(ctx)
    with _open_store(ctx) as store:
        rows = list_entities(store, type_=type_.upper() if type_ else None, doc=doc,
                             min_mentions=min_mentions, sort=sort, limit=limit,
                             documents={OutputFormat.TABLE: "none", OutputFormat.CSV: "list"}
                             .get(fmt, "json"), lang=lang)
        render(rows, fmt, table=entities_table)


def _filter_options(f: Callable) -> Callable:
    for opt in reversed([
        click.option("--entity", metavar="NAME", help="Only with this entity (any alias)."),
        click.option("--type", "type_", type=TYPES, help="Only with an entity of this type."),
        click.option("--from", "date_from", metavar="D", help="From date D (YYYY[-MM[-DD]])."),
        click.option("--to", "date_to", metavar="D", help="Up to date D (YYYY[-MM[-DD]])."),
        click.option("--doc", "doc", metavar="ID", help="Only this document."),
        click.option("--lang", metavar="L", help="Only documents in language L (ISO 639-1, "
                     "e.g. fr; 'none': unknown)."),
    ]):
        f = opt(f)
    return f


def _dates(date_from: str | None, date_to: str | None):
    from mattis_corpus.query.common import DateRange

    try:
        return DateRange.parse(date_from, date_to)
    except BadInputError as e:
        raise click.UsageError(str(e)) from None


_EXCLUDE = "\u2212"  # the minus sign: a '-word' argument on its way past click's option parser


class _QueryCommand(click.Command):
    """``corpus search otan -trump``: an argument '-word' that is no option of the command is a
    word to exclude, as inside a quoted query (click would call it an unknown option)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        known = {o for p in self.get_params(ctx) for o in (*p.opts, *p.secondary_opts)}
        args = [_EXCLUDE + a[1:] if a[:1] == "-" and a[1:2] not in ("", "-") and len(a) > 2
                and a not in known else a for a in args]
        return super().parse_args(ctx, args)


@cli.command(cls=_QueryCommand)
@click.argument("query", nargs=-1, required=True)
@_limit_option(10)
@_filter_options
@global_options
@click.pass_context
def search(ctx: click.Context, query: tuple[str, ...], limit: int, entity: str | None, type_: str | None,
           date_from: str | None, date_to: str | None, doc: str | None, lang: str | None) -> None:
    """Ranked full-text search (accent-, case- and inflection-insensitive).

    QUERY: words (all must match), "exact phrases", OR, -word to exclude, prefix*.
    Several arguments are joined into one query (quote phrases for the shell: '"a b"').

    \b
    Example:
        corpus search "etat islamique"
        corpus search '"forces spéciales" OR commandos' --from 2018
    """
    from mattis_corpus.cli.render.terminal import MATCH_CLOSE, MATCH_OPEN, search_table
    from mattis_corpus.errors import QuerySyntaxError
    from mattis_corpus.query.search import search as run_search

    dates = _dates(date_from, date_to)
    fmt = _format(ctx)
    marks = (MATCH_OPEN, MATCH_CLOSE) if fmt is OutputFormat.TABLE else ("[", "]")
    with _open_store(ctx) as store:
        try:
            text = " ".join(q.replace(_EXCLUDE, "-") for q in query)
            rows = list(run_search(store, text, limit=limit, entity=entity,
                                   type_=type_.upper() if type_ else None, dates=dates, doc=doc,
                                   marks=marks, lang=lang))
        except QuerySyntaxError as e:
            raise click.UsageError(str(e)) from None
        render(rows, fmt, table=search_table)


@cli.command()
@_filter_options
@global_options
@click.pass_context
def timeline(ctx: click.Context, entity: str | None, type_: str | None, date_from: str | None,
             date_to: str | None, doc: str | None, lang: str | None) -> None:
    """Dated events in date order, built from the dates in the articles.

    An event is kept when its date interval overlaps [--from, --to].

    \b
    Example:
        corpus timeline --from 2017
        corpus timeline --entity Mattis --format json | jq 'map(.date)'
    """
    from mattis_corpus.cli.render.terminal import timeline_table
    from mattis_corpus.query.timeline import timeline as run_timeline

    dates = _dates(date_from, date_to)
    fmt = _format(ctx, OutputFormat.HTML, OutputFormat.TIMELINEJS)
    with _open_store(ctx) as store:
        rows = list(run_timeline(store, dates=dates, entity=entity,
                                 type_=type_.upper() if type_ else None, doc=doc, lang=lang))
    if fmt in (OutputFormat.HTML, OutputFormat.TIMELINEJS):
        from mattis_corpus.cli.render.html.pages import timeline_export

        sys.stdout.write(timeline_export(rows, fmt.value, _timeline_title(date_from, date_to, entity)))
        return
    render(rows, fmt, table=timeline_table)


def _timeline_title(date_from: str | None, date_to: str | None, entity: str | None) -> str:
    span = f" {date_from or '…'} – {date_to or '…'}" if date_from or date_to else ""
    return "Timeline" + span + (f" — {entity}" if entity else "")


@cli.command()
@click.argument("term")
@click.option("--width", type=click.IntRange(5, 500), default=40, show_default=True,
              help="Characters of context on each side.")
@_limit_option(100)
@global_options
@click.pass_context
def kwic(ctx: click.Context, term: str, width: int, limit: int) -> None:
    """Keyword in context: every occurrence of TERM with its left and right context.

    \b
    Example:
        corpus kwic allié
        corpus kwic "forces spéciales" --width 30
    """
    from mattis_corpus.cli.render.terminal import kwic_table
    from mattis_corpus.errors import QuerySyntaxError
    from mattis_corpus.query.kwic import kwic as run_kwic

    with _open_store(ctx) as store:
        try:
            rows = list(run_kwic(store, term, width=width, limit=limit))
        except QuerySyntaxError as e:
            raise click.UsageError(str(e)) from None
        render(rows, _format(ctx), table=kwic_table)


@cli.command()
@global_options
@click.pass_context
def reindex(ctx: click.Context) -> None:
    """Rebuild the search index with this corpus's text analysis.

    Needed only when `search` says the index was built by another version of the analysis
    (`ingest` does it by itself).

    \b
    Example:
        corpus reindex
    """
    with _open_store(ctx, write=True) as store:
        n = store.reindex()
    render({"reindexed": n}, _format(ctx))


@cli.command()
@click.argument("file", type=click.File("rb"), default="-")
@click.option("--published", metavar="D", help="Publication date YYYY[-MM[-DD]]: the anchor for relative dates.")
@click.option("--jsonl", "jsonl", is_flag=True,
              help='Batch mode: one {"id","text","published"} per input line, one annotation per output '
                   'line; a bad record gets {"id","line","error"} instead and the batch goes on (exit 1).')
@click.option("--model", default=None, help="spaCy model (default: fr_core_news_sm).")
@global_options
@click.pass_context
def annotate(ctx: click.Context, file: Any, published: str | None, jsonl: bool, model: str | None) -> None:
    """Run the NLP on one text (or a JSONL batch) without storing it.

    An article file (.txt, .html) is read and cleaned as `ingest` does, its publication date
    found on the page (--published overrides it); text on stdin is annotated as given.

    \b
    Example:
        echo "Jim Mattis était à Paris le 2 octobre 2018." | corpus annotate --published 2018-10-02
        corpus annotate --jsonl articles.jsonl > annotations.jsonl
    """
    from mattis_corpus.cli.batch import annotate_jsonl, annotate_page, annotate_text
    from mattis_corpus.dates import parse_partial

    if published:
        try:
            parse_partial(published)
        except BadInputError as e:
            raise click.UsageError(f"--published: {e}") from None
    fmt = _format(ctx)
    if jsonl:
        failed = annotate_jsonl(file, published, model, fmt)
        if failed:
            raise CliError(f"{failed} record(s) failed (see the error lines); the others were annotated")
        return
    name = getattr(file, "name", "-")
    if isinstance(name, str) and name not in ("-", "<stdin>") and _article_file(name):
        file.close()
        annotate_page(name, published, model, fmt)
        return
    data = file.read()
    if not data.strip():
        raise BadInputError("no text to annotate (empty input)")
    annotate_text(data, published, model, fmt)


def _article_file(name: str) -> bool:
    """An article file ``ingest`` reads as one document (.txt, a saved page), not an export."""
    from mattis_corpus.ingest.records import is_record_name
    from mattis_corpus.ingest.sources import is_input_name

    low = Path(name).name.lower()
    return is_input_name(low) and not is_record_name(low)


from mattis_corpus.cli.network import network as _network  # noqa: E402  (it uses the helpers above)

cli.add_command(_network)
from mattis_corpus.cli.quotes import quotes as _quotes  # noqa: E402  (it uses the helpers above)

cli.add_command(_quotes)


def main() -> None:
    """Console-script entry point: every error is one ``Error: …`` line on stderr."""
    try:
        code = cli.main(prog_name="corpus", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as e:  # plain `corpus`: the help, as git does
        click.echo(e.ctx.get_help())
        sys.exit(0)
    except click.UsageError as e:  # bad option, bad value, malformed query or date: exit 2
        where = e.ctx.command_path if e.ctx else "corpus"
        click.echo(printable(f"Error: {e.format_message()} (see '{where} --help')"), err=True)
        sys.exit(2)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except click.Abort:
        click.echo("Error: aborted", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
