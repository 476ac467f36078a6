"""Issue 20, item 3: memory per document is bounded whatever its size.

A long text is parsed in pieces cut at paragraph or sentence boundaries (at a space, or at a
fixed length, when it has none), then joined back: the offsets of entities, dates and sentences
must be those of one parse of the whole text. Peak memory and time per size are measured by
``benchmarks/big_article.py``, not here (no timing asserts)."""

from __future__ import annotations

import json

from mattis_corpus.nlp.analyse import analyse
from mattis_corpus.nlp.chunks import CHUNK_CHARS, analyse_long, parse_long, split_points

from .conftest import check_store, french_article, invoke, write_articles


def _long_text(size: int, *, sep: str = "\n\n") -> str:
    paras, i = [], 0
    while sum(map(len, paras)) < size:
        paras.append(" ".join(french_article(500 + i).split()))
        i += 1
    return sep.join(paras) + "\n"


def _offsets(ann):
    return ([(m.start, m.end, m.type) for m in ann.mentions],
            [(t.start, t.end, t.value) for t in ann.timexes],
            [(s.start, s.end) for s in ann.sentences])


def test_a_long_text_parsed_in_pieces_keeps_its_offsets(nlp):
    text = _long_text(60_000)
    cuts = split_points(text)
    assert len(cuts) >= 3, cuts  # at least two pieces
    assert all(text[c - 2 : c] == "\n\n" for c in cuts[1:-1])  # cut at paragraph breaks
    doc = parse_long(nlp, text)
    assert doc.text == text
    pieces = analyse_long(doc, None, "2018-06-01")
    whole = analyse(nlp(text), None, "2018-06-01")
    mentions, dates, sentences = _offsets(pieces)
    assert mentions and dates
    assert (mentions, dates, sentences) == _offsets(whole)
    assert all(text[m.start : m.end] == m.text for m in pieces.mentions)
    assert all(text[t.start : t.end] == t.text for t in pieces.timexes)
    dated = [e for e in pieces.events if e.timex_index is not None]  # not the lede's event
    assert all(e.date_source == "published" for e in pieces.events if e.timex_index is None)
    assert all(0 <= e.timex_index < len(pieces.timexes) and
               all(0 <= i < len(pieces.mentions) for i in e.mention_indexes)
               for e in dated)
    for e in dated:  # each event's date lies in its sentence
        t, s = pieces.timexes[e.timex_index], pieces.sentences[e.sentence_index]
        assert s.start <= t.start < s.end


def test_a_text_without_breaks_or_punctuation_is_split(nlp):
    words = "mot " * (CHUNK_CHARS // 2)  # one line, no punctuation: cut at spaces
    cuts = split_points(words)
    assert len(cuts) >= 3
    assert all(b - a <= CHUNK_CHARS for a, b in zip(cuts, cuts[1:], strict=False))
    assert all(words[c - 1] == " " and words[c] != " " for c in cuts[1:-1])
    solid = "x" * (2 * CHUNK_CHARS + 10)  # not even a space: cut at the fixed length
    assert split_points(solid) == [0, CHUNK_CHARS, 2 * CHUNK_CHARS, len(solid)]
    doc = parse_long(nlp, words)
    assert doc.text == words and len(doc) == CHUNK_CHARS // 2


def test_a_long_one_line_article_is_ingested_with_exact_offsets(tmp_path, nlp_model):
    folder = tmp_path / "big"
    folder.mkdir()
    (folder / "long.txt").write_text(_long_text(130_000, sep=" "), encoding="utf-8")
    db = tmp_path / "big.db"
    result = invoke("ingest", str(folder), "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert check_store(db) == ["long"]  # every sentence indexes the stored text
    shown = json.loads(invoke("show", "long", "--db", str(db), "--format", "json").stdout)
    text = shown["text"]
    assert shown["entities"] and shown["dates"]
    assert all(text[e["start"] : e["end"]] == e["text"] for e in shown["entities"])
    assert all(text[d["start"] : d["end"]] == d["text"] for d in shown["dates"])


def test_workers_are_capped_with_a_message(tmp_path, nlp_model):
    files = write_articles(tmp_path / "two", 2)
    db = tmp_path / "w.db"
    result = invoke("ingest", str(tmp_path / "two"), "--db", str(db), "--workers", "16")
    assert result.exit_code == 0, result.stderr
    capped = [line for line in result.stderr.splitlines() if "--workers" in line]
    assert len(capped) == 1 and "16 lowered to 2" in capped[0], result.stderr
    assert check_store(db) == sorted(p.stem for p in files)


def test_batch_size_has_guard_rails(tmp_path):
    """A batch size of 0 or beyond 10,000 is a usage error, before anything is read."""
    write_articles(tmp_path / "two", 2)
    for bad in ("0", "100000"):
        result = invoke("ingest", str(tmp_path / "two"), "--db", str(tmp_path / "b.db"),
                        "--batch-size", bad)
        assert result.exit_code == 2 and "--batch-size" in result.stderr, result.stderr
        assert not (tmp_path / "b.db").exists()
