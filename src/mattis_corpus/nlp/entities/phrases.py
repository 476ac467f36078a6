"""Names built as French noun phrases, which the NER cuts short or misses: long organisation
names and events, addresses and venues, military units.

* "Ligue nationale contre le cancer", "Association des maires de France": an organisation
  head word, its adjectives and its de/pour/contre/et phrases up to a clause boundary are one
  ORG (the NER stops at the first "de" and gives "France" as a place of its own); an event's
  head word so makes one MISC ("Salon de l'agriculture", "Foire de Paris");
* "rue de la Paix", "place Jean-Jaurès", "centre commercial Les Arcades": a street or venue
  noun and the name after it are one LOC, the noun included;
* "152e RI", "1er régiment de chasseurs parachutistes": an ordinal and a unit noun (or an
  acronym) are one ORG.

:func:`phrase_candidates` adds them and drops the NER pieces inside. The word lists are data
files read by :mod:`mattis_corpus.nlp.entities.lexicon`. spaCy is never imported here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mattis_corpus.labels import ENTITY_TYPES
from mattis_corpus.nlp.entities.forms import capital_run
from mattis_corpus.nlp.entities.gazetteer import gazetteer
from mattis_corpus.nlp.entities.given_names import first_name_run
from mattis_corpus.nlp.entities.lexicon import (
    event_heads,
    org_heads,
    org_name_links,
    place_cues,
    unit_nouns,
)
from mattis_corpus.nlp.entities.spans import Candidate, elided, token_texts
from mattis_corpus.textutil import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ARTICLES = frozenset({"la", "le", "les", "l'"})
_DE = frozenset({"de", "du", "des", "d'"})
_CLOSED = frozenset({"VERB", "AUX", "DET", "ADP", "PRON", "CCONJ", "SCONJ", "ADV", "NUM", "PUNCT"})
_ORDINAL = re.compile(r"^\d{1,3}(?:e|er|re|ère|ème|eme)$")
_UNIT_ACRONYM = re.compile(r"^[A-Z]{2,6}[a-z]?$")
_MAX_TOKENS = 16  # a name longer than this is a sentence the grammar misread


# --------------------------------------------------------------------------- noun phrases


def _content_word(tok: Token) -> bool:
    """A lowercase noun or adjective inside a name ("retraités", "parachutistes")."""
    return tok.is_lower and tok.is_alpha and tok.pos_ not in _CLOSED


def _adjectives(doc: Doc, j: int) -> int:
    """End of the lowercase adjectives from ``j``, "et" between two ("olympique et sportif")."""
    while j < len(doc):
        if _adjective(doc[j]):
            j += 1
        elif doc[j].lower_ == "et" and j + 1 < len(doc) and _adjective(doc[j + 1]):
            j += 2
        else:
            break
    return j


def _adjective(tok: Token) -> bool:
    """A lowercase adjective that is not the sentence's root (a verb the tagger misread)."""
    return tok.is_lower and tok.pos_ == "ADJ" and tok.dep_ != "ROOT"


def _names_itself(doc: Doc, j: int, end: int, types: tuple[str, ...]) -> bool:
    """The capitalised words ``j:end`` are a name of their own: a person ("Prénom Nom"), or a
    gazetteer entry of one of ``types`` (a known organisation, country or city)."""
    if first_name_run(doc, j, strict=False) is not None:
        return True
    entry = gazetteer().lookup(doc[j:end].text)
    return entry is not None and entry.type in types


def _phrase_end(doc: Doc, j: int) -> int | None:
    """End of the phrase after a link at ``j``: [article] (Name | noun adjectives [, noun]*)."""
    if j < len(doc) and doc[j].lower_ in _ARTICLES:
        j += 1
    if j >= len(doc):
        return None
    run = capital_run(doc, j)
    if run > j:
        return None if _names_itself(doc, j, run, ("ORG", "PER")) else run
    if not _content_word(doc[j]):
        return None
    if doc[j].pos_ == "ADJ" and j + 1 < len(doc) and _content_word(doc[j + 1]):
        j += 1  # an adjective before its noun: "des anciens combattants"
    k = _adjectives(doc, j + 1)
    # a list of nouns: "des retraités, invalides et veuves de guerre"
    while (
        k + 2 < len(doc)
        and doc[k].text == ","
        and _content_word(doc[k + 1])
        and (doc[k + 2].text == "," or doc[k + 2].lower_ == "et")
    ):
        k = _adjectives(doc, k + 2)
    return k


def name_tail(doc: Doc, j: int, links: frozenset[str] | None = None) -> int:
    """End of a name's adjectives and link phrases from ``j`` (``j`` itself if none); the
    links are the organisations' ("de", "pour", "sur", ...) unless ``links`` is given."""
    links = org_name_links() if links is None else links
    end = _adjectives(doc, j)
    while end < len(doc) and end - j < _MAX_TOKENS and doc[end].lower_ in links:
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        if nxt is None or (doc[end].lower_ == "et" and nxt.lower_ in _ARTICLES):
            break  # "la Confédération paysanne et la Coordination rurale": two names
        start = end + 2 if doc[end].lower_ == "et" and nxt.lower_ in _DE else end + 1
        phrase = _phrase_end(doc, start)
        if phrase is None:
            break
        end = _adjectives(doc, phrase)
    return end


# --------------------------------------------------------------------------- the forms


def head_name_end(doc: Doc, i: int) -> tuple[int | None, str]:
    """End and type of a long name at ``i`` led by an organisation's head word ("Union
    nationale des retraités, ...": ORG) or an event's ("Salon de l'agriculture": MISC); None
    when the head word is alone or not capitalised."""
    tok = doc[i]
    head = fold(tok.text)
    label = "ORG" if head in org_heads() else "MISC" if head in event_heads() else None
    if label is None or not tok.text[:1].isupper():
        return None, ""
    end = name_tail(doc, i + 1)
    return (end, label) if end > i + 1 else (None, "")


def unit_end(doc: Doc, i: int) -> int | None:
    """End of a military unit at ``i``: "152e RI", "1er régiment de chasseurs parachutistes",
    "35e d'infanterie"."""
    if not _ORDINAL.match(doc[i].text) or i + 1 >= len(doc):
        return None
    nxt = doc[i + 1]
    if _UNIT_ACRONYM.match(nxt.text) and not nxt.is_lower:
        return i + 2
    # a unit's name goes on only through "de": "152e régiment d'infanterie" and not "... sur
    # la place d'armes de Gérardmer"
    if nxt.lower_ in unit_nouns():
        return name_tail(doc, i + 2, _DE)
    if nxt.lower_ in ("de", "d'") and i + 2 < len(doc) and doc[i + 2].lower_ in unit_nouns():
        return name_tail(doc, i + 3, _DE)  # "le 35e d'infanterie"
    return None


_INDEFINITE = frozenset({"un", "une"})
_ROAD_CODE = re.compile(r"^[A-Z]{1,2}\d{1,4}$")  # a road's number: "A7", "N13", "D906"


def place_end(doc: Doc, i: int) -> int | None:
    """End of an address or venue at ``i``: "rue de la Paix", "gare Saint-Lazare"."""
    texts = token_texts(doc)
    for cue, flag in place_cues().items():
        n = len(cue)
        if tuple(t.lower() for t in texts[i : i + n]) != cue or not texts[i].islower():
            continue
        strict = flag == "strict"
        if (strict and _fixed_phrase_before(texts, i)) or (i and texts[i - 1].lower() in _INDEFINITE):
            return None  # "mise en place"; "un tunnel de Sierre" is a tunnel in Sierre
        j = i + n
        through_de = j < len(doc) and doc[j].lower_ in _DE
        if (
            flag == "direct"
            and j < len(doc)
            and (through_de or elided(doc[j].text) in ("Les", "La", "Le", "L'"))
        ):
            return None  # "la mer du Nord": the text marks "Nord" or the whole, left to the NER
        if through_de:
            j += 1
            if j < len(doc) and elided(doc[j].lower_) in ("la", "l'"):
                j += 1
        elif j < len(doc) and _ROAD_CODE.match(doc[j].text):
            return j + 1  # "l'autoroute A7", "la route D906"
        elif j < len(doc) and elided(doc[j].text) in ("Les", "La", "Le", "L'"):
            j += 1  # "centre commercial Les Arcades"
        run = capital_run(doc, j)
        # "à la place de Jean Dupont", "la place de la France": a seat, not a square
        if run == j or (strict and through_de and _names_itself(doc, j, run, ENTITY_TYPES)):
            return None
        return run
    return None


def _fixed_phrase_before(texts: list[str], i: int) -> bool:
    """ "mise en place", "au cours de", "sur place", "à la place de": no street here."""
    prev = texts[i - 1].lower() if i >= 1 else ""
    return prev in ("en", "au", "sur") or (prev == "la" and i >= 2 and texts[i - 2] == "à")


# --------------------------------------------------------------------------- candidates


def _phrase_at(doc: Doc, i: int) -> tuple[int | None, str]:
    """The phrase name starting at ``i`` and its type, if any."""
    end = unit_end(doc, i)
    if end is not None:
        return end, "ORG"
    end = place_end(doc, i)
    if end is not None:
        return end, "LOC"
    return head_name_end(doc, i)


def phrase_candidates(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Add the long organisation names, addresses and units; drop the candidates inside them.

    A phrase gives way to a candidate that crosses its bounds (the NER or the gazetteer found a
    name that starts before it or ends after it), and to a gazetteer name of the same extent.
    """
    out = list(cands)
    i = 0
    while i < len(doc):
        end, label = _phrase_at(doc, i)
        if end is None or end - i > _MAX_TOKENS or "\n" in doc[i:end].text:
            i += 1
            continue
        inside = [c for c in out if c.start < end and i < c.end]
        same = [c for c in inside if (c.start, c.end) == (i, end)]
        if any(c.start < i or c.end > end for c in inside) or any(
            c.gaz is not None or c.label == label for c in same
        ):
            i += 1
            continue
        gone = {id(c) for c in inside}
        out = [c for c in out if id(c) not in gone]
        out.append(Candidate(i, end, label, recovered=True, extra={"phrase": True}))
        i = end
    return sorted(out, key=lambda c: c.start)
