"""The catalogue of bad and hostile inputs: what each one is, and what ebookify must do with it.

Used by tests/test_bad_inputs.py (in process, through typer's runner) and bench/bad_inputs.py
(through the installed command, to print the table). Each case writes its files into an empty
folder, runs ``ebookify`` there with its arguments, and names the exit code, a fragment of
stderr, and, for the cases that make a book, where the book must be.
"""

from __future__ import annotations

import codecs
import os
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

PROSE = "The harbour was quiet that night, and the boats lay still on the black water.\n"


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("story.txt", PROSE)
    return out.getvalue()


@dataclass(frozen=True)
class Case:
    name: str  # what the input is, as a person would say it
    files: dict[str, bytes]
    args: tuple[str, ...]
    code: int
    stderr: str = ""  # a fragment stderr must hold; "" means stderr must be empty
    book: str = ""  # where the book must be, relative to the folder, when one is made
    links: dict[str, str] = field(default_factory=dict)  # symlinks to make: name -> target
    fifos: tuple[str, ...] = ()  # named pipes to make


CASES = (
    Case("empty file", {"s.txt": b""}, ("s.txt",), 1, "empty"),
    Case("whitespace-only file", {"s.txt": b" \n\t\n \r\n"}, ("s.txt",), 1, "empty"),
    Case("PNG renamed .txt", {"s.txt": b"\x89PNG\r\n\x1a\n" + bytes(200)}, ("s.txt",), 1, "PNG image"),
    Case("ZIP renamed .txt", {"s.txt": _zip()}, ("s.txt",), 1, "ZIP archive"),
    Case("NUL and control bytes in text", {"s.txt": PROSE.encode().replace(b"quiet", b"qu\x00i\x07et\x1b")},
         ("s.txt",), 0, "control character", "dist/s.epub"),
    Case("invalid UTF-8 mixed into UTF-8", {"s.txt": "Café — ".encode() + b"\x93quoted\x94 " + PROSE.encode()},
         ("s.txt",), 0, "stray byte", "dist/s.epub"),
    Case("lone surrogate in UTF-16", {"s.txt": codecs.BOM_UTF16_LE + "Dawn ".encode("utf-16-le") + b"\x00\xd8"
                                      + PROSE.encode("utf-16-le")}, ("s.txt",), 0, "broken character", "dist/s.epub"),
    Case("10 MB single line", {"s.txt": b"word " * 2_000_000}, ("s.txt", "--no-cover"), 0, "no title in the text", "dist/s.epub"),
    Case("20,000 chapters", {"s.txt": "".join(f"Chapter {n}\n{PROSE}" for n in range(1, 20_001)).encode()},
         ("s.txt", "--no-cover"), 0, "no title in the text", "dist/s.epub"),
    Case("only punctuation", {"s.txt": b"...!!! ??? --- ;;; ,,,\n!?!\n"}, ("s.txt",), 0, "could not tell the language", "dist/s.epub"),
    Case("only front matter, no story", {"s.txt": b"Title: Nothing Here\nAuthor: Nobody\n"}, ("s.txt",), 0, "",
         "dist/nothing-here.epub"),
    Case("title of ../ and /", {"s.txt": PROSE.encode()}, ("s.txt", "--title", "../../etc/passwd/"), 0, "no author in the text",
         "dist/etc-passwd.epub"),
    Case("title of only slashes", {"s.txt": PROSE.encode()}, ("s.txt", "--title", "///"), 0, "no author in the text", "dist/s.epub"),
    Case("title with newlines", {"s.txt": PROSE.encode()}, ("s.txt", "--title", "Line one\nLine two"), 0, "no author in the text",
         "dist/line-one-line-two.epub"),
    Case("title of 500 characters", {"s.txt": PROSE.encode()}, ("s.txt", "--title", "Very long " * 50), 0, "no author in the text",
         "dist/very-long-very-long-very-long-very-long-very-long-very-long-very-long-very-long.epub"),
    Case("title with right-to-left override", {"s.txt": PROSE.encode()}, ("s.txt", "--title", "\u202egpj.exe"), 0,
         "no author in the text", "dist/gpj-exe.epub"),
    Case("title of only emoji", {"s.txt": PROSE.encode()}, ("s.txt", "--title", "🐉🔥🌊"), 0, "left off the cover",
         "dist/s.epub"),
    Case("NUL in the title line", {"s.txt": b"Title: Bad\x00Name\n\n" + PROSE.encode()}, ("s.txt",), 0,
         "control character", "dist/badname.epub"),
    Case("markup in every field", {"s.txt": b"Title: <b>Bold</b> & Co\nAuthor: <i>Al</i>\nTags: <x>, &amp;\n"
                                            b"Summary: <script>alert(1)</script>\n\nChapter 1: <em>Hi</em>\n"
                                            + PROSE.encode()}, ("s.txt",), 0, "", "dist/b-bold-b-co.epub"),
    Case("100,000 asterisks", {"s.txt": PROSE.encode() + b"*" * 100_000 + b"\n"}, ("s.txt",), 0, "no title in the text", "dist/s.epub"),
    Case("100,000 underscores", {"s.txt": PROSE.encode() + b"_" * 100_000 + b"\n"}, ("s.txt",), 0, "no title in the text", "dist/s.epub"),
    Case("long run of *_*_", {"s.txt": PROSE.encode() + b"*_" * 50_000 + b"\n"}, ("s.txt",), 0, "no title in the text", "dist/s.epub"),
    Case("missing file", {}, ("nothing.txt",), 1, "does not exist"),
    Case("a folder without stories", {"d/x.jpg": b"x"}, ("d",), 1, "no stories found in d"),
    Case("output into a folder that does not exist", {"s.txt": PROSE.encode()}, ("s.txt", "-o", "new/deeper/"), 0, "no title in the text",
         "new/deeper/s.epub"),
    Case("output path under a file", {"s.txt": PROSE.encode()}, ("s.txt", "-o", "s.txt/book.epub"), 1,
         "cannot create the folder"),
    Case("output path in a read-only place", {"s.txt": PROSE.encode()}, ("s.txt", "-o", "/proc/book.epub"), 1,
         "cannot write"),
    Case("output path equal to the input", {"s.txt": PROSE.encode()}, ("s.txt", "-o", "s.txt"), 1,
         "refusing to overwrite the story"),
    Case("output is a symlink to the input", {"s.txt": PROSE.encode()}, ("s.txt", "-o", "link.epub"), 1,
         "refusing to overwrite the story", links={"link.epub": "s.txt"}),
    Case("existing book with --no-clobber", {"s.txt": PROSE.encode(), "old.epub": b"old"},
         ("s.txt", "-o", "old.epub", "--no-clobber"), 1, "already exists"),
    Case("cover that is not an image", {"s.txt": PROSE.encode(), "c.png": b"just text"},
         ("s.txt", "--cover", "c.png"), 1, "cover"),
    Case("cover that is an SVG", {"s.txt": PROSE.encode(), "c.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>"},
         ("s.txt", "--cover", "c.svg"), 1, "SVG"),
    Case("output over a device", {"s.txt": PROSE.encode()}, ("s.txt", "-o", "/dev/null"), 1,
         "does not end in .epub"),
    Case("output over a device named like a book", {"s.txt": PROSE.encode()}, ("s.txt", "-o", "dev.epub"), 1,
         "not a regular file", links={"dev.epub": "/dev/null"}),
    Case("output over a FIFO", {"s.txt": PROSE.encode()}, ("s.txt", "-o", "pipe.epub", "--force"), 1,
         "not a regular file", fifos=("pipe.epub",)),
    Case("output over a text file", {"s.txt": PROSE.encode(), "notes.txt": b"my notes"}, ("s.txt", "-o", "notes.txt"), 1,
         "does not end in .epub"),
    Case("output over a file that is not an EPUB", {"s.txt": PROSE.encode(), "old.epub": b"my notes"},
         ("s.txt", "-o", "old.epub"), 1, "not an EPUB book"),
    Case("output with a 300-character name", {"s.txt": PROSE.encode()}, ("s.txt", "-o", "b" * 300 + ".epub"), 1,
         "name too long"),
    Case("story with a 300-character name", {}, ("s" * 300 + ".txt",), 1, "name too long"),
    Case("cover with a 300-character name", {"s.txt": PROSE.encode()}, ("s.txt", "--cover", "c" * 300 + ".png"), 1,
         "name too long"),
    Case("metadata file with a 300-character name", {"s.txt": PROSE.encode()}, ("s.txt", "--meta", "m" * 300 + ".toml"),
         1, "name too long"),
    Case("latin-1 named for a Windows-1252 file", {"s.txt": b"Title: Caf\xe9\n\n\x93Quoted\x94 \x85 and so on.\n"},
         ("s.txt", "--encoding", "latin-1"), 0, "no author in the text", "dist/cafe.epub"),
    Case("an encoding Python does not know", {"s.txt": PROSE.encode()}, ("s.txt", "--encoding", "klingon"), 2,
         "not an encoding"),
    Case("a chapter pattern that is not a regular expression", {"s.txt": PROSE.encode()},
         ("s.txt", "--chapter-pattern", "("), 2, "not a valid regular expression"),
    Case("a chapter pattern that matches nothing", {"s.txt": PROSE.encode()},
         ("s.txt", "--chapter-pattern", "^=== .* ===$"), 0, "matched no line", "dist/s.epub"),
    Case("a series index without a series", {"s.txt": PROSE.encode()}, ("s.txt", "--series-index", "2.5"), 2,
         "needs the series"),
    Case("a cover image and no cover", {"s.txt": PROSE.encode(), "c.png": b"x"}, ("s.txt", "--cover", "c.png",
                                                                                   "--no-cover"), 2, "without a cover"),
    Case("a cover image and a cover style", {"s.txt": PROSE.encode(), "c.png": b"x"},
         ("s.txt", "--cover", "c.png", "--cover-style", "band"), 2, "not for your own image"),
    Case("a bad notes place", {"s.txt": PROSE.encode()}, ("s.txt", "--notes", "sideways"), 2, "not one of inline"),
    Case("unknown option", {"s.txt": PROSE.encode()}, ("s.txt", "--frobnicate"), 2, "No such option"),
    Case("bad language code", {"s.txt": PROSE.encode()}, ("s.txt", "--language", "not a code"), 2,
         "not a language code"),
)


def prepare(case: Case, folder: Path) -> None:
    for name, data in case.files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    for name, target in case.links.items():
        (folder / name).symlink_to(target)
    for name in case.fifos:
        os.mkfifo(folder / name)
