"""A user's own cover image to the JPEG a book carries: its own pixels where possible, no metadata.

A JPEG that readers can show as it is (upright, RGB or grey, no colour profile to apply, inside
1600 × 2560 and under 2 MB) keeps its bytes: only its metadata segments are cut out (camera,
GPS position, comments, since a cover is published with the book), which leaves the compressed
pixels untouched. Anything else is re-encoded once, because it must be: another format (readers
and Send to Kindle want a JPEG without alpha: transparent areas turn black in night mode, so
they are flattened on white), EXIF orientation (few readers honour it), a colour profile or CMYK,
or a size over Kindle's ideal 1600 × 2560 (scaled down, keeping the shape). An image is never
scaled up: growing it invents nothing and only makes the file bigger. A cover under Kindle's
minimum of 625 × 1000, or far from a book's 1:1.6 shape, is used with a finding.

The bytes come from a user, so they are checked before Pillow decodes them: the format is sniffed
from the first bytes (only JPEG, PNG, WebP and GIF reach a decoder), files over 50 MB and images
over 50 megapixels (a decompression bomb) are refused, and every failure is a ``CoverError``.
"""

from __future__ import annotations

import io
import warnings
from contextlib import contextmanager

from ..errors import CoverError, Finding

MAX_BYTES = 50 * 1024 * 1024
MAX_PIXELS = 50_000_000
BOX = (1600, 2560)
KINDLE_MINIMUM = (625, 1000)
MAX_KEPT_BYTES = 2_000_000


def prepare_cover(data: bytes) -> tuple[bytes, tuple[Finding, ...]]:
    """JPEG bytes ready for ``package`` and findings about the image's size and shape; raises
    ``CoverError`` with a one-sentence reason."""
    from PIL import Image

    image_format = sniff(data)
    try:
        with _bomb_limit(), Image.open(io.BytesIO(data), formats=[image_format]) as image:
            image.seek(0)  # the first frame of an animated GIF or WebP
            image.load()
            upright = _upright(image)
            findings = size_findings(upright.size)
            if image_format == "JPEG" and _shown_as_it_is(image, len(data)):
                return without_metadata(data), findings
            flat = _scaled(_flattened(upright))
    except CoverError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise CoverError(f"the cover image has more than {MAX_PIXELS // 1_000_000} megapixels, "
                         "which is refused as a possible decompression bomb") from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise CoverError(f"the cover image is damaged or cut short: it is not a readable {image_format}") from None
    return _jpeg(flat), findings


def size_findings(size: tuple[int, int]) -> tuple[Finding, ...]:
    width, height = size
    found = []
    if width < KINDLE_MINIMUM[0] or height < KINDLE_MINIMUM[1]:
        found.append(Finding("cover", f"the cover image is {width} × {height} pixels, under the 625 × 1000 that "
                                      "Kindle asks for: it may look blurred", option="cover_image"))
    shape = height / width
    if not 1.3 <= shape <= 1.9:
        found.append(Finding("cover", f"the cover image is {width} × {height} pixels, 1:{shape:.2g} where a book "
                                      "cover is 1:1.6: readers will show it with bands or cropped", option="cover_image"))
    return tuple(found)


def _shown_as_it_is(image, size: int) -> bool:
    """Whether readers show this JPEG as it is: nothing about it needs a re-encoding."""
    return (image.mode in ("RGB", "L") and "icc_profile" not in image.info and size <= MAX_KEPT_BYTES
            and image.getexif().get(0x0112, 1) == 1 and image.width <= BOX[0] and image.height <= BOX[1])


# Segments a JPEG needs to be decoded: APP0 (JFIF) and APP14 (Adobe: how its colours are stored).
# APP1 (EXIF, XMP), APP13 (IPTC), other APPn and COM (comments) are metadata.
_KEEP = frozenset((0xE0, 0xEE))


def without_metadata(data: bytes) -> bytes:
    """The JPEG with its metadata segments cut out; the compressed image from SOS on is copied as is."""
    out, i = [data[:2]], 2
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0xDA:  # start of scan: the rest is the image
            break
        length = int.from_bytes(data[i + 2:i + 4], "big")
        if not (0xE0 <= marker <= 0xEF or marker == 0xFE) or marker in _KEEP:
            out.append(data[i:i + 2 + length])
        i += 2 + length
    out.append(data[i:])
    return b"".join(out)


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
    """Fit inside 1600 × 2560 keeping the shape; never grow."""
    from PIL import Image

    width, height = image.size
    factor = min(BOX[0] / width, BOX[1] / height, 1.0)
    if factor > 0.995:
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
