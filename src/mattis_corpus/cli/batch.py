"""`corpus annotate`: one text, or a JSON Lines batch where one bad record never loses the rest.

Each bad record becomes an error object ``{"id", "line", "error"}`` on its own output line, in
input order, plus an ``Error: line N: …`` line on stderr; the batch goes on and the command
ends with exit 1. Records are checked here before the NLP sees them, so the NLP only ever gets
records it can annotate.
"""

from __future__ import annotations

import collections
import json
import math
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

import click

from mattis_corpus.cli.render.formats import OutputFormat, dumps, printable, render
from mattis_corpus.errors import BadInputError


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _json_id(value: Any) -> Any:
    """The record's ``id`` as it can be echoed in valid JSON (else null)."""
    if isinstance(value, str | int | bool) or value is None:
        return value
    return value if isinstance(value, float) and math.isfinite(value) else None


def check_record(item: Any, published: str | None, max_chars: int) -> dict:
    """The record ready for the NLP, or ``BadInputError`` saying what is wrong with it."""
    from mattis_corpus.dates import parse_partial

    if not isinstance(item, dict):
        raise BadInputError("expected a JSON object")
    text = item.get("text")
    if not isinstance(text, str):
        raise BadInputError("each input object needs a string field 'text'")
    if not text.strip():
        raise BadInputError("no text to annotate (empty 'text')")
    if len(text) > max_chars:
        raise BadInputError(f"text too long ({len(text):,} characters; the limit is {max_chars:,})")
    if published and not item.get("published"):
        item = {**item, "published": published}
    value = item.get("published") or None
    if value is not None:
        if not isinstance(value, str):
            raise BadInputError("'published' must be a string YYYY[-MM[-DD]]")
        parse_partial(value)
    return item


def _parse_line(n: int, raw: bytes, published: str | None, max_chars: int) -> dict:
    """One input line → a checked record; ``BadInputError`` (with the id when known)."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:  # like ingest: the bad bytes replaced, with a warning
        line = raw.decode("utf-8", "replace")
        click.echo(f"Warning: line {n}: not valid UTF-8 (byte {e.start}): the bad bytes were "
                   "replaced by U+FFFD", err=True)
    try:
        item = json.loads(line, parse_constant=_no_constant)
    except RecursionError:
        raise BadInputError("not JSON (nested too deeply)") from None
    except ValueError as e:
        raise BadInputError(f"not JSON ({getattr(e, 'msg', e)})") from None
    try:
        return check_record(item, published, max_chars)
    except BadInputError as e:
        e.record_id = _json_id(item.get("id")) if isinstance(item, dict) else None  # type: ignore[attr-defined]
        raise


def annotate_jsonl(lines: Iterable[bytes], published: str | None, model: str | None,
                   fmt: OutputFormat, out: IO[str] | None = None) -> int:
    """Annotate a JSON Lines batch, writing one object per record; returns the failures."""
    from mattis_corpus.nlp.annotate import annotate_many
    from mattis_corpus.nlp.model import MAX_CHARS

    errors: collections.deque[dict] = collections.deque()
    good: collections.deque[int] = collections.deque()

    def records() -> Iterator[dict]:
        for n, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            try:
                item = _parse_line(n, raw, published, MAX_CHARS)
            except BadInputError as e:
                errors.append({"id": getattr(e, "record_id", None), "line": n, "error": str(e)})
                click.echo(printable(f"Error: line {n}: {e}"), err=True)
                continue
            good.append(n)
            yield item

    def results() -> Iterator[dict]:
        for result in annotate_many(records(), model=model):
            n = good.popleft()
            while errors and errors[0]["line"] < n:
                yield errors.popleft()
            yield result
        yield from errors

    failed = 0

    def counted() -> Iterator[dict]:
        nonlocal failed
        for row in results():
            failed += "error" in row and "line" in row
            yield row

    out = out or sys.stdout
    if fmt is OutputFormat.CSV:
        render(counted(), fmt, out=out)
    else:
        for row in counted():
            out.write(dumps(row) + "\n")
    return failed


def annotate_text(data: bytes, published: str | None, model: str | None, fmt: OutputFormat) -> None:
    """Annotate one text, decoded as ``ingest`` decodes a file (a warning for bad bytes)."""
    from mattis_corpus.ingest.sources import decode
    from mattis_corpus.nlp.annotate import annotate_many
    from mattis_corpus.nlp.model import MAX_CHARS

    text, _encoding, warnings = decode(data)
    for w in warnings:
        click.echo(f"Warning: input: {w}", err=True)
    item = check_record({"text": text}, published, MAX_CHARS)
    result = next(annotate_many([item], model=model))
    render(result, OutputFormat.JSON if fmt is OutputFormat.TABLE else fmt)


def annotate_page(path: str, published: str | None, model: str | None, fmt: OutputFormat) -> None:
    """Annotate an article file as ``ingest`` would store it: read by its type (text or saved
    page), cleaned, its publication date found (``--published`` overrides it); so ``annotate
    FILE`` and ``ingest`` + ``show`` agree on the text, its offsets and the dates."""
    from pathlib import Path

    from mattis_corpus.ingest.document import prepare
    from mattis_corpus.ingest.sources import read_items
    from mattis_corpus.nlp.annotate import annotate_many
    from mattis_corpus.nlp.model import MAX_CHARS

    [(where, raw)] = list(read_items(Path(path)))
    if isinstance(raw, BadInputError):
        raise BadInputError(f"{where}: {raw}")
    for w in raw.warnings:
        click.echo(printable(f"Warning: {where}: {w}"), err=True)
    cleaned, found = prepare(raw)
    if not cleaned.text.strip():
        raise BadInputError(f"{where}: no article text left after cleaning")
    item = check_record({"text": cleaned.text, "published": published or found.value}, None, MAX_CHARS)
    result = next(annotate_many([item], model=model))
    render(result, OutputFormat.JSON if fmt is OutputFormat.TABLE else fmt)
