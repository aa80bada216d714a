"""Ctrl-C and SIGTERM, at any moment: exit 130 with one line, and nothing partial left behind.

Both signals raise ``Interrupted`` (not ``KeyboardInterrupt``, which click would turn into
"Aborted!" and exit 1), so every ``finally`` in the file layer runs and removes its temporary
file. Once a book is completely on disk, ``book_is_safe`` lets the run finish and report
success: exit 130 promises that nothing was written.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager


class Interrupted(BaseException):
    """A signal asked us to stop; a ``BaseException`` so no ``except Exception`` swallows it."""


def _raise(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def install() -> None:
    signal.signal(signal.SIGINT, _raise)
    signal.signal(signal.SIGTERM, _raise)


def book_is_safe() -> None:
    """The work is done: later signals are ignored so the success line is still printed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def held_back():
    """SIGINT and SIGTERM wait until the block is done (where the platform can hold signals)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
