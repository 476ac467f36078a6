"""4 · The store: one SQLite file (WAL, FTS5) holding documents and what the NLP found.

Each document is written in one transaction together with its content hash, so a crash never
leaves half a document visible and re-ingesting unchanged files is a cheap hash lookup.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NamedTuple

from mattis_corpus.dates import timeline_date
from mattis_corpus.errors import BadInputError, SchemaTooNewError, StoreError
from mattis_corpus.store.migrations import MIGRATIONS
from mattis_corpus.textutil import display_path, fold

if TYPE_CHECKING:  # query commands open the store too: keep their imports light
    from mattis_corpus.models import Annotation, CleanDoc, Published, RawDoc

DEFAULT_DB = os.path.join("data", "processed", "corpus.db")
BUSY_TIMEOUT_MS = 60_000


def default_db_path() -> str:
    """The store path: ``$CORPUS_DB`` if set, else ``data/processed/corpus.db``.

    Plain ``os.path`` strings here: ``pathlib`` would cost every query command ~5 ms of imports."""
    return os.environ.get("CORPUS_DB") or DEFAULT_DB


class StoredDoc(NamedTuple):
    """What ``ingest`` needs to decide whether a file changed."""

    rowid: int
    sha256: str


def pad_rowids(doc: int) -> tuple[int, int]:
    """Two empty ``docs_fts`` rows per document, so that BM25's idf stays positive.

    FTS5 computes idf = log((N - n + 0.5) / (n + 0.5)) and clamps it to ~0 when a term is in
    more than half the documents: in a topical corpus ("Mattis" everywhere) every hit would then
    score 0 and ties would be arbitrary. Tripling N with rows that queries never match (they
    search only the ``title`` and ``body`` columns) keeps idf ≥ log 2, like Lucene's smoothed idf.
    """
    return -2 * doc, -2 * doc - 1


class Store:
    """The corpus database. Accepts a path, ``":memory:"`` or an open connection.

    Args:
        path: the SQLite file (created with its folder when ``create`` is true).
        create: create and migrate the store if needed (ingest); query commands pass False.
    """

    def __init__(self, path: str | os.PathLike | sqlite3.Connection, *, create: bool = False) -> None:
        if isinstance(path, sqlite3.Connection):
            self.path = None
            self.db = path
        else:
            self.path = os.fspath(path)
            self.db = self._connect(self.path, create)
        self.db.row_factory = sqlite3.Row
        try:
            self._migrate(create)
        except BaseException:
            if self.path is not None:  # a refused store: release it now (no -wal/-shm left over)
                self.db.close()
            raise

    @staticmethod
    def _connect(path: str, create: bool) -> sqlite3.Connection:
        if path != ":memory:":
            if os.path.isdir(path):
                raise BadInputError(f"the store {path} is a folder, not a SQLite file")
            if not os.path.exists(path):
                if not create:
                    raise BadInputError(
                        f"no store at {path}: run `corpus ingest data/raw` first, or pass --db"
                    )
                try:
                    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
                except OSError as e:
                    raise StoreError(f"cannot create the folder of {path}: {e.strerror}") from None
        try:
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:" and create and _ours_or_empty(db):
                db.execute("PRAGMA journal_mode = WAL")  # never on a store we will refuse
            db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as e:
            raise _store_error(path, e) from None
        return db

    def _migrate(self, create: bool) -> None:
        try:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise SchemaTooNewError(
                    f"the store {self.path} has schema version {version}, newer than this corpus "
                    f"({len(MIGRATIONS)}): upgrade corpus; the store was left untouched"
                )
            if version == len(MIGRATIONS):
                return
            if version == 0 and not create:
                tables = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables == 0:
                    raise BadInputError(
                        f"{self.path} is an empty store: run `corpus ingest data/raw` first"
                    )
                raise BadInputError(f"{self.path} is a SQLite file but not a corpus store")
            self.db.execute("BEGIN IMMEDIATE")
            try:
                version = self.db.execute("PRAGMA user_version").fetchone()[0]
                if version == 0 and self.db.execute(
                    "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                ).fetchone()[0]:
                    raise BadInputError(f"{self.path} is a SQLite file but not a corpus store")
                self.db.execute(
                    "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
                )
                for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
                    step(self.db)
                    self.db.execute(
                        "INSERT INTO _migrations VALUES (?, ?)", (step.__name__, _now())
                    )
                    self.db.execute(f"PRAGMA user_version = {number}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as e:
            raise _store_error(self.path, e) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reads used by ingest -------------------------------------------------------------

    def stored(self, doc_id: str) -> StoredDoc | None:
        row = self.db.execute("SELECT rowid, sha256 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return StoredDoc(row[0], row[1]) if row else None

    # -- writes ---------------------------------------------------------------------------

    def transaction(self) -> _Transaction:
        """``with store.transaction():`` — BEGIN IMMEDIATE … COMMIT, rolled back on error."""
        return _Transaction(self.db)

    def write_document(
        self, raw: RawDoc, clean: CleanDoc, published: Published, ann: Annotation
    ) -> None:
        """Replace the document ``raw.id`` with this version. Call inside ``transaction()``."""
        from mattis_corpus.analysis import index_text  # the write path only
        db = self.db
        self._delete(raw.id)
        words = len(clean.text.split())
        cur = db.execute(
            """INSERT INTO documents (id, title, published, published_precision, published_source,
                 published_start, published_end, dateline, words, source_file, sha256, encoding,
                 text, paragraphs, meta, warnings, ingested_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                raw.id, clean.title, published.value, published.precision, published.source,
                published.start, published.end,
                clean.dateline.text if clean.dateline else None,
                words, display_path(raw.path), raw.sha256, raw.encoding, clean.text,
                json.dumps([[p.start, p.end, p.kind] for p in clean.paragraphs]),
                json.dumps(raw.meta, ensure_ascii=False) if raw.meta else None,
                json.dumps(list(raw.warnings), ensure_ascii=False) if raw.warnings else None,
                _now(),
            ),
        )
        doc = cur.lastrowid
        body = clean.text
        if clean.title and body.startswith(clean.title):
            body = body[len(clean.title):]
        db.execute(
            "INSERT INTO docs_fts (rowid, title, body) VALUES (?, ?, ?)",
            (doc, index_text(clean.title or ""), index_text(body)),
        )
        db.executemany(
            "INSERT INTO docs_fts (rowid, pad) VALUES (?, '')", [(r,) for r in pad_rowids(doc)]
        )
        # Rows go in with executemany and explicit ids (max + 1 onwards: we hold the write
        # lock), which events and FTS rows need; one statement per table, not per row.
        first = self._next_id("sentences")
        db.executemany(
            'INSERT INTO sentences (id, doc, idx, start, "end", text) VALUES (?,?,?,?,?,?)',
            [(first + i, doc, i, s.start, s.end, s.text) for i, s in enumerate(ann.sentences)],
        )
        db.executemany(
            "INSERT INTO sentences_fts (rowid, body) VALUES (?, ?)",
            [(first + i, index_text(s.text)) for i, s in enumerate(ann.sentences)],
        )
        first_mention = self._next_id("mentions")
        db.executemany(
            'INSERT INTO mentions (id, doc, idx, start, "end", text, type, name, title)'
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [(first_mention + i, doc, i, m.start, m.end, m.text, m.type, m.name, m.title)
             for i, m in enumerate(ann.mentions)],
        )
        db.executemany(
            'INSERT INTO timexes (doc, idx, start, "end", text, type, value, precision,'
            " interval_start, interval_end, relative, mod) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc, i, t.start, t.end, t.text, t.type, t.value, t.precision,
              t.interval_start, t.interval_end, int(t.relative), t.mod)
             for i, t in enumerate(ann.timexes)],
        )
        first_event = self._next_id("events")
        events, links = [], []
        for k, e in enumerate(ann.events):
            t = ann.timexes[e.timex_index]
            events.append(
                (first_event + k, doc, e.timex_index, e.sentence_index, timeline_date(t),
                 t.precision, t.interval_start, t.interval_end, t.text, e.predicate, e.summary)
            )
            links.extend((first_event + k, first_mention + i) for i in e.mention_indexes)
        db.executemany(
            'INSERT INTO events (id, doc, timex, sentence, date, precision, start, "end",'
            " date_text, predicate, summary) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            events,
        )
        db.executemany(
            "INSERT OR IGNORE INTO event_mentions (event, mention) VALUES (?, ?)", links
        )

    def _next_id(self, table: str) -> int:
        """The id SQLite would give the next row of ``table`` (its INTEGER PRIMARY KEY)."""
        return self.db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]

    def _delete(self, doc_id: str) -> None:
        row = self.db.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if not row:
            return
        doc = row[0]
        self.db.execute(
            "DELETE FROM sentences_fts WHERE rowid IN (SELECT id FROM sentences WHERE doc = ?)",
            (doc,),
        )
        self.db.execute(
            "DELETE FROM docs_fts WHERE rowid IN (?, ?, ?)", (doc, *pad_rowids(doc))
        )
        self.db.execute("DELETE FROM entity_docs WHERE doc = ?", (doc_id,))
        self.db.execute("DELETE FROM documents WHERE rowid = ?", (doc,))

    def entities_stale(self) -> bool:
        """True when mentions changed since the last entity refresh (e.g. an ingest was killed)."""
        row = self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM names WHERE dirty)"
            " OR EXISTS (SELECT 1 FROM mentions WHERE entity IS NULL)"
        ).fetchone()
        return bool(row[0])

    def name_counts(self) -> list[tuple[tuple[str, str], int]]:
        """Each distinct (name in document, type) with its number of mentions."""
        rows = self.db.execute(
            "SELECT name, type, sum(mentions) FROM names GROUP BY name, type HAVING sum(mentions) > 0"
        )
        return [((name, type_), n) for name, type_, n in rows]

    def forget_entities(self) -> None:
        """Drop every derived entity row and recount ``names`` from the mentions, so that the
        next ``update_entities`` rebuilds everything from scratch. Call inside ``transaction()``."""
        for sql in (
            "UPDATE mentions SET entity = NULL WHERE entity IS NOT NULL",
            "DELETE FROM entity_docs",
            "DELETE FROM entity_doc_lists",
            "DELETE FROM entity_aliases",
            "DELETE FROM entities",
            "DELETE FROM names",
            "INSERT INTO names (name, type, text, mentions, entity, dirty) "
            "SELECT name, type, text, count(*), NULL, 1 FROM mentions GROUP BY name, type, text",
        ):
            self.db.execute(sql)

    def update_entities(self, mapping: dict[tuple[str, str], object]) -> None:
        """Bring the canonical entity tables in line with a (name, type) → entity mapping.

        Call inside ``transaction()``; entities carry ``id``, ``name``, ``type``, ``key``.
        Incremental: only entities whose names gained or lost mentions, or whose names moved
        to another entity, are recounted; mentions are rewritten only for names that moved,
        and new mentions are found through the index on ``entity IS NULL``. So adding one
        article to a 100,000-document store costs ~0.5 s (mostly ``resolve_names``), not a
        pass over every mention. After ``forget_entities`` the same code rebuilds everything from scratch.
        """
        db = self.db
        for ddl in (
            "CREATE TEMP TABLE IF NOT EXISTS _name_map "
            "(name TEXT, type TEXT, entity TEXT, PRIMARY KEY (name, type)) WITHOUT ROWID",
            "CREATE TEMP TABLE IF NOT EXISTS _dirty (entity TEXT PRIMARY KEY) WITHOUT ROWID",
            "CREATE TEMP TABLE IF NOT EXISTS _moved (entity TEXT PRIMARY KEY) WITHOUT ROWID",
        ):
            db.execute(ddl)
        for table in ("_name_map", "_dirty", "_moved"):
            db.execute(f"DELETE FROM {table}")
        db.executemany(
            "INSERT INTO _name_map VALUES (?, ?, ?)",
            [(n, t, ent.id) for (n, t), ent in mapping.items()],  # type: ignore[attr-defined]
        )
        # Names that moved from one entity to another (a new full name claimed a bare surname,
        # say): rewrite their mentions and rebuild both entities' document lists. A name seen
        # for the first time has no old entity; one whose mentions are all gone has no new one.
        moved = db.execute(
            "SELECT DISTINCT n.name, n.type, n.entity, m.entity FROM names n "
            "JOIN _name_map m ON m.name = n.name AND m.type = n.type "
            "WHERE n.entity IS NOT NULL AND n.entity IS NOT m.entity"
        ).fetchall()
        for name, type_, old, new in moved:
            db.execute(
                "UPDATE mentions SET entity = ? WHERE name = ? AND type = ? AND entity IS NOT ?",
                (new, name, type_, new),
            )
            db.executemany("INSERT OR IGNORE INTO _moved VALUES (?)", [(old,), (new,)])
        # New mentions (entity still NULL): their documents join their entities' lists.
        db.execute(
            "INSERT OR IGNORE INTO entity_docs (entity, doc) "
            "SELECT DISTINCT nm.entity, d.id FROM mentions m "
            "JOIN _name_map nm ON nm.name = m.name AND nm.type = m.type "
            "JOIN documents d ON d.rowid = m.doc WHERE m.entity IS NULL ORDER BY 1, 2"
        )
        db.execute(
            "UPDATE mentions SET entity = nm.entity FROM _name_map nm "
            "WHERE mentions.entity IS NULL AND nm.name = mentions.name AND nm.type = mentions.type"
        )
        db.execute("DELETE FROM entity_docs WHERE entity IN (SELECT entity FROM _moved)")
        db.execute(
            "INSERT INTO entity_docs (entity, doc) SELECT x.entity, d.id FROM "
            "(SELECT DISTINCT entity, doc FROM mentions WHERE entity IN (SELECT entity FROM _moved)) x "
            "JOIN documents d ON d.rowid = x.doc ORDER BY 1, 2"
        )
        # Entities to recount: those of changed names (old and new), moved ones, renamed ones.
        db.execute(
            "INSERT OR IGNORE INTO _dirty SELECT n.entity FROM names n "
            "WHERE n.dirty AND n.entity IS NOT NULL"
        )
        db.execute(
            "INSERT OR IGNORE INTO _dirty SELECT DISTINCT m.entity FROM names n "
            "JOIN _name_map m ON m.name = n.name AND m.type = n.type WHERE n.dirty"
        )
        db.execute("INSERT OR IGNORE INTO _dirty SELECT entity FROM _moved")
        db.execute(
            "UPDATE names SET entity = m.entity, dirty = 0 FROM _name_map m "
            "WHERE m.name = names.name AND m.type = names.type "
            "AND (names.dirty OR names.entity IS NOT m.entity)"
        )
        db.execute("DELETE FROM names WHERE mentions <= 0")
        entities = {e.id: e for e in mapping.values()}  # type: ignore[attr-defined]
        stored = {
            r[0]: (r[1], r[2], r[3]) for r in db.execute("SELECT id, name, type, key FROM entities")
        }
        changed = [
            e for e in entities.values()
            if stored.get(e.id) != (e.name, e.type, e.key)  # type: ignore[attr-defined]
        ]
        db.executemany(
            "INSERT INTO entities (id, name, type, key, mentions, documents) VALUES (?,?,?,?,0,0) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, "
            "key = excluded.key",
            [(e.id, e.name, e.type, e.key) for e in changed],  # type: ignore[attr-defined]
        )
        db.executemany("INSERT OR IGNORE INTO _dirty VALUES (?)", [(e.id,) for e in changed])  # type: ignore[attr-defined]
        gone = [(i,) for i in stored if i not in entities]
        db.executemany("INSERT OR IGNORE INTO _dirty VALUES (?)", gone)
        db.executemany("DELETE FROM entities WHERE id = ?", gone)
        db.execute(
            "UPDATE entities SET "
            "mentions = coalesce((SELECT sum(n.mentions) FROM names n WHERE n.entity = entities.id), 0), "
            "documents = (SELECT count(*) FROM entity_docs x WHERE x.entity = entities.id) "
            "WHERE id IN (SELECT entity FROM _dirty)"
        )
        db.execute("DELETE FROM entities WHERE mentions = 0 AND id IN (SELECT entity FROM _dirty)")
        db.execute(
            "DELETE FROM entity_docs WHERE entity IN (SELECT entity FROM _dirty) "
            "AND entity NOT IN (SELECT id FROM entities)"
        )
        db.execute("DELETE FROM entity_doc_lists WHERE entity IN (SELECT entity FROM _dirty)")
        db.execute(
            "INSERT INTO entity_doc_lists (entity, ids) SELECT e.id, (SELECT json_group_array(doc) "
            "FROM (SELECT doc FROM entity_docs WHERE entity = e.id ORDER BY doc)) "
            "FROM entities e JOIN _dirty x ON x.entity = e.id"
        )
        db.execute("DELETE FROM entity_aliases WHERE entity IN (SELECT entity FROM _dirty)")
        aliases = db.execute(
            "SELECT DISTINCT n.entity, n.text FROM names n JOIN _dirty x ON x.entity = n.entity "
            "WHERE n.mentions > 0 UNION SELECT e.id, e.name FROM entities e "
            "JOIN _dirty x ON x.entity = e.id"
        ).fetchall()
        db.executemany(
            "INSERT OR IGNORE INTO entity_aliases (entity, alias, folded) "
            "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM entities WHERE id = ?)",
            [(e, a, fold(a), e) for e, a in sorted((e, a) for e, a in aliases)],
        )


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")


def _ours_or_empty(db: sqlite3.Connection) -> bool:
    """A new (empty) file or a corpus store this version can use: safe to switch to WAL.

    Switching rewrites the file header, so a store from a newer corpus or another application's
    SQLite file (both refused by ``_migrate``) must not get it.
    """
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == 0:
        return db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    return version <= len(MIGRATIONS)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _store_error(path: str | None, e: sqlite3.DatabaseError) -> Exception:
    msg = str(e)
    if "not a database" in msg or "malformed" in msg or "disk image" in msg:
        return BadInputError(f"{path} is not a usable corpus store ({msg})")
    if "readonly" in msg or "unable to open" in msg:
        return StoreError(f"cannot open the store {path} for writing ({msg})")
    return StoreError(f"store {path}: {msg}")


def iter_rows(rows: Iterable[sqlite3.Row]) -> Iterator[dict]:
    for r in rows:
        yield dict(r)
