"""3 · NLP start-up: giant regular expressions compiled once per machine, not once per process.

spaCy's French tokenizer builds one 1.4-million-character pattern (its hyphen and elision
exceptions) and ``re`` spends ~4.5 s compiling it in every process that loads the model:
more than half of an ingest's start-up, paid again by each worker. The compiled program
is plain data (a list of ints), so it is kept on disk with ``marshal`` and handed straight
to ``_sre.compile`` (~10 ms). The Pattern built that way compares equal to ``re.compile``'s
(Pattern equality covers the compiled code), and any surprise falls back to ``re.compile``.

Each file carries the SHA-256 of its payload (``cachefile``): a damaged file is compiled again
and replaced, never loaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import re
import sys
from collections.abc import Iterator

from mattis_corpus.nlp.speedups.cachefile import cache_dir, read_checked, write_checked

FORMAT = 2  # 2: the payload follows its SHA-256 (cachefile.write_checked)
MIN_CHARS = 50_000  # smaller patterns compile in milliseconds: not worth a file
_re_compile = re.compile  # the real one, even while ``cached_compiles`` stands in for it
_MEMO: dict[tuple[str, int], re.Pattern] = {}


def _usable() -> bool:
    """The cache reads CPython's compiled-regex format: elsewhere, plain ``re.compile``."""
    try:
        import _sre
        from re import _compiler, _parser  # noqa: F401
    except ImportError:
        return False
    return sys.implementation.name == "cpython" and hasattr(_sre, "compile")


def _key(pattern: str, flags: int) -> str:
    """The file name: the pattern, its flags and the exact interpreter (the code format)."""
    import _sre

    h = hashlib.sha256()
    for part in (sys.version, str(getattr(_sre, "MAGIC", "")), str(_sre.CODESIZE), str(flags)):
        h.update(part.encode() + b"\0")
    h.update(pattern.encode("utf-8", "surrogatepass"))
    return f"re-{FORMAT}-{h.hexdigest()[:40]}.marshal"


def _compile_program(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, as marshal-able data."""
    from re import _compiler, _parser

    p = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(p, flags)]  # opcodes are int subclasses
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (flags | p.state.flags, code, p.state.groups - 1, groupindex, tuple(indexgroup))


def _from_program(pattern: str, program: tuple) -> re.Pattern:
    import _sre

    final_flags, code, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the on-disk cache when the pattern is big."""
    flags = int(flags)
    directory = cache_dir()
    if (not isinstance(pattern, str) or len(pattern) < MIN_CHARS or directory is None
            or flags & re.DEBUG or not _usable()):
        return _re_compile(pattern, flags)
    memo = _MEMO.get((pattern, flags))
    if memo is not None:
        return memo
    path = directory / _key(pattern, flags)
    compiled = None
    payload = read_checked(path)
    if payload is not None:
        with contextlib.suppress(Exception):  # a checked file from another interpreter's format
            compiled = _from_program(pattern, marshal.loads(payload))
    if compiled is None:  # not cached yet, or a file we cannot use: compile and (re)write it
        try:
            program = _compile_program(pattern, flags)
            compiled = _from_program(pattern, program)
        except Exception:
            return _re_compile(pattern, flags)  # an interpreter whose internals moved
        with contextlib.suppress(OSError):
            write_checked(path, marshal.dumps(program))
    _MEMO[(pattern, flags)] = compiled
    return compiled


@contextlib.contextmanager
def cached_compiles() -> Iterator[None]:
    """While spaCy loads, its ``re.compile`` calls go through ``compile_cached``."""
    original = re.compile
    re.compile = compile_cached  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = original  # type: ignore[assignment]
