"""Body or chrome, line by line: a scored model over general signals, then the article as the
main dense block of prose.

Each line gets features of its own (length, sentence punctuation, jusText's French stop-word
share, capitals, digits and symbols, a trailing "…", link text, bullets, scraper artefacts,
the chrome phrase lists) and of its neighbourhood (runs of short lines are menus), plus one of
the corpus: a short line that recurs verbatim in other documents is the site's furniture.
A logistic model (weights in ``data/boilerplate_weights.json``, fitted on the dev pages by
``benchmarks/fit_boilerplate.py``) gives each line a probability of being article text; the
article is then the run of lines with the largest total evidence (Finn et al.'s body text
extraction, on lines), and other runs nearly as strong (an article split by an ad) join it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources

from mattis_corpus.ingest.clean.chrome import is_chrome_line, related_header
from mattis_corpus.ingest.clean.markup import Line

FEATURES = (
    "bias", "log_words", "terminal", "ellipsis", "stopwords", "capitals", "symbols", "links",
    "bullet", "heading", "artefact", "chrome_phrase", "related_header", "recurring",
    "starts_lower", "pipes", "window_words", "window_terminal",
)
CONTEXT_FEATURES = ("bias", "self", "prev_mean", "next_mean", "prev_max", "next_max", "log_words",
                    "long_prose")
_TERMINAL = (".", "!", "?", "»", '"', ":", ";", ")")
_CONTEXT = 3  # lines each side whose first-stage probabilities inform the second stage
_WORD_RE = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
RECURRING_MAX_WORDS = 20  # only short lines are furniture: a long one recurring is a wire copy
_WINDOW = 2


@cache
def stopwords() -> frozenset[str]:
    """jusText's French stop list (a maintained list from Wikipedia frequencies)."""
    import justext

    return frozenset(w.lower() for w in justext.get_stoplist("French"))


@cache
def weights() -> tuple[dict[str, float], dict]:
    """The fitted weights and the settings of the block search (and where they came from)."""
    data = json.loads(
        resources.files("mattis_corpus").joinpath("data", "boilerplate_weights.json").read_text("utf-8")
    )
    return data["weights"], data["settings"]


def line_features(line: Line, recurring: bool) -> dict[str, float]:
    """The signals of one line taken alone."""
    text = line.text
    n = len(text.split())
    words = _WORD_RE.findall(text)
    stops = stopwords()
    letters = sum(c.isalpha() for c in text)
    return {
        "bias": 1.0,
        "log_words": math.log1p(n),
        "terminal": float(text.endswith(_TERMINAL) and not text.endswith(("...", "…"))),
        "ellipsis": float(text.endswith(("...", "…", "[…]"))),
        "stopwords": sum(w.lower() in stops for w in words) / len(words) if words else 0.0,
        "capitals": sum(w[0].isupper() for w in words) / len(words) if words else 0.0,
        "symbols": 1.0 - letters / len(text) if text else 1.0,
        "links": line.link_share,
        "bullet": float(line.bullet),
        "heading": float(line.heading > 0),
        "artefact": float(line.artefact or line.rel),
        "chrome_phrase": float(is_chrome_line(text)),
        "related_header": float(related_header(text) is not None),
        "recurring": float(recurring and n <= RECURRING_MAX_WORDS),
        "starts_lower": float(text[:1].islower()),
        "pipes": float(text.count(" | ") + text.count(" • ") >= 1),
    }


def page_features(lines: Sequence[Line], recurring: Callable[[str], bool]) -> list[dict[str, float]]:
    """Every line's features, with its neighbourhood's (the lines around it)."""
    own = [line_features(line, recurring(line.text)) for line in lines]
    for i, f in enumerate(own):
        around = own[max(0, i - _WINDOW): i] + own[i + 1: i + 1 + _WINDOW]
        f["window_words"] = sum(g["log_words"] for g in around) / len(around) if around else 0.0
        f["window_terminal"] = sum(g["terminal"] for g in around) / len(around) if around else 0.0
    return own


def context_features(own: Sequence[dict[str, float]], first: Sequence[float]) -> list[dict[str, float]]:
    """Second stage: a line's first-stage score with its neighbours' (an article's lines come
    in runs; a lone prose-like line among menus is a teaser, a short one among prose a heading)."""
    out = []
    for i, f in enumerate(own):
        before, after = first[max(0, i - _CONTEXT):i], first[i + 1:i + 1 + _CONTEXT]
        out.append({
            "bias": 1.0,
            "self": _logit(first[i]),
            "prev_mean": sum(before) / len(before) if before else 0.0,
            "next_mean": sum(after) / len(after) if after else 0.0,
            "prev_max": max(before, default=0.0),
            "next_max": max(after, default=0.0),
            "log_words": f["log_words"],
            "long_prose": float(f["log_words"] >= math.log1p(25) and f["stopwords"] >= 0.3),
        })
    return out


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def probabilities(lines: Sequence[Line], recurring: Callable[[str], bool]) -> list[float]:
    """Each line's probability of being article text (both stages)."""
    w, _ = weights()
    own = page_features(lines, recurring)
    first = [probability(f, w["line"]) for f in own]
    return [probability(f, w["context"]) for f in context_features(own, first)]


def probability(features: dict[str, float], w: dict[str, float]) -> float:
    z = sum(w.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _best_run(gains: Sequence[float], lo: int, hi: int) -> tuple[float, int, int]:
    """The run [i, j) of ``gains[lo:hi]`` with the largest sum (Kadane)."""
    best, best_i, best_j = 0.0, lo, lo
    total, start = 0.0, lo
    for k in range(lo, hi):
        if total <= 0:
            total, start = 0.0, k
        total += gains[k]
        if total > best:
            best, best_i, best_j = total, start, k + 1
    return best, best_i, best_j


def article_runs(probs: Sequence[float], sizes: Sequence[int], settings: dict) -> list[tuple[int, int]]:
    """The article's line runs: the strongest block, and any other nearly as strong."""
    gains = [(p - settings["threshold"]) * (n + settings["size_offset"]) for p, n in zip(probs, sizes, strict=True)]
    best, i, j = _best_run(gains, 0, len(gains))
    if best <= 0:
        return []
    runs = [(i, j)]
    pending = [(0, i), (j, len(gains))]
    while pending:
        lo, hi = pending.pop()
        score, a, b = _best_run(gains, lo, hi)
        if score >= settings["second_block"] * best and b > a:
            runs.append((a, b))
            pending += [(lo, a), (b, hi)]
    return sorted(runs)


def page_lines(normalised: str, flush: frozenset[int] = frozenset()) -> list[Line]:
    """The page's non-empty lines, scraper marks taken off (what the model scores);
    ``flush``: the numbers of its lynx heading lines (``markup.flush_left_lines``)."""
    from mattis_corpus.ingest.clean.markup import parse_lines

    return [line for line in parse_lines(normalised, flush) if line.text]


def line_key(text: str) -> str:
    """The form under which a line counts as "the same line" across documents."""
    from mattis_corpus.textutil import fold

    return " ".join(fold(text).split())


_PROSE_WORDS = 20
OPEN_PROSE_WORDS = 30  # a line a link broke off: longer than any headline or teaser title


def prose_like(line: Line, open_end: bool = False) -> bool:
    """Unmistakable prose: a long sentence-ending line of ordinary French, not link text. The
    article's block is never decided against it (comments are cut by their markers).
    ``open_end``: also a line half as long again whose sentence goes on on the next line (a
    dump broke it at a link); a headline is never that long."""
    text = line.text
    words = _WORD_RE.findall(text)
    if (len(words) < _PROSE_WORDS or line.link_share > 0.3 or text.endswith(("...", "…"))
            or is_chrome_line(text)):
        return False
    stops = stopwords()
    ends = text.endswith(_TERMINAL) or (open_end and len(words) >= OPEN_PROSE_WORDS)
    return ends and sum(w.lower() in stops for w in words) / len(words) >= 0.3
