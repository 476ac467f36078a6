"""Form and context rules of the entity mentions: what a name's shape and neighbours tell.

Gives the steps :func:`mattis_corpus.nlp.entities.mentions.extract_mentions` runs on its
candidates: :func:`split_caps` (headlines in capitals), :func:`join_hyphen_compounds`
("Loire-Atlantique"), :func:`rule_candidates` (names the NER missed: "Prénom Nom", ministries,
titles of works, names after a cue noun) and :func:`retype_by_form` (types from a cue noun, a
given name, an institutional head word or an acronym), :func:`short_forms` ("l'Alliance" for
the OTAN the document names); the junk tests :func:`named_place` ("au Levant" is a place though
"levant" is a word) and :func:`english_chrome` ("Share This"). The "Prénom Nom" reader is
:mod:`mattis_corpus.nlp.entities.given_names`; the word lists come from
:mod:`mattis_corpus.nlp.entities.lexicon`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mattis_corpus.canon import is_acronym
from mattis_corpus.nlp.entities.gazetteer import gazetteer
from mattis_corpus.nlp.entities.given_names import first_name_run, word_end
from mattis_corpus.nlp.entities.lexicon import (
    english_function_words,
    event_heads,
    ministry_heads,
    name_links,
    nobility_titles,
    org_heads,
    org_tails,
    person_titles,
    titles,
    type_cues,
    vessel_nouns,
    work_cues,
)
from mattis_corpus.nlp.entities.spans import (
    Candidate,
    cand_text,
    common_lower,
    doc_text,
    elided,
    token_texts,
)
from mattis_corpus.textutil import fold

if TYPE_CHECKING:
    from collections.abc import Container

    from spacy.tokens import Doc, Token

_TITLES = titles()
_PERSON_TITLES = person_titles()
_NAME_LINKS = name_links()
# A lowercase noun just before a name tells its type: "l'opération Barkhane", "le constructeur
# Boeing", "la chanteuse Aya Nakamura". One adjective may sit between ("le porte-avions
# français Charles-de-Gaulle"). LOC cues also work through "de": "la région de Belgorod".
_WORK_CUES = work_cues()
_TYPE_CUES = type_cues()
_VESSELS = vessel_nouns()
_NOBILITY = nobility_titles()
# First word of a multi-word name that makes it an organisation: "Conseil constitutionnel",
# "Cour de cassation", "Fonds monétaire international", "Parti socialiste".
_ORG_HEADS = org_heads()
_ORG_TAILS = org_tails()
_EVENT_HEADS = event_heads()  # "Salon de l'agriculture", "Festival de Cannes": MISC
_MINISTRY_HEADS = ministry_heads()
_ENGLISH_FUNCTION_WORDS = english_function_words()


# --------------------------------------------------------------------------- headlines in capitals


def _in_caps_line(doc: Doc, i: int) -> bool:
    """Token ``i`` sits in a line written in capitals (a headline)."""
    text, idx = doc_text(doc), doc[i].idx
    begin = text.rfind("\n", 0, idx) + 1
    end = text.find("\n", idx)
    line = text[begin : end if end >= 0 else len(text)]
    if line != line.upper():  # a lowercase letter: not a headline (C-speed rejection)
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 12 and all(c.isupper() for c in letters)


def split_caps(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """In a headline in capitals the NER tags words at random ("FRANCE SUSPEND", "AVEC"):
    keep only the runs of words that are no French common word."""
    out: list[Candidate] = []
    mixed: set[str] | None = None
    for c in cands:
        if c.gaz is None and mixed is None and _in_caps_line(doc, c.start):
            mixed = {fold(m.group()) for m in re.finditer(r"\b[A-ZÀ-Ý][a-zà-ÿ]+\b", doc_text(doc))}
        if c.gaz is not None or not _in_caps_line(doc, c.start):
            out.append(c)
            continue
        run_start = None
        for i in range(c.start, c.end + 1):
            keep = i < c.end and doc[i].is_alpha and not common_lower(doc[i])
            if keep and run_start is None:
                run_start = i
            elif not keep and run_start is not None:
                if _caps_supported(doc, run_start, i, c.label, mixed):
                    out.append(Candidate(run_start, i, c.label, title=c.title))
                run_start = None
    return out


def _caps_supported(doc: Doc, start: int, end: int, label: str, mixed: set[str]) -> bool:
    """A word run of a headline in capitals stands as a name if written in mixed case
    elsewhere in the document, if it is a short acronym, or if the NER calls it a person."""
    text = doc[start:end].text
    return fold(text) in mixed or label == "PER" or (end - start == 1 and len(text) <= 5)


# --------------------------------------------------------------------------- types from form


def _cue_type(doc: Doc, start: int) -> str | None:
    """Type told by the lowercase noun just before a name ("le constructeur Boeing")."""
    j = start - 1
    # one adjective between: "le porte-avions français Charles-de-Gaulle"
    if j >= 1 and doc[j].pos_ == "ADJ" and doc[j].is_lower and doc[j - 1].lower_ in _TYPE_CUES:
        j -= 1
    j = _past_complement(doc, j)
    if j < 0 or "\n" in doc[j].text:
        return None
    word = doc[j].lower_
    if word in ("de", "d'", "du") and j >= 1 and _TYPE_CUES.get(doc[j - 1].lower_) == "LOC":
        return "LOC"
    if not doc[j].is_lower:
        return None
    return _TYPE_CUES.get(word)


def _past_complement(doc: Doc, j: int) -> int:
    """The cue noun's place when a "de" complement and maybe an adjective sit between it and
    the name ("le navire de pêche basque Ortzadar", "l'avion de chasse Rafale"); else ``j``."""
    k = j - 1 if j >= 1 and doc[j].pos_ in ("ADJ", "VERB") and doc[j].is_lower else j  # "espagnol": VERB
    complement = k >= 2 and doc[k].is_lower and doc[k].pos_ == "NOUN" and doc[k - 1].lower_ == "de"
    if complement and _TYPE_CUES.get(doc[k - 2].lower_) not in (None, "LOC"):
        return k - 2
    return j


def _list_cue(doc: Doc, start: int, listed: dict[int, str]) -> str | None:
    """The cue type of a list the name continues: "les villes de Lens, Douai et Arras" are all places, though the cue noun stands before the first only."""
    j = start - 1
    if j < 1 or doc[j].text not in (",", "et", "ou"):
        return None
    if doc[j].text != "," and doc[j - 1].text == ",":
        j -= 1
    return listed.get(j)


def _after_vessel_noun(doc: Doc, start: int) -> bool:
    """The name at ``start`` follows a kind of ship or aircraft ("le paquebot Normandie", "le
    croiseur Colbert"), maybe with one adjective between ("le cuirassé français Bretagne")."""
    j = start - 1
    if j >= 1 and doc[j].pos_ == "ADJ" and doc[j].is_lower and doc[j - 1].lower_ in _VESSELS:
        j -= 1
    return j >= 0 and doc[j].is_lower and doc[j].lower_ in _VESSELS


def retype_by_form(doc: Doc, cands: list[Candidate]) -> None:
    """Types from the form and context of a name the NER got wrong (gazetteer hits kept):

    * a cue noun before it: "l'exercice Steadfast Defender" MISC, "le constructeur X" ORG;
    * a known given name first: "Albert Camus", "Recep Tayyip Erdogan" PER;
    * an institutional head word: "Conseil constitutionnel", "Cour de cassation" ORG; an
      event's: "Festival de Cannes" MISC;
    * an acronym the NER calls MISC is an organisation: "CNC", "FNSEA".
    """
    listed: dict[int, str] = {}  # token after a cued name -> the cue's type, for its list
    for c in sorted(cands, key=lambda c: c.start):
        if _after_vessel_noun(doc, c.start):
            c.label, c.gaz = "MISC", None  # "le cuirassé France": the ship, not the country
            continue
        if c.gaz is not None or (c.title and fold(c.title) in _PERSON_TITLES):
            continue
        text = cand_text(doc, c)
        words = text.split()
        if c.label == "PER" and _lowercase_word_inside(words):
            c.label = "MISC"  # "Gilets jaunes": a person's name has no common word inside
        cue = _cue_type(doc, c.start) or _list_cue(doc, c.start, listed)
        if cue is not None:
            if cue != "PER" or _looks_like_name_span(doc, c):
                c.label = cue
                if cue == "LOC":  # "le navire X, Joan Ferrer": no list after a ship
                    listed[c.end] = cue
            continue
        if (
            c.label != "PER"
            and len(words) >= 2
            and fold(words[-1]) not in _ORG_TAILS  # "Dallas Federal Reserve": no Dallas here
            and first_name_run(doc, c.start, strict=False) == c.end
        ):
            c.label = "PER"
        else:
            c.label = _type_by_head(text, c.label) or c.label


def _lowercase_word_inside(words: list[str]) -> bool:
    """A word after the first is lowercase and no name link ("Gilets jaunes", "Magritte
    d'honneur"; not "Charles de Gaulle", "Abdel Fattah al-Sissi", "Giscard d'Estaing")."""
    return any(
        w[:1].islower()
        and w.split("-")[0] not in _NAME_LINKS
        and not (w[:2] == "d'" and w[2:3].isupper())  # the text's apostrophes are normalised
        for w in words[1:]
    )


def _type_by_head(text: str, label: str) -> str | None:
    """A type told by the name's form: an organisation's head word first ("Conseil d'État")
    or a firm's last word ("Prisma Média"), an event's ("Salon du Bourget": MISC), or a MISC acronym ("CNC": ORG); None if none."""
    words = text.split()
    if len(words) >= 2 and words[0][:1].isupper() and not words[1].isdigit():  # "Ligue 1"
        head = fold(words[0])
        if head in _ORG_HEADS:
            return "ORG"
        if head in _EVENT_HEADS:
            return "MISC"
        if fold(words[-1]) in _ORG_TAILS and words[-1][:1].isupper():
            return "ORG"  # "Prisma Média", "Kering SA": a firm named after its founder
    letters = text.replace("-", "")
    if is_acronym(text) and letters.isalpha() and (label == "MISC" or (label == "LOC" and letters != text)):
        return "ORG"  # "CNC", "AFP-TV"; an unknown "place" in hyphenated capitals: "N-VA"
    return None


def _looks_like_name_span(doc: Doc, c: Candidate) -> bool:
    """Every word of the span is capitalised: it may be a person's name."""
    return all(t.text[:1].isupper() for t in doc[c.start : c.end] if t.is_alpha)


# --------------------------------------------------------------------------- names the NER missed


def join_hyphen_compounds(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A gazetteer word glued into a hyphenated name is no entity of its own: "Loire" in
    "Loire-Atlantique", "Bordeaux" in "Bordeaux-Bègles"; the whole compound is the name."""
    out = []
    for c in cands:
        if c.gaz is None:
            out.append(c)
            continue
        start, end = c.start, c.end
        while (
            start >= 2
            and doc[start - 1].text == "-"
            and not doc[start - 1].whitespace_
            and not doc[start - 2].whitespace_
            and doc[start - 2].text[:1].isupper()
        ):
            start -= 2
        end = word_end(doc, end - 1) if end - 1 < len(doc) else end
        if (start, end) != (c.start, c.end) and doc[end - 1].text[:1].isupper():
            out.append(Candidate(start, end, c.label, title=c.title))
        else:
            out.append(c)
    # drop what now lies inside a compound
    spans = [(c.start, c.end) for c in out if c.gaz is None]
    return [
        c
        for c in out
        if not (
            c.gaz is not None
            and any(s <= c.start and c.end <= e and (s, e) != (c.start, c.end) for s, e in spans)
        )
    ]


def rule_candidates(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Names the NER missed, found by their form:

    * "Prénom Nom" with a known given name ("Nancy Pelosi" even where "Nancy" is a city);
    * ministries: "ministère de l'Intérieur", "ministère des Affaires étrangères";
    * titles of works in quotes after a cue noun: le film « Anatomie d'une chute ».
    """
    covered = {i: c for c in cands for i in range(c.start, c.end)}
    out: list[Candidate] = []
    drop: set[int] = set()
    texts = token_texts(doc)
    i = 0
    while i < len(texts):
        end, label = _rule_match(doc, i, texts, cands, covered, drop)
        if end is not None and end > i:
            if label == "TITLE":  # the title within its quotes; names inside it go
                out.append(Candidate(i + 1, end - 1, "MISC", recovered=True))
                drop.update(id(c) for c in cands if i < c.start and c.end < end)
            else:
                out.append(Candidate(i, end, label, recovered=True))
            i = end
            continue
        i += 1
    kept = [c for c in cands if id(c) not in drop]
    return kept + out


def _rule_match(
    doc: Doc, i: int, texts: list[str], cands: list[Candidate], covered: dict, drop: set[int]
) -> tuple[int | None, str]:
    """The name the first form rule that applies finds at ``i``: (end, label); TITLE is quoted."""
    text = texts[i]
    prev = texts[i - 1] if i >= 1 else ""
    if text.lower() in _MINISTRY_HEADS:
        return _ministry_end(doc, i), "ORG"
    if text.lower() in _PARTICLES and fold(prev) in _NOBILITY | _PERSON_TITLES:
        return _particle_name_end(doc, i), "PER"
    if text in _OPENERS and ((i >= 1 and prev.lower() in _WORK_CUES) or _named_work(doc, i, covered)):
        return _quoted_title_end(doc, i), "TITLE"
    if _after_cue_noun(doc, i, texts, covered):
        # "l'opération Barkhane", "le cyclone Chido", "le journal Libération": a
        # capitalised word mid-sentence right after a cue noun is a name of that type
        return capital_run(doc, i, covered), _TYPE_CUES[prev.lower()]
    if text[:1].isupper() and (i not in covered or covered[i].label != "PER"):
        return _given_name_end(doc, i, cands, covered, drop), "PER"
    return None, ""


_PARTICLES = frozenset({"de", "d'", "du"})
_NAME_ARTICLES = frozenset({"La", "Le"})


def _particle_name_end(doc: Doc, i: int) -> int | None:
    """End of a particle name at ``i`` after a title: "(le comte) de Mun", "(la marquise) de La
    Rochefoucauld", "(la duchesse) d'Uzès"; None when no capitalised name follows."""
    j = i + 1
    if j + 1 < len(doc) and doc[j].text in _NAME_ARTICLES and name_word(doc[j + 1]):
        j += 1  # "de La Rocque": the capitalised article is part of the name
    end = capital_run(doc, j)
    if end == j or doc[j].text.isupper() and len(doc[j].text) > 1:
        return None  # nothing capitalised after, or a heading in capitals
    return end


def _after_cue_noun(doc: Doc, i: int, texts: list[str], covered: dict) -> bool:
    """Token ``i`` is a capitalised word the NER missed right after a MISC or ORG cue noun."""
    text = texts[i]
    return (
        i >= 1
        and i not in covered
        and text.isalpha()
        and text[:1].isupper()
        and not text.isupper()
        and texts[i - 1].islower()
        and _TYPE_CUES.get(texts[i - 1].lower()) in ("MISC", "ORG")
        and not _in_caps_line(doc, i)
    )


def _given_name_end(
    doc: Doc, i: int, cands: list[Candidate], covered: dict, drop: set[int]
) -> int | None:
    """End of a "Prénom Nom" at ``i`` that beats the candidates inside it (put in ``drop``)."""
    end = first_name_run(doc, i)
    if end is not None:
        inside = {id(covered[k]) for k in range(i, end) if k in covered}
        others = [c for c in cands if id(c) in inside]
        # NER pieces inside the name ("Kamel" LOC) and a lone city that is also a
        # given name ("Nancy") give way; a longer name or another gazetteer hit wins
        if any(
            c.start < i
            or c.end > end
            or (c.gaz is not None and (c.start != i or c.end != word_end(doc, i)))
            for c in others
        ):
            end = None
        else:
            drop |= inside
    return end


def name_word(tok: Token) -> bool:
    """A capitalised word, hyphenated parts included ("Jaurès", "Jean-Jaurès" as one token)."""
    return tok.text[:1].isupper() and all(part.isalpha() for part in tok.text.split("-"))


def capital_run(doc: Doc, i: int, covered: Container[int] = ()) -> int:
    """End of the capitalised (or hyphen-glued) words from ``i`` not taken by another name
    (``covered``); ``i`` itself when token ``i`` is no such word."""
    j = i
    while j < len(doc) and j not in covered and name_word(doc[j]):
        j = word_end(doc, j)
    return j


def _ministry_end(doc: Doc, i: int) -> int | None:
    """End of "ministère de l'Intérieur", "ministère de l'Europe et des Affaires étrangères"."""
    j = i + 1
    end = None
    while j < len(doc):
        if doc[j].lower_ in ("de", "des", "du", "d'"):
            j += 1
            if j < len(doc) and doc[j].lower_ in ("la", "l'"):
                j += 1
        else:
            break
        if j >= len(doc) or not doc[j].text[:1].isupper() or not doc[j].is_alpha:
            break
        j = word_end(doc, j)
        while j < len(doc) and doc[j].is_lower and doc[j].pos_ == "ADJ":
            j += 1
        end = j
        if (
            j + 1 < len(doc)
            and doc[j].lower_ == "et"
            and doc[j + 1].lower_ in ("de", "des", "du", "d'")
        ):
            j += 1
            continue
        break
    return end


_OPENERS = {"«": "»", '"': '"', "“": "”"}


def _named_work(doc: Doc, i: int, covered: dict) -> bool:
    """The quoted title at ``i`` names a work without a cue noun: the NER found a name filling
    it but for a leading article (« The Broken Circle Breakdown », "L'Exercice de l'Etat"), or
    an author follows (« A perdre la raison » de Joachim Lafosse)."""
    end = _quoted_title_end(doc, i)
    if end is None:
        return False
    name = covered.get(i + 2)
    if (name is not None and name.start == i + 2 and name.end == end - 1
            and (doc[i + 1].pos_ == "DET" or doc[i + 1].text == "The")):
        return True
    after = covered.get(end + 1)
    return end + 1 < len(doc) and doc[end].lower_ == "de" and after is not None and after.label == "PER"


def _finite(tok: Token) -> bool:
    """A conjugated verb: a quotation, no title ("A perdre la raison" is a title)."""
    return (tok.pos_ in ("VERB", "AUX") and "Inf" not in tok.morph.get("VerbForm")
            and tok.text != "A")  # a capital "À" written without its accent: "A perdre la raison"


def _quoted_title_end(doc: Doc, i: int) -> int | None:
    """End (after the closing quote) of a short capitalised title in quotes."""
    closer = _OPENERS.get(doc[i].text, "»")
    for j in range(i + 1, min(i + 12, len(doc))):
        if doc[j].text == closer:
            inner = doc[i + 1 : j]
            if (
                len(inner)
                and inner[0].text[:1].isupper()
                and not any(_finite(t) or t.pos_ == "PRON" for t in inner)
            ):
                return j + 1
            return None
    return None


# --------------------------------------------------------------------------- short forms


def short_forms(doc: Doc, cands: list[Candidate]) -> None:
    """A one-word name standing for an organisation the document names in full or by acronym:
    "l'Alliance" for the OTAN ("Alliance atlantique"), "la Commission" for the "Commission
    européenne". The word must head a two-word "Noun adjective" alias of exactly one gazetteer
    organisation named elsewhere in the document, and be an organisation or a MISC name for the
    NER (never a place: "l'État" is no "État islamique"). Sets ``gaz`` in place.
    """
    named = {c.gaz.id: c.gaz for c in cands if c.gaz is not None and c.gaz.type == "ORG"}
    if not named:
        return
    heads: dict[str, set[str]] = {}
    for entry in named.values():
        for alias in entry.aliases:
            words = alias.split(" ")
            if len(words) == 2 and words[0][:1].isupper() and words[1].islower():
                heads.setdefault(fold(words[0]), set()).add(entry.id)
    for c in cands:
        if c.gaz is None and c.end - c.start == 1 and c.label in ("ORG", "MISC"):
            ids = heads.get(fold(doc[c.start].text), set())
            if len(ids) == 1 and doc[c.start].text[:1].isupper():
                c.gaz = named[next(iter(ids))]


_PLACE_CONTRACTIONS = frozenset({"au"})  # not "aux": "aux Portugais", "aux Oscars"
# A common noun needs its article after these; a capitalised word without one is a name:
# "depuis Vichy", "à Javel" (but "à la Défense").
_PLACE_PREPOSITIONS = frozenset({"à", "depuis", "vers"})
_OF = frozenset({"de", "d'", "du", "des"})


def named_place(doc: Doc, cand: Candidate) -> bool:
    """A one-word place the NER found that is also a common word, introduced mid-sentence as
    French introduces a place: by "au" or "en" for regions ("au Levant", "au Maghreb": "levant" is a
    verb form too), by "à", "depuis", "vers" without an article ("depuis Vichy"), or by a
    place noun and "de" ("le quartier de Javel", "la ville de Liège"). Not an institution:
    "au Parlement" (an organisation head) is no place."""
    i = cand.start
    if cand.label != "LOC" or cand.end - i != 1 or i == 0 or not doc[i].text[:1].isupper():
        return False
    word = fold(doc[i].text)
    prev = doc[i - 1].lower_
    return (
        (prev in _PLACE_CONTRACTIONS or prev in _PLACE_PREPOSITIONS
         # "en Flandre", "en Wallonie": a region; "en Bourse", "en Direct" are no proper nouns
         or (prev == "en" and doc[i].pos_ == "PROPN")
         or (prev in _OF and i >= 2 and _TYPE_CUES.get(doc[i - 2].lower_) == "LOC"))
        and word not in _ORG_HEADS
        and word not in _TITLES
        and doc[i].lower_ not in _TYPE_CUES
    )


# A minister's portfolio is no organisation: "le ministre des Affaires étrangères" (the
# ministry, "le ministère des Affaires étrangères", is one: data/ministry_heads_fr.txt).
_MINISTERS = frozenset({"ministre", "ministres", "sous-ministre", "vice-ministre"})


def portfolio(doc: Doc, cand: Candidate) -> bool:
    """The name follows "ministre de/des/du/d'/de la": a portfolio ("Affaires étrangères",
    "Intérieur"), not an entity of its own."""
    i = cand.start
    if cand.label == "PER" or i < 2:
        return False
    if elided(doc[i - 1].lower_) in ("la", "l'") and i >= 3:
        i -= 1
    return elided(doc[i - 1].lower_) in _OF and doc[i - 2].lower_ in _MINISTERS


def english_chrome(text: str, label: str) -> bool:
    """A "person" of English words, one of them a function word, the first no given name:
    page chrome the NER took for a name ("Share This"; "Theresa May" is a person)."""
    words = text.split()
    if label != "PER" or len(words) < 2 or gazetteer().is_first_name(fold(words[0])):
        return False
    return any(w.lower() in _ENGLISH_FUNCTION_WORDS for w in words[1:])
