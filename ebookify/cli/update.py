"""``ebookify update BOOK.epub STORY.txt``: rebuild a book from the longer text, in place.

Keeps what belongs to the book (``epub/update.py``): its identifier, cover, title, authors,
series, tags and first-published date; the text gives the chapters. Refuses a text that would
lose chapters the book has, naming them, unless ``--force``. The old book is kept as
``BOOK.epub.bak`` (unless ``--no-backup``) and replaced atomically: a reader of the file sees
the old book or the new one, never half of one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import EbookifyError, InputError
from . import files, interrupts, report
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
    from ..epub.open import flatten, open_book
    from ..epub.update import compare, kept
    from ..pipeline import read
    from ..render import chapter_heading

    try:
        old_bytes = files.read_bytes(book_path, "book")
        files.refuse_overwrite(book_path, story, force=False)
        old = open_book(old_bytes)
        data = files.read_bytes(story)
        given = Given(title, tuple(author), "", tuple(assignments), meta, encoding)
        fresh = read(data, story_options(story, Given(meta=meta, encoding=encoding)))
        guessed = tuple(key for key, source in fresh.provenance if source == "guess")
        keep, notes = kept(old, fresh.book.metadata, guessed)
        user = dict(story_options(story, given).metadata)
        options = story_options(story, given, metadata=tuple({**dict(keep), **user}.items()))
        own = files.read_bytes(cover_image, "cover image") if cover_image is not None else None
        text = read(data, options)
        headings = tuple(chapter_heading(text.book, c) for c in text.book.chapters)
        result = _made(text, options, old, own, new_cover)
        entries = tuple(e.label for _, e in flatten(open_book(result.epub).contents))
        changes = compare(old, result.book, headings, entries)
        if changes.lost and not force:
            shown = ", ".join(f"“{label}”" for label in changes.lost[:5]) + (" …" if len(changes.lost) > 5 else "")
            raise InputError(f"{story} lacks {len(changes.lost)} chapter(s) the book has: {shown}",
                             "--force updates the book anyway")
        if not no_backup:
            files.write_atomically(book_path.with_name(book_path.name + ".bak"), old_bytes)
        files.write_atomically(book_path, result.epub, then=interrupts.book_is_safe)
    except EbookifyError as error:
        report.fail(error)
    report.echo_findings(result.findings, False)
    for note in notes:
        typer.echo(note, err=True)
    if changes.lost:
        typer.echo(f"warning: the book lost {', '.join(changes.lost)} (--force)", err=True)
    backup = "" if no_backup else f"; the old one is {files.shown(book_path.with_name(book_path.name + '.bak'))}"
    typer.echo(f"{files.shown(book_path)}: {changes.summary()}; {result.chapters} chapters, {result.words:,} words{backup}")



def _made(text, options, old, own_cover: bytes | None, new_cover: bool):
    """The new book with the cover it should have: the user's new image, a new drawing
    (``--new-cover``), none when the book had none, else the book's own; a cover ebookify drew
    that drawing again reproduces is not re-encoded (each update would blur it a little more)."""
    from dataclasses import replace

    from ..epub.open import open_book
    from ..pipeline import make

    if own_cover is not None:
        return make(text, replace(options, cover_image=own_cover))
    if new_cover:
        return make(text, options)
    if not old.cover_path:
        return make(text, replace(options, cover=False))
    if old.generator == "ebookify":
        drawn = make(text, options)
        if open_book(drawn.epub).cover == old.cover:
            return drawn
    return make(text, replace(options, cover_image=old.cover))
