"""A user's own cover image to the JPEG a book carries: upright, flat, sRGB, no metadata.

Readers want a JPEG (or PNG) without alpha: transparent areas turn black in night mode, so they
are flattened on white. EXIF orientation is applied because few readers honour it; then all
metadata goes (camera, GPS position, comments), since a cover is published with the book. The
image is scaled to fit 1600 × 2560, Kindle's ideal, keeping its shape, and small images grow at
most 2× so they do not turn to mush.

The bytes come from a user, so they are checked before Pillow decodes them: the format is sniffed
from the first bytes (only JPEG, PNG, WebP and GIF reach a decoder), files over 50 MB and images
over 50 megapixels (a decompression bomb) are refused, and every failure is a ``CoverError``.
"""

from __future__ import annotations

import io
import warnings
from contextlib import contextmanager

from ..errors import CoverError

MAX_BYTES = 50 * 1024 * 1024
MAX_PIXELS = 50_000_000
BOX = (1600, 2560)
MAX_GROWTH = 2.0


def prepare_cover(data: bytes) -> bytes:
    """JPEG bytes ready for ``package``; raises ``CoverError`` with a one-sentence reason."""
    from PIL import Image

    image_format = sniff(data)
    try:
        with _bomb_limit(), Image.open(io.BytesIO(data), formats=[image_format]) as image:
            image.seek(0)  # the first frame of an animated GIF or WebP
            image.load()
            flat = _scaled(_flattened(_upright(image)))
    except CoverError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise CoverError(f"the cover image has more than {MAX_PIXELS // 1_000_000} megapixels, "
                         "which is refused as a possible decompression bomb") from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise CoverError(f"the cover image is damaged or cut short: it is not a readable {image_format}") from None
    return _jpeg(flat)


def sniff(data: bytes) -> str:
    """The Pillow format name the bytes claim to be, from their first bytes, or ``CoverError``."""
    if len(data) > MAX_BYTES:
        raise CoverError(f"the cover image is larger than {MAX_BYTES // (1024 * 1024)} MB")
    head = data[:16]
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    text = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in text:
        raise CoverError("the cover is an SVG drawing: export it as a JPEG or PNG image")
    raise CoverError("the cover is not a JPEG, PNG, WebP or GIF image")


@contextmanager
def _bomb_limit():
    """Pillow's own check, at our limit, as an error rather than a warning that would be printed.

    ``Image.MAX_IMAGE_PIXELS`` is process-wide, so it is restored afterwards.
    """
    from PIL import Image

    before = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    finally:
        Image.MAX_IMAGE_PIXELS = before


def _upright(image):
    from PIL import ImageOps

    return ImageOps.exif_transpose(image)


def _flattened(image):
    """RGB in sRGB: colour profiles applied, CMYK and palettes converted, transparency on white."""
    from PIL import Image

    image = _to_srgb(image)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):  # 16-bit greys: keep the top 8 bits
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    return image.convert("RGB")


def _to_srgb(image):
    """Apply an embedded ICC profile (Display P3 photos, CMYK print files); without one, as is."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return image
    try:
        from PIL import ImageCms

        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=mode)
    except Exception:  # noqa: BLE001 - a broken or unsupported profile: convert without it
        return image


def _scaled(image):
    """Fit inside 1600 × 2560 keeping the shape; grow a small image at most 2×."""
    from PIL import Image

    width, height = image.size
    factor = min(BOX[0] / width, BOX[1] / height, MAX_GROWTH)
    if abs(factor - 1) < 0.005:
        return image
    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _jpeg(image) -> bytes:
    """A fresh baseline JPEG with none of the original's metadata (Pillow would copy a comment)."""
    image.info.clear()
    for quality in (90, 82, 74):
        out = io.BytesIO()
        image.save(out, "JPEG", quality=quality)
        if out.tell() < 2_000_000:
            break
    return out.getvalue()
