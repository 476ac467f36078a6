"""The real pages of ``tests/pages/`` made into text by every scraper tool, not only the one
each page was saved with: how much our text cleaning, titles and dates depend on the tool.

Each page's expectations (title, date, body) do not depend on the tool, so every page is
scored once per tool: as lynx dumps it, as html2text writes it, tag-stripped, and with
``--tools``, also as w3m, elinks and links dump it and as a reader copies it from a browser (all text
selected: the ``innerText`` of the page in headless Chromium, which is what the clipboard gets).
Needs ``lynx`` (Debian package) and ``html2text`` (PyPI) on the PATH, or ``--html2text PATH``;
``w3m``, ``elinks``, ``links`` and ``chromium`` (Debian packages) for those.
Usage: ``python benchmarks/pages_tools.py [--split dev|heldout|all] [--batch 1|2|3|all]
[--tools lynx,html2text,strip,lynx-links,w3m,elinks,links,soup,browser] [-v]``
(``lynx-links``: lynx without ``-nolist``, its default, links numbered and listed at the end;
``soup``: BeautifulSoup's ``get_text("\\n")``, with ``--soup-python``).
Corpus repetition counts over the pages of the same tool, as one ingest of that folder would.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "pages"
sys.path.insert(0, str(ROOT / "benchmarks"))

from pages import in_batch, recurring_lines, run_text, score_page, summary  # noqa: E402

TOOLS = ("lynx", "html2text", "strip")
MORE_TOOLS = ("lynx-links", "w3m", "elinks", "links", "soup", "browser")


def convert(tool: str, html: Path, charset: str, html2text: str, width: int | None = None,
            soup_python: str = "python3") -> bytes:
    """The page as the tool writes it, with the commands of tests/pages/tools/make_text.sh;
    ``width``: lynx's and w3m's columns instead of their default 80 (a wider dump)."""
    if tool == "lynx":
        cmd = ["lynx", "-dump", "-nolist", "-display_charset=utf-8", f"-assume_charset={charset}",
               *([f"-width={width}"] if width else []), str(html)]
    elif tool == "lynx-links":  # lynx's default: links numbered in the text, listed at the end
        cmd = ["lynx", "-dump", "-display_charset=utf-8", f"-assume_charset={charset}",
               *([f"-width={width}"] if width else []), str(html)]
    elif tool == "html2text":
        cmd = [html2text, str(html), charset]
    elif tool == "w3m":
        cmd = ["w3m", "-dump", "-T", "text/html", "-I", charset, "-O", "utf-8", "-cols", str(width or 80), str(html)]
    elif tool == "elinks":
        cmd = ["elinks", "-dump", "-dump-charset", "utf-8", "-no-references", "-no-numbering",
               "-eval", f'set document.codepage.assume = "{charset}"',
               "-eval", "set document.codepage.force_assumed = 1", str(html)]
    elif tool == "links":
        cmd = ["links", "-dump", "-codepage", "utf-8", "-html-assume-codepage", charset,
               "-html-hard-assume", "1", str(html)]
    elif tool == "soup":
        cmd = [soup_python, str(PAGES / "tools" / "soup_text.py"), str(html), charset]
    elif tool == "browser":
        cmd = [sys.executable, str(PAGES / "tools" / "browser_copy.py"), str(html)]
    else:
        cmd = [sys.executable, str(PAGES / "tools" / "strip_tags.py"), str(html)]
    return subprocess.run(cmd, capture_output=True, check=True).stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    ap.add_argument("--batch", choices=["1", "2", "3", "all"], default="all")
    ap.add_argument("--tools", default=",".join(TOOLS),
                    help=f"comma-separated, of {', '.join(TOOLS + MORE_TOOLS)} (default: the first three)")
    ap.add_argument("--html2text", default=shutil.which("html2text") or "html2text")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list the pages with a bad title or date, >10%% body lost or >20%% chrome")
    ap.add_argument("--keep", type=Path, help="also write each tool's text files to this folder")
    ap.add_argument("--soup-python", default="python3",
                    help="a Python with beautifulsoup4, for --tools soup (tests/pages/tools/soup_text.py)")
    ap.add_argument("--width", type=int, help="dump lynx and w3m at this many columns (default 80)")
    ap.add_argument("--reuse", type=Path,
                    help="read the texts a --keep run wrote there instead of converting again")
    opts = ap.parse_args()
    sources = json.loads((PAGES / "tools" / "sources.json").read_text(encoding="utf-8"))
    expected = [json.loads(line) for line in (PAGES / "expected.jsonl").open(encoding="utf-8")]
    expected = [e for e in expected if e["language"] == "fr" and in_batch(e, opts.batch)
                and opts.split in ("all", e["split"])]
    with tempfile.TemporaryDirectory() as tmp:
        for tool in opts.tools.split(","):
            folder = Path(tmp) / tool
            folder.mkdir()
            for exp in expected:
                src = sources[exp["id"]]
                kept = opts.reuse / tool / f"{exp['id']}.txt" if opts.reuse else None
                (folder / f"{exp['id']}.txt").write_bytes(
                    kept.read_bytes() if kept and kept.exists()
                    else convert(tool, PAGES / "html" / f"{exp['id']}.html", src["charset"], opts.html2text,
                                 opts.width, opts.soup_python))
            if opts.keep:
                shutil.copytree(folder, opts.keep / tool, dirs_exist_ok=True)
            recurring = recurring_lines(sorted(folder.glob("*.txt")))
            scores = []
            for exp in expected:
                text, title, published = run_text(folder / f"{exp['id']}.txt", recurring)
                s = score_page(exp, text, title, published)
                scores.append(s)
                if opts.verbose and (not s.title_ok or s.date in ("wrong", "missing")
                                     or s.lost > 0.10 * s.body_words or s.chrome > 0.2 * s.stored):
                    own = "own tool" if sources[exp["id"]]["tool"] == tool else ""
                    print(f"  {tool:9} {s.id:18} lost {s.lost:4}/{s.body_words:<5} "
                          f"chrome {s.chrome:4}/{s.stored:<5} title "
                          f"{'ok ' if s.title_ok else 'BAD'} date {s.date:7} {own} | {(s.title or '')[:60]}")
            print(tool, json.dumps(summary(scores)))


if __name__ == "__main__":
    main()
