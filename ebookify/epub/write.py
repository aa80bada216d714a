"""Pages, cover and metadata to EPUB bytes. The only module that imports ebooklib.

ebooklib writes the package document and the NCX; we fix what it gets wrong (PITFALLS.md):
pages go in as raw ``EpubItem`` bytes so nothing re-parses them, the language and a stable
identifier are always set, each author gets its own id and a ``file-as`` without ebooklib's
misplaced ``scheme="marc:relators"``, a series is written both the EPUB 3 way and calibre's, the
cover page is ours (linear, first, with a landmark) and so is the zip, written once with sorted
names and fixed timestamps, so the same book gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile

from ebooklib import epub

from ..errors import PackageError
from ..metadata import KEYS, is_right_to_left
from ..model import Metadata, block_texts
from ..model import COVER_IMAGE, STYLESHEET, Rendition, TocEntry
from ..patterns import lazy

_XHTML = "application/xhtml+xml"
_ACCESS_SUMMARY = (
    "This publication is text with a table of contents, landmarks and a logical reading order. "
    "The cover image has a text alternative. Text size and colours can be changed by the reader."
)


def package(meta: Metadata, rendition: Rendition, cover: bytes | None) -> bytes:
    book = epub.EpubBook()
    book.metadata = {}  # drop ebooklib's own generator line and random identifier
    _metadata(book, meta)
    if is_right_to_left(meta.language):  # the spine's page order, and the package's own text
        book.set_direction("rtl")
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
    try:
        writer = _Writer(None, book, {"mtime": meta.modified, "epub3_landmark": False, "epub3_pages": False,
                                      "package_direction": True})
        writer.process()
        writer.write()
    except Exception as exc:  # ebooklib raises bare lxml errors
        raise PackageError(f"could not pack the EPUB: {exc}") from None
    return _reproducible_zip(writer.out, meta)


_GUIDE = {"cover": "cover", "titlepage": "title-page", "bodymatter": "text"}


def _metadata(book: epub.EpubBook, meta: Metadata) -> None:
    book.set_identifier(meta.identifier)
    book.set_title(meta.title)
    book.set_language(meta.language)
    _authors(book, meta)
    if meta.description:
        book.add_metadata("DC", "description", "\n\n".join(block_texts(meta.description)))
    seen: set[str] = set()
    for subject in (item for key in KEYS if key.opf == "dc:subject" for item in getattr(meta, key.field)):
        if subject.casefold() not in seen:  # a tag "trains" and a fandom "Trains" are one subject
            seen.add(subject.casefold())
            book.add_metadata("DC", "subject", subject)
    if _ISO_DATE.match(meta.published):  # "last spring" would be an EPUBCheck warning: title page only
        book.add_metadata("DC", "date", meta.published)
    for key in KEYS:  # the plain Dublin Core texts; the others need the care taken above and below
        if key.opf in ("dc:source", "dc:publisher", "dc:rights") and getattr(meta, key.field):
            book.add_metadata("DC", key.opf[3:], getattr(meta, key.field))
    if meta.series:
        _series(book, meta)
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


_ISO_DATE = lazy(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_NUMBER = lazy(r"^\d+(?:\.\d+)?$")


def _authors(book: epub.EpubBook, meta: Metadata) -> None:
    """Each author with its own id, a ``file-as`` and the role "author".

    Written by hand: ebooklib's ``add_author(file_as=…)`` labels file-as with
    ``scheme="marc:relators"``, a vocabulary for roles, not names."""
    sort_names = [name.strip() for name in meta.author_sort.split("&")] if meta.author_sort else []
    for number, author in enumerate(meta.authors, start=1):
        uid = f"author-{number}"
        book.add_metadata("DC", "creator", author, {"id": uid})
        sort_name = sort_names[number - 1] if number <= len(sort_names) and sort_names[number - 1] else file_as(author)
        book.add_metadata(None, "meta", sort_name, {"refines": f"#{uid}", "property": "file-as"})
        book.add_metadata(None, "meta", "aut", {"refines": f"#{uid}", "property": "role", "scheme": "marc:relators"})


def _series(book: epub.EpubBook, meta: Metadata) -> None:
    """Both ways readers look for it: EPUB 3 (Apple Books, Kobo, Thorium) and calibre's (calibre,
    KOReader, many Android readers)."""
    book.add_metadata(None, "meta", meta.series, {"property": "belongs-to-collection", "id": "series"})
    book.add_metadata(None, "meta", "series", {"refines": "#series", "property": "collection-type"})
    place = meta.series_index if _NUMBER.match(meta.series_index) else ""
    if place:
        book.add_metadata(None, "meta", place, {"refines": "#series", "property": "group-position"})
    book.add_metadata(None, "meta", "", {"name": "calibre:series", "content": meta.series})
    if place:
        book.add_metadata(None, "meta", "", {"name": "calibre:series_index", "content": place})


# Words before a surname that belong to it when capitalised ("Ursula K. Le Guin" files under
# "Le Guin") and follow the forename when not ("Ludwig van Beethoven" files as "Beethoven, Ludwig van").
_PARTICLES = {"da", "de", "del", "della", "der", "des", "di", "du", "la", "le", "st.", "ten", "ter", "van", "von"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d."}


def file_as(name: str) -> str:
    """How a library files ``name``: "Le Guin, Ursula K."; a single name, a lower-case user name,
    a name already inverted or written in a script without capitals stays as it is."""
    words = name.split()
    if len(words) < 2 or "," in name or not any(w[:1].isupper() for w in words):
        return name
    suffix: list[str] = []
    while len(words) > 2 and words[-1].lower() in _SUFFIXES:
        suffix.insert(0, words.pop())
    surname = [words.pop()]
    while len(words) > 1 and words[-1].lower() in _PARTICLES and words[-1][0].isupper():
        surname.insert(0, words.pop())  # "Le Guin", "La Fontaine"
    particles: list[str] = []
    while len(words) > 1 and words[-1] in _PARTICLES:
        particles.insert(0, words.pop())  # "van", "de": after the forename
    return ", ".join(part for part in (" ".join(surname), " ".join(words + particles), " ".join(suffix)) if part)


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


_COMPRESSED = (".jpg", ".jpeg", ".png", ".gif", ".webp")
# zlib's level 5: on a 3.4 MB novel, 0.11 s to deflate and 1.5 % more bytes than level 6 (0.18 s),
# 1.9 % more than level 9 (0.25 s); the knee of the curve, for a file a reader never weighs.
_LEVEL = 5


class _Entries(dict):
    """Where ebooklib's writer puts each file of the book: kept by name, zipped once by us."""

    def writestr(self, name: str, data: str | bytes, compress_type: int | None = None) -> None:
        self[name] = data.encode() if isinstance(data, str) else data


class _Writer(epub.EpubWriter):
    """ebooklib's writer, its files collected instead of zipped: the zip must be ours (sorted names,
    fixed timestamps), and zipping it once saves a zip written, read back and written again
    (a millisecond a story, 3 % of a folder's time)."""

    def write(self) -> None:
        self.out = _Entries(mimetype=b"application/epub+zip")
        self._write_container()
        self._write_opf()
        self._write_items()


def _reproducible_zip(files: dict[str, bytes], meta: Metadata) -> bytes:
    """The zip: mimetype first and stored, the rest sorted, every timestamp the same; images
    stored as they are (already compressed)."""
    stamp = max(meta.modified.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(files, key=lambda n: (n != "mimetype", n != "META-INF/container.xml", n)):
            info = zipfile.ZipInfo(name, date_time=stamp)
            stored = name == "mimetype" or name.endswith(_COMPRESSED)  # deflating a JPEG costs time, saves nothing
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            content = files[name]
            if name.endswith(".opf"):
                content = _with_package_language(content, meta.language)
            target.writestr(info, content, compresslevel=_LEVEL)
    return out.getvalue()


def _with_package_language(opf: bytes, language: str) -> bytes:
    """ebooklib cannot put xml:lang on <package>; Ace by DAISY requires it (rule epub-lang)."""
    return opf.replace(b"<package ", f'<package xml:lang="{language}" '.encode(), 1)
