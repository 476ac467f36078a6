"""Corpus-wide entity resolution: one entity per real-world referent, from mention names.

:func:`resolve_entities` and :func:`resolve_names` merge the in-document names of mentions
across documents (accents, case, transliteration, nicknames, middle initials, acronyms) into
:class:`CanonicalEntity` records with a stable id. Also gives the name helpers the mention rules
share (:func:`name_tokens`, :func:`pretty`, :func:`person_key`, :func:`is_acronym`,
:func:`initials_match`).

Needs no spaCy: it reads names, the gazetteer (:mod:`mattis_corpus.nlp.entities.gazetteer`) and
two word lists of ``data/``, so the end-of-ingest entity refresh loads no NLP model.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from mattis_corpus.labels import ENTITY_TYPES
from mattis_corpus.lexicons import entries
from mattis_corpus.nlp.entities.gazetteer import gazetteer, slugify
from mattis_corpus.textutil import fold, strip_accents

_INITIAL = re.compile(r"^[a-z]\.?$")


# Articles, contractions and elisions never part of a name (skipped in acronym initials).
_DETERMINERS = frozenset(entries("determiners_fr"))
_NAME_PARTICLES = frozenset(entries("name_particles"))  # "al", "el", "ibn": left out of match keys


# --------------------------------------------------------------------------- person names


def name_tokens(name: str) -> list[str]:
    """Folded tokens of a person's name without initials and particles (for matching)."""
    return list(_name_tokens_of(name))


@lru_cache(maxsize=65536)  # asked several times per candidate, and names repeat
def _name_tokens_of(name: str) -> tuple[str, ...]:
    return tuple(
        t
        for t in fold(name).replace(".", ". ").split()
        if not _INITIAL.match(t) and t not in _NAME_PARTICLES
    )


def pretty(text: str) -> str:
    """Display form of a surface name: single spaces; ALL-CAPS words title-cased ("MATTIS")."""
    words = text.split()
    return " ".join(w.title() if w.isupper() and len(w) > 3 else w for w in words)


def initials_match(acronym: str, name: str) -> bool:
    """'FDS' fits 'Forces démocratiques syriennes' (initials of the words, articles skipped)."""
    letters = "".join(
        w[0]
        for w in fold(name).replace("'", " ").split()
        if w not in _DETERMINERS and w not in {"l", "d"}
    )
    acr = fold(acronym).replace(".", "").replace("-", "")
    return bool(letters) and (letters == acr or letters.startswith(acr) and len(acr) >= 3)


# --------------------------------------------------------------------------- cross-document


@dataclass(frozen=True)
class CanonicalEntity:
    """One real-world entity of the corpus: stable id, display name, type and match key."""

    id: str
    name: str
    type: str
    key: str


@lru_cache(maxsize=65536)  # a pure function of one word, asked for every name pair compared
def _skeleton(word: str) -> str:
    """Transliteration-insensitive form of a folded name word.

    French and English transliterations differ in a few regular ways: Sergueï/Sergei/Sergey,
    Poutine/Putin, Bachar/Bashar, Choïgou/Shoigu. The skeleton maps both to one form.
    """
    w = word.replace("ou", "u").replace("y", "i").replace("kh", "h")
    w = re.sub(r"gu(?=[ei])", "g", w)
    w = w.replace("tch", "\0").replace("ch", "sh").replace("\0", "ch")
    w = re.sub(r"(.)\1+", r"\1", w)
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def person_key(tokens: list[str], gaz=None) -> str:
    """Match key of a person: nickname-normalised first name + skeletons of every word."""
    gaz = gaz or gazetteer()
    if not tokens:
        return ""
    first = gaz.nicknames.get(tokens[0], tokens[0]) if len(tokens) > 1 else tokens[0]
    return " ".join(_skeleton(t) for t in [first, *tokens[1:]])


def _well_formed_score(name: str, count: int) -> tuple:
    """Preference order for a display name: not ALL CAPS, full, frequent, no initial, accented."""
    accents = sum(1 for a, b in zip(name, strip_accents(name), strict=False) if a != b)
    no_initial = not re.search(r"(^|\s)[A-Z]\.(\s|$)", name)
    return (
        not name.isupper() or len(name) <= 5,
        len(name.split()) >= 2,
        count,
        no_initial,
        accents,
        len(name),
        name,
    )


def resolve_entities(
    records: Iterable[tuple[str, str, str]],
) -> dict[tuple[str, str, str], CanonicalEntity]:
    """Map every (doc_id, mention name, type) record to its corpus-wide entity.

    Duplicate records count as frequency; see :func:`resolve_names` for the rules.
    """
    records = list(records)
    names = resolve_names(Counter((name, typ) for _doc, name, typ in records).items())
    return {rec: names[(rec[1], rec[2])] for rec in records}


def resolve_names(
    counts: Iterable[tuple[tuple[str, str], int]],
) -> dict[tuple[str, str], CanonicalEntity]:
    """Map every distinct (mention name, type), with its frequency, to its corpus-wide entity.

    Gazetteer names resolve to their gazetteer entry. Persons merge on a key that ignores
    accents, case, middle initials, nicknames and transliteration; a bare surname joins the
    unique person of the corpus with that surname, and stays apart when two people share it.
    Other names merge on their folded form and on acronyms whose initials fit a unique name.
    Deterministic: the result depends only on the names and their counts. Working on distinct
    names (not on every mention) keeps the end-of-ingest refresh cheap on large stores.
    """
    records = sorted((name, typ, n) for (name, typ), n in counts)
    gaz = gazetteer()
    groups: dict[tuple[str, str], list[tuple[str, str, int]]] = defaultdict(list)
    pending_surnames: list[tuple[str, str, int]] = []
    pending_acronyms: list[tuple[str, str, int]] = []
    for rec in records:
        name, typ, _n = rec
        entry = gaz.lookup(name)
        if entry is not None and typ != "PER":
            groups[("GAZ", entry.id)].append(rec)
        elif typ == "PER":
            toks = name_tokens(name)
            if len(toks) >= 2:
                groups[("PER", person_key(toks, gaz))].append(rec)
            else:
                pending_surnames.append(rec)
        elif is_acronym(name):
            pending_acronyms.append(rec)
        else:
            groups[("NAME", fold(name))].append(rec)
    _attach_surnames(groups, pending_surnames, gaz)
    _attach_acronyms(groups, pending_acronyms)
    return _entities_from_groups(groups, gaz)


def is_acronym(name: str) -> bool:
    """Two to eight characters (dots aside) whose letters are all capitals: "OTAN", "U.S.", "G7"."""
    return 2 <= len(name.replace(".", "")) <= 8 and name.replace(".", "").replace("-", "").isupper()


def _attach_surnames(groups, pending, gaz) -> None:
    """A bare surname joins the one full-name person ending with it; else it is its own entity."""
    by_last: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for gkey in groups:
        if gkey[0] == "PER":
            by_last[gkey[1].split()[-1]].add(gkey)
    for rec in pending:
        toks = name_tokens(rec[0])
        key = person_key(toks, gaz)
        owners = by_last.get(key, set()) if key else set()
        target = next(iter(owners)) if len(owners) == 1 else ("PER", key or fold(rec[0]))
        groups[target].append(rec)


def _attach_acronyms(groups, pending) -> None:
    """An unknown acronym joins the unique same-type name whose initials it spells."""
    names = [(g, recs) for g, recs in groups.items() if g[0] == "NAME"]
    for rec in pending:
        name, typ, _n = rec
        fits = [
            g for g, recs in names if any(r[1] == typ for r in recs) and initials_match(name, recs[0][0])
        ]
        groups[fits[0] if len(fits) == 1 else ("NAME", fold(name))].append(rec)


def _entities_from_groups(groups, gaz) -> dict[tuple[str, str], CanonicalEntity]:
    """Choose display name, type and stable id for each group of (name, type, count)."""
    by_id = {e.id: e for e in gaz.entries}
    out: dict[tuple[str, str], CanonicalEntity] = {}
    for gkey, recs in groups.items():
        if gkey[0] == "GAZ":
            entry = by_id[gkey[1]]
            ent = CanonicalEntity(
                id=entry.id, name=entry.canonical, type=entry.type, key=fold(entry.canonical)
            )
        else:
            types: Counter[str] = Counter()
            counts: Counter[str] = Counter()
            for name, typ, n in recs:
                types[typ] += n
                counts[pretty(" ".join(name.split()))] += n
            typ = sorted(
                types.items(),
                key=lambda tc: (-tc[1], ENTITY_TYPES.index(tc[0]) if tc[0] in ENTITY_TYPES else 9),
            )[0][0]
            name = max(counts, key=lambda n: _well_formed_score(n, counts[n]))
            key = _display_key(name, gaz) if typ == "PER" else fold(name)
            ent = CanonicalEntity(id=f"{typ}:{entity_slug(key)}", name=name, type=typ, key=gkey[1])
        for name, typ, _n in recs:
            out[(name, typ)] = ent
    return out


@lru_cache(maxsize=1)
def _transliteration() -> dict[int, str]:
    table = {}
    for line in entries("transliteration"):
        letter, latin = line.split()
        table[ord(letter)] = "" if latin == "-" else latin
    return table


def entity_slug(key: str) -> str:
    """The id part of an entity, for a name in any script; distinct names, distinct ids.

    Latin names keep the ``slugify`` id they always had (stores and seeds keep their ids).
    Cyrillic and Greek are spelled in Latin letters first ("Сергей Лавров" → "sergei-lavrov");
    a name with letters still outside Latin (Chinese, Arabic…) also gets a hash of the name,
    which alone stays when nothing is left, so such names never share the empty id."""
    if key.isascii() or all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in key):
        return slugify(key)
    spelled = unicodedata.normalize("NFD", key.casefold())
    spelled = "".join(c for c in spelled if not unicodedata.combining(c)).translate(_transliteration())
    slug = slugify(spelled)
    if all(not c.isalpha() or c.isascii() for c in spelled):
        return slug
    digest = hashlib.sha1(unicodedata.normalize("NFC", key).encode("utf-8")).hexdigest()[:10]
    return f"{slug}-{digest}" if slug else digest


def _display_key(name: str, gaz) -> str:
    """Readable id part of a person: folded name, nickname expanded, initials dropped."""
    toks = name_tokens(name)
    if len(toks) >= 2:
        toks = [gaz.nicknames.get(toks[0], toks[0]), *toks[1:]]
    return " ".join(toks)
