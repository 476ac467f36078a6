"""The store knows which migrations and which text analysis built it."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from mattis_corpus.analysis import ANALYSIS_VERSION
from mattis_corpus.cli import cli
from mattis_corpus.errors import StoreError
from mattis_corpus.store.db import Store
from mattis_corpus.store.migrations import MIGRATIONS


def _set_analysis(path, version: str) -> None:
    db = sqlite3.connect(path)
    db.execute("UPDATE store_meta SET value = ? WHERE key = 'analysis_version'", (version,))
    db.commit()
    db.close()


def _index_terms(path) -> list[tuple]:
    db = sqlite3.connect(path)
    rows = db.execute("SELECT rowid, title, body FROM docs_fts ORDER BY rowid").fetchall()
    rows += db.execute("SELECT rowid, body FROM sentences_fts ORDER BY rowid").fetchall()
    db.close()
    return rows


def test_new_store_records_the_analysis_version():
    store = Store(":memory:", create=True)
    row = store.db.execute("SELECT value FROM store_meta WHERE key = 'analysis_version'").fetchone()
    assert row[0] == ANALYSIS_VERSION


def test_migrations_are_checked_by_name(tmp_path):
    path = tmp_path / "c.db"
    Store(path, create=True).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE _migrations SET name = 'm003_someone_elses' WHERE name = ?",
               (MIGRATIONS[2].__name__,))
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="m003_someone_elses"):
        Store(path)


def test_search_refuses_an_index_built_by_another_analysis(tmp_path, seed_db, runner):
    path = tmp_path / "c.db"
    shutil.copy(seed_db, path)
    _set_analysis(path, "fr-snowball-fold-0")
    result = runner.invoke(cli, ["--db", str(path), "search", "mattis"])
    assert result.exit_code == 1
    assert "fr-snowball-fold-0" in result.stderr and "corpus reindex" in result.stderr
    assert result.stderr.count("\n") == 1
    # other queries do not read the index and still work
    assert runner.invoke(cli, ["--db", str(path), "docs"]).exit_code == 0


def test_reindex_rebuilds_the_same_index(tmp_path, seed_db, runner):
    path = tmp_path / "c.db"
    shutil.copy(seed_db, path)
    before = _index_terms(path)
    db = sqlite3.connect(path)
    db.execute("DELETE FROM sentences_fts")  # a damaged or foreign index
    db.commit()
    db.close()
    _set_analysis(path, "fr-snowball-fold-0")
    result = runner.invoke(cli, ["--db", str(path), "reindex", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"reindexed": 5}
    assert _index_terms(path) == before
    hits = runner.invoke(cli, ["--db", str(path), "search", "mattis", "--format", "json"])
    assert hits.exit_code == 0 and len(json.loads(hits.stdout)) == 5


def test_ingest_reindexes_a_stale_store_by_itself(tmp_path, seed_db):
    path = tmp_path / "c.db"
    shutil.copy(seed_db, path)
    before = _index_terms(path)
    _set_analysis(path, "fr-snowball-fold-0")
    with Store(path, create=True) as store:
        assert store.reindexed == 5
        store.check_search_index()
    assert _index_terms(path) == before
