"""1 · Bad input: one clear `Error:` line per problem, the documented exit code, no traceback, and
the rest of the run (and the store) intact."""

from __future__ import annotations

import codecs
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mattis_corpus.ingest.sources import MAX_FILE_BYTES, display_path
from mattis_corpus.store.migrations import MIGRATIONS

from .conftest import (
    assert_clean_failure,
    check_store,
    doc_ids,
    error_lines,
    french_article,
    invoke,
    store_fingerprint,
    write_articles,
)

GOOD_TEXT = "Titre de l'article\n\nLe ministre est allé à Bruxelles. Il a parlé de la défense européenne.\n"


@pytest.fixture
def store(tmp_path, base_store) -> Path:
    """A writable copy of the base store (6 documents)."""
    db = tmp_path / "store" / "corpus.db"
    db.parent.mkdir()
    shutil.copy(base_store, db)
    return db


# -- whole-run bad input: refused (exit 2), nothing written ---------------------------------


def _no_txt(tmp: Path) -> Path:
    d = tmp / "notxt"
    d.mkdir()
    (d / "a.md").write_text("# pas un article", encoding="utf-8")
    (d / "b.png").write_bytes(b"\x89PNG")  # .html is an input kind now (issue: HTML pages)
    (d / ".hidden.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return d


def _empty_dir(tmp: Path) -> Path:
    d = tmp / "empty"
    d.mkdir()
    return d


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda tmp: tmp / "does-not-exist", "no such file or folder"),
        (_empty_dir, "no .txt files"),
        (_no_txt, "no .txt files"),
        (lambda tmp: (tmp / "broken.txt").symlink_to(tmp / "nowhere.txt") or tmp / "broken.txt",
         "broken symbolic link"),
    ],
    ids=["missing-path", "empty-folder", "folder-without-txt", "broken-symlink-arg"],
)
def test_bad_ingest_path_is_refused(tmp_path, store, make, needle):
    """A missing path refuses the whole run even beside good ones (like `cp`); a folder with
    nothing to ingest is an error when it is all there is."""
    before = store_fingerprint(store)
    bad = make(tmp_path)
    paths = [str(bad)]
    if needle != "no .txt files":
        paths.insert(0, str(write_articles(tmp_path / "good", 1, start=100)[0]))
    result = invoke("ingest", *paths, "--db", str(store))
    assert_clean_failure(result.stderr, result.exit_code, 2, needle)
    assert len(error_lines(result.stderr)) == 1
    assert result.stdout == ""
    assert store_fingerprint(store) == before


# -- one bad file among good ones: reported, skipped, the others stored (exit 1) ------------


def _write(name: str, data: bytes):
    def make(folder: Path) -> list[str]:
        (folder / name).write_bytes(data)
        return [name]
    return make


def _fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "fifo.txt")  # opening it would block forever: it must be refused
    return ["fifo.txt"]


def _unreadable(folder: Path) -> list[str]:
    # root reads anything chmod 000, so use a file whose read() fails: /proc/self/mem at offset 0
    (folder / "unreadable.txt").symlink_to("/proc/self/mem")
    return ["unreadable.txt"]


def _dangling(folder: Path) -> list[str]:
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    return ["dangling.txt"]


def _file_link_loop(folder: Path) -> list[str]:
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    return ["loop1.txt", "loop2.txt"]


def _with_meta(meta: bytes):
    def make(folder: Path) -> list[str]:
        (folder / "meta.txt").write_text(GOOD_TEXT, encoding="utf-8")
        (folder / "meta.meta.json").write_bytes(meta)
        return ["meta.txt"]
    return make


def _too_large(folder: Path) -> list[str]:
    with open(folder / "large.txt", "w", encoding="utf-8") as f:
        f.write("Le ministre parle de défense. " * (MAX_FILE_BYTES // 30 + 100))
    return ["large.txt"]


BAD_FILES = {
    "binary": (_write("binary.txt", b"PK\x03\x04\x00\x00\x08\x00" + bytes(range(256)) * 20), "binary"),
    "binary-control-chars": (_write("ctrl.txt", bytes(range(1, 32)) * 40), "binary"),
    "empty": (_write("empty.txt", b""), "empty"),
    "whitespace-only": (_write("blank.txt", " \n\t\r\n\u00a0\u202f \n".encode()), "empty"),
    "bom-only": (_write("bom.txt", codecs.BOM_UTF8 + b"\n\n"), "empty"),
    "utf16-undecodable": (_write("bad16.txt", codecs.BOM_UTF16_LE + b"A\x00\x00\xd8"), "cannot decode"),
    "fifo": (_fifo, "not a regular file"),
    "unreadable": (_unreadable, "cannot read"),
    "dangling-symlink": (_dangling, "cannot read"),
    "symlink-loop-file": (_file_link_loop, "Too many levels of symbolic links"),
    "malformed-meta": (_with_meta(b'{"title": "x",'), "malformed JSON"),
    "meta-not-object": (_with_meta(b'["2017"]'), "expected a JSON object"),
    "meta-bad-type": (_with_meta(b'{"published": 2017}'), "must be a string"),
    "meta-impossible-date": (_with_meta(b'{"published": "2017-02-30"}'), "no such day or month"),
    "meta-fifo": (lambda f: (f / "m.txt").write_text(GOOD_TEXT) and os.mkfifo(f / "m.meta.json") or ["m.txt"],
                  "not a regular file"),
    "too-large": (_too_large, "file too large"),
    "non-utf8-file-name": (lambda f: (f / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD_TEXT) and [os.fsdecode(b"caf\xe9.txt")],
                           "not valid UTF-8"),
    "meta-lone-surrogate": (_with_meta(b'{"title": "A\\ud800B"}'), "lone surrogate"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_file_is_reported_and_others_stored(tmp_path, store, case):
    make, needle = BAD_FILES[case]
    folder = tmp_path / "in"
    good = write_articles(folder, 2, start=200)
    bad_names = make(folder)
    before = doc_ids(store)
    extra = ["--follow-links"] if case == "unreadable" else []  # its link leaves the folder
    result = invoke("ingest", str(folder), "--db", str(store), "--format", "json", *extra)
    assert_clean_failure(result.stderr, result.exit_code, 1, needle, "file(s) failed")
    report = json.loads(result.stdout)
    shown = [display_path(n) for n in bad_names]  # printable form of undecodable file names
    assert sorted(Path(f["path"]).name for f in report["failed"]) == sorted(shown)
    for name in shown:  # one `Error: PATH: reason` line per bad file
        assert len([e for e in error_lines(result.stderr) if f"{name}:" in e]) == 1
    assert sorted(report["added"]) == sorted(p.stem for p in good)
    assert check_store(store) == sorted(before + [p.stem for p in good])


@pytest.mark.parametrize(
    ("encoding", "warning"),
    [("cp1252", "decoded as cp1252"), ("utf-16", None), ("utf-16-be", None), ("utf-8-sig", None)],
)
def test_legacy_and_utf16_encodings_ingest(tmp_path, store, encoding, warning):
    folder = tmp_path / "enc"
    folder.mkdir()
    text = "Défense : l'État français réagit\n\nLe ministre s'est rendu à Bruxelles. Ça a été « décisif », a-t-il déclaré.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    (folder / "enc.txt").write_bytes(data)
    result = invoke("ingest", str(folder), "--db", str(store), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["added"] == ["enc"]
    warnings = [line for line in result.stderr.splitlines()  # the decoding's, not the cleaner's
                if line.startswith("Warning:") and ("decoded" in line or "UTF-8" in line)]
    if warning:
        assert len(warnings) == 1 and warning in warnings[0]
    else:
        assert warnings == []
    doc = json.loads(invoke("show", "enc", "--db", str(store), "--format", "json").stdout)
    assert "l'État français" in doc["text"] and "« décisif »" in doc["text"]


def test_folder_named_txt_and_folder_link_loop(tmp_path, store):
    """A folder called x.txt is walked, not read; a symlink loop is walked once, not forever."""
    folder = tmp_path / "tree"
    write_articles(folder / "x.txt", 1, start=300)
    write_articles(folder / "sub", 1, start=301)
    (folder / "sub" / "loop").symlink_to(folder)  # sub/loop -> tree (a cycle)
    (folder / "self").symlink_to(".")
    result = invoke("ingest", str(folder), "--db", str(store), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert sorted(json.loads(result.stdout)["added"]) == ["art_300", "art_301"]
    check_store(store)


def test_folder_with_non_utf8_name_is_stored(tmp_path, store):
    folder = tmp_path / os.fsdecode(b"r\xe9sum\xe9s")
    write_articles(folder, 1, start=310)
    result = invoke("ingest", str(folder), "--db", str(store), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["added"] == ["art_310"]
    docs = json.loads(invoke("docs", "--db", str(store)).stdout)
    assert any("\ufffd" in d["source_file"] for d in docs if d["id"] == "art_310")


def test_non_utf8_argument_is_a_usage_error(base_store):
    result = invoke("show", os.fsdecode(b"caf\xe9"), "--db", str(base_store))
    assert_clean_failure(result.stderr, result.exit_code, 2)


def test_huge_files_refused_with_bounded_memory(tmp_path, base_store):
    """A 50 MB file and a single 5 MB line are refused before being read: the subprocess's peak
    RSS stays near the model's, and the small files are stored."""
    folder = tmp_path / "huge"
    good = write_articles(folder, 2, start=400)
    with open(folder / "big.txt", "w", encoding="utf-8") as f:
        line = "Le ministre a parlé de la défense européenne à Bruxelles. " * 20 + "\n"
        for _ in range(50 * 1024 * 1024 // len(line.encode()) + 1):
            f.write(line)
    (folder / "oneline.txt").write_text("mot " * (5 * 1024 * 1024 // 4), encoding="utf-8")
    db = tmp_path / "c.db"
    wrapper = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(p.stdout); sys.stderr.write(p.stderr)\n"
        "print('MAXRSS_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(p.returncode)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", wrapper, sys.executable, "-m", "mattis_corpus", "ingest", str(folder),
         "--db", str(db), "--format", "json"],
        capture_output=True, text=True, timeout=300,
    )
    assert_clean_failure(proc.stderr, proc.returncode, 1, "big.txt: file too large", "oneline.txt: file too large")
    report = json.loads(proc.stdout)
    assert sorted(report["added"]) == sorted(p.stem for p in good)
    assert sorted(Path(f["path"]).name for f in report["failed"]) == ["big.txt", "oneline.txt"]
    maxrss_mb = int(proc.stderr.rsplit("MAXRSS_KB", 1)[1].split()[0]) / 1024
    # the model alone peaks around 300 MB; reading and cleaning 50 MB would add hundreds of MB
    assert maxrss_mb < 450, f"peak RSS {maxrss_mb:.0f} MB"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0
    check_store(db)


# -- the store itself -----------------------------------------------------------------------


def test_db_under_a_regular_file(tmp_path):
    """A --db that cannot be created (its folder is a file: root ignores permissions)."""
    blocker = tmp_path / "somefile.txt"
    blocker.write_text("je suis un fichier", encoding="utf-8")
    good = write_articles(tmp_path / "in", 1)[0]
    result = invoke("ingest", str(good), "--db", str(blocker / "c.db"))
    assert_clean_failure(result.stderr, result.exit_code, 1, "cannot create the folder")
    result = invoke("docs", "--db", str(blocker / "c.db"))
    assert_clean_failure(result.stderr, result.exit_code, 2, "no store at")
    assert blocker.read_text(encoding="utf-8") == "je suis un fichier"


def test_db_in_unwritable_place(tmp_path):
    good = write_articles(tmp_path / "in", 1)[0]
    result = invoke("ingest", str(good), "--db", "/proc/corpus-test.db")
    assert_clean_failure(result.stderr, result.exit_code, 1, "cannot open the store")


def test_db_is_a_folder(tmp_path):
    result = invoke("docs", "--db", str(tmp_path))
    assert result.exit_code == 2 and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["ingest", "docs", "search", "entities"])
def test_db_not_sqlite_is_refused_untouched(tmp_path, command):
    db = tmp_path / "notes.db"
    db.write_text("ceci n'est pas une base SQLite\n" * 200, encoding="utf-8")
    before = db.read_bytes()
    good = write_articles(tmp_path / "in", 1)[0]
    args = {"ingest": ["ingest", str(good)], "docs": ["docs"], "search": ["search", "otan"],
            "entities": ["entities"]}[command]
    result = invoke(*args, "--db", str(db))
    assert_clean_failure(result.stderr, result.exit_code, 2, "not a usable corpus store")
    assert db.read_bytes() == before


def test_foreign_sqlite_file_is_refused_untouched(tmp_path):
    db = tmp_path / "other-app.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    before = db.read_bytes()
    good = write_articles(tmp_path / "in", 1)[0]
    result = invoke("ingest", str(good), "--db", str(db))
    assert_clean_failure(result.stderr, result.exit_code, 2, "not a corpus store")
    assert db.read_bytes() == before


QUERIES = [["docs"], ["show", "art_001"], ["entities"], ["search", "ministre"], ["kwic", "ministre"],
           ["timeline"]]


@pytest.mark.parametrize("args", QUERIES + [["ingest", "IN"]], ids=lambda a: a[0])
def test_truncated_store(tmp_path, base_store, args):
    db = tmp_path / "truncated.db"
    shutil.copy(base_store, db)
    os.truncate(db, db.stat().st_size // 2)
    before = db.read_bytes()
    if args[0] == "ingest":
        args = ["ingest", str(write_articles(tmp_path / "in", 1)[0])]
    result = invoke(*args, "--db", str(db), "--format", "json")
    assert_clean_failure(result.stderr, result.exit_code, 2, "not a usable corpus store")
    assert db.read_bytes() == before


@pytest.mark.parametrize("journal", ["wal", "delete"])
@pytest.mark.parametrize("args", [["docs"], ["search", "ministre"], ["ingest", "IN"]], ids=lambda a: a[0])
def test_newer_schema_refused_untouched(tmp_path, base_store, journal, args):
    db = tmp_path / "future.db"
    shutil.copy(base_store, db)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute(f"PRAGMA journal_mode = {journal}")
    con.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    con.close()
    before = db.read_bytes()
    if args[0] == "ingest":
        args = ["ingest", str(write_articles(tmp_path / "in", 1, start=500)[0])]
    result = invoke(*args, "--db", str(db))
    assert_clean_failure(result.stderr, result.exit_code, 1, "newer than this corpus")
    assert db.read_bytes() == before
    assert not Path(str(db) + "-wal").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["search", "otan", "--from", "2017-13"],
        ["search", "otan", "--from", "yesterday"],
        ["timeline", "--from", "2017-13"],
        ["timeline", "--to", "2017-02-30"],
        ["timeline", "--from", "2018", "--to", "2017"],
        ["search", "otan", "--limit", "-1"],
        ["entities", "--limit", "-1"],
        ["kwic", "otan", "--limit", "-1"],
        ["kwic", "otan", "--width", "0"],
        ["entities", "--type", "DOG"],
        ["docs", "--format", "xml"],
        ["ingest", "--workers", "0", "IN"],
        ["nosuchcommand"],
    ],
    ids=lambda a: " ".join(a),
)
def test_usage_errors(base_store, args):
    before = store_fingerprint(base_store)
    result = invoke(*args, "--db", str(base_store))
    assert_clean_failure(result.stderr, result.exit_code, 2)
    assert len(error_lines(result.stderr)) == 1
    assert result.stdout == ""
    assert store_fingerprint(base_store) == before


def test_usage_error_via_subprocess(base_store):
    """The real entry point: exit 2, nothing on stdout, `Error:` on stderr, no traceback."""
    from conftest import run_corpus

    proc = run_corpus("search", "otan", "--from", "yesterday", "--db", str(base_store))
    assert_clean_failure(proc.stderr, proc.returncode, 2, "invalid date")
    assert proc.stdout == ""


def test_article_text_helper_is_french():
    assert "le" in french_article(1) and "\n\n" in french_article(1)


# -- walking: unreadable, deep, hidden and linked folders (issue 20, items 2, 4 and 12) ------


def test_unreadable_subfolder_is_a_failure():
    """`chmod 000` on a subfolder: as an unprivileged user (root reads anything) the folder is
    reported as a failure (exit 1), not skipped in silence; the readable article is stored."""
    from .test_exit_codes import run_as_nobody, world_dir

    root = world_dir()
    try:
        write_articles(root / "p", 1, start=900)
        write_articles(root / "p" / "locked", 1, start=901)
        (root / "p").chmod(0o777)
        (root / "p" / "locked").chmod(0o000)
        proc = run_as_nobody("ingest", "p", "--db", "c.db", "--format", "json", cwd=root)
        assert_clean_failure(proc.stderr, proc.returncode, 1, "locked", "ermission denied")
        report = json.loads(proc.stdout)
        assert report["added"] == ["art_900"]
        assert [Path(f["path"]).name for f in report["failed"]] == ["locked"]
    finally:
        (root / "p" / "locked").chmod(0o755)
        shutil.rmtree(root)


def test_deeply_nested_sidecar_fails_alone(tmp_path, store):
    folder = tmp_path / "in"
    good = write_articles(folder, 3, start=910)
    (folder / "deep.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "deep.meta.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = invoke("ingest", str(folder), "--db", str(store), "--format", "json")
    assert_clean_failure(result.stderr, result.exit_code, 1, "deep.txt", "deep.meta.json")
    report = json.loads(result.stdout)
    assert sorted(report["added"]) == sorted(p.stem for p in good)
    assert [Path(f["path"]).name for f in report["failed"]] == ["deep.txt"]


def test_folders_nested_1100_deep(tmp_path, store):
    folder = tmp_path / "tree"
    levels = [folder]
    for _ in range(1100):  # one mkdir each: Path.mkdir(parents=True) itself recurses
        levels.append(levels[-1] / "d")
        levels[-1].mkdir(parents=levels[-1].parent == folder)
    (levels[-1] / "bottom.txt").write_text(french_article(920), encoding="utf-8")
    write_articles(folder, 1, start=921)
    try:
        result = invoke("ingest", str(folder), "--db", str(store), "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert sorted(json.loads(result.stdout)["added"]) == ["art_921", "bottom"]
    finally:  # shutil.rmtree (pytest's clean-up) recurses too
        (levels[-1] / "bottom.txt").unlink()
        for level in reversed(levels[1:]):
            level.rmdir()


def test_links_leaving_the_roots_are_not_followed(tmp_path, store):
    outside = tmp_path / "outside"
    write_articles(outside, 2, start=930)
    folder = tmp_path / "in"
    write_articles(folder, 1, start=932)
    (folder / "elsewhere").symlink_to(outside)
    (folder / "one.txt").symlink_to(outside / "art_930.txt")
    write_articles(tmp_path / "in2", 1, start=933)
    (folder / "inside").symlink_to(tmp_path / "in2")  # inside a given root: followed
    result = invoke("ingest", str(folder), str(tmp_path / "in2"), "--db", str(store), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert sorted(json.loads(result.stdout)["added"]) == ["art_932", "art_933"]
    assert "--follow-links" in result.stderr
    result = invoke("ingest", str(folder), "--db", str(store), "--format", "json", "--follow-links")
    assert result.exit_code == 0, result.stderr
    # one.txt is read first; elsewhere/art_930.txt is the same file, read once
    assert sorted(json.loads(result.stdout)["added"]) == ["art_931", "one"]


def test_hidden_folders_are_skipped(tmp_path, store):
    folder = tmp_path / "proj"
    write_articles(folder, 1, start=940)
    write_articles(folder / ".git", 1, start=941)
    write_articles(folder / ".venv" / "lib", 1, start=942)
    result = invoke("ingest", str(folder), "--db", str(store), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["added"] == ["art_940"]


def test_stray_bytes_in_utf8_decode_as_utf8(tmp_path, store):
    folder = tmp_path / "in"
    folder.mkdir()
    text = "L'État français réagit\n\nLe ministre s'est rendu à Bruxelles. Ça a été « décisif ».\n"
    data = text.encode("utf-8").replace(b"Bruxelles", b"Brux\xffelles")
    (folder / "stray.txt").write_bytes(data)
    result = invoke("ingest", str(folder), "--db", str(store), "--format", "json")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines()
                if line.startswith("Warning:") and ("decoded" in line or "UTF-8" in line)]
    assert len(warnings) == 1 and "decoded as UTF-8" in warnings[0], result.stderr
    doc = json.loads(invoke("show", "stray", "--db", str(store), "--format", "json").stdout)
    assert "L'État français" in doc["text"] and "Ã" not in doc["text"]
    assert "Brux\ufffdelles" in doc["text"]


def test_sidecar_dates_are_normalised_or_ignored(tmp_path, store):
    folder = tmp_path / "in"
    for name, published in (("padded", " 2017-02-16 \n"), ("arabic", "٢٠١٧"),
                            ("words", "16 février 2017")):
        (folder).mkdir(exist_ok=True)
        (folder / f"{name}.txt").write_text(GOOD_TEXT, encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps({"published": published}), encoding="utf-8")
    result = invoke("ingest", str(folder), "--db", str(store), "--format", "json")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines()
                if line.startswith("Warning:") and "published" in line]
    assert sorted(w.split(":")[1].strip().rsplit("/", 1)[-1] for w in warnings) == ["arabic.txt", "words.txt"]
    docs = {d["id"]: d for d in json.loads(invoke("docs", "--db", str(store)).stdout)}
    assert docs["padded"]["published"] == "2017-02-16"
    assert docs["padded"]["published_source"] == "metadata"
    for name in ("arabic", "words"):
        assert docs[name]["published_source"] != "metadata"


# -- annotate --jsonl: one bad record is one error line, the batch goes on (item 7) ----------


def test_annotate_jsonl_bad_records_do_not_lose_the_batch(nlp_model):
    from mattis_corpus.nlp.model import MAX_CHARS

    good = "Jim Mattis était à Paris le 2 octobre 2018."
    lines = [
        json.dumps({"id": "a", "text": good}).encode(),
        b"{not json",
        b'{"id": NaN, "text": "Le ministre parle."}',
        json.dumps({"id": "c", "text": 3}).encode(),
        json.dumps({"id": "d", "text": good, "published": "2018-13"}).encode(),
        json.dumps({"id": "e", "text": "x " * (MAX_CHARS // 2 + 1)}).encode(),
        json.dumps({"id": "f", "text": "Caf"}).encode()[:-2] + b"\xe9 \xe0 Paris.\"}",
        b"[1, 2]",
        json.dumps({"id": "z", "text": good}).encode(),
    ]
    result = invoke("annotate", "--jsonl", "-", input=b"\n".join(lines) + b"\n")
    assert result.exit_code == 1, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]  # every line is valid JSON
    by_line = {o["line"]: o for o in out if "error" in o}
    assert sorted(by_line) == [2, 3, 4, 5, 6, 8], out
    assert by_line[3]["id"] is None
    annotated = [o for o in out if "error" not in o]
    assert [o["id"] for o in annotated] == ["a", "f", "z"]
    assert [o.get("id") for o in out] == ["a", None, None, "c", "d", "e", "f", None, "z"]
    assert annotated[0]["entities"] and annotated[2]["entities"]
    assert "\ufffd" in annotated[1]["text"]
    assert any("line 7" in w and "UTF-8" in w for w in result.stderr.splitlines()), result.stderr
    assert error_lines(result.stderr)[-1].startswith("Error: 6 record(s) failed")


def test_annotate_text_over_the_limit_is_bad_input(nlp_model):
    from mattis_corpus.nlp.model import MAX_CHARS

    result = invoke("annotate", "-", input="mot " * (MAX_CHARS // 4 + 1))
    assert_clean_failure(result.stderr, result.exit_code, 2, "too long")
