"""Turn a scraped French news page (raw text full of page chrome) into a clean article.

The work is split into small pure functions composed with :func:`make_pipeline`:

* text level (``str -> str``, each idempotent): line breaks, invisible characters,
  exotic spaces, Unicode NFC, apostrophes, quotes, elision spacing, space runs;
* page level (``_Page -> _Page``, :data:`process_page`): chrome lines, related-articles
  sections, the dateline, paragraphs broken mid-sentence and duplicated photo
  captions (to a fixed point), the title, headings.

Every non-empty line of the page is a paragraph candidate: scrapers write one HTML
block per line, sometimes with and sometimes without a blank line in between.

Conventions chosen where the brief left a choice:

* Apostrophes: ’ ʼ ‘ ‛ ´ become ``'``; a space after an elided article is removed
  (``l' OTAN`` -> ``l'OTAN``).
* Quotes: “ ” „ ‟ become ``"``; French guillemets are kept and always carry exactly
  one regular space inside (``« texte »``), whatever the page had (none, U+00A0,
  U+202F). An opening ``«`` left dangling at the end of a paragraph is dropped.
* Credits: a line that is only an agency attribution introduced by "Avec"
  (``Avec AFP``, ``Avec AFP et Reuters``) is dropped as chrome; ``(AFP)`` at the end
  of a sentence and any other credit line are kept.
* Related sections: a bare header ("À lire aussi", "Sur le même sujet", "Plus
  d'articles"...) met after the article has started cuts everything after it, unless
  a full body paragraph follows within a few lines (an inline teaser box in the
  middle of an article): then only the header and its teasers are dropped. An inline
  teaser ("Lire aussi : Titre") drops that line only. Before the article starts such
  a header is just a navigation item.
* Title: the first line after chrome, datelines and rubric labels (lines of one or
  two words, e.g. "International") if it looks like a headline: 2 to 25 words, not
  starting lower-case, not ending with ``. … , ; :``. Otherwise (typically the page
  starts with the lede, as in ``date 2018-12 Dans une lettre ... Russie.``) the
  title is None.
* Headings: a line of at most 12 words, starting upper-case, with no comma, no
  quote at either end and no final ``. … , ; :``, followed by more text. A short
  "Name, function" line (pull-quote attribution) is therefore body.
* Captions: only a line repeated within a few lines is a caption (kept once). A
  repeated line without final period is a duplicated title/heading: kept once, not a
  caption. On a second pass the surviving copy is body: clean() is idempotent on the
  text and title, not on the caption kind.
* Broken paragraphs: joined when the first has no final ``. ! ? … » " : ;`` and the
  next starts lower-case, after chrome is removed (an ad inside the sentence does
  not keep the halves apart); the title line may be joined too (a wrapped headline).
* Datelines: a whole line that is a date, with an optional keyword ("Publié le",
  "Mis à jour le", "date", "Le"), weekday, time and time zone; or a keyword date glued
  before the first sentence. Once the article has started (a line of 12+ words was
  seen), only "Publié le"/"Mis à jour"/"date" or widget dates count: a bare date
  line (or "Le 12 janvier 2017") may then be a heading.
  ``furniture`` is True for English ordinals ("24th"), for weekday/icon dates without
  keyword, and for a date found only in the cut related-articles section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from mattis_corpus.ingest.clean.chars import ELISION_END_RE, make_pipeline, normalise_text
from mattis_corpus.ingest.clean.chrome import (
    TERMINAL,
    is_body_like,
    is_chrome_line,
    is_heading_like,
    is_title_like,
    related_header,
    starts_lower,
    words,
)
from mattis_corpus.ingest.clean.dateline import has_keyword, parse_dateline, split_glued_dateline
from mattis_corpus.models import CleanDoc, Dateline, Paragraph


@dataclass(frozen=True)
class _Block:
    """One paragraph candidate: a non-empty line, with its kind once known."""

    text: str
    kind: str | None = None


@dataclass(frozen=True)
class _Page:
    """The page as it goes through the page-level stages."""

    blocks: tuple[_Block, ...]
    removed: tuple[str, ...] = ()
    tail: tuple[str, ...] = ()  # lines of the related-articles section, cut away
    dateline: Dateline | None = None
    title: str | None = None


_STARTED_WORDS = 12  # a line this long means the article has begun
_RESUME_WORDS = 20  # a body paragraph this long after a related header resumes the article
_RESUME_LOOKAHEAD = 4
_CAPTION_WINDOW = 3
_MAX_KICKERS = 3


def _page_from_text(text: str) -> _Page:
    return _Page(blocks=tuple(_Block(line) for line in text.split("\n") if line))


def drop_chrome(page: _Page) -> _Page:
    """Remove chrome lines anywhere on the page (see :func:`is_chrome_line`)."""
    kept: list[_Block] = []
    removed = list(page.removed)
    for b in page.blocks:
        if is_chrome_line(b.text):
            removed.append(b.text)
        else:
            kept.append(b)
    return replace(page, blocks=tuple(kept), removed=tuple(removed))


def cut_related(page: _Page) -> _Page:
    """Cut the related-articles sections: the header and what follows (see module doc)."""
    blocks = page.blocks
    kept: list[_Block] = []
    removed = list(page.removed)
    tail: list[str] = []
    started = False
    i = 0
    while i < len(blocks):
        text = blocks[i].text
        kind = related_header(text)
        if kind is None:
            kept.append(blocks[i])
            started = started or words(text) >= _STARTED_WORDS
            i += 1
            continue
        removed.append(text)
        i += 1
        if kind == "inline" or not started:
            continue
        ahead = blocks[i: i + _RESUME_LOOKAHEAD]
        resume = next((k for k, b in enumerate(ahead)
                       if is_body_like(b.text, _RESUME_WORDS) and related_header(b.text) is None),
                      None)
        if resume is None:
            tail.extend(b.text for b in blocks[i:])
            removed.extend(b.text for b in blocks[i:])
            break
        removed.extend(b.text for b in ahead[:resume])
        i += resume
    return replace(page, blocks=tuple(kept), removed=tuple(removed),
                   tail=page.tail + tuple(tail))


def extract_dateline(page: _Page) -> _Page:
    """Find the page's dateline, remove every dateline line, keep the best one.

    The article's own date (furniture=False) wins over a widget; failing both, a date
    in the related-articles tail is reported as furniture. Once the article has started,
    only a keyword ("Publié le", "Mis à jour", "date") or widget date is a dateline: a
    bare "12 janvier 2017" or "Le 12 janvier 2017" line may then be a heading.
    """
    kept: list[_Block] = []
    found: list[Dateline] = []
    started = False
    for b in page.blocks:
        dl = parse_dateline(b.text)
        if dl is not None and (not started or dl.furniture or has_keyword(dl.text)):
            found.append(dl)
            continue
        if dl is None and not started:
            glued = split_glued_dateline(b.text)
            if glued is not None:
                found.append(glued[0])
                b = replace(b, text=glued[1])
        kept.append(b)
        started = started or words(b.text) >= _STARTED_WORDS
    chosen = next((d for d in found if not d.furniture), found[0] if found else None)
    if chosen is None:
        tail_dates = (parse_dateline(t) for t in page.tail)
        chosen = next((replace(d, furniture=True) for d in tail_dates if d is not None), None)
    others = tuple(d.text for d in found if d is not chosen)
    return replace(page, blocks=tuple(kept), removed=page.removed + others, dateline=chosen)


def dedupe_captions(page: _Page) -> _Page:
    """Keep a line repeated within a few lines once; a repeated sentence is a caption."""
    kept: list[_Block] = []
    for b in page.blocks:
        window = range(max(0, len(kept) - _CAPTION_WINDOW), len(kept))
        dup = next((k for k in window if kept[k].text == b.text), None)
        if dup is None or words(b.text) < 4:
            kept.append(b)
            continue
        if kept[dup].kind is None and b.text.rstrip(" )").endswith((".", "!")):
            kept[dup] = replace(kept[dup], kind="caption")
    return replace(page, blocks=tuple(kept))


def find_title(page: _Page) -> _Page:
    """Mark the title (module doc), dropping the rubric labels printed above it.

    Up to three one- or two-word lines ("International", "Défense") before a headline of
    three words or more are labels; failing such a headline, the first line is the title
    if it looks like one.
    """
    blocks = page.blocks
    start = 0
    for i, b in enumerate(blocks[: _MAX_KICKERS + 1]):
        if b.kind is not None:
            break
        if words(b.text) >= 3:
            start = i if is_title_like(b.text) else 0
            break
    removed = page.removed + tuple(b.text for b in blocks[:start])
    blocks = blocks[start:]
    title = None
    if blocks and blocks[0].kind is None and is_title_like(blocks[0].text):
        title = blocks[0].text
        blocks = (replace(blocks[0], kind="title"), *blocks[1:])
    return replace(page, blocks=blocks, removed=removed, title=title)


def _join_texts(group: list[_Block]) -> str:
    """Join with one space, or none after an elided word ("l'" + "armée" -> "l'armée")."""
    out = [group[0].text]
    for b in group[1:]:
        out.append(b.text if ELISION_END_RE.search(out[-1][-12:]) else " " + b.text)
    return "".join(out)


def join_broken(page: _Page) -> _Page:
    """Rejoin a paragraph cut mid-sentence: no final punctuation, next starts lower-case.

    Runs after chrome removal (and again after duplicate removal), so an ad or a repeated
    caption printed in the middle of the sentence does not keep its two halves apart.
    """
    groups: list[list[_Block]] = []
    for b in page.blocks:
        last = groups[-1][-1] if groups else None
        if (last is not None and starts_lower(b.text)
                and not last.text.endswith(TERMINAL)):
            groups[-1].append(b)
        else:
            groups.append([b])
    blocks = tuple(g[0] if len(g) == 1 else replace(g[0], text=_join_texts(g)) for g in groups)
    return replace(page, blocks=blocks)


_MAX_ROUNDS = 8


def join_and_dedupe(page: _Page) -> _Page:
    """Alternate :func:`join_broken` and :func:`dedupe_captions` until neither changes a line.

    Each can enable the other (a dropped duplicate leaves two sentence halves adjacent; a
    join brings two copies closer), and reaching the fixed point keeps clean() idempotent.
    """
    for _ in range(_MAX_ROUNDS):
        new = dedupe_captions(join_broken(page))
        if [b.text for b in new.blocks] == [b.text for b in page.blocks]:
            return new
        page = new
    return page


def classify(page: _Page) -> _Page:
    """Give every remaining block a kind: heading (short, followed by text) or body."""
    blocks = list(page.blocks)
    for i, b in enumerate(blocks):
        if b.kind is None:
            is_heading = 0 < i < len(blocks) - 1 and is_heading_like(b.text)
            blocks[i] = replace(b, kind="heading" if is_heading else "body")
    return replace(page, blocks=tuple(blocks))


process_page: Callable[[_Page], _Page] = make_pipeline(
    drop_chrome,
    cut_related,
    extract_dateline,
    join_and_dedupe,
    find_title,
    classify,
)


def clean(raw_text: str) -> CleanDoc:
    """Normalise a scraped page into a CleanDoc: title first, paragraphs joined by blank lines.

    Never raises on a string; linear in the input size.
    """
    if not isinstance(raw_text, str):
        raw_text = str(raw_text)
    page = process_page(_page_from_text(normalise_text(raw_text)))
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    pos = 0
    for b in page.blocks:
        if parts:
            pos += 2
        parts.append(b.text)
        paragraphs.append(Paragraph(pos, pos + len(b.text), b.kind or "body"))
        pos += len(b.text)
    return CleanDoc(
        text="\n\n".join(parts),
        paragraphs=tuple(paragraphs),
        title=page.title,
        dateline=page.dateline,
        removed=page.removed,
    )
