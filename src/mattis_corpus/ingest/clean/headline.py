"""Where the headline stands: just above its article's byline or dateline, written first when
the picture under it words it again, and whole even when the page's source broke it over two
lines, and not a teaser whose words only its own link below the article repeats.
``page.find_title`` uses these; they read only the text and marks of head lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from mattis_corpus.ingest.clean import boilerplate as B
from mattis_corpus.ingest.clean.chrome import is_byline, starts_lower, words
from mattis_corpus.ingest.clean.dateline import parse_dateline
from mattis_corpus.ingest.clean.pubdate import dated_byline
from mattis_corpus.ingest.clean.title import (
    content_words,
    ends_open,
    headline_like,
    post_author,
    strip_site_name,
)


class HeadLine(Protocol):
    text: str
    heading: int
    outdented: bool
    bullet: bool


B_ = TypeVar("B_", bound=HeadLine)


_BYLINE_REACH = 6  # lines between the headline and its byline: kicker, section, share links


def headline_before_byline(head: Sequence[B_], captions: frozenset[str]) -> int | None:
    """The head line that sits just above the article's own byline or dateline (the last one
    before the article): the nearest headline-like line within a few lines above it. Pages
    put the title, then who wrote it and when; a photo caption or a standfirst comes after."""
    sign = next((k for k in range(len(head) - 1, -1, -1) if signature(head[k].text)
                 and not (k and post_author(head[k - 1].text))), None)  # an embedded post's date
    if sign is None:
        return None
    while sign > 0 and signature_part(head[sign - 1].text):
        sign -= 1
    for k in range(sign - 1, max(-1, sign - 1 - _BYLINE_REACH), -1):
        text = head[k].text
        if (headline_like(_trailing_headline(text)) and B.line_key(text) not in captions):
            return _first_wording(head, k)
    return None


_TRAILING_WORDS = 12  # a headline that trails off ("Avancer ensemble vers …") is short


def _trailing_headline(text: str) -> str:
    """A short line ending with "…" read as the headline it may be; a longer one is a
    standfirst or a teaser cut short, left as it is (not headline-like)."""
    return text.removesuffix("…") if words(text) <= _TRAILING_WORDS else text


_REWORDED = 0.6  # share of content words two wordings of one headline have in common
_REWORD_REACH = 2


def _same_or_piece(a: str, b: str) -> bool:
    """``a`` is ``b`` again (its site name aside) or a piece of it (a wrapped breadcrumb)."""
    ka, kb = B.line_key(strip_site_name(a)), B.line_key(strip_site_name(b))
    return ka in kb or kb in ka


def _first_wording(head: Sequence[B_], k: int) -> int:
    """The headline, when the line above the byline words it again: the picture's caption or
    alt text under the h1 often repeats the headline in other words ("X, cette paire …" /
    "X et du style cette paire …"); the headline is printed first. Not the same line again
    (the page's <title>), nor a piece of it (a breadcrumb that wraps its tail), nor an
    unmarked line above a marked heading, nor a list item (a teaser on the same story)."""
    line = head[k]
    own = content_words(line.text)
    marked = line.heading > 0 or line.outdented
    for j in range(k - 1, max(-1, k - 1 - _REWORD_REACH), -1):
        other = head[j]
        theirs = content_words(other.text)
        shared = len(own & theirs) / max(1, min(len(own), len(theirs)))
        if (headline_like(other.text) and shared >= _REWORDED
                and not _same_or_piece(other.text, line.text)
                and not (marked and not (other.heading > 0 or other.outdented))
                and not (other.bullet and not line.bullet)):
            return j
    return k


def signature(text: str) -> bool:
    """The article's byline or dateline: not a today's-date widget, unless it gives the time
    ("Samedi 16 février 2013, 22h04": a widget shows the day, an article when it was posted)."""
    if is_byline(text) or dated_byline(text):
        return True
    dl = parse_dateline(text)
    return dl is not None and (not dl.furniture or _CLOCK_RE.search(text) is not None)


_CLOCK_RE = re.compile(r"\b\d{1,2}\s*[h:]\s*\d{2}\b")


def signature_part(text: str) -> bool:
    """A line of the byline-and-dates block: a byline, a date, or a label ("Publié", "Mis à
    jour", an agency) printed on its own line."""
    return signature(text) or words(text) <= _LABEL_WORDS


_LABEL_WORDS = 3


def rejoin_open(head: Sequence[B_]) -> tuple[B_, ...]:
    """A head line that stops on "et", "de", "la" … goes on on the next line (a tag-stripper
    keeps the line breaks of the page's source, even inside an <h1>): the two are one
    candidate, on the first line's place; the second is left empty."""
    out = list(head)
    for k in range(len(out) - 1):
        nxt = out[k + 1].text
        if (ends_open(out[k].text) and words(out[k].text) >= 3 and nxt and not starts_lower(nxt)
                and not signature_part(nxt)):
            out[k] = replace(out[k], text=f"{out[k].text} {nxt}")
            out[k + 1] = replace(out[k + 1], text="")
    return tuple(out)


def whole_headline(best: tuple[float, int, B_] | None,
                   scored: Sequence[tuple[float, int, B_]]) -> tuple[float, int, B_] | None:
    """A headline printed on two lines, then whole nearer the article ("Tapie, Mougeotte et
    La Provence" / "Un concentré …", then "Tapie, Mougeotte et La Provence, un concentré …"):
    the whole line, which begins with the best one."""
    if best is None or best[1] < 0:
        return best
    key = B.line_key(strip_site_name(best[2].text))
    longer = [t for t in scored if (t[1] > best[1] or t[1] == -1) and t[0] > 0  # -1: the article's first block
              and _extends(B.line_key(strip_site_name(t[2].text)), key)]
    return (best[0], *longer[0][1:]) if longer else best


def _extends(line: str, key: str) -> bool:
    """``line`` begins with the words of ``key`` and goes on with words, not a date glued to
    it ("… (LIVE) publié le 22/07/2011 à 16h03")."""
    tail = line[len(key):]
    return (len(line) > len(key) and line.startswith(key) and not tail[0].isalnum()
            and not any(c.isdigit() for c in tail))


_COPY_CHARS = 20  # a line this long found again in the body is a teaser of it, not a chance


def body_without_copies(text: str, blocks: Sequence[B_], keys: Sequence[str], joined: str,
                        body: set[str]) -> set[str]:
    """The body's words, less those of the blocks that repeat the candidate line: a teaser
    linked again below the article ("Taxe Google: ce que ne vous disent pas …") shares its
    words with that link only, which is no evidence of being this article's headline."""
    key = B.line_key(strip_site_name(text))
    if len(key) < _COPY_CHARS or key not in joined:
        return body
    return content_words(" ".join(b.text for b, k in zip(blocks, keys, strict=True) if key not in k))
