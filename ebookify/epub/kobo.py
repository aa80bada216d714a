"""Rendered pages to Kobo's KEPUB pages: the markup Kobo's own reading engine expects.

A ``.kepub.epub`` opens in Kobo's newer engine (reading statistics, faster page turns, better
highlighting) only if its pages carry the markup Kobo's store books carry. The steps, learned
from kepubify's ``kepub/transform.go`` (which matched them against Kobo's own books) and written
here for our pages, which are always well-formed XHTML:

1. **Sentence spans.** Every sentence of text sits in ``<span class="koboSpan" id="kobo.P.S">``,
   P counting paragraph-like blocks (p, headings, lists, tables, images) in reading order and S
   the sentences inside one. Highlights, bookmarks and the reading position point at these ids;
   without them those features do not work. A sentence ends after ``.``, ``!`` or ``?``
   (optionally followed by one closing quote or ellipsis) and the spaces after it; whitespace
   between blocks stays bare text, except inside a paragraph. Preformatted text, scripts,
   styles, SVG and MathML keep their text as it is. An image is a paragraph of its own.
2. **Wrappers.** The body's content goes inside ``div#book-columns > div#book-inner``: Kobo hangs
   its pagination styles on them.
3. **Style fix.** Kobo's engine gives ``#book-inner`` vertical margins of its own; one rule in our
   stylesheet takes them off (kepubify's version of Kobo's ``kobostylehacks``, without the font
   size and link colour overrides that fight a book's own styles).

The navigation document is left alone: Kobo builds its contents from the NCX, and the EPUB 3 nav
has rules of its own (EPUBCheck) that wrapper divs would bend. Text is never changed: only
wrapped, which a test checks paragraph by paragraph.
"""

from __future__ import annotations

from lxml import etree
from msgspec.structs import replace

from ..model import Rendition

XHTML = "http://www.w3.org/1999/xhtml"
_SKIP = frozenset(("script", "style", "pre", "audio", "video", "svg", "math"))
_PARAGRAPHS = frozenset(("p", "ol", "ul", "table", "h1", "h2", "h3", "h4", "h5", "h6"))
STYLE_FIX = b"\n/* Kobo: its engine's own margins on the page wrapper, off (see epub/kobo.py) */\n" \
            b"div#book-inner { margin-top: 0; margin-bottom: 0; }\n"
_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>\n'


def kepub(rendition: Rendition) -> Rendition:
    pages = tuple(page if page.is_nav else replace(page, content=kobo_page(page.content)) for page in rendition.pages)
    return replace(rendition, pages=pages, stylesheet=rendition.stylesheet + STYLE_FIX)


def kobo_page(content: bytes) -> bytes:
    """One XHTML page with Kobo's spans and wrappers (steps 1 and 2)."""
    root = etree.fromstring(content, etree.XMLParser(remove_blank_text=False, resolve_entities=False))
    body = root.find(f"{{{XHTML}}}body")
    if body is None or body.find(f".//{{{XHTML}}}span[@class='koboSpan']") is not None:
        return content
    _Spanner().walk(body)
    _wrap(body)
    doctype = root.getroottree().docinfo.doctype or "<!DOCTYPE html>"
    return _DECLARATION + etree.tostring(root, encoding="utf-8", doctype=doctype)


def _wrap(body: etree._Element) -> None:
    inner = etree.Element(f"{{{XHTML}}}div", id="book-inner")
    inner.text, body.text = body.text, None
    for child in list(body):
        inner.append(child)  # moves the child, its tail with it
    columns = etree.SubElement(body, f"{{{XHTML}}}div", id="book-columns")
    columns.append(inner)
    columns.text, columns.tail, inner.tail = "\n", "\n", "\n"
    body.text = "\n"


class _Spanner:
    """Kobo's numbering: ``paragraph`` moves on at the first sentence after a block starts."""

    def __init__(self) -> None:
        self.paragraph = self.sentence = 0
        self.next_paragraph = False

    def walk(self, element: etree._Element) -> None:
        name = etree.QName(element).localname
        if name in _SKIP:
            return
        if name in _PARAGRAPHS:
            self.next_paragraph = True
        children = list(element)  # before any span goes in: spans are not walked again
        if element.text:
            text, element.text = element.text, None
            _place(element, 0, None, self.pieces(text, name == "p"))
        for child in children:
            if not isinstance(child.tag, str):  # a comment: no text to wrap, but its tail has
                node = child
            elif etree.QName(child).localname == "img":
                node = self.image(child)
            else:
                self.walk(child)
                node = child
            if node.tail:
                text, node.tail = node.tail, None
                _place(element, element.index(node) + 1, node, self.pieces(text, name == "p"))

    def image(self, image: etree._Element) -> etree._Element:
        """The image in a span of its own, which takes its place (and its tail)."""
        self.paragraph, self.sentence, self.next_paragraph = self.paragraph + 1, 0, False
        span = self.span()
        image.addprevious(span)
        span.tail, image.tail = image.tail, None
        span.append(image)
        return span

    def pieces(self, text: str, in_paragraph: bool) -> list:
        out: list = []
        for sentence in sentences(text):
            if sentence.isspace() and not in_paragraph:
                out.append(sentence)
            else:
                span = self.span()
                span.text = sentence
                out.append(span)
        return out

    def span(self) -> etree._Element:
        if self.next_paragraph:
            self.paragraph, self.sentence, self.next_paragraph = self.paragraph + 1, 0, False
        self.sentence += 1
        return etree.Element(f"{{{XHTML}}}span", {"class": "koboSpan", "id": f"kobo.{self.paragraph}.{self.sentence}"})


def _place(parent: etree._Element, index: int, before: etree._Element | None, pieces: list) -> None:
    """Put text and spans into ``parent`` from child ``index`` on; ``before`` is the child before
    that place (None: the parent's leading text)."""
    for piece in pieces:
        if isinstance(piece, str):
            if before is None:
                parent.text = (parent.text or "") + piece
            else:
                before.tail = (before.tail or "") + piece
        else:
            parent.insert(index, piece)
            index, before = index + 1, piece


_PUNCT, _EXTRA, _SPACE, _ANY = range(4)
_IN, _AFTER_PUNCT, _AFTER_EXTRA, _AFTER_SPACE = range(4)


def sentences(text: str) -> list[str]:
    """``text`` cut after each sentence and the spaces that follow it, as kepubify cuts it."""
    out, start, state = [], 0, _IN
    for i, char in enumerate(text):
        kind = (_PUNCT if char in ".!?" else _EXTRA if char in "'\"”’“…"
                else _SPACE if char in " \t\n\f\r" else _ANY)
        if state == _AFTER_SPACE and kind != _SPACE:
            out.append(text[start:i])
            start, state = i, _IN
        if kind == _PUNCT:
            state = _AFTER_PUNCT
        elif kind == _EXTRA:
            state = _AFTER_EXTRA if state == _AFTER_PUNCT else _IN
        elif kind == _SPACE:
            state = _AFTER_SPACE if state != _IN else _IN
        else:
            state = _IN
    if start < len(text) or not out:
        out.append(text[start:])
    return out
