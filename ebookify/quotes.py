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

from msgspec import Struct

from .patterns import lazy

NNBSP = "\u202f"  # narrow no-break space: inside French guillemets


class QuoteStyle(Struct, frozen=True):
    """How one language quotes: what straight quotes become, and which marks already open a quote."""

    double: tuple[str, str]  # what an opening and a closing straight double quote become
    single: tuple[str, str]  # the same for a single quote used as a quotation mark
    openers: str  # marks already in the text that open a quote in this style


STYLES: dict[str, QuoteStyle] = {
    "en": QuoteStyle(("“", "”"), ("‘", "’"), "“‘„‚«‹"),
    "fr": QuoteStyle(("«" + NNBSP, NNBSP + "»"), ("“", "”"), "«‹“‘„‚"),
    "de": QuoteStyle(("„", "“"), ("‚", "‘"), "„‚»›"),
    "de-guillemets": QuoteStyle(("»", "«"), ("›", "‹"), "»›„‚"),
    "guillemets": QuoteStyle(("«", "»"), ("“", "”"), "«‹“‘„‚"),
    "pl": QuoteStyle(("„", "”"), ("«", "»"), "„«‚“‘"),
    "hu": QuoteStyle(("„", "”"), ("»", "«"), "„»‚“‘"),
    "sv": QuoteStyle(("”", "”"), ("’", "’"), "»›"),
    "corner": QuoteStyle(("「", "」"), ("『", "』"), "「『“‘"),
}
QUOTE_STYLES = tuple(STYLES)

# Language (primary subtag, or a full tag where a region differs) to its style; others use "en".
_BY_LANGUAGE = {
    "fr": "fr",
    **dict.fromkeys(("de", "cs", "sk", "sl"), "de"),
    **dict.fromkeys(("pl", "ro", "hr", "bs", "sr-latn"), "pl"),
    **dict.fromkeys(("sv", "fi"), "sv"),
    "hu": "hu",
    "da": "de-guillemets",
    **dict.fromkeys(("ja", "zh-hant", "zh-tw", "zh-hk", "zh-mo"), "corner"),
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


_STRAIGHT = lazy(r"['\"]")
# A quote directly after one of these and before a word opens; before these it still closes.
_DASHES = frozenset("—–-…")
_NOT_A_WORD_AFTER_DASH = frozenset(".,;:!?)]}'\"”’»«›‹")
_ALWAYS_OPENS_AFTER = frozenset("([{/")
# An apostrophe at a word's start that stands for missing letters: English 'em, 'tis, '90s; Dutch
# 't (het), 's (des: 's morgens, 's-Gravenhage) and 'k (ik), which no quotation starts with. In
# small letters only, the speech of dialogue in novels, written apart from the word it shortens:
# "it 'll", "we 'd", "I 'm", "tell 'im", "a good 'un", "'kase", "'f you", "I 'uz" (was).
_ELISION = lazy(
    r"'(?:em|tis|twas|twere|twill|tween|twixt|til|cause|cos|coz|n|t|s|k|round|bout|nuff|kay|ello|scuse|fraid|nother|specially|"
    r"neath|gainst|midst|cept|\d0s|\d\d|(?-i:ll|m|d|re|ve|f|im|un|ee|uz|ud|kase|cuz|dout|spec|tain|bove|fo))(?![^\W_])",
    re.IGNORECASE,
)

APOSTROPHE, OPEN_DOUBLE, CLOSE_DOUBLE, OPEN_SINGLE, CLOSE_SINGLE, PRIME, DOUBLE_PRIME = range(7)
_OPENING = (OPEN_DOUBLE, OPEN_SINGLE)
_PRIMES = {PRIME: "′", DOUBLE_PRIME: "″"}


# Languages written without spaces between words: a quote's neighbours cannot tell its direction.
UNSPACED = frozenset(("ja", "zh", "th", "lo", "km", "my"))


def quote_edits(text: str, style: QuoteStyle, separator: str = "", cut: str = "",
                toggle: bool = False) -> list[tuple[int, str]]:
    """(position, replacement) for every straight quote in ``text``.

    ``text`` may hold many paragraphs, each ending at a ``separator``; ``cut`` marks where one
    text node ends and the next begins: quotes look through it to the characters beyond.
    """
    spell = {APOSTROPHE: "’", OPEN_DOUBLE: style.double[0], CLOSE_DOUBLE: style.double[1],
             OPEN_SINGLE: style.single[0], CLOSE_SINGLE: style.single[1], **_PRIMES}
    return [(i, spell[kind]) for i, kind in classify(text, style.openers, separator, cut, toggle)]


def classify(text: str, openers: str, separator: str = "", cut: str = "",
             toggle: bool = False) -> list[tuple[int, int]]:
    """(position, kind) for every straight quote: the rules of the module docstring, in order."""
    kinds: list[tuple[int, int]] = []
    open_double = 0
    open_singles: list[int] = []  # where the single quotes still open were, as indexes into kinds
    last_at, last_kind = -1, APOSTROPHE
    size = len(text)

    def look(i: int, step: int, skip: str = "") -> str:
        while 0 <= i < size and (text[i] == cut or text[i] in skip) and cut + skip:
            i += step
        return text[i] if 0 <= i < size else " "

    for match in _STRAIGHT.finditer(text):
        i = match.start()
        if separator and text.find(separator, last_at + 1, i) >= 0:  # a new paragraph
            _unmatched_elisions(text, kinds, open_singles, cut)
            open_double, open_singles = 0, []
        mark = text[i]
        b = i - 1
        while cut and b >= 0 and text[b] == cut:
            b -= 1
        before, after = look(b, -1), look(i + 1, 1)
        if before.isdigit() and (prime := _prime(text, i, mark, after, open_double, open_singles)) is not None:
            kind = prime
        elif toggle and not (mark == "'" and before.isascii() and before.isalpha() and after.isascii() and after.isalpha()):
            kind = (CLOSE_SINGLE if open_singles else OPEN_SINGLE) if mark == "'" else \
                   (CLOSE_DOUBLE if open_double else OPEN_DOUBLE)
        else:
            if last_at == b and b >= 0 and last_kind == APOSTROPHE:  # l'"Atlanta": opens before a word
                opening = after.isalnum()
            elif last_at == b and b >= 0:  # right after a quote we have just decided: follow its direction
                opening = last_kind in _OPENING
            else:
                beyond = look(i + 1, 1, "'\"")  # past the marks that open together (—"'man)
                opening = (before.isspace() or before in _ALWAYS_OPENS_AFTER or before in openers
                           or (before in _DASHES and not beyond.isspace() and beyond not in _NOT_A_WORD_AFTER_DASH))
            alone = opening and after.isspace()
            if mark == "'":
                if before.isalnum() and after.isalnum():
                    kind = APOSTROPHE
                elif alone:
                    kind = CLOSE_SINGLE if open_singles else OPEN_SINGLE
                elif opening:
                    kind = APOSTROPHE if _ELISION.match(text, i) else OPEN_SINGLE
                else:
                    kind = CLOSE_SINGLE if open_singles else APOSTROPHE
            else:
                if alone:
                    kind = CLOSE_DOUBLE if open_double else OPEN_DOUBLE
                else:
                    kind = OPEN_DOUBLE if opening else CLOSE_DOUBLE
        if kind == OPEN_SINGLE:
            open_singles.append(len(kinds))
        elif kind == CLOSE_SINGLE:
            open_singles.pop()
        elif kind in (OPEN_DOUBLE, CLOSE_DOUBLE):
            open_double = max(0, open_double + (1 if kind == OPEN_DOUBLE else -1))
        kinds.append((i, kind))
        last_at, last_kind = i, kind
    _unmatched_elisions(text, kinds, open_singles, cut)
    return kinds


_MEASURE = lazy(r"'\d+(?:[.,]\d+)?\"")


def _prime(text: str, i: int, mark: str, after: str, open_double: int, open_singles: list[int]) -> int | None:
    """A mark after a number is a prime (5′10″, 3′ 20″, a 6′ fence, a 12″ record) unless it closes
    a quotation that is open ("born in 1990") or the word goes on (1990's, Swiss 1'000)."""
    if mark == "'":
        if _MEASURE.match(text, i):
            return PRIME
        return None if open_singles or after.isalnum() else PRIME
    return None if open_double or after.isalnum() else DOUBLE_PRIME


def _unmatched_elisions(text: str, kinds: list[tuple[int, int]], open_singles: list[int], cut: str) -> None:
    """A paragraph's single quote that opened after a dash, before a small letter, and never
    closed was an elision (— 'net, —'bout): a quotation opened there would close in the paragraph."""
    for index in open_singles:
        i, _ = kinds[index]
        b = i - 1
        while b >= 0 and (text[b] == cut and cut or text[b] in " \u00a0"):
            b -= 1
        if b < 0 or text[b] not in _DASHES:
            continue
        nxt = i + 1
        while nxt < len(text) and text[nxt] == cut and cut:
            nxt += 1
        if nxt < len(text) and text[nxt].islower():
            kinds[index] = (i, APOSTROPHE)
