"""OCR damage of old printed pages, repaired for the entity pass only (issue 19).

Scanned newspapers of 1850-1950 reach us with words cut at the end of a column line
("Cham- bre", "Cler-\\nmont"), titles glued to or spaced from the name ("M.Daladier",
"M . Herriot", "M, Poincaré") and old letter forms ("ſ", "ﬁ"). The statistical NER reads
"Cham-" and "bre" as two words and misses the name. The stored text is never changed:
:func:`repair` gives a repaired copy and, for every character of it, the offset of the
character it came from; :class:`OcrEntities` runs the gazetteer ruler and the NER again on
that copy and carries its entities back through the map onto the original Doc, so every
mention keeps the offsets of the stored text. Texts with nothing to repair are left alone
(one regular-expression search).

:func:`split_glued_titles` makes the tokenizer cut "M.Daladier" into "M." + "Daladier"
(spaCy's French rules only cut a full stop between a lower-case and a capital letter).

spaCy is never imported here at import time: only when the component runs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

OCR_NAME = "ocr_entities"
OCR_FACTORY = "corpus_ocr_entities"

_UPPER = "A-ZÀ-ÖØ-Þ"
_LETTER = r"[^\W\d_]"
# A word cut at a line end: letters, a hyphen, the line break or the space that replaced it,
# and the rest of the word. A capital after the break is a compound ("Saint- Denis").
_BREAK = re.compile(rf"(?<={_LETTER}{_LETTER})-(?:[ \t]+\n?|\n)[ \t]*(?=({_LETTER}))")
# A title whose full stop the scanner spaced off or read as a comma: "M . Herriot", "M, Poincaré".
_SPACED_TITLE = re.compile(rf"(?<![\w.])(M|MM|Mme|Mlle|Mgr|Me)( \.|,)(?= [{_UPPER}])")
_LETTER_FORMS = {"ſ": "s", "ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"}
_FORMS = re.compile("[" + "".join(_LETTER_FORMS) + "]")
_ANY = re.compile(f"{_BREAK.pattern}|{_SPACED_TITLE.pattern}|{_FORMS.pattern}")
# "M.Daladier": cut after the title's full stop (a zero-width infix: no token for the cut).
_GLUED_TITLE = rf"(?<=^M\.)(?=[{_UPPER}])|(?<=^MM\.)(?=[{_UPPER}])"


def needs_repair(text: str) -> bool:
    """Whether the text holds any damage :func:`repair` mends (the common case is no)."""
    return _ANY.search(text) is not None


def _edits(text: str) -> list[tuple[int, int, str]]:
    """The (start, end, replacement) edits of the text, in order, never overlapping."""
    edits = []
    for m in _BREAK.finditer(text):
        edits.append((m.start(), m.end(), "-" if m.group(1).isupper() else ""))
    for m in _SPACED_TITLE.finditer(text):
        edits.append((m.start(2), m.end(2), "."))
    for m in _FORMS.finditer(text):
        edits.append((m.start(), m.end(), _LETTER_FORMS[m.group()]))
    edits.sort()
    kept, last = [], -1
    for start, end, new in edits:
        if start >= last:
            kept.append((start, end, new))
            last = end
    return kept


def repair(text: str) -> tuple[str, list[int]]:
    """The repaired text and, for each of its characters (and its end), the offset in ``text``
    of the character it stands for: "Cham- bre" gives "Chambre", "bre" mapped to its place
    after the break."""
    out: list[str] = []
    source: list[int] = []
    pos = 0
    for start, end, new in _edits(text):
        out.append(text[pos:start])
        source.extend(range(pos, start))
        out.append(new)
        source.extend([start] * len(new))  # a replacement stands for the first character
        pos = end
    out.append(text[pos:])
    source.extend(range(pos, len(text)))
    source.append(len(text))
    return "".join(out), source


def rejoin_breaks(text: str) -> str:
    """A name as it reads without its line-end hyphen breaks ("Mar- seille" -> "Marseille"),
    for looking it up; other repairs are not applied."""
    if "-" not in text:
        return text
    return _BREAK.sub(lambda m: "-" if m.group(1).isupper() else "", text)


def in_word_break(doc: Doc, i: int) -> bool:
    """Token ``i`` is the line break inside a word cut at a line end ("Cler-" "\\n" "mont"):
    a rule that splits names at line breaks should not split there."""
    if not (0 < i < len(doc) - 1 and doc[i].is_space):
        return False
    before, after = doc[i - 1].text, doc[i + 1].text
    return len(before) > 2 and before.endswith("-") and before[-2].isalpha() and after[:1].isalpha()


def split_glued_titles(nlp: Language) -> None:
    """Let the tokenizer cut "M.Daladier" and "MM.Laval" after the title. Idempotent."""
    tokenizer = nlp.tokenizer
    finditer = getattr(tokenizer, "infix_finditer", None)
    pattern = getattr(getattr(finditer, "__self__", None), "pattern", None)
    if not isinstance(pattern, str) or pattern.startswith(_GLUED_TITLE):
        return
    tokenizer.infix_finditer = re.compile(f"{_GLUED_TITLE}|{pattern}").finditer


class OcrEntities:
    """After the NER: on a text with OCR damage, the entities found on its repaired copy (the
    gazetteer ruler, then the NER), carried back onto the Doc of the stored text."""

    def __init__(self, nlp: Language, steps: tuple[str, ...]) -> None:
        self.nlp = nlp
        self.steps = steps

    def __call__(self, doc: Doc) -> Doc:
        from mattis_corpus.nlp.entities.spans import doc_text  # spans imports the gazetteer

        text = doc_text(doc)
        if not needs_repair(text):
            return doc
        from spacy.util import filter_spans

        fixed, source = repair(text)
        copy = self.nlp.make_doc(fixed)
        for name in self.steps:
            if name in self.nlp.pipe_names:
                copy = self.nlp.get_pipe(name)(copy)
        spans = []
        for ent in copy.ents:
            first = _after_title(ent)
            start, end = source[copy[first].idx], source[ent.end_char - 1] + 1
            label = "PER" if _after_person_title(copy, ent) else ent.label_
            span = doc.char_span(start, end, label=label, alignment_mode="expand", span_id=ent.id_)
            if span is not None:
                spans.append(span)
        spans = filter_spans(spans)
        taken = {i for span in spans for i in range(span.start, span.end)}
        # the first pass's names away from any repair stay: the copy's NER may miss one
        kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.ents = sorted(spans + kept, key=lambda span: span.start)
        return doc


def _after_title(ent) -> int:
    """The first token of a person span of the repaired copy after its leading titles ("M.
    Herriot" -> "Herriot"): on the stored text that title may be two tokens ("M . Herriot")
    that the later rules would not recognise."""
    from mattis_corpus.nlp.entities.lexicon import titles
    from mattis_corpus.textutil import fold

    start = ent.start
    while ent.label_ == "PER" and start < ent.end - 1 and fold(ent.doc[start].text) in titles():
        start += 1
    return start


def _after_person_title(copy: Doc, ent) -> bool:
    """A name the NER typed as a place or an organisation right after "M."/"MM." in the
    repaired copy ("MM. Laval et ...", "M . Mandel") is a person: the title is the evidence
    that the OCR damage hid from the later rules."""
    from mattis_corpus.nlp.entities.lexicon import person_titles
    from mattis_corpus.textutil import fold

    if ent.label_ == "PER" or ent.start == 0 or ent.id_:
        return False
    before = copy[ent.start - 1]
    return fold(before.text) in person_titles() and before.text.endswith(".") and len(ent) <= 3


def make_ocr_entities(nlp: Language, name: str) -> OcrEntities:
    """spaCy factory of :class:`OcrEntities` (registered by ``configure_nlp``): the steps are
    the gazetteer ruler and the NER, as in the main pass."""
    return OcrEntities(nlp, ("gazetteer_ruler", "ner"))
