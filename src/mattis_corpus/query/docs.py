"""Documents: the listing and one document with its mentions, dates and paragraphs."""

from __future__ import annotations

import json
from collections.abc import Iterator

from mattis_corpus.query.common import doc_rowid, language_condition
from mattis_corpus.store.db import Store

DOC_FIELDS = ("id", "title", "published", "published_precision", "published_source", "words", "source_file",
              "updated", "url", "site", "author", "language")


def list_docs(store: Store, site: str | None = None, lang: str | None = None) -> Iterator[dict]:
    """Every document, by id; ``site`` (case-insensitive, exact) and ``lang`` (ISO 639-1, or
    ``none`` for an unknown language) keep some."""
    cols = ", ".join(DOC_FIELDS)
    where, args = [], []
    if site is not None:
        where.append("site = ? COLLATE NOCASE")
        args.append(site)
    if lang is not None:
        cond, lang_args = language_condition(lang)
        where.append(cond)
        args += lang_args
    sql = f"SELECT {cols} FROM documents" + (" WHERE " + " AND ".join(where) if where else "")
    for row in store.db.execute(sql + " ORDER BY id", args):
        yield dict(row)


def show_doc(store: Store, doc_id: str) -> dict:
    """One document with its text, paragraphs, entity mentions, dates and events."""
    rowid = doc_rowid(store, doc_id)
    db = store.db
    row = db.execute(
        f"SELECT {', '.join(DOC_FIELDS)}, text, paragraphs, dateline, encoding, meta FROM documents WHERE rowid = ?",
        (rowid,),
    ).fetchone()
    out = dict(row)
    # what the record, sidecar or page said beyond our fields ({"extra": …}, a feed's tags)
    out["meta"] = json.loads(out["meta"]) if out["meta"] else {}
    text = out["text"]
    out["paragraphs"] = [
        {"start": s, "end": e, "kind": k, "text": text[s:e]} for s, e, k in json.loads(out["paragraphs"])
    ]
    out["entities"] = [
        dict(r)
        for r in db.execute(
            """SELECT m.start, m."end", m.text, m.type, coalesce(e.name, m.name) AS entity,
                      m.entity AS entity_id, m.title
               FROM mentions m LEFT JOIN entities e ON e.id = m.entity
               WHERE m.doc = ? ORDER BY m.start""",
            (rowid,),
        )
    ]
    out["dates"] = [
        dict(r)
        for r in db.execute(
            """SELECT start, "end", text, type, value, precision, interval_start AS interval_start,
                      interval_end, relative, mod FROM timexes WHERE doc = ? ORDER BY start""",
            (rowid,),
        )
    ]
    for d in out["dates"]:
        d["relative"] = bool(d["relative"])
    out["sentences"] = db.execute("SELECT count(*) FROM sentences WHERE doc = ?", (rowid,)).fetchone()[0]
    from mattis_corpus.query.quotes import doc_quotes

    out["quotes"] = doc_quotes(store, rowid)
    return out
