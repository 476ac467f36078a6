"""Who said what: stored quotations filtered by speaker, document, date and words."""

from __future__ import annotations

from collections.abc import Iterator

from mattis_corpus.query.common import ALL_DATES, DateRange, entity_ids, filters
from mattis_corpus.store.db import Store

QUOTE_FIELDS = ("doc", "quote", "kind", "verb", "speaker", "speaker_id", "speaker_text",
                "start", "end", "published")

_SELECT = (
    'SELECT d.id AS doc, q.text AS quote, q.kind, q.verb, e.name AS speaker, e.id AS speaker_id, '
    'q.speaker_text, q.start, q."end", d.published FROM quotes q '
    "JOIN documents d ON d.rowid = q.doc "
    "LEFT JOIN mentions m ON m.id = q.speaker_mention "
    "LEFT JOIN entities e ON e.id = m.entity"
)


def list_quotes(
    store: Store,
    *,
    speaker: str | None = None,
    doc: str | None = None,
    dates: DateRange = ALL_DATES,
    search: str | None = None,
    lang: str | None = None,
) -> Iterator[dict]:
    """Quotations in document and text order. ``speaker`` matches like ``timeline --entity``
    (any alias, accents and case ignored); ``dates`` keeps documents whose publication
    interval overlaps it; ``search`` keeps quotes whose words match the query with the
    analysis of ``search`` (accents, case and inflection ignored)."""
    where, params = filters(
        store, entity=None, type_=None, dates=dates, doc=doc, doc_col="q.doc",
        date_cols=("d.published_start", "d.published_end"), lang=lang,
    )
    if speaker is not None:
        ids = entity_ids(store, speaker)
        where.append(
            "q.speaker_mention IN (SELECT id FROM mentions WHERE entity IN "
            f"({','.join('?' * len(ids)) or 'NULL'}))"
        )
        params.extend(ids)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.id, q.start, q.idx"
    rows = [dict(r) for r in store.db.execute(sql, params)]
    if search is not None:
        rows = _matching(store, rows, search)
    yield from rows


def _matching(store: Store, rows: list[dict], search: str) -> list[dict]:
    """The rows whose quote matches ``search`` exactly as ``corpus search`` would match it:
    the quotes are analysed into a temporary FTS5 table and the compiled query run on it."""
    from mattis_corpus.analysis import compile_query, index_text

    q = compile_query(search)
    db = store.db
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.quotes_match USING fts5(body, "
               "tokenize = 'unicode61 remove_diacritics 2')")
    db.execute("DELETE FROM temp.quotes_match")
    db.executemany("INSERT INTO temp.quotes_match (rowid, body) VALUES (?, ?)",
                   [(i, index_text(r["quote"])) for i, r in enumerate(rows)])
    hits = {r[0] for r in db.execute(
        "SELECT rowid FROM temp.quotes_match WHERE quotes_match MATCH ?", (q.match,))}
    return [r for i, r in enumerate(rows) if i in hits]


def doc_quotes(store: Store, rowid: int) -> list[dict]:
    """One document's quotations, as ``show`` lists them (the ``quotes`` fields but ``doc``)."""
    rows = store.db.execute(_SELECT + " WHERE q.doc = ? ORDER BY q.start, q.idx", (rowid,))
    return [{k: v for k, v in dict(r).items() if k not in ("doc", "published")} for r in rows]


def quote_counts(store: Store, rowid: int | None = None) -> dict[str, int]:
    """Quotations per canonical entity (what ``entities`` shows as ``quotes``), in one
    document when ``rowid`` is given."""
    sql = ("SELECT m.entity, count(*) FROM quotes q JOIN mentions m ON m.id = q.speaker_mention "
           "WHERE m.entity IS NOT NULL")
    if rowid is not None:
        return dict(store.db.execute(sql + " AND q.doc = ? GROUP BY m.entity", (rowid,)).fetchall())
    return dict(store.db.execute(sql + " GROUP BY m.entity").fetchall())
