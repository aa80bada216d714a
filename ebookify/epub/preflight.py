"""Device pre-flight: what a reader would hit when this EPUB goes to a Kindle, a Kobo or Apple
Books, said in plain words, for any book (ours, calibre's, pandoc's, a shop's).

Each ``Problem`` says how bad it is, where it is, what it means for the reader, and whether
rebuilding the book with ebookify would fix it. The rules are the services' published or
widely reported rejections (PITFALLS.md, "What readers and validators punish"):

- Send to Kindle refuses a book whose ``dc:language`` is missing or not a language tag, pages
  without the XML declaration, links to fragments that do not exist, a missing or broken table of
  contents, and files over 50 MB by e-mail.
- Kobo shows no contents for a sideloaded EPUB 3 without an NCX, and no cover unless the image is
  declared both ways (``properties="cover-image"`` and ``<meta name="cover">``).
- Apple Books refuses cover images over 5.6 megapixels.
- EPUB Accessibility 1.1 requires ``schema:accessMode``, ``accessibilityFeature`` and
  ``accessibilityHazard``; stores show them, and screen-reader users choose books by them.

The structural checks of ``checks.check_structure`` run too; the faults they share with a device
rule are reported once, as the device rule. Pure: bytes and an ``OpenBook`` in, problems out.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree
from msgspec import Struct

from ..metadata import language_code
from .checks import check_structure
from .open import NCX, OpenBook, flatten

EMAIL_LIMIT = 50 * 1024 * 1024  # Send to Kindle by e-mail; its app and web page take 200 MB
APPLE_COVER_PIXELS = 5_600_000
_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
_REQUIRED_A11Y = ("schema:accessMode", "schema:accessibilityFeature", "schema:accessibilityHazard")
_EXPECTED_A11Y = ("schema:accessibilitySummary", "schema:accessModeSufficient")


class Problem(Struct, frozen=True):
    code: str  # stable, for scripts: "kindle-language", "kobo-ncx", …
    severity: str  # error: a device or store refuses or breaks it; warning: readers miss something; info
    device: str  # who cares: "Send to Kindle", "Kobo", "Apple Books", "Accessibility", "EPUB", "EPUBCheck"
    where: str  # a file in the book, or "the book"
    message: str  # what is wrong
    reader: str  # what it means for the person reading
    rebuild_fixes: bool  # would `ebookify story.txt` make a book without it

    def record(self) -> dict[str, object]:
        return {"code": self.code, "severity": self.severity, "device": self.device, "where": self.where,
                "message": self.message, "reader": self.reader, "rebuild_fixes": self.rebuild_fixes}


RANK = {"error": 0, "warning": 1, "info": 2}


def preflight(data: bytes, book: OpenBook) -> tuple[Problem, ...]:
    """Every problem found, errors first, one problem per kind of fault (its pages listed)."""
    structure = [p for p in _structure(data) if not _explained_elsewhere(p, book)]
    problems = [*_language(book), *structure, *_contents(data, book), *_size(book), *_kobo(book),
                *_cover(book), *_accessibility(book), *_names(book)]
    return tuple(sorted(_grouped(problems), key=lambda p: RANK.get(p.severity, 3)))


def _language(book: OpenBook) -> list[Problem]:
    reader = "Send to Kindle refuses the book; other readers may hyphenate and pronounce it wrongly"
    if not [tag for tag in book.languages if tag]:
        return [Problem("kindle-language", "error", "Send to Kindle", book.opf_path,
                        "the book states no language (dc:language)", reader, True)]
    return [Problem("kindle-language", "error", "Send to Kindle", book.opf_path,
                    f"the language “{tag}” is not a language tag (such as en or pt-BR)", reader, True)
            for tag in book.languages if not language_code(tag)]


# check_structure's sentences that a device rule explains better: (pattern, code, severity, device, reader)
_STRUCTURE = (
    (r"^(\S+) lacks the XML declaration$", "kindle-xml-declaration", "error", "Send to Kindle",
     "Send to Kindle rejects books whose pages do not begin with <?xml version=\"1.0\" encoding=\"utf-8\"?>"),
    (r"^(\S+) links to \S+, whose fragment does not exist$", "kindle-fragment-link", "error", "Send to Kindle",
     "Send to Kindle rejects the book; elsewhere the link goes to the top of the page, or nowhere"),
    (r"^(\S+) links to \S+, which is not in the book$", "broken-link", "error", "EPUB",
     "a link or image leads nowhere: a blank box, or a tap that does nothing"),
    (r"^(\S+) lacks lang and xml:lang$", "page-language", "warning", "Accessibility",
     "screen readers may read the page in the wrong voice, and hyphenation may be wrong"),
    (r"^(\S+) has an empty <title>$", "empty-title", "warning", "EPUB",
     "some readers show a blank or the file name as the page's title"),
)


def _explained_elsewhere(problem: Problem, book: OpenBook) -> bool:
    """A broken link in the contents is a contents fault; dcterms:modified is EPUB 3's alone."""
    if problem.where in (book.nav_path, book.ncx_path) and problem.code in ("broken-link", "kindle-fragment-link"):
        return True
    return problem.message == "the package has no dcterms:modified" and not book.version.startswith("3")


def _structure(data: bytes) -> list[Problem]:
    try:
        found = check_structure(data)
    except (etree.XMLSyntaxError, ValueError, AttributeError, KeyError) as exc:
        return [Problem("structure", "error", "EPUB", "the book", f"the package cannot be read strictly: {exc}",
                        "strict readers (Send to Kindle, Apple Books) may refuse the book", True)]
    problems = []
    for finding in found:
        for pattern, code, severity, device, reader in _STRUCTURE:
            match = re.match(pattern, finding.message)
            if match:
                problems.append(Problem(code, severity, device, match[1], finding.message, reader, True))
                break
        else:
            problems.append(Problem("structure", "error", "EPUB", "the book", finding.message,
                                    "strict readers may refuse the book or show it incomplete", True))
    return problems


def _contents(data: bytes, book: OpenBook) -> list[Problem]:
    reader = "Send to Kindle may refuse the book, and the reader's contents menu is empty or leads nowhere"
    if not book.contents:
        where = book.nav_path or book.ncx_path or book.opf_path
        return [Problem("kindle-toc", "error", "Send to Kindle", where,
                        "the book has no table of contents (or an empty one)", reader, True)]
    ids = _ids(data, {e.target.split("#")[0] for _, e in flatten(book.nav + book.ncx) if e.target})
    problems = []
    for source, entries in ((book.nav_path, book.nav), (book.ncx_path, book.ncx)):
        for _, entry in flatten(entries):
            path, _, fragment = entry.target.partition("#")
            if not entry.label.strip():
                problems.append(Problem("kindle-toc", "error", "Send to Kindle", source,
                                        f"a contents entry (to {entry.target or 'nowhere'}) has no text", reader, True))
            if not entry.target:
                continue
            if path not in ids:
                problems.append(Problem("kindle-toc", "error", "Send to Kindle", source,
                                        f"the contents entry “{entry.label}” leads to {path}, which is not in the book",
                                        reader, True))
            elif fragment and fragment not in ids[path]:
                problems.append(Problem("kindle-toc", "error", "Send to Kindle", source,
                                        f"the contents entry “{entry.label}” leads to #{fragment}, which {path} lacks",
                                        reader, True))
    return problems


def _ids(data: bytes, paths: set[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        for path in paths & names:
            try:
                tree = etree.fromstring(archive.read(path), _PARSER)
            except (etree.XMLSyntaxError, ValueError):
                tree = None
            found[path] = {e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id")} if tree is not None else set()
    return found


def _size(book: OpenBook) -> list[Problem]:
    if book.size <= EMAIL_LIMIT:
        return []
    return [Problem("kindle-email-size", "warning", "Send to Kindle", "the book",
                    f"the file is {book.size / 1024 / 1024:.0f} MB, over the 50 MB Send to Kindle takes by e-mail",
                    "e-mail it and it bounces: use the Send to Kindle app or web page (200 MB)", False)]


def _kobo(book: OpenBook) -> list[Problem]:
    if not book.version.startswith("3") or any(i.media_type == NCX for i in book.items):
        return []
    return [Problem("kobo-ncx", "warning", "Kobo", book.opf_path, "the EPUB 3 book has no NCX",
                    "a Kobo shows no table of contents for the sideloaded book", True)]


def _cover(book: OpenBook) -> list[Problem]:
    if not book.cover_path:
        return [Problem("no-cover", "info", "EPUB", book.opf_path, "the book declares no cover image",
                        "libraries and stores show a blank or generic cover", True)]
    problems = []
    item = book.item(book.cover_path)
    declared = item is not None and "cover-image" in item.properties
    named = "cover" in dict(book.names)
    if book.version.startswith("3") and not (declared and named):
        missing = 'properties="cover-image"' if not declared else '<meta name="cover">'
        problems.append(Problem("kobo-cover", "warning", "Kobo", book.opf_path, f"the cover is declared without {missing}",
                                "a Kobo (and some older readers) shows no cover in the library", True))
    if not book.cover:
        problems.append(Problem("missing-cover", "error", "EPUB", book.cover_path, "the cover image is not in the book",
                                "the cover is blank, and strict readers refuse the book", True))
        return problems
    pixels = _pixels(book.cover)
    if pixels and pixels[0] * pixels[1] > APPLE_COVER_PIXELS:
        problems.append(Problem("apple-cover-size", "warning", "Apple Books", book.cover_path,
                                f"the cover is {pixels[0]} × {pixels[1]} ({pixels[0] * pixels[1] / 1e6:.1f} megapixels), "
                                "over Apple Books' 5.6", "Apple Books refuses the book or drops the cover", True))
    return problems


def _pixels(image: bytes) -> tuple[int, int] | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(image)) as opened:  # reads the header only
            return opened.size
    except Exception:  # noqa: BLE001 (any undecodable image: no size to judge)
        return None


def _accessibility(book: OpenBook) -> list[Problem]:
    stated = {name for name, _ in book.properties} | {name for name, _ in book.names}  # EPUB 3 and EPUB 2 forms
    missing = [name for name in _REQUIRED_A11Y if name not in stated]
    if missing:
        return [Problem("accessibility-metadata", "warning", "Accessibility", book.opf_path,
                        f"the book lacks the accessibility metadata {', '.join(missing)}",
                        "stores cannot tell screen-reader and large-print readers whether the book suits them", True)]
    expected = [name for name in _EXPECTED_A11Y if name not in stated]
    if expected:
        return [Problem("accessibility-summary", "info", "Accessibility", book.opf_path,
                        f"the book lacks {', '.join(expected)}",
                        "readers get no plain-words summary of how accessible the book is", True)]
    return []


_PLURAL = {"lacks": "lack", "has": "have", "links": "link", "is": "are", "repeats": "repeat"}


def _names(book: OpenBook) -> list[Problem]:
    """File names with spaces or characters outside ASCII: some readers cannot open such pages."""
    return [Problem("file-name", "warning", "EPUB", item.path, f"{item.path} has a space or a non-ASCII character in its name",
                    "some reading systems (older Kindles and Kobos among them) fail to open the file", True)
            for item in book.items if re.search(r"[^\x21-\x7e]", item.path)]


def _grouped(problems: list[Problem]) -> list[Problem]:
    """One problem per code and message shape: "3 pages lack …" rather than three lines."""
    groups: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        key = (problem.code, problem.message.replace(problem.where, "{}") if problem.where else problem.message)
        groups.setdefault(key, []).append(problem)
    out = []
    for (_, shape), members in groups.items():
        first = members[0]
        if len(members) == 1:
            out.append(first)
            continue
        wheres = [m.where for m in members]
        shown = ", ".join(wheres[:3]) + (f" and {len(wheres) - 3} more" if len(wheres) > 3 else "")
        message = first.message
        if shape.startswith("{} "):
            verb, _, rest = shape[3:].partition(" ")
            message = f"{len(wheres)} files ({shown}) {_PLURAL.get(verb, verb)} {rest}"
        out.append(Problem(first.code, first.severity, first.device, shown, message, first.reader, first.rebuild_fixes))
    return out


def from_epubcheck(findings) -> tuple[Problem, ...]:
    """EPUBCheck's findings as problems: stores run EPUBCheck, and ebookify's books pass it."""
    return tuple(Problem("epubcheck", f.severity, "EPUBCheck", _epubcheck_where(f.message),
                         re.sub(r" \([^()]*\)$", "", f.message.removeprefix("EPUBCheck ")),
                         "stores (Apple Books, Kobo Writing Life, Google Play) refuse books with EPUBCheck errors"
                         if f.severity == "error" else "some reading systems may show this part wrongly", True)
                 for f in findings)


def _epubcheck_where(message: str) -> str:
    match = re.search(r"\(([^()]*)\)$", message)
    return match[1].split(", ")[0] if match and match[1] else "the book"

