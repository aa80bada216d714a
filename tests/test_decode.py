import codecs
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ebookify.reading.decode import decode
from ebookify.errors import DecodeError

STORY = "Zoë said: “café… naïve”—and left.\nNext line."


@pytest.mark.parametrize(
    "data, expected_warning",
    [
        pytest.param(STORY.encode("utf-8"), None, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + STORY.encode("utf-8"), None, id="utf-8 with BOM"),
        pytest.param(STORY.encode("utf-16"), None, id="utf-16 with BOM (native order)"),
        pytest.param(codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), None, id="utf-16 BE with BOM"),
        pytest.param(STORY.encode("utf-32"), None, id="utf-32 with BOM"),
        pytest.param(STORY.encode("utf-16-le"), "UTF-16LE", id="utf-16 LE without BOM"),
        pytest.param(STORY.encode("cp1252"), "Windows-1252", id="windows-1252"),
    ],
)
def test_encodings_read_back_the_same_text(data, expected_warning):
    text, findings = decode(data)
    assert text == STORY
    messages = " ".join(f.message for f in findings)
    if expected_warning:
        assert expected_warning in messages
    else:
        assert findings == ()


def test_windows_1252_ellipsis_is_not_read_as_a_latin1_line_break():
    text, _ = decode("Wait\x85 what?".encode("latin-1"))
    assert text == "Wait… what?"


def test_cyrillic_code_page_is_detected_not_forced_to_windows_1252():
    story = "Дракон сидел в своей корзине и думал о том, что значит для него семья. " * 5
    text, findings = decode(story.encode("cp1251"))
    assert text == story
    assert "Windows-1251" in findings[0].message


@pytest.mark.parametrize("story, codec, expected", [
    pytest.param("De heer Droogstoppel zegt: “Ik ben makelaar in koffie, op de Lauriergracht, nº 37.” Hè. " * 20,
                 "cp1006", "Windows-1252", id="Dutch guessed as Urdu's code page"),
    pytest.param("Дракон сидел в своей корзине и думал о том, что значит для него семья. " * 20,
                 "cp1251", "Windows-1251", id="Cyrillic guessed rightly"),
])
def test_a_guess_of_another_script_stands_only_where_its_letters_are_the_high_bytes(monkeypatch, story, codec, expected):
    """A detector read a long Dutch novel in Latin-1 as Windows-1006 (Urdu): every accent became an
    Arabic letter. Latin text whose bytes above ASCII are a few accents is Windows-1252."""
    import charset_normalizer

    data = story.encode("cp1252" if expected == "Windows-1252" else codec)
    wrong = type("Guess", (), {"encoding": codec, "__str__": lambda self: data.decode(codec, "replace")})()
    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda sample: type("R", (), {"best": lambda self: wrong})())
    text, findings = decode(data)
    assert text == story and expected in findings[0].message


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
        return True
    except UnicodeDecodeError:
        return False


@pytest.mark.parametrize("codec", ["shift_jis", "euc_jp", "gb18030", "big5"])
def test_a_long_east_asian_text_in_a_legacy_code_page_is_read(codec):
    """Detection reads the first 256 KB: a cut inside a two-byte character made every codec fail."""
    line = "吾輩は猫である。名前はまだ無い。どこで生れたか頓と見当がつかぬ。" if codec in ("shift_jis", "euc_jp") \
        else "此開卷第一回也。作者自云：因曾歷過一番夢幻之後，故將真事隱去。"
    story = next(s for s in ("".join(f"{pad}{line}{n}\n" for n in range(6000)) for pad in ("", "a", "ab"))
                 if not _decodes(s.encode(codec)[:262144], codec))  # the cut falls inside a character
    text, findings = decode(story.encode(codec))
    assert text == story
    assert findings and "not UTF-8" in findings[0].message


def test_classical_chinese_dense_with_punctuation_is_read_as_gb18030():
    """Two-character words between marks (子曰：“…”) look like noise to the detector, which then named
    no encoding: a GBK file was refused as binary, or read as Windows-1252 gibberish."""
    rng = random.Random(7)
    words = "子曰 吾与尔 其犹 心安 乐也 饮酒 论道 行野 善哉 礼也 可也 先生 坐观 月明 对曰 不怒 学而 时习".split()
    sentence = lambda: "".join(rng.choice(words) + rng.choice("？”，；》：“、《！。") for _ in range(rng.randint(8, 40)))
    story = "小园记\r\n" + "".join(f"\r\n　　第{n}章\r\n\r\n" + "".join(f"　　{sentence()}\r\n" for _ in range(6))
                                   for n in range(1, 30))
    text, findings = decode(story.encode("gbk"))
    assert text == story.replace("\r\n", "\n") and "GB18030" in findings[0].message


@pytest.mark.parametrize(
    "raw, expected",
    [
        pytest.param(b"one\r\ntwo\r\n", "one\ntwo\n", id="CRLF"),
        pytest.param(b"one\rtwo\r", "one\ntwo\n", id="CR"),
        pytest.param(b"one\ntwo\n", "one\ntwo\n", id="LF"),
        pytest.param("e\u0301te\u0301".encode(), "été", id="decomposed accents composed (NFC)"),
        pytest.param(b"page one\x0cpage two", "page one\npage two", id="form feed keeps words apart"),
    ],
)
def test_text_is_normalised(raw, expected):
    assert decode(raw)[0] == expected


def test_xml_illegal_characters_are_removed_with_a_warning():
    text, findings = decode(b"a\x00b\x01c\x1bd and more text here")
    assert text == "abcd and more text here"
    assert any("control character" in f.message for f in findings)


def test_explicit_encoding_wins_over_detection():
    assert decode("Grüße".encode("latin-1"), "latin-1")[0] == "Grüße"


@pytest.mark.parametrize(
    "data, fragment",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image", id="png"),
        pytest.param(b"%PDF-1.7\n" + bytes(64), "PDF", id="pdf"),
        pytest.param(b"PK\x03\x04" + bytes(64), "ZIP", id="zip or epub"),
        pytest.param(bytes(range(256)) * 8, "binary", id="random bytes"),
        pytest.param(bytes(1000), "binary", id="zeros"),
    ],
)
def test_binary_files_are_refused(data, fragment):
    with pytest.raises(DecodeError, match=fragment):
        decode(data)


def test_unknown_explicit_encoding_is_a_clear_error():
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode(b"text", "klingon-8")


def test_wrong_explicit_encoding_is_a_clear_error():
    with pytest.raises(DecodeError, match="not valid UTF-8"):
        decode(b"caf\xe9", "utf-8")


def test_stray_windows_bytes_in_utf8_are_read_as_windows_1252_and_the_rest_as_utf8():
    data = "Café “ok” — ".encode() + b"\x93stray\x94 and \x85"
    text, findings = decode(data)
    assert text == "Café “ok” — “stray” and …"
    assert "3 stray byte(s)" in findings[0].message


def test_a_lone_surrogate_in_utf16_is_replaced_not_fatal():
    data = codecs.BOM_UTF16_LE + "hello ".encode("utf-16-le") + b"\x00\xd8" + " world".encode("utf-16-le")
    text, findings = decode(data)
    assert text == "hello \ufffd world" and "replaced" in findings[0].message


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([b"a", b" ", b"\xc3\xa9", b"\xe2\x80\x99", b"\xf0\x9f\x98\x80", b"\xe9", b"\x93",
                                 b"\xc3", b"\xe2\x80", b"\xff", b"\xf0\x9f"]), max_size=40).map(b"".join))
def test_utf8_sequences_and_stray_bytes_are_counted_as_one_scan_would(data):
    """Each valid multi-byte sequence once, and every high byte outside them as a stray."""
    import re

    from ebookify.reading.decode import _utf8_sequences

    scan = re.findall(rb"([\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3})|[\x80-\xff]", data)
    assert _utf8_sequences(data) == (len(scan) - scan.count(b""), scan.count(b""))


def test_a_classic_mac_file_is_mac_os_roman():
    """Lines ended by CR alone mark a file from a Mac before OS X: its curly quotes are 0xD2/0xD3."""
    story = "“Hello,” she said. “Don’t go.”\rHe stayed, for once.\r"
    text, findings = decode(story.encode("mac_roman"))
    assert text == story.replace("\r", "\n")
    assert "Mac OS Roman" in findings[0].message


def test_the_byte_order_marks_of_files_joined_into_one_hide_no_heading():
    """Chapters saved one file each and joined ("cat *.txt"): each file's mark stays at a line's
    start, before "Chapter 2", and no reader shows it."""
    from ebookify.reading.parse import parse

    body = "The ferry left at dawn, and the harbour lights went out one by one behind her."
    files = [f"Chapter {n}\n\n{body}\n\n{body}\n".encode("utf-8-sig") for n in (1, 2, 3)]
    text, _ = decode(b"".join(files))
    assert "\ufeff" not in text
    assert [c.label for c in parse(text).chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]


def test_a_byte_order_mark_inside_a_line_is_left_out_too():
    """A Markdown heading written in front of a joined file's mark ("# " + "\ufeffThe Postmaster")."""
    text, _ = decode("# One\n\nThe ferry left.\n\n# \ufeffTwo\n\nThe ferry came back.\n".encode("utf-8"))
    assert "\ufeff" not in text and "# Two" in text
