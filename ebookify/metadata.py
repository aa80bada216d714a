"""Metadata: one table of keys, how given values are checked, and which source wins.

``KEYS`` is the only place a metadata key is spelled: its sidecar and ``--set`` name, the
``Metadata`` field it fills, the labels a text header may use for it (in any language), the
kind of value it takes, and how the OPF carries it. Front matter, Gutenberg headers, sidecars,
``--set`` and the OPF writer all read this table, so adding a key is adding one row.

Precedence (``settle``): the caller's options > the sidecar file > what the text says > guesses.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from pathlib import PurePath
from urllib.parse import urlsplit, urlunsplit

from .errors import Finding, UsageError
from .model import Chapter, Metadata, Paragraph, Text, inline_text, paragraphs
from .reading.decode import clean_field
from .reading.language import detect_language, language_code

if TYPE_CHECKING:
    from .options import Options


@dataclass(frozen=True)
class Key:
    name: str  # in a sidecar file and in --set
    field: str  # the ``Metadata`` field it fills
    kind: str  # text | list | blocks | language | status | number | date | url | identifier
    labels: tuple[str, ...] = ()  # how a text's header may label it, lower case, any language
    opf: str = ""  # how the OPF carries it; "" when only the title page shows it


KEYS: tuple[Key, ...] = (  # labels: English first, then fr, de, es, it, pt, nl, pl, ru
    Key("title", "title", "text", (
        "title", "story", "story title", "titre", "titel", "título", "titulo", "titolo", "tytuł", "название",
    ), "dc:title"),
    Key("subtitle", "subtitle", "text", ("subtitle",)),
    Key("authors", "authors", "list", (
        "author", "authors", "by", "writer", "written by", "author(s)", "pen name", "auteur", "auteure",
        "autrice", "auteur(e)", "auteurs", "écrit par", "par", "autor", "autorin", "autoren", "verfasser",
        "verfasserin", "geschrieben von", "von", "autora", "autores", "escrito por", "por", "autore", "autori",
        "scritto da", "di", "schrijver", "schrijfster", "geschreven door", "door", "autorka", "napisane przez",
        "автор", "авторы", "автор оригинала",
    ), "dc:creator"),
    Key("author_sort", "author_sort", "text", (), "file-as"),
    Key("language", "language", "language", (
        "language", "langue", "sprache", "idioma", "lingua", "língua", "taal", "język", "язык",
    ), "dc:language"),
    Key("description", "description", "blocks", (
        "summary", "description", "blurb", "synopsis", "résumé", "zusammenfassung",         "beschreibung", "klappentext", "kurzbeschreibung", "resumen", "sinopsis", "descripción", "riassunto",
        "sinossi", "trama", "descrizione", "resumo", "sinopse", "descrição", "samenvatting",
        "beschrijving", "korte inhoud", "streszczenie", "opis", "описание", "аннотация", "саммари",
    ), "dc:description"),
    Key("tags", "tags", "list", (
        "tags", "additional tags", "freeform", "genre", "genres", "étiquettes", "mots-clés", "schlagwörter",
        "schlagworte", "género", "géneros", "etiquetas", "genere", "generi", "gêneros", "gênero", "categorias",
        "gatunek", "gatunki", "tagi", "жанры", "жанр", "метки",
    ), "dc:subject"),
    Key("fandom", "fandoms", "list", ("fandom", "fandoms", "фэндом", "фандом"), "dc:subject"),
    Key("characters", "characters", "list", (
        "characters", "character", "personnages", "charaktere", "figuren", "personajes", "personaggi",
        "personagens", "personages", "postacie", "postaci", "персонажи", "пэйринг и персонажи",
    ), "dc:subject"),
    Key("relationships", "relationships", "list", (
        "relationships", "relationship", "pairings", "pairing", "couple", "couples", "relations", "parejas",
        "coppie", "casais", "paringi", "пейринг", "пэйринг",
    ), "dc:subject"),
    Key("rating", "rating", "text", (
        "rating", "rated", "classement", "classification", "altersfreigabe", "bewertung", "einstufung",
        "clasificación", "classificazione", "classificação", "beoordeling", "leeftijd", "ocena",
        "kategoria wiekowa", "рейтинг",
    )),
    Key("warnings", "warnings", "list", (
        "warnings", "warning", "archive warning", "archive warnings", "content warnings", "content warning",
        "avertissement", "avertissements", "avertissement de l'auteur", "warnung", "warnungen", "advertencias",
        "advertencia", "avvertimenti", "avvisi", "avvertenze", "avisos", "aviso", "waarschuwingen",
        "waarschuwing", "ostrzeżenia", "ostrzeżenie", "предупреждения", "предупреждение",
    )),
    Key("status", "status", "status", ("status", "completed", "statut", "estado", "stato", "статус")),
    Key("series", "series", "text", (
        "series", "série", "reihe", "serie", "reeks", "seria", "cykl", "серия",
    ), "belongs-to-collection"),
    Key("series_index", "series_index", "number", (), "group-position"),
    Key("published", "published", "date", (
        "published", "publié", "publié le", "publication", "veröffentlicht", "publicado", "pubblicato",
        "gepubliceerd", "opublikowano", "опубликовано",
    ), "dc:date"),
    Key("updated", "updated", "date", (
        "updated", "completed on", "mis à jour", "mise à jour", "aktualisiert", "actualizado", "aggiornato",
        "atualizado", "bijgewerkt", "zaktualizowano", "обновлено",
    )),
    Key("source", "source_url", "url", ("story url", "source", "url", "link"), "dc:source"),
    Key("publisher", "publisher", "text", ("publisher",), "dc:publisher"),
    Key("rights", "rights", "text", (), "dc:rights"),
    Key("identifier", "identifier", "identifier", (), "dc:identifier"),
)
BY_NAME = {key.name: key for key in KEYS}
NAMES = tuple(BY_NAME)
LISTS = tuple(key.name for key in KEYS if key.kind == "list")
TEXT_LABELS = {label: key.field for key in KEYS for label in key.labels}  # "rated" → "rating"
STATUSES = ("complete", "in-progress")


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$")


def parse_assignments(pairs: Iterable[str], origin: str = "--set") -> dict[str, object]:
    """``["series=The Cycle", "tags=a, b"]`` → checked fields; list items are comma-separated."""
    raw: dict[str, object] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals:
            raise UsageError(f"{origin} {pair!r}: write it as key=value, such as series=The Cycle", option="metadata")
        key = key.strip()
        raw[key] = [item for item in value.split(",")] if key in LISTS else value
    return check_fields(raw, origin)


def check_fields(raw: Mapping, origin: str) -> dict[str, object]:
    """Every key known and every value of its kind, or a ``UsageError`` naming both and ``origin``.

    Checking is idempotent, so the pipeline re-checks what the CLI already checked for free."""
    fields: dict[str, object] = {}
    for key, value in raw.items():
        if key not in BY_NAME:
            raise UsageError(f"{origin}: unknown key {str(key)!r}{_did_you_mean(str(key))}", option="metadata")
        if value is None:
            continue
        checked = _check(key, value, lambda wanted: _wrong(origin, key, wanted, value))
        if checked:
            fields[key] = checked
    return fields


def _check(key: str, value: object, wrong) -> object:
    kind = BY_NAME[key].kind
    if kind == "list":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)) or not all(_is_text(item) for item in items):
            raise wrong("a list of names or words")
        return tuple(dict.fromkeys(c for c in (clean_field(str(item)) for item in items) if c))
    if not (_is_text(value) or isinstance(value, dt.date)):
        raise wrong(_WANTED.get(key, "text"))
    if kind == "number":
        return _number(value, wrong)
    if kind == "date":
        return _date(value, wrong)
    text = _paragraphs(str(value)) if kind == "blocks" else clean_field(str(value))
    if kind == "language" and text:
        if not language_code(text):
            raise wrong(_WANTED[key])
        text = language_code(text)
    elif kind == "status" and text:
        text = "-".join(text.lower().replace("_", " ").replace("-", " ").split())
        if text not in STATUSES:
            raise wrong(_WANTED[key])
    elif kind == "url" and text and not _URL.match(text):
        raise wrong(_WANTED[key])
    elif kind == "identifier" and text:
        text = _identifier(text, wrong)
    return text


_WANTED = {
    "language": "a language code such as en, fr or pt-BR",
    "status": "complete or in-progress",
    "series_index": "a number such as 2 or 2.5",
    "published": "an ISO date such as 2024-05-01",
    "updated": "an ISO date such as 2024-05-01",
    "source": "a URL such as https://example.org/story",
    "identifier": "a UUID after urn:uuid:",
}


def _number(value: object, wrong) -> str:
    try:
        number = float(value) if isinstance(value, (int, float, str)) else math.nan
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number < 0:
        raise wrong(_WANTED["series_index"])
    return str(int(number)) if number == int(number) else repr(number)


def _date(value: object, wrong) -> str:
    """A day, a month or a year, as ISO; a date-time keeps its day only (all ``dc:date`` needs)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = clean_field(str(value)) if isinstance(value, (str, int)) else ""
    match = _PARTIAL_DATE.match(text)
    try:
        if match:
            dt.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
            return text
        return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        raise wrong(_WANTED["published"]) from None


def _identifier(text: str, wrong) -> str:
    """A bare UUID becomes a ``urn:uuid:``; anything else is kept as given (EPUB takes any string)."""
    bare = text.removeprefix("urn:uuid:")
    try:
        return f"urn:uuid:{uuid.UUID(bare)}"
    except ValueError:
        if bare != text:  # EPUBCheck warns about a urn:uuid: that holds no UUID
            raise wrong(_WANTED["identifier"]) from None
        return text


def _paragraphs(text: str) -> str:
    """Blank lines separate paragraphs; inside one, line breaks are spaces."""
    parts = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n\n".join(p for p in (clean_field(part) for part in parts) if p)


def _is_text(value: object) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _wrong(origin: str, key: str, wanted: str, value: object) -> UsageError:
    if isinstance(value, (dict, list, tuple)):
        shown = f"a {kind_of(value)}"
    else:
        shown = repr(value if len(str(value)) <= 40 else f"{str(value)[:40]}…") if isinstance(value, str) else str(value)
    return UsageError(f"{origin}: {key!r} must be {wanted}, not {shown}", option=key)


def kind_of(value: object) -> str:
    return {dict: "table", list: "list", tuple: "list"}.get(type(value), type(value).__name__)


def _did_you_mean(key: str) -> str:
    close = difflib.get_close_matches(key.lower().replace("-", "_").replace(" ", "_"), NAMES, n=1)
    return f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(NAMES)})"


# Which source wins ----------------------------------------------------------------------------


def settle(found: Metadata, chapters: tuple[Chapter, ...], options: Options) -> tuple[Metadata, tuple[Finding, ...]]:
    """The book's metadata, each key taken from the first of these that gives it:

        1. flags: ``Options.title``, ``.authors``, ``.language`` and ``.metadata`` (--series, --tag,
           --set key=value …);
        2. the sidecar file (``Options.sidecar``: story.toml, story.yaml or story.json);
        3. what the text says (front matter, a Gutenberg header);
        4. guesses: the title from the file name, no author, the language detected in
           the opening of the ``chapters`` (English when unsure), read only when nothing states it.

    A source replaces a key's whole value (``--tag x`` drops the sidecar's tags rather than adding
    to them). Every guess becomes a finding. The identifier comes last, from the settled values.
    """
    given = {**check_fields(dict(options.sidecar), "sidecar"), **_flags(options)}
    metadata = replace(_text_facts(found), **_as_fields(given))
    if metadata.series_index and not metadata.series:
        raise UsageError(f"a place in a series ({metadata.series_index}) needs the series' name", option="series")
    guesses: list[Finding] = []
    title = clean_field(metadata.title)
    if not title:
        title = title_from_file_name(options.source_name)
        guesses.append(Finding("parse", f"no title in the text: used the file name, “{title}”", option="title"))
    authors = tuple(a for a in (clean_field(name) for name in metadata.authors) if a)
    if not authors:  # no byline rather than "Unknown": library apps show their own word for it
        guesses.append(Finding("parse", "no author in the text: the book names none", option="authors"))
    language = language_code(metadata.language)
    if not language:
        language, finding = _detected_language(_story_text(chapters))
        guesses.append(finding)
    metadata = replace(
        metadata,
        title=title,
        authors=authors,
        language=language,
        # ("Unknown",) for no author keeps the identifiers that earlier versions gave such books
        identifier=metadata.identifier or book_identifier(title, authors or ("Unknown",), metadata.source_url),
        modified=options.modified.astimezone(dt.timezone.utc),
    )
    return metadata, tuple(guesses)


def provenance(found: Metadata, settled: Metadata, options: Options) -> tuple[tuple[str, str], ...]:
    """Where each key of ``settled`` came from, by the same precedence as ``settle``: "flag",
    "sidecar", "text", "guess" (title, authors, language), "derived" (the identifier). Keys that
    are empty are left out. Kept apart from ``settle`` so its signature stays as it is."""
    flags, sidecar = _flags(options), check_fields(dict(options.sidecar), "sidecar")
    text = _text_facts(found)
    sources = []
    for key in KEYS:
        if not getattr(settled, key.field):
            continue
        if key.name in flags:
            source = "flag"
        elif key.name in sidecar:
            source = "sidecar"
        elif getattr(text, key.field):
            source = "text"
        else:
            source = "derived" if key.name == "identifier" else "guess"
        sources.append((key.name, source))
    return tuple(sources)


def _flags(options: Options) -> dict[str, object]:
    """The command line's fields: ``Options.metadata`` under the dedicated title, author, language."""
    fields = check_fields(dict(options.metadata), "the command line")
    if options.language:
        fields["language"] = language_code(options.language)  # checked when the options were made
    if clean_field(options.title):
        fields["title"] = clean_field(options.title)
    authors = tuple(a for a in (clean_field(name) for name in options.authors) if a)
    if authors:
        fields["authors"] = authors
    return fields


def _as_fields(given: dict[str, object]) -> dict[str, object]:
    """Checked sidecar/flag values as ``Metadata`` fields: a description's paragraphs become blocks."""
    fields = {BY_NAME[key].field: value for key, value in given.items()}
    if "description" in fields:
        fields["description"] = tuple(Paragraph((Text(p),)) for p in str(fields["description"]).split("\n\n"))
    return fields


_SERIES_PLACE = (
    re.compile(r"^Part (?P<index>\d+(?:\.\d+)?) of (?P<name>.+)$", re.IGNORECASE),  # AO3
    re.compile(r"^(?P<name>.+?)\s*(?:\[|#)(?P<index>\d+(?:\.\d+)?)\]?$"),  # FanFicFare: "Name [2]"; "Name #2"
    re.compile(r"^(?P<name>.+?),?\s+(?:Book|Volume|Vol\.|Part)\s+(?P<index>\d+)$", re.IGNORECASE),
)


def _text_facts(found: Metadata) -> Metadata:
    """What the text says, read a little further: "Part 2 of The Cycle" is a series and its place."""
    series = clean_field(found.series)
    if series and not found.series_index:
        match = next((m for m in (p.match(series) for p in _SERIES_PLACE) if m), None)
        if match:
            return replace(found, series=match["name"].strip(), series_index=match["index"])
    return found


def _detected_language(story: str) -> tuple[str, Finding]:
    """The detected language and a finding that says how sure; English, with a warning, when unsure."""
    found = detect_language(story)
    if found.sure:
        return found.code, Finding("parse", f"detected {found.name} ({found.confidence:.2f})", "info", option="language")
    best = f" (best guess {found.name}, {found.confidence:.2f})" if found.code else ""
    return "en", Finding("parse", f"could not tell the language{best}: assumed English", option="language")


def book_identifier(title: str, authors: tuple[str, ...], source: str = "") -> str:
    """Stable across rebuilds, so a device replaces its old copy instead of keeping two: from the
    source URL when there is one (the story may gain chapters or change its title), else from the
    title and authors."""
    if "://" in source:
        parts = urlsplit(source.strip())
        canonical = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query, ""))
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, canonical)}"
    key = "\n".join(("ebookify", title.casefold(), *(a.casefold() for a in authors)))
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}"


def _story_text(chapters: tuple[Chapter, ...], limit: int = 20_000) -> str:
    """The story's opening, without front matter: what the language is detected from."""
    parts: list[str] = []
    size = 0
    for chapter in chapters:
        for paragraph in paragraphs(chapter.blocks):
            text = inline_text(paragraph.inlines)
            parts.append(text)
            size += len(text) + 1
            if size >= limit:
                return "\n".join(parts)
    return "\n".join(parts)


_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the", "to"}


def title_from_file_name(name: str) -> str:
    """``cherished-words.txt`` → "Cherished Words"."""
    words = re.sub(r"[\s_\-.+]+", " ", PurePath(name).stem).split()
    titled = [
        w if not w.islower() else (w if i and w in _SMALL_WORDS else w.capitalize()) for i, w in enumerate(words)
    ]
    return " ".join(titled) or "Untitled"
