"""The document model every stage reads and returns: small and frozen.

Change a value with ``msgspec.structs.replace``; a ``Book`` checks its invariants when made, so
a stage can never hand the next one a book without a title or without text.

Every record in the package is a frozen ``msgspec.Struct``, not a dataclass: the same fields,
equality, hashing and ``replace``, but defined in C. A short story's run defines some fifty
record classes, and on Python 3.11 each frozen dataclass costs half a millisecond to make
(its methods are compiled from source), a sixth of the whole run; a Struct class costs
twenty microseconds, and its instances are made ten times faster and take less memory.
"""

from __future__ import annotations

import datetime as _dt
from functools import cached_property
from enum import Enum
from typing import Union

from msgspec import Struct

from .patterns import HAN, KANA, lazy, may_be_cjk

# Inline content ---------------------------------------------------------------------------


class Text(Struct, frozen=True):
    """Plain characters, exactly as the reader will see them once typeset."""

    text: str


class Emphasis(Struct, frozen=True):
    """Italics: *stars* or _underscores_ in the text, <em> in the book."""

    children: tuple[Inline, ...]


class Strong(Struct, frozen=True):
    """Bold: **double stars** or __underscores__ in the text, <strong> in the book."""

    children: tuple[Inline, ...]


class Strike(Struct, frozen=True):
    """Struck-through text (~~tildes~~): a writer's visible correction is part of the story."""

    children: tuple[Inline, ...]


class Ruby(Struct, frozen=True):
    """Characters with their reading set small above them (Japanese ruby, furigana): <ruby> in
    the book. The reading is an aid to the eye, not more words: ``children`` are the text."""

    children: tuple[Inline, ...]
    reading: str


class LineBreak(Struct, frozen=True):
    """A deliberate break inside a paragraph: verse, a letter's address, a song."""


class NoteRef(Struct, frozen=True):
    """A footnote's mark where the text calls it ("[^1]" in Markdown, "[1]" in a Gutenberg
    edition): a link to the note. ``key`` names the note in the book, ``ref`` this mark of it."""

    key: str
    mark: str  # what the reader sees: the notes numbered through the book
    ref: str  # unique in the book: a note marked twice is marked "3" and "3-2"


Inline = Union[Text, Emphasis, Strong, Strike, Ruby, LineBreak, NoteRef]

# Blocks -----------------------------------------------------------------------------------


class Paragraph(Struct, frozen=True):
    """A paragraph's inline content, however many lines it was wrapped over."""

    inlines: tuple[Inline, ...]


class SceneBreak(Struct, frozen=True):
    """A break between scenes (***, oOo, a divider line): an ornament in the book."""


class BlockQuote(Struct, frozen=True):
    """Quoted matter set apart: a letter, a sign, a Markdown ``>`` block."""

    paragraphs: tuple[Paragraph, ...]


class Preformatted(Struct, frozen=True):
    """Text whose spacing matters (a fenced code block): kept exactly as typed."""

    text: str


class Subheading(Struct, frozen=True):
    """A heading inside a chapter: a site's own chapter heading under the downloader's title."""

    text: str


class ListBlock(Struct, frozen=True):
    """A Markdown list ("- item", "1. item"): its items in order, each a run of inlines."""

    items: tuple[tuple[Inline, ...], ...]
    ordered: bool = False
    start: int = 1  # an ordered list's first number ("3. …" goes on from an earlier list)


Block = Union[Paragraph, SceneBreak, BlockQuote, Preformatted, Subheading, ListBlock]


class Placement(Enum):
    """Where an author's note stands: before the story, or before or after its chapter."""

    FRONT = "front"
    BEFORE = "before"
    AFTER = "after"
    WITHIN = "within"  # between two paragraphs of its chapter: ``Note.at`` says which


# The labels a book names in its own language; any other note label is shown as the writer wrote it
USUAL_NOTE_LABELS = frozenset(("Author’s Note", "Author’s Notes", "Translator’s Note", "Translator’s Notes"))


class Note(Struct, frozen=True):
    """An author's note: the author speaking to the reader, never part of the story."""

    blocks: tuple[Block, ...]
    placement: Placement = Placement.FRONT
    label: str = "Author’s Note"  # one of USUAL_NOTE_LABELS, or the writer's own words ("Chapter End Notes")
    at: int = 0  # a WITHIN note stands before the chapter's block of this index


class Chapter(Struct, frozen=True, dict=True):
    """``label`` is the heading's numbering as written ("Chapter 3"), ``title`` the rest ("The Storm").

    Both may be empty: a story without headings is one chapter named after the book.
    """

    number: int
    blocks: tuple[Block, ...]
    title: str = ""
    label: str = ""
    notes: tuple[Note, ...] = ()
    part: str = ""  # the part ("Part Two: The Sea") this chapter belongs to, if any
    kind: str = "chapter"  # its epub:type: "chapter", or "prologue" / "epilogue" for those

    @cached_property
    def words(self) -> int:
        """Counted once: the title page, the trace and the command's summary all ask."""
        return word_count(self.blocks)

    def counted_as(self, source: Chapter) -> Chapter:
        """This chapter, with the count of the text it was typeset from: typesetting changes marks,
        not words, and the writer's "1990-1995" and 5'10 are one word each where "1990–1995" and
        5′10 would count two. (Counting a long book again cost a twentieth of its conversion.)"""
        self.__dict__["words"] = source.words  # where cached_property keeps its value
        return self


class Section(Struct, frozen=True):
    """Matter that is not story: a licence, the author's notes gathered at the end, or, before
    the story, the original edition's title page, contents list and prefaces."""

    title: str
    blocks: tuple[Block, ...]
    language: str = ""  # when it is not the book's: the Project Gutenberg licence is in English


class Footnote(Struct, frozen=True):
    """A footnote's words, gathered with the others on the book's notes page."""

    key: str
    mark: str
    blocks: tuple[Block, ...]


EPOCH = _dt.datetime(1980, 1, 1, tzinfo=_dt.timezone.utc)


class Metadata(Struct, frozen=True):
    """What a reader's library shows. Empty values mean "not known"; ``Book`` demands a title.

    Dates are kept as written; ``package`` puts only ISO ones (2024-05-01) in the OPF."""

    title: str = ""
    authors: tuple[str, ...] = ()
    language: str = ""
    description: tuple[Block, ...] = ()
    subtitle: str = ""
    tags: tuple[str, ...] = ()
    series: str = ""
    series_index: str = ""  # a number as text ("2", "2.5"), or "" when the place is not known
    rating: str = ""
    warnings: tuple[str, ...] = ()
    status: str = ""
    source_url: str = ""
    published: str = ""
    updated: str = ""
    extra: tuple[tuple[str, str], ...] = ()  # labelled facts we show but do not interpret
    identifier: str = ""
    modified: _dt.datetime = EPOCH
    author_sort: str = ""  # how the authors file in a library ("Le Guin, Ursula K."); " & " between several
    fandoms: tuple[str, ...] = ()
    characters: tuple[str, ...] = ()
    relationships: tuple[str, ...] = ()
    publisher: str = ""
    rights: str = ""


class Book(Struct, frozen=True):
    """Everything a book is made from; made only valid (see ``__post_init__``)."""

    metadata: Metadata
    chapters: tuple[Chapter, ...]
    front_notes: tuple[Note, ...] = ()
    back_matter: tuple[Section, ...] = ()
    front_matter: tuple[Section, ...] = ()  # shown after the title page, not counted as chapters
    footnotes: tuple[Footnote, ...] = ()  # in the order of their first marks

    def __post_init__(self) -> None:
        if not self.metadata.title.strip():
            raise ValueError("a book needs a title")
        if not self.metadata.language:
            raise ValueError("a book needs a language")
        if not any(has_text(chapter.blocks) for chapter in self.chapters):
            raise ValueError("a book needs at least one chapter with text")


# Reading helpers --------------------------------------------------------------------------


def set_in_lines(block: Block) -> bool:
    """A paragraph set line by line as written (a stanza, a song, an address): it holds line breaks."""
    return isinstance(block, Paragraph) and any(isinstance(i, LineBreak) for i in block.inlines)


# "THE END", "FINIS", "FINE.": the line that closes a story in every language's editions
_END_MARKS = frozenset(("the end", "end", "finis", "fine", "fin", "ende", "einde", "fim", "slut", "slutt", "loppu",
                        "koniec", "konec", "конец", "vége", "son", "τέλος", "終", "终", "終わり", "おわり", "完", "全文完", "끝"))


def is_end_mark(block: Block) -> bool:
    """A paragraph that only says the story ends: "THE END", "— FIN —", "The End.", "終", or what
    ends ("FIN DES PRÉCIEUSES RIDICULES.", "THE END OF THE FIRST VOLUME"). In capitals, or in any
    case the two words "the end": one word in small letters ("Fine.", "Son") is as likely the
    story's own."""
    text = inline_text(block.inlines) if isinstance(block, Paragraph) and len(block.inlines) < 4 else ""
    if not text or len(text) > 60:
        return False
    mark = " ".join(text.strip(" .!*_=~-—–()（）").split())
    folded = mark.casefold()
    if folded not in _END_MARKS:  # "FIN DU PREMIER VOLUME.": the mark, and what it closes, in capitals
        return mark.isupper() and len(mark.split()) <= 8 and folded.startswith(_END_OF) and "gutenberg" not in folded
    return mark.isupper() or folded == "the end" or not any(c.isupper() or c.islower() for c in mark)


_END_OF = ("the end of ", "end of ", "fin de ", "fin du ", "fin des ", "fin del ", "fine del ", "fine della ",
           "ende des ", "ende der ", "einde van ", "fim de ", "fim do ", "fim da ", "конец ")


def inline_text(inlines: tuple[Inline, ...]) -> str:
    """The visible characters of a run of inlines (a line break counts as a space)."""
    parts: list[str] = []
    for inline in inlines:
        if isinstance(inline, Text):
            parts.append(inline.text)
        elif isinstance(inline, LineBreak):
            parts.append(" ")
        elif not isinstance(inline, NoteRef):  # a note's mark is no word of the text
            parts.append(inline_text(inline.children))
    return "".join(parts)


def paragraphs(blocks: tuple[Block, ...]) -> list[Paragraph]:
    """Every paragraph, including those inside block quotes and a list's items, in order."""
    found: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            found.append(block)
        elif isinstance(block, BlockQuote):
            found.extend(block.paragraphs)
        elif isinstance(block, Preformatted):
            found.append(Paragraph((Text(block.text),)))
        elif isinstance(block, Subheading):
            found.append(Paragraph((Text(block.text),)))
        elif isinstance(block, ListBlock):
            found.extend(map(Paragraph, block.items))
    return found


def block_texts(blocks: tuple[Block, ...]) -> list[str]:
    return [inline_text(p.inlines) for p in paragraphs(blocks)]


def trim_breaks(blocks: tuple[Block, ...] | list[Block]) -> tuple[Block, ...]:
    """No scene break may open or close a run of blocks (a chapter, a page), nor follow another."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, SceneBreak) and (not out or isinstance(out[-1], SceneBreak)):
            continue
        out.append(block)
    while out and isinstance(out[-1], SceneBreak):
        out.pop()
    return tuple(out)


def has_text(blocks: tuple[Block, ...]) -> bool:
    """Stops at the first paragraph with text (a chapter's first, nearly always)."""
    return any(inline_text(p.inlines).strip() for p in paragraphs(blocks))


_WORD = lazy(r"[^\W_]+(?:['’.,\-][^\W_]+)*")  # "don't", "lamp-post", "4.17" are one word each
# Chinese and Japanese put no spaces between words: each ideograph and kana counts as one, as word
# processors count them (a paragraph of Japanese was one "word", and a novel a few minutes' read).
_CJK = lazy(f"[{HAN}{KANA}]")


def word_count(blocks: tuple[Block, ...], enough: int = 0) -> int:
    """Words, not runs of non-spaces: a closed-up em dash ("rungs—five") joins two of them.
    With ``enough``, counting stops once that many are found ("is this span short?" needs no more)."""
    count = 0
    for paragraph in paragraphs(blocks):
        count += words_in(inline_text(paragraph.inlines))
        if enough and count >= enough:
            break
    return count


def words_in(text: str) -> int:
    if not may_be_cjk(text) or not _CJK.search(text):
        return len(_WORD.findall(text))
    return len(_CJK.findall(text)) + len(_WORD.findall(_CJK.sub(" ", text)))


# The render → package contract -------------------------------------------------------------
# Render decides file names, reading order and the contents; an output target (a KEPUB) may
# rewrite the pages between render and package; package only packs what it is given.

COVER_IMAGE = "cover.jpg"
STYLESHEET = "style.css"
NAV = "nav.xhtml"


class Page(Struct, frozen=True):
    """One file of the book's text, as render made it and package packs it."""

    href: str
    title: str
    content: bytes
    landmark: str = ""  # the EPUB landmark this page starts, if any ("cover", "titlepage", …)
    is_nav: bool = False
    in_spine: bool = True
    continues: bool = False  # the second or later page of a long chapter: not in the contents


class TocEntry(Struct, frozen=True):
    """A line of the table of contents, with the entries nested under it (a part's chapters)."""

    label: str
    href: str
    children: tuple[TocEntry, ...] = ()


class Rendition(Struct, frozen=True):
    """What render hands to package: the pages in reading order, the contents and the stylesheet."""

    pages: tuple[Page, ...]  # in reading order; the nav page is among them, in the spine or not
    toc: tuple[TocEntry, ...]
    stylesheet: bytes
