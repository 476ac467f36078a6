"""Candidate spans: the core-word scan, the rules each core word may start, and the filters
that keep a match or reject it (a capitalised month is a name, "45 ans" after "âgé de" is an
age, a bare number is a year only in a temporal context).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mattis_corpus.nlp.temporal.context import Cand, left_of
from mattis_corpus.nlp.temporal.lexicon import (
    LAST_WORDS,
    NEXT_WORDS,
    PART_MODS,
    YEAR_OK_FOLLOWERS,
)
from mattis_corpus.nlp.temporal.normalise import (
    make_anaph,
    make_century,
    make_clock,
    make_clock_duration,
    make_dayenum,
    make_daymonth,
    make_decade,
    make_deictic,
    make_duration,
    make_holiday,
    make_month,
    make_night,
    make_numdate,
    make_partunit,
    make_quarter,
    make_relunit,
    make_sameday,
    make_season,
    make_season_bare,
    make_set,
    make_the_year,
    make_todref,
    make_toute,
    make_vague,
    make_vaguedur,
    make_weekday,
    make_year,
)
from mattis_corpus.nlp.temporal.resolve import parse_number, roman_to_int
from mattis_corpus.nlp.temporal.rules import (
    AP,
    AP_CHARS,
    CORE_DIGIT,
    CORE_MONTH,
    CORE_UNIT,
    CORE_WD,
    CORE_WORD,
    LOOKBACK,
    RE_AGE_APPOS_LEFT,
    RE_AGE_LEFT,
    RE_ANAPH,
    RE_CENTURY,
    RE_CLOCK,
    RE_DAYENUM,
    RE_DAYMONTH,
    RE_DECADE,
    RE_DEICTIC,
    RE_DUR_TIME_CTX,
    RE_DUR_WORDS,
    RE_DURATION,
    RE_HOLIDAY,
    RE_MOISDE_LEFT,
    RE_MONTH,
    RE_MONTH_CTX,
    RE_NIGHT,
    RE_NUMDATE,
    RE_PART_LEFT,
    RE_PARTUNIT,
    RE_QUARTER,
    RE_RELUNIT,
    RE_SAMEDAY,
    RE_SEASON,
    RE_SEASON_BARE,
    RE_SEASON_BARE_LEFT,
    RE_SET,
    RE_SET_ORD,
    RE_TERM,
    RE_THE_YEAR,
    RE_THE_YEAR_LEFT,
    RE_TODREF,
    RE_TODREF_LEFT,
    RE_TODREF_OF_NOUN,
    RE_TOUTE,
    RE_VAGUE,
    RE_VAGUEDUR,
    RE_VAGUEDUR_AFTER,
    RE_WEEKDAY,
    RE_WORD_START,
    RE_YEAR,
    RE_YEAR2,
    RE_YEAR2_LEFT,
    RE_YEAR_CTX,
    RE_YEAR_ENTRY_LEFT,
    RE_YEAR_ENTRY_RIGHT,
    RE_YEAR_FOLLOW,
)
from mattis_corpus.nlp.temporal.words import (
    b_set_ordinal,
    clock_range,
    dur_words_cand,
    is_title,
    noun_follows,
    running_time,
    sentence_initial,
    set_word_cands,
    term_cand,
)
from mattis_corpus.textutil import normalise_chars


def _extend_part(text: str, start: int) -> tuple[int, str | None, bool]:
    """Extend a core date leftwards over 'la fin du', 'début', 'mi-'; returns (start, mod, found)."""
    m = RE_PART_LEFT.search(left_of(text, start))
    if not m:
        return start, None, False
    off = start - len(left_of(text, start))
    return off + m.start(), PART_MODS[m.group("part").lower()], True


def _extend_moisde(text: str, start: int) -> tuple[int, bool]:
    """'le mois de mars' / 'du mois de mars' -> start of 'le mois' / 'mois'."""
    m = RE_MOISDE_LEFT.search(left_of(text, start, 25))
    if not m:
        return start, False
    off = start - len(left_of(text, start, 25))
    s = off + (m.start("det") if m.group("det") else m.start() + m.group(0).lower().find("mois"))
    return s, True


def safe_lower(text: str) -> str:
    """Lower-case without changing any offset (a few characters lengthen under str.lower)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _two_digit_end(text: str, m: re.Match, before: str) -> int | None:
    """End of a match whose two-digit year is a count ("le 3 mars 14 personnes": a plural
    noun follows; "le 10 novembre 93 reste" is a year): the end of the group ``before`` it;
    None when the year stands (or there is none)."""
    if not m.group("y2") or not noun_follows(text, m.end("y2")):
        return None
    w = RE_YEAR_FOLLOW.match(text, m.end("y2")).group("w").lower()
    return m.end(before) if w.endswith(("s", "x")) else None


def _b_daymonth(text: str, low: str, m: re.Match) -> Cand | None:
    s = m.start("det") if m.group("det") else (m.start("wd") if m.group("wd") else m.start("d"))
    end = _two_digit_end(text, m, "m" if m.group("m") else "ma")
    if end is not None:
        return Cand(s, end + (0 if m.group("m") else 1), 1, make_daymonth, {"m": m, "no_y2": 1})
    return Cand(s, m.end(), 1, make_daymonth, {"m": m})


def _b_simple(prio: int, make: Callable) -> Callable:
    def build(text: str, low: str, m: re.Match) -> Cand | None:
        return Cand(m.start(), m.end(), prio, make, {"m": m})

    return build


def _b_weekday(text: str, low: str, m: re.Match) -> Cand | None:
    s = m.start()
    if not m.group("det") and re.search(r"\bun\s+$", left_of(low, s, 4)):
        return None  # "également un mercredi": a kind of day, not a date
    if (
        text[m.start("wd")].isupper()
        and not m.group("det")
        and not sentence_initial(text, s)
        and not m.group("rel")
        and not m.group("tod")
    ):
        return None
    return Cand(s, m.end(), 3, make_weekday, {"m": m, "same": bool(m.group("same"))})


def _b_season(text: str, low: str, m: re.Match) -> Cand | None:
    if _two_digit_end(text, m, "s") is not None:
        return None
    s, mod, _ = _extend_part(low, m.start())
    return Cand(s, m.end(), 1, make_season, {"m": m, "mod": mod})


def _b_decade(text: str, low: str, m: re.Match) -> Cand | None:
    s, mod, _ = _extend_part(low, m.start())
    return Cand(s, m.end(), 1, make_decade, {"m": m, "mod": mod})


def _b_dayenum(text: str, low: str, m: re.Match) -> Cand | None:
    s = m.start("det") if m.group("det") else m.start("d")
    return Cand(s, m.end("d"), 1, make_dayenum, {"m": m})


def _b_anaph(text: str, low: str, m: re.Match) -> Cand | None:
    if not m.group("det") and not re.search(
        r"\b(?:au|du|dès\s+le)\s+$", left_of(low, m.start(), 8)
    ):
        return None
    return Cand(m.start(), m.end(), 1, make_anaph, {"m": m})


def _b_vaguedur(text: str, low: str, m: re.Match) -> Cand | None:
    if not m.group("det") and not re.search(r"\b(?:des|aux)\s+$", left_of(low, m.start(), 6)):
        return None  # "ses derniers jours"
    n = None
    if m.group("num0") and m.group("num"):
        return None
    if m.group("num") or m.group("num0"):
        n = parse_number(m.group("num") or m.group("num0"))
        if n is None:
            return None
    elif m.group("rel").startswith("premi"):
        return None  # "les premiers jours" of what? A count says how long: "les six premiers mois"
    end = m.end() if m.group("rel").startswith("premi") else m.end("unit")  # "de l'année" only after "premiers"
    return Cand(m.start(), end, 2, make_vaguedur, {"m": m, "n": n})


_OF_PARTS = frozenset({"matinée", "soirée", "journée", "nuit"})


def _b_todref(text: str, low: str, m: re.Match) -> Cand | None:
    left = left_of(low, m.start(), 20)
    lm = RE_TODREF_LEFT.search(left)
    if not lm:
        return None
    if lm.group("of"):  # "au terme de la soirée", "tout au long de la journée": that day's
        if m.group("det") != "la" or m.group("tod") not in _OF_PARTS or RE_TODREF_OF_NOUN.match(text, m.end()):
            return None
        return Cand(m.start(), m.end(), 3, make_todref, {"m": m})
    if bool(m.group("det")) == lm.group(0).startswith("en"):
        return None  # "dans la soirée", "en soirée"; not "en la", not "dans soirée"
    if m.group("tod") in ("matin", "soir") and not m.group("det"):
        return None
    return Cand(m.start(), m.end(), 3, make_todref, {"m": m})


def _b_holiday(text: str, low: str, m: re.Match) -> Cand | None:
    h = m.group("h")
    if not text[m.start("h")].isupper() and h != "nouvel an":
        return None  # "la toussaint" in lower case is rare; "noël" as a common noun too
    if re.match(r"\s+[A-Z]", text[m.end() : m.end() + 3]) and not m.group("y"):
        return None  # a first name: "Noël Le Graët"
    if h in ("assomption", "armistice") and not m.group("det"):
        return None
    return Cand(m.start(), m.end(), 1, make_holiday, {"m": m})


def _month_cand(text: str, low: str, m: re.Match) -> Cand | None:
    """A month name is a date only with a year, 'dernier/prochain', or a temporal left context."""
    start = m.start()
    start, moisde = _extend_moisde(low, start)
    pstart, mod, part = _extend_part(low, start)
    end, data = m.end(), {"m": m, "mod": mod}
    if _two_digit_end(text, m, "m") is not None:
        end, data["no_y2"] = m.end("m"), 1
    has_year = bool(m.group("y"))  # a capitalised month needs four digits ("Novembre 20")
    has_rel = bool(m.group("rel")) and end == m.end()
    if m.group("y2") and "no_y2" not in data and not (has_rel or part or moisde):
        has_year = not (text[m.start()].isupper() and not sentence_initial(text, m.start()))
    if not (has_year or has_rel or part or moisde):
        if text[m.start()].isupper() and not sentence_initial(text, m.start()):
            return None
        if not RE_MONTH_CTX.search(left_of(low, m.start(), 20)):
            return None
    return Cand(pstart, end, 2, make_month, data)


def _entry_year(text: str, m: re.Match) -> bool:
    """The year heads a list entry or a line and a colon follows: "— 2013 : « Child's Pose »"."""
    line = text.rfind("\n", 0, m.start("y")) + 1
    return bool(RE_YEAR_ENTRY_LEFT.fullmatch(text, line, m.start("y")) and RE_YEAR_ENTRY_RIGHT.match(text, m.end()))


def _year_cand(text: str, low: str, m: re.Match) -> Cand | None:
    """A bare 4-digit number is a year after a temporal word and when no noun follows it."""
    y0 = m.start("det") if m.group("det") else m.start("y")
    pstart, mod, part = _extend_part(low, y0)
    ok = bool(m.group("det")) or part
    left = left_of(low, m.start("y"), 25)
    if not ok:
        ok = bool(RE_YEAR_CTX.search(left)) or _entry_year(text, m)
        lo = 1000 if re.search(r"\b(?:en|dès|depuis|vers|an)\s+$", left) else 1500
        if ok and not lo <= int(m.group("y")) <= 2199:
            ok = False
    if not ok:
        return None
    if noun_follows(text, m.end()):
        return None
    if re.match(r"\s+en\s+\d{4}", low[m.end() : m.end() + 10]):
        return None  # "passés de 2000 en 2010": a count, then the year
    if re.match(r"\s*(?:€|\$|euros?|dollars?)", low[m.end() : m.end() + 8]):
        return None
    return Cand(pstart, m.end(), 2, make_year, {"m": m, "mod": mod})


def _year2_cand(text: str, low: str, m: re.Match) -> Cand | None:
    """A bare two-digit year: after 'en', 'depuis', 'l'année'...; never before a noun or a
    name ("en 12 étapes") nor in 'le 93' (a département) or 'de 40 à 32' (counts)."""
    if not m.group("det"):
        left = left_of(low, m.start("y2"), 25)
        if not RE_YEAR2_LEFT.search(left):
            return None
    f = RE_YEAR_FOLLOW.match(text, m.end())
    if f and normalise_chars(f.group("w")) not in YEAR_OK_FOLLOWERS:
        return None  # "en 12 étapes", "en 32 CU", "en 10 Gb/s": only a small word may follow
    return Cand(m.start(), m.end(), 3, make_year, {"m": m, "mod": None})


def _season_bare_cand(text: str, low: str, m: re.Match) -> Cand | None:
    """A season with no year after a preposition; never 'le printemps arabe'."""
    if not RE_SEASON_BARE_LEFT.search(left_of(low, m.start(), 20)):
        return None
    if not m.group("rel") and noun_follows(text, m.end()):
        return None
    s, mod, _ = _extend_part(low, m.start())
    return Cand(s, m.end(), 3, make_season_bare, {"m": m, "mod": mod})


def _clock_cand(text: str, low: str, m: re.Match) -> Cand | None:
    """'14 h 30', '14h', 'à 10 heures', 'à midi' -> TIME; '48 h' -> DURATION."""
    left = left_of(low, m.start(), 25)
    if m.group("noon"):
        if not re.search(rf"\b(?:à|vers|dès|avant|après|jusqu{AP}à|entre|de)\s+$", left):
            return None
        return Cand(
            m.start(),
            m.end(),
            2,
            make_clock,
            {"h": 12 if m.group("noon").lower() == "midi" else 24, "mi": 0},
        )
    if m.group("h") is not None:
        h, mi = int(m.group("h")), int(m.group("mi") or 0)
        data = {"h": h, "mi": mi}
        if running_time(text, low, m, h, left):
            return Cand(m.start(), m.end(), 2, make_clock_duration, data)
        if h > 24:
            return None
        return Cand(m.start(), m.end(), 2, make_clock, data)
    n = parse_number(m.group("h2"))
    if n is None or n > 24:
        return None
    if not (RE_DUR_TIME_CTX.search(left) or m.group("ampm") or clock_range(low, m, left)):
        return None
    h = int(n)
    ampm = (m.group("ampm") or "").lower()
    if ("soir" in ampm or "midi" in ampm) and h < 12:
        h += 12
    if ampm and h > 24:
        return None
    return Cand(m.start(), m.end(), 0, make_clock, {"h": h, "mi": int(m.group("mi2") or 0)})


def _duration_cand(text: str, low: str, m: re.Match) -> Cand | None:
    num = m.group("num").lower()
    if (
        num in ("un", "une")
        and m.group("unit").lower() == "jour"
        and not m.group("mod")
        and not m.group("mod2")
    ):
        return None  # "un jour" is mostly "some day"
    if num in ("quelques", "plusieurs"):
        n = None
    else:
        n = parse_number(num)
        if n is None:
            return None
    unit = m.group("unit").lower()
    if n is not None and unit in ("ans", "an") and not m.group("ilya") and _is_age(text, low, m):
        return None
    if is_title(text, low, m):
        return None
    s = m.start()
    if m.group("det") and not m.group("rel"):
        s = (
            m.start("mod")
            if m.group("mod")
            else (m.start("mod2") if m.group("mod2") else m.start("num"))
        )
        if m.group("ilya"):
            s = m.start()
    return Cand(s, m.end(), 2, make_duration, {"m": m, "n": n})


def _is_age(text: str, low: str, m: re.Match) -> bool:
    """'âgé de 45 ans', 'un homme de 45 ans', 'Kylian Mbappé, 19 ans,', 'mort à 82 ans'."""
    s = m.start("mod") if m.group("mod") else (m.start("mod2") if m.group("mod2") else m.start())
    if m.group("det"):
        s = m.start("num")
    left = left_of(low, s, 60)
    if RE_AGE_LEFT.search(left):
        return True
    right = low[m.end() : m.end() + 6]
    if re.match(r"\s*[,)]", right) and RE_AGE_APPOS_LEFT.search(left):
        return True  # "le suspect, 24 ans, a été déféré"
    if (
        m.group("num")[0].isdigit()
        and re.match(r"\s*[,)]", right)
        and (
            re.search(r"\(\s*$", left)
            or re.search(rf"[^\W\d_][\w{AP_CHARS}-]*\s*,\s*$", left)
            and text[:s].rstrip(" ,").split(" ")[-1][:1].isupper()
        )
    ):
        return True  # apposition after a name: "Marie Dupont, 45 ans, ..."
    right = low[m.end() : m.end() + 10]
    if re.search(r"\bà\s+$", left) and not re.match(rf"\s+(?:de\s|d{AP}(?!ici))", right):
        return not re.search(r"\bcondamnée?s?\s+à\s+$", left)
    return False


def _relunit_cand(text: str, low: str, m: re.Match) -> Cand | None:
    det = (m.group("det") or "l").lower()
    rel = (m.group("rel") or "").lower()
    u = m.group("u").lower()
    if det in ("le", "la", "l") and not rel:
        return None
    if det in ("ce", "cet", "cette") and rel in LAST_WORDS | NEXT_WORDS:
        return None
    if u == "an" and det != "l":
        return None
    s, mod, _ = _extend_part(low, m.start())
    return Cand(s, m.end(), 1, make_relunit, {"m": m, "mod": mod})


def _century_cand(text: str, low: str, m: re.Match) -> Cand | None:
    raw = m.group("n")
    n = int(raw) if raw.isdigit() else roman_to_int(raw)
    if not n or n > 30:
        return None
    s, mod, _ = _extend_part(low, m.start())
    return Cand(s, m.end(), 1, make_century, {"n": n, "mod": mod})


def _vague_cand(text: str, low: str, m: re.Match) -> Cand | None:
    w = m.group("w")
    if w:
        left = left_of(low, m.start(), 6)
        if w.lower() == "maintenant" and re.search(r"\ben\s+$", left):
            return None  # gerund of "maintenir"
        return Cand(m.start(), m.end(), 5, make_vague, {"w": w.lower()})
    for g in ("pres", "fut", "fut2", "nos", "hact", "mom"):
        if m.group(g):
            key = {
                "pres": "présent",
                "fut": "avenir",
                "fut2": "avenir",
                "nos": "jours",
                "hact": "actuelle",
                "mom": "moment",
            }[g]
            return Cand(m.start(g), m.end(g), 5, make_vague, {"w": key})
    return None


# ---------------------------------------------------------------------------- dispatch
# (rule, builder, back): the builder turns a match into a candidate, or None to reject it

_R_DAYMONTH = (RE_DAYMONTH, _b_daymonth, 3)
_R_HOLIDAY = (RE_HOLIDAY, _b_holiday, 3)
_R_DAYENUM = (RE_DAYENUM, _b_dayenum, 1)
_R_ANAPH = (RE_ANAPH, _b_anaph, 2)
_R_VAGUEDUR = (RE_VAGUEDUR, _b_vaguedur, 3)
def _b_vaguedur_after(text: str, low: str, m: re.Match) -> Cand | None:
    """ "les années précédentes"; "aux années précédentes" starts at its noun (à + les)."""
    start = m.start() if m.group("det").lower() in ("les", "ces") else m.start("unit")
    return Cand(start, m.end(), 2, make_vaguedur, {"m": m, "n": None})


_R_VAGUEDUR_AFTER = (RE_VAGUEDUR_AFTER, _b_vaguedur_after, 3)
_R_TOUTE = (RE_TOUTE, _b_simple(2, make_toute), 3)
_R_TODREF = (RE_TODREF, _b_todref, 3)
_R_MONTH = (RE_MONTH, _month_cand, 0)
_R_NIGHT = (RE_NIGHT, _b_simple(1, make_night), 6)
_R_WEEKDAY = (RE_WEEKDAY, _b_weekday, 2)
_R_SET = (RE_SET, _b_simple(1, make_set), 4)
_R_SET_ORD = (RE_SET_ORD, b_set_ordinal, 8)
_R_DURATION = (RE_DURATION, _duration_cand, 8)
_R_RELUNIT = (RE_RELUNIT, _relunit_cand, 2)
_R_SEASON = (RE_SEASON, _b_season, 2)
_R_SEASON_BARE = (RE_SEASON_BARE, _season_bare_cand, 1)
_R_QUARTER = (RE_QUARTER, _b_simple(1, make_quarter), 2)
_R_DECADE = (RE_DECADE, _b_decade, 1)
_R_PARTUNIT = (RE_PARTUNIT, _b_simple(4, make_partunit), 5)


def _the_year_cand(text: str, low: str, m: re.Match) -> Cand | None:
    if not RE_THE_YEAR_LEFT.search(left_of(low, m.start(), 12)):
        return None  # "l'année a été dure" names no year
    return Cand(m.start(), m.end(), 5, make_the_year, {"m": m})


_R_THE_YEAR = (RE_THE_YEAR, _the_year_cand, 3)
_R_NUMDATE = (RE_NUMDATE, _b_simple(1, make_numdate), 1)
_R_YEAR = (RE_YEAR, _year_cand, 3)
_R_YEAR2 = (RE_YEAR2, _year2_cand, 2)
_R_CLOCK = (RE_CLOCK, _clock_cand, 2)
_R_DEICTIC = (RE_DEICTIC, _b_simple(2, make_deictic), 2)
_R_VAGUE = (RE_VAGUE, _vague_cand, 1)

_DISPATCH = (
    (CORE_MONTH, (_R_DAYMONTH, _R_MONTH, _R_NIGHT)),
    (CORE_WD, (_R_SET_ORD, _R_WEEKDAY, _R_NIGHT, _R_SET)),
    (
        CORE_UNIT,
        (
            _R_DURATION,
            _R_SET,
            _R_RELUNIT,
            _R_SEASON,
            _R_SEASON_BARE,
            _R_QUARTER,
            _R_DECADE,
            _R_PARTUNIT,
            _R_THE_YEAR,
            _R_CLOCK,
            _R_VAGUEDUR,
            _R_VAGUEDUR_AFTER,
            _R_TOUTE,
            _R_TODREF,
        ),
    ),
    (CORE_DIGIT, (_R_NUMDATE, _R_YEAR, _R_YEAR2, _R_CLOCK, _R_DAYENUM)),
    (
        CORE_WORD,
        (
            _R_DEICTIC,
            _R_VAGUE,
            _R_CLOCK,
            _R_SET,
            _R_ANAPH,
            _R_TOUTE,
            _R_TODREF,
            _R_HOLIDAY,
            _R_PARTUNIT,  # "en début de soirée": a part of the day is a core word
        ),
    ),
)


def find_candidates(text: str, low: str) -> list[Cand]:
    """Find core words, then try the rules that may contain each one, anchored just before it."""
    cands: list[Cand] = []
    seen: set[tuple[int, int, int]] = set()
    for core, rules in _DISPATCH:
        for hit in core.finditer(low):
            p = hit.start()
            if p > 0 and low[p - 1].isalnum():
                continue
            before = [w.start() for w in RE_WORD_START.finditer(low, max(0, p - LOOKBACK), p)]
            for rule, build, back in rules:
                for s in (*before[max(0, len(before) - back) :], p) if back else (p,):
                    m = rule.match(low, s)
                    if m is None or m.end() <= p:
                        continue
                    key = (id(rule), m.start(), m.end())
                    if key not in seen:
                        seen.add(key)
                        c = build(text, low, m)
                        if c is not None:
                            cands.append(c)
                    break
    cands += set_word_cands(text, low)
    if "-là" in low or " même" in low:
        cands += [
            Cand(m.start(), m.end(), 1, make_sameday, {"m": m}) for m in RE_SAMEDAY.finditer(low)
        ]
    if "demi-" in low or "quart" in low:
        cands += [c for m in RE_DUR_WORDS.finditer(low) if (c := dur_words_cand(text, low, m))]
    if "nnat" in low or "millénaire" in low:
        cands += [c for m in RE_TERM.finditer(low) if (c := term_cand(text, low, m))]
    if "siècle" in low:
        for m in RE_CENTURY.finditer(text):
            c = _century_cand(text, low, m)
            if c:
                cands.append(c)
    return cands
