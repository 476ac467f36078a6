"""Build a big store without re-running the NLP: clone analysed documents from a source store.

Target document j is source document ``j mod S`` under a new id (``<id>~<k>``, k = j div S) with
every date shifted by ``k mod 10`` years; its sentences, mentions, timexes, events, event
mentions and FTS rows are copied with fresh ids, so each document keeps the shape the real
pipeline gave it. The canonical entities are then recomputed with the store's own
``pipeline.refresh_entities`` (timed: every mention of the clones is new to it, so this is the
worst case of an incremental refresh; ``run.py`` also times adding one article).

    python benchmarks/make_store.py SOURCE.db TARGET.db -n 100000
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from mattis_corpus.run import refresh_entities  # noqa: E402
from mattis_corpus.store.db import Store  # noqa: E402

try:  # newer stores pad docs_fts with empty rows per document (see store.pad_rowids)
    from mattis_corpus.store.search_index import pad_rowids
except ImportError:  # pragma: no cover
    pad_rowids = None


def _shift(col: str, years: str) -> str:
    """SQL shifting the year of an ISO date (or NULL) by ``years``."""
    return (
        f"CASE WHEN {col} GLOB '[0-9][0-9][0-9][0-9]*' "
        f"THEN printf('%04d', CAST(substr({col}, 1, 4) AS INTEGER) + {years}) || substr({col}, 5) "
        f"ELSE {col} END"
    )


def _cols(db: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]


def clone(source: Path, target: Path, n: int) -> dict:
    """Write a store of ``n`` documents to ``target``; returns timings."""
    if target.exists():
        target.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    with sqlite3.connect(source) as src:
        src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(source, target)
    Store(target, create=True).close()  # apply pending migrations first: clones go through triggers
    t0 = time.perf_counter()
    db = sqlite3.connect(target, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA foreign_keys = OFF")
    s_docs = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    if n < s_docs:  # a subset: drop the last documents (cascades by hand: FKs are off)
        db.execute("BEGIN")
        cut = db.execute(
            "SELECT rowid FROM documents ORDER BY rowid LIMIT 1 OFFSET ?", (n,)
        ).fetchone()[0]
        db.execute(
            "DELETE FROM sentences_fts WHERE rowid IN (SELECT id FROM sentences WHERE doc >= ?)",
            (cut,),
        )
        # the document rows and their BM25 padding rows (negative rowids, see store.pad_rowids)
        db.execute("DELETE FROM docs_fts WHERE rowid >= ? OR rowid <= ?", (cut, -2 * cut))
        db.execute(
            "DELETE FROM event_mentions WHERE event IN (SELECT id FROM events WHERE doc >= ?)",
            (cut,),
        )
        for table in ("events", "timexes", "mentions", "sentences"):
            db.execute(f"DELETE FROM {table} WHERE doc >= ?", (cut,))
        db.execute("DELETE FROM documents WHERE rowid >= ?", (cut,))
        db.execute("DELETE FROM entity_docs WHERE doc NOT IN (SELECT id FROM documents)")
        db.execute("COMMIT")
        s_docs = n
    maxes = {
        t: db.execute(f"SELECT coalesce(max({c}), 0) FROM {t}").fetchone()[0]
        for t, c in (("documents", "rowid"), ("sentences", "id"), ("mentions", "id"),
                     ("timexes", "id"), ("events", "id"))
    }
    doc_cols = _cols(db, "documents")
    fts_doc_cols = _cols(db, "docs_fts")
    copies = -(-n // s_docs)
    for k in range(1, copies):
        remaining = min(s_docs, n - k * s_docs)
        db.execute("BEGIN")
        d_off = k * maxes["documents"]
        last = db.execute(
            "SELECT rowid FROM documents WHERE rowid <= ? ORDER BY rowid LIMIT 1 OFFSET ?",
            (maxes["documents"], remaining - 1),
        ).fetchone()[0]
        dy = str(k % 10)
        exprs = {c: c for c in doc_cols}
        exprs["rowid"] = f"rowid + {d_off}"
        exprs["id"] = f"id || '~{k}'"
        exprs["source_file"] = f"source_file || '~{k}'"
        exprs["sha256"] = f"sha256 || '~{k}'"
        for c in ("published", "published_start", "published_end"):
            exprs[c] = _shift(c, dy)
        db.execute(
            f"INSERT INTO documents ({', '.join(doc_cols)}) SELECT "
            f"{', '.join(exprs[c] for c in doc_cols)} FROM documents WHERE rowid <= ?",
            (last,),
        )
        s_off, m_off, t_off, e_off = (k * maxes[t] for t in ("sentences", "mentions", "timexes", "events"))
        db.execute(
            f'INSERT INTO sentences (id, doc, idx, start, "end", text) SELECT id + {s_off}, '
            f'doc + {d_off}, idx, start, "end", text FROM sentences WHERE doc <= ?', (last,),
        )
        # FTS5 cannot be read and written in one statement: copy through Python.
        rows = db.execute(
            f"SELECT s.id + {s_off}, f.body FROM sentences s "
            "JOIN sentences_fts f ON f.rowid = s.id WHERE s.doc <= ?", (last,),
        ).fetchall()
        db.executemany("INSERT INTO sentences_fts (rowid, body) VALUES (?, ?)", rows)
        cols = ", ".join(fts_doc_cols)
        rows = db.execute(
            f"SELECT rowid + {d_off}, {cols} FROM docs_fts WHERE rowid BETWEEN 1 AND ?", (last,)
        ).fetchall()
        db.executemany(
            f"INSERT INTO docs_fts (rowid, {cols}) VALUES (?{', ?' * len(fts_doc_cols)})", rows
        )
        if pad_rowids is not None:  # the store's BM25 padding rows, one set per document
            db.executemany(
                "INSERT INTO docs_fts (rowid, pad) VALUES (?, '')",
                [(p,) for r in rows for p in pad_rowids(r[0])],
            )
        db.execute(
            f'INSERT INTO mentions (id, doc, idx, start, "end", text, type, name, title, entity) '
            f'SELECT id + {m_off}, doc + {d_off}, idx, start, "end", text, type, name, title, NULL '
            "FROM mentions WHERE doc <= ?", (last,),
        )
        tcols = [c for c in _cols(db, "timexes") if c not in ("id", "doc")]
        texprs = [
            _shift(c, dy) if c in ("interval_start", "interval_end") else f'"{c}"' for c in tcols
        ]
        db.execute(
            f"INSERT INTO timexes (id, doc, {', '.join(chr(34) + c + chr(34) for c in tcols)}) "
            f"SELECT id + {t_off}, doc + {d_off}, {', '.join(texprs)} FROM timexes WHERE doc <= ?",
            (last,),
        )
        ecols = [c for c in _cols(db, "events") if c not in ("id", "doc")]
        eexprs = [_shift(f'"{c}"', dy) if c in ("date", "start", "end") else f'"{c}"' for c in ecols]
        db.execute(
            f"INSERT INTO events (id, doc, {', '.join(chr(34) + c + chr(34) for c in ecols)}) "
            f"SELECT id + {e_off}, doc + {d_off}, {', '.join(eexprs)} FROM events WHERE doc <= ?",
            (last,),
        )
        db.execute(
            f"INSERT INTO event_mentions (event, mention) SELECT em.event + {e_off}, "
            f"em.mention + {m_off} FROM event_mentions em JOIN events e ON e.id = em.event "
            "WHERE e.doc <= ?", (last,),
        )
        db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    t_clone = time.perf_counter() - t0
    t0 = time.perf_counter()
    with Store(target) as store:
        refresh_entities(store)
        store.db.execute("PRAGMA optimize")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    t_refresh = time.perf_counter() - t0
    return {"clone_s": t_clone, "refresh_entities_s": t_refresh}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("target", type=Path)
    ap.add_argument("-n", type=int, required=True)
    args = ap.parse_args()
    print(clone(args.source, args.target, args.n))


if __name__ == "__main__":
    main()
