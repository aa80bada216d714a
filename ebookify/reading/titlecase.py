"""Titles and names set in capitals, shown the way a library shows them.

Printed editions set titles, author lines and chapter headings in capitals (``HOW THE WHALE GOT HIS
THROAT``, ``АНТОН ЧЕХОВ``); metadata and a contents list read better in normal case. Only text
written wholly in capitals changes, since mixed case is the writer's choice. The rules follow the
language's own habit: English capitalises every word but the small ones; German every word (its
nouns are capitalised anyway, and a guess at which are nouns is worse); French, Spanish, Italian,
Portuguese, Dutch, Russian and the rest capitalise the first word only ("De la terre à la lune",
"Архиерей"). Roman numerals stay in capitals, and so do words with a dot inside (initials).
"""

from __future__ import annotations

import re

_SMALL = {
    "en": set("a an and as at but by for from in into nor of off on or per so than the to up via vs with yet".split()),
}
_EVERY_WORD = {"de", "en"}  # languages whose titles capitalise (nearly) every word
_NAME_PARTICLES = set("de da das do dos du des della di del la le van von der den ten ter zu y e".split())
_ROMAN = re.compile(r"^(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})[.,:;]?$")
_NOT_NUMERALS = {"di", "mi", "li", "vi", "ci", "dc", "mix", "di.", "vi."}  # Italian and Spanish words
_WORD = re.compile(r"\S+")


def is_capitals(text: str) -> bool:
    """Written in capitals: at least two letters and no lower-case one."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters if c.isupper() or c.islower())


def title_case(text: str, language: str = "") -> str:
    """``HOW THE WHALE GOT HIS THROAT`` → "How the Whale Got His Throat" (English); other text as is."""
    if not is_capitals(text):
        return text
    code = (language or "en").lower()[:2]
    small = _SMALL.get(code, set())
    every = code in _EVERY_WORD
    words = _WORD.findall(text)
    out = []
    for index, word in enumerate(words):
        after_colon = index > 0 and words[index - 1][-1:] in ":.!?—"
        lower = word.lower()
        if _is_roman(word) or word.rstrip(".,:;") == "I":  # a numeral, or the English pronoun
            out.append(word)
        elif "." in word.rstrip(".") and len(word) <= 6:  # "J.B." initials
            out.append(word)
        elif index == 0 or after_colon or (every and _core(lower) not in small):
            out.append(_capitalise(lower))
        else:
            out.append(lower)
    return " ".join(out)


def name_case(name: str) -> str:
    """``JOSEPH CONRAD`` → "Joseph Conrad", ``J. B. DE ALMEIDA-GARRETT`` → "J. B. de Almeida-Garrett"."""
    if not is_capitals(name):
        return name
    words = name.lower().split()
    return " ".join(w if i and w in _NAME_PARTICLES else _capitalise(w) for i, w in enumerate(words))


def _is_roman(word: str) -> bool:
    return len(word) >= 2 and bool(_ROMAN.match(word)) and word.lower() not in _NOT_NUMERALS


def _core(word: str) -> str:
    return word.strip("\"'“”‘’«»()[].,:;!?")


def _capitalise(word: str) -> str:
    """First letter up, also after an opening quote or bracket, and after each hyphen or apostrophe
    that joins two words ("Gun-Club", "D'Alice" stays "D'alice": an elided article is lower)."""
    out, upper_next = [], True
    for char in word:
        if char.isalpha():
            out.append(char.upper() if upper_next else char)
            upper_next = False
        else:
            out.append(char)
            upper_next = upper_next or char == "-"
    return "".join(out)
