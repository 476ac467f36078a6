"""7 · Ids: entity ids are distinct and stable for names in any script, and a document id (its
file name) never lets one source file silently replace another's article."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from mattis_corpus.canon import resolve_names

from .conftest import assert_clean_failure, check_store, french_article, invoke

NON_LATIN = ["Сергей Лавров", "Владимир Путин", "Αλέξης Τσίπρας", "习近平", "محمد بن سلمان"]


def _ids(names: list[str], typ: str = "PER") -> dict[str, str]:
    mapping = resolve_names([((n, typ), 1) for n in names])
    return {n: mapping[(n, typ)].id for n in names}


def test_non_latin_names_get_distinct_ids():
    ids = _ids(NON_LATIN)
    assert len(set(ids.values())) == len(NON_LATIN), ids
    for name, eid in ids.items():
        assert eid.startswith("PER:") and len(eid) > len("PER:") + 2, (name, eid)
        assert eid.isascii() and " " not in eid, (name, eid)


def test_non_latin_ids_are_stable_and_readable():
    """The same name gets the same id in any run and whatever else the corpus holds, and a
    Cyrillic or Greek name is transliterated rather than hashed."""
    alone = _ids(["Сергей Лавров"])["Сергей Лавров"]
    among = _ids(NON_LATIN + ["Jim Mattis"])["Сергей Лавров"]
    assert alone == among
    assert "lavrov" in alone
    assert "tsipras" in _ids(["Αλέξης Τσίπρας"])["Αλέξης Τσίπρας"]
    for typ in ("ORG", "LOC", "MISC"):
        org = _ids(["Министерство обороны", "Υπουργείο Άμυνας"], typ)
        assert len(set(org.values())) == 2 and all(v != f"{typ}:" for v in org.values()), org


def test_latin_ids_unchanged():
    """Existing stores and seeds keep their ids: Latin names are slugged as before."""
    from mattis_corpus.nlp.entities.gazetteer import slugify

    ids = _ids(["Florence Parly", "Jean-Yves Le Drian", "Angela Merkel"])
    for name, eid in ids.items():
        assert eid == "PER:" + slugify(name), (name, eid)


def _article(folder: Path, name: str, i: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(french_article(i), encoding="utf-8")
    return path


def _stored_text(db: Path, doc_id: str) -> tuple[str, str]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT source_file, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    finally:
        con.close()


def test_same_name_in_another_folder_is_not_silently_replaced(tmp_path, nlp_model):
    db = tmp_path / "c.db"
    _article(tmp_path / "xa", "report.txt", 1)
    assert invoke("ingest", str(tmp_path / "xa"), "--db", str(db)).exit_code == 0
    kept = _stored_text(db, "report")
    _article(tmp_path / "xb", "report.txt", 2)
    result = invoke("ingest", str(tmp_path / "xb"), "--db", str(db), "--format", "json")
    assert_clean_failure(result.stderr, result.exit_code, 1, "report.txt", "another source file")
    report = json.loads(result.stdout)
    assert report["updated"] == [] and report["added"] == []
    assert _stored_text(db, "report") == kept and kept[0].endswith("xa/report.txt")
    # --force says "replace it": then it is replaced
    result = invoke("ingest", str(tmp_path / "xb"), "--db", str(db), "--format", "json", "--force")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["updated"] == ["report"]
    assert _stored_text(db, "report")[0].endswith("xb/report.txt")
    check_store(db)


def test_changed_file_in_its_own_folder_still_updates(tmp_path, nlp_model):
    """The normal case is untouched: the id is the file name, a changed file replaces itself."""
    db = tmp_path / "c.db"
    path = _article(tmp_path / "xa", "report.txt", 1)
    assert invoke("ingest", str(tmp_path / "xa"), "--db", str(db)).exit_code == 0
    path.write_text(french_article(3), encoding="utf-8")
    result = invoke("ingest", str(tmp_path / "xa"), "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["updated"] == ["report"]
