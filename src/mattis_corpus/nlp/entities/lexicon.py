"""The word lists of the entity rules, each read once from its data file.

Every list is ``mattis_corpus/data/<name>.txt`` (one entry per line, ``#`` lines are comments;
each file's header says what the list is for and where it came from). This module gives one
cached function per list, as the rules use it: a frozenset (folded with
:func:`mattis_corpus.textutil.fold` where the rules compare folded text) or, for the type cues,
a dict from noun to entity type. It reads files and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from mattis_corpus.lexicons import entries
from mattis_corpus.textutil import fold


def _word_list(name: str, doc: str, folded: bool = False) -> Callable[[], frozenset[str]]:
    """A cached reader of the data file ``name`` as a frozenset (folded if ``folded``): one
    definition for the many plain lists, each keeping its own docstring."""

    @cache
    def read() -> frozenset[str]:
        words = entries(name)
        return frozenset(fold(w) for w in words) if folded else frozenset(words)

    read.__name__ = read.__qualname__ = name
    read.__doc__ = doc
    return read


determiners = _word_list(
    "determiners_fr",
    """Articles, contractions and elisions never part of a name ("l'OTAN" -> "OTAN").""",
)
titles = _word_list(
    "titles_fr",
    "Honorifics and functions kept out of a person's span but stored in Mention.title (folded).",
    folded=True,
)
person_titles = _word_list(
    "person_titles_fr",
    """Titles after which a capitalised word is a person on its own ("M. Tillerson"), folded.""",
    folded=True,
)
title_modifiers = _word_list(
    "title_modifiers_fr",
    """Words that only qualify a title: "Premier ministre", "ancien président" (folded).""",
    folded=True,
)
name_links = _word_list(
    "name_links",
    """Lowercase or capitalised links inside a person's name: "Le Drian", "von der Leyen".""",
)
hyphen_clitics = _word_list(
    "hyphen_clitics_fr",
    """Hyphen-glued tails that end a verb or a demonstrative, not a name: "-t-il", "-là".""",
)
work_cues = _word_list(
    "work_cues_fr", """Nouns announcing the title of a work: le film « Anatomie d'une chute »."""
)
org_heads = _word_list(
    "org_heads_fr",
    """First words of a multi-word name that make it an organisation: "Conseil", "Cour" (folded).""",
    folded=True,
)
org_tails = _word_list(
    "org_tails_fr",
    """Last words of a multi-word name that make it a firm: "Média", "SA", "Studio" (folded).""",
    folded=True,
)
common_acronyms = _word_list(
    "common_acronyms_fr",
    """Acronyms that are common nouns ("SMIC", "USB", "PME"), never a name on their own (folded).""",
    folded=True,
)
event_heads = _word_list(
    "entity_event_heads_fr",
    """First words of a multi-word name that make it an event: "Salon", "Festival" (folded).""",
    folded=True,
)
ministry_heads = _word_list(
    "ministry_heads_fr", """Nouns starting a ministry's name: "ministère de l'Intérieur"."""
)
coordinators = _word_list(
    "coordinators_fr",
    """Conjunctions at which a span is cut before a lowercase word: "LFI et les écologistes".""",
)
english_function_words = _word_list(
    "function_words_en",
    """English stop words (generated from spaCy's list): "Share This" is page chrome.""",
)
org_name_links = _word_list(
    "org_name_links_fr",
    """Lowercase words carrying a long organisation name on: "de", "pour", "contre", "et".""",
)
unit_nouns = _word_list(
    "unit_nouns_fr",
    """Nouns of military units named by an ordinal: "1er régiment", "11e brigade".""",
)
common_words = _word_list(
    "common_words",
    """The commonest English and French words a dictionary knows, given names left out
    (generated from wordfreq and spaCy's lemma tables): every word of "App Store" is one,
    "Tanovic" in "Danis Tanovic" is not (folded).""",
    folded=True,
)
web_ui_words = _word_list(
    "web_ui_words",
    """Web interface words never an entity alone: "Button", "Iframe", "FAQ" (folded).""",
    folded=True,
)
member_nouns = _word_list(
    "member_nouns_fr",
    """Nouns of a body's members or heads before "de X": "les membres d'Ansar Eddine", "le fondateur d'Iliad" (folded).""",
    folded=True,
)


nobility_titles = _word_list(
    "nobility_titles_fr",
    """Ranks of nobility and clergy before a particle name ("le comte de Mun"), folded.""",
    folded=True,
)
vessel_nouns = _word_list(
    "vessel_nouns_fr",
    """Kinds of ships and aircraft whose name follows ("le paquebot Normandie"): MISC, even over
    the gazetteer ("le cuirassé France").""",
)


@cache
def type_cues() -> dict[str, str]:
    """Lowercase noun -> type of the name right after it ("le constructeur Boeing": ORG).

    The work cues and the vessel nouns are MISC cues too. The returned dict is shared: do not
    modify it.
    """
    cues = dict.fromkeys(entries("work_cues_fr"), "MISC")
    cues.update(dict.fromkeys(entries("vessel_nouns_fr"), "MISC"))
    for entry in entries("type_cues_fr"):
        word, label = entry.rsplit(None, 1)
        cues[word] = label
    return cues


@cache
def place_cues() -> dict[tuple[str, ...], str]:
    """Street, venue and landscape nouns that belong to the place's name ("rue", "centre
    commercial", "mont"), as word tuples, each mapped to its flag: "strict" (also a noun of
    fixed phrases), "direct" (the name right after it only) or ""."""
    cues = {}
    for entry in entries("place_cues_fr"):
        cue, _, flag = entry.partition("\t")
        cues[tuple(cue.split())] = flag.strip()
    return cues
