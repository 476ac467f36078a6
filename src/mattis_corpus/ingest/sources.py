"""1 · Load: raw ``.txt`` files → ``RawDoc`` (encodings, sidecar metadata), as generators.

A bad file never stops the run: ``read_raw`` raises ``BadInputError`` with a one-line reason and
the caller records it and goes on with the next file.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mattis_corpus.dates import parse_partial
from mattis_corpus.errors import BadInputError
from mattis_corpus.models import RawDoc
from mattis_corpus.textutil import ESCAPE_SEQUENCE_RE, display_path

MAX_FILE_BYTES = 2 * 1024 * 1024  # a news article is ~10 KB; larger files are refused, not parsed
META_KEYS = {"title", "published", "source", "url"}


@dataclass
class WalkIssues:
    """What a folder walk could not read (failures) or chose not to follow (warnings)."""

    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)


def iter_paths(
    paths: Iterable[str | Path], *, follow_links: bool = False, issues: WalkIssues | None = None,
) -> Iterator[Path]:
    """Yield the input files named or found (recursively, sorted) under ``paths``.

    Hidden files and folders (``.git/``, ``.venv/``) are skipped. A symbolic link found in a
    folder is followed only when it stays inside the given paths (or with ``follow_links``), so
    a link to ``/etc`` or ``$HOME`` never pulls their files in; a link loop is walked once.
    The walk is iterative (no recursion limit on deep trees). A folder or entry that cannot be
    read goes to ``issues.failed`` (when ``issues`` is None, it raises instead).

    Raises:
        BadInputError: a path that does not exist (or, without ``issues``, an unreadable one).
    """
    paths = [Path(p) for p in paths]
    for p in paths:
        if not p.exists():
            if p.is_symlink():
                raise BadInputError(f"{p}: broken symbolic link")
            raise BadInputError(f"{p}: no such file or folder")
    roots = [os.path.realpath(p) for p in paths if p.is_dir()]
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()
    for p in paths:
        if p.is_dir():
            found: Iterable[Path] = _walk(p, roots, follow_links, seen_dirs, issues)
        else:
            found = [p]
        for f in found:
            key = os.path.realpath(f)
            if key not in seen_files:
                seen_files.add(key)
                yield f


def _inside(real: str, roots: list[str]) -> bool:
    return any(real == r or real.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _walk(
    top: Path, roots: list[str], follow_links: bool, seen_dirs: set[str], issues: WalkIssues | None,
) -> Iterator[Path]:
    """Depth-first, sorted, with an explicit stack (``os.walk`` recurses and hides errors).

    Real paths are resolved only for links (``realpath`` per folder costs a ``stat`` per level)."""
    stack = [(str(top), os.path.realpath(top))]
    while stack:
        folder, real = stack.pop()
        if real in seen_dirs:
            continue
        seen_dirs.add(real)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            _walk_issue(issues, folder, f"cannot read the folder ({e.strerror or e})")
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden: .git/, .venv/, editor files
            try:
                is_dir, link = entry.is_dir(), entry.is_symlink()
            except OSError as e:
                _walk_issue(issues, entry.path, f"cannot read ({e.strerror or e})")
                continue
            target = os.path.realpath(entry.path) if link else os.path.join(real, entry.name)
            if link and not follow_links and not _inside(target, roots) and os.path.exists(entry.path):
                if issues is not None and (is_dir or is_input_name(entry.name)):
                    issues.warnings.append((display_path(entry.path), "symbolic link to outside "
                                            "the given folders: not followed (use --follow-links)"))
                continue
            if is_dir:
                subdirs.append((entry.path, target))
            elif is_input_name(entry.name):
                yield Path(entry.path)
        stack.extend(reversed(subdirs))


def _walk_issue(issues: WalkIssues | None, path: str, reason: str) -> None:
    if issues is None:
        raise BadInputError(f"{display_path(path)}: {reason}")
    issues.failed.append((display_path(path), reason))


def doc_id(path: Path) -> str:
    """A document's id is its file name without the extension."""
    return path.name[: -len(".txt")] if path.name.endswith(".txt") else path.stem


def same_source(stored: str | None, path: Path) -> bool:
    """Whether a stored document's ``source_file`` is ``path`` (as given or resolved): a file of
    the same name in another folder must not silently replace it (ids are file names)."""
    if stored is None or stored == display_path(path):
        return True
    return os.path.realpath(stored) == os.path.realpath(path)


def _utf8(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or legacy cp1252/latin-1.

    Returns:
        (text, encoding name, warnings).

    Raises:
        BadInputError: binary data (NUL bytes, control characters) that no text encoding explains.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig", ()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16", ()
    if b"\x00" in data:
        raise BadInputError("binary file (NUL bytes): not a text article")
    try:
        text, encoding, warnings = data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as e:
        text, encoding, warnings = _not_utf8(data, e.start)
    head = text[:65536]
    if control_count(head) > max(8, len(head) // 100):
        raise BadInputError("binary file (control characters): not a text article")
    return text, encoding, warnings


def _not_utf8(data: bytes, first_bad: int) -> tuple[str, str, tuple[str, ...]]:
    """Bytes that are not valid UTF-8: UTF-8 with the bad bytes replaced when the file is mostly
    UTF-8 (a stray byte from a bad copy must not turn every "é" into "Ã©"), else cp1252/latin-1.

    "Mostly": at least as many valid multi-byte UTF-8 characters as bad sequences."""
    lenient = data.decode("utf-8", "replace")
    bad = lenient.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(lenient) - len(lenient.encode("ascii", "ignore")) - bad
    if valid >= bad:
        return lenient, "utf-8", (f"not valid UTF-8 at {bad} place(s) (first at byte {first_bad}): "
                                  "decoded as UTF-8, the bad bytes replaced by U+FFFD",)
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    return text, encoding, (f"not UTF-8: decoded as {encoding}",)


# C0 control characters but tab, line feed, form feed and carriage return: what binary data
# decoded as text is full of, and prose never holds.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def control_count(text: str) -> int:
    """How many control characters (``_CONTROLS``) ``text`` holds: a regex, not a loop per
    character (0.8 ms per article in Python)."""
    return len(_CONTROLS.findall(text))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise BadInputError(f"cannot decode as {encoding}: {e.reason} at byte {e.start}") from None


def _too_large(size: int) -> BadInputError:
    return BadInputError(
        f"file too large ({size / 1048576:.1f} MiB; the limit is "
        f"{MAX_FILE_BYTES // 1048576} MiB per article)"
    )


def _read_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Opened non-blocking and checked with ``fstat`` before reading, so a FIFO, a device or a folder
    named ``*.txt`` is refused instead of blocking the run, and a file that grows while it is read
    is never loaded past the limit.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise BadInputError("not a regular file (a folder, FIFO or device)")
        if st.st_size > limit:
            raise _too_large(st.st_size)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise _too_large(size)
    return b"".join(chunks)


def read_meta(path: Path, warnings: list[str] | None = None) -> tuple[dict, bytes]:
    """Read the optional sidecar ``NAME.meta.json`` beside ``NAME.txt``.

    The title is normalised (control characters and runs of spaces become one space) and the
    date stripped; a date that is not ISO ``YYYY[-MM[-DD]]`` is ignored with a warning
    (appended to ``warnings``).

    Raises:
        BadInputError: unreadable or malformed JSON, or an impossible ``published`` date.
    """
    meta_path = path.with_name(doc_id(path) + ".meta.json")
    if not meta_path.exists():
        return {}, b""
    try:
        raw = _read_file(meta_path)
        meta = json.loads(raw.decode("utf-8-sig"))
    except BadInputError as e:
        raise BadInputError(f"{meta_path.name}: {e}") from None
    except OSError as e:
        raise BadInputError(f"{meta_path.name}: cannot read ({e.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BadInputError(f"{meta_path.name}: malformed JSON ({e})") from None
    except RecursionError:
        raise BadInputError(f"{meta_path.name}: malformed JSON (nested too deeply)") from None
    if not isinstance(meta, dict):
        raise BadInputError(f"{meta_path.name}: expected a JSON object")
    meta = {k: v for k, v in meta.items() if k in META_KEYS and v is not None}
    for key, value in meta.items():
        if not isinstance(value, str):
            raise BadInputError(f"{meta_path.name}: {key!r} must be a string")
        if not _utf8(value):
            raise BadInputError(f"{meta_path.name}: {key!r} is not valid Unicode (lone surrogate)")
    if "title" in meta:
        meta["title"] = clean_line(meta["title"])
    if "published" in meta:
        meta["published"] = meta["published"].strip()
        if not _ISO_DATE.fullmatch(meta["published"]):
            if warnings is not None:
                warnings.append(f"{meta_path.name}: published {meta['published']!r} is not "
                                "YYYY[-MM[-DD]]: ignored")
            del meta["published"]
        else:
            try:
                parse_partial(meta["published"])
            except BadInputError as e:
                raise BadInputError(f"{meta_path.name}: published: {e}") from None
    return meta, raw


_ISO_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?", re.ASCII)
_LINE_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\s]+")


def clean_line(value: str) -> str:
    """A one-line field (a title) as stored: escape sequences removed, control characters and
    runs of white space made single spaces, so no stored title can drive a terminal."""
    return _LINE_CONTROLS.sub(" ", ESCAPE_SEQUENCE_RE.sub("", value)).strip()


def read_raw(path: Path) -> RawDoc:
    """Read one article file.

    Raises:
        BadInputError: unreadable, too large, binary, undecodable, empty or whitespace-only.
    """
    if not _utf8(doc_id(path)):
        raise BadInputError("the file name is not valid UTF-8: rename the file")
    try:
        data = _read_file(path)
    except PermissionError:
        raise BadInputError("permission denied") from None
    except OSError as e:
        raise BadInputError(f"cannot read: {e.strerror or e}") from None
    text, encoding, decoded = decode(data)
    if "\x1b" in text:  # terminal escape sequences are no text: removed whole, not half
        text = ESCAPE_SEQUENCE_RE.sub("", text)
    if not text.strip(" \t\r\n\f\v\u00a0\u202f\u200b\ufeff"):
        raise BadInputError("empty file (no text)")
    warnings = list(decoded)
    meta, meta_bytes = read_meta(path, warnings)
    digest = hashlib.sha256(data + b"\0meta\0" + meta_bytes).hexdigest()
    return RawDoc(
        id=doc_id(path), path=path, text=text, encoding=encoding, sha256=digest,
        meta=meta, warnings=tuple(warnings),
    )


TEXT_SUFFIXES = (".txt",)


def is_input_name(name: str) -> bool:
    """A file a folder walk ingests: ``.txt``, a saved page (``.html``…) or an export
    (``.jsonl``, ``.json``, ``.csv``); never a sidecar ``NAME.meta.json``. Other files in a
    folder (images, notes) are ignored."""
    from mattis_corpus.ingest.html import is_html_name
    from mattis_corpus.ingest.records import is_record_name

    low = name.lower()
    if low.endswith(".meta.json"):
        return False
    return low.endswith(TEXT_SUFFIXES) or is_html_name(low) or is_record_name(low)


def read_items(
    path: Path, unchanged: Callable[[str, str], bool] | None = None
) -> Iterator[tuple[str, RawDoc | BadInputError]]:
    """The documents of one input, by its extension: a ``.txt`` (or a name without extension)
    is one article, an HTML page one article, an export (or ``-``, stdin) one per record. Each
    item is (where, document or the error that stops it alone); a file named with another
    extension is one error. ``unchanged(id, sha256)``: see ``html.read_html``."""
    from mattis_corpus.ingest.html import is_html_name, read_html
    from mattis_corpus.ingest.records import STDIN, is_record_name, read_records

    low = path.name.lower()
    where = display_path(path)
    if path == STDIN or (is_record_name(low) and not low.endswith(".meta.json")):
        yield from read_records(path)
        return
    reader = read_html if is_html_name(low) else read_raw
    if reader is read_raw and re.fullmatch(r"\.\w{1,10}", path.suffix) and not low.endswith(TEXT_SUFFIXES):
        yield where, BadInputError(
            f"unsupported file type {path.suffix!r}: corpus reads .txt, .html/.htm/.html.gz, "
            ".jsonl/.json/.csv (a sidecar NAME.meta.json goes beside its article)")
        return
    try:
        yield where, read_html(path, unchanged) if reader is read_html else read_raw(path)
    except BadInputError as e:
        yield where, e
