"""One parsed document → everything we extract from it (sentences, mentions, TIMEX3, events)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from mattis_corpus.models import Annotation, Paragraph, Timex
from mattis_corpus.nlp.entities.mentions import extract_mentions
from mattis_corpus.nlp.entities.spans import doc_text
from mattis_corpus.nlp.events import extract_events
from mattis_corpus.nlp.quotes.finder import find_quotes
from mattis_corpus.nlp.sentences import sentences
from mattis_corpus.nlp.temporal.tagger import tag_dates

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def pipe(
    nlp: Language, items: Iterable[tuple[str, Any]], *, batch_size: int = 16
) -> Iterator[tuple[Doc, Any]]:
    """Stream (text, context) pairs through ``nlp.pipe``; each Doc keeps its context. Long
    texts are parsed in pieces (``chunks.parse_texts``): memory stays bounded per document."""
    from itertools import islice

    from mattis_corpus.nlp.chunks import parse_texts

    stream = iter(items)
    while batch := list(islice(stream, batch_size)):
        docs = parse_texts(nlp, [text for text, _ in batch], batch_size=batch_size)
        yield from zip(docs, (context for _, context in batch), strict=True)


def analyse(
    doc: Doc, paragraphs: Sequence[Paragraph] | None, anchor: str | None,
    timexes: list[Timex] | None = None,
) -> Annotation:
    """Everything we extract from one parsed document."""
    text = doc_text(doc)
    sents = sentences(doc, paragraphs)
    mentions = extract_mentions(doc, paragraphs)
    if timexes is None:
        timexes = tag_dates(text, anchor, doc)
    events = extract_events(doc, sents, timexes, mentions, paragraphs, anchor)
    return Annotation(sents, mentions, timexes, events, find_quotes(doc, sents, mentions))
