"""Score quotation extraction ("who said what", issue 21) against tests/quotes_gold/quotes.jsonl.

Usage: python benchmarks/quotes.py [--split dev|heldout|all] [-v] [--predictions FILE] [--json]

The real pipeline runs through ``corpus annotate --jsonl`` (one subprocess, the model loaded
once); ``--predictions FILE`` scores a saved output of that command instead. A predicted quote
matches a gold quote when their character spans overlap by at least half of the shorter one; a
prediction matches at most one gold quote, except gold quotes sharing a ``group`` (pieces of one
statement), which one prediction may match together. A prediction that is mostly a negative
string (a scare quote, a title, a que-clause after a non-speech verb) is a false positive on the
negatives and matches nothing. The heldout split is never used for tuning.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "quotes_gold" / "quotes.jsonl"
KINDS = ("direct", "partial", "indirect")
# Characters the normaliser may rewrite one for one: compare texts through this map.
_CANON = str.maketrans({
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    "\u2019": "'", "\u02bc": "'", "\u2018": "'", "\u201b": "'", "\u00b4": "'", "\u2032": "'",
    "`": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
})

Span = tuple[int, int]


def load_gold(split: str, path: Path = GOLD) -> list[dict]:
    """The gold passages of one split ("all" keeps both)."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def overlaps(a: Span, b: Span) -> int:
    """Length of the overlap of two spans, 0 when they are disjoint."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_match(a: Span, b: Span) -> bool:
    """True when the spans overlap by at least half of the shorter one."""
    shorter = min(a[1] - a[0], b[1] - b[0])
    ov = overlaps(a, b)
    return ov > 0 and 2 * ov >= shorter


def match_spans(gold: list[tuple[int, int, int | None]], pred: list[Span]) -> dict[int, int]:
    """Gold index -> prediction index, one to one first, closest spans (IoU) first.

    Then a gold quote still unmatched may take a prediction already used when every gold quote
    that prediction holds has the same non-null group (one span covering «…», a-t-il dit, «…»).
    """
    def iou(g: Span, p: Span) -> float:
        return overlaps(g, p) / (max(g[1], p[1]) - min(g[0], p[0]))

    pairs = sorted(
        ((iou(g[:2], p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
         if spans_match(g[:2], p)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    gold_to_pred: dict[int, int] = {}
    held: dict[int, list[int]] = {}
    for shared in (False, True):
        for _, gi, pi in pairs:
            if gi in gold_to_pred:
                continue
            taken = held.get(pi, [])
            group = gold[gi][2]
            if taken and (not shared or group is None
                          or any(gold[t][2] != group for t in taken)):
                continue
            gold_to_pred[gi] = pi
            held.setdefault(pi, []).append(gi)
    return gold_to_pred


def fold(name: str | None) -> str:
    """Casefolded, accent-free, single-spaced form of a name ("" for None)."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name.translate(_CANON).casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").split())


def speaker_ok(gold: str | None, pred: str | None) -> bool:
    """Gold null wants null; otherwise the same name, or the same last word (last name)."""
    g, p = fold(gold), fold(pred)
    if not g:
        return not p
    return bool(p) and (g == p or g.split()[-1] == p.split()[-1])


def locate(quote: str, gold_text: str, out_text: str, start: int) -> Span | None:
    """Where a gold quote (at ``start`` in the gold text) lies in the returned text."""
    canon_gold, canon_out = gold_text.translate(_CANON), out_text.translate(_CANON)
    needle = quote.translate(_CANON)
    if canon_gold == canon_out:
        return start, start + len(quote)
    hits = [m.start() for m in re.finditer(re.escape(needle), canon_out)]
    if hits:
        expected = start * len(out_text) / max(1, len(gold_text))
        best = min(hits, key=lambda h: abs(h - expected))
        return best, best + len(needle)
    loose = r"\s+".join(re.escape(w) for w in needle.split())
    m = re.search(loose, canon_out)
    return (m.start(), m.end()) if m else None


def negative_spans(row: dict, out_text: str) -> list[tuple[Span, str]]:
    """Every occurrence, in the returned text, of the passage's negative strings."""
    found = []
    canon_out = out_text.translate(_CANON)
    for neg in row.get("negatives", []):
        needle = neg["text"].translate(_CANON)
        found += [((m.start(), m.end()), neg["text"])
                  for m in re.finditer(re.escape(needle), canon_out)]
    return found


def is_negative(pred: Span, negs: list[tuple[Span, str]]) -> str | None:
    """The negative string a prediction mostly consists of, if any."""
    for span, text in negs:
        if 2 * overlaps(pred, span) >= pred[1] - pred[0] > 0:
            return text
    return None


def run_pipeline(rows: list[dict]) -> list[dict]:
    """Annotations of the passages by the real ``corpus annotate --jsonl``."""
    exe = ROOT / ".venv" / "bin" / "corpus"
    cmd = [str(exe)] if exe.exists() else [shutil.which("corpus") or "corpus"]
    payload = "".join(
        json.dumps({"id": r["id"], "text": r["text"], "published": r["published"]},
                   ensure_ascii=False) + "\n"
        for r in rows
    )
    proc = subprocess.run([*cmd, "annotate", "--jsonl", "-"], input=payload, text=True,
                          capture_output=True, encoding="utf-8")
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        sys.exit(f"corpus annotate --jsonl failed (exit {proc.returncode})")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def pred_span(pred: dict, out_text: str) -> Span | None:
    """A prediction's span: its offsets, else where its quote text occurs."""
    if isinstance(pred.get("start"), int) and isinstance(pred.get("end"), int):
        return pred["start"], pred["end"]
    text = (pred.get("quote") or "").translate(_CANON)
    i = out_text.translate(_CANON).find(text) if text else -1
    return (i, i + len(text)) if i >= 0 else None


def new_tally() -> dict:
    """Empty counters for ``score``."""
    return {"gold": 0, "predicted": 0, "matched_gold": 0, "matched_pred": 0,
            "gold_by_kind": Counter(), "found_by_kind": Counter(), "kind_ok": 0,
            "speaker_ok": 0, "unnamed_named": 0, "unnamed_matched": 0, "negatives": 0,
            "negative_fp": 0, "fragments": 0, "unlocated": 0, "log": []}


def score_row(row: dict, ann: dict | None, t: dict) -> None:
    """Add one passage's comparison to the tally ``t``."""
    out_text = ann["text"] if ann and "text" in ann else row["text"]
    preds = (ann or {}).get("quotes") or []
    negs = negative_spans(row, out_text)
    t["negatives"] += len(row.get("negatives", []))
    gold = []
    for q in row["quotes"]:
        span = locate(q["quote"], row["text"], out_text, q["start"])
        if span is None:
            t["unlocated"] += 1
            t["log"].append(f"{row['id']} UNLOCATED gold {q['quote'][:70]!r}")
            span = (-2, -1)
        gold.append((span[0], span[1], q.get("group")))
    spans, kept = [], []
    for p in preds:
        span = pred_span(p, out_text)
        neg = is_negative(span, negs) if span else None
        if span is None or neg is not None:
            t["negative_fp"] += neg is not None
            t["log"].append(f"{row['id']} FP-NEGATIVE {neg!r}" if neg else
                            f"{row['id']} FP unplaceable {p.get('quote', '')[:70]!r}")
            continue
        spans.append(span)
        kept.append(p)
    t["predicted"] += len(preds)
    pairs = match_spans(gold, spans)
    _tally_gold(row, gold, kept, pairs, t)
    used = set(pairs.values())
    t["matched_pred"] += len(used)
    for pi, (p, span) in enumerate(zip(kept, spans, strict=True)):
        if pi in used:
            continue
        inside = any(g[0] <= span[0] and span[1] <= g[1] for gi, g in enumerate(gold)
                     if gi in pairs)
        t["fragments"] += inside
        t["log"].append(f"{row['id']} FP{' (inside a matched quote)' if inside else ''} "
                        f"[{p.get('kind')}] {out_text[span[0]:span[1]][:80]!r}")


def _tally_gold(row: dict, gold: list, kept: list[dict], pairs: dict[int, int], t: dict) -> None:
    """Recall, kind and speaker counts of one passage's gold quotes."""
    for gi, q in enumerate(row["quotes"]):
        t["gold"] += 1
        t["gold_by_kind"][q["kind"]] += 1
        if gi not in pairs:
            t["log"].append(f"{row['id']} MISS [{q['kind']}] {q['quote'][:80]!r} "
                            f"({q['speaker'] or q['speaker_text']})")
            continue
        p = kept[pairs[gi]]
        t["matched_gold"] += 1
        t["found_by_kind"][q["kind"]] += 1
        t["kind_ok"] += p.get("kind") == q["kind"]
        if q["speaker"] is None:
            t["unnamed_matched"] += 1
            t["unnamed_named"] += bool(fold(p.get("speaker")))
        if speaker_ok(q["speaker"], p.get("speaker")):
            t["speaker_ok"] += 1
        else:
            t["log"].append(f"{row['id']} SPEAKER gold={q['speaker']!r} "
                            f"({q['speaker_text']!r}) predicted={p.get('speaker')!r} "
                            f"({p.get('speaker_text')!r}) for {q['quote'][:50]!r}")


def ratio(a: int, b: int) -> float:
    """a / b, 0 when b is 0."""
    return a / b if b else 0.0


def summary(t: dict) -> dict:
    """The figures of a finished tally."""
    p = ratio(t["matched_pred"], t["predicted"])
    r = ratio(t["matched_gold"], t["gold"])
    return {
        "gold": t["gold"], "predicted": t["predicted"], "matched_gold": t["matched_gold"],
        "matched_predictions": t["matched_pred"], "precision": round(p, 3),
        "recall": round(r, 3), "f1": round(ratio(2 * p * r, p + r), 3),
        "recall_by_kind": {k: round(ratio(t["found_by_kind"][k], t["gold_by_kind"][k]), 3)
                           for k in KINDS},
        "gold_by_kind": {k: t["gold_by_kind"][k] for k in KINDS},
        "kind_accuracy": round(ratio(t["kind_ok"], t["matched_gold"]), 3),
        "speaker_accuracy": round(ratio(t["speaker_ok"], t["matched_gold"]), 3),
        "unnamed_matched": t["unnamed_matched"], "unnamed_turned_named": t["unnamed_named"],
        "negatives": t["negatives"], "false_positives_on_negatives": t["negative_fp"],
        "unmatched_inside_matched_quote": t["fragments"], "gold_unlocated": t["unlocated"],
    }


def main(argv: list[str] | None = None) -> int:
    """Run (or read) the annotations, score them, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    ap.add_argument("-v", "--verbose", action="store_true", help="print misses, FPs, speakers")
    ap.add_argument("--predictions", type=Path, help="saved `corpus annotate --jsonl` output")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    rows = load_gold(args.split)
    if args.predictions:
        lines = args.predictions.read_text("utf-8").splitlines()
        anns = [json.loads(line) for line in lines if line.strip()]
    else:
        anns = run_pipeline(rows)
    by_id = {a.get("id"): a for a in anns}
    has_field = any("quotes" in a for a in anns)
    if not has_field:
        print("NOTE: no `quotes` field in the `corpus annotate` output: the extractor is not "
              "there yet; scored as 0 quotes found.", file=sys.stderr)
    t = new_tally()
    for row in rows:
        score_row(row, by_id.get(row["id"]), t)
    figures = {"split": args.split, "passages": len(rows), "quotes_field": has_field,
               **summary(t)}
    if args.verbose and t["log"]:
        print("\n".join(t["log"]))
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print("\n".join(f"{k:32} {v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
