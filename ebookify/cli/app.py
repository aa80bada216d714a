"""The typer group. ``convert`` is the default command, so ``ebookify story.txt`` is
``ebookify convert story.txt``; every other command is a module of its own that registers here.

Commands import the pipeline inside their function, so ``ebookify --help`` and ``--version``
load typer and nothing else.
"""

from __future__ import annotations

import sys

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


def _register() -> None:
    from . import convert, serve  # noqa: F401  (each command module adds itself to ``app``)


_register()

_GROUP_OPTIONS = ("--help", "-h", "--version")


def command_names() -> set[str]:
    return {c.name or c.callback.__name__ for c in app.registered_commands}


def route(args: list[str]) -> list[str]:
    """Anything that is not a command name or a group option is a story: ``convert`` it."""
    if args and args[0] not in _GROUP_OPTIONS and args[0] not in command_names():
        return ["convert", *args]
    return list(args)


def run(args: list[str]) -> None:
    """Run a command and exit with its code; a usage mistake is one ``Error:`` line and exit 2
    (typer's boxed rich errors would take eight lines and hide the message in a frame)."""
    from typer._click import exceptions as click  # typer 0.28 vendors click; pinned below 0.29

    try:
        code = app(args=route(args), prog_name="ebookify", standalone_mode=False)
    except click.UsageError as error:
        where = f"ebookify {error.ctx.info_name}" if error.ctx and error.ctx.info_name != "ebookify" else "ebookify"
        typer.echo(f"Error: {error.format_message()}\nTry '{where} --help' for the options.", err=True)
        sys.exit(2)
    except click.ClickException as error:
        typer.echo(f"Error: {error.format_message()}", err=True)
        sys.exit(error.exit_code)
    except typer.Abort:
        typer.echo("Error: interrupted; nothing was written", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
