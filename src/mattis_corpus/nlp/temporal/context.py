"""Per-call state of the tagger: the text with its sentences and verb tenses (``Context``) and
the matched spans waiting to be normalised (``Cand``).

The tense is read from a spaCy Doc when one is given (only read from, never imported), else
from verb endings around the position.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from mattis_corpus.models import Timex
from mattis_corpus.nlp.temporal.lexicon import FUT_STOP, IMP_STOP
from mattis_corpus.nlp.temporal.resolve import Anchor
from mattis_corpus.nlp.temporal.rules import RE_SENT_BOUND, RE_TENSE


class Context:
    """Per-call lazy helpers: sentence bounds, tense of a position, token lookup in a Doc."""

    def __init__(self, text: str, anchor: Anchor, doc) -> None:
        self.text = text
        self.anchor = anchor
        self.doc = doc
        self.low = text
        self._cues: dict[int, list[tuple[int, int, str]]] = {}
        self.prev: list[Timex] = []  # timexes already normalised, in text order
        self._tok_starts: list[int] | None = None

    def sentence(self, pos: int) -> tuple[int, int]:
        """Character span of the sentence (or clause ending in ';') holding ``pos``."""
        text = self.text
        start, end = max(0, pos - 400), min(len(text), pos + 400)
        s0, s1 = start, end
        for m in RE_SENT_BOUND.finditer(text, start, end):
            i = m.start()
            if _is_abbrev_dot(text, i):
                continue
            if i < pos:
                s0 = i + 1
            else:
                s1 = i
                break
        return s0, s1

    def tense(self, start: int, end: int) -> str | None:
        """'past', 'future' or None (present/unknown) for the clause around [start, end)."""
        if self.doc is not None:
            # a verb just before, in the same clause, beats the parse ("ont battu X samedi et
            # affronteront Y vendredi": the small model often hangs "vendredi" on "battu")
            near = self.tense_regex(start, end, near_left=True)
            if near is not None:
                return near
            try:
                t = self._tense_doc(start)
            except Exception:  # a Doc of another text or an odd model: fall back to regex
                t = None
            if t is not None:
                return t
        return self.tense_regex(start, end)

    def _tense_doc(self, start: int) -> str | None:
        if self._tok_starts is None:
            self._tok_starts = self.doc.to_array("IDX").tolist()  # no Token per token
        i = bisect.bisect_right(self._tok_starts, start) - 1
        if i < 0 or i >= len(self.doc):
            return None
        tok = self.doc[i]
        for _ in range(5):
            if tok.pos_ in ("VERB", "AUX"):
                break
            if tok.head is tok or tok.head.i == tok.i:
                return None
            tok = tok.head
        else:
            return None
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        return _verb_tense(tok)

    def tense_regex(self, start: int, end: int, near_left: bool = False) -> str | None:
        s0, s1 = self.sentence(start)
        cues = self._cues.get(s0)
        if cues is None:
            cues = self._cues[s0] = _tense_cues(self.text, s0, s1)
        best: tuple[int, str] | None = None
        text = self.text
        for c0, c1, tense in cues:
            if start <= c0 < end:
                continue
            if c1 <= start:  # French puts the verb before its adjunct: left cues weigh less
                dist, gap = start - c1, text[c1:start]
                if near_left and (dist > 40 or "," in gap or " et " in gap):
                    continue
            elif near_left:
                continue
            else:
                dist, gap = 2 * (c0 - end) + 5, text[end:c0]
            if "," in gap or " et " in gap:
                dist += 30  # another clause
            if best is None or dist < best[0]:
                best = (dist, tense)
        return best[1] if best else None


def _tense_cues(text: str, s0: int, s1: int) -> list[tuple[int, int, str]]:
    """Verb forms of one sentence that tell past or future, as (start, end, tense)."""
    cues = []
    for m in RE_TENSE.finditer(text, s0, s1):
        kind = m.lastgroup
        word = m.group(0).lower()
        if kind == "fut" and (word in FUT_STOP or len(word) < 4 and word != "ira"):
            continue
        if kind == "imp" and word in IMP_STOP:
            continue
        tense = {
            "vient": "past",
            "peri": "future",
            "pc": "past",
            "cond": "future",
            "fut": "future",
            "imp": "past",
        }[kind]
        cues.append((m.start(), m.end(), tense))
    return cues


def _verb_tense(verb) -> str | None:
    """Tense of a spaCy verb with its auxiliaries: future/conditional -> 'future', past -> 'past'.

    The small French model often mislabels conditionals as imperfects, so the surface ending
    ('-rait', '-raient') is trusted over the morphology.
    """
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    active = [a for a in auxes if a.dep_ != "aux:pass"]
    vform = verb.morph.get("VerbForm")
    participle = "Part" in vform

    def cond(t) -> bool:
        return "Cnd" in t.morph.get("Mood") or t.lower_.endswith(("rait", "raient"))

    if "Inf" in vform and (
        verb.head.i != verb.i
        and verb.head.lemma_ in ("aller", "devoir")
        or any(a.lemma_ == "aller" for a in auxes)
    ):
        return "future"
    if any(cond(a) for a in active):
        return "past" if participle else "future"
    if cond(verb) or any(cond(a) for a in auxes):
        return "future"
    if any("Fut" in t.morph.get("Tense") for t in [verb, *auxes]):
        return "future"
    if participle:
        if any(a.lemma_ in ("avoir", "être") for a in active):
            return "past"
        if any({"Past", "Imp"} & set(a.morph.get("Tense")) for a in auxes):
            return "past"
        return None
    tense = verb.morph.get("Tense")
    if "Past" in tense or "Imp" in tense:
        return "past"
    return None


def _is_abbrev_dot(text: str, i: int) -> bool:
    """'M.' or 'av.' or '2.0' do not end a sentence."""
    if text[i] != ".":
        return False
    if i + 1 < len(text) and text[i + 1].isdigit():
        return True
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    return len(word) <= 2 and word[:1].isupper() or word in ("av", "apr", "J", "C")


@dataclass
class Cand:
    """A matched span with what normalisation needs; ``make`` builds the Timex later."""

    start: int
    end: int
    prio: int
    make: Callable[[Context, Cand], Timex | None]
    data: dict = field(default_factory=dict)


def left_of(text: str, pos: int, width: int = 40) -> str:
    """The ``width`` characters before ``pos``: the left context a rule looks at."""
    return text[max(0, pos - width) : pos]
