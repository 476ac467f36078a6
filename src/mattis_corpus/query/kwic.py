"""Keyword in context, with the same text analysis as search."""

from __future__ import annotations

from collections.abc import Iterator

from mattis_corpus.store.db import Store


def kwic(store: Store, term: str, *, width: int = 40, limit: int | None = 100) -> Iterator[dict]:
    """Keyword-in-context lines for every match of ``term`` (same analysis as search); plain
    words are one phrase: ``kwic "forces spéciales"`` is that phrase, not each word."""
    from mattis_corpus.analysis import compile_query, kwic_matches, plain_words

    q = compile_query(f'"{term.strip()}"' if plain_words(term) else term)
    store.check_search_index()
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

