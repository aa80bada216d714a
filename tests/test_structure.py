"""The reading rules of issue 3, one behaviour per case, on texts written for these tests."""

import re

import pytest

from ebookify.model import BlockQuote, Emphasis, LineBreak, Paragraph, Placement, Preformatted, SceneBreak, Strike, \
    Strong, Text, block_texts, inline_text
from ebookify.reading.parse import LICENCE_TITLE, parse
from ebookify.options import Settings

PROSE = ("The rain had not stopped for three days, and the river was higher than anyone in the village "
         "could remember, higher even than the old stone that marked the flood of the great year.")


def headings(text, **settings):
    return [(c.label, c.title) for c in parse(text, Settings(**settings)).chapters]


def story(*headings_):
    return "\n\n".join(f"{h}\n\n{PROSE}" for h in headings_)


@pytest.mark.parametrize(
    "heading, label, title",
    [
        pytest.param("Chapter Twelve", "Chapter Twelve", "", id="english number word"),
        pytest.param("CHAPTER XII.", "CHAPTER XII", "", id="roman"),
        pytest.param("~Chapter 3~", "Chapter 3", "", id="decorated"),
        pytest.param("༺ Chapter 3 ༻", "Chapter 3", "", id="in a web novel's ornaments"),
        pytest.param("Chapter 3 - The Ford", "Chapter 3", "The Ford", id="dash and title"),
        pytest.param("### Chapter 4", "Chapter 4", "", id="markdown, any level"),
        pytest.param("CHAPTER IV.\n\n_THE FORD._", "CHAPTER IV", "THE FORD.", id="emphasis marks of the title below dropped"),
        pytest.param("Chapter 4: \U0001d61b\U0001d629\U0001d626 \U0001d60d\U0001d630\U0001d633\U0001d625", "Chapter 4",
                     "The Ford", id="pseudo italic letters made plain"),
        pytest.param("Prologue", "Prologue", "", id="prologue"),
        pytest.param("Epilogue: Years Later", "Epilogue", "Years Later", id="epilogue with title"),
        pytest.param("פרק 12: הנמל", "פרק 12", "הנמל", id="Hebrew"),
        pytest.param("Interlude", "Interlude", "", id="interlude"),
        pytest.param("Omake", "Omake", "", id="omake"),
        pytest.param("Side Story", "Side Story", "", id="side story"),
        pytest.param("Afterword", "Afterword", "", id="afterword"),
        pytest.param("Conclusion", "Conclusion", "", id="conclusion"),
        pytest.param("Chapitre 2", "Chapitre 2", "", id="french"),
        pytest.param("Kapitel 2: Der Fluss", "Kapitel 2", "Der Fluss", id="german"),
        pytest.param("Capítulo 2", "Capítulo 2", "", id="spanish"),
        pytest.param("Capitolo II", "Capitolo II", "", id="italian"),
        pytest.param("Глава 2", "Глава 2", "", id="russian"),
        pytest.param("Épilogue", "Épilogue", "", id="french epilogue"),
        pytest.param("Prólogo", "Prólogo", "", id="spanish prologue"),
    ],
)
def test_heading_forms(heading, label, title):
    assert headings(story("Chapter 1", heading))[-1] == (label, title)


def test_bare_numerals_are_headings_only_as_a_rising_pattern():
    assert headings(story("I.", "II.", "III.")) == [("I", ""), ("II", ""), ("III", "")]
    assert headings(f"{PROSE}\n\n12\n\n{PROSE}") == [("", "")]


@pytest.mark.parametrize(
    "ending",
    [
        pytest.param("'I have brought you the man,' was Sir Walter's\nintroduction.", id="a lower-case keyword"),
        pytest.param("and the ink ran very easily across the sheets of the\nPrologue.", id="after a long line cut mid-sentence"),
        pytest.param("the ink ran easily on the\ncarta di gluga.", id="a lower-case roman numeral"),
    ],
)
def test_the_last_line_of_a_wrapped_paragraph_is_not_a_heading(ending):
    text = f"Chapter 1\n\n{PROSE}\n\n{ending}\n\n{PROSE}"
    assert headings(text) == [("Chapter 1", "")]
    assert ending.split("\n")[1] in inline_text(parse(text, Settings()).chapters[0].blocks[1].inlines)


def test_a_heading_glued_under_a_paragraph_stays_one():
    assert headings(f"Chapter 1\n\n{PROSE}\nThe end of it, he said.\nChapter 2\n\n{PROSE}") == [
        ("Chapter 1", ""), ("Chapter 2", "")]


def test_a_markdown_heading_below_the_keyword_chapters_level_is_a_section_of_its_chapter():
    text = (f"# Kapitel 1: Ein Tag\n\n{PROSE}\n\n## Besuchen Sie die Seite\n\n{PROSE}\n\n"
            f"# Kapitel 2: Alles falsch\n\n{PROSE}")
    book = parse(text, Settings(markdown=True))
    assert [(c.label, c.title) for c in book.chapters] == [("Kapitel 1", "Ein Tag"), ("Kapitel 2", "Alles falsch")]
    assert "Besuchen Sie die Seite" in block_texts(book.chapters[0].blocks)


def roman(number: int) -> str:
    digits = ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in digits:
        while number >= value:
            out, number = out + letters, number - value
    return out


def test_roman_numerals_as_long_as_a_long_book_needs():
    """LXXXVIII (88) has eight letters and CLXXXVIII (188) nine: such chapters merged into the one before."""
    found = headings(story(*(f"CHAPTER {roman(n)}." for n in range(1, 190))))
    assert found == [(f"CHAPTER {roman(n)}", "") for n in range(1, 190)]


@pytest.mark.parametrize("number", ["XIX", "MCMIX"], ids=["a volume of the works", "the year"])
def test_a_number_on_the_title_page_over_a_family_of_numerals_is_no_chapter(number):
    text = f"THE COMPLETE WORKS\n\n{number}\n\nA NOVEL\n\nA short preface.\n\n" + story("I.", "II.", "III.")
    assert headings(text) == [("I", ""), ("II", ""), ("III", "")]


def test_a_label_takes_the_title_case_line_right_under_it_as_its_title():
    text = f"CHAPTER ONE\nThe Man Who Died\n\n{PROSE}\n\nCHAPTER TWO\nThe Milkman Sets Out on his Travels\n\n{PROSE}"
    assert headings(text) == [("CHAPTER ONE", "The Man Who Died"), ("CHAPTER TWO", "The Milkman Sets Out on his Travels")]


def test_a_contents_entry_names_the_title_right_under_a_spelled_label():
    titles = ["The man who died", "A milkman sets out", "The dry-fly fisherman"]
    listed = "CONTENTS\n\n" + "".join(f"{n}.   {title}\n" for n, title in enumerate(titles, 1)) + "\n\n\n"
    text = listed + "\n\n".join(f"CHAPTER {n}\n{title}\n\n{PROSE}\n\n{PROSE}" for n, title in zip(["ONE", "TWO", "THREE"], titles))
    assert headings(text) == [(f"CHAPTER {n}", title) for n, title in zip(["ONE", "TWO", "THREE"], titles)]


def test_a_heading_repeated_atop_each_page_of_a_chapter_is_one_chapter():
    page = "---\n\n**Chapter {n}: The Test of Spirit**\n\n{text}\n\n"
    long = " ".join([PROSE] * 20)  # a page of a site, longer than an index entry at the back
    text = "".join(page.format(n=n, text=f"Page {p}. {long}") for n, p in ((1, 1), (1, 2), (1, 3), (2, 1)))
    parsed = parse(text, Settings())
    assert [(c.label, c.title) for c in parsed.chapters] == [("Chapter 1", "The Test of Spirit"), ("Chapter 2", "The Test of Spirit")]
    pages = [b for b in block_texts(parsed.chapters[0].blocks) if b.startswith("Page")]
    assert pages == [f"Page {p}. {long}" for p in (1, 2, 3)]  # the repeated headers stay as lines of it


PLACES = ["Karlsbad to the Brenner", "From the Brenner to Verona", "Verona to Venice", "Venice", "Ferrara to Rome", "Rome"]


def test_an_indented_list_under_no_contents_word_names_the_sections_it_lists():
    listed = "The Journey\n\n" + "".join(f"  {place}\n" for place in PLACES) + "\n\n\n"
    text = listed + "\n\n\n".join(f"{place}\n\n{PROSE}\n\n{PROSE}" for place in PLACES)
    assert headings(text) == [("", place) for place in PLACES]


def test_indented_verse_at_the_top_names_nothing():
    verse = "".join(f"  {line}\n" for line in ["Over the hill", "Under the sky", "Where the larks go", "Far and high",
                                                 "Home at evening", "Rome"])
    assert headings(f"{verse}\n\n{PROSE}\n\nRome\n\n{PROSE}") == [("", "")]


def test_labels_that_each_have_a_title_after_a_blank_line_take_them():
    titles = ["Loomings.", "The Carpet-Bag.", "Prehistoric Monuments; and their Superstitions.", "Tarullinen salo."]
    text = "\n\n".join(f"CHAPTER {n}.\n\n{title}\n\n{PROSE}" for n, title in zip(["I", "II", "III", "IV"], titles))
    assert headings(text) == [(f"CHAPTER {n}", title) for n, title in zip(["I", "II", "III", "IV"], titles)]


def test_one_chapter_opening_on_a_short_line_keeps_it_as_story():
    text = f"CHAPTER I.\n\nDarkness.\n\n{PROSE}\n\nCHAPTER II.\n\n{PROSE}\n\nCHAPTER III.\n\n{PROSE}"
    assert headings(text) == [("CHAPTER I", ""), ("CHAPTER II", ""), ("CHAPTER III", "")]


@pytest.mark.parametrize("first", ["It was a dark night when the ferry left.", "\"Come here,\" she said.", "Harry woke up."])
def test_a_first_line_right_under_a_label_stays_the_story(first):
    assert headings(f"Chapter 1\n{first}\n\n{PROSE}\n\nChapter 2\n\n{PROSE}") == [("Chapter 1", ""), ("Chapter 2", "")]


def test_a_numeral_takes_the_upper_case_line_below_as_its_title():
    text = f"CAPITOLO I.\n\nNELLA TANA.\n\n{PROSE}\n\nCAPITOLO II.\n\nIL LAGO.\n\n{PROSE}"
    assert headings(text) == [("CAPITOLO I", "NELLA TANA."), ("CAPITOLO II", "IL LAGO.")]


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Chapter 3 was the one she liked best.", id="in a sentence"),
        pytest.param('"Chapter 3," she said, "is the sad one."', id="dialogue"),
        pytest.param("I. IV. and the rest of the list", id="numerals in text"),
    ],
)
def test_text_that_mentions_chapters_is_not_a_heading(line):
    assert headings(f"{PROSE}\n{line}\n{PROSE}") == [("", "")]


def test_a_table_of_contents_at_the_top_is_text_not_chapters():
    contents = "Contents\n\n" + "\n".join(f"Chapter {n}: Title {n}" for n in range(1, 31))
    text = contents + "\n\n" + story(*[f"Chapter {n}: Title {n}" for n in range(1, 31)])
    parsed = parse(text)
    assert len(parsed.chapters) == 30
    assert block_texts(parsed.front_matter[0].blocks)[:2] == ["Contents", "Chapter 1: Title 1"]
    assert [(c.label, c.title) for c in parsed.chapters[0:2]] == [("Chapter 1", "Title 1"), ("Chapter 2", "Title 2")]


@pytest.mark.parametrize("paged", [True, False])
def test_a_contents_list_without_blank_lines_keeps_an_entry_a_line_in_a_wrapped_book(paged):
    """Not the whole list run into one paragraph as the book's wrapped prose is; where entries end
    in page numbers, an entry wrapped over two lines (its number on the second) stays one."""
    import textwrap

    titles = ["The Ferry", "The Harbour at Night and the Lights Along the Quay Going Out", "The Island", "The Storm",
              "Home Again"]
    numerals = ["I", "II", "III", "IV", "V"]
    entries = [f"{n:>5}. {t}" + (f"    {page}" if paged else "") for n, t, page in zip(numerals, titles, (1, 15, 29, 40, 52))]
    listed = "\n".join(entries).replace(" Going Out", "\n       Going Out" if paged else " Going Out")
    prose = textwrap.fill(" ".join([PROSE] * 3), 70)
    chapters = "\n\n\n".join(f"CHAPTER {n}.\n\n{t.upper()}\n\n{prose}\n\n{prose}" for n, t in zip(numerals, titles))
    parsed = parse(f"THE FERRY\n\nBY IDA MARSH\n\n\n\nCONTENTS\n\n{listed}\n\n\n\n\n{chapters}")
    assert block_texts(parsed.front_matter[0].blocks) == ["CONTENTS", *(" ".join(e.split()) for e in entries)]
    assert len(parsed.chapters) == 5


@pytest.mark.parametrize("gap", ["\n\n\n", "\n"])
def test_a_short_line_right_under_every_label_is_its_title_in_any_case(gap):
    """"Tratado Primero" / "Cómo Lázaro se asentó con un clérigo" (titles in sentence case), or
    "FÖRSTA KAPITLET" / "Stockholm i fågelperspektiv." with the story straight under it; and a long
    one wrapped over two lines. A line the text sets under only one label, or a "Disclaimer:", stays."""
    wrap = "\n" if gap != "\n" else " "  # (a wrapped title over the story's first line: no edition does that)
    titles = ["Cuenta Lázaro su vida", f"Cómo Lázaro se asentó con un clérigo, y de las cosas que con él{wrap}pasó",
              "Cómo Lázaro se asentó con un escudero", "Cómo Lázaro se asentó con un fraile"]
    numbers = ["Primero", "Segundo", "Tercero", "Cuarto"]
    text = "\n\n\n".join(f"Tratado {n}\n{t}{gap}{PROSE}\n\n{PROSE}" for n, t in zip(numbers, titles))
    assert [c.title for c in parse(text).chapters] == [" ".join(t.split()) for t in titles]
    disclaimed = "\n\n\n".join(f"Tratado {n}\nDisclaimer: I own nothing.{gap}{PROSE}\n\n{PROSE}" for n in numbers)
    assert [c.title for c in parse(disclaimed).chapters] == ["", "", "", ""]
    opened = "\n\n\n".join(f"Chapter {n}\nIt was raining.\n\n{PROSE}\n\n{PROSE}" for n in range(1, 5))
    assert [c.title for c in parse(opened).chapters] == ["", "", "", ""]  # a short first sentence, a blank line


def test_parts_hold_chapters_in_a_two_level_contents():
    text = story("Part One: Spring", "Chapter 1", "Chapter 2", "Part Two: Autumn", "Chapter 3").replace(
        f"Part One: Spring\n\n{PROSE}", "Part One: Spring").replace(f"Part Two: Autumn\n\n{PROSE}", "Part Two: Autumn")
    chapters = parse(text).chapters
    assert [(c.part, c.label) for c in chapters] == [
        ("Part One: Spring", "Chapter 1"), ("Part One: Spring", "Chapter 2"), ("Part Two: Autumn", "Chapter 3")]


def test_a_heading_right_above_another_kind_of_heading_is_a_part():
    text = f"1. THE BAY.\n\nChapter 1.I.\n\n{PROSE}\n\nChapter 1.II.\n\n{PROSE}\n\n2. THE PARTY.\n\n{PROSE}"
    chapters = parse(text).chapters
    assert [(c.part, c.label, c.title) for c in chapters] == [
        ("1. THE BAY.", "Chapter 1.I", ""), ("1. THE BAY.", "Chapter 1.II", ""), ("", "2", "THE PARTY.")]


_HAN = "山上有一座小庙，庙里住着一位老和尚，每天早晨他都去河边挑水。"


def test_names_in_brackets_each_over_a_chapter_are_the_book_s_parts_not_its_title():
    text = "".join(f"{part}第{n}章\n\n{_HAN}\n{_HAN}\n\n" for n, part in
                   (("一", "【上篇】\n\n"), ("二", ""), ("三", "【下篇】\n\n"), ("四", "")))
    parsed = parse(text)
    assert parsed.metadata.title != "【上篇】"
    assert [(c.part, c.label) for c in parsed.chapters] == [("上篇", "第一章"), ("上篇", "第二章"), ("下篇", "第三章"), ("下篇", "第四章")]


def test_chinese_numbered_titles_after_spaces_or_in_quotes_are_chapters():
    titles = ["一  下山", "二  雪谷", "三  “梁山泊、祝英台”", "四  空屋"]
    story = "\n".join(f"\u3000\u3000{_HAN}" for _ in range(12))
    text = "".join(f"\u3000\u3000{t}\n\n{story}\n\n" for t in titles)
    assert [(c.label, c.title) for c in parse(text).chapters] == [
        ("一", "下山"), ("二", "雪谷"), ("三", "“梁山泊、祝英台”"), ("四", "空屋")]


def test_one_name_in_brackets_over_a_chapter_is_the_story_s_own_line():
    text = f"第一章\n\n{_HAN}\n\n【系统提示】\n\n第二章\n\n{_HAN}\n\n第三章\n\n{_HAN}\n"
    chapters = parse(text).chapters
    assert [c.part for c in chapters] == ["", "", ""] and "【系统提示】" in [t for c in chapters for t in block_texts(c.blocks)]


def test_the_label_s_numeral_said_again_under_it_is_no_title():
    text = f"CHAPTER I.\nTHE FLOOD\n\n{PROSE}\n\n\nCHAPTER II.\nII\n\n{PROSE}\n\n\nCHAPTER III.\n\n{PROSE}\n"
    chapters = parse(text).chapters
    assert [(c.label, c.title) for c in chapters] == [("CHAPTER I", "THE FLOOD"), ("CHAPTER II", ""), ("CHAPTER III", "")]
    assert block_texts(chapters[1].blocks) == [PROSE]


def test_no_chapters_and_a_custom_pattern_override_detection():
    text = story("Chapter 1", "Chapter 2")
    assert headings(text, chapters=False) == [("", "")]
    custom = f"=== Day One ===\n{PROSE}\n=== Day Two ===\n{PROSE}\nChapter 3\n{PROSE}"
    assert headings(custom, chapter_pattern=r"^=== (?P<title>.+) ===$") == [
        ("=== Day One ===", "Day One"), ("=== Day Two ===", "Day Two")]


# Author's notes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening, closing",
    [
        pytest.param("A/N: Thanks for the reviews!", "A/N: See you next week.", id="A/N"),
        pytest.param("Author's Note: Thanks for the reviews!", "AN: See you next week.", id="spelled out and AN"),
        pytest.param("(A/N Thanks for the reviews!)", "[Author's note: See you next week.]", id="bracketed"),
        pytest.param("Notes for the Chapter:\n\nThanks for the reviews!", "End Notes: See you next week.", id="AO3"),
    ],
)
def test_notes_at_a_chapters_edges_are_taken_out_of_the_story(opening, closing):
    chapter = parse(f"Chapter 1\n\n{opening}\n\n{PROSE}\n\n{PROSE}\n\n{closing}").chapters[0]
    assert block_texts(chapter.blocks) == [PROSE, PROSE]
    before, after = chapter.notes
    assert before.placement is Placement.BEFORE and "Thanks for the reviews!" in " ".join(block_texts(before.blocks))
    assert after.placement is Placement.AFTER and "See you next week." in " ".join(block_texts(after.blocks))


def test_a_note_in_the_middle_of_a_chapter_is_a_note_in_its_place():
    middle = [PROSE] * 3 + ["A/N: this one is a note."] + [PROSE] * 5
    chapter = parse("Chapter 1\n\n" + "\n\n".join(middle)).chapters[0]
    assert len(chapter.blocks) == 8
    (note,) = chapter.notes
    assert (note.placement, note.at, block_texts(note.blocks)) == (Placement.WITHIN, 3, ["this one is a note."])


# Scene breaks -----------------------------------------------------------------------------------


@pytest.mark.parametrize("divider", ["oOo", "xXx", "o0o", "-x-x-x-", "~*~", "x", "   * * *   ", "§", "◇◇◇", "+++",
                                     "0o0", "-oOo-", "x-x-x"])
def test_dividers(divider):
    blocks = parse(f"{PROSE}\n\n{divider}\n\n{PROSE}").chapters[0].blocks
    assert [type(b) for b in blocks] == [Paragraph, SceneBreak, Paragraph]


@pytest.mark.parametrize("divider", ["-Line Break-", "~Scene Break~", "*scene break*", "LINE BREAK", "[Page Break]",
                                     "~*~Scene Change~*~", "(line break)"])
def test_the_words_writers_type_for_a_divider_are_one(divider):
    """FanFiction.Net strips dividers: writers type the words instead."""
    blocks = parse(f"{PROSE}\n\n{divider}\n\n{PROSE}").chapters[0].blocks
    assert [type(b) for b in blocks] == [Paragraph, SceneBreak, Paragraph]


def test_a_markdown_heading_of_a_dividers_word_is_a_divider():
    """A manuscript's "### scenbrytning ###" (Swedish: scene break), written again and again."""
    text = "\n\n".join(f"# Chapter {n}\n\n{PROSE}\n\n### scenbrytning ###\n\n{PROSE}" for n in range(1, 7))
    chapters = parse(text, Settings(markdown=True)).chapters
    assert len(chapters) == 6 and all([type(b) for b in c.blocks] == [Paragraph, SceneBreak, Paragraph] for c in chapters)


@pytest.mark.parametrize("line", ["xxx", "OOO", "...", "x-ray", "-", "xoxo", "0 O", "xo", "Time skip", "The line break held.",
                                  "Break"])
def test_lines_that_only_look_like_dividers_are_text(line):
    blocks = parse(f"{PROSE}\n\n{line}\n\n{PROSE}").chapters[0].blocks
    assert [type(b) for b in blocks] == [Paragraph, Paragraph, Paragraph]


def test_three_blank_lines_are_a_break_where_paragraphs_are_one_blank_line_apart():
    text = "\n\n".join([PROSE] * 4) + "\n\n\n\n" + "\n\n".join([PROSE] * 4)
    blocks = parse(text).chapters[0].blocks
    assert [type(b).__name__ for b in blocks].count("SceneBreak") == 1


def test_blank_lines_spacing_a_title_page_are_no_scene_breaks():
    """A title page set with wide gaps ("Karel Čapek" / five blank lines / "KRAKATIT" …) before
    the first sentence: no scene has begun there; the story's own wide gap is still a break."""
    top = "Ida Marsh\n\n\n\n\nTHE FORD\n\n\n\nA Novel\n\n\n\n1922\n\n\n\n"
    story = "\n\n".join([PROSE] * 8) + "\n\n\n\n" + "\n\n".join([PROSE] * 8)
    parsed = parse(top + story)
    blocks = [b for section in parsed.front_matter for b in section.blocks] + list(parsed.chapters[0].blocks)
    kinds = [type(b).__name__ for b in blocks]
    assert kinds.count("SceneBreak") == 1 and kinds.index("SceneBreak") > kinds.index("Paragraph") + 4


def test_a_divider_before_a_heading_or_at_the_end_is_dropped():
    chapters = parse(f"Chapter 1\n\n{PROSE}\n\n***\n\nChapter 2\n\n{PROSE}\n\n* * *\n").chapters
    assert all(not isinstance(c.blocks[-1], SceneBreak) for c in chapters)


# Paragraphs -------------------------------------------------------------------------------------

WRAPPED = """The lighthouse keeper's daughter rowed out every morning to
check the lobster pots, whatever the weather, and came back with
her hands raw and her hair full of salt.

Nobody in the village thought it strange, or wonderful. Her mother had done the
same, and her grandmother before that, and the pots were wonder-
ful pots, tarred black, that never once came up empty.

She sang as she rowed, a song with no
words, only a tune.

    Row, row, the tide is low,
    Row, row, and home we go.

Her father said the song was older than the lamp itself, which
was very old indeed: a lamp-
post of iron in the square was all that was left of the first one."""


def test_hard_wrapped_text_becomes_whole_paragraphs():
    paragraphs = block_texts(parse(WRAPPED).chapters[0].blocks)
    assert paragraphs[0].startswith("The lighthouse keeper's daughter rowed out every morning to check the")
    assert "wonderful pots" in paragraphs[1]  # "wonderful" occurs elsewhere: the hyphen was the wrap's
    assert "lamp-post of iron" in paragraphs[-1]  # "lamppost" never occurs: the hyphen is the word's


SENTENCES = ["The ferry left at dawn whatever the weather, and the island watched it go.",
             "Nobody on board spoke of the storm that had taken the old pier in the spring.",
             "Her brother kept the lamp lit in the window until the last boat was home.",
             "They said the fish had gone north, but the nets still came up full enough."]


def test_paragraphs_set_one_under_another_end_on_their_short_last_lines():
    """A text with no blank line and no indent between its paragraphs, wrapped, each paragraph
    ending on a short line (a corpus's text, an old typescript): a paragraph each, not one a chapter."""
    import textwrap

    paragraphs = []
    for n in range(24):
        paragraph = " ".join(SENTENCES[(n + k) % 4] for k in range(n % 3 + 2)) + f" That was day {n}."
        while len(textwrap.wrap(paragraph, 70)[-1]) >= 40:  # its last line short, as most paragraphs' are
            paragraph += " Then all was quiet."
        paragraphs.append(paragraph)
    runs = ["\n".join(line for p in paragraphs[k:k + 8] for line in textwrap.wrap(p, 70)) for k in (0, 8, 16)]
    text = "\n\n".join(runs)
    assert block_texts(parse(text).chapters[0].blocks) == paragraphs
    assert len(block_texts(parse("\n\n".join(paragraphs)).chapters[0].blocks)) == 24  # set apart: as before


_HAN_SENTENCES = ["山上有一座小庙，庙里住着一位老和尚，每天早晨他都去河边挑水。", "风停了。",
                  "小和尚跟在后面，提着一盏灯笼，一路上什么话也没有说。", "河水很凉，月亮还挂在西边的天上。"]


def test_chinese_lines_filled_to_the_column_end_their_paragraphs_on_a_shorter_line():
    """A Chinese download wrapped at a column, every line set in by two ideographic spaces: each
    paragraph ends on a line that stops short of the column, and the next opens a new one."""
    paragraphs = []
    for n in range(30):
        paragraph = "".join(_HAN_SENTENCES[(n + k) % 4] for k in range(n % 3 + 2))
        while not 0 < len(paragraph) % 24 <= 18:  # its last line short, as most paragraphs' are
            paragraph += "好。"
        paragraphs.append(paragraph)
    runs = ["\n".join(f"\u3000\u3000{p[i:i + 24]}" for p in paragraphs[k:k + 10] for i in range(0, len(p), 24))
            for k in (0, 10, 20)]
    assert block_texts(parse("\n\n".join(runs)).chapters[0].blocks) == paragraphs


def test_short_deliberate_lines_keep_their_breaks():
    verse = parse(WRAPPED).chapters[0].blocks[3]
    assert LineBreak() in verse.inlines
    assert block_texts((verse,)) == ["Row, row, the tide is low, Row, row, and home we go."]


def test_indent_style_paragraphs():
    text = "\n".join([
        "    The first paragraph begins with an indent and then runs on",
        "to a second line of about the same length as the first.",
        "    The second paragraph also begins with an indent and then",
        "continues onto the next line as wrapped text usually does.",
        "    A third paragraph, to make the pattern plain enough, runs",
        "onto its own second line, and then it comes to an end.",
    ])
    assert len(parse(text).chapters[0].blocks) == 3


def test_indent_style_paragraphs_of_a_text_set_in_from_the_edge():
    """A Russian library's layout: every line set 4 spaces in, a paragraph's first line 7, wrapped
    at 66, no blank lines: each deeper line starts a paragraph (dialogue too), not one a chapter."""
    import textwrap

    words = ("the ferry left at dawn and the harbour lights went out one by one behind her while the "
             "gulls followed the wake and the island became a grey line on the water").split()
    paragraphs = [" ".join(words[(n * 7) % 20:][:12 + n % 4 * 9]).capitalize() + "." for n in range(30)]
    paragraphs[3::4] = [f"-- Who is there? -- she asked, {p}" for p in paragraphs[3::4]]
    text = "\n".join(textwrap.fill(p, 66, initial_indent=" " * 7, subsequent_indent=" " * 4) for p in paragraphs)
    assert block_texts(parse(text).chapters[0].blocks) == paragraphs


# Emphasis ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, inlines",
    [
        pytest.param("a *b* c", (Text("a "), Emphasis((Text("b"),)), Text(" c")), id="asterisks"),
        pytest.param("a _b_ c", (Text("a "), Emphasis((Text("b"),)), Text(" c")), id="underscores"),
        pytest.param("**b**", (Strong((Text("b"),)),), id="double asterisks"),
        pytest.param("__b__", (Strong((Text("b"),)),), id="double underscores"),
        pytest.param("~~b~~", (Strike((Text("b"),)),), id="strike"),
        pytest.param("***b i***", (Strong((Emphasis((Text("b i"),)),)),), id="triple asterisks are bold italic"),
        pytest.param('"___b___"', (Text('"'), Strong((Emphasis((Text("b"),)),)), Text('"')),
                     id="triple underscores are bold italic, quotes stay outside"),
        pytest.param("a *** b", (Text("a *** b"),), id="three spaced asterisks stay"),
        pytest.param("5 * 3 * 2", (Text("5 * 3 * 2"),), id="arithmetic stays"),
        pytest.param("a footnote* here", (Text("a footnote* here"),), id="footnote mark stays"),
        pytest.param("snake_case_name", (Text("snake_case_name"),), id="underscores inside words stay"),
        pytest.param("𝘴𝘰𝘧𝘵𝘭𝘺", (Emphasis((Text("softly"),)),), id="pseudo italic letters"),
        pytest.param("𝐥𝐨𝐮𝐝", (Strong((Text("loud"),)),), id="pseudo bold letters"),
    ],
)
def test_emphasis(text, inlines):
    assert parse(f"{PROSE}\n{text}").chapters[0].blocks[1].inlines == inlines


def test_long_runs_of_marks_are_text_and_fast():
    text = "*" * 100_000 + "\n" + "*_" * 50_000
    blocks = parse(f"{PROSE}\n{text}").chapters[0].blocks
    assert len(blocks) >= 2


# Markdown and Project Gutenberg ----------------------------------------------------------------


def test_markdown_quotes_code_and_rules():
    text = f"{PROSE}\n\n> Dear Anna,\n>\n> Come home.\n\n```\n  x = 1\n```\n\n---\n\n{PROSE}"
    blocks = parse(text).chapters[0].blocks
    assert [type(b) for b in blocks] == [Paragraph, BlockQuote, Preformatted, SceneBreak, Paragraph]
    assert block_texts(blocks[1].paragraphs) == ["Dear Anna,", "Come home."]
    assert blocks[2].text == "  x = 1"


def test_a_stray_fence_that_nothing_closes_leaves_the_story_after_it_as_paragraphs():
    """One "```" typed by mistake mid-story: the rest is story, not pages of code set in monospace."""
    blocks = parse(f"{PROSE}\n\n```\n\n{PROSE}\n\nThe end.").chapters[0].blocks
    assert [type(b) for b in blocks] == [Paragraph, Paragraph, Paragraph]


GUTENBERG = f"""The Project Gutenberg EBook of The Tide Clock, by Mara Quill

This eBook is for the use of anyone anywhere at no cost.

Title: The Tide Clock

Author: Mara Quill

Language: English

*** START OF THIS PROJECT GUTENBERG EBOOK THE TIDE
CLOCK ***

CHAPTER I.

{PROSE}

CHAPTER II.

{PROSE}

*** END OF THIS PROJECT GUTENBERG EBOOK THE TIDE CLOCK ***

Updated editions will replace the previous one.
"""


def test_gutenberg_header_and_footer_become_back_matter_and_metadata():
    parsed = parse(GUTENBERG)
    assert (parsed.metadata.title, parsed.metadata.authors, parsed.metadata.language) == (
        "The Tide Clock", ("Mara Quill",), "English")
    assert [c.label for c in parsed.chapters] == ["CHAPTER I", "CHAPTER II"]
    (licence,) = parsed.back_matter
    assert licence.title == LICENCE_TITLE
    text = " ".join(block_texts(licence.blocks))
    assert "for the use of anyone anywhere" in text and "Updated editions will replace" in text


@pytest.mark.parametrize(
    "text, gutenberg, other",
    [
        pytest.param("The =Tide Clock= sold, a =“Quill”= said.",
                     (Text("The "), Strong((Text("Tide Clock"),)), Text(" sold, a "), Strong((Text("“Quill”"),)), Text(" said.")),
                     None, id="words in equals signs"),
        pytest.param("=THE BLUE SERIES=", (Strong((Text("THE BLUE SERIES"),)),), None, id="a whole line"),
        pytest.param("x=y=z, a =-=-= rule, =D and =) too", (Text("x=y=z, a =-=-= rule, =D and =) too"),), None,
                     id="signs, rules and faces stay"),
    ],
)
def test_a_gutenberg_transcribers_equals_signs_are_bold_only_in_an_edition(text, gutenberg, other):
    """Distributed Proofreaders mark bold =so= (their notes say so: "le texte en gras comme =gras=");
    in a story that is no edition, equals signs stay as typed."""
    edition = parse(GUTENBERG.replace(f"CHAPTER II.\n\n{PROSE}", f"CHAPTER II.\n\n{PROSE}\n\n{text}"))
    assert edition.chapters[1].blocks[1].inlines == gutenberg
    assert parse(f"{PROSE}\n\n{text}").chapters[0].blocks[1].inlines == (other or (Text(text),))


def test_a_copy_cut_of_its_gutenberg_header_still_leaves_the_footer_out_of_its_last_chapter():
    """Its closing line ("End of the Project Gutenberg EBook of X"), the marker and the licence are
    the back matter, in a copy with its header as in one without."""
    body = GUTENBERG.split("CLOCK ***\n", 1)[1].replace(
        "*** END OF", "End of the Project Gutenberg EBook of The Tide Clock, by Mara Quill\nTranslated.\n\n*** END OF")
    for text in (body, GUTENBERG.replace("*** END OF", "End of the Project Gutenberg EBook of The Tide Clock\n\n*** END OF")):
        parsed = parse(text)
        assert block_texts(parsed.chapters[-1].blocks) == [" ".join(PROSE.split())]
        (licence,) = parsed.back_matter
        assert "End of the Project Gutenberg EBook" in " ".join(block_texts(licence.blocks))


# Front matter -----------------------------------------------------------------------------------

FANFICFARE = f"""The Long Way Round

by Pell Harrow


Category: Original Fiction
Genre: Adventure, Friendship
Language: English
Status: Completed
Published: 2021-03-04
Updated: 2021-05-06
Rating: T
Chapters: 2
Words: 91,234
Publisher: www.example.org
Story URL: https://www.example.org/s/123
Summary: Two friends walk from one sea to the other.


TABLE OF CONTENTS

\tChapter 1
\tChapter 2


\tChapter 1

{PROSE}

\tChapter 2

{PROSE}

End file.
"""


def test_fanficfare_layout():
    parsed = parse(FANFICFARE)
    meta = parsed.metadata
    assert (meta.title, meta.authors, meta.rating, meta.status) == ("The Long Way Round", ("Pell Harrow",), "T", "complete")
    assert meta.tags == ("Adventure", "Friendship") and meta.source_url == "https://www.example.org/s/123"
    assert meta.published == "2021-03-04" and meta.updated == "2021-05-06"
    assert ("Category", "Original Fiction") in meta.extra and meta.publisher == "www.example.org"
    assert block_texts(meta.description) == ["Two friends walk from one sea to the other."]
    assert [c.label for c in parsed.chapters] == ["Chapter 1", "Chapter 2"]  # the contents list is navigation
    assert block_texts(parsed.chapters[0].blocks) == [PROSE] and parsed.front_matter == ()
    assert block_texts(parsed.chapters[-1].blocks) == [PROSE]  # "End file." is not story


def test_labels_are_found_in_any_case_with_or_without_colons():
    parsed = parse(f"  TITLE: Salt\nauthor   : Wren Ash\nSUMMARY\nA short summary.\n\n\n{PROSE}")
    assert (parsed.metadata.title, parsed.metadata.authors) == ("Salt", ("Wren Ash",))
    assert block_texts(parsed.metadata.description) == ["A short summary."]


def test_unknown_labels_among_known_ones_are_kept_as_facts():
    parsed = parse(f"Title: Salt\nKudos: 45\nRating: G\n\nMonday: the day it all began.\n{PROSE}")
    assert parsed.metadata.extra == (("Kudos", "45"),)
    assert block_texts(parsed.chapters[0].blocks)[0] == "Monday: the day it all began."


def test_old_gutenberg_small_print_header():
    text = (f"The Project Gutenberg Etext of Old Roads, by Tom Lane\n\nSmall print here.\n\n"
            f"*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n{PROSE}\n\n"
            f"End of the Project Gutenberg Etext of Old Roads\n")
    parsed = parse(text)
    assert block_texts(parsed.chapters[0].blocks) == [PROSE]
    assert "Small print here." in block_texts(parsed.back_matter[0].blocks)


def test_a_part_heading_of_the_text_is_kept_when_the_contents_list_names_another_part():
    """"PART ONE" in the text, right over a chapter the list files under "EPOCH THE FIRST": both
    names stay (the text's heading had been replaced by the list's, and its words lost)."""
    from ebookify.reading.headings import CHAPTER, PART, Heading
    from ebookify.reading.structure import build_chapters

    story = "The ferry left at dawn, and the gulls followed it out past the harbour wall."
    lines = ["PART ONE", "", "", "The Widow", "", story, "", "The Mint", "", story]
    given = {0: Heading(PART, "PART ONE", ""), 3: Heading(CHAPTER, "", "The Widow", part="EPOCH THE FIRST"),
             7: Heading(CHAPTER, "", "The Mint", part="EPOCH THE FIRST")}
    chapters = build_chapters(lines, Settings(), 0, given).chapters
    assert [c.part for c in chapters] == ["PART ONE · EPOCH THE FIRST"] * 2


def test_a_file_of_verse_keeps_every_line_of_its_stanzas():
    """Lines of one length, nearly each opening with a capital, a blank line only between poems:
    verse, not a hard-wrapped paragraph (a collection of sonnets read as prose had lost its lines)."""
    poem = ["  Where the grey gulls gather by the mill,", "  And the tide comes softly up the stair,",
            "  Go, my song, and wait for me there still,", "  Till the lamps are lit along the square.",
            "  Then the ferry, then the quiet quay,", "  Then the letter nobody will read;",
            "    All the harbour keeps its count of me,", "    All the water takes the thing I need."]
    text = "\n".join(f"  {numeral}\n\n" + "\n".join(poem) + "\n" for numeral in ("I", "II", "III", "IV"))
    chapters = parse(text).chapters
    assert [c.label for c in chapters] == ["I", "II", "III", "IV"]
    (stanza,) = chapters[0].blocks
    assert sum(isinstance(i, LineBreak) for i in stanza.inlines) == len(poem) - 1


def test_a_section_heading_wrapped_over_lines_says_its_words_once():
    """"SCENE I. In the Orchard. Frog-eye drags the captive" / "Prince and Princess…": the heading
    took its title from its own line and the next; the first half was said twice."""
    import textwrap

    wrap = lambda text: textwrap.fill(text, 70)  # noqa: E731
    prose = wrap(" ".join([PROSE] * 3))
    scene = "SCENE I. In the Witch's Orchard. Frog-eye Fearsome drags the captive Prince and Princess to the Ogre's tower."
    text = ("CONTENTS\n\nCHAPTER I. THE BIRTHDAY\nCHAPTER II. THE PLAY\nCHAPTER III. THE END\n\n\n\n"
            f"CHAPTER I. THE BIRTHDAY\n\n{prose}\n\nCHAPTER II. THE PLAY\n\n{prose}\n\n{wrap(scene)}\n\n{prose}\n\n"
            f"CHAPTER III. THE END\n\n{prose}\n")
    shown = [line for line in block_texts(parse(text, Settings()).chapters[1].blocks) if "SCENE" in line]
    assert shown == [scene]


def test_a_ballads_numbered_stanzas_are_no_chapters_of_the_contents_list():
    listed = "CONTENTS.\n\n   I. FESTIVAL CUSTOMS          19\n  II. LOCAL CUSTOMS             59\n III. MONUMENTS               109\n\n\n\n"
    stanzas = "".join(f"    {n}.\n\n    Draw near and listen, great and small,\n      Of high and low degree.\n\n"
                      for n in ["I", "II", "III"])
    text = listed + (f"CHAPTER I.\n\nFestival Customs.\n\n{PROSE}\n\nCHAPTER II.\n\nLocal Customs.\n\n{PROSE}\n\n{stanzas}"
                     f"{PROSE}\n\nCHAPTER III.\n\nMonuments.\n\n{PROSE}\n")
    assert [label for label, _ in headings(text)] == ["CHAPTER I", "CHAPTER II", "CHAPTER III"]



def test_an_act_over_its_first_scene_is_a_part_and_a_chapter():
    speech = "HORATIO. " + " ".join([PROSE] * 3)
    acts = "".join(f"ACT {act}\n\nSCENE I. A room.\n\n{speech}\n\nSCENE II. A hall.\n\n{speech}\n\n" for act in ("I", "II"))
    # a list mangled in the copy: some scenes named, some entries nowhere in the text
    contents = "Contents\n\nACT I\nScene II. A hall.\nACT II\nACT III\nACT IV\n\n"
    chapters = parse(contents + acts).chapters
    assert [(c.part, c.label, c.title) for c in chapters] == [
        ("ACT I", "SCENE I", "A room."), ("ACT I", "SCENE II", "A hall."),
        ("ACT II", "SCENE I", "A room."), ("ACT II", "SCENE II", "A hall.")]


def test_a_speech_by_a_character_named_prologue_is_not_a_heading():
    from ebookify.reading.headings import match_heading

    assert match_heading("PROLOGUE. _For us, and for our tragedy, Here stooping to your clemency,") is None
    assert match_heading("PROLOGUE. The Storm") is not None


def test_a_family_of_a_books_own_labels_numbered_upwards_gives_its_chapters():
    text = "".join(f"\n\nFEDERALIST No. {n}\n\n{PROSE}\n\n{PROSE}\n" for n in range(1, 5))
    chapters = parse(f"The Federalist Papers\n{text}").chapters
    assert [c.label for c in chapters] == [f"FEDERALIST No. {n}" for n in range(1, 5)]


@pytest.mark.parametrize("label", ["Page", "Figure", "ESSAY"])
def test_labels_out_of_order_or_numbering_pages_are_text(label):
    numbers = (1, 2, 3, 4) if label != "ESSAY" else (3, 1, 4, 2)
    text = "".join(f"\n\n{label} {n}\n\n{PROSE}\n" for n in numbers)
    chapters = parse(f"Title\n{text}").chapters
    assert len(chapters) == 1 and f"{label} {numbers[0]}" in block_texts(chapters[0].blocks)


def test_tratado_is_a_spanish_chapter_word():
    chapters = parse(f"Tratado Primero\n\n{PROSE}\n\nTratado Segundo\n\n{PROSE}\n").chapters
    assert [c.label for c in chapters] == ["Tratado Primero", "Tratado Segundo"]


def test_a_russian_diary_or_letters_headed_by_dates_has_a_chapter_each():
    text = "".join(f"\n\n{date}\n\n{PROSE}\n" for date in ("Апреля 8.", "Апреля 9.", "Апреля 12.", "Мая 20."))
    assert [c.label for c in parse(f"Письма\n{text}").chapters] == ["Апреля 8.", "Апреля 9.", "Апреля 12.", "Мая 20."]


WRAPPED_PROSE = ("The rain had not stopped for three days, and the river was higher than anyone in\n"
           "the village could remember; the miller said so, and the miller was old enough to\n"
           "know. Nobody argued with him about it, not even the priest, who argued with all.\n")


def test_a_stanza_set_in_from_the_margin_keeps_its_lines_in_wrapped_prose():
    stanza = ("     As the dawn was breaking the Sambhur belled\n        Once, twice and again!\n"
              "     And a doe leaped up, and a doe leaped up\n     From the pond in the wood where the wild deer sup.\n")
    blocks = parse(f"{WRAPPED_PROSE}\n{stanza}\n{WRAPPED_PROSE}").chapters[0].blocks
    lines = [i.text.strip() for i in blocks[1].inlines if isinstance(i, Text)]
    assert lines == ["As the dawn was breaking the Sambhur belled", "Once, twice and again!",
                     "And a doe leaped up, and a doe leaped up", "From the pond in the wood where the wild deer sup."]


def test_a_letter_set_in_from_the_margin_is_wrapped_prose():
    letter = ("     Blandly himself found the ship, and\n     by the most admirable management got her for the\n"
              "     merest trifle.  There is a class of men in Bristol\n     monstrously prejudiced against Blandly.\n")
    blocks = parse(f"{WRAPPED_PROSE}\n{letter}\n{WRAPPED_PROSE}").chapters[0].blocks
    assert block_texts(blocks)[1] == ("Blandly himself found the ship, and by the most admirable management got her "
                                      "for the merest trifle. There is a class of men in Bristol monstrously "
                                      "prejudiced against Blandly.")


@pytest.mark.parametrize("first, second, joined", [
    ("he stopped short--", "and turned back.", "he stopped short--and turned back."),
    ("Gregor Samsa war --", "Samsa fühlte es.", "Gregor Samsa war -- Samsa fühlte es."),
])
def test_a_dash_ending_a_wrapped_line_joins_as_it_was_typed(first, second, joined):
    pad = "The rain had not stopped for three days and the river was higher than anyone could"
    text = f"{pad}\n{first}\n{second}\n{pad}\n{pad}.\n\n{pad}\n{pad}\n{pad}.\n"
    assert joined in block_texts(parse(text).chapters[0].blocks)[0]


def test_a_stretch_spaced_wider_is_paragraphs_not_scene_breaks():
    normal = "\n\n".join([PROSE] * 6)
    wide = "\n\n\n\n".join(f"{PROSE} {n}" for n in range(5))  # one-line paragraphs, three blank lines apart
    blocks = parse(f"{normal}\n\n\n\n{normal}\n\n{wide}\n").chapters[0].blocks
    assert [type(b).__name__ for b in blocks].count("SceneBreak") == 1  # the one gap between two runs of text


def test_letters_with_many_one_line_blocks_still_wrap_their_paragraphs():
    body = "\n".join([WRAPPED_PROSE * 4] * 2)  # two long paragraphs among six one-line blocks
    letter = (f"Langford, Dec.\n\nTo Mr. Vernon.\n\nMY DEAR BROTHER,--\n\n{body}\nYour most obliged sister,\n\n"
              "S. VERNON.\n\nP.S. Tell the children.\n\n")
    paragraphs = block_texts(parse(letter * 4).chapters[0].blocks)
    assert paragraphs[3].startswith("The rain had not stopped") and paragraphs[3].endswith("argued with all.")


def test_a_part_heading_right_over_a_heading_of_its_kind_keeps_it_as_its_first_chapter():
    """"Book I" over "Part 1: Operation Teacup" and its text: both are part words, but the upper one
    is the part and the lower its first chapter; the part's heading was lost from the book."""
    chapters = parse(f"**Book I: A Prankster's Plan**\n\n**Part 1: Operation Teacup**\n\n{PROSE}\n").chapters
    assert [(c.part, c.label, c.title) for c in chapters] == [("Book I: A Prankster's Plan", "Part 1", "Operation Teacup")]
