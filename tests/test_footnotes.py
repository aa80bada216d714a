"""Footnotes as people write them, Markdown's "[^1]" and an edition's "[Footnote 1: …]": the marks
become links to a numbered notes page, each note linking back, and nothing else moves."""

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, build, unzip
from ebookify.model import NoteRef, SceneBreak, inline_text
from ebookify.options import Settings
from ebookify.reading.parse import parse
from ebookify.typography import typeset

PROSE = "The tide came in over the flats, and the boats lay tilted in the mud until evening."


def marks(blocks):
    return [(i.key, i.mark, i.ref) for b in blocks for i in getattr(b, "inlines", ()) if isinstance(i, NoteRef)]


def texts(blocks):
    return [inline_text(b.inlines) for b in blocks]


def test_markdown_marks_call_their_notes_numbered_as_the_book_first_calls_them():
    text = (f"# Chapter 1\n\n{PROSE}[^tide] and the mud[^1].\n\n# Chapter 2\n\nThe mud again[^1].\n\n"
            "[^1]: Grey mud, knee deep.\n[^tide]: Spring tide.\n")
    parsed = parse(text, Settings(markdown=True))
    assert marks(parsed.chapters[0].blocks) == [("1", "1", "1"), ("2", "2", "2")]
    assert marks(parsed.chapters[1].blocks) == [("2", "2", "2-2")]  # one note, called twice
    assert [(f.key, texts(f.blocks)) for f in parsed.footnotes] == [("1", ["Spring tide."]), ("2", ["Grey mud, knee deep."])]
    assert all("[^" not in t for c in parsed.chapters for t in texts(c.blocks))


def test_marks_in_quotes_and_lists_call_their_notes_too():
    text = f"{PROSE}\n\n> A letter[^a].\n\n- an item[^b]\n- another\n\n[^a]: From Nell.\n\n[^b]: Bought in May.\n"
    parsed = parse(text, Settings(markdown=True))
    assert [texts(f.blocks) for f in parsed.footnotes] == [["From Nell."], ["Bought in May."]]


def test_a_mark_without_a_note_and_a_note_without_a_mark_stay_as_typed():
    text = f"{PROSE} See [3] and [^x].\n\n[^y]: A note nothing calls.\n"
    parsed = parse(text, Settings(markdown=True))
    assert parsed.footnotes == ()
    assert texts(parsed.chapters[0].blocks) == [f"{PROSE} See [3] and [^x].", "[^y]: A note nothing calls."]


def test_an_editions_notes_begin_again_in_each_chapter_and_each_mark_calls_its_own():
    parsed = parse((FIXTURES / "footnoted-edition.txt").read_text())
    first, second = parsed.chapters
    assert [m[0] for m in marks(first.blocks)] == ["1", "2"] and [m[0] for m in marks(second.blocks)] == ["3"]
    notes = {f.key: texts(f.blocks) for f in parsed.footnotes}
    assert notes["1"] == ["There are ninety-one in the old tower; the new one, built after the storm, has a lift."]
    assert notes["2"] == ["A barometer hung by the door. Keepers called it the glass.",
                          "Some of them trusted it more than the almanac."]  # two paragraphs, to the closing "]"
    assert notes["3"] == ["A north-easterly, which in that bay brings the worst seas."]
    assert "[7]" in " ".join(texts(second.blocks)) and not any("Footnote" in t for t in texts(first.blocks + second.blocks))


def test_an_older_editions_note_is_a_paragraph_opening_with_its_mark():
    text = f"Chapter 1\n\nThe heroes came home.[1] {PROSE}\n\n[1] The greatest of them was Matti.\n\n{PROSE}"
    parsed = parse(text)
    assert marks(parsed.chapters[0].blocks) == [("1", "1", "1")]
    assert [texts(f.blocks) for f in parsed.footnotes] == [["The greatest of them was Matti."]]


def _exported(numbers, gap="\n\n\n\n\n"):
    """An e-book export's end notes: each a number alone, a wide gap, its note, a wide gap."""
    return gap.join(f"{n}{gap}Said of a word the reader may not know ({n})." for n in numbers)


def test_an_exports_notes_under_their_numbers_alone_are_called_and_leave_with_their_gaps():
    story = "\n".join(f"{PROSE} Mark {n}.[{n}]" for n in (1, 2, 3))
    parsed = parse(f"Chapter 1\n\n{story}\n\nChapter 2\n\n{PROSE}\n\n\n\n\nNotes\n\n\n\n\n{_exported((1, 2, 3))}\n")
    assert [m[0] for m in marks(parsed.chapters[0].blocks)] == ["1", "2", "3"]
    assert [texts(f.blocks) for f in parsed.footnotes] == [[f"Said of a word the reader may not know ({n})."] for n in (1, 2, 3)]
    last = parsed.chapters[-1].blocks
    assert not any(t.startswith("Said of") or t.strip() in ("1", "2", "3") for t in texts(b for b in last if hasattr(b, "inlines")))
    assert not isinstance(last[-1], SceneBreak)  # the gaps between the notes went with them


@pytest.mark.parametrize("numbers, calls", [((1, 2), (1, 2)), ((1, 2, 3), ()), ((1, 3, 4), (1, 3, 4))])
def test_numbers_alone_are_notes_only_counted_from_one_three_at_least_and_called(numbers, calls):
    story = "\n".join(f"{PROSE} Mark {n}.[{n}]" for n in calls) or PROSE
    parsed = parse(f"Chapter 1\n\n{story}\n\nChapter 2\n\n{PROSE}\n\n{_exported(numbers, gap=chr(10) * 2)}\n")
    assert parsed.footnotes == ()
    assert all(f"Said of a word the reader may not know ({n})." in texts(parsed.chapters[-1].blocks) for n in numbers)


def test_a_mark_glued_to_italics_calls_its_note_and_a_note_may_open_in_italics():
    text = (f"Chapter 1\n\nUnder it was written _Lux in tenebris_[1] and, below, _Verbum caro_.[2] {PROSE}\n\n"
            f"[1] Light in the darkness.\n\n[2] _i.e._, The word made flesh.\n\n{PROSE}")
    parsed = parse(text)
    assert [m[0] for m in marks(parsed.chapters[0].blocks)] == ["1", "2"]
    assert [texts(f.blocks) for f in parsed.footnotes] == [["Light in the darkness."], ["i.e., The word made flesh."]]
    assert "[" not in " ".join(texts(parsed.chapters[0].blocks))


def test_numbered_clauses_are_no_notes():
    clauses = ("[1] the Project may be liable to you for damages, costs and\n"
               "expenses, including legal fees, and [2] YOU HAVE NO REMEDIES\n\n[2] Honor the refund provisions.")
    parsed = parse(f"Chapter 1\n\n{PROSE}\n\n{clauses}\n\n{PROSE}")
    assert parsed.footnotes == () and "and [2] YOU HAVE" in " ".join(texts(parsed.chapters[0].blocks))


def test_a_heading_gives_up_its_mark_and_its_note_is_kept():
    parsed = parse(f"# Chapter 1: The Flats[^1]\n\n{PROSE}\n\n# Chapter 2: The Mud\n\n{PROSE}\n\n[^1]: Named for the tide.\n",
                   Settings(markdown=True))
    assert [(c.label, c.title) for c in parsed.chapters] == [("Chapter 1", "The Flats"), ("Chapter 2", "The Mud")]
    assert [texts(f.blocks) for f in parsed.footnotes] == [["Named for the tide."]]


def test_a_text_that_is_all_notes_stays_as_typed():
    parsed = parse("# Chapter 1: The Ford[^1]\n\n[^1]: A title note.\n", Settings(markdown=True))
    assert parsed.footnotes == () and texts(parsed.chapters[0].blocks) == ["[^1]: A title note."]


def test_a_quote_closes_after_a_mark():
    book = typeset(build_book('"The tide[^1]," she said.\n\n[^1]: Spring tide.\n'))
    assert inline_text(book.chapters[0].blocks[0].inlines) == "“The tide,” she said."


def build_book(text):
    from ebookify.options import Options
    from ebookify.pipeline import read

    return read(text.encode(), Options(source_name="story.md")).book


@pytest.fixture(scope="module")
def pages():
    return unzip(build((FIXTURES / "footnoted-edition.txt").read_bytes(), source_name="footnoted-edition.txt"))


def test_each_mark_links_to_its_note_and_each_note_back_to_its_first_mark(pages):
    notes = BeautifulSoup(pages["EPUB/endnotes.xhtml"], "xml")
    assert notes.find("section")["epub:type"] == "endnotes" and notes.find("section")["role"] == "doc-endnotes"
    items = notes.find_all("li")
    assert [li["id"] for li in items] == ["note-1", "note-2", "note-3"]
    for li in items:
        back = li.find("a", attrs={"role": "doc-backlink"})
        page, fragment = back["href"].split("#")
        mark = BeautifulSoup(pages[f"EPUB/{page}"], "xml").find(id=fragment)
        assert mark["href"] == f"endnotes.xhtml#{li['id']}" and mark["epub:type"] == "noteref"
        assert mark.get_text() == li["id"].removeprefix("note-")


def test_the_notes_page_is_in_the_reading_order_after_the_story(pages):
    opf = BeautifulSoup(pages["EPUB/content.opf"], "xml")
    manifest = {item["id"]: item["href"] for item in opf.find_all("item")}
    spine = [manifest[ref["idref"]] for ref in opf.find_all("itemref")]
    assert spine.index("endnotes.xhtml") > max(spine.index(h) for h in spine if h.startswith("chapter-"))


def test_a_translators_numbered_notes_with_a_full_stop_are_footnotes():
    text = ("Chapter 1\n\nThe sect had stood for nine generations[1] and the elders[2] ruled it.\n\n"
            "[1]. A generation here is thirty years.\n\n[2]. The five masters of the peaks.\n")
    parsed = parse(text)
    assert [f.mark for f in parsed.footnotes] == ["1", "2"]


def test_notes_named_alike_in_one_chapter_are_called_by_the_marks_above_each():
    """Pages joined into one chapter, each with its own "[^1]": a mark calls the first after it."""
    text = (f"{PROSE}[^1]\n\n[^1]: The first page's note.\n\n<!-- the next page -->\n\n"
            f"{PROSE} Again[^1].\n\n[^1]: The second page's note.\n")
    parsed = parse(text, Settings(markdown=True))
    assert [texts(f.blocks) for f in parsed.footnotes] == [["The first page's note."], ["The second page's note."]]
    assert not any("[^" in t for t in texts(parsed.chapters[0].blocks))
