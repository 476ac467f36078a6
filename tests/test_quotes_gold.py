"""The quotation gold set (issue 21) is well formed, and the scorer's matching behaves as its
docstring says. Fast: no spaCy, the scorer reads saved predictions."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "quotes_gold"
ROWS = [json.loads(line) for line in (GOLD_DIR / "quotes.jsonl").read_text("utf-8").splitlines()
        if line.strip()]
QUOTES = [(row, q) for row in ROWS for q in row["quotes"]]
KINDS = {"direct", "partial", "indirect"}
NEGATIVE_WHY = {"scare_quotes", "title", "media_name", "operation_name", "nickname",
                "non_speech_que"}


def _readme_constructions() -> dict[str, int]:
    """construction tag -> the 'all' count printed in the README table."""
    text = (GOLD_DIR / "README.md").read_text("utf-8")
    section = text.split("## Counts per construction", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \|.*\| (\d+) \| (\d+) \| (\d+) \|$", section, re.M)
    return {tag: int(total) for tag, _, _, total in rows}


def _scorer():
    spec = importlib.util.spec_from_file_location("quotes_bench", ROOT / "benchmarks" / "quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scorer():
    return _scorer()


def test_ids_are_unique_and_both_splits_are_present() -> None:
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    splits = Counter(r["split"] for r in ROWS)
    assert set(splits) == {"dev", "heldout"}
    heldout = sum(1 for row, _ in QUOTES if row["split"] == "heldout")
    assert 0.25 <= heldout / len(QUOTES) <= 0.45


def test_at_least_150_quotes() -> None:
    assert len(QUOTES) >= 150


def test_every_quote_is_its_offsets_substring_once() -> None:
    for row, q in QUOTES:
        assert row["text"][q["start"]:q["end"]] == q["quote"], (row["id"], q["quote"])
        assert row["text"].count(q["quote"]) == 1, (row["id"], q["quote"])
        assert q["quote"] == q["quote"].strip(), (row["id"], q["quote"])


def test_fields_and_kinds_are_valid() -> None:
    for row, q in QUOTES:
        assert q["kind"] in KINDS, row["id"]
        assert q["verb"] is None or (q["verb"] and q["verb"] == q["verb"].lower()), row["id"]
        assert q["speaker_text"], (row["id"], q["quote"])
        assert isinstance(q["construction"], list) and q["construction"], row["id"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["published"]), row["id"]


def test_a_named_speaker_is_named_in_the_passage_and_unnamed_ones_are_null() -> None:
    """Gold never guesses a speaker from world knowledge."""
    for row, q in QUOTES:
        unnamed = "unnamed_speaker" in q["construction"]
        assert unnamed == (q["speaker"] is None), (row["id"], q["quote"])
        if q["speaker"]:
            assert q["speaker"].split()[-1] in row["text"], (row["id"], q["speaker"])


def test_pieces_of_one_group_have_one_speaker() -> None:
    for row in ROWS:
        speakers: dict[int, set] = {}
        for q in row["quotes"]:
            if "group" in q:
                speakers.setdefault(q["group"], set()).add(q["speaker"])
        assert all(len(s) == 1 for s in speakers.values()), row["id"]
        assert all(len([q for q in row["quotes"] if q.get("group") == g]) >= 2
                   for g in speakers), row["id"]


def test_negatives_are_in_the_text_and_are_not_gold_quotes() -> None:
    count = 0
    for row in ROWS:
        quotes = {q["quote"] for q in row["quotes"]}
        for neg in row.get("negatives", []):
            count += 1
            assert neg["why"] in NEGATIVE_WHY, row["id"]
            assert neg["text"] in row["text"] and neg["text"] not in quotes, (row["id"], neg)
    assert count >= 20


def test_every_readme_construction_occurs_at_least_5_times_as_counted() -> None:
    listed = _readme_constructions()
    counts = Counter(tag for _, q in QUOTES for tag in q["construction"])
    assert len(listed) >= 15
    assert set(counts) == set(listed), set(counts) ^ set(listed)
    for tag, total in listed.items():
        assert counts[tag] == total, tag
        assert total >= 5, tag


def test_readme_totals_match_the_file() -> None:
    text = (GOLD_DIR / "README.md").read_text("utf-8")
    assert f"**{len(QUOTES)} annotated quotations**" in text
    assert f"{len(ROWS)} short French" in text


def test_spans_match_needs_half_of_the_shorter_span(scorer) -> None:
    assert scorer.spans_match((0, 10), (5, 30))
    assert not scorer.spans_match((0, 10), (6, 30))
    assert scorer.spans_match((10, 20), (0, 100))
    assert not scorer.spans_match((0, 10), (10, 20))


def test_one_prediction_matches_one_gold_unless_they_share_a_group(scorer) -> None:
    pieces = [(0, 20, 1), (40, 60, 1)]
    assert scorer.match_spans(pieces, [(0, 60)]) == {0: 0, 1: 0}
    assert scorer.match_spans([(0, 20, None), (40, 60, None)], [(0, 60)]) == {0: 0}
    assert scorer.match_spans([(0, 20, 1), (40, 60, 2)], [(0, 60)]) == {0: 0}
    nested = [(0, 50, 3), (20, 35, 3)]  # an indirect clause and the partial quote inside it
    assert scorer.match_spans(nested, [(0, 50), (20, 35)]) == {0: 0, 1: 1}
    assert scorer.match_spans(nested, [(20, 35)]) == {0: 0, 1: 0}
    assert scorer.match_spans([(0, 10, None)], [(30, 40)]) == {}


def test_speaker_rule_folds_case_accents_and_takes_the_last_name(scorer) -> None:
    assert scorer.speaker_ok("Sébastien Lecornu", "sebastien LECORNU")
    assert scorer.speaker_ok("Jean-Yves Le Drian", "Le Drian")
    assert scorer.speaker_ok("Jim Mattis", "Mattis")
    assert not scorer.speaker_ok("Jim Mattis", "Rex Tillerson")
    assert not scorer.speaker_ok("Jim Mattis", None)
    assert scorer.speaker_ok(None, None)
    assert not scorer.speaker_ok(None, "Jim Mattis")


def test_locate_survives_rewritten_quote_characters(scorer) -> None:
    gold = "Il a dit\u00a0: «\u00a0C\u2019est fini\u00a0»."
    out = "Il a dit : « C'est fini »."
    assert scorer.locate("C\u2019est fini", gold, out, 13) == (13, 23)
    assert scorer.locate("C\u2019est fini", gold, "Titre\n\n" + out, 13) == (20, 30)


def _run(scorer, tmp_path: Path, rows: list[dict], capsys) -> tuple[dict, str]:
    """The scorer's figures (and its stderr) on saved predictions."""
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    assert scorer.main(["--split", "all", "--predictions", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out.strip().splitlines()[-1]), captured.err


def _as_prediction(q: dict, speaker: str | None) -> dict:
    return {"start": q["start"], "end": q["end"], "quote": q["quote"], "kind": q["kind"],
            "verb": q["verb"], "speaker": speaker, "speaker_id": None,
            "speaker_text": q["speaker_text"]}


def test_the_gold_itself_scores_perfectly(scorer, tmp_path, capsys) -> None:
    rows = [{"id": r["id"], "text": r["text"],
             "quotes": [_as_prediction(q, q["speaker"]) for q in r["quotes"]]} for r in ROWS]
    figures, err = _run(scorer, tmp_path, rows, capsys)
    assert err == ""
    assert figures["gold"] == figures["predicted"] == figures["matched_gold"] == len(QUOTES)
    assert figures["precision"] == figures["recall"] == figures["speaker_accuracy"] == 1.0
    assert figures["false_positives_on_negatives"] == 0


def test_negatives_wrong_speakers_and_a_missing_field_are_counted(
    scorer, tmp_path, capsys
) -> None:
    rows = []
    for r in ROWS:
        preds = [_as_prediction(q, "Jim Mattis") for q in r["quotes"] if q["speaker"] is None]
        for neg in r["negatives"]:
            start = r["text"].index(neg["text"])
            preds.append({"start": start, "end": start + len(neg["text"]), "kind": "partial",
                          "speaker": None})
        rows.append({"id": r["id"], "text": r["text"], "quotes": preds})
    figures, _ = _run(scorer, tmp_path, rows, capsys)
    unnamed = sum(1 for _, q in QUOTES if q["speaker"] is None)
    negatives = sum(len(r["negatives"]) for r in ROWS)
    assert figures["unnamed_turned_named"] == unnamed == figures["matched_gold"]
    assert figures["speaker_accuracy"] == 0.0
    assert figures["false_positives_on_negatives"] == negatives
    bare = [{"id": r["id"], "text": r["text"]} for r in ROWS]
    figures, err = _run(scorer, tmp_path, bare, capsys)
    assert figures["quotes_field"] is False and figures["predicted"] == 0
    assert figures["recall"] == 0.0 and "no `quotes` field" in err
