"""The word lists of the entity rules, each read once from its data file.

Every list is ``mattis_corpus/data/<name>.txt`` (one entry per line, ``#`` lines are comments;
each file's header says what the list is for and where it came from). This module gives one
cached function per list, as the rules use it: a frozenset (folded with
:func:`mattis_corpus.textutil.fold` where the rules compare folded text) or, for the type cues,
a dict from noun to entity type. It reads files and nothing else.
"""

from __future__ import annotations

from functools import cache

from mattis_corpus.lexicons import entries
from mattis_corpus.textutil import fold


@cache
def determiners() -> frozenset[str]:
    """Articles, contractions and elisions never part of a name ("l'OTAN" -> "OTAN")."""
    return frozenset(entries("determiners_fr"))


@cache
def titles() -> frozenset[str]:
    """Honorifics and functions kept out of a person's span but stored in Mention.title (folded)."""
    return frozenset(fold(t) for t in entries("titles_fr"))


@cache
def person_titles() -> frozenset[str]:
    """Titles after which a capitalised word is a person on its own ("M. Tillerson"), folded."""
    return frozenset(fold(t) for t in entries("person_titles_fr"))


@cache
def title_modifiers() -> frozenset[str]:
    """Words that only qualify a title: "Premier ministre", "ancien président" (folded)."""
    return frozenset(fold(t) for t in entries("title_modifiers_fr"))


@cache
def name_links() -> frozenset[str]:
    """Lowercase or capitalised links inside a person's name: "Le Drian", "von der Leyen"."""
    return frozenset(entries("name_links"))


@cache
def hyphen_clitics() -> frozenset[str]:
    """Hyphen-glued tails that end a verb or a demonstrative, not a name: "-t-il", "-là"."""
    return frozenset(entries("hyphen_clitics_fr"))


@cache
def work_cues() -> frozenset[str]:
    """Nouns announcing the title of a work: le film « Anatomie d'une chute »."""
    return frozenset(entries("work_cues_fr"))


@cache
def type_cues() -> dict[str, str]:
    """Lowercase noun -> type of the name right after it ("le constructeur Boeing": ORG).

    The work cues are MISC cues too. The returned dict is shared: do not modify it.
    """
    cues = dict.fromkeys(entries("work_cues_fr"), "MISC")
    for entry in entries("type_cues_fr"):
        word, label = entry.rsplit(None, 1)
        cues[word] = label
    return cues


@cache
def org_heads() -> frozenset[str]:
    """First words of a multi-word name that make it an organisation: "Conseil", "Cour" (folded)."""
    return frozenset(fold(w) for w in entries("org_heads_fr"))


@cache
def ministry_heads() -> frozenset[str]:
    """Nouns starting a ministry's name: "ministère de l'Intérieur"."""
    return frozenset(entries("ministry_heads_fr"))


@cache
def coordinators() -> frozenset[str]:
    """Conjunctions at which a span is cut before a lowercase word: "LFI et les écologistes"."""
    return frozenset(entries("coordinators_fr"))


@cache
def english_function_words() -> frozenset[str]:
    """English stop words (generated from spaCy's list): "Share This" is page chrome."""
    return frozenset(entries("function_words_en"))
