"""Metadata given beside the story: a sidecar file (``story.toml``, ``story.yaml``, ``story.json``)
or ``--set key=value`` on the command line. Pure: the CLI finds and reads the file, this module
turns its bytes into checked values, so a typo is one error naming the key and the file, never a
setting silently ignored. Where these values rank against flags and the text: ``pipeline.py``.

The keys, exactly (the same names in ``--set``):

    title subtitle author_sort description rating series publisher rights identifier     text
    authors tags fandom characters relationships warnings     lists; a single string is one item,
                                                               and in --set items are comma-separated
    language      a code or a name: en, pt-BR, French
    status        complete | in-progress
    series_index  a number: 2, 2.5
    published updated   ISO dates: 2024-05-01 (also 2024-05 or 2024)
    source        a URL

A checked value is a ``str`` or a ``tuple[str, ...]``, cleaned like a flag (``decode.clean_field``:
one line, no character XML forbids); ``description`` keeps its paragraphs, separated by a blank
line. An empty value (``series:`` with nothing after it) means "not given".
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import uuid
from collections.abc import Iterable, Mapping

from .decode import clean_field
from ..errors import InputError
from .language import language_code

TEXT = ("title", "subtitle", "author_sort", "description", "rating", "series", "publisher", "rights", "identifier")
LISTS = ("authors", "tags", "fandom", "characters", "relationships", "warnings")
KEYS = (*TEXT, *LISTS, "language", "status", "series_index", "published", "updated", "source")
STATUSES = ("complete", "in-progress")
SUFFIXES = (".toml", ".yaml", ".yml", ".json")  # what a sidecar file may be called: story + one of these

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$")


def read_sidecar(data: bytes, name: str) -> dict[str, object]:
    """The checked fields of a sidecar file; ``name`` picks the format and names it in errors."""
    suffix = name[name.rfind("."):].lower() if "." in name else ""
    if suffix not in SUFFIXES:
        raise InputError(f"{name}: a metadata file must end in {', '.join(SUFFIXES)}")
    raw = _parse(data, name, suffix)
    if raw is None:  # an empty YAML file
        raw = {}
    if not isinstance(raw, dict):
        raise InputError(f"{name}: expected keys and values at the top level, not a {_kind(raw)}")
    return check_fields(raw, name)


def parse_assignments(pairs: Iterable[str], origin: str = "--set") -> dict[str, object]:
    """``["series=The Cycle", "tags=a, b"]`` → checked fields; list items are comma-separated."""
    raw: dict[str, object] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals:
            raise InputError(f"{origin} {pair!r}: write it as key=value, e.g. --set series=The Cycle")
        key = key.strip()
        raw[key] = [item for item in value.split(",")] if key in LISTS else value
    return check_fields(raw, origin)


def check_fields(raw: Mapping, origin: str) -> dict[str, object]:
    """Every key known and every value of its kind, or an ``InputError`` naming both and ``origin``.

    Checking is idempotent, so the pipeline re-checks what the CLI already checked for free."""
    fields: dict[str, object] = {}
    for key, value in raw.items():
        if key not in KEYS:
            raise InputError(f"{origin}: unknown key {str(key)!r}{_did_you_mean(str(key))}")
        if value is None:
            continue
        checked = _check(key, value, lambda wanted: _wrong(origin, key, wanted, value))
        if checked:
            fields[key] = checked
    return fields


def _check(key: str, value: object, wrong) -> object:
    if key in LISTS:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)) or not all(_is_text(item) for item in items):
            raise wrong("a list of names or words")
        return tuple(dict.fromkeys(c for c in (clean_field(str(item)) for item in items) if c))
    if not (_is_text(value) or isinstance(value, dt.date)):
        raise wrong(_WANTED.get(key, "text"))
    if key == "series_index":
        return _number(value, wrong)
    if key in ("published", "updated"):
        return _date(value, wrong)
    text = _paragraphs(str(value)) if key == "description" else clean_field(str(value))
    if key == "language" and text:
        if not language_code(text):
            raise wrong(_WANTED[key])
        text = language_code(text)
    elif key == "status" and text:
        text = "-".join(text.lower().replace("_", " ").replace("-", " ").split())
        if text not in STATUSES:
            raise wrong(_WANTED[key])
    elif key == "source" and text and not _URL.match(text):
        raise wrong(_WANTED[key])
    elif key == "identifier" and text:
        text = _identifier(text, wrong)
    return text


_WANTED = {
    "language": "a language code such as en, fr or pt-BR",
    "status": "complete or in-progress",
    "series_index": "a number such as 2 or 2.5",
    "published": "an ISO date such as 2024-05-01",
    "updated": "an ISO date such as 2024-05-01",
    "source": "a URL such as https://example.org/story",
    "identifier": "a UUID after urn:uuid:",
}


def _number(value: object, wrong) -> str:
    try:
        number = float(value) if isinstance(value, (int, float, str)) else math.nan
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number < 0:
        raise wrong(_WANTED["series_index"])
    return str(int(number)) if number == int(number) else repr(number)


def _date(value: object, wrong) -> str:
    """A day, a month or a year, as ISO; a date-time keeps its day only (all ``dc:date`` needs)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = clean_field(str(value)) if isinstance(value, (str, int)) else ""
    match = _PARTIAL_DATE.match(text)
    try:
        if match:
            dt.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
            return text
        return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        raise wrong(_WANTED["published"]) from None


def _identifier(text: str, wrong) -> str:
    """A bare UUID becomes a ``urn:uuid:``; anything else is kept as given (EPUB takes any string)."""
    bare = text.removeprefix("urn:uuid:")
    try:
        return f"urn:uuid:{uuid.UUID(bare)}"
    except ValueError:
        if bare != text:  # EPUBCheck warns about a urn:uuid: that holds no UUID
            raise wrong(_WANTED["identifier"]) from None
        return text


def _paragraphs(text: str) -> str:
    """Blank lines separate paragraphs; inside one, line breaks are spaces."""
    parts = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n\n".join(p for p in (clean_field(part) for part in parts) if p)


def _parse(data: bytes, name: str, suffix: str) -> object:
    try:
        if suffix == ".toml":
            import tomllib

            return tomllib.loads(data.decode("utf-8-sig"))
        if suffix == ".json":
            import json

            return json.loads(data)
        import yaml

        return yaml.safe_load(data)
    except UnicodeDecodeError:
        raise InputError(f"{name}: a metadata file must be UTF-8 text") from None
    except Exception as error:  # each parser has its own error class; all mean "not valid"
        raise InputError(f"{name} is not valid {suffix[1:].upper().replace('YML', 'YAML')}: "
                         f"{_one_line(error)}") from None


def _one_line(error: Exception) -> str:
    """YAML's messages span lines and quote the file; the first problem and its place suffice."""
    problem, mark = getattr(error, "problem", None), getattr(error, "problem_mark", None)
    if problem and mark:
        return f"{problem} (line {mark.line + 1}, column {mark.column + 1})"
    return " ".join(str(error).split())


def _is_text(value: object) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _wrong(origin: str, key: str, wanted: str, value: object) -> InputError:
    if isinstance(value, (dict, list, tuple)):
        shown = f"a {_kind(value)}"
    else:
        shown = repr(value if len(str(value)) <= 40 else f"{str(value)[:40]}…") if isinstance(value, str) else str(value)
    return InputError(f"{origin}: {key!r} must be {wanted}, not {shown}")


def _kind(value: object) -> str:
    return {dict: "table", list: "list", tuple: "list"}.get(type(value), type(value).__name__)


def _did_you_mean(key: str) -> str:
    close = difflib.get_close_matches(key.lower().replace("-", "_").replace(" ", "_"), KEYS, n=1)
    return f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(KEYS)})"
