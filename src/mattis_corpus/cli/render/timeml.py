"""TimeML: the document's text with its TIMEX3 tags and its creation time (DCT).

Offsets and values are the stored dates'. The DCT is the publication date (``tid="t0"``);
unknown, it is ``XXXX-XX-XX``, as TIMEX3 writes a date it cannot resolve. Relative
expressions say ``temporalFunction="true"`` and are anchored on the DCT.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr


def _attrs(pairs: dict) -> str:
    return "".join(f" {k}={quoteattr(str(v))}" for k, v in pairs.items() if v is not None)


def timex_tags(dates: list[dict]) -> list[tuple[int, int, str]]:
    """(start, end, opening tag) of each TIMEX3, in text order; a date overlapping the one
    before it is left out (XML cannot cross tags), which never happens with our tagger."""
    out: list[tuple[int, int, str]] = []
    for n, d in enumerate(sorted(dates, key=lambda d: (d["start"], -d["end"])), 1):
        if out and d["start"] < out[-1][1]:
            continue
        relative = bool(d.get("relative"))
        attrs = {"tid": f"t{n}", "type": d["type"], "value": d["value"], "mod": d.get("mod"),
                 "temporalFunction": "true" if relative else "false",
                 "anchorTimeID": "t0" if relative else None}
        out.append((d["start"], d["end"], f"<TIMEX3{_attrs(attrs)}>"))
    return out


def timeml(doc: dict) -> str:
    """One TimeML document (UTF-8 XML) for a ``show`` record."""
    text = doc["text"]
    body, pos = [], 0
    for start, end, tag in timex_tags(doc.get("dates") or []):
        body.append(escape(text[pos:start]) + tag + escape(text[start:end]) + "</TIMEX3>")
        pos = end
    body.append(escape(text[pos:]))
    published = doc.get("published")
    dct = _attrs({"tid": "t0", "type": "DATE", "value": published or "XXXX-XX-XX",
                  "temporalFunction": "false", "functionInDocument": "CREATION_TIME"})
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n'
        f"<DOCID>{escape(doc['id'])}</DOCID>\n"
        f"<DCT><TIMEX3{dct}>{escape(published or '')}</TIMEX3></DCT>\n"
        f"<TITLE>{escape(doc.get('title') or '')}</TITLE>\n"
        f"<TEXT>{''.join(body)}</TEXT>\n</TimeML>\n"
    )
