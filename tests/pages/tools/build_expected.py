#!/usr/bin/env python3
"""Assemble ../expected.jsonl from the hand-written specs in specs.py.

Every value that matters (title, dates, which lines of the .txt are body,
lead or chrome, notes, split) was decided by a person reading the page; this
script only copies the chosen lines VERBATIM out of text/<id>.txt so that no
typo creeps in:

* body/lead ranges "a-b" (1-based line numbers, inclusive) are cut into
  paragraphs: for lynx and html2text output a paragraph is a run of non-empty
  lines (a new one also starts at a list bullet "* ", "+ ", "o " or "1. "),
  its lines stripped and joined with single spaces ("wrapped": true when a
  paragraph spans several lines); for the tag stripper every non-empty line
  is one paragraph;
* chrome entries are single line numbers, copied stripped;
* first/last sentence are cut from the first/last body paragraph at a
  sentence end (checked by hand, see README).

No extraction library is used. Run: python3 tests/pages/tools/build_expected.py
"""

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from specs import SPECS

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
with open(os.path.join(OUT, "tools", "sources.json"), encoding="utf-8") as f:
    meta = json.load(f)


def lines_of(pid):
    return open(f"{OUT}/text/{pid}.txt", encoding="utf-8").read().split("\n")


def rng(r):
    if isinstance(r, int):
        return r, r
    if "-" not in r:
        return int(r), int(r)
    a, b = r.split("-")
    return int(a), int(b)


def paragraphs(L, ranges, tool):
    paras, wrapped = [], False
    for r in ranges:
        a, b = rng(r)
        block = []
        for i in range(a, b + 1):
            s = L[i - 1].strip()
            if tool == "strip":
                if s:
                    paras.append(s)
                continue
            if s and block and re.match(r"^([*+o] |\d+\. )", s):
                paras.append(" ".join(block))
                wrapped |= len(block) > 1
                block = []
            if s:
                block.append(s)
            elif block:
                paras.append(" ".join(block))
                wrapped |= len(block) > 1
                block = []
        if block:
            paras.append(" ".join(block))
            wrapped |= len(block) > 1
    return paras, wrapped


SENT_END = re.compile(
    r'(?<!\bM)(?<!\bMM)(?<!\bMme)(?<!\bDr)(?<!\bSt)(?<!\bav)(?<!\bJ)(?<!\bp)[.!?…](?:\s*[»”"])?(?=\s+[«"“A-ZÀ-ÖØ-Þ0-9(\[*_])'
)


def first_sent(p):
    m = SENT_END.search(p)
    return p[: m.end()] if m else p


def last_sent(p):
    ends = list(SENT_END.finditer(p))
    return p[ends[-1].end() :].strip() if ends else p


entries = []
for pid, s in SPECS.items():
    m = meta[pid]
    L = lines_of(pid)
    body, wrapped = paragraphs(L, s["body"], m["tool"])
    lead = None
    if s.get("lead"):
        lead = paragraphs(L, [s["lead"]], m["tool"])[0][0]
    chrome = [L[i - 1].strip() for i in s["chrome"]]
    e = {
        "id": pid,
        "outlet": m["outlet"],
        "source": {
            "repo": m["repo"],
            "path": m["path"],
            "commit": m["commit"],
            "licence": m["licence"],
        },
        "text_tool": m["tool"],
        "language": m["lang"],
        "split": s["split"],
        "title": (
            paragraphs(L, [s["title"]], "lynx")[0][0]
            if isinstance(s["title"], (int,))
            or (isinstance(s["title"], str) and re.fullmatch(r"\d+(-\d+)?", s["title"]))
            else s["title"]
        ),
        "published": s["published"],
        "updated": s.get("updated"),
        "first_sentence": s.get("first") or first_sent(body[0]),
        "last_sentence": s.get("last") or last_sent(body[-1]),
        "lead": lead,
        "chrome": chrome,
        "body_paragraphs": body,
        "wrapped": wrapped,
        "notes": s.get("notes", ""),
    }
    if s.get("batch"):  # batch 2 onwards; a record without the key is batch 1
        e["batch"] = s["batch"]
    entries.append(e)
with open(f"{OUT}/expected.jsonl", "w", encoding="utf-8") as fh:
    for e in entries:
        fh.write(json.dumps(e, ensure_ascii=False) + "\n")
print(len(entries), "entries")
