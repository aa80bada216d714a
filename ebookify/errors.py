"""What can go wrong, as exceptions that carry their exit code, and findings that do not stop a build.

    EbookifyError          exit 1   anything ebookify refuses or fails to do
    ├── InputError                  the source cannot be read (missing, a folder, unreadable)
    ├── DecodeError                 the bytes are not text in an encoding we can trust
    ├── ParseError                  the text holds no story (empty, only front matter)
    ├── RenderError                 a page could not be made
    ├── CoverError                  the cover could not be drawn
    ├── PackageError                the EPUB could not be packed
    ├── OutputError                 the book could not be written where asked
    ├── ValidationError    exit 3   the book we built fails a structural check
    ├── CheckFailed        exit 4   EPUBCheck found errors in the book (``--check``)
    └── UsageError         exit 2   an option's value is wrong (a bad choice, conflicting options)

Messages are one sentence meant for the user, and never name a flag: a ``UsageError`` and a
``Finding`` carry the ``option`` they concern (``"title"``, ``"chapter_pattern"``), and each front
end phrases it its own way (the CLI as ``--title``). The CLI prints ``Error: <message>``.
Exit 5 (some of several stories failed) and 130 (interrupted) belong to the CLI alone.
``EXIT_CODES`` is the table the README shows.
"""

from __future__ import annotations

from msgspec import Struct

EXIT_CODES = {
    0: "the book was written (or, for check, nothing was found)",
    1: "the story, cover or metadata file could not be read or converted, or the book not written",
    2: "wrong usage: an unknown option, a bad value, or options that contradict each other",
    3: "a bug in ebookify: the book failed its own structural check, or the conversion met an error it did not expect (please report it)",
    4: "EPUBCheck ran and found errors in the book (for check: any error or warning was found)",
    5: "several stories: some books were written, some stories failed (1 when none was written)",
    130: "interrupted (Ctrl-C or SIGTERM); nothing partial was left behind",
}


class EbookifyError(Exception):
    exit_code = 1
    stage = ""

    def __init__(self, message: str, hint: str = "", option: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.option = option  # the option this error concerns, for the front end to name


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


class CheckFailed(EbookifyError):
    exit_code = 4
    stage = "check"


class UsageError(EbookifyError):
    exit_code = 2
    stage = "options"


class Finding(Struct, frozen=True):
    """Something the user should know about a book that was still built (a guess, a repair)."""

    stage: str
    message: str
    severity: str = "warning"
    option: str = ""  # the option that would change this guess ("title", "language"), if any

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"
