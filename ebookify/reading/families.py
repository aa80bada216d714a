"""Headings that no keyword names, known by how a file repeats them: dated diary entries, a
label of the book's own with a number ("FEDERALIST No. 1", "ESSAY 4", "Sermon XII"), titles
alone on their lines as many as a site's header counts chapters, and a collection's titles in
capitals, each set off by a wider gap than the text's.

A diary heads its entries with the date alone on a line ("Monday 3 March", "March 4th, 1902",
"Mardi 5 mars", "Montag, 6. März", "9 de Janeiro.", "Апреля 8."); one such line could be a sentence's fragment, so the lines
count only as a family: three or more, each after a blank line (any line, in a file without
blank lines), with text under each. Day and entry numbers ("Day 12", "Entry 4") are keywords
(headings.py) and need no family.
"""

from __future__ import annotations

import re
from itertools import accumulate

from msgspec.structs import replace

from .blocks import BREAK, gaps_after, is_scene_break, usual_gap
from .headings import (AO3_END_LABELS, CHAPTER, CJK_LETTER, LISTED, PART, Heading, is_numeral_line, markdown_level,
                       match_heading, numeral_value)
from .labels import BY_WORDS
from .notes import inside_ao3_notes, is_ao3_marker, story_under
from .titlecase import is_capitals
from ..model import Paragraph, Text, is_end_mark
from ..patterns import lazy, may_be_cjk

DATE = "date"
LABELLED = "labelled"  # a candidate of a labelled family, until the family is confirmed

_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
    "lunes martes miércoles miercoles jueves viernes sábado sabado domingo "
    "lunedì martedì mercoledì giovedì venerdì sabato domenica "
    "segunda-feira terça-feira terca-feira quarta-feira quinta-feira sexta-feira "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
    "понедельник вторник среда четверг пятница суббота воскресенье"
).split()
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre "
    "januar jänner februar märz april mai juni juli august september oktober november dezember "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre "
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre "
    "janeiro fevereiro março marco maio junho julho setembro outubro novembro dezembro "
    "januari februari maart mei augustus oktober "
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
).split()
_WEEKDAY = "|".join(sorted(set(_WEEKDAYS), key=len, reverse=True))
_MONTH = "|".join(sorted(set(_MONTHS), key=len, reverse=True))
_DAY = r"\d{1,2}(?:st|nd|rd|th|er|\.|º)?"
_DATE_LINE = lazy(
    rf"^(?:(?:{_WEEKDAY})\.?,?\s+)?(?:(?:the\s+)?{_DAY}\s+(?:of\s+|de\s+)?(?:{_MONTH})\.?|(?:{_MONTH})\.?\s+{_DAY})"
    rf"(?:,?\s+(?:de\s+)?\d{{4}})?[.:]?$"
    rf"|^(?:{_WEEKDAY})[.,:]?$",
    re.IGNORECASE,
)
# A date line opens with a weekday, a month, a day's digits or "the" and them: a line that opens
# otherwise is no date, and most lines of a book are told so without the pattern (which, with its
# nine languages of names, costs a story's start-up 4 ms to compile).
_OPENINGS = frozenset(_WEEKDAYS + _MONTHS)
_MONTH_WORDS = frozenset(m for m in _MONTHS if len(m) > 3 and m not in ("march", "mars", "august", "mayo"))  # not the verbs and names
_FAMILY = 3
_SECTION_CHARS = 80  # a diary entry may be short, but it is more than a line


def names_a_date(text: str) -> bool:
    """A month's name or a year in it: "March 802, Port Selwyn", "London, 1888", a dateline."""
    words = set(re.findall(r"[^\W\d_]+", text.casefold()))
    return bool(words & _MONTH_WORDS) or re.search(r"(?<!\d)\d{3,4}(?!\d)", text) is not None


def date_heading(line: str) -> Heading | None:
    text = line.strip().strip("*_#~ ").strip()
    if len(text) > 40 or not _may_be_date(text) or not _DATE_LINE.match(text):
        return None
    opening = len(line.lstrip()) - len(line.lstrip().lstrip("*_~"))
    if opening and len(line.rstrip()) - len(line.rstrip().rstrip("*_~")) < opening:
        return None  # "***July 16, 1943" over "Black Manor" / "9:33 PM***": the first line of a dateline
    return Heading(DATE, text, "", signal="date line in a family")


def _may_be_date(text: str) -> bool:
    words = text.split(None, 2)
    first = words[0].lower() if words else ""
    if first == "the":  # "the 3rd of May": a title's "The Garden Party" is told without the pattern
        return len(words) > 1 and words[1][:1].isdecimal()
    return first[:1].isdecimal() or first.rstrip(".,:") in _OPENINGS


def keep_date_family(lines: list[str], found: dict[int, Heading], blankless: bool, trace: list, offset: int) -> dict[int, Heading]:
    family = sorted(i for i, h in found.items() if h.kind == DATE)
    if not family:
        return found
    dateline = {i for i in family if _under_a_heading(lines, i, found)}  # "220." / "TO …" / "Feb. 23, 1817."
    for index in dateline:
        trace.append((offset + index, f"rejected {lines[index].strip()!r}: the date of the heading above it"))
    family = [i for i in family if i not in dateline]
    found = {i: h for i, h in found.items() if i not in dateline}
    spaced = [i for i in family if i == 0 or blankless or not lines[i - 1].strip()]
    ends = spaced[1:] + [len(lines)]
    sizes = sorted(sum(len(lines[j]) for j in range(a + 1, b)) for a, b in zip(spaced, ends))
    keep = set(spaced) if len(spaced) >= _FAMILY and sizes[len(sizes) // 2] >= _SECTION_CHARS else set()
    for index in family:
        if index not in keep:
            trace.append((offset + index, f"rejected {lines[index].strip()!r}: a date line, but not one of a family "
                                          f"of {_FAMILY} or more set off by blank lines with entries under them"))
    return {i: h for i, h in found.items() if h.kind != DATE or i in keep}


def keep_alphabet_family(lines: list[str], found: dict[int, Heading], blankless: bool, trace: list,
                         offset: int) -> dict[int, Heading]:
    """A dictionary's or a glossary's letters: "A", "B", "C" … alone on their lines, set off by
    blank lines, in the alphabet's order from its first letter on (six or more, letters skipped
    as a dictionary skips X), over most of the text: its sections. Its "C", "D", "I" are letters
    here, never numerals. An index at the back of a book is no such text: it is a short part of it."""
    letters = [(index, letter) for index, line in enumerate(lines)
               if len(line) <= _LETTER_LINE and (letter := _letter(lines, index, blankless))]  # (a length is cheap)
    chain: list[tuple[int, str]] = []
    for index, letter in letters:
        if not chain and letter in _FIRST_LETTERS or chain and 0 < ord(letter) - ord(chain[-1][1]) <= _LETTERS_SKIPPED + 1:
            chain.append((index, letter))
    if len(chain) < _ALPHABET_FAMILY or len(lines) - chain[0][0] < _MOST_OF_THE_TEXT * len(lines):
        return found
    for index, letter in chain:
        found[index] = Heading(CHAPTER, letter, signal="a dictionary's letters, in order")
    trace.append((offset + chain[0][0], f"{len(chain)} letters alone on their lines, "
                                        f"{chain[0][1]} to {chain[-1][1]} in order: the sections of a dictionary"))
    return found


def _letter(lines: list[str], index: int, blankless: bool) -> str:
    """The capital letter alone on the line ("A", "B."), set off by blank lines; else ""."""
    text = lines[index].strip().rstrip(".")
    if len(text) != 1 or not text.isupper() or not text.isalpha():
        return ""
    alone = blankless or (index == 0 or not lines[index - 1].strip()) and (index + 1 == len(lines) or not lines[index + 1].strip())
    return text if alone else ""


_LETTER_LINE = 40  # characters a line holding one letter may have: set in the middle of the page
_FIRST_LETTERS = frozenset("AАΑ")  # Latin, Cyrillic, Greek
_LETTERS_SKIPPED = 2  # a dictionary may have no word under X, or under Ъ and Ы
_ALPHABET_FAMILY = 6
_MOST_OF_THE_TEXT = 0.5


def keep_bracketed_parts(lines: list[str], found: dict[int, Heading], trace: list, offset: int) -> dict[int, Heading]:
    """A Chinese book's halves or volumes named in lenticular brackets alone on their lines, each
    right over a chapter heading ("【道经】" / "第一章" … "【德经】" / "第三十八章"): its parts, two at
    least. One such line is a note or a system message of the story's as often."""
    parts = [index for index, line in enumerate(lines) if ("【" in line or "〖" in line) and index not in found
             and BRACKETED_NAME.match(line.strip()) and (below := next_text_line(lines, index)) is not None
             and below in found and found[below].kind == CHAPTER]
    if len(parts) < 2:
        return found
    for index in parts:
        found[index] = Heading(PART, "", BRACKETED_NAME.match(lines[index].strip())["name"], signal="a name in brackets over chapters")
    trace.append((offset + parts[0], f"{len(parts)} names in brackets, each over a chapter: the book's parts"))
    return found


BRACKETED_NAME = lazy(r"^[【〖](?P<name>[^【】〖〗]{1,16})[】〗]$")


def next_text_line(lines: list[str], index: int) -> int | None:
    """The next line with text, within two blank lines of ``index``."""
    for j in range(index + 1, min(len(lines), index + 4)):
        if lines[j].strip():
            return j
    return None


def _under_a_heading(lines: list[str], index: int, found: dict[int, Heading]) -> bool:
    """A date under another heading (and its title) is that heading's dateline (a letter's), not one of its own."""
    above = [i for i in range(index - 1, max(-1, index - 6), -1) if lines[i].strip()][:2]  # the heading, its title
    return any(i in found and found[i].kind not in (DATE, PART) for i in above)  # under "BOOK I", the first entry


# A word of the book's own, an optional "No.", a number, nothing else: "FEDERALIST No. 1", "ESSAY 4".
_LABEL_LINE = lazy(r"^(?P<word>[^\W\d_]{2,20})\.? (?:(?:no|nr|n[º°o])\.? ?)?(?P<number>\d{1,3}|(?-i:[IVXLCDM]{1,8}))\.?$",
                   re.IGNORECASE)
_BRACKETED_NUMBER = lazy(r"^(?P<word>[^\W\d_][^()（）]{0,24}?)\s*[(（]\s*(?P<number>\d{1,3})\s*[)）]$")
# Words that number pages, figures and tables, never the book's sections.
_NOT_SECTIONS = frozenset("page pages p pp seite pagina página pag fig figure figura abbildung abb table tabelle "
                          "tabla plate planche tafel illustration map chart diagram line lines verse vers footnote "
                          "note anmerkung vol volume tome band nummer".split())


def labelled_heading(line: str) -> Heading | None:
    text = line.strip()
    if not 4 <= len(text) <= 30 or not (text[0].isupper() or may_be_cjk(text[0])) or text[-1] not in "0123456789IVXLCDM.)）":
        return None
    match = _label_match(text)
    if not match or match["word"].lower() in _NOT_SECTIONS or not numeral_value(match["number"]):
        return None
    return Heading(LABELLED, text.rstrip("."), "", match["number"], signal="a family of labelled headings")


def _label_match(text: str) -> re.Match | None:
    """ "Entry 12", "Log No. 3", or a title and its part's number in brackets ("守塔人自述(1)", as
    Chinese TXT sites cut a long memoir)."""
    return _LABEL_LINE.match(text) or (_BRACKETED_NUMBER.match(text) if text[-1] in ")）" else None)


def keep_labelled_family(lines: list[str], found: dict[int, Heading], blankless: bool, trace: list,
                         offset: int) -> dict[int, Heading]:
    """A labelled family stands when its word opens three lines or more, each set off by a blank
    line with text under it, numbered upwards from 1 or 2 (most steps by one): then each is a chapter."""
    candidates = sorted(i for i, h in found.items() if h.kind == LABELLED)
    if not candidates:
        return found
    word = {index: _label_match(lines[index].strip())["word"].casefold() for index in candidates}
    by_word: dict[str, list[int]] = {}
    for index in candidates:
        by_word.setdefault(word[index], []).append(index)
    kept: set[int] = set()
    for family in by_word.values():
        spaced = [i for i in family if i == 0 or blankless or not lines[i - 1].strip()]
        numbers = [numeral_value(found[i].number) or 0 for i in spaced]
        steps = [b - a for a, b in zip(numbers, numbers[1:])]
        ends = spaced[1:] + [len(lines)]
        sizes = sorted(sum(len(lines[j]) for j in range(a + 1, b)) for a, b in zip(spaced, ends))
        if len(spaced) >= _FAMILY and numbers[0] in (1, 2) and all(step > 0 for step in steps) \
                and sum(step == 1 for step in steps) * 3 >= len(steps) * 2 and sizes[len(sizes) // 2] >= _SECTION_CHARS:
            kept.update(spaced)
    for index in candidates:
        if index not in kept and len(by_word[word[index]]) >= _FAMILY:
            trace.append((offset + index, f"rejected {lines[index].strip()!r}: a label and a number, but not one of "
                                          f"a family of {_FAMILY} or more numbered upwards with text under each"))
    return {i: (replace(h, kind=CHAPTER) if i in kept else h) for i, h in found.items() if h.kind != LABELLED or i in kept}


# Titles alone, counted ----------------------------------------------------------------------

OPENS_CHAPTER = lazy(r"^\s*chapter (?:summary|notes)\s*:?\s*$", re.I)  # AO3's words under a chapter's title
_ENDS_CHAPTER = lazy(rf"^\s*(?:{AO3_END_LABELS})\s*:?\s*$", re.I)
_TITLE_CHARS, _TITLE_WORDS = 100, 15
_CJK_SENTENCE_MARKS = frozenset("，。；：！？")
_END_NOTE_PARAGRAPHS = 12  # AO3's end notes seldom run longer
_PROSE_LINE_WORDS = 8  # the first line of a chapter's story, under its title


def keep_counted_titles(lines: list[str], found: dict[int, Heading], expected: int, blankless: bool, trace: list,
                        offset: int) -> dict[int, Heading]:
    """Chapter titles alone on their lines, as AO3's downloads print them ("Marching Ever Forward",
    no "Chapter 1"), where the site's header says how many chapters there are (``expected``).

    A title is a short line set off alone, with no sentence's closing mark, and under it AO3's
    "Chapter Summary" or "Chapter Notes", or a wider gap than the file leaves between paragraphs
    (converters keep a heading's margin). One such line could be a short paragraph before a
    wide gap, so they count only all together: with the headings found already, exactly as many
    as the header counts."""
    chapters = sum(1 for i, heading in found.items() if heading.kind != PART and not _ao3_afterword(lines, i))
    if expected < 2 or chapters >= expected or blankless:
        return found
    after = gaps_after(lines)
    usual = usual_gap(after)
    candidates = [i for i in after if i not in found and _alone_as_title(lines, i, after, usual)]
    if chapters + len(candidates) != expected:
        if candidates:
            trace.append((offset + candidates[0], f"rejected {len(candidates)} lines set off like titles: with the "
                                                  f"{chapters} headings found they are not the {expected} chapters "
                                                  "the site's header counts"))
        return found
    for index in candidates:
        found[index] = Heading(LISTED, "", lines[index].strip(), signal=f"a title alone, one of the {expected} "
                                                                        "chapters the site's header counts")
    return dict(sorted(found.items()))


def _ao3_afterword(lines: list[str], index: int) -> bool:
    """AO3's "Afterword" over the work's end notes or its "Please drop by the archive…": the
    download's, not one of the chapters its header counts."""
    if lines[index].strip().casefold() != "afterword":
        return False
    below = next((line for line in lines[index + 1:index + 6] if line.strip()), "")
    return bool(_ENDS_CHAPTER.match(below)) or below.lstrip().startswith("Please drop by the archive")


def _alone_as_title(lines: list[str], index: int, after: dict[int, int], usual: int) -> bool:
    text = lines[index].strip()
    before = next((k for k in range(index - 1, -1, -1) if lines[k].strip() and lines[k] != BREAK), None)
    if (before is not None and before not in after) or len(text) > _TITLE_CHARS or len(text.split()) > _TITLE_WORDS \
            or not text[0].isalnum() or text[0].islower() or text[-1] in ".,;:。，；：、" or is_ao3_marker(text):
        return False
    below = lines[index + 1 + after[index]] if index + 1 + after[index] < len(lines) else ""
    if _ENDS_CHAPTER.match(below) or inside_ao3_notes(lines, index):  # the chapter's last line, or its notes'
        return False
    return bool(OPENS_CHAPTER.match(below)) or after[index] > usual >= 1 or (
        _after_end_notes(lines, index) and not any(c in _CJK_SENTENCE_MARKS for c in text) and _prose(below)
        and story_under(lines, index))


def _prose(line: str) -> bool:
    """A line of a story's prose, not a title: eight words, or twenty letters of Chinese or Japanese."""
    return len(line.split()) >= _PROSE_LINE_WORDS or (bool(CJK_LETTER.search(line)) and len(line.strip()) >= 20)


def _after_end_notes(lines: list[str], index: int) -> bool:
    """Does the line follow AO3's "Chapter End Notes" and a few of their paragraphs? A title alone
    there, over prose, is the next chapter's, where that chapter has no notes of its own."""
    paragraphs = 0
    for k in range(index - 1, max(-1, index - 4 * _END_NOTE_PARAGRAPHS), -1):
        if _ENDS_CHAPTER.match(lines[k]):
            return True
        if is_ao3_marker(lines[k]):  # the notes atop a chapter: the line is in its story
            return False
        paragraphs += bool(lines[k].strip()) and not lines[k - 1].strip()
        if paragraphs > _END_NOTE_PARAGRAPHS:
            return False
    return False


def keep_set_off_titles(lines: list[str], found: dict[int, Heading], blankless: bool, trace: list,
                        offset: int) -> dict[int, Heading]:
    """A collection's titles in capitals (``set_off_titles``), or a book's titles framed in rules
    (``framed_titles``), where the headings found so far are far fewer."""
    families = (([] if blankless else set_off_titles(lines), "in capitals set off", str.strip),
                (framed_titles(lines), "framed", lambda line: _FRAMED.match(line.strip())["title"]))
    for titles, kind, title in families:
        under = _numbered_under(found, titles)
        kept = sum(1 for i, heading in found.items() if heading.kind != PART and titles and i > titles[0]
                   and i not in titles and i not in under)
        if not titles or kept * 3 > len(titles):
            continue
        trace.append((offset + titles[0], f"{len(titles)} titles {kind} alike, each over a piece of the book"))
        for index in titles:
            found.setdefault(index, Heading(LISTED, "", title(lines[index]), signal=f"a title {kind} like {len(titles) - 1} "
                                                                                     "others, over its piece"))
        return dict(sorted(found.items()))
    return found


def _numbered_under(found: dict[int, Heading], titles: list[int]) -> set[int]:
    """The numbered headings that count afresh from one under each title ("STORIES OF THE TROJAN
    WAR." over "I. THE APPLE OF DISCORD.", "II. …"): a tale's own parts, no rival to the family."""
    under: set[int] = set()
    for start, end in zip(titles, titles[1:] + [max(found, default=0) + 1]):
        run = [i for i in sorted(found) if start < i < end and found[i].number]
        if run and numeral_value(found[run[0]].number) == 1:
            under.update(run)
    return under


def set_off_titles(lines: list[str]) -> list[int]:
    """A collection's titles, which no keyword or number marks: "THE GOLDEN BIRD", " THE LAMB",
    "HANS IN LUCK", each alone on its line in capitals, the edition leaving a wider gap before it
    than between the text's paragraphs (or only blank lines), the tale or poem it names under it.
    One such line could be a shout or a sign set apart: they count only as a family of five or
    more (``_pieces_of_a_book``). A run of them with nothing between is one title and what goes
    with it (a dedication, an epigraph's source)."""
    gaps = gaps_after(lines)
    usual = usual_gap(gaps)
    first = next((i for i, line in enumerate(lines) if line.strip() and line != BREAK), None)
    above = {line + gap + 1: line for line, gap in gaps.items() if gap > usual}  # each line after a wide gap: the one above
    titles: list[int] = []
    for index in sorted(above.keys() | ({first} if first is not None else set())):
        if index in gaps and _title_in_capitals(lines[index]) and not (titles and titles[-1] == above.get(index)) \
                and not _over_a_byline(lines, index + 1 + gaps[index]):
            titles.append(index)
    if titles and titles[0] == first and not _pieces_of_a_book(lines, titles, _SET_OFF_FAMILY):
        titles = titles[1:]  # "BANNLYST" atop the file, over "EN BERÄTTELSE" / "AV" / …: the book's title page
    return titles if _pieces_of_a_book(lines, titles, _SET_OFF_FAMILY) else []


def framed_titles(lines: list[str]) -> list[int]:
    """Titles framed in rules: "-------- Telemachus ---------", "~~ The Storm ~~", "-= Homecoming =-",
    the same marks on either side, each over a piece of its own: a family of three or more."""
    titles = []
    for index, line in enumerate(lines):
        framed = _FRAMED.match(line.strip()) if line[-1:] in _FRAME_MARKS and line.lstrip()[:1] in _FRAME_MARKS else None
        if framed and set(framed["open"]) == set(framed["close"]) and not _FRAME_RUN.search(framed["title"]) \
                and not _EMPHASIS_MARKS.match(framed["open"]) and match_heading(framed["title"]) is None \
                and not (framed["open"][0] == "#" and markdown_level(line) <= 6 and line.lstrip("#")[:1] == " "):
            # ("--A sudden--at--the--moment--" is prose between dashes; "***September 7***" is emphasis;
            # "### scenbrytning ###" is Markdown's heading, its closing marks optional)
            titles.append(index)
    return titles if _pieces_of_a_book(lines, titles, _FRAMED_FAMILY) else []


def _pieces_of_a_book(lines: list[str], titles: list[int], family: int) -> bool:
    """Whether the lines head the book's pieces: ``family`` or more, each over a piece of its own
    and of a kind with the others' length, together holding most of the text."""
    if len(titles) < family:
        return False
    before = list(accumulate(map(len, map(str.split, lines)), initial=0))  # the words before each line, in one pass
    pieces = sorted(before[end] - before[start + 1] for start, end in zip(titles, titles[1:] + [len(lines)]))
    if pieces[0] < _PIECE_WORDS or sum(pieces) < _HOLDING * before[-1]:
        return False
    middle = pieces[len(pieces) // 2]  # pieces of a kind: a few headlines in one chapter leave the rest of a novel
    return middle <= _SPREAD * pieces[0] and pieces[-1] <= _SPREAD * middle  # under the last


def _title_in_capitals(line: str) -> bool:
    """A title, in capitals, that no other rule reads as a heading ("CHAPTER II", "III.")."""
    text = line.strip()
    return (len(text) <= _SET_OFF_CHARS and len(text.split()) <= _SET_OFF_WORDS and text[0].isalnum()
            and text[-1] not in ",;:!?" and is_capitals(text) and not is_scene_break(text)
            and not is_end_mark(Paragraph((Text(text),))) and match_heading(text) is None and not is_numeral_line(text))


def _over_a_byline(lines: list[str], below: int) -> bool:
    """ "JUST SO STORIES" over "By Rudyard Kipling": the book's title page, not its first piece."""
    text = lines[below].strip().casefold() if below < len(lines) else ""
    return len(text.split()) <= _BYLINE_WORDS and any(text.startswith(word + " ") for word in BY_WORDS)


_SET_OFF_FAMILY = 5
_FRAMED_FAMILY = 3
_FRAME_MARKS = "-=~*_+#•·"
_EMPHASIS_MARKS = lazy(r"^(?:[*_]{1,3})$")
_FRAME_RUN = lazy(r"[-=~*_+#•·]{2}")
_FRAMED = lazy(r"^(?P<open>[-=~*_+#•·]{2,})[ \t]*(?P<title>[^\W_].{0,58}?)[ \t]*(?P<close>[-=~*_+#•·]{2,})$")
_BYLINE_WORDS = 6
_SET_OFF_CHARS, _SET_OFF_WORDS = 60, 10
_PIECE_WORDS = 15  # a poem of four short lines
_HOLDING = 0.75  # of the text's words: the pieces are the book, not a few shouts in it
_SPREAD = 20  # the longest piece against the middle one, and the middle one against the shortest
