"""Start-up speed-ups that lean on spaCy's or CPython's internals, quarantined in one place.

Each one is checked against the plain path it replaces and falls back to it on any doubt.
"""
