"""Events: one per dated clause — the date, its governing predicate, who/where, and a summary.

Built from the dependency parse (UD labels of fr_core_news_sm): from the date's tokens we climb to
the nearest verb, take its subject and first complement, and say "who did what" in a short phrase.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .models import Event, Mention, Sentence, Timex

if TYPE_CHECKING:  # spaCy is only imported by the ingest path
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "csubj"}
COMPLEMENT_DEPS = ("obj", "xcomp", "obl:arg", "ccomp", "obl:agent", "obl:mod", "obl", "nmod")
VERB_PARTS = {"aux", "aux:tense", "aux:pass", "aux:caus", "expl:comp", "expl:pass", "expl:pv", "advmod:neg"}
NEGATION = {"ne", "n'", "pas", "plus", "jamais"}
MAX_PART_TOKENS = 9
MAX_SUMMARY_WORDS = 24
DATED_TYPES = {"DATE", "TIME"}


def extract_events(
    doc: Doc, sentences: Sequence[Sentence], timexes: Sequence[Timex], mentions: Sequence[Mention]
) -> list[Event]:
    """One event per resolved DATE/TIME expression (those that can go on a timeline)."""
    events = []
    for ti, t in enumerate(timexes):
        if t.type not in DATED_TYPES or not t.interval_start:
            continue
        si = _sentence_index(sentences, t.start)
        if si is None:
            continue
        sent = sentences[si]
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        predicate = _governing_verb(span.root) if span is not None and len(span) else None
        if predicate is not None and predicate.idx >= sent.start and predicate.idx < sent.end:
            lo, hi = _clause_extent(predicate, sent)
            summary = _summary(predicate, t, mentions)
            pred_lemma = predicate.lemma_
        else:
            lo, hi = sent.start, sent.end
            summary = _trim_words(_without(sent.text, sent.start, t), MAX_SUMMARY_WORDS)
            pred_lemma = None
        in_clause = tuple(i for i, m in enumerate(mentions) if m.start >= lo and m.end <= hi)
        events.append(Event(ti, si, pred_lemma, summary or sent.text[:160], in_clause))
    return events


def _sentence_index(sentences: Sequence[Sentence], offset: int) -> int | None:
    for i, s in enumerate(sentences):
        if s.start <= offset < s.end:
            return i
    return None


def _governing_verb(token: Token) -> Token | None:
    """Climb from the date to the nearest verb (or copula head) that governs it."""
    seen = 0
    while seen < 40:
        if token.pos_ == "VERB" or any(c.dep_ == "cop" for c in token.children):
            return token
        if token.head is token:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
        seen += 1
    return None


def _clause_extent(verb: Token, sent: Sentence) -> tuple[int, int]:
    toks = list(verb.subtree)
    lo = max(toks[0].idx, sent.start)
    hi = min(toks[-1].idx + len(toks[-1].text), sent.end)
    subj = _subject(verb)
    if subj is not None:
        st = list(subj.subtree)
        lo = min(lo, st[0].idx)
    return lo, hi


def _subject(verb: Token) -> Token | None:
    """The verb's subject; for a participle or relative clause, the noun it describes."""
    node = verb
    for _ in range(4):
        for c in node.children:
            if c.dep_ in SUBJECT_DEPS:
                return c
        if node.dep_ in ("acl", "acl:relcl") and node.head is not node:
            return node.head
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp") and node.head is not node:
            node = node.head
            continue
        break
    return None


def _phrase(root: Token, exclude: Timex, limit: int = MAX_PART_TOKENS, skip: Token | None = None) -> list[Token]:
    toks = []
    for t in root.subtree:
        if skip is not None and t.i >= skip.i and t in set(skip.subtree):
            continue
        if exclude.start <= t.idx < exclude.end or t.dep_ in ("acl:relcl", "appos") and t is not root:
            continue
        toks.append(t)
    # cut at the first comma or parenthesis after the head, and cap the length
    out: list[Token] = []
    for t in toks:
        if t.i > root.i and t.text in {",", "(", ";", ":"}:
            break
        out.append(t)
    return out[:limit]


def _resolve_pronoun(subj: Token, mentions: Sequence[Mention]) -> str | None:
    """A personal pronoun subject stands for the latest person mentioned before it."""
    if subj.pos_ != "PRON" or subj.lower_ not in {"il", "elle"}:
        return None
    before = [m for m in mentions if m.type == "PER" and m.end <= subj.idx]
    return before[-1].name if before else None


def _summary(verb: Token, t: Timex, mentions: Sequence[Mention]) -> str:
    parts: list[tuple[int, str]] = []
    subj = _subject(verb)
    if subj is not None:
        name = _resolve_pronoun(subj, mentions)
        if name:
            parts.append((subj.i, name))
        else:
            subj_toks = _phrase(subj, t, skip=verb if verb in set(subj.subtree) else None)
            parts.extend((x.i, x.text_with_ws.rstrip() if x.whitespace_ else x.text) for x in subj_toks)
    for c in verb.children:
        if c.dep_ in VERB_PARTS or c.lower_ in NEGATION:
            parts.append((c.i, c.text))
    parts.append((verb.i, verb.text))
    for dep in COMPLEMENT_DEPS:
        comp = next((c for c in verb.children if c.dep_ == dep and not (t.start <= c.idx < t.end)), None)
        if comp is not None:
            parts.extend((x.i, x.text) for x in _phrase(comp, t))
            break
    parts = sorted(set(parts))
    text = _join([p for _, p in parts])
    return _trim_words(text, MAX_SUMMARY_WORDS)


def _join(words: list[str]) -> str:
    out = ""
    for w in words:
        if not out:
            out = w
        elif out.endswith("'") or w in {",", ".", ")"} or w.startswith("-"):
            out += w
        else:
            out += " " + w
    return out.strip(" ,;:«»\"")


def _without(text: str, offset: int, t: Timex) -> str:
    a, b = t.start - offset, t.end - offset
    if 0 <= a <= b <= len(text):
        text = text[:a] + text[b:]
    return " ".join(text.replace(" ,", ",").split()).strip(" ,.;:")


def _trim_words(text: str, n: int) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")
