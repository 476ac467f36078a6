"""French search analysis shared by indexing and querying, plus the query language.

Python's sqlite3 cannot register FTS5 tokenizers, so text is analysed here and the FTS5
column stores the analysed terms separated by spaces. Queries go through the very same
chain, so index and query can never disagree:

    words (letters/digits; hyphen parts split) -> drop elisions (l', d', qu'...) ->
    lowercase + fold accents/ligatures -> Snowball French stem (with a tiny exception table)

Stems are computed from the *folded* word, so ``etat`` and ``État`` always give the same
term; the few French suffixes whose Snowball rules need an accent (-ée, -ité, -ière) are
re-accented before stemming. The store should record ``ANALYSIS_VERSION`` and re-index
when it changes.

Kept cheap to import (query commands use it): only ``re``, ``functools`` and ``typing``;
the stemmer is imported on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple

from mattis_corpus.errors import QuerySyntaxError
from mattis_corpus.french import APOSTROPHES
from mattis_corpus.textutil import strip_accents

ANALYSIS_VERSION = "fr-snowball-fold-1"
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 64
MAX_QUERY_DEPTH = 8  # nested parentheses; also keeps the recursive parser shallow

# A word: letters/digits (plus combining accents of decomposed input). U+02BC is a letter
# for Unicode but an apostrophe for French typists, so it separates words.
_WORD_RE = re.compile(r"[^\W_\u02bc](?:[^\W_\u02bc]|[\u0300-\u036f])*")
_APOSTROPHES = frozenset(APOSTROPHES)
ELISIONS = frozenset({"l", "d", "qu", "n", "s", "j", "c", "m", "t", "jusqu", "lorsqu", "puisqu"})
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
# Snowball French keys several suffixes on their accent; folding loses it, so put it back.
_REACCENT = (
    (re.compile(r"ee(s?)$"), r"ée\1"),
    (re.compile(r"ite(s?)$"), r"ité\1"),
    (re.compile(r"iere(s?)$"), r"ière\1"),
)
# Proper nouns that Snowball would merge with common words (Mali -> "mal", France ->
# "franc" = francs/franche, Amérique -> "amer"): kept whole. Folded forms.
_PROTECTED = frozenset({"mali", "france", "amerique"})
# Bare query words that are dropped from an AND list (never from the index, phrases, OR
# operands or exclusions): with implicit AND, "la démission de Mattis" would otherwise
# require "la" and "de" and miss "Mattis explique sa démission". Terms (analysed forms).
QUERY_STOPWORDS = frozenset({"le", "la", "de", "du", "un", "une", "et", "en", "a", "au", "aux"})


# NamedTuples, not dataclasses: three frozen dataclasses cost query commands ~2 ms to create.
class Term(NamedTuple):
    """One analysed term and the character span of the surface word it came from."""

    term: str
    start: int
    end: int


class CompiledQuery(NamedTuple):
    """A parsed query: the FTS5 MATCH string plus what mark/snippet/kwic need to highlight."""

    match: str
    positive_terms: frozenset[str]
    prefixes: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]


# --------------------------------------------------------------------------- analysis


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    """Import Snowball lazily: ~30 ms of imports that `import analysis` should not pay."""
    import snowballstemmer

    return snowballstemmer.stemmer("french").stemWord


def fold_word(word: str) -> str:
    """Lowercase, accent- and ligature-free form of one word (what prefixes compare to)."""
    return strip_accents(word).casefold().translate(_LIGATURES)


@lru_cache(maxsize=200_000)
def term_of(word: str) -> str:
    """The index term of one surface word; a pure function of ``fold_word(word)``."""
    folded = fold_word(word)
    if folded in _PROTECTED or any(c.isdigit() for c in folded):
        return folded
    for pattern, repl in _REACCENT:
        folded = pattern.sub(repl, folded)
    return strip_accents(_stemmer()(folded))


def _words(text: str) -> Iterator[tuple[str, int, int]]:
    """Surface words with offsets, elided articles/pronouns (l', qu'...) dropped."""
    n = len(text)
    for m in _WORD_RE.finditer(text):
        start, end = m.span()
        if end < n and text[end] in _APOSTROPHES and m.group().casefold() in ELISIONS:
            continue
        yield m.group(), start, end


def analyse(text: str) -> list[Term]:
    """Analyse text into terms with the offsets of their surface words (index = query)."""
    return [Term(term_of(w), s, e) for w, s, e in _words(text)]


# A word and the apostrophe right after it, if any: ``index_text`` drops elisions without
# a Python call per match (``findall`` returns plain tuples), ~2× faster than ``_words``.
# Built from _WORD_RE and _APOSTROPHES (one definition of a word); compiled on first use.
_WORD_APOS = f"({_WORD_RE.pattern})([{re.escape(''.join(sorted(_APOSTROPHES)))}]?)"


def index_text(text: str) -> str:
    """The analysed terms joined by spaces: what goes into the FTS5 column.

    Same words as ``_words`` (the ingest hot path: every body and sentence goes through here).
    """
    return " ".join(
        [term_of(w) for w, apos in re.findall(_WORD_APOS, text)
         if not apos or w.casefold() not in ELISIONS]
    )


# --------------------------------------------------------------------------- query lexer

_TOKEN_RE = re.compile(r'"|\(|\)|[^\s"()]+')
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class _Tok(NamedTuple):
    kind: str  # WORD, PHRASE, OR, LPAREN, RPAREN, NEG
    text: str = ""


def _lex(query: str) -> list[_Tok]:
    """Split the query into words, quoted phrases, OR, parentheses and '-' markers ("AND" and
    "NOT", in capitals, as other search engines write them: implicit, and '-')."""
    toks: list[_Tok] = []
    pos = 0
    n = len(query)
    while pos < n:
        m = _TOKEN_RE.search(query, pos)
        if not m:
            break
        tok, pos = m.group(), m.end()
        if tok == '"':
            close = query.find('"', pos)
            if close < 0:
                raise QuerySyntaxError(
                    'unbalanced quote: close the phrase with a second " (e.g. "forces spéciales")'
                )
            toks.append(_Tok("PHRASE", query[pos:close]))
            pos = close + 1
        elif tok == "(":
            toks.append(_Tok("LPAREN"))
        elif tok == ")":
            toks.append(_Tok("RPAREN"))
        elif tok == "OR":
            toks.append(_Tok("OR"))
        elif tok == "AND":  # what search engines write between words: all must match anyway
            continue
        elif tok == "NOT":  # the other engines' '-'
            toks.append(_Tok("NEG"))
        elif tok.startswith("-"):
            body = tok.lstrip("-")
            nxt = query[pos : pos + 1]
            if body:
                toks += [_Tok("NEG"), _Tok("WORD", body)]
            elif nxt in ('"', "("):
                toks.append(_Tok("NEG"))
            # a lone '-' (or '--') is punctuation: ignore it
        else:
            toks.append(_Tok("WORD", tok))
    return toks


def plain_words(query: str) -> bool:
    """Whether the query is two or more bare words, no operator, phrase or prefix in it (what
    ``kwic`` reads as one phrase). Raises QuerySyntaxError as compile_query would."""
    toks = _lex(query)
    return len(toks) > 1 and all(t.kind == "WORD" and not t.text.endswith("*") for t in toks)


# --------------------------------------------------------------------------- query parser
# AST nodes are tuples: ("atom", terms, is_prefix, quoted) | ("and", [pos], [neg]) |
# ("or", [nodes]).
# An atom with several terms is a phrase. Empty atoms (punctuation only) are None.

_Node = tuple


class _Parser:
    """Recursive descent: query := clause+ ; clause := unary (OR unary)* ; unary := [-] primary."""

    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.i = 0
        self.depth = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> _Node | None:
        node = self.sequence(top=True)
        if self.peek() is not None:  # only a stray ')' can stop the top-level sequence
            raise QuerySyntaxError("unbalanced parenthesis: remove the extra ')' or add a '('")
        return node

    def sequence(self, top: bool) -> _Node | None:
        pos: list[_Node] = []
        neg: list[_Node] = []
        while (tok := self.peek()) is not None and tok.kind != "RPAREN":
            negated, node = self.clause()
            if node is not None:
                (neg if negated else pos).append(node)
        if not pos and neg:
            where = "the query" if top else "a (group)"
            raise QuerySyntaxError(
                f"{where} only excludes words: add a word to search for, e.g. 'Mattis -Trump'"
            )
        if not pos:
            return None
        pos = _drop_stopwords(pos)
        if len(pos) == 1 and not neg:
            return pos[0]
        return ("and", pos, neg)

    def clause(self) -> tuple[bool, _Node | None]:
        if self.peek().kind == "OR":
            raise QuerySyntaxError("'OR' needs a word on both sides: write 'a OR b'")
        negated, first = self.unary()
        operands = [first]
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind in ("OR", "RPAREN"):
                raise QuerySyntaxError("'OR' needs a word on both sides: write 'a OR b'")
            neg2, node = self.unary()
            if negated or neg2:
                raise QuerySyntaxError(
                    "an excluded word cannot be an OR operand: write 'a OR b -c' to exclude c"
                )
            operands.append(node)
        if len(operands) == 1:
            return negated, first
        kept = [o for o in operands if o is not None]
        if not kept:
            return False, None
        return False, kept[0] if len(kept) == 1 else ("or", kept)

    def unary(self) -> tuple[bool, _Node | None]:
        negated = False
        if self.peek().kind == "NEG":
            self.take()
            negated = True
            if self.peek() is None or self.peek().kind not in ("WORD", "PHRASE", "LPAREN"):
                raise QuerySyntaxError(
                    "'-' must be followed by a word or phrase: write e.g. -Trump"
                )
        return negated, self.primary()

    def primary(self) -> _Node | None:
        tok = self.take()
        if tok.kind == "LPAREN":
            self.depth += 1
            if self.depth > MAX_QUERY_DEPTH:
                raise QuerySyntaxError(
                    f"parentheses nested deeper than {MAX_QUERY_DEPTH}: simplify the query"
                )
            node = self.sequence(top=False)
            if self.peek() is None:
                raise QuerySyntaxError("unbalanced parenthesis: add the missing ')'")
            self.take()
            self.depth -= 1
            return node
        if tok.kind == "RPAREN":  # pragma: no cover - sequence() stops before ')'
            raise QuerySyntaxError("unbalanced parenthesis: remove the extra ')'")
        if tok.kind == "PHRASE":
            terms = tuple(t.term for t in analyse(tok.text))
            return ("atom", terms, False, True) if terms else None
        return _word_atom(tok.text)


def _word_atom(word: str) -> _Node | None:
    """A typed word: analysed terms; with a trailing '*', the last part is a folded prefix."""
    prefix = word.endswith("*")
    word = word.rstrip("*")
    parts = [w for w, _, _ in _words(word)]
    if not parts:
        if prefix:
            raise QuerySyntaxError("'*' must follow the start of a word: write e.g. etat*")
        return None
    if not prefix:
        return ("atom", tuple(term_of(w) for w in parts), False, False)
    atom = ("atom", tuple(term_of(w) for w in parts[:-1]) + (fold_word(parts[-1]),), True, False)
    stem = term_of(parts[-1])
    if len(parts) > 1 or stem == atom[1][-1]:
        return atom
    # Index terms are stems, often shorter than the typed prefix: "militaire*" must also
    # find the term "militair" (militaire, militaires), so OR in the word's own stem.
    return ("or", [atom, ("atom", (stem,), False, False)])


def _is_stopword(node: _Node) -> bool:
    """A bare (unquoted, non-prefix) one-term word from the function-word list."""
    return (
        node[0] == "atom"
        and len(node[1]) == 1
        and not node[2]
        and not node[3]
        and (node[1][0] in QUERY_STOPWORDS)
    )


def _drop_stopwords(nodes: list[_Node]) -> list[_Node]:
    """Remove bare function words from an AND list, unless nothing else would remain."""
    kept = [n for n in nodes if not _is_stopword(n)]
    return kept or nodes


# --------------------------------------------------------------------------- compiling


def _literal(terms: tuple[str, ...]) -> str:
    """An FTS5 string literal: user text can only ever reach FTS5 inside double quotes."""
    return '"' + " ".join(terms).replace('"', '""') + '"'


def _to_fts(node: _Node) -> str:
    """Render an AST node as a fully parenthesised FTS5 expression."""
    kind = node[0]
    if kind == "atom":
        return _literal(node[1]) + ("*" if node[2] else "")
    if kind == "or":
        return "(" + " OR ".join(_to_fts(n) for n in node[1]) + ")"
    expr = " AND ".join(_to_fts(n) for n in node[1])
    if len(node[1]) > 1:
        expr = f"({expr})"
    for neg in node[2]:
        expr = f"({expr} NOT {_to_fts(neg)})"
    return expr


def _walk(node: _Node, positive: bool = True) -> Iterator[tuple[_Node, bool]]:
    """Yield every atom with whether it counts as a positive (highlightable) match."""
    if node[0] == "atom":
        yield node, positive
    elif node[0] == "or":
        for n in node[1]:
            yield from _walk(n, positive)
    else:
        for n in node[1]:
            yield from _walk(n, positive)
        for n in node[2]:
            yield from _walk(n, False)


def compile_query(query: str) -> CompiledQuery:
    """Parse the user query language into a safe FTS5 MATCH expression over analysed terms.

    Raises:
        QuerySyntaxError: one line saying what is wrong and how to fix it.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(
            f"query is {len(query)} characters long; the limit is {MAX_QUERY_CHARS}: shorten it"
        )
    query = _CONTROL_RE.sub(" ", query)
    if not query.strip():
        raise QuerySyntaxError("empty query: type at least one word, e.g. 'État islamique'")
    node = _Parser(_lex(query)).parse()
    if node is None:
        raise QuerySyntaxError(
            "the query has no searchable words (only punctuation?): use letters or digits"
        )
    atoms = list(_walk(node))
    n_terms = sum(len(a[1]) for a, _ in atoms)
    if n_terms > MAX_QUERY_TERMS:
        raise QuerySyntaxError(
            f"query has {n_terms} terms; the limit is {MAX_QUERY_TERMS}: remove some words"
        )
    terms: set[str] = set()
    prefixes: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for (_, atom_terms, is_prefix, _quoted), positive in atoms:
        if not positive:
            continue
        if is_prefix:
            prefixes.add(atom_terms[-1])
            terms.update(atom_terms[:-1])
        elif len(atom_terms) == 1:
            terms.add(atom_terms[0])
        elif atom_terms not in phrases:
            phrases.append(atom_terms)
    return CompiledQuery(_to_fts(node), frozenset(terms), frozenset(prefixes), tuple(phrases))


# --------------------------------------------------------------------------- highlighting


def _has_prefix(text: str, t: Term, query: CompiledQuery) -> bool:
    """True when the word or its term starts with a query prefix (FTS5 sees only the term)."""
    folded = fold_word(text[t.start : t.end])
    return any(folded.startswith(p) or t.term.startswith(p) for p in query.prefixes)


def _matched_runs(text: str, query: CompiledQuery) -> list[list[Term]]:
    """Matches as runs of words: one word for a term/prefix, consecutive words for a phrase."""
    found = analyse(text)
    runs: list[list[Term]] = []
    for t in found:
        if t.term in query.positive_terms or (query.prefixes and _has_prefix(text, t, query)):
            runs.append([t])
    seq = [t.term for t in found]
    for phrase in query.phrases:
        k = len(phrase)
        for i in range(len(seq) - k + 1):
            if tuple(seq[i : i + k]) == phrase:
                runs.append(found[i : i + k])
    runs.sort(key=lambda r: (r[0].start, -r[-1].end))
    return runs


def kwic_matches(text: str, query: CompiledQuery) -> list[tuple[int, int]]:
    """Character spans of the matches (a phrase is one span), sorted and non-overlapping."""
    spans: list[tuple[int, int]] = []
    for run in _matched_runs(text, query):
        start, end = run[0].start, run[-1].end
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _word_spans(text: str, query: CompiledQuery) -> list[tuple[int, int]]:
    """Spans of each matched word (phrases contribute each of their words)."""
    return sorted({(t.start, t.end) for run in _matched_runs(text, query) for t in run})


def _wrap(text: str, spans: list[tuple[int, int]], left: str, right: str, offset: int = 0) -> str:
    """Insert left/right around each span (spans are absolute; ``text`` starts at offset)."""
    out: list[str] = []
    pos = 0
    for s, e in spans:
        s, e = s - offset, e - offset
        if s < pos or e > len(text):
            continue
        out += [text[pos:s], left, text[s:e], right]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def mark(text: str, query: CompiledQuery, left: str = "[", right: str = "]") -> str:
    """The text with every matching word (term, prefix, or part of a phrase) wrapped."""
    return _wrap(text, _word_spans(text, query), left, right)


def _best_window(spans: list[tuple[int, int]], width: int, n: int) -> tuple[int, int]:
    """The [start, end) window of ``width`` holding the most matches, centred on them."""
    if not spans:
        return 0, min(n, width)
    best_i, best_j = 0, 0
    for i, (s, _) in enumerate(spans):
        j = i
        while j + 1 < len(spans) and spans[j + 1][1] - s <= width:
            j += 1
        if j - i > best_j - best_i:
            best_i, best_j = i, j
    first, last = spans[best_i][0], spans[best_j][1]
    start = max(0, first - max(0, width - (last - first)) // 2)
    end = min(n, start + width)
    return max(0, min(start, end - width)), end


_SPACES_RE = re.compile(r"\s+")


def snippet(
    text: str, query: CompiledQuery, width: int = 160, left: str = "[", right: str = "]"
) -> str:
    """A window of about ``width`` characters around the densest matches, marked, with '…'
    at cut ends. Cuts are moved to word boundaries and whitespace is collapsed so the
    snippet fits on one line."""
    spans = _word_spans(text, query)
    start, end = _best_window(spans, width, len(text))
    if start > 0 and not text[start - 1].isspace():  # do not start mid-word
        nxt = re.search(r"\s", text[start:end])
        new_start = start + nxt.end() if nxt else start
        if not any(s < new_start and e > start for s, e in spans):
            start = new_start
    if end < len(text) and not text[end].isspace():  # do not end mid-word
        cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
        if cut > start and not any(s < end and e > cut for s, e in spans):
            end = cut
    body = _wrap(text[start:end], spans, left, right, offset=start)
    body = _SPACES_RE.sub(" ", body).strip()
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")
