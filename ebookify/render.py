"""A finished ``Book`` to XHTML pages: cover, title page, contents, notes, parts, chapters, back matter.

Page skeletons are templates in ``assets/templates/``, filled by ``markup.fill``, which escapes
every value, so any text that looks like markup (``<script>``, ``&amp;``) reaches the reader as
the characters typed; the parts a page may or may not have are chosen here.
Render decides file names, reading order and the table of contents; ``package`` only packs.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from .reading.headings import heading_text
from .model import (COVER_IMAGE, NAV, STYLESHEET, Block, Book, Chapter, Note, Page, Paragraph, Placement, Rendition, Section,
                    TocEntry, USUAL_NOTE_LABELS, inline_text, paragraphs)
from .reading.titlecase import is_capitals, proper_names, title_case, title_words, without_closing_stop
from .markup import NOTES_PAGE, LinkHeading, NoteBox, blocks_html, fill, split_blocks
from .labels import Labels, labels
from .metadata import is_right_to_left, primary_language
from .patterns import lazy, may_be_cjk
from .resources import read_asset



def render(book: Book, with_cover: bool, notes: str = "inline") -> Rendition:
    """``notes``: author's notes of chapters stay in their chapter ("inline"), are gathered in an
    appendix with links back ("end"), or are left out ("omit")."""
    # The contents list the story (parts and chapters): the title page, notes and the edition's front
    # and back matter stand in the reading order and the landmarks, and a reader's contents menu
    # stays a list of chapters in any language.
    front: list[Page] = [_cover_page(book)] if with_cover else []
    front.append(_title_page(book))
    if book.front_notes and notes == "inline":  # "end" gathers them with the chapters' notes
        front.append(_notes_page(book))
    front.extend(_section_page(book, section, number, "front") for number, section in enumerate(book.front_matter, 1))
    body: list[Page] = []
    toc: list[TocEntry] = []
    parts = 0
    names = _names_in(book)
    for part, chapters in _by_part(book.chapters):
        pages = [page for chapter in chapters for page in _chapter_pages(book, chapter, notes, names)]
        entries = tuple(TocEntry(p.title, p.href) for p in pages if not p.continues)
        if part:
            parts += 1
            part_page = _part_page(book, part, parts)
            body.append(part_page)
            toc.append(TocEntry(part_heading(book, part, names), part_page.href, entries))
        else:
            toc.extend(entries)
        body.extend(pages)
    back = [_section_page(book, section, number) for number, section in enumerate(_back_matter(book, notes, names), 1)]
    if book.footnotes:
        back.insert(0, _notes_page_of_footnotes(book, front + body + back))
    contents_page = len(book.chapters) > 1  # worth a page in the reading order only with a choice to make
    pages = list(front)
    nav = _nav(book, pages + body, toc, contents_page)
    pages.insert(1 + with_cover, nav)
    return Rendition(tuple(pages + body + back), tuple(toc), read_asset(f"css/{STYLESHEET}"))


def chapter_heading(book: Book, chapter: Chapter, names: frozenset[str] = frozenset()) -> str:
    """How the chapter is named in the table of contents: a heading set in capitals reads in normal
    case there ("HOW THE WHALE GOT HIS THROAT" → "How the Whale Got His Throat"); its page keeps them.
    ``names`` are the words the book writes as names, which keep their capital ("Floride et Texas")."""
    if chapter.label or chapter.title:
        return _in_normal_case(book, chapter.label, chapter.title, names)
    if len(book.chapters) == 1:
        return book.metadata.title
    return _opening_words(book, chapter.blocks)


def part_heading(book: Book, part: str, names: frozenset[str] = frozenset()) -> str:
    """A part as the contents name it, read like a chapter's heading: "PART VI" → "Part VI" (the
    numeral kept, not the Italian word "vi"), "BOOK ONE: THE SEA" → "Book One: The Sea"."""
    label, _, title = part.partition(": ")
    return _in_normal_case(book, label, title, names)


def _in_normal_case(book: Book, label: str, title: str, names: frozenset[str]) -> str:
    """A heading's label and title as the contents show them, each cased in its own way, a title in
    capitals without an edition's closing full stop ("GRIMÖN." is "Grimön")."""
    language = book.metadata.language
    return heading_text(title_case(label, language, names, label=True),
                        title_case(without_closing_stop(title), language, names))


def _by_part(chapters: tuple[Chapter, ...]) -> list[tuple[str, list[Chapter]]]:
    groups: list[tuple[str, list[Chapter]]] = []
    for chapter in chapters:
        if groups and groups[-1][0] == chapter.part:
            groups[-1][1].append(chapter)
        else:
            groups.append((chapter.part, [chapter]))
    return groups


def _back_matter(book: Book, notes: str, names: frozenset[str] = frozenset()) -> list[Section]:
    sections = list(book.back_matter)
    if notes == "end":
        gathered = _gathered_notes(book, names)
        if gathered:
            sections.insert(0, Section("Author’s Notes", gathered))  # translated with the page
    return sections


def _gathered_notes(book: Book, names: frozenset[str]) -> tuple[Block, ...]:
    """The notes on the whole book first, then each chapter's notes under the chapter's name,
    linked back to the chapter: one page, so the contents name it once."""
    blocks: list[Block] = [block for note in book.front_notes for block in note.blocks]
    for chapter in book.chapters:
        if chapter.notes:
            blocks.append(LinkHeading(chapter_heading(book, chapter, names), _chapter_href(chapter)))
            blocks.extend(block for note in chapter.notes for block in note.blocks)
    return tuple(blocks)


# Pages ------------------------------------------------------------------------------------------


def _cover_page(book: Book) -> Page:
    meta, _ = book.metadata, _labels(book)
    alt = _("Cover: {title}, by {authors}", title=meta.title, authors=_.names(meta.authors)) if meta.authors \
        else _("Cover: {title}", title=meta.title)
    html = _page("cover.xhtml", book, _("Cover"), cover_href=COVER_IMAGE, alt=alt)
    return Page("cover.xhtml", _("Cover"), html, landmark="cover")


def _title_page(book: Book) -> Page:
    meta, _ = book.metadata, _labels(book)
    by = _("by {authors}").split("{authors}", 1) if meta.authors else ()  # no author: no byline at all
    facts = _facts(meta, _) + [(_("Length"), _length(book))]
    html = _page(
        "titlepage.xhtml", book, _("Title Page"), title=meta.title,
        subtitle=Markup('<p class="subtitle">%s</p>\n') % meta.subtitle if meta.subtitle else "",
        byline=Markup('<p class="byline">%s<span class="author">%s</span>%s</p>\n') % (by[0], _.names(meta.authors), by[1])
        if by else "",
        blurb=Markup('<section class="blurb" aria-label="%s">\n%s\n</section>\n') % (_("Description"), blocks_html(meta.description))
        if meta.description else "",
        facts=Markup('<dl class="facts">\n%s</dl>\n') % Markup("").join(
            Markup("<dt>%s</dt>\n<dd>%s</dd>\n") % fact for fact in facts) if facts else "",
    )
    return Page("titlepage.xhtml", _("Title Page"), html, landmark="titlepage")


_STATUS = {"complete": "Complete", "in-progress": "In progress"}


def _facts(meta, _: Labels) -> list[tuple[str, str]]:
    """The facts under the blurb, in the order fan-fiction archives list them: what the story
    belongs to, what to expect in it, then where it comes from and under which terms."""
    series = (_("{series}, book {number}", series=meta.series, number=meta.series_index)
              if meta.series and meta.series_index else meta.series)
    facts = [(_("Series"), series)]
    for singular, plural, values in (("Fandom", "Fandoms", meta.fandoms), ("Rating", "Rating", (meta.rating,)),
                                     ("Warning", "Warnings", meta.warnings),
                                     ("Relationship", "Relationships", meta.relationships),
                                     ("Character", "Characters", meta.characters), ("Tag", "Tags", meta.tags)):
        values = tuple(v for v in values if v)
        facts.append((_(singular if len(values) == 1 else plural), ", ".join(values)))
    facts.extend(meta.extra)
    status = _(_STATUS[meta.status]) if meta.status in _STATUS else meta.status
    facts += [(_("Status"), status), (_("Published"), meta.published), (_("Updated"), meta.updated),
              (_("Publisher"), meta.publisher), (_("Source"), meta.source_url), (_("Rights"), meta.rights)]
    return [(label, value) for label, value in facts if value]


# Words (in Chinese and Japanese, characters: model.word_count) read in a minute: IReST's adult
# averages (English 228 words, Chinese 255 and Japanese 357 characters) scaled to the usual 250.
_READING_SPEED = {"zh": 280, "ja": 390}


def _length(book: Book) -> str:
    """Words and reading time: what a reader weighs before starting."""
    _ = _labels(book)
    words = sum(chapter.words for chapter in book.chapters)
    minutes = max(1, round(words / _READING_SPEED.get(primary_language(book.metadata.language), 250)))
    return _("{words}, about {duration} to read", words=_.plural("{count} word", "{count} words", words),
             duration=_.duration(minutes))


def _notes_page(book: Book) -> Page:
    notes = book.front_notes
    title = _note_label(book, notes[0])
    return Page("notes.xhtml", title, _page("notes.xhtml", book, title, content=Markup("").join(
        fill("note.xhtml", number=number, label=_note_label(book, note), body=blocks_html(note.blocks),
             # several notes are several landmarks, and landmarks need names of their own (Ace: landmark-unique)
             naming=Markup('aria-label="%s (%d/%d)"') % (_note_label(book, note), number, len(notes)) if len(notes) > 1
             else Markup('aria-labelledby="note-%d-heading"') % number)
        for number, note in enumerate(notes, 1))))


def _note_label(book: Book, note: Note) -> str:
    """The usual labels in the book's language; a writer's own ("Chapter End Notes") as written."""
    return _labels(book)(note.label) if note.label in USUAL_NOTE_LABELS else note.label


def _notes_page_of_footnotes(book: Book, pages: list[Page]) -> Page:
    """The footnotes, numbered, each linking back to its first mark: a reader that shows notes
    as pop-ups shows these; any other follows the link here and back."""
    marks: dict[str, str] = {}
    for page in pages:
        for ref in _MARK_ID.findall(page.content):
            marks.setdefault(ref.decode(), page.href)
    items = []
    for note in book.footnotes:
        body = blocks_html(note.blocks)
        if note.key in marks and body.endswith("</p>"):
            back = Markup(' <a href="%s#noteref-%s" epub:type="backlink" role="doc-backlink">↩</a>') % (marks[note.key], note.key)
            body = Markup(body[:-4]) + back + Markup("</p>")
        items.append(Markup('<li id="note-%s" epub:type="endnote">\n%s\n</li>') % (note.key, body))
    title = _labels(book)("Notes")
    html = _page("section.xhtml", book, title, ' epub:type="backmatter"', anchor="endnotes", title=title, kind="endnotes",
                 role=Markup(' role="doc-endnotes"'), body=Markup("<ol>\n%s\n</ol>") % Markup("\n").join(items))
    return Page(NOTES_PAGE, title, html)


_MARK_ID = re.compile(rb'id="noteref-([\w-]+)"')


def _part_page(book: Book, part: str, number: int) -> Page:
    href = f"part-{number:02d}.xhtml"
    html = _page("part.xhtml", book, part, anchor=f"part-{number}", part=part)
    return Page(href, part, html)


def _names_in(book: Book) -> frozenset[str]:
    """The book's names, read only when a heading in capitals will be put in normal case."""
    asked = {word for c in book.chapters for text in (c.title, c.label, c.part) if is_capitals(text)
             for word in title_words(text)}
    if not asked:
        return frozenset()
    return proper_names((inline_text(p.inlines) for c in book.chapters for p in paragraphs(c.blocks)), frozenset(asked))


def _chapter_pages(book: Book, chapter: Chapter, notes: str, names: frozenset[str] = frozenset()) -> list[Page]:
    """One page per chapter, or several when it is long: older readers choke on big files."""
    heading = chapter_heading(book, chapter, names)
    untitled_opening = not (chapter.label or chapter.title) and len(book.chapters) > 1
    title = chapter.title or ("" if chapter.label or untitled_opening else heading)
    inline = notes == "inline"
    # A chapter of notes alone still has its page: its heading and its notes are words of the book.
    chunks = split_blocks(_with_notes_within(book, chapter) if inline else chapter.blocks, PAGE_TEXT_LIMIT) or [()]
    pages = []
    for index, blocks in enumerate(chunks):
        first, last = index == 0, index == len(chunks) - 1
        anchor = f"chapter-{chapter.number}" + (f"-{index + 1}" if index else "")
        html = _page(
            "chapter.xhtml",
            book,
            heading if first else f"{heading} ({index + 1})",
            anchor=anchor,
            kind=chapter.kind if chapter.kind in ("prologue", "epilogue") else "chapter",
            **_chapter_heading_html(anchor, chapter.label if first else "", title if first else "",
                                    heading if first else _labels(book)("{heading} (continued)", heading=heading)),
            body=blocks_html(blocks),
            notes_before=_notes_html(book, [n for n in chapter.notes if first and inline and n.placement is Placement.BEFORE]),
            notes_after=_notes_html(book, [n for n in chapter.notes
                                           if last and inline and n.placement not in (Placement.BEFORE, Placement.WITHIN)]),
        )
        landmark = "bodymatter" if first and chapter is book.chapters[0] else ""
        href = _chapter_href(chapter) if first else _chapter_href(chapter).replace(".xhtml", f"-{index + 1}.xhtml")
        pages.append(Page(href, heading, html, landmark=landmark, continues=not first))
    return pages


def _with_notes_within(book: Book, chapter: Chapter) -> tuple:
    """The chapter's blocks with each note from its middle set back where the author put it."""
    within = [n for n in chapter.notes if n.placement is Placement.WITHIN]
    if not within:
        return chapter.blocks
    out: list = []
    for index, block in enumerate(chapter.blocks):
        out.extend(NoteBox(_note_label(book, n), n.blocks) for n in within if n.at == index)
        out.append(block)
    last = len(chapter.blocks)  # a note after the last block (the story after it was a footnote's, moved out)
    out.extend(NoteBox(_note_label(book, n), n.blocks) for n in within if n.at >= last)
    return tuple(out)


PAGE_TEXT_LIMIT = 200_000  # characters of text per page: with markup, files stay under 260 KB


def _section_page(book: Book, section: Section, number: int, where: str = "appendix") -> Page:
    href = f"{where}-{number:02d}.xhtml"
    matter, kind = ("frontmatter", "preamble") if where == "front" else ("backmatter", "appendix")
    title = _labels(book)(section.title)  # a section the reader names ("Project Gutenberg Licence")
    body = blocks_html(section.blocks)
    # A section in another language says so (the licence's English): a screen reader's voice, hyphenation.
    if section.language and primary_language(section.language) != primary_language(book.metadata.language):
        body = Markup('<div lang="%s" xml:lang="%s"%s>\n%s\n</div>') % (
            section.language, section.language, _direction(section.language, book.metadata.language), body)
    html = _page("section.xhtml", book, title, f' epub:type="{matter}"', anchor=f"{where}-{number}", title=title,
                 body=body, kind=kind, role=Markup(' role="doc-appendix"') if kind == "appendix" else "")
    return Page(href, title, html)


_LANDMARK_LABELS = {"cover": "Cover", "titlepage": "Title Page", "toc": "Contents", "bodymatter": "Start of Story"}


def _nav(book: Book, pages: list[Page], toc: list[TocEntry], in_spine: bool) -> Page:
    marks = [(p.landmark, p.href) for p in pages if p.landmark]
    if in_spine:  # a landmark may only point at a page in the reading order
        marks.insert(1 + any(kind == "cover" for kind, _ in marks), ("toc", f"{NAV}#toc"))
    _ = _labels(book)
    landmarks = [(kind, _(_LANDMARK_LABELS[kind]), href) for kind, href in marks]
    html = _page("nav.xhtml", book, _("Contents"), contents=_("Contents"), toc=_toc_html(toc),
                 landmarks_label=_("Landmarks"), landmarks=Markup("").join(
                     Markup('<li><a epub:type="%s" href="%s">%s</a></li>\n') % (kind, href, label)
                     for kind, label, href in landmarks))
    return Page(NAV, _("Contents"), html, is_nav=True, in_spine=in_spine)


def _chapter_href(chapter: Chapter) -> str:
    return f"chapter-{chapter.number:03d}.xhtml"


# Helpers ----------------------------------------------------------------------------------------

_BODY = {"chapter.xhtml": ' epub:type="bodymatter"', "part.xhtml": ' epub:type="bodymatter"', "cover.xhtml": ' class="cover-page"'}


def _page(template: str, book: Book, page_title: str, body_attributes: str = "", content: Markup | None = None,
          **values) -> bytes:
    """A whole page: ``content``, or else ``template`` filled with ``values``, in the page skeleton."""
    full_title = page_title if page_title == book.metadata.title else f"{page_title} · {book.metadata.title}"
    html = fill("page.xhtml", lang=book.metadata.language, page_title=full_title, direction=_direction(book.metadata.language),
                body_attributes=Markup(body_attributes or _BODY.get(template, ' epub:type="frontmatter"')),
                content=fill(template, **values) if content is None else content)
    return html.encode("utf-8")


def _direction(language: str, within: str = "en") -> Markup:
    """The ``dir`` a page (or a section within a book in another language) needs: Arabic, Hebrew,
    Persian and Urdu read right to left, and an English licence inside such a book left to right."""
    if is_right_to_left(language) == is_right_to_left(within):
        return Markup("")
    return Markup(' dir="rtl"') if is_right_to_left(language) else Markup(' dir="ltr"')


def _chapter_heading_html(anchor: str, label: str, title: str, toc_label: str) -> dict[str, object]:
    """A chapter's heading names its section; a chapter without one is named for the contents."""
    if not (label or title):
        return {"classes": "chapter untitled", "heading": "", "naming": Markup('aria-label="%s"') % toc_label}
    text = (Markup('<span class="chapter-label">%s</span> <span class="chapter-title">%s</span>') % (label, title)
            if label and title else label or title)
    return {"classes": "chapter", "naming": Markup('aria-labelledby="%s-heading"') % anchor,
            "heading": Markup('<h2 id="%s-heading">%s</h2>\n') % (anchor, text)}


def _notes_html(book: Book, notes: list[Note]) -> Markup:
    return Markup("").join(blocks_html((NoteBox(_note_label(book, note), note.blocks),)) + "\n" for note in notes)


def _toc_html(entries) -> Markup:
    return Markup("").join(
        Markup('<li><a href="%s">%s</a>%s</li>\n') % (entry.href, entry.label,
                                                       Markup("<ol>\n%s</ol>\n") % _toc_html(entry.children) if entry.children else "")
        for entry in entries)


def _labels(book: Book) -> Labels:
    return labels(book.metadata.language)


def _opening_words(book: Book, blocks: tuple[Block, ...], count: int = 6) -> str:
    """An untitled chapter's first words, for the contents: six words, or in Chinese and Japanese,
    which set no spaces between words, a short first sentence or twelve characters (not a whole
    paragraph)."""
    for block in blocks:
        if isinstance(block, Paragraph):
            text = inline_text(block.inlines).strip()
            words = text.split()
            if words and len(words[0]) > _CJK_OPENING and may_be_cjk(words[0]):
                sentence = _CJK_SENTENCE.match(text)
                return sentence.group() if sentence else text[:_CJK_OPENING] + "…"
            if words:
                return " ".join(words[:count]) + ("…" if len(words) > count else "")
    return _labels(book)("Opening")


_CJK_OPENING = 12
_CJK_SENTENCE = lazy(r"^[^。！？]{1,20}[。！？]")  # a first sentence short enough to name the chapter whole
