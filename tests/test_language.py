"""The stop-word language test, on the real pages of tests/pages (their hand-checked language)."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from mattis_corpus.ingest.language import detect_language, normalise_code, stopword_shares

PAGES = ROOT / "tests" / "pages"
EXPECTED = [json.loads(line) for line in (PAGES / "expected.jsonl").open(encoding="utf-8")]


@pytest.mark.parametrize("exp", EXPECTED, ids=[e["id"] for e in EXPECTED])
def test_each_real_page_gets_its_language(exp):
    text = (PAGES / "text" / f"{exp['id']}.txt").read_text(encoding="utf-8", errors="replace")
    assert detect_language(text) == exp["language"]


def test_expected_body_paragraphs_alone_get_their_language():
    for exp in EXPECTED:
        assert detect_language("\n".join(exp["body_paragraphs"])) == exp["language"], exp["id"]


def test_too_short_or_wordless_text_gets_no_verdict():
    assert detect_language("Emmanuel Macron") is None
    assert detect_language("12 34 56 " * 40) is None
    names = " ".join(["Mattis", "Trump", "Tillerson", "Lavrov", "Macron", "Parly"] * 10)
    assert detect_language(names) is None


def test_shares_are_fractions_and_french_wins_on_french():
    shares = stopword_shares("Le ministre a dit qu'il ne viendrait pas à la réunion de l'OTAN.")
    assert all(0.0 <= v <= 1.0 for v in shares.values())
    assert max(shares, key=shares.get) == "fr"


def test_declared_codes_are_normalised():
    assert [normalise_code(v) for v in ("fr-FR", "fr_BE", "FR", "French", "en-US,en", "", None, "x-y-z1")] == [
        "fr", "fr", "fr", "fr", "en", None, None, None]
