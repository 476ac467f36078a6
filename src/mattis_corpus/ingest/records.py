"""1c · Load article exports: JSON Lines, JSON (an array or one object), CSV, or JSON Lines on
standard input (``corpus ingest -``) → one ``RawDoc`` per record.

A record holds ``text`` or ``html`` (an HTML record goes through the page extractor), and
optionally ``id``, ``title``, ``published``, ``updated``, ``url``, ``source`` or ``site``,
``author``, ``language``; every other field is kept, in the document's ``meta`` column. A
record that cannot be used (no text nor html, a line that is not JSON, a bad date) is one
failure, located as ``file:line`` (``file:record`` for JSON), and the others are still read.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from mattis_corpus.dates import parse_partial
from mattis_corpus.errors import BadInputError
from mattis_corpus.ingest.sources import MAX_FILE_BYTES, clean_line
from mattis_corpus.models import RawDoc
from mattis_corpus.textutil import ESCAPE_SEQUENCE_RE

RECORD_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv")
STDIN = Path("-")
MAX_EXPORT_BYTES = 1024 * 1024 * 1024  # a JSON or CSV file is read whole: 1 GiB at most
MAX_TEXT_CHARS = MAX_FILE_BYTES  # per record, as per article file
TEXT_KEYS = ("text", "html")
KNOWN_KEYS = {"id", "text", "html", "title", "published", "updated", "url", "source", "site",
              "author", "language"}
_ID_UNSAFE = re.compile(r"[^\w.-]+")
_MAX_ID = 120

Item = tuple[str, "RawDoc | BadInputError"]  # (where: "file:line", the document or why not)
# How a record is located in a report ("export.jsonl:3", "array.json:record 2").
RECORD_WHERE_RE = re.compile(r":(?:\d+|record \d+)$")


def is_record_name(name: str) -> bool:
    return name.lower().endswith(RECORD_SUFFIXES)


def read_records(path: Path) -> Iterator[Item]:
    """Every record of one export file (or of stdin for ``-``), in order.

    A file that cannot be read at all is one item, the error, located at the file.
    """
    from mattis_corpus.textutil import display_path

    where = "<stdin>" if path == STDIN else display_path(path)
    try:
        if path == STDIN:
            yield from _jsonl_lines(where, path, sys.stdin.buffer)
            return
        low = path.name.lower()
        if low.endswith((".jsonl", ".ndjson")):
            with path.open("rb") as f:
                yield from _jsonl_lines(where, path, f)
        elif low.endswith(".json"):
            yield from _json_records(where, path, _read_text(path))
        else:
            yield from _csv_records(where, path, _read_text(path))
    except BadInputError as e:
        yield where, e
    except OSError as e:
        yield where, BadInputError(f"cannot read: {e.strerror or e}")


def _read_text(path: Path) -> str:
    from mattis_corpus.ingest.sources import _read_file

    try:
        return _read_file(path, MAX_EXPORT_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BadInputError(f"not UTF-8 ({e.reason} at byte {e.start}): exports must be UTF-8") from None


def _jsonl_lines(where: str, path: Path, stream: io.BufferedIOBase) -> Iterator[Item]:
    """One record per non-blank line; a line that is not a JSON object fails alone."""
    for n, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        at = f"{where}:{n}"
        try:
            value = json.loads(line.decode("utf-8-sig" if n == 1 else "utf-8"))
        except UnicodeDecodeError as e:
            yield at, BadInputError(f"not UTF-8 ({e.reason} at byte {e.start})")
            continue
        except json.JSONDecodeError as e:
            yield at, BadInputError(f"not valid JSON: {e.msg} (column {e.colno})")
            continue
        yield at, _record_doc(value, path, at)


def _json_records(where: str, path: Path, text: str) -> Iterator[Item]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        yield f"{where}:{e.lineno}", BadInputError(f"not valid JSON: {e.msg} (column {e.colno})")
        return
    records = value if isinstance(value, list) else [value]
    for n, record in enumerate(records, start=1):
        at = f"{where}:record {n}"
        yield at, _record_doc(record, path, at)


def _csv_records(where: str, path: Path, text: str) -> Iterator[Item]:
    """One record per row; the header names the fields. Line numbers are the file's."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or not set(TEXT_KEYS) & {f.strip().lower() for f in reader.fieldnames}:
        yield where, BadInputError("CSV header has neither a 'text' nor an 'html' column")
        return
    start = 2
    try:
        for row in reader:
            at = f"{where}:{start}"
            start = reader.line_num + 1
            if None in row:
                yield at, BadInputError(f"{len(row[None])} more value(s) than the header has columns")
                continue
            yield at, _record_doc({k.strip().lower(): v for k, v in row.items() if v not in (None, "")},
                                  path, at)
    except csv.Error as e:
        yield f"{where}:{reader.line_num}", BadInputError(f"malformed CSV ({e})")


def record_id(record: dict) -> str:
    """The record's own ``id`` made safe as a document id (letters, digits, ``.``, ``-``,
    ``_``), else ``rec_`` and 16 hex digits of the SHA-256 of its url or text: the same record
    gets the same id on every export."""
    given = record.get("id")
    if given not in (None, ""):
        safe = _ID_UNSAFE.sub("_", str(given)).strip("._")[:_MAX_ID]
        if safe:
            return safe
    key = record.get("url") or record.get("text") or record.get("html") or ""
    return "rec_" + hashlib.sha256(str(key).encode("utf-8", "replace")).hexdigest()[:16]


def _record_doc(record: object, path: Path, at: str) -> RawDoc | BadInputError:
    """The document of one record, or the reason it cannot be one."""
    if not isinstance(record, dict):
        return BadInputError(f"expected a JSON object, got {type(record).__name__}")
    record = {str(k).strip().lower() if str(k).lower() in KNOWN_KEYS else str(k): v
              for k, v in record.items()}
    body = {k: record[k] for k in TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()}
    if not body:
        return BadInputError("record has neither 'text' nor 'html' (a non-empty string)")
    if any(len(v) > MAX_TEXT_CHARS for v in body.values()):
        return BadInputError(f"record text too long (limit {MAX_TEXT_CHARS >> 20} Mi characters)")
    try:
        meta = _known_fields(record)
        text, page, encoding = body.get("text"), {}, "utf-8"
        if text is not None and "\x1b" in text:  # as for a .txt file: escapes removed whole
            text = ESCAPE_SEQUENCE_RE.sub("", text)
        if text is None:
            from mattis_corpus.ingest.html import extract

            text, page = extract(body["html"])
            page.pop("encoding", None)
    except BadInputError as e:
        return e
    extra = {k: v for k, v in record.items() if k not in KNOWN_KEYS}
    if extra:
        page["extra"] = extra
    for key in ("author", "updated"):
        if key in meta:
            page[key] = meta.pop(key)
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return RawDoc(
        id=record_id(record), path=path, text=text, encoding=encoding,
        sha256=hashlib.sha256(canonical.encode("utf-8", "replace")).hexdigest(),
        meta=meta, page=page,
    )


def _known_fields(record: dict) -> dict:
    """The record's known metadata as strings: ``site`` is stored as ``source``; dates are cut
    to the day ("2018-12-20T10:00:00Z" -> "2018-12-20") and checked.

    Raises:
        BadInputError: a date that is not ISO (YYYY, YYYY-MM, YYYY-MM-DD, or a timestamp).
    """
    out: dict[str, str] = {}
    for key in ("title", "published", "updated", "url", "source", "site", "author", "language"):
        value = record.get(key)
        if value in (None, "", []):
            continue
        if isinstance(value, list):  # authors as a list
            value = "; ".join(str(v) for v in value)
        value = clean_line(str(value))  # one line, no control characters nor escapes
        if key in ("published", "updated"):
            value = value[:10] if re.match(r"\d{4}-\d\d-\d\d[T ]", value) else value
            try:
                parse_partial(value)
            except BadInputError as e:
                raise BadInputError(f"{key}: {e}") from None
        out["source" if key == "site" else key] = value
    return out
