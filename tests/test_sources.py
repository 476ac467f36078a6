"""Loader: paths, encodings, sidecar metadata, bad files."""

from __future__ import annotations

import codecs
import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mattis_corpus.errors import BadInputError
from mattis_corpus.ingest.sources import MAX_FILE_BYTES, control_count, decode, iter_paths, read_raw

TEXT = "L'armée française a quitté le Mali en août 2022, a annoncé l'état-major.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_decode_unicode_encodings(data, encoding):
    text, enc, warnings = decode(data)
    assert text == TEXT
    assert enc == encoding
    assert warnings == ()


def test_decode_cp1252_is_detected_and_warned():
    text, enc, warnings = decode("Le général a dit « oui » – 50 €".encode("cp1252"))
    assert text == "Le général a dit « oui » – 50 €"
    assert enc == "cp1252"
    assert warnings == ("not UTF-8: decoded as cp1252",)


def test_decode_latin1_fallback():
    data = "été".encode("latin-1") + b"\x81"  # 0x81 is undefined in cp1252
    text, enc, warnings = decode(data)
    assert enc == "latin-1" and text.startswith("été") and warnings


def test_binary_is_refused():
    with pytest.raises(BadInputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_read_raw_empty_and_whitespace(tmp_path):
    for name, content in [("empty.txt", b""), ("blank.txt", b"  \n\t\n\xc2\xa0\n")]:
        (tmp_path / name).write_bytes(content)
        with pytest.raises(BadInputError, match="empty"):
            read_raw(tmp_path / name)


def test_read_raw_too_large(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(BadInputError, match="too large"):
        read_raw(big)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_read_raw_permission(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text(TEXT)
    p.chmod(0)
    with pytest.raises(BadInputError, match="permission"):
        read_raw(p)


def test_sidecar_overrides_and_changes_hash(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    before = read_raw(p)
    assert before.id == "a" and before.meta == {}
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "Mali", "published": "2022-08"}))
    after = read_raw(p)
    assert after.meta == {"title": "Mali", "published": "2022-08"}
    assert after.sha256 != before.sha256


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "malformed JSON"), ('{"published": "2022-13-40"}', "published"), ("[1]", "object")],
)
def test_bad_sidecar(tmp_path, content, message):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "a.meta.json").write_text(content)
    with pytest.raises(BadInputError, match=message):
        read_raw(tmp_path / "a.txt")


def test_iter_paths_recursive_sorted_and_deduplicated(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(TEXT)
    (tmp_path / "1.txt").write_text(TEXT)
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / "1.meta.json").write_text("{}")
    found = list(iter_paths([tmp_path, tmp_path / "1.txt"]))
    assert [p.name for p in found] == ["1.txt", "2.txt"]


def test_iter_paths_symlink_loop_terminates(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(TEXT)
    os.symlink(tmp_path, tmp_path / "d" / "loop")
    assert [p.name for p in iter_paths([tmp_path])] == ["a.txt"]


def test_iter_paths_missing(tmp_path):
    with pytest.raises(BadInputError, match="no such file"):
        list(iter_paths([tmp_path / "nope"]))


@given(st.text(alphabet=st.characters(max_codepoint=0x7F) | st.sampled_from("éà’\u00a0\u2028"), max_size=60))
def test_control_count_counts_c0_controls_but_tab_newlines_and_form_feed(text):
    expected = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    assert control_count(text) == expected
