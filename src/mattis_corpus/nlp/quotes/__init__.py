"""Who said what: quotations (direct, partial, indirect) with their reporting verb and speaker.

Takes the parsed Doc, its sentences and entity mentions (``nlp/analyse.py``); gives
``models.Quote`` records whose speaker is a mention index, so the store resolves it to the
canonical entity through the same mention row ``entities`` counts. ``marks.py`` finds quoted
spans, ``verbs.py`` reads the reporting-verb lexicon, ``speakers.py`` resolves speakers,
``finder.py`` attributes quoted spans and ``indirect.py`` finds speech reported without marks.
"""
