"""Bytes to clean text: the one place that decides what encoding a story was saved in.

Precedence: an explicit encoding > a byte-order mark > strict UTF-8 > detection. Detection
prefers Windows-1252 for Western text: Latin-1 would turn its byte 0x85 ("…") into U+0085, a
line break to Python. The result has ``\\n`` line ends, is NFC-normalised and holds no character
that XML 1.0 forbids, so later stages never meet a character the book cannot carry.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import DecodeError, Finding
from ..metadata import XML_FORBIDDEN
from ..patterns import lazy

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SIGNATURES = {  # files people drop on us by mistake
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (an EPUB or DOCX?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
    b"\x1f\x8b": "a gzip archive",
    b"{\\rtf": "an RTF document",
    b"\xd0\xcf\x11\xe0": "a Word document",
}

_OTHER_SCRIPT = lazy(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")  # a letter outside Latin

_SEPARATORS = lazy("[\x0c\x85\u2028\u2029]")  # page and line separators: keep words apart


def decode(data: bytes, encoding: str | None = None) -> tuple[str, tuple[Finding, ...]]:
    text, used, findings = _to_text(data, encoding)
    if used:
        findings.append(Finding("decode", f"the text is not UTF-8: read it as {used}"))
    return _clean(text, findings)


def encoding_name(data: bytes, encoding: str | None = None) -> str:
    """The encoding ``decode`` reads ``data`` in, as a reader would name it (for ``info``)."""
    if encoding:
        return _name(encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return f"{_name(codec)} with a byte-order mark"
    _, used, _ = _to_text(data, None)
    return used or "UTF-8"


def _to_text(data: bytes, encoding: str | None) -> tuple[str, str, list[Finding]]:
    if encoding:
        return _decode_as(data, encoding), "", []
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _unicode_with_repairs(data, codec)
    utf16 = _utf16_without_bom(data)
    if utf16:
        text, _, findings = _unicode_with_repairs(data, utf16)
        return text, _name(utf16), findings
    _refuse_binary(data)
    try:
        return data.decode("utf-8"), "", []
    except UnicodeDecodeError:
        pass
    valid, bad = _utf8_sequences(data)
    if valid and bad <= max(3, valid // 10):  # UTF-8 with a few bytes pasted in from elsewhere
        text = data.decode("utf-8", "ebookify-cp1252")
        return text, "", [Finding("decode", f"{bad} stray byte(s) were not UTF-8: read them as Windows-1252")]
    guess = _detect(data)
    return _decode_as(data, guess), _name(guess), []


def _unicode_with_repairs(data: bytes, codec: str) -> tuple[str, str, list[Finding]]:
    """UTF-16/32 with a lone surrogate (a broken pair) keeps the rest, with U+FFFD for the break."""
    try:
        return data.decode(codec), "", []
    except UnicodeDecodeError:
        text = data.decode(codec, "replace")
        return text, "", [Finding("decode", f"{text.count(chr(0xFFFD))} broken character(s) in the "
                                            f"{_name(codec)} text were replaced by �")]


_UTF8_SEQUENCE = lazy(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _utf8_sequences(data: bytes) -> tuple[int, int]:
    """How many multi-byte UTF-8 sequences the bytes hold, and how many stray high bytes (every
    high byte outside them). Found without a match object for each stray byte: a Windows-1251
    text is nearly all of them."""
    sequences = _UTF8_SEQUENCE.findall(data)
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return len(sequences), high - sum(map(len, sequences))


def _cp1252_for_stray_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    chunk = error.object[error.start : error.end]
    return chunk.decode("cp1252", "replace").replace("\ufffd", ""), error.end


codecs.register_error("ebookify-cp1252", _cp1252_for_stray_bytes)
# The five bytes Windows-1252 leaves undefined keep their Latin-1 meaning (and are then removed as controls).
codecs.register_error("ebookify-latin-1", lambda e: (e.object[e.start:e.end].decode("latin-1"), e.end))


# Bytes 0x80-0x9F are control characters in Latin-1 but letters and punctuation in Windows-1252,
# and files called Latin-1 nearly always mean the latter: the WHATWG Encoding Standard (what every
# browser follows) reads the labels latin-1, iso-8859-1 and ascii as windows-1252 for this reason.
_WINDOWS_1252_LABELS = {"latin-1", "iso8859-1", "ascii"}


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}", "try utf-8, cp1252 or latin-1", option="encoding") from None
    if name in _WINDOWS_1252_LABELS and re.search(rb"[\x80-\x9f]", data):
        return data.decode("cp1252", "ebookify-latin-1")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"the text is not valid {_name(encoding)} (byte {exc.start})", "name the right encoding",
            option="encoding") from None


def _refuse_binary(data: bytes) -> None:
    for signature, kind in _SIGNATURES.items():
        if data.startswith(signature):
            raise DecodeError(f"this looks like {kind}, not a text file")
    head = data[:65536]
    if head.count(0) > max(8, len(head) // 100):
        raise DecodeError("this looks like a binary file, not text")


def _utf16_without_bom(data: bytes) -> str:
    """Spot UTF-16 saved without a BOM: Western text then has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8:
        return ""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < max(2, 0.05 * half):
        return "utf-16-le"
    if even > 0.4 * half and odd < max(2, 0.05 * half):
        return "utf-16-be"
    return ""


def _detect(data: bytes) -> str:
    if b"\r" in data and b"\n" not in data:  # lines ended by CR alone: a file from a Mac before OS X, whose
        return "mac_roman"  # text is Mac OS Roman (its “quotes” are 0xD2/0xD3, read as Windows-1252 "ÒHelloÓ")
    sample = data[:262144]
    if len(sample) < len(data) and b"\n" in sample:  # cut at a line's end, never inside a character of
        sample = sample[:sample.rindex(b"\n") + 1]  # two bytes (Shift_JIS, Big5), which no codec then reads
    # Detectors confuse Western code pages on short texts (Baltic for English, say), and on long
    # ones too (Urdu's Windows-1006 for Dutch): unless the guess reads as another script (Cyrillic,
    # Greek…) whose letters are the bytes above ASCII, Windows-1252 is the likelier truth, and a
    # Latin text that reads as Windows-1252 needs no detector (the slowest step of reading a short story).
    latin = _mostly_ascii_letters(sample)
    if latin and _reads_as_cp1252(data):
        return "cp1252"
    from charset_normalizer import from_bytes  # slow to import: only text that is not UTF-8 pays

    # Classical Chinese is mostly punctuation between two-character words (子曰：“…”): the detector
    # takes such a page for noise and names no encoding, so a page it found too noisy is read again
    # at a looser threshold rather than taken for binary, or for Windows-1252.
    best = from_bytes(sample).best() or from_bytes(sample, threshold=_NOISY).best()
    guess = codecs.lookup(best.encoding).name if best else ""
    if not latin and guess and not _OTHER_SCRIPT.search(str(best)) and _reads_as_cp1252(data):
        return "cp1252"
    if not guess:
        raise DecodeError("this is not text in any encoding ebookify knows (a binary file?)",
                          "if it is text, name its encoding with --encoding")
    return guess


_NOISY = 0.5  # share of a page's characters that may look like noise (charset_normalizer's default: 0.2)


def _reads_as_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


_ASCII_LETTERS = bytes(range(0x41, 0x5B)) + bytes(range(0x61, 0x7B))
_HIGH = bytes(range(0x80, 0x100))


def _mostly_ascii_letters(sample: bytes) -> bool:
    """Is the text in a Latin script, its bytes above ASCII only accents among plain letters? In
    Cyrillic, Greek, Arabic or Japanese, they are most of the letters."""
    high = len(sample) - len(sample.translate(None, _HIGH))
    letters = len(sample) - len(sample.translate(None, _ASCII_LETTERS))
    return high < 0.2 * (high + letters)


def _name(codec: str) -> str:
    """A name people know: "Windows-1252", not "cp1252"."""
    codec = codecs.lookup(codec).name
    if codec.startswith("cp") and codec[2:].isdigit() and len(codec) == 6:
        return f"Windows-{codec[2:]}"
    return {"iso8859-1": "ISO-8859-1 (Latin-1)", "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE",
            "mac-roman": "Mac OS Roman"}.get(
        codec, codec.upper())


def _clean(text: str, findings: list[Finding]) -> tuple[str, tuple[Finding, ...]]:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\ufeff" in text:  # the byte-order marks of files joined into one ("cat *.txt", "# " + a file): no
        text = text.replace("\ufeff", "")  # text, and a heading behind one was no heading (as a no-break space it is obsolete)
    text = _SEPARATORS.sub("\n", text)
    forbidden = len(XML_FORBIDDEN.findall(text))
    if forbidden:
        if forbidden > max(8, len(text) // 100):
            raise DecodeError("this looks like a binary file, not text")
        text = XML_FORBIDDEN.sub("", text)
        findings.append(Finding("decode", f"removed {forbidden} control character(s) that e-books cannot hold"))
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, tuple(findings)
