"""``ebookify serve`` in a real browser: Debian's chromium, driven by Playwright, against the
real command in its own process. Choosing and dropping a story, editing it, choosing a cover
design, downloading and checking the book with EPUBCheck; a bad file's error; keyboard only;
phone width and dark mode.

Skips when Playwright or a chromium binary is missing (``.ci/run`` installs both; never
``playwright install``, which downloads a browser of its own).
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import FIXTURES, needs_samples

sync_api = pytest.importorskip("playwright.sync_api", reason="needs Playwright: pip install -e '.[test]'")
CHROMIUM = next((path for path in (os.environ.get("EBOOKIFY_CHROMIUM"), shutil.which("chromium"),
                                   shutil.which("chromium-browser"), "/usr/bin/chromium") if path and Path(path).is_file()), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs a chromium binary (apt-get install chromium)")

STORY = FIXTURES / "the-harbour-clock.txt"
PNG = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(40)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real ``ebookify serve`` in its own process, with a temporary folder of its own."""
    temp = tmp_path_factory.mktemp("serve-tmp")
    env = {**os.environ, "TMPDIR": str(temp)}
    process = subprocess.Popen([sys.executable, "-m", "ebookify", "serve", "--port", "18480"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if not line.startswith("ebookify serve: http://"):
        process.kill()
        pytest.fail(f"serve did not start: {line}{process.stderr.read()}")
    url = line.split()[2]
    yield url, temp, process
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server[0])
    yield page
    context.close()


def card_for(page, name: str):
    card = page.locator("article.book", has=page.get_by_role("heading", name=name))
    card.locator("form.edit, p.error").first.wait_for()
    return card


def opf(epub: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(epub)) as archive:
        return archive.read("EPUB/content.opf").decode()


def test_choose_edit_pick_a_design_download_and_the_book_passes_epubcheck(page, tmp_path):
    from ebookify.epub.checks import run_epubcheck

    page.set_input_files("#stories", str(STORY))
    card = card_for(page, STORY.name)
    assert card.get_by_label("Title", exact=True).input_value() == "The Harbour Clock"
    assert card.get_by_label("Authors", exact=True).input_value() == "Ines Marlowe"
    assert "Chapter 2: The Key" in card.locator(".chapters").inner_text()
    first_cover = card.locator("figure img").first.get_attribute("src")
    card.get_by_label("Title", exact=True).fill("The Harbour Clock, Mended")
    card.get_by_label("Design", exact=True).select_option("band")
    sync_api.expect(card.locator("figure img").first).not_to_have_attribute("src", first_cover)
    sync_api.expect(card.locator(".previews")).not_to_have_attribute("aria-busy", "true")
    with page.expect_download() as download:
        card.get_by_role("button", name="Download EPUB").click()
    assert download.value.suggested_filename == "the-harbour-clock-mended.epub"
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert "<dc:title" in opf(path.read_bytes()) and "The Harbour Clock, Mended</dc:title>" in opf(path.read_bytes())
    assert [str(f) for f in run_epubcheck(str(path))] == []
    sync_api.expect(card.locator("p.status")).to_have_text(f"Downloaded {path.name}.")


def test_a_dropped_story_is_read(page):
    page.evaluate("""(text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], "dropped.txt", {type: "text/plain"}));
        document.getElementById("drop").dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true}));
    }""", STORY.read_text())
    card = card_for(page, "dropped.txt")
    assert card.get_by_label("Title", exact=True).input_value() == "The Harbour Clock"


@pytest.mark.parametrize("name, data, line", [
    pytest.param("photo.txt", PNG, "Error: this looks like a PNG image, not a text file", id="a PNG renamed .txt"),
    pytest.param("empty.txt", b"", "Error: the file is empty: there is no story to convert", id="an empty file"),
])
def test_a_bad_file_shows_its_error_next_to_it(page, name, data, line):
    page.set_input_files("#stories", {"name": name, "mimeType": "text/plain", "buffer": data})
    card = card_for(page, name)
    assert card.get_by_role("alert").inner_text() == line
    assert page.locator("form.edit").count() == 0


def test_keyboard_only_choose_edit_and_download(page):
    def tab_to(check: str, limit: int = 60) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"(() => {{ const e = document.activeElement; return {check}; }})()"):
                return
        pytest.fail(f"Tab never reached {check}")

    page.on("filechooser", lambda chooser: None)  # Playwright intercepts choosers from now on, before Enter
    tab_to("e.id === 'stories'")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(str(STORY))
    page.locator("form.edit").wait_for()
    tab_to("e.name === 'title'")
    page.keyboard.press("Control+A")
    page.keyboard.type("Typed Without a Mouse")
    tab_to("e.type === 'submit'")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "typed-without-a-mouse.epub"


@pytest.mark.parametrize("scheme, dark", [pytest.param("light", False, id="light"), pytest.param("dark", True, id="dark")])
def test_phone_width_has_no_sideways_scrolling_and_follows_the_colour_scheme(browser, server, scheme, dark):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, is_mobile=True)
    page = context.new_page()
    page.goto(server[0])
    page.set_input_files("#stories", str(STORY))
    card_for(page, STORY.name)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(n) for n in background[background.index("(") + 1:-1].split(",")[:3])
    assert (red + green + blue < 200) is dark
    context.close()


@needs_samples
def test_the_reference_sample_is_read(browser, server, samples):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server[0])
    page.set_input_files("#stories", str(samples / "cherished-words.txt"))
    card = card_for(page, "cherished-words.txt")
    assert card.get_by_label("Title", exact=True).input_value() == "Cherished Words"
    context.close()


def test_the_server_stops_cleanly_on_ctrl_c_and_leaves_no_file(server):
    url, temp, process = server
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0
    assert process.stderr.read() == ""  # no traceback from the server or its workers
    assert list(temp.iterdir()) == []
