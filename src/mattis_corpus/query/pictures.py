"""What the document picture shows beyond ``show``'s JSON: the document's events and quotes."""

from __future__ import annotations

from mattis_corpus.query.common import doc_rowid
from mattis_corpus.query.docs import show_doc
from mattis_corpus.query.timeline import timeline
from mattis_corpus.store.db import Store


def document_view(store: Store, doc_id: str) -> dict:
    """``show``'s document plus ``events`` (its timeline) and ``quotes`` (empty without the
    quotes table, so the page works on every store version)."""
    out = show_doc(store, doc_id)
    out["events"] = list(timeline(store, doc=doc_id))
    out["quotes"] = doc_quotes(store, doc_id)
    return out


def doc_quotes(store: Store, doc_id: str) -> list[dict]:
    """The document's quotes (``query/quotes.py``'s records) in text order; none on a store
    without the ``quotes`` table (before migration m007_quotes)."""
    doc_rowid(store, doc_id)  # an unknown id is bad input, whatever the store version
    found = store.db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'quotes'").fetchone()
    if not found:
        return []
    from mattis_corpus.query.quotes import list_quotes

    return sorted(list_quotes(store, doc=doc_id), key=lambda q: (q["start"], q["end"]))
