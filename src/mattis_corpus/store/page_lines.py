"""How many stored pages hold each short line (``ingest/recurring.py`` hashes them): the
corpus signal of the boilerplate classifier. ``page_line_sets`` keeps each page's own set,
so a page that changes or goes takes its old lines out of the counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

_CHUNK = 500  # SQLite's host-parameter limit is 32766 on current builds; stay well below


def pack(hashes: Iterable[int]) -> bytes:
    """A page's hash set as a compact blob (sorted signed 64-bit big-endian)."""
    return b"".join(h.to_bytes(8, "big", signed=True) for h in sorted(hashes))


def _unpack(blob: bytes) -> list[int]:
    return [int.from_bytes(blob[i:i + 8], "big", signed=True) for i in range(0, len(blob), 8)]


def _bump(db: sqlite3.Connection, hashes: Iterable[int], by: int) -> None:
    db.executemany(
        "INSERT INTO page_lines (hash, pages) VALUES (?, ?) "
        "ON CONFLICT(hash) DO UPDATE SET pages = pages + excluded.pages",
        ((h, by) for h in hashes))
    if by < 0:
        db.execute("DELETE FROM page_lines WHERE pages <= 0")


def set_page(db: sqlite3.Connection, page: str, blob: bytes) -> bool:
    """Record the line set of ``page`` (a document id); False when it was already recorded
    as is (an unchanged page is never counted twice)."""
    row = db.execute("SELECT hashes FROM page_line_sets WHERE page = ?", (page,)).fetchone()
    if row is not None and row[0] == blob:
        return False
    if row is not None:
        _bump(db, _unpack(row[0]), -1)
    _bump(db, _unpack(blob), +1)
    db.execute("INSERT INTO page_line_sets (page, hashes) VALUES (?, ?) "
               "ON CONFLICT(page) DO UPDATE SET hashes = excluded.hashes", (page, blob))
    return True


def forget_page(db: sqlite3.Connection, page: str) -> None:
    """Take a page's lines out of the counts (its document was deleted)."""
    row = db.execute("SELECT hashes FROM page_line_sets WHERE page = ?", (page,)).fetchone()
    if row is not None:
        _bump(db, _unpack(row[0]), -1)
        db.execute("DELETE FROM page_line_sets WHERE page = ?", (page,))


def counts(db: sqlite3.Connection, hashes: Iterable[int]) -> dict[int, int]:
    """How many recorded pages hold each of ``hashes`` (absent: none)."""
    wanted = list(hashes)
    out: dict[int, int] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i:i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        out.update(db.execute(f"SELECT hash, pages FROM page_lines WHERE hash IN ({marks})", chunk))
    return out
