"""The on-disk cache both start-up speed-ups share: where it lives, and files that carry a
SHA-256 of their payload, so a truncated or damaged file is detected and rebuilt instead of
being loaded (a flipped byte in a compiled regex would silently change tokenization).

The cache lives in ``$CORPUS_CACHE_DIR``, else ``$XDG_CACHE_HOME/mattis_corpus``, else
``~/.cache/mattis_corpus``; ``CORPUS_CACHE_DIR=`` (empty) turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

_DIGEST = 32


def cache_dir() -> Path | None:
    """Where cached files are kept, or None when the cache is turned off."""
    if "CORPUS_CACHE_DIR" in os.environ:
        value = os.environ["CORPUS_CACHE_DIR"]
        return Path(value) if value else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mattis_corpus"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` atomically: two processes starting at once never read half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".marshal")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_checked(path: Path, payload: bytes) -> None:
    """Write the SHA-256 of ``payload``, then ``payload`` (atomically)."""
    write_atomic(path, hashlib.sha256(payload).digest() + payload)


def read_checked(path: Path) -> memoryview | None:
    """The payload of a file written by ``write_checked``; None when it is missing, truncated
    or damaged (its checksum does not match)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    payload = memoryview(raw)[_DIGEST:]
    if len(raw) <= _DIGEST or hashlib.sha256(payload).digest() != raw[:_DIGEST]:
        return None
    return payload
