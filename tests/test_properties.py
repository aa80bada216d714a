"""Any text in, a valid book out, with every word in it, in order."""

import string

from hypothesis import HealthCheck, given, settings, strategies as st

from ebookify import EbookifyError, Options, convert
from ebookify.reading.frontmatter import LABELS as _LABELS
from ebookify.epub.checks import check_structure

from conftest import epubcheck_many, missing_in_order, reading_text, words

LETTERS = string.ascii_letters + string.digits + "éøßçñЖжΩωäöü"
word = st.text(alphabet=LETTERS, min_size=1, max_size=12).filter(lambda w: w.lower() not in _LABELS)
punctuation = st.sampled_from(["", ".", ",", "!", "?", "...", "--", ";", ":", "'", '"', "<", "&", "&amp;", "*"])
token = st.builds(lambda p, w, q: p + w + q, st.sampled_from(["", '"', "'", "(", "<"]), word, punctuation)
line = st.lists(token, min_size=1, max_size=14).map(" ".join)
separator = st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\n\n\n\n", "\n \t\n", "\n***\n", "\nChapter 2\n"])


@st.composite
def stories(draw):
    lines = draw(st.lists(line, min_size=1, max_size=25))
    text = lines[0]
    for next_line in lines[1:]:
        text += draw(separator) + next_line
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_every_word_reaches_the_book_in_order(text):
    result = convert(text.encode("utf-8"), Options(source_name="s.txt", cover=False))
    assert missing_in_order(words(text), words(reading_text(result.epub))) is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_gives_a_sound_book_or_a_clear_error(text):
    try:
        result = convert(text.encode("utf-8", "surrogatepass"), Options(cover=False))
    except EbookifyError as error:
        assert error.message and "\n" not in error.message
        return
    assert check_structure(result.epub) == ()


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(stories(), min_size=3, max_size=3))
def test_generated_books_pass_epubcheck(tmp_path, texts):
    books = {f"generated-{i}": convert(t.encode(), Options(source_name="g.txt")).epub for i, t in enumerate(texts)}
    assert epubcheck_many(books, tmp_path) == {name: [] for name in books}
