"""5 · Queries: read the store only (never spaCy) and yield plain dicts for the renderer."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from mattis_corpus.dates import parse_partial
from mattis_corpus.errors import BadInputError
from mattis_corpus.store.db import Store
from mattis_corpus.textutil import RawJSON, fold

DOC_FIELDS = ("id", "title", "published", "published_precision", "published_source", "words", "source_file")


OPEN_START, OPEN_END = "0000-01-01", "9999-12-31"


class DateRange(NamedTuple):
    """An inclusive day interval from ``--from``/``--to`` (either side may be open)."""

    start: str = OPEN_START
    end: str = OPEN_END

    @classmethod
    def parse(cls, date_from: str | None, date_to: str | None) -> DateRange:
        start = parse_partial(date_from)[0].isoformat() if date_from else OPEN_START
        end = parse_partial(date_to)[1].isoformat() if date_to else OPEN_END
        if start > end:
            raise BadInputError(f"--from {date_from} is after --to {date_to}")
        return cls(start, end)

    @property
    def is_open(self) -> bool:
        return self == DateRange()


ALL_DATES = DateRange()


def _doc_rowid(store: Store, doc_id: str) -> int:
    row = store.db.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise BadInputError(f"no document {doc_id!r} in the store (see `corpus docs`)")
    return row[0]


def entity_ids(store: Store, name: str, type_: str | None = None) -> list[str]:
    """Entities ``name`` designates (accent- and case-insensitive): those whose id, canonical
    name or an alias matches it; failing that, the people whose name ends with it, so that
    ``--entity Flynn`` finds Michael Flynn even when no article calls him just "Flynn"."""
    key = fold(name)
    sql = (
        "SELECT id FROM entities WHERE (id = ? OR id IN "
        "(SELECT entity FROM entity_aliases WHERE folded = ?))"
    )
    params: list = [name, key]
    if type_:
        sql += " AND type = ?"
        params.append(type_)
    ids = [r[0] for r in store.db.execute(sql, params)]
    if ids or not key or type_ not in (None, "PER"):
        return ids
    return [
        r[0]
        for r in store.db.execute(
            "SELECT DISTINCT e.id FROM entity_aliases a JOIN entities e ON e.id = a.entity "
            "WHERE e.type = 'PER' AND substr(a.folded, -?) = ? AND substr(a.folded, -? - 1, 1) = ' ' "
            "ORDER BY e.id",
            (len(key), key, len(key)),
        )
    ]


def list_docs(store: Store) -> Iterator[dict]:
    cols = ", ".join(DOC_FIELDS)
    for row in store.db.execute(f"SELECT {cols} FROM documents ORDER BY id"):
        yield dict(row)


def show_doc(store: Store, doc_id: str) -> dict:
    """One document with its text, paragraphs, entity mentions, dates and events."""
    rowid = _doc_rowid(store, doc_id)
    db = store.db
    row = db.execute(
        f"SELECT {', '.join(DOC_FIELDS)}, text, paragraphs, dateline, encoding FROM documents WHERE rowid = ?",
        (rowid,),
    ).fetchone()
    out = dict(row)
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
    return out


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
        rowid = _doc_rowid(store, doc)
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


def _filters(
    store: Store, *, entity: str | None, type_: str | None, dates: DateRange, doc: str | None,
    doc_col: str, date_cols: tuple[str, str] | None,
) -> tuple[list[str], list]:
    where: list[str] = []
    params: list = []
    # Entity and type filters probe the (entity, doc) / (type, doc) indexes once per candidate
    # document: the full-text match drives the query, and on 100,000 documents building the
    # set of every document with a PER mention first cost ~80 ms more.
    if entity is not None:
        ids = entity_ids(store, entity, type_)
        where.append(
            f"EXISTS (SELECT 1 FROM mentions WHERE entity IN ({','.join('?' * len(ids)) or 'NULL'})"
            f" AND doc = {doc_col})"
        )
        params.extend(ids)
    elif type_:
        where.append(f"EXISTS (SELECT 1 FROM mentions WHERE type = ? AND doc = {doc_col})")
        params.append(type_)
    if doc is not None:
        where.append(f"{doc_col} = ?")
        params.append(_doc_rowid(store, doc))
    # Only the bounds the user gave: an open side would be a no-op test that also steers the
    # planner to the wrong index (``--from`` alone is a range on the interval's end).
    if date_cols and dates.start != OPEN_START:
        where.append(f"{date_cols[1]} >= ?")
        params.append(dates.start)
    if date_cols and dates.end != OPEN_END:
        where.append(f"{date_cols[0]} <= ?")
        params.append(dates.end)
    return where, params


def search(
    store: Store,
    query: str,
    *,
    limit: int = 10,
    entity: str | None = None,
    type_: str | None = None,
    dates: DateRange = ALL_DATES,
    doc: str | None = None,
    marks: tuple[str, str] = ("[", "]"),
) -> Iterator[dict]:
    """Ranked documents (BM25, titles weigh 5×) with their best matching sentence marked.

    ``marks`` surround each match in the snippet: ``[…]`` by default (the JSON contract); the
    terminal view passes characters that cannot occur in article text, so brackets of the text
    itself are never mistaken for matches.
    """
    from mattis_corpus.analysis import (
        compile_query,  # search and kwic only: other queries skip the stemmer
    )

    q = compile_query(query)
    if entity is not None and not entity_ids(store, entity, type_):
        return  # no such entity: nothing to rank
    where, params = _filters(
        store, entity=entity, type_=type_, dates=dates, doc=doc, doc_col="d.rowid",
        date_cols=("d.published_start", "d.published_end"),
    )
    sql = (  # docs_fts.rank is BM25 with titles weighing 5× (configured by migration m004)
        "SELECT d.rowid AS rowid, d.id, d.title, d.published, docs_fts.rank AS rank "
        "FROM docs_fts JOIN documents d ON d.rowid = docs_fts.rowid WHERE docs_fts MATCH ? "
        + "".join(f" AND {w}" for w in where)
        + " ORDER BY docs_fts.rank LIMIT ?"
    )
    match = f"{{title body}} : ({q.match})"  # never the padding column (see store.pad_rowids)
    rows = store.db.execute(sql, [match, *params, limit]).fetchall()
    for row in rows:
        yield {
            "doc": row["id"],
            "title": row["title"],
            "published": row["published"],
            "score": round(-row["rank"], 4),
            "snippet": _best_snippet(store, row["rowid"], row["title"], q, marks),
        }


def _best_snippet(store: Store, rowid: int, title: str | None, q, marks: tuple[str, str]) -> str:
    from mattis_corpus.analysis import kwic_matches, mark, snippet

    best, best_hits = None, 0
    # Usually one sentence matches the whole query: let FTS5 find it within the document's
    # sentence ids (a rowid range it can seek), and analyse only those few sentences.
    lo, hi = store.db.execute(
        "SELECT min(id), max(id) FROM sentences WHERE doc = ?", (rowid,)
    ).fetchone()
    whole = store.db.execute(
        "SELECT s.text FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
        "WHERE sentences_fts MATCH ? AND f.rowid BETWEEN ? AND ? AND s.doc = ? "
        "LIMIT 5",  # no ORDER BY rank: BM25 would need corpus-wide statistics per snippet
        (q.match, lo, hi, rowid),
    ).fetchall()
    for (text,) in whole:
        hits = len(kwic_matches(text, q))
        if hits > best_hits:
            best, best_hits = text, hits
    if best is not None:
        return snippet(best, q, left=marks[0], right=marks[1])
    # The words are spread over several sentences: the sentence with the most of them.
    rows = store.db.execute(
        "SELECT s.text, f.body FROM sentences s LEFT JOIN sentences_fts f ON f.rowid = s.id "
        "WHERE s.doc = ? ORDER BY s.idx",
        (rowid,),
    )
    for text, terms in rows:
        if terms is not None and not _may_match(text, terms, q):
            continue  # no hit for sure: skip re-analysing (stemming) the sentence
        hits = len(kwic_matches(text, q))
        if hits > best_hits:
            best, best_hits = text, hits
    if best is None:
        return mark(title or "", q, *marks)
    return snippet(best, q, left=marks[0], right=marks[1])


def _may_match(text: str, terms: str, q) -> bool:
    """False only when ``kwic_matches(text, q)`` is surely empty, judged from the sentence's
    stored index terms (its analysed words, in order) without stemming it again."""
    from mattis_corpus.analysis import fold_word

    found = set(terms.split(" "))
    if found & q.positive_terms:
        return True
    if any(all(t in found for t in phrase) for phrase in q.phrases):
        return True
    if q.prefixes:
        folded = fold_word(text)
        return any(p in folded or any(t.startswith(p) for t in found) for p in q.prefixes)
    return False


def kwic(store: Store, term: str, *, width: int = 40, limit: int | None = 100) -> Iterator[dict]:
    """Keyword-in-context lines for every match of ``term`` (same analysis as search)."""
    from mattis_corpus.analysis import compile_query, kwic_matches

    q = compile_query(term)
    sql = (
        "SELECT d.id, s.text FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
        "JOIN documents d ON d.rowid = s.doc WHERE sentences_fts MATCH ? ORDER BY d.id, s.idx"
    )
    n = 0
    for doc_id, text in store.db.execute(sql, (q.match,)):
        for a, b in kwic_matches(text, q):
            if limit is not None and n >= limit:
                return
            n += 1
            left = " ".join(text[:a].split())
            right = " ".join(text[b:].split())
            yield {
                "doc": doc_id,
                "left": left[-width:] if len(left) > width else left,
                "match": text[a:b],
                "right": right[:width],
            }


def timeline(
    store: Store,
    *,
    dates: DateRange = ALL_DATES,
    entity: str | None = None,
    type_: str | None = None,
    doc: str | None = None,
) -> Iterator[dict]:
    """Dated events whose interval overlaps ``dates``, in date order."""
    where, params = _filters(
        store, entity=None, type_=None, dates=dates, doc=doc, doc_col="ev.doc",
        date_cols=("ev.start", 'ev."end"'),
    )
    if entity is not None or type_:
        ids = entity_ids(store, entity, type_) if entity is not None else None
        cond = (
            f"m.entity IN ({','.join('?' * len(ids)) or 'NULL'})" if ids is not None else "m.type = ?"
        )
        where.append(
            f"ev.id IN (SELECT em.event FROM event_mentions em JOIN mentions m ON m.id = em.mention WHERE {cond})"
        )
        params.extend(ids if ids is not None else [type_])
    sql = (
        'SELECT ev.id AS eid, ev.date, ev.precision, ev.start, ev."end", ev.date_text, d.id AS doc, '
        "s.text AS sentence, ev.summary, t.value, t.mod FROM events ev "
        "JOIN documents d ON d.rowid = ev.doc "
        "JOIN sentences s ON s.doc = ev.doc AND s.idx = ev.sentence "
        "JOIN timexes t ON t.doc = ev.doc AND t.idx = ev.timex"
        + (" WHERE " + " AND ".join(where) if where else "")
        + ' ORDER BY ev.date, ev.start, ev."end", d.id, ev.id'
    )
    rows = store.db.execute(sql, params).fetchall()
    people = _event_entities(store, [r["eid"] for r in rows])
    for r in rows:
        item = dict(r)
        del item["eid"]
        item["entities"] = people.get(r["eid"], [])
        yield item


def _event_entities(store: Store, event_ids: Sequence[int]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i : i + 500]
        for eid, name, type_ in store.db.execute(
            "SELECT DISTINCT em.event, e.name, e.type FROM event_mentions em "
            "JOIN mentions m ON m.id = em.mention JOIN entities e ON e.id = m.entity "
            f"WHERE em.event IN ({','.join('?' * len(chunk))}) ORDER BY em.event, m.start",
            chunk,
        ):
            out.setdefault(eid, []).append({"name": name, "type": type_})  # DISTINCT: no repeats
    return out
