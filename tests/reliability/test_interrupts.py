"""Issue 20, item 11: interrupted and killed ingests.

Ctrl-C while the workers load the model is one clean line, exit 130 (as for any SIGINT); an
ingest killed with SIGKILL leaves canonical entities that match the documents it committed,
for the very next query (before: the entities were refreshed only at the end of a run, so
they stayed stale until the next ingest)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from .conftest import check_store, count_documents, invoke, write_articles


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text.split()]


def test_ctrl_c_while_workers_load_the_model(tmp_path):
    write_articles(tmp_path / "a", 3)
    db = tmp_path / "int.db"
    env = {k: v for k, v in os.environ.items() if k != "CORPUS_DEBUG"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mattis_corpus", "ingest", str(tmp_path / "a"), "--db", str(db),
         "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True,  # its own process group, as a shell job: Ctrl-C hits them all
    )
    deadline = time.monotonic() + 120
    while not _children(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, proc.communicate()
    time.sleep(0.3)  # the workers are importing spaCy / loading the model
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err, err
    assert lines == ["Error: interrupted"], err
    assert proc.returncode == 130, err
    if db.exists():
        check_store(db)


_count = count_documents


def _kill_at(child, db: Path, n: int, where: str = "1") -> None:
    """SIGKILL ``child`` as soon as ``n`` documents matching ``where`` are committed."""
    while child.alive() and _count(db, where) < n:
        time.sleep(0.002)
    assert child.alive(), "the ingest finished before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL


def _queries(db: Path, names: list[str]) -> list:
    """`entities`, the whole `timeline` (each row names its entities) and `timeline --entity`."""
    def run(*args: str) -> list:
        result = invoke(*args, "--db", str(db), "--format", "json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    return [run("entities"), run("timeline")] + [run("timeline", "--entity", n) for n in names]


def _assert_entities_consistent(db: Path, tmp_path: Path) -> None:
    """The killed store answers `entities` and `timeline --entity` as the same store with its
    entities rebuilt from scratch does, and every mention is linked."""
    from mattis_corpus.run import refresh_entities
    from mattis_corpus.store.db import Store

    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM mentions WHERE entity IS NULL").fetchone()[0] == 0
        total = con.execute("SELECT coalesce(sum(mentions), 0) FROM entities").fetchone()[0]
        assert total == con.execute("SELECT count(*) FROM mentions").fetchone()[0]
        repaired = tmp_path / f"repaired_{db.stem}.db"
        dst = sqlite3.connect(repaired)
        con.backup(dst)
        dst.close()
    finally:
        con.close()
    with Store(repaired, create=True) as store:
        refresh_entities(store, full=True)
    expected = _queries(repaired, [])
    names = [e["name"] for e in expected[0][:3]]  # the most mentioned entities
    expected += _queries(repaired, names)[2:]
    # the next queries on the killed store, before any other ingest
    assert _queries(db, names) == expected
    assert any(expected[2:]), "no timeline row for these entities"


def test_sigkill_leaves_entities_consistent(tmp_path, fork_server):
    folder = tmp_path / "a"
    write_articles(folder, 40)
    db = tmp_path / "killed.db"
    child = fork_server.start("ingest", str(folder), "--db", str(db), "--batch-size", "4")
    _kill_at(child, db, 12)
    stored = check_store(db)
    assert 12 <= len(stored) < 40
    _assert_entities_consistent(db, tmp_path)


def test_sigkill_during_an_update_leaves_entities_consistent(tmp_path, fork_server):
    folder = tmp_path / "a"
    files = write_articles(folder, 40)
    db = tmp_path / "updated.db"
    assert fork_server.run("ingest", str(folder), "--db", str(db)).returncode == 0
    for p in files:  # every article changes: the next run replaces them all
        p.write_text(p.read_text(encoding="utf-8").replace("Jim Mattis", "Jim Mattis et Sergueï "
                     "Choïgou") + "\nSelon l'OTAN, Jim Mattis a ensuite visité Berlin pour une seconde "
                     "réunion avec les ministres européens.\n", encoding="utf-8")
    child = fork_server.start("ingest", str(folder), "--db", str(db), "--batch-size", "4")
    _kill_at(child, db, 12, "text LIKE '%ensuite visité Berlin%'")
    assert check_store(db) == sorted(p.stem for p in files)
    _assert_entities_consistent(db, tmp_path)
