#!/usr/bin/env python3
"""A page as a reader copies it from a browser: select all, copy, paste into a text file.

Usage: browser_copy.py PAGE.html > PAGE.txt

What the clipboard gets is the page's ``innerText``: the text as drawn, one line per block,
hidden elements left out, no link or list marks. The page is opened from a copy in headless
Chromium (Debian's ``chromium``; no network: a saved page's scripts and pictures fail to load,
as they would offline), and a script appended to that copy replaces the page, once loaded, by
its own visible text inside one ``<pre>``, which ``--dump-dom`` then prints.
Only the Python standard library is used.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_COPY_SCRIPT = (b"<script>window.addEventListener('load',function(){var t=document.body?"
                b"document.body.innerText:'';document.documentElement.innerHTML="
                b"'<body><pre id=\"copied\"></pre></body>';"
                b"document.getElementById('copied').textContent=t;});</script>")


def browser_copy(page: Path, chromium: str | None = None) -> bytes:
    """The page's visible text, UTF-8, as headless Chromium draws it."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "page.html"
        copy.write_bytes(page.read_bytes() + _COPY_SCRIPT)
        run = subprocess.run(
            [chromium or shutil.which("chromium") or "chromium", "--headless", "--no-sandbox",
             "--disable-gpu", f"--user-data-dir={tmp}/profile", "--virtual-time-budget=5000",
             "--blink-settings=imagesEnabled=false", "--dump-dom", copy.as_uri()],
            capture_output=True, timeout=120, check=True)
    found = re.search(rb'<pre id="copied">(.*?)</pre>', run.stdout, re.S)
    return html.unescape(found.group(1).decode("utf-8")).encode("utf-8") if found else b""


if __name__ == "__main__":
    sys.stdout.buffer.write(browser_copy(Path(sys.argv[1])))
