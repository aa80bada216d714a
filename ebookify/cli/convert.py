"""The ``ebookify`` command: the only place that touches the terminal and the file system.

It reads the story, calls ``convert``, writes the book atomically (a temporary file beside the
target, then a rename, so an existing book is only ever replaced by a complete one), prints one
line, and turns every ``EbookifyError`` into ``Error: <sentence>`` and its exit code.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Optional

import typer

from .. import __version__
from ..errors import EbookifyError, InputError, OutputError
from ..cover.draw import PALETTE_NAMES, STYLES
from ..read.language import language_code
from ..typography import QUOTE_STYLES
from ..pipeline import Options, convert
from ..render import NOTES_PLACES
from ..options import PARAGRAPH_STYLES, Settings
from ..read.sidecar import SUFFIXES as SIDECAR_SUFFIXES
from ..read.sidecar import check_fields, parse_assignments, read_sidecar

DEFAULT_FOLDER = Path("dist")

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ebookify {__version__}")
        raise typer.Exit()


def _choice(choices: tuple[str, ...]):
    def check(value: str) -> str:
        if value and value.lower() not in choices:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}")
        return value.lower()

    return check


def _paragraph_style(value: str) -> str:
    if value not in PARAGRAPH_STYLES:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(PARAGRAPH_STYLES)}")
    return value


def _notes_place(value: str) -> str:
    if value not in NOTES_PLACES:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(NOTES_PLACES)}")
    return value


def _language(value: Optional[str]) -> Optional[str]:
    if value and not language_code(value):
        raise typer.BadParameter(f"{value!r} is not a language code such as en, fr or pt-BR")
    return value


EXIT_CODES = ("Exit codes: 0 book written; 1 the story could not be converted or written; "
              "2 wrong usage; 3 the book failed a check; 130 interrupted.")


@app.command(no_args_is_help=True, epilog=EXIT_CODES)
def ebookify(
    source: Path = typer.Argument(
        ..., metavar="STORY", help="The story: a plain-text file (.txt or .md).", show_default=False
    ),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="PATH", help="Where to write the book: a file, or a folder for <title>.epub. [default: dist/]",
        show_default=False,
    ),
    title: str = typer.Option("", "--title", metavar="TEXT", help="The book's title, instead of the one found in the text."),
    author: list[str] = typer.Option([], "--author", metavar="NAME", help="An author, instead of those found (repeat for more)."),
    language: Optional[str] = typer.Option(
        None, "--language", metavar="CODE", callback=_language, help="The language as a code (en, fr, pt-BR), instead of detecting it."
    ),
    series: str = typer.Option("", "--series", metavar="NAME", help="The series the story belongs to."),
    series_index: str = typer.Option("", "--series-index", metavar="N", help="Its place in the series (2, 2.5)."),
    tag: list[str] = typer.Option([], "--tag", metavar="TAG", help="A subject tag, instead of those found (repeat for more)."),
    description: str = typer.Option("", "--description", metavar="TEXT", help="The blurb, instead of the one found."),
    identifier: str = typer.Option("", "--identifier", metavar="ID", help="The book's identifier (a URN, URL, UUID or any text)."),
    assignments: list[str] = typer.Option(
        [], "--set", metavar="KEY=VALUE", help="Any metadata key a sidecar file takes, e.g. --set rating=Teen; "
        "lists comma-separated (repeat for more keys).",
    ),
    meta: Optional[Path] = typer.Option(
        None, "--meta", metavar="FILE", show_default=False,
        help="Metadata from this TOML, YAML or JSON file [default: STORY's twin: story.toml, story.yaml or story.json].",
    ),
    encoding: str = typer.Option("", "--encoding", metavar="NAME", help="The text's encoding, when the guess is wrong (cp1252…)."),
    cover_image: Optional[Path] = typer.Option(
        None, "--cover", metavar="IMAGE", help="Your own cover: a JPEG, PNG, WebP or GIF file.", show_default=False
    ),
    no_cover: bool = typer.Option(False, "--no-cover", help="Make a book without a cover."),
    cover_style: str = typer.Option(
        "", "--cover-style", metavar="|".join(STYLES), callback=_choice(STYLES),
        help="The design of the generated cover (chosen from the title when not given).",
    ),
    cover_palette: str = typer.Option(
        "", "--cover-palette", metavar="NAME", callback=_choice(PALETTE_NAMES),
        help=f"The colours of the generated cover: {', '.join(PALETTE_NAMES)}.",
    ),
    smart: bool = typer.Option(True, "--smart/--no-smart", help="Curly quotes, real dashes and ellipses."),
    quotes: str = typer.Option(
        "", "--quotes", metavar="|".join(QUOTE_STYLES), callback=_choice(QUOTE_STYLES),
        help="Quote marks to use, instead of those of the book's language.",
    ),
    chapters: bool = typer.Option(True, "--chapters/--no-chapters", help="Find chapter headings in the text."),
    chapter_pattern: str = typer.Option(
        "", "--chapter-pattern", metavar="REGEX",
        help="Lines matching this regular expression start chapters, instead of the built-in rules.",
    ),
    notes: str = typer.Option(
        "inline", "--notes", metavar="inline|end|omit", callback=_notes_place,
        help="Author's notes inside chapters: keep them in place, gather them at the end, or leave them out.",
    ),
    front_matter: bool = typer.Option(
        True, "--front-matter/--no-front-matter", help="Read title, author, summary and notes at the top."
    ),
    gutenberg: bool = typer.Option(
        True, "--gutenberg/--no-gutenberg", help="Move a Project Gutenberg licence to the back of the book."
    ),
    paragraphs: str = typer.Option(
        "auto", "--paragraphs", metavar="auto|line|wrapped", callback=_paragraph_style,
        help="A paragraph per line, or hard-wrapped lines to join; auto tells them apart.",
    ),
    emphasis: bool = typer.Option(True, "--emphasis/--no-emphasis", help="Read *stars* and _underscores_ as italics."),
    scene_breaks: bool = typer.Option(
        True, "--scene-breaks/--no-scene-breaks", help="Read divider lines (***, oOo, …) as scene breaks."
    ),
    debug_structure: bool = typer.Option(
        False, "--debug-structure", help="Print what was found where: front matter, parts, chapters, notes."
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also print what was detected, such as the language."),
    no_clobber: bool = typer.Option(False, "--no-clobber", help="Refuse to replace a book that already exists."),
    check: bool = typer.Option(False, "--check", help="Also run EPUBCheck on the book (needs Java and epubcheck)."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Turn a plain-text story into an EPUB 3 e-book.

    Finds the title, author, description, author's notes and chapters in the text; every guess
    is reported and can be overridden with the options below.
    """
    flags = _flag_metadata(assignments, {"--series": ("series", series), "--series-index": ("series_index", series_index),
                                         "--tag": ("tags", tag), "--description": ("description", description),
                                         "--identifier": ("identifier", identifier)})
    try:
        data = _read(source)
        options = Options(
            source_name=source.name,
            title=title,
            authors=tuple(author),
            language=language or "",
            metadata=flags,
            sidecar=_sidecar(source, meta),
            encoding=encoding,
            modified=_modified(source),
            cover=not no_cover,
            cover_image=_read(cover_image, "cover image") if cover_image else b"",
            cover_style=cover_style,
            cover_palette=cover_palette,
            smart=smart,
            quotes=quotes,
            notes=notes,
            chapters=chapters,
            chapter_pattern=chapter_pattern,
            reading=Settings(front_matter=front_matter, gutenberg=gutenberg, paragraphs=paragraphs,
                             emphasis=emphasis, scene_breaks=scene_breaks),
        )
        result = convert(data, options)
        target = _target(output, result.book.metadata.title, source)
        if no_clobber and target.exists():
            raise OutputError(f"{target} already exists (and --no-clobber was given)")
        _write_atomically(target, result.epub)
    except EbookifyError as error:
        _fail(error)
    except KeyboardInterrupt:
        typer.echo("Error: interrupted; nothing was written", err=True)
        raise typer.Exit(130) from None
    for finding in result.findings:
        if verbose or finding.severity != "info":
            typer.echo(str(finding), err=True)
    if debug_structure:
        for event in result.structure:
            typer.echo(event)
    chapters = f"{result.chapters} chapter{'s' if result.chapters != 1 else ''}"
    typer.echo(f"{_shown(target)}: {chapters}, {result.words:,} words")
    if check:
        _epubcheck(target)


def _flag_metadata(assignments: list[str], flags: dict[str, tuple[str, object]]) -> tuple[tuple[str, object], ...]:
    """--set key=value, under the dedicated flags (--series wins over --set series=…)."""
    try:
        fields = parse_assignments(assignments)
        for flag, (key, value) in flags.items():
            fields.update(check_fields({key: value}, flag) if value else {})
    except InputError as error:
        raise typer.BadParameter(error.message) from None
    return tuple(fields.items())


def _sidecar(source: Path, meta: Optional[Path]) -> tuple[tuple[str, object], ...]:
    """The fields of --meta FILE, else of the story's twin (story.toml, .yaml, .yml or .json), if any."""
    if meta is None:
        twins = [p for p in (source.with_suffix(s) for s in SIDECAR_SUFFIXES) if p != source and p.is_file()]
        if len(twins) > 1:
            raise InputError(f"{twins[0].name} and {twins[1].name} both describe {source.name}: "
                             "keep one, or choose with --meta")
        if not twins:
            return ()
        meta = twins[0]
    return tuple(read_sidecar(_read(meta, "metadata file"), meta.name).items())


def _read(source: Path, kind: str = "text file") -> bytes:
    if source.is_dir():
        raise InputError(f"{source} is a folder, not a {kind}")
    try:
        return source.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{source} does not exist") from None
    except PermissionError:
        raise InputError(f"{source} cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(f"{source} cannot be read: {exc.strerror or exc}") from None


def _modified(source: Path) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else when the story last changed."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    try:
        seconds = int(epoch) if epoch else int(source.stat().st_mtime)
    except (ValueError, OSError):
        raise InputError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch!r}") from None
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)


def _target(output: Optional[str], title: str, source: Path) -> Path:
    """-o names a file, or a folder (existing, or written with a trailing slash) for <slug>.epub."""
    name = f"{slug(title) or slug(source.stem) or 'book'}.epub"
    if output is None or Path(output).is_dir() or output.endswith(("/", os.sep)):
        folder = Path(output) if output else DEFAULT_FOLDER
        _make_folder(folder)
        target = folder / name
    else:
        target = Path(output)
        _make_folder(target.parent)
    if target.exists() and source.exists() and target.resolve() == source.resolve():
        raise OutputError(f"refusing to overwrite the story itself: {source}")
    return target


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None


def slug(text: str) -> str:
    """A file name that every system and device accepts: ``Cherished Words`` → ``cherished-words``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].rstrip("-")


def _write_atomically(target: Path, data: bytes) -> None:
    folder = target.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:  # on any failure, Ctrl-C included, no temporary file stays behind
        Path(temporary).unlink(missing_ok=True)


def _epubcheck(target: Path) -> None:
    from ..epub.checks import run_epubcheck

    findings = run_epubcheck(str(target))
    for finding in findings:
        typer.echo(str(finding), err=True)
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(3)
    if not findings:
        typer.echo("EPUBCheck: no errors or warnings")


def _fail(error: EbookifyError) -> None:
    hint = f"; {error.hint}" if error.hint else ""
    typer.echo(f"Error: {error.message}{hint}", err=True)
    raise typer.Exit(error.exit_code)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main() -> None:
    app(prog_name="ebookify")


if __name__ == "__main__":
    sys.exit(main())
