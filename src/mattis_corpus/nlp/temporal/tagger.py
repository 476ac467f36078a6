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
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from mattis_corpus.models import Timex

# --------------------------------------------------------------------------- lexicon

_AP = "['\u2019]"
MONTHS = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}
MONTH_ABBR = {
    "janv": 1,
    "févr": 2,
    "fevr": 2,
    "fév": 2,
    "avr": 4,
    "juil": 7,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "déc": 12,
    "dec": 12,
}
WEEKDAYS = {
    "lundi": 1,
    "mardi": 2,
    "mercredi": 3,
    "jeudi": 4,
    "vendredi": 5,
    "samedi": 6,
    "dimanche": 7,
}
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
PART_MODS = {"début": "START", "fin": "END", "mi": "MID", "milieu": "MID", "courant": None}
SEASONS = {"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"}
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
_SEASON_RANK = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}  # within a season-year; WI Y = Dec Y..Feb Y+1
PARTS_OF_DAY = {
    "matin": "MO",
    "matinée": "MO",
    "midi": "MI",
    "après-midi": "AF",
    "soir": "EV",
    "soirée": "EV",
    "nuit": "NI",
}
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
LAST_WORDS = {"dernier", "dernière", "passé", "passée"}
NEXT_WORDS = {"prochain", "prochaine"}
THIS_WORDS = {"ce", "cet", "cette", "en cours", "courant", "courante", "actuel", "actuelle"}


class _LazyRe:
    """A regex compiled on first use, so that importing this module stays cheap."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str):
        compiled = re.compile(*self._args)
        for meth in ("match", "search", "finditer", "fullmatch"):
            setattr(self, meth, getattr(compiled, meth))
        return getattr(compiled, name)


def _alt(words) -> str:
    """Regex alternation, longest first so that prefixes never shadow longer words."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTH = _alt(MONTHS)
_MONTH_ABBR = _alt(MONTH_ABBR)
_WD = _alt(WEEKDAYS)
_NUMW = _alt(NUMBER_WORDS)
_NUM_WORDS = rf"(?:{_NUMW})(?:(?:-|\s+)(?:et(?:-|\s+))?(?:{_NUMW})){{0,3}}"
_NUM = rf"(?:\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+|\d+(?:,5)?|{_NUM_WORDS})"
_UNIT = _alt(UNITS)
_REL = r"dernier|dernière|prochain|prochaine|passé|passée"
_TOD = r"matin|matinée|midi|après-midi|soir|soirée|nuit"
_DAYNUM = r"1er|premier|[0-3]?\d"
_YEAR = r"(?:1[0-9]|20|21)\d\d"
_F = 0  # every rule runs on the lower-cased text (case-insensitive regexes are ~5x slower)

# ----------------------------------------------------------------------------- rules

RE_DAYMONTH = _LazyRe(
    rf"\b(?:(?P<det>le|ce)\s+)?(?:(?P<wd>{_WD})\s+)?(?<![\d,.])(?P<d>{_DAYNUM})\s+"
    rf"(?:(?P<m>{_MONTH})\b|(?P<ma>{_MONTH_ABBR})\.)"
    rf"(?:\s+(?P<y>{_YEAR})(?!\d))?(?:\s+(?P<rel>{_REL})\b)?",
    _F,
)
RE_NUMDATE = _LazyRe(
    rf"\b(?:(?P<det>le)\s+)?(?<![\d/.])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>{_YEAR})(?![\d/])"
    rf"|(?<![\d/.-])(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d-])",
    _F,
)
RE_MONTH = _LazyRe(rf"\b(?P<m>{_MONTH})\b(?:\s+(?P<y>{_YEAR})(?!\d))?(?:\s+(?P<rel>{_REL})\b)?", _F)
RE_YEAR = _LazyRe(
    rf"(?:\b(?P<det>l{_AP}(?:année|an)\s+))?(?:(?<=\bmi-)|(?<![\d.,/:-]))(?<![\d][ \u00a0])"
    rf"(?P<y>{_YEAR})"
    r"(?![\d]|[.,/]\d|-\d|\s*%)",
    _F,
)
RE_WEEKDAY = _LazyRe(
    rf"\b(?:(?P<det>ce)\s+)?(?P<wd>{_WD})\b(?:\s+(?P<rel>dernier|prochain|passé)\b)?"
    rf"(?:\s+(?:au\s+|en\s+|dans\s+la\s+)?(?P<tod>{_TOD})\b)?",
    _F,
)
RE_NIGHT = _LazyRe(
    rf"\b(?P<det>la)\s+nuit\s+(?:de\s+(?P<wd1>{_WD})(?:\s+(?:à|au)\s+(?P<wd2>{_WD}))?"
    rf"|du\s+(?P<d1>{_DAYNUM})(?:\s+au\s+[0-3]?\d)?\s+(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?)\b",
    _F,
)
RE_DEICTIC = _LazyRe(
    rf"\b(?P<w>avant-hier|après-demain|hier|aujourd{_AP}hui|demain)"
    rf"(?:\s+(?P<tod>matin|midi|après-midi|soir|soirée)\b)?"
    rf"|\b(?P<this>ce|cet|cette)\s+(?P<tod2>matin|midi|après-midi|soir|nuit|matinée|soirée)\b"
    r"|\b(?P<lastn>la\s+nuit\s+dernière)\b",
    _F,
)
RE_CLOCK = _LazyRe(
    r"(?<![\d,.])(?P<h>[0-2]?\d)\s?h\s?(?P<mi>[0-5]\d)?(?![\w])"
    rf"|(?<![\d,.])(?P<h2>\d{{1,2}}|{_NUMW})\s+heures?(?:\s+(?P<mi2>[0-5]\d)\b)?"
    rf"(?:\s+(?P<ampm>du\s+matin|du\s+soir|de\s+l{_AP}après-midi)\b)?"
    r"|\b(?P<noon>midi|minuit)\b",
    _F,
)
RE_DURATION = _LazyRe(
    rf"\b(?:(?P<ilya>il\s+y\s+a)\s+)?(?:(?P<det>les|ces)\s+)?"
    rf"(?:(?P<mod>un\s+peu\s+plus|un\s+peu\s+moins|pas\s+moins|plus|moins|près)\s+d(?:e\s+|{_AP})"
    rf"|(?P<mod2>environ|presque|bientôt|quelque|au\s+moins|au\s+plus)\s+)?"
    rf"(?<![\d,.])(?P<num>{_NUM}|quelques|plusieurs)\s+"
    rf"(?:(?P<rel>derniers|dernières|prochains|prochaines)\s+)?(?P<unit>{_UNIT})\b"
    r"(?P<half>\s+et\s+demie?\b)?",
    _F,
)
RE_SET = _LazyRe(
    rf"\bchaque\s+(?P<u>année|an|mois|semaine|jour|{_WD}|matin|soir|nuit|été|hiver|printemps"
    r"|automne|week-end|trimestre)\b"
    rf"|\b(?:tous|toutes)\s+les\s+(?:(?P<n>{_NUM})\s+)?(?P<u2>ans|années|mois|semaines|jours"
    rf"|heures|minutes|(?:{_WD})s|matins|soirs|nuits|week-ends|trimestres|étés|hivers)\b"
    rf"|\b(?P<n3>{_NUM})\s+fois\s+par\s+(?P<u3>an|année|mois|semaine|jour|heure)\b",
    _F,
)
RE_RELUNIT = _LazyRe(
    rf"\b(?:(?P<det>le|la|ce|cet|cette)\s+|(?P<ldet>l){_AP})(?P<u>mois|semaine|année|an|"
    rf"week-end|weekend|trimestre|semestre|siècle|été|hiver|automne|printemps)(?P<ci>-ci)?\b"
    rf"(?:\s+(?P<rel>{_REL}|en\s+cours|courante?|actuelle?|précédente?|suivante?)\b)?",
    _F,
)
RE_SEASON = _LazyRe(
    rf"\b(?:(?P<det>le)\s+|(?P<ldet>l){_AP})?(?P<s>printemps|été|automne|hiver)\s+"
    rf"(?:de\s+|d{_AP})?(?P<y>{_YEAR})(?!\d)",
    _F,
)
RE_QUARTER = _LazyRe(
    rf"\b(?:(?P<det>le)\s+)?(?P<o>premier|1er|deuxième|second|2e|2ème|2eme|troisième|3e|3ème"
    rf"|3eme|quatrième|4e|4ème|4eme)\s+(?P<u>trimestre|semestre)\b"
    rf"(?:\s+(?:de\s+|d{_AP})?(?:(?P<y>{_YEAR})(?!\d)|l{_AP}année\s+(?P<rel>{_REL})\b"
    r"|cette\s+année\b))?",
    _F,
)
RE_CENTURY = _LazyRe(
    r"\b(?:(?P<det>[Ll]e)\s+)?(?P<n>[IVXL]{1,6}|\d{1,2})(?:e|ème|eme|è|er)\s+(?i:siècle)\b"
)
RE_DECADE = _LazyRe(r"\b(?:(?P<det>les)\s+)?années\s+(?P<d>(?:1[0-9]|20)\d0|\d0)(?![\d])", _F)
RE_VAGUE = _LazyRe(
    r"\b(?P<w>maintenant|actuellement|désormais|autrefois|naguère|jadis|récemment|dernièrement"
    r"|prochainement|bientôt)\b"
    rf"|(?<=\bà\s)(?P<pres>présent)\b|(?<=\b[àÀ]\s)(?P<fut>l{_AP}avenir)\b"
    rf"|(?<=\bdans\s)(?P<fut2>l{_AP}avenir)\b|(?<=\bde\s)(?P<nos>nos\s+jours)\b"
    rf"|(?<=\bà\s)(?P<hact>l{_AP}heure\s+actuelle)\b"
    rf"|(?<=\bpour\s)(?P<mom>le\s+moment|l{_AP}instant)\b",
    _F,
)
RE_PARTUNIT = _LazyRe(
    rf"\b(?:(?P<pdet>la|le)\s+)?(?P<part>début|fin|mi|milieu)(?:\s*-\s*|\s+)"
    rf"(?:du\s+(?P<mois>mois)|de\s+(?P<an>l{_AP}année|l{_AP}an)|de\s+(?P<sem>la\s+semaine)"
    rf"|d{_AP}(?P<an2>année)|de\s+(?P<jour>journée)|de\s+(?P<sem2>semaine)|de\s+(?P<mois2>mois)"
    rf"|de\s+(?P<tod>matinée|soirée)|d{_AP}(?P<tod2>après-midi))\b",
    _F,
)

# "les 3 et 4 décembre", "du 12 au 14 mars 2017": the first day borrows the month (and year)
RE_DAYENUM = _LazyRe(
    rf"(?:(?P<det>le)\s+)?(?<![\d,.])(?P<d>{_DAYNUM})(?:\s*,\s*(?:le\s+)?(?:{_DAYNUM}))*"
    rf"\s*(?:et|ou|à|au|-|–)\s*(?:le\s+)?(?:{_DAYNUM})\s+(?P<m>{_MONTH})\b"
    rf"(?:\s+(?P<y>{_YEAR})(?!\d))?",
    _F,
)
HOLIDAYS = {
    "noël": (12, 25),
    "toussaint": (11, 1),
    "saint-sylvestre": (12, 31),
    "nouvel an": (1, 1),
    "jour de l'an": (1, 1),
    "jour de l\u2019an": (1, 1),
    "14-juillet": (7, 14),
    "assomption": (8, 15),
    "saint-valentin": (2, 14),
    "armistice": (11, 11),
}
RE_HOLIDAY = _LazyRe(
    rf"(?:\b(?P<det>la|le|l{_AP})\s*)?(?P<h>noël|toussaint|saint-sylvestre|nouvel\s+an"
    rf"|jour\s+de\s+l{_AP}an|14-juillet|assomption|saint-valentin)\b(?:\s+(?P<y>{_YEAR})(?!\d))?",
    _F,
)
# dates anaphoric to the last mentioned one: "le lendemain", "la veille au soir"
RE_ANAPH = _LazyRe(
    rf"\b(?:(?P<det>le|la|l{_AP})\s*)?(?P<w>surlendemain|lendemain|avant-veille|veille)\b"
    rf"(?:\s+(?:au\s+)?(?P<tod>matin|soir|après-midi)\b)?",
    _F,
)
# vague stretches: "ces derniers mois", "les prochains jours", "des dernières 24 heures"
RE_VAGUEDUR = _LazyRe(
    rf"\b(?:(?P<det>les|ces)\s+)?(?P<rel>derniers|dernières|prochains|prochaines)\s+"
    rf"(?:(?P<num>{_NUM})\s+)?(?P<unit>ans|années|mois|semaines|jours|journées|heures|minutes"
    r"|décennies|siècles)\b",
    _F,
)
RE_TOUTE = _LazyRe(
    rf"\b(?:toute|tout)\s+(?:la\s+|le\s+|l{_AP}|cette\s+|ce\s+|cet\s+)"
    r"(?P<u>semaine|journée|année|mois|week-end)\b(?!\s+(?:\d|de\s|d['\u2019]))",
    _F,
)
# a part of the day hanging off a preposition: "dans la soirée", "en matinée"
RE_TODREF = _LazyRe(
    rf"(?:(?P<det>la|le|l{_AP})\s*)?(?P<tod>matinée|soirée|nuit|après-midi|matin|soir|journée)\b",
    _F,
)
RE_TODREF_LEFT = _LazyRe(r"(?:\b(?:dans|pendant|durant|courant|au\s+cours\s+de)\s+|\ben\s+)$", _F)
# ages are not timexes (as in HeidelTime French / the French TimeBank)
RE_AGE_LEFT = _LazyRe(
    r"(?:\bâgée?s?\s+(?:de\s+|d['\u2019])|\b(?:l['\u2019]âge|âge)\s+de\s+"
    r"|\b(?:homme|femme|garçon|fille|fillette|adolescente?|ado|enfant|jeune|bébé|nourrisson"
    r"|retraitée?|victime|suspecte?|individu|conducteur|conductrice|automobiliste|motard|piétonn?e?"
    r"|père|mère|fils|frère|sœur|soeur|grand-mère|grand-père|mineure?|joueur|joueuse|militaire"
    r"|soldat|étudiante?|lycéenn?e?|collégienn?e?|patiente?|détenue?|prévenue?|accusée?|migrante?"
    r"|policière?|gendarme|agricultrice|agriculteur|salariée?|ouvrière?|chauffeur|mannequin"
    r"|touriste|randonneuse|randonneur|skieur|skieuse|cycliste|passagère?|élève)s?"
    r"\s+(?:âgée?s?\s+)?(?:de\s+|d['\u2019])(?:\d{1,3}\s+(?:à|et|ou)\s+)?"
    r"|\b(?:les|des|aux)\s+(?:moins|plus)\s+de\s+|\d\s*[-–]\s*)$",
    _F,
)

# left context, tested on a short slice ending where a core expression starts
RE_PART_LEFT = _LazyRe(
    rf"(?:\b(?P<pdet>la|le)\s+)?\b(?P<part>début|fin|mi|milieu|courant)(?:\s*-\s*|\s+)"
    rf"(?:du\s+|de\s+|d{_AP}|des\s+)?$",
    _F,
)
RE_MOISDE_LEFT = _LazyRe(rf"(?:\b(?P<det>le)\s+|\b(?:du|au)\s+)?\bmois\s+d(?:e\s+|{_AP})$", _F)
RE_MONTH_CTX = _LazyRe(
    rf"(?:\b(?:en|de|dès|depuis|jusqu{_AP}en|jusqu{_AP}à|entre|et|ou|à|au|courant|avant|après"
    rf"|fin|début|mi|mois\s+de|d{_AP}ici)\s*-?\s*|\bd{_AP}|\bjusqu{_AP})$",
    _F,
)
RE_YEAR_CTX = _LazyRe(
    rf"(?:\b(?:en|depuis|de|dès|avant|après|jusqu{_AP}en|jusqu{_AP}à|d{_AP}ici|entre|et|ou|à"
    rf"|pour|vers|durant|pendant|courant|fin|début|milieu|puis|cours\s+de|partir\s+de"
    rf"|année|an|printemps|été|automne|hiver|budget|exercice|horizon|saison|édition|millésime"
    rf"|présidentielle|législatives|municipales|européennes|régionales|sénatoriales)\s+"
    rf"|\bd{_AP}|\bmi-|\()$",
    _F,
)
RE_YEAR_FOLLOW = _LazyRe(r"\s+(?P<w>[^\W\d_][\w'\u2019-]*)", re.UNICODE)
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
RE_DUR_TIME_CTX = _LazyRe(
    r"\b(?:à|vers|dès|avant|jusqu['\u2019]à|entre|aux\s+alentours\s+de)\s+$", _F
)
RE_DURATION_CTX = _LazyRe(
    r"\b(?:pendant|durant|plus\s+de|moins\s+de|près\s+de|environ|bout\s+de|en|dans|depuis|de)\s+$",
    _F,
)

# tense cues for the regex fallback (no spaCy Doc)
_FUT_STOP = frozenset(
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
RE_TENSE = _LazyRe(
    r"(?P<vient>\bvien(?:t|nent)\s+d(?:e\s|'|\u2019))"
    r"|(?P<peri>\b(?:va|vont|vais|allons|allez|doit|doivent)\s+(?:\w+\s+)?[^\W\d_]+(?:er|ir|re)\b)"
    r"|(?P<pc>\b(?:a|ont|avait|avaient|avons|avez|ai|eut|aurait|auraient|s['\u2019]est|se\s+sont"
    r"|s['\u2019]était|était|étaient|fut|furent|est(?=\s+(?:arrivée?|partie?|venue?|"
    r"allée?|entrée?|sortie?|morte?|née?|devenue?|revenue?|rentrée?|restée?|tombée?|intervenue?|"
    r"décédée?|retournée?|apparue?|survenue?|parvenue?|passée?|montée?|descendue?)\b))\s+(?:(?:pas|plus|jamais|déjà|aussi|encore|bien|toujours|"
    r"notamment|été|également|alors|ensuite|finalement|récemment|ainsi)\s+)*"
    r"[^\W\d_]+(?:é|ée|és|ées|i|ie|is|ies|it|u|ue|us|ert|erte|int|ainte|uit)\b)"
    r"|(?P<cond>\b[a-zàâçéèêëîïôûù]{2,}(?:rait|raient)\b)"
    r"|(?P<fut>\b[a-zàâçéèêëîïôûù]{1,}(?:ra|ront|rai|rons|rez)\b)"
    r"|(?P<imp>\b[a-zàâçéèêëîïôûù]{2,}(?:ait|aient)\b|\b(?:fut|furent|eut|eurent)\b)"
)
_IMP_STOP = frozenset(
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
RE_OPEN_END_LEFT = _LazyRe(
    r"\b(?:jusqu['\u2019](?:au|à|en)|à\s+partir\s+d[ue]|à\s+compter\s+d[ue]|d['\u2019]ici(?:\s+à|\s+au)?)\s+$",
    _F,
)
RE_SENT_BOUND = _LazyRe(r"[.!?;\n]")
RE_SENT_END = _LazyRe(r"[.!?\n]\s")


# ------------------------------------------------------------------------- anchor/calendar


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


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def value_interval(value: str) -> tuple[date, date] | None:
    """Day interval covered by a resolved TIMEX3 DATE value, or None (REF, X, durations)."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), _month_end(y, mo)
        if m := re.fullmatch(r"(\d{4})", value):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            y, s = int(m[1]), m[2]
            if s == "WI":
                return date(y, 12, 1), _month_end(y + 1, 2)
            first = {"SP": 3, "SU": 6, "FA": 9}[s]
            return date(y, first, 1), _month_end(y, first + 2)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            y, h = int(m[1]), int(m[2])
            return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m := re.fullmatch(r"(\d{3})", value):
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31)
        if m := re.fullmatch(r"(\d{2})", value):
            y = max(int(m[1]) * 100, 1)
            return date(y, 1, 1), date(int(m[1]) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


def narrow(interval: tuple[date, date], mod: str | None) -> tuple[date, date]:
    """First/middle/last third of an interval for START/MID/END, so timelines can sort them."""
    start, end = interval
    n = (end - start).days + 1
    third = n // 3
    if mod not in ("START", "MID", "END") or third < 1:
        return interval
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "END":
        return end - timedelta(days=third - 1), end
    return start + timedelta(days=third), end - timedelta(days=third)


# ------------------------------------------------------------------------------ tense


class _Context:
    """Per-call lazy helpers: sentence bounds, tense of a position, token lookup in a Doc."""

    def __init__(self, text: str, anchor: Anchor, doc) -> None:
        self.text = text
        self.anchor = anchor
        self.doc = doc
        self.low = text
        self._cues: dict[int, list[tuple[int, int, str]]] = {}
        self.prev: list[Timex] = []  # timexes already normalised, in text order
        self._tok_starts: list[int] | None = None

    def sentence(self, pos: int) -> tuple[int, int]:
        """Character span of the sentence (or clause ending in ';') holding ``pos``."""
        text = self.text
        start, end = max(0, pos - 400), min(len(text), pos + 400)
        s0, s1 = start, end
        for m in RE_SENT_BOUND.finditer(text, start, end):
            i = m.start()
            if _is_abbrev_dot(text, i):
                continue
            if i < pos:
                s0 = i + 1
            else:
                s1 = i
                break
        return s0, s1

    def tense(self, start: int, end: int) -> str | None:
        """'past', 'future' or None (present/unknown) for the clause around [start, end)."""
        if self.doc is not None:
            # a verb just before, in the same clause, beats the parse ("ont battu X samedi et
            # affronteront Y vendredi": the small model often hangs "vendredi" on "battu")
            near = self._tense_regex(start, end, near_left=True)
            if near is not None:
                return near
            try:
                t = self._tense_doc(start)
            except Exception:  # a Doc of another text or an odd model: fall back to regex
                t = None
            if t is not None:
                return t
        return self._tense_regex(start, end)

    def _tense_doc(self, start: int) -> str | None:
        if self._tok_starts is None:
            self._tok_starts = self.doc.to_array("IDX").tolist()  # no Token per token
        i = bisect.bisect_right(self._tok_starts, start) - 1
        if i < 0 or i >= len(self.doc):
            return None
        tok = self.doc[i]
        for _ in range(5):
            if tok.pos_ in ("VERB", "AUX"):
                break
            if tok.head is tok or tok.head.i == tok.i:
                return None
            tok = tok.head
        else:
            return None
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        return _verb_tense(tok)

    def _tense_regex(self, start: int, end: int, near_left: bool = False) -> str | None:
        s0, s1 = self.sentence(start)
        cues = self._cues.get(s0)
        if cues is None:
            cues = self._cues[s0] = _tense_cues(self.text, s0, s1)
        best: tuple[int, str] | None = None
        text = self.text
        for c0, c1, tense in cues:
            if start <= c0 < end:
                continue
            if c1 <= start:  # French puts the verb before its adjunct: left cues weigh less
                dist, gap = start - c1, text[c1:start]
                if near_left and (dist > 40 or "," in gap or " et " in gap):
                    continue
            elif near_left:
                continue
            else:
                dist, gap = 2 * (c0 - end) + 5, text[end:c0]
            if "," in gap or " et " in gap:
                dist += 30  # another clause
            if best is None or dist < best[0]:
                best = (dist, tense)
        return best[1] if best else None


def _tense_cues(text: str, s0: int, s1: int) -> list[tuple[int, int, str]]:
    """Verb forms of one sentence that tell past or future, as (start, end, tense)."""
    cues = []
    for m in RE_TENSE.finditer(text, s0, s1):
        kind = m.lastgroup
        word = m.group(0).lower()
        if kind == "fut" and (word in _FUT_STOP or len(word) < 4 and word != "ira"):
            continue
        if kind == "imp" and word in _IMP_STOP:
            continue
        tense = {
            "vient": "past",
            "peri": "future",
            "pc": "past",
            "cond": "future",
            "fut": "future",
            "imp": "past",
        }[kind]
        cues.append((m.start(), m.end(), tense))
    return cues


def _verb_tense(verb) -> str | None:
    """Tense of a spaCy verb with its auxiliaries: future/conditional -> 'future', past -> 'past'.

    The small French model often mislabels conditionals as imperfects, so the surface ending
    ('-rait', '-raient') is trusted over the morphology.
    """
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    active = [a for a in auxes if a.dep_ != "aux:pass"]
    vform = verb.morph.get("VerbForm")
    participle = "Part" in vform

    def cond(t) -> bool:
        return "Cnd" in t.morph.get("Mood") or t.lower_.endswith(("rait", "raient"))

    if "Inf" in vform and (
        verb.head.i != verb.i
        and verb.head.lemma_ in ("aller", "devoir")
        or any(a.lemma_ == "aller" for a in auxes)
    ):
        return "future"
    if any(cond(a) for a in active):
        return "past" if participle else "future"
    if cond(verb) or any(cond(a) for a in auxes):
        return "future"
    if any("Fut" in t.morph.get("Tense") for t in [verb, *auxes]):
        return "future"
    if participle:
        if any(a.lemma_ in ("avoir", "être") for a in active):
            return "past"
        if any({"Past", "Imp"} & set(a.morph.get("Tense")) for a in auxes):
            return "past"
        return None
    tense = verb.morph.get("Tense")
    if "Past" in tense or "Imp" in tense:
        return "past"
    return None


def _is_abbrev_dot(text: str, i: int) -> bool:
    """'M.' or 'av.' or '2.0' do not end a sentence."""
    if text[i] != ".":
        return False
    if i + 1 < len(text) and text[i + 1].isdigit():
        return True
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    return len(word) <= 2 and word[:1].isupper() or word in ("av", "apr", "J", "C")


# ------------------------------------------------------------------------ candidates


@dataclass
class _Cand:
    """A matched span with what normalisation needs; ``make`` builds the Timex later."""

    start: int
    end: int
    prio: int
    make: Callable[[_Context, _Cand], Timex | None]
    data: dict = field(default_factory=dict)


def _left(text: str, pos: int, width: int = 40) -> str:
    return text[max(0, pos - width) : pos]


def _extend_part(text: str, start: int) -> tuple[int, str | None, bool]:
    """Extend a core date leftwards over 'la fin du', 'début', 'mi-'; returns (start, mod, found)."""
    m = RE_PART_LEFT.search(_left(text, start))
    if not m:
        return start, None, False
    off = start - len(_left(text, start))
    return off + m.start(), PART_MODS[m.group("part").lower()], True


def _extend_moisde(text: str, start: int) -> tuple[int, bool]:
    """'le mois de mars' / 'du mois de mars' -> start of 'le mois' / 'mois'."""
    m = RE_MOISDE_LEFT.search(_left(text, start, 25))
    if not m:
        return start, False
    off = start - len(_left(text, start, 25))
    s = off + (m.start("det") if m.group("det") else m.start() + m.group(0).lower().find("mois"))
    return s, True


# Core words: cheap case-sensitive scans over the lower-cased text; each hit then tries the
# few full rules that can contain it, anchored at the word starts just before it (at most
# ``back`` words back: the longest optional lead-in of that rule, e.g. "il y a un peu plus de").
CORE_MONTH = _LazyRe(rf"(?:{_MONTH}|{_MONTH_ABBR})\b")
CORE_WD = _LazyRe(rf"(?:{_WD})s?\b")
CORE_UNIT = _LazyRe(
    r"(?:ans?|années?|mois|semaines?|jours?|journées?|heures?|minutes?|secondes?|décennies?"
    r"|siècles?|trimestres?|semestres?|week-ends?|weekend|été|hiver|automne|printemps|fois)\b"
)
CORE_DIGIT = _LazyRe(r"\d+")
CORE_WORD = _LazyRe(
    r"(?:avant-hier|après-demain|hier|aujourd|demain|maintenant|actuellement|désormais|autrefois"
    r"|naguère|lendemain|surlendemain|veille|noël|toussaint|saint-sylvestre|nouvel\s+an"
    r"|jour\s+de\s+l['\u2019]an|14-juillet|assomption|saint-valentin"
    r"|jadis|récemment|dernièrement|prochainement|bientôt|présent|avenir|nos\s+jours"
    r"|heure\s+actuelle|moment|instant|matin|matinée|midi|soir|soirée|nuit|minuit|chaque"
    r"|tous|toutes)\b"
)
RE_WORD_START = _LazyRe(r"\b\w")
_LOOKBACK = 48


def _safe_lower(text: str) -> str:
    """Lower-case without changing any offset (a few characters lengthen under str.lower)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _b_daymonth(text: str, low: str, m: re.Match) -> _Cand | None:
    s = m.start("det") if m.group("det") else (m.start("wd") if m.group("wd") else m.start("d"))
    return _Cand(s, m.end(), 1, _make_daymonth, {"m": m})


def _b_simple(prio: int, make: Callable) -> Callable:
    def build(text: str, low: str, m: re.Match) -> _Cand | None:
        return _Cand(m.start(), m.end(), prio, make, {"m": m})

    return build


def _b_weekday(text: str, low: str, m: re.Match) -> _Cand | None:
    s = m.start()
    if (
        text[m.start("wd")].isupper()
        and not m.group("det")
        and not _sentence_initial(text, s)
        and not m.group("rel")
        and not m.group("tod")
    ):
        return None
    return _Cand(s, m.end(), 3, _make_weekday, {"m": m})


def _b_season(text: str, low: str, m: re.Match) -> _Cand | None:
    s, mod, _ = _extend_part(low, m.start())
    return _Cand(s, m.end(), 1, _make_season, {"m": m, "mod": mod})


def _b_decade(text: str, low: str, m: re.Match) -> _Cand | None:
    s, mod, _ = _extend_part(low, m.start())
    return _Cand(s, m.end(), 1, _make_decade, {"m": m, "mod": mod})


def _b_dayenum(text: str, low: str, m: re.Match) -> _Cand | None:
    s = m.start("det") if m.group("det") else m.start("d")
    return _Cand(s, m.end("d"), 1, _make_dayenum, {"m": m})


def _b_anaph(text: str, low: str, m: re.Match) -> _Cand | None:
    if not m.group("det") and not re.search(r"\b(?:au|du|dès\s+le)\s+$", _left(low, m.start(), 8)):
        return None
    return _Cand(m.start(), m.end(), 1, _make_anaph, {"m": m})


def _b_vaguedur(text: str, low: str, m: re.Match) -> _Cand | None:
    if not m.group("det") and not re.search(r"\b(?:des|aux)\s+$", _left(low, m.start(), 6)):
        return None  # "ses derniers jours"
    n = None
    if m.group("num"):
        n = parse_number(m.group("num"))
        if n is None:
            return None
    return _Cand(m.start(), m.end(), 2, _make_vaguedur, {"m": m, "n": n})


def _b_todref(text: str, low: str, m: re.Match) -> _Cand | None:
    left = _left(low, m.start(), 20)
    lm = RE_TODREF_LEFT.search(left)
    if not lm:
        return None
    if bool(m.group("det")) == lm.group(0).startswith("en"):
        return None  # "dans la soirée", "en soirée"; not "en la", not "dans soirée"
    if m.group("tod") in ("matin", "soir") and not m.group("det"):
        return None
    return _Cand(m.start(), m.end(), 3, _make_todref, {"m": m})


def _b_holiday(text: str, low: str, m: re.Match) -> _Cand | None:
    h = m.group("h")
    if not text[m.start("h")].isupper() and h != "nouvel an":
        return None  # "la toussaint" in lower case is rare; "noël" as a common noun too
    if re.match(r"\s+[A-Z]", text[m.end() : m.end() + 3]) and not m.group("y"):
        return None  # a first name: "Noël Le Graët"
    if h in ("assomption", "armistice") and not m.group("det"):
        return None
    return _Cand(m.start(), m.end(), 1, _make_holiday, {"m": m})


_R_DAYMONTH = (RE_DAYMONTH, _b_daymonth, 3)
_R_HOLIDAY = (RE_HOLIDAY, _b_holiday, 3)
_R_DAYENUM = (RE_DAYENUM, _b_dayenum, 1)
_R_ANAPH = (RE_ANAPH, _b_anaph, 2)
_R_VAGUEDUR = (RE_VAGUEDUR, _b_vaguedur, 3)
_R_TOUTE = (RE_TOUTE, _b_simple(2, lambda c, x: _make_toute(c, x)), 3)
_R_TODREF = (RE_TODREF, _b_todref, 3)
_R_MONTH = (RE_MONTH, lambda t, lo, m: _month_cand(t, lo, m), 0)
_R_NIGHT = (RE_NIGHT, _b_simple(1, lambda c, x: _make_night(c, x)), 6)
_R_WEEKDAY = (RE_WEEKDAY, _b_weekday, 1)
_R_SET = (RE_SET, _b_simple(1, lambda c, x: _make_set(c, x)), 4)
_R_DURATION = (RE_DURATION, lambda t, lo, m: _duration_cand(t, lo, m), 8)
_R_RELUNIT = (RE_RELUNIT, lambda t, lo, m: _relunit_cand(t, lo, m), 2)
_R_SEASON = (RE_SEASON, _b_season, 2)
_R_QUARTER = (RE_QUARTER, _b_simple(1, lambda c, x: _make_quarter(c, x)), 2)
_R_DECADE = (RE_DECADE, _b_decade, 1)
_R_PARTUNIT = (RE_PARTUNIT, _b_simple(4, lambda c, x: _make_partunit(c, x)), 5)
_R_NUMDATE = (RE_NUMDATE, _b_simple(1, lambda c, x: _make_numdate(c, x)), 1)
_R_YEAR = (RE_YEAR, lambda t, lo, m: _year_cand(t, lo, m), 3)
_R_CLOCK = (RE_CLOCK, lambda t, lo, m: _clock_cand(t, lo, m), 2)
_R_DEICTIC = (RE_DEICTIC, _b_simple(2, lambda c, x: _make_deictic(c, x)), 2)
_R_VAGUE = (RE_VAGUE, lambda t, lo, m: _vague_cand(t, lo, m), 1)

_DISPATCH = (
    (CORE_MONTH, (_R_DAYMONTH, _R_MONTH, _R_NIGHT)),
    (CORE_WD, (_R_WEEKDAY, _R_NIGHT, _R_SET)),
    (
        CORE_UNIT,
        (
            _R_DURATION,
            _R_SET,
            _R_RELUNIT,
            _R_SEASON,
            _R_QUARTER,
            _R_DECADE,
            _R_PARTUNIT,
            _R_CLOCK,
            _R_VAGUEDUR,
            _R_TOUTE,
            _R_TODREF,
        ),
    ),
    (CORE_DIGIT, (_R_NUMDATE, _R_YEAR, _R_CLOCK, _R_DAYENUM)),
    (
        CORE_WORD,
        (_R_DEICTIC, _R_VAGUE, _R_CLOCK, _R_SET, _R_ANAPH, _R_TOUTE, _R_TODREF, _R_HOLIDAY),
    ),
)


def _find_candidates(text: str, low: str) -> list[_Cand]:
    """Find core words, then try the rules that may contain each one, anchored just before it."""
    cands: list[_Cand] = []
    seen: set[tuple[int, int, int]] = set()
    for core, rules in _DISPATCH:
        for hit in core.finditer(low):
            p = hit.start()
            if p > 0 and low[p - 1].isalnum():
                continue
            before = [w.start() for w in RE_WORD_START.finditer(low, max(0, p - _LOOKBACK), p)]
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
    if "siècle" in low:
        for m in RE_CENTURY.finditer(text):
            c = _century_cand(text, low, m)
            if c:
                cands.append(c)
    return cands


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip(" \u00a0\t«\"'(")
    return not before or before[-1] in '.!?\n:«"'


def _month_cand(text: str, low: str, m: re.Match) -> _Cand | None:
    """A month name is a date only with a year, 'dernier/prochain', or a temporal left context."""
    start = m.start()
    start, moisde = _extend_moisde(low, start)
    pstart, mod, part = _extend_part(low, start)
    has_year, has_rel = bool(m.group("y")), bool(m.group("rel"))
    if not (has_year or has_rel or part or moisde):
        if text[m.start()].isupper() and not _sentence_initial(text, m.start()):
            return None
        if not RE_MONTH_CTX.search(_left(low, m.start(), 20)):
            return None
    return _Cand(pstart, m.end(), 2, _make_month, {"m": m, "mod": mod})


def _year_cand(text: str, low: str, m: re.Match) -> _Cand | None:
    """A bare 4-digit number is a year after a temporal word and when no noun follows it."""
    y0 = m.start("det") if m.group("det") else m.start("y")
    pstart, mod, part = _extend_part(low, y0)
    ok = bool(m.group("det")) or part
    left = _left(low, m.start("y"), 25)
    if not ok:
        ok = bool(RE_YEAR_CTX.search(left))
        lo = 1000 if re.search(r"\b(?:en|dès|depuis|vers|an)\s+$", left) else 1500
        if ok and not lo <= int(m.group("y")) <= 2199:
            ok = False
    if not ok:
        return None
    f = RE_YEAR_FOLLOW.match(text, m.end())
    if f:
        w = f.group("w")
        wl = w.lower()
        if (
            w[0].islower()
            and wl not in YEAR_OK_FOLLOWERS
            and not wl.startswith(("l'", "d'", "l\u2019", "d\u2019", "qu", "s'", "n'"))
        ):
            return None
        if wl == "en" and re.match(r"\s+en\s+\d{4}", low[m.end() : m.end() + 10]):
            return None  # "passés de 2000 en 2010": a count, then the year
    if re.match(r"\s*(?:€|\$|euros?|dollars?)", low[m.end() : m.end() + 8]):
        return None
    return _Cand(pstart, m.end(), 2, _make_year, {"m": m, "mod": mod})


def _clock_cand(text: str, low: str, m: re.Match) -> _Cand | None:
    """'14 h 30', '14h', 'à 10 heures', 'à midi' -> TIME; '48 h' -> DURATION."""
    left = _left(low, m.start(), 25)
    if m.group("noon"):
        if not re.search(r"\b(?:à|vers|dès|avant|après|jusqu['\u2019]à|entre|de)\s+$", left, _F):
            return None
        return _Cand(
            m.start(),
            m.end(),
            2,
            _make_clock,
            {"h": 12 if m.group("noon").lower() == "midi" else 24, "mi": 0},
        )
    if m.group("h") is not None:
        h, mi = int(m.group("h")), int(m.group("mi") or 0)
        if h > 24 or RE_DURATION_CTX.search(left) and not re.search(r"\bdepuis\s+$", left):
            return None  # left to the duration rule
        return _Cand(m.start(), m.end(), 2, _make_clock, {"h": h, "mi": mi})
    n = parse_number(m.group("h2"))
    if n is None or n > 24 or not (RE_DUR_TIME_CTX.search(left) or m.group("ampm")):
        return None
    h = int(n)
    ampm = (m.group("ampm") or "").lower()
    if ("soir" in ampm or "midi" in ampm) and h < 12:
        h += 12
    if ampm and h > 24:
        return None
    return _Cand(m.start(), m.end(), 0, _make_clock, {"h": h, "mi": int(m.group("mi2") or 0)})


def _duration_cand(text: str, low: str, m: re.Match) -> _Cand | None:
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
    s = m.start()
    if m.group("det") and not m.group("rel"):
        s = (
            m.start("mod")
            if m.group("mod")
            else (m.start("mod2") if m.group("mod2") else m.start("num"))
        )
        if m.group("ilya"):
            s = m.start()
    return _Cand(s, m.end(), 2, _make_duration, {"m": m, "n": n})


def _is_age(text: str, low: str, m: re.Match) -> bool:
    """'âgé de 45 ans', 'un homme de 45 ans', 'Kylian Mbappé, 19 ans,', 'mort à 82 ans'."""
    s = m.start("mod") if m.group("mod") else (m.start("mod2") if m.group("mod2") else m.start())
    if m.group("det"):
        s = m.start("num")
    left = _left(low, s, 60)
    if RE_AGE_LEFT.search(left):
        return True
    right = low[m.end() : m.end() + 6]
    if (
        m.group("num")[0].isdigit()
        and re.match(r"\s*[,)]", right)
        and (
            re.search(r"\(\s*$", left)
            or re.search(r"[^\W\d_][\w'\u2019-]*\s*,\s*$", left)
            and text[:s].rstrip(" ,").split(" ")[-1][:1].isupper()
        )
    ):
        return True  # apposition after a name: "Marie Dupont, 45 ans, ..."
    right = low[m.end() : m.end() + 10]
    if re.search(r"\bà\s+$", left) and not re.match(r"\s+(?:de\s|d['\u2019](?!ici))", right):
        return not re.search(r"\bcondamnée?s?\s+à\s+$", left)
    return False


def _relunit_cand(text: str, low: str, m: re.Match) -> _Cand | None:
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
    return _Cand(s, m.end(), 1, _make_relunit, {"m": m, "mod": mod})


def _century_cand(text: str, low: str, m: re.Match) -> _Cand | None:
    raw = m.group("n")
    n = int(raw) if raw.isdigit() else roman_to_int(raw)
    if not n or n > 30:
        return None
    s, mod, _ = _extend_part(low, m.start())
    return _Cand(s, m.end(), 1, _make_century, {"n": n, "mod": mod})


def _vague_cand(text: str, low: str, m: re.Match) -> _Cand | None:
    w = m.group("w")
    if w:
        left = _left(low, m.start(), 6)
        if w.lower() == "maintenant" and re.search(r"\ben\s+$", left):
            return None  # gerund of "maintenir"
        return _Cand(m.start(), m.end(), 5, _make_vague, {"w": w.lower()})
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
            return _Cand(m.start(g), m.end(g), 5, _make_vague, {"w": key})
    return None


# ---------------------------------------------------------------------- normalisers


def _tx(
    ctx: _Context,
    c: _Cand,
    typ: str,
    value: str,
    precision: str | None,
    relative: bool = False,
    mod: str | None = None,
) -> Timex:
    """Build the Timex with its interval when the value is a resolved calendar value."""
    iv = None
    if typ in ("DATE", "TIME") and "X" not in value and not value.endswith("_REF"):
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


def _direction(ctx: _Context, c: _Cand, rel: str | None) -> str | None:
    rel = (rel or "").lower()
    if rel in LAST_WORDS:
        return "last"
    if rel in NEXT_WORDS:
        return "next"
    if RE_OPEN_END_LEFT.search(_left(ctx.low, c.start, 20)):
        return "open"  # "prolongé jusqu'au 15 avril": the verb's tense says nothing of the date
    return ctx.tense(c.start, c.end)


def _year_near(ctx: _Context, c: _Cand, month: int, day: int | None, rel: str | None) -> int | None:
    """Year of an underspecified month (day): see ``_year_for_month``; the tense counts as
    strong only when read off a verb just before, in the same clause."""
    direction = _direction(ctx, c, rel)
    strong = direction in ("last", "next") or (
        direction in ("past", "future")
        and ctx._tense_regex(c.start, c.end, near_left=True) == direction
    )
    return _year_for_month(ctx.anchor, month, day, direction, strong)


def _year_for_month(
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
    dists = {k: _dist_days(here, k, month, day) for k in (a.year - 1, a.year, a.year + 1)}
    nearest = min(dists, key=lambda k: (dists[k], abs(k - a.year)))
    if y is None or dists[y] >= 300 and dists[nearest] <= 45:
        return nearest
    return y


def _dist_days(here: date, y: int, month: int, day: int | None) -> int:
    """Days from ``here`` to the month (or day) of year ``y``; 0 inside it."""
    if day is not None:
        d = day if day <= 28 else min(day, calendar.monthrange(y, month)[1])
        lo = hi = date(y, month, d)
    else:
        lo, hi = date(y, month, 1), _month_end(y, month)
    if here < lo:
        return (lo - here).days
    if here > hi:
        return (here - hi).days
    return 0


def _make_daymonth(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    d = 1 if m.group("d").lower() in ("1er", "premier") else int(m.group("d"))
    mo = MONTHS[m.group("m").lower()] if m.group("m") else MONTH_ABBR[m.group("ma").lower()]
    if not 1 <= d <= 31 or d > calendar.monthrange(2000, mo)[1]:
        return None
    if m.group("y"):
        y, relative = int(m.group("y")), False
    else:
        y = _year_near(ctx, c, mo, d, m.group("rel"))
        relative = True
    return _day_timex(ctx, c, y, mo, d, relative)


def _day_timex(ctx: _Context, c: _Cand, y: int | None, mo: int, d: int, relative: bool) -> Timex | None:
    """A day date; ``XXXX`` when no year could be found, nothing for an impossible day."""
    if y is None:
        return _tx(ctx, c, "DATE", f"XXXX-{mo:02d}-{d:02d}", "day", True)
    try:
        date(y, mo, d)
    except ValueError:
        return None
    return _tx(ctx, c, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day", relative)


def _make_dayenum(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    d = 1 if m.group("d").lower() in ("1er", "premier") else int(m.group("d"))
    mo = MONTHS[m.group("m").lower()]
    if not 1 <= d <= calendar.monthrange(2000, mo)[1]:
        return None
    if m.group("y"):
        y, relative = int(m.group("y")), False
    else:
        y, relative = _year_near(ctx, c, mo, d, None), True
    return _day_timex(ctx, c, y, mo, d, relative)


def _ref(
    ctx: _Context, c: _Cand, need: str, same_sentence: bool = False, window: int = 0
) -> Anchor:
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


def _make_holiday(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    mo, d = HOLIDAYS[re.sub(r"\s+", " ", m.group("h"))]
    if m.group("y"):
        return _tx(ctx, c, "DATE", f"{int(m.group('y')):04d}-{mo:02d}-{d:02d}", "day")
    y = _year_near(ctx, c, mo, d, None)
    if y is None:
        return _tx(ctx, c, "DATE", f"XXXX-{mo:02d}-{d:02d}", "day", True)
    return _tx(ctx, c, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day", True)


def _make_anaph(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    w = m.group("w")
    off = {"lendemain": 1, "surlendemain": 2, "veille": -1, "avant-veille": -2}[w]
    ref = _ref(ctx, c, "day")
    ds = (ref.date + timedelta(days=off)).isoformat() if ref.date else "XXXX-XX-XX"
    if m.group("tod"):
        return _tx(ctx, c, "TIME", f"{ds}T{PARTS_OF_DAY[m.group('tod')]}", "time", True)
    return _tx(ctx, c, "DATE", ds, "day", True)


def _make_vaguedur(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    desig, is_time = UNITS[m.group("unit")]
    return _tx(ctx, c, "DURATION", f"P{'T' if is_time else ''}{_fmt_num(c.data['n'])}{desig}", None)


def _make_toute(ctx: _Context, c: _Cand) -> Timex | None:
    u = c.data["m"].group("u")
    value = {
        "semaine": "P1W",
        "journée": "P1D",
        "année": "P1Y",
        "mois": "P1M",
        "week-end": "P1WE",
    }[u]
    return _tx(ctx, c, "DURATION", value, None)


def _make_todref(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    ref = _ref(ctx, c, "day", window=300)  # "dans la soirée": of the day being narrated
    ds = ref.date.isoformat() if ref.date else "XXXX-XX-XX"
    tod = m.group("tod")
    if tod == "journée":
        return _tx(ctx, c, "DATE", ds, "day", True)
    return _tx(ctx, c, "TIME", f"{ds}T{PARTS_OF_DAY[tod]}", "time", True)


def _make_numdate(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    if m.group("iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    try:
        date(y, mo, d)
    except ValueError:
        return None
    return _tx(ctx, c, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day")


def _make_month(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    mo = MONTHS[m.group("m").lower()]
    if m.group("y"):
        return _tx(ctx, c, "DATE", f"{int(m.group('y')):04d}-{mo:02d}", "month", mod=c.data["mod"])
    y = _year_near(ctx, c, mo, None, m.group("rel"))
    value = f"{y:04d}-{mo:02d}" if y is not None else f"XXXX-{mo:02d}"
    return _tx(ctx, c, "DATE", value, "month", True, c.data["mod"])


def _make_year(ctx: _Context, c: _Cand) -> Timex | None:
    return _tx(ctx, c, "DATE", f"{int(c.data['m'].group('y')):04d}", "year", mod=c.data["mod"])


def _weekday_date(ctx: _Context, c: _Cand, wd: int, rel: str | None) -> date | None:
    """The date of a weekday near the anchor: back for past/'dernier', ahead for future."""
    ad = ctx.anchor.date
    if ad is None:
        return None
    direction = _direction(ctx, c, rel)
    if direction == "open":
        direction = None
    elif direction is None:
        ref = _ref(ctx, c, "day", same_sentence=True)
        if ref.date and ref != ctx.anchor and abs((ref.date - ad).days) <= 7:
            direction = "future" if ref.date > ad else ("past" if ref.date < ad else None)
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


def _make_weekday(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    wd = WEEKDAYS[m.group("wd").lower()]
    d = _weekday_date(ctx, c, wd, m.group("rel"))
    tod = m.group("tod")
    if tod:
        part = PARTS_OF_DAY[tod.lower()]
        value = f"{d.isoformat()}T{part}" if d else f"XXXX-WXX-{wd}T{part}"
        return _tx(ctx, c, "TIME", value, "time", True)
    return _tx(ctx, c, "DATE", d.isoformat() if d else f"XXXX-WXX-{wd}", "day", True)


def _make_night(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    if m.group("wd1"):
        d = _weekday_date(ctx, c, WEEKDAYS[m.group("wd1").lower()], None)
        value = f"{d.isoformat()}TNI" if d else f"XXXX-WXX-{WEEKDAYS[m.group('wd1').lower()]}TNI"
        return _tx(ctx, c, "TIME", value, "time", True)
    day = 1 if m.group("d1").lower() in ("1er", "premier") else int(m.group("d1"))
    mo = MONTHS[m.group("m").lower()]
    if m.group("y"):
        y, relative = int(m.group("y")), False
    else:
        y, relative = _year_near(ctx, c, mo, day, None), True
    try:
        ds = date(y, mo, day).isoformat() if y else f"XXXX-{mo:02d}-{day:02d}"
    except ValueError:
        return None
    return _tx(ctx, c, "TIME", f"{ds}TNI", "time", relative)


def _make_deictic(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    ad = ctx.anchor.date
    if m.group("lastn"):
        offset, tod = -1, "nuit"
    elif m.group("this"):
        offset, tod = 0, m.group("tod2")
    else:
        w = m.group("w").lower().replace("\u2019", "'")
        offset = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "après-demain": 2}[w]
        tod = m.group("tod")
    ds = (ad + timedelta(days=offset)).isoformat() if ad else "XXXX-XX-XX"
    if tod:
        return _tx(ctx, c, "TIME", f"{ds}T{PARTS_OF_DAY[tod.lower()]}", "time", True)
    return _tx(ctx, c, "DATE", ds, "day", True)


def _make_clock(ctx: _Context, c: _Cand) -> Timex | None:
    ds = c.data.get("date") or (ctx.anchor.date.isoformat() if ctx.anchor.date else "XXXX-XX-XX")
    relative = "date" not in c.data
    return _tx(ctx, c, "TIME", f"{ds}T{c.data['h']:02d}:{c.data['mi']:02d}", "time", relative)


def _fmt_num(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


def _duration_mod(m: re.Match) -> str | None:
    raw = (m.group("mod") or m.group("mod2") or "").lower()
    raw = re.sub(r"\s+", " ", raw)
    for key, mod in DURATION_MODS:
        if raw == key:
            return mod
    return None


def _make_duration(ctx: _Context, c: _Cand) -> Timex | None:
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
    value = f"P{'T' if is_time else ''}{_fmt_num(n)}{desig}"
    return _tx(ctx, c, "DURATION", value, None, mod=mod)


def _ago(
    ctx: _Context, c: _Cand, n: float | None, desig: str, is_time: bool, mod: str | None
) -> Timex:
    """'il y a deux ans' -> the anchor minus two years, at the unit's granularity."""
    a = ctx.anchor
    if n is None:
        return _tx(ctx, c, "DATE", "PAST_REF", None, mod=mod)
    k = int(n)
    if desig == "Y" and not is_time and a.year:
        return _tx(ctx, c, "DATE", f"{a.year - k:04d}", "year", True, mod)
    if desig in ("DE", "CE") and a.year:
        return _tx(
            ctx, c, "DATE", f"{a.year - k * (10 if desig == 'DE' else 100):04d}", "year", True, mod
        )
    if desig == "M" and not is_time and a.year and a.month:
        y, mo = _shift_month(a.year, a.month, -k)
        return _tx(ctx, c, "DATE", f"{y:04d}-{mo:02d}", "month", True, mod)
    if desig == "W" and not is_time and a.date:
        y, w, _ = (a.date - timedelta(weeks=k)).isocalendar()
        return _tx(ctx, c, "DATE", f"{y:04d}-W{w:02d}", "week", True, mod)
    if a.date:
        days = {"W": 7 * n, "D": n, "H": n / 24, "M": n / 1440, "S": n / 86400}.get(desig, 0)
        d = a.date - timedelta(days=int(round(days)) if desig != "H" else int(days + 0.5))
        return _tx(ctx, c, "DATE", d.isoformat(), "day", True, mod)
    return _tx(ctx, c, "DATE", "PAST_REF", None, True, mod)


def _make_set(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    u = (m.group("u") or m.group("u2") or m.group("u3")).lower()
    n = 1.0
    if m.group("n"):
        n = parse_number(m.group("n")) or 1.0
    k = _fmt_num(n)
    base = u[:-1] if u.endswith("s") and u not in ("mois",) else u
    if base in WEEKDAYS:
        return _tx(ctx, c, "SET", f"XXXX-WXX-{WEEKDAYS[base]}", None)
    if base in ("matin", "soir", "nuit"):
        return _tx(ctx, c, "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[base]}", None)
    if base in SEASONS:
        return _tx(ctx, c, "SET", f"XXXX-{SEASONS[base]}", None)
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
        "été": "XXXX-SU",
        "hiver": "XXXX-WI",
    }.get(base)
    if value is None:
        return None
    return _tx(ctx, c, "SET", value, None)


def _anchor_season(a: Anchor) -> tuple[int, str] | None:
    """Season of the anchor date, as (year the season is labelled with, code)."""
    if not (a.year and a.month):
        return None
    s = SEASON_OF_MONTH[a.month]
    return (a.year - 1 if a.month <= 2 else a.year), s


def _make_relunit(ctx: _Context, c: _Cand) -> Timex | None:
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
    mod = c.data["mod"]
    if u in ("année", "an"):
        v = f"{a.year + k:04d}" if a.year else "XXXX"
        return _tx(ctx, c, "DATE", v, "year", True, mod)
    if u == "mois":
        if a.year and a.month:
            y, mo = _shift_month(a.year, a.month, k)
            return _tx(ctx, c, "DATE", f"{y:04d}-{mo:02d}", "month", True, mod)
        return _tx(ctx, c, "DATE", "XXXX-XX", "month", True, mod)
    if u in ("semaine", "week-end", "weekend"):
        we = "" if u == "semaine" else "-WE"
        if a.date:
            y, w, _ = (a.date + timedelta(weeks=k)).isocalendar()
            return _tx(ctx, c, "DATE", f"{y:04d}-W{w:02d}{we}", "week", True, mod)
        return _tx(ctx, c, "DATE", f"XXXX-WXX{we}", "week", True, mod)
    if u in ("trimestre", "semestre"):
        size = 3 if u == "trimestre" else 6
        code = "Q" if u == "trimestre" else "H"
        if a.year and a.month:
            idx = a.year * (12 // size) + (a.month - 1) // size + k
            y, q = divmod(idx, 12 // size)
            return _tx(ctx, c, "DATE", f"{y:04d}-{code}{q + 1}", "quarter", True, mod)
        return _tx(ctx, c, "DATE", f"XXXX-{code}X", "quarter", True, mod)
    if u == "siècle":
        v = f"{(a.year - 1) // 100 + k:02d}" if a.year else "XX"
        return _tx(ctx, c, "DATE", v, "century", True, mod)
    s = SEASONS[u]
    cur = _anchor_season(a)
    if cur is None:
        if a.year and k == 0:
            return _tx(ctx, c, "DATE", f"{a.year:04d}-{s}", "season", True, mod)
        return _tx(ctx, c, "DATE", f"XXXX-{s}", "season", True, mod)
    if k == 0:
        y = a.year if not (s == "WI" and a.month <= 2) else a.year - 1
    else:
        y = cur[0]
        target, here = _SEASON_RANK[s], _SEASON_RANK[cur[1]]
        y += (0 if target < here else -1) if k < 0 else (0 if target > here else 1)
    return _tx(ctx, c, "DATE", f"{y:04d}-{s}", "season", True, mod)


def _make_season(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    return _tx(
        ctx,
        c,
        "DATE",
        f"{int(m.group('y')):04d}-{SEASONS[m.group('s').lower()]}",
        "season",
        mod=c.data["mod"],
    )


def _make_quarter(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    q = ORDINALS[m.group("o").lower()]
    code = "Q" if m.group("u").lower() == "trimestre" else "H"
    if code == "H" and q > 2:
        return None
    a = ctx.anchor
    if m.group("y"):
        return _tx(ctx, c, "DATE", f"{int(m.group('y')):04d}-{code}{q}", "quarter")
    k = (
        -1
        if (m.group("rel") or "").lower() in LAST_WORDS
        else (1 if (m.group("rel") or "").lower() in NEXT_WORDS else 0)
    )
    v = f"{a.year + k:04d}-{code}{q}" if a.year else f"XXXX-{code}{q}"
    return _tx(ctx, c, "DATE", v, "quarter", True)


def _make_century(ctx: _Context, c: _Cand) -> Timex | None:
    return _tx(ctx, c, "DATE", f"{c.data['n'] - 1:02d}", "century", mod=c.data["mod"])


def _make_decade(ctx: _Context, c: _Cand) -> Timex | None:
    d = c.data["m"].group("d")
    if len(d) == 2:
        d = ("20" if d in ("00", "10") else "19") + d
    return _tx(ctx, c, "DATE", d[:3], "decade", mod=c.data["mod"])


def _make_vague(ctx: _Context, c: _Cand) -> Timex | None:
    return _tx(ctx, c, "DATE", VAGUE[c.data["w"]], None)


def _make_partunit(ctx: _Context, c: _Cand) -> Timex | None:
    m = c.data["m"]
    a = ctx.anchor
    mod = PART_MODS[m.group("part").lower()]
    if m.group("jour") or m.group("tod") or m.group("tod2"):
        ref = _ref(ctx, c, "day", same_sentence=True)
        ds = ref.date.isoformat() if ref.date else "XXXX-XX-XX"
        if m.group("jour"):
            return _tx(ctx, c, "DATE", ds, "day", True, mod)
        part = PARTS_OF_DAY[m.group("tod") or m.group("tod2")]
        return _tx(ctx, c, "TIME", f"{ds}T{part}", "time", True, mod)
    if m.group("mois2") or m.group("mois"):
        v = f"{a.year:04d}-{a.month:02d}" if a.year and a.month else "XXXX-XX"
        return _tx(ctx, c, "DATE", v, "month", True, mod)
    if m.group("sem2") or m.group("sem"):
        if a.date:
            y, w, _ = a.date.isocalendar()
            return _tx(ctx, c, "DATE", f"{y:04d}-W{w:02d}", "week", True, mod)
        return _tx(ctx, c, "DATE", "XXXX-WXX", "week", True, mod)
    return _tx(ctx, c, "DATE", f"{a.year:04d}" if a.year else "XXXX", "year", True, mod)


# ---------------------------------------------------------------------------- driver


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest match wins, then rule priority, then leftmost; kept spans never overlap."""
    chosen: list[_Cand] = []
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


def _link_clock_dates(ctx: _Context, chosen: list[_Cand], out: list[Timex | None]) -> None:
    """'mardi à 10 heures', 'le 12 janvier à 14 h': the clock time takes that day's date."""
    for i, c in enumerate(chosen):
        if c.make is not _make_clock or i == 0:
            continue
        prev = out[i - 1]
        if prev is None or prev.precision != "day" or "X" in prev.value:
            continue
        gap = ctx.text[prev.end : c.start]
        if len(gap) <= 60 and not RE_SENT_BOUND.search(gap):
            c.data["date"] = prev.value[:10]
            out[i] = _make_clock(ctx, c)
            if out[i] is not None and not prev.relative:
                out[i] = Timex(**{**out[i].__dict__, "relative": False})


RE_RANGE_GAP = _LazyRe(r"\s*(?:au|à|-|–|et|jusqu['\u2019]au)\s+(?:le\s+)?")


def _link_ranges(ctx: _Context, out: list[Timex | None]) -> None:
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
        c = _Cand(t1.start, t1.end, 0, _make_daymonth)
        out[i] = _tx(ctx, c, "DATE", f"{y:04d}-{m1[1]}-{m1[2]}", "day", False, t1.mod)


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
    ctx = _Context(text, parse_anchor(anchor), doc)
    low = _safe_lower(text)
    ctx.low = low
    chosen = _select(_find_candidates(text, low))
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
