"""Metadata: which source wins, what reaches the OPF, how readers read it back, and the language."""

import datetime as dt

import ebooklib.epub
import pymupdf
import pytest
from bs4 import BeautifulSoup

from ebookify import Options, convert
from ebookify.epub.write import file_as
from ebookify.reading.sidecar import read_sidecar

from conftest import FIXTURES, epubcheck_many, spine_pages, unzip

MODIFIED = dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc)
STORY = ("Title: Text Title\nAuthor: Text Author\nSeries: Text Series\nTags: text-tag\nLanguage: de\n\n"
         "Chapter 1\nThe ferry left at eleven, whether anyone was on it or not.\n")
PROSE = "The ferry left at eleven, whether anyone was on it or not."


def opf(epub: bytes) -> BeautifulSoup:
    return BeautifulSoup(unzip(epub)["EPUB/content.opf"], "xml")


def title_page(epub: bytes) -> BeautifulSoup:
    return BeautifulSoup(dict(spine_pages(epub))["titlepage.xhtml"], "xml")


def fixture_book() -> bytes:
    sidecar = read_sidecar((FIXTURES / "series-story.toml").read_bytes(), "series-story.toml")
    source = (FIXTURES / "series-story.md").read_bytes()
    return convert(source, Options(source_name="series-story.md", sidecar=tuple(sidecar.items()))).epub


@pytest.fixture(scope="module")
def full() -> bytes:
    return fixture_book()


# Precedence: flags > sidecar > text > guesses ----------------------------------------------------


@pytest.mark.parametrize(
    "text, sidecar, flags, expected",
    [
        pytest.param(STORY, {}, {}, ("Text Title", ("Text Author",), "Text Series", ("text-tag",), "de"),
                     id="the text when nothing else says"),
        pytest.param(STORY, {"title": "Side Title", "authors": "Side Author", "series": "Side Series",
                             "tags": ["s1", "s2"], "language": "fr"}, {},
                     ("Side Title", ("Side Author",), "Side Series", ("s1", "s2"), "fr"), id="the sidecar over the text"),
        pytest.param(STORY, {"title": "Side Title", "authors": ["S"], "series": "Side Series", "tags": ["s1"],
                             "language": "fr"},
                     {"title": "Flag Title", "authors": ("F",), "language": "it",
                      "metadata": (("series", "Flag Series"), ("tags", ("f1",)))},
                     ("Flag Title", ("F",), "Flag Series", ("f1",), "it"), id="flags over the sidecar"),
        pytest.param(STORY, {"title": "Side Title"}, {"metadata": (("tags", ("f1",)),)},
                     ("Side Title", ("Text Author",), "Text Series", ("f1",), "de"), id="each key on its own"),
        pytest.param(PROSE, {}, {}, ("Story", (), "", (), "en"), id="guesses when no one says: no author"),
    ],
)
def test_each_key_comes_from_the_first_source_that_gives_it(text, sidecar, flags, expected):
    checked = read_sidecar(repr_toml(sidecar).encode(), "story.toml")
    meta = convert(text.encode(), Options(source_name="story.txt", sidecar=tuple(checked.items()), **flags)).book.metadata
    assert (meta.title, meta.authors, meta.series, meta.tags, meta.language) == expected


def repr_toml(fields: dict) -> str:
    """A tiny TOML writer for the table above: strings and lists of strings."""
    def value(v):
        return "[" + ", ".join(f'"{x}"' for x in v) + "]" if isinstance(v, list) else f'"{v}"'
    return "\n".join(f"{key} = {value(v)}" for key, v in fields.items())


def test_every_guess_is_a_finding_and_given_values_are_not():
    guessed = convert(b"Hello", Options(source_name="night-ferry.txt"))
    assert [f.message.split(":")[0] for f in guessed.findings if f.severity == "warning"] == [
        "no title in the text", "no author in the text", "could not tell the language"]
    given = convert(PROSE.encode(), Options(sidecar=(("title", "T"), ("authors", ("A",)), ("language", "en"))))
    assert given.findings == ()


@pytest.mark.parametrize("name, title", [
    ("night-ferry.txt", "Night Ferry"), ("night_ferry (1).txt", "Night Ferry"), ("Night Ferry - Copy.txt", "Night Ferry"),
    ("Night Ferry-ffnet_12345678.txt", "Night Ferry"), ("night-ferry-utf8.txt", "Night Ferry"),
    ("night-ferry.cp1252.txt.txt", "Night Ferry"), ("Паром в ночи koi8-r.txt", "Паром в ночи"),
    ("Carbon Copy.txt", "Carbon Copy"), ("utf8.txt", "Utf8"), ("of ferries and men.txt", "Of Ferries and Men"),
])
def test_a_title_from_the_file_name_leaves_out_what_names_the_file(name, title):
    assert convert(PROSE.encode(), Options(source_name=name)).book.metadata.title == title


# The OPF ----------------------------------------------------------------------------------------


def test_the_opf_carries_every_sidecar_fact_the_way_readers_read_it(full):
    package = opf(full)
    assert [s.text for s in package.find_all("dc:subject")] == [
        "ferries", "night", "oranges", "Harbour Tales", "Mira Vale", "Tobias Penn", "Mira Vale & Tobias Penn"]
    collection = package.find("meta", property="belongs-to-collection")
    assert collection.text == "Crossings"
    refines = {m["property"]: m.text for m in package.find_all("meta", refines=f"#{collection['id']}")}
    assert refines == {"collection-type": "series", "group-position": "2.5"}
    assert package.find("meta", attrs={"name": "calibre:series"})["content"] == "Crossings"
    assert package.find("meta", attrs={"name": "calibre:series_index"})["content"] == "2.5"
    assert package.find("dc:date").text == "2024-03-01"
    assert package.find("dc:source").text == "https://example.org/works/4242"
    assert package.find("dc:publisher").text == "Saltmarsh & Sons <Press>"
    assert package.find("dc:rights").text == "© 2024 Wren Halloway. CC BY-NC 4.0."
    assert package.find("dc:language").text == "en-GB"
    assert package.find("dc:description").text == (
        "Mira takes the last ferry across the bay.\n\nThe ferryman has a question for her: <b>will she</b> come back?")


def test_authors_are_filed_by_author_sort_with_no_relator_scheme_on_file_as(full):
    package = opf(full)
    creators = [(c["id"], c.text) for c in package.find_all("dc:creator")]
    assert creators == [("author-1", "Wren Halloway"), ("author-2", "Ursula K. Le Guin")]
    file_as_metas = package.find_all("meta", property="file-as")
    assert [(m["refines"], m.text) for m in file_as_metas] == [
        ("#author-1", "Halloway, Wren"), ("#author-2", "Le Guin, Ursula K.")]
    assert all(not m.has_attr("scheme") for m in file_as_metas)
    roles = package.find_all("meta", property="role")
    assert [(m["refines"], m["scheme"], m.text) for m in roles] == [
        ("#author-1", "marc:relators", "aut"), ("#author-2", "marc:relators", "aut")]


@pytest.mark.parametrize(
    "name, expected",
    [
        pytest.param("Wren Halloway", "Halloway, Wren", id="first last"),
        pytest.param("Ursula K. Le Guin", "Le Guin, Ursula K.", id="capitalised particle stays with the surname"),
        pytest.param("Ludwig van Beethoven", "Beethoven, Ludwig van", id="lower-case particle follows the forename"),
        pytest.param("Jean de La Fontaine", "La Fontaine, Jean de", id="both kinds of particle"),
        pytest.param("Martin Luther King Jr.", "King, Martin Luther, Jr.", id="suffix at the end"),
        pytest.param("Homer", "Homer", id="a single name"),
        pytest.param("Unknown", "Unknown", id="the unknown author"),
        pytest.param("the purple wombat", "the purple wombat", id="a lower-case user name"),
        pytest.param("Le Guin, Ursula K.", "Le Guin, Ursula K.", id="already inverted"),
        pytest.param("村上 春樹", "村上 春樹", id="a script without capitals"),
        pytest.param("Лев Толстой", "Толстой, Лев", id="Cyrillic"),
    ],
)
def test_file_as(name, expected):
    assert file_as(name) == expected


def test_derived_file_as_when_there_is_no_author_sort():
    package = opf(convert(PROSE.encode(), Options(authors=("Ursula K. Le Guin", "Homer"))).epub)
    assert [m.text for m in package.find_all("meta", property="file-as")] == ["Le Guin, Ursula K.", "Homer"]


def test_what_the_text_says_reaches_the_opf_too():
    book = convert((FIXTURES / "series-story.md").read_bytes(), Options(source_name="series-story.md"))
    meta = book.book.metadata
    assert (meta.series, meta.series_index) == ("Crossings", "1")  # from "Part 1 of Crossings"
    assert (meta.fandoms, meta.characters, meta.relationships) == (
        ("Harbour Tales",), ("Mira Vale", "Tobias Penn"), ("Mira Vale & Tobias Penn",))
    assert meta.extra == ()
    package = opf(book.epub)
    assert package.find("meta", property="group-position").text == "1"
    assert "Harbour Tales" in [s.text for s in package.find_all("dc:subject")]


@pytest.mark.parametrize(
    "published, in_opf",
    [
        pytest.param("2024-03-01", "2024-03-01", id="an ISO day"),
        pytest.param("2024", "2024", id="a year"),
        pytest.param("last spring", None, id="words: title page only"),
    ],
)
def test_only_iso_dates_reach_dc_date(published, in_opf):
    epub = convert(f"Title: T\nPublished: {published}\n\n{PROSE}\n".encode(), Options()).epub
    date = opf(epub).find("dc:date")
    assert (date.text if date else None) == in_opf
    assert published in title_page(epub).find("dl", class_="facts").get_text()


def test_a_series_without_a_number_has_no_position():
    package = opf(convert(PROSE.encode(), Options(sidecar=(("series", "Crossings"),))).epub)
    assert package.find("meta", property="belongs-to-collection").text == "Crossings"
    assert package.find("meta", property="group-position") is None
    assert package.find("meta", attrs={"name": "calibre:series_index"}) is None


# Readers read it back -----------------------------------------------------------------------------


def test_ebooklib_and_mupdf_read_title_and_author(full, tmp_path):
    path = tmp_path / "book.epub"
    path.write_bytes(full)
    book = ebooklib.epub.read_epub(str(path))
    assert book.get_metadata("DC", "title")[0][0] == "The Night Ferry"
    assert [name for name, _ in book.get_metadata("DC", "creator")] == ["Wren Halloway", "Ursula K. Le Guin"]
    assert [s for s, _ in book.get_metadata("DC", "subject")][:3] == ["ferries", "night", "oranges"]
    with pymupdf.open(path) as document:
        assert document.metadata["title"] == "The Night Ferry"
        assert document.metadata["author"].startswith("Wren Halloway")


# Values as typed --------------------------------------------------------------------------------


def test_markup_in_values_arrives_as_visible_text_and_control_characters_never_do():
    sidecar = read_sidecar(b'title = "<i>Hi</i> & bye\\u0000\\nnow"\npublisher = "<script>x</script>"\n', "s.toml")
    epub = convert(PROSE.encode(), Options(sidecar=tuple(sidecar.items()))).epub
    assert opf(epub).find("dc:title").text == "<i>Hi</i> & bye now"
    page = title_page(epub)
    assert page.h1.get_text() == "<i>Hi</i> & bye now" and page.find("i") is None
    assert "<script>x</script>" in page.get_text() and page.find("script") is None


def test_the_title_page_lists_the_new_facts_in_archive_order(full):
    facts = title_page(full).find("dl", class_="facts")
    pairs = list(zip([dt_.get_text() for dt_ in facts.find_all("dt")], [dd.get_text() for dd in facts.find_all("dd")]))
    assert pairs == [
        ("Series", "Crossings, book 2.5"),
        ("Fandom", "Harbour Tales"),
        ("Rating", "General Audiences"),
        ("Warning", "No Archive Warnings Apply"),
        ("Relationship", "Mira Vale & Tobias Penn"),
        ("Characters", "Mira Vale, Tobias Penn"),
        ("Tags", "ferries, night, oranges"),
        ("Status", "In progress"),
        ("Published", "2024-03-01"),
        ("Updated", "2024-05-01"),
        ("Publisher", "Saltmarsh & Sons <Press>"),
        ("Source", "https://example.org/works/4242"),
        ("Rights", "© 2024 Wren Halloway. CC BY-NC 4.0."),
        ("Length", pairs[-1][1]),
    ]
    assert pairs[-1][1].endswith("words, about 1 minute to read")
    assert title_page(full).find("p", class_="subtitle").get_text() == "A Crossings Story"


# Identity ---------------------------------------------------------------------------------------


def identifier(text: str, **options) -> str:
    return opf(convert(text.encode(), Options(**options)).epub).find("dc:identifier").text


def test_a_source_url_keeps_the_identifier_when_the_story_grows_or_is_renamed():
    first = identifier(f"Title: Ferry\nSource: https://example.org/works/1\n\nChapter 1\n{PROSE}\n")
    grown = identifier(f"Title: The Ferry\nSource: https://example.org/works/1/#top\n\nChapter 1\n{PROSE}\n"
                       f"Chapter 2\nMore.\n")
    other = identifier(f"Title: Ferry\nSource: https://example.org/works/2\n\n{PROSE}\n")
    assert first == grown != other and first.startswith("urn:uuid:")
    assert first != identifier(f"Title: Ferry\n\n{PROSE}\n")  # without a URL: from title and authors


@pytest.mark.parametrize(
    "given, expected",
    [
        pytest.param("urn:isbn:9780000000002", "urn:isbn:9780000000002", id="a URN as given"),
        pytest.param("https://example.org/b/1", "https://example.org/b/1", id="a URL as given"),
        pytest.param("6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8",
                     id="a bare UUID becomes a urn:uuid"),
        pytest.param("my book #1", "my book #1", id="any other text as given"),
    ],
)
def test_an_identifier_given_wins(given, expected):
    assert identifier(f"Source: https://example.org/works/1\n\n{PROSE}\n", metadata=(("identifier", given),)) == expected
    assert identifier(PROSE, sidecar=(("identifier", given),)) == expected


def test_books_with_given_identifiers_pass_epubcheck(tmp_path):
    books = {
        "urn": convert(PROSE.encode(), Options(metadata=(("identifier", "urn:isbn:9780000000002"),))).epub,
        "url": convert(PROSE.encode(), Options(sidecar=(("identifier", "https://example.org/b/1"),))).epub,
        "text": convert(PROSE.encode(), Options(metadata=(("identifier", "my book #1 & <more>"),))).epub,
    }
    assert epubcheck_many(books, tmp_path) == {name: [] for name in books}


# Language ---------------------------------------------------------------------------------------

FRENCH = ("Le bac partait à onze heures, qu'il y ait quelqu'un à bord ou non. Mira était à bord, avec un sac "
          "d'oranges et un billet qu'elle avait payé avec des pièces. « Dernière traversée », dit le passeur.")
GERMAN = ("Die Fähre legte um elf Uhr ab, ob jemand an Bord war oder nicht. Mira war an Bord, mit einer Tüte "
          "Orangen und einer Fahrkarte, die sie mit Münzen bezahlt hatte.")


VOCALISED_ARABIC = ("ذَهَبَ الوَلَدُ إِلَى المَدْرَسَةِ فِي الصَّبَاحِ البَاكِرِ، وَكَانَ الجَوُّ بَارِدًا جِدًّا. رَأَى صَدِيقَهُ "
                    "عِنْدَ البَابِ فَسَلَّمَ عَلَيْهِ، ثُمَّ دَخَلَا مَعًا إِلَى الفَصْلِ وَجَلَسَا فِي المَقْعَدِ الأَوَّلِ. ")


@pytest.mark.parametrize(
    "text, code, name",
    [
        pytest.param(FRENCH, "fr", "French", id="French"),
        pytest.param(GERMAN, "de", "German", id="German"),
        pytest.param(PROSE * 3, "en", "English", id="English"),
        pytest.param(VOCALISED_ARABIC * 3, "ar", "Arabic", id="Arabic with its vowel points (CLD2 read Bosnian)"),
    ],
)
def test_the_language_is_detected_and_said_with_its_confidence(text, code, name):
    result = convert(f"Title: T\nAuthor: A\n\n{text}\n".encode(), Options())
    assert result.book.metadata.language == code
    (finding,) = [f for f in result.findings if "detected" in f.message]
    assert finding.severity == "info"
    confidence = float(finding.message.split(f"detected {name} (")[1].split(")")[0])
    assert 0.7 <= confidence <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Hello", id="one word"),
        pytest.param("Ok ok ok. 12 34 56!", id="no real words"),
        pytest.param(f"{FRENCH[:100]} {PROSE} {GERMAN[:60]}", id="three languages, none leading"),
    ],
)
def test_below_the_threshold_it_falls_back_to_english_with_a_warning(text):
    result = convert(text.encode(), Options(title="T", authors=("A",)))
    assert result.book.metadata.language == "en"
    (finding,) = result.findings
    assert finding.severity == "warning" and "assumed English" in finding.message


def test_the_warning_names_the_best_guess_when_there_is_one():
    result = convert(f"{FRENCH} {PROSE} {GERMAN}".encode(), Options(title="T", authors=("A",)))
    (finding,) = result.findings
    assert finding.message.startswith("could not tell the language (best guess French, 0.")


def test_a_stated_language_is_not_detected():
    for options in (Options(language="fr"), Options(sidecar=(("language", "French"),))):
        result = convert(f"Title: T\nAuthor: A\n\n{GERMAN}\n".encode(), options)
        assert result.book.metadata.language == "fr" and result.findings == ()
    labelled = convert(f"Title: T\nAuthor: A\nLanguage: German\n\n{FRENCH}\n".encode(), Options())
    assert labelled.book.metadata.language == "de" and labelled.findings == ()


def test_detection_reads_the_story_not_the_english_labels_above_it():
    labels = "".join(f"{label}: word\n" for label in ("Rating", "Warnings", "Tags", "Status", "Published", "Updated"))
    result = convert(f"Title: The Ferry Story Title\nAuthor: Someone English\n{labels}\n{FRENCH}\n".encode(), Options())
    assert result.book.metadata.language == "fr"
