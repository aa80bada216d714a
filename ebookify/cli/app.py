"""Routing: ``convert`` is the default command, so ``ebookify story.txt`` is ``ebookify convert
story.txt``; every command is a module of its own that registers with the group (``group.py``)
when imported. Only the command asked for is imported (all of them for the group's own
``--help``): building typer's parameters for five commands nobody asked for cost every
conversion about 8 ms. Commands import the pipeline inside their function, so ``ebookify --help``
and ``--version`` load typer and nothing else.
"""

from __future__ import annotations

import importlib
import sys

import typer

from .group import app

COMMANDS = ("check", "convert", "info", "preview", "serve", "update")  # in the order --help lists them
_GROUP_OPTIONS = ("--help", "-h", "--version")


def route(args: list[str]) -> list[str]:
    """Anything that is not a command name or a group option is a story: ``convert`` it."""
    if args and args[0] not in _GROUP_OPTIONS and args[0] not in COMMANDS:
        return ["convert", *args]
    return list(args)


def register(args: list[str]) -> None:
    """Import the command the routed ``args`` name, or every command when they name none."""
    for name in args[:1] if args and args[0] in COMMANDS else COMMANDS:
        importlib.import_module(f".{name}", __package__)


def run(args: list[str]) -> None:
    """Run a command and exit with its code; a usage mistake is one ``Error:`` line and exit 2
    (typer's boxed rich errors would take eight lines and hide the message in a frame)."""
    from typer._click import exceptions as click  # typer 0.28 vendors click; pinned below 0.29

    args = route(args)
    register(args)
    try:
        code = app(args=args, prog_name="ebookify", standalone_mode=False)
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
    except Exception as error:  # noqa: BLE001  (a bug met in a story: one line, never a traceback)
        typer.echo(f"Error: {type(error).__name__}: {error} (a bug in ebookify: please report it with the input "
                   "file); nothing was written", err=True)
        sys.exit(3)
    sys.exit(code if isinstance(code, int) else 0)
