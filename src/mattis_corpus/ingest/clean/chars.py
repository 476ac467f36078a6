"""Character-level normalisation: small pure ``str -> str`` functions, each idempotent, composed
by :func:`make_pipeline` into :data:`normalise_text`. Offsets are not preserved here (the
text is cleaned before any offset exists)."""

from __future__ import annotations

import html
import html.entities
import re
import unicodedata
from collections.abc import Callable
from functools import reduce
from typing import TypeVar

from mattis_corpus.french import (
    APOSTROPHE,
    CURLY_DOUBLE_QUOTES,
    TYPOGRAPHIC_APOSTROPHES,
)

T = TypeVar("T")



def make_pipeline(*funcs: Callable[[T], T]) -> Callable[[T], T]:
    """Compose ``funcs`` left to right, so each stage stays small and testable alone."""

    def run(value: T) -> T:
        return reduce(lambda acc, f: f(acc), funcs, value)

    return run


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
ELISION_END_RE = re.compile(
    r"\b(aujourd|jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])'$", re.IGNORECASE
)
_SPACE_RUN_RE = re.compile(r" {2,}")


# What UTF-8 read as cp1252 or Latin-1 looks like ("opÃ©rateurs", "lâ€™Ã©tat"), and the C1
# controls a cp1252 page read as Latin-1 leaves ("d\x92avoir"): only then is ftfy consulted.
_MOJIBAKE_HINT_RE = re.compile(r"[ÃÂâ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                               r"\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|[\x80-\x9f]")


def repair_mojibake(text: str) -> str:
    """Undo a wrong decoding done before us (a scraper that read UTF-8 as cp1252): ftfy's
    encoding fix, which changes a text only when a re-decoding explains it, so French text
    that merely contains "Â" or "Ã" is left alone."""
    if not _MOJIBAKE_HINT_RE.search(text):
        return text
    import ftfy  # only for the few texts that need it

    return ftfy.fix_encoding(text)


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


_normalise_chars: Callable[[str], str] = make_pipeline(
    normalise_newlines,
    normalise_invisible,
    normalise_spaces,
    normalise_nfc,
    normalise_apostrophes,
    normalise_quotes,
    normalise_elision,
    normalise_lines,
)


_REPAIR_ROUNDS = 3


# "&amp;rsquo;" (escaped twice: a dump of a page's data attribute) is read in the same pass
_ENTITY_RE = re.compile(
    r"&(?:amp;|#38;|#[xX]26;)*((?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});)")


def _reference(m: re.Match[str]) -> str:
    ref = m.group(1)
    if ref[0] != "#" and ref not in html.entities.html5:
        return m.group()  # an unknown name stays as written ("&copyright;")
    char = html.unescape("&" + ref)
    if len(char) == 1 and (ord(char) < 32 or 127 <= ord(char) < 160):
        return " "  # "&#10;" is no line break of the dump (its line numbers are already taken)
    return char


def unescape_entities(text: str) -> str:
    """HTML character references a dump left as text ("jusqu&rsquo;&agrave;", from a share
    widget's attribute, or "&#233;") as the characters they stand for; unknown names stay,
    control characters become a space. One pass, linear, idempotent."""
    if "&" not in text:
        return text
    return _ENTITY_RE.sub(_reference, text)


def normalise_text(text: str) -> str:
    """The whole character-level normalisation, idempotent: ``f(f(x)) == f(x)``. Removing
    invisible characters can bring the halves of a mojibake sequence together ("Â\\b€"), so
    the repair runs again until nothing changes (at most a few rounds, and only when a
    mojibake sequence is left)."""
    out = _normalise_chars(repair_mojibake(unescape_entities(text)))
    for _ in range(_REPAIR_ROUNDS):
        if not _MOJIBAKE_HINT_RE.search(out):
            break
        again = _normalise_chars(repair_mojibake(out))
        if again == out:
            break
        out = again
    return out
