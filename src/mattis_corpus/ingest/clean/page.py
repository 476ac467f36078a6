"""Turn a scraped French news page (raw text full of page chrome) into a clean article.

The work is split into small pure functions composed with :func:`make_pipeline`:

* text level (``str -> str``, each idempotent): line breaks, invisible characters,
  exotic spaces, Unicode NFC, apostrophes, quotes, elision spacing, space runs;
* line level (:func:`_page_from_text`): scraper marks taken off (``markup``), every line
  scored by the boilerplate model (``boilerplate``), related-articles boxes, teaser blocks,
  embedded posts, credited captions and the article's own lists found (``furniture``),
  comment sections and paywall cuts applied, the article kept as its strongest runs of
  lines; the lines just before it are the head, where the title and the dates are looked for;
* page level (``_Page -> _Page``, :data:`process_page`): chrome lines left inside the
  article, inline teasers, the dateline, paragraphs broken mid-sentence and duplicated
  photo captions (to a fixed point), the title, the dates by position, headings.

Conventions chosen where the brief left a choice:

* Apostrophes: ’ ʼ ‘ ‛ ´ become ``'``; a space after an elided article is removed
  (``l' OTAN`` -> ``l'OTAN``).
* Quotes: “ ” „ ‟ become ``"``; French guillemets are kept and always carry exactly
  one regular space inside (``« texte »``), whatever the page had (none, U+00A0,
  U+202F). An opening ``«`` left dangling at the end of a paragraph is dropped.
* Credits: a line that is only an agency attribution introduced by "Avec"
  (``Avec AFP``, ``Avec AFP et Reuters``) is dropped as chrome, and so is a photo caption
  ending with its credit (``… JEAN MARTIN / AFP``, ``© Belga``); ``(AFP)`` or "selon
  l'AFP" at the end of a sentence is kept.
* Related sections: a bare header ("À lire aussi", "Sur le même sujet"...) met after the
  article has started removes itself and the teaser-like lines after it, up to the next
  line of prose; never the prose after it. An inline teaser ("Lire aussi : Titre") drops
  that line only. Before the article starts such a header is just a navigation item.
* Title: see :func:`find_title` (evidence from the body, copies on the page, the page's
  first heading; the nearest headline-like line when no word is shared; else None).
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
  keyword, and for a date found only after the article. The dates next to the title or
  byline (:mod:`pubdate`), when there are any, take precedence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from mattis_corpus.ingest.clean import boilerplate as B
from mattis_corpus.ingest.clean.chars import ELISION_END_RE, make_pipeline, normalise_text
from mattis_corpus.ingest.clean.chrome import (
    TERMINAL,
    is_body_like,
    is_byline,
    is_chrome_line,
    is_comment_marker,
    is_heading_like,
    is_paywall_cut,
    related_header,
    site_promo,
    starts_lower,
    words,
)
from mattis_corpus.ingest.clean.dateline import has_keyword, parse_dateline, split_glued_dateline
from mattis_corpus.ingest.clean.furniture import (
    STARTED_BEFORE_COMMENTS,
    content_lists,
    copy_of_stored,
    embedded_posts,
    printed_twice,
    related_boxes,
    teaser_blocks,
)
from mattis_corpus.ingest.clean.headline import (
    body_without_copies,
    headline_before_byline,
    rejoin_open,
    signature,
    whole_headline,
)
from mattis_corpus.ingest.clean.markup import Line, flush_left_lines
from mattis_corpus.ingest.clean.pubdate import (
    choose_dates,
    date_lists,
    yearless_dateline,
)
from mattis_corpus.ingest.clean.title import (
    LETTER_WORD_RE,
    caption_keys,
    content_words,
    credited_caption,
    ends_open,
    headline_like,
    prose_words,
    standfirst,
    strip_site_name,
    title_keys,
    title_score,
    word_list,
)
from mattis_corpus.models import CleanDoc, Dateline, Paragraph


@dataclass(frozen=True)
class _Block:
    """One paragraph candidate: a non-empty line, with its kind once known."""

    text: str
    kind: str | None = None
    p: float = 1.0  # the boilerplate model's probability that the line is article text
    heading: int = 0  # Markdown heading level on the page (1: the page's "# " headline)
    bullet: bool = False  # printed as a list item (menus, teasers, captions in lynx)
    outdented: bool = False  # a lynx heading: flush left on a dump that indents its text


@dataclass(frozen=True)
class _Page:
    """The page as it goes through the page-level stages."""

    blocks: tuple[_Block, ...]
    removed: tuple[str, ...] = ()
    tail: tuple[str, ...] = ()  # lines of the related-articles section, cut away
    dateline: Dateline | None = None
    title: str | None = None
    head: tuple[_Block, ...] = ()  # the lines just before the article: title, byline, date
    warnings: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()  # every line of the page, for the date next to the title
    span: tuple[int, int] = (0, 0)  # the article's first line and the line after its last
    title_line: int | None = None  # the title's index in ``lines``
    updated: Dateline | None = None
    captions: frozenset[str] = frozenset()  # keys of image alt texts and credited lines


_STARTED_WORDS = 12  # a line this long means the article has begun
_RESUME_WORDS = 20  # a body paragraph this long after a related header resumes the article
_RESUME_LOOKAHEAD = 4
_CAPTION_WINDOW = 3
_MAX_KICKERS = 3


_HEAD_LINES = 100  # how far before the article its title may stand (video players, share bars)


def _page_from_text(text: str, recurring: Callable[[str], bool] | None = None,
                    flush: frozenset[int] = frozenset()) -> _Page:
    """Score every line, keep the article's runs of lines; the lines just before it are the
    head (title and dateline candidates); the rest is removed."""
    lines = B.page_lines(text, flush)
    if not lines:
        return _Page(blocks=())
    settings = B.weights()[1]
    recurring = recurring if recurring is not None and not copy_of_stored(lines, recurring) else _never
    probs = [max(p, settings["prose_floor"]) if B.prose_like(ln) else p
             for ln, p in zip(lines, B.probabilities(lines, recurring), strict=True)]
    probs = teaser_blocks(lines, related_boxes(lines, probs))
    # a long run of capitalised words with no function word (a menu a dump printed as a
    # paragraph: "Monde Euronews Witness Monde No Comment Qatar 365 …") is never the article's
    # text; a short one may be (a palmarès: "Serena Williams - Kim Clijsters, US Open, 2009")
    probs = [0.0 if words(ln.text) >= _MENU_PARAGRAPH_WORDS and word_list(ln.text, small_stops_only=True) else p
             for ln, p in zip(lines, probs, strict=True)]
    # Posts, credited photo captions and lines printed twice (a teaser's image and link text)
    # are set in the article: neutral for its runs (the article goes on around them), then dropped.
    posts = embedded_posts(lines) | {k for k, ln in enumerate(lines)
                                     if credited_caption(ln.text) or printed_twice(ln.text)}
    probs = [settings["threshold"] if k in posts else p for k, p in enumerate(probs)]
    blocks = [_Block(ln.text, p=p, heading=ln.heading, bullet=ln.bullet, outdented=ln.outdented)
              for ln, p in zip(lines, probs, strict=True)]
    runs = B.article_runs(probs, [len(ln.text.split()) for ln in lines], settings)
    if not runs:
        return _Page(blocks=tuple(blocks), warnings=_kept_whole(lines))
    runs = _cut_comments(blocks, runs)
    runs = [_extend(blocks, probs, a, b) for a, b in runs]
    keep = _trim_edges(blocks, {k for a, b in runs for k in range(a, b)} - posts)
    keep |= content_lists(lines, keep)
    if not keep:
        return _Page(blocks=tuple(blocks), warnings=_kept_whole(lines))
    first, last = min(keep), max(keep) + 1
    head = tuple(replace(b, text="") if k in posts else b  # a post is never the title or the standfirst
                 for k, b in enumerate(blocks[max(0, first - _HEAD_LINES):first], max(0, first - _HEAD_LINES)))
    removed = tuple(b.text for k, b in enumerate(blocks) if k not in keep)
    return _Page(blocks=tuple(b for k, b in enumerate(blocks) if k in keep), head=head,
                 removed=removed, tail=tuple(b.text for b in blocks[last:]),
                 warnings=_prose_warning(blocks, keep), lines=tuple("" if k in posts else b.text for k, b in enumerate(blocks)),  # nor its date
                 span=(first, last), captions=caption_keys([b.text for b in blocks]))


_SHORT_PAGE_LINES = 10
_MENU_PARAGRAPH_WORDS = 20


def _kept_whole(lines: Sequence[Line]) -> tuple[str, ...]:
    """The warning for a page kept whole; none for a short text with a sentence in it (a brief,
    a record's one paragraph), where keeping everything is no doubt. A short page of no
    sentence at all ("Page introuvable / Erreur 404") still says so."""
    short = len(lines) <= _SHORT_PAGE_LINES and any(is_body_like(ln.text, 5) for ln in lines)
    return () if short else ("no block of prose found: page kept whole",)


_EDGE_WORDS = 6


def _trim_edges(blocks: Sequence[_Block], keep: set[int]) -> set[int]:
    """Short lines that are not sentences before the article's first sentence or after its
    last ("Share This !", a kicker, "Plus d'articles") are chrome: a heading introduces text
    and the article's own words come after it. The headline, if short, stays a candidate:
    it is in the lines before the article, where the title is looked for."""
    sentences = [k for k in sorted(keep)
                 if _sentence(blocks[k].text) and len(LETTER_WORD_RE.findall(blocks[k].text)) >= 3]
    if not sentences:
        return keep
    lo, hi = sentences[0], sentences[-1]
    return {k for k in keep if lo <= k <= hi or words(blocks[k].text) > _EDGE_WORDS
            or starts_lower(blocks[k].text)}  # the end of a broken line goes on its sentence


_EXTEND_P = 0.05
_SECTION_WORDS = 10  # a section's paragraph, not a one-line credit ("Rubrique animée par …")


def _extend(blocks: Sequence[_Block], probs: Sequence[float], a: int, b: int) -> tuple[int, int]:
    """Widen a run over the sentences right at its edges (a short first or last sentence of the
    article scores low alone; it is still the article's)."""
    while a > 0 and probs[a - 1] >= _EXTEND_P and _sentence(blocks[a - 1].text):
        a -= 1
    while b < len(blocks):
        if probs[b] >= _EXTEND_P and _sentence(blocks[b].text):
            b += 1
        elif (b + 1 < len(blocks) and _subheading(blocks[b].text)
              and probs[b + 1] >= _EXTEND_P and _sentence(blocks[b + 1].text)
              and words(blocks[b + 1].text) >= _SECTION_WORDS and not site_promo(blocks[b + 1].text)):
            b += 2
        else:
            break
    return a, b


def _subheading(text: str) -> bool:
    """A heading inside the article: a listicle's "2. Eric Cantona", an intertitle. With the
    sentence after it, it goes on the article (a run of such pairs scores low line by line)."""
    return is_heading_like(text) and _no_furniture(text)


def _sentence(text: str) -> bool:
    return is_body_like(text, 3) and _no_furniture(text)


def _no_furniture(text: str) -> bool:
    return (not is_chrome_line(text) and not related_header(text)
            and not is_comment_marker(text) and not is_paywall_cut(text))


def _cut_comments(blocks: Sequence[_Block], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """End the article at the first comment-section marker or paywall cut met after it began,
    kept line or not ("160 commentaires" between the article and the first comment): readers'
    comments and a paywall's explanations read like prose, but nothing of the article comes
    after its comment form or the "la suite est réservée aux abonnés" line."""
    kept = {k for a, b in runs for k in range(a, b)}
    seen = 0
    for k in range(runs[0][0], runs[-1][1]):
        if seen >= STARTED_BEFORE_COMMENTS and (is_comment_marker(blocks[k].text)
                                                 or is_paywall_cut(blocks[k].text)):
            return [(a, min(b, k)) for a, b in runs if a < k]
        if k in kept:
            seen += words(blocks[k].text)
    return runs


def _never(text: str) -> bool:
    return False


_PROSE_WORDS = 15


def _prose_warning(blocks: Sequence[_Block], keep: set[int]) -> tuple[str, ...]:
    """Say so when the article kept little of the page's confident prose: the block search
    may have picked the wrong block (a warning on the document, not a silent loss)."""
    prose = [(k, words(b.text)) for k, b in enumerate(blocks)
             if b.p >= 0.8 and words(b.text) >= _PROSE_WORDS]
    total = sum(n for _, n in prose)
    lost = sum(n for k, n in prose if k not in keep)
    if total and lost > 0.3 * total:
        return (f"cleaning left out {lost} of {total} words of prose-like lines",)
    return ()


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
    """Drop related-articles boxes inside the article: the header and the teaser-like lines
    after it, up to the next line of prose. Never what follows as prose: the box ends the
    article only when nothing but teasers follows it."""
    kept: list[_Block] = []
    removed = list(page.removed)
    tail: list[str] = []
    skipping = False
    for b in page.blocks:
        kind = related_header(b.text)
        if kind is not None:
            removed.append(b.text)
            skipping = kind == "bare"
            continue
        if skipping and not _resumes(b):
            removed.append(b.text)
            tail.append(b.text)
            continue
        skipping = False
        kept.append(b)
    return replace(page, blocks=tuple(kept), removed=tuple(removed), tail=page.tail + tuple(tail))


def _resumes(b: _Block) -> bool:
    """A line after a related box that takes the article up again: scored as text, and a
    sentence, or prose a link broke off (the test ``related_boxes`` applies to page lines)."""
    return b.p >= 0.5 and (is_body_like(b.text, _RESUME_WORDS // 2)
                           or B.prose_like(Line(b.text), open_end=True))


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
    n_head = len(page.head)
    both = (*page.head, *page.blocks)
    listed = date_lists([b.text for b in both])
    for k, b in enumerate(both):
        dl = parse_dateline(b.text)
        if dl is not None and k in listed:
            dl = replace(dl, furniture=True)  # one of a list's timestamps: other articles'
        if dl is not None and (not started or dl.furniture or has_keyword(dl.text)):
            found.append(dl)
            continue
        if dl is None and not started:
            glued = split_glued_dateline(b.text)
            if glued is not None:
                found.append(glued[0])
                b = replace(b, text=glued[1])
        if k >= n_head:
            kept.append(b)
        started = started or (k >= n_head and words(b.text) >= _STARTED_WORDS)
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


_TITLE_MIN_OVERLAP = 0.15


_LEDE_REACH = 15  # the standfirst follows its headline within a few lines (byline, date, share)
_TITLE_REACH = 8  # without shared words, the headline is one of the lines just before the lede


def _printed_headline(
    candidates: Sequence[tuple[int, _Block]], body: set[str], copies: dict[str, int],
    captions: frozenset[str],
) -> tuple[float, int, _Block] | None:
    """Failing shared words, a headline-like line the page prints twice (its <title>, then
    its h1) that names something of the body: nearest the article first."""
    return next(((0.0, k, b) for k, b in candidates
                 if copies.get(B.line_key(strip_site_name(b.text)), 0) >= 2
                 and headline_like(b.text) and B.line_key(b.text) not in captions
                 and content_words(b.text) & body), None)


_BYLINE_BONUS = 0.6  # the headline is printed just above its article's byline or dateline


def find_title(page: _Page) -> _Page:
    """The title by evidence: the headline-like line before the lede that best shares content
    words with the body, printed twice on the page (its <title> and its h1) or marked as the
    page's first heading, nearest first; not chrome, not a related header; its site name
    stripped. Failing any shared word, the nearest headline-like line. The standfirst lines
    between the title and the article's first block are put back in front of it."""
    blocks, head = page.blocks, rejoin_open(page.head)
    rest = content_words(" ".join(b.text for b in blocks[1:] or blocks))
    body = rest | content_words(blocks[0].text) if blocks else rest  # the lede is evidence too
    copies = title_keys(page.lines)
    candidates = [(-1, b) for b in blocks[:1]] + [(k, b) for k, b in reversed(list(enumerate(head)))]
    signed = headline_before_byline(  # the byline may open the article's block
        (*head, *blocks[:1]) if blocks and signature(blocks[0].text) else head, page.captions)
    keys = [B.line_key(b.text) for b in blocks]
    joined = "\n".join(keys)
    raw = [(title_score(b.text, b.heading, b.bullet,
                        rest if k == -1 else body_without_copies(b.text, blocks, keys, joined, body),
                        copies, page.captions, b.outdented, signed=k == signed), k, b)
           for k, b in candidates]
    scored = [(s - 0.005 * (len(head) - k if k >= 0 else 0)
               + (_BYLINE_BONUS if k == signed and s > 0 else 0.0), k, b) for s, k, b in raw]
    best = whole_headline(max(scored, key=lambda t: t[0], default=None), scored)
    if best is None or best[0] < _TITLE_MIN_OVERLAP:
        best = _printed_headline(candidates, body, copies, page.captions)
    if best is None:
        near = [(k, b) for k, b in candidates if k == -1 or k >= len(head) - _TITLE_REACH]
        best = next(((0.0, k, b) for k, b in near
                     if headline_like(b.text) and B.line_key(b.text) not in page.captions), None)
    if best is None:
        return page
    _, at, chosen = best
    at, chosen = _last_copy(head, at, chosen)
    title = strip_site_name(chosen.text)
    if at == -1:
        rest, line = blocks[1:], page.span[0]
    else:
        lede = tuple(b for b in head[at + 1:at + 1 + _LEDE_REACH]
                     if standfirst(b.text) and not printed_twice(b.text))
        rest, line = (*lede, *_glue_broken_start(head[at + 1:], blocks)), page.span[0] - len(head) + at
    return replace(page, blocks=(_Block(title, kind="title"), *rest), title=title, title_line=line)


def _last_copy(head: Sequence[_Block], at: int, chosen: _Block) -> tuple[int, _Block]:
    """The headline's copy nearest the article: the page's <title> is printed at the top and
    its h1 just above the byline, and the dates and standfirst that go with it are there."""
    if at < 0:
        return at, chosen
    key = B.line_key(strip_site_name(chosen.text))
    later = [k for k in range(at + 1, len(head)) if B.line_key(strip_site_name(head[k].text)) == key]
    return (later[-1], head[later[-1]]) if later else (at, chosen)


def _glue_broken_start(after_title: Sequence[_Block], blocks: Sequence[_Block]) -> Sequence[_Block]:
    """The article's first sentence, when the scraper broke it so that its first half stayed
    above the article ("… lors du Clasico disputé à" / "Sclessin. Mais …"): glued back."""
    last = after_title[-1] if after_title else None
    if (last is None or not blocks or not ends_open(last.text) or words(last.text) < _STARTED_WORDS
            or not prose_words(last.text)):
        return blocks
    return (replace(blocks[0], text=f"{last.text} {blocks[0].text}"), *blocks[1:])


def page_dates(page: _Page) -> _Page:
    """The article's own publication and update dates, by their place next to the title or
    byline (``pubdate.choose_dates``); the dateline grammar's pick stands when it finds none."""
    if not page.lines:
        return page
    published, updated = choose_dates(page.lines, page.title_line, *page.span)
    if published is None and page.dateline is None:
        published = yearless_dateline(page.lines, page.title_line, *page.span)
    if published is None:
        return replace(page, updated=updated)
    return replace(page, dateline=published, updated=updated)


def _join_texts(group: list[_Block]) -> str:
    """Join with one space, or none after an elided word ("l'" + "armée" -> "l'armée")."""
    out = [group[0].text]
    for b in group[1:]:
        out.append(b.text if ELISION_END_RE.search(out[-1][-12:]) else " " + b.text)
    return "".join(out)


def join_broken(page: _Page) -> _Page:
    """Rejoin a paragraph cut mid-sentence: no final punctuation, and the next starts lower-case
    or the line stops on "et", "de", "la" … ("… entre Lula et" / "Bolsonaro a …"); never a byline
    set in small letters under its headline.

    Runs after chrome removal (and again after duplicate removal), so an ad or a repeated
    caption printed in the middle of the sentence does not keep its two halves apart.
    """
    groups: list[list[_Block]] = []
    for b in page.blocks:
        last = groups[-1][-1] if groups else None
        if (last is not None and (starts_lower(b.text) or ends_open(last.text))
                and not last.text.endswith(TERMINAL) and not is_byline(b.text)):
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
    page_dates,
    classify,
)


def clean(raw_text: str, recurring: Callable[[str], bool] | None = None) -> CleanDoc:
    """Normalise a scraped page into a CleanDoc: title first, paragraphs joined by blank lines.

    Never raises on a string; linear in the input size.
    """
    if not isinstance(raw_text, str):
        raw_text = str(raw_text)
    flush = flush_left_lines(raw_text)  # before normalisation strips the lines
    page = process_page(_page_from_text(normalise_text(raw_text), recurring, flush))
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
        warnings=page.warnings,
        updated=page.updated,
    )
