"""The page's fields as ``Options``, exactly as the command line's flags would set them.

The page shows what was found in each field and sends it back beside the edit (``found_NAME``);
only a field the reader changed becomes an option, so an untouched page makes the same book as
``ebookify story.txt``, and an edited title the same as ``--title``. Lists (authors, tags) are
comma-separated, like ``--set authors=A, B``; ``more`` takes ``key=value`` lines, like ``--set``.
Emptying a field falls back to what the text says, as leaving out its flag does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import PurePath

from ..metadata import parse_assignments
from ..model import EPOCH
from ..options import Options

TEXT_FIELDS = ("title", "authors", "language", "description", "series", "series_index", "tags")
COVER_CHOICES = ("generated", "image", "none")


def options_from(form: Mapping[str, str], name: str, cover_image: bytes = b"") -> Options:
    """Raises ``UsageError`` (with the option it concerns) for a bad value, as ``Options`` does."""

    def given(field: str) -> str:
        value = str(form.get(field, "")).strip()
        return "" if _same(value, str(form.get(f"found_{field}", ""))) else value

    tags = _items(given("tags"))
    flags = (("series", given("series")), ("series_index", given("series_index")), ("tags", tags),
             ("description", given("description")))
    more = [line for line in str(form.get("more", "")).splitlines() if line.strip()]
    metadata = {**parse_assignments(more, origin="More metadata"), **{k: v for k, v in flags if v}}
    cover = str(form.get("cover", "generated"))
    generated = cover == "generated"
    return Options(
        source_name=PurePath(name.replace("\\", "/")).name or "story.txt", title=given("title"),
        authors=tuple(_items(given("authors"))), language=given("language"), metadata=tuple(metadata.items()),
        modified=_modified(str(form.get("modified", ""))), cover=cover != "none",
        cover_image=cover_image if cover == "image" else b"",
        cover_style=str(form.get("cover_style", "")) if generated else "",
        cover_palette=str(form.get("cover_palette", "")) if generated else "",
        notes=str(form.get("notes", "inline")), format=str(form.get("format", "epub")),
    )


def _same(a: str, b: str) -> bool:
    """Equal but for spacing: browsers send a textarea's line ends as CRLF."""
    return a.split() == b.split()


def _items(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(",") if item.strip())


def _modified(milliseconds: str) -> dt.datetime:
    """The file's own date, as the browser reports it (``File.lastModified``), like the CLI's mtime."""
    try:
        return dt.datetime.fromtimestamp(int(milliseconds) // 1000, dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        return EPOCH
