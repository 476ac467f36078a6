"""Who appears with whom: canonical entities that co-occur in one sentence, as a weighted graph.

A mention belongs to the sentence whose offsets contain its start (sentences and mentions are
both stored with offsets into the document's text). An edge's weight is the number of sentences
in which both entities occur; its ``documents`` are those sentences' documents.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import combinations

from mattis_corpus.errors import BadInputError
from mattis_corpus.labels import ENTITY_TYPES
from mattis_corpus.query.common import ALL_DATES, OPEN_END, OPEN_START, DateRange, doc_rowid
from mattis_corpus.store.db import Store


def parse_types(value: str | None) -> tuple[str, ...]:
    """``PER,ORG`` → ``("PER", "ORG")``; an unknown type is bad input (exit 2)."""
    if not value:
        return ()
    types = tuple(dict.fromkeys(t.strip().upper() for t in value.split(",") if t.strip()))
    bad = [t for t in types if t not in ENTITY_TYPES]
    if bad:
        raise BadInputError(f"--type: unknown entity type {', '.join(bad)} "
                            f"(choose among {', '.join(ENTITY_TYPES)})")
    return types


def network(
    store: Store,
    *,
    types: Sequence[str] = (),
    min_weight: int = 1,
    doc: str | None = None,
    dates: DateRange = ALL_DATES,
) -> dict:
    """The co-occurrence graph: ``{"nodes": [...], "edges": [...]}`` (SPEC's field names).

    Nodes are the entities with at least one kept edge, ``mentions`` counted in the documents
    the filters keep; edges are sorted by weight (heaviest first), then by ids.
    """
    rows = _mentions(store, types, doc, dates)
    sentences = _sentence_starts(store, {r[0] for r in rows})
    groups: dict[tuple[int, int], set[str]] = {}
    mentions: dict[str, int] = {}
    for rowid, _doc_id, entity, start in rows:
        mentions[entity] = mentions.get(entity, 0) + 1
        idx = bisect_right(sentences.get(rowid, ()), start) - 1
        groups.setdefault((rowid, idx), set()).add(entity)
    doc_ids = {r[0]: r[1] for r in rows}
    weights: dict[tuple[str, str], int] = {}
    docs: dict[tuple[str, str], set[str]] = {}
    for (rowid, _), members in groups.items():
        for pair in combinations(sorted(members), 2):
            weights[pair] = weights.get(pair, 0) + 1
            docs.setdefault(pair, set()).add(doc_ids[rowid])
    kept = sorted((p for p, w in weights.items() if w >= min_weight),
                  key=lambda p: (-weights[p], p))
    edges = [{"source": a, "target": b, "weight": weights[(a, b)],
              "documents": sorted(docs[(a, b)])} for a, b in kept]
    nodes = _nodes(store, {e for p in kept for e in p}, mentions)
    return {"nodes": nodes, "edges": edges}


def _mentions(store: Store, types: Sequence[str], doc: str | None,
              dates: DateRange) -> list[tuple[int, str, str, int]]:
    """(document rowid, document id, entity id, start) of every mention the filters keep;
    ``--from/--to`` keep the documents whose publication interval overlaps the range."""
    where, params = ["m.entity IS NOT NULL"], []
    if types:
        where.append(f"m.type IN ({','.join('?' * len(types))})")
        params.extend(types)
    if doc is not None:
        where.append("m.doc = ?")
        params.append(doc_rowid(store, doc))
    if dates.start != OPEN_START:
        where.append("d.published_end >= ?")
        params.append(dates.start)
    if dates.end != OPEN_END:
        where.append("d.published_start <= ?")
        params.append(dates.end)
    sql = ("SELECT m.doc, d.id, m.entity, m.start FROM mentions m "
           "JOIN documents d ON d.rowid = m.doc WHERE " + " AND ".join(where))
    return [tuple(r) for r in store.db.execute(sql, params)]


def _sentence_starts(store: Store, rowids: Iterable[int]) -> dict[int, list[int]]:
    """Each document's sentence start offsets, in order (for a bisect per mention)."""
    out: dict[int, list[int]] = {}
    ids = sorted(rowids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for rowid, start in store.db.execute(
            f"SELECT doc, start FROM sentences WHERE doc IN ({','.join('?' * len(chunk))}) "
            "ORDER BY doc, start", chunk,
        ):
            out.setdefault(rowid, []).append(start)
    return out


def _nodes(store: Store, ids: set[str], mentions: dict[str, int]) -> list[dict]:
    """Node records for ``ids``, most mentioned first."""
    found: dict[str, dict] = {}
    order = sorted(ids)
    for i in range(0, len(order), 500):
        chunk = order[i : i + 500]
        for eid, name, type_ in store.db.execute(
            f"SELECT id, name, type FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk
        ):
            found[eid] = {"id": eid, "name": name, "type": type_, "mentions": mentions.get(eid, 0)}
    return sorted(found.values(), key=lambda n: (-n["mentions"], n["name"], n["id"]))


def degrees(graph: dict) -> dict[str, int]:
    """Number of neighbours of each node (for the views' sizes and the tests)."""
    out = {n["id"]: 0 for n in graph["nodes"]}
    for e in graph["edges"]:
        out[e["source"]] += 1
        out[e["target"]] += 1
    return out
