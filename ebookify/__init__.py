"""ebookify: a plain-text story in, a valid and beautiful EPUB 3 out.

    >>> from ebookify import convert, Options
    >>> result = convert(open("story.txt", "rb").read(), Options(source_name="story.txt"))
    >>> result.epub  # the book's bytes; result.findings lists the guesses made on the way
"""

__version__ = "0.1.0"

from .errors import EbookifyError, Finding  # noqa: E402
from .pipeline import Options, Result, convert  # noqa: E402

__all__ = ["EbookifyError", "Finding", "Options", "Result", "convert", "__version__"]
