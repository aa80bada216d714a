"""The ``ebookify`` command group: the only place that touches the terminal and the file system.

``main`` installs the interrupt handlers before anything heavy is imported, so a Ctrl-C in the
first instant is handled like any other, then hands over to the typer app (``app.py``).
"""

from __future__ import annotations

import sys


def main() -> None:
    from . import interrupts

    interrupts.install()
    try:
        from .app import run

        run(sys.argv[1:])
    except interrupts.Interrupted:
        sys.stderr.write("Error: interrupted; nothing was written\n")
        sys.exit(130)
