"""1b · Load a saved web page (``.html``, ``.htm``, ``.html.gz``) → ``RawDoc``.

The main text comes from trafilatura (the field's main-content extractor: comments and tables
left out, paragraphs and headings kept, one per line), then goes through our own cleaning like
any scraped text. The page's metadata comes from trafilatura and htmldate (title, original
publication date, update date, authors, site name, canonical URL, description) and from the
markup itself (``<html lang>``, the ``<h1>``); :func:`page_title` and :func:`choose_published`
decide, with our own evidence, which to believe. Everything heavy is imported inside the
functions: only an ingest that meets an HTML page pays for lxml and trafilatura.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mattis_corpus.errors import BadInputError
from mattis_corpus.ingest.language import normalise_code

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from mattis_corpus.models import CleanDoc, Published, RawDoc

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")
MAX_HTML_BYTES = 16 * 1024 * 1024  # pages with inline scripts and images run to a few MB
# What the start of an HTML document holds (after a BOM, comments or an XML declaration).
_HTML_START = re.compile(rb"<(!doctype\s+html|html|head|body|meta|title|div|p|article|main|section)\b",
                         re.IGNORECASE)
_H1_MIN_WORDS = 3
# Embedded social-media posts (tweets, Instagram, TikTok, Facebook): quoted from elsewhere,
# never the article's own text; they also carry English-format dates.
EMBEDS = [
    "//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')"
    " or contains(@class, 'tiktok-embed') or contains(@class, 'fb-xfbml-parse-ignore')]",
]
_WORD_RE = re.compile(r"[^\W\d_]{4,}")


def is_html_name(name: str) -> bool:
    """A file name that says it holds a web page."""
    return name.lower().endswith(HTML_SUFFIXES)


def html_id(path: Path) -> str:
    """The document id: the file name without its page extension (``p01.html.gz`` -> ``p01``)."""
    low = path.name.lower()
    suffix = max((s for s in HTML_SUFFIXES if low.endswith(s)), key=len, default="")
    return path.name[: len(path.name) - len(suffix)] if suffix else path.stem


def looks_like_html(data: bytes) -> bool:
    """Markup near the start: a tag every saved page opens with. Plain text named ``.html``
    (or a PDF, an image) has none."""
    head = data[:8192].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: look at the characters
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return bool(_HTML_START.search(head[:4096]))


def read_page_bytes(path: Path) -> bytes:
    """The page's bytes, un-gzipped for ``.gz``.

    Raises:
        BadInputError: unreadable, too large, a broken gzip file, or not HTML at all.
    """
    from mattis_corpus.ingest.sources import _read_file

    try:
        data = _read_file(path, MAX_HTML_BYTES)
        if path.name.lower().endswith(".gz"):
            data = gzip.decompress(data)
    except PermissionError:
        raise BadInputError("permission denied") from None
    except (OSError, EOFError) as e:  # gzip.BadGzipFile is an OSError
        raise BadInputError(f"cannot read: {getattr(e, 'strerror', None) or e}") from None
    if len(data) > MAX_HTML_BYTES:
        raise BadInputError(f"page too large once decompressed (limit {MAX_HTML_BYTES >> 20} MiB)")
    if not data.strip():
        raise BadInputError("empty file (no text)")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadInputError("binary file (NUL bytes): not an HTML page")
    if not looks_like_html(data):
        raise BadInputError("not an HTML page (no markup found) although named so")
    return data


def read_html(path: Path, unchanged: Callable[[str, str], bool] | None = None) -> RawDoc:
    """Read one saved page: its main text and the metadata it declares.

    ``unchanged(id, sha256)`` says the store already holds this very page: it is then not
    extracted at all (the RawDoc has no text), so a re-ingest costs a hash, not trafilatura.

    Raises:
        BadInputError: see :func:`read_page_bytes`; a page with no main text.
    """
    from mattis_corpus.ingest.sources import read_meta
    from mattis_corpus.models import RawDoc

    doc_id = html_id(path)
    data = read_page_bytes(path)
    # The sidecar is NAME.meta.json beside NAME.html, as beside NAME.txt.
    warnings: list[str] = []
    meta, meta_bytes = read_meta(path.with_name(doc_id + ".txt"), warnings)
    digest = hashlib.sha256(data + b"\0meta\0" + meta_bytes).hexdigest()
    if unchanged is not None and unchanged(doc_id, digest):
        return RawDoc(id=doc_id, path=path, text="", encoding="", sha256=digest, meta=meta)
    text, page = extract(data)
    return RawDoc(id=doc_id, path=path, text=text, encoding=page.pop("encoding"), sha256=digest,
                  meta=meta, warnings=tuple(warnings), page=page)


def extract(data: bytes | str) -> tuple[str, dict]:
    """(main text, page metadata) of one HTML document.

    Raises:
        BadInputError: markup that lxml cannot parse, or a page without any main text.
    """
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(as_browsers_decode(data) if isinstance(data, bytes) else data)
    if tree is None:
        raise BadInputError("not an HTML page (the markup cannot be parsed)")
    doc = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False,
        prune_xpath=EMBEDS, output_format="python",
    )
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        raise BadInputError("no article text found in the HTML page")
    page = _metadata(doc, tree, data)
    text = with_standfirst(text, page.get("description"))
    page["encoding"] = _declared_charset(data) if isinstance(data, bytes) else "utf-8"
    page["extracted"] = True  # the text is trafilatura's main text
    return text, page


def with_standfirst(text: str, description: str | None) -> str:
    """The page's description put first when it is a standfirst trafilatura left out."""
    if not description or len(description.split()) < 8:
        return text
    if _squash(description)[:80] in _squash(text):
        return text
    return _squash(description) + "\n\n" + text


def _metadata(doc: object, tree: HtmlElement, data: bytes | str) -> dict:
    """What the page declares, as plain values (None when absent)."""
    published = getattr(doc, "date", None)
    page = {
        "title": getattr(doc, "title", None),
        "h1": [_squash(h.text_content()) for h in tree.iter("h1")],
        "published": published,
        "published_source": date_source(tree, published) if published else None,
        "updated": _updated(data, tree, published),
        "author": getattr(doc, "author", None),
        "site": getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        "url": getattr(doc, "url", None),
        "description": getattr(doc, "description", None),
        "language": declared_language(tree) or normalise_code(getattr(doc, "language", None)),
    }
    return {k: v for k, v in page.items() if v not in (None, "", [])}


# Labels that browsers read as windows-1252 (the WHATWG Encoding Standard): pages declared
# Latin-1 are cp1252 in practice, and their ’ “ ” … € bytes would otherwise be lost.
_CP1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii",
                            "ascii", "windows-1252", "cp1252", "iso_8859-1", "cp819", "ibm819"})
_CHARSET_RE = re.compile(rb"""(charset=["']?)([\w-]+)""", re.IGNORECASE)


def as_browsers_decode(data: bytes) -> bytes:
    """The page as UTF-8 when it declares a Latin-1 label, decoded as a browser would."""
    m = _CHARSET_RE.search(data[:4096])
    if m is None or m.group(2).decode("ascii").lower() not in _CP1252_LABELS:
        return data
    text = data.decode("cp1252", errors="replace")
    return _CHARSET_RE.sub(rb"\1utf-8", text.encode("utf-8"), count=1)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _declared_charset(data: bytes) -> str:
    m = re.search(rb"""charset=["']?([\w-]+)""", data[:4096], re.IGNORECASE)
    return m.group(1).decode("ascii").lower() if m else "utf-8"


def _updated(data: bytes | str, tree: HtmlElement, published: str | None) -> str | None:
    """The page's last-modified date: the one its markup declares (even on the day it was
    published), else htmldate's newest date when later than the original."""
    declared = declared_modified(tree)
    if declared and (published is None or declared >= published[:10]):
        return declared
    from htmldate import find_date

    try:
        newest = find_date(data, original_date=False, extensive_search=False)
    except Exception:  # htmldate on odd markup: no update date rather than a failed page
        return None
    return newest if newest and (published is None or newest > published) else None


_MODIFIED_META = ("article:modified_time", "og:updated_time", "article:updated_time",
                  "datemodified", "dcterms.modified", "dc.date.modified", "last-modified")
_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished",
                   "dcterms.created", "dc.date.created")
_JSON_DATE_RE = re.compile(r'"(dateModified|datePublished)"\s*:\s*"([^"]{8,40})"')
_ISO_DAY_RE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


def declared_modified(tree: HtmlElement) -> str | None:
    """The modification day the markup declares (Open Graph / schema.org meta, JSON-LD
    ``dateModified``), as YYYY-MM-DD; none when it repeats the publication timestamp to the
    second (a CMS filling both fields at once has not updated anything)."""
    found = _declared_stamps(tree)
    modified, published = found.get("modified"), found.get("published")
    if modified is None or modified == published:
        return None
    return _as_day(modified)


def _declared_stamps(tree: HtmlElement) -> dict[str, str]:
    """The first declared modification and publication stamps, as written."""
    found: dict[str, str] = {}
    for el in tree.iter("meta", "time"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        value = el.get("content") or el.get("datetime") or ""
        kind = "modified" if key in _MODIFIED_META else "published" if key in _PUBLISHED_META else None
        if kind and value.strip():
            found.setdefault(kind, value.strip())
    for el in tree.iter("script"):
        if "ld+json" in (el.get("type") or ""):
            for key, value in _JSON_DATE_RE.findall(el.text or ""):
                found.setdefault("modified" if key == "dateModified" else "published", value.strip())
    return found


def _as_day(value: str) -> str | None:
    """YYYY-MM-DD from an ISO timestamp or a French date ("mise à jour le 24/02/2013 - 21h16")."""
    if m := _ISO_DAY_RE.match(value):
        return m.group(1)
    from mattis_corpus.ingest.clean.dateline import line_dates

    return next((d.value for d in line_dates(value) if d.precision == "day"), None)


def declared_language(tree: HtmlElement) -> str | None:
    """The language the markup declares: ``<html lang>``, ``og:locale``, Content-Language."""
    root = tree.getroottree().getroot()
    values = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("http-equiv") or m.get("name") or "").lower()
        if key in ("og:locale", "content-language", "language", "dc.language"):
            values.append(m.get("content"))
    return next((c for v in values if (c := normalise_code(v))), None)


def date_source(tree: HtmlElement, value: str) -> str:
    """Where the page states the date htmldate chose: ``html-meta`` (a ``<meta>`` or JSON-LD),
    ``html-time`` (a ``<time datetime>``), ``html-url`` (the page's own address), else
    ``html-text`` (found in the page's text)."""
    day = value[:10]
    for m in tree.iter("meta"):
        if day in (m.get("content") or ""):
            return "html-meta"
    for s in tree.iter("script"):
        if (s.get("type") or "").lower() == "application/ld+json" and day in (s.text or ""):
            return "html-meta"
    for t in tree.iter("time"):
        if day in (t.get("datetime") or ""):
            return "html-time"
    return "html-url" if _in_page_url(tree, day) else "html-text"


def _in_page_url(tree: HtmlElement, day: str) -> bool:
    """The date written in the page's own address (canonical link or og:url): /2017/02/16/,
    2017-02-16, 20170216."""
    y, m, d = day[:4], day[5:7], day[8:10]
    if not (m and d):
        return False
    forms = (f"/{y}/{m}/{d}", f"{y}-{m}-{d}", f"{y}{m}{d}", f"/{y}/{m}/{d}".replace("/0", "/"))
    urls = [link.get("href") or "" for link in tree.iter("link")
            if (link.get("rel") or "").lower() == "canonical"]
    urls += [m_.get("content") or "" for m_ in tree.iter("meta") if m_.get("property") == "og:url"]
    return any(f in url for url in urls for f in forms)


def page_title(page: dict, body: str, cleaned_title: str | None) -> str | None:
    """The title: the page's ``<h1>`` when it is a headline sharing words with the body (it
    is what the reader sees; ``og:title`` is often an SEO variant), else the declared title,
    site name stripped, else what our cleaning found."""
    from mattis_corpus.ingest.clean.chars import normalise_text
    from mattis_corpus.ingest.clean.page import strip_site_name

    words = _content_words(body)
    best, best_shared = None, 1
    for h in page.get("h1", []):
        shared = len(_content_words(h) & words)
        if len(h.split()) >= _H1_MIN_WORDS and shared > best_shared:
            best, best_shared = h, shared
    declared = page.get("title")
    if best is not None and not (declared and _same_words(strip_site_name(declared), best)):
        return normalise_text(strip_site_name(best))  # apostrophes and quotes as in the text
    if declared:
        return normalise_text(strip_site_name(declared))
    return cleaned_title


def _content_words(text: str) -> set[str]:
    from mattis_corpus.ingest.language import stopwords
    from mattis_corpus.textutil import fold

    stops = stopwords("fr")
    return {w for w in _WORD_RE.findall(fold(text)) if w not in stops}


def _same_words(a: str, b: str) -> bool:
    from mattis_corpus.textutil import fold

    return _WORD_RE.findall(fold(a)) == _WORD_RE.findall(fold(b))


# How the publication date was chosen on an HTML page, for benchmarks/pages.py to count.
DATE_DECISIONS: dict[str, int] = {}


def choose_published(page: dict, cleaned: CleanDoc) -> Published | None:
    """The page's publication date, by evidence: a date the markup states (``<meta>``, JSON-LD,
    ``<time>``) beats our reading of the text; a date htmldate only found in the text or URL
    gives way to a full dateline of ours that disagrees. None: let the text decide."""
    from mattis_corpus.ingest.published import make

    found = page.get("published")
    dl = cleaned.dateline
    ours = dl.value if dl is not None and not dl.furniture and dl.precision == "day" else None
    if not found:
        return None
    if ours and ours != found[:10]:
        _count(f"htmldate ({page.get('published_source')}) over a disagreeing dateline")
    else:
        _count("htmldate, dateline agrees" if ours else "htmldate, no dateline")
    return make(found[:10], page.get("published_source") or "html-meta")


def _count(decision: str) -> None:
    DATE_DECISIONS[decision] = DATE_DECISIONS.get(decision, 0) + 1


def restore_lede(extracted: str, cleaned: CleanDoc) -> CleanDoc:
    """Put back the prose trafilatura kept before the block our line classifier chose (on a
    page already stripped of its furniture, a long sentence-ending line of ordinary French
    there is the standfirst or the first paragraph, never a menu: dev pages p10, p35), and
    drop a copy of the title left at the top of the text (the ``<h1>`` printed in the body)."""
    from mattis_corpus.ingest.clean import boilerplate as B
    from mattis_corpus.ingest.clean.chars import normalise_text

    blocks = [(cleaned.text[p.start:p.end], p.kind) for p in cleaned.paragraphs]
    if not blocks:
        return cleaned
    lines = B.page_lines(normalise_text(extracted))
    if blocks[0][1] == "title":
        new = _filled(lines, blocks)
        return cleaned if new == blocks else _rebuilt(cleaned, new)
    at = next((i for i, ln in enumerate(lines) if ln.text == blocks[0][0]), None)
    lede = [] if at is None else [
        (ln.text, "body") for ln in lines[:at]
        if B.prose_like(ln) and ln.text != cleaned.title and ln.text not in cleaned.text]
    head = [b for b in blocks[:3] if not (cleaned.title and _same_words(b[0], cleaned.title))]
    new = _filled(lines, lede + head + blocks[3:])
    return cleaned if new == blocks else _rebuilt(cleaned, new)


_FILL_MIN_WORDS = 3  # a word or two between blocks is a label (credit, "Publicité"), not text


def _filled(lines: list, blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Put back the lines trafilatura kept *inside* the article our classifier chose (a list
    of winners, bullet points, a short paragraph between two long ones): on a page already
    stripped of its furniture by its markup, what stands between two article blocks is the
    article's too, unless it is a chrome phrase."""
    from mattis_corpus.ingest.clean.chrome import is_chrome_line, related_header
    from mattis_corpus.ingest.clean.title import caption_keys

    where = [next((k for k, b in enumerate(blocks) if ln.text and ln.text in b[0]), None)
             for ln in lines]
    kept = [i for i, k in enumerate(where) if k is not None]
    if len(kept) < 2:
        return blocks
    after: dict[int, list[tuple[str, str]]] = {}
    last = where[kept[0]]
    for i in range(kept[0], kept[-1] + 1):
        if where[i] is not None:
            last = max(last, where[i])
            continue
        text = lines[i].text
        if (len(text.split()) > _FILL_MIN_WORDS and not is_chrome_line(text)
                and related_header(text) is None and not caption_keys([text])):
            after.setdefault(last, []).append((text, "body"))
    out: list[tuple[str, str]] = []
    for k, b in enumerate(blocks):
        out += [b, *after.get(k, [])]
    return out


def _rebuilt(cleaned: CleanDoc, blocks: list[tuple[str, str]]) -> CleanDoc:
    """The document with these (text, kind) paragraphs, joined by blank lines."""
    from dataclasses import replace

    from mattis_corpus.models import Paragraph

    paragraphs, pos = [], 0
    for text, kind in blocks:
        paragraphs.append(Paragraph(pos, pos + len(text), kind))
        pos += len(text) + 2
    return replace(cleaned, text="\n\n".join(t for t, _ in blocks), paragraphs=tuple(paragraphs))
