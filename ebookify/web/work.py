"""What a worker process does with one story: ``read`` it, ``make`` the book, and return plain,
picklable data for the page. Runs in a worker (see ``workers.py``), never in the server.

Every refusal comes back as the CLI's one ``Error:`` line (``report.error_line``), made here
because an exception's hint and option do not survive the trip between processes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from msgspec import Struct

from ..cli.files import book_name
from ..cli.report import error_line
from ..errors import EbookifyError
from ..model import COVER_IMAGE, block_texts, word_count
from ..options import Options
from ..pipeline import make, read
from ..render import chapter_heading

PREVIEW_PAGES = (("title", "Title page"), ("chapter", "First chapter"))  # epub.pages kinds, as the page names them
PREVIEW_WIDTH = 400  # pixels


class Found(Struct, frozen=True):
    """What the page shows of one story: the settled metadata, the chapters, the guesses, the previews."""

    file_name: str  # the book's, as it will be downloaded
    fields: dict[str, str]  # the editable fields as text, keyed by form field name
    chapters: tuple[tuple[str, int], ...]  # (heading, words)
    words: int
    notes: int  # author's notes found
    findings: tuple[tuple[str, str], ...]  # (severity, message)
    cover: bytes = b""  # the JPEG inside the book
    pages: tuple[tuple[str, bytes], ...] = ()  # (label, PNG) from PyMuPDF, when it is installed
    pages_available: bool = False


class Failure(Struct, frozen=True):
    line: str  # "Error: …", as the CLI prints it


class Built(Struct, frozen=True):
    file_name: str
    epub: bytes


def inspect(data: bytes, options: Options) -> Found | Failure:
    try:
        story = read(data, options)
        result = make(story, options)
    except EbookifyError as error:
        return Failure(error_line(error))
    except Exception as error:  # a bug: the page gets one line, never a traceback
        return Failure(f"Error: ebookify failed on this file ({type(error).__name__}); please report it with the file")
    book, meta = result.book, result.book.metadata
    fields = {
        "title": meta.title, "authors": ", ".join(meta.authors), "language": meta.language,
        "description": "\n\n".join(block_texts(meta.description)), "series": meta.series,
        "series_index": meta.series_index, "tags": ", ".join(meta.tags),
    }
    chapters = tuple((chapter_heading(book, c), word_count(c.blocks)) for c in book.chapters)
    notes = len(book.front_notes) + sum(len(c.notes) for c in book.chapters)
    pages, available = _pages(result.epub)
    return Found(book_name(meta.title, PurePath(options.source_name)), fields, chapters, result.words, notes,
                 tuple((f.severity, f.message) for f in result.findings), _cover(result.epub), pages, available)


def build(data: bytes, options: Options) -> Built | Failure:
    try:
        result = make(read(data, options), options)
    except EbookifyError as error:
        return Failure(error_line(error))
    except Exception as error:
        return Failure(f"Error: ebookify failed on this file ({type(error).__name__}); please report it with the file")
    suffix = ".epub" if options.format == "epub" else f".{options.format}.epub"  # a KEPUB is NAME.kepub.epub
    return Built(book_name(result.book.metadata.title, PurePath(options.source_name), suffix), result.epub)


def _cover(epub: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(epub)) as archive:
        name = f"EPUB/{COVER_IMAGE}"
        return archive.read(name) if name in archive.namelist() else b""


def _pages(epub: bytes) -> tuple[tuple[tuple[str, bytes], ...], bool]:
    """The title page and the first chapter's first page as MuPDF lays them out (``ebookify preview``'s
    renderer); none, and False, when PyMuPDF is not installed."""
    from ..epub.pages import PreviewUnavailable, render_pages

    try:
        shots = render_pages(epub, tuple(kind for kind, _ in PREVIEW_PAGES), width=PREVIEW_WIDTH)
    except PreviewUnavailable:
        return (), False
    except EbookifyError:  # MuPDF could not lay this book out: the cover is still shown
        return (), True
    labels = dict(PREVIEW_PAGES)
    return tuple((labels[shot.kind], shot.png) for shot in shots), True
