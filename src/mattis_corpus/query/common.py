"""What every query shares: date ranges from ``--from/--to``, document and entity look-ups,
and the WHERE clauses of the filter options."""

from __future__ import annotations

import re
from typing import NamedTuple

from mattis_corpus.dates import parse_partial
from mattis_corpus.errors import BadInputError
from mattis_corpus.french import APOSTROPHES
from mattis_corpus.store.db import Store
from mattis_corpus.textutil import fold

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


ALL_DATES = DateRange()


def doc_rowid(store: Store, doc_id: str) -> int:
    row = store.db.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise BadInputError(f"no document {doc_id!r} in the store (see `corpus docs`)")
    return row[0]


def entity_ids(store: Store, name: str, type_: str | None = None) -> list[str]:
    """Entities ``name`` designates (accent- and case-insensitive): those whose id, canonical
    name or an alias matches it; failing that, the people whose name ends with it, so that
    ``--entity Flynn`` finds Michael Flynn even when no article calls him just "Flynn"."""
    key = fold(name)
    ids = _entity_ids(store, name, key, type_)
    bare = _bare_key(key)
    if not ids and bare != key:
        ids = _entity_ids(store, bare, bare, type_)
    return ids


_ELISION = re.compile(rf"^[ld][{re.escape(APOSTROPHES)}]\s*")


def _bare_key(key: str) -> str:
    """A folded name without what is said before it: "m. mattis" -> "mattis", "le general
    mattis" -> "mattis", "l'otan" -> "otan" (the store's aliases are names as the NER spans
    them, titles and articles left out)."""
    from mattis_corpus.nlp.entities.lexicon import person_titles, titles

    words = _ELISION.sub("", key).split()
    while len(words) > 1 and (words[0] in ("le", "la", "les") or words[0] in titles()
                              or words[0] in person_titles()):
        words = words[1:]
    return " ".join(words)


def _entity_ids(store: Store, name: str, key: str, type_: str | None) -> list[str]:
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


def language_condition(lang: str, column: str = "language") -> tuple[str, tuple[str, ...]]:
    """The SQL condition and its parameters for documents of one language (ISO 639-1, any case),
    or of unknown language for ``none``: one place for what ``--lang`` means."""
    if lang.lower() == "none":
        return f"{column} IS NULL", ()
    return f"{column} = ? COLLATE NOCASE", (lang,)


def filters(
    store: Store, *, entity: str | None, type_: str | None, dates: DateRange, doc: str | None,
    doc_col: str, date_cols: tuple[str, str] | None, lang: str | None = None,
) -> tuple[list[str], list]:
    where: list[str] = []
    params: list = []
    if lang is not None:  # ISO 639-1, or "none" for documents of unknown language
        cond, args = language_condition(lang)
        where.append(f"{doc_col} IN (SELECT rowid FROM documents WHERE {cond})")
        params += args
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
        params.append(doc_rowid(store, doc))
    # Only the bounds the user gave: an open side would be a no-op test that also steers the
    # planner to the wrong index (``--from`` alone is a range on the interval's end).
    if date_cols and dates.start != OPEN_START:
        where.append(f"{date_cols[1]} >= ?")
        params.append(dates.start)
    if date_cols and dates.end != OPEN_END:
        where.append(f"{date_cols[0]} <= ?")
        params.append(dates.end)
    return where, params
