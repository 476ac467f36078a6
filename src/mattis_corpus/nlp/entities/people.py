"""Who is a person and by which name, once the candidates are typed.

Rules :func:`mattis_corpus.nlp.entities.mentions.extract_mentions` runs on its candidates:

* page furniture is no person: a picture credit ("JEAN DUPONT / AFP"), a piece of a link, the
  signature of an embedded post (its account: a person only when it reads "Prénom Nom");
* a quoted title (« Mobile Home »), a name after an article or a number ("un Magritte"), an
  imperative opening a sentence ("Lisez aussi ..."), a rubric noun heading a line ("Assises
  Douai : ...") or capitalised common words after a name ("Claire Denis Meilleure
  Réalisatrice") are no person or no part of one;
* the form and syntax cues of :mod:`mattis_corpus.nlp.entities.person_cues`: "Peut-on" and
  "Braine-le-Comte" are no persons;
* unknown names listed beside a person are persons ("Cunego, Gesink, Zubeldia et Sanchez");
* naming: a short form takes the document's full name ("Macron", "Le Pen", "Cédric"), a given
  name joined by "et" to a full name its surname ("Paolo et Vittorio Taviani"), a misspelt
  surname the other spelling.

spaCy is never imported here at import time: the module only reads Doc/Token attributes.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

from mattis_corpus.canon import name_tokens, person_key, pretty
from mattis_corpus.lexicons import alternation
from mattis_corpus.nlp.entities.evidence import (
    elided,
    member_bodies,
    role_after,
    unsupported_persons,
)
from mattis_corpus.nlp.entities.gazetteer import gazetteer
from mattis_corpus.nlp.entities.given_names import first_name_run
from mattis_corpus.nlp.entities.lexicon import determiners
from mattis_corpus.nlp.entities.person_cues import (
    bracket_after_name,
    bracketed_region,
    clitic_form,
    common_by_position,
    english_possessive,
    foreign_title,
    hyphen_toponym,
    located_places,
    lone_letter,
    lowercase_words,
    saint_place,
    site_names,
    trim_before_given_name,
)
from mattis_corpus.nlp.entities.spans import (
    Candidate,
    cand_text,
    char_bounds,
    common_lower,
    doc_text,
    is_common_word,
    is_sentence_initial,
)
from mattis_corpus.textutil import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

_DETERMINERS = determiners()


def supported_person(doc: Doc, cand: Candidate, people: set[str]) -> bool:
    """A single common-word PER ("Borne") stands only with a title or a full name in the doc.

    The title must stand right before the name ("Mme Borne", "le général Burkhard"): after
    "de la", "du" it names an institution ("le président de la République").
    """
    key = " ".join(name_tokens(cand_text(doc, cand)))
    titled = bool(cand.title) and not (
        cand.start > 0 and doc[cand.start - 1].lower_ in _DETERMINERS
    )
    return titled or key in people


# --------------------------------------------------------------------------- person names


def person_names(doc: Doc, cands: list[Candidate]) -> None:
    """Give each PER candidate the fullest name of the same person in the document.

    A short form ("Mattis", "M. Lavrov") takes the full name whose last word(s) it matches,
    unless two different full names end that way (then it keeps its own text).
    """
    gaz = gazetteer()
    full: list[tuple[list[str], str]] = []
    counts = Counter(pretty(cand_text(doc, c)) for c in cands if c.label == "PER")
    for c in cands:
        if c.label == "PER":
            text = pretty(cand_text(doc, c))
            if len(name_tokens(text)) >= 2:
                full.append((name_tokens(text), text))
    for c in cands:
        if c.label != "PER":
            continue
        text = pretty(cand_text(doc, c))
        toks = name_tokens(text)
        matches = [(ft, fn) for ft, fn in full if toks and ft[-len(toks) :] == toks]
        if len(toks) >= 2:
            matches = [
                (ft, fn)
                for ft, fn in matches
                if person_key(ft, gaz) == person_key(toks, gaz) or len(ft) > len(toks)
            ]
        longer = [(ft, fn) for ft, fn in matches if len(ft) > len(toks)]
        # "Le Pen" is itself a two-word name: the longer "Marine Le Pen" names it
        matches = longer or matches or _by_given_name(toks, full, gaz) or _by_inner_name(toks, full, gaz)
        people = {person_key(ft, gaz) for ft, _ in matches}
        if len(people) == 1:
            c.name = max((fn for _, fn in matches), key=lambda n: (len(n.split()), counts[n], n))
        else:
            c.name = text


def _misspelt(a: str, b: str) -> bool:
    """Two surnames of six letters or more, same first letter, whose letters differ by one
    added or dropped letter at most, order aside: one misspelt ("Modrikamen" / "Mrodikramen",
    "Kowalski" / "Kowasli"); a changed letter ("Dupont" / "Dupond") is another name."""
    a, b = fold(a), fold(b)
    if a == b or min(len(a), len(b)) < 6 or a[0] != b[0]:
        return False
    diff = (Counter(a) - Counter(b)) + (Counter(b) - Counter(a))
    return sum(diff.values()) <= 1


def merge_misspelt(cands: list[Candidate]) -> None:
    """One person's name misspelt once in the document takes its other spelling: full names
    with the same given names and a misspelt surname (see :func:`_misspelt`) are one person,
    named by the most frequent spelling (the first one on a tie). In place."""
    persons = [c for c in cands if c.label == "PER" and len(c.name.split()) >= 2]
    counts = Counter(c.name for c in persons)
    order = list(dict.fromkeys(c.name for c in persons))
    best = {}
    for name in order:
        head, _, surname = name.rpartition(" ")
        for other in order:
            o_head, _, o_surname = other.rpartition(" ")
            more = (counts[other], -order.index(other)) > (counts[name], -order.index(name))
            if more and fold(o_head) == fold(head) and _misspelt(surname, o_surname):
                best[name] = other
    for c in persons:
        c.name = best.get(c.name, c.name)


def _by_given_name(
    toks: list[str], full: list[tuple[list[str], str]], gaz
) -> list[tuple[list[str], str]]:
    """A lone given name ("Cédric") stands for the one full name of the document it starts
    ("Cédric Chouviat"); a word that is no known given name matches nothing here."""
    if len(toks) != 1 or not gaz.is_first_name(toks[0]):
        return []
    return [(ft, fn) for ft, fn in full if len(ft) >= 2 and ft[0] == toks[0]]


def _by_inner_name(
    toks: list[str], full: list[tuple[list[str], str]], gaz
) -> list[tuple[list[str], str]]:
    """A lone word inside one long full name, neither its first nor its last ("Castillo" of
    "Pedro Ramón Castillo Terrones", the paternal surname of a Spanish or Portuguese name):
    that person, when only one full name of the document holds it (and none starts with it:
    a lone given name went to :func:`_by_given_name` first)."""
    if len(toks) != 1:
        return []
    found = [(ft, fn) for ft, fn in full if len(ft) >= 4 and toks[0] in ft[1:-1]]
    return found if len({fn for _, fn in found}) == 1 else []


# --------------------------------------------------------------------------- page furniture


# "JEAN DUPONT / AFP", "(Marc Durand/SIPA)", "Claude Paris/AP/SIPA": a name then the agency
_CREDIT_AFTER = re.compile(
    r"[ \t]*/[ \t]*[A-Z][\w.&'-]*(?:[ \t]*/[ \t]*[A-Z][\w.&'-]*)*[ \t]*(?:[)\n-]|$)"
)
# "REUTERS/Benoit Tessier", "AP/FRANÇOIS MORI": the agency in capitals, then the name
_CREDIT_BEFORE = re.compile(r"(?:^|[\s(])[A-Z][A-Z0-9.&-]+[ \t]*/[ \t]*$")
_LINE_END = re.compile(r"[ \t]*(?:[)\n-]|$)")
# "| Jane Doe via Unsplash": a photographer credited through a picture library, at a line's end
_VIA_CREDIT = re.compile(r"[ \t]+via[ \t]+[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)?[ \t]*(?:\n|$)")


# "Photo Markus Schreiber. AP", "© Jean Martin", "Crédit photo : Jean Martin": the credit's mark
# right before the name ("la photo de Jean Martin" names its subject: not matched)
_CREDIT_MARK_BEFORE = re.compile(r"(?:(?:^|[\s(|])(?:[Pp]hotos?|PHOTOS?|[Cc]r[ée]dits?(?: photos?)?)\s*:?|©)[ \t]*$")


@cache
def _agency_after() -> re.Pattern[str]:
    """"Frederick Florin / AFP Défense : …": a slash and a known agency (data/photo_credits_fr.txt)
    credit the name even when a dump glued the next line on."""
    return re.compile(rf"[ \t]*/[ \t]*(?:{alternation('photo_credits_fr')})\b", re.I)


def _photo_credit(doc: Doc, cand: Candidate) -> bool:
    """A person named in a picture credit, glued by a slash to a press agency: page furniture
    (the photographer, as a byline names the author), not a person the article names."""
    start, end = char_bounds(doc, cand)
    text = doc_text(doc)
    after = text[end : end + 80]
    if _CREDIT_AFTER.match(after) or _VIA_CREDIT.match(after) or _agency_after().match(after):
        return True
    if _CREDIT_MARK_BEFORE.search(text[max(0, start - 20) : start]):
        return True
    return bool(_CREDIT_BEFORE.search(text[max(0, start - 40) : start])) and bool(
        _LINE_END.match(after)
    )


# "…, Paris, Albin Michel, 2003, p. 144": a book reference's town, publisher and year
_TOWN_BEFORE = re.compile(r"(?:^|,)[ \t]*([A-Z][\w'-]+(?:[ \t][A-Z][\w'-]+)?),[ \t]*$")
_YEAR_AFTER = re.compile(r"^[ \t]*,[ \t]*(?:1[5-9]|20)\d\d\b")


def _publisher(doc: Doc, cand: Candidate) -> bool:
    """The publisher of a book reference ("Paris, Albin Michel, 2003"): between the town it
    was published in and the year, where a person's name never stands."""
    start, end = char_bounds(doc, cand)
    text = doc_text(doc)
    if not _YEAR_AFTER.match(text[end : end + 12]):
        return False
    m = _TOWN_BEFORE.search(text[max(0, start - 30) : start])
    return m is not None and (g := gazetteer().place(m.group(1))) is not None and g.type == "LOC"


def _in_url(doc: Doc, cand: Candidate) -> bool:
    """A span inside a web address ("⤵️https://t.co/MSGxXqHZ3M": the tokenizer cut the link at
    the emoji) names nothing: the whitespace-free chunk around it holds "://" or "www."."""
    start, end = char_bounds(doc, cand)
    text = doc_text(doc)
    left = text.rfind(" ", 0, start) + 1
    left = max(left, text.rfind("\n", 0, start) + 1)
    return "://" in text[left:start] or text[left:start].lower().startswith("www.")


_QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}
_QUOTE_REACH = 4  # tokens a title may have around the name inside its quotes


def _quoted_title(doc: Doc, cand: Candidate) -> bool:
    """A "person" that, with at most a few other words and no verb, is all of a quotation:
    the title of a work ("« Mobile Home » de François Pirot", "«Child's Pose»")."""
    opening = next(
        (
            i
            for i in range(cand.start - 1, max(-1, cand.start - 1 - _QUOTE_REACH), -1)
            if doc[i].text in _QUOTE_PAIRS or doc[i].text in _QUOTE_PAIRS.values()
        ),
        None,
    )
    if opening is None or doc[opening].text not in _QUOTE_PAIRS:
        return False
    closing = _QUOTE_PAIRS[doc[opening].text]
    stop = min(len(doc), cand.end + _QUOTE_REACH + 1)
    close = next((j for j in range(cand.end, stop) if doc[j].text == closing), None)
    if close is None:
        return False
    if closing == '"' and (doc[opening].whitespace_ or doc[close - 1].whitespace_):
        return False  # a straight quote opens glued to the next word, closes to the last
    inner = doc[opening + 1 : close]
    return not any(t.pos_ in ("VERB", "AUX") or t.text in _QUOTE_PAIRS for t in inner)


_IMPERATIVE = re.compile(r"(?:ez|er|ir)$")


def _verb_opener(doc: Doc, cand: Candidate) -> bool:
    """A lone capitalised word opening a sentence, shaped as an imperative or an infinitive
    and followed by an article or an adverb: a verb the NER took for a name ("Lisez aussi
    l'article", "Découvrez notre sélection", "Identifier les problèmes")."""
    i = cand.start
    if cand.end - i != 1 or i + 1 >= len(doc):
        return False
    if not (is_sentence_initial(doc, i) or doc[i - 1].text == "("):
        return False
    nxt = doc[i + 1]
    glued_pronoun = nxt.text.startswith("-") and not doc[i].whitespace_  # "Imaginez-vous"
    return (
        bool(_IMPERATIVE.search(doc[i].lower_))
        and nxt.is_lower
        and (nxt.pos_ in ("DET", "ADV") or glued_pronoun)
        and not gazetteer().is_first_name(fold(doc[i].text))
    )


_NO_PERSON_BEFORE = frozenset(
    {"le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux", "son", "sa", "ses"}
    | {"leur", "leurs", "ce", "cet", "cette", "ces", "notre", "nos", "votre", "vos"}
)


_ONE_BEFORE = frozenset({"le", "la", "l'", "un", "une", "du", "au"})


def _determined_full_name(doc: Doc, cand: Candidate) -> bool:
    """Several words after a singular article, with no title: "la Major League Soccer", "au
    Jean-Bouin", "du Charles de Gaulle" (a league, a stadium, an airport). French sets no
    article before a person's name; a plural one is a figure of style ("des Patrice Bernier,
    Davy Arnaud"), so only the singular ones count."""
    return (cand.end - cand.start >= 2 and not cand.title and cand.start > 0
            and elided(doc[cand.start - 1].lower_) in _ONE_BEFORE)


def _determined_name(doc: Doc, cand: Candidate) -> bool:
    """A lone capitalised word after an article, a possessive or a number, with no title:
    French puts none before a person's name, so it is a thing named after one ("un
    Magritte", "du Goncourt", "quatre Molière", "son troisième César"), an aside in brackets
    between ("son troisième (et très attendu) Molière")."""
    i = cand.start
    if i >= 2 and doc[i - 1].text == ")":  # "son troisième (et très attendu) Molière"
        opening = next((k for k in range(i - 2, max(-1, i - 8), -1) if doc[k].text == "("), None)
        i = opening if opening is not None else i
    if cand.end - cand.start != 1 or cand.title or i == 0 or not doc[i - 1].is_lower:
        return False
    prev = doc[i - 1]
    return (
        prev.lower_ in _NO_PERSON_BEFORE or prev.pos_ == "NUM" or bool(_ORDINAL.match(prev.lower_))
    )


_ORDINAL = re.compile(r"^(?:premier|première|\w+ième)$")


_DASHES = frozenset({"-", "–", "—", "|"})


def cut_at_quote(doc: Doc, cands: list[Candidate]) -> None:
    """A person's span ends before a quotation mark inside it: "Edgard John-Augustin" of
    'Edgard John-Augustin "Bionic Body"' (a nickname or a title follows), before a spaced
    dash or bar ("Véronique Lamquin - Victime …": a byline glued to a heading; a compound name
    has no spaces round its hyphen). In place."""
    for c in cands:
        if c.label != "PER":
            continue
        for k in range(c.start + 1, c.end):
            if doc[k].text in _QUOTE_PAIRS or doc[k].text in _QUOTE_PAIRS.values() or (
                    doc[k].text in _DASHES and doc[k].whitespace_ and doc[k - 1].whitespace_):
                c.end = k
                break


def drop_heading_noun(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A "person" opening a sentence or heading with a common noun that is no given name:
    the noun is a rubric ("Assises Douai : trente ans ..."); what follows stands only as a
    name the gazetteer knows ("Douai"), typed as it says. A function in apposition keeps the
    whole name: "Victorin Lurel, ministre des outre-mer" (a rare given name the lexicon has)."""
    gaz = gazetteer()
    out = []
    for c in cands:
        first = doc[c.start]
        if (
            c.label != "PER"
            or c.gaz is not None
            or c.title
            or c.end - c.start < 2
            or not is_sentence_initial(doc, c.start)
            or first.pos_ not in ("NOUN", "PROPN")
            or not is_common_word(first)
            or gaz.is_first_name(fold(first.text))
            or role_after(doc, c)
        ):
            out.append(c)
            continue
        rest = Candidate(c.start + 1, c.end, c.label)
        rest.gaz = gaz.lookup(cand_text(doc, rest)) or gaz.place(cand_text(doc, rest))
        if rest.gaz is not None:
            rest.label = rest.gaz.type
            out.append(rest)
    return out


_TAIL_LINKS = frozenset({"du", "de", "des"})


def _common(tok) -> bool:
    """A common word, also when printed in capitals ("MEILLEUR SCENARIO" of a prize list)."""
    return is_common_word(tok) or (tok.text.isupper() and len(tok.text) > 2 and common_lower(tok))


def _heading_tail(tokens) -> bool:
    """Words in capitals that are all common words: a prize list's heading ("MEILLEUR FILM")."""
    return all(t.text.isupper() and _common(t) for t in tokens)


def trim_common_tail(doc: Doc, cands: list[Candidate]) -> None:
    """Capitalised common words a heading glued to a name leave the person's span:
    "Claire Denis Meilleure Réalisatrice" -> "Claire Denis" (a full "Prénom Nom" then only
    common words), "Magritte du Meilleur" -> "Magritte" (a link then a common word). In place."""
    for c in cands:
        if c.label != "PER" or c.gaz is not None or c.end - c.start < 2:
            continue
        last = doc[c.end - 1]
        if (
            c.end - c.start >= 3
            and doc[c.end - 2].lower_ in _TAIL_LINKS
            and last.text[:1].isupper()
            and is_common_word(last)
        ):
            c.end -= 2
            continue
        run = first_name_run(doc, c.start)
        if run is not None and c.start + 2 < run <= c.end:  # capitals pass as name words: look inside
            run = next((k for k in range(c.start + 2, run) if _heading_tail(doc[k : c.end])), run)
        if (
            run is not None
            and c.start + 2 <= run < c.end
            and all(t.text[:1].isupper() and _common(t) for t in doc[run : c.end])
        ):
            c.end = run


def shared_surnames(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A given name joined by "et" to a full name shares its surname: "Paolo et Vittorio
    Taviani", "Jacques-Henri et Olivier Bronckart". The lone given name is a person (added
    when the NER missed it), marked with the surname for :func:`name_shared_surnames`."""
    gaz = gazetteer()
    by_end = {c.end: c for c in cands}
    added = []
    for c in cands:
        i = c.start
        if c.label != "PER" or c.end - i < 2 or i < 2 or doc[i - 1].lower_ != "et":
            continue
        if not gaz.is_first_name(fold(doc[i].text)):
            continue
        other = by_end.get(i - 1)
        new = other is None
        if new:
            glued = i >= 3 and doc[i - 3].text == "-" and not doc[i - 3].whitespace_
            if glued:
                continue
            other = Candidate(i - 2, i - 1, "PER", recovered=True)
        words = cand_text(doc, other).split()
        if len(words) != 1 or other.gaz is not None:
            continue
        given = words[0].split("-")[0]  # "Jacques-Henri"
        if not (given[:1].isupper() and gaz.is_first_name(fold(given))):
            continue
        if new:
            added.append(other)
        other.label = "PER"
        other.extra["surname"] = " ".join(t.text for t in doc[i + 1 : c.end])
    return sorted(cands + added, key=lambda c: c.start)


def name_shared_surnames(doc: Doc, cands: list[Candidate]) -> None:
    """Name the given names :func:`shared_surnames` marked: "Paolo" -> "Paolo Taviani"."""
    for c in cands:
        surname = c.extra.get("surname")
        if surname and c.label == "PER":
            c.name = pretty(f"{cand_text(doc, c)} {surname}")


# "— Foot Mercato (@footmercato) June 3, 2018": the signature of an embedded post
_ACCOUNT_LINE = re.compile(r"(?:^|\s)[—–][ \t]*(?P<name>[^\n(@—–]{2,60}?)[ \t]*\(@\w{1,30}\)", re.M)


def account_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """The name signing an embedded social-media post is its account: a person when it reads
    "Prénom Nom", an organisation otherwise (a show, a newspaper, a club). Replaces what the
    NER found inside it ("Antoine" MISC of "Antoine Dupont")."""
    spans = []
    for m in _ACCOUNT_LINE.finditer(doc_text(doc)):
        span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if span is None or not span.text[:1].isupper():
            continue
        person = first_name_run(doc, span.start, strict=False) == span.end
        spans.append(Candidate(span.start, span.end, "PER" if person else "ORG", recovered=True))
    if not spans:
        return cands
    kept = [c for c in cands if not any(c.start < s.end and s.start < c.end for s in spans)]
    return sorted(kept + spans, key=lambda c: c.start)


# --------------------------------------------------------------------------- lists of names


_LIST_GLUE = re.compile(r"\s*(?:,|,?\s+(?:et|ou))\s+$|\s*,\s*$")


def list_persons(doc: Doc, cands: list[Candidate]) -> None:
    """In a list of bare names ("Cunego, Gesink, Zubeldia et Sanchez"), a name no gazetteer
    knows takes the type of a person of as many words listed beside it: the NER types each
    name alone and calls unknown surnames places. Not in a list naming a known place or
    organisation ("Lunar, Lyon, Postit": a list of labels). Sets ``label`` in place."""
    text = doc_text(doc)
    gaz = gazetteer()
    groups: list[list[Candidate]] = []
    prev_end = None
    for c in sorted(cands, key=lambda c: c.start):
        start, end = char_bounds(doc, c)
        if prev_end is not None and groups and _LIST_GLUE.fullmatch(text[prev_end:start] + " "):
            groups[-1].append(c)
        else:
            groups.append([c])
        prev_end = end
    for group in groups:
        sizes = {len(cand_text(doc, c).split()) for c in group if c.label == "PER"}
        if len(group) < 2 or not sizes or any(c.gaz is not None for c in group):
            continue  # no person, or a known place or organisation listed: a mixed list
        for c in group:
            words = cand_text(doc, c).split()
            if (
                c.label in ("LOC", "MISC")
                and len(words) in sizes
                and c.gaz is None
                and len(words) <= 2
                and all(w[:1].isupper() and not w.isupper() for w in words)
                and gaz.lookup(" ".join(words)) is None
                and gaz.place(" ".join(words)) is None
            ):
                c.label = "PER"


# --------------------------------------------------------------------------- the two stages


def person_rules(doc: Doc, cands: list[Candidate], people: set[str]) -> list[Candidate]:
    """The person rules on the merged candidates: post signatures, lists of names, quoted
    titles and awards retyped, links, imperatives and picture credits dropped, and the cues of
    :mod:`mattis_corpus.nlp.entities.person_cues` (clitic forms, place shapes, words
    capitalised by position). ``people``:
    the document's full names and surnames (support for a lone common word)."""
    cands = account_names(doc, cands)
    trim_before_given_name(doc, cands)
    list_persons(doc, cands)
    lower = lowercase_words(doc)
    towns = {fold(cand_text(doc, c)) for c in cands if c.label in ("PER", "LOC") and bracketed_region(doc, c)}
    sites = site_names(doc)
    towns |= located_places(doc, cands)
    person_ends = {c.end for c in cands if c.label == "PER"}
    for c in cands:
        if c.label != "PER" or c.gaz is not None or c.end <= c.start:
            continue
        text = cand_text(doc, c)
        if hyphen_toponym(text) or fold(text) in towns or saint_place(doc, c):
            c.label = "LOC"  # "Braine-le-Comte", "Bougival (Yvelines)" and every "Bougival"
            continue
        if clitic_form(text) or lone_letter(text) or (
            common_by_position(doc, c, lower) and not supported_person(doc, c, people)
        ):
            c.label = "MISC"  # "Peut-on", "Attaque au couteau": no name, dropped below
            c.extra["no_name"] = True
            continue
        if fold(text) in sites or english_possessive(doc, c):
            c.label = "ORG"  # "la newsletter de Kiosquo" (Kiosquo.fr), "Sotheby's"
        elif foreign_title(doc, c):
            c.label = foreign_title(doc, c) or c.label  # "M6-Info", "Het Dagelijkse Blad"
        elif _quoted_title(doc, c) or bracket_after_name(doc, c, person_ends):
            c.label = "MISC"  # « Mobile Home »: a work's title
        elif _publisher(doc, c):
            c.label = "ORG"  # "Paris, Albin Michel, 2003"
        elif _determined_name(doc, c) and not supported_person(doc, c, people):
            c.label = "MISC"  # "le Magritte du meilleur film": an award
        elif _determined_full_name(doc, c):
            c.label = "MISC"  # "dans la Major League Soccer"
    return [
        c
        for c in cands
        if c.gaz is not None
        or not (
            c.extra.get("no_name")
            or _in_url(doc, c)
            or (_verb_opener(doc, c) and not supported_person(doc, c, people))
            or (c.label == "PER" and _photo_credit(doc, c))
        )
    ]


def name_persons(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Name each person of the document (``name`` set in place; a given name sharing a
    surname may be added): full names, shared surnames, misspellings; a lone word with no evidence of a person is retyped."""
    cands = shared_surnames(doc, cands)
    person_names(doc, cands)
    name_shared_surnames(doc, cands)
    merge_misspelt(cands)
    member_bodies(doc, cands)
    unsupported_persons(doc, cands)
    return cands
