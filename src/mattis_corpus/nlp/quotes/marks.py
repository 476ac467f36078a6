"""Quoted spans: the text between quotation marks, found on characters alone.

French guillemets (« ») and curly quotes nest and may run over several paragraphs (French
typography reopens « at the start of each continued paragraph and closes » only at the end);
straight double quotes are paired within a paragraph. Only the outermost span of a nest is a
candidate quotation: inner quotes belong to it.
"""

from __future__ import annotations

from typing import NamedTuple

from mattis_corpus.french import CLOSING_QUOTES, OPENING_QUOTES

STRAIGHT = '"'


class Marked(NamedTuple):
    """A quoted span: ``open``/``close`` are the marks' offsets (``close`` may be the end of a
    paragraph left unclosed); ``start``/``end`` bound the text inside, spaces trimmed."""

    open: int
    close: int
    start: int
    end: int


def marked_spans(text: str) -> list[Marked]:
    """Outermost quoted spans of ``text`` in order; empty ones are dropped."""
    spans = _curly_spans(text)
    taken = [(s.open, s.close) for s in spans]
    spans += [s for s in _straight_spans(text) if not any(a <= s.open <= b for a, b in taken)]
    return sorted((s for s in spans if s.end > s.start), key=lambda s: s.open)


def _curly_spans(text: str) -> list[Marked]:
    """« » and “ ” spans with nesting; a paragraph ending inside a quote continues it only
    when the next paragraph opens with a quote mark (the French continuation convention)."""
    out: list[Marked] = []
    depth, start = 0, -1
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in OPENING_QUOTES:
            if depth == 0:
                start = i
            depth += 1
        elif c in CLOSING_QUOTES and depth:
            depth -= 1
            if depth == 0:
                out.append(between(text, start, i))
        elif c == "\n" and depth:
            nxt = _next_paragraph_start(text, i)
            if nxt < n and text[nxt] in OPENING_QUOTES:
                i = nxt + 1  # the reopening mark continues the same quote
                continue
            out.append(between(text, start, i))
            depth = 0
        i += 1
    if depth:
        out.append(between(text, start, n))
    return out


def _next_paragraph_start(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _straight_spans(text: str) -> list[Marked]:
    """Straight double quotes paired in order within each line."""
    out: list[Marked] = []
    offset = 0
    for line in text.split("\n"):
        marks = [offset + j for j, c in enumerate(line) if c == STRAIGHT]
        for a, b in zip(marks[::2], marks[1::2], strict=False):
            out.append(between(text, a, b))
        offset += len(line) + 1
    return out


def between(text: str, open_: int, close: int) -> Marked:
    """The span opened at ``open_`` and closed at ``close``, its text trimmed of spaces."""
    start, end = open_ + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Marked(open_, close, start, end)
