"""Who speaks: the subject of a reporting verb, resolved to a mention of the document.

A name is its mention. A pronoun ("il", "-t-elle") is the last person named before it outside
quotes. A definite description ("le porte-parole américain", "le secrétaire", "ce diplomate")
is the last person the article gave that function to (a title before the name, an apposition
after it), when its qualifiers agree; an indefinite one ("un diplomate européen") or one no
named person fits stays a description with no mention: a speaker is never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from mattis_corpus.lexicons import entries
from mattis_corpus.nlp.entities.lexicon import person_titles, title_modifiers, titles
from mattis_corpus.nlp.quotes.context import PERSON, Context
from mattis_corpus.textutil import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEAKER_TYPES = (PERSON, "ORG")
SINGULAR_PRONOUNS = ("il", "elle", "lui")
PRONOUNS = ("il", "elle", "lui", "ils", "elles", "eux", "on")
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
QUE = ("que", "qu'", "qu")  # a complement clause starts: its subject is not the verb's
RELATIVE = ("qui", "que", "dont", "lequel", "laquelle", "lesquels", "lesquelles")
PERSON_SUFFIXES = ("eur", "euse", "rice", "iste", "ier", "iere", "aire", "ien", "ienne")
ARTICLES = ("le", "la", "l'")  # a demonstrative ("ce diplomate") points back to a description
RECENT_SPEAKER = 600  # characters back to the quotation whose speaker a description may repeat
DEFINITE = ("le", "la", "l'", "les", "ce", "cet", "cette", "ces")
ROLE_WINDOW = 8  # tokens read around a name for the functions the article gives it
ROLE_POS = ("NOUN", "ADJ", "PROPN")
NON_DISTINCTIVE = frozenset({"nouveau", "nouvel", "nouvelle", "actuel", "actuelle"})


class Speaker(NamedTuple):
    """The words naming the speaker and the mention they resolve to (None: unnamed)."""

    text: str
    mention: int | None


def subject_speaker(ctx: Context, verb: Token) -> Speaker | None:
    """The subject of ``verb`` (or of the clause it hangs from: "…, dénonçant une «…»")."""
    tok: Token | None = verb
    for _ in range(3):
        if tok is None:
            return None
        for child in tok.children:
            if _clitic_subject(child) or (child.dep_ in SUBJECT_DEPS and _own_subject(ctx, verb, child)):
                return token_speaker(ctx, child)
        if tok.dep_ not in ("conj", "advcl", "xcomp", "acl", "parataxis") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _own_subject(ctx: Context, verb: Token, subj: Token) -> bool:
    """A subject the parser gave the verb that is not its own: a quotation, or the subject of
    the "que" clause after it ("a expliqué qu'il ne croyait plus…")."""
    if ctx.quoted(subj.idx):
        return False
    if subj.i > verb.i:
        return not any(fold(t.text) in QUE for t in verb.doc[verb.i + 1: subj.i])
    return True


def sentence_subject(ctx: Context, verb: Token) -> Speaker | None:
    """The first noun phrase of the verb's sentence outside prepositional phrases and quotes:
    the subject the parser failed to attach ("Un manifestant venu de X, qui…, a expliqué")."""
    s_start, _ = ctx.sentence(verb.idx)
    for t in ctx.tokens(s_start, verb.idx):
        nominal = t.pos_ in ("NOUN", "PROPN", "PRON") or (
            t.pos_ == "VERB" and t.i and t.doc[t.i - 1].dep_ == "det")  # "Un manifestant" mis-tagged
        if ctx.quoted(t.idx) or not nominal or fold(t.text) in RELATIVE:
            continue
        if any(c.dep_ == "case" for c in t.children) or t.dep_ in ("obl", "obl:mod", "nmod", "obj"):
            continue
        return token_speaker(ctx, t)
    return None


def _clitic_subject(tok: Token) -> bool:
    """The inverted pronoun of "a-t-il dit", "estime-t-elle"."""
    return tok.text.startswith("-") and fold(tok.text.lstrip("-")) in PRONOUNS


def inverted_speaker(ctx: Context, verb: Token, limit: int) -> Speaker | None:
    """The subject written after the verb of an incise ("…», a déclaré jeudi M. Mattis"): a
    clitic pronoun, else the first person named before ``limit`` (appositions included: "un
    porte-parole, Eric Pahon"), else the first noun phrase not governed by a preposition."""
    nxt = [t for t in verb.doc[verb.i + 1: verb.i + 3]]
    for t in [*verb.doc[max(verb.i - 3, 0): verb.i], *nxt]:
        if _clitic_subject(t):
            return pronoun_speaker(ctx, t)
    span = [t for t in ctx.tokens(verb.idx + len(verb.text), limit)]
    stop = next((k for k, t in enumerate(span) if t.text in (".", ";", ":", "?", "!")
                 or ctx.quoted(t.idx) or fold(t.text) in QUE), len(span))
    span = span[:stop]
    named = _named_in(ctx, span)
    if named is not None:
        return named
    for k, t in enumerate(span):
        if t.text == ",":
            break
        if t.pos_ in ("NOUN", "PROPN", "PRON") and not _governed(span, k):
            return token_speaker(ctx, t, after_quote=True)
    return None


def _governed(span: Sequence[Token], k: int) -> bool:
    """True when the noun at ``span[k]`` sits in a prepositional phrase ("à l'AFP", "jeudi")."""
    t = span[k]
    if any(c.dep_ == "case" for c in t.children):
        return True
    return t.ent_type_ == "" and t.pos_ == "NOUN" and t.dep_ in ("obl", "obl:mod", "nmod")


def token_speaker(ctx: Context, tok: Token, after_quote: bool = False) -> Speaker:
    """The speaker a subject token designates (a name, a pronoun or a description);
    ``after_quote``: it is the inverted subject of an incise ("», a confié la joueuse")."""
    m = ctx.mention_at(tok.idx)
    if m is not None and (ctx.is_person(m) or ctx.mentions[m].type in SPEAKER_TYPES[1:]):
        return Speaker(_mention_text(ctx, m), m)
    if tok.pos_ == "PRON" or fold(tok.text.lstrip("-")) in PRONOUNS:
        return pronoun_speaker(ctx, tok)
    phrase = _noun_phrase(tok)
    named = _named_in(ctx, phrase) or _named_in(ctx, _title_run(tok)) or _apposition(ctx, phrase[-1])
    if named is not None:
        return named
    text = ctx.text[phrase[0].idx: phrase[-1].idx + len(phrase[-1].text)]
    return Speaker(text, description_mention(ctx, tok, phrase, after_quote))


def phrase_speaker(ctx: Context, tokens: Sequence[Token]) -> Speaker | None:
    """The speaker a run of words names ("selon le secrétaire d'Etat Rex Tillerson", "un
    porte-parole du Pentagone, Eric Pahon"): a person named in it, else its first noun."""
    named = _named_in(ctx, tokens)
    if named is not None:
        return named
    head = next((t for t in tokens if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    return token_speaker(ctx, head) if head is not None else None


def _named_in(ctx: Context, tokens: Sequence[Token]) -> Speaker | None:
    for t in tokens:
        m = ctx.person_at(t.idx)
        if m is not None:
            return Speaker(_mention_text(ctx, m), m)
    return None


def _title_run(tok: Token) -> list[Token]:
    """The words after a function noun up to the verb or a punctuation mark: where the name
    of "le sénateur Bernard Cazeneuve", "la ministre des Armées Florence Parly" stands."""
    run = []
    for t in tok.doc[tok.i + 1: tok.i + 1 + ROLE_WINDOW]:
        if (t.is_punct and t.text != "-") or t.pos_ in ("VERB", "AUX"):
            break  # "-" of "lieutenant-colonel" split by the tokenizer
        run.append(t)
    return run


def _apposition(ctx: Context, last: Token) -> Speaker | None:
    """"Le chef de la diplomatie syrienne, Walid Moualem, a…": the name after the comma that
    closes the description (its complements may lie outside the parsed phrase)."""
    doc = last.doc
    for t in doc[last.i + 1: last.i + 1 + ROLE_WINDOW]:
        if t.text == ",":  # ", Walid Moualem," or ", le général Jean-Pierre Bosser,"
            return _named_in(ctx, _until_punct(doc[t.i + 1: t.i + 5]))
        if t.pos_ in ("VERB", "AUX") or t.is_punct or ctx.quoted(t.idx):
            return None
    return None


def _until_punct(tokens: Sequence[Token]) -> list[Token]:
    out = []
    for t in tokens:
        if t.is_punct:
            break
        out.append(t)
    return out


_PHRASE_CUT = ("acl", "acl:relcl", "advcl", "obl", "obl:mod", "obl:arg", "appos", "punct", "conj",
               "cc", "nummod", "case", "mark")
_OF = ("de", "d'", "du", "des", "à", "au", "aux")


def _noun_phrase(tok: Token) -> list[Token]:
    """The noun phrase headed by ``tok``: determiners, adjectives and "de"/"à" complements
    ("le chef de la diplomatie syrienne", "le secrétaire à la Défense"), never a relative or
    participial clause, a circumstance ("sur Twitter") or what follows a comma."""
    keep = {tok.i}
    for child in tok.children:
        if child.dep_ in _PHRASE_CUT:
            continue
        if child.dep_ == "nmod" and not any(fold(c.text) in _OF for c in child.children
                                            if c.dep_ == "case"):
            continue
        keep.update(t.i for t in child.subtree)
    words = sorted(i for i in keep if abs(i - tok.i) <= ROLE_WINDOW)
    doc = tok.doc
    start = words[0]
    end = next((i for i in words if i > tok.i and doc[i].text == ","), words[-1] + 1)
    phrase = [doc[i] for i in range(start, end) if i in keep]
    while phrase and phrase[-1].is_punct:
        phrase.pop()
    return phrase or [tok]


def _mention_text(ctx: Context, m: int) -> str:
    mention = ctx.mentions[m]
    return f"{mention.title} {mention.text}" if mention.title else mention.text


def pronoun_speaker(ctx: Context, tok: Token) -> Speaker:
    """A singular pronoun is the last person named before it outside quotes; a plural or an
    indefinite one ("ils", "on") names nobody in particular."""
    word = fold(tok.text.lstrip("-"))
    text = tok.text.lstrip("-")
    if word not in SINGULAR_PRONOUNS:
        return Speaker(text, None)
    for i in range(len(ctx.mentions) - 1, -1, -1):
        m = ctx.mentions[i]
        if m.start < tok.idx and ctx.is_person(i) and not ctx.quoted(m.start):
            return Speaker(text, i)
    return Speaker(text, None)


def description_mention(ctx: Context, head: Token, phrase: Sequence[Token],
                        after_quote: bool = False) -> int | None:
    """The person a definite description designates, or None (indefinite, or nobody fits).

    The head noun must be one of the person's functions in the article; an adjective of the
    description ("américain") rules out a person the article qualifies with other adjectives
    only ("le président russe"), a name in it ("du RN") a person never tied to that name; the
    person with most qualifiers in common, then the latest, wins.
    """
    det = next((t for t in phrase if t.dep_ == "det"), None)
    if det is None or fold(det.text) not in DEFINITE or head.pos_ != "NOUN":
        return None
    noun = fold(head.lemma_)
    qualifiers = {fold(t.lemma_) for t in phrase
                  if t.i != head.i and t.pos_ in ROLE_POS} - _modifiers()
    adjectives = {fold(t.lemma_) for t in phrase if t.pos_ == "ADJ"} - _modifiers()
    names = {fold(t.lemma_) for t in phrase if t.i != head.i and t.pos_ == "PROPN"
             and t.text[:1].isupper() and not ctx.quoted(t.idx)}
    roles = _roles(ctx)
    best, best_score = None, -1
    for i, m in enumerate(ctx.mentions):
        if m.start >= head.idx or not ctx.is_person(i) or ctx.quoted(m.start):
            continue
        words = roles.get(m.name, set())
        if noun not in words:
            continue
        score = len(qualifiers & words)
        adjs = _role_adjectives(ctx).get(m.name, set())
        if adjectives and adjs and not adjectives & adjs:
            continue  # "le président américain" is not "le président russe Vladimir Poutine"
        if names - words:
            continue  # "le président du RN" is not a president the article never tied to the RN
        if score >= best_score:
            best, best_score = i, score
    if best is None and after_quote and fold(det.text) in ARTICLES:
        best = _previous_speaker(ctx, head, noun)
    return best


def _previous_speaker(ctx: Context, head: Token, noun: str) -> int | None:
    """"« … », a confié la joueuse": a description the article never gave anyone, in the
    incise of a quote that follows a named person's quotation, is that person again, unless the description is a title
    ("le président américain") and the article gave the person another one ("le général")."""
    spoken = [(at, m) for at, m in ctx.spoken if at < head.idx and head.idx - at <= RECENT_SPEAKER]
    if not spoken or not _person_noun(noun, fold(head.text)):
        return None
    m = spoken[-1][1]
    titles = _titles()
    known = (_roles(ctx).get(ctx.mentions[m].name, set()) & titles) - _civilities()
    if noun in titles and known and noun not in known:
        return None
    return m


def _person_noun(noun: str, form: str) -> bool:
    """A noun that names a person ("la joueuse", "l'officier", "le garde des Sceaux"), not an
    institution ("la préfecture", "le ministère"): a title, a person cue of the entity rules,
    or a person-noun suffix."""
    return (noun in _titles() or noun in _person_cues() or form in _person_cues()
            or noun.endswith(PERSON_SUFFIXES))


@cache
def _person_cues() -> frozenset[str]:
    """The PER cue nouns of ``type_cues_fr.txt`` ("chef", "joueuse", "réalisateur")."""
    pairs = (e.rsplit(" ", 1) for e in entries("type_cues_fr"))
    return frozenset(fold(noun) for noun, kind in pairs if kind == PERSON)


_titles, _civilities = titles, person_titles  # the entity rules' own lists, read once


@cache
def _modifiers() -> frozenset[str]:
    """Adjectives that qualify any function and tell no one apart ("ancien", "premier")."""
    return title_modifiers() | NON_DISTINCTIVE


def _roles(ctx: Context) -> dict[str, set[str]]:
    """For each person's name in the document, the words of the functions the article gives
    it: the title before a mention ("le secrétaire à la Défense James Mattis") and the
    apposition after it ("Eric Pahon, porte-parole du Pentagone")."""
    cached = getattr(ctx, "_roles_cache", None)
    if cached is not None:
        return cached
    roles: dict[str, set[str]] = {}
    for i, m in enumerate(ctx.mentions):
        if not ctx.is_person(i):
            continue
        words = roles.setdefault(m.name, set())
        if m.title:
            words.add(fold(m.title))
        words.update(fold(t.lemma_) for t in _around(ctx, m.start, m.end))
    ctx._roles_cache = roles  # type: ignore[attr-defined]
    return roles


def _role_adjectives(ctx: Context) -> dict[str, set[str]]:
    """The adjectives among each person's function words ("russe", "américain")."""
    cached = getattr(ctx, "_adjectives_cache", None)
    if cached is None:
        cached = {}
        for i, m in enumerate(ctx.mentions):
            if ctx.is_person(i):
                cached.setdefault(m.name, set()).update(
                    fold(t.lemma_) for t in _around(ctx, m.start, m.end) if t.pos_ == "ADJ")
        ctx._adjectives_cache = cached  # type: ignore[attr-defined]
    return cached


def _around(ctx: Context, start: int, end: int) -> list[Token]:
    """The nouns and adjectives of the title before a mention and of the apposition after."""
    first, last = ctx.token_at(start), ctx.token_at(max(end - 1, start))
    if first is None or last is None:
        return []
    doc, out = first.doc, []
    before = list(doc[max(first.i - ROLE_WINDOW, 0): first.i])
    if before and before[-1].text == ",":
        before.pop()
    for t in reversed(before):
        if t.pos_ in ("VERB", "AUX") or t.is_punct or "\n" in t.text_with_ws:
            break
        if t.pos_ in ROLE_POS:
            out.append(t)
    after = list(doc[last.i + 1: last.i + 1 + ROLE_WINDOW])
    if after and after[0].text == ",":
        for t in after[1:]:
            if t.pos_ in ("VERB", "AUX") or t.is_punct:
                break
            if t.pos_ in ROLE_POS:
                out.append(t)
    return out
