"""A raw page → the article to analyse: its clean text, title and publication date, decided
here once, before any NLP (the date is the anchor the NLP resolves relative dates against)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from mattis_corpus.ingest.clean.page import clean
from mattis_corpus.ingest.published import resolve
from mattis_corpus.models import CleanDoc, Dateline, Published, RawDoc

TITLE_WORDS = 14


def prepare(raw: RawDoc, recurring: Callable[[str], bool] | None = None) -> tuple[CleanDoc, Published]:
    """Clean the page, then choose its title (sidecar > page > lede) and publication date.

    ``recurring`` says whether a line recurs in other documents (the site's furniture)."""
    cleaned = clean(raw.text, recurring)
    if raw.meta.get("title"):
        cleaned = dataclasses.replace(cleaned, title=raw.meta["title"])
    elif raw.page.get("title") or raw.page.get("h1"):  # an HTML page's own metadata
        from mattis_corpus.ingest.html import page_title

        cleaned = dataclasses.replace(cleaned, title=page_title(raw.page, cleaned.text, cleaned.title))
    if raw.page.get("extracted"):  # main text from a web page: its lede may have been dropped
        from mattis_corpus.ingest.html import restore_lede

        cleaned = restore_lede(raw.text, cleaned)
    if not cleaned.title and cleaned.paragraphs:
        cleaned = dataclasses.replace(cleaned, title=lede_title(cleaned))
    cleaned = dataclasses.replace(cleaned, language=document_language(raw, cleaned),
                                  updated=_declared_update(raw) or cleaned.updated)
    return cleaned, resolve(raw.meta, cleaned, raw.page)


def document_language(raw: RawDoc, cleaned: CleanDoc) -> str | None:
    """The language the sidecar, record or page declares, unless our stop-word test says
    otherwise (a template's ``lang="fr"`` on an English article); else the test's verdict."""
    from mattis_corpus.ingest.language import detect_language, normalise_code

    declared = normalise_code(raw.meta.get("language") or raw.page.get("language"))
    detected = detect_language(cleaned.text)
    if raw.meta.get("language") and declared:
        return declared  # the user's own word
    return detected or declared


def _declared_update(raw: RawDoc) -> Dateline | None:
    """The update date the page's markup or record declares, as a dateline."""
    from mattis_corpus.dates import parse_partial

    value = raw.page.get("updated")
    if not value:
        return None
    _, _, precision = parse_partial(value)
    return Dateline(text=value, value=value, precision=precision, furniture=False)


def lede_title(cleaned: CleanDoc) -> str:
    """A page without a title line gets the start of its first sentence as title, so listings
    stay readable; it is not inserted into the text."""
    first = cleaned.paragraphs[0]
    para = cleaned.text[first.start:first.end]
    sentence = re.split(r"(?<=[.!?»])\s+(?=[A-ZÉÈÀÂ«])", para, maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
