"""Metadata: one table of keys, and how given values are checked against it.

``KEYS`` is the only place a metadata key is spelled: its sidecar and ``--set`` name, the
``Metadata`` field it fills, the labels a text header may use for it (in any language), the
kind of value it takes, and how the OPF carries it. Front matter, Gutenberg headers, sidecars,
``--set`` and the OPF writer all read this table, so adding a key is adding one row.

Which source wins for each key is ``precedence.settle``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import uuid
from collections.abc import Iterable, Mapping

from msgspec import Struct

from .errors import UsageError
from .patterns import lazy

# Characters XML 1.0 forbids, and the C1 controls a reader shows as boxes: never in a book.
XML_FORBIDDEN = lazy("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# A language as a BCP 47 tag, or by its name in English or in itself.
_CODE = lazy(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_NAMES = {
    "english": "en", "french": "fr", "français": "fr", "german": "de", "deutsch": "de",
    "spanish": "es", "español": "es", "italian": "it", "italiano": "it", "russian": "ru",
    "русский": "ru", "dutch": "nl", "nederlands": "nl", "portuguese": "pt", "português": "pt",
    "polish": "pl", "polski": "pl", "swedish": "sv", "danish": "da", "norwegian": "nb",
    "finnish": "fi", "czech": "cs", "ukrainian": "uk", "greek": "el", "turkish": "tr",
    "japanese": "ja", "chinese": "zh", "korean": "ko", "latin": "la",
}


# What an edition writes where it knows no author ("Author: Unknown"): no name, and no byline "by Unknown"
NO_NAME = frozenset({"unknown", "unknown author", "author unknown", "desconocido", "autor desconocido", "inconnu",
                     "auteur inconnu", "unbekannt", "sconosciuto", "autore sconosciuto", "неизвестен", "неизвестный автор"})


def clean_field(text: str) -> str:
    """A value typed on the command line or in a sidecar, made fit for a title: one line, no
    characters XML forbids, no runs of spaces."""
    return " ".join(XML_FORBIDDEN.sub("", text).split())


def primary_language(code: str) -> str:
    """The language of a BCP 47 tag without its region or script: "pt-BR" → "pt", "zh_Hant" → "zh"."""
    return subtags(code)[0]


def subtags(code: str) -> list[str]:
    """A BCP 47 tag's parts, lower-cased: "zh_Hant_TW" → ["zh", "hant", "tw"]."""
    return code.strip().lower().replace("_", "-").split("-")


# The languages written right to left, and the scripts (Kurdish "ku-Arab", Punjabi "pa-Arab").
_RIGHT_TO_LEFT = frozenset("ar arc ckb dv fa he iw khw ks ps sd syr ug ur yi".split())
_RIGHT_TO_LEFT_SCRIPTS = frozenset("arab hebr syrc thaa nkoo adlm rohg samr mand".split())


def is_right_to_left(code: str) -> bool:
    """Whether a book in this language reads right to left: its pages and its page order."""
    parts = subtags(code)
    return parts[0] in _RIGHT_TO_LEFT or any(part in _RIGHT_TO_LEFT_SCRIPTS for part in parts[1:])


def language_code(value: str) -> str:
    """A BCP 47 tag for a code or an English or native name; "" when it is neither."""
    value = value.strip()
    if value.lower() in _NAMES:
        return _NAMES[value.lower()]
    return value if _CODE.match(value) else ""


class Key(Struct, frozen=True):
    """One metadata key, everywhere it appears: sidecar and --set name, model field, text labels, OPF form."""

    name: str  # in a sidecar file and in --set
    field: str  # the ``Metadata`` field it fills
    kind: str  # text | list | blocks | language | status | number | date | url | identifier
    labels: tuple[str, ...] = ()  # how a text's header may label it, lower case, any language
    opf: str = ""  # how the OPF carries it; "" when only the title page shows it


KEYS: tuple[Key, ...] = (  # labels: English first, then fr, de, es, it, pt, nl, pl, ru, zh, ja, ko
    Key("title", "title", "text", (
        "title", "story", "story title", "titre", "titel", "título", "titulo", "titolo", "tytuł", "название",
        "název", "cím", "başlık", "tiêu đề", "tên truyện", "judul", "τίτλος", "назва", "nimi", "titlu",
        "书名", "書名", "标题", "標題", "作品名", "タイトル", "제목",
    ), "dc:title"),
    Key("subtitle", "subtitle", "text", ("subtitle",)),
    Key("authors", "authors", "list", (
        "author", "authors", "creator", "by", "writer", "written by", "author(s)", "pen name", "auteur", "auteure",
        "autrice", "auteur(e)", "auteurs", "écrit par", "par", "autor", "autorin", "autoren", "verfasser",
        "verfasserin", "geschrieben von", "von", "autora", "autores", "escrito por", "por", "autore", "autori",
        "scritto da", "di", "schrijver", "schrijfster", "geschreven door", "door", "autorka", "napisane przez",
        "автор", "авторы", "автор оригинала", "作者", "著者", "作家", "저자", "작가", "지은이",
        "författare", "forfatter", "tekijä", "szerző", "yazar", "tác giả", "penulis", "pengarang", "συγγραφέας",
        "autorius", "autors", "kirjoittaja",
    ), "dc:creator"),
    Key("author_sort", "author_sort", "text", (), "file-as"),
    Key("language", "language", "language", (
        "language", "lang", "langue", "sprache", "idioma", "lingua", "língua", "taal", "język", "язык",
    ), "dc:language"),
    Key("description", "description", "blocks", (
        "summary", "description", "abstract", "blurb", "synopsis", "résumé", "zusammenfassung",         "beschreibung", "klappentext", "kurzbeschreibung", "resumen", "sinopsis", "descripción", "riassunto",
        "sinossi", "trama", "descrizione", "resumo", "sinopse", "descrição", "samenvatting",
        "beschrijving", "korte inhoud", "streszczenie", "opis", "описание", "аннотация", "саммари",
        "简介", "簡介", "内容简介", "內容簡介", "作品简介", "作品簡介", "あらすじ", "内容紹介", "紹介", "소개", "줄거리",
    ), "dc:description"),
    Key("tags", "tags", "list", (
        "tags", "additional tags", "freeform", "genre", "genres", "étiquettes", "mots-clés", "schlagwörter",
        "schlagworte", "género", "géneros", "etiquetas", "genere", "generi", "gêneros", "gênero", "categorias",
        "gatunek", "gatunki", "tagi", "жанры", "жанр", "метки", "标签", "標籤", "类型", "類型", "タグ", "ジャンル",
        "태그", "장르",
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
    Key("series_index", "series_index", "number", ("series index", "series number", "number in series", "series weight", "series order"),
        "group-position"),
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
    Key("rights", "rights", "text", ("rights", "license", "licence", "copyright"), "dc:rights"),
    Key("identifier", "identifier", "identifier", (), "dc:identifier"),
)
BY_NAME = {key.name: key for key in KEYS}
NAMES = tuple(BY_NAME)
LISTS = tuple(key.name for key in KEYS if key.kind == "list")
TEXT_LABELS = {label: key.field for key in KEYS for label in key.labels}  # "rated" → "rating"
STATUSES = ("complete", "in-progress")


_PARTIAL_DATE = lazy(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL = lazy(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$")


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
