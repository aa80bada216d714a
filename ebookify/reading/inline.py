"""Emphasis as people type it, to model inlines: *italic*, _italic_, **bold**, __bold__, ~~strike~~,
and the "mathematical" pseudo-italic and bold letters websites paste (𝘵𝘩𝘪𝘴, 𝐭𝐡𝐢𝐬), which some
Kobo models show as blanks: they become real emphasis over plain letters.

Delimiters follow CommonMark's flanking rules in spirit: ``*`` opens before a non-space and
closes after one, so ``5 * 3``, ``2*3*4``, a lone ``*sigh`` and a footnote ``word*`` stay as typed;
``_`` never acts inside a word (``snake_case``); ``***both***`` is bold italic; runs of four or more
marks are text. Pairing is one pass with a
stack per delimiter, so 100,000 asterisks take linear time; nothing here can backtrack.
"""

from __future__ import annotations

import unicodedata

from ..model import Emphasis, Inline, Ruby, Strike, Strong, Text, inline_text
from ..patterns import lazy

_DELIMITER = lazy(r"\*+|_+|~+|=+")
# The marks every text's emphasis is typed with; a Project Gutenberg edition adds its transcribers'
# "=bold=" (declared in their notes: "le texte en gras comme =gras="), which elsewhere is too
# rare to be sure of.
MARKS = "*_~"
EDITION_MARKS = MARKS + "="


def _strong_emphasis(children: tuple[Inline, ...]) -> Inline:
    return Strong((Emphasis(children),))


_KINDS = {"*": Emphasis, "_": Emphasis, "**": Strong, "__": Strong, "***": _strong_emphasis,
          "___": _strong_emphasis, "~~": Strike, "=": Strong}
_PSEUDO = lazy(r"[\U0001D400-\U0001D7FF]+(?:[ '’,.!?\-]+[\U0001D400-\U0001D7FF]+)*")


# A backslash before ASCII punctuation makes it a mark like any other, never emphasis: "\\*" is a
# star. In Markdown the backslash goes ("WHAT\\!" is "WHAT!"); in a plain text it is the writer's
# own and stays (the shrug's arm in ¯\\_(ツ)_/¯, whose underscores are not italics). While emphasis
# is read, an escaped mark stands as a private-use character.
_ESCAPED = lazy(r"\\([!-/:-@\[-`{-~])")
_HIDDEN = 0xE000
_SHOWN = {_HIDDEN + code: chr(code) for code in range(0x21, 0x7F)}


def as_plain(text: str, markdown: bool = False) -> str:
    """A heading's words as a reader sees them: emphasis read and its marks dropped ("Book I:
    _Boy and Girl_"), pseudo letters made plain, and in Markdown its escapes gone ("Ace\\'s")."""
    if text.isascii() and not any(mark in text for mark in "*_~\\"):
        return text
    return inline_text(parse_inlines(text, markdown))


# Ruby a dialect's reader found (Aozora Bunko's "｜東京《とうきょう》"), marked with characters no text holds
RUBY_OPEN, RUBY_READING, RUBY_CLOSE = "\ue100", "\ue101", "\ue102"
_RUBY = lazy("\ue100([^\ue100-\ue102]+)\ue101([^\ue100-\ue102]+)\ue102")


def parse_inlines(text: str, markdown: bool = False, marks: str = MARKS) -> tuple[Inline, ...]:
    """``markdown``: the text is Markdown, whose backslash escapes are read and dropped.
    ``marks``: the emphasis marks to read (``MARKS``, or an edition's ``EDITION_MARKS``)."""
    if RUBY_OPEN in text:
        out: list[Inline] = []
        position = 0
        for match in _RUBY.finditer(text):
            out.extend(parse_inlines(text[position:match.start()], markdown, marks))
            out.append(Ruby((Text(match[1]),), match[2]))
            position = match.end()
        out.extend(parse_inlines(text[position:], markdown, marks))
        return _merge(out)
    if "\\" in text and text.translate(_SHOWN) == text:  # (and no private-use marks of its own)
        kept = "" if markdown else "\\"
        return _shown(_parse(_ESCAPED.sub(lambda m: kept + chr(_HIDDEN + ord(m[1])), text), marks))
    return _parse(text, marks)


def _parse(text: str, marks: str) -> tuple[Inline, ...]:
    out: list[Inline] = []
    position = 0
    for match in _PSEUDO.finditer(text):
        out.extend(_emphasis(text[position : match.start()], marks))
        out.append(_pseudo(match.group()))
        position = match.end()
    out.extend(_emphasis(text[position:], marks))
    return _merge(out)


def _pseudo(run: str) -> Inline:
    """𝘵𝘩𝘪𝘴 → Emphasis("this"): the letters' Unicode names say which style was meant."""
    name = unicodedata.name(run[0], "")
    plain = Text(unicodedata.normalize("NFKC", run))
    if "BOLD ITALIC" in name:
        return Strong((Emphasis((plain,)),))
    if "ITALIC" in name:
        return Emphasis((plain,))
    if "BOLD" in name:
        return Strong((plain,))
    return plain


def _emphasis(text: str, read: str) -> list[Inline]:
    """``read``: the marks that are emphasis here (``MARKS`` or ``EDITION_MARKS``)."""
    if not text:
        return []
    if not any(mark in text for mark in read):
        return [Text(text)]
    tokens, roles = _pair(text, [(m.start(), m.end(), m.group()) for m in _DELIMITER.finditer(text)
                                 if m.group() in _KINDS and m.group()[0] in read])
    stack: list[tuple[str, list[Inline]]] = [("", [])]
    position = 0
    for start, end, marks in tokens:
        role = roles.get(start)
        if role is None:
            continue
        stack[-1][1].append(Text(text[position:start]))
        position = end
        if role == "open":
            stack.append((marks, []))
        else:
            delimiter, children = stack.pop()
            stack[-1][1].append(_KINDS[delimiter](_merge(children)))
    stack[-1][1].append(Text(text[position:]))
    return stack[0][1]


def _pair(text: str, tokens: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int, str]], dict[int, str]]:
    """Which delimiter tokens open and close, by start offset; the rest stay text. A run of three
    marks may close (or open) two pairs at once, bold around italics: "**Crew – *Heron***"; it is
    then cut in two, the inner pair's marks nearest the text."""
    openers: dict[str, list[int]] = {kind: [] for kind in _KINDS}  # indexes into ``out``
    out: list[tuple[int, int, str]] = []
    roles: dict[int, str] = {}

    def close(opener: int, start: int) -> None:
        roles[out[opener][0]] = "open"
        roles[start] = "close"
        for other in openers.values():  # openers inside the pair can no longer close
            while other and out[other[-1]][0] > out[opener][0]:
                other.pop()

    for start, end, marks in tokens:
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        can_open, can_close = _flanking(marks, before, after)
        single, double = marks[0], marks[0] * 2
        if can_close and len(marks) == 3 and not openers[marks] and openers.get(single) and openers.get(double):
            inner, outer = sorted((single, double), key=lambda k: out[openers[k][-1]][0], reverse=True)
            out.append((start, start + len(inner), inner))
            close(openers[inner][-1], start)
            out.append((start + len(inner), end, outer))
            close(openers[outer][-1], start + len(inner))
            continue
        triple = openers.get(marks[0] * 3)
        if can_close and len(marks) < 3 and not openers[marks] and triple:  # "***Crew* – Heron**"
            at = triple.pop()
            first, last, _ = out[at]
            out[at:at + 1] = [(first, last - len(marks), single * (3 - len(marks))), (last - len(marks), last, marks)]
            for stack in openers.values():  # the positions after the cut move up by one
                stack[:] = [k + (k > at) for k in stack]
            openers[single * (3 - len(marks))].append(at)
            out.append((start, end, marks))
            close(at + 1, start)
            continue
        out.append((start, end, marks))
        if can_close and openers[marks]:
            close(openers[marks].pop(), start)
        elif can_open:
            openers[marks].append(len(out) - 1)
    return out, roles


def _flanking(kind: str, before: str, after: str) -> tuple[bool, bool]:
    if before.isdigit() and after.isdigit():  # 2*3*4: arithmetic, not emphasis
        return False, False
    left = not after.isspace() and (not _is_punctuation(after) or before.isspace() or _is_punctuation(before))
    right = not before.isspace() and (not _is_punctuation(before) or after.isspace() or _is_punctuation(after))
    if kind[0] == "=":  # an edition's =bold= holds words, never inside one: "x=y", "=-=-=" and "=)" stay
        return (left and not before.isalnum() and (after.isalnum() or after in _OPENING),
                right and not after.isalnum() and (before.isalnum() or before in _CLOSING))
    if kind[0] == "_":  # never inside a word
        return left and not before.isalnum(), right and not after.isalnum()
    return left, right


_OPENING, _CLOSING = "“‘\"'([¡¿", "”’\"').]!?,;:"


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _shown(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """The escaped marks as themselves again, the backslashes gone."""
    return tuple(Text(i.text.translate(_SHOWN)) if isinstance(i, Text)
                 else type(i)(_shown(i.children)) if hasattr(i, "children") else i for i in inlines)


def _merge(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Join neighbouring text and drop empty text, so equal input gives equal trees."""
    out: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Text):
            if not inline.text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + inline.text)
                continue
        out.append(inline)
    return tuple(out)
