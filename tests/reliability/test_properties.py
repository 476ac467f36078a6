"""6 · Properties (hypothesis): the normaliser and the date tagger never crash and keep their
invariants; every stored or annotated entity/date offset points at its text."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import RAW
from mattis_corpus.ingest.clean.chars import normalise_text
from mattis_corpus.ingest.clean.page import clean
from mattis_corpus.nlp.temporal.tagger import tag_dates

from .conftest import invoke

FRENCH_WORDS = [
    "le", "la", "les", "l'", "d'", "de", "du", "en", "à", "et", "a", "annoncé", "jeudi", "lundi",
    "dernier", "prochain", "mars", "février", "janvier", "fin", "début", "mi-avril", "hier",
    "aujourd'hui", "2017", "2018", "1er", "12", "31", "ans", "depuis", "deux", "trois", "semaines",
    "Jim", "Mattis", "M.", "Florence", "Parly", "Paris", "Bruxelles", "l'OTAN", "OTAN", "État",
    "islamique", "EI", "Pentagone", "ministre", "général", "«", "»", ",", ".", ":", "—", "’",
    "\n", "\n\n", "PARIS", "—", "(AFP)", "printemps", "été", "XXe", "siècle", "années", "1990",
    "h", "15h30", "2017-02-16", "16/02/2017", "ce", "matin", "soir", "nuit", "week-end",
]
french = st.lists(st.sampled_from(FRENCH_WORDS), min_size=1, max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=300), french,
                     st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
anchors = st.one_of(
    st.none(),
    st.integers(1, 9999).map(lambda y: f"{y:04d}"),
    st.tuples(st.integers(1, 9999), st.integers(0, 13)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}"),
    st.tuples(st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32)).map(
        lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}"),
    st.text(max_size=12),
)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(any_text)
def test_clean_never_crashes_and_is_idempotent(raw):
    first = clean(raw)
    assert first.text == clean(first.text).text
    for p in first.paragraphs:
        assert 0 <= p.start <= p.end <= len(first.text)


@FAST
@given(any_text)
def test_character_normalisation_is_idempotent(raw):
    once = normalise_text(raw)
    assert normalise_text(once) == once


@FAST
@given(any_text, anchors)
def test_tag_dates_spans_are_sound(text, anchor):
    timexes = tag_dates(text, anchor)
    last_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= last_end  # sorted, non-overlapping
        assert text[t.start:t.end] == t.text
        assert t.type in {"DATE", "TIME", "DURATION", "SET"}
        last_end = t.end


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, nlp_model):
    """The five seed articles (like tests/conftest.py's seed_db, but on the model already loaded
    under the pipeline's cache key: seed_db's `nlp` fixture would load spaCy a second time)."""
    db = tmp_path_factory.mktemp("seed") / "corpus.db"
    result = invoke("ingest", str(RAW), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    return db


def test_seed_store_offsets_point_at_their_text(seed_store):
    docs = json.loads(invoke("docs", "--db", str(seed_store)).stdout)
    assert len(docs) == len(list(RAW.glob("*.txt")))
    for d in docs:
        doc = json.loads(invoke("show", d["id"], "--db", str(seed_store), "--format", "json").stdout)
        text = doc["text"]
        for item in doc["entities"] + doc["dates"]:
            assert text[item["start"]:item["end"]] == item["text"], (d["id"], item)
        for p in doc["paragraphs"]:
            assert text[p["start"]:p["end"]] == p["text"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(french, anchors.filter(lambda a: a is None or len(a) in (4, 7, 10)))
def test_annotate_offsets_point_at_their_text(nlp_model, text, anchor):
    args = ["annotate", "-", "--format", "json"]
    if anchor is not None:
        args += ["--published", anchor]
    result = invoke(*args, input=text)
    if not text.strip():
        assert result.exit_code == 2
        return
    if result.exit_code == 2:  # an impossible --published (month 13, day 32…) is a usage error
        assert "--published" in result.stderr and "Traceback" not in result.stderr
        return
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    for item in data["entities"] + data["dates"]:
        assert data["text"][item["start"]:item["end"]] == item["text"], item
