"""What the entity rules read from a spaCy Doc, and the candidate mention they build.

Gives the Doc's text and token strings read once per document (:func:`doc_text`,
:func:`seed_text`, :func:`token_texts`), the mention under construction (:class:`Candidate`) and
its character bounds, and the French common-word test (:func:`is_common_word`) read from the
lemmatizer's tables once :func:`use_lemma_index` has been given the model.

spaCy is never imported here at import time: the module only reads Doc/Token attributes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mattis_corpus.french import (
    APOSTROPHE,
    APOSTROPHES,
    CLOSING_QUOTES,
    OPENING_QUOTES,
    TYPOGRAPHIC_APOSTROPHES,
)
from mattis_corpus.nlp.entities.gazetteer import GazEntry
from mattis_corpus.nlp.entities.lexicon import determiners
from mattis_corpus.textutil import strip_accents

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# The quote marks trimmed from a name's ends: straight double quote and apostrophe, « » and the
# curly double quotes, the right and left single quotes and the backtick (the other marks of
# mattis_corpus.french are not trimmed: widening the set is a change of behaviour, for later).
_EDGE_QUOTES = (
    '"'
    + APOSTROPHE
    + OPENING_QUOTES[:2]
    + CLOSING_QUOTES
    + TYPOGRAPHIC_APOSTROPHES[0]
    + TYPOGRAPHIC_APOSTROPHES[2]
    + TYPOGRAPHIC_APOSTROPHES[-1]
)
EDGE_CHARS = _EDGE_QUOTES + ".,;:!?…()[]{}-–—/\\*•|"  # trimmed from both ends of a mention
_DETERMINERS = determiners()

_LEXICON: frozenset[str] | None = None  # French common words, from the lemmatizer tables
_LEMMA_INDEX: Any = None  # the table _LEXICON is read from, on first use


# --------------------------------------------------------------------------- the Doc, read once


def doc_text(doc: Doc) -> str:
    """The Doc's text, read once per document: ``Doc.text`` re-joins every token on each access,
    and the rules read it once per candidate."""
    text = doc.user_data.get("corpus_text")
    if text is None:
        text = doc.user_data["corpus_text"] = doc.text
    return text


def seed_text(doc: Doc, text: str) -> None:
    """Give ``doc_text`` the string the Doc was made from (spaCy keeps it exactly), sparing
    the join over every token."""
    last = doc[-1] if len(doc) else None
    if (last.idx + len(last.text_with_ws) if last is not None else 0) == len(text):
        doc.user_data["corpus_text"] = text


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, read once per document: the rules scan tokens many times, and each
    ``doc[i]`` builds a new Token object. The lexical flags spaCy derives from the text
    (``is_alpha``, ``is_lower``, ``lower_``) are the same ``str`` methods, so the rules can test
    the strings directly."""
    texts = doc.user_data.get("corpus_tokens")
    if texts is None:
        from spacy.attrs import ORTH

        strings = doc.vocab.strings  # a token's ORTH is its text: a lookup, no slicing
        texts = doc.user_data["corpus_tokens"] = [strings[h] for h in doc.to_array(ORTH).tolist()]
    return texts


# --------------------------------------------------------------------------- candidates


@dataclass
class Candidate:
    """A mention under construction: token range, label and what we learned about it."""

    start: int  # token index
    end: int  # token index, exclusive
    label: str
    gaz: GazEntry | None = None
    title: str | None = None
    recovered: bool = False
    name: str = ""
    extra: dict = field(default_factory=dict)


def char_bounds(doc: Doc, cand: Candidate) -> tuple[int, int]:
    """Character offsets of a candidate, trailing quotes/dots trimmed ("Fa..." -> "Fa").

    Memoised per document on the token range: the rules ask ~10 times per candidate.
    """
    memo = doc.user_data.setdefault("corpus_bounds", {})
    key = (cand.start, cand.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _trimmed_bounds(doc, cand.start, cand.end)
    return found


def _trimmed_bounds(doc: Doc, first: int, stop: int) -> tuple[int, int]:
    last = doc[stop - 1]
    start, end = doc[first].idx, last.idx + len(last.text)
    text = doc_text(doc)
    while end > start and text[end - 1] in EDGE_CHARS:
        if text[end - 1] == "." and re.search(r"(^|[\s.])[A-Z]\.$", text[start:end]):
            break  # keep initials and abbreviations: "U.S.", "James N."
        end -= 1
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    glued = re.search(r"\w\(", text[start:end])
    if glued:  # "Ramelot(MR)": a bracket glued to the name is no part of it
        end = start + glued.start() + 1
    return start, end


def cand_text(doc: Doc, cand: Candidate) -> str:
    """The candidate's text within its trimmed character bounds."""
    start, end = char_bounds(doc, cand)
    return doc_text(doc)[start:end]


# --------------------------------------------------------------------------- common words


def use_lemma_index(nlp: Language) -> None:
    """Read the common-word lexicon from ``nlp``'s lemmatizer tables, when a rule first needs it.

    Called by :func:`mattis_corpus.nlp.entities.ruler.configure_nlp`; a worker that only parses
    never reads the table.
    """
    global _LEXICON, _LEMMA_INDEX
    from mattis_corpus.nlp.speedups.lemma_index import lemma_index_table

    index = lemma_index_table(nlp)
    if index is not None and index is not _LEMMA_INDEX:
        _LEMMA_INDEX, _LEXICON = index, None


def _lexicon() -> frozenset[str] | None:
    """Lowercase French common words (nouns, adjectives, verbs, adverbs and their forms).

    Used to tell "Santé" or "Détenus" (common words capitalised by position) from names.
    """
    global _LEXICON
    if _LEXICON is None and _LEMMA_INDEX is not None:
        words: set[str] = set()
        for key in _LEMMA_INDEX:
            words.update(_LEMMA_INDEX[key])
        _LEXICON = frozenset(words | {strip_accents(w) for w in words})
    return _LEXICON


def elided(word: str) -> str:
    """The word with its elision written with the straight apostrophe ("l’" -> "l'")."""
    return word[:-1] + "'" if word[-1:] in APOSTROPHES else word


def is_common_word(token: Token) -> bool:
    """True when the token is a French common word, whatever its capitalisation."""
    lower, lemma = token.lower_, token.lemma_.lower()
    lexicon = _lexicon()
    if lexicon is None:
        return token.pos_ not in ("PROPN", "X") and lemma != lower
    forms = {lower, strip_accents(lower)}
    if len(lower) > 3 and lower[-1] in "sx":  # plural: "Baltes", "Détenus"
        forms |= {lower[:-1], strip_accents(lower[:-1])}
    if token.pos_ != "PROPN":
        forms.add(lemma)
    return bool(forms & lexicon)


# A past participle and the infinitive it comes from: "organisées" (organiser), "réunis"
# (réunir), "prévue" (prévoir is irregular: left out). The lemma tables list infinitives, the
# model's lemmatizer often not the participle ("Organisées" -> "organisée").
_PARTICIPLE = re.compile(r"^(\w{3,}?)(?:ée?s?|ie?s?)$")


def is_participle(token: Token) -> bool:
    """The token is a past participle of a verb the lexicon knows: "Organisées par ...", a
    sentence opening the NER took for a place."""
    lexicon = _lexicon()
    m = _PARTICIPLE.match(token.lower_)
    if lexicon is None or m is None:
        return False
    infinitive = m.group(1) + ("er" if "é" in token.lower_[len(m.group(1)) :] else "ir")
    return infinitive in lexicon


def common_lower(tok: Token) -> bool:
    """The token, lowercased, is a French common word (for text in capitals)."""
    lexicon = _lexicon()
    if lexicon is None:
        return False
    lower = tok.text.lower()
    forms = {lower, strip_accents(lower)}
    if len(lower) > 3 and lower[-1] in "sx":
        forms |= {lower[:-1], strip_accents(lower[:-1])}
    return bool(forms & lexicon) or lower in _DETERMINERS


# What may come just before the first word of a sentence: « and the opening curly quote, the
# straight double quote, a colon, a dash or a bullet.
_SENTENCE_OPENERS = (*OPENING_QUOTES[:2], '"', ":", "-", "—", "•")


def is_sentence_initial(doc: Doc, i: int) -> bool:
    """First word of a sentence, line, or after an opening quote or colon."""
    if i == 0 or doc[i].is_sent_start:
        return True
    prev = doc[i - 1]
    return "\n" in prev.text or prev.text in _SENTENCE_OPENERS
