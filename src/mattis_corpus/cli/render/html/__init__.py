"""Self-contained HTML pages: templates and scripts are package data files, filled here.

Nothing is fetched when a page opens: the CSS and JavaScript are inlined, and the data is one
JSON object in a ``<script type="application/json">`` element, escaped so that no text from
an article (``</script>``, ``<!--``) can close or open a tag there.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from importlib.resources import files
from typing import Any

_SLOT_RE = re.compile(r"<!--slot:(\w+)-->|/\*slot:(\w+)\*/")
# What must not appear raw inside a script element (and two separators JavaScript once broke on).
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                  "\u2029": "\\u2029"}


@cache
def asset(name: str) -> str:
    """A template, stylesheet or script of this package (read once per process)."""
    return files(__package__).joinpath(name).read_text("utf-8")


def script_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` as ``\\u`` escapes, which
    ``JSON.parse`` reads back as the very characters."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m[0]], text)


def fill(template: str, **slots: str) -> str:
    """Replace each ``<!--slot:name-->`` (or ``/*slot:name*/``) in one pass, so a value can
    never be read as a slot itself. A missing slot is a bug: KeyError."""
    return _SLOT_RE.sub(lambda m: slots[m[1] or m[2]], template)


def page(view: str, title: str, data: Any, body: str = "") -> str:
    """The page ``view`` (``view.html`` with ``base.css``, ``common.js`` and ``view.js``)."""
    return fill(
        asset("page.html"), title=html.escape(title), css=asset("base.css"),
        view=view, body=body, data=script_json(data), common=asset("common.js"),
        script=asset(f"{view}.js"),
    )
