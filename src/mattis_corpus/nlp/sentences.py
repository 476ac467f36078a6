"""Sentence boundaries: our rules fixed before the parser, and sentences cut at paragraph breaks."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from mattis_corpus.models import Paragraph, Sentence
from mattis_corpus.nlp.entities.spans import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc


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
