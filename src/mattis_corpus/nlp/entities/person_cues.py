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
  "... l'attaque"), is a common word capitalised by its position;
* a name glued to an English "'s" ("Sotheby's", "« Marlow's Song »") is a brand or a title;
* "Saint-Ghislain" after "de"/"à" is a town or a church (the saint is "saint Ghislain");
* a lone letter ("sur X."), a name with a digit ("M6-Info") or opening on a Dutch or German
  article ("Het Dagelijkse Blad", "Die Zeit") is no person; a name the page writes as a web
  address ("Kiosquo.fr") is the site; a name in brackets right after a person or a quoted title is the work or its
  publisher ("un film de Paul Arnoux (Jeanne Dufour 1942)", "« La Marée haute » (Albin Michel)").

spaCy is never imported here at import time: the module only reads Doc/Token attributes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mattis_corpus.french import APOSTROPHES
from mattis_corpus.nlp.entities.gazetteer import gazetteer
from mattis_corpus.nlp.entities.lexicon import hyphen_clitics
from mattis_corpus.nlp.entities.spans import Candidate, char_bounds, doc_text, is_sentence_initial
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


_POSSESSIVE = re.compile(rf"[{_APOS}]s\b")


def english_possessive(doc: Doc, cand: Candidate) -> bool:
    """A name glued to an English possessive "'s" in French text is a brand or a title, no
    person: "Sotheby's", "McDonald's", "« Marlow's Song »" (French has no such genitive)."""
    _, end = char_bounds(doc, cand)
    text = doc_text(doc)
    return bool(_POSSESSIVE.match(text, end) or _POSSESSIVE.match(text, end - 1))


_SAINT = re.compile(r"^Sainte?- ?[A-ZÀ-Ý][^ ]*$")  # "Saint- Ghislain": a converter cut the hyphen


def saint_place(doc: Doc, cand: Candidate) -> bool:
    """"Saint-Ghislain" after "de", "à": French writes the saint himself "saint Ghislain" (lower
    case, no hyphen, Lexique des règles typographiques de l'Imprimerie nationale); the
    hyphenated form names a town, a church or a feast."""
    text = doc_text(doc)[slice(*char_bounds(doc, cand))]
    if cand.title or not _SAINT.match(text) or cand.start == 0:
        return False
    return doc[cand.start - 1].lower_ in _LOCATIVE


_FOREIGN_ARTICLES = frozenset({"Het", "Der", "Die", "Das"})


def foreign_title(doc: Doc, cand: Candidate) -> str | None:
    """The type of a name no person bears: one with a digit ("M6-Info", "Aa3": a channel, a
    rating) or opening on a Dutch or German article ("Het Dagelijkse Blad", "Die Zeit", "Der
    Spiegel": a newspaper; "De" is left alone, Flemish surnames start so: "De Smet")."""
    text = doc_text(doc)[slice(*char_bounds(doc, cand))]
    if any(ch.isdigit() for ch in text):
        return "ORG" if sum(ch.isupper() for ch in text) >= 2 else "MISC"
    first = doc[cand.start - 1].text if cand.start > 0 else ""  # the NER may leave the article out
    if text.split()[0] in _FOREIGN_ARTICLES or first in _FOREIGN_ARTICLES:
        return "ORG"
    return None


def lone_letter(text: str) -> bool:
    """One capital letter, with or without its full stop ("X.", "sur X"): an initial cut from
    its name or a one-letter brand, never a person the article names."""
    return bool(re.fullmatch(r"[A-ZÀ-Ý]\.?", text))


_DOMAIN = re.compile(r"\b([A-Z][\w-]*)\.(?:fr|com|be|ch|ca|net|org|info|eu|lu|tv|io)\b")


def site_names(doc: Doc) -> frozenset[str]:
    """The folded names the document writes as a web address ("Kiosquo.fr", "Kiosquo.be"): the
    site or outlet itself, so that name alone elsewhere ("la newsletter de Kiosquo") is no person."""
    return frozenset(fold(m) for m in _DOMAIN.findall(doc_text(doc)))


_CLOSING_QUOTES = frozenset("»”\"")


def bracket_after_name(doc: Doc, cand: Candidate, person_ends: set[int]) -> bool:
    """A name in brackets right after a person or a quoted title is the work or its publisher:
    "un film de Paul Arnoux (Jeanne Dufour 1942)", "« La Marée haute » (Albin Michel)". The press
    puts a person's party, country or age there, never another person."""
    i = cand.start - 1
    if i >= 1 and doc[i].lower_ in ("au", "aux", "chez", "éd.", "éditions"):
        i -= 1  # "(Au Seuil)", "(chez Gallimard)"
    if i < 1 or doc[i].text != "(":
        return False
    before = doc[i - 1]
    return before.text in _CLOSING_QUOTES or i in person_ends


def trim_before_given_name(doc: Doc, cands: list[Candidate]) -> None:
    """A person's span starts at its given name: capitalised words before it that are no given
    name are the office or the party the NER took in ("le ministre du Budget Olivier Ramelot",
    "le vice-premier ministre Open Vld Pieter Claes"). In place."""
    gaz = gazetteer()
    for c in cands:
        if c.label != "PER" or c.gaz is not None or c.end - c.start < 3:
            continue
        if gaz.is_first_name(fold(doc[c.start].text)):
            continue
        for k in range(c.start + 1, c.end - 1):
            if not doc[k - 1].text[:1].isupper():
                break  # "Pierre de Saint-Exupéry": a particle, the name began earlier
            if gaz.is_first_name(fold(doc[k].text)) and all(
                doc[t].text[:1].isupper() for t in range(k + 1, c.end)
            ):
                c.start = k
                break


_PLACE_PREPOSITIONS = frozenset({"à", "depuis", "vers"})


def located_places(doc: Doc, cands: list[Candidate]) -> set[str]:
    """The folded names of known places (the gazetteer's cities and countries) the document
    puts after "à", "depuis" or "vers" ("à Brasilia"): the place, wherever else the NER calls
    it a person. A given name is left out ("à Florence" may be said to a woman)."""
    gaz = gazetteer()
    out = set()
    for c in cands:
        if c.start == 0 or doc[c.start - 1].lower_ not in _PLACE_PREPOSITIONS or c.end - c.start > 3:
            continue
        text = doc_text(doc)[slice(*char_bounds(doc, c))]
        entry = gaz.place(text)
        if entry is not None and entry.type == "LOC" and not gaz.is_first_name(fold(text.split()[0])):
            out.add(fold(text))
    return out
