"""corpus: French defence-news articles → one SQLite store you can question.

The data flow, one module per stage:
    sources (load raw .txt) → normalise (clean page chrome) → nlp (spaCy + entities, temporal,
    events rules) → store (SQLite, FTS5) → queries (entities, search, timeline) → output (render).
``pipeline.ingest`` runs the first four; ``cli`` is a thin layer over ``queries`` and ``output``.
"""


def __getattr__(name: str) -> str:
    # Lazy: importlib.metadata costs ~70 ms, which every query command would otherwise pay.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("mattis_corpus")
        except PackageNotFoundError:  # a source tree that is not installed
            return "0.0.0"
    raise AttributeError(name)
