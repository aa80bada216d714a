"""Converting over the reader's own copy: when the book a story would replace carries the
identifier the story's book gets, it is *updated* from it (``update.rebuild``: identifier,
cover, metadata edited since and first-published date stay; the text gives the chapters) rather
than made afresh, and the old one is kept as ``BOOK.epub.bak``. A book with another identifier
is another story's: it is replaced as before, never updated from.

``convert`` (one story) and the workers of ``batch`` call ``build``; whoever writes checks with
``current`` that the file is still the book it was rebuilt from, then calls ``write``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from ..errors import Finding, InputError
from . import files

if TYPE_CHECKING:
    from ..update import Changes
    from ..model import Metadata
    from ..options import Options
    from ..pipeline import Result, Story


class Built(Struct, frozen=True):
    """A story's book, and what it was rebuilt from when it is an update: small enough for a
    batch worker to send back (the bytes and the figures, not the document model)."""

    epub: bytes
    chapters: int
    words: int
    findings: tuple[Finding, ...]
    title: str  # the text's title, which names the file (a title edited in the book does not)
    identifier: str
    basis: Path | None = None  # the book it updates
    digest: str = ""  # of that book's bytes: the writer checks the file still holds them
    changes: Changes | None = None
    notes: tuple[str, ...] = ()  # what the book kept where the text says otherwise

    def line(self, target: Path) -> str:
        """``books/night.epub: updated, 3 new chapters (12–14), 8,210 new words; 14 chapters, 51,020 words``"""
        count = f"{self.chapters} chapter{'s' if self.chapters != 1 else ''}, {self.words:,} words"
        if self.changes is None:
            return f"{files.shown(target)}: {count}"
        if self.unchanged:
            return f"{files.shown(target)}: unchanged; {count}"
        return f"{files.shown(target)}: updated, {self.changes.summary()}; {count}"

    @property
    def unchanged(self) -> bool:
        """An update that comes out byte for byte the book it updates (the same text run again)."""
        return self.basis is not None and _digest(self.epub) == self.digest


def build(story: Story, data: bytes, options: Options, places: Iterable[Path]) -> Built:
    """``story`` (``data`` read with ``options``) as a book: an update of the first of ``places``
    that holds a book with its identifier, else a new one."""
    from ..pipeline import make

    metadata = story.book.metadata
    for place in places:
        old = same_book(place, metadata.identifier)
        if old is not None:
            from ..update import rebuild  # loads only for an update

            done = rebuild(old, data, options, new_cover=_asks_for_cover(options))
            return _built(done.result, metadata, place, _digest(old), done.changes, done.notes)
    return _built(make(story, options), metadata)


def _built(result: Result, metadata: Metadata, *update) -> Built:
    return Built(result.epub, result.chapters, result.words, result.findings, metadata.title, metadata.identifier, *update)


def _asks_for_cover(options: Options) -> bool:
    """A re-run that names a cover design or palette, or asks for none, wants that, not the book's."""
    return not options.cover or bool(options.cover_style or options.cover_palette)


def same_book(place: Path, identifier: str) -> bytes | None:
    """The bytes of the book at ``place`` when it carries ``identifier``; None for anything else."""
    try:
        data = place.read_bytes() if place.is_file() else b""
    except OSError:
        return None
    if not (identifier and data):
        return None
    from ..epub.open import identifier_of

    return data if identifier_of(data) == identifier else None


class Shelf(Struct, frozen=True):
    """The books a folder held when a batch began: only these are updated. A book the batch
    itself has just written is never the basis of another story's update (copies of one story
    share its title and identifier, and would each rebuild the first copy's book in vain)."""

    folder: Path
    names: frozenset[str]

    @classmethod
    def of(cls, folder: Path) -> Shelf:
        try:
            return cls(folder, frozenset(p.name for p in folder.iterdir() if p.suffix == ".epub"))
        except OSError:
            return cls(folder, frozenset())

    def candidates(self, stem: str) -> Iterator[Path]:
        """``night.epub``, then ``night-2.epub``, … while the shelf holds them: where a batch puts
        a story of this name (``batch.Names``), so a worker can find the book before the name is given."""
        name, number = f"{stem}.epub", 1
        while name in self.names:
            yield self.folder / name
            number += 1
            name = f"{stem}-{number}.epub"


def current(target: Path, built: Built) -> bytes | None:
    """The book at ``target`` when it still holds the very bytes ``built`` was rebuilt from
    (whichever file they were read from: copies of one book are updated alike)."""
    if built.basis is None:
        return None
    try:
        data = target.read_bytes()
    except OSError:
        return None
    return data if _digest(data) == built.digest else None


def refuse_lost(built: Built, source: Path, force: bool) -> None:
    """A text that lacks chapters the book has is an error (naming them) unless ``force``."""
    lost = built.changes.lost if built.changes else ()
    if lost and not force:
        raise lost_error(source, lost)


def lost_error(source: Path, lost: tuple[str, ...]) -> InputError:
    shown = ", ".join(f"“{label}”" for label in lost[:5]) + (" …" if len(lost) > 5 else "")
    return InputError(f"{files.shown(source)} lacks {len(lost)} chapter(s) the book has: {shown}",
                      "--force updates the book anyway")


def write(target: Path, built: Built, old: bytes | None, backup: bool, then=None) -> None:
    """The book in place, atomically; an update first keeps ``old`` as ``TARGET.bak``. An update
    that changes nothing writes nothing: the backup of the last real change stays."""
    if old is not None and built.unchanged:
        if then:
            then()
        return
    if old is not None and backup:
        files.write_atomically(backup_of(target), old)
    files.write_atomically(target, built.epub, then=then)


def backup_of(target: Path) -> Path:
    return target.with_name(target.name + ".bak")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
