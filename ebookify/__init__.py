"""ebookify: a plain-text story in, a valid and beautiful EPUB 3 out.

    >>> from ebookify import read, make, convert, Options
    >>> story = read(open("story.txt", "rb").read(), Options(source_name="story.txt"))
    >>> story.book.metadata.title, len(story.book.chapters)   # what was found, nothing made yet
    >>> result = make(story)                                   # or convert(bytes, options) for both
    >>> result.epub       # the book's bytes; result.findings lists the guesses made on the way

Names load on first use, so ``import ebookify`` (and the CLI's ``--help``) stays cheap.
"""

from __future__ import annotations

import importlib

__version__ = "0.2.0"

_WHERE = {
    "read": "pipeline", "make": "pipeline", "convert": "pipeline", "Story": "pipeline", "Result": "pipeline",
    "Event": "pipeline", "Options": "options", "Settings": "options", "Finding": "errors",
    "EbookifyError": "errors", "UsageError": "errors", "InputError": "errors", "DecodeError": "errors",
    "ParseError": "errors", "CoverError": "errors", "OutputError": "errors", "ValidationError": "errors",
    "CheckFailed": "errors", "EXIT_CODES": "errors",
}
__all__ = ["__version__", *_WHERE]


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'ebookify' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
