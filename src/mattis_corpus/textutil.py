"""Tiny pure helpers on strings shared by the stages (no heavy imports here)."""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from mattis_corpus.french import APOSTROPHE, TYPOGRAPHIC_APOSTROPHES

if TYPE_CHECKING:  # pathlib costs query commands ~5 ms of imports (urllib, ipaddress)
    from pathlib import Path

_SPACE_RE = re.compile(r"[\s\u00a0\u202f\u2007\u2009]+")
# Terminal escape sequences (CSI ``ESC [ … m``, OSC ``ESC ] … BEL``): no text, removed whole
# wherever text is stored or printed (the ingest and the renderers share this one pattern).
ESCAPE_SEQUENCE_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")
_APOS = str.maketrans(dict.fromkeys(TYPOGRAPHIC_APOSTROPHES, APOSTROPHE))


def strip_accents(text: str) -> str:
    """Remove diacritics: 'État' -> 'Etat'. Keeps the string length only for precomposed input."""
    if text.isascii():  # most words: nothing to strip
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)  # called for every token and candidate at ingest: words repeat
def fold(text: str) -> str:
    """Accent-, case-, apostrophe- and space-insensitive key: 'l’État  Islamique' -> "l'etat islamique"."""
    text = strip_accents(text.translate(_APOS)).casefold()
    text = text.replace("-", " ")
    return _SPACE_RE.sub(" ", text).strip()

_CHAR_MAP = str.maketrans(
    {
        **dict.fromkeys(TYPOGRAPHIC_APOSTROPHES, APOSTROPHE),
        "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u2002": " ",
        "\u2003": " ", "\u200a": " ", "\u3000": " ", "\t": " ",
    }
)


def normalise_chars(text: str) -> str:
    """One-for-one character clean-up (apostrophes, exotic spaces): offsets are preserved."""
    return text.translate(_CHAR_MAP)


def display_path(path: str | Path) -> str:
    """``path`` as printable UTF-8: bytes of a non-UTF-8 file name become U+FFFD (a lone
    surrogate from ``os.fsdecode`` can be neither stored in SQLite nor written as UTF-8)."""
    return os.fsencode(path).decode("utf-8", "replace")


class RawJSON(str):
    """A value already encoded as JSON (a long id list built by SQLite): written as is.

    ``entities`` on a big store lists millions of document ids; letting SQLite build each list
    (``json_group_array``) and copying it to stdout is ~10× faster than decoding it into Python
    strings and encoding them again.
    """
