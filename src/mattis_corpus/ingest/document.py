"""A raw page → the article to analyse: its clean text, title and publication date, decided
here once, before any NLP (the date is the anchor the NLP resolves relative dates against)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from mattis_corpus.ingest.clean.page import clean
from mattis_corpus.ingest.published import resolve
from mattis_corpus.models import CleanDoc, Published, RawDoc

TITLE_WORDS = 14


def prepare(raw: RawDoc, recurring: Callable[[str], bool] | None = None) -> tuple[CleanDoc, Published]:
    """Clean the page, then choose its title (sidecar > page > lede) and publication date.

    ``recurring`` says whether a line recurs in other documents (the site's furniture)."""
    cleaned = clean(raw.text, recurring)
    if raw.meta.get("title"):
        cleaned = dataclasses.replace(cleaned, title=raw.meta["title"])
    elif not cleaned.title and cleaned.paragraphs:
        cleaned = dataclasses.replace(cleaned, title=lede_title(cleaned))
    return cleaned, resolve(raw.meta, cleaned)


def lede_title(cleaned: CleanDoc) -> str:
    """A page without a title line gets the start of its first sentence as title, so listings
    stay readable; it is not inserted into the text."""
    first = cleaned.paragraphs[0]
    para = cleaned.text[first.start:first.end]
    sentence = re.split(r"(?<=[.!?»])\s+(?=[A-ZÉÈÀÂ«])", para, maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
