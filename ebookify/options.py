"""Every choice a caller can make, checked once, when the options are made.

A bad value from any front end (a flag, the API, the web page) raises one ``UsageError`` naming
the option, which the CLI turns into exit 2; metadata values (``metadata``, ``sidecar``) are
checked against ``metadata.KEYS`` by ``metadata.check_fields``, with the same error. Each choice list lives here
or in the table it chooses from (quote styles, cover designs and palettes); nothing else
re-checks them. ``Settings`` are the reading choices: every detection the parser makes can be
switched off, and the two that matter most can be forced.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from functools import cached_property

from msgspec import Struct, field

from .errors import UsageError
from .model import EPOCH
from .quotes import QUOTE_STYLES
from .metadata import language_code

NOTES_PLACES = ("inline", "end", "omit")  # where chapters' author's notes go
PARAGRAPH_STYLES = ("auto", "line", "wrapped")
FORMATS = ("epub", "kepub")  # output targets: a transform between render and package (epub/targets.py)


class Settings(Struct, frozen=True, dict=True):
    """How to read the text, where the user overrides a detection."""

    chapters: bool = True  # False: the whole story is one chapter
    chapter_pattern: str = ""  # lines matching this regular expression start chapters, instead of the rules
    front_matter: bool = True  # False: the top of the file is story too
    gutenberg: bool = True  # False: keep a Project Gutenberg licence where it stands
    paragraphs: str = "auto"  # "line": a paragraph per line; "wrapped": join hard-wrapped lines
    emphasis: bool = True  # False: *stars* and _underscores_ stay as typed
    scene_breaks: bool = True  # False: divider lines stay as typed
    markdown: bool = False  # the text is Markdown (a .md file): backslash escapes (\\!, \\*) are read as such

    def __post_init__(self) -> None:
        _one_of("paragraphs", self.paragraphs, PARAGRAPH_STYLES)
        self.pattern  # noqa: B018 (compiled now, so a bad expression is a usage error at once)

    @cached_property
    def pattern(self) -> re.Pattern | None:
        if not self.chapter_pattern:
            return None
        try:
            return re.compile(self.chapter_pattern, re.IGNORECASE)
        except re.error as error:
            raise UsageError(f"the chapter pattern is not a valid regular expression: {error}", option="chapter_pattern") from None


class Options(Struct, frozen=True):
    """One conversion's choices. Everything that varies between runs (the file name that gives a
    title guess, the modification date) is here, so the same input and options give the same bytes."""

    source_name: str = "story.txt"  # only its name is used: to guess a title
    title: str = ""  # title, authors, language and metadata are the caller's: they win over everything
    authors: tuple[str, ...] = ()
    language: str = ""
    metadata: tuple[tuple[str, object], ...] = ()  # other given keys: (key, value) pairs, checked by precedence.settle
    sidecar: tuple[tuple[str, object], ...] = ()  # from a sidecar file: wins over the text only
    encoding: str = ""  # the text's encoding, instead of detecting it
    modified: dt.datetime = EPOCH
    cover: bool = True  # False: a book without a cover
    cover_image: bytes = b""  # the user's own cover (JPEG, PNG, WebP or GIF), instead of drawing one
    cover_style: str = ""  # one of cover.designs.STYLE_NAMES; "" lets the title choose
    cover_palette: str = ""  # one of cover.designs.PALETTE_NAMES; "" lets the title choose
    smart: bool = True  # curly quotes, dashes, ellipses
    quotes: str = ""  # one of QUOTE_STYLES, instead of the language's own marks
    notes: str = "inline"  # one of NOTES_PLACES
    format: str = "epub"  # one of FORMATS
    reading: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        _one_of("notes", self.notes, NOTES_PLACES)
        _one_of("format", self.format, FORMATS)
        _one_of("quotes", self.quotes, QUOTE_STYLES, empty=True)
        if self.cover_style or self.cover_palette:  # the designs load only when one is named
            from .cover.designs import PALETTE_NAMES, STYLE_NAMES

            _one_of("cover_style", self.cover_style, STYLE_NAMES, empty=True)
            _one_of("cover_palette", self.cover_palette, PALETTE_NAMES, empty=True)
        if self.language and not language_code(self.language):
            raise UsageError(f"{self.language!r} is not a language code such as en, fr or pt-BR", option="language")
        if self.encoding:
            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise UsageError(f"{self.encoding!r} is not an encoding Python knows (try utf-8, cp1252, latin-1)",
                                 option="encoding") from None
        if not self.cover and (self.cover_image or self.cover_style or self.cover_palette):
            raise UsageError("a book without a cover cannot also have a cover image, style or palette", option="cover")
        if self.cover_image and (self.cover_style or self.cover_palette):
            raise UsageError("a cover style or palette is for the generated cover, not for your own image",
                             option="cover_style")
        if self.modified.tzinfo is None:
            raise UsageError("the modification date needs a time zone", option="modified")


def _one_of(option: str, value: str, choices: tuple[str, ...], empty: bool = False) -> None:
    if (value or not empty) and value not in choices:
        raise UsageError(f"{value!r} is not one of {', '.join(choices)}", option=option)

