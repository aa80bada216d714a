import io
import unicodedata
from functools import cache

import pytest
from fontTools.ttLib import TTFont
from PIL import Image, features

from ebookify.cover import fonts as cover_fonts
from ebookify.cover.draw import HEIGHT, MARGIN, PALETTE_NAMES, STYLES, WIDTH, _break, _tokens, draw_cover, layout
from ebookify.errors import CoverError
from ebookify.model import Metadata
from ebookify.resources import read_asset

WORDS = "The Long Winter of an Unremarkable Lighthouse Keeper Who Counted Every Gull Twice Before Dawn".split()
SIXTY = ["The Lamplighter's Apprentice and the Sea", "Adventures of Huckleberry Finn", "Les Misérables",
         "The Curious Incident of the Dog in the Night-Time and After", "Dune", "Мастер и Маргарита"]


def title_of_length(n: int) -> str:
    text = " ".join(WORDS * 5)
    return text[:n].strip() or "A"


@pytest.fixture(autouse=True)
def no_installed_fonts(monkeypatch):
    """Only the bundled fonts, so no test depends on what this machine has installed."""
    monkeypatch.setattr(cover_fonts, "SYSTEM_FONT_DIRS", ())


def decoded(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


@pytest.mark.parametrize("style", STYLES)
def test_every_style_gives_a_1600_by_2560_rgb_jpeg_under_a_megabyte(style):
    data, findings = draw_cover(Metadata(title=title_of_length(120), authors=("Unknown",)), style=style)
    image = decoded(data)
    assert (image.format, image.mode, image.size, findings) == ("JPEG", "RGB", (WIDTH, HEIGHT), ())
    assert len(data) < 1_000_000


def test_same_metadata_gives_the_same_bytes():
    meta = Metadata(title="Night Train", authors=("A. Writer",))
    assert draw_cover(meta) == draw_cover(meta)


def test_different_books_look_different():
    titles = ["Night Train", "Dune", "Emma", "The Hobbit", "Beloved", "Ulysses", "Middlemarch", "Persuasion"]
    looks = {(plan.design.name, plan.palette.name) for plan in (layout(Metadata(title=t)) for t in titles)}
    assert len(looks) >= 5
    assert len({draw_cover(Metadata(title=t))[0] for t in titles[:3]}) == 3


def test_books_of_a_series_share_a_look():
    first, second = (layout(Metadata(title=t, series="The Expanse", series_index=n)) for t, n in
                     [("Leviathan Wakes", "1"), ("Caliban's War", "2")])
    assert (first.design, first.palette) == (second.design, second.palette)


@pytest.mark.parametrize("style, palette", [
    pytest.param("frame", "charcoal", id="both named"),
    pytest.param(" Band ", None, id="style named loosely"),
])
def test_a_named_style_and_palette_are_used(style, palette):
    plan = layout(Metadata(title="Emma"), style, palette)
    assert plan.design.name == style.strip().lower()
    assert palette is None or plan.palette.name == palette


@pytest.mark.parametrize("style, palette", [pytest.param("gothic", None, id="style"),
                                            pytest.param(None, "neon", id="palette")])
def test_an_unknown_style_or_palette_is_refused_with_the_choices(style, palette):
    with pytest.raises(CoverError, match="choose one of"):
        draw_cover(Metadata(title="Emma"), style, palette)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("length", [1, 15, 60, 120, 200])
def test_every_line_stays_inside_the_margins(style, length):
    meta = Metadata(title=title_of_length(length), subtitle="A Novel of the Northern Coast", series="The Keepers",
                    series_index="3", authors=("Bartholomew Featherstonehaugh-Smythe", "Ann Other"))
    lines = layout(meta, style).lines
    assert {line.role for line in lines} == {"series", "title", "subtitle", "author"}
    for line in lines:
        left, top, right, bottom = line.box
        assert MARGIN <= left and right <= WIDTH - MARGIN, line
        assert MARGIN <= top and bottom <= HEIGHT - MARGIN, line


def title_lines(meta: Metadata, style=None) -> list[str]:
    return [line.text for line in layout(meta, style).lines if line.role == "title"]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("title", ["The Lamplighter's Apprentice", "Incomprehensibilities", "Supercalifragilistic Days"])
def test_words_are_never_cut_when_a_smaller_size_fits_them(title, style):
    drawn = title_lines(Metadata(title=title), style)
    assert " ".join(drawn).casefold() == title.casefold()


def test_an_unbreakable_title_is_cut_to_fit_with_an_ellipsis():
    lines = title_lines(Metadata(title="x" * 3000), "frame")
    assert lines[-1].endswith("…") and len("".join(lines)) < 3000


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("title", ["The Lamplighter's Apprentice and the Sea", "Adventures of Huckleberry Finn",
                                   "A Tale of Two Cities", "The Garden Party and Other Stories"])
def test_no_short_word_is_left_alone_on_a_line(title, style):
    lines = title_lines(Metadata(title=title), style)
    assert len(lines) == 1 or all(" " in ln or len(ln) > 3 for ln in lines), lines


@pytest.mark.parametrize("title, expected", [
    pytest.param("Les Misérables", ["Les", "Misérables"], id="two words may stack"),
    pytest.param("吾輩は猫である", ["吾輩は猫", "である"], id="a short CJK line is not a lone word"),
])
def test_short_titles_stack_in_two_large_lines(title, expected, tmp_path, monkeypatch):
    make_font(tmp_path / "bars.ttf", dict.fromkeys(title.replace(" ", ""), 1000))  # for the CJK letters
    monkeypatch.setattr(cover_fonts, "SYSTEM_FONT_DIRS", (str(tmp_path),))
    assert title_lines(Metadata(title=title), "frame") == expected


@pytest.mark.parametrize("widest, expected", [
    pytest.param("top", ["aaaa bbbb", "cccc"], id="top: widest first"),
    pytest.param("bottom", ["aaaa", "bbbb cccc"], id="bottom: widest last"),
])
def test_the_widest_line_stands_where_the_design_wants_it(widest, expected):
    assert _break(["aaaa", " bbbb", " cccc"], len, 10, widest, most=2) == expected


@pytest.mark.parametrize("title", [
    pytest.param("吾輩は猫である。そして犬でもある", id="CJK breaks between characters"),
    pytest.param("吾輩は、猫である", id="a comma never starts a line"),
])
def test_text_without_spaces_breaks_between_characters(title):
    lines = _break(_tokens(title), len, 5, "", most=4)
    assert "".join(lines) == title and all(len(line) <= 5 for line in lines)
    assert not any(line.startswith(("、", "。")) for line in lines)


@cache
def cap_height(font: str, size: int) -> int:
    return -cover_fonts.font(font, 0, size).getbbox("H", anchor="ls")[1]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("title", SIXTY + [title_of_length(60)])
def test_titles_up_to_60_characters_stay_legible_as_a_thumbnail(title, style):
    """Cap height ≥ 4 % of the cover: 8 px when the cover is shown 200 px tall."""
    lines = [line for line in layout(Metadata(title=title, authors=("A. Writer",)), style).lines if line.role == "title"]
    assert len(title) <= 60 and lines
    assert all(cap_height(line.font, line.size) >= 0.04 * HEIGHT for line in lines), [ln.size for ln in lines]


def luminance(rgb) -> float:
    """WCAG 2 relative luminance."""
    def linear(channel):
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: float, b: float) -> float:
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def measured_contrast(image: Image.Image, box) -> float:
    """Ink against what is behind it, from the pixels: the ring just outside the ink box is the
    background; the glyphs' cores are the pixels at least half as far from it as the farthest."""
    left, top, right, bottom = box
    crop = image.crop((left - 6, top - 6, right + 6, bottom + 6))
    w, h = crop.size
    ring = [crop.getpixel((x, y)) for x in range(w) for y in (0, h - 1)]
    ring += [crop.getpixel((x, y)) for y in range(h) for x in (0, w - 1)]
    background = sorted(map(luminance, ring))[len(ring) // 2]
    colours = [(luminance(colour), count) for count, colour in crop.getcolors(w * h)]
    farthest = max(ratio(lum, background) for lum, _ in colours)
    core = sorted((lum, n) for lum, n in colours if ratio(lum, background) >= (1 + farthest) / 2)
    total, seen = sum(n for _, n in core), 0
    for lum, n in core:  # the median of the core pixels
        seen += n
        if seen * 2 >= total:
            return ratio(lum, background)
    raise AssertionError("no ink found")


@pytest.mark.parametrize("palette", PALETTE_NAMES)
@pytest.mark.parametrize("style", STYLES)
def test_title_ink_contrasts_at_least_4_5_to_1_with_the_pixels_behind_it(style, palette):
    meta = Metadata(title="The Lamplighter's Apprentice", authors=("A. Writer",))
    image = decoded(draw_cover(meta, style, palette)[0]).convert("RGB")
    for line in layout(meta, style, palette).lines:
        if line.role == "title":
            assert measured_contrast(image, line.box) >= 4.5, line


@cache
def cmap(font: str, face: int) -> frozenset[int]:
    source = io.BytesIO(read_asset(font)) if font.startswith("fonts/") else font
    return frozenset(TTFont(source, fontNumber=face if font.endswith(".ttc") else -1).getBestCmap())


def undrawn(lines) -> list[str]:
    return [c for line in lines for c in line.text
            if not c.isspace() and unicodedata.category(c) != "Cf" and ord(c) not in cmap(line.font, line.face)]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("title, author", [
    pytest.param("Żółć and the Ærøskøbing Fjord", "Ångström Øster & Zoë Brontë", id="latin with accents"),
    pytest.param("Οδύσσεια", "Όμηρος", id="greek"),
    pytest.param("Мастер и Маргарита", "Михаил Булгаков", id="cyrillic"),
    pytest.param("Nguyễn Du: Truyện Kiều", "Đoàn Thị Điểm", id="vietnamese"),
])
def test_latin_greek_and_cyrillic_are_set_in_the_bundled_fonts(title, author, style):
    plan = layout(Metadata(title=title, authors=(author,)), style)
    assert plan.findings == () and {line.role for line in plan.lines} == {"title", "author"}
    assert all(line.font.startswith("fonts/") for line in plan.lines)
    assert undrawn(plan.lines) == []


def test_greek_capitals_drop_their_accents():
    assert [ln.text for ln in layout(Metadata(title="T", authors=("Όμηρος",)), "deco").lines][-1] == "ΟΜΗΡΟΣ"


@pytest.mark.parametrize("title", [
    pytest.param("吾輩は猫である", id="japanese"), pytest.param("ألف ليلة وليلة", id="arabic"),
    pytest.param("नमस्ते दुनिया", id="devanagari"),
])
def test_a_script_no_font_has_is_left_off_with_a_finding_that_names_the_extra(title, monkeypatch):
    monkeypatch.setattr(cover_fonts, "_extra_fonts", lambda: ())
    monkeypatch.setattr(cover_fonts, "SYSTEM_FONT_DIRS", ())
    data, findings = draw_cover(Metadata(title=title, authors=("A. Writer",)), style="frame")
    assert [f.stage for f in findings] == ["cover"] and "title" in findings[0].message
    assert "pip install 'ebookify[fonts]'" in findings[0].message
    assert [line.role for line in layout(Metadata(title=title, authors=("A. Writer",))).lines] == ["author"]
    assert decoded(data).size == (WIDTH, HEIGHT)


SCRIPTS = [
    pytest.param("夜明けの灯台守", "村上 春子", id="japanese"), pytest.param("灯塔看守人的黎明", "李明", id="chinese"),
    pytest.param("등대지기의 새벽", "김하나", id="korean"), pytest.param("حارس المنارة", "ليلى أحمد", id="arabic"),
    pytest.param("שומר המגדלור", "נועה לוי", id="hebrew"), pytest.param("प्रकाशस्तंभ का रक्षक", "अनन्या शर्मा", id="devanagari"),
    pytest.param("ผู้เฝ้าประภาคาร", "สมศรี ใจดี", id="thai"),
]
EXTRA_MISSING = not all(__import__("importlib.util").util.find_spec(name) for name in cover_fonts.FONT_PACKAGES)


@pytest.mark.skipif(EXTRA_MISSING, reason="needs the fonts extra: pip install -e '.[fonts]'")
@pytest.mark.skipif(not features.check("raqm"), reason="needs Pillow with libraqm to shape these scripts")
@pytest.mark.parametrize("title, author", SCRIPTS)
def test_the_fonts_extra_sets_every_script_on_the_cover(title, author, monkeypatch):
    monkeypatch.setattr(cover_fonts, "SYSTEM_FONT_DIRS", ())  # only what the extra brings
    plan = layout(Metadata(title=title, authors=(author,)), "frame")
    assert plan.findings == ()
    assert {line.role for line in plan.lines} == {"title", "author"}
    assert all("site-packages" in line.font or line.font.startswith("fonts/") for line in plan.lines)
    assert undrawn(plan.lines) == []


def test_symbols_no_font_has_are_dropped_and_the_rest_is_drawn():
    plan = layout(Metadata(title="Love 💕 Story", authors=("A",)), "frame")
    assert title_lines(Metadata(title="Love 💕 Story"), "frame") == ["Love Story"]
    assert "symbols" in plan.findings[0].message and undrawn(plan.lines) == []


def make_font(path, widths: dict[str, int]) -> None:
    """A real TrueType font whose glyphs are plain bars of distinct widths."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    names = {ord(c): f"uni{ord(c):04X}" for c in widths}
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "space", *names.values()])
    builder.setupCharacterMap({32: "space", **names})
    glyphs, metrics = {}, {}
    for name, width in [(".notdef", 500), ("space", 300), *((names[ord(c)], w) for c, w in widths.items())]:
        pen = TTGlyphPen(None)
        if name != "space":
            pen.moveTo((40, 0)), pen.lineTo((40, 700)), pen.lineTo((width - 40, 700)), pen.lineTo((width - 40, 0))
            pen.closePath()
        glyphs[name], metrics[name] = pen.glyph(), (width, 40)
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics(metrics)
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Bars", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200, sCapHeight=700)
    builder.setupPost()
    builder.save(str(path))


@pytest.mark.skipif(not features.check("raqm"), reason="needs Pillow with libraqm")
def test_an_installed_font_sets_a_script_the_bundled_fonts_lack_right_to_left(tmp_path, monkeypatch):
    make_font(tmp_path / "bars.ttf", {"ש": 200, "ל": 400, "ו": 600, "ם": 800})
    monkeypatch.setattr(cover_fonts, "SYSTEM_FONT_DIRS", (str(tmp_path),))
    monkeypatch.setattr(cover_fonts, "_extra_fonts", lambda: ())
    meta = Metadata(title="שלום", authors=("A",))
    (line,) = [ln for ln in layout(meta, "frame").lines if ln.role == "title"]
    assert line.font == str(tmp_path / "bars.ttf") and undrawn([line]) == []
    image = decoded(draw_cover(meta, "frame")[0]).convert("L")
    y = (line.box[1] + line.box[3]) // 2
    row = [image.getpixel((x, y)) > 128 for x in range(line.box[0] - 4, line.box[2] + 4)]
    runs = [len(run) for run in "".join("#" if ink else " " for ink in row).split()]
    assert len(runs) == 4 and runs == sorted(runs, reverse=True), runs  # שלום: the first letter is rightmost


@pytest.mark.parametrize("text, expected", [
    pytest.param("Hello", "Hello", id="left-to-right needs nothing"),
    pytest.param("नमस्ते", None, id="indic cannot be shaped"),
])
def test_without_libraqm_only_text_pillow_can_lay_out_is_drawn(monkeypatch, text, expected):
    monkeypatch.setattr(cover_fonts, "_has_raqm", lambda: False)
    assert cover_fonts.visual(text) == expected


@pytest.mark.parametrize("meta, expected", [
    pytest.param(Metadata(title="T", series="The Expanse", series_index="2", language="en"), "The Expanse · Book 2",
                 id="english"),
    pytest.param(Metadata(title="T", series="Les Rougon", series_index="3", language="fr"), "Les Rougon · Tome 3",
                 id="french"),
    pytest.param(Metadata(title="T", series="Saga", series_index="4", language="fi"), "Saga · Osa 4", id="finnish"),
    pytest.param(Metadata(title="T", series="Saga", series_index="4", language="eo"), "Saga · 4",
                 id="a language without a catalogue"),
    pytest.param(Metadata(title="T", series="物語", series_index="4", language="ja"), "物語 · 第4巻",
                 id="japanese, from the catalogue",
                 marks=pytest.mark.skipif(EXTRA_MISSING, reason="needs a CJK font: pip install -e '.[fonts]'")),
    pytest.param(Metadata(title="T", series="Saga"), "Saga", id="no number"),
])
def test_the_series_line_names_the_series_and_the_number(meta, expected):
    assert [ln.text for ln in layout(meta, "frame").lines if ln.role == "series"] == [expected]


def test_the_stored_coverage_of_the_bundled_fonts_matches_the_fonts():
    """fonts/coverage.json saves reading cmaps at run time; it must say what the fonts hold."""
    import json

    from ebookify.cover.fonts import BUNDLED, coverage_ranges, read_charset
    from ebookify.resources import read_asset

    stored = json.loads(read_asset("fonts/coverage.json"))
    assert stored == {font: coverage_ranges(read_charset(font)) for font in BUNDLED}


def test_every_bundled_font_draws_the_letters_a_title_is_set_in_without_reading_the_coverage():
    """``fonts`` takes the first bundled font, unread, for a text of these characters."""
    from ebookify.cover.fonts import BUNDLED, IN_EVERY_BUNDLED_FONT, read_charset

    for font in BUNDLED:
        assert IN_EVERY_BUNDLED_FONT <= read_charset(font), font
