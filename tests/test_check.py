"""``ebookify check``: the device pre-flight on hand-built books with one fault each, and the
command through a real process on ours, on a foreign book, and on pandoc's and calibre's when
those are installed. EPUBCheck runs for real."""

import json
import os
import shutil
import subprocess

import pytest

from conftest import ROOT, build, run_process
from ebookify.epub.open import open_book
from ebookify.epub.preflight import preflight
from foreign import foreign_epub

STORY = ROOT / "examples" / "the-lamplighters-apprentice.txt"


def codes(data: bytes) -> dict[str, str]:
    return {p.code: p.severity for p in preflight(data, open_book(data))}


@pytest.mark.parametrize("faults, code, severity", [
    pytest.param({"language": "C"}, "kindle-language", "error", id="a POSIX locale as language: Kindle refuses"),
    pytest.param({"language": None}, "kindle-language", "error", id="no dc:language: Kindle refuses"),
    pytest.param({"declaration": False}, "kindle-xml-declaration", "error", id="pages without <?xml?>: Kindle refuses"),
    pytest.param({"fragment": "nowhere"}, "kindle-fragment-link", "error", id="a link to a missing fragment"),
    pytest.param({"toc_target": "ch9.xhtml"}, "kindle-toc", "error", id="a contents entry to a missing page"),
    pytest.param({"label": ""}, "kindle-toc", "error", id="a contents entry without text"),
    pytest.param({"ncx": False}, "kobo-ncx", "warning", id="EPUB 3 without NCX: Kobo shows no contents"),
    pytest.param({"cover": "property"}, "kobo-cover", "warning", id="cover-image without meta name=cover: Kobo"),
    pytest.param({"cover": "meta"}, "kobo-cover", "warning", id="meta name=cover without cover-image: Kobo"),
    pytest.param({"cover": "none"}, "no-cover", "info", id="no cover at all is worth knowing"),
    pytest.param({"cover_size": (2000, 3000)}, "apple-cover-size", "warning", id="a 6 MP cover: over Apple's 5.6"),
    pytest.param({"a11y": False}, "accessibility-metadata", "warning", id="no schema:accessMode and friends"),
])
def test_each_fault_is_found_and_explained(faults, code, severity):
    assert codes(foreign_epub()) == {}, "the fixture without faults must be clean"
    data = foreign_epub(**faults)
    found = {p.code: p for p in preflight(data, open_book(data))}
    assert code in found and found[code].severity == severity, found
    assert found[code].reader and found[code].where and found[code].rebuild_fixes


def test_a_file_name_with_a_space_is_flagged():
    from msgspec.structs import replace

    from ebookify.epub.open import Item

    data = foreign_epub()
    book = open_book(data)
    spaced = replace(book, items=(*book.items, Item("extra", "OEBPS/ch 2.xhtml", "application/xhtml+xml")))
    assert "file-name" not in codes(data)
    [found] = [p for p in preflight(data, spaced) if p.code == "file-name"]
    assert found.where == "OEBPS/ch 2.xhtml" and found.severity == "warning"


def test_a_cover_under_the_apple_limit_passes():
    assert "apple-cover-size" not in codes(foreign_epub(cover_size=(1600, 2560)))


def test_a_book_over_the_email_limit_is_flagged_and_rebuilding_does_not_help():
    from msgspec.structs import replace

    data = foreign_epub()
    book = open_book(data)
    assert "kindle-email-size" not in codes(data)
    [big] = [p for p in preflight(data, replace(book, size=60 * 1024 * 1024)) if p.code == "kindle-email-size"]
    assert "60 MB" in big.message and not big.rebuild_fixes


def test_ebookify_books_pass_the_preflight():
    epub = build(STORY.read_text(), source_name=STORY.name)
    assert preflight(epub, open_book(epub)) == ()


def test_faults_on_many_pages_are_one_finding():
    data = foreign_epub(declaration=False, chapters=5)
    found = [p for p in preflight(data, open_book(data)) if p.code == "kindle-xml-declaration"]
    assert len(found) == 1 and found[0].message.startswith("5 files (")


@pytest.fixture
def books(tmp_path):
    (tmp_path / "ours.epub").write_bytes(build(STORY.read_text(), source_name=STORY.name))
    (tmp_path / "faulty.epub").write_bytes(foreign_epub(language="C", ncx=False, a11y=False))
    (tmp_path / "notabook.epub").write_bytes(b"just text")
    return tmp_path


def test_our_book_is_clean_through_a_real_process_with_epubcheck(books):
    result = run_process("check", "ours.epub", cwd=books)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "ours.epub: no problems found"


def test_a_faulty_book_exits_4_and_explains_each_finding(books):
    result = run_process("check", "faulty.epub", "--json", cwd=books)
    assert result.returncode == 4, result.stderr
    [record] = json.loads(result.stdout)
    assert record["epubcheck"] == "ran"
    found = {p["code"] for p in record["problems"]}
    assert {"epubcheck", "kindle-language", "kobo-ncx", "accessibility-metadata"} <= found
    assert all(set(p) == {"code", "severity", "device", "where", "message", "reader", "rebuild_fixes"}
               for p in record["problems"])
    text = run_process("check", "faulty.epub", "--no-epubcheck", cwd=books).stdout
    assert "for the reader: Send to Kindle refuses the book" in text and "rebuilding with ebookify fixes this" in text


def test_a_file_that_is_not_an_epub_exits_1_and_the_others_are_still_checked(books):
    result = run_process("check", "notabook.epub", "ours.epub", "--no-epubcheck", cwd=books)
    assert result.returncode == 1
    assert "Error: notabook.epub: it is not an EPUB: not a zip archive" in result.stderr
    assert "ours.epub: no problems found" in result.stdout


def test_without_java_it_says_so_and_runs_its_own_checks(books):
    fake = books / "bin"
    fake.mkdir()
    (fake / "java").write_text("#!/bin/sh\necho 'Error: broken JVM' >&2; exit 1\n")
    (fake / "java").chmod(0o755)
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"}
    result = run_process("check", "faulty.epub", cwd=books, env=env)
    assert result.returncode == 4
    assert "EPUBCheck could not run: Java or EPUBCheck failed" in result.stderr
    assert "[Send to Kindle] the language “C” is not a language tag" in result.stdout


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandocs_book_of_the_reference_story_has_an_invalid_language_tag(tmp_path):
    subprocess.run(["pandoc", str(STORY), "-t", "epub3", "-o", str(tmp_path / "pandoc.epub")], check=True,
                   capture_output=True, env={**os.environ, "LANG": "C", "LC_ALL": "C"})
    result = run_process("check", "pandoc.epub", "--json", "--no-epubcheck", cwd=tmp_path)
    [record] = json.loads(result.stdout)
    languages = [p for p in record["problems"] if p["code"] == "kindle-language"]
    assert result.returncode == 4 and languages and "not a language tag" in languages[0]["message"]


@pytest.mark.skipif(shutil.which("ebook-convert") is None, reason="calibre is not installed")
def test_calibres_book_of_the_reference_story_lacks_accessibility_metadata(tmp_path):
    subprocess.run(["ebook-convert", str(STORY), str(tmp_path / "calibre.epub")], check=True, capture_output=True)
    result = run_process("check", "calibre.epub", "--json", "--no-epubcheck", cwd=tmp_path)
    [record] = json.loads(result.stdout)
    assert "accessibility-metadata" in {p["code"] for p in record["problems"]}
    assert not [p for p in record["problems"] if p["severity"] == "error"]
