"""The whole flow: load → normalise → NLP → store, streaming one document at a time.

Unchanged files (same content hash) are skipped before spaCy is even imported, so re-ingesting a
corpus costs a hash per file. Each document is stored atomically (its own SAVEPOINT inside a
transaction that groups a few dozen documents): a crash or a bad file never leaves half a
document behind, and never spoils the others. ``--workers N`` runs the NLP in N processes
while this one reads, cleans, dates and writes: with one worker too, so that our own steps
overlap with the model instead of adding to its time. With a core to spare, the workers only
parse and this process also runs our rules on the Docs they send back.
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mattis_corpus.errors import BadInputError, CorpusError
from mattis_corpus.ingest.document import prepare
from mattis_corpus.ingest.records import STDIN
from mattis_corpus.ingest.sources import (
    WalkIssues,
    display_path,
    iter_paths,
    read_items,
    same_source,
)
from mattis_corpus.models import Annotation, CleanDoc, Published, RawDoc
from mattis_corpus.store.db import Store

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from mattis_corpus.nlp.transport import PackedDoc

Progress = Callable[[str, int | None], None]  # (event, total): start, loading, analysing, advance


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
    published: Published  # decided once, before the NLP that takes it as its anchor
    existed: bool


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    force: bool = False,
    workers: int = 1,
    model: str | None = None,
    batch_size: int = 16,
    progress: Progress | None = None,
    rules_here: bool | None = None, follow_links: bool = False,
) -> IngestReport:
    """Ingest ``.txt`` files into ``store``; see the module docstring for the guarantees.

    ``rules_here`` places our rules: in this process, the workers only parsing (True), or in
    the workers (False); by default here when a core is left over (see ``_analysed``).

    Raises:
        BadInputError: a path that does not exist, or no ``.txt`` file at all.
    """
    files, report = _start_report(paths, follow_links, store)
    if progress:
        progress("start", len(files))
    workers = _capped_workers(workers, _documents_at_most(files), report)
    _count_page_lines(files, store, force)
    jobs = _jobs(files, store, force, report, progress)
    first = next(jobs, None)
    if first is not None:
        # Each commit brings the canonical entities up to date in the same transaction: a
        # killed or interrupted run leaves entities that match the documents it committed.
        with store.batches(before_commit=lambda: _refresh(store, if_stale=True)) as batches:
            results = _analysed(
                itertools.chain([first], jobs), model, batch_size, workers, rules_here,
                idle=batches.idle,
            )
            if progress:
                progress("loading", None)  # the model loads with the first batch
            for n, (job, ann, error) in enumerate(results):
                if progress and n == 0:
                    progress("analysing", None)
                if error is None:
                    try:
                        with batches.document():
                            store.write_document(job.raw, job.clean, job.published, ann)
                    except CorpusError as e:
                        error = str(e)
                if error is not None:
                    report.failed.append({"path": display_path(job.raw.path), "error": error})
                else:
                    (report.updated if job.existed else report.added).append(job.raw.id)
                if progress:
                    progress("advance", None)
    if store.entities_stale():  # a run killed by an older corpus, or a failed last commit
        refresh_entities(store)
    return report


def _start_report(
    paths: Iterable[str | Path], follow_links: bool, store: Store
) -> tuple[list[Path], IngestReport]:
    """The files to read, and the report as the run starts: what walking the paths found
    (unreadable folders are failures; links not followed, warnings) and a rebuilt index."""
    issues = WalkIssues()
    files = _input_files(paths, follow_links, issues)
    report = IngestReport()
    report.failed += [{"path": p, "error": e} for p, e in issues.failed]
    report.warnings += [{"path": p, "warning": w} for p, w in issues.warnings]
    if store.reindexed:
        report.warnings.append({"path": display_path(store.path or ":memory:"), "warning":
                                f"search index rebuilt with this corpus's text analysis "
                                f"({store.reindexed} documents)"})
    return files, report


def _documents_at_most(files: list[Path]) -> int | None:
    """How many documents the files can hold: one each, unless one holds records (or is
    standard input), then no bound is known."""
    from mattis_corpus.ingest.records import is_record_name

    if any(p is STDIN or is_record_name(p.name) for p in files):
        return None
    return len(files)


def _capped_workers(workers: int, files: int | None, report: IngestReport) -> int:
    """At most one worker per file and per CPU core: more only cost a model load each
    (~450 MiB) and a process; say so when the request is lowered."""
    if workers <= 0:  # the library's "everything in this process"
        return workers
    cores = os.cpu_count() or 1
    capped = max(1, min(workers, cores if files is None else files, cores))
    if capped < workers:
        why = f"{cores} CPU core(s)" if capped == cores else f"{files} file(s)"
        report.warnings.append({"path": "--workers", "warning":
                                f"{workers} lowered to {capped} ({why})"})
    return capped


def _input_files(paths: Iterable[str | Path], follow_links: bool = False,
                 issues: WalkIssues | None = None) -> list[Path]:
    """The files to read, ``STDIN`` for ``-`` (JSON Lines on standard input).

    Raises:
        BadInputError: a path that does not exist, or no article file at all.
    """
    paths = list(paths)
    files = list(iter_paths((p for p in paths if str(p) != "-"), follow_links=follow_links,
                            issues=issues))
    files += [STDIN] if any(str(p) == "-" for p in paths) else []
    if not files and not (issues and issues.failed):
        raise BadInputError(
            "no .txt files (nor .html/.htm/.html.gz pages, .jsonl/.json/.csv exports) found in "
            + ", ".join(str(p) for p in paths)
        )
    return files


_Result = tuple[_Job, "Annotation | None", "str | None"]


def _analysed(
    jobs: Iterator[_Job], model: str | None, batch_size: int, workers: int,
    rules_here: bool | None = None, idle: Callable[[], None] = lambda: None,
) -> Iterator[_Result]:
    """(job, published, annotation, error) for each job, in order.

    The model runs in ``workers`` processes, each loading it once (so the custom components
    are registered in the child whether it was forked or spawned). This process meanwhile
    reads, cleans, dates and writes the next documents: even with one worker, those steps
    overlap with the model instead of adding to it. When a CPU core is left over
    (``rules_here``, by default ``workers`` < cores), the workers only parse and our entity,
    date and event rules run here too, on the Docs they send back: the worker, the slowest
    stage, then does no more than spaCy plus the packing of its output. At most
    ``2 × workers`` batches are in flight, so memory does not grow with the corpus.
    ``workers=0`` runs everything here (the library's choice for a model already loaded).
    ``idle`` is called before each batch is waited for or analysed (the writer commits there).
    """
    from mattis_corpus.nlp.model import DEFAULT_MODEL, load_nlp

    if workers <= 0:
        nlp = load_nlp(model or DEFAULT_MODEL)
        for batch in _batched(jobs, batch_size):
            idle()
            yield from _with_annotations(batch, _analyse_batch(nlp, _tasks(batch)))
        return
    import multiprocessing

    if rules_here is None:
        rules_here = workers < _cores()
    ctx = multiprocessing.get_context(os.environ.get("CORPUS_MP_START") or None)
    with ctx.Pool(workers, initializer=_worker_init, initargs=(model,)) as pool:
        pending: collections.deque = collections.deque()

        def finish_one() -> Iterator[_Result]:
            batch, tasks, result = pending.popleft()
            idle()
            if rules_here:
                # Loaded after the first batches went out, while the workers load theirs: the
                # Docs need this model's vocabulary, the rules its common-word lexicon.
                nlp = load_nlp(model or DEFAULT_MODEL)
                yield from _with_annotations(batch, _annotate_packed(nlp, tasks, result.get()))
            else:
                yield from _with_annotations(batch, result.get())

        for batch in _batched(jobs, batch_size):
            tasks = _tasks(batch)
            pending.append((batch, tasks, pool.apply_async(_worker_run, (tasks, rules_here))))
            while len(pending) >= 2 * workers:
                yield from finish_one()
        while pending:
            yield from finish_one()


def _cores() -> int:
    """CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_Task = tuple[str, tuple, "str | None"]  # (clean text, paragraphs, publication date)


def _tasks(batch: list[_Job]) -> list[_Task | None]:
    """What a worker needs per document (not the raw file: less to pickle)."""
    return [(job.clean.text, tuple(job.clean.paragraphs), job.published.value)
            if french(job.clean) else None for job in batch]  # None: not for the French NLP


def _with_annotations(
    batch: list[_Job], annotated: list[tuple[Annotation | None, str | None]]
) -> Iterator[_Result]:
    for job, (ann, error) in zip(batch, annotated, strict=True):
        if ann is None and error is None and not french(job.clean):
            ann = _unanalysed(job.clean)
        yield job, ann, error


# A batch also ends at this many characters of text, whatever --batch-size says: batches in
# flight (2 per worker) then hold a bounded amount of text and of parsed Docs.
BATCH_CHARS = 1_000_000


def _batched(items: Iterator[_Job], n: int) -> Iterator[list[_Job]]:
    batch: list[_Job] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(item.clean.text)
        if len(batch) >= n or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _parse_batch(nlp: Language, tasks: list[_Task | None]) -> list[Doc | None]:
    """The batch through ``nlp.pipe`` (None where the task was skipped); long texts are
    parsed in pieces (``nlp/chunks.py``), so memory per document stays bounded."""
    from mattis_corpus.nlp.chunks import parse_texts

    todo = [t for t in tasks if t is not None]
    docs = iter(parse_texts(nlp, [text for text, _, _ in todo], batch_size=max(1, len(todo))))
    return [None if task is None else next(docs) for task in tasks]


def _annotate(doc: Doc, task: _Task) -> tuple[Annotation | None, str | None]:
    """Our rules on one parsed Doc (a long one piece by piece), or the error that stops this
    document alone."""
    from mattis_corpus.nlp.chunks import analyse_long

    _, paragraphs, anchor = task
    try:
        return analyse_long(doc, paragraphs, anchor), None
    except CorpusError as e:
        return None, str(e)
    except Exception as e:  # a rule that trips on one odd text must not spoil the whole run
        return None, f"analysis failed: {type(e).__name__}: {e}"


def _analyse_batch(nlp: object, tasks: list[_Task | None]) -> list[tuple[Annotation | None, str | None]]:
    """Parse the batch with ``nlp.pipe`` and run our rules on each Doc."""
    return [
        (None, None) if task is None or doc is None else _annotate(doc, task)
        for doc, task in zip(_parse_batch(nlp, tasks), tasks, strict=True)
    ]  # (None, None): failed before the NLP, the error is already known


def _annotate_packed(
    nlp: Language, tasks: list[_Task | None], packed: list[PackedDoc | None]
) -> list[tuple[Annotation | None, str | None]]:
    """Our rules on the Docs a worker parsed and packed."""
    from mattis_corpus.nlp.entities.spans import seed_text
    from mattis_corpus.nlp.transport import unpack_doc

    out: list[tuple[Annotation | None, str | None]] = []
    for task, data in zip(tasks, packed, strict=True):
        if task is None or data is None:
            out.append((None, None))
            continue
        doc = unpack_doc(nlp.vocab, data)
        seed_text(doc, task[0])
        out.append(_annotate(doc, task))
    return out


_WORKER_MODEL: str | None = None
_WORKER_ERROR: CorpusError | None = None


def _worker_init(model: str | None) -> None:
    """Load the model once per worker. Never raises: a Pool whose initializer fails starts
    new workers forever, so a missing model is kept and raised by the first task instead
    (the main process then stops with that one-line error)."""
    global _WORKER_MODEL, _WORKER_ERROR
    import signal

    # Ctrl-C reaches the whole process group: the main process alone reports it and stops the
    # pool; a worker interrupted while it loads the model would print its own traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from mattis_corpus.nlp.model import DEFAULT_MODEL, load_nlp

    _WORKER_MODEL = model or DEFAULT_MODEL
    try:
        load_nlp(_WORKER_MODEL, freeze=True)  # this process exists only to run the model
    except CorpusError as e:
        _WORKER_ERROR = e
    except Exception as e:
        _WORKER_ERROR = CorpusError(f"cannot load the spaCy model {_WORKER_MODEL!r}: "
                                    f"{type(e).__name__}: {e}")


def _worker_run(tasks: list[_Task | None], parse_only: bool = False) -> list:
    """Annotations for the batch, or (``parse_only``) its packed Docs for the rules upstream."""
    from mattis_corpus.nlp.model import DEFAULT_MODEL, load_nlp
    from mattis_corpus.nlp.transport import pack_doc

    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    nlp = load_nlp(_WORKER_MODEL or DEFAULT_MODEL)
    if parse_only:
        return [None if doc is None else pack_doc(doc) for doc in _parse_batch(nlp, tasks)]
    return _analyse_batch(nlp, tasks)


def _jobs(
    files: list[Path], store: Store, force: bool, report: IngestReport, progress: Progress | None
) -> Iterator[_Job]:
    """Read and normalise each file that needs the NLP; record the others in ``report``."""
    seen: dict[str, Path] = {}

    def fail(path: str | Path, error: str) -> None:
        report.failed.append({"path": display_path(path), "error": error})
        if progress:
            progress("advance", None)

    foreign: list[RawDoc] = []

    def unchanged(doc_id: str, sha256: str) -> bool:
        return not force and (s := store.stored(doc_id)) is not None and s.sha256 == sha256

    for path, raw in (item for f in files for item in read_items(f, unchanged)):
        if isinstance(raw, BadInputError):
            fail(path, str(raw))
            continue
        if raw.id in seen:  # ids are file names: two folders may hold the same name
            fail(path, f"duplicate document id {raw.id!r} (already read from {display_path(seen[raw.id])})")
            continue
        seen[raw.id] = path
        for w in raw.warnings:
            report.warnings.append({"path": display_path(path), "warning": w})
        stored = store.stored(raw.id)
        if stored is not None and stored.sha256 == raw.sha256 and not force:
            report.unchanged.append(raw.id)
            if progress:
                progress("advance", None)
            continue
        if stored is not None and not force and not same_source(stored.source_file, raw.path):
            fail(path, f"document id {raw.id!r} already holds an article from another source file "
                       f"({stored.source_file}): rename this file, or use --force to replace it")
            continue
        try:
            cleaned, published = prepare(raw, _recurring(store, raw))
        except CorpusError as e:
            fail(path, str(e))
            continue
        except Exception as e:  # a rule that trips on one odd page must not spoil the run
            fail(path, f"cleaning failed: {type(e).__name__}: {e}")
            continue
        for w in cleaned.warnings:  # the cleaner backed off or kept the page whole
            report.warnings.append({"path": display_path(path), "warning": w})
        if not cleaned.text.strip():
            fail(path, "no article text left after cleaning (only page chrome?)")
            continue
        if not french(cleaned):
            foreign.append(raw)
        yield _Job(raw, cleaned, published, stored is not None)
    _warn_foreign(report, foreign)


_LINE_COUNT_BATCH = 200


def _scraped_page(path: Path) -> bool:
    """A saved page's text, read from a file we can read again (not stdin, not a record)."""
    return path is not STDIN and path.suffix.lower() == ".txt"


def _count_page_lines(files: list[Path], store: Store, force: bool) -> None:
    """Before cleaning anything, count the short lines of every page of this run with those
    of the pages already stored (``ingest/recurring.py``): a site's furniture recurs across
    its pages, so a run's pages inform each other. One pass that reads each page and keeps
    nothing but the counts in the store; an unchanged page was counted when it was stored,
    and an unreadable one is left to the main pass to report. The main pass's rules hold:
    the first file of an id counts, and a file never stands for another folder's article."""
    from mattis_corpus.ingest.recurring import page_line_hashes
    from mattis_corpus.ingest.sources import read_raw
    from mattis_corpus.store.page_lines import pack, set_page

    pages = (f for f in files if _scraped_page(f))
    seen: set[str] = set()
    while batch := list(itertools.islice(pages, _LINE_COUNT_BATCH)):
        sets = []
        for f in batch:
            try:
                raw = read_raw(f)
            except (BadInputError, OSError):
                continue
            if raw.id in seen:
                continue
            seen.add(raw.id)
            stored = store.stored(raw.id)
            if stored is not None and not force and (
                    stored.sha256 == raw.sha256 or not same_source(stored.source_file, raw.path)):
                continue
            sets.append((raw.id, pack(page_line_hashes(raw.text))))
        with store.transaction() as db:
            for page, blob in sets:
                set_page(db, page, blob)


def _recurring(store: Store, raw: RawDoc) -> Callable[[str], bool] | None:
    """The test "does this line recur on other pages of the corpus?" for one scraped page."""
    if not _scraped_page(raw.path):
        return None
    from mattis_corpus.ingest.recurring import page_line_hashes, recurring_test
    from mattis_corpus.store.page_lines import counts

    own = page_line_hashes(raw.text)
    return recurring_test(own, counts(store.db, own))


def french(cleaned: CleanDoc) -> bool:
    """Whether the French NLP should read the document: French, or of unknown language."""
    return cleaned.language in (None, "fr")


def _warn_foreign(report: IngestReport, docs: list[RawDoc]) -> None:
    """One warning per run for the documents not in French: stored, searchable, not analysed."""
    if not docs:
        return
    ids = ", ".join(d.id for d in docs[:5]) + (", …" if len(docs) > 5 else "")
    report.warnings.append({"path": "language", "warning": (
        f"{len(docs)} document(s) not in French, stored and searchable but not analysed "
        f"(no entities, dates or events): {ids}")})


def _unanalysed(clean: CleanDoc) -> Annotation:
    """What a document kept from the French NLP gets: one sentence per paragraph (for search
    snippets and kwic), nothing else."""
    from mattis_corpus.models import Sentence

    return Annotation(
        sentences=[Sentence(p.start, p.end, clean.text[p.start:p.end]) for p in clean.paragraphs],
        mentions=[], timexes=[], events=[],
    )


def refresh_entities(store: Store, *, full: bool = False) -> None:
    """Bring the canonical entities up to date after mentions changed (cross-document merging).

    The name → entity mapping is recomputed from the distinct names and their counts (small
    even on big stores); the tables are then updated incrementally (see ``Store.update_entities``).
    Everything happens in one write transaction, so a concurrent ingest cannot slip names in
    between the counts and the update.
    """
    with store.transaction():
        if full:  # from scratch: same result, used by tests and to repair a store
            store.forget_entities()
        _refresh(store)


def _refresh(store: Store, *, if_stale: bool = False) -> None:
    """The entity refresh itself, inside the caller's write transaction (``if_stale``: only
    when mentions changed since the last one)."""
    from mattis_corpus.canon import resolve_names

    if not if_stale or store.entities_stale():
        store.update_entities(resolve_names(store.name_counts()))
