"""The EPUB container: writing it (the only ebooklib user) and checking it."""
