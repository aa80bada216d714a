"""Wires the stages: bytes → text → story → book → pages, cover → EPUB bytes → checks.

Pure: no clock, no randomness, no files. Everything that varies between runs (the file name
for the title guess, the modification date) is an ``Option``, so the same input and options
always give the same bytes. Metadata precedence is settled here, once:
flags (``Options``) > what the text says > guesses, and every guess becomes a finding.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from .cover import draw_cover
from .cover_image import prepare_cover
from .decode import clean_field, decode
from .errors import EbookifyError, Finding, ValidationError
from .language import detect_language, language_code
from .model import EPOCH, Book, Metadata, word_count
from .package import package
from .parse import parse
from .settings import Settings
from .render import NOTES_PLACES, render
from .typography import typeset
from .validate import check_structure


@dataclass(frozen=True)
class Options:
    source_name: str = "story.txt"  # only its name is used: to guess a title
    title: str = ""
    authors: tuple[str, ...] = ()
    language: str = ""
    encoding: str = ""
    modified: dt.datetime = EPOCH
    cover: bool = True  # False: a book without a cover
    cover_image: bytes = b""  # the user's own cover (JPEG, PNG, WebP or GIF), instead of drawing one
    cover_style: str = ""  # one of cover.STYLES; "" lets the title choose
    cover_palette: str = ""  # one of cover.PALETTE_NAMES; "" lets the title choose
    smart: bool = True
    notes: str = "inline"  # where chapters' author's notes go: inline, end or omit
    chapters: bool = True  # False: no chapter detection, one chapter
    chapter_pattern: str = ""  # a regular expression that replaces chapter detection
    reading: Settings = Settings()  # the other detections, each of which can be switched off


@dataclass(frozen=True)
class Result:
    epub: bytes
    book: Book
    findings: tuple[Finding, ...] = field(default=())
    structure: tuple[str, ...] = ()  # what the parser found where, for --debug-structure

    @property
    def chapters(self) -> int:
        return len(self.book.chapters)

    @property
    def words(self) -> int:
        return sum(word_count(c.blocks) for c in self.book.chapters)


def convert(source: bytes, options: Options = Options()) -> Result:
    text, findings = decode(source, options.encoding or None)
    parsed = parse(text, _parse_settings(options))
    metadata, guesses = settle_metadata(parsed.metadata, text, options)
    book = Book(metadata, parsed.chapters, parsed.front_notes, parsed.back_matter)
    if options.notes not in NOTES_PLACES:
        raise EbookifyError(f"--notes must be one of {', '.join(NOTES_PLACES)}, not {options.notes!r}")
    if options.notes == "omit":
        count = len(book.front_notes) + sum(len(c.notes) for c in book.chapters)
        if count:
            guesses += (Finding("render", f"left out {count} author's note(s), as --notes omit asks"),)
    if options.smart:
        book = typeset(book)
    rendition = render(book, with_cover=options.cover, notes=options.notes)
    cover, drawn = _cover(book, options)
    epub = package(book.metadata, rendition, cover)
    problems = check_structure(epub)
    if problems:
        raise ValidationError(f"the book failed a structural check: {problems[0].message}",
                              "this is a bug in ebookify: please report it with the input file")
    return Result(epub, book, findings + guesses + drawn, parsed.trace)


def _cover(book: Book, options: Options) -> tuple[bytes | None, tuple[Finding, ...]]:
    if not options.cover:
        return None, ()
    if options.cover_image:
        return prepare_cover(options.cover_image), ()
    return draw_cover(book.metadata, options.cover_style or None, options.cover_palette or None)


def _parse_settings(options: Options) -> Settings:
    settings = replace(options.reading, chapters=options.chapters)
    if not options.chapter_pattern:
        return settings
    try:
        pattern = re.compile(options.chapter_pattern, re.IGNORECASE)
    except re.error as error:
        raise EbookifyError(f"--chapter-pattern is not a valid regular expression: {error}") from None
    return replace(settings, pattern=pattern)


def settle_metadata(found: Metadata, text: str, options: Options) -> tuple[Metadata, tuple[Finding, ...]]:
    guesses: list[Finding] = []
    title = clean_field(options.title) or clean_field(found.title)
    if not title:
        title = title_from_file_name(options.source_name)
        guesses.append(Finding("parse", f"no title in the text: used the file name, “{title}” (set one with --title)"))
    authors = tuple(clean_field(a) for a in options.authors if clean_field(a)) or found.authors
    if not authors:
        authors = ("Unknown",)
        guesses.append(Finding("parse", "no author in the text: used “Unknown” (set one with --author)"))
    language = language_code(options.language) if options.language else ""
    if options.language and not language:
        raise EbookifyError(f"--language {options.language!r} is not a language code such as en, fr or pt-BR")
    language = language or language_code(found.language)
    if not language:
        language, sure = detect_language(text)
        if not sure:
            guesses.append(Finding("parse", f"could not tell the language: assumed “{language}” (set it with --language)"))
    metadata = replace(
        found,
        title=title,
        authors=authors,
        language=language,
        identifier=book_identifier(title, authors),
        modified=options.modified.astimezone(dt.timezone.utc),
    )
    return metadata, tuple(guesses)


def book_identifier(title: str, authors: tuple[str, ...]) -> str:
    """Stable across rebuilds, so a device replaces its old copy instead of keeping two."""
    key = "\n".join(("ebookify", title.casefold(), *(a.casefold() for a in authors)))
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}"


_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the", "to"}


def title_from_file_name(name: str) -> str:
    """``cherished-words.txt`` → "Cherished Words"."""
    words = re.sub(r"[\s_\-.+]+", " ", PurePath(name).stem).split()
    titled = [
        w if not w.islower() else (w if i and w in _SMALL_WORDS else w.capitalize()) for i, w in enumerate(words)
    ]
    return " ".join(titled) or "Untitled"
