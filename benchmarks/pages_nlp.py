"""What the chrome left in costs downstream: the share of timeline events and of person
mentions that come from page chrome, on the real pages of ``tests/pages/``.

The pages are ingested by the real command (``corpus ingest`` into a temporary store, the
whole folder in one run, as a user would); an event is "from chrome" when its sentence is in
neither the page's expected title nor its body paragraphs, a PER mention when its paragraph
is not. Usage: ``python benchmarks/pages_nlp.py [--split dev|heldout|all] [--tool lynx|html2text|strip]``;
with ``--tool`` the split's pages are made into text from their HTML by that scraper first
(the conversion of ``benchmarks/pages_tools.py``, via ``events_sample.tool_folder``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "pages"
sys.path.insert(0, str(ROOT / "benchmarks"))

from events_sample import TOOLS, tool_folder  # noqa: E402

from pages import plain, tokens  # noqa: E402


def corpus(*args: str) -> str:
    exe = Path(sys.executable).with_name("corpus")
    return subprocess.run([str(exe), *args], check=True, capture_output=True, text=True).stdout


def in_body(fragment: str, body: str) -> bool:
    """The fragment's words appear in order in the expected article (as the scorer reads it)."""
    words = " ".join(tokens(plain(fragment)))
    return bool(words) and words in body


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    ap.add_argument("--tool", choices=TOOLS, help="make the pages' text with this scraper from their HTML")
    opts = ap.parse_args()
    expected = {e["id"]: e for e in map(json.loads, (PAGES / "expected.jsonl").open(encoding="utf-8"))
                if e["language"] == "fr" and opts.split in ("all", e["split"])}
    bodies = {i: " ".join(tokens(plain(" ".join([e["title"], *e["body_paragraphs"]]))))
              for i, e in expected.items()}
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "pages.db")
        folder = tool_folder(opts.tool, Path(tmp), set(expected)) if opts.tool else PAGES / "text"
        corpus("--db", db, "ingest", str(folder))
        events = [ev for ev in json.loads(corpus("--db", db, "timeline", "--format", "json"))
                  if ev["doc"] in expected]
        chrome_events = sum(not in_body(ev["sentence"], bodies[ev["doc"]]) for ev in events)
        mentions = chrome_mentions = 0
        for doc in expected:
            shown = json.loads(corpus("--db", db, "show", doc, "--format", "json"))
            paragraphs = shown["paragraphs"]
            for m in shown["entities"]:
                if m["type"] != "PER":
                    continue
                para = next((p["text"] for p in paragraphs if p["start"] <= m["start"] < p["end"]),
                            m["text"])
                mentions += 1
                chrome_mentions += not in_body(para, bodies[doc])
    print(json.dumps({
        "tool": opts.tool or "saved", "pages": len(expected), "events": len(events),
        "events_from_chrome_pct": round(100 * chrome_events / max(len(events), 1), 1),
        "per_mentions": mentions,
        "per_mentions_from_chrome_pct": round(100 * chrome_mentions / max(mentions, 1), 1),
    }))


if __name__ == "__main__":
    main()
