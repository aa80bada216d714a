"""Metadata to a cover: a 1600 × 2560 JPEG with the title, series or subtitle and author.

1600 × 2560 is Kindle's ideal (1.6:1); JPEG because transparency turns black in night mode.
Five designs (``STYLES``) and eight palettes (``PALETTES``). Unless the caller names them, both
come from a SHA-256 of the series name (so the books of a series look like a set) or else the
title: never Python's salted ``hash()``, so the same metadata gives the same bytes in every run.

A cover must stay legible as a 200-pixel library thumbnail, so the title is set as large as its
box allows, in balanced lines, on a flat area whose colour contrasts with the ink at least 7:1.
Every line is measured before it is drawn, so no text of any length crosses the margins.

Fonts and scripts are ``fonts``' job: a text no font can draw is left off the cover (never
drawn as tofu boxes) with a finding, and a deliberate ornament takes the title's place.
"""

from __future__ import annotations

import hashlib
import io
import math
import unicodedata
from functools import cache
from itertools import combinations

from msgspec import Struct

from . import fonts
from .designs import DESIGNS, HEIGHT, PALETTE_NAMES, PALETTES, STYLE_NAMES, WIDTH, Design, Palette, Slot
from ..errors import CoverError, Finding
from ..model import COVER_IMAGE, Metadata

MARGIN = 120  # no text crosses this inset
STYLES = STYLE_NAMES
_CLOSING = "、。，．」』）〕】！？・ー…"  # never at the start of a line (kinsoku)


class TextLine(Struct, frozen=True):
    """One line of text on the cover, placed and measured before it is drawn."""

    role: str  # "series", "title", "subtitle" or "author"
    text: str
    font: str  # an asset path ("fonts/…") or an installed font's absolute path
    size: int
    origin: tuple[int, int]  # left end of the baseline
    box: tuple[int, int, int, int]  # the ink's bounding box on the cover: left, top, right, bottom
    fill: tuple[int, int, int]
    stroke: int = 0  # pixels of stroke in the ink colour: thin serifs thicken for the thumbnail
    face: int = 0  # which face of a font collection (.ttc)


class Layout(Struct, frozen=True):
    """Everything decided before a pixel is drawn; the tests read it to find each line's pixels."""

    design: Design
    palette: Palette
    lines: tuple[TextLine, ...]
    findings: tuple[Finding, ...]


def draw_cover(meta: Metadata, style: str | None = None, palette: str | None = None) -> tuple[bytes, tuple[Finding, ...]]:
    """The JPEG bytes, and the findings (text left off or repaired) for the caller to report."""
    from PIL import Image, ImageDraw  # Pillow loads only when a cover is drawn

    plan = layout(meta, style, palette)
    try:
        image = Image.new("RGB", (WIDTH, HEIGHT), getattr(plan.palette, plan.design.ground))
        draw = ImageDraw.Draw(image)
        plan.design.ornament(draw, plan.palette)
        if not any(line.role == "title" for line in plan.lines):
            _mark(draw, plan.design.slots["title"].box, plan.palette.accent)
        for line in plan.lines:
            draw.text(line.origin, line.text, font=fonts.font(line.font, line.face, line.size), fill=line.fill,
                      anchor="ls", stroke_width=line.stroke, stroke_fill=line.fill)
        out = io.BytesIO()
        out.name = COVER_IMAGE  # the format from the name: Pillow then loads its JPEG writer alone (5 ms
        image.save(out, quality=88)  # less than the five formats a save of a named format loads)
    except (OSError, ValueError) as exc:
        raise CoverError(f"could not draw the cover: {exc}") from None
    return out.getvalue(), plan.findings


def _mark(draw, box: tuple[int, int, int, int], colour) -> None:
    """Nested diamonds where a title no font could draw would stand: the gap looks meant."""
    x, y = (box[0] + box[2]) // 2, (box[1] + box[3]) // 2
    draw.regular_polygon((x, y, 150), 4, outline=colour, width=6)
    draw.regular_polygon((x, y, 60), 4, fill=colour)
    for side in (-1, 1):
        draw.line((x + side * 190, y, x + side * 420, y), fill=colour, width=4)


def layout(meta: Metadata, style: str | None = None, palette: str | None = None) -> Layout:
    """Pick the design and palette, then set every text that some font can draw."""
    digest = hashlib.sha256((meta.series or meta.title).strip().casefold().encode()).digest()
    design = _pick(DESIGNS, style, digest[0], "style")
    colours = _pick(PALETTES, palette, digest[1], "palette")
    lines: list[TextLine] = []
    findings: list[Finding] = []
    for role, text in _texts(meta):
        slot = design.slots[role]
        text = _upper(text) if slot.upper else text
        face, drawn, problem = fonts.typeface(text, slot.font)
        if problem:
            findings.append(Finding("cover", f"the {role} “{text}” {problem}"))
        if face is not None:
            lines += _set(role, drawn, slot, face, getattr(colours, slot.ink))
    return Layout(design, colours, tuple(lines), tuple(findings))


def _upper(text: str) -> str:
    """All capitals, without the accents Greek drops from them (ΟΔΥΣΣΕΙΑ, not ΟΔΎΣΣΕΙΑ)."""
    kept, greek = [], False
    for char in unicodedata.normalize("NFD", text.upper()):
        if not unicodedata.combining(char):
            greek = "\u0370" <= char <= "\u03ff" or "\u1f00" <= char <= "\u1fff"
        elif greek and char in "\u0300\u0301\u0313\u0314\u0342\u0345":
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _pick(options, name: str | None, byte: int, what: str):
    if name is None:
        return options[byte % len(options)]
    for option in options:
        if option.name == name.strip().lower():
            return option
    raise CoverError(f"there is no cover {what} “{name}”: choose one of {', '.join(o.name for o in options)}")


def _book_number(language: str, number: str) -> str:
    """"Book 2", "Tome 2", "第2巻" in a language with a catalogue; the bare number in any other."""
    from ..labels import catalogue_for, labels

    return labels(language)("Book {number}", number=number) if catalogue_for(language) else number


def _texts(meta: Metadata) -> list[tuple[str, str]]:
    series = ""
    if meta.series.strip():
        number = _book_number(meta.language, meta.series_index.strip()) if meta.series_index.strip() else ""
        series = f"{meta.series.strip()} · {number}" if number else meta.series.strip()
    texts = [("series", series), ("title", meta.title.strip() or "Untitled"), ("subtitle", meta.subtitle.strip()),
             ("author", " & ".join(a.strip() for a in meta.authors if a.strip()))]
    return [(role, " ".join(text.split())) for role, text in texts if text.strip()]


# Setting text -----------------------------------------------------------------------------


def _set(role: str, text: str, slot: Slot, face: tuple[str, int], fill) -> list[TextLine]:
    """The largest size at which the text, in balanced lines, fits the slot's box.

    Lines are chosen on widths measured once and scaled (``_Reference``); only the lines a size
    would draw are measured with the face at that size, which decides whether they fit."""
    tokens = _tokens(text)
    reference = _Reference(face)
    low, high, guess = slot.smallest, slot.largest, slot.smallest
    while low <= high:
        size = (low + high) // 2
        if _place(role, tokens, slot, face, size, fill, reference, exact=False):
            guess, low = size, size + 1
        else:
            high = size - 1
    best = _place(role, tokens, slot, face, guess, fill, reference)
    while best is None and guess > slot.smallest:
        guess -= 1
        best = _place(role, tokens, slot, face, guess, fill, reference)
    while best is not None and guess < slot.largest:
        bigger = _place(role, tokens, slot, face, guess + 1, fill, reference)
        if bigger is None:
            break
        best, guess = bigger, guess + 1
    if best is None:
        return _place(role, tokens, slot, face, slot.smallest, fill, reference, force=True)
    size = best[0].size
    floor = max(slot.smallest, size * 0.7, _legible(face) if role == "title" else 0)
    while _stranded([line.text for line in best]) and size * 0.97 >= floor:
        size = int(size * 0.97)  # a little smaller may join "The" to the next word
        smaller = _place(role, tokens, slot, face, size, fill, reference)
        best = smaller if smaller and not _stranded([line.text for line in smaller]) else best
    return best


def _legible(face: tuple[str, int]) -> float:
    """The size whose capitals stand 4 % of the cover high: 8 px on a 200-pixel thumbnail."""
    cap = -fonts.font(*face, 1000).getbbox("H", anchor="ls")[1] / 1000
    return 0.0405 * HEIGHT / cap if cap > 0 else 0


class _Reference:
    """A face measured once per text at a large size; at other sizes the widths and boxes scale.
    Widths scale to within a tenth of a pixel (outlines are not hinted at these sizes); ink boxes
    are rounded outwards at each size, so they are near enough to search with, not to draw by."""

    SIZE = 400

    def __init__(self, face: tuple[str, int]) -> None:
        self.font = fonts.font(*face, self.SIZE)
        self.lengths: dict[str, float] = {}
        self.boxes: dict[str, tuple[float, ...]] = {}

    def length(self, text: str, size: int) -> float:
        if text not in self.lengths:
            self.lengths[text] = self.font.getlength(text)
        return self.lengths[text] * size / self.SIZE

    def box(self, text: str, size: int, stroke: int) -> tuple[float, float, float, float]:
        if text not in self.boxes:
            self.boxes[text] = self.font.getbbox(text, anchor="ls")
        x0, y0, x1, y1 = (value * size / self.SIZE for value in self.boxes[text])
        return x0 - stroke, y0 - stroke, x1 + stroke, y1 + stroke


def _place(role, tokens, slot: Slot, face, size, fill, reference: _Reference, force=False,
           exact=True) -> list[TextLine] | None:
    """The text set at ``size`` in the slot, or None if it does not fit. The lines are chosen on
    the reference's widths; with ``exact`` (what is drawn), each is then measured and placed by
    the face at this size, so no line leaves the box. ``force`` sets it however long, cutting it."""
    font = fonts.font(*face, size) if exact or force else None
    stroke = round(size * slot.bold)
    left, top, right, bottom = slot.box
    width, height = right - left, bottom - top

    @cache
    def measure(text: str) -> float:
        return (font.getlength(text) if force else reference.length(text, size)) + 2 * stroke

    if any(measure(t.strip()) > width for t in tokens):
        if not force:
            return None
        tokens = [piece for token in tokens for piece in _split_long(token, measure, width)]
    step = round(size * slot.spacing)
    most = max(1, (height - size) // step + 1)
    lines = _break(tokens, measure, width, slot.widest, most)
    if lines is None:
        if not force:
            return None
        lines = _greedy(tokens, measure, width)[:most]
        lines[-1] = _clip(lines[-1] + "…", measure, width)
    lines = [fonts.visual(line) or line for line in lines]
    if font is not None and not force and any(font.getlength(line) + 2 * stroke > width for line in lines):
        return None
    boxes = [font.getbbox(line, anchor="ls", stroke_width=stroke) if font is not None else reference.box(line, size, stroke)
             for line in lines]
    ink_top = min(i * step + b[1] for i, b in enumerate(boxes))
    ink_height = max(i * step + b[3] for i, b in enumerate(boxes)) - ink_top
    if ink_height > height and not force:
        return None
    free = height - ink_height
    baseline = top + {"top": 0, "center": free // 2, "bottom": free}[slot.valign] - ink_top
    placed = []
    for line, (x0, y0, x1, y1) in zip(lines, boxes):
        if slot.align == "center":
            x = left + (width - (x1 - x0)) // 2 - x0
        elif any(unicodedata.bidirectional(c) in ("R", "AL") for c in line[:1] or " "):
            x = right - x1  # a right-to-left line starts at the right edge
        else:
            x = left - x0
        box = (round(x + x0), round(baseline + y0), round(x + x1), round(baseline + y1))
        placed.append(TextLine(role, line, face[0], size, (round(x), baseline), box, fill, stroke, face[1]))
        baseline += step
    return placed


def _tokens(text: str) -> list[str]:
    """Words with their leading space; in CJK text every character (with closing marks) is one."""
    tokens: list[str] = []
    for number, word in enumerate(text.split()):
        space = " " if number else ""
        for char in word:
            joins = char in _CLOSING or not tokens or not (_is_cjk(char) or _is_cjk(tokens[-1][-1]))
            if tokens and joins and not space:
                tokens[-1] += char
            else:
                tokens.append(space + char)
            space = ""
    return tokens


def _is_cjk(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\uff00" <= char <= "\uffef"


def _break(tokens, measure, width, widest: str, most: int) -> list[str] | None:
    """The best lines that fit: fewest or one more, even, no short word alone, widest where wanted."""
    fewest = len(_greedy(tokens, measure, width))
    if fewest > most:
        return None
    options = []
    for count in range(fewest, min(fewest + 1, most, len(tokens)) + 1):
        if math.comb(len(tokens) - 1, count - 1) > 2000:  # a very long title: greedy at an even width
            options.append(_narrowest(tokens, measure, width)) if count == fewest else None
            continue
        for cuts in combinations(range(1, len(tokens)), count - 1):
            ends = (0, *cuts, len(tokens))
            lines = ["".join(tokens[a:b]).strip() for a, b in zip(ends, ends[1:])]
            if all(measure(line) <= width for line in lines):
                options.append(lines)
    return min(options, key=lambda lines: _cost(lines, measure, width, widest, fewest))


def _cost(lines: list[str], measure, width: float, widest: str, fewest: int) -> float:
    widths = [measure(line) for line in lines]
    cost = sum(((max(widths) - w) / width) ** 2 for w in widths) + 0.3 * (len(lines) - fewest)
    if len(lines) > 1:
        cost += 1.0 if _stranded(lines) else 0
        index = {"top": 0, "bottom": -1}.get(widest)
        cost += 0.15 if index is not None and widths[index] < max(widths) else 0
    return cost


def _stranded(lines: list[str]) -> bool:
    """A short word alone on a line of a longer title ("The") reads badly; "Les / Misérables" is fine."""
    alone = [line for line in lines if len(line) <= 3 and " " not in line and not any(map(_is_cjk, line))]
    return len(lines) > 1 and sum(len(line.split()) for line in lines) > 2 and bool(alone)


def _greedy(tokens: list[str], measure, width: float) -> list[str]:
    lines: list[str] = []
    for token in tokens:
        if lines and measure(lines[-1] + token) <= width:
            lines[-1] += token
        else:
            lines.append(token.strip())
    return lines


def _narrowest(tokens, measure, width: float) -> list[str]:
    """Greedy wrapping at the narrowest width that needs no more lines: even lines, no lone word."""
    count, low, high = len(_greedy(tokens, measure, width)), int(width) // 3, int(width)
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if len(_greedy(tokens, measure, middle)) <= count else (middle + 1, high)
    return _greedy(tokens, measure, high)


def _split_long(token: str, measure, width: float) -> list[str]:
    """A word wider than the box (a URL, a long run of letters) is cut where it must be."""
    pieces = [""]
    for char in token:
        if pieces[-1].strip() and measure(pieces[-1] + char) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces


def _clip(line: str, measure, width: float) -> str:
    while len(line) > 1 and measure(line) > width:
        line = line[:-2] + "…"
    return line
