"""The reference story from the brief (shared/samples/cherished-words.txt) as a reader gets it."""

import re

import pymupdf
import pytest
from bs4 import BeautifulSoup

from ebookify import Options, convert

from conftest import epubcheck_many, missing_in_order, reading_text, spine_pages, unzip, words

LABELS = re.compile(r"^\s*(Description|Author's Notes:)\s*$")


@pytest.fixture(scope="module")
def source(samples):
    return (samples / "cherished-words.txt").read_bytes()


@pytest.fixture(scope="module")
def result(source):
    return convert(source, Options(source_name="cherished-words.txt"))


def test_title_and_author_are_guessed_and_each_guess_is_reported(result):
    meta = result.book.metadata
    assert (meta.title, meta.authors, meta.language) == ("Cherished Words", (), "en")
    messages = [f.message for f in result.findings]
    assert any("Cherished Words" in m and "file name" in m for m in messages)
    assert any(m.startswith("no author in the text") for m in messages)


def test_reading_order_is_cover_title_page_notes_story(result):
    assert [name for name, _ in spine_pages(result.epub)] == [
        "cover.xhtml", "titlepage.xhtml", "notes.xhtml", "chapter-001.xhtml"]


def test_title_page_carries_the_description_as_its_blurb(result):
    page = BeautifulSoup(dict(spine_pages(result.epub))["titlepage.xhtml"], "xml")
    assert page.h1.get_text() == "Cherished Words"
    blurb = page.find("section", class_="blurb").find_all("p")
    assert len(blurb) == 2 and blurb[0].get_text().startswith("Spike reflects")


def test_description_is_the_dc_description(result):
    opf = BeautifulSoup(unzip(result.epub)["EPUB/content.opf"], "xml")
    assert opf.find("dc:description").get_text().startswith("Spike reflects on his relationship")


def test_authors_notes_are_their_own_section_labelled_as_the_authors(result):
    page = BeautifulSoup(dict(spine_pages(result.epub))["notes.xhtml"], "xml")
    note = page.find("section", class_="authors-note")
    assert note.h2.get_text() == "Author’s Notes"
    assert note.find("p").get_text().startswith("Hello, dear reader!")


def test_story_is_one_chapter_headed_by_the_title_with_a_paragraph_per_line(source, result):
    (chapter,) = result.book.chapters
    page = BeautifulSoup(dict(spine_pages(result.epub))["chapter-001.xhtml"], "xml")
    assert page.h2.get_text() == "Cherished Words"
    text = source.decode()
    story_lines = [ln for ln in text[text.index("The sun was slowly"):].split("\n") if ln.strip()]
    assert len(page.find_all("p")) == len(story_lines) == 83


def test_every_word_reaches_the_book_in_order(source, result):
    lines = [ln for ln in source.decode().split("\n") if not LABELS.match(ln)]
    assert missing_in_order(words("\n".join(lines)), words(reading_text(result.epub))) is None


def test_quotes_and_ellipses_are_typeset(result):
    text = reading_text(result.epub)
    assert '"' not in text and "..." not in text
    assert "’" in text and "…" in text


def test_epubcheck_reports_nothing(result, tmp_path):
    assert epubcheck_many({"cherished-words": result.epub}, tmp_path) == {"cherished-words": []}


def test_mupdf_opens_the_book_and_finds_the_first_and_last_sentences(result, tmp_path):
    path = tmp_path / "book.epub"
    path.write_bytes(result.epub)
    document = pymupdf.open(path)
    text = " ".join(" ".join(page.get_text().split()) for page in document)
    text = re.sub(r"(\w)- (\w)", r"\1\2", text)  # words hyphenated across lines
    assert "The sun was slowly approaching the horizon; the clear, clear sky was gradually turning into" in text
    assert "There is no reason for this anymore." in text
    assert document.metadata["title"] == "Cherished Words"
