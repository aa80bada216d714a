"""The ``ebookify`` command group: the only place that touches the terminal and the file system.

``main`` installs the interrupt handlers before anything heavy is imported, so a Ctrl-C in the
first instant is handled like any other, then hands over to the typer app (``app.py``).

It also makes the cycle collector run less often. A conversion builds millions of small objects
that hold no cycles (the book model is tuples of frozen records; refcounting frees them), and
each full collection walks all of them: with the default thresholds a 50 MB story took 9 % longer
per megabyte than a 10 MB one, and 10 % longer in all. (A library must not change this for its
caller, so only the command does.)

And it ends the process itself once the command is done and its output flushed: tearing the
interpreter down (freeing every module and object one by one) took a short story's conversion
19 ms, an eighth of its run, for memory the system takes back at once anyway. Every file is
closed by then; a crash still unwinds normally, with its traceback. A command that started
worker processes (a batch, ``serve``) exits the usual way: multiprocessing removes its temporary
folder only then.
"""

from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    from . import interrupts

    gc.set_threshold(50_000, 20, 100)

    interrupts.install()
    try:
        from .app import run

        run(sys.argv[1:])
    except interrupts.Interrupted:
        sys.stderr.write("Error: interrupted; nothing was written\n")
        _end(130)
    except SystemExit as done:
        _end(_status(done.code))


def _status(code: object) -> int:
    """What ``sys.exit(code)`` would have made of it."""
    if code is None or isinstance(code, int):
        return code or 0
    sys.stderr.write(f"{code}\n")
    return 1


def _end(status: int) -> None:
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a reader that went away (``| head``): nothing more to say
        status = status or 1
    if "multiprocessing" in sys.modules:
        sys.exit(status)
    os._exit(status)
