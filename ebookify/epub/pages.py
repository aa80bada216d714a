"""EPUB bytes to PNG pages as a real reader engine lays them out: MuPDF (PyMuPDF, the optional
extra ``ebookify[preview]``), on an e-reader's 3:4 page.

The pages people look at before sideloading: the cover, the title page, the contents, the first
page of the first chapter, and the first page with a scene break and with an author's note. Each
is found from the book's own structure (its spine, cover declaration and contents), so any EPUB
works, not only ours. Dark mode is the reader's: a user stylesheet sets light text on a dark page
and leaves images alone. Pure: bytes in, PNG bytes out (MuPDF's user stylesheet is process-wide,
so it is set and cleared around each rendering).
"""

from __future__ import annotations

import io
import re

from msgspec import Struct

from ..errors import EbookifyError
from .open import OpenBook, flatten, open_book, read_member

KINDS = ("cover", "title", "contents", "chapter", "break", "note")
PAGE = (360, 480)  # points: a 6-inch e-reader's 3:4 page
FONT_SIZE = 11
DARK_CSS = ("html, body { background-color: #121212 !important; color: #d8d8d8 !important } "
            "a { color: #9db8e8 !important }")
_BREAKS = ("* * *", "***", "⁂", "~~~", "oOo", "xXx", "◆")
_NOTE_LABELS = ("Author’s Note", "Author's Note", "A/N", "Translator’s Note")
_NOTE_LABEL = re.compile(r'class="note-label">([^<]{2,80})<')  # a note's label as the book writes it


class PreviewUnavailable(EbookifyError):
    """PyMuPDF is not installed."""


class Shot(Struct, frozen=True):
    kind: str  # one of KINDS, or "page" for a page asked for by number
    page: int  # 1-based, in the laid-out book
    png: bytes


def render_pages(epub: bytes, kinds: tuple[str, ...] = KINDS, numbers: tuple[int, ...] = (), width: int = 600,
                 dark: bool = False) -> tuple[Shot, ...]:
    """The pages of ``kinds`` that the book has (a book without scene breaks has no "break"
    page), then the pages asked for by number, each ``width`` pixels wide."""
    pymupdf = _pymupdf()
    book = open_book(epub)
    pymupdf.mupdf.fz_set_user_css(DARK_CSS if dark else "")
    try:
        document = pymupdf.open(stream=epub, filetype="epub")
        document.layout(width=PAGE[0], height=PAGE[1], fontsize=FONT_SIZE)
        found = _find(document, book, epub, kinds)
        found += [("page", n - 1) for n in numbers if 0 < n <= document.page_count]
        zoom = pymupdf.Matrix(width / PAGE[0], width / PAGE[0])
        shots = tuple(Shot(kind, index + 1, document[index].get_pixmap(matrix=zoom).tobytes("png"))
                      for kind, index in found)
        document.close()
    except EbookifyError:
        raise
    except Exception as exc:  # MuPDF raises its own errors for a book it cannot lay out
        raise EbookifyError(f"MuPDF could not lay the book out: {exc}") from None
    finally:
        pymupdf.mupdf.fz_set_user_css("")
    return shots


def _pymupdf():
    try:
        import pymupdf
    except ImportError:
        raise PreviewUnavailable("preview needs PyMuPDF: install it with pip install 'ebookify[preview]'") from None
    return pymupdf


def _find(document, book: OpenBook, epub: bytes, kinds: tuple[str, ...]) -> list[tuple[str, int]]:
    """(kind, page index) for each kind the book has, in reading order of the kinds asked."""
    spine = list(book.spine)
    first = {path: _first_page(document, i) for i, path in enumerate(spine) if i < document.chapter_count}
    cover_name = book.cover_path.rsplit("/", 1)[-1]
    roles: dict[str, str] = {}
    for path in spine:
        content = _content(epub, path)
        if "cover" not in roles and cover_name and cover_name.encode() in content and len(content) < 4000:
            roles["cover"] = path
        elif "title" not in roles and re.search(r"title", path.rsplit("/", 1)[-1], re.I):
            roles["title"] = path
        elif "contents" not in roles and (path == book.nav_path or re.search(r"toc|contents", path, re.I)):
            roles["contents"] = path
    used = set(roles.values())
    chapter = next((e.target.split("#")[0] for _, e in flatten(book.contents)
                    if not e.children  # a part's page holds its name alone: the first page of text is a chapter's
                    and e.target.split("#")[0] in first and e.target.split("#")[0] not in used
                    and not re.search(r"note|title|cover|toc|nav", e.target.rsplit("/", 1)[-1], re.I)), "")
    chapter = chapter or next((p for p in spine if p not in used), "")
    if chapter:
        roles["chapter"] = chapter
    pages = {kind: first[path] for kind, path in roles.items() if path in first}
    rest = [path for path in spine if path not in used]
    for kind, texts, marker in (("break", _BREAKS, b"<hr"), ("note", _NOTE_LABELS, b"authors-note")):
        if kind in kinds:
            index = _page_with(document, epub, rest, first, texts, marker)
            if index is not None:
                pages[kind] = index
    merged: dict[int, list[str]] = {}  # a scene break on the chapter's first page: one picture, two names
    for kind in (k for k in kinds if k in pages):
        merged.setdefault(pages[kind], []).append(kind)
    return [("+".join(names), index) for index, names in sorted(merged.items())]


def _first_page(document, chapter: int) -> int:
    return document.page_number_from_location((chapter, 0))


def _page_with(document, epub: bytes, paths: list[str], first: dict[str, int], texts, marker: bytes) -> int | None:
    """The first page, in ``paths``, showing one of ``texts`` (or a note label the file itself
    holds: a French book says « Note de l’auteur »); else the first page of a file whose markup
    holds ``marker`` (a bare ``<hr/>`` shows no text to look for)."""
    for path in paths:
        if path not in first or marker not in _content(epub, path).lower() and not _any_text(epub, path, texts):
            continue
        labels = (*texts, *_NOTE_LABEL.findall(_content(epub, path).decode("utf-8", "replace")))
        chapter = list(first).index(path)
        for offset in range(document.chapter_page_count(chapter)):
            page = document[first[path] + offset]
            if any(page.search_for(text) for text in labels):
                return first[path] + offset
        return first[path]
    return None


def _any_text(epub: bytes, path: str, texts) -> bool:
    content = _content(epub, path).decode("utf-8", "replace")
    return any(text in content for text in texts)


def _content(epub: bytes, path: str) -> bytes:
    try:
        return read_member(epub, path)
    except KeyError:
        return b""


def contact_sheet(shots: tuple[Shot, ...], height: int = 400, dark: bool = False) -> bytes:
    """One PNG with every page side by side, captioned with its kind and page number."""
    from PIL import Image, ImageDraw, ImageFont

    from ..resources import read_asset

    images = [Image.open(io.BytesIO(shot.png)).convert("RGB") for shot in shots]
    thumbs = [image.resize((round(image.width * height / image.height), height)) for image in images]
    gap, caption = 16, 28
    sheet = Image.new("RGB", (sum(t.width for t in thumbs) + gap * (len(thumbs) + 1), height + caption + 2 * gap),
                      (32, 32, 32) if dark else (225, 225, 225))
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.truetype(io.BytesIO(read_asset("fonts/EBGaramond12-Regular.otf")), 18)
    x = gap
    for thumb, shot in zip(thumbs, shots):
        sheet.paste(thumb, (x, gap))
        draw.rectangle((x - 1, gap - 1, x + thumb.width, gap + height), outline=(120, 120, 120))
        draw.text((x, gap + height + 8), f"{shot.kind} · page {shot.page}", font=font, fill=(200, 200, 200) if dark else (40, 40, 40))
        x += thumb.width + gap
    out = io.BytesIO()
    sheet.save(out, "PNG", optimize=True)
    return out.getvalue()
