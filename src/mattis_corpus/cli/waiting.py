"""What ``ingest`` shows while it waits for another process's write lock on the store."""

from __future__ import annotations

import sys
from collections.abc import Callable

# Shorter waits are the normal interleaving of two writers: not worth a word.
SHOW_AFTER_S = 1.0


def lock_wait_reporter(
    path: str | None, progress: Callable[[str, int | None], None] | None
) -> Callable[[float | None], None]:
    """A ``Store.on_lock_wait`` callback: the progress bar's status line says "waiting for
    the write lock (N s)" on a terminal; otherwise one ``Notice:`` line on stderr per wait."""
    state = {"shown": False}

    def on_wait(seconds: float | None) -> None:
        if seconds is None:  # the lock was taken
            if state["shown"] and progress is not None:
                progress("analysing", None)
            state["shown"] = False
            return
        if seconds < SHOW_AFTER_S:
            return
        if progress is not None:
            progress("waiting", int(seconds))
        elif not state["shown"]:
            print(f"Notice: waiting for the write lock of the store {path}: another process is "
                  "writing to it", file=sys.stderr, flush=True)
        state["shown"] = True

    return on_wait
