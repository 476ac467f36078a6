"""Store: migrations, schema versions, refusing what is not ours."""

from __future__ import annotations

import sqlite3

import pytest

from mattis_corpus.errors import BadInputError, SchemaTooNewError
from mattis_corpus.store.db import Store
from mattis_corpus.store.migrations import MIGRATIONS


def test_memory_store_migrates():
    store = Store(":memory:", create=True)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    names = [r[0] for r in store.db.execute("SELECT name FROM _migrations")]
    assert names == [m.__name__ for m in MIGRATIONS]


def test_file_store_uses_wal(tmp_path):
    with Store(tmp_path / "sub" / "c.db", create=True) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_query_open_of_missing_store_is_bad_input(tmp_path):
    with pytest.raises(BadInputError, match="corpus ingest"):
        Store(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


def test_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "c.db"
    Store(path, create=True).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(SchemaTooNewError, match="newer"):
        Store(path, create=True)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1


def test_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "c.db"
    path.write_bytes(b"hello, this is not a database" * 100)
    with pytest.raises(BadInputError, match="not a usable corpus store"):
        Store(path, create=True)


def test_foreign_sqlite_is_refused(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(BadInputError, match="not a corpus store"):
        Store(path, create=True)


def test_month_ranges_end_on_the_last_day():
    """Month ranges (timeline, --from/--to) end on the month's last day, leap years and
    December included."""
    from mattis_corpus.dates import parse_partial

    assert parse_partial("2024-02")[1].isoformat() == "2024-02-29"
    assert parse_partial("2023-02")[1].isoformat() == "2023-02-28"
    assert parse_partial("2017-12")[1].isoformat() == "2017-12-31"
    assert parse_partial("2017-04")[1].isoformat() == "2017-04-30"
