"""Project Gutenberg files: the licence header and footer are not the story.

The text between the ``*** START OF …`` and ``*** END OF …`` markers (a marker may wrap onto a
second line, and old files use ``*END*THE SMALL PRINT!`` instead) is the story; the header and
footer become a back-matter section, nothing deleted. The header's ``Title:``, ``Author:`` and
``Language:`` lines, or its first line "The Project Gutenberg EBook of X, by Y", fill the metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..metadata import TEXT_LABELS

_START = re.compile(r"^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
_END = re.compile(r"^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
_OLD_START = re.compile(r"^\s*\*END\*\s*THE SMALL PRINT", re.IGNORECASE)
_OLD_END = re.compile(r"^\s*End of (?:the )?Project Gutenberg", re.IGNORECASE)
_FIRST_LINE = re.compile(r"Project Gutenberg(?:'s)? E-?(?:Book|text),? of (?P<title>.+?)(?:, by (?P<author>.+))?$", re.IGNORECASE)
_FIELD = re.compile(r"^(?P<label>Title|Author|Language|Translator|Release Date):\s*(?P<value>\S.*?)\s*$")


@dataclass(frozen=True)
class Gutenberg:
    header: list[str]
    body: list[str]
    footer: list[str]
    fields: dict = field(default_factory=dict)
    body_start: int = 0  # line number of the body's first line, for tracing


def split_gutenberg(lines: list[str]) -> Gutenberg | None:
    start = next((i for i, line in enumerate(lines[:1000]) if _START.match(line) or _OLD_START.match(line)), None)
    if start is None:
        return None
    first_body = start + 1
    if not lines[start].rstrip().endswith("***") and _START.match(lines[start]):
        while first_body < len(lines) and first_body < start + 3 and lines[first_body - 1].strip()[-3:] != "***":
            first_body += 1
    end = next((i for i in range(len(lines) - 1, first_body - 1, -1) if _END.match(lines[i]) or _OLD_END.match(lines[i])),
               len(lines))
    header, footer = lines[:first_body], lines[end:]
    return Gutenberg(header, lines[first_body:end], footer, _fields(header), first_body)


def _fields(header: list[str]) -> dict:
    fields: dict = {}
    for line in header:
        match = _FIELD.match(line.strip())
        key = TEXT_LABELS.get(match["label"].lower()) if match else None
        if key in ("title", "authors", "language"):
            fields.setdefault(key, match["value"] if key != "authors" else (match["value"],))
    joined = " ".join(line.strip() for line in header[:4])
    first = _FIRST_LINE.search(joined.split("  ")[0]) if joined else None
    if first:
        fields.setdefault("title", first["title"].strip())
        if first["author"]:
            fields.setdefault("authors", (first["author"].strip(),))
    return fields
