#!/usr/bin/env python3
"""Plain tag stripping, the crude way many scrapers save a page as text.

Usage: strip_tags.py PAGE.html [ENCODING] > PAGE.txt

* the bytes are decoded with ENCODING (default: the charset declared in the
  page's <meta>, else utf-8), undecodable bytes are replaced;
* the content of <script>, <style>, <noscript>, <template>, <svg> and <head>
  is dropped (but the <title> is kept, as the first line);
* every other text node is kept, entities decoded, runs of white space
  collapsed to one space (no-break spaces are kept);
* a line break is emitted at block-level tags (p, div, li, h1-h6, br, tr,
  article, section, header, footer, nav, aside, ...), so menus, footers,
  cookie prompts, share buttons stay in the output, each on its own line;
* empty lines are squeezed (at most one empty line in a row).

Only the Python standard library is used (html.parser).
"""

import re
import sys
from html.parser import HTMLParser

DROP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
    "option",
    "select",
    "button",
    "label",
    "time",
    "caption",
    "center",
}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}


class Stripper(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.drop_depth = 0
        self.stack = []
        self.in_title = False
        self.title = None

    def _newline(self):
        self.out.append("\n")

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
            self.title = ""
            return
        if tag in VOID:
            if tag in BLOCK and not self.drop_depth:
                self._newline()
            return
        if tag in DROP:
            self.drop_depth += 1
            self.stack.append(tag)
            return
        self.stack.append(tag)
        if tag in BLOCK and not self.drop_depth:
            self._newline()

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK and not self.drop_depth:
            self._newline()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
            return
        if tag in VOID:
            return
        # pop up to the matching tag (tolerates unclosed tags)
        if tag in self.stack:
            while self.stack:
                t = self.stack.pop()
                if t in DROP:
                    self.drop_depth -= 1
                if t == tag:
                    break
        if tag in BLOCK and not self.drop_depth:
            self._newline()

    def handle_data(self, data):
        if self.in_title:
            self.title = (self.title or "") + data
            return
        if self.drop_depth:
            return
        self.out.append(data)


def declared_charset(raw):
    m = re.search(rb'<meta[^>]+charset=["\']?\s*([A-Za-z0-9_-]+)', raw[:20000], re.I)
    return m.group(1).decode("ascii") if m else "utf-8"


def strip(raw, encoding=None):
    enc = encoding or declared_charset(raw)
    try:
        text = raw.decode(enc, errors="replace")
    except LookupError:
        text = raw.decode("utf-8", errors="replace")
    p = Stripper()
    p.feed(text)
    p.close()
    body = "".join(p.out)
    lines = []
    for line in body.split("\n"):
        line = re.sub(r"[ \t\r\n\f\v]+", " ", line).strip()
        if not line and (not lines or not lines[-1]):
            continue
        lines.append(line)
    if p.title:
        lines.insert(0, re.sub(r"[ \t\r\n\f\v]+", " ", p.title).strip())
        lines.insert(1, "")
    return "\n".join(lines).strip() + "\n"


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as fh:
        data = fh.read()
    sys.stdout.write(strip(data, sys.argv[2] if len(sys.argv) > 2 else None))
