"""Which language a story is written in: from a flag or label, else from its commonest words.

Detection counts a handful of very frequent function words per language in the first pages;
it is a cheap guess good enough to pick quotes and hyphenation, and it says when it is unsure.
"""

from __future__ import annotations

import re
from collections import Counter

_CODE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_NAMES = {
    "english": "en", "french": "fr", "français": "fr", "german": "de", "deutsch": "de",
    "spanish": "es", "español": "es", "italian": "it", "italiano": "it", "russian": "ru",
    "русский": "ru", "dutch": "nl", "nederlands": "nl", "portuguese": "pt", "português": "pt",
    "polish": "pl", "polski": "pl", "swedish": "sv", "danish": "da", "norwegian": "nb",
    "finnish": "fi", "czech": "cs", "ukrainian": "uk", "greek": "el", "turkish": "tr",
    "japanese": "ja", "chinese": "zh", "korean": "ko", "latin": "la",
}
_FUNCTION_WORDS = {
    "en": "the and of to a in that was he she it you is his her i with for not but had",
    "fr": "le la les de des et un une est que qui dans pas il elle je vous sur pour au",
    "de": "der die das und ist nicht ich sie er es ein eine zu den mit sich auf dem",
    "es": "el la los las de que y en un una es no se por con para su lo al",
    "it": "il la le di che e un una è non per con si del della gli lo al",
    "nl": "de het een en van ik je niet dat die is zijn op te met er maar",
    "pt": "o a os as de que e em um uma não se por com para do da é",
    "ru": "и в не на что я он она с как это то по его но к у",
}
_WORDS = {code: set(words.split()) for code, words in _FUNCTION_WORDS.items()}
_TOKEN = re.compile(r"\w+")


def language_code(value: str) -> str:
    """A BCP 47 tag for a code or an English or native name; "" when it is neither."""
    value = value.strip()
    if value.lower() in _NAMES:
        return _NAMES[value.lower()]
    return value if _CODE.match(value) else ""


def detect_language(text: str) -> tuple[str, bool]:
    """(code, sure). Falls back to English, unsure, when no language clearly leads."""
    counts = Counter(token for token in _TOKEN.findall(text[:20000].lower()))
    scores = {code: sum(counts[w] for w in words) for code, words in _WORDS.items()}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= 20 and top >= 1.5 * second:
        return best, True
    return "en", False
