import io

import pytest
from PIL import Image

from ebookify.cover import HEIGHT, MARGIN, WIDTH, draw_cover, layout
from ebookify.model import Metadata

WORDS = "The Long Winter of an Unremarkable Lighthouse Keeper Who Counted Every Gull Twice Before Dawn".split()


def title_of_length(n: int) -> str:
    text = " ".join(WORDS * 5)
    return text[:n].strip() or "A"


def test_cover_is_a_1600_by_2560_rgb_jpeg_under_a_megabyte():
    data = draw_cover(Metadata(title="Cherished Words", authors=("Unknown",)))
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (1600, 2560))
    assert len(data) < 1_000_000


def test_same_metadata_gives_the_same_bytes():
    meta = Metadata(title="Night Train", authors=("A. Writer",))
    assert draw_cover(meta) == draw_cover(meta)


@pytest.mark.parametrize("length", [1, 2, 15, 40, 60, 90, 120, 160, 200])
def test_every_line_stays_inside_the_margins(length):
    meta = Metadata(title=title_of_length(length), authors=("Bartholomew Featherstonehaugh-Smythe",))
    lines = layout(meta)
    assert lines
    for line in lines:
        left, top, right, bottom = line.box
        assert MARGIN <= left and right <= WIDTH - MARGIN, line
        assert MARGIN <= top and bottom <= HEIGHT - MARGIN, line


@pytest.mark.parametrize("title", ["The Lamplighter's Apprentice", "Incomprehensibilities", "Supercalifragilistic Days"])
def test_words_are_never_cut_when_a_smaller_size_fits_them(title):
    drawn = [ln.text for ln in layout(Metadata(title=title, authors=("A",)))][:-1]
    assert " ".join(drawn) == title


def test_an_unbreakable_title_is_cut_to_fit():
    lines = layout(Metadata(title="x" * 200, authors=("A",)))
    assert all(MARGIN <= line.box[0] and line.box[2] <= WIDTH - MARGIN for line in lines)


def test_short_titles_are_set_large():
    (line, *_), author = layout(Metadata(title="Cherished Words", authors=("A",)))[:-1], None
    assert line.size >= 200


@pytest.mark.parametrize("title", ["The Lamplighter's Apprentice and the Sea", "Adventures of Huckleberry Finn",
                                   "A Tale of Two Cities", "The Garden Party and Other Stories"])
def test_no_short_word_is_left_alone_on_a_line(title):
    lines = [ln.text for ln in layout(Metadata(title=title, authors=("A",)))][:-1]
    assert len(lines) == 1 or all(" " in ln or len(ln) > 3 for ln in lines), lines


def test_pixels_outside_the_margins_hold_no_title_ink():
    meta = Metadata(title=title_of_length(200), authors=("A. Writer",))
    image = Image.open(io.BytesIO(draw_cover(meta))).convert("L")
    band = image.crop((0, 0, MARGIN - 40, HEIGHT)).crop((120, 120, MARGIN - 40, HEIGHT - 120))
    assert band.getextrema()[1] < 120  # only the dark background between frame and margin
