"""Which way each straight quote turns, and what it becomes in each language.

A typewriter has one double and one single quote; print has an opening and a closing mark of
each, plus the apostrophe, and every language draws them differently. This module decides, for
one paragraph at a time, what each straight quote *is* (an opening or closing double or single
quote, or an apostrophe) and then spells that kind in the chosen style. It only ever replaces a
straight quote; curly quotes and guillemets already in the text are kept as typed.

The decision looks at the characters on either side and at which quotes are still open:

- between two letters or digits a single quote is an apostrophe (don't, l'homme, rock'n'roll);
- after a space, an opening bracket or an opening quote a mark opens; so does a mark after a
  dash or an ellipsis when a word follows it (—"No!"), but not at a word's end ("Wait—");
- at the start of a word, a single quote that elides letters is an apostrophe ('em, 'tis,
  '90s, rock 'n' roll): a fixed list, because the same mark also opens quotes;
- anything else closes; a single quote that closes while no single quote is open is an
  apostrophe (the dogs' bone, goin');
- a mark standing alone between spaces closes if its kind is open, else opens.

"Characters on either side" are the paragraph's, across emphasis boundaries: "*Tom*'s" is an
apostrophe. Doubles take the style's outer marks and singles its inner marks, so a story quoted
the British way ('outer "inner"') keeps its levels. Each paragraph starts with nothing open: a
quote that is never closed (dialogue running on into the next paragraph, or a slip) never
turns the next paragraph's quotes around.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NNBSP = "\u202f"  # narrow no-break space: inside French guillemets


@dataclass(frozen=True)
class QuoteStyle:
    double: tuple[str, str]  # what an opening and a closing straight double quote become
    single: tuple[str, str]  # the same for a single quote used as a quotation mark
    openers: str  # marks already in the text that open a quote in this style


STYLES: dict[str, QuoteStyle] = {
    "en": QuoteStyle(("“", "”"), ("‘", "’"), "“‘„‚«‹"),
    "fr": QuoteStyle(("«" + NNBSP, NNBSP + "»"), ("“", "”"), "«‹“‘„‚"),
    "de": QuoteStyle(("„", "“"), ("‚", "‘"), "„‚»›"),
    "de-guillemets": QuoteStyle(("»", "«"), ("›", "‹"), "»›„‚"),
    "guillemets": QuoteStyle(("«", "»"), ("“", "”"), "«‹“‘„‚"),
}
QUOTE_STYLES = tuple(STYLES)

# Language (primary subtag, or a full tag where a region differs) to its style; others use "en".
_BY_LANGUAGE = {
    "fr": "fr",
    **dict.fromkeys(("de", "cs", "sk", "sl"), "de"),
    **dict.fromkeys(("de-ch", "de-li", "es", "it", "ru", "uk", "be", "ca", "el", "nb", "nn", "no",
                     "pt-pt"), "guillemets"),
}


def style_for_language(language: str) -> str:
    """The quote style a BCP 47 tag uses: "de-AT" is German, "de-CH" Swiss (guillemets)."""
    tag = language.strip().lower().replace("_", "-")
    parts = tag.split("-")
    for key in ("-".join(parts[:2]), parts[0]):
        if key in _BY_LANGUAGE:
            return _BY_LANGUAGE[key]
    return "en"


_STRAIGHT = re.compile(r"['\"]")
# A quote directly after one of these and before a word opens; before these it still closes.
_DASHES = frozenset("—–-…")
_NOT_A_WORD_AFTER_DASH = frozenset(".,;:!?)]}'\"”’»«›‹")
_ALWAYS_OPENS_AFTER = frozenset("([{/")
# An apostrophe at a word's start that stands for missing letters.
_ELISION = re.compile(
    r"'(?:em|tis|twas|twere|twill|tween|twixt|til|cause|cos|coz|n|round|bout|nuff|kay|ello|"
    r"neath|gainst|midst|cept|\d0s|\d\d)(?![^\W_])",
    re.IGNORECASE,
)

APOSTROPHE, OPEN_DOUBLE, CLOSE_DOUBLE, OPEN_SINGLE, CLOSE_SINGLE = range(5)
_OPENING = (OPEN_DOUBLE, OPEN_SINGLE)


def quote_edits(text: str, style: QuoteStyle, separator: str = "", cut: str = "") -> list[tuple[int, str]]:
    """(position, replacement) for every straight quote in ``text``.

    ``text`` may hold many paragraphs, each ending at a ``separator``; ``cut`` marks where one
    text node ends and the next begins: quotes look through it to the characters beyond.
    """
    spell = {APOSTROPHE: "’", OPEN_DOUBLE: style.double[0], CLOSE_DOUBLE: style.double[1],
             OPEN_SINGLE: style.single[0], CLOSE_SINGLE: style.single[1]}
    return [(i, spell[kind]) for i, kind in classify(text, style.openers, separator, cut)]


def classify(text: str, openers: str, separator: str = "", cut: str = "") -> list[tuple[int, int]]:
    """(position, kind) for every straight quote: the rules of the module docstring, in order."""
    kinds: list[tuple[int, int]] = []
    open_double = open_single = 0
    last_at, last_kind = -1, APOSTROPHE
    size = len(text)
    for match in _STRAIGHT.finditer(text):
        i = match.start()
        if separator and text.find(separator, last_at + 1, i) >= 0:  # a new paragraph
            open_double = open_single = 0
        mark = text[i]
        b = i - 1
        while cut and b >= 0 and text[b] == cut:
            b -= 1
        a = i + 1
        while cut and a < size and text[a] == cut:
            a += 1
        before = text[b] if b >= 0 else " "
        after = text[a] if a < size else " "
        if last_at == b and b >= 0:  # right after a quote we have just decided: follow its direction
            opening = last_kind in _OPENING
        else:
            opening = (before.isspace() or before in _ALWAYS_OPENS_AFTER or before in openers
                       or (before in _DASHES and not after.isspace() and after not in _NOT_A_WORD_AFTER_DASH))
        alone = opening and after.isspace()
        if mark == "'":
            if before.isalnum() and after.isalnum():
                kind = APOSTROPHE
            elif alone:
                kind = CLOSE_SINGLE if open_single else OPEN_SINGLE
            elif opening:
                kind = APOSTROPHE if _ELISION.match(text, i) else OPEN_SINGLE
            else:
                kind = CLOSE_SINGLE if open_single else APOSTROPHE
            open_single += (kind == OPEN_SINGLE) - (kind == CLOSE_SINGLE)
        else:
            if alone:
                kind = CLOSE_DOUBLE if open_double else OPEN_DOUBLE
            else:
                kind = OPEN_DOUBLE if opening else CLOSE_DOUBLE
            open_double = max(0, open_double + (kind == OPEN_DOUBLE) - (kind == CLOSE_DOUBLE))
        kinds.append((i, kind))
        last_at, last_kind = i, kind
    return kinds
