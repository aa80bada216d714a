"""The words ebookify itself writes into a book, in the book's language.

A French story gets "Table des matières", "67 143 mots, environ 4 heures de lecture" and
« Couverture : … » as its cover's alt text, not the English words. The sentences come from
gettext catalogues (``assets/locales/LANG.po``, one per language, read and compiled in memory by
Babel on first use, so no compiled file can go stale); numbers, lists of names and durations come
from Babel's CLDR data, which knows that French groups digits with a narrow space and that Polish
has three plural forms. A language without a catalogue gets the English words and English number
forms together, so a sentence never mixes two languages; its pages keep their own ``lang``.

Babel loads only when a book in another language than English is rendered, never when ebookify
is imported or a story is only read. English, the source language, needs no catalogue, and its
CLDR forms are Python's own: ``f"{n:,}"`` groups digits as CLDR's English does, and lists and
durations have one form each. Loading Babel and its English data cost every book ~40 ms, a
fifth of a short story's whole run; ``tests/test_labels.py`` holds the English forms to Babel's.

    labels(language) -> Labels
    Labels("Contents"), Labels("by {authors}", authors=…), .plural(…), .number(n), .names(…), .duration(m)
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache

from msgspec import Struct

from .metadata import primary_language, subtags
from .resources import read_asset

# Languages with a catalogue. English is the source language: its catalogue is the msgids themselves.
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru", "ja", "ko", "zh", "zh_Hant", "ar", "he", "fa", "hi",
             "sv", "da", "nb", "fi", "cs", "sk", "hu", "tr", "el", "uk", "vi", "id", "ro", "ca")
_SAME_CATALOGUE = {"no": "nb", "nn": "nb"}  # Norwegian: Bokmål's words serve Nynorsk books better than English


class Labels(Struct, frozen=True):
    """The book's own words for its fixed labels (Contents, Chapter, Author's Note), by language."""

    locale: str  # a Babel locale name ("fr", "pt", "zh"): the catalogue's language
    translations: gettext.NullTranslations

    def __call__(self, message: str, **values: object) -> str:
        """``message`` in the book's language, with ``{name}`` fields filled in."""
        text = self.translations.gettext(message)
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, count: int, **values: object) -> str:
        """The form for ``count`` ("1 word", "5 słów", "22 słowa"), with ``{count}`` as the language writes it."""
        return self.translations.ngettext(singular, plural, count).format(count=self.number(count), **values)

    def number(self, value: int) -> str:
        if self.locale == "en":
            return f"{value:,}"
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.locale)

    def names(self, names: tuple[str, ...]) -> str:
        """"A, B, and C" in English, "A, B et C" in French, "A、B、C" in Japanese."""
        if self.locale == "en" or not names:
            return " and ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])}, and {names[-1]}"
        from babel.lists import format_list

        return format_list(list(names), locale=self.locale)

    def duration(self, minutes: int) -> str:
        """"5 minutes", "2 hours", "4 heures": minutes up to 89, then whole hours (never "3 days":
        a reading time is counted in hours however long the book)."""
        unit, value = ("minute", minutes) if minutes < 90 else ("hour", round(minutes / 60))
        if self.locale == "en":
            return f"{self.number(value)} {unit}{'s' if value != 1 else ''}"
        from babel.units import format_unit

        text = format_unit(value, f"duration-{unit}", length="long", locale=self.locale)
        return text.replace(" ", "") if self.locale in ("ja", "zh_Hant") else text  # CLDR's "4 時間", "75 分鐘": no space there


def catalogue_for(language: str) -> str:
    """The catalogue a BCP 47 tag uses: "pt-BR" → "pt", "zh-TW" → "zh_Hant"; "" for none."""
    primary = _SAME_CATALOGUE.get(primary_language(language), primary_language(language))
    if primary == "zh" and _TRADITIONAL.intersection(subtags(language)[1:]):
        return "zh_Hant"  # Taiwan's, Hong Kong's, Macau's Chinese: in traditional characters
    return primary if primary in LANGUAGES else ""


_TRADITIONAL = frozenset(("hant", "tw", "hk", "mo"))


@lru_cache(maxsize=None)
def labels(language: str) -> Labels:
    locale = catalogue_for(language) or "en"
    if locale == "en":
        return Labels("en", gettext.NullTranslations())
    return Labels(locale, _translations(locale))


def _translations(locale: str) -> gettext.GNUTranslations:
    """The ``.po`` catalogue compiled to ``.mo`` in memory (Babel's ``read_po``/``write_mo``)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalogue = read_po(io.BytesIO(read_asset(f"locales/{locale}.po")), locale=locale)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)
