"""What can go wrong, as exceptions that carry their exit code, and findings that do not stop a build.

    EbookifyError          exit 1   anything ebookify refuses or fails to do
    ├── InputError                  the source cannot be read (missing, a folder, unreadable)
    ├── DecodeError                 the bytes are not text in an encoding we can trust
    ├── ParseError                  the text holds no story (empty, only front matter)
    ├── RenderError                 a page could not be made
    ├── CoverError                  the cover could not be drawn
    ├── PackageError                the EPUB could not be packed
    ├── OutputError                 the book could not be written where asked
    └── ValidationError    exit 3   the book we built fails a structural check

Usage mistakes (an unknown flag, a bad value) exit 2 through typer. Messages are one sentence
meant for the user; the CLI prints them as ``Error: <message>``.
"""

from __future__ import annotations

from dataclasses import dataclass


class EbookifyError(Exception):
    exit_code = 1
    stage = ""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(EbookifyError):
    stage = "read"


class DecodeError(EbookifyError):
    stage = "decode"


class ParseError(EbookifyError):
    stage = "parse"


class RenderError(EbookifyError):
    stage = "render"


class CoverError(EbookifyError):
    stage = "cover"


class PackageError(EbookifyError):
    stage = "package"


class OutputError(EbookifyError):
    stage = "write"


class ValidationError(EbookifyError):
    exit_code = 3
    stage = "validate"


@dataclass(frozen=True)
class Finding:
    """Something the user should know about a book that was still built (a guess, a repair)."""

    stage: str
    message: str
    severity: str = "warning"

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"
