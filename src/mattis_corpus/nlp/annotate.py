"""``corpus annotate``: run the whole NLP on texts without storing them (library twin)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from mattis_corpus.dates import parse_partial
from mattis_corpus.errors import BadInputError
from mattis_corpus.textutil import normalise_chars

if TYPE_CHECKING:
    from mattis_corpus.models import Annotation


def _record(item: dict) -> tuple[str, str | None]:
    text = item.get("text")
    if not isinstance(text, str):
        raise BadInputError("each input object needs a string field 'text'")
    published = item.get("published") or None
    if published is not None:
        if not isinstance(published, str):
            raise BadInputError("'published' must be a string YYYY[-MM[-DD]]")
        parse_partial(published)
    return text, published


def annotate_many(items: Iterable[dict], *, model: str | None = None) -> Iterator[dict]:
    """Annotate ``{"id"?, "text", "published"?}`` records, streaming, with the model loaded once.

    Offsets index the returned ``text``: a one-for-one character clean-up of the input (typographic
    apostrophes and exotic spaces), so they also index the input text as given.
    """
    from mattis_corpus.canon import resolve_entities
    from mattis_corpus.nlp.analyse import analyse, pipe
    from mattis_corpus.nlp.model import DEFAULT_MODEL, load_nlp
    from mattis_corpus.nlp.temporal.tagger import tag_dates

    nlp = load_nlp(model or DEFAULT_MODEL)

    def prepared() -> Iterator[tuple[str, tuple[dict, str | None]]]:
        for item in items:
            text, published = _record(item)
            yield normalise_chars(text), (item, published)

    for doc, (item, published) in pipe(nlp, prepared()):
        timexes = tag_dates(doc.text, published, doc)
        ann = analyse(doc, None, published, timexes)
        canon = resolve_entities([("_", m.name, m.type) for m in ann.mentions])
        out: dict = {}
        if "id" in item:
            out["id"] = item["id"]
        out.update(
            {
                "text": doc.text,
                "published": published,
                "entities": [
                    {"start": m.start, "end": m.end, "text": m.text, "type": m.type,
                     "entity": canon[("_", m.name, m.type)].name if ("_", m.name, m.type) in canon else m.name}
                    for m in ann.mentions
                ],
                "dates": [
                    {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
                     "precision": t.precision}
                    for t in ann.timexes
                ],
                "quotes": _quotes(ann, canon),
            }
        )
        yield out


def _quotes(ann: Annotation, canon: dict) -> list[dict]:
    """The quotations, each speaker as its canonical entity (name and id), else null."""
    out = []
    for q in ann.quotes:
        m = ann.mentions[q.speaker_mention] if q.speaker_mention is not None else None
        ent = canon.get(("_", m.name, m.type)) if m is not None else None
        out.append({"start": q.start, "end": q.end, "quote": q.text, "kind": q.kind, "verb": q.verb,
                    "speaker": ent.name if ent else (m.name if m else None),
                    "speaker_id": ent.id if ent else None, "speaker_text": q.speaker_text})
    return out
