"""Date arithmetic of the tagger: the anchor, French numbers, the year of an underspecified date,
the calendar unit around the anchor, and the day interval a TIMEX3 value covers.

Pure functions of values and the anchor: what the text says (the tense, the dates mentioned
before) is read by ``normalise``, which calls these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from mattis_corpus.dates import month_end
from mattis_corpus.french import SEASONS
from mattis_corpus.nlp.temporal.lexicon import NUMBER_WORDS, SEASON_OF_MONTH, SEASON_RANK


@dataclass(frozen=True)
class Anchor:
    """The publication date at whatever precision is known."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> date | None:
        if self.year and self.month and self.day:
            return date(self.year, self.month, self.day)
        return None


def parse_anchor(anchor: str | None) -> Anchor:
    """'2017', '2018-12', '2017-02-16' (or a longer ISO timestamp) -> Anchor; junk -> empty."""
    if not anchor:
        return Anchor()
    m = re.match(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", anchor)
    if not m:
        return Anchor()
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if y < 1 or (mo is not None and not 1 <= mo <= 12):
        return Anchor(year=y if y >= 1 else None)
    if d is not None:
        try:
            date(y, mo, d)
        except ValueError:
            d = None
    return Anchor(y, mo, d)


def parse_number(words: str) -> float | None:
    """French number ('vingt-quatre', '1 500', 'quatre-vingt-dix', '2,5') -> value, or None."""
    s = re.sub(r"[\s\u00a0\u202f]+", " ", words.strip().lower())
    compact = s.replace(" ", "")
    if re.fullmatch(r"\d+(,\d+)?", compact):
        return float(compact.replace(",", "."))
    total, current = 0, 0
    for w in re.split(r"[-\s]+", s):
        if w == "et" or not w:
            continue
        v = NUMBER_WORDS.get(w)
        if v is None:
            return None
        if v == 100:
            current = max(current, 1) * 100
        elif v == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif v == 20 and current % 100 == 4:
            current = current - 4 + 80
        else:
            current += v
    return float(total + current)


def two_digit_year(yy: int, a: Anchor) -> int:
    """'97' -> 1997: the year ending so in the window from 90 years before the publication year
    to 9 after it (1930-2029 with no anchor), as HeidelTime and the French TimeBank read it."""
    base = a.year or 2020
    y = (base + 9) // 100 * 100 + yy
    return y - 100 if y > base + 9 else y


def roman_to_int(s: str) -> int | None:
    """'XII' -> 12; None when not a well-formed small Roman numeral."""
    vals = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, c in enumerate(s):
        v = vals.get(c)
        if v is None:
            return None
        nxt = vals.get(s[i + 1], 0) if i + 1 < len(s) else 0
        total += -v if v < nxt else v
    return total if total > 0 else None


def fmt_num(n: float | None) -> str:
    """A duration's count as ISO writes it: '2', '1.5', or 'X' when unknown."""
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    """(year, month) ``k`` months after (y, m)."""
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


# ------------------------------------------------------------------------ intervals

# decades and centuries, as the French TimeBank writes them ("196X", "18XX") or in the older
# bare form ("196", "18"): the only values with an X that still cover a known interval
RE_SPAN_VALUE = re.compile(r"(\d{3})X?|(\d{2})(?:XX)?")


def value_interval(value: str) -> tuple[date, date] | None:
    """Day interval covered by a resolved TIMEX3 DATE value, or None (REF, X, durations)."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), month_end(y, mo)
        if m := re.fullmatch(r"(\d{4})", value):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            y, s = int(m[1]), m[2]
            if s == "WI":
                return date(y, 12, 1), month_end(y + 1, 2)
            first = {"SP": 3, "SU": 6, "FA": 9}[s]
            return date(y, first, 1), month_end(y, first + 2)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), month_end(y, 3 * q)
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            y, h = int(m[1]), int(m[2])
            return date(y, 6 * h - 5, 1), month_end(y, 6 * h)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m := RE_SPAN_VALUE.fullmatch(value):
            if m[1]:
                y = int(m[1]) * 10
                return date(max(y, 1), 1, 1), date(y + 9, 12, 31)
            y = int(m[2]) * 100
            return date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    except ValueError:
        return None
    return None


def narrow(interval: tuple[date, date], mod: str | None) -> tuple[date, date]:
    """First/middle/last third of an interval for START/MID/END, so timelines can sort them;
    on the calendar's own lines for a year (January-April, May-August, September-December)
    and a month (1-10, 11-20, 21-end): "début 2017" ends on 30 April, "fin janvier" starts on
    the 21st."""
    start, end = interval
    if mod in ("START", "MID", "END") and start.day == 1:
        if start.month == 1 and (end.month, end.day, end.year) == (12, 31, start.year):
            first = {"START": 1, "MID": 5, "END": 9}[mod]
            return start.replace(month=first), month_end(start.year, first + 3)
        if end == month_end(start.year, start.month):
            lo, hi = {"START": (1, 10), "MID": (11, 20), "END": (21, end.day)}[mod]
            return start.replace(day=lo), start.replace(day=hi)
    n = (end - start).days + 1
    third = n // 3
    if mod not in ("START", "MID", "END") or third < 1:
        return interval
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "END":
        return end - timedelta(days=third - 1), end
    return start + timedelta(days=third), end - timedelta(days=third)


# ------------------------------------------------------------- underspecified dates


def year_for_month(
    a: Anchor, month: int, day: int | None, direction: str | None, strong: bool = True
) -> int | None:
    """Year of an underspecified 'month (day)' relative to the anchor, in the given direction."""
    if a.year is None:
        return None
    if direction == "open":
        direction = None
    if a.month is None:
        return a.year if direction in (None, "past", "future") else None
    key = (month, day or 0)
    ref = (a.month, a.day or 0) if day is not None and a.day else (a.month, 0)
    if day is not None and not a.day:
        key = (month, 0)
    if direction == "last":
        return a.year if key < ref else a.year - 1
    if direction == "next":
        return a.year if key > ref else a.year + 1
    if direction == "past":
        y = a.year if key <= ref else a.year - 1
    elif direction == "future":
        y = a.year if key >= ref else a.year + 1
    else:
        y = None
    if y is not None and strong:
        return y
    # News dates cluster around publication: with no tense, take the nearest occurrence; a weak
    # tense (a verb far off or in another clause) pointing almost a year away loses to an
    # occurrence within a month or so.
    here = date(a.year, a.month, a.day or 15)
    dists = {k: dist_days(here, k, month, day) for k in (a.year - 1, a.year, a.year + 1)}
    nearest = min(dists, key=lambda k: (dists[k], abs(k - a.year)))
    if y is None or dists[y] >= 300 and dists[nearest] <= 45:
        return nearest
    return y


def dist_days(here: date, y: int, month: int, day: int | None) -> int:
    """Days from ``here`` to the month (or day) of year ``y``; 0 inside it."""
    if day is not None:
        d = day if day <= 28 else min(day, month_end(y, month).day)
        lo = hi = date(y, month, d)
    else:
        lo, hi = date(y, month, 1), month_end(y, month)
    if here < lo:
        return (lo - here).days
    if here > hi:
        return (here - hi).days
    return 0


def weekday_near(ad: date, wd: int, direction: str | None) -> date:
    """The ISO weekday ``wd`` nearest ``ad``: back for past/'last', ahead for future/'next'."""
    back = (ad.isoweekday() - wd) % 7
    ahead = (wd - ad.isoweekday()) % 7
    if direction == "last":
        return ad - timedelta(days=back or 7)
    if direction == "next":
        return ad + timedelta(days=ahead or 7)
    if direction == "past":
        return ad - timedelta(days=back)
    if direction == "future":
        return ad + timedelta(days=ahead)
    return ad - timedelta(days=back) if back <= ahead else ad + timedelta(days=ahead)


# --------------------------------------------------------------- units around the anchor


def anchor_season(a: Anchor) -> tuple[int, str] | None:
    """Season of the anchor date, as (year the season is labelled with, code)."""
    if not (a.year and a.month):
        return None
    s = SEASON_OF_MONTH[a.month]
    return (a.year - 1 if a.month <= 2 else a.year), s


def season_year(a: Anchor, s: str, k: int) -> int | None:
    """Year of season ``s`` in this (k = 0), the last (k < 0) or the next (k > 0) occurrence."""
    cur = anchor_season(a)
    if cur is None:
        return a.year if a.year and k == 0 else None
    if k == 0:
        return a.year if not (s == "WI" and a.month <= 2) else a.year - 1
    y = cur[0]
    target, here = SEASON_RANK[s], SEASON_RANK[cur[1]]
    y += (0 if target < here else -1) if k < 0 else (0 if target > here else 1)
    return y


def season_near(a: Anchor, s: str, direction: str | None) -> int | None:
    """Season-year of a season named with no year: the current one when the anchor is in it,
    else the last one for a past tense or 'dernier', the next one for a future or 'prochain',
    and the nearer of the two with no tense."""
    cur = anchor_season(a)
    if cur is None:
        return a.year
    if cur[1] == s and direction not in ("last", "next"):
        return cur[0]
    last, nxt = season_year(a, s, -1), season_year(a, s, 1)
    if direction in ("past", "last"):
        return last
    if direction in ("future", "next"):
        return nxt
    here = date(a.year, a.month, a.day or 15)
    lo = value_interval(f"{last:04d}-{s}")
    hi = value_interval(f"{nxt:04d}-{s}")
    if lo is None or hi is None:
        return nxt
    return last if (here - lo[1]).days < (hi[0] - here).days else nxt


def unit_value(a: Anchor, u: str, k: int) -> tuple[str, str]:
    """Value and precision of the unit ``u`` (year, month, week, quarter, century, season)
    holding the anchor, ``k`` units on; X placeholders where the anchor is too coarse."""
    if u in ("année", "an"):
        return (f"{a.year + k:04d}" if a.year else "XXXX"), "year"
    if u == "mois":
        if a.year and a.month:
            y, mo = shift_month(a.year, a.month, k)
            return f"{y:04d}-{mo:02d}", "month"
        return "XXXX-XX", "month"
    if u in ("semaine", "week-end", "weekend"):
        we = "" if u == "semaine" else "-WE"
        if a.date:
            y, w, _ = (a.date + timedelta(weeks=k)).isocalendar()
            return f"{y:04d}-W{w:02d}{we}", "week"
        return f"XXXX-WXX{we}", "week"
    if u in ("trimestre", "semestre"):
        size = 3 if u == "trimestre" else 6
        code = "Q" if u == "trimestre" else "H"
        if a.year and a.month:
            idx = a.year * (12 // size) + (a.month - 1) // size + k
            y, q = divmod(idx, 12 // size)
            return f"{y:04d}-{code}{q + 1}", "quarter"
        return f"XXXX-{code}X", "quarter"
    if u == "siècle":
        return (f"{a.year // 100 + k:02d}XX" if a.year else "XXXX"), "century"
    s = SEASONS[u]
    y = season_year(a, s, k)
    return (f"{y:04d}-{s}" if y is not None else f"XXXX-{s}"), "season"
