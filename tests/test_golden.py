"""Golden books: the example story's pages, package and nav must only change on purpose.

Run ``pytest --update-golden`` after an intended change and review the diff in git. The cover
image is left out (its pixels depend on the installed FreeType, not on ebookify), and so is the
stylesheet, which must equal ``assets/css/style.css`` byte for byte.
"""

import datetime as dt
import difflib
from pathlib import Path

import pytest

from ebookify import Options, convert
from ebookify.resources import read_asset

from conftest import ROOT, unzip

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = {
    "the-lamplighters-apprentice": ROOT / "examples" / "the-lamplighters-apprentice.txt",
    "parts-notes-markdown": ROOT / "tests" / "fixtures" / "parts-notes-markdown.md",
    "gutenberg-style": ROOT / "tests" / "fixtures" / "gutenberg-style.txt",
    "ffn-copy": ROOT / "tests" / "fixtures" / "ffn-copy.txt",
    "fanficfare-export": ROOT / "tests" / "fixtures" / "fanficfare-export.txt",
    "ao3-work-copy": ROOT / "tests" / "fixtures" / "ao3-work-copy.txt",
    "footnoted-edition": ROOT / "tests" / "fixtures" / "footnoted-edition.txt",
}
MODIFIED = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_book(case, request):
    source = CASES[case]
    epub = convert(source.read_bytes(), Options(source_name=source.name, modified=MODIFIED)).epub
    files = unzip(epub)
    assert files["EPUB/style.css"] == read_asset("css/style.css")  # copied as is: no golden copy needed
    actual = {name: data for name, data in files.items() if not name.endswith((".jpg", ".css"))}
    folder = GOLDEN / case
    if request.config.getoption("--update-golden"):
        for old in folder.rglob("*") if folder.exists() else []:
            if old.is_file():
                old.unlink()
        for name, data in actual.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
    expected = {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert sorted(actual) == sorted(expected), "the book's files changed"
    for name in sorted(actual):
        if actual[name] != expected[name]:
            diff = difflib.unified_diff(expected[name].decode().splitlines(), actual[name].decode().splitlines(),
                                        f"golden/{name}", f"built/{name}", lineterm="")
            pytest.fail("\n".join(diff))
