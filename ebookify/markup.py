"""Model blocks and inlines to XHTML markup, and long runs of blocks cut into page-sized pieces.

Text is escaped here (markupsafe), once, so a story's ``<`` or ``&`` reaches the reader as typed;
templates receive ready ``Markup`` and never build tags from text.
"""

from __future__ import annotations

from functools import cache
from string import Template
from typing import Callable

from markupsafe import Markup, escape
from msgspec import Struct

from .resources import read_asset

from .model import (
    Block,
    BlockQuote,
    Emphasis,
    Inline,
    LineBreak,
    ListBlock,
    NoteRef,
    Paragraph,
    Preformatted,
    Ruby,
    SceneBreak,
    Strike,
    Strong,
    Subheading,
    Text,
    inline_text,
    is_end_mark,
    set_in_lines,
    trim_breaks,
)


NOTES_PAGE = "endnotes.xhtml"  # the book's footnotes, each with a link back to its mark


class LinkHeading(Struct, frozen=True):
    """A subheading that links back to a chapter: only the gathered notes page has them."""

    label: str
    href: str


class NoteBox(Struct, frozen=True):
    """An author's note set in its place between two paragraphs of a chapter."""

    label: str
    blocks: tuple[Block, ...]


def fill(template: str, **values: object) -> Markup:
    """``assets/templates/<template>`` with its ``${name}`` places filled: text escaped, ``Markup``
    as it is. A place left without a value is a bug, and raises. (Plain ``string.Template``: the
    pages have no logic of their own, and a template engine cost every book a tenth of its time.)"""
    return Markup(_template(template).substitute({name: escape(value) for name, value in values.items()}))


@cache
def _template(name: str) -> Template:
    return Template(read_asset(f"templates/{name}").decode("utf-8"))


def blocks_html(blocks: tuple[Block, ...]) -> Markup:
    return Markup("\n".join(map(_block_html, blocks)))


def inlines_html(inlines: tuple[Inline, ...]) -> Markup:
    return Markup(_inlines(inlines))


# The two below build safe XHTML as plain strings: text is escaped where it enters (``escape``),
# tags are joined with str's own operations. ``Markup``'s ``%`` and ``+`` wrap and check every
# operand again, and took a third of the time to render a story.

def _block_html(block) -> str:
    if isinstance(block, Paragraph):
        return f"{_opening(block)}{_inlines(block.inlines)}</p>"
    if isinstance(block, SceneBreak):
        # The rule carries the meaning; the ornament is what shows, even where a reader hides <hr>.
        return '<hr class="scene-break"/>\n<p class="ornament" aria-hidden="true">* * *</p>'
    if isinstance(block, BlockQuote):
        return f"<blockquote>\n{blocks_html(block.paragraphs)}\n</blockquote>"
    if isinstance(block, Preformatted):
        return f"<pre>{escape(block.text)}</pre>"
    if isinstance(block, Subheading):
        return f'<h3 class="subheading">{escape(block.text)}</h3>'
    if isinstance(block, ListBlock):
        items = "\n".join(f"<li>{_inlines(item)}</li>" for item in block.items)
        if not block.ordered:
            return f"<ul>\n{items}\n</ul>"
        start = f' start="{block.start:d}"' if block.start != 1 else ""
        return f"<ol{start}>\n{items}\n</ol>"
    if isinstance(block, NoteBox):
        return (f'<div class="authors-note" role="note">\n<p class="note-label">{escape(block.label)}</p>\n'
                f"{blocks_html(block.blocks)}\n</div>")
    if isinstance(block, LinkHeading):
        return f'<h3><a href="{escape(block.href)}">{escape(block.label)}</a></h3>'
    raise TypeError(f"no rendering for {type(block).__name__}")


_INLINE_TAGS = {Emphasis: "em", Strong: "strong", Strike: "s"}


def _opening(paragraph: Paragraph) -> str:
    """The paragraph's tag, with the class of the few the stylesheet sets apart: lines set as
    written (a stanza, a song, an address); the end mark, centred as editions print it; and a
    paragraph opening with a corner bracket, which Japanese sets flush where narration is indented
    (Chinese, which uses the brackets too, indents both)."""
    if set_in_lines(paragraph):
        return '<p class="lines">'
    if is_end_mark(paragraph):
        return '<p class="the-end">'
    if inline_text(paragraph.inlines[:1])[:1] in ("「", "『"):
        return '<p class="opens-bracket">'
    return "<p>"


def _inlines(inlines: tuple[Inline, ...]) -> str:
    parts = []
    for inline in inlines:
        if isinstance(inline, Text):
            parts.append(escape(inline.text))
        elif isinstance(inline, LineBreak):
            parts.append("<br/>")
        elif isinstance(inline, NoteRef):  # the reader's pop-up, or a link to the notes page
            parts.append(f'<a class="noteref" id="noteref-{escape(inline.ref)}" href="{NOTES_PAGE}#note-{escape(inline.key)}" '
                         f'epub:type="noteref" role="doc-noteref">{escape(inline.mark)}</a>')
        elif isinstance(inline, Ruby):  # the brackets show where a reading system sets no ruby
            parts.append(f"<ruby>{_inlines(inline.children)}<rp>（</rp><rt>{escape(inline.reading)}</rt><rp>）</rp></ruby>")
        else:
            tag = _INLINE_TAGS[type(inline)]
            parts.append(f"<{tag}>{_inlines(inline.children)}</{tag}>")
    return "".join(parts)


def split_blocks(blocks: tuple[Block, ...], limit: int) -> list[tuple[Block, ...]]:
    """Cut a chapter's blocks into runs of at most ``limit`` characters, between blocks where
    possible, and between words inside a paragraph that is longer than ``limit`` on its own."""
    pieces = [piece for block in blocks for piece in _pieces(block, limit)]
    size = lambda b: len(inline_text(b.inlines)) if isinstance(b, Paragraph) else 100  # noqa: E731
    return [trim_breaks(chunk) for chunk in _pack(pieces, size, limit)]


def _pieces(block: Block, limit: int) -> list[Block]:
    if not isinstance(block, Paragraph) or len(inline_text(block.inlines)) <= limit:
        return [block]
    parts = [part for inline in block.inlines
             for part in ([Text(t) for t in _cut(inline.text, limit)] if isinstance(inline, Text) else [inline])]
    return [Paragraph(tuple(group)) for group in _pack(parts, lambda i: len(inline_text((i,))), limit)]


def _pack(items: list, size: Callable[[object], int], limit: int) -> list[list]:
    """Consecutive items in groups whose sizes add up to at most ``limit`` (an oversized item alone)."""
    groups: list[list] = [[]]
    total = 0
    for item in items:
        length = size(item)
        if groups[-1] and total + length > limit:
            groups.append([])
            total = 0
        groups[-1].append(item)
        total += length
    return [group for group in groups if group]


def _cut(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters, cut after a space where there is one."""
    out = []
    while len(text) > limit:
        at = text.rfind(" ", 0, limit) + 1 or limit
        out.append(text[:at])
        text = text[at:]
    return out + [text]
