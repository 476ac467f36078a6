"""Build a TIMEX3 gold file from inline markup, so that no offset is ever typed by hand.

The markup file holds records, each a header line ``=== {json}`` (id, published, split,
source, licence, and for a page of ``tests/pages/`` its ``page`` id) followed by the text, in
which each timex is written ``[[surface|TYPE|VALUE]]``. Offsets are computed from the text
with the marks removed; a page's text must equal its ``body_paragraphs`` joined by blank lines
(checked against ``tests/pages/expected.jsonl``). Usage::

    python benchmarks/timex_build.py [MARKUP] [--out GOLD.jsonl]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKUP = ROOT / "tests" / "gold" / "timex_articles_fr.markup"
OUT = ROOT / "tests" / "gold" / "timex_articles_fr.jsonl"
PAGES = ROOT / "tests" / "pages" / "expected.jsonl"
RE_MARK = re.compile(r"\[\[([^\[\]|]+)\|(DATE|TIME|DURATION|SET)\|([^\[\]|]+)\]\]")


def parse_marked(marked: str) -> tuple[str, list[dict]]:
    """Text without the marks, and the timexes with their offsets in it."""
    out, timexes, pos = [], [], 0
    n = 0
    for m in RE_MARK.finditer(marked):
        out.append(marked[pos : m.start()])
        n += m.start() - pos
        surface = m.group(1)
        timexes.append(
            {"start": n, "end": n + len(surface), "text": surface, "type": m[2], "value": m[3]}
        )
        out.append(surface)
        n += len(surface)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ValueError(f"malformed mark near {text[text.find('[[') :][:60]!r}")
    return text, timexes


def read_records(markup: str) -> list[tuple[dict, str]]:
    """(header, marked text) of each record of a markup file."""
    records: list[tuple[dict, list[str]]] = []
    for line in markup.splitlines():
        if line.startswith("=== "):
            records.append((json.loads(line[4:]), []))
        elif records:
            records[-1][1].append(line)
    return [(h, "\n".join(body).strip("\n")) for h, body in records]


def build(markup: str, pages: dict[str, dict]) -> list[dict]:
    """The gold records; a page record is checked against the page's body paragraphs."""
    out = []
    for head, marked in read_records(markup):
        text, timexes = parse_marked(marked)
        page = head.get("page")
        if page is not None:
            want = "\n\n".join(pages[page]["body_paragraphs"])
            if text != want:
                i = next(
                    (k for k, (a, b) in enumerate(zip(text, want, strict=False)) if a != b),
                    len(text),
                )
                raise ValueError(f"{head['id']}: text differs at {i}: {text[i - 20 : i + 20]!r}")
        for t in timexes:
            assert text[t["start"] : t["end"]] == t["text"]
        out.append({**head, "text": text, "timexes": timexes})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("markup", nargs="?", type=Path, default=MARKUP)
    ap.add_argument("--out", type=Path, default=OUT)
    opts = ap.parse_args()
    pages = {}
    for line in PAGES.read_text(encoding="utf-8").splitlines():
        if line:
            r = json.loads(line)
            pages[r["id"]] = r
    records = build(opts.markup.read_text(encoding="utf-8"), pages)
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    opts.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n = sum(len(r["timexes"]) for r in records)
    print(f"{len(records)} records, {n} timexes -> {opts.out}")


if __name__ == "__main__":
    main()
