"""The house rules of the layout, checked: the folder listing is the data flow, query-side code
never pays for the NLP stack, each fact is written once, and modules and functions stay small."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "mattis_corpus"
QUERY_SIDE = ("store", "query", "cli")
HEAVY = ("spacy", "thinc", "dateparser", "trafilatura", "htmldate", "lxml")
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60
# One grammar that reads best whole may pass the module limit: name it here with the reason.
LONG_MODULES: dict[str, str] = {}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _module_level_imports(tree: ast.Module) -> list[str]:
    """Imports executed when the module is imported (not those inside functions)."""
    names: list[str] = []
    for node in tree.body:
        stmts = [node]
        if isinstance(node, ast.If) and not _is_type_checking(node):
            stmts = node.body + node.orelse
        elif isinstance(node, ast.Try):
            stmts = node.body + [s for h in node.handlers for s in h.body] + node.orelse
        for s in stmts:
            if isinstance(s, ast.Import):
                names += [a.name for a in s.names]
            elif isinstance(s, ast.ImportFrom) and s.module:
                names.append(s.module)
    return names


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


@pytest.mark.parametrize("package", QUERY_SIDE)
def test_query_side_never_imports_the_nlp_stage_at_module_level(package: str) -> None:
    for path in sorted((PACKAGE / package).rglob("*.py")):
        for name in _module_level_imports(ast.parse(path.read_text("utf-8"))):
            top = name.split(".")[0]
            assert top not in HEAVY, f"{_rel(path)} imports {name} at module level"
            assert not name.startswith("mattis_corpus.nlp"), f"{_rel(path)} imports {name}"
            assert not name.startswith("mattis_corpus.ingest"), f"{_rel(path)} imports {name}"


def test_query_commands_load_no_heavy_module() -> None:
    """Importing every query-side module in a fresh interpreter loads neither spaCy nor our NLP."""
    mods = sorted(
        "mattis_corpus." + _rel(p)[:-3].replace("/", ".").removesuffix(".__init__")
        for pkg in QUERY_SIDE for p in (PACKAGE / pkg).rglob("*.py")
    )
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in mods)
        + f"bad = [m for m in sys.modules if m.split('.')[0] in {HEAVY!r}"
        " or m.startswith('mattis_corpus.nlp')]\n"
        "print(' '.join(sorted(bad)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _string_constants(tree: ast.Module) -> list[tuple[int, str]]:
    """String literals that are not docstrings."""
    docstrings = {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)
    }
    return [
        (n.lineno, n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    ]


FACTS_MODULE = "french.py"
MONTH_WORDS = ("janvier", "février", "fevrier", "juillet", "septembre", "décembre", "decembre")
WEEKDAY_WORDS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
TYPOGRAPHIC = "\u2019\u02bc\u201b\u2032"


def _fact_violations(words: tuple[str, ...], min_hits: int) -> list[str]:
    bad = []
    for path in _modules():
        if _rel(path) == FACTS_MODULE:
            continue
        for line, value in _string_constants(ast.parse(path.read_text("utf-8"))):
            low = value.lower()
            if value.lower() in words or sum(w in low for w in words) >= min_hits:
                bad.append(f"{_rel(path)}:{line}: {value[:60]!r}")
    return bad


def test_month_names_are_written_once() -> None:
    assert _fact_violations(MONTH_WORDS, 2) == []


def test_weekday_names_are_written_once() -> None:
    assert _fact_violations(WEEKDAY_WORDS, 3) == []


def test_apostrophe_set_is_written_once() -> None:
    bad = []
    for path in _modules():
        if _rel(path) == FACTS_MODULE:
            continue
        for line, value in _string_constants(ast.parse(path.read_text("utf-8"))):
            if any(c in value for c in TYPOGRAPHIC):
                bad.append(f"{_rel(path)}:{line}: {value[:60]!r}")
    assert bad == []


def test_entity_types_are_written_once() -> None:
    bad = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                values = {e.value for e in node.elts if isinstance(e, ast.Constant)}
                if {"PER", "LOC", "ORG", "MISC"} <= values:
                    bad.append(f"{_rel(path)}:{node.lineno}")
    assert len(bad) == 1, bad


def test_modules_stay_small() -> None:
    too_long = {
        _rel(p): n for p in _modules()
        if (n := len(p.read_text("utf-8").splitlines())) > MAX_MODULE_LINES
        and _rel(p) not in LONG_MODULES
    }
    assert too_long == {}


def test_functions_stay_small() -> None:
    too_long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    too_long.append(f"{_rel(path)}:{node.lineno} {node.name} ({n} lines)")
    assert too_long == []
