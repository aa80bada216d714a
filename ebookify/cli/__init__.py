"""The ``ebookify`` command group: the only place that touches the terminal and the file system.

``main`` installs the interrupt handlers before anything heavy is imported, so a Ctrl-C in the
first instant is handled like any other, then hands over to the typer app (``app.py``).

It also makes the cycle collector run less often. A conversion builds millions of small objects
that hold no cycles (the book model is tuples of frozen dataclasses; refcounting frees them), and
each full collection walks all of them: with the default thresholds a 50 MB story took 9 % longer
per megabyte than a 10 MB one, and 10 % longer in all. (A library must not change this for its
caller, so only the command does.)
"""

from __future__ import annotations

import gc
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
        sys.exit(130)
