"""Wires the stages in two public steps, so every front end can stop or branch between them:

    read(bytes, options) → Story     decode, parse, settle the metadata    (info, the web page's form)
    make(story, options) → Result    typeset, render, target, cover, pack, check    (the book)
    convert = make(read())

Pure: no clock, no randomness, no files, no printing. Everything that varies between runs is an
``Option``, so the same input and options always give the same bytes. Heavy libraries
(ebooklib, lxml, Pillow) load inside ``make``, so reading a story stays cheap.
"""

from __future__ import annotations

from functools import lru_cache

from msgspec import Struct, field
from msgspec.structs import replace

from .errors import Finding, ValidationError
from .precedence import provenance, settle
from .model import Book
from .options import Options, Settings
from .reading.decode import decode
from .reading.parse import parse


class Event(Struct, frozen=True):
    """One thing the parser found, for ``--debug-structure`` and ``info``: a record, not a line."""

    line: int  # 1-based, in the decoded text
    what: str


class Story(Struct, frozen=True):
    """What the text holds, with the metadata settled: everything a conversion knows before it
    makes pages. ``findings`` are the guesses made so far; ``events`` where each thing was found."""

    book: Book
    findings: tuple[Finding, ...] = ()
    events: tuple[Event, ...] = ()
    provenance: tuple[tuple[str, str], ...] = ()  # (metadata key, "flag" | "sidecar" | "text" | "guess" | "derived")

    @property
    def words(self) -> int:
        return sum(c.words for c in self.book.chapters)


class Result(Struct, frozen=True):
    """A made book: its bytes, the book they were made from, and what was found on the way."""

    epub: bytes
    book: Book
    findings: tuple[Finding, ...] = field(default=())
    events: tuple[Event, ...] = ()

    @property
    def chapters(self) -> int:
        return len(self.book.chapters)

    @property
    def words(self) -> int:
        return sum(c.words for c in self.book.chapters)

    @property
    def structure(self) -> tuple[str, ...]:
        return structure_lines(self.events)


def structure_lines(events: tuple[Event, ...]) -> tuple[str, ...]:
    """The events as the lines ``--debug-structure`` prints."""
    return tuple(f"line {e.line}: {e.what}" for e in events)


def read(source: bytes, options: Options = Options()) -> Story:
    reading = options.reading
    if options.source_name.lower().endswith((".md", ".markdown")):
        reading = replace(reading, markdown=True)
    text, findings, parsed = _parsed(source, options.encoding, reading)
    metadata, guesses = settle(parsed.metadata, parsed.chapters, options)
    book = Book(metadata, parsed.chapters, parsed.front_notes, parsed.back_matter, parsed.front_matter, parsed.footnotes)
    events = tuple(Event(line, what) for line, what in parsed.trace)
    pattern = options.reading.pattern
    if pattern and not any(pattern.search(line) for line in text.splitlines()):
        guesses += (Finding("parse", "the chapter pattern matched no line: the story is one chapter",
                            option="chapter_pattern"),)
    return Story(book, findings + guesses, events, provenance(parsed.metadata, metadata, options))


@lru_cache(maxsize=1)
def _parsed(source: bytes, encoding: str, reading: Settings):
    """The text and what it says, kept for the next call: updating a book reads its text twice,
    once alone and once with the metadata the book keeps, and only the metadata differs."""
    text, findings = decode(source, encoding or None)
    return text, findings, parse(text, reading)


def make(story: Story, options: Options = Options()) -> Result:
    from .epub.checks import check_structure
    from .epub.targets import transform
    from .epub.write import package
    from .render import render
    from .typography import typeset

    book, findings = story.book, story.findings
    if options.notes == "omit":
        count = len(book.front_notes) + sum(len(c.notes) for c in book.chapters)
        if count:
            findings += (Finding("render", f"left out {count} author's note(s), as asked", option="notes"),)
    if options.smart:
        book = typeset(book, options.quotes or None)
    rendition = transform(render(book, with_cover=options.cover, notes=options.notes), options.format)
    cover: bytes | None = None
    if options.cover_image:
        from .cover.image import prepare_cover

        cover, noted = prepare_cover(options.cover_image)
        findings += noted
    elif options.cover:
        from .cover.draw import draw_cover  # Pillow and the cover designs load only for a cover

        cover, drawn = draw_cover(book.metadata, options.cover_style or None, options.cover_palette or None)
        findings += drawn
    epub = package(book.metadata, rendition, cover)
    problems = check_structure(epub)
    if problems:
        raise ValidationError(f"the book failed a structural check: {problems[0].message}",
                              "this is a bug in ebookify: please report it with the input file")
    return Result(epub, book, findings, story.events)


def convert(source: bytes, options: Options = Options()) -> Result:
    return make(read(source, options), options)
