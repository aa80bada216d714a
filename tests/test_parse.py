import pytest

from ebookify import Options, convert
from ebookify.errors import ParseError
from ebookify.model import Paragraph, SceneBreak, block_texts, inline_text
from ebookify.options import Settings
from ebookify.reading.parse import parse

from conftest import FIXTURES


def chapters(text):
    return [(c.label, c.title, block_texts(c.blocks)) for c in parse(text).chapters]


@pytest.mark.parametrize(
    "text, paragraphs",
    [
        pytest.param("One.\nTwo.\nThree.", ["One.", "Two.", "Three."], id="one paragraph per line"),
        pytest.param("One.\n\nTwo.\n\n\nThree.", ["One.", "Two.", "Three."], id="blank lines between"),
        pytest.param(
            "The first line of a paragraph that\nwraps onto a second line here.\n\n"
            "And another paragraph which also\nwraps at a short column width.\n\n"
            "A third one to make the pattern\nclear to anyone looking at it.",
            [
                "The first line of a paragraph that wraps onto a second line here.",
                "And another paragraph which also wraps at a short column width.",
                "A third one to make the pattern clear to anyone looking at it.",
            ],
            id="hard-wrapped lines are joined",
        ),
        pytest.param("  Indented\tline.   \n\tTabbed   line.  ", ["Indented line.", "Tabbed line."],
                     id="tabs, indents and trailing spaces"),
    ],
)
def test_paragraphs(text, paragraphs):
    assert chapters(text) == [("", "", paragraphs)]


@pytest.mark.parametrize(
    "heading, label, title",
    [
        pytest.param("Chapter 3", "Chapter 3", "", id="number"),
        pytest.param("Chapter 3: The Storm", "Chapter 3", "The Storm", id="number and title"),
        pytest.param("CHAPTER XII.", "CHAPTER XII", "", id="roman, upper case"),
        pytest.param("Chapter Twelve - Homecoming", "Chapter Twelve", "Homecoming", id="number word, dash"),
        pytest.param("Ch. 4 — Title", "Ch. 4", "Title", id="abbreviated"),
        pytest.param("# Chapter 1: Begin", "Chapter 1", "Begin", id="markdown chapter"),
        pytest.param("## The Storm", "", "The Storm", id="markdown heading"),
        pytest.param("Part 3:", "Part 3", "", id="a colon and no title"),
        pytest.param("Chapter Four —", "Chapter Four", "", id="a dash and no title"),
    ],
)
def test_chapter_headings(heading, label, title):
    text = f"Before the heading.\n{heading}\nAfter the heading."
    found = chapters(text)
    assert found[-1] == (label, title, ["After the heading."])
    front = parse(text).front_matter  # before a first chapter, the text is front matter; else chapter 1
    assert (block_texts(front[0].blocks) if front else found[0][2]) == ["Before the heading."]


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Chapter 3 was the one she liked best, with the storm.", id="chapter in a sentence"),
        pytest.param('"Chapter 3," she said.', id="dialogue"),
        pytest.param("Chapter 3 Then we ran,", id="a line that goes on past its comma"),
    ],
)
def test_sentences_that_mention_chapters_are_not_headings(line):
    assert chapters(f"Text.\n{line}\nMore.") == [("", "", ["Text.", line, "More."])]


def test_a_list_of_headings_without_text_stays_as_paragraphs():
    prose = "The story goes on, as stories do, for a good many words, at least enough to fill a page or so. "
    text = f"Contents\nChapter 1\nChapter 2\nChapter 3\n\nChapter 1\n{prose}\nChapter 2\n{prose}\nChapter 3\n{prose}"
    found = chapters(text)
    assert [c[:2] for c in found] == [("Chapter 1", ""), ("Chapter 2", ""), ("Chapter 3", "")]
    assert block_texts(parse(text).front_matter[0].blocks) == ["Contents", "Chapter 1", "Chapter 2", "Chapter 3"]


@pytest.mark.parametrize("divider", ["***", "* * *", "~~~", "-----", "#", "===", "-" * 72])
def test_scene_breaks(divider):
    blocks = parse(f"Before.\n{divider}\nAfter.").chapters[0].blocks
    assert [type(b) for b in blocks] == [Paragraph, SceneBreak, Paragraph]


def test_scene_breaks_never_open_close_or_double():
    blocks = parse("***\nBefore.\n***\n* * *\nAfter.\n***").chapters[0].blocks
    assert [type(b) for b in blocks] == [Paragraph, SceneBreak, Paragraph]


def test_front_matter_labels_alone_on_their_lines():
    parsed = parse((FIXTURES / "front-matter-and-chapters.txt").read_text())
    assert block_texts(parsed.metadata.description)[0].startswith("A retired cartographer")
    assert len(parsed.metadata.description) == 2
    (note,) = parsed.front_notes
    assert note.label == "Author’s Notes"
    assert block_texts(note.blocks) == [
        "Thank you for reading! This started as a drabble and got out of hand.",
        "Comments are always welcome.",
    ]
    assert [(c.label, c.title) for c in parsed.chapters] == [
        ("Chapter 1", "The Hallway"), ("Chapter 2", "The Room Upstairs"), ("Chapter 3", "")]


@pytest.mark.parametrize(
    "top, title, authors",
    [
        pytest.param("Title: Night Train\nAuthor: A. Writer\n\n", "Night Train", ("A. Writer",), id="fields"),
        pytest.param("title: Night Train\n  AUTHOR:  A. Writer & B. Writer\n\n", "Night Train",
                     ("A. Writer", "B. Writer"), id="case, indent, two authors"),
        pytest.param("Night Train\nby A. Writer\n\n", "Night Train", ("A. Writer",), id="title then by-line"),
        pytest.param("# Night Train\n\nby A. Writer\n\n", "Night Train", ("A. Writer",), id="markdown title"),
        pytest.param("# **Night Train**\n\nby A. Writer\n\n", "Night Train", ("A. Writer",), id="markdown title in bold"),
        pytest.param("---\ntitle: Night Train\nauthor: A. Writer\ntags: [trains, night]\n---\n", "Night Train",
                     ("A. Writer",), id="yaml"),
        pytest.param("---\ntitle: Night Train\nsubtitle:  by A. Writer and B. Writer\n---\n", "Night Train",
                     ("A. Writer", "B. Writer"), id="yaml byline as a subtitle"),
        pytest.param("# Night Train\n\n#### Historia creada por A. Writer\n\n", "Night Train", ("A. Writer",),
                     id="a byline set as a small heading, in Spanish"),
        pytest.param("《红楼梦》曹雪芹\n\n", "红楼梦", ("曹雪芹",), id="a Chinese title in its marks, then the author"),
        pytest.param("Федор Михайлович Достоевский\n\nБедные люди\n\n", "Бедные люди", ("Федор Михайлович Достоевский",),
                     id="a Russian name with its patronymic over the title"),
        pytest.param("Alessandro Manzoni\nI promessi sposi\n\n", "I promessi sposi", ("Alessandro Manzoni",),
                     id="the author over a title in sentence case, as Italian editions set it"),
        pytest.param("Bolesław Prus\n\n\nLalka\n\n\n", "Lalka", ("Bolesław Prus",), id="a one-word title under the author"),
        pytest.param("DẾ MÈN PHIÊU LƯU KÝ\n(Tác giả: TÔ HOÀI )\n\n", "Dế Mèn Phiêu Lưu Ký", ("Tô Hoài",),
                     id="a Vietnamese author label in brackets"),
        pytest.param("Röda rummet\n\nFörfattare: August Strindberg\n\n", "Röda rummet", ("August Strindberg",),
                     id="a Swedish author label"),
        pytest.param("", "", (), id="none"),
    ],
)
def test_title_and_author(top, title, authors):
    parsed = parse(top + "The story begins here, on a platform.\nIt ends on another.")
    assert (parsed.metadata.title, parsed.metadata.authors) == (title, authors)
    assert block_texts(parsed.chapters[0].blocks)[0] == "The story begins here, on a platform."


def test_a_by_line_that_is_a_sentence_is_story():
    parsed = parse("He waited\nby the river, as he always did.\nThen he left.")
    assert parsed.metadata.authors == ()
    assert len(block_texts(parsed.chapters[0].blocks)) == 3


def test_counts_in_front_matter_are_not_trusted_and_unknown_fields_are_kept():
    parsed = parse("Words: 90000\nFandom: Cartography\nRating: T\n\nStory text.")
    assert parsed.metadata.fandoms == ("Cartography",) and parsed.metadata.extra == ()
    assert parsed.metadata.rating == "T"


def test_front_matter_only_is_read_as_story_rather_than_lost():
    parsed = parse("Summary: just a summary")
    assert block_texts(parsed.chapters[0].blocks) == ["Summary: just a summary"]


@pytest.mark.parametrize("text", ["", "\n\n", "   \t \n"])
def test_empty_text_is_an_error(text):
    with pytest.raises(ParseError, match="empty"):
        parse(text)


def test_a_markdown_list_is_a_list_of_items():
    from ebookify.model import ListBlock, inline_text
    from ebookify.options import Settings

    text = ("Visit for:\n\n- the text\n- a *fine* PDF,\n  printed\n\n- and podcasts\n\n3. third\n4. fourth\n\n"
            "A paragraph:\n- that goes on.\n")
    blocks = parse(text, Settings(markdown=True)).chapters[0].blocks
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert [([inline_text(i) for i in b.items], b.ordered, b.start) for b in lists] == [
        (["the text", "a fine PDF, printed", "and podcasts"], False, 1), (["third", "fourth"], True, 3)]
    assert not isinstance(blocks[-1], ListBlock) and "that goes on." in block_texts(blocks)[-1]  # a line of text first


def test_dashes_opening_lines_of_a_plain_text_are_no_list():
    blocks = parse("- Who is there?\n- Nobody.\n\n- Then go.\n").chapters[0].blocks
    assert all(isinstance(b, Paragraph) for b in blocks)


def test_a_multimarkdown_header_keeps_indented_values_and_leaves_out_its_settings():
    text = ("latex input:\t\tmmd-header\nTitle:\t\t\tThe Salt Road\nAuthor:\t\t\tOdile Quill\n"
            "Address:\t\t5 Harbour Lane\n\t\t\t\tPort Anselm\nWordcount:\t\t1200\nBase Header Level:\t2\n"
            "Quotes Language:\tenglish\n\n\n# One\n\nThe story begins here, on a platform.\n")
    parsed = parse(text)
    meta = parsed.metadata
    assert (meta.title, meta.authors) == ("The Salt Road", ("Odile Quill",))
    assert meta.extra == (("Address", "5 Harbour Lane Port Anselm"), ("Wordcount", "1200"))
    assert parsed.front_matter == () and block_texts(parsed.chapters[0].blocks) == ["The story begins here, on a platform."]


def test_a_sites_switches_records_links_and_addresses_are_not_facts_of_the_book():
    parsed = parse("---\ntitle: Night Train\npublished: true\ncategory: night-train\nprevious_chapter:\nnext_chapter: 2\n"
                   "chapter:\n  number: 1\nmood: grey\ncategories: Ghost Stories\npubdate: 2023-07-17\n---\n\nThe story begins here, on a platform.\n")
    assert (parsed.metadata.published, parsed.metadata.extra) == ("", (("Mood", "grey"), ("Categories", "Ghost Stories"), ("Pubdate", "2023-07-17")))


def test_pages_of_a_series_joined_are_named_by_it_and_their_order_is_no_place_in_a_series():
    page = "---\ntitle: \"The {name}\"\nseries: [\"Night Trains\"]\nseries_order: {n}\n---\n\nThe story begins here, day {n}.\n\n"
    text = page.format(name="Platform", n=1) + page.format(name="Tunnel", n=2)
    book = convert(text.encode(), Options(source_name="trains.md")).book
    assert (book.metadata.title, book.metadata.series_index, book.metadata.extra) == ("Night Trains", "", ())
    assert [c.title for c in book.chapters] == ["The Platform", "The Tunnel"]


def test_a_static_sites_settings_are_not_facts_of_the_book():
    parsed = parse("---\ntitle: Night Train\nlayout: layout.njk\norder: 1\ndraft: false\nseries: Trains\n"
                   "series_weight: 2\nmood: grey\n---\n\nThe story begins here, on a platform.\n")
    assert parsed.metadata.extra == (("Mood", "grey"),)
    assert (parsed.metadata.series, parsed.metadata.series_index) == ("Trains", "2")


def test_a_dedication_set_smaller_than_the_chapters_is_front_matter_not_a_part():
    parsed = parse("# Night Train\n\n#### For my sister.\n\n## Chapter 1\n\nThe story begins here, on a platform.\n\n"
                   "## Chapter 2\n\nIt ends on another.\n", Settings(markdown=True))
    assert [(c.label, c.part) for c in parsed.chapters] == [("Chapter 1", ""), ("Chapter 2", "")]
    assert block_texts(parsed.front_matter[0].blocks) == ["For my sister."]


def test_a_letters_greeting_is_no_author_over_a_title():
    parsed = parse("Dear John\nI miss you\n\nThe story begins here, on a platform.\nIt ends on another.")
    assert (parsed.metadata.title, parsed.metadata.authors) == ("", ())


def test_a_stated_licence_fills_the_rights_shown_in_the_books_language():
    meta = parse("Title: Night Train\nLicense: CC BY 4.0\n\nThe story begins here, on a platform.\n").metadata
    assert (meta.rights, meta.extra) == ("CC BY 4.0", ())


PRESS = "Printed and bound by Lamplight Press, a small house in the old quarter"


def test_a_paragraph_a_page_broke_is_joined_again():
    """Text copied out of a PDF, paragraphs each a long line two blank lines apart: a page's end
    splits a paragraph on a line that stops short of a sentence's end, over one that goes on in
    small letters."""
    long = ("The lift was full, and the crowd pressed itself against the mirrored walls as though the "
            "woman in the purple coat carried something catching, clinging to the edges,")
    rest = [f"Paragraph {n} of the story goes on at the length a paragraph has in a novel, well past any "
            "width a file would be wrapped at, and ends as a sentence does." for n in range(6)]
    text = "\n\n\n".join(rest[:3] + [f"{long}\navoiding any touch at all.",
                                     "She smiled; that was the point of it all, after all these years.\nnobody spoke.",
                                     f"{long}\n-broken off by a dash.", f"{PRESS}\nhttps://example.org/lamplight"]
                          + rest[3:])
    texts = block_texts(parse(text).chapters[0].blocks)
    assert texts[3:9] == [f"{long} avoiding any touch at all.", "She smiled; that was the point of it all, after all these years.",
                          "nobody spoke.", f"{long}-broken off by a dash.", PRESS, "https://example.org/lamplight"]


def test_a_list_typed_in_plain_text_is_a_list():
    """A web page dumped as text: "* " opens each item, its wrapped lines under it."""
    text = ("The site offers:\n\n   * Easy notification by e-mail and a feed for new\n   chapters;\n"
            "   * The author's notes;\n   * Fan art.\n\n- Dialogue opens with a dash in many languages,\n- and so do replies.")
    blocks = parse(text).chapters[0].blocks
    lists = [b for b in blocks if type(b).__name__ == "ListBlock"]
    assert len(lists) == 1 and [inline_text(item) for item in lists[0].items] == [
        "Easy notification by e-mail and a feed for new chapters;", "The author's notes;", "Fan art."]


def test_a_line_between_angle_marks_is_centred_text_not_a_quotation():
    """Fountain (screenplays) centres "> THE END <"; an e-mail's "> " lines stay a quotation."""
    blocks = parse("Some text of the screenplay goes on here for a while.\n\n> _THE END_ <\n\n"
                   "> A quoted line of an e-mail.\n> And another.\n\nMore text.").chapters[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph", "BlockQuote", "Paragraph"]
    assert block_texts(blocks)[1] == "THE END"
