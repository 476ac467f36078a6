"""Entity mentions from spaCy's French NER, cleaned by general rules, and canonicalised.

The bare ``fr_core_news_sm`` NER over-fires on French news pages: elided words ("qu'"),
capitalised common words at the start of sentences and headings ("Détenus", "Aucun"), page
chrome ("Share This"), spans running over paragraph breaks, articles and titles inside
spans ("la France", "M. Mattis"), and unstable types ("Washington" as a person). This
module fixes those with rules that hold for any French news text:

* :func:`configure_nlp` puts a gazetteer ruler (``GazetteerRuler``) before the NER, so known places and
  organisations (:mod:`mattis_corpus.nlp.entities.gazetteer`) are found with the right type and span.
* :func:`extract_mentions` trims, splits, filters, retypes and recovers mentions, and names
  each with the fullest form of its entity within the document.
* :func:`resolve_entities` merges mentions across documents into one entity per real-world
  referent (accents, case, transliteration, nicknames, middle initials, acronyms).

spaCy is never imported here at import time: the module only reads Doc/Token attributes.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mattis_corpus.labels import ENTITY_TYPES
from mattis_corpus.models import Mention, Paragraph
from mattis_corpus.nlp.entities.gazetteer import GazEntry, gazetteer, slugify
from mattis_corpus.textutil import fold, strip_accents

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

RULER_NAME = "gazetteer_ruler"
TYPES = ENTITY_TYPES

# Articles, contractions and elisions never part of a name ("l'OTAN" -> "OTAN").
_DETERMINERS = frozenset(
    [
        "l'",
        "la",
        "le",
        "les",
        "de",
        "d'",
        "du",
        "des",
        "au",
        "aux",
        "un",
        "une",
        "qu'",
        "n'",
        "s'",
        "c'",
        "j'",
        "m'",
        "t'",
        "jusqu'",
        "lorsqu'",
        "puisqu'",
        "quoiqu'",
        "et",
        "à",
        "en",
        "par",
        "pour",
        "sur",
    ]
)
# Honorifics and functions kept out of a person's span but stored in Mention.title.
_TITLES = frozenset(
    fold(t)
    for t in [
        "M.",
        "MM.",
        "Mme",
        "Mmes",
        "Mlle",
        "Dr",
        "Pr",
        "Me",
        "Mr",
        "Mrs",
        "Ms",
        "Sir",
        "Lord",
        "général",
        "générale",
        "président",
        "présidente",
        "ministre",
        "secrétaire",
        "colonel",
        "capitaine",
        "lieutenant",
        "lieutenant-colonel",
        "commandant",
        "amiral",
        "vice-amiral",
        "maréchal",
        "sergent",
        "caporal",
        "sénateur",
        "sénatrice",
        "député",
        "députée",
        "ambassadeur",
        "ambassadrice",
        "roi",
        "reine",
        "prince",
        "princesse",
        "pape",
        "cheikh",
        "émir",
        "ayatollah",
        "gouverneur",
        "maire",
        "juge",
        "porte-parole",
        "premier-ministre",
        "chancelier",
        "chancelière",
    ]
)
# Titles that make a following capitalised word a person on their own ("M. Tillerson").
_PERSON_TITLES = frozenset(
    fold(t) for t in ["M.", "MM.", "Mme", "Mmes", "Mlle", "Dr", "Me", "Mr", "Mrs", "Ms"]
)
# Words that only qualify a title: "Premier ministre", "ancien président".
_TITLE_MODIFIERS = frozenset(
    fold(t) for t in ["premier", "première", "ancien", "ancienne", "vice", "haut", "haute", "ex"]
)
_EDGE_CHARS = "\"'«»“”‘’`.,;:!?…()[]{}-–—/\\*•|"
_CLOSED_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "ADV", "VERB", "INTJ"})
_ACRONYM_DEF = re.compile(r"\s*\(\s*([A-Z][A-Z0-9.\-]{1,9})\s*\)")
_INITIAL = re.compile(r"^[a-z]\.?$")
_NAME_PARTICLES = frozenset({"al", "el", "ibn"})
# Lowercase or capitalised links inside a person's name: "Le Drian", "von der Leyen".
_NAME_LINKS = frozenset(
    {"le", "la", "de", "du", "des", "van", "von", "der", "den", "al", "el", "ben", "bin"}
)

_LEXICON: frozenset[str] | None = None  # French common words, from the lemmatizer tables
_LEMMA_INDEX: Any = None  # the table _LEXICON is read from, on first use


# --------------------------------------------------------------------------- pipeline setup


def configure_nlp(nlp: Language) -> None:
    """Add the gazetteer ruler before the NER and load the common-word lexicon.

    The ruler runs first so the statistical NER predicts around known names (a gazetteer
    span is never merged into "Défense James Mattis"). Idempotent.
    """
    global _LEXICON, _LEMMA_INDEX
    index = _lemma_index(nlp)
    if index is not None and index is not _LEMMA_INDEX:
        _LEMMA_INDEX, _LEXICON = index, None  # read when a rule first needs it (a worker
        # that only parses never does)
    if RULER_NAME in nlp.pipe_names:
        return
    from spacy.language import Language

    if RULER_FACTORY not in Language.factories:
        Language.factory(RULER_FACTORY, func=make_gazetteer_ruler)
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe(RULER_FACTORY, name=RULER_NAME, **where)


RULER_FACTORY = "corpus_gazetteer_ruler"


class GazetteerRuler:
    """The gazetteer's names as entities, set before the NER: spaCy's ``entity_ruler`` with
    phrase patterns, matched on the text instead of on pattern Docs.

    The ``entity_ruler`` tokenizes each of the ~4,000 patterns when the model loads (~0.5 s
    of every ingest, in every worker). spaCy tokenizes each whitespace-separated chunk on
    its own, so a name matches where its exact text starts at a token start and ends at a
    token end; patterns are indexed by their first word. Overlaps are resolved as the
    ``entity_ruler`` does: longest first, then leftmost; the first pattern wins a tie.
    """

    def __init__(self, patterns: Iterable[dict]) -> None:
        self.by_lead: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for p in patterns:
            self.by_lead[_lead(p["pattern"])].append((p["pattern"], p["label"], p.get("id", "")))
        for entries in self.by_lead.values():
            entries.sort(key=lambda e: -len(e[0]))  # stable: pattern order among equals

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        texts = token_texts(doc)
        if not texts:
            return doc
        text = doc_text(doc)
        starts = doc.to_array("IDX").tolist()
        matches: list[tuple[int, int, str, str]] = []
        by_lead = self.by_lead
        for i, start in enumerate(starts):
            t = texts[i]
            for pattern, label, ent_id in by_lead.get(t if t.isalnum() else _lead(t), ()):
                if text.startswith(pattern, start):
                    stop = start + len(pattern)
                    end = bisect.bisect_left(starts, stop, i)  # first token starting at/after it
                    if starts[end - 1] + len(texts[end - 1]) == stop:  # the name ends a token
                        matches.append((i, end, label, ent_id))
        matches.sort(key=lambda m: (m[0] - m[1], m[0]))  # longest, then leftmost (stable)
        seen: set[int] = set()
        # Reading doc.ents walks every token: skip it when no component set entities yet.
        spans = list(doc.ents) if doc.has_annotation("ENT_IOB") else []
        for start, end, label, ent_id in matches:
            if start in seen or end - 1 in seen:  # the entity_ruler's own overlap test
                continue
            spans = [e for e in spans if not (e.start < end and e.end > start)]
            spans.append(Span(doc, start, end, label=label, span_id=ent_id))
            seen.update(range(start, end))
        doc.ents = spans
        return doc


_LEAD_RE = re.compile(r"\w+")


def _lead(text: str) -> str:
    """The first word of a pattern or a token (its first character when it starts with none)."""
    m = _LEAD_RE.match(text)
    return m.group() if m else text[:1]


def make_gazetteer_ruler(nlp: Language, name: str) -> GazetteerRuler:
    """spaCy factory of ``GazetteerRuler`` (registered by ``configure_nlp``)."""
    return GazetteerRuler(gazetteer().patterns())


def _lemma_index(nlp: Language) -> Any:
    """The lemmatizer's ``lemma_index`` table (lemmas by part of speech), if the model has one."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return None
    return lookups.get_table("lemma_index")


def _lexicon() -> frozenset[str] | None:
    """Lowercase French common words (nouns, adjectives, verbs, adverbs and their forms).

    Used to tell "Santé" or "Détenus" (common words capitalised by position) from names.
    """
    global _LEXICON
    if _LEXICON is None and _LEMMA_INDEX is not None:
        words: set[str] = set()
        for key in _LEMMA_INDEX:
            words.update(_LEMMA_INDEX[key])
        _LEXICON = frozenset(words | {strip_accents(w) for w in words})
    return _LEXICON


def _is_common_word(token: Token) -> bool:
    """True when the token is a French common word, whatever its capitalisation."""
    lower, lemma = token.lower_, token.lemma_.lower()
    lexicon = _lexicon()
    if lexicon is None:
        return token.pos_ not in ("PROPN", "X") and lemma != lower
    forms = {lower, strip_accents(lower)}
    if len(lower) > 3 and lower[-1] in "sx":  # plural: "Baltes", "Détenus"
        forms |= {lower[:-1], strip_accents(lower[:-1])}
    if token.pos_ != "PROPN":
        forms.add(lemma)
    return bool(forms & lexicon)


# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    """A mention under construction: token range, label and what we learned about it."""

    start: int  # token index
    end: int  # token index, exclusive
    label: str
    gaz: GazEntry | None = None
    title: str | None = None
    recovered: bool = False
    name: str = ""
    extra: dict = field(default_factory=dict)


def _paragraph_of(paragraphs: Sequence[Paragraph], char: int) -> int:
    """Index of the paragraph that holds a character offset (-1 outside all)."""
    for i, para in enumerate(paragraphs):
        if para.start <= char < para.end:
            return i
    return -1


def _paragraphs_from_text(text: str) -> list[Paragraph]:
    """Fallback paragraphs: blocks between line breaks, all of kind body."""
    return [Paragraph(m.start(), m.end(), "body") for m in re.finditer(r"[^\n]+", text)]


def _pieces(span: Span, paragraphs: Sequence[Paragraph]) -> list[tuple[int, int]]:
    """Split an entity span at line breaks and paragraph boundaries: names never cross them."""
    pieces, begin, para = [], span.start, None
    for tok in span:
        here = _paragraph_of(paragraphs, tok.idx) if paragraphs else 0
        if "\n" in tok.text or tok.is_space or (para is not None and here != para):
            if tok.i > begin:
                pieces.append((begin, tok.i))
            begin = tok.i + 1 if ("\n" in tok.text or tok.is_space) else tok.i
        para = here
    if span.end > begin:
        pieces.append((begin, span.end))
    return pieces


def _is_edge_junk(tok: Token, label: str, keep_dets: bool) -> bool:
    """Tokens trimmed from either end: spaces, punctuation, quotes, articles, elisions."""
    if tok.is_space or tok.is_punct or not tok.text.strip(_EDGE_CHARS):  # only edge characters
        return True
    if keep_dets:
        return False
    if tok.lower_ in _DETERMINERS:
        # "Le Drian", "La Haye": a capitalised article inside a person's name stays.
        return not (label == "PER" and tok.text[:1].isupper())
    return False


def _trim(doc: Doc, start: int, end: int, label: str, gaz: bool) -> tuple[int, int, str | None]:
    """Strip articles, titles and punctuation from both ends; return the title met, if any."""
    title = None
    while start < end:
        tok = doc[start]
        if fold(tok.text) in _TITLES and end - start > 1:
            title = title or tok.text
            start += 1
        elif _is_edge_junk(tok, label, gaz):
            start += 1
        else:
            break
    while end > start and (
        _is_edge_junk(doc[end - 1], label, gaz)
        or (doc[end - 1].lower_ in _DETERMINERS and doc[end - 2].whitespace_)  # not "Jong-un"
    ):
        if end - start > 2 and _glued_hyphen_tail(doc, end - 1):
            break  # "Kim Jong-un": "-un" is no article
        end -= 1
    if not gaz:
        start, cut_title = _skip_function_words(doc, start, end)
        title = title or cut_title
    return start, end, title


def _glued_hyphen_tail(doc: Doc, i: int) -> bool:
    """Token ``i`` is the alphabetic tail of a hyphenated word: "Jong" "-" "un"."""
    return (
        i >= 2
        and doc[i].is_alpha
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].is_alpha
    )


def _skip_function_words(doc: Doc, start: int, end: int) -> tuple[int, str | None]:
    """Drop a function glued before a full name: "Défense James Mattis", "Premier ministre
    israélien Benyamin Netanyahou".

    The NER merged the end of a title into the name; the words go only when at least two
    capitalised non-common words follow. Returns the new start and the title word met.
    """
    i, title = start, None
    while i < end and (
        _is_common_word(doc[i]) or doc[i].lower_ in _DETERMINERS or fold(doc[i].text) in _TITLES
    ):
        if fold(doc[i].text) in _TITLES:
            title = title or doc[i].text
        i += 1
    if i > start and _looks_like_full_name(doc[i:end]):
        return i, title
    return start, None


def _title_before(doc: Doc, start: int) -> str | None:
    """A title just before a name, e.g. "M." or "général", or "ministre russe" (title + ADJ)."""
    for back in (1, 2):
        i = start - back
        if i < 0 or "\n" in doc[i].text:
            return None
        if fold(doc[i].text) in _TITLES:
            return doc[i].text
        if doc[i].pos_ != "ADJ":
            return None
    return None


def doc_text(doc: Doc) -> str:
    """The Doc's text, read once per document: ``Doc.text`` re-joins every token on each access,
    and the rules read it once per candidate."""
    text = doc.user_data.get("corpus_text")
    if text is None:
        text = doc.user_data["corpus_text"] = doc.text
    return text


def seed_text(doc: Doc, text: str) -> None:
    """Give ``doc_text`` the string the Doc was made from (spaCy keeps it exactly), sparing
    the join over every token."""
    last = doc[-1] if len(doc) else None
    if (last.idx + len(last.text_with_ws) if last is not None else 0) == len(text):
        doc.user_data["corpus_text"] = text


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, read once per document: the rules scan tokens many times, and each
    ``doc[i]`` builds a new Token object. The lexical flags spaCy derives from the text
    (``is_alpha``, ``is_lower``, ``lower_``) are the same ``str`` methods, so the rules can test
    the strings directly."""
    texts = doc.user_data.get("corpus_tokens")
    if texts is None:
        from spacy.attrs import ORTH

        strings = doc.vocab.strings  # a token's ORTH is its text: a lookup, no slicing
        texts = doc.user_data["corpus_tokens"] = [strings[h] for h in doc.to_array(ORTH).tolist()]
    return texts


def _char_bounds(doc: Doc, cand: _Cand) -> tuple[int, int]:
    """Character offsets of a candidate, trailing quotes/dots trimmed ("Fa..." -> "Fa").

    Memoised per document on the token range: the rules ask ~10 times per candidate.
    """
    memo = doc.user_data.setdefault("corpus_bounds", {})
    key = (cand.start, cand.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _trimmed_bounds(doc, cand.start, cand.end)
    return found


def _trimmed_bounds(doc: Doc, first: int, stop: int) -> tuple[int, int]:
    last = doc[stop - 1]
    start, end = doc[first].idx, last.idx + len(last.text)
    text = doc_text(doc)
    while end > start and text[end - 1] in _EDGE_CHARS:
        if text[end - 1] == "." and re.search(r"(^|[\s.])[A-Z]\.$", text[start:end]):
            break  # keep initials and abbreviations: "U.S.", "James N."
        end -= 1
    while start < end and text[start] in _EDGE_CHARS:
        start += 1
    return start, end


# --------------------------------------------------------------------------- filters


def _is_sentence_initial(doc: Doc, i: int) -> bool:
    """First word of a sentence, line, or after an opening quote or colon."""
    if i == 0 or doc[i].is_sent_start:
        return True
    prev = doc[i - 1]
    return "\n" in prev.text or prev.text in ("«", '"', "“", ":", "-", "—", "•")


def _is_junk(doc: Doc, cand: _Cand, text: str, stop: frozenset[str]) -> bool:
    """Mentions that are no entity: chrome, common words, lowercase or letterless spans."""
    if cand.gaz is not None:
        return False
    head = text[3:] if text.startswith(("de ", "d'")) and cand.label == "PER" else text
    if len(text) < 2 or not any(c.isalpha() for c in text) or not head[:1].isupper():
        return True
    words = fold(text).split()
    raw = text.split()
    if all(w in stop or w in _TITLES or w in _TITLE_MODIFIERS for w in words) or (
        len(raw) > 1
        and fold(raw[0]) in _TITLES | _TITLE_MODIFIERS
        and all(fold(r) in _TITLES or fold(r) in _TITLE_MODIFIERS or r.islower() for r in raw)
    ):
        return True  # chrome, or a function alone: "Premier ministre", "Vice-président"
    if cand.end - cand.start != 1:
        first = doc[cand.start]
        # A sentence or heading starting with a verb/determiner: "Réajuster les budgets".
        return _is_sentence_initial(doc, cand.start) and first.pos_ in ("VERB", "DET", "ADP", "AUX")
    tok = doc[cand.start]
    if _is_sentence_initial(doc, cand.start) and tok.pos_ in _CLOSED_POS and tok.pos_ != "PROPN":
        return True
    if tok.text.isupper() and len(tok.text) <= 5:
        return False  # acronym: "AFP", "FDS"
    # Capitalised common word ("Santé", "Détenus", "la Défense", "les Européens"):
    # a person only with support (title, full name in the document), handled by caller.
    return _is_common_word(tok) and cand.label != "PER"


# --------------------------------------------------------------------------- person names


def _name_tokens(name: str) -> list[str]:
    """Folded tokens of a person's name without initials and particles (for matching)."""
    return list(_name_tokens_of(name))


@lru_cache(maxsize=65536)  # asked several times per candidate, and names repeat
def _name_tokens_of(name: str) -> tuple[str, ...]:
    return tuple(
        t
        for t in fold(name).replace(".", ". ").split()
        if not _INITIAL.match(t) and t not in _NAME_PARTICLES
    )


def _pretty(text: str) -> str:
    """Display form of a surface name: single spaces; ALL-CAPS words title-cased ("MATTIS")."""
    words = text.split()
    return " ".join(w.title() if w.isupper() and len(w) > 3 else w for w in words)


def _person_names(doc: Doc, cands: list[_Cand]) -> None:
    """Give each PER candidate the fullest name of the same person in the document.

    A short form ("Mattis", "M. Lavrov") takes the full name whose last word(s) it matches,
    unless two different full names end that way (then it keeps its own text).
    """
    gaz = gazetteer()
    full: list[tuple[list[str], str]] = []
    counts = Counter(_pretty(_cand_text(doc, c)) for c in cands if c.label == "PER")
    for c in cands:
        if c.label == "PER":
            text = _pretty(_cand_text(doc, c))
            if len(_name_tokens(text)) >= 2:
                full.append((_name_tokens(text), text))
    for c in cands:
        if c.label != "PER":
            continue
        text = _pretty(_cand_text(doc, c))
        toks = _name_tokens(text)
        matches = [(ft, fn) for ft, fn in full if toks and ft[-len(toks) :] == toks]
        if len(toks) >= 2:
            matches = [
                (ft, fn)
                for ft, fn in matches
                if _person_key(ft, gaz) == _person_key(toks, gaz) or len(ft) > len(toks)
            ]
        people = {_person_key(ft, gaz) for ft, _ in matches}
        if len(people) == 1:
            c.name = max((fn for _, fn in matches), key=lambda n: (len(n.split()), counts[n], n))
        else:
            c.name = text


def _cand_text(doc: Doc, cand: _Cand) -> str:
    start, end = _char_bounds(doc, cand)
    return doc_text(doc)[start:end]


# --------------------------------------------------------------------------- extraction


def _initial_candidates(doc: Doc, paragraphs: Sequence[Paragraph]) -> list[_Cand]:
    """doc.ents split at breaks, trimmed, looked up in the gazetteer."""
    gaz = gazetteer()
    out = []
    for ent in doc.ents:
        entry = _gaz_entry(ent.ent_id_, ent.text, gaz)
        for start, end in _pieces(ent, paragraphs):
            label = ent.label_ if ent.label_ in TYPES else "MISC"
            end = _extend_hyphenated(doc, end)
            start, end, title = _trim(
                doc, start, end, label, entry is not None and ent.ent_id_ != ""
            )
            if start >= end:
                continue
            if label == "PER" and entry is None:
                start = _take_particle(doc, start, title)
            while (
                entry is None
                and end - start > 1
                and doc[start].is_lower
                and doc[start].lower_ in _TYPE_CUES
                and doc[start + 1].text[:1].isupper()
            ):
                start += 1  # "cyclone Chido": the cue noun is no part of the name
            if title and entry is None and _looks_like_full_name(doc[start:end]):
                label = "PER"  # "ministre russe des Affaires étrangères Sergei Lavrov"
            cand = _Cand(start, end, label, title=title or _title_before(doc, start))
            cand.gaz = gaz.lookup(doc[start:end].text)
            out.append(cand)
    return out


def _take_particle(doc: Doc, start: int, title: str | None) -> int:
    """Keep the particle of "général de Gaulle", "M. de Villepin": a lowercase "de"/"d'"
    between a title and a capitalised surname belongs to the name."""
    if start >= 2 and doc[start - 1].lower_ in ("de", "d'") and doc[start].text[:1].isupper():
        before = doc[start - 2]
        if fold(before.text) in _TITLES and (title is None or fold(title) == fold(before.text)):
            return start - 1
    return start


_HYPHEN_CLITICS = frozenset(
    {"-t-il", "-t-elle", "-il", "-elle", "-ils", "-on", "-là", "-ci", "-ce"}
)


def _extend_hyphenated(doc: Doc, end: int) -> int:
    """Take in a glued hyphenated tail the NER left out: "Kim Jong" + "-un"."""
    while end + 1 < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text == "-":
        tail = doc[end + 1]
        if doc[end].whitespace_ or not tail.is_alpha or "-" + tail.lower_ in _HYPHEN_CLITICS:
            break
        end += 2
    return end


def _looks_like_full_name(span: Span) -> bool:
    """Two or more capitalised words, none a French common word: "Sergei Lavrov"."""
    words = [t for t in span if not t.is_punct]
    particles = [t for t in words[1:] if t.lower_ in _NAME_LINKS]
    core = [t for t in words if t not in particles]
    return len(core) >= 2 and all(t.text[:1].isupper() and not _is_common_word(t) for t in core)


def _gaz_entry(ent_id: str, text: str, gaz) -> GazEntry | None:
    """The gazetteer entry of a ruler span (by id) or of any span (by folded text)."""
    if ent_id:
        for entry in (gaz.lookup(text),):
            if entry is not None and entry.id == ent_id:
                return entry
    return gaz.lookup(text)


def _retype(doc: Doc, cands: list[_Cand]) -> None:
    """Fix types: gazetteer type wins; a title or a known person's name makes a PER."""
    people: set[str] = set()
    for c in cands:
        if c.label == "PER" and c.gaz is None:
            toks = _name_tokens(_cand_text(doc, c))
            if len(toks) >= 2:
                people.add(" ".join(toks))
                people.add(toks[-1])
    mixed_case = {
        fold(_cand_text(doc, c)): c.label for c in cands if not _cand_text(doc, c).isupper()
    }
    for c in cands:
        if c.gaz is not None:
            c.label = c.gaz.type
            continue
        text = _cand_text(doc, c)
        if text.isupper() and fold(text) in mixed_case:  # "MESEBERG" typed like "Meseberg"
            c.label = mixed_case[fold(text)]
        key = " ".join(_name_tokens(_cand_text(doc, c)))
        if key in people or (c.title and fold(c.title) in _PERSON_TITLES):
            c.label = "PER"


def _supported_person(doc: Doc, cand: _Cand, people: set[str]) -> bool:
    """A single common-word PER ("Borne") stands only with a title or a full name in the doc."""
    key = " ".join(_name_tokens(_cand_text(doc, cand)))
    return bool(cand.title) or key in people


def _recover_surnames(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Occurrences of a known person's surname the NER missed ("MATTIS", "Mattis a dit")."""
    surnames = {}
    for c in cands:
        if c.label == "PER":
            toks = _cand_text(doc, c).split()
            if len(toks) >= 2:
                surnames[fold(toks[-1])] = True
    covered = {i for c in cands for i in range(c.start, c.end)}
    out = []
    for i, text in enumerate(token_texts(doc)):
        if i in covered or not text[:1].isupper() or fold(text) not in surnames:
            continue
        out.append(_Cand(i, i + 1, "PER", title=_title_before(doc, i), recovered=True))
    return out


def _merge_split_names(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Re-join a first name the NER cut off a known person ("Jim" MISC + "Mattis" PER)."""
    people = _full_person_keys(doc, cands)
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and c.label == "PER" and prev.gaz is None and prev.end == c.start:
            # the first name may be only the tail of the previous span ("Défense Jim" + "Mattis")
            for k in range(prev.start, prev.end):
                if " ".join(_name_tokens(doc[k : c.end].text)) in people:
                    head = doc[prev.start : k]
                    out.pop()
                    if len(head) and not all(_is_common_word(t) for t in head):
                        out.append(_Cand(prev.start, k, prev.label, title=prev.title))
                    out.append(_Cand(k, c.end, "PER", title=prev.title or c.title))
                    break
            else:
                out.append(c)
            continue
        out.append(c)
    return out


def _acronyms(doc: Doc, cands: list[_Cand]) -> tuple[list[_Cand], dict[str, str]]:
    """Acronyms defined in the text, "Forces démocratiques syriennes (FDS)": add and map them."""
    by_end = {doc[c.end - 1].idx + len(doc[c.end - 1].text): c for c in cands}
    covered = {i for c in cands for i in range(c.start, c.end)}
    expansions: dict[str, str] = {}
    added: list[_Cand] = []
    for end, cand in by_end.items():
        m = _ACRONYM_DEF.match(doc_text(doc), end)
        if not m or cand.label == "PER":
            continue
        acr = m.group(1)
        long_name = cand.gaz.canonical if cand.gaz else _cand_text(doc, cand)
        if not _initials_match(acr, long_name) and cand.gaz is None:
            continue
        expansions[fold(acr)] = long_name
        span = doc.char_span(m.start(1), m.end(1))
        if span is not None and not covered & set(range(span.start, span.end)):
            added.append(_Cand(span.start, span.end, cand.label, gaz=cand.gaz, recovered=True))
    return added, expansions


def _initials_match(acronym: str, name: str) -> bool:
    """'FDS' fits 'Forces démocratiques syriennes' (initials of the words, articles skipped)."""
    letters = "".join(
        w[0]
        for w in fold(name).replace("'", " ").split()
        if w not in _DETERMINERS and w not in {"l", "d"}
    )
    acr = fold(acronym).replace(".", "").replace("-", "")
    return bool(letters) and (letters == acr or letters.startswith(acr) and len(acr) >= 3)


def _dedupe(cands: list[_Cand]) -> list[_Cand]:
    """Drop overlapping candidates, keeping gazetteer hits, then the longer span."""
    ordered = sorted(cands, key=lambda c: (c.gaz is None, -(c.end - c.start), c.start))
    taken: set[int] = set()
    kept = []
    for c in ordered:
        span = set(range(c.start, c.end))
        if span & taken:
            continue
        taken |= span
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


# --------------------------------------------------------------------------- form and context rules

# A lowercase noun just before a name tells its type: "l'opération Barkhane", "le constructeur
# Boeing", "la chanteuse Aya Nakamura". One adjective may sit between ("le porte-avions
# français Charles-de-Gaulle"). LOC cues also work through "de": "la région de Belgorod".
_WORK_CUES = frozenset(
    [
        "film",
        "roman",
        "livre",
        "album",
        "série",
        "chanson",
        "documentaire",
        "ouvrage",
        "essai",
        "émission",
        "opéra",
        "tableau",
        "pièce",
        "spectacle",
        "mémoires",
        "autobiographie",
        "exposition",
    ]
)
_TYPE_CUES: dict[str, str] = {
    **dict.fromkeys(
        [
            "opération",
            "opérations",
            "exercice",
            "exercices",
            "porte-avions",
            "porte-hélicoptères",
            "frégate",
            "frégates",
            "sous-marin",
            "sous-marins",
            "navire",
            "destroyer",
            "corvette",
            "missile",
            "missiles",
            "char",
            "chars",
            "avion",
            "avions",
            "chasseur",
            "chasseurs",
            "drone",
            "drones",
            "hélicoptère",
            "hélicoptères",
            "satellite",
            "fusée",
            "lanceur",
            "traité",
            *_WORK_CUES,  # titles of works are MISC too
            "films",
            "logiciel",
            "application",
            "smartphone",
            "modèle",
            "cyclone",
            "ouragan",
            "typhon",
            "tempête",
            "tournoi",
        ],
        "MISC",
    ),
    **dict.fromkeys(
        [
            "groupe",
            "société",
            "entreprise",
            "constructeur",
            "compagnie",
            "firme",
            "fabricant",
            "club",
            "parti",
            "syndicat",
            "journal",
            "quotidien",
            "hebdomadaire",
            "magazine",
            "chaîne",
            "radio",
            "agence",
            "banque",
            "start-up",
            "association",
            "ong",
            "fondation",
            "institut",
            "université",
            "équipe",
            "opérateur",
            "géant",
            "laboratoire",
            "assureur",
            "distributeur",
            "coalition",
            "milice",
            "mouvement",
            "usine",
        ],
        "ORG",
    ),
    **dict.fromkeys(
        [
            "chanteur",
            "chanteuse",
            "acteur",
            "actrice",
            "comédien",
            "comédienne",
            "écrivain",
            "écrivaine",
            "romancier",
            "romancière",
            "réalisateur",
            "réalisatrice",
            "cinéaste",
            "joueur",
            "joueuse",
            "entraîneur",
            "sélectionneur",
            "footballeur",
            "footballeuse",
            "attaquant",
            "milieu",
            "défenseur",
            "gardien",
            "pilote",
            "cycliste",
            "tennisman",
            "tenniswoman",
            "rappeur",
            "rappeuse",
            "artiste",
            "peintre",
            "philosophe",
            "journaliste",
            "avocat",
            "avocate",
            "procureur",
            "procureure",
            "opposant",
            "opposante",
            "dissident",
            "dissidente",
            "militante",
            "militant",
            "fondateur",
            "fondatrice",
            "patron",
            "patronne",
            "pdg",
            "directeur",
            "directrice",
            "dirigeant",
            "dirigeante",
            "chef",
            "cheffe",
        ],
        "PER",
    ),
    **dict.fromkeys(
        [
            "ville",
            "village",
            "commune",
            "région",
            "département",
            "province",
            "île",
            "fleuve",
            "rivière",
            "lac",
            "mont",
            "quartier",
            "localité",
            "bourgade",
            "capitale",
            "préfecture",
            "port",
        ],
        "LOC",
    ),
}
# First word of a multi-word name that makes it an organisation: "Conseil constitutionnel",
# "Cour de cassation", "Fonds monétaire international", "Parti socialiste".
_ORG_HEADS = frozenset(
    fold(w)
    for w in [
        "Conseil",
        "Cour",
        "Tribunal",
        "Assemblée",
        "Ministère",
        "Banque",
        "Fonds",
        "Parti",
        "Agence",
        "Comité",
        "Office",
        "Institut",
        "Université",
        "Académie",
        "Stade",
        "Olympique",
        "Racing",
        "Association",
        "Syndicat",
        "Front",
        "Mouvement",
        "Rassemblement",
        "Autorité",
        "Direction",
        "Commissariat",
        "Haut-Commissariat",
        "Société",
        "Compagnie",
        "Groupe",
        "Organisation",
        "Fédération",
        "Confédération",
        "Caisse",
        "Gendarmerie",
        "Police",
        "Armée",
        "Forces",
        "Garde",
        "Service",
        "Parlement",
        "Chambre",
        "Sénat",
        "Commission",
        "Club",
        "École",
        "Fondation",
        "Laboratoire",
        "Brigade",
        "Régiment",
        "Division",
        "Bataillon",
        "Escadron",
    ]
)
_MINISTRY_HEADS = frozenset({"ministère", "secrétariat"})
_COORD = frozenset({"et", "ou"})


def _common_lower(tok: Token) -> bool:
    """The token, lowercased, is a French common word (for text in capitals)."""
    lexicon = _lexicon()
    if lexicon is None:
        return False
    lower = tok.text.lower()
    forms = {lower, strip_accents(lower)}
    if len(lower) > 3 and lower[-1] in "sx":
        forms |= {lower[:-1], strip_accents(lower[:-1])}
    return bool(forms & lexicon) or lower in _DETERMINERS


def _in_caps_line(doc: Doc, i: int) -> bool:
    """Token ``i`` sits in a line written in capitals (a headline)."""
    text, idx = doc_text(doc), doc[i].idx
    begin = text.rfind("\n", 0, idx) + 1
    end = text.find("\n", idx)
    line = text[begin : end if end >= 0 else len(text)]
    if line != line.upper():  # a lowercase letter: not a headline (C-speed rejection)
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 12 and all(c.isupper() for c in letters)


def _split_caps(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """In a headline in capitals the NER tags words at random ("FRANCE SUSPEND", "AVEC"):
    keep only the runs of words that are no French common word."""
    out: list[_Cand] = []
    mixed: set[str] | None = None
    for c in cands:
        if c.gaz is None and mixed is None and _in_caps_line(doc, c.start):
            mixed = {fold(m.group()) for m in re.finditer(r"\b[A-ZÀ-Ý][a-zà-ÿ]+\b", doc_text(doc))}
        if c.gaz is not None or not _in_caps_line(doc, c.start):
            out.append(c)
            continue
        run_start = None
        for i in range(c.start, c.end + 1):
            keep = i < c.end and doc[i].is_alpha and not _common_lower(doc[i])
            if keep and run_start is None:
                run_start = i
            elif not keep and run_start is not None:
                if _caps_supported(doc, run_start, i, c.label, mixed):
                    out.append(_Cand(run_start, i, c.label, title=c.title))
                run_start = None
    return out


def _caps_supported(doc: Doc, start: int, end: int, label: str, mixed: set[str]) -> bool:
    """A word run of a headline in capitals stands as a name if written in mixed case
    elsewhere in the document, if it is a short acronym, or if the NER calls it a person."""
    text = doc[start:end].text
    return fold(text) in mixed or label == "PER" or (end - start == 1 and len(text) <= 5)


def _split_coordination(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Cut a span at "et"/"ou" followed by a lowercase word ("LFI et les écologistes"), and
    at "de" followed by a person's full name ("Rassemblement national de Marine Le Pen")."""
    out = []
    for c in cands:
        if c.gaz is not None or c.end - c.start < 3:
            out.append(c)
            continue
        for k in range(c.start + 1, c.end - 1):
            tok, nxt = doc[k], doc[k + 1]
            if tok.lower_ in _COORD and nxt.text[:1].islower():
                end = k
                while end > c.start and _is_edge_junk(doc[end - 1], c.label, False):
                    end -= 1
                if end > c.start:
                    out.append(_Cand(c.start, end, c.label, title=c.title))
                break
            if tok.lower_ in ("de", "d'", "du") and c.label != "PER":
                tail = _first_name_run(doc, k + 1)
                if tail is not None and tail >= c.end:
                    out.append(_Cand(c.start, k, c.label, title=c.title))
                    out.append(_Cand(k + 1, c.end, "PER"))
                    break
        else:
            out.append(c)
    return out


def _word_end(doc: Doc, i: int) -> int:
    """End (exclusive) of the hyphenated word starting at token ``i``: "Jean" "-" "Yves"."""
    texts = token_texts(doc)
    j = i + 1
    while (
        j + 1 < len(texts)
        and texts[j] == "-"
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and texts[j + 1].isalpha()
    ):
        j += 2
    return j


def _first_name_run(doc: Doc, i: int, strict: bool = True) -> int | None:
    """End of "Prénom Nom [Nom]" starting at token ``i``, or None.

    The first word is a known given name; then come capitalised words, with name links
    ("de", "von der", "Le") in between. ``strict`` (finding a name the NER missed): no word
    may be a French common word; else (typing a span the NER found) surnames that are also
    common words pass ("Albert Camus", "Élisabeth Borne").
    """
    first_names = gazetteer().first_names
    texts = token_texts(doc)  # the first test runs on most capitalised words: strings only
    if i >= len(texts) or not texts[i][:1].isupper() or not texts[i].isalpha():
        return None
    j = _word_end(doc, i)
    if fold(texts[i] if j == i + 1 else doc[i:j].text) not in first_names:
        return None
    end = None
    while j < len(doc):
        tok = doc[j]
        if tok.lower_ in _NAME_LINKS and j + 1 < len(doc) and doc[j + 1].text[:1].isupper():
            j += 1
            continue
        if not (tok.is_alpha and tok.text[:1].isupper()) or (
            strict and _is_common_word(tok) and not tok.text.isupper()
        ):
            break
        if fold(tok.text) in _TITLES:
            break
        j = _word_end(doc, j)
        end = j
    return end


def _cue_type(doc: Doc, start: int) -> str | None:
    """Type told by the lowercase noun just before a name ("le constructeur Boeing")."""
    j = start - 1
    # one adjective between: "le porte-avions français Charles-de-Gaulle"
    if j >= 1 and doc[j].pos_ == "ADJ" and doc[j].is_lower and doc[j - 1].lower_ in _TYPE_CUES:
        j -= 1
    if j < 0 or "\n" in doc[j].text:
        return None
    word = doc[j].lower_
    if word in ("de", "d'", "du") and j >= 1 and _TYPE_CUES.get(doc[j - 1].lower_) == "LOC":
        return "LOC"
    if not doc[j].is_lower:
        return None
    return _TYPE_CUES.get(word)


def _retype_by_form(doc: Doc, cands: list[_Cand]) -> None:
    """Types from the form and context of a name the NER got wrong (gazetteer hits kept):

    * a cue noun before it: "l'exercice Steadfast Defender" MISC, "le constructeur X" ORG;
    * a known given name first: "Albert Camus", "Recep Tayyip Erdogan" PER;
    * an institutional head word: "Conseil constitutionnel", "Cour de cassation" ORG;
    * an acronym the NER calls MISC is an organisation: "CNC", "FNSEA".
    """
    for c in cands:
        if c.gaz is not None or (c.title and fold(c.title) in _PERSON_TITLES):
            continue
        text = _cand_text(doc, c)
        words = text.split()
        cue = _cue_type(doc, c.start)
        if cue is not None:
            if cue != "PER" or _looks_like_name_span(doc, c):
                c.label = cue
            continue
        if (
            c.label != "PER"
            and len(words) >= 2
            and _first_name_run(doc, c.start, strict=False) == c.end
        ):
            c.label = "PER"
        elif (
            len(words) >= 2
            and fold(words[0]) in _ORG_HEADS
            and words[0][:1].isupper()
            or c.label == "MISC"
            and _is_acronym(text)
            and text.isalpha()
        ):
            c.label = "ORG"


def _looks_like_name_span(doc: Doc, c: _Cand) -> bool:
    """Every word of the span is capitalised: it may be a person's name."""
    return all(t.text[:1].isupper() for t in doc[c.start : c.end] if t.is_alpha)


def _join_hyphen_compounds(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """A gazetteer word glued into a hyphenated name is no entity of its own: "Loire" in
    "Loire-Atlantique", "Bordeaux" in "Bordeaux-Bègles"; the whole compound is the name."""
    out = []
    for c in cands:
        if c.gaz is None:
            out.append(c)
            continue
        start, end = c.start, c.end
        while (
            start >= 2
            and doc[start - 1].text == "-"
            and not doc[start - 1].whitespace_
            and not doc[start - 2].whitespace_
            and doc[start - 2].text[:1].isupper()
        ):
            start -= 2
        end = _word_end(doc, end - 1) if end - 1 < len(doc) else end
        if (start, end) != (c.start, c.end) and doc[end - 1].text[:1].isupper():
            out.append(_Cand(start, end, c.label, title=c.title))
        else:
            out.append(c)
    # drop what now lies inside a compound
    spans = [(c.start, c.end) for c in out if c.gaz is None]
    return [
        c
        for c in out
        if not (
            c.gaz is not None
            and any(s <= c.start and c.end <= e and (s, e) != (c.start, c.end) for s, e in spans)
        )
    ]


def _rule_candidates(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Names the NER missed, found by their form:

    * "Prénom Nom" with a known given name ("Nancy Pelosi" even where "Nancy" is a city);
    * ministries: "ministère de l'Intérieur", "ministère des Affaires étrangères";
    * titles of works in quotes after a cue noun: le film « Anatomie d'une chute ».
    """
    covered = {i: c for c in cands for i in range(c.start, c.end)}
    out: list[_Cand] = []
    drop: set[int] = set()
    texts = token_texts(doc)
    i = 0
    while i < len(texts):
        text = texts[i]
        lower = text.lower()
        prev = texts[i - 1] if i >= 1 else ""
        end = None
        label = ""
        if lower in _MINISTRY_HEADS:
            end, label = _ministry_end(doc, i), "ORG"
        elif text == "«" and i >= 1 and prev.lower() in _WORK_CUES:
            end, label = _quoted_title_end(doc, i), "TITLE"
        elif (
            i >= 1
            and i not in covered
            and text.isalpha()
            and text[:1].isupper()
            and not text.isupper()
            and prev.islower()
            and _TYPE_CUES.get(prev.lower()) in ("MISC", "ORG")
            and not _in_caps_line(doc, i)
        ):
            # "l'opération Barkhane", "le cyclone Chido", "le journal Libération": a
            # capitalised word mid-sentence right after a cue noun is a name of that type
            end, label = _capitalised_run(doc, i, covered), _TYPE_CUES[prev.lower()]
        elif text[:1].isupper() and (i not in covered or covered[i].label != "PER"):
            end, label = _first_name_run(doc, i), "PER"
            if end is not None:
                inside = {id(covered[k]) for k in range(i, end) if k in covered}
                others = [c for c in cands if id(c) in inside]
                # NER pieces inside the name ("Kamel" LOC) and a lone city that is also a
                # given name ("Nancy") give way; a longer name or another gazetteer hit wins
                if any(
                    c.start < i
                    or c.end > end
                    or (c.gaz is not None and (c.start != i or c.end != _word_end(doc, i)))
                    for c in others
                ):
                    end = None
                else:
                    drop |= inside
        if end is not None and end > i:
            if label == "TITLE":  # the title within its quotes
                out.append(_Cand(i + 1, end - 1, "MISC", recovered=True))
            else:
                out.append(_Cand(i, end, label, recovered=True))
            i = end
            continue
        i += 1
    kept = [c for c in cands if id(c) not in drop]
    return kept + out


def _capitalised_run(doc: Doc, i: int, covered: dict) -> int:
    """End of the capitalised (or hyphen-glued) words from ``i`` not taken by another name."""
    j = _word_end(doc, i)
    while j < len(doc) and j not in covered and doc[j].is_alpha and doc[j].text[:1].isupper():
        j = _word_end(doc, j)
    return j


def _ministry_end(doc: Doc, i: int) -> int | None:
    """End of "ministère de l'Intérieur", "ministère de l'Europe et des Affaires étrangères"."""
    j = i + 1
    end = None
    while j < len(doc):
        if doc[j].lower_ in ("de", "des", "du", "d'"):
            j += 1
            if j < len(doc) and doc[j].lower_ in ("la", "l'"):
                j += 1
        else:
            break
        if j >= len(doc) or not doc[j].text[:1].isupper() or not doc[j].is_alpha:
            break
        j = _word_end(doc, j)
        while j < len(doc) and doc[j].is_lower and doc[j].pos_ == "ADJ":
            j += 1
        end = j
        if (
            j + 1 < len(doc)
            and doc[j].lower_ == "et"
            and doc[j + 1].lower_ in ("de", "des", "du", "d'")
        ):
            j += 1
            continue
        break
    return end


def _quoted_title_end(doc: Doc, i: int) -> int | None:
    """End (after the closing quote) of a short capitalised title in « » quotes."""
    for j in range(i + 1, min(i + 12, len(doc))):
        if doc[j].text == "»":
            inner = doc[i + 1 : j]
            if (
                len(inner)
                and inner[0].text[:1].isupper()
                and not any(t.pos_ in ("VERB", "AUX", "PRON") for t in inner)
            ):
                return j + 1
            return None
    return None


def extract_mentions(doc: Doc, paragraphs: Sequence[Paragraph] | None = None) -> list[Mention]:
    """Cleaned, typed mentions of ``doc`` (= nlp(clean_text)), each named within the document.

    Args:
        doc: the spaCy Doc of the normalised text (pipeline set up by :func:`configure_nlp`).
        paragraphs: the normalised text's paragraphs; mentions never cross their boundaries.
            Defaults to the text's line blocks.

    Returns:
        Mentions in text order; ``name`` is the fullest form of the entity in this document
        (gazetteer canonical name for known places and organisations).
    """
    paras = list(paragraphs) if paragraphs else _paragraphs_from_text(doc_text(doc))
    gaz = gazetteer()
    cands = _split_caps(doc, _initial_candidates(doc, paras))
    cands = [c for c in cands if not _is_junk(doc, c, _cand_text(doc, c), gaz.stopwords)]
    cands = _split_coordination(doc, _join_hyphen_compounds(doc, cands))
    cands = _rule_candidates(doc, cands)
    _retype_by_form(doc, cands)
    _retype(doc, cands)
    people = _full_person_keys(doc, cands)
    cands = [
        c
        for c in cands
        if not (
            c.label == "PER"
            and c.end - c.start == 1
            and _is_common_word(doc[c.start])
            and not _supported_person(doc, c, people)
        )
    ]
    cands = _merge_split_names(doc, _dedupe(cands + _recover_surnames(doc, cands)))
    added, expansions = _acronyms(doc, cands)
    cands = _dedupe(cands + added)
    _retype(doc, cands)
    _person_names(doc, cands)
    return [_to_mention(doc, c, expansions) for c in cands if c.end > c.start]


def _full_person_keys(doc: Doc, cands: list[_Cand]) -> set[str]:
    """Folded full names and surnames of the multi-word persons of the document."""
    keys = set()
    for c in cands:
        toks = _name_tokens(_cand_text(doc, c))
        if c.label == "PER" and len(toks) >= 2:
            keys.update({" ".join(toks), toks[-1]})
    return keys


def _to_mention(doc: Doc, cand: _Cand, expansions: dict[str, str]) -> Mention:
    """Freeze a candidate into a Mention with its in-document name."""
    start, end = _char_bounds(doc, cand)
    text = doc_text(doc)[start:end]
    if cand.gaz is not None:
        name = cand.gaz.canonical
    elif cand.label == "PER":
        name = cand.name or _pretty(text)
    else:
        name = expansions.get(fold(text), " ".join(text.split()))
    return Mention(start=start, end=end, text=text, type=cand.label, name=name, title=cand.title)


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


def _person_key(tokens: list[str], gaz=None) -> str:
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
            toks = _name_tokens(name)
            if len(toks) >= 2:
                groups[("PER", _person_key(toks, gaz))].append(rec)
            else:
                pending_surnames.append(rec)
        elif _is_acronym(name):
            pending_acronyms.append(rec)
        else:
            groups[("NAME", fold(name))].append(rec)
    _attach_surnames(groups, pending_surnames, gaz)
    _attach_acronyms(groups, pending_acronyms)
    return _entities_from_groups(groups, gaz)


def _is_acronym(name: str) -> bool:
    return 2 <= len(name.replace(".", "")) <= 8 and name.replace(".", "").replace("-", "").isupper()


def _attach_surnames(groups, pending, gaz) -> None:
    """A bare surname joins the one full-name person ending with it; else it is its own entity."""
    by_last: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for gkey in groups:
        if gkey[0] == "PER":
            by_last[gkey[1].split()[-1]].add(gkey)
    for rec in pending:
        toks = _name_tokens(rec[0])
        key = _person_key(toks, gaz)
        owners = by_last.get(key, set()) if key else set()
        target = next(iter(owners)) if len(owners) == 1 else ("PER", key or fold(rec[0]))
        groups[target].append(rec)


def _attach_acronyms(groups, pending) -> None:
    """An unknown acronym joins the unique same-type name whose initials it spells."""
    names = [(g, recs) for g, recs in groups.items() if g[0] == "NAME"]
    for rec in pending:
        name, typ, _n = rec
        fits = [
            g for g, recs in names if any(r[1] == typ for r in recs) and _initials_match(name, recs[0][0])
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
                counts[_pretty(" ".join(name.split()))] += n
            typ = sorted(
                types.items(), key=lambda tc: (-tc[1], TYPES.index(tc[0]) if tc[0] in TYPES else 9)
            )[0][0]
            name = max(counts, key=lambda n: _well_formed_score(n, counts[n]))
            key = _display_key(name, gaz) if typ == "PER" else fold(name)
            ent = CanonicalEntity(id=f"{typ}:{slugify(key)}", name=name, type=typ, key=gkey[1])
        for name, typ, _n in recs:
            out[(name, typ)] = ent
    return out


def _display_key(name: str, gaz) -> str:
    """Readable id part of a person: folded name, nickname expanded, initials dropped."""
    toks = _name_tokens(name)
    if len(toks) >= 2:
        toks = [gaz.nicknames.get(toks[0], toks[0]), *toks[1:]]
    return " ".join(toks)
