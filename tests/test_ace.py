"""Ace by DAISY finds no accessibility violation in the golden books, a KEPUB and the shared samples.

Runs only where Ace is installed (``.ci/run`` installs it when it can; see ``bench/ace.py`` for
how): the tests skip with the reason otherwise. Ace takes a few seconds a book (Chromium).
"""

import importlib.util
from concurrent.futures import ThreadPoolExecutor

import pytest

from ebookify import Options, convert

from conftest import ROOT, SAMPLES, needs_samples
from test_golden import CASES, MODIFIED

_spec = importlib.util.spec_from_file_location("bench_ace", ROOT / "bench" / "ace.py")
ace = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ace)

COMMAND = ace.ace_command()
needs_ace = pytest.mark.skipif(COMMAND is None, reason="Ace is not installed (set ACE_CLI; see bench/ace.py)")


def violations_of(books: dict[str, bytes], folder) -> dict[str, list]:
    def one(item):
        name, data = item
        path = folder / f"{name}.epub"
        path.write_bytes(data)
        return name, ace.violations(ace.run_ace(COMMAND, path, folder / f"{name}-report"))

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(one, books.items()))


@needs_ace
def test_the_golden_books_and_a_kepub_have_no_violations(tmp_path):
    books = {}
    for case, source in CASES.items():
        options = Options(source_name=source.name, modified=MODIFIED)
        books[case] = convert(source.read_bytes(), options).epub
    source = CASES["parts-notes-markdown"]
    books["kepub"] = convert(source.read_bytes(), Options(source_name=source.name, format="kepub", notes="end")).epub
    assert violations_of(books, tmp_path) == {name: [] for name in books}


@needs_ace
@needs_samples
def test_the_shared_samples_have_no_violations(tmp_path):
    names = sorted(p.name for p in SAMPLES.glob("*") if p.suffix in (".txt", ".md"))
    books = {name: convert((SAMPLES / name).read_bytes(), Options(source_name=name)).epub for name in names}
    assert violations_of(books, tmp_path) == {name: [] for name in books}
