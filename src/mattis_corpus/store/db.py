"""4 · The store: one SQLite file (WAL, FTS5) holding documents and what the NLP found.

Each document is written in one transaction together with its content hash, so a crash never
leaves half a document visible and re-ingesting unchanged files is a cheap hash lookup.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NamedTuple

from mattis_corpus.errors import BadInputError, CorpusError, SchemaTooNewError, StoreError
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
    source_file: str | None = None  # where it was read from: another file must not replace it


class Store:
    """The corpus database. Accepts a path, ``":memory:"`` or an open connection.

    Args:
        path: the SQLite file (created with its folder when ``create`` is true).
        create: create and migrate the store if needed (ingest); query commands pass False.
        readonly: open it read-only (queries: a store in a folder the user cannot write still
            answers); a store that needs a migration is still opened for writing.
    """

    def __init__(self, path: str | os.PathLike | sqlite3.Connection, *, create: bool = False,
                 readonly: bool = False) -> None:
        self.readonly = readonly and not create
        if isinstance(path, sqlite3.Connection):
            self.path = None
            self.db = path
        else:
            self.path = os.fspath(path)
            self.db = self._connect(self.path, create, self.readonly)
        self.db.row_factory = sqlite3.Row
        self.reindexed: int | None = None  # documents re-indexed on open (another analysis)
        self.on_lock_wait: LockWait | None = None  # told while a write waits for the lock
        try:
            self._migrate(create)
        except BaseException:
            if self.path is not None:  # a refused store: release it now (no -wal/-shm left over)
                self.db.close()
            raise

    @staticmethod
    def _connect(path: str, create: bool, readonly: bool = False) -> sqlite3.Connection:
        if path != ":memory:":
            if os.path.isdir(path):
                raise BadInputError(f"the store {path} is a folder, not a SQLite file")
            if readonly and os.path.exists(path) and not _writable(path):
                return _connect_readonly(path)
            if create and os.path.exists(path):
                _check_writable(path)  # before any NLP runs, not after it
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
                if self.readonly and version > 0 and self.path is not None:
                    self.db.close()  # an older schema: migrate it, which needs to write
                    self.db, self.readonly = self._connect(self.path, False), False
                    self.db.row_factory = sqlite3.Row
                self._apply_migrations(version, create)
            if create:
                _check_intact(self.db, self.path)
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
        begin_write(self.db, self.path)
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
        row = self.db.execute(
            "SELECT rowid, sha256, source_file FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return StoredDoc(row[0], row[1], row[2]) if row else None

    # -- writes ---------------------------------------------------------------------------

    def batches(self, before_commit: Callable[[], None] | None = None) -> Batches:
        """``with store.batches() as b: with b.document(): …``: many documents per commit."""
        return Batches(self.db, self.path, self.on_lock_wait, before_commit)

    def transaction(self) -> _Transaction:
        """``with store.transaction():`` — BEGIN IMMEDIATE … COMMIT, rolled back on error."""
        return _Transaction(self.db, self.path, self.on_lock_wait)

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
# atomic); it is committed after this many documents or seconds, whichever comes first, and
# before the ingest waits for or analyses the next documents (``Batches.idle``): a transaction
# is never left open while spaCy parses, so other writers never wait long, committed documents
# are visible at once, and a crash loses at most one uncommitted batch (which the next ingest
# redoes: nothing of it was recorded).
BATCH_DOCS = 64
BATCH_SECONDS = 1.0
# How long a writer waits for the write lock while its holder commits nothing at all (an
# outside ``BEGIN EXCLUSIVE``, a hung process). Another ingest commits at least every second
# while it writes, and holds no lock while it parses, so waiting for it has no limit.
# ``$CORPUS_LOCK_TIMEOUT`` (seconds) overrides it.
LOCK_TIMEOUT_S = 60.0
LOCK_POLL_MS = 250

# Called while a write waits for the lock: seconds waited so far, then None once it has it.
LockWait = Callable[[float | None], None]


class Batches:
    """Group document writes into few transactions; one SAVEPOINT per document.

    ``before_commit`` runs inside each transaction just before its COMMIT (the ingest brings
    the canonical entities up to date there, so every committed state is consistent)."""

    def __init__(self, db: sqlite3.Connection, path: str | None = None,
                 on_wait: LockWait | None = None,
                 before_commit: Callable[[], None] | None = None) -> None:
        self.db, self.path, self.on_wait = db, path, on_wait
        self.before_commit = before_commit
        self.open = False
        self.count = 0
        self.started = 0.0

    def __enter__(self) -> Batches:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.idle()
        elif self.open:
            self.open = False
            if self.db.in_transaction:  # not after SQLite rolled back by itself (disk full)
                self.db.execute("ROLLBACK")

    def idle(self) -> None:
        """Commit the open batch now: the caller is about to wait or work without writing."""
        if self.open:
            try:
                if self.before_commit is not None:
                    self.before_commit()
                self.db.execute("COMMIT")
            except sqlite3.DatabaseError as e:  # still open: __exit__ rolls it back
                raise store_error(self.path, e) from None
            self.open = False

    @contextlib.contextmanager
    def document(self) -> Iterator[None]:
        db = self.db
        if not self.open:
            begin_write(db, self.path, self.on_wait)
            self.open, self.count, self.started = True, 0, time.monotonic()
        db.execute("SAVEPOINT corpus_doc")
        try:
            yield
        except BaseException as e:
            if db.in_transaction:
                db.execute("ROLLBACK TO corpus_doc")
                db.execute("RELEASE corpus_doc")
            else:  # SQLite rolled the whole batch back itself (a full disk): say so, not that
                self.open = False  # the rollback found no transaction
            if isinstance(e, sqlite3.DatabaseError):
                raise store_error(self.path, e) from None
            raise
        db.execute("RELEASE corpus_doc")
        self.count += 1
        if self.count >= BATCH_DOCS or time.monotonic() - self.started >= BATCH_SECONDS:
            self.idle()


def begin_write(db: sqlite3.Connection, path: str | None, on_wait: LockWait | None = None) -> None:
    """``BEGIN IMMEDIATE``, waiting for the write lock for as long as its holder keeps
    committing (``PRAGMA data_version`` moves); ``StoreError`` once nothing was committed for
    ``LOCK_TIMEOUT_S`` (a lock held, not a writer at work). ``on_wait`` hears of each poll."""
    started = idle_since = time.monotonic()
    timeout = _lock_timeout()
    version = _data_version(db)
    db.execute(f"PRAGMA busy_timeout = {LOCK_POLL_MS}")
    try:
        while True:
            try:
                db.execute("BEGIN IMMEDIATE")
                if on_wait is not None and time.monotonic() > started + LOCK_POLL_MS / 1000:
                    on_wait(None)
                return
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) and "busy" not in str(e):
                    raise
            now = time.monotonic()
            seen = _data_version(db)
            if seen != version:
                version, idle_since = seen, now
            elif now - idle_since >= timeout:
                raise StoreError(
                    f"the write lock of the store {path} is held by another process that has "
                    f"committed nothing for {timeout:g} s: gave up waiting (run again when it "
                    "is done, or set CORPUS_LOCK_TIMEOUT)")
            if on_wait is not None:
                on_wait(now - started)
    finally:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


class _Transaction:
    def __init__(self, db: sqlite3.Connection, path: str | None = None,
                 on_wait: LockWait | None = None) -> None:
        self.db, self.path, self.on_wait = db, path, on_wait

    def __enter__(self) -> sqlite3.Connection:
        begin_write(self.db, self.path, self.on_wait)
        return self.db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        elif self.db.in_transaction:  # not after SQLite rolled back by itself (disk full)
            self.db.execute("ROLLBACK")


def _data_version(db: sqlite3.Connection) -> int | None:
    """Changes whenever another connection commits (None when even that read is locked out:
    a rollback-journal store under an exclusive lock)."""
    try:
        return db.execute("PRAGMA data_version").fetchone()[0]
    except sqlite3.OperationalError:
        return None


def _lock_timeout() -> float:
    """``$CORPUS_LOCK_TIMEOUT`` in seconds when it is a positive number, else the default."""
    try:
        value = float(os.environ.get("CORPUS_LOCK_TIMEOUT") or LOCK_TIMEOUT_S)
    except ValueError:
        return LOCK_TIMEOUT_S
    return value if value > 0 else LOCK_TIMEOUT_S


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


def store_error(path: str | None, e: sqlite3.Error) -> CorpusError:
    """The user's words for an SQLite error: a damaged store is bad input (exit 2); a full
    disk, a read-only store or another failure is a failed run (exit 1), never "internal"."""
    msg = str(e)
    if "not a database" in msg or "malformed" in msg or "disk image" in msg:
        return BadInputError(f"{path} is not a usable corpus store: it is damaged ({msg}); "
                             "restore a copy, or ingest again into a new store")
    if "no such table" in msg or "no such column" in msg:
        return BadInputError(f"{path} is not a usable corpus store: it is damaged or incomplete "
                             f"({msg}); ingest again into a new store")
    if "full" in msg:
        return StoreError(f"the disk is full ({msg}) while writing {path}: the store keeps what "
                          "was committed before; free some space and run the same ingest again")
    if "readonly" in msg or "read-only" in msg:
        return StoreError(f"the store {path} is read-only ({msg})")
    if "unable to open" in msg:
        return StoreError(f"cannot open the store {path} for writing ({msg})")
    return StoreError(f"store {path}: {msg}")


_store_error = store_error


def _check_writable(path: str) -> None:
    """Refuse a store ``ingest`` could not write (read-only file or folder) before the NLP
    spends minutes on documents it could not store."""
    for what, p in (("file", path), ("folder", os.path.dirname(os.path.abspath(path)))):
        if not os.access(p, os.W_OK):
            raise StoreError(f"the store {path} is read-only (its {what} is not writable): "
                             "ingest needs to write it; queries still work")


def _writable(path: str) -> bool:
    """The store file and its folder (where SQLite keeps ``-wal`` and ``-shm``) are writable."""
    return os.access(path, os.W_OK) and os.access(os.path.dirname(os.path.abspath(path)), os.W_OK)


def _connect_readonly(path: str) -> sqlite3.Connection:
    """A read-only connection (``mode=ro``) for a query on a store the user cannot write (a
    writable one is opened as usual: a read-only connection would leave ``-wal``/``-shm``
    files behind). A WAL store whose folder is not writable has no ``-shm`` to share: then it
    is opened ``immutable`` (no writer can work there either)."""
    uri = "file:" + path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    try:
        db = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                             isolation_level=None)
        try:
            db.execute("PRAGMA user_version").fetchone()
        except sqlite3.OperationalError:
            db.close()
            if os.access(os.path.dirname(os.path.abspath(path)), os.W_OK):
                raise
            db = sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, isolation_level=None)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlite3.DatabaseError as e:
        raise store_error(path, e) from None
    return db


def _check_intact(db: sqlite3.Connection, path: str | None) -> None:
    """``ingest`` refuses a store with a damaged page (``PRAGMA quick_check``): adding to it
    would bury the damage under new documents."""
    problems = [r[0] for r in db.execute("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        raise BadInputError(f"{path} is not a usable corpus store: it is damaged "
                            f"({'; '.join(problems)}); restore a copy, or ingest into a new store")
