"""The spaCy side of the entity rules: the gazetteer ruler component and the pipeline setup.

Gives :func:`configure_nlp`, which puts :class:`GazetteerRuler` before the NER (so known places
and organisations of :mod:`mattis_corpus.nlp.entities.gazetteer` are found with the right type
and span), the OCR repair of :mod:`mattis_corpus.nlp.entities.ocr` after it, and points the
common-word test at the model's lemmatizer tables.

spaCy is never imported here at import time: only when the component is registered or run.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from mattis_corpus.nlp.entities.gazetteer import gazetteer
from mattis_corpus.nlp.entities.ocr import (
    OCR_FACTORY,
    OCR_NAME,
    make_ocr_entities,
    split_glued_titles,
)
from mattis_corpus.nlp.entities.spans import doc_text, token_texts, use_lemma_index

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

RULER_NAME = "gazetteer_ruler"
RULER_FACTORY = "corpus_gazetteer_ruler"


def configure_nlp(nlp: Language) -> None:
    """Add the gazetteer ruler before the NER and load the common-word lexicon.

    The ruler runs first so the statistical NER predicts around known names (a gazetteer
    span is never merged into "Défense James Mattis"). Idempotent.
    """
    use_lemma_index(nlp)  # read when a rule first needs it (a worker that only parses never does)
    if RULER_NAME in nlp.pipe_names:
        return
    from spacy.language import Language

    if RULER_FACTORY not in Language.factories:
        Language.factory(RULER_FACTORY, func=make_gazetteer_ruler)
    if OCR_FACTORY not in Language.factories:
        Language.factory(OCR_FACTORY, func=make_ocr_entities)
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe(RULER_FACTORY, name=RULER_NAME, **where)
    if "ner" in nlp.pipe_names:  # old printed pages: the NER again on the OCR-repaired text
        split_glued_titles(nlp)
        nlp.add_pipe(OCR_FACTORY, name=OCR_NAME, after="ner")


class GazetteerRuler:
    """The gazetteer's names as entities, set before the NER: spaCy's ``entity_ruler`` with
    phrase patterns, matched on the text instead of on pattern Docs.

    The ``entity_ruler`` tokenizes each of the ~4,000 patterns when the model loads (~0.5 s
    of every ingest, in every worker). spaCy tokenizes each whitespace-separated chunk on
    its own, so a name matches where its exact text starts at a token start and ends at a
    token end; patterns are indexed by their first word. Overlaps are resolved as the
    ``entity_ruler`` does: longest first, then leftmost; the first pattern wins a tie.
    """

    def __init__(self, patterns: Iterable[dict]) -> None:
        self.by_lead: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for p in patterns:
            self.by_lead[_lead(p["pattern"])].append((p["pattern"], p["label"], p.get("id", "")))
        for entries in self.by_lead.values():
            entries.sort(key=lambda e: -len(e[0]))  # stable: pattern order among equals

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        texts = token_texts(doc)
        if not texts:
            return doc
        text = doc_text(doc)
        starts = doc.to_array("IDX").tolist()
        matches: list[tuple[int, int, str, str]] = []
        by_lead = self.by_lead
        for i, start in enumerate(starts):
            t = texts[i]
            for pattern, label, ent_id in by_lead.get(t if t.isalnum() else _lead(t), ()):
                if text.startswith(pattern, start):
                    stop = start + len(pattern)
                    end = bisect.bisect_left(starts, stop, i)  # first token starting at/after it
                    if starts[end - 1] + len(texts[end - 1]) == stop:  # the name ends a token
                        matches.append((i, end, label, ent_id))
        matches.sort(key=lambda m: (m[0] - m[1], m[0]))  # longest, then leftmost (stable)
        seen: set[int] = set()
        # Reading doc.ents walks every token: skip it when no component set entities yet.
        spans = list(doc.ents) if doc.has_annotation("ENT_IOB") else []
        for start, end, label, ent_id in matches:
            if start in seen or end - 1 in seen:  # the entity_ruler's own overlap test
                continue
            spans = [e for e in spans if not (e.start < end and e.end > start)]
            spans.append(Span(doc, start, end, label=label, span_id=ent_id))
            seen.update(range(start, end))
        doc.ents = spans
        return doc


_LEAD_RE = re.compile(r"\w+")


def _lead(text: str) -> str:
    """The first word of a pattern or a token (its first character when it starts with none)."""
    m = _LEAD_RE.match(text)
    return m.group() if m else text[:1]


def make_gazetteer_ruler(nlp: Language, name: str) -> GazetteerRuler:
    """spaCy factory of ``GazetteerRuler`` (registered by ``configure_nlp``)."""
    return GazetteerRuler(gazetteer().patterns())
