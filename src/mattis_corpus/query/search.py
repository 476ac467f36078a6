"""Ranked full-text search (BM25 over analysed terms) with the best sentence as snippet."""

from __future__ import annotations

from collections.abc import Iterator

from mattis_corpus.query.common import ALL_DATES, DateRange, entity_ids, filters
from mattis_corpus.store.db import Store


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
    lang: str | None = None,
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
    store.check_search_index()
    if entity is not None and not entity_ids(store, entity, type_):
        return  # no such entity: nothing to rank
    where, params = filters(
        store, entity=entity, type_=type_, dates=dates, doc=doc, doc_col="d.rowid",
        date_cols=("d.published_start", "d.published_end"), lang=lang,
    )
    sql = (  # docs_fts.rank is BM25 with titles weighing 5× (configured by migration m004)
        "SELECT d.rowid AS rowid, d.id, d.title, d.published, docs_fts.rank AS rank "
        "FROM docs_fts JOIN documents d ON d.rowid = docs_fts.rowid WHERE docs_fts MATCH ? "
        + "".join(f" AND {w}" for w in where)
        + " ORDER BY docs_fts.rank, d.id LIMIT ?"  # ties by id, not by ingest order
    )
    match = f"{{title body}} : ({q.match})"  # never the padding column (see store.search_index.pad_rowids)
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
