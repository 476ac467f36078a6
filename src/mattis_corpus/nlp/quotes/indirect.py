"""Indirect speech: what someone said, reported without quotation marks.

Three constructions: a reporting verb and its "que" clause ("le porte-parole a indiqué que la
Russie…"), "selon X" with the clause it qualifies ("Selon X, l'accord est mort"), and a
sentence closed by an incise with no marks ("…, a-t-il déclaré."). A clause that is mostly a
quotation already found is left to it; a clause with no speaker (impersonal or passive "il a
été annoncé que") is not reported speech we can attribute.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mattis_corpus.models import Quote
from mattis_corpus.nlp.quotes.context import Context
from mattis_corpus.nlp.quotes.finder import SELON, attributive, pour_name
from mattis_corpus.nlp.quotes.speakers import (
    QUE,
    Speaker,
    inverted_speaker,
    phrase_speaker,
    sentence_subject,
    subject_speaker,
)
from mattis_corpus.nlp.quotes.verbs import speech_verb
from mattis_corpus.textutil import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

MIN_WORDS = 3
COVERED = 0.8
TRIM = " ,.;:!?\n\t"


def indirect_quotes(ctx: Context, found: Sequence[Quote]) -> list[Quote]:
    """Indirect speech of the document not already covered by ``found`` quotations."""
    out: list[Quote] = []
    taken = [(q.start, q.end) for q in found]
    for tok in ctx.doc:
        if ctx.quoted(tok.idx):
            continue
        q = _que_clause(ctx, tok)
        threshold = COVERED
        if q is None:
            q, threshold = _selon_clause(ctx, tok), 0.5  # "Pour X, « … »": the quote is the statement
        if q is not None and not _covered(q, taken, threshold):
            out.append(q)
            taken.append((q.start, q.end))
    for s in ctx.sentences:
        q = _unmarked_incise(ctx, s.start, s.end)
        if q is not None and not _covered(q, taken, 0.5):  # "X « va remercier… », a indiqué Y"
            out.append(q)
            taken.append((q.start, q.end))
    return out


def _covered(q: Quote, taken: list[tuple[int, int]], threshold: float = COVERED) -> bool:
    """True when ``q`` is mostly (``COVERED``) a quotation already found: "X a dit que « … »"
    is that quotation, while "X a dit que la réforme restait « inacceptable »" is both."""
    for a, b in taken:
        overlap = min(b, q.end) - max(a, q.start)
        if overlap > 0 and overlap >= threshold * (q.end - q.start):
            return True
    return False


def _make(ctx: Context, start: int, end: int, verb: str, sp: Speaker | None) -> Quote | None:
    text = ctx.text
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    if sp is None or sum(t.is_alpha for t in ctx.tokens(start, end)) < MIN_WORDS:
        return None
    return Quote(start, end, text[start:end], "indirect", verb, sp.text, sp.mention)


def _que_clause(ctx: Context, tok: Token) -> Quote | None:
    """"X a affirmé que …": from after "que" to the end of the sentence (or to an incise or
    a semicolon there); a clause holding a quotation is left to the quotation."""
    verb = speech_verb(tok)
    if verb is None or tok.pos_ not in ("VERB", "ADJ"):
        return None
    if any(c.dep_ in ("aux:pass", "expl:subj", "expl:pass") and not c.text.startswith("-")
           for c in tok.children):
        return None  # "il a été annoncé que", "il est rappelé que"
    que = _que_after(ctx, tok)
    if que is None:
        return None
    start = que.idx + len(que.text)
    _, end = ctx.sentence(tok.idx)
    semicolon = ctx.text.find(";", start, end)
    end = semicolon if semicolon >= 0 else end
    for q in ctx.marked:  # a quote opening a new sentence is not part of the clause
        if start < q.open < end and ctx.text[start: q.open].rstrip()[-1:] in ".!?»\"":
            end = q.open
            break
    return _make(ctx, start, end, verb, _speaker(ctx, tok, que))


def _speaker(ctx: Context, tok: Token, que: Token) -> Speaker | None:
    """The verb's subject; a participle ("…, a déclaré M. X, notant que…") speaks for the
    reporting verb before it in the sentence."""
    if fold(tok.text).endswith("ant"):
        s_start, _ = ctx.sentence(tok.idx)
        for prev in reversed(ctx.tokens(s_start, tok.idx)):
            if speech_verb(prev) and prev.pos_ in ("VERB", "AUX"):
                sp = inverted_speaker(ctx, prev, tok.idx) or subject_speaker(ctx, prev)
                if sp is not None:
                    return sp
    return (subject_speaker(ctx, tok) or inverted_speaker(ctx, tok, que.idx)
            or sentence_subject(ctx, tok))


def _que_after(ctx: Context, tok: Token) -> Token | None:
    """The "que" opening the verb's complement clause, within a few words after the verb
    ("a déclaré que", "a-t-il ajouté qu'", "a rappelé jeudi que")."""
    doc = tok.doc
    for t in doc[tok.i + 1: tok.i + 9]:
        if ctx.quoted(t.idx):
            continue  # "a jugé « très probable » que…"
        if fold(t.text) in QUE and (t.dep_ == "mark" or t.pos_ == "SCONJ"):
            return t
        if t.is_punct or t.pos_ == "VERB":
            return None
    return None


def _selon_clause(ctx: Context, tok: Token) -> Quote | None:
    """"Selon X, clause." or "clause, selon X.": the clause, attributed to X."""
    if tok.i + 1 >= len(tok.doc) or not (attributive(tok) or pour_name(ctx, tok)):
        return None
    if any(a.dep_ == "acl:relcl" for a in tok.ancestors):
        return None  # "…, qui diffusent selon lui de la propagande": not the sentence's source
    s_start, s_end = ctx.sentence(tok.idx)
    words = []
    for t in tok.doc[tok.i + 1: tok.i + 11]:
        if t.is_punct:
            break
        words.append(t)
    sp = phrase_speaker(ctx, words)
    if not ctx.text[s_start: tok.idx].strip(TRIM):  # "Selon X, …": the clause after X
        comma = ctx.text.find(",", tok.idx, s_end)
        return None if comma < 0 else _make(ctx, comma + 1, s_end, SELON, sp)
    if not _closes_sentence(ctx, tok, s_end):
        return None  # "qui se sont comportés selon lui « comme… »": a quotation's source
    return _make(ctx, s_start, tok.idx, SELON, sp)


def _closes_sentence(ctx: Context, tok: Token, s_end: int) -> bool:
    """Nothing but the source's own words follows "selon X" (no clause, quote or comma)."""
    for t in ctx.tokens(tok.idx + len(tok.text), s_end):
        if ctx.quoted(t.idx) or t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":"):
            return False
    return True


def _unmarked_incise(ctx: Context, start: int, end: int) -> Quote | None:
    """"…, a-t-il déclaré." with no quotation marks: the words before the incise's comma."""
    found = incise_comma(ctx, start, end)
    if found is None or ctx.quoted(start):  # "« … », a-t-il promis": the quotation's own incise
        return None
    comma, verb, sp = found
    if any(not ctx.text[q.close + 1: comma].strip() for q in ctx.marked if q.close < comma):
        return None  # "X « va remercier… », a indiqué Y": the incise of that quotation
    return _make(ctx, start, comma, verb, sp)


def incise_comma(ctx: Context, start: int, end: int) -> tuple[int, str, Speaker | None] | None:
    """The first comma of the sentence ``[start, end)`` that opens an incise ("…, a déclaré
    jeudi M. X." or "…, a-t-il dit, notant que…"): its offset, verb and speaker."""
    comma = ctx.text.find(",", start, end)
    while comma >= 0:
        tail = ctx.tokens(comma + 1, end)
        verb_tok = next((t for t in tail[:3] if speech_verb(t)), None)
        if (verb_tok is not None and _inverted(tail, verb_tok) and _incise_ends(ctx, verb_tok, end)
                and any(t.pos_ in ("VERB", "AUX") for t in ctx.tokens(start, comma))):
            # a clause before the comma, not only its subject ("Le porte-parole, X, a démenti")
            sp = inverted_speaker(ctx, verb_tok, end)
            if sp is not None:
                return comma, speech_verb(verb_tok) or "", sp
        comma = ctx.text.find(",", comma + 1, end)
    return None


def _incise_ends(ctx: Context, verb: Token, end: int) -> bool:
    """No other clause follows the incise's subject but after a comma ("…, a déclaré M. X,
    notant que…")."""
    for t in ctx.tokens(verb.idx + len(verb.text), end):
        if t.text == ",":
            return True  # "…, a annoncé l'Élysée, sans donner de calendrier"
        if t.pos_ in ("VERB", "AUX") or ctx.quoted(t.idx):
            return False
    return True


def _inverted(tail: list[Token], verb: Token) -> bool:
    """The incise's subject follows its verb (the mark of reported speech: "a-t-il dit",
    "a déclaré le ministre"), unlike an ordinary clause ("…, il a dit non")."""
    head = tail[: tail.index(verb)]
    return all(t.pos_ == "AUX" or t.text.startswith("-") for t in head)
