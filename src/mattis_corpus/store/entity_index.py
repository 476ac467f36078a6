"""The canonical entity tables, kept incrementally from a (name, type) → entity mapping.

``names`` (kept by triggers on ``mentions``) says which names gained or lost mentions since the
last refresh; only their entities, and those of names that moved to another entity, are
recounted. Adding one article to a 100,000-document store so costs ~0.5 s (mostly
``canon.resolve_names``), not a pass over every mention. After ``forget_entities`` the same
code rebuilds everything from scratch. Every function runs inside the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from mattis_corpus.textutil import fold

_SCRATCH = (
    "CREATE TEMP TABLE IF NOT EXISTS _name_map "
    "(name TEXT, type TEXT, entity TEXT, PRIMARY KEY (name, type)) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS _dirty (entity TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS _moved (entity TEXT PRIMARY KEY) WITHOUT ROWID",
)


def entities_stale(db: sqlite3.Connection) -> bool:
    """True when mentions changed since the last entity refresh (e.g. an ingest was killed)."""
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM names WHERE dirty)"
        " OR EXISTS (SELECT 1 FROM mentions WHERE entity IS NULL)"
    ).fetchone()
    return bool(row[0])


def name_counts(db: sqlite3.Connection) -> list[tuple[tuple[str, str], int]]:
    """Each distinct (name in document, type) with its number of mentions."""
    rows = db.execute(
        "SELECT name, type, sum(mentions) FROM names GROUP BY name, type HAVING sum(mentions) > 0"
    )
    return [((name, type_), n) for name, type_, n in rows]


def forget_entities(db: sqlite3.Connection) -> None:
    """Drop every derived entity row and recount ``names`` from the mentions, so that the
    next ``update_entities`` rebuilds everything from scratch."""
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
        db.execute(sql)


def update_entities(db: sqlite3.Connection, mapping: dict[tuple[str, str], Any]) -> None:
    """Bring the canonical entity tables in line with ``mapping`` (entities carry ``id``,
    ``name``, ``type``, ``key``): mentions are rewritten only for names that moved, and new
    mentions are found through the index on ``entity IS NULL``."""
    for ddl in _SCRATCH:
        db.execute(ddl)
    for table in ("_name_map", "_dirty", "_moved"):
        db.execute(f"DELETE FROM {table}")
    db.executemany(
        "INSERT INTO _name_map VALUES (?, ?, ?)", [(n, t, ent.id) for (n, t), ent in mapping.items()]
    )
    _move_names(db)
    _link_new_mentions(db)
    _mark_dirty(db)
    _upsert_entities(db, {e.id: e for e in mapping.values()})
    _recount(db)


def _move_names(db: sqlite3.Connection) -> None:
    """Names that moved from one entity to another (a new full name claimed a bare surname,
    say): rewrite their mentions; both entities' document lists are rebuilt. A name seen for
    the first time has no old entity; one whose mentions are all gone has no new one."""
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


def _link_new_mentions(db: sqlite3.Connection) -> None:
    """New mentions (entity still NULL) get their entity, and their documents join its list;
    moved entities' lists are rebuilt from their mentions."""
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


def _mark_dirty(db: sqlite3.Connection) -> None:
    """Entities to recount: those of changed names (old and new) and the moved ones."""
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


def _upsert_entities(db: sqlite3.Connection, entities: dict[str, Any]) -> None:
    """New and renamed entities are written (and dirty); vanished ones are deleted."""
    stored = {
        r[0]: (r[1], r[2], r[3]) for r in db.execute("SELECT id, name, type, key FROM entities")
    }
    changed = [e for e in entities.values() if stored.get(e.id) != (e.name, e.type, e.key)]
    db.executemany(
        "INSERT INTO entities (id, name, type, key, mentions, documents) VALUES (?,?,?,?,0,0) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, "
        "key = excluded.key",
        [(e.id, e.name, e.type, e.key) for e in changed],
    )
    db.executemany("INSERT OR IGNORE INTO _dirty VALUES (?)", [(e.id,) for e in changed])
    gone = [(i,) for i in stored if i not in entities]
    db.executemany("INSERT OR IGNORE INTO _dirty VALUES (?)", gone)
    db.executemany("DELETE FROM entities WHERE id = ?", gone)


def _recount(db: sqlite3.Connection) -> None:
    """Recount the dirty entities, and rebuild their document lists and aliases."""
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
