"""Saved web pages as input: the real pages of tests/pages/html through the real CLI, store and
model; their metadata checked against the hand-written expectations; every bad-input case."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from conftest import ROOT, run_corpus
from mattis_corpus.cli.commands import cli
from mattis_corpus.errors import BadInputError
from mattis_corpus.ingest.clean.chars import normalise_text
from mattis_corpus.ingest.html import (
    html_id,
    looks_like_html,
    page_title,
    read_html,
    read_page_bytes,
)

PAGES = ROOT / "tests" / "pages"
EXPECTED = {e["id"]: e for e in map(json.loads, (PAGES / "expected.jsonl").open(encoding="utf-8"))}
FRENCH = ["p01_lemonde", "p20_dh", "p29_lesoir"]
ENGLISH = "p43_motherjones"


def invoke(runner, *args, **kw):
    return runner.invoke(cli, list(args), catch_exceptions=False, **kw)


@pytest.fixture(scope="module")
def html_store(tmp_path_factory, nlp):
    """Three French pages (one gzipped) and one English page, ingested once."""
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("html")
    for name in FRENCH[:2] + [ENGLISH]:
        shutil.copy(PAGES / "html" / f"{name}.html", folder / f"{name}.html")
    (folder / f"{FRENCH[2]}.html.gz").write_bytes(gzip.compress((PAGES / "html" / f"{FRENCH[2]}.html").read_bytes()))
    (folder / "notes.md").write_text("not an article: a folder walk ignores it")
    db = folder / "c.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--format", "json"],
                                catch_exceptions=False)
    return folder, db, result


def _docs(runner, db, *extra):
    return {d["id"]: d for d in json.loads(invoke(runner, "docs", "--db", str(db), "--format", "json", *extra).stdout)}


def test_html_pages_are_ingested_with_their_metadata(html_store, runner):
    folder, db, result = html_store
    assert result.exit_code == 0, result.stderr
    assert sorted(json.loads(result.stdout)["added"]) == sorted(FRENCH + [ENGLISH])
    docs = _docs(runner, db)
    for name in FRENCH:
        doc, exp = docs[name], EXPECTED[name]
        assert doc["title"] == normalise_text(exp["title"])  # apostrophes made plain, as in the text
        assert doc["published"] == exp["published"]
        assert doc["published_source"].startswith("html-")
        assert doc["language"] == "fr"
        assert doc["site"]
    assert docs[FRENCH[0]]["url"].startswith("https://www.lemonde.fr/")
    assert "Bertrand Bissuel" in docs[FRENCH[0]]["author"]
    assert docs[FRENCH[2]]["source_file"].endswith(".html.gz")


def test_html_text_has_no_markup_and_keeps_the_body(html_store, runner):
    _, db, _ = html_store
    doc = json.loads(invoke(runner, "show", FRENCH[1], "--db", str(db), "--format", "json").stdout)
    assert "<" not in doc["text"] and "href" not in doc["text"]
    last = EXPECTED[FRENCH[1]]["last_sentence"]
    assert last.split()[-3] in doc["text"]
    assert doc["entities"], "a French page goes through the French NLP"


def test_non_french_page_is_stored_flagged_searchable_and_not_analysed(html_store, runner):
    _, db, result = html_store
    warnings = [w for w in json.loads(result.stdout)["warnings"] if w["path"] == "language"]
    assert len(warnings) == 1 and "1 document(s) not in French" in warnings[0]["warning"]
    assert ENGLISH in warnings[0]["warning"]
    doc = json.loads(invoke(runner, "show", ENGLISH, "--db", str(db), "--format", "json").stdout)
    assert doc["language"] == "en" and doc["entities"] == [] and doc["dates"] == []
    hits = json.loads(invoke(runner, "search", "warehouse", "--db", str(db), "--format", "json").stdout)
    assert [h["doc"] for h in hits] == [ENGLISH]


def test_docs_filters_by_language_and_site(html_store, runner):
    _, db, _ = html_store
    assert list(_docs(runner, db, "--lang", "en")) == [ENGLISH]
    assert sorted(_docs(runner, db, "--lang", "fr")) == sorted(FRENCH)
    site = _docs(runner, db)[FRENCH[0]]["site"]
    assert list(_docs(runner, db, "--site", site.upper())) == [FRENCH[0]]
    assert _docs(runner, db, "--site", "no such site") == {}


def test_listings_filter_by_language(html_store, runner):
    """--lang on search, timeline and quotes keeps the documents of that language only."""
    _, db, _ = html_store

    def rows(*args):
        out = invoke(runner, *args, "--db", str(db), "--format", "json")
        assert out.exit_code == 0, out.output
        return json.loads(out.stdout)

    assert [h["doc"] for h in rows("search", "warehouse", "--lang", "en")] == [ENGLISH]
    assert rows("search", "warehouse", "--lang", "fr") == []
    events = rows("timeline")
    assert events and {e["doc"] for e in rows("timeline", "--lang", "fr")} == {e["doc"] for e in events}
    assert rows("timeline", "--lang", "en") == [] and rows("quotes", "--lang", "en") == []
    assert rows("timeline", "--lang", "none") == []
    every = rows("entities")
    assert every and rows("entities", "--lang", "fr") == every  # the English page has none
    assert rows("entities", "--lang", "en") == [] and rows("entities", "--lang", "none") == []
    one = rows("entities", "--doc", FRENCH[0])
    assert one and rows("entities", "--doc", FRENCH[0], "--lang", "FR") == one
    assert rows("entities", "--doc", FRENCH[0], "--lang", "en") == []


def test_unchanged_html_is_skipped_without_extraction_or_spacy(html_store, tmp_path):
    folder, db, _ = html_store
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    proc = run_corpus("ingest", str(folder), "--db", str(copy), env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert proc.returncode == 0, proc.stderr
    assert "4 unchanged" in proc.stderr
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "import time:" in line}
    assert not imported & {"spacy", "trafilatura", "htmldate"}


def test_query_commands_never_import_trafilatura(html_store):
    _, db, _ = html_store
    for command in (["docs"], ["show", FRENCH[0]], ["entities"], ["search", "Macron"]):
        proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "mattis_corpus", *command,
                               "--db", str(db), "--format", "json"], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        imported = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines()
                    if "import time:" in line}
        assert not imported & {"trafilatura", "htmldate", "lxml", "justext", "spacy"}, command


def test_sidecar_overrides_the_page(tmp_path, runner, nlp):
    shutil.copy(PAGES / "html" / "p20_dh.html", tmp_path / "a.html")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "Titre du fichier", "published": "2011-04",
                                                      "source": "Mon site"}))
    db = str(tmp_path / "c.db")
    assert invoke(runner, "ingest", str(tmp_path), "--db", db).exit_code == 0
    doc = _docs(runner, db)["a"]
    assert (doc["title"], doc["published"], doc["published_source"], doc["site"]) == (
        "Titre du fichier", "2011-04", "metadata", "Mon site")


def test_bad_html_inputs_fail_alone_with_one_line_each(tmp_path, runner, nlp):
    shutil.copy(PAGES / "html" / "p20_dh.html", tmp_path / "good.html")
    (tmp_path / "plain.html").write_text("Juste du texte, sans balise aucune.\nUne deuxième ligne.\n")
    (tmp_path / "broken.html.gz").write_bytes(b"not gzip at all")
    (tmp_path / "empty.htm").write_bytes(b"")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 ...")
    db = str(tmp_path / "c.db")
    names = ["good.html", "plain.html", "broken.html.gz", "empty.htm", "report.pdf"]
    result = invoke(runner, "ingest", *[str(tmp_path / n) for n in names], "--db", db, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["added"] == ["good"]
    errors = {f["path"].rsplit("/", 1)[-1]: f["error"] for f in report["failed"]}
    assert set(errors) == set(names[1:])
    assert "not an HTML page" in errors["plain.html"]
    assert "cannot read" in errors["broken.html.gz"]
    assert "empty" in errors["empty.htm"]
    assert "unsupported file type '.pdf'" in errors["report.pdf"]
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("Error: ") and "failed" not in ln]
    assert len(lines) == 4 and all(": " in ln[7:] for ln in lines)


def test_a_folder_walk_ignores_unknown_extensions(html_store):
    _, _, result = html_store
    assert json.loads(result.stdout)["failed"] == []  # notes.md was beside the pages


def test_looks_like_html():
    assert looks_like_html((PAGES / "html" / "p01_lemonde.html").read_bytes())
    assert looks_like_html(b"\xef\xbb\xbf\n  <!DOCTYPE html><html><body><p>x</p></body></html>")
    assert looks_like_html("<html><body>é</body></html>".encode("utf-16"))
    assert not looks_like_html(b"Le ministre a dit: 3 < 4 et <rien> d'autre.")
    assert not looks_like_html(b"%PDF-1.4\n%\xe2\xe3")


def test_html_id_strips_the_page_extension(tmp_path):
    assert html_id(tmp_path / "p01.html.gz") == "p01"
    assert html_id(tmp_path / "a.b.HTM") == "a.b"


def test_read_page_bytes_refuses_binary(tmp_path):
    (tmp_path / "x.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(BadInputError, match="binary"):
        read_page_bytes(tmp_path / "x.html")


def test_page_title_prefers_the_visible_headline_and_strips_site_names():
    page = {"title": "Un autre titre pour les moteurs | Le Site", "h1": ["Navigation",
            "La frégate Bretagne rentre à Brest après sa mission"]}
    body = "La frégate Bretagne est rentrée à Brest mardi, après quatre mois de mission."
    assert page_title(page, body, None) == "La frégate Bretagne rentre à Brest après sa mission"
    assert page_title({"title": "La frégate rentre à Brest - Le Site"}, body, None) == "La frégate rentre à Brest"
    assert page_title({"h1": ["Menu"]}, body, "Titre trouvé") == "Titre trouvé"


def test_read_html_gives_metadata_of_a_real_page():
    raw = read_html(PAGES / "html" / "p43_motherjones.html")
    assert raw.page["language"] == "en" and raw.page["published"][:7] == "2012-02"
    assert raw.page["published_source"] in ("html-meta", "html-time", "html-url", "html-text")
    assert "<" not in raw.text


def test_txt_pages_store_their_update_date(tmp_path, runner, nlp):
    shutil.copy(PAGES / "text" / "p07_lefigaro.txt", tmp_path / "p07.txt")
    db = tmp_path / "c.db"
    assert invoke(runner, "ingest", str(tmp_path), "--db", str(db)).exit_code == 0
    row = sqlite3.connect(db).execute("SELECT updated, language FROM documents").fetchone()
    assert row == (EXPECTED["p07_lefigaro"]["updated"], "fr")


def test_a_page_declared_latin1_is_read_as_browsers_read_it():
    """A real page declared iso-8859-1 whose apostrophes are cp1252's byte 0x92: browsers
    show them (WHATWG maps the label to windows-1252), and so do we instead of losing them."""
    from mattis_corpus.ingest.html import extract

    data = (ROOT / "tests" / "pages" / "html" / "p20_dh.html").read_bytes()
    assert b"charset=iso-8859-1" in data[:4096] and b"\x92" in data
    text, _ = extract(data)
    assert "D’Onofrio" in text or "D'Onofrio" in text


def test_lines_trafilatura_kept_inside_the_article_stay(tmp_path, runner, nlp):
    """A bullet list inside a real article: trafilatura keeps it (it reads the markup), our
    line classifier alone would drop its short lines; between two article blocks they stay."""
    from mattis_corpus.ingest.document import prepare
    from mattis_corpus.ingest.html import read_html

    cleaned, _ = prepare(read_html(PAGES / "html" / "p10_20minutes.html"))
    assert "Les attaquants Bleus se sont montrés" in cleaned.text
    assert "Publicité" not in cleaned.text


def test_a_date_written_only_in_the_page_address_says_so():
    from lxml import html as lxml_html

    from mattis_corpus.ingest.html import date_source

    tree = lxml_html.fromstring('<html><head><link rel="canonical" '
                                'href="https://www.example.fr/monde/2017/02/16/otan-russie_123.html">'
                                "</head><body><p>Texte</p></body></html>")
    assert date_source(tree, "2017-02-16") == "html-url"
    assert date_source(tree, "2017-02-17") == "html-text"


def test_the_declared_modification_day_is_the_update_even_on_the_same_day():
    from lxml import html as lxml_html

    from mattis_corpus.ingest.html import declared_modified

    def page(head: str) -> object:
        return lxml_html.fromstring(f"<html><head>{head}</head><body><p>x</p></body></html>")

    same_day = ('<script type="application/ld+json">{"datePublished":"2018-06-01T23:03:11+02:00",'
                '"dateModified":"2018-06-01T23:10:35+02:00"}</script>')
    assert declared_modified(page(same_day)) == "2018-06-01"
    untouched = ('<meta property="article:published_time" content="2025-07-13T05:59:02+00:00">'
                 '<meta property="article:modified_time" content="2025-07-13T05:59:02+00:00">')
    assert declared_modified(page(untouched)) is None  # both fields filled at once
    french = '<meta property="article:modified_time" content="mise à jour le 24/02/2013 - 21h16">'
    assert declared_modified(page(french)) == "2013-02-24"
    assert declared_modified(page("<title>t</title>")) is None
