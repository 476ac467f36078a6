"""The reporting-verb lexicon (``data/speech_verbs_fr.txt``) and the test a token must pass."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from mattis_corpus.lexicons import entries
from mattis_corpus.textutil import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

# Past-participle and present-participle endings → the infinitive: the small model's tagger
# reads some reporting participles as adjectives ("souligné", "dénonçant").
_PARTICIPLES = (("ees", "er"), ("ee", "er"), ("es", "er"), ("e", "er"), ("ant", "er"),
                ("it", "ire"), ("ite", "ire"), ("is", "ettre"), ("u", "re"), ("u", "ure"))


CLITICS = ("il", "elle", "ils", "elles", "on", "t", "t-il", "t-elle", "t-on")
REPEAT_PREFIXES = ("re", "r")  # folded "ré-", "re-", "r-" (réaffirmer, redire, réexpliquer)


@cache
def speech_lemmas() -> dict[str, str]:
    """The lexicon's lemmas by their folded form (accents and case ignored)."""
    return {fold(e): e for e in entries("speech_verbs_fr")}


def speech_verb(token: Token) -> str | None:
    """The lexicon lemma of ``token`` when it is a reporting verb, else None.

    A verb by its lemma (or its form, when the lemmatizer missed it); an adjective only when
    its form is a participle of a lexicon verb. Nouns never ("la critique", "un rappel").
    """
    if not token.text[:1].islower():
        return None
    lemmas = speech_lemmas()
    lemma = fold(token.lemma_)
    verb = token.pos_ == "VERB" or _before_clitic(token)  # "soutient-il", tagged ADV at times
    if not verb and token.pos_ not in ("ADJ", "AUX"):
        return None
    if verb and lemma in lemmas:
        return lemmas[lemma]
    for prefix in REPEAT_PREFIXES:  # "réaffirmer", "redire": the verb said again
        if verb and lemma.startswith(prefix) and lemma[len(prefix):] in lemmas:
            return lemmas[lemma[len(prefix):]]
    form = fold(token.text)
    if form in lemmas:
        return lemmas[form]
    for ending, infinitive in _PARTICIPLES:
        if form.endswith(ending) and (guess := form[: -len(ending)] + infinitive) in lemmas:
            return lemmas[guess]
    return None


def _before_clitic(token: Token) -> bool:
    """Followed by an inverted subject pronoun ("-il", "-t-elle"): the word is a verb."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    nxt = doc[token.i + 1].text
    return nxt.startswith("-") and fold(nxt.lstrip("-")) in CLITICS
