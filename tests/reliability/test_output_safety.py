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


# -- issue 20, item 8: error lines, crafted stores, stored titles, CSV ------------------------

CONTROL_BYTES = ("\x1b", "\x07", "\x9b", "\x08")


def test_escape_in_bad_file_name_is_sanitised_in_error_lines(tmp_path, nlp_model):
    folder = tmp_path / "raw"
    write_articles(folder, 1)
    (folder / "evil\x1b]0;pwned\x07\x1b[2J.txt").write_bytes(b"")  # empty: an Error line
    result = invoke("ingest", str(folder), "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "evil" in line]
    assert errors and all(c not in line for line in errors for c in CONTROL_BYTES), errors


@pytest.fixture
def crafted_store(tmp_path, base_store) -> Path:
    """A shared store whose text and title were edited to hold terminal escapes."""
    import shutil
    import sqlite3

    db = tmp_path / "crafted.db"
    shutil.copy(base_store, db)
    con = sqlite3.connect(db)
    con.execute("UPDATE documents SET text = ? || substr(text, 5), title = ? WHERE id = 'art_001'",
                ("\x1b[2J", "\x1b]0;owned\x07=cmd|' /C calc'!A0"))
    con.commit()
    con.close()
    return db


def test_show_sanitises_a_crafted_text(crafted_store):
    out = _table(crafted_store, "show", "art_001")
    assert all(c not in out for c in CONTROL_BYTES), repr(out[:200])
    assert "[2J" in out  # the rest is shown, one character replaced: offsets still line up


def test_csv_has_no_escapes_and_no_formulas(crafted_store):
    result = invoke("docs", "--db", str(crafted_store), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert all(c not in result.stdout for c in CONTROL_BYTES)
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    title = next(r["title"] for r in rows if r["id"] == "art_001")
    assert title.startswith("'=cmd"), title  # the escape sequence removed, the formula defused
    assert not any(v[:1] in "=+-@" for r in rows for v in r.values() if v), rows


def test_sidecar_title_is_normalised_when_stored(tmp_path, nlp_model):
    import sqlite3

    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "t.txt").write_text(NASTY_TEXT, encoding="utf-8")
    (folder / "t.meta.json").write_text(json.dumps({"title": "  Un\x1b[31m titre\x07\n sur\tdeux  "}),
                                        encoding="utf-8")
    db = tmp_path / "c.db"
    assert invoke("ingest", str(folder), "--db", str(db)).exit_code == 0
    con = sqlite3.connect(db)
    (title,) = con.execute("SELECT title FROM documents").fetchone()
    con.close()
    assert title == "Un titre sur deux"


def test_escape_sequences_in_article_text_are_removed_whole(tmp_path, nlp_model):
    """Not only the ESC byte: the whole sequence goes, so no "[31m" is left in title or text."""
    import sqlite3

    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "e.txt").write_text("\x1b[31mTitre rouge\x1b[0m\n\n" + NASTY_TEXT, encoding="utf-8")
    db = tmp_path / "c.db"
    assert invoke("ingest", str(folder), "--db", str(db)).exit_code == 0
    con = sqlite3.connect(db)
    title, text = con.execute("SELECT title, text FROM documents").fetchone()
    con.close()
    assert "[31m" not in title and "\x1b" not in title
    assert "[31m" not in text and "[2J" not in text and "titre piégé" not in text
    assert "[bold]gras[/bold]" in text  # markup is text: kept
