"""The compiled-regex cache gives exactly what re.compile gives, and never fails a load."""

from __future__ import annotations

import marshal
import re
from re import _compiler

import pytest

from mattis_corpus.nlp.speedups import regex_cache as RC

SAMPLES = ["porte-avions", "Porte-Avions", "aujourd'hui", "chef-d'œuvre", "x-1", "",
           "anti-américain", "ANTI-AMÉRICAIN", "sous-marins", "mot0042-suite", "zzz"]


def big_pattern() -> str:
    """Like spaCy's tokenizer exceptions: thousands of alternatives, classes, named groups."""
    words = [f"(?:mot{i:04d}[-‐]\\w+)" for i in range(3000)]
    words += ["(?P<prefix>anti|sous|porte)[-‐][a-zéèêà]+", "(?:^[a-zœ]+['’][a-zœ]+$)"]
    pattern = "(?iu)" + "|".join(words)
    assert len(pattern) >= RC.MIN_CHARS
    return pattern


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(RC, "_MEMO", {})
    return tmp_path / "cache"


def same_as_re(compiled: re.Pattern, pattern: str, flags: int = 0) -> None:
    reference = _compiler.compile(pattern, flags)  # not re.compile: its own cache
    assert compiled == reference  # Pattern equality compares the compiled code
    assert (compiled.flags, compiled.groups, dict(compiled.groupindex)) == (
        reference.flags, reference.groups, dict(reference.groupindex))
    for s in SAMPLES:
        a, b = compiled.match(s), reference.match(s)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def test_a_big_pattern_is_written_once_then_read_back(cache):
    pattern = big_pattern()
    first = RC.compile_cached(pattern)
    files = list(cache.glob("re-*.marshal"))
    assert len(files) == 1
    same_as_re(first, pattern)
    RC._MEMO.clear()
    stamp = files[0].stat().st_mtime_ns
    again = RC.compile_cached(pattern)
    assert files[0].stat().st_mtime_ns == stamp  # read, not rewritten
    same_as_re(again, pattern)
    assert RC.compile_cached(pattern) is again  # then memoised in the process


def test_flags_are_part_of_the_key(cache):
    pattern = big_pattern().removeprefix("(?iu)")
    plain, folded = RC.compile_cached(pattern), RC.compile_cached(pattern, re.IGNORECASE)
    assert len(list(cache.glob("re-*.marshal"))) == 2
    same_as_re(plain, pattern)
    same_as_re(folded, pattern, re.IGNORECASE)


def test_a_damaged_file_is_compiled_again_and_replaced(cache):
    pattern = big_pattern()
    RC.compile_cached(pattern)
    (path,) = cache.glob("re-*.marshal")
    good = path.read_bytes()
    foreign = [marshal.dumps(x) for x in (42, (34, [2**40], 0, {}, ()), (34, [999], 0, {}, ()))]
    for damage in (good[: len(good) // 2], b"", b"not marshal at all", *foreign):
        path.write_bytes(damage)
        RC._MEMO.clear()
        same_as_re(RC.compile_cached(pattern), pattern)
        assert path.read_bytes() == good


def test_flipped_bytes_are_detected_and_the_file_rebuilt(cache):
    """A byte flipped anywhere (marshal would still load most of them, and _sre would run the
    changed program) fails the checksum: the pattern is compiled again and the file rewritten."""
    pattern = big_pattern()
    RC.compile_cached(pattern)
    (path,) = cache.glob("re-*.marshal")
    good = path.read_bytes()
    for at in (0, 31, 32, len(good) // 3, len(good) // 2, len(good) - 1):
        damaged = bytearray(good)
        damaged[at] ^= 0x01
        path.write_bytes(bytes(damaged))
        RC._MEMO.clear()
        same_as_re(RC.compile_cached(pattern), pattern)
        assert path.read_bytes() == good


def test_small_patterns_and_a_disabled_or_unwritable_cache_fall_back_to_re(tmp_path, monkeypatch):
    monkeypatch.setattr(RC, "_MEMO", {})
    pattern = big_pattern()
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "small"))
    same_as_re(RC.compile_cached("(?i)porte[-‐]avions"), "(?i)porte[-‐]avions")
    assert not (tmp_path / "small").exists()
    monkeypatch.setenv("CORPUS_CACHE_DIR", "")
    assert RC.cache_dir() is None
    same_as_re(RC.compile_cached(pattern), pattern)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(blocker / "cache"))
    RC._MEMO.clear()
    same_as_re(RC.compile_cached(pattern), pattern)


def test_re_compile_is_itself_again_after_the_load(cache):
    original = re.compile
    with RC.cached_compiles():
        assert re.compile is not original
        same_as_re(re.compile(big_pattern()), big_pattern())
    assert re.compile is original
    with pytest.raises(ValueError), RC.cached_compiles():
        raise ValueError
    assert re.compile is original


def test_the_models_tokenizer_pattern_is_spacys_own(nlp, cache_on):
    """The French tokenizer-exception pattern, loaded through the cache, is the one
    ``re`` compiles (this re-compiles it: ~4.5 s)."""
    token_match = nlp.tokenizer.token_match.__self__
    assert len(token_match.pattern) >= RC.MIN_CHARS
    assert list(cache_on.glob("re-*.marshal"))
    assert token_match == _compiler.compile(token_match.pattern, 0)
