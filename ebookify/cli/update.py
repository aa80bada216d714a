"""``ebookify update BOOK.epub STORY.txt``: rebuild a book from the longer text, in place.

Keeps what belongs to the book (``update.py``): its identifier, cover, title, authors,
series, tags and first-published date; the text gives the chapters. Refuses a text that would
lose chapters the book has, naming them, unless ``--force``. The old book is kept as
``BOOK.epub.bak`` (unless ``--no-backup``) and replaced atomically: a reader of the file sees
the old book or the new one, never half of one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from msgspec.structs import replace
import typer

from ..errors import EbookifyError
from . import files, interrupts, report, updating
from .group import app
from .story_options import Given, author_option, encoding_option, meta_option, set_option, story_options, title_option


@app.command(no_args_is_help=True, epilog="Exit codes: see `ebookify --help`.")
def update(
    book_path: Path = typer.Argument(..., metavar="BOOK.epub", help="The book to update, made by ebookify or not.", show_default=False),
    story: Path = typer.Argument(..., metavar="STORY", help="The longer text: a plain-text file (.txt or .md).", show_default=False),
    force: bool = typer.Option(False, "--force", help="Update even when the text lacks chapters the book has."),
    no_backup: bool = typer.Option(False, "--no-backup", help="Do not keep the old book as BOOK.epub.bak."),
    new_cover: bool = typer.Option(False, "--new-cover", help="Draw a new cover instead of keeping the book's."),
    cover_image: Optional[Path] = typer.Option(None, "--cover", metavar="IMAGE", show_default=False,
                                               help="Your own cover instead of the book's: a JPEG, PNG, WebP or GIF file."),
    title: str = title_option(),
    author: list[str] = author_option(),
    assignments: list[str] = set_option(),
    meta: Optional[Path] = meta_option(),
    encoding: str = encoding_option(),
) -> None:
    """Rebuild BOOK.epub from STORY (now longer), keeping the book's identifier, cover and edited metadata."""
    from ..update import rebuild

    try:
        old_bytes = files.read_bytes(book_path, "book")
        files.refuse_overwrite(book_path, story, force=False)
        data = files.read_bytes(story)
        options = story_options(story, Given(title, tuple(author), "", tuple(assignments), meta, encoding))
        if cover_image is not None:
            options = replace(options, cover_image=files.read_bytes(cover_image, "cover image"))
        done = rebuild(old_bytes, data, options, new_cover)
        result, changes, notes = done.result, done.changes, done.notes
        if changes.lost and not force:
            raise updating.lost_error(story, changes.lost)
        if not no_backup:
            files.write_atomically(updating.backup_of(book_path), old_bytes)
        files.write_atomically(book_path, result.epub, then=interrupts.book_is_safe)
    except EbookifyError as error:
        report.fail(error)
    report.echo_findings(result.findings, False)
    for note in notes:
        typer.echo(note, err=True)
    if changes.lost:
        typer.echo(f"warning: the book lost {', '.join(changes.lost)} (--force)", err=True)
    backup = "" if no_backup else f"; the old one is {files.shown(updating.backup_of(book_path))}"
    typer.echo(f"{files.shown(book_path)}: {changes.summary()}; {result.chapters} chapters, {result.words:,} words{backup}")


