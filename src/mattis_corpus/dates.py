"""Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) and the intervals they cover.

Pure and light: used by query commands (``--from``/``--to``) as well as by ingest.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from mattis_corpus.errors import BadInputError

if TYPE_CHECKING:
    from mattis_corpus.models import Timex

_PARTIAL_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial(value: str) -> tuple[date, date, str]:
    """Parse 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' into (first day, last day, precision).

    Raises:
        BadInputError: for anything else, with the accepted forms in the message.
    """
    m = _PARTIAL_RE.match(value.strip())
    if not m:
        raise BadInputError(f"invalid date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(m.group(1))
    try:
        if m.group(3):
            d = date(year, int(m.group(2)), int(m.group(3)))
            return d, d, "day"
        if m.group(2):
            month = int(m.group(2))
            return date(year, month, 1), month_end(year, month), "month"
        return date(year, 1, 1), date(year, 12, 31), "year"
    except ValueError:
        raise BadInputError(f"invalid date {value!r}: no such day or month") from None


def interval(value: str) -> tuple[str, str] | None:
    """The ISO day interval of a partial date, or None when it is not one."""
    try:
        start, end, _ = parse_partial(value)
    except BadInputError:
        return None
    return start.isoformat(), end.isoformat()


_ISO_PARTIAL = re.compile(r"^\d{2,4}(-\d{2}(-\d{2}(T[\d:]+)?)?)?$")


def timeline_date(t: Timex) -> str:
    """The event's ``date``: ISO at its own precision, so that sorting the strings sorts the
    timeline ("2017" < "2017-01" < "2017-01-12"). TimeML forms with no ISO calendar equivalent
    (2017-SU, 2017-W08, 2017-Q1, TEV times) become the calendar unit that contains them."""
    value = t.value
    if _ISO_PARTIAL.match(value):
        return value
    if "T" in value and _ISO_PARTIAL.match(value.split("T")[0]):
        return value.split("T")[0]
    start, end = t.interval_start or "", t.interval_end or ""
    if start[:7] == end[:7]:
        return start[:7]
    if start[:4] == end[:4]:
        return start[:4]
    return start[:3] if start[:3] == end[:3] else start[:2]


def month_end(year: int, month: int) -> date:
    """Last day of ``month`` in ``year`` (``calendar`` would import ``locale`` for this).

    Raises:
        ValueError: for a month outside 1..12 or a year outside ``date``'s range.
    """
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)
