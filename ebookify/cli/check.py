"""``ebookify check BOOK.epub…``: will a Kindle, a Kobo or Apple Books take this book, and what
will a reader hit? For any EPUB, ours or not.

Three instruments, one list: EPUBCheck (when Java is there; said plainly when not), ebookify's
own structural checks and the device pre-flight (``epub/preflight.py``). Exit 0 when nothing at
warning or error level was found, 4 when something was, 1 when a book could not be read at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import EbookifyError
from . import files
from .group import app

CLEAN, PROBLEMS, UNREADABLE = 0, 4, 1


@app.command(no_args_is_help=True, epilog="Exit codes: 0 nothing found; 4 problems found; 1 a book could not be read; 2 wrong usage.")
def check(
    books: list[Path] = typer.Argument(..., metavar="BOOK.epub…", help="One or more EPUB files, made by anyone.", show_default=False),
    as_json: bool = typer.Option(False, "--json", help="Print the findings as JSON records, one per book."),
    epubcheck: bool = typer.Option(True, "--epubcheck/--no-epubcheck", help="Also run EPUBCheck (needs Java)."),
) -> None:
    """Check EPUB books for what Send to Kindle, Kobo and Apple Books reject, and what readers would hit.

    Each finding says how bad it is, where, what it means for the reader, and whether rebuilding the book with ebookify fixes it.
    """
    records = [_check_one(path, epubcheck) for path in books]
    if as_json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for record in records:
            _show(record)
    if any(r["error"] for r in records):
        raise typer.Exit(UNREADABLE)
    if any(p["severity"] in ("error", "warning") for r in records for p in r["problems"]):
        raise typer.Exit(PROBLEMS)


def _check_one(path: Path, epubcheck: bool) -> dict:
    from ..epub.open import open_book
    from ..epub.preflight import RANK, preflight

    record: dict = {"book": str(path), "error": "", "epubcheck": "not run", "problems": []}
    try:
        data = files.read_bytes(path, "book")
        book = open_book(data)
    except EbookifyError as error:
        record["error"] = f"{path}: {error.message}"
        return record
    problems = list(preflight(data, book))
    if epubcheck:
        found, record["epubcheck"] = _epubcheck(path)
        problems = found + problems
    record["problems"] = [p.record() for p in sorted(problems, key=lambda p: RANK.get(p.severity, 3))]
    return record


def _epubcheck(path: Path) -> tuple[list, str]:
    from ..epub.checks import CheckUnavailable, run_epubcheck
    from ..epub.preflight import from_epubcheck

    try:
        return list(from_epubcheck(run_epubcheck(str(path)))), "ran"
    except CheckUnavailable as why:
        return [], f"could not run: {why}"


def _show(record: dict) -> None:
    if record["error"]:
        typer.echo(f"Error: {record['error']}", err=True)
        return
    problems = record["problems"]
    counts = {s: sum(p["severity"] == s for p in problems) for s in ("error", "warning", "info")}
    summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n) or "no problems found"
    typer.echo(f"{record['book']}: {summary}")
    if record["epubcheck"].startswith("could not run"):
        typer.echo(f"  EPUBCheck {record['epubcheck']}; ebookify's own checks ran", err=True)
    for problem in problems:
        fix = "rebuilding with ebookify fixes this" if problem["rebuild_fixes"] else "rebuilding does not fix this"
        typer.echo(f"  {problem['severity']}: [{problem['device']}] {problem['message']}")
        typer.echo(f"      where: {problem['where']}")
        typer.echo(f"      for the reader: {problem['reader']} ({fix})")
