"""Article exports as input (JSON Lines, JSON, CSV, stdin) through the real CLI, store and model,
on the hand-written files of tests/records/; a bad record fails alone, located by its line."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3

import pytest

from conftest import ROOT, run_corpus
from mattis_corpus.cli.commands import cli
from mattis_corpus.ingest.records import read_records, record_id

RECORDS = ROOT / "tests" / "records"


def invoke(runner, *args, **kw):
    return runner.invoke(cli, list(args), catch_exceptions=False, **kw)


@pytest.fixture(scope="module")
def exports(tmp_path_factory, nlp):
    """Every export of tests/records ingested once, as a folder."""
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("records")
    for f in RECORDS.iterdir():
        if f.suffix != ".md":
            shutil.copy(f, folder / f.name)
    db = folder / "c.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--format", "json"],
                                catch_exceptions=False)
    return folder, db, result


def _docs(runner, db):
    return {d["id"]: d for d in json.loads(invoke(runner, "docs", "--db", str(db), "--format", "json").stdout)}


def test_each_good_record_is_a_document(exports, runner):
    _, db, result = exports
    assert result.exit_code == 1  # some records are bad on purpose
    docs = _docs(runner, db)
    no_id = record_id({"url": "https://example.org/sans-id"})
    assert set(docs) == {"dep-2018_12_1", no_id, "en-1", "page-1", "csv-1", "csv-3", "arr-1", "one"}
    dep = docs["dep-2018_12_1"]
    assert (dep["title"], dep["published"], dep["published_source"]) == (
        "Le ministre des Armées en visite à Brest", "2018-12-20", "metadata")
    assert (dep["url"], dep["site"], dep["author"]) == (
        "https://example.org/brest", "Exemple Info", "Anne Martin; Paul Durand")
    assert docs["csv-3"]["published"] == "2019-03" and docs["csv-1"]["author"] == "Anne Martin"
    assert docs["one"]["published"] == "2019-07" and docs["arr-1"]["site"] == "Exemple Info"


def test_bad_records_fail_alone_with_file_and_line(exports):
    folder, _, result = exports
    failed = {f["path"].rsplit("/", 1)[-1]: f["error"] for f in json.loads(result.stdout)["failed"]}
    assert set(failed) == {"export.jsonl:3", "export.jsonl:4", "export.csv:5", "array.json:record 2",
                           "array.json:record 3"}
    assert failed["export.jsonl:3"].startswith("not valid JSON")
    assert "neither 'text' nor 'html'" in failed["export.jsonl:4"]
    assert "neither 'text' nor 'html'" in failed["export.csv:5"]  # the row after a 3-line text
    assert "expected a JSON object" in failed["array.json:record 3"]
    errors = [ln for ln in result.stderr.splitlines() if re.match(r"Error: .+:(\d+|record \d+): ", ln)]
    assert len(errors) == 5
    assert "Error: 5 file(s) or record(s) failed" in result.stderr


def test_unknown_fields_are_kept_in_meta(exports):
    _, db, _ = exports
    meta = sqlite3.connect(db).execute("SELECT meta FROM documents WHERE id = 'dep-2018_12_1'").fetchone()[0]
    assert json.loads(meta)["tags"] == ["marine", "budget"] and json.loads(meta)["section"] == "Défense"
    csv_meta = sqlite3.connect(db).execute("SELECT meta FROM documents WHERE id = 'csv-1'").fetchone()[0]
    assert json.loads(csv_meta)["rubrique"] == "Défense"


def test_show_gives_the_unknown_fields_back(exports, runner):
    _, db, _ = exports
    shown = json.loads(invoke(runner, "show", "dep-2018_12_1", "--db", str(db), "--format", "json").stdout)
    assert shown["meta"]["tags"] == ["marine", "budget"] and shown["meta"]["section"] == "Défense"


def test_html_record_goes_through_the_page_extractor(exports, runner):
    _, db, _ = exports
    doc = json.loads(invoke(runner, "show", "page-1", "--db", str(db), "--format", "json").stdout)
    assert doc["title"] == "Une page dans un export"
    assert "<p>" not in doc["text"] and "Toulon" in doc["text"]
    assert doc["language"] == "fr"


def test_english_record_is_flagged_and_not_analysed(exports, runner):
    _, db, result = exports
    assert any("en-1" in w["warning"] for w in json.loads(result.stdout)["warnings"])
    doc = json.loads(invoke(runner, "show", "en-1", "--db", str(db), "--format", "json").stdout)
    assert doc["language"] == "en" and doc["entities"] == []
    fr = json.loads(invoke(runner, "show", "csv-1", "--db", str(db), "--format", "json").stdout)
    assert fr["entities"] and fr["dates"]


def test_reingest_of_an_export_is_unchanged(exports, runner):
    folder, db, _ = exports
    again = invoke(runner, "ingest", str(folder), "--db", str(db), "--format", "json")
    report = json.loads(again.stdout)
    assert report["added"] == report["updated"] == [] and len(report["unchanged"]) == 8


def test_stdin_reads_json_lines(tmp_path, nlp):
    lines = (RECORDS / "export.jsonl").read_text(encoding="utf-8")
    db = str(tmp_path / "c.db")
    proc = run_corpus("ingest", "-", "--db", db, "--format", "json", input=lines)
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert len(report["added"]) == 4
    assert sorted(f["path"] for f in report["failed"]) == ["<stdin>:3", "<stdin>:4"]
    assert "Error: <stdin>:3: not valid JSON" in proc.stderr


def test_record_id_is_sanitised_or_a_stable_hash():
    assert record_id({"id": "a/b c"}) == "a_b_c"
    assert record_id({"id": 42}) == "42"
    by_url = record_id({"url": "https://example.org/x", "text": "un"})
    assert by_url == record_id({"url": "https://example.org/x", "text": "deux"})
    assert re.fullmatch(r"rec_[0-9a-f]{16}", by_url)
    assert record_id({"text": "un"}) != record_id({"text": "deux"})
    assert record_id({"id": "///", "text": "un"}) == record_id({"text": "un"})


def test_bad_dates_and_csv_headers_are_reported(tmp_path):
    (tmp_path / "d.jsonl").write_text('{"text": "Un texte.", "published": "hier"}\n')
    [(where, err)] = list(read_records(tmp_path / "d.jsonl"))
    assert where.endswith("d.jsonl:1") and "published: invalid date" in str(err)
    (tmp_path / "h.csv").write_text("titre,corps\nA,B\n")
    [(where, err)] = list(read_records(tmp_path / "h.csv"))
    assert "neither a 'text' nor an 'html' column" in str(err)
    (tmp_path / "latin.jsonl").write_bytes('{"text": "é"}\n'.encode("latin-1"))
    [(_, err)] = list(read_records(tmp_path / "latin.jsonl"))
    assert "not UTF-8" in str(err)


def test_record_fields_and_text_cannot_drive_a_terminal(tmp_path):
    """A record's title goes through the same one-line normaliser as a sidecar's; escape
    sequences leave its text whole, as they leave a .txt file."""
    from mattis_corpus.ingest.records import read_records

    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"id": "a", "title": "Titre\x1b[2J \x07piégé\n",
                                "text": "Le ministre \x1b]0;pwned\x07a parlé jeudi à Paris."}) + "\n",
                    encoding="utf-8")
    ((_, doc),) = list(read_records(path))
    assert doc.meta["title"] == "Titre piégé"
    assert "\x1b" not in doc.text and "pwned" not in doc.text
