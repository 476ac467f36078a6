"""Candidates made of words and the word tests around a match: frequency adjectives (SET),
durations in words and terms of office, running times written like clock times, newspaper
titles that look like durations, and what may follow a year."""

from __future__ import annotations

import re

from mattis_corpus.nlp.temporal.context import Cand, left_of
from mattis_corpus.nlp.temporal.lexicon import (
    PRESS_NOUNS,
    RUNNING_TIME_NOUNS,
    SET_EXCLUSIONS,
    YEAR_OK_FOLLOWERS,
)
from mattis_corpus.nlp.temporal.normalise import (
    make_dur_words,
    make_set_ordinal,
    make_set_word,
    make_term,
)
from mattis_corpus.nlp.temporal.rules import (
    RE_DUR_TIME_CTX,
    RE_DURATION_CTX,
    RE_SET_WORD,
    RE_SET_WORD_DET,
    RE_YEAR_FOLLOW,
)
from mattis_corpus.textutil import normalise_chars


def noun_follows(text: str, end: int) -> bool:
    """A lower-case word that cannot follow a date starts right after ``end`` ("2014 soldats")."""
    f = RE_YEAR_FOLLOW.match(text, end)
    if not f:
        return False
    w = f.group("w")
    wl = normalise_chars(w.lower())
    return (
        w[0].islower()
        and wl not in YEAR_OK_FOLLOWERS
        and not wl.startswith(("l'", "d'", "qu", "s'", "n'"))
    )


def sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip(" \u00a0\t«\"'(")
    return not before or before[-1] in '.!?\n:«"'


def set_word_cands(text: str, low: str) -> list[Cand]:
    """Frequency adjectives and adverbs, unless a determiner makes the word a noun ('le
    quotidien Le Monde') or it is part of a set phrase ('la vie quotidienne')."""
    out = []
    for m in RE_SET_WORD.finditer(low):
        w = m.group("w")
        if text[m.start()].isupper() and not sentence_initial(text, m.start()):
            continue  # a title: "Quotidien" (a TV show)
        slug = m.start() > 0 and low[m.start() - 1] in "/-_"
        if slug or re.match(r"[/\-_.]\w", low[m.end() : m.end() + 2]):
            continue  # a link or a slug: "horoscope/quotidien", "rapports-annuels.html"
        if not w.endswith("ment") and RE_SET_WORD_DET.search(left_of(low, m.start(), 40)):
            continue
        around = low[max(0, m.start() - 30) : m.end() + 30]
        if any(p in around and w in p for p in SET_EXCLUSIONS):
            continue
        out.append(Cand(m.start(), m.end(), 4, make_set_word, {"w": w}))
    return out


def b_set_ordinal(text: str, low: str, m: re.Match) -> Cand | None:
    """Plural ordinal weekdays are a SET; a singular one only with 'chaque' ('chaque premier
    mercredi du mois', 'le premier mercredi de chaque mois')."""
    each = m.group("det") == "chaque" or m.group("each") and "chaque" in m.group("each")
    if not m.group("pl") and not each:
        return None
    return Cand(m.start(), m.end(), 0, make_set_ordinal, {"m": m})


def clock_range(low: str, m: re.Match, left: str) -> bool:
    """'de 14 h à 16 h', 'de 8 heures à 19 heures', 'à partir de 14 h': clock times."""
    if re.search(r"\b(?:partir|compter)\s+de\s+$", left):
        return True
    return bool(
        re.search(r"\bde\s+$", left)
        and re.match(r"\s*(?:à|-|–)\s*\d{1,2}\s*(?:h\b|heures?\b)", low[m.end() : m.end() + 14])
    )


def running_time(text: str, low: str, m: re.Match, h: int, left: str) -> bool:
    """A clock-like '1 h 52' that is a length: after 'pendant', 'en', 'plus de'... (not
    'depuis', not a range 'de 14 h à 16 h'), after 'de' for up to 3 hours or more than 24 ('un
    film de 1 h 52'; 'le train de 7 h 40' is a time), or after a noun of a work or a race
    ('documentaire, 1h28')."""
    if RE_DUR_TIME_CTX.search(left) or clock_range(low, m, left):
        return False
    if re.search(r"\bdepuis\s+$", left):
        return False
    if RE_DURATION_CTX.search(left):
        return not re.search(r"\bde\s+$", left) or h <= 3 or h > 24
    w = re.search(r"([^\W\d_][\w-]*?)s?\s*[,:(]\s*$", left)
    return bool(w and w.group(1) in RUNNING_TIME_NOUNS)


def dur_words_cand(text: str, low: str, m: re.Match) -> Cand | None:
    return Cand(m.start(), m.end(), 2, make_dur_words, {"m": m})


def term_cand(text: str, low: str, m: re.Match) -> Cand | None:
    return Cand(m.start(), m.end(), 2, make_term, {"m": m})


def is_title(text: str, low: str, m: re.Match) -> bool:
    """'les 24 Heures du Mans', 'le quotidien vaudois 24 heures': a name, not a duration."""
    u = m.start("unit")
    if text[u].isupper() and not text[u : m.end("unit")].isupper():
        return True
    words = left_of(low, m.start(), 40).split()[-2:]
    return not m.group("det") and any(w in PRESS_NOUNS for w in words)
