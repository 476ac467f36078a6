"""The standard exports and the network, checked against the store itself (no browser here):
TimeML parses and keeps the text and dates, TimelineJS has one slide per event, GEXF/GraphML
read back in networkx as the JSON graph, co-occurrence weights match an independent count,
each command refuses the formats it does not have, and pages embed their data safely."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path

import pytest

from conftest import run_corpus
from mattis_corpus.cli import cli

XSS = "<script>alert(1)</script>"
XSS_TEXT = f"""Le ministre {XSS} rencontre James Mattis à Bruxelles

Le secrétaire américain à la Défense James Mattis a rencontré le 16 février 2017 à Bruxelles le \
secrétaire général de l'Otan, Jens Stoltenberg, pour parler de {XSS} et de la Russie.

Selon un diplomate, Jim Mattis a ensuite déclaré le 17 février 2017 que l'Otan devait \
"</script><!-- rester unie", a rapporté l'AFP depuis Washington.
"""
XSS_TITLE = f"{XSS} Mattis & l'Otan </script><!--"
XSS_ID = "900_markup"


@pytest.fixture(scope="session")
def xss_db(tmp_path_factory, nlp) -> Path:
    """A store with one article whose title and text carry markup and script-closing text."""
    from mattis_corpus.run import ingest
    from mattis_corpus.store.db import Store

    folder = tmp_path_factory.mktemp("markup")
    (folder / f"{XSS_ID}.txt").write_text(XSS_TEXT, "utf-8")
    (folder / f"{XSS_ID}.meta.json").write_text(
        json.dumps({"title": XSS_TITLE, "published": "2017-02-18"}), "utf-8")
    path = folder / "corpus.db"
    with Store(path, create=True) as store:
        assert len(ingest([folder], store).added) == 1
    return path


def invoke(runner, db: Path, *args: str):
    result = runner.invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def as_json(runner, db: Path, *args: str):
    return json.loads(invoke(runner, db, *args, "--format", "json"))


def _doc_ids(runner, db: Path) -> list[str]:
    return [d["id"] for d in as_json(runner, db, "docs")]


# --- network -------------------------------------------------------------------------------

def _expected_cooccurrences(db: Path, types: tuple[str, ...] = ()) -> tuple[Counter, dict]:
    """Pairs of entities per sentence, counted straight from the tables with a join on
    offsets (the library bisects instead): the reference the command must match."""
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT d.id, s.idx, m.entity, m.type FROM mentions m JOIN sentences s "
        "ON s.doc = m.doc AND m.start >= s.start AND m.start < s.\"end\" "
        "JOIN documents d ON d.rowid = m.doc WHERE m.entity IS NOT NULL").fetchall()
    con.close()
    groups: dict[tuple, set] = {}
    for doc, idx, entity, type_ in rows:
        if not types or type_ in types:
            groups.setdefault((doc, idx), set()).add(entity)
    weights, docs = Counter(), {}
    for (doc, _), members in groups.items():
        for pair in combinations(sorted(members), 2):
            weights[pair] += 1
            docs.setdefault(pair, set()).add(doc)
    return weights, docs


def test_network_weights_are_sentence_cooccurrences(runner, seed_db):
    graph = as_json(runner, seed_db, "network")
    assert set(graph) == {"nodes", "edges"}
    weights, docs = _expected_cooccurrences(seed_db)
    got = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert set(got) == set(weights)
    for pair, e in got.items():
        assert e["weight"] == weights[pair]
        assert e["documents"] == sorted(docs[pair])
    node_ids = {n["id"] for n in graph["nodes"]}
    assert node_ids == {x for pair in got for x in pair}
    entities = {e["id"]: e for e in as_json(runner, seed_db, "entities")}
    for n in graph["nodes"]:
        assert set(n) >= {"id", "name", "type", "mentions"}
        assert (n["name"], n["type"], n["mentions"]) == (
            entities[n["id"]]["name"], entities[n["id"]]["type"], entities[n["id"]]["mentions"])


def test_network_filters(runner, seed_db):
    full = as_json(runner, seed_db, "network")
    per = as_json(runner, seed_db, "network", "--type", "per,LOC")
    assert per["nodes"] and {n["type"] for n in per["nodes"]} <= {"PER", "LOC"}
    weights, _ = _expected_cooccurrences(seed_db, ("PER", "LOC"))
    assert {(e["source"], e["target"]): e["weight"] for e in per["edges"]} == dict(weights)
    heavy = as_json(runner, seed_db, "network", "--min-weight", "2")
    assert heavy["edges"] and all(e["weight"] >= 2 for e in heavy["edges"])
    assert heavy["edges"] == [e for e in full["edges"] if e["weight"] >= 2]
    doc = _doc_ids(runner, seed_db)[2]
    one = as_json(runner, seed_db, "network", "--doc", doc)
    assert one["edges"] and all(e["documents"] == [doc] for e in one["edges"])
    dated = {d["id"]: d["published"] for d in as_json(runner, seed_db, "docs")}
    year = min(p for p in dated.values() if p)[:4]
    ranged = as_json(runner, seed_db, "network", "--from", year, "--to", year)
    kept = {d for e in ranged["edges"] for d in e["documents"]}
    assert kept and all((dated[d] or "")[:4] == year for d in kept)


def test_network_tabular_formats_list_the_edges(runner, seed_db):
    graph = as_json(runner, seed_db, "network")
    rows = list(csv.DictReader(io.StringIO(invoke(runner, seed_db, "network", "--format", "csv"))))
    assert len(rows) == len(graph["edges"])
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    assert rows[0]["source_name"] == names[rows[0]["source"]]
    lines = invoke(runner, seed_db, "network", "--format", "jsonl").splitlines()
    assert [json.loads(x)["weight"] for x in lines] == [e["weight"] for e in graph["edges"]]
    assert names[graph["edges"][0]["source"]] in invoke(runner, seed_db, "network", "--format", "table")


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_graph_files_read_back_in_networkx(runner, seed_db, tmp_path, fmt):
    import networkx as nx

    graph = as_json(runner, seed_db, "network", "--type", "PER")
    path = tmp_path / f"g.{fmt}"
    path.write_text(invoke(runner, seed_db, "network", "--type", "PER", "--format", fmt), "utf-8")
    g = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    assert set(g.nodes) == {n["id"] for n in graph["nodes"]}
    assert {tuple(sorted(e)) for e in g.edges} == {(e["source"], e["target"]) for e in graph["edges"]}
    for e in graph["edges"]:
        assert int(g.edges[e["source"], e["target"]]["weight"]) == e["weight"]
    first = graph["nodes"][0]
    assert g.nodes[first["id"]]["name"] == first["name"]
    assert int(g.nodes[first["id"]]["mentions"]) == first["mentions"]


def test_network_refuses_unknown_type():
    result = run_corpus("network", "--type", "PER,FOO")
    assert result.returncode == 2
    assert "FOO" in result.stderr and "Traceback" not in result.stderr


# --- formats each command has, and those it has not -----------------------------------------

@pytest.mark.parametrize("args", [
    ("docs", "--format", "html"), ("entities", "--format", "gexf"),
    ("timeline", "--format", "timeml"), ("show", "X", "--format", "gexf"),
    ("network", "--format", "timelinejs"), ("search", "otan", "--format", "html"),
])
def test_a_format_the_command_lacks_is_a_usage_error(seed_db, args):
    result = run_corpus("--db", str(seed_db), *args)
    assert result.returncode == 2, result.stderr
    assert "not available for this command" in result.stderr
    assert result.stdout == ""


# --- TimeML and TimelineJS ------------------------------------------------------------------

def test_timeml_keeps_text_and_dates(runner, seed_db):
    for doc in _doc_ids(runner, seed_db):
        shown = as_json(runner, seed_db, "show", doc)
        root = ET.fromstring(invoke(runner, seed_db, "show", doc, "--format", "timeml").encode())
        assert root.tag == "TimeML" and root.findtext("DOCID") == doc
        dct = root.find("DCT/TIMEX3")
        assert dct.get("functionInDocument") == "CREATION_TIME" and dct.get("tid") == "t0"
        assert dct.get("value") == (shown["published"] or "XXXX-XX-XX")
        text = root.find("TEXT")
        assert "".join(text.itertext()) == shown["text"]  # tags added, not a character changed
        timexes = text.findall("TIMEX3")
        assert [(t.text, t.get("value"), t.get("type")) for t in timexes] == [
            (d["text"], d["value"], d["type"]) for d in shown["dates"]]
        assert len({t.get("tid") for t in timexes}) == len(timexes)
        for t in timexes:
            if t.get("temporalFunction") == "true":
                assert t.get("anchorTimeID") == "t0"


def test_timelinejs_has_one_slide_per_event(runner, seed_db):
    rows = as_json(runner, seed_db, "timeline")
    data = json.loads(invoke(runner, seed_db, "timeline", "--format", "timelinejs"))
    assert data["title"]["text"]["headline"]
    assert len(data["events"]) == len(rows)
    for row, ev in zip(rows, data["events"], strict=True):
        start = ev["start_date"]
        parts = [str(start["year"]).zfill(4)] + [f"{start[k]:02d}" for k in ("month", "day") if k in start]
        if row["precision"] in ("year", "month", "day"):
            assert "-".join(parts) == row["date"]
        else:
            assert "-".join(parts) == row["start"]
        assert ev["group"] == row["doc"]
        assert ev["text"]["headline"]


def test_exports_escape_markup(runner, xss_db):
    data = json.loads(invoke(runner, xss_db, "timeline", "--format", "timelinejs"))
    assert data["events"]
    blob = json.dumps(data, ensure_ascii=False)
    assert "<script" not in blob and "&lt;script&gt;" in blob
    root = ET.fromstring(invoke(runner, xss_db, "show", XSS_ID, "--format", "timeml").encode())
    assert root.findtext("TITLE") == XSS_TITLE
    assert XSS in "".join(root.find("TEXT").itertext())


# --- pages, without a browser ---------------------------------------------------------------

class _Scripts(HTMLParser):
    """Script elements and external references of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[list] = []
        self.external: list[str] = []
        self.text: list[str] = []
        self._in: list | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if a.get(key) and (a[key].startswith(("http:", "https:", "//"))):
                self.external.append(a[key])
        if tag in ("link", "iframe", "img"):
            self.external.append(tag)
        if tag == "script":
            self._in = [a.get("type"), ""]
            self.scripts.append(self._in)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = None

    def handle_data(self, data):
        if self._in is not None:
            self._in[1] += data
        else:
            self.text.append(data)


def _pages(runner, db: Path, doc: str) -> dict[str, str]:
    return {
        "timeline": invoke(runner, db, "timeline", "--format", "html"),
        "network": invoke(runner, db, "network", "--format", "html"),
        "show": invoke(runner, db, "show", doc, "--format", "html"),
    }


def test_pages_are_self_contained(runner, seed_db):
    doc = _doc_ids(runner, seed_db)[0]
    for name, html in _pages(runner, seed_db, doc).items():
        p = _Scripts()
        p.feed(html)
        assert p.external == [], name
        assert "@import" not in html and "url(" not in html, name
        assert [s[0] for s in p.scripts] == [None, "application/json", None], name


def test_pages_embed_markup_as_data_only(runner, xss_db):
    for name, html in _pages(runner, xss_db, XSS_ID).items():
        p = _Scripts()
        p.feed(html)
        assert len(p.scripts) == 3, name  # the page's own: nothing from the article became a script
        data = p.scripts[1][1]
        assert "<" not in data and ">" not in data, name
        found = json.dumps(json.loads(data), ensure_ascii=False)
        if name != "network":  # the network carries names only, no article text
            assert XSS in found, name  # the very text, read back from the escaped JSON
    shown = _Scripts()
    shown.feed(_pages(runner, xss_db, XSS_ID)["show"])
    visible = "".join(shown.text)
    assert XSS in visible and XSS_TITLE in visible  # shown as text, escaped in the markup


def _imported(db: Path, *args: str) -> set[str]:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "mattis_corpus", "--db", str(db),
                          *args], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return {line.split("|")[-1].strip() for line in out.stderr.splitlines() if "|" in line}


def test_only_the_formats_that_need_them_import_networkx_and_the_pages(seed_db):
    plain = _imported(seed_db, "timeline", "--format", "json") | _imported(seed_db, "network")
    assert not {m for m in plain if m.startswith(("networkx", "mattis_corpus.cli.render.html"))}
    assert "networkx" in _imported(seed_db, "network", "--format", "gexf")
    assert "mattis_corpus.cli.render.html" in _imported(seed_db, "timeline", "--format", "html")
