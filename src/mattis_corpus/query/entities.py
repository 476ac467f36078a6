"""Canonical entities, each once, with their mentions, documents and aliases."""

from __future__ import annotations

import json
from collections.abc import Iterator

from mattis_corpus.query.common import doc_rowid
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
    db = store.db
    where, params = ["1 = 1"], []
    if type_:
        where.append("e.type = ?")
        params.append(type_)
    if doc is not None:
        rowid = doc_rowid(store, doc)
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
    for row in db.execute(sql, params).fetchall():
        docs: list | RawJSON
        if doc is not None:
            docs = [doc]
            aliases = [
                r[0]
                for r in db.execute(
                    "SELECT DISTINCT text FROM mentions WHERE entity = ? AND doc = ? ORDER BY text",
                    (row["id"], rowid),
                )
            ]
        else:
            if documents == "none":
                docs = []
            else:  # kept up to date by each refresh, as a JSON array in id order
                found = db.execute(
                    "SELECT ids FROM entity_doc_lists WHERE entity = ?", (row["id"],)
                ).fetchone()
                ids = found[0] if found else "[]"
                docs = RawJSON(ids) if documents == "json" else json.loads(ids)
            aliases = [
                r[0]
                for r in db.execute(
                    "SELECT alias FROM entity_aliases WHERE entity = ? ORDER BY alias", (row["id"],)
                )
            ]
        yield {
            "id": row["id"], "name": row["name"], "type": row["type"],
            "mentions": row["mentions"], "documents": docs, "aliases": aliases,
            "document_count": row["ndocs"],
        }
