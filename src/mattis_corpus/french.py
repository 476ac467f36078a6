"""French writing and calendar facts, each written once for every stage.

The calendar names are CLDR's (the ``fr`` and ``en`` locales: wide and abbreviated month and day
names, without the abbreviation dot), plus the few short forms French pages print that CLDR
lacks ("fév"). English names are here because bilingual pages print English datelines. Every
table is derived from these by the module that needs it, never copied.
"""

from __future__ import annotations

APOSTROPHE = "'"
# Typographic apostrophes (and the marks pages type instead) that all mean APOSTROPHE. The
# normaliser maps each to APOSTROPHE one for one, so offsets survive.
TYPOGRAPHIC_APOSTROPHES = "\u2019\u02bc\u2018\u201b\u00b4\u2032`"
APOSTROPHES = APOSTROPHE + TYPOGRAPHIC_APOSTROPHES
CURLY_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f"  # all become '"'
OPENING_QUOTES = "«\u201c\u201e"
CLOSING_QUOTES = "»\u201d"

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
MONTH_ABBREVIATIONS = {"janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "sept": 9,
                       "oct": 10, "nov": 11, "déc": 12}
MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december")

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
WEEKDAY_ABBREVIATIONS = ("lun", "mar", "mer", "jeu", "ven", "sam", "dim")
WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS_EN = ("mon", "tue", "wed", "thu", "fri", "sat", "sun", "tues", "thur",
                            "thurs")

# ISO-TimeML season codes.
SEASONS = {"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"}


def _unaccented(word: str) -> str:
    from mattis_corpus.textutil import strip_accents

    return strip_accents(word)


def month_numbers(*, english: bool = False, short_english: bool = False) -> dict[str, int]:
    """Month word → number: French wide and abbreviated names, accented and not; optionally
    English wide names and their three-letter forms ("sep", "dec")."""
    table: dict[str, int] = {}
    for i, name in enumerate(MONTHS, 1):
        table[name] = table[_unaccented(name)] = i
    for abbr, i in MONTH_ABBREVIATIONS.items():
        table[abbr] = table[_unaccented(abbr)] = i
    if english:
        for i, name in enumerate(MONTHS_EN, 1):
            table[name] = i
            if short_english:
                table[name[:3]] = i
    return table
