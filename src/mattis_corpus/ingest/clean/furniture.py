"""What a page sets around and inside its article, found line by line before the article's
runs are chosen: related-articles boxes and teaser blocks (chrome), embedded posts (set in the
article, not part of it), the article's own lists (part of it however they score), and whether
the page is another capture of an article the corpus holds (repetition then says nothing)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from mattis_corpus.ingest.clean import boilerplate as B
from mattis_corpus.ingest.clean.chrome import (
    TERMINAL,
    is_chrome_line,
    is_heading_like,
    is_title_like,
    related_header,
    words,
)

_COPY_SENTENCES = 5  # a page whose own sentences recur elsewhere is another copy of an article
_COPY_SHARE = 0.5


def copy_of_stored(lines: Sequence, recurring: Callable[[str], bool]) -> bool:
    """Another capture of an article the corpus already holds (saved twice, or by two
    tools): its sentences recur, not only its furniture, and repetition says nothing about
    which of its lines are chrome."""
    sentences = [ln.text for ln in lines
                 if 6 <= words(ln.text) <= B.RECURRING_MAX_WORDS and ln.text.endswith(TERMINAL)]
    recurring_ones = sum(map(recurring, sentences))
    return recurring_ones >= _COPY_SENTENCES and recurring_ones >= _COPY_SHARE * len(sentences)



_STANDFIRST_GAP = 1  # a teaser's standfirst comes right under its headline printed twice


def related_boxes(lines: Sequence, probs: list[float]) -> list[float]:
    """A related-articles header met after the article began, and the teaser-like lines after
    it, are chrome, up to the next line of prose (a whole sentence, or a long one a link broke
    off): never what follows as prose, except a teaser's own standfirst, the prose right under
    its headline printed twice (image and link text)."""
    out = list(probs)
    seen, boxed, teaser = 0, False, -_STANDFIRST_GAP - 1
    for k, line in enumerate(lines):
        kind = related_header(line.text)
        if kind is not None and seen >= STARTED_BEFORE_COMMENTS:
            out[k], boxed = 0.0, kind == "bare"
            continue
        if boxed and printed_twice(line.text):
            out[k], teaser = 0.0, k  # a teaser's image and link text: its standfirst may follow
            continue
        if boxed and (not B.prose_like(line, open_end=True) or k - teaser <= _STANDFIRST_GAP):
            out[k] = 0.0
            continue
        if boxed:  # the article goes on: as sure as any prose, though the box's links pull it down
            out[k] = max(out[k], B.weights()[1]["prose_floor"])
        boxed = False
        if probs[k] >= 0.5:
            seen += words(line.text)
    return out


# The signature under an embedded post: "— Nadine Morano (@nadine__morano) June 4, 2012",
# "-- X (@x) 12 juin 2017" (Twitter/X embeds as scrapers print them).
_POST_SIGNATURE_RE = re.compile(
    r"^(?:[-—–]{1,2}\s*)?[^()]{1,80}\(@\w{1,30}\)\s*(?:\w{3,10}\.? \d{1,2},? \d{4}|\d{1,2}(?:er)? \w{3,10}\.? \d{4})$")


_LIST_ITEMS = 3  # a list this long, none of it links, right next to the article is part of it
_LIST_GAP = 2  # short unlinked lines (its heading, a dateline) between such a list and the article
_LINKED_LINES = 5  # a dump that shows this many links marks them all (html2text, Markdown)


def content_lists(lines: Sequence, keep: set[int]) -> set[int]:
    """A list the article prints (a palmarès, results, a programme) scores like a menu, line by
    line; on a dump that marks links, a menu's items are links and the article's are not. The
    unlinked list items right before or after the kept article, with the short unlinked lines
    between (its heading), are the article's."""
    if not keep or sum(line.link_share > 0 for line in lines) < _LINKED_LINES:
        return set()
    out: set[int] = set()
    for start, step in ((min(keep) - 1, -1), (max(keep) + 1, 1)):
        k, gap, items, seen = start, 0, 0, []
        while 0 <= k < len(lines) and lines[k].link_share == 0 and not lines[k].rel:
            if _list_item(lines[k].text, lines[k].bullet):
                items += 1
            elif items or gap >= _LIST_GAP or words(lines[k].text) > _TEASER_HEADER_WORDS:
                break
            else:
                gap += 1
            seen.append(k)
            k += step
        if items >= _LIST_ITEMS:
            out.update(seen)
            if 0 <= k < len(lines) and is_heading_like(lines[k].text) and lines[k].link_share == 0:
                out.add(k)  # the list's own heading
    return out


_DASHES = ("—", "–", "•")


def _list_item(text: str, bullet: bool) -> bool:
    return ((bullet or text.startswith(_DASHES)) and words(text) >= 3
            and not is_chrome_line(text) and not related_header(text))


_POST_LINK_RE = re.compile(r"(?:\bpic\.twitter\.com|\bhttps?://t\.co)/\w+\W*$")


def embedded_posts(lines: Sequence) -> set[int]:
    """The lines of embedded social posts, which are not the article: a signature line and
    the lines above it in the same blockquote (the post's text, when the scraper marked the
    quote)."""
    out: set[int] = set()
    for k, line in enumerate(lines):
        if _POST_LINK_RE.search(line.text):  # a post's text ending on its link
            out.add(k)
        if not _POST_SIGNATURE_RE.match(line.text):
            continue
        out.add(k)
        j = k - 1
        while (line.quote and j >= 0 and lines[j].quote == line.quote
               and not _POST_SIGNATURE_RE.match(lines[j].text)):
            out.add(j)
            j -= 1
        if not line.quote and j >= 0 and _unmarked_post_text(lines[j].text):
            out.add(j)  # lynx sets the quote by indentation only: the paragraph on the signature
    return out


_POST_WORDS = 60  # a post's text is short (280 characters on X)


def _unmarked_post_text(text: str) -> bool:
    """The paragraph right above a post's signature, on a dump that does not mark quotes, is
    the post's text: short, and not the article's line announcing it ("Il a réagi :")."""
    return (0 < words(text) <= _POST_WORDS and not text.rstrip().endswith(":")
            and not _POST_SIGNATURE_RE.match(text))


STARTED_BEFORE_COMMENTS = 50  # article words before a comment marker can end the article
_TEASER_PAIRS = 2  # headline + cut summary, twice in a row: a block of teasers
_TEASER_HEADER_WORDS = 8


def _teaser(text: str) -> bool:
    """A teaser's summary: cut off by the site with "..." or "…"."""
    return text.rstrip().endswith(("...", "…")) and words(text) >= 4


def printed_twice(text: str) -> bool:
    """A headline or caption printed twice or more on one line ("X X", "X. X. X. CREDIT"):
    an image's alt text, title and caption, or a teaser's image text and link text."""
    half = len(text) // 2
    if words(text) >= 6 and text[:half].strip() == text[half:].strip():
        return True
    first = text.split(". ", 1)[0].strip()
    copies = text.count(first)
    if words(first) >= 6 and copies >= 2 and len(first) * copies >= 0.7 * len(text):
        return True
    return doubled_share(text.split()) >= _DOUBLED_SHARE


_DOUBLED_MIN = 4  # words: a run this long printed again right after it is a teaser's copy
_DOUBLED_SHARE = 0.7
_DOUBLED_MAX_WORDS = 300


def doubled_share(tokens: list[str]) -> float:
    """The share of a line's words that stand in runs printed twice in a row ("A A B B C C":
    a block of teasers, each with its image text and its link text, glued into one line)."""
    n = len(tokens)
    if n < 2 * _DOUBLED_MIN or n > _DOUBLED_MAX_WORDS:
        return 0.0
    covered, i = 0, 0
    while i < n:
        first = tokens[i]
        k = next((k for k in range(_DOUBLED_MIN, (n - i) // 2 + 1)
                  if tokens[i + k] == first and tokens[i:i + k] == tokens[i + k:i + 2 * k]), None)
        if k is None:
            i += 1
        else:
            covered, i = covered + 2 * k, i + 2 * k
    return covered / n


_LABEL_WORDS = 3
_TEASER_HEAD_LINES = 3  # a teaser's headline, its section label, the headline again (image, link)


def _summary_after_headline(texts: Sequence[str], k: int) -> int | None:
    """Where the cut summary of a teaser starting at ``k`` is: after one to three headline or
    label lines ("Auchan fracasse le prix …" / "Maison" / "Auchan fracasse le prix …")."""
    if not is_title_like(texts[k]):
        return None
    for j in range(k + 1, min(len(texts), k + _TEASER_HEAD_LINES + 1)):
        if _teaser(texts[j]):
            return j
        if not (is_title_like(texts[j]) or words(texts[j]) <= _LABEL_WORDS):
            return None
    return None


def teaser_blocks(lines: Sequence, probs: list[float]) -> list[float]:
    """Runs of teasers are chrome whatever their words: a headline followed by its summary cut
    with "…", at least twice in a row (teasers sometimes come without their headline), and
    the short line that announces them ("Nos lecteurs ont aussi lu :")."""
    out = list(probs)
    at = [k for k, line in enumerate(lines) if line.text]  # blank lines may part the teasers
    texts = [lines[k].text for k in at]
    k, n = 0, len(at)
    while k < n:
        end, pairs = k, 0
        while end < n:
            if _teaser(texts[end]):
                end, pairs = end + 1, pairs + 1
            elif summary := _summary_after_headline(texts, end):
                end, pairs = summary + 1, pairs + 1
            else:
                break
        if pairs >= _TEASER_PAIRS:
            start = k
            if k > 0 and words(texts[k - 1]) <= _TEASER_HEADER_WORDS and not B.prose_like(lines[at[k - 1]]):
                start = k - 1
            for j in range(at[start], at[end - 1] + 1):
                out[j] = 0.0
            k = end
        else:
            k += 1
    return out
