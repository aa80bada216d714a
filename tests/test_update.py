"""``ebookify update BOOK.epub STORY``: the longer text gives the chapters; the book keeps its
identifier, cover, edited metadata and first-published date; losing chapters needs --force.
Through a real process; books read back with ``epub/open.py``."""

import io
import re
import shutil
import subprocess
import zipfile

import pytest
from PIL import Image, ImageStat

from conftest import edit_opf, run_process
from ebookify.epub.open import open_book
from foreign import foreign_epub


def chapter(n: int) -> str:
    return f"Chapter {n}: Day {n}\n\n" + " ".join(f"The tide turned on day {n} and boat {i} rose." for i in range(20)) + "\n\n"


def story(numbers, header="Title: The Harbour Log\nAuthor: Ada Quill\nTags: boats, tides\nLanguage: en\n\n") -> str:
    return header + "".join(chapter(n) for n in numbers)


@pytest.fixture
def harbour(tmp_path):
    (tmp_path / "short.txt").write_text(story(range(1, 12)))
    (tmp_path / "long.txt").write_text(story(range(1, 15)))
    result = run_process("short.txt", "-o", "log.epub", "--set", "published=2021-06-01", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path


def book(path):
    return open_book(path.read_bytes())


def test_new_chapters_are_counted_and_the_book_keeps_its_place(harbour):
    before = (harbour / "log.epub").read_bytes()
    (harbour / "long.txt").write_text(story(range(1, 15), "Title: The Harbour Log\nAuthor: Ada Quill\nLanguage: en\n\n"))
    result = run_process("update", "log.epub", "long.txt", cwd=harbour)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("log.epub: 3 new chapters (12–14), 600 new words; 14 chapters, 2,800 words; "
                                     "the old one is log.epub.bak")
    assert (harbour / "log.epub.bak").read_bytes() == before
    old, new = open_book(before), book(harbour / "log.epub")
    assert new.identifier == old.identifier and new.published == "2021-06-01"
    assert new.subjects == old.subjects == ("boats", "tides"), "tags kept though the longer text has none"
    assert new.cover == old.cover, "the drawn cover is the same drawing, not a re-encoded copy"
    assert len(new.contents) == len(old.contents) + 3


def test_a_text_that_would_lose_chapters_is_refused_naming_them(harbour):
    (harbour / "cut.txt").write_text(story([1, 2, 3, 5, 6, 7, 8, 9, 10, 11]))
    before = (harbour / "log.epub").read_bytes()
    result = run_process("update", "log.epub", "cut.txt", cwd=harbour)
    assert result.returncode == 1
    assert result.stderr.strip() == ("Error: cut.txt lacks 1 chapter(s) the book has: “Chapter 4: Day 4”; "
                                     "--force updates the book anyway")
    assert (harbour / "log.epub").read_bytes() == before and not (harbour / "log.epub.bak").exists()
    forced = run_process("update", "log.epub", "cut.txt", "--force", "--no-backup", cwd=harbour)
    assert forced.returncode == 0 and "the book lost Chapter 4: Day 4" in forced.stderr
    assert not (harbour / "log.epub.bak").exists()
    assert len(book(harbour / "log.epub").contents) == len(open_book(before).contents) - 1


def test_metadata_edited_in_the_book_is_kept(harbour):
    def edit(opf):
        opf = opf.replace("<dc:title>The Harbour Log</dc:title>", "<dc:title>Harbour Log, The</dc:title>")
        opf = opf.replace(">Ada Quill</dc:creator>", ">A. Quill</dc:creator>")
        opf = re.sub(r"<dc:subject>[^<]*</dc:subject>", "", opf).replace(
            "</metadata>", '<dc:subject>sea</dc:subject><meta name="calibre:series" content="Logs"/>'
                           '<meta name="calibre:series_index" content="3"/></metadata>')
        return opf
    edit_opf(harbour / "log.epub", edit)
    result = run_process("update", "log.epub", "long.txt", cwd=harbour)
    assert result.returncode == 0, result.stderr
    new = book(harbour / "log.epub")
    assert (new.title, new.authors, new.series, new.series_index, new.subjects) == (
        "Harbour Log, The", ("A. Quill",), "Logs", "3", ("sea",))
    assert "kept the book's title “Harbour Log, The” (the text gives “The Harbour Log”)" in result.stderr


def test_flags_still_win_over_the_book(harbour):
    run_process("update", "log.epub", "long.txt", "--title", "The Harbour Logbook", cwd=harbour)
    assert book(harbour / "log.epub").title == "The Harbour Logbook"


def _red(path) -> float:
    cover = open_book(path.read_bytes()).cover
    red, green, blue = ImageStat.Stat(Image.open(io.BytesIO(cover)).convert("RGB")).mean
    return red - (green + blue) / 2


def test_a_cover_the_user_set_is_kept(tmp_path):
    (tmp_path / "short.txt").write_text(story(range(1, 3)))
    (tmp_path / "long.txt").write_text(story(range(1, 4)))
    Image.new("RGB", (800, 1200), (200, 30, 30)).save(tmp_path / "red.png")
    assert run_process("short.txt", "-o", "log.epub", "--cover", "red.png", cwd=tmp_path).returncode == 0
    assert run_process("update", "log.epub", "long.txt", cwd=tmp_path).returncode == 0
    assert _red(tmp_path / "log.epub") > 100, "still the red cover"
    assert run_process("update", "log.epub", "long.txt", "--new-cover", cwd=tmp_path).returncode == 0
    assert _red(tmp_path / "log.epub") < 100, "--new-cover draws one"


def test_a_book_made_elsewhere_keeps_its_identifier_and_title(tmp_path):
    (tmp_path / "theirs.epub").write_bytes(foreign_epub(title="Borrowed"))
    (tmp_path / "days.md").write_text("Title: Something Else\n\n" + "".join(
        f"# Day {n}\n\nThe harbour was quiet on day {n}, and the gulls slept on the posts.\n\n" for n in (1, 2, 3)))
    result = run_process("update", "theirs.epub", "days.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("theirs.epub: 1 new chapter (3), 14 new words")
    new = book(tmp_path / "theirs.epub")
    assert (new.identifier, new.title, new.published) == ("urn:uuid:7d5c1a58-2f39-4b7e-9a59-1f0c2b1e6a11", "Borrowed", "2021-06-01")


@pytest.mark.skipif(shutil.which("ebook-meta") is None, reason="calibre is not installed")
def test_an_edit_made_with_calibre_survives_the_update(harbour):
    subprocess.run(["ebook-meta", str(harbour / "log.epub"), "-t", "Log of the Harbour", "--tags", "sea,fog",
                    "--series", "Logs"], check=True, capture_output=True)
    assert run_process("update", "log.epub", "long.txt", cwd=harbour).returncode == 0
    new = book(harbour / "log.epub")
    assert (new.title, new.series, set(new.subjects)) == ("Log of the Harbour", "Logs", {"sea", "fog"})


@pytest.mark.parametrize("new, words, summary", [
    pytest.param((12, 13, 14), 8210, "3 new chapters (12–14), 8,210 new words", id="a run of three is a range"),
    pytest.param((5,), 300, "1 new chapter (5), 300 new words", id="one chapter, singular"),
    pytest.param((3, 4, 9), 10, "3 new chapters (3, 4, 9), 10 new words", id="two in a row are listed, not a range"),
    pytest.param((), 0, "no new chapters", id="nothing new"),
    pytest.param((7,), 1, "1 new chapter (7), 1 new word", id="one word, singular"),
])
def test_the_summary_line(new, words, summary):
    from ebookify.update import Changes

    assert Changes((), new, words).summary() == summary


def test_rebuild_is_a_pure_step_batch_conversion_can_call():
    from ebookify import Options, convert
    from ebookify.update import rebuild

    old = convert(story(range(1, 3)).encode(), Options(source_name="log.txt", cover=False)).epub
    done = rebuild(old, story(range(1, 4)).encode(), Options(source_name="log.txt", title="Harbour Days"))
    new = open_book(done.result.epub)
    assert done.changes.new == (3,) and not done.changes.lost
    assert new.identifier == open_book(old).identifier
    assert new.title == "Harbour Days", "the caller's options win over the book"
    assert not new.cover_path, "a book without a cover stays without one"
