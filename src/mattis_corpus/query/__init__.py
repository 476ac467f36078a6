"""Queries: read the store only (no spaCy) and yield plain dicts for ``cli/render``."""
