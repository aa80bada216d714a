"""Metadata given beside the story: a sidecar file (``story.toml``, ``story.yaml``, ``story.json``)
or ``--set key=value`` on the command line. Pure: the CLI finds and reads the file, this module
turns its bytes into checked values, so a typo is one error naming the key and the file, never a
setting silently ignored. Where these values rank against flags and the text: ``precedence.settle``.

The keys and the values each takes are ``metadata.KEYS``; checking is ``metadata.check_fields``.
"""

from __future__ import annotations

from ..errors import InputError
from ..metadata import check_fields, kind_of

SUFFIXES = (".toml", ".yaml", ".yml", ".json")  # what a sidecar file may be called: story + one of these


def read_sidecar(data: bytes, name: str) -> dict[str, object]:
    """The checked fields of a sidecar file; ``name`` picks the format and names it in errors."""
    suffix = name[name.rfind("."):].lower() if "." in name else ""
    if suffix not in SUFFIXES:
        raise InputError(f"{name}: a metadata file must end in {', '.join(SUFFIXES)}")
    raw = _parse(data, name, suffix)
    if raw is None:  # an empty YAML file
        raw = {}
    if not isinstance(raw, dict):
        raise InputError(f"{name}: expected keys and values at the top level, not a {kind_of(raw)}")
    return check_fields(raw, name)


def safe_yaml(text: str | bytes) -> object:
    """YAML's safe subset, read by libyaml in C where PyYAML was built with it: a tenth of the
    pure-Python loader's time, which was a twentieth of reading a short story."""
    import yaml  # only files with YAML pay for the import

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _parse(data: bytes, name: str, suffix: str) -> object:
    try:
        if suffix == ".toml":
            import tomllib

            return tomllib.loads(data.decode("utf-8-sig"))
        if suffix == ".json":
            import json

            return json.loads(data)
        return safe_yaml(data)
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


