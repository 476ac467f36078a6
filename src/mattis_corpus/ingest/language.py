"""Which language a document is written in, by the share of each language's stop words.

This is a French tool: a page in another language is stored but kept away from the French NLP
(its entities and dates would be noise). Stop words are the surest cheap signal on news prose:
they make up a third to a half of any running text, and each language's most frequent ones
differ. The lists are jusText's (maintained, built from Wikipedia frequencies), the French one
being the very list the boilerplate classifier already uses.
"""

from __future__ import annotations

import re
from functools import cache

# ISO 639-1 code → jusText's stop-list name. French first: it wins ties.
LANGUAGES = {"fr": "French", "en": "English", "de": "German", "es": "Spanish", "it": "Italian"}
MIN_WORDS = 20  # below this, a share of stop words says little: no verdict
MIN_SHARE = 0.12  # running prose in a listed language has far more of its stop words
MAX_WORDS = 3000  # enough words for a verdict; a long page need not be read whole
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@cache
def stopwords(code: str) -> frozenset[str]:
    """The stop list of one of ``LANGUAGES``, lower-cased."""
    import justext

    return frozenset(w.lower() for w in justext.get_stoplist(LANGUAGES[code]))


@cache
def own_stopwords(code: str) -> frozenset[str]:
    """The stop words of one language that no other listed language has: "o", "la", "de" or
    "a" count for Spanish, Italian and French alike, "les", "des" and "est" only for French."""
    return stopwords(code) - frozenset().union(*(stopwords(o) for o in LANGUAGES if o != code))


def _words(text: str) -> list[str]:
    words = [w.lower() for w in _WORD_RE.findall(text[: MAX_WORDS * 12])][:MAX_WORDS]
    return [w.split("'")[-1] if "'" in w else w for w in words]  # l'armée -> armée


def stopword_shares(text: str, own: bool = False) -> dict[str, float]:
    """For each language, the share of the text's words that are among its stop words (with
    ``own``: among the stop words only it has)."""
    words = _words(text)
    if not words:
        return {code: 0.0 for code in LANGUAGES}
    lists = {code: own_stopwords(code) if own else stopwords(code) for code in LANGUAGES}
    return {code: sum(w in lists[code] for w in words) / len(words) for code in LANGUAGES}


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the listed language whose own stop words the text uses most, or
    None when the text is too short or uses none of its stop words much (a table, a list of
    names). Shared words decide nothing: a results table full of Spanish "o" is not Spanish."""
    if len(_WORD_RE.findall(text[: MIN_WORDS * 30])) < MIN_WORDS:
        return None
    own = stopword_shares(text, own=True)
    best = max(LANGUAGES, key=lambda code: own[code])  # dict order: French wins ties
    return best if stopword_shares(text)[best] >= MIN_SHARE else None


def normalise_code(value: str | None) -> str | None:
    """A declared language ("fr-FR", "fr_BE", "French", "FR") as its ISO 639-1 code."""
    if not value:
        return None
    v = value.strip().lower().replace("_", "-").split("-")[0].split(",")[0].strip()
    names = {name.lower(): code for code, name in LANGUAGES.items()}
    names.update({"français": "fr", "francais": "fr"})
    if v in names:
        return names[v]
    return v if re.fullmatch(r"[a-z]{2,3}", v) else None
