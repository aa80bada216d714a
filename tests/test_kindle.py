"""Every book ebookify writes is Kindle-safe as a plain EPUB: the device pre-flight that
``ebookify check`` runs (``epub/preflight.py``) finds nothing, for the fixtures made four ways
and for every shared sample. So there is no ``--format kindle``."""

import pytest

from ebookify import Options, convert
from ebookify.epub.open import open_book
from ebookify.epub.preflight import preflight

from conftest import FIXTURES, SAMPLES, build, needs_samples


def problems(epub: bytes) -> list[str]:
    return [f"{p.severity} {p.code} {p.where}: {p.message}" for p in preflight(epub, open_book(epub))
            if p.severity != "info"]


FIXTURE_OPTIONS = [
    pytest.param(path.name, options, id=f"{path.name} {options}")
    for path in sorted(FIXTURES.glob("*.*")) if path.suffix in (".txt", ".md")
    for options in ({}, {"notes": "end"}, {"format": "kepub"}, {"cover": False})
]


@pytest.mark.parametrize("name, options", FIXTURE_OPTIONS)
def test_every_fixture_book_passes_the_device_pre_flight(name, options):
    assert problems(build((FIXTURES / name).read_bytes(), source_name=name, **options)) == []


SAMPLE_NAMES = sorted(p.name for p in SAMPLES.glob("*") if p.suffix in (".txt", ".md")) if SAMPLES.is_dir() else []


@needs_samples
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_shared_sample_passes_the_device_pre_flight(name):
    assert problems(convert((SAMPLES / name).read_bytes(), Options(source_name=name)).epub) == []


def test_a_no_author_book_and_a_foreign_one_pass_too():
    assert problems(build("Just a story without any byline.\n\nA second paragraph.\n")) == []
    assert problems(build("Title: 灯台\n\n彼は\"こんにちは\"と言った。\n", language="ja")) == []
