"""Small record types passed between the pipeline stages.

load (RawDoc) -> normalise (CleanDoc) -> NLP (Mention, Timex, Event) -> store -> query (dicts).
Offsets are always character offsets into ``CleanDoc.text`` (the normalised text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pathlib costs query commands ~5 ms of imports
    from pathlib import Path


@dataclass(frozen=True)
class RawDoc:
    """One article file as read from disk, before any cleaning."""

    id: str
    path: Path
    text: str
    encoding: str
    sha256: str
    meta: dict = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    # What the page or record itself declares (HTML metadata, an export's fields): title,
    # published, published_source, updated, author, site, url, language, description, extra.
    # The sidecar ``meta`` overrides it.
    page: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Paragraph:
    """A block of the normalised text: ``kind`` is title, heading, caption or body."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Dateline:
    """A date printed by the page itself, with whether it belongs to the article."""

    text: str
    value: str | None  # ISO at its precision: 2018, 2018-12, 2018-12-20
    precision: str | None  # year | month | day
    furniture: bool  # True: a "today's date" widget or similar, not the publication date


@dataclass(frozen=True)
class CleanDoc:
    """The article after normalisation: clean text split into typed paragraphs."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None
    dateline: Dateline | None
    removed: tuple[str, ...] = ()  # the chrome lines dropped, for debugging
    updated: Dateline | None = None  # the page's "Mis à jour" date, when it shows one
    warnings: tuple[str, ...] = ()  # what the cleaning doubted (e.g. a rule that backed off)
    language: str | None = None  # ISO 639-1 ("fr"), declared by the page or detected; None: unknown


@dataclass(frozen=True)
class Timex:
    """A temporal expression (ISO-TimeML TIMEX3) found in the text."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # 2017-01-12, 2017-01, 2017-SU, P2Y, PRESENT_REF, XXXX-04 ...
    precision: str | None  # day | month | year | season | quarter | week | decade | century | time | None
    interval_start: str | None = None  # YYYY-MM-DD, when the value is a resolved calendar date
    interval_end: str | None = None
    relative: bool = False  # True when the value depended on the anchor (publication date)
    mod: str | None = None  # START | END | MID | APPROX ...


@dataclass(frozen=True)
class Mention:
    """An entity mention: a span of the text, typed, with its name within its document."""

    start: int
    end: int
    text: str
    type: str  # PER | LOC | ORG | MISC
    name: str  # the fullest name for this entity within the document ("Mattis" -> "James Mattis")
    title: str | None = None  # honorific or function kept out of the span: "M.", "général"


@dataclass(frozen=True)
class Published:
    """A publication date with its precision and where it came from."""

    value: str | None
    precision: str | None
    source: str | None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Event:
    """One dated clause: when, what (predicate), who/where (mentions in the clause).

    ``date_source`` is "text" when a date written in the sentence dates it (``timex_index``
    names it), "published" for the lede dated by the document's publication date (no timex)."""

    timex_index: int | None  # index into the document's timex list; None when "published"
    sentence_index: int
    predicate: str | None
    summary: str
    mention_indexes: tuple[int, ...]  # indexes into the document's mention list
    date_source: str = "text"


@dataclass(frozen=True)
class Quote:
    """A reported statement: its span, kind (direct | partial | indirect), reporting verb and
    speaker (``speaker_mention`` indexes the document's mentions; None when unnamed)."""

    start: int
    end: int
    text: str
    kind: str
    verb: str | None
    speaker_text: str | None
    speaker_mention: int | None = None


@dataclass
class Annotation:
    """Everything the NLP stage learned about one document."""

    sentences: list[Sentence]
    mentions: list[Mention]
    timexes: list[Timex]
    events: list[Event]
    quotes: list[Quote] = field(default_factory=list)
