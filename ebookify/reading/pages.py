"""A printed page's furniture in text taken from it (a PDF's text, a scan's OCR): running heads
and page numbers go, and a paragraph a page broke is whole again.

Text extracted from a paginated book keeps, between one page's last line and the next page's
first, the page's number and its running head ("YORGUN SAVAŞÇI" over "9"; "8 THE SILENT FRIEND.",
"THE SILENT FRIEND. 9"), set off by blank lines. None is a word of the story where it stands. One
such line could be a short paragraph ("9", a shout in capitals), so they count only as a
family: numbers that stand alone and rise a page's length apart, a dozen or more, with a line
repeated beside many of them or skipping a number now and then (numbers alone, one after another,
may number chapters or poems); or a line repeated five times or more with a number at one end
that rises so. A running head stands beside its page's number, once a page: a line repeated all
over the page (a speaker's name in a play) is none.

The gap a page break leaves closes: to nothing where the break fell inside a paragraph (the
line above ends no sentence, the line below goes on in small letters), else to the gap the text
leaves between paragraphs, so it reads as no scene break. Lines go, so each line that stays keeps
its number in the file (``origin``), for ``--debug-structure``.
"""

from __future__ import annotations

import re
from collections import Counter

from .blocks import gaps_after, runs_on, usual_gap
from .contents import key
from .families import date_heading
from .headings import match_heading
from ..patterns import lazy

_NUMBER = lazy(r"^\s*(?P<number>\d{1,4})\s*$")
_NUMBERED_HEAD = lazy(r"^\s*(?:(?P<before>\d{1,4})\s+(?P<head>\D.{1,68}?)|(?P<head2>\D.{1,68}?)\s+(?P<after>\d{1,4}))\s*$")
_NUMBERS = 12  # page numbers alone that make a family
_HEADS = 5  # a running head is repeated at least this often
_NEAR = 6  # lines between a page number and the running head beside it
_BESIDE = 0.5  # of a running head's lines, at least this share stand beside a page number
_HEADED = 0.3  # of the page numbers, at least this share have a running head beside them
_SKIPS = 0.1  # of the steps from one page number to the next, at least this share skip a page
_PAGE_LINES = 120  # a page's length in lines, at most (a PDF's page of text is 30 to 60)


def without_page_furniture(lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """The lines without the pages' furniture, the file's line each comes from, and what was found."""
    alone = [i for i, line in enumerate(lines) if line.strip() and _set_off(lines, i)]
    numbers = _page_numbers(lines, alone)
    heads = _running_heads(lines, alone, numbers)
    headed = sum(1 for n in numbers if any(k in heads for k in _next_lines(lines, n)))
    if headed < _HEADED * len(numbers) and not _skipping(lines, numbers):  # numbers alone, no heads
        numbers = set()  # beside them, none missing: a book's numbered chapters or poems as likely as its pages
        heads = _running_heads(lines, alone, numbers)
    furniture = numbers | heads
    if not furniture:
        return lines, list(range(len(lines))), []
    after = gaps_after(["" if i in furniture else line for i, line in enumerate(lines)])
    usual = usual_gap(after)
    closing: dict[int, tuple[int, int]] = {}  # first line of a gap with furniture: (its end, blank lines it keeps)
    joined = 0
    for above, gap in after.items():
        below = above + gap + 1
        if any(f in furniture for f in range(above + 1, below)):
            goes_on = runs_on(lines[above], lines[below])
            closing[above + 1] = (below, 0 if goes_on else usual)
            joined += goes_on
    out, origin, index = [], [], 0
    while index < len(lines):
        if index in closing:
            below, keep = closing[index]
            out += [""] * keep
            origin += [index] * keep
            index = below
            continue
        if index not in furniture:
            out.append(lines[index])
            origin.append(index)
        index += 1
    what = f"{len(numbers)} page numbers and {len(furniture) - len(numbers)} running heads of a printed page, dropped"
    return out, origin, [(min(furniture), what + (f"; {joined} paragraphs a page broke, joined" if joined else ""))]


def scan_notice(lines: list[str]) -> int:
    """Where Google's notice atop a book it scanned ends ("This is a digital copy of a book that was
    preserved for generations…" to its address, books.google.com), or 0: the scanner's words, not
    the book's, which opens after it."""
    opening = next((i for i, line in enumerate(lines[:10]) if _GOOGLE_OPENING.match(line)), None)
    if opening is None:
        return 0
    end = next((i for i in range(opening, min(len(lines), opening + 120)) if _GOOGLE_ADDRESS.search(lines[i])), None)
    return end + 1 if end is not None else 0


_GOOGLE_OPENING = lazy(r"^\s*This is a digital copy of a book that was preserved for generations", re.I)
_GOOGLE_ADDRESS = lazy(r"books\s*\.\s*google\s*\.\s*com", re.I)
SCAN_NOTICE_TITLE = "Google Book Search"  # the notice's own name for the service, in every language


def library_footer(lines: list[str]) -> tuple[int, int] | None:
    """Where Wolne Lektury's closing page starts (its "-----", and the line under it: "Ta lektura,
    podobnie jak tysiące innych, dostępna jest na stronie wolnelektury.pl.", then its licence and
    sources), or None: the library's words after the book, as Project Gutenberg's licence is."""
    for index in range(len(lines) - 1, max(-1, len(lines) - _FOOTER_REACH), -1):
        if _WOLNE_LEKTURY.match(lines[index]):
            return (index - 1 if index and lines[index - 1].strip().startswith("---") else index), index
    return None


_WOLNE_LEKTURY = lazy(r"^\s*Ta lektura,? podobnie jak tysiące innych,? (?:jest )?dostępna", re.I)
_FOOTER_REACH = 60  # lines from the end
LIBRARY_FOOTER_TITLE = "Wolne Lektury"  # the library's name, in every language


def _set_off(lines: list[str], index: int) -> bool:
    return (index == 0 or not lines[index - 1].strip()) and (index + 1 == len(lines) or not lines[index + 1].strip())


def _page_numbers(lines: list[str], alone: list[int]) -> set[int]:
    """Numbers alone on their lines that rise through the text, most of them by a little."""
    found = [(i, int(m["number"])) for i in alone if (m := _NUMBER.match(lines[i]))]
    if len(found) < _NUMBERS:
        return set()
    return {i for i, _ in found} if _as_pages(found) else set()


def _running_heads(lines: list[str], alone: list[int], numbers: set[int]) -> set[int]:
    """Lines repeated beside the page numbers, or with a page number of their own at one end that
    rises as pages do (a chapter's heading, "CHAPTER 5", is no running head)."""
    beside: dict[int, str] = {}
    numbered: dict[str, list[tuple[int, int]]] = {}
    neighbours = {k for n in numbers for k in _next_lines(lines, n)}
    for index in alone:
        text = lines[index].strip()
        if len(text) > 70 or index in numbers:
            continue
        head = _NUMBERED_HEAD.match(text)
        near = not head and index in neighbours
        if not (head or near) or match_heading(text) or date_heading(text):  # a chapter's or a diary's heading
            continue
        if head:
            numbered.setdefault(key(head["head"] or head["head2"]), []).append((index, int(head["before"] or head["after"])))
        else:
            beside[index] = key(text)
    counts = Counter(beside.values())
    often = {text for text, count in counts.items() if text and count >= _HEADS}
    everywhere = Counter(text for index in alone if index not in numbers
                         if (text := key(lines[index].strip())) in often) if often else Counter()
    found = {index for index, text in beside.items()  # once a page, beside its number: a speaker's
             if text in often and counts[text] >= _BESIDE * everywhere[text]}  # name is all over it
    for family in numbered.values():
        if len(family) >= _HEADS and _as_pages(family):
            found.update(index for index, _ in family)
    return found


def _next_lines(lines: list[str], index: int) -> list[int]:
    """The nearest line of text above and below line ``index``, within a few lines: where a page's
    running head stands beside its number."""
    above = next((k for k in range(index - 1, max(-1, index - _NEAR - 1), -1) if lines[k].strip()), None)
    below = next((k for k in range(index + 1, min(len(lines), index + _NEAR + 1)) if lines[k].strip()), None)
    return [k for k in (above, below) if k is not None]


def _skipping(lines: list[str], numbers: set[int]) -> bool:
    """Do the numbers skip one now and then (4, 5, 6, 9), as a book's pages do where a page opens a
    chapter or holds a picture? A book's chapters and poems are numbered without a gap."""
    values = [int(lines[i]) for i in sorted(numbers)]
    steps = [b - a for a, b in zip(values, values[1:])]
    return bool(steps) and sum(1 for step in steps if step > 1) >= _SKIPS * len(steps)


def _as_pages(family: list[tuple[int, int]]) -> bool:
    """(line, number) pairs that number pages: the numbers rise by one or two, and the lines come
    at a page's length apart, evenly. A chapter's number ("1", "Pt 2") comes far apart and
    unevenly; a diary's dates ("9 de Junho.") unevenly."""
    rising = sum(1 for (_, a), (_, b) in zip(family, family[1:]) if 0 < b - a <= 3)
    gaps = sorted(b - a for (a, _), (b, _) in zip(family, family[1:]))
    if not gaps or rising < 0.7 * len(gaps):
        return False
    middle = gaps[len(gaps) // 2]
    even = sum(1 for gap in gaps if 0.5 * middle <= gap <= 1.6 * middle)
    return middle <= _PAGE_LINES and even >= 0.6 * len(gaps)

