"""Titles and names set in capitals, shown the way a library shows them.

Printed editions set titles, author lines and chapter headings in capitals (``HOW THE WHALE GOT HIS
THROAT``, ``АНТОН ЧЕХОВ``); metadata and a contents list read better in normal case. Only text
written wholly in capitals changes, since mixed case is the writer's choice. The rules follow the
language's own habit: English capitalises every word but the small ones, and leaves a name's
particle small ("To Frau von Streicher"); German every word but its articles, prepositions and
conjunctions (its nouns are capitalised anyway, and a guess at which are nouns is worse: "Des Meeres
und der Liebe Wellen"); French, Spanish, Italian, Portuguese, Dutch, Russian and the rest capitalise
the first word only ("De la terre à la lune", "Архиерей"). Turkish and Azerbaijani keep their dotted
and dotless i apart ("BEŞİNCİ KISIM" is "Beşinci kısım"). Roman numerals stay in capitals, and so do
words with a dot inside (initials). A word after a colon, a sentence's end or a dash starts afresh.
Names keep their capital when the book itself tells us they are names: ``proper_names`` collects
the words its text writes with a capital in mid-sentence ("Floride et Texas", not "Floride et texas").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..patterns import lazy

_SMALL = {
    "en": set("a an and as at but by for from in into nor of off on or per so than the to up via vs with yet".split()),
    "de": set("der die das den dem des ein eine einer eines einem einen und oder aber als wie an am auf aus bei im in "
              "mit nach ohne um vom von vor zu zum zur über unter für gegen".split()),
}
TITLE_SMALL_WORDS = frozenset(_SMALL["en"])  # the words an English title leaves in small letters
_EVERY_WORD = {"de", "en"}  # languages whose titles capitalise (nearly) every word
_NAME_PARTICLES = set("de da das do dos du des della di del la le van von der den ten ter zu y e".split())
# The particles an English title leaves small before a name ("The Place de Grève", "To G. del Rio"):
# none that is also an English word ("van", "do", "den", "ten"); "la" and "le" only after one of them.
_FOREIGN_PARTICLES = frozenset("de del della des di du dos von zu der".split())
_ACRONYM = lazy(r"^\W*[^\W\d_]{1,2}(?:[/&][^\W\d_]{1,2})+\W*$")  # letters joined by a slash or an ampersand
_TURKIC = frozenset(("tr", "az"))  # dotted İ i and dotless I ı are two letters
_ROMAN = lazy(r"^(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})[.,:;]?$")
_NOT_NUMERALS = {"di", "mi", "li", "vi", "ci", "dc", "mix", "di.", "vi."}  # Italian and Spanish words
_NOT_NUMERALS_ANYWHERE = {"dc", "mix"}  # an English title's "VI. MAULE'S WELL" is numbered
_ROMANCE = frozenset(("it", "es", "pt", "ca", "fr", "ro", "la", "gl"))
_WORD = lazy(r"\S+")


def is_capitals(text: str) -> bool:
    """Written in capitals: at least two letters and no lower-case one, and most letters cased
    (Chinese "有可能会BE吗？" is not in capitals: its "BE" is an acronym among ideographs)."""
    letters = [c for c in text if c.isalpha()]
    cased = [c for c in letters if c.isupper() or c.islower()]
    return len(cased) >= 2 and 2 * len(cased) >= len(letters) and all(c.isupper() for c in cased)


def without_closing_stop(text: str) -> str:
    """A title in capitals without the full stop editions set after it ("PAN TADEUSZ.", "GRIMÖN."):
    never an ellipsis's, nor an abbreviation's ("ST.", "JR."), whose word is short."""
    if is_capitals(text) and text.endswith(".") and not text.endswith("..") and len(text.split()[-1]) > 4:
        return text[:-1]
    return text


def title_case(text: str, language: str = "", names: frozenset[str] = frozenset(), label: bool = False) -> str:
    """``HOW THE WHALE GOT HIS THROAT`` → "How the Whale Got His Throat" (English); other text as is.
    ``names``: lower-case words that stay capitalised wherever they stand (see ``proper_names``).
    ``label``: the text is a heading's label ("CAPITOLO VI"), where "V" and "VI" are numerals, not words."""
    if not is_capitals(text) or _ROMAN.match(text.strip()):  # "VI" alone is a numeral, never the word "vi"
        return text
    code = (language or "en").lower()[:2]
    turkic = code in _TURKIC or "İ" in text  # only the Turkic alphabets have a capital dotted İ
    small = _SMALL.get(code, set())
    every = code in _EVERY_WORD
    words = _WORD.findall(text)
    out: list[str] = []
    for index, word in enumerate(words):
        after_colon = index > 0 and _ends_phrase(words[index - 1])
        lower = _lower(word, turkic)
        if _is_roman(word, code) or word.rstrip(".,:;") == "I" or (label and index and _ROMAN.match(word)):  # a numeral, or the English pronoun
            out.append(word)
        elif "." in word.rstrip(".") and len(word) <= 6 or _ACRONYM.match(word):  # "J.B." initials, "I/O", "AT&T"
            out.append(word)
        elif code == "en" and index and not after_colon and index + 1 < len(words) and _particle(lower, out[-1]):
            out.append(lower)
        elif index == 0 or after_colon or (every and _core(lower) not in small) or _core(lower) in names:
            out.append(_capitalise(lower, turkic))
        else:
            out.append(_elided_name(lower, names, turkic))
    return " ".join(out)


def _ends_phrase(word: str) -> bool:
    """The word ends a sentence or a phrase: a title of address ("MR.") does not, nor an initial
    ("G. DEL RIO"), unless its letter is a numeral's ("CHAPTER I. THE END")."""
    if word[-1:] not in ":.!?—":
        return False
    bare = word[:-1].lower()
    return bare not in _TITLES and not (len(bare) == 1 and bare.isalpha() and bare not in "ivxlcdm")


def _particle(word: str, before: str) -> bool:
    """A name's particle in an English title: "de", "von"…, and "la" or "le" after one ("de la")."""
    return word in _FOREIGN_PARTICLES or word in ("la", "le") and before in _FOREIGN_PARTICLES


def _lower(text: str, turkic: bool = False) -> str:
    """Small letters as the alphabet spells them: a Turkish "I" is "ı", and "İ" is "i" everywhere
    (Python's ``lower`` would give "i" with a combining dot)."""
    if turkic:
        text = text.replace("I", "ı")
    return text.replace("İ", "i").lower()


# Abbreviations a title's words follow without a sentence ending ("MR. AND MRS. DOVE": "Mr. and Mrs. Dove").
_TITLES = frozenset("mr mrs ms messrs dr st mt jr sr prof rev capt col gen lt sgt hon mme mlle sra srta".split())
_ELIDED = lazy(r"^([^\W\d_]['’][«“\"]?)(.+)$")  # "d'alice", "l'«atlanta»"


def _elided_name(word: str, names: frozenset[str], turkic: bool = False) -> str:
    match = _ELIDED.match(word)
    if match and _core(match[2]) in names:
        return match[1] + _capitalise(match[2], turkic)
    return word


_TEXT_WORD = lazy(r"[^\W\d_](?:[\w-]|['’][«“\"]?)*")  # "l'«Atlanta" is one word here
_SENTENCE_END = set(".!?:;—–«»\"“”‘'(\n")


def proper_names(texts: Iterable[str], asked: frozenset[str] | None = None) -> frozenset[str]:
    """The words (lower-cased) that the texts write with a capital in mid-sentence more often than
    without one: the names a book uses. ``asked``: only these words matter (``title_words``).

    Words are counted by the regex engine and ``Counter``; then only the capitalised forms of the
    asked words are looked at where they stand, with a look back of a few characters for whether
    the form starts a word and stands in mid-sentence. (Reading every word in Python cost a 3 MB
    book half a second.) No word holds a space, so the words are those of each distinct run of
    non-spaces, counted as often as the run comes: a tenth of the runs a novel has, each read once
    (half the time of reading the whole text again).
    """
    texts = list(texts)
    counts: Counter[str] = Counter()
    runs = Counter(" ".join(texts).split())
    for run, times in runs.items():
        for word in _TEXT_WORD.findall(run):
            counts[word] += times
    # A form in capitals ("I", "THE", "XIV") is never counted below, unless an article is elided
    # before the word ("L'ATLANTA"): looking for it in the text would only cost time.
    keys = {word: key for word in counts if (key := _capital_key(word)) and (asked is None or key in asked)
            and not (word.isupper() and key == word.lower())}
    if not keys:
        return frozenset()
    finder = re.compile("|".join(re.escape(form) for form in sorted(keys, key=len, reverse=True)))
    capitalised: Counter[str] = Counter()
    for text in texts:
        for found in finder.finditer(text):
            start = found.start()
            word = _TEXT_WORD.match(text, start)
            if word is None or word.group() != found.group() or _WORD_BEFORE.search(text, max(0, start - 40), start):
                continue  # part of a longer word
            word = word.group()
            key = keys[word]
            if key != word.lower():  # "l'Atlanta": a name behind an elided article, wherever it stands
                capitalised[key] += 1
            elif not word.isupper() and _mid_sentence(text, start):
                capitalised[key] += 1
    return frozenset(word for word, count in capitalised.items() if count > (counts[word] if word[:1].islower() else 0))


# A word (``_TEXT_WORD``) running up to this point: what comes next is part of it, not a word of its own.
_WORD_BEFORE = lazy(_TEXT_WORD.pattern + r"\Z")


def _capital_key(word: str) -> str:
    """The word a capitalised form counts for ("Texas" → "texas", "l'Atlanta" → "atlanta"); "" for
    a form that starts with a small letter (counted as the plain word itself)."""
    if "'" in word or "’" in word:
        elided = _ELIDED.match(word)
        if elided and elided[2][:1].isupper():
            return elided[2].lower()
    return "" if word[0].islower() else word.lower()


def title_words(text: str) -> set[str]:
    """The words ``title_case`` asks ``names`` about for this text: none for a numeral alone ("IV",
    a section's whole label), which it leaves as it is."""
    if _ROMAN.match(text.strip()):
        return set()
    words = set()
    for word in _WORD.findall(text.lower()):
        words.add(_core(word))
        elided = _ELIDED.match(word)
        if elided:
            words.add(_core(elided[2]))
    return words


def _mid_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \u00a0\u202f")
    return bool(before) and before[-1] not in _SENTENCE_END


def name_case(name: str) -> str:
    """``JOSEPH CONRAD`` → "Joseph Conrad", ``J. B. DE ALMEIDA-GARRETT`` → "J. B. de Almeida-Garrett"."""
    if not is_capitals(name) or any(c.isdigit() for c in name):  # "ACI100" is a user name, kept as written
        return name
    turkic = "İ" in name
    words = _lower(name, turkic).split()
    return " ".join(w if i and w in _NAME_PARTICLES else _capitalise(w, turkic) for i, w in enumerate(words))


def _is_roman(word: str, code: str = "") -> bool:
    """ "VI", "XII.": a numeral, except the words that spell like one ("MIX"; Italian "VI", "DI")."""
    words = _NOT_NUMERALS if code in _ROMANCE else _NOT_NUMERALS_ANYWHERE
    return len(word) >= 2 and bool(_ROMAN.match(word)) and word.lower() not in words


def _core(word: str) -> str:
    return word.strip("\"'“”‘’«»()[].,:;!?")


def _capitalise(word: str, turkic: bool = False) -> str:
    """First letter up, also after an opening quote or bracket, and after each hyphen, dash or
    slash that joins two words ("Gun-Club", "Ries,—London", "Peace/War"; "D'Alice" stays
    "D'alice": an elided article is lower), and after a Scottish or Irish "Mc" ("MCDERMOTT" is
    McDermott). Turkish "i" is "İ"."""
    out, upper_next = [], True
    for char in word:
        if char.isalpha():
            out.append(("İ" if turkic and char == "i" else char.upper()) if upper_next else char)
            upper_next = False
        else:
            out.append(char)
            upper_next = upper_next or char in "-—–/"
    return _MC.sub(lambda found: found[1] + found[2].upper(), "".join(out))


_MC = lazy(r"\b(Mc)([a-z])(?=[a-z])")
