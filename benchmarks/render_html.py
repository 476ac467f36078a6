"""How long a timeline page of many events takes to draw in headless Chromium.

    python benchmarks/render_html.py [--events 10000] [--runs 5]

Builds ``timeline --format html`` for N synthetic events (spread over six years, two or three
entities each), opens it in ``chromium --headless --dump-dom`` and reads what the page's
script wrote: ``data-rendered-events`` (must be N) and ``data-rendered-ms`` (from the start
of the script to the end of the first layout, measured with ``performance.now()``). The whole
page load (``performance.now()`` when the load event has fired: HTML parsing, JSON parsing,
the script, layout) is read the same way, from a line this script adds. The wall time of the
Chromium process (start-up included) and of an empty page are printed too. Median of the runs.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from mattis_corpus.cli.render.html.pages import timeline_page  # noqa: E402
from mattis_corpus.labels import ENTITY_TYPES  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Written by the page when its load event has fired (benchmark only: appended to the page).
PROBE = ('<script>addEventListener("load", function () { setTimeout(function () {'
         ' document.documentElement.setAttribute("data-loaded-ms", String(Math.round(performance.now())));'
         " }, 0); });</script>")


def synthetic_events(n: int, seed: int = 7) -> list[dict]:
    """N timeline rows shaped like the store's (day, month and year precision mixed)."""
    rnd = random.Random(seed)
    people = [(f"Personne {i}", ENTITY_TYPES[i % len(ENTITY_TYPES)]) for i in range(300)]
    rows = []
    for i in range(n):
        y, m, d = rnd.randint(2014, 2019), rnd.randint(1, 12), rnd.randint(1, 28)
        precision = rnd.choices(["day", "month", "year"], [6, 3, 1])[0]
        date = {"day": f"{y}-{m:02d}-{d:02d}", "month": f"{y}-{m:02d}", "year": str(y)}[precision]
        start = {"day": date, "month": f"{date}-01", "year": f"{y}-01-01"}[precision]
        end = {"day": date, "month": f"{date}-28", "year": f"{y}-12-31"}[precision]
        names = rnd.sample(people, rnd.randint(2, 3))
        rows.append({
            "date": date, "precision": precision, "start": start, "end": end,
            "date_text": f"le {d} {m} {y}", "doc": f"{i % 2000:04d}_synthetic",
            "sentence": f"Phrase numéro {i} où {names[0][0]} rencontre {names[1][0]} pour parler.",
            "summary": f"{names[0][0]} a rencontré {names[1][0]}",
            "entities": [{"name": a, "type": t} for a, t in names],
        })
    rows.sort(key=lambda r: (r["date"], r["start"]))
    return rows


def open_page(path: Path, profile: Path) -> tuple[float, dict]:
    """(wall seconds, attributes of <html>) of one headless Chromium run on ``path``."""
    t = time.perf_counter()
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,900",
         "--virtual-time-budget=30000", f"--user-data-dir={profile}", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=600, check=True,
    )
    wall = time.perf_counter() - t
    root = re.search(r"<html[^>]*>", run.stdout)
    return wall, dict(re.findall(r'([\w-]+)="([^"]*)"', root[0] if root else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit("headless Chromium is needed: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        t = time.perf_counter()
        html = timeline_page(synthetic_events(args.events), "Benchmark")
        build = time.perf_counter() - t
        page = work / "timeline.html"
        page.write_text(html.replace("</body>", PROBE + "</body>"), "utf-8")
        empty = work / "empty.html"
        empty.write_text("<!DOCTYPE html><html><body></body></html>", "utf-8")
        walls, scripts, loads, base = [], [], [], []
        for i in range(args.runs):
            base.append(open_page(empty, work / f"p{i}")[0])
            wall, attrs = open_page(page, work / f"p{i}")
            if attrs.get("data-rendered-events") != str(args.events) or attrs.get("data-js-errors") != "0":
                sys.exit(f"the page did not draw {args.events} events: {attrs}")
            walls.append(wall)
            scripts.append(int(attrs["data-rendered-ms"]))
            loads.append(int(attrs["data-loaded-ms"]))
    med = statistics.median
    print(f"timeline page, {args.events} events: {len(html) / 1e6:.1f} MB, built in {build:.2f} s")
    print(f"  script (cards + first layout): {med(scripts)} ms median  (runs: {scripts})")
    print(f"  page loaded (parse + script + layout): {med(loads)} ms median  (runs: {loads})")
    print(f"  chromium wall: {med(walls):.2f} s; an empty page: {med(base):.2f} s")


if __name__ == "__main__":
    main()
