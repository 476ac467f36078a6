"""What scrapers leave around the words: Markdown links, images and quote marks (html2text), lynx's
``(BUTTON)``, ``[IMG]``, ``IFRAME:`` and ``#rel`` lines, list bullets, heading marks and form
fields. Each line is reduced to its words, and what was around them is kept as features for
the boilerplate classifier (a line that was all link text, a bullet, a heading)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from mattis_corpus.french import APOSTROPHES
from mattis_corpus.ingest.clean.chrome import TERMINAL, is_chrome_line
from mattis_corpus.ingest.clean.dateline import has_keyword, parse_dateline
from mattis_corpus.lexicons import entries

LINK_OPEN, LINK_CLOSE = "\ue010", "\ue011"  # private-use marks around link text, never in text

# ![alt](url) and [text](url): the URL may be wrapped over several lines by the scraper.
_IMAGE_RE = re.compile(r"!\[[^\]]{0,300}\]\((?:[^()\s]|\([^()\s]*\)|\n){0,2000}(?:\s[^)\n]*)?\)")
_LINK_RE = re.compile(r"\[([^\[\]]{0,300})\]\((?:[^()\s]|\([^()\s]*\)|\n)*(?:\s+\"[^\"\n]*\")?\)")
# HTML tags left as text (a page that escaped its own markup, a caption's credit link): the
# tag goes, its text stays. The tag may be wrapped over lines by the dump.
_TAG_RE = re.compile(r"</?(?:a|span|em|strong|b|i|u|br|img|div|p|font|sup|sub|small)\b[^<>]{0,500}>", re.I)
_AUTOLINK_RE = re.compile(r"<(?:https?://|mailto:)[^>\s]+>")
# w3m names a picture with no alt text by its file name's stem: "[media_xll_5193113]",
# "[pict_458659]" (a word with an underscore, never a link's text: no "(" after it)
_LYNX_RE = re.compile(r"\((?:BUTTON|IMG|FORM|INPUT|TEXTAREA)\)|\[(?:IMG|INLINE|LINK|BUTTON)\]"
                      r"|\[[\w.-]{1,60}\.(?:jpe?g|png|gif|svg|webp)(?:\?[\w.=&-]{0,40})?\]|\[INS:|:INS\]"
                      r"|\[[^\W_]+(?:_[^\W_]+)+\](?!\()")
_FIELD_RE = re.compile(r"_{3,}")
_EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\s*\1")  # "**Titre **": a space before the close
_STRONG_RE = re.compile(r"(\*\*|(?<!\w)_)(?=\S)([^*_]{1,600}?)(?<=\S)\1(?!\w)")  # may span lines
# lynx: "*", "+", then "o" for a third-level list item ("o Accueil"); w3m: "•", then "□"
_BULLET_RE = re.compile(r"^(?:(?:[*+▪►◦‣•□-]|o(?=\s+[A-ZÀ-Þ0-9«\"])|\d{1,2}[.)])\s+)+")  # links: "* * "
_HEADING_RE = re.compile(r"^(#{1,6})\s+(?=\S)")
# A link whose address the page filled with words ("[coopération nucléaire](Dissuasion
# nucléaire: la France déploie …)"): the link text stays, the rest goes.
_TEXT_HREF_RE = re.compile(r"\[([^\[\]]{1,300})\]\([^()\[\]]{1,300}\)")
_QUOTED_BREAK_RE = re.compile(r"\n[ \t]*(?:>[ \t]*)*")  # a line break in a link, with any "> " quote marks
# html2text's blockquote marks: "> ", "> > ", ">"; not a site's ">>> " arrow before a teaser link
_QUOTE_MARK_RE = re.compile(r"^>(?:[ \t]+>)*(?:[ \t]+|$)")
_REL_RE = re.compile(r"^#[A-Za-zÀ-ÿ]")  # lynx "#alternate …", "#Le Monde.fr : …": <link rel>


@dataclass(frozen=True)
class Line:
    """One line of the page with its scraper marks taken off."""

    text: str
    link_share: float = 0.0  # share of its letters that were link text
    bullet: bool = False  # started as a list item
    heading: int = 0  # Markdown heading level (1 = "# "), 0 when none
    artefact: bool = False  # a lynx/html2text artefact stood on the line
    rel: bool = False  # lynx's "#rel" head-of-page line: never article text
    outdented: bool = False  # flush left in a dump that indents its text: lynx's h1-h6
    quote: int = 0  # the number of the html2text blockquote ("> " lines) it is in, 0 if none


def unwrap_links(text: str) -> str:
    """Images go; link text stays between LINK_OPEN/LINK_CLOSE, its URL goes."""
    if "<" in text:
        text = _TAG_RE.sub(lambda m: " " * (m.group(0).count("\n") > 0) + "\n" * m.group(0).count("\n"), text)
    if "](" not in text and "<http" not in text and "**" not in text and "_" not in text:
        return text
    text = _IMAGE_RE.sub("", text)
    text = _STRONG_RE.sub(r"\2", text)
    text = _LINK_RE.sub(lambda m: LINK_OPEN + _QUOTED_BREAK_RE.sub(" ", m.group(1)) + LINK_CLOSE, text)
    text = _TEXT_HREF_RE.sub(lambda m: LINK_OPEN + _QUOTED_BREAK_RE.sub(" ", m.group(1)) + LINK_CLOSE, text)
    return _AUTOLINK_RE.sub("", text)


def _letters(s: str) -> int:
    return sum(c.isalnum() for c in s)


@cache
def _new_window_re() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The labels' pattern, and the starts of their last words: a quick test that a line may
    hold one at all (parse_line runs on every line)."""
    labels = sorted(entries("new_window_labels"), key=len, reverse=True)
    alt = "|".join(re.escape(label).replace("'", f"[{APOSTROPHES}]").replace("ê", "[êe]")
                   for label in labels)
    keys = tuple(sorted({label.split()[-1].lower()[:3] for label in labels}))
    return re.compile(rf"\s*(?:\(\s*(?:{alt})\s*\)|\[\s*(?:{alt})\s*\]|\s[-–]\s*(?:{alt})\b)", re.I), keys


_INLINE_LINK_WORDS = 6  # a link inside a sentence is a few words long


def _new_window_links(s: str) -> tuple[str, int]:
    """The line without its "(nouvelle fenêtre)" labels, and the letters of the link texts
    they closed: a dump without link marks still shows which words were links. A label that
    ends the line closes a link that is the whole line (or runs from the previous label: a
    teaser, a menu); inside a sentence, only the few words before it were the link."""
    pattern, keys = _new_window_re()
    low = s.lower()
    if not any(k in low for k in keys):
        return s, 0
    parts, linked, pos = [], 0, 0
    for m in pattern.finditer(s):
        text = s[pos:m.start()]
        if _letters(s[m.end():]):
            text = " ".join(text.split()[-_INLINE_LINK_WORDS:])
        linked += _letters(text)
        parts.append(s[pos:m.start()])
        pos = m.end()
    return ("".join(parts) + s[pos:], linked) if parts else (s, 0)


# lynx without -nolist numbers every link before its text: "[58]Russie", "[12][IMG]"; a
# footnote call is not one ("Rawls[12].", "[31] R. Senett, …": a space or a stop after it)
_LINK_NUMBER_RE = re.compile(r"\[\d{1,4}\](?=[^\W_]|[\[«\"'(])")


_NUMBERED_INLINE_WORDS = 3  # where a numbered link inside a sentence ends is not printed


def _numbered_links(s: str) -> tuple[str, int]:
    """The line without lynx's link numbers, and the letters of the link texts they opened: a
    number that starts the line opens a link up to the next number or the line's end (a menu
    item, a teaser); inside a sentence, only a few words after it were the link."""
    marks = list(_LINK_NUMBER_RE.finditer(s))
    if not marks:
        return s, 0
    linked = 0
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else len(s)
        text = s[m.end():stop]
        if m.start() > 0:
            text = " ".join(text.split()[:_NUMBERED_INLINE_WORDS])
        linked += _letters(text)
    return _LINK_NUMBER_RE.sub("", s), linked


# Two numeric dates a dump glued together (a post's <time> of publication and of update):
# "26/01/201726/01/2017" is "26/01/2017 26/01/2017".
_GLUED_DATES_RE = re.compile(r"(\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d)(?=\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d\b)")


# lynx's list of the links it numbered, at the page's end: "References", "Visible links",
# then "  12. https://…" per link
_REFERENCE_RE = re.compile(r"^(?:\d{1,4}\.\s+[a-z][\w+.-]*:\S*|References|Visible links:?|Hidden links:?)$")


def parse_line(raw: str) -> Line:
    """Take one line's marks off and say which there were."""
    s = raw.strip()
    if _REFERENCE_RE.match(s):
        return Line("", artefact=True)
    if "/" in s or "." in s:
        s = _GLUED_DATES_RE.sub(r"\1 ", s)
    rel = bool(_REL_RE.match(s))
    artefact = False
    if _LYNX_RE.search(s) or _FIELD_RE.search(s):
        s, artefact = _FIELD_RE.sub(" ", _LYNX_RE.sub(" ", s)).strip(), True
    quote = 0
    if s.startswith(">") and (m := _QUOTE_MARK_RE.match(s)):
        s, quote = s[m.end():], 1
    heading = 0
    if m := _HEADING_RE.match(s):
        heading, s = len(m.group(1)), s[m.end():]
    bullet = False
    if m := _BULLET_RE.match(s):
        bullet, s = True, s[m.end():]
    link_share = 0.0
    s, linked = _new_window_links(s)
    if "]" in s:
        s, numbered = _numbered_links(s)
        linked += numbered
    if linked:
        link_share = min(1.0, linked / max(1, _letters(s)))
    if LINK_OPEN in s:
        total = _letters(s)
        inside = sum(_letters(part.split(LINK_CLOSE)[0]) for part in s.split(LINK_OPEN)[1:])
        link_share = inside / total if total else 1.0
        s = s.replace(LINK_OPEN, "").replace(LINK_CLOSE, "")
    if "**" in s or "__" in s:
        s = _EMPHASIS_RE.sub(r"\2", s)
    return Line(" ".join(s.split()), link_share, bullet, heading, artefact, rel, quote=quote)


def parse_lines(text: str, flush: frozenset[int] = frozenset()) -> list[Line]:
    """Every line of ``text`` (already character-normalised), marks taken off; the lines
    numbered in ``flush`` (see :func:`flush_left_lines`) are lynx headings."""
    raw = unwrap_links(text).split("\n")
    lines = [parse_line(line) for line in raw]
    if flush and len(raw) == text.count("\n") + 1:  # no link spanned lines: numbers still hold
        lines = [replace(line, outdented=True) if k in flush and line.text else line
                 for k, line in enumerate(lines)]
    return join_wrapped(number_quotes(lines), wrap_width(text))


def number_quotes(lines: list[Line]) -> list[Line]:
    """Give each blockquote its own number: a line without a quote mark (a blank one too)
    ends it, so two quotes apart on the page stay apart once blank lines are dropped."""
    out, n, inside = [], 0, False
    for line in lines:
        if line.quote:
            n += not inside
            line = replace(line, quote=n)
        inside = bool(line.quote)
        out.append(line)
    return out


_INDENTED_SHARE = 0.6


def flush_left_lines(text: str) -> frozenset[int]:
    """The numbers of the flush-left lines of a dump that indents its text, read before the
    lines are stripped: lynx indents paragraphs and lists by three spaces and prints headings
    (h1-h6) flush left. Empty for any other text (html2text, copy-paste, one line per
    paragraph), where indentation means nothing."""
    from mattis_corpus.ingest.clean.chars import normalise_newlines

    raw = normalise_newlines(text).split("\n")
    lines = [(k, r) for k, r in enumerate(raw) if r.strip()]
    flush = frozenset(k for k, r in lines if not r[:1].isspace())
    if len(lines) < 10 or len(lines) - len(flush) < _INDENTED_SHARE * len(lines):
        return frozenset()
    return flush | _centred_rest(raw, flush)


_CENTRED_SLACK = 3  # characters: a centred line's margins are equal, give or take rounding


def _centred_rest(raw: list[str], flush: frozenset[int]) -> frozenset[int]:
    """The lines of a centred heading after its first (elinks centres an h1: a heading wider
    than the page starts flush left, its next lines are centred, their two margins equal):
    still the heading."""
    rest = set()
    for k in sorted(flush):
        width, j = len(raw[k].rstrip()), k + 1
        while j < len(raw) and raw[j].strip() and raw[j][:1].isspace():
            line = raw[j].rstrip()
            indent = len(line) - len(line.lstrip())
            if abs(2 * indent + len(line.lstrip()) - width) > _CENTRED_SLACK:
                break
            rest.add(j)
            j += 1
    return frozenset(rest)


_WRAPPED_P95 = 100  # a page whose long lines stop at ~80 characters was wrapped by its tool
_WRAPPED_MAX = 160  # and one dumped wider ("w3m -cols 120", "lynx -width=132") shows a band
_WRAPPED_MIN = 50
_FULL_LINE = 0.7  # a line this full (of the page's wrap width) went on on the next line


def wrap_width(text: str) -> int | None:
    """The width a text dump wrapped its lines at (lynx, html2text: ~72-80 characters by
    default, any width up to 160 when asked), or None for a page with a line per paragraph.
    Lines with a URL do not count: html2text never breaks a link's address."""
    widths = sorted(len(line.strip()) for line in text.split("\n")
                    if line.strip() and "://" not in line)  # URLs run past the wrap width
    if len(widths) < 10:
        return None
    p95 = widths[int(0.95 * (len(widths) - 1))]
    if _WRAPPED_MIN <= p95 <= _WRAPPED_P95:
        width: int | None = p95
    else:
        width = _band_width([n for n in widths if n >= _WRAPPED_MIN])
    return width if width is None or _goes_on_in_small_letters(text, width) else None


_WRAP_EVIDENCE = 8  # full lines needed to judge
_SMALL_GO_ON = 0.1  # share of full lines going on in a small letter below which nothing wrapped


def _goes_on_in_small_letters(text: str, width: int) -> bool:
    """A tool that wraps breaks sentences anywhere, so some of its full lines go on with a
    small letter ("… a été" / "arrêté mardi"); in a text with a line per paragraph or page
    element (a browser's copy, a tag-stripped page), a line as long as the width is a whole
    paragraph or a headline, and the next starts a new one with a capital."""
    full, small = 0, 0
    lines = [line.strip() for line in text.split("\n")]
    for a, b in zip(lines, lines[1:], strict=False):
        if b and len(a) >= _FULL_LINE * width and "://" not in a:
            full += 1
            small += b[0].islower()
    return full < _WRAP_EVIDENCE or small >= _SMALL_GO_ON * full


_BAND = 10  # wrapped lines end within a few characters of the width
_BAND_LINES = 12
_BAND_SHARE = 0.4


def _band_width(long_widths: list[int]) -> int | None:
    """A page that mixes wrapped text with long unbroken lines (a table, a pasted paragraph):
    its wrapped lines still pile up in a band just below the width. The top of the fullest
    10-character band, when it holds enough of the page's long lines."""
    best, top = 0, None
    for t in range(_WRAPPED_MIN + _BAND, _WRAPPED_MAX + 1):
        inside = sum(t - _BAND < n <= t for n in long_widths)
        if inside > best:
            best, top = inside, t
    if top is None or best < _BAND_LINES or best < _BAND_SHARE * len(long_widths):
        return None
    return max(n for n in long_widths if top - _BAND < n <= top)


def join_wrapped(lines: list[Line], width: int | None) -> list[Line]:
    """Join the lines a text dump wrapped back into their paragraph: a line nearly as long as
    the wrap width, followed by another line with no blank line between, continues on it."""
    if width is None:
        return _join_inline_breaks(lines)
    full = _FULL_LINE * width
    groups: list[list[Line]] = []
    sizes: list[int] = []  # words per group, kept as it grows: the join stays linear
    for line in lines:
        prev = groups[-1][-1] if groups else None
        if (prev is not None and prev.text and line.text
                and (len(prev.text) >= full or _broken_at_link(groups[-1], sizes[-1], line))
                and not line.bullet and not line.heading and not line.rel
                and line.outdented == prev.outdented and line.quote == prev.quote
                and not _dateline_after_sentence(prev.text, line.text)
                and not _element_of_its_own(line.text)
                and not _after_dated_byline(groups[-1][0].text, prev.text)):
            groups[-1].append(line)
            sizes[-1] += len(line.text.split())
        else:
            groups.append([line])
            sizes.append(len(line.text.split()))
    return [g[0] if len(g) == 1 else _joined(g) for g in groups]


_SENTENCE_END = (".", "!", "?", "»", '"', "…")
_GOES_ON = tuple(",.;:)»!?%")  # what continues a sentence at the start of the next text node
_TIGHT = tuple(",.)")  # of those, what takes no space before it


def _join_inline_breaks(lines: list[Line]) -> list[Line]:
    """A text with a line per text node (BeautifulSoup's ``get_text("\\n")``, some
    scrapers): a link or an emphasis inside a sentence puts it on three lines ("L'institut
    CSA publie les résultats d'" / "une étude" / ", selon …"). A line that does not end a
    sentence goes on with the next when that one starts in a small letter or with a mark
    that continues a sentence, or when it stops on a small word ("… selon" / "Le Monde");
    never into a list item, a heading, a byline ("par Zoé Samin") or a site's label."""
    from mattis_corpus.ingest.clean.chrome import is_byline
    from mattis_corpus.ingest.clean.title import ends_open

    out: list[list[Line]] = []
    for line in lines:
        prev = out[-1][-1] if out else None
        if (prev is not None and prev.text and line.text and not line.bullet and not line.heading
                and not prev.heading and not prev.text.endswith(_SENTENCE_END)
                and (line.text[0].islower() or _continues(line.text) or ends_open(prev.text))
                and not is_byline(line.text) and line.text.lower() not in _BYLINE_OPENERS
                and not line.rel and line.quote == prev.quote
                and not _label(line.text)):
            out[-1].append(line)
        else:
            out.append([line])
    return [g[0] if len(g) == 1 else _glued(g) for g in out]


_BYLINE_OPENERS = frozenset({"par", "by"})  # a byline's first word, its name in the next node
_ARROW_RE = re.compile(r"^»\s+[A-ZÀ-Þ]")  # "» Connectez-vous …": an arrow before a link, no quote's end


def _continues(text: str) -> bool:
    return text.startswith(_GOES_ON) and not _ARROW_RE.match(text)


def _label(text: str) -> bool:
    """A site's label of a word or two ("twitter", "partager"): no fragment of a sentence."""
    return text[0].isalpha() and len(text.split()) <= 2 and is_chrome_line(text)


def _glued(group: list[Line]) -> Line:
    """One sentence from its text nodes: no space before a mark that continues it."""
    joined = _joined(group)
    text = group[0].text
    for line in group[1:]:
        tight = line.text.startswith(_TIGHT) or text.endswith((*APOSTROPHES, "(", "«"))
        text += line.text if tight else " " + line.text  # French sets a space before » : ; ! ? %
    return replace(joined, text=text)
_BROKEN_MIN_WORDS = 8
_LINK_WORDS = 6  # a link inside a sentence is a few words; a longer one is a teaser's title


def _broken_at_link(group: list[Line], group_words: int, line: Line) -> bool:
    """A sentence the dump wrapped early because a link's markup was too long for the line
    ("… l'Australie, en" / "[Russie](https://…)."): the paragraph so far (``group_words``
    words) stops on a small-letter word, no sentence end, and the next line starts with a
    short link."""
    last = group[-1]
    tail = last.text.rsplit(None, 1)[-1] if last.text.strip() else ""
    return (group_words >= _BROKEN_MIN_WORDS and line.link_share > 0 and not last.bullet
            and len(line.text.split()) <= _LINK_WORDS
            and not group[0].heading and tail[-1:].isalpha() and tail[:1].islower())


def _dateline_after_sentence(prev: str, line: str) -> bool:
    """A date line under a paragraph's last sentence ("le 01/12/2017 à 15h45") is the
    article's dateline, not the paragraph going on, and a chrome label there ("En savoir
    plus", "Partager") is the page's: each stays a line of its own. A "Publié le …" line
    stays apart after anything."""
    if parse_dateline(line) is not None and has_keyword(line):
        return True  # "Publié le 13/07/2025 à 07:59" under a kicker never continues it
    return prev.rstrip().endswith(_SENTENCE_END) and (parse_dateline(line) is not None
                                                      or is_chrome_line(line))


_LABEL_WORDS = 4  # "Partager la brève"; a caption's credited end ("Nevada, le 25 … / AFP") is longer
_CAPITAL_BYLINE_RE = re.compile(r"(?:Par|By)\s+[A-ZÀ-Þ]")


def _element_of_its_own(line: str) -> bool:
    """A line no wrapped sentence goes on with: a byline ("Par Zoé Samin"; a sentence goes
    on with "par le ministre"), a capitalised site label ("Partager la brève"; a sentence
    goes on in small letters, "… une information de" / "qualité."), or a label of a word or
    two with no sentence end ("sauvegarder", under a headline in a browser's copy). A text with a line per
    page element has headlines as long as a wrap width, and these under them."""
    return bool(_CAPITAL_BYLINE_RE.match(line)) or (
        line[:1].isupper() and len(line.split()) <= _LABEL_WORDS and is_chrome_line(line)) or (
        _label(line) and not line.rstrip().endswith(TERMINAL))  # "partager." may end a sentence


_ENDS_ON_TIME_RE = re.compile(r"\b\d{1,2}\s?[h:]\s?\d{2}$")


def _after_dated_byline(first: str, prev: str) -> bool:
    """A byline wrapped over lines ends with its date and time ("Par X et Y, correspondant à
    New York — 5 avril 2017 à 19:26"): what comes under it (a caption, the lede) is not it."""
    return bool(_CAPITAL_BYLINE_RE.match(first) and _ENDS_ON_TIME_RE.search(prev))


def _joined(group: list[Line]) -> Line:
    """One paragraph from its wrapped lines (a hyphen at a line end joins without a space)."""
    parts = [group[0].text]
    for a, b in zip(group, group[1:], strict=False):
        hyphen = a.text.endswith("-") and a.text[-2:-1].isalpha() and b.text[:1].islower()
        parts.append(b.text if hyphen else " " + b.text)
    sizes = [_letters(line.text) for line in group]
    total = sum(sizes)
    share = sum(line.link_share * n for line, n in zip(group, sizes, strict=True)) / total if total else 0.0
    first = group[0]
    return Line("".join(parts), share, first.bullet, first.heading,
                any(line.artefact for line in group), first.rel, first.outdented, first.quote)
