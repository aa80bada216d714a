"""The ``ebookify`` typer group that every command module registers with (``@app.command()``).

A module of its own so that commands import the group and the router imports the commands,
never the other way round.
"""

from __future__ import annotations

import typer

from .. import __version__
from ..errors import EXIT_CODES

EPILOG = "Exit codes: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items()) + "."

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="Turn plain-text stories into EPUB e-books. `ebookify STORY.txt` is short for `ebookify convert STORY.txt`.",
    epilog=EPILOG,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ebookify {__version__}")
        raise typer.Exit()


@app.callback()
def _group(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Turn plain-text stories into EPUB e-books: `ebookify STORY.txt` converts one."""
