"""Title and author from a book's own title page, when no header or label names them.

A printed title page, copied into a text file, is a few short lines at the top, before the first
heading or the story: the title alone on its line, often in capitals; the author above it
(``Антон Чехов`` / ``АРХИЕРЕЙ``), or below it after "by" in the file's language (``by``, ``von``,
``par``, ``por``, ``di``, ``door``, ``de``, ``av``, ``przez``, ``автор``). Only lines that look like a
title page count: short, no sentence punctuation, set off from the text below by a blank line or
a heading. Nothing is consumed; the lines stay in the book as its front matter.
"""

from __future__ import annotations

import re
import unicodedata

from .contents import is_contents_word
from .dialects import without_arrows
from .families import set_off_titles
from .headings import match_heading
from .titlecase import is_capitals
from ..patterns import HAN, KANA, lazy

_BY = lazy(r"^(?:by|von|par|por|di|door|de|av|przez|автор:?|от)\s+(?P<name>\S.{0,80}?)\s*$", re.IGNORECASE)
# A title and its alternative, the word "or" alone on the line between them.
_OR_ALONE = lazy(r"^(?:or|oder|ou|o|ó|ovvero|ossia|или|або|albo|czyli|eller|of|nebo|aneb|vagy|tai)[,:]?$", re.IGNORECASE)
_BY_ALONE = lazy(r"^(?:by|von|par|por|di|door|de|av|przez|автор:?|от)$", re.IGNORECASE)
_PARTICLES = frozenset({"de", "da", "van", "von", "der", "le", "la", "du", "di", "y"})
_ARTICLE = lazy(r"^(?:the|an?|les?|la|l[’']|une?|des|der|die|das|den|dem|eine?|el|los|las|il|lo|gli|os|as|uma?|het|een|ett?|en|det)\s",
               re.IGNORECASE)
_SENTENCE_END = lazy(r"[.!?;,:]$")
_LOOK = 12  # lines from the top: a title page is at the very start
_NOTICE_LINES = 5  # lines of a download site's notice above the title page
_ADDRESS = lazy(r"https?://|www\.")
_WIDE_PAGE = 6  # blank lines an ebook's title page may set between the author and the title in capitals
_FAR = 40  # lines a header of notes and thanks may take before the title under them
_CREDIT = lazy(r"^(?:translated|illustrated|edited|adapted|abridged|retold)\b.{0,60}?\bby\s+\S", re.IGNORECASE)
_CJK_TITLE = lazy(f"^[{HAN}{KANA}][^。！？…，、]*$")
# "The Internet Wiretap Electronic Edition of" over the title: the copy's words, not the book's
_LEAD_IN = lazy(r"\b(?:edition|e-?book|e-?text)\s+of$", re.IGNORECASE)
_PICTURE = lazy(r"^\[(?:illustration|frontispiece|picture|image)\b[^\]]*\]$", re.IGNORECASE)  # a plate, not a word


def read_title_page(lines: list[str], start: int = 0, title: str = "") -> tuple[dict, list[tuple[int, str]]]:
    """({"title": …, "authors": (…,)} as found, trace). Empty when the top is not a title page.
    ``title``: the title a header gave already; a name right under it on the page is the author's."""
    top = _top_lines(lines, _past_notice(lines, start))
    if not top:
        return {}, []
    found = _page(top, title)
    if set(found[0]) == {"title"} and _first_of_a_collection(lines, start, found[1][0][0]):
        found = {}, []  # "THE WOOD-FOLK." atop a headerless collection: its first tale's title, not the book's
    found = found if found[0] else _title_over_byline_below(lines, start)
    found = found if found[0] else _capitals_over_first_heading(lines, start)
    if title and not (found[0].get("authors") and _same_title(found[0]["title"], title)):
        return {}, []  # a header named the title: the page may only add the author under that title
    return found


def _first_of_a_collection(lines: list[str], start: int, index: int) -> bool:
    return index - start in set_off_titles(lines[start:])


def _title_over_byline_below(lines: list[str], start: int) -> tuple[dict, list[tuple[int, str]]]:
    """ "**Ace Iverson and the Fabric of Fate**" / "**By ACI100**" under a disclaimer and thanks, before
    the first heading: a title over a 'by' line further down the header is the story's too."""
    texts = []
    for index in range(start, min(len(lines), start + _FAR)):
        text = lines[index].strip()
        if text and match_heading(text):
            break
        if text:
            texts.append((index, _strip(text)))
    texts = [(index, text) for index, text in texts if any(c.isalpha() for c in text)]  # (no rules of stars)
    for number, ((first, title), (_, below)) in enumerate(zip(texts, texts[1:])):
        name = _by_name(title, below)
        if name and not title.endswith((".", "!", "?")):
            while number and is_capitals(title) and first - texts[number - 1][0] <= 2 and is_capitals(texts[number - 1][1]) \
                    and _is_title(f"{texts[number - 1][1]} {title}"):  # "HARD TIMES" / "AND" / "REPRINTED PIECES"
                number, first, title = number - 1, texts[number - 1][0], f"{texts[number - 1][1]} {title}"
            return {"title": title, "authors": (name,)}, [
                (first, f"title page: title {title!r}, author {name!r} (a 'by' line under it, below the top)")]
    return {}, []


def _capitals_over_first_heading(lines: list[str], start: int) -> tuple[dict, list[tuple[int, str]]]:
    """ "PARADISE LOST" straight over "BOOK I.", under a distributor's notice: a line in capitals
    with no blank line between it and the book's first heading is the book's title."""
    for index in range(start + 1, min(len(lines), start + _FAR)):
        if lines[index].strip() and match_heading(lines[index]):
            above = _strip(lines[index - 1])
            if above and is_capitals(above) and _is_title(above) and not _SENTENCE_END.search(above) \
                    and (index < 2 or not lines[index - 2].strip()):
                return {"title": above}, [(index - 1, f"title page: {above!r} in capitals over the first heading")]
            break
    return {}, []


def _by_name(title: str, below: str) -> str:
    """The name in a 'by' line under a title ("Der Fluss" / "von Ida Marsh"), else ""."""
    by = _BY.match(below)
    return _strip(by["name"]) if by and _is_title(title) and _are_names(by["name"]) else ""


def _page(top: list[tuple[int, str, int]], title: str = "") -> tuple[dict, list[tuple[int, str]]]:
    (first, first_text, gap_after_first), rest = top[0], top[1:]
    if rest:
        second, second_text, gap_after_second = rest[0]
        name = _by_name(first_text, second_text)
        if name:
            return {"title": first_text, "authors": (name,)}, [
                (first, f"title page: title {first_text!r}, author {name!r} (a 'by' line under the title)")]
        name = _by_name(first_text, rest[1][1]) if len(rest) > 1 and gap_after_first <= 2 else ""
        if name and _is_title(second_text) and not _is_name(second_text) and not _SENTENCE_END.search(second_text) \
                and (not _SENTENCE_END.search(first_text) or is_capitals(first_text)):  # (never a thank-you over them)
            return {"title": first_text, "subtitle": second_text, "authors": (name,)}, [
                (first, f"title page: title {first_text!r}, subtitle {second_text!r}, author {name!r} (a 'by' line under them)")]
        if gap_after_first <= 1 and _is_title(first_text) and _is_name(second_text) \
                and not _SENTENCE_END.search(first_text) and (_credits_below(rest) or _genre_below(rest) or gap_after_second >= 2
                                                               or (len(rest) > 1 and match_heading(rest[1][1]))
                                                               or _same_title(first_text, title)
                                                               or (len(rest) > 1 and _same_title(rest[1][1], first_text))):
            # (the last: the title again under the name, as a half-title: "Степные письма" / "Анна
            # Петрова" / "СТЕПНЫЕ ПИСЬМА" / "ТОМ ПЕРВЫЙ")
            return {"title": first_text, "authors": (second_text,)}, [
                (first, f"title page: title {first_text!r} over the author's name {second_text!r}")]
        if gap_after_first <= (_WIDE_PAGE if is_capitals(second_text) else 3) and _is_name(first_text) \
                and not is_capitals(first_text) and _is_title(second_text) \
                and ((is_capitals(second_text) or _ARTICLE.match(second_text))
                     and (gap_after_second or _heading_or_end(rest[1:]) or _prose(rest[1:]))
                     or not _is_name(second_text) and (_heading_or_end(rest[1:]) or _prose(rest[1:]) or _genre_below(rest))):
            # "Deux Ans de vacances" / "CHAPITRE I"; "Иван Тургенев" / "•" / "Муму" / the story
            return {"title": second_text, "authors": (first_text,)}, [
                (first, f"title page: author {first_text!r} over the title {second_text!r}, which no name reads as")]
    if _is_title(first_text) and (gap_after_first >= 2 or (rest and match_heading(rest[0][1]))) \
            and (is_capitals(first_text) or _mostly_capitalised(first_text) or _set_as_a_cjk_title(first_text)):
        return {"title": first_text}, [(first, f"title page: a title line alone at the top, {first_text!r}")]
    return {}, []


def _same_title(text: str, title: str) -> bool:
    """Does the page's title line name the header's title ("ALICE'S ADVENTURES IN WONDERLAND" for
    "Alice in Wonderland")? Nearly all the shorter one's words are in the longer."""
    words, named = (set(re.findall(r"[^\W\d_]+", _unaccented(t.casefold()))) for t in (text, title))
    shorter = min(words, named, key=len)
    return bool(shorter) and len(words & named) >= 0.8 * len(shorter)


def _unaccented(text: str) -> str:
    """ "мёртвые" and "МЕРТВЫЕ", "Élan" and "ELAN" alike: capitals are often set without the marks."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _past_notice(lines: list[str], start: int) -> int:
    """Where the title page starts under a download site's notice: a few lines at the top, one of
    them a web address ("Спасибо, что скачали книгу в бесплатной электронной библиотеке Royallib.ru:
    http://…" / "Приятного чтения!"), then a wider gap. The notice stays in the book."""
    texts = [i for i in range(start, min(len(lines), start + _LOOK)) if lines[i].strip()]
    for number, index in enumerate(texts[:_NOTICE_LINES]):
        gap = _blanks_after(lines, index)
        if gap >= 3 and any(_ADDRESS.search(lines[i]) for i in texts[:number + 1]):
            return index + gap + 1
    return start


def _top_lines(lines: list[str], start: int) -> list[tuple[int, str, int]]:
    """The first few text lines: (index, text, blank lines after it)."""
    found: list[tuple[int, str, int]] = []
    index = start
    while index < min(len(lines), start + _LOOK) and len(found) < 4:
        text = lines[index].strip()
        if text and not _PICTURE.match(text) and not _LEAD_IN.search(text) and any(c.isalnum() for c in text):  # ("•")
            gap = _blanks_after(lines, index)
            if _BY_ALONE.match(_strip(text)) and index + 1 + gap < len(lines) and gap <= 2:  # "by" / "George Eliot":
                index += 1 + gap  # one byline, set on two lines
                text = f"{_strip(text)} {lines[index].strip()}"
                gap = _blanks_after(lines, index)
            while gap == 0 and index + 2 < len(lines) and _OR_ALONE.match(lines[index + 1].strip()) \
                    and lines[index + 2].strip():  # "Professor Unrat" / "oder" / "Das Ende eines Tyrannen": one title
                text = f"{_strip(text)} {lines[index + 1].strip()} {lines[index + 2].strip()}"
                index += 2
                gap = _blanks_after(lines, index)
            found.append((index, _strip(text), gap))
            index += gap
        index += 1
    return found


def _blanks_after(lines: list[str], index: int) -> int:
    gap = 0
    while index + 1 + gap < len(lines) and not lines[index + 1 + gap].strip():
        gap += 1
    return gap


def _strip(text: str) -> str:
    """The line's words, without Markdown's marks, rentry's arrows or an edition's note mark on it."""
    return _NOTE_MARK.sub("", without_arrows(text.strip()).strip().strip("*_#").strip())


_NOTE_MARK = lazy(r"\s*[\[{]\d{1,3}[\]}]$")  # an edition's note on its title: "REPRINTED PIECES {0}"


def _is_title(text: str) -> bool:
    return 0 < len(text.split()) <= 12 and len(text) <= 90 and not text.endswith((",", ";", ":")) \
        and any(c.isalpha() for c in text) \
        and not text[:1] in "\"“«'‘(" and match_heading(text) is None and not _BY.match(text) \
        and not is_contents_word(text)


def _are_names(text: str) -> bool:
    """ "Anna Weber", "Anna Weber and Jo Lee", "Tolkien": not "the river, as he always did." """
    parts = [p for p in re.split(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\bи\b)\s*", text) if p]
    return bool(parts) and all(_is_name(p) or (len(p.split()) == 1 and _name_word(p)) for p in parts)


def _is_name(text: str) -> bool:
    """ "Paul Lefèvre", never "Les Naufragés": a title opens on an article, a name does not."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(map(_name_word, words)) and not _SENTENCE_END.search(text.rstrip(".")) \
        and not _ARTICLE.match(text) and match_heading(text) is None  # "Chapter One" is nobody


def _name_word(word: str) -> bool:
    """ "Paul", "Čapek", "O'Brien", "J.", "von": a capital in any alphabet, then letters."""
    return word in _PARTICLES or (word[0].isupper() and word[0].isalpha()
                                  and all(c.isalnum() or c in ".'’-" for c in word[1:]))


def _mostly_capitalised(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words) and text[-1:] not in ".!?"


def _set_as_a_cjk_title(text: str) -> bool:
    """ "论语", "小园记": a few ideographs alone, no sentence's end; Chinese and Japanese have no
    capitals to set a title in."""
    return len(text) <= 20 and _CJK_TITLE.match(text) is not None


def _credits_below(rest: list[tuple[int, str, int]]) -> bool:
    """ "Translated by David Wyllie" under the author: a book's title page, not a story's lines."""
    return len(rest) > 1 and _CREDIT.match(rest[1][1]) is not None


def _genre_below(rest: list[tuple[int, str, int]]) -> bool:
    """ "Trauerspiel in fünf Aufzügen", "A Novel" under the author, then a wider gap: the page's last line."""
    return len(rest) > 1 and rest[1][2] >= 2 and len(rest[1][1].split()) <= 6 and _is_title(rest[1][1]) \
        and not _SENTENCE_END.search(rest[1][1]) and not _is_name(rest[1][1])


def _prose(rest: list[tuple[int, str, int]]) -> bool:
    """The story's first paragraph, one long line (a file without blank lines)."""
    return bool(rest) and len(rest[0][1]) > 100


def _heading_or_end(rest: list[tuple[int, str, int]]) -> bool:
    return not rest or match_heading(rest[0][1]) is not None
