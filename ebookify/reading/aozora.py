"""Aozora Bunko's plain text (青空文庫): its notation is markup, not words of the book.

An Aozora file opens with its title and author, then a legend of its marks between two rules of
hyphens (【テキスト中に現れる記号について】), and closes with a colophon (底本：…, the edition it was
typed from, who typed and proofread it). In the text between:
  * ``《…》`` is ruby, the reading of the characters before it: the run of kanji, or what follows
    a ``｜``;
  * ``［＃…］`` is the typist's note: an indent, a heading (``［＃「一」は中見出し］``), emphasis dots,
    a page break, or after ``※`` a character the file's character set lacked, named by its
    JIS X 0213 code (``※［＃「てへん＋劣」、第3水準1-84-77］``) or its Unicode number.
The legend and the colophon go to the back of the book, as the edition's page; ruby is marked for
the inline reader (<ruby> in the book); a heading note makes its line a heading of its level; a
missing character named by its code is that character; any other note only lays out the page
and goes. Lines keep their numbers (what is taken out is blanked), for --debug-structure.
"""

from __future__ import annotations

import re

from .inline import RUBY_CLOSE, RUBY_OPEN, RUBY_READING
from ..patterns import lazy

_LEGEND = "【テキスト中に現れる記号について】"
_RULE = lazy(r"^-{20,}\s*$")
_NOTE = lazy(r"［＃[^］]*］")
_HEADING = lazy(r"［＃「(?P<text>[^」]+)」は(?P<size>大|中|小)見出し］")
_LEVELS = {"大": "## ", "中": "### ", "小": "#### "}  # a book's parts, its chapters, its sections
_MISSING = lazy(r"※［＃[^］]*?(?:(?:第[34]水準)?(?P<plane>[12])-(?P<row>\d{1,2})-(?P<cell>\d{1,2})|U\+(?P<code>[0-9A-Fa-f]{4,6}))[^］]*］")
_RUBY_AFTER_BAR = lazy(r"｜([^｜《》\n]+)《([^《》\n]+)》")
_RUBY_AFTER_KANJI = lazy(r"([\u3400-\u9fff\uf900-\ufaff々〆〇ヵヶ\U00020000-\U0003134f]+)《([^《》\n]+)》")
_READING = lazy(f"{RUBY_READING}[^{RUBY_CLOSE}]*{RUBY_CLOSE}")
_COLOPHON = "底本："
_COLOPHON_REACH = 80  # lines from the end the colophon may start


def is_aozora(lines: list[str]) -> bool:
    """The legend near the top, or the notation used all through (a copy whose legend was cut)."""
    if any(line.strip() == _LEGEND for line in lines[:60]):
        return True
    text = "\n".join(lines)
    return text.count("［＃") >= 3 and "《" in text and "》" in text


def read_aozora(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the lines with the notation read, the lines of the legend and colophon for the back)."""
    lines = list(lines)
    edition: list[str] = []
    legend = next((i for i, line in enumerate(lines[:60]) if line.strip() == _LEGEND), None)
    if legend is not None:
        start = next((i for i in range(legend - 1, max(-1, legend - 4), -1) if _RULE.match(lines[i])), legend)
        end = next((i for i in range(legend + 1, min(len(lines), legend + 40)) if _RULE.match(lines[i])), legend)
        edition += lines[start + 1:end]
        lines[start:end + 1] = [""] * (end + 1 - start)
    colophon = next((i for i in range(len(lines) - 1, max(-1, len(lines) - _COLOPHON_REACH), -1)
                     if lines[i].startswith(_COLOPHON)), None)
    if colophon is not None:
        edition += [""] + lines[colophon:]
        lines[colophon:] = [""] * (len(lines) - colophon)
    return [_read_line(line) if "［＃" in line or "《" in line else line for line in lines], edition


def _read_line(line: str) -> str:
    heading = _HEADING.search(line)
    line = _MISSING.sub(_character, line)
    line = _RUBY_AFTER_BAR.sub(_ruby, line)
    line = _RUBY_AFTER_KANJI.sub(_ruby, line)
    line = _NOTE.sub("", line)
    if heading and _READING.sub("", line).replace(RUBY_OPEN, "").strip() == heading["text"].strip():
        return _LEVELS[heading["size"]] + line.strip()
    return line


def _ruby(match: re.Match) -> str:
    return f"{RUBY_OPEN}{match[1]}{RUBY_READING}{match[2]}{RUBY_CLOSE}"


def _character(match: re.Match) -> str:
    """The character a note names by its code (JIS X 0213 plane-row-cell, read through the EUC
    form Python's codec knows), or the note as it was when no codec has it."""
    if match["code"]:
        return chr(int(match["code"], 16))
    row, cell = int(match["row"]), int(match["cell"])
    data = bytes([0xA0 + row, 0xA0 + cell])
    try:
        return (data if match["plane"] == "1" else b"\x8f" + data).decode("euc_jis_2004")
    except UnicodeDecodeError:
        return match.group()
