"""Every book ebookify writes is Kindle-safe as a plain EPUB: the Send to Kindle pre-flight finds nothing."""

import pytest

from ebookify import Options, convert

from conftest import FIXTURES, build, needs_samples, SAMPLES
from kindle import kindle_problems

FIXTURE_OPTIONS = [
    pytest.param(path.name, options, id=f"{path.name} {options}")
    for path in sorted(FIXTURES.glob("*.*")) if path.suffix in (".txt", ".md")
    for options in ({}, {"notes": "end"}, {"format": "kepub"}, {"cover": False})
]


@pytest.mark.parametrize("name, options", FIXTURE_OPTIONS)
def test_every_fixture_book_passes_the_kindle_pre_flight(name, options):
    assert kindle_problems(build((FIXTURES / name).read_bytes(), source_name=name, **options)) == []


SAMPLE_NAMES = sorted(p.name for p in SAMPLES.glob("*") if p.suffix in (".txt", ".md")) if SAMPLES.is_dir() else []


@needs_samples
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_shared_sample_passes_the_kindle_pre_flight(name):
    result = convert((SAMPLES / name).read_bytes(), Options(source_name=name))
    assert kindle_problems(result.epub) == []


@pytest.mark.parametrize("epub, problem", [
    pytest.param(lambda b: b.replace(b'<?xml version="1.0" encoding="utf-8"?>', b"", 1), "XML declaration",
                 id="a page without the declaration"),
    pytest.param(lambda b: b.replace(b'href="chapter-002.xhtml"', b'href="chapter-009.xhtml"'), "leads nowhere",
                 id="a broken link"),
])
def test_the_pre_flight_finds_what_kindle_refuses(epub, problem):
    import io
    import zipfile

    good = build("Title: T\nAuthor: A\n\nChapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n")
    source, out = zipfile.ZipFile(io.BytesIO(good)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as broken:
        for name in source.namelist():
            data = source.read(name)
            broken.writestr(name, epub(data) if name.endswith("nav.xhtml") else data)
    assert any(problem in p for p in kindle_problems(out.getvalue()))
