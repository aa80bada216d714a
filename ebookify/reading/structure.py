"""Story lines to chapters: which heading candidates really are headings, parts over chapters,
scene breaks made of blank lines, and author's notes at a chapter's edges.

Each decision has a reason:
  * keyword headings ("Chapter 3", "Prologue", "Part Two") and Markdown headings count wherever
    they stand; a bare numeral ("IV.") or a numbered title ("1. AT THE BAY.") counts only when the
    file uses the pattern at least twice, in rising order, each with a blank line before it;
  * a bare heading followed by an upper-case line takes that line as its title ("CAPITOLO I." /
    "GIÙ NELLA CONIGLIERA.");
  * headings with (almost) no text between them are a table of contents, not chapters, and stay
    as text; so does an early heading whose label comes back later (the contents list at the top);
  * a heading followed directly by a heading of another kind is a part over the chapters below;
  * in a file whose paragraphs are separated by one blank line, three or more mark a scene break;
  * author's notes anywhere in a chapter are cut out by notes.py, each to where its marker ends.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .blocks import BREAK, Layout, read_layout, to_blocks
from .notes import split_notes
from .headings import MARKDOWN, NUMBERED, NUMERAL, PART, Heading, heading_text, is_title_line, match_heading, roman_value
from ..options import Settings
from ..model import Block, Chapter, Paragraph, SceneBreak, Text, has_text, word_count

_CONTENTS_WORDS = 20  # an early heading whose label comes back later, over fewer words, is a contents entry
_LIST_WORDS = 5  # a run of headings with fewer words than this under each is a contents list


@dataclass
class _Span:
    line: int  # index of the heading line (or of the first line, for the opening span)
    heading: Heading | None
    lines: list[str]
    blocks: tuple[Block, ...] = ()


def build_chapters(lines: list[str], settings: Settings, offset: int = 0,
                   given: dict[int, Heading] | None = None) -> tuple[list[Chapter], list[tuple[int, str]]]:
    """``given``: headings a site reader found (line → heading), used instead of detection; such an
    export marks its scene breaks itself, so its runs of blank lines are only spacing."""
    layout = read_layout(lines, settings)
    if settings.scene_breaks and not given:
        lines = _blank_runs_as_breaks(lines)
    headings, consumed = _find_headings(lines, settings) if settings.chapters else ({}, set())
    if given and settings.chapters and settings.pattern is None:
        headings, consumed = dict(given), set()
    spans = _spans(lines, headings, consumed, layout)
    spans = _without_contents(spans)
    trace: list[tuple[int, str]] = []
    chapters = _chapters(spans, trace, offset, layout)
    return chapters, trace


# Headings --------------------------------------------------------------------------------------


def _find_headings(lines: list[str], settings: Settings) -> tuple[dict[int, Heading], set[int]]:
    """The heading lines, and the lines they took as their titles."""
    found: dict[int, Heading] = {}
    fenced = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if fenced or not line.strip():
            continue
        heading = match_heading(line, settings.pattern)
        if heading:
            found[index] = heading
    for kind in (NUMERAL, NUMBERED):
        found = _keep_if_consistent(lines, found, kind)
    consumed: set[int] = set()
    for index, heading in list(found.items()):  # a bare label may take the upper-case line below it
        below = _next_text_line(lines, index)
        if not heading.title and below is not None and below - index <= 2 and is_title_line(lines[below]) \
                and below not in found and heading.kind != PART:
            found[index] = replace(heading, title=lines[below].strip())
            consumed.add(below)
    return found, consumed


def _keep_if_consistent(lines: list[str], found: dict[int, Heading], kind: str) -> dict[int, Heading]:
    """Bare numerals are headings only as a pattern: twice or more, rising, after a blank line."""
    indices = [i for i, h in found.items() if h.kind == kind and (i == 0 or not lines[i - 1].strip())]
    values = [roman_value(found[i].number) for i in indices]
    rising = sum(1 for a, b in zip(values, values[1:]) if a is not None and b is not None and b == a + 1)
    keep = set(indices) if len(indices) >= 2 and rising >= max(1, (len(indices) - 1) // 2) else set()
    return {i: h for i, h in found.items() if h.kind != kind or i in keep}


def _next_text_line(lines: list[str], index: int) -> int | None:
    for j in range(index + 1, min(len(lines), index + 4)):
        if lines[j].strip():
            return j
    return None


def _spans(lines: list[str], headings: dict[int, Heading], consumed: set[int], layout: Layout) -> list[_Span]:
    spans = [_Span(0, None, [])]
    for index, line in enumerate(lines):
        if index in headings:
            spans.append(_Span(index, headings[index], []))
        elif index in consumed:
            continue
        else:
            spans[-1].lines.append(line)
    for span in spans:
        span.blocks = tuple(to_blocks(span.lines, layout))
    return spans


def _without_contents(spans: list[_Span]) -> list[_Span]:
    """Headings that list the chapters rather than begin them go back to being text."""
    demote = set()
    labels_later: dict[str, int] = {}
    for position, span in enumerate(spans):
        if span.heading and span.heading.label:
            labels_later[_key(span.heading)] = position
    previous_demoted = False
    for position, span in enumerate(spans[1:], start=1):
        heading = span.heading
        short = word_count(span.blocks) < _CONTENTS_WORDS
        repeated = heading.label and labels_later.get(_key(heading), position) > position
        neighbours = [spans[p] for p in (position - 1, position + 1) if 0 < p < len(spans)]
        bare = word_count(span.blocks) < _LIST_WORDS and heading.kind != PART
        in_a_list = bare and len(neighbours) == 2 and all(
            word_count(n.blocks) < _LIST_WORDS and n.heading.kind != PART for n in neighbours)
        if (repeated and (short or previous_demoted)) or in_a_list:
            demote.add(position)
        previous_demoted = position in demote
    kept: list[_Span] = []
    for position, span in enumerate(spans):
        if position in demote:
            kept[-1].blocks += (_heading_paragraph(span.heading),) + span.blocks
            kept[-1].lines += ["", _heading_string(span.heading), ""] + span.lines
        else:
            kept.append(span)
    return kept


def _key(heading: Heading) -> str:
    return " ".join(heading.label.lower().split())


# Chapters ---------------------------------------------------------------------------------------


def _chapters(spans: list[_Span], trace: list[tuple[int, str]], offset: int, layout: Layout) -> list[Chapter]:
    chapters: list[Chapter] = []
    opening, rest = spans[0], spans[1:]
    if has_text(opening.blocks) or not rest:
        chapters.append(_chapter(1, opening, "", layout, trace, offset))
        trace.append((offset, f"chapter 1, untitled: {word_count(chapters[0].blocks)} words"))
    part, part_kind = "", ""
    for position, span in enumerate(rest):
        heading = span.heading
        following = rest[position + 1].heading if position + 1 < len(rest) else None
        if not has_text(span.blocks):
            if heading.kind == PART or (following is not None and following.kind != heading.kind):
                part, part_kind = _heading_string(heading), heading.kind
                trace.append((offset + span.line, f"part: {part}"))
                continue
            if chapters:  # a last heading with nothing under it: keep it as text
                last = chapters[-1]
                chapters[-1] = replace(last, blocks=last.blocks + (_heading_paragraph(heading),))
                continue
        elif heading.kind == part_kind:  # the part's own kind, now with text: the part is over
            part, part_kind = "", ""
        chapter = _chapter(len(chapters) + 1, span, part, layout, trace, offset)
        breaks = sum(isinstance(b, SceneBreak) for b in chapter.blocks)
        trace.append((offset + span.line, f"chapter {chapter.number}: {_heading_string(heading)} "
                      f"({word_count(chapter.blocks)} words, {breaks} scene breaks, {len(chapter.notes)} notes)"))
        chapters.append(chapter)
    return chapters


def _chapter(number: int, span: _Span, part: str, layout: Layout, trace: list, offset: int) -> Chapter:
    blocks, notes, found = split_notes(span.lines, layout)
    first = span.line + (span.heading is not None)  # the span's lines start under its heading
    trace.extend((offset + first + line, what) for line, what in found)
    heading = span.heading or Heading(MARKDOWN, "", "")
    return Chapter(number, blocks, title=heading.title, label=heading.label, notes=notes, part=part)


def _blank_runs_as_breaks(lines: list[str]) -> list[str]:
    """Where paragraphs are one blank line apart, three or more blank lines are a scene break."""
    gaps: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate(lines):
        if not line.strip():
            start = index if start is None else start
        elif start is not None:
            if start > 0:
                gaps.append((start, index))
            start = None
    singles = sum(1 for a, b in gaps if b - a == 1)
    if len(gaps) < 5 or singles < 0.6 * len(gaps):
        return lines
    out = list(lines)
    for a, b in gaps:
        if b - a >= 3:
            out[a + 1] = BREAK
    return out


def _heading_string(heading: Heading) -> str:
    return heading_text(heading.label, heading.title)


def _heading_paragraph(heading: Heading) -> Paragraph:
    return Paragraph((Text(_heading_string(heading)),))
