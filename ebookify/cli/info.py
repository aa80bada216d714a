"""``ebookify info STORY.txt|BOOK.epub``: what a conversion would find, without writing anything;
or what a book holds.

For a story: its encoding, language, every metadata field and where it came from (a flag, the
sidecar, the text, a guess), front matter and notes, chapters with their word counts, scene breaks,
and the parser's events (the records ``--debug-structure`` prints). For a book: its metadata,
contents and sizes. Records first (``--json`` prints them as they are); the terminal view is a
set of rich tables drawn from the same records.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..errors import EbookifyError
from . import files, report
from .group import app
from .story_options import Given, author_option, encoding_option, language_option, meta_option, set_option, story_options, title_option


@app.command(no_args_is_help=True, epilog="Exit codes: 0 shown; 1 the file could not be read; 2 wrong usage.")
def info(
    path: Path = typer.Argument(..., metavar="STORY.txt|BOOK.epub", help="A story to read, or an EPUB book.", show_default=False),
    as_json: bool = typer.Option(False, "--json", help="Print the records as JSON, for scripts."),
    debug_structure: bool = typer.Option(False, "--debug-structure", help="Print what was found where, line by line (a story only)."),
    title: str = title_option(),
    author: list[str] = author_option(),
    language: str = language_option(),
    assignments: list[str] = set_option(),
    meta: Optional[Path] = meta_option(),
    encoding: str = encoding_option(),
) -> None:
    """Show what ebookify finds in a story (nothing is written), or what an EPUB book holds."""
    try:
        data = files.read_bytes(path, "file")
        if files.looks_like_book(path, data):
            record = book_record(path, data)
        else:
            given = Given(title, tuple(author), language, tuple(assignments), meta, encoding)
            record = story_record(path, data, story_options(path, given))
    except EbookifyError as error:
        report.fail(error)
    if as_json:
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
    elif debug_structure and record["kind"] == "story":
        for event in record["events"]:
            typer.echo(f"line {event['line']}: {event['what']}")
    else:
        _show(record)


# Records --------------------------------------------------------------------------------------


def story_record(path: Path, data: bytes, options) -> dict:
    from ..metadata import BY_NAME
    from ..model import SceneBreak, block_texts, word_count
    from ..pipeline import read
    from ..reading.decode import encoding_name
    from ..reading.headings import heading_text

    story = read(data, options)
    book = story.book
    sources = dict(story.provenance)
    fields = [{"key": key, "value": _value(getattr(book.metadata, BY_NAME[key].field)), "source": source}
              for key, source in sources.items()]
    return {
        "kind": "story",
        "file": str(path),
        "encoding": encoding_name(data, options.encoding or None),
        "language": book.metadata.language,
        "title": book.metadata.title,
        "authors": list(book.metadata.authors),
        "words": story.words,
        "metadata": fields,
        "front_notes": [{"label": n.label, "words": word_count(n.blocks)} for n in book.front_notes],
        "chapters": [{"number": c.number, "heading": heading_text(c.label, c.title) if (c.label or c.title) else "",
                      "part": c.part, "words": word_count(c.blocks),
                      "scene_breaks": sum(isinstance(b, SceneBreak) for b in c.blocks),
                      "notes": [{"label": n.label, "placement": n.placement.value, "words": word_count(n.blocks)}
                                for n in c.notes]}
                     for c in book.chapters],
        "back_matter": [{"title": s.title, "words": len(" ".join(block_texts(s.blocks)).split())}
                        for s in book.back_matter],
        "footnotes": [{"mark": f.mark, "words": word_count(f.blocks)} for f in book.footnotes],
        "findings": [{"severity": f.severity, "message": f.message, "option": f.option} for f in story.findings],
        "events": [{"line": e.line, "what": e.what} for e in story.events],
    }


def _value(value) -> object:
    from ..model import Block, block_texts

    if isinstance(value, tuple) and value and isinstance(value[0], Block.__args__):
        return "\n\n".join(block_texts(value))
    return list(value) if isinstance(value, tuple) else value


def book_record(path: Path, data: bytes) -> dict:
    from ..epub.open import flatten, open_book, page_words

    book = open_book(data)
    counted: set[str] = set()
    contents = []
    for depth, entry in flatten(book.contents):
        page = entry.target.split("#")[0]
        words = page_words(data, page) if page and page not in counted else None
        counted.add(page)
        contents.append({"depth": depth, "label": entry.label, "target": entry.target, "words": words})
    metadata = {"title": book.title, "authors": list(book.authors), "language": ", ".join(book.languages),
                "identifier": book.identifier, "series": book.series, "series_index": book.series_index,
                "subjects": list(book.subjects), "published": book.published, "publisher": book.publisher,
                "modified": book.modified, "generator": book.generator, "description": book.description}
    return {
        "kind": "book",
        "file": str(path),
        "bytes": book.size,
        "version": book.version,
        "metadata": [{"key": k, "value": v} for k, v in metadata.items() if v],
        "cover": {"path": book.cover_path, "bytes": len(book.cover)} if book.cover_path else None,
        "words": sum(page_words(data, p) for p in book.spine),
        "contents": contents,
        "files": [{"path": i.path, "media_type": i.media_type, "bytes": i.size} for i in book.items],
    }


# The terminal view ----------------------------------------------------------------------------


def _show(record: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False)
    from rich.markup import escape

    about = Table(title=escape(record["file"]), title_justify="left")
    about.add_column("key")
    about.add_column("value", overflow="fold")
    if record["kind"] == "story":
        about.add_column("from")
        _row(about, "encoding", record["encoding"], "")
        for field in record["metadata"]:
            _row(about, field["key"], _shown(field["value"]), field["source"])
        _row(about, "words", f"{record['words']:,}", "")
    else:
        for field in record["metadata"]:
            _row(about, field["key"], _shown(field["value"]))
        _row(about, "EPUB", record["version"])
        _row(about, "size", _size(record["bytes"]))
        if record["cover"]:
            _row(about, "cover", f"{record['cover']['path']} ({_size(record['cover']['bytes'])})")
        _row(about, "words", f"{record['words']:,}")
    console.print(about)
    console.print(_story_contents(record) if record["kind"] == "story" else _book_contents(record))
    for finding in record.get("findings", ()):
        typer.echo(f"{finding['severity']}: {finding['message']}", err=True)


def _story_contents(record: dict):
    from rich.table import Table

    table = Table(title="Contents", title_justify="left")
    for column in ("#", "chapter", "words", "scene breaks", "notes"):
        table.add_column(column, justify="right" if column in ("#", "words", "scene breaks") else "left")
    for note in record["front_notes"]:
        _row(table, "", f"front matter: {note['label']}", f"{note['words']:,}", "", "")
    for chapter in record["chapters"]:
        heading = chapter["heading"] or "(no heading)"
        if chapter["part"]:
            heading = f"{chapter['part']} › {heading}"
        notes = ", ".join(f"{n['label']} ({n['placement']}, {n['words']} words)" for n in chapter["notes"])
        _row(table, str(chapter["number"]), heading, f"{chapter['words']:,}", str(chapter["scene_breaks"] or ""), notes)
    if record["footnotes"]:
        count = len(record["footnotes"])
        _row(table, "", f"notes page: {count} footnote{'s' if count != 1 else ''}",
             f"{sum(n['words'] for n in record['footnotes']):,}", "", "")
    for section in record["back_matter"]:
        _row(table, "", f"back matter: {section['title']}", f"{section['words']:,}", "", "")
    return table


def _book_contents(record: dict):
    from rich.table import Table

    table = Table(title="Contents", title_justify="left")
    table.add_column("entry")
    table.add_column("page")
    table.add_column("words", justify="right")
    for entry in record["contents"]:
        words = "" if entry["words"] is None else f"{entry['words']:,}"
        _row(table, "  " * entry["depth"] + entry["label"], entry["target"], words)
    return table


def _row(table, *cells: str) -> None:
    """User text as plain text: a heading "[Author's note]" is not rich markup."""
    from rich.text import Text

    table.add_row(*(Text(cell) for cell in cells))


def _shown(value) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= 300 else text[:300] + "…"


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count / 1024:.0f} KB"
