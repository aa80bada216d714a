"""Many stories in one command: names, failures, exit codes, sidecars, output without a terminal,
and Ctrl-C through a real process. Most run in this process with ``--jobs 1`` (the same code
path minus the worker pool); the pool itself is exercised through real processes."""

import multiprocessing
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import invoke
from ebookify.cli import batch
from ebookify.cli.batch import Names, collect

NIGHT = "Title: Night\n\nChapter 1\nThe ferry left at dawn.\n"


@pytest.fixture
def shelf(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    stories = tmp_path / "stories"
    stories.mkdir()
    return stories


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def books(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def title_of(book: Path) -> str:
    opf = zipfile.ZipFile(book).read("EPUB/content.opf").decode()
    return opf.split("<dc:title", 1)[1].split(">", 1)[1].split("<", 1)[0]


def ebookify(*args, cwd, **kwargs):
    return subprocess.run([sys.executable, "-m", "ebookify", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300, **kwargs)


# Finding the stories ---------------------------------------------------------------------------


def test_a_folder_gives_its_stories_sorted_as_a_reader_counts_and_nothing_else(shelf):
    for name in ("part-10.txt", "part-2.md", "part-1.markdown", "notes.text", ".hidden.txt", "cover.jpg",
                 "part-2.toml", "inner/deep.txt"):
        write(shelf / name, NIGHT)
    assert [p.name for p in collect([shelf], recursive=False)] == [
        "notes.text", "part-1.markdown", "part-2.md", "part-10.txt"]
    assert "deep.txt" in [p.name for p in collect([shelf], recursive=True)]


def test_the_same_story_named_twice_is_converted_once(shelf):
    story = write(shelf / "a.txt", NIGHT)
    assert collect([story, shelf, Path("stories/a.txt")], recursive=False) == [story]


@pytest.mark.parametrize("claims, expected", [
    pytest.param([("Night", "a.txt"), ("Night", "b.txt"), ("night", "c.txt")],
                 ["night.epub", "night-2.epub", "night-3.epub"], id="the same title: numbered in list order"),
    pytest.param([("", "story.txt"), ("", "other/story.txt")], ["story.epub", "story-2.epub"],
                 id="no title: the file name, numbered"),
    pytest.param([("Night 2", "a.txt"), ("Night", "b.txt"), ("Night", "c.txt")],
                 ["night-2.epub", "night.epub", "night-3.epub"], id="a title that looks numbered is never taken over"),
])
def test_book_names_are_distinct(claims, expected):
    names = Names()
    assert [names.claim(title, Path(source)) for title, source in claims] == expected


# Names, failures, sidecars ----------------------------------------------------------------------


def test_two_stories_of_one_title_make_two_books_with_stable_names(shelf):
    write(shelf / "a.txt", NIGHT)
    write(shelf / "b.txt", NIGHT.replace("dawn", "dusk"))
    first = invoke(shelf, "--jobs", "1")
    assert first.exit_code == 0, first.output
    assert books(Path("dist")) == ["night-2.epub", "night.epub"]
    dawn = Path("dist/night.epub").read_bytes()
    again = invoke(shelf, "--jobs", "1")  # a second run replaces each book with its own
    assert again.exit_code == 0 and Path("dist/night.epub").read_bytes() == dawn
    assert b"dawn" in b"".join(zipfile.ZipFile("dist/night.epub").read(n) for n in zipfile.ZipFile("dist/night.epub").namelist())


def test_a_failure_is_one_error_line_and_the_rest_are_written(shelf):
    write(shelf / "a.txt", NIGHT)
    write(shelf / "empty.txt", "")
    write(shelf / "z.txt", NIGHT.replace("Night", "Day"))
    result = invoke(shelf, "missing.txt", "--jobs", "1", "-o", "out")
    assert result.exit_code == 5, result.output
    assert books(Path("out")) == ["day.epub", "night.epub"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert errors == ["Error: stories/empty.txt: the file is empty: there is no story to convert",
                      "Error: missing.txt does not exist"]
    assert "2 books written, 2 failed" in result.stdout
    assert "  failed: missing.txt does not exist" in result.stderr.splitlines()


@pytest.mark.parametrize("args, code, message", [
    pytest.param(["missing.txt", "gone.txt"], 1, "Error: missing.txt does not exist", id="none written: exit 1"),
    pytest.param(["stories"], 1, "Error: no stories found in stories", id="a folder without stories: exit 1"),
    pytest.param(["stories", "stories", "-o", "one.epub"], 2, "-o names a folder", id="-o a book with many: exit 2"),
    pytest.param(["stories", "x.txt", "--check"], 2, "take one story at a time", id="--check with many: exit 2"),
])
def test_exit_codes_of_a_batch(shelf, args, code, message):
    result = invoke(*args, "--jobs", "1")
    assert result.exit_code == code, result.output
    assert message in result.stderr


def test_each_story_keeps_its_own_sidecar(shelf):
    write(shelf / "a.txt", NIGHT)
    write(shelf / "a.toml", 'title = "The Given Title"\n')
    write(shelf / "b.txt", NIGHT)
    result = invoke(shelf, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert books(Path("dist")) == ["night.epub", "the-given-title.epub"]
    assert title_of(Path("dist/the-given-title.epub")) == "The Given Title"


def test_without_a_terminal_one_line_per_book_then_a_summary(shelf):
    write(shelf / "a.txt", NIGHT)
    write(shelf / "b.txt", NIGHT.replace("Night", "Day"))
    result = invoke(shelf, "--jobs", "1")
    lines = result.stdout.splitlines()
    assert lines[:2] == ["dist/night.epub: 1 chapter, 5 words (stories/a.txt)",
                         "dist/day.epub: 1 chapter, 5 words (stories/b.txt)"]
    assert lines[2].startswith("2 books written, 10 words in ")
    assert len(lines) == 3


def test_quiet_prints_only_errors(shelf):
    write(shelf / "a.txt", NIGHT)
    write(shelf / "empty.txt", "")
    result = invoke(shelf, "--jobs", "1", "--quiet")
    assert result.exit_code == 5
    assert result.stdout == ""
    assert result.stderr.splitlines() == ["Error: stories/empty.txt: the file is empty: there is no story to convert"]


def test_a_single_story_keeps_its_one_line(shelf):
    write(shelf / "a.txt", NIGHT)
    result = invoke(shelf / "a.txt")
    assert result.stdout == "dist/night.epub: 1 chapter, 5 words\n"


# The worker pool, through real processes ----------------------------------------------------


def test_the_pool_writes_the_same_names_and_books_as_one_process(shelf):
    for number in range(6):
        write(shelf / f"s{number}.txt", NIGHT if number % 2 else NIGHT.replace("Night", f"Story {number}"))
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0"}
    pooled = ebookify(shelf, "--jobs", "3", "-o", "pooled", cwd=shelf.parent, env=env)
    alone = ebookify(shelf, "--jobs", "1", "-o", "alone", cwd=shelf.parent, env=env)
    assert pooled.returncode == alone.returncode == 0, pooled.stderr + alone.stderr
    assert books(shelf.parent / "pooled") == books(shelf.parent / "alone") == [
        "night-2.epub", "night-3.epub", "night.epub", "story-0.epub", "story-2.epub", "story-4.epub"]
    for name in books(shelf.parent / "alone"):
        assert (shelf.parent / "pooled" / name).read_bytes() == (shelf.parent / "alone" / name).read_bytes()
    assert pooled.stdout.replace("pooled/", "alone/").splitlines()[:-1] == alone.stdout.splitlines()[:-1]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_ctrl_c_keeps_the_finished_books_and_leaves_nothing_partial(shelf, signum):
    chapter = "Chapter {}\n" + "The ferry crossed the grey water again and again. " * 60 + "\n\n"
    for number in range(12):
        write(shelf / f"story-{number:02}.txt", f"Title: Crossing {number}\n\n" + "".join(chapter.format(n) for n in range(60)))
    process = subprocess.Popen([sys.executable, "-m", "ebookify", "stories", "--jobs", "2", "-o", "out"],
                               cwd=shelf.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = process.stdout.readline()  # one book is on disk: now interrupt the rest
    assert first.startswith("out/crossing-0.epub: "), first + process.stderr.read()
    time.sleep(0.2)
    process.send_signal(signum)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("Error: interrupted; ")
    written = books(shelf.parent / "out")
    assert 1 <= len(written) < 12
    assert all(name.endswith(".epub") for name in written), written  # no temporary file
    for name in written:
        assert zipfile.ZipFile(shelf.parent / "out" / name).testzip() is None


CONVERT_ONE = batch.convert_one


def dies_on_story_2(job):
    """A worker's task that kills its process on one story, as the machine running out of memory would."""
    if job[1].name == "s2.txt":
        os._exit(9)
    return CONVERT_ONE(job)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers see the stand-in only when forked")
def test_a_worker_that_dies_fails_the_stories_left_and_the_batch_ends(shelf, monkeypatch):
    for number in range(4):
        write(shelf / f"s{number}.txt", NIGHT.replace("Night", f"Story {number}"))
    monkeypatch.setattr(batch, "convert_one", dies_on_story_2)
    result = invoke(shelf, "--jobs", "2", "-o", "out")
    assert result.exit_code in (1, 5), result.stderr
    assert "Error: stories/s2.txt: not converted: a worker process stopped unexpectedly" in result.stderr
    assert "Traceback" not in result.stderr
    for name in books(shelf.parent / "out"):
        assert zipfile.ZipFile(shelf.parent / "out" / name).testzip() is None


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_help_and_version_load_no_stage_of_the_pipeline(tmp_path, flag):
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ebookify", flag], cwd=tmp_path, capture_output=True, text=True,
        timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    heavy = {"ebookify.pipeline", "ebookify.model", "ebookify.options", "ebookify.reading.parse", "jinja2", "PIL",
             "lxml", "ebooklib", "fontTools", "yaml"}
    assert "ebookify.cli.app" in loaded
    assert not heavy & loaded, heavy & loaded
