"""TimelineJS3 JSON: the title slide and one slide per event, grouped by document.

TimelineJS reads ``headline`` and ``text`` as HTML, so every text is escaped here.
"""

from __future__ import annotations

import html
import json
import re

_ISO = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _date(iso: str) -> dict:
    """``2017-02`` → ``{"year": 2017, "month": 2}``: TimelineJS shows a date at the precision
    of the fields it is given."""
    m = _ISO.match(iso or "")
    if not m:
        return {}
    out = {"year": int(m[1])}
    if m[2]:
        out["month"] = int(m[2])
    if m[3]:
        out["day"] = int(m[3])
    return out


def slide(row: dict) -> dict:
    """One event as a TimelineJS slide: a date ISO at its own precision gives ``start_date``
    only; a season or part of a month gives its interval (``start``/``end``)."""
    own = _date(row["date"])
    start = own if own and row.get("precision") in ("year", "month", "day") else _date(row["start"])
    out = {"start_date": start}
    if start is not own:
        out["end_date"] = _date(row["end"])
    names = ", ".join(e["name"] for e in row.get("entities") or [])
    out["display_date"] = html.escape(f"{row['date']} «{row['date_text']}»", quote=False)
    out["text"] = {
        "headline": html.escape(row["summary"], quote=False),
        "text": html.escape(row.get("sentence") or "", quote=False)
        + (f"<p>{html.escape(names, quote=False)}</p>" if names else "")
        + f"<p>{html.escape(row['doc'])}</p>",
    }
    out["group"] = row["doc"]
    return out


def timelinejs(rows: list[dict], title: str) -> str:
    """The whole TimelineJS document, as JSON text."""
    data = {"title": {"text": {"headline": html.escape(title, quote=False),
                               "text": f"{len(rows)} events"}},
            "events": [slide(r) for r in rows]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
