"""Fixtures for the reliability suite: synthetic articles, a fork server, store checks.

This folder is a package (``__init__.py``) so this conftest does not shadow ``tests/conftest.py``
(whose ``RAW`` and ``run_corpus`` the other test modules import as ``from conftest import …``).
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from mattis_corpus import french
from mattis_corpus.cli.commands import cli

HERE = Path(__file__).resolve().parent

PEOPLE = ["Jim Mattis", "Florence Parly", "Emmanuel Macron", "Angela Merkel", "Jens Stoltenberg",
          "Donald Trump", "Jean-Yves Le Drian", "Theresa May"]
PLACES = ["Paris", "Bruxelles", "Berlin", "Washington", "Bagdad", "Kaboul", "Mossoul", "Varsovie"]
ORGS = ["l'OTAN", "le Pentagone", "l'ONU", "l'Union européenne", "l'armée de Terre"]
MONTHS = list(french.MONTHS)
VERBS = ["a rencontré", "a reçu", "a appelé", "a critiqué", "a salué"]


def french_article(i: int, rng: random.Random | None = None) -> str:
    """A tiny synthetic French news article (title, dateline, three short paragraphs)."""
    rng = rng or random.Random(i)
    a, b = rng.sample(PEOPLE, 2)
    place, org = rng.choice(PLACES), rng.choice(ORGS)
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2016, 2019)
    return (
        f"{a} et {b} à {place} : article numéro {i}\n\n"
        f"{place.upper()}, le {day} {month} {year}. {a} {rng.choice(VERBS)} {b} à {place} "
        f"jeudi pour parler de {org}. La réunion a duré deux heures.\n\n"
        f"« Nous devons renforcer nos alliances », a déclaré {a.split()[-1]} en {month} dernier, "
        f"selon {org}.\n\n"
        f"Le ministre a annoncé un plan pour l'Irak et la Syrie d'ici {year + 1}.\n"
    )


def write_articles(folder: Path, n: int, *, start: int = 0, prefix: str = "art") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        p = folder / f"{prefix}_{i:03d}.txt"
        p.write_text(french_article(i), encoding="utf-8")
        paths.append(p)
    return paths


def invoke(*args: str, **kw):
    """The real CLI in-process (the session's spaCy model is reused)."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kw)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


def assert_clean_failure(stderr: str, exit_code: int, expected: int, *needles: str) -> None:
    """The documented exit code, `Error: …` lines on stderr, no traceback, the reason named."""
    assert exit_code == expected, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    errors = error_lines(stderr)
    assert errors, stderr
    for needle in needles:
        assert any(needle in line for line in errors), (needle, stderr)


def doc_ids(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT id FROM documents ORDER BY id")]
    finally:
        con.close()


def check_store(db: Path) -> list[str]:
    """Integrity of a store after anything (even kill -9): returns the stored ids.

    SQLite's own integrity check, both FTS indexes' integrity checks, and per document: its
    full-text row, at least one sentence, every sentence in the sentence index, mention/date
    indexes 0..n-1 (nothing half-written), and no row left behind by a deleted document.
    """
    con = sqlite3.connect(db, isolation_level=None)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        if "documents" not in tables:
            return []
        for fts in ("docs_fts", "sentences_fts"):
            con.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        docs = con.execute("SELECT rowid, id, text FROM documents").fetchall()
        ids = [d[1] for d in docs]
        assert len(ids) == len(set(ids)), "duplicate document ids"
        for rowid, doc_id, text in docs:
            assert con.execute("SELECT count(*) FROM docs_fts WHERE rowid = ?", (rowid,)).fetchone()[0] == 1, doc_id
            sents = con.execute("SELECT id, start, \"end\", text FROM sentences WHERE doc = ?", (rowid,)).fetchall()
            assert sents, f"{doc_id}: no sentences"
            for sid, start, end, stext in sents:
                assert text[start:end] == stext, doc_id
                assert con.execute("SELECT count(*) FROM sentences_fts WHERE rowid = ?", (sid,)).fetchone()[0] == 1
            for table in ("mentions", "timexes"):
                idx = [r[0] for r in con.execute(f"SELECT idx FROM {table} WHERE doc = ? ORDER BY idx", (rowid,))]
                assert idx == list(range(len(idx))), (doc_id, table)
        n_sent = con.execute("SELECT count(*) FROM sentences").fetchone()[0]
        assert con.execute("SELECT count(*) FROM sentences_fts").fetchone()[0] == n_sent
        assert con.execute("SELECT count(*) FROM docs_fts WHERE rowid > 0").fetchone()[0] == len(docs)
        for table in ("sentences", "mentions", "timexes", "events"):
            orphans = con.execute(
                f"SELECT count(*) FROM {table} WHERE doc NOT IN (SELECT rowid FROM documents)"
            ).fetchone()[0]
            assert orphans == 0, table
        return sorted(ids)
    finally:
        con.close()


def store_fingerprint(db: Path) -> tuple[int, bytes]:
    """(documents count, file bytes): a query must change neither."""
    con = sqlite3.connect(db)
    try:
        n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()
    return n, db.read_bytes()


# -- the fork server ------------------------------------------------------------------------


class ForkServer:
    """`corpus` CLI processes forked from a server that has already loaded spaCy."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        env = {k: v for k, v in os.environ.items() if k not in ("CORPUS_DEBUG", "FORCE_COLOR")}
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "forkserver.py")], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, env=env, cwd=workdir,
        )
        self.ready = False
        self.n = 0

    def wait_ready(self) -> ForkServer:
        if not self.ready:
            line = self.proc.stdout.readline()
            assert json.loads(line) == {"ready": True}, line
            self.ready = True
        return self

    def _call(self, **req) -> dict:
        self.wait_ready()
        self.proc.stdin.write(json.dumps(req) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def start(self, *args: str) -> Child:
        self.n += 1
        out, err = self.workdir / f"out{self.n}.txt", self.workdir / f"err{self.n}.txt"
        pid = self._call(op="start", args=list(args), out=str(out), err=str(err))["pid"]
        return Child(self, pid, out, err)

    def run(self, *args: str) -> Child:
        child = self.start(*args)
        child.wait()
        return child

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


class Child:
    def __init__(self, server: ForkServer, pid: int, out: Path, err: Path) -> None:
        self.server, self.pid, self.out, self.err = server, pid, out, err
        self.returncode: int | None = None
        self.started = time.monotonic()

    def alive(self) -> bool:
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except FileNotFoundError:
            return False
        return stat.rsplit(")", 1)[1].split()[0] != "Z"

    def wait(self) -> int:
        if self.returncode is None:
            self.returncode = self.server._call(op="wait", pid=self.pid)["returncode"]
        return self.returncode

    @property
    def stdout(self) -> str:
        return self.out.read_text(encoding="utf-8")

    @property
    def stderr(self) -> str:
        return self.err.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def _fork_server_started(tmp_path_factory):
    server = ForkServer(tmp_path_factory.mktemp("forkserver"))
    yield server
    server.close()


@pytest.fixture(scope="session")
def fork_server(_fork_server_started) -> ForkServer:
    return _fork_server_started.wait_ready()


@pytest.fixture(scope="session", autouse=True)
def _start_fork_server_early(request):
    """Start the server (10 s of model loading) at the beginning, in parallel with other tests,
    but only when a selected test will use it."""
    if any("fork_server" in item.fixturenames for item in request.session.items):
        request.getfixturevalue("_fork_server_started")


@pytest.fixture(scope="session")
def nlp_model():
    """The real model, loaded once, under the exact cache key the pipeline uses."""
    from mattis_corpus.nlp.model import DEFAULT_MODEL, load_nlp

    return load_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def base_store(tmp_path_factory, nlp_model) -> Path:
    """A small store (6 synthetic articles) shared read-only by the query tests."""
    root = tmp_path_factory.mktemp("base")
    write_articles(root / "raw", 6)
    db = root / "corpus.db"
    result = invoke("ingest", str(root / "raw"), "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["added"]) == 6
    return db


def count_documents(db: Path, where: str = "1") -> int:
    """Documents a reader sees now in ``db`` (0 while it is not there, not migrated, or busy)."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
        try:
            return con.execute(f"SELECT count(*) FROM documents WHERE {where}").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0
