"""Memory and time of ingesting one very long article (0.25, 0.5, 1 and 2 MiB).

The article is built from generic French news sentences (names, places, dates drawn at random,
paragraphs of 3-8 sentences); ``--one-line`` writes it without any line break, the worst case
for the splitting of long texts. Each size is ingested by ``corpus ingest`` in its own
subprocess, into a fresh store; the row gives the wall time and the peak RSS of the biggest
process of that run (``ru_maxrss`` of the children, read by a small wrapper that runs only
that ingest). Time should grow linearly with the size, and memory stay bounded.

    python benchmarks/big_article.py [--sizes 0.25 0.5 1 2] [--one-line] [--workers 1]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mattis_corpus import french

PEOPLE = ["Jim Mattis", "Florence Parly", "Jens Stoltenberg", "Angela Merkel", "Theresa May",
          "Jean-Yves Le Drian", "Mark Esper", "Lloyd Austin"]
PLACES = ["Paris", "Bruxelles", "Berlin", "Washington", "Bagdad", "Kaboul", "Varsovie", "Tunis"]
ORGS = ["l'OTAN", "le Pentagone", "l'ONU", "l'Union européenne", "la Commission européenne"]
MONTHS = list(french.MONTHS)
TEMPLATES = [
    "{a} a rencontré {b} à {place} le {day} {month} {year} pour parler de {org}.",
    "Selon {org}, la réunion de {place} a duré plus de deux heures.",
    "« Nous devons renforcer nos alliances », a déclaré {a} devant la presse.",
    "Le ministre a annoncé un nouveau plan d'ici {year}, sans donner de chiffres.",
    "Les discussions reprendront en {month} prochain, a précisé un porte-parole de {org}.",
    "{b} s'est rendu à {place} mardi, trois jours après la visite de {a}.",
    "La situation reste tendue dans la région, où les combats ont repris depuis {year}.",
    "Plusieurs diplomates ont salué l'accord conclu à {place} en présence de {b}.",
]

# Runs one ingest and prints its children's peak RSS (the only children it has).
WRAPPER = (
    "import json, resource, subprocess, sys, time\n"
    "t = time.monotonic()\n"
    "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "wall = time.monotonic() - t\n"
    "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(json.dumps({'rc': p.returncode, 'wall': wall, 'maxrss_kb': rss, 'err': p.stderr[-500:]}))\n"
)


def article(size: int, rng: random.Random, *, one_line: bool = False) -> str:
    """About ``size`` bytes of French news text (UTF-8), in paragraphs unless ``one_line``."""
    parts: list[str] = ["Un très long article sur la défense européenne"]
    total = len(parts[0].encode())
    while total < size:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            a, b = rng.sample(PEOPLE, 2)
            sentences.append(rng.choice(TEMPLATES).format(
                a=a, b=b, place=rng.choice(PLACES), org=rng.choice(ORGS),
                day=rng.randint(1, 28), month=rng.choice(MONTHS), year=rng.randint(2015, 2020)))
        para = " ".join(sentences)
        parts.append(para)
        total += len(para.encode()) + 2
    return (" " if one_line else "\n\n").join(parts) + "\n"


def measure(path: Path, db: Path, workers: int) -> dict:
    cmd = [sys.executable, "-m", "mattis_corpus", "ingest", str(path), "--db", str(db),
           "--workers", str(workers), "--format", "json"]
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1, 2],
                        help="article sizes in MiB")
    parser.add_argument("--one-line", action="store_true", help="no line break at all")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mib in args.sizes:
            size = int(mib * 1024 * 1024) - 4096  # stay under the 2 MiB file limit
            path = Path(tmp) / f"big_{mib}.txt"
            path.write_text(article(size, random.Random(args.seed), one_line=args.one_line),
                            encoding="utf-8")
            t0 = time.monotonic()
            result = measure(path, Path(tmp) / f"big_{mib}.db", args.workers)
            rows.append((mib, path.stat().st_size, result, time.monotonic() - t0))
            status = "ok" if result["rc"] == 0 else f"exit {result['rc']}: {result['err']}"
            print(f"{mib:>5} MiB  {path.stat().st_size:>9} bytes  {result['wall']:7.1f} s  "
                  f"peak RSS {result['maxrss_kb'] / 1024:7.0f} MiB  {status}", flush=True)
    print("\n| size (MiB) | bytes | wall (s) | s per MiB | peak RSS (MiB) |")
    print("|---:|---:|---:|---:|---:|")
    for mib, size, result, _ in rows:
        print(f"| {mib} | {size} | {result['wall']:.1f} | {result['wall'] / mib:.1f} | "
              f"{result['maxrss_kb'] / 1024:.0f} |")


if __name__ == "__main__":
    main()
