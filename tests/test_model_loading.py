"""Loading the model keeps the cyclic collector out of the way, and puts it back as it was."""

from __future__ import annotations

import gc
import multiprocessing

import pytest

from mattis_corpus import run as pipeline
from mattis_corpus.nlp.speedups.gc_tuning import few_collections


def test_collections_are_deferred_while_loading_and_thresholds_come_back():
    before = gc.get_threshold()
    with few_collections():
        assert gc.get_threshold()[0] > 1_000_000  # no scan of the heap as it grows
        assert gc.get_threshold()[1:] == before[1:]
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), few_collections():
        raise RuntimeError("a model that fails to load")
    assert gc.get_threshold() == before


def _frozen_and_thresholds() -> tuple[int, tuple[int, ...]]:
    return gc.get_freeze_count(), gc.get_threshold()


def test_a_worker_freezes_the_loaded_model_and_keeps_normal_thresholds():
    # A real worker of the ingest pool (fork or spawn, as the platform starts them).
    with multiprocessing.get_context().Pool(
        1, initializer=pipeline._worker_init, initargs=(None,)
    ) as pool:
        frozen, thresholds = pool.apply(_frozen_and_thresholds)
    assert frozen > 100_000  # the model's objects, out of every later collection's scan
    assert thresholds == gc.get_threshold()
