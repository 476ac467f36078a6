"""The real CLI end to end, on the real model and a real SQLite file (CliRunner and subprocess)."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from conftest import RAW, run_corpus
from mattis_corpus.cli.commands import cli
from mattis_corpus.store.migrations import MIGRATIONS

SEED_IDS = sorted(p.stem for p in RAW.glob("*.txt"))


def invoke(runner, *args, **kw):
    return runner.invoke(cli, list(args), catch_exceptions=False, **kw)


# -- ingest ---------------------------------------------------------------------------------


def test_ingest_then_reingest_is_idempotent(runner, tmp_path, raw_copy, nlp):
    db = str(tmp_path / "c.db")
    first = invoke(runner, "--db", db, "ingest", str(raw_copy), "--format", "json")
    assert first.exit_code == 0, first.stderr
    report = json.loads(first.stdout)
    assert sorted(report["added"]) == SEED_IDS
    assert report["updated"] == report["unchanged"] == report["failed"] == []
    assert "5 added, 0 updated, 0 unchanged, 0 failed" in first.stderr

    again = invoke(runner, "ingest", str(raw_copy), "--db", db, "--format", "json")
    assert json.loads(again.stdout)["unchanged"] == SEED_IDS

    # a changed file replaces its old version, nothing duplicated
    f = raw_copy / f"{SEED_IDS[2]}.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\n\nUn paragraphe ajouté sur la Défense.\n", encoding="utf-8")
    third = json.loads(invoke(runner, "ingest", str(raw_copy), "--db", db, "--format", "json").stdout)
    assert third["updated"] == [SEED_IDS[2]] and len(third["unchanged"]) == 4
    docs = json.loads(invoke(runner, "docs", "--db", db, "--format", "json").stdout)
    assert [d["id"] for d in docs] == SEED_IDS


def test_reingest_unchanged_does_not_import_spacy(seed_db, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(seed_db, db)
    proc = run_corpus("ingest", str(RAW), "--db", str(db), env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert proc.returncode == 0, proc.stderr
    assert "5 unchanged" in proc.stderr
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "import time:" in line}
    assert "spacy" not in imported and "dateparser" not in imported


def test_ingest_bad_file_is_reported_and_others_stored(runner, tmp_path, raw_copy, nlp):
    (raw_copy / "zz_binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (raw_copy / "zz_empty.txt").write_bytes(b"")
    db = str(tmp_path / "c.db")
    result = invoke(runner, "ingest", str(raw_copy), "--db", db, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert len(report["added"]) == 5
    assert sorted(f["path"].rsplit("/", 1)[-1] for f in report["failed"]) == ["zz_binary.txt", "zz_empty.txt"]
    assert "Error: 2 file(s) failed" in result.stderr
    assert "Traceback" not in result.stderr


def test_ingest_missing_path_is_usage_error(runner, tmp_path):
    result = invoke(runner, "ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "no such file" in result.stderr


def test_ingest_folder_without_txt(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = invoke(runner, "ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 2 and "no .txt files" in result.stderr


# -- docs / show ----------------------------------------------------------------------------


def test_docs_json_fields(runner, seed_db):
    result = invoke(runner, "docs", "--db", str(seed_db))
    docs = json.loads(result.stdout)  # piped (CliRunner is not a tty): JSON by default
    assert [d["id"] for d in docs] == SEED_IDS
    for d in docs:
        assert set(d) >= {"id", "title", "published", "published_precision", "published_source", "words", "source_file"}
        assert d["title"] and d["words"] > 100
        if d["published"] is None:
            assert d["published_precision"] is None and d["published_source"] is None
        else:
            assert d["published_precision"] in {"year", "month", "day"}


def test_docs_formats(runner, seed_db):
    jl = invoke(runner, "docs", "--db", str(seed_db), "--format", "jsonl").stdout.splitlines()
    assert len(jl) == 5 and all(json.loads(line)["id"] for line in jl)
    rows = list(csv.DictReader(io.StringIO(invoke(runner, "--format", "csv", "docs", "--db", str(seed_db)).stdout)))
    assert [r["id"] for r in rows] == SEED_IDS
    table = invoke(runner, "docs", "--db", str(seed_db), "--format", "table").stdout
    assert "published" in table and SEED_IDS[0] in table and not table.lstrip().startswith("[")


def test_global_options_before_or_after(runner, seed_db, monkeypatch):
    a = invoke(runner, "--db", str(seed_db), "--format", "json", "docs").stdout
    b = invoke(runner, "docs", "--db", str(seed_db), "--format", "json").stdout
    monkeypatch.setenv("CORPUS_DB", str(seed_db))
    c = invoke(runner, "docs", "--format", "json").stdout
    assert a == b == c


def test_show_json(runner, seed_db):
    doc = json.loads(invoke(runner, "show", SEED_IDS[2], "--db", str(seed_db)).stdout)
    assert doc["id"] == SEED_IDS[2]
    text = doc["text"]
    for key in ("text", "paragraphs", "entities", "dates"):
        assert key in doc
    for e in doc["entities"]:
        assert text[e["start"]:e["end"]] == e["text"] and e["entity"] and e["type"] in {"PER", "LOC", "ORG", "MISC"}
    for d in doc["dates"]:
        assert text[d["start"]:d["end"]] == d["text"]
        assert set(d) >= {"start", "end", "text", "type", "value", "precision"}


def test_show_unknown_id(runner, seed_db):
    result = invoke(runner, "show", "nope", "--db", str(seed_db))
    assert result.exit_code == 2 and "no document 'nope'" in result.stderr


def test_query_without_store(runner, tmp_path):
    result = invoke(runner, "docs", "--db", str(tmp_path / "missing.db"))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no store at") and "corpus ingest" in result.stderr


# -- entities ------------------------------------------------------------------------------


def test_entities_json_shape_and_filters(runner, seed_db):
    rows = json.loads(invoke(runner, "entities", "--db", str(seed_db)).stdout)
    assert rows and all(set(r) >= {"id", "name", "type", "mentions", "documents", "aliases"} for r in rows)
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    per = json.loads(invoke(runner, "entities", "--type", "PER", "--db", str(seed_db)).stdout)
    assert per and all(r["type"] == "PER" for r in per)
    one = json.loads(invoke(runner, "entities", "--doc", SEED_IDS[0], "--db", str(seed_db)).stdout)
    assert one and all(r["documents"] == [SEED_IDS[0]] for r in one)
    limited = json.loads(invoke(runner, "entities", "--limit", "2", "--sort", "name", "--db", str(seed_db)).stdout)
    assert len(limited) == 2
    many = json.loads(invoke(runner, "entities", "--min-mentions", "3", "--db", str(seed_db)).stdout)
    assert all(r["mentions"] >= 3 for r in many)


def test_entities_ids_are_stable(runner, seed_db, tmp_path, nlp):
    db = str(tmp_path / "again.db")
    invoke(runner, "ingest", str(RAW), "--db", db)
    a = json.loads(invoke(runner, "entities", "--db", str(seed_db), "--sort", "name").stdout)
    b = json.loads(invoke(runner, "entities", "--db", db, "--sort", "name").stdout)
    assert [(r["id"], r["name"]) for r in a] == [(r["id"], r["name"]) for r in b]


# -- search / kwic -------------------------------------------------------------------------


def test_search_hits_shape(runner, seed_db):
    hits = json.loads(invoke(runner, "search", "etat islamique", "--db", str(seed_db)).stdout)
    assert hits
    for h in hits:
        assert set(h) >= {"doc", "title", "published", "score", "snippet"}
        assert "[" in h["snippet"] and "]" in h["snippet"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_search_malformed_query_is_usage_error(runner, seed_db):
    result = invoke(runner, "search", '"unbalanced', "--db", str(seed_db))
    assert result.exit_code == 2 and "Error" in result.stderr and "Traceback" not in result.stderr


def test_search_bad_date_is_usage_error(runner, seed_db):
    for bad in ("2017-13", "yesterday"):
        result = invoke(runner, "search", "otan", "--from", bad, "--db", str(seed_db))
        assert result.exit_code == 2, bad


def test_kwic_rows(runner, seed_db):
    rows = json.loads(invoke(runner, "kwic", "allié", "--db", str(seed_db), "--width", "20").stdout)
    assert rows and all(set(r) == {"doc", "left", "match", "right"} for r in rows)
    assert all(len(r["left"]) <= 20 and len(r["right"]) <= 20 for r in rows)
    assert any(r["match"].lower().startswith("alli") for r in rows)


# -- timeline ------------------------------------------------------------------------------


def test_timeline_sorted_and_filtered(runner, seed_db):
    events = json.loads(invoke(runner, "timeline", "--db", str(seed_db)).stdout)
    assert events
    dates = [e["date"] for e in events]
    assert dates == sorted(dates)  # ISO strings at their precision: string order is date order
    assert [e["start"][:4] for e in events] == sorted(e["start"][:4] for e in events)
    for e in events:
        assert set(e) >= {"date", "precision", "start", "end", "date_text", "date_source", "doc", "sentence",
                          "summary", "entities"}
        if e["date_source"] == "text":
            assert e["date_text"] in e["sentence"]
        else:  # the lede, dated by the document's publication date, which date_text names
            assert e["date_source"] == "published" and e["date_text"].startswith(f"publié le {e['date']} (")
    later = json.loads(invoke(runner, "timeline", "--from", "2017", "--db", str(seed_db)).stdout)
    assert all(e["end"] >= "2017-01-01" for e in later)
    window = json.loads(invoke(runner, "timeline", "--from", "2017-02", "--to", "2017-02", "--db", str(seed_db)).stdout)
    assert all(e["start"] <= "2017-02-28" and e["end"] >= "2017-02-01" for e in window)


# -- output discipline ---------------------------------------------------------------------


def test_subprocess_pipes_json_and_errors_on_stderr(seed_db):
    proc = run_corpus("entities", "--type", "PER", "--db", str(seed_db))
    assert proc.returncode == 0
    assert isinstance(json.loads(proc.stdout), list)
    bad = run_corpus("timeline", "--from", "2017-13", "--db", str(seed_db))
    assert bad.returncode == 2 and bad.stdout == "" and "Error" in bad.stderr


def test_version_and_help(runner):
    assert invoke(runner, "--version").stdout.startswith("corpus, version")
    for command in cli.commands:
        out = invoke(runner, command, "-h").stdout
        assert "Example:" in out, command


def test_schema_version_recorded(seed_db):
    import sqlite3

    assert sqlite3.connect(seed_db).execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_annotate_single_and_batch(runner, nlp, fmt):
    text = "Le ministre Jean Dupont s'est rendu à Berlin le 3 mars 2019."
    single = json.loads(invoke(runner, "annotate", "-", "--published", "2019-03-05", "--format", "json", input=text).stdout)
    assert single["text"] == text and single["published"] == "2019-03-05"
    for key in ("entities", "dates"):
        for item in single[key]:
            assert text[item["start"]:item["end"]] == item["text"]
    lines = "\n".join(json.dumps({"id": f"d{i}", "text": text, "published": "2019-03-05"}) for i in range(3))
    out = invoke(runner, "annotate", "--jsonl", "-", "--format", fmt, input=lines).stdout.splitlines()
    assert [json.loads(x)["id"] for x in out] == ["d0", "d1", "d2"]


# -- acceptance on the seed corpus ---------------------------------------------------------


def _docs_for(runner, db, query):
    return sorted(h["doc"][:3] for h in json.loads(invoke(runner, "search", query, "--db", str(db)).stdout))


def test_search_seed_acceptance(runner, seed_db):
    # the four articles that mention the Islamic State group, however spelled or accented
    assert _docs_for(runner, seed_db, "etat islamique") == ["000", "001", "002", "004"]
    assert _docs_for(runner, seed_db, '"forces spéciales"') == ["001"]
    # words that occur only in page chrome (menus, related articles, ads) find nothing
    for chrome in ("Rabais", "fétichisme", "CrowdTangle", "Intercités", "accessibilité", "Share"):
        assert _docs_for(runner, seed_db, chrome) == [], chrome
    kw = json.loads(invoke(runner, "kwic", "allié", "--db", str(seed_db)).stdout)
    assert "alliés" in {r["match"] for r in kw}
    hits = json.loads(invoke(runner, "search", "allié", "--db", str(seed_db)).stdout)
    assert any("[alliés]" in h["snippet"] for h in hits)


def test_search_filters(runner, seed_db):
    db = str(seed_db)
    every = _docs_for(runner, db, "mattis")
    assert every == ["000", "001", "002", "003", "004"]
    lavrov = json.loads(invoke(runner, "search", "mattis", "--entity", "Sergei Lavrov", "--db", db).stdout)
    assert [h["doc"][:3] for h in lavrov] == ["002"]
    dated = json.loads(invoke(runner, "search", "mattis", "--from", "2018", "--db", db).stdout)
    assert dated and all(h["published"] and h["published"] >= "2018" for h in dated)
    one = json.loads(invoke(runner, "search", "mattis", "--doc", SEED_IDS[3], "--db", db).stdout)
    assert [h["doc"] for h in one] == [SEED_IDS[3]]


def test_timeline_seed_acceptance(runner, seed_db):
    db = str(seed_db)
    docs = {d["id"]: d for d in json.loads(invoke(runner, "docs", "--db", db).stdout)}
    events = json.loads(invoke(runner, "timeline", "--from", "2017", "--db", db).stdout)
    assert len(events) >= 8
    for e in events:
        assert e["end"] >= "2017-01-01"
        assert e["summary"] and e["date_source"] in ("text", "published")
        assert e["date_text"] in e["sentence"] if e["date_source"] == "text" else e["date"] == docs[e["doc"]]["published"]
    # each dated article's own news (its lede) is on the timeline at its publication date, only then
    ledes = {e["doc"]: e for e in events if e["date_source"] == "published"}
    assert all(docs[d]["published"] for d in ledes)
    resignation = next(e for d, e in ledes.items() if d.startswith("000_"))
    assert resignation["date"] == "2018-12" and "(dateline)" in resignation["date_text"]
    assert "Mattis" in resignation["summary"] and "lettre de démission" in resignation["sentence"]
    # relative dates are only resolved in articles whose publication date is known
    for doc_id, doc in docs.items():
        shown = json.loads(invoke(runner, "show", doc_id, "--db", db).stdout)
        if doc["published"] is None:
            assert not [d for d in shown["dates"] if d["relative"] and d["interval_start"]], doc_id
    mattis = json.loads(invoke(runner, "timeline", "--entity", "Jim Mattis", "--db", db).stdout)
    assert mattis and all(any(x["name"] == "James Mattis" for x in e["entities"]) for e in mattis)


def test_publication_date_sources(runner, tmp_path, nlp):
    """metadata > the article's dateline (any layout) > inferred from the text > null."""
    body = ("Le ministre s'est rendu jeudi à Berlin pour une réunion de l'Otan, a indiqué son cabinet. "
            "Il y a rencontré ses homologues européens pendant plusieurs heures, selon un communiqué.")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(f"Un ministre à Berlin\n\nPublié le 3 octobre 2018 à 10h32\n\n{body}\n")
    (raw / "b.txt").write_text(f"Un ministre à Berlin\n\nPublished Oct. 4, 2018 10:32 am ET\n\n{body}\n")
    (raw / "c.txt").write_text(f"Un ministre à Berlin\n\nPublié il y a 2 heures\n\n{body}\n")
    (raw / "d.txt").write_text(f"Un ministre à Berlin\n\n{body} La réunion s'est tenue le 11 octobre 2018.\n")
    (raw / "e.txt").write_text(f"Un ministre à Berlin\n\n{body}\n")
    (raw / "e.meta.json").write_text('{"published": "2018-10", "title": "Titre des métadonnées"}')
    db = str(tmp_path / "c.db")
    assert invoke(runner, "ingest", str(raw), "--db", db).exit_code == 0
    docs = {d["id"]: d for d in json.loads(invoke(runner, "docs", "--db", db).stdout)}
    got = {k: (d["published"], d["published_precision"], d["published_source"]) for k, d in docs.items()}
    assert got == {
        "a": ("2018-10-03", "day", "dateline"),
        "b": ("2018-10-04", "day", "dateline"),
        "c": (None, None, None),  # relative: never resolved against today
        "d": ("2018-10-11", "day", "inferred"),  # 11 October 2018 was a Thursday ("jeudi")
        "e": ("2018-10", "month", "metadata"),
    }
    assert docs["e"]["title"] == "Titre des métadonnées"


def test_same_file_name_in_two_folders_is_reported(runner, tmp_path, nlp):
    text = "Le ministre de la Défense a visité Toulon mardi, a annoncé son cabinet dans un communiqué."
    for sub in ("a", "b"):
        (tmp_path / "raw" / sub).mkdir(parents=True)
        (tmp_path / "raw" / sub / "article.txt").write_text(text + f" Version {sub}.")
    result = invoke(runner, "ingest", str(tmp_path / "raw"), "--db", str(tmp_path / "c.db"), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["added"] == ["article"]
    assert "duplicate document id 'article'" in report["failed"][0]["error"]


def test_errors_are_one_line_from_the_console_script(seed_db):
    for args in (["search", "otan OR", "--db", str(seed_db)], ["entities", "--limit", "-1"],
                 ["nope"], ["timeline", "--from", "yesterday", "--db", str(seed_db)]):
        proc = run_corpus(*args)
        assert proc.returncode == 2, args
        assert proc.stdout == "" and proc.stderr.count("\n") == 1 and proc.stderr.startswith("Error: "), args
    bare = run_corpus()
    assert bare.returncode == 0 and "Commands:" in bare.stdout


# -- what a user types (audit of the SPEC, 2026-12-03) ----------------------------------------


def test_search_excluded_word_as_its_own_argument_and_capital_operators(runner, seed_db):
    """`corpus search otan -trump` (the shell gives '-trump' apart) excludes, as 'otan -trump'
    does; "AND" and "NOT" in capitals mean what other engines mean (all words, and '-')."""
    def docs(*args):
        result = invoke(runner, "search", *args, "--db", str(seed_db))
        assert result.exit_code == 0, result.stderr
        return sorted(h["doc"] for h in json.loads(result.stdout))

    assert docs("otan", "-russie") == docs("otan -russie") == docs("otan NOT russie")
    assert docs("otan", "-hollande") == docs("otan -hollande")  # '-h' is the help option, '-hollande' a word
    assert docs("otan", "AND", "russie") == docs("otan russie")
    assert docs("otan -russie") and docs("otan -russie") != docs("otan")


def test_version_after_the_subcommand_and_no_csv_for_ingest(runner, tmp_path):
    assert invoke(runner, "docs", "--version").stdout.startswith("corpus, version")
    result = invoke(runner, "ingest", str(tmp_path), "--db", str(tmp_path / "c.db"), "--format", "csv")
    assert result.exit_code == 2 and "csv" in result.stderr and result.stdout == ""


def test_entity_filters_take_a_title_or_an_article_before_the_name(runner, seed_db):
    """'M. Mattis' and "l'Otan" are how the articles write them: the filters find them."""
    def rows(*args):
        return json.loads(invoke(runner, *args, "--db", str(seed_db)).stdout)

    assert rows("quotes", "--speaker", "M. Mattis") == rows("quotes", "--speaker", "Mattis") != []
    assert rows("timeline", "--entity", "l'Otan") == rows("timeline", "--entity", "Otan") != []


def test_annotate_an_article_file_as_ingest_stores_it(runner, seed_db, nlp):
    """`annotate FILE` cleans the page and finds its date as `ingest` does, so its text and
    dates are what `show` gives for that document."""
    path = sorted(RAW.glob("*.txt"))[0]
    got = json.loads(invoke(runner, "annotate", str(path), "--format", "json").stdout)
    shown = json.loads(invoke(runner, "show", path.stem, "--db", str(seed_db), "--format", "json").stdout)
    assert got["text"] == shown["text"] and got["published"] == shown["published"]
    assert [d["value"] for d in got["dates"]] == [d["value"] for d in shown["dates"]]


def test_timeline_precision_is_a_calendar_word(runner, seed_db):
    events = json.loads(invoke(runner, "timeline", "--db", str(seed_db)).stdout)
    assert events and {e["precision"] for e in events} <= {"year", "month", "day", "season", "quarter", "week",
                                                "decade", "century", "part"}


def test_kwic_of_several_plain_words_is_the_phrase(runner, seed_db):
    rows = json.loads(invoke(runner, "kwic", "forces spéciales", "--db", str(seed_db)).stdout)
    quoted = json.loads(invoke(runner, "kwic", '"forces spéciales"', "--db", str(seed_db)).stdout)
    assert rows == quoted != [] and all(" " in r["match"] for r in rows)
