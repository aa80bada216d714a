"""The top of a story file: title, author, summary, author's notes and the other labelled facts.

Read only at the very top. A label (case-insensitive, indented or not, with or without a colon,
optionally after Markdown ``#`` marks) either carries its value on its own line ("Rating: T")
or stands alone and owns the lines below it until a gap of two or more blank lines, the next
label or a heading, or, when none of those comes, the first blank line. Also understood: a
short first line followed by "by Name"; YAML between ``---`` lines; the FanFicFare text layout
(title, "by Author", then ``Label: value`` lines). Counts (``Words:``) are recomputed, never
trusted; fandoms, characters and the like are kept as labelled facts for the title page.
"""

from __future__ import annotations

import re

from .blocks import Layout, paragraph, read_layout, to_blocks
from .headings import match_heading
from .notes import note_label
from ..model import Block, Note, Placement, SceneBreak, block_texts

LABELS = {
    "title": "title", "story": "title",
    "author": "authors", "authors": "authors", "by": "authors", "writer": "authors",
    "summary": "description", "description": "description", "blurb": "description", "synopsis": "description",
    "author's note": "note", "author's notes": "note", "authors note": "note", "authors notes": "note",
    "author note": "note", "a/n": "note", "an": "note", "notes": "note", "note": "note",
    "tags": "tags", "additional tags": "tags", "freeform": "tags", "genre": "tags", "genres": "tags",
    "rating": "rating", "rated": "rating",
    "warnings": "warnings", "warning": "warnings", "archive warning": "warnings", "archive warnings": "warnings",
    "status": "status", "completed": "status",
    "series": "series",
    "story url": "source_url", "source": "source_url", "url": "source_url", "link": "source_url",
    "published": "published", "updated": "updated", "completed on": "updated",
    "language": "language",
    "words": "count", "chapters": "count", "word count": "count", "packaged": "count",
    "fandom": "extra", "fandoms": "extra", "category": "extra", "categories": "extra",
    "characters": "extra", "character": "extra", "relationships": "extra", "relationship": "extra",
    "pairings": "extra", "pairing": "extra", "short description": "extra", "publisher": "extra",
    "author url": "extra", "dedication": "extra", "disclaimer": "extra",
}
_BLOCK_FIELDS = {"description", "note"}
_LIST_FIELDS = {"tags", "warnings", "extra"}
_LABEL = r"^\s*(?:#{1,6}\s+)?(?P<label>[A-Za-z][A-Za-z'’/ ]{0,24}?)\s*"
_LABEL_ALONE = re.compile(_LABEL + r":?\s*$")
_LABEL_VALUE = re.compile(_LABEL + r":\s*(?P<value>\S.*?)\s*$")
_BY_LINE = re.compile(r"^\s*by\s+(?P<name>\S.{0,80}?)\s*$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:&|;|,\s*and\s+|\s+and\s+)\s*")
_MARKDOWN_TITLE = re.compile(r"^#{1,6}\s+(?P<text>\S.*?)\s*#*$")


def read_front_matter(lines: list[str], start: int = 0) -> tuple[dict, list[Note], int, list[tuple[int, str]]]:
    """(fields, notes, index of the first story line, trace of what was found and where)."""
    fields: dict = {}
    notes: list[Note] = []
    trace: list[tuple[int, str]] = []
    i = _skip_blank(lines, start)
    if i < len(lines) and lines[i].strip() == "---":
        i = _yaml_block(lines, i, fields, notes, trace)
    i = _title_by(lines, _skip_blank(lines, i), fields, trace)
    while True:
        i = _skip_blank(lines, i)
        if i < len(lines) and "authors" not in fields and _by_line(lines[i]):
            fields["authors"] = _names(_by_line(lines[i]))
            trace.append((i, f"author: {', '.join(fields['authors'])}"))
            i += 1
            continue
        found = label_of(lines[i]) if i < len(lines) else None
        if not found and i < len(lines) and _among_fields(lines, i):
            found = (_LABEL_VALUE.match(lines[i])["label"], "extra", _LABEL_VALUE.match(lines[i])["value"])
        if not found:
            return fields, notes, i, trace
        label, field, value = found
        first = i
        if field in _BLOCK_FIELDS:
            block, i = _labelled_block(lines, i + 1, value)
            if field == "note":
                notes.append(Note(block, Placement.FRONT, note_label(label)))
            else:
                fields["description"] = fields.get("description", ()) + block
        elif not value:  # "Tags" alone on its line: the value is the lines below it
            block, i = _labelled_block(lines, i + 1, "")
            set_field(fields, field, label, " ".join(block_texts(block)))
        else:
            i += 1
            while field in _LIST_FIELDS and value.endswith(",") and i < len(lines) and lines[i].strip():
                value, i = f"{value} {lines[i].strip()}", i + 1  # a wrapped list goes on
            set_field(fields, field, label, value)
        trace.append((first, f"front matter: {label}"))


def _among_fields(lines: list[str], i: int) -> bool:
    """An unknown "Kudos: 45" is a field when it stands in a run of label lines (no blank between)."""
    if not _LABEL_VALUE.match(lines[i]):
        return False
    neighbours = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return any(line.strip() and (label_of(line) or _LABEL_VALUE.match(line)) for line in neighbours) and any(
        line.strip() and label_of(line) for line in neighbours)


def label_of(line: str) -> tuple[str, str, str] | None:
    """(label as written, field it fills, value on the same line) for a known label."""
    alone = _LABEL_ALONE.match(line)
    match = alone or _LABEL_VALUE.match(line)
    field = LABELS.get(match["label"].lower().replace("’", "'")) if match else None
    if field is None:
        return None
    return match["label"], field, "" if alone else match["value"]


def set_field(fields: dict, field: str, label: str, value: str) -> None:
    if field == "authors":
        fields["authors"] = fields.get("authors", ()) + _names(value)
    elif field in ("tags", "warnings"):
        fields[field] = fields.get(field, ()) + tuple(t.strip() for t in value.split(",") if t.strip())
    elif field == "extra":
        fields["extra"] = fields.get("extra", ()) + ((label.replace("'", "’"), value),)
    elif field != "count":  # word and chapter counts are recomputed from the text, never trusted
        fields.setdefault(field, value)


def _names(value: str) -> tuple[str, ...]:
    return tuple(name for name in _NAME_SPLIT.split(value.strip()) if name)


def _by_line(line: str) -> str:
    """The name in "by Name", when the line looks like a byline and not a sentence."""
    match = _BY_LINE.match(line)
    if not match or match["name"][-1] in ".,;:!?\"" or len(match["name"].split()) > 8:
        return ""
    return match["name"]


def _title_by(lines: list[str], i: int, fields: dict, trace: list) -> int:
    """A short first line followed by "by Name" is the title and the author."""
    if i >= len(lines) or label_of(lines[i]) or _by_line(lines[i]):
        return i
    j = i + 1
    while j < len(lines) and j <= i + 2 and not lines[j].strip():
        j += 1
    name = _by_line(lines[j]) if j < len(lines) else ""
    title = lines[i].strip()
    markdown = _MARKDOWN_TITLE.match(title)
    if markdown:
        title = markdown["text"]
    if not name or len(title) > 120 or title[-1] in ".,;:":
        return i
    fields.setdefault("title", title)
    fields["authors"] = fields.get("authors", ()) + _names(name)
    trace.append((i, f"title and author: {title} / {name}"))
    return j + 1


def _yaml_block(lines: list[str], i: int, fields: dict, notes: list[Note], trace: list) -> int:
    end = next((j for j in range(i + 1, min(len(lines), i + 200)) if lines[j].strip() == "---"), None)
    if end is None:
        return i
    import yaml  # only files with YAML front matter pay for the import

    try:
        data = yaml.safe_load("\n".join(lines[i + 1 : end]))
    except yaml.YAMLError:
        return i
    if not isinstance(data, dict):
        return i
    for key, value in data.items():
        label = str(key).replace("_", " ").strip()
        field = LABELS.get(label.lower(), "extra")
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        value = "" if value is None else str(value).strip()
        if field in _BLOCK_FIELDS:
            block = tuple(paragraph(p) for p in value.split("\n\n") if p.strip())
            if field == "note":
                notes.append(Note(block, Placement.FRONT, note_label(label)))
            else:
                fields["description"] = fields.get("description", ()) + block
        elif value:
            set_field(fields, field, label.capitalize(), value)
    trace.append((i, f"YAML front matter: {', '.join(str(k) for k in data)}"))
    return end + 1


def _labelled_block(lines: list[str], i: int, first: str) -> tuple[tuple[Block, ...], int]:
    """The lines a label owns, read as paragraphs; returns them and where the block ended."""
    start = i if first else _skip_blank(lines, i)
    end, blanks, stop = start, 0, None
    for j in range(start, len(lines)):
        if not lines[j].strip():
            blanks += 1
            if blanks >= 2:
                stop = j
                break
            continue
        if label_of(lines[j]) or match_heading(lines[j]):
            stop = j
            break
        blanks = 0
        end = j + 1
    if stop is None:  # nothing closed the block: the story follows the first blank line
        end = next((j for j in range(start, len(lines)) if not lines[j].strip()), len(lines))
    chunk = ([first] if first else []) + lines[start:end]
    layout = read_layout(chunk) if len(chunk) > 3 else Layout(False, 0, False, frozenset())
    return tuple(b for b in to_blocks(chunk, layout) if not isinstance(b, SceneBreak)), end


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i
