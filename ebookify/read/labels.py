"""The labels a story's header may use, in each language, and the field each one fills.

Kept per language so they can be folded into the one metadata key table (metadata.py) when it
lands: each entry is "label as written, lower case" → model field ("count" is recomputed and never
trusted, "note" is an author's note, "extra" a fact shown as labelled).
"""

from __future__ import annotations

ENGLISH = {
    "title": "title", "story": "title", "story title": "title",
    "author": "authors", "authors": "authors", "by": "authors", "writer": "authors", "written by": "authors",
    "author(s)": "authors", "pen name": "authors",
    "summary": "description", "description": "description", "blurb": "description", "synopsis": "description",
    "author's note": "note", "author's notes": "note", "authors note": "note", "authors notes": "note",
    "author note": "note", "a/n": "note", "an": "note", "notes": "note", "note": "note",
    "tags": "tags", "additional tags": "tags", "freeform": "tags", "genre": "tags", "genres": "tags",
    "rating": "rating", "rated": "rating",
    "warnings": "warnings", "warning": "warnings", "archive warning": "warnings", "archive warnings": "warnings",
    "content warnings": "warnings", "content warning": "warnings",
    "status": "status", "completed": "status",
    "series": "series",
    "story url": "source_url", "source": "source_url", "url": "source_url", "link": "source_url",
    "published": "published", "updated": "updated", "completed on": "updated",
    "language": "language",
    "words": "count", "chapters": "count", "word count": "count", "packaged": "count", "stats": "count",
    "fandom": "extra", "fandoms": "extra", "category": "extra", "categories": "extra",
    "characters": "extra", "character": "extra", "relationships": "extra", "relationship": "extra",
    "pairings": "extra", "pairing": "extra", "short description": "extra", "publisher": "extra",
    "author url": "extra", "series url": "extra", "dedication": "extra", "disclaimer": "extra",
    "collections": "extra", "beta": "extra", "beta reader": "extra", "beta readers": "extra",
}

FRENCH = {
    "titre": "title", "auteur": "authors", "auteure": "authors", "autrice": "authors", "auteur(e)": "authors",
    "auteurs": "authors", "écrit par": "authors", "par": "authors",
    "résumé": "description", "resume": "description", "synopsis": "description", "description": "description",
    "note de l'auteur": "note", "note de l'auteure": "note", "note de l'autrice": "note",
    "notes de l'auteur": "note", "notes de l'auteure": "note", "n/a": "note", "nda": "note",
    "avertissement": "warnings", "avertissements": "warnings", "genre": "tags", "genres": "tags",
    "étiquettes": "tags", "mots-clés": "tags", "classement": "rating", "classification": "rating",
    "statut": "status", "série": "series", "langue": "language", "personnages": "characters",
    "couple": "relationships", "couples": "relationships", "relations": "relationships",
    "publié": "published", "publié le": "published", "publication": "published",
    "mis à jour": "updated", "mise à jour": "updated", "mots": "count", "chapitres": "count",
    "dédicace": "extra", "avertissement de l'auteur": "warnings",
}

GERMAN = {
    "titel": "title", "autor": "authors", "autorin": "authors", "autoren": "authors", "verfasser": "authors",
    "verfasserin": "authors", "geschrieben von": "authors", "von": "authors",
    "zusammenfassung": "description", "inhalt": "description", "beschreibung": "description",
    "klappentext": "description", "kurzbeschreibung": "description",
    "anmerkung": "note", "anmerkungen": "note", "anmerkung des autors": "note", "anmerkung der autorin": "note",
    "anmerkungen des autors": "note", "anmerkungen der autorin": "note", "vorwort": "note",
    "warnung": "warnings", "warnungen": "warnings", "schlagwörter": "tags", "schlagworte": "tags",
    "altersfreigabe": "rating", "bewertung": "rating", "einstufung": "rating", "reihe": "series", "serie": "series",
    "sprache": "language", "charaktere": "characters", "figuren": "characters", "pairings": "relationships",
    "veröffentlicht": "published", "aktualisiert": "updated", "wörter": "count", "kapitel": "count",
    "widmung": "extra", "fandom": "fandoms",
}

SPANISH = {
    "título": "title", "titulo": "title", "autor": "authors", "autora": "authors", "autores": "authors",
    "escrito por": "authors", "por": "authors",
    "resumen": "description", "sinopsis": "description", "descripción": "description",
    "nota de autor": "note", "nota del autor": "note", "nota de la autora": "note", "notas del autor": "note",
    "notas de la autora": "note", "notas de autor": "note", "n/a": "note",
    "advertencias": "warnings", "advertencia": "warnings", "género": "tags", "géneros": "tags",
    "etiquetas": "tags", "clasificación": "rating", "estado": "status", "serie": "series", "idioma": "language",
    "personajes": "characters", "parejas": "relationships", "publicado": "published",
    "actualizado": "updated", "palabras": "count", "capítulos": "count", "dedicatoria": "extra",
}

ITALIAN = {
    "titolo": "title", "autore": "authors", "autrice": "authors", "autori": "authors", "scritto da": "authors",
    "di": "authors",
    "riassunto": "description", "sinossi": "description", "trama": "description", "descrizione": "description",
    "introduzione": "description", "note dell'autore": "note", "note dell'autrice": "note",
    "nota dell'autore": "note", "nota dell'autrice": "note", "n.d.a.": "note", "nda": "note", "note": "note",
    "avvertimenti": "warnings", "avvisi": "warnings", "avvertenze": "warnings", "genere": "tags",
    "generi": "tags", "classificazione": "rating", "stato": "status", "lingua": "language",
    "personaggi": "characters", "coppie": "relationships", "pubblicato": "published",
    "aggiornato": "updated", "parole": "count", "capitoli": "count",
}

PORTUGUESE = {
    "título": "title", "autor": "authors", "autora": "authors", "escrito por": "authors", "por": "authors",
    "resumo": "description", "sinopse": "description", "descrição": "description",
    "nota do autor": "note", "nota da autora": "note", "notas do autor": "note", "notas da autora": "note",
    "avisos": "warnings", "aviso": "warnings", "gêneros": "tags", "gênero": "tags", "géneros": "tags",
    "categorias": "tags", "classificação": "rating", "estado": "status", "série": "series",
    "idioma": "language", "língua": "language", "personagens": "characters", "casais": "relationships",
    "publicado": "published", "atualizado": "updated", "palavras": "count", "capítulos": "count",
}

DUTCH = {
    "titel": "title", "auteur": "authors", "schrijver": "authors", "schrijfster": "authors",
    "geschreven door": "authors", "door": "authors",
    "samenvatting": "description", "beschrijving": "description", "korte inhoud": "description",
    "opmerking van de auteur": "note", "opmerkingen van de auteur": "note", "auteursnotitie": "note",
    "noot van de auteur": "note", "waarschuwingen": "warnings", "waarschuwing": "warnings",
    "beoordeling": "rating", "leeftijd": "rating", "reeks": "series", "taal": "language",
    "personages": "characters", "gepubliceerd": "published", "bijgewerkt": "updated", "woorden": "count",
    "hoofdstukken": "count",
}

POLISH = {
    "tytuł": "title", "autor": "authors", "autorka": "authors", "napisane przez": "authors",
    "streszczenie": "description", "opis": "description", "notka autora": "note", "nota autora": "note",
    "od autora": "note", "notka": "note", "ostrzeżenia": "warnings", "ostrzeżenie": "warnings",
    "gatunek": "tags", "gatunki": "tags", "tagi": "tags", "ocena": "rating", "kategoria wiekowa": "rating",
    "seria": "series", "cykl": "series", "język": "language", "postacie": "characters", "postaci": "characters",
    "paringi": "relationships", "opublikowano": "published", "zaktualizowano": "updated", "słowa": "count",
    "słów": "count", "rozdziały": "count",
}

RUSSIAN = {
    "название": "title", "автор": "authors", "авторы": "authors", "автор оригинала": "authors",
    "описание": "description", "аннотация": "description", "саммари": "description",
    "примечание": "note", "примечания": "note", "примечание автора": "note", "примечания автора": "note",
    "от автора": "note", "предупреждения": "warnings", "предупреждение": "warnings", "жанры": "tags",
    "жанр": "tags", "метки": "tags", "рейтинг": "rating", "статус": "status", "серия": "series",
    "язык": "language", "персонажи": "characters", "пэйринг и персонажи": "characters",
    "пейринг": "relationships", "пэйринг": "relationships", "фэндом": "fandoms", "фандом": "fandoms",
    "опубликовано": "published", "обновлено": "updated", "размер": "count", "кол-во частей": "count",
    "посвящение": "extra", "публикация на других ресурсах": "extra", "бета": "extra",
}

LABELS: dict[str, str] = {}
for _table in (RUSSIAN, POLISH, DUTCH, PORTUGUESE, ITALIAN, SPANISH, GERMAN, FRENCH, ENGLISH):
    LABELS.update(_table)  # English last: where two languages share a word, English decides

# Words that introduce the author on the line under a title ("by Name", "par Name", …).
BY_WORDS = (
    "by", "written by", "story by", "a story by", "a fanfic by", "a fanfiction by", "a novel by", "a tale by",
    "par", "écrit par", "une histoire de", "von", "geschrieben von", "eine geschichte von", "por", "escrito por",
    "una historia de", "uma história de", "di", "scritto da", "un racconto di", "door", "geschreven door",
    "een verhaal van", "autor", "autorka", "napisane przez", "автор", "написано",
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
