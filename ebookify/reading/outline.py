"""Which lines of a file are its headings, from every signal it gives, strongest first.

  * the file's own contents list (contents.py): lines it names are headings, and, when it names
    chapters, other candidates between them are sub-sections and stay text;
  * keyword and Markdown headings ("Chapter 3", "Letter 4", "STAVE I", "Prologue", "# Title")
    count wherever they stand (headings.py);
  * bare numerals ("IV.") and numbered titles ("1. AT THE BAY.") count only as a family: twice or
    more, rising, each after a blank line (any line, in a file without blank lines);
  * a bare numeral takes the title under it: one to three lines in capitals, after a blank line or
    a rule, joined into one title with the numeral kept apart as its label;
  * titles alone on their lines, set off like headings, count when the site's header says how
    many chapters there are and they make up that number (families.py).
Every decision goes to the trace, for --debug-structure.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from msgspec.structs import replace

from .blocks import BREAK, gaps_after, usual_gap
from .contents import Contents, find_back_contents, find_contents, is_contents_word, later_lists, match_lines, part_of
from .notes import inside_ao3_notes, is_marker
from .families import (DATE, date_heading, keep_alphabet_family, keep_bracketed_parts, keep_counted_titles,
                       keep_date_family, keep_labelled_family, keep_set_off_titles, labelled_heading, next_text_line)
from .headings import ENTRY, episodes_under_arcs, keyword_label, is_numeral_line, numbered_label, ends_with_page_number, CHAPTER, LINE, LISTED, MARKDOWN, NUMBERED, NUMERAL, PART, SECTION, SPECIAL, TITLED, Heading, is_title_line, markdown_level, match_heading, numeral_value
from ..options import Settings
from ..patterns import lazy


# Headings --------------------------------------------------------------------------------------


def find_headings(lines: list[str], settings: Settings, trace: list, offset: int = 0,
                  width: int = 0, expected: int = 0) -> tuple[dict[int, Heading], set[int]]:
    """The heading lines, and the lines they took as their titles. ``width``: the wrap column of a
    hard-wrapped file (0 when lines are paragraphs); ``expected``: the chapters its site counts."""
    found: dict[int, Heading] = {}
    fenced = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if fenced or not line.strip():
            continue
        heading = match_heading(line, settings.pattern) or (
            (date_heading(line) or labelled_heading(line)) if settings.pattern is None else None)
        if heading:
            found[index] = replace(heading, signal=heading.signal or _SIGNALS.get(heading.kind, "keyword"))
    for index in [i for i in found if _runs_on(lines, i, found)]:
        trace.append((offset + index, f"rejected {lines[index].strip()!r}: the end of the sentence on the line above"))
        del found[index]
    for index in [i for i in found if inside_ao3_notes(lines, i)]:
        trace.append((offset + index, f"rejected {lines[index].strip()!r}: a line of the chapter's notes"))
        del found[index]
    found = _without_page_headers(lines, found, trace, offset)
    blankless = sum(1 for line in lines if not line.strip()) < 0.05 * len(lines)
    for kind in (NUMERAL, NUMBERED, TITLED):
        for roman in (True, False):  # "I", "II" and "1", "2" are two families, never one
            found = _keep_if_consistent(lines, found, kind, roman, blankless, trace, offset)
    found = keep_alphabet_family(lines, found, blankless, trace, offset)
    found = keep_bracketed_parts(lines, found, trace, offset)
    found = keep_date_family(lines, found, blankless, trace, offset)
    found = keep_labelled_family(lines, found, blankless, trace, offset)
    if settings.pattern is None:
        found = keep_counted_titles(lines, found, expected, blankless, trace, offset)
        found = keep_set_off_titles(lines, found, blankless, trace, offset)
    found = episodes_under_arcs(found, trace, offset)
    found = _repeated_headings(lines, found, trace, offset)
    found = _sections_under_keywords(lines, found, trace, offset)
    found = _sections_in_markdown(lines, found, trace, offset)
    consumed: set[int] = set()
    owner: dict[int, int] = {}
    for index in [i for i, h in found.items() if h.kind in (CHAPTER, SPECIAL) and not h.title and i + 1 in found
                  and found[i + 1].kind == MARKDOWN and 0 < markdown_level(lines[i]) < markdown_level(lines[i + 1])]:
        found[index] = replace(found[index], title=found.pop(index + 1).title)  # "# Chapter One" right over
        consumed.add(index + 1)  # "## The Boy Who Stayed Home": one heading, the deeper line its title
        owner[index + 1] = index
    if width and not blankless:
        found = _wrapped_titles(lines, found, consumed, width, trace, offset)
    below = {index: _title_below(lines, index, found, blankless) for index, heading in found.items()
             if not heading.title and heading.kind not in (PART, LINE)}  # a bare label may take the line(s) below it
    below.update(_titles_after_a_gap(lines, found, below) if not blankless else {})
    below.update(_titles_over_a_wider_gap(lines, found, below) if not blankless else {})
    below.update(_titles_right_under(lines, found, below) if not blankless else {})
    below.update({index: _subtitle_below(lines, index, found, blankless) for index, heading in found.items()
                  if not heading.title and heading.kind == PART})
    for index, title_lines in below.items():
        if title_lines:  # (a rule, or the label's numeral said again ("CHAPITRE II." / "II"), is taken, not shown)
            number = found[index].number.casefold()
            found[index] = replace(found[index], title=" ".join(
                lines[j].strip() for j in title_lines if not _is_rule(lines[j]) and lines[j].strip(" .").casefold() != number))
            consumed.update(title_lines)
            owner.update((j, index) for j in title_lines)
    if settings.pattern is None:
        found = _by_contents(lines, found, consumed, owner, trace, offset)
    return found, consumed


_SIGNALS = {NUMERAL: "numeral in sequence", NUMBERED: "numbered title in sequence", TITLED: "numbered title in sequence",
            "markdown": "markdown"}
_WHOLE = 0.9  # a list that names this share of its entries leaves out the rest on purpose
_TRUST = 0.5  # share of a contents list's entries that must be found for the list to name the headings
_TRUST_UNLABELLED = 0.8  # of a list under no contents word (it may be verse, or a list in the story)


def _by_contents(lines: list[str], found: dict[int, Heading], consumed: set[int], owner: dict[int, int],
                 trace: list, offset: int) -> dict[int, Heading]:
    contents = find_contents(lines) or find_back_contents(lines)
    if contents is None:
        return found
    matched = match_lines(lines, contents)
    share = len(matched) / len(contents.entries)
    trace.append((offset + contents.start, f"contents list: {len(contents.entries)} entries, {len(matched)} found "
                                           f"in the text ({share:.0%})"))
    trusted = len(matched) >= 2 and share >= (_TRUST_UNLABELLED if contents.unlabelled else _TRUST)
    if not (trusted or contents.labelled):  # a numbered list in the story ("1. Magic is fading."), no contents:
        return found  # the headings among its lines stay headings
    later = later_lists(lines, contents) if not contents.back else []  # each volume's own list
    reach = _opening(lines, later[0].start, found) if later else len(lines)  # where this list stops naming headings
    inside = [i for i in found if any(listed.start <= i < listed.end for listed in (contents, *later))]
    for index in inside:
        trace.append((offset + index, f"rejected {lines[index].strip()!r}: an entry of the contents list"))
    found = {i: replace(h, kind=ENTRY) if i in inside else h for i, h in found.items()}
    for index in (i for listed in (contents, *later) for i in _entry_starts(lines, listed)):  # an entry a
        if index not in found and index not in consumed:  # paragraph, never the list run into one
            found[index] = Heading(ENTRY, lines[index].strip())
    for line in [j for j, heading in owner.items() if heading in inside]:  # an entry keeps the lines under it
        consumed.discard(line)
        del owner[line]
    for listed in (contents, *later):  # every line of a list is its text: no heading in it took a title
        consumed.difference_update(range(listed.start, listed.end))  # ("Chapter i -- … bill of fare to the" / "feast.")
    if not trusted:
        return found
    for index in [i for i, h in found.items() if i < contents.start and h.kind in (PART, CHAPTER) and not contents.back]:
        trace.append((offset + index, f"rejected {lines[index].strip()!r}: above the contents list (the title page)"))
        found[index] = replace(found[index], kind=LINE)  # "_VOL. XII_" over the list: the edition's, not the story's
    listed: set[int] = set()
    for index, (entry, below) in matched.items():
        index = owner.get(index, index)  # the title under a numeral: the numeral is the heading
        label = _bare_label_above(lines, index, found, inside)
        if label is not None and label not in matched and entry not in contents.sections:  # "CHAPTER II." over "The Old Mint.", which the list gives as "II. The Old Mint"
            below = tuple(i for i in range(label + 1, index + 1) if lines[i].strip()) + tuple(below)
            index = label
        if entry in contents.sections and index not in found:
            found[index] = Heading(SECTION, " ".join(lines[i].strip() for i in (index, *below)),
                                   signal="a section the contents list gives under its chapter")
            continue
        listed.add(index)
        if index in found:
            heading = found[index]
            title = heading.title or " ".join(lines[i].strip() for i in below)  # the entry's title, set under its label
            found[index] = replace(heading, title=title, signal=heading.signal + ", in the contents list",
                                   part=part_of(contents, entry))
            if title != heading.title:
                consumed.update(below)
                owner.update((i, index) for i in below)
            continue
        text = " ".join(lines[i].strip() for i in (index, *below))
        if entry in contents.groups:  # a heading of the list itself, over the entries that follow it
            found[index] = Heading(PART, "", text, signal="a heading of the contents list")
            continue
        found[index] = replace(match_heading(text) or Heading(LISTED, "", text), signal="contents list",
                               part=part_of(contents, entry))
        consumed.update(below)
        for line in below:
            found.pop(line, None)
    if all(found[i].kind == PART for i in listed):
        return found  # a list of the parts only: the chapters under them stay chapters
    ordered = sorted(listed)
    first = ordered[0]
    if (volume := _next_volume(found, first, ordered[-1])) is not None:
        reach = min(reach, volume)
    kinds = {found[i].kind for i in listed}
    numbers: dict[str, set] = {}  # the listed labels under each part: a book's parts may number their chapters afresh
    for i in listed:
        if key := numbered_label(found[i]):
            numbers.setdefault(found[i].part, set()).add(key)
    for index in sorted(i for i, h in found.items() if first < i < reach and i not in listed and h.kind not in (LINE, ENTRY)):
        above = ordered[bisect_left(ordered, index) - 1]  # the listed heading above this one
        kind = found[index].kind  # a heading like the listed ones that the list missed stays, unless the list is whole
        key = numbered_label(found[index])
        near = numbers.get(found[above].part, set())
        if key and key not in near and any(word == key[0] for word, _ in near):
            continue  # "CHAPTER II." where the list has "CHAPTER I" and "CHAPTER IV" (its entries run together on a
            # line, or one's title is misprinted: "XVIII. The Bed Room" over the text's "The Red Room")
        subtitle = index - above <= 6 and all(not lines[i].strip() or i in consumed for i in range(above + 1, index)) \
            and not (found[above].kind == PART and kind == CHAPTER)  # "ACT I" / "SCENE I.": a part and its first chapter
        if subtitle or (kind != SPECIAL and (kind not in kinds or share >= _WHOLE) and (kind != PART or share >= _WHOLE)):
            why = "it stands right under the listed heading (a subtitle)" if subtitle else \
                "it is not in the contents list (a section of the chapter above)"
            trace.append((offset + index, f"not a chapter: {lines[index].strip()!r}: {why}"))
            found[index] = replace(found[index], kind=SECTION)
    return found


def _next_volume(found: dict[int, Heading], first: int, last: int) -> int | None:
    """Where the next volume opens, when the list's first heading stands under one ("Tom I" over
    "I. Jak wygląda firma…") and a heading of the same word follows its last ("Tom II"): the list
    named the first volume's chapters only."""
    above = [i for i in sorted(found) if i < first and found[i].kind == PART and found[i].label]
    if not above:
        return None
    word = found[above[-1]].label.split()[0].casefold()
    return next((i for i in sorted(found) if i > last and found[i].kind == PART and found[i].label
                 and found[i].label.split()[0].casefold() == word), None)


def _opening(lines: list[str], index: int, found: dict[int, Heading]) -> int:
    """Where the part of the file that line ``index`` opens begins: the headings right above it
    ("BOOK THE FIRST" over "CONTENTS OF VOLUME 2.") are its own."""
    while (above := next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)) in found:
        index = above
    return index


def _bare_label_above(lines: list[str], index: int, found: dict[int, Heading], inside: list[int]) -> int | None:
    """The heading of a label alone ("CHAPTER II.") one or two lines above a line the contents
    list names: that line is its title, set under it."""
    if index in found:
        return None
    above = next((i for i in range(index - 1, max(-1, index - 4), -1) if lines[i].strip()), None)
    heading = found.get(above) if above is not None else None
    if heading is None or above in inside or heading.title or not heading.label or heading.kind in (PART, LINE, ENTRY):
        return None
    return above


def _wrapped_titles(lines: list[str], found: dict[int, Heading], consumed: set[int], width: int,
                    trace: list, offset: int) -> dict[int, Heading]:
    """A keyword heading whose title runs to the wrap column, or into a line that goes on in lower
    case, continues below: one or two more lines
    are its title wrapped ("Capítulo II. Que trata de la primera salida que de su tierra hizo el" /
    "ingenioso don Quijote"); more are a paragraph that happens to open with a keyword."""
    for index, heading in list(found.items()):
        if not heading.title or heading.kind not in (CHAPTER, PART, SPECIAL):
            continue
        below = []
        while index + 1 + len(below) < len(lines) and lines[index + 1 + len(below)].strip() and len(below) < 3 \
                and index + 1 + len(below) not in found:
            below.append(index + 1 + len(below))
        if below and ends_with_page_number(lines[below[-1]]):
            trace.append((offset + index, f"rejected {lines[index].strip()!r}: a contents entry (a page number ends it)"))
            del found[index]
            continue
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if len(lines[index].rstrip()) < 0.75 * width and not following[:1].islower():
            continue  # a short heading: whatever follows it is not its title
        if len(below) > 2:
            trace.append((offset + index, f"rejected {lines[index].strip()!r}: the first line of a paragraph"))
            del found[index]
        elif below:
            found[index] = replace(heading, title=" ".join([heading.title] + [lines[j].strip() for j in below]))
            consumed.update(below)
    return found


def _sections_under_keywords(lines: list[str], found: dict[int, Heading], trace: list, offset: int) -> dict[int, Heading]:
    """Bare numerals under keyword chapters ("ADVENTURE I. A SCANDAL IN BOHEMIA" / "I." / … "II.")
    number the sections of a chapter, not the book's chapters."""
    keywords = sorted(i for i, h in found.items() if h.kind == CHAPTER)
    if len(keywords) < 2:
        return found
    for index in _out_of_order_labels(lines, found, keywords):
        trace.append((offset + index, f"not a chapter: {lines[index].strip()!r}: a section of the chapter above "
                                      "(a label of its own, few and not in order, among the book's chapters)"))
        found[index] = replace(found[index], kind=SECTION)
    keywords = sorted(i for i, h in found.items() if h.kind == CHAPTER)
    counted = _counted_in_chapters(found, keywords)
    # Right under a part ("Book the First--Recalled to Life" / "I" / "The Period"), numerals number
    # its chapters, whatever keyword chapters came before (a contents list's "Chapter I  The Period").
    levels = sorted(i for i, h in found.items() if h.kind in (CHAPTER, PART))
    for index in [i for i, h in found.items() if h.kind == NUMERAL and i > keywords[0]
                  and found[levels[bisect_left(levels, i) - 1]].kind != PART]:
        trace.append((offset + index, f"not a chapter: {lines[index].strip()!r}: a numbered section under the "
                                      f"keyword chapter above"))
        found[index] = replace(found[index], kind=SECTION if index in counted else LINE)
    for index in [i for i, h in found.items() if h.kind == DATE and i > keywords[0]]:  # "***November 12, 2004***"
        trace.append((offset + index, f"not a chapter: {lines[index].strip()!r}: a dated scene in the keyword chapter above"))
        found[index] = replace(found[index], kind=SECTION)
    levels = {markdown_level(lines[i]) for i in keywords}  # "# Kapitel 1: …" over "## Besuchen Sie …"
    if len(levels) == 1 and 0 not in levels:
        for index in [i for i, h in found.items() if h.kind == MARKDOWN and i > keywords[0] and markdown_level(lines[i]) > min(levels)]:
            trace.append((offset + index, f"not a chapter: {lines[index].strip()!r}: a Markdown heading a level "
                                          f"below the keyword chapters"))
            found[index] = replace(found[index], kind=SECTION)
    return found


def _sections_in_markdown(lines: list[str], found: dict[int, Heading], trace: list, offset: int) -> dict[int, Heading]:
    """ "## Afterword", a paragraph, "### About the hero": a deeper Markdown heading after text
    under a chapter's heading is a section of that chapter, and so are the deeper ones after it, up
    to the next heading of the chapter's level or higher (straight under it, with no text between,
    the chapter's heading would be a part over it). A keyword ("### Chapter 3") is a chapter still,
    but a scene's under a chapter's ("# Chapter 1" / "## Scene 1": under an act's, a play's scenes
    are its chapters). So are the headings of a level few use, above the chapters' (``_rare_levels``)."""
    level, last, inside = 0, -1, False
    upper = ""  # the kind of the heading the next deeper ones would stand under
    rare = _rare_levels(found)
    for index in sorted(found):
        heading = found[index]
        if heading.kind == MARKDOWN and heading.level in rare:
            trace.append((offset + index, f"not a chapter: {lines[index].strip()!r}: a Markdown level few headings "
                                          "use, first inside a chapter of a deeper one"))
            found[index] = replace(heading, kind=SECTION)
            continue
        deeper = heading.level > level > 0 and (heading.kind == MARKDOWN or upper in (CHAPTER, SPECIAL)
                                                  and heading.kind == CHAPTER and _SCENE.match(heading.label) is not None)
        if deeper and (inside or _text_between(lines, found, last, index)):
            trace.append((offset + index, f"not a chapter: {lines[index].strip()!r}: a section of the chapter "
                                          "above, a Markdown level deeper, after its text"))
            found[index] = replace(heading, kind=SECTION)
            inside = True
            continue
        level, last, inside, upper = heading.level, index, False, heading.kind
    return found


_SCENE = lazy(r"^(?:scene|scène|szene|escena|scena|cena|сцена)\b", re.IGNORECASE)


_REPEATS = 5  # the same heading this often: a mark the writer sets between scenes


def _repeated_headings(lines: list[str], found: dict[int, Heading], trace: list, offset: int) -> dict[int, Heading]:
    """One short heading written alike again and again, with no number ("### meanwhile ###"
    between a manuscript's scenes; "Résumé." closing each chapter; a tale's country): the writer's
    mark inside the chapters, never a chapter each. (A heading of a divider's word, "### scenbrytning
    ###", is a scene break: blocks.py.) A collection's prompt answered five times over is five
    stories still."""
    texts = {i: f"{h.label} {h.title}".strip().strip("*_ ").casefold()  # ("### **I.**" is "i.")
             for i, h in found.items() if h.kind in (MARKDOWN, LISTED) and not h.number}
    counts = Counter(texts.values())
    for index, text in texts.items():
        if counts[text] >= _REPEATS and len(text.split()) <= 3 and not any(c.isdigit() for c in text) \
                and not is_numeral_line(text.upper()):
            trace.append((offset + index, f"not a chapter: {lines[index].strip()!r}: the same heading "
                                          f"{counts[text]} times, a mark between scenes"))
            found[index] = replace(found[index], kind=SECTION)
    return found


_MANY_CHAPTERS = 10


def _rare_levels(found: dict[int, Heading]) -> set[int]:
    """Markdown levels few headings use (one for every ten chapters, in a book of ten or more), above
    the chapters' and first used after the first of them ("VERSION 2.0 UPDATE INFORMATION" / "=====" in the
    sixtieth of a collection's "####" stories): headings inside those stories, not parts over every
    story after them (a book's parts open before its first chapter)."""
    levels = Counter(h.level for h in found.values() if h.kind == MARKDOWN and h.level)
    if not levels:
        return set()
    chapters = max(levels, key=lambda level: (levels[level], -level))  # the level most headings use
    first = {level: min(i for i, h in found.items() if h.kind == MARKDOWN and h.level == level) for level in levels}
    return {level for level in levels if level < chapters and levels[chapters] >= _MANY_CHAPTERS
            and levels[level] <= levels[chapters] // _MANY_CHAPTERS and first[level] > first[chapters]}


def _entry_starts(lines: list[str], contents: Contents) -> list[int]:
    """Where the list's entries start: at each line, but for a line that goes on from the one
    above (in small letters; or, in a list whose entries end in page numbers, after a line that
    does not: "Capítulo XXVI—Modo de ler…" wrapped over three lines, its page number on the last),
    unless it opens with its own numeral or label ("XVII. The Night-Cellar", "CHAPTER XIII")."""
    texts = [i for i in range(contents.start, contents.end) if lines[i].strip() and lines[i] != BREAK]
    ends = [i for i in texts if i + 1 >= len(lines) or not lines[i + 1].strip()]  # of entries a blank line sets apart
    paged = any(sum(1 for i in some if _PAGE_AT_END.search(lines[i])) >= 0.5 * len(some) for some in (texts, ends) if some)
    starts = []
    for i in texts:
        above = lines[i - 1] if i > contents.start else ""
        text = lines[i].strip()
        goes_on = above.strip() and above != BREAK and (text[0].islower() or paged and not _PAGE_AT_END.search(above)
                                                         and not _NUMERAL_FIRST.match(text) and not keyword_label(text))
        if not goes_on:
            starts.append(i)
    return starts


_NUMERAL_FIRST = lazy(r"^(?:[IVXLCDM]{1,8}|\d{1,4})[.):]\s")  # "XVI. Jonathan Wild's House …": an entry of its own
_PAGE_AT_END = lazy(r"(?:\d|\b[ivxlc]{1,6})\.?$")  # "… 143", "PREFACE vii"


def _text_between(lines: list[str], found: dict[int, Heading], above: int, index: int) -> bool:
    """Whether a heading has text of its own above the deeper one at ``index``. A wide gap under
    it ("# Part One", three blank lines, "## Chapter 1") is none, unless the deeper heading holds
    a line or two itself: then the gap stood between a heading and its text, as a break does."""
    between = [i for i in range(above + 1, index) if lines[i].strip() and i not in found]
    if any(lines[i] != BREAK for i in between):
        return True
    following = next((i for i in sorted(found) if i > index), len(lines))
    return bool(between) and sum(1 for i in range(index + 1, following) if lines[i].strip()) < 3


def _out_of_order_labels(lines: list[str], found: dict[int, Heading], keywords: list[int]) -> list[int]:
    """Headings of a label other than the book's chapters' that label only a few stretches of text
    inside them, and do not count up ("Act 3:", "Act 2:", "Act 1:" … inside HPMOR's "Chapter 24"):
    the book's chapters run in order under their own label; these are a chapter's sections. (A
    part's heading stands over chapters, with little or no text of its own under it.)"""
    families: dict[str, list[int]] = {}
    for index in sorted(i for i, h in found.items() if h.kind in (CHAPTER, PART) and h.label):
        families.setdefault(found[index].label.split()[0].casefold(), []).append(index)
    main = max((family for family in families.values() if family[0] in keywords), key=len, default=None)
    if main is None:
        return []
    starts = sorted(found) + [len(lines)]
    out = []
    for family in families.values():
        values = [numeral_value(found[i].number) for i in family]
        if family is main or not 2 <= len(family) * 2 <= len(main) or None in values or family[0] < main[0] \
                or all(b > a for a, b in zip(values, values[1:])):
            continue
        under = [sum(len(lines[j].strip()) for j in range(i + 1, starts[starts.index(i) + 1])) for i in family]
        alone = all(i + 1 == len(lines) or not lines[i + 1].strip() or _is_rule(lines[i + 1]) for i in family)
        if alone and all(size >= _SECTION_TEXT for size in under):  # (not the first line of a paragraph)
            out.extend(family)
    return out


_SECTION_TEXT = 100  # characters of text under a heading that makes it a section of text, not a part over chapters


def _counted_in_chapters(found: dict[int, Heading], keywords: list[int]) -> set[int]:
    """The numerals that count a chapter's sections, 1, 2, 3 in each: their numbers head the
    sections. Numbers that run on across chapters (a PDF's page numbers) are no headings."""
    counted: set[int] = set()
    numerals = sorted(i for i, h in found.items() if h.kind == NUMERAL and i > keywords[0])
    for start, stop in zip(keywords, keywords[1:] + [max(numerals, default=0) + 1]):
        inside = [i for i in numerals if start < i < stop]
        values = [numeral_value(found[i].number) for i in inside]
        if values and values == list(range(1, len(values) + 1)):
            counted.update(inside)
    return counted


def _title_below(lines: list[str], index: int, found: dict[int, Heading], blankless: bool = False) -> list[int]:
    """The title under a bare label: one to three upper-case lines, after at most one blank line
    or a rule ("I" / "-----" / "LE GUN-CLUB"); a rule between them is taken with the title. Or, in
    a file with blank lines, one line in title case right under the label and alone
    ("CHAPTER ONE" / "The Man Who Died"), where a story's first line would read as a sentence."""
    below = next_text_line(lines, index)
    taken: list[int] = []
    if below is not None and below - index <= 2 and _is_rule(lines[below]):
        taken.append(below)
        below = next_text_line(lines, below)
    if below is None or below - (taken[-1] if taken else index) > 2:
        return []
    titles = []
    while below < len(lines) and len(titles) < 3 and below not in found and is_title_line(lines[below]) \
            and not is_marker(lines[below]):  # "AUTHOR'S NOTE", "A note from …" open a note, never a title
        titles.append(below)
        below += 1
    if not titles and not taken and not blankless and below == index + 1 and below not in found \
            and (below + 1 == len(lines) or not lines[below + 1].strip()) and _in_title_case(lines[below]) \
            and not is_marker(lines[below]):
        titles.append(below)
    return taken + titles if titles else []


def _subtitle_below(lines: list[str], index: int, found: dict[int, Heading], blankless: bool) -> list[int]:
    """A part's name under its label, in capitals ("BOOK THE FIRST" / "THE DAYS BEFORE TONO-BUNGAY
    WAS INVENTED"): words of a name, never a lone label ("SCENE"), a numeral ("I.") or the part's
    contents list ("CONTENTS OF VOLUME 2.") under it."""
    taken = _title_below(lines, index, found, blankless)
    named = all(_is_rule(lines[j]) or (len(lines[j].split()) >= 2 and not is_numeral_line(lines[j])
                                       and not is_contents_word(lines[j])) for j in taken)
    return taken if named else []


def _titles_right_under(lines: list[str], found: dict[int, Heading], below: dict[int, list[int]]) -> dict[int, list[int]]:
    """"Tratado Primero" / "Cuenta Lázaro su vida, y cuyo hijo fue", "FÖRSTA KAPITLET" /
    "Stockholm i fågelperspektiv.": a short line right under a bare label, in whatever case the
    language sets titles, is its title when the file does so under nearly every label (a story's
    first line could be short once, not under every heading); the text starts with a paragraph
    line far longer than it, or after a blank line (then it ends no sentence: "It was raining."
    over a blank line is the story's first paragraph, however many chapters open so)."""
    bare = [index for index, taken in below.items() if not taken]
    titled = {}
    for index in bare:
        taken = [index + 1]
        if index + 3 < len(lines) and lines[index + 2].strip() and not lines[index + 3].strip() \
                and len(lines[index + 2]) < len(lines[index + 1]):  # a long title wrapped onto a second line
            taken.append(index + 2)
        text = " ".join(lines[i].strip() for i in taken if i < len(lines))
        after = lines[taken[-1] + 1].strip() if taken[-1] + 1 < len(lines) else ""
        if text and not found.keys() & taken and BREAK not in (lines[i] for i in taken) and not is_marker(lines[taken[0]]) \
                and len(text.split()) <= _TITLE_WORDS and text[-1] not in ",;:" and text[0] not in "\"“”'‘«(—–-" \
                and not _LABELLED.match(text) and (len(after) > 2 * len(text)  # (never "Disclaimer: …")
                                                   or not after and text[-1] not in ".!?…"):  # (a sentence over a gap: the story's)
            titled[index] = taken
    return titled if len(titled) >= 3 and len(titled) >= 0.75 * len(bare) else {}


_TITLE_WORDS = 18
_LABELLED = lazy(r"^[^\W\d_][\w'’/ ]{0,24}:\s")


def _titles_after_a_gap(lines: list[str], found: dict[int, Heading], below: dict[int, list[int]]) -> dict[int, list[int]]:
    """"CHAPTER II." / "" / "Local Customs--Civic, Aquatic, Ceremonial." / "": a line mostly in
    title case (or of four words at most, "Tarullinen salo."), alone after one blank line, is the
    title of the bare label above it when the file does so under most of its labels (a story's
    first paragraph can be one such line once, not under every heading)."""
    bare = [index for index, taken in below.items() if not taken]
    titled = {}
    for index in bare:
        line = index + 2
        if line < len(lines) and not lines[index + 1].strip() and line not in found and (line + 1 == len(lines) or not lines[line + 1].strip()) \
                and not is_marker(lines[line]) \
                and (_in_title_case(lines[line], 0.6) or len(lines[line].split()) <= 4 and _in_title_case(lines[line], 0)):
            titled[index] = [line]
    return titled if len(titled) >= 2 and len(titled) * 2 >= len(below) else {}


def _titles_over_a_wider_gap(lines: list[str], found: dict[int, Heading], below: dict[int, list[int]]) -> dict[int, list[int]]:
    """"Chapter iii." / "" / "An odd accident which befel Mr Allworthy at his return home. The" /
    "decent behaviour of Mrs Deborah Wilkins, with some proper" / "animadversions on bastards." /
    "" / "": one to four lines after one blank line under a bare label, with more blank lines under
    them than the text leaves between its paragraphs, are the label's title (Fielding's chapters
    say what they tell in a sentence or two), when the file does so under most of its labels."""
    gaps = gaps_after(lines)
    usual = usual_gap(gaps)
    titled = {}
    for index in (index for index, taken in below.items() if not taken):
        start = end = index + 2
        while end < len(lines) and lines[end].strip() and lines[end] != BREAK and end - start < _TITLE_LINES:
            end += 1
        block = range(start, end)
        if start < end and not lines[index + 1].strip() and gaps.get(end - 1, 0) > usual and not found.keys() & set(block) \
                and not is_marker(lines[start]) and sum(len(lines[j].split()) for j in block) <= _TITLE_BLOCK_WORDS:
            titled[index] = list(block)
    return titled if len(titled) >= 2 and len(titled) * 2 >= len(below) else {}


_TITLE_LINES, _TITLE_BLOCK_WORDS = 4, 60


def _in_title_case(line: str, share: float = 1.0) -> bool:
    """"The Man Who Died", "Mr. Tulliver Declares His Resolution": every word of four letters or
    more capitalised (or ``share`` of them), and no mark that ends a sentence of speech ("It was a
    dark night." is not)."""
    text = line.strip()
    words = text.split()
    if not words or len(text) > 70 or text[0] in "\"“'‘«(-—–" or text[-1] in ",;:!?\"”'’»":
        return False
    long = [word for word in words if len(word.strip(".,;:!?'’-")) >= 4]
    return words[0][:1].isupper() and sum(word[:1].isupper() for word in long) >= share * len(long)


def _without_page_headers(lines: list[str], found: dict[int, Heading], trace: list, offset: int) -> dict[int, Heading]:
    """A chapter a site serves in pages repeats its heading atop each page ("第1章 …" / … / "---"
    / "第1章 …"): the same heading again, with no other between, is a page's header, a line of
    the chapter (every word stays), and the chapter runs on."""
    previous, above = "", None
    for index in sorted(found):
        text = lines[index].strip().strip("*_#").strip()
        if text == previous and found[index].kind in (CHAPTER, PART, SPECIAL) and index - above < _PAGE * len(lines):
            why = "the heading above again, atop a page"
        elif above is not None and _renumbered(lines, above, index, found):
            why = "the heading above again in other words, the story's title between (a site's heading over the author's)"
        else:
            previous, above = text, index
            continue
        trace.append((offset + index, f"not a chapter: {lines[index].strip()!r}: {why}"))
        found[index] = replace(found[index], kind=LINE)
    return found


_PAGE = 0.6  # of the file, at most, between a page's header and the same header atop the next page: more,
# and the first is the last entry of a contents list ("Conclusion"), the second the book's last chapter


def _renumbered(lines: list[str], above: int, index: int, found: dict[int, Heading]) -> bool:
    """ "# Chapter 2: HP vs Quirrel" / "**Seventh Horcrux**" / "Ch. 2: Harry Potter vs. Quirinus
    Quirrel": a chapter's number again a few lines under its heading, a short line at most between."""
    first, second = found[above], found[index]
    between = [line for line in lines[above + 1:index] if line.strip()]
    if not (first.kind == second.kind == CHAPTER and index - above <= 8 and len(between) <= 1
            and all(len(line.split()) <= 8 for line in between)):
        return False
    one, other = numbered_label(first), numbered_label(second)
    if one is None or other is None or one[1] != other[1]:
        return False
    short, full = sorted((one[0].rstrip("."), other[0].rstrip(".")), key=len)
    return full.startswith(short)  # "Ch." for "Chapter"; never an arc's 第一章 over its episode 第1話


def _runs_on(lines: list[str], index: int, found: dict[int, Heading]) -> bool:
    """"…was Sir Walter's / introduction.", "…scorreva facilmente sulla / carta di _gluga_.": a
    line that goes on from the text right above it, in lower case or after a long line broken
    mid-sentence, is the end of a wrapped paragraph, not a heading (a heading glued under a
    paragraph's last line, "…he said. / Chapter 3", stays one)."""
    above = lines[index - 1].strip() if index else ""
    text = lines[index].strip()
    if not above or index - 1 in found or _is_rule(above) or text[:1] == "#":
        return False
    return text[:1].islower() or (len(above.split()) >= 8 and (above[-1].islower() or above[-1] in ",;"))


def _is_rule(line: str) -> bool:
    text = line.strip()
    return len(text) >= 3 and len(set(text)) == 1 and text[0] in "-–—_=*~."


def _keep_if_consistent(lines: list[str], found: dict[int, Heading], kind: str, roman: bool, blankless: bool,
                        trace: list, offset: int) -> dict[int, Heading]:
    """Bare numerals are headings only as a pattern: twice or more, rising, after a blank line
    (any line, in a file that keeps no blank lines between paragraphs), with text under them."""
    family = {i for i, h in found.items() if h.kind == kind and h.number[:1].isdigit() != roman}
    indices = sorted(i for i in family if i == 0 or blankless or not lines[i - 1].strip())
    if kind == TITLED and not blankless:  # a title in small letters could be a list's line: it needs a blank
        indices = [i for i in indices if i + 1 == len(lines) or not lines[i + 1].strip()]  # line under it too
    values = [numeral_value(found[i].number) for i in indices]
    above = []  # "XIX" (a volume of the works), "MCMIX" (the year) on the title page over "I", "II"…
    while len(indices) > 2 and None not in values[:2] and (values[0] > values[1] or values[0] == values[1]
                                                          and indices[1] < _EARLY * len(lines)):
        above.append(indices.pop(0))  # ("I" / "PROMESSI SPOSI" on a title page, then chapter "I" early on; an
        values.pop(0)  # "I" again near the end starts the notes, not the family)
    # A numeral between two that follow each other ("II", "I.", "III") is none of theirs: Bloom
    # writes "I." in the sand between Ulysses' parts II and III. Only where the rest count up one by one.
    stray = {indices[k] for k in range(1, len(values) - 1) if None not in values[k - 1:k + 2]
             and values[k - 1] + 1 == values[k + 1] and values[k] not in (values[k - 1], values[k + 1])}
    kept = [v for i, v in zip(indices, values) if i not in stray]
    if stray and len(stray) <= len(kept) // 3 and kept == list(range(kept[0], kept[0] + len(kept))):
        indices, values = [i for i in indices if i not in stray], kept
    else:
        stray = set()
    rising = sum(1 for a, b in zip(values, values[1:]) if a is not None and b is not None and b == a + 1)
    sequence = len(indices) >= (3 if kind == TITLED else 2) and rising >= max(1, (len(indices) - 1) // 2)  # (three of those)
    sections = _sections_hold_text(lines, indices) if sequence else True
    keep = set(indices) if sequence and sections else set()
    for index in (i for i in sorted(family) if i not in keep):
        why = "a number above the first of the family that follows it" if index in above else \
            "out of sequence between two numbers that follow each other" if index in stray else \
            "no blank line before it" if index not in indices else f"the {_FAMILY_NAMES[kind]} do not run in sequence" \
            if not sequence else "too little text under them, or all at the end (notes, not chapters)"
        trace.append((offset + index, f"rejected {lines[index].strip()!r}: {why}"))
    return {i: h for i, h in found.items() if i not in family or i in keep}


_FAMILY_NAMES = {NUMERAL: "numerals", NUMBERED: "numbered titles", TITLED: "numbered titles"}  # for the trace
_SECTION_CHARS = 100  # the middle section of a numeral family holds more than a note
_EARLY = 0.6  # a family's numbers past this share of the file may be its notes


def _sections_hold_text(lines: list[str], indices: list[int]) -> bool:
    """A family of numerals cuts the file into sections of text; numbered footnotes at the end
    ("1" / "here: building (Fr.)" / "2" …) cut off a few words each."""
    if indices[0] > _EARLY * len(lines):
        return False
    ends = indices[1:] + [len(lines)]
    sizes = sorted(sum(len(lines[j]) for j in range(a + 1, b)) for a, b in zip(indices, ends))
    return sizes[len(sizes) // 2] >= _SECTION_CHARS


