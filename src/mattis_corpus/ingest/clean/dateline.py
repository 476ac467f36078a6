"""The dateline grammar: a date line printed by the page ("Publié le …", "Mis à jour le …",
a bare date, a weekday date with time and zone), and whether it belongs to the article."""

from __future__ import annotations

import re
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
    r"(?P<kw>(?:publiee?|mise? a jour|modifiee?|actualisee?|date(?: de publication)?|posted"
    r"|published|updated)\b\s*(?:le\b|on\b)?\s*:?\s*)?"
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
    try:
        if g["iy"]:
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"]) if g["id"] else None
        elif g["nd"]:
            y, mo, d = int(g["ny"]), int(g["nm"]), int(g["nd"])
            y += 2000 if y < 100 else 0
        elif g["td"]:
            y, mo, d = int(g["ty"]), _MONTHS[g["tm"].rstrip(".")], int(g["td"])
        elif g["em"]:
            y, mo, d = int(g["ey"]), _MONTHS[g["em"].rstrip(".")], int(g["ed"])
        elif g["mm"]:
            y, mo, d = int(g["my"]), _MONTHS[g["mm"].rstrip(".")], None
        else:
            if not g["kw"]:
                return None  # a bare "2017" is not a dateline
            y, mo, d = int(g["yy"]), None, None
        if not 1900 <= y <= 2100:
            return None
        date(y, mo or 1, d or 1)
    except (KeyError, ValueError):
        return None
    if d is not None:
        value, precision = f"{y:04d}-{mo:02d}-{d:02d}", "day"
    elif mo is not None:
        value, precision = f"{y:04d}-{mo:02d}", "month"
    else:
        value, precision = f"{y:04d}", "year"
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
    m = _DATE_FULL_RE.match(fold_same_length(s))
    if m:
        return _dateline_from_match(m, s)
    if _KEYWORD_DATELINE_RE.match(fold_same_length(s)):
        # "Published Oct. 2, 2018 10:32 am ET": the page's own date in a form our grammar does
        # not read; kept with no value, for dateparser to read at ingest (published.py).
        return Dateline(text=s, value=None, precision=None, furniture=False)
    return None


_KEYWORD_DATELINE_RE = re.compile(
    r"^(?:publie|mis a jour|mise a jour|modifie|published|updated|posted)\b[^\n]{0,60}\d{4}", re.IGNORECASE
)


def split_glued_dateline(line: str) -> tuple[Dateline, str] | None:
    """Split "date 2018-12 Dans une lettre ..." into the dateline and the text after it.

    Only a keyword-introduced date ("date", "Publié le", "Mis à jour le") can be glued:
    "Le 12 janvier 2017, le général ..." is a sentence, not a dateline.
    """
    s = line.strip()
    head = fold_same_length(s[:_DATELINE_MAX_CHARS])
    m = _DATE_PREFIX_RE.match(head)
    if not m or not m.group("kw"):
        return None
    rest = s[m.end():].strip()
    dl = _dateline_from_match(m, s[: m.end()].strip())
    if dl is None or not rest or not any(c.isalpha() for c in rest):
        return None
    return dl, rest


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
