"""The top of a story file: title, author, summary, author's notes and the other labelled facts.

Read only at the very top, in the orders people and sites write it:
  * YAML between ``---`` lines;
  * the title lines (byline.py): a title over ``by Name`` in any of nine languages, a Markdown
    ``# Title``, ``Title by Name`` on one line, a name over a title in capitals;
  * labels (labels.py: every language's), each carrying its value on its own line
    (``Rating: T``), with a long value wrapping onto unlabelled lines, or standing alone and owning
    the lines below it (AO3 puts the value indented under the label);
  * after AO3's tag block, the work's title and author on two lines of their own;
  * FanFiction.Net's unlabelled summary over its ``Rated: … - id: …`` statistics line.
Labels and statistics become fields, never chapters; counts are recomputed, never trusted.
"""

from __future__ import annotations

import re

from functools import cached_property

from .families import OPENS_CHAPTER
from .blocks import LINE_BY_LINE, Layout, gaps_after, paragraph, read_layout, to_blocks, usual_gap
from .byline import AO3_POSTED, TitleLines, by_line, names, short_name
from .headings import match_heading
from .matter import opens_the_story
from .labels import BLOCK_FIELDS, LABEL_ALONE, LABEL_VALUE, LABELS, LIST_FIELDS, label_of
from .notes import _AO3_LABEL, _AO3_TEXT, _SEE_END, is_marker, note_label
from .sidecar import safe_yaml
from .sites import ao3_stats, ffn_stats, is_ao3_stats, is_ffn_stats, status_word
from ..model import Block, Note, Placement, SceneBreak, block_texts
from ..patterns import lazy

# What an untitled paragraph between the header and the first heading says when it is the author's.
_UNTITLED_NOTE = lazy(
    r"https?://|\]\(|^\s*(?:thanks|thank you|cover (?:art|image|made|by)|disclaimer|dedicated to|written for"
    r"|this (?:story|fic|fanfic|one-shot|oneshot) (?:was|is)|beta(?:'d| read))", re.I)
_THANKS = lazy(r"^\s*(?:thanks|thank you|special thanks|many thanks|cover (?:art|image|made|by)|beta(?:'d| read)"
                     r"|dedicated to|written for|merci|danke|gracias|grazie|obrigad[oa]|bedankt|dziękuję|спасибо)\b", re.I)
_WIDE_WRAP = 60  # a label line this long that goes on without a blank line wrapped its value
_GAP_SAMPLE = 2000  # lines enough to know the story's gap between paragraphs
_SUMMARY_GROUPS, _SUMMARY_WORDS = 8, 400  # a summary runs to the story's first heading over at most these
_BLOCK_GROUPS = 4  # a labelled block set apart by a wider gap has at most this many paragraphs


def read_front_matter(lines: list[str], start: int = 0, edition: bool = False) -> tuple[dict, list[Note], int, list[tuple[int, str]]]:
    """(fields, notes, index of the first story line, trace of what was found and where).
    ``edition``: a published book's text (Project Gutenberg), whose header names it already."""
    reader = _Header(lines, edition)
    i = reader.skip(start)
    if i < len(lines) and lines[i].strip() == "---":
        i = _yaml_block(lines, i, reader.fields, reader.notes, reader.trace)
    after = reader.title(reader.skip(i))
    i = i if edition else after  # an edition's title page stays in its front matter: its header names the book
    return reader.fields, reader.notes, reader.labels(i), reader.trace


def set_field(fields: dict, field: str, label: str, value: str) -> None:
    if field == "authors":
        fields["authors"] = fields.get("authors", ()) + names(value)
    elif field == "extra":
        fields["extra"] = fields.get("extra", ()) + ((label.replace("'", "’"), value),)
    elif field in LIST_FIELDS:
        fields[field] = fields.get(field, ()) + tuple(t.strip() for t in value.split(",") if t.strip())
    elif field == "status":
        fields.setdefault("status", status_word(value))
    elif field != "count":  # word and chapter counts are recomputed from the text, never trusted
        fields.setdefault(field, value)


class _Header(TitleLines):
    """Reads the header top down, keeping the fields, notes and a trace of the rule for each."""

    def __init__(self, lines: list[str], edition: bool = False):
        self.lines = lines
        self.edition = edition
        self.fields: dict = {}
        self.notes: list[Note] = []
        self.trace: list[tuple[int, str]] = []
        self._layout: Layout | None = None

    def skip(self, i: int) -> int:
        while i < len(self.lines) and not self.lines[i].strip():
            i += 1
        return i

    @property
    def layout(self) -> Layout:
        if self._layout is None:
            self._layout = read_layout(self.lines)
        return self._layout

    # The title lines -----------------------------------------------------------------------------

    # Labels --------------------------------------------------------------------------------------

    def labels(self, i: int) -> int:
        lines, fields = self.lines, self.fields
        while True:
            i = self.skip(i)
            if i >= len(lines):
                return i
            line = lines[i]
            if "authors" not in fields and by_line(line) and not label_of(line):
                i = self._byline(i)
                continue
            address = _ADDRESS.match(line) or AO3_POSTED.match(line)
            if address and "source_url" not in fields:  # the work's address under its byline
                fields["source_url"] = address["url"].strip("<>")
                self.trace.append((i, f"source: {fields['source_url']}"))
                i += 1
                continue
            if is_ffn_stats(line) or is_ao3_stats(line):
                self._stats(i)
                i += 1
                continue
            if _SEE_END.match(line) and self.notes:
                last = self.notes[-1]
                self.notes[-1] = Note(last.blocks + (paragraph(line.strip()),), last.placement, last.label)
                i += 1
                continue
            found = label_of(line)
            if not found and (field := LABEL_VALUE.match(line)) and self._among_fields(i):
                if field["label"].strip().casefold() in _SITE_SETTINGS:  # MultiMarkdown's "Base Header Level: 2"
                    self.trace.append((i, f"front matter: {field['label'].strip()}: a converter's setting, not shown"))
                    i = next((j for j in range(i + 1, len(lines)) if not _CONTINUED.match(lines[j])), len(lines))
                    continue
                found = (field["label"], "extra", field["value"])
            if not found and "title" not in self.fields and (self.notes or self.fields):
                after = self.title(i)  # the title under a leading note or disclaimer
                if after != i:
                    i = after
                    continue
            if not found:
                return self._unlabelled(i)
            if line.lstrip()[:1] == "#" and found[1] in self.fields and found[1] not in LIST_FIELDS:
                return i  # "## Title: The Quiet Archive" under front matter that named the book: a tale's heading
            i = self._label(i, *found)

    def _label(self, i: int, label: str, field: str, value: str) -> int:
        lines = self.lines
        first = i
        if field in BLOCK_FIELDS:
            i = self._title_page(i + 1) - 1
            block, i = self._block(i + 1, value, field == "description")
            if field == "note":
                self.notes.append(Note(block, Placement.FRONT, note_label(label)))
            else:  # thanks and credits after the summary proper are the author's notes
                thanks = tuple(b for b in block[1:] if _THANKS.match(" ".join(block_texts((b,)))))
                if thanks:
                    self.notes.append(Note(thanks, Placement.FRONT, "Author’s Note"))
                    self.trace.append((first, "note: thanks and credits after the summary"))
                self.fields["description"] = self.fields.get("description", ()) + tuple(
                    b for b in block if b not in thanks)
        elif not value:  # "Tags:" alone on its line: the value is the lines below it (AO3 indents them)
            start = self.skip(i + 1)
            i = next((j for j in range(start, len(lines)) if not lines[j].strip() or label_of(lines[j])), len(lines))
            block = tuple(b for b in to_blocks(lines[start:i], self.layout) if not isinstance(b, SceneBreak))
            texts = block_texts(block)  # a field's value under its label: the lines up to a blank or a label
            if field in LIST_FIELDS:  # one item a line, or several to a line with commas
                for text in (line.strip() for line in lines[start:i] if line.strip()):
                    set_field(self.fields, field, label, text)
            elif field == "count" and texts:  # AO3's "Stats:" block
                self.fields.update({k: v for k, v in ao3_stats(" ".join(texts)).items() if k not in self.fields})
            elif texts:
                set_field(self.fields, field, label, " ".join(texts))
        else:
            i += 1
            while i < len(lines) and lines[i].strip() and not label_of(lines[i]) and not match_heading(lines[i]) \
                    and (value.endswith(",") or len(lines[i - 1].rstrip()) >= _WIDE_WRAP or _CONTINUED.match(lines[i])):
                value, i = f"{value} {lines[i].strip()}", i + 1  # a long value wrapped, or indented, onto the next line
            if field == "rating" and is_ffn_stats(lines[first]):
                self._stats(first)
            else:
                for label, field, value in _fields_in(label, field, value):
                    set_field(self.fields, field, label, value)
        self.trace.append((first, f"front matter: {label} → {field}"))
        return i

    def _stats(self, i: int) -> None:
        line = self.lines[i]
        found = ffn_stats(line) if is_ffn_stats(line) else ao3_stats(line)
        for key, value in found.items():
            if isinstance(value, tuple):
                self.fields[key] = self.fields.get(key, ()) + value
            else:
                self.fields.setdefault(key, value)
        site = "FanFiction.Net" if is_ffn_stats(line) else "AO3"
        self.trace.append((i, f"{site} statistics line → {', '.join(found)}"))

    def _unlabelled(self, i: int) -> int:
        """Where the labels stop: AO3's title and author lines after its tags, FanFiction.Net's
        summary over its statistics line; otherwise the story starts here."""
        lines = self.lines
        j = self.skip(i + 1)
        if j < len(lines) and self._ao3 and lines[i].strip().casefold() == self.fields.get("title", "").casefold() \
                and by_line(lines[j]):
            self.trace.append((i, "the title again, over its byline (AO3's preface)"))
            return self.labels(j)
        if "title" not in self.fields and self.fields:
            k = self.skip(j + 1)
            if j < len(lines) and k < len(lines) and short_name(lines[i]) and short_name(lines[j]) \
                    and (label_of(lines[k]) or lines[k].strip().lower().rstrip(":") in ("work text", "chapter text")
                         or match_heading(lines[k])):
                self.fields["title"] = lines[i].strip()
                self.fields["authors"] = self.fields.get("authors", ()) + names(lines[j])
                self.trace.append((i, f"title and author: AO3's two lines after its tags: {lines[i].strip()}"))
                return self.labels(j + 1)
        heading = next((k for k in range(i, min(len(lines), i + 12)) if match_heading(lines[k])), None)
        if heading is not None and self.fields and _UNTITLED_NOTE.search(" ".join(lines[i:heading])) \
                and len(" ".join(lines[i:heading]).split()) <= 80 and not any(map(is_ffn_stats, lines[i:heading])):
            block = tuple(b for b in to_blocks(lines[i:heading], self.layout) if not isinstance(b, SceneBreak))
            self.notes.append(Note(block, Placement.FRONT, "Author’s Note"))
            self.trace.append((i, "note: a credit or thanks over the first heading (a link, 'Thanks', 'Cover', …)"))
            return heading
        stats = next((k for k in range(i, min(len(lines), i + 16)) if is_ffn_stats(lines[k])), None)
        if stats is not None and not any(match_heading(lines[k]) for k in range(i, stats)):
            chunk = lines[i:stats]
            self.fields["description"] = self.fields.get("description", ()) + tuple(
                b for b in to_blocks(chunk, self.layout) if not isinstance(b, SceneBreak))
            self.trace.append((i, "description: the unlabelled lines over FanFiction.Net's statistics line"))
            return self.labels(stats)
        return i

    def _among_fields(self, i: int) -> bool:
        """An unknown "Kudos: 45" is a field when it stands in a run of label lines (no blank between,
        a value's indented lines within it) that a known label is one of."""
        def run(step: int):
            j = i + step
            while 0 <= j < len(self.lines) and abs(j - i) <= _FIELD_RUN and (
                    _CONTINUED.match(self.lines[j]) or LABEL_VALUE.match(self.lines[j]) or label_of(self.lines[j])):
                yield self.lines[j]
                j += step
        return any(label_of(line) for line in (*run(-1), *run(1)) if not _CONTINUED.match(line))

    def _block(self, i: int, first: str, summary: bool = False) -> tuple[tuple[Block, ...], int]:
        """The lines a label owns, read as paragraphs; returns them and where the block ended.

        A value on the label's line is that paragraph (and the lines that wrap it); a label
        alone owns the paragraphs below it up to the next label, heading or a gap wider than
        one blank line, when such a gap comes within a few paragraphs; else the first paragraph.
        ``summary``: a story's summary, a web novel's synopsis: its few paragraphs run to the
        heading that opens the story ("Chapter 1", "Prologue"), when its label stands alone right
        over it ("Synopsis:" over the blurb); after a value on the label's line, or a blank line
        under the label, the story may have begun above that heading."""
        lines = self.lines
        start = i if first else self.skip(i)
        summary = summary and start == i and not first
        wrapped = first and (self.layout.wrapped or len(lines[start - 1].rstrip()) >= _WIDE_WRAP)
        if first and start < len(lines) and lines[start].strip() and not wrapped:
            return (paragraph(first),), start  # "Summary: …" on its line, the next line is not its
        end, blanks, groups, stop = start, 0, 0, None
        usual = self.usual_gap
        for j in range(start, len(lines)):
            if not lines[j].strip():
                blanks += 1
                if blanks > usual:  # a wider gap than the story's own closes the block
                    stop = j if not groups or not self._wide_gaps_below(j) else None
                    break
                continue
            if label_of(lines[j]) or match_heading(lines[j]) or is_ffn_stats(lines[j]) or is_ao3_stats(lines[j]) \
                    or _AO3_TEXT.match(lines[j]) or is_marker(lines[j]):
                # a note written into the text ("A/N: …", "(A/N …)") may stand in the story: then the
                # block is its first paragraph; a label alone on its line heads the next section
                # (so is a heading: the story may begin before it)
                ambiguous = (is_marker(lines[j]) and not LABEL_ALONE.match(lines[j])) or (
                    match_heading(lines[j]) and not label_of(lines[j]))
                if summary and self._opens_story(j, start):
                    stop = j
                    break
                # (a value on the label's line is a paragraph of its own: only a wider gap carries it
                # over more); a later label closes a longer block only when it surely heads a section
                stop = None if groups and (ambiguous or first or not self._heads_section(j)) else j
                break
            if groups and blanks and usual > 1 and self._title_alone(j):
                stop = j  # where a PDF's copy spaces paragraphs wide, a title alone over a wider gap opens the story
                break
            if blanks and self._ao3 and OPENS_CHAPTER.match(self.next_text(j + 1)):
                stop = j  # AO3's chapter title, its "Chapter Notes" under it: the story starts here
                break
            groups += blanks > 0
            if _SEE_END.match(lines[j]):  # AO3's notes end on their pointer to the notes at the end
                end = stop = j + 1
                break
            if groups >= (_SUMMARY_GROUPS if summary else _BLOCK_GROUPS):
                break
            blanks = 0
            end = j + 1
        if stop is None:  # nothing closed the block near by: the story follows the first paragraph
            end = self._first_paragraph_end(start, bool(first))
        elif not (first or groups or self.layout.wrapped or self.layout.spaced) and end - start > 1 and (
                stop >= len(lines) or not (lines[stop].strip() == "" or self._heads_section(stop))):
            end = start + 1  # lines running on into the story, no gap between: one line, one paragraph
        chunk = ([first] if first else []) + lines[start:end]
        if first and len(lines[start - 1].rstrip()) >= _WIDE_WRAP:  # the value wrapped: one paragraph
            wrap = next((j for j in range(start, end) if not lines[j].strip()), end)
            chunk = [" ".join([first] + [line.strip() for line in lines[start:wrap]])] + lines[wrap:end]
        layout = read_layout(chunk) if len(chunk) > 3 else LINE_BY_LINE
        return tuple(b for b in to_blocks(chunk, layout) if not isinstance(b, SceneBreak)), end

    def _opens_story(self, j: int, start: int) -> bool:
        """Is line ``j`` the heading that opens the story, a summary's length (``start``) below?"""
        heading = match_heading(self.lines[j])
        return bool(heading) and opens_the_story(heading) and len(" ".join(self.lines[start:j]).split()) <= _SUMMARY_WORDS

    def _heads_section(self, j: int) -> bool:
        """A label that surely opens the header's next section: a metadata label ("Rating:"), AO3's
        section labels in a file that has AO3's "Work Text:" / "Chapter Text", or any label when
        the header is set off from the story by a wider gap than the story's own."""
        found = label_of(self.lines[j])
        if found and found[1] not in ("note", "description"):
            return True
        if _AO3_TEXT.match(self.lines[j]) or self._ao3 and _AO3_LABEL.match(self.lines[j]):
            return True
        wide = self.usual_gap + 1  # blank lines in a row that set the header off from the story
        lines = self.lines[j:j + 40 + wide]
        gap = next((k for k in range(len(lines) - wide) if not "".join(lines[k:k + wide]).strip()), None)
        return gap is not None and not self._wide_gaps_below(j + gap + wide)

    def _title_page(self, i: int) -> int:
        """AO3's PDF sets the work's title page (its title, "by" its author) between the "Summary"
        label and the summary: the byline names the author; the summary follows."""
        j = self.skip(i)
        if j + 1 < len(self.lines) and self.lines[j].strip() == self.fields.get("title") and by_line(self.lines[j + 1]) \
                and "authors" not in self.fields:
            return self._byline(j + 1)
        return i

    @cached_property
    def usual_gap(self) -> int:
        """The blank lines between the text's paragraphs: one, or two and more in a PDF's copy."""
        return usual_gap(gaps_after(self.lines[:_GAP_SAMPLE]))

    def _title_alone(self, j: int) -> bool:
        after = self.skip(j + 1) - j - 1
        text = self.lines[j].strip()
        return after > self.usual_gap and len(text) <= 100 and text[-1] not in ".,;:" and not text[0].islower()

    @property
    def _ao3(self) -> bool:
        """An AO3 download (its "Posted originally on the Archive of Our Own" line) or a copy of
        AO3's pages (their "Work Text:"): its "Notes" and "Summary" labels head sections."""
        return "archiveofourown.org" in self.fields.get("source_url", "") or self._ao3_pages

    @cached_property
    def _ao3_pages(self) -> bool:
        return any(_AO3_TEXT.match(line) for line in self.lines)

    def _wide_gaps_below(self, j: int) -> bool:
        """Does the text below use gaps of two or more blank lines itself (so one says nothing)?"""
        k = self.skip(j)
        gap = 0
        for line in self.lines[k:k + 60]:
            if line.strip():
                if gap >= 2:
                    return True
                gap = 0
            else:
                gap += 1
        return False

    def _first_paragraph_end(self, start: int, after_value: bool) -> int:
        lines = self.lines
        if after_value and not (self.layout.wrapped or len(lines[start - 1].rstrip()) >= _WIDE_WRAP):
            return start  # "Summary: …" on one line, the story right under it
        if not self.layout.wrapped and not self.layout.spaced:
            return start if after_value else start + 1
        return next((j for j in range(start, len(lines)) if not lines[j].strip()), len(lines))


def _fields_in(label: str, field: str, value: str) -> list[tuple[str, str, str]]:
    """A value, or two: a PDF's copy runs two cells of AO3's table into one line ("Archive Warning:
    No Archive Warnings Apply Category:        F/F"); the second is a known label, spaced as a table's.
    ("Title: The Author: A Story" is one title.)"""
    for glued in _GLUED.finditer(value):
        second = label_of(value[glued.end():])
        if second:
            return [(label, field, value[:glued.start()].strip())] + _fields_in(*second)
    return [(label, field, value)]


_GLUED = lazy(r"\s+(?=[A-Z][\w’' ]{2,30}:\s{2,})")  # a table's cell: its label, then the column's spaces


def _yaml_block(lines: list[str], i: int, fields: dict, notes: list[Note], trace: list) -> int:
    end = _yaml_end(lines, i, 200)
    if end is None:
        return i
    from yaml import YAMLError

    try:
        data = safe_yaml("\n".join(lines[i + 1 : end]))
    except YAMLError:
        data = _flat_fields(lines[i + 1 : end])
    if not isinstance(data, dict):
        return i
    settings = [str(key) for key in data if str(key).lower() in _SITE_SETTINGS]
    described = any(LABELS.get(str(key).replace("_", " ").strip().lower()) == "description" for key in data)
    for key, value in data.items():
        label = str(key).replace("_", " ").strip()
        field = LABELS.get(label.lower(), "extra")
        if label.lower() == "date":  # a static site's post date: when the story was published, its day
            field, value = "published", (str(value)[:10] if _ISO_TIME.match(str(value)) else value)
        if label.lower().replace(" ", "") in _TEASERS:  # a site's shorter summary: the summary, or its repetition
            field = "description"
            if described:
                continue
        if str(key) in settings or isinstance(value, (bool, dict)) or field == "extra" and _SLUG.match(str(value)):
            continue  # a switch ("published: true"), a site's record ("chapter: {number: 94}"), a page's address
        if field == "title" and isinstance(value, list):  # pandoc's EPUB titles: [{type: main, text: …}, …]
            value, subtitle = _titles(value)
            if subtitle:
                fields.setdefault("subtitle", subtitle)
        if isinstance(value, list):  # pandoc's creators, scholarly authors: [{text: …}], [{name: …}]
            items = [str(v.get("text") or v.get("name") or "") if isinstance(v, dict) else str(v) for v in value]
            if field == "authors":  # one name an item ("Smith, Jo" stays one)
                fields["authors"] = fields.get("authors", ()) + tuple(item.strip() for item in items if item.strip())
                continue
            value = ", ".join(items)
        value = "" if value is None else str(value).strip()
        if field in BLOCK_FIELDS:
            if "<" in value or "](" in value:  # a site's summary in its HTML ("… <p> It was …</p>"), or with links
                from .rawhtml import without_html

                value = without_html(value)
            block = tuple(paragraph(p) for p in value.split("\n\n") if p.strip())
            if field == "note":
                notes.append(Note(block, Placement.FRONT, note_label(label)))
            else:
                fields["description"] = fields.get("description", ()) + block
        elif value:
            set_field(fields, field, label.capitalize(), value)
    byline = by_line(fields.get("subtitle", ""))
    if byline and "authors" not in fields:  # "subtitle: by Mike Loader and Lara Bartram": a blog's byline
        fields["authors"] = names(byline)
        del fields["subtitle"]
    trace.append((i, f"YAML front matter: {', '.join(str(k) for k in data if str(k) not in settings)}"
                     + (f"; the site's own settings left out: {', '.join(settings)}" if settings else "")))
    return end + 1


def _titles(items: list) -> tuple[str, str]:
    """The main title and subtitle of pandoc's list of typed titles (else the first, and none)."""
    typed = {str(item.get("type", "main")): str(item.get("text", "")) for item in items if isinstance(item, dict)}
    if not typed:
        return ", ".join(map(str, items)), ""
    return typed.get("main") or next(iter(typed.values())), typed.get("subtitle", "")


def _flat_fields(lines: list[str]) -> dict | None:
    """A block YAML refuses that is still one "key: value" a line, as people write it by hand
    ("POV_Character: Bram (ID: 2)", which YAML reads as a mapping inside a value), or a key over
    "  - item" lines: each value as typed, its quotes dropped. None when any line is something else."""
    fields: dict[str, object] = {}
    key = None
    for line in filter(str.strip, lines):
        field, item = _FLAT_FIELD.match(line), _FLAT_ITEM.match(line)
        if field:
            key = field["key"]
            fields[key] = (field["value"] or "").strip("\"'")
        elif item and key is not None and (fields[key] == "" or isinstance(fields[key], list)):
            fields[key] = [*(fields[key] or []), item["item"].strip("\"'")]
        else:
            return None
    return fields or None


_FLAT_FIELD = lazy(r"^(?P<key>[A-Za-z_][\w -]{0,40}?):(?:\s+(?P<value>.*?))?\s*$")
_FLAT_ITEM = lazy(r"^\s+-\s+(?P<item>.*?)\s*$")


_ISO_TIME = lazy(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:")  # "2021-11-17T00:01:00.000Z": a day and its time
_TEASERS = frozenset({"shortdescription", "excerpt", "teaser", "shortsummary"})

# What a static site (Jekyll, Hugo, Eleventy, MkDocs) reads to build its pages, not what a reader is
# told: "Layout layout.njk" and "Order 1" on a title page say nothing about the story.
_SITE_SETTINGS = frozenset({
    "layout", "permalink", "slug", "weight", "order", "draft", "aliases", "url", "type", "menu", "nav_order",
    "parent", "grand_parent", "has_children", "nav_exclude", "sitemap", "eleventynavigation",
    "eleventyexcludefromcollections", "eleventycomputed", "pagination", "templateengineoverride", "comments",
    "share", "toc", "toc_label", "toc_sticky", "classes", "sidebar", "author_profile", "read_time", "search",
    "redirect_from", "redirect_to", "hidden", "css", "js", "render", "outputs", "build", "cascade",
    "headless", "linktitle", "markup", "excerpt_separator", "template", "nav", "nav_title", "hide",
    "id", "novelid", "chapterid", "createdat", "updatedat", "music_mode", "image", "thumbnail", "featured",
    "path", "cover", "available",  # Gatsby's: the page's address, the picture its card shows, whether it is listed
    "previous_chapter", "next_chapter", "prev_chapter", "previous", "next", "prev", "part",  # a serial's links
    # pandoc's settings for building an EPUB or a PDF, and R Markdown's
    "stylesheet", "cover-image", "epub-cover-image", "page-progression-direction", "ibooks", "header-includes",
    "include-before", "include-after", "documentclass", "classoption", "geometry", "fontsize", "mainfont",
    "sansfont", "monofont", "fontfamily", "linestretch", "papersize", "toc-depth", "toc-title", "numbersections",
    "secnumdepth", "colorlinks", "linkcolor", "urlcolor", "bibliography", "csl", "link-citations", "output",
    # MultiMarkdown's, in its "Key: value" header
    "base header level", "latex input", "latex footer", "latex mode", "latex leader", "latex begin", "latex config",
    "latex header", "latex xslt", "mmd header", "mmd footer", "xhtml header", "html header", "html header level",
    "latex header level", "odf header level", "quotes language", "transclude base", "xhtml xslt", "use wikilinks",
})
_FIELD_RUN = 30  # lines of a run of labels looked through for a known one
# A header's value carried on an indented line (MultiMarkdown's, a mail header's): "Address: 5 Main St" / "\t\tLund"
_CONTINUED = lazy(r"^(?:\t|\s{4,})\s*\S")


_ADDRESS = lazy(r"^\s*(?P<url><?https?://\S+>?)\s*$")
_YAML_FIELD = lazy(r"^[A-Za-z_][\w -]{0,30}:(?:\s.*)?$")
_YAML_TITLE = lazy(r"^title:\s*(?P<value>.*?)\s*$", re.IGNORECASE)  # (Jekyll's "Title:" too)
_COLLECTION = lazy(r"^(?:collection|series|story|novel(?:_?title)?):\s*(?P<value>.*?)\s*$", re.IGNORECASE)
# A page's place in the collection that names the book ("series_order: 2"): not the book's place in a series
_PLACE_IN_COLLECTION = lazy(r"^(?:series|collection)[_ ]?(?:order|weight|index|number|position):", re.IGNORECASE)
_SLUG = lazy(r"^(?=[\d-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)+$")  # "bukan-kita-kawan-je": a name written for an address (not a date)


def _yaml_end(lines: list[str], i: int, most: int) -> int | None:
    """The line that closes the front matter opened at ``i``: "---", or pandoc's "..."."""
    return next((j for j in range(i + 1, min(len(lines), i + most)) if lines[j].strip() in ("---", "...")), None)


def joined_pages(lines: list[str]) -> list[str]:
    """Pages of a site joined into one file, each under its own front matter ("---" / "title:
    Chapter 2" / "layout: …" / "---"): each page's title becomes its "# " heading, and the book is
    named by the collection the first page names, not by that page's "Chapter 1"."""
    blocks = []
    index = 0
    while index < len(lines):
        if lines[index].strip() == "---":
            end = _yaml_end(lines, index, 16)
            body = lines[index + 1:end] if end else []
            if body and _YAML_FIELD.match(body[0]) and all(_YAML_FIELD.match(line) or line[:1].isspace() for line in body
                                                           if line.strip()):  # (a list's items, a key's keys)
                title = next((m["value"].strip("'\"") for m in map(_YAML_TITLE.match, body) if m), "")
                blocks.append((index, end, title))
                index = end + 1
                continue
        index += 1
    if len(blocks) < 2 or not all(title for _, _, title in blocks):
        return lines
    out = [_TEMPLATE_TITLE.sub("", line) for line in lines]  # each page's "# {{ frontmatter.title }}": its own title
    named = next((m["value"].strip("'\"") for start, end, _ in blocks for m in map(_COLLECTION.match, lines[start + 1:end])
                  if m and not _site_section(m["value"])), "")  # the collection any page names ("collection: Nephilim")
    named = named.replace("-", " ").title() if _SLUG.match(named) else named
    first = blocks[0][2]
    index_page = blocks[0][0] == 0 and match_heading(first) is None and not _site_section(first) and (
        all(title.startswith(f"{first} ") for _, _, title in blocks[1:])  # "Hope", then "Hope - Paris"
        or not named and all(match_heading(title) for _, _, title in blocks[1:]))  # a site's index page over its chapters
    for start, end, title in reversed(blocks):
        if start == 0:  # the first page's front matter names the book: by its collection, not "Chapter 1"
            body = [line for line in out[1:end] if not (_YAML_TITLE.match(line) or _COLLECTION.match(line)
                                                        or named and _PLACE_IN_COLLECTION.match(line))]
            named = title if index_page else named
            out[start:end + 1] = ["---", *([f"title: {named}"] if named else []), *body, "---", *([] if index_page else ["", f"# {title}"])]
        else:
            out[start:end + 1] = ["", f"# {title}", ""]
    return out


def _site_section(name: str) -> bool:
    """ "FanFiction", "Fan-Fiction", "Stories": the part of a site the pages are filed under, not a book's name."""
    return "".join(c for c in name.casefold() if c.isalnum()) in _SITE_SECTIONS


_SITE_SECTIONS = frozenset("fanfiction fanfic fanfics fiction stories story home index chapters works writing blog posts "
                           "novels books library archive".split())
_TEMPLATE_TITLE = lazy(r"^\s*#{1,6}\s*\{\{\s*\$?(?:frontmatter|page)\.title\s*\}\}\s*$")
