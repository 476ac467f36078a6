"""A person needs evidence in its document (issue 19, real pages).

The NER calls many unknown capitalised words persons: brands, software, works, buttons
("Keynote", "AdBlock", "Découvrez"). A reader knows a person by what the text says of it, so
a lone word stays a person only with one of these in its document:

* a given name in one of its mentions (then its name has two words or more, or is the given
  name itself: "Cédric");
* a title or a civility before a mention ("M. Lloris", "le général Verdier", "M . Mandel");
* a mention subject of a verb ("X a déclaré", "estime X", "X est revenu"; a reporting verb
  of speech_verbs_fr.txt even when the tagger misreads it), the agent of a passive ("marqué
  par X"), or the source after "selon" / "d'après";
* a mention followed by an age ("X, 34 ans") or listed beside another person
  ("Cunego, Gesink et Zubeldia");
* the gazetteer knowing the name.

Without any, the entity is retyped MISC (a name, not a person's). Only lone words named once
are weighed: "Prénom Nom" is the shape of a person already, and a name the text comes back to
is what the article is about (weighing those too lost more surnames than brands on the pages).

spaCy is never imported here at import time: the module only reads Doc/Token attributes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from mattis_corpus.canon import name_tokens
from mattis_corpus.french import APOSTROPHES
from mattis_corpus.nlp.entities.gazetteer import gazetteer
from mattis_corpus.nlp.entities.lexicon import determiners, person_titles, titles, type_cues
from mattis_corpus.nlp.entities.spans import Candidate, char_bounds, doc_text
from mattis_corpus.nlp.quotes.verbs import speech_verb
from mattis_corpus.textutil import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

# what the press writes right before a source it quotes: "selon X", "d'après X"
_SOURCE_CUES = re.compile(rf"(?:\bselon|\bd[{re.escape(APOSTROPHES)}]apr[eè]s)\s+$", re.I)
# "X, 34 ans," "X (34 ans)": an age is said of a person only
_AGE = re.compile(r"^\s*[,(]\s*\d{1,3}\s+ans\b")
# "Cunego, Gesink et Zubeldia": the glue of a list of names
_LIST_GLUE = re.compile(rf"^(?:\s*,\s*|\s*,?\s+(?:et|ou)\s+)(?:de\s+|d[{re.escape(APOSTROPHES)}]|[A-Z][a-z]{{0,2}}\s?\.\s*)?$")


# what names a woman by her birth name: "Mme Lucie Arnaud, née Berthier"
_BORN = frozenset({"née", "né", "nee"})  # not "ne": the negation


def _titled(doc: Doc, cand: Candidate) -> bool:
    """A title or civility in the two words before the mention, also when the NER left it out
    of the candidate or a scan spaced its full stop ("M . Mandel", "MM.Laval", "Mme veuve
    Durand"); "née X"; or a role noun in apposition ("le sieur Aubert", "le conseiller
    Bailly", "l'Italien Guerra"), unless that noun types names itself ("le logiciel X")."""
    if cand.title:
        return True
    for i in range(cand.start - 1, max(-1, cand.start - 3), -1):
        word = doc[i].text
        if word == "." and i > 0:
            word = doc[i - 1].text + "."
        key = fold(word)
        if key in titles() or key in person_titles():
            return True
    i = cand.start - 1
    if i < 0:
        return False
    before = doc[i]
    if before.lower_ in _BORN:
        return True
    return (i > 0 and before.pos_ in ("NOUN", "ADJ") and before.text.islower() and before.is_alpha
            and _elided(doc[i - 1].lower_) in determiners() and before.lower_ not in type_cues())


def _elided(word: str) -> str:
    """The word with its elision written with the straight apostrophe ("l’" -> "l'")."""
    return word[:-1] + "'" if word[-1:] in APOSTROPHES else word


def _speaks(doc: Doc, cand: Candidate) -> bool:
    """A mention subject of a verb or agent of a passive, the source after "selon"/"d'après",
    or followed by an age: what the text says of a person."""
    for tok in doc[cand.start : cand.end]:
        if tok.dep_ == "obl:agent" and tok.head.pos_ == "VERB":
            return True
        outside = not (cand.start <= tok.head.i < cand.end)
        if outside and tok.dep_.startswith("nsubj") and (tok.head.pos_ == "VERB" or speech_verb(tok.head)):
            return True
    start, end = char_bounds(doc, cand)
    text = doc_text(doc)
    return bool(_SOURCE_CUES.search(text[max(0, start - 12) : start]) or _AGE.match(text[end : end + 12]))


def _listed_with_person(doc: Doc, cand: Candidate, persons: list[Candidate]) -> bool:
    """A mention glued by a comma or "et" to another person's mention."""
    text = doc_text(doc)
    start, end = char_bounds(doc, cand)
    for other in persons:
        if other is cand:
            continue
        o_start, o_end = char_bounds(doc, other)
        if 0 <= start - o_end <= 5 and _LIST_GLUE.match(text[o_end:start]):
            return True
        if 0 <= o_start - end <= 5 and _LIST_GLUE.match(text[end:o_start]):
            return True
    return False


def _has_evidence(doc: Doc, group: list[Candidate], persons: list[Candidate]) -> bool:
    """Whether any mention of one entity says it is a person (see the module's docstring)."""
    name = group[0].name or doc_text(doc)[slice(*char_bounds(doc, group[0]))]
    toks = name_tokens(name)
    gaz = gazetteer()
    if len(toks) != 1 or len(group) > 1 or gaz.is_first_name(toks[0]):
        return True
    return any(
        c.gaz is not None
        or _titled(doc, c)
        or _speaks(doc, c)
        or _listed_with_person(doc, c, persons)
        for c in group
    )


def unsupported_persons(doc: Doc, cands: list[Candidate]) -> None:
    """Retype MISC the lone-word persons of the document no mention gives evidence for. In
    place; run once the persons are named (a short form has its full name then)."""
    persons = [c for c in cands if c.label == "PER"]
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in persons:
        groups[fold(c.name or doc_text(doc)[slice(*char_bounds(doc, c))])].append(c)
    for group in groups.values():
        if not _has_evidence(doc, group, persons):
            for c in group:
                c.label = "MISC"
