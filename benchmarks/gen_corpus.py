"""Synthetic-but-realistic French news articles, made by varying the seed articles in data/raw.

Each article takes a title and 5-12 paragraphs drawn (shuffled) from all the seed articles, then
substitutes people, places and years consistently within the article, and sometimes adds a
dateline (``date YYYY-MM-DD``) like the seeds have. Every article is different (checked by hash),
so ``corpus ingest`` never skips one as unchanged. Deterministic for a given ``--seed``.

    python benchmarks/gen_corpus.py OUT_DIR -n 2000 [--seed 1]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"

FIRST_NAMES = ["Jim", "James", "Mark", "Robert", "Lloyd", "Ashton", "Chuck", "Leon", "Donald",
               "Patrick", "John", "Michael", "David", "Richard", "William", "Thomas", "Peter",
               "Paul", "Steven", "George"]
SURNAMES = ["Mattis", "Esper", "Austin", "Carter", "Hagel", "Panetta", "Gates", "Rumsfeld",
            "Cohen", "Perry", "Aspin", "Cheney", "Carlucci", "Weinberger", "Brown", "Schlesinger",
            "Laird", "Clifford", "McNamara", "Shanahan", "Miller", "Dunford", "Milley", "Kelly",
            "Votel", "Townsend", "Wolters", "Scaparrotti", "Breedlove", "Petraeus"]
CITIES = ["Paris", "Bruxelles", "Berlin", "Londres", "Rome", "Madrid", "Varsovie", "Vilnius",
          "Riga", "Tallinn", "Ankara", "Bagdad", "Amman", "Beyrouth", "Le Caire", "Tunis",
          "Alger", "Rabat", "Dakar", "Bamako", "Niamey", "Tokyo", "Séoul", "Canberra", "Ottawa"]
LEADERS = ["Trump", "Obama", "Biden", "Bush", "Clinton"]
FR_LEADERS = ["Macron", "Hollande", "Sarkozy", "Chirac"]
PLAIN_WORDS = {"mardi": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"],
               "mercredi": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]}


def seed_paragraphs(raw: Path = RAW) -> tuple[list[str], list[str]]:
    """(titles, body paragraphs) from the seed articles."""
    titles, body = [], []
    for path in sorted(raw.glob("*.txt")):
        for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            block = " ".join(block.split())
            if block.startswith("date "):
                block = re.sub(r"^date \S+\s*", "", block)
            words = len(block.split())
            if 6 <= words <= 20 and not block.endswith((".", ":", "»")):
                titles.append(block)
            elif words >= 25:
                body.append(block)
    return titles, body


def _substitute(text: str, rng: random.Random, subs: dict[str, str], year_shift: int) -> str:
    for old, new in subs.items():
        text = re.sub(rf"\b{re.escape(old)}\b", new, text)
    text = re.sub(r"\b(19[5-9]\d|20[0-2]\d)\b", lambda m: str(int(m.group()) + year_shift), text)
    return text


def article(rng: random.Random, titles: list[str], body: list[str]) -> str:
    subs = {
        "Mattis": rng.choice(SURNAMES),
        "Jim": rng.choice(FIRST_NAMES),
        "James": rng.choice(FIRST_NAMES),
        "Paris": rng.choice(CITIES),
        "Bruxelles": rng.choice(CITIES),
        "Trump": rng.choice(LEADERS),
        "Macron": rng.choice(FR_LEADERS),
    }
    for word, choices in PLAIN_WORDS.items():
        subs[word] = rng.choice(choices)
    year_shift = rng.randint(-12, 6)
    paras = rng.sample(body, rng.randint(5, min(12, len(body))))
    parts = []
    if rng.random() < 0.4:
        y = 2017 + year_shift
        parts.append(f"date {y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    parts.append(rng.choice(titles))
    parts.extend(paras)
    return "\n\n".join(_substitute(p, rng, subs, year_shift) for p in parts) + "\n"


def generate(out: Path, n: int, seed: int = 1, prefix: str = "syn") -> list[Path]:
    """Write ``n`` distinct articles to ``out`` (created); returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    titles, body = seed_paragraphs()
    seen: set[str] = set()
    paths = []
    i = 0
    while len(paths) < n:
        text = article(rng, titles, body)
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        path = out / f"{prefix}_{seed:02d}_{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        i += 1
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    paths = generate(args.out, args.n, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles, {words} words in {args.out}")


if __name__ == "__main__":
    main()
