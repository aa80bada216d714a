"""Re-running a conversion over books already there: a book with the story's identifier is
updated (as ``ebookify update`` does it), one with another identifier is replaced as before.
Batches through real processes with a worker pool (the worker rebuilds, the main process checks
the name); the one-story command in this process."""

import re
import zipfile
from pathlib import Path

import pytest

from conftest import edit_opf, epubcheck_many, invoke, run_process
from ebookify.epub.open import open_book


def chapter(n: int, what: str = "tide") -> str:
    return f"Chapter {n}: Day {n}\n\n" + " ".join(f"The {what} turned on day {n} and boat {i} rose." for i in range(10)) + "\n\n"


def story(title: str, numbers, author: str = "Ada Quill", what: str = "tide") -> str:
    byline = f"Author: {author}\n" if author else ""
    return f"Title: {title}\n{byline}Language: en\n\n" + "".join(chapter(n, what) for n in numbers)


@pytest.fixture
def shelf(tmp_path):
    """stories/log.txt (11 chapters) and stories/gulls.txt, converted once into books/."""
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "log.txt").write_text(story("The Harbour Log", range(1, 12)))
    (tmp_path / "stories" / "gulls.txt").write_text(story("Gulls", range(1, 3), "Ben Rook"))
    first = run_process("stories", "-o", "books/", "--jobs", "2", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    return tmp_path


def lines(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if not line[:1].isdigit()]  # not the summary


def text_of(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        return " ".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))


def test_a_rerun_after_a_longer_text_updates_the_book_in_place(shelf):
    before = (shelf / "books/the-harbour-log.epub").read_bytes()
    (shelf / "stories/log.txt").write_text(story("The Harbour Log", range(1, 15)))
    result = run_process("stories", "-o", "books/", "--jobs", "2", cwd=shelf)
    assert result.returncode == 0, result.stderr
    assert lines(result) == [
        "books/gulls.epub: unchanged; 2 chapters, 200 words (stories/gulls.txt)",
        "books/the-harbour-log.epub: updated, 3 new chapters (12–14), 300 new words; 14 chapters, 1,400 words (stories/log.txt)"]
    assert "1 book written (1 updated), 1 unchanged" in result.stdout
    assert (shelf / "books/the-harbour-log.epub.bak").read_bytes() == before
    assert not (shelf / "books/gulls.epub.bak").exists(), "a book that did not change is not written, nor backed up"
    old, new = open_book(before), open_book((shelf / "books/the-harbour-log.epub").read_bytes())
    assert new.identifier == old.identifier and len(new.contents) == len(old.contents) + 3
    assert epubcheck_many({"updated": (shelf / "books/the-harbour-log.epub").read_bytes()}, shelf) == {"updated": []}


def test_no_backup_keeps_no_old_book(shelf):
    (shelf / "stories/log.txt").write_text(story("The Harbour Log", range(1, 13)))
    result = run_process("stories", "-o", "books/", "--jobs", "2", "--no-backup", cwd=shelf)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (shelf / "books").iterdir()) == ["gulls.epub", "the-harbour-log.epub"]
    assert "updated, 1 new chapter (12)" in result.stdout


def test_a_text_that_lost_chapters_fails_its_story_and_the_others_go_on(shelf):
    before = (shelf / "books/the-harbour-log.epub").read_bytes()
    (shelf / "stories/log.txt").write_text(story("The Harbour Log", [1, 2, 3, 5, 6, 7, 8, 9, 10, 11]))
    (shelf / "stories/gulls.txt").write_text(story("Gulls", range(1, 4), "Ben Rook"))
    result = run_process("stories", "-o", "books/", "--jobs", "2", cwd=shelf)
    assert result.returncode == 5, result.stderr
    assert result.stderr.splitlines()[0] == ("Error: stories/log.txt lacks 1 chapter(s) the book has: “Chapter 4: Day 4”; "
                                             "--force updates the book anyway")
    assert (shelf / "books/the-harbour-log.epub").read_bytes() == before
    assert lines(result) == ["books/gulls.epub: updated, 1 new chapter (3), 100 new words; 3 chapters, 300 words (stories/gulls.txt)"]
    forced = run_process("stories", "-o", "books/", "--jobs", "2", "--force", cwd=shelf)
    assert forced.returncode == 0, forced.stderr
    assert "warning: books/the-harbour-log.epub lost Chapter 4: Day 4 (--force)" in forced.stderr


def test_metadata_edited_in_the_book_is_kept_and_the_sidecar_still_wins(shelf):
    def edit(opf):
        opf = opf.replace("<dc:title>The Harbour Log</dc:title>", "<dc:title>Harbour Log, The</dc:title>")
        return re.sub(r"<dc:subject>[^<]*</dc:subject>", "", opf).replace("</metadata>", "<dc:subject>sea</dc:subject></metadata>")
    edit_opf(shelf / "books/the-harbour-log.epub", edit)
    edit_opf(shelf / "books/gulls.epub", edit)
    (shelf / "stories/gulls.toml").write_text('tags = ["birds"]\n')
    (shelf / "stories/log.txt").write_text(story("The Harbour Log", range(1, 13)))
    result = run_process("stories", "-o", "books/", "--jobs", "2", "--verbose", cwd=shelf)
    assert result.returncode == 0, result.stderr
    log = open_book((shelf / "books/the-harbour-log.epub").read_bytes())
    gulls = open_book((shelf / "books/gulls.epub").read_bytes())
    assert (log.title, log.subjects) == ("Harbour Log, The", ("sea",)), "the name stays the text's; the title the book's"
    assert gulls.subjects == ("birds",), "the story's own sidecar is the user's word, like a flag"
    assert "stories/log.txt: kept the book's title “Harbour Log, The” (the text gives “The Harbour Log”)" in result.stderr


def test_stories_of_one_name_each_update_their_own_book(tmp_path):
    """Same title: night.epub and night-2.epub. Without authors the two also share an identifier, so
    a worker cannot tell which is its book: the main process checks, and does the second again."""
    stories = tmp_path / "stories"
    stories.mkdir()
    for name, author, what in (("a", "", "dawn"), ("b", "", "dusk"), ("c", "Cy Lark", "fog"), ("d", "Di Moss", "rain")):
        (stories / f"{name}.txt").write_text(story("Night", range(1, 3), author, what))
    assert run_process("stories", "-o", "books/", "--jobs", "2", cwd=tmp_path).returncode == 0
    for name, author, what in (("a", "", "dawn"), ("b", "", "dusk"), ("c", "Cy Lark", "fog"), ("d", "Di Moss", "rain")):
        (stories / f"{name}.txt").write_text(story("Night", range(1, 4), author, what))
    result = run_process("stories", "-o", "books/", "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for number, (source, what) in enumerate((("a", "dawn"), ("b", "dusk"), ("c", "fog"), ("d", "rain")), start=1):
        name = "night.epub" if number == 1 else f"night-{number}.epub"
        assert f"books/{name}: updated, 1 new chapter (3), 100 new words; 3 chapters, 300 words (stories/{source}.txt)" in result.stdout
        assert f"The {what} turned on day 3" in text_of(tmp_path / "books" / name)
        assert f"The {what} turned on day 1" in text_of(tmp_path / "books" / (name + ".bak"))


@pytest.mark.parametrize("args, updated", [
    pytest.param([], True, id="the same identifier: updated"),
    pytest.param(["--replace"], False, id="--replace: made afresh"),
    pytest.param(["--author", "Someone Else"], False, id="another identifier (another author): replaced as before"),
])
def test_one_story_updates_its_book_too(tmp_path, monkeypatch, args, updated):
    monkeypatch.chdir(tmp_path)
    Path("log.txt").write_text(story("The Harbour Log", range(1, 3)))
    assert invoke("log.txt", "-o", "log.epub").exit_code == 0
    edit_opf(Path("log.epub"), lambda opf: opf.replace(">The Harbour Log</dc:title>", ">Harbour Log, The</dc:title>"))
    Path("log.txt").write_text(story("The Harbour Log", range(1, 4)))
    result = invoke("log.txt", "-o", "log.epub", *args)
    assert result.exit_code == 0, result.output
    title = open_book(Path("log.epub").read_bytes()).title
    if updated:
        assert result.stdout == "log.epub: updated, 1 new chapter (3), 100 new words; 3 chapters, 300 words\n"
        assert (title, Path("log.epub.bak").exists()) == ("Harbour Log, The", True)
    else:
        assert result.stdout == "log.epub: 3 chapters, 300 words\n"
        assert (title, Path("log.epub.bak").exists()) == ("The Harbour Log", False)


def test_a_rerun_with_a_cover_design_draws_it_and_no_clobber_still_refuses(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("log.txt").write_text(story("The Harbour Log", range(1, 3)))
    assert invoke("log.txt", "-o", "log.epub", "--cover-style", "frame").exit_code == 0
    framed = open_book(Path("log.epub").read_bytes()).cover
    assert invoke("log.txt", "-o", "log.epub").stdout.startswith("log.epub: unchanged;")
    assert invoke("log.txt", "-o", "log.epub", "--cover-style", "band").stdout.startswith("log.epub: updated")
    assert open_book(Path("log.epub").read_bytes()).cover != framed
    refused = invoke("log.txt", "-o", "log.epub", "--no-clobber")
    assert refused.exit_code == 1 and "already exists (and --no-clobber was given)" in refused.stderr


def test_copies_of_a_story_are_each_built_once_on_a_first_run_and_on_a_rerun(tmp_path, monkeypatch):
    """Copies share a title and an identifier. A book the batch has just written is no basis for
    the next copy's update (it was rebuilt in vain, then made again under its own name); on a
    re-run each copy's book holds the same bytes, so an update from any of them is valid for all."""
    from ebookify.cli import batch

    monkeypatch.chdir(tmp_path)
    Path("stories").mkdir()
    for name in "abc":
        Path("stories", f"{name}.txt").write_text(story("Night", range(1, 3)))
    built, real = [], batch._book
    monkeypatch.setattr(batch, "_book", lambda source, *rest: built.append(source.name) or real(source, *rest))
    first = invoke("stories", "-o", "books/", "--jobs", "1")
    assert first.exit_code == 0, first.output
    assert (built, sorted(p.name for p in Path("books").iterdir())) == (["a.txt", "b.txt", "c.txt"],
                                                                         ["night-2.epub", "night-3.epub", "night.epub"])
    built.clear()
    again = invoke("stories", "-o", "books/", "--jobs", "1")
    assert again.exit_code == 0, again.output
    assert built == ["a.txt", "b.txt", "c.txt"]
    assert "0 books written, 3 unchanged" in again.stdout
