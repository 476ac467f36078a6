"""Canonical entities, each once, with their mentions, documents and aliases."""

from __future__ import annotations

import json
from collections.abc import Iterator

from mattis_corpus.query.common import doc_rowid, language_condition
from mattis_corpus.query.quotes import quote_counts
from mattis_corpus.store.db import Store
from mattis_corpus.textutil import RawJSON


def list_entities(
    store: Store,
    *,
    type_: str | None = None,
    doc: str | None = None,
    min_mentions: int = 1,
    sort: str = "mentions",
    limit: int | None = None,
    documents: str = "list",
    lang: str | None = None,
) -> Iterator[dict]:
    """Canonical entities, each once, with mention/document counts and all aliases.

    ``documents`` lists every document id in id order (the JSON contract). On a large store that
    is most of the output, so: ``"list"`` gives Python lists; ``"json"`` gives each list as one
    ``RawJSON`` string built by SQLite (what ``--format json`` writes, without decoding and
    re-encoding millions of ids); ``"none"`` gives ``[]`` (views that show only
    ``document_count``, which is always filled in).
    """
    if documents not in ("list", "json", "none"):
        raise ValueError(f"documents must be list, json or none, not {documents!r}")
    rowid = doc_rowid(store, doc) if doc is not None else None
    sql, params = _entities_sql(type_, rowid, min_mentions, sort, limit, lang)
    quotes = quote_counts(store, rowid)
    for row in store.db.execute(sql, params).fetchall():
        if rowid is not None:
            docs: list | RawJSON = [doc]
            aliases = _column(store, "SELECT DISTINCT text FROM mentions WHERE entity = ? AND doc = ?"
                              " ORDER BY text", (row["id"], rowid))
        else:
            docs = (_language_documents(store, row["id"], lang, documents) if lang is not None
                    else _document_list(store, row["id"], documents))
            aliases = _column(store, "SELECT alias FROM entity_aliases WHERE entity = ? ORDER BY alias",
                              (row["id"],))
        yield {
            "id": row["id"], "name": row["name"], "type": row["type"],
            "mentions": row["mentions"], "documents": docs, "aliases": aliases,
            "document_count": row["ndocs"], "quotes": quotes.get(row["id"], 0),
        }


def _entities_sql(type_: str | None, rowid: int | None, min_mentions: int, sort: str,
                  limit: int | None, lang: str | None = None) -> tuple[str, list]:
    """The listing query: counts from ``entities``, from one document's mentions, or from the
    mentions in the documents of one language."""
    where, params = ["1 = 1"], []
    if type_:
        where.append("e.type = ?")
        params.append(type_)
    if lang is not None:
        counts = (
            "SELECT m.entity AS id, count(*) AS mentions, count(DISTINCT m.doc) AS documents "
            "FROM mentions m JOIN documents d ON d.rowid = m.doc WHERE m.entity IS NOT NULL AND "
            f"{language_condition(lang, 'd.language')[0]}" + (" AND m.doc = ?" if rowid is not None else "") + " GROUP BY m.entity"
        )
        source = f"({counts}) c JOIN entities e ON e.id = c.id"
        params[:0] = [*language_condition(lang)[1], *([rowid] if rowid is not None else [])]
        mcol, dcol = "c.mentions", "c.documents"
    elif rowid is not None:
        counts = (
            "SELECT m.entity AS id, count(*) AS mentions, 1 AS documents FROM mentions m "
            "WHERE m.doc = ? AND m.entity IS NOT NULL GROUP BY m.entity"
        )
        source = f"({counts}) c JOIN entities e ON e.id = c.id"
        params.insert(0, rowid)
        mcol, dcol = "c.mentions", "c.documents"
    else:
        source, mcol, dcol = "entities e", "e.mentions", "e.documents"
    where.append(f"{mcol} >= ?")
    params.append(min_mentions)
    order = {
        "mentions": f"{mcol} DESC, {dcol} DESC, e.name",
        "documents": f"{dcol} DESC, {mcol} DESC, e.name",
        "name": "e.name COLLATE NOCASE, e.id",
    }[sort]
    sql = (
        f"SELECT e.id, e.name, e.type, {mcol} AS mentions, {dcol} AS ndocs FROM {source} "
        f"WHERE {' AND '.join(where)} ORDER BY {order}"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return sql, params


def _document_list(store: Store, entity: str, documents: str) -> list | RawJSON:
    """An entity's document ids, kept by each refresh as a JSON array in id order."""
    if documents == "none":
        return []
    found = store.db.execute("SELECT ids FROM entity_doc_lists WHERE entity = ?", (entity,)).fetchone()
    ids = found[0] if found else "[]"
    return RawJSON(ids) if documents == "json" else json.loads(ids)


def _language_documents(store: Store, entity: str, lang: str, documents: str) -> list:
    """An entity's documents in one language, in id order."""
    if documents == "none":
        return []
    cond, args = language_condition(lang, "d.language")
    return _column(store, "SELECT DISTINCT d.id FROM mentions m JOIN documents d ON d.rowid = m.doc"
                   f" WHERE m.entity = ? AND {cond} ORDER BY d.id", (entity, *args))


def _column(store: Store, sql: str, params: tuple) -> list:
    return [r[0] for r in store.db.execute(sql, params)]
