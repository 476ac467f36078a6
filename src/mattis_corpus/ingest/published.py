"""Publication date: sidecar metadata > the article's own dateline > inferred from the text > null.

Inference is deliberately strict, because every relative date ("jeudi", "en avril dernier") is
resolved against this date: we only take the latest full date of the text when the text itself
confirms it is the article's present (the same weekday is named, e.g. "jeudi … 16 février 2017").
"""

from __future__ import annotations

import re

from mattis_corpus.dates import interval, parse_partial
from mattis_corpus.french import WEEKDAYS
from mattis_corpus.ingest.clean.dateline import absolute_days
from mattis_corpus.models import CleanDoc, Published

_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_NOT_PRESENT_RE = re.compile(r"^\s*(prochain|dernier|suivant|précédent|passé)\b", re.IGNORECASE)


def make(value: str | None, source: str | None) -> Published:
    if not value:
        return Published(None, None, None)
    _, _, precision = parse_partial(value)
    start, end = interval(value) or (None, None)
    return Published(value, precision, source, start, end)


def weekdays_named(text: str) -> set[int]:
    """Weekdays (0 = Monday) named as the article's own present ("jeudi", not "jeudi prochain")."""
    found = set()
    for m in _WEEKDAY_RE.finditer(text):
        if not _NOT_PRESENT_RE.match(text[m.end(): m.end() + 12]):
            found.add(WEEKDAYS.index(m.group(1).lower()))
    return found


def infer_from_text(text: str) -> str | None:
    """The latest full date written in the text, if the text names its weekday; else None."""
    named = weekdays_named(text)
    if not named:
        return None
    days = absolute_days(text)
    if not days:
        return None
    latest = max(days)
    return latest.isoformat() if latest.weekday() in named else None


def parse_dateline_text(text: str) -> str | None:
    """Read a dateline our grammar could not (other languages and layouts) with dateparser.

    An explicit year is required, so "Publié il y a 2 heures" is never resolved against today.
    """
    from dateparser.date import DateDataParser  # only here: slow to import, rarely needed

    stripped = re.sub(r"^\W*(publié|mis à jour|mise à jour|modifié|published|updated|posted)"
                      r"(\s+(le|on))?\s*:?\s*", "", text, flags=re.IGNORECASE)
    if not re.search(r"\b(1[5-9]|20)\d{2}\b", stripped):
        return None  # relative ("il y a 2 heures") or incomplete: never guess
    parser = DateDataParser(languages=["fr", "en"], settings={"REQUIRE_PARTS": ["year"]})
    data = parser.get_date_data(stripped)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    return {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(period, d.isoformat())


def resolve(meta: dict, clean: CleanDoc, page: dict | None = None) -> Published:
    """Choose the publication date and say where it came from (``published_source``).

    ``page``: what an HTML page declares (``ingest/html.py`` weighs it against the dateline)."""
    if meta.get("published"):
        return make(meta["published"], "metadata")
    if page and page.get("published"):
        from mattis_corpus.ingest.html import choose_published

        chosen = choose_published(page, clean)
        if chosen is not None:
            return chosen
    dl = clean.dateline
    if dl and not dl.furniture:
        value = dl.value if dl.value and interval(dl.value) else parse_dateline_text(dl.text)
        if value:
            return make(value, "dateline")
        return Published(None, None, None)  # the page dates itself, unreadably: never infer
    inferred = infer_from_text(clean.text)
    if inferred:
        return make(inferred, "inferred")
    return Published(None, None, None)
