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
* Unresolvable values keep X placeholders (``XXXX-WXX-4``, ``XXXX-04``) with no interval;
  decades and centuries are written as the French TimeBank does (``les années 1960`` ->
  ``196X``, ``XIXe siècle`` -> ``18XX``) and keep their interval.
* Two-digit years (``en 97``, ``octobre 98``, ``le 10 novembre 93``) fall in the window from 90
  years before the publication year to 9 after it; never a count (``en 12 étapes``).
* Reference time (HeidelTime's narratives): a clock time takes the last day named before it in
  its paragraph (``Dimanche, ... L'alerte a été donnée à 18 h 55``), a past-tense weekday after
  a named day follows that day (``Le 9 octobre, ... Dimanche, ...``), ``le mardi suivant``,
  ``ce même lundi``, ``ce jour-là``, ``le soir même`` read it too; the publication date still
  anchors ``hier``, ``aujourd'hui`` and present or future weekdays. A month or season with no
  year after an explicit earlier year takes it (``En 2012, ... En juin, ...``).
* Compounds: ``hier à 10 h``, ``mardi 10 h``, ``4 h mardi``, ``15 h 30, hier`` are one TIME,
  ``aujourd'hui vendredi`` one DATE; ``mardi à 10 h`` and ``Mardi, à 9 h`` stay two.
* SET words: frequency adjectives and adverbs (``annuel``, ``quotidiennement``) unless a
  determiner makes them nouns (``le quotidien``); ``chaque semestre``; ordinal weekdays
  (``les deuxième et quatrième jeudis``). Durations in words (``un demi-siècle``, ``un quart
  d'heure``, ``son septennat``, ``30,4 secondes``); a clock-like length (``un film de 1 h 52``,
  ``documentaire, 1h28``) is a DURATION, never a time of day.

Everything here is regex-based and precompiled; spaCy is only read from, never imported.

The package: ``lexicon`` (word tables) -> ``rules`` (the grammar) -> ``candidates`` (matches kept
or rejected; ``words`` for the candidates made of words) -> ``normalise`` (match -> Timex, with
``context`` for the tense, ``narrative`` for the day and year being told, and ``resolve`` for
the date arithmetic); this module selects among the candidates, gives clock times their day,
merges compounds and links ranges.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from mattis_corpus.models import Timex
from mattis_corpus.nlp.temporal.candidates import find_candidates, safe_lower
from mattis_corpus.nlp.temporal.context import Cand, Context
from mattis_corpus.nlp.temporal.narrative import day_of, last_day
from mattis_corpus.nlp.temporal.normalise import (
    make_clock,
    make_daymonth,
    make_deictic,
    make_weekday,
    to_timex,
)
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


def _clock_day(ctx: Context, c: Cand) -> Timex | None:
    """The day a clock time belongs to: 'mardi à 10 heures', 'le 12 janvier à 14 h', and in a
    narrative the last day named before it ('Dimanche, un incendie... L'alerte a été donnée à
    18 h 55'); a future clock never goes back to a past day named in another sentence."""
    ref = last_day(ctx, c)
    if ref is None:
        return None
    gap = ctx.text[ref.end : c.start]
    if len(gap) <= 60 and not RE_SENT_BOUND.search(gap):
        return ref
    d, ad = day_of(ref), ctx.anchor.date
    if ad is not None and d is not None and d < ad and ctx.tense(c.start, c.end) == "future":
        return None
    return ref


def _make(ctx: Context, c: Cand) -> Timex | None:
    """Normalise one candidate; a clock time first takes the day it belongs to."""
    if c.make is make_clock and "date" not in c.data:
        ref = _clock_day(ctx, c)
        if ref is not None:
            c.data["date"] = ref.value[:10]
            return make_clock(ctx, c)
    return c.make(ctx, c)


_DAYS = (make_deictic, make_weekday, make_daymonth)
RE_DAY_THEN_CLOCK = re.compile(r"\s+")  # "mardi 10 h", "le 3 mars 14 h 30"
RE_DEICTIC_THEN_CLOCK = re.compile(r"\s+(?:à\s+)?")  # "hier à 10 h", "demain 9 h"
RE_CLOCK_THEN_DAY = re.compile(r"\s*,\s*|\s+")  # "4 h mardi", "vers 15 h 30, hier"


def _compound(ctx: Context, a: Cand, ta: Timex, b: Cand, tb: Timex) -> Timex | None:
    """One TIME for a day and a clock time written together: 'hier à 10 h', 'mardi 10 h',
    '4 h mardi', '15 h 30, hier'; one DATE for 'aujourd'hui vendredi'. A weekday or a date
    then 'à' and a clock stays two timexes ('mardi à 9 h'), and so does anything across a
    comma after the day ('Mardi, à 9 h')."""
    gap = ctx.text[ta.end : tb.start]
    day_a, day_b = day_of(ta), day_of(tb)
    if a.make in _DAYS and b.make is make_clock and day_a is not None and ta.type == "DATE":
        rule = RE_DEICTIC_THEN_CLOCK if a.make is make_deictic else RE_DAY_THEN_CLOCK
        if rule.fullmatch(gap):
            value = f"{day_a.isoformat()}T{tb.value.split('T')[1]}"
            return _span(ctx, ta, tb, "TIME", value, "time", ta.relative)
    clock_day = a.make is make_clock and b.make in _DAYS and tb.type == "DATE"
    if clock_day and day_b is not None and RE_CLOCK_THEN_DAY.fullmatch(gap):
        value = f"{day_b.isoformat()}T{ta.value.split('T')[1]}"
        return _span(ctx, ta, tb, "TIME", value, "time", tb.relative)
    if a.make is make_deictic and b.make is make_weekday and ta.type == "DATE" and gap == " ":
        suffix = "T" + tb.value.split("T")[1] if "T" in tb.value else ""
        typ = "TIME" if suffix else "DATE"
        return _span(ctx, ta, tb, typ, ta.value + suffix, "time" if suffix else "day", True)
    return None


def _span(
    ctx: Context, ta: Timex, tb: Timex, typ: str, value: str, precision: str, relative: bool
) -> Timex:
    c = Cand(ta.start, tb.end, 0, make_clock)
    return to_timex(ctx, c, typ, value, precision, relative)


def _merge_compounds(ctx: Context, chosen: list[Cand], out: list[Timex | None]) -> None:
    """Merge each day + clock pair written as one expression (see ``_compound``) in place."""
    i = 0
    while i < len(out) - 1:
        ta, tb = out[i], out[i + 1]
        merged = None
        if ta is not None and tb is not None:
            merged = _compound(ctx, chosen[i], ta, chosen[i + 1], tb)
        if merged is not None:
            out[i : i + 2] = [merged]
            chosen[i : i + 2] = [Cand(merged.start, merged.end, 0, make_clock)]
        i += 1


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
            t = _make(ctx, c)
        except (ValueError, OverflowError, KeyError):
            t = None  # e.g. a year 0 or an impossible date: drop, never crash
        out.append(t)
        if t is not None:
            ctx.prev.append(t)
    _merge_compounds(ctx, chosen, out)
    _link_ranges(ctx, out)
    return [t for t in out if t is not None]
