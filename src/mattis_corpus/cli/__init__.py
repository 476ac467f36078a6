"""The command line: click commands, thin over the library; ``render/`` formats the results."""

from mattis_corpus.cli.commands import cli, main

__all__ = ["cli", "main"]
