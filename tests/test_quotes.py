"""Quotations (issue 21): the rules on sentences written for these tests, through the real
model; then the store, `corpus quotes`, `entities`, `show` and `annotate` on a real store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mattis_corpus.cli import cli
from mattis_corpus.nlp.analyse import analyse
from mattis_corpus.nlp.quotes.marks import marked_spans

SPEC_FIELDS = {"doc", "quote", "kind", "verb", "speaker", "speaker_id", "speaker_text", "start",
               "end", "published"}


def found(nlp, text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    """(quote, kind, verb, speaker's in-document name or None, speaker words) of ``text``."""
    ann = analyse(nlp(text), None, None)
    return [(q.text, q.kind, q.verb,
             ann.mentions[q.speaker_mention].name if q.speaker_mention is not None else None,
             q.speaker_text) for q in ann.quotes]


# --------------------------------------------------------------------------- quoted spans


def test_marks_nest_and_pair_straight_quotes() -> None:
    text = 'Il a dit « le mot “clé” est là » puis "autre chose" et « fin »'
    spans = [text[s.start:s.end] for s in marked_spans(text)]
    assert spans == ["le mot “clé” est là", "autre chose", "fin"]


def test_marks_continue_over_paragraphs_reopened_with_a_guillemet() -> None:
    text = "« Première partie.\n« Seconde partie », a-t-elle dit.\nAutre paragraphe « bref »"
    spans = [text[s.start:s.end] for s in marked_spans(text)]
    assert spans[0].startswith("Première partie.") and spans[0].endswith("Seconde partie")
    assert spans[1] == "bref"


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "Il a lancé « sans fin\nLa suite du texte n'est pas citée."
    (span,) = marked_spans(text)
    assert text[span.start:span.end] == "sans fin"


# --------------------------------------------------------------------------- attribution


def test_incise_with_inverted_named_subject(nlp) -> None:
    text = "« Nous resterons en Méditerranée », a déclaré vendredi la ministre Florence Parly."
    ((quote, kind, verb, speaker, words),) = found(nlp, text)
    assert (quote, kind, verb, speaker) == ("Nous resterons en Méditerranée", "direct", "déclarer",
                                            "Florence Parly")
    assert words.endswith("Florence Parly")


def test_clitic_pronoun_is_the_last_person_named_and_quote_continues(nlp) -> None:
    text = ("Le ministre Jean-Yves Le Drian a reçu son homologue à Paris. « La coopération doit "
            "continuer », a-t-il ajouté, « car elle protège nos deux pays ».")
    quotes = found(nlp, text)
    assert [q[0] for q in quotes] == ["La coopération doit continuer",
                                      "car elle protège nos deux pays"]
    assert {q[3] for q in quotes} == {"Jean-Yves Le Drian"}
    assert {q[2] for q in quotes} == {"ajouter"}


def test_partial_quote_after_a_reporting_verb(nlp) -> None:
    text = "Le sénateur Bernard Cazeneuve a qualifié le projet de « dangereux » mardi."
    ((quote, kind, verb, speaker, words),) = found(nlp, text)
    assert (quote, kind, verb, speaker) == ("dangereux", "partial", "qualifier", "Bernard Cazeneuve")
    assert words.endswith("Bernard Cazeneuve")


def test_indirect_speech_in_a_que_clause(nlp) -> None:
    text = "La ministre Florence Parly a affirmé jeudi que la frégate serait livrée en avance."
    (quote,) = found(nlp, text)
    assert quote[:4] == ("la frégate serait livrée en avance", "indirect", "affirmer",
                         "Florence Parly")


def test_selon_attributes_the_clause(nlp) -> None:
    text = "Selon le général Pierre de Villiers, l'armée manque de moyens."
    (quote,) = found(nlp, text)
    assert quote[0] == "l'armée manque de moyens" and quote[1] == "indirect"
    assert quote[3] is not None and quote[3].endswith("Villiers")


def test_unnamed_speaker_stays_a_description(nlp) -> None:
    text = ("Florence Parly était à Bruxelles. « Il faut agir vite », a confié un diplomate "
            "européen. « Le temps presse », a dit ce diplomate.")
    quotes = found(nlp, text)
    assert [q[0] for q in quotes] == ["Il faut agir vite", "Le temps presse"]
    assert [q[3] for q in quotes] == [None, None]  # never turned into Florence Parly
    assert "diplomate européen" in quotes[0][4] and "diplomate" in quotes[1][4]


def test_definite_description_resolves_only_when_its_qualifiers_agree(nlp) -> None:
    named = ("La ministre des Armées Florence Parly visitait Brest. « Le chantier avance », "
             "a souligné la ministre.")
    assert found(nlp, named)[0][3] == "Florence Parly"
    other = ("Le président russe Vladimir Poutine a appelé Paris. « Nous verrons », a répondu "
             "le président américain.")
    assert found(nlp, other)[0][3] is None


def test_scare_quotes_are_not_quotations(nlp) -> None:
    assert found(nlp, "Les soldats ont reçu des « drones » neufs la semaine dernière.") == []
    assert found(nlp, 'Le régiment a testé le "fusil laser" en Bretagne.') == []


def test_pull_quote_with_an_attribution_line(nlp) -> None:
    text = ("L'Alliance se réunit à Bruxelles.\n« L'Alliance est plus forte que jamais et elle le "
            "restera »\nJens Stoltenberg, secrétaire général de l'OTAN")
    (quote,) = found(nlp, text)
    assert quote[0].startswith("L'Alliance est plus forte") and quote[3] == "Jens Stoltenberg"


def test_quote_over_two_paragraphs_is_one_quotation(nlp) -> None:
    text = ("Florence Parly a pris la parole : « Nous avons un plan.\n« Il sera appliqué dès "
            "demain », a-t-elle promis.")
    quotes = found(nlp, text)
    assert len(quotes) == 1 and "plan" in quotes[0][0] and "demain" in quotes[0][0]
    assert quotes[0][3] == "Florence Parly"


def test_incise_inside_the_marks_splits_the_quote(nlp) -> None:
    text = ("La ministre Florence Parly a visité Lorient. « Nous ne reculerons pas, a-t-elle "
            "ajouté. Le programme ira à son terme. »")
    quotes = found(nlp, text)
    assert [q[0] for q in quotes] == ["Nous ne reculerons pas", "Le programme ira à son terme."]
    assert {q[3] for q in quotes} == {"Florence Parly"}


def test_unmarked_incise_and_d_apres_are_indirect_speech(nlp) -> None:
    text = ("La flotte sera modernisée avant 2030, a assuré jeudi le ministre Sébastien Lecornu. "
            "D'après un officier de marine, les essais commenceront en mai.")
    quotes = found(nlp, text)
    assert [(q[0], q[1]) for q in quotes] == [
        ("La flotte sera modernisée avant 2030", "indirect"),
        ("les essais commenceront en mai", "indirect"),
    ]
    assert quotes[0][3] == "Sébastien Lecornu" and quotes[1][3] is None


def test_repeated_verbs_and_pronoun_lui(nlp) -> None:
    text = ("Le procureur François Molins a réaffirmé que l'enquête avançait très vite. Selon lui, deux "
            "suspects sont en fuite.")
    quotes = found(nlp, text)
    assert [q[2] for q in quotes] == ["affirmer", "selon"]
    assert {q[3] for q in quotes} == {"François Molins"}


def test_quoted_names_are_not_quotations(nlp) -> None:
    text = "Le ministre a dénoncé les médias « Russia Today » et « Sputnik » devant la presse."
    assert found(nlp, text) == []


# --------------------------------------------------------------------------- store and CLI

ARTICLE_2018 = (
    "La ministre des Armées Florence Parly était à Toulon jeudi.\n"
    "« Nous renforcerons nos alliés en Méditerranée », a déclaré Florence Parly devant les marins.\n"
    "Un diplomate européen a estimé que la décision arrivait beaucoup trop tard.\n"
)
ARTICLE_2016 = (
    "Parly a rencontré les industriels à Lorient.\n"
    "« Les chantiers navals doivent embaucher », a dit Parly lors de sa visite.\n"
)


@pytest.fixture
def quotes_db(tmp_path, runner, nlp) -> Path:
    """A store of two articles written for these tests (dated by sidecars)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a2018.txt").write_text(ARTICLE_2018, "utf-8")
    (raw / "a2018.meta.json").write_text('{"published": "2018-03-10"}', "utf-8")
    (raw / "b2016.txt").write_text(ARTICLE_2016, "utf-8")
    (raw / "b2016.meta.json").write_text('{"published": "2016-05-02"}', "utf-8")
    db = tmp_path / "q.db"
    result = runner.invoke(cli, ["ingest", str(raw), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _quotes(runner, db: Path, *args: str) -> list[dict]:
    result = runner.invoke(cli, ["quotes", "--db", str(db), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_quotes_json_fields_and_speaker_ids_match_entities(runner, quotes_db) -> None:
    rows = _quotes(runner, quotes_db)
    assert rows and all(set(r) == SPEC_FIELDS for r in rows)
    ents = json.loads(runner.invoke(cli, ["entities", "--db", str(quotes_db), "--format", "json"]).output)
    parly = next(e for e in ents if e["name"] == "Florence Parly")
    said = [r for r in rows if r["speaker_id"] == parly["id"]]
    # The 2016 article's bare "Parly" is the same person: the refresh moved it, the quote followed.
    assert {r["doc"] for r in said} == {"a2018", "b2016"}
    assert parly["quotes"] == len(said)
    unnamed = [r for r in rows if r["speaker"] is None]
    assert unnamed and all(r["speaker_id"] is None for r in unnamed)
    assert any("diplomate européen" in (r["speaker_text"] or "") for r in unnamed)


def test_quotes_filters(runner, quotes_db) -> None:
    assert {r["doc"] for r in _quotes(runner, quotes_db, "--speaker", "florence parly",
                                      "--from", "2017")} == {"a2018"}
    assert {r["doc"] for r in _quotes(runner, quotes_db, "--speaker", "PARLY")} == {"a2018", "b2016"}
    assert _quotes(runner, quotes_db, "--speaker", "nobody at all") == []
    assert {r["doc"] for r in _quotes(runner, quotes_db, "--to", "2016-12")} == {"b2016"}
    assert {r["doc"] for r in _quotes(runner, quotes_db, "--doc", "b2016")} == {"b2016"}
    hits = _quotes(runner, quotes_db, "--search", "allie mediterranee")  # accents, inflection
    assert [r["quote"] for r in hits] == ["Nous renforcerons nos alliés en Méditerranée"]
    bad = runner.invoke(cli, ["quotes", "--db", str(quotes_db), "--search", '"'])
    assert bad.exit_code == 2


def test_offsets_index_the_shown_text_and_show_lists_quotes(runner, quotes_db) -> None:
    doc = json.loads(runner.invoke(cli, ["show", "a2018", "--db", str(quotes_db),
                                         "--format", "json"]).output)
    assert doc["quotes"]
    for q in doc["quotes"]:
        assert doc["text"][q["start"]:q["end"]] == q["quote"]
    table = runner.invoke(cli, ["quotes", "--db", str(quotes_db), "--format", "table"])
    assert table.exit_code == 0 and "Florence Parly" in table.output


def test_reingest_replaces_quotes(runner, quotes_db, tmp_path) -> None:
    before = _quotes(runner, quotes_db)
    again = runner.invoke(cli, ["ingest", str(tmp_path / "raw"), "--db", str(quotes_db), "--force"])
    assert again.exit_code == 0, again.output
    assert _quotes(runner, quotes_db) == before
    (tmp_path / "raw" / "b2016.txt").write_text("Parly a visité Lorient sans rien dire.\n", "utf-8")
    runner.invoke(cli, ["ingest", str(tmp_path / "raw"), "--db", str(quotes_db)])
    assert [r for r in _quotes(runner, quotes_db) if r["doc"] == "b2016"] == []


def test_annotate_returns_quotes_with_offsets(runner) -> None:
    text = "« Le port sera agrandi », a annoncé le maire Jean Dupont."
    out = runner.invoke(cli, ["annotate", "--format", "json"], input=text)
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    (q,) = data["quotes"]
    assert set(q) == {"start", "end", "quote", "kind", "verb", "speaker", "speaker_id", "speaker_text"}
    assert data["text"][q["start"]:q["end"]] == q["quote"] == "Le port sera agrandi"
    assert q["speaker"] == "Jean Dupont" and q["speaker_id"]


def test_quotes_command_in_a_pipe_without_spacy(quotes_db) -> None:
    """The console script, piped: JSON by default; and the command never imports spaCy."""
    corpus = Path(sys.executable).with_name("corpus")
    out = subprocess.run(
        f"{corpus} quotes --speaker parly --from 2017 --db {quotes_db} | {sys.executable} -c "
        "'import json,sys; print(len(json.load(sys.stdin)))'",
        shell=True, capture_output=True, text=True, check=True,
    )
    assert int(out.stdout) >= 1
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom mattis_corpus.cli import cli\n"
        f"r = CliRunner().invoke(cli, ['quotes', '--db', {str(quotes_db)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(' '.join(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')"
        " or m.startswith('mattis_corpus.nlp')))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == ""


def test_a_pronoun_is_not_the_person_the_statement_talks_about(nlp) -> None:
    """"Il" would resolve to the last person named, but the reported clause names that very
    person in the third person: the speaker is someone else, and unknown."""
    text = ("Le général Paul Martin a quitté le ministère jeudi. Il a écrit que le général "
            "Martin « prendrait sa retraite » à la fin du mois.")
    quotes = found(nlp, text)
    assert quotes and all(speaker is None for _, _, _, speaker, _ in quotes)


def test_a_partial_quote_inside_a_reported_clause_is_one_statement(nlp) -> None:
    text = ("Le ministre Paul Martin a affirmé que Paris n'interviendrait pas « dans les affaires "
            "intérieures des autres pays ».")
    quotes = found(nlp, text)
    assert len(quotes) == 1 and quotes[0][1] == "indirect" and quotes[0][3] == "Paul Martin"
