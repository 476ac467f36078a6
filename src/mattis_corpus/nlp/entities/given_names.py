"""Given names: where a "Prénom Nom" starts and ends in a Doc.

:func:`first_name_run` reads "Jean-Yves Le Drian" or "Armel Le Cléac'h" from a known given
name on; :func:`word_end` is one hyphenated or apostrophe-glued word ("Jean-Yves", "Cléac'h").
Shared by the form rules, the phrase rules and the person rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mattis_corpus.nlp.entities.gazetteer import gazetteer
from mattis_corpus.nlp.entities.lexicon import name_links, titles
from mattis_corpus.nlp.entities.spans import is_common_word, token_texts
from mattis_corpus.textutil import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TITLES = titles()
_NAME_LINKS = name_links()


def word_end(doc: Doc, i: int) -> int:
    """End (exclusive) of the hyphenated word starting at token ``i``: "Jean" "-" "Yves"; a
    Breton or Irish name the tokenizer cut at its apostrophe is one word: "Cléac'" "h"."""
    texts = token_texts(doc)
    j = i + 1
    while (
        j + 1 < len(texts)
        and texts[j] == "-"
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and texts[j + 1].isalpha()
    ):
        j += 2
    if j < len(texts) and glued_apostrophe(doc, j - 1):
        j += 1
    return j


def glued_apostrophe(doc: Doc, i: int) -> bool:
    """Token ``i`` is a name's capitalised part ending with an apostrophe glued to letters:
    "Cléac'" + "h", "O'" + "Neill" (not the elided "d'", "l'")."""
    text = doc[i].text
    return (
        len(text) >= 2
        and text[-1] == "'"
        and text[0].isupper()
        and text[:-1].isalpha()
        and not doc[i].whitespace_
        and i + 1 < len(doc)
        and doc[i + 1].is_alpha
    )


def first_name_run(doc: Doc, i: int, strict: bool = True) -> int | None:
    """End of "Prénom Nom [Nom]" starting at token ``i``, or None.

    The first word is a known given name; then come capitalised words, with name links
    ("de", "von der", "Le") in between. ``strict`` (finding a name the NER missed): no word
    may be a French common word; else (typing a span the NER found) surnames that are also
    common words pass ("Albert Camus", "Élisabeth Borne").
    """
    gaz = gazetteer()
    texts = token_texts(doc)  # the first test runs on most capitalised words: strings only
    if i >= len(texts) or not texts[i][:1].isupper() or not texts[i].isalpha():
        return None
    j = word_end(doc, i)
    if not gaz.is_first_name(fold(texts[i] if j == i + 1 else doc[i:j].text)):
        return None
    end = None
    while j < len(doc):
        tok = doc[j]
        if tok.lower_ in _NAME_LINKS and j + 1 < len(doc) and doc[j + 1].text[:1].isupper():
            j += 1
            continue
        if not ((tok.is_alpha or glued_apostrophe(doc, j)) and tok.text[:1].isupper()) or (
            strict and is_common_word(tok) and not tok.text.isupper()
        ):
            break
        if fold(tok.text) in _TITLES:
            break
        j = word_end(doc, j)
        end = j
    return end
