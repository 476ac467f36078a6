"""2 · Crash safety: `corpus ingest` killed with SIGKILL at random points never leaves a corrupt
store or half a document; re-running the ingest completes it (each document stored once)."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from .conftest import check_store, count_documents, invoke, write_articles

N_FILES = 15
TRIALS = 20  # half at random times, half when the store reaches k documents
SEED = 20240611


_count = count_documents


def _kill(child, delay: float | None = None, *, db: Path | None = None, at_count: int = 0) -> str:
    """SIGKILL ``child`` after ``delay`` s, or once ``db`` holds ``at_count`` documents (unless it
    already finished); say what happened."""
    deadline = child.started + (delay if delay is not None else 120)
    while child.alive() and time.monotonic() < deadline:
        if db is not None and _count(db) >= at_count:
            break
        time.sleep(0.002)
    if child.alive():
        os.kill(child.pid, signal.SIGKILL)
    rc = child.wait()
    return "killed" if rc == -signal.SIGKILL else f"exit {rc}"


def _entities_fresh(db: Path) -> None:
    """Every mention is linked to a canonical entity and the entity counts add up."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM mentions WHERE entity IS NULL").fetchone()[0] == 0
        total = con.execute("SELECT coalesce(sum(mentions), 0) FROM entities").fetchone()[0]
        assert total == con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    finally:
        con.close()


def test_sigkill_during_ingest_never_corrupts(tmp_path, fork_server):
    rng = random.Random(SEED)
    folder = tmp_path / "articles"
    files = write_articles(folder, N_FILES)
    db = tmp_path / "crash.db"

    # calibrate: how long does a whole ingest take in a (pre-warmed) child?
    t0 = time.monotonic()
    calib = fork_server.run("ingest", str(folder), "--db", str(tmp_path / "calib.db"))
    full = time.monotonic() - t0
    assert calib.returncode == 0, calib.stderr
    assert check_store(tmp_path / "calib.db") == sorted(p.stem for p in files)

    outcomes = []
    for trial in range(TRIALS):
        if trial and rng.random() < 0.3:  # change a few files: the next run replaces documents
            for p in rng.sample(files, 3):
                p.write_text(p.read_text(encoding="utf-8") + f"\nMise à jour {trial} à Paris.\n",
                             encoding="utf-8")
        if trial % 2:  # a random moment of a whole run (--force: every document is rewritten)
            child = fork_server.start("ingest", str(folder), "--db", str(db), "--force")
            outcomes.append(_kill(child, rng.uniform(0, full * 1.05)))
            target = db
        else:  # a fresh store, killed as soon as it holds k documents (k = N: before entities)
            target = tmp_path / f"fresh{trial}.db"  # batches of 3: a commit every 3 documents
            child = fork_server.start("ingest", str(folder), "--db", str(target), "--batch-size", "3")
            outcomes.append(_kill(child, db=target, at_count=rng.randint(1, N_FILES)))
        stored = check_store(target) if target.exists() else []
        assert set(stored) <= {p.stem for p in files}
        if target != db and len(stored) == N_FILES:
            # killed after the last document, maybe before the entities were refreshed: a re-run
            # (nothing left to analyse) must still leave consistent entities
            done = fork_server.run("ingest", str(folder), "--db", str(target))
            assert done.returncode == 0, done.stderr
            _entities_fresh(target)
        if trial % 8 == 7:  # now and then, let a run finish: it must complete the store
            for store in (db, target):
                done = fork_server.run("ingest", str(folder), "--db", str(store), "--format", "json")
                assert done.returncode == 0, done.stderr
                assert check_store(store) == sorted(p.stem for p in files)
                _entities_fresh(store)
    assert outcomes.count("killed") >= TRIALS * 2 // 3, outcomes
    print(f"full ingest {full:.2f} s; outcomes: {outcomes}")

    final = fork_server.run("ingest", str(folder), "--db", str(db), "--format", "json")
    assert final.returncode == 0, final.stderr
    ids = check_store(db)
    assert ids == sorted(p.stem for p in files)  # every document once
    _entities_fresh(db)
    again = json.loads(fork_server.run("ingest", str(folder), "--db", str(db), "--format", "json").stdout)
    assert sorted(again["unchanged"]) == ids and again["added"] == again["updated"] == []
    # the stored text is the current version of every file
    docs = {d["id"] for d in json.loads(invoke("docs", "--db", str(db)).stdout)}
    assert docs == set(ids)


def test_sigkill_while_loading_the_model(tmp_path):
    """Cold `corpus ingest` processes killed during imports, store creation or model loading."""
    rng = random.Random(SEED + 1)
    folder = tmp_path / "articles"
    files = write_articles(folder, 3)
    db = tmp_path / "cold.db"
    for _ in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-m", "mattis_corpus", "ingest", str(folder), "--db", str(db)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, 2.5))
        proc.kill()
        proc.wait()
        if db.exists():
            assert set(check_store(db)) <= {p.stem for p in files}
    if db.exists():  # whatever was left must be a store the next run accepts
        con = sqlite3.connect(db)
        con.execute("PRAGMA user_version").fetchone()
        con.close()
