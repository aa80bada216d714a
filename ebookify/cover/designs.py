"""The cover designs: palettes, where each text goes, and the shapes drawn behind it.

Data and drawing only; ``cover.py`` sets the text. Every text box lies on a flat area of one
palette colour (never on a ray, ring or band edge), so the ink's contrast is the palette's own:
each palette's ``dark`` and ``light`` differ at least 7:1 (WCAG), which survives JPEG and
anti-aliasing. ``accent`` is for shapes only, never for text. Boxes stay 120 px inside the
edges, out of reach of a reader's crop.
"""

from __future__ import annotations

import math
from typing import Callable

from msgspec import Struct

WIDTH, HEIGHT = 1600, 2560
SERIF, ITALIC, SANS = "fonts/EBGaramond12-Regular.otf", "fonts/EBGaramond12-Italic.otf", "fonts/InterDisplay-Bold.otf"

RGB = tuple[int, int, int]


class Palette(Struct, frozen=True):
    """Three colours that go together: a dark and a light one for ground and ink, and an accent."""

    name: str
    dark: RGB
    light: RGB
    accent: RGB


PALETTES = (
    Palette("slate", (30, 48, 66), (243, 234, 216), (196, 160, 98)),
    Palette("oxblood", (86, 24, 30), (247, 236, 218), (220, 172, 108)),
    Palette("forest", (22, 56, 42), (238, 240, 224), (206, 180, 96)),
    Palette("midnight", (18, 22, 46), (236, 232, 246), (230, 122, 92)),
    Palette("plum", (56, 28, 62), (248, 238, 240), (232, 160, 124)),
    Palette("teal", (12, 60, 68), (240, 244, 236), (238, 180, 72)),
    Palette("charcoal", (34, 34, 36), (245, 241, 232), (214, 70, 56)),
    Palette("walnut", (60, 38, 24), (250, 241, 222), (118, 164, 172)),
)


class Slot(Struct, frozen=True):
    """Where one text goes and how it is set."""

    box: tuple[int, int, int, int]  # left, top, right, bottom
    font: str
    largest: int
    smallest: int
    ink: str = "light"  # a palette colour name
    align: str = "center"  # or "left" (right-to-left lines then start at the right)
    valign: str = "center"  # where the block of lines sits in its box: top, center, bottom
    widest: str = ""  # "top" or "bottom": where the widest of several lines should stand
    spacing: float = 1.12  # baseline to baseline, in sizes
    bold: float = 0.0  # stroke width as a share of the size: thickens hairlines for thumbnails
    upper: bool = False


class Design(Struct, frozen=True):
    """A cover's layout: its ground, the boxes the texts are set in, and the ornament drawn first."""

    name: str
    ground: str  # the palette colour of the background
    slots: dict[str, Slot]
    ornament: Callable


def _mix(a: RGB, b: RGB, share: float) -> RGB:
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b))


def _diamond_rule(draw, y: int, colour: RGB, half: int = 260) -> None:
    middle = WIDTH // 2
    draw.line((middle - half, y, middle - 40, y), fill=colour, width=4)
    draw.line((middle + 40, y, middle + half, y), fill=colour, width=4)
    draw.regular_polygon((middle, y, 18), 4, fill=colour)


def _frame(draw, p: Palette) -> None:
    """A classic double frame with a diamond rule between the title and the author."""
    draw.rectangle((70, 70, WIDTH - 70, HEIGHT - 70), outline=p.accent, width=6)
    draw.rectangle((92, 92, WIDTH - 92, HEIGHT - 92), outline=p.accent, width=2)
    _diamond_rule(draw, 1985, p.accent)


def _band(draw, p: Palette) -> None:
    """A dark block bleeding off the top holds the title; a short accent bar underlines it."""
    draw.rectangle((0, 0, WIDTH, 1700), fill=p.dark)
    draw.rectangle((150, 1590, 520, 1616), fill=p.accent)
    draw.rectangle((0, HEIGHT - 40, WIDTH, HEIGHT), fill=p.accent)


def _orb(draw, p: Palette) -> None:
    """A sun or moon with two rings above the title: a shape that reads even as a thumbnail."""
    x, y = WIDTH // 2, 700
    draw.ellipse((x - 330, y - 330, x + 330, y + 330), fill=p.accent)
    draw.ellipse((x - 400, y - 400, x + 400, y + 400), outline=p.accent, width=5)
    draw.ellipse((x - 462, y - 462, x + 462, y + 462), outline=_mix(p.dark, p.accent, 0.5), width=3)
    draw.line((WIDTH // 2 - 120, 2188, WIDTH // 2 + 120, 2188), fill=p.accent, width=4)


def _deco(draw, p: Palette) -> None:
    """Art deco: a sunburst behind a panel with a double border and stepped corners."""
    (x, y), reach = (WIDTH // 2, 1200), 3000  # the rays end far outside the cover: triangles, not pie slices
    for ray in range(0, 48, 2):  # (a 6000-pixel ellipse per ray cost a third of a short story's time)
        start, end = math.radians(ray * 7.5), math.radians(ray * 7.5 + 7.5)
        draw.polygon([(x, y), (x + reach * math.cos(start), y + reach * math.sin(start)),
                      (x + reach * math.cos(end), y + reach * math.sin(end))], fill=_mix(p.dark, p.accent, 0.22))
    left, top, right, bottom = 140, 420, WIDTH - 140, 2000
    draw.rectangle((left, top, right, bottom), fill=p.dark, outline=p.accent, width=6)
    draw.rectangle((left + 20, top + 20, right - 20, bottom - 20), outline=p.accent, width=2)
    for x, y in ((left, top), (right, top), (left, bottom), (right, bottom)):
        draw.rectangle((x - 26, y - 26, x + 26, y + 26), fill=p.accent)
        draw.rectangle((x - 12, y - 12, x + 12, y + 12), fill=p.dark)
    draw.rectangle((0, 2080, WIDTH, HEIGHT), fill=p.dark)
    draw.rectangle((0, 2080, WIDTH, 2088), fill=p.accent)
    _diamond_rule(draw, 1840, p.accent, half=200)


def _tricolour(draw, p: Palette) -> None:
    """Three horizontal bands, as on the paperbacks of the 1930s: colour, paper, colour."""
    for top, bottom in ((0, 400), (2160, HEIGHT)):
        draw.rectangle((0, top, WIDTH, bottom), fill=p.accent)
    for y in (400, 2160):
        draw.rectangle((0, y - 3, WIDTH, y + 3), fill=p.dark)
    _diamond_rule(draw, 1715, p.accent, half=200)


DESIGNS = (
    Design("frame", "dark", {
        "series": Slot((170, 250, 1430, 370), ITALIC, 64, 36),
        "title": Slot((170, 430, 1430, 1700), SERIF, 300, 48, widest="top", bold=1 / 70),
        "subtitle": Slot((170, 1730, 1430, 1900), ITALIC, 84, 36),
        "author": Slot((170, 2070, 1430, 2330), ITALIC, 100, 36),
    }, _frame),
    Design("band", "light", {
        "series": Slot((150, 170, 1450, 290), SANS, 54, 30, align="left", valign="top"),
        "title": Slot((150, 340, 1450, 1540), SANS, 250, 44, align="left", valign="bottom", spacing=1.06),
        "subtitle": Slot((150, 1770, 1450, 1990), ITALIC, 90, 36, ink="dark", align="left", valign="top"),
        "author": Slot((150, 2120, 1450, 2400), SANS, 90, 32, ink="dark", align="left", valign="bottom"),
    }, _band),
    Design("orb", "dark", {
        "series": Slot((140, 140, 1460, 220), ITALIC, 60, 32),
        "title": Slot((140, 1220, 1460, 2000), SERIF, 260, 44, widest="bottom", bold=1 / 70),
        "subtitle": Slot((140, 2020, 1460, 2150), ITALIC, 80, 32),
        "author": Slot((140, 2230, 1460, 2400), SANS, 70, 30, upper=True),
    }, _orb),
    Design("deco", "dark", {
        "series": Slot((220, 500, 1380, 600), SANS, 50, 28, upper=True),
        "title": Slot((200, 630, 1400, 1640), SANS, 230, 40, spacing=1.06),
        "subtitle": Slot((220, 1660, 1380, 1790), ITALIC, 80, 32),
        "author": Slot((150, 2180, 1450, 2420), SANS, 80, 30, upper=True),
    }, _deco),
    Design("tricolour", "light", {
        "series": Slot((150, 470, 1450, 570), SANS, 54, 28, ink="dark", upper=True),
        "title": Slot((150, 610, 1450, 1660), SERIF, 290, 48, ink="dark", widest="top", bold=1 / 70),
        "subtitle": Slot((150, 1770, 1450, 1880), ITALIC, 80, 32, ink="dark"),
        "author": Slot((150, 1900, 1450, 2100), ITALIC, 96, 36, ink="dark"),
    }, _tricolour),
)
STYLE_NAMES = tuple(design.name for design in DESIGNS)
PALETTE_NAMES = tuple(palette.name for palette in PALETTES)
