"""Whole books: what the package holds, and EPUBCheck 5's verdict on every fixture book."""

import datetime as dt
import io
import zipfile

import pytest
from bs4 import BeautifulSoup

from ebookify import Options, convert
from ebookify.model import Paragraph, Text
from ebookify.reading.sidecar import read_sidecar
from ebookify.epub.checks import check_structure

from conftest import FIXTURES, ROOT, build, epubcheck_many, reading_text, spine_pages, unzip

MODIFIED = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)


def fixture_books() -> dict[str, bytes]:
    books = {
        path.stem: build(path.read_bytes(), source_name=path.name, modified=MODIFIED)
        for path in sorted(FIXTURES.glob("*.txt"))
    }
    example = ROOT / "examples" / "the-lamplighters-apprentice.txt"
    books["example"] = build(example.read_bytes(), source_name=example.name)
    books["one-word"] = build("Hello", source_name="x.txt")
    books["no-cover"] = build("A story without a cover.", source_name="bare.txt", cover=False)
    books["cp1252-crlf"] = build("Café… “quoted”\r\nChapter 1\r\nText.\r\n".encode("cp1252"))
    books["long-title"] = build("Story.", title=" ".join(["Extraordinarily"] * 14), authors=("A", "B", "C"))
    books["french"] = build("Il était une fois une petite fille. " * 10, language="fr")
    story, toml = (FIXTURES / "series-story.md").read_bytes(), (FIXTURES / "series-story.toml").read_bytes()
    sidecar = tuple(read_sidecar(toml, "series-story.toml").items())
    books["sidecar-metadata"] = build(story, source_name="series-story.md", sidecar=sidecar, modified=MODIFIED)
    books["text-metadata"] = build(story, source_name="series-story.md", modified=MODIFIED)
    books["own-identifier"] = build("A story with an identifier of its own.", metadata=(("identifier", "my book #1 <draft>"),))
    books["aozora-ruby"] = build("川辺\n山田花子\n\n　私《わたくし》は｜渡し舟《わたしぶね》で川を渡った。［＃「川」に傍点］\n"
                                 "　夕方［＃「夕方」に傍点］になった。\n　母が呼んだ［＃改ページ］。\n", cover=False)
    books["arabic"] = build(ARABIC.encode(), source_name="bab.txt", modified=MODIFIED)
    books["long-chapter"] = build("Chapter 1\n" + "\n\n".join(["A paragraph of ordinary length, or so. " * 8] * 1500)
                                  + "\n\nChapter 2\n\nThe end.", cover=False)
    return books


# A story of our own in Arabic: its title, "تأليف" (by) and the author, two chapters.
ARABIC = ("باب الريح\n\nتأليف سلمى حداد\n\nالفصل 1\n\nكانت الريح تطرق الباب كل مساء، فتقوم الجدة وتفتحه "
          "وتنظر إلى الطريق الطويل ثم تعود إلى مقعدها قرب النار.\n\nالفصل 2\n\nوفي الصباح وجدنا على العتبة "
          "رسالة قديمة لم يكتب عليها اسم أحد.\n")


@pytest.fixture(scope="module")
def books():
    return fixture_books()


def test_every_fixture_book_passes_epubcheck_with_no_errors_and_no_warnings(books, tmp_path):
    verdicts = epubcheck_many(books, tmp_path)
    assert verdicts == {name: [] for name in books}


def test_ruby_is_set_as_ruby_with_brackets_for_readers_without_it(books):
    page = dict(spine_pages(books["aozora-ruby"]))["chapter-001.xhtml"].decode()
    assert "<ruby>私<rp>（</rp><rt>わたくし</rt><rp>）</rp></ruby>は<ruby>渡し舟<rp>（</rp><rt>わたしぶね</rt><rp>）</rp></ruby>" in page
    assert "［＃" not in page


def test_every_fixture_book_passes_the_structural_checks(books):
    assert {name: check_structure(epub) for name, epub in books.items()} == {name: () for name in books}


def test_every_page_declares_xml_language_and_a_title(books):
    for epub in books.values():
        for name, content in spine_pages(epub):
            assert content.startswith(b'<?xml version="1.0" encoding="utf-8"?>'), name
            page = BeautifulSoup(content, "xml")
            assert page.html["lang"] and page.html["xml:lang"] == page.html["lang"], name
            assert page.title.get_text(strip=True), name


def opf(epub: bytes) -> BeautifulSoup:
    return BeautifulSoup(unzip(epub)["EPUB/content.opf"], "xml")


def test_package_metadata(books):
    package = opf(books["front-matter-and-chapters"])
    assert package.find("dc:language").text == "en"
    assert package.find("dc:identifier").text.startswith("urn:uuid:")
    assert package.find("meta", property="dcterms:modified").text == "2024-05-01T12:00:00Z"
    assert package.find("dc:description").text.startswith("A retired cartographer")
    properties = {m["property"] for m in package.find_all("meta", property=True)}
    for required in ("schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                     "schema:accessibilityHazard", "schema:accessibilitySummary"):
        assert required in properties


def test_cover_is_declared_both_ways_and_its_page_comes_first(books):
    package = opf(books["example"])
    image = package.find("item", id="cover-image")
    assert image["properties"] == "cover-image" and image["media-type"] == "image/jpeg"
    assert package.find("meta", attrs={"name": "cover"})["content"] == "cover-image"
    first = package.find("itemref")
    assert first["idref"] == "cover" and first.get("linear", "yes") == "yes"
    nav = BeautifulSoup(unzip(books["example"])["EPUB/nav.xhtml"], "xml")
    landmarks = nav.find("nav", attrs={"epub:type": "landmarks"})
    kinds = [a["epub:type"] for a in landmarks.find_all("a")]
    assert kinds == ["cover", "titlepage", "toc", "bodymatter"]


def test_a_book_without_a_cover_has_no_cover_anything(books):
    files = unzip(books["no-cover"])
    assert "EPUB/cover.jpg" not in files and "EPUB/cover.xhtml" not in files
    assert b'name="cover"' not in files["EPUB/content.opf"]


def test_nav_and_ncx_list_the_chapters(books):
    files = unzip(books["front-matter-and-chapters"])
    nav = BeautifulSoup(files["EPUB/nav.xhtml"], "xml").find("nav", attrs={"epub:type": "toc"})
    labels = [a.get_text() for a in nav.find_all("a")]
    assert labels == ["Chapter 1: The Hallway", "Chapter 2: The Room Upstairs", "Chapter 3"]  # the story only
    ncx = BeautifulSoup(files["EPUB/toc.ncx"], "xml")
    assert [t.get_text() for t in ncx.find("navMap").find_all("text")] == labels
    landmarks = BeautifulSoup(files["EPUB/nav.xhtml"], "xml").find("nav", attrs={"epub:type": "landmarks"})
    assert "Title Page" in [a.get_text() for a in landmarks.find_all("a")]  # the rest is reached from here


def test_reading_order(books):
    names = [name for name, _ in spine_pages(books["front-matter-and-chapters"])]
    assert names == ["cover.xhtml", "titlepage.xhtml", "nav.xhtml", "notes.xhtml",
                     "chapter-001.xhtml", "chapter-002.xhtml", "chapter-003.xhtml"]


def test_text_that_looks_like_markup_arrives_as_typed(books):
    pages = dict(spine_pages(books["markup-like"]))
    chapter = BeautifulSoup(pages["chapter-001.xhtml"], "xml")
    text = chapter.body.get_text()
    assert '<script>alert(“boo”)</script>' in text
    assert "&amp; and &lt;b&gt; and even ]]>" in text
    assert chapter.find("script") is None
    title_page = BeautifulSoup(pages["titlepage.xhtml"], "xml")
    assert title_page.h1.get_text() == "Tags & <Brackets>"
    assert "by Q. <Coder> and Sons" in title_page.get_text()  # "&" between names separates two authors


def test_two_builds_are_byte_identical():
    source = (FIXTURES / "front-matter-and-chapters.txt").read_bytes()
    options = Options(source_name="a.txt", modified=MODIFIED)
    assert convert(source, options).epub == convert(source, options).epub


def test_identifier_follows_title_and_author_not_the_text():
    first = opf(build("One version of the story.", title="T", authors=("A",)))
    second = opf(build("A revised version of the story.", title="T", authors=("A",)))
    other = opf(build("One version of the story.", title="T", authors=("B",)))
    assert first.find("dc:identifier").text == second.find("dc:identifier").text
    assert first.find("dc:identifier").text != other.find("dc:identifier").text


def test_zip_layout_is_what_readers_expect(books):
    with zipfile.ZipFile(io.BytesIO(books["example"])) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")
        assert all(" " not in name for name in archive.namelist())


def test_parts_nest_in_the_contents_and_notes_can_be_gathered_or_omitted():
    source = (FIXTURES / "parts-notes-markdown.md").read_bytes()
    inline = convert(source, Options(source_name="p.md"))
    nav = BeautifulSoup(unzip(inline.epub)["EPUB/nav.xhtml"], "xml").find("nav", attrs={"epub:type": "toc"})
    part = nav.ol.find_all("li", recursive=False)[0]
    assert part.a.get_text() == "Part One: Spring"
    assert [a.get_text() for a in part.ol.find_all("a")] == ["Chapter 1: Blossom", "Chapter 2: Fruit"]
    assert b"authors-note" in dict(spine_pages(inline.epub))["chapter-001.xhtml"]

    end = convert(source, Options(source_name="p.md", notes="end"))
    pages = dict(spine_pages(end.epub))
    assert b"authors-note" not in pages["chapter-001.xhtml"]
    appendix = BeautifulSoup(pages["appendix-01.xhtml"], "xml")
    assert appendix.h2.get_text() == "Author’s Notes"
    assert [a["href"] for a in appendix.find_all("a")] == ["chapter-001.xhtml", "chapter-003.xhtml"]  # one a chapter
    assert "Next chapter is longer" in appendix.get_text()
    assert check_structure(end.epub) == ()

    omit = convert(source, Options(source_name="p.md", notes="omit"))
    assert "Next chapter is longer" not in " ".join(p.decode() for _, p in spine_pages(omit.epub))
    assert any("left out 3 author's note" in f.message for f in omit.findings)


def test_gutenberg_licence_is_at_the_back_of_the_reading_order():
    source = (FIXTURES / "gutenberg-style.txt").read_bytes()
    result = convert(source, Options(source_name="g.txt"))
    names = [name for name, _ in spine_pages(result.epub)]
    assert names[-1] == "appendix-01.xhtml"
    last = BeautifulSoup(dict(spine_pages(result.epub))["appendix-01.xhtml"], "xml")
    assert last.h2.get_text() == "Project Gutenberg Licence" and "Updated editions" in last.get_text()
    assert (result.book.metadata.title, result.book.metadata.authors) == ("The Tide Clock", ("Mara Quill",))


def test_long_chapters_are_split_into_files_under_260_kb_and_stay_in_order():
    words = [f"w{n}" for n in range(150_000)]
    text = "Chapter 1\n" + " ".join(words) + "\n" + "\n".join(["A paragraph of ordinary length. " * 8] * 3000) \
        + "\nChapter 2\nThe end."
    epub = build(text, cover=False)
    files = unzip(epub)
    sizes = {name: len(data) for name, data in files.items() if name.endswith(".xhtml")}
    assert max(sizes.values()) < 260_000 and len(sizes) > 5
    nav = BeautifulSoup(files["EPUB/nav.xhtml"], "xml").find("nav", attrs={"epub:type": "toc"})
    assert [a.get_text() for a in nav.find_all("a")] == ["Chapter 1", "Chapter 2"]
    found = reading_text(epub).split()
    assert [w for w in found if w.startswith("w") and w[1:].isdigit()] == words
    assert check_structure(epub) == ()


def test_the_licence_of_a_book_in_another_language_says_it_is_english():
    source = (FIXTURES / "gutenberg-style.txt").read_bytes()
    french = convert(source, Options(source_name="g.txt", language="fr"))
    licence = BeautifulSoup(dict(spine_pages(french.epub))["appendix-01.xhtml"], "xml")
    assert licence.find("div", attrs={"lang": "en"}) is not None and "Updated editions" in licence.div.get_text()
    assert check_structure(french.epub) == ()
    english = convert(source, Options(source_name="g.txt"))
    assert BeautifulSoup(dict(spine_pages(english.epub))["appendix-01.xhtml"], "xml").find("div") is None


def test_a_book_in_arabic_reads_right_to_left_with_its_labels_in_arabic(books):
    """Its pages set right to left, its pages turned from the right (the spine's direction), the
    title page's words in Arabic; the title and author read from "باب الريح" / "تأليف سلمى حداد"."""
    files = unzip(books["arabic"])
    package = files["EPUB/content.opf"].decode()
    assert 'page-progression-direction="rtl"' in package and "<dc:title>باب الريح</dc:title>" in package
    assert ">سلمى حداد</dc:creator>" in package
    pages = [name for name in files if name.endswith(".xhtml")]
    assert all('xml:lang="ar" dir="rtl"' in files[name].decode() for name in pages), pages
    assert "بقلم" in files["EPUB/titlepage.xhtml"].decode()  # "by", in Arabic


def test_an_english_licence_in_a_right_to_left_book_reads_left_to_right():
    from msgspec.structs import replace

    from ebookify.model import Section
    from ebookify.pipeline import make, read

    story = read(ARABIC.encode(), Options(source_name="bab.txt", cover=False))
    licence = Section("Project Gutenberg Licence", (Paragraph((Text("This eBook is for the use of anyone."),)),), "en")
    story = replace(story, book=replace(story.book, back_matter=(licence,)))
    page = unzip(make(story, Options(cover=False)).epub)["EPUB/appendix-01.xhtml"].decode()
    assert '<div lang="en" xml:lang="en" dir="ltr">' in page
