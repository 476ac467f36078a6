"""NLP: ``CleanDoc`` text + publication date → ``Annotation`` (sentences, mentions, TIMEX3, events,
quotes); a long text is parsed in pieces (chunks).

The only stage that imports spaCy; its modules import it lazily or under ``TYPE_CHECKING`` where
they can, and no query-side package imports this one at module level.
"""
