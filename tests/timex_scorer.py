"""Scoring of predicted timexes against a gold standard (TempEval style): exact extents with
values on exact matches (``score``), and TempEval-3 relaxed (overlap) matching with values on
those matches (``relaxed``)."""

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


@dataclass(frozen=True)
class Relaxed:
    """TempEval-3 relaxed matching: a prediction matches a gold timex it overlaps (one to one);
    the value counts on those matches (attribute F1 = relaxed F1 x value accuracy)."""

    tp: int
    n_pred: int
    n_gold: int
    value_tp: int

    @staticmethod
    def _f1(hits: int, n_pred: int, n_gold: int) -> float:
        p = hits / n_pred if n_pred else 1.0
        r = hits / n_gold if n_gold else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def f1(self) -> float:
        return self._f1(self.tp, self.n_pred, self.n_gold)

    @property
    def value_f1(self) -> float:
        return self._f1(self.value_tp, self.n_pred, self.n_gold)


def relaxed(pred: Iterable, gold: Iterable) -> Relaxed:
    """Score one document with overlap matching; exact extents are paired first."""
    gold = sorted(gold, key=_key)
    pred = sorted(pred, key=_key)
    used: set[int] = set()
    pairs: list[tuple[object, object]] = []
    exact = {_key(g): i for i, g in enumerate(gold)}
    rest = []
    for p in pred:
        i = exact.get(_key(p))
        if i is not None and i not in used:
            used.add(i)
            pairs.append((p, gold[i]))
        else:
            rest.append(p)
    for p in rest:
        ps, pe = _key(p)
        for i, g in enumerate(gold):
            gs, ge = _key(g)
            if i not in used and ps < ge and gs < pe:
                used.add(i)
                pairs.append((p, g))
                break
    vtp = sum(1 for p, g in pairs if _value(p) == _value(g))
    return Relaxed(len(pairs), len(pred), len(gold), vtp)


def combine_relaxed(scores: Iterable[Relaxed]) -> Relaxed:
    """Micro-average relaxed document scores."""
    tp = n_pred = n_gold = vtp = 0
    for s in scores:
        tp, n_pred, n_gold, vtp = tp + s.tp, n_pred + s.n_pred, n_gold + s.n_gold, vtp + s.value_tp
    return Relaxed(tp, n_pred, n_gold, vtp)
