"""The book's own words in its language: catalogues complete, CLDR numbers and plurals, English fallback."""

import string
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from ebookify import Options, convert
from ebookify.labels import LANGUAGES, labels
from ebookify.resources import read_asset

from conftest import reading_text, build, spine_pages, unzip

NBSP, NNBSP = "\u00a0", "\u202f"

EVERYTHING = """Title: The Lamp
Author: Ann Example
Series: Lights
Series Index: 2
Fandom: Lamps
Rating: General
Warnings: None, Some
Relationships: A/B
Characters: Ann, Bo
Tags: quiet
Status: in-progress
Published: 2020-01-01
Updated: 2021-01-01
Publisher: Nobody
Source: https://example.org/lamp
Rights: CC BY 4.0

A/N: Thanks for reading.

Chapter 1

Words of the first chapter go here and on.

A/N: A note after the first chapter.

Chapter 2

Words of the second chapter.[^1]

[^1]: A footnote, on the notes page.
"""


def catalogue(language):
    return read_po(__import__("io").BytesIO(read_asset(f"locales/{language}.po")), locale=language)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.fixture(scope="module")
def asked(request):
    """Every message the renderer asks for while making the fullest book we can write."""
    from ebookify import labels as module

    seen: set = set()
    call, plural = module.Labels.__call__, module.Labels.plural

    def spy_call(self, message, **values):
        seen.add(message)
        return call(self, message, **values)

    def spy_plural(self, singular, plural_, count, **values):
        seen.add((singular, plural_))
        return plural(self, singular, plural_, count, **values)

    patch = pytest.MonkeyPatch()
    patch.setattr(module.Labels, "__call__", spy_call)
    patch.setattr(module.Labels, "plural", spy_plural)
    try:
        for notes in ("inline", "end"):
            build(EVERYTHING, notes=notes, language="de")
            build(EVERYTHING.replace("in-progress", "complete").replace("Tags: quiet", "Tags: a, b"), notes=notes,
                  language="de")
        build("Title: T\n\nJust a line without a name.\n\nAnother line of text.\n", language="de")
    finally:
        patch.undo()
    return seen


@pytest.mark.parametrize("language", [pytest.param(lang, id=lang) for lang in LANGUAGES if lang != "en"])
def test_every_catalogue_translates_every_label_with_the_same_fields(language, asked):
    found = catalogue(language)
    translated = {(m.id if isinstance(m.id, str) else tuple(m.id)): m.string for m in found if m.id}
    asked_ids = {m if isinstance(m, str) else tuple(m) for m in asked}
    from ebookify.reading.matter import BACK_TITLES
    from ebookify.reading.parse import EDITION_TITLE, FRONT_TITLE, LICENCE_TITLE

    for message in {"Author’s Note", "Author’s Notes", "Translator’s Note", "Translator’s Notes", LICENCE_TITLE, EDITION_TITLE,
                    FRONT_TITLE, *BACK_TITLES} - asked_ids:
        asked_ids.add(message)  # names the reader gives notes and the licence: translated when rendered
    assert asked_ids - set(translated) == set(), "labels without a translation"
    for message, string_ in translated.items():
        strings = string_ if isinstance(string_, tuple) else (string_,)
        ids = message if isinstance(message, tuple) else (message,)
        assert all(s for s in strings), f"{message!r} is empty"
        assert all(fields(s) == fields(ids[-1]) for s in strings), f"{message!r} lost or gained a field"


@pytest.mark.parametrize(
    "language, words, minutes, expected",
    [
        pytest.param("en", 67143, 269, "67,143 words, about 4 hours to read", id="en"),
        pytest.param("en", 1, 1, "1 word, about 1 minute to read", id="en: one"),
        pytest.param("fr", 67143, 269, f"67{NNBSP}143 mots, environ 4{NBSP}heures de lecture",
                     id="fr: narrow space between thousands"),
        pytest.param("de", 67143, 45, "67.143 Wörter, etwa 45 Minuten Lesezeit", id="de: point between thousands"),
        pytest.param("pl", 22, 1, "22 słowa, czas czytania: 1 minuta", id="pl: few"),
        pytest.param("pl", 25, 5, "25 słów, czas czytania: 5 minut", id="pl: many"),
        pytest.param("ru", 21, 2, "21 слово, время чтения: 2 минуты", id="ru: one after twenty"),
        pytest.param("ja", 3000, 12, "3,000 文字、読了まで約12分", id="ja: characters, as Japanese counts a text, no space"),
        pytest.param("es", 400000, 1600, "400.000 palabras, alrededor de 27 horas de lectura", id="es: hours are feminine"),
        pytest.param("pt-BR", 2, 2, "2 palavras, cerca de 2 minutos de leitura", id="pt-BR uses pt"),
        pytest.param("sv", 67143, 269, "67\u00a0143 ord, lästid cirka 4 timmar", id="sv"),
        pytest.param("cs", 22, 3, "22 slov, přibližně 3 minuty čtení", id="cs: few"),
        pytest.param("nn", 5, 5, "5 ord, lesetid omtrent 5 minutter", id="nn uses Bokmål's words"),
        pytest.param("eo", 67143, 269, "67,143 words, about 4 hours to read",
                     id="no catalogue: English words and English numbers together"),
    ],
)
def test_length_in_the_books_language(language, words, minutes, expected):
    _ = labels(language)
    line = _("{words}, about {duration} to read", words=_.plural("{count} word", "{count} words", words),
             duration=_.duration(minutes))
    assert line == expected


@pytest.mark.parametrize(
    "language, names, expected",
    [
        pytest.param("en", ("A", "B", "C"), "A, B, and C", id="en"),
        pytest.param("fr", ("A", "B"), "A et B", id="fr"),
        pytest.param("ja", ("A", "B", "C"), "A、B、C", id="ja"),
    ],
)
def test_names_are_listed_as_the_language_lists_them(language, names, expected):
    assert labels(language).names(names) == expected


def page(epub: bytes, name: str) -> BeautifulSoup:
    return BeautifulSoup(unzip(epub)[f"EPUB/{name}"], "xml")


def test_a_german_book_speaks_german_and_keeps_its_lang():
    epub = build(EVERYTHING, language="de", notes="end")
    title = page(epub, "titlepage.xhtml")
    assert title.find(class_="byline").get_text() == "von Ann Example"
    assert [dt.get_text() for dt in title.find_all("dt")][:3] == ["Reihe", "Fandom", "Altersfreigabe"]
    assert title.html["lang"] == title.html["xml:lang"] == "de"
    nav = page(epub, "nav.xhtml")
    assert nav.find(id="toc-heading").get_text() == "Inhalt"
    landmarks = nav.find("nav", attrs={"epub:type": "landmarks"})
    assert "Titelseite" in [a.get_text() for a in landmarks.find_all("a")]
    assert "Anmerkungen des Autors" in reading_text(epub)
    assert page(epub, "cover.xhtml").img["alt"] == "Umschlag: The Lamp, von Ann Example"
    assert "Title Page" not in unzip(epub)["EPUB/nav.xhtml"].decode()


def test_an_unknown_author_stays_unsaid():
    epub = build("Just a story with no byline at all.\n\nAnd a second paragraph of it.\n")
    assert page(epub, "titlepage.xhtml").find(class_="byline") is None
    assert page(epub, "cover.xhtml").img["alt"] == "Cover: Story"
    opf = unzip(epub)["EPUB/content.opf"].decode()
    assert "dc:creator" not in opf
    assert "Unknown" not in " ".join(p.decode() for _, p in spine_pages(epub))


def test_babel_loads_only_when_a_book_in_another_language_is_rendered():
    code = ("import sys, ebookify; story = ebookify.read(b'Hello there.'); "
            "assert 'babel' not in sys.modules, 'read'; ebookify.make(story); assert 'babel' not in sys.modules, 'en'; "
            "ebookify.make(ebookify.read(b'Il \\xc3\\xa9tait une fois une petite fille.', ebookify.Options(language='fr'))); "
            "assert 'babel' in sys.modules, 'fr'")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("value", [0, 1, 2, 999, 1000, 12345, 1234567, 10**9])
def test_english_numbers_are_babels(value):
    from babel.numbers import format_decimal

    assert labels("en").number(value) == format_decimal(value, locale="en")


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7])
def test_english_lists_of_names_are_babels(count):
    from babel.lists import format_list

    names = tuple(f"Name {n}" for n in range(count))
    assert labels("en").names(names) == format_list(list(names), locale="en")


@pytest.mark.parametrize("minutes, unit, value", [
    pytest.param(1, "minute", 1, id="one minute"), pytest.param(89, "minute", 89, id="minutes up to 89"),
    pytest.param(90, "hour", 2, id="then hours"), pytest.param(150, "hour", 2, id="rounded half to even"),
    pytest.param(151, "hour", 3, id="rounded"), pytest.param(1_000_000, "hour", 16667, id="never days, grouped"),
])
def test_english_durations_are_babels(minutes, unit, value):
    from babel.units import format_unit

    assert labels("en").duration(minutes) == format_unit(value, f"duration-{unit}", length="long", locale="en")


def test_a_long_reading_time_stays_in_hours_in_every_language():
    assert labels("pl").duration(10_000) == "167 godzin"
    assert labels("fr").duration(100_000) == f"1{NNBSP}667{NBSP}heures"


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("The rain in Spain, don't you know—falls.", 8, id="English: words, not runs of non-spaces"),
        pytest.param("吾輩は猫である。名前はまだ無い。", 14, id="Japanese: each kanji and kana"),
        pytest.param("他走进了房间。", 6, id="Chinese: each character"),
        pytest.param("彼はiPhoneを買った", 7, id="a Latin word inside Japanese is one"),
        pytest.param("그는 방에 들어갔다", 3, id="Korean puts spaces between words"),
        pytest.param("々ヽ・ー", 3, id="iteration and length marks count, the middle dot is punctuation"),
    ],
)
def test_words_are_counted_as_each_script_writes_them(text, expected):
    from ebookify.model import Paragraph, Text, word_count

    assert word_count((Paragraph((Text(text),)),)) == expected


def test_a_japanese_novel_reads_in_characters_and_in_its_readers_time():
    sentence = "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。"  # 30 characters that count
    epub = build("\n\n".join([sentence] * 400) + "\n", language="ja", title="猫", authors=("夏目漱石",))
    length = page(epub, "titlepage.xhtml").get_text()
    assert "12,000 文字、読了まで約31分" in length  # 12,000 characters at 390 a minute


def test_typesetting_changes_no_word_count():
    result = convert(b"He was 5'10 and in the band from 1990-1995, or so he said.\n", Options(cover=False))
    assert result.words == 13  # 5'10 and 1990-1995 are one word each, as the writer typed them
    assert "13 words, about 1 minute to read" in page(result.epub, "titlepage.xhtml").get_text()
    assert "1990–1995" in reading_text(result.epub)  # typeset, and still counted as the writer typed it


@pytest.mark.parametrize("language, contents", [("zh-Hant", "目錄"), ("zh-TW", "目錄"), ("zh-HK", "目錄"), ("zh", "目录"),
                                                ("zh-CN", "目录"), ("zh-Hans", "目录")])
def test_chinese_in_traditional_characters_gets_labels_in_them(language, contents):
    """A book from Taiwan or Hong Kong (CLD2 names it zh-Hant) is labelled 目錄, not the mainland's 目录."""
    assert labels(language)("Contents") == contents
