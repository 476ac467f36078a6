"""The cyclic garbage collector kept quiet while the model allocates its long-lived objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def few_collections() -> Iterator[None]:
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
