"""The lemmatizer's word lists answer ``in`` from a set, and lemmatize exactly as the lists do."""

from __future__ import annotations

import pickle

import pytest
import srsly

from mattis_corpus.nlp.speedups.lemma_index import IndexedList, index_lemma_lists


def test_indexed_list_is_a_list_with_the_same_membership():
    items = ["armée", "défense", "état", "", "Armée", 3, ("a", "b")]
    fast = IndexedList(items)
    assert fast == items and list(fast) == items and isinstance(fast, list)
    for probe in [*items, "armee", "etat", "ÉTAT", "défenses", 4, ("a",), None]:
        assert (probe in fast) == (probe in items), probe
    assert ["x"] not in fast  # unhashable probes fall back to the list's own scan
    assert srsly.msgpack_dumps({"w": fast}) == srsly.msgpack_dumps({"w": items})
    again = pickle.loads(pickle.dumps(fast))
    assert again == items and "défense" in again and "nope" not in again


@pytest.fixture
def lemmatizer(nlp):
    """The session model's lemmatizer, its index tables and cache restored afterwards."""
    lem = nlp.get_pipe("lemmatizer")
    table = lem.lookups.get_table("lemma_index")
    saved, cache = dict(table.items()), lem.cache
    yield lem, table
    for key, words in saved.items():
        table[key] = words
    lem.cache = cache


TEXT = ("Les ministres européens ont rappelé jeudi que les armées alliées déploieraient "
        "davantage de bataillons blindés, tandis que les négociateurs reprenaient "
        "leurs pourparlers interrompus sur les missiles hypersoniques. Depuis des mois, le "
        "pays attend le procès du fils de l'ancien chef, qui restera en prison. Le gouvernement "
        "augmentera le budget et nous trouverons des solutions.")


def test_model_index_is_indexed_and_lemmas_are_unchanged(nlp, lemmatizer):
    lem, table = lemmatizer
    assert all(type(words) is IndexedList for words in table.values())  # done at load
    doc = nlp(TEXT)
    lem.cache = {}
    fast = [lem.lemmatize(t)[0] for t in doc]
    for key, words in list(table.items()):
        table[key] = list(words)  # spaCy's own plain lists
    lem.cache = {}
    plain = [lem.lemmatize(t)[0] for t in doc]
    assert fast == plain
    # The index decides these (the future and conditional rules offer "resterer" too).
    assert {"rester", "augmenter", "trouver", "ministre", "reprendre", "négociateur"} <= set(fast)
    index_lemma_lists(nlp)
    assert all(type(words) is IndexedList for words in table.values())
