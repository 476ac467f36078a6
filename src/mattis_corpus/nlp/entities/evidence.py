"""A person needs evidence in its document (issue 19, real pages).

The NER calls many unknown capitalised words persons: brands, software, works, buttons
("Keynote", "AdBlock", "Découvrez"). A reader knows a person by what the text says of it, so
a lone word stays a person only with one of these in its document:

* a given name in one of its mentions (then its name has two words or more, or is the given
  name itself: "Cédric");
* a title or a civility before a mention ("M. Lloris", "le général Verdier", "M . Mandel"), or
  a function in apposition after it ("Barroso, le président de la Commission");
* a mention subject of a verb ("X a déclaré", "estime X", "X est revenu"; a reporting verb
  of speech_verbs_fr.txt even when the tagger misreads it), the agent of a passive ("marqué
  par X"), or the source after "selon" / "d'après";
* a mention followed by an age ("X, 34 ans") or listed beside another person
  ("Cunego, Gesink et Zubeldia");
* the gazetteer knowing the name.

Without any, the entity is retyped MISC (a name, not a person's). Only names named once
are weighed: a name the text comes back to is what the article is about (weighing those too
lost more surnames than brands on the pages). "Prénom Nom" is the shape of a person already,
and so is a rare given name before a surname ("Danis Tanovic"); but several words with no
given name first, every one an everyday word ("App Store", "Summer Camp", "Burger King"; the
common English and French words of data/common_words.txt, where famous surnames also sit:
"Kadhafi" alone does not make "Mouammar Kadhafi" a product) are weighed like a lone word,
with a stricter subject cue: a reporting verb only, since a firm launches and buys too.

spaCy is never imported here at import time: the module only reads Doc/Token attributes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from mattis_corpus.canon import name_tokens
from mattis_corpus.french import APOSTROPHES
from mattis_corpus.nlp.entities.gazetteer import gazetteer
from mattis_corpus.nlp.entities.lexicon import (
    common_words,
    determiners,
    member_nouns,
    person_titles,
    title_modifiers,
    titles,
    type_cues,
)
from mattis_corpus.nlp.entities.spans import Candidate, char_bounds, doc_text, elided
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


def titled(doc: Doc, cand: Candidate) -> bool:
    """A title or civility in the two words before the mention, also when the NER left it out
    of the candidate or a scan spaced its full stop ("M . Mandel", "MM.Laval", "Mme veuve
    Durand"); "née X"; or a role noun in apposition ("le sieur Aubert", "le conseiller
    Bailly", "l'Italien Guerra", "le chanteur X", "le nouveau premier secrétaire X"), unless a
    noun there types names otherwise ("le logiciel X")."""
    if cand.title:
        return True
    for i in range(cand.start - 1, max(-1, cand.start - 3), -1):
        word = doc[i].text
        if word == "." and i > 0:
            word = doc[i - 1].text + "."
        key = fold(word)
        if key in titles() or key in person_titles():
            return True
    if cand.start > 0 and doc[cand.start - 1].lower_ in _BORN:
        return True
    return _role_before(doc, cand.start) or _title_of_body(doc, cand.start)


_BODY_LINKS = frozenset({"de", "du", "des", "la", "l'", "d'"})
_BODY_WORDS = 6  # "le premier secrétaire du Parti socialiste X", "le ministre de l'Intérieur X"


def _title_of_body(doc: Doc, start: int) -> bool:
    """A title then the body it heads, right before the name: "le premier secrétaire du Parti
    socialiste X", "la ministre de l'Intérieur X" (capitalised words and "de"/"du"/"la" only,
    between the title and the name)."""
    i, seen_link = start - 1, False
    while i >= 0 and start - i <= _BODY_WORDS:
        tok = doc[i]
        word = elided(tok.lower_)
        if word in _BODY_LINKS:
            seen_link = True
        elif not (tok.is_alpha and (tok.text[0].isupper() or tok.pos_ == "ADJ")):
            break
        i -= 1
    return seen_link and i >= 0 and fold(doc[i].text) in titles()


_ROLE_WORDS = 3  # "le nouveau premier secrétaire X", "du psychologue comportementaliste X"


def _role_before(doc: Doc, start: int) -> bool:
    """Up to three lowercase nouns and adjectives right before ``start`` (or before the bracket
    or colon that opens a list there: "ses meilleurs attaquants (X, Y, Z)"), after a
    determiner, none a noun that types names otherwise (singular or plural): a role in
    apposition."""
    listed = start > 0 and doc[start - 1].text in ("(", ":")
    if listed:  # a list's head names people in the plural: "ses attaquants (X, Y)", not "le marché : X"
        start -= 1
        if start == 0 or "Plur" not in doc[start - 1].morph.get("Number"):
            return False
    i = start - 1
    cues = type_cues()
    while i >= 0 and start - i <= _ROLE_WORDS:
        tok = doc[i]
        if not (tok.pos_ in ("NOUN", "ADJ") and tok.text.islower() and tok.is_alpha):
            break
        if cues.get(tok.lower_, cues.get(tok.lemma_.lower(), "PER")) != "PER":
            return False
        i -= 1
    if start - i <= 1 or i < 0:
        return False
    if elided(doc[i].lower_) in determiners():
        return True
    # any other determiner ("ses", "ce") before a noun: "son nouvel X" is a product's
    return doc[i].pos_ == "DET" and any(doc[k].pos_ == "NOUN" for k in range(i + 1, start))


def _speaks(doc: Doc, cand: Candidate, said_only: bool = False) -> bool:
    """A mention subject of a verb or agent of a passive, the source after "selon"/"d'après",
    or followed by an age: what the text says of a person. ``said_only``: of a reporting verb
    only (a firm launches and buys too: "Burger King a annoncé" is said, "a racheté" is not
    weighed)."""
    for tok in doc[cand.start : cand.end]:
        if not said_only and tok.dep_ == "obl:agent" and tok.head.pos_ == "VERB":
            return True
        outside = not (cand.start <= tok.head.i < cand.end)
        if outside and tok.dep_.startswith("nsubj") and (
                speech_verb(tok.head) or (not said_only and tok.head.pos_ == "VERB")):
            return True
    start, end = char_bounds(doc, cand)
    text = doc_text(doc)
    return bool(_SOURCE_CUES.search(text[max(0, start - 12) : start]) or _AGE.match(text[end : end + 12]))


# ", le président de la Commission", ", député touareg,": the function after the name
_ROLE_AFTER = re.compile(rf"^\s*,\s*(?:(?:le|la|l[{re.escape(APOSTROPHES)}])\s*)?((?:[^\W\d_][\w-]*\s*){{1,3}})")


def role_after(doc: Doc, cand: Candidate) -> bool:
    """A function in apposition right after the mention ("Barroso, le président de la
    Commission européenne", "Nock Ag Attia, député touareg"): a title of titles_fr.txt, only
    qualifiers of title_modifiers_fr.txt before it ("le premier ministre grec"). The name opens
    its clause (a sentence's start or after punctuation): in "les journaux SudPresse, le
    ministre a dit", the comma ends one clause and the title starts the next."""
    if cand.start > 0 and not doc[cand.start].is_sent_start and not doc[cand.start - 1].is_punct:
        return False
    _, end = char_bounds(doc, cand)
    m = _ROLE_AFTER.match(doc_text(doc)[end : end + 60])
    for word in m[1].split() if m else ():
        if fold(word) in titles():
            return True
        if fold(word) not in title_modifiers():
            return False
    return False


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


_INITIALLED = re.compile(r"^[A-ZÀ-Þ]\.(?:-[A-ZÀ-Þ]\.)?\s*[A-ZÀ-Þ][a-zß-ÿ]")


def _own_evidence(doc: Doc, group: list[Candidate]) -> bool:
    """Whether one entity's shape or any of its mentions says it is a person, a list aside
    (see the module's docstring)."""
    name = group[0].name or doc_text(doc)[slice(*char_bounds(doc, group[0]))]
    toks = name_tokens(name)
    gaz = gazetteer()
    if not toks or len(group) > 1 or gaz.is_first_name(toks[0]) or _INITIALLED.match(name):
        return True  # "V. Sapounov": an initial before a surname is a person's shape
    worded = len(toks) > 1  # "App Store", "Summer Camp": no given name, every word an everyday one
    if worded and not all(t in common_words() for t in toks):
        return True  # "Danis Tanovic", "Mouammar Kadhafi": a name's shape already
    return any(c.gaz is not None or titled(doc, c) or role_after(doc, c) or _speaks(doc, c, said_only=worded)
               for c in group)


def _name_key(doc: Doc, cand: Candidate) -> str:
    """The folded name one entity's mentions share (its full name once persons are named)."""
    return fold(cand.name or doc_text(doc)[slice(*char_bounds(doc, cand))])


_LIST_ROUNDS = 3  # "A, B et C" where only A has a cue: B and C are backed in one round


def unsupported_persons(doc: Doc, cands: list[Candidate]) -> None:
    """Retype MISC the would-be persons of the document no mention gives evidence for. In
    place; run once the persons are named (a short form has its full name then). A list backs
    a name only beside a person with evidence of its own: "Keynote, Prezi ou Storyboardthat"
    back nothing, "Cunego, Gesink et Zubeldia ont attaqué" backs all three."""
    persons = [c for c in cands if c.label == "PER"]
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in persons:
        groups[_name_key(doc, c)].append(c)
    backed = {key for key, group in groups.items() if _own_evidence(doc, group)}
    for _ in range(_LIST_ROUNDS):
        backing = [c for key in backed for c in groups[key]]
        more = {key for key, group in groups.items() if key not in backed
                and any(_listed_with_person(doc, c, backing) for c in group)}
        if not more:
            break
        backed |= more
    for key, group in groups.items():
        if key not in backed:
            for c in group:
                c.label = "MISC"


_AT_PLACE = frozenset({"à", "a", "en", "au", "aux", "vers", "depuis", "dans"})


def unknown_places_that_act(doc: Doc, cands: list[Candidate]) -> None:
    """A name the model typed LOC that no place list knows and that speaks as a person does
    (subject of a reporting verb: "Mpoku a expliqué", "selon Mbokani"; the model files many
    African and other surnames under places) is a person; never one written after "à"/"en"
    (a place's place), and every mention of the name goes with it. Any verb would be too
    much: villages, venues and teams named by their town act too ("Bonaguil accueille",
    "Anderlecht a battu"); known places stay places. A function in apposition ("Barroso, le
    président de la Commission", "Nock Ag Attia, député touareg") makes a person of an unknown
    LOC or MISC name too. In place."""
    gaz = gazetteer()
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.label in ("LOC", "MISC") and c.gaz is None:
            groups[fold(doc_text(doc)[slice(*char_bounds(doc, c))])].append(c)
    for group in groups.values():
        name = doc_text(doc)[slice(*char_bounds(doc, group[0]))]
        toks = name.split()
        role = any(role_after(doc, c) for c in group)
        if (not 1 <= len(toks) <= (3 if role else 2)
                or not all(t[:1].isupper() and not t.isupper() for t in toks)
                or gaz.place(name) is not None or gaz.lookup(name) is not None):
            continue
        if any(c.start > 0 and doc[c.start - 1].lower_ in _AT_PLACE for c in group):
            continue
        if role or (group[0].label == "LOC" and any(_speaks(doc, c, said_only=True) for c in group)):
            for c in group:
                c.label = "PER"


_OF = frozenset({"de", "d'", "du"})


def known_places_placed(doc: Doc, cands: list[Candidate]) -> None:
    """A world city the model typed ORG or MISC is a place where a mention of it stands after
    "à"/"en"/"dans" ("la Mission de la Ligue arabe à Homs"), or, for MISC, after "de" ("la
    banlieue de Columbus"). Cities are lookup only (a team or a firm bears a town's name), so
    the place's own preposition decides. Every mention of the name goes with it. In place."""
    gaz = gazetteer()
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.label in ("ORG", "MISC") and c.gaz is None:
            groups[fold(doc_text(doc)[slice(*char_bounds(doc, c))])].append(c)
    for group in groups.values():
        name = doc_text(doc)[slice(*char_bounds(doc, group[0]))]
        if gaz.place(name) is None or gaz.lookup(name) is not None:
            continue
        if any(
            c.start > 0
            and elided(doc[c.start - 1].lower_)
            in (_AT_PLACE | _OF if c.label == "MISC" else _AT_PLACE)
            for c in group
        ):
            for c in group:
                c.label = "LOC"


def member_bodies(doc: Doc, cands: list[Candidate]) -> None:
    """A name whose members or heads are named ("les membres d'Ansar Eddine", "les salariés
    de Dana Air", "le fondateur d'Iliad": the nouns of data/member_nouns_fr.txt, then "de") is
    a body: every mention of it becomes ORG, unless the gazetteer knows it (a place or an
    organisation keeps its type) or a mention has a person's title ("M.", "le général"). A given
    name first proves nothing ("Ansar", "Dana" are given names too). In place, once the persons
    are named."""
    nouns = member_nouns()
    key = {id(c): _name_key(doc, c) for c in cands}
    bodies, kept = set(), set()
    for c in cands:
        if c.gaz is not None or (c.label == "PER" and titled(doc, c)):
            kept.add(key[id(c)])
        elif c.start >= 2 and elided(doc[c.start - 1].lower_) in _OF and fold(doc[c.start - 2].text) in nouns:
            bodies.add(key[id(c)])
    for c in cands:
        if c.label in ("PER", "LOC", "MISC") and key[id(c)] in bodies - kept:
            c.label = "ORG"
