"""What the quotation rules read from one parsed document, indexed once: tokens by character,
sentences, mentions and the quoted spans (so a rule never re-scans the Doc)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mattis_corpus.models import Mention, Sentence
from mattis_corpus.nlp.quotes.marks import Marked

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSON = "PER"
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(?:la|le|les|l'|du|des) ?$", re.IGNORECASE)


@dataclass
class Context:
    """One document seen by the quotation rules."""

    doc: Doc
    text: str
    sentences: Sequence[Sentence]
    mentions: Sequence[Mention]
    marked: list[Marked]
    spoken: list[tuple[int, int]] = field(default_factory=list)  # (quote start, speaker mention)
    _token_starts: list[int] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)
    _mention_order: list[int] = field(default_factory=list)
    _mention_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._token_starts = [t.idx for t in self.doc]
        self._sent_starts = [s.start for s in self.sentences]
        self._mention_order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].start)
        self._mention_starts = [self.mentions[i].start for i in self._mention_order]

    def token_at(self, char: int) -> Token | None:
        """The token covering (or, in a space, following) character ``char``."""
        i = bisect_right(self._token_starts, char) - 1
        if i < 0:
            return self.doc[0] if len(self.doc) else None
        tok = self.doc[i]
        if char >= tok.idx + len(tok.text) and i + 1 < len(self.doc):
            return self.doc[i + 1]
        return tok

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens starting within ``[start, end)``."""
        lo = bisect_right(self._token_starts, start - 1)
        hi = bisect_right(self._token_starts, end - 1)
        return [self.doc[i] for i in range(lo, hi)]

    def sentence(self, char: int) -> tuple[int, int]:
        """Bounds of the sentence holding ``char`` (the whole text when there are none)."""
        i = bisect_right(self._sent_starts, char) - 1
        if i < 0 or not self.sentences:
            return 0, len(self.text)
        return self.sentences[i].start, self.sentences[i].end

    def paragraph(self, char: int) -> tuple[int, int]:
        """Bounds of the line (paragraph) holding ``char``."""
        start = self.text.rfind("\n", 0, char) + 1
        end = self.text.find("\n", char)
        return start, len(self.text) if end < 0 else end

    def mention_at(self, char: int) -> int | None:
        """Index of the mention covering ``char`` (mentions do not overlap)."""
        k = bisect_right(self._mention_starts, char) - 1
        if k >= 0:
            i = self._mention_order[k]
            if self.mentions[i].start <= char < self.mentions[i].end:
                return i
        return None

    def person_at(self, char: int) -> int | None:
        """Index of the person mention covering ``char``; a "person" right after an article
        is a mistyped common noun ("le président de la République"), not a name."""
        m = self.mention_at(char)
        return m if m is not None and self.is_person(m) else None

    def is_person(self, m: int) -> bool:
        """The ``m``-th mention names a person (see ``person_at``)."""
        mention = self.mentions[m]
        if mention.type != PERSON:
            return False
        return not _ARTICLE_BEFORE.search(self.text[max(0, mention.start - 5): mention.start])

    def quoted(self, char: int) -> bool:
        """True when ``char`` lies inside a quoted span (its marks included)."""
        return any(q.open <= char <= q.close for q in self.marked)
