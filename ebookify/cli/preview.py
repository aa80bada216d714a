"""``ebookify preview STORY.txt|BOOK.epub``: see the book before sideloading it. PNG pages as
MuPDF lays them out (the cover, title page, contents, first chapter page, a scene break and a
note when there are some) and one contact sheet, written to a folder; prints where they went.

A story is converted in memory first (nothing but the PNGs is written). Needs the optional
extra ``ebookify[preview]`` (PyMuPDF); without it, one ``Error:`` line names the extra.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import EbookifyError, UsageError
from . import files, report
from .group import app
from .story_options import Given, story_options


@app.command(no_args_is_help=True, epilog="Exit codes: 0 written; 1 the file could not be read or rendered; 2 wrong usage.")
def preview(
    path: Path = typer.Argument(..., metavar="STORY.txt|BOOK.epub", help="A story (converted in memory) or an EPUB book.",
                                show_default=False),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FOLDER", show_default=False,
                                          help="The folder for the PNGs [default: dist/<name>-preview/]."),
    pages: str = typer.Option("", "--pages", metavar="LIST",
                              help="Which pages, comma-separated: cover, title, contents, chapter, break, note, "
                                   "or page numbers (1-based) [default: all the kinds the book has]."),
    width: int = typer.Option(600, "--width", metavar="PIXELS", help="Each page's width in pixels (a 3:4 page)."),
    dark: bool = typer.Option(False, "--dark", help="Render as a reader's dark mode shows it: light text on black."),
) -> None:
    """Render the pages that matter to PNG files, plus a contact sheet, with MuPDF."""
    from ..epub.pages import KINDS, contact_sheet, render_pages

    try:
        kinds, numbers = _pages(pages, KINDS)
        if not 100 <= width <= 4000:
            raise UsageError(f"the width must be between 100 and 4000 pixels, not {width}", option="width")
        epub, name = _book(path)
        shots = render_pages(epub, kinds, numbers, width, dark)
        if not shots:
            raise EbookifyError("none of the pages asked for is in the book")
        folder = output or files.DEFAULT_FOLDER / f"{name}-preview"
        files.make_folder(folder)
        suffix = "-dark" if dark else ""
        written = []
        for number, shot in enumerate(shots, 1):
            target = folder / f"{number:02d}-{shot.kind}{'-' + str(shot.page) if shot.kind == 'page' else ''}{suffix}.png"
            files.write_atomically(target, shot.png)
            written.append(target)
        sheet = folder / f"contact-sheet{suffix}.png"
        files.write_atomically(sheet, contact_sheet(shots, dark=dark))
    except EbookifyError as error:
        report.fail(error)
    for target, shot in zip(written, shots):
        typer.echo(f"{files.shown(target)}: {shot.kind}, page {shot.page}")
    typer.echo(f"{files.shown(sheet)}: all {len(shots)} pages")


def _pages(text: str, kinds: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    if not text.strip():
        return kinds, ()
    chosen, numbers = [], []
    for item in (part.strip().lower() for part in text.split(",") if part.strip()):
        if item.isdigit() and int(item) > 0:
            numbers.append(int(item))
        elif item in kinds:
            chosen.append(item)
        else:
            raise UsageError(f"--pages: {item!r} is not a page number or one of {', '.join(kinds)}", option="pages")
    return tuple(chosen), tuple(numbers)


def _book(path: Path) -> tuple[bytes, str]:
    """The book's bytes and a name for its folder: an EPUB as it is, a story converted in memory."""
    data = files.read_bytes(path, "file")
    if files.looks_like_book(path, data):
        return data, files.slug(path.name.removesuffix(".epub")) or "book"
    from ..pipeline import convert

    result = convert(data, story_options(path, Given()))
    return result.epub, files.slug(result.book.metadata.title) or files.slug(path.stem) or "book"
