"""Ingest: files on disk → ``RawDoc`` (sources: ``.txt`` pages; html: saved pages through
trafilatura; records: JSON Lines/JSON/CSV exports and stdin) → ``CleanDoc`` (clean/, with the
lines that recur across the corpus's pages as furniture: recurring) with its publication date
(published) and language (language). No spaCy here; trafilatura only for HTML."""
