"""Which source wins, key by key: the caller's options > the sidecar file > what the text says >
guesses (the title from the file name, the language detected). Every guess becomes a finding;
the identifier comes last, from the settled values. The keys themselves are ``metadata.KEYS``.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from msgspec.structs import replace

from .errors import Finding, UsageError
from .metadata import BY_NAME, KEYS, check_fields, clean_field, language_code
from .model import Chapter, Metadata, Paragraph, Text, inline_text, paragraphs
from .reading.language import detect_language
from .patterns import lazy

if TYPE_CHECKING:
    from .options import Options


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
    given = _as_fields({**check_fields(dict(options.sidecar), "sidecar"), **_flags(options)})
    metadata = replace(_text_facts(found), **given)
    if metadata.series_index and not metadata.series:
        if "series_index" in given:
            raise UsageError(f"a place in a series ({metadata.series_index}) needs the series' name", option="series")
        metadata = replace(metadata, series_index="")  # a text's number with no series to place it in: a page's order
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
    lazy(r"^Part (?P<index>\d+(?:\.\d+)?) of (?P<name>.+)$", re.IGNORECASE),  # AO3
    lazy(r"^(?P<name>.+?)\s*(?:\[|#)(?P<index>\d+(?:\.\d+)?)\]?$"),  # FanFicFare: "Name [2]"; "Name #2"
    lazy(r"^(?P<name>.+?),?\s+(?:Book|Volume|Vol\.|Part)\s+(?P<index>\d+)$", re.IGNORECASE),
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


# What a file's name says of the file, not of the story: a browser's second download ("story (1)"),
# Windows' copy ("story - Copy"), FanFicFare's site and story number ("Title-ffnet_1234567"), an
# encoding ("story_utf8", "roman-cp1251") or a suffix typed twice ("story.txt.txt").
_FILE_NOISE = lazy(r"(?:\s\(\d{1,3}\)|\s-\s[Cc]opy|\s\(copy\)|(?-i:-[a-z][a-z0-9]{1,11}_\d{4,})|[\s_.-]+(?:txt|ascii"
                   r"|utf-?8(?:-?bom)?|utf-?16(?:-?[lb]e)?|latin-?1|iso-?8859-?\d{1,2}|cp-?\d{3,4}|windows-?\d{3,4}"
                   r"|win-?\d{4}|koi8-?[ru]|gbk|gb2312|gb18030|big5|shift[_-]?jis|sjis|euc-?(?:jp|kr)))$", re.IGNORECASE)


def title_from_file_name(name: str) -> str:
    """``cherished-words.txt`` → "Cherished Words"; ``Cherished Words (1)-utf8.txt`` too. A name
    with capitals keeps them as typed ("Отцы и дети.txt"): whoever named it cased it."""
    stem = PurePath(name).stem
    while (plainer := _FILE_NOISE.sub("", stem)) not in (stem, ""):
        stem = plainer
    words = re.sub(r"[\s_\-.+]+", " ", stem).split()
    if not stem.islower():
        return " ".join(words) or "Untitled"
    titled = [
        w if not w.islower() else (w if i and w in _SMALL_WORDS else w.capitalize()) for i, w in enumerate(words)
    ]
    return " ".join(titled) or "Untitled"
