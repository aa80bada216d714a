"""Kobo's KEPUB: sentence spans in reading order, wrappers, the same text, a valid book."""

import re

import pymupdf
import pytest
from bs4 import BeautifulSoup

from ebookify.epub.kobo import kobo_page, sentences

from conftest import FIXTURES, build, epubcheck_many, invoke, spine_pages, unzip


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("One. Two.", ["One. ", "Two."], id="a sentence keeps the space after it"),
        pytest.param("Wait! What? No.", ["Wait! ", "What? ", "No."], id="each ending mark ends one"),
        pytest.param("“Go.” She went.", ["“Go.” ", "She went."], id="a closing quote stays with its sentence"),
        pytest.param("So... then", ["So... ", "then"], id="repeated marks end one sentence"),
        pytest.param("Mr. Smith", ["Mr. ", "Smith"], id="an abbreviation cuts, as Kobo's own books do"),
        pytest.param("3.14 is pi", ["3.14 is pi"], id="a point inside a number does not cut"),
        pytest.param("No end here", ["No end here"], id="one sentence without a mark"),
        pytest.param("  ", ["  "], id="whitespace alone stays one piece"),
        pytest.param("", [""], id="nothing"),
        pytest.param("Yes.\n  Next", ["Yes.\n  ", "Next"], id="every kind of space after a sentence"),
    ],
)
def test_sentences_are_cut_as_kepubify_cuts_them(text, expected):
    assert sentences(text) == expected
    assert "".join(sentences(text)) == text


PAGE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><title>T</title></head>
<body epub:type="bodymatter">
<section>
<h2>Chapter One</h2>
<p>First one. <em>Second one.</em> Third<br/>line.</p>
<pre>Kept  as. Typed.</pre>
<p><img src="a.jpg" alt="a"/> After.</p>
</section>
</body>
</html>
"""


def test_a_page_gets_spans_in_order_and_the_two_wrappers():
    page = BeautifulSoup(kobo_page(PAGE.encode()), "xml")
    inner = page.body.find("div", id="book-columns").find("div", id="book-inner")
    assert inner.section is not None
    ids = [span["id"] for span in page.find_all("span", class_="koboSpan")]
    assert ids == ["kobo.1.1", "kobo.2.1", "kobo.2.2", "kobo.2.3", "kobo.2.4", "kobo.3.1", "kobo.3.2"]
    assert [s.get_text() for s in page.find_all("span", class_="koboSpan")][:5] == [
        "Chapter One", "First one. ", "Second one.", " Third", "line."]
    assert page.pre.find("span") is None and page.pre.get_text() == "Kept  as. Typed."
    assert page.find(id="kobo.3.1").img is not None


def test_a_page_with_spans_already_is_left_alone():
    once = kobo_page(PAGE.encode())
    assert kobo_page(once) == once


def test_the_page_starts_with_the_xml_declaration_kindle_and_kobo_expect():
    assert kobo_page(PAGE.encode()).startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n')


@pytest.fixture(scope="module")
def pair():
    text = (FIXTURES / "parts-notes-markdown.md").read_text(encoding="utf-8")
    return build(text, notes="end"), build(text, notes="end", format="kepub")


BLOCKS = ["p", "h1", "h2", "h3", "li", "dt", "dd", "pre", "blockquote", "a", "title"]


def test_every_paragraph_reads_the_same_with_spans(pair):
    epub, kepub = pair
    plain_pages, kobo_pages = dict(spine_pages(epub)), dict(spine_pages(kepub))
    assert plain_pages.keys() == kobo_pages.keys()
    for name, plain in plain_pages.items():
        before, after = BeautifulSoup(plain, "xml"), BeautifulSoup(kobo_pages[name], "xml")
        for tag in BLOCKS:
            assert [e.get_text() for e in before.find_all(tag)] == [e.get_text() for e in after.find_all(tag)], (name, tag)


def test_all_text_is_in_spans_whose_ids_run_in_reading_order(pair):
    for name, page in spine_pages(pair[1]):
        if name == "nav.xhtml":
            continue
        soup = BeautifulSoup(page, "xml")
        for text in soup.body.find_all(string=True):
            if text.strip() and text.find_parent("pre") is None:
                assert text.parent.name == "span" and "koboSpan" in text.parent["class"], (name, str(text))
        numbers = [tuple(map(int, s["id"].split(".")[1:])) for s in soup.find_all("span", class_="koboSpan")]
        assert numbers == sorted(set(numbers)), name


def test_the_kepub_passes_epubcheck_and_mupdf_reads_the_same_text(pair, tmp_path):
    epub, kepub = pair
    assert epubcheck_many({"kepub": kepub}, tmp_path) == {"kepub": []}
    texts = []
    for data in pair:
        with pymupdf.open(stream=data, filetype="epub") as document:
            texts.append(re.sub(r"\s+", " ", " ".join(page.get_text() for page in document)))
    assert texts[0] == texts[1]
    assert "div#book-inner" in unzip(kepub)["EPUB/style.css"].decode()


def test_the_command_writes_a_kepub_and_both_from_one_run(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("Title: Lamps\nAuthor: A. Writer\n\nOnce there was a lamp. It shone.\n", encoding="utf-8")
    run = invoke(story, "--format", "epub,kepub", "-o", f"{tmp_path}/out/")
    assert run.exit_code == 0, run.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["lamps.epub", "lamps.kepub.epub"]
    assert b"koboSpan" in unzip((tmp_path / "out" / "lamps.kepub.epub").read_bytes())["EPUB/chapter-001.xhtml"]
    run = invoke(story, "--format", "kepub", "-o", f"{tmp_path}/only/")
    assert [p.name for p in (tmp_path / "only").iterdir()] == ["lamps.kepub.epub"]
    run = invoke(story, "--format", "mobi")
    assert run.exit_code == 2 and "epub, kepub" in run.output
