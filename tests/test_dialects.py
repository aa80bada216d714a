"""Markdown as writers and converters type it: what the page showed decides the story's shape."""

from ebookify import Options, convert
from ebookify.model import Paragraph, SceneBreak, Subheading, block_texts
from ebookify.options import Settings
from ebookify.reading.parse import parse

PROSE = "The wind came down from the hills and rattled every shutter in the lane, all night long."
MARKDOWN = Settings(markdown=True)


def read(text: str):
    return parse(text, MARKDOWN)


def test_a_heading_without_a_space_after_its_marks_is_a_heading():
    book = read(f"#The Long Road\n\n##Chapter 1: Dream\n\n{PROSE}\n\n##Chapter 2\n\n{PROSE}\n")
    assert book.metadata.title == "The Long Road"
    assert [(c.label, c.title) for c in book.chapters] == [("Chapter 1", "Dream"), ("Chapter 2", "")]


def test_a_serials_link_to_its_next_page_is_not_a_heading():
    chapters = read(f"# Chapter 4\n\n{PROSE}\n\n#####[Chapter 5](https://example.org/5)\n").chapters
    assert [c.label for c in chapters] == ["Chapter 4"]
    assert block_texts(chapters[0].blocks)[-1].endswith("Chapter 5")


def test_a_hashtag_in_plain_text_is_not_a_heading():
    chapters = parse(f"{PROSE}\n\n#Chapter 2\n\n{PROSE}\n").chapters
    assert len(chapters) == 1 and "#Chapter 2" in block_texts(chapters[0].blocks)


def test_escaped_section_numbers_and_rules_are_sections_and_breaks():
    text = "".join(f"{n}\\.\n\n{PROSE}\n\n\\-\\-\\-\n\n{PROSE}\n\n" for n in range(1, 5))
    chapters = read(text).chapters
    assert [c.label for c in chapters] == ["1", "2", "3", "4"]
    assert [type(b) for b in chapters[0].blocks] == [Paragraph, SceneBreak, Paragraph]


def test_an_escape_inside_a_sentence_stays_an_escape():
    chapters = read(f"{PROSE}\n\n1\\. is what she wrote, and then \\-\\- nothing.\n").chapters
    assert block_texts(chapters[0].blocks)[-1] == "1. is what she wrote, and then -- nothing."


def test_a_centred_byline_names_the_author():
    book = read(f"# Reunion\n->By Togetic Anon<-\n\n## Chapter 1\n\n{PROSE}\n\n## Chapter 2\n\n{PROSE}\n")
    assert book.metadata.authors == ("Togetic Anon",)


def test_rentrys_marks_are_its_markup_not_the_storys_text():
    """Its contents mark ("[TOC2]") shows the page's own contents; "->…->" sets a line right,
    "*->…<-*" centres an emphasised one: none of the marks is a word of the story."""
    book = read(f"# Reunion\n*-> A Pokémon Story <-*\n-> By Togetic Anon <-\n\n[TOC2]\n\n## Chapter 1\n\n"
                f"-> (Music: Amp Plains) ->\n\n{PROSE}\n\n-> * * * <-\n\n{PROSE}\n\n## Chapter 2\n\n{PROSE}\n")
    texts = [t for c in book.chapters for t in block_texts(c.blocks)]
    assert texts[:2] == ["(Music: Amp Plains)", PROSE] and not any("TOC" in t or "->" in t or "<-" in t for t in texts)
    assert isinstance(book.chapters[0].blocks[2], SceneBreak)
    assert book.metadata.authors == ("Togetic Anon",)


def test_empty_export_labels_leave_neither_markup_nor_a_break():
    text = f"### Chapter 1: Act I\n\n#### Chapter Summary\n\n\n\n#### Chapter Notes\n\n\n\n{PROSE}\n\n{PROSE}\n"
    chapter = read(text).chapters[0]
    assert block_texts(chapter.blocks) == [PROSE, PROSE]
    assert chapter.notes == ()


def test_an_export_label_over_text_is_a_note():
    text = f"### Chapter 1: Act I\n\n#### Chapter Summary\n\nThe ford rises.\n\n\n{PROSE}\n\n{PROSE}\n"
    chapter = read(text).chapters[0]
    assert block_texts(chapter.blocks) == [PROSE, PROSE]
    assert [(n.label, block_texts(n.blocks)) for n in chapter.notes] == [("Chapter Summary", ["The ford rises."])]


def test_a_markdown_file_is_read_as_shown_end_to_end():
    text = "".join(f"{n}\\.\n\n{PROSE}\n\n\\-\\-\\-\n\n{PROSE}\n\n" for n in range(1, 4))
    assert convert(text.encode(), Options(source_name="s.md", cover=False)).chapters == 3


def test_code_is_kept_as_typed():
    text = f"{PROSE}\n\n```\n#include <stdio.h>\n1\\.\n```\n\n{PROSE}\n"
    blocks = read(text).chapters[0].blocks
    assert [b.text for b in blocks if hasattr(b, "text")] == ["#include <stdio.h>\n1\\."]


def test_a_line_of_attributes_for_a_site_is_not_text():
    blocks = read(f"{PROSE}\n\n\\* \\* \\*\n{{ .center }}\n\n{PROSE}\n").chapters[0].blocks
    assert [type(b) for b in blocks] == [Paragraph, SceneBreak, Paragraph]


def test_pandocs_title_block_names_the_book_and_a_headings_attributes_go():
    parsed = read(f"% The Lamp and the Gull: Book 1\n% Wren Tallow; Ola Finch\n% 2019-05-02\n\n"
                  f"# Credits {{.unnumbered}}\n\n{PROSE}\n\n# The Keeper {{#keeper}}\n\n{PROSE}\n")
    meta = parsed.metadata
    assert (meta.title, meta.authors) == ("The Lamp and the Gull: Book 1", ("Wren Tallow", "Ola Finch"))
    assert [c.title for c in parsed.chapters] == ["Credits", "The Keeper"]
    assert all("%" not in text for c in parsed.chapters for text in block_texts(c.blocks))
    trace = dict(parsed.trace)
    assert "Credits" in trace[5] and "The Keeper" in trace[9]  # the lines keep their numbers



def test_a_backslash_ending_a_line_is_a_line_break_not_a_character():
    parsed = read(f"# Credits\n\nEdited by Sam Reed \\\nCover by Ola Finch\n\n{PROSE}\n")
    assert block_texts(parsed.chapters[0].blocks)[0] == "Edited by Sam Reed Cover by Ola Finch"


def test_the_first_line_of_a_dateline_in_emphasis_is_no_heading():
    dateline = "***July 16, 1943\\\nBlack Manor\\\n9:33 PM***"
    opening = "\n\n".join([PROSE] * 6)
    parsed = read("\n\n".join(f"Chapter {n}: Night\n\n{opening}\n\n***August {n}, 1942***\n\n{PROSE}\n\n{dateline}\n\n{PROSE}"
                                for n in (1, 2, 3)))
    headings = [b.text for c in parsed.chapters for b in c.blocks if isinstance(b, Subheading)]
    assert headings == [f"August {n}, 1942" for n in (1, 2, 3)]


def test_a_note_label_with_an_escaped_apostrophe_is_a_note():
    """pandoc writes 'Author\\'s Endnote': the escape hid the label, and the note was story."""
    chapters = read(f"# Chapter 1\n\n{PROSE}\n\n{PROSE}\n\n**Author\\'s Endnote:**\n\n**Thank you for reading!**\n\n"
                    f"# Chapter 2\n\n{PROSE}\n").chapters
    assert block_texts(chapters[0].blocks) == [PROSE, PROSE]
    assert [block_texts(n.blocks) for n in chapters[0].notes] == [["Thank you for reading!"]]


def test_a_heading_over_deeper_headings_is_their_part():
    """'## Harbour Songs' straight over '### The Net Mender': it was a paragraph at the end of the chapter before."""
    book = read(f"# Songs of the Shore\n\n## Harbour Songs\n\n### The Net Mender\n\n{PROSE}\n\n### Low Tide\n\n{PROSE}\n\n"
                f"## The Long Voyage\n\n### 1\n\n{PROSE}\n\n### 2\n\n{PROSE}\n")
    assert [(c.part, c.title or c.label) for c in book.chapters] == [
        ("Harbour Songs", "The Net Mender"), ("Harbour Songs", "Low Tide"), ("The Long Voyage", "1"), ("The Long Voyage", "2")]
    assert all(block_texts(c.blocks) == [PROSE] for c in book.chapters)


def test_a_line_underlined_with_equals_or_dashes_is_a_heading():
    """Setext headings, as CommonMark sets them: "=====" under a title, "-----" under a chapter's.
    They were scene breaks under paragraphs, and the book had the file name for its title."""
    book = read(f"The Long Road\n=============\n\nThe First Day\n-------------\n\n{PROSE}\n\n"
                f"The Second Day\n--\n\n{PROSE}\n\n* * *\n\n{PROSE}\n")
    assert book.metadata.title == "The Long Road"
    assert [c.title for c in book.chapters] == ["The First Day", "The Second Day"]
    assert [type(b) for b in book.chapters[1].blocks] == [Paragraph, SceneBreak, Paragraph]


def test_a_rule_under_a_blank_line_a_list_or_yaml_stays_what_it_is():
    book = read(f"---\ntitle: The Long Road\nauthor: Ann Wade\n---\n\n# Chapter 1\n\n{PROSE}\n\n---\n\n{PROSE}\n\n"
                f"- a list item\n---\n\n{PROSE}\n")
    assert (book.metadata.title, book.metadata.authors) == ("The Long Road", ("Ann Wade",))
    assert [c.label for c in book.chapters] == ["Chapter 1"]
    assert sum(isinstance(b, SceneBreak) for b in book.chapters[0].blocks) == 2


def test_a_heading_level_few_use_inside_a_collections_stories_is_a_heading_in_its_story():
    """A prompt collection's "####" stories, one of which shows a "wall of text" under its own "#":
    that one level-one heading is the story's, not a part holding every story after it."""
    stories = [f"#### [WP] Prompt number {n}\n\n{PROSE}\n\n" for n in range(1, 13)]
    stories[5] += f"# VERSION 2.0 UPDATE INFORMATION\n\n{PROSE}\n\n"
    book = read("".join(stories))
    assert [c.title for c in book.chapters] == [f"[WP] Prompt number {n}" for n in range(1, 13)]
    assert "VERSION 2.0 UPDATE INFORMATION" in block_texts(book.chapters[5].blocks)


def test_one_short_heading_written_again_and_again_is_a_mark_inside_the_chapters():
    """A manuscript's "### meanwhile ###" between every two scenes, under its chapters' "# Maj,
    1979 #": not 95 chapters named "meanwhile" (closed ATX marks read as a frame, a family of
    framed titles), the real chapters made parts over them. (Its "### scenbrytning ###", Swedish
    for scene break, is a divider: test_structure.)"""
    chapters = ["Maj, 1979", "Lammet på kontoret", "September 1979"]
    text = "".join(f"# {title} #\n\n### meanwhile ###\n\n{PROSE}\n\n### meanwhile ###\n\n{PROSE}\n\n"
                   for title in chapters)
    book = read(text)
    assert [c.title for c in book.chapters] == chapters
    assert all(c.part == "" for c in book.chapters)
    assert "meanwhile" in " ".join(block_texts(book.chapters[0].blocks))


def test_a_scenes_heading_under_a_chapters_is_a_section_under_an_acts_a_chapter():
    """ "# Chapter 1" / "## Scene 1": the writer's scenes inside the chapter; "# Act I" / "## Scene 1":
    a play's scenes, its chapters, under the act."""
    novel = "".join(f"# Chapter {n}\n\n{PROSE}\n\n## Scene 1\n\n{PROSE}\n\n## Scene 2\n\n{PROSE}\n\n" for n in (1, 2))
    chapters = parse(novel, Settings(markdown=True)).chapters
    assert [c.label for c in chapters] == ["Chapter 1", "Chapter 2"]
    assert [type(b) for b in chapters[0].blocks].count(Subheading) == 2
    play = "".join(f"# Act {n}\n\n## Scene 1\n\n{PROSE}\n\n## Scene 2\n\n{PROSE}\n\n" for n in ("I", "II"))
    assert [c.label for c in parse(play, Settings(markdown=True)).chapters] == ["Scene 1", "Scene 2"] * 2
