"""Plain text to a story: front matter, chapters, scene breaks and paragraphs.

The grammar, read top to bottom (labels and headings match case-insensitively, indented or not):

    story        = [yaml-block] front-matter body
    yaml-block   = "---" LF yaml LF "---"             title, author(s), summary, tags, … as keys
    front-matter = { title-by | field | labelled-block }        only at the very top
    title-by     = short-line LF [blank] "by " name            also "# Title" then "by Name"
    field        = LABEL ":" value                           "Title: Night Train"
    labelled-block = LABEL [":"] LF lines                    "Description", "Author's Notes:"
                   the lines run until a gap of two or more blank lines, the next label, a
                   heading, or, when none of those comes, the first blank line
    body         = { heading | scene-break | paragraph }
    heading      = ["#"…] ("Chapter" | "Ch.") numeral [(":" | "." | "-" | "–" | "—") title]
                 | "#"… text                               a Markdown heading
    scene-break  = a line of three or more of * # ~ = _ + • § ◇ · - (spaces allowed), or "#"
    paragraph    = one line, or, in a hard-wrapped file (most lines under 100 columns, blank
                   lines between paragraphs), the lines between two blank lines joined

LABEL is one of the names in ``_LABELS``; a line that merely starts with a word like "Note" is
story text unless it stands where front matter stands. Text before the first heading is kept as
an untitled opening section. A heading with no text before the next one (a table of contents
listed at the top) is kept as a paragraph, never as an empty chapter. A file whose body would be
empty is read again as all body, so any text that has words gives a book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ParseError
from .model import Block, Chapter, Metadata, Note, Paragraph, Placement, SceneBreak, Text, has_text

# Front matter ----------------------------------------------------------------------------

_LABELS = {
    "title": "title",
    "author": "authors",
    "authors": "authors",
    "by": "authors",
    "summary": "description",
    "description": "description",
    "blurb": "description",
    "author's note": "note",
    "author's notes": "note",
    "authors note": "note",
    "authors notes": "note",
    "author note": "note",
    "a/n": "note",
    "notes": "note",
    "note": "note",
    "tags": "tags",
    "rating": "rating",
    "warnings": "warnings",
    "warning": "warnings",
    "status": "status",
    "series": "series",
    "story url": "source_url",
    "source": "source_url",
    "url": "source_url",
    "published": "published",
    "updated": "updated",
    "language": "language",
    "words": "count",
    "chapters": "count",
    "fandom": "extra",
    "fandoms": "extra",
    "category": "extra",
    "categories": "extra",
    "characters": "extra",
    "relationships": "extra",
    "pairings": "extra",
    "short description": "extra",
}
_BLOCK_FIELDS = {"description", "note"}
_LABEL = r"^\s*(?:#{1,6}\s+)?(?P<label>[A-Za-z][A-Za-z'’/ ]{0,24}?)\s*"
_LABEL_ALONE = re.compile(_LABEL + r":?\s*$")
_LABEL_VALUE = re.compile(_LABEL + r":\s*(?P<value>\S.*?)\s*$")
_BY_LINE = re.compile(r"^\s*by\s+(?P<name>\S.{0,80}?)\s*$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:&|;|,\s*and\s+|\s+and\s+)\s*")

# Body ------------------------------------------------------------------------------------

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen|twenty"
)
_CHAPTER = re.compile(
    rf"^(?P<label>(?:chapter|ch\.?)\s+(?:\d{{1,4}}|[ivxlcdm]{{1,8}}|{_NUMBER_WORDS})\.?)"
    r"(?:\s*[:.\-–—]\s*(?P<title>\S.{0,99}?))?\s*$",
    re.IGNORECASE,
)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?P<text>\S.{0,119}?)\s*#*\s*$")
_SCENE_BREAK = re.compile(r"^\s*(?:(?:[*#~=_+•§◇·\-]\s*){3,}|[#*]|[◇•§])\s*$")
_WRAP_LIMIT = 100


@dataclass(frozen=True)
class Parsed:
    """What the text itself says; the pipeline merges it with flags and defaults."""

    metadata: Metadata
    front_notes: tuple[Note, ...]
    chapters: tuple[Chapter, ...]


def parse(text: str) -> Parsed:
    lines = [line.replace("\t", " ").rstrip() for line in text.split("\n")]
    if not any(lines):
        raise ParseError("the file is empty: there is no story to convert")
    fields, notes, start = _front_matter(lines)
    chapters = _body(lines[start:])
    if not any(has_text(c.blocks) for c in chapters):  # it was all "front matter": read it as story
        fields, notes, chapters = {}, [], _body(lines)
    if not any(has_text(c.blocks) for c in chapters):  # only dividers: keep them as they are
        chapters = [Chapter(1, tuple(_paragraph(line) for line in lines if line.strip()))]
    return Parsed(Metadata(**fields), tuple(notes), tuple(chapters))


# Front matter ----------------------------------------------------------------------------


def _front_matter(lines: list[str]) -> tuple[dict, list[Note], int]:
    fields: dict = {}
    notes: list[Note] = []
    i = _skip_blank(lines, 0)
    if i < len(lines) and lines[i].strip() == "---":
        i = _yaml_block(lines, i, fields, notes)
    i = _title_by(lines, _skip_blank(lines, i), fields)
    while True:
        i = _skip_blank(lines, i)
        if i < len(lines) and "authors" not in fields and _by_line(lines[i]):
            fields["authors"] = _names(_by_line(lines[i]))
            i += 1
            continue
        found = _label(lines[i]) if i < len(lines) else None
        if not found:
            return fields, notes, i
        label, field, value = found
        if field in _BLOCK_FIELDS:
            block, i = _labelled_block(lines, i + 1, value)
            if field == "note":
                notes.append(Note(block, Placement.FRONT, _tidy_label(label)))
            else:
                fields["description"] = fields.get("description", ()) + block
        else:
            if not value:  # "Tags" alone on its line: the value is the lines below it
                block, i = _labelled_block(lines, i + 1, "")
                value = " ".join(_texts(block))
            else:
                i += 1
            _set_field(fields, field, _tidy_label(label), value)


def _label(line: str) -> tuple[str, str, str] | None:
    alone = _LABEL_ALONE.match(line)
    match = alone or _LABEL_VALUE.match(line)
    field = _LABELS.get(match["label"].lower().replace("’", "'")) if match else None
    if field is None:
        return None
    return match["label"], field, "" if alone else match["value"]


def _tidy_label(label: str) -> str:
    return label.replace("'", "’")


def _set_field(fields: dict, field: str, label: str, value: str) -> None:
    if field == "authors":
        fields["authors"] = fields.get("authors", ()) + _names(value)
    elif field in ("tags", "warnings"):
        fields[field] = fields.get(field, ()) + tuple(t.strip() for t in value.split(",") if t.strip())
    elif field == "extra":
        fields["extra"] = fields.get("extra", ()) + ((label, value),)
    elif field != "count":  # word and chapter counts are recomputed from the text, never trusted
        fields[field] = value


def _names(value: str) -> tuple[str, ...]:
    return tuple(name for name in _NAME_SPLIT.split(value.strip()) if name)


def _by_line(line: str) -> str:
    """The name in "by Name", when the line looks like a byline and not a sentence."""
    match = _BY_LINE.match(line)
    if not match or match["name"][-1] in ".,;:!?\"" or len(match["name"].split()) > 8:
        return ""
    return match["name"]


def _title_by(lines: list[str], i: int, fields: dict) -> int:
    """A short first line followed by "by Name" is the title and the author."""
    if i >= len(lines) or _label(lines[i]) or _by_line(lines[i]):
        return i
    j = i + 1
    if j < len(lines) and not lines[j].strip():
        j += 1
    name = _by_line(lines[j]) if j < len(lines) else ""
    title = lines[i].strip()
    heading = _MARKDOWN_HEADING.match(title)
    if heading:
        title = heading["text"]
    if not name or len(title) > 120 or title[-1] in ".,;:":
        return i
    fields.setdefault("title", title)
    fields["authors"] = fields.get("authors", ()) + _names(name)
    return j + 1


def _yaml_block(lines: list[str], i: int, fields: dict, notes: list[Note]) -> int:
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
        field = _LABELS.get(label.lower(), "extra")
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        value = "" if value is None else str(value).strip()
        if field in _BLOCK_FIELDS:
            block = tuple(_paragraph(p) for p in value.split("\n\n") if p.strip())
            if field == "note":
                notes.append(Note(block, Placement.FRONT, _tidy_label(label.capitalize())))
            else:
                fields["description"] = fields.get("description", ()) + block
        elif value:
            _set_field(fields, field, label.capitalize(), value)
    return end + 1


def _labelled_block(lines: list[str], i: int, first: str) -> tuple[tuple[Block, ...], int]:
    """The lines a label owns, read as paragraphs; returns them and where the block ended."""
    start = i if first else _skip_blank(lines, i)
    end, blanks, stop = start, 0, None
    for j in range(start, len(lines)):
        if not lines[j].strip():
            blanks += 1
            if blanks >= 2:
                stop = j - 1
                break
            continue
        if _label(lines[j]) or _heading(lines[j]):
            stop = j
            break
        blanks = 0
        end = j + 1
    if stop is None:  # nothing closed the block: the story follows the first blank line
        end = next((j for j in range(start, len(lines)) if not lines[j].strip()), len(lines))
    chunk = ([first] if first else []) + lines[start:end]
    return tuple(_paragraphs(chunk)), end


# Body ------------------------------------------------------------------------------------


def _heading(line: str) -> tuple[str, str] | None:
    """(label, title) when the line is a chapter heading."""
    text = line.strip()
    markdown = _MARKDOWN_HEADING.match(text)
    if markdown:
        text = markdown["text"]
    chapter = _CHAPTER.match(text)
    if chapter:
        return chapter["label"].rstrip("."), (chapter["title"] or "").strip()
    if markdown:
        return "", text
    return None


def _body(lines: list[str]) -> list[Chapter]:
    sections: list[tuple[str, str, list[Block]]] = [("", "", [])]
    wrapped = _is_hard_wrapped(lines)
    pending: list[str] = []

    def flush() -> None:
        if pending:
            sections[-1][2].extend(_paragraph(p) for p in _join(pending, wrapped))
            pending.clear()

    for line in lines:
        heading = _heading(line)
        if heading:
            flush()
            sections.append((*heading, []))
        elif _SCENE_BREAK.match(line):
            flush()
            sections[-1][2].append(SceneBreak())
        elif not line.strip():
            flush()
        else:
            pending.append(line.strip())
    flush()
    return _chapters(sections)


def _chapters(sections: list[tuple[str, str, list[Block]]]) -> list[Chapter]:
    """Number the sections; a heading with no text under it is kept as a paragraph instead."""
    kept: list[tuple[str, str, list[Block]]] = []
    for label, title, blocks in sections:
        if kept and not has_text(tuple(blocks)):
            kept[-1][2].append(_paragraph(": ".join(p for p in (label, title) if p)))
            kept[-1][2].extend(blocks)
        else:
            kept.append((label, title, blocks))
    opening, rest = kept[0], kept[1:]
    if not has_text(tuple(opening[2])):
        kept = rest or [opening]
    return [
        Chapter(number, _trim_breaks(blocks), title=title, label=label)
        for number, (label, title, blocks) in enumerate(kept, start=1)
    ]


def _trim_breaks(blocks: list[Block]) -> tuple[Block, ...]:
    """No scene break may open or close a chapter, nor follow another."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, SceneBreak) and (not out or isinstance(out[-1], SceneBreak)):
            continue
        out.append(block)
    while out and isinstance(out[-1], SceneBreak):
        out.pop()
    return tuple(out)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: short lines, grouped into paragraphs by blank lines."""
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < 4 or lengths[int(len(lengths) * 0.9)] > _WRAP_LIMIT:
        return False
    groups, multi, size = 0, 0, 0
    for line in lines + [""]:
        if line.strip():
            size += 1
        elif size:
            groups, multi, size = groups + 1, multi + (size > 1), 0
    return groups > 1 and multi >= 0.3 * groups


def _join(lines: list[str], wrapped: bool) -> list[str]:
    return [" ".join(lines)] if wrapped else lines


def _paragraphs(lines: list[str]) -> list[Paragraph]:
    wrapped = _is_hard_wrapped(lines)
    out: list[Paragraph] = []
    group: list[str] = []
    for line in lines + [""]:
        if line.strip():
            group.append(line.strip())
        elif group:
            out.extend(_paragraph(p) for p in _join(group, wrapped))
            group = []
    return out


def _paragraph(text: str) -> Paragraph:
    return Paragraph((Text(" ".join(text.split())),))


def _texts(blocks: tuple[Block, ...]) -> list[str]:
    return [b.inlines[0].text for b in blocks if isinstance(b, Paragraph)]


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i
