"""4 · The store: one SQLite file (WAL, FTS5) holding documents and what the NLP found.

Each document is written in one transaction together with its content hash, so a crash never
leaves half a document visible and re-ingesting unchanged files is a cheap hash lookup.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NamedTuple

from mattis_corpus.errors import BadInputError, SchemaTooNewError, StoreError
from mattis_corpus.store import search_index
from mattis_corpus.store.migrations import MIGRATIONS

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
        self.reindexed: int | None = None  # documents re-indexed on open (another analysis)
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
                _switch_to_wal(db)  # never on a store we will refuse
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
                self._check_migration_names()
            else:
                self._apply_migrations(version, create)
            if create:
                self._reindex_if_stale()
        except sqlite3.DatabaseError as e:
            raise _store_error(self.path, e) from None

    def _check_migration_names(self) -> None:
        """The migrations a store records must be ours, by name and in order, not only by count
        (as llm and sqlite-utils check): a store migrated by another branch or fork is refused."""
        recorded = [r[0] for r in self.db.execute("SELECT name FROM _migrations ORDER BY rowid")]
        expected = [m.__name__ for m in MIGRATIONS[: len(recorded)]]
        if recorded != expected or len(recorded) != len(MIGRATIONS):
            theirs = next((r for r, e in zip(recorded, expected, strict=False) if r != e), None)
            raise StoreError(
                f"the store {self.path} records migrations this corpus does not know"
                f"{f' ({theirs})' if theirs else ''}: it was written by another version of corpus;"
                " the store was left untouched"
            )

    def _apply_migrations(self, version: int, create: bool) -> None:
        if version == 0 and not create:
            tables = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables == 0:
                raise BadInputError(f"{self.path} is an empty store: run `corpus ingest data/raw` first")
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
                self.db.execute("INSERT INTO _migrations VALUES (?, ?)", (step.__name__, now()))
                self.db.execute(f"PRAGMA user_version = {number}")
            if version == 0:
                search_index.record_version(self.db)  # a new store: indexed by this analysis
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _reindex_if_stale(self) -> None:
        """An ingest brings a search index built by another text analysis up to date first."""
        if search_index.is_current(self.db):
            return
        with self.transaction():
            self.reindexed = search_index.reindex(self.db)

    def check_search_index(self) -> None:
        """Raise ``StoreError`` when the search index needs ``corpus reindex`` (search, kwic)."""
        search_index.check_current(self.db, self.path)

    def reindex(self) -> int:
        """Rebuild the search index with this corpus's text analysis; returns the documents."""
        with self.transaction():
            return search_index.reindex(self.db)

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

    def batches(self) -> Batches:
        """``with store.batches() as b: with b.document(): …``: many documents per commit."""
        return Batches(self.db)

    def transaction(self) -> _Transaction:
        """``with store.transaction():`` — BEGIN IMMEDIATE … COMMIT, rolled back on error."""
        return _Transaction(self.db)

    def write_document(
        self, raw: RawDoc, clean: CleanDoc, published: Published, ann: Annotation
    ) -> None:
        """Replace the document ``raw.id`` with this version. Call inside ``transaction()``."""
        from mattis_corpus.store.write import write_document  # the write path only

        write_document(self.db, raw, clean, published, ann)

    # -- the canonical entity tables (store/entity_index.py) ------------------------------

    def entities_stale(self) -> bool:
        """True when mentions changed since the last entity refresh (e.g. an ingest was killed)."""
        from mattis_corpus.store.entity_index import entities_stale

        return entities_stale(self.db)

    def name_counts(self) -> list[tuple[tuple[str, str], int]]:
        """Each distinct (name in document, type) with its number of mentions."""
        from mattis_corpus.store.entity_index import name_counts

        return name_counts(self.db)

    def forget_entities(self) -> None:
        """Drop every derived entity row so the next ``update_entities`` rebuilds them all."""
        from mattis_corpus.store.entity_index import forget_entities

        forget_entities(self.db)

    def update_entities(self, mapping: dict[tuple[str, str], object]) -> None:
        """Bring the entity tables in line with a (name, type) → entity mapping (incremental)."""
        from mattis_corpus.store.entity_index import update_entities

        update_entities(self.db, mapping)


# A write transaction holds several documents (each in its own SAVEPOINT, so each stays
# atomic); it is committed after this many documents or seconds, whichever comes first, so
# other writers never wait long and a crash loses at most one uncommitted batch (which the
# next ingest redoes: nothing of it was recorded).
BATCH_DOCS = 64
BATCH_SECONDS = 1.0



class Batches:
    """Group document writes into few transactions; one SAVEPOINT per document."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.open = False
        self.count = 0
        self.started = 0.0

    def __enter__(self) -> Batches:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if self.open:
            self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")
            self.open = False

    @contextlib.contextmanager
    def document(self) -> Iterator[None]:
        db = self.db
        if not self.open:
            db.execute("BEGIN IMMEDIATE")
            self.open, self.count, self.started = True, 0, time.monotonic()
        db.execute("SAVEPOINT corpus_doc")
        try:
            yield
        except BaseException:
            db.execute("ROLLBACK TO corpus_doc")
            db.execute("RELEASE corpus_doc")
            raise
        db.execute("RELEASE corpus_doc")
        self.count += 1
        if self.count >= BATCH_DOCS or time.monotonic() - self.started >= BATCH_SECONDS:
            db.execute("COMMIT")
            self.open = False


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")


def _switch_to_wal(db: sqlite3.Connection) -> None:
    """``PRAGMA journal_mode = WAL``, waiting for another process doing the same: SQLite answers
    "database is locked" at once there (no busy handler), so two ingests creating one new store
    would otherwise race. Retried up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _ours_or_empty(db: sqlite3.Connection) -> bool:
    """A new (empty) file or a corpus store this version can use: safe to switch to WAL.

    Switching rewrites the file header, so a store from a newer corpus or another application's
    SQLite file (both refused by ``_migrate``) must not get it.
    """
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == 0:
        return db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    return version <= len(MIGRATIONS)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _store_error(path: str | None, e: sqlite3.DatabaseError) -> Exception:
    msg = str(e)
    if "not a database" in msg or "malformed" in msg or "disk image" in msg:
        return BadInputError(f"{path} is not a usable corpus store ({msg})")
    if "readonly" in msg or "unable to open" in msg:
        return StoreError(f"cannot open the store {path} for writing ({msg})")
    return StoreError(f"store {path}: {msg}")
