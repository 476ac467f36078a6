"""Turn a scraped French news page (raw text full of page chrome) into a clean article.

The work is split into small pure functions composed with :func:`make_pipeline`:

* text level (``str -> str``, each idempotent): line breaks, invisible characters,
  exotic spaces, Unicode NFC, apostrophes, quotes, elision spacing, space runs;
* page level (``_Page -> _Page``, :data:`process_page`): chrome lines, related-articles
  sections, the dateline, paragraphs broken mid-sentence and duplicated photo
  captions (to a fixed point), the title, headings.

Every non-empty line of the page is a paragraph candidate: scrapers write one HTML
block per line, sometimes with and sometimes without a blank line in between.

Conventions chosen where the brief left a choice:

* Apostrophes: ’ ʼ ‘ ‛ ´ become ``'``; a space after an elided article is removed
  (``l' OTAN`` -> ``l'OTAN``).
* Quotes: “ ” „ ‟ become ``"``; French guillemets are kept and always carry exactly
  one regular space inside (``« texte »``), whatever the page had (none, U+00A0,
  U+202F). An opening ``«`` left dangling at the end of a paragraph is dropped.
* Credits: a line that is only an agency attribution introduced by "Avec"
  (``Avec AFP``, ``Avec AFP et Reuters``) is dropped as chrome; ``(AFP)`` at the end
  of a sentence and any other credit line are kept.
* Related sections: a bare header ("À lire aussi", "Sur le même sujet", "Plus
  d'articles"...) met after the article has started cuts everything after it, unless
  a full body paragraph follows within a few lines (an inline teaser box in the
  middle of an article): then only the header and its teasers are dropped. An inline
  teaser ("Lire aussi : Titre") drops that line only. Before the article starts such
  a header is just a navigation item.
* Title: the first line after chrome, datelines and rubric labels (lines of one or
  two words, e.g. "International") if it looks like a headline: 2 to 25 words, not
  starting lower-case, not ending with ``. … , ; :``. Otherwise (typically the page
  starts with the lede, as in ``date 2018-12 Dans une lettre ... Russie.``) the
  title is None.
* Headings: a line of at most 12 words, starting upper-case, with no comma, no
  quote at either end and no final ``. … , ; :``, followed by more text. A short
  "Name, function" line (pull-quote attribution) is therefore body.
* Captions: only a line repeated within a few lines is a caption (kept once). A
  repeated line without final period is a duplicated title/heading: kept once, not a
  caption. On a second pass the surviving copy is body: clean() is idempotent on the
  text and title, not on the caption kind.
* Broken paragraphs: joined when the first has no final ``. ! ? … » " : ;`` and the
  next starts lower-case, after chrome is removed (an ad inside the sentence does
  not keep the halves apart); the title line may be joined too (a wrapped headline).
* Datelines: a whole line that is a date, with an optional keyword ("Publié le",
  "Mis à jour le", "date", "Le"), weekday, time and time zone; or a keyword date glued
  before the first sentence. Once the article has started (a line of 12+ words was
  seen), only "Publié le"/"Mis à jour"/"date" or widget dates count: a bare date
  line (or "Le 12 janvier 2017") may then be a heading.
  ``furniture`` is True for English ordinals ("24th"), for weekday/icon dates without
  keyword, and for a date found only in the cut related-articles section.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache, reduce
from typing import TypeVar

from mattis_corpus.french import (
    APOSTROPHE,
    CURLY_DOUBLE_QUOTES,
    TYPOGRAPHIC_APOSTROPHES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_ABBREVIATIONS_EN,
    WEEKDAYS,
    WEEKDAYS_EN,
    month_numbers,
)
from mattis_corpus.models import CleanDoc, Dateline, Paragraph

T = TypeVar("T")

__all__ = [
    "clean",
    "is_chrome_line",
    "is_heading_like",
    "is_title_like",
    "make_pipeline",
    "normalise_apostrophes",
    "normalise_elision",
    "normalise_invisible",
    "normalise_lines",
    "normalise_newlines",
    "normalise_nfc",
    "normalise_quotes",
    "normalise_spaces",
    "normalise_text",
    "parse_dateline",
    "related_header",
    "split_glued_dateline",
]


def make_pipeline(*funcs: Callable[[T], T]) -> Callable[[T], T]:
    """Compose ``funcs`` left to right, so each stage stays small and testable alone."""

    def run(value: T) -> T:
        return reduce(lambda acc, f: f(acc), funcs, value)

    return run


# --------------------------------------------------------------------------- text level

class CharMap:
    """``str.translate`` for a few characters (mapped to a string, or dropped when mapped to
    ""): a regex finds them at C speed and only they are replaced, where ``translate`` looks
    every character up in a dict (~100 ns each on accented text, most of the cleaning time).
    """

    def __init__(self, mapping: dict[str, str]) -> None:
        self.mapping = mapping
        self.pattern = re.compile("[" + "".join(re.escape(c) for c in mapping) + "]")

    def __call__(self, text: str) -> str:
        return self.pattern.sub(lambda m: self.mapping[m.group()], text)


def _chars(*codes: int | range) -> list[str]:
    return [chr(c) for code in codes for c in (code if isinstance(code, range) else [code])]


_NEWLINES = CharMap(dict.fromkeys(["\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"], "\n"))

_INVISIBLE = CharMap(dict.fromkeys(_chars(
    range(0x00, 0x09), range(0x0E, 0x20), 0x7F, range(0x80, 0x85), range(0x86, 0xA0),
    0x00AD, 0x180E, range(0x200B, 0x2010), range(0x202A, 0x202F), range(0x2060, 0x2070),
    0xFEFF,
), ""))
_SURROGATE_RE = re.compile("[\ud800-\udfff]")

_SPACES = CharMap(dict.fromkeys(
    ["\t", "\u00a0", "\u1680", *map(chr, range(0x2000, 0x200B)), "\u202f", "\u205f",
     "\u3000"], " "))

_APOSTROPHES = CharMap(dict.fromkeys(TYPOGRAPHIC_APOSTROPHES, APOSTROPHE))
_DOUBLE_QUOTES = CharMap(dict.fromkeys(CURLY_DOUBLE_QUOTES, '"'))

_QUOTE_SPACES = " \u00a0\u202f\u2009\u2007"
_ELISION_RE = re.compile(
    r"\b(aujourd|jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])' +(?=[^\W\d_])",
    re.IGNORECASE,
)
_ELISION_END_RE = re.compile(
    r"\b(aujourd|jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])'$", re.IGNORECASE
)
_SPACE_RUN_RE = re.compile(r" {2,}")


def normalise_newlines(text: str) -> str:
    """Map CR, CRLF and Unicode line/paragraph separators to ``\\n``: lines drive the rest."""
    return _NEWLINES(text.replace("\r\n", "\n"))


def normalise_invisible(text: str) -> str:
    """Drop control, zero-width, bidi-mark and soft-hyphen characters and lone surrogates.

    They split words invisibly ("Pen\\u00adtagone"), so search and NER would miss them.
    """
    return _SURROGATE_RE.sub("", _INVISIBLE(text))


def normalise_spaces(text: str) -> str:
    """Turn tabs and exotic spaces (U+00A0, U+202F, U+2009, U+2007...) into a plain space."""
    return _SPACES(text)


def normalise_nfc(text: str) -> str:
    """Compose accents (NFC) so 'é' is one code point whatever the page used."""
    return unicodedata.normalize("NFC", text)


def normalise_apostrophes(text: str) -> str:
    """Make every typographic apostrophe ASCII, so elisions (l', qu', d') are one form."""
    return _APOSTROPHES(text)


def normalise_quotes(text: str) -> str:
    """Curly double quotes become ``"``; guillemets get exactly one regular space inside."""
    text = _DOUBLE_QUOTES(text)
    if "«" in text:  # split/strip rather than a regex: no backtracking on long space runs
        head, *rest = text.split("«")
        text = "«".join([head, *(" " + part.lstrip(_QUOTE_SPACES) for part in rest)])
    if "»" in text:
        *init, last = text.split("»")
        text = "»".join([*(part.rstrip(_QUOTE_SPACES) + " " for part in init), last])
    return text


def normalise_elision(text: str) -> str:
    """Remove a stray space after an elided word: "l' OTAN" -> "l'OTAN"."""
    return _ELISION_RE.sub(r"\1'", text)


def _strip_line(line: str) -> str:
    line = line.strip(" ")
    if line.endswith("«"):  # an opening guillemet with nothing after it
        line = line.rstrip(" «")
    return line


def normalise_lines(text: str) -> str:
    """Collapse space runs and strip every line; whitespace-only lines become empty.

    An opening ``«`` dangling at the end of a line (the scraper cut the quote) is dropped.
    """
    text = _SPACE_RUN_RE.sub(" ", text)
    return "\n".join(_strip_line(line) for line in text.split("\n"))


normalise_text: Callable[[str], str] = make_pipeline(
    normalise_newlines,
    normalise_invisible,
    normalise_spaces,
    normalise_nfc,
    normalise_apostrophes,
    normalise_quotes,
    normalise_elision,
    normalise_lines,
)
"""The whole character-level normalisation, idempotent: ``f(f(x)) == f(x)``."""


# --------------------------------------------------------------------------- line tests

_TERMINAL = (".", "!", "?", "…", "»", '"', ":", ";")
_HEADING_MAX_WORDS = 12
_SHORT_CHARS = 300  # chrome lines are short: never spend time keying long ones


class _FoldTable(dict[int, str]):
    """str.translate table filled on demand: each character -> one lower-case base letter."""

    def __missing__(self, code: int) -> str:
        value = unicodedata.normalize("NFD", chr(code))[0].lower()[0]
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()


def _fold_same_length(text: str) -> str:
    """Lower-case, accent-free copy with exactly one character per input character."""
    return text.translate(_FOLD_TABLE)


def _words(line: str) -> int:
    return len(line.split())


@lru_cache(maxsize=4096)
def _key(line: str) -> str:
    """Accent/case-insensitive form with the bullets and punctuation at both ends removed."""
    k = " ".join(_fold_same_length(line).replace("-", " ").split())
    i, j = 0, len(k)
    while i < j and not k[i].isalnum():
        i += 1
    while j > i and not k[j - 1].isalnum():
        j -= 1
    return k[i:j]


def _keys(*phrases: str) -> frozenset[str]:
    return frozenset(_key(p) for p in phrases)


_CHROME_EXACT = _keys(
    # navigation and accessibility
    "Liens d'accessibilité", "Aller au contenu", "Aller au contenu principal",
    "Passer au contenu", "Passer au contenu principal", "Aller à la navigation",
    "Aller à la recherche", "Aller au menu", "Aller au pied de page", "Skip to content",
    "Passer à la navigation", "Passer à la recherche", "Retour aux articles",
    "Retour à la liste", "Retour à la rubrique",
    "Menu", "Ouvrir le menu", "Fermer le menu", "Fermer", "Toggle navigation", "Navigation",
    "Rechercher", "Recherche", "Search", "Accueil", "Home", "Retour à l'accueil",
    "Dernières nouvelles", "En direct", "Direct", "Newsletter", "Newsletters",
    "Plan du site", "Mentions légales", "Nous contacter", "Mon compte", "Mon espace",
    "S'identifier", "Suivez-nous", "Retour", "Haut de page", "Retour en haut",
    "Retour en haut de page", "Haut", "Suivant", "Précédent", "Article suivant",
    "Article précédent", "Lire la suite", "Voir plus", "Afficher plus", "Charger plus",
    "En savoir plus", "Read more",
    # share and reading tools
    "Share", "Share This", "Partager", "Partage", "Partager cet article", "Partagez",
    "Tweeter", "Tweet", "Facebook", "Twitter", "X", "LinkedIn", "WhatsApp", "Messenger",
    "E-mail", "Email", "Courriel", "Imprimer", "Print", "Envoyer", "Envoyer par e-mail",
    "Envoyer par courriel", "Envoyer par mail", "Copier le lien", "Lien copié",
    "Sauvegarder", "Ajouter à mes favoris", "Favoris", "Commenter", "Réagir",
    "Commentaires", "Commentaire", "Comments", "Leave a comment", "Écouter",
    "Écouter cet article", "Lire plus tard", "Agrandir", "Zoom",
    # login and subscription
    "Se connecter", "Connexion", "S'abonner", "Abonnez-vous", "Déjà abonné",
    "Je m'abonne", "S'inscrire", "Inscription", "Créer un compte", "Offrir cet article",
    "Réservé aux abonnés", "Article réservé aux abonnés", "Abonné",
    # ads and promotions
    "Publicité", "Annonce", "Annonces", "Contenu sponsorisé", "Contenus sponsorisés",
    "Contenu partenaire", "Sponsorisé", "Rabais de la semaine", "Promotion", "Promotions",
    "Advertisement", "Sponsored", "Offre spéciale",
    # cookie banner buttons
    "Tout accepter", "Tout refuser", "Accepter", "Refuser", "J'accepte", "OK",
    "Paramétrer les cookies", "Gérer les cookies", "Personnaliser",
    "Continuer sans accepter", "Accepter et fermer",
)

_CHROME_PREFIXES = tuple(
    _key(p) + " "
    for p in (
        "Partager sur", "Partager par", "Partagez sur", "Partager via", "Share on",
        "Connectez-vous", "Connecte-toi", "Se connecter", "Abonnez-vous", "Inscrivez-vous",
        "Suivez-nous", "S'abonner", "Déjà abonné", "Téléchargez l'application",
        "Recevez notre newsletter", "Pour commenter", "Vous devez être connecté",
        "Cet article est réservé", "Temps de lecture",
    )
)
_PREFIX_MAX_WORDS = 15

_CHROME_RE = re.compile(
    r"\d+ (commentaires?|reactions?|partages?|reponses?|comments?|shares?)$"
    r"|\d+ min(utes?)?( de lecture)?$"
)
_ALNUM_RE = re.compile(r"[^\W_]")
_SIZES = frozenset(
    ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "SM", "MD", "LG", "2XL", "3XL", "4XL"]
)
_SIZE_SPLIT_RE = re.compile(r"[\s/,|]+")
_COOKIE_HINTS = ("accept", "consent", "parametr", "traceur", "politique", "navigation",
                 "partenaires", "refus")
_AGENCY_CREDIT_RE = re.compile(
    r"^avec (l'|la |les )?(afp|reuters|ap|ats|belga|dpa|ansa|xinhua|efe|presse canadienne"
    r"|agence france presse|agences?)( ?(et|,|/) ?(l'|la |les )?(afp|reuters|ap|ats|belga|dpa"
    r"|ansa|xinhua|efe|presse canadienne|agence france presse|agences?))*$"
)
_BREADCRUMB_SEPS = (" > ", " › ", " » ", " / ", " | ")


def is_chrome_line(line: str) -> bool:
    """True for site furniture that is never article text (menus, share, login, ads...).

    The rules are generic: exact phrases and short-line prefixes matched accent- and
    case-insensitively, counters ("12 commentaires"), copyright lines, size pickers,
    cookie banners, breadcrumbs, lines without a letter or digit, and "Avec AFP" credits.
    """
    line = line.strip()
    if not line or len(line) > _SHORT_CHARS * 2:
        return False
    if not _ALNUM_RE.search(line):
        return True
    if len(line) <= 40 and line.isupper():
        tokens = [t for t in _SIZE_SPLIT_RE.split(line) if t]
        if tokens and all(t in _SIZES for t in tokens):
            return True
    n = _words(line)
    if "ookie" in line or "OOKIE" in line:
        key = _key(line)
        return "cookie" in key and any(h in key for h in _COOKIE_HINTS) and n <= 80
    if n > _PREFIX_MAX_WORDS:
        return False
    if line.startswith(("©", "(c)", "(C)", "Copyright", "COPYRIGHT")):
        return True
    key = _key(line)
    if key in _CHROME_EXACT or _CHROME_RE.match(key):
        return True
    if key.startswith("avec ") and _AGENCY_CREDIT_RE.match(key):
        return True
    if (key + " ").startswith(_CHROME_PREFIXES):
        return True
    return (n <= 12 and any(c in line for c in ">›»/|")
            and sum(line.count(s) for s in _BREADCRUMB_SEPS) >= 2)


_RELATED = _keys(
    "Articles qui pourraient vous intéresser", "Ces articles pourraient vous intéresser",
    "Ces articles peuvent vous intéresser", "À lire aussi", "Lire aussi", "À lire également",
    "Lire également", "À voir aussi", "Voir aussi", "Sur le même sujet", "Sur le même thème",
    "Plus d'articles", "Plus d'actualités", "Articles similaires", "Articles liés",
    "Articles connexes", "Articles recommandés", "Vidéo du jour", "Les plus lus",
    "Les articles les plus lus", "Les plus populaires", "Les plus partagés",
    "Les plus commentés", "Dans la même rubrique", "Vous aimerez aussi",
    "Vous aimerez peut-être aussi", "Vous pourriez aussi aimer", "Recommandé pour vous",
    "Recommandés pour vous", "À découvrir aussi", "À découvrir", "Nos autres articles",
    "Autres articles", "Derniers articles", "Dernières actualités", "Dernières infos",
    "L'actu en continu", "En continu", "Tous les articles", "À la une", "À ne pas manquer",
    "Ailleurs sur le web", "Related", "Related posts", "You may also like",
)
_INLINE_SEPS = (":", "|", ">", "»", "-", "–", "—")


def related_header(line: str) -> str | None:
    """Classify a related-articles header: ``"bare"``, ``"inline"`` (teaser on the line) or None."""
    if len(line) > _SHORT_CHARS:
        return None
    key = _key(line)
    if key in _RELATED:
        return "bare"
    for phrase in ("lire aussi", "a lire aussi", "lire egalement", "a lire egalement",
                   "voir aussi", "a voir aussi", "sur le meme sujet"):
        if key.startswith(phrase) and key[len(phrase):].lstrip()[:1] in _INLINE_SEPS:
            return "inline"
    return None


def _is_body_like(line: str, min_words: int) -> bool:
    """A real article paragraph: long enough and ends a sentence (not a '...' teaser)."""
    s = line.rstrip()
    return (_words(s) >= min_words and s.endswith(_TERMINAL)
            and not s.endswith(("...", "…")))


def _starts_lower(line: str) -> bool:
    return bool(line) and line[0].islower()


def is_title_like(line: str) -> bool:
    """A headline: 2-25 words, not starting lower-case, no final ``. … , ; :``."""
    s = line.strip()
    n = _words(s)
    return (2 <= n <= 25 and not _starts_lower(s)
            and not s.endswith((".", "…", ",", ";", ":")))


def is_heading_like(line: str) -> bool:
    """A section heading: at most 12 words, capitalised, no comma, no quote ends, no period."""
    s = line.strip()
    if not s or _words(s) > _HEADING_MAX_WORDS or "," in s:
        return False
    if not (s[0].isupper() or s[0].isdigit()):
        return False
    if s.startswith(("«", '"', "'")) or s.endswith(("»", '"')):
        return False
    return not s.endswith((".", "…", ",", ";", ":"))


# --------------------------------------------------------------------------- datelines

# Folded keys (the dateline is matched on folded text): French and English names, short forms.
_MONTHS = {_fold_same_length(k): v for k, v in month_numbers(english=True, short_english=True).items()}
_MON = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_WEEKDAYS = [*WEEKDAYS, *WEEKDAY_ABBREVIATIONS, *WEEKDAYS_EN, *WEEKDAY_ABBREVIATIONS_EN]
_WD = "(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\b\.?"

_DATE_CORE = (
    r"(?P<icon>(?:[^\w\s]\s*)*)"
    r"(?P<kw>(?:publiee?|mise? a jour|modifiee?|actualisee?|date(?: de publication)?|posted"
    r"|published|updated)\b\s*(?:le\b|on\b)?\s*:?\s*)?"
    r"(?P<le>le\s+)?"
    rf"(?:(?P<wd>{_WD}),?\s+)?"
    r"(?:(?P<iy>\d{4})-(?P<im>\d{1,2})(?:-(?P<id>\d{1,2}))?"
    r"|(?P<nd>\d{1,2})[/.](?P<nm>\d{1,2})[/.](?P<ny>\d{4}|\d{2})"
    rf"|(?P<td>\d{{1,2}})(?P<tsuf>er|st|nd|rd|th)?\s+(?P<tm>{_MON})\s*,?\s*(?P<ty>\d{{4}})"
    rf"|(?P<em>{_MON})\s+(?P<ed>\d{{1,2}})(?P<esuf>st|nd|rd|th)?\s*,?\s*(?P<ey>\d{{4}})"
    rf"|(?P<mm>{_MON})\s+(?P<my>\d{{4}})"
    r"|(?P<yy>\d{4}))\b"
    r"(?:\s*(?:,|-|–|\||a|at)?\s*\d{1,2}\s*[h:]\s*(?:\d{2})?(?:\s*min)?(?::\d{2})?"
    r"(?:\s*(?:am|pm))?\b)?"
    r"(?:\s*\(?(?:utc|gmt|cet|cest|hne|hae|heure de paris)(?:\s*[+-]\s*\d{1,2})?\)?)?"
)
_DATE_FULL_RE = re.compile(
    "^" + _DATE_CORE
    + r"(?:\s*[,|–—-]?\s*(?:(?:mis|mise) a jour|modifie|actualise|updated)\b[\s\w:/.,-]{0,50})?"
    + r"[\s.,;:)\]|-]*$"
)
_DATE_PREFIX_RE = re.compile("^" + _DATE_CORE + r"[\s.,;:|-]*\s")
_DATELINE_MAX_CHARS = 120


def _dateline_from_match(m: re.Match[str], text: str) -> Dateline | None:
    """Build a Dateline from a regex match, or None when the date does not exist."""
    g = m.groupdict()
    try:
        if g["iy"]:
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"]) if g["id"] else None
        elif g["nd"]:
            y, mo, d = int(g["ny"]), int(g["nm"]), int(g["nd"])
            y += 2000 if y < 100 else 0
        elif g["td"]:
            y, mo, d = int(g["ty"]), _MONTHS[g["tm"].rstrip(".")], int(g["td"])
        elif g["em"]:
            y, mo, d = int(g["ey"]), _MONTHS[g["em"].rstrip(".")], int(g["ed"])
        elif g["mm"]:
            y, mo, d = int(g["my"]), _MONTHS[g["mm"].rstrip(".")], None
        else:
            if not g["kw"]:
                return None  # a bare "2017" is not a dateline
            y, mo, d = int(g["yy"]), None, None
        if not 1900 <= y <= 2100:
            return None
        date(y, mo or 1, d or 1)
    except (KeyError, ValueError):
        return None
    if d is not None:
        value, precision = f"{y:04d}-{mo:02d}-{d:02d}", "day"
    elif mo is not None:
        value, precision = f"{y:04d}-{mo:02d}", "month"
    else:
        value, precision = f"{y:04d}", "year"
    english_ordinal = g["esuf"] or (g["tsuf"] and g["tsuf"] != "er")
    if english_ordinal:
        furniture = True  # "24th" on a French page: a theme's date widget
    elif g["kw"] or g["le"]:
        furniture = False  # "Publié le ...", "date ...", "Le 12/01/2017 à 14:05"
    else:
        furniture = bool(g["icon"].strip() or g["wd"])  # "• mer. 24 avril 2024"
    return Dateline(text=text, value=value, precision=precision, furniture=furniture)


def parse_dateline(line: str) -> Dateline | None:
    """Parse a line that is only a date ("Publié le 16 février 2017 à 10h32"), else None.

    ``furniture`` is True for a "today's date" widget: an English ordinal ("24th"), or a
    weekday or icon prefix without a "Publié le"/"date"/"Le" keyword.
    """
    s = line.strip()
    if not s or len(s) > _DATELINE_MAX_CHARS or not any(c.isdigit() for c in s):
        return None
    m = _DATE_FULL_RE.match(_fold_same_length(s))
    if m:
        return _dateline_from_match(m, s)
    if _KEYWORD_DATELINE_RE.match(_fold_same_length(s)):
        # "Published Oct. 2, 2018 10:32 am ET": the page's own date in a form our grammar does
        # not read; kept with no value, for dateparser to read at ingest (published.py).
        return Dateline(text=s, value=None, precision=None, furniture=False)
    return None


_KEYWORD_DATELINE_RE = re.compile(
    r"^(?:publie|mis a jour|mise a jour|modifie|published|updated|posted)\b[^\n]{0,60}\d{4}", re.IGNORECASE
)


def split_glued_dateline(line: str) -> tuple[Dateline, str] | None:
    """Split "date 2018-12 Dans une lettre ..." into the dateline and the text after it.

    Only a keyword-introduced date ("date", "Publié le", "Mis à jour le") can be glued:
    "Le 12 janvier 2017, le général ..." is a sentence, not a dateline.
    """
    s = line.strip()
    head = _fold_same_length(s[:_DATELINE_MAX_CHARS])
    m = _DATE_PREFIX_RE.match(head)
    if not m or not m.group("kw"):
        return None
    rest = s[m.end():].strip()
    dl = _dateline_from_match(m, s[: m.end()].strip())
    if dl is None or not rest or not any(c.isalpha() for c in rest):
        return None
    return dl, rest


# --------------------------------------------------------------------------- page level


@dataclass(frozen=True)
class _Block:
    """One paragraph candidate: a non-empty line, with its kind once known."""

    text: str
    kind: str | None = None


@dataclass(frozen=True)
class _Page:
    """The page as it goes through the page-level stages."""

    blocks: tuple[_Block, ...]
    removed: tuple[str, ...] = ()
    tail: tuple[str, ...] = ()  # lines of the related-articles section, cut away
    dateline: Dateline | None = None
    title: str | None = None


_STARTED_WORDS = 12  # a line this long means the article has begun
_RESUME_WORDS = 20  # a body paragraph this long after a related header resumes the article
_RESUME_LOOKAHEAD = 4
_CAPTION_WINDOW = 3
_MAX_KICKERS = 3


def _page_from_text(text: str) -> _Page:
    return _Page(blocks=tuple(_Block(line) for line in text.split("\n") if line))


def drop_chrome(page: _Page) -> _Page:
    """Remove chrome lines anywhere on the page (see :func:`is_chrome_line`)."""
    kept: list[_Block] = []
    removed = list(page.removed)
    for b in page.blocks:
        if is_chrome_line(b.text):
            removed.append(b.text)
        else:
            kept.append(b)
    return replace(page, blocks=tuple(kept), removed=tuple(removed))


def cut_related(page: _Page) -> _Page:
    """Cut the related-articles sections: the header and what follows (see module doc)."""
    blocks = page.blocks
    kept: list[_Block] = []
    removed = list(page.removed)
    tail: list[str] = []
    started = False
    i = 0
    while i < len(blocks):
        text = blocks[i].text
        kind = related_header(text)
        if kind is None:
            kept.append(blocks[i])
            started = started or _words(text) >= _STARTED_WORDS
            i += 1
            continue
        removed.append(text)
        i += 1
        if kind == "inline" or not started:
            continue
        ahead = blocks[i: i + _RESUME_LOOKAHEAD]
        resume = next((k for k, b in enumerate(ahead)
                       if _is_body_like(b.text, _RESUME_WORDS) and related_header(b.text) is None),
                      None)
        if resume is None:
            tail.extend(b.text for b in blocks[i:])
            removed.extend(b.text for b in blocks[i:])
            break
        removed.extend(b.text for b in ahead[:resume])
        i += resume
    return replace(page, blocks=tuple(kept), removed=tuple(removed),
                   tail=page.tail + tuple(tail))


def extract_dateline(page: _Page) -> _Page:
    """Find the page's dateline, remove every dateline line, keep the best one.

    The article's own date (furniture=False) wins over a widget; failing both, a date
    in the related-articles tail is reported as furniture. Once the article has started,
    only a keyword ("Publié le", "Mis à jour", "date") or widget date is a dateline: a
    bare "12 janvier 2017" or "Le 12 janvier 2017" line may then be a heading.
    """
    kept: list[_Block] = []
    found: list[Dateline] = []
    started = False
    for b in page.blocks:
        dl = parse_dateline(b.text)
        if dl is not None and (not started or dl.furniture or _has_keyword(dl.text)):
            found.append(dl)
            continue
        if dl is None and not started:
            glued = split_glued_dateline(b.text)
            if glued is not None:
                found.append(glued[0])
                b = replace(b, text=glued[1])
        kept.append(b)
        started = started or _words(b.text) >= _STARTED_WORDS
    chosen = next((d for d in found if not d.furniture), found[0] if found else None)
    if chosen is None:
        tail_dates = (parse_dateline(t) for t in page.tail)
        chosen = next((replace(d, furniture=True) for d in tail_dates if d is not None), None)
    others = tuple(d.text for d in found if d is not chosen)
    return replace(page, blocks=tuple(kept), removed=page.removed + others, dateline=chosen)


def _has_keyword(text: str) -> bool:
    m = _DATE_FULL_RE.match(_fold_same_length(text))
    return bool(m and m.group("kw"))


def dedupe_captions(page: _Page) -> _Page:
    """Keep a line repeated within a few lines once; a repeated sentence is a caption."""
    kept: list[_Block] = []
    for b in page.blocks:
        window = range(max(0, len(kept) - _CAPTION_WINDOW), len(kept))
        dup = next((k for k in window if kept[k].text == b.text), None)
        if dup is None or _words(b.text) < 4:
            kept.append(b)
            continue
        if kept[dup].kind is None and b.text.rstrip(" )").endswith((".", "!")):
            kept[dup] = replace(kept[dup], kind="caption")
    return replace(page, blocks=tuple(kept))


def find_title(page: _Page) -> _Page:
    """Mark the title (module doc), dropping the rubric labels printed above it.

    Up to three one- or two-word lines ("International", "Défense") before a headline of
    three words or more are labels; failing such a headline, the first line is the title
    if it looks like one.
    """
    blocks = page.blocks
    start = 0
    for i, b in enumerate(blocks[: _MAX_KICKERS + 1]):
        if b.kind is not None:
            break
        if _words(b.text) >= 3:
            start = i if is_title_like(b.text) else 0
            break
    removed = page.removed + tuple(b.text for b in blocks[:start])
    blocks = blocks[start:]
    title = None
    if blocks and blocks[0].kind is None and is_title_like(blocks[0].text):
        title = blocks[0].text
        blocks = (replace(blocks[0], kind="title"), *blocks[1:])
    return replace(page, blocks=blocks, removed=removed, title=title)


def _join_texts(group: list[_Block]) -> str:
    """Join with one space, or none after an elided word ("l'" + "armée" -> "l'armée")."""
    out = [group[0].text]
    for b in group[1:]:
        out.append(b.text if _ELISION_END_RE.search(out[-1][-12:]) else " " + b.text)
    return "".join(out)


def join_broken(page: _Page) -> _Page:
    """Rejoin a paragraph cut mid-sentence: no final punctuation, next starts lower-case.

    Runs after chrome removal (and again after duplicate removal), so an ad or a repeated
    caption printed in the middle of the sentence does not keep its two halves apart.
    """
    groups: list[list[_Block]] = []
    for b in page.blocks:
        last = groups[-1][-1] if groups else None
        if (last is not None and _starts_lower(b.text)
                and not last.text.endswith(_TERMINAL)):
            groups[-1].append(b)
        else:
            groups.append([b])
    blocks = tuple(g[0] if len(g) == 1 else replace(g[0], text=_join_texts(g)) for g in groups)
    return replace(page, blocks=blocks)


_MAX_ROUNDS = 8


def join_and_dedupe(page: _Page) -> _Page:
    """Alternate :func:`join_broken` and :func:`dedupe_captions` until neither changes a line.

    Each can enable the other (a dropped duplicate leaves two sentence halves adjacent; a
    join brings two copies closer), and reaching the fixed point keeps clean() idempotent.
    """
    for _ in range(_MAX_ROUNDS):
        new = dedupe_captions(join_broken(page))
        if [b.text for b in new.blocks] == [b.text for b in page.blocks]:
            return new
        page = new
    return page


def classify(page: _Page) -> _Page:
    """Give every remaining block a kind: heading (short, followed by text) or body."""
    blocks = list(page.blocks)
    for i, b in enumerate(blocks):
        if b.kind is None:
            is_heading = 0 < i < len(blocks) - 1 and is_heading_like(b.text)
            blocks[i] = replace(b, kind="heading" if is_heading else "body")
    return replace(page, blocks=tuple(blocks))


process_page: Callable[[_Page], _Page] = make_pipeline(
    drop_chrome,
    cut_related,
    extract_dateline,
    join_and_dedupe,
    find_title,
    classify,
)


def clean(raw_text: str) -> CleanDoc:
    """Normalise a scraped page into a CleanDoc: title first, paragraphs joined by blank lines.

    Never raises on a string; linear in the input size.
    """
    if not isinstance(raw_text, str):
        raw_text = str(raw_text)
    page = process_page(_page_from_text(normalise_text(raw_text)))
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    pos = 0
    for b in page.blocks:
        if parts:
            pos += 2
        parts.append(b.text)
        paragraphs.append(Paragraph(pos, pos + len(b.text), b.kind or "body"))
        pos += len(b.text)
    return CleanDoc(
        text="\n\n".join(parts),
        paragraphs=tuple(paragraphs),
        title=page.title,
        dateline=page.dateline,
        removed=page.removed,
    )
