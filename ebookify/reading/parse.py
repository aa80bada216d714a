"""Plain text to a story. The grammar ebookify accepts, read top to bottom:

    file          = [gutenberg-header] [front-matter] body [gutenberg-footer]
    gutenberg     = everything before "*** START OF THE PROJECT GUTENBERG EBOOK …" (which may wrap
                    onto two lines) or "*END*THE SMALL PRINT!", and after "*** END OF …": kept as a
                    licence section at the back; its Title:, Author:, Language: lines are metadata
    front-matter  = [yaml] [title "by" author] { label-line | labelled-block }          (frontmatter.py)
    yaml          = "---" LF yaml-mapping LF "---"
    label-line    = LABEL ":" value                      Title: / Author: / Rating: / Tags: / Words: …
    labelled-block= LABEL [":"] LF lines                 Description / Summary / Author's Notes / A/N
    body          = { part | chapter-heading | scene-break | block-quote | code | paragraph }
    chapter-heading = "Chapter 12" | "Chapter 12: Title" | "CHAPTER XII." | "Ch. 12" | "~Chapter 3~"
                    | "Chapter Twelve - Title" | "#… Chapter 1" | "#… Any title" | "Prologue" | "Epilogue"
                    | "Interlude" | "Omake" | "Side Story" | "Afterword" | "IV." | "12" | "1. TITLE"
                    (and Chapitre, Kapitel, Capítulo, Capitolo, Глава, Hoofdstuk…)            (headings.py)
                    | "Letter 4" | "STAVE I" | "Canto II" | "ADVENTURE I. TITLE" | "Erstes Kapitel" | "Day 12"
                    | "Chapter 12.5" | "Chapter 3a" | a date line in a family ("Monday 3 March")  (families.py)
                    | a line the file's own contents list names ("HOW THE WHALE GOT HIS THROAT") (contents.py)
                    | a numeral with its title below it, after a rule, wrapped ("I" / "---" / "LE GUN-CLUB")
    part          = "Part Two" | "Book One" | "Book the First" | "ACT II" | a heading followed directly
                    by another kind of heading | a heading of a paged contents list ("OP ZEE." over
                    its page-numbered sketches), in the text or only in the list      (contents.py)
    front matter  = what stands before a "Chapter 1", a "Prologue", a part or a listed title (title
                    page, contents list, preface): kept, shown before the story, not a chapter (matter.py)
    back matter   = NOTES / INDEX / ERRATA / Transcriber's Notes after the last chapter
    scene-break   = *** | * * * | ~~~ | ----- | # | oOo | xXx | -x-x-x- | ~*~ | x | 3+ blank lines
    block-quote   = lines starting with ">"                                                  (blocks.py)
    code          = lines between ``` fences, kept as typed
    paragraph     = a line, or hard-wrapped lines joined; short deliberate lines keep their breaks
    inline        = *em* | _em_ | **strong** | __strong__ | ~~strike~~ | 𝘱𝘴𝘦𝘶𝘥𝘰-𝘪𝘵𝘢𝘭𝘪𝘤     (inline.py)
                    | 漢字《かんじ》 (ruby, in an Aozora Bunko text, whose legend, ［＃…］ notes and 底本
                    colophon are read before anything else)                                   (aozora.py)

Which candidate lines really are headings is decided in outline.py, from every signal the file
gives (contents list, keywords, families); which notes belong to which chapter in structure.py. Nothing is dropped: a line that fits no rule is story text, and a file whose
body would be empty is read again as all body, so any text with words gives a book.
"""

from __future__ import annotations

from msgspec import Struct
from msgspec.structs import replace

from .aozora import is_aozora, read_aozora
from .blocks import LINE_BY_LINE, read_layout, to_blocks
from .dialects import as_shown
from ..errors import ParseError
from .footnotes import link_footnotes
from .frontmatter import joined_pages, read_front_matter
from .gutenberg import split_gutenberg
from .headings import is_keyword
from .matter import EDITION_TITLE
from .pages import LIBRARY_FOOTER_TITLE, SCAN_NOTICE_TITLE, library_footer, scan_notice, without_page_furniture
from .sites import read_export, stated_chapters, without_update_stamps
from ..model import Chapter, Footnote, Metadata, Note, Paragraph, Section, Text, has_text
from ..options import Settings
from ..metadata import language_code
from ..patterns import lazy
from .structure import build_chapters
from .titlecase import name_case, title_case, without_closing_stop
from .titlepage import read_title_page

LICENCE_TITLE = "Project Gutenberg Licence"
FRONT_TITLE = "Front Matter"  # the same in a file that is not from a printed edition


class Parsed(Struct, frozen=True):
    """What the text itself says; the pipeline merges it with flags and defaults."""

    metadata: Metadata
    front_notes: tuple[Note, ...]
    chapters: tuple[Chapter, ...]
    back_matter: tuple[Section, ...] = ()
    trace: tuple[tuple[int, str], ...] = ()  # (1-based line, what was found there), for --debug-structure
    front_matter: tuple[Section, ...] = ()  # the edition's own opening: title page, contents, preface
    footnotes: tuple[Footnote, ...] = ()


def parse(text: str, settings: Settings = Settings()) -> Parsed:
    if settings.markdown:
        from .rawhtml import without_html  # the HTML tokenizer loads only for a Markdown story

        text = without_html(as_shown(text))
    lines = [line.expandtabs(4).rstrip() for line in text.split("\n")]
    if not any(line.strip() for line in lines):
        raise ParseError("the file is empty: there is no story to convert")
    lines, origin, paged = without_page_furniture(lines)  # a PDF's or a scan's text: its pages' heads and numbers
    lines, stamped = without_update_stamps(lines) if "更新时间" in text else (lines, [])  # a Chinese site's
    if paged and settings.paragraphs == "auto":  # and its lines are the page's: wrapped
        settings = replace(settings, paragraphs="wrapped")
    paged += [(origin[i], what) for i, what in stamped]
    if settings.markdown and settings.front_matter:
        lines = joined_pages(lines)
    fields: dict = {}
    back_matter: tuple[Section, ...] = ()
    if "［＃" in text and is_aozora(lines):  # Aozora Bunko: its legend and colophon are the edition's page
        lines, edition = read_aozora(lines)
        back_matter = (Section(EDITION_TITLE, tuple(to_blocks(edition, LINE_BY_LINE))),) if edition else ()
    body, offset = lines, 0
    notice = scan_notice(lines) if settings.gutenberg else 0  # Google's notice atop a book it scanned
    if notice:
        back_matter = (Section(SCAN_NOTICE_TITLE, tuple(to_blocks(lines[:notice], read_layout(lines[:notice]))), "en"),)
        lines = [""] * notice + lines[notice:]  # the lines keep their numbers
        body = lines
    footer = library_footer(lines) if settings.gutenberg else None  # a library's closing page, as Gutenberg's licence
    if footer is not None:
        rule, text = footer
        back_matter += (Section(LIBRARY_FOOTER_TITLE, tuple(to_blocks(lines[text:], read_layout(lines[text:]))), "pl"),)
        lines = lines[:rule] + [""] * (len(lines) - rule)  # the lines keep their numbers
        body = lines
    gutenberg = split_gutenberg(lines) if settings.gutenberg else None
    if gutenberg:
        fields, body, offset = dict(gutenberg.fields), gutenberg.body, gutenberg.body_start
        licence = gutenberg.header + [""] + gutenberg.footer
        back_matter = (Section(LICENCE_TITLE, tuple(to_blocks(licence, read_layout(licence))), "en"),)
    found, notes, start, trace = read_front_matter(body, edition=gutenberg is not None) if settings.front_matter else ({}, [], 0, [])
    for key, value in found.items():
        fields.setdefault(key, value)
    if fields.get("title") and "{{" in "".join(body[start:start + _TEMPLATE_REACH]):
        body = [_FRONT_MATTER_TITLE.sub(fields["title"], line) for line in body]  # "# {{ $frontmatter.title }}"
    if settings.front_matter and not (fields.get("title") and fields.get("authors") and not _surname_only(fields["authors"])):
        page, page_trace = read_title_page(body, start, fields.get("title", ""))
        if _fuller(page, fields):  # an old etext's "House of Seven Gables by Hawthorne", the page's whole names
            fields["authors"] = page["authors"]
            if len(page["title"]) > len(fields.get("title", "")):
                fields["title"] = page["title"]
        for key, value in page.items():
            fields.setdefault(key, value)
        trace += page_trace
    fields = _in_normal_case(fields)
    export = read_export(body, start) if settings.front_matter else None  # FanFicFare's contents and titles
    given = None
    if export:
        body, trace = export.lines, trace + export.trace
        given = {line - start: heading for line, heading in export.headings.items()}
    structure = build_chapters(body[start:], settings, offset + start, given, stated_chapters(body[:start]),
                               edition=gutenberg is not None, above=body[:start])
    if not any(has_text(c.blocks) for c in structure.chapters):  # all "front matter": read it as story,
        fields = {k: v for k, v in fields.items() if k in ("title", "authors", "language")}  # named still
        notes, trace = [], []
        structure = build_chapters(lines, settings)
    chapters, chapter_trace = structure.chapters, structure.trace
    front_matter = (Section(EDITION_TITLE if gutenberg else FRONT_TITLE, structure.front),) if structure.front else ()
    back_matter = structure.back + back_matter
    if not any(has_text(c.blocks) for c in chapters):  # only dividers: the whole file as it is, once
        chapters = [Chapter(1, tuple(Paragraph((Text(" ".join(ln.split())),)) for ln in lines if ln.strip()))]
        front_matter, back_matter, notes = (), (), []
    events = [(offset + i, what) for i, what in trace] + chapter_trace
    events = sorted(paged + [(origin[i] if i < len(origin) else i, what) for i, what in events])  # the file's lines
    front_matter, chapters, back_matter, footnotes = _with_footnotes(front_matter, chapters, back_matter)
    named = _named_before_each(chapters)
    if named and fields.get("title", named).casefold() == named.casefold():  # "Hope - Paris", "Hope - Normandy"
        fields.setdefault("title", named)
        chapters = [replace(c, title=c.title[len(named):].lstrip(" :：-–—")) for c in chapters]
        events.insert(0, (0, f"title: the name every chapter's title opens with: {named}"))
    return Parsed(
        Metadata(**fields),
        tuple(notes),
        tuple(chapters),
        back_matter,
        tuple((line + 1, what) for line, what in events),
        front_matter,
        footnotes,
    )


def _named_before_each(chapters: list[Chapter]) -> str:
    """ "おふとん物語：あたまの中の夜会", "おふとん物語：熱を帯びた夜のあくむ", …: the story's name, the same
    before every chapter's own title (three at least), never a heading's word ("Interlude: …")."""
    if len(chapters) < 3 or not all(c.title for c in chapters):
        return ""
    found = {m["name"] if m else "" for m in (_NAMED.match(c.title) for c in chapters)}
    named = found.pop() if len(found) == 1 else ""
    return named if named and not is_keyword(named.split()[0]) else ""


_NAMED = lazy(r"^(?P<name>[^:：\-–—]{1,60}?)\s*(?:[:：]|\s[-–—]\s)\s*\S")


def _surname_only(authors: tuple[str, ...]) -> bool:
    return len(authors) == 1 and len(authors[0].split()) == 1


def _fuller(page: dict, fields: dict) -> bool:
    """Does the book's own title page name the header's author more fully ("NATHANIEL HAWTHORNE"
    where the header said "House of Seven Gables" by "Hawthorne"; "AMBROSE BIERCE" under "The
    Devil's Dictionary by Bierce")? Its title, if longer, is the fuller one too."""
    named, surname = page.get("authors", ()), (fields.get("authors") or ("",))[0]
    return bool(page.get("title") and named and _surname_only(fields.get("authors", ()))) \
        and named[0].split()[-1].casefold() == surname.casefold() and len(named[0].split()) > 1


# A static site's page (VitePress, Vue) shows its front matter's title where it writes this.
_FRONT_MATTER_TITLE = lazy(r"\{\{\s*\$?frontmatter\.title\s*\}\}")
_TEMPLATE_REACH = 40  # lines: the page's heading is at its top


def _with_footnotes(front: tuple[Section, ...], chapters, back: tuple[Section, ...]):
    """Marks made links and the notes they call taken out (footnotes.py), in every page of text
    but the Project Gutenberg licence, whose clauses are numbered "[1]", "[2]"."""
    licence = tuple(s for s in back if s.title == LICENCE_TITLE)
    back = tuple(s for s in back if s.title != LICENCE_TITLE)
    units = [s.blocks for s in front] + [c.blocks for c in chapters] + [s.blocks for s in back]
    first = len(front)
    done = link_footnotes(units, {first + i: (c.label, c.title) for i, c in enumerate(chapters)})
    if not done.footnotes:
        return front, chapters, back + licence, ()
    linked = [_counted(replace(c, blocks=done.units[first + i], label=done.titles[first + i][0],
                               title=done.titles[first + i][1],  # the notes keep their places
                               notes=tuple(replace(n, at=done.moved(first + i, n.at)) for n in c.notes)), c)
              for i, c in enumerate(chapters)]
    if not any(has_text(c.blocks) for c in linked):  # a text that is all notes stays as typed
        return front, chapters, back + licence, ()
    front = tuple(replace(s, blocks=b) for s, b in zip(front, done.units))
    back = tuple(replace(s, blocks=b) for s, b in zip(back, done.units[first + len(chapters):]))
    return front, linked, back + licence, done.footnotes


def _counted(chapter: Chapter, before: Chapter) -> Chapter:
    """A chapter whose blocks no footnote changed keeps the word count it had: a long book's
    chapters are counted once (counting again cost a twentieth of its conversion)."""
    return chapter.counted_as(before) if chapter.blocks == before.blocks else chapter


def _in_normal_case(fields: dict) -> dict:
    """A title or a name written in capitals is shown in the case a library uses (titlecase.py),
    without the full stop an old title page set after it ("PAN TADEUSZ." is Pan Tadeusz)."""
    language = language_code(str(fields.get("language", "")))
    if fields.get("title"):
        title = without_closing_stop(fields["title"])
        fields["title"] = title_case(title, language or _script_language(title))
    if fields.get("authors"):
        fields["authors"] = tuple(name_case(name) for name in fields["authors"])
    return fields


def _script_language(text: str) -> str:
    """Before the language is detected, Cyrillic capitals at least are not English."""
    return "ru" if any("\u0400" <= c <= "\u04ff" for c in text) else ""
