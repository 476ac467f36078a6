"""HTML ingest throughput next to text ingest of the same pages (tests/pages/: 45 pages saved
both as .html and as the .txt a scraper made of them).

    python benchmarks/html_ingest.py [--repeat N] [--full]

Default: the stage before the NLP, as ``corpus ingest`` runs it (``read_items`` then
``prepare``: reading, HTML extraction with trafilatura or our line classifier, title, dates,
language), pages per second, best of N runs. ``--full``: the whole ``corpus ingest`` of each
folder into a new store (spaCy and our rules included), then the re-ingest of the unchanged
folder, wall-clock seconds.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "pages"
sys.path.insert(0, str(ROOT / "src"))


def prepare_all(files: list[Path]) -> float:
    """Seconds to read and prepare every file, as the ingest does before the NLP."""
    from mattis_corpus.errors import BadInputError
    from mattis_corpus.ingest.document import prepare
    from mattis_corpus.ingest.sources import read_items

    start = time.perf_counter()
    for f in files:
        for _, raw in read_items(f):
            if not isinstance(raw, BadInputError):
                prepare(raw)
    return time.perf_counter() - start


def full_ingest(folder: Path) -> tuple[float, float]:
    """(first ingest, re-ingest unchanged) wall-clock seconds of the real CLI."""
    corpus = str(Path(sys.executable).with_name("corpus"))
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "c.db")
        times = []
        for _ in range(2):
            start = time.perf_counter()
            proc = subprocess.run([corpus, "ingest", str(folder), "--db", db], capture_output=True,
                                  text=True)
            if proc.returncode != 0:
                raise SystemExit(f"corpus ingest {folder} failed:\n{proc.stderr}")
            times.append(time.perf_counter() - start)
    return times[0], times[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--full", action="store_true", help="also the whole corpus ingest of each folder")
    opts = ap.parse_args()
    html = sorted((PAGES / "html").glob("*.html"))
    text = sorted((PAGES / "text").glob("*.txt"))
    prepare_all(html[:1] + text[:1])  # imports and lazy tables, outside the timing
    out: dict[str, dict] = {}
    for name, files in (("text", text), ("html", html)):
        best = min(prepare_all(files) for _ in range(opts.repeat))
        out[name] = {"pages": len(files), "prepare_s": round(best, 3),
                     "pages_per_s": round(len(files) / best, 1)}
    if opts.full:
        for name, files in (("text", text), ("html", html)):
            with tempfile.TemporaryDirectory() as tmp:
                for f in files:
                    shutil.copy(f, Path(tmp) / f.name)
                first, again = full_ingest(Path(tmp))
            out[name].update({"ingest_s": round(first, 1), "reingest_unchanged_s": round(again, 2)})
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
