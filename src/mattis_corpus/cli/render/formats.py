"""6 · Output: choose the format once at the edge, then render rows as table, JSON, JSONL or CSV.

``auto`` means a table when stdout is a terminal and JSON when it is piped (decided from
``sys.stdout.isatty()``, not from rich, whose terminal detection honours FORCE_COLOR).
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import IO, Any

from mattis_corpus.textutil import ESCAPE_SEQUENCE_RE, RawJSON


class OutputFormat(StrEnum):
    AUTO = "auto"
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    HTML = "html"  # the pictures and standard exports: only where a command has them
    TIMEML = "timeml"
    TIMELINEJS = "timelinejs"
    GEXF = "gexf"
    GRAPHML = "graphml"


# Every command has these; the others only where the command names them (``cli._format``).
COMMON_FORMATS = frozenset({OutputFormat.AUTO, OutputFormat.TABLE, OutputFormat.JSON,
                            OutputFormat.JSONL, OutputFormat.CSV})


def resolve_format(fmt: OutputFormat | str | None, stream: IO[str] | None = None) -> OutputFormat:
    """Turn ``auto`` (or None) into ``table`` on a terminal and ``json`` otherwise."""
    fmt = OutputFormat(fmt or "auto")
    if fmt is OutputFormat.AUTO:
        stream = stream or sys.stdout
        try:
            tty = stream.isatty()
        except (AttributeError, ValueError):
            tty = False
        return OutputFormat.TABLE if tty else OutputFormat.JSON
    return fmt


_CONTROL_RE = re.compile(ESCAPE_SEQUENCE_RE.pattern + r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(value: Any) -> Any:
    """``value`` with a ``RawJSON`` decoded (for csv, tables and single objects)."""
    return json.loads(value) if isinstance(value, RawJSON) else value


def dumps(row: dict) -> str:
    """``json.dumps(row, ensure_ascii=False)``, splicing ``RawJSON`` values in verbatim."""
    if not any(isinstance(v, RawJSON) for v in row.values()):
        return json.dumps(row, ensure_ascii=False)
    return "{" + ", ".join(
        f"{json.dumps(k, ensure_ascii=False)}: "
        + (v if isinstance(v, RawJSON) else json.dumps(v, ensure_ascii=False))
        for k, v in row.items()
    ) + "}"


def safe_text(value: Any) -> str:
    """Text for a terminal: escape sequences and control characters removed (markup is never
    interpreted, because cells are rich ``Text`` objects, not markup strings)."""
    if value is None:
        return ""
    value = plain(value)
    if isinstance(value, list):
        value = ", ".join(str(v if not isinstance(v, dict) else v.get("name", v)) for v in value)
    return _CONTROL_RE.sub("", str(value))


_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # keeps tab and line feed


def printable(value: Any) -> str:
    """One line for a terminal (an ``Error:`` line naming a file): every control character,
    line breaks included, shown as ``?`` (as ``ls`` does), so a crafted file name can neither
    drive the terminal nor forge a second line."""
    return _ANY_CONTROL.sub("?", str(value))


def safe_same_length(text: str) -> str:
    """``text`` for a terminal with each control character (but tab and line feed) replaced by
    U+FFFD one for one: stored offsets (entities, dates) still index it."""
    return _TEXT_CONTROL.sub("\ufffd", text)


def stdout_console(stream: IO[str] | None = None):
    """A rich console on stdout (built lazily: rich costs import time)."""
    from rich.console import Console

    stream = stream or sys.stdout
    is_tty = hasattr(stream, "isatty") and stream.isatty()
    return Console(file=stream, highlight=False, markup=False, emoji=False, soft_wrap=False,
                   force_terminal=is_tty, width=None if is_tty else 140)


def write_json(rows: Iterable[dict], out: IO[str]) -> None:
    """Stream a JSON array row by row (constant memory, valid even for zero rows).

    The first row is fetched before anything is written: a query that fails (an unknown
    ``--doc``) leaves stdout empty rather than holding a lone ``[``."""
    rows = iter(rows)
    head = next(rows, None)
    out.write("[")
    first = True
    for row in itertools.chain([head] if head is not None else [], rows):
        out.write("\n  " if first else ",\n  ")
        out.write(dumps(row))
        first = False
    out.write("\n]\n" if not first else "]\n")


def write_jsonl(rows: Iterable[dict], out: IO[str]) -> None:
    for row in rows:
        out.write(dumps(row) + "\n")


def _csv_cell(value: Any) -> Any:
    value = plain(value)
    if isinstance(value, list):
        value = "; ".join(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    return _csv_safe(value) if isinstance(value, str) else value


def _csv_safe(text: str) -> str:
    """A CSV text cell a spreadsheet shows as text: no control characters (ESC, BEL), and a
    leading ``=``, ``+``, ``-`` or ``@`` (a formula to Excel or LibreOffice) prefixed with ``'``."""
    text = _CONTROL_RE.sub("", text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def write_csv(rows: Iterable[dict], out: IO[str], columns: list[str] | None = None) -> None:
    import csv  # here, not at the top: only the CSV format needs it

    writer = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=columns or list(row), extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    if writer is None and columns:
        csv.DictWriter(out, fieldnames=columns, lineterminator="\n").writeheader()


def write_table(rows: Iterable[dict], out: IO[str], columns: list[str] | None = None, title: str | None = None) -> None:
    from rich.table import Table
    from rich.text import Text

    rows = list(rows)
    console = stdout_console(out)
    if not rows:
        console.print(Text("(no results)", style="dim"))
        return
    cols = columns or list(rows[0])
    table = Table(title=title, show_lines=False, header_style="bold")
    for c in cols:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*(Text(safe_text(row.get(c))) for c in cols))
    console.print(table)


def render(
    rows: Iterable[dict] | dict,
    fmt: OutputFormat,
    *,
    columns: list[str] | None = None,
    table: Callable[[Any, IO[str]], None] | None = None,
    out: IO[str] | None = None,
) -> None:
    """Write ``rows`` (or one object) to ``out`` in ``fmt``; ``table`` overrides the table view."""
    out = out or sys.stdout
    single = isinstance(rows, dict)
    if fmt is OutputFormat.JSON:
        if single:
            rows = {k: plain(v) for k, v in rows.items()}  # type: ignore[union-attr]
            out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        else:
            write_json(rows, out)
    elif fmt is OutputFormat.JSONL:
        write_jsonl([rows] if single else rows, out)
    elif fmt is OutputFormat.CSV:
        write_csv([rows] if single else rows, out, columns if not single else None)
    elif table is not None:
        table(rows, out)
    else:
        write_table([rows] if single else rows, out, columns)
