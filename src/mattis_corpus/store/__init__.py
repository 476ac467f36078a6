"""The store: one SQLite file (WAL, FTS5). Takes ``CleanDoc`` + ``Annotation``, gives rows to
``query/``. Never imports spaCy."""

from mattis_corpus.store.db import Store, default_db_path

__all__ = ["Store", "default_db_path"]
