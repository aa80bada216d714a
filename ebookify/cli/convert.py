"""``ebookify convert STORY…`` (also plain ``ebookify STORY…``): one story in, one book out; or
many stories and folders of them, converted in parallel (``batch.py``).

For one story: reads it and its sidecar, hands ``Options`` to the pipeline, writes the book
atomically and prints one line. Every value is checked by ``Options`` itself (one place, one usage error),
so the flags here only collect what the user typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from msgspec import Struct
import typer

from ..errors import EbookifyError, UsageError
from . import files, interrupts, report, updating
from .group import app

OUTPUT, METADATA, READING, COVER, TYPOGRAPHY = "Output", "Metadata", "Reading the text", "Cover", "Typography"
MANY = "Many stories"


@app.command(no_args_is_help=True, epilog="Exit codes: see `ebookify --help`.")
def convert(
    stories: list[Path] = typer.Argument(..., metavar="STORY...", show_default=False,
                                         help="The story: a plain-text file (.txt or .md); or several, or folders of them."),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="PATH", show_default=False, rich_help_panel=OUTPUT,
        help="Where to write the book: NAME.epub, or a folder (existing, or ending in /) for <title>.epub; "
             "for several stories, a folder. \\[default: dist/]"),
    force: bool = typer.Option(False, "--force", rich_help_panel=OUTPUT,
                               help="Replace an existing file at the output path even if it is not an EPUB book; "
                                    "update a book even when the text lacks chapters it has."),
    no_clobber: bool = typer.Option(False, "--no-clobber", rich_help_panel=OUTPUT, help="Refuse to replace a book that already exists."),
    replace_book: bool = typer.Option(False, "--replace", rich_help_panel=OUTPUT,
                                      help="Make the book afresh even when the existing one has the same identifier, "
                                           "instead of updating it (keeping its cover and edited metadata)."),
    no_backup: bool = typer.Option(False, "--no-backup", rich_help_panel=OUTPUT,
                                   help="When a book is updated, do not keep the old one as BOOK.epub.bak."),
    check: bool = typer.Option(False, "--check", rich_help_panel=OUTPUT,
                               help="Also run EPUBCheck on the book (needs Java); warn if it cannot run."),
    require_check: bool = typer.Option(False, "--require-check", rich_help_panel=OUTPUT,
                                       help="Like --check, but an error when EPUBCheck cannot run."),
    format_: str = typer.Option("epub", "--format", metavar="epub|kepub|epub,kepub", rich_help_panel=OUTPUT,
                                help="The book's kind: EPUB, Kobo's KEPUB (NAME.kepub.epub), or both from one run."),
    debug_structure: bool = typer.Option(False, "--debug-structure", rich_help_panel=OUTPUT,
                                         help="Print what was found where: front matter, parts, chapters, notes. The book is written too; "
                                              "'ebookify info STORY --debug-structure' prints it alone."),
    verbose: bool = typer.Option(False, "--verbose", "-v", rich_help_panel=OUTPUT, help="Also print what was detected, such as the language."),
    title: str = typer.Option("", "--title", metavar="TEXT", rich_help_panel=METADATA, help="The book's title, instead of the one found."),
    author: list[str] = typer.Option([], "--author", metavar="NAME", rich_help_panel=METADATA,
                                     help="An author, instead of those found (repeat for more)."),
    language: str = typer.Option("", "--language", metavar="CODE", rich_help_panel=METADATA,
                                 help="The language as a code (en, fr, pt-BR), instead of detecting it."),
    series: str = typer.Option("", "--series", metavar="NAME", rich_help_panel=METADATA, help="The series the story belongs to."),
    series_index: str = typer.Option("", "--series-index", metavar="N", rich_help_panel=METADATA, help="Its place in the series (2, 2.5)."),
    tag: list[str] = typer.Option([], "--tag", metavar="TAG", rich_help_panel=METADATA,
                                  help="A subject tag, instead of those found (repeat for more)."),
    description: str = typer.Option("", "--description", metavar="TEXT", rich_help_panel=METADATA, help="The blurb, instead of the one found."),
    identifier: str = typer.Option("", "--identifier", metavar="ID", rich_help_panel=METADATA,
                                   help="The book's identifier (a URN, URL, UUID or any text)."),
    assignments: list[str] = typer.Option([], "--set", metavar="KEY=VALUE", rich_help_panel=METADATA,
                                          help="Any metadata key a sidecar file takes, e.g. --set rating=Teen; lists comma-separated."),
    meta: Optional[Path] = typer.Option(None, "--meta", metavar="FILE", show_default=False, rich_help_panel=METADATA,
                                        help="Metadata from this TOML, YAML or JSON file \\[default: STORY's twin: story.toml, .yaml, .json]."),
    encoding: str = typer.Option("", "--encoding", metavar="NAME", rich_help_panel=READING,
                                 help="The text's encoding, when the guess is wrong (cp1252…)."),
    chapters: bool = typer.Option(True, "--chapters/--no-chapters", rich_help_panel=READING, help="Find chapter headings in the text."),
    chapter_pattern: str = typer.Option("", "--chapter-pattern", metavar="REGEX", rich_help_panel=READING,
                                        help="Lines matching this regular expression start chapters, instead of the built-in rules."),
    notes: str = typer.Option("inline", "--notes", metavar="inline|end|omit", rich_help_panel=READING,
                              help="Author's notes inside chapters: keep them in place, gather them at the end, or leave them out."),
    front_matter: bool = typer.Option(True, "--front-matter/--no-front-matter", rich_help_panel=READING,
                                      help="Read title, author, summary and notes at the top."),
    gutenberg: bool = typer.Option(True, "--gutenberg/--no-gutenberg", rich_help_panel=READING,
                                   help="Move a Project Gutenberg licence to the back of the book."),
    paragraphs: str = typer.Option("auto", "--paragraphs", metavar="auto|line|wrapped", rich_help_panel=READING,
                                   help="A paragraph per line, or hard-wrapped lines to join; auto tells them apart."),
    emphasis: bool = typer.Option(True, "--emphasis/--no-emphasis", rich_help_panel=READING, help="Read *stars* and _underscores_ as italics."),
    scene_breaks: bool = typer.Option(True, "--scene-breaks/--no-scene-breaks", rich_help_panel=READING,
                                      help="Read divider lines (***, oOo, …) as scene breaks."),
    cover_image: Optional[Path] = typer.Option(None, "--cover", metavar="IMAGE", show_default=False, rich_help_panel=COVER,
                                               help="Your own cover: a JPEG, PNG, WebP or GIF file."),
    no_cover: bool = typer.Option(False, "--no-cover", rich_help_panel=COVER, help="Make a book without a cover."),
    cover_style: str = typer.Option("", "--cover-style", metavar="NAME", rich_help_panel=COVER,
                                    help="The design of the generated cover: frame, band, orb, deco, tricolour."),
    cover_palette: str = typer.Option("", "--cover-palette", metavar="NAME", rich_help_panel=COVER,
                                      help="The colours of the generated cover (see the README)."),
    smart: bool = typer.Option(True, "--smart/--no-smart", rich_help_panel=TYPOGRAPHY, help="Curly quotes, real dashes and ellipses."),
    quotes: str = typer.Option("", "--quotes", metavar="en|fr|de|de-guillemets|guillemets|pl|hu|sv|corner", rich_help_panel=TYPOGRAPHY,
                               help="Quote marks to use, instead of those of the book's language."),
    recursive: bool = typer.Option(False, "--recursive", "-r", rich_help_panel=MANY,
                                   help="Also look for stories in the folders inside the folders given."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N", min=1, show_default=False, rich_help_panel=MANY,
                                       help="Convert N stories at once. \\[default: the machine's cores]"),
    quiet: bool = typer.Option(False, "--quiet", "-q", rich_help_panel=OUTPUT, help="Print only errors."),
) -> None:
    """Turn a plain-text story into an EPUB 3 e-book.

    Finds the title, author, description, author's notes and chapters in the text; every guess is reported and can be overridden with the options below.
    """
    from ..metadata import parse_assignments
    from ..options import Options, Settings

    try:
        formats = tuple(dict.fromkeys(f.strip().lower() for f in format_.split(",") if f.strip())) or ("epub",)
        flags = (("series", series), ("series_index", series_index), ("tags", tuple(tag)),
                 ("description", description), ("identifier", identifier))
        metadata = {**parse_assignments(assignments), **{k: v for k, v in flags if v}}
        base = Options(
            title=title, authors=tuple(author), language=language, metadata=tuple(metadata.items()),
            encoding=encoding, cover=not no_cover,
            cover_image=files.read_bytes(cover_image, "cover image") if cover_image else b"",
            cover_style=cover_style.lower(), cover_palette=cover_palette.lower(), smart=smart, quotes=quotes.lower(),
            notes=notes, format=formats[0],
            reading=Settings(chapters=chapters, chapter_pattern=chapter_pattern, front_matter=front_matter,
                             gutenberg=gutenberg, paragraphs=paragraphs, emphasis=emphasis, scene_breaks=scene_breaks),
        )
    except EbookifyError as error:
        report.fail(error)
    if len(stories) > 1 or files.is_folder(stories[0]):
        from . import batch

        if formats != ("epub",):
            report.fail(UsageError("a KEPUB is made for one story at a time, not for several yet", option="format"))
        batch.run(stories, base, batch.Choices(output, meta, force, no_clobber, recursive, jobs, quiet, verbose,
                                               check or require_check or debug_structure, replace_book, not no_backup))
        return
    writing = Writing(output, force, no_clobber, not (replace_book or no_clobber), not no_backup)
    for target in _one(stories[0], base, formats, writing, meta, quiet, verbose, debug_structure):
        if check or require_check:
            _epubcheck(target, require_check)


class Writing(Struct, frozen=True):
    """Where and how the book is written: the output flags."""

    output: str | None
    force: bool
    no_clobber: bool
    update: bool  # a book already there with the story's identifier is updated (updating.py)
    backup: bool


def _one(source: Path, base, formats: tuple[str, ...], writing: Writing, meta: Path | None,
         quiet: bool, verbose: bool, debug_structure: bool) -> list[Path]:
    """One story: read once, one book per format (NAME.epub, NAME.kepub.epub)."""
    try:
        data, options = files.read_story(source, meta, base)
        story, books = _write_books(data, options, formats, writing, source)
    except EbookifyError as error:
        report.fail(error)
    targets = [target for target, _ in books]
    if quiet:
        return targets
    report.echo_findings(books[0][1].findings, verbose)
    if debug_structure:
        from ..pipeline import structure_lines

        for line in structure_lines(story.events):
            typer.echo(line)
    for target, built in books:
        for note in built.notes:
            typer.echo(f"{files.shown(target)}: {note}", err=True)
        if built.changes and built.changes.lost:
            typer.echo(f"warning: {files.shown(target)} lost {', '.join(built.changes.lost)} (--force)", err=True)
        typer.echo(built.line(target))
    return targets


SUFFIXES = {"epub": ".epub", "kepub": ".kepub.epub"}


def _write_books(data: bytes, options, formats: tuple[str, ...], writing: Writing, source: Path) -> tuple:
    """Make and write one book per format; beside a named NAME.epub goes NAME.kepub.epub. A book
    already at a target with the story's identifier is updated, unless ``--replace``."""
    from msgspec.structs import replace

    from ..pipeline import read

    story, books, output = read(data, options), [], writing.output
    for kind in formats:
        path = output
        if output and len(formats) > 1 and kind == "kepub" and not files.is_folder_target(output) \
                and not output.lower().endswith(".kepub.epub"):
            path = output[:-5] + SUFFIXES[kind] if output.lower().endswith(".epub") else output + SUFFIXES[kind]
        target = files.target_path(path, files.book_name(story.book.metadata.title, source, SUFFIXES[kind]), source,
                                   writing.force, writing.no_clobber)
        built = updating.build(story, data, replace(options, format=kind), [target] if writing.update else [])
        updating.refuse_lost(built, source, writing.force)
        last = kind == formats[-1]  # the work is done when the last book is in place
        updating.write(target, built, updating.current(target, built), writing.backup,
                       then=interrupts.book_is_safe if last else None)
        books.append((target, built))
    return story, books


def _epubcheck(target: Path, required: bool) -> None:
    from ..epub.checks import CheckUnavailable, run_epubcheck
    from ..errors import CheckFailed

    try:
        findings = run_epubcheck(str(target))
    except CheckUnavailable as why:
        if required:
            report.fail(EbookifyError(f"EPUBCheck could not run: {why}", "the book was written"))
        typer.echo(f"warning: EPUBCheck could not run: {why}", err=True)
        return
    for finding in findings:
        typer.echo(str(finding), err=True)
    errors = sum(f.severity == "error" for f in findings)
    if errors:
        report.fail(CheckFailed(f"EPUBCheck found {errors} error(s) in {target}", "the book was written"))
    if not findings:
        typer.echo("EPUBCheck: no errors or warnings")
