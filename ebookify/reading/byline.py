"""The lines that name a story and its author at the top of a file, as people write them.

  * a title line over a byline: ``by Name``, ``By: Name``, ``Written by``, ``Author: Name``, and
    the same in other languages (``par``, ``von``, ``por``, ``di``, ``door``, ``autor:``, ``автор:``);
  * ``The Salt Road by Wren Ashby`` on one line (a one-word name must look like a user name);
  * a Markdown ``# Title``, the file's only level-one heading, with a ``*subtitle*`` under it;
  * a short line right over the first chapter heading: the title alone;
  * a title in title case alone on the first line, then the story (a post, a one-shot);
  * two short lines (title, author) over the labels, as AO3 lays them out;
  * an author's name over a title in capitals (``Антон Чехов`` / ``АРХИЕРЕЙ``).
"""

from __future__ import annotations

import re
from functools import cached_property

from .blocks import is_scene_break
from .headings import CHAPTER, CJK_LETTER, MARKDOWN, PART, SPECIAL, is_credit, markdown_level, match_heading
from .families import BRACKETED_NAME, date_heading, names_a_date, set_off_titles
from .inline import as_plain
from .labels import BY_WORDS, label_of
from .titlecase import TITLE_SMALL_WORDS, is_capitals
from .sites import is_contents
from ..metadata import NO_NAME
from ..patterns import HAN, HANGUL, KANA, lazy, may_be_cjk

_BY = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in BY_WORDS), key=len, reverse=True))
_BY_LINE = lazy(rf"^\s*(?:#{{1,6}}\s+)?[*_~]*\s*(?:{_BY})\b\s*(?:[:\-–—~][*_]*\s*|[*_]*\s)\s*(?P<name>[^\s:*_].{{0,80}}?)[*_~]*\s*$",
                      re.IGNORECASE)
_COPY_OF = lazy(r"^.{0,50}?\b(?:e-?books?|e-?texts?|electronic\s+edition)\s+of\s+(?=\S)", re.IGNORECASE)  # the copy's words
_BRACKETED_SUBTITLE = lazy(r"^[\[(](?P<text>[^\[\]()]{3,80})[\])]$")  # "[A story of the French Revolution]"
_TITLE_BY = lazy(r"^(?P<title>\S.{0,100}?)\s+by\s+(?P<name>\S.{0,60}?)$")  # "The Salt Road by Wren Ashby"
_NAME_SPLIT = lazy(r"\s*(?:&|;|,\s*and\s+|\s+and\s+|,\s*et\s+|\s+et\s+|\s+und\s+|\s+y\s+|\s+e\s+|\s+en\s+|\s+i\s+|\s+и\s+)\s*")
# The line under the title of every AO3 download (HTML, PDF, EPUB, MOBI, AZW3), and so of its copies as text
AO3_POSTED = lazy(r"^\s*Posted originally on the Archive of Our Own at (?P<url>https?://\S+?)\.?\s*$", re.I)
_MARKDOWN_TITLE = lazy(r"^#\s+(?P<text>\S.*?)\s*#*$")
_CREDITED = lazy(rf"^\s*[*_~]*\s*(?:{'|'.join(re.escape(w) for w in BY_WORDS if ' ' in w)})\s", re.IGNORECASE)  # "written by", not "by"
_MARKDOWN_ANY = lazy(r"^#{1,6}\s+(?P<text>\S.*?)\s*#*$")
_TITLE_BLOCK = 12  # lines under a title page's heading
_SUBTITLE = lazy(r"^\s*(?:\*(?P<star>[^*].*?)\*|_(?P<line>[^_].*?)_)\s*$")
_DECORATION = "*_~=#+• \t"
_QUOTES = {'"': '"', "“": "”", "«": "»", "'": "'", "‘": "’", "„": "“", "《": "》", "「": "」", "『": "』"}  # 《书名》
_CJK_NAME = lazy(f"^[{HAN}{KANA}{HANGUL}][{HAN}{KANA}{HANGUL}・ 　]{{1,11}}$")  # 2 to 12 letters, a middle dot or a space
_CJK_TITLE_NAME = lazy(  # "《红楼梦》曹雪芹", "《红楼梦》 作者：曹雪芹": a Chinese book's title in its marks, then its author
    f"^《(?P<title>[^》]{{1,40}})》\\s*(?:作者[:：]\\s*)?(?P<name>[{HAN}{KANA}{HANGUL}][{HAN}{KANA}{HANGUL}・ 　]{{1,11}})$")
# "[三国演义 / 罗贯中 著 ]": a Chinese TXT site's first line, the title, a slash and the author who "wrote" (著) it
_TITLE_SLASH_NAME = lazy(r"^\[\s*(?P<title>[^/\[\]]{1,40}?)\s*/\s*(?P<name>[^/\[\]\s]{1,20})\s*[著编譯译]\s*\]$")
_BOOK_TITLE = lazy(r"^《(?P<title>[^《》]{1,40})》$")
_BOOK_MARKS = lazy(r"《(?P<title>[^《》]{1,40})》")
_SITE_NOTICE = lazy(r"(?:https?://|www\.)\S+|[Tt][Xx][Tt]|下载|收集整理")  # an address, "TXT", "download", "collected"
_GREETINGS = frozenset("dear dearest my hi hello hey to from cher chère liebe lieber querida querido caro cara".split())
_PATRONYMIC = lazy(r"(?:ович|евич|ьич|овна|евна|ична|инична)$")
_CJK_SENTENCE_MARKS = frozenset("，。！？；、")
_DATED = lazy(r":\s*\d[\d\s./-]*$")  # "Last updated: 2016-06-10": a field, not a title
_SENTENCE_END = lazy(r"[.!?…][\"”’»)]*(?:\s|$)")
_PARTICLES = {"de", "van", "von", "der", "da", "di", "du", "le", "la", "del", "dos", "das", "ten", "ter", "y", "e"}


def names(value: str) -> tuple[str, ...]:
    """The names a byline lists: "A and B", "A & B", and "A, B, and C" (its last comma before
    "and"); a comma alone may be a name's own ("Le Guin, Ursula K.", "Morice, M.A.")."""
    value = value.strip(" \t*_~")
    pieces = _NAME_SPLIT.split(value)
    if _LISTED.search(value):
        pieces = [name for piece in pieces for name in piece.split(",")]
    return tuple(name.strip() for name in pieces if name.strip() and name.strip().lower() not in NO_NAME)


_LISTED = lazy(r"^[^,]+,[^,]+,\s*(?:and|&)\s")  # "Alexander Hamilton, John Jay, and James Madison"


_BY_OPENINGS = tuple({w.split()[0].casefold() for w in BY_WORDS})


def _opens_like_a_byline(line: str) -> bool:
    """Whether a byline's first word opens the line, past its marks: only then is ``_BY_LINE``
    asked, so a story whose first lines open otherwise never compiles it (1 ms)."""
    return line.lstrip().lstrip("#").lstrip().lstrip("*_~").lstrip()[:20].casefold().startswith(_BY_OPENINGS)


def by_line(line: str) -> str:
    """The name in "by Name" (or "par Name", "Author: Name"…), when the line is a byline and not a sentence."""
    match = _BY_LINE.match(line) if _opens_like_a_byline(line) else None
    name = match["name"] if match else ""
    if not name:
        found = label_of(line)
        name = found[2] if found and found[1] == "authors" else ""
    if name.endswith(".") and _CREDITED.match(line) and all(word[:1].isupper() for word in name[:-1].split()):
        name = name[:-1]  # "Written by MoonSong Darkstone.": a credit set as a sentence ("By noon." is none)
    if not name or name[-1] in ".,;:!?\"" and not _DEGREE.search(name) or len(name.split()) > 8:
        return ""
    return name


_DEGREE = lazy(r"[\s,](?:(?:[A-Z]\.){1,4}|[A-Z][a-z]{0,2}\.(?:[A-Z][a-z]?\.)?|Esq\.)$")  # "…, M.A.", "Jr.", "Ph.D.", "Esq."


def _story_opens(lines: list[str], j: int) -> bool:
    """The paragraph from line ``j`` is prose: six words or more, with a sentence's end."""
    end = next((k for k in range(j, min(len(lines), j + 40)) if not lines[k].strip()), min(len(lines), j + 40))
    text = " ".join(lines[j:end])
    return len(text.split()) >= 6 and _SENTENCE_END.search(text) is not None and not match_heading(lines[j])


def short_name(line: str) -> bool:
    """A title's or a name's line: short, and no sentence (in Chinese or Japanese, whose words have
    no spaces between them, a line of 30 characters at most with no comma or full stop)."""
    text = line.strip()
    if may_be_cjk(text) and CJK_LETTER.search(text) and (len(text) > 30 or any(c in _CJK_SENTENCE_MARKS for c in text)):
        return False
    return bool(text) and len(text) <= 100 and text[-1] not in ".,;:!?" and not label_of(line) \
        and not match_heading(line) and len(text.split()) <= 12


class TitleLines:
    """Reads the title lines for a header reader that has ``lines``, ``fields``, ``trace`` and ``skip``."""

    lines: list[str]
    fields: dict
    trace: list
    edition: bool = False  # a book's text: a capitalised line at its top is its own ("TRANSCRIBER'S NOTE")

    def skip(self, i: int) -> int:
        raise NotImplementedError

    def _title_under_notice(self, i: int) -> None:
        """A Chinese TXT site's notice atop the book ("声明:本书由…网(www…)收集整理", "《局外人》更多好书
        请到…"): the book's title is the 《》 alone on a line under it, or else the first 《》 in it."""
        for j in range(i, min(len(self.lines), i + 8)):
            book = _BOOK_TITLE.match(self.lines[j].strip())
            if book:
                break
        else:
            book = _BOOK_MARKS.search(self.lines[i])
        if book:
            self.fields.setdefault("title", book["title"].strip())
            self.trace.append((i, f"title: {book['title'].strip()}, in 《》 by a download site's notice"))

    def next_text(self, i: int) -> str:
        """The first line with text from ``i`` on; "" past the file's last."""
        j = self.skip(i)
        return self.lines[j] if j < len(self.lines) else ""

    def title(self, i: int) -> int:
        lines = self.lines
        if i >= len(lines) or label_of(lines[i]) or by_line(lines[i]) or is_contents(lines[i]):
            return i
        if lines[i].strip().casefold() == "preface":  # AO3's download opens on "Preface" over the title
            j = self.skip(i + 1)
            if AO3_POSTED.match(self.next_text(j + 1)):
                self.trace.append((i, "AO3's 'Preface' over the work's title"))
                i = j
        if _SITE_NOTICE.search(lines[i]) and may_be_cjk(lines[i]):
            self._title_under_notice(i)
            return i  # (the notice stays in the book, with the story's front matter)
        markdown = _MARKDOWN_TITLE.match(lines[i].strip()) or self._lone_heading(i)
        plain = (as_plain(markdown["text"], markdown=True).strip(_DECORATION) or markdown["text"]) if markdown else ""
        # "# **Title**", "# **Crew List – *Night Heron***" too; under a title the YAML states, a heading
        # that says otherwise is the story's own
        heading = markdown and not match_heading(markdown["text"]) and self.fields.get("title", plain).casefold() == plain.casefold()
        block = heading and self._title_block(i)
        if heading and (self._only_top_heading(i, markdown["text"]) or block):
            self.fields["title"] = plain
            why = "over its subtitle and byline alone" if block else "the file's one '# ' heading"
            self.trace.append((i, f"title: {why}: {markdown['text']}"))
            if (under := self._heading_as_subtitle(i)):
                self.fields["subtitle"] = under
                self.trace.append((i + 1, f"subtitle: the file's one heading of its level, right under the title: {under}"))
                i += 1
            i = self._past_rules(i + 1)
            subtitle = _SUBTITLE.match(lines[i]) if i < len(lines) else None
            if subtitle and not names_a_date(lines[i]):  # "*March 802, Port Selwyn*" opens the story: a dateline
                self.fields["subtitle"] = subtitle["star"] or subtitle["line"]
                self.trace.append((i, f"subtitle: the emphasised line under the title: {self.fields['subtitle']}"))
                i = self._past_rules(i + 1)
            return self._past_rules(self._byline(i)) if block else self._byline(i)
        title = lines[i].strip().strip(_DECORATION).strip()
        if markdown:
            title = markdown["text"].strip(_DECORATION).strip()
        slashed = _TITLE_SLASH_NAME.match(lines[i].strip())
        named = slashed or (_CJK_TITLE_NAME.match(title) if title[:1] == "《" else None)  # (a 3 ms compile)
        if named and (slashed or i + 1 >= len(lines) or not lines[i + 1].strip()):
            self.fields.setdefault("title", named["title"])
            self.fields["authors"] = self.fields.get("authors", ()) + (named["name"].strip(),)
            form = "[title / name 著]" if slashed else "《title》 and a name"
            self.trace.append((i, f"title and author: {form}: {named['title']} / {named['name'].strip()}"))
            return i + 1
        book = _BOOK_TITLE.match(lines[i].strip())
        if book:  # 《西游记》 alone atop the file: the marks say it is a book's title, whatever follows
            self.fields.setdefault("title", book["title"].strip())
            self.trace.append((i, f"title: a line that is a book's title in 《》: {book['title'].strip()}"))
            return i + 1
        if len(title) > 2 and _QUOTES.get(title[0]) == title[-1]:  # "The Salt Road", in quotes
            title = title[1:-1].strip()
        if not title:
            return i
        if len(title) > 120 or title[-1] in ".,;:" or match_heading(title):
            return i
        j = self.skip(i + 1)
        if j > i + 3 or j >= len(lines):
            return i
        if by_line(lines[j]):
            self.fields.setdefault("title", title)
            self.trace.append((i, f"title: the line over a byline: {title}"))
            return self._byline(j)
        posted = AO3_POSTED.match(lines[j])
        if posted:
            self.fields.setdefault("title", title)
            self.fields.setdefault("source_url", posted["url"])
            self.trace.append((i, f"title: the line over AO3's 'Posted originally on the Archive of Our Own': {title}"))
            return j + 1
        k = self.skip(j + 1)
        if k < len(lines) and short_name(lines[i]) and short_name(lines[j]) and label_of(lines[k]) and ":" in lines[k] \
                and label_of(lines[k])[1] in ("description", "note", "rating", "extra", "fandoms", "warnings", "tags"):
            # (AO3 writes "Rating:", "Summary:" with their colons; a bare "Note" under "Giovanni Boccaccio" /
            # "Decameron" heads an editor's note, under an author over a title)
            self.fields.setdefault("title", title)
            self.fields["authors"] = self.fields.get("authors", ()) + names(lines[j])
            self.trace.append((i, f"title and author: two lines over the labels (AO3's order): {title}"))
            return j + 1
        if (after := self._one_line_title_by(i, j)):
            return after
        heading = match_heading(lines[j])
        if heading and heading.kind in (CHAPTER, PART, SPECIAL, MARKDOWN) and len(title.split()) <= 12 \
                and title[-1] not in ".,;:" and title[:1] not in "\"“”'‘«—(" and not _DATED.search(title) \
                and not self._first_of_equals(i):  # ("# Day One" over "## Morning", then "# Day Two": a part)
            self.fields.setdefault("title", title)
            self.trace.append((i, f"title: a short line over the first heading: {title}"))
            return i + 1
        if self._title_over_story(title, i, j):
            return i + 1
        cjk = may_be_cjk(title) and CJK_LETTER.search(title)
        return self._cjk_title_and_author(i, j) if cjk else self._name_over_capitals(i, j)

    def _title_over_story(self, title: str, i: int, j: int) -> bool:
        """ "The Art of Appearances" alone on the first line, a blank line, then the story's first
        paragraph: how a post or a one-shot is pasted. A line of the story is rarely in title case
        (every word capitalised but the small ones), without a sentence's end or a comma."""
        words = [w for w in title.split() if w[:1].isalpha()]
        if self.fields.get("title", title).casefold() != title.casefold():
            return False  # the story's first heading, under a title stated above it
        if self.edition or j == i + 1 or not 2 <= len(title.split()) <= 10 or len(title) > 80 or not title[0].isupper() \
                or any(c in title for c in ",;") or title[-1] in ".!?…:" or title[0] in "\"“”'‘«—(" \
                or not all(w[0].isupper() or w in TITLE_SMALL_WORDS for w in words) or date_heading(title) \
                or not _story_opens(self.lines, j) or self._first_of_equals(i):  # "Monday 3 March" opens a
            return False  # diary; "# The Mill by the River" over prose, like the headings after it, a chapter
        self.fields.setdefault("title", title)
        self.trace.append((i, f"title: a line in title case alone over the story: {title}"))
        return True

    def _cjk_title_and_author(self, i: int, j: int) -> int:
        """ "吾輩は猫である" over "夏目漱石", then a blank line: how Japanese and Chinese texts open
        (Aozora Bunko's files, pasted novels). Chinese and Japanese write no "by"; the name is a
        short line of letters alone, the title has no sentence's end, and neither is dialogue."""
        title, name = self.lines[i].strip(), self.lines[j].strip()
        if title[:1] == "『" and title[-1:] == "』" and len(title) > 2:  # 『春と修羅』: Japanese marks a book's title so
            title = title[1:-1].strip()
        after = j + 1
        if not (len(title) <= 30 and title[-1] not in "。！？、，…" and title[0] not in "「『（(【“"
                and _CJK_NAME.match(name) and not match_heading(name)  # "春日第一": the first chapter's heading
                and (after >= len(self.lines) or not self.lines[after].strip())):
            return i
        self.fields.setdefault("title", title)
        self.fields["authors"] = self.fields.get("authors", ()) + (name,)
        self.trace.append((i, f"title and author: a title over a name, as Chinese and Japanese texts open: {title} / {name}"))
        return after

    def _one_line_title_by(self, i: int, j: int) -> int:
        """ "The Salt Road by Wren Ashby" (or, as Project Gutenberg names its books, "A Tale of Two
        Cities, by Charles Dickens") alone on the first line, a blank line or a subtitle in brackets
        under it ("[A story of the French Revolution]"). A one-word name must look like a user name
        ("by quillfeather"), not a word of a title ("Stand by Me"). The line after them, or 0."""
        match = _TITLE_BY.match(self.lines[i].strip())
        subtitle = _BRACKETED_SUBTITLE.match(self.lines[j].strip()) if j == i + 1 else None
        if not match or (j == i + 1 and not (subtitle and self.skip(j + 1) > j + 1)) or match_heading(self.lines[i]):
            return 0
        title, name = match["title"].strip(_DECORATION).removesuffix(","), match["name"].strip(_DECORATION)
        title = _COPY_OF.sub("", title)  # "The Project Gutenberg EBook of Dracula, by Bram Stoker"
        words = name.split()
        if not title or not words or len(words) > 4 or name[-1] in ".,;:!?" or title[-1] in ".,;:" or (
                len(words) == 1 and name[:1].isupper() and not any(c.isdigit() or c in "_-." for c in name)):
            return 0
        if len(words) > 1 and not all(w[:1].isupper() or w.lower() in _PARTICLES for w in words):
            return 0
        self.fields.setdefault("title", title)
        self.fields["authors"] = self.fields.get("authors", ()) + names(name)
        self.trace.append((i, f"title and author: one line 'Title by Name': {title} / {name}"))
        if subtitle:
            self.fields.setdefault("subtitle", subtitle["text"])
            self.trace.append((j, f"subtitle: the line in brackets under it: {subtitle['text']}"))
            return j + 1
        return i + 1

    def _byline(self, j: int) -> int:
        name = by_line(self.lines[j]) if j < len(self.lines) else ""
        if not name:
            return j
        self.fields["authors"] = self.fields.get("authors", ()) + names(name)
        self.trace.append((j, f"author: byline '{self.lines[j].strip()}'"))
        return j + 1

    def _title_block(self, i: int) -> bool:
        """ "# LANTERNFALL" over nothing but its subtitle, rules and "A novel by Rina Castellano"
        before the next heading: a title page set in Markdown, however many headings follow."""
        texts = []
        for line in self.lines[i + 1:i + _TITLE_BLOCK]:
            if line.lstrip().startswith("#"):
                break
            if line.strip() and not is_scene_break(line):
                texts.append(line)
        return 1 <= len(texts) <= 2 and bool(by_line(texts[-1])) and all(_SUBTITLE.match(t) for t in texts[:-1])

    def _past_rules(self, i: int) -> int:
        """The next line of text from ``i``, past blank lines and the rules a title page sets."""
        i = self.skip(i)
        while i < len(self.lines) and is_scene_break(self.lines[i]):
            i = self.skip(i + 1)
        return i

    def _heading_as_subtitle(self, i: int) -> str:
        """ "# Within Me" straight over "## A Team Crusader Story", the file's one heading of that
        level (and no chapter's: "## Chapter 1" is one): the title's subtitle, not a part."""
        under = match_heading(self.lines[i + 1]) if i + 1 < len(self.lines) else None
        if under is None or under.kind != MARKDOWN or under.level <= markdown_level(self.lines[i]):
            return ""
        same = sum(1 for line in self.lines if line.lstrip()[:1] == "#" and markdown_level(line) == under.level)
        return as_plain(under.title, markdown=True).strip() if same == 1 else ""

    def _first_of_equals(self, i: int) -> bool:
        """Is line ``i`` a Markdown heading whose level heads later stretches of the file too ("# The
        Mill by the River" over its prose, then "# The Market Road" over more), or the first of a
        collection's titles in capitals ("THE GOLDEN BIRD", then "HANS IN LUCK"), or a name in brackets
        like one further on ("【道经】", then "【德经】")? A chapter's or a part's, then."""
        level = markdown_level(self.lines[i])
        if level > 0:
            return any(markdown_level(line) == level for line in self.lines[i + 1:] if line.lstrip()[:1] == "#")
        if BRACKETED_NAME.match(self.lines[i].strip()):
            return any(BRACKETED_NAME.match(line.strip()) for line in self.lines[i + 1:] if line.lstrip()[:1] in "【〖")
        return is_capitals(self.lines[i]) and i in self._collection_titles

    @cached_property
    def _collection_titles(self) -> frozenset[int]:
        return frozenset(set_off_titles(self.lines))

    def _lone_heading(self, i: int) -> re.Match | None:
        """ "### Altina the Sword Princess Volume 1 Chapter 4" atop a file with no other heading but
        its credits: the title, at whatever level it was set."""
        match = _MARKDOWN_ANY.match(self.lines[i].strip())
        later = (line for line in self.lines[i + 1:] if line.lstrip()[:1] == "#" and markdown_level(line))
        return match if match and all(is_credit(line.strip().lstrip("#").strip()) for line in later) else None

    def _only_top_heading(self, i: int, text: str) -> bool:
        """The file's one level-one heading (or the book's title again, as the story's own heading)."""
        others = [m["text"] for m in (_MARKDOWN_TITLE.match(line.strip()) for line in self.lines[i + 1:]) if m]
        return all(other.casefold() == text.casefold() for other in others)

    def _name_over_capitals(self, i: int, j: int) -> int:
        """ "Антон Чехов" over "АРХИЕРЕЙ": a name of two to four capitalised words, then a title in capitals."""
        name, title = self.lines[i].strip(), self.lines[j].strip()
        words = name.split()
        letters = [c for c in title if c.isalpha()]
        if not (2 <= len(words) <= 4 and all(w[:1].isupper() and w[1:].islower() for w in words if w.isalpha())
                and all(w.replace(".", "").replace("-", "").isalpha() for w in words)):
            return i
        capitals = len(letters) >= 3 and all(c.isupper() for c in letters)
        # or a Russian name with its patronymic ("Федор Михайлович Достоевский" / "Бедные люди"): a person's
        patronymic = len(words) == 3 and _PATRONYMIC.search(words[1])  # name, whatever the title's case
        # or a title in sentence case, as Italian, Polish and Czech editions set it under the author's
        # name ("Alessandro Manzoni" / "I promessi sposi", "Bolesław Prus" / "Lalka"); a line of English
        # in title case under a name is no title of this kind ("Jane Austen" / "Pride and Prejudice" is).
        title_words = title.split()
        sentence_case = title_words[0][:1].isupper() and len(title_words) <= 8 and all(
            w[:1].islower() for w in title_words[1:] if w[:1].isalpha())
        alone = (j + 1 >= len(self.lines) or not self.lines[j + 1].strip()) and not any(
            w.lower() in _GREETINGS or w.lower() in TITLE_SMALL_WORDS for w in words)  # "Dear John", "The Ford"
        if not ((capitals or (patronymic or sentence_case and alone) and title[-1:] not in ".,;:!?…")
                and len(title.split()) <= 10 and not match_heading(title)):
            return i
        self.fields.setdefault("title", title)
        self.fields["authors"] = self.fields.get("authors", ()) + (name,)
        self.trace.append((i, f"author and title: a name over a title: {name} / {title}"))
        return j + 1
