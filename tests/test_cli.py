"""The command as a user meets it: output line, options, exit codes, and files left behind."""

import os
import subprocess
import sys
import zipfile

import pytest

from ebookify import __version__
from ebookify.cli.app import COMMANDS

from conftest import FIXTURES, ROOT, invoke

STORY = "Title: Night Train\nAuthor: A. Writer\n\nChapter 1\nThe train was late.\nChapter 2\nThen it came.\n"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(STORY)
    return tmp_path


def run(*args):
    return invoke(*args)


def files_in(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_default_output_is_dist_slug_and_one_summary_line(workdir):
    result = run("story.txt")
    assert result.exit_code == 0, result.output
    assert result.stdout == "dist/night-train.epub: 2 chapters, 7 words\n"
    assert zipfile.ZipFile(workdir / "dist" / "night-train.epub").testzip() is None


def test_guesses_are_warned_about_on_stderr(workdir):
    (workdir / "plain-story.txt").write_text("Just a story.\n")
    result = run("plain-story.txt")
    assert result.exit_code == 0
    assert "warning: no title in the text: used the file name, “Plain Story”" in result.stderr
    assert "warning: no author" in result.stderr
    assert result.stdout.startswith("dist/plain-story.epub")


@pytest.mark.parametrize(
    "output, expected",
    [
        pytest.param("book.epub", "book.epub", id="a file"),
        pytest.param("shelf/", "shelf/night-train.epub", id="a new folder"),
        pytest.param(".", "night-train.epub", id="an existing folder"),
    ],
)
def test_output_option_names_a_file_or_a_folder(workdir, output, expected):
    result = run("story.txt", "-o", output)
    assert result.exit_code == 0, result.output
    assert (workdir / expected).is_file()
    assert result.stdout.startswith(expected)


def test_overrides_win_over_what_the_text_says(workdir):
    result = run("story.txt", "--title", "Day Bus", "--author", "B. One", "--author", "C. Two", "--language", "fr",
                 "-o", "out.epub")
    assert result.exit_code == 0, result.output
    opf = zipfile.ZipFile(workdir / "out.epub").read("EPUB/content.opf").decode()
    assert "<dc:title>Day Bus</dc:title>" in opf
    assert "B. One</dc:creator>" in opf and "C. Two</dc:creator>" in opf
    assert "<dc:language>fr</dc:language>" in opf


def test_version_and_help():
    assert run("--version").stdout == f"ebookify {__version__}\n"
    group_help = run("--help").stdout
    assert "convert" in group_help and "--version" in group_help and "Exit codes: 0" in " ".join(group_help.split())
    help_text = run("convert", "--help").stdout
    for option in ("--output", "--title", "--author", "--language", "--chapter-pattern", "--cover-style", "--quotes"):
        assert option in help_text
    for panel in ("Output", "Metadata", "Reading the text", "Cover", "Typography"):
        assert f"─ {panel} ─" in help_text


def test_a_conversion_loads_only_its_own_command_and_the_group_lists_them_all():
    code = "\n".join((
        "import sys",
        "from ebookify.cli.app import COMMANDS, app, register, route",
        "register(route(['story.txt', '-o', 'books/']))",
        "print(sorted(n for n in COMMANDS if f'ebookify.cli.{n}' in sys.modules))",
        "register(route(['--help']))",
        "print(sorted(c.name or c.callback.__name__ for c in app.registered_commands))",
    ))
    loaded, registered = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                        check=True).stdout.splitlines()
    assert loaded == "['convert']"
    assert registered == str(sorted(COMMANDS))  # COMMANDS names every module that registers a command
    group_help = run("--help").stdout
    assert all(f" {name} " in group_help for name in COMMANDS)


@pytest.mark.parametrize(
    "setup, args, message, code",
    [
        pytest.param(None, ["missing.txt"], "missing.txt does not exist", 1, id="missing file"),
        pytest.param(lambda d: (d / "empty").mkdir(), ["empty"], "no stories found", 1, id="a folder without stories"),
        pytest.param(lambda d: (d / "in.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300)), ["in.txt"],
                     "looks like a PNG image", 1, id="binary file"),
        pytest.param(lambda d: (d / "in.txt").write_bytes(b""), ["in.txt"], "empty", 1, id="empty file"),
        pytest.param(lambda d: (d / "in.txt").write_text("   \n\n"), ["in.txt"], "empty", 1, id="blank file"),
        pytest.param(None, ["story.txt", "-o", "story.txt/book.epub"], "cannot create the folder", 1,
                     id="unwritable output path"),
        pytest.param(None, ["story.txt", "-o", "story.txt"], "refusing to overwrite the story", 1,
                     id="output is the input"),
        pytest.param(None, ["story.txt", "--language", "not a code"], "not a language code", 2, id="bad language"),
        pytest.param(None, ["story.txt", "--encoding", "klingon"], "not an encoding Python knows", 2, id="bad encoding"),
    ],
)
def test_bad_input_gets_one_error_line_and_leaves_nothing_behind(workdir, setup, args, message, code):
    if setup:
        setup(workdir)
    before = {p.name: p.read_bytes() for p in workdir.iterdir() if p.is_file()}
    result = run(*args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output
    if code == 1:
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("Error: ")
    assert files_in(workdir / "dist") == []
    assert {p.name: p.read_bytes() for p in workdir.iterdir() if p.is_file()} == before


def test_a_failed_build_leaves_the_existing_book_untouched(workdir):
    (workdir / "old.epub").write_bytes(b"the old book")
    (workdir / "bad.txt").write_bytes(bytes(2000))
    assert run("bad.txt", "-o", "old.epub", "--force").exit_code == 1
    assert (workdir / "old.epub").read_bytes() == b"the old book"


def test_a_failed_write_leaves_no_temporary_file_and_the_old_book(workdir, monkeypatch):
    (workdir / "old.epub").write_bytes(b"the old book")

    def broken_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = run("story.txt", "-o", "old.epub", "--force")
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert sorted(p.name for p in workdir.iterdir()) == ["old.epub", "story.txt"]
    assert (workdir / "old.epub").read_bytes() == b"the old book"


def test_source_date_epoch_sets_the_modified_date(workdir, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert run("story.txt", "-o", "a.epub").exit_code == 0
    opf = zipfile.ZipFile(workdir / "a.epub").read("EPUB/content.opf").decode()
    assert "2023-11-14T22:13:20Z" in opf


def test_rebuilding_gives_the_same_bytes(workdir):
    run("story.txt", "-o", "a.epub")
    run("story.txt", "-o", "b.epub")
    assert (workdir / "a.epub").read_bytes() == (workdir / "b.epub").read_bytes()


def test_python_dash_m_and_the_installed_command_work(tmp_path):
    for n, command in enumerate(([sys.executable, "-m", "ebookify"], [os.path.join(os.path.dirname(sys.executable), "ebookify")])):
        done = subprocess.run([*command, str(FIXTURES / "hard-wrapped.txt"), "-o", str(tmp_path / f"x{n}.epub")],
                              capture_output=True, text=True, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        assert done.stdout.endswith(": 1 chapter, 122 words\n")
        assert done.stderr == ""


def test_a_real_process_reports_a_bad_file_without_a_traceback(tmp_path):
    done = subprocess.run([sys.executable, "-m", "ebookify", str(tmp_path / "nothing.txt")],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.startswith("Error: ") and len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "flag, check",
    [
        pytest.param("--no-chapters", lambda r: len(r.book.chapters) == 1, id="no chapters"),
        pytest.param("--no-front-matter", lambda r: r.book.metadata.title == "Story", id="no front matter"),
        pytest.param("--paragraphs=wrapped", lambda r: len(r.book.chapters[1].blocks) == 1, id="join wrapped lines"),
        pytest.param("--no-emphasis", lambda r: "*late*" in str(r.book.chapters[0].blocks), id="no emphasis"),
    ],
)
def test_detections_can_be_switched_off(workdir, monkeypatch, flag, check):
    from ebookify import pipeline

    seen = {}
    real_make = pipeline.make

    def spy(story, options):
        seen["result"] = real_make(story, options)
        return seen["result"]

    monkeypatch.setattr(pipeline, "make", spy)
    (workdir / "story.txt").write_text("Title: Night Train\n\nChapter 1\nThe train was *late*.\nChapter 2\nIt came\nat last.\n")
    result = run("story.txt", flag, "-o", "out.epub")
    assert result.exit_code == 0, result.output
    assert check(seen["result"])


def test_debug_structure_prints_what_was_found_where(workdir):
    result = run("story.txt", "--debug-structure", "-o", "out.epub")
    assert "line 1: front matter: Title" in result.stdout
    assert "line 4: chapter 1: Chapter 1" in result.stdout


def test_own_cover_image_and_cover_choices(workdir):
    from PIL import Image

    Image.new("RGBA", (600, 900), (200, 30, 30, 128)).save(workdir / "mine.png")
    assert run("story.txt", "--cover", "mine.png", "-o", "a.epub").exit_code == 0
    cover = zipfile.ZipFile(workdir / "a.epub").read("EPUB/cover.jpg")
    assert cover[:3] == b"\xff\xd8\xff"
    assert run("story.txt", "--cover-style", "band", "--cover-palette", "teal", "-o", "b.epub").exit_code == 0
    assert run("story.txt", "--cover-style", "nope").exit_code == 2
    (workdir / "fake.png").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    result = run("story.txt", "--cover", "fake.png", "-o", "c.epub")
    assert result.exit_code == 1 and "SVG" in result.stderr and not (workdir / "c.epub").exists()


def test_quotes_option_overrides_the_languages_marks(workdir):
    (workdir / "q.txt").write_text('Title: Q\n\n"Hello," she said.\n')
    assert run("q.txt", "--quotes", "fr", "-o", "fr.epub").exit_code == 0
    chapter = zipfile.ZipFile(workdir / "fr.epub").read("EPUB/chapter-001.xhtml").decode()
    assert "«\u202fHello,\u202f»" in chapter
    assert run("q.txt", "--quotes", "klingon").exit_code == 2


@pytest.mark.parametrize(
    "title, name",
    [
        pytest.param("Cherished Words", "cherished-words", id="words joined by hyphens"),
        pytest.param("Café au Lait: the “Best” Day!", "cafe-au-lait-the-best-day", id="Latin loses its accents"),
        pytest.param("Архиерей", "архиерей", id="Cyrillic stays (it left nothing before)"),
        pytest.param("吾輩は猫である", "吾輩は猫である", id="Japanese stays"),
        pytest.param("हिन्दी कहानी", "हिन्दी-कहानी", id="vowel signs stay with their letters"),
        pytest.param("Straße nach Søborg", "straße-nach-søborg", id="letters without an ASCII form stay"),
        pytest.param("İstanbul", "istanbul", id="a dotted capital I is an i"),
        pytest.param("漢" * 100, "漢" * 66, id="at most 200 bytes: file systems count bytes"),
    ],
)
def test_a_book_is_named_after_its_title_in_any_script(title, name):
    from ebookify.cli.files import slug

    assert slug(title) == name


def test_a_story_titled_in_cyrillic_gets_a_cyrillic_file_name(workdir):
    (workdir / "story.txt").write_text("Архиерей\n\nАнтон Чехов\n\nПод вербное воскресенье в церкви шла всенощная.\n",
                                       encoding="utf-8")
    result = invoke("story.txt", "--title", "Архиерей")
    assert result.exit_code == 0, result.output
    assert (workdir / "dist" / "архиерей.epub").is_file()
