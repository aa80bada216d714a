import io
import struct
import zlib

import pytest
from PIL import Image, features

from ebookify.cover.image import prepare_cover as prepare_with_findings, sniff, without_metadata
from ebookify.errors import CoverError

RED, BLUE, WHITE = (220, 20, 20), (20, 20, 220), (255, 255, 255)


def prepare_cover(data: bytes) -> bytes:
    return prepare_with_findings(data)[0]


def encoded(image: Image.Image, fmt: str, **params) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def close(a, b, tolerance=24) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def halves(size, left=RED, right=BLUE, mode="RGB") -> Image.Image:
    image = Image.new(mode, size, right)
    image.paste(left, (0, 0, size[0] // 2, size[1]))
    return image


def transparent_png() -> bytes:
    image = Image.new("RGBA", (400, 640), (0, 0, 0, 0))
    image.paste((20, 20, 220, 255), (100, 100, 300, 540))
    return encoded(image, "PNG")


def palette_png_with_transparency() -> bytes:
    image = Image.new("P", (400, 640), 0)
    image.putpalette([0, 0, 0, 20, 20, 220] + [0] * 762)
    image.paste(1, (100, 100, 300, 540))
    return encoded(image, "PNG", transparency=0)


def animated_gif() -> bytes:
    frames = [Image.new("RGB", (400, 640), colour) for colour in (RED, BLUE)]
    return encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)


def cmyk_jpeg() -> bytes:
    return encoded(Image.new("CMYK", (400, 640), (0, 255, 255, 0)), "JPEG")  # cyan-free, magenta+yellow: red


@pytest.mark.parametrize("data, centre, corner", [
    pytest.param(encoded(Image.new("RGB", (400, 640), RED), "JPEG"), RED, RED, id="jpeg"),
    pytest.param(transparent_png(), BLUE, WHITE, id="png with alpha: flattened on white"),
    pytest.param(palette_png_with_transparency(), BLUE, WHITE, id="palette png with a transparent colour"),
    pytest.param(animated_gif(), RED, RED, id="animated gif: first frame"),
    pytest.param(cmyk_jpeg(), (255, 0, 0), (255, 0, 0), id="cmyk jpeg to rgb"),
    pytest.param(encoded(Image.new("L", (400, 640), 128), "PNG"), (128, 128, 128), (128, 128, 128), id="grey png"),
    pytest.param(encoded(Image.new("I;16", (400, 640), 32896), "PNG"), (128, 128, 128), (128, 128, 128),
                 id="16-bit grey png"),
])
def test_accepted_images_become_flat_rgb_jpegs(data, centre, corner):
    image = opened(prepare_cover(data))
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (400, 640))  # never grown
    assert close(image.getpixel((200, 320)), centre), image.getpixel((200, 320))
    assert close(image.getpixel((5, 5)), corner), image.getpixel((5, 5))


@pytest.mark.skipif(not features.check("webp"), reason="Pillow without WebP")
def test_webp_is_accepted():
    image = opened(prepare_cover(encoded(Image.new("RGBA", (400, 640), (0, 0, 0, 0)), "WEBP", lossless=True)))
    assert image.size == (400, 640) and close(image.getpixel((5, 5)), WHITE)


@pytest.mark.parametrize("size, expected", [
    pytest.param((3200, 5120), (1600, 2560), id="the ideal shape, twice as big"),
    pytest.param((3000, 3000), (1600, 1600), id="a square fits the width"),
    pytest.param((1000, 4000), (640, 2560), id="a tall strip fits the height"),
    pytest.param((1600, 2560), (1600, 2560), id="already the ideal size"),
    pytest.param((100, 160), (100, 160), id="a thumbnail is never grown"),
    pytest.param((1200, 1800), (1200, 1800), id="an image inside the box keeps its size"),
])
def test_images_are_scaled_to_fit_keeping_their_shape(size, expected):
    data = encoded(Image.new("RGB", size, RED), "PNG", compress_level=1)
    assert opened(prepare_cover(data)).size == expected


def test_exif_orientation_is_applied():
    exif = Image.Exif()
    exif[0x0112] = 6  # stored on its side: turn 90° clockwise to show
    image = opened(prepare_cover(encoded(halves((640, 400)), "JPEG", exif=exif)))
    assert image.size == (400, 640)
    assert close(image.getpixel((200, 50)), RED) and close(image.getpixel((200, 590)), BLUE)


def test_metadata_is_stripped():
    exif = Image.Exif()
    exif[0x013B] = "A. Photographer"  # Artist
    exif[0x010F] = "Camera Maker"
    data = encoded(Image.new("RGB", (400, 640), RED), "JPEG", exif=exif, comment=b"secret")
    image = opened(prepare_cover(data))
    assert dict(image.getexif()) == {}
    assert not {"exif", "comment", "icc_profile"} & set(image.info)


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG that claims a huge size: Pillow reads the claim before any pixel."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


@pytest.mark.parametrize("data, words", [
    pytest.param(encoded(Image.new("RGB", (400, 640), RED), "JPEG")[:2000], "damaged", id="truncated jpeg"),
    pytest.param(encoded(Image.new("RGB", (400, 640), RED), "PNG")[:300], "damaged", id="truncated png"),
    pytest.param(b"Once upon a time there was a story.", "not a JPEG", id="text"),
    pytest.param(b"", "not a JPEG", id="empty"),
    pytest.param(b"%PDF-1.7\n", "not a JPEG", id="pdf"),
    pytest.param(b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "SVG", id="svg"),
    pytest.param(b"<svg width='10' height='10'></svg>", "SVG", id="svg without a declaration"),
    pytest.param(png_header(8000, 7000), "megapixels", id="56 megapixels: over our limit"),
    pytest.param(png_header(20000, 20000), "megapixels", id="400 megapixels: a decompression bomb"),
    pytest.param(b"\xff\xd8\xff" + bytes(50 * 1024 * 1024), "50 MB", id="over 50 MB"),
])
def test_bad_covers_are_refused_with_one_sentence(data, words):
    with pytest.raises(CoverError) as caught:
        prepare_cover(data)
    message = caught.value.message
    assert words in message and ". " not in message and "\n" not in message, message


def test_the_pixel_limit_is_put_back_after_use():
    before = Image.MAX_IMAGE_PIXELS
    with pytest.raises(CoverError):
        prepare_cover(png_header(8000, 7000))
    assert Image.MAX_IMAGE_PIXELS == before


@pytest.mark.parametrize("head, expected", [
    pytest.param(b"\xff\xd8\xff\xe0", "JPEG", id="jpeg"), pytest.param(b"\x89PNG\r\n\x1a\n", "PNG", id="png"),
    pytest.param(b"GIF89a", "GIF", id="gif"), pytest.param(b"RIFF\0\0\0\0WEBPVP8 ", "WEBP", id="webp"),
])
def test_the_format_is_sniffed_from_the_first_bytes(head, expected):
    assert sniff(head) == expected


def test_a_png_named_as_jpeg_content_is_read_by_what_it_is():
    """The decoder is chosen from the bytes, never from a name or a claim."""
    assert opened(prepare_cover(encoded(Image.new("RGB", (400, 640), RED), "PNG"))).format == "JPEG"


def photo(size=(700, 1120)) -> Image.Image:
    """An image with detail, so a re-encoding would change its pixels."""
    image = Image.effect_mandelbrot(size, (-2, -1.5, 1, 1.5), 60).convert("RGB")
    return image


@pytest.mark.parametrize("data", [
    pytest.param(encoded(photo(), "JPEG", quality=80), id="a plain jpeg"),
    pytest.param(encoded(photo(), "JPEG", quality=95, progressive=True), id="a progressive jpeg"),
    pytest.param(encoded(photo().convert("L"), "JPEG"), id="a grey jpeg"),
])
def test_a_jpeg_readers_can_show_keeps_its_bytes(data):
    assert prepare_cover(data) == data


def test_a_jpeg_with_metadata_keeps_its_pixels_and_loses_only_the_metadata():
    exif = Image.Exif()
    exif[0x8825] = {0x0002: (51.0, 30.0, 0.0)}  # a GPS position
    exif[0x013B] = "A. Photographer"
    data = encoded(photo(), "JPEG", quality=85, exif=exif, comment=b"secret")
    kept = prepare_cover(data)
    assert opened(kept).tobytes() == opened(data).tobytes()
    assert kept.endswith(data[data.index(b"\xff\xda"):])  # the compressed image itself, byte for byte
    assert b"secret" not in kept and b"Photographer" not in kept and dict(opened(kept).getexif()) == {}


def test_cutting_metadata_from_a_jpeg_without_any_changes_nothing():
    data = encoded(photo(), "JPEG")
    assert without_metadata(data) == data


@pytest.mark.parametrize("size, words", [
    pytest.param((400, 640), ["under the 625 × 1000"], id="under Kindle's minimum"),
    pytest.param((3000, 300), ["under the 625 × 1000", "1:0.1"], id="a 10:1 strip: small and far from 1:1.6"),
    pytest.param((1600, 1600), ["1:1 where a book cover is 1:1.6"], id="a square"),
    pytest.param((1600, 2560), [], id="the ideal: nothing to say"),
    pytest.param((700, 1050), [], id="1:1.5 is close enough"),
])
def test_small_or_oddly_shaped_covers_are_used_with_a_finding(size, words):
    _, findings = prepare_with_findings(encoded(Image.new("RGB", size, RED), "PNG", compress_level=1))
    messages = " ".join(f.message for f in findings)
    assert len(findings) == len(words) and all(word in messages for word in words), messages
    assert all(f.option == "cover_image" for f in findings)


def test_a_gif_is_re_encoded_at_its_own_size():
    gif = encoded(photo((500, 800)).convert("P"), "GIF")
    jpeg = prepare_cover(gif)
    assert opened(jpeg).size == (500, 800)
