"""What the document picture shows beyond ``show``'s JSON: the document's events."""

from __future__ import annotations

from mattis_corpus.query.docs import show_doc
from mattis_corpus.query.timeline import timeline
from mattis_corpus.store.db import Store


def document_view(store: Store, doc_id: str) -> dict:
    """``show``'s document (its quotes included) plus ``events``, its timeline."""
    out = show_doc(store, doc_id)
    out["events"] = list(timeline(store, doc=doc_id))
    return out
