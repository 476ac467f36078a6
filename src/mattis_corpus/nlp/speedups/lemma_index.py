"""The lemmatizer's word lists made to answer ``in`` from a set (spaCy scans them as lists)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language


class IndexedList(list):
    """A list whose ``in`` is a set lookup; everything else (order, equality, msgpack and
    pickle) stays a list's. Its items must not change after it is built."""

    __slots__ = ("_members",)

    def __init__(self, items: Iterable = ()) -> None:
        super().__init__(items)
        self._members = frozenset(x for x in self if isinstance(x, str))

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._members
        return list.__contains__(self, item)


def index_lemma_lists(nlp: Language) -> None:
    """Make the lemmatizer's word lists answer ``in`` from a set.

    spaCy's French rule lemmatizer asks ``form in index`` of its ``lemma_index`` lists (66,191
    nouns, 28,022 adjectives...), a linear scan for every word it has not cached yet and for
    each candidate its suffix rules produce: ~70 µs a word, half of the first batch's extra cost
    in each process and a steady cost for each new word. Same answers, same lemmas.
    """
    table = lemma_index_table(nlp)
    if table is None:
        return
    for key, words in list(table.items()):
        if type(words) is list:
            table[key] = IndexedList(words)




def lemma_index_table(nlp: Language) -> Any:
    """The lemmatizer's ``lemma_index`` table (lemmas by part of speech), if the model has one:
    the one reader of it (the entity rules take their common-word lexicon from it too)."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return None
    return lookups.get_table("lemma_index")
