"""Reading books the way their editions are laid out (issue 11): contents lists, heading families,
front matter, every Project Gutenberg generation, title pages. Every text here is written for
these tests; the last test holds the shared samples against their truth.json when they are there.
"""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ebookify import Options, convert
from ebookify.model import Subheading, Text, block_texts
from ebookify.options import Settings
from ebookify.reading.contents import find_contents, key
from ebookify.reading.labels import BY_WORDS
from ebookify.reading.parse import FRONT_TITLE, parse
from ebookify.reading.titlecase import name_case, title_case

from conftest import spine_pages, SAMPLES, unzip

P = ("The lamps along the quay were lit one by one, and the water under them took each light and broke "
     "it into pieces that drifted out towards the dark.")
Q = "Nobody on the boat said a word about the letter, though every one of them had read it twice."


def chapters(text):
    return [(c.label, c.title) for c in parse(text).chapters]


def headings_text(text):
    return [c.title or c.label for c in parse(text).chapters]


# Contents lists -----------------------------------------------------------------------------------

COLLECTION = f"""THE HARBOUR BOOK

By Ida Marsh



CONTENTS:

     THE LAMPLIGHTER
     A NIGHT ON THE QUAY
     HOW THE FERRY WAS LOST




THE LAMPLIGHTER

{P}

    SING A SONG OF TAR AND ROPE

{Q}


A NIGHT ON THE QUAY

{P}


HOW THE FERRY WAS LOST

{Q}
"""


def test_bare_titles_in_capitals_are_headings_when_the_contents_list_names_them():
    parsed = parse(COLLECTION)
    assert [c.title for c in parsed.chapters] == ["THE LAMPLIGHTER", "A NIGHT ON THE QUAY", "HOW THE FERRY WAS LOST"]
    assert "SING A SONG OF TAR AND ROPE" in block_texts(parsed.chapters[0].blocks)  # not listed: text
    front = " ".join(block_texts(parsed.front_matter[0].blocks))  # the list: one block, its line breaks kept
    assert "CONTENTS:" in front and "THE LAMPLIGHTER" in front


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_numbered_titles_in_small_letters_are_the_tales_of_a_collection(gap):
    """The German Grimm: "1. Der Froschkönig oder der eiserne Heinrich", ~200 tales, no contents list;
    the file may keep no blank lines at all."""
    titles = ["Der Müller und die Katze", "Die drei Brüder", "Der goldene Schlüssel", "Das Waldhaus", "Die kluge Magd",
              "Der Fischer", "Sechse kommen durch die Welt", "Die Rübe", "В лесу"]  # (one opening with a one-letter word)
    text = "".join(f"{n}. {title}{gap}{P}{gap}{Q}{gap}" for n, title in enumerate(titles, 1))
    assert [(c.label, c.title) for c in parse(text).chapters] == [(str(n), t) for n, t in enumerate(titles, 1)]


def test_a_title_pages_words_that_read_as_numerals_are_not_chapters():
    """I promessi sposi: "I" (the article) over "PROMESSI SPOSI", "DI" (by) over the author, then
    chapters I, II …: they had been chapters "I. PROMESSI SPOSI" and "DI. ALESSANDRO MANZONI"."""
    body = "".join(f"                {n}\n\n{P}\n\n{Q}\n\n\n" for n in ("I", "II", "III"))
    text = f"                I\n        PROMESSI SPOSI\n\n    STORIA MILANESE\n\n              DI\n\n        IDA MARSH\n\n\n\n{body}"
    parsed = parse(text)
    assert [c.label for c in parsed.chapters] == ["I", "II", "III"]  # the title page no untitled chapter
    assert "PROMESSI SPOSI" in " ".join(block_texts(parsed.front_matter[0].blocks))


def test_short_poems_numbered_again_in_each_section_are_not_a_contents_list():
    """Dickinson: "I. LIFE." over poems "I." … "XIV.", then "II. LOVE." over "I." … again. A
    section's heading over nothing, whose label comes back, reads as a contents entry; the short
    poems after it had all gone with it, as if the list went on. An entry never holds stanzas."""
    stanza = "The hours slid fast, as hours will,\nClutched tight by greedy hands;\nSo faces on two decks look back,\nBound to opposing lands."
    poems = "".join(f"{n}.\n\n{stanza}\n\n\n" for n in ("I", "II", "III"))
    text = f"POEMS\n\nby Ida Marsh\n\n\n\nI. LIFE.\n\n\n{poems}\n\nII. LOVE.\n\n\n{poems}"
    labels = [c.label for c in parse(text).chapters]
    assert labels[:3] == ["I", "II", "III"]


def test_cantos_after_their_canticas_name_stand_under_it_as_their_part():
    text = "".join(f"  {part} • Canto {n}\n\n\n{P}\n\n{Q}\n\n\n" for part in ("Inferno", "Purgatorio") for n in ("I", "II"))
    chapters = parse(text).chapters
    assert [(c.part, c.label) for c in chapters] == [("Inferno", "Canto I"), ("Inferno", "Canto II"),
                                                     ("Purgatorio", "Canto I"), ("Purgatorio", "Canto II")]


def test_a_numbered_list_in_a_story_stays_its_text():
    text = f"{P}\n\n1. Buy milk\n\n2. Feed the cat\n\n3. Call Mother\n\n4. Fix the gate\n\n{Q}\n\n{P}\n"
    chapters = parse(text).chapters
    assert len(chapters) == 1 and "3. Call Mother" in block_texts(chapters[0].blocks)


def test_a_title_the_text_spells_a_little_differently_from_its_entry_is_still_its_heading():
    """A printer's slip ("Couterparts" listed): the story was run into the one before it."""
    text = COLLECTION.replace("     HOW THE FERRY WAS LOST", "     How the Ferry Was Lots")
    assert headings_text(text) == ["THE LAMPLIGHTER", "A NIGHT ON THE QUAY", "HOW THE FERRY WAS LOST"]
    elsewhere = COLLECTION.replace("     HOW THE FERRY WAS LOST", "     THE DROWNED BELL")
    assert headings_text(elsewhere) == ["THE LAMPLIGHTER", "A NIGHT ON THE QUAY"]  # an entry like no line names none


def test_chapters_a_contents_line_runs_together_are_chapters_still():
    """Middlemarch lists "CHAPTER I CHAPTER II … CHAPTER VI" on one line: II to VI were folded into I."""
    chapters = "".join(("BOOK I\n\n\n" if n == "I" else "BOOK II\n\n\n" if n == "IV" else "")
                       + f"CHAPTER {n}.\n\n{P}\n\n{Q}\n\n\n" for n in ("I", "II", "III", "IV", "V", "VI"))
    text = (f"LOWFIELD\n\nBy Ida Marsh\n\n\nCONTENTS\n\nBOOK I\n\nCHAPTER I CHAPTER II CHAPTER III\n\n"
            f"BOOK II\n\nCHAPTER IV CHAPTER V CHAPTER VI\n\n\n{chapters}")
    assert [c.label for c in parse(text).chapters] == ["CHAPTER I", "CHAPTER II", "CHAPTER III", "CHAPTER IV",
                                                       "CHAPTER V", "CHAPTER VI"]


def _grouped_collection(first_group_in_text: bool, groups=("AT SEA.", "ASHORE.")) -> str:
    """A paged contents list whose entries stand under headings of the list, as collections of
    sketches print it; the first of those headings may or may not come back in the text."""
    stories = (("THE LAMPLIGHTER", "A NIGHT ON THE QUAY", "THE GULLS"), ("HOW THE FERRY WAS LOST", "THE HARBOUR MASTER", "TIDES"))
    listing, body = "CONTENTS.\n\n", ""
    for group, titles in zip(groups, stories):
        listing += f"\n\n{group}\n\n                          Page\n"
        listing += "".join(f"{title:<26}{number * 7 + 3}.\n" for number, title in enumerate(titles))
        if group != groups[0] or first_group_in_text:
            body += f"{group}\n\n\n"
        body += "".join(f"{title}.\n\n{P}\n\n{Q}\n\n\n" for title in titles)
    return f"THE HARBOUR BOOK\n\nBy Ida Marsh\n\n\n\n{listing}\n\n\n\n{body}"


@pytest.mark.parametrize("in_text", [pytest.param(True, id="both list headings in the text"),
                                     pytest.param(False, id="the first list heading only in the contents")])
def test_headings_of_a_paged_contents_list_are_the_parts(in_text):
    parsed = parse(_grouped_collection(in_text))
    assert [(c.part, c.title) for c in parsed.chapters] == [
        ("AT SEA", "THE LAMPLIGHTER."), ("AT SEA", "A NIGHT ON THE QUAY."), ("AT SEA", "THE GULLS."),
        ("ASHORE", "HOW THE FERRY WAS LOST."), ("ASHORE", "THE HARBOUR MASTER."), ("ASHORE", "TIDES.")]
    assert not any("ASHORE" in text for c in parsed.chapters for text in block_texts(c.blocks)), \
        "a part's heading is not left as the last line of the chapter before it"


def test_a_preface_over_paged_chapters_is_no_part():
    parsed = parse(_grouped_collection(True, groups=("PREFACE.", "ASHORE.")))
    assert {c.part for c in parsed.chapters} == {""}


def test_an_unlabelled_numbered_list_names_the_stories_and_their_numbered_sections_stay_inside():
    text = (" I. The Lamplighter\n II. A Night on the Quay\nIII. How the Ferry Was Lost\n\n\n\n"
            f"STORY I. THE LAMPLIGHTER\n\nI.\n\n{P}\n\nII.\n\n{Q}\n\n"
            f"STORY II. A NIGHT ON THE QUAY\n\n{P}\n\nSTORY III. HOW THE FERRY WAS LOST\n\n{Q}\n")
    assert len(parse(text).chapters) == 3


@pytest.mark.parametrize(
    "listing, expected",
    [
        pytest.param("CONTENTS\n\nI. The Ford ........ 3\nII. The Mill ........ 17\n", ("I. The Ford", "II. The Mill"),
                     id="dot leaders and page numbers"),
        pytest.param("INHALT\n\nDie Furt      3\nDie Mühle    17\n", ("Die Furt", "Die Mühle"), id="German, spaced page numbers"),
        pytest.param("ОГЛАВЛЕНИЕ\n\nБрод\nМельница\n", ("Брод", "Мельница"), id="Russian keyword"),
        pytest.param("Table des matières\n\nI LE GUÉ DE LA RIVIÈRE ET CE QUI\nS'Y PASSA\n\nII LE MOULIN\n",
                     ("I LE GUÉ DE LA RIVIÈRE ET CE QUI S'Y PASSA", "II LE MOULIN"), id="wrapped entry in a spaced list"),
        pytest.param("CONTENTS\n\nCHAPTER I. The Ford.--The Mill.--A\nWet Night.\nCHAPTER II. Home.\n",
                     ("CHAPTER I. The Ford.--The Mill.--A Wet Night", "CHAPTER II. Home"), id="wrapped entry, shared prefix"),
        pytest.param("CONTENTS\n\nI. THE FORD . . . . . . 3\nII. THE MILL . . . . . 17\n", ("I. THE FORD", "II. THE MILL"),
                     id="spaced dot leaders"),
        pytest.param("CONTENTS\n\nPART ONE\nThe Harbour\n\n1. THE FORD     3\n2. THE MILL     9\n3. THE QUAY    12\n\n"
                     "PART TWO\nThe Sea\n\n4. THE STORM   15\n5. THE WRECK   19\n6. THE SHORE   24\n",
                     ("PART ONE: The Harbour", "1. THE FORD", "2. THE MILL", "3. THE QUAY", "PART TWO: The Sea", "4. THE STORM",
                      "5. THE WRECK", "6. THE SHORE"), id="a part's label over its title"),
        pytest.param("CONTENTS\n\nThe Ford\nThe Mill at Dawn\nA Wet Night\nThe Long Road\nThe End of It\n",
                     ("The Ford", "The Mill at Dawn", "A Wet Night", "The Long Road", "The End of It"),
                     id="most titles open with The: an article is no numbering prefix"),
        pytest.param("INHOUD.\n\n                Bladz.\nDE FURT     3.\nDE MOLEN    9.\n", ("DE FURT", "DE MOLEN"),
                     id="column head is no entry"),
    ],
)
def test_contents_entries_are_read_loosely(listing, expected):
    found = find_contents((listing + "\n\n\n\n" + P).split("\n"))
    assert found is not None and found.entries == expected


def test_a_line_of_prose_that_is_only_a_contents_word_starts_no_list():
    """Wrapped prose can leave "table." or "index" alone on a line; a contents heading is never in
    small letters."""
    prose = ("She set the lamp down on the\ntable.\nThe ferry was late again that night.\nNobody on the quay said a word."
             "\nThe gulls had gone home long ago.")
    assert find_contents(f"{prose}\n\n\n\n{P}\n\n{Q}".split("\n")) is None
    assert find_contents(f"Table\n\nI. The Ford\nII. The Mill\n\n\n\n{P}".split("\n")) is not None


def test_a_heading_wrapped_over_lines_matches_its_entry_and_is_joined():
    text = (f"CONTENTS\n\nTHE FORD, OR, WHAT THE MILLER SAW\nTHE MILL\n\n\n\nTHE FORD,\n\nOR,\n\nWHAT THE MILLER SAW\n\n"
            f"{P}\n\nTHE MILL\n\n{Q}\n")
    assert headings_text(text) == ["THE FORD, OR, WHAT THE MILLER SAW", "THE MILL"]


def test_sections_inside_the_stories_a_contents_list_names_are_set_as_their_headings():
    """A collection's list names its stories; their numbered parts (I., II.) and a site's own
    heading under a story's title are headings inside it, not chapters and not body text."""
    stories = "\n\n\n\n".join(f"{title}\n\n\nI.\n\n{P}\n\nII.\n\n{Q}" for title in ("The Ford", "A Wet Night", "The Mill"))
    text = f"CONTENTS\n\nThe Ford\nA Wet Night\nThe Mill\n\n\n\n{stories}\n"
    book = parse(text)
    assert [c.title for c in book.chapters] == ["The Ford", "A Wet Night", "The Mill"]
    assert [b.text for b in book.chapters[1].blocks if isinstance(b, Subheading)] == ["I.", "II."]
    marked = parse(f"CONTENTS\n\nThe Ford\nThe Mill\n\n\n\nThe Ford\n\n### Chapter 1: the ford's story\n\n{P}\n\n"
                   f"The Mill\n\n### Chapter 2\n\n{Q}\n")
    assert [[b.text for b in c.blocks if isinstance(b, Subheading)] for c in marked.chapters] == \
        [["Chapter 1: the ford's story"], ["Chapter 2"]]
    page = unzip(convert(text.encode(), Options(cover=False)).epub)["EPUB/chapter-002.xhtml"].decode()
    assert '<h3 class="subheading">I.</h3>' in page and "<p>I.</p>" not in page
    curled = convert(f"CONTENTS\n\nThe Ford\nThe Mill\n\n\n\nThe Ford\n\n### The miller's \"luck\"\n\n{P}\n\n"
                     f"The Mill\n\n{Q}\n".encode(), Options(cover=False))
    assert "<h3 class=\"subheading\">The miller’s “luck”</h3>" in unzip(curled.epub)["EPUB/chapter-001.xhtml"].decode()


def test_a_title_the_list_gives_beside_the_label_is_read_under_the_heading():
    """"CHAPTER I.  The Ford" in the list, "CHAPTER I." over "The Ford" in the text: a title, not text."""
    body = "\n\n".join(f"CHAPTER {n}.\n{title}\n\n\n{P}\n\n{Q}" for n, title in (("I", "The Ford"), ("II", "The Mill")))
    book = parse(f"CONTENTS\n\nCHAPTER I.     The Ford\nCHAPTER II.    The Mill\n\n\n\n{body}\n")
    assert [(c.label, c.title) for c in book.chapters] == [("CHAPTER I", "The Ford"), ("CHAPTER II", "The Mill")]
    assert all(block_texts(c.blocks) == [P, Q] for c in book.chapters)


def test_the_list_ends_where_the_first_part_it_names_begins():
    """A book's label alone ("BOOK ONE") under the list, which gave it with its title, starts the story."""
    listing = "CONTENTS\n\nBOOK ONE.—THE HARBOUR\nI. THE FORD.\nII. THE MILL.\nBOOK TWO.—THE SEA\nI. THE STORM.\nII. THE WRECK.\n"
    chapters = lambda *titles: "\n\n".join(f"{n}.\n{t}\n\n{P}\n\n{Q}" for n, t in zip(("I", "II"), titles))
    text = (f"{listing}\n\nBOOK ONE\nTHE HARBOUR\n\n\n{chapters('THE FORD.', 'THE MILL.')}\n\n\n"
            f"BOOK TWO\nTHE SEA\n\n\n{chapters('THE STORM.', 'THE WRECK.')}\n")
    book = parse(text)
    assert [c.part for c in book.chapters] == ["BOOK ONE: THE HARBOUR"] * 2 + ["BOOK TWO: THE SEA"] * 2
    assert len(book.chapters) == 4


def test_a_story_line_naming_a_later_entry_does_not_hide_the_entries_before_it():
    """The list names "Tests" as chapter 5; a line "Tests:" in chapter 1 must not make chapters 2
    to 4 go unfound (the headings are found in list order)."""
    titles = ("The Ford", "The Mill at Dawn", "A Wet Night", "The Long Road", "Tests", "The End of It")
    listing = "\n".join(f"{n}. {title}" for n, title in enumerate(titles, 1))
    body = "\n\n\n\n".join(f"{title}\n\n{P}\n\n" + ("Tests:\n\n" if n == 1 else "") + Q
                             for n, title in enumerate(titles, 1))
    book = parse(f"{listing}\n\n\n\n{body}\n")
    assert [c.title for c in book.chapters] == list(titles)


def test_what_the_list_gives_under_a_chapter_is_a_section_of_it():
    """"CHAPTER II" over "The Mill  9" and "The Quay  12" in the list: the diary's "_The Quay._"
    in the text is a heading inside chapter II, not a chapter."""
    listing = "CONTENTS\n\nCHAPTER I\n\nThe Ford        1\n\nCHAPTER II\n\nThe Mill        9\n\nThe Quay       12\n"
    body = f"CHAPTER I\n\n{P}\n\n{Q}\n\nCHAPTER II\n\n{P}\n\n_The Quay._\n\n{Q}\n"
    book = parse(f"{listing}\n\n\n\n{body}")
    assert [c.label for c in book.chapters] == ["CHAPTER I", "CHAPTER II"]
    assert [b.text for b in book.chapters[1].blocks if isinstance(b, Subheading)] == ["The Quay."]


VOLUME_TITLES = {"Book I. The Harbour": ("The Ford", "The Mill"), "Book II. The Sea": ("The Storm", "The Wreck"),
                 "Book III. The Shore": ("The Return",)}


def volume(footnotes: bool = True) -> str:
    """A novel in parts, books and chapters, each chapter's label over its title (the way editions
    set them), every book numbering its chapters from I again, and the list naming each level."""
    parts = {"Book I. The Harbour": "Part I", "Book III. The Shore": "Part II"}
    listing, body = ["Contents", ""], []
    for book, titles in VOLUME_TITLES.items():
        if book in parts:
            listing.append(f" {parts[book]}")
            body.append(f"{parts[book].upper()}\n\n\n")
        listing.append(f" {book}")
        body.append(f"{book}\n\n\n")
        for number, title in zip(("I", "II"), titles):
            listing.append(f" Chapter {number}. {title}")
            body.append(f"Chapter {number}.\n{title}\n\n\n{P}\n\n{Q}\n\n\n")
    if footnotes:
        listing.append(" Footnotes")
        body.append("FOOTNOTES\n\n[1] A mill on the river.\n\n[2] The old quay.\n")
    return "\n".join(listing) + "\n\n\n\n" + "".join(body)


def test_a_volume_of_books_that_number_their_chapters_again_keeps_every_title_and_level():
    """The list's "Chapter I" names a chapter in each book: the title under the label tells which.
    A part's heading right over a book's keeps both; the list's last entry, "Footnotes", is back matter."""
    book = parse(volume())
    assert [(c.label, c.title) for c in book.chapters] == [
        ("Chapter I", "The Ford"), ("Chapter II", "The Mill"), ("Chapter I", "The Storm"), ("Chapter II", "The Wreck"),
        ("Chapter I", "The Return")]
    assert [c.part for c in book.chapters] == ["PART I · Book I: The Harbour"] * 2 + ["Book II: The Sea"] * 2 + [
        "PART II · Book III: The Shore"]
    assert [(s.title, block_texts(s.blocks)) for s in book.back_matter] == [
        ("Notes", ["FOOTNOTES", "[1] A mill on the river.", "[2] The old quay."])]


def test_a_part_or_a_book_in_a_list_of_chapters_is_an_entry_of_its_own():
    """Most entries open with "Chapter", so a line that does not may be a wrapped title; not when
    it opens with a label of its own ("Book II. The Sea" under "Chapter V. Elders")."""
    chapters = [f" Chapter {n}. Day {n}" for n in ("I", "II", "III", "IV", "V")]
    listing = ["Contents", "", " Part I", " Book I. The Harbour", *chapters, " Book II. The Sea", *chapters]
    entries = find_contents(listing + ["", "", "", "PART I"]).entries
    assert entries[:3] == ("Part I", "Book I. The Harbour", "Chapter I. Day I")
    assert entries[6:9] == ("Chapter V. Day V", "Book II. The Sea", "Chapter I. Day I")


def test_a_chapter_the_contents_list_misprints_is_kept_where_each_book_numbers_its_chapters_afresh():
    """Jack Sheppard's list gives "XVIII. The Bed Room" where the text has "CHAPTER XVIII. The Red
    Room.": the list is whole, but an earlier book's XVIII is no reason to take this one for a section."""
    import textwrap

    prose = textwrap.fill(f"{P} " * 3, 70)
    books = {"BOOK THE FIRST.": [f"The Ferry {w}" for w in "Dawn Noon Dusk Night Rain Snow Wind Fog Ice Sun".split()],
             "BOOK THE SECOND.": ["The Island", "The Red Room"] + [f"The Storm {w}" for w in "Dawn Noon Dusk Night Rain Snow Wind Fog".split()]}
    numerals = "I II III IV V VI VII VIII IX X".split()
    listed, page = [], 1
    for book, titles in books.items():
        listed.append(f"                {book}")
        for n, title in zip(numerals, titles):
            listed.append(f"{'CHAPTER ' if n == 'I' else ''}{n:>4}. {title.replace('Red', 'Bed'):<40}{page:>4}")
            page += 9
    body = "\n\n\n".join(f"{book}\n\n\n" + "\n\n\n".join(f"CHAPTER {n}. {t}.\n\n\n{prose}\n\n{prose}" for n, t in zip(numerals, titles))
                        for book, titles in books.items())
    parsed = parse("THE FERRY\n\nBY IDA MARSH\n\n\n\nCONTENTS\n\n" + "\n".join(listed) + "\n\n\n\n\n" + body)
    assert len(parsed.chapters) == 20 and parsed.chapters[11].title == "The Red Room."


def test_a_contents_list_whose_books_number_their_chapters_afresh_runs_to_its_last_entry():
    """Tom Jones's list: each book's chapters from "Chapter i" again, one entry a bare "Chapter iv."
    over its title's own paragraph. The list ran only to the first label it had seen before, so the
    entries after it (the third book's on) became four false chapters before the first book."""
    books = {"BOOK I -- OF THE FERRY.": ["The ferry at dawn.", "The ferry at noon.", "The ferry at dusk.", "The ferry at night."],
             "BOOK II -- OF THE MILL.": ["The mill at dawn.", "The mill at noon.", "The mill at dusk.", "The mill at night."],
             "BOOK III -- OF THE SEA.": ["The sea at dawn.", "The sea at noon.", "The sea at dusk.", "The sea at night."]}
    numerals = ("i", "ii", "iii", "iv")
    listed = "\n\n\n".join(book + "\n\n" + "\n\n".join(
        f"Chapter {n}.\n\n{t[:-1]} --" if (book[5:8], n) == ("III", "iv") else f"Chapter {n} -- {t[:-1]}"
        for n, t in zip(numerals, titles)) for book, titles in books.items())
    body = "\n\n\n\n".join(book + "\n\n\n" + "\n\n\n".join(f"Chapter {n}.\n\n{t}\n\n\n{P}\n\n{Q}" for n, t in zip(numerals, titles))
                           for book, titles in books.items())
    parsed = parse("THE FERRY\n\nBY IDA MARSH\n\n\n\nCONTENTS\n\n" + listed + "\n\n\n\n\n" + body)
    assert [(c.part.split(":")[0], c.label, c.title) for c in parsed.chapters] == [
        (book.split(" --")[0], f"Chapter {n}", t) for book, titles in books.items() for n, t in zip(numerals, titles)]


def test_numerals_right_under_a_book_are_its_chapters_though_the_contents_list_says_chapter():
    """A Tale of Two Cities (an old etext): the list gives "Chapter I      The Period", the text
    "Book the First--Recalled to Life" / "I" / "The Period". The list's "Chapter" lines counted as
    the book's keyword chapters, so every numeral became a line of text, and the title under each,
    taken as its title, was lost."""
    books = {"Book the First--Recalled to Life": ["The Period", "The Mail", "The Night Shadows"],
             "Book the Second--the Golden Thread": ["Five Years Later", "A Sight", "A Disappointment"]}
    numerals = ("I", "II", "III")
    listing = "\n\n".join(book + "\n\n" + "\n".join(f"Chapter {n:<6} {t}" for n, t in zip(numerals, titles))
                          for book, titles in books.items())
    body = "\n\n\n\n".join(book + "\n\n\n\n" + "\n\n\n".join(f"{n}\n\n{t}\n\n\n{P}\n\n{Q}" for n, t in zip(numerals, titles))
                           for book, titles in books.items())
    parsed = parse("A Tale of the Ferry, by Ida Marsh\n[A story of the river]\n\nCONTENTS\n\n" + listing + "\n\n\n\n\n" + body)
    assert [(c.label, c.title) for c in parsed.chapters] == [(n, t) for titles in books.values() for n, t in zip(numerals, titles)]
    assert [c.part.split(":")[0] for c in parsed.chapters[::3]] == ["Book the First", "Book the Second"]
    assert (parsed.metadata.title, parsed.metadata.authors, parsed.metadata.subtitle) == (
        "A Tale of the Ferry", ("Ida Marsh",), "A story of the river")


def test_project_gutenbergs_first_line_names_the_book_and_its_author():
    parsed = parse("The Project Gutenberg EBook of The Ferry, by Ida Marsh\n\nThis eBook is for the use of anyone "
                   "anywhere at no cost.\n\n\nCHAPTER I\n\n" + P + "\n\nCHAPTER II\n\n" + Q + "\n")
    assert (parsed.metadata.title, parsed.metadata.authors) == ("The Ferry", ("Ida Marsh",))


def test_a_contents_list_of_the_first_volume_leaves_the_second_volumes_chapters_chapters():
    """Lalka (Wolne Lektury): the list names the chapters of "Tom I"; after its last, "Tom II" and
    chapters of its own. A list that names nearly all its entries leaves out the rest on purpose, so
    every heading after it not in it had become a section: the whole second volume sat inside the
    first volume's last chapter."""
    first = [("I", "The Ferry"), ("II", "The Mill"), ("III", "The Sea")]
    listing = "\n\n".join(f"{n}. {t}" for n, t in first)
    body = "Tom I\n\n\n" + "".join(f"Rozdział {n}\n\n{t}\n\n{P}\n\n{Q}\n\n\n" for n, t in first) + \
        "\n\nTom II\n\n\n" + "".join(f"Rozdział {n}\n\n{t}\n\n{P}\n\n{Q}\n\n\n" for n, t in (("I", "The Storm"), ("II", "The Shore")))
    parsed = parse("LALKA\n\n\n\nSpis treści\n\n" + listing + "\n\n\n\n\n" + body)
    assert [c.title for c in parsed.chapters] == ["The Ferry", "The Mill", "The Sea", "The Storm", "The Shore"]
    assert [c.part for c in parsed.chapters] == ["Tom I"] * 3 + ["Tom II"] * 2


def test_a_contents_list_at_the_back_of_a_volume_is_no_second_set_of_chapters():
    body = "\n\n".join(f"CHAPTER {n}.\n\n{P} {Q} {P}" for n in ("I", "II", "III"))
    index = "\n\n".join(f"Chapter {n}.--What happened at the mill." for n in ("I", "II", "III"))
    assert len(parse(f"{body}\n\n\n\nINDEX.\n\n{index}\n").chapters) == 3


def test_a_heading_the_contents_list_names_last_is_no_page_header_of_itself():
    """Walden's list ends on "Conclusion" and so does the book: the same heading again, with no
    other keyword heading between, was taken for a page's running header and lost its chapter."""
    titles = ["Economy of Nets", "Where the Boats Lie", "Spring", "Conclusion"]
    listing = "CONTENTS\n\n" + "\n".join(titles) + "\n\n\n"
    text = listing + "".join(f"\n\n\n{t}\n\n\n{P}\n\n{Q}\n" for t in titles)
    assert [c.title or c.label for c in parse(text).chapters] == titles


def test_numerals_set_off_by_dashes_or_brackets_are_parts_and_episodes():
    """Ulysses numbers its parts "— I —" and its episodes "[ 1 ]", counted on through the book: the
    Roman family heads parts over the episodes, the other the episodes."""
    episodes = {"I": ["1", "2"], "II": ["3", "4"], "III": ["5"]}
    text = "".join(f"\n\n— {part} —\n\n" + "".join(f"\n\n[ {n} ]\n\n{P}\n\n{Q}\n" for n in numbers)
                   for part, numbers in episodes.items())
    expected = [("I", "1"), ("I", "2"), ("II", "3"), ("II", "4"), ("III", "5")]
    assert [(c.part, c.label) for c in parse(text).chapters] == expected
    in_the_sand = text.replace(f"[ 4 ]\n\n{P}", f"[ 4 ]\n\n{P}\n\nI.\n\n{Q}")  # Bloom writes "I." between II and III
    assert [(c.part, c.label) for c in parse(in_the_sand).chapters] == expected


def test_a_second_book_may_number_its_chapters_again():
    chapter = " ".join([P, Q] * 200)  # a real chapter, far longer than an index entry
    text = f"CHAPTER I.\n\n{chapter}\n\nCHAPTER II.\n\n{chapter}\n\nSECOND BOOK OF THE HARBOUR\n\nCHAPTER I.\n\n{chapter}\n"
    assert len(parse(text).chapters) == 3


def test_a_short_chapter_whose_label_came_before_under_another_title_is_a_chapter():
    """A story numbering its chapters by another book's (Genesis 8 retold in several chapters, each
    "Chapter 8: …" with its own title): a short one is no contents entry for the long one."""
    long, short = " ".join([P, Q] * 20), " ".join([P, Q] * 2)
    text = f"Chapter 7: Witches\n\n{long}\n\nChapter 8: The Flood\n\n{long}\n\nChapter 8: Maeedas\n\n{short}\n\n" \
           f"Chapter 8: Two by Two\n\n{long}\n"
    assert [c.title for c in parse(text).chapters] == ["Witches", "The Flood", "Maeedas", "Two by Two"]


def test_a_dictionarys_letters_are_its_sections_never_numerals():
    """"A", "B", "C" … alone on their lines, in order (no X, as many dictionaries): its "C", "D",
    "I", "L" are letters, not numerals out of sequence."""
    letters = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWYZ"]
    text = "THE LEXICON\n\n" + "".join(f"{letter}\n\n{P}\n\n{Q}\n\n" for letter in letters)
    assert [c.label for c in parse(text).chapters] == letters


def test_an_index_at_the_back_keeps_its_letters_in_its_text():
    """An index's "A", "B", "C" … are a short part of its book: no chapters."""
    story = "\n\n".join(f"Chapter {n}\n\n" + "\n\n".join([P, Q] * 8) for n in range(1, 9))
    index = "INDEX\n\n" + "".join(f"{letter}\n\nAbbey, 12; Acre, 40\n\n" for letter in "ABCDEFGH")
    chapters = parse(f"{story}\n\n{index}").chapters
    assert [c.label for c in chapters] == [f"Chapter {n}" for n in range(1, 9)]


def test_chapters_numbered_from_one_again_are_chapters_however_short():
    """A web novel's second book numbers its chapters from 第一章 again, with no heading of its own:
    its chapters are as long as the first book's, so they are no contents list at the back."""
    chapter = "今天早上，她在码头上等船。船没有来，她就一直等着，直到太阳落山。" * 6
    text = "\n\n".join(f"第{n}章\n\n{chapter}\n\n{chapter}" for n in "一二三一二三")
    assert [c.label for c in parse(text).chapters] == ["第一章", "第二章", "第三章"] * 2


# Heading families --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heads, expected",
    [
        pytest.param(["Letter 1", "Letter 2", "Chapter 1"], ["Letter 1", "Letter 2", "Chapter 1"], id="letters then chapters"),
        pytest.param(["STAVE I.", "STAVE II."], ["STAVE I", "STAVE II"], id="staves"),
        pytest.param(["Erstes Kapitel", "Zweites Kapitel"], ["Erstes Kapitel", "Zweites Kapitel"], id="German ordinal first"),
        pytest.param(["CAPÍTULO PRIMERO", "CAPÍTULO II"], ["CAPÍTULO PRIMERO", "CAPÍTULO II"], id="Spanish"),
        pytest.param(["Canto I", "Canto II"], ["Canto I", "Canto II"], id="cantos"),
        pytest.param(["Chapter 12", "Chapter 12.5: Bonus", "Chapter 13"], ["Chapter 12", "Chapter 12.5", "Chapter 13"],
                     id="decimal chapter number"),
        pytest.param(["Chapter 3", "Chapter 3a", "Chapter 4"], ["Chapter 3", "Chapter 3a", "Chapter 4"], id="lettered"),
        pytest.param(["Day 1", "Day 2", "Entry 3"], ["Day 1", "Day 2", "Entry 3"], id="diary days and entries"),
        pytest.param(["Monday 3 March", "Tuesday, 4th March", "March 5, 1902"],
                     ["Monday 3 March", "Tuesday, 4th March", "March 5, 1902"], id="diary date lines"),
        pytest.param(["9 de Janeiro.", "1 de Agosto.", "Sabado."], ["9 de Janeiro.", "1 de Agosto.", "Sabado."],
                     id="Portuguese diary date lines"),
        pytest.param(["Maandag 3 maart", "4 mei 1902", "Zondag"], ["Maandag 3 maart", "4 mei 1902", "Zondag"],
                     id="Dutch diary date lines"),
        pytest.param(["CAPITULO PRIMEIRO", "CAPITULO II", "CAPITULO TERCEIRO"],
                     ["CAPITULO PRIMEIRO", "CAPITULO II", "CAPITULO TERCEIRO"], id="Portuguese ordinals"),
        pytest.param(["Fit the First: The Landing", "Fit the Second"], ["Fit the First", "Fit the Second"],
                     id="fits of a ballad"),
        pytest.param(["KSIĘGA PIÉRWSZA.", "KSIĘGA DRUGA."], ["KSIĘGA PIÉRWSZA", "KSIĘGA DRUGA"], id="Polish books"),
        pytest.param(["I.", "II.", "III."], ["I", "II", "III"], id="bare numerals in sequence"),
        pytest.param(["CHAPTER THE FIRST", "CHAPTER THE SECOND"], ["CHAPTER THE FIRST", "CHAPTER THE SECOND"],
                     id="chapter the first"),
        pytest.param(["First Chapter", "Second Chapter", "Final Chapter"], ["First Chapter", "Second Chapter", "Final Chapter"],
                     id="English ordinal first"),
    ],
)
def test_heading_families(heads, expected):
    text = "\n\n".join(f"{head}\n\n{P}" for head in heads)
    assert [c.label for c in parse(text).chapters] == expected


def test_decimal_chapter_keeps_its_number_and_title_apart():
    assert chapters(f"Chapter 12\n\n{P}\n\nChapter 12.5: Bonus\n\n{Q}")[1] == ("Chapter 12.5", "Bonus")


def test_two_date_lines_are_not_yet_a_diary():
    assert chapters(f"{P}\n\nMarch 3\n\n{Q}\n\nMarch 4\n\n{P}") == [("", "")]


def test_bare_numerals_in_a_file_without_blank_lines_are_its_sections():
    text = "\n".join(["Ида Марш", "ФОНАРЩИК", "I", P, Q, "II", P, "III", Q])
    parsed = parse(text)
    assert [c.label for c in parsed.chapters] == ["I", "II", "III"]
    assert (parsed.metadata.title, parsed.metadata.authors) == ("Фонарщик", ("Ида Марш",))


def test_numbered_notes_at_the_end_are_not_chapters():
    text = "\n".join(["Ида Марш", "ФОНАРЩИК", P * 20, Q * 20, "1", "здесь: мельница (франц.).", "2", "брод (лат.).",
                      "3", "на воде (итал.)."])
    assert len(parse(text).chapters) == 1


def test_a_numeral_takes_its_title_across_a_rule_and_over_two_lines():
    text = (f"I\n--------------\nTHE FORD AND WHAT\nTHE MILLER SAW\n\n{P}\n\nII\n--------------\nTHE MILL\n\n{Q}")
    assert chapters(text) == [("I", "THE FORD AND WHAT THE MILLER SAW"), ("II", "THE MILL")]


def test_numerals_under_keyword_chapters_are_sections():
    text = f"ADVENTURE I. THE FORD\n\nI.\n\n{P}\n\nII.\n\n{Q}\n\nADVENTURE II. THE MILL\n\n{P}"
    assert [c.label for c in parse(text).chapters] == ["ADVENTURE I", "ADVENTURE II"]


def test_a_chapters_numbered_sections_are_headed_by_their_numbers_and_need_no_break():
    text = (f"CHAPTER 1\n\n\n1\n\n\n{P}\n\n{Q}\n\n\n2\n\n\n{P}\n\n{Q}\n\n\n"
            f"CHAPTER 2\n\n\n1\n\n\n{P}\n\n{Q}\n\n\n2\n\n\n{P}\n\n{Q}")
    first = parse(text).chapters[0]
    assert [(type(b).__name__, getattr(b, "text", "")) for b in first.blocks] == [
        ("Subheading", "1"), ("Paragraph", ""), ("Paragraph", ""), ("Subheading", "2"), ("Paragraph", ""), ("Paragraph", "")]


def test_numbers_running_on_across_chapters_are_no_section_headings():
    text = f"CHAPTER 1\n\n{P}\n\n34\n\n{Q}\n\nCHAPTER 2\n\n{P}\n\n35\n\n{Q}"  # a PDF's page numbers
    assert not any(isinstance(b, Subheading) for c in parse(text).chapters for b in c.blocks)


# Front matter and special chapters ------------------------------------------------------------------


def test_the_opening_before_a_first_chapter_is_front_matter_and_not_a_chapter():
    parsed = parse(f"THE FORD\n\nA Tale\n\nTo my mother.\n\n\n\nChapter 1\n\n{P}\n\nChapter 2\n\n{Q}")
    assert [c.label for c in parsed.chapters] == ["Chapter 1", "Chapter 2"]
    assert "To my mother." in block_texts(parsed.front_matter[0].blocks)


def test_the_opening_before_a_chapter_two_is_chapter_one():
    parsed = parse(f"{P}\n\nChapter 2\n\n{Q}")
    assert [c.label for c in parsed.chapters] == ["", "Chapter 2"] and parsed.front_matter == ()


def test_a_preface_before_the_first_chapter_is_front_matter():
    parsed = parse(f"PREFACE\n\n{Q}\n\nChapter 1\n\n{P}\n\nChapter 2\n\n{Q}")
    assert [c.label for c in parsed.chapters] == ["Chapter 1", "Chapter 2"]
    assert block_texts(parsed.front_matter[0].blocks)[0] == "PREFACE"


def test_prologue_and_epilogue_are_typed_and_the_epilogue_belongs_to_the_book():
    text = f"Prologue\n\n{P}\n\nPart One\n\nChapter 1\n\n{P}\n\nPart Two\n\nChapter 2\n\n{Q}\n\nEpilogue\n\n{Q}"
    found = [(c.label, c.kind, c.part) for c in parse(text).chapters]
    assert found == [("Prologue", "prologue", ""), ("Chapter 1", "chapter", "Part One"),
                     ("Chapter 2", "chapter", "Part Two"), ("Epilogue", "epilogue", "")]


def test_the_book_shows_front_matter_before_the_story_and_counts_it_out():
    text = f"The Ford\n\nby Ida Marsh\n\n\nCONTENTS\n\nChapter 1\nChapter 2\n\n\n\nChapter 1\n\n{P}\n\nChapter 2\n\n{Q}\n"
    result = convert(text.encode(), Options(source_name="ford.txt"))
    assert [s.title for s in result.book.front_matter] == [FRONT_TITLE] and result.chapters == 2
    order = [name for name, _ in spine_pages(result.epub)]  # before the story, out of the contents
    assert order.index("front-01.xhtml") < order.index("chapter-001.xhtml")
    assert FRONT_TITLE not in unzip(result.epub)["EPUB/toc.ncx"].decode()


# Project Gutenberg generations --------------------------------------------------------------------

OLD_ETEXT = f"""**The Project Gutenberg Etext of The Ford, by Marsh**

Please take a look at the important information in this header.

The Ford, by Ida Marsh

***START**THE SMALL PRINT!**FOR PUBLIC DOMAIN ETEXTS**START***
Why is this "Small Print!" statement here?  (Written for these tests.)
*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*




THE FORD

by Ida Marsh



I

{P}

II

{Q}

End of The Project Gutenberg Etext of The Ford
"""


def test_an_old_etext_has_its_licence_at_the_top_and_its_names_in_the_first_line():
    parsed = parse(OLD_ETEXT)
    assert (parsed.metadata.title, parsed.metadata.authors) == ("The Ford", ("Ida Marsh",))
    assert [c.label for c in parsed.chapters] == ["I", "II"]
    assert "Small Print" in " ".join(block_texts(parsed.back_matter[0].blocks))


@pytest.mark.parametrize(
    "first_lines, title, author",
    [
        pytest.param("********The Project Gutenberg Etext of The Ford.********\n                by Ida Marsh\n"
                     "****This file should be named ford10.txt****", "The Ford", "Ida Marsh", id="framed, author below"),
        pytest.param("The Project Gutenberg Etext of The Ford\n#15 in our series by Ida Marsh", "The Ford", "Ida Marsh",
                     id="series number line"),
        pytest.param("Project Gutenberg's Etext of The Ford, by Ida Marsh\n#8 in our series by Ida Marsh", "The Ford",
                     "Ida Marsh", id="author twice"),
    ],
)
def test_old_etext_first_lines(first_lines, title, author):
    text = f"{first_lines}\n\nHeader words.\n\n*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n{P}\n"
    meta = parse(text).metadata
    assert (meta.title, meta.authors) == (title, (author,))


def test_an_etext_of_1994_gives_its_banner_title_and_the_author_on_its_title_page():
    """Alice (1994): a banner line in its own asterisks over more banner lines, the author only on the
    title page after the licence. Moby Dick (1991) closes its licence with '*END THE SMALL PRINT!'."""
    text = ("***This is the Project Gutenberg Etext of The Ford***\n*This 30th edition should be labeled ford30.txt.\n"
            "***This Edition Is Being Officially Released On March 8, 1994***\n\nHeader words.\n\n"
            "***START**THE SMALL PRINT!**FOR PUBLIC DOMAIN ETEXTS**START***\nLicence words.\n"
            "*END THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n\n\n"
            f"                THE FORD AT DUSK\n\n                  Ida Marsh\n\n          THE FULCRUM EDITION 3.0\n\n\n\n"
            f"CHAPTER I\n\n{P}\n\nCHAPTER II\n\n{Q}\n")
    parsed = parse(text)
    assert (parsed.metadata.title, parsed.metadata.authors) == ("The Ford", ("Ida Marsh",))
    assert "Licence words." in " ".join(block_texts(parsed.back_matter[-1].blocks))
    assert [c.label for c in parsed.chapters] == ["CHAPTER I", "CHAPTER II"]


@pytest.mark.parametrize(
    "fields, title, author",
    [
        pytest.param("Title: The Ford, Complete\n\nAuthor: Ida Marsh (Ida Wren)", "The Ford", "Ida Marsh",
                     id="edition marker and alias go"),
        pytest.param("Title: The Ford\n       or, The Miller's Tale\n\nAuthor: Ida (Wren) Marsh",
                     "The Ford or, The Miller's Tale", "Ida (Wren) Marsh", id="wrapped title, bracket inside a name"),
        pytest.param("Title: The Ford\n(Completo)\n\nAuthor: Ida Marsh", "The Ford", "Ida Marsh", id="bracketed line is no title"),
        pytest.param("Title: THE FORD\n\nAuthor: IDA MARSH", "The Ford", "Ida Marsh", id="capitals to normal case"),
    ],
)
def test_gutenberg_fields(fields, title, author):
    text = f"The Project Gutenberg EBook of X\n\n{fields}\n\n*** START OF THIS PROJECT GUTENBERG EBOOK X ***\n\n{P}\n"
    meta = parse(text).metadata
    assert (meta.title, meta.authors) == (title, (author,))


@pytest.mark.parametrize(
    "author, authors",
    [
        pytest.param("Alexander Hamilton, John Jay, and James Madison", ("Alexander Hamilton", "John Jay", "James Madison"),
                     id="three, with commas"),
        pytest.param("Poe, Edgar Allan", ("Poe, Edgar Allan",), id="surname first is one"),
        pytest.param("Unknown", (), id="no name"),
    ],
)
def test_gutenberg_authors(author, authors):
    text = f"Title: The Ford\n\nAuthor: {author}\n\n*** START OF THIS PROJECT GUTENBERG EBOOK X ***\n\n{P}\n"
    assert parse(text).metadata.authors == authors


def test_the_volunteers_credit_goes_with_the_licence_not_the_book():
    text = ("Title: The Ford\n\nAuthor: Ida Marsh\n\n*** START OF THE PROJECT GUTENBERG EBOOK THE FORD ***\n\n\n\n"
            "Produced by Emmy, MWS and the Online Distributed\nProofreading Team at http://www.pgdp.net\n\n\n\n"
            f"_CONTENTS_\n\n    I. THE RIVER\n   II. THE MILL\n\n\n\nCHAPTER I\n\nTHE RIVER\n\n{P}\n\n"
            f"CHAPTER II\n\nTHE MILL\n\n{Q}\n\n*** END OF THE PROJECT GUTENBERG EBOOK THE FORD ***\n")
    parsed = parse(text)
    licence = " ".join(block_texts(parsed.back_matter[-1].blocks))
    assert "Produced by Emmy" in licence
    assert not any("Produced" in t for s in parsed.front_matter for t in block_texts(s.blocks))
    assert "contents list: 2 entries" in " ".join(what for _, what in parsed.trace), "an edition's _CONTENTS_ in italics"


# Title pages and title case -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "top, title, authors",
    [
        pytest.param("Ida Marsh\nTHE FORD\n\n", "The Ford", ("Ida Marsh",), id="author over a title in capitals"),
        pytest.param("Der Fluss\n\nvon Ida Marsh\n\n\n", "Der Fluss", ("Ida Marsh",), id="German von line"),
        pytest.param("La Rivière\n\npar Ida Marsh\n\n\n", "La Rivière", ("Ida Marsh",), id="French par line"),
        pytest.param("THE FORD\n\n\n", "The Ford", (), id="a title alone at the top"),
        pytest.param("   Ida Marsh\n\n   Doktor Falke\n      oder\n   Das Ende eines Sommers\n\n      Roman\n\n\n\n",
                     "Doktor Falke oder Das Ende eines Sommers", ("Ida Marsh",), id="a title and its alternative, 'or' between"),
        pytest.param("He waited\nby the river, as he always did.\n", "", (), id="a by-phrase in a sentence is story"),
        pytest.param("  The Ford\n  Ida Marsh\n\nTranslated by Tom Reed\n\n\n", "The Ford", ("Ida Marsh",),
                     id="title over the author's name, a translator under them"),
        pytest.param("THE FORD\nIda Marsh\n\n\n\n", "The Ford", ("Ida Marsh",), id="title over the name, set apart"),
        pytest.param("[Illustration]\n\n\nThe Ford\n\nby Ida Marsh\n\n\n", "The Ford", ("Ida Marsh",),
                     id="a plate over the title page"),
        pytest.param("The Ford\nIda Marsh waded in\n\n", "", (), id="a name that starts a sentence is no author"),
        pytest.param("Ida Marsh\nLes Naufragés\n\n", "Les Naufragés", ("Ida Marsh",),
                     id="author over a title that opens on an article (it was read the other way round)"),
        pytest.param("Ida Marsh\n\n\nDer Färber\n\n", "Der Färber", ("Ida Marsh",), id="author, a gap, the title"),
        pytest.param("Ida Marsh\nDeux Ans de vacances\n\n", "Deux Ans de vacances", ("Ida Marsh",),
                     id="author over a title no name reads as, a heading under them"),
        pytest.param("Степные письма\n\nАнна Петрова\n\nСТЕПНЫЕ ПИСЬМА\n\n\n", "Степные письма", ("Анна Петрова",),
                     id="title over the name, the title again in capitals under them (a half-title)"),
        pytest.param("A volunteer library sent you this copy.\n\nDisclaimer:\nNobody promises it is perfect.\n\n\n"
                     "THE FORD\n", "The Ford", (), id="a title in capitals straight over the first heading"),
        pytest.param("THE FORD\n\nA Winter Tale\n\n\nby\n\nIda Marsh\n\n(Ida M. Lane)\n\n\n", "The Ford", ("Ida Marsh",),
                     id="'by' alone on its line over the name (and a subtitle above it)"),
        pytest.param("      THE FORD\n         AND\n    OTHER RIVERS {0}\n\n\n      * * * * *\n\n    By IDA MARSH\n\n"
                     "      * * * * *\n\n  _With drawings by Tom Reed_\n\n\n", "The Ford and Other Rivers", ("Ida Marsh",),
                     id="a title over three lines, rules between it and the byline"),
        pytest.param("-> The Ford <-\n*-> A Winter Tale <-*\n-> By Ida Marsh <-\n\n\n", "The Ford", ("Ida Marsh",),
                     id="rentry's centred lines"),
        pytest.param("Karel Čapek\n\n\n\n\n\nKRAKATIT\n\n\n\n\n\nKrakatit\n\n\n", "Krakatit", ("Karel Čapek",),
                     id="an ebook's author, a wide gap, the title in capitals (and a name beyond Latin-1)"),
        pytest.param("Des Meeres Wellen\n\nFranz Grillparzer\n\nTrauerspiel in fünf Aufzügen\n\n\n", "Des Meeres Wellen",
                     ("Franz Grillparzer",), id="title over the author over the genre, then a wider gap"),
        pytest.param("Giovanni Boccaccio\nDecameron\n \nNote\na cura di Laura Barberi\n\n", "Decameron",
                     ("Giovanni Boccaccio",), id="author over title over an editor's bare 'Note' (no AO3 label)"),
        pytest.param("BANNLYST\n\n  EN BERÄTTELSE\n\n       AV\n\n  SELMA LAGERLÖF\n\nSTOCKHOLM\n\n\n", "Bannlyst",
                     ("Selma Lagerlöf",), id="title, a subtitle opening on the Swedish article, 'AV' alone over the name"),
        pytest.param("Спасибо, что скачали книгу в библиотеке: http://library.example/\n\nПриятного чтения!\n\n\n\n\n"
                     "Анна Петрова\n\n•\n\nПаром\n\n" + P + "\n\n", "Паром", ("Анна Петрова",),
                     id="a download site's notice, then author, an ornament, the title, the story"),
    ],
)
def test_title_pages(top, title, authors):
    meta = parse(f"{top}Chapter 1\n\n{P}\n\nChapter 2\n\n{Q}").metadata
    assert (meta.title, meta.authors) == (title, authors)


def test_a_plate_over_the_title_page_stays_in_the_book():
    parsed = parse(f"[Illustration]\n\n\nThe Ford\n\nby Ida Marsh\n\n\nChapter 1\n\n{P}\n\nChapter 2\n\n{Q}")
    assert "[Illustration]" in " ".join(block_texts(parsed.front_matter[0].blocks))


@pytest.mark.parametrize(
    "text, language, expected",
    [
        pytest.param("HOW THE WHALE GOT HIS THROAT", "en", "How the Whale Got His Throat", id="English small words"),
        pytest.param("CHAPTER XII. THE END OF IT", "en", "Chapter XII. The End of It", id="numerals stay"),
        pytest.param("VI MAULE'S WELL", "en", "VI Maule's Well", id="an English title's numeral that spells an Italian word"),
        pytest.param("VI DICO DI NO", "it", "Vi dico di no", id="the Italian words that spell numerals"),
        pytest.param("LE GUÉ DE LA RIVIÈRE", "fr", "Le gué de la rivière", id="French: first word"),
        pytest.param("DER ALTE FLUSS", "de", "Der Alte Fluss", id="German: every word"),
        pytest.param("MR. AND MRS. DOVE", "en", "Mr. and Mrs. Dove", id="an abbreviation's point ends no sentence"),
        pytest.param("THE SEA. AND THEN", "en", "The Sea. And Then", id="a full stop ends one"),
        pytest.param("АРХИЕРЕЙ", "ru", "Архиерей", id="Cyrillic"),
        pytest.param("The Ford of the River", "en", "The Ford of the River", id="mixed case is left alone"),
        pytest.param("VIAGGIO DI MARE", "it", "Viaggio di mare", id="di is no numeral"),
        pytest.param("DERMOTT MCDERMOTT AND THE MCS", "en", "Dermott McDermott and the Mcs", id="Mc names"),
        pytest.param("有可能会BE吗？", "zh", "有可能会BE吗？", id="an acronym among ideographs"),
        pytest.param("BEŞİNCİ KISIM", "tr", "Beşinci kısım", id="Turkish dotted and dotless i"),
        pytest.param("İKİNCİ KISIM", "", "İkinci Kısım", id="a dotted capital İ tells a Turkic spelling"),
        pytest.param("TO FRAU VON STREICHER", "en", "To Frau von Streicher", id="a name's particle"),
        pytest.param("TO G. DEL RIO", "en", "To G. del Rio", id="an initial ends no sentence"),
        pytest.param("THE PLACE DE LA CONCORDE", "en", "The Place de la Concorde", id="la after a particle"),
        pytest.param("THE VAN DRIVER", "en", "The Van Driver", id="a particle that is an English word"),
        pytest.param("DE GAULLE SPEAKS", "en", "De Gaulle Speaks", id="a particle opening the title"),
        pytest.param("IN SUCCESSION.—RUE DES BERNARDINS", "en", "In Succession.—Rue des Bernardins", id="after a dash"),
        pytest.param("DES MEERES UND DER LIEBE WELLEN", "de", "Des Meeres und der Liebe Wellen", id="German small words"),
        pytest.param("I/O AND AT&T", "en", "I/O and AT&T", id="letters joined by a slash or an ampersand"),
        pytest.param("PEACE/WAR", "en", "Peace/War", id="after a slash"),
    ],
)
def test_title_case(text, language, expected):
    assert title_case(text, language) == expected


@pytest.mark.parametrize("numeral", ["II", "IV", "XII", "MIX", "VI."])
def test_a_numeral_alone_asks_the_census_for_no_names_as_it_keeps_its_capitals(numeral):
    """A book of sections I, II, III… has nothing to put in normal case: its text is not read for names."""
    from ebookify.reading.titlecase import title_words

    assert title_case(numeral, "it") == numeral
    assert title_words(numeral) == set()
    assert title_words("CHAPTER IV. THE FORD") == {"chapter", "iv", "the", "ford"}


def test_names_in_capitals():
    assert name_case("J. B. DE ALMEIDA-GARRETT") == "J. B. de Almeida-Garrett"
    assert name_case("İSMAİL KADARE") == "İsmail Kadare"


def test_parts_in_capitals_read_in_normal_case_in_the_contents_and_keep_their_numerals():
    text = "\n\n".join(f"PART {n}\n\nCHAPTER I.\n\n{P}\n\nCHAPTER II.\n\n{Q}" for n in ("V", "VI", "VII: THE MILL"))
    nav = unzip(convert(text.encode(), Options(cover=False)).epub)["EPUB/nav.xhtml"].decode()
    assert ">Part V<" in nav and ">Part VI<" in nav and ">Part VII: The Mill<" in nav


def test_the_contents_shows_capital_headings_in_normal_case_and_the_page_keeps_them():
    result = convert(f"CHAPTER I. THE FORD\n\n{P}\n\nCHAPTER II. THE END OF IT\n\n{Q}".encode(), Options())
    files = unzip(result.epub)
    assert "Chapter II: The End of It" in files["EPUB/nav.xhtml"].decode()
    assert "THE END OF IT" in files["EPUB/chapter-002.xhtml"].decode()


def test_the_contents_leave_out_the_full_stop_an_edition_sets_after_a_title_in_capitals():
    """"GRIMÖN." reads "Grimön" in the contents, as the book's title already lost its stop ("PAN
    TADEUSZ."); the page keeps the heading as printed; an abbreviation keeps its point."""
    result = convert(f"CHAPTER I. THE FERRY.\n\n{P}\n\nCHAPTER II. SMITH AND CO.\n\n{Q}".encode(), Options())
    files = unzip(result.epub)
    assert "Chapter I: The Ferry<" in files["EPUB/nav.xhtml"].decode()
    assert "Chapter II: Smith and Co.<" in files["EPUB/nav.xhtml"].decode()
    assert "THE FERRY." in files["EPUB/chapter-001.xhtml"].decode()


# Debug trace ---------------------------------------------------------------------------------------


def test_the_trace_names_the_signal_of_each_heading_and_each_rejection():
    trace = "\n".join(what for _, what in parse(COLLECTION).trace)
    assert "[contents list]" in trace and "contents list: 3 entries, 3 found" in trace
    trace = "\n".join(what for _, what in parse(f"{P}\n\n12\n\n{Q}").trace)
    assert "rejected '12'" in trace


# The shared samples against their truth ------------------------------------------------------------

TRUTH = SAMPLES / "truth.json"


@pytest.mark.skipif(not TRUTH.exists(), reason="the shared samples (../shared/samples/truth.json) are not here")
@pytest.mark.parametrize("entry", json.loads(TRUTH.read_text()) if TRUTH.exists() else [], ids=lambda e: e["file"])
def test_samples_read_as_their_truth_says(entry):
    result = convert((SAMPLES / entry["file"]).read_bytes(), Options(source_name=entry["file"]))
    meta = result.book.metadata
    if entry["title"]:
        assert key(meta.title) in {key(t) for t in [entry["title"], *entry.get("title_also", [])]}
    assert sorted(map(key, meta.authors)) == sorted(map(key, entry["authors"])) or (
        not entry["authors"] and meta.authors == ("Unknown",))
    assert result.chapters in [entry["chapters"], *entry.get("chapters_also", [])]


def test_a_wrapped_title_field_keeps_an_alternative_title_and_files_a_subtitle_apart():
    header = "The Project Gutenberg EBook of X\n\nTitle: The Ford\n       A Tale of the River\n\nAuthor: Ida Marsh\n\n"
    meta = parse(f"{header}*** START OF THIS PROJECT GUTENBERG EBOOK X ***\n\n{P}\n").metadata
    assert (meta.title, meta.subtitle) == ("The Ford", "A Tale of the River")


@pytest.mark.parametrize(
    "tail, titles",
    [
        pytest.param("NOTES\n\n1. The ford was rebuilt in 1850.", ["Notes"], id="notes in capitals"),
        pytest.param("ERRATA\n\nPage 3: for 'mil' read 'mill'.\n\n\nTranscriber's Notes\n\nSpelling kept.",
                     ["Errata", "Transcriber’s Notes"], id="errata and transcriber's notes"),
        pytest.param("NOTE\n\nSeven years later we went back to the ford.", [], id="a closing note is story"),
        pytest.param("Notes:\n\nThanks for reading!", [], id="mixed case is an author's note"),
        pytest.param("ÍNDICE\n\n   PRÓLOGO   6\n   I   21\n   II   29", ["Contents"], id="a contents list at the back"),
    ],
)
def test_notes_index_and_errata_after_the_last_chapter_go_to_the_back(tail, titles):
    parsed = parse(f"Chapter 1\n\n{P}\n\nChapter 2\n\n{Q}\n\n\n{tail}\n")
    assert [s.title for s in parsed.back_matter] == titles
    assert len(parsed.chapters) == 2


@pytest.mark.parametrize("heading, body, expected", [
    pytest.param("FLORIDE ET TEXAS", "Il partit pour la Floride, puis le Texas.", "Floride et Texas",
                 id="names the text writes with a capital keep it"),
    pytest.param("LE PASSAGER DE L'«ATLANTA»", "On attendait l'«Atlanta» au port.", "Le passager de l'«Atlanta»",
                 id="a name behind an elided article"),
    pytest.param("LA FÊTE DE LA FONTE", "La fonte commença. Fête ou pas, la fonte eut lieu.", "La fête de la fonte",
                 id="a word capitalised only at a sentence start is no name"),
    pytest.param("VI", "Un texte.", "VI", id="a numeral alone stays a numeral"),
])
def test_headings_in_capitals_keep_the_names_their_book_uses(heading, body, expected):
    from ebookify.reading.titlecase import proper_names, title_case

    assert title_case(heading, "fr", proper_names([body])) == expected


@pytest.mark.parametrize("label, expected", [
    pytest.param("CAPITOLO V", "Capitolo V", id="a one-letter numeral"),
    pytest.param("CAPITOLO VI.", "Capitolo VI.", id="a numeral that is also an Italian word"),
    pytest.param("CHAPTER XLII", "Chapter XLII", id="a long numeral"),
])
def test_a_labels_numerals_stay_numerals(label, expected):
    from ebookify.reading.titlecase import title_case

    assert title_case(label, "it", label=True) == expected


def _census_word_by_word(texts: list[str]) -> frozenset[str]:
    """The name census read plainly, every word in turn: what the fast census must equal."""
    from collections import Counter

    from ebookify.reading import titlecase

    capitalised, plain = Counter(), Counter()
    for text in texts:
        for match in titlecase._TEXT_WORD.finditer(text):
            word = match.group()
            elided = titlecase._ELIDED.match(word)
            if elided and elided[2][:1].isupper():
                capitalised[elided[2].lower()] += 1
            elif word[0].islower():
                plain[word] += 1
            elif not word.isupper() and titlecase._mid_sentence(text, match.start()):
                capitalised[word.lower()] += 1
    return frozenset(word for word, count in capitalised.items() if count > plain[word])


_CENSUS_WORDS = ["Tom", "tom", "the", "The", "Paris", "paris", "l'Atlanta", "d'Alice", "O'Brien", "«Atlanta»", "Texas,",
                 "JOHN", "Élodie", "élodie", "Москва", "москва", "rock-Band", "Band", "'Tis", "dogs'", "Tom's", "3Tom",
                 "-Tom", "—Tom", "“Tom", "(Tom", "Gun-Club", "gun-club"]
_CENSUS_GAPS = [" ", ". ", ", ", "! ", "\n", "  ", "\u00a0", " — ", "--", "'", "’"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(_CENSUS_WORDS), st.sampled_from(_CENSUS_GAPS)), min_size=1, max_size=25),
                min_size=1, max_size=4),
       st.sets(st.sampled_from(["tom", "paris", "atlanta", "alice", "brien", "texas", "élodie", "москва", "band", "john"])))
def test_the_fast_name_census_counts_as_reading_word_by_word(paragraphs, asked):
    from ebookify.reading.titlecase import proper_names

    texts = ["".join(word + gap for word, gap in paragraph) for paragraph in paragraphs]
    expected = _census_word_by_word(texts)
    assert proper_names(texts) == expected
    assert proper_names(texts, frozenset(asked)) & asked == expected & asked


def _cased(words):
    return st.sampled_from(words).flatmap(lambda w: st.sampled_from([w, w.upper(), w.capitalize()]))


# Lines shaped like the dates a diary heads its entries with, and near misses: an optional
# weekday, "the", a day, "of", a month and a year, each in any case, with the punctuation people
# use, or any word in place of one of them.
def _maybe(words):
    return st.one_of(st.just(""), _cased(words), _cased(["chapter", "dear", "x", "*"]))


_DATE_LIKE = st.tuples(
    _maybe(["monday", "mardi", "mon", "tues", "sonnabend", "miércoles"]), _maybe(["the"]),
    st.one_of(st.integers(1, 31).map(str), st.sampled_from(["3rd", "21st", "4.", "12º", "٣", ""])),
    _maybe(["of", "de"]), _maybe(["march", "märz", "sept", "août", "oktober"]),
    st.sampled_from(["", "1902", "de 1902"]),
)


@settings(max_examples=500, deadline=None)
@given(_DATE_LIKE, st.lists(st.sampled_from([" ", ", ", ". ", ".", ": ", "\t", "\u00a0", ""]), min_size=6, max_size=6))
def test_the_quick_look_at_a_line_never_turns_away_a_date_the_pattern_reads(words, gaps):
    from ebookify.reading import families

    text = "".join(word + gap for word, gap in zip(words, gaps) if word).strip()
    if families._DATE_LINE.match(text):
        assert families._may_be_date(text), text


# Heading lines and near misses: a keyword, a space, a number in figures or words ("the", a
# hyphen, a letter after it) or any word, a separator and a title, each in any case.
_HEADING_LIKE = st.tuples(
    _cased(["chapter", "chap.", "ch.", "chapitre", "capítulo", "part", "book", "livre", "day", "letter",
            "prologue", "epilogue", "act", "глава", "часть", "tag", "side story", "bonus chapter", "vol.", "theil",
            "there", "forgotten", "tombstone", "parted"]),
    st.sampled_from([" ", "  ", " the "]),
    st.one_of(st.integers(0, 2000).map(str), _cased(["iv", "xii", "mix", "civil", "dim", "i", "x"]),
              _cased(["one", "twenty", "first", "premier", "dritte", "последний", "once", "un", "due", "elf",
                      "someone", "often", "dos"])),
    st.sampled_from(["", "-one", " one", "-first", "a", "b", "e", ".5", ".", "s"]),
    st.sampled_from(["", ": ", ". ", " - ", " ", " — ", ":", "|"]),
    st.sampled_from(["", "The Storm", "rain", "1", "One Night", "after the fall", "is over."]),
)


@settings(max_examples=800, deadline=None)
@given(_HEADING_LIKE, st.sampled_from(["", " and one more", ", the first time in twenty years"]), st.booleans())
def test_headings_read_by_the_grammar_without_spelled_numbers_are_those_the_whole_grammar_reads(parts, prose, glued):
    from ebookify.reading import headings

    text = "".join(parts[:1] + (("",) if glued else ()) + parts[1 + glued:]).strip() + prose
    whole = headings._KEYWORD_LINE.match(text)
    quick = headings._keyword_match(text, text.casefold())
    assert (quick and quick.groupdict()) == (whole and whole.groupdict()), text


@settings(max_examples=800, deadline=None)
@given(_HEADING_LIKE, st.sampled_from(["", " and one more", " the first time, twenty years on"]), st.booleans())
def test_a_label_read_without_spelled_numbers_is_the_one_the_whole_grammar_reads(parts, prose, glued):
    """A long line's "Chapter VI": only a number word among its first words opens the whole grammar."""
    from ebookify.reading import headings

    text = "".join(parts[:1] + (("",) if glued else ()) + parts[1 + glued:]).strip() + prose
    whole = headings._LABEL_START.match(text)
    assert headings.keyword_label(text) == (whole.group() if whole else ""), text


@settings(max_examples=800, deadline=None)
@given(st.tuples(_cased(["the", "the first", "first", "the last", "the twentieth", "the big", "tredje", "the  second",
                         "theme", "erstes", "birinci", "the first time"]),
                 st.sampled_from([" ", "  ", ". ", "", "\t"]),
                 _cased(["book", "chapter", "act", "day", "kapitel", "part", "of", "teil", "bölüm", "kısım", "capítulo"]),
                 st.sampled_from(["", ": The Storm", " rain", ".", "—Rain", ":"])))
def test_the_quick_look_before_the_ordinal_grammar_turns_away_no_line_it_reads(parts):
    from ebookify.reading import headings

    text = "".join(parts)
    if headings._ORDINAL_BEFORE.match(text):
        assert headings._opens_with_ordinal(text.casefold()), text


@pytest.mark.parametrize("after", [" 3", " One", ": The Storm", "", " IV. Rain"])
def test_the_quick_look_at_a_line_opens_the_keyword_grammar_to_every_keyword(after):
    """Every keyword, in every case its letters allow, is let through to the grammar."""
    import re

    from ebookify.reading import headings

    for written in "|".join((headings._CHAPTER_WORDS, headings._PART_WORDS, headings._SPECIAL_WORDS)).split("|"):
        for choice in (0, -1):  # the first and the last letter of each [..] class
            word = re.sub(r"\[([^\]]*)\]", lambda m: m[1][choice], written).replace("\\", "").replace("?", "")
            for text in (word + after, word.upper() + after, word.capitalize() + after):
                if headings._KEYWORD_LINE.match(text):
                    assert headings._opens_with_keyword(text.casefold()), text


@settings(max_examples=1500, deadline=None)
@given(_HEADING_LIKE, st.sampled_from(["", " and one more", ", the first time in twenty years"]), st.booleans())
def test_the_quick_look_at_a_line_turns_away_no_line_the_keyword_grammars_read(parts, prose, glued):
    """Keywords glued to their numerals ("ChapterIV", "Chapterone") and prose that opens like one."""
    from ebookify.reading import headings

    text = "".join(parts[:1] + (("",) if glued else ()) + parts[1 + glued:]).strip() + prose
    if headings._KEYWORD_LINE.match(text) or headings._LABEL_START.match(text):
        assert headings._opens_with_keyword(text.casefold()), text


@pytest.mark.parametrize("line", ["The sun was slowly approaching the horizon.", "Charles came in.",
                                  "Captain Holt nodded.", "Thereafter, nothing.", "Booth was empty."])
def test_the_quick_look_turns_away_prose_that_only_opens_like_a_keyword(line):
    from ebookify.reading import headings

    assert not headings._opens_with_keyword(line.casefold())


# Chinese, Japanese and Korean editions ---------------------------------------------------------------


def test_the_quick_look_for_chinese_japanese_and_korean_misses_no_letter_or_mark_of_theirs():
    """``may_be_cjk`` spares other texts compiling these classes; it must never turn one away."""
    import re

    from ebookify.patterns import CJK_MARKS, HAN, HANGUL, KANA, may_be_cjk

    theirs = re.compile(f"[{HAN}{KANA}{HANGUL}{CJK_MARKS}]")
    assert [c for c in map(chr, range(0x110000)) if theirs.match(c) and not may_be_cjk(f"a “{c}”")] == []
    assert not may_be_cjk("“Don’t”—she said… «oui» ¿qué? Ярослав")

_ZH = "他走进了房间，看见桌上放着一封信。信是母亲写的，字迹有些潦草。"
_JA = "彼は部屋に入った。机の上に手紙があった。母からの手紙だった。"


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("第一章 出发", ("chapter", "第一章", "出发"), id="Chinese numeral, a space"),
        pytest.param("第十一章：山路", ("chapter", "第十一章", "山路"), id="a full-width colon"),
        pytest.param("第1000章 终局", ("chapter", "第1000章", "终局"), id="digits"),
        pytest.param("第一百二十回 甄士隐梦幻识通灵", ("chapter", "第一百二十回", "甄士隐梦幻识通灵"), id="a classic's 回"),
        pytest.param("第12話\u3000旅立ち", ("chapter", "第12話", "旅立ち"), id="Japanese 話, an ideographic space"),
        pytest.param("第一章出发", ("chapter", "第一章", "出发"), id="a short title straight on"),
        pytest.param("第一卷 青山", ("part", "第一卷", "青山"), id="a volume is a part"),
        pytest.param("제3장 귀환", ("chapter", "제3장", "귀환"), id="Korean"),
        pytest.param("楔子 风起", ("special", "楔子", "风起"), id="a wedge, the Chinese prologue"),
        pytest.param("プロローグ", ("special", "プロローグ", ""), id="a Japanese prologue"),
        pytest.param("番外篇其二 通宵电影", ("special", "番外篇其二", "通宵电影"), id="an extra's number is its label's"),
        pytest.param("第三回合他输了。", None, id="a sentence about a third round"),
        pytest.param("第一次见面，他笑了。", None, id="a sentence about a first meeting"),
        pytest.param("第二部分是关于他的故事，很长。", None, id="a sentence that starts like a part"),
        pytest.param("第一部分 风起", ("part", "第一部分", "风起"), id="部分, a part, is one word"),
        pytest.param("第二部分 终", None, id="the end of part two"),
        pytest.param("正文 第一回 石桥边老翁卖柴", ("chapter", "第一回", "石桥边老翁卖柴"), id="a TXT site's 正文 before it"),
        pytest.param("《》目录 第二回　茅屋夜谈", ("chapter", "第二回", "茅屋夜谈"), id="a TXT site's empty bookmark before it"),
        pytest.param("第一卷（完）", None, id="the end of volume one, in brackets"),
        pytest.param("FÖRSTA KAPITLET.", ("chapter", "FÖRSTA KAPITLET", ""), id="sv: ordinal first"),
        pytest.param("Tjugoförsta kapitlet – Hemma", ("chapter", "Tjugoförsta kapitlet", "Hemma"), id="sv: 21st"),
        pytest.param("BİRİNCİ BÖLÜM", ("chapter", "BİRİNCİ BÖLÜM", ""), id="tr: ordinal first, dotted capitals"),
        pytest.param("3. Bölüm: Ankara", ("chapter", "3. Bölüm", "Ankara"), id="tr: number first"),
        pytest.param("1. fejezet", ("chapter", "1. fejezet", ""), id="hu: number first"),
        pytest.param("PRIMERA PARTE", ("part", "PRIMERA PARTE", ""), id="es: ordinal first, a part"),
        pytest.param("Tom II", ("part", "Tom II", ""), id="pl: a volume"),
        pytest.param("První kapitola", ("chapter", "První kapitola", ""), id="cs: ordinal first"),
        pytest.param("Kapitola 12", ("chapter", "Kapitola 12", ""), id="cs"),
        pytest.param("Ensimmäinen runo", ("chapter", "Ensimmäinen runo", ""), id="fi: a runo"),
        pytest.param("Yhdeskolmatta runo", ("chapter", "Yhdeskolmatta runo", ""), id="fi: 21st, the older way"),
        pytest.param("TOINEN KIRJA.", ("part", "TOINEN KIRJA", ""), id="fi: a book"),
        pytest.param("Kolmas luku: Meri", ("chapter", "Kolmas luku", "Meri"), id="fi: ordinal first"),
        pytest.param("Глава четвертая", ("chapter", "Глава четвертая", ""), id="ru: a fourth chapter"),
        pytest.param("ЧАСТЬ ШЕСТАЯ", ("part", "ЧАСТЬ ШЕСТАЯ", ""), id="ru: a sixth part, in capitals"),
        pytest.param("Том второй", ("part", "Том второй", ""), id="ru: a masculine ordinal"),
        pytest.param("Rozdział jedenasty", ("chapter", "Rozdział jedenasty", ""), id="pl: a masculine ordinal"),
        pytest.param("Erstes Kapitel", ("chapter", "Erstes Kapitel", ""), id="de: ordinal first"),
        pytest.param("Zweiter Teil", ("part", "Zweiter Teil", ""), id="de: a part"),
        pytest.param("ERSTER THEIL.", ("part", "ERSTER THEIL", ""), id="de: a part, in the old spelling"),
        pytest.param("EERSTE HOOFDSTUK", ("chapter", "EERSTE HOOFDSTUK", ""), id="nl: ordinal first"),
        pytest.param("VYFTIENDE HOOFDSTUK", ("chapter", "VYFTIENDE HOOFDSTUK", ""), id="nl: the older y for ij"),
        pytest.param("Tweede deel", ("part", "Tweede deel", ""), id="nl: a part"),
        pytest.param("ZEVENTIENDE HOOFDSTUK[141]", ("chapter", "ZEVENTIENDE HOOFDSTUK", ""), id="an edition's note mark on it"),
        pytest.param("Erste Hilfe", None, id="de: an ordinal over no heading word"),
        pytest.param("Inferno • Canto I", ("chapter", "Canto I", ""), id="a canto after its cantica's name"),
        pytest.param("CHAPTER XVIII(*) -- CONCERNING", ("chapter", "CHAPTER XVIII", "CONCERNING"), id="a note's star on it"),
        pytest.param("Глава Х", ("chapter", "Глава X", ""), id="ru: the numeral X typed as Cyrillic Kha"),
        pytest.param("Глава ХІ. Дорога", ("chapter", "Глава XI", "Дорога"), id="ru: Kha and the Ukrainian I"),
        pytest.param("Milk, eggs • Canto I", None, id="a list before the bullet names no part"),
        pytest.param("Chương 1: Tôi sống độc lập", ("chapter", "Chương 1", "Tôi sống độc lập"), id="vi"),
        pytest.param("Розділ 3", ("chapter", "Розділ 3", ""), id="uk"),
        pytest.param("Κεφάλαιο 2", ("chapter", "Κεφάλαιο 2", ""), id="el"),
        pytest.param("Bab 4", ("chapter", "Bab 4", ""), id="id"),
        pytest.param("Dayı: Öldü adam", None, id="tr: uncle is no day"),
        pytest.param("Tom M. Riddle.", None, id="a name is no volume"),
        pytest.param("Del 1 al 10 de mayo", None, id="a Spanish phrase is no Swedish part"),
    ],
)
def test_chapter_headings_in_many_languages(line, expected):
    from ebookify.reading.headings import match_heading

    found = match_heading(line)
    assert (found and (found.kind, found.label, found.title)) == expected


def test_a_chinese_web_novel_paste_gives_its_title_author_blurb_and_chapters():
    text = "\n".join(["《青山远行记》", "作者：林小舟", "", "内容简介：", "一个少年离开家乡的故事。", ""]
                     + [line for n in "一二三" for line in (f"第{n}章 山路", "", _ZH, _ZH, "")])
    story = parse(text)
    assert (story.metadata.title, story.metadata.authors) == ("青山远行记", ("林小舟",))
    assert block_texts(story.metadata.description) == ["一个少年离开家乡的故事。"]
    assert [(c.label, c.title) for c in story.chapters] == [("第一章", "山路"), ("第二章", "山路"), ("第三章", "山路")]


def test_a_japanese_web_novels_arcs_are_parts_over_its_episodes():
    heads = ["第一章 旅立ち", "第1話 出会い", "第2話 別れ", "第二章 王都", "第3話 再会"]
    text = "異世界の旅人\n\n作者：山田太郎\n\n" + "".join(
        f"{h}\n\n" + ("" if "章" in h else f"{_JA}\n{_JA}\n\n") for h in heads)  # an arc's episodes follow at once
    epub = convert(text.encode(), Options(cover=False)).epub
    nav = unzip(epub)["EPUB/nav.xhtml"].decode()
    assert nav.index("第一章 旅立ち") < nav.index("第1話 出会い") < nav.index("第二章 王都") < nav.index("第3話 再会")
    story = parse(text)
    assert [(c.label, c.part) for c in story.chapters] == [
        ("第1話", "第一章 旅立ち"), ("第2話", "第一章 旅立ち"), ("第3話", "第二章 王都")]


def test_hard_wrapped_chinese_joins_its_lines_without_spaces():
    text = ("第一章 出发\n\n他走进了房间，看见桌上放着\n一封信。信是母亲写的，字\n迹有些潦草。他读了很久，\n然后把信放进口袋里，走出\n"
            "了家门。\n\n天已经黑了。村口的老槐树\n下站着一个人。他认得那个\n人，那是他的哥哥。哥哥\n什么也没说。\n")
    assert block_texts(parse(text).chapters[0].blocks) == [
        "他走进了房间，看见桌上放着一封信。信是母亲写的，字迹有些潦草。他读了很久，然后把信放进口袋里，走出了家门。",
        "天已经黑了。村口的老槐树下站着一个人。他认得那个人，那是他的哥哥。哥哥什么也没说。"]


def test_a_japanese_line_that_ends_a_sentence_is_a_paragraph():
    lines = [_JA, "「おはよう」と彼女は言った。", _JA + _JA, "\u3000\u3000彼は黙っていた。"] * 3
    text = "第1話 出会い\n\n" + "\n".join(lines) + "\n"
    assert block_texts(parse(text).chapters[0].blocks) == [line.strip() for line in lines]


def test_japanese_sections_numbered_in_kanji_with_a_title_are_chapters():
    """"　　　　　一　時代": Akutagawa's sections, a kanji numeral and a title a full-width space
    apart, set in from the margin; a family of them, in sequence."""
    titles = ["一　雨", "二　港", "三　帳面"]
    text = "\n".join(line for title in titles for line in ("", f"\u3000\u3000\u3000\u3000\u3000{title}", "", *[f"\u3000{_JA}"] * 4))
    assert [(c.label, c.title) for c in parse(text).chapters] == [tuple(t.split("\u3000")) for t in titles]


def test_japanese_speech_flush_left_under_indented_narration_is_a_paragraph_of_its_own():
    """A web novel indents its narration and sets each line of speech in 「」 flush left: each is a
    paragraph, and a full-width space inside a line ("え？　これ") is kept."""
    lines = ["\u3000腹に鈍い痛みを感じて、勇者は目を覚ました。", "「勇者、もう朝やで。見張り終わってもええ？」",
             "\u3000目を開けると、小柄な少女が拳を振り回していた。", "「普通に起こせないのか？」", "「え？\u3000これが普通やけど」"]
    text = "第1話 出会い\n\n" + "\n".join(lines * 2) + "\n"
    assert block_texts(parse(text).chapters[0].blocks) == [line.lstrip("\u3000") for line in lines * 2]


@pytest.mark.parametrize("language, flush", [("ja", True), ("zh", False)])
def test_a_reader_sets_japanese_speech_flush_where_narration_is_indented(language, flush):
    """As Japanese print does (MuPDF lays the pages out); Chinese indents its 「」 speech like the rest."""
    import pymupdf

    speech, narration = "「普通に起こせないのか？」", "目を開けると、小柄な少女が拳を振り回していた。"
    text = f"第1話 出会い\n\n\u3000{_JA}\n{speech}\n\u3000{narration}\n"
    book = convert(text.encode(), Options(cover=False, language=language)).epub
    with pymupdf.open(stream=book, filetype="epub") as document:
        starts = {line["spans"][0]["text"][:3]: line["bbox"][0] for page in document
                  for block in page.get_text("dict")["blocks"] for line in block.get("lines", ())}
    indent = starts[narration[:3]] - starts[speech[:3]]
    assert indent > 5 if flush else abs(indent) < 1, starts


@pytest.mark.parametrize("line", ["＊＊＊", "☆☆☆", "◇◇◇", "――――", "\u3000\u3000＊\u3000\u3000＊\u3000\u3000＊", "★",
                                  "━" * 43, "─" * 50])
def test_cjk_scene_breaks(line):
    from ebookify.model import SceneBreak

    text = f"第1話 出会い\n\n{_JA}\n\n{line}\n\n{_JA}\n"
    assert [type(b) for b in parse(text).chapters[0].blocks][1] is SceneBreak


def test_a_chinese_contents_list_at_the_top_is_front_matter():
    names = ["出发", "山路", "河边"]
    text = "\n".join(["《青山远行记》", "作者：林小舟", "", "目录", ""] + [f"第{n}章 {t}" for n, t in zip("一二三", names)] + [""]
                     + [line for n, t in zip("一二三", names) for line in (f"第{n}章 {t}", "", _ZH, _ZH, "")])
    story = parse(text)
    assert [(c.label, c.title) for c in story.chapters] == [("第一章", "出发"), ("第二章", "山路"), ("第三章", "河边")]


def test_a_classical_chinese_books_chapters_are_named_then_numbered():
    """"学而第一", "为政第二": a classical book names each chapter by its opening words, then its
    ordinal. Its title stands alone at the top; the first chapter's heading is no author's name."""
    names = ["春日第一", "夏日第二", "秋日第三"]
    text = "\n".join(["小园记", "", *[line for name in names for line in (f"　　{name}", "", *[f"　　{_ZH}"] * 4, "")]])
    story = parse(text)
    assert [c.label for c in story.chapters] == names
    assert (story.metadata.title, story.metadata.authors) == ("小园记", ())


def test_a_classics_chapters_may_carry_the_works_name():
    """"论语·学而篇第一", "论语·为政篇第二": the work's name, a middle dot, the chapter's."""
    names = ["小园·春日篇第一", "小园·夏日篇第二", "小园·秋日篇第三"]
    text = "\n".join(line for name in names for line in (name, "", *[f"　　{_ZH}"] * 4, ""))
    assert [c.label for c in parse(text).chapters] == names


def test_an_ordinal_after_a_name_alone_is_no_chapter():
    text = f"{_ZH}\n\n天下第一\n\n{_ZH}\n\n{_ZH}\n"
    assert [c.label for c in parse(text).chapters] == [""]


@pytest.mark.parametrize("numeral, value", [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("一百二十", 120),
                                            ("一千零一", 1001), ("两", 2), ("〇", 0), ("1", None), ("章", None)])
def test_cjk_numerals(numeral, value):
    from ebookify.reading.headings import cjk_value

    assert cjk_value(numeral) == value


@pytest.mark.parametrize(
    "opening, expected",
    [
        pytest.param("吾輩は猫である\n夏目漱石\n\n", ("吾輩は猫である", ("夏目漱石",)), id="Japanese: a title over a name"),
        pytest.param("青山远行记\n林小舟\n\n", ("青山远行记", ("林小舟",)), id="Chinese"),
        pytest.param("異世界の旅人\nジョン・スミス\n\n", ("異世界の旅人", ("ジョン・スミス",)), id="a name in katakana"),
        pytest.param("『春と修羅』\n宮沢賢治\n\n", ("春と修羅", ("宮沢賢治",)), id="a title in the marks of a book's title"),
        pytest.param("「おはよう」\n「うん」\n\n", ("", ()), id="two lines of dialogue are no title"),
        pytest.param("『おはよう』\n「うん」\n\n", ("", ()), id="nor quoted words over dialogue"),
        pytest.param("春が来た。\n花が咲いた\n\n", ("", ()), id="a sentence is no title"),
        pytest.param("青山远行记\n林小舟\n他走进了房间。\n\n", ("", ()), id="a name must stand alone"),
    ],
)
def test_a_cjk_text_opens_with_its_title_over_its_authors_name(opening, expected):
    story = parse(opening + f"{_ZH}\n\n{_ZH}\n")
    assert (story.metadata.title, story.metadata.authors) == expected


def test_a_capitalised_line_atop_a_gutenberg_text_stays_in_its_front_matter():
    """A book's header names it: "TRANSCRIBER'S NOTE" over the edition's first paragraph is no title."""
    text = ("The Project Gutenberg eBook of The Ford\n\nTitle: The Ford\n\nAuthor: Ida Marsh\n\n"
            "*** START OF THE PROJECT GUTENBERG EBOOK THE FORD ***\n\n\n\nTRANSCRIBER'S NOTE\n\n"
            "Obvious printing errors have been corrected without note in this edition.\n\n\n\n"
            f"CHAPTER I\n\n{P}\n\nCHAPTER II\n\n{Q}\n\n*** END OF THE PROJECT GUTENBERG EBOOK THE FORD ***\n")
    parsed = parse(text)
    assert parsed.metadata.title == "The Ford"
    assert "TRANSCRIBER'S NOTE" in block_texts(parsed.front_matter[0].blocks)


def test_the_title_page_atop_a_gutenberg_text_stays_in_its_front_matter():
    """The header names the book; the edition's own "THE FORD / By I.M. Marsh" are its words and stay."""
    text = ("The Project Gutenberg eBook of The Ford\n\nTitle: The Ford\n\nAuthor: Ida Marsh\n\n"
            "*** START OF THE PROJECT GUTENBERG EBOOK THE FORD ***\n\n\n\nTHE FORD\n\nBy I.M. Marsh\n\n\n\n"
            f"CHAPTER I\n\n{P}\n\nCHAPTER II\n\n{Q}\n\n*** END OF THE PROJECT GUTENBERG EBOOK THE FORD ***\n")
    parsed = parse(text)
    assert (parsed.metadata.title, parsed.metadata.authors) == ("The Ford", ("Ida Marsh",))
    assert block_texts(parsed.front_matter[0].blocks)[:2] == ["THE FORD", "By I.M. Marsh"]


@pytest.mark.parametrize("end, kept", [("THE END.", True), ("FINE.", True), ("终", True), ("Fine.", False),
                                       ("FIN DES PRÉCIEUSES RIDICULES.", True), ("End of the road.", False)])
def test_what_an_edition_printed_after_the_end_is_its_back_matter(end, kept):
    """A publisher's list of books, a printer's colophon after "THE END": the edition's pages, not
    the last chapter's story. Only an end mark set as editions set it: "Fine." is a character's word."""
    text = ("The Project Gutenberg eBook of The Ford\n\nTitle: The Ford\n\nAuthor: Ida Marsh\n\n"
            "*** START OF THE PROJECT GUTENBERG EBOOK THE FORD ***\n\n\n\n"
            f"CHAPTER I\n\n{P}\n\nCHAPTER II\n\n{Q}\n\n{end}\n\n\n\nBOOKS FOR GIRLS\n\n"
            "THE FERRY. By Ida Marsh. Cloth, $1.50.\n\nTHE ISLAND. By Ida Marsh. Cloth, $1.50.\n\n"
            "*** END OF THE PROJECT GUTENBERG EBOOK THE FORD ***\n")
    parsed = parse(text)
    last = block_texts(parsed.chapters[-1].blocks)
    if kept:
        assert last[-1] == end and block_texts(parsed.back_matter[0].blocks)[0] == "BOOKS FOR GIRLS"
    else:
        assert last[-3:] == ["BOOKS FOR GIRLS", "THE FERRY. By Ida Marsh. Cloth, $1.50.", "THE ISLAND. By Ida Marsh. Cloth, $1.50."]


@pytest.mark.parametrize("end, centred", [("THE END.", True), ("— The End —", True), ("FIN", True), ("終", True),
                                          ("END OF THE FIRST BOOK", True),
                                          ("Fine.", False), ("Fin de siècle.", False)])
def test_a_reader_centres_the_end_mark_as_editions_print_it(end, centred):
    """MuPDF lays the page out: "THE END" stands in the middle of its line, a word of the story does not."""
    import pymupdf

    book = convert(f"CHAPTER I\n\n{P}\n\n{Q}\n\n{end}\n".encode(), Options(cover=False)).epub
    with pymupdf.open(stream=book, filetype="epub") as document:
        page = next(p for p in document if end[:3] in p.get_text())
        line = next(line["bbox"] for block in page.get_text("dict")["blocks"] for line in block.get("lines", ())
                    if line["spans"][0]["text"].startswith(end[:3]))
        middle = (page.rect.width / 2, (line[0] + line[2]) / 2)
    assert abs(middle[0] - middle[1]) < 2 if centred else middle[1] < middle[0] - 20, (middle, line)


def test_a_plays_acts_in_words_are_its_chapters_and_its_list_of_scenes_stays_text():
    """"THE SCENES OF THE PLAY" lists "ACT I. A Flat in Town"; the text says "FIRST ACT"."""
    scenes = "THE SCENES OF THE PLAY\n\nACT I. A Flat in Town.\n\nACT II. The Garden.\n\nTIME: The Present.\n\n\n\n"
    acts = "".join(f"{n} ACT\n\n\nSCENE\n\n{P}\n\nJACK.\n{Q}\n\n\n\n" for n in ("FIRST", "SECOND"))
    parsed = parse(f"The Ford\n\nA Comedy\n\n{scenes}{acts}")
    assert [c.label for c in parsed.chapters] == ["FIRST ACT", "SECOND ACT"]
    assert {"ACT I. A Flat in Town.", "ACT II. The Garden."} <= set(block_texts(parsed.front_matter[0].blocks)), \
        "the list's lines as typed, not as headings would read"


def test_a_label_over_its_title_matches_an_entry_that_gives_the_number_and_title_alone():
    """The list: "CHAPTER I. The Widow  1" / "II. The Old Mint  13"; the text: "CHAPTER II." over
    "The Old Mint.": one heading, nothing of it lost."""
    listing = ("CONTENTS.\n\nCHAPTER I. The Widow and her Child             1\n"
               "       II. The Old Mint                       13\n"
               "      III. The first Step towards the Ladder 119\n"
               "       IV. Jonathan Wild's House in the Old  201\n"
               "              Bailey\n"
               "        V. The Storm                         224\n\n\n\n")
    titles = ("The Widow and her Child.", "The Old Mint.", "The first Step towards the Ladder.",
              "Jonathan Wild's House in the Old Bailey.", "The Storm.")
    body = "".join(f"CHAPTER {n}.\n\n{title}\n\n\n{P}\n\n{Q}\n\n\n\n" for n, title in zip(("I", "II", "III", "IV", "V"), titles))
    parsed = parse(listing + body)
    assert [(c.label, c.title) for c in parsed.chapters] == [
        (f"CHAPTER {n}", title) for n, title in zip(("I", "II", "III", "IV", "V"), titles)]
    assert all(block_texts(c.blocks) == [P, Q] for c in parsed.chapters)


def test_a_list_of_several_parts_goes_on_past_the_gap_before_each_part():
    """"CONTENTS OF VOLUME II." names letters by part, four blank lines before each part: the list
    is whole, and the part headings in it are no chapters."""
    part = lambda word, first: (f"{word} PART.\n\n" + "\n".join(f"{n}. To Ada" for n in range(first, first + 4)) + "\n\n\n\n")
    listing = "CONTENTS OF VOLUME II.\n\n\n" + part("SECOND", 1) + part("THIRD", 5)
    letters = "".join(f"{n}. TO ADA.\n\n{P}\n\n" for n in range(1, 9))
    parsed = parse(f"{listing}\n{letters}")
    assert [c.label for c in parsed.chapters] == [str(n) for n in range(1, 9)]
    assert "THIRD PART." in " ".join(block_texts(parsed.front_matter[0].blocks))


def test_french_parts_in_ordinal_words_stand_over_their_numbered_chapters():
    chapters = "".join(f"{n}\n\n\n{P}\n\n{Q}\n\n\n" for n in ("I", "II", "III"))
    parsed = parse(f"Première Partie\n\n\n\n{chapters}Deuxième partie\n\n\n\n{chapters}")
    assert [(c.part, c.label) for c in parsed.chapters] == [
        (part, n) for part in ("Première Partie", "Deuxième partie") for n in ("I", "II", "III")]


def test_the_list_names_a_book_without_its_article():
    """The list: "FIRST BOOK"; the text: "THE FIRST BOOK" over its numbered thoughts."""
    listing = "CONTENTS\n\n     FIRST BOOK\n\n     SECOND BOOK\n\n     THIRD BOOK\n\n\n\n"
    books = "".join(f"THE {n} BOOK\n\n\nI. {P}\n\nII. {Q}\n\n\n" for n in ("FIRST", "SECOND", "THIRD"))
    parsed = parse(listing + books)
    assert [c.label for c in parsed.chapters] == ["THE FIRST BOOK", "THE SECOND BOOK", "THE THIRD BOOK"]


def test_an_edition_s_title_page_list_parts_and_running_titles_make_no_chapters():
    """Over the list, "_VOL. XII_" is the title page's; a part's heading over a running title
    ("THE HARBOUR CHRONICLE.") is still a part; entries with a page one space away or on a wrapped
    entry's first line are entries, not the list's own headings."""
    first = ("The Ford", "The Mill at the end of the Lane", "A Wet Night")
    second = ("The Storm that broke over the Harbour", "The Wreck", "The Long Road")
    listing = ("CONTENTS.\n\nEPOCH THE FIRST, 1703.\n\n"
               "CHAPTER I. The Ford                           1\n"
               "       II. The Mill at the end of the Lane 19\n"
               "      III. A Wet Night                       27\n\n"
               "EPOCH THE SECOND, 1715.\n\n"
               "CHAPTER I. The Storm that broke over the    31\n"
               "              Harbour\n"
               "       II. The Wreck                         40\n"
               "      III. The Long Road                     52\n\n\n\n")
    long = "\n\n".join([P, Q] * 12)  # chapters as long as a novel's (a list at the back has short ones)
    epoch = lambda name, year, titles: (f"EPOCH THE {name}.\n\n{year}.\n\n\n\nTHE HARBOUR CHRONICLE.\n\n\n\n" + "".join(
        f"CHAPTER {n}.\n\n{t}.\n\n\n{long}\n\n\n\n" for n, t in zip(("I", "II", "III"), titles)))
    text = "The Ford Library\n\n_VOL. XII_\n\nTHE HARBOUR\n\n\n\n" + listing + epoch("FIRST", 1703, first) + epoch("SECOND", 1715, second)
    parsed = parse(text)
    assert [(c.label, c.title) for c in parsed.chapters] == [
        (f"CHAPTER {n}", f"{t}.") for titles in (first, second) for n, t in zip(("I", "II", "III"), titles)]
    assert [c.part for c in parsed.chapters] == ["EPOCH THE FIRST, 1703"] * 3 + ["EPOCH THE SECOND, 1715"] * 3
    assert "VOL. XII" in block_texts(parsed.front_matter[0].blocks)
    assert "THE HARBOUR CHRONICLE." in block_texts(parsed.chapters[0].blocks)[:2]


def test_a_letter_s_date_under_its_numbered_heading_is_its_dateline():
    """"220." / "TO ADA MARSH." / "Feb. 23, 1817." / "MY DEAR ADA,--": a collection of letters; the
    date is the letter's first line, not a heading of its own under a part made of the letter."""
    letters = "".join(f"{n}.\n\nTO ADA MARSH.\n\n{month} {day}, 1817.\n\nMY DEAR ADA,--\n\n{P}\n\n{Q}\n\n\n"
                      for n, month, day in ((220, "Feb.", 23), (221, "March", 2), (222, "March", 9), (223, "April", 1)))
    parsed = parse(letters)
    assert [(c.part, c.label) for c in parsed.chapters] == [("", str(n)) for n in (220, 221, 222, 223)]
    assert block_texts(parsed.chapters[0].blocks)[:2] == ["Feb. 23, 1817.", "MY DEAR ADA,--"]


def test_dated_letters_under_a_book_heading_stay_headings():
    letters = "".join(f"{day}\n\n{P}\n\n{Q}\n\n" for day in ("MAY 4.", "MAY 10.", "MAY 12.", "MAY 13."))
    parsed = parse(f"BOOK I\n\n\n{letters}")
    assert [(c.part, c.label) for c in parsed.chapters] == [("BOOK I", d) for d in ("MAY 4.", "MAY 10.", "MAY 12.", "MAY 13.")]


def test_dated_scenes_inside_keyword_chapters_are_their_subheadings():
    """"**Chapter I: Plans**" / "***September 7, 2004***" … and later "***November 12, 2004***"
    inside the chapter: the dates head scenes, they are no chapters of their own."""
    def chapter(number, title, dates):
        return f"**Chapter {number}: {title}**\n\n" + "".join(f"***{d}***\n\n{P}\n\n{Q}\n\n" for d in dates)
    text = (chapter("I", "Plans", ["September 7, 2004", "September 9, 2004", "September 10, 2004"])
            + chapter("II", "Boston", ["November 12, 2004", "November 13, 2004", "November 15, 2004"])
            + chapter("III", "Home", ["December 1, 2004", "December 2, 2004"]))
    parsed = parse(text)
    assert [c.label for c in parsed.chapters] == ["Chapter I", "Chapter II", "Chapter III"]
    assert [b.text for b in parsed.chapters[1].blocks if isinstance(b, Subheading)] == ["November 13, 2004",
                                                                                          "November 15, 2004"]


def test_a_title_over_its_author_over_the_first_heading():
    meta = parse(f"The Ford Volume I\n\nIda J Marsh\n\n# Prologue\n\n{P}\n\n# Chapter 1\n\n{Q}\n", Settings(markdown=True)).metadata
    assert (meta.title, meta.authors) == ("The Ford Volume I", ("Ida J Marsh",))


def test_a_contents_list_at_the_back_names_the_headings_above_it():
    """A French book keeps its "TABLE DES MATIÈRES" at the end: its entries say which lines are
    the poems' titles, in capitals in the text, as they would from the top."""
    titles = ("AURORE", "AU PLATANE", "LA PYTHIE", "LE SYLPHE")
    poem = "\n".join(["Quand le jour se lève sur la mer,", "Tout le port s'éveille et chante,",
                      "Et les voiles blanches dans l'air", "Portent la lumière lente."])
    body = "".join(f"{title}\n\n\n{poem}\n\n{poem}\n\n\n\n" for title in titles)
    listing = "TABLE DES MATIÈRES\n\n\n" + "\n".join(f"  {t.title():<24}{n}" for t, n in zip(titles, (7, 12, 59, 74))) + "\n"
    parsed = parse(body + listing)
    assert [c.title or c.label for c in parsed.chapters] == list(titles)
    assert [s.title for s in parsed.back_matter] == ["Contents"]


def test_a_title_page_title_in_capitals_loses_its_full_stop():
    parsed = parse(f"PAN TADEUSZ.\n\nby Adam Mickiewicz\n\n\nChapter 1\n\n{P}\n\nChapter 2\n\n{Q}")
    assert parsed.metadata.title == "Pan Tadeusz"



def test_a_chinese_fics_warnings_are_not_its_title_and_author():
    text = (f"Summary：\n\n{_ZH}\n\nWarning：\n\n剧情以父子向为主。\n\n作为这个现代pa成立的前提，会有微量的相关剧情。\n\n"
            f"接受以上前提的话可以开始了↓↓\n\n## 1\n\n{_ZH}\n\n## 2\n\n{_ZH}\n")
    meta = parse(text, Settings(markdown=True)).metadata
    assert (meta.title, meta.authors) == ("", ())
def test_an_older_novels_long_chapter_titles_are_headings():
    title = ("Del donoso y grande escrutinio que el cura y el barbero hicieron en la librería de nuestro "
             "ingenioso hidalgo, con otras cosas dignas de ser contadas")
    chapters = parse(f"Capítulo 6: {title}\n\n{P}\n\nCapítulo 7: De la segunda salida\n\n{Q}\n").chapters
    assert [(c.label, c.title) for c in chapters] == [("Capítulo 6", title), ("Capítulo 7", "De la segunda salida")]


@pytest.mark.parametrize("line, expected", [
    pytest.param("Arc 1 Chapter 2: The Road", ("chapter", "Chapter 2", "The Road", "Arc 1"), id="a web serial's arc"),
    pytest.param("Volume 3 Prologue", ("special", "Prologue", "", "Volume 3"), id="a volume's prologue"),
    pytest.param("Arc 1 Part 1: Ten Yen", ("chapter", "Part 1", "Ten Yen", "Arc 1"), id="a part of an arc is its chapter"),
    pytest.param("Part 6: Epilogue", ("part", "Part 6", "Epilogue", ""), id="after a colon, the part's own title"),
])
def test_a_heading_with_its_part_in_front(line, expected):
    from ebookify.reading.headings import match_heading

    found = match_heading(line)
    assert (found.kind, found.label, found.title, found.part) == expected


def test_chapters_with_their_part_in_front_go_under_that_part():
    chapters = parse(f"Arc 1 Chapter 1: Start\n\n{P}\n\nArc 1 Chapter 2: On\n\n{Q}\n\nArc 2 Chapter 1: Again\n\n{P}\n").chapters
    assert [(c.part, c.label) for c in chapters] == [("Arc 1", "Chapter 1"), ("Arc 1", "Chapter 2"), ("Arc 2", "Chapter 1")]


def test_a_part_takes_its_name_under_its_label_and_its_chapters_count_again():
    """Wells' layout: "BOOK THE FIRST" over its name in capitals, chapters counted again in each."""
    text = (f"BOOK THE FIRST\n\nTHE YEARS OF SAND\n\n\nCHAPTER THE FIRST\n\nOF MY FATHER'S SHOP\n\nI was born over a shop.\n\n"
            f"CHAPTER THE SECOND\n\nOF THE FURNACE\n\nThe furnace roared.\n\n\nBOOK THE SECOND\n\nTHE YEARS OF GLASS\n\n\n"
            f"CHAPTER THE FIRST\n\nHOW I CAME TO LONDON\n\nLondon was grey.")
    parsed = parse(text)
    assert [(c.part, c.label, c.title) for c in parsed.chapters] == [
        ("BOOK THE FIRST: THE YEARS OF SAND", "CHAPTER THE FIRST", "OF MY FATHER'S SHOP"),
        ("BOOK THE FIRST: THE YEARS OF SAND", "CHAPTER THE SECOND", "OF THE FURNACE"),
        ("BOOK THE SECOND: THE YEARS OF GLASS", "CHAPTER THE FIRST", "HOW I CAME TO LONDON")]
    assert block_texts(parsed.chapters[0].blocks) == ["I was born over a shop."]


def test_a_lone_label_under_a_part_is_not_its_name():
    text = f"FIRST ACT\n\nSCENE\n\n{P}\n\nSECOND ACT\n\nSCENE\n\n{Q}"  # a play's act over its stage setting
    assert [c.title for c in parse(text).chapters] == ["", ""]


def test_a_numbered_list_in_the_story_takes_no_heading_with_it():
    """A hard-wrapped copy of a web page: the story's own numbered list reads like a contents list,
    and the lines after it, wrapped short, like more entries; found nowhere, it is no list."""
    def prose(n: int) -> str:
        return (f"Harry looked at the list for the {n}th time and frowned at it for a\nlong while, as if it "
                f"might change its mind if he waited long\nenough for it to do so, which it did not, {n} times.")
    items = "\n".join(f"   {n}. {thing} is fading away." for n, thing in enumerate(["Magic", "Memory", "Music", "Mirth"], 1))
    text = (f"Chapter 1: The List\n\n{prose(1)}\n\n{items}\n\n{prose(2)}\n\n{prose(3)}\n\nChapter 2: Belief in Belief"
            f"\n\n{prose(4)}\n\n{prose(5)}\n\nChapter 3: The Answer\n\n{prose(6)}")
    assert [c.title for c in parse(text).chapters] == ["The List", "Belief in Belief", "The Answer"]


def test_a_few_labels_out_of_order_inside_the_chapters_are_sections():
    """HPMOR's chapter 24 tells its 'Act 3:', 'Act 2:', 'Act 1:' out of order: parts of a chapter,
    not parts of the book, while the book's chapters run in order under their own label."""
    chapters_in = [f"Chapter {n}: Night {n}\n\n{P}\n\n{Q}" for n in range(1, 7)]
    chapters_in[3] = f"Chapter 4: Night 4\n\nAct 2:\n\n{P}\n\n{Q}\n\nAct 1:\n\n{Q}\n\n{P}"
    parsed = parse("\n\n".join(chapters_in))
    assert [c.title for c in parsed.chapters] == [f"Night {n}" for n in range(1, 7)]
    assert [b.text for b in parsed.chapters[3].blocks if isinstance(b, Subheading)] == ["Act 2:", "Act 1:"]



def test_a_label_opening_a_paragraph_is_no_section():
    """Moby-Dick's Cetology: "BOOK I. (FOLIO), CHAPTER I. (SPERM WHALE).--This whale…" opens a
    paragraph, hard-wrapped, in a chapter: its text, not a heading over it."""
    whales = [f"BOOK {b}. (FOLIO), CHAPTER {c}. (A WHALE).--This whale, among the\nEnglish of old vaguely known "
              f"as the Trumpa whale, and the\nPhyseter whale, is the one that the {c} ships hunt."
              for b, c in (("I", "I"), ("I", "II"), ("II", "I"))]
    chapters_in = [f"CHAPTER {n}. Day {n}\n\n{P}\n\n{Q}" for n in range(1, 8)]
    chapters_in[2] += "\n\n" + "\n\n".join(whales)
    parsed = parse("\n\n".join(chapters_in))
    assert not any(isinstance(b, Subheading) for c in parsed.chapters for b in c.blocks)


def test_an_anthologys_contents_gives_each_story_with_its_year_and_author():
    """"THE PEPPER MILL (1851)" over "_Thomas Arden_" in the list; the story headed "THE PEPPER MILL"
    and its byline; one story's own sections I, II stay inside it."""
    stories = [("THE PEPPER MILL", "1851", "Thomas Arden"), ("A NIGHT AT THE FERRY", "1874", "Ruth Callow"),
               ("THE LAST LAMPLIGHTER", "1902", "Owen Tate")]
    listed = "\n\n".join(f"{title} ({year})\n_{author}_" for title, year, author in stories)
    body = "\n\n\n".join(f"{title}\n\nBY {author.upper()} (1810-1880)\n\n{P}\n\nI\n\n{Q}\n\nII\n\n{P}"
                         for title, _, author in stories)
    parsed = parse(f"THE BOOK OF SMALL JOKES\n\n\nCONTENTS\n\n{listed}\n\n\n\n{body}")
    assert [c.title or c.label for c in parsed.chapters] == [title for title, _, _ in stories]


def test_a_contents_lists_captions_and_part_names_are_not_added_to_the_parts():
    books = (("FIRST", "THE COMET", "CHAPTER", ("DUST IN THE SHADOWS", "NETTIE", "THE REVOLVER", "WAR")),
             ("SECOND", "THE GREEN VAPORS", "", ("THE CHANGE", "THE AWAKENING", "THE COUNCIL", "THE FAIR")),
             ("THIRD", "THE NEW WORLD", "CHAPTER                                PAGE", ("LOVE", "MY MOTHER", "BELTANE", "THE END")))
    numbers, ordinals = ("I", "II", "III", "IV"), ("FIRST", "SECOND", "THIRD", "FOURTH")
    listed = "\n\n\n".join(f"BOOK THE {book}\n\n{name}\n\n" + (f"{caption}\n\n" if caption else "") + "\n".join(
        f"{n:>3}. {title}  . . . . . .  {9 + 40 * k}" for k, (n, title) in enumerate(zip(numbers, titles)))
        for book, name, caption, titles in books)
    text = "\n\n\n".join(f"BOOK THE {book}\n\n{name}\n\n\n\n\n" + "\n\n".join(
        f"CHAPTER THE {o}\n\n{title}\n\n{P}\n\n{Q}" for o, title in zip(ordinals, titles))
        for book, name, _, titles in books)
    prologue = "PROLOGUE\n\n                                      PAGE\n\nTHE MAN WHO WROTE IN THE TOWER   . . .   3\n\n\n"
    parsed = parse(f"IN THE DAYS OF THE COMET\n\n\nCONTENTS\n\n{prologue}{listed}\n\n\n\n"
                   f"PROLOGUE\n\nTHE MAN WHO WROTE IN THE TOWER\n\n{P}\n\n\n{text}")
    assert [c.part for c in parsed.chapters][1:] == [f"BOOK THE {book}: {name}" for book, name, _, _ in books for _ in range(4)]


CHINESE_PROSE = "话说山下有一座石桥，桥边住着一个老翁，每日砍柴为生。这一日天色将晚，老翁挑着柴担回家。"


@pytest.mark.parametrize("top, title, authors", [
    pytest.param("    [山中记 / 无名氏 著 ]\n    本书仅供预览，请于下载后删除。", "山中记", ("无名氏",), id="[title / author 著]"),
    pytest.param("《山中记》\n某某小说网 https://example.com，提供经典小说在线阅读", "山中记", (), id="《title》 over a site's line"),
])
def test_a_chinese_txt_site_s_book(top, title, authors):
    """Its title line, each chapter's heading after 正文, and the update stamp under the heading."""
    chapters = "".join(f"\n\n正文 第{n}回 石桥边\n更新时间:2007-11-16 7:55:51 本章字数:4804\n\n{CHINESE_PROSE}"
                       for n in "一二三")
    parsed = parse(top + chapters + "\n")
    assert (parsed.metadata.title, parsed.metadata.authors) == (title, authors)
    assert [c.label for c in parsed.chapters] == ["第一回", "第二回", "第三回"]
    assert all(block_texts(c.blocks) == [CHINESE_PROSE] for c in parsed.chapters)



# Aozora Bunko ----------------------------------------------------------------------------------------

AOZORA = """川辺の家
山田花子

-------------------------------------------------------
【テキスト中に現れる記号について】

《》：ルビ
（例）川辺《かわべ》

｜：ルビの付く文字列の始まりを特定する記号
（例）古い｜渡し舟《わたしぶね》

［＃］：入力者注　主に外字の説明や、傍点の位置の指定
-------------------------------------------------------

［＃２字下げ］上　夏の川［＃「上　夏の川」は大見出し］


［＃５字下げ］一［＃「一」は中見出し］

　私《わたくし》は毎朝｜渡し舟《わたしぶね》で川を渡った。舟の※［＃「てへん＋劣」、第3水準1-84-77］は古かった。
　川辺《かわべ》の家には誰もいなかった。［＃「誰もいなかった」に傍点］

［＃５字下げ］二［＃「二」は中見出し］

　夕方になると、母が※［＃「口＋世」、U+546D、12-3］と呼んだ。


［＃２字下げ］下　冬の川［＃「下　冬の川」は大見出し］


［＃５字下げ］一［＃「一」は中見出し］

　冬の川は静かだった。［＃改ページ］



底本：「川辺の家」架空文庫、架空社
　　　2001（平成13）年1月1日第1刷
入力：試験
校正：試験
"""


def test_an_aozora_bunko_text_reads_its_notation_as_markup():
    """青空文庫: legend and colophon to the back, headings from their notes, ruby as ruby, a missing
    character named by its JIS X 0213 code or Unicode number as itself, other notes gone."""
    from ebookify.model import Ruby

    parsed = parse(AOZORA)
    assert (parsed.metadata.title, parsed.metadata.authors) == ("川辺の家", ("山田花子",))
    assert [(c.part, c.label or c.title) for c in parsed.chapters] == [("上　夏の川", "一"), ("上　夏の川", "二"),
                                                                        ("下　冬の川", "一")]
    first = parsed.chapters[0].blocks[0].inlines
    assert Ruby((Text("私"),), "わたくし") in first and Ruby((Text("渡し舟"),), "わたしぶね") in first
    story = " ".join(t for c in parsed.chapters for t in block_texts(c.blocks))
    assert "［＃" not in story and "《" not in story and "｜" not in story
    assert "\u6318" in story and "\u546d" in story  # 1-84-77 is 挘; U+546D is 呭
    edition = " ".join(block_texts(parsed.back_matter[0].blocks))
    assert parsed.back_matter[0].title == "From the Original Edition" and "テキスト中に現れる記号" in edition
    assert "底本：「川辺の家」" in edition and "入力：試験" in edition


def test_book_title_brackets_in_chinese_are_no_ruby():
    parsed = parse("《西游记》\n\n第一回 灵根育孕源流出\n\n" + _ZH + "\n\n第二回 悟彻菩提真妙理\n\n" + _ZH + "\n")
    assert parsed.metadata.title == "西游记" and len(parsed.chapters) == 2


@pytest.mark.parametrize("unknown", ["Unknown", "Author unknown", "Autor desconocido"])
def test_an_unknown_author_is_no_name_and_no_byline(unknown):
    """"Author: Unknown" over a header without Gutenberg's markers: no author "Unknown" ("por Unknown")."""
    meta = parse(f"Title: The Ford\nAuthor: {unknown}\n\nLanguage: English\n\n\nChapter 1\n\n{P}\n\nChapter 2\n\n{Q}\n").metadata
    assert (meta.title, meta.authors) == ("The Ford", ())


# A collection's titles in capitals, set off by a wider gap ---------------------------------------------

_TALES = ("THE GOLDEN KEY", "HANS AND THE GOOSE", "THE MILLER'S DAUGHTER", "OLD SULTAN", "THE THREE FEATHERS",
          "BRIAR ROSE")


def _collection(top: str = "", gap: str = "\n\n\n\n") -> str:
    tales = "".join(f"{gap}{title}\n\n{P}\n\n{Q}\n\n{P}\n" for title in _TALES)
    return top + tales


def test_a_collections_titles_in_capitals_set_off_by_a_wider_gap_are_its_chapters():
    """Grimm's 1990s etext: each tale's title alone, three blank lines above it, one below; no
    keyword, no number. The first tale's title is no book title."""
    parsed = parse(_collection())
    assert [c.title for c in parsed.chapters] == list(_TALES)
    assert parsed.metadata.title == "" and not parsed.front_matter


def test_a_title_page_over_the_collection_stays_the_books():
    parsed = parse(_collection("\n\n\nTALES OF THE MILL\n\nBy Ida Marsh\n\n"))
    assert (parsed.metadata.title, parsed.metadata.authors) == ("Tales of the Mill", ("Ida Marsh",))
    assert [c.title for c in parsed.chapters] == list(_TALES)


def test_a_collections_titles_under_parts_and_a_title_page_atop_them_are_its_chapters():
    """Lagerlöf's Bannlyst: a title page whose first line is in capitals ("BANNLYST" / "EN
    BERÄTTELSE" / "AV" …), then "FÖRSTA DELEN", and each piece's title in capitals with its full
    stop. The title page's line counted as the family's first title, its piece too short to be
    one of a kind with the others: no title was found, and the book was its three parts."""
    tales = [t.title() + "." for t in _TALES]
    body = "".join(f"{part}\n\n\n\n" + "".join(f"{t.upper()}\n\n\n{P}\n\n{Q}\n\n{P}\n\n\n\n" for t in half)
                   for part, half in (("FÖRSTA DELEN", tales[:3]), ("ANDRA DELEN", tales[3:])))
    parsed = parse("BANNLYST\n\n  EN BERÄTTELSE\n\n       AV\n\n  SELMA LAGERLÖF\n\nSTOCKHOLM\n\n\n\n" + body)
    assert [c.title for c in parsed.chapters] == [t.upper() for t in tales]
    assert [c.part for c in parsed.chapters] == ["FÖRSTA DELEN"] * 3 + ["ANDRA DELEN"] * (len(tales) - 3)


def test_numbered_stories_under_a_collections_title_leave_it_a_collection():
    """Peabody's Old Greek Folk Stories (a headerless etext): "STORIES OF THE TROJAN WAR." over
    "I. THE APPLE OF DISCORD.", "II. …": numbered afresh under one title, they are its parts,
    no rival family; and the first tale's title atop the file is no title of the book's."""
    tales = "".join(f"\n\n\n\n{title}\n\n\n{P}\n\n{Q}\n\n{P}\n" for title in _TALES)
    stories = "\n\n\n\nSTORIES OF THE MILL.\n\n" + "".join(
        f"\n\n{n}. THE {word} OF THE MILL.\n\n\n{P}\n\n{Q}\n" for n, word in (("I", "DAWN"), ("II", "NOON"), ("III", "DUSK")))
    parsed = parse(tales + stories + tales.replace("\n\n\n\n", "\n\n\n\nMORE ", 1))
    assert parsed.metadata.title == ""
    assert [c.title or c.label for c in parsed.chapters][len(_TALES):len(_TALES) + 3] == [
        "THE DAWN OF THE MILL.", "THE NOON OF THE MILL.", "THE DUSK OF THE MILL."]
    assert parsed.chapters[len(_TALES)].part == "STORIES OF THE MILL."


@pytest.mark.parametrize("gap", ["\n\n", "\n\n\n"])
def test_titles_set_off_no_wider_than_paragraphs_or_headlines_over_a_few_short_pieces_stay_text(gap):
    """With the text's own gap above them they are lines of the story; and a few headlines over
    short items, the rest of a long story under the last, are one chapter's (Joyce's "Aeolus")."""
    if gap == "\n\n":
        text = "\n\n".join(part for title in _TALES for part in (title, P, Q, P))
    else:
        text = "\n\n".join([P, Q] * 3) + "".join(f"\n\n\n\n{t}\n\n{Q}" for t in _TALES) + "\n\n" + "\n\n".join([P, Q] * 60)
    assert len(parse(text).chapters) == 1


def test_each_volumes_contents_list_names_only_its_own_volume():
    """A file of several volumes, each under its own "CONTENTS OF VOLUME n." (Montaigne's essays,
    twenty volumes in one): the first list names the first volume's pieces only, and the chapters
    of the volumes after it stay chapters (they had all become one chapter's sections)."""
    first = "CONTENTS OF VOLUME 1.\n     Preface\n     The Life of the Author\n\n\n\nPREFACE.\n\n" + P + "\n\n\n\n" \
            "THE LIFE OF THE AUTHOR\n\n" + P + "\n\n\n\n"
    second = "BOOK THE FIRST\n\nCONTENTS OF VOLUME 2.\n\nI.   Of Sorrow.\nII.  Of Idleness.\n\n\n\n" + "".join(
        f"CHAPTER {n}\n\n{title}\n\n{P}\n\n{Q}\n\n\n\n" for n, title in (("I", "OF SORROW."), ("II", "OF IDLENESS.")))
    parsed = parse("ESSAYS OF THE AUTHOR\n\n\n\n" + first + second)
    assert [c.title for c in parsed.chapters][-2:] == ["OF SORROW.", "OF IDLENESS."], [(c.label, c.title) for c in parsed.chapters]
    assert [c.label for c in parsed.chapters][-2:] == ["CHAPTER I", "CHAPTER II"]


def test_a_title_of_several_lines_over_a_wider_gap_is_the_labels_title():
    """Fielding's "Chapter iii." / "" / "An odd accident which befel Mr Allworthy at his return
    home. The" / "decent behaviour …" / "" / "": a title that says what the chapter tells, in
    sentences, wrapped, set off from the text by two blank lines where paragraphs have one."""
    titles = ["An odd accident at the mill on the way home. The decent\nbehaviour of the miller's wife.",
              "In which the reader is brought\nto the ferry.", "Containing a storm."]
    text = "".join(f"Chapter {n}.\n\n{title}\n\n\n{P}\n\n{Q}\n\n\n\n" for n, title in zip(("i", "ii", "iii"), titles))
    parsed = parse(text)
    assert [c.title for c in parsed.chapters] == [" ".join(t.split()) for t in titles]
    assert all(block_texts(c.blocks) == [" ".join(P.split()), Q] for c in parsed.chapters)


def test_a_short_first_paragraph_under_a_label_stays_story_when_the_text_sets_no_titles_so():
    text = "".join(f"Chapter {n}.\n\nIt rained.\n\n\n{P}\n\n{Q}\n\n\n\n" if n == "i" else f"Chapter {n}.\n\n{P}\n\n{Q}\n\n\n\n"
                   for n in ("i", "ii", "iii"))
    assert [c.title for c in parse(text).chapters] == ["", "", ""]


@pytest.mark.parametrize("page", [
    "                DRACULA\n\n                  _by_\n\n              Bram Stoker\n",
    "    The Internet Wiretap Electronic Edition of\n\n        DRACULA\n            by\n        BRAM STOKER\n",
])
def test_a_centred_title_page_with_by_alone_names_the_book(page):
    """"by" set in italics on its own line, or under a copy's "Electronic Edition of"."""
    parsed = parse(f"\n\n{page}\n\n\nCHAPTER I\n\n{P}\n\nCHAPTER II\n\n{Q}\n")
    assert parsed.metadata.title.casefold() == "dracula"
    assert [a.casefold() for a in parsed.metadata.authors] == ["bram stoker"]


def test_a_chinese_contents_list_with_leaders_and_page_numbers_in_brackets_names_its_pieces():
    """A TXT site's 目录: "游天台山日记……………（…１）", a rule under the list and over each piece,
    no blank lines anywhere: each diary its chapter."""
    rule = "━" * 43
    names = ["游山日记", "游湖日记后", "江行日记"]
    listing = "\n".join(f"{n}{'…' * 12}（…{'１２３'[i]}）" for i, n in enumerate(names))
    body = "".join(f"{rule}\n{n}\n{_JA * 3}\n{_JA * 2}\n" for n in names)
    parsed = parse(f"《游记》\n作者：某人\n{rule}\n目录\n{listing}\n{body}")
    assert [c.title for c in parsed.chapters] == names


def test_a_captions_last_line_never_stands_for_the_title_the_list_names():
    """"[Illustration: … / (LA BOURSE.)]" six lines above "LA BOURSE.": the work opens at its title."""
    listing = "TABLE\n\n  La Bourse.                    1\n  La Vendetta.                 40\n\n\n\n"
    works = "".join(f"[Illustration: a plate.\n\n({t.upper()})]\n\n\n{t.upper()}\n\n{P}\n\n{Q}\n\n\n\n"
                    for t in ("La Bourse.", "La Vendetta."))
    parsed = parse(listing + works)
    assert [c.title for c in parsed.chapters] == ["LA BOURSE.", "LA VENDETTA."]


@pytest.mark.parametrize("frame", [("--------", "---------"), ("~~", "~~"), ("-=", "=-")])
def test_titles_framed_in_rules_are_the_chapters(frame):
    """"-------- Telemachus ---------" over each of Ulysses' episodes; "~~ The Storm ~~" over a
    story's chapters: the same marks either side, a family of three over pieces of their own."""
    titles = ["Telemachus", "The Storm at Sea", "Penelope"]
    text = "".join(f"{frame[0]} {t} {frame[1]}\n\n{P}\n\n{Q}\n\n--A sudden--at--the--moment--\n\n{P}\n\n\n" for t in titles)
    assert [c.title for c in parse(text).chapters] == titles


def test_wolne_lekturys_closing_page_is_back_matter_and_a_first_book_in_polish_opens_the_story():
    """The Polish library's TXT: author over title, "Księga pierwsza", …, then "-----" over "Ta
    lektura, podobnie jak tysiące innych, dostępna jest na stronie wolnelektury.pl." and its
    licence: the library's page after the book, as Gutenberg's licence is."""
    footer = ("-----\nTa lektura, podobnie jak tysiące innych, dostępna jest na stronie wolnelektury.pl.\n\n"
              "Ten utwór nie jest objęty majątkowym prawem autorskim i znajduje się w domenie publicznej.\n")
    text = (f"Anna Nowak\n\nDom nad rzeką\n\n\n\nKsięga pierwsza\n\n{P}\n\n{Q}\n\nKsięga druga\n\n{P}\n\n{Q}\n\n\n\n"
            + footer)
    parsed = parse(text)
    assert [c.label for c in parsed.chapters] == ["Księga pierwsza", "Księga druga"]
    assert block_texts(parsed.chapters[-1].blocks) == [P, Q]
    (section,) = [s for s in parsed.back_matter if s.title == "Wolne Lektury"]
    assert block_texts(section.blocks)[0].startswith("Ta lektura") and section.language == "pl"


def test_a_title_in_capitals_with_a_word_in_italics_after_it_is_the_labels_title():
    """Dracula's "CHAPTER II" / "JONATHAN HARKER'S JOURNAL--_continued_"."""
    text = "".join(f"CHAPTER {n}\n\n{t}\n\n{P}\n\n{Q}\n\n\n" for n, t in
                   (("I", "JONATHAN HARKER'S JOURNAL"), ("II", "JONATHAN HARKER'S JOURNAL--_continued_")))
    assert [c.title for c in parse(text).chapters] == ["JONATHAN HARKER'S JOURNAL", "JONATHAN HARKER'S JOURNAL--continued"]


@pytest.mark.parametrize("header, page, title, authors", [
    # 1993: the header's short names, the book's own page's whole ones
    ("Project Gutenberg Etext of House of Seven Gables by Hawthorne", "THE HOUSE OF THE SEVEN GABLES\n\nby NATHANIEL HAWTHORNE",
     "The House of the Seven Gables", ("Nathaniel Hawthorne",)),
    # the same title in both: the page's whole name all the same
    ("The Project Gutenberg Etext of The Lamp Keeper's Almanac by Quill", "THE LAMP KEEPER'S ALMANAC\n\nby ODILE QUILL",
     "The Lamp Keeper's Almanac", ("Odile Quill",)),
])
def test_an_old_etexts_short_names_give_way_to_its_title_pages_whole_ones(header, page, title, authors):
    text = (f"{header}\n\n*** START OF THE PROJECT GUTENBERG EBOOK ***\n\n\n\n{page}\n\n\n\n"
            f"CHAPTER I\n\n{P}\n\nCHAPTER II\n\n{Q}\n\n*** END OF THE PROJECT GUTENBERG EBOOK ***\n")
    parsed = parse(text)
    assert (parsed.metadata.title, parsed.metadata.authors) == (title, authors)


def test_an_old_etexts_own_title_page_above_its_small_print_names_its_authors():
    text = ("******The Project Gutenberg Etext of The Harbour Papers******\n\n\nThe Harbour Papers\n\n"
            "by Odile Quill, Ivo Marsh, and Wren Ashby\n\nJuly, 1998  [Etext #9999]\n\n"
            "***START**THE SMALL PRINT!**FOR PUBLIC DOMAIN ETEXTS**START***\nWhy is this \"Small Print!\" statement here?\n"
            "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n\n"
            f"CHAPTER I\n\n{P}\n\nCHAPTER II\n\n{Q}\n")
    assert parse(text).metadata.authors == ("Odile Quill", "Ivo Marsh", "Wren Ashby")


@pytest.mark.parametrize("line, authors", [
    ("By The Rev. Francis Quill, M.A.", ("The Rev. Francis Quill, M.A.",)),
    ("by Jo Marsh, Jr.", ("Jo Marsh, Jr.",)),
    ("by Quill, Marsh, and Ashby", ("Quill", "Marsh", "Ashby")),
    ("by Le Guin, Ursula K.", ("Le Guin, Ursula K.",)),
    ("By the harbour.", ()),
])
def test_a_byline_may_end_in_a_degree_or_a_suffix_and_list_names_with_commas(line, authors):
    parsed = parse(f"The Harbour Papers\n\n{line}\n\n\nCHAPTER I\n\n{P}\n\nCHAPTER II\n\n{Q}\n")
    assert parsed.metadata.authors == authors


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(["", "  ", "## ", "**", "_", "~ ", "# *"]),
       st.sampled_from(BY_WORDS),
       st.sampled_from([str.lower, str.upper, str.title]),
       st.sampled_from([" ", ": ", " - ", "** ", ":* ", "~ "]),
       st.sampled_from(["Wren Ashby", "moonsong", "Антон Чехов", "Anonymous.", "the author"]))
def test_the_quick_look_at_a_byline_turns_away_no_line_the_byline_grammar_reads(marks, word, case, between, name):
    from ebookify.reading import byline

    line = f"{marks}{case(word)}{between}{name}"
    if byline._BY_LINE.match(line):
        assert byline._opens_like_a_byline(line), line


def test_wrapped_chinese_speeches_each_opening_a_line_are_paragraphs():
    """九命奇冤: a chapter opens on fifty speeches, each a line in its 「」, wrapping onto a line set
    in by a space, with no blank line between them (the narration has them): one paragraph of
    1,882 characters. A closed line over one that opens a speech ends the paragraph."""
    narration = "他走進了房間，看見桌上放著一封信。信是母親寫的，字跡有些潦草，他讀了兩遍才明白她的意思。窗外下著雨，街上沒有一個人。"
    speeches = ["「你來了！快坐下，外面雨大，路上可好走麼？」", "「還好，還好！只是渡船停了，我繞了遠路，走了大半個時辰才到這裡，腳都濕透了。」",
                "「那就先喝口熱茶！」"]

    def wrapped(text: str, indent: str = "") -> list[str]:
        return [text[:30]] + [indent + text[i:i + 30] for i in range(30, len(text), 30)]

    lines = [line for _ in range(6) for line in wrapped(narration) + [""]]
    lines += [line for speech in speeches for line in wrapped(speech, " ")] + [""] + wrapped(narration)
    blocks = block_texts(parse("第一回 雨夜\n\n" + "\n".join(lines) + "\n").chapters[0].blocks)
    assert blocks[6:9] == speeches and blocks[9] == narration
