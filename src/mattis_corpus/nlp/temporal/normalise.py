"""Normalisers: one ``make_*`` per rule turns a candidate's match, with the anchor and what
the text says around it (tense, dates mentioned before), into a ``Timex`` with its ISO-TimeML
value and day interval. The calendar arithmetic itself is in ``resolve``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from mattis_corpus.dates import month_end
from mattis_corpus.french import SEASONS
from mattis_corpus.models import Timex
from mattis_corpus.nlp.temporal.context import Cand, Context, left_of
from mattis_corpus.nlp.temporal.lexicon import (
    DURATION_MODS,
    HOLIDAYS,
    LAST_WORDS,
    MONTH_ABBR,
    MONTH_NAMES,
    NEXT_WORDS,
    ORDINALS,
    PART_MODS,
    PARTS_OF_DAY,
    SET_FORMS,
    TERM_NOUNS,
    UNITS,
    VAGUE,
    WEEKDAY_NUMBERS,
)
from mattis_corpus.nlp.temporal.narrative import day_of, last_day, narrated_weekday, year_ref
from mattis_corpus.nlp.temporal.resolve import (
    RE_SPAN_VALUE,
    Anchor,
    fmt_num,
    narrow,
    parse_number,
    season_near,
    shift_month,
    two_digit_year,
    unit_value,
    value_interval,
    weekday_near,
    year_for_month,
)
from mattis_corpus.nlp.temporal.rules import RE_OPEN_END_LEFT, RE_SENT_END
from mattis_corpus.textutil import normalise_chars


def to_timex(
    ctx: Context,
    c: Cand,
    typ: str,
    value: str,
    precision: str | None,
    relative: bool = False,
    mod: str | None = None,
) -> Timex:
    """Build the Timex with its interval when the value is a resolved calendar value."""
    iv = None
    if (
        typ in ("DATE", "TIME")
        and ("X" not in value or RE_SPAN_VALUE.fullmatch(value))
        and not value.endswith("_REF")
    ):
        iv = value_interval(value)
        if iv and typ == "DATE":
            iv = narrow(iv, mod)
    return Timex(
        c.start,
        c.end,
        ctx.text[c.start : c.end],
        typ,
        value,
        precision,
        iv[0].isoformat() if iv else None,
        iv[1].isoformat() if iv else None,
        relative,
        mod,
    )


def _direction(ctx: Context, c: Cand, rel: str | None) -> str | None:
    rel = (rel or "").lower()
    if rel in LAST_WORDS:
        return "last"
    if rel in NEXT_WORDS:
        return "next"
    if RE_OPEN_END_LEFT.search(left_of(ctx.low, c.start, 20)):
        return "open"  # "prolongé jusqu'au 15 avril": the verb's tense says nothing of the date
    return ctx.tense(c.start, c.end)


def _year_near(ctx: Context, c: Cand, month: int, day: int | None, rel: str | None) -> int | None:
    """Year of an underspecified month (day): see ``resolve.year_for_month``; the tense counts as
    strong only when read off a verb just before, in the same clause."""
    direction = _direction(ctx, c, rel)
    strong = direction in ("last", "next") or (
        direction in ("past", "future")
        and ctx.tense_regex(c.start, c.end, near_left=True) == direction
    )
    return year_for_month(ctx.anchor, month, day, direction, strong)


def _written_year(ctx: Context, c: Cand) -> int | None:
    """The year written in the match: four digits, or two read in the publication's window."""
    m = c.data["m"]
    if "y" in m.re.groupindex and m.group("y"):
        return int(m.group("y"))
    if "y2" in m.re.groupindex and m.group("y2") and "no_y2" not in c.data:
        return two_digit_year(int(m.group("y2")), ctx.anchor)
    return None


def make_daymonth(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    d = 1 if m.group("d").lower() in ("1er", "premier") else int(m.group("d"))
    mo = MONTH_NAMES[m.group("m").lower()] if m.group("m") else MONTH_ABBR[m.group("ma").lower()]
    if not 1 <= d <= 31 or d > month_end(2000, mo).day:
        return None
    if (y := _written_year(ctx, c)) is not None:
        relative = False
    else:
        rel = m.group("rel") if c.end == m.end() else None
        y = (None if rel else year_ref(ctx, c)) or _year_near(ctx, c, mo, d, rel)
        relative = True
    return _day_timex(ctx, c, y, mo, d, relative)


def _day_timex(
    ctx: Context, c: Cand, y: int | None, mo: int, d: int, relative: bool
) -> Timex | None:
    """A day date; ``XXXX`` when no year could be found, nothing for an impossible day."""
    if y is None:
        return to_timex(ctx, c, "DATE", f"XXXX-{mo:02d}-{d:02d}", "day", True)
    try:
        date(y, mo, d)
    except ValueError:
        return None
    return to_timex(ctx, c, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day", relative)


def make_dayenum(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    d = 1 if m.group("d").lower() in ("1er", "premier") else int(m.group("d"))
    mo = MONTH_NAMES[m.group("m").lower()]
    if not 1 <= d <= month_end(2000, mo).day:
        return None
    if m.group("y"):
        y, relative = int(m.group("y")), False
    else:
        y, relative = _year_near(ctx, c, mo, d, None), True
    return _day_timex(ctx, c, y, mo, d, relative)


def _ref(ctx: Context, c: Cand, need: str, same_sentence: bool = False, window: int = 0) -> Anchor:
    """The reference time of an anaphoric expression: the last resolved date mentioned before
    it (at least at the ``need`` precision: year, month or day; within ``window`` characters
    or the same sentence when asked), else the anchor."""
    for t in reversed(ctx.prev):
        if t.end > c.start:
            continue
        if window and c.start - t.end > window:
            break
        if same_sentence and (
            c.start - t.end > 150 or RE_SENT_END.search(ctx.text, t.end, c.start)
        ):
            break

        if t.type not in ("DATE", "TIME"):
            continue
        m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", t.value)
        if not m:
            continue
        if need == "day" and not m.group(3) or need == "month" and not m.group(2):
            continue
        return Anchor(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
    return ctx.anchor


def make_holiday(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    mo, d = HOLIDAYS[normalise_chars(re.sub(r"\s+", " ", m.group("h")))]
    if m.group("y"):
        return to_timex(ctx, c, "DATE", f"{int(m.group('y')):04d}-{mo:02d}-{d:02d}", "day")
    y = _year_near(ctx, c, mo, d, None)
    if y is None:
        return to_timex(ctx, c, "DATE", f"XXXX-{mo:02d}-{d:02d}", "day", True)
    return to_timex(ctx, c, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day", True)


def make_anaph(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    w = m.group("w")
    off = {"lendemain": 1, "surlendemain": 2, "veille": -1, "avant-veille": -2}[w]
    ref = _ref(ctx, c, "day")
    ds = (ref.date + timedelta(days=off)).isoformat() if ref.date else "XXXX-XX-XX"
    if m.group("tod"):
        return to_timex(ctx, c, "TIME", f"{ds}T{PARTS_OF_DAY[m.group('tod')]}", "time", True)
    return to_timex(ctx, c, "DATE", ds, "day", True)


def make_vaguedur(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    desig, is_time = UNITS[m.group("unit")]
    return to_timex(
        ctx, c, "DURATION", f"P{'T' if is_time else ''}{fmt_num(c.data['n'])}{desig}", None
    )


def make_toute(ctx: Context, c: Cand) -> Timex | None:
    u = c.data["m"].group("u")
    value = {
        "semaine": "P1W",
        "journée": "P1D",
        "année": "P1Y",
        "mois": "P1M",
        "week-end": "P1WE",
    }[u]
    return to_timex(ctx, c, "DURATION", value, None)


def make_todref(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    ref = _ref(ctx, c, "day", window=300)  # "dans la soirée": of the day being narrated
    ds = ref.date.isoformat() if ref.date else "XXXX-XX-XX"
    tod = m.group("tod")
    if tod == "journée":
        return to_timex(ctx, c, "DATE", ds, "day", True)
    return to_timex(ctx, c, "TIME", f"{ds}T{PARTS_OF_DAY[tod]}", "time", True)


def make_numdate(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    if m.group("iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    try:
        date(y, mo, d)
    except ValueError:
        return None
    return to_timex(ctx, c, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day")


def make_month(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    mo = MONTH_NAMES[m.group("m").lower()]
    if (y := _written_year(ctx, c)) is not None:
        return to_timex(ctx, c, "DATE", f"{y:04d}-{mo:02d}", "month", mod=c.data["mod"])
    rel = m.group("rel") if c.end == m.end() else None
    y = (None if rel else year_ref(ctx, c)) or _year_near(ctx, c, mo, None, rel)
    value = f"{y:04d}-{mo:02d}" if y is not None else f"XXXX-{mo:02d}"
    return to_timex(ctx, c, "DATE", value, "month", True, c.data["mod"])


def make_year(ctx: Context, c: Cand) -> Timex | None:
    y = _written_year(ctx, c)
    return None if y is None else to_timex(ctx, c, "DATE", f"{y:04d}", "year", mod=c.data["mod"])


def _weekday_date(ctx: Context, c: Cand, wd: int, rel: str | None) -> date | None:
    """The date of a weekday near the anchor: back for past/'dernier', ahead for future."""
    narrated = narrated_weekday(ctx, c, wd, rel, _direction(ctx, c, None))
    if narrated is not None:
        return narrated
    ad = ctx.anchor.date
    if ad is None:
        return None
    if (rel or "").lower() in ("suivant", "précédent"):
        rel = None
    direction = _direction(ctx, c, rel)
    if direction == "open":
        direction = None
    elif direction is None:
        ref = _ref(ctx, c, "day", same_sentence=True)
        if ref.date and ref != ctx.anchor and abs((ref.date - ad).days) <= 7:
            direction = "future" if ref.date > ad else ("past" if ref.date < ad else None)
    return weekday_near(ad, wd, direction)


def make_weekday(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    wd = WEEKDAY_NUMBERS[m.group("wd").lower()]
    d = _weekday_date(ctx, c, wd, m.group("rel"))
    tod = m.group("tod")
    if tod:
        part = PARTS_OF_DAY[tod.lower()]
        value = f"{d.isoformat()}T{part}" if d else f"XXXX-WXX-{wd}T{part}"
        return to_timex(ctx, c, "TIME", value, "time", True)
    return to_timex(ctx, c, "DATE", d.isoformat() if d else f"XXXX-WXX-{wd}", "day", True)


def make_night(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    if m.group("wd1"):
        d = _weekday_date(ctx, c, WEEKDAY_NUMBERS[m.group("wd1").lower()], None)
        value = (
            f"{d.isoformat()}TNI" if d else f"XXXX-WXX-{WEEKDAY_NUMBERS[m.group('wd1').lower()]}TNI"
        )
        return to_timex(ctx, c, "TIME", value, "time", True)
    day = 1 if m.group("d1").lower() in ("1er", "premier") else int(m.group("d1"))
    mo = MONTH_NAMES[m.group("m").lower()]
    if m.group("y"):
        y, relative = int(m.group("y")), False
    else:
        y, relative = _year_near(ctx, c, mo, day, None), True
    try:
        ds = date(y, mo, day).isoformat() if y else f"XXXX-{mo:02d}-{day:02d}"
    except ValueError:
        return None
    return to_timex(ctx, c, "TIME", f"{ds}TNI", "time", relative)


def make_deictic(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    ad = ctx.anchor.date
    if m.group("lastn"):
        offset, tod = -1, "nuit"
    elif m.group("this"):
        offset, tod = 0, m.group("tod2")
    else:
        w = normalise_chars(m.group("w").lower())
        offset = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "après-demain": 2}[w]
        tod = m.group("tod")
    ds = (ad + timedelta(days=offset)).isoformat() if ad else "XXXX-XX-XX"
    if tod:
        return to_timex(ctx, c, "TIME", f"{ds}T{PARTS_OF_DAY[tod.lower()]}", "time", True)
    return to_timex(ctx, c, "DATE", ds, "day", True)


def make_clock(ctx: Context, c: Cand) -> Timex | None:
    ds = c.data.get("date") or (ctx.anchor.date.isoformat() if ctx.anchor.date else "XXXX-XX-XX")
    relative = "date" not in c.data
    return to_timex(ctx, c, "TIME", f"{ds}T{c.data['h']:02d}:{c.data['mi']:02d}", "time", relative)


def _duration_mod(m: re.Match) -> str | None:
    raw = (m.group("mod") or m.group("mod2") or "").lower()
    raw = re.sub(r"\s+", " ", raw)
    for key, mod in DURATION_MODS:
        if raw == key:
            return mod
    return None


def make_duration(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    n = c.data["n"]
    unit = m.group("unit").lower()
    desig, is_time = UNITS[unit]
    if m.group("half") and n is not None:
        n += 0.5
    mod = _duration_mod(m)
    if unit == "trimestre" or unit == "trimestres":
        desig, n = "M", None if n is None else n * 3
    if m.group("ilya"):
        return _ago(ctx, c, n, desig, is_time, mod)
    value = f"P{'T' if is_time else ''}{fmt_num(n)}{desig}"
    return to_timex(ctx, c, "DURATION", value, None, mod=mod)


def _ago(
    ctx: Context, c: Cand, n: float | None, desig: str, is_time: bool, mod: str | None
) -> Timex:
    """'il y a deux ans' -> the anchor minus two years, at the unit's granularity."""
    a = ctx.anchor
    if n is None:
        return to_timex(ctx, c, "DATE", "PAST_REF", None, mod=mod)
    k = int(n)
    if desig == "Y" and not is_time and a.year:
        return to_timex(ctx, c, "DATE", f"{a.year - k:04d}", "year", True, mod)
    if desig in ("DE", "CE") and a.year:
        return to_timex(
            ctx, c, "DATE", f"{a.year - k * (10 if desig == 'DE' else 100):04d}", "year", True, mod
        )
    if desig == "M" and not is_time and a.year and a.month:
        y, mo = shift_month(a.year, a.month, -k)
        return to_timex(ctx, c, "DATE", f"{y:04d}-{mo:02d}", "month", True, mod)
    if desig == "W" and not is_time and a.date:
        y, w, _ = (a.date - timedelta(weeks=k)).isocalendar()
        return to_timex(ctx, c, "DATE", f"{y:04d}-W{w:02d}", "week", True, mod)
    if a.date:
        days = {"W": 7 * n, "D": n, "H": n / 24, "M": n / 1440, "S": n / 86400}.get(desig, 0)
        d = a.date - timedelta(days=int(round(days)) if desig != "H" else int(days + 0.5))
        return to_timex(ctx, c, "DATE", d.isoformat(), "day", True, mod)
    return to_timex(ctx, c, "DATE", "PAST_REF", None, True, mod)


def make_set(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    u = (m.group("u") or m.group("u2") or m.group("u3")).lower()
    n = 1.0
    if m.group("n"):
        n = parse_number(m.group("n")) or 1.0
    k = fmt_num(n)
    base = u[:-1] if u.endswith("s") and u not in ("mois",) else u
    if base in WEEKDAY_NUMBERS:
        return to_timex(ctx, c, "SET", f"XXXX-WXX-{WEEKDAY_NUMBERS[base]}", None)
    if base in ("matin", "soir", "nuit"):
        return to_timex(ctx, c, "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[base]}", None)
    if base in SEASONS:
        return to_timex(ctx, c, "SET", f"XXXX-{SEASONS[base]}", None)
    value = {
        "an": f"P{k}Y",
        "année": f"P{k}Y",
        "mois": f"P{k}M",
        "semaine": f"P{k}W",
        "jour": f"P{k}D",
        "heure": f"PT{k}H",
        "minute": f"PT{k}M",
        "week-end": "P1WE",
        "trimestre": f"P{int(n) * 3}M",
        "semestre": f"P{int(n) * 6}M",
    }.get(base)
    if value is None:
        return None
    return to_timex(ctx, c, "SET", value, None)


def make_dur_words(ctx: Context, c: Cand) -> Timex | None:
    """'un demi-siècle' -> P50Y, 'un quart de siècle' -> P25Y, 'trois quarts d'heure' -> PT45M."""
    m = c.data["m"]
    n = {"un": 1, "une": 1, "deux": 2, "trois": 3}[m.group("n")]
    if m.group("half"):
        value = {
            "siècle": "P50Y",
            "heure": "PT30M",
            "journée": "P0.5D",
            "décennie": "P5Y",
        }[m.group("half")]
        if n != 1:
            return None  # "deux demi-heures": rare, and not one span
    else:
        value = f"P{25 * n}Y" if m.group("qu") == "siècle" else f"PT{15 * n}M"
    return to_timex(ctx, c, "DURATION", value, None, mod=_duration_mod(m))


def make_term(ctx: Context, c: Cand) -> Timex | None:
    """'son septennat' -> P7Y (temporal_terms_fr.txt)."""
    return to_timex(ctx, c, "DURATION", TERM_NOUNS[c.data["m"].group("t")], None)


def make_clock_duration(ctx: Context, c: Cand) -> Timex | None:
    """'un film de 1 h 52', 'en 2 h 05': a running time, PT1H52M, never a time of day."""
    h, mi = c.data["h"], c.data["mi"]
    value = "PT" + (f"{h}H" if h else "") + (f"{mi}M" if mi else "")
    return to_timex(ctx, c, "DURATION", value if value != "PT" else "PT0M", None)


def make_set_word(ctx: Context, c: Cand) -> Timex | None:
    """'annuel' -> SET P1Y, 'quotidiennement' -> SET P1D (temporal_set_words_fr.txt)."""
    return to_timex(ctx, c, "SET", SET_FORMS[c.data["w"]], None)


def make_set_ordinal(ctx: Context, c: Cand) -> Timex | None:
    """'les deuxième et quatrième jeudis' -> SET XXXX-WXX-4: those weekdays of every month."""
    wd = WEEKDAY_NUMBERS[c.data["m"].group("wd")]
    return to_timex(ctx, c, "SET", f"XXXX-WXX-{wd}", None)


def make_relunit(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    a = ctx.anchor
    u = m.group("u").lower()
    rel = (m.group("rel") or m.group("det") or "").lower()
    k = -1 if rel in LAST_WORDS else (1 if rel in NEXT_WORDS else 0)
    if rel.startswith(("précédent", "suivant")):  # relative to the last date mentioned
        k = -1 if rel.startswith("précédent") else 1
        need = "year" if u in ("année", "an", "siècle") else "month"
        if u in ("semaine", "week-end", "weekend"):
            need = "day"
        a = _ref(ctx, c, need)
    value, precision = unit_value(a, u, k)
    return to_timex(ctx, c, "DATE", value, precision, True, c.data["mod"])


def make_season(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    y = _written_year(ctx, c)
    s = SEASONS[m.group("s").lower()]
    return to_timex(ctx, c, "DATE", f"{y:04d}-{s}", "season", mod=c.data["mod"])


def make_season_bare(ctx: Context, c: Cand) -> Timex | None:
    """'au printemps', 'à l'automne': the year from the narrative's year, else by tense."""
    m = c.data["m"]
    s = SEASONS[m.group("s").lower()]
    rel = m.group("rel")
    y = None if rel else year_ref(ctx, c)
    if y is None:
        y = season_near(ctx.anchor, s, _direction(ctx, c, rel))
    value = f"{y:04d}-{s}" if y is not None else f"XXXX-{s}"
    return to_timex(ctx, c, "DATE", value, "season", True, c.data.get("mod"))


def make_sameday(ctx: Context, c: Cand) -> Timex | None:
    """'ce jour-là', 'le soir même': the day (week, month, year) being narrated."""
    m = c.data["m"]
    u = (m.group("u") or m.group("u2")).lower()
    if u in ("semaine", "mois", "année", "week-end"):
        need = {"semaine": "day", "week-end": "day", "mois": "month", "année": "year"}[u]
        value, precision = unit_value(_ref(ctx, c, need), u, 0)
        return to_timex(ctx, c, "DATE", value, precision, True)
    ref = last_day(ctx, c, 1500)
    d = day_of(ref) if ref else ctx.anchor.date
    if d is not None and u == "lendemain":
        d += timedelta(days=1)
    ds = d.isoformat() if d else "XXXX-XX-XX"
    if u in ("jour", "lendemain"):
        return to_timex(ctx, c, "DATE", ds, "day", True)
    return to_timex(ctx, c, "TIME", f"{ds}T{PARTS_OF_DAY[u]}", "time", True)


def make_quarter(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    q = ORDINALS[m.group("o").lower()]
    code = "Q" if m.group("u").lower() == "trimestre" else "H"
    if code == "H" and q > 2:
        return None
    a = ctx.anchor
    if m.group("y"):
        return to_timex(ctx, c, "DATE", f"{int(m.group('y')):04d}-{code}{q}", "quarter")
    k = (
        -1
        if (m.group("rel") or "").lower() in LAST_WORDS
        else (1 if (m.group("rel") or "").lower() in NEXT_WORDS else 0)
    )
    v = f"{a.year + k:04d}-{code}{q}" if a.year else f"XXXX-{code}{q}"
    return to_timex(ctx, c, "DATE", v, "quarter", True)


def make_century(ctx: Context, c: Cand) -> Timex | None:
    """'XIXe siècle' -> '18XX', as the French TimeBank writes centuries."""
    return to_timex(ctx, c, "DATE", f"{c.data['n'] - 1:02d}XX", "century", mod=c.data["mod"])


def make_decade(ctx: Context, c: Cand) -> Timex | None:
    """'les années 1960' -> '196X', 'les années 90' -> '199X' (French TimeBank form)."""
    d = c.data["m"].group("d")
    if len(d) == 2:
        d = ("20" if d in ("00", "10") else "19") + d
    return to_timex(ctx, c, "DATE", d[:3] + "X", "decade", mod=c.data["mod"])


def make_vague(ctx: Context, c: Cand) -> Timex | None:
    return to_timex(ctx, c, "DATE", VAGUE[c.data["w"]], None)


def _part_week(ctx: Context, c: Cand, ad: date, mod: str | None) -> date:
    """A day of the week meant by 'en début de semaine': the anchor's week, or the next one
    when the verb is future and that part of the anchor's week is already over ('il fera
    sec en début de semaine', written on a Sunday)."""
    last_day_of_part = {"START": 2, "MID": 5}.get(mod or "")
    over = last_day_of_part is not None and ad.isoweekday() > last_day_of_part
    if over and _direction(ctx, c, None) == "future":
        return ad + timedelta(days=7)
    return ad


def make_the_year(ctx: Context, c: Cand) -> Timex | None:
    """ "pour l'année": the year of the anchor."""
    a = ctx.anchor
    return to_timex(ctx, c, "DATE", f"{a.year:04d}" if a.year else "XXXX", "year", True, None)


def make_partunit(ctx: Context, c: Cand) -> Timex | None:
    m = c.data["m"]
    a = ctx.anchor
    mod = PART_MODS[m.group("part").lower()]
    if m.group("jour") or m.group("tod") or m.group("tod2"):
        ref = _ref(ctx, c, "day", same_sentence=True)
        ds = ref.date.isoformat() if ref.date else "XXXX-XX-XX"
        if m.group("jour"):
            return to_timex(ctx, c, "DATE", ds, "day", True, mod)
        part = PARTS_OF_DAY[m.group("tod") or m.group("tod2")]
        return to_timex(ctx, c, "TIME", f"{ds}T{part}", "time", True, mod)
    if m.group("mois2") or m.group("mois"):
        v = f"{a.year:04d}-{a.month:02d}" if a.year and a.month else "XXXX-XX"
        return to_timex(ctx, c, "DATE", v, "month", True, mod)
    if m.group("sem2") or m.group("sem"):
        if a.date:
            y, w, _ = _part_week(ctx, c, a.date, mod).isocalendar()
            return to_timex(ctx, c, "DATE", f"{y:04d}-W{w:02d}", "week", True, mod)
        return to_timex(ctx, c, "DATE", "XXXX-WXX", "week", True, mod)
    return to_timex(ctx, c, "DATE", f"{a.year:04d}" if a.year else "XXXX", "year", True, mod)
