"""Plain text to a story. The grammar ebookify accepts, read top to bottom:

    file          = [gutenberg-header] [front-matter] body [gutenberg-footer]
    gutenberg     = everything before "*** START OF THE PROJECT GUTENBERG EBOOK …" (which may wrap
                    onto two lines) or "*END*THE SMALL PRINT!", and after "*** END OF …": kept as a
                    licence section at the back; its Title:, Author:, Language: lines are metadata
    front-matter  = [yaml] [title "by" author] { label-line | labelled-block }          (frontmatter.py)
    yaml          = "---" LF yaml-mapping LF "---"
    label-line    = LABEL ":" value                      Title: / Author: / Rating: / Tags: / Words: …
    labelled-block= LABEL [":"] LF lines                 Description / Summary / Author's Notes / A/N
    body          = { part | chapter-heading | scene-break | block-quote | code | paragraph }
    chapter-heading = "Chapter 12" | "Chapter 12: Title" | "CHAPTER XII." | "Ch. 12" | "~Chapter 3~"
                    | "Chapter Twelve - Title" | "#… Chapter 1" | "#… Any title" | "Prologue" | "Epilogue"
                    | "Interlude" | "Omake" | "Side Story" | "Afterword" | "IV." | "12" | "1. TITLE"
                    (and Chapitre, Kapitel, Capítulo, Capitolo, Глава, Hoofdstuk…)            (headings.py)
    part          = "Part Two" | "Book One" | a heading followed directly by another kind of heading
    scene-break   = *** | * * * | ~~~ | ----- | # | oOo | xXx | -x-x-x- | ~*~ | x | 3+ blank lines
    block-quote   = lines starting with ">"                                                  (blocks.py)
    code          = lines between ``` fences, kept as typed
    paragraph     = a line, or hard-wrapped lines joined; short deliberate lines keep their breaks
    inline        = *em* | _em_ | **strong** | __strong__ | ~~strike~~ | 𝘱𝘴𝘦𝘶𝘥𝘰-𝘪𝘵𝘢𝘭𝘪𝘤     (inline.py)

Which candidate lines really are headings, and which notes belong to which chapter, is decided
in structure.py. Nothing is dropped: a line that fits no rule is story text, and a file whose
body would be empty is read again as all body, so any text with words gives a book.
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import read_layout, to_blocks
from ..errors import ParseError
from .frontmatter import read_front_matter
from .gutenberg import split_gutenberg
from .sites import read_export
from ..model import Chapter, Metadata, Note, Paragraph, Section, Text, has_text
from ..options import Settings
from .structure import build_chapters

LICENCE_TITLE = "Project Gutenberg Licence"


@dataclass(frozen=True)
class Parsed:
    """What the text itself says; the pipeline merges it with flags and defaults."""

    metadata: Metadata
    front_notes: tuple[Note, ...]
    chapters: tuple[Chapter, ...]
    back_matter: tuple[Section, ...] = ()
    trace: tuple[tuple[int, str], ...] = ()  # (1-based line, what was found there), for --debug-structure


def parse(text: str, settings: Settings = Settings()) -> Parsed:
    lines = [line.expandtabs(4).rstrip() for line in text.split("\n")]
    if not any(line.strip() for line in lines):
        raise ParseError("the file is empty: there is no story to convert")
    fields: dict = {}
    back_matter: tuple[Section, ...] = ()
    body, offset = lines, 0
    gutenberg = split_gutenberg(lines) if settings.gutenberg else None
    if gutenberg:
        fields, body, offset = dict(gutenberg.fields), gutenberg.body, gutenberg.body_start
        licence = gutenberg.header + [""] + gutenberg.footer
        back_matter = (Section(LICENCE_TITLE, tuple(to_blocks(licence, read_layout(licence)))),)
    found, notes, start, trace = read_front_matter(body) if settings.front_matter else ({}, [], 0, [])
    for key, value in found.items():
        fields.setdefault(key, value)
    export = read_export(body, start) if settings.front_matter else None  # FanFicFare's contents and titles
    given = None
    if export:
        body, trace = export.lines, trace + export.trace
        given = {line - start: heading for line, heading in export.headings.items()}
    chapters, chapter_trace = build_chapters(body[start:], settings, offset + start, given)
    if not any(has_text(c.blocks) for c in chapters):  # it was all "front matter": read it as story,
        fields = {k: v for k, v in fields.items() if k in ("title", "authors", "language")}  # named still
        notes, trace = [], []
        chapters, chapter_trace = build_chapters(lines, settings)
    if not any(has_text(c.blocks) for c in chapters):  # only dividers: keep them as they are
        chapters = [Chapter(1, tuple(Paragraph((Text(" ".join(ln.split())),)) for ln in lines if ln.strip()))]
    events = sorted([(offset + i, what) for i, what in trace] + chapter_trace)
    return Parsed(
        Metadata(**fields),
        tuple(notes),
        tuple(chapters),
        back_matter,
        tuple((line + 1, what) for line, what in events),
    )
