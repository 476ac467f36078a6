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
from collections.abc import Iterable, Iterator
from pathlib import Path

from mattis_corpus.dates import parse_partial
from mattis_corpus.errors import BadInputError
from mattis_corpus.models import RawDoc
from mattis_corpus.textutil import display_path  # noqa: F401  (part of the loader API)

MAX_FILE_BYTES = 2 * 1024 * 1024  # a news article is ~10 KB; larger files are refused, not parsed
META_KEYS = {"title", "published", "source", "url"}


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield the ``.txt`` files named or found (recursively, sorted) under ``paths``.

    Symbolic links to folders are followed once; a link loop is skipped rather than walked forever.

    Raises:
        BadInputError: a path that does not exist.
    """
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()
    for given in paths:
        p = Path(given)
        if not p.exists():
            if p.is_symlink():
                raise BadInputError(f"{p}: broken symbolic link")
            raise BadInputError(f"{p}: no such file or folder")
        if p.is_file():
            if str(p.resolve()) not in seen_files:
                seen_files.add(str(p.resolve()))
                yield p
            continue
        for root, dirs, files in os.walk(p, followlinks=True):
            real = os.path.realpath(root)
            if real in seen_dirs:
                dirs[:] = []
                continue
            seen_dirs.add(real)
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".txt") and not name.startswith("."):
                    f = Path(root) / name
                    key = os.path.realpath(f)
                    if key not in seen_files:
                        seen_files.add(key)
                        yield f


def doc_id(path: Path) -> str:
    """A document's id is its file name without the extension."""
    return path.name[: -len(".txt")] if path.name.endswith(".txt") else path.stem


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
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
        warnings = (f"not UTF-8: decoded as {encoding}",)
    head = text[:65536]
    if control_count(head) > max(8, len(head) // 100):
        raise BadInputError("binary file (control characters): not a text article")
    return text, encoding, warnings


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


def read_meta(path: Path) -> tuple[dict, bytes]:
    """Read the optional sidecar ``NAME.meta.json`` beside ``NAME.txt``.

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
    if not isinstance(meta, dict):
        raise BadInputError(f"{meta_path.name}: expected a JSON object")
    meta = {k: v for k, v in meta.items() if k in META_KEYS and v is not None}
    for key, value in meta.items():
        if not isinstance(value, str):
            raise BadInputError(f"{meta_path.name}: {key!r} must be a string")
        if not _utf8(value):
            raise BadInputError(f"{meta_path.name}: {key!r} is not valid Unicode (lone surrogate)")
    if "published" in meta:
        try:
            parse_partial(meta["published"])
        except BadInputError as e:
            raise BadInputError(f"{meta_path.name}: published: {e}") from None
    return meta, raw


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
    text, encoding, warnings = decode(data)
    if not text.strip(" \t\r\n\f\v\u00a0\u202f\u200b\ufeff"):
        raise BadInputError("empty file (no text)")
    meta, meta_bytes = read_meta(path)
    digest = hashlib.sha256(data + b"\0meta\0" + meta_bytes).hexdigest()
    return RawDoc(
        id=doc_id(path), path=path, text=text, encoding=encoding, sha256=digest,
        meta=meta, warnings=warnings,
    )
