"""A finished ``Book`` to XHTML pages: one file per chapter, plus cover, title, notes and nav.

Page skeletons are Jinja2 templates in ``assets/templates/`` with autoescaping on, so any text
that looks like markup (``<script>``, ``&amp;``) reaches the reader as the characters typed.
Render decides file names and reading order; ``package`` only packs what it is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup, escape

from .model import (
    Block,
    Book,
    Chapter,
    Emphasis,
    Inline,
    LineBreak,
    Note,
    Paragraph,
    Placement,
    SceneBreak,
    Strong,
    Text,
    inline_text,
)
from .resources import read_asset

COVER_IMAGE = "cover.jpg"
STYLESHEET = "style.css"
NAV = "nav.xhtml"


@dataclass(frozen=True)
class Page:
    href: str
    title: str
    content: bytes
    landmark: str = ""  # the EPUB landmark this page starts, if any ("cover", "titlepage", …)
    toc_label: str = ""  # listed in the table of contents under this label, if any
    is_nav: bool = False
    in_spine: bool = True


@dataclass(frozen=True)
class Rendition:
    pages: tuple[Page, ...]  # in reading order; the nav page is among them, in the spine or not
    stylesheet: bytes


def render(book: Book, with_cover: bool) -> Rendition:
    pages: list[Page] = []
    if with_cover:
        pages.append(_cover_page(book))
    pages.append(_title_page(book))
    if book.front_notes:
        pages.append(_notes_page(book))
    pages.extend(_chapter_page(book, chapter) for chapter in book.chapters)
    # A contents page earns its place in the reading order only when there is a choice to make.
    contents_page = len(book.chapters) > 1
    nav = _nav(book, pages, contents_page)
    pages.insert(len(pages) - len(book.chapters) - bool(book.front_notes), nav)
    return Rendition(tuple(pages), read_asset(f"css/{STYLESHEET}"))


def chapter_heading(book: Book, chapter: Chapter) -> str:
    """How the chapter is named in its heading and the table of contents."""
    if chapter.label and chapter.title:
        return f"{chapter.label}: {chapter.title}"
    if chapter.label or chapter.title:
        return chapter.label or chapter.title
    if len(book.chapters) == 1:
        return book.metadata.title
    return _opening_words(chapter.blocks)


def _cover_page(book: Book) -> Page:
    meta = book.metadata
    alt = f"Cover: {meta.title}, by {_names(meta.authors)}"
    html = _page("cover.xhtml", book, "Cover", cover_href=COVER_IMAGE, alt=alt)
    return Page("cover.xhtml", "Cover", html, landmark="cover")


def _title_page(book: Book) -> Page:
    meta = book.metadata
    facts = [(label, value) for label, value in meta.extra]
    for label, values in (("Tags", meta.tags), ("Warnings", meta.warnings)):
        if values:
            facts.append((label, ", ".join(values)))
    for label, value in (
        ("Rating", meta.rating),
        ("Series", f"{meta.series} {meta.series_index}".strip()),
        ("Status", meta.status),
        ("Published", meta.published),
        ("Updated", meta.updated),
        ("Source", meta.source_url),
    ):
        if value:
            facts.append((label, value))
    html = _page(
        "titlepage.xhtml",
        book,
        "Title Page",
        meta=meta,
        authors=_names(meta.authors),
        description=blocks_html(meta.description),
        facts=facts,
    )
    return Page("titlepage.xhtml", "Title Page", html, landmark="titlepage", toc_label="Title Page")


def _notes_page(book: Book) -> Page:
    notes = [_note_view(n) for n in book.front_notes]
    title = notes[0]["label"]
    html = _page("notes.xhtml", book, title, notes=notes)
    return Page("notes.xhtml", title, html, toc_label=title)


def _chapter_page(book: Book, chapter: Chapter) -> Page:
    heading = chapter_heading(book, chapter)
    href = f"chapter-{chapter.number:03d}.xhtml"
    label = chapter.label
    title = chapter.title or ("" if label else heading)
    html = _page(
        "chapter.xhtml",
        book,
        heading,
        anchor=f"chapter-{chapter.number}",
        label=label,
        title=title,
        body=blocks_html(chapter.blocks),
        notes_before=[_note_view(n) for n in chapter.notes if n.placement is Placement.BEFORE],
        notes_after=[_note_view(n) for n in chapter.notes if n.placement is not Placement.BEFORE],
    )
    landmark = "bodymatter" if chapter is book.chapters[0] else ""
    return Page(href, heading, html, landmark=landmark, toc_label=heading)


_LANDMARK_LABELS = {"cover": "Cover", "titlepage": "Title Page", "toc": "Contents", "bodymatter": "Start of Story"}


def _nav(book: Book, pages: list[Page], in_spine: bool) -> Page:
    toc = [(p.toc_label, p.href) for p in pages if p.toc_label]
    marks = [(p.landmark, p.href) for p in pages if p.landmark]
    if in_spine:  # a landmark may only point at a page in the reading order
        marks.insert(1 + any(kind == "cover" for kind, _ in marks), ("toc", f"{NAV}#toc"))
    landmarks = [(kind, _LANDMARK_LABELS[kind], href) for kind, href in marks]
    html = _page("nav.xhtml", book, "Contents", toc=toc, landmarks=landmarks)
    return Page(NAV, "Contents", html, is_nav=True, in_spine=in_spine)


# Blocks and inlines -----------------------------------------------------------------------


def blocks_html(blocks: tuple[Block, ...]) -> Markup:
    parts = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(Markup("<p>%s</p>") % inlines_html(block.inlines))
        elif isinstance(block, SceneBreak):
            parts.append(Markup('<hr class="scene-break"/>'))
    return Markup("\n").join(parts)


def inlines_html(inlines: tuple[Inline, ...]) -> Markup:
    parts = []
    for inline in inlines:
        if isinstance(inline, Text):
            parts.append(escape(inline.text))
        elif isinstance(inline, Emphasis):
            parts.append(Markup("<em>%s</em>") % inlines_html(inline.children))
        elif isinstance(inline, Strong):
            parts.append(Markup("<strong>%s</strong>") % inlines_html(inline.children))
        elif isinstance(inline, LineBreak):
            parts.append(Markup("<br/>"))
    return Markup("").join(parts)


# Helpers ------------------------------------------------------------------------------------

_environment = Environment(
    loader=FunctionLoader(lambda name: read_asset(f"templates/{name}").decode("utf-8")),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def _page(template: str, book: Book, page_title: str, **values) -> bytes:
    full_title = page_title if page_title == book.metadata.title else f"{page_title} · {book.metadata.title}"
    html = _environment.get_template(template).render(lang=book.metadata.language, page_title=full_title, **values)
    return html.encode("utf-8")


def _note_view(note: Note) -> dict:
    return {"label": note.label, "html": blocks_html(note.blocks)}


def _names(authors: tuple[str, ...]) -> str:
    if len(authors) <= 2:
        return " and ".join(authors)
    return ", ".join(authors[:-1]) + ", and " + authors[-1]


def _opening_words(blocks: tuple[Block, ...], count: int = 6) -> str:
    for block in blocks:
        if isinstance(block, Paragraph):
            words = inline_text(block.inlines).split()
            if words:
                return " ".join(words[:count]) + ("…" if len(words) > count else "")
    return "Opening"
