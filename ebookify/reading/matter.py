"""Front and back matter: what a printed edition puts around its story, kept but not counted as chapters.

The text before the first heading is the edition's opening (title page, credits, contents list,
dedication) when that heading begins the story: a "Chapter 1", a "Prologue", a part, a listed or
bare title. Before a "Chapter 2" it is an untitled first chapter instead. A preface, foreword or
introduction that comes before the first chapter heading belongs to the front matter too. After
the story, an edition's apparatus (notes, index, errata) and what it printed after "THE END" (its
publisher's list, a colophon) are its back matter.
"""

from __future__ import annotations

import re

from msgspec.structs import replace

from .contents import is_contents_word
from .headings import ORDINAL_VALUES, PART, SPECIAL, Heading, cjk_value, numeral_value
from .titlecase import is_capitals
from ..model import Block, Chapter, has_text, is_end_mark, trim_breaks
from ..patterns import lazy

# One in figures and words, and "first" in every language the heading grammar reads ("Księga pierwsza",
# "Första kapitlet"; its own table has the Romance and Germanic ordinals)
_ONE = {"1", "one", "un", "une", "eins", "uno", "um", "een", "один", "the first", "первая", "первый", "первое",
        "pierwszy", "pierwsza", "pierwsze", "piérwsza", "перша", "перший", "első",
        *(word for word, value in ORDINAL_VALUES.items() if value == 1)}
_PREFATORY = lazy(
    r"^(?:preface|foreword|introduction|pr[eé]face|avant-propos|vorwort|einleitung|prefacio|pr[oó]logo del editor"
    r"|introducci[oó]n|prefazione|introduzione|предисловие|введение|voorwoord|inleiding|alkulause|esipuhe|johdanto)$",
    re.IGNORECASE,
)

_CLOSING = lazy(
    r"^(?:[eé]pilogue|epilog|ep[ií]logo|эпилог|epiloog|afterword|postface|nachwort|послесловие|conclusion"
    r"|conclusi[oó]n|conclusione|заключение|jälkisanat|loppulause|尾声|尾聲|终章|終章|后记|後記|あとがき|エピローグ|에필로그)",  # "Epilogue II" too
    re.IGNORECASE,
)


def closes_story(heading: Heading) -> bool:
    """An epilogue, an afterword, a conclusion: what comes after the story's last chapter."""
    return heading.kind == SPECIAL and _CLOSING.match(heading.label.strip(" .:")) is not None


def opens_the_story(heading: Heading) -> bool:
    """The first chapter heading of a book: numbered one, or not numbered at all; never one that
    closes a story ("Afterword", "Epilogue"): the text above it is the story."""
    if closes_story(heading):
        return False
    number = heading.number.lower()
    if not number:
        return True
    value = numeral_value(number.split(".")[0]) if number[:1].isalnum() else None
    return number in _ONE or value in (0, 1) or cjk_value(number) in (0, 1)


def prefatory(headings: list[Heading]) -> int:
    """How many of the first headings are a preface and the like, standing before the story."""
    count = 0
    for heading in headings[:-1]:
        if heading.kind == SPECIAL and not heading.title and _PREFATORY.match(heading.label.strip(" .:")):
            count += 1
        else:
            break
    if count and headings[count].kind == PART and count == len(headings) - 1:
        return 0
    return count


# Back matter ---------------------------------------------------------------------------------------

_BACK = (
    (lazy(r"^(?:transcriber['’]?s? notes?|notes? (?:du|de la) transcript\w*|nota del transcriptor|anmerkungen zur "
                r"transkription|not[ae] del trascrittore|notas? do transcritor)[.:]?$", re.IGNORECASE),
     "Transcriber’s Notes"),
    (lazy(r"^(?:notes|notas|noten|anmerkungen|примечания|endnotes|footnotes)[.:]?$", re.IGNORECASE), "Notes"),
    (lazy(r"^(?:index|register|указатель)[.:]?$", re.IGNORECASE), "Index"),
    (lazy(r"^(?:errata|erratas|erros|lista de erros.*|fe de erratas|druckfehler.*)[.:]?$", re.IGNORECASE), "Errata"),
)


BACK_TITLES = tuple(title for _, title in _BACK) + ("Contents",)  # the names the book gives these sections


def back_matter_title(text: str) -> str:
    """The name of the back-matter section a paragraph alone opens ("NOTAS" → "Notes"), or "".
    Editions set these in capitals; a mixed-case "Notes:" is an author's note, not an apparatus."""
    text = text.strip().strip("*_ ")
    if len(text) > 40:
        return ""
    title = next((title for pattern, title in _BACK if pattern.match(text)), "")
    if not title and is_contents_word(text):
        title = "Contents"  # "ÍNDICE" after the last chapter: the list a printed book keeps at its back
    return title if title == "Transcriber’s Notes" or is_capitals(text) else ""


EDITION_TITLE = "From the Original Edition"  # a printed book's pages around its story: title page, contents, its last pages


def after_the_end(chapter: Chapter) -> tuple[Chapter, tuple[Block, ...]]:
    """The last chapter up to its "THE END", and what the edition printed after that (its
    publisher's list of books, a colophon, errata): not the story, though the book keeps it."""
    for index in range(len(chapter.blocks) - 1, -1, -1):
        block = chapter.blocks[index]
        if is_end_mark(block):
            after = trim_breaks(chapter.blocks[index + 1:])
            if has_text(after):
                return replace(chapter, blocks=chapter.blocks[:index + 1]), after
            break
    return chapter, ()

