#!/usr/bin/env python3
"""A page as many Python scrapers save it: BeautifulSoup's ``get_text("\\n", strip=True)``.

Usage: soup_text.py PAGE.html [ENCODING] > PAGE.txt   (needs beautifulsoup4, e.g. in a
throw-away venv: ``python3 -m venv /tmp/bs4 && /tmp/bs4/bin/pip install beautifulsoup4``)

Every text node on its own line, scripts and styles dropped: a link or an emphasis inside a
sentence cuts it over several lines. Not used for any ``.txt`` of the set; scored by
``benchmarks/pages_tools.py --tools soup --soup-python /tmp/bs4/bin/python``.
"""

import sys
from pathlib import Path

from bs4 import BeautifulSoup


def soup_text(page: Path, encoding: str = "utf-8") -> str:
    soup = BeautifulSoup(page.read_bytes().decode(encoding, errors="replace"), "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return soup.get_text("\n", strip=True)


if __name__ == "__main__":
    enc = sys.argv[2] if len(sys.argv) > 2 else "utf-8"
    sys.stdout.buffer.write(soup_text(Path(sys.argv[1]), enc).encode("utf-8"))
