"""4 · Query abuse: hostile `search`, `kwic` and `--entity` values get exit 2 with `Error:` or
exit 0 with valid JSON — never a traceback — and the store is unchanged afterwards."""

from __future__ import annotations

import json

import pytest

from conftest import run_corpus

from .conftest import error_lines, invoke, store_fingerprint

HOSTILE = [
    '"unbalanced', 'un"balanced', '"', '""', '"a" "b', "OR", "AND", "NOT", "-", "*", "**", "^",
    "a OR", "OR a", "a AND", "NOT a", "-ministre", "ministre -", "- -", "etat*", "*etat", "x*y",
    "NEAR(a b)", "NEAR(ministre paris, 2)", "title:x", "body:ministre", "pad:x", "{title body}: x",
    "a:b:c", "(", ")", "()", "((ministre))", "(ministre OR", "ministre)", "[bold]", "'",
    "'; DROP TABLE documents; --", '"; DELETE FROM documents; --', "1=1; --", "%", "_", "\\",
    "ministre\x00paris", "\x1b[31mministre\x1b[0m", "\x07\x08\x7f", "\t\n\r", "\u202eparis",
    "\ufeffministre", "\U0001f600", "é" * 5, "l'OTAN", "aujourd'hui", "Mattis'", "’",
    "ministre " * 64, "ministre " * 65, "(" * 9 + "a" + ")" * 9, "(" * 500,
    "x" * 10_000, "a " * 5_000, '"' * 10_000, "a OR " * 2_000,
]


def _check(result, before, store) -> None:
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    if result.exit_code == 0:
        assert isinstance(json.loads(result.stdout), list)
    else:
        assert result.exit_code == 2, result.stderr
        assert len(error_lines(result.stderr)) == 1 and result.stdout == ""
    assert store_fingerprint(store) == before


@pytest.fixture(scope="module")
def fingerprint(base_store):
    return store_fingerprint(base_store)


@pytest.mark.parametrize("query", HOSTILE, ids=lambda q: repr(q[:30]))
@pytest.mark.parametrize("command", ["search", "kwic"])
def test_hostile_query(base_store, fingerprint, command, query):
    result = invoke(command, "--db", str(base_store), "--format", "json", "--", query)
    _check(result, fingerprint, base_store)


@pytest.mark.parametrize("value", HOSTILE[::3] + ["Jim Mattis", ""], ids=lambda q: repr(q[:30]))
@pytest.mark.parametrize("command", ["search", "timeline"])
def test_hostile_entity_filter(base_store, fingerprint, command, value):
    args = ["search", "ministre"] if command == "search" else ["timeline"]
    result = invoke(*args, "--entity", value, "--db", str(base_store), "--format", "json")
    _check(result, fingerprint, base_store)


@pytest.mark.parametrize("value", ["'; DROP TABLE documents; --", "../../etc/passwd", "x" * 10_000, "\x1b[2J"])
def test_hostile_doc_ids(base_store, fingerprint, value):
    for args in (["show", value], ["entities", "--doc", value], ["search", "ministre", "--doc", value],
                 ["timeline", "--doc", value]):
        result = invoke(*args, "--db", str(base_store), "--format", "json")
        assert result.exit_code in (0, 2), result.stderr
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        if result.exit_code == 0:
            json.loads(result.stdout)
    assert store_fingerprint(base_store) == fingerprint


def test_sql_injection_via_subprocess(base_store, fingerprint):
    for args in (["search", "'; DROP TABLE documents; --"], ["kwic", '"; DELETE FROM sentences; --'],
                 ["search", "ministre", "--entity", "x' OR '1'='1"]):
        proc = run_corpus(*args, "--db", str(base_store))
        assert proc.returncode in (0, 2) and "Traceback" not in proc.stderr, proc.stderr
        if proc.returncode == 0:
            assert isinstance(json.loads(proc.stdout), list)
    assert store_fingerprint(base_store) == fingerprint
    hits = json.loads(run_corpus("search", "ministre", "--db", str(base_store)).stdout)
    assert hits  # the store still answers


def test_search_ties_are_broken_by_document_id(tmp_path, nlp_model):
    """Equal scores come in document-id order, whatever the order the files were ingested in."""
    text = "Le ministre de la défense\n\nLe ministre a parlé de défense européenne à Bruxelles.\n"
    db = tmp_path / "c.db"
    for name in ("zeta", "alpha", "mid"):  # one ingest each: rowids in this order
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(text, encoding="utf-8")
        assert invoke("ingest", str(tmp_path / name), "--db", str(db)).exit_code == 0
    hits = json.loads(invoke("search", "ministre", "--db", str(db), "--format", "json").stdout)
    assert len({h["score"] for h in hits}) == 1
    assert [h["doc"] for h in hits] == ["alpha", "mid", "zeta"]
