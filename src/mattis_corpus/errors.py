"""Typed errors raised by the library; only cli.py turns them into messages and exit codes."""


class CorpusError(Exception):
    """Base class: the work failed (exit 1)."""

    exit_code = 1


class BadInputError(CorpusError):
    """The user gave us something we cannot use (exit 2): bad path, bad date, bad file."""

    exit_code = 2


class QuerySyntaxError(BadInputError):
    """A search query that cannot be parsed."""


class StoreError(CorpusError):
    """The store cannot be opened or written."""


class SchemaTooNewError(StoreError):
    """The store was written by a newer version of corpus: refuse rather than migrate down."""


class ModelNotFoundError(CorpusError):
    """The spaCy model is not installed."""
