"""Writing one document: its row, its index entries, and what the NLP found (sentences,
mentions, TIMEX3, events), each table in one ``executemany``."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from mattis_corpus.dates import timeline_date
from mattis_corpus.store.search_index import index_document, index_sentences, unindex_document
from mattis_corpus.textutil import display_path

if TYPE_CHECKING:
    from mattis_corpus.models import Annotation, CleanDoc, Event, Published, RawDoc


def write_document(
    db: sqlite3.Connection, raw: RawDoc, clean: CleanDoc, published: Published, ann: Annotation
) -> None:
    """Replace the document ``raw.id`` with this version (inside the caller's transaction)."""
    from mattis_corpus.store.db import now

    delete_document(db, raw.id)
    cur = db.execute(
        """INSERT INTO documents (id, title, published, published_precision, published_source,
             published_start, published_end, dateline, words, source_file, sha256, encoding,
             text, paragraphs, meta, warnings, ingested_at, url, site, author, language, updated)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        (
            raw.id, clean.title, published.value, published.precision, published.source,
            published.start, published.end,
            clean.dateline.text if clean.dateline else None,
            len(clean.text.split()), display_path(raw.path), raw.sha256, raw.encoding, clean.text,
            json.dumps([[p.start, p.end, p.kind] for p in clean.paragraphs]),
            _meta_json(raw),
            _warnings_json(raw, clean),
            now(), *_declared(raw, clean),
        ),
    )
    doc = cur.lastrowid
    assert doc is not None
    index_document(db, doc, clean.title, clean.text)
    _write_annotation(db, doc, ann, published)


def _meta_json(raw: RawDoc) -> str | None:
    """The sidecar's or record's fields as given, unknown ones (``page["extra"]``) included."""
    meta = {**raw.meta, **raw.page.get("extra", {})}
    return json.dumps(meta, ensure_ascii=False, default=str) if meta else None


def _declared(raw: RawDoc, clean: CleanDoc) -> tuple[str | None, ...]:
    """(url, site, author, language, updated): the sidecar or record first, then the page."""
    def field(meta_key: str, page_key: str) -> str | None:
        return raw.meta.get(meta_key) or raw.page.get(page_key) or None

    updated = clean.updated.value if clean.updated is not None else None
    return (field("url", "url"), field("source", "site"), field("author", "author"),
            clean.language, updated)


def _write_annotation(db: sqlite3.Connection, doc: int, ann: Annotation, published: Published) -> None:
    """Rows go in with executemany and explicit ids (max + 1 onwards: we hold the write lock),
    which events and FTS rows need; one statement per table, not per row."""
    first = _next_id(db, "sentences")
    db.executemany(
        'INSERT INTO sentences (id, doc, idx, start, "end", text) VALUES (?,?,?,?,?,?)',
        [(first + i, doc, i, s.start, s.end, s.text) for i, s in enumerate(ann.sentences)],
    )
    index_sentences(db, [(first + i, s.text) for i, s in enumerate(ann.sentences)])
    first_mention = _next_id(db, "mentions")
    db.executemany(
        'INSERT INTO mentions (id, doc, idx, start, "end", text, type, name, title)'
        " VALUES (?,?,?,?,?,?,?,?,?)",
        [(first_mention + i, doc, i, m.start, m.end, m.text, m.type, m.name, m.title)
         for i, m in enumerate(ann.mentions)],
    )
    db.executemany(
        'INSERT INTO timexes (doc, idx, start, "end", text, type, value, precision,'
        " interval_start, interval_end, relative, mod) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(doc, i, t.start, t.end, t.text, t.type, t.value, t.precision,
          t.interval_start, t.interval_end, int(t.relative), t.mod)
         for i, t in enumerate(ann.timexes)],
    )
    _write_events(db, doc, ann, first_mention, published)
    _write_quotes(db, doc, ann, first_mention)


def _write_quotes(db: sqlite3.Connection, doc: int, ann: Annotation, first_mention: int) -> None:
    """Quotations, the speaker as its mention row (the entity is read through it)."""
    rows = []
    for i, q in enumerate(ann.quotes):
        m = q.speaker_mention
        rows.append((doc, i, q.start, q.end, q.text, q.kind, q.verb,
                     None if m is None else first_mention + m,
                     None if m is None else ann.mentions[m].name, q.speaker_text))
    db.executemany(
        'INSERT INTO quotes (doc, idx, start, "end", text, kind, verb, speaker_mention,'
        " speaker_name, speaker_text) VALUES (?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def _write_events(
    db: sqlite3.Connection, doc: int, ann: Annotation, first_mention: int, published: Published
) -> None:
    """Event rows; a "published" one (the lede) only when the document has a publication date,
    and only the first (a long document analysed in pieces proposes one per piece)."""
    first_event = _next_id(db, "events")
    events, links = [], []
    for e in ann.events:
        row = _event_row(e, ann, published)
        if row is None or (e.date_source == "published" and any(r[-1] == "published" for r in events)):
            continue
        k = len(events)
        events.append((first_event + k, doc, *row))
        links.extend((first_event + k, first_mention + i) for i in e.mention_indexes)
    db.executemany(
        'INSERT INTO events (id, doc, timex, sentence, date, precision, start, "end",'
        " date_text, predicate, summary, date_source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        events,
    )
    db.executemany("INSERT OR IGNORE INTO event_mentions (event, mention) VALUES (?, ?)", links)


def _event_row(e: Event, ann: Annotation, published: Published) -> tuple | None:
    """(timex, sentence, date, precision, start, end, date_text, predicate, summary, source)."""
    if e.timex_index is not None:
        t = ann.timexes[e.timex_index]
        return (e.timex_index, e.sentence_index, timeline_date(t), t.precision, t.interval_start,
                t.interval_end, t.text, e.predicate, e.summary, e.date_source)
    if not (published.value and published.start and published.end) or published.source == "inferred":
        return None  # a date the page does not state (none, or read off the text's own dates)
    said = f"publié le {published.value} ({published.source or 'inconnu'})"
    return (-1, e.sentence_index, published.value, published.precision or "day", published.start,
            published.end, said, e.predicate, e.summary, "published")


def _next_id(db: sqlite3.Connection, table: str) -> int:
    """The id SQLite would give the next row of ``table`` (its INTEGER PRIMARY KEY)."""
    return db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]


def delete_document(db: sqlite3.Connection, doc_id: str) -> None:
    """Remove a stored document and everything derived from it (cascades and indexes)."""
    row = db.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if not row:
        return
    unindex_document(db, row[0])
    db.execute("DELETE FROM entity_docs WHERE doc = ?", (doc_id,))
    db.execute("DELETE FROM documents WHERE rowid = ?", (row[0],))


def _warnings_json(raw: RawDoc, clean: CleanDoc) -> str | None:
    """What went oddly for this document, reading it and cleaning it ("cleaning left out …")."""
    found = [*raw.warnings, *clean.warnings]
    return json.dumps(found, ensure_ascii=False) if found else None
