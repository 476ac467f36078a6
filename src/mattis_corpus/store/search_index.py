"""The full-text index: analysed terms in FTS5 (``docs_fts``, ``sentences_fts``), and the record of
which analysis (stemmer, folding rules) wrote them, so a store indexed by another version of the
analysis is re-indexed instead of answering queries with mismatched terms."""

from __future__ import annotations

import sqlite3

from mattis_corpus.errors import StoreError

ANALYSIS_KEY = "analysis_version"


def pad_rowids(doc: int) -> tuple[int, int]:
    """Two empty ``docs_fts`` rows per document, so that BM25's idf stays positive.

    FTS5 computes idf = log((N - n + 0.5) / (n + 0.5)) and clamps it to ~0 when a term is in
    more than half the documents: in a topical corpus ("Mattis" everywhere) every hit would then
    score 0 and ties would be arbitrary. Tripling N with rows that queries never match (they
    search only the ``title`` and ``body`` columns) keeps idf ≥ log 2, like Lucene's smoothed idf.
    """
    return -2 * doc, -2 * doc - 1


def index_document(db: sqlite3.Connection, doc: int, title: str | None, text: str) -> None:
    """Index one document's title and body (the body without its leading title line)."""
    from mattis_corpus.analysis import index_text

    body = text[len(title):] if title and text.startswith(title) else text
    db.execute(
        "INSERT INTO docs_fts (rowid, title, body) VALUES (?, ?, ?)",
        (doc, index_text(title or ""), index_text(body)),
    )
    db.executemany(
        "INSERT INTO docs_fts (rowid, pad) VALUES (?, '')", [(r,) for r in pad_rowids(doc)]
    )


def index_sentences(db: sqlite3.Connection, rows: list[tuple[int, str]]) -> None:
    """Index sentences given as (sentence id, text)."""
    from mattis_corpus.analysis import index_text

    db.executemany(
        "INSERT INTO sentences_fts (rowid, body) VALUES (?, ?)",
        [(i, index_text(text)) for i, text in rows],
    )


def unindex_document(db: sqlite3.Connection, doc: int) -> None:
    """Remove a document's rows (its sentences' too) from both indexes."""
    db.execute(
        "DELETE FROM sentences_fts WHERE rowid IN (SELECT id FROM sentences WHERE doc = ?)", (doc,)
    )
    db.execute("DELETE FROM docs_fts WHERE rowid IN (?, ?, ?)", (doc, *pad_rowids(doc)))


def indexed_version(db: sqlite3.Connection) -> str | None:
    """The analysis version the index was built with (None: not recorded, an older store)."""
    row = db.execute("SELECT value FROM store_meta WHERE key = ?", (ANALYSIS_KEY,)).fetchone()
    return row[0] if row else None


def record_version(db: sqlite3.Connection) -> None:
    """Say which analysis the index holds (call inside the transaction that indexed)."""
    from mattis_corpus.analysis import ANALYSIS_VERSION

    db.execute(
        "INSERT INTO store_meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (ANALYSIS_KEY, ANALYSIS_VERSION),
    )


def is_current(db: sqlite3.Connection) -> bool:
    """True when the index was built by this version of the analysis (or the store is empty)."""
    from mattis_corpus.analysis import ANALYSIS_VERSION

    version = indexed_version(db)
    if version == ANALYSIS_VERSION:
        return True
    return version is None and db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def check_current(db: sqlite3.Connection, path: str | None) -> None:
    """Refuse to search an index written by another analysis: the terms would not match."""
    from mattis_corpus.analysis import ANALYSIS_VERSION

    if not is_current(db):
        raise StoreError(
            f"the search index of {path} was built with text analysis "
            f"{indexed_version(db) or 'of an older corpus'}, this corpus uses {ANALYSIS_VERSION}: "
            f"run `corpus reindex` (or any `corpus ingest`) to rebuild it"
        )


def reindex(db: sqlite3.Connection) -> int:
    """Rebuild both indexes from the stored text with the current analysis; returns documents.

    Call inside a write transaction."""
    db.execute("DELETE FROM docs_fts")
    db.execute("DELETE FROM sentences_fts")
    docs = db.execute("SELECT rowid, title, text FROM documents ORDER BY rowid").fetchall()
    for doc, title, text in docs:
        index_document(db, doc, title, text)
        index_sentences(
            db, db.execute("SELECT id, text FROM sentences WHERE doc = ? ORDER BY id", (doc,)).fetchall()
        )
    record_version(db)
    return len(docs)
