"""3 · Concurrency: ingests running at the same time on one store, and queries during an ingest
(WAL readers never wait; writers wait up to the busy timeout, then proceed)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time

import pytest

from conftest import run_corpus

from .conftest import check_store, count_documents, write_articles

N = 12


@pytest.mark.parametrize("layout", ["same-folder", "different-folders", "overlapping-folders"])
def test_two_ingests_at_once(tmp_path, fork_server, layout):
    a = write_articles(tmp_path / "a", N)
    if layout == "same-folder":
        folders, expected = [tmp_path / "a", tmp_path / "a"], a
    elif layout == "different-folders":
        b = write_articles(tmp_path / "b", N, start=N)
        folders, expected = [tmp_path / "a", tmp_path / "b"], a + b
    else:  # both runs see the same files (id = file name) under different roots
        b = write_articles(tmp_path / "b", N // 2, start=N)
        both = [tmp_path / "a", tmp_path / "b"]
        folders, expected = [both, list(reversed(both))], a + b
    db = tmp_path / "shared.db"  # does not exist yet: both race to create and migrate it
    children = [
        fork_server.start("ingest", *map(str, f if isinstance(f, list) else [f]), "--db", str(db),
                          "--format", "json")
        for f in folders
    ]
    for child in children:
        assert child.wait() == 0, child.stderr
        assert "Traceback" not in child.stderr
    assert check_store(db) == sorted(p.stem for p in expected)
    reports = [json.loads(c.stdout) for c in children]
    assert all(r["failed"] == [] for r in reports)
    done = {i for r in reports for i in r["added"] + r["updated"] + r["unchanged"]}
    assert done == {p.stem for p in expected}


def test_ingest_waits_for_another_writer(tmp_path, fork_server):
    """A writer holding the store's write lock for 2 s: the ingest waits, then proceeds."""
    files = write_articles(tmp_path / "a", 3)
    db = tmp_path / "locked.db"
    assert fork_server.run("ingest", str(files[0]), "--db", str(db)).returncode == 0
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE documents SET title = title")
    child = fork_server.start("ingest", str(tmp_path / "a"), "--db", str(db))
    time.sleep(2.0)
    assert child.alive()  # still waiting for the lock, not failed
    con.execute("COMMIT")
    con.close()
    assert child.wait() == 0, child.stderr
    assert check_store(db) == sorted(p.stem for p in files)


def test_queries_during_an_ingest(tmp_path, fork_server):
    files = write_articles(tmp_path / "a", 20)
    db = tmp_path / "live.db"
    assert fork_server.run("ingest", str(files[0]), "--db", str(db)).returncode == 0
    child = fork_server.start("ingest", str(tmp_path / "a"), "--db", str(db), "--force")
    seen: list[int] = []
    errors: list[str] = []

    def query_loop(args: list[str]) -> None:
        while child.alive():
            proc = run_corpus(*args, "--db", str(db), "--format", "json")
            if proc.returncode != 0:
                errors.append(f"{args}: {proc.returncode} {proc.stderr}")
                return
            rows = json.loads(proc.stdout)
            if args[0] == "docs":
                seen.append(len(rows))

    threads = [threading.Thread(target=query_loop, args=(q,))
               for q in (["docs"], ["search", "ministre"], ["entities", "--limit", "5"])]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert child.wait() == 0, child.stderr
    assert errors == []
    assert seen, "no query ran during the ingest"
    assert seen == sorted(seen) and all(1 <= n <= 20 for n in seen)
    assert check_store(db) == sorted(p.stem for p in files)


def _open_store(path: str, start) -> None:
    from mattis_corpus.store.db import Store

    start.wait()
    Store(path, create=True).close()


def test_two_processes_create_one_new_store(tmp_path):
    """Both switch the new file to WAL at once: SQLite answers "database is locked" to one of
    them without waiting (about one race in thirty before the switch was retried)."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    for i in range(12):
        path, start = str(tmp_path / f"new{i}.db"), ctx.Event()
        procs = [ctx.Process(target=_open_store, args=(path, start)) for _ in range(2)]
        for p in procs:
            p.start()
        start.set()
        for p in procs:
            p.join(60)
        assert [p.exitcode for p in procs] == [0, 0], i


# -- issue 20, item 1: commit on time, wait for the writer lock -----------------------------

def _long_article(size: int) -> str:
    """A long but ordinary French article (paragraphs of generic sentences), ~``size`` chars."""
    from .conftest import french_article

    paras, i = [], 0
    while sum(map(len, paras)) < size:
        paras.append(french_article(1000 + i).replace("\n\n", " ").strip())
        i += 1
    return "Un très long dossier sur la défense\n\n" + "\n\n".join(paras) + "\n"


_visible = count_documents


def test_documents_are_committed_before_a_slow_document_is_parsed(tmp_path, fork_server):
    """16 small articles then one long one: the small ones are visible while the long one is
    still being parsed, and a second ingest started meanwhile finishes without waiting for it
    (before: the transaction stayed open during the parse, the second ingest waited for it)."""
    folder = tmp_path / "L"
    small = write_articles(folder, 16)
    (folder / "zz_long.txt").write_text(_long_article(300_000), encoding="utf-8")
    other = write_articles(tmp_path / "S", 3, start=100, prefix="other")
    db = tmp_path / "l.db"
    first = fork_server.start("ingest", str(folder), "--db", str(db))
    while first.alive() and _visible(db) < len(small):
        time.sleep(0.05)
    assert first.alive(), "the long article was parsed before the small ones were visible"
    assert _visible(db) == len(small), "the small articles became visible only with the long one"
    second = fork_server.run("ingest", str(tmp_path / "S"), "--db", str(db))
    assert second.returncode == 0, second.stderr
    assert first.alive(), "the second ingest waited for the first one's slow document"
    assert first.wait() == 0, first.stderr
    expected = sorted([p.stem for p in small + other] + ["zz_long"])
    assert check_store(db) == expected


def test_a_lock_held_too_long_is_named(tmp_path, monkeypatch, nlp_model):
    """An outside BEGIN EXCLUSIVE that never commits: after CORPUS_LOCK_TIMEOUT the ingest
    says which lock it waited for (exit 1), after a one-line notice that it is waiting."""
    from .conftest import assert_clean_failure, invoke

    files = write_articles(tmp_path / "a", 2)
    db = tmp_path / "held.db"
    assert invoke("ingest", str(files[0]), "--db", str(db)).exit_code == 0
    monkeypatch.setenv("CORPUS_LOCK_TIMEOUT", "3")
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("BEGIN EXCLUSIVE")
    try:
        result = invoke("ingest", str(tmp_path / "a"), "--db", str(db))
    finally:
        con.execute("ROLLBACK")
        con.close()
    assert_clean_failure(result.stderr, result.exit_code, 1, "write lock", str(db))
    notices = [line for line in result.stderr.splitlines() if line.startswith("Notice:")]
    assert len(notices) == 1 and "write lock" in notices[0], result.stderr
    assert check_store(db) == [files[0].stem]
