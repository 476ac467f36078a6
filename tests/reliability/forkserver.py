"""A fork server for the reliability tests: load spaCy once, then run `corpus` CLIs as children.

Each child is a real process running the real console entry point (``cli.main``) with its own
argv, stdout and stderr, exactly as ``corpus …`` would, minus the 10 s of model loading: the model
is already in memory when the server forks. That makes dozens of kill -9 trials affordable.

Protocol (one JSON object per line on stdin, one JSON reply per line on stdout):

* ``{"op": "start", "args": [...], "out": PATH, "err": PATH}`` → ``{"pid": N}``
* ``{"op": "wait", "pid": N}`` → ``{"pid": N, "returncode": RC}`` (negative: killed by a signal),
  with ``"maxrss_kb"`` of that child.
"""

from __future__ import annotations

import json
import os
import sys


def _child(args: list[str], out: str, err: str) -> None:
    code = 1
    try:
        os.setpgid(0, 0)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        for fd, path in ((1, out), (2, err)):
            f = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(f, fd)
            os.close(f)
        sys.argv = ["corpus", *args]
        from mattis_corpus.cli.commands import main

        try:
            main()
            code = 0
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def serve() -> None:
    from mattis_corpus.canon import resolve_entities  # noqa: F401
    from mattis_corpus.nlp.model import DEFAULT_MODEL, load_nlp
    from mattis_corpus.nlp.temporal.tagger import tag_dates
    from mattis_corpus.query import search as queries  # noqa: F401  (imported before forking)

    load_nlp(DEFAULT_MODEL)
    tag_dates("le 3 mars 2018", None)  # warm the lazy regexes too
    reply = sys.stdout
    reply.write(json.dumps({"ready": True}) + "\n")
    reply.flush()
    for line in sys.stdin:
        req = json.loads(line)
        if req["op"] == "start":
            reply.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                _child(req["args"], req["out"], req["err"])
            reply.write(json.dumps({"pid": pid}) + "\n")
        elif req["op"] == "wait":
            _, status, usage = os.wait4(req["pid"], 0)
            reply.write(json.dumps({"pid": req["pid"], "returncode": os.waitstatus_to_exitcode(status),
                                    "maxrss_kb": usage.ru_maxrss}) + "\n")
        reply.flush()


if __name__ == "__main__":
    serve()
