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
  * a paragraph opening with "A/N:", "Author's Note:", "(A/N …)" or "[Author's note: …]" at a
    chapter's start or end is a note of that chapter, kept word for word;
  * a header the writer pastes above every chapter (disclaimer, thanks, the title and byline), known
    by standing above the first chapter too, is the opening note of the chapter it stands above.
"""

from __future__ import annotations

import re
from functools import partial

from msgspec import Struct
from msgspec.structs import replace

from .blocks import BREAK, SUBHEADING, Layout, is_scene_break, paragraph, read_layout, to_blocks
from .contents import key
from .inline import EDITION_MARKS, as_plain
from .notes import split_notes
from .headings import ENTRY, LINE, MARKDOWN, NUMERAL, PART, SECTION, SPECIAL, Heading, heading_text, numbered_label
from .matter import EDITION_TITLE, after_the_end, back_matter_title, closes_story, opens_the_story, prefatory
from .outline import find_headings
from ..options import Settings
from ..model import (Block, Chapter, Note, Paragraph, Placement, SceneBreak, Section, Text, has_text, inline_text, trim_breaks,
                     set_in_lines, word_count, words_in)
from ..patterns import lazy

_CONTENTS_WORDS = 20  # an early heading whose label comes back later, over fewer words, is a contents entry
_BACK_ENTRY_WORDS = 500  # an entry of an index at the back, with its argument; a second book's chapter is longer
_SHORTER = 3  # an entry's argument is shorter than a third of the chapter it names
_ENTRY_WORDS = 150  # a contents entry with its argument ("Chapter I. Civilizing Huck.--Miss Watson…")
_LIST_WORDS = 5  # a run of headings with fewer words than this under each is a contents list


class _Span(Struct):
    """The lines from one heading to the next, parsed into blocks once they are needed."""

    line: int  # index of the heading line (or of the first line, for the opening span)
    heading: Heading | None
    lines: list[str]
    blocks: tuple[Block, ...] = ()
    parsed: bool = False  # ``blocks`` are ``to_blocks(lines)`` as they stand: a chapter without notes reuses them
    typed: str = ""  # the heading's line as written, for when it turns out to be text
    header: tuple[Block, ...] = ()  # the writer's header pasted above this chapter's heading


class Structure(Struct, frozen=True):
    """The chapters found, what stands before them, and the trace --debug-structure prints."""

    chapters: list[Chapter]
    front: tuple[Block, ...]  # what stands before the first heading, when the story starts there
    trace: list[tuple[int, str]]
    back: tuple[Section, ...] = ()  # notes, index, errata after the last chapter


def build_chapters(lines: list[str], settings: Settings, offset: int = 0,
                   given: dict[int, Heading] | None = None, expected: int = 0, edition: bool = False,
                   above: list[str] | None = None) -> Structure:
    """``given``: headings a site reader found (line → heading), used instead of detection; such an
    export marks its scene breaks itself, so its runs of blank lines are only spacing.
    ``expected``: the chapters the site's header counts (0: it says nothing). ``edition``: a
    printed book's text (Project Gutenberg's), whose pages before the first chapter are its own.
    ``above``: the lines over ``lines`` that were read as the story's front matter."""
    layout = read_layout(lines, settings)
    if edition and layout.emphasis:
        layout = replace(layout, emphasis=EDITION_MARKS)
    if settings.scene_breaks and not given:
        lines = _blank_runs_as_breaks(lines)
    trace: list[tuple[int, str]] = []
    width = layout.width if layout.wrapped and not layout.indented else 0
    headings, consumed = find_headings(lines, settings, trace, offset, width, expected) if settings.chapters else ({}, set())
    if given and settings.chapters and settings.pattern is None:
        headings, consumed = dict(given), set()
    spans = _spans(lines, headings, consumed, layout)
    spans = _without_contents(spans)
    _headers_to_their_chapters(spans, above or [], layout, trace, offset)
    front: tuple[Block, ...] = ()
    leading = prefatory([span.heading for span in spans[1:]]) or _set_smaller_above(spans)
    if leading:
        for span in spans[1:1 + leading]:
            trace.append((offset + span.line, f"front matter: {_heading_string(span.heading)!r} before the story"))
            _merge(spans[0], span)
        spans = [spans[0]] + spans[1 + leading:]
    front_notes: tuple[Note, ...] = ()
    if len(spans) > 1 and has_text(spans[0].blocks) and opens_the_story(spans[1].heading) \
            and (edition or not (_a_scene(spans[0].blocks) or _the_most(spans))):
        front, front_notes, found = _split_notes(spans[0], layout)  # a note up there is still a note
        trace.extend((offset + line, what) for line, what in found)
        spans = [_Span(0, None, [])] + spans[1:]
        trace.append((offset, f"front matter: {word_count(front)} words before the first heading, "
                              f"{_heading_string(spans[1].heading)!r}, which opens the story"))
    chapters = _chapters(spans, trace, offset, layout)
    if front_notes and chapters:  # they stood before the story: before its first chapter
        moved = tuple(replace(n, placement=Placement.BEFORE, at=0) for n in front_notes)
        chapters[0] = replace(chapters[0], notes=moved + chapters[0].notes)
    back: tuple[Section, ...] = ()
    while len(chapters) > 2 and not (chapters[-1].label or chapters[-1].notes) and back_matter_title(chapters[-1].title):
        last = chapters.pop()  # "FOOTNOTES" at the end, a heading because the contents list names it
        back = (Section(back_matter_title(last.title), (paragraph(last.title),) + last.blocks),) + back
        trace.append((offset + spans[-len(back)].line, f"back matter: {last.title!r} after the last chapter"))
    if len(chapters) > 1:  # notes, an index, errata after the last chapter are the edition's back matter
        last = offset + spans[-1 - len(back)].line
        chapters[-1], more = _without_back_matter(chapters[-1], trace, last)
        back = more + back
        if edition:  # a printed book's last pages after its "THE END"
            chapters[-1], after = after_the_end(chapters[-1])
            if after:
                back = (Section(EDITION_TITLE, after),) + back
                trace.append((last, f"back matter after the last chapter: {word_count(after)} words after its end "
                                    "mark, from the original edition"))
    return Structure(chapters, front, trace, back)


_SPOKEN = frozenset("“\"«「『—‘„")
_SCENE_PARAGRAPHS, _SCENE_LINES_SPOKEN = 6, 2


def _a_scene(blocks: tuple[Block, ...]) -> bool:
    """Text above the first chapter that is the story's opening scene, not a preface or a title
    page: several paragraphs, people speaking in some of them (a fan fiction's untitled opening
    under its summary, before "Day One"). A preface or a dedication hardly quotes anyone."""
    texts = [inline_text(b.inlines).lstrip() for b in blocks if isinstance(b, Paragraph)]
    return len(texts) >= _SCENE_PARAGRAPHS and sum(t[:1] in _SPOKEN for t in texts) >= _SCENE_LINES_SPOKEN


def _the_most(spans: list[_Span]) -> bool:
    """Is the text above the first heading more than all the text under the headings? Then it is
    the story, and the headings near the end hold what follows it ("## Rambling:", a thank-you);
    front matter is short beside the story."""
    above = word_count(spans[0].blocks)
    below = 0
    for span in spans[1:]:
        below += word_count(span.blocks, enough=above + 1 - below)
        if below > above:
            return False
    return True


def _set_smaller_above(spans: list[_Span]) -> int:
    """How many headings over nothing open the file, each set smaller than the first chapter's
    ("#### For my friend." over "## Chapter 1"): a dedication, a byline; the story's front matter."""
    first = next((i for i, span in enumerate(spans[1:], 1) if has_text(span.blocks)), None)
    if first is None or first == 1 or spans[first].heading.level == 0:
        return 0
    above = spans[1:first]
    return len(above) if all(span.heading.level > spans[first].heading.level for span in above) else 0


def _without_back_matter(chapter: Chapter, trace: list, line: int) -> tuple[Chapter, tuple[Section, ...]]:
    titles = ((i, back_matter_title(inline_text(b.inlines))) for i, b in enumerate(chapter.blocks) if isinstance(b, Paragraph))
    starts = [(i, title) for i, title in titles if title]
    if not starts or not has_text(chapter.blocks[:starts[0][0]]):
        return chapter, ()
    cuts = [i for i, _ in starts] + [len(chapter.blocks)]
    sections = tuple(Section(title, chapter.blocks[a:b]) for (a, title), b in zip(starts, cuts[1:]))
    trace.append((line, f"back matter after the last chapter: {', '.join(s.title for s in sections)}"))
    return replace(chapter, blocks=trim_breaks(chapter.blocks[:starts[0][0]])), sections


def _spans(lines: list[str], headings: dict[int, Heading], consumed: set[int], layout: Layout) -> list[_Span]:
    spans = [_Span(0, None, [])]
    for index, line in enumerate(lines):
        if index in headings and headings[index].kind == LINE:  # a paragraph of its own, not a heading
            spans[-1].lines.extend(["", line, ""])
        elif index in headings and headings[index].kind == ENTRY:  # a paragraph starts here
            spans[-1].lines.extend(["", line])
        elif index in headings and headings[index].kind == SECTION:  # a heading inside the chapter
            spans[-1].lines.extend(["", SUBHEADING + _section_text(line, headings[index]), ""])
        elif index in headings:
            spans.append(_Span(index, headings[index], [], typed=line.strip()))
        elif index in consumed:
            continue
        else:
            spans[-1].lines.append(line)
    for span in spans:
        span.blocks, span.parsed = tuple(to_blocks(span.lines, layout)), True
    return spans


_HEADER_PARAGRAPHS = 12  # a header pasted above every chapter holds at most this many paragraphs
_WORD_RUN = lazy(r"\w+")


def _headers_to_their_chapters(spans: list[_Span], above: list[str], layout: Layout, trace: list[tuple[int, str]],
                               offset: int) -> None:
    """A fan fiction site's chapters each open with the writer's header (disclaimer, thanks, the
    story's title and byline) above the chapter's heading; in one text file it ends the chapter
    before, where it would close that chapter's story or end note. It is known by standing above
    the first chapter as well, and above half the chapters at least. It becomes the next
    chapter's opening note: the writer speaking, not the story."""
    if len(spans) < 3:
        return
    top = above + [""] + spans[0].lines
    seen_above = {_paragraph_words(top[a:b]) for a, b in _last_paragraphs(top, len(top))} - {""}  # "": a rule
    cuts = {position: cut for position, span in enumerate(spans[1:-1], start=1)
            if (cut := _header_start(span.lines, seen_above)) is not None}
    if not cuts or 2 * len(cuts) < len(spans) - 2:
        return  # above a chapter here and there: the text's own words, said again
    for position, cut in sorted(cuts.items(), reverse=True):  # from the last: each cut as the file has it
        span, following = spans[position], spans[position + 1]
        header = span.lines[cut:]
        following.header = trim_breaks(tuple(to_blocks(header, layout)))
        span.lines = span.lines[:cut]
        span.blocks, span.parsed = tuple(to_blocks(span.lines, layout)), True
        trace.append((offset + following.line, f"{len(_last_paragraphs(header, len(header)))} paragraphs before "
                      f"{_heading_string(following.heading)!r}: the header that stands above the first chapter too"))


def _header_start(lines: list[str], seen_above: set[str]) -> int | None:
    """Where the header closing a chapter's lines starts: at the first of its last paragraphs that
    the text above the first chapter has, when at least half of the paragraphs from there on, and
    two different ones, are there too (the writer edits a line of it now and then), and the
    chapter holds more than the header."""
    tail = _last_paragraphs(lines, _HEADER_PARAGRAPHS)
    words = [_paragraph_words(lines[a:b]) for a, b in tail]
    first = next((k for k, paragraph in enumerate(words) if paragraph in seen_above), None)
    if first is None:
        return None
    known = [paragraph for paragraph in words[first:] if paragraph in seen_above]
    cut = tail[first][0]
    if len(set(known)) >= 2 and 2 * len(known) >= len(words) - first and any(line.strip() for line in lines[:cut]):
        return cut
    return None


def _last_paragraphs(lines: list[str], most: int) -> list[tuple[int, int]]:
    """The (start, end) lines of the last ``most`` runs of lines between blank lines, in order."""
    runs: list[tuple[int, int]] = []
    end = len(lines)
    while end > 0 and len(runs) < most:
        while end > 0 and not lines[end - 1].strip():
            end -= 1
        start = end
        while start > 0 and lines[start - 1].strip():
            start -= 1
        if start < end:
            runs.append((start, end))
        end = start
    return runs[::-1]


def _paragraph_words(lines: list[str]) -> str:
    """A paragraph's words alone, to know it again when it is marked up or punctuated anew; none
    for a scene break (blank lines made into one, "* * *"), which every part of a text may have."""
    if len(lines) == 1 and (lines[0] == BREAK or is_scene_break(lines[0])):
        return ""
    return " ".join(_WORD_RUN.findall(" ".join(lines).casefold()))


def _section_text(line: str, heading: Heading) -> str:
    """The line as written ("II.", "September 5th."), without a Markdown heading's marks, and
    with the title it took from the lines under it ("I." over "THE EVE OF THE WAR")."""
    text = line.strip()
    if text.startswith("#"):
        return heading_text(heading.label, heading.title)
    if len(text) > 2 and text[0] in "_*" and text.endswith((text[0], text[0] + ".")):  # "_Lucy's Diary._"
        text = text.strip(text[0])
    if not heading.title or heading.title in text:
        return text
    for start in range(len(text)):  # "SCENE I. In the Orchard. Frog-eye drags the" over "captive Prince…", the
        if heading.title.startswith(text[start:].lstrip()) and text[start:].strip():  # title taken from both
            return text[:start].rstrip() + " " + heading.title
    return f"{text} {heading.title}"


def _without_contents(spans: list[_Span]) -> list[_Span]:
    """Headings that list the chapters rather than begin them go back to being text."""
    demote = set()
    # (its part, its label): "Arc 2 Chapter 1" is no "Arc 1 Chapter 1", nor is BOOK THE SECOND's
    # "CHAPTER THE FIRST" BOOK THE FIRST's (a part's heading, or the part the contents list names)
    parts = _parts_above(spans)
    labels_later: dict[tuple[str, str], int] = {}
    for position, span in enumerate(spans):
        if span.heading and span.heading.label:
            labels_later[(span.heading.part or parts[position], _key(span.heading))] = position
    previous_demoted = False
    seen: dict[tuple[str, str], int] = {}  # the labels of the headings kept since the last part heading, and where
    # each span's words, counted once and only as far as the questions below need; the one about
    # 500 words counts again, further, for the rare heading it is asked of; the text before the
    # first heading is never asked about
    words = [0] + [word_count(span.blocks, enough=_ENTRY_WORDS) for span in spans[1:]]
    for position, span in enumerate(spans[1:], start=1):
        heading = span.heading
        short = words[position] < _CONTENTS_WORDS
        label = (heading.part or parts[position], _key(heading))
        repeated = heading.label and labels_later.get(label, position) > position
        if heading.kind == PART:
            seen = {}
        elif heading.label and heading.number and label in seen and _an_entry(span, spans[seen[label]]) \
                and _may_name(heading, spans[seen[label]].heading):
            demote.add(position)
            previous_demoted = True
            continue
        neighbours = [p for p in (position - 1, position + 1) if 0 < p < len(spans)]
        bare = words[position] < _LIST_WORDS and heading.kind != PART
        in_a_list = bare and len(neighbours) == 2 and all(
            words[n] < _LIST_WORDS and spans[n].heading.kind != PART for n in neighbours)
        listed = previous_demoted and words[position] < _ENTRY_WORDS and not any(map(set_in_lines, span.blocks))  # the contents
        # list goes on: an entry holds its argument, never a poem's stanzas (Dickinson's "I." to "XIV." of "I. LIFE.")
        if (repeated and (short or listed)) or in_a_list:
            demote.add(position)
        elif heading.label and heading.number:
            seen.setdefault(label, position)
        previous_demoted = position in demote
    kept: list[_Span] = []
    for position, span in enumerate(spans):
        if position in demote:
            _merge(kept[-1], span)
        else:
            kept.append(span)
    return kept


def _an_entry(span: _Span, chapter: _Span) -> bool:
    """Is a heading whose label a chapter above already had an entry of a contents list at the
    back? Then little stands under it: fewer words than an entry's argument, and far fewer than
    the chapter it names. Chapters numbered from one again (a second book without its heading)
    are as long as the first book's, however short those are."""
    words = word_count(span.blocks, enough=_BACK_ENTRY_WORDS)
    return words < _BACK_ENTRY_WORDS and _SHORTER * words < word_count(chapter.blocks, enough=_SHORTER * words + 1)


def _may_name(entry: Heading, chapter: Heading) -> bool:
    """Could a heading be a contents entry for a chapter of the same label? Not when both have
    titles and they differ: a story that numbers its chapters by another book's ("Chapter 8:
    Maeedas" after "Chapter 8: A Series of Unfortunate Events", Genesis 8 retold) has two chapters."""
    one, other = key(entry.title), key(chapter.title)
    return not (one and other) or one.startswith(other) or other.startswith(one)


def _merge(into: _Span, span: _Span) -> None:
    """A heading that is not one goes back into the text before it, as a line of its own."""
    into.blocks += (_heading_paragraph(span),) + span.blocks
    into.lines += ["", _as_typed(span), ""] + span.lines
    into.parsed = False  # the heading's paragraph is kept as plain text, which the lines would not give


def _parts_above(spans: list[_Span]) -> list[str]:
    """For each span, the label of the part heading over it ("" before any)."""
    parts, part = [], ""
    for span in spans:
        if span.heading and span.heading.kind == PART:
            part = _key(span.heading)
        parts.append(part)
    return parts


def _key(heading: Heading) -> str:
    """The label, its number as a value: a play's list of scenes says "ACT I", its text "FIRST ACT"."""
    numbered = numbered_label(heading)
    return f"{numbered[0]} {numbered[1]}" if numbered else " ".join(heading.label.lower().split())


# Chapters ---------------------------------------------------------------------------------------


def _chapters(spans: list[_Span], trace: list[tuple[int, str]], offset: int, layout: Layout) -> list[Chapter]:
    chapters: list[Chapter] = []
    opening, rest = spans[0], spans[1:]
    if has_text(opening.blocks) or not rest:
        chapters.append(_chapter(1, opening, "", layout, trace, offset))
        trace.append((offset, f"chapter 1, untitled: {chapters[0].words} words"))
    part, part_kind, opened = "", "", False  # opened: a chapter stands under the part heading
    part_level = 0  # the part's Markdown level, when it is a part for standing over deeper headings
    carried: tuple[Block, ...] = ()
    listed = ""  # the part the contents list last named
    for position, span in enumerate(rest):
        heading = span.heading
        following = rest[position + 1].heading if position + 1 < len(rest) else None
        brief = heading.kind == PART and following is not None and following.kind != PART and (part or not chapters) \
            and word_count(span.blocks, enough=_PART_WORDS) < _PART_WORDS  # a running title, a motto under it
        # (among parts, or before any chapter: a "Part 2: is below" amid chapters without parts is none)
        if not has_text(span.blocks) or brief:
            if heading.kind == PART or (following is not None and _kind(following) != _kind(heading)
                                        and not heading.level > following.level > 0) \
                    or (following is not None and 0 < heading.level < following.level):  # "##" over "###"
                # is a part; "####" is none over "##"
                part = _stacked(part if not opened else "", _heading_string(heading))  # "PART I" over "Book I"
                part_kind, opened = _kind(heading), False
                part_level = heading.level if heading.kind != PART else 0
                trace.append((offset + span.line, f"part: {part}"))
                carried += trim_breaks(span.blocks)  # the few words under it open its first chapter
                continue
            if chapters:  # a last heading with nothing under it: keep it as text
                last = chapters[-1]
                chapters[-1] = replace(last, blocks=last.blocks + (_heading_paragraph(span),))
                continue
            if following is not None:  # a first heading with nothing under it ("#### Translator: …"): the
                carried += (_heading_paragraph(span),)  # next chapter's first line, not an empty chapter
                trace.append((offset + span.line, f"not a chapter: {_heading_string(heading)!r}: nothing under it"))
                continue
        elif opened and (_kind(heading) == part_kind and not heading.level > part_level > 0 or 0 < heading.level <= part_level):
            part, part_kind, part_level = "", "", 0  # the part's own kind (or level), now with text: the part is over
            # (right under the part's heading, it is the part's first chapter: "Book I" over "Part 1: Teacup")
        kind = _special_kind(heading)
        if part and (kind == "epilogue" or (heading.kind == SPECIAL and following is not None and following.kind == PART)):
            part, part_kind = "", ""  # an epilogue after the last part, an interlude between parts: the book's
        said = key(heading.part) != key(part) and key(heading.part) in key(part)  # the text's own part says it and more
        if heading.part and heading.part not in (part, listed) and not said:
            # the contents list says which part, its heading in the text or not
            part = _stacked(part if not opened else "", heading.part)  # the text's own part heading stays
            part_kind, listed = PART, heading.part
            trace.append((offset + span.line, f"part: {part} (from the contents list)"))
        chapter = replace(_chapter(len(chapters) + 1, span, part, layout, trace, offset), kind=kind)
        if carried:
            chapter, carried = replace(chapter, blocks=carried + chapter.blocks), ()
        opened = True
        breaks = sum(isinstance(b, SceneBreak) for b in chapter.blocks)
        trace.append((offset + span.line, f"chapter {chapter.number}: {_heading_string(heading)} [{heading.signal}] "
                      f"({chapter.words} words, {breaks} scene breaks, {len(chapter.notes)} notes)"))
        chapters.append(chapter)
    return chapters


def _kind(heading: Heading) -> str:
    """A heading's kind, numerals of two families being two ("— I —" over "[ 1 ]": Ulysses' parts
    over its episodes, each counted on its own)."""
    return f"{NUMERAL} {heading.number[:1].isdigit()}" if heading.kind == NUMERAL else heading.kind


def _stacked(above: str, part: str) -> str:
    """A part heading under another that no chapter stands under yet: both names, once each."""
    return f"{above} · {part}" if above and key(above) != key(part) else part


_PART_WORDS = 12  # under a part's heading, fewer words than this (a running title) do not make it a chapter
_PROLOGUE = lazy(r"^(?:prolog|pr[oó]log|пролог)", re.IGNORECASE)


def _special_kind(heading: Heading) -> str:
    if heading.kind != SPECIAL:
        return "chapter"
    return "prologue" if _PROLOGUE.match(heading.label) else "epilogue" if closes_story(heading) else "chapter"


def _chapter(number: int, span: _Span, part: str, layout: Layout, trace: list, offset: int) -> Chapter:
    blocks, notes, found = _split_notes(span, layout)
    first = span.line + (span.heading is not None)  # the span's lines start under its heading
    trace.extend((offset + first + line, what) for line, what in found)
    heading = span.heading or Heading(MARKDOWN, "", "")
    plain = partial(as_plain, markdown=layout.markdown)  # "_Boy and Girl_", "Ace\'s": marks are no part of a title
    heading, part = replace(heading, title=plain(heading.title), label=plain(heading.label)), plain(part)
    if span.header:
        notes = (Note(span.header, Placement.BEFORE),) + notes
    return Chapter(number, blocks, title=heading.title, label=heading.label, notes=notes, part=part)


def _split_notes(span: _Span, layout: Layout):
    """The span's story blocks and notes; its blocks as parsed already serve when it has no note."""
    return split_notes(span.lines, layout, span.blocks if span.parsed else None)


def _blank_runs_as_breaks(lines: list[str]) -> list[str]:
    """Where paragraphs are one blank line apart, three or more blank lines are a scene break
    (unless they space a stretch of one-line paragraphs, ``_SPACING_RUN``, or the lines of a title
    page above the text's first sentence: no scene has begun there)."""
    first_sentence = next((index for index, line in enumerate(lines) if _a_sentence(line)), len(lines))
    gaps: list[tuple[int, int, bool]] = []  # (first blank line, next text line, one line of text before it)
    start, text_lines = None, 0
    for index, line in enumerate(lines):
        if not line.strip():
            start = index if start is None else start
        elif start is not None:
            if start > 0:
                gaps.append((start, index, text_lines == 1))
            start, text_lines = None, 1
        else:
            text_lines += 1
    singles = sum(1 for a, b, _ in gaps if b - a == 1)
    if len(gaps) < 5 or singles < 0.6 * len(gaps):
        return lines
    out = list(lines)
    run: list[int] = []  # the wide gaps of one size in a row so far, one paragraph of one line between each
    size = 0
    for a, b, single in gaps + [(0, 1, False)]:  # a narrow gap at the end closes the last run
        # (a divider between two gaps is a break of its own, not a paragraph)
        if b - a >= 3 and (not run or b - a == size and single and not is_scene_break(lines[a - 1])):
            run.append(a)
            size = b - a
            continue
        if len(run) < _SPACING_RUN:
            for start in run:
                if start > first_sentence:
                    out[start + 1] = BREAK
        run, size = ([a], b - a) if b - a >= 3 else ([], 0)
    return out


def _a_sentence(line: str) -> bool:
    """A line of the story's prose, not of a title page: a sentence of four words or more, or a
    line of twelve words (an ideograph counting as a word)."""
    words = words_in(line)
    return words >= 12 or words >= 4 and line.rstrip().endswith((".", "!", "?", "…", "”", "\"", "»", "。", "」"))


# Gaps of one width, wider than the text's, around one paragraph after another are a stretch spaced
# wider (pasted from elsewhere, a web novel's last chapters), not a scene break after each paragraph.
_SPACING_RUN = 3


def _heading_string(heading: Heading) -> str:
    return heading_text(heading.label, heading.title)


def _heading_paragraph(span: _Span) -> Paragraph:
    typed = _as_typed(span)
    return paragraph(typed) if typed == span.typed else Paragraph((Text(typed),))  # "**Chapter 1**" as bold


def _as_typed(span: _Span) -> str:
    """A heading that is text after all, as written ("ACT I. A Flat in Town.", not "ACT I: …"),
    unless it took its title from the lines below or is Markdown's ("# …")."""
    heading, typed = span.heading, span.typed
    if not typed or typed.startswith("#") or (heading.title and heading.title not in typed):
        return _heading_string(heading)
    return typed
