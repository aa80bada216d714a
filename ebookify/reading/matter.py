"""Front matter: what a printed edition puts before its story, kept but not counted as chapters.

The text before the first heading is the edition's opening (title page, credits, contents list,
dedication) when that heading begins the story: a "Chapter 1", a "Prologue", a part, a listed or
bare title. Before a "Chapter 2" it is an untitled first chapter instead. A preface, foreword or
introduction that comes before the first chapter heading belongs to the front matter too.
"""

from __future__ import annotations

import re

from .headings import PART, SPECIAL, Heading, roman_value

_ONE = {"1", "one", "first", "un", "une", "premier", "première", "eins", "erstes", "erste", "uno", "primero",
        "primera", "primo", "prima", "um", "een", "eerste", "один", "первая", "первый", "первое", "erster", "primeiro",
        "primeira", "the first"}
_PREFATORY = re.compile(
    r"^(?:preface|foreword|introduction|pr[eé]face|avant-propos|vorwort|einleitung|prefacio|pr[oó]logo del editor"
    r"|introducci[oó]n|prefazione|introduzione|предисловие|введение|voorwoord|inleiding)$",
    re.IGNORECASE,
)


def opens_the_story(heading: Heading) -> bool:
    """The first chapter heading of a book: numbered one, or not numbered at all."""
    number = heading.number.lower()
    if not number:
        return True
    value = roman_value(number.split(".")[0]) if number[:1].isalnum() else None
    return number in _ONE or value == 1 or value == 0


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
