"""Tests for mattis_corpus.ingest.clean (chars, chrome, dateline, page), on synthetic pages in the style of French news sites."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mattis_corpus.ingest.clean.chars as N
from mattis_corpus.ingest.clean.chars import (
    make_pipeline,
    normalise_apostrophes,
    normalise_elision,
    normalise_invisible,
    normalise_lines,
    normalise_newlines,
    normalise_nfc,
    normalise_quotes,
    normalise_spaces,
    normalise_text,
)
from mattis_corpus.ingest.clean.chrome import (
    is_chrome_line,
    is_heading_like,
    is_title_like,
    related_header,
)
from mattis_corpus.ingest.clean.dateline import parse_dateline, split_glued_dateline
from mattis_corpus.ingest.clean.page import clean
from mattis_corpus.models import CleanDoc

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


def paragraphs(doc: CleanDoc) -> list[tuple[str, str]]:
    """(kind, text) of every paragraph, checked against the offsets."""
    out = []
    for p in doc.paragraphs:
        chunk = doc.text[p.start : p.end]
        assert chunk and chunk == chunk.strip()
        out.append((p.kind, chunk))
    assert "\n\n".join(t for _, t in out) == doc.text
    return out


def texts(doc: CleanDoc, kind: str | None = None) -> list[str]:
    return [t for k, t in paragraphs(doc) if kind is None or k == kind]


# --------------------------------------------------------------------------- pipeline


def test_make_pipeline_runs_left_to_right() -> None:
    f = make_pipeline(lambda s: s + "a", lambda s: s + "b", str.upper)
    assert f("x") == "XAB"
    assert make_pipeline()("same") == "same"


# --------------------------------------------------------------------------- text level


def test_newlines() -> None:
    assert normalise_newlines("a\r\nb\rc\u2028d\u2029e\x0bf") == "a\nb\nc\nd\ne\nf"


def test_invisible_characters_removed() -> None:
    assert normalise_invisible("Pen\u00adta\u200bgo\u200dne\ufeff") == "Pentagone"
    assert normalise_invisible("a\x00b\x07c\u200ed\ud800") == "abcd"
    assert normalise_invisible("tab\tkept\nnewline") == "tab\tkept\nnewline"


def test_exotic_spaces_become_plain() -> None:
    assert normalise_spaces(f"2{NBSP}%{NNBSP}x{THIN}y\u2007z\tw") == "2 % x y z w"


def test_nfc() -> None:
    assert normalise_nfc("E\u0301tat") == "État"


def test_apostrophes() -> None:
    assert normalise_apostrophes("l\u2019État qu\u02bcil d\u2018abord n\u00b4est") == (
        "l'État qu'il d'abord n'est"
    )


def test_quotes_guillemets_get_one_regular_space() -> None:
    assert normalise_quotes(f"«{NBSP}Nous{NNBSP}»") == "« Nous »"
    assert normalise_text(f"a dit :«{NBSP}Nous{NNBSP}», puis «non»") == (
        "a dit :« Nous », puis « non »"
    )
    assert normalise_quotes("\u201cmaintenant\u201d et \u201esert\u201f") == (
        '"maintenant" et "sert"'
    )


def test_elision_spacing() -> None:
    assert normalise_elision("siège de l' OTAN, qu'  il, aujourd' hui") == (
        "siège de l'OTAN, qu'il, aujourd'hui"
    )
    assert normalise_elision("l' 2017 reste") == "l' 2017 reste"


def test_lines_collapsed_stripped_and_dangling_guillemet_dropped() -> None:
    assert normalise_lines("  a   b  \n   \nc. «") == "a b\n\nc."


def test_normalise_text_whole() -> None:
    raw = f"Le{NBSP}{NBSP}ministre\r\n{NBSP}\r\nl\u2019OTAN  «{NNBSP}oui{NNBSP}»"
    assert normalise_text(raw) == "Le ministre\n\nl'OTAN « oui »"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_normalise_text_idempotent(s: str) -> None:
    once = normalise_text(s)
    assert normalise_text(once) == once


# --------------------------------------------------------------------------- chrome


@pytest.mark.parametrize(
    "line",
    [
        "Liens d'accessibilité", "Aller au contenu", "Passer au contenu principal", "Menu",
        "Rechercher", "Dernières nouvelles", "Share This !", "Partager",
        "Partager sur Facebook", "Tweeter", "Imprimer", "Envoyer par e-mail",
        "» Connectez-vous à Facebook pour pouvoir commenter", "Se connecter", "S'abonner",
        "Déjà abonné ?", "Publicité", "PUBLICITÉ", "Rabais de la semaine", "Annonce",
        "Contenu sponsorisé", "XS", "S M L XL XXL", "SM", "MD", "LG", "Retour",
        "Haut de page", "↑ Haut de page", "Avec AFP", "Avec AFP et Reuters", "12 commentaires",
        "Temps de lecture : 3 min", "© 2024 Le Quotidien. Tous droits réservés.",
        "Accueil > International > Europe", "•", "Tout accepter",
        "Nous utilisons des cookies pour améliorer votre expérience de navigation. "
        "En cliquant sur Accepter, vous consentez à leur utilisation.",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Les alliés doivent partager le fardeau de la défense commune.",
        "Réajuster les budgets militaires",
        "Passer à l'offensive",
        "Retour au calme à Mossoul",
        "Publicité mensongère : l'armée porte plainte",
        "Jim Mattis, secrétaire américain à la Défense",
        "(AFP)",
        "Photo : AFP",
        "Menu des discussions : la Syrie, puis l'Irak.",
        "Il a dit « Menu » et rien d'autre, ce qui a surpris les journalistes présents.",
        "M. Mattis",
    ],
)
def test_not_chrome(line: str) -> None:
    assert not is_chrome_line(line)


def test_related_headers() -> None:
    assert related_header("Articles qui pourraient vous intéresser:") == "bare"
    assert related_header("À lire aussi") == "bare"
    assert related_header("Sur le même sujet") == "bare"
    assert related_header("Plus d'articles") == "bare"
    assert related_header("Les plus lus") == "bare"
    assert related_header("Lire aussi : L'Otan face à la Russie") == "inline"
    assert related_header("LIRE AUSSI | Le Pentagone sans chef") == "inline"
    assert related_header("Lire aussi la lettre du général, publiée hier.") is None
    assert related_header("Il faut lire aussi entre les lignes.") is None


def test_title_and_heading_shapes() -> None:
    assert is_title_like("Le ministre Jim Mattis à Paris pour parler antiterrorisme")
    assert is_title_like("Mattis va-t-il démissionner ?")
    assert not is_title_like("Le ministre est à Paris.")
    assert not is_title_like("mattis à Paris")
    assert not is_title_like(" ".join(["mot"] * 26))
    assert is_heading_like("Des principes directeurs")
    assert is_heading_like("Washington prêt à coopérer si cela \"sert\" ses intérêts")
    assert not is_heading_like("Jens Stoltenberg, secrétaire général de l'OTAN")
    assert not is_heading_like("« Nous devons rassembler la famille »")
    assert not is_heading_like("Il a démissionné.")


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("line", "value", "precision", "furniture"),
    [
        ("Publié le 16 février 2017 à 10h32", "2017-02-16", "day", False),
        ("Mis à jour le 03/10/2018", "2018-10-03", "day", False),
        ("Le 12/01/2017 à 14:05", "2017-01-12", "day", False),
        ("Publié le : 15/02/2017 - 10:32", "2017-02-15", "day", False),
        ("Publié le 15/02/2017 à 10:32, mis à jour le 15/02/2017 à 12:00", "2017-02-15", "day",
         False),
        ("Publié le lundi 13 février 2017 à 18h30 (heure de Paris)", "2017-02-13", "day", False),
        ("date 2018-12", "2018-12", "month", False),
        ("16 févr. 2017", "2017-02-16", "day", False),
        ("1er janvier 2017", "2017-01-01", "day", False),
        ("Mars 2017", "2017-03", "month", False),
        ("• mer. Avr 24th, 2024", "2024-04-24", "day", True),
        ("Mercredi 15 février 2017", "2017-02-15", "day", True),
        ("📅 15 février 2017", "2017-02-15", "day", True),
        ("February 13th, 2017", "2017-02-13", "day", True),
    ],
)
def test_parse_dateline(line: str, value: str, precision: str, furniture: bool) -> None:
    dl = parse_dateline(line)
    assert dl is not None
    assert (dl.text, dl.value, dl.precision, dl.furniture) == (line, value, precision, furniture)


@pytest.mark.parametrize(
    "line",
    ["2017", "Publié le 31/02/2017", "Le 12 janvier 2017, le général a démissionné.",
     "Les 12 et 13 février 2017", "", "Rechercher"],
)
def test_not_a_dateline(line: str) -> None:
    assert parse_dateline(line) is None


def test_split_glued_dateline() -> None:
    got = split_glued_dateline(" date 2019-01-02 Le secrétaire a quitté ses fonctions.")
    assert got is not None
    dl, rest = got
    assert (dl.text, dl.value, dl.precision, dl.furniture) == (
        "date 2019-01-02", "2019-01-02", "day", False)
    assert rest == "Le secrétaire a quitté ses fonctions."
    assert split_glued_dateline("Le 12 janvier 2017, le général a démissionné.") is None
    assert split_glued_dateline("Publié le 16 février 2017") is None


# --------------------------------------------------------------------------- synthetic pages

LE_QUOTIDIEN = f"""Aller au contenu principal
Menu
Rechercher
Se connecter
S\u2019abonner
International
Défense
L\u2019OTAN renforce sa présence sur son flanc Est face à la Russie
Les ministres de la défense de l\u2019Alliance se sont réunis à Bruxelles pour discuter du déploiement de nouveaux bataillons.
Publié le 16 février 2017 à 10h32, mis à jour le 16 février 2017 à 12h05
Temps de Lecture 3 min.
Partager sur Facebook
Envoyer par e-mail
Article réservé aux abonnés
Le ministre de la défense allemand a salué jeudi 16{NBSP}février «{NNBSP}l\u2019engagement sans faille{NNBSP}» des alliés, au lendemain d\u2019une réunion tendue avec son homologue américain.
Lire aussi : L\u2019Alliance atlantique face au défi russe
Le général, qui s\u2019exprimait devant la presse, a rappelé que les dépenses de défense devaient atteindre 2{NBSP}% du produit intérieur brut d\u2019ici à 2024.
Un soldat estonien lors d\u2019un exercice à Tapa, le 8 février 2017.
Un soldat estonien lors d\u2019un exercice à Tapa, le 8 février 2017.
Des bataillons en Pologne
Quatre bataillons multinationaux d\u2019un millier d\u2019hommes chacun sont en cours de déploiement dans les pays baltes et en Pologne.
Sur le même sujet
Le Pentagone veut rassurer ses alliés européens
L\u2019Allemagne augmente son budget militaire de 8{NBSP}%...
"""


def test_le_quotidien_style_page() -> None:
    doc = clean(LE_QUOTIDIEN)
    assert doc.title == "L'OTAN renforce sa présence sur son flanc Est face à la Russie"
    assert doc.dateline is not None
    assert (doc.dateline.value, doc.dateline.furniture) == ("2017-02-16", False)
    kinds = paragraphs(doc)
    assert kinds[0] == ("title", doc.title)
    assert kinds[1][1].startswith("Les ministres de la défense de l'Alliance")
    assert ("heading", "Des bataillons en Pologne") in kinds
    captions = texts(doc, "caption")
    assert captions == ["Un soldat estonien lors d'un exercice à Tapa, le 8 février 2017."]
    assert doc.text.count("Un soldat estonien") == 1
    assert "« l'engagement sans faille »" in doc.text
    assert "2 % du produit" in doc.text
    assert kinds[-1][1].startswith("Quatre bataillons")
    for chrome in ("Menu", "Rechercher", "Partager", "Lire aussi", "Sur le même sujet",
                   "Le Pentagone veut", "International", "Défense\n", "Temps de Lecture",
                   "Publié le", "abonnés"):
        assert chrome not in doc.text
    assert "Lire aussi : L'Alliance atlantique face au défi russe" in doc.removed
    assert "\u00a0" not in doc.text and "\u202f" not in doc.text and "\u2019" not in doc.text


WORDPRESS = """• lun. Fév 13th, 2017
Menu
Dernières nouvelles
Le Pentagone envoie des renforts en Irak
Share This !
Le secrétaire américain à la Défense a annoncé lundi l'envoi de plusieurs centaines de soldats supplémentaires en Irak pour soutenir l'offensive sur Mossoul.
« Nous serons aux côtés de nos partenaires irakiens jusqu'à la victoire », a-t-il déclaré à la presse.
Avec AFP
» Connectez-vous à Facebook pour pouvoir commenter
Articles similaires
12 février 2017
Les forces irakiennes entrent dans Mossoul-Est
Les forces irakiennes ont repris le contrôle de plusieurs quartiers de la ville, selon...
Cinq recettes faciles pour l'hiver
"""


def test_wordpress_style_page_with_date_widget() -> None:
    doc = clean(WORDPRESS)
    assert doc.title == "Le Pentagone envoie des renforts en Irak"
    assert doc.dateline is not None
    assert doc.dateline.text == "lun. Fév 13th, 2017"  # its "• " is a list bullet (w3m prints it so)
    assert (doc.dateline.value, doc.dateline.furniture) == ("2017-02-13", True)
    assert [k for k, _ in paragraphs(doc)] == ["title", "body", "body"]
    assert doc.text.endswith("a-t-il déclaré à la presse.")
    for chrome in ("Menu", "Share This", "Dernières nouvelles", "Avec AFP", "Connectez-vous",
                   "Articles similaires", "Mossoul-Est", "recettes"):
        assert chrome not in doc.text
    assert "Avec AFP" in doc.removed and "Cinq recettes faciles pour l'hiver" in doc.removed


def test_date_only_in_related_list_is_furniture() -> None:
    page = WORDPRESS.replace("• lun. Fév 13th, 2017\n", "")
    doc = clean(page)
    assert doc.dateline is not None
    assert (doc.dateline.value, doc.dateline.furniture) == ("2017-02-12", True)


RADIO = """Passer au contenu principal
Liens d'accessibilité
ICI Info
Washington prêt à dialoguer avec Moscou, mais pas à coopérer militairement
Publié le 16 février 2017
Les États-Unis auront un dialogue politique avec la Russie, mais n'envisagent pas de collaborer avec elle sur le plan militaire, a affirmé jeudi le chef du Pentagone.

Le secrétaire à la Défense lors d'une conférence de presse à Bruxelles, le 16 février 2017.

Le secrétaire à la Défense lors d'une conférence de presse à Bruxelles, le 16 février 2017.
« Nous ne sommes pas en position de collaborer au niveau militaire », a-t-il déclaré.
À lire aussi
Tillerson rencontre Lavrov au G20
Le responsable américain, qui effectue sa première sortie internationale depuis son entrée en fonctions, a demandé à Moscou de respecter les accords de Minsk en Ukraine.
Sur le même sujet
Trump et Poutine se parlent au téléphone
XS
S
M
L
"""


def test_radio_style_page_with_teaser_box_in_the_middle() -> None:
    doc = clean(RADIO)
    assert doc.title == "Washington prêt à dialoguer avec Moscou, mais pas à coopérer militairement"
    assert doc.dateline is not None and doc.dateline.value == "2017-02-16"
    assert not doc.dateline.furniture
    kinds = paragraphs(doc)
    assert [k for k, _ in kinds] == ["title", "body", "caption", "body", "body"]
    assert kinds[-1][1].startswith("Le responsable américain")  # resumed after the teaser box
    assert "Tillerson rencontre Lavrov" not in doc.text
    assert "Trump et Poutine" not in doc.text and "ICI Info" not in doc.text


VINGT = """Partager
Tweeter
Imprimer
Nous utilisons des cookies pour améliorer votre expérience de navigation. En cliquant sur «Accepter», vous consentez à leur utilisation par nos partenaires.
Tout accepter
Continuer sans accepter
Mattis démissionne
Le 20/12/2018 à 23:05
Le secrétaire à la Défense a remis sa démission jeudi au président américain, en désaccord sur le retrait des troupes de Syrie. Il quittera ses fonctions fin février
Publicité
et sera remplacé par son adjoint, selon la Maison-Blanche.
Un départ qui inquiète
Les alliés des États-Unis redoutent un désengagement américain au Moyen-Orient, où la coalition combat toujours les jihadistes.
Les plus lus
Vidéo du jour
Recette : le gâteau au chocolat en 10 minutes
"""


@pytest.mark.xfail(strict=True, reason="the line classifier (ingest/clean/boilerplate.py) scores this short synthetic page's lines too low to find a block: kept whole, no title; known regression, see the real-pages issue")
def test_vingt_style_page_with_ad_inside_broken_paragraph() -> None:
    doc = clean(VINGT)
    assert doc.title == "Mattis démissionne"
    assert doc.dateline is not None and doc.dateline.value == "2018-12-20"
    assert not doc.dateline.furniture
    kinds = paragraphs(doc)
    assert [k for k, _ in kinds] == ["title", "body", "heading", "body"]
    assert kinds[1][1].endswith("fin février et sera remplacé par son adjoint, selon la Maison-Blanche.")
    assert "cookies" not in doc.text and "Publicité" not in doc.text
    assert "gâteau" not in doc.text and "Les plus lus" not in doc.text


def test_glued_dateline_before_the_lede_gives_no_title() -> None:
    lede = ("Dans une lettre adressée au président, le secrétaire à la Défense explique qu'il "
            "quitte ses fonctions en raison de désaccords profonds sur la politique étrangère "
            "et sur le rôle des alliances.")
    page = f" date 2018-12 {lede}\n\n« J'ai toujours cru à nos alliances », écrit-il.\n"
    doc = clean(page)
    assert doc.title is None
    assert doc.dateline is not None
    assert (doc.dateline.text, doc.dateline.value, doc.dateline.precision) == (
        "date 2018-12", "2018-12", "month")
    assert not doc.dateline.furniture
    assert [k for k, _ in paragraphs(doc)] == ["body", "body"]
    assert doc.text.startswith("Dans une lettre")


def test_broken_paragraph_rejoined() -> None:
    page = (
        "Le coût de la guerre\n\n"
        "« Abroger cette responsabilité n'est pas une option, car elle plante les graines de la "
        "prochaine vague\n\n"
        "de violence contre les innocents », a-t-il dit.\n\n"
        "Il a ensuite quitté la salle.\n"
    )
    doc = clean(page)
    body = texts(doc, "body")
    assert body[0] == ("« Abroger cette responsabilité n'est pas une option, car elle plante les "
                       "graines de la prochaine vague de violence contre les innocents », a-t-il dit.")
    assert len(body) == 2


def test_no_join_after_terminal_punctuation_or_before_capital() -> None:
    long_line = "Puis une longue phrase sans point final qui compte bien plus de douze mots en tout"
    page = f"Un titre de page\n\nIl a dit :\n\nla suite.\n\n{long_line}\n\nQui commence.\n"
    assert texts(clean(page), "body") == ["Il a dit :", "la suite.", long_line, "Qui commence."]


def test_repeated_title_is_kept_once_and_not_a_caption() -> None:
    doc = clean("Le Pentagone sans chef\nLe Pentagone sans chef\nLe secrétaire est parti hier soir.\n")
    assert doc.title == "Le Pentagone sans chef"
    assert [k for k, _ in paragraphs(doc)] == ["title", "body"]


def test_quote_attribution_is_body_not_heading() -> None:
    page = ("Un titre de page assez long\n\nComme l'a dit le président, il soutient l'OTAN.\n\n"
            "Jim Mattis, secrétaire américain à la Défense\n\nLa réunion a commencé mercredi.\n")
    assert ("body", "Jim Mattis, secrétaire américain à la Défense") in paragraphs(clean(page))


def test_empty_and_chrome_only_pages() -> None:
    for raw in ("", "   ", "\n\n\u00a0\n", "Menu\nPartager\nXS\nSM\n"):
        doc = clean(raw)
        assert doc.text == "" and doc.paragraphs == () and doc.title is None
        assert doc.dateline is None


# --------------------------------------------------------------------------- robustness


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_never_crashes_and_offsets_hold(s: str) -> None:
    doc = clean(s)
    paragraphs(doc)


_LINES = st.sampled_from([
    "Menu", "Partager", "À lire aussi", "Publié le 16 février 2017", "• mer. Avr 24th, 2024",
    "Le ministre à Paris pour parler défense", "Des principes directeurs",
    "Il a quitté la salle.", "de violence contre les innocents », a-t-il dit.",
    "La prochaine vague", "Un soldat à Tapa, le 8 février 2017.", "XS", "Avec AFP",
    "« Nous restons », a-t-il dit. «", "Dans une lettre de démission de deux pages, le général "
    "Mattis plaide pour l'importance des partenariats internationaux et des alliances.",
    "Teaser coupé en plein milieu...", "", "\u00a0", "date 2018-12 Dans une lettre, il part.",
])


@settings(max_examples=300, deadline=None)
@pytest.mark.xfail(strict=False, reason="a second pass over two-line texts can drop a short edge line the first kept (the classifier sees a different page)")
@given(st.lists(_LINES, max_size=25))
def test_clean_text_is_idempotent_on_page_like_input(lines: list[str]) -> None:
    once = clean("\n".join(lines))
    twice = clean(once.text)
    assert twice.text == once.text
    assert twice.title == once.title


@pytest.mark.parametrize(
    "raw",
    [
        "x" * 5_000_000,
        "« " * 300_000,
        " " * 2_000_000 + "»",
        "!" * 1_000_000 + "a",
        "l'" + " " * 1_000_000 + "a",
        "Publié le 1 " * 100_000,
        "mot\n" * 100_000,
        "\x00\x01\ud800e\u0301" * 100_000,
    ],
)
def test_large_and_junk_inputs_do_not_crash(raw: str) -> None:
    # speed is measured by benchmarks/, never asserted in tests
    doc = clean(raw)
    paragraphs(doc)


_MAPPED = "".join(
    c for m in (N._NEWLINES, N._INVISIBLE, N._SPACES, N._APOSTROPHES, N._DOUBLE_QUOTES)
    for c in m.mapping
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_MAPPED + "aé -\n\\[]^«»'\"\ud800\udfff"), max_size=60))
def test_char_maps_are_str_translate(text):
    """Each CharMap (a regex over the few characters it maps) is ``str.translate`` with the same
    table, whatever else the text holds; lone surrogates are dropped with the invisibles."""
    for charmap in (N._NEWLINES, N._INVISIBLE, N._SPACES, N._APOSTROPHES, N._DOUBLE_QUOTES):
        assert charmap(text) == text.translate(str.maketrans(charmap.mapping))
    expected = text.translate(str.maketrans(N._INVISIBLE.mapping))
    assert N.normalise_invisible(text) == "".join(
        c for c in expected if not "\ud800" <= c <= "\udfff"
    )


@pytest.mark.parametrize(("raw", "fixed"), [
    ("Les opÃ©rateurs baissent leurs tarifs Ã  l'Ã©tranger.",
     "Les opérateurs baissent leurs tarifs à l'étranger."),
    ("Il a tenu Ã\u00a0 rappeler que lâ€™armÃ©e reste mobilisÃ©e.",
     "Il a tenu à rappeler que l'armée reste mobilisée."),
    ("La victoire d\x92Anderlecht au stade.", "La victoire d'Anderlecht au stade."),
])
def test_text_decoded_twice_is_repaired(raw: str, fixed: str) -> None:
    """A scraper that read UTF-8 as cp1252 leaves "Ã©" for "é": the text is read back."""
    from mattis_corpus.ingest.clean.chars import normalise_text

    assert normalise_text(raw) == fixed


def test_french_text_with_capital_a_circumflex_is_left_alone() -> None:
    from mattis_corpus.ingest.clean.chars import normalise_text

    text = "Le CHÂTEAU de Pâques et l'ÂGE d'or, selon Ève."
    assert normalise_text(text) == text


def test_a_wrapped_paragraph_does_not_swallow_the_dateline_under_it() -> None:
    from mattis_corpus.ingest.clean.markup import Line, join_wrapped

    text = ["Le ministre a présenté jeudi son plan pour les armées, qui doit être voté",
            "avant l'été par le Parlement, a-t-il précisé devant les députés réunis.",
            "le 01/12/2017 à 15h45"]
    joined = join_wrapped([Line(t) for t in text], 72)
    assert [line.text for line in joined][-1] == "le 01/12/2017 à 15h45"
    assert len(joined) == 2


def test_html_character_references_left_by_a_dump_are_characters() -> None:
    """A share widget's attribute dumped as text ("jusqu&rsquo;&agrave;", also escaped twice)
    reads as the characters; an unknown name or a bare '&' stays; normalising is idempotent."""
    from mattis_corpus.ingest.clean.chars import normalise_text

    assert normalise_text("jusqu&rsquo;&agrave; 100 b&ucirc;ches") == "jusqu'à 100 bûches"
    assert normalise_text("&amp;eacute;t&#233; et &#xE9;") == "été et é"
    for kept in ("R&D; AT&T", "&foo; x", "Procter & Gamble", "&copyright;"):
        assert normalise_text(kept) == kept
    assert "\n" not in normalise_text("une ligne&#10;et la suite&NewLine;ici")  # the dump's lines stay
    for text in ("&amp;amp;rsquo;", "a &amp; b &lt;p&gt;", "&#38;eacute;"):
        once = normalise_text(text)
        assert normalise_text(once) == once
