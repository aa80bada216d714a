"""What fan-fiction sites and downloaders put around a story, read into fields and headings.

  * FanFiction.Net's statistics line, ``Rated: Fiction T - English - Romance/Drama - Harry P. -
    Chapters: 12 - Words: 45,678 - … - Published: 1/2/2018 - Status: Complete - id: 12345``:
    rating, language, genres, characters, status and dates;
  * AO3's statistics, ``Published: 2020-01-01 Completed: 2020-02-01 Words: 5,000 Chapters: 3/3
    Kudos: 40``: dates, and the status the chapter count says (3/3 complete, 3/? in progress);
  * FanFicFare's text export: after its header comes a ``TABLE OF CONTENTS`` whose entries are
    the chapter titles; each chapter then opens with its title indented (a long one wraps onto an
    unindented line), then the site's own heading (``### …``), a ``chapter URL:`` and a
    ``Timestamp:`` line; ``End file.`` closes the book. The contents list is navigation, the
    indented titles are the headings, the site's heading is a subheading under them, the URL and
    time stamp are the downloader's bookkeeping and ``End file.`` is not story;
  * Chinese TXT sites: ``正文`` or ``《》目录`` before each chapter's heading (headings.py reads
    past them) and under it the chapter's ``更新时间:2007-11-16 7:55:51 本章字数:4804`` (updated,
    characters in the chapter): the site's bookkeeping too.
Counts (words, kudos, reviews) are recomputed or left out, never shown as the text's own.
"""

from __future__ import annotations

import re

from msgspec import Struct, field

from .blocks import SUBHEADING
from .headings import MARKDOWN, Heading, match_heading
from .labels import STATUS_WORDS
from ..patterns import lazy

_FFN_GENRES = {
    "adventure", "angst", "crime", "drama", "family", "fantasy", "friendship", "general", "horror", "humor",
    "hurt/comfort", "mystery", "parody", "poetry", "romance", "sci-fi", "spiritual", "supernatural", "suspense",
    "tragedy", "western",
}
_FFN_STATS = lazy(r"^\s*Rated\s*:\s*(?P<body>.+?-\s*(?:[^-]+-\s*)*id\s*:\s*\d+.*?)$", re.I)
_FFN_PAIR = lazy(r"^(?P<key>[A-Za-z ]+?)\s*:\s*(?P<value>.+)$")
_AO3_STATS = lazy(r"^\s*(?:Stats:\s*)?Published:\s*\S+(?:\s+\w+:\s*\S+){2,}\s*$", re.I)
_AO3_PAIR = lazy(r"(?P<key>Published|Updated|Completed|Chapters|Words|Comments|Kudos|Bookmarks|Hits|Language)"
                       r":\s*(?P<value>\S+)", re.I)
_CHAPTER_COUNT = lazy(r"\bChapters\s*:\s*(\d+)", re.I)
_CONTENTS = lazy(r"^\s*(?:table of contents|contents|table des matières|sommaire|inhalt|inhaltsverzeichnis"
                       r"|índice|indice|sommario|inhoud|spis treści|содержание|оглавление)\s*:?\s*$", re.I)
_FFF_BOOKKEEPING = lazy(r"^\s*(?:chapter URL|Timestamp)\s*:", re.I)
_END_FILE = lazy(r"^\s*End file\.?\s*$", re.I)
_SITE_HEADING = lazy(r"^\s*#{1,6}\s+(?P<text>\S.*?)\s*#*\s*$")


def is_contents(line: str) -> bool:
    """ "Contents", "Table of Contents", "Sommaire", "Inhalt", "Оглавление"… alone on a line."""
    return bool(_CONTENTS.match(line))


def is_ffn_stats(line: str) -> bool:
    return bool(_FFN_STATS.match(line))


def ffn_stats(line: str) -> dict:
    """The fields of FanFiction.Net's statistics line."""
    parts = [p.strip() for p in re.split(r"\s+-\s+", _FFN_STATS.match(line)["body"]) if p.strip()]
    fields: dict = {"rating": re.sub(r"^fiction\s+", "", parts[0], flags=re.I)}
    loose = []
    for part in parts[1:]:
        pair = _FFN_PAIR.match(part)
        if pair:
            key, value = pair["key"].strip().lower(), pair["value"].strip()
            if key in ("published", "updated"):
                fields[key] = value
            elif key == "status":
                fields["status"] = status_word(value)
        else:
            loose.append(part)
    if loose:
        fields["language"] = loose.pop(0)
    if loose and all(g.lower() in _FFN_GENRES for g in _genres(loose[0])):
        fields["tags"] = tuple(_genres(loose.pop(0)))
    if loose:
        fields["characters"] = tuple(c.strip() for c in re.split(r"[,\[\]]", " ".join(loose)) if c.strip())
    return fields


def _genres(text: str) -> list[str]:
    """ "Hurt/Comfort/Romance" → Hurt/Comfort, Romance: the one genre with a slash in its name."""
    return [g.replace("\0", "/") for g in text.replace("Hurt/Comfort", "Hurt\0Comfort").split("/") if g]


def is_ao3_stats(line: str) -> bool:
    return bool(_AO3_STATS.match(line))


def ao3_stats(line: str) -> dict:
    """AO3's one-line statistics: dates, and the status its chapter count tells."""
    fields: dict = {}
    for match in _AO3_PAIR.finditer(line):
        key, value = match["key"].lower(), match["value"]
        if key in ("published", "updated"):
            fields[key] = value
        elif key == "completed":
            fields["updated"], fields["status"] = value, "complete"
        elif key == "chapters" and "/" in value:
            done, total = value.split("/", 1)
            fields.setdefault("status", "complete" if done == total else "in-progress")
    return fields


def stated_chapters(lines: list[str]) -> int:
    """How many chapters a site's statistics line says are posted ("Chapters: 34/34" on AO3,
    "Chapters: 12" on FanFiction.Net); 0 when no such line says."""
    for line in lines:
        if is_ao3_stats(line) or is_ffn_stats(line):
            count = _CHAPTER_COUNT.search(line)
            if count:
                return int(count[1])
    return 0


def status_word(value: str) -> str:
    return STATUS_WORDS.get(" ".join(value.lower().strip(" .").split()), value.strip())


class Export(Struct):
    """A downloader's layout found in the body: the lines with its bookkeeping blanked out, and
    the headings it states (line index → heading)."""

    lines: list[str]
    headings: dict[int, Heading] = field(default_factory=dict)
    trace: list[tuple[int, str]] = field(default_factory=list)


def read_export(lines: list[str], start: int) -> Export | None:
    """FanFicFare's contents list and chapter titles, when ``lines[start:]`` opens with them."""
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or not _CONTENTS.match(lines[i]):
        return None
    entries: list[tuple[int, str]] = []
    j, blanks = i + 1, 0
    while j < len(lines) and not (entries and blanks >= 2):  # the list ends at a wider gap
        if lines[j].strip():
            entries.append((j, lines[j].strip()))
            blanks = 0
        else:
            blanks += 1
        j += 1
    out = list(lines)
    headings: dict[int, Heading] = {}
    trace = [(i, f"FanFicFare contents list: {len(entries)} entries, navigation, not text")]
    wanted = [text for _, text in entries]
    k = j
    while k < len(lines) and wanted:
        title, used = _indented_title(lines, k, wanted[0])
        if title:
            headings[k] = _heading(title)
            for extra in range(k + 1, k + used):
                out[extra] = ""
            trace.append((k, f"chapter title from FanFicFare's indented line: {title}"))
            wanted.pop(0)
            k += used
        else:
            k += 1
    if len(headings) < max(1, len(entries) // 2):
        return None
    for index, _ in entries:
        out[index] = ""
    out[i] = ""
    _tidy_chapters(out, sorted(headings), trace)
    return Export(out, headings, trace)


def _heading(title: str) -> Heading:
    """A title that is only a label ("Chapter 7", "Prologue") is one; any other is kept whole, as written."""
    keyword = match_heading(title)
    return keyword if keyword and keyword.kind != MARKDOWN and not keyword.title and keyword.label == title \
        else Heading(MARKDOWN, "", title)


def _indented_title(lines: list[str], k: int, entry: str) -> tuple[str, int]:
    """The chapter title that starts at line ``k`` (indented, maybe wrapped over the next lines)."""
    line = lines[k]
    if not line[:1].isspace() or not line.strip() or not entry.startswith(line.strip()[:20]):
        return "", 0
    text, used = line.strip(), 1
    while text != entry and k + used < len(lines) and lines[k + used].strip() and len(text) < len(entry):
        text, used = f"{text} {lines[k + used].strip()}", used + 1
    return (entry, used) if " ".join(text.split()) == " ".join(entry.split()) else ("", 0)


def _tidy_chapters(out: list[str], starts: list[int], trace: list) -> None:
    """Under each title: the site's heading becomes a subheading; URL and time stamp lines go."""
    for position, start in enumerate(starts):
        stop = starts[position + 1] if position + 1 < len(starts) else len(out)
        seen_text = False
        for n in range(start + 1, stop):
            line = out[n]
            if not line.strip():
                continue
            site = _SITE_HEADING.match(line)
            if site and not seen_text:
                out[n] = SUBHEADING + site["text"]
                trace.append((n, f"the site's own heading, kept as a subheading: {site['text']}"))
            elif _FFF_BOOKKEEPING.match(line) and not seen_text:
                out[n] = ""
                trace.append((n, "FanFicFare's chapter URL / time stamp: bookkeeping, not text"))
            else:
                seen_text = True
    last = max((n for n in range(len(out)) if out[n].strip()), default=None)
    if last is not None and _END_FILE.match(out[last]):
        out[last] = ""
        trace.append((last, "FanFicFare's 'End file.': the end of the export, not story"))


_UPDATE_STAMP = lazy(r"^\s*更新时间\s*[:：].{0,40}?字数\s*[:：]\s*\d+\s*$")


def without_update_stamps(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """The lines with a Chinese site's update stamps blanked (so every line keeps its number)."""
    stamps = [i for i, line in enumerate(lines) if line[:8].lstrip()[:2] == "更新" and _UPDATE_STAMP.match(line)]
    if not stamps:
        return lines, []
    kept = set(stamps)
    return ["" if i in kept else line for i, line in enumerate(lines)], [
        (stamps[0], f"{len(stamps)} update stamps of a Chinese site ('更新时间: … 字数: …'), dropped")]
