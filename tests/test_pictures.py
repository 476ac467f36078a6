"""The pages as a person sees them: each opened in headless Chromium (Debian's ``chromium``),
photographed into ``docs/`` (the README shows those images), and checked for what it drew
(the counts its script writes on ``<html>``) and for JavaScript errors (the page's own error
hook, and the console as Chromium logs it). Skipped, with the reason, without Chromium."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ROOT
from mattis_corpus.cli import cli
from test_exports import XSS, XSS_ID, XSS_TITLE, xss_db  # noqa: F401  (xss_db: a fixture)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DOCS = ROOT / "docs"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="headless Chromium is not installed (Debian: apt-get install -y chromium)",
)


def _chromium(tmp: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    """One headless Chromium run with its own profile (runs never share a lock)."""
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--no-first-run", "--window-size=1400,900", "--virtual-time-budget=5000",
         "--run-all-compositor-stages-before-draw",  # a screenshot of a fully drawn frame
         "--enable-logging=stderr", "--v=0", f"--user-data-dir={tmp / 'profile'}", *extra, url],
        capture_output=True, text=True, timeout=180,
    )


class Seen:
    """What the browser made of a page: the DOM it dumped and the console lines it logged."""

    def __init__(self, tmp: Path, page: Path, screenshot: Path | None = None,
                 url: str | None = None) -> None:
        run = _chromium(tmp, url or page.as_uri(), "--dump-dom")
        assert run.returncode == 0 and "<html" in run.stdout, run.stderr[-2000:]
        self.dom = run.stdout
        self.console = re.findall(r"CONSOLE[^\]]*\] (.*)", run.stderr)
        root = re.search(r"<html[^>]*>", self.dom)
        assert root
        self.attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', root[0]))
        if screenshot is not None:
            shot = _chromium(tmp, page.as_uri(), f"--screenshot={screenshot}")
            assert shot.returncode == 0, shot.stderr[-2000:]
            assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            assert screenshot.stat().st_size > 20_000  # a drawn page, not a blank one

    def rendered(self, what: str) -> int:
        return int(self.attrs[f"data-rendered-{what}"])

    def assert_no_error(self) -> None:
        assert self.attrs.get("data-js-errors") == "0", self.dom[-3000:]
        assert self.console == []


def _write(runner, db: Path, path: Path, *args: str) -> Path:
    result = runner.invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    path.write_text(result.stdout, "utf-8")
    return path


def _json(runner, db: Path, *args: str):
    result = runner.invoke(cli, ["--db", str(db), *args, "--format", "json"], catch_exceptions=False)
    return json.loads(result.stdout)


def test_timeline_page_draws_every_event(runner, seed_db, tmp_path):
    events = _json(runner, seed_db, "timeline")
    page = _write(runner, seed_db, tmp_path / "timeline.html", "timeline", "--format", "html")
    seen = Seen(tmp_path, page, DOCS / "timeline.png")
    seen.assert_no_error()
    assert events and seen.rendered("events") == len(events)
    cards = seen.dom.count('class="tl-event"')  # cards are built for the part in view only
    assert cards == seen.rendered("cards") and 0 < cards <= len(events)
    name = events[0]["entities"][0]["name"]
    typed = Seen(tmp_path, page, url=page.as_uri() + "#types=PER&entity=" + quote(name.lower()))
    assert typed.rendered("events") == sum(  # the page's own filters, set from the link
        any(e["type"] == "PER" for e in ev["entities"])
        and any(name.lower() in e["name"].lower() for e in ev["entities"]) for ev in events)
    some = _json(runner, seed_db, "timeline", "--entity", name)
    page = _write(runner, seed_db, tmp_path / "some.html", "timeline", "--entity", name, "--format", "html")
    assert 0 < len(some) <= len(events)
    assert Seen(tmp_path, page).rendered("events") == len(some)


def test_network_page_draws_every_node(runner, seed_db, tmp_path):
    graph = _json(runner, seed_db, "network")
    page = _write(runner, seed_db, tmp_path / "network.html", "network", "--format", "html")
    seen = Seen(tmp_path, page, DOCS / "network.png")
    seen.assert_no_error()
    assert graph["nodes"] and seen.rendered("nodes") == len(graph["nodes"])
    assert seen.rendered("edges") == len(graph["edges"])
    assert seen.dom.count("<circle") == len(graph["nodes"])


def test_document_page_marks_every_entity_and_date(runner, seed_db, tmp_path):
    docs = [d["id"] for d in _json(runner, seed_db, "docs")]
    shown = {d: _json(runner, seed_db, "show", d) for d in docs}
    events = {d: _json(runner, seed_db, "timeline", "--doc", d) for d in docs}
    doc = max(docs, key=lambda d: (len(events[d]), len(shown[d]["dates"]), d))  # the richest
    page = _write(runner, seed_db, tmp_path / f"{doc}.html", "show", doc, "--format", "html")
    seen = Seen(tmp_path, page, DOCS / "show.png")
    seen.assert_no_error()
    assert seen.rendered("entities") == len(shown[doc]["entities"])
    assert seen.rendered("dates") == len(shown[doc]["dates"])
    assert seen.rendered("events") == len(events[doc])
    con = sqlite3.connect(seed_db)
    has_quotes = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'quotes'").fetchone()
    quotes = con.execute("SELECT count(*) FROM quotes q JOIN documents d ON d.rowid = q.doc "
                         "WHERE d.id = ?", (doc,)).fetchone()[0] if has_quotes else 0
    con.close()
    assert seen.rendered("quotes") == quotes  # once the store has quotes, every one is shown


class _Dom(HTMLParser):
    """Script elements and visible text of a dumped DOM (attributes included in the text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts, self.text, self._script = 0, [], False

    def handle_starttag(self, tag, attrs):
        self._script = tag == "script"
        self.scripts += tag == "script"
        self.text.extend(v for _, v in attrs if v)

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if not self._script:
            self.text.append(data)


@pytest.mark.parametrize("view", ["show", "timeline", "network"])
def test_markup_in_an_article_is_shown_not_run(runner, xss_db, tmp_path, view):  # noqa: F811
    args = {"show": ("show", XSS_ID), "timeline": ("timeline",), "network": ("network",)}[view]
    page = _write(runner, xss_db, tmp_path / f"{view}.html", *args, "--format", "html")
    seen = Seen(tmp_path, page)
    seen.assert_no_error()
    dom = _Dom()
    dom.feed(seen.dom)
    assert dom.scripts == 3  # the page's own three: the article's markup made none
    text = "".join(dom.text)
    if view == "show":
        assert XSS_TITLE in text and text.count(XSS) >= 3  # title, heading, text: as text
    elif view == "timeline":
        assert seen.rendered("events") == len(_json(runner, xss_db, "timeline"))
        assert XSS in text  # the sentence, in the card's tooltip
    else:
        assert seen.rendered("nodes") == len(_json(runner, xss_db, "network")["nodes"])
