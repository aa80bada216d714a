"""One design for every page: notes pages, back matter and the licence look like chapters; the
contents name each page once."""

import re
from collections import Counter

from bs4 import BeautifulSoup

from conftest import ROOT, build, spine_pages, unzip

NOTES = """Title: Two Notes
Author: A. Writer

A/N: Thanks for reading, everyone.

Chapter 1

The first chapter's words go on for a while here.

A/N: A first note after chapter one.

A/N: And a second one.

Chapter 2

The second chapter's words.

A/N: A note after chapter two.
"""


def contents(epub: bytes) -> list[tuple[str, str]]:
    nav = BeautifulSoup(unzip(epub)["EPUB/nav.xhtml"], "xml").find("nav", id="toc")
    return [(a.get_text(), a["href"]) for a in nav.find_all("a")]


def test_with_notes_at_the_end_the_contents_name_each_page_once():
    epub = build(NOTES, notes="end")
    entries = contents(epub)
    assert [n for n, c in Counter(label for label, _ in entries).items() if c > 1] == []
    assert [n for n, c in Counter(href for _, href in entries).items() if c > 1] == []
    assert "notes.xhtml" not in dict(spine_pages(epub))  # the notes on the book went to the end too
    page = BeautifulSoup(unzip(epub)["EPUB/appendix-01.xhtml"], "xml")
    assert [h.get_text() for h in page.find_all("h3")] == ["Chapter 1", "Chapter 2"]  # one heading a chapter
    assert "Thanks for reading" in page.get_text()


def test_inline_notes_keep_their_own_page_before_the_story():
    epub = build(NOTES)
    assert "notes.xhtml" in dict(spine_pages(epub))
    assert "Author’s Notes" not in [label for label, _ in contents(epub)][2:]


def test_every_page_heading_is_styled_as_a_chapter_heading():
    """The only rules that reach a page's h2 are the shared ones, and the part page's placement."""
    css = (ROOT / "assets" / "css" / "style.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = [s.strip() for block in re.findall(r"([^{}]+)\{", css) for s in block.split(",")]
    reaching_h2 = {s for s in selectors if re.search(r"\bh2\b(?!\s*\+)", s)}
    assert reaching_h2 == {"h2", ".part h2"}


def test_an_untitled_opening_chapter_is_named_in_the_contents_by_its_first_words():
    """Six words; in Japanese, which sets no spaces, twelve characters, never a whole paragraph."""
    from ebookify import convert

    opening = "うとうととして目がさめると女はいつのまにか、隣のじいさんと話を始めている。" * 3
    later = "三四郎は東京へ出て来た。見るものも聞くものもことごとく新しかった。" * 4
    text = f"{opening}\n\n{later}\n\n二\n\n{later}\n\n三\n\n{later}\n"
    nav = BeautifulSoup(unzip(convert(text.encode()).epub)["EPUB/nav.xhtml"], "xml")
    labels = [a.get_text() for a in nav.find("nav", attrs={"epub:type": "toc"}).find_all("a")]
    assert labels == ["うとうととして目がさめる…", "二", "三"]
    short = convert(f"雨だった。{opening}\n\n{later}\n\n二\n\n{later}\n\n三\n\n{later}\n".encode()).epub
    nav = BeautifulSoup(unzip(short)["EPUB/nav.xhtml"], "xml")
    assert nav.find("nav", attrs={"epub:type": "toc"}).find("a").get_text() == "雨だった。"  # a short sentence, whole
