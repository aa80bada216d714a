"""Text to a story: decode, Project Gutenberg wrapping, front matter, headings, chapters, blocks."""
