"""What ebookify understands of each shared sample story, and how many of its words reach the book.

    .venv/bin/python bench/samples.py [folder]        (default: ../shared/samples)

For every file: the title and authors found, the chapters (count, first and last), parts, scene
breaks, author's notes, and two shares of the source's words: how many reach the book at all
(counted word by word, so a word used 40 times must appear 40 times), and how many appear in
their original order (looking a few hundred words ahead, since ebookify moves whole blocks on
purpose: the Project Gutenberg licence to the back, the tags below the description). Words that
only label front matter ("Summary:", "Author's Notes", YAML keys) are markup, not story, and are
left out; any other word that goes missing is printed.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from ebookify import Options, convert
from ebookify.reading.decode import decode
from ebookify.reading.frontmatter import label_of
from ebookify.model import SceneBreak
from ebookify.render import chapter_heading

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"[^\W_]+")


def source_words(text: str) -> list[str]:
    """The source's words, less the labels the parser read as front-matter markup."""
    words: list[str] = []
    in_yaml = False
    for number, line in enumerate(text.split("\n")):
        if line.strip() == "---" and (number == 0 or in_yaml):
            in_yaml = not in_yaml
            continue
        if in_yaml and ":" in line and not line.startswith(" "):
            line = line.split(":", 1)[1]
        elif number < 60 and label_of(line):
            label = label_of(line)[0]
            line = line.replace(label, "", 1)
        words.extend(WORD.findall(line.casefold()))
    return words


def book_words(epub: bytes) -> list[str]:
    archive = zipfile.ZipFile(io.BytesIO(epub))
    opf = BeautifulSoup(archive.read("EPUB/content.opf"), "xml")
    hrefs = {item["id"]: item["href"] for item in opf.find_all("item")}
    text = " ".join(BeautifulSoup(archive.read("EPUB/" + hrefs[ref["idref"]]), "xml").body.get_text(" ")
                    for ref in opf.find_all("itemref"))
    return WORD.findall(text.casefold())


def reached(expected: list[str], found: list[str]) -> tuple[int, list[str]]:
    """How many expected words the book holds, counting repeats, and the first few it lacks."""
    have = Counter(found)
    count, missing = 0, []
    for word in expected:
        if have[word]:
            have[word] -= 1
            count += 1
        else:
            missing.append(word)
    return count, missing[:8]


def in_order(expected: list[str], found: list[str], window: int = 400, gram: int = 6) -> int:
    """How many expected words follow each other in the book as in the source.

    After a miss, the next six source words are looked up anywhere in the book, so a block that
    was moved (not lost) costs only the words of the move itself."""
    grams: dict[tuple[str, ...], int] = {}
    for start in range(len(found) - gram, -1, -1):
        grams[tuple(found[start : start + gram])] = start
    position, count = 0, 0
    for index, word in enumerate(expected):
        try:
            position = found.index(word, position, position + window) + 1
            count += 1
        except ValueError:
            jump = grams.get(tuple(expected[index + 1 : index + 1 + gram]))
            if jump is not None:
                position = jump
    return count


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "samples"
    for path in sorted(folder.glob("*")):
        if path.suffix not in (".txt", ".md") or path.name == "README.md":
            continue
        data = path.read_bytes()
        result = convert(data, Options(source_name=path.name))
        book, meta = result.book, result.book.metadata
        chapters = book.chapters
        breaks = sum(isinstance(b, SceneBreak) for c in chapters for b in c.blocks)
        notes = len(book.front_notes) + sum(len(c.notes) for c in chapters)
        parts = len({c.part for c in chapters if c.part})
        expected, found = source_words(decode(data)[0]), book_words(result.epub)
        count, missing = reached(expected, found)
        ordered = in_order(expected, found)
        print(f"{path.name}\n  title: {meta.title} | authors: {', '.join(meta.authors)} | language: {meta.language}")
        print(f"  {len(chapters)} chapters in {parts} parts: first “{chapter_heading(book, chapters[0])}”, "
              f"last “{chapter_heading(book, chapters[-1])}” | {breaks} scene breaks | {notes} author's notes"
              f" | back matter: {', '.join(s.title for s in book.back_matter) or 'none'}")
        print(f"  words reaching the book: {count:,} of {len(expected):,} ({100 * count / len(expected):.2f}%),"
              f" in order: {100 * ordered / len(expected):.2f}%" + (f"; missing: {' '.join(missing)}" if missing else ""))


if __name__ == "__main__":
    main()
