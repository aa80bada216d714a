"""Text taken from a printed page (a PDF's text, a scan's OCR): its running heads and page
numbers go, and a paragraph a page broke is whole again. Every text here is made up."""

from ebookify.model import block_texts
from ebookify.reading.parse import parse

WORDS = ("the ferry left at dawn and the harbour lights went out one by one behind her while "
         "the gulls followed the wake and the island became a grey line on the water ").split()


def printed(pages: int, head: str = "THE SALT ROAD", broken_at: int = 3) -> str:
    """A book's pages as a PDF's text gives them: 30 lines of wrapped text, a paragraph every ten
    lines, then the running head and the page's number, set off by blank lines."""
    out, word = [], 0
    for page in range(1, pages + 1):
        for line in range(30):
            words = [WORDS[(word + k) % len(WORDS)] for k in range(10)]
            word += 10
            if line % 10 == 9 and not (page == broken_at and line == 29):
                words[-1] += "."  # a paragraph ends
            out.append(" ".join(words).capitalize() if line % 10 == 0 and not (page == broken_at + 1 and line == 0)
                       else " ".join(words))
            if line % 10 == 9:
                out.append("")
        out += ["", "", head if page % 2 else "", "", str(page), "", "", ""]
    return "\n".join(out)


def test_running_heads_and_page_numbers_go_and_a_broken_paragraph_is_whole():
    parsed = parse(printed(24))
    texts = block_texts(parsed.chapters[0].blocks)
    assert not any(text in ("THE SALT ROAD", "3", "12") for text in texts)
    assert len(texts) == 24 * 3 - 1  # three paragraphs a page, the one page 3 broke joined with page 4's first
    assert any("running heads of a printed page" in what for _, what in parsed.trace)


def test_chapter_numbers_alone_are_no_page_numbers():
    def prose(n: int) -> str:
        return "\n".join(" ".join(WORDS[k % 9:k % 9 + 12]) for k in range(n, n + 40)) + "."
    text = "\n\n".join(f"{n}\n\n{prose(n)}\n\n{prose(n + 3)}" for n in range(1, 16))
    parsed = parse(text)
    assert [c.label for c in parsed.chapters] == [str(n) for n in range(1, 16)]


def test_googles_notice_atop_a_scanned_book_is_the_scanners_not_the_books():
    notice = ("Google\n\n\n\nThis is a digital copy of a book that was preserved for generations on library shelves "
              "before it was carefully scanned.\n\nUsage guidelines\n\nMake non-commercial use of the files.\n\n"
              "About Google Book Search\n\nFind out more at http: //books .google .com/\n\n\n\n")
    parsed = parse(notice + "THE SALT ROAD\n\nBY WREN ASHBY\n\n\nCHAPTER I\n\nThe ferry left at dawn.\n\n"
                            "CHAPTER II\n\nThe island was a grey line.")
    assert (parsed.metadata.title, parsed.metadata.authors) == ("The Salt Road", ("Wren Ashby",))
    assert [s.title for s in parsed.back_matter] == ["Google Book Search"]
    assert all("Google" not in text for c in parsed.chapters for text in block_texts(c.blocks))


def play_with_page_numbers(skip_every: int) -> str:
    """A made-up play as text from an edition's web page: each speech under its speaker's name, and
    the page numbers between speeches, every third speech (``skip_every``: a number left out)."""
    speakers = ("Ada.", "Tom.", "Ada.", "Margery.")
    out, page = [], 1
    for n in range(90):
        out += [speakers[n % 4], f"She looks at the sea, and at him, and says nothing for a while ({n})."]
        if n % 3 == 2:
            page += 2 if skip_every and page % skip_every == 0 else 1
            out.append(str(page))
    return "THE FIRST ACT\n\n" + "\n\n".join(out) + "\n"


def test_a_speaker_s_name_beside_page_numbers_is_no_running_head():
    """Names repeated all over a page stood beside many numbers: 118 of 120 were dropped as heads."""
    parsed = parse(play_with_page_numbers(skip_every=5))
    texts = [text for c in parsed.chapters for text in block_texts(c.blocks)]
    assert texts.count("Ada.") == 45 and texts.count("Margery.") == 22 and texts.count("Tom.") == 23
    assert not any(text.isdigit() for text in texts) and len(parsed.chapters) == 1  # pages that skip a number


def test_numbers_that_never_skip_and_have_no_heads_stay():
    parsed = parse(play_with_page_numbers(skip_every=0))
    texts = [text for c in parsed.chapters for text in (c.label, c.title, *block_texts(c.blocks))]
    assert texts.count("Ada.") == 45 and "3" in texts
