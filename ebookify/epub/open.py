"""An existing EPUB (ours or anyone's) read back: metadata, cover, reading order, contents, sizes.

``check``, ``info``, ``preview`` and ``update`` all start here. Books come from calibre, pandoc,
shops and hand edits, so reading is forgiving: zipfile and lxml (with ``recover`` for pages that
are not well-formed), the package document found through ``container.xml`` as the standard says,
the contents from the EPUB 3 nav or else the NCX. ebooklib's reader is not used: it raises on
the first missing file or odd manifest entry, which is exactly the kind of book ``check`` is for.

Pure: bytes in, an ``OpenBook`` out, or a ``BookError`` with one sentence.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from urllib.parse import unquote, urlsplit

from lxml import etree
from msgspec import Struct

from ..errors import InputError
from ..model import word_count, Paragraph, Text

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "x": "http://www.w3.org/1999/xhtml",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "ops": "http://www.idpf.org/2007/ops",
}
XHTML = "application/xhtml+xml"
NCX = "application/x-dtbncx+xml"
_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


class BookError(InputError):
    """The file is not an EPUB we can read at all (not a zip, no package document)."""


class Item(Struct, frozen=True):
    """One manifest entry: ``path`` is its name in the zip."""

    id: str
    path: str
    media_type: str
    properties: tuple[str, ...] = ()
    size: int = 0  # bytes, uncompressed; 0 when the file is missing from the zip
    present: bool = True


class Entry(Struct, frozen=True):
    """A line of the table of contents: ``target`` is the zip path and fragment it points at."""

    label: str
    target: str
    children: tuple[Entry, ...] = ()


class OpenBook(Struct, frozen=True):
    version: str
    opf_path: str
    title: str
    authors: tuple[str, ...]
    languages: tuple[str, ...]
    identifier: str
    subjects: tuple[str, ...]
    series: str
    series_index: str
    published: str
    description: str
    publisher: str
    modified: str
    generator: str
    properties: tuple[tuple[str, str], ...]  # <meta property="…">value</meta>, as written
    names: tuple[tuple[str, str], ...]  # <meta name="…" content="…"/>, as written (EPUB 2 style)
    items: tuple[Item, ...]
    spine: tuple[str, ...]  # zip paths in reading order
    nav: tuple[Entry, ...]  # from the EPUB 3 navigation document
    ncx: tuple[Entry, ...]  # from the NCX
    nav_path: str
    ncx_path: str
    cover_path: str  # the cover image's zip path, "" when none is declared
    cover: bytes
    size: int  # the file's size in bytes

    @property
    def contents(self) -> tuple[Entry, ...]:
        return self.nav or self.ncx

    def item(self, path: str) -> Item | None:
        return next((i for i in self.items if i.path == path), None)

    def property(self, name: str) -> tuple[str, ...]:
        return tuple(value for key, value in self.properties if key == name)


def open_book(data: bytes, size: int | None = None) -> OpenBook:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise BookError("it is not an EPUB: not a zip archive") from None
    with archive:
        return _read(archive, len(data) if size is None else size)


def read_member(data: bytes, path: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(path)


def identifier_of(data: bytes) -> str:
    """Only the book's identifier ("" when it is not an EPUB we can read): cheap enough to ask of
    every book a batch conversion might replace."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _, opf = _package(archive)
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, BookError):
        return ""
    meta = opf.find("opf:metadata", NS)
    return _identifier(opf, meta) if meta is not None else ""


def _package(archive: zipfile.ZipFile):
    """(path, root) of the package document that container.xml names."""
    try:
        container = etree.fromstring(archive.read("META-INF/container.xml"), _PARSER)
        opf_path = container.find(".//c:rootfile", NS).get("full-path")
        opf = etree.fromstring(archive.read(opf_path), _PARSER)
    except (KeyError, AttributeError, TypeError, ValueError, etree.XMLSyntaxError):
        raise BookError("it is not an EPUB: no readable package document (META-INF/container.xml)") from None
    if opf is None:
        raise BookError("it is not an EPUB: its package document is empty")
    return opf_path, opf


def _read(archive: zipfile.ZipFile, size: int) -> OpenBook:
    names = {info.filename: info.file_size for info in archive.infolist()}
    opf_path, opf = _package(archive)
    base = posixpath.dirname(opf_path)
    items = tuple(_item(element, base, names) for element in opf.iterfind(".//opf:manifest/opf:item", NS))
    by_id = {item.id: item for item in items}
    spine = tuple(by_id[ref].path for ref in (r.get("idref") for r in opf.iterfind(".//opf:spine/opf:itemref", NS))
                  if ref in by_id)
    meta = opf.find("opf:metadata", NS)
    meta = meta if meta is not None else etree.Element("metadata")
    properties = tuple((m.get("property"), _text(m)) for m in meta.iterfind("opf:meta[@property]", NS))
    named = tuple((m.get("name"), m.get("content") or "") for m in meta.iterfind("opf:meta[@name]", NS))
    nav_item = next((i for i in items if "nav" in i.properties), None)
    spine_toc = opf.find("opf:spine", NS)
    ncx_item = by_id.get(spine_toc.get("toc", "") if spine_toc is not None else "") or next(
        (i for i in items if i.media_type == NCX), None)
    cover_item = _cover_item(items, by_id, dict(named))
    return OpenBook(
        version=opf.get("version", ""),
        opf_path=opf_path,
        title=_first(meta, "dc:title"),
        authors=tuple(_text(e) for e in meta.iterfind("dc:creator", NS) if _text(e)),
        languages=tuple(_text(e) for e in meta.iterfind("dc:language", NS)),
        identifier=_identifier(opf, meta),
        subjects=tuple(_text(e) for e in meta.iterfind("dc:subject", NS) if _text(e)),
        series=dict(properties).get("belongs-to-collection") or dict(named).get("calibre:series", ""),
        series_index=_series_index(meta, dict(named)),
        published=_first(meta, "dc:date"),
        description=_first(meta, "dc:description"),
        publisher=_first(meta, "dc:publisher"),
        modified=dict(properties).get("dcterms:modified", ""),
        generator=dict(named).get("generator", ""),
        properties=properties,
        names=named,
        items=items,
        spine=spine,
        nav=_nav_entries(archive, nav_item.path) if nav_item and nav_item.present else (),
        ncx=_ncx_entries(archive, ncx_item.path) if ncx_item and ncx_item.present else (),
        nav_path=nav_item.path if nav_item else "",
        ncx_path=ncx_item.path if ncx_item else "",
        cover_path=cover_item.path if cover_item else "",
        cover=archive.read(cover_item.path) if cover_item and cover_item.present else b"",
        size=size,
    )


def _item(element, base: str, names: dict[str, int]) -> Item:
    path = posixpath.normpath(posixpath.join(base, unquote(element.get("href", ""))))
    return Item(element.get("id", ""), path, element.get("media-type", ""),
                tuple((element.get("properties") or "").split()), names.get(path, 0), path in names)


def _cover_item(items: tuple[Item, ...], by_id: dict[str, Item], named: dict[str, str]) -> Item | None:
    """EPUB 3's ``properties="cover-image"``, else EPUB 2's ``<meta name="cover">`` (an id, or
    in some books a path)."""
    declared = next((i for i in items if "cover-image" in i.properties), None)
    if declared:
        return declared
    value = named.get("cover", "")
    return by_id.get(value) or next((i for i in items if i.path.endswith(value) and value), None)


def _identifier(opf, meta) -> str:
    unique = opf.get("unique-identifier", "")
    for element in meta.iterfind("dc:identifier", NS):
        if element.get("id") == unique:
            return _text(element)
    return _first(meta, "dc:identifier")


def _series_index(meta, named: dict[str, str]) -> str:
    collection = meta.find("opf:meta[@property='belongs-to-collection']", NS)
    if collection is not None and collection.get("id"):
        position = meta.find(f"opf:meta[@refines='#{collection.get('id')}'][@property='group-position']", NS)
        if position is not None:
            return _text(position)
    return named.get("calibre:series_index", "")


def _first(meta, name: str) -> str:
    element = meta.find(name, NS)
    return _text(element) if element is not None else ""


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _nav_entries(archive: zipfile.ZipFile, path: str) -> tuple[Entry, ...]:
    tree = _parse(archive, path)
    if tree is None:
        return ()
    for nav in tree.iter("{%s}nav" % NS["x"]):
        if nav.get("{%s}type" % NS["ops"], "").split() and "toc" in nav.get("{%s}type" % NS["ops"]).split():
            ordered = nav.find("x:ol", NS)
            return _nav_list(ordered, posixpath.dirname(path)) if ordered is not None else ()
    return ()


def _nav_list(ordered, folder: str) -> tuple[Entry, ...]:
    entries = []
    for li in ordered.iterfind("x:li", NS):
        link = li.find("x:a", NS)
        label_element = link if link is not None else li.find("x:span", NS)
        label = _text(label_element) if label_element is not None else ""
        href = link.get("href", "") if link is not None else ""
        child = li.find("x:ol", NS)
        entries.append(Entry(label, resolve(folder, href) if href else "",
                             _nav_list(child, folder) if child is not None else ()))
    return tuple(entries)


def _ncx_entries(archive: zipfile.ZipFile, path: str) -> tuple[Entry, ...]:
    tree = _parse(archive, path)
    nav_map = tree.find("ncx:navMap", NS) if tree is not None else None
    return _ncx_points(nav_map, posixpath.dirname(path)) if nav_map is not None else ()


def _ncx_points(parent, folder: str) -> tuple[Entry, ...]:
    entries = []
    for point in parent.iterfind("ncx:navPoint", NS):
        label = point.find("ncx:navLabel/ncx:text", NS)
        content = point.find("ncx:content", NS)
        src = content.get("src", "") if content is not None else ""
        entries.append(Entry(_text(label) if label is not None else "", resolve(folder, src) if src else "",
                             _ncx_points(point, folder)))
    return tuple(entries)


def resolve(folder: str, href: str) -> str:
    """A link as a zip path with its fragment: ``text/ch1.xhtml#s2`` from ``OEBPS``."""
    parts = urlsplit(href)
    if parts.scheme:
        return href
    path = posixpath.normpath(posixpath.join(folder, unquote(parts.path))) if parts.path else folder
    return f"{path}#{parts.fragment}" if parts.fragment else path


def _parse(archive: zipfile.ZipFile, path: str):
    try:
        return etree.fromstring(archive.read(path), _PARSER)
    except (KeyError, etree.XMLSyntaxError, ValueError):
        return None


def flatten(entries: tuple[Entry, ...], depth: int = 0) -> list[tuple[int, Entry]]:
    out: list[tuple[int, Entry]] = []
    for entry in entries:
        out.append((depth, entry))
        out.extend(flatten(entry.children, depth + 1))
    return out


def page_text(content: bytes) -> str:
    """The words a reader sees on a page: its body, without scripts and styles."""
    try:
        tree = etree.fromstring(content, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return ""
    if tree is None:
        return ""
    body = next((e for e in tree.iter() if isinstance(e.tag, str) and etree.QName(e).localname == "body"), tree)
    for element in [e for e in body.iter() if isinstance(e.tag, str) and etree.QName(e).localname in ("script", "style")]:
        element.text = None
        for child in list(element):
            element.remove(child)
    return re.sub(r"\s+", " ", " ".join(body.itertext())).strip()


def page_words(data: bytes, path: str) -> int:
    """Words on one page of the book (0 when the page is missing)."""
    try:
        content = read_member(data, path)
    except KeyError:
        return 0
    return word_count((Paragraph((Text(page_text(content)),)),))
