"""The header labels that are not metadata keys, per language, and the words around a byline.

``label_of`` reads a label line with all of them. The labels of metadata keys (title, author, summary, rating …, in every language) live in
``metadata.KEYS``; here are the rest: author's notes, counts (recomputed, never trusted) and
facts shown on the title page as labelled ("extra"). Also the byline words ("by", "par", "von",
"автор" …) and the status words that mean complete or in progress.
"""

from __future__ import annotations


from ..metadata import KEYS, TEXT_LABELS
from ..patterns import lazy

ENGLISH = {
    "author's note": "note", "author's notes": "note", "authors note": "note", "authors notes": "note",
    "author note": "note", "a/n": "note", "an": "note", "notes": "note", "note": "note", "words": "count",
    "chapters": "count", "word count": "count", "packaged": "count", "stats": "count", "category": "extra",
    "categories": "extra", "short description": "extra", "author url": "extra", "series url": "extra",
    "dedication": "extra", "disclaimer": "extra", "collections": "extra", "beta": "extra",
    "beta reader": "extra", "beta readers": "extra", "kudos": "extra", "hits": "extra", "bookmarks": "extra",
    "comments": "extra", "reviews": "extra", "favs": "extra", "follows": "extra",
}

FRENCH = {
    "note de l'auteur": "note", "note de l'auteure": "note", "note de l'autrice": "note",
    "notes de l'auteur": "note", "notes de l'auteure": "note", "n/a": "note", "nda": "note", "mots": "count",
    "chapitres": "count", "dédicace": "extra",
}

GERMAN = {
    "anmerkung": "note", "anmerkungen": "note", "anmerkung des autors": "note", "anmerkung der autorin": "note",
    "anmerkungen des autors": "note", "anmerkungen der autorin": "note", "wörter": "count",
    "kapitel": "count", "widmung": "extra",
}

SPANISH = {
    "nota de autor": "note", "nota del autor": "note", "nota de la autora": "note", "notas del autor": "note",
    "notas de la autora": "note", "notas de autor": "note", "n/a": "note", "palabras": "count",
    "capítulos": "count", "dedicatoria": "extra",
}

ITALIAN = {
    "note dell'autore": "note", "note dell'autrice": "note", "nota dell'autore": "note",
    "nota dell'autrice": "note", "n.d.a.": "note", "nda": "note", "note": "note", "parole": "count",
    "capitoli": "count",
}

PORTUGUESE = {
    "nota do autor": "note", "nota da autora": "note", "notas do autor": "note", "notas da autora": "note",
    "palavras": "count", "capítulos": "count",
}

DUTCH = {
    "opmerking van de auteur": "note", "opmerkingen van de auteur": "note", "auteursnotitie": "note",
    "noot van de auteur": "note", "woorden": "count", "hoofdstukken": "count",
}

POLISH = {
    "notka autora": "note", "nota autora": "note", "od autora": "note", "notka": "note", "słowa": "count",
    "słów": "count", "rozdziały": "count",
}

RUSSIAN = {
    "примечание": "note", "примечания": "note", "примечание автора": "note", "примечания автора": "note",
    "от автора": "note", "размер": "count", "кол-во частей": "count", "посвящение": "extra",
    "публикация на других ресурсах": "extra", "бета": "extra",
}

READING_LABELS: dict[str, str] = {}
for _table in (RUSSIAN, POLISH, DUTCH, PORTUGUESE, ITALIAN, SPANISH, GERMAN, FRENCH, ENGLISH):
    READING_LABELS.update(_table)  # English last: where two languages share a word, English decides

# Words that introduce the author on the line under a title ("by Name", "par Name", …).
BY_WORDS = (
    "by", "written by", "story by", "a story by", "a fanfic by", "a fanfiction by", "a novel by", "a tale by",
    "par", "écrit par", "une histoire de", "von", "geschrieben von", "eine geschichte von", "por", "escrito por",
    "una historia de", "uma história de", "di", "scritto da", "un racconto di", "door", "geschreven door",
    "een verhaal van", "autor", "autorka", "napisane przez", "автор", "написано", "created by", "story created by",
    "creado por", "creada por", "historia creada por", "historia escrita por", "escrita por",
    "un romanzo di", "un roman de", "ein roman von", "una novela de", "um romance de", "een roman van",
    "تأليف", "بقلم", "מאת", "نوشتهٔ", "نوشته", "लेखक",
)

# A stated status, in any of these languages, as the model's two words.
STATUS_WORDS = {
    "complete": "complete", "completed": "complete", "finished": "complete", "complet": "complete",
    "complète": "complete", "terminé": "complete", "terminée": "complete", "fini": "complete",
    "finie": "complete", "abgeschlossen": "complete", "fertig": "complete", "beendet": "complete",
    "completa": "complete", "completo": "complete", "completada": "complete", "terminada": "complete",
    "concluída": "complete", "conclusa": "complete", "completata": "complete", "voltooid": "complete",
    "afgerond": "complete", "zakończone": "complete", "ukończone": "complete", "закончен": "complete",
    "завершён": "complete", "завершен": "complete",
    "in progress": "in-progress", "in-progress": "in-progress", "ongoing": "in-progress", "wip": "in-progress",
    "incomplete": "in-progress", "en cours": "in-progress", "in arbeit": "in-progress", "laufend": "in-progress",
    "fortlaufend": "in-progress", "en progreso": "in-progress", "en curso": "in-progress",
    "em andamento": "in-progress", "em progresso": "in-progress", "in corso": "in-progress",
    "lopend": "in-progress", "w trakcie": "in-progress", "в процессе": "in-progress",
    "не закончен": "in-progress",
}

# Reading a label line ----------------------------------------------------------------------------------------

LABELS = {**TEXT_LABELS, **READING_LABELS}  # metadata keys' labels, then notes, counts and shown facts
BLOCK_FIELDS = {"description", "note"}
LIST_FIELDS = {*(key.field for key in KEYS if key.kind == "list"), "extra"}
_LABEL = r"^\s*(?:#{1,6}\s+)?(?P<label>[^\W\d_][\w'’/().\- ]{0,34}?)\s*"
LABEL_ALONE = lazy(_LABEL + r"(?P<colon>[:：]?)\s*$")  # ：, the full-width colon of Chinese and Japanese
LABEL_VALUE = lazy(_LABEL + r"[:：]\s*(?P<value>\S.*?)\s*$")


def label_of(line: str) -> tuple[str, str, str] | None:
    """(label as written, field it fills, value on the same line) for a known label. A label
    alone on its line needs its colon, unless it opens a block (``Description``)."""
    if line.lstrip()[:2] in ("**", "__"):  # "**Title:** Salt" as pasted from a formatted page
        line = line.replace(line.lstrip()[:2], "", 2)
    elif line.lstrip()[:1] == "(" and line.rstrip()[-1:] == ")":  # "(Tác giả: TÔ HOÀI )" under a title
        line = line.strip()[1:-1]
    alone = LABEL_ALONE.match(line)
    match = alone or LABEL_VALUE.match(line)
    field = LABELS.get(" ".join(match["label"].lower().replace("’", "'").split())) if match else None
    if field is None or alone and not alone["colon"] and field not in BLOCK_FIELDS:
        return None
    return match["label"], field, "" if alone else match["value"]
