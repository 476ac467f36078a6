"""Sentence boundaries: our rules fixed before the parser, and sentences cut at paragraph breaks;
and the text rules of how a sentence is said short: the label it may open on ("VIDÉO - ",
"PARIS (AFP) - "), and where a cut text may end."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from mattis_corpus.models import Paragraph, Sentence
from mattis_corpus.nlp.entities.spans import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def paragraph_breaks(doc: Doc) -> Doc:
    """Rule-based sentence boundaries, fixed before the parser (which respects them).

    The small model's parser splits news text poorly ("Washington" | "est prêt à…"), so a
    sentence ends only at a line break or at final punctuation (and its closing quote)
    followed by a capital, a digit or an opening quote; everywhere else it may not.

    A module-level function (not a closure) so that worker processes, forked or spawned,
    find it by its qualified name when they unpickle a pipeline or load one themselves.
    """
    if len(doc):
        import numpy
        from spacy.attrs import SENT_START

        # One array write instead of a Python setter per token (~15 ms per 1,000 words).
        # SENT_START is 1 (starts a sentence) or -1 (may not), stored as uint64 like to_array.
        values = numpy.array([1 if s else -1 for s in sentence_starts(doc)], dtype="int64")
        doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
    return doc


FINAL = {".", "!", "?", "…", "..."}
CLOSING = {"»", '"', ")", "”"}
OPENING = {"«", '"', "“", "(", "-", "—", "–"}


def sentence_starts(doc: Doc) -> list[bool]:
    """For each token, whether a sentence starts there (see ``paragraph_breaks``)."""
    n = len(doc)
    starts = [False] * n
    if not n:
        return starts
    starts[0] = True
    tokens = [(t.text, t.whitespace_) for t in doc]  # plain strings: no Token lookups below
    ended = False  # the previous tokens closed a sentence
    for i in range(n - 1):
        text, space = tokens[i]
        if "\n" in text or "\n" in space:
            starts[i + 1] = True
            ended = False
            continue
        if text in FINAL:
            ended = True
        elif text not in CLOSING:  # a closing quote keeps the sentence ended
            ended = False
        nxt = tokens[i + 1][0]
        if ended and space and not nxt.isspace():
            first = nxt[:1]
            if first.isupper() or first.isdigit() or nxt in OPENING:
                starts[i + 1] = True
                ended = False
    return starts


def sentences(doc: Doc, paragraphs: Sequence[Paragraph] | None = None) -> list[Sentence]:
    """spaCy's sentences, split again at paragraph breaks (a sentence never spans two blocks)."""
    text = doc_text(doc)
    out = []
    for s in doc.sents:
        start, end = s.start_char, s.end_char
        for piece_start, piece_end in _split_at_breaks(text, start, end):
            chunk = text[piece_start:piece_end]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            if trail > lead:
                out.append(Sentence(piece_start + lead, piece_start + trail, chunk[lead:trail]))
    return out


def _split_at_breaks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    while True:
        cut = text.find("\n", pos, end)
        if cut == -1:
            yield pos, end
            return
        yield pos, cut
        pos = cut + 1


CAPS = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9'.&]*"
# A sentence's opening label: "VIDÉO - ", "MISE À JOUR La …", "CONSOMMATION-Les …" (capitals),
# "PARIS (AFP) - " (a dateline with its agency), "8h16 - " (a live-blog stamp), "Analyse : ".
LABELS = (
    re.compile(rf"^{CAPS}(?:\s+{CAPS})*(?:\s+[-–—|]\s+|\s*:\s+|-(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ]))"),
    re.compile(rf"^{CAPS}(?:\s+{CAPS})+\s+(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ'])"),
    re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'-]*){0,3}\s*\([^()]{1,30}\)\s*[-–—:]\s*"),
    re.compile(r"^\d{1,2}\s?[h:]\s?\d{2}\s+[-–—|]\s+"),
)
SHORT_LABEL = re.compile(r"^[A-ZÀ-ÖØ-Þ][^\s:«»\"]*(?:\s+[^\s:«»\"]+){0,3}?\s+(?:[-–—|]|:)\s+")


def _label_length(span: Span) -> int:
    """How many characters of the sentence are labels before its first word of news: capitals
    or a short verbless phrase before a dash or colon ("Guerre en Ukraine : "), a dateline."""
    text, at = span.text, 0
    for _ in range(3):
        rest = text[at:]
        m = next((m for m in (r.match(rest) for r in LABELS) if m), None)
        if m is None and (m := SHORT_LABEL.match(rest)) is not None:
            lo = span.start_char + at
            words = [tok for tok in span if lo <= tok.idx < lo + m.end()]
            if any(tok.pos_ in ("VERB", "AUX") or tok.like_num for tok in words):
                m = None  # "Le maire a dit : …" is a clause; "Le 3 mars : …" a date
        if m is None or len(rest[m.end():].split()) < 4:
            break
        at += m.end()
    return at


def _unlabelled(summary: str, span: Span, min_words: int = 3) -> str:
    """The summary without the label the sentence opens on (the cleaner may leave "VIDÉO - ",
    "MISE À JOUR", "PARIS (AFP) - "): an event never starts with a label or a dateline."""
    at = _label_length(span)
    if not at:
        return summary
    label = " ".join(span.text[:at].replace('"', " ").split()).rstrip(" -–—|:")
    if not summary.startswith(label):
        return summary
    rest = summary[len(label):].lstrip(" -–—|:")
    return rest if len(rest.split()) >= min_words else summary


PREPOSITIONS = {"de", "d'", "du", "des", "à", "au", "aux", "par", "pour", "sur", "dans", "avec", "en", "chez",
                "depuis", "après", "avant", "pendant", "selon", "contre", "vers", "entre", "outre", "parmi",
                "sans", "sous", "malgré", "lors", "que", "qu'"}


def _trim_words(text: str, n: int) -> str:
    """At most ``n`` words. A cut text ends at its last comma when that keeps most of it, and
    never on a word that needs the next one (preposition, article, conjunction, relative
    pronoun: "…, contre…", "… ou qui…" leave the reader hanging); then it says "…"."""
    words = text.split()
    if len(words) <= n:
        return text
    kept = words[:n]
    comma = max((k for k, w in enumerate(kept) if w.endswith(",")), default=-1)
    if comma >= n // 2:
        kept = kept[: comma + 1]
    while kept and (kept[-1].rstrip(",;:").lower() in CUT_TRAILING or kept[-1].endswith(("'", ",", ";", ":"))):
        last = kept.pop()
        if last.endswith((",", ";", ":")) and last.rstrip(",;:").lower() not in CUT_TRAILING:
            kept.append(last.rstrip(",;:"))
            break
    return " ".join(kept) + "…" if kept else ""


# Words a cut text cannot end on: they announce a word that was cut (French function words).
CUT_TRAILING = PREPOSITIONS | {
    "au", "aux", "du", "des", "le", "la", "les", "un", "une", "et", "ou", "mais", "ni", "car", "qui", "que",
    "dont", "où", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "notre",
    "nos", "votre", "vos", "peu", "très", "si", "aussi", "afin", "-", "–", "—",
    "je", "j'", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles"}  # a subject without its verb
