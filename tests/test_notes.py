"""Author's notes take exactly what their marker delimits: never a sentence of the story."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import build, reading_text
from ebookify import Options, convert
from ebookify.model import Placement, block_texts
from ebookify.reading.parse import parse

ONE = "The wind came down from the hills and rattled every shutter in the lane."
TWO = "Mara counted the coins twice before she trusted the number."
THREE = "Nobody in the house slept until the kettle had gone cold."
FOUR = "In the morning the road was white with frost and empty of travellers."


def chapter_of(body: str):
    return parse(f"Chapter 1\n\n{body}\n\nChapter 2\n\n{ONE}\n").chapters[0]


def story_and_notes(body: str):
    chapter = chapter_of(body)
    return block_texts(chapter.blocks), [(n.placement, n.at, block_texts(n.blocks)) for n in chapter.notes]


@pytest.mark.parametrize(
    "body, story, notes",
    [
        pytest.param(f"{ONE}\n\nA/N: thanks for reading!\n\n{TWO}\n\n{THREE}", [ONE, TWO, THREE],
                     [(Placement.WITHIN, 1, ["thanks for reading!"])], id="A/N as a middle paragraph is one paragraph"),
        pytest.param(f"{ONE}\n\n{TWO}\n\nA/N: see you soon\n\n{THREE}", [ONE, TWO, THREE],
                     [(Placement.WITHIN, 2, ["see you soon"])], id="A/N second to last keeps the last paragraph"),
        pytest.param(f"{ONE}\n\n***\n\nAuthor's Note: a pause here.\n\n{TWO}", [ONE, TWO],
                     [(Placement.WITHIN, 2, ["a pause here."])], id="a scene break next to a note stays"),
        pytest.param(f"(A/N: first part\n\nsecond part)\n\n{ONE}", [ONE],
                     [(Placement.BEFORE, 0, ["first part", "second part"])], id="bracket runs across paragraphs"),
        pytest.param(f"[A/N: quick one] {ONE}\n\n{TWO}", [ONE, TWO],
                     [(Placement.BEFORE, 0, ["quick one"])], id="text after the closing bracket is story"),
        pytest.param(f"(A/N: never closed\n\n{ONE}\n\n{TWO}", [ONE, TWO],
                     [(Placement.BEFORE, 0, ["never closed"])], id="an unclosed bracket is one paragraph"),
        pytest.param(f"{ONE}\n\nAuthor's Note:\nthe block under the label\nand its second line\n\n{TWO}", [ONE, TWO],
                     [(Placement.WITHIN, 1, ["the block under the label and its second line"])],
                     id="a label alone owns the lines right under it"),
        pytest.param(f"{ONE}\n\nA note from Quillfeather\n\nThanks for all the comments!\n\n{TWO}", [ONE, TWO],
                     [(Placement.WITHIN, 1, ["Thanks for all the comments!"])], id="Royal Road note block"),
        pytest.param(f"{ONE}\n\n{TWO}\n\n(Author's note: the end, for now.)", [ONE, TWO],
                     [(Placement.AFTER, 2, ["the end, for now."])], id="closing bracketed note"),
        pytest.param(f"N/A: merci pour vos commentaires\n\n{ONE}", [ONE],
                     [(Placement.BEFORE, 0, ["merci pour vos commentaires"])], id="French and Spanish N/A"),
        pytest.param(f"Anmerkung der Autorin: danke fürs Lesen\n\n{ONE}", [ONE],
                     [(Placement.BEFORE, 0, ["danke fürs Lesen"])], id="German note"),
        pytest.param(f"Примечание автора: спасибо\n\n{ONE}", [ONE],
                     [(Placement.BEFORE, 0, ["спасибо"])], id="Russian note"),
        pytest.param(f"{ONE}\n\n(An owl's face flashed past the window, then another.)\n\n{TWO}",
                     [ONE, "(An owl's face flashed past the window, then another.)", TWO], [],
                     id="a bracketed sentence starting with An is story"),
        pytest.param(f"{ONE}\n\n(AN OFFICIAL TRANSLATION IS READ BY THE CLERK.)\n\n{TWO}",
                     [ONE, "(AN OFFICIAL TRANSLATION IS READ BY THE CLERK.)", TWO], [],
                     id="a line in capitals starting AN is story (a play's stage direction)"),
        pytest.param(f"{ONE}\n\n(AN sorry this took so long)\n\n{TWO}", [ONE, TWO],
                     [(Placement.WITHIN, 1, ["sorry this took so long"])], id="AN before words in small letters is a note"),
        pytest.param(f"{ONE}\n\nAn-Onymous-Writer-Who-Signs-Off :P", [ONE, "An-Onymous-Writer-Who-Signs-Off :P"], [],
                     id="a hyphenated signature starting An- is story"),
        pytest.param(f"{ONE}\n\n[T/N] - also on my site.\n\n{TWO}", [ONE, TWO],
                     [(Placement.WITHIN, 1, ["also on my site."])], id="a label in brackets, the note after it"),
        pytest.param(f"{ONE}\n\n[A/N]: thanks!\n\n{TWO}", [ONE, TWO],
                     [(Placement.WITHIN, 1, ["thanks!"])], id="a label in brackets, a colon after it"),
        pytest.param(f"{ONE}\n\n(A/N)\nthe block under it\n\n{TWO}", [ONE, TWO],
                     [(Placement.WITHIN, 1, ["the block under it"])], id="a label in brackets alone"),
        pytest.param(f"{ONE}\n\nAN// thanks for sticking with me!\n\n{TWO}", [ONE, TWO],
                     [(Placement.WITHIN, 1, ["thanks for sticking with me!"])], id="AN// opens a note"),
        pytest.param(f"{ONE}\n\nAn old man waved.\n\nNotes are for later, she said.", [ONE, "An old man waved.",
                     "Notes are for later, she said."], [], id="sentences starting with An or Notes are story"),
        pytest.param(f"Note: still a draft.\n\nNote 2: the lines mark a new view.\n\n***\n\n{ONE} {TWO} {THREE} {FOUR}",
                     [f"{ONE} {TWO} {THREE} {FOUR}"],
                     [(Placement.BEFORE, 0, ["still a draft."]), (Placement.BEFORE, 0, ["the lines mark a new view."])],
                     id="a plain Note atop the chapter is the author's"),
        pytest.param(f"{ONE} {TWO} {THREE} {FOUR}\n\nNote: meet me at the mill.\n\n{TWO}",
                     [f"{ONE} {TWO} {THREE} {FOUR}", "Note: meet me at the mill.", TWO], [],
                     id="a plain Note within the story is the story's"),
    ],
)
def test_each_marker_delimits_its_note(body, story, notes):
    got_story, got_notes = story_and_notes(body)
    assert got_story == story
    assert got_notes == notes


@pytest.mark.parametrize("marker", ["TL Note:", "T/N:", "TL:", "Translator's note:"])
def test_a_translators_note_is_a_note_and_says_whose(marker):
    chapter = chapter_of(f"{ONE}\n\n{marker} 不空门, literally not empty gate.\n\n{TWO}")
    assert block_texts(chapter.blocks) == [ONE, TWO]
    assert [(n.label, block_texts(n.blocks)) for n in chapter.notes] == [("Translator’s Note", ["不空门, literally not empty gate."])]


@pytest.mark.parametrize(
    "body, story, notes",
    [
        pytest.param(f"{ONE}\n\n**A/N:** thanks for reading!\n\n{TWO}", [ONE, TWO],
                     [(Placement.WITHIN, 1, ["thanks for reading!"])], id="a bold label, then the note"),
        pytest.param(f"{ONE}\n\n**A/N: thanks for reading!**\n\n{TWO}", [ONE, TWO],
                     [(Placement.WITHIN, 1, ["thanks for reading!"])], id="a note all in bold"),
        pytest.param(f"{ONE}\n\n*Author's Note:* a pause here.\n\n{TWO}", [ONE, TWO],
                     [(Placement.WITHIN, 1, ["a pause here."])], id="an italic label"),
        pytest.param(f"{ONE}\n\n**Author's Endnote:**\n\n**Thanks for reading.**\n\n**See you next week.**",
                     [ONE], [(Placement.AFTER, 1, ["Thanks for reading.", "See you next week."])],
                     id="a bold end note runs through the bold paragraphs to the chapter's end"),
        pytest.param(f"**A/N: a word first.**\n\n**More of the note.**\n\n***\n\n{ONE}", [ONE],
                     [(Placement.BEFORE, 0, ["a word first.", "More of the note."])],
                     id="a bold note runs through the bold paragraphs to a scene break"),
        pytest.param(f"**A/N: a word first.**\n\n**The Tower, midnight**\n\n{ONE}",
                     ["The Tower, midnight", ONE], [(Placement.BEFORE, 0, ["a word first."])],
                     id="a bold line of the story after a bold note stays story"),
        pytest.param(f"**A/N: a word first.**\n\n***June 10, 1994***\n\n**More?**", ["June 10, 1994", "More?"],
                     [(Placement.BEFORE, 0, ["a word first."])], id="bold italics are not the note's bold"),
    ],
)
def test_a_label_in_bold_or_italics_is_a_label(body, story, notes):
    got_story, got_notes = story_and_notes(body)
    assert got_story == story
    assert got_notes == notes


def test_a_bold_note_keeps_its_bold():
    note = chapter_of(f"{ONE}\n\n**A/N: thanks for reading!**").notes[0]
    assert [type(i).__name__ for i in note.blocks[0].inlines] == ["Strong"]


def test_a_scene_break_beside_a_note_is_still_a_break():
    chapter = chapter_of(f"{ONE}\n\n***\n\nA/N: hello\n\n{TWO}")
    assert [type(b).__name__ for b in chapter.blocks] == ["Paragraph", "SceneBreak", "Paragraph"]


AO3_CHAPTER = f"""Chapter 2: The Ford

Summary:

The river rises.

Notes:

Thanks to my beta reader.

(See the end of the chapter for more notes.)

Chapter Text

{ONE}

{TWO}

Notes:

More next week.

Kudos keep me going.
"""


def test_an_ao3_chapter_copy_sorts_summary_notes_and_story():
    chapter = parse(f"Chapter 1\n\n{THREE}\n\n" + AO3_CHAPTER).chapters[1]
    assert block_texts(chapter.blocks) == [ONE, TWO]
    labels = [(n.label, n.placement) for n in chapter.notes]
    assert labels == [("Summary", Placement.BEFORE), ("Notes", Placement.BEFORE), ("Notes", Placement.AFTER)]
    assert block_texts(chapter.notes[2].blocks) == ["More next week.", "Kudos keep me going."]


def test_the_marker_is_not_repeated_under_the_label():
    chapter = chapter_of(f"{ONE}\n\n(A/N: hello there)")
    assert block_texts(chapter.notes[0].blocks) == ["hello there"]


def test_a_note_in_a_file_without_blank_lines_takes_one_line():
    lines = [ONE, TWO, "A/N: just this line", THREE, FOUR] * 2
    chapter = parse("\n".join(lines)).chapters[0]
    assert block_texts(chapter.blocks) == [ONE, TWO, THREE, FOUR] * 2


# The property: --notes omit leaves out notes and nothing else ------------------------------------

WORDS = ["river", "lamp", "stone", "window", "quiet", "winter", "garden", "letter", "candle", "bridge", "song",
         "morning", "silver", "thread", "harbour", "field", "kettle", "shadow", "orchard", "ladder"]
NOTE_FORMS = ["A/N: {}", "AN: {}", "Author's Note: {}", "(A/N: {})", "[A/N: {}]", "(A/N {})", "[Author's note: {}]",
              "Author's Note:\n\n{}", "A note from Penwright\n\n{}", "(A/N: {}\n\nzzsecond paragraph of the note)"]
sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(lambda w: " ".join(w).capitalize() + ".")
paragraph_ = st.one_of(  # mostly prose, sometimes a short line of dialogue
    st.lists(sentence, min_size=2, max_size=5).map(" ".join), sentence.map(lambda s: f'"{s}" she said.'))
note_text = st.lists(st.sampled_from(["zzthanks", "zzreview", "zzbeta", "zzsoon"]), min_size=1, max_size=6).map(
    lambda w: " ".join(w) + "!")
piece = st.one_of(
    paragraph_.map(lambda p: ("story", p)),
    st.tuples(st.sampled_from(NOTE_FORMS), note_text).map(lambda t: ("note", t[0].format(t[1]))),
    st.just(("break", "* * *")),
    st.integers(1, 40).map(lambda n: ("heading", f"Chapter {n}")),
)


OPENING = "It began at the edge of the wood, where the path turned to moss and the light came down green and slow."
CLOSING = "It ended at the gate, with the dogs asleep in the yard and the kettle singing inside for the travellers."
HEADERS = ["", "Chapter 1{gap}", "The Long Walk{gap}by Ren Moss{gap}", "Title: The Long Walk\nAuthor: Ren Moss{gap}",
           "Title: The Long Walk\nSummary: yysummary of the walk.{gap}", "Summary:\n\nyysummary of the walk.{gap}",
           "The Long Walk\nby Ren Moss\n\nSummary:\nyysummary of the walk.\n\nAuthor's Note:\nyyhello!{gap}",
           "# The Long Walk{gap}*yysubtitle*{gap}"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(piece, min_size=1, max_size=14), st.sampled_from(["\n\n", "\n\n\n", "\n"]), st.sampled_from(HEADERS))
@example([("note", "Author's Note:\n\nzzthanks!"), ("story", "River river river. River river river."),
          ("note", "Author's Note:\n\nzzthanks!")], "\n\n", "")  # a note ran on to the next label over the story
@example([("story", "River river river. River river river."), ("note", "Author's Note:\n\nzzthanks!")], "\n\n\n",
         "Summary:\n\nyysummary of the walk.{gap}")  # the summary ran on to a note, the story's usual gap taken for a wider one
@example([("story", "River river river."), ("heading", "Chapter 1")], "\n\n",
         "Title: The Long Walk\nSummary: yysummary of the walk.{gap}")  # the summary ran on to the heading
@example([("heading", "Chapter 2"), ("note", "A note from Penwright\n\nzzthanks!"), ("heading", "Chapter 3"),
          ("note", "A note from Penwright\n\nzzthanks!")], "\n\n", "")  # the note's label read as the chapter's title
def test_leaving_notes_out_keeps_every_story_sentence_in_order(pieces, gap, header):
    pieces = [("story", OPENING)] + pieces + [("story", CLOSING)]
    text = header.format(gap=gap) + gap.join(p for _, p in pieces) + "\n"
    parsed = parse(text)
    front = [t for section in parsed.front_matter for t in block_texts(section.blocks)]  # before "Chapter 1"
    story = " ".join(front + [t for c in parsed.chapters for t in block_texts(c.blocks)])
    position = 0
    for kind, value in pieces:
        if kind == "story":
            for each in value.split(". "):
                found = story.find(each.rstrip("."), position)
                assert found >= 0, f"lost {each!r}"
                position = found
    assert "zz" not in story  # and every note left the story


def test_notes_omit_end_to_end_keeps_the_story_words():
    text = f"Chapter 1\n\n{ONE}\n\nA/N: zzthanks\n\n{TWO}\n\n(A/N: zzbye)\n\nChapter 2\n\n{THREE}\n"
    result = convert(text.encode(), Options(notes="omit"))
    story = " ".join(t for c in result.book.chapters for t in block_texts(c.blocks))
    assert ONE in story and TWO in story and THREE in story and "zz" not in story


def test_ao3_chapter_notes_run_to_the_pointer_and_hold_no_heading():
    text = (f"Chapter 1: Start\n\n{ONE}\n\n{TWO}\n\nChapter 2: Ending\n\nChapter Notes\n\nThank you all for reading.\n\n"
            f"Last chapter.\n\nSee the end of the chapter for more notes\n\n{THREE}\n\n{FOUR}\n")
    chapters = parse(text).chapters
    assert [c.label for c in chapters] == ["Chapter 1", "Chapter 2"]
    assert block_texts(chapters[1].blocks) == [THREE, FOUR]
    assert block_texts(chapters[1].notes[0].blocks) == ["Thank you all for reading.", "Last chapter.",
                                                        "See the end of the chapter for more notes"]


def test_a_chapter_of_notes_alone_keeps_its_page():
    text = f"Chapter 1\n\n{ONE}\n\nChapter 2\n\nA/N: on a break this week, back soon.\n\nChapter 3\n\n{TWO}\n"
    result = convert(text.encode(), Options(source_name="s.txt", cover=False))
    from conftest import reading_text
    assert "on a break this week" in reading_text(result.epub)


@pytest.mark.parametrize("label", ["Notes:", "Notes：", "**Author's Note:**", "作者的话："])
def test_a_quote_that_opens_with_a_notes_label_is_the_authors_note(label):
    """AO3 sets a chapter's notes in a quote at its end (or top), and copies keep it: "> Notes：…" and
    the rest of the quote are the note. A quote without a label (a letter the story quotes), or one
    inside the story, stays story."""
    story, notes = story_and_notes(f"{ONE}\n\n{TWO}\n\n> {label} {THREE}\n>\n> {FOUR}\n")
    assert story == [ONE, TWO] and [n[2] for n in notes] == [[THREE, FOUR]]
    story, notes = story_and_notes(f"{ONE}\n\n> {THREE}\n>\n> {FOUR}\n\n{TWO}")
    assert notes == [] and THREE in " ".join(story)
    prose = " ".join((ONE, TWO, THREE, FOUR))  # a paragraph of prose: the chapter's opening is over
    story, notes = story_and_notes(f"{prose}\n\n{TWO}\n\n> {label} {THREE}\n\n{ONE}\n\n{TWO}")
    assert notes == [] and len(story) == 5, "a labelled quote inside the story (a report's notes) stays story"


HEADER = ("**Disclaimer: the world and its people belong to their maker, not to me.**\n\n"
          "**Thanks to my beta readers, who caught every stray comma.**\n\n"
          "**The Lantern Keepers**\n\n**By Quillfeather**\n\n")


@pytest.mark.parametrize("edited", [False, True])
def test_a_header_pasted_above_every_chapter_opens_the_chapter_it_stands_above(edited):
    """A fan fiction site's chapters each open with the writer's header: in one file it stands at
    the end of the chapter before, and must not close that chapter's story or its end note. It is
    the next chapter's opening note, the writer speaking, never its story."""
    again = HEADER.replace("beta readers", "beta readers and my editor") if edited else HEADER
    text = (f"{HEADER}**Chapter 1: Embers**\n\n{ONE}\n\n{TWO}\n\n**Author's Note:**\n\n**Reviews keep me going.**\n\n"
            f"{again}**Chapter 2: Ashes**\n\n{THREE}\n\n{FOUR}\n\n{again}**Chapter 3: Smoke**\n\n{ONE}\n")
    chapters = parse(text).chapters
    assert [c.title for c in chapters] == ["Embers", "Ashes", "Smoke"]
    first, second = chapters[0], chapters[1]
    assert block_texts(first.blocks) == [ONE, TWO]
    assert [block_texts(n.blocks) for n in first.notes] == [["Reviews keep me going."]]
    assert block_texts(second.blocks) == [THREE, FOUR]
    header = [(n.placement, block_texts(n.blocks)) for n in second.notes]
    assert len(header) == 1 and header[0][0] == Placement.BEFORE and header[0][1][0].startswith("Disclaimer:")
    assert block_texts(chapters[2].blocks) == [ONE] and "By Quillfeather" in block_texts(chapters[2].notes[0].blocks)


def test_a_sign_off_every_chapter_ends_with_stays_where_it_is():
    """One line the text above the first chapter also has ("Please review!") is a chapter's own
    last line, not a header of the next one."""
    text = (f"Please review!\n\nChapter 1\n\n{ONE}\n\nPlease review!\n\nChapter 2\n\n{TWO}\n\n"
            f"Please review!\n\nChapter 3\n\n{THREE}\n")
    chapters = parse(text).chapters
    assert [block_texts(c.blocks)[-1] for c in chapters] == ["Please review!", "Please review!", THREE]


@pytest.mark.parametrize("written, shown", [
    ("A/N:", "Author’s Note"), ("AN:", "Author’s Note"), ("Author's note:", "Author’s Note"), ("Authors Notes:", "Author’s Notes"),
    ("T/N:", "Translator’s Note"), ("TL Notes:", "Translator’s Notes"), ("N.d.A.:", "Author’s Note"),
    ("Author's Endnote:", "Author’s Endnote"), ("Chapter End Notes:", "Chapter End Notes"), ("Note 2:", "Note 2"),
    ("Note de l'auteur :", "Note de l’auteur"), ("От автора:", "От автора"),
])
def test_a_label_in_short_is_spelt_out_and_one_in_words_kept_as_written(written, shown):
    (note,) = chapter_of(f"{ONE}\n\n{TWO}\n\n{written} thank you for reading.").notes
    assert (note.label, block_texts(note.blocks)) == (shown, ["thank you for reading."])


def test_the_book_s_language_names_the_usual_labels_and_leaves_the_writer_s_own():
    story = "Titre : La Jetée\nAuteur : Marie Vent\n\nChapitre 1\n\n{one}\n\n{label} merci.\n\nChapitre 2\n\n{one}\n"
    one = "Le vent soufflait sur la jetée depuis le matin, et les bateaux restaient au port."
    assert "Note de l’auteur" in reading_text(build(story.format(one=one, label="A/N :"), language="fr"))
    kept = reading_text(build(story.format(one=one, label="Author's Endnote:"), language="fr"))
    assert "Author’s Endnote" in kept and "Note de l’auteur" not in kept
