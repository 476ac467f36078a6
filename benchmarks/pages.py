"""Score cleaning, titles and publication dates on the real-page dev set (tests/pages/).

    python benchmarks/pages.py [--split dev|heldout|all] [--input text|html|trafilatura]
                               [--batch 1|2|3|all] [-v]

For each French page: words of the article body lost, chrome words kept (share of the stored
words), title right, publication date right / wrong / missing. Pages in another language are
scored for the language flag only. The measures are the ones the real-pages issue states;
words are compared after our own normalisation and folding, aligned in order (runs of 3+ words),
so a body paragraph split or joined differently still counts as kept.

``--batch`` picks the pages of one collection batch (the ``batch`` field of ``expected.jsonl``;
a record without it is batch 1, the default, so the figures of the first 53 pages stay
comparable); the lines that recur across pages are counted over the text files of the chosen
batch only, as an ingest of that batch's folder would count them.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "pages"
sys.path.insert(0, os.environ.get("CORPUS_SRC", str(ROOT / "src")))

from mattis_corpus.ingest.clean.chars import normalise_text  # noqa: E402
from mattis_corpus.textutil import fold  # noqa: E402

_WORD = re.compile(r"\w+")


def plain(text: str) -> str:
    """Expected text as words: the scraper's link targets, bullets and emphasis marks taken off
    (as the tools saved them, the expectations keep html2text's Markdown)."""
    from mattis_corpus.ingest.clean.markup import parse_lines

    text = _LINK_TARGET.sub("]", text)  # an expectation may hold a link whose URL was re-spaced
    return " ".join(line.text for line in parse_lines(normalise_text(text)))


_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")


def tokens(text: str) -> list[str]:
    return _WORD.findall(fold(normalise_text(text)))


def same_title(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and tokens(a) == tokens(b)


@dataclass
class PageScore:
    id: str
    split: str
    body_words: int
    lost: int
    stored: int
    chrome: int
    title_ok: bool
    title: str | None
    date: str  # right | wrong | missing | none-ok
    published: str | None
    expected_published: str | None


def score_page(exp: dict, text: str, title: str | None, published: str | None) -> PageScore:
    """Align the stored text with the expected title + body, in order."""
    body = [t for p in exp["body_paragraphs"] for t in tokens(plain(p))]
    want_title = tokens(exp["title"])
    got = tokens(text)
    target = want_title + body
    sm = difflib.SequenceMatcher(None, got, target, autojunk=False)
    matched_body = matched = 0
    for _, b, size in sm.get_matching_blocks():
        if size >= 3 or (size and b < len(want_title)):
            matched += size
            matched_body += max(0, min(b + size, len(target)) - max(b, len(want_title)))
    expected = exp["published"]
    if published == expected:
        verdict = "right" if expected else "none-ok"
    else:
        verdict = "missing" if published is None else "wrong"
    return PageScore(exp["id"], exp["split"], len(body), len(body) - matched_body, len(got),
                     len(got) - matched, same_title(title, exp["title"]), title, verdict,
                     published, expected)


def recurring_lines(paths: list[Path]) -> set[str]:
    """Lines that occur in two pages or more of the set, as an ingest of the folder counts."""
    from collections import Counter

    from mattis_corpus.ingest.clean import boilerplate as B

    counts: Counter = Counter()
    for path in paths:
        from mattis_corpus.ingest.clean.markup import flush_left_lines

        raw = path.read_text(encoding="utf-8", errors="replace")
        counts.update({B.line_key(line.text) for line in B.page_lines(normalise_text(raw), flush_left_lines(raw))})
    return {k for k, n in counts.items() if n >= 2}


def batch_of(exp: dict) -> int:
    """The collection batch of an expectation record; the first batch carries no field."""
    return int(exp.get("batch", 1))


def in_batch(exp: dict, batch: str) -> bool:
    """Whether the record belongs to the batch asked for on the command line ("all" = any)."""
    return batch == "all" or batch_of(exp) == int(batch)


def run_text(path: Path, recurring: set[str]) -> tuple[str, str | None, str | None]:
    """Our ingest of one .txt page, up to the NLP: text, title, publication date."""
    from mattis_corpus.ingest.clean import boilerplate as B
    from mattis_corpus.ingest.document import prepare
    from mattis_corpus.ingest.sources import read_raw

    raw = read_raw(path)
    cleaned, published = prepare(raw, lambda t: B.line_key(t) in recurring)
    return cleaned.text, cleaned.title, published.value


def run_html(path: Path) -> tuple[str, str | None, str | None]:
    """Our ingest of one saved page, up to the NLP, by the very path ``corpus ingest page.html``
    takes (``read_items``, then ``prepare``): text, title, publication date."""
    from mattis_corpus.errors import BadInputError
    from mattis_corpus.ingest.document import prepare
    from mattis_corpus.ingest.sources import read_items

    [(_, raw)] = list(read_items(path))
    if isinstance(raw, BadInputError):
        return "", None, None
    cleaned, published = prepare(raw)
    return cleaned.text, cleaned.title, published.value


def run_trafilatura(path: Path) -> tuple[str, str | None, str | None]:
    """The baseline: trafilatura alone (its text, its title, htmldate's date through it)."""
    import trafilatura

    doc = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True, include_comments=False,
                                      include_tables=False)
    if doc is None:
        return "", None, None
    return (doc.title or "") + "\n" + (doc.text or ""), doc.title, doc.date


def summary(scores: list[PageScore]) -> dict:
    body = sum(s.body_words for s in scores)
    stored = sum(s.stored for s in scores)
    return {
        "pages": len(scores),
        "body_lost_pct": round(100 * sum(s.lost for s in scores) / max(body, 1), 1),
        "pages_losing_over_10pct": sum(s.lost > 0.10 * s.body_words for s in scores),
        "chrome_pct": round(100 * sum(s.chrome for s in scores) / max(stored, 1), 1),
        "titles_right": sum(s.title_ok for s in scores),
        "dates_right": sum(s.date in ("right", "none-ok") for s in scores),
        "dates_wrong": sum(s.date == "wrong" for s in scores),
        "dates_missing": sum(s.date == "missing" for s in scores),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    ap.add_argument("--input", choices=["text", "html", "trafilatura"], default="text",
                    help="text: the .txt pages; html: the .html pages through our ingest; "
                         "trafilatura: the .html pages through trafilatura alone (the baseline)")
    ap.add_argument("--batch", choices=["1", "2", "3", "all"], default="1",
                    help="the pages of one collection batch (default 1: the first 53 pages)")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", action="store_true", help="the summary as JSON")
    opts = ap.parse_args()
    expected = [json.loads(line) for line in (PAGES / "expected.jsonl").open(encoding="utf-8")]
    expected = [exp for exp in expected if in_batch(exp, opts.batch)]
    scores = []
    recurring = recurring_lines(sorted(PAGES / "text" / f"{exp['id']}.txt" for exp in expected))
    for exp in expected:
        if exp["language"] != "fr" or opts.split not in ("all", exp["split"]):
            continue
        if opts.input == "text":
            text, title, published = run_text(PAGES / "text" / f"{exp['id']}.txt", recurring)
        else:
            run = run_html if opts.input == "html" else run_trafilatura
            text, title, published = run(PAGES / "html" / f"{exp['id']}.html")
        s = score_page(exp, text, title, published)
        scores.append(s)
        if opts.verbose:
            print(f"{s.id:18} lost {s.lost:4}/{s.body_words:<5} chrome {s.chrome:5}/{s.stored:<5} "
                  f"title {'ok ' if s.title_ok else 'BAD'} date {s.date:7} {s.published} "
                  f"(want {s.expected_published}) | {(s.title or '')[:50]}")
    print(json.dumps(summary(scores), indent=None if not opts.json else 2))
    if opts.input == "html" and opts.verbose:
        from mattis_corpus.ingest.html import DATE_DECISIONS

        print("publication date decisions:", json.dumps(DATE_DECISIONS, ensure_ascii=False))


if __name__ == "__main__":
    main()
