"""The dateline grammar: a date line printed by the page ("Publié le …", "Mis à jour le …",
a bare date, a weekday date with time and zone), and whether it belongs to the article; and
every date written inside a line (:func:`line_dates`), for choosing the article's own dates
by their place on the page (``pubdate.choose_dates``). No NLP: it runs before any."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mattis_corpus.french import (
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_ABBREVIATIONS_EN,
    WEEKDAYS,
    WEEKDAYS_EN,
    month_numbers,
)
from mattis_corpus.ingest.clean.chrome import fold_same_length
from mattis_corpus.models import Dateline

# Folded keys (the dateline is matched on folded text): French and English names, short forms.
_MONTHS = {fold_same_length(k): v for k, v in month_numbers(english=True, short_english=True).items()}
_MON = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_WEEKDAYS = [*WEEKDAYS, *WEEKDAY_ABBREVIATIONS, *WEEKDAYS_EN, *WEEKDAY_ABBREVIATIONS_EN]
_WD = "(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\b\.?"

_DATE_CORE = (
    r"(?P<icon>(?:[^\w\s]\s*)*)"
    r"(?P<kw>(?:publiee?|mise? en ligne|parue?|mise? a jour|modifiee?|actualisee?"
    r"|date(?: de publication)?|posted|published|updated)\b\s*(?:le\b|on\b|sur\b)?\s*:?\s*)?"
    r"(?P<le>le\s+)?"
    rf"(?:(?P<wd>{_WD}),?\s+)?"
    r"(?:(?P<iy>\d{4})-(?P<im>\d{1,2})(?:-(?P<id>\d{1,2}))?"
    r"|(?P<nd>\d{1,2})[/.](?P<nm>\d{1,2})[/.](?P<ny>\d{4}|\d{2})"
    rf"|(?P<td>\d{{1,2}})(?P<tsuf>er|st|nd|rd|th)?\s+(?P<tm>{_MON})\s*,?\s*(?P<ty>\d{{4}})"
    rf"|(?P<em>{_MON})\s+(?P<ed>\d{{1,2}})(?P<esuf>st|nd|rd|th)?\s*,?\s*(?P<ey>\d{{4}})"
    rf"|(?P<mm>{_MON})\s+(?P<my>\d{{4}})"
    r"|(?P<yy>\d{4}))\b"
    r"(?:\s*(?:,|-|–|\||a|at)?\s*\d{1,2}\s*[h:]\s*(?:\d{2})?(?:\s*min)?(?::\d{2})?"
    r"(?:\s*(?:am|pm))?\b)?"
    r"(?:\s*\(?(?:utc|gmt|cet|cest|hne|hae|heure de paris)(?:\s*[+-]\s*\d{1,2})?\)?)?"
)
_DATE_FULL_RE = re.compile(
    "^" + _DATE_CORE
    + r"(?:\s*[,|–—-]?\s*(?:(?:mis|mise) a jour|modifie|actualise|updated)\b[\s\w:/.,-]{0,50})?"
    + r"[\s.,;:)\]|-]*$"
)
_DATE_PREFIX_RE = re.compile("^" + _DATE_CORE + r"[\s.,;:|-]*\s")
_DATELINE_MAX_CHARS = 120


def _dateline_from_match(m: re.Match[str], text: str) -> Dateline | None:
    """Build a Dateline from a regex match, or None when the date does not exist."""
    g = m.groupdict()
    if not (g["iy"] or g["nd"] or g["td"] or g["em"] or g["mm"] or g["kw"]):
        return None  # a bare "2017" is not a dateline
    found = _iso(g)
    if found is None:
        return None
    value, precision = found
    english_ordinal = g["esuf"] or (g["tsuf"] and g["tsuf"] != "er")
    if english_ordinal:
        furniture = True  # "24th" on a French page: a theme's date widget
    elif g["kw"] or g["le"]:
        furniture = False  # "Publié le ...", "date ...", "Le 12/01/2017 à 14:05"
    else:
        furniture = bool(g["icon"].strip() or g["wd"])  # "• mer. 24 avril 2024"
    return Dateline(text=text, value=value, precision=precision, furniture=furniture)


def parse_dateline(line: str) -> Dateline | None:
    """Parse a line that is only a date ("Publié le 16 février 2017 à 10h32"), else None.

    ``furniture`` is True for a "today's date" widget: an English ordinal ("24th"), or a
    weekday or icon prefix without a "Publié le"/"date"/"Le" keyword.
    """
    s = line.strip()
    if not s or len(s) > _DATELINE_MAX_CHARS or not any(c.isdigit() for c in s):
        return None
    m = _DATE_FULL_RE.match(_GLUED_UPDATE_RE.sub(r"\1 ", fold_same_length(s)))
    if m:
        return _dateline_from_match(m, s)
    if _KEYWORD_DATELINE_RE.match(fold_same_length(s)):
        # "Published Oct. 2, 2018 10:32 am ET": the page's own date in a form our grammar does
        # not read; kept with no value, for dateparser to read at ingest (published.py).
        return Dateline(text=s, value=None, precision=None, furniture=False)
    return None


# "… à 08:01Mis à jour le …": the two dates of a dateline printed with no space between.
_GLUED_UPDATE_RE = re.compile(r"(\d)(?=(?:mise?|modifiee?|actualisee?|updated)\b)", re.I)

_KEYWORD_DATELINE_RE = re.compile(
    r"^(?:publie|mise? en ligne|mise? a jour|modifie|published|updated|posted)\b[^\n]{0,60}\d{4}",
    re.IGNORECASE,
)


def split_glued_dateline(line: str) -> tuple[Dateline, str] | None:
    """Split "date 2018-12 Dans une lettre ..." into the dateline and the text after it.

    Only a keyword-introduced date ("date", "Publié le", "Mis à jour le") can be glued to
    text, or a bare date to a picture credit ("12/06/12 - 09h27 © Photonews."): "Le 12
    janvier 2017, le général ..." is a sentence, not a dateline.
    """
    s = line.strip()
    head = fold_same_length(s[:_DATELINE_MAX_CHARS])
    m = _DATE_PREFIX_RE.match(head)
    if not m:
        return None
    rest = s[m.end():].strip()
    if not m.group("kw") and not (_CREDIT_AFTER_RE.match(rest) or _CREDIT_END_RE.search(rest)):
        return None
    dl = _dateline_from_match(m, s[: m.end()].strip())
    if dl is None or not rest or not any(c.isalpha() for c in rest):
        return None
    return dl, rest


# What may follow a keywordless date on its line: the picture's credit ("12/06/12 - 09h27
# © Photonews."; the image itself was a lynx "[photo.jpg]"), never a sentence.
_CREDIT_AFTER_RE = re.compile(r"(?:©|\(?(?:photos?|cr[ée]dits?(?: photos?)?)\s*:)", re.I)
# ... or the picture's caption with its credit at the end ("26/09/12 - 16h34 Jelle Van Damme
# (capture d'écran: Standard TV)."; w3m and a browser's copy glue the three on one line)
_CREDIT_END_RE = re.compile(
    r"\((?:©|photos?\b|cr[ée]dits?\b|capture d.[ée]cran\b|illustration\b)[^()]{0,60}\)\.?$", re.I)


def has_keyword(text: str) -> bool:
    m = _DATE_FULL_RE.match(fold_same_length(text))
    return bool(m and m.group("kw"))


_TEXT_DAY_RE = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MON})\s+(?P<y>\d{{4}})\b"
    r"|\b(?P<nd>\d{1,2})/(?P<nm>\d{1,2})/(?P<ny>\d{4})\b"
)


def absolute_days(text: str) -> list[date]:
    """Every full calendar date written in running text ("16 février 2017", "16/02/2017"),
    with no anchor needed: what publication-date inference reads, before any NLP."""
    found = []
    for m in _TEXT_DAY_RE.finditer(fold_same_length(text)):
        g = m.groupdict()
        parts = (g["y"], _MONTHS.get(g["m"].rstrip(".")), g["d"]) if g["d"] else (
            g["ny"], g["nm"], g["nd"])
        try:
            found.append(date(int(parts[0]), int(parts[1]), int(parts[2])))
        except (TypeError, ValueError):
            continue
    return found


# --------------------------------------------------------------------------- dates in a line
# line_dates() reads every date written inside one line of page text (not only a line that is
# a date): the page's datelines, but also teaser, comment and body dates, which the caller
# tells apart by position (pubdate.choose_dates). A date needs its year: relative dates
# ("il y a 2 heures", "Hier") and year-less ones ("le 28/03") are never given a value.


@dataclass(frozen=True)
class LineDate:
    """One date mention in a line: the words, the ISO value at its precision, what introduced
    it (``published``/``updated``/None), its offsets in the line, and whether it has the shape
    of a "today's date" widget (``furniture``)."""

    text: str
    value: str
    precision: str  # day | month | year
    role: str | None
    start: int
    end: int
    furniture: bool


_YEAR2_END = r"(?=\s*(?:$|[,;|)\]•·]|-|–|—|(?:a|at)?\s*\d{1,2}\s*[h:]\d))"
_TIME = (
    r"(?:\s*(?:,\s*|-|–|—|\||\ba\b|\bat\b)?\s*\d{1,2}\s*(?:h(?:\s?\d{2})?(?!eure)|:\d{2})"
    r"(?::\d{2})?(?:\s*(?:am|pm)\b)?(?!\d))?"
    r"(?:\s*\(?(?:utc|gmt|cet|cest|hne|hae|heure de paris)(?:\s*[+-]\s*\d{1,2})?\)?)?"
)
_LD_RE = re.compile(
    r"(?<![\w./-])(?P<core>(?:"
    r"(?P<iy>(?:19|20)\d{2})-(?P<im>\d{2})(?:-(?P<id>\d{2})"
    r"(?:t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?)?"
    r"|(?P<ay>(?:19|20)\d{2})/(?P<am>\d{1,2})/(?P<ad>\d{1,2})"
    r"|(?P<nd>\d{1,2})(?P<sep>[/.-])(?P<nm>\d{1,2})(?P=sep)(?P<ny>\d{4}|\d{2}(?![.,]?\d))"
    rf"|(?:(?P<wd>{_WD}),?\s+)?(?P<td>\d{{1,2}})(?P<tsuf>er|st|nd|rd|th)?\s+(?P<tm>{_MON})"
    rf"\s*,?\s*(?P<ty>\d{{4}}|\d{{2}}{_YEAR2_END})"
    rf"|(?:(?P<wd2>{_WD}),?\s+)?(?P<em>{_MON})\s+(?P<ed>\d{{1,2}})(?P<esuf>st|nd|rd|th)?"
    r"\s*,?\s*(?P<ey>\d{4})"
    rf"|(?P<mm>{_MON})\s+(?P<my>\d{{4}})"
    r"|(?P<yy>(?:19|20)\d{2})"
    r")(?![\d/_-]|[.,]\d))" + _TIME
)
_ROLE_WORDS = (
    r"(?P<pub>publiee?s?|publication|mise? en ligne|creee?|postee?|parue?|parution|redigee?"
    r"|posted|published|date de publication)"
    r"|(?P<upd>(?:derniere )?mise? a jour|maj|modifiee?|actualisee?|(?:last )?updated|revised)"
    r"|(?P<neutral>date)"
)
_ROLE_BEFORE_RE = re.compile(
    rf"(?<![^\W\d_])(?:{_ROLE_WORDS})"  # a digit may touch it ("08:01Mis à jour"); then "le", ":", or a time first: "Publié à 10h15, le"
    r"(?:\s*(?:\b(?:le|on|sur|en|du|a|at)\b|[:–,-]|\d{1,2}\s*[h:]\s*\d{0,2}\b))*\s*$"
)
_BYLINE_BEFORE_RE = re.compile(  # "Par X le", "Par: [X](…) |", "Publié par X, le"
    r"(?:^|[|•·*>—–)\]-]\s*|\b(?:publiee?s?|posted|published)\s+)(?:par|by)\s*:?\s+"
    r"[^|,;!?\s][^|,;!?]{0,200}?\s*(?:[|–—,-]+\s*)?(?:\ble\s*)?$"
)
_LE_BEFORE_RE = re.compile(r"(?<!\w)le\s+$")
KEYWORD_FIRST_RE = re.compile(rf"(?:{_ROLE_WORDS})\b")  # on folded text: "Publié le …" led
_URL_LEFT_RE = re.compile(r"https?:|www\.|\]\(|/|_")
_URL_RIGHT_RE = re.compile(r"[/_]|\S*\.(?:html?|php|aspx?|png|jpe?g|gif|pdf)\b")
_ROLE_WINDOW = 60
_BYLINE_WINDOW = 250
_WEEKDAY_ABBREVIATIONS = frozenset(
    fold_same_length(w) for w in (*WEEKDAY_ABBREVIATIONS, *WEEKDAY_ABBREVIATIONS_EN))


def _year(text: str) -> int:
    """A two-digit year is of this century below 70, of the last one above."""
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _ymd(g: dict[str, str | None]) -> tuple[int, int | None, int | None]:
    """Year, month, day of a match (month and day None when not written); may raise."""
    if g["iy"]:
        return int(g["iy"]), int(g["im"]), int(g["id"]) if g["id"] else None
    if g.get("ay"):
        return int(g["ay"]), int(g["am"]), int(g["ad"])
    if g["nd"]:
        return _year(g["ny"]), int(g["nm"]), int(g["nd"])
    if g["td"]:
        return _year(g["ty"]), _MONTHS[g["tm"].rstrip(".")], int(g["td"])
    if g["em"]:
        return int(g["ey"]), _MONTHS[g["em"].rstrip(".")], int(g["ed"])
    if g["mm"]:
        return int(g["my"]), _MONTHS[g["mm"].rstrip(".")], None
    return int(g["yy"]), None, None


def _iso(g: dict[str, str | None]) -> tuple[str, str] | None:
    """(value, precision) of a match, or None when the date does not exist."""
    try:
        y, mo, d = _ymd(g)
        if not 1900 <= y <= 2100:
            return None
        date(y, mo or 1, d or 1)
    except (KeyError, ValueError):
        return None
    if d is not None:
        return f"{y:04d}-{mo:02d}-{d:02d}", "day"
    if mo is not None:
        return f"{y:04d}-{mo:02d}", "month"
    return f"{y:04d}", "year"


def _role(prefix: str) -> tuple[str | None, int | None, bool]:
    """What introduces a date, read on the folded text before it: (role, where the keyword
    starts in ``prefix`` or None, whether any keyword was found)."""
    m = _ROLE_BEFORE_RE.search(prefix[-_ROLE_WINDOW:])
    if m:
        start = len(prefix) - len(prefix[-_ROLE_WINDOW:]) + m.start()
        role = "published" if m.group("pub") else "updated" if m.group("upd") else None
        return role, start, True
    if _BYLINE_BEFORE_RE.search(prefix[-_BYLINE_WINDOW:]):
        return "published", None, True  # "Par Jean Dupont le 14.09.2020", "Par X | 30 sept."
    return None, None, False


def _in_url(folded: str, m: re.Match[str]) -> bool:
    """A date inside a link or file name ("/2011-03-28/", "(http://…)") is not printed; the
    text of a link ("[07.04.17](http://…)") is."""
    start, end = m.start(), m.end("core")
    left = max(folded.rfind(" ", 0, start), folded.rfind("(", 0, start)) + 1
    right = folded.find(" ", end)
    after = folded[end: right if right >= 0 else len(folded)]
    if after.startswith("]("):
        return False
    return bool(_URL_LEFT_RE.search(folded[left:start]) or _URL_RIGHT_RE.match(after))


def _furniture(g: dict[str, str | None], keyword: bool, timed: bool) -> bool:
    """The shape of a "today's date" widget: an English ordinal ("Avr 24th, 2024") on a
    French page, or a weekday date with no keyword (nor "Le"), abbreviated ("mer. 24 avril
    2024") or without a time ("Mercredi 15 février 2017")."""
    if g["esuf"] or (g["tsuf"] and g["tsuf"] != "er"):
        return True
    weekday = (g["wd"] or g["wd2"] or "").rstrip(".")
    if keyword or not weekday:
        return False
    return weekday in _WEEKDAY_ABBREVIATIONS or not timed


def line_dates(line: str) -> list[LineDate]:
    """Every date written in one line of page text, in order, with the words that introduce
    it: the raw material for choosing the article's own dates by their place on the page.

    A bare year ("2018") or year-month ("2018-12") needs a keyword ("Publié en 2018").
    """
    folded = fold_same_length(line)
    found: list[LineDate] = []
    prev_end = 0
    for m in _LD_RE.finditer(folded):
        g = m.groupdict()
        iso = _iso(g)
        glued = line[m.end("core"): m.end("core") + 1]
        if iso is None or (glued.isalpha() and not glued.isupper()) or _in_url(folded, m):
            continue  # "2012abc" is no date; "2019Mis à jour" is two glued datelines
        role, kw_start, keyword = _role(folded[prev_end: m.start()])
        coarse = g["yy"] or (g["iy"] and not g["id"])
        if coarse and not keyword:
            continue
        start = m.start() if kw_start is None else prev_end + kw_start
        end = len(line[: m.end()].rstrip())
        timed = any(c.isdigit() for c in folded[m.end("core"): m.end()])
        introduced = keyword or bool(_LE_BEFORE_RE.search(folded[prev_end: m.start()]))
        found.append(LineDate(
            text=line[start:end], value=iso[0], precision=iso[1], role=role, start=start,
            end=end, furniture=_furniture(g, introduced, timed)))
        prev_end = end
    return found


_UPDATE_TIME_RE = re.compile(
    r"[\W_]*(?P<kw>(?:derniere )?mise? a jour|maj|modifiee?|actualisee?|updated)"
    r"\s*(?:le\b)?\s*:?\s*(?:\b(?:a|at)\b)?\s*(?P<h>\d{1,2})\s*[h:]\s*(?P<m>\d{2})(?!\d)"
)
_CLOCK_RE = re.compile(r"(?<!\d)(\d{1,2})\s*[h:]\s*(\d{2})(?!\d)")


def update_time(line: str, published: LineDate) -> LineDate | None:
    """The update of a dateline that gives only a time ("03/04/2011, mis à jour à 18:28"):
    the site prints the day only when it differs, so it is the publication day, or the next
    day when the time is earlier than the publication time ("22h04 | mis à jour à 00:27")."""
    if published.precision != "day":
        return None
    folded = fold_same_length(line)
    m = _UPDATE_TIME_RE.match(folded, published.end)
    if m is None:
        return None
    day = date.fromisoformat(published.value)
    clock = _CLOCK_RE.findall(fold_same_length(published.text))
    if clock and (int(m.group("h")), int(m.group("m"))) < tuple(map(int, clock[-1])):
        day = date.fromordinal(day.toordinal() + 1)
    start = m.start("kw")
    return LineDate(text=line[start: m.end()], value=day.isoformat(), precision="day",
                    role="updated", start=start, end=m.end(), furniture=False)
