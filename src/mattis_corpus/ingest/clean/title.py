"""Evidence about a page's headline, line by line: whether a line reads as this article's
title (shares its words, printed twice, the page's first heading), as a caption (a photo
credit), as the standfirst, and the site name printed with it. ``page.find_title`` weighs
the candidates; everything here is a pure function of lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mattis_corpus.ingest.clean import boilerplate as B
from mattis_corpus.ingest.clean.chrome import (
    is_body_like,
    is_byline,
    is_chrome_line,
    is_comment_marker,
    is_title_like,
    related_header,
    words,
)
from mattis_corpus.ingest.clean.dateline import parse_dateline
from mattis_corpus.ingest.clean.pubdate import dated_byline, is_yearless_dateline
from mattis_corpus.lexicons import alternation, entries

LETTER_WORD_RE = re.compile(r"[^\W\d_]+")


# Who signs a picture credit (data/photo_credits_fr.txt), longest first for the alternation.
_AGENCIES = alternation("photo_credits_fr")
_CREDIT_RE = re.compile(
    rf"©|\bcr[ée]dits?\s*(?:photos?)?\s*:|\bphotos?\s*:|(?:\b|_)(?:{_AGENCIES})\s*(?:photos?)?[\s.)\]]*$"
    r"|\(\s*(?:photos?|cr[ée]dits?)\b[^()]{3,60}\)\s*$", re.I)


# A caption's closing credit: "… MIGUEL MEDINA / AFP", "(LEO VIGNAL / AFP)", "© Belga",
# "Crédits photo : Jean Martin/AFP", "(Photo X. AFP)". Stricter than _CREDIT_RE: "selon l'AFP."
# ends many a body sentence, a name before "/ AGENCY" ends none.
_CLOSING_CREDIT_RE = re.compile(
    r"(?:\b[A-ZÀ-Ü][\w'-]*\.?\s*/\s*[\w.' -]{0,30}|\s\|\s*[^|]{2,60}"
    r"|©\s*[\w.' /-]{0,40}|\bcr[ée]dits?\s*(?:photos?)?\s*:[^:]{0,60}"
    r"|\(\s*(?:photos?|cr[ée]dits?)\b[^()]{3,60}\)|\bphotos?\s*:[^:]{0,40})[\s.)\]]*$")
_AGENCY_RE = re.compile(rf"\b(?:{_AGENCIES})\b|©|cr[ée]dit|photo", re.I)
_CAPTION_WORDS = 60


# "… mais méfiez-vous... D.Claes": a photographer's initial and name glued after the caption's
# last sentence (a signature line stands alone, a sentence never ends so)
_INITIAL_CREDIT_RE = re.compile(r"(?<![A-Z])[.…!?]\s*(?:[A-Z]\.-?){1,2}\s?[A-Z][a-zà-ÿ'-]+$")  # not "J.F. Kennedy"
_INITIAL_CREDIT_WORDS = (5, 30)  # a caption's length; an article's last paragraph signed so is longer


def credited_caption(text: str) -> bool:
    """A photo caption: a short line that ends with the picture's credit. Not the article's
    dateline printed with the credit of the picture next to it ("12/06/12 - 09h27 © Belga")."""
    low, high = _INITIAL_CREDIT_WORDS
    if low <= words(text) <= high and _INITIAL_CREDIT_RE.search(text):
        return True
    tail = text[-80:]
    m = _CLOSING_CREDIT_RE.search(tail)
    return (m is not None and words(text) <= _CAPTION_WORDS
            and _AGENCY_RE.search(m.group(0)) is not None
            and parse_dateline((text[:-80] + tail[:m.start()]).strip()) is None)


def caption_keys(lines: Sequence[str]) -> frozenset[str]:
    """Keys of the page's captions: lines that carry a photo credit, and a line printed again
    just after with its credit ("X, ministre …" / "X, ministre … Crédits photo : …"). A
    caption repeats the article's words but is never its headline. (Image alt texts are no
    evidence: sites often set the lead image's alt to the headline.)"""
    keys: set[str] = set()
    for k, line in enumerate(lines):
        credit = _CREDIT_RE.search(line)
        if credit is None:
            continue
        keys.add(B.line_key(line))
        keys.add(B.line_key(line[:credit.start()]))
        keys.update(B.line_key(prev) for prev in lines[max(0, k - 3):k]
                    if len(prev) >= 12 and line.startswith(prev))
    keys.discard("")
    return frozenset(keys)


def title_keys(lines: Sequence[str]) -> dict[str, int]:
    """How often each line, its site name stripped, is printed on the page."""
    counts: dict[str, int] = {}
    for line in lines:
        if words(line) <= 30:
            key = B.line_key(strip_site_name(line))
            counts[key] = counts.get(key, 0) + 1
    return counts


def headline_like(text: str) -> bool:
    text = strip_site_name(text)
    return (words(text) >= 4 and is_title_like(text) and not ends_open(text) and not is_chrome_line(text)
            and not related_header(text) and not parse_dateline(text) and not is_byline(text)
            and not is_yearless_dateline(text) and not dated_byline(text))


_LONG_STANDFIRST = 20  # words: prose this long is a chapô even without its final stop


def standfirst(text: str) -> bool:
    """A sentence between the headline and the article's first block: the chapô (some sites
    print its full stop at the start of the body instead)."""
    sentence = is_body_like(text, 8) or (words(text) >= _LONG_STANDFIRST and prose_words(text))
    return (sentence and not is_chrome_line(text) and not related_header(text)
            and not parse_dateline(text))


def prose_words(text: str) -> bool:
    """Ordinary French: enough of jusText's frequent words (menus and lists have few)."""
    found = LETTER_WORD_RE.findall(text)
    stops = B.stopwords()
    return bool(found) and sum(w.lower() in stops for w in found) / len(found) >= 0.3


_TITLE_FULL_EVIDENCE = 4  # shared content words that make a headline's case in full
_TWICE_BONUS = 0.3
_H1_BONUS = 0.4  # an html2text "# " line is the page's h1, the headline on nearly every site
_LYNX_HEADING_BONUS = 0.3  # a lynx heading (h1-h6, level unknown): the headline or a section
_BULLET_MALUS = 0.3  # a list item is a menu entry, a teaser or a lynx caption far more often


_POST_HANDLE_RE = re.compile(r"\(@\w{1,30}\)\s*$")


def post_author(text: str) -> bool:
    """The signature of an embedded post, its date on the next line: "— Nadine Morano
    (@nadine__morano)". Never a headline; the date under it is the post's."""
    return bool(_POST_HANDLE_RE.search(text))


def title_score(text: str, heading: int, bullet: bool, body: set[str],
                copies: dict[str, int], captions: frozenset[str] = frozenset(),
                outdented: bool = False, signed: bool = False) -> float:
    """How much a line reads as this article's headline (0: not at all): the share of its
    content words found in the body, scaled down when few words are shared (a one- or
    two-word menu item like "La météo" shares all its words by chance), plus the page's
    own marks of a headline (printed twice, first-level heading). A marked heading may end
    with "…" (a headline that trails off), and so may a line printed twice or standing on the
    byline; any other line so ended is a cut teaser.
    ``signed``: the line stands just above the article's byline or dateline, where a marked
    heading is the headline even if it shares a single word with the body."""
    line, text = text, strip_site_name(text)
    marked = heading > 0 or outdented
    twice = copies.get(B.line_key(text), 0) >= 2
    trails = marked or signed or twice  # a headline so placed or printed may end with "…"
    if (not is_title_like(text.removesuffix("…") if trails else text) or _first_letter_lower(text)
            or ends_open(text) or is_chrome_line(text)
            or related_header(text) or parse_dateline(text) or is_comment_marker(text)
            or is_yearless_dateline(text) or word_list(text) or dated_byline(text) or post_author(text)
            or B.line_key(text) in captions or B.line_key(line) in captions):
        return 0.0
    own = content_words(text)
    shared = own & body
    if len(shared) < (1 if signed and marked else 2):
        return 0.0  # one shared word is chance, unless a marked heading stands on the byline
    evidence = len(shared) / len(own) * min(1.0, len(shared) / _TITLE_FULL_EVIDENCE)
    bonus = ((_TWICE_BONUS if twice else 0.0) + (_H1_BONUS if heading == 1 else 0.0)
             + (_LYNX_HEADING_BONUS if outdented else 0.0))
    return evidence + bonus - (_BULLET_MALUS if bullet else 0.0)


_LIST_WORDS = 8  # a headline this long always has a function word ("de", "la", "des", "à")


def word_list(text: str, small_stops_only: bool = False) -> bool:
    """A run of capitalised words with (nearly) no function word between them: a tag cloud or a menu
    printed on one line ("Étude Publicité Internautes Vidéo Éditeurs …"), never a headline.
    ``small_stops_only``: a function word counts only in small letters, as in a long menu that
    capitalises its items' "La", "Du" ("Dans La Tête Des Hommes"); not for a headline, which
    may be set in capitals or title case ("MEILLEURE ACTRICE DANS UN SECOND RÔLE")."""
    found = [w for w in LETTER_WORD_RE.findall(text) if len(w) > 1]
    stops = B.stopwords()
    n_stops = sum((w if small_stops_only else w.lower()) in stops for w in found)
    return (len(found) >= _LIST_WORDS and n_stops * 10 <= len(found)
            and sum(w[0].isupper() for w in found) * 3 >= len(found) * 2)


_LAST_WORD_RE = re.compile(r"([^\W\d_]+)\W*$")


def ends_open(text: str) -> bool:
    """The line stops on an article, a preposition or "et" ("… lors du Clasico disputé à"):
    the first half of a sentence the scraper broke, never a whole headline."""
    m = _LAST_WORD_RE.search(text)
    return m is not None and m.group(1).lower() in _small_words()


def _small_words() -> frozenset[str]:
    return frozenset(entries("determiners_fr"))


def _first_letter_lower(text: str) -> bool:
    """A headline never starts with a small letter, even after a quote mark, "> " or "…"."""
    return next((c.islower() for c in text if c.isalnum()), False)  # "24% des …" starts with a digit


_CONTENT_RE = re.compile(r"[^\W\d_]{4,}")


def content_words(text: str) -> set[str]:
    """Stems of the longer words that are not among jusText's frequent French words, so
    "privatisations" in a headline meets "privatisation" and "vous" or "pour" count for
    nothing."""
    from mattis_corpus.analysis import term_of

    stops = B.stopwords()
    return {term_of(w) for w in _CONTENT_RE.findall(text) if w.lower() not in stops}


_SITE_SEPS = (" | ", " - ", " – ", " — ", " :: ", " / ")
_DOMAIN_RE = re.compile(r"\b[\w-]+\.(?:fr|be|ch|ca|com|net|org|info|tv|eu|lu|ma|sn|dz|tn)\b", re.I)
_SITE_WORDS = 4


def strip_site_name(title: str) -> str:
    """Drop a site name printed with the headline: " - Bondy Blog", " | La Presse",
    "DH.be - …", " | DW | 23.05.2011": a short capitalised or domain-like end part."""
    t = title.strip()
    for _ in range(3):
        new = _strip_once(t)
        if new == t:
            break
        t = new
    return t


def _strip_once(t: str) -> str:
    for sep in _SITE_SEPS:
        head, found, last = t.rpartition(sep)
        if found and words(head) >= 3 and _site_like(last):
            return head.strip()
        first, found, tail = t.partition(sep)
        if found and words(tail) >= 3 and _DOMAIN_RE.search(first) and words(first) <= _SITE_WORDS:
            return tail.strip()
    return t


def _site_like(part: str) -> bool:
    """A site name, or the date a site prints after its name (" | 23.05.2011")."""
    part = part.strip()
    if not part or words(part) > _SITE_WORDS or part.endswith(("?", "!", "»", '"')):
        return False
    if _DOMAIN_RE.search(part) or parse_dateline(part):
        return True
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in ("de", "du", "la", "le", "des", "&")
               for w in part.split())
