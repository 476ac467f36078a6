"""5 · Output safety: markup and terminal escapes in articles (text, metadata, file names) are
printed literally by the table views and never reach the terminal; JSON stays valid UTF-8."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import invoke, write_articles

ESC = "\x1b"
NASTY_TEXT = (
    "Alerte [bold]gras[/bold] sur [/] l'OTAN\n\n"
    "PARIS, le 3 mars 2018. Le ministre Jim Mattis \x1b[31mrouge\x1b[0m a rencontré Florence Parly à "
    "Paris [link=https://exemple.fr]lien[/link] et \x1b]0;titre piégé\x07 fin. [red]Alerte[/red] "
    "[/bold] « Nous resterons » a déclaré le ministre jeudi.\n\n"
    "L'OTAN a salué l'accord le 5 mars 2018 à Bruxelles \x1b[2J\x1b[H effacé.\n"
)
NASTY_META = {"title": "\x1b[31mTitre\x1b[0m [bold]piégé[/bold] \x1b]0;x\x07"}


@pytest.fixture(scope="module")
def nasty_store(tmp_path_factory, nlp_model) -> Path:
    root = tmp_path_factory.mktemp("nasty")
    write_articles(root / "raw", 2)
    (root / "raw" / "nasty.txt").write_text(NASTY_TEXT, encoding="utf-8")
    (root / "raw" / "meta.txt").write_text(NASTY_TEXT, encoding="utf-8")
    (root / "raw" / "meta.meta.json").write_text(json.dumps(NASTY_META), encoding="utf-8")
    db = root / "c.db"
    result = invoke("ingest", str(root / "raw"), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    return db


def _table(db: Path, *args: str) -> str:
    result = invoke(*args, "--db", str(db), "--format", "table")
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    "args",
    [["docs"], ["show", "nasty"], ["show", "meta"], ["search", "ministre"], ["kwic", "ministre"],
     ["timeline"], ["entities"]],
    ids=lambda a: " ".join(a),
)
def test_table_has_no_escape_bytes(nasty_store, args):
    out = _table(nasty_store, *args)
    assert ESC not in out and "\x07" not in out
    assert not any(ord(c) < 32 and c not in "\n" for c in out)


def test_markup_printed_literally(nasty_store):
    show = _table(nasty_store, "show", "nasty")
    for literal in ("[bold]gras[/bold]", "[/]", "[link=https://exemple.fr]lien[/link]", "[red]Alerte[/red]"):
        assert literal in show
    assert "[bold]piégé[/bold]" in _table(nasty_store, "show", "meta")
    assert "[bold]piégé[/bold]" in _table(nasty_store, "docs")
    assert "[bold]piégé[/bold]" in _table(nasty_store, "search", "ministre")


def test_search_table_snippet_keeps_brackets(nasty_store):
    out = _table(nasty_store, "search", "lien")
    assert "[link=https://exemple.fr]" in out


@pytest.mark.parametrize(
    "args",
    [["docs"], ["show", "nasty"], ["show", "meta"], ["entities"], ["search", "ministre"],
     ["kwic", "ministre"], ["timeline"]],
    ids=lambda a: " ".join(a),
)
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_is_valid_utf8(nasty_store, args, fmt):
    proc = subprocess.run([sys.executable, "-m", "mattis_corpus", *args, "--db", str(nasty_store),
                           "--format", fmt], capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("utf-8")  # strict: raises on invalid UTF-8
    data = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
    assert data
    if args[0] == "show" and fmt == "json":
        assert "[bold]" in data["text"] or "[bold]" in data["title"]


def test_annotate_json_with_escapes(nlp_model):
    result = invoke("annotate", "-", "--format", "json", input=NASTY_TEXT)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    for item in data["entities"] + data["dates"]:
        assert data["text"][item["start"]:item["end"]] == item["text"]


def test_escape_in_file_name_never_reaches_terminal(tmp_path, nlp_model):
    folder = tmp_path / "raw"
    write_articles(folder, 1)
    (folder / "evil\x1b[31m.txt").write_text(NASTY_TEXT, encoding="utf-8")
    db = tmp_path / "c.db"
    assert invoke("ingest", str(folder), "--db", str(db)).exit_code == 0
    doc_id = next(d["id"] for d in json.loads(invoke("docs", "--db", str(db)).stdout) if "evil" in d["id"])
    for args in (["docs"], ["show", doc_id], ["search", "ministre"], ["kwic", "ministre"], ["timeline"]):
        assert ESC not in _table(db, *args), args


def test_escape_in_file_name_json_is_escaped(tmp_path, nlp_model):
    folder = tmp_path / "raw"
    (folder).mkdir()
    (folder / "evil\x1b[31m.txt").write_text(NASTY_TEXT, encoding="utf-8")
    db = tmp_path / "c.db"
    assert invoke("ingest", str(folder), "--db", str(db)).exit_code == 0
    out = invoke("docs", "--db", str(db), "--format", "json").stdout
    assert ESC not in out and "\\u001b" in out  # JSON escapes control characters
    assert os.path.basename(json.loads(out)[0]["source_file"]) == "evil\x1b[31m.txt"
