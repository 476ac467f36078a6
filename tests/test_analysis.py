"""Tests for the French search analysis and the query language, against a real FTS5 table."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mattis_corpus.analysis import (
    MAX_QUERY_TERMS,
    CompiledQuery,
    Term,
    analyse,
    compile_query,
    index_text,
    kwic_matches,
    mark,
    snippet,
)
from mattis_corpus.errors import BadInputError, QuerySyntaxError

DOCS = {
    "ei": "L'État islamique revendique l'attaque contre les forces spéciales.",
    "ei2": "Les combattants de l’État islamique ont fui vers le désert.",
    "etat": "Un état d'urgence islamique n'est pas évoqué.",  # both words, not the phrase
    "allies": "Le retrait des troupes américaines de Syrie inquiète les alliés.",
    "mattis": "Le général Mattis démissionne de son poste de secrétaire à la Défense.",
    "lettre": "Dans une lettre, Mattis explique sa démission au président américain.",
    "otan": "Les alliés de l'OTAN se réunissent à Bruxelles pour la défense commune.",
    "russie": "La russie et la Chine sont citées comme des modèles autoritaires.",
    "mali": "Au Mali, l'opération Barkhane mobilise des forces françaises.",
    "mal": "Le moral des troupes n'est pas si mal, selon l'état-major.",
    "usa": "La France et les États-Unis renforcent leur coopération militaire.",
    "sql": "Un texte banal sur la drop zone et la table des matières.",
}


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body)")
    con.executemany("INSERT INTO docs VALUES (?, ?)", [(k, index_text(v)) for k, v in DOCS.items()])
    return con


def search(con: sqlite3.Connection, query: str) -> list[str]:
    """Ids matching ``query``, best first (bm25)."""
    sql = "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs)"
    return [r[0] for r in con.execute(sql, (compile_query(query).match,))]


def found(con: sqlite3.Connection, query: str) -> set[str]:
    return set(search(con, query))


# ---------------------------------------------------------------- analysis


def test_analyse_offsets_point_at_surface_words() -> None:
    text = "L’État islamique"
    terms = analyse(text)
    assert [t.term for t in terms] == ["etat", "islam"]
    assert [text[t.start : t.end] for t in terms] == ["État", "islamique"]
    assert isinstance(terms[0], Term)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("État", "etat"),
        ("alliés", "allié"),
        ("alliées", "allié"),
        ("démissionner", "démissionne"),
        ("Russie", "russie"),
        ("sécurité", "securites"),
        ("dernière", "dernier"),
        ("ŒUVRE", "oeuvres"),
        ("e\u0301tat", "état"),  # decomposed accent
    ],
)
def test_inflection_case_and_accent_insensitive(a: str, b: str) -> None:
    assert index_text(a) == index_text(b)
    assert len(index_text(a).split()) == 1


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("l'OTAN", "otan"),
        ("jusqu’à Gao", "a gao"),
        ("qu'il lorsqu'elle puisqu'on", "il elle on"),
        ("États-Unis", "etat unis"),
        ("aujourd'hui", "aujourd hui"),  # not an elision: kept, consistently
        ("F-35 A400M", "f 35 a400m"),
        ("l 'OTAN", "l otan"),
    ],
)
def test_tokenisation_and_elisions(text: str, terms: str) -> None:
    assert index_text(text) == terms


def test_proper_nouns_not_merged_with_common_words() -> None:
    assert index_text("Mali") != index_text("mal")
    assert index_text("France") != index_text("francs")


def test_index_terms_survive_fts5_tokenizer(db: sqlite3.Connection) -> None:
    # terms are word characters only, so unicode61 must not re-split them
    for text in DOCS.values():
        assert all(t.isalnum() for t in index_text(text).split())


# ---------------------------------------------------------------- search through FTS5


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("etat islamique", {"ei", "ei2", "etat"}),
        ("allié", {"allies", "otan"}),
        ("démissionner", {"mattis"}),
        ("Russie", {"russie"}),
        ("l'OTAN", {"otan"}),
        ("OTAN", {"otan"}),
        ("Mali", {"mali"}),
        ("or", set()),  # lowercase "or" is a plain word
    ],
)
def test_folding_and_stemming_examples(db, query: str, expected: set[str]) -> None:
    assert found(db, query) == expected


def test_phrases_across_elisions(db) -> None:
    assert found(db, '"État islamique"') == {"ei", "ei2"}
    assert found(db, '"l\'État islamique"') == {"ei", "ei2"}
    assert found(db, '"forces spéciales"') == {"ei"}
    assert found(db, '"spéciales forces"') == set()
    assert found(db, "États-Unis") == {"usa"}  # a hyphenated word is a phrase


def test_or_and_implicit_and(db) -> None:
    assert found(db, "Mali OR Russie") == {"mali", "russie"}
    assert found(db, "alliés Syrie") == {"allies"}
    assert found(db, "(Mali OR Syrie) troupes") == {"allies"}
    assert found(db, "Mali OR Syrie troupes") == {"allies"}  # OR binds tighter than AND


def test_exclusions(db) -> None:
    assert found(db, "alliés -OTAN") == {"allies"}
    assert found(db, 'islamique -"État islamique"') == {"etat"}
    assert found(db, "alliés -(OTAN OR Syrie)") == set()


def test_prefix(db) -> None:
    cq = compile_query("Éta*")
    assert cq.match == '"eta"*'
    assert cq.prefixes == {"eta"}
    assert found(db, "etat*") == {"ei", "ei2", "etat", "mal", "usa"}
    assert found(db, "démission*") == {"mattis", "lettre"}  # "demiss" is shorter than the prefix
    assert found(db, "militaire*") == {"usa"}
    assert found(db, "mil*") == {"usa"}
    assert compile_query("militaire*").match == '("militaire"* OR "militair")'


def test_query_stopwords_dropped_from_and_lists_only(db) -> None:
    assert found(db, "la démission de Mattis") == {"lettre"}
    assert compile_query("la").match == '"la"'  # nothing else: kept
    assert compile_query('"la France"').match == '"la france"'
    assert compile_query("la OR France").match == '("la" OR "france")'


def test_bm25_ranks_denser_document_first(db) -> None:
    db.execute("INSERT INTO docs VALUES ('dense', ?)", (index_text("Mali Mali Mali Barkhane"),))
    try:
        assert search(db, "Mali")[0] == "dense"
    finally:
        db.execute("DELETE FROM docs WHERE id = 'dense'")


# ---------------------------------------------------------------- safety


@pytest.mark.parametrize(
    "query",
    [
        "title:x",
        "body:mattis",
        "NEAR(alliés OTAN)",
        "^alliés",
        "+alliés",
        "alliés AND NOT OTAN",
        "'; DROP TABLE docs; --",
        "Robert'); DROP TABLE docs;--",
        "alliés\x00\x1b[31m",
        'a"" OR ""b',
        "*",
        "{body}: x",
    ],
)
def test_hostile_input_is_plain_words_or_syntax_error(db, query: str) -> None:
    try:
        cq = compile_query(query)
    except QuerySyntaxError:
        return
    # every user word is a quoted literal: removing literals leaves only our operators
    skeleton = re.sub(r'"(?:[^"]|"")*"\*?', "T", cq.match)
    assert re.fullmatch(r"[T()\s]*(?:(?:AND|OR|NOT)[T()\s]*)*", skeleton), cq.match
    search(db, query)  # FTS5 accepts it
    assert db.execute("SELECT count(*) FROM docs").fetchone()[0] == len(DOCS)


def test_user_operators_are_ours_or_words() -> None:
    """"AND" and "NOT" in capitals mean all words and '-' (what other engines write); FTS5's
    own syntax (column filters, NEAR) is words: nothing the user types reaches FTS5 raw."""
    assert compile_query("alliés AND NOT OTAN").match == '("alli" NOT "otan")'
    assert compile_query("alliés and not OTAN").match == '("alli" AND "and" AND "not" AND "otan")'
    assert compile_query("title:x").match == '"titl x"'


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty query"),
        ("   \t", "empty query"),
        ('"forces spéciales', "unbalanced quote"),
        ('a "b" "c', "unbalanced quote"),
        ("OR", "'OR' needs a word on both sides"),
        ("foo OR", "'OR' needs a word on both sides"),
        ("OR bar", "'OR' needs a word on both sides"),
        ("a OR OR b", "'OR' needs a word on both sides"),
        ("(a OR) b", "'OR' needs a word on both sides"),
        ("-Trump", "only excludes words"),
        ('-Trump -"Maison Blanche"', "only excludes words"),
        ("Mattis (-Trump)", "only excludes words"),
        ("a OR -b", "cannot be an OR operand"),
        ("-a OR b", "cannot be an OR operand"),
        ("?! ;; …", "no searchable words"),
        ('""', "no searchable words"),
        ("()", "no searchable words"),
        ("(a b", "add the missing ')'"),
        ("a b)", "remove the extra ')'"),
        ('- "', "unbalanced quote"),
        ("x" * 1001, "limit is 1000"),
        (" ".join(f"mot{i}" for i in range(MAX_QUERY_TERMS + 1)), "limit is 64"),
        ("Mattis ***", "'*' must follow"),
        ("(" * 9 + "a" + ")" * 9, "nested deeper than 8"),
        ("(" * 500 + "a", "nested deeper than 8"),
    ],
)
def test_syntax_errors(query: str, message: str) -> None:
    with pytest.raises(QuerySyntaxError, match=re.escape(message)) as exc:
        compile_query(query)
    text = str(exc.value)
    assert "\n" not in text and ":" in text  # one line: what is wrong: how to fix it
    assert isinstance(exc.value, BadInputError)


def test_limits_are_inclusive() -> None:
    compile_query(" ".join(f"mot{i}" for i in range(MAX_QUERY_TERMS)))
    compile_query("x" * 1000)
    compile_query("(" * 8 + "a" + ")" * 8)


# ---------------------------------------------------------------- mark / snippet / kwic


def test_mark_terms_prefixes_and_phrases() -> None:
    text = "L'État islamique et les forces spéciales : des forces, pas spéciales."
    assert mark(text, compile_query('"forces spéciales"')) == (
        "L'État islamique et les [forces] [spéciales] : des forces, pas spéciales."
    )
    assert mark(text, compile_query("etat islamique"), "<b>", "</b>") == (
        "L'<b>État</b> <b>islamique</b> et les forces spéciales : des forces, pas spéciales."
    )
    assert mark("Les généraux et le général", compile_query("genera*")) == (
        "Les [généraux] et le [général]"
    )


def test_mark_ignores_negated_words() -> None:
    assert mark("Mattis et Trump", compile_query("Mattis -Trump")) == "[Mattis] et Trump"


def test_kwic_matches_merges_phrase_words() -> None:
    text = "Selon l’État islamique, l'État a islamique."
    spans = kwic_matches(text, compile_query('"État islamique"'))
    assert [text[s:e] for s, e in spans] == ["État islamique"]
    spans = kwic_matches(text, compile_query("islamique OR État"))
    assert [text[s:e] for s, e in spans] == ["État", "islamique", "État", "islamique"]


def test_snippet_window_and_ellipses() -> None:
    filler = "Lorem ipsum dolor sit amet. " * 20
    text = filler + "Les forces spéciales sont arrivées au Mali hier. " + filler
    out = snippet(text, compile_query("Mali"), width=80)
    assert out.startswith("…") and out.endswith("…")
    assert "[Mali]" in out
    assert len(out.replace("[", "").replace("]", "")) <= 82
    assert "  " not in out and "\n" not in out


def test_snippet_picks_densest_cluster() -> None:
    text = "Mali. " + "x " * 200 + "Le Mali et le Mali encore le Mali." + " y" * 200
    out = snippet(text, compile_query("Mali"), width=60)
    assert out.count("[Mali]") == 3


def test_snippet_short_text_and_no_match() -> None:
    assert snippet("Au Mali.", compile_query("Mali")) == "Au [Mali]."
    assert snippet("Rien ici de pertinent.", compile_query("Mali"), width=10) == "Rien ici…"


def test_compiled_query_is_frozen() -> None:
    cq = compile_query("Mattis")
    assert isinstance(cq, CompiledQuery)
    with pytest.raises(AttributeError):
        cq.match = "x"  # type: ignore[misc]


# ---------------------------------------------------------------- cost


def test_import_is_cheap() -> None:
    code = "import sys, mattis_corpus.analysis; print(sorted(m for m in ('spacy', 'dateparser', 'snowballstemmer') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------- properties

_QUERY_ALPHABET = st.sampled_from(list("abcéÉœ’'\"()-*:^+ ORANDNOTNEAR;\x00\t\n0123456789_{}.,"))


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(_QUERY_ALPHABET, max_size=40) | st.text(max_size=40))
def test_any_query_is_valid_fts5_or_syntax_error(db, query: str) -> None:
    try:
        cq = compile_query(query)
    except QuerySyntaxError as exc:
        assert "\n" not in str(exc)
        return
    db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (cq.match,)).fetchone()


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(st.characters(categories=("L", "Nd", "Zs", "Pd", "Po")), min_size=1, max_size=30))
def test_text_always_finds_itself_as_a_phrase(text: str) -> None:
    terms = index_text(text)
    if not terms or len(terms.split()) > MAX_QUERY_TERMS:
        return
    cq = compile_query('"' + text.replace('"', " ") + '"')
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE d USING fts5(body)")
    con.execute("INSERT INTO d VALUES (?)", (terms,))
    if not con.execute("SELECT count(*) FROM d WHERE d MATCH ?", ('"' + terms + '"',)).fetchone()[0]:
        return  # letters FTS5's own Unicode tables do not index (U+19B0, a Tai Lue vowel sign)
    assert con.execute("SELECT count(*) FROM d WHERE d MATCH ?", (cq.match,)).fetchone()[0] == 1


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="al'’ʼdqu-é\u0301xÉ1_ .", max_size=30))
def test_index_text_is_the_terms_of_analyse(text: str) -> None:
    """The ingest's fast path (one findall) indexes exactly the words queries analyse."""
    assert index_text(text) == " ".join(t.term for t in analyse(text))
