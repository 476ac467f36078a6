"""Real pages as a reader copies them from a browser (tests/pages/tools/browser_copy.py: the
page drawn in headless Chromium, its innerText): no list, heading or link marks, a line per
block. Dev pages whose copy the text rules were made to read (headline and byline on lines of
their own, teaser lists unmarked); the whole dev set is scored by
``benchmarks/pages_tools.py --tools browser``."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "pages" / "tools"))
from browser_copy import browser_copy  # noqa: E402

import pages as P  # noqa: E402  (the scorer of benchmarks/pages.py)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="headless Chromium is not installed (Debian: apt-get install -y chromium)",
)

_PAGES = ("p25_lalibre", "p46_ozap", "p52_tf1info", "p68_7sur7")


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("browser")
    for pid in _PAGES:
        (folder / f"{pid}.txt").write_bytes(browser_copy(P.PAGES / "html" / f"{pid}.html", CHROMIUM))
    return {pid: folder / f"{pid}.txt" for pid in _PAGES}


@pytest.mark.parametrize("pid", _PAGES)
def test_a_browsers_copy_keeps_its_title_date_and_article(copies, pid):
    exp = next(e for e in map(json.loads, (P.PAGES / "expected.jsonl").open(encoding="utf-8"))
               if e["id"] == pid)
    assert exp["split"] == "dev"
    text = copies[pid].read_text(encoding="utf-8")
    assert len(text.split()) > 100  # the page was drawn and copied
    s = P.score_page(exp, *P.run_text(copies[pid], frozenset()))
    assert s.title_ok, s.title
    assert s.date in ("right", "none-ok"), s.date
    assert s.lost <= 0.1 * s.body_words, (s.lost, s.body_words)
