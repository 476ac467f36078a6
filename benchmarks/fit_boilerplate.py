"""Fit the boilerplate model's weights on the dev pages of tests/pages/ (never the heldout).

    python benchmarks/fit_boilerplate.py [--write]

A line is labelled article text when its words stand, in order, in one of the page's expected
body paragraphs (lines of fewer than three words only when they are a whole paragraph, such as
an intertitle). L2-regularised logistic regression, by gradient descent (numpy). With
``--write`` the weights go to ``src/mattis_corpus/data/boilerplate_weights.json`` with the
settings of the block search, the date and the training set they came from.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from mattis_corpus.ingest.clean import boilerplate as B  # noqa: E402
from mattis_corpus.ingest.clean.chars import normalise_text  # noqa: E402

PAGES = ROOT / "tests" / "pages"
OUT = ROOT / "src" / "mattis_corpus" / "data" / "boilerplate_weights.json"


def load(split: str) -> list[tuple[dict, list]]:
    rows = [json.loads(line) for line in (PAGES / "expected.jsonl").open(encoding="utf-8")]
    out = []
    for exp in rows:
        if exp["language"] == "fr" and split in ("all", exp["split"]):
            text = (PAGES / "text" / f"{exp['id']}.txt").read_text(encoding="utf-8", errors="replace")
            out.append((exp, B.page_lines(normalise_text(text))))
    return out


def recurring_counts(pages: list[tuple[dict, list]]) -> Counter:
    """In how many pages each line occurs: what an ingest of the whole folder would count."""
    counts: Counter = Counter()
    for _, lines in pages:
        counts.update({B.line_key(line.text) for line in lines})
    return counts


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[k:k + 3]) for k in range(len(words) - 2)}


def labels(exp: dict, lines: list) -> list[int]:
    """1 for a line whose word trigrams mostly stand in the expected body (robust to how the
    tools wrapped and joined lines), or that is a whole short body paragraph (an intertitle)."""
    from pages import plain

    body = set()
    for p in exp["body_paragraphs"]:
        body |= _trigrams(B.line_key(plain(p)).split())
    paragraphs = {B.line_key(plain(p)) for p in exp["body_paragraphs"]}
    out = []
    for line in lines:
        key = B.line_key(line.text)
        grams = _trigrams(key.split())
        share = len(grams & body) / len(grams) if grams else 0.0
        out.append(int(key in paragraphs or share >= 0.6))
    return out


def matrix(pages, counts, first_w: np.ndarray | None = None):
    """The first stage's features, or (given its weights) the second stage's."""
    xs, ys, sizes = [], [], []
    for exp, lines in pages:
        feats = B.page_features(lines, lambda t: counts[B.line_key(t)] >= 2)
        if first_w is not None:
            w = dict(zip(B.FEATURES, first_w, strict=True))
            feats = B.context_features(feats, [B.probability(f, w) for f in feats])
        names = B.FEATURES if first_w is None else B.CONTEXT_FEATURES
        xs += [[f[k] for k in names] for f in feats]
        ys += labels(exp, lines)
        sizes += [len(line.text.split()) for line in lines]
    return np.array(xs), np.array(ys, dtype=float), np.array(sizes, dtype=float)


def fit(x: np.ndarray, y: np.ndarray, sizes: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method; each line weighs by its words
    (the measures count words, not lines)."""
    w = np.zeros(x.shape[1])
    weight = np.log1p(sizes) + 1.0
    reg = l2 * np.eye(x.shape[1])
    reg[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ ((p - y) * weight) + reg @ w
        hess = (x * (p * (1 - p) * weight)[:, None]).T @ x + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    opts = ap.parse_args()
    dev = load("dev")
    counts = recurring_counts(load("all"))
    x, y, sizes = matrix(dev, counts)
    w = fit(x, y, sizes)
    x2, _, _ = matrix(dev, counts, w)
    w2 = fit(x2, y, sizes)
    p = 1.0 / (1.0 + np.exp(-(x2 @ w2)))
    acc = float(((p > 0.5) == (y > 0.5)).mean())
    print(f"{len(dev)} dev pages, {len(y)} lines ({int(y.sum())} body), line accuracy {acc:.3f}")
    for k, v in [*zip(B.FEATURES, w, strict=True), *zip(B.CONTEXT_FEATURES, w2, strict=True)]:
        print(f"  {k:16} {v:+.3f}")
    if opts.write:
        settings = B.weights()[1] if OUT.exists() else {"threshold": 0.5, "size_offset": 1.0,
                                                        "second_block": 0.3}
        OUT.write_text(json.dumps({
            "about": "Weights of the boilerplate line model (ingest/clean/boilerplate.py), fitted"
                     " by benchmarks/fit_boilerplate.py on the dev split of tests/pages/ (real"
                     " pages from MIT/Apache-licensed fixtures; see tests/pages/README.md).",
            "fitted": date.today().isoformat(),
            "training": {"pages": len(dev), "lines": len(y), "line_accuracy": round(acc, 3)},
            "weights": {
                "line": {k: round(float(v), 4) for k, v in zip(B.FEATURES, w, strict=True)},
                "context": {k: round(float(v), 4) for k, v in zip(B.CONTEXT_FEATURES, w2, strict=True)},
            },
            "settings": settings,
        }, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
