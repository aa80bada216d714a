"""Routing: ``convert`` is the default command, so ``ebookify story.txt`` is ``ebookify convert
story.txt``; every command is a module of its own, imported here so it registers with the group
(``group.py``). Commands import the pipeline inside their function, so ``ebookify --help`` and
``--version`` load typer and nothing else.
"""

from __future__ import annotations

import sys

import typer

from . import check, convert, info, preview, serve, update  # noqa: F401  (each command module registers itself)
from .group import app

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
