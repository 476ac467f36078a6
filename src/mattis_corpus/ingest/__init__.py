"""Ingest: files on disk → ``RawDoc`` (sources) → ``CleanDoc`` (clean/) with its publication date
(published). Pure Python: no spaCy here."""
