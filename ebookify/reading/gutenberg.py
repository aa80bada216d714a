"""Project Gutenberg files: the licence header and footer are not the story.

The text between the ``*** START OF …`` and ``*** END OF …`` markers (a marker may wrap onto a
second line, and old files use ``*END*THE SMALL PRINT!`` instead) is the story; the header and
footer become a back-matter section, nothing deleted. The header's ``Title:``, ``Author:`` and
``Language:`` lines, or its first line "The Project Gutenberg EBook of X, by Y", fill the metadata.
"""

from __future__ import annotations

import re

from msgspec import Struct, field

from ..metadata import NO_NAME, TEXT_LABELS
from ..patterns import lazy

_START = lazy(r"^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
_END = lazy(r"^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
_OLD_START = lazy(r"^\s*\*END\*?\s*THE SMALL PRINT", re.IGNORECASE)  # "*END*THE SMALL PRINT!", "*END THE …"
_OLD_END = lazy(r"^\s*End of (?:the )?Project Gutenberg", re.IGNORECASE)
_FIRST_LINE = lazy(
    r"Project Gutenberg(?:'s)? E-?(?:Book|text),? of (?P<title>.+?)(?:,?\s+(?:#\d+ in our series\s+)?by (?P<author>.+))?$",
    re.IGNORECASE,
)
_FIELD = lazy(r"^(?P<label>Title|Author|Language|Translator|Release Date):\s*(?P<value>\S.*?)\s*$")


class Gutenberg(Struct, frozen=True):
    """A Project Gutenberg file cut at its markers: the licence header, the book, the licence footer."""

    header: list[str]
    body: list[str]
    footer: list[str]
    fields: dict = field(default_factory=dict)
    body_start: int = 0  # line number of the body's first line, for tracing


def split_gutenberg(lines: list[str]) -> Gutenberg | None:
    """The file cut at its markers. A copy whose header was cut away keeps its footer: with its
    ``*** END OF …`` marker in the second half, it is cut there all the same."""
    start = next((i for i, line in enumerate(lines[:1000]) if _START.match(line) or _OLD_START.match(line)), None)
    first_body = 0 if start is None else start + 1
    if start is not None and not lines[start].rstrip().endswith("***") and _START.match(lines[start]):
        while first_body < len(lines) and first_body < start + 3 and lines[first_body - 1].strip()[-3:] != "***":
            first_body += 1
    end = next((i for i in range(len(lines) - 1, first_body - 1, -1) if _END.match(lines[i]) or _OLD_END.match(lines[i])),
               len(lines))
    if start is None and not (len(lines) // 2 < end < len(lines) and _END.match(lines[end])):
        return None
    end = _closing_line(lines, end, first_body)
    first_body = _past_credits(lines, first_body, end)
    header, footer = lines[:first_body], lines[end:]
    return Gutenberg(header, lines[first_body:end], footer, _fields(header), first_body)


def _past_credits(lines: list[str], first_body: int, end: int) -> int:
    """The volunteers' credit right under the start marker ("Produced by Emmy, MWS and the Online
    Distributed Proofreading Team…") is Project Gutenberg's page, not the book's: it goes with the
    licence, where the book's contents list would otherwise open with it."""
    start = next((i for i in range(first_body, min(end, first_body + 12)) if lines[i].strip()), None)
    if start is None or not _CREDITS.match(lines[start]):
        return first_body
    stop = next((i for i in range(start, min(end, start + 12)) if not lines[i].strip()), None)
    return stop if stop is not None else first_body


_CREDITS = lazy(r"^\s*(?:produced|prepared|transcribed|digiti[sz]ed|scanned|e-?text prepared|this e-?(?:text|book) was "
                r"(?:produced|prepared|created|transcribed))\b.{0,40}?\b(?:by|from)\b", re.IGNORECASE)


def _closing_line(lines: list[str], end: int, first_body: int) -> int:
    """ "End of the Project Gutenberg EBook of X" (and a line more) over the ``*** END`` marker is
    its footer's first line, not the story's last."""
    return next((i for i in range(max(first_body, end - 5), end) if _OLD_END.match(lines[i])), end)


def _fields(header: list[str]) -> dict:
    fields: dict = {}
    for index, line in enumerate(header):
        match = _FIELD.match(line.strip())
        key = TEXT_LABELS.get(match["label"].lower()) if match else None
        if key in ("title", "authors", "language"):
            value = match["value"]
            if key == "title":  # a title that wraps goes on, flush or indented, until a blank line;
                for more in header[index + 1:index + 3]:  # a line in capitals of its own is the subtitle
                    if not more.strip() or _FIELD.match(more.strip()) or more.strip().startswith("("):
                        break
                    if more.strip()[:1].isupper() and not value.rstrip().endswith((",", ";", ":")):
                        fields.setdefault("subtitle", more.strip())
                        break
                    value += " " + more.strip()
            cleaned = {"title": _clean_title, "authors": _authors}.get(key, str)(value)
            if cleaned:  # "Author: Unknown" names no one
                fields.setdefault(key, cleaned)
    first = _FIRST_LINE.search(_opening(header))
    if first:
        fields.setdefault("title", _clean_title(first["title"]))
        if first["author"]:
            fields.setdefault("authors", (_clean_name(_fuller_name(first["author"], first["title"], header)),))
    if "title" in fields and "authors" not in fields:
        fields.update(_byline_under_title(header, fields["title"]))
    return fields


def _byline_under_title(header: list[str], title: str) -> dict:
    """An old etext's own title page above its small print ("The Federalist Papers" / "by
    Alexander Hamilton, John Jay, and James Madison"): the authors the first line left out."""
    from .byline import by_line, names

    lines = [line.strip() for line in header[:_TITLE_PAGE_REACH]]
    for index, line in enumerate(lines):
        if line.casefold() == title.casefold():
            byline = next((by_line(text) for text in lines[index + 1:index + 3] if text), "")
            if byline:
                return {"authors": names(byline)}
    return {}


_TITLE_PAGE_REACH = 60  # lines of the header: its title page stands above the small print


_EDITION = lazy(r"(?:,\s*|\s+)(?:\((?:complete|completo|complet|vollständig|полное)\)|complete)\s*$", re.IGNORECASE)
_ALIAS = lazy(r"\s*\((?:aka\b|a\.k\.a\.)?[^()]*\)\s*$", re.IGNORECASE)


def _opening(header: list[str]) -> str:
    """The first paragraph of the header, where "The Project Gutenberg Etext of X" and its "by Y"
    stand (old etexts frame them in asterisks and follow them with "This file should be named")."""
    found: list[str] = []
    framed = False  # the last line stood in its own asterisks: a banner line, complete unless a "by" follows
    for line in header[:8]:
        text = _unmarked(line)
        if not text and found or re.search(r"should be (?:named|labell?ed)|copyright", text, re.IGNORECASE) \
                or framed and not text.lower().startswith("by "):
            break
        if text:
            found.append(text)
            framed = line.strip()[:1] == "*" and line.strip()[-1:] == "*"
    joined = " ".join(found)
    series = re.search(r"\s*#\d+ in our series\s+", joined)  # "…, by Jane Austen #8 in our series by Jane Austen"
    if series:
        before = joined[:series.start()]
        joined = before if re.search(r"\bby\s", before) else f"{before} {joined[series.end():]}"
    return joined


def _unmarked(text: str) -> str:
    """Old etexts set their first line in ``**bold**``: the stars are not the name."""
    return text.strip().strip("*_ ").strip()


def _clean_title(title: str) -> str:
    """"Adventures of Huckleberry Finn, Complete": the edition marker is not the book's title."""
    title = _EDITION.sub("", _unmarked(title)).strip()
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title


def _authors(value: str) -> tuple[str, ...]:
    """"Alexander Hamilton, John Jay, and James Madison" are three; "Poe, Edgar Allan" is one (a
    comma parts names only where each side is a whole name); "Unknown" stands for no name."""
    names = []
    for piece in _AND.split(value.strip()):
        parts = [part.strip() for part in piece.split(",")]
        names += parts if len(parts) > 1 and all(len(part.split()) >= 2 for part in parts) else [piece.strip()]
    return tuple(_clean_name(name) for name in names if name and name.lower() not in NO_NAME)


_AND = lazy(r"\s*(?:,\s*and\s+|\s+and\s+|&|;)\s*")


def _clean_name(name: str) -> str:
    """"Mark Twain (Samuel Clemens)": an alias in brackets after the name is not the name. A bracket
    inside the name stays ("Mary Wollstonecraft (Godwin) Shelley")."""
    name = _unmarked(name)
    bare = _ALIAS.sub("", name).strip()
    return bare or name


def _fuller_name(author: str, title: str, header: list[str]) -> str:
    """Old etexts say "X, by Conrad" on the first line and "X, by Joseph Conrad" further down."""
    author = _unmarked(author)
    pattern = re.compile(rf"^{re.escape(_unmarked(title))},? by (?P<name>.+?)\s*$", re.IGNORECASE)
    for line in header:
        found = pattern.match(_unmarked(line))
        if found and found["name"].endswith(author) and len(found["name"]) > len(author):
            return found["name"]
    return author
