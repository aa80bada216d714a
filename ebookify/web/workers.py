"""Conversions in worker processes with a time limit, so one hostile file can neither hang the
page nor take the server down with it.

pebble's ``ProcessPool`` kills a worker whose task overruns its time and starts a fresh one
(``concurrent.futures.ProcessPoolExecutor`` can only wait for it). Workers come from a fork
server that has already imported the pipeline, so a task starts in milliseconds and never
inherits the web server's threads or sockets.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import TimeoutError

from ..errors import EbookifyError

# Imported once by the fork server, so each worker starts with them (a missing one is skipped).
PRELOAD = ["ebookify.web.work", "ebookify.cover.draw", "ebookify.cover.image", "ebookify.epub.write",
           "ebookify.epub.checks", "ebookify.typography", "pymupdf"]


class Workers:
    def __init__(self, processes: int = 2, seconds: float = 60.0) -> None:
        self.processes = processes
        self.seconds = seconds
        self._pool = None

    def start(self) -> None:
        """Start the workers now and have each import the pipeline, so the first story is quick."""
        pool = self._started()
        for _ in range(self.processes):
            pool.schedule(_warm)

    def _started(self):
        if self._pool is None:
            from pebble import ProcessPool

            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            if context.get_start_method() == "forkserver":
                context.set_forkserver_preload(PRELOAD)
            self._pool = ProcessPool(max_workers=self.processes, context=context)
        return self._pool

    async def run(self, function: Callable, *args):
        """``function(*args)`` in a worker; an ``EbookifyError`` when it overruns or its process dies."""
        from pebble import ProcessExpired

        future = self._started().schedule(function, args=args, timeout=self.seconds)
        try:
            return await asyncio.wrap_future(future)
        except TimeoutError:
            raise EbookifyError(f"the conversion took longer than {self.seconds:g} seconds and was stopped",
                                "is the file really a story?") from None
        except ProcessExpired:
            raise EbookifyError("the conversion stopped unexpectedly (out of memory?)") from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.stop()
            self._pool.join()
            self._pool = None


def _warm() -> None:
    """Nothing: scheduling it makes the pool start its workers."""
