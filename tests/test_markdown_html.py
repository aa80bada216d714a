"""A Markdown story with HTML in it (exported from a site, pasted from a page's source) reads as
a Markdown renderer shows it; code and things that only look like tags stay as typed. Every text
here was written for these tests."""

import pytest

from ebookify.model import Emphasis, SceneBreak, Strong, block_texts
from ebookify.options import Settings
from ebookify.reading.parse import parse
from ebookify.reading.rawhtml import without_html

MARKDOWN = Settings(markdown=True)
P1 = "The ferry left at dawn, and Ada watched the harbour lights go out one by one behind her."
P2 = "By noon the island was a grey line on the water, and the gulls had given up following."


def story(text: str):
    return parse(f"# Chapter 1: Dawn\n\n{text}\n", MARKDOWN).chapters[0].blocks


def test_paragraph_tags_make_paragraphs_and_nothing_of_them_shows():
    blocks = story(f"<p>\n{P1}\n</p><p>\n{P2}\n</p><p>\n</p>")
    assert block_texts(blocks) == [P1, P2]


def test_emphasis_tags_are_emphasis():
    (paragraph,) = story("She said <i>never</i>, and he heard <b>always</b>.")
    kinds = [type(i) for i in paragraph.inlines]
    assert Emphasis in kinds and Strong in kinds
    assert block_texts((paragraph,)) == ["She said never, and he heard always."]


def test_a_rule_is_a_scene_break_and_a_comment_is_gone_with_its_line():
    blocks = story(f"{P1}\n\n<hr><!--chapters 1-3 of the first version-->\n\n{P2}\n\n<!-- more -->\n\n{P1}")
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "SceneBreak", "Paragraph", "Paragraph"]
    assert "chapters 1-3" not in " ".join(block_texts(blocks)) and isinstance(blocks[1], SceneBreak)


def test_a_pages_script_and_style_are_code_no_renderer_shows():
    blocks = story(f"{P1}\n\n<script setup>\nimport {{ useData }} from 'vitepress'\n</script>\n\n"
                   f"<style>\n.crane {{ color: red }}\n</style>\n\n{P2}")
    assert block_texts(blocks) == [P1, P2]


def test_a_static_sites_heading_shows_the_front_matters_title():
    """VitePress writes "# {{ $frontmatter.title }}" for the page's title: the front matter's."""
    text = f"---\ntitle: \"Chapter One: Before the Dream\"\n---\n\n# {{{{ $frontmatter.title }}}}\n\n{P1}\n\n{P2}\n"
    chapters = parse(text, MARKDOWN).chapters
    assert [(c.label, c.title) for c in chapters] == [("Chapter One", "Before the Dream")]


def test_front_matter_yaml_refuses_is_read_a_field_a_line():
    """"POV: Bram (ID: 2)" is no YAML (a mapping inside a value), but it is how people write it."""
    text = (f"---\nlayout: post\ntitle: 1.2 - Welcome\nPOV: Bram (ID: 2)\ncategories:\n  - Isekai\n  - Comedy\n---\n"
            f"# Point of View: Bram\n\n{P1}\n\n{P2}\n")
    parsed = parse(text, MARKDOWN)
    assert parsed.metadata.title == "1.2 - Welcome"
    assert [c.title or c.label for c in parsed.chapters] == ["Point of View: Bram"]
    assert "layout" not in " ".join(block_texts(parsed.chapters[0].blocks))


def test_pandocs_epub_metadata_reads_as_pandoc_reads_it():
    """pandoc's typed titles and creators, its "lang" and "abstract", and its build settings,
    which name files for pandoc and nothing for a reader."""
    text = ("---\ntitle:\n- type: main\n  text: The Harbour\n- type: subtitle\n  text: A Winter at Sea\n"
            "creator:\n- role: author\n  text: Wren Ashby\nlang: en-AU\nabstract: |\n  A ferry, a winter.\n"
            "rights: © 2015 Wren Ashby\nstylesheet: styles.css\ncover-image: cover.jpg\ngeometry: margin=1in\n...\n\n"
            f"# Dawn\n\n{P1}\n\n# Noon\n\n{P2}\n")
    meta = parse(text, MARKDOWN).metadata
    assert (meta.title, meta.subtitle, meta.authors, meta.language) == ("The Harbour", "A Winter at Sea", ("Wren Ashby",), "en-AU")
    assert block_texts(meta.description) == ["A ferry, a winter."]
    assert (meta.rights, meta.extra) == ("© 2015 Wren Ashby", ())  # the build settings are not shown


def test_a_list_of_authors_as_names_under_a_key_reads_as_the_names():
    text = f"---\ntitle: The Harbour\nauthor:\n  - name: Wren Ashby\n    affiliation: Port Selwyn\n  - name: Ada Lane\n---\n\n{P1}\n"
    assert parse(text, MARKDOWN).metadata.authors == ("Wren Ashby", "Ada Lane")


def test_a_heading_whose_level_heads_later_stretches_too_is_no_title_over_the_first_heading():
    """A serial's days ("# Day 300-01-01" over "## Morning", then "# Day 300-01-02") are its parts,
    the first no more the book's title than the second; a "#" line once, over "##" chapters, is."""
    days = "".join(f"# The {day} Day\n\n## Morning\n\n{P1}\n\n## Night\n\n{P2}\n\n" for day in ("First", "Second"))
    parsed = parse(days, MARKDOWN)
    assert parsed.metadata.title == "" and [c.part for c in parsed.chapters] == ["The First Day"] * 2 + ["The Second Day"] * 2
    once = parse(f"# The Tide\n\n## Morning\n\n{P1}\n\n## Night\n\n{P2}\n", MARKDOWN)
    assert once.metadata.title == "The Tide"


def test_the_files_one_heading_of_its_level_right_under_the_title_is_its_subtitle():
    parsed = parse(f"# The Tide\n## A Winter Tale\n\n### Chapter 3: Dav\n\n{P1}\n\n{P2}\n", MARKDOWN)
    assert (parsed.metadata.title, parsed.metadata.subtitle) == ("The Tide", "A Winter Tale")
    assert [(c.part, c.label) for c in parsed.chapters] == [("", "Chapter 3")]
    chapter = parse(f"# The Tide\n## Chapter 1\n\n{P1}\n\n{P2}\n", MARKDOWN)
    assert chapter.metadata.subtitle == "" and [c.label for c in chapter.chapters] == ["Chapter 1"]


def test_a_break_at_the_end_of_every_line_leaves_the_lines():
    blocks = story("Belgaria, in the year 851<br/>\nIt was still cold in the north.<br/>\nThe walls were wet.<br/>")
    assert "<br" not in " ".join(block_texts(blocks))
    assert " ".join(block_texts(blocks)).split() == "Belgaria, in the year 851 It was still cold in the north. The walls were wet.".split()


def test_a_link_keeps_its_text_and_a_panel_its_words():
    text = ('<div class="panel">\nFirst posted on a forum: <a href="\nhttps://example.org/s/1\n">\nThe Ferry\n</a>\n</div>'
            f"\n\n{P1} See [the map](https://example.org/map.png).")
    words = " ".join(block_texts(story(text)))
    assert "First posted on a forum:" in words and "The Ferry" in words and "See the map." in words
    assert "href" not in words and "example.org" not in words


@pytest.mark.parametrize("typed", ["I <3 you", "<sigh> fine", "mail <ada@example.org>", "a `<br>` tag", "x < y > z"])
def test_what_is_not_an_html_element_stays_as_typed(typed):
    assert without_html(typed) == typed


def test_code_keeps_its_tags():
    assert without_html("```\n<p>kept</p>\n```\n") == "```\n<p>kept</p>\n```\n"


def test_tildes_within_lines_open_no_code_and_the_tags_between_them_are_read():
    """"I'm back~~~" and, pages later, "Masssterr~~~": a story's tildes; the <br/> between them
    are line ends, never shown as typed. A fence that opens its line is code still."""
    text = "I'm back~~~ <br/>\nShe waved. <br/>\n<br/>\n\"Masssterr~~~\" <br/>\n"
    assert "<br" not in without_html(text) and "back~~~" in without_html(text)
    assert without_html("~~~\n<p>kept</p>\n~~~\n") == "~~~\n<p>kept</p>\n~~~\n"


def test_a_heading_over_nothing_opens_the_next_chapter_instead_of_vanishing():
    parsed = parse(f"# Dawn\n\n#### A Note on Names\n#### The Crossing\n\n{P1}\n", MARKDOWN)
    assert block_texts(parsed.chapters[0].blocks) == ["A Note on Names", P1]
    assert len(parsed.chapters) == 1 and parsed.chapters[0].title == "The Crossing"


def test_a_plain_text_story_keeps_its_angle_brackets():
    parsed = parse(f"{P1} <i>as typed</i>\n\n{P2}\n")
    assert "<i>as typed</i>" in block_texts(parsed.chapters[0].blocks)[0]


def test_a_long_marked_heading_is_a_heading():
    prompt = ("[WP] You wake up with twenty skill points to spend again, and this time you put every one of them "
              "into luck. The world does not know what to do with you.")
    parsed = parse(f"Last updated: 2016-06-10\n\n#### {prompt}\n\n{P1}\n\n#### [WP] A second prompt\n\n{P2}\n", MARKDOWN)
    assert [c.title for c in parsed.chapters] == [prompt, "[WP] A second prompt"]
    assert parsed.metadata.title == "", "a dated field over the first heading is no title"


def test_a_line_that_is_only_a_link_named_like_a_heading_stays_a_link():
    """The list of a serial's other parts at the end of one: "PART II" there is no heading."""
    parsed = parse(f"# Chapter 1: Dawn\n\n{P1}\n\n[PART II](https://example.org/part-2)\n\n"
                   f"[PART III](https://example.org/part-3)\n", MARKDOWN)
    assert len(parsed.chapters) == 1
    assert block_texts(parsed.chapters[0].blocks)[1:] == ["[PART II](https://example.org/part-2)",
                                                          "[PART III](https://example.org/part-3)"]


def test_pages_of_a_site_joined_into_one_file_are_its_chapters():
    """Each page keeps its front matter ("---" / "title: Chapter 2" / "layout: …" / "---"): each
    title is a chapter, and the book is named by the collection, not by the first page's title."""
    page = lambda n, text: f"---\ntitle: Chapter {n}\nlayout: standard\nauthor: Ada Quill\ncollection: The Ferry\n---\n\n{text}\n\n"
    parsed = parse(page(1, P1) + page(2, P2) + page(3, P1), MARKDOWN)
    assert [c.label for c in parsed.chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]
    assert (parsed.metadata.title, parsed.metadata.authors) == ("The Ferry", ("Ada Quill",))
    assert "layout" not in " ".join(t for c in parsed.chapters for t in block_texts(c.blocks))


@pytest.mark.parametrize("pages, title, chapters", [
    pytest.param([("Title: Dah Makan?\nnovel: the-long-ferry\norder: 1", P1), ("Title: Kawan Je\nnovel: the-long-ferry", P2)],
                 "The Long Ferry", ["Dah Makan?", "Kawan Je"], id="Jekyll's Title: key, the novel's slug"),
    pytest.param([("title: The Ferry\nlayout: list\nimports:\n  - /components/Index.ts", "A blurb."),
                  ("title: \"Chapter 1: Dawn\"\naliases:\n  - /book/ferry/1", P1), ("title: \"Chapter 2: Dusk\"", P2)],
                 "The Ferry", ["Dawn", "Dusk"], id="an index page over its chapters, lists in the front matter"),
    pytest.param([("title: Hope\ncollection: FanFiction", "A blurb."), ("title: Hope - Paris\ncollection: FanFiction", P1),
                  ("title: Hope - Normandy\ncollection: FanFiction", P2)],
                 "Hope", ["Hope - Paris", "Hope - Normandy"], id="the site's section is not the book; the shared start is"),
    pytest.param([("title: 第一章\nnovelTitle: 渡船\nid: Ch-1", "# {{ frontmatter.title }}\n\n" + P1),
                  ("title: 第二章\nnovelTitle: 渡船\nid: Ch-2", "# {{ frontmatter.title }}\n\n" + P2)],
                 "渡船", ["第一章", "第二章"], id="VitePress: novelTitle, each page's own title in its template heading"),
])
def test_the_front_matter_of_each_joined_page_names_its_chapter_and_the_book(pages, title, chapters):
    text = "".join(f"---\n{fields}\n---\n\n{body}\n\n" for fields, body in pages)
    parsed = parse(text, MARKDOWN)
    assert parsed.metadata.title == title
    assert [c.title or c.label for c in parsed.chapters] == chapters
    shown = " ".join(t for c in parsed.chapters for t in block_texts(c.blocks))
    assert "{{" not in shown and "Title:" not in shown and "aliases" not in shown


def test_a_translations_credits_set_as_headings_are_no_chapters_and_leave_the_title_its_own():
    """A translated web novel's page: "### The Sword Princess Volume 1 Chapter 4" over "####
    Translators: Sky" and "#### Editor: Dark, Omega": the credits stay as lines of the page."""
    text = f"### The Sword Princess Volume 1 Chapter 4\n#### Translators: Sky\n#### Editor: Dark, Omega\n\n{P1}\n\n{P2}\n"
    parsed = parse(text, MARKDOWN)
    assert parsed.metadata.title == "The Sword Princess Volume 1 Chapter 4"
    assert len(parsed.chapters) == 1 and parsed.chapters[0].title == ""
    shown = [t for s in parsed.front_matter for t in block_texts(s.blocks)] + block_texts(parsed.chapters[0].blocks)
    assert "Translators: Sky" in shown and "Editor: Dark, Omega" in shown


@pytest.mark.parametrize("heads, title, chapters", [
    pytest.param(["Hope - Paris", "Hope - Normandy", "Hope - Calais"], "Hope", ["Paris", "Normandy", "Calais"],
                 id="the story's name before each chapter's own"),
    pytest.param(["渡船：夜会", "渡船：あくむ", "渡船：記憶"], "渡船", ["夜会", "あくむ", "記憶"], id="with a full-width colon"),
    pytest.param(["Dawn: Rain", "Dusk: Snow", "Dawn: Fog"], "", ["Dawn: Rain", "Dusk: Snow", "Dawn: Fog"],
                 id="no name shared by all"),
])
def test_a_name_every_chapter_title_opens_with_is_the_books(heads, title, chapters):
    text = "".join(f"# {head}\n\n{P1}\n\n{P2}\n\n" for head in heads)
    parsed = parse(text, MARKDOWN)
    assert (parsed.metadata.title, [c.title or c.label for c in parsed.chapters]) == (title, chapters)


def test_pandoc_markdown_reads_as_pandoc_writes_it():
    """A title block closed with "...", escaped apostrophes in headings, a break of 72 dashes."""
    text = ("---\ntitle: The Ferry\nauthor: Ada Quill\nlanguage: en-US\n...\n\n"
            f"# Chapter 1: Ada\\'s Crossing\n\n{P1}\n\n{'-' * 72}\n\n{P2}\n\n# Chapter 2: The Gulls\\' Island\n\n{P1}\n")
    parsed = parse(text, MARKDOWN)
    assert (parsed.metadata.title, parsed.metadata.authors) == ("The Ferry", ("Ada Quill",))
    assert [c.title for c in parsed.chapters] == ["Ada's Crossing", "The Gulls' Island"]
    assert [type(b).__name__ for b in parsed.chapters[0].blocks] == ["Paragraph", "SceneBreak", "Paragraph"]


def test_an_ao3_work_exported_to_markdown():
    """AO3's labels set as headings by an exporter ("## Summary", "## Chapter End Notes") are its
    summary and notes, not chapters; the work's address under the byline is its source."""
    text = (f"# The Ferry\n\nby quillfeather\n\nhttp://archiveofourown.org/works/123\n\n## Summary\n\n{P2}\n\n\n"
            f"# Dawn Crossing\n\n{P1}\n\n## Chapter End Notes\n\nThanks for reading!\n\nMore next week.\n\n\n\n"
            f"# The Island\n\n{P2}\n")
    parsed = parse(text, MARKDOWN)
    meta = parsed.metadata
    assert (meta.title, meta.authors, meta.source_url) == ("The Ferry", ("quillfeather",), "http://archiveofourown.org/works/123")
    assert block_texts(meta.description) == [P2]
    assert [c.title for c in parsed.chapters] == ["Dawn Crossing", "The Island"]
    assert [block_texts(n.blocks) for n in parsed.chapters[0].notes] == [["Thanks for reading!", "More next week."]]
    assert block_texts(parsed.chapters[0].blocks) == [P1]


def test_an_image_leaves_its_description_or_nothing():
    text = "![](https://example.org/banner.png)\n\nThe gull ![a gull](https://example.org/g.png) flew.\n"
    assert without_html(text) == "\n\nThe gull a gull flew.\n"


def test_an_image_described_by_its_file_name_leaves_nothing():
    """An editor's placeholder ("![00-01.png](../img/00-01.png)", <img alt="map.jpg">): no words of the story."""
    text = '![00-01.png](../img/00-01.png)\n\nThe gull <img src="g.png" alt="gull_2.JPG"> flew ![a gull](g.png).\n'
    assert without_html(text) == "\n\nThe gull  flew a gull.\n"


def test_an_image_keeps_its_caption_after_its_description():
    """The title a page shows over a picture is the writer's caption: a paragraph of its own under
    the description when the image stands alone, in brackets after it in a line of text."""
    text = '![A wagon at the border](img/a.png "Does not look like much yet.")\n\nThe gull ![a gull](g.png "ours") flew.\n'
    assert without_html(text) == "A wagon at the border\n\nDoes not look like much yet.\n\nThe gull a gull (ours) flew.\n"
    assert without_html('See [the map](m.html "a tooltip").') == "See the map."  # a link's title is no caption


def test_a_headings_empty_link_to_a_styling_hook_leaves_no_line():
    """A Reddit export's "######[](#dropcap)": no heading, no scene break, nothing a reader sees."""
    assert without_html("Score: 12\n\n######[](#dropcap)  \nI sat on a bench.\n") == "Score: 12\n\n\nI sat on a bench.\n"


def test_html_in_the_front_matters_values_leaves_the_front_matter_whole():
    """A Gatsby site's story: its summary is the story's opening in the site's own HTML, in YAML
    with a blank line before the closing "---". The HTML split the YAML, so the front matter was
    printed as the story's first lines, and the opening paragraphs came twice."""
    story = ("---\ntitle: The Quiet Archive\nauthors:\n    - Ann Wade\ndescription: The lamps were lit. <p>The ferry waited."
             "</p><p>Nobody came.</p>\nshortdescription: The lamps were lit. <p>The ferry ...</p>\ncategory: FICTION\n"
             "cover: cover.jpg\npath: \"/the-quiet-archive\"\ndate: \"2021-11-17T00:01:00.000Z\"\n\n---\n\nThe lamps were lit.\n\nThe ferry waited.\n\n"
             "Nobody came.\n\nIn the morning the river was high and the ferry was gone.\n")
    parsed = parse(story, Settings(markdown=True))
    assert (parsed.metadata.title, parsed.metadata.authors) == ("The Quiet Archive", ("Ann Wade",))
    assert block_texts(parsed.metadata.description) == ["The lamps were lit.", "The ferry waited.", "Nobody came."]
    assert block_texts(parsed.chapters[0].blocks) == ["The lamps were lit.", "The ferry waited.", "Nobody came.",
                                                      "In the morning the river was high and the ferry was gone."]
    assert dict(parsed.metadata.extra) == {"Category": "FICTION"}
    assert parsed.metadata.published == "2021-11-17"  # the post's date, its day (it was shown as typed, under "Date")
