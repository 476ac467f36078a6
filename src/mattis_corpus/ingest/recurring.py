"""Page furniture by repetition: a line printed on several pages of a corpus (a site's menu,
its footer, its "Lire aussi" header) is chrome, whatever its words.

Each scraped page's short lines are hashed under the boilerplate classifier's own line key
(``boilerplate.line_key``: case, accents and spacing folded). The store keeps how many pages
hold each hash (``store/page_lines.py``); an ingest run first adds the pages it is about to
read, so the count covers the run and everything stored before it. A line "recurs" on a page
when at least one *other* page holds it too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from mattis_corpus.ingest.clean import boilerplate as B
from mattis_corpus.ingest.clean.chars import normalise_text

MAX_LINE_CHARS = 200  # furniture is short; long lines are never counted (and cost nothing)


def line_hash(key: str) -> int:
    """A stable signed 64-bit hash of a line key (SQLite's INTEGER)."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def page_line_hashes(text: str) -> frozenset[int]:
    """The hashes of one page's short lines, each once, split as the cleaner splits them."""
    from mattis_corpus.ingest.clean.markup import flush_left_lines

    lines = B.page_lines(normalise_text(text), flush_left_lines(text))
    return frozenset(line_hash(B.line_key(line.text)) for line in lines if len(line.text) <= MAX_LINE_CHARS)


def recurring_test(own: frozenset[int], counts: dict[int, int]) -> Callable[[str], bool]:
    """The page's test "is this line printed on another page too?", given how many pages hold
    each of its hashes (its own page included when it was counted)."""
    def recurs(line: str) -> bool:
        if len(line) > MAX_LINE_CHARS:
            return False
        h = line_hash(B.line_key(line))
        return counts.get(h, 0) - (1 if h in own else 0) >= 1
    return recurs
