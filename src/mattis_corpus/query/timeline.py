"""Events in date order, filtered by date interval, entity, type and document."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from mattis_corpus.query.common import ALL_DATES, DateRange, entity_ids, filters
from mattis_corpus.store.db import Store


def timeline(
    store: Store,
    *,
    dates: DateRange = ALL_DATES,
    entity: str | None = None,
    type_: str | None = None,
    doc: str | None = None,
    lang: str | None = None,
) -> Iterator[dict]:
    """Dated events whose interval overlaps ``dates``, in date order."""
    where, params = filters(
        store, entity=None, type_=None, dates=dates, doc=doc, doc_col="ev.doc",
        date_cols=("ev.start", 'ev."end"'), lang=lang,
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
        'SELECT ev.id AS eid, ev.date, ev.precision, ev.start, ev."end", ev.date_text, '
        "ev.date_source, d.id AS doc, s.text AS sentence, ev.summary, coalesce(t.value, ev.date) AS value, "
        "t.mod FROM events ev "
        "JOIN documents d ON d.rowid = ev.doc "
        "JOIN sentences s ON s.doc = ev.doc AND s.idx = ev.sentence "
        "LEFT JOIN timexes t ON t.doc = ev.doc AND t.idx = ev.timex"
        + (" WHERE " + " AND ".join(where) if where else "")
        + ' ORDER BY ev.date, ev.start, ev."end", d.id, ev.id'
    )
    rows = store.db.execute(sql, params).fetchall()
    people = _event_entities(store, [r["eid"] for r in rows])
    for r in rows:
        item = dict(r)
        del item["eid"]
        if item["precision"] == "time":  # "jeudi soir": the event's date is that day
            item["precision"] = "day"
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
