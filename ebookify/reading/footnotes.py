"""Footnotes: the marks in the text and the notes they call, linked for a reader's pop-ups.

Two layouts, as people write them. Markdown's, in a ``.md`` or a ``.txt`` ("…a word[^1] …" and,
anywhere, "[^1]: The note."), and Project Gutenberg editions' ("…a word[1] …" and Distributed
Proofreaders' "[Footnote 1: The note.]", a note of several paragraphs closing with its "]", or
older texts' one paragraph "[1] The note.", whose mark stands right after a word: "fees, and [2]
YOU HAVE…" numbers a clause, not a note), and e-book exports' (FB2 to text: the notes at the end,
each a number alone on its line, then the note's paragraph, wide gaps all around).
A mark becomes a link only where a note of its name exists, and a note leaves its place only when
a mark calls it: "[1]" in a text without notes stays as typed, and so does a note no mark calls.
Editions number their notes again in each chapter: a mark calls the note of its name in its own
chapter first (the first after it, where pages joined into one chapter each bring a "[^1]"),
then one further on (a "FOOTNOTES" section at the back), then any. The book numbers the notes
through, in the order they are first called. A mark in a heading ("Hanging-Hair
Traveler[^1]") leaves the heading; its note is kept with the others.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial

from msgspec import Struct
from msgspec.structs import replace

from ..model import BlockQuote, Footnote, Inline, LineBreak, ListBlock, NoteRef, Paragraph, SceneBreak, Text, inline_text
from ..patterns import lazy

_NOTE = lazy(r"^\[(?:\^(?P<md>[^\]\s]{1,40})\]:|(?:Footnote|Note|Fußnote|Anmerkung|Nota|Noot|Примечание)\s+"
             r"(?P<dp>[\w*†‡§]{1,6})\s*:|(?P<pg>\d{1,3})\][.:]?(?=\s))\s*", re.IGNORECASE)  # "[1] …", "[1]. …"
_MARK = lazy(r"\[(?:\^(?P<md>[^\]\s]{1,40})|(?P<dp>[\w*†‡§]{1,6}))\]")
_MOST_PARAGRAPHS = 20  # an edition's note that never closes its "]" is text, not a note running on for ever
_NUMBER_ALONE = lazy(r"^\[?(\d{1,3})\]?\.?$")
_FEWEST_NUMBERED = 3  # notes under numbers alone are a list of them (1, 2, 3 …), never one number


class _Note(Struct, frozen=True):
    unit: int  # which chapter or section holds it, in reading order
    block: int  # the index of its first paragraph there
    end: int  # one past its last
    name: tuple[str, str]  # ("md", "1"), ("dp", "1") or ("pg", "1"): each layout's names are its own
    blocks: tuple


def link_footnotes(units: list[tuple], titles: dict[int, tuple[str, str]]) -> Linked:
    """``units``: the blocks of each front section, chapter and back section, in reading order;
    ``titles``: the (label, title) of the units that are chapters. Returns them with the called
    notes taken out and their marks made links, and the notes in the order of their numbers."""
    split = [separated(blocks) for blocks in units]
    units, origins = [blocks for blocks, _ in split], [where for _, where in split]
    notes = [note for unit, blocks in enumerate(units) for note in (*_notes_in(unit, blocks), *_numbered_notes(unit, blocks))]
    if not notes:
        return Linked(units, titles, (), origins)
    by_name: dict[tuple[str, str], list[_Note]] = {}
    for note in notes:
        by_name.setdefault(note.name, []).append(note)
    called: dict[_Note, Footnote] = {}
    marks: dict[_Note, int] = {}

    def call(unit: int, name: tuple[str, str], at: int = 0) -> NoteRef | None:
        candidates = by_name.get(name)
        if not candidates:
            return None
        here = [n for n in candidates if n.unit == unit]  # several of one name here: the first after the mark
        note = next((n for n in here if n.block > at), here[-1]) if here else next(
            (n for n in candidates if n.unit > unit), candidates[0])
        if note not in called:
            key = str(len(called) + 1)
            called[note] = Footnote(key, key, note.blocks)
        footnote = called[note]
        marks[note] = marks.get(note, 0) + 1
        return NoteRef(footnote.key, footnote.mark, footnote.key + (f"-{marks[note]}" if marks[note] > 1 else ""))

    inside = {(n.unit, i) for n in notes for i in range(n.block, n.end)}
    linked = []
    titles = dict(titles)
    for unit, blocks in enumerate(units):
        if unit in titles:  # a heading's mark is called before its chapter's
            titles[unit] = tuple(_unmarked(text, unit, call) for text in titles[unit])
        linked.append(tuple(_linked(block, unit, partial(call, at=i)) if (unit, i) not in inside else block
                            for i, block in enumerate(blocks)))
    gone = {(n.unit, i) for n in called for i in range(n.block, n.end)}
    units = [tuple(b for i, b in enumerate(blocks) if (unit, i) not in gone) for unit, blocks in enumerate(linked)]
    origins = [tuple(o for i, o in enumerate(where) if (unit, i) not in gone) for unit, where in enumerate(origins)]
    return Linked(units, titles, tuple(called.values()), origins)


class Linked(Struct, frozen=True):
    units: list[tuple]
    titles: dict[int, tuple[str, str]]
    footnotes: tuple[Footnote, ...]
    origins: list[tuple[int, ...]]  # for each block of each unit, the index of the block it came from

    def moved(self, unit: int, index: int) -> int:
        """Where the block that stood at ``index`` stands now (an author's note's place, ``Note.at``)."""
        return bisect_left(self.origins[unit], index)  # (origins only ever rise)


def separated(blocks: tuple) -> tuple[tuple, tuple[int, ...]]:
    """Notes written one under another ("[^1]: …" / "[^2]: …") read as one paragraph: one each.
    With, for each block, the index of the one it came from."""
    if not any(map(_opening, blocks)):
        return blocks, tuple(range(len(blocks)))
    out, origins = [], []
    for index, block in enumerate(blocks):
        if not _opening(block):
            out.append(block)
            origins.append(index)
            continue
        pieces: list[list[Inline]] = [[]]
        for inline in block.inlines:
            texts = _NEXT_NOTE.split(inline.text) if isinstance(inline, Text) else [inline]
            for number, piece in enumerate(texts):
                if number:  # a note opening inside a line joined from several
                    pieces.append([])
                if isinstance(piece, str):
                    if piece:
                        pieces[-1].append(Text(piece))
                elif isinstance(piece, LineBreak):
                    pieces.append([])
                else:
                    pieces[-1].append(piece)
        merged: list[list[Inline]] = []
        for piece in pieces:  # a line break not followed by a note's opening stays inside the note
            if merged and not (piece and isinstance(piece[0], Text) and _NOTE.match(piece[0].text)):
                merged[-1] += [LineBreak(), *piece]
            elif piece:
                merged.append(piece)
        out.extend(Paragraph(tuple(piece)) for piece in merged)
        origins.extend(index for _ in merged)
    return tuple(out), tuple(origins)


_NEXT_NOTE = lazy(r"(?<=\S)\s+(?=\[\^[^\]\s]{1,40}\]:\s)")


def _notes_in(unit: int, blocks: tuple) -> list[_Note]:
    found = []
    index = 0
    while index < len(blocks):
        opening = _opening(blocks[index])
        if opening is None:
            index += 1
            continue
        end = index + 1
        if opening["dp"]:  # "[Footnote 3: …" runs to the paragraph that closes it with "]"
            end = next((j + 1 for j in range(index, min(len(blocks), index + _MOST_PARAGRAPHS))
                        if isinstance(blocks[j], Paragraph) and inline_text(blocks[j].inlines).rstrip().endswith("]")), 0)
            if not end:
                index += 1
                continue
        body = list(blocks[index:end])  # a quote or a list inside the note goes with it
        body[0] = Paragraph(_cut_start(body[0].inlines, opening.end()))
        if opening["dp"]:
            body[-1] = Paragraph(_cut_end(body[-1].inlines))
        kind = next(kind for kind in ("md", "dp", "pg") if opening[kind])
        found.append(_Note(unit, index, end, (kind, opening[kind]), tuple(b for b in body if not isinstance(b, Paragraph)
                                                         or inline_text(b.inlines).strip())))
        index = end
    return found


def _numbered_notes(unit: int, blocks: tuple) -> list[_Note]:
    """Notes each under its number alone ("1" / the note / "2" / the note …), counting 1, 2, 3 …:
    the gaps around them (ornaments by now) go with them."""
    found: list[_Note] = []
    for index, block in enumerate(blocks):
        number = _number_alone(block)
        if number == 1:
            found = []  # counted from one again: only the last count can be the notes
        elif number != len(found) + 1:
            continue
        text = next((j for j in range(index + 1, len(blocks)) if not isinstance(blocks[j], SceneBreak)), None)
        if text is None or not isinstance(blocks[text], Paragraph) or _number_alone(blocks[text]) is not None:
            continue
        after = next((j for j in range(text + 1, len(blocks)) if not isinstance(blocks[j], SceneBreak)), len(blocks))
        end = after if after == len(blocks) or _number_alone(blocks[after]) == number + 1 else text + 1
        found.append(_Note(unit, index, end, ("numbered", str(number)), (blocks[text],)))
    return found if len(found) >= _FEWEST_NUMBERED else []


def _number_alone(block) -> int | None:
    if not (isinstance(block, Paragraph) and len(block.inlines) == 1 and isinstance(block.inlines[0], Text)) \
            or len(block.inlines[0].text) > _NUMBER_LENGTH:  # (most paragraphs: no pattern to ask)
        return None
    number = _NUMBER_ALONE.match(block.inlines[0].text.strip())
    return int(number[1]) if number else None


_NUMBER_LENGTH = 12


def _opening(block) -> re.Match | None:
    """The "[^1]: ", "[Footnote 1: " or "[1] " a paragraph opens with, if it is a note."""
    first = block.inlines[0] if isinstance(block, Paragraph) and block.inlines else None
    opening = _NOTE.match(first.text) if isinstance(first, Text) and first.text[:1] == "[" else None
    if opening and opening["pg"] and opening.end() == len(first.text) and len(block.inlines) == 1:
        return None  # "[1]" and nothing after it: no note ("[3] _i.e._, …" goes on in italics)
    return opening


def _cut_start(inlines: tuple[Inline, ...], count: int) -> tuple[Inline, ...]:
    """The paragraph without its opening "[^1]: " (which stands in its first text node)."""
    rest = inlines[0].text[count:]
    return ((Text(rest),) if rest else ()) + inlines[1:]


def _cut_end(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """The paragraph without the "]" that closes an edition's note, where a text node ends with it."""
    last = inlines[-1] if inlines else None
    if isinstance(last, Text) and last.text.rstrip().endswith("]"):
        return inlines[:-1] + (Text(last.text.rstrip()[:-1]),)
    return inlines


def _linked(block, unit: int, call):
    """The block with its marks made links; the very same block when it has none (its chapter's
    word count then still holds)."""
    if isinstance(block, Paragraph):
        inlines = _marks(block.inlines, unit, call)
        return block if inlines == block.inlines else Paragraph(inlines)
    if isinstance(block, BlockQuote):
        return BlockQuote(tuple(Paragraph(_marks(p.inlines, unit, call)) for p in block.paragraphs))
    if isinstance(block, ListBlock):
        return replace(block, items=tuple(_marks(item, unit, call) for item in block.items))
    return block


def _marks(inlines: tuple[Inline, ...], unit: int, call) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Text) and "[" in inline.text:  # "_nemo novit_[7]": glued to the italics before it
            out.extend(_split(inline.text, unit, call, glued=bool(out) and not isinstance(out[-1], LineBreak)))
        elif hasattr(inline, "children"):
            out.append(replace(inline, children=_marks(inline.children, unit, call)))
        else:
            out.append(inline)
    return tuple(out)


def _split(text: str, unit: int, call, glued: bool = False) -> list[Inline]:
    """``glued``: the text follows an inline (italics) with no space between."""
    out: list[Inline] = []
    position = 0
    for mark in _MARK.finditer(text):
        ref = call(unit, ("md", mark["md"]) if mark["md"] else ("dp", mark["dp"]))
        if ref is None and mark["dp"] and (not text[mark.start() - 1].isspace() if mark.start() else glued):
            # "sankareja.[1]" calls "[1] Heistä…" or a "1" over its note; "and [2] YOU" is a clause
            ref = call(unit, ("pg", mark["dp"])) or call(unit, ("numbered", mark["dp"]))
        if ref is None:
            continue
        if mark.start() > position:
            out.append(Text(text[position:mark.start()]))
        out.append(ref)
        position = mark.end()
    if position < len(text):
        out.append(Text(text[position:]))
    return out


def _unmarked(text: str, unit: int, call) -> str:
    """A heading without the Markdown marks of notes it calls (called all the same, so kept)."""
    if "[^" not in text:
        return text
    return _MARK.sub(lambda mark: "" if mark["md"] and call(unit, ("md", mark["md"])) else mark.group(), text).rstrip()
