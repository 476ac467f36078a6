"""corpus: French defence-news articles → one SQLite store you can question.

The data flow, one module per stage:
    sources (load raw .txt) → normalise (clean page chrome) → nlp (spaCy + entities, temporal,
    events rules) → store (SQLite, FTS5) → queries (entities, search, timeline) → output (render).
``pipeline.ingest`` runs the first four; ``cli`` is a thin layer over ``queries`` and ``output``.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mattis_corpus")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
