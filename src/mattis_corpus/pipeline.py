"""The whole flow: load → normalise → NLP → store, streaming one document at a time.

Unchanged files (same content hash) are skipped before spaCy is even imported, so re-ingesting a
corpus costs a hash per file. Each document is stored in its own transaction: a crash or a bad
file never leaves half a document behind, and never spoils the others.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BadInputError, CorpusError
from .models import CleanDoc, Published, RawDoc
from .normalise import clean as clean_text
from .published import resolve as resolve_published
from .sources import iter_paths, read_raw
from .store import Store

Progress = Callable[[str, int | None], None]  # (event, total) — "start"/"advance"


@dataclass
class IngestReport:
    """What an ingest run did, per document id."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)  # {"path", "error"}
    warnings: list[dict] = field(default_factory=list)  # {"path", "warning"}

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class _Job:
    raw: RawDoc
    clean: CleanDoc
    existed: bool


TITLE_WORDS = 14


def prepare(raw: RawDoc) -> CleanDoc:
    """Normalise a raw document; sidecar metadata overrides the title found on the page.

    A page without a title line (the lede comes first) gets the start of its first sentence as
    title, so listings stay readable; it is not inserted into the text.
    """
    cleaned = clean_text(raw.text)
    if raw.meta.get("title"):
        cleaned = dataclasses.replace(cleaned, title=raw.meta["title"])
    elif not cleaned.title and cleaned.paragraphs:
        cleaned = dataclasses.replace(cleaned, title=lede_title(cleaned))
    return cleaned


def lede_title(cleaned: CleanDoc) -> str:
    """The first sentence of the first paragraph, cut at a word boundary."""
    first = cleaned.paragraphs[0]
    para = cleaned.text[first.start:first.end]
    sentence = re.split(r"(?<=[.!?»])\s+(?=[A-ZÉÈÀÂ«])", para, maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    force: bool = False,
    workers: int = 1,
    model: str | None = None,
    batch_size: int = 16,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest ``.txt`` files into ``store``; see the module docstring for the guarantees.

    Raises:
        BadInputError: a path that does not exist, or no ``.txt`` file at all.
    """
    files = list(iter_paths(paths))
    if not files:
        raise BadInputError(
            "no .txt files found in " + ", ".join(str(p) for p in paths) + " (corpus reads *.txt)"
        )
    report = IngestReport()
    if progress:
        progress("start", len(files))
    jobs = _jobs(files, store, force, report, progress)
    first = next(jobs, None)
    if first is not None:
        from .nlp import DEFAULT_MODEL, analyse, load_nlp, pipe
        from .temporal import tag_dates

        nlp = load_nlp(model or DEFAULT_MODEL)
        items = ((job.clean.text, job) for job in itertools.chain([first], jobs))
        for doc, job in pipe(nlp, items, batch_size=batch_size, workers=workers):
            try:
                published = _published(job, tag_dates)
                ann = analyse(doc, job.clean.paragraphs, published.value)
                with store.transaction():
                    store.write_document(job.raw, job.clean, published, ann)
            except CorpusError as e:
                report.failed.append({"path": str(job.raw.path), "error": str(e)})
            else:
                (report.updated if job.existed else report.added).append(job.raw.id)
            if progress:
                progress("advance", None)
    if report.added or report.updated:
        refresh_entities(store)
    return report


def _published(job: _Job, tag_dates: Callable) -> Published:
    absolute = [t for t in tag_dates(job.clean.text, None) if not t.relative]
    return resolve_published(job.raw.meta, job.clean, absolute)


def _jobs(
    files: list[Path], store: Store, force: bool, report: IngestReport, progress: Progress | None
) -> Iterator[_Job]:
    """Read and normalise each file that needs the NLP; record the others in ``report``."""
    for path in files:
        try:
            raw = read_raw(path)
        except BadInputError as e:
            report.failed.append({"path": str(path), "error": str(e)})
            if progress:
                progress("advance", None)
            continue
        for w in raw.warnings:
            report.warnings.append({"path": str(path), "warning": w})
        stored = store.stored(raw.id)
        if stored is not None and stored.sha256 == raw.sha256 and not force:
            report.unchanged.append(raw.id)
            if progress:
                progress("advance", None)
            continue
        try:
            cleaned = prepare(raw)
        except Exception as e:  # a normaliser bug must not spoil the run
            report.failed.append({"path": str(path), "error": f"normalisation failed: {e}"})
            continue
        if not cleaned.text.strip():
            report.failed.append({"path": str(path), "error": "no article text left after cleaning"})
            continue
        yield _Job(raw, cleaned, stored is not None)


def refresh_entities(store: Store) -> None:
    """Recompute canonical entities over the whole store (cross-document merging)."""
    from .entities import resolve_entities

    mapping = resolve_entities(list(store.mention_records()))
    with store.transaction():
        store.replace_entities(mapping)
