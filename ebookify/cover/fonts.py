"""Which font can draw a text: the bundled ones first, then the ``fonts`` extra, then any installed font.

EB Garamond and Inter (bundled, OFL, 1 MB) cover Latin, Greek and Cyrillic. Other scripts come
from the optional extra ``ebookify[fonts]``: OFL fonts that PyPI packages ship unmodified (Noto
Sans Arabic, Devanagari and Thai, Heebo for Hebrew, Noto Sans CJK for Chinese, Japanese and
Korean; about 30 MB, nearly all of it CJK), so the core wheel stays small and a fresh machine
gets every script with one ``pip install``. Without the extra, the first installed font (in a
stable order) whose cmap holds every character is used. fontTools reads the cmaps because
Pillow cannot say whether a font has a glyph, and a missing one is drawn as a box.
Right-to-left and Indic scripts also need Pillow's libraqm for order and shaping (``visual``).
"""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from pathlib import Path

from ..resources import read_asset

BUNDLED = ("fonts/EBGaramond12-Regular.otf", "fonts/InterDisplay-Bold.otf", "fonts/EBGaramond12-Italic.otf")
# The packages of the ``fonts`` extra (pyproject.toml), in the order they are tried: each holds
# its font files in its own folder.
FONT_PACKAGES = ("fontpkg_noto_sans_arabic", "fontpkg_heebo", "fontpkg_noto_sans_devanagari",
                 "fontpkg_noto_sans_thai", "cvttf_NotoSansCJK_Regular")
EXTRA = "ebookify[fonts]"
SYSTEM_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".local/share/fonts"),
                    "/Library/Fonts", "/System/Library/Fonts", "C:/Windows/Fonts")


def typeface(text: str, preferred: str) -> tuple[tuple[str, int] | None, str, str]:
    """The first font that has every character: (font, face), the text to set, and any problem.

    Symbols no font has (emoji, mostly) are dropped rather than drawn as boxes; a text that
    still cannot be set, or cannot be laid out without libraqm, is left off.
    """
    fonts = [(preferred, 0), *((f, 0) for f in BUNDLED if f != preferred)]
    sans = "inter" in preferred.lower()
    found, problem = _covering(text, fonts, sans), ""
    if found is None:
        kept = "".join(c for c in text if not unicodedata.category(c).startswith("S") or _covering(c, fonts, sans))
        found = _covering(kept, fonts, sans) if kept.strip() else None
        if found is None:
            return None, text, (f"needs a font that is not installed here: it was left off the cover "
                                f"(pip install '{EXTRA}' brings fonts for every common script)")
        text, problem = " ".join(kept.split()), "has symbols no installed font can draw: they were left out"
    if visual(text) is None:
        return None, text, "needs Pillow built with libraqm to be laid out: it was left off the cover"
    return found, text, problem


# What every bundled font draws (a test holds them to it): printable ASCII and Latin-1, curly
# quotes, dashes and the ellipsis. Most titles and names need nothing else, and then the fonts'
# coverage (a JSON file, and its parser's import) is never read: 2 ms of a short book's run.
IN_EVERY_BUNDLED_FONT = frozenset([*range(0x21, 0x7F), *range(0xA1, 0x100), *map(ord, "‘’“”–—…")])


def _covering(text: str, bundled: list[tuple[str, int]], sans: bool) -> tuple[str, int] | None:
    """Bundled fonts first; then installed ones, those of the slot's kind (serif or sans) first."""
    needed = {ord(c) for c in text if not c.isspace() and unicodedata.category(c) != "Cf"}
    if needed <= IN_EVERY_BUNDLED_FONT and bundled[0][0] in BUNDLED:
        return bundled[0]
    for font in bundled:
        if needed <= _charset(*font):
            return font
    for font in _extra_fonts():
        if needed <= _charset(*font):
            return font
    installed = _installed_fonts(tuple(SYSTEM_FONT_DIRS))  # searched only when the fonts we know fall short
    for font in sorted(installed, key=lambda font: ("sans" in Path(font[0]).name.lower()) != sans):
        if needed <= _charset(*font):
            return font
    return None


@cache
def _extra_fonts() -> tuple[tuple[str, int], ...]:
    """The font files of the ``fonts`` extra's packages that are installed, found without importing them."""
    from importlib.util import find_spec

    folders = []
    for name in FONT_PACKAGES:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            spec = None
        folders += list(spec.submodule_search_locations or ()) if spec else []
    return _installed_fonts(tuple(folders))


@cache
def _installed_fonts(folders: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """Every face of every font file in ``folders``, in a stable order."""
    found = []
    for folder in map(Path, folders):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            suffix = path.suffix.lower()
            if suffix in (".ttf", ".otf"):
                found.append((str(path), 0))
            elif suffix in (".ttc", ".otc"):
                head = path.read_bytes()[:12]
                count = int.from_bytes(head[8:12], "big") if head[:4] == b"ttcf" else 0
                found += [(str(path), face) for face in range(count)]
    return tuple(found)


@cache
def _charset(font: str, face: int) -> frozenset[int]:
    """The characters a font has. For the bundled fonts this is read from ``fonts/coverage.json``
    (reading a cmap with fontTools costs 100 ms: half the budget of a whole short book)."""
    ranges = _bundled_coverage().get(font)
    if ranges is not None:
        return frozenset(code for first, last in ranges for code in range(first, last + 1))
    return read_charset(font, face)


@cache
def _bundled_coverage() -> dict[str, list[list[int]]]:
    import json

    return json.loads(read_asset("fonts/coverage.json"))


def coverage_ranges(charset: frozenset[int]) -> list[list[int]]:
    """A character set as [first, last] runs: how ``fonts/coverage.json`` stores it."""
    ranges: list[list[int]] = []
    for code in sorted(charset):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return ranges


def read_charset(font: str, face: int = 0) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # only to read which characters a font has

    source = font if Path(font).is_absolute() else io.BytesIO(read_asset(font))
    try:
        collection = str(font).lower().endswith((".ttc", ".otc"))
        cmap = TTFont(source, lazy=True, fontNumber=face if collection else -1).getBestCmap() or {}
    except Exception:  # noqa: BLE001 - a broken installed font is simply not a candidate
        return frozenset()
    return frozenset(cmap)


@cache
def font(font: str, face: int, size: int):
    from PIL import ImageFont

    source = font if Path(font).is_absolute() else io.BytesIO(read_asset(font))
    return ImageFont.truetype(source, size, index=face)


@cache
def _has_raqm() -> bool:
    from PIL import features

    return bool(features.check("raqm"))


def visual(line: str) -> str | None:
    """The line as Pillow must receive it, or None if it cannot be drawn correctly.

    With libraqm Pillow orders right-to-left text and shapes Arabic and Indic letters itself.
    Without it, right-to-left lines are reordered with python-bidi when it is installed (Hebrew
    is then right; Arabic letters stay unjoined), and Indic text cannot be drawn at all.
    """
    if _has_raqm():
        return line
    if any("\u0900" <= c <= "\u0dff" or "\u1000" <= c <= "\u109f" for c in line):
        return None
    if not any(unicodedata.bidirectional(c) in ("R", "AL") for c in line):
        return line
    try:
        from bidi import get_display
    except ImportError:
        return None
    return get_display(line)
