"""Named schema migrations: each runs once, in order, and is recorded in ``_migrations``.

``PRAGMA user_version`` holds the number of applied migrations, so a store written by a newer
version of corpus (more migrations than we know) is refused instead of being migrated down.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []
migration = MIGRATIONS.append


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Execute statements one by one: ``executescript`` would COMMIT the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement!r}")


_M001_SQL = """
        CREATE TABLE documents (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT,
            published TEXT,
            published_precision TEXT,
            published_source TEXT,
            published_start TEXT,
            published_end TEXT,
            dateline TEXT,
            words INTEGER NOT NULL,
            source_file TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            encoding TEXT,
            text TEXT NOT NULL,
            paragraphs TEXT NOT NULL,
            meta TEXT,
            warnings TEXT,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX documents_published ON documents(published_start, published_end);
        CREATE INDEX documents_source_file ON documents(source_file);

        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,
            doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX sentences_doc ON sentences(doc, idx);

        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            title TEXT,
            entity TEXT
        );
        CREATE INDEX mentions_doc ON mentions(doc, idx);
        CREATE INDEX mentions_entity ON mentions(entity, doc);

        CREATE TABLE timexes (
            id INTEGER PRIMARY KEY,
            doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            precision TEXT,
            interval_start TEXT,
            interval_end TEXT,
            relative INTEGER NOT NULL DEFAULT 0,
            mod TEXT
        );
        CREATE INDEX timexes_doc ON timexes(doc, idx);

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
            timex INTEGER NOT NULL,
            sentence INTEGER NOT NULL,
            date TEXT NOT NULL,
            precision TEXT,
            start TEXT NOT NULL,
            "end" TEXT NOT NULL,
            date_text TEXT NOT NULL,
            predicate TEXT,
            summary TEXT NOT NULL
        );
        CREATE INDEX events_interval ON events(start, "end");
        CREATE INDEX events_doc ON events(doc);

        CREATE TABLE event_mentions (
            event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            mention INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
            PRIMARY KEY (event, mention)
        ) WITHOUT ROWID;
        CREATE INDEX event_mentions_mention ON event_mentions(mention);

        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            key TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            documents INTEGER NOT NULL
        );
        CREATE INDEX entities_type ON entities(type, mentions);

        CREATE TABLE entity_aliases (
            entity TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            folded TEXT NOT NULL,
            PRIMARY KEY (entity, alias)
        ) WITHOUT ROWID;
        CREATE INDEX entity_aliases_folded ON entity_aliases(folded);

        CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, pad, tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE sentences_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
        """


@migration
def m001_initial(db: sqlite3.Connection) -> None:
    """The first schema: documents, what the NLP found, and the two FTS5 indexes."""
    run_script(db, _M001_SQL)


@migration
def m002_query_indexes(db: sqlite3.Connection) -> None:
    """Indexes for the query paths that scanned a table (checked with EXPLAIN QUERY PLAN on
    1,000- and 10,000-document stores): entity listings in each sort order (so ``--limit`` reads only the
    first rows), ``--type`` filters on mentions, and ``timeline --from`` (an open-ended
    interval is bounded by its end)."""
    run_script(
        db,
        """
        CREATE INDEX IF NOT EXISTS entities_by_mentions
            ON entities(mentions DESC, documents DESC, name);
        CREATE INDEX IF NOT EXISTS entities_by_documents
            ON entities(documents DESC, mentions DESC, name);
        CREATE INDEX IF NOT EXISTS entities_by_name ON entities(name COLLATE NOCASE, id);
        CREATE INDEX IF NOT EXISTS mentions_type ON mentions(type, doc);
        CREATE INDEX IF NOT EXISTS events_end ON events("end", start);
        """,
    )


@migration
def m003_mention_names(db: sqlite3.Connection) -> None:
    """Canonicalisation reads and rewrites mentions by (name, type); aliases come from ``text``."""
    db.execute("CREATE INDEX mentions_name ON mentions(name, type, text)")


@migration
def m004_bm25_rank(db: sqlite3.Connection) -> None:
    """Rank search hits with FTS5's own ``rank`` column (BM25, title 5×, body 1×, padding 0):
    ``ORDER BY rank`` lets FTS5 sort internally, ~20% faster than calling ``bm25()`` outside."""
    db.execute("INSERT INTO docs_fts (docs_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0, 0.0)')")


@migration
def m005_incremental_entities(db: sqlite3.Connection) -> None:
    """What an incremental entity refresh needs, so adding one article to a big store does not
    re-read every mention.

    ``names``: one row per distinct (name, type, surface text) with its mention count (kept by
    triggers on ``mentions``), the entity it had at the last refresh, and a dirty flag set when
    its mentions change. ``entity_docs``: each entity's documents by id, in id order, so
    ``entities`` never joins every mention to its document; ``entity_doc_lists``: the same lists
    as JSON arrays, rebuilt for the entities a refresh touches, so ``entities --format json``
    on 100,000 documents copies ~20 MB of ready JSON instead of reading a million index rows.
    All are filled here from the existing mentions."""
    run_script(
        db,
        """
        CREATE TABLE names (
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            text TEXT NOT NULL,
            mentions INTEGER NOT NULL DEFAULT 0,
            entity TEXT,
            dirty INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (name, type, text)
        ) WITHOUT ROWID;
        INSERT INTO names (name, type, text, mentions, entity, dirty)
            SELECT name, type, text, count(*), max(entity), max(entity IS NULL)
            FROM mentions GROUP BY name, type, text;
        CREATE INDEX names_dirty ON names(dirty) WHERE dirty;
        CREATE INDEX names_entity ON names(entity);
        CREATE TRIGGER mentions_names_insert AFTER INSERT ON mentions BEGIN
            INSERT INTO names (name, type, text, mentions) VALUES (new.name, new.type, new.text, 1)
            ON CONFLICT (name, type, text) DO UPDATE SET mentions = mentions + 1, dirty = 1;
        END;
        CREATE TRIGGER mentions_names_delete AFTER DELETE ON mentions BEGIN
            UPDATE names SET mentions = mentions - 1, dirty = 1
            WHERE name = old.name AND type = old.type AND text = old.text;
        END;

        CREATE TABLE entity_docs (
            entity TEXT NOT NULL,
            doc TEXT NOT NULL,
            PRIMARY KEY (entity, doc)
        ) WITHOUT ROWID;
        CREATE INDEX entity_docs_doc ON entity_docs(doc);
        INSERT INTO entity_docs (entity, doc)
            SELECT x.entity, d.id FROM (SELECT DISTINCT entity, doc FROM mentions
                                        WHERE entity IS NOT NULL) x
            JOIN documents d ON d.rowid = x.doc ORDER BY 1, 2;

        CREATE TABLE entity_doc_lists (entity TEXT PRIMARY KEY, ids TEXT NOT NULL);
        INSERT INTO entity_doc_lists (entity, ids)
            SELECT entity, json_group_array(doc) FROM
            (SELECT entity, doc FROM entity_docs ORDER BY entity, doc) GROUP BY entity;
        """,
    )


@migration
def m006_store_meta(db: sqlite3.Connection) -> None:
    """Facts about the store itself, first the text analysis its search index was built with
    (``store/search_index.py``): a store indexed by another analysis is re-indexed by the next
    ingest and refused by ``search`` until then. Every store before this migration was indexed
    by ``fr-snowball-fold-1``, the only analysis released before the version was recorded."""
    run_script(
        db,
        """
        CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO store_meta (key, value) VALUES ('analysis_version', 'fr-snowball-fold-1');
        """,
    )


@migration
def m007_quotes(db: sqlite3.Connection) -> None:
    """Quotations (``nlp/quotes/``): span, kind, reporting verb and speaker. The speaker is the
    mention row it resolved to, so its canonical entity is read through ``mentions.entity``,
    the very link every entity refresh keeps (a quote follows its speaker when a name moves
    to another entity); ``speaker_name``/``speaker_text`` keep the in-document name and the
    words of the article ("un diplomate européen" when nobody is named)."""
    run_script(
        db,
        """
        CREATE TABLE IF NOT EXISTS quotes (
            id INTEGER PRIMARY KEY,
            doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            verb TEXT,
            speaker_mention INTEGER REFERENCES mentions(id) ON DELETE SET NULL,
            speaker_name TEXT,
            speaker_text TEXT
        );
        CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc, idx);
        CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_mention);
        """,
    )


@migration
def m008_document_fields(db: sqlite3.Connection) -> None:
    """What saved pages and exports declare about an article: its canonical ``url``, ``site``
    name, ``author`` (several joined by "; "), ``language`` (ISO 639-1; a non-French document
    is stored but not analysed), and the ``updated`` date (ISO at its precision). ``meta``
    (m001) keeps the sidecar's or record's own fields, unknown ones included. Stores from
    before have none of these: NULL, as for a page that does not say."""
    run_script(
        db,
        """
        ALTER TABLE documents ADD COLUMN url TEXT;
        ALTER TABLE documents ADD COLUMN site TEXT;
        ALTER TABLE documents ADD COLUMN author TEXT;
        ALTER TABLE documents ADD COLUMN language TEXT;
        ALTER TABLE documents ADD COLUMN updated TEXT;
        CREATE INDEX documents_site ON documents(site);
        CREATE INDEX documents_language ON documents(language);
        """,
    )


@migration
def m009_page_lines(db: sqlite3.Connection) -> None:
    """How many pages hold each short line (``store/page_lines.py``): a line on several pages
    of a site is its furniture. Stores from before start with no counts; their pages are
    counted when they are ingested again (``--force`` re-cleans them with the counts)."""
    run_script(
        db,
        """
        CREATE TABLE page_lines (hash INTEGER PRIMARY KEY, pages INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE page_line_sets (page TEXT PRIMARY KEY, hashes BLOB NOT NULL);
        """,
    )


@migration
def m010_event_date_source(db: sqlite3.Connection) -> None:
    """Where an event's date comes from: ``text`` (a date in its sentence, ``timex`` names it)
    or ``published`` (an article's lede dated by its publication date; ``timex`` is -1). Events
    of stores from before were all dated by their text."""
    run_script(db, "ALTER TABLE events ADD COLUMN date_source TEXT NOT NULL DEFAULT 'text';")
