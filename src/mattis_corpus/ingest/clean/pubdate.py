"""The article's own publication and update dates, chosen among the dates of its page.

A news page prints many dates: the "today's date" widget of the top bar, teaser and most-read
lists, comments, embedded posts, the footer. The article's own date sits next to its title or
byline, between the title and the first lines of the body, so the place decides: only dates
in that window are candidates, and the one closest to the title wins. What introduces a date
("Publié le", "Mis à jour le") says which of the two dates it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from mattis_corpus.ingest.clean.chrome import fold_same_length, is_byline
from mattis_corpus.ingest.clean.dateline import (
    KEYWORD_FIRST_RE,
    LineDate,
    has_keyword,
    line_dates,
    parse_dateline,
    update_time,
)
from mattis_corpus.models import Dateline

_BEFORE_TITLE = 3  # a date may sit just above the headline ("2 Déc 2017" / title)
_NO_TITLE_BEFORE = 8  # without a title, how far before the body an unmarked date may be
_NO_TITLE_BEFORE_KEYWORD = 30  # … and a "Publié le" date (share buttons may come between)
_BODY_HEAD = 3  # an unmarked date may follow the lead, or open the body (wire dateline)
_BODY_HEAD_KEYWORD = 12  # "Publié le …" may come later, after the lead and share buttons
_BODY_FOOT = 1  # a dateline may close the article ("le 01/12/2017 à 15h45" under its last line)
_DATELINE_WORDS = 6  # a dateline-shaped line has at most this many words besides its dates
_WIRE_PREFIX_WORDS = 4  # "PARIS, 12 mars 2019 (AFP) -": a place before the date
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
# Markdown a scraper leaves around a byline: images, link targets, bare addresses.
_MARKUP_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|https?://\S+|www\.\S+")
_WIRE_AFTER_RE = re.compile(r"^\s*(?:\(\w[\w ./-]{0,20}\))?\s*[-–—:]")
_OPENS_ITEM = "|•·*-–—:()[]>+"  # what may precede a keyword dateline inside a longer line


def _dateline_shaped(line: str, dates: Sequence[LineDate]) -> bool:
    """Few words besides the dates: a dateline or byline, not a sentence that names a date."""
    rest, pos = [], 0
    for d in dates:
        rest.append(line[pos: d.start])
        pos = d.end
    rest.append(line[pos:])
    return len(_WORD_RE.findall(_MARKUP_RE.sub(" ", " ".join(rest)))) <= _DATELINE_WORDS


def dated_byline(line: str) -> bool:
    """A line that says when the article was published, with a name or a label or two around
    it: "Thomas Martin / Publié le 4 mars 2016 à 10h30, mis à jour le …"."""
    dates = [d for d in line_dates(line) if not d.furniture]
    return any(d.role == "published" for d in dates) and _dateline_shaped(line, dates)


def _opens_item(line: str, d: LineDate) -> bool:
    """The date, or its keyword, starts the line or an item of it ("… | Publié le 3 mai"), or
    a byline gave its role ("Par X le …"): not "le rapport publié le 3 mai" in a sentence."""
    head = line[: d.start].rstrip()
    if head[-1:] in (",", ";"):  # "Publié le 30 août 2023 à 14h52, modifié le …"
        head = head[:-1].rstrip() if head[:-1].rstrip()[-1:].isdigit() else head
    return (not head or head[-1] in _OPENS_ITEM or head[-1].isdigit()
            or not KEYWORD_FIRST_RE.match(fold_same_length(d.text)))


def _wire_dateline(line: str, d: LineDate) -> bool:
    """A date opening the body after a place name, then the agency or a dash."""
    head = line[: d.start].rstrip()
    return (len(head.split()) <= _WIRE_PREFIX_WORDS and (not head or head.endswith(","))
            and bool(_WIRE_AFTER_RE.match(line[d.end:])))


def _line_candidates(line: str, body_line: int | None, far: bool) -> list[LineDate]:
    """The dates of one window line that may be the article's: never a widget; in the body
    (``body_line``: the line's rank in it) only a dateline line, unmarked in the first lines
    only, or a wire dateline opening it; before the body a keyword date or a dateline line,
    and only a keyword date when ``far`` from the body on a page without title."""
    dates = [d for d in line_dates(line) if not d.furniture]
    if not dates:
        return []
    if body_line is None:
        shaped = (_dateline_shaped(line, dates) or is_byline(line)) and not far
        return [d for d in dates if shaped or (d.role is not None and _opens_item(line, d))]
    if body_line == 0 and _wire_dateline(line, dates[0]):
        return dates[:1]
    if not (_dateline_shaped(line, dates) or (body_line < _BODY_HEAD and is_byline(line))):
        return []
    return [d for d in dates if d.role is not None or body_line < _BODY_HEAD]


_LIST_DATES = 3  # bare date lines this close together are a list's timestamps (teasers, a feed)
_LIST_REACH = 4


def date_lists(lines: Sequence[str]) -> set[int]:
    """The bare date lines that stand among others: a run of teasers or latest news, each
    with its timestamp, within a few lines of each other. Other articles' dates, never this
    one's ("Publié le …" and "Mis à jour le …" lines are not bare)."""
    bare = [k for k, line in enumerate(lines)
            if (d := parse_dateline(line)) is not None and d.value and not has_keyword(line)]
    return {k for k in bare if sum(abs(j - k) <= _LIST_REACH for j in bare) >= _LIST_DATES}


def _window(n: int, title: int | None, body_start: int, body_end: int) -> range:
    top = title - _BEFORE_TITLE if title is not None else body_start - _NO_TITLE_BEFORE_KEYWORD
    return range(max(0, top), min(n, body_end, body_start + _BODY_HEAD_KEYWORD))


def _closing_dates(lines: Sequence[str], body_end: int) -> list[LineDate]:
    """The dates of a line that is only a date, just under the article's last paragraph: some
    sites print the dateline at the foot of the article instead of under its title."""
    for i in range(body_end, min(len(lines), body_end + _BODY_FOOT)):
        dates = [d for d in line_dates(lines[i]) if not d.furniture]
        if dates and _dateline_shaped(lines[i], dates) and parse_dateline(lines[i]) is not None:
            return dates
    return []


def _as_dateline(d: LineDate) -> Dateline:
    return Dateline(text=d.text, value=d.value, precision=d.precision, furniture=False)


# "Publié le 28/03 à 21h00": the page shows the article's date but not its year.
_YEARLESS_RE = re.compile(
    r"\b(?:publi[ée]e?|post[ée]e?|mis en ligne|published|posted)\s+(?:le\s+|on\s+)?"
    r"\d{1,2}\s*[/.]\s*\d{1,2}\b(?!\s*[/.]\s*\d)", re.IGNORECASE)


def is_yearless_dateline(line: str) -> bool:
    """A line that dates the article without its year ("Publié le 05/01 à 08h00")."""
    return len(line) <= 80 and bool(_YEARLESS_RE.search(line))


def yearless_dateline(
    lines: Sequence[str], title: int | None, body_start: int, body_end: int
) -> Dateline | None:
    """A publication date without its year next to the title ("Publié le 28/03 à 21h00"):
    unreadable alone, it still says the page dates itself, so no other date of the text
    may be taken for it. Its year is read from the page when exactly one full date on it
    (the day's date in the top bar, say) falls on that same day and month."""
    for i in _window(len(lines), title, body_start, body_end):
        if is_yearless_dateline(lines[i]) and (m := _YEARLESS_RE.search(lines[i])):
            text = lines[i][m.start():].strip()
            day, month = (int(n) for n in re.findall(r"\d{1,2}", m.group(0))[:2])
            value = _same_day_on_page(lines, day, month)
            return Dateline(text=text, value=value, precision="day" if value else None,
                            furniture=False)
    return None


def _same_day_on_page(lines: Sequence[str], day: int, month: int) -> str | None:
    """The one full date of the page with this day and month, if there is exactly one."""
    suffix = f"-{month:02d}-{day:02d}"
    values = {d.value for line in lines for d in line_dates(line)
              if d.precision == "day" and d.value.endswith(suffix)}
    return values.pop() if len(values) == 1 else None


_DAY_LINE_RE = re.compile(r"\s*([0-3]?\d)\s*")


def _with_day_above(lines: Sequence[str], i: int, d: LineDate) -> LineDate:
    """A month and year whose day the page printed on the line above ("2" / "Déc 2017": a
    blog theme's calendar badge, two spans a tag-stripper put on two lines) is that day."""
    m = _DAY_LINE_RE.fullmatch(lines[i - 1]) if i > 0 and d.precision == "month" else None
    if m is None:
        return d
    year, month = (int(n) for n in d.value.split("-"))
    try:
        day = date(year, month, int(m.group(1)))
    except ValueError:
        return d
    return replace(d, text=f"{m.group(1)} {d.text}", value=day.isoformat(), precision="day")


_RANK_WORDS = 4  # a body line this long counts for a date's rank (not "|", "Le Monde.fr avec AFP")


def _body_rank(lines: Sequence[str], body_start: int, i: int) -> int:
    """How many lines of text come before line ``i`` in the body: the bits of a byline the
    page printed one per line ("Le Monde.fr avec AFP" / "|" / the date) are not text."""
    return sum(len(_WORD_RE.findall(lines[k])) > _RANK_WORDS for k in range(body_start, i))


def choose_dates(
    lines: Sequence[str], title: int | None, body_start: int, body_end: int
) -> tuple[Dateline | None, Dateline | None]:
    """(publication date, update date) of the article, from the dates next to its title.

    "Published" beats an unmarked date, which beats nothing; an update date is never copied
    into the publication date. ``body_end`` bounds the search: comments and footers after the
    body are never read.
    """
    if title is not None and not 0 <= title < body_start:
        title = None  # a title line inside or after the body cannot bound the header
    anchor = title if title is not None else body_start
    found: list[tuple[float, int, LineDate]] = []
    listed = date_lists(lines)
    for i in _window(len(lines), title, body_start, body_end):
        if i in listed:
            continue
        body_line = _body_rank(lines, body_start, i) if i >= body_start else None
        far = title is None and i < body_start - _NO_TITLE_BEFORE
        for d in _line_candidates(lines[i], body_line, far):
            d = _with_day_above(lines, i, d)
            distance = abs(i - anchor) + (0.5 if i < anchor else 0.0)
            found.append((distance, i, d))
    found.sort(key=lambda c: c[0])
    if not any(c[2].role != "updated" for c in found):
        found += [(float("inf"), body_end, d) for d in _closing_dates(lines, body_end)]
    pub = next((c for c in found if c[2].role == "published"), None)
    pub = pub or next((c for c in found if c[2].role is None), None)
    upd_date = next((c[2] for c in found if c[2].role == "updated"), None)
    if upd_date is None and pub is not None:
        upd_date = update_time(lines[pub[1]], pub[2])
    return (_as_dateline(pub[2]) if pub else None,
            _as_dateline(upd_date) if upd_date else None)
