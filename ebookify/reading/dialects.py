"""Markdown lines read as the Markdown the writer used shows them, before the story is read.

CommonMark wants a space after a heading's ``#``; Markdown.pl and Python-Markdown (rentry, many
blogs and wikis) do not, and writers type ``#Title`` and ``##Chapter 5``. Converters from HTML
(AO3 backups, pandoc, html2text) escape a line's start wherever it would read as markup: a section
numbered ``1\\.`` and a rule typed ``\\-\\-\\-`` are what the page showed, "1." and "---", and the
story's sections and scene breaks are read from what the page showed. Rentry centres a line
typed ``->By Anon<-`` (and sets it right typed ``->By Anon->``, or emphasised ``*->By Anon<-*``): the
arrows are its markup, the line is "By Anon"; its ``[TOC]`` (``[TOC2]``…) is where the page showed
its own contents, which the book has already. A line of attributes
for the line above (kramdown's and mkdocs' ``{: .center }``) styles a page that is not ours: it goes,
and so do a heading's own (pandoc's ``# Credits {.unnumbered}``). Pandoc's title block (``% Title``,
``% Author``, ``% Date`` atop the file) is its front matter, read as YAML's would be. A backslash
ending a line is CommonMark's line break, never a character of the text. A line underlined with
``=====`` or ``-----`` (a setext heading) is a heading of level one or two, as ``#`` or ``##``
would make it; a rule after a blank line is a rule, and YAML front matter keeps its ``---``.
"""

from __future__ import annotations

import json

from .blocks import FENCE, is_scene_break
from .headings import is_numeral_line
from ..patterns import lazy

# "#Title", "##Chapter 5", "#*Title*"; not "#####[Chapter 5](…)", a serial's link to its next page
_GLUED_HEADING = lazy(r"^(#{1,6})(?=[^\W_]|[(\"'“‘*])")
_CENTRED = lazy(r"^(?P<marks>#{0,6})\s*(?P<em>[*_]{0,3})\s*->\s*(?P<text>.*?)\s*(?:<-|->)\s*(?P=em)\s*$")  # and "#->Title<-"
_CONTENTS_MARK = lazy(r"^\s*\[TOC[1-6]?\]\s*$")  # Python-Markdown's and rentry's "[TOC]", "[TOC2]"
_ATTRIBUTES = lazy(r"^\s*\{:?\s*(?:[.#][\w-]+|[\w-]+=\S+)(?:\s+(?:[.#][\w-]+|[\w-]+=\S+))*\s*\}\s*$")  # "{ .center }"
_HEADING_ATTRIBUTES = lazy(r"\s+\{(?:\s*(?:[.#][\w-]+|[\w-]+=\S+|-))+\s*\}\s*$")  # "{#credits .unnumbered}", "{-}"
_SETEXT = lazy(r"^ {0,3}(?:={2,}|-{2,})[ \t]*$")  # an underline: "=====" or "-----"
_NOT_SETEXT = lazy(r"^\s*(?:[#>|]|[-*+]\s|\d{1,9}[.)]\s|```|~~~)")  # what an underline cannot make a heading of
_YAML_KEY = lazy(r"^[A-Za-z_][\w-]*\s*:(?:\s|$)")  # "title: …", the first key of a YAML block
_ESCAPE = lazy(r"\\([!-/:-@\[-`{-~])")  # a backslash before any ASCII punctuation: CommonMark's escapes


def as_shown(text: str) -> str:
    lines = _title_block(text.split("\n"))
    shown, fenced, yaml = [], False, False
    for index, line in enumerate(lines):
        fence = FENCE.match(line)
        if yaml or (line.strip() == "---" and not (shown and shown[-1].strip()) and index + 1 < len(lines)
                    and _YAML_KEY.match(lines[index + 1])):  # YAML front matter, atop the file or a joined page
            yaml = not (yaml and line.strip() in ("---", "..."))
            shown.append(line)
        elif fenced or fence:
            shown.append(line)  # code is kept as typed
        elif line[:4].lstrip()[:1] in ("=", "-") and _SETEXT.match(line) and _setext_title(shown):
            shown[-1] = ("# " if line.strip()[0] == "=" else "## ") + shown[-1].strip()
            shown.append("")  # "Title" over "=====": a heading (level 1; "-----", level 2), as CommonMark sets it
        elif line.lstrip()[:4] == "[TOC" and _CONTENTS_MARK.match(line):
            shown.append("")
        elif not (line.lstrip()[:1] == "{" and _ATTRIBUTES.match(line)):
            shown.append(_as_shown(line))
        fenced ^= bool(fence)
    return "\n".join(shown)


def _setext_title(shown: list[str]) -> bool:
    """Whether the line above an underline is a heading's text: one line of a paragraph of its own
    (a blank line or the top above it), not a list item, a quote or a heading already."""
    if not shown or not shown[-1].strip() or (len(shown) > 1 and shown[-2].strip()):
        return False
    return not _NOT_SETEXT.match(shown[-1])


def without_arrows(line: str) -> str:
    """Rentry's centred or right-set line without its arrows ("-> By Anon <-" is "By Anon")."""
    if "->" not in line or not (centred := _CENTRED.match(line)):
        return line
    text = f"{centred['em']}{centred['text']}{centred['em']}" if centred["text"] else ""
    return f"{centred['marks']} {text}" if centred["marks"] else text


def _as_shown(line: str) -> str:
    line = without_arrows(line)
    if line[:1] == "#":
        if line.rstrip()[-1:] == "}":
            line = _HEADING_ATTRIBUTES.sub("", line)
        return _GLUED_HEADING.sub(r"\1 ", line, 1)
    if "\\" in line:
        if line.endswith("\\") and not line.endswith("\\\\"):  # CommonMark's line break: "Edited by Sam Reed \\"
            line = line[:-1].rstrip()
        plain = _ESCAPE.sub(r"\1", line)
        if is_scene_break(plain) or is_numeral_line(plain):  # never a list or a heading of Markdown's own
            return plain
    return line


def _title_block(lines: list[str]) -> list[str]:
    """Pandoc's title block, ``%`` lines atop the file (title, authors split by ";", date), as the
    YAML front matter that says the same."""
    count = next((n for n, line in enumerate(lines[:3]) if not line.startswith("%")), min(3, len(lines)))
    if not count or not lines[0].startswith("% "):
        return lines
    values = [line[1:].strip() for line in lines[:count]]
    fields = [(key, value) for key, value in zip(("title", "author", "date"), values) if value]  # "A; B": two authors
    pairs = ", ".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields)  # JSON is YAML
    taken = count + (count < len(lines) and not lines[count].strip())  # and the blank line under it
    # the lines under it keep their numbers (but under a title alone, which moves them down one)
    return ["---", f"{{{pairs}}}", "---"] + [""] * (taken - 3) + lines[taken:]
