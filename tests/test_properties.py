"""Any text in, a valid book out, with every word in it, in order."""

import string
import textwrap

from hypothesis import HealthCheck, example, given, settings, strategies as st

from ebookify import EbookifyError, Options, convert
from ebookify.reading.frontmatter import LABELS as _LABELS
from ebookify.epub.checks import check_structure
from ebookify.reading.blocks import is_scene_break
from ebookify.reading.parse import parse
from ebookify.model import block_texts

from conftest import epubcheck_many, missing_in_order, reading_text, words

LETTERS = string.ascii_letters + string.digits + "éøßçñЖжΩωäöü"
word = st.text(alphabet=LETTERS, min_size=1, max_size=12).filter(lambda w: w.lower() not in _LABELS)
punctuation = st.sampled_from(["", ".", ",", "!", "?", "...", "--", ";", ":", "'", '"', "<", "&", "&amp;", "*"])
token = st.builds(lambda p, w, q: p + w + q, st.sampled_from(["", '"', "'", "(", "<"]), word, punctuation)
# A line that reads as a divider ("x", "O--", "o0o") is a scene break by design: its letters are an ornament.
line = st.lists(token, min_size=1, max_size=14).map(" ".join).filter(lambda text: not is_scene_break(text))
separator = st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\n\n\n\n", "\n \t\n", "\n***\n", "\nChapter 2\n"])


@st.composite
def stories(draw):
    lines = draw(st.lists(line, min_size=1, max_size=25))
    text = lines[0]
    for next_line in lines[1:]:
        text += draw(separator) + next_line
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_every_word_reaches_the_book_in_order(text):
    result = convert(text.encode("utf-8"), Options(source_name="s.txt", cover=False))
    assert missing_in_order(words(text), words(reading_text(result.epub))) is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_gives_a_sound_book_or_a_clear_error(text):
    try:
        result = convert(text.encode("utf-8", "surrogatepass"), Options(cover=False))
    except EbookifyError as error:
        assert error.message and "\n" not in error.message
        return
    assert check_structure(result.epub) == ()


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(stories(), min_size=3, max_size=3))
def test_generated_books_pass_epubcheck(tmp_path, texts):
    books = {f"generated-{i}": convert(t.encode(), Options(source_name="g.txt")).epub for i, t in enumerate(texts)}
    assert epubcheck_many(books, tmp_path) == {name: [] for name in books}


# Markdown's and editions' marks, notes and lists, in any order and any place: every mix makes a
# sound book whose words all reach it (a note's words on the notes page, so in any order).
MARKUP = st.sampled_from(["[^1]", "[^a]", "[1]", "[2]", "[^1]: words one", "[^a]: words of a", "[Footnote 1: an aside",
                          "spanning]", "[1] old aside", "- item", "* item", "1. first", "2) second", "# Chapter 2: T[^1]",
                          "word.[1]", "and [2] clause", "> quote[^1]", "*emph[^a]*", "TL Note: tl", "Chapter 1", ""])
marked_line = st.lists(st.one_of(MARKUP, word), min_size=1, max_size=4).map(" ".join)  # (Markdown reads "&amp;")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(marked_line, min_size=1, max_size=20), st.sampled_from(["s.md", "s.txt"]))
@example(["[^1]", "TL Note: tl [^1]: words one", "[^1]: words one"], "s.md")  # a note after the last block was dropped
def test_notes_and_lists_in_any_mix_give_a_sound_book_with_every_word(lines, name):
    text = "\n".join(lines) + "\nThe end."
    result = convert(text.encode(), Options(source_name=name, cover=False))
    assert check_structure(result.epub) == ()
    found = words(reading_text(result.epub))
    # The marks' own names and numbers, a list's numbers, a note's label and a lone "x" (a scene
    # break) are markup, not words.
    expected = [w for line in text.split("\n") if not is_scene_break(line) for w in words(line)
                if w not in MARKUP_WORDS and not w.isdigit()]
    assert all(found.count(w) >= expected.count(w) for w in set(expected)), text


MARKUP_WORDS = {"a", "footnote", "tl", "note"}


# A story's header in any order and spacing, with little or no story under it (a download cut short,
# a page of facts alone): a sound book, every word of its paragraphs in it.
HEADER_LINES = st.sampled_from([
    "# The Lantern Keeper", "The Lantern Keeper", "by quillmoth", "Author: quillmoth", "Preface",
    "http://archiveofourown.org/works/1234567", "Posted originally on the Archive of Our Own at "
    "http://archiveofourown.org/works/1234567.", "## Summary", "Summary:", "Synopsis:", "Notes:", "Author's Note:",
    "Rating: Teen And Up", "Chapters: 2/2", "Chapter 1", "Chapter Notes", "See the end of the chapter for more notes",
    "Work Text:", "Chapter End Notes", "Afterword", "---", "***", "A/N: thanks", "(A/N: see you soon)"])
PROSE_WORDS = ["harbour", "moth", "lantern", "winter", "keeper", "light", "opinions"]
PROSE = st.lists(st.sampled_from(PROSE_WORDS),
                 min_size=3, max_size=12).map(lambda w: " ".join(w).capitalize() + ".")
GAP = st.sampled_from(["\n", "\n\n", "\n\n\n", "\n\n\n\n\n"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.one_of(HEADER_LINES, PROSE), GAP), min_size=1, max_size=16))
def test_a_header_with_little_or_no_story_gives_a_sound_book(pieces):
    text = "".join(line + gap for line, gap in pieces)
    result = convert(text.encode(), Options(source_name="s.txt", cover=False))
    assert check_structure(result.epub) == ()
    found = set(words(reading_text(result.epub)))
    prose = {w for line, _ in pieces if all(w in PROSE_WORDS for w in words(line)) for w in words(line)}
    assert prose <= found


# Code fences, closed or stray, among paragraphs spaced one blank line apart and gaps wide enough to
# be scene breaks: a sound book (the breaks' own marks never leak into a fence), every word in it.
FENCED = st.one_of(PROSE, st.sampled_from(["```", "~~~", "> a quote", "    indented code"]))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(FENCED, GAP), min_size=1, max_size=20))
@example([("Moth light.", "\n\n")] * 6 + [("```", "\n\n\n\n\n"), ("Harbour light.", "\n\n")] + [("Moth winter.", "\n\n")] * 6)
def test_fences_among_wide_gaps_give_a_sound_book_with_every_word(pieces):
    text = "".join(line + gap for line, gap in pieces)
    result = convert(text.encode(), Options(source_name="s.md", cover=False))
    assert check_structure(result.epub) == ()
    prose = [w for line, _ in pieces if all(w in PROSE_WORDS for w in words(line)) for w in words(line)]
    assert missing_in_order(prose, words(reading_text(result.epub))) is None, text


# A printed contents list, as editions set it: entries of a keyword label and a title that may wrap
# onto a second line, books that number their chapters afresh, an entry's title on a paragraph of
# its own; then the hard-wrapped text it names. The list stays in the book as front matter, every
# word of it in order (the second line of a wrapped entry was lost), and the text's words follow.
TITLE = st.lists(st.sampled_from(["harbour", "light", "moth", "winter", "ferry", "mill", "in", "which", "the"]),
                 min_size=2, max_size=14).map(" ".join)
WRAPPED_PROSE = textwrap.wrap("Moth light on the harbour wall, and the ferry waited in the winter dark while the mill "
                              "turned slowly, and the keeper of the lantern counted the boats that came in one by one.", 68)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.tuples(TITLE, st.integers(30, 72), st.booleans()), min_size=1, max_size=4), min_size=1, max_size=3),
       st.sampled_from([" -- ", ". ", ": "]))
def test_a_contents_list_of_wrapped_entries_keeps_every_word_in_order(books, mark):
    roman = ["i", "ii", "iii", "iv"]
    listing, body = ["CONTENTS", ""], []
    for b, chapters in enumerate(books, 1):
        listing += [f"BOOK {roman[b - 1].upper()}", ""]
        body += [f"BOOK {roman[b - 1].upper()}", "", ""]
        for n, (words_, width, apart) in zip(roman, chapters):
            title = f"{('north', 'south', 'east', 'west')[roman.index(n)]} {('gate', 'road', 'shore')[b - 1]} {words_}"
            entry = f"Chapter {n}{mark}{title.capitalize()}."
            cut = entry.rfind(" ", 0, width) if len(entry) > width else -1
            if apart:  # the label alone, its title a paragraph of its own
                listing += [f"Chapter {n}.", "", f"{title.capitalize()}.", ""]
            elif cut > 0:
                listing += [entry[:cut], entry[cut + 1:], ""]
            else:
                listing += [entry, ""]
            body += [f"Chapter {n}.", "", f"{title.capitalize()}.", "", "", *WRAPPED_PROSE, "", *WRAPPED_PROSE, "", ""]
    text = "THE FERRY\n\nBY IDA MARSH\n\n\n\n" + "\n".join(listing) + "\n\n\n\n\n" + "\n".join(body)
    parsed = parse(text)
    front = words(" ".join(block_texts(tuple(b for section in parsed.front_matter for b in section.blocks))))
    assert missing_in_order(words("\n".join(listing)), front) is None, text
    result = convert(text.encode(), Options(source_name="s.txt", cover=False))
    assert missing_in_order(words(text[text.index("CONTENTS"):]), words(reading_text(result.epub))) is None, text
