"""The tagger's word tables: numbers, units, modifiers, parts of the day, holidays, tense cues.

Month, weekday and season names and the apostrophes come from ``mattis_corpus.french``; the
tables the rules and normalisers need are derived from them here.
"""

from __future__ import annotations

from typing import TypeVar

from mattis_corpus.french import MONTH_ABBREVIATIONS, MONTHS, SEASONS, WEEKDAYS
from mattis_corpus.lexicons import entries
from mattis_corpus.textutil import strip_accents

_V = TypeVar("_V")


def _with_unaccented(table: dict[str, _V]) -> dict[str, _V]:
    """Each word also without its accents, which pages often drop."""
    return {form: n for word, n in table.items() for form in (word, strip_accents(word))}


# wide month names (a bare "mars" is a month); abbreviations count only with their dot
MONTH_NAMES = _with_unaccented({name: i for i, name in enumerate(MONTHS, 1)})
MONTH_ABBR = _with_unaccented(MONTH_ABBREVIATIONS)
WEEKDAY_NUMBERS = {name: i for i, name in enumerate(WEEKDAYS, 1)}  # ISO: Monday is 1
SEASON_NAMES = {code: name for name, code in SEASONS.items()}

NUMBER_WORDS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    # Belgian and Swiss French
    "septante": 70,
    "huitante": 80,
    "octante": 80,
    "nonante": 90,
    "cent": 100,
    "mille": 1000,
}
# duration unit -> (ISO designator, needs "T")
UNITS = {
    "an": ("Y", False),
    "ans": ("Y", False),
    "année": ("Y", False),
    "années": ("Y", False),
    "mois": ("M", False),
    "semaine": ("W", False),
    "semaines": ("W", False),
    "jour": ("D", False),
    "jours": ("D", False),
    "journée": ("D", False),
    "journées": ("D", False),
    "heure": ("H", True),
    "heures": ("H", True),
    "minute": ("M", True),
    "minutes": ("M", True),
    "seconde": ("S", True),
    "secondes": ("S", True),
    "décennie": ("DE", False),
    "décennies": ("DE", False),
    "siècle": ("CE", False),
    "siècles": ("CE", False),
    "trimestre": ("Q", False),
    "trimestres": ("Q", False),
}
DURATION_MODS = (
    ("un peu plus", "MORE_THAN"),
    ("un peu moins", "LESS_THAN"),
    ("pas moins", "EQUAL_OR_MORE"),
    ("plus", "MORE_THAN"),
    ("moins", "LESS_THAN"),
    ("près", "APPROX"),
    ("environ", "APPROX"),
    ("presque", "APPROX"),
    ("bientôt", "APPROX"),
    ("quelque", "APPROX"),
    ("autour", "APPROX"),
    ("au moins", "EQUAL_OR_MORE"),
    ("au plus", "EQUAL_OR_LESS"),
)
# with their unaccented forms: pages that lost their accents ("debut de semaine", "apres-midi")
PART_MODS = _with_unaccented(
    {"début": "START", "fin": "END", "mi": "MID", "milieu": "MID", "courant": None, "reste": None}
)
SEASON_OF_MONTH = {
    12: "WI",
    1: "WI",
    2: "WI",
    3: "SP",
    4: "SP",
    5: "SP",
    6: "SU",
    7: "SU",
    8: "SU",
    9: "FA",
    10: "FA",
    11: "FA",
}
SEASON_RANK = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}  # within a season-year; WI Y = Dec Y..Feb Y+1
PARTS_OF_DAY = _with_unaccented(
    {
        "matin": "MO",
        "matinée": "MO",
        "midi": "MI",
        "après-midi": "AF",
        "avant-midi": "MO",  # Quebec and Belgian French: the morning
        "soir": "EV",
        "soirée": "EV",
        "nuit": "NI",
    }
)
ORDINALS = {
    "premier": 1,
    "1er": 1,
    "deuxième": 2,
    "second": 2,
    "2e": 2,
    "2ème": 2,
    "2eme": 2,
    "troisième": 3,
    "3e": 3,
    "3ème": 3,
    "3eme": 3,
    "quatrième": 4,
    "4e": 4,
    "4ème": 4,
    "4eme": 4,
}
VAGUE = {
    "maintenant": "PRESENT_REF",
    "actuellement": "PRESENT_REF",
    "désormais": "PRESENT_REF",
    "présent": "PRESENT_REF",
    "autrefois": "PAST_REF",
    "naguère": "PAST_REF",
    "jadis": "PAST_REF",
    "récemment": "PAST_REF",
    "dernièrement": "PAST_REF",
    "prochainement": "FUTURE_REF",
    "bientôt": "FUTURE_REF",
    "avenir": "FUTURE_REF",
    "actuelle": "PRESENT_REF",
    "jours": "PRESENT_REF",
    "moment": "PRESENT_REF",
    "instant": "PRESENT_REF",
}


def _valued(name: str) -> dict[str, str]:
    """A data list of "word VALUE" lines as a dict."""
    return dict(line.rsplit(None, 1) for line in entries(name))


SET_WORDS = _valued("temporal_set_words_fr")  # "annuel" -> "P1Y"


def _inflected(words: dict[str, str]) -> dict[str, str]:
    """Each adjective of frequency with its feminine and plural forms ('annuel' -> 'annuelle',
    'annuels', 'annuelles'; 'quotidien' -> 'quotidienne'...; 'biennal' -> 'biennaux')."""
    out: dict[str, str] = {}
    for w, value in words.items():
        forms = [w]
        if not w.endswith("ment"):
            fem = w + ("le" if w.endswith("el") else "ne" if w.endswith("ien") else "")
            if w.endswith("ier"):
                fem = w[:-3] + "ière"
            if w.endswith("al"):
                fem = w + "e"
                forms.append(w[:-2] + "aux")
            if not w.endswith("e"):
                fem = fem if fem != w else w + "e"
            forms += [fem, w + "s", fem + "s"]
        for f in forms:
            out.setdefault(f, value)
    return out


SET_FORMS = _inflected(SET_WORDS)
SET_EXCLUSIONS = frozenset(entries("temporal_set_exclusions_fr"))
TERM_NOUNS = _valued("temporal_terms_fr")  # "quinquennat" -> "P5Y"
RUNNING_TIME_NOUNS = frozenset(entries("temporal_running_time_nouns_fr"))
PRESS_NOUNS = frozenset(entries("temporal_press_nouns_fr"))
ORDINAL_WORDS = {
    "premier": 1,
    "première": 1,
    "1er": 1,
    "deuxième": 2,
    "second": 2,
    "2e": 2,
    "troisième": 3,
    "3e": 3,
    "quatrième": 4,
    "4e": 4,
    "cinquième": 5,
    "5e": 5,
    "dernier": -1,
}
LAST_WORDS = {"dernier", "dernière", "passé", "passée"}
NEXT_WORDS = {"prochain", "prochaine"}
THIS_WORDS = {"ce", "cet", "cette", "en cours", "courant", "courante", "actuel", "actuelle"}
# keys are the matched words with spaces collapsed and apostrophes normalised
HOLIDAYS = {
    "noël": (12, 25),
    "toussaint": (11, 1),
    "saint-sylvestre": (12, 31),
    "nouvel an": (1, 1),
    "jour de l'an": (1, 1),
    "14-juillet": (7, 14),
    "assomption": (8, 15),
    "saint-valentin": (2, 14),
    "armistice": (11, 11),
}

# lower-case words that may follow a bare year ("en 2017 et ..."); any other starts a noun
YEAR_OK_FOLLOWERS = frozenset(
    [
        "et",
        "ou",
        "à",
        "au",
        "aux",
        "en",
        "dans",
        "pour",
        "par",
        "avec",
        "sur",
        "sous",
        "avant",
        "après",
        "lorsque",
        "quand",
        "alors",
        "puis",
        "contre",
        "le",
        "la",
        "les",
        "l'",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d'",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "ce",
        "cette",
        "ces",
        "cet",
        "qui",
        "que",
        "qu'",
        "où",
        "mais",
        "donc",
        "car",
        "selon",
        "jusqu'à",
        "déjà",
        "notamment",
        "lors",
        "depuis",
        "pendant",
        "durant",
        "entre",
        "vers",
        "ont",
        "a",
        "est",
        "sont",
        "était",
        "avait",
        "se",
        "s'",
        "y",
        "n'",
        "ne",
        "dont",
        "comme",
        "grâce",
        "malgré",
        "face",
        "ainsi",
        "seulement",
        "encore",
        "également",
        "aussi",
        "afin",
        "tandis",
        "soit",
        "sans",
        "chez",
        "parmi",
        "avait",
        "avaient",
        "étaient",
        "fut",
        "plus",
    ]
)

# tense cues for the regex fallback (no spaCy Doc): words that only look like a future...
FUT_STOP = frozenset(
    [
        "extra",
        "ultra",
        "caméra",
        "camera",
        "opéra",
        "sahara",
        "cobra",
        "mantra",
        "agora",
        "contra",
        "tora",
        "bora",
        "sutra",
        "hydra",
        "sierra",
        "para",
        "intra",
        "supra",
        "tiara",
        "libra",
        "front",
        "affront",
        "environs",
        "patrons",
        "vrai",
        "marrons",
        "citrons",
    ]
)
# ... or like an imperfect
IMP_STOP = frozenset(
    [
        "retrait",
        "portrait",
        "extrait",
        "parfait",
        "satisfait",
        "distrait",
        "abstrait",
        "attrait",
        "souhait",
        "bienfait",
        "méfait",
        "forfait",
        "contrefait",
        "surfait",
        "stupéfait",
    ]
)
