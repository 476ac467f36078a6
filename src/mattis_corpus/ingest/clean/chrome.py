"""Line tests: is a line page chrome, a related-articles header, a title, a heading?

The phrase lists are data files (``mattis_corpus/data/chrome_*.txt``), matched accent- and
case-insensitively on a folded key of the line."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from mattis_corpus.lexicons import entries

TERMINAL = (".", "!", "?", "…", "»", '"', ":", ";")
_HEADING_MAX_WORDS = 12
_SHORT_CHARS = 300  # chrome lines are short: never spend time keying long ones


class _FoldTable(dict[int, str]):
    """str.translate table filled on demand: each character -> one lower-case base letter."""

    def __missing__(self, code: int) -> str:
        value = unicodedata.normalize("NFD", chr(code))[0].lower()[0]
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()


def fold_same_length(text: str) -> str:
    """Lower-case, accent-free copy with exactly one character per input character."""
    return text.translate(_FOLD_TABLE)


def words(line: str) -> int:
    return len(line.split())


@lru_cache(maxsize=4096)
def _key(line: str) -> str:
    """Accent/case-insensitive form with the bullets and punctuation at both ends removed."""
    k = " ".join(fold_same_length(line).replace("-", " ").split())
    i, j = 0, len(k)
    while i < j and not k[i].isalnum():
        i += 1
    while j > i and not k[j - 1].isalnum():
        j -= 1
    return k[i:j]


def _keys(*phrases: str) -> frozenset[str]:
    return frozenset(_key(p) for p in phrases)


_CHROME_EXACT = _keys(*entries("chrome_exact_fr"))

_CHROME_PREFIXES = tuple(_key(p) + " " for p in entries("chrome_prefixes_fr"))
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
# The site speaking to its subscriber about the account ("Votre carte bancaire arrive à
# expiration. Cliquez ici pour la mettre à jour et continuer à profiter de votre abonnement"):
# the reader's account named, and a call to act on it. Keyed text (folded, '-' as space).
# A reading session's dialog is one too ("… en train de lire Le Monde avec ce compte sur un autre
# appareil", "En cliquant sur « Continuer à lire ici » … avec ce compte").
_ACCOUNT_RE = re.compile(
    r"\b(?:(?:votre|vos) (?:abonnements?|compte|carte bancaire|moyen de paiement|avantages)|ce compte)\b")
_ACCOUNT_CALL_RE = re.compile(
    r"\b(?:cliquez|en cliquant|mettre a jour|mettez a jour|optez|abonnez vous|connectez vous|identifiez vous"
    r"|renouvelez|activez|sans action de votre part|(?:un )?autre appareil|un seul appareil)\b")
_ACCOUNT_MAX_WORDS = 40


def _account_prompt(key: str) -> bool:
    return _ACCOUNT_RE.search(key) is not None and _ACCOUNT_CALL_RE.search(key) is not None


_PROMO_RE = re.compile(r"^\W*(?!assez\b|chez\b)\w+ez\b(?:-(?:nous|vous))?.*\b(?:notre|nos|votre|vos)\b",
                       re.I | re.S)


def site_promo(text: str) -> bool:
    """The site's own box under a heading after an article: an imperative to the reader about
    the site's products ("Écoutez notre podcast…", "Téléchargez notre application…"). Not
    chrome anywhere (a quoted appeal reads so too): the article is never extended over it."""
    return _PROMO_RE.match(text) is not None


_AGENCY_CREDIT_RE = re.compile(
    r"^avec (l'|la |les )?(afp|reuters|ap|ats|belga|dpa|ansa|xinhua|efe|presse canadienne"
    r"|agence france presse|agences?)( ?(et|,|/) ?(l'|la |les )?(afp|reuters|ap|ats|belga|dpa"
    r"|ansa|xinhua|efe|presse canadienne|agence france presse|agences?))*$"
)
_BREADCRUMB_SEPS = (" > ", " › ", " » ", " / ", " | ")


# A site's legal notice, however long: "Ce site est protégé par le droit d'auteur, tous droits
# réservés. Toute reproduction … doit faire l'objet d'une autorisation …".
_LEGAL_RE = re.compile(r"\btous droits (?:de reproduction )?reserves\b"
                       r"|\btoute reproduction\b.{0,120}\b(?:interdite|autorisation)\b")
_NOTICE_MAX_WORDS = 100
_PREFIX_PUNCT_RE = re.compile(r"\s*[:!?.]\s*")  # "Temps de lecture: 2 minutes" starts "temps de lecture "


# ">>> Oscars 2016 : …", "→ Lire notre enquête": an arrow before a headline is a link to
# another article, set in the text.
_ARROW_TEASER_RE = re.compile(r"^(?:>{2,}|»{2,}|→|⇒|►|▶)\s*\S")


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
    n = words(line)
    if _ARROW_TEASER_RE.match(line) and n <= _PREFIX_MAX_WORDS * 2 and not line.rstrip().endswith((".", "!")):
        return True
    if n <= _NOTICE_MAX_WORDS and ("serv" in line or "produc" in line) and _LEGAL_RE.search(_key(line)):
        return True
    if n <= _ACCOUNT_MAX_WORDS and ("otre" in line or "vos " in line or "ce compte" in line) and _account_prompt(_key(line)):
        return True
    if "ookie" in line or "OOKIE" in line:
        key = _key(line)
        return "cookie" in key and any(h in key for h in _COOKIE_HINTS) and n <= 80
    if _LABEL_RUN_MIN <= n <= _LABEL_RUN_MAX and _label_run(line):
        return True
    if n > _PREFIX_MAX_WORDS:
        return False
    if line.startswith(("©", "(c)", "(C)", "Copyright", "COPYRIGHT")):
        return True
    key = _key(line)
    if key in _CHROME_EXACT or _CHROME_RE.match(key):
        return True
    if key.startswith("avec ") and _AGENCY_CREDIT_RE.match(key):
        return True
    if (_PREFIX_PUNCT_RE.sub(" ", key) + " ").startswith(_CHROME_PREFIXES):
        return True
    crumbs = _QUOTED_RE.sub(" ", line)  # a « quoted » word in a headline is no breadcrumb
    return (n <= 12 and any(c in crumbs for c in ">›»/|")
            and sum(crumbs.count(s) for s in _BREADCRUMB_SEPS) >= 2)


_QUOTED_RE = re.compile(r"«[^«»]*»")
_LABEL_RUN_MIN, _LABEL_RUN_MAX = 3, 60
_LABEL_SHARE = 0.8


def _label_run(line: str) -> bool:
    """Share buttons glued on one line, each label printed up to three times (icon, text,
    title): "facebook Facebook facebook twitter Twitter twitter linkedin …". Nearly every word
    a chrome label of its own."""
    tokens = line.split()
    allowed = len(tokens) - _LABEL_SHARE * len(tokens)  # is_chrome_line's hot path: stop early
    misses = 0
    for t in tokens:
        if _key(t) not in _CHROME_EXACT:
            misses += 1
            if misses > allowed:
                return False
    return True


_RELATED = _keys(*entries("related_headers_fr"))
_COMMENT_MARKERS = tuple(_key(p) for p in entries("comment_markers_fr"))
_COUNT_RE = re.compile(r"^\d+ ")
_TRAILING_COUNT_RE = re.compile(r"\s*\(?\d+$")  # "Réagir (14)" is keyed "reagir (14"
_INLINE_SEPS = (":", "|", ">", "»", "-", "–", "—")


def related_header(line: str) -> str | None:
    """Classify a related-articles header: ``"bare"``, ``"inline"`` (teaser on the line) or None."""
    if len(line) > _SHORT_CHARS:
        return None
    key = _key(line)
    if key in _RELATED or _section_header(key, line):
        return "bare"
    for phrase in ("lire aussi", "a lire aussi", "lire egalement", "a lire egalement",
                   "voir aussi", "a voir aussi", "sur le meme sujet"):
        if key.startswith(phrase) and key[len(phrase):].lstrip()[:1] in _INLINE_SEPS:
            return "inline"
    return None


_SECTION_LINKS = ("de ", "du ", "des ", "dans ", "en ", "sur ")
_SECTION_WORDS = 5


def _section_header(key: str, line: str) -> bool:
    """A box header narrowed to a section: "À lire aussi de Mode et Beauté", "Les plus lus
    dans Sport", "Plus d'articles sur l'Ukraine" (a few words after a preposition, no
    sentence end)."""
    if line.rstrip().endswith((".", "!", "?")) or " " not in key:
        return False
    for header in _RELATED:
        if key.startswith(header + " "):
            rest = key[len(header) + 1:]
            return rest.startswith(_SECTION_LINKS) and len(rest.split()) <= _SECTION_WORDS
    return False


def is_body_like(line: str, min_words: int) -> bool:
    """A real article paragraph: long enough and ends a sentence (not a '...' teaser)."""
    s = line.rstrip()
    return (words(s) >= min_words and s.endswith(TERMINAL)
            and not s.endswith(("...", "…")))


def starts_lower(line: str) -> bool:
    return bool(line) and line[0].islower()


_BYLINE_RE = re.compile(r"^(?:Par|PAR|By|BY)\s+[^\W\d_]")
_BYLINE_WORDS = 30


# Some sites set the byline in small letters: "par Anne MARTIN avec le service politique".
# Only with a capitalised full name after it and no sentence end, since a sentence broken by
# the scraper can go on with "par le ministre." too.
_LOWER_BYLINE_RE = re.compile(r"^(?:par|by)\s+[A-ZÀ-Þ][^\W\d_]+(?:[-\s]+[A-ZÀ-Þ][^\W\d_]*)+")
# A blog theme's post line: "par framasoft | Classé dans : …", "by admin | 12 mars 2017": an
# author's handle, then the theme's separator, which no sentence has after one or two words.
_HANDLE_BYLINE_RE = re.compile(r"^(?:par|by)\s+[\w.@-]+(?:\s[\w.@-]+)?\s+\|\s")


def is_byline(line: str) -> bool:
    """The authors' line ("Par Anne Martin, correspondante à Pékin -- 5 avril 2017")."""
    if words(line) > _BYLINE_WORDS:
        return False
    return bool(_BYLINE_RE.match(line) or _HANDLE_BYLINE_RE.match(line)) or (
        bool(_LOWER_BYLINE_RE.match(line)) and not line.rstrip().endswith(TERMINAL))


def is_title_like(line: str) -> bool:
    """A headline: 2-25 words, not starting lower-case, no final ``. … , ; :``."""
    s = line.strip()
    n = words(s)
    return (2 <= n <= 25 and not starts_lower(s)
            and not s.endswith((".", "…", ",", ";", ":")))


def is_heading_like(line: str) -> bool:
    """A section heading: at most 12 words, capitalised, no comma, no quote ends, no period."""
    s = line.strip()
    if not s or words(s) > _HEADING_MAX_WORDS or "," in s:
        return False
    if not (s[0].isupper() or s[0].isdigit()):
        return False
    if s.startswith(("«", '"', "'")) or s.endswith(("»", '"')):
        return False
    return not s.endswith((".", "…", ",", ";", ":"))


# A comment form's prompt, however the site words the rest: "Connectez-vous à Facebook pour
# pouvoir commenter", "Abonnez-vous pour réagir", "Identifiez-vous afin de commenter".
_COMMENT_PROMPT_RE = re.compile(
    r"\b(?:pour|afin de|to)\s+(?:pouvoir\s+|y\s+)?(?:commenter|reagir|comment)$"
    r"|^(?:connectez|identifiez|inscrivez|abonnez|connecte|log in|sign in)\b.*\bcomment")
_COMMENT_PROMPT_WORDS = 12


# The paywall's cut: what follows is the subscription offer, never the article ("Il vous reste
# 57% de cet article à lire. La suite est réservée aux abonnés.", "Pour lire la suite de cet
# article, abonnez-vous", "Je m'abonne pour lire la suite", "83 % de ce contenu reste à
# découvrir", "Seuls nos abonnés peuvent lire l'intégralité de cet article"). A bare "Article réservé aux
# abonnés" is a label printed under many titles, not a cut: it is not matched here.
_PAYWALL_RE = re.compile(
    r"\bil vous reste \d+(?:[.,]\d+)? ?% (?:de (?:cet|l) ?'?article )?a lire"
    r"|\b(?:la suite|le reste) (?:de (?:cet|l) ?'?article )?est reservee? aux (?:abonnes|membres)"
    r"|\blire la suite\b.{0,40}\babonn|\babonn\w*\b.{0,30}\bpour lire la suite\b"
    r"|\b\d+ ?% de (?:ce|cet|l) ?'?(?:contenu|article) reste a (?:lire|decouvrir)"
    r"|\bseuls (?:nos|les) (?:abonnes|membres) peuvent lire")


def is_paywall_cut(line: str) -> bool:
    """A line saying the rest of the article is for subscribers only."""
    return len(line) <= _SHORT_CHARS and bool(_PAYWALL_RE.search(_key(line)))


_COMMENT_HEADERS = tuple(_key(p) for p in entries("comment_headers_fr"))
_HEADER_COUNT_RE = re.compile(r"^(?:\d+|une?|one|no|aucune?)\s+(.+)$", re.I)
_QUOTES = "«\"“'‘"


def _comment_header(line: str) -> bool:
    """A blog's header over its comments: a count, "commentaires sur" or "réponses à", then
    the post's title in quotes, however long ("21 commentaires sur « … »", "One thought on
    "…""); the title may be cut where the dump wrapped the line."""
    m = _HEADER_COUNT_RE.match(line.strip().lstrip("#").strip())
    if m is None:
        return False
    rest = m.group(1)
    for header in _COMMENT_HEADERS:
        n = len(header.split())
        words = rest.split(maxsplit=n)
        if len(words) > n and _key(" ".join(words[:n])) == header and words[n][0] in _QUOTES:
            return True
    return False


def is_comment_marker(line: str) -> bool:
    """A line that opens the readers' comments ("Laissez un commentaire", "12 réactions",
    "Connectez-vous pour pouvoir commenter", "21 commentaires sur « … »")."""
    if _comment_header(line):
        return True
    if len(line) > _SHORT_CHARS:
        return False
    key = _TRAILING_COUNT_RE.sub("", _COUNT_RE.sub("", _key(line)))
    n = len(key.split())
    if key in _COMMENT_MARKERS:
        return True
    sentence = line.rstrip().endswith((".", "!", "?"))  # "Les commentaires allaient de … ."
    if not sentence and any(key.startswith(m + " ") and n - len(m.split()) <= _MARKER_TAIL_WORDS
                            for m in _COMMENT_MARKERS):
        return True
    return n <= _COMMENT_PROMPT_WORDS and bool(_COMMENT_PROMPT_RE.search(key))


_MARKER_TAIL_WORDS = 5  # "Commentaires des lecteurs (12)", "Réagir à cet article de Jean"

