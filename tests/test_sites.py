"""Headers as sites, downloaders and people write them: title, author and chapters exact on each.

Every text here was written for these tests; none is copied from a site."""

import pytest

from ebookify.model import Subheading, block_texts
from ebookify.options import Settings
from ebookify.reading.parse import parse

P1 = "The ferry left at dawn, and Ada watched the harbour lights go out one by one behind her."
P2 = "By noon the island was a grey line on the water, and the gulls had given up following."
P3 = "She opened the letter only when the engines slowed, and read it twice before she believed it."


def body(*titles):
    return "\n\n".join(f"{t}\n\n{P1}\n\n{P2}" for t in titles)


def chapters_of(parsed):
    return [" ".join(x for x in (c.label, c.title) if x) for c in parsed.chapters]


CASES = [
    pytest.param(f"The Salt Road\n\nby Wren Ashby\n\n{body('Chapter 1', 'Chapter 2')}",
                 "The Salt Road", ["Wren Ashby"], ["Chapter 1", "Chapter 2"], id="title over by"),
    pytest.param(f"The Salt Road\nBy: Wren Ashby\n\n{body('Chapter 1', 'Chapter 2')}",
                 "The Salt Road", ["Wren Ashby"], ["Chapter 1", "Chapter 2"], id="FFN By: line"),
    pytest.param(f"Lanterns Over Kell\n\nAuthor: Tomas Reyne\n\n{P1}\n\n{P2}",
                 "Lanterns Over Kell", ["Tomas Reyne"], [""], id="title over Author: label"),
    pytest.param(f"Lanterns Over Kell\nWritten by Tomas Reyne\n\n{P1}",
                 "Lanterns Over Kell", ["Tomas Reyne"], [""], id="written by"),
    pytest.param(f"# Lanterns Over Kell\n\nWritten by Tomas Reyne.\n\n{P1}",
                 "Lanterns Over Kell", ["Tomas Reyne"], [""], id="written by, a full stop after the name"),
    pytest.param(f"La Maison du Phare\n\npar Claire Vasseur\n\n{body('Chapitre 1', 'Chapitre 2')}",
                 "La Maison du Phare", ["Claire Vasseur"], ["Chapitre 1", "Chapitre 2"], id="French par"),
    pytest.param(f"Titre : La Maison du Phare\nAuteur : Claire Vasseur\nRésumé : Une île, un phare, un secret.\n\n"
                 f"{body('Chapitre 1', 'Chapitre 2')}",
                 "La Maison du Phare", ["Claire Vasseur"], ["Chapitre 1", "Chapitre 2"], id="French labels"),
    pytest.param(f"Das Haus am Fluss\nvon Jana Keller\n\n{body('Kapitel 1', 'Kapitel 2')}",
                 "Das Haus am Fluss", ["Jana Keller"], ["Kapitel 1", "Kapitel 2"], id="German von"),
    pytest.param(f"Titel: Das Haus am Fluss\nAutorin: Jana Keller\nZusammenfassung: Ein Sommer am Wasser.\n\n"
                 f"{body('Kapitel 1')}", "Das Haus am Fluss", ["Jana Keller"], ["Kapitel 1"], id="German labels"),
    pytest.param(f"La casa del río\npor Lucía Ferrer\n\n{body('Capítulo 1', 'Capítulo 2')}",
                 "La casa del río", ["Lucía Ferrer"], ["Capítulo 1", "Capítulo 2"], id="Spanish por"),
    pytest.param(f"Título: La casa del río\nAutora: Lucía Ferrer\nResumen: Un verano junto al agua.\n\n{body('Capítulo 1')}",
                 "La casa del río", ["Lucía Ferrer"], ["Capítulo 1"], id="Spanish labels"),
    pytest.param(f"La casa sul fiume\ndi Marta Bellini\n\n{body('Capitolo 1', 'Capitolo 2')}",
                 "La casa sul fiume", ["Marta Bellini"], ["Capitolo 1", "Capitolo 2"], id="Italian di"),
    pytest.param(f"Titolo: La casa sul fiume\nAutrice: Marta Bellini\n\n{body('Capitolo 1')}",
                 "La casa sul fiume", ["Marta Bellini"], ["Capitolo 1"], id="Italian labels"),
    pytest.param(f"A casa do rio\npor João Mendes\n\n{body('Capítulo 1')}",
                 "A casa do rio", ["João Mendes"], ["Capítulo 1"], id="Portuguese por"),
    pytest.param(f"Título: A casa do rio\nAutor: João Mendes\nSinopse: Um verão.\n\n{body('Capítulo 1')}",
                 "A casa do rio", ["João Mendes"], ["Capítulo 1"], id="Portuguese labels"),
    pytest.param(f"Het huis aan de rivier\ndoor Sanne de Vries\n\n{body('Hoofdstuk 1', 'Hoofdstuk 2')}",
                 "Het huis aan de rivier", ["Sanne de Vries"], ["Hoofdstuk 1", "Hoofdstuk 2"], id="Dutch door"),
    pytest.param(f"Titel: Het huis aan de rivier\nAuteur: Sanne de Vries\nSamenvatting: Een zomer.\n\n{body('Hoofdstuk 1')}",
                 "Het huis aan de rivier", ["Sanne de Vries"], ["Hoofdstuk 1"], id="Dutch labels"),
    pytest.param(f"Dom nad rzeką\nautor: Anna Nowak\n\n{P1}\n\n{P2}",
                 "Dom nad rzeką", ["Anna Nowak"], [""], id="Polish autor:"),
    pytest.param(f"Dom nad rzeką\nNapisane przez Anna Nowak\n\n{body('Rozdział 1', 'Rozdział 2')}",
                 "Dom nad rzeką", ["Anna Nowak"], ["Rozdział 1", "Rozdział 2"], id="Polish chapters"),
    pytest.param(f'"The Salt Road"\nby Wren Ashby\n\n{P1}', "The Salt Road", ["Wren Ashby"], [""],
                 id="title in quotes"),
    pytest.param(f"**The Salt Road**\n*by Wren Ashby*\n\n{body('Chapter 1')}", "The Salt Road", ["Wren Ashby"],
                 ["Chapter 1"], id="bold title, italic byline"),
    pytest.param(f"The Salt Road by Wren Ashby\n\n{body('Chapter 1', 'Chapter 2')}", "The Salt Road",
                 ["Wren Ashby"], ["Chapter 1", "Chapter 2"], id="title by name on one line"),
    pytest.param(f"Stand by Me\n\n{body('Chapter 1')}", "Stand by Me", [], ["Chapter 1"],
                 id="a title over the first heading, 'by' in it"),
    pytest.param(f"**Title:** The Salt Road\n**Author:** Wren Ashby\n\n{body('Chapter 1')}", "The Salt Road",
                 ["Wren Ashby"], ["Chapter 1"], id="bold labels"),
    pytest.param(f"A/N: read the tags first!\n\nThe Salt Road\nby Wren Ashby\n\n{body('Chapter 1')}",
                 "The Salt Road", ["Wren Ashby"], ["Chapter 1"], id="title under a leading note"),
    pytest.param(f"Tytuł: Dom nad rzeką\nAutor: Anna Nowak\nOpis: Lato nad wodą.\n\n{P1}",
                 "Dom nad rzeką", ["Anna Nowak"], [""], id="Polish labels"),
    pytest.param(f"Дом у реки\nавтор: Мария Соколова\n\n{body('Глава 1', 'Глава 2')}",
                 "Дом у реки", ["Мария Соколова"], ["Глава 1", "Глава 2"], id="Russian автор:"),
    pytest.param(f"Название: Дом у реки\nАвтор: Мария Соколова\nФэндом: Ориджинал\nРейтинг: PG-13\n"
                 f"Описание: Лето у воды.\n\n{body('Глава 1')}",
                 "Дом у реки", ["Мария Соколова"], ["Глава 1"], id="Russian ficbook labels"),
    pytest.param(f"# The Glass Orchard\n\n*A winter tale*\n\n## Chapter 1\n\n{P1}\n\n## Chapter 2\n\n{P2}",
                 "The Glass Orchard", [], ["Chapter 1", "Chapter 2"], id="markdown title over ## chapters"),
    pytest.param(f"# The Glass Orchard\n\n{body('Chapter 1', 'Chapter 2')}",
                 "The Glass Orchard", [], ["Chapter 1", "Chapter 2"], id="markdown title over Chapter lines"),
    pytest.param(f"# The Glass Orchard\n\n{P1}\n\n{P2}", "The Glass Orchard", [], [""], id="markdown title, no chapters"),
    pytest.param(f"The Salt Road\r\n\r\nby Wren Ashby\r\n\r\nChapter 1\r\n\r\n{P1}\r\n", "The Salt Road",
                 ["Wren Ashby"], ["Chapter 1"], id="CRLF"),
    pytest.param(f"  The Salt Road  \n\n\n   by   Wren Ashby\n\n\n\n{body('Chapter One', 'Chapter Two')}",
                 "The Salt Road", ["Wren Ashby"], ["Chapter One", "Chapter Two"], id="loose spacing"),
    pytest.param(f"Moth and Ember\nby Kit Harlow & Jude Penn\n\n{P1}", "Moth and Ember", ["Kit Harlow", "Jude Penn"],
                 [""], id="two authors"),
    pytest.param(f"The Lantern Keeper's Daughter\n\n{P1}\n\n{P2}", "The Lantern Keeper's Daughter", [], [""],
                 id="a title in title case alone over the story"),
    pytest.param(f"A Song for the Drowned Bells\n\n\n{P1}\n\n{P2}", "A Song for the Drowned Bells", [], [""],
                 id="a title alone, two blank lines"),
    pytest.param(body("# The Mill by the River", "# The Market Road", "# The Lantern Festival"), "", [],
                 ["The Mill by the River", "The Market Road", "The Lantern Festival"],
                 id="equal headings over prose are chapters, the first no title"),
    pytest.param(f"---\ntitle: The Long Con\n---\n\n{body('### THE PLAN', '### THE JOB')}", "The Long Con", [],
                 ["THE PLAN", "THE JOB"], id="the first heading under a stated title is a chapter's"),
    pytest.param(f"# Chapter One\n## The Boy Who Stayed Home\n\n{P1}\n\n{P2}", "", [],
                 ["Chapter One The Boy Who Stayed Home"], id="a label over a deeper heading is one heading, no author"),
    pytest.param(f"# LANTERNFALL\n\n*Tales of the Harbour*\n\n---\n\nUn romanzo di Rina Castellano\n\n---\n\n"
                 f"{body('# Capitolo 1', '# Capitolo 2')}", "Lanternfall", ["Rina Castellano"], ["Capitolo 1", "Capitolo 2"],
                 id="a heading over its subtitle and byline alone is the title page"),
    pytest.param(f"**Disclaimer: I own nothing but the plot.**\n\n**Thanks to my beta, who reads everything twice.**\n\n"
                 f"**The Salt Road**\n\n**By WREN42**\n\n{body('Chapter 1', 'Chapter 2')}", "The Salt Road", ["WREN42"],
                 ["Chapter 1", "Chapter 2"], id="title and byline under a disclaimer and thanks, a user name kept"),
]


@pytest.mark.parametrize("first", [
    pytest.param("London, 1888", id="a dateline"),
    pytest.param("The rain had not stopped for days", id="a line of prose without its full stop"),
    pytest.param("Run!", id="a cry"),
    pytest.param("Harbour", id="one word"),
    pytest.param("Monday 3 March", id="a diary's first date"),
])
def test_a_first_line_that_is_not_a_title_stays_story(first):
    parsed = parse(f"{first}\n\n{P1}\n\n{P2}")
    assert parsed.metadata.title == ""
    assert block_texts(parsed.chapters[0].blocks)[0] == first


def test_a_title_alone_over_the_story_is_not_repeated_in_it():
    parsed = parse(f"The Lantern Keeper's Daughter\n\n{P1}\n\n{P2}")
    assert block_texts(parsed.chapters[0].blocks) == [P1, P2]


@pytest.mark.parametrize("text, title, authors, chapters", CASES)
def test_header_forms(text, title, authors, chapters):
    parsed = parse(text.replace("\r\n", "\n"))
    assert parsed.metadata.title == title
    assert list(parsed.metadata.authors) == authors
    assert chapters_of(parsed) == chapters


def test_a_markdown_subtitle_is_the_subtitle():
    parsed = parse(f"# The Glass Orchard\n*A winter tale*\n\n## One\n\n{P1}")
    assert parsed.metadata.subtitle == "A winter tale"


@pytest.mark.parametrize("line", ["*March 802, Port Selwyn*", "*June, 782 UC, Phezzan Dominion*", "_London, 1888_"])
def test_a_dateline_under_the_title_opens_the_story_and_is_no_subtitle(line):
    """An AO3 chapter's dateline had gone to the title page and out of the chapter."""
    parsed = parse(f"# The Quiet Harbour\n\n{line}\n\n{P1}\n\n{P2}\n")
    assert parsed.metadata.subtitle == "" and block_texts(parsed.chapters[0].blocks)[0] == line.strip("*_")


FFN = f"""Harbour Lights

By: quillandkettle

Ada crosses the water to find the sister she lost. Rated for language.

Rated: Fiction T - English - Drama/Hurt/Comfort - Ada L., Mira L. - Chapters: 2 - Words: 4,512 - Reviews: 9 - Favs: 3 - Follows: 5 - Updated: 6/14/2021 - Published: 5/2/2021 - Status: Complete - id: 13579246

{body('Chapter 1: The Crossing', 'Chapter 2: The Island')}
"""


def test_fanfiction_net_header():
    parsed = parse(FFN)
    meta = parsed.metadata
    assert (meta.title, meta.authors) == ("Harbour Lights", ("quillandkettle",))
    assert block_texts(meta.description) == ["Ada crosses the water to find the sister she lost. Rated for language."]
    assert (meta.rating, meta.language, meta.status) == ("T", "English", "complete")
    assert meta.tags == ("Drama", "Hurt/Comfort") and meta.characters == ("Ada L.", "Mira L.")
    assert (meta.published, meta.updated) == ("5/2/2021", "6/14/2021")
    assert chapters_of(parsed) == ["Chapter 1 The Crossing", "Chapter 2 The Island"]


AO3_WORK = f"""Rating:
    General Audiences
Archive Warning:
    No Archive Warnings Apply
Category:
    Gen
Fandom:
    Original Work
Characters:
    Ada Lorne, Mira Lorne
Additional Tags:
    Sisters, Islands
Language:
    English
Stats:
    Published: 2022-04-01 Completed: 2022-04-20 Words: 3,210 Chapters: 2/2 Comments: 4 Kudos: 51 Bookmarks: 2 Hits: 640

The Lighthouse Sisters
wrenfeather

Summary:

Two sisters, one lighthouse, a winter of letters.

Notes:

Written for a prompt exchange.

(See the end of the work for more notes.)

Chapter 1: Arrival

Chapter Text

{P1}

{P2}

Chapter 2: Departure

Chapter Text

{P3}

Notes:

Thank you for reading!
"""


def test_ao3_work_page_copy():
    parsed = parse(AO3_WORK)
    meta = parsed.metadata
    assert (meta.title, meta.authors) == ("The Lighthouse Sisters", ("wrenfeather",))
    assert meta.rating == "General Audiences" and meta.warnings == ("No Archive Warnings Apply",)
    assert meta.tags == ("Sisters", "Islands") and meta.status == "complete"
    assert block_texts(meta.description) == ["Two sisters, one lighthouse, a winter of letters."]
    assert [block_texts(n.blocks) for n in parsed.front_notes] == [
        ["Written for a prompt exchange.", "(See the end of the work for more notes.)"]]
    assert chapters_of(parsed) == ["Chapter 1 Arrival", "Chapter 2 Departure"]
    assert block_texts(parsed.chapters[0].blocks) == [P1, P2]
    last = parsed.chapters[1]
    assert block_texts(last.blocks) == [P3] and block_texts(last.notes[0].blocks) == ["Thank you for reading!"]


AO3_ONESHOT = f"""The Quiet Hour
mossandmarrow

Summary:

A night shift at a small library.

Work Text:

{P1}

{P2}
"""


def test_ao3_one_shot_with_work_text():
    parsed = parse(AO3_ONESHOT)
    assert (parsed.metadata.title, parsed.metadata.authors) == ("The Quiet Hour", ("mossandmarrow",))
    assert chapters_of(parsed) == [""] and block_texts(parsed.chapters[0].blocks) == [P1, P2]


FANFICFARE = f"""


Moonwake

by Inkwell Tern



Category: Original Fiction, Something With A Rather Long Fandom Name That Wraps
Onto The Next Line
Genre: Adventure
Status: In-Progress
Published: 2020-01-01
Updated: 2020-02-02
Rating: K+
Chapters: 2
Words: 2,000
Publisher: www.example.net
Story URL: https://www.example.net/s/42
Summary: A short summary that is long enough to wrap onto a second line when it
is exported by the downloader.




TABLE OF CONTENTS


A Very Long First Chapter Title That The Downloader Wraps Because It Is Long

The Second One




        A Very Long First Chapter Title That The Downloader Wraps Because It
Is Long


### Chapter 1

chapter URL:https://www.example.net/s/42/1

Timestamp:2020-01-01 00:00:00

{P1}

* * *

{P2}




        The Second One


### Chapter 2

chapter URL:https://www.example.net/s/42/2

Timestamp:2020-01-01 00:00:00

{P3}




End file.
"""


def test_fanficfare_export():
    parsed = parse(FANFICFARE)
    meta = parsed.metadata
    assert (meta.title, meta.authors, meta.status) == ("Moonwake", ("Inkwell Tern",), "in-progress")
    assert ("Category", "Original Fiction, Something With A Rather Long Fandom Name That Wraps Onto The Next Line") \
        in meta.extra
    assert block_texts(meta.description) == [
        "A short summary that is long enough to wrap onto a second line when it is exported by the downloader."]
    assert chapters_of(parsed) == [
        "A Very Long First Chapter Title That The Downloader Wraps Because It Is Long", "The Second One"]
    first = parsed.chapters[0]
    assert first.blocks[0] == Subheading("Chapter 1") and block_texts(first.blocks) == ["Chapter 1", P1, P2]
    assert block_texts(parsed.chapters[1].blocks) == ["Chapter 2", P3]


ROYAL_ROAD = f"""Chapter 1: The Gate

A note from Quillfeather

Thanks for reading! New chapters every Friday.

{P1}

{P2}

A note from Quillfeather

Leave a comment if you spot a typo.

Chapter 2: The Wall

{P3}
"""


def test_royal_road_notes():
    parsed = parse(ROYAL_ROAD)
    first = parsed.chapters[0]
    assert block_texts(first.blocks) == [P1, P2]
    assert [n.label for n in first.notes] == ["A note from Quillfeather"] * 2
    assert chapters_of(parsed) == ["Chapter 1 The Gate", "Chapter 2 The Wall"]


def ao3_download(stats_chapters: str, *chapters: str) -> str:
    """A made-up AO3 download copied out as text (its PDF through a converter): the header's cells
    spaced wide, paragraphs two blank lines apart, each chapter's title alone over a wider gap."""
    header = ("The Lantern Keeper\nPosted originally on the Archive of Our Own at https://archiveofourown.org/works/1234.\n\n\n"
              "Rating:        General Audiences\n"
              "Archive Warning:        No Archive Warnings Apply Category:        Gen\n"
              "Fandom:        Original Work\n"
              f"Stats:        Published: 2021-03-01 Completed: 2021-04-01 Words: 900 Chapters: {stats_chapters}\n\n\n\n"
              "Summary\n\n\nThe Lantern Keeper\nby Ivo Marsh\n\n\n\n\n\n"
              "A keeper, a storm, and a light that must not go out.\n\n\nThe second paragraph of the summary.\n\n\n")
    return header + "\n\n\n".join(chapters)


def chapter(title: str, notes: str = "") -> str:
    return f"{title}\n\n\n\n{notes}{P1}\n\n\n{P2}\n\n\n{P3}"


def test_an_ao3_download_copy_is_read_whole():
    parsed = parse(ao3_download("3/3", chapter("The First Night"),
                                chapter("Salt and Iron", "Chapter Notes\n\n\n\n\nThanks to my beta reader.\n\n\n\n"),
                                chapter("What the Tide Left", "Chapter Summary\n\n\nIn which the storm ends.\n\n\n"
                                                              "Chapter Notes\n\n\nSee the end of the chapter for notes\n\n\n\n")))
    meta = parsed.metadata
    assert (meta.title, meta.authors, meta.source_url) == ("The Lantern Keeper", ("Ivo Marsh",), "https://archiveofourown.org/works/1234")
    assert meta.description and block_texts(meta.description) == [
        "A keeper, a storm, and a light that must not go out.", "The second paragraph of the summary."]
    assert (meta.warnings, dict(meta.extra)["Category"]) == (("No Archive Warnings Apply",), "Gen")  # two cells on one line
    assert chapters_of(parsed) == ["The First Night", "Salt and Iron", "What the Tide Left"]
    assert [block_texts(c.blocks) for c in parsed.chapters] == [[P1, P2, P3]] * 3
    assert [[(n.label, block_texts(n.blocks)) for n in c.notes] for c in parsed.chapters] == [
        [], [("Chapter Notes", ["Thanks to my beta reader."])],
        [("Chapter Summary", ["In which the storm ends."]), ("Chapter Notes", ["See the end of the chapter for notes"])]]


def test_titles_alone_count_only_when_they_make_up_the_header_s_count():
    text = ao3_download("4/4", chapter("The First Night"), chapter("Salt and Iron"), chapter("What the Tide Left"))
    parsed = parse(text)
    assert len(parsed.chapters) == 1 and "The First Night" in block_texts(parsed.chapters[0].blocks)


def test_the_last_line_over_ao3_s_chapter_end_notes_is_no_title():
    ending = f"{P1}\n\n\n{P2}\n\n\nAnd the light stayed on\n\n\n\nChapter End Notes\n\n\nMore soon!"
    parsed = parse(ao3_download("2/2", chapter("The First Night"), f"Salt and Iron\n\n\n\n{ending}"))
    assert chapters_of(parsed) == ["The First Night", "Salt and Iron"]
    assert block_texts(parsed.chapters[1].blocks)[-1] == "And the light stayed on"
    assert [n.label for n in parsed.chapters[1].notes] == ["Chapter End Notes"]


STORY = [f"{sentence} ({n})" for n in range(1, 5) for sentence in (P1, P2, P3)]  # twelve paragraphs


def ao3_html_copy(*chapters: str, stated: int = 3) -> str:
    """A made-up AO3 download (its HTML) as text: "Preface", each label alone over its value, the
    title and "by" line again, a summary of two paragraphs, the work's notes ending on AO3's pointer;
    everything one blank line apart, as in the story."""
    header = ("Preface\n\nThe Lantern Keeper\nPosted originally on the Archive of Our Own at http://archiveofourown.org/works/1234.\n\n"
              "Rating:\nGeneral Audiences\nFandom:\nOriginal Work\nStats:\n"
              f"Published: 2021-03-01 Words: 2000 Chapters: {stated}/{stated}\n\n"
              "The Lantern Keeper\n\nby Ivo Marsh\n\nSummary\n\nA keeper, a storm, and a light.\n\nThree soldiers, one house.\n\n"
              "Notes\n\nThe title is from a song.\n\nSee the end of the work for more notes\n\n")
    ending = "\n\nAfterword\n\nEnd Notes\n\nThank you for reading.\n"
    return header + "\n\n".join(chapters) + ending


def html_chapter(title: str, notes: str = "", end_notes: str = "") -> str:
    return "\n\n".join([title] + ([f"Chapter Notes\n\n{notes}"] if notes else []) + STORY
                       + ([f"Chapter End Notes\n\n{end_notes}"] if end_notes else []))


def test_an_ao3_html_download_as_text_is_read_once_with_its_chapters():
    """It was one chapter under the file's name, and the whole story was in the book twice."""
    parsed = parse(ao3_html_copy(html_chapter("Oil and Wick", "See the end of the chapter for notes", "Next one soon"),
                                 html_chapter("The Moth"),  # no notes: its title only follows the end notes above
                                 html_chapter("Where the Light Goes", "Thanks to my beta reader.")))
    meta = parsed.metadata
    assert (meta.title, meta.authors) == ("The Lantern Keeper", ("Ivo Marsh",))
    assert block_texts(meta.description) == ["A keeper, a storm, and a light.", "Three soldiers, one house."]
    assert [block_texts(n.blocks) for n in parsed.front_notes] == [["The title is from a song.", "See the end of the work for more notes"]]
    assert chapters_of(parsed)[:3] == ["Oil and Wick", "The Moth", "Where the Light Goes"]
    assert [block_texts(c.blocks) for c in parsed.chapters[:3]] == [STORY] * 3
    assert [[block_texts(n.blocks) for n in c.notes] for c in parsed.chapters[:3]] == [
        [["See the end of the chapter for notes"], ["Next one soon"]], [], [["Thanks to my beta reader."]]]
    assert not any(block_texts(s.blocks) for s in parsed.front_matter)


def test_ao3_end_notes_stop_at_a_title_over_the_story_that_follows():
    """Where the titles do not make up the header's count, the story after the end notes stays story."""
    parsed = parse(ao3_html_copy(html_chapter("Oil and Wick", "Thanks to my beta reader.", "Next one soon"),
                                 html_chapter("The Moth"), stated=4))
    notes = [text for c in parsed.chapters for n in c.notes for text in block_texts(n.blocks)]
    story = [text for c in parsed.chapters for text in block_texts(c.blocks)]
    assert "Next one soon" in notes and not set(STORY) & set(notes)
    assert story.count(STORY[0]) == 2 and "The Moth" in story


def test_text_before_an_afterword_is_the_story_not_front_matter():
    parsed = parse(f"{P1}\n\n{P2}\n\n{P3}\n\nAfterword\n\nThank you for reading, all of you, to the very end.\n")
    assert block_texts(parsed.chapters[0].blocks) == [P1, P2, P3] and not parsed.front_matter


@pytest.mark.parametrize("first, description, story", [
    pytest.param("Chapter 1: The Gate", [P1, P2, P3], []),
    pytest.param("Chapter 2: The Gate", [P1], [P2, P3]),  # the story may have begun above a chapter 2
])
def test_a_synopsis_of_several_paragraphs_runs_to_the_heading_that_opens_the_story(first, description, story):
    """A web novel's blurb is several short paragraphs under 'Synopsis:'; only the first was read."""
    parsed = parse(f"The Quiet Heir\nAuthor: Lin Wei\n\nSynopsis:\n{P1}\n\n{P2}\n\n{P3}\n\n{first}\n\n{P1}\n\n{P2}\n")
    assert block_texts(parsed.metadata.description) == description
    assert [t for c in parsed.chapters for t in block_texts(c.blocks)][:len(story)] == story


def test_a_sites_chapter_heading_over_the_authors_own_in_other_words_is_one_chapter():
    """FanFiction.Net through an e-book and back to Markdown: the site's "# Chapter 2: Fox vs Crow",
    the story's title in bold, the author's "Ch. 2: The Fox versus the Crow": one chapter, not an
    empty one and the real one; the author's heading stays as a line of it."""
    text = f"# Chapter 2: Fox vs Crow\n\n**The Seventh Lantern**\n\nCh. 2: The Fox versus the Crow\n\n{P1}\n\n{P2}\n\n{P3}\n"
    chapters = parse(text, Settings(markdown=True)).chapters
    assert [(c.label, c.title) for c in chapters] == [("Chapter 2", "Fox vs Crow")]
    assert block_texts(chapters[0].blocks)[-4:] == ["Ch. 2: The Fox versus the Crow", P1, P2, P3]


def test_deeper_markdown_headings_after_a_chapters_text_are_its_sections():
    """A Chinese fan fiction's afterword, "## 作者的碎碎念" and a paragraph, then "### 关于阿周那" and
    four more: its sections, not five chapters among the story's. A keyword stays a chapter."""
    text = (f"# The Tide\n\n## 1\n\n{P1}\n\n## 2\n\n{P2}\n\n## Afterword\n\n{P3}\n\n### About the hero\n\n{P1}\n\n"
            f"### About the sea\n\n{P2}\n")
    chapters = parse(text, Settings(markdown=True)).chapters
    assert [c.title or c.label for c in chapters] == ["1", "2", "Afterword"]
    assert [b.text for b in chapters[2].blocks if isinstance(b, Subheading)] == ["About the hero", "About the sea"]
    parts = parse(f"## Part One\n\n{P1}\n\n### Chapter 1\n\n{P2}\n\n### Chapter 2\n\n{P3}\n", Settings(markdown=True))
    assert [c.label for c in parts.chapters][-2:] == ["Chapter 1", "Chapter 2"]


def test_a_wide_gap_under_a_markdown_heading_is_no_text_of_its_own():
    """"# Fish Out of Water", three blank lines, "## Gift From the Skies": a part over its chapters,
    not one chapter with the rest as its sections (the gap read as a scene break was its "text")."""
    chapter = f"{P1}\n\n{P2}\n\n{P3}"
    text = f"---\ntitle: The Sea\n---\n\n# The Tide\n\n\n\n## The Ferry\n\n{chapter}\n\n## The Harbour\n\n{chapter}\n\n## The Island\n\n{chapter}\n"
    chapters = parse(text, Settings(markdown=True)).chapters
    assert [(c.part, c.title) for c in chapters] == [("The Tide", "The Ferry"), ("The Tide", "The Harbour"),
                                                      ("The Tide", "The Island")]


def test_an_opening_scene_under_the_summary_is_the_story_not_front_matter():
    """A fan fiction's untitled opening (people speaking in it) between its summary and "Day One"
    had gone to a front-matter page, out of the contents."""
    scene = "\n\n".join([P1, '"Who is there?" she asked.', P2, '"Only the wind," said the ferryman.', P3, P1])
    parsed = parse(f"# The Tide\n\nSummary:\n\nA ferry, a letter.\n\n---\n\n{scene}\n\n## Day One\n\n{P2}\n\n## Day Two\n\n{P3}\n",
                   Settings(markdown=True))
    assert not parsed.front_matter and len(parsed.chapters) == 3
    assert block_texts(parsed.chapters[0].blocks)[1] == '"Who is there?" she asked.'  # (typeset later)
    preface = parse(f"The Tide\n\nFor my mother, who loved the sea.\n\nChapter 1\n\n{P1}\n\nChapter 2\n\n{P2}\n")
    assert preface.front_matter and len(preface.chapters) == 2  # a dedication stays the front matter


def test_a_story_above_its_only_heading_near_the_end_is_the_story():
    """One '## Rambling:' after the whole story: the story had been read as front matter above the
    heading that opens it, and the thank-you as the book's one chapter."""
    text = f"# Lanterns\n\n{P1}\n\n{P2}\n\n{P3}\n\n## Rambling:\n\nThanks for reading, all of you!\n"
    parsed = parse(text, Settings(markdown=True))
    assert not parsed.front_matter and block_texts(parsed.chapters[0].blocks) == [P1, P2, P3]


def test_a_chinese_txt_sites_notice_gives_way_to_the_title_and_its_numbered_parts_are_chapters():
    """A download site's notice atop the book, 《荒原狼》 under it, the memoir cut into
    "哈里·哈勒尔自传(1)", "(2)" …: the title was the file name's, the book one chapter."""
    line = "他每天晚上都要爬上那二百一十二级台阶，灯总是已经亮着，他从来不知道是谁点的灯。"
    parts = "".join(f"守塔人自述({n})\n\n    {line}\n\n    {line}\n\n" for n in range(1, 5))
    text = f"声明:本书由某某书网(www.example.com)自网络收集整理制作,仅供交流学习使用\n\n\n《灯塔》\n\n\n{parts}"
    parsed = parse(text)
    assert parsed.metadata.title == "灯塔"
    assert [c.label for c in parsed.chapters] == [f"守塔人自述({n})" for n in range(1, 5)]


def test_a_heading_that_reads_as_a_label_under_front_matter_that_named_the_book_is_a_heading():
    """A site's pages, each tale under "## Title: The Quiet Archive": the first was read as the book's
    title field, which the YAML had set, and its words were lost."""
    text = f"---\ntitle: Random Tales\n---\n\n## Title: The Quiet Archive\n\n{P1}\n\n## Title: The Second Tale\n\n{P2}\n"
    parsed = parse(text, Settings(markdown=True))
    assert parsed.metadata.title == "Random Tales"
    assert [c.title for c in parsed.chapters] == ["Title: The Quiet Archive", "Title: The Second Tale"]
