"""Metadata to a cover: a 1600 × 2560 JPEG with the title and author, drawn with Pillow.

1600 × 2560 is Kindle's ideal (1.6:1); JPEG because transparency turns black in night mode.
The title is set as large as its box allows, in balanced lines, so it stays legible as a
200-pixel library thumbnail; every line is measured before it is drawn, so no title of any
length can cross the margins. The same metadata always gives the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache

from .errors import CoverError
from .model import Metadata
from .resources import read_asset

WIDTH, HEIGHT = 1600, 2560
MARGIN = 170  # no text crosses this inset; the frame is drawn outside it
_FRAME_INSET = 90
_BACKGROUND = (30, 48, 66)  # deep slate blue
_INK = (243, 234, 216)  # warm paper white: contrast 12:1 on the background
_ACCENT = (196, 160, 98)  # muted gold for rules and ornaments
_TITLE_BOX = (MARGIN, 520, WIDTH - MARGIN, 1760)  # left, top, right, bottom
_AUTHOR_BOX = (MARGIN, 2020, WIDTH - MARGIN, 2300)
_TITLE_FONT = "fonts/EBGaramond12-Regular.otf"
_AUTHOR_FONT = "fonts/EBGaramond12-Italic.otf"


@dataclass(frozen=True)
class TextLine:
    text: str
    font: str
    size: int
    origin: tuple[int, int]  # left end of the baseline
    box: tuple[int, int, int, int]  # the ink's bounding box on the cover: left, top, right, bottom


def draw_cover(meta: Metadata) -> bytes:
    from PIL import Image, ImageDraw  # Pillow loads only when a cover is drawn

    try:
        image = Image.new("RGB", (WIDTH, HEIGHT), _BACKGROUND)
        draw = ImageDraw.Draw(image)
        _draw_frame(draw)
        for line in layout(meta):
            draw.text(line.origin, line.text, font=_font(line.font, line.size), fill=_INK, anchor="ls")
        out = io.BytesIO()
        image.save(out, "JPEG", quality=88)
    except (OSError, ValueError) as exc:
        raise CoverError(f"could not draw the cover: {exc}") from None
    return out.getvalue()


def layout(meta: Metadata) -> list[TextLine]:
    """Where every line of text goes; the tests check these boxes against the margins."""
    title = _set(meta.title.strip() or "Untitled", _TITLE_FONT, _TITLE_BOX, largest=280, smallest=40, spacing=1.18)
    names = " & ".join(meta.authors) or "Unknown"
    return title + _set(names, _AUTHOR_FONT, _AUTHOR_BOX, largest=100, smallest=36, spacing=1.2)


def _set(text: str, font_path: str, box: tuple[int, int, int, int], largest: int, smallest: int,
         spacing: float) -> list[TextLine]:
    """Find the largest size at which the text, wrapped in balanced lines, fits the box."""
    left, top, right, bottom = box
    width, height = right - left, bottom - top
    size = largest
    while True:
        font = _font(font_path, size)
        lines = _balanced(text, font, width, break_words=size <= smallest)
        line_height = round(size * spacing)
        fits = len(lines) * line_height <= height and all(font.getlength(ln) <= width for ln in lines)
        if fits and size > largest // 2 and _has_stranded_word(lines):
            fits = False  # "The" alone on a line reads badly: a smaller size may join it to the next word
        if fits or size <= smallest:
            break
        size = max(smallest, int(size * 0.92))
    if not fits:  # even the smallest size overflows: keep what fits, and say it was cut
        keep = max(1, height // line_height)
        lines = lines[:keep]
        lines[-1] = _clip(lines[-1] + "…", font, width)
    block = len(lines) * line_height
    y = top + (height - block) // 2
    placed = []
    for line in lines:
        x0, y0, x1, y1 = font.getbbox(line, anchor="ls")
        x = left + (width - (x1 - x0)) // 2 - x0
        baseline = y + round(size * 0.9)
        placed.append(TextLine(line, font_path, size, (x, baseline), (x + x0, baseline + y0, x + x1, baseline + y1)))
        y += line_height
    return placed


def _has_stranded_word(lines: list[str]) -> bool:
    return len(lines) > 1 and any(" " not in line and len(line) <= 3 for line in lines)


def _balanced(text: str, font, width: int, break_words: bool) -> list[str]:
    """Greedy wrapping at the narrowest width that needs no more lines: even, no lone last word.

    Words are cut only when ``break_words``: at the smallest size, for a word no size can fit.
    """
    words = text.split()
    if break_words:
        words = [piece for word in words for piece in _split_long(word, font, width)]
    lines = _greedy(words, font, width)
    low, high = width // 3, width
    while low < high:
        middle = (low + high) // 2
        if len(_greedy(words, font, middle)) <= len(lines):
            high = middle
        else:
            low = middle + 1
    return _greedy(words, font, high)


def _greedy(words: list[str], font, width: int) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _split_long(word: str, font, width: int) -> list[str]:
    """A word wider than the box (a URL, a run of CJK characters) is cut where it must be."""
    pieces = [""]
    for char in word:
        if pieces[-1] and font.getlength(pieces[-1] + char) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces


def _clip(line: str, font, width: int) -> str:
    while len(line) > 1 and font.getlength(line) > width:
        line = line[:-2] + "…"
    return line


@cache
def _font(path: str, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(io.BytesIO(read_asset(path)), size)


def _draw_frame(draw) -> None:
    inset = _FRAME_INSET
    draw.rectangle((inset, inset, WIDTH - inset, HEIGHT - inset), outline=_ACCENT, width=6)
    draw.rectangle((inset + 22, inset + 22, WIDTH - inset - 22, HEIGHT - inset - 22), outline=_ACCENT, width=2)
    middle, y = WIDTH // 2, 1890
    draw.line((middle - 260, y, middle - 40, y), fill=_ACCENT, width=4)
    draw.line((middle + 40, y, middle + 260, y), fill=_ACCENT, width=4)
    draw.regular_polygon((middle, y, 18), 4, fill=_ACCENT)
