"""Raw HTML inside a Markdown story, read as a Markdown renderer shows it.

Markdown lets a writer type HTML, and stories exported from sites or pasted from a page's source
do: ``<p>``…``</p>`` around paragraphs, ``<i>`` for emphasis, a ``<br/>`` at the end of every line,
``<hr>`` between scenes, ``<!-- more -->`` for a blog's cut, a ``<div>`` with a link to the
original. Before the story is read, the tags the story model has a place for become their
Markdown (``*``, ``**``, ``~~``, blank lines, a scene break, ``#`` headings); other known
elements give their text alone; a comment, a script and a style are dropped, as no renderer
shows them. A link's text stays and its address goes, as on the page; an image (``![](…)``,
which the book cannot fetch) leaves its description and its caption (the title the page shows
over it), or nothing. Anything that is not a known HTML element ("<sigh>", "<3", an address in
angle brackets) stays exactly as typed.

The tokenizer is the standard library's ``html.parser``: it keeps the text between tags as
written (line breaks included, which Markdown needs) and decodes the character references.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .headings import match_heading
from ..patterns import lazy

_PARAGRAPH = "\x00"  # a block's edge: with the white space around it, one blank line
_COMMENT = "\x01"  # a comment: gone, and its line with it when it stood alone
_EDGES = lazy(r"\s*\x00[\s\x00]*")
_COMMENT_LINES = lazy(r"\n[ \t]*\x01[ \t]*(?:\n[ \t]*(?=\n)|(?=\n))")  # and a blank line on one side
_MARKS = {"i": "*", "em": "*", "cite": "*", "u": "*", "b": "**", "strong": "**", "s": "~~", "strike": "~~", "del": "~~"}
_BLOCKS = {"p", "div", "section", "article", "center", "blockquote", "ul", "ol", "li", "table", "tr", "td", "th",
           "header", "footer", "aside", "figure", "figcaption", "dl", "dt", "dd", "pre", "body", "html", "head", "main"}
_INLINE = {"a", "span", "font", "small", "big", "sup", "sub", "abbr", "mark", "ins", "q", "tt", "kbd", "code", "var",
           "nobr", "wbr", "img"}
_HEADINGS = {f"h{n}": "#" * n for n in range(1, 7)}
_HIDDEN = {"script", "style", "template"}  # a page's code, which no renderer shows as text
_KNOWN = set(_MARKS) | _BLOCKS | _INLINE | set(_HEADINGS) | _HIDDEN | {"br", "hr"}
_TAG = lazy(r"</?(?:" + "|".join(sorted(_KNOWN, key=len, reverse=True)) + r")\b[^<>]*>|<!--|&#?\w+;", re.IGNORECASE)
_BR_AT_END = lazy(r"<br\s*/?>[ \t]*(?=\n)", re.IGNORECASE)  # the line ends anyway: how lines join is the layout's call
# Code: a fenced block, its fences opening lines ("Back~~~ …" in a line, and "Masssterr~~~" pages
# later, are a story's tildes, not one block of code between them); or a code span within a line.
_CODE = lazy(r"(^[ \t]{0,3}```.*?\n[ \t]{0,3}```[^\n]*$|^[ \t]{0,3}~~~.*?\n[ \t]{0,3}~~~[^\n]*$|```[^\n]*?```|`[^`\n]+`)",
             re.DOTALL | re.MULTILINE)
_LINK = lazy(r"(!?)\[([^\]\n]*)\]\((?:<[^>\n]*>|[^()\s]+(?:\s+\"([^\"\n]*)\")?)\)")  # an image's text may be empty


def without_html(text: str) -> str:
    """``text`` with its HTML and links read as Markdown reads them; code (```` `<br>` ````, a
    fenced block) stays as typed, as Markdown keeps it; so does the YAML front matter atop it,
    whose values the front matter's reader takes as they are (a site's "description: … <p> …")."""
    if not (_TAG.search(text) or "](" in text):
        return text
    front = _FRONT_MATTER.match(text)
    if front:
        return front.group() + without_html(text[front.end():])
    pieces = _CODE.split(text)  # text, code, text, code, …
    return "".join(_read(piece) if number % 2 == 0 else piece for number, piece in enumerate(pieces))


def _read(text: str) -> str:
    if _TAG.search(text):
        reader = _Reader()
        reader.feed(_BR_AT_END.sub("", text))
        reader.close()
        text = _EDGES.sub("\n\n", _COMMENT_LINES.sub("", "".join(reader.out))).replace(_COMMENT, "")
    if "](" not in text:
        return text
    return _LINK.sub(_link_text, _HOOK_LINE.sub("", text))


_FRONT_MATTER = lazy(r"---[ \t]*\n(?:[A-Za-z_][\w-]*[ \t]*:.*\n)(?:.*\n){0,200}?(?:---|\.\.\.)[ \t]*(?=\n|$)")
_HOOK_LINE = lazy(r"^[ \t]*#{1,6}[ \t]*\[\]\(#[^()\s]*\)[ \t]*$", re.MULTILINE)  # "######[](#dropcap)": a page's hook


_FILE_NAME = lazy(r"^\s*[\w.\-]+\.(?:png|jpe?g|gif|webp|svg|bmp|tiff?|avif)\s*$", re.IGNORECASE)


def _link_text(link: re.Match) -> str:
    """A link's text, as the page shows it; a line that is a link alone and reads as a heading
    ("[PART II](…)", a list of the other parts) stays as typed: it names a heading elsewhere."""
    string, start, end = link.string, link.start(), link.end()
    line_end = string.find("\n", end) % (len(string) + 1)  # -1 (no newline): the end of the text
    alone = not string[string.rfind("\n", 0, start) + 1:start].strip() and not string[end:line_end].strip()
    if not (link[1] or link[2]):  # "[](#dropcap)": a page's styling hook, not a link a reader sees
        return link.group()
    if link[1] and _FILE_NAME.match(link[2]):  # "![00-01.png](../img/00-01.png)": an editor's placeholder, no description
        return link[3] or ""
    if link[1] and link[3]:  # an image's caption, its title ("Does not look like much yet."), after its description
        return f"{link[2]}\n\n{link[3]}" if alone else f"{link[2]} ({link[3]})".lstrip()
    return link.group() if alone and match_heading(link[2]) else link[2]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden = 0  # inside a <script> or <style>: its text is code

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.out.append(data)

    def handle_comment(self, data: str) -> None:
        self.out.append(_COMMENT)  # "<!-- more -->": shown by no renderer

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self._start(tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self._start(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
            self.out.append(_COMMENT)  # gone, and its lines with it
        elif tag in _MARKS:
            self.out.append(_MARKS[tag])
        elif tag in _BLOCKS or tag in _HEADINGS:
            self.out.append(_PARAGRAPH)
        elif tag not in _KNOWN:
            self.out.append(f"</{tag}>")

    def _start(self, tag: str, attrs: dict[str, str | None]) -> str:
        if tag in _HIDDEN:
            self.hidden += 1
            return ""
        if tag in _MARKS:
            return _MARKS[tag]
        if tag == "br":
            return "\n"
        if tag == "hr":
            return f"{_PARAGRAPH}* * *{_PARAGRAPH}"  # between scenes
        if tag in _HEADINGS:
            return f"{_PARAGRAPH}{_HEADINGS[tag]} "
        if tag in _BLOCKS:
            return _PARAGRAPH
        if tag == "img":
            return "" if _FILE_NAME.match(attrs.get("alt") or "") else attrs.get("alt") or ""
        if tag in _INLINE:
            return ""
        return self.get_starttag_text() or ""
