"""French temporal tagger: finds TIMEX3 expressions and normalises them against an anchor.

Conventions (ISO-TimeML / French TimeBank, HeidelTime French resources):

* Extents include determiners (``le 12 janvier 2017``, ``l'année dernière``, ``la fin du mois
  de mars``, ``les années 1990``) but never prepositions (``en``, ``depuis``, ``à``, ``dès``)
  nor the contractions ``du``/``au``/``des`` (``au printemps 2018`` -> ``printemps 2018``).
  ``il y a deux ans`` is one DATE (as in HeidelTime), duration modifiers are inside
  (``près de deux ans``).
* Direction of underspecified dates (``jeudi``, ``en avril``, ``le 3 août``, ``fin mars``):
  ``dernier/passé/prochain`` win; else the tense of the governing verb (a verb just before in
  the same clause first, then spaCy morphology when a Doc is given, then the nearest verb of the
  sentence, left ones preferred): past -> on or before the anchor, future or conditional -> on or
  after; unknown/present, or an open end (``jusqu'au``, ``à partir du``, ``d'ici``) -> the
  nearest occurrence. A weak tense (not read just before) pointing ~a year away loses to an
  occurrence within ~45 days. A weekday with no tense follows a dated neighbour in its sentence.
* Anaphoric expressions (``le lendemain``, ``la veille au soir``, ``l'année précédente``,
  ``dans la soirée``) are resolved against the last date mentioned, else the anchor.
  Enumerations/ranges (``les 3 et 4 décembre``, ``du 22 février au 2 mars 2025``) give one DATE
  per day, the first borrowing the month/year of the last. Ages (``âgé de 45 ans``,
  ``Marie Dupont, 45 ans,``, ``un homme de 45 ans``) are not timexes (HeidelTime French removes
  them too); vague stretches (``ces derniers mois``) are DURATION PXM.
* Intervals: seasons are meteorological (SP = 03-01..05-31, SU = 06..08, FA = 09..11,
  WI = 12-01..end of February of the next year); weeks run Monday..Sunday; ``mod`` START/MID/END
  narrows the interval to the first/middle/last third of the unit.
* Unresolvable values keep X placeholders (``XXXX-WXX-4``, ``XXXX-04``) with no interval.

Everything here is regex-based and precompiled; spaCy is only read from, never imported.

The package: ``lexicon`` (word tables) -> ``rules`` (the grammar) -> ``candidates`` (matches kept
or rejected) -> ``normalise`` (match -> Timex, with ``context`` for the tense and the dates
mentioned before, and ``resolve`` for the date arithmetic); this module selects among the
candidates and links clock times and ranges.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from mattis_corpus.models import Timex
from mattis_corpus.nlp.temporal.candidates import find_candidates, safe_lower
from mattis_corpus.nlp.temporal.context import Cand, Context
from mattis_corpus.nlp.temporal.normalise import make_clock, make_daymonth, to_timex
from mattis_corpus.nlp.temporal.resolve import parse_anchor
from mattis_corpus.nlp.temporal.rules import RE_RANGE_GAP, RE_SENT_BOUND


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest match wins, then rule priority, then leftmost; kept spans never overlap."""
    chosen: list[Cand] = []
    starts: list[int] = []  # kept spans, sorted by start; they never overlap each other
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.prio, c.start)):
        i = bisect.bisect_left(starts, c.start)
        if i < len(chosen) and chosen[i].start < c.end:
            continue  # overlaps the next kept span
        if i > 0 and chosen[i - 1].end > c.start:
            continue  # overlaps the previous one
        starts.insert(i, c.start)
        chosen.insert(i, c)
    return chosen


def _link_clock_dates(ctx: Context, chosen: list[Cand], out: list[Timex | None]) -> None:
    """'mardi à 10 heures', 'le 12 janvier à 14 h': the clock time takes that day's date."""
    for i, c in enumerate(chosen):
        if c.make is not make_clock or i == 0:
            continue
        prev = out[i - 1]
        if prev is None or prev.precision != "day" or "X" in prev.value:
            continue
        gap = ctx.text[prev.end : c.start]
        if len(gap) <= 60 and not RE_SENT_BOUND.search(gap):
            c.data["date"] = prev.value[:10]
            out[i] = make_clock(ctx, c)
            if out[i] is not None and not prev.relative:
                out[i] = Timex(**{**out[i].__dict__, "relative": False})


def _link_ranges(ctx: Context, out: list[Timex | None]) -> None:
    """'du 22 février au 2 mars 2025': the first day takes the year of the second."""
    for i in range(len(out) - 1):
        t1, t2 = out[i], out[i + 1]
        if t1 is None or t2 is None or t1.precision != "day" or t2.precision != "day":
            continue
        if not t1.relative or t2.relative or t1.type != "DATE" or t2.type != "DATE":
            continue
        m1 = re.fullmatch(r"\d{4}-(\d{2})-(\d{2})", t1.value)
        m2 = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t2.value)
        if not (m1 and m2) or not RE_RANGE_GAP.fullmatch(ctx.text, t1.end, t2.start):
            continue
        y = int(m2[1]) - (1 if (m1[1], m1[2]) > (m2[2], m2[3]) else 0)
        try:
            date(y, int(m1[1]), int(m1[2]))
        except ValueError:
            continue
        c = Cand(t1.start, t1.end, 0, make_daymonth)
        out[i] = to_timex(ctx, c, "DATE", f"{y:04d}-{m1[1]}-{m1[2]}", "day", False, t1.mod)


def tag_dates(text: str, anchor: str | None = None, doc=None) -> list[Timex]:
    """Find and normalise French temporal expressions (TIMEX3) in ``text``.

    Args:
        text: normalised article text.
        anchor: publication date as partial ISO ('2017', '2018-12', '2017-02-16') or None.
        doc: optional spaCy Doc of the same text, used only to read verb tense.

    Returns:
        Timexes sorted by start, non-overlapping, each with ``text == text[start:end]``.
    """
    if not text:
        return []
    ctx = Context(text, parse_anchor(anchor), doc)
    low = safe_lower(text)
    ctx.low = low
    chosen = _select(find_candidates(text, low))
    out: list[Timex | None] = []
    for c in chosen:
        try:
            t = c.make(ctx, c)
        except (ValueError, OverflowError, KeyError):
            t = None  # e.g. a year 0 or an impossible date: drop, never crash
        out.append(t)
        if t is not None:
            ctx.prev.append(t)
    _link_clock_dates(ctx, chosen, out)
    _link_ranges(ctx, out)
    return [t for t in out if t is not None]
