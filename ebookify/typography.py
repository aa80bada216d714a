"""Typewriter text to typeset text: quotes, apostrophes, dashes, ellipses and spaces, per language.

    typeset(book, quotes=None) -> Book                  the whole book, in the book's language
    smarten(text, language="en", quotes=None) -> str    one run of text, such as a title

Rules run on the model's text, never on markup, so nothing here can break a tag or an entity.
A paragraph's text nodes (inside and outside emphasis) are read together: quote directions are
decided over the whole paragraph, looking through emphasis boundaries, so a quote opened before
an emphasis and closed inside it pairs up, and "*Tom*'s" has an apostrophe. Other replacements
apply inside one text node, never across two; at a boundary they see something that is neither
space nor letter ("*never*--and" glues the dash to "never"). Each paragraph starts afresh;
already curly quotes stay as typed; typesetting twice changes nothing.

Quote marks follow the book's language or the ``quotes`` override, one of ``QUOTE_STYLES``:

    "en"             “double” ‘single’     English, and any language not listed below
    "fr"             « double » “single”   with narrow no-break spaces inside the guillemets
    "de"             „double“ ‚single‘     German (de, de-AT), Czech, Slovak, Slovene
    "de-guillemets"  »double« ›single‹     German books set with guillemets
    "guillemets"     «double» “single”     Spanish, Italian, Russian, Ukrainian, Catalan, Greek,
                                           Norwegian, Swiss German, European Portuguese
    "pl"             „double” «single»     Polish, Romanian, Croatian, Bosnian
    "hu"             „double” »single«     Hungarian
    "sv"             ”double” ’single’     Swedish, Finnish
    "corner"         「double」『single』     Japanese, traditional Chinese (zh-Hant, zh-TW, zh-HK);
                                           simplified Chinese (zh, zh-CN) uses “double” as GB/T 15834 does

Danish takes "de-guillemets" (»double« ›single‹). In "corner" text words have no spaces between
them (the same holds for simplified Chinese with curly quotes, and Thai), so a straight quote
there closes what is open and otherwise opens.

The override changes the marks only; dashes and spaces always follow the book's language.
See ``quotes.py`` for how a straight quote's direction is decided.

Invisible characters, and why these: a no-break space (U+00A0) replaces a space that is already
there ("Mr. Smith", "mot – mot"), so nothing moves even in a reader that ignores it. A closed-up
em dash has no space to replace; reading systems may break a line before it (Unicode line
breaking allows it), so a word joiner (U+2060) glues it to the word before, as Standard Ebooks
does, but only after a character that allows the break (not after a quotation mark, a bracket or
another dash). U+2060 is default-ignorable: EPUBCheck accepts it and MuPDF draws the same pixels
with or without it (checked with this project's fonts). Titles and the blurb get none: they also
go into the package metadata, the NCX and onto the cover, where some older readers draw a box.

Speed: the whole book is typeset as one string (see "The typesetter" below), so each rule runs
once per book, and patterns start with a literal (lookbehinds come after it) so the regex engine
skips ahead to it: 5 MB take about 0.3 s.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import Callable, TypeVar, Union

from msgspec import Struct
from msgspec.structs import replace

from .metadata import primary_language
from .model import BlockQuote, Book, Chapter, Emphasis, Inline, ListBlock, Note, NoteRef, Paragraph, Ruby, Strike, Strong, Subheading, Text
from .quotes import NNBSP, QUOTE_STYLES, STYLES, UNSPACED, QuoteStyle, quote_edits, style_for_language
from .patterns import lazy

T = TypeVar("T")

__all__ = ["QUOTE_STYLES", "smarten", "typeset"]

NBSP = "\u00a0"
WJ = "\u2060"  # word joiner: no break here, and nothing drawn


class Rule(Struct, frozen=True):
    """Replace ``pattern`` with ``replacement``; if there are ``needs``, only in text with one of them.

    A pattern that starts with a literal needs no needs: the regex engine finds that literal as
    fast as ``in`` would. Patterns that start with a space or a class of characters are slow to
    scan, so they name the strings without which they cannot match.
    """

    needs: tuple[str, ...]
    pattern: re.Pattern
    replacement: Union[str, Callable[[re.Match], str]]


def _rule(pattern: str, replacement, needs: tuple[str, ...] = ()) -> Rule:
    return Rule(needs, lazy(pattern), replacement)


# Spaces ------------------------------------------------------------------------------------
# Readers collapse runs of ordinary spaces anyway, but not a space beside a no-break space: that
# would show as a double gap. These run first, so the rules below meet one space, and last, to
# tidy what they left. A run with a no-break space keeps one, the narrowest in it.


def _one_space(match: re.Match) -> str:
    return NNBSP if NNBSP in match.group() else NBSP


SPACES = (
    _rule(r"\t", " "),
    _rule(r"  +", " ", needs=("  ",)),
    _rule(r"\u00a0[ \u00a0\u202f]+|\u202f[ \u00a0\u202f]+", _one_space),
    _rule(r" +[\u00a0\u202f][ \u00a0\u202f]*", _one_space, needs=(" \u00a0", " \u202f")),
)

# Dashes -----------------------------------------------------------------------------------
# A hyphen, en or em dash with spaces on both sides is a dash between words, not a hyphen.
# English closes the em dash up; most other languages space an en dash (fr, de, it, nl, pl…);
# Russian, Ukrainian, Bulgarian, Spanish and Portuguese space an em dash (тире, raya, travessão).
# The space before a spaced dash becomes a no-break space so the dash never starts a line.
# Narrow spaces do not count: French rules put them beside signs and guillemets, after a dash too.
_EM_DASH_LANGUAGES = frozenset(("ru", "uk", "be", "bg", "es", "pt", "ca", "gl"))
_WORD_END = r"[^\s\-–—]"  # what may stand on either side of a spaced dash: not a space, not another dash


def _spaced_dashes(dash: str) -> tuple[Rule, ...]:
    def replace_dash(match: re.Match) -> str:
        before, after = match.groups()
        typed = match.group()[1:-1]
        if before.isdigit() and after.isdigit():
            return match.group()  # arithmetic ("5 - 3"), not a dash
        if not dash:
            return "—"  # English: closed up
        return f"{NBSP}{dash if typed.startswith('-') else typed} "

    def rule(space: str, typed: str) -> Rule:  # " -" starts the pattern; "--" and "---" are typed dashes too
        more = "-{0,2}" if typed == "-" else ""
        return _rule(rf"{space}{typed}(?<=({_WORD_END}){space}{typed}){more}[ \u00a0](?=({_WORD_END}))", replace_dash)

    return tuple(rule(space, typed) for space in " \u00a0" for typed in "-–—")


def _number_range(match: re.Match) -> str:
    """An en dash if the number before the hyphen starts a word (not 978-3-16, not M-16)."""
    text, i = match.string, match.start() - 1
    while i >= 0 and text[i].isdecimal():
        i -= 1
    return "-" if i >= 0 and _WORDISH.match(text, i) else "–"


_WORDISH = lazy(r"[\w-]")


# Where speech opens with a dash, people without the key type "- Да, конечно, - сказал он": the
# opening hyphen (or two) at a paragraph's or a line's start is the dialogue dash, an em dash in
# most such languages, an en dash in the Nordic ones and Hungarian. A space typed after it stays;
# "-Hola" stays closed up, as Spanish sets it. A hyphen before a number is a minus ("-5 градусов").
_DIALOGUE_DASH = {**dict.fromkeys(("ru", "uk", "be", "bg", "es", "pt", "ca", "gl", "fr", "it", "pl", "el", "ro", "sr",
                                   "hr", "bs", "sl", "mk", "lt", "lv", "et"), "—"),
                  **dict.fromkeys(("sv", "fi", "hu", "da", "nb", "nn", "no"), "–")}
_OPENING_DASH = r"-(?<![^\u2029\u2028\x1c-\x1f\n]-)-?(?!-)(?P<space>[ \u00a0]?)(?=[^\W\d_]|[¿¡«‹\"'“‘„‚])"


def _opening_dash(dash: str) -> tuple[Rule, ...]:
    return (_rule(_OPENING_DASH, lambda match: dash + match["space"]),)


def dash_rules(language: str) -> tuple[Rule, ...]:
    primary = primary_language(language)
    dash = "" if primary == "en" else "—" if primary in _EM_DASH_LANGUAGES else "–"
    opening = _opening_dash(_DIALOGUE_DASH[primary]) if primary in _DIALOGUE_DASH else ()
    return opening + _spaced_dashes(dash) + (
        # Two or three hyphens are a typewriter em dash; four or more are a drawn line, kept.
        _rule(r"--(?<!---)-?(?!-)", "—"),
        # A hyphen between two numbers is a range (1990-1995, pages 10-20): an en dash. A longer
        # chain (a date, an ISBN, 978-3-16) or a number glued to letters (M-16) is left alone.
        _rule(r"-(?<=\d-)(?=\d+(?![\w-]))", _number_range),
    )


# Em dashes stay with the word before them (see the module docstring on U+2060), but only where
# a line could break before the dash: Unicode line breaking (UAX #14) already forbids a break
# after a quotation mark (LB19), an opening bracket (LB14) or another dash (LB17).
WORD_JOINER = (_rule(rf"—(?<=[^\s{WJ}'\"“”‘’«»‹›„‚(\[{{—–\-]—)", WJ + "—"),)

# Ellipses ---------------------------------------------------------------------------------
ELLIPSES = (
    # Three dots, typed close or spaced, are one character that spaces and breaks correctly.
    # Four are a full stop and an ellipsis (Chicago 13.51); five or more are a row of dots, kept.
    _rule(r"\.\.\.\.(?<![.…]\.\.\.\.)(?![.…])", ".…"),
    _rule(r"\.\.\.(?<![.…]\.\.\.)(?![.…])", "…"),
    _rule(r"\. \. \.(?<![.…]\. \. \.)(?<![.…][ \u00a0]\. \. \.)(?![.…]|[ \u00a0][.…])", "…"),
    # An ellipsis that ends a word's thought ("Well ...") stays on that word's line.
    _rule(r" …(?<=\S …)(?![^\W_])", NBSP + "…"),
)

_IN_PARAGRAPH = "[^`\n\u2029\u2028\x1c-\x1f]"  # (the paragraphs of a book are joined by one of those)
# AsciiDoc's curved quotes, typed as a quote and a backtick, closed the other way round ("`the
# many`", '`the few`'): the quote alone, which the language's marks then replace like any other.
# ("`Wait at Dover.' in an old etext is a double quote, then a single one the backtick opens.)
ASCIIDOC_QUOTES = (
    _rule(rf"\"`(?=[^\s`]{_IN_PARAGRAPH}*?`\")", '"', needs=('"`',)), _rule(r"`\"(?<=\S`\")", '"', needs=('`"',)),
    _rule(rf"'`(?=[^\s`]{_IN_PARAGRAPH}*?`')", "'", needs=("'`",)), _rule(r"`'(?<=\S`')", "'", needs=("`'",)),
)

# Old English etexts open a quote with a grave accent, as typewriters had no opening mark:
# ``Yes,'' and `To college?' (TeX's sources the same). A backtick that a closing straight quote
# answers in the same paragraph, with no backtick between (a Markdown code span has one), opens
# it. (German typewriter texts pair it with an acute accent instead, `Was?´: left as typed.)
BACKTICK_QUOTES = (
    _rule(rf"``(?=[^\s`])({_IN_PARAGRAPH}*?[^\s'`])''(?!')", r"“\1”", needs=("``",)),
    _rule(rf"`(?=[^\s`]{_IN_PARAGRAPH}*?'(?!\w))", "‘", needs=("`",)),
)

# Per language -----------------------------------------------------------------------------


def _title(word: str, point: str) -> Rule:
    """A no-break space after a title that starts a word and comes before a name."""
    first, rest = word[0], word[1:] + point
    name = r"[^\W\d_]" if point else "[A-Z]"  # without a point, only before a capital: "Dr Who"
    return _rule(rf"{first}(?<!\w{first}){re.escape(rest)} (?={name})", f"{word}{point}{NBSP}")


# English: a title and the name it belongs to stay on one line (Mr. Smith, St. Ives, Dr Who).
ENGLISH = tuple(_title(word, ".") for word in ("Mr", "Mrs", "Ms", "Mx", "Dr", "St", "Prof")) + tuple(
    _title(word, "") for word in ("Mr", "Mrs", "Ms", "Mx", "Dr"))

# French: a narrow no-break space before ! ? ; and a no-break space before : in place of the
# writer's space, or where there was none, so the sign never starts a line; not in 12:30 or
# http://, not after a dash (the new space would make it a spaced dash next time), nor in "?!".
_AFTER_WORD = r"[^\s!?;:(\[«“‘\-–—]"


def _french_sign(sign: str, space: str) -> tuple[Rule, ...]:
    typed_space = " \u00a0\u202f".replace(space, "")  # the spaces the writer may have put instead
    return tuple(
        _rule(rf"{prefix}{re.escape(sign)}(?<={_AFTER_WORD}{prefix}{re.escape(sign)})(?![\w/])", space + sign)
        for prefix in ("", *typed_space)
    )


FRENCH = tuple(rule for sign in "!?;" for rule in _french_sign(sign, NNBSP)) + _french_sign(":", NBSP)

# French quotes: a narrow no-break space inside each guillemet, in place of the writer's space.
FRENCH_GUILLEMETS = (
    _rule(r"«[ \u00a0]?(?=\S)", "«" + NNBSP),
    _rule(r"»(?<=\S»)", NNBSP + "»"),
    *(_rule(rf"{space}»(?<=\S{space}»)", NNBSP + "»") for space in " \u00a0"),
)


# The typesetter ---------------------------------------------------------------------------
# All paragraphs are typeset together, as one string: each rule runs once over the whole book.
# A paragraph ends at a separator, a whitespace character that rules treat like the end of the
# text; inside a paragraph a cut marks where one text node ends and the next begins (emphasis,
# a line break). No pattern takes up a cut, so no replacement spans two text nodes; a rule that
# looks past one sees a character that is neither space nor letter, while quote decisions look
# through it. Both characters are ones the book does not contain.
_SEPARATORS = "\u2029\u2028\x1c\x1d\x1e\x1f"  # whitespace to Python's re
_CUTS = "".join(map(chr, range(0xFDD0, 0xFDF0))) + "".join(map(chr, range(0xE000, 0xF900)))  # non-, private characters
_CONTAINERS = (Emphasis, Strong, Strike, Ruby)


class Typesetter(Struct, frozen=True):
    """Everything decided once per book: the rules before quotes, the quote style, the rules after."""

    before_quotes: tuple[Rule, ...]
    style: QuoteStyle
    after_quotes: tuple[Rule, ...]
    unspaced: bool = False  # words without spaces between them (Japanese, Chinese): quotes alternate

    def paragraphs(self, paragraphs: list[tuple[Inline, ...]]) -> list[tuple[Inline, ...]]:
        """Each paragraph's inlines, typeset: the same shape, with new text."""
        segments = [_segments(inlines) for inlines in paragraphs]
        everything = "".join(map("".join, segments))
        separator = next((c for c in _SEPARATORS if c not in everything), None)
        cut = next((c for c in _CUTS if c not in everything), None)
        if cut is None:  # the book uses every candidate (never in practice): each text node alone
            pieces = iter(self.texts([s for paragraph in segments for s in paragraph], separator))
            return [_refill(inlines, pieces) for inlines in paragraphs]
        texts = self.texts([cut.join(paragraph) for paragraph in segments], separator, cut)
        return [_refill(inlines, iter(text.split(cut))) for inlines, text in zip(paragraphs, texts)]

    def texts(self, texts: list[str], separator: str | None, cut: str = "") -> list[str]:
        if separator is None:  # no separator is free: one paragraph at a time
            return [self.texts([text], "", cut)[0] for text in texts]
        joined = separator.join(texts)
        for rule in self.before_quotes:
            joined = _run(rule, joined)
        if "'" in joined or '"' in joined:
            joined = _replace_at(joined, quote_edits(joined, self.style, separator, cut, self.unspaced))
        for rule in self.after_quotes:
            joined = _run(rule, joined)
        return joined.split(separator) if separator else [joined]


def _run(rule: Rule, text: str) -> str:
    if rule.needs and not any(need in text for need in rule.needs):
        return text
    return rule.pattern.sub(rule.replacement, text)


def _replace_at(text: str, edits: list[tuple[int, str]]) -> str:
    """``text`` with the one character at each position replaced."""
    pieces, position = [], 0
    for i, new in edits:
        pieces += (text[position:i], new)
        position = i + 1
    return "".join(pieces) + text[position:]


def _segments(inlines: tuple[Inline, ...]) -> list[str]:
    """The texts of a paragraph's text nodes, in order, with "\n" for a line break."""
    if len(inlines) == 1 and type(inlines[0]) is Text:
        return [inlines[0].text]
    out: list[str] = []
    for inline in inlines:
        if isinstance(inline, Text):
            out.append(inline.text)
        elif isinstance(inline, _CONTAINERS):
            out.extend(_segments(inline.children))
        else:  # a footnote's mark is looked through ('"word[1]"' closes its quote), a line break is a space
            out.append("" if isinstance(inline, NoteRef) else "\n")
    return out


def _refill(inlines: tuple[Inline, ...], pieces) -> tuple[Inline, ...]:
    """``inlines`` with each text node's text replaced by the next of ``pieces``."""
    out: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Text):
            out.append(Text(next(pieces)))
        elif isinstance(inline, _CONTAINERS):
            out.append(replace(inline, children=_refill(inline.children, pieces)))
        else:
            next(pieces)  # the "\n" (or "") that stood for it
            out.append(inline)
    return tuple(out)


@lru_cache(maxsize=None)
def typesetter(language: str, quotes: str | None = None) -> Typesetter:
    if quotes is not None and quotes not in STYLES:
        raise ValueError(f"unknown quote style {quotes!r}: use one of {', '.join(QUOTE_STYLES)}")
    style = quotes or style_for_language(language)
    primary = primary_language(language)
    before = SPACES + ASCIIDOC_QUOTES + (BACKTICK_QUOTES if primary == "en" else ()) + dash_rules(language) + ELLIPSES + (
        ENGLISH if primary == "en" else ())
    after = (FRENCH_GUILLEMETS if style == "fr" else ()) + (FRENCH if primary == "fr" else ()) + WORD_JOINER + SPACES
    return Typesetter(before, STYLES[style], after, primary in UNSPACED)


# The book ---------------------------------------------------------------------------------


def typeset(book: Book, quotes: str | None = None) -> Book:
    """Typeset every paragraph, title and note of ``book`` in its language.

    ``quotes`` picks the quote marks instead of the language: one of ``QUOTE_STYLES``
    ("en", "fr", "de", "de-guillemets", "guillemets", "pl", "hu", "sv", "corner");
    anything else raises ``ValueError``.
    """
    own = primary_language(book.metadata.language)
    foreign = [s.language and primary_language(s.language) != own for s in book.back_matter]
    ours = replace(book, back_matter=tuple(s for s, other in zip(book.back_matter, foreign) if not other)) \
        if any(foreign) else book
    done = _typeset(typesetter(book.metadata.language, quotes), lambda p: _rebuild(ours, p))
    if ours is book:
        return done
    kept = iter(done.back_matter)  # a section in another language (an English licence) by its own rules
    return replace(done, back_matter=tuple(
        replace(s, blocks=_typeset(typesetter(s.language), partial(_blocks, s.blocks))) if other else next(kept)
        for s, other in zip(book.back_matter, foreign)))


def _typeset(t: Typesetter, walk: Callable[[Callable[[Paragraph], Paragraph]], T]) -> T:
    """What ``walk`` builds, with each paragraph it meets typeset by ``t``: the paragraphs are
    gathered on a first walk and set together, then the same walk meets them in the same order."""
    found: list[Paragraph] = []
    walk(lambda p: found.append(p) or p)
    done = iter(t.paragraphs([p.inlines for p in found]))
    return walk(lambda _: Paragraph(next(done)))


def smarten(text: str, language: str = "en", quotes: str | None = None) -> str:
    """Typeset one run of text, such as a title, as if it were a paragraph of its own."""
    return typesetter(language, quotes).paragraphs([(Text(text),)])[0][0].text


def _rebuild(book: Book, paragraph: Callable[[Paragraph], Paragraph]) -> Book:
    """The book with each paragraph (and each title, read as a paragraph) passed through ``paragraph``.

    Scene breaks and preformatted text stay as typed; book titles lose their word joiners.
    Chapter labels ("Chapter 3") are numbering, not prose, and are left alone.
    """

    line = partial(_line, paragraph)

    def described(p: Paragraph) -> Paragraph:  # the blurb is dc:description too: no invisible characters
        return Paragraph(_refill(p.inlines, iter(s.replace(WJ, "") for s in _segments(paragraph(p).inlines))))

    def blocks(items: tuple, paragraph=paragraph) -> tuple:
        return _blocks(items, paragraph)

    def note(n: Note) -> Note:
        return replace(n, blocks=blocks(n.blocks))

    def chapter(c: Chapter) -> Chapter:
        return replace(c, title=line(c.title), part=line(c.part), blocks=blocks(c.blocks),
                       notes=tuple(map(note, c.notes))).counted_as(c)

    meta = book.metadata
    return replace(
        book,
        metadata=replace(meta, title=line(meta.title), subtitle=line(meta.subtitle),
                         description=blocks(meta.description, described)),
        front_notes=tuple(map(note, book.front_notes)),
        chapters=tuple(map(chapter, book.chapters)),
        back_matter=tuple(replace(s, title=line(s.title), blocks=blocks(s.blocks)) for s in book.back_matter),
        front_matter=tuple(replace(s, title=line(s.title), blocks=blocks(s.blocks)) for s in book.front_matter),
        footnotes=tuple(replace(f, blocks=blocks(f.blocks)) for f in book.footnotes),
    )


def _line(paragraph: Callable[[Paragraph], Paragraph], text: str) -> str:
    """A title, set as a paragraph: titles reach the contents, the NCX and the package metadata."""
    return paragraph(Paragraph((Text(text),))).inlines[0].text.replace(WJ, "") if text else text


def _blocks(items: tuple, paragraph: Callable[[Paragraph], Paragraph]) -> tuple:
    return tuple(paragraph(b) if isinstance(b, Paragraph)
                 else BlockQuote(tuple(map(paragraph, b.paragraphs))) if isinstance(b, BlockQuote)
                 else Subheading(_line(paragraph, b.text)) if isinstance(b, Subheading)
                 else replace(b, items=tuple(paragraph(Paragraph(i)).inlines for i in b.items)) if isinstance(b, ListBlock)
                 else b for b in items)
