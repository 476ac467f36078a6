"""Reading the word lists of ``mattis_corpus/data/``: one entry per line, ``#`` lines are the
header (what the list is for, where it came from) or comments. Every stage's lexicons come
through here, so a list is data, never code."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt`` in file order, comments and blank lines skipped."""
    text = resources.files("mattis_corpus").joinpath("data", f"{name}.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def alternation(name: str) -> str:
    """The entries of ``data/<name>.txt`` as one regex alternation, longest first (so "getty
    images" is tried before "getty")."""
    import re

    return "|".join(re.escape(e) for e in sorted(entries(name), key=len, reverse=True))
