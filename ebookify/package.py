"""Pages, cover and metadata to EPUB bytes. The only module that imports ebooklib.

ebooklib writes the package document and the NCX; we fix what it gets wrong (PITFALLS.md):
pages go in as raw ``EpubItem`` bytes so nothing re-parses them, the language and a stable
identifier are always set, each author gets its own id, the cover page is ours (linear, first,
with a landmark) and the zip is rewritten with sorted names and fixed timestamps, so the same
book gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile

from ebooklib import epub

from .errors import PackageError
from .model import Metadata, block_texts
from .render import COVER_IMAGE, STYLESHEET, Rendition, TocEntry

_XHTML = "application/xhtml+xml"
_ACCESS_SUMMARY = (
    "This publication is text with a table of contents, landmarks and a logical reading order. "
    "The cover image has a text alternative. Text size and colours can be changed by the reader."
)


def package(meta: Metadata, rendition: Rendition, cover: bytes | None) -> bytes:
    book = epub.EpubBook()
    book.metadata = {}  # drop ebooklib's own generator line and random identifier
    _metadata(book, meta)
    for page in rendition.pages:
        item = epub.EpubItem(uid=_id(page.href), file_name=page.href, media_type=_XHTML, content=page.content)
        item.properties = ["nav"] if page.is_nav else []
        book.add_item(item)
        if page.in_spine:
            book.spine.append(item)
    book.add_item(epub.EpubItem(uid="style", file_name=STYLESHEET, media_type="text/css", content=rendition.stylesheet))
    if cover is not None:
        book.add_metadata(None, "meta", "visual", {"property": "schema:accessMode"})
        image = epub.EpubItem(uid="cover-image", file_name=COVER_IMAGE, media_type="image/jpeg", content=cover)
        image.properties = ["cover-image"]
        book.add_item(image)
        book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})
    book.add_item(epub.EpubNcx())
    book.toc = _toc(rendition.toc)
    book.guide = [{"type": _GUIDE[p.landmark], "title": p.title, "href": p.href}
                  for p in rendition.pages if p.landmark in _GUIDE]
    out = io.BytesIO()
    try:
        epub.write_epub(out, book, {"mtime": meta.modified, "epub3_landmark": False, "epub3_pages": False,
                                    "raise_exceptions": True, "compresslevel": 0})
    except Exception as exc:  # ebooklib raises bare lxml and zip errors
        raise PackageError(f"could not pack the EPUB: {exc}") from None
    return _reproducible_zip(out.getvalue(), meta)


_GUIDE = {"cover": "cover", "titlepage": "title-page", "bodymatter": "text"}


def _metadata(book: epub.EpubBook, meta: Metadata) -> None:
    book.set_identifier(meta.identifier)
    book.set_title(meta.title)
    book.set_language(meta.language)
    for number, author in enumerate(meta.authors, start=1):
        book.add_author(author, uid=f"author-{number}")
    if meta.description:
        book.add_metadata("DC", "description", "\n\n".join(block_texts(meta.description)))
    for tag in meta.tags:
        book.add_metadata("DC", "subject", tag)
    if meta.source_url:
        book.add_metadata("DC", "source", meta.source_url)
    book.add_metadata(None, "meta", "", {"name": "generator", "content": "ebookify"})
    for prop, value in (
        ("schema:accessMode", "textual"),
        ("schema:accessModeSufficient", "textual"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
        ("schema:accessibilityFeature", "alternativeText"),
        ("schema:accessibilityFeature", "displayTransformability"),
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", _ACCESS_SUMMARY),
    ):
        book.add_metadata(None, "meta", value, {"property": prop})


def _toc(entries: tuple[TocEntry, ...]) -> list:
    """The table of contents as ebooklib wants it for the NCX: links, and (section, children)."""
    out = []
    for entry in entries:
        if entry.children:
            out.append((epub.Section(entry.label, entry.href), _toc(entry.children)))
        else:
            out.append(epub.Link(entry.href, entry.label, f"toc-{_id(entry.href)}"))
    return out


def _id(href: str) -> str:
    return href.rsplit(".", 1)[0]


def _reproducible_zip(data: bytes, meta: Metadata) -> bytes:
    """Rewrite the zip: mimetype first and stored, the rest sorted, every timestamp the same."""
    stamp = max(meta.modified.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        names = sorted(source.namelist(), key=lambda n: (n != "mimetype", n != "META-INF/container.xml", n))
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()
