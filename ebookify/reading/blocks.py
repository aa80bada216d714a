"""Lines of one section to blocks: paragraphs, verse, block quotes, code and scene breaks.

How lines make paragraphs is a property of the whole file (``Layout``), decided once:
  * one paragraph per line, with or without blank lines between (exports, copy-pastes);
  * hard-wrapped: lines of 60–100 columns, blank lines between paragraphs (Project Gutenberg),
    joined into whole paragraphs; a word hyphenated across a wrap is joined only when the
    unbroken word occurs elsewhere in the text ("won-/derful" but "lamp-/post");
  * indent style: wrapped lines, a new paragraph at each indented line.
In a hard-wrapped file, a group of lines all much shorter than the wrap (a poem, a letter's
address) keeps its line breaks.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from msgspec import Struct
from msgspec.structs import replace

from .inline import MARKS, parse_inlines
from ..options import Settings
from ..model import Block, BlockQuote, LineBreak, ListBlock, Paragraph, Preformatted, SceneBreak, Subheading, Text
from ..patterns import CJK_MARKS, HAN, KANA, lazy, may_be_cjk

_DIVIDER_SYMBOLS = set("*#~=_+•§◇◆◊·°♦❖✦✧⁂※†-–—|/<>^") | set("＊＃～☆★○●◎■□◯―═─━")  # and CJK texts' own
_LONE_DIVIDERS = set("#*◇◆•§⁂※❖✦♦＊☆★◎") | {"x", "X"}
_NOT_A_DIVIDER = lazy("[^\\s" + re.escape("".join(sorted(_DIVIDER_SYMBOLS | _LONE_DIVIDERS))) + "oOxX0]")
_BREAK_DECORATION = r"[\s*#~=_+•\-–—|/<>()\[\]{}.:]*"  # what frames a divider's words ("-Line Break-", "[Page Break]")
_BREAK_WORDS = lazy(_BREAK_DECORATION + r"(?:line ?break|scene ?break|scene ?change|page ?break|scenbrytning|scenbyte"
                    r"|szenenwechsel|changement de scène|cambio de escena|cambio di scena|mudança de cena"
                    r"|quebra de cena|scènewissel|смена сцены)" + _BREAK_DECORATION + "$", re.IGNORECASE)
_BREAK_WORDS_LENGTH = 40
BREAK = "\x00break"  # a scene break that blank lines made; NUL never survives decoding
SUBHEADING = "\x00sub "  # a line that a site reader marked as a heading inside a chapter
_WORD = lazy(r"[^\W\d_]+")
_SENTENCE_END = frozenset(".!?…:;)]\"”’»*~_-。！？」』）")
_HYPHENATED = lazy(r"([^\W\d_]+)-$")  # a word broken at the end of a line
_CJK_SEAM = lazy(f"[{HAN}{KANA}{CJK_MARKS}]")  # Chinese and Japanese text and its punctuation
FENCE = lazy(r"^\s*```")  # not ~~~: in stories that is a scene break


class Layout(Struct, frozen=True):
    """How the text's lines make paragraphs: measured once for the whole text, used for every span."""

    wrapped: bool
    width: int  # the wrap column of a hard-wrapped file
    indented: bool  # paragraphs begin with an indent rather than after a blank line
    vocabulary: Words | frozenset[str]  # the text's words, for dehyphenation
    emphasis: str = MARKS  # the emphasis marks read ("": none)
    scene_breaks: bool = True
    spaced: bool = True  # most lines have a blank line after them: a run of lines is a deliberate block
    markdown: bool = False  # backslash escapes are Markdown's (``Settings.markdown``)
    verse: bool = False  # the whole text is verse: each group of lines a stanza, its line breaks kept
    margin: int = 0  # the spaces nearly every line opens with (a text set in from the edge), before any indent
    short_ends: bool = False  # paragraphs follow one another with nothing between: a short line ends one

    def opens_indented(self, line: str) -> bool:
        """Whether the line opens further in than the text's margin: where an indent starts a paragraph."""
        return len(line) - len(line.lstrip()) > self.margin


LINE_BY_LINE = Layout(False, 0, False, frozenset())  # each line a paragraph of its own (a colophon, a short block)


def read_layout(lines: list[str], settings: Settings = Settings()) -> Layout:
    layout = _measure(lines, settings.paragraphs)
    return replace(layout, emphasis=MARKS if settings.emphasis else "", scene_breaks=settings.scene_breaks,
                   markdown=settings.markdown)


def _measure(lines: list[str], style: str) -> Layout:
    texts = [line for line in lines if line.strip() and not is_scene_break(line)]
    lengths = sorted(len(line.rstrip()) for line in texts)
    last = max((i for i, line in enumerate(lines) if line.strip()), default=0)
    followed = sum(1 for i in range(last) if lines[i].strip() and not lines[i + 1].strip())
    spaced = followed >= 0.5 * max(1, len(texts) - 1)
    if style == "line" or len(lengths) < 4 and style != "wrapped":
        return Layout(False, 0, False, frozenset(), spaced=spaced)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    runs = _runs(lines)
    multi = sum(1 for run in runs if len(run) > 1)
    # Letters set many one-line blocks (addresses, greetings, signatures) between long wrapped
    # paragraphs: the lines, not the blocks, say whether the text wraps.
    in_multi = sum(len(run) for run in runs if len(run) > 1)
    margin = _margin(texts)
    starts_indented = sum(1 for line in texts if (len(line) - len(line.lstrip()) > margin if margin else line[:1].isspace()))
    # Indent style: many paragraphs open with an indent, few after a blank line (when every line
    # opens indented, each line is a paragraph: nothing wraps).
    indented = width <= 100 and 0.1 * len(texts) < starts_indented < 0.9 * len(texts) and len(runs) < starts_indented / 2
    # Lines that nearly all end a sentence are paragraphs of their own, however short (not a wrap).
    # And in a real wrap, a line with more of its paragraph below it seldom ends a sentence.
    inner = [line for run in runs for line in run[:-1] if not is_scene_break(line)]
    ends = _mostly_ending(texts, 0.75) or _mostly_ending(inner, 0.5, least=3)
    verse = style != "wrapped" and width <= 100 and not spaced and (
        _verse_lines(texts) or _narrow(texts, width) or _broken_early(runs, lengths))
    wrapped = style == "wrapped" or width <= 100 and (indented or not ends) and not verse and (
        indented or (len(runs) > 1 and (multi >= 0.3 * len(runs) or in_multi >= 0.75 * len(texts))))
    vocabulary = Words("\n".join(texts)) if wrapped else frozenset()
    short_ends = wrapped and not indented and _run_together(runs, width)
    return Layout(wrapped, width, indented, vocabulary, spaced=spaced, verse=verse, margin=margin, short_ends=short_ends)


def _run_together(runs: list[list[str]], width: int) -> bool:
    """Paragraphs set one under another with no blank line and no indent between them, each
    ending on its short last line (a corpus's text, an old typescript): runs of many lines, in
    which lines that end a sentence well short of the wrap are common. A wrap of paragraphs set
    apart by blank lines hardly ever breaks a line early in mid-paragraph."""
    inner = sum(len(run) - 1 for run in runs)
    if inner < _RUN_TOGETHER_LINES * len(runs):  # (most texts stop here, before a line is read)
        return False
    short = sum(1 for run in runs for line, following in zip(run, run[1:]) if _ends_short(line, following, width))
    return short >= _SHORT_ENDS * inner


def _ends_short(line: str, following: str, width: int) -> bool:
    """A line that ends a sentence well short of the wrap, before a line that opens one (with a
    capital, a quote or a dash; in Chinese or Japanese, which have no capitals, with any character
    of theirs: "大队敌人追了下来。" then "那少妇圈转马来…"). Such a text fills every wrapped line to
    the column, with no word to carry over: a line a few characters short of it is short."""
    opening, text = following.lstrip()[:1], line.strip()
    cjk = bool(_CJK_SEAM.match(opening)) and bool(_CJK_SEAM.match(text[-1:] or " "))
    return len(text) < (width - 3 if cjk else 0.6 * width) and ends_with(line, _SENTENCE_END) and not is_scene_break(line) \
        and (cjk or opening.isupper() or opening in "\"“«‘'—–-(")


_RUN_TOGETHER_LINES = 20  # lines a run holds on average where paragraphs are not set apart
_SHORT_ENDS = 0.02  # of its lines that end a sentence short of the wrap, at least


def _margin(texts: list[str]) -> int:
    """The indent that nearly every line has, lines within a paragraph too (a Russian library's
    text: a paragraph opens 7 spaces in and goes on 4 in): a margin, and only what goes further
    in is an indent. 0 where a tenth of the lines or more start at the edge."""
    if sum(1 for line in texts if not line[:1].isspace()) >= 0.1 * len(texts):
        return 0
    leads = Counter(len(line) - len(line.lstrip()) for line in texts)
    return min((lead for lead, count in leads.items() if count >= 0.2 * len(texts)), default=0)


def _verse_lines(texts: list[str]) -> bool:
    """Nearly every line opens with a capital, as verse does ("From fairest creatures we desire
    increase, / That thereby beauty's rose…"); a wrap of prose opens most lines mid-sentence."""
    letters = [found.group() for found in map(_FIRST_LETTER.search, texts[:_VERSE_SAMPLE]) if found]  # a sample will do
    return len(letters) >= 20 and sum(c.isupper() for c in letters) >= _VERSE_CAPITALS * len(letters)


def _narrow(texts: list[str], width: int) -> bool:
    """Lines nine in ten of which are 40 characters or shorter: verse (a runo's lines, a ballad's),
    whatever its lines open with; nobody wraps prose so narrow. Not Chinese or Japanese, whose
    40 characters fill a line."""
    return len(texts) >= 8 and width <= _VERSE_WIDTH and not may_be_cjk("".join(texts[:50]))


def _broken_early(runs: list[list[str]], lengths: list[int]) -> bool:
    """Verse set line by line whatever its lines open with and however wide (Dante's tercets,
    Whitman's long lines): most lines are broken where the next word would still have fitted, and
    at a pause (a comma, a full stop), and hardly one holds the end of a sentence and the start of
    the next. A wrap breaks a line where the next word would not fit; an old etext broken at its
    phrases still runs sentence into sentence along its lines."""
    inner = list(islice(((line.rstrip(), following) for run in runs if len(run) > 1
                         for line, following in zip(run, run[1:])), _VERSE_SAMPLE))
    if len(inner) < _VERSE_INNER or sum(line[-1:] in _PAUSES for line, _ in inner) < 0.45 * len(inner):
        return False  # (most texts stop here: a wrap breaks lines anywhere in a sentence)
    inner = [(line, following) for line, following in inner if not is_scene_break(line) and not _speaker(line)]
    column = lengths[int(len(lengths) * 0.98)] if lengths else 0
    fitted = sum(1 for line, following in inner if len(line) + 1 + len(following.split(None, 1)[0]) <= column)
    paused = sum(1 for line, _ in inner if line[-1:] in _PAUSES)
    run_on = sum(1 for line, _ in inner if _SENTENCE_INSIDE.search(line, 0, len(line) - 1))
    return len(inner) >= _VERSE_INNER and fitted >= 0.6 * len(inner) and paused >= 0.45 * len(inner) \
        and run_on <= 0.1 * len(inner)


_VERSE_INNER = 20  # lines with more of their paragraph below them, for telling verse from a wrap
_PAUSES = frozenset(",;:.!?—-)")
_SENTENCE_INSIDE = lazy(r"[.!?;][’”»\"']?\s+[«“\"‘'(]?[A-ZÀ-ÞА-ЯЁ]")
_VERSE_WIDTH = 40
_VERSE_CAPITALS = 0.85
_VERSE_SAMPLE = 2000
_FIRST_LETTER = lazy(r"[^\W\d_]")


def _mostly_ending(lines: list[str], share: float, least: int = 0) -> bool:
    """Whether ``share`` of the lines end a sentence. A play's speakers ("NORA.", "MRS. LINDE:") end
    in a stop over speeches that wrap: they count for neither side (looked for only among the
    lines that end in one)."""
    ending = [line for line in lines if ends_with(line, _SENTENCE_END)]
    speakers = sum(1 for line in ending if _speaker(line))
    return len(lines) - speakers >= least and len(ending) - speakers >= share * (len(lines) - speakers)


def _speaker(line: str) -> bool:
    """ "NORA.", "MRS. LINDE:": a name in capitals, alone on its line over what is said."""
    text = line.strip()
    return (len(text) <= 30 and text[-1:] in ".:" and text.upper() == text and len(text.split()) <= 3
            and "," not in text and any(c.isalpha() for c in text))


def ends_with(line: str, marks: frozenset[str]) -> bool:
    """Is the line's last visible character one of ``marks``? (A regex ``[marks]\\s*$`` would be
    tried at every column of every line.)"""
    return line.rstrip()[-1:] in marks


class Words:
    """Does a word occur in the text (as a whole word, in any case)? What dehyphenation asks.

    Most books ask a handful of times, or never: the first questions are answered by ``str.find``
    in the lower-cased text (a fast scan each); from the ``_SEARCHES``-th on, by an index of every
    word built once. Either way the text is read a bounded number of times."""

    _SEARCHES = 64

    def __init__(self, text: str) -> None:
        self._text, self._lower, self._index, self._asked = text, "", None, 0

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        if self._index is None and self._asked >= self._SEARCHES:
            self._index = frozenset(w.lower() for w in set(_WORD.findall(self._text)))
        if self._index is not None:
            return word in self._index
        self._asked += 1
        self._lower = self._lower or self._text.lower()
        text, end = self._lower, len(word)
        at = text.find(word)
        while at >= 0:
            if not (at and _is_letter(text[at - 1])) and not (at + end < len(text) and _is_letter(text[at + end])):
                return True
            at = text.find(word, at + 1)
        return False


def _is_letter(char: str) -> bool:
    return char.isalnum() and not char.isdecimal()  # what [^\W\d_] matches


def usual_gap(gaps: dict[int, int]) -> int:
    """The blank lines most often between two lines of text (``gaps_after``'s values): 1 when none."""
    return Counter(gaps.values()).most_common(1)[0][0] if gaps else 1


def gaps_after(lines: list[str]) -> dict[int, int]:
    """Each line of text followed by a blank one: how many blank lines (or breaks they made) follow it."""
    gaps: dict[int, int] = {}
    last = None
    for index, line in enumerate(lines):
        if line.strip() and line != BREAK:
            if last is not None and index - last > 1:
                gaps[last] = index - last - 1
            last = index
    return gaps


def is_scene_break(line: str) -> bool:
    """``***``, ``* * *``, ``~~~``, ``-----``, ``#``, ``~*~``, and letter dividers: ``oOo``, ``xXx``,
    ``o0o``, ``-x-x-x-``, a lone ``x``. Plain ``xxx`` (a kiss), ``OOO`` (a shout) or ``xoxo`` are text.
    And the words writers type where a site strips their dividers (FanFiction.Net does):
    ``-Line Break-``, ``~Scene Break~``, ``### scenbrytning ###``."""
    if _NOT_A_DIVIDER.search(line):  # one scan that stops at the first letter of ordinary text
        return len(line) <= _BREAK_WORDS_LENGTH and _BREAK_WORDS.match(line) is not None
    compact = "".join(line.split())
    if len(compact) > 40:  # a long rule of one mark: pandoc writes a break as 72 dashes
        return len(set(compact)) == 1 and compact[0] in "-=_*~─━═"  # (or in box-drawing lines)
    if not compact:
        return False
    if compact in _LONE_DIVIDERS:
        return True
    letters = [c for c in compact if c.isalnum()]
    if any(not (c.isalnum() or c in _DIVIDER_SYMBOLS) for c in compact):
        return False
    if not letters:
        return len(compact) >= 3 and len(set(compact)) <= 3
    if any(c not in "oOxX0" for c in letters) or set(letters) == {"0"}:  # "0--" is a number, "o0o" a divider
        return False
    if letters != letters[::-1]:  # a divider reads the same both ways; "xoxo" (hugs) and "0 Ox" are text
        return False
    return len(set(letters)) > 1 or len(letters) < len(compact)


def to_blocks(lines: list[str], layout: Layout) -> list[Block]:
    """Blank lines separate groups; markers (breaks, quotes, fences) are blocks of their own."""
    blocks: list[Block] = []
    group: list[str] = []
    quote: list[str] = []
    fence: list[str] | None = None

    def flush() -> None:
        if group:
            listed = _list(group, layout) if layout.markdown else _bullets(group, layout)
            if listed is None:
                blocks.extend(_paragraphs(group, layout))
            elif blocks and isinstance(blocks[-1], ListBlock) and blocks[-1].ordered == listed.ordered:
                blocks[-1] = replace(blocks[-1], items=blocks[-1].items + listed.items)  # a list with blank lines between its items
            else:
                blocks.append(listed)
            group.clear()
        if quote:
            inner = _paragraphs_of_quote(quote, layout)
            if inner:
                blocks.append(BlockQuote(tuple(inner)))
            quote.clear()

    for line in lines:
        if fence is not None:
            if FENCE.match(line):
                blocks.append(Preformatted("\n".join("" if typed == BREAK else typed for typed in fence)))
                fence = None
            else:
                fence.append(line)
            continue
        if line.startswith(SUBHEADING):
            flush()
            if blocks and isinstance(blocks[-1], SceneBreak):  # a section's heading is its own break
                blocks.pop()
            blocks.append(Subheading(line[len(SUBHEADING):]))
        elif FENCE.match(line):
            flush()
            fence = []
        elif line.lstrip().startswith(">") and (centred := _CENTRED.match(line)):
            if quote:  # Fountain's "> THE END <": a centred line, no quotation
                flush()
            group.append(centred["text"])
        elif line.lstrip().startswith(">"):
            if group:
                flush()
            quote.append(line.lstrip()[1:])
        elif line != BREAK and not line.strip():
            flush()
        elif layout.markdown and (atx := _ATX_LINE.match(line)) and not is_scene_break(line):
            flush()  # a heading no rule took ("#### Editor: Dark"): a paragraph of its own, as Markdown sets it apart, without its marks
            blocks.append(paragraph(atx["text"], layout.emphasis, layout.markdown))
        elif line == BREAK or layout.scene_breaks and is_scene_break(line):
            flush()
            if not (blocks and isinstance(blocks[-1], Subheading)):
                blocks.append(SceneBreak())
        else:
            if quote:
                flush()
            group.append(line)
    flush()
    if fence is not None:  # a stray fence that nothing closes: the story goes on after it, not a page of code
        blocks.extend(to_blocks(fence, layout))
    return blocks


_ATX_LINE = lazy(r"^ {0,3}#{1,6}\s+(?P<text>\S.*?)\s*#*\s*$")
_CENTRED = lazy(r"^\s*>\s*(?P<text>[^<>]*?\S)\s*<\s*$")
_LIST_ITEM = lazy(r"^ {0,3}(?:[-*+]|(?P<number>\d{1,9})[.)])\s+(?P<text>\S.*)$")


def _list(lines: list[str], layout: Layout) -> ListBlock | None:
    """Markdown's list: every line an item ("- ", "* ", "1. ") or an indented line going on from one."""
    first = _LIST_ITEM.match(lines[0])
    if first is None:
        return None
    items: list[list[str]] = []
    for line in lines:
        item = _LIST_ITEM.match(line)
        if item is not None and bool(item["number"]) == bool(first["number"]):
            items.append([item["text"]])
        elif line[:1].isspace() and items:
            items[-1].append(line.strip())
        else:
            return None
    return ListBlock(tuple(paragraph(" ".join(item), layout.emphasis, True).inlines for item in items),
                     ordered=bool(first["number"]), start=int(first["number"] or 1))


def _bullets(lines: list[str], layout: Layout) -> ListBlock | None:
    """A list typed in plain text, "* " or "• " opening each item and its wrapped lines under it (a
    web page dumped as text, an e-mail): its items, never one paragraph with the bullets in it.
    ("- " opens speech in many languages: no bullet.)"""
    if len(lines) < 2 or not _BULLET.match(lines[0]) or sum(1 for line in lines if _BULLET.match(line)) < 2:
        return None
    items: list[list[str]] = []
    for line in lines:
        bullet = _BULLET.match(line)
        if bullet:
            items.append([bullet["text"]])
        else:
            items[-1].append(line.strip())
    return ListBlock(tuple(paragraph(" ".join(item), layout.emphasis).inlines for item in items), ordered=False)


_BULLET = lazy(r"^\s*[*•]\s+(?P<text>\S.*)$")


def paragraph(text: str, emphasis: str = MARKS, markdown: bool = False) -> Paragraph:
    """``emphasis``: the marks read as emphasis ("": none)."""
    text = " ".join(text.split()) if "\u3000" not in text else _SPACES.sub(" ", text).strip()
    return Paragraph(parse_inlines(text, markdown, emphasis) if emphasis else (Text(text),))


def _paragraphs_of_quote(lines: list[str], layout: Layout) -> list[Paragraph]:
    """Inside a quote, a bare ``>`` line stands for a blank line."""
    out: list[Paragraph] = []
    group: list[str] = []
    for line in lines + [""]:
        if line.strip():
            group.append(line)
        elif group:
            out.extend(p for p in _paragraphs(group, layout) if isinstance(p, Paragraph))
            group = []
    return out


def _paragraphs(lines: list[str], layout: Layout) -> list[Block]:
    if not layout.wrapped and (layout.spaced and _is_stanza(lines) or layout.verse and len(lines) > 1):
        if layout.verse and _wrapped_prose(lines):  # a poem's book has a preface in prose
            return [paragraph(_unwrap(lines, layout), layout.emphasis, layout.markdown)]
        return [_verse(lines, layout)]
    if not layout.wrapped or len(lines) == 1:
        return [paragraph(line, layout.emphasis, layout.markdown) for line in (_rejoined(lines) if layout.spaced else lines)]
    if _speaker(lines[0]) and not _is_verse(lines[1:], layout):  # a play: the speaker's name on its line, over the speech
        speech = paragraph(_unwrap(lines[1:], layout), layout.emphasis, layout.markdown)
        return [Paragraph((Text(lines[0].strip()), LineBreak(), *speech.inlines))]
    if _is_verse(lines, layout):
        return [_verse(lines, layout)]
    if layout.indented:
        pieces: list[list[str]] = []
        for line in lines:
            if layout.opens_indented(line) or not pieces or line[:1] in _SPEECH_OPENS_LINE:
                pieces.append([])
            pieces[-1].append(line)
        return [paragraph(_unwrap(piece, layout), layout.emphasis, layout.markdown) for piece in pieces]
    pieces = _speeches(lines)
    if layout.short_ends:
        pieces = [part for piece in pieces for part in _at_short_ends(piece, layout.width)]
    return [paragraph(_unwrap(piece, layout), layout.emphasis, layout.markdown) for piece in pieces]


def _at_short_ends(lines: list[str], width: int) -> list[list[str]]:
    """A run of paragraphs set with nothing between them, cut after each one's short last line."""
    pieces = [[lines[0]]]
    for line in lines[1:]:
        if _ends_short(pieces[-1][-1], line, width):
            pieces.append([])
        pieces[-1].append(line)
    return pieces


def _speeches(lines: list[str]) -> list[list[str]]:
    """Wrapped Chinese or Japanese where each speech opens a line in its brackets, the line above
    closed ("…攻打？」" / "「呸！蠢材！…"), the lines of a speech wrapping under it: a paragraph
    each, as without the wrap (fifty speeches had run into one paragraph)."""
    pieces = [[lines[0]]]
    for line in lines[1:]:
        if line[:1] in _SPEECH_OPENS_LINE and pieces[-1][-1].rstrip()[-1:] in _CLOSED:
            pieces.append([])
        pieces[-1].append(line)
    return pieces


_SPACES = lazy(r"[^\S\u3000]+")  # runs of spaces but the ideographic one: "え？　これ" keeps its full-width space
# Japanese sets narration indented and a line of speech in its brackets flush left: 「 opens a
# paragraph as an indent does (its text never wraps onto a line of its own).
_SPEECH_OPENS_LINE = frozenset("「『")
_CLOSED = frozenset("」』。！？…）")  # how a Chinese or Japanese paragraph ends


def _is_verse(lines: list[str], layout: Layout) -> bool:
    """Deliberately short lines: every line well short of the wrap, as in a poem; or a stanza set
    in from the margin as editions set verse, each line opening with a capital and ending short of
    the wrap, unevenly (a letter set in is wrapped prose: its lines run on in small letters)."""
    sizes = [len(line.strip()) for line in lines]
    if all(size < 0.6 * layout.width for size in sizes):
        return True
    return len(lines) >= 2 and all(line[:2] == "  " and _opens_capital(line) for line in lines) \
        and max(sizes) <= 0.8 * layout.width and max(sizes) - min(sizes) >= 8


def _wrapped_prose(lines: list[str]) -> bool:
    """A paragraph of prose among verse: three lines or more, nearly all but its last wider than a
    verse's line."""
    inner = [len(line.strip()) for line in lines[:-1]]
    return len(lines) >= 3 and sum(size > _PROSE_WIDTH for size in inner) >= 0.8 * len(inner)


_PROSE_WIDTH = 60


def _opens_capital(line: str) -> bool:
    letter = next((c for c in line if c.isalpha()), "")
    return letter.isupper()


def _rejoined(lines: list[str]) -> list[str]:
    """Where paragraphs are lines a blank line apart, a line that stops short of a sentence's end
    over one that goes on in small letters is one paragraph a page broke (text copied out of a
    PDF: "clinging to the edges," / "avoiding any contact"), or that a copy wrapped once."""
    out = [lines[0]]
    for line in lines[1:]:
        text = line.strip()
        if runs_on(out[-1], text):
            glue = "" if out[-1].rstrip().endswith("-") or text[0] in "-–—" else " "
            out[-1] = out[-1].rstrip() + glue + text
        else:
            out.append(line)
    return out


def runs_on(line: str, following: str) -> bool:
    """Whether ``following`` goes on ``line``'s paragraph: the line stops short of a sentence's end
    and the next goes on in small letters (maybe after a dash), and is no web address."""
    text = following.strip()
    return line.rstrip()[-1:] not in _SENTENCE_ENDS and text.lstrip("-–—")[:1].islower() \
        and not text.startswith(("http://", "https://", "www."))


_SENTENCE_ENDS = frozenset('.!?…:;"”’»)]*_')


def _is_stanza(lines: list[str]) -> bool:
    """Where paragraphs are a blank line apart, a few short lines kept together are verse."""
    return 2 <= len(lines) <= _STANZA_LINES and all(len(line.strip()) <= _STANZA_WIDTH for line in lines)


_STANZA_LINES = 16
_STANZA_WIDTH = 60


def _verse(lines: list[str], layout: Layout) -> Paragraph:
    inlines: list = []
    for line in lines:
        if inlines:
            inlines.append(LineBreak())
        inlines.extend(paragraph(line, layout.emphasis, layout.markdown).inlines)
    return Paragraph(tuple(i for i in inlines if not (isinstance(i, Text) and not i.text)))


def _unwrap(lines: list[str], layout: Layout) -> str:
    """Joins the lines as pieces and looks only at the seam between two lines, so a paragraph of
    any length is joined in one pass (no search over the text built so far)."""
    pieces = [lines[0].strip()]
    for line in lines[1:]:
        line = line.strip()
        last = pieces[-1]
        if last.endswith(("--", "—")):  # "wait--" / "what" closes up; "war --" / "Samsa" is a spaced dash
            pieces += (" ", line) if last.rstrip("-—").endswith(" ") else (line,)
            continue
        tail = _HYPHENATED.search(last) if last.endswith("-") else None
        head = _WORD.match(line) if tail else None
        if tail and head and line[0].islower():
            if (tail.group(1) + head.group()).lower() in layout.vocabulary:
                pieces[-1] = last[:-1]
            pieces.append(line)
        else:
            if not (_cjk(last[-1]) and _cjk(line[:1])):  # Chinese and Japanese join unspaced
                pieces.append(" ")
            pieces.append(line)
    return "".join(pieces)


def _cjk(char: str) -> bool:
    return may_be_cjk(char) and bool(_CJK_SEAM.match(char))


def _runs(lines: list[str]) -> list[list[str]]:
    runs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]
