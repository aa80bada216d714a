"""Updating a book from a longer text: what belongs to the book, and what changed.

A story still being written gains chapters; the reader's copy should be replaced in place, not
doubled, and keep what the reader (or calibre) gave the book rather than the text: its
identifier (so a device replaces it), its title, authors, series and tags as edited since, and its
first-published date. The text gives the chapters. ``rebuild`` does it all (the command and
batch conversion call it): ``kept`` turns a book's metadata into ``Options.metadata`` pairs,
which win over the sidecar and the text but not over the caller's own; ``compare`` says which of
the book's contents entries the new text lacks, and which chapters are new. Pure: the caller
decides whether a book that loses chapters may be written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from msgspec import Struct
from msgspec.structs import replace

from .errors import UsageError
from .metadata import check_fields
from .model import Book, Metadata, word_count
from .epub.open import OpenBook, flatten, open_book

if TYPE_CHECKING:
    from .options import Options
    from .pipeline import Result, Story

_SUBJECT_KEYS = (("fandom", "fandoms"), ("characters", "characters"), ("relationships", "relationships"))


class Changes(Struct, frozen=True):
    lost: tuple[str, ...]  # contents entries of the book that the new text does not have
    new: tuple[int, ...]  # numbers of the text's chapters the book did not have
    new_words: int

    def summary(self) -> str:
        """ "3 new chapters (12–14), 8,210 new words", or "no new chapters"."""
        if not self.new:
            return "no new chapters"
        count = len(self.new)
        return f"{count} new chapter{'s' if count != 1 else ''} ({_span(self.new)}), {self.new_words:,} new word{'s' if self.new_words != 1 else ''}"


class Update(Struct, frozen=True):
    result: Result
    changes: Changes
    notes: tuple[str, ...]  # what was kept from the book where the text says otherwise


def rebuild(old_epub: bytes, text: bytes, options: Options, new_cover: bool = False) -> Update:
    """The book ``old_epub`` made again from ``text``. ``options`` are the caller's (flags,
    sidecar): they win over what the book keeps. Its cover stays unless ``options.cover_image``
    gives one or ``new_cover`` asks for a drawing. (``text`` is read twice, alone and with what
    the book keeps; ``pipeline.read`` keeps the last parse, so only the metadata is settled twice.)"""
    from .pipeline import read
    from .render import chapter_heading

    old = open_book(old_epub)
    bare = replace(options, title="", authors=(), metadata=())
    fresh = read(text, bare)
    guessed = tuple(key for key, source in fresh.provenance if source == "guess")
    keep, notes = kept(old, fresh.book.metadata, guessed, _given(options))
    options = replace(options, metadata=tuple({**dict(keep), **dict(options.metadata)}.items()))
    story = read(text, options)
    headings = tuple(chapter_heading(story.book, c) for c in story.book.chapters)
    result = _made(story, options, old, new_cover)
    entries = tuple(e.label for _, e in flatten(open_book(result.epub).contents))
    return Update(result, compare(old, result.book, headings, entries), notes)


def _given(options: Options) -> frozenset[str]:
    """The keys the caller sets (flags, the sidecar): the book keeps none of those."""
    flags = {key for key, value in (("title", options.title), ("authors", options.authors)) if value}
    return frozenset({*check_fields(dict(options.sidecar), "sidecar"), *dict(options.metadata), *flags})


def _made(story: Story, options: Options, old: OpenBook, new_cover: bool) -> Result:
    """The new book with the cover it should have: the caller's image, a new drawing, none when
    the book had none, else the book's own. The book's own is never drawn again to compare:
    a JPEG that readers show as it is keeps its bytes (``prepare_cover``), so a cover ebookify
    drew stays byte for byte, and an unchanged book of 200 is not 200 drawings."""
    from .pipeline import make

    if options.cover_image or new_cover:
        return make(story, options)
    if not old.cover_path:
        return make(story, replace(options, cover=False))
    return make(story, replace(options, cover_image=old.cover))


def kept(old: OpenBook, fresh: Metadata, guessed: tuple[str, ...] = (),
         given: frozenset[str] = frozenset()) -> tuple[tuple[tuple[str, object], ...], tuple[str, ...]]:
    """(key, value) pairs to keep from the book, and a sentence for each that differs from what
    the text alone gives (``fresh``), e.g. “kept the book's title “Night Ferry” (the text says …)”.
    ``guessed``: keys the text only guessed; the book's stated language beats a guess. ``given``:
    keys the caller sets, which the book does not keep."""
    pairs: list[tuple[str, object]] = []
    notes: list[str] = []

    def keep(key: str, value, shown_old: str, shown_new: str) -> None:
        if key in given:
            return
        try:
            checked = check_fields({key: value}, "the book")
        except UsageError:  # a value our metadata cannot hold (an odd date, a bad URN): the text's stays
            return
        if key in checked:
            pairs.append((key, checked[key]))
            if shown_old != shown_new:
                notes.append(f"kept the book's {key.replace('_', ' ')} “{shown_old}” (the text gives “{shown_new or '—'}”)")

    if old.identifier:
        keep("identifier", old.identifier, old.identifier, old.identifier)  # never worth a note: it must stay
    if old.title:
        keep("title", old.title, old.title, fresh.title)
    if old.authors:
        keep("authors", list(old.authors), ", ".join(old.authors), ", ".join(fresh.authors))
    if old.series:
        keep("series", old.series, old.series, fresh.series)
        if old.series_index:
            keep("series_index", old.series_index, old.series_index, fresh.series_index)
    if old.published:
        keep("published", old.published[:10], old.published[:10], fresh.published)
    if "language" in guessed and old.languages and old.languages[0]:
        keep("language", old.languages[0], old.languages[0], fresh.language)
    if not given & {"tags", "fandom", "characters", "relationships"}:
        pairs += _subjects(old, fresh, notes)
    return tuple(pairs), tuple(notes)


def _subjects(old: OpenBook, fresh: Metadata, notes: list[str]) -> list[tuple[str, object]]:
    """The book's subjects as they stand: ebookify writes tags, fandoms, characters and
    relationships all as ``dc:subject``, so each list keeps the entries the book still has and
    the tags take the rest. Nothing to do when the book's subjects are the text's."""
    if not old.subjects:
        return []
    folded = {s.casefold() for s in old.subjects}
    fresh_subjects = [*fresh.tags, *fresh.fandoms, *fresh.characters, *fresh.relationships]
    if folded == {s.casefold() for s in fresh_subjects}:
        return []
    pairs: list[tuple[str, object]] = []
    claimed: set[str] = set()
    for key, field in _SUBJECT_KEYS:
        values = [v for v in getattr(fresh, field) if v.casefold() in folded]
        claimed |= {v.casefold() for v in values}
        pairs.append((key, values))
    pairs.append(("tags", [s for s in old.subjects if s.casefold() not in claimed]))
    notes.append(f"kept the book's tags: {', '.join(old.subjects)}")
    return pairs


def compare(old: OpenBook, book: Book, headings: tuple[str, ...], entries: tuple[str, ...]) -> Changes:
    """``headings``: the new book's chapter headings in order (as its contents names them);
    ``entries``: every label of its contents (title page, notes, parts, chapters)."""
    have = {_key(label) for label in (*entries, *headings)}
    leaves = [entry.label for _, entry in flatten(old.contents) if not entry.children and entry.label.strip()]
    lost = tuple(label for label in leaves if _key(label) not in have)
    before = {_key(entry.label) for _, entry in flatten(old.contents)}
    new = tuple(chapter.number for chapter, heading in zip(book.chapters, headings) if _key(heading) not in before)
    words = sum(word_count(c.blocks) for c in book.chapters if c.number in new)
    return Changes(lost, new, words)


def _key(label: str) -> str:
    """Labels compared by their words: curly or straight quotes, dashes and case do not matter."""
    return " ".join(re.findall(r"[^\W_]+", label.casefold()))


def _span(numbers: tuple[int, ...]) -> str:
    """(12, 13, 14) → "12–14"; (3, 7) → "3, 7"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)
