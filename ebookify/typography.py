"""Typewriter text to typeset text: curly quotes, apostrophes, dashes and ellipses.

Rules run on the model's text, never on markup, and quotes are decided over a whole paragraph
at once so a quote that opens before an emphasis and closes inside it still pairs up. Each
paragraph starts afresh: a badly balanced quote never leaks into the next one. Already curly
text is left alone, so typesetting twice changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Block, Book, Chapter, Emphasis, Inline, Note, Paragraph, Strong, Text

_REPLACEMENTS = (
    (re.compile(r"(?<!-)-{2,3}(?!-)"), "—"),  # typewriter em dash; longer runs are drawn lines, kept
    (re.compile(r"(?<!\.)\.\.\.(?!\.)|(?<!\.)\. \. \.(?! \.)"), "…"),
)
# After these a quote mark opens; after anything else it closes.
_OPENS_AFTER = set(" \u00a0([{‘“/\n")
_DASHES = set("—–-…")
# An apostrophe at a word's start that stands for missing letters: 'em, 'tis, '90s, rock 'n' roll.
_ELISION = re.compile(r"'(?:em|tis|twas|til|cause|cos|n|round|bout|nuff|kay|ello|\d0s|\d\d)\b", re.IGNORECASE)


def typeset(book: Book) -> Book:
    metadata = replace(
        book.metadata,
        title=smarten(book.metadata.title),
        subtitle=smarten(book.metadata.subtitle),
        description=_blocks(book.metadata.description),
    )
    return replace(
        book,
        metadata=metadata,
        front_notes=tuple(_note(n) for n in book.front_notes),
        chapters=tuple(_chapter(c) for c in book.chapters),
    )


def smarten(text: str) -> str:
    """Typeset one run of text, such as a title."""
    return _smarten_inlines((Text(text),))[0].text if text else text


def _chapter(chapter: Chapter) -> Chapter:
    return replace(
        chapter,
        title=smarten(chapter.title),
        blocks=_blocks(chapter.blocks),
        notes=tuple(_note(n) for n in chapter.notes),
    )


def _note(note: Note) -> Note:
    return replace(note, blocks=_blocks(note.blocks))


def _blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    return tuple(Paragraph(_smarten_inlines(b.inlines)) if isinstance(b, Paragraph) else b for b in blocks)


def _smarten_inlines(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    texts = [_replace_runs(t) for t in _texts(inlines)]
    curled = _curl_quotes("".join(texts))
    pieces, start = [], 0
    for text in texts:
        pieces.append(curled[start : start + len(text)])
        start += len(text)
    return _refill(inlines, iter(pieces))


def _replace_runs(text: str) -> str:
    for pattern, replacement in _REPLACEMENTS:
        text = pattern.sub(replacement, text)
    return text


def _curl_quotes(text: str) -> str:
    """Replace each straight quote with its curly form; the length never changes."""
    out = list(text)
    for i, char in enumerate(text):
        if char not in "'\"":
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if char == "'" and (before.isalnum() and after.isalnum() or before in _OPENS_AFTER and _ELISION.match(text, i)):
            out[i] = "’"
            continue
        opening = before in _OPENS_AFTER or (before in _DASHES and not after.isspace() and after not in ".,;:!?")
        out[i] = ("‘" if opening else "’") if char == "'" else ("“" if opening else "”")
    return "".join(out)


def _texts(inlines: tuple[Inline, ...]) -> list[str]:
    out: list[str] = []
    for inline in inlines:
        if isinstance(inline, Text):
            out.append(inline.text)
        elif isinstance(inline, (Emphasis, Strong)):
            out.extend(_texts(inline.children))
    return out


def _refill(inlines: tuple[Inline, ...], pieces) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Text):
            out.append(Text(next(pieces)))
        elif isinstance(inline, (Emphasis, Strong)):
            out.append(replace(inline, children=_refill(inline.children, pieces)))
        else:
            out.append(inline)
    return tuple(out)
