"""Reference-time tracking for narratives (as HeidelTime does for them): the day being told
(the last day the text named in the paragraph), the year of a story told in a past year, and
the weekdays read against them. The publication date still anchors the present; ``normalise``
decides which expressions ask for a narrated reference."""

from __future__ import annotations

import re
from datetime import date, timedelta

from mattis_corpus.models import Timex
from mattis_corpus.nlp.temporal.context import Cand, Context
from mattis_corpus.nlp.temporal.rules import RE_SENT_END

REF_WINDOW = 500  # characters back in which a narrated day still anchors times and weekdays


def day_of(t: Timex) -> date | None:
    """The calendar day a DATE/TIME value names ('2017-03-05', '2017-03-05T18:55'), or None."""
    if t.type not in ("DATE", "TIME"):
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", t.value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def last_day(ctx: Context, c: Cand, window: int = REF_WINDOW) -> Timex | None:
    """The last timex before ``c`` naming a day, within ``window`` characters of the same
    paragraph (page furniture is often one line each): the day being narrated, which anchors the clock times and past weekdays that follow (HeidelTime's
    reference-time tracking); None when the text names none."""
    for t in reversed(ctx.prev):
        if t.end > c.start:
            continue
        if c.start - t.end > window or "\n" in ctx.text[t.end : c.start]:
            return None
        if day_of(t) is not None:
            return t
    return None


def year_ref(ctx: Context, c: Cand) -> int | None:
    """The year of a narrative: the last explicit (not anchor-derived) date before ``c`` in
    the same or the previous sentence, when it is a year before the publication ('En 2012, il
    est élu. En juin, ...' -> June 2012). A future tense never reaches back into a past year."""
    for t in reversed(ctx.prev):
        if t.end > c.start or t.type != "DATE":
            continue
        if c.start - t.end > 250 or len(RE_SENT_END.findall(ctx.text, t.end, c.start)) > 1:
            return None
        m = re.match(r"(\d{4})(?:-\d{2}){0,2}$", t.value)
        if t.relative or not m:
            return None
        y = int(m[1])
        if not ctx.anchor.year or y >= ctx.anchor.year:
            return None  # a coming year is a plan ("le budget 2013"), not a narrative frame
        if ctx.tense(c.start, c.end) == "future":
            return None
        return y
    return None


def narrated_weekday(
    ctx: Context, c: Cand, wd: int, rel: str | None, direction: str | None
) -> date | None:
    """A weekday read against the day being narrated rather than the publication date:
    'le mardi suivant/précédent', 'ce même lundi', and a past-tense weekday after a named day
    ('Le 9 octobre, une rixe... Dimanche, la préfète a ordonné': the Sunday after, up to four
    days on, else the one before). None when the text names no day before it."""
    rel = (rel or "").lower()
    if rel in ("suivant", "précédent"):
        ref = last_day(ctx, c, 1500)
        rd = day_of(ref) if ref else None
        if rd is None:
            return None
        if rel == "suivant":
            return rd + timedelta(days=(wd - rd.isoweekday()) % 7 or 7)
        return rd - timedelta(days=(rd.isoweekday() - wd) % 7 or 7)
    if c.data.get("same"):
        for t in reversed(ctx.prev):
            d = day_of(t)
            if t.end <= c.start and d is not None and d.isoweekday() == wd:
                return d
        return None
    if rel or ctx.anchor.date is None or direction != "past":
        return None
    ref = last_day(ctx, c)
    rd = day_of(ref) if ref else None
    if rd is None:
        return None
    ahead = (wd - rd.isoweekday()) % 7
    if ahead == 0:
        return None  # the narrated day itself is "ce jour-là", never its weekday named again
    d = rd + timedelta(days=ahead) if ahead <= 4 else rd - timedelta(days=7 - ahead)
    return d if d <= ctx.anchor.date else None
