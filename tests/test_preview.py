"""``ebookify preview``: MuPDF, a real reader engine, lays the book out; the PNGs are opened and
measured (the right size, dark when asked, one contact sheet). Through a real process."""

import os

import pytest
from PIL import Image, ImageStat

from conftest import ROOT, run_process
from foreign import foreign_epub

pytest.importorskip("pymupdf", reason="preview needs the extra ebookify[preview]")

STORY = ROOT / "examples" / "the-lamplighters-apprentice.txt"


def brightness(path) -> float:
    return ImageStat.Stat(Image.open(path).convert("L")).mean[0]


def test_a_story_gives_the_pages_that_matter_and_a_contact_sheet(tmp_path):
    result = run_process("preview", STORY, "-o", "shots", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    kinds = [line.split(": ")[1].split(",")[0] for line in lines[:-1]]
    assert kinds == ["cover", "title", "contents", "note", "chapter+break"]
    assert lines[-1] == "shots/contact-sheet.png: all 5 pages"
    pages = sorted((tmp_path / "shots").glob("0*.png"))
    assert [Image.open(p).size for p in pages] == [(600, 800)] * 5
    assert 40 < brightness(pages[0]) < 200, "the cover page shows the drawn cover, not a blank page"
    assert brightness(pages[-1]) > 200, "a text page is light by default"
    sheet = Image.open(tmp_path / "shots" / "contact-sheet.png")
    assert sheet.width > 5 * 300 and sheet.height > 400
    assert not list(tmp_path.glob("*.epub")) and not (tmp_path / "dist" / "the-lamplighters-apprentice.epub").exists()


def test_dark_mode_width_and_chosen_pages(tmp_path):
    (tmp_path / "book.epub").write_bytes(foreign_epub())
    result = run_process("preview", "book.epub", "--dark", "--width", "300", "--pages", "chapter,2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "dist" / "book-preview"
    shots = sorted(folder.glob("0*-dark.png"))
    assert [p.name for p in shots] == ["01-chapter-dark.png", "02-page-2-dark.png"]
    assert Image.open(shots[0]).size == (300, 400)
    assert brightness(shots[0]) < 60, "dark mode: light text on a dark page"
    assert (folder / "contact-sheet-dark.png").exists()


@pytest.mark.parametrize("args, message", [
    pytest.param(["--pages", "middle"], "'middle' is not a page number or one of cover", id="an unknown page kind"),
    pytest.param(["--width", "20"], "the width must be between 100 and 4000 pixels", id="a width no page has"),
])
def test_bad_choices_are_usage_errors(tmp_path, args, message):
    (tmp_path / "book.epub").write_bytes(foreign_epub())
    result = run_process("preview", "book.epub", *args, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr


def test_without_pymupdf_one_line_names_the_extra(tmp_path):
    (tmp_path / "book.epub").write_bytes(foreign_epub())
    (tmp_path / "sitecustomize.py").write_text("import sys\nsys.modules['pymupdf'] = None\n")
    result = run_process("preview", "book.epub", cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: preview needs PyMuPDF: install it with pip install 'ebookify[preview]'"


def test_the_note_page_is_found_by_the_label_the_book_writes_in_its_language(tmp_path):
    sentence = "Le vent soufflait sur la jetée depuis le matin, et les bateaux restaient au port."
    before = "\n\n".join(f"{sentence} Paragraphe {n}." for n in range(40))
    after = "\n\n".join(f"{sentence} Suite {n}." for n in range(10))
    (tmp_path / "jetee.txt").write_text(f"Titre : La Jetée\nAuteur : Marie Vent\n\nChapitre 1\n\n{before}\n\n"
                                        f"A/N : merci de votre lecture.\n\n{after}\n\nChapitre 2\n\n{after}\n", encoding="utf-8")
    result = run_process("preview", "jetee.txt", "-o", "shots", "--pages", "chapter,note", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pages = {line.split(": ")[1].split(",")[0]: int(line.rsplit(" ", 1)[1]) for line in result.stdout.splitlines()[:-1]}
    assert pages["note"] > pages["chapter"], "the page where « Note de l’auteur » stands, not the chapter's first page"


def test_the_chapter_picture_is_a_page_of_text_not_a_parts_title_page(tmp_path):
    import pymupdf

    paragraph = "The tide came in over the flats while the gulls argued about the last of the light."
    text = "\n\n".join(f"{paragraph} ({n})" for n in range(30))
    (tmp_path / "tides.txt").write_text(f"Title: Tides\n\nPart One: The Flats\n\nChapter 1: Low Water\n\n{text}\n\n"
                                        f"Part Two: The Sea\n\nChapter 2: High Water\n\n{text}\n", encoding="utf-8")
    assert run_process("tides.txt", "-o", "tides.epub", cwd=tmp_path).returncode == 0
    result = run_process("preview", "tides.epub", "-o", "shots", "--pages", "chapter", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = int(result.stdout.splitlines()[0].rsplit(" ", 1)[1])
    shown = pymupdf.open(tmp_path / "tides.epub")[page - 1].get_text()
    assert "Low Water" in shown and "The tide came in" in shown, shown
