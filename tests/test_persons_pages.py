"""Person rules found on real news pages (issue 19): who is a person, as general rules.

Sentences written for these tests (no page text copied); each case would fail without the
rule it names (checked against the code before the rule).
"""

from __future__ import annotations

from mattis_corpus.nlp.entities.mentions import extract_mentions
from mattis_corpus.nlp.entities.people import person_rules
from mattis_corpus.nlp.entities.person_cues import clitic_form, hyphen_toponym
from mattis_corpus.nlp.entities.spans import Candidate, cand_text


def persons(nlp, text: str) -> set[str]:
    return {m.name for m in extract_mentions(nlp(text)) if m.type == "PER"}


def test_clitic_and_adverb_forms_are_no_names():
    for text in ("Peut-on", "Faut-il", "Là-dessus", "Italie-là", "Peut-être", "Dit-elle"):
        assert clitic_form(text), text
    for text in ("Kim Jong-un", "Tsai Ing-wen", "Jean-Pierre", "Anne-Sophie Lapix"):
        assert not clitic_form(text), text


def typed_as(nlp, text: str, words: str, label: str = "PER") -> list[tuple[str, str]]:
    """The person rules on one candidate over ``words`` typed ``label`` (as the NER may type it)."""
    doc = nlp(text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words))
    cands = person_rules(doc, [Candidate(span.start, span.end, label)], set())
    return [(cand_text(doc, c), c.label) for c in cands]


def test_clitic_forms_dropped_by_person_rules(nlp):
    assert typed_as(nlp, "Faut-il renoncer au traité ? Claire Vannier hésite.", "Faut-il") == []
    assert typed_as(nlp, "Là-dessus, Paul Arnoux a répondu.", "Là-dessus") == []


def test_hyphenated_place_shape():
    for text in ("Braine-le-Comte", "Alpe-d'Huez", "Boulogne-sur-Mer", "Saint-Jean-de-Luz",
                 "Châlons-en-Champagne"):
        assert hyphen_toponym(text), text
    for text in ("Jean-Pierre", "Anne-Sophie Lapix", "Jong-un", "Dornford-May"):
        assert not hyphen_toponym(text), text


def test_hyphenated_place_is_no_person(nlp):
    text = "Le coureur Marc Lemoine a gagné à Braine-le-Comte dimanche, devant Louis Perrin."
    assert typed_as(nlp, text, "Braine-le-Comte") == [("Braine-le-Comte", "LOC")]


def test_heading_word_written_lowercase_elsewhere_is_no_person(nlp):
    text = ("Invitée de l'émission, l'actrice Claire Vannier parle de son film.\n\n"
            "Elle était l'invitée du soir, et Claire Vannier a beaucoup ri.")
    assert "Invitée" not in persons(nlp, text)


def test_town_located_by_its_region_is_a_place(nlp):
    text = "Un accord a été signé à Bougival (Yvelines) par Claire Vannier."
    assert typed_as(nlp, text, "Bougival") == [("Bougival", "LOC")]


def test_town_located_once_is_a_place_throughout(nlp):
    text = "L'accord de Bougival (Yvelines) est fragile. Bougival reste un symbole, dit Paul Arnoux."
    doc = nlp(text)
    cands = []
    for word, label in (("Bougival (", "LOC"), ("Bougival reste", "PER")):  # as the NER types them
        at = text.index(word)
        span = doc.char_span(at, at + len("Bougival"))
        cands.append(Candidate(span.start, span.end, label))
    assert [c.label for c in person_rules(doc, cands, set())] == ["LOC", "LOC"]


def test_rider_with_his_country_in_brackets_stays_a_person(nlp):
    text = "À l'arrivée, Tadej Pogacar (Slovénie) devance Jonas Vingegaard (Danemark) de dix secondes."
    assert typed_as(nlp, text, "Tadej Pogacar") == [("Tadej Pogacar", "PER")]
