"""6 · Exit codes and the store's own troubles: usage errors are exit 2, a damaged, full or
read-only store gets one clear `Error:` line (never "internal error", which is for bugs), and
the store is left as it was."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from .conftest import (
    assert_clean_failure,
    check_store,
    doc_ids,
    error_lines,
    invoke,
    store_fingerprint,
    write_articles,
)

NOBODY = 65534


def world_dir() -> Path:
    """A fresh folder anyone may enter and write (pytest's tmp_path is private to root)."""
    d = Path(tempfile.mkdtemp(prefix="corpus-rel-", dir="/tmp"))
    d.chmod(0o777)
    return d


def run_as_nobody(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``corpus ARGS`` as the unprivileged user ``nobody``: root ignores file permissions, so
    unreadable folders and read-only stores can only be tried as another user."""
    if os.geteuid() != 0:
        prefix: list[str] = []
    elif shutil.which("setpriv"):
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    else:
        pytest.skip("running as root without setpriv: cannot drop privileges to test permissions")
    env = {k: v for k, v in os.environ.items() if k not in ("CORPUS_DEBUG", "FORCE_COLOR")}
    env.update(HOME=str(cwd), CORPUS_CACHE_DIR="")
    return subprocess.run([*prefix, sys.executable, "-m", "mattis_corpus", *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=300)


# -- usage errors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["search", "ministre", "--limit", "9223372036854775808"],
     ["entities", "--limit", "9223372036854775808"],
     ["kwic", "ministre", "--limit", "99999999999999999999999"],
     ["entities", "--min-mentions", "1e20"],
     ["entities", "--min-mentions", "100000000000000000000"]],
    ids=lambda a: " ".join(a[:2]),
)
def test_huge_numbers_are_usage_errors(base_store, args):
    result = invoke(*args, "--db", str(base_store), "--format", "json")
    assert_clean_failure(result.stderr, result.exit_code, 2)
    assert result.stdout == ""


def test_entities_unknown_doc_piped_writes_nothing(base_store):
    """The error comes before any output: no lone `[` on stdout for a pipe to choke on."""
    from conftest import run_corpus

    proc = run_corpus("entities", "--doc", "nosuch", "--db", str(base_store))
    assert_clean_failure(proc.stderr, proc.returncode, 2, "no document 'nosuch'")
    assert proc.stdout == ""


# -- a damaged store -------------------------------------------------------------------------


def _corrupt_table(db: Path, table: str) -> None:
    """Overwrite the root page of ``table`` with garbage (a bad sector, a half-copied file)."""
    con = sqlite3.connect(db)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page_size + 8)
        f.write(b"\xa5" * (page_size - 8))


@pytest.fixture
def corrupt_store(tmp_path, base_store) -> Path:
    db = tmp_path / "corrupt.db"
    shutil.copy(base_store, db)
    _corrupt_table(db, "documents")
    return db


@pytest.mark.parametrize("args", [["search", "ministre"], ["docs"], ["show", "art_001"]],
                         ids=lambda a: a[0])
def test_corrupt_page_is_a_clear_error(corrupt_store, args):
    before = corrupt_store.read_bytes()
    result = invoke(*args, "--db", str(corrupt_store), "--format", "json")
    assert_clean_failure(result.stderr, result.exit_code, 2, "damaged")
    assert corrupt_store.read_bytes() == before


def test_ingest_refuses_a_corrupt_store(tmp_path, corrupt_store):
    before = corrupt_store.read_bytes()
    good = write_articles(tmp_path / "in", 1, start=700)[0]
    result = invoke("ingest", str(good), "--db", str(corrupt_store), "--format", "json")
    assert_clean_failure(result.stderr, result.exit_code, 2, "damaged")
    assert corrupt_store.read_bytes() == before


@pytest.mark.parametrize("table", ["mentions", "entities", "sentences"])
def test_missing_table_is_a_clear_error(tmp_path, base_store, table):
    db = tmp_path / "partial.db"
    shutil.copy(base_store, db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute(f"DROP TABLE {table}")
    con.commit()
    con.close()
    for args in (["entities"], ["search", "ministre"], ["timeline"]):
        result = invoke(*args, "--db", str(db), "--format", "json")
        if result.exit_code == 0:
            continue  # this query does not need the table
        assert_clean_failure(result.stderr, result.exit_code, 2, "damaged")


# -- a full disk -------------------------------------------------------------------------------


@pytest.fixture
def tiny_fs():
    """A 1.5 MB tmpfs: the disk fills during an ingest."""
    mount = Path(tempfile.mkdtemp(prefix="corpus-full-"))
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        mount.rmdir()
        pytest.skip(f"cannot mount a small tmpfs to fill ({proc.stderr.strip()})")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)
    mount.rmdir()


def test_full_disk_is_reported_as_such(tmp_path, base_store, tiny_fs):
    db = tiny_fs / "c.db"
    shutil.copy(base_store, db)
    before = doc_ids(db)
    folder = tmp_path / "many"
    for i in range(60):  # ~60 × 30 KB of text and index: more than the disk holds
        (folder).mkdir(exist_ok=True)
        body = "\n\n".join(f"Le ministre {i} a parlé de défense européenne à Bruxelles, paragraphe {j}."
                           f" Les alliés de l'OTAN ont répondu le {j % 28 + 1} mars 2018."
                           for j in range(200))
        (folder / f"full_{i:03d}.txt").write_text(f"Titre {i}\n\n{body}\n", encoding="utf-8")
    result = invoke("ingest", str(folder), "--db", str(db), "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    assert "cannot rollback" not in result.stderr, result.stderr
    assert any("disk is full" in line for line in error_lines(result.stderr)), result.stderr
    stored = check_store(db)
    assert set(before) <= set(stored)


# -- read-only stores (as an unprivileged user) ---------------------------------------------


def _readonly_setup(base_store: Path, folder_writable: bool) -> tuple[Path, Path]:
    root = world_dir()
    store_dir = root / "store"
    store_dir.mkdir()
    db = store_dir / "c.db"
    shutil.copy(base_store, db)
    db.chmod(0o644)  # root's file: read-only for nobody
    store_dir.chmod(0o777 if folder_writable else 0o755)
    write_articles(root / "in", 1, start=800)
    for p in (root / "in", *(root / "in").iterdir()):
        p.chmod(0o777 if p.is_dir() else 0o644)
    return root, db


def test_ingest_into_read_only_store_fails_before_the_nlp(base_store):
    """`--model nosuch` proves the order: the store is checked first, so the error names the
    read-only store, not the missing model."""
    root, db = _readonly_setup(base_store, folder_writable=True)
    try:
        before = store_fingerprint(db)
        proc = run_as_nobody("ingest", "in", "--db", str(db), "--model", "nosuch_model", cwd=root)
        assert_clean_failure(proc.stderr, proc.returncode, 1, "read-only")
        assert "nosuch_model" not in proc.stderr
        assert store_fingerprint(db) == before
    finally:
        shutil.rmtree(root)


def test_queries_work_on_a_store_in_a_read_only_folder(base_store):
    root, db = _readonly_setup(base_store, folder_writable=False)
    try:
        assert not Path(str(db) + "-shm").exists()
        before = store_fingerprint(db)
        for args in (["docs"], ["search", "ministre"], ["entities"], ["show", "art_001"]):
            proc = run_as_nobody(*args, "--db", str(db), "--format", "json", cwd=root)
            assert proc.returncode == 0, (args, proc.stderr)
            assert json.loads(proc.stdout)
        assert store_fingerprint(db) == before
        proc = run_as_nobody("ingest", "in", "--db", str(db), cwd=root)
        assert_clean_failure(proc.stderr, proc.returncode, 1, "read-only")
    finally:
        shutil.rmtree(root)
