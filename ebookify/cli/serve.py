"""``ebookify serve``: the web page (``ebookify/web``) on this computer, for readers who never
open a terminal.

Listens on 127.0.0.1 only, unless ``--host`` says otherwise (with a warning: the page has no
password). The port is ``--port`` or 8153, or the next free one after it. Uploads stay in
memory (``web/app.py``): nothing is written to disk.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from ..errors import EbookifyError
from . import report
from .group import app

if TYPE_CHECKING:
    import socket

DEFAULT_PORT = 8153
TRIES = 20  # ports tried after the first
LOCAL = ("127.0.0.1", "localhost")


@app.command(epilog="Exit codes: see `ebookify --help`.")
def serve(
    port: int = typer.Option(DEFAULT_PORT, "--port", min=1, max=65535, help="The port; the next free one if it is taken."),
    open_browser: bool = typer.Option(False, "--open", help="Open the page in your web browser."),
    host: str = typer.Option("127.0.0.1", "--host", metavar="ADDRESS",
                             help="Listen on another address (0.0.0.0: every network). The page has no password."),
    time_limit: float = typer.Option(60.0, "--time-limit", min=1, metavar="SECONDS", help="Stop a conversion that takes longer."),
) -> None:
    """Open a local web page: drop stories, fix what was found, download the books."""
    try:
        import uvicorn

        from ..web.app import Limits, create_app
    except ModuleNotFoundError as missing:
        report.fail(EbookifyError(f"ebookify serve needs the serve extra ({missing.name} is missing): "
                                  "pip install 'ebookify[serve]'"))
    if host not in LOCAL:
        typer.echo(f"warning: listening on {host}: other computers that can reach this one can use the page, "
                   "and it has no password", err=True)
    try:
        listener = _listen(host, port)
    except OSError as error:
        report.fail(EbookifyError(f"cannot listen on {host} ports {port}-{port + TRIES}: {error.strerror or error}"))
    bound = listener.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{bound}/"
    typer.echo(f"ebookify serve: {url}  (Ctrl-C stops it)")
    hosts = LOCAL if host in LOCAL else ("*",)  # the Host check guards against DNS rebinding
    limits = Limits(seconds=time_limit)
    server = uvicorn.Server(uvicorn.Config(create_app(limits, hosts), log_level="warning", access_log=False))
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    _quiet_signals()
    server.run(sockets=[listener])
    typer.echo("ebookify serve: stopped")


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``port`` or the next free one (bound here, so no other program slips in)."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    error: OSError | None = None
    for candidate in range(port, min(port + TRIES, 65535) + 1):
        listener = socket.socket(family, socket.SOCK_STREAM)
        if sys.platform != "win32":
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            listener.bind((host, candidate))
            listener.listen(128)
            return listener
        except OSError as exc:
            listener.close()
            error = exc
    raise error or OSError("no free port")


def _quiet_signals() -> None:
    """Ctrl-C is how a server stops: uvicorn shuts down cleanly and re-raises the signal after,
    which must not reach the CLI's "interrupted; nothing was written" handler."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
