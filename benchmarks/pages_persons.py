"""Document-level person scores on the real French pages of ``tests/pages/`` (issue 19).

    python benchmarks/pages_persons.py [--split dev|heldout|all] [--input text|html]
                                       [--authors ignore|count] [--batch 1|2|3|all] [--set pages|wikinews]
                                       [--tool lynx|html2text|strip|lynx-links|w3m|elinks|links|soup|browser] [--pages ID,...] [-v]

The gold is ``tests/pages/persons.jsonl``: per page, the people the article itself names
(written by hand from the article body, title and standfirst, before any of our code was run),
each with its fullest form and the other forms the article uses, and the article's own byline
apart as ``authors``. The pages (the whole ``text/`` or ``html/`` folder, as a user would ingest
it, so that lines recurring across pages are counted as ``corpus ingest`` counts them) go
through the real ingest library path (``mattis_corpus.run.ingest``, what ``corpus ingest``
calls) into a temporary store; each document's PER entities are the canonical names the store
lists for that document.

A predicted name matches a gold person when, after accent/case folding, it equals the name or
a variant, or its last token equals the gold surname (last token of the name) and its other
tokens, honorifics aside, do not conflict with the gold first names (same token or its
initial). Matching is one to one per page: a second entity that matches an already matched
person is a *duplicate* (it counts against precision, and is reported apart). Precision,
recall and F1 are micro-averaged over the pages. ``--authors ignore`` (default) drops the
entities that match the byline; ``count`` adds the byline to the gold people.

Also printed: the 50 PER entities with the most mentions in the split's pages, with whether
each is a gold person of any page, and the number of non-persons among them and of duplicate
pairs in the split. ``-v`` lists per page the false positives, duplicates and misses.

``--set wikinews`` scores the French Wikinews articles of ``tests/wikinews/`` instead (clean HTML
pages, ingested as HTML: text the rules were never written on; gold ``tests/wikinews/persons.jsonl``).

``CORPUS_SRC=<dir>`` scores another copy of the package (e.g. ``git archive HEAD src`` unpacked
in a temporary folder, also on ``PYTHONPATH``), as ``benchmarks/pages.py`` allows.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "pages"
sys.path.insert(0, os.environ.get("CORPUS_SRC", str(ROOT / "src")))
sys.path.insert(1, str(ROOT / "benchmarks"))

from mattis_corpus.textutil import fold  # noqa: E402

# Honorifics a predicted name may carry before the surname ("M. Macron"); scorer-side only.
HONORIFICS = {"m", "m.", "mme", "mme.", "mlle", "mr", "mr.", "dr", "dr.", "me", "pr"}


@dataclass
class Person:
    """A gold person: the folded forms that match exactly, the surname and first names."""

    name: str
    keys: set[str]
    surname: str
    given: list[str]


@dataclass
class Page:
    id: str
    persons: list[Person]
    authors: list[Person]


@dataclass
class PageResult:
    """One page's outcome: matched gold names, misses, false positives, duplicates."""

    id: str
    gold: int
    predicted: int
    matched: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false_pos: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)


def person(name: str, variants: list[str] = ()) -> Person:
    tokens = fold(name).split()
    return Person(name, {fold(v) for v in [name, *variants]}, tokens[-1], tokens[:-1])


GOLD_FILES = {"1": "persons.jsonl", "2": "persons_batch2.jsonl", "3": "persons_batch3.jsonl"}  # one per collection batch


def load_gold(split: str, batch: str = "1") -> dict[str, Page]:
    """The gold people of the French pages of ``split`` (the split read from expected.jsonl)
    and of collection ``batch`` ("1", "2", "3" or "all")."""
    splits = {e["id"]: e["split"] for e in map(json.loads, (PAGES / "expected.jsonl").open(encoding="utf-8"))}
    pages = {}
    files = GOLD_FILES.values() if batch == "all" else [GOLD_FILES[batch]]
    rows = [row for name in files for row in map(json.loads, (PAGES / name).open(encoding="utf-8"))]
    for row in rows:
        if split in ("all", splits[row["id"]]):
            pages[row["id"]] = Page(row["id"], [person(p["name"], p["variants"]) for p in row["persons"]],
                                    [person(a) for a in row.get("authors", [])])
    return pages


WIKINEWS = ROOT / "tests" / "wikinews"  # French Wikinews articles, clean HTML: no chrome, new text


def load_wikinews_gold(split: str) -> dict[str, Page]:
    """The gold people of the Wikinews articles of ``split`` (the split each record carries)."""
    rows = map(json.loads, (WIKINEWS / "persons.jsonl").open(encoding="utf-8"))
    return {row["id"]: Page(row["id"], [person(p["name"], p["variants"]) for p in row["persons"]], [])
            for row in rows if split in ("all", row["split"])}


def exact(pred: str, gold: Person) -> bool:
    return fold(pred) in gold.keys


def same_person(pred: str, gold: Person) -> bool:
    """Equal to a gold form, or same surname with first names that do not conflict."""
    if exact(pred, gold):
        return True
    tokens = fold(pred).split()
    if not tokens or tokens[-1] != gold.surname:
        return False
    given = [t for t in tokens[:-1] if t not in HONORIFICS]
    return not gold.given or all(_compatible(t, gold.given) for t in given)


def _compatible(token: str, given: list[str]) -> bool:
    """A first-name token agrees with the gold first names: the same, or its initial."""
    bare = token.rstrip(".")
    return any(bare == g or (len(bare) == 1 and g.startswith(bare)) for g in given)


def score_page(page: Page, names: list[str], authors: str) -> PageResult:
    """One-to-one matching of a page's predicted names to its gold people (exact forms first)."""
    gold = page.persons + (page.authors if authors == "count" else [])
    if authors == "ignore":
        names = [n for n in names if not any(same_person(n, a) for a in page.authors)]
    res = PageResult(page.id, len(gold), len(names))
    claimed: dict[int, str] = {}
    order = sorted(names, key=lambda n: not any(exact(n, g) for g in gold))
    for name in order:
        hits = [i for i, g in enumerate(gold) if same_person(name, g)]
        free = [i for i in hits if i not in claimed]
        if free:
            claimed[free[0]] = name
            res.matched.append(gold[free[0]].name)
        elif hits:
            res.duplicates.append((name, claimed[hits[0]]))
        else:
            res.false_pos.append(name)
    res.missed = [g.name for i, g in enumerate(gold) if i not in claimed]
    return res


def _tool_folder(tool: str, tmp: Path) -> Path:
    """Every page's text as ``tool`` writes it from the page's HTML."""
    import shutil

    from pages_tools import convert

    sources = json.loads((PAGES / "tools" / "sources.json").read_text(encoding="utf-8"))
    folder = tmp / tool
    folder.mkdir()
    for pid, src in sources.items():
        (folder / f"{pid}.txt").write_bytes(convert(tool, PAGES / "html" / f"{pid}.html", src["charset"],
                                                    shutil.which("html2text") or "html2text"))
    return folder


def ingest_folder(folder: Path, db: Path) -> None:
    """The real ingest library path, as ``corpus ingest <folder>`` runs it."""
    from mattis_corpus.run import ingest
    from mattis_corpus.store.db import Store

    with Store(db, create=True) as store:
        report = ingest([folder], store)
    if report.failed:
        print(f"ingest failures: {report.failed}", file=sys.stderr)


def per_entities(db: Path, docs: list[str]) -> dict[str, list[dict]]:
    """Per document: its PER entities (canonical name, id, mentions in that document)."""
    from mattis_corpus.query.entities import list_entities
    from mattis_corpus.store.db import Store

    out: dict[str, list[dict]] = {}
    with Store(db, readonly=True) as store:
        for doc in docs:
            try:
                out[doc] = list(list_entities(store, type_="PER", doc=doc))
            except Exception as e:  # a page the ingest did not store
                print(f"{doc}: {e}", file=sys.stderr)
                out[doc] = []
    return out


def prf(results: list[PageResult]) -> dict:
    tp = sum(len(r.matched) for r in results)
    pred = sum(r.predicted for r in results)
    gold = sum(r.gold for r in results)
    p, r = tp / pred if pred else 0.0, tp / gold if gold else 0.0
    return {"pages": len(results), "gold": gold, "predicted": pred, "matched": tp,
            "false_pos": sum(len(x.false_pos) for x in results),
            "duplicates": sum(len(x.duplicates) for x in results),
            "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def top_entities(found: dict[str, list[dict]], every: list[Person], dup_names: set[str],
                 n: int = 50) -> list[tuple[int, int, str, bool, bool]]:
    """The ``n`` PER entities with most mentions in the split: (mentions, docs, name, person?, dup?)."""
    mentions: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    names: dict[str, str] = {}
    for ents in found.values():
        for e in ents:
            mentions[e["id"]] += e["mentions"]
            docs[e["id"]] += 1
            names[e["id"]] = e["name"]
    ranked = sorted(mentions, key=lambda i: (-mentions[i], -docs[i], names[i]))[:n]
    return [(mentions[i], docs[i], names[i], any(same_person(names[i], g) for g in every),
             names[i] in dup_names) for i in ranked]


def print_verbose(results: list[PageResult]) -> None:
    for r in results:
        if r.false_pos or r.missed or r.duplicates:
            print(f"\n{r.id}: gold {r.gold}, predicted {r.predicted}, matched {len(r.matched)}")
            if r.false_pos:
                print("  false positives: " + "; ".join(r.false_pos))
            if r.duplicates:
                print("  duplicates: " + "; ".join(f"{a} (= {b})" for a, b in r.duplicates))
            if r.missed:
                print("  missed: " + "; ".join(r.missed))


def print_top(rows: list[tuple[int, int, str, bool, bool]]) -> None:
    print(f"\n{'mentions':>8} {'docs':>4}  {'person?':7} {'dup':3}  name")
    for mentions, docs, name, is_person, dup in rows:
        print(f"{mentions:>8} {docs:>4}  {'yes' if is_person else 'NO':7} {'dup' if dup else '':3}  {name}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    ap.add_argument("--input", choices=["text", "html"], default="text")
    ap.add_argument("--authors", choices=["ignore", "count"], default="ignore")
    ap.add_argument("--batch", choices=["1", "2", "3", "all"], default="1",
                    help="the pages of one collection batch (default 1: the first 53 pages)")
    ap.add_argument("--tool", choices=["lynx", "html2text", "strip", "lynx-links", "w3m", "elinks", "links",
                                       "soup", "browser"],
                    help="make every page's text with this tool from its HTML (benchmarks/pages_tools.py)")
    ap.add_argument("--reuse", type=Path, help="read the --tool texts a pages_tools.py --keep run wrote there")
    ap.add_argument("--set", choices=["pages", "wikinews"], default="pages",
                    help="the real pages of tests/pages (default), or the Wikinews articles of tests/wikinews")
    ap.add_argument("--pages", help="score only these page ids (comma-separated prefixes, e.g. p02,p09)")
    ap.add_argument("-v", "--verbose", action="store_true")
    opts = ap.parse_args()
    gold = load_wikinews_gold(opts.split) if opts.set == "wikinews" else load_gold(opts.split, opts.batch)
    if opts.pages:
        wanted = tuple(opts.pages.split(","))
        gold = {pid: page for pid, page in gold.items() if pid.startswith(wanted)}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "pages.db"
        folder = (WIKINEWS / "html" if opts.set == "wikinews" else
                  opts.reuse / opts.tool if opts.reuse and opts.tool else
                  _tool_folder(opts.tool, Path(tmp)) if opts.tool else PAGES / opts.input)
        ingest_folder(folder, db)
        found = per_entities(db, sorted(gold))
    results = [score_page(gold[d], [e["name"] for e in found[d]], opts.authors) for d in sorted(gold)]
    every = [p for page in (load_wikinews_gold("all") if opts.set == "wikinews" else load_gold("all", "all")).values()
             for p in page.persons + page.authors]
    dup_names = {name for r in results for pair in r.duplicates for name in pair}
    rows = top_entities(found, every, dup_names)
    if opts.verbose:
        print_verbose(results)
    print_top(rows)
    read_as = "html" if opts.set == "wikinews" else opts.tool or opts.input
    summary = {"set": opts.set, "split": opts.split, "batch": opts.batch, "input": read_as, "authors": opts.authors,
               **prf(results),
               "top50_non_persons": sum(not r[3] for r in rows),
               "top50_in_duplicate_pairs": sum(r[4] for r in rows),
               "duplicate_pairs": sum(len(r.duplicates) for r in results)}
    print("\n" + json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
