#!/bin/sh
# How text/<id>.txt was produced from html/<id>.html (one of three ways per page,
# see tools/sources.json "tool" and "charset").  Run from tests/pages/.
#   lynx 2.9 (Debian package):  lynx -dump -nolist -display_charset=utf-8 -assume_charset=<charset> html/<id>.html
#   html2text 2025.4.15 (PyPI, in a throw-away venv, default options): html2text html/<id>.html <charset>
#   tag stripping:              python3 tools/strip_tags.py html/<id>.html
# benchmarks/pages_tools.py --tools also scores every page as two more tools write it:
#   w3m 0.5 (Debian package):   w3m -dump -T text/html -I <charset> -O utf-8 -cols 80 html/<id>.html
#   a browser's copy-paste:     python3 tools/browser_copy.py html/<id>.html  (headless Chromium)
set -e
python3 - <<'PY'
import json, subprocess
src = json.load(open("tools/sources.json", encoding="utf-8"))
for pid, m in sorted(src.items()):
    html = f"html/{pid}.html"
    if m["tool"] == "lynx":
        cmd = ["lynx", "-dump", "-nolist", "-display_charset=utf-8", f"-assume_charset={m['charset']}", html]
    elif m["tool"] == "html2text":
        cmd = ["html2text", html, m["charset"]]
    else:
        cmd = ["python3", "tools/strip_tags.py", html]
    out = subprocess.run(cmd, capture_output=True, check=True).stdout
    open(f"text/{pid}.txt", "wb").write(out)
    print(pid, m["tool"])
PY
