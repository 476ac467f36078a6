"""Cues of form and syntax that tell a person from another name (issue 19, real pages).

Rules :func:`mattis_corpus.nlp.entities.people.person_rules` runs on the typed candidates:

* a word glued by a hyphen to a clitic or an adverb ("Peut-on", "Faut-il", "Là-dessus",
  "Italie-là") is a verb or an adverb form, no name;
* a hyphenated name with a lowercase article or preposition inside ("Braine-le-Comte",
  "l'Alpe-d'Huez", "Boulogne-sur-Mer") is a French place name, no person;
* a name followed by a known place in brackets ("à Bougival (Yvelines)", "Fleurus (Hainaut)")
  is a place: the press locates a town by its département, province or country so (a rider's
  country after his full name, "Tadej Pogacar (Slovénie)", is not this);
* a lone capitalised word opening a sentence or a heading, with no title and no full name
  behind it, whose lowercase form the same document also uses ("Attaque au couteau ...",
  "... l'attaque"), is a common word capitalised by its position.

spaCy is never imported here at import time: the module only reads Doc/Token attributes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mattis_corpus.french import APOSTROPHES
from mattis_corpus.nlp.entities.gazetteer import gazetteer
from mattis_corpus.nlp.entities.lexicon import hyphen_clitics
from mattis_corpus.nlp.entities.spans import Candidate, doc_text, is_sentence_initial
from mattis_corpus.textutil import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Adverbs French glues by a hyphen to a word ("peut-être", "là-dessus", "ci-dessous"): the
# grammar's closed set, besides the clitic pronouns of hyphen_clitics_fr.txt.
_ADVERB_TAILS = frozenset({"-être", "-dessus", "-dessous", "-dedans", "-dehors", "-bas", "-haut"})


def clitic_form(text: str) -> bool:
    """A span ending in a hyphenated clitic or adverb is a verb or adverb form: "Peut-on",
    "Faut-il", "Là-dessus", "Italie-là" (a name never ends so: "Kim Jong-un" has "-un")."""
    words = text.split()
    if not words or "-" not in words[-1]:
        return False
    tail = "-" + words[-1].lower().rsplit("-", 1)[1]
    return tail in hyphen_clitics() or tail in _ADVERB_TAILS


# "Braine-le-Comte", "Alpe-d'Huez", "Châlons-en-Champagne", "Boulogne-sur-Mer", "Saint-Jean-de-Luz"
_APOS = re.escape(APOSTROPHES)
_TOPONYM = re.compile(
    rf"^[A-ZÀ-Ý][\w{_APOS}]*(?:-[\w{_APOS}]+)*-"
    rf"(?:(?:le|la|les|de|du|des|sur|sous|en|lès|lez|aux|et)-|[dl][{_APOS}])[A-ZÀ-Ý]"
)


def hyphen_toponym(text: str) -> bool:
    """One hyphenated word with a lowercase article or preposition inside, before a capital:
    the shape of French place names ("Braine-le-Comte", "Alpe-d'Huez"), not of people's."""
    words = text.split()
    return len(words) == 1 and bool(_TOPONYM.match(words[0]))


def common_by_position(doc: Doc, cand: Candidate, lower_words: frozenset[str]) -> bool:
    """A lone capitalised word opening a sentence or heading, no given name, whose lowercase
    form the document writes elsewhere ("Attaque au couteau" / "l'attaque"): capitalised by
    its place, a common word the lexicon lacks, no person."""
    if cand.end - cand.start != 1 or cand.title or not is_sentence_initial(doc, cand.start):
        return False
    tok = doc[cand.start]
    key = fold(tok.text)
    return (
        tok.is_alpha
        and not tok.text.isupper()
        and key in lower_words
        and not gazetteer().is_first_name(key)
    )


def lowercase_words(doc: Doc) -> frozenset[str]:
    """The folded words the document writes in lowercase (for :func:`common_by_position`)."""
    return frozenset(fold(w) for w in re.findall(r"\b[^\W\d_A-Z][\w-]*", doc_text(doc)) if w.islower())


# the prepositions that introduce a town in a sentence ("à Bougival", "près de Fleurus")
_LOCATIVE = frozenset({"à", "a", "de", "vers", "sur", "depuis", "en"} | {"d" + a for a in APOSTROPHES})


def bracketed_region(doc: Doc, cand: Candidate) -> bool:
    """A place-like name right before a known place in brackets is a town located by its
    region: "à Bougival (Yvelines)", "Fleurus (Hainaut)". A name the NER calls a person counts
    only after a locative preposition and without a given name: "Tadej Pogacar (Slovénie)" in
    a race result is a rider with his country."""
    if cand.label != "LOC":
        before = doc[cand.start - 1].lower_ if cand.start > 0 else ""
        if before not in _LOCATIVE or gazetteer().is_first_name(fold(doc[cand.start].text)):
            return False
    j = cand.end
    if j + 2 >= len(doc) or doc[j].text != "(":
        return False
    close = next((k for k in range(j + 1, min(len(doc), j + 5)) if doc[k].text == ")"), None)
    if close is None or close == j + 1:
        return False
    entry = gazetteer().place(doc[j + 1 : close].text)
    return entry is not None and entry.type == "LOC"
