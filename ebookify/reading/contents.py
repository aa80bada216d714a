"""A book's own contents list, matched to the lines it names: the strongest sign of its headings.

A contents block stands near the start under a word that says so (``CONTENTS``, ``TABLE OF
CONTENTS``, ``INDEX``, ``INDICE``, ``INHALT``, ``TABLE DES MATIÈRES``, ``ОГЛАВЛЕНИЕ``,
``СОДЕРЖАНИЕ``, ``INHOUD`` …) and runs over short entries until a wide gap. Entries are read
loosely: page numbers, dot leaders and column heads go; an entry wrapped onto a second line is
joined (the next line starts in lower case, lacks the numbering prefix every entry has, or carries
the page number the first lacks). Each later line is then compared with the entries by a key that
ignores case, accents, punctuation and numbering, in one pass with dictionary look-ups (linear in
the file), in the order of the list.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left

from msgspec import Struct
from msgspec.structs import replace

from .blocks import BREAK, is_scene_break
from .headings import CHAPTER, PART, SPECIAL, is_numeral_line, keyword_label, match_heading
from ..patterns import lazy

_KEYWORD = lazy(
    r"^(?:(?:table of )?contents|index|[ií]ndice|inhalt|inhaltsverzeichnis|table(?: des mati[eè]res)?|sommaire"
    r"|оглавление|содержание|inhoud|sumario|sumário|indholdsfortegnelse|innhold|spis tre[sś]ci"
    r"|目录|目錄|目次|차례|목차)"
    r"(?:\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:volume|vol\.|book|part)(?:\s+[\dIVXLC]{1,6})?)?"  # "CONTENTS OF VOLUME II."
    r"\s*[.:：]?$",
    re.IGNORECASE,
)
_PAGE = lazy(r"(?:\s*[.…·．]{2,}\s*|\s*(?:\. ){2,}\s*|\s{2,}|\s+(?:p\.|pag\.|page|bladz\.)\s*)"
             r"(?:\d{1,4}|[ivxlcdm]{1,7}|[(（][.…]*\d{1,4}[)）])\.?\s*$",
             re.IGNORECASE)  # "....... 41", ". . . . 41" (leaders), "   41", "p. 41", "游黄山日记………（…１４）"
_LAST_NUMBER = lazy(r"(?<=[^\W\d])\s\d{1,4}$")  # a page number after a word and one space
_PAGE_END = lazy(r"(?:\d|[ivxlcdm])\.?$|\d[)）]$", re.IGNORECASE)  # how every page number above ends
# a list's column captions, alone or together ("CHAPTER                PAGE")
_COLUMN_HEAD = lazy(r"^(?:(?:cap\.?|chap\.?|chapter|page\.?|pages|pag\.?|bladz\.?|seite|p\.|стр\.?)(?:\s+|$))+$", re.IGNORECASE)
_NUMBERING = lazy(
    r"^(?:[^\W\d_]{2,12}\.?\s+)?"  # a label word before the number: "CHAPTER", "STORY", "CAP.", "Глава"
    r"(?:\d{1,4}|[IVXLCDM]{1,12})[.:)\-—–]*\s+",
    re.IGNORECASE,
)
_NUMBERED_ENTRY = lazy(r"^\s*(?:\d{1,3}|[IVXLC]{1,12})[.)]\s+\S.{0,80}$")
_RUN = 3  # numbered entries on consecutive lines that make a contents list without a heading
_SEARCH = 0.3  # the list is in the first part of the file
_BACK_SEARCH = 0.1  # or, in capitals, in its last part
_GAP = 3  # blank lines that end the list once it has entries
_MIN_KEY = 3


class Contents(Struct, frozen=True):
    """A contents list found near the top of the text: where it stands and what it names."""

    start: int  # the keyword line
    end: int  # one past the last entry line
    entries: tuple[str, ...]
    # Entries without a page number in a list whose entries have one, above entries that have one:
    # the list's own headings ("OP ZEE." over its sketches), the parts of the book.
    groups: frozenset[int] = frozenset()
    # Entries with a page number under a chapter of the list without one ("CHAPTER XI" over "Lucy
    # Westenra's Diary  143"): what that chapter holds, its sections, never chapters of their own.
    sections: frozenset[int] = frozenset()
    back: bool = False  # at the end of the book (a French "Table des matières"): it names the lines above it
    unlabelled: bool = False  # an indented list under no contents word: trusted only when nearly all found
    labelled: bool = False  # under a contents word: its lines are the list's even where few are found


def is_contents_word(line: str) -> bool:
    """"CONTENTS", "Table des matières": a heading, so never in small letters ("table." alone on
    a line of wrapped prose is a word of the story)."""
    text = line.strip().strip("_*").strip()  # "_CONTENTS_": an edition's italics
    return not text[:1].islower() and bool(_KEYWORD.match(text))


def find_contents(lines: list[str]) -> Contents | None:
    """The list under a contents keyword, or else the first run of numbered entries, one to a line
    ("   I. A Scandal in Bohemia" / "  II. The Red-headed League" …), in the first part of the file."""
    limit = max(200, int(len(lines) * _SEARCH))
    run = 0
    for index, line in enumerate(lines[:limit]):
        if is_contents_word(line):
            found = _read_entries(lines, index)
            if found and len(found.entries) >= 2:
                return replace(found, back=_at_the_back(lines, found), labelled=True)
        run = run + 1 if _NUMBERED_ENTRY.match(line) else 0
        if run == _RUN:
            found = _read_entries(lines, index - _RUN)
            if found and len(found.entries) >= _RUN:
                return found
    return _indented_list(lines[:limit])


def _indented_list(lines: list[str]) -> Contents | None:
    """An edition's list under no contents word: five or more short indented lines, one under
    another, none ending a sentence, after a blank line or a heading ("Die Reise" / "  Karlsbad bis
    auf den Brenner" / "  Vom Brenner bis Verona" …)."""
    run = 0
    for index, line in enumerate(lines):
        text = line.strip()
        entry = line[:1].isspace() and 0 < len(text) <= 60 and text[-1] not in ".,;:!?\"”’»" and not text[0].islower()
        run = run + 1 if entry else 0
        if run == _INDENTED_RUN and (index - run < 0 or not lines[index - run].strip() or not lines[index - run][:1].isspace()):
            found = _read_entries(lines, index - run)
            if found and len(found.entries) >= _INDENTED_RUN:
                return replace(found, unlabelled=True)
    return None


_INDENTED_RUN = 5


_HEADING_CHARS = 60  # a contents list's heading is short: the search looks at no longer line


def later_lists(lines: list[str], contents: Contents) -> list[Contents]:
    """The lists under a contents word further on: a file of several volumes, each with its own
    ("CONTENTS OF VOLUME 2."), whose first list names only the first volume's pieces."""
    found = []
    index = contents.end
    while index < len(lines):
        if len(lines[index]) <= _HEADING_CHARS and is_contents_word(lines[index]) \
                and (listed := _read_entries(lines, index)) and len(listed.entries) >= 2:
            found.append(replace(listed, labelled=True))
            index = max(listed.end, index + 1)
            continue
        index += 1
    return found


def find_back_contents(lines: list[str]) -> Contents | None:
    """A contents list after the text ("TABLE DES MATIÈRES" at the end of a French book, an
    "ÍNDICE"), when none stands at the top: its entries name the headings above it."""
    for index in range(len(lines) - 1, max(-1, int(len(lines) * (1 - _BACK_SEARCH)) - 1), -1):
        if is_contents_word(lines[index]) and lines[index].strip().isupper():
            found = _read_entries(lines, index)
            if found and len(found.entries) >= _RUN:
                return replace(found, back=True, labelled=True)
    return None


def _at_the_back(lines: list[str], contents: Contents) -> bool:
    """Little text after the list and much before it: the list closes the book (in a short file
    the top third, where lists are looked for, reaches its end)."""
    most = _BACK_SEARCH * sum(1 for index in range(contents.start) if lines[index].strip())
    after = 0
    for index in range(contents.end, len(lines)):  # a list at the top stops this within a few lines
        after += bool(lines[index].strip())
        if after >= most:
            return False
    return True


def _read_entries(lines: list[str], start: int) -> Contents | None:
    raw: list[tuple[int, str, int]] = []  # (index, text, blank lines before it)
    seen: set[str] = set()  # the entries' keys and their labels'
    chapters: set[str] = set()  # the chapters' labels ("Chapter iv") since the last part's
    blank = 0
    index = start + 1
    while index < len(lines) and index < start + max(_LONGEST_LIST, len(lines) // 20):
        text = lines[index].strip()
        if not text or text == BREAK:  # three blank lines may have become a scene-break mark already
            blank += 1
            if raw and blank >= _GAP and not _list_goes_on(lines, index + 1):
                break
        else:
            if raw and not blank and _AUTHOR_UNDER.match(text):  # "_Thomas Arden_" under a story's title in an
                index += 1  # anthology's list: who wrote it, no entry of its own
                continue
            if len(text) > 120 or (raw and (is_contents_word(text) or is_scene_break(text))):  # (a rule closes it)
                if raw and raw[-1][2]:  # prose: the line above it was the first heading, not an entry
                    raw.pop()
                break
            if raw and blank and key(text) in seen and not _COLUMN_HEAD.match(text):  # the story has begun
                break  # (with a heading the list names, or the label of one it names with its title)
            label = keyword_label(text)
            part = bool(label) and _is_part(label)
            if part:  # "BOOK II": its chapters are numbered afresh, "Chapter iv." again
                seen -= chapters
                chapters.clear()
            seen.add(key(text))
            if label:
                seen.add(key(label))
                if not part:
                    chapters.add(key(label))
            raw.append((index, text, blank))
            blank = 0
        index += 1
    if not raw:
        return None
    end = raw[-1][0] + 1
    texts = [t for _, t, _ in raw if not _COLUMN_HEAD.match(t)]
    paged = sum(1 for t in texts if _PAGE.search(t)) > 0.5 * len(texts)
    firsts = [t.split()[0].lower() for t in texts]
    prefix = max(set(firsts), key=firsts.count) if firsts else ""
    prefixed = (bool(prefix) and firsts.count(prefix) >= 0.6 * len(texts) and len(texts) >= 3 and not prefix[0].isdigit()
                and sum(1 for t in texts if _NUMBERING.match(t)) >= 0.6 * len(texts))  # "CHAPTER I.", not "The …"
    spaced = sum(1 for _, _, before in raw[1:] if before) >= 0.5 * max(1, len(raw) - 1)  # a blank line between entries
    entries: list[str] = []
    pages: list[bool] = []  # whether each entry gives a page number (on any of its lines)
    previous_paged, after_head, previous_indent = True, False, 0
    for index, text, before in raw:
        indent = len(lines[index]) - len(lines[index].lstrip())
        if _COLUMN_HEAD.match(text):
            after_head = True
            continue
        numbered = bool(keyword_label(text) or _NUMBERED_ENTRY.match(text))  # "Book II. …", "XIX. …": an entry's own start
        unpaged = _without_pages(text, paged) == text
        continues = entries and not before and not after_head and not numbered and (
            spaced or text[0].islower() or (paged and not previous_paged)
            or (paged and previous_paged and unpaged and indent > previous_indent + 2)  # "  XVI. … the Old  201" / "        Bailey"
            or (prefixed and text.split()[0].lower() != prefix))
        if continues:  # a label alone ("PART ONE") over its title joins it as a heading does
            last = _without_pages(entries[-1], paged)  # "…broke out of  218" / "the Cage at Willesden"
            entries[-1] = last + (": " if keyword_label(last) == last else " ") + text
            pages[-1] = pages[-1] or not unpaged
        else:
            entries.append(text)
            pages.append(not unpaged)
        previous_paged, after_head, previous_indent = not unpaged, False, indent
    cleaned = tuple(_without_pages(e, paged).strip(" .") or e for e in entries)
    return Contents(start, end, cleaned, _groups(entries, pages) if paged else frozenset(), _under_chapters(entries, pages))


_LONGEST_LIST = 600  # lines a contents list may run over; or a twentieth of the file (Tom Jones: 216 chapters, 655 lines)


def _is_part(label: str) -> bool:
    heading = match_heading(label)
    return heading is not None and heading.kind == PART


def _list_goes_on(lines: list[str], index: int) -> bool:
    """After a wide gap, a part's heading over a run of numbered entries: the list of the next
    part ("THIRD PART." / "315. To Zelter" / "316. To F. Ries" …), not the story."""
    start = next((i for i in range(index, min(len(lines), index + 6)) if lines[i].strip()), None)
    heading = match_heading(lines[start]) if start is not None else None
    if heading is None or heading.kind != PART:
        return False
    run = 0
    for line in lines[start + 1:start + 12]:
        run = run + 1 if _NUMBERED_ENTRY.match(line) else 0 if line.strip() else run
        if run >= _RUN:
            return True
    return False


def _without_pages(entry: str, paged: bool) -> str:
    """The entry without its page number; in a list whose entries have them, one a single space
    away counts too ("The first Step towards the Ladder 119", where the title filled the column)."""
    bare = _PAGE.sub("", entry)
    return _LAST_NUMBER.sub("", bare) if paged and bare == entry else bare


def _groups(entries: list[str], numbered: list[bool]) -> frozenset[int]:
    """Entries without a page number, each over entries with one: the list's own headings. Two at
    least, and none a heading of the chapter kind ("PREFACE" over page-numbered chapters is the
    preface, not a part)."""
    groups = frozenset(i for i in range(len(entries) - 1) if not numbered[i] and numbered[i + 1]
                       and not _chapter_like(entries[i]))
    return groups if len(groups) >= 2 else frozenset()


def _under_chapters(entries: list[str], pages: list[bool]) -> frozenset[int]:
    found: set[int] = set()
    under = False
    for index, (entry, paged) in enumerate(zip(entries, pages)):
        chapter = _chapter_like(entry)
        if chapter or not paged:
            under = chapter and not paged
        elif under:
            found.add(index)
    return frozenset(found)


def _chapter_like(entry: str) -> bool:
    heading = match_heading(entry)
    return heading is not None and heading.kind in (CHAPTER, SPECIAL)


def part_of(contents: Contents, entry: int) -> str:
    """The list heading an entry stands under, if the list has them."""
    above = [group for group in contents.groups if group < entry]
    return contents.entries[max(above)] if above and entry not in contents.groups else ""


_FOOTNOTE = lazy(r"\[\d{1,3}\]|\[\w\]")  # "OM DEN ZUID[11]." : a footnote mark is not the title
_NOT_ALNUM = lazy(r"[\W_]+")  # \w is str.isalnum() and "_": what a key keeps is the letters and digits


_AUTHOR_UNDER = lazy(r"^(?P<mark>[_*])[^_*]{2,60}(?P=mark)$")
_YEAR_AFTER = lazy(r"\s*\(\d{4}(?:\s*[-–]\s*(?:\d{2,4})?\s*)?\)\.?$")  # "(1851)", "(1810-1880)", "(1855- )"


def key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", _FOOTNOTE.sub("", text).casefold())
    return _NOT_ALNUM.sub("", decomposed)


def variants(text: str) -> set[str]:
    """The keys a heading may be known by: whole, without its numbering or the year an anthology
    gives after it ("THE PEPPER MILL (1851)"), and its label alone."""
    text = _PAGE.sub("", text.strip()).strip()
    keys = {key(text), key(_YEAR_AFTER.sub("", text))}
    bare = _NUMBERING.sub("", text)
    if bare != text:
        keys.add(key(bare))
    heading = match_heading(text)
    if heading and heading.label and not heading.label.isdigit():
        keys.add(key(heading.label))
    label = keyword_label(text)
    if label:
        keys.add(key(label))
    return {k for k in keys if len(k) >= _MIN_KEY or (k and not k.isdigit() and heading is not None)}


def match_lines(lines: list[str], contents: Contents) -> dict[int, tuple[int, tuple[int, ...]]]:
    """{line index: (entry index, lines below it that the heading takes)} for the lines after the
    list that the entries name, in list order. A line matches alone, or joined with the one or two
    lines below it (a heading wrapped like its entry, or otherwise)."""
    table: dict[str, list[int]] = {}  # a label alone ("Chapter I") names an entry in each book of a volume
    whole: list[set[str]] = []  # each entry's keys with all its words
    for number, entry in enumerate(contents.entries):
        for variant in variants(entry):
            table.setdefault(variant, []).append(number)
        whole.append(set(_line_keys(entry, label=False)))
    starts = {variant[:size] for variant in table for size in range(1, len(variant) + 1)}  # to try a join at all
    candidates: list[tuple[int, int, tuple[int, ...]]] = []  # (line, entry, lines below it taken)
    index, stop = (0, contents.start) if contents.back else (contents.end, len(lines))
    while index < stop:
        text = lines[index].strip()
        if text and len(text) <= 120 and (index == 0 or not lines[index - 1].strip() or _short(lines[index - 1])) \
                and not (text.endswith("]") and "[" not in text):  # (the last line of a caption: "(LA BOURSE.)]")
            keys = _line_keys(text)
            numbers, taken = _lookup(table, keys), [index]
            for below in _following(lines, index) if not numbers and starts.intersection(keys) else ():
                taken.append(below)  # a heading wrapped over two or three lines, like its entry or not
                text += " " + lines[below].strip()
                keys = _line_keys(text)
                numbers = _lookup(table, keys)
                if numbers or not starts.intersection(keys):
                    break
            if numbers and len(taken) == 1 and not any(whole[n].intersection(keys) for n in numbers):
                for number in numbers:  # "CHAPTER I." over "Down the Rabbit-Hole": the title tells which
                    under = _title_under(lines, index, whole[number])
                    if under:
                        numbers, taken = [number], taken + under
                        break
                else:  # a numeral alone ("III.", a stanza's) names no entry with a title it does not stand over
                    numbers = [] if is_numeral_line(text) and all(len(whole[n]) > 1 for n in numbers) else numbers
            for number in reversed(numbers):  # falling: a rising run takes one of them at most
                candidates.append((index, number, tuple(taken[1:])))
            if numbers:
                index = taken[-1] + 1
                continue
        index += 1
    matched = {index: (number, below) for index, number, below in _in_list_order(candidates)}
    return matched | _near_misses(lines, contents, matched, stop)


_NEAR = 0.8  # how alike an entry and a heading spelt a little differently read (difflib's ratio)
_NEAR_REACH = 5000  # lines between the headings of the entries around an unmatched one, at most


def _near_misses(lines: list[str], contents: Contents, matched: dict[int, tuple[int, tuple[int, ...]]],
                 stop: int) -> dict[int, tuple[int, tuple[int, ...]]]:
    """Entries the text spells a little differently ("The Ferrymen" listed, "THE FERRYMAN" in the
    text; a printer's "Couterparts"): for an entry no line matched, the one line alone between the
    headings of the entries around it that reads nearly as the entry does."""
    from difflib import SequenceMatcher  # only for a list with an entry unmatched

    at = {number: index for index, (number, _) in matched.items()}
    found: dict[int, tuple[int, tuple[int, ...]]] = {}
    if len(at) * 2 < len(contents.entries):
        return found  # a list the text mostly does not follow: nothing to go by
    for number, entry in enumerate(contents.entries):
        if number in at or number in contents.groups or number in contents.sections:
            continue
        low = max((at[n] for n in at if n < number), default=contents.end - 1)
        high = min((at[n] for n in at if n > number), default=stop)
        wanted = key(_PAGE.sub("", entry.strip()))
        if len(wanted) < _MIN_KEY or high - low > _NEAR_REACH:
            continue
        match = SequenceMatcher(None, b=wanted, autojunk=False)  # the entry as the second: its index kept
        near = []
        for i in range(low + 1, high):
            text = lines[i].strip()
            if text and text[0] not in "[(" and not lines[i - 1].strip() and (i + 1 == len(lines) or not lines[i + 1].strip()) \
                    and len(text) <= 2 * len(entry):  # (never a caption, "[Illustration: …]")
                match.set_seq1(key(text))
                if match.real_quick_ratio() >= _NEAR and match.quick_ratio() >= _NEAR and match.ratio() >= _NEAR:
                    near.append(i)
        if len(near) == 1:
            found[near[0]] = (number, ())
    return found


def _in_list_order(candidates: list[tuple[int, int, tuple[int, ...]]]) -> list[tuple[int, int, tuple[int, ...]]]:
    """The most candidates whose entries rise as their lines do (a longest rising run, found in
    n log n): a line of the story that happens to name a later entry ("Tests:", a title of one
    word) cannot make every entry before that one go unfound. The same entry twice keeps its
    first line."""
    numbers: list[int] = []  # the smallest last entry of a rising run of each length
    ends: list[int] = []  # the candidate that ends it
    before: list[int | None] = []  # each candidate's predecessor in its run
    for position, (_, number, _) in enumerate(candidates):
        length = bisect_left(numbers, number)
        if length < len(numbers) and numbers[length] == number:
            before.append(None)
            continue
        before.append(ends[length - 1] if length else None)
        if length == len(numbers):
            numbers.append(number)
            ends.append(position)
        else:
            numbers[length], ends[length] = number, position
    chain, at = [], ends[-1] if ends else None
    while at is not None:
        chain.append(candidates[at])
        at = before[at]
    return chain[::-1]


def _title_under(lines: list[str], index: int, keys: set[str]) -> list[int]:
    """The line or two under a heading named by its label alone that, joined to it, make its whole
    entry: the title the list gives on one line, the text sets under the label."""
    text, taken = lines[index].strip(), []
    for below in _following(lines, index):
        taken.append(below)
        text += " " + lines[below].strip()
        if keys.intersection(_line_keys(text, label=False)):
            return taken
    return []


def _following(lines: list[str], index: int) -> list[int]:
    """Up to two text lines under a line, each at most one blank line further."""
    found, at = [], index
    while len(found) < 2:
        nxt = at + 1 if at + 1 < len(lines) and lines[at + 1].strip() else at + 2
        if nxt >= len(lines) or not lines[nxt].strip() or len(lines[nxt].strip()) > 80:
            break
        found.append(nxt)
        at = nxt
    return found


def _line_keys(text: str, label: bool = True) -> tuple[str, ...]:
    """The keys of a line of the text, the surest first: whole, without its numbering, its
    "Chapter VI" label (or, without ``label``, only the keys that carry all its words). The
    entries' own keys come from ``variants``; these are cheaper, for every line of the book."""
    text = _without_page(text).strip()
    keys = [key(text)]
    bare = _NUMBERING.sub("", text)
    if bare != text:
        keys.append(key(bare))
    if text[:4].lower() == "the " and label:  # "THE FIRST BOOK" in the text, "FIRST BOOK" in the list
        keys.append(key(text[4:]))
    found = keyword_label(text) if label else ""
    if found:
        keys.append(key(found))
    return tuple(dict.fromkeys(k for k in keys if k))


def _without_page(text: str) -> str:
    """``text`` without a page number at its end. ``_PAGE`` is tried at every column of the text, so
    it runs only when the last characters could end one (about one line in seven of a novel)."""
    return _PAGE.sub("", text) if _PAGE_END.search(text.rstrip()[-2:]) else text


def _lookup(table: dict[str, list[int]], keys: tuple[str, ...]) -> list[int]:
    """The entries the surest of the keys names."""
    return next((table[variant] for variant in keys if variant in table), [])


def _short(line: str) -> bool:
    """A rule, a numeral or a bare label ("CHAPTER ONE") right above a title line does not stop
    the title from being a heading."""
    text = line.strip()
    if len(text) <= 8 and not any(c.islower() for c in text) or is_scene_break(text):
        return True
    return len(text) <= 40 and keyword_label(text) == text.rstrip(".:")  # (a line of prose is longer: no regex)
