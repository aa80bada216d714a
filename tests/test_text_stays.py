"""Text stays text: marks that only look like markup, verse inside prose, short indent-style stories."""

import re
from collections import Counter

import pytest

from ebookify import Options, convert
from ebookify.model import Emphasis, LineBreak, Paragraph, Strong, Text, block_texts
from ebookify.reading.inline import parse_inlines
from ebookify.options import Settings
from ebookify.reading.decode import decode
from ebookify.reading.parse import parse

from conftest import SAMPLES, reading_text, words

PROSE = ("The lamps along the quay were lit one after another, and the water took each of them and "
         "broke it into a hundred pieces that would not keep still.")


@pytest.mark.parametrize(
    "text, inlines",
    [
        pytest.param("2*3*4 is twenty-four", (Text("2*3*4 is twenty-four"),), id="arithmetic"),
        pytest.param("He looked at the bill. *sigh", (Text("He looked at the bill. *sigh"),), id="a lone *sigh"),
        pytest.param("The tax* was high.", (Text("The tax* was high."),), id="footnote star"),
        pytest.param("*Footnote: an old tax.", (Text("*Footnote: an old tax."),), id="footnote text"),
        pytest.param("a * b * c", (Text("a * b * c"),), id="spaced stars"),
        pytest.param("*sigh* fine", (Emphasis((Text("sigh"),)), Text(" fine")), id="a paired *sigh* is emphasis"),
        pytest.param("¯\\_(ツ)_/¯ whatever", (Text("¯\\_(ツ)_/¯ whatever"),), id="the shrug keeps its arms"),
        pytest.param("a \\*starred\\* word", (Text("a \\*starred\\* word"),), id="an escaped star is a star"),
    ],
)
def test_asterisks_that_are_not_emphasis_stay(text, inlines):
    assert parse_inlines(text) == inlines


@pytest.mark.parametrize("text, inlines", [
    pytest.param("**Crew List – *Night Heron***", (Strong((Text("Crew List – "), Emphasis((Text("Night Heron"),)))),),
                 id="one run of three closes italics, then bold"),
    pytest.param("***Crew* – Heron**", (Strong((Emphasis((Text("Crew"),)), Text(" – Heron"))),),
                 id="one run of three opens bold, then italics"),
    pytest.param("*a **b***", (Emphasis((Text("a "), Strong((Text("b"),)))),), id="bold inside italics"),
    pytest.param("***both***", (Strong((Emphasis((Text("both"),)),)),), id="bold italics"),
])
def test_a_run_of_three_marks_closes_or_opens_two_pairs(text, inlines):
    assert parse_inlines(text) == inlines


def test_a_markdown_title_with_italics_inside_bold_loses_every_mark():
    parsed = parse("# **Crew List – *Night Heron***\n\n## Ada Vance\n\nCaptain, hates tea.\n\n## The Cat\n\nNobody knows.\n",
                   Settings(markdown=True))
    assert parsed.metadata.title == "Crew List – Night Heron"


def test_a_stanza_in_prose_keeps_its_line_breaks_as_one_block():
    stanza = "Roses fade and rivers run,\nEvery song must end,\nBut the light of one more sun\nFinds a way to mend."
    blocks = parse(f"{PROSE}\n\n{stanza}\n\n{PROSE}\n\n{PROSE}").chapters[0].blocks
    assert len(blocks) == 4
    verse = blocks[1]
    assert isinstance(verse, Paragraph) and sum(isinstance(i, LineBreak) for i in verse.inlines) == 3


@pytest.mark.parametrize(
    "text, count",
    [
        pytest.param("    The first one.\n    The second one.\n    The third one.\n    The fourth one.\n", 4,
                     id="every line indented"),
        pytest.param("    The first paragraph starts with an indent and it goes\non for a while.\n"
                     "    Second paragraph is here.\n    Third paragraph, shorter and\nwrapped.\n"
                     "    Fourth and last.\n", 4, id="indented and wrapped"),
        pytest.param("\tOne short paragraph, tab indented\n\tAnother, also without a stop\n"
                     "\tA third one here\n\tAnd the fourth", 4, id="tabs, no full stops"),
    ],
)
def test_short_indent_style_stories_keep_their_paragraphs(text, count):
    assert len(block_texts(parse(text).chapters[0].blocks)) == count


def test_a_contents_list_of_bare_numerals_keeps_every_entry():
    """The numerals under the list's first entry looked like its title: they were dropped with it."""
    from ebookify.model import paragraphs

    chapters = "\n\n".join(f"                 {n}\n\n{PROSE}\n\n{PROSE}" for n in ("I", "II", "III", "IV"))
    book = parse(f"The Harbour\n\n\n\n          Contents\n\nI\nII\nIII\nIV\n\n\n\n{chapters}\n")
    front = " ".join(" ".join(block_texts(section.blocks)) for section in book.front_matter)
    assert front.split()[-5:] == ["Contents", "I", "II", "III", "IV"]
    assert [c.label for c in book.chapters] == ["I", "II", "III", "IV"]
    assert all(len(paragraphs(c.blocks)) == 2 for c in book.chapters)


def test_a_play_wraps_its_speeches_under_the_speakers_names():
    """The names ("MARA.") end in a stop, yet the speeches under them are wrapped prose, not a
    paragraph per line: each speech is one paragraph, its speaker's name on the first line."""
    speech = ("I have waited on this quay since the lamps were lit, and not one boat has come in from\n"
              "the point, though the wind has dropped and the tide is with them all the way home.")
    scene = "\n\n".join(f"{name}\n{speech}" for name in ("MARA.", "OLD TOMAS.", "MARA.", "THE FERRYMAN.")) + "\n\nMARA.\nYes.\n"
    blocks = parse(f"ACT I\n\n{scene}\n\nACT II\n\n{scene}\n").chapters[0].blocks
    assert len(blocks) == 5
    first = blocks[0].inlines
    assert first[0] == Text("MARA.") and blocks[1].inlines[0] == Text("OLD TOMAS.")
    assert isinstance(first[1], LineBreak) and first[2] == Text(" ".join(speech.split()))


def test_markdown_reads_its_backslash_escapes_and_a_text_file_keeps_its_backslashes():
    from ebookify import Options, convert
    from conftest import unzip

    story = "WHAT\\! THE\\! *ferry* \\*left\\* at under\\-age o\\'clock. \\[map\\] ¯\\_(ツ)\\_/¯\n\nAnd again, the next day.\n"
    page = lambda name: unzip(convert(story.encode(), Options(source_name=name, cover=False)).epub)["EPUB/chapter-001.xhtml"].decode()
    md, txt = page("story.md"), page("story.txt")
    assert "WHAT! THE! <em>ferry</em> *left* at under-age o’clock. [map] ¯_(ツ)_/¯" in md
    assert "WHAT\\! THE\\!" in txt and "\\*left\\*" in txt


def test_a_story_whose_only_heading_closes_it_is_in_the_book_once():
    """Front matter above a lone 'Afterword' with nothing under it: the story was read as front
    matter, then the whole file again as the one chapter, so every word was in the book twice."""
    text = ("Preface\n\nThe Bell Tower\n\n" + "\n\n".join([PROSE] * 3) + "\n\nAfterword\n")
    book = parse(text)
    words = " ".join(" ".join(block_texts(s.blocks)) for s in book.front_matter)
    words += " ".join(" ".join(block_texts(c.blocks)) for c in book.chapters)
    assert words.count("lamps along the quay") == 3


RUNO = ("Down the river went the ferryman,\npoling slow against the current,\nsinging of the hills behind him,\n"
        "of the wheat and of the orchards.\nWind came cold across the water,\nwaves went slapping at the gunwale;\n"
        "still he sang and still he travelled,\ntill the sun sank in the marshes.")


TERCETS = ("  Along the shore of evening I was walking\n  and found the harbour empty of its boats,\n"
           "  the lanterns out, the nets left on the shingle.\n\n"
           "  I called, and only gulls gave any answer,\n  wheeling above the stones where water breaks,\n"
           "  and none of them could tell me where the boats had gone.\n\n"
           "  So I sat down beside the silent capstan\n  and waited while the tide came in and out,\n"
           "  until a light was burning on the headland.")


def test_verse_whose_lines_stop_short_of_the_column_keeps_its_lines():
    """Dante's tercets: lines past 40 characters, most opening in small letters, each broken where
    the next word would still have fitted; they were joined into prose."""
    book = parse("".join(f"Canto {n}\n\n{TERCETS}\n\n\n" for n in ("I", "II", "III", "IV")))
    assert [[sum(isinstance(i, LineBreak) for i in b.inlines) for b in c.blocks] for c in book.chapters] == [[2, 2, 2]] * 4


def test_a_wrapped_paragraph_stays_one_line_of_prose():
    wrapped = ("The lamps along the quay were lit one by one, and the water under\nthem took each light and "
               "broke it into a hundred pieces that would not\nkeep still, however long anyone on the boats "
               "stood watching them, and\nnobody on the boat said a word about the letter that had come.")
    book = parse("".join(f"Chapter {n}\n\n{wrapped}\n\n{wrapped}\n\n{wrapped}\n\n" for n in range(1, 4)))
    assert not any(isinstance(i, LineBreak) for c in book.chapters for b in c.blocks for i in b.inlines)


def test_narrow_verse_keeps_its_lines_whatever_they_open_with():
    """Lines of a runo or a ballad that go on in small letters read as a prose wrap: joined."""
    preface = ("These songs were gathered in the villages and the forest farms, where the old people still\n"
               "remembered them; many were half forgotten, and some were put together only with the help\n"
               "of several singers, each of whom knew a part of the song and none of whom knew it all.")
    cantos = "".join(f"\n\nCANTO {n}\n\n{RUNO}" for n in ("I", "II", "III", "IV", "V", "VI"))
    book = parse(f"The Ferryman\n\nPREFACE\n\n{preface}{cantos}\n")  # a tenth of the lines prose
    cantos = [c for c in book.chapters if c.label.startswith("CANTO")]
    assert [[sum(isinstance(i, LineBreak) for i in b.inlines) for b in c.blocks] for c in cantos] == [[7]] * 6
    prose = [b for c in book.chapters + tuple(book.front_matter) for b in c.blocks if block_texts((b,))[0].startswith("These")]
    assert block_texts(prose) == [" ".join(preface.split("\n"))] and not any(isinstance(i, LineBreak) for i in prose[0].inlines)


# Words a sample's book may hold fewer times than its text, by design: numbers (an edition's page
# numbers leave its contents list, notes are numbered afresh through the book), the words of web
# addresses (a Markdown link keeps its text), and the front matter's labels, whose values the title
# page and the package show under labels of the book's own ("Description:", "Packaged:").
_LABEL_WORDS = {"description", "summary", "footnote", "url", "genre", "completed", "packaged", "chapters"}
_ADDRESS = re.compile(r"https?://\S+")


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*") if p.suffix in (".txt", ".md")) or ["none"])
def test_every_word_of_a_sample_reaches_its_book_as_often_as_it_is_written(samples, name):
    """Stronger than "every word, in order": a contents list that lost the second lines of its
    entries ("…One of Tom Sawyers's" / "Lies.") kept them in order all the same, since the chapter
    titles say them again further on."""
    data = (samples / name).read_bytes()
    text, _ = decode(data)
    book = words(reading_text(convert(data, Options(source_name=name, cover=False)).epub))
    missing = Counter(words(text)) - Counter(book) - Counter(words(" ".join(_ADDRESS.findall(text))))
    assert {w: n for w, n in missing.items() if not w.isdigit() and w not in _LABEL_WORDS} == {}
