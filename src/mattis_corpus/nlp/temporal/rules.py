"""The tagger's grammar: regex fragments, the full rules and the core words that trigger them.

Every rule runs on the lower-cased text and is compiled on first use. Month, weekday and season
alternations are built from ``lexicon`` (itself built from ``mattis_corpus.french``), and every
apostrophe class from ``mattis_corpus.french.APOSTROPHES``.
"""

from __future__ import annotations

import re

from mattis_corpus.french import APOSTROPHES, SEASONS
from mattis_corpus.nlp.temporal.lexicon import (
    MONTH_ABBR,
    MONTH_NAMES,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PARTS_OF_DAY,
    SEASON_NAMES,
    SET_FORMS,
    TERM_NOUNS,
    UNITS,
    WEEKDAY_NUMBERS,
)

# --------------------------------------------------------------------------- fragments


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


AP_CHARS = re.escape(APOSTROPHES)  # for character classes
AP = f"[{AP_CHARS}]"  # any apostrophe: the tagger also reads text that was not normalised
_MONTH = _alt(MONTH_NAMES)
_MONTH_ABBR = _alt(MONTH_ABBR)
_WD = _alt(WEEKDAY_NUMBERS)
_SEASON = _alt(SEASONS)
# the plural seasons of a SET ("tous les étés"): summer and winter only, as the rules always had
_SEASON_PLURALS = "|".join(SEASON_NAMES[code] + "s" for code in ("SU", "WI"))
_NUMW = _alt(NUMBER_WORDS)
_NUM_WORDS = rf"(?:{_NUMW})(?:(?:-|\s+)(?:et(?:-|\s+))?(?:{_NUMW})){{0,3}}"
_NUM = rf"(?:\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+|\d+(?:,\d+)?|{_NUM_WORDS})"
_UNIT = _alt(UNITS)
_REL = r"dernier|dernière|prochain|prochaine|passé|passée"
_TOD = _alt(PARTS_OF_DAY)  # with the unaccented forms ("dimanche apres-midi")
_DAYNUM = r"1er|premier|[0-3]?\d"
_YEAR = r"(?:1[0-9]|20|21)\d\d"
# a two-digit year after a month or season ("octobre 98", "l'été 89"): not a clock, a count of
# units, a percentage or a price
_Y2_AFTER = r"(?![\w\u00a0]|[.,]\d|\s*(?:h\b|heures?\b|%|€|°|ans?\b|\d|-\d|,\s*\d{4}))"
_OPT_YEAR = rf"(?:\s+(?:(?P<y>{_YEAR})(?!\d)|(?P<y2>\d\d){_Y2_AFTER}))?"
_F = 0  # every rule runs on the lower-cased text (case-insensitive regexes are ~5x slower)

# ------------------------------------------------------------------------- full rules

RE_DAYMONTH = _LazyRe(
    rf"\b(?:(?P<det>le|ce)\s+)?(?:(?P<wd>{_WD})\s+)?(?<![\d,.])(?P<d>{_DAYNUM})\s+"
    rf"(?:(?P<m>{_MONTH})\b|(?P<ma>{_MONTH_ABBR})\.)"
    rf"{_OPT_YEAR}(?:\s+(?P<rel>{_REL})\b)?",
    _F,
)
RE_NUMDATE = _LazyRe(
    rf"\b(?:(?P<det>le)\s+)?(?<![\d/.])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>{_YEAR})(?![\d/])"
    rf"|(?<![\d/.-])(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d-])",
    _F,
)
RE_MONTH = _LazyRe(rf"\b(?P<m>{_MONTH})\b{_OPT_YEAR}(?:\s+(?P<rel>{_REL})\b)?", _F)
RE_YEAR = _LazyRe(
    rf"(?:\b(?P<det>l{AP}(?:année|an)\s+))?(?:(?<=\bmi-)|(?<![\d.,/:-]))(?<![\d][ \u00a0])"
    rf"(?P<y>{_YEAR})"
    r"(?![\d]|[.,/]\d|-\d|\s*%)",
    _F,
)
# a bare two-digit year ("en 97", "depuis 93", "l'année 98"); the left context is checked by
# the candidate builder, as for four-digit years
RE_YEAR2 = _LazyRe(rf"(?:\b(?P<det>l{AP}année)\s+)?(?<![\d,.:/-])(?P<y2>\d\d){_Y2_AFTER}", _F)
RE_YEAR2_LEFT = _LazyRe(
    rf"(?:\b(?:en|depuis|dès|jusqu{AP}en|fin|début|courant|printemps|été|automne|hiver)\s+"
    r"|\bmi-)$",
    _F,
)
RE_WEEKDAY = _LazyRe(
    rf"\b(?:(?P<det>ce(?P<same>\s+même)?|le(?=\s+(?:{_WD})\s+(?:suivant|précédent)\b))\s+)?"
    rf"(?P<wd>{_WD})\b(?:\s+(?P<rel>dernier|prochain|passé|suivant|précédent)\b)?"
    rf"(?:\s+(?:au\s+|en\s+|dans\s+la\s+)?(?P<tod>{_TOD})\b)?",
    _F,
)
RE_NIGHT = _LazyRe(
    rf"\b(?P<det>la)\s+nuit\s+(?:de\s+(?P<wd1>{_WD})(?:\s+(?:à|a|au)\s+(?P<wd2>{_WD}))?"
    rf"|du\s+(?P<d1>{_DAYNUM})(?:\s+au\s+[0-3]?\d)?\s+(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?)\b",
    _F,
)
RE_DEICTIC = _LazyRe(
    rf"\b(?P<w>avant-hier|après-demain|hier|aujourd{AP}hui|demain)"
    rf"(?:\s+(?P<tod>matin|midi|après-midi|soir|soirée)\b)?"
    rf"|\b(?P<this>ce|cet|cette)\s+(?P<tod2>matin|midi|après-midi|soir|nuit|matinée|soirée)\b"
    r"|\b(?P<lastn>la\s+nuit\s+dernière)\b",
    _F,
)
RE_CLOCK = _LazyRe(
    r"(?<![\d,.])(?P<h>[0-2]?\d)\s?h(?:\s?(?P<mi>[0-5]\d))?(?![\w])(?:\s+locales?\b)?"
    rf"|(?<![\d,.])(?P<h2>\d{{1,2}}|{_NUMW})\s+heures?(?:\s+(?P<mi2>[0-5]\d)\b)?"
    rf"(?:\s+(?P<ampm>du\s+matin|du\s+soir|de\s+l{AP}après-midi)\b|\s+locales?\b)?"
    r"|\b(?P<noon>midi|minuit)\b",
    _F,
)
RE_DURATION = _LazyRe(
    rf"\b(?:(?P<ilya>il\s+y\s+a)\s+)?(?:(?P<det>les|ces)\s+)?"
    rf"(?:(?P<mod>un\s+peu\s+plus|un\s+peu\s+moins|pas\s+moins|plus|moins|près)\s+d(?:e\s+|{AP})"
    rf"|(?P<mod2>environ|presque|bientôt|quelque|au\s+moins|au\s+plus)\s+)?"
    rf"(?<![\d,.])(?P<num>{_NUM}|quelques|plusieurs)\s+"
    rf"(?:(?P<rel>derniers|dernières|prochains|prochaines)\s+)?(?P<unit>{_UNIT})\b"
    r"(?P<half>\s+et\s+demie?\b)?",
    _F,
)
RE_SET = _LazyRe(
    rf"\bchaque\s+(?P<u>année|an|mois|semaine|jour|{_WD}|matin|soir|nuit|{_SEASON}"
    r"|week-end|trimestre|semestre)\b"
    rf"|\b(?:tous|toutes)\s+les\s+(?:(?P<n>{_NUM})\s+)?(?P<u2>ans|années|mois|semaines|jours"
    rf"|heures|minutes|(?:{_WD})s|matins|soirs|nuits|week-ends|trimestres|semestres"
    rf"|{_SEASON_PLURALS})\b"
    rf"|\b(?P<n3>{_NUM})\s+fois\s+par\s+(?P<u3>an|année|mois|semaine|jour|heure)\b",
    _F,
)
# frequency adjectives and adverbs ("le rapport annuel", "quotidiennement"); the builder drops
# nouns ("le quotidien", "un mensuel")
RE_SET_WORD = _LazyRe(rf"\b(?P<w>{_alt(SET_FORMS)})\b", _F)
RE_SET_WORD_DET = _LazyRe(
    rf"(?:\b(?:le|la|les|un|une|des|du|au|aux|ce|cet|cette|ces|son|sa|ses|leur|leurs|mon|ma"
    rf"|mes|notre|nos|votre|vos|quel|quelle)|\bl{AP}|\bd{AP})\s*"
    r"(?:(?:grand|grande|petit|petite|nouveau|nouvel|nouvelle|premier|première|seul|seule"
    r"|autre|ancien|ancienne|vieux|vieil|vieille)s?\s+)?$",
    _F,
)
# ordinal weekdays: "les deuxième et quatrième jeudis", "le premier mercredi de chaque mois"
_ORD = _alt(ORDINAL_WORDS)
RE_SET_ORD = _LazyRe(
    rf"\b(?P<det>les|le|chaque)\s+(?:{_ORD})(?:\s*(?:,|et)\s*(?:{_ORD}))*\s+(?P<wd>{_WD})(?P<pl>s)?\b"
    r"(?P<each>\s+(?:du\s+mois|de\s+chaque\s+mois|de\s+tous\s+les\s+mois)\b)?",
    _F,
)
# durations in words: "un demi-siècle", "près d'un quart de siècle", "trois quarts d'heure"
RE_DUR_WORDS = _LazyRe(
    rf"\b(?:(?P<mod>un\s+peu\s+plus|un\s+peu\s+moins|pas\s+moins|plus|moins|près)\s+d(?:e\s+|{AP})"
    rf"|(?P<mod2>environ|presque|quelque|au\s+moins|au\s+plus)\s+)?"
    rf"(?P<n>un|une|deux|trois)\s+(?:demi-(?P<half>siècle|heure|journée|décennie)"
    rf"|(?P<q>quarts?)\s+d(?:e\s+|{AP})(?P<qu>siècle|heure))\b",
    _F,
)
# terms of office: "son septennat", "un second quinquennat"
RE_TERM = _LazyRe(
    rf"\b(?:(?:(?P<det>le|son|ce|cet|un|leur|mon|notre|votre)\s+|(?P<ldet>l){AP})"
    r"(?:(?:premier|second|deuxième|troisième|nouveau|nouvel|dernier|précédent|prochain|actuel"
    r"|long|bref|court|seul)\s+)?)?"
    rf"(?P<t>{_alt(TERM_NOUNS)})\b",
    _F,
)
RE_RELUNIT = _LazyRe(
    rf"\b(?:(?P<det>le|la|ce|cet|cette)\s+|(?P<ldet>l){AP})(?P<u>mois|semaine|année|an|"
    rf"week-end|weekend|trimestre|semestre|siècle|{_SEASON})(?P<ci>-ci)?\b"
    rf"(?:\s+(?P<rel>{_REL}|en\s+cours|courante?|actuelle?|précédente?|suivante?)\b)?",
    _F,
)
RE_SEASON = _LazyRe(
    rf"\b(?:(?P<det>le)\s+|(?P<ldet>l){AP})?(?P<s>{_SEASON})\s+"
    rf"(?:de\s+|d{AP})?(?:(?P<y>{_YEAR})(?!\d)|(?P<y2>\d\d){_Y2_AFTER})",
    _F,
)
# a season with no year, after a preposition ("au printemps", "à l'automne", "dès l'été");
# the builder checks the preposition
RE_SEASON_BARE = _LazyRe(
    rf"\b(?:(?P<det>le)\s+|(?P<ldet>l){AP})?(?P<s>{_SEASON})\b(?:\s+(?P<rel>{_REL})\b)?", _F
)
RE_SEASON_BARE_LEFT = _LazyRe(
    rf"\b(?:au|en|à|dès|depuis|pendant|durant|jusqu{AP}à|jusqu{AP}au|avant|après|courant"
    rf"|cours\s+de|fin|début|milieu|mi)\s*-?\s*$",
    _F,
)
# anaphoric days: "ce jour-là", "ce soir-là", "le soir même", "le jour même"
RE_SAMEDAY = _LazyRe(
    r"\b(?P<this>ce|cette|cet)\s+(?P<u>jour|soir|matin|nuit|après-midi|matinée|soirée|semaine"
    r"|mois|année|week-end)-là\b"
    rf"|\b(?:(?P<det>le|la)\s+|l{AP})(?P<u2>jour|soir|matin|nuit|lendemain)\s+même\b",
    _F,
)
RE_QUARTER = _LazyRe(
    rf"\b(?:(?P<det>le)\s+)?(?P<o>premier|1er|deuxième|second|2e|2ème|2eme|troisième|3e|3ème"
    rf"|3eme|quatrième|4e|4ème|4eme)\s+(?P<u>trimestre|semestre)\b"
    rf"(?:\s+(?:de\s+|d{AP})?(?:(?P<y>{_YEAR})(?!\d)|l{AP}année\s+(?P<rel>{_REL})\b"
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
    rf"|(?<=\bà\s)(?P<pres>présent)\b|(?<=\b[àÀ]\s)(?P<fut>l{AP}avenir)\b"
    rf"|(?<=\bdans\s)(?P<fut2>l{AP}avenir)\b|(?<=\bde\s)(?P<nos>nos\s+jours)\b"
    rf"|(?<=\bà\s)(?P<hact>l{AP}heure\s+actuelle)\b"
    rf"|(?<=\bpour\s)(?P<mom>le\s+moment|l{AP}instant)\b",
    _F,
)
# "pour l'année,", "sur l'année.": the year being told, alone before a clause boundary
RE_THE_YEAR = _LazyRe(rf"\bl{AP}année(?=\s*(?:[,.;:!?)»]|$))", _F)
RE_THE_YEAR_LEFT = _LazyRe(r"\b(?:pour|sur|durant|pendant|dans|de)\s+$", _F)
RE_PARTUNIT = _LazyRe(
    rf"\b(?:(?P<pdet>la|le)\s+)?(?P<part>d[ée]but|fin|mi|milieu|reste)(?:\s*-\s*|\s+)"
    rf"(?:du\s+(?P<mois>mois)|de\s+(?P<an>l{AP}année|l{AP}an)|de\s+(?P<sem>la\s+semaine)"
    rf"|d{AP}(?P<an2>année)|de\s+(?P<jour>journée)|de\s+(?P<sem2>semaine)|de\s+(?P<mois2>mois)"
    rf"|de\s+(?P<tod>matinée|soirée)|d{AP}(?P<tod2>après-midi))\b",
    _F,
)

# "les 3 et 4 décembre", "du 12 au 14 mars 2017": the first day borrows the month (and year)
RE_DAYENUM = _LazyRe(
    rf"(?:(?P<det>le)\s+)?(?<![\d,.])(?P<d>{_DAYNUM})(?:\s*,\s*(?:le\s+)?(?:{_DAYNUM}))*"
    rf"\s*(?:et|ou|à|au|-|–)\s*(?:le\s+)?(?:{_DAYNUM})\s+(?P<m>{_MONTH})\b"
    rf"(?:\s+(?P<y>{_YEAR})(?!\d))?",
    _F,
)
RE_HOLIDAY = _LazyRe(
    rf"(?:\b(?P<det>la|le|l{AP})\s*)?(?P<h>noël|toussaint|saint-sylvestre|nouvel\s+an"
    rf"|jour\s+de\s+l{AP}an|14-juillet|assomption|saint-valentin)\b(?:\s+(?P<y>{_YEAR})(?!\d))?",
    _F,
)
# dates anaphoric to the last mentioned one: "le lendemain", "la veille au soir"
RE_ANAPH = _LazyRe(
    rf"\b(?:(?P<det>le|la|l{AP})\s*)?(?P<w>surlendemain|lendemain|avant-veille|veille)\b"
    rf"(?:\s+(?:au\s+)?(?P<tod>matin|soir|après-midi)\b)?",
    _F,
)
# vague stretches: "ces derniers mois", "les prochains jours", "des dernières 24 heures"
# "les six premiers mois (de l'année)": a count is needed after "premiers"
_VAGUE_UNITS = r"ans|années|mois|semaines|jours|journées|heures|minutes|décennies|siècles"
RE_VAGUEDUR = _LazyRe(
    rf"\b(?:(?P<det>les|ces)\s+)?(?:(?P<num0>{_NUM})\s+)?"
    rf"(?P<rel>derniers|dernières|prochains|prochaines|premiers|premières)\s+"
    rf"(?:(?P<num>{_NUM})\s+)?(?P<unit>{_VAGUE_UNITS})\b(?P<of>\s+de\s+l{AP}année\b)?",
    _F,
)
# the same stretch named after its unit: "les années précédentes", "les jours suivants"
RE_VAGUEDUR_AFTER = _LazyRe(
    rf"\b(?P<det>les|ces|aux|des)\s+(?P<unit>{_VAGUE_UNITS})\s+(?:précédent|suivant|passé)e?s\b", _F
)
RE_TOUTE = _LazyRe(
    rf"\b(?:toute|tout)\s+(?:la\s+|le\s+|l{AP}|cette\s+|ce\s+|cet\s+)"
    rf"(?P<u>semaine|journée|année|mois|week-end)\b(?!\s+(?:\d|de\s|d{AP}))",
    _F,
)
# a part of the day hanging off a preposition: "dans la soirée", "en matinée"
RE_TODREF = _LazyRe(
    rf"(?:(?P<det>la|le|l{AP})\s*)?(?P<tod>matinée|soirée|nuit|après-midi|matin|soir|journée)\b",
    _F,
)
RE_TODREF_LEFT = _LazyRe(r"(?:\b(?:dans|pendant|durant|courant|au\s+cours\s+de)\s+|\ben\s+|\b(?P<of>de)\s+)$", _F)
# what may follow "de la soirée" when it is that evening ("le grand perdant de la soirée est",
# "au terme de la soirée avec"): not a complement or an adjective ("la journée de grève",
# "la journée mondiale")
RE_TODREF_OF_NOUN = _LazyRe(
    rf"\s+(?:de\b|du\b|des\b|d{AP})|\s+[a-zé]+(?:ale|ales|elle|ique|aire|ive)\b|\s*-", _F
)
# ages are not timexes (as in HeidelTime French / the French TimeBank)
_PERSON = (
    r"homme|femme|garçon|fille|fillette|adolescente?|ado|enfant|jeune|bébé|nourrisson"
    r"|retraitée?|victime|suspecte?|individu|conducteur|conductrice|automobiliste|motard|piétonn?e?"
    r"|père|mère|fils|frère|sœur|soeur|grand-mère|grand-père|mineure?|joueur|joueuse|militaire"
    r"|soldat|étudiante?|lycéenn?e?|collégienn?e?|patiente?|détenue?|prévenue?|accusée?|migrante?"
    r"|policière?|gendarme|agricultrice|agriculteur|salariée?|ouvrière?|chauffeur|mannequin"
    r"|touriste|randonneuse|randonneur|skieur|skieuse|cycliste|passagère?|élève"
)
RE_AGE_LEFT = _LazyRe(
    rf"(?:\bâgée?s?\s+(?:de\s+|d{AP})|\b(?:l{AP}âge|âge)\s+de\s+"
    rf"|\b(?:{_PERSON})s?"
    rf"\s+(?:âgée?s?\s+)?(?:de\s+|d{AP})(?:\d{{1,3}}\s+(?:à|et|ou)\s+)?"
    r"|\b(?:les|des|aux)\s+(?:moins|plus)\s+de\s+|\d\s*[-–]\s*)$",
    _F,
)

# an age in apposition to a person noun: "le suspect, 24 ans, a été déféré"
RE_AGE_APPOS_LEFT = _LazyRe(rf"\b(?:{_PERSON})s?\s*,\s*$", _F)
# left context, tested on a short slice ending where a core expression starts
RE_PART_LEFT = _LazyRe(
    rf"(?:\b(?P<pdet>la|le)\s+)?\b(?P<part>d[ée]but|fin|mi|milieu|courant)(?:\s*-\s*|\s+)"
    rf"(?:du\s+|de\s+|d{AP}|des\s+)?$",
    _F,
)
RE_MOISDE_LEFT = _LazyRe(rf"(?:\b(?P<det>le)\s+|\b(?:du|au)\s+)?\bmois\s+d(?:e\s+|{AP})$", _F)
RE_MONTH_CTX = _LazyRe(
    rf"(?:\b(?:en|de|dès|depuis|jusqu{AP}en|jusqu{AP}à|entre|et|ou|à|au|courant|avant|après"
    rf"|fin|début|mi|mois\s+de|d{AP}ici)\s*-?\s*|\bd{AP}|\bjusqu{AP})$",
    _F,
)
RE_YEAR_CTX = _LazyRe(
    rf"(?:\b(?:en|depuis|de|dès|avant|après|jusqu{AP}en|jusqu{AP}à|d{AP}ici|entre|et|ou|à"
    rf"|pour|vers|durant|pendant|courant|fin|début|milieu|puis|cours\s+de|partir\s+de|sur"
    rf"|année|an|{_SEASON}|budget|exercice|horizon|saison|édition|millésime"
    rf"|présidentielle|législatives|municipales|européennes|régionales|sénatoriales)\s+"
    rf"|\bd{AP}|\bmi-|\()$",
    _F,
)
# a year heading a list entry or a line: "— 2013 : « Child's Pose »", "2012: ..."
RE_YEAR_ENTRY_LEFT = _LazyRe(r"[ \t]*(?:[—–*•-][ \t]*)?")  # all of the line before the year
RE_YEAR_ENTRY_RIGHT = _LazyRe(r"[ \t]*:")
RE_YEAR_FOLLOW = _LazyRe(rf"\s+(?P<w>[^\W\d_][\w{AP_CHARS}-]*)", re.UNICODE)
RE_DUR_TIME_CTX = _LazyRe(rf"\b(?:à|vers|dès|avant|jusqu{AP}à|entre|aux\s+alentours\s+de)\s+$", _F)
RE_DURATION_CTX = _LazyRe(
    r"\b(?:pendant|durant|plus\s+de|moins\s+de|près\s+de|environ|bout\s+de|en|dans|depuis|de)\s+$",
    _F,
)


RE_TENSE = _LazyRe(
    rf"(?P<vient>\bvien(?:t|nent)\s+d(?:e\s|{AP}))"
    r"|(?P<peri>\b(?:va|vont|vais|allons|allez|doit|doivent)\s+(?:\w+\s+)?[^\W\d_]+(?:er|ir|re)\b)"
    rf"|(?P<pc>\b(?:a|ont|avait|avaient|avons|avez|ai|eut|aurait|auraient|s{AP}est|se\s+sont"
    rf"|s{AP}était|était|étaient|fut|furent|est(?=\s+(?:arrivée?|partie?|venue?|"
    r"allée?|entrée?|sortie?|morte?|née?|devenue?|revenue?|rentrée?|restée?|tombée?|intervenue?|"
    r"décédée?|retournée?|apparue?|survenue?|parvenue?|passée?|montée?|descendue?)\b))\s+(?:(?:pas|plus|jamais|déjà|aussi|encore|bien|toujours|"
    r"notamment|été|également|alors|ensuite|finalement|récemment|ainsi)\s+)*"
    r"[^\W\d_]+(?:é|ée|és|ées|i|ie|is|ies|it|u|ue|us|ert|erte|int|ainte|uit)\b)"
    r"|(?P<cond>\b[a-zàâçéèêëîïôûù]{2,}(?:rait|raient)\b)"
    r"|(?P<fut>\b[a-zàâçéèêëîïôûù]{1,}(?:ra|ront|rai|rons|rez)\b)"
    r"|(?P<imp>\b[a-zàâçéèêëîïôûù]{2,}(?:ait|aient)\b|\b(?:fut|furent|eut|eurent)\b)"
)
RE_OPEN_END_LEFT = _LazyRe(
    rf"\b(?:jusqu{AP}(?:au|à|en)|à\s+partir\s+d[ue]|à\s+compter\s+d[ue]|d{AP}ici(?:\s+à|\s+au)?)"
    r"\s+$",
    _F,
)
RE_SENT_BOUND = _LazyRe(r"[.!?;\n]")
RE_SENT_END = _LazyRe(r"[.!?\n]\s")

# Core words: cheap case-sensitive scans over the lower-cased text; each hit then tries the
# few full rules that can contain it, anchored at the word starts just before it (at most
# ``back`` words back: the longest optional lead-in of that rule, e.g. "il y a un peu plus de").
CORE_MONTH = _LazyRe(rf"(?:{_MONTH}|{_MONTH_ABBR})\b")
CORE_WD = _LazyRe(rf"(?:{_WD})s?\b")
CORE_UNIT = _LazyRe(
    r"(?:ans?|années?|mois|semaines?|jours?|journées?|heures?|minutes?|secondes?|décennies?"
    rf"|siècles?|trimestres?|semestres?|week-ends?|weekend|{_SEASON}|fois)\b"
)
CORE_DIGIT = _LazyRe(r"\d+")
CORE_WORD = _LazyRe(
    r"(?:avant-hier|après-demain|hier|aujourd|demain|maintenant|actuellement|désormais|autrefois"
    r"|naguère|lendemain|surlendemain|veille|noël|toussaint|saint-sylvestre|nouvel\s+an"
    rf"|jour\s+de\s+l{AP}an|14-juillet|assomption|saint-valentin"
    r"|jadis|récemment|dernièrement|prochainement|bientôt|présent|avenir|nos\s+jours"
    r"|heure\s+actuelle|moment|instant|matin|matinée|midi|soir|soirée|nuit|minuit|chaque"
    r"|tous|toutes)\b"
)
RE_WORD_START = _LazyRe(r"\b\w")
LOOKBACK = 48  # characters before a core word where its rule may start
RE_RANGE_GAP = _LazyRe(rf"\s*(?:au|à|-|–|et|jusqu{AP}au)\s+(?:le\s+)?")
