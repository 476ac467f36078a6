"""Quotations of one parsed document: each quoted span with its reporting verb and speaker,
then indirect speech (``indirect.py``).

A quoted span is a quotation when something attributes it: an incise after it ("», a
déclaré M. X", "», a-t-il ajouté"), a reporting verb or "selon X" before it in its sentence,
a colon after a clause naming the speaker, an attribution line under a pull quote, or the
quotation just before it (a quote continued after an incise, or over several sentences).
One or two quoted words with no reporting verb right next to them are scare quotes, not
quotations ("des « drones »").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from mattis_corpus.models import Mention, Quote, Sentence
from mattis_corpus.nlp.quotes.context import Context
from mattis_corpus.nlp.quotes.marks import Marked, between, marked_spans
from mattis_corpus.nlp.quotes.speakers import (
    QUE,
    SINGULAR_PRONOUNS,
    Speaker,
    inverted_speaker,
    phrase_speaker,
    sentence_subject,
    subject_speaker,
    token_speaker,
)
from mattis_corpus.nlp.quotes.verbs import speech_verb
from mattis_corpus.textutil import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NAME_WORDS = 4  # a quoted name or title has at most this many words
SCARE_WORDS = 2  # at most this many quoted words need a reporting verb right next to them
NEAR_VERB = 6  # tokens between that verb and the quote
INNER_INCISE = 7  # tokens of an incise written inside the marks ("a-t-elle ajouté")
INCISE_TOKENS = 5  # how far after the closing mark an incise's verb may be
ATTRIBUTION_LINE_WORDS = 12
SELON = "selon"
POUR = "pour"
# A reporting verb in these clauses is not the one that reports the quote ("Bien que
# l'initiative soit critiquée…, le général a défendu « … »").
SUBORDINATE = ("acl", "acl:relcl", "advcl")
CONTINUED_GAP = 16  # words (the previous quote's incise) between a quote and its continuation
NAME_PHRASE = 10  # words read after "selon" for the speaker's name
DASHES = ("-", "—", "–")


class Attribution(NamedTuple):
    verb: str | None
    speaker: Speaker | None
    how: str  # incise | intro | selon | colon | line | continued
    near: bool = True  # the verb is right next to the quote (what scare-quote words need)


def find_quotes(doc: Doc, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Quote]:
    """Every quotation of ``doc`` (direct, partial and indirect), in text order."""
    from mattis_corpus.nlp.entities.spans import doc_text
    from mattis_corpus.nlp.quotes.indirect import indirect_quotes

    text = doc_text(doc)
    ctx = Context(doc, text, sentences, mentions, marked_spans(text))
    quotes: list[Quote] = []
    previous: tuple[Marked, Attribution] | None = None
    for k, marked in enumerate(ctx.marked):
        parts = _inner_incise(ctx, marked)
        if not parts:
            att = attribute(ctx, k, previous)
            parts = [] if att is None else [(marked, att)]
        for span, att in parts:
            if _is_quotation(ctx, span, att):
                quotes.append(_quote(ctx, span, att))
                previous = (span, att)
                if att.speaker is not None and att.speaker.mention is not None:
                    ctx.spoken.append((span.start, att.speaker.mention))
    quotes += indirect_quotes(ctx, quotes)
    quotes = [_not_about_themselves(ctx, q) for q in _without_nested_partials(quotes)]
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _not_about_themselves(ctx: Context, q: Quote) -> Quote:
    """A pronoun was resolved to the last person named, but the statement names that very
    person in the third person ("Il a écrit que le général Mattis « prendrait sa
    retraite »"): the speaker is someone else, whom we do not know; never guess."""
    if q.speaker_mention is None or fold((q.speaker_text or "").lstrip("-")) not in SINGULAR_PRONOUNS:
        return q
    name = ctx.mentions[q.speaker_mention].name
    if any(q.start <= m.start < q.end and m.name == name for m in ctx.mentions):
        return dataclasses.replace(q, speaker_mention=None)
    return q


def _without_nested_partials(quotes: list[Quote]) -> list[Quote]:
    """A partial quote inside a reported clause ("… a affirmé que Moscou n'intervenait pas
    « dans les affaires intérieures »") is part of that statement, not a second one."""
    indirect = [(q.start, q.end) for q in quotes if q.kind == "indirect"]
    return [q for q in quotes
            if q.kind != "partial" or not any(a <= q.start and q.end <= b for a, b in indirect)]


def _quote(ctx: Context, span: Marked, att: Attribution) -> Quote:
    speaker = att.speaker
    return Quote(span.start, span.end, ctx.text[span.start: span.end], _kind(ctx, span, att),
                 att.verb, speaker.text if speaker else None, speaker.mention if speaker else None)


def _kind(ctx: Context, span: Marked, att: Attribution) -> str:
    """Partial when the quote is a piece of the writer's clause ("d'« obsolète »", "la France
    « est l'un des… »"): a word runs into the opening mark and the quote starts lowercase."""
    before = ctx.text[: span.open].rstrip()
    first = ctx.text[span.start: span.start + 1]
    if before and (before[-1].isalnum() or before[-1] == "'") and first.islower():
        return "partial"
    return "direct"


def _is_quotation(ctx: Context, span: Marked, att: Attribution) -> bool:
    words = sum(1 for t in ctx.tokens(span.start, span.end) if t.is_alpha)
    if words == 0:
        return False
    if words <= SCARE_WORDS:
        return att.how in ("incise", "intro", "selon") and att.near and not _name_like(ctx, span)
    return not _name_like(ctx, span)


def _name_like(ctx: Context, span: Marked) -> bool:
    """« Russia Today », « Barkhane », "Les Misérables": a short run of capitalised words is a
    name or a title, not a statement."""
    words = [t for t in ctx.tokens(span.start, span.end) if t.is_alpha]
    if not words or len(words) > NAME_WORDS or ctx.text[span.end - 1] in ".!?":
        return False
    capitalised = all(t.text[:1].isupper() or len(t.text) <= 3 for t in words)
    return capitalised and words[0].text[:1].isupper() and any(
        t.pos_ == "PROPN" or t.ent_type_ for t in words)


def attribute(ctx: Context, k: int, previous: tuple[Marked, Attribution] | None) -> Attribution | None:
    """What attributes the ``k``-th quoted span, tried from the strongest sign to the weakest."""
    span = ctx.marked[k]
    s_start, _ = ctx.sentence(span.open)
    _, s_end = ctx.sentence(max(span.close - 1, span.open))
    lo = max([s_start] + [q.close + 1 for q in ctx.marked[:k]])
    hi = min([s_end] + [q.open for q in ctx.marked[k + 1:]])
    for rule in (_incise, _intro, _colon, _line, _sentence_incise):
        att = rule(ctx, span, lo, hi)
        if att is not None:
            return att
    return _continued(ctx, span, previous) or _context(ctx, span)


def _incise(ctx: Context, span: Marked, lo: int, hi: int) -> Attribution | None:
    """"«…», a déclaré M. Mattis", "«…», a-t-il ajouté", "«…», selon le ministre", "«…» — X"."""
    after = ctx.tokens(span.close + 1, hi)
    if not after:
        return None
    if after[0].text in DASHES:
        sp = _first_person(ctx, after[1:4])
        return Attribution(None, sp, "line") if sp else None
    if after[0].text != ",":
        return None  # "«…» et critiqué la répartition…" goes on with the writer's clause
    after = after[1:]
    for j, tok in enumerate(after[:INCISE_TOKENS]):
        if attributive(tok):
            return _selon(ctx, tok, "selon")
        verb = speech_verb(tok)
        if verb:
            sp = inverted_speaker(ctx, tok, hi) or subject_speaker(ctx, tok)
            named = _first_person(ctx, after[:j])
            return Attribution(verb, named or sp, "incise")
        if tok.is_punct and tok.text not in ("-",):
            return None
    return None


def _first_person(ctx: Context, tokens: Sequence[Token]) -> Speaker | None:
    for t in tokens:
        m = ctx.person_at(t.idx)
        if m is not None:
            return token_speaker(ctx, t)
    return None


def _selon(ctx: Context, tok: Token, how: str) -> Attribution:
    """"selon X": X is the phrase "selon" introduces, up to the next punctuation."""
    words = []
    for t in tok.doc[tok.i + 1: tok.i + 1 + NAME_PHRASE]:
        if t.is_punct or ctx.quoted(t.idx):
            break
        words.append(t)
    return Attribution(SELON, phrase_speaker(ctx, words), how)


def _intro(ctx: Context, span: Marked, lo: int, hi: int) -> Attribution | None:
    """A reporting verb (or "selon") earlier in the quote's sentence, outside other quotes:
    "X a déclaré : «…»", "X a qualifié l'OTAN d'«…»", "Selon X, «…»". With several verbs
    the nearest main one reports, or the one whose "que" clause holds it ("X a demandé que
    l'Occident reconnaisse « … »")."""
    before = [t for t in ctx.tokens(lo, span.open) if not ctx.quoted(t.idx)]
    for tok in before:
        if attributive(tok) or pour_name(ctx, tok):
            return _selon(ctx, tok, "selon")._replace(near=_near(before, tok))
    verbs = [t for t in before if speech_verb(t)]
    if not verbs:
        return None
    main = [t for t in verbs if t.dep_ not in SUBORDINATE or _near(before, t)] or verbs
    k = len(main) - 1  # the nearest verb, or the one whose "que" clause holds it
    while k and any(fold(t.text) in QUE for t in before[before.index(main[k - 1]): before.index(main[k])]):
        k -= 1
    tok = main[k]
    j = before.index(tok)
    sp = subject_speaker(ctx, tok) or _last_person(ctx, before[:j])
    if sp is None:
        sp = inverted_speaker(ctx, tok, span.open) or sentence_subject(ctx, tok)
    return Attribution(speech_verb(tok), sp, "intro", _near(before, verbs[-1]))


def attributive(tok: Token) -> bool:
    """"selon" and "d'après" name the source of what follows."""
    word = fold(tok.text)
    if word in (SELON, "d'apres"):
        return True
    if word in ("d'", "d") and tok.i + 1 < len(tok.doc):  # "D'" + "après"
        return fold(tok.doc[tok.i + 1].text) == "apres"
    return False


def pour_name(ctx: Context, tok: Token) -> bool:
    """"Pour Jordan Bardella, …" opening a sentence attributes like "selon"."""
    if fold(tok.text) != POUR or ctx.sentence(tok.idx)[0] != tok.idx:
        return False
    nxt = tok.doc[tok.i + 1: tok.i + 5]
    m = ctx.person_at(nxt[0].idx) if len(nxt) else None
    return m is not None and any(t.text == "," for t in nxt)


def _near(before: list[Token], tok: Token) -> bool:
    """The reporting word is right next to the quote (what one or two quoted words need)."""
    return len(before) - before.index(tok) <= NEAR_VERB


def _last_person(ctx: Context, tokens: Sequence[Token]) -> Speaker | None:
    return _first_person(ctx, list(reversed(tokens)))


def _colon(ctx: Context, span: Marked, lo: int, hi: int) -> Attribution | None:
    """"Le ministre a été clair : «…»": the subject of the clause the colon ends."""
    if not ctx.text[:span.open].rstrip().endswith(":"):
        return None
    before = [t for t in ctx.tokens(lo, span.open) if not ctx.quoted(t.idx)]
    root = next((t for t in before if t.dep_ == "ROOT" or t.head.i >= span.open), None)
    sp = subject_speaker(ctx, root) if root is not None else None
    return Attribution(None, sp or _last_person(ctx, before), "colon")


def _line(ctx: Context, span: Marked, lo: int, hi: int) -> Attribution | None:
    """A pull quote, a paragraph of its own, followed by a short attribution line that starts
    with a name ("Jens Stoltenberg, secrétaire général de l'OTAN")."""
    p_start, p_end = ctx.paragraph(span.open)
    if ctx.text[p_start: span.open].strip() or ctx.text[span.close + 1: p_end].strip(" .\t"):
        return None
    n_start, n_end = ctx.paragraph(p_end + 1) if p_end + 1 < len(ctx.text) else (p_end, p_end)
    line = ctx.tokens(n_start, n_end)
    if not line or sum(t.is_alpha for t in line) > ATTRIBUTION_LINE_WORDS:
        return None
    if any(t.pos_ == "VERB" and t.dep_ == "ROOT" and speech_verb(t) is None for t in line[:1]):
        return None
    lead = line[1:4] if line[0].text in DASHES else line[:3]
    sp = _first_person(ctx, lead)
    return Attribution(None, sp, "line") if sp else None


def _sentence_incise(ctx: Context, span: Marked, lo: int, hi: int) -> Attribution | None:
    """A quote inside a sentence that "selon X" or a final incise attributes ("si cela
    « sert » ses intérêts, selon X"; "ils n'envisagent pas « maintenant » de collaborer, a
    affirmé le secrétaire James Mattis")."""
    from mattis_corpus.nlp.quotes.indirect import incise_comma

    s_start, s_end = ctx.sentence(span.open)
    selon = next((t for t in ctx.tokens(s_start, s_end)
                  if attributive(t) and not ctx.quoted(t.idx)), None)
    if selon is not None:
        return _selon(ctx, selon, "selon")
    found = incise_comma(ctx, s_start, s_end)
    if found is None or found[0] < span.close:
        return None
    _, verb, speaker = found
    return Attribution(verb, speaker, "incise")


def _inner_incise(ctx: Context, span: Marked) -> list[tuple[Marked, Attribution]]:
    """“Nous ne les oublions pas, a-t-elle ajouté. Nous ferons tout.”: an incise written
    inside the marks splits the quote in two, both attributed by it."""
    toks = ctx.tokens(span.start, span.end)
    for j, comma in enumerate(toks):
        if comma.text != ",":
            continue
        run = toks[j + 1: j + 1 + INNER_INCISE]
        stop = next((k for k, t in enumerate(run) if t.text in (".", ",", ";", "!", "?")), 0)
        verb = next((t for t in run[:stop] if speech_verb(t)), None)
        if verb is None or not all(t.pos_ == "AUX" or t.text.startswith("-")
                                   for t in run[: run.index(verb)]):
            continue
        end = run[stop]
        sp = inverted_speaker(ctx, verb, end.idx) or phrase_speaker(ctx, run[run.index(verb) + 1: stop])
        att = Attribution(speech_verb(verb), sp, "incise")
        parts = [(between(ctx.text, span.open, comma.idx), att)]
        if end.idx + 1 < span.end:
            parts.append((between(ctx.text, end.idx, span.close), att._replace(how="continued")))
        return parts
    return []


def _context(ctx: Context, span: Marked) -> Attribution | None:
    """A quote standing as a sentence of its own right after a sentence whose subject is a
    named person ("Emmanuel Macron a prononcé un discours. « … »"): that person's words."""
    s_start, _ = ctx.sentence(span.open)
    _, s_end = ctx.sentence(max(span.close - 1, span.open))
    if ctx.text[s_start: span.open].strip() or ctx.text[span.close + 1: s_end].strip(" .!?\n"):
        return None
    p_start, _ = ctx.paragraph(span.open)
    if s_start <= p_start:
        return None  # the first sentence of its paragraph
    prev_start, _ = ctx.sentence(s_start - 1)
    root = next((t for t in ctx.tokens(prev_start, s_start) if t.dep_ == "ROOT"), None)
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subj is None or ctx.quoted(subj.idx):
        return None
    sp = token_speaker(ctx, subj)
    if sp.mention is None or not ctx.is_person(sp.mention):
        return None
    return Attribution(None, sp, "context")


def _continued(ctx: Context, span: Marked, previous: tuple[Marked, Attribution] | None) -> Attribution | None:
    """A quote with nothing of its own continues the previous quotation when nothing but its
    attribution lies between them, in the same or the next paragraph."""
    if previous is None:
        return None
    prev, att = previous
    if prev.close > span.open or att.speaker is None:
        return None
    p_prev, p_here = ctx.paragraph(prev.close), ctx.paragraph(span.open)
    if p_here[0] != p_prev[0] and ctx.text[p_prev[1]: p_here[0]].strip():
        return None  # neither the same paragraph nor the next one
    between = [t for t in ctx.tokens(prev.close + 1, span.open) if t.is_alpha]
    if len(between) > CONTINUED_GAP or any(
        (m := ctx.person_at(t.idx)) is not None
        and m != att.speaker.mention and ctx.mentions[m].text not in att.speaker.text
        for t in between
    ):
        return None
    return Attribution(att.verb, att.speaker, "continued")
