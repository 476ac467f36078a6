"""The label sets every stage shares, written once (a tiny module: query commands import it)."""

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")
