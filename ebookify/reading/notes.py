"""Author's notes inside a chapter: a note is exactly what its marker delimits, never more.

People mark a note in a handful of ways, and each way says where the note ends:
  * ``(A/N: …)`` and ``[Author's note …]`` run to their closing bracket, across paragraphs if
    need be (a bracket that never closes makes a one-paragraph note); words after the bracket
    on the same line are story again;
  * ``A/N:``, ``AN:``, ``Author's Note:`` (and the same in other languages) with text on the line:
    that one paragraph;
  * a label alone on its line (``Author's Note:``, ``Notes:``, Royal Road's ``A note from NAME``):
    the block right under it: the lines that follow without a blank line, or else the next
    paragraph; AO3's ``Notes:`` block runs to the wider gap (two blank lines) that sets it apart
    from the story, when the story's own paragraphs are one blank line apart;
  * an AO3 chapter copy (``Chapter Text`` / ``Work Text:`` between the chapter's labelled
    summary and notes and its story): everything labelled above that line, and the labelled
    ``Notes:`` / ``Chapter End Notes`` blocks after the story, to the chapter's end.
When in doubt the note is one paragraph: a word of note left in the story costs little, a story
sentence taken into a note is lost for whoever leaves notes out. The marker itself is not kept:
the note's label says what it is. Notes keep their place: ``Note.at`` counts the story blocks
before it.
"""

from __future__ import annotations

import itertools
import re

from .blocks import BREAK, Layout, ends_with, is_scene_break, to_blocks
from .headings import AO3_END_LABELS, AO3_LABELS
from ..model import Block, Note, Placement, SceneBreak, trim_breaks
from ..patterns import lazy

# "AN" is the note's mark in capitals, or with its colon: "An" alone is the article ("(An image of
# her face flashed by)", "An-Anon-Author" are story), and so is "AN" in a line of capitals ("(AN
# OFFICIAL TRANSLATION IS READ…)", a play's stage direction).
_LABEL_WORDS = (
    r"a/n|(?-i:AN(?!\s+[A-Z]{2,}\b))|an(?=\s*:)|author'?s?[’']?s? ?(?:end ?)?notes?|authors? notes?|notes? for the chapter|chapter notes?|end notes?"
    r"|chapter end notes?|n/a|n\.?d\.?a\.?|n\.? ?de ?l\.? ?a\.?|note de l[’']auteu?r(?:e|ice)?|notes? de l[’']auteu?r(?:e|ice)?"
    r"|nota del? (?:la )?autora?|notas? del? (?:la )?autora?|nota d[oa] autora?|notas? d[oa] autora?"
    r"|note? dell[’']autor(?:e|ice)|anmerkung(?:en)?(?: de[rs] autor(?:s|in)?)?|anm\. d\. a\.?"
    r"|opmerking(?:en)? van de (?:auteur|schrijver)|notatka autora|nota autora|od autora"
    r"|примечани[ея](?: автора)?|прим\. автора|от автора"
    r"|t/n|tl ?notes?|tl(?=\s*:)|translator'?s?[’']?s? ?notes?"  # a translated web novel's "TL Note:", "T/N:"
)
_BRACKETED = lazy(rf"^\s*(?P<open>[(\[])\s*(?P<label>{_LABEL_WORDS})(?=[\s:.\-–—)\]]|$)\s*[:\-–—.]?\s*", re.I)
_BRACKET_LABEL = lazy(rf"^\s*[(\[]\s*(?P<label>{_LABEL_WORDS})\s*[:.]?\s*[)\]]\s*(?:[:\-–—]+\s*)?", re.I)
_SLASH = lazy(r"^\s*(?P<label>a/n)(?:\s*[:\-–—.]\s*|\s+)(?=\S)", re.I)  # "A/N thanks!" needs no colon
_PLAIN = lazy(rf"^\s*(?:#{{1,6}}\s+)?(?P<label>{_LABEL_WORDS})\s*(?:(?:[:\-–—]|//)\s*|$)", re.I)  # "AN// …", "## Chapter End Notes"
_QUOTE_MARK = lazy(r"^\s*>\s?")
_QUOTED_LABEL = lazy(rf"^\s*[*_]*(?P<label>{AO3_LABELS}|{_LABEL_WORDS}|作者的话|作者有话说)[*_]*\s*(?:[:：][*_]*|$)\s*", re.I)
_FROM = lazy(r"^\s*(?P<label>a note from\s+\S.{0,60}?)\s*:?\s*$", re.I)  # Royal Road
_AO3_TEXT = lazy(r"^\s*(?:chapter text|work text:?)\s*$", re.I)
_AO3_LABEL = lazy(rf"^\s*(?:#{{1,6}}\s+)?(?P<label>{AO3_LABELS}|author'?s?[’']?s? ?notes?)\s*:?\s*$", re.I)
# AO3's own labels over a chapter's blocks, which sit one under the other with no story between
_CHAPTER_LABEL = lazy(rf"^\s*(?:#{{1,6}}\s+)?(?:chapter summary|chapter notes|{AO3_END_LABELS})\s*:?\s*$", re.I)
_END_LABEL = lazy(rf"^\s*(?:#{{1,6}}\s+)?(?:{AO3_END_LABELS})\s*:?\s*$", re.I)
_STORY_PARAGRAPHS = 10  # a chapter's story runs to this many paragraphs at least
_END_GROUPS = 12  # AO3's end notes run to the chapter's end, and seldom over more paragraphs than this
_SEE_END = lazy(r"^\s*\(?\s*see the (?:end|beginning) of the (?:chapter|work) for (?:more )?notes\.?\s*\)?\s*$", re.I)
_POINTER_REACH = 40  # lines from an AO3 notes label to its pointer, at most
_CLOSING = {"(": ")", "[": "]"}
_QUOTE_ESCAPE = lazy(r"\\(['\"’])")  # Markdown writers escape a quote or an apostrophe, needlessly
_NOTE_WORD = lazy(r"^\s*(?P<label>notes?(?:\s+\d{1,2})?)\s*:\s*(?=\S)", re.IGNORECASE)  # "Note:", "Note 2:" with the note after it
_PROSE_WORDS = 40
# A Markdown copy sets its notes in bold or italics: "**A/N:** …", "**Author's Note:**", "*A/N: …*".
_EMPHASIS = lazy(r"^\s*(?P<marks>\*{1,3}|_{1,3})(?=[^\s*_])")
_EMPHASISED_LABEL = lazy(r"^\s*(?P<marks>\*{1,3}|_{1,3})(?P<label>[^*_]{1,60}?)(?P=marks)(?![*_])")
_ENDS_SENTENCE = frozenset(".!?…:)]\"”’»*~")
_MOST_GROUPS = 6  # a note never runs over more paragraphs than this without a closing bracket
_MOST_LINES = 8  # a block of lines under a label longer than this is story, not the note's
_AO3_GROUPS = 3  # an AO3 "Notes:" block set apart by a wider gap has at most this many paragraphs


# The usual labels, in short or in full: shown in the book's language as "Author’s Note" or
# "Translator’s Note". Any other label is shown as written ("Author's Endnote", "Chapter End
# Notes", "Note de l'auteur", "От автора"): its words are the writer's.
_USUAL_LABEL = lazy(r"^(?:a/n|an|n/a|n\.?d\.?a|n\.? ?de ?l\.? ?a|anm\. d\. a|прим\. автора"
                    r"|(?P<translator>t/n|tl(?: ?notes?)?|translator(?:'?s|s')? notes?)|authors?'?s? notes?)$", re.I)
_APOSTROPHE = lazy(r"(?<=\w)'(?=\w)")


def note_label(label: str) -> str:
    """How a note introduces itself: "Author’s Note" (or "Translator’s Note") where the writer
    put it so in any spelling or in short ("A/N", "T/N", "TL Note"), so the book's language can
    name it; otherwise as written ("A note from Quill", "Chapter End Notes")."""
    text = " ".join(label.strip(" :.-–—()[]").split())
    usual = _USUAL_LABEL.match(text.replace("’", "'"))
    if not usual:
        return _APOSTROPHE.sub("’", text[:1].upper() + text[1:])
    who = "Translator" if usual["translator"] else "Author"
    return f"{who}’s Notes" if text.lower().endswith("notes") else f"{who}’s Note"


def inside_ao3_notes(lines: list[str], index: int) -> bool:
    """Does line ``index`` stand between an AO3 notes label ("Chapter Notes", "Notes:") and the
    pointer that closes the notes ("See the end of the chapter for more notes")? Such a line is
    the author's ("Last chapter."), never a heading."""
    above = next((k for k in range(index - 1, max(-1, index - _POINTER_REACH), -1) if is_ao3_marker(lines[k])), None)
    if above is None or not _AO3_LABEL.match(lines[above]):
        return False
    below = next((k for k in range(index + 1, min(len(lines), above + _POINTER_REACH)) if is_ao3_marker(lines[k])), None)
    return below is not None and bool(_SEE_END.match(lines[below]))  # the same notes' pointer, no label between


def story_under(lines: list[str], index: int, stop: int | None = None) -> bool:
    """Is line ``index`` over a chapter's story: ten paragraphs at least before AO3's next label
    (or ``stop``)? A short line in a chapter's end notes has the next chapter's title and notes
    close under it."""
    paragraphs = 0
    for line in itertools.islice(lines, index + 1, stop):
        if is_ao3_marker(line):
            return False
        paragraphs += bool(line.strip())
        if paragraphs >= _STORY_PARAGRAPHS:
            return True
    return False


def is_ao3_marker(line: str) -> bool:
    """One of the lines AO3 sets around a chapter's text: a notes label, a pointer to the notes, "Chapter Text"."""
    return bool(_AO3_LABEL.match(line) or _SEE_END.match(line) or _AO3_TEXT.match(line))


def is_marker(line: str) -> bool:
    """Does this line open an author's note?"""
    line = _unwrapped(line)
    return bool(_bracketed(line) or _labelled(line))


def _bracketed(line: str) -> re.Match | None:
    """``_BRACKETED.match``, asked only of a line that opens with a bracket: a story with none
    never compiles it (a millisecond of a short story's run)."""
    return _BRACKETED.match(line) if line.lstrip()[:1] in ("(", "[") else None


def _labelled(line: str) -> re.Match | None:
    return _SLASH.match(line) or _PLAIN.match(line) or _FROM.match(line)


def _unwrapped(line: str) -> str:
    """A label set in emphasis, read as if it were not: ``**A/N:** thanks`` is ``A/N: thanks``,
    ``**Author's Note:**`` is ``Author's Note:``, and ``**A/N: thanks**`` is ``A/N: **thanks**`` (the
    note's own words keep their emphasis). Any other line comes back as it is."""
    if line.lstrip()[:1] not in ("*", "_"):
        return line
    span = _EMPHASISED_LABEL.match(line)
    if span and (label := _labelled(span["label"])) and not span["label"][label.end():].strip():
        return span["label"] + line[span.end():]
    emphasis = _EMPHASIS.match(line)
    rest = line[emphasis.end():] if emphasis else ""
    label = _labelled(rest) if emphasis else None
    if label and rest[label.end():].strip():
        return rest[:label.end()] + emphasis["marks"] + rest[label.end():]
    return line


def _wrapping(text: str) -> str:
    """The emphasis marks a whole paragraph is set in (``**`` for ``**All of it.**``), or ""."""
    emphasis = _EMPHASIS.match(text)
    if not emphasis:
        return ""
    marks, text = emphasis["marks"], text.rstrip()
    return marks if text.endswith(marks) and not text[:-len(marks)].endswith(marks[0]) else ""


def split_notes(lines: list[str], layout: Layout, blocks: tuple[Block, ...] | None = None
                ) -> tuple[tuple[Block, ...], tuple[Note, ...], list[tuple[int, str]]]:
    """A chapter's lines to (story blocks, notes in place, trace of (line, rule) for each note).
    ``blocks``: ``to_blocks(lines)`` if the caller has them; when no line belongs to a note (most
    chapters), they are the story, and the lines are not parsed a second time."""
    reader = _Reader(list(lines), layout)
    text_at = next((i for i, line in enumerate(lines) if _AO3_TEXT.match(line)), None)
    if text_at is not None:
        reader.ao3(text_at)
    else:
        reader.scan(0, len(lines))
    if blocks is not None and reader.items == [("story", reader.lines)]:
        return trim_breaks(blocks), (), reader.trace
    return reader.assemble()


class _Reader:
    """Walks a chapter's lines once, cutting them into story runs and notes."""

    def __init__(self, lines: list[str], layout: Layout):
        self.lines = lines
        self.layout = layout
        self.items: list[tuple[str, object]] = []  # ("story", [lines]) or ("note", Note-in-waiting)
        self.trace: list[tuple[int, str]] = []

    # Rules ------------------------------------------------------------------------------------

    def ao3(self, text_at: int) -> None:
        """An AO3 copy: labelled blocks above ``Chapter Text``, labelled end notes after the story."""
        lines = self.lines
        self.trace.append((text_at, "AO3 'Chapter Text' / 'Work Text': the story starts below"))
        first = next((i for i in range(text_at) if lines[i].strip()), None)
        if first is not None and (_AO3_LABEL.match(lines[first]) or _SEE_END.match(lines[first])):
            self._labelled_run(first, text_at, "AO3 chapter notes above 'Chapter Text'")
        elif first is not None:
            self.scan(0, text_at)
        end = next((i for i in range(text_at + 1, len(lines)) if _AO3_LABEL.match(lines[i])
                    and "summary" not in lines[i].lower()), len(lines))
        self.scan(text_at + 1, end)
        if end < len(lines):
            self._labelled_run(end, len(lines), "AO3 end notes after the story")

    def _labelled_run(self, start: int, stop: int, rule: str) -> None:
        """Lines from ``start`` to ``stop``, each label opening a note that runs to the next label."""
        label, body = "Notes", []
        for i in range(start, stop):
            line = self.lines[i]
            if _AO3_LABEL.match(line):
                if body:
                    self._note(body, label, start, rule)
                label, body = _AO3_LABEL.match(line)["label"], []
            else:
                body.append(line)
        self._note(body, label, start, rule)

    def scan(self, start: int, stop: int) -> None:
        lines, i = self.lines, start
        self.opening = self._opening_end(start, stop)
        while i < stop:
            line = lines[i]
            if not line.strip() or not self._starts_paragraph(i, start):
                self._story(line)
                i += 1
                continue
            i = self._marked(i, stop)

    def _marked(self, i: int, stop: int) -> int:
        """Read the note that starts at line ``i``, if one does; return the line after it."""
        line = self.lines[i]
        bracketed = _bracketed(line)
        label_only = _BRACKET_LABEL.match(line) if bracketed else None  # "[T/N] - …", "[A/N]": the note after it
        if bracketed and not label_only:
            return self._bracketed(i, stop, bracketed)
        if _SEE_END.match(line):
            self._note([line.strip()], "Notes", i, "AO3 pointer to the notes at the end", pointer=True)
            return i + 1
        if line.lstrip()[:1] == ">" and (end := self._quoted(i, stop)):
            return end
        if line[:1] == "#" and _AO3_LABEL.match(line) and self._block_under(i + 1, stop) is None:
            return self._past_gap(i + 1, stop)  # an exporter's "#### Chapter Notes" over no notes: its markup
        plain = _QUOTE_ESCAPE.sub(r"\1", line) if self.layout.markdown and "\\" in line else line  # pandoc's "Author\'s Note"
        plain = _unwrapped(plain) if self.layout.emphasis else plain
        if label_only:
            plain = f"{label_only['label']}: {line[label_only.end():]}".rstrip()
        labelled = _PLAIN.match(plain)
        alone = _FROM.match(plain) or (labelled if labelled and not plain[labelled.end():].strip() else None) or (
            _AO3_LABEL.match(plain) if plain[:1] == "#" or plain.lstrip()[:8].lower() == "chapter " else None)
        # an exporter's "#### Chapter Summary"; AO3's own "Chapter Summary" in a download's copy
        if alone:
            end = self._block_under(i + 1, stop)
            if end is None:  # a label with nothing under it is a word of the story
                self._story(line)
                return i + 1
            body = self.lines[i + 1:end]
            rule = "label alone: the block under it"
        elif marked := _SLASH.match(plain) or labelled or (
                _NOTE_WORD.match(plain) if i < self.opening else None):  # "Note: a draft still", atop the chapter
            end = self._paragraph_end(i, stop)
            body = [plain[marked.end():]] + self.lines[i + 1:end]
            rule = f"'{marked['label']}' opens a one-paragraph note"
        else:
            self._story(line)
            return i + 1
        if self.layout.emphasis and (marks := _wrapping(" ".join(b.strip() for b in body if b.strip()))):
            run = self._emphasised_run(end, stop, marks)
            rule += f", and the paragraphs in {marks} after it" if run > end else ""
            body, end = body + self.lines[end:run], run
        self._note(body, (alone or marked)["label"], i, rule)
        return end

    def _quoted(self, i: int, stop: int) -> int | None:
        """"> Notes：…" and the lines of its quote, atop the chapter or at its end: notes copied from
        AO3, which sets them as a quote there (a story's quoted letter opens with no label). The
        line after the quote, or None."""
        end = i
        while end < stop and self.lines[end].lstrip()[:1] == ">":
            end += 1
        inner = [_QUOTE_MARK.sub("", line, 1) for line in self.lines[i:end]]
        label = _QUOTED_LABEL.match(inner[0])
        if label is None or not any(line.strip() for line in [inner[0][label.end():], *inner[1:]]):
            return None
        if i >= self.opening and any(line.strip() for line in self.lines[end:stop]):
            return None  # where AO3 sets notes, atop the chapter or at its end; mid-story, a quoted report's "Notes:"
        self._note([inner[0][label.end():]] + inner[1:], label["label"], i, f"a quote that opens '{label['label']}:'")
        return end

    def _bracketed(self, i: int, stop: int, match: re.Match) -> int:
        """``(A/N …)``: to the matching bracket; what follows it on that line is story again."""
        opener = match["open"]
        closer, depth, groups = _CLOSING[opener], 1, 0
        for k in range(i, stop):
            line = self.lines[k]
            if not line.strip():
                groups += 1
                if groups > _MOST_GROUPS:
                    break
                continue
            for col in range(match.end() if k == i else 0, len(line)):
                depth += (line[col] == opener) - (line[col] == closer)
                if depth == 0:
                    body = [line[match.end():col]] if k == i else \
                        [self.lines[i][match.end():]] + self.lines[i + 1:k] + [line[:col]]
                    self._note(body, match["label"], i, f"'{opener}{match['label']}' to its closing '{closer}'")
                    rest = line[col + 1:].strip()
                    if rest:
                        self._story(rest)
                    return k + 1
        end = self._paragraph_end(i, stop)  # never closed: one paragraph, its last bracket dropped
        body = [self.lines[i][match.end():]] + self.lines[i + 1:end]
        body[-1] = re.sub(rf"\{closer}\s*$", "", body[-1])
        self._note(body, match["label"], i, f"'{opener}{match['label']}' never closed: one paragraph")
        return end

    # Extents ----------------------------------------------------------------------------------

    def _opening_end(self, start: int, stop: int) -> int:
        """Where a chapter's opening ends: at its first scene break, or at its first paragraph of
        prose (40 words or more). A plain "Note:" there is the author's; further on it may be a note
        a character leaves."""
        i, seen = start, False
        while i < stop:
            if not self.lines[i].strip() or not (seen or self._in_group(i)):  # a rule under the heading
                i += 1
                continue
            if not self._in_group(i):
                return i
            seen = True
            end = self._paragraph_end(i, stop) if self.layout.wrapped else i + 1
            if sum(len(line.split()) for line in self.lines[i:end]) >= _PROSE_WORDS and not is_marker(self.lines[i]) \
                    and not _NOTE_WORD.match(self.lines[i]):
                return i
            i = end
        return stop

    def _emphasised_run(self, end: int, stop: int, marks: str) -> int:
        """A note set all in bold (or italics) goes on through the paragraphs set the same way after
        it, when they run to the chapter's end or to a scene break (a note closing a chapter, or
        ruled off from the story); when story follows them, it is one paragraph (``end``)."""
        j = end
        while j < stop:
            if not self.lines[j].strip():
                j += 1
                continue
            if not self._in_group(j):
                return j  # a scene break: the note ends before it
            k = self._paragraph_end(j, stop) if self.layout.wrapped else j + 1
            if self.layout.spaced and not self.layout.wrapped:
                while k < stop and self._in_group(k):
                    k += 1
            if _wrapping(" ".join(line.strip() for line in self.lines[j:k])) != marks:
                return end
            j = k
        return stop

    def _starts_paragraph(self, i: int, start: int) -> bool:
        if i == start or not self.layout.wrapped or not self.lines[i - 1].strip():
            return True  # a marker after a finished sentence starts a paragraph even without a blank line
        return self.layout.indented and self.layout.opens_indented(self.lines[i]) or ends_with(self.lines[i - 1], _ENDS_SENTENCE)

    def _past_gap(self, i: int, stop: int) -> int:
        """The first line of text from ``i`` on: blank lines, and the break they make, skipped."""
        while i < stop and (not self.lines[i].strip() or self.lines[i] == BREAK):
            i += 1
        return i

    def _paragraph_end(self, i: int, stop: int) -> int:
        """The line after the paragraph that starts at ``i``, as the file's layout makes paragraphs."""
        if not self.layout.wrapped:
            return i + 1
        j = i + 1
        while j < stop and self._in_group(j) and not (self.layout.indented and self.layout.opens_indented(self.lines[j])):
            if ends_with(self.lines[j - 1], _ENDS_SENTENCE):
                break  # when in doubt, a line that ends a sentence ends the note
            if is_marker(self.lines[j]):
                break
            j += 1
        return j if j - i <= 3 * _MOST_LINES else i + 1

    def _in_group(self, j: int) -> bool:
        line = self.lines[j]
        return bool(line.strip()) and line != BREAK and not is_scene_break(line)

    def _block_under(self, i: int, stop: int) -> int | None:
        """Where the block under a lone label ends: its lines without a blank, else the next paragraph,
        or the paragraphs up to a gap wider than the story's own (AO3's ``Notes:`` block)."""
        label = self.lines[i - 1]  # under AO3's label as a PDF's copy sets it, a margin of 4 blank lines
        reach = 5 if _AO3_LABEL.match(label) and label.lstrip()[:1] != "#" else 3
        first = next((j for j in range(i, min(stop, i + reach)) if self.lines[j].strip()), None)
        if first is None or not self._in_group(first):
            return None
        if _END_LABEL.match(self.lines[i - 1]) and self._paragraphs(first, stop) <= _END_GROUPS:
            return self._next_title(first, stop)  # AO3's "Chapter End Notes": all that follows, to the chapter's end
        if _AO3_LABEL.match(self.lines[i - 1]):  # AO3's "Chapter Notes" run to the pointer under them,
            marker = next((k for k in range(first, min(stop, i + _POINTER_REACH)) if is_ao3_marker(self.lines[k])), None)
            if marker is not None and _SEE_END.match(self.lines[marker]):
                return marker + 1
            if marker is not None and _AO3_LABEL.match(self.lines[marker]) and _CHAPTER_LABEL.match(label) and (
                    _END_LABEL.match(label) or not _END_LABEL.match(self.lines[marker])):
                return marker  # its "Chapter Summary" to the "Chapter Notes" label under it, the chapter's
                # end notes to the work's; never notes atop a chapter to the end notes after its story,
                # nor a writer's "Author's Note:" to the next, with the story between
        if self.layout.wrapped:
            group_end = self._paragraph_end(first, stop)
        else:
            group_end = first
            while group_end < stop and self._in_group(group_end) and not is_marker(self.lines[group_end]):
                group_end += 1
        if group_end - first > _MOST_LINES or not (self.layout.wrapped or self.layout.spaced):
            return self._paragraph_end(first, stop)  # no blank lines to go by: one paragraph
        ao3 = _AO3_LABEL.match(self.lines[i - 1]) and "author" not in self.lines[i - 1].lower()
        gaps = self._gaps(group_end, stop) if ao3 else []
        if gaps and min(size for _, size in gaps) == 1:  # the story's paragraphs are one blank apart
            for count, (at, size) in enumerate(gaps[:_AO3_GROUPS]):
                if size >= 2:
                    return at if count else group_end
                if _bracketed(self.lines[at + size]) or _PLAIN.match(self.lines[at + size]):
                    break
        return group_end

    def _next_title(self, j: int, stop: int) -> int:
        """Where AO3's end notes stop: at the chapter's end, or before a title alone over prose, the
        next chapter's when no heading was seen there (its title is no note, nor its story)."""
        for k in range(j + 1, stop - 1):
            text = self.lines[k].strip()
            if text and not self.lines[k - 1].strip() and not self.lines[k + 1].strip() and len(text) <= 60 \
                    and len(text.split()) <= 10 and text[0].isalnum() and not text[0].islower() \
                    and text[-1] not in _ENDS_SENTENCE and not is_ao3_marker(text) and story_under(self.lines, k, stop):
                return k
        return stop

    def _paragraphs(self, j: int, stop: int) -> int:
        """How many paragraphs (groups of lines) there are from ``j`` to ``stop``, none a scene break."""
        count = 0
        for k in range(j, stop):
            if not self._in_group(k) and self.lines[k].strip():
                if any(self._in_group(m) for m in range(k + 1, stop)):
                    return _END_GROUPS + 1  # a scene break, and the story goes on after it
                break  # the blank lines before the next chapter, read as a break
            count += bool(self.lines[k].strip()) and (k == j or not self.lines[k - 1].strip())
        return count

    def _gaps(self, j: int, stop: int) -> list[tuple[int, int]]:
        """(first blank line, number of blank lines) of each gap from ``j`` on, up to a scene break."""
        gaps, start = [], None
        for k in range(j, stop):
            if not self.lines[k].strip():
                start = k if start is None else start
            else:
                if start is not None:
                    gaps.append((start, k - start))
                    start = None
                if not self._in_group(k):
                    break
        return gaps

    # Output -----------------------------------------------------------------------------------

    def _story(self, line: str) -> None:
        if self.items and self.items[-1][0] == "story":
            self.items[-1][1].append(line)
        else:
            self.items.append(("story", [line]))

    def _note(self, body: list[str], label: str, line: int, rule: str, pointer: bool = False) -> None:
        """``pointer``: AO3's "(See the end of the chapter…)" alone, which ends the note above it."""
        blocks = tuple(b for b in to_blocks(body, self.layout) if not isinstance(b, SceneBreak))
        if not blocks:
            return
        last = next((n for n in range(len(self.items) - 1, -1, -1) if self.items[n][0] == "note"
                     or any(line.strip() for line in self.items[n][1])), None)
        if pointer and last is not None and self.items[last][0] == "note":
            previous = self.items[last][1]  # "(See the end of the chapter…)" belongs to the note above
            self.items[last] = ("note", Note(previous.blocks + blocks, previous.placement, previous.label))
            return
        self.items.append(("note", Note(blocks, Placement.BEFORE, note_label(label))))
        self.trace.append((line, f"note ({note_label(label)}): {rule}"))

    def assemble(self) -> tuple[tuple[Block, ...], tuple[Note, ...], list[tuple[int, str]]]:
        """Story blocks with no break at either end or twice in a row; each note placed by the
        number of story blocks before it."""
        blocks: list[Block] = []
        placed: list[tuple[int, Note]] = []
        for kind, value in self.items:
            if kind == "note":
                placed.append((len(blocks), value))
                continue
            for block in to_blocks(value, self.layout):
                if isinstance(block, SceneBreak) and (not blocks or isinstance(blocks[-1], SceneBreak)):
                    continue
                blocks.append(block)
        while blocks and isinstance(blocks[-1], SceneBreak):
            blocks.pop()
        notes = []
        for at, note in placed:
            at = min(at, len(blocks))
            placement = Placement.BEFORE if at == 0 else Placement.AFTER if at == len(blocks) else Placement.WITHIN
            notes.append(Note(note.blocks, placement, note.label, at))
        return tuple(blocks), tuple(notes), self.trace
