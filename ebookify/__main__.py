"""python -m ebookify: the same as the ebookify command."""

from .cli import main

main()
