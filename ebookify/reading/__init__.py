"""Text to a story (the first public step, ``read``, runs these): decode, Project Gutenberg wrapping, front matter, headings, chapters, blocks."""
