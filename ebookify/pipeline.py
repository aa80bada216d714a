"""Wires the stages: bytes → text → story → book → pages, cover → EPUB bytes → checks.

Pure: no clock, no randomness, no files. Everything that varies between runs (the file name
for the title guess, the modification date) is an ``Option``, so the same input and options
always give the same bytes. Metadata precedence is settled here, once (``settle_metadata``):
flags > sidecar file > what the text says > guesses, and every guess becomes a finding.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from urllib.parse import urlsplit, urlunsplit

from .cover.draw import draw_cover
from .cover.image import prepare_cover
from .read.decode import clean_field, decode
from .errors import EbookifyError, Finding, ValidationError
from .read.language import detect_language, language_code
from .model import EPOCH, Book, Chapter, Metadata, Paragraph, Text, inline_text, paragraphs, word_count
from .epub.write import package
from .read.parse import parse
from .options import Settings
from .render import NOTES_PLACES, render
from .read.sidecar import check_fields
from .typography import typeset
from .epub.checks import check_structure


@dataclass(frozen=True)
class Options:
    source_name: str = "story.txt"  # only its name is used: to guess a title
    title: str = ""  # title, authors, language and metadata are the flags: they win over everything
    authors: tuple[str, ...] = ()
    language: str = ""
    metadata: tuple[tuple[str, object], ...] = ()  # other flags and --set: (sidecar key, value) pairs
    sidecar: tuple[tuple[str, object], ...] = ()  # from sidecar.read_sidecar: wins over the text only
    encoding: str = ""
    modified: dt.datetime = EPOCH
    cover: bool = True  # False: a book without a cover
    cover_image: bytes = b""  # the user's own cover (JPEG, PNG, WebP or GIF), instead of drawing one
    cover_style: str = ""  # one of cover.STYLES; "" lets the title choose
    cover_palette: str = ""  # one of cover.PALETTE_NAMES; "" lets the title choose
    smart: bool = True
    quotes: str = ""  # one of typography.QUOTE_STYLES, instead of the language's own marks
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
    metadata, guesses = settle_metadata(parsed.metadata, parsed.chapters, options)
    book = Book(metadata, parsed.chapters, parsed.front_notes, parsed.back_matter, parsed.front_matter)
    if options.notes not in NOTES_PLACES:
        raise EbookifyError(f"--notes must be one of {', '.join(NOTES_PLACES)}, not {options.notes!r}")
    if options.notes == "omit":
        count = len(book.front_notes) + sum(len(c.notes) for c in book.chapters)
        if count:
            guesses += (Finding("render", f"left out {count} author's note(s), as --notes omit asks"),)
    if options.smart:
        book = typeset(book, options.quotes or None)
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


def settle_metadata(found: Metadata, chapters: tuple[Chapter, ...], options: Options) -> tuple[Metadata, tuple[Finding, ...]]:
    """The book's metadata, each key taken from the first of these that gives it:

        1. flags: ``Options.title``, ``.authors``, ``.language`` and ``.metadata`` (--series, --tag,
           --set key=value …);
        2. the sidecar file (``Options.sidecar``: story.toml, story.yaml or story.json);
        3. what the text says (front matter, a Gutenberg header);
        4. guesses: the title from the file name, the author "Unknown", the language detected in
           the opening of the ``chapters`` (English when unsure), read only when nothing states it.

    A source replaces a key's whole value (``--tag x`` drops the sidecar's tags rather than adding
    to them). Every guess becomes a finding. The identifier comes last, from the settled values.
    """
    given = {**check_fields(dict(options.sidecar), "sidecar"), **_flags(options)}
    metadata = replace(_text_facts(found), **_as_fields(given))
    guesses: list[Finding] = []
    title = clean_field(metadata.title)
    if not title:
        title = title_from_file_name(options.source_name)
        guesses.append(Finding("parse", f"no title in the text: used the file name, “{title}” (set one with --title)"))
    authors = tuple(a for a in (clean_field(name) for name in metadata.authors) if a)
    if not authors:
        authors = ("Unknown",)
        guesses.append(Finding("parse", "no author in the text: used “Unknown” (set one with --author)"))
    language = language_code(metadata.language)
    if not language:
        language, finding = _detected_language(_story_text(chapters))
        guesses.append(finding)
    metadata = replace(
        metadata,
        title=title,
        authors=authors,
        language=language,
        identifier=metadata.identifier or book_identifier(title, authors, metadata.source_url),
        modified=options.modified.astimezone(dt.timezone.utc),
    )
    return metadata, tuple(guesses)


def _flags(options: Options) -> dict[str, object]:
    """The command line's fields: ``Options.metadata`` under the dedicated title, author, language."""
    fields = check_fields(dict(options.metadata), "the command line")
    if options.language:
        fields["language"] = language_code(options.language)
        if not fields["language"]:
            raise EbookifyError(f"--language {options.language!r} is not a language code such as en, fr or pt-BR")
    if clean_field(options.title):
        fields["title"] = clean_field(options.title)
    authors = tuple(a for a in (clean_field(name) for name in options.authors) if a)
    if authors:
        fields["authors"] = authors
    return fields


_FIELD_NAMES = {"source": "source_url", "fandom": "fandoms"}  # sidecar keys named otherwise in Metadata


def _as_fields(given: dict[str, object]) -> dict[str, object]:
    """Checked sidecar/flag values as ``Metadata`` fields: a description's paragraphs become blocks."""
    fields = {_FIELD_NAMES.get(key, key): value for key, value in given.items()}
    if "description" in fields:
        fields["description"] = tuple(Paragraph((Text(p),)) for p in str(fields["description"]).split("\n\n"))
    return fields


# Front-matter labels with a field of their own; other labelled facts are shown as written.
_TEXT_FACTS = {"fandom": "fandoms", "fandoms": "fandoms", "character": "characters", "characters": "characters",
               "relationship": "relationships", "relationships": "relationships", "pairing": "relationships",
               "pairings": "relationships", "publisher": "publisher"}
_SERIES_PLACE = (
    re.compile(r"^Part (?P<index>\d+(?:\.\d+)?) of (?P<name>.+)$", re.IGNORECASE),  # AO3
    re.compile(r"^(?P<name>.+?)\s*(?:\[|#)(?P<index>\d+(?:\.\d+)?)\]?$"),  # FanFicFare: "Name [2]"; "Name #2"
    re.compile(r"^(?P<name>.+?),?\s+(?:Book|Volume|Vol\.|Part)\s+(?P<index>\d+)$", re.IGNORECASE),
)


def _text_facts(found: Metadata) -> Metadata:
    """What the text says, read a little further: "Fandom:", "Characters:", … lines become fields
    (so they reach the OPF as subjects), and "Part 2 of The Cycle" becomes a series and its place."""
    fields: dict[str, object] = {}
    rest = []
    for label, value in found.extra:
        name = _TEXT_FACTS.get(label.lower())
        if name == "publisher":
            fields.setdefault(name, clean_field(value))
        elif name:
            items = tuple(item for item in (clean_field(v) for v in value.split(",")) if item)
            fields[name] = fields.get(name, ()) + items
        else:
            rest.append((label, value))
    series = clean_field(found.series)
    if series and not found.series_index:
        match = next((m for m in (p.match(series) for p in _SERIES_PLACE) if m), None)
        if match:
            fields.update(series=match["name"].strip(), series_index=match["index"])
    return replace(found, extra=tuple(rest), **fields)


def _detected_language(story: str) -> tuple[str, Finding]:
    """The detected language and a finding that says how sure; English, with a warning, when unsure."""
    found = detect_language(story)
    if found.sure:
        return found.code, Finding(
            "parse", f"detected {found.name} ({found.confidence:.2f}); set the language with --language if wrong",
            "info")
    best = f" (best guess {found.name}, {found.confidence:.2f})" if found.code else ""
    return "en", Finding("parse", f"could not tell the language{best}: assumed English (set it with --language)")


def book_identifier(title: str, authors: tuple[str, ...], source: str = "") -> str:
    """Stable across rebuilds, so a device replaces its old copy instead of keeping two: from the
    source URL when there is one (the story may gain chapters or change its title), else from the
    title and authors."""
    if "://" in source:
        parts = urlsplit(source.strip())
        canonical = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query, ""))
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, canonical)}"
    key = "\n".join(("ebookify", title.casefold(), *(a.casefold() for a in authors)))
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}"


def _story_text(chapters: tuple[Chapter, ...], limit: int = 20_000) -> str:
    """The story's opening, without front matter: what the language is detected from."""
    parts: list[str] = []
    size = 0
    for chapter in chapters:
        for paragraph in paragraphs(chapter.blocks):
            text = inline_text(paragraph.inlines)
            parts.append(text)
            size += len(text) + 1
            if size >= limit:
                return "\n".join(parts)
    return "\n".join(parts)


_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the", "to"}


def title_from_file_name(name: str) -> str:
    """``cherished-words.txt`` → "Cherished Words"."""
    words = re.sub(r"[\s_\-.+]+", " ", PurePath(name).stem).split()
    titled = [
        w if not w.islower() else (w if i and w in _SMALL_WORDS else w.capitalize()) for i, w in enumerate(words)
    ]
    return " ".join(titled) or "Untitled"
