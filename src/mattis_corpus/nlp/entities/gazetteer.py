"""French gazetteer of the places and organisations that matter in defence news.

Sources, merged once and cached (:func:`gazetteer`):

* **pycountry** (a maintained source): every ISO 3166 country with its French name from
  pycountry's gettext catalog, its French official name and its English names. Inverted
  catalog forms ("Iran, République islamique d'") are turned into the short form ("Iran").
* **data/places_fr.tsv** (generated from Unicode CLDR by ``benchmarks/build_name_data.py``):
  the world regions and the French exonyms of exemplar cities ("Afrique occidentale",
  "Moscou"), matched in running text like the hand rows.
* **data/gazetteer_fr.tsv** (small, hand-written, user-extensible, wins over the generated
  rows): what no source has in the form the press uses: capitals with their acronyms and
  variants, international organisations, armies, ministries, armed groups, plus first-name
  short forms (``NICK``), page-chrome words (``STOP``) and country names too ambiguous to
  match in running text (``NOMATCH``). The file's header comment documents the format.
* **data/first_names.txt** (generated from a maintained name dictionary): given names, used
  to recognise "Prénom Nom" persons, with the hand file's ``FIRST`` rows if any.
* **data/world_cities.tsv** (generated from GeoNames): cities, lookup only
  (:meth:`Gazetteer.place`): they type a span the NER found, never matched in text.
* **pycountry subdivisions** of France (regions, departments, overseas collectivities), so
  "Var", "Loire-Atlantique" or "Hauts-de-France" are places with their whole span.

Accentless and capitalisation variants are generated, so "Etat islamique", "Etats-Unis" and
"Otan" need not be listed. Lookups are by :func:`mattis_corpus.textutil.fold` key.
Building costs a few tens of milliseconds and happens on first use only.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from mattis_corpus.french import APOSTROPHE, TYPOGRAPHIC_APOSTROPHES
from mattis_corpus.lexicons import entries as entries_of
from mattis_corpus.nlp.entities.lexicon import common_words
from mattis_corpus.nlp.entities.ocr import rejoin_breaks
from mattis_corpus.textutil import fold, strip_accents

DATA_FILE = "gazetteer_fr.tsv"
PLACES_FILE = "places_fr.tsv"  # generated (CLDR): see benchmarks/build_name_data.py
CITIES_FILE = "world_cities.tsv"  # generated (GeoNames), lookup only
FIRST_NAMES = "first_names"  # data/first_names.txt, generated (nam_dict.txt)
ENTITY_KINDS = ("LOC", "ORG", "MISC")
# Words left lowercase when generating "Etat Islamique"-style capitalisation variants.
_LOOKUP_ONLY_HEADS = frozenset({"groupe", "organisation", "plateau", "bande", "prix"})
_SMALL_WORDS = frozenset(
    ["de", "du", "des", "la", "le", "les", "l'", "d'", "et", "en", "au", "aux", "à", "sur", "pour"]
)


@dataclass(frozen=True)
class GazEntry:
    """One gazetteer entity: its display name, type and every known spelling."""

    canonical: str
    type: str
    aliases: tuple[str, ...]

    @property
    def id(self) -> str:
        """Stable id 'ORG:otan' from type and folded canonical name."""
        return f"{self.type}:{slugify(self.canonical)}"


@dataclass
class Gazetteer:
    """Folded-alias index plus the lists the NLP side needs (patterns, nicknames, stop words)."""

    entries: list[GazEntry] = field(default_factory=list)
    by_key: dict[str, GazEntry] = field(default_factory=dict)
    nicknames: dict[str, str] = field(default_factory=dict)  # folded short form -> full first name
    stopwords: frozenset[str] = frozenset()  # folded chrome words
    nomatch: frozenset[str] = frozenset()  # folded names never matched in text
    first_names: frozenset[str] = frozenset()  # folded common given names ("jean", "ursula")
    cities: dict[str, str] = field(default_factory=dict)  # folded -> name, lookup only

    def lookup(self, name: str) -> GazEntry | None:
        """The entry whose alias folds like ``name`` (accent/case/hyphen-insensitive, a word cut
        at a line end read whole: "Mar- seille"), if any."""
        return self.by_key.get(fold(rejoin_breaks(name)))

    def is_first_name(self, key: str) -> bool:
        """``key`` (folded) is a given name, or a compound of given names ("jean noel")."""
        if key in self.first_names:
            return True
        parts = key.split(" ")
        return len(parts) > 1 and all(p in self.first_names for p in parts)

    def place(self, name: str) -> GazEntry | None:
        """The entry of ``name``, or a LOC entry when it is a world city (lookup only: for a
        span the NER found, since city names are also surnames and brands: "Austin")."""
        key = fold(rejoin_breaks(name))
        entry = self.by_key.get(key)
        if entry is None and key in self.cities:
            city = self.cities[key]
            return GazEntry(canonical=city, type="LOC", aliases=(city,))
        return entry

    def patterns(self) -> list[dict]:
        """Entity-ruler phrase patterns (``GazetteerRuler``): each alias and its generated spelling variants."""
        out: list[dict] = []
        seen: set[tuple[str, str]] = set()
        for entry in self.entries:
            for alias in entry.aliases:
                # "groupe État islamique": lookup only, the text span is the name alone.
                if fold(alias) in self.nomatch or alias.split(" ")[0] in _LOOKUP_ONLY_HEADS:
                    continue
                for variant in spelling_variants(alias):
                    if (variant, entry.type) in seen:
                        continue
                    seen.add((variant, entry.type))
                    out.append({"label": entry.type, "pattern": variant, "id": entry.id})
        return out


def slugify(name: str) -> str:
    """'État islamique' -> 'etat-islamique': the id part of an entity."""
    return re.sub(r"[^0-9a-z]+", "-", fold(name)).strip("-")


def spelling_variants(alias: str) -> list[str]:
    """Surface variants of one alias the press uses: accentless, Title Case, capitalised acronym.

    Matching in text is case-sensitive (to keep "levant" the verb out), so the usual
    variants are generated rather than matching case-insensitively.
    """
    variants = [alias, strip_accents(alias)]
    words = alias.split(" ")
    if len(words) > 1:
        titled = " ".join(
            w if w.lower() in _SMALL_WORDS or not w[:1].islower() else w[:1].upper() + w[1:]
            for w in words
        )
        variants += [titled, strip_accents(titled)]
    if alias[:1].islower():
        variants.append(alias[:1].upper() + alias[1:])
    if alias.isupper() and len(alias) >= 4 and alias.isalpha():
        variants.append(alias.capitalize())
    if not alias.isupper() and alias[:1].isupper() and len(alias) >= 4:
        # headlines in capitals: "LA FRANCE SUSPEND SA COOPÉRATION AVEC LE MALI"
        variants += [alias.upper(), strip_accents(alias).upper()]
    return list(dict.fromkeys(variants))


def _short_form(name: str) -> str:
    """Undo catalog inversions: 'Iran, République islamique d'' -> 'Iran'; drop '(...)'.

    An inverted head that is an adjective ('Syrienne, République arabe') is no name: ''.
    """
    name = re.sub(r"\s*\(.*?\)", "", name)
    head = name.split(",")[0].strip()
    if "," in name and re.search(r"(ienne|aise|aine|ique)$", head):
        return ""
    return head


def _country_entries() -> list[GazEntry]:
    """One LOC entry per ISO country: French short name first, then official and English names.

    A short form shared by two countries ('Corée', 'Congo') is ambiguous and left out.
    """
    import pycountry  # lazy: only when the gazetteer is first built

    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
        fr = tr.gettext
    except OSError:  # catalog missing: fall back to English names only

        def fr(s: str) -> str:
            return s

    raw = []
    for country in pycountry.countries:
        names = [(a, getattr(country, a, None)) for a in ("common_name", "name", "official_name")]
        names = [(a, n) for a, n in names if n]
        french = [fr(n) if a == "official_name" else _short_form(fr(n)) for a, n in names]
        english = [_short_form(n) for _, n in names]
        raw.append([a for a in dict.fromkeys(french + english) if a])
    counts: dict[str, int] = {}
    for aliases in raw:  # "Israël" and "Israel" are one country's names, not two countries'
        for key in {fold(alias) for alias in aliases}:
            counts[key] = counts.get(key, 0) + 1
    entries = []
    for aliases in raw:
        kept = tuple(a for a in aliases if counts[fold(a)] == 1)
        if kept:
            entries.append(GazEntry(canonical=kept[0], type="LOC", aliases=kept))
    return entries


# French subdivisions whose name is also a common word or direction: never matched alone.
_SUBDIVISION_SKIP = frozenset(
    {"nord", "cher", "lot", "aube", "somme", "paris", "metropole de lyon"}
)


def _subdivision_entries() -> list[GazEntry]:
    """One LOC entry per French region, department and overseas collectivity (pycountry)."""
    import pycountry  # lazy: only when the gazetteer is first built

    entries = []
    for sub in pycountry.subdivisions.get(country_code="FR") or []:
        name = re.sub(r"\s*\(.*?\)", "", sub.name)
        name = name.replace(TYPOGRAPHIC_APOSTROPHES[0], APOSTROPHE).strip()
        if not name or fold(name) in _SUBDIVISION_SKIP:
            continue
        aliases = [name]
        if name.startswith("La "):  # "La Réunion": the article is no part of the span
            aliases = [name[3:]]
        if "-" in name and name.count("-") == 1 and name.split("-")[0] in ("Grand",):
            aliases.append(name.replace("-", " "))
        entries.append(GazEntry(canonical=aliases[0], type="LOC", aliases=tuple(aliases)))
    return entries


def _read_rows(text: str) -> list[tuple[str, str, list[str]]]:
    """Parse the TSV data file into (kind, canonical, aliases) rows, skipping comments."""
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        kind, canonical = cols[0].strip(), cols[1].strip()
        aliases = [a.strip() for a in cols[2].split("|")] if len(cols) > 2 else []
        rows.append((kind, canonical, [a for a in aliases if a]))
    return rows


_ASCII_APOSTROPHES = frozenset(c for c in TYPOGRAPHIC_APOSTROPHES if c.isascii())


def _fold_name(name: str) -> str:
    """:func:`fold` of one name, with a fast path for plain ASCII (most of the ~75,000 names
    of the generated lists: folding them all would cost ~0.15 s of every process)."""
    if name.isascii() and not _ASCII_APOSTROPHES.intersection(name):
        return " ".join(name.lower().replace("-", " ").split())
    return fold(name)


def _data_text(name: str) -> str:
    return resources.files("mattis_corpus").joinpath("data", name).read_text("utf-8")


def _city_index() -> dict[str, str]:
    """Folded name -> name of the generated world-cities file (first column)."""
    cities = {}
    for line in _data_text(CITIES_FILE).splitlines():
        if line and not line.startswith("#"):
            name = line.split("\t", 1)[0]
            cities.setdefault(_fold_name(name), name)
    return cities


def build_gazetteer(tsv_text: str | None = None, with_countries: bool = True) -> Gazetteer:
    """Merge pycountry countries, the generated places and the hand-written rows (hand rows
    win on canonical name). ``with_countries=False`` leaves out every sourced list (pycountry,
    CLDR places, first names, cities): the gazetteer is then ``tsv_text`` alone."""
    if tsv_text is None:
        tsv_text = _data_text(DATA_FILE)
    gaz = Gazetteer()
    entries: list[GazEntry] = _country_entries() if with_countries else []
    nicknames: dict[str, str] = {}
    stop: set[str] = set()
    nomatch: set[str] = set()
    first = {_fold_name(n) for n in entries_of(FIRST_NAMES)} if with_countries else set()
    index = {(e.type, fold(a)): i for i, e in enumerate(entries) for a in e.aliases}
    if with_countries:
        for kind, canonical, aliases in _read_rows(_data_text(PLACES_FILE)):
            row = GazEntry(canonical, kind, (canonical, *aliases))
            _merge_row(entries, index, row, keep_canonical=True)
        gaz.cities = _city_index()
    for kind, canonical, aliases in _read_rows(tsv_text):
        if kind == "NICK":
            nicknames.update({fold(a): fold(canonical) for a in aliases})
        elif kind == "STOP":
            stop.update(fold(w) for w in [canonical, *aliases])
        elif kind == "NOMATCH":
            nomatch.add(fold(canonical))
        elif kind == "FIRST":
            first.update(fold(w) for w in [canonical, *aliases])
        elif kind in ENTITY_KINDS:
            _merge_row(entries, index, GazEntry(canonical, kind, (canonical, *aliases)))
    if with_countries:
        for sub in _subdivision_entries():
            _merge_row(entries, index, sub, keep_canonical=True)
    entries = [_with_contracted_forms(e) for e in entries]
    for entry in entries:
        for alias in entry.aliases:
            gaz.by_key.setdefault(fold(alias), entry)
    gaz.entries = entries
    gaz.nicknames = nicknames
    gaz.stopwords = frozenset(stop)
    gaz.nomatch = frozenset(nomatch)
    gaz.first_names = frozenset(first | set(nicknames) | set(nicknames.values()))
    return gaz


_ARTICLE_NAME = re.compile(r"^(?:Le|Les) (?=[A-ZÀ-Þ])")


def _with_contracted_forms(entry: GazEntry) -> GazEntry:
    """A place named with "Le"/"Les" as printed after a contraction: "au Caire", "du Havre"
    ("au" = "à le"), unless the rest is a common word ("Le Cap": "cap")."""
    if entry.type != "LOC":
        return entry
    extra = []
    for alias in entry.aliases:
        rest = _ARTICLE_NAME.sub("", alias)
        if rest != alias and " " not in rest and fold(rest) not in common_words():
            extra.append(rest)
    return GazEntry(entry.canonical, entry.type, tuple(dict.fromkeys((*entry.aliases, *extra))))


def _merge_row(
    entries: list[GazEntry],
    index: dict[tuple[str, str], int],
    row: GazEntry,
    keep_canonical: bool = False,
) -> None:
    """Add a row in place, folding it into an existing entry that shares a name (the row's
    canonical name wins unless ``keep_canonical``)."""
    hits = sorted({index[(row.type, fold(a))] for a in row.aliases if (row.type, fold(a)) in index})
    if hits:
        old = entries[hits[0]]
        canonical = old.canonical if keep_canonical else row.canonical
        entries[hits[0]] = GazEntry(
            canonical, row.type, tuple(dict.fromkeys((*row.aliases, *old.aliases)))
        )
        pos = hits[0]
    else:
        entries.append(row)
        pos = len(entries) - 1
    for alias in entries[pos].aliases:
        index.setdefault((row.type, fold(alias)), pos)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The default gazetteer, built on first call and cached for the process."""
    return build_gazetteer()
