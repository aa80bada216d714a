"""The public face of the library, pinned: what ``from ebookify import *`` gives, and the two steps."""

import subprocess
import sys

import ebookify
from ebookify import Options, make, read

PUBLIC = {
    "__version__", "read", "make", "convert", "Options", "Settings", "Story", "Result", "Event", "Finding",
    "EbookifyError", "UsageError", "InputError", "DecodeError", "ParseError", "CoverError", "OutputError",
    "ValidationError", "CheckFailed", "EXIT_CODES",
}


def test_the_public_names_are_exactly_these():
    assert set(ebookify.__all__) == PUBLIC
    for name in PUBLIC:
        assert getattr(ebookify, name) is not None


def test_read_finds_the_story_without_making_a_book_and_make_builds_it():
    story = read(b"Title: Night Ferry\nAuthor: Wren Hall\n\nChapter 1\nThe ferry left at nine.\n\n"
                 b"Chapter 2\nIt came back at ten.\n", Options(source_name="ferry.txt"))
    assert story.book.metadata.title == "Night Ferry"
    assert [c.label for c in story.book.chapters] == ["Chapter 1", "Chapter 2"]
    assert any(event.what.startswith("chapter 1") for event in story.events)
    result = make(story, Options(cover=False))
    assert result.epub[:2] == b"PK" and result.chapters == 2


def test_importing_the_package_or_asking_for_help_loads_no_heavy_library():
    code = ("import sys, ebookify, ebookify.cli.app; "
            "print(sorted(m for m in ('jinja2', 'ebooklib', 'lxml', 'PIL', 'fontTools', 'ebookify.pipeline') "
            "if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
