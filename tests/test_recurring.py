"""The corpus signal of the boilerplate classifier: a short line printed on other pages of
the corpus is furniture (ingest/recurring.py, store/page_lines.py, wired in run.py)."""

from __future__ import annotations

import json
import sqlite3

from mattis_corpus.cli import cli
from mattis_corpus.ingest.recurring import line_hash, page_line_hashes, recurring_test
from mattis_corpus.store import page_lines

PROMO = "Le Journal de la Défense, votre quotidien d'information"

ARTICLES = {
    "marine": (
        "Le ministre annonce un plan pour la marine",
        "Le ministre des Armées a présenté mardi un plan de modernisation de la marine "
        "nationale, qui prévoit la commande de deux nouvelles frégates d'ici à 2030, selon un "
        "communiqué publié dans la soirée.",
        "Ce plan, estimé à plusieurs milliards d'euros, doit encore être examiné par le "
        "Parlement au printemps, a précisé le ministère, qui espère un vote avant l'été.",
        "Les syndicats de l'arsenal de Brest ont salué une décision attendue depuis longtemps, "
        "tout en réclamant des garanties sur l'emploi local.",
    ),
    "blinde": (
        "L'armée de terre teste un nouveau blindé",
        "L'armée de terre a commencé cette semaine les essais d'un nouveau véhicule blindé "
        "dans le camp de Mourmelon, où une centaine de soldats doivent l'éprouver pendant "
        "trois mois.",
        "Le constructeur promet un engin plus léger et mieux protégé que ses prédécesseurs, "
        "capable de transporter huit soldats et leur équipement sur tous les terrains.",
        "Les premières livraisons aux régiments sont prévues pour la fin de l'année "
        "prochaine, si les essais sont concluants, selon l'état-major.",
    ),
}


def write_site(folder, names=ARTICLES):
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text("\n\n".join([*ARTICLES[name], PROMO]) + "\n",
                                             encoding="utf-8")
    return folder


def stored_text(runner, db, doc):
    out = runner.invoke(cli, ["--db", str(db), "show", doc, "--format", "json"])
    assert out.exit_code == 0, out.output
    return json.loads(out.output)["text"]


def test_a_line_recurs_only_on_another_page():
    own = page_line_hashes(f"Titre\n\n{PROMO}\n")
    h = line_hash("le journal de la defense, votre quotidien d'information")
    assert h in own
    assert not recurring_test(own, {h: 1})(PROMO)  # counted once: this page's own copy
    assert recurring_test(own, {h: 2})(PROMO)
    assert recurring_test(frozenset(), {h: 1})(PROMO)  # a page that was not counted
    assert not recurring_test(own, {h: 50})("x" * 300)  # long lines never count


def test_counts_follow_changed_pages_and_never_count_a_page_twice():
    db = sqlite3.connect(":memory:")
    db.executescript("CREATE TABLE page_lines (hash INTEGER PRIMARY KEY, pages INTEGER NOT NULL) "
                     "WITHOUT ROWID; CREATE TABLE page_line_sets (page TEXT PRIMARY KEY, hashes BLOB);")
    assert page_lines.set_page(db, "a", page_lines.pack({1, 2}))
    assert not page_lines.set_page(db, "a", page_lines.pack({2, 1}))  # unchanged
    page_lines.set_page(db, "b", page_lines.pack({2, 3}))
    assert page_lines.counts(db, [1, 2, 3, 4]) == {1: 1, 2: 2, 3: 1}
    page_lines.set_page(db, "a", page_lines.pack({3}))  # page a changed
    assert page_lines.counts(db, [1, 2, 3]) == {2: 1, 3: 2}
    page_lines.forget_page(db, "b")
    assert page_lines.counts(db, [1, 2, 3]) == {3: 1}


def test_the_sites_furniture_goes_once_two_pages_print_it(runner, tmp_path, nlp):
    """Alone, the promo line at the article's end is kept; with a second page of the same
    site in the run, it recurs and goes; a page ingested later is cleaned with the stored
    counts."""
    alone = tmp_path / "alone.db"
    write_site(tmp_path / "one", ["marine"])
    assert runner.invoke(cli, ["--db", str(alone), "ingest", str(tmp_path / "one")]).exit_code == 0
    assert PROMO in stored_text(runner, alone, "marine")

    both = tmp_path / "both.db"
    write_site(tmp_path / "site")
    assert runner.invoke(cli, ["--db", str(both), "ingest", str(tmp_path / "site")]).exit_code == 0
    for doc in ARTICLES:
        text = stored_text(runner, both, doc)
        assert PROMO not in text and "selon" in text

    later = tmp_path / "later.db"
    assert runner.invoke(cli, ["--db", str(later), "ingest", str(tmp_path / "one")]).exit_code == 0
    write_site(tmp_path / "two", ["blinde"])
    assert runner.invoke(cli, ["--db", str(later), "ingest", str(tmp_path / "two")]).exit_code == 0
    assert PROMO not in stored_text(runner, later, "blinde")
    assert PROMO in stored_text(runner, later, "marine")  # stored before: kept until --force
    out = runner.invoke(cli, ["--db", str(later), "ingest", "--force", str(tmp_path / "one")])
    assert out.exit_code == 0
    assert PROMO not in stored_text(runner, later, "marine")
