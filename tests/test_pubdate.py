"""Tests for the date mentions of a page line (dateline.line_dates) and the choice of the
article's own publication and update dates among them (pubdate.choose_dates)."""

from __future__ import annotations

import pytest

from mattis_corpus.ingest.clean.dateline import LineDate, line_dates
from mattis_corpus.ingest.clean.pubdate import choose_dates
from mattis_corpus.models import Dateline


def summary(line: str) -> list[tuple[str, str, str | None]]:
    """(value, precision, role) of every date of the line, offsets checked against the text."""
    out = []
    for d in line_dates(line):
        assert isinstance(d, LineDate)
        assert line[d.start:d.end] == d.text
        out.append((d.value, d.precision, d.role))
    return out


# --------------------------------------------------------------------------- line_dates

@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("04.05.2015 à 13h36", [("2015-05-04", "day", None)]),
        ("23.05.2011", [("2011-05-23", "day", None)]),
        ("Publié sur 18/02/2020", [("2020-02-18", "day", "published")]),
        ("Publié le 27 octobre 2023 à 15h01 Lecture 1 min.", [("2023-10-27", "day", "published")]),
        ("Publié le 2 nov. 2023 à 16:00Mis à jour le 3 nov. 2023 à 10:12",
         [("2023-11-02", "day", "published"), ("2023-11-03", "day", "updated")]),
        ("lundi 9 décembre 2019 à 09h08", [("2019-12-09", "day", None)]),
        ("Par X le 14.09.2020 à 11h46", [("2020-09-14", "day", "published")]),
        ("Accueil | Par Loïc Le Clerc | 30 septembre 2018", [("2018-09-30", "day", "published")]),
        ("27 Sep 2016", [("2016-09-27", "day", None)]),
        ("Publié le 27 Mar 20 à 9:21", [("2020-03-27", "day", "published")]),
        ("Mis à jour le 30/08/2023 à 15:54", [("2023-08-30", "day", "updated")]),
        ("Publié le 30 août 2023 à 14h52, modifié le 30 août 2023 à 15h54",
         [("2023-08-30", "day", "published"), ("2023-08-30", "day", "updated")]),
        ("PUBLIÉ LE 12/03/2019", [("2019-03-12", "day", "published")]),
        ("Le 12/03/2019 à 10:15", [("2019-03-12", "day", None)]),
        ("Créé le : 05/04/2013", [("2013-04-05", "day", "published")]),
        ("05/04/2013 à 10h38 - Mis à jour 06/04/2013",
         [("2013-04-05", "day", None), ("2013-04-06", "day", "updated")]),
        ("1er juin 2018", [("2018-06-01", "day", None)]),
        ("2023-08-30T14:52:08+02:00", [("2023-08-30", "day", None)]),
        ("Dernière mise à jour : 5 janv. 2021", [("2021-01-05", "day", "updated")]),
        ("Actualisé le 01/06/18 à 23h10", [("2018-06-01", "day", "updated")]),
        ("Posted on June 1, 2018", [("2018-06-01", "day", "published")]),
        ("Updated 12 Mar 2019", [("2019-03-12", "day", "updated")]),
        ("Publication : 3 février 2014", [("2014-02-03", "day", "published")]),
        ("Septembre 2018", [("2018-09", "month", None)]),
        ("Publié en 2018", [("2018", "year", "published")]),
        ("date 2018-12", [("2018-12", "month", None)]),
        ("Publié à 10h15, le 12 mars 2019", [("2019-03-12", "day", "published")]),
        ("Paru le 3 avril 2019", [("2019-04-03", "day", "published")]),
        ("Le 12.03.2019 à 10:15:30", [("2019-03-12", "day", None)]),
        ("Publié le 12-03-2019", [("2019-03-12", "day", "published")]),
        ("Mis en ligne le 08/01/2013", [("2013-01-08", "day", "published")]),
        ("Mis en ligne Samedi 2 mars 2013, 17h32", [("2013-03-02", "day", "published")]),
        ("(03/04/2011, mis à jour à 18:28)", [("2011-04-03", "day", None)]),
        ("Janvier 8, 2013", [("2013-01-08", "day", None)]),
    ],
)
def test_line_dates_reads_real_formats(line: str, expected: list) -> None:
    assert summary(line) == expected


def test_line_dates_text_and_offsets() -> None:
    line = "Publié le 2 nov. 2023 à 16:00Mis à jour le 3 nov. 2023 à 10:12"
    first, second = line_dates(line)
    assert first.text == "Publié le 2 nov. 2023 à 16:00"
    assert second.text == "Mis à jour le 3 nov. 2023 à 10:12"
    assert (first.start, first.end, second.start) == (0, 29, 29)
    assert not first.furniture and not second.furniture


def test_dates_inside_a_sentence_are_found() -> None:
    got = summary("Le 12 janvier 2017, le général a démissionné, puis le 3 mars 2017 il est parti.")
    assert got == [("2017-01-12", "day", None), ("2017-03-03", "day", None)]


@pytest.mark.parametrize(
    "line",
    [
        "il y a 2 heures",
        "Publié il y a 3 heures, mis à jour à 09h42",
        "Hier à 14h27",
        "Aujourd'hui à 10h",
        "Publié le 28/03 à 21h00",  # no year
        "Publié le 31/02/2017",  # impossible
        "le 30 février 2019",
        "En 2017, l'armée a recruté 20 000 soldats.",  # a bare year is not a date
        "Le 12 mars 20 soldats sont partis.",  # "20" is not a year here
        "Version 1.2.3 du logiciel",
        "Rechercher",
        "",
    ],
)
def test_no_value_is_guessed(line: str) -> None:
    assert line_dates(line) == []


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("• mer. Avr 24th, 2024", True),
        ("Avr 24th, 2024", True),
        ("February 13th, 2017", True),
        ("mer. 24 avril 2024", True),
        ("Mercredi 15 février 2017", True),  # today's date in the header: no time, no keyword
        ("lundi 9 décembre 2019 à 09h08", False),
        ("Publié le mer. 24 avril 2024", False),
        ("Publié le lundi 13 février 2017 à 18h30 (heure de Paris)", False),
        ("1er juin 2018", False),
    ],
)
def test_furniture(line: str, furniture: bool) -> None:
    (d,) = line_dates(line)
    assert d.furniture is furniture


def test_urls_are_not_dates() -> None:
    assert line_dates("[Liège](http://www.sudpresse.be/regions/liege/2011-03-28/assises.html)") == []
    assert line_dates("![](/files/Capture_2012-10-30_at_12.50.16_pm.jpg)") == []
    assert summary("* [07.04.17](http://www.liberation.fr/planete/2017/04/07/frappes)") == [
        ("2017-04-07", "day", None)]  # the text of a link is printed


def test_glued_datelines_and_glued_words() -> None:
    assert summary("Publié le 12/03/2019Mis à jour le 13/03/2019") == [
        ("2019-03-12", "day", "published"), ("2019-03-13", "day", "updated")]
    assert line_dates("réf. 12/03/2019abc") == []


def test_byline_with_markdown_links() -> None:
    line = "![](http://x.be/laura.jpg) Par: [Laura Cerrada](http://x.be/auteur/lc) 12/06/12 - 09h27"
    (d,) = line_dates(line)
    assert (d.value, d.role, d.text) == ("2012-06-12", "published", "12/06/12 - 09h27")


# --------------------------------------------------------------------------- choose_dates

def day(value: str, text: str) -> Dateline:
    return Dateline(text=text, value=value, precision="day", furniture=False)


BODY = [
    "Le ministre a présenté mardi son projet de loi devant les députés, qui l'ont accueilli avec "
    "une certaine réserve, selon plusieurs sources parlementaires.",
    "Le 12 janvier 2017, le général avait déjà démissionné de ses fonctions au ministère.",
    "Le texte sera examiné en commission la semaine prochaine.",
]


def page(*head: str, tail: tuple[str, ...] = ()) -> tuple[list[str], int, int, int]:
    """A page: head lines (the title is the line "TITRE"), the body, then tail lines."""
    lines = [*head, *BODY, *tail]
    return lines, head.index("TITRE"), len(head), len(head) + len(BODY)


def test_published_and_updated_on_one_line() -> None:
    lines, t, b, e = page("Accueil", "TITRE", "Par Jean Dupont",
                          "Publié le 30 août 2023 à 14h52, modifié le 30 août 2023 à 15h54")
    pub, upd = choose_dates(lines, t, b, e)
    assert pub == day("2023-08-30", "Publié le 30 août 2023 à 14h52")
    assert upd == day("2023-08-30", "modifié le 30 août 2023 à 15h54")


def test_update_line_before_publication_line() -> None:
    lines, t, b, e = page("TITRE", "Mis à jour le 06/04/2013 à 10:37",
                          "Publié le 05/04/2013 à 17:08")
    pub, upd = choose_dates(lines, t, b, e)
    assert (pub.value, upd.value) == ("2013-04-05", "2013-04-06")


def test_only_an_update_gives_no_publication_date() -> None:
    lines, t, b, e = page("TITRE", "Mise à jour : dimanche 24 février 2013 08h46")
    pub, upd = choose_dates(lines, t, b, e)
    assert pub is None and upd is not None and upd.value == "2013-02-24"


def test_a_date_without_role_is_the_publication_date() -> None:
    lines, t, b, e = page("TITRE", "(02/02/2013)")
    assert choose_dates(lines, t, b, e) == (day("2013-02-02", "02/02/2013"), None)


def test_widgets_teasers_and_footers_are_never_taken() -> None:
    lines, t, b, e = page(
        "mer. 24 avril 2024", "Menu", "Rechercher", "Politique", "Économie", "Culture",
        "Sport", "TITRE",
        tail=("À lire aussi", "Publié le 3 mai 2024", "Un autre article 4 mai 2024",
              "© 2024 Le Quotidien"))
    assert choose_dates(lines, t, b, e) == (None, None)


def test_the_closest_date_to_the_title_wins() -> None:
    lines, t, b, e = page("Publié le 1 mai 2024", "Une", "Deux", "Trois", "TITRE",
                          "Par Marie Martin | 30 septembre 2018", "Partager")
    pub, _ = choose_dates(lines, t, b, e)
    assert pub is not None and pub.value == "2018-09-30"


def test_a_byline_wrapped_with_its_links() -> None:
    lines, t, b, e = page("TITRE", "Par [Jean Dupont](https://journal.fr/auteur/12-jean-dupont)",
                          "](https://journal.fr/auteur/14-marie-martin) -- 5 avril 2017 à 19:26")
    pub, _ = choose_dates(lines, t, b, e)
    assert pub == day("2017-04-05", "5 avril 2017 à 19:26")


def test_keyword_dateline_after_the_lead_and_share_buttons() -> None:
    lines, t, b, e = page("TITRE")
    for k, extra in enumerate(["Partager", "Commenter", "Ajouter à mes articles",
                               "Publié le 18 juil. 2024 à 08:01Mis à jour le 18 juil. 2024 à 09:06"]):
        lines.insert(b + 1 + k, extra)
    pub, upd = choose_dates(lines, t, b, e + 4)
    assert pub is not None and upd is not None
    assert (pub.text, upd.text) == ("Publié le 18 juil. 2024 à 08:01",
                                    "Mis à jour le 18 juil. 2024 à 09:06")


def test_an_unmarked_date_deep_in_the_body_is_not_taken() -> None:
    lines, t, b, e = page("TITRE")
    lines.insert(b + 3, "12 mars 2019")
    assert choose_dates(lines, t, b, e + 1) == (None, None)


def test_a_date_before_the_title_counts_when_near() -> None:
    lines, t, b, e = page("Menu", "2 Déc 2017", "TITRE", "Partager")
    pub, _ = choose_dates(lines, t, b, e)
    assert pub is not None and pub.value == "2017-12-02"


def test_a_date_in_a_body_sentence_is_not_a_dateline() -> None:
    lines, t, b, e = page("TITRE")
    lines[b] = "Le 12 janvier 2017, le général a démissionné de ses fonctions au ministère."
    assert choose_dates(lines, t, b, e) == (None, None)


def test_a_wire_dateline_at_the_start_of_the_body() -> None:
    lines, t, b, e = page("TITRE")
    lines[b] = "PARIS, 12 mars 2019 (AFP) - Le ministre a présenté mardi son projet de loi."
    pub, upd = choose_dates(lines, t, b, e)
    assert pub is not None and pub.value == "2019-03-12" and upd is None


def test_a_dateline_just_after_the_lead() -> None:
    lines, t, b, e = page("TITRE")
    lines.insert(b + 1, "Publié le Mercredi 29 Février 2012 à 23h09")
    pub, _ = choose_dates(lines, t, b, e + 1)
    assert pub is not None and pub.value == "2012-02-29"


def test_no_title_looks_a_few_lines_before_the_body() -> None:
    lines = ["Menu", "Publié le 22 janv. 2016 à 20:06", *BODY]
    pub, _ = choose_dates(lines, None, 2, len(lines))
    assert pub is not None and pub.value == "2016-01-22"


def test_an_update_time_alone_is_on_the_publication_day() -> None:
    lines, t, b, e = page("TITRE", "(03/04/2011, mis à jour à 18:28)")
    pub, upd = choose_dates(lines, t, b, e)
    assert pub is not None and upd is not None
    assert (pub.value, upd.value) == ("2011-04-03", "2011-04-03")


def test_an_update_time_before_the_publication_time_is_the_next_day() -> None:
    lines, t, b, e = page("TITRE", "Samedi 16 février 2013, 22h04 | mis à jour à 00:27")
    pub, upd = choose_dates(lines, t, b, e)
    assert pub is not None and upd is not None
    assert (pub.value, upd.value) == ("2013-02-16", "2013-02-17")


def test_precision_as_written() -> None:
    lines, t, b, e = page("TITRE", "Publié en septembre 2018")
    pub, _ = choose_dates(lines, t, b, e)
    assert pub == Dateline(text="Publié en septembre 2018", value="2018-09", precision="month",
                           furniture=False)


def test_relative_dates_give_nothing() -> None:
    lines, t, b, e = page("TITRE", "Publié", "il y a 2 heures", ",", "Mis à jour", "il y a 8 min")
    assert choose_dates(lines, t, b, e) == (None, None)


def test_a_keyword_inside_a_sentence_is_not_a_dateline() -> None:
    lines, t, b, e = page("TITRE", "Le rapport de la commission, publié le 12 mars 2019 par "
                          "l'ONU, dresse un bilan sévère de la mission au Mali.")
    assert choose_dates(lines, t, b, e) == (None, None)


def test_a_byline_date_in_a_busy_line() -> None:
    lines, t, b, e = page("TITRE", "Par Jean Dupont le mer. 24 avril 2024 à 10h12 Lecture 3 min "
                          "Partager sur Facebook Twitter LinkedIn Envoyer par mail")
    pub, _ = choose_dates(lines, t, b, e)
    assert pub is not None and pub.value == "2024-04-24"


@pytest.mark.parametrize(
    ("line", "role"),
    [("Publié par Jean Dupont le 12/03/2019", "published"),
     ("Par Jean Dupont, le 12/03/2019", "published"),
     ("Le 12 mars 2019, il a été tué par la police le 3 mai 2019.", None)],
)
def test_bylines(line: str, role: str | None) -> None:
    assert line_dates(line)[-1].role == role


def test_a_title_index_inside_the_body_is_ignored() -> None:
    lines = ["Menu", "Publié le 22 janv. 2016 à 20:06", *BODY]
    pub, _ = choose_dates(lines, 4, 2, len(lines))
    assert pub is not None and pub.value == "2016-01-22"


def test_empty_page() -> None:
    assert choose_dates([], None, 0, 0) == (None, None)


def test_a_long_byline_with_its_date_after_the_names() -> None:
    lines, t, b, e = page("TITRE", "Par Anne Martin, correspondante à Pékin, et Paul Roux, "
                          "correspondant à New York -- 5 avril 2017 à 10:17")
    pub, _ = choose_dates(lines, t, b, e)
    assert pub is not None and pub.value == "2017-04-05"


def test_a_sentence_naming_a_date_before_the_body_is_not_a_byline() -> None:
    lines, t, b, e = page("TITRE", "Parmi les mesures annoncées le 5 avril 2017 par le "
                          "gouvernement figure une hausse des crédits de la défense")
    pub, _ = choose_dates(lines, t, b, e)
    assert pub is None


def test_a_yearless_publication_date_is_noted_but_never_read() -> None:
    from mattis_corpus.ingest.clean.pubdate import yearless_dateline

    lines, t, b, e = page("TITRE", "Pascal Martin", "Publié le 28/03 à 21h00")
    assert choose_dates(lines, t, b, e) == (None, None)
    found = yearless_dateline(lines, t, b, e)
    assert found is not None and found.value is None and not found.furniture
    assert yearless_dateline(*page("TITRE", "Publié le 28/03/2011 à 21h00")) is None


def test_no_date_is_inferred_for_a_page_that_dates_itself_without_a_year() -> None:
    """"lundi" in the text and a past Monday's full date: inference would take the past
    event's date; the page's own "Publié le 28/03" says that is not the publication date."""
    from mattis_corpus.ingest.document import prepare
    from mattis_corpus.models import RawDoc

    text = ("Trente ans pour le meurtrier\n\nPublié le 28/03 à 21h00\n\n"
            "L'accusé a été condamné lundi soir à trente ans de prison par la cour d'assises, "
            "qui a retenu le vol avec circonstance aggravante de meurtre.\n\n"
            "Le 7 avril 2008, les deux accusés avaient tendu un piège à la victime, un homme de "
            "51 ans qui leur venait régulièrement en aide.\n")
    raw = RawDoc(id="x", path=__import__("pathlib").Path("x.txt"), text=text, encoding="utf-8",
                 sha256="0")
    _, published = prepare(raw)
    assert published.value is None


def test_a_yearless_dateline_is_never_a_title() -> None:
    from mattis_corpus.ingest.clean.page import clean

    body = " ".join(BODY)
    doc = clean("Publié le 05/01 à 08h00\n\n" + body + "\n\n" + body + "\n")
    assert doc.title != "Publié le 05/01 à 08h00"


def test_a_yearless_dateline_takes_the_year_of_the_one_page_date_on_that_day() -> None:
    from mattis_corpus.ingest.clean.pubdate import yearless_dateline

    lines, t, b, e = page("lundi 28 mars 2011 - Saint Gontran", "TITRE", "Publié le 28/03 à 21h00")
    found = yearless_dateline(lines, t, b, e)
    assert found is not None and found.value == "2011-03-28" and found.precision == "day"
    # two years on that day and month: no way to tell, nothing read
    lines, t, b, e = page("28 mars 2011", "28 mars 2012", "TITRE", "Publié le 28/03 à 21h00")
    assert yearless_dateline(lines, t, b, e).value is None
    # another day of the page says nothing about this one
    lines, t, b, e = page("lundi 27 mars 2011", "TITRE", "Publié le 28/03 à 21h00")
    assert yearless_dateline(lines, t, b, e).value is None


def test_a_dateline_under_the_last_paragraph_dates_an_undated_article() -> None:
    lines, t, b, e = page("TITRE", tail=("le 01/12/2017 à 15h45", "Retour au flash info"))
    pub, upd = choose_dates(lines, t, b, e)
    assert pub is not None and pub.value == "2017-12-01" and upd is None
    # a sentence that names a date there is no dateline, and a date in the header wins
    lines, t, b, e = page("TITRE", tail=("Le 1er décembre 2017, tout a changé pour lui et pour les siens.",))
    assert choose_dates(lines, t, b, e) == (None, None)
    lines, t, b, e = page("TITRE", "Publié le 30 novembre 2017", tail=("le 01/12/2017 à 15h45",))
    assert choose_dates(lines, t, b, e)[0].value == "2017-11-30"


def test_a_bare_date_after_the_lead_and_a_byline_printed_piece_by_piece() -> None:
    """A tag-stripper prints the byline block one piece per line under the lead ("Le
    Monde.fr avec AFP" / "|" / the date / "• Mis à jour le" / the date): those pieces are not
    body text, so the bare date still stands right after the lead."""
    lines, t, b, e = page("TITRE")
    pieces = ["Le Quotidien avec AFP", "|", "05.07.2011 à 22h09", "• Mis à jour le", "06.07.2011 à 08h15"]
    lines[b + 1:b + 1] = pieces
    pub, _ = choose_dates(lines, t, b, e + len(pieces))
    assert pub is not None and pub.value == "2011-07-05"


def test_a_bare_date_after_three_paragraphs_is_not_the_articles() -> None:
    lines, t, b, e = page("TITRE")
    lines.insert(b + 3, "05.07.2011 à 22h09")
    pub, _ = choose_dates(lines, t, b, e + 1)
    assert pub is None


def test_a_day_printed_on_the_line_above_its_month_and_year() -> None:
    """A blog's calendar badge, tag-stripped: "2" / "Déc 2017" is 2 December 2017; a number
    above a date that is not a day stays apart."""
    lines, t, b, e = page("2", "Déc 2017", "TITRE")
    pub, _ = choose_dates(lines, t, b, e)
    assert pub is not None and pub.value == "2017-12-02" and pub.precision == "day"
    lines, t, b, e = page("45", "Déc 2017", "TITRE")
    pub, _ = choose_dates(lines, t, b, e)
    assert pub is not None and pub.value == "2017-12"
