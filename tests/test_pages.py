"""The cleaning on real pages (tests/pages/, dev split only) and on the seeds with the chrome
phrase lists ablated: what the real-pages issue measures, held as a regression guard."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from mattis_corpus.ingest.clean import chrome
from mattis_corpus.ingest.clean.page import clean

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import pages as P  # noqa: E402  (the scorer of benchmarks/pages.py)


@pytest.fixture(scope="module")
def dev_scores() -> list:
    recurring = P.recurring_lines(sorted((P.PAGES / "text").glob("*.txt")))
    out = []
    for line in (P.PAGES / "expected.jsonl").open(encoding="utf-8"):
        exp = json.loads(line)
        if exp["language"] == "fr" and exp["split"] == "dev":
            out.append(P.score_page(exp, *P.run_text(P.PAGES / "text" / f"{exp['id']}.txt", recurring)))
    return out


def test_dev_pages_keep_the_article_and_drop_the_chrome(dev_scores):
    """The dev figures of 2026-12-03 (58 pages: 0.6% lost, 5.3% chrome, 58 titles, 53 dates
    right, none wrong), with a little room: a change that loses more of the article, keeps
    more chrome or loses titles or dates fails here."""
    s = P.summary(dev_scores)
    assert s["pages"] >= 58, s
    assert s["body_lost_pct"] <= 1.0 and s["pages_losing_over_10pct"] <= 4, s
    assert s["chrome_pct"] <= 6.5, s
    assert s["titles_right"] >= 56 and s["dates_right"] >= 51 and s["dates_wrong"] <= 1, s


def test_no_dev_page_loses_its_whole_article(dev_scores):
    assert all(s.lost < 0.5 * s.body_words for s in dev_scores), [
        (s.id, s.lost, s.body_words) for s in dev_scores if s.lost >= 0.5 * s.body_words]


def _seed_phrases(texts: list[str]) -> tuple[frozenset, tuple, frozenset]:
    """The list entries that match a line of the seed pages."""
    keys = {chrome._key(line) for t in texts for line in t.splitlines() if line.strip()}
    exact = frozenset(k for k in chrome._CHROME_EXACT if k in keys)
    prefixes = tuple(p for p in chrome._CHROME_PREFIXES if any((k + " ").startswith(p) for k in keys))
    related = frozenset(k for k in chrome._RELATED if k in keys)
    return exact, prefixes, related


def test_seeds_come_out_as_clean_without_their_own_chrome_phrases(monkeypatch):
    """Every chrome phrase that occurs in the five seed pages taken out of the lists: the seeds
    must still come out exactly as they do with the lists whole."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "raw").glob("*.txt"))]
    whole = [clean(t) for t in texts]
    exact, prefixes, related = _seed_phrases(texts)
    assert exact or prefixes or related  # the ablation removes something
    monkeypatch.setattr(chrome, "_CHROME_EXACT", chrome._CHROME_EXACT - exact)
    monkeypatch.setattr(chrome, "_CHROME_PREFIXES",
                        tuple(p for p in chrome._CHROME_PREFIXES if p not in prefixes))
    monkeypatch.setattr(chrome, "_RELATED", chrome._RELATED - related)
    chrome._key.cache_clear()
    ablated = [clean(t) for t in texts]
    assert [d.text for d in ablated] == [d.text for d in whole]
    assert [d.title for d in ablated] == [d.title for d in whole]


def test_form_field_lines_cost_nothing():
    """Lines of underscores (form fields in lynx dumps) are dropped before any scoring."""
    article = "Le ministre a annoncé jeudi un plan de défense européen pour les cinq prochaines années."
    page = "\n\n".join(["_" * 1000] * 20 + [article] * 3)
    doc = clean(page)
    assert "___" not in doc.text and article in doc.text


_ARTICLE = (
    "Le gouvernement a présenté mercredi un plan de privatisations partielles qui concerne "
    "plusieurs entreprises publiques, selon le ministre de l'Économie.\n\n"
    "Le ministre a précisé que les participations de l'État seraient réduites progressivement, "
    "sans calendrier arrêté, et que les syndicats seraient consultés.\n\n"
    "Les privatisations partielles doivent rapporter plusieurs milliards d'euros au budget, "
    "a-t-il ajouté devant la presse réunie au ministère.\n"
)


def test_a_credited_caption_and_a_menu_item_are_not_the_title():
    """The headline shares the body's words; a caption printed again with its photo credit
    and a one-word menu item share them too, and neither is the title."""
    from mattis_corpus.ingest.clean.page import clean

    raw = ("Accueil\n\nÉconomie\n\nLe gouvernement envisage des privatisations partielles\n\n"
           "Par Jean Dupont\n\n"
           "Le ministre de l'Économie, au ministère\n\n"
           "Le ministre de l'Économie, au ministère Crédits photo : Jean Martin/AFP\n\n"
           + _ARTICLE)
    assert clean(raw).title == "Le gouvernement envisage des privatisations partielles"


def test_a_reader_comment_starting_lower_case_is_not_the_title():
    from mattis_corpus.ingest.clean.page import clean

    raw = ("Le gouvernement envisage des privatisations partielles\n\n"
           "> pourtant le ministre de l'Économie a précisé les privatisations ?\n\n" + _ARTICLE)
    assert clean(raw).title == "Le gouvernement envisage des privatisations partielles"


def test_a_block_of_teasers_under_an_unlisted_header_goes():
    """Headlines each followed by a summary the site cut with "…" are teasers, whatever the
    header above them says (this one is in no list)."""
    from mattis_corpus.ingest.clean.page import clean

    teasers = "\n\n".join(
        f"Le porte-avions {name} quitte Toulon pour une mission en Méditerranée\n\n"
        f"Le bâtiment {name}, fleuron de la flotte, va passer pour la première fois sous..."
        for name in ("Charles-de-Gaulle", "Richelieu", "Clemenceau"))
    raw = ("Le gouvernement envisage des privatisations partielles\n\n" + _ARTICLE
           + "\nÇa pourrait aussi vous plaire :\n\n" + teasers)
    text = clean(raw).text
    assert "Toulon" not in text and "plaire" not in text
    assert "devant la presse réunie au ministère" in text


@pytest.mark.parametrize("line", [
    "» Connectez-vous à Facebook pour pouvoir commenter",
    "Abonnez-vous pour réagir",
    "Identifiez-vous afin de commenter",
])
def test_comment_form_prompts_open_the_comments(line):
    from mattis_corpus.ingest.clean.chrome import is_comment_marker

    assert is_comment_marker(line)


def test_a_sentence_about_commenting_is_not_a_comment_prompt():
    from mattis_corpus.ingest.clean.chrome import is_comment_marker

    assert not is_comment_marker("Le ministre a refusé de commenter la décision du tribunal.")
    # a sentence that starts with a marker's words goes on being the article
    assert not is_comment_marker('Les commentaires allaient de "génial" à "ridicule", en passant '
                                 'par des centaines de mèmes.')
    assert not is_comment_marker("Les réactions des syndicats ont été immédiates dans toute la région")
    assert is_comment_marker("Les commentaires (12)") and is_comment_marker("Réagir !")


def test_short_lines_before_the_first_sentence_and_after_the_last_go():
    from mattis_corpus.ingest.clean.page import clean

    raw = ("Le gouvernement envisage des privatisations partielles\n\nShare This !\n\n"
           + _ARTICLE + "\nPlus d'infos\n")
    doc = clean(raw)
    assert "Share This" not in doc.text and "Plus d'infos" not in doc.text
    assert doc.title == "Le gouvernement envisage des privatisations partielles"


def test_comments_after_a_count_line_between_article_and_comments_go():
    """"160 commentaires" is not article text, and the readers' comments after it read like
    prose: the comment section ends the article even when its marker line was not kept."""
    from mattis_corpus.ingest.clean.page import clean

    comment = ("Bonne chose mais réaction paradoxale de la part du gouvernement, qui ne sait "
               "plus où il va depuis des mois et qui brade les entreprises publiques.")
    raw = ("Le gouvernement envisage des privatisations partielles\n\n" + _ARTICLE
           + "\nPartager\n\n160 commentaires\n\n" + comment + "\n\nAlerter Répondre\n\n"
           + comment.replace("Bonne", "Mauvaise") + "\n")
    text = clean(raw).text
    assert "paradoxale" not in text and "devant la presse réunie au ministère" in text


def test_a_headline_printed_twice_on_one_line_is_a_teaser():
    from mattis_corpus.ingest.clean.furniture import printed_twice

    assert printed_twice("Reprise des négociations dans un climat tendu "
                         "Reprise des négociations dans un climat tendu")
    assert not printed_twice("Le ministre a parlé, puis le ministre a parlé encore une fois.")


def test_a_comment_count_after_the_label_opens_the_comments():
    from mattis_corpus.ingest.clean.chrome import is_comment_marker

    assert is_comment_marker("Réagir (14)") and is_comment_marker("160 commentaires")


def test_wrapped_text_mixed_with_long_lines_is_still_unwrapped():
    """A dump wrapped at ~78 characters that also holds long unbroken lines (menus glued
    into one line): its wrapped lines pile up below the width, and are joined."""
    from mattis_corpus.ingest.clean.markup import parse_lines, wrap_width

    para = ("Le ministre des Armées a présenté mardi un plan de modernisation de la marine "
            "nationale, qui prévoit la commande de deux nouvelles frégates d'ici à 2030, selon "
            "un communiqué publié dans la soirée par le ministère.")
    import textwrap

    wrapped = "\n\n".join("\n".join(textwrap.wrap(para, 78)) for _ in range(12))
    long_lines = "\n\n".join(" | ".join(["Accueil", "Monde", "Économie", "Sports"] * 12)
                             for _ in range(8))
    text = long_lines + "\n\n" + wrapped
    assert wrap_width(text) is not None
    assert any(line.text == para for line in parse_lines(text))


def test_a_standfirst_without_its_full_stop_stays_with_the_article():
    from mattis_corpus.ingest.clean.page import clean

    lede = ("Michel Martin a été condamné lundi soir à une peine de trente ans de prison par la "
            "cour d'assises, qui l'a reconnu coupable de vol avec circonstance aggravante")
    raw = ("Trente ans pour le meurtrier de Herstal\n\n" + lede + "\n\nPascal Mandiaux\n\n"
           + _ARTICLE)
    assert lede in clean(raw).text


def test_a_headline_with_french_quotes_is_no_breadcrumb() -> None:
    from mattis_corpus.ingest.clean.chrome import is_chrome_line

    assert not is_chrome_line("Ayrault « assume » et « revendique » sa méthode")
    assert is_chrome_line("Accueil » Politique » Élections")


def test_a_caption_with_its_credit_in_brackets_is_never_the_title() -> None:
    from mattis_corpus.ingest.clean.title import caption_keys

    caption = "Jean Dupont, le 27 octobre 2012 à Toulouse (Photo Marie Martin. AFP)"
    assert caption_keys([caption])
    assert caption_keys(["Le maire à la sortie du conseil (photo DR)"])
    assert not caption_keys(["Le maire quitte le conseil municipal (après trois heures)"])


def test_the_lede_is_evidence_for_the_headline() -> None:
    """A headline whose words only the lede repeats is still the title."""
    from mattis_corpus.ingest.clean.page import clean

    page = "\n\n".join([
        "Accueil", "Sport", "Cyclisme", "Tennis",
        "Le marathon de Namur partira des quais le dimanche 14 avril",
        "Hier", "Source: Belga", "Partager", "Tweeter", "Envoyer", "Imprimer", "A", "A+",
        "Réagir", "Envoyer une correction",
        "Le marathon de Namur, couru depuis trente ans, partira des quais de Meuse le "
        "dimanche 14 avril à neuf heures, ont annoncé les organisateurs.",
        "Plus de trois mille coureurs sont attendus, un chiffre jamais atteint jusqu'ici, et "
        "la ville prévoit des navettes gratuites depuis la gare pour tous les visiteurs.",
        "Les inscriptions restent ouvertes jusqu'à la fin du mois sur le site de l'épreuve, "
        "où le parcours complet est décrit kilomètre par kilomètre pour les participants.",
    ])
    assert clean(page).title == "Le marathon de Namur partira des quais le dimanche 14 avril"


def _lynx(text: str) -> str:
    """A text as lynx dumps it: wrapped at 76 columns, paragraphs and list items indented,
    headings ("#H ") flush left."""
    import textwrap

    out = []
    for line in text.split("\n"):
        if line.startswith("#H "):
            out.append(line[3:])
        else:
            out += ["   " + part for part in textwrap.wrap(line, 73)] if line.strip() else [""]
    return "\n".join(out)


def test_a_lynx_heading_beats_a_photo_caption_that_shares_more_words():
    """lynx prints h1-h6 flush left and the rest indented: the flush-left headline is the
    title, not the bulleted caption above it that names the same people."""
    raw = _lynx("Accueil\n\n* Le ministre de l'Économie présente son plan de privatisations\n\n"
                "#H Privatisations partielles à l'étude\n\nPar Jean Dupont\n\n" + _ARTICLE)
    assert clean(raw).title == "Privatisations partielles à l'étude"
    flat = raw.replace("\n   ", "\n")  # the same lines with the indentation gone, and
    flat = flat.replace("Par Jean Dupont\n", "")  # no byline to point at the headline either
    assert clean(flat).title != "Privatisations partielles à l'étude"
    assert clean(raw.replace("Par Jean Dupont\n", "")).title == "Privatisations partielles à l'étude"


def test_a_lynx_heading_may_trail_off_but_an_unmarked_line_only_on_the_byline():
    raw = _lynx("Accueil\n\n#H Les privatisations partielles, et après…\n\nPar Jean Dupont\n\n"
                + _ARTICLE)
    assert clean(raw).title == "Les privatisations partielles, et après…"
    flat = raw.replace("\n   ", "\n")  # unmarked, but just above the byline (a blog theme, w3m)
    assert clean(flat).title == "Les privatisations partielles, et après…"
    assert clean(flat.replace("Par Jean Dupont\n", "")).title != "Les privatisations partielles, et après…"


def test_a_long_line_cut_with_an_ellipsis_above_the_byline_is_a_standfirst_not_the_title():
    standfirst = ("FOOTBALL Menée par une attaque de feu, l'équipe de France a balayé l'Italie "
                  "en match amical, avant le départ pour la Russie…")
    raw = f"Accueil\n\n{standfirst}\n\nPar Jean Dupont\n\n" + _ARTICLE
    assert clean(raw).title != standfirst


def test_indentation_means_nothing_outside_an_indented_dump():
    from mattis_corpus.ingest.clean.markup import flush_left_lines

    assert flush_left_lines("Titre\n" + "   ligne de texte\n" * 12) == frozenset({0})
    assert flush_left_lines("Titre\n" + "ligne de texte\n" * 12) == frozenset()
    assert flush_left_lines("Titre\n\n" + "ligne\n   ligne\n" * 6) == frozenset()  # half and half


def test_a_link_wrapped_inside_a_blockquote_loses_the_quote_mark():
    """html2text wraps a quoted paragraph's link over two lines, each starting "> ": the
    mark of the second line is not a word of the link text ("Philippe > Hersant")."""
    raw = ("> Le journal a été acheté par [Philippe\n> Hersant](http://exemple.fr/fiche) pour "
           "215 millions d'euros, selon les comptes publiés par le groupe cette semaine.\n")
    assert "Philippe Hersant pour" in clean(raw).text


def test_quote_marks_go_and_an_embedded_post_is_not_the_article():
    """html2text's "> " marks are not words; a quoted passage of the article stays, the
    embedded post signed "— Name (@handle) date" goes with its quoted text."""
    raw = ("Le gouvernement envisage des privatisations partielles\n\n" + _ARTICLE + "\n"
           "> Les privatisations partielles ne sont pas une fin en soi, a écrit le ministre\n"
           "> dans une tribune publiée par plusieurs journaux régionaux la semaine dernière.\n\n"
           "> Je ne vendrai pas les bijoux de famille, promis juré, à qui que ce soit !\n>\n"
           "> — Jean Dupont (@jdupont) [June 4,\n> 2012](https://twitter.com/jdupont/status/1)\n\n"
           "Les syndicats ont demandé à être reçus par le ministre avant la fin du mois, "
           "pour discuter du calendrier des privatisations.\n")
    doc = clean(raw)
    assert ">" not in doc.text
    assert ("Les privatisations partielles ne sont pas une fin en soi, a écrit le ministre dans "
            "une tribune") in doc.text
    assert "bijoux de famille" not in doc.text and "@jdupont" not in doc.text
    assert doc.text.rstrip().endswith("calendrier des privatisations.")


def test_a_post_embedded_above_the_article_gives_neither_text_nor_date():
    raw = ("Le gouvernement envisage des privatisations partielles\n\n"
           "> Les privatisations partielles sont une faute historique, je le dirai au ministre\n>\n"
           "> — Jean Dupont (@jdupont) 12 juin 2017\n\n" + _ARTICLE)
    doc = clean(raw)
    assert doc.title == "Le gouvernement envisage des privatisations partielles"
    assert "faute historique" not in doc.text and "@jdupont" not in doc.text
    assert doc.dateline is None


def test_a_short_wrapped_page_with_long_unbroken_lines_is_still_unwrapped():
    """A short html2text page (a dozen wrapped lines) among long link lines: its wrapped
    lines still pile up just under the width, and a sentence wrapped before a capital
    ("…écrit : « Nadine / Morano, je…") is joined again."""
    import textwrap

    from mattis_corpus.ingest.clean.markup import wrap_width
    para = " ".join(_ARTICLE.split()) * 2
    wrapped = "\n".join(textwrap.wrap(para, 78))
    long_lines = "\n".join(f"Rubrique {k} " + "lien " * (30 + 7 * k) for k in range(12))
    assert 70 <= (wrap_width(long_lines + "\n\n" + wrapped) or 0) <= 78


def test_a_dump_wrapped_wider_than_usual_is_joined_again():
    """w3m -cols 120, lynx -width=132: the lines pile up under a wider width, still found."""
    import textwrap

    from mattis_corpus.ingest.clean.markup import parse_lines, wrap_width
    para = " ".join(_ARTICLE.split())
    menu = "\n".join(f"Rubrique numéro {k} du site" for k in range(8))
    wide = menu + "\n\n" + "\n\n".join("\n".join(textwrap.wrap(para * 3, 120)) for _ in range(3))
    assert 110 <= (wrap_width(wide) or 0) <= 120
    assert " ".join((para * 3).split()) in [line.text for line in parse_lines(wide)]


def test_an_unlinked_list_next_to_the_article_is_kept_a_linked_menu_is_not():
    """On a dump that marks links, a menu's items are links and the article's own list (a
    palmarès, results) is not: the list right after the article is kept with its heading."""
    menu = "\n".join(f"  * [Rubrique {k}](https://exemple.fr/r{k})" for k in range(8))
    palmares = "\n\n".join(f"— {2020 - k} : « Film numéro {k} » de Réalisatrice {k}" for k in range(6))
    raw = (menu + "\n\n# Le gouvernement envisage des privatisations partielles\n\n" + _ARTICLE
           + "\n### Les privatisations depuis 2015\n\n" + palmares + "\n\n" + menu + "\n")
    doc = clean(raw)
    assert "Les privatisations depuis 2015" in doc.text
    assert all(f"« Film numéro {k} »" in doc.text for k in range(6))
    assert "Rubrique" not in doc.text
    linked = raw.replace("— ", "* [").replace("de Réalisatrice", "](https://exemple.fr/f) de")
    assert "Film numéro" not in clean(linked).text


def test_the_paywall_cut_ends_the_article_a_subscriber_label_does_not():
    dialog = ("Vous pouvez lire ce journal sur un seul appareil à la fois, et ce message "
              "s'affichera sur l'autre appareil si vous continuez à lire ici.\n\n"
              "Parce qu'une autre personne, ou vous, est en train de lire le journal avec ce "
              "compte sur un autre appareil, la lecture est interrompue.\n")
    raw = ("Le gouvernement envisage des privatisations partielles\n\nArticle réservé aux abonnés\n\n"
           + _ARTICLE + "\nIl vous reste 57.09% de cet article à lire. La suite est réservée aux "
           "abonnés.\n\n" + dialog)
    doc = clean(raw)
    assert "a-t-il ajouté devant la presse réunie au ministère." in doc.text
    assert "autre appareil" not in doc.text and "Il vous reste" not in doc.text
    assert "Le ministre a précisé" in doc.text


@pytest.mark.parametrize("cut", [
    "Lisez la suite : 83 % de ce contenu reste à découvrir",
    "Seuls nos abonnés peuvent lire l'intégralité de cet article.",
])
def test_other_wordings_of_the_paywall_cut(cut):
    from mattis_corpus.ingest.clean.chrome import is_paywall_cut

    assert is_paywall_cut(cut)
    assert not is_paywall_cut("Il reste 20 % de la population à convaincre, selon le ministre.")


def test_a_caption_printed_three_times_on_one_line_is_not_body():
    caption = "Le ministre de l'Économie à Bercy, à Paris, le 12 juillet 2023."
    raw = ("Le gouvernement envisage des privatisations partielles\n\n"
           + " ".join([caption] * 3) + " JEAN MARTIN / AFP\n\n" + _ARTICLE)
    doc = clean(raw)
    assert "à Bercy" not in doc.text and "Le ministre a précisé" in doc.text


def test_a_second_capture_of_the_same_article_keeps_its_body():
    """Two captures of one article share their sentences, not only their furniture: the
    repetition then says nothing about chrome, and neither copy loses its list of facts."""
    from mattis_corpus.ingest.recurring import page_line_hashes, recurring_test

    facts = "\n\n".join(f"* une frappe de l'attaquant numéro {k} bien repoussée par le gardien ({k}0e) ;"
                        for k in range(1, 7))
    page = ("# Les Bleus battent l'Italie en match amical\n\n" + _ARTICLE + "\n" + facts + "\n\n"
            "Le sélectionneur a salué la prestation de ses joueurs, qui ont livré un bon match.\n")
    copy = page.replace("match amical", "match amical à Nice", 1)
    own, other = page_line_hashes(page), page_line_hashes(copy)
    counts = {h: (h in own) + (h in other) for h in own | other}
    alone = clean(page)
    assert "numéro 6" in alone.text
    assert clean(page, recurring_test(own, counts)).text == alone.text


def test_a_credited_photo_caption_goes_a_sentence_citing_an_agency_stays():
    raw = ("Le gouvernement envisage des privatisations partielles\n\n" + _ARTICLE + "\n"
           "Le ministre de l'Économie à Bercy, le 14 mai 2025. (LEO DURAND / AFP)\n\n"
           "Les syndicats ont demandé à être reçus par le ministre, a appris l'AFP.\n\n"
           "Le calendrier des privatisations sera présenté au Parlement avant l'été, selon Reuters.\n")
    doc = clean(raw)
    assert "à Bercy" not in doc.text
    assert "a appris l'AFP." in doc.text and "selon Reuters." in doc.text


def test_html_tags_left_as_text_go_and_a_chrome_label_is_not_glued_to_the_last_sentence():
    from mattis_corpus.ingest.clean.markup import parse_lines, unwrap_links

    unwrapped = unwrap_links('Photo Jean Martin <a\nhref="https://x.fr/p" rel="nofollow">via Unsplash</a>')
    assert unwrapped.split() == ["Photo", "Jean", "Martin", "via", "Unsplash"]
    assert unwrapped.count("\n") == 1  # the dump's line numbers still hold
    wrapped = ("Cette vague de décès pourrait même être le signe d'une résurgence. Affaire\n"
               "à suivre de près, selon les chercheurs de l'université de Halifax, au Canada.\n"
               "En savoir plus\n")
    texts = [line.text for line in parse_lines(wrapped * 6) if line.text]
    assert "En savoir plus" in texts


def test_a_legal_notice_and_a_reading_time_are_chrome_a_sentence_on_copyright_is_not():
    assert chrome.is_chrome_line("Temps de lecture: 2 minutes - Repéré sur Forbes")
    assert chrome.is_chrome_line(
        "Ce site est protégé par le droit d'auteur, tous droits réservés. Toute reproduction "
        "et/ou rediffusion de contenu doit faire l'objet d'une autorisation préalable.")
    assert not chrome.is_chrome_line(
        "Le tribunal a jugé que la reproduction des photos du ministre était interdite.")


def test_a_byline_with_its_date_opening_the_body_dates_the_article_a_timestamp_list_does_not():
    feed = "\n\n".join(f"7 novembre 2018 à 0{k}:03\n\nUne autre dépêche numéro {k} du fil" for k in range(5))
    raw = (feed + "\n\nDiplomatie\n\n# Le gouvernement envisage des privatisations partielles\n\n"
           "Par Jean Dupont, correspondant à Bruxelles et Marie Martin, correspondante à Berlin — "
           "5 avril 2017 à 19:26\n\n" + _ARTICLE)
    doc = clean(raw)
    assert doc.dateline is not None and doc.dateline.value == "2017-04-05"
    no_byline = raw.replace("Par Jean Dupont, correspondant à Bruxelles et Marie Martin, "
                            "correspondante à Berlin — 5 avril 2017 à 19:26\n\n", "")
    assert clean(no_byline).dateline is None or clean(no_byline).dateline.furniture


def test_a_published_line_under_a_kicker_is_never_joined_to_it():
    from mattis_corpus.ingest.clean.markup import parse_lines

    wrapped = ("   La première rencontre officielle entre les deux pays doit avoir lieu jeudi\n"
               "   et vendredi dans la résidence du président, en Floride, selon la presse.\n") * 5
    page = wrapped + "   Animations, Fêtes et festivals, Villeneuve-sur-Lot, Lot-et-Garonne\n   Publié le 13/07/2025 à 07:59\n"
    assert "Publié le 13/07/2025 à 07:59" in [line.text for line in parse_lines(page)]


def test_teasers_glued_in_one_line_each_printed_twice_go_and_the_lede_before_them_stays():
    from mattis_corpus.ingest.clean.furniture import doubled_share

    teasers = " ".join(f"{t} {t}" for t in ("La ministre défend son plan de privatisations",
                                            "Les syndicats appellent à la grève jeudi prochain",
                                            "Bercy publie enfin le calendrier des cessions"))
    assert doubled_share(teasers.split()) == 1.0
    assert doubled_share(_ARTICLE.split()) == 0.0
    raw = ("# Le gouvernement envisage des privatisations partielles\n\n"
           + "\n\n".join(f"Rubrique {k}" for k in range(20)) + "\n\n"
           "Le ministre de l'Économie a défendu mercredi devant les députés son projet de "
           "privatisations partielles, contesté par les syndicats et une partie de la majorité.\n\n"
           "À lire aussi\n\n" + teasers + "\n\n" + _ARTICLE)
    doc = clean(raw)
    assert "contesté par les syndicats" in doc.text and "Bercy publie" not in doc.text


def test_an_arrow_before_a_headline_is_a_teaser_link_a_quote_mark_is_not():
    assert chrome.is_chrome_line(">>> Oscars 2016 : très remontés, deux acteurs appellent au boycott")
    assert not chrome.is_chrome_line("Oscars 2016 : très remontés, deux acteurs appellent au boycott")
    doc = clean("> > Le ministre a confirmé le plan de privatisations partielles devant les députés.\n")
    assert doc.text.startswith("Le ministre")


def test_an_image_whose_address_html2text_wrapped_over_lines_goes_whole():
    from mattis_corpus.ingest.clean.markup import LINK_CLOSE, LINK_OPEN, unwrap_links

    text = ("[ ![Trois stars craquent pour la mini-jupe ! \\(22\nPHOTOS\\)](http://img.example.fr/fit/"
            "a.2Fb/190x90/trois-\nstars-craquent-pour-la-mini-\njupe-22-photos.jpg) Trois stars craquent "
            "pour la mini-jupe ! (22 PHOTOS) ](/news/people/68988-trois-stars/)")
    out = unwrap_links(text)
    assert "http" not in out and "jupe-22-photos" not in out
    assert out.strip().startswith(LINK_OPEN) and out.strip().endswith(LINK_CLOSE)


def test_a_link_whose_address_is_words_keeps_its_text_only():
    from mattis_corpus.ingest.clean.markup import LINK_CLOSE, LINK_OPEN, unwrap_links

    out = unwrap_links("pour un renforcement de la [coopération nucléaire](Dissuasion nucléaire: la "
                       "France déploie des Rafale\nlors d'exercices) entre Paris et Londres")
    assert out == f"pour un renforcement de la {LINK_OPEN}coopération nucléaire{LINK_CLOSE} entre Paris et Londres"


def test_the_line_above_the_byline_is_the_headline_not_the_caption_after_it():
    """A caption after the byline and dates repeats more of the body's words than the headline
    does; the headline is the line printed just above who wrote the article and when."""
    raw = "\n\n".join([
        "Accueil", "Économie", "Newsletter",
        "Le gouvernement prépare des privatisations partielles",
        "Accueil", "ÉCONOMIE", "Conjoncture",
        "Par Anne Martin, Paul Durand",
        "Mis à jour", "le 06/04/2013 à 10:37", "Publié", "le 05/04/2013 à 17:08",
        "Le ministre de l'Économie annonce des privatisations partielles",
    ]) + "\n\n" + _ARTICLE
    assert clean(raw).title == "Le gouvernement prépare des privatisations partielles"


@pytest.mark.parametrize("line, value", [
    ("Mis en ligne le 21/04/2011", "2011-04-21"),
    ("Mis en ligne le 3 mars 2019 à 10h02", "2019-03-03"),
    ("Publié sur 18/02/2020", "2020-02-18"),
    ("Paru le 12 janvier 2017", "2017-01-12"),
])
def test_mis_en_ligne_and_paru_lines_are_datelines(line, value):
    from mattis_corpus.ingest.clean.dateline import parse_dateline

    dl = parse_dateline(line)
    assert dl is not None and dl.value == value and not dl.furniture


def test_a_line_stopping_on_a_preposition_is_never_the_title_and_rejoins_its_sentence():
    """html2text broke the lede after "disputé à" and the break left that half above the
    article (p39 of the dev pages): it shares the most words with the body, but a headline
    never ends on "à"; glued back, the sentence is whole."""
    from mattis_corpus.ingest.clean import page as P
    from mattis_corpus.ingest.clean.title import content_words, title_score

    half = "Silvio Proto en a entendu de belles, dimanche, lors du Clasico disputé à"
    body = content_words(half + " Sclessin, où le gardien d'Anderlecht a été insulté.")
    assert title_score(half, 0, False, body, {}) == 0.0
    assert title_score(half.removesuffix(" à"), 0, False, body, {}) > 0.0
    first = P._Block("Sclessin. Mais les deux parties se renvoient la balle.")
    glued = P._glue_broken_start([P._Block("BELGA"), P._Block(half)], [first])
    assert glued[0].text == half + " " + first.text
    assert P._glue_broken_start([P._Block("Par Anne Martin, envoyée spéciale à")], [first]) == [first]


def test_a_related_box_ends_at_a_long_sentence_a_link_broke_off():
    """After "Sur le même sujet" and its teaser, the article goes on with a sentence the dump
    broke at a link (no final stop on its line): prose, so the box ends there."""
    from mattis_corpus.ingest.clean import boilerplate as B
    from mattis_corpus.ingest.clean.furniture import related_boxes

    text = "\n\n".join([_ARTICLE, "Sur le même sujet",
                        "[ Bercy publie la liste des entreprises concernées ](https://www.example.fr/a)",
                        "Bien que l'on ne sache, pour l'heure, presque rien du calendrier de ces cessions "
                        "et de leurs conséquences, le ministre s'autorise à envisager des perspectives "
                        "optimistes pour les finances publiques. Selon lui, le plan pourrait n'être que "
                        "le début d'une réforme de"])
    lines = B.page_lines(text, frozenset())
    out = related_boxes(lines, [0.9] * len(lines))
    assert [o for ln, o in zip(lines, out, strict=True) if "Bercy" in ln.text] == [0.0]
    assert out[-1] == 0.9


def test_a_dateline_printed_with_the_picture_credit_is_the_date_not_a_caption():
    """lynx prints "12/06/12 - 09h27 [photo.jpg] © Photonews.": the article's date, then the
    picture (an image name, with its query string) and its credit."""
    from mattis_corpus.ingest.clean.dateline import split_glued_dateline
    from mattis_corpus.ingest.clean.markup import parse_line
    from mattis_corpus.ingest.clean.title import credited_caption

    assert "jpg" not in parse_line("[laura.jpg?3.4.1.59063.10] Par: Laura Martin").text
    assert not credited_caption("12/06/12 - 09h27 © Photonews.")
    assert credited_caption("Le ministre à Bruxelles © Photonews.")
    dl, rest = split_glued_dateline("12/06/12 - 09h27 © Photonews.")
    assert dl.value == "2012-06-12" and rest == "© Photonews."
    assert split_glued_dateline("Le 12 janvier 2017, le général a parlé aux troupes") is None
    # w3m and a browser's copy glue the caption too, its credit at its end
    dl, rest = split_glued_dateline("26/09/12 - 16h34 Jelle Van Damme (capture d'écran: Standard TV).")
    assert dl.value == "2012-09-26" and rest.startswith("Jelle Van Damme")
    assert split_glued_dateline("12 janvier 2017 : le général a parlé (à Paris).") is None


def test_two_datelines_glued_without_a_space_give_both_dates():
    from mattis_corpus.ingest.clean.dateline import line_dates, parse_dateline

    line = "Publié le 18 juil. 2024 à 08:01Mis à jour le 18 juil. 2024 à 09:06"
    assert parse_dateline(line).value == "2024-07-18"
    assert [d.role for d in line_dates(line)] == ["published", "updated"]


def test_a_lower_case_byline_is_not_glued_to_the_headline_above_it():
    """Some sites print the byline 'par Anne MARTIN …' in small letters under the headline;
    it starts lower-case but continues no sentence: the headline stays whole and alone. A
    sentence the scraper broke before 'par le ministre.' is still rejoined."""
    from mattis_corpus.ingest.clean.page import _Block, _Page, join_broken

    def joined(*texts: str) -> list[str]:
        return [b.text for b in join_broken(_Page(blocks=tuple(_Block(t) for t in texts))).blocks]

    headline = "Le gouvernement prépare des privatisations partielles"
    byline = "par Anne MARTIN (nouvelle fenêtre) avec le service économie"
    assert joined(headline, byline) == [headline, byline]
    assert joined("Le plan a été présenté", "par le ministre de l'Économie.") == [
        "Le plan a été présenté par le ministre de l'Économie."]
    assert chrome.is_byline(byline) and chrome.is_byline("par Zoé Samin-Durand")
    assert not chrome.is_byline("par Emmanuel Macron lors de sa visite à Berlin.")


def test_the_headline_not_its_reworded_caption_takes_the_byline_evidence():
    """The picture under the headline often carries the headline again in other words, just
    above the byline; the headline is the first of the two wordings."""
    raw = "\n\n".join([
        "Accueil", "Économie", "Conjoncture",
        "Privatisations : le gouvernement prépare un plan partiel",
        "Privatisations et participations : le gouvernement prépare un plan partiel",
        "Publié le", "05/04/2013 à 17:08",
    ]) + "\n\n" + _ARTICLE
    assert clean(raw).title == "Privatisations : le gouvernement prépare un plan partiel"


def test_the_article_goes_on_after_a_related_box_of_long_links():
    """A box of teaser links set inside the article pulls the score of the next paragraph
    down, and that paragraph's first line, broken at a link, has no final stop: it is still
    the article's, and so is the rest of its sentence."""
    teasers = " ".join(f"[ Un autre article sur les finances publiques numéro {n} ](https://www.example.fr/{n})"
                       for n in range(6))
    resumed = ("Bien que l'on ne sache, pour l'heure, presque rien du calendrier de ces cessions, "
               "le ministre s'autorise à envisager des perspectives optimistes. Selon lui, le plan "
               "pourrait n'être que le début d'une")
    raw = "\n\n".join([
        "Accueil", "Le gouvernement prépare des privatisations partielles", _ARTICLE.strip(),
        "Sur le même sujet", teasers, resumed, "[réforme](https://www.example.fr/r) des finances. Ensuite",
        "le Parlement examinera le texte au printemps, a précisé le ministre devant la presse réunie au ministère.",
        "Partager", "Newsletter",
    ])
    text = " ".join(clean(raw).text.split())
    assert "presque rien du calendrier" in text
    assert "le Parlement examinera le texte au printemps" in text
    assert "Un autre article" not in text


def test_a_related_box_inside_the_article_ends_at_a_long_line_a_link_broke_off():
    """The page-level cut of a related box resumes the article at a long line of prose that
    stops where a link broke it, as the line-level box finder does; not at a teaser's title."""
    from mattis_corpus.ingest.clean.page import _Block, _Page, cut_related

    resumed = ("La cession des parts de l'État reste donc hautement improbable à court terme. Elle "
               "supposerait non seulement un consensus politique inédit, mais aussi la rupture avec "
               "les syndicats et une réforme de la")
    blocks = [_Block(t, p=0.8) for t in (
        _ARTICLE.split("\n\n")[0], "Sur le même sujet", "Privatisations : ce que Bercy prépare pour la rentrée",
        resumed, "loi de finances, a précisé le ministre.")]
    kept = [b.text for b in cut_related(_Page(blocks=tuple(blocks))).blocks]
    assert kept == [blocks[0].text, resumed, "loi de finances, a précisé le ministre."]


def test_new_window_labels_mark_links_and_are_no_text():
    """'(nouvelle fenêtre)' after a link's text (a screen-reader warning a dump keeps) is no
    text, and tells which words were a link where the dump shows no link at all: a line that
    ends with it was all link (a teaser); inside a sentence only the few words before it."""
    from mattis_corpus.ingest.clean.markup import parse_line

    teaser = parse_line("Privatisations : ce que Bercy prépare pour la rentrée (nouvelle fenêtre)")
    assert teaser.text == "Privatisations : ce que Bercy prépare pour la rentrée" and teaser.link_share == 1.0
    inline = parse_line("Le ministre a annoncé hier, selon le rapport de la Cour des comptes "
                        "(s’ouvre dans une nouvelle fenêtre), que le déficit se creuse encore cette année.")
    assert "fenêtre" not in inline.text and 0 < inline.link_share < 0.4
    assert parse_line("Une fenêtre sur la mer (photo)").link_share == 0.0
    raw = "\n\n".join(["Accueil", "Le gouvernement prépare des privatisations partielles",
                       "Publié le 05/04/2013 à 17:08", _ARTICLE.strip(), "Sur le même thème",
                       *(f"Un autre article sur les privatisations numéro {n} (nouvelle fenêtre)"
                         for n in range(5))])
    assert "Un autre article" not in clean(raw).text


def test_a_blog_themes_taxonomy_line_is_chrome():
    """The 'Classé dans : …' / 'Mots-clés : …' line of a blog or CMS theme is furniture; a
    sentence that merely starts with a category word is not."""
    assert chrome.is_chrome_line("Classé dans : Politique, Défense, Europe |")
    assert chrome.is_chrome_line("Mots-clés : défense, OTAN, budget")
    assert not chrome.is_chrome_line("Catégorie reine du salon, les SUV électriques séduisent encore les visiteurs.")


def test_a_headline_that_starts_with_a_figure_above_a_signed_dateline():
    """'24% des Français …' starts with a figure, not a small letter; a lynx heading just above
    'Name / Publié le …' is the headline though it shares one word with the body, and a tag
    cloud above it is not, however many of the body's words it names."""
    from mattis_corpus.ingest.clean.pubdate import dated_byline
    from mattis_corpus.ingest.clean.title import _first_letter_lower

    assert not _first_letter_lower("24% des Français utilisent un bloqueur")
    assert _first_letter_lower("« des Français … »")
    assert dated_byline("Anne Martin / Publié le 4 mars 2016 à 10h30, mis à jour le 21 novembre 2016")
    assert not dated_byline("Le rapport publié le 4 mars 2016 par la Cour des comptes pointe un déficit record.")
    article = ("   Le bloqueur de publicité gagne du terrain, selon une étude publiée jeudi par un institut.\n"
               "   Les internautes jugent les formats vidéo trop envahissants et se protègent davantage.\n"
               "   Les éditeurs répondent par des offres payantes, avec un succès encore limité.\n")
    raw = ("   Thèmes populaires\n"
           "   Étude Publicité Internautes Vidéo Éditeurs Formats Offres Institut Succès Terrain\n"
           "24% des Français utilisent un bloqueur\n"
           "   Partager l'article\n"
           "   Anne Martin / Publié le 4 mars 2016 à 10h30, mis à jour le 21 novembre 2016 à 09h46\n\n"
           + article)
    assert clean(raw).title == "24% des Français utilisent un bloqueur"


def test_html2text_bold_closed_after_a_space_leaves_no_stars():
    """html2text writes "**Le titre **" when the bold ends on a space: the marks go."""
    from mattis_corpus.ingest.clean.markup import parse_line

    assert parse_line("#  **Le numérique en  culture(s) **").text == "Le numérique en culture(s)"
    assert parse_line("un **mot** et **deux mots**").text == "un mot et deux mots"


@pytest.mark.parametrize("line, opens", [
    ('##  21 commentaires sur "Pourquoi les applications natives ne doivent plus', True),
    ("Une réflexion sur « Le plan de privatisations du gouvernement »", True),
    ("3 réponses à « Budget : le plan »", True),
    ("One thought on “Hello world”", True),
    ("Les commentaires sur « la réforme » se multiplient chez les syndicats.", False),
    ("2 réponses à la question du ministre", False),
])
def test_a_blogs_comment_header_with_the_posts_title_opens_the_comments(line, opens):
    """WordPress's "21 commentaires sur « Titre »" opens the readers' comments whatever the
    title's length; a sentence about comments, or a count of answers, does not."""
    assert chrome.is_comment_marker(line) is opens


def test_the_comments_under_a_blog_post_go():
    raw = "\n\n".join([
        "Accueil", "Le gouvernement prépare des privatisations partielles",
        "Publié le 05/04/2013 à 17:08", _ARTICLE.strip(),
        '## 2 commentaires sur "Le gouvernement prépare des privatisations',
        'partielles"',
        "Jean Martin dit :",
        "Je trouve que le ministre a parfaitement raison de vendre ces participations, qui ne rapportent rien à l'État depuis des années.",
        "Paul Durand dit :",
        "Au contraire, ces entreprises sont stratégiques et leur cession serait une erreur historique pour le pays tout entier.",
    ])
    text = clean(raw).text
    assert "parfaitement raison" not in text and "erreur historique" not in text
    assert "a-t-il ajouté devant la presse" in text


def test_two_numeric_dates_glued_by_the_dump_are_two_dates():
    """A post's <time> of publication and of update printed without a space between them:
    "26/01/201726/01/2017" dates the article 26 January 2017."""
    raw = "\n\n".join(["Accueil", "Le gouvernement prépare des privatisations partielles",
                       "Anne Martin Analyses", "05/04/201306/04/2013 8 Minutes", _ARTICLE.strip()])
    page = clean(raw)
    assert page.dateline is not None and page.dateline.value == "2013-04-05"


def test_a_headline_the_pages_source_broke_over_two_lines_is_whole():
    """A tag-stripper keeps the line breaks of the page's source, even inside the <h1>: a head
    line stopping on "et" goes on on the next one, and the two are the headline."""
    raw = "\n\n".join(["Accueil", "Économie",
                       "Le gouvernement prépare des privatisations et",
                       "Bercy publie la liste des entreprises concernées",
                       "Publié le 05/04/2013 à 17:08", _ARTICLE.strip()])
    assert clean(raw).title == ("Le gouvernement prépare des privatisations et Bercy publie la "
                                "liste des entreprises concernées")


def test_a_paragraph_the_source_broke_after_et_goes_on_with_a_capital():
    """"… la transition entre Lula et" / "Bolsonaro a commencé …" is one sentence: a line that
    stops on "et", "de", "la" goes on whatever the case of the next line's first letter."""
    from mattis_corpus.ingest.clean.page import _Block, _Page, join_broken

    blocks = (_Block("Au Brésil, la transition entre Lula et"), _Block("Bolsonaro a commencé lundi."))
    assert [b.text for b in join_broken(_Page(blocks=blocks)).blocks] == [
        "Au Brésil, la transition entre Lula et Bolsonaro a commencé lundi."]


_LISTICLE_ITEMS = [
    ("Zinedine Zidane", "En finale de la Coupe du monde 2006, le capitaine des Bleus donne un coup "
                        "de tête à son adversaire et quitte le terrain sous les yeux du monde entier."),
    ("Eric Cantona", "En janvier 1995, l'attaquant de Manchester United saute dans les tribunes "
                     "pour frapper un supporter qui l'insultait."),
    ("Luis Suarez", "L'Uruguayen a mordu l'épaule d'un défenseur italien lors du Mondial brésilien, "
                    "ce qui lui a valu une longue suspension."),
    ("Paolo Di Canio", "L'Italien a poussé l'arbitre, qui s'est effondré au sol, lors d'un match de 1998."),
]


def test_a_listicle_keeps_every_item_and_its_heading():
    """'1. Name' / one paragraph, again and again: each pair scores low line by line (short
    lines all around), yet it is the article's own sections. A related box still ends it, and a
    one-line credit under a heading after the article ("Rubrique animée par …") is no section."""
    raw = "\n\n".join([
        "Accueil", "[1]Sport [2]Football [3]Tennis [4]Cyclisme [5]People",
        "Les colères les plus célèbres du football", "Par Martin Dubois | 18/06/2012 à 10h12",
        "Le football a connu son lot de joueurs qui perdent leurs nerfs sur le terrain. Voici une "
        "sélection des coups de sang qui ont marqué les esprits des supporters.",
        *(f"{n}. {name}\n\n{para}" for n, (name, para) in enumerate(_LISTICLE_ITEMS, 1)),
        "Le Journal Shopping", "Rubrique animée par nos experts.",
        "Articles en relation", "[6]Les plus beaux buts de la saison", "[7]Le mercato en direct",
    ])
    text = clean(raw).text
    for name, para in _LISTICLE_ITEMS:
        assert name in text and para in text
    assert "Rubrique animée" not in text and "mercato" not in text
    # the site's own box under a heading after the article is no section of it
    promo = raw.replace("Le Journal Shopping\n\nRubrique animée par nos experts.",
                        "Podcast\n\nÉcoutez notre podcast hebdomadaire sur le football, disponible "
                        "chaque lundi sur toutes les plateformes.")
    assert "Écoutez notre podcast" not in clean(promo).text


def test_a_short_text_kept_whole_brings_no_warning():
    """A brief or a record's one paragraph has no block of prose to find: kept whole, silently;
    a long page kept whole still says so."""
    assert clean("Le ministre est arrivé à Berlin.\n\nIl repart demain.").warnings == ()
    menu = "\n\n".join(f"Rubrique numéro {n}" for n in range(30))
    assert any("kept whole" in w for w in clean(menu).warnings)
    assert any("kept whole" in w for w in clean("Page introuvable\n\nErreur 404\n\nRetour à l'accueil").warnings)


def test_a_sentence_html2text_broke_early_before_a_long_link_is_one_paragraph():
    """html2text wraps before a link whose markup does not fit ("… l'Australie, en" /
    "[Russie](https://…)."): the paragraph goes on, and is scored as the prose it is."""
    from mattis_corpus.ingest.clean.markup import parse_lines

    text = ("L'opposition était un peu faiblarde, alors on ne tirera pas trop de conclusions\n"
            "de ce galop d'essai, en\n"
            "[Russie](https://www.example.fr/sport/coupe_du_monde_2018/).\n\n"
            "Le sélectionneur a aligné son équipe type, avec trois attaquants et deux milieux\n"
            "défensifs, face à des Italiens privés de plusieurs titulaires blessés.\n\n"
            "[Accueil](/) [Sport](/sport/)\n\n") * 6
    lines = [ln for ln in parse_lines(text) if ln.text]
    assert lines[0].text.endswith("de ce galop d'essai, en Russie.")
    assert all(not ln.text.startswith("Russie") for ln in lines)


def test_a_caption_signed_with_the_photographers_initial_is_no_title():
    """"… mais méfiez-vous... D.Claes" under the headline is a photo caption (its credit glued
    after the last sentence); a sentence naming someone, or a long signed paragraph, is not."""
    from mattis_corpus.ingest.clean.title import credited_caption

    assert credited_caption("Le site a l'air sérieux, mais méfiez-vous... D.Claes")
    assert credited_caption("Les secours sur place, dimanche matin. J.-M. Lambert")
    assert not credited_caption("Le maire a reçu les habitants avec D. Claes, son adjoint.")
    for headline in ("Il y a cinquante ans, l'assassinat de J.F. Kennedy",
                     "Les marins français s'entraînent avec l'U.S. Navy"):
        assert not credited_caption(headline), headline
    signed = ("Le conseil communal se réunira à nouveau le mois prochain pour voter le budget de "
              "l'année, après une longue série de réunions de quartier et de concertations avec "
              "les associations locales. J.-M. Lambert")
    assert not credited_caption(signed)
    raw = "\n\n".join(["Accueil", "Centre: les arnaqueurs du web toujours très actifs",
                       "Le site d'expo-guide a l'air sérieux, mais méfiez-vous... D.Claes",
                       "Publié le 05/01/2012 à 08h00", _ARTICLE.strip()])
    assert clean(raw).title == "Centre: les arnaqueurs du web toujours très actifs"


def test_a_headline_that_trails_off_on_the_byline_or_printed_twice_is_the_title():
    """"Avancer ensemble vers la contribution…" printed as the page's <title> and again above
    "par framasoft |": a blog's headline may end with "…" when the page marks it so; a lone
    line ending with "…" elsewhere stays a cut teaser."""
    head = ["Avancer ensemble vers la contribution… – Framablog", "Accueil", "Contact",
            "Avancer ensemble vers la contribution…", "par framasoft |"]
    body = ("Contribuer, oui, mais comment ? Comment susciter des contributions, les accueillir, "
            "les dynamiser et lever les obstacles de tous ordres, pour avancer ensemble ?\n\n"
            + _ARTICLE.strip())
    assert clean("\n\n".join([*head, body])).title == "Avancer ensemble vers la contribution…"


def test_the_sites_prompts_about_the_readers_account_are_chrome():
    """"Votre carte bancaire arrive à expiration. Cliquez ici …": the reader's account named and
    a call to act on it; an article sentence about subscriptions is not."""
    for line in ("Votre carte bancaire arrive à expiration. Cliquez ici pour la mettre à jour et "
                 "continuer à profiter de votre abonnement.",
                 "Votre carte bancaire a expiré. Sans action de votre part, votre abonnement risque "
                 "d'être interrompu.",
                 "Optez pour le prélèvement SEPA pour continuer à profiter de votre abonnement."):
        assert chrome.is_chrome_line(line), line
    for line in ("Netflix augmente ses prix : votre abonnement coûtera deux euros de plus dès mars.",
                 "Les abonnés devront mettre à jour leur application avant la fin du mois."):
        assert not chrome.is_chrome_line(line), line


def test_the_author_box_after_the_article_is_chrome():
    for line in ("À propos de l'auteur", "A propos de l'auteur :", "L'auteur", "About the author"):
        assert chrome.is_chrome_line(line), line
    assert not chrome.is_chrome_line("Les auteurs de la réforme ont été reçus à l'Élysée.")


def test_a_teasers_standfirst_under_its_headline_printed_twice_stays_in_the_box():
    """After "À lire aussi", a teaser is its headline, that headline printed twice (image and
    link text) and its standfirst, a whole sentence: the sentence is the teaser's, not the
    article going on."""
    teaser = ("Emplois fictifs : l'ancien ministre définitivement jugé coupable par la Cour",
              "La décision de la Cour de cassation rend définitive la culpabilité de l'ancien "
              "ministre dans une affaire d'emplois fictifs à l'Assemblée nationale, où il siégeait.")
    raw = "\n\n".join(["Accueil", "Le gouvernement prépare des privatisations partielles",
                       "Publié le 05/04/2013 à 17:08", _ARTICLE.strip(), "À lire aussi",
                       teaser[0], f"{teaser[0]} {teaser[0]}", teaser[1], "Regarder la vidéo"])
    text = clean(raw).text
    assert "Les privatisations partielles doivent rapporter" in text
    assert "Cour de cassation" not in text


def test_a_posts_text_on_its_signature_goes_when_the_dump_marks_no_quote():
    """lynx sets an embedded post's text off by indentation only: the paragraph right on the
    "— Name (@handle) date" signature is the post's, and goes with it; a line announcing the
    post ("… a réagi :") is the article's."""
    raw = "\n\n".join([
        "Accueil", "Le gouvernement prépare des privatisations partielles", "Publié le 05/04/2013 à 17:08",
        "Le ministre a réagi sur le réseau social, où il est très suivi depuis son arrivée :",
        "Sur ce réseau il y a beaucoup de lâches qui insultent cachés derrière leur anonymat\n"
        "— Jeanne Martin (@jeanne_martin) June 4, 2012",
        _ARTICLE.strip(), "Mentions légales",
    ])
    text = clean(raw).text
    assert "beaucoup de lâches" not in text and "@jeanne_martin" not in text
    assert "a réagi sur le réseau social" in text and "Les privatisations partielles doivent" in text


def test_share_buttons_glued_on_one_line_are_chrome():
    """Each network's icon, label and title printed one after another on one line; a sentence
    naming the networks is text."""
    assert chrome.is_chrome_line("facebook Facebook facebook twitter Twitter twitter flipboard "
                                 "Flipboard flipboard linkedin Linkedin linkedin")
    assert not chrome.is_chrome_line("Facebook, Twitter et Google dominent le marché publicitaire.")


def test_the_notice_of_sponsored_content_is_chrome():
    assert chrome.is_chrome_line("Contenu publi-rédactionnel. La rédaction n'a pas participé à sa réalisation.")
    assert chrome.is_chrome_line("Contenu sponsorisé par une banque")
    assert not chrome.is_chrome_line("Le contenu sponsorisé se multiplie sur les sites de presse, selon une étude.")


# w3m and a browser's copy (select all, copy): the same pages, other marks


def test_w3m_bullets_are_list_items_and_its_picture_names_are_artefacts():
    from mattis_corpus.ingest.clean.markup import parse_line

    item = parse_line("  • Onkelinx : \"La relance avec les travailleurs, pas contre eux\"")
    assert item.bullet and item.text.startswith("Onkelinx")
    assert parse_line("      □ La Meuse").bullet
    assert parse_line("               o Accueil").bullet  # lynx's third-level list item
    assert not parse_line("o combien de fois").bullet
    assert parse_line("     * * Le Standard s'impose à Anderlecht").text == "Le Standard s'impose à Anderlecht"
    assert parse_line("[pict_458659]").text == "" and parse_line("[pict_458659]").artefact
    glued = parse_line("26/09/12 - 16h34 [media_xll_5193113] Jelle Van Damme")
    assert glued.text == "26/09/12 - 16h34 Jelle Van Damme"
    assert parse_line("le score [1] du match").text == "le score [1] du match"


def test_w3m_teasers_in_bullets_lose_to_the_headline_above_the_dateline():
    teasers = "\n".join(f"  • {t}" for t in (
        "Privatisations partielles : les syndicats consultés par le ministre",
        "Les participations de l'État réduites, selon le ministère",
    ))
    raw = (f"{teasers}\n\nUn plan de privatisations partielles\n\nBelga\n\n"
           f"Mis en ligne le 20/11/2012\n\n{_ARTICLE}")
    doc = clean(raw)
    assert doc.title == "Un plan de privatisations partielles"
    assert doc.dateline is not None and doc.dateline.value == "2012-11-20"


def test_a_blog_themes_post_line_is_a_byline():
    from mattis_corpus.ingest.clean import chrome

    assert chrome.is_byline("par framasoft | Classé dans : Artiste, Contributopia | 8")
    assert chrome.is_byline("by admin | 12 mars 2017")
    assert not chrome.is_byline("par la suite, le ministre a précisé que tout irait bien")


def test_a_text_with_a_line_per_element_is_not_rewrapped():
    """A browser's copy prints each paragraph and headline on its own line, some as long as a
    dump's width: a headline there never takes in the byline or label under it."""
    from mattis_corpus.ingest.clean.markup import parse_lines, wrap_width

    paragraphs = [
        f"Le ministre a présenté le plan numéro {k} devant la presse réunie au ministère, mercredi."
        for k in range(12)]
    copy = "\n".join(f"Plan numéro {k} : ce que le gouvernement prépare pour la rentrée et après\n{p}"
                     for k, p in enumerate(paragraphs))
    assert wrap_width(copy) is None
    wrapped = "\n".join(["Le ministre a présenté mercredi un plan de privatisations partielles qui",
                         "concerne plusieurs entreprises publiques, selon le ministre de",
                         "l'Économie, et les syndicats seront consultés dans les prochains mois."] * 6)
    assert wrap_width(wrapped) is not None
    headline = "Meurtre de Mélanie : la surveillante tuée à Nogent va recevoir la Légion d'honneur"
    dump = "\n".join([wrapped, "", headline, "Par Zoé Samin", "", headline, "Partager la brève",
                      "", headline, "sauvegarder"])
    texts = [line.text for line in parse_lines(dump)]
    assert texts.count(headline) == 3 and "Par Zoé Samin" in texts and "Partager la brève" in texts
    assert "sauvegarder" in texts


def test_the_headline_printed_twice_is_taken_where_it_stands_above_the_article():
    """The page's <title> at the top and its h1 above the byline: the dates that go with the
    headline are the h1's, not a today's-date widget under the <title>."""
    head = ("Un plan de privatisations partielles - Le Quotidien\n\n28 février 2013\n\n"
            "Accueil\n\nÉconomie\n\nUn plan de privatisations partielles\n\n(02/02/2013)\n\n")
    doc = clean(head + _ARTICLE)
    assert doc.title == "Un plan de privatisations partielles"
    assert doc.dateline is not None and doc.dateline.value == "2013-02-02"


def test_a_related_box_header_narrowed_to_a_section_is_one():
    from mattis_corpus.ingest.clean.chrome import related_header

    for header in ("À lire aussi de Mode et Beauté", "Les plus lus dans Sport", "Voir aussi en vidéo"):
        assert related_header(header) == "bare"
    assert related_header("Voir aussi des images.") is None  # a sentence
    assert related_header("Lire aussi de nombreux articles sur la guerre en Ukraine et ailleurs") is None


def test_teasers_parted_by_blank_lines_with_their_label_and_headline_twice_are_chrome():
    """w3m: a teaser's image alt, its section label, its link, then its summary cut short."""
    teasers = "".join(
        f"{h}\n\nMaison\n\n{h}\n\nMaison. {s}...\n\n" for h, s in (
            ("Auchan fracasse le prix de cette machine à café", "Si vous avez envie de cafés, faites"),
            ("Une pergola au prix réduit sur Amazon", "Si vous voulez passer un bel été, pensez"),
        ))
    doc = clean("Un plan de privatisations partielles\n\n" + _ARTICLE + "\n" + teasers)
    assert "Auchan" not in doc.text and "pergola" not in doc.text
    assert doc.text.endswith("a-t-il ajouté devant la presse réunie au ministère.")


def test_an_elinks_headline_centred_over_two_lines_is_one_title():
    """elinks centres an h1: wider than the page, it starts flush left and its rest is centred."""
    head = "Élisabeth Borne recadre son ministre de l'Enseignement supérieur, qui a déclaré"
    rest = "que la notion de privatisations partielles n'existait pas"
    centred = " " * ((len(head) - len(rest)) // 2) + rest
    raw = _lynx("Accueil\n\nPolitique\n\n#H " + head + "\n\n" + _ARTICLE + "\n" + _ARTICLE)
    raw = raw.replace(head + "\n", head + "\n" + centred + "\n", 1)
    assert clean(raw).title == f"{head} {rest}"


def test_a_menu_printed_as_a_paragraph_is_not_where_the_article_starts():
    """links wraps a menu's items into lines of prose length; its items capitalise their
    function words ("Dans La Tête Des Hommes"), a sentence does not."""
    from mattis_corpus.ingest.clean.title import word_list

    menu = ("Monde Euronews Witness No Comment Qatar Spotlight Top News Stories Today Business "
            "Planet Focus Global Japan Real Economy Culture Cinema Crossing Cultures Dans La Tête "
            "Des Hommes Meet The Locals Musica Climat Destination Dubai")
    assert word_list(menu, small_stops_only=True) and not word_list(menu)
    assert not word_list("Emmanuel Macron annonce une réforme des retraites pour la rentrée prochaine",
                         small_stops_only=True)
    assert not word_list("MEILLEURE ACTRICE DANS UN SECOND RÔLE POUR YOLANDE MOREAU")  # a headline
    doc = clean(f"Accueil\n\n{menu}\n\nUn plan de privatisations partielles\n\n{_ARTICLE}")
    assert "Euronews" not in doc.text and doc.title == "Un plan de privatisations partielles"


def test_lynx_numbered_links_and_their_list_are_marks_not_words():
    """lynx's default dump numbers every link ("[58]Russie") and lists them at the end."""
    from mattis_corpus.ingest.clean.markup import parse_line, parse_lines

    menu = parse_line("   * [12]Accueil")
    assert menu.text == "Accueil" and menu.link_share == 1.0
    inline = parse_line("l'Australie, en [58]Russie et au [59]Brésil, le match a été joué hier soir.")
    assert "[" not in inline.text and 0 < inline.link_share < 0.5
    assert parse_line("[31] R. Senett, Respect.").text == "[31] R. Senett, Respect."  # an endnote
    assert parse_line("  174. https://www.example.org/sport/football").text == ""
    assert parse_line("References").text == ""
    byline = ("Par Raphaël Balenieri, correspondant à Pékin et Frédéric Autran, correspondant à\n"
              "New York, avec les envoyés spéciaux du journal à Mar-a-Lago — 5 avril 2017 à 19:26\n"
              "Xi Jinping à Berlin, en 2014, lors d'une visite d'État de trois jours en Allemagne.\n")
    import textwrap

    article = "\n".join(textwrap.wrap(" ".join(_ARTICLE.split()) * 3, 80))
    texts = [line.text for line in parse_lines(byline + article)]
    assert texts[0].endswith("5 avril 2017 à 19:26") and texts[1].startswith("Xi Jinping")


def test_a_text_with_a_line_per_text_node_has_its_sentences_whole_again():
    """BeautifulSoup's get_text("\\n"): a link or an emphasis inside a sentence cuts it."""
    from mattis_corpus.ingest.clean.markup import parse_lines

    nodes = ("Le ministre de l'Économie a présenté, dans un entretien à\nLe Monde\n, un plan de\n"
             "privatisations partielles\nqui concerne plusieurs entreprises publiques.\n"
             "Les opérateurs baissent leurs tarifs à l'étranger\ntwitter\npartager\n"
             "Un plan de privatisations\npar Zoé Samin\nUn plan de privatisations\npar\nZoé Samin\n")
    long = "\n".join([" ".join(_ARTICLE.split())] * 6)  # whole paragraphs: no wrap width
    texts = [line.text for line in parse_lines(long + "\n" + nodes)]
    assert ("Le ministre de l'Économie a présenté, dans un entretien à Le Monde, un plan de privatisations "
            "partielles qui concerne plusieurs entreprises publiques.") in texts
    assert "twitter" in texts and texts.count("par Zoé Samin") == 2


def test_a_reading_sessions_dialog_is_chrome():
    assert chrome.is_chrome_line("Parce qu'une autre personne (ou vous) est en train de lire "
                                 "Le Monde avec ce compte sur un autre appareil.")
    assert not chrome.is_chrome_line("Le ministre a ouvert ce compte en 2012 à la banque.")


def test_a_teaser_linked_again_below_the_article_is_not_the_title():
    """A teaser above the article shares its words with its own link below the article only:
    that copy is no evidence; a headline printed on two lines, then whole just above the
    lede, is the title whole."""
    page = "\n\n".join([
        "Accueil", "Monde", "Economie",
        "Ce que ne vous disent pas les patrons de presse",
        "Tapie, Mougeotte et La Provence", "Un concentré d'histoire de France",
        "Tapie, Mougeotte et La Provence, un concentré d'histoire de France",
        "L'ancien président de l'OM Bernard Tapie et l'ancien patron de TF1 Etienne Mougeotte "
        "s'intéresseraient au rachat de La Provence, le quotidien régional de Marseille.",
        "Le groupe Hersant négocie la vente de ses titres du sud, et plusieurs repreneurs se "
        "sont déjà manifestés auprès des banques qui conduisent la vente depuis des mois.",
        "Mougeotte, ancien directeur du Figaro, aurait réuni des fonds pour une offre que "
        "Tapie dit vouloir dépasser, selon plusieurs sources proches du dossier.",
        "Taxe Google: ce que ne vous disent pas les patrons de presse",
    ])
    assert clean(page).title == "Tapie, Mougeotte et La Provence, un concentré d'histoire de France"


def test_an_embedded_posts_signature_is_not_the_title():
    """'— Nadine Morano (@nadine__morano)' over its date signs a post, not the article."""
    page = "\n\n".join([
        "Accueil", "People",
        "Mathieu Kassovitz traite Nadine Morano de conne sur Twitter",
        "Par: Laura Cerrada", "12/06/12 - 09h27",
        "Le réalisateur Mathieu Kassovitz a traité l'ancienne ministre Nadine Morano de conne "
        "sur Twitter, après un message de la ministre sur les lâches anonymes du réseau.",
        "Sur tweeter il y a beaucoup de lâches qui insultent cachés derrière leur anonymat.",
        "— Nadine Morano (@nadine__morano)", "June 4, 2012",
        "Kassovitz a répondu dans la soirée par une série de messages que Nadine Morano a "
        "dénoncés le lendemain devant les journalistes réunis à Nancy pour son meeting.",
    ])
    doc = clean(page)
    assert doc.title == "Mathieu Kassovitz traite Nadine Morano de conne sur Twitter"
