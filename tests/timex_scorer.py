"""Exact-extent and value scoring of predicted timexes against a gold standard (TempEval style)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    """Precision/recall/F1 for extents, and F1 for values on exactly matched extents."""

    tp: int
    fp: int
    fn: int
    value_tp: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_f1(self) -> float:
        """F1 where a prediction counts only if its extent is exact and its value equal."""
        n_pred, n_gold = self.tp + self.fp, self.tp + self.fn
        p = self.value_tp / n_pred if n_pred else 1.0
        r = self.value_tp / n_gold if n_gold else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _key(t) -> tuple[int, int]:
    if isinstance(t, Mapping):
        return int(t["start"]), int(t["end"])
    return t.start, t.end


def _value(t) -> str:
    return t["value"] if isinstance(t, Mapping) else t.value


def score(pred: Iterable, gold: Iterable) -> Score:
    """Score one document (or a flat list); items are Timex objects or dicts with start/end/value."""
    gold_by = {_key(g): _value(g) for g in gold}
    pred_by = {_key(p): _value(p) for p in pred}
    tp = sum(1 for k in pred_by if k in gold_by)
    vtp = sum(1 for k, v in pred_by.items() if gold_by.get(k) == v)
    return Score(tp, len(pred_by) - tp, len(gold_by) - tp, vtp)


def combine(scores: Iterable[Score]) -> Score:
    """Micro-average several document scores."""
    tp = fp = fn = vtp = 0
    for s in scores:
        tp, fp, fn, vtp = tp + s.tp, fp + s.fp, fn + s.fn, vtp + s.value_tp
    return Score(tp, fp, fn, vtp)
