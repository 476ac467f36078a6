"""Incremental entity refresh: after any sequence of ingests the entity tables must be exactly
what a from-scratch recomputation gives, and old stores must migrate without losing entities."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import RAW, run_corpus
from mattis_corpus.query.entities import list_entities
from mattis_corpus.run import ingest, refresh_entities
from mattis_corpus.store.db import Store
from mattis_corpus.store.migrations import MIGRATIONS

NAMES = [m.__name__ for m in MIGRATIONS]

# Short articles chosen so that names move between entities as documents come and go:
# a bare surname alone, then a full name that claims it, then a second person with the
# same surname (the bare surname becomes ambiguous and must leave), then removals.
ARTICLES = {
    "a_surname": "Le ministre Mattis a rencontré ses homologues à Bruxelles mardi.\n",
    "b_full": "James Mattis, secrétaire américain à la Défense, s'est rendu à Paris.\n",
    "c_other": (
        "Le général Paul Mattis, sans lien de parenté, commande une brigade en Allemagne. "
        "L'OTAN a salué son action.\n"
    ),
    "d_alias": "Jim Mattis a quitté le Pentagone. L'Otan et Emmanuel Macron ont réagi.\n",
}


def _tables(store: Store) -> dict[str, list[tuple]]:
    """Every row the refresh derives, in a canonical order."""
    queries = {
        "entities": "SELECT id, name, type, key, mentions, documents FROM entities",
        "aliases": "SELECT entity, alias, folded FROM entity_aliases",
        "entity_docs": "SELECT entity, doc FROM entity_docs",
        "entity_doc_lists": "SELECT entity, ids FROM entity_doc_lists",
        "mentions": "SELECT id, entity FROM mentions",
        "names": "SELECT name, type, text, mentions, entity, dirty FROM names",
    }
    return {k: sorted(tuple(r) for r in store.db.execute(q)) for k, q in queries.items()}


def _from_scratch(path: Path, tmp_path: Path) -> dict[str, list[tuple]]:
    copy = tmp_path / "scratch.db"
    with sqlite3.connect(path) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    with Store(copy) as store:
        refresh_entities(store, full=True)
        return _tables(store)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_incremental_refresh_equals_full_recompute(nlp, tmp_path):
    db = tmp_path / "c.db"
    raw = tmp_path / "raw"
    steps = []
    with Store(db, create=True) as store:
        for name, text in ARTICLES.items():  # one ingest per article: a refresh after each
            ingest([_write(raw, name, text)], store)
            steps.append(_tables(store))
            assert steps[-1] == _from_scratch(db, tmp_path), f"after adding {name}"
        # an update that removes the full name, and one that removes a whole document's names
        ingest([_write(raw, "b_full", "Le Pentagone n'a fait aucun commentaire jeudi.\n")], store)
        assert _tables(store) == _from_scratch(db, tmp_path), "after updating b_full"
        ingest([_write(raw, "d_alias", "Emmanuel Macron a réagi.\n")], store)
        assert _tables(store) == _from_scratch(db, tmp_path), "after updating d_alias"
        assert not store.entities_stale()
    # the sequence really moved names between entities (else the test proves little)
    owners = [
        {r[4] for r in s["names"] if r[0] == "Mattis" and r[1] == "PER"} for s in steps
    ]
    assert len({frozenset(o) for o in owners}) >= 2, owners


def test_refresh_after_a_killed_run_catches_up(nlp, tmp_path):
    """Mentions written but never refreshed (a kill between the two) are found next time."""
    db = tmp_path / "c.db"
    with Store(db, create=True) as store:
        ingest([_write(tmp_path / "raw", "x", ARTICLES["b_full"])], store)
        store.db.execute("UPDATE mentions SET entity = NULL")
        store.db.execute("UPDATE names SET dirty = 1")
        store.db.execute("DELETE FROM entity_docs")
        store.db.execute("DELETE FROM entity_doc_lists")
        assert store.entities_stale()
        report = ingest([tmp_path / "raw"], store)  # nothing new: only the catch-up
        assert report.unchanged == ["x"]
        assert not store.entities_stale()
        assert _tables(store) == _from_scratch(db, tmp_path)


def test_entity_document_lists_follow_updates(nlp, tmp_path):
    raw = tmp_path / "raw"
    with Store(tmp_path / "c.db", create=True) as store:
        ingest([_write(raw, "one", ARTICLES["d_alias"]), _write(raw, "two", ARTICLES["c_other"])], store)
        otan = next(e for e in list_entities(store) if e["name"] in ("OTAN", "Otan"))
        assert otan["documents"] == ["one", "two"]
        ingest([_write(raw, "one", "Emmanuel Macron a réagi.\n")], store)
        otan = next(e for e in list_entities(store) if e["id"] == otan["id"])
        assert otan["documents"] == ["two"] and otan["document_count"] == 1


def test_documents_as_json_equal_documents_as_list(seed_db):
    with Store(seed_db) as store:
        as_list = list(list_entities(store))
        as_json = list(list_entities(store, documents="json"))
        none = list(list_entities(store, documents="none"))
    assert [json.loads(e["documents"]) for e in as_json] == [e["documents"] for e in as_list]
    assert all(e["documents"] == [] for e in none)
    assert [e["document_count"] for e in none] == [len(e["documents"]) for e in as_list]
    with pytest.raises(ValueError):
        list(list_entities(Store(seed_db), documents="all"))


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_cli_entities_documents_in_every_format(seed_db, fmt):
    """The JSON written from SQLite's pre-encoded lists is valid and equals the csv lists."""
    res = run_corpus("entities", "--db", str(seed_db), "--format", fmt)
    assert res.returncode == 0, res.stderr
    if fmt == "json":
        rows = json.loads(res.stdout)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in res.stdout.splitlines()]
    else:
        import csv
        import io

        rows = [
            {**r, "documents": r["documents"].split("; ")} for r in csv.DictReader(io.StringIO(res.stdout))
        ]
    mattis = next(r for r in rows if r["name"] == "James Mattis")
    assert len(mattis["documents"]) == 5 and mattis["documents"] == sorted(mattis["documents"])
    assert all(d in {p.stem for p in RAW.glob("*.txt")} for d in mattis["documents"])


# The schema changes of the migrations after m006, undone to rebuild a store of that age.
_UNDO_LATER = {
    "m007_quotes": ["DROP TABLE quotes"],
    "m008_document_fields": [
        "DROP INDEX documents_site", "DROP INDEX documents_language",
        *(f"ALTER TABLE documents DROP COLUMN {c}" for c in ("url", "site", "author", "language", "updated")),
    ],
    "m009_page_lines": ["DROP TABLE page_lines", "DROP TABLE page_line_sets"],
    "m010_event_date_source": ["ALTER TABLE events DROP COLUMN date_source"],
}


def test_store_from_before_the_entity_index_migrates(seed_db, tmp_path):
    """A store written by the previous schema (no names/entity_docs) gets them on open, and
    its entities, with their document lists, are unchanged."""
    path = tmp_path / "old.db"
    shutil.copy(seed_db, path)
    with Store(path) as store:
        before = list(list_entities(store))
    db = sqlite3.connect(path)
    later = NAMES[NAMES.index("m006_store_meta") + 1:]
    assert set(later) == set(_UNDO_LATER), "say how to undo each newer migration"
    for name in reversed(later):
        for sql in _UNDO_LATER[name]:
            db.execute(sql)
        db.execute("DELETE FROM _migrations WHERE name = ?", (name,))
    for sql in (
        "DROP TRIGGER mentions_names_insert",
        "DROP TRIGGER mentions_names_delete",
        "DROP TABLE names",
        "DROP TABLE entity_docs",
        "DROP TABLE entity_doc_lists",
        "DROP TABLE store_meta",
        "DELETE FROM _migrations WHERE name IN ('m005_incremental_entities', 'm006_store_meta')",
        f"PRAGMA user_version = {NAMES.index('m005_incremental_entities')}",
    ):
        db.execute(sql)
    db.commit()
    db.close()
    with Store(path) as store:
        # quotes come with m007: a store from before has none until it is ingested again
        assert _without_quotes(list_entities(store)) == _without_quotes(before)
        assert not store.entities_stale()
        assert _tables(store) == _from_scratch(path, tmp_path)


def _without_quotes(entities) -> list[dict]:
    return [{k: v for k, v in e.items() if k != "quotes"} for e in entities]


def test_entity_filter_finds_a_person_by_surname(seed_db):
    """`--entity Flynn` finds the person even when every mention gives the full name."""
    from mattis_corpus.query.common import entity_ids
    from mattis_corpus.query.search import search

    with Store(seed_db) as store:
        full_only = [
            e for e in list_entities(store, type_="PER")
            if all(len(a.split()) >= 2 for a in e["aliases"])
        ]
        assert full_only, "the seed corpus has people only ever named in full"
        for e in full_only:
            surname = e["name"].split()[-1]
            assert e["id"] in entity_ids(store, surname.upper())
            assert e["id"] in entity_ids(store, surname, "PER")
            assert entity_ids(store, surname, "ORG") == []
            hits = {h["doc"] for h in search(store, surname, entity=surname, limit=50)}
            assert hits <= set(e["documents"]) and hits, e["name"]
        assert entity_ids(store, "Zzyzx") == []
        assert list(search(store, "Syrie", entity="Zzyzx")) == []


def test_full_rebuild_leaves_no_list_of_a_vanished_entity(nlp, tmp_path):
    raw = tmp_path / "raw"
    with Store(tmp_path / "c.db", create=True) as store:
        ingest([_write(raw, "one", ARTICLES["d_alias"])], store)
        store.db.execute("INSERT INTO entity_doc_lists VALUES ('PER:nobody', '[\"one\"]')")
        refresh_entities(store, full=True)
        ids = {r[0] for r in store.db.execute("SELECT entity FROM entity_doc_lists")}
        assert ids == {r[0] for r in store.db.execute("SELECT id FROM entities")}
