"""The flags that change what is read from a story, shared by ``info`` and ``update`` (``convert``
keeps its full set): a story, its sidecar twin and these flags become ``Options``."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from msgspec import Struct
import typer

from . import files

META = "Metadata"


class Given(Struct, frozen=True):
    """What the user typed, before it is checked (``Options`` checks it)."""

    title: str = ""
    authors: tuple[str, ...] = ()
    language: str = ""
    assignments: tuple[str, ...] = ()
    meta: Optional[Path] = None
    encoding: str = ""


def title_option():
    return typer.Option("", "--title", metavar="TEXT", rich_help_panel=META, help="The book's title, instead of the one found.")


def author_option():
    return typer.Option([], "--author", metavar="NAME", rich_help_panel=META, help="An author, instead of those found (repeat for more).")


def language_option():
    return typer.Option("", "--language", metavar="CODE", rich_help_panel=META, help="The language as a code (en, fr, pt-BR).")


def set_option():
    return typer.Option([], "--set", metavar="KEY=VALUE", rich_help_panel=META, help="Any metadata key a sidecar file takes.")


def meta_option():
    return typer.Option(None, "--meta", metavar="FILE", show_default=False, rich_help_panel=META,
                        help="Metadata from this TOML, YAML or JSON file [default: STORY's twin].")


def encoding_option():
    return typer.Option("", "--encoding", metavar="NAME", help="The text's encoding, when the guess is wrong (cp1252…).")


def story_options(source: Path, given: Given, **extra):
    """``Options`` for reading ``source`` as ``convert`` would, with ``extra`` fields on top."""
    from ..metadata import parse_assignments
    from ..options import Options

    metadata = {**parse_assignments(given.assignments), **dict(extra.pop("metadata", ()))}
    base = Options(title=given.title, authors=given.authors, language=given.language,
                   metadata=tuple(metadata.items()), encoding=given.encoding, **extra)
    return files.options_for(source, given.meta, base)
