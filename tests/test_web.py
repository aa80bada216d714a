"""``ebookify serve``'s routes through Starlette's test client: what the page shows, that its
edits make the same book as the command line's flags, and its limits and refusals."""

from __future__ import annotations

import html as markup
import re
import sys
import time

import pytest

pytest.importorskip("starlette", reason="needs the serve extra: pip install -e '.[test]'")

from starlette.testclient import TestClient  # noqa: E402

from conftest import FIXTURES, invoke  # noqa: E402
from ebookify import Options, convert  # noqa: E402
from ebookify.errors import EbookifyError  # noqa: E402
from ebookify.web import work  # noqa: E402
from ebookify.web.app import Limits, create_app  # noqa: E402
from ebookify.web.workers import Workers  # noqa: E402

STORY = FIXTURES / "the-harbour-clock.txt"
EPOCH_SECONDS = 1_700_000_000
PNG = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(40)


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(), base_url="http://127.0.0.1") as client:
        yield client


def send(client, route, data=None, name="the-harbour-clock.txt", story=None, **extra):
    files = [("story", (name, STORY.read_bytes() if story is None else story, "text/plain"))]
    for key, value in extra.items():
        files.append((key, value))
    return client.post(route, files=files, data=data or {})


def found_fields(client) -> dict[str, str]:
    """The hidden ``found_*`` fields of a fresh card: what the page sends back untouched."""
    html = send(client, "/inspect").text
    return dict(re.findall(r'name="(found_\w+)" value="([^"]*)"', html))


# The page ---------------------------------------------------------------------------------------


def test_the_page_labels_every_field_and_loads_nothing_from_another_site(client):
    page = client.get("/")
    assert page.status_code == 200
    assert re.search(r'<input id="stories"[^>]*type="file"', page.text) and '<label for="stories"' in page.text
    assert not re.search(r'(src|href)="(https?:)?//', page.text)
    assert "default-src 'none'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/style.css"):
        assert client.get(asset).status_code == 200


def test_a_card_shows_what_was_found_as_editable_fields(client):
    html = send(client, "/inspect", {"slot": "7"}).text
    assert 'id="b7"' in html
    values = dict(re.findall(r'<input id="b7-(\w+)" name="\w+" value="([^"]*)"', html))
    assert values["title"] == "The Harbour Clock" and values["authors"] == "Ines Marlowe" and values["language"] == "en"
    assert "clock above the fish market" in html
    assert re.findall(r"<li><span>([^<]+)</span> <span class=\"words\">(\d+) words", html) == [
        ("Chapter 1: Four Minutes", "62"), ("Chapter 2: The Key", "61")]
    labels = set(re.findall(r'<label for="([^"]+)"', html))
    fields = set(re.findall(r'<(?:input|select|textarea) id="([^"]+)"', html))
    assert fields and fields <= labels, f"fields without a label: {fields - labels}"
    assert 'src="data:image/jpeg;base64,' in html  # the cover from the book


def test_several_stories_in_one_request_give_a_card_each(client):
    files = [("story", ("a.txt", STORY.read_bytes())), ("story", ("b.txt", b""))]
    html = client.post("/inspect", files=files).text
    assert html.count("<article") == 2 and "Error: the file is empty" in html


# Edits make the book the flags make ---------------------------------------------------------------


@pytest.mark.parametrize("fields, flags", [
    pytest.param({}, [], id="an untouched page is the plain command"),
    pytest.param({"title": "Night Train"}, ["--title", "Night Train"], id="title"),
    pytest.param({"authors": "A. Writer, B. Writer"}, ["--author", "A. Writer", "--author", "B. Writer"], id="authors"),
    pytest.param({"language": "fr"}, ["--language", "fr"], id="language"),
    pytest.param({"series": "Crossings", "series_index": "2"}, ["--series", "Crossings", "--series-index", "2"], id="series"),
    pytest.param({"tags": "ferries, night"}, ["--tag", "ferries", "--tag", "night"], id="tags"),
    pytest.param({"description": "A new blurb.\r\n\r\nIn two paragraphs."},
                 ["--description", "A new blurb.\n\nIn two paragraphs."], id="description, CRLF as browsers send it"),
    pytest.param({"more": "rating=Teen\r\ncharacters=Oren, Ada"}, ["--set", "rating=Teen", "--set", "characters=Oren, Ada"],
                 id="more metadata is --set"),
    pytest.param({"cover_style": "band", "cover_palette": "teal"}, ["--cover-style", "band", "--cover-palette", "teal"],
                 id="cover design"),
    pytest.param({"cover": "none", "cover_style": "band"}, ["--no-cover"], id="no cover ignores the design"),
    pytest.param({"notes": "end"}, ["--notes", "end"], id="notes"),
])
def test_edits_make_the_same_book_as_the_flags(client, fields, flags, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_SECONDS))
    run = invoke(STORY, "-o", tmp_path / "cli.epub", *flags)
    assert run.exit_code == 0, run.output
    data = {**found_fields(client), **fields, "modified": str(EPOCH_SECONDS * 1000)}
    response = send(client, "/book", data)
    assert response.status_code == 200, response.text
    assert response.content == (tmp_path / "cli.epub").read_bytes()


def test_an_own_cover_image_is_the_cover_flag(client, tmp_path, monkeypatch):
    from PIL import Image

    image = tmp_path / "art.png"
    Image.new("RGB", (400, 640), (200, 40, 40)).save(image)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_SECONDS))
    assert invoke(STORY, "-o", tmp_path / "cli.epub", "--cover", image).exit_code == 0
    response = send(client, "/book", {"cover": "image", "modified": str(EPOCH_SECONDS * 1000)},
                    cover_image=("art.png", image.read_bytes(), "image/png"))
    assert response.content == (tmp_path / "cli.epub").read_bytes()


def test_the_book_comes_as_an_attachment_with_a_safe_name(client):
    response = send(client, "/book", {"title": "../../etc/passwd\n<script>é"}, name="../../secret.txt")
    assert response.headers["content-type"] == "application/epub+zip"
    assert response.headers["content-disposition"] == 'attachment; filename="etc-passwd-script-e.epub"'


def test_a_title_in_another_script_names_the_download_in_that_script(client):
    response = send(client, "/book", {"title": "Архиерей"})
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"book.epub\"; filename*=utf-8''%D0%B0%D1%80%D1%85%D0%B8%D0%B5%D1%80%D0%B5%D0%B9.epub")


def test_a_download_button_per_output_format(client, monkeypatch):
    from ebookify.web import app

    html = send(client, "/inspect").text
    assert re.findall(r'name="format" value="(\w+)"', html) == ["epub", "kepub"]
    monkeypatch.setattr(app, "FORMATS", ("epub", "kepub"))
    with TestClient(app.create_app(), base_url="http://127.0.0.1") as other:
        assert re.findall(r'>Download (\w+)</button>', send(other, "/inspect").text) == ["EPUB", "KEPUB"]
    refused = send(client, "/book", {"format": "pdf"})
    assert refused.status_code == 422 and "is not one of epub" in refused.text


# Errors: the CLI's one line, next to the file ---------------------------------------------------


@pytest.mark.parametrize("name, data", [
    pytest.param("photo.txt", PNG, id="a PNG renamed .txt"),
    pytest.param("empty.txt", b"", id="an empty file"),
    pytest.param("nul.txt", b"\0" * 4000, id="NUL bytes"),
])
def test_a_bad_file_shows_the_cli_error_line(client, name, data, tmp_path):
    (tmp_path / name).write_bytes(data)
    cli = invoke(tmp_path / name, "-o", tmp_path / "out.epub")
    assert cli.exit_code == 1
    html = send(client, "/inspect", name=name, story=data).text
    line = re.search(r'<p class="error" role="alert">([^<]+)</p>', html).group(1)
    assert markup.unescape(line) == cli.stderr.strip()
    assert "Traceback" not in html


@pytest.mark.parametrize("fields, flags", [
    pytest.param({"language": "not a language"}, ["--language", "not a language"], id="a bad language"),
    pytest.param({"series_index": "second"}, ["--series-index", "second"], id="a bad series number"),
    pytest.param({"more": "colour=blue"}, None, id="an unknown key"),
])
def test_a_bad_edit_is_a_usage_error_line(client, fields, flags, tmp_path):
    response = send(client, "/book", fields)
    assert response.status_code == 422
    line = re.search(r'role="alert">([^<]+)<', response.text).group(1)
    assert line.startswith("Error: ") and "\n" not in line
    if flags:
        cli = invoke(STORY, "-o", tmp_path / "x.epub", *flags)
        assert cli.exit_code == 2 and markup.unescape(line) == cli.stderr.strip()


# Limits and refusals ----------------------------------------------------------------------------


def test_limits_are_refused_with_one_line():
    limits = Limits(story_bytes=1000, cover_bytes=100, files=2, request_bytes=5000)
    with TestClient(create_app(limits), base_url="http://127.0.0.1") as small:
        big = send(small, "/inspect", story=b"word " * 300)
        assert big.status_code == 413 and "larger than" in big.text
        cover = send(small, "/book", {"cover": "image"}, story=b"A story.", cover_image=("c.png", PNG * 3, "image/png"))
        assert cover.status_code == 413 and "the cover image is larger than" in cover.text
        many = small.post("/inspect", files=[("story", (f"{i}.txt", b"Hi.")) for i in range(4)])
        assert many.status_code == 400 and many.text.count("\n") <= 1
        huge = small.post("/inspect", content=b"x" * 6000, headers={"content-type": "multipart/form-data; boundary=x"})
        assert huge.status_code == 413 and "larger than" in huge.text


def test_uploads_stay_in_memory(client, monkeypatch):
    import tempfile

    def no_disk(*args, **kwargs):
        raise AssertionError("an upload was spooled to disk")

    monkeypatch.setattr(tempfile, "TemporaryFile", no_disk)
    story = ("Chapter 1\n\n" + "A line of the story, long enough to count. " * 40_000).encode()  # 1.7 MB
    assert len(story) > 1024 * 1024
    response = send(client, "/inspect", story=story)
    assert response.status_code == 200 and "Chapter 1" in response.text


def test_another_site_cannot_use_the_converter(client):
    assert client.post("/book", headers={"Origin": "https://evil.example"}, files={"story": ("a.txt", b"Hi.")}).status_code == 403
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400  # DNS rebinding
    assert client.post("/book", headers={"Origin": "http://127.0.0.1"}, files={"story": ("a.txt", b"Hi there.")}).status_code == 200


def test_no_route_reads_a_path_named_by_the_request(client):
    for path in ("/static/../work.py", "/static/%2e%2e/app.py", "/static//etc/passwd", "/book?path=/etc/passwd"):
        assert client.get(path).status_code in (404, 405)


def test_a_conversion_over_its_time_is_stopped_and_the_worker_replaced():
    import asyncio

    workers = Workers(processes=1, seconds=0.5)
    try:
        with pytest.raises(EbookifyError, match="longer than 0.5 seconds"):
            asyncio.run(workers.run(time.sleep, 30))
        assert asyncio.run(workers.run(sorted, [2, 1])) == [1, 2]
    finally:
        workers.close()


# Previews ---------------------------------------------------------------------------------------


def test_previews_follow_the_chosen_design(client):
    plain = send(client, "/preview", {"cover_style": "frame"}).text
    band = send(client, "/preview", {"cover_style": "band", "cover_palette": "teal"}).text
    covers = [re.search(r'data:image/jpeg;base64,([^"]+)', html).group(1) for html in (plain, band)]
    assert covers[0] != covers[1]
    assert band.count("data:image/png;base64,") == 2 and "Title page" in band and "First chapter" in band


def test_without_pymupdf_only_the_cover_is_shown_and_the_page_says_so(monkeypatch):
    from ebookify.web.app import _TEMPLATES

    monkeypatch.setitem(sys.modules, "pymupdf", None)
    found = work.inspect(STORY.read_bytes(), Options(source_name="s.txt"))
    assert found.cover and found.pages == () and not found.pages_available
    html = _TEMPLATES.get_template("previews.html").render(found=found)
    assert "data:image/jpeg" in html and "ebookify[preview]" in html and "data:image/png" not in html


# The command ------------------------------------------------------------------------------------


def test_serve_without_its_extra_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    run = invoke("serve")
    assert run.exit_code == 1
    assert run.stderr.strip().splitlines() == [
        "Error: ebookify serve needs the serve extra (uvicorn is missing): pip install 'ebookify[serve]'"]


@pytest.mark.parametrize("host, warned", [
    pytest.param("127.0.0.1", False, id="loopback: no warning"),
    pytest.param("0.0.0.0", True, id="every network: a warning"),
])
def test_serve_prints_its_address_and_warns_off_loopback(monkeypatch, host, warned):
    import uvicorn

    ran = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets: (ran.append(sockets[0].getsockname()), sockets[0].close()))
    run = invoke("serve", "--host", host, "--port", "18153")
    assert run.exit_code == 0, run.output
    port = ran[0][1]
    assert f"ebookify serve: http://127.0.0.1:{port}/" in run.stdout
    assert ("no password" in run.stderr) is warned


def test_open_opens_the_printed_address_in_the_browser(monkeypatch):
    import uvicorn

    import threading
    import webbrowser

    opened = []

    class Now:  # the timer that waits for the server, without the wait
        def __init__(self, delay, function, args):
            self.call = lambda: function(*args)

        def start(self):
            self.call()

    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets: sockets[0].close())
    monkeypatch.setattr(threading, "Timer", Now)
    monkeypatch.setattr(webbrowser, "open", opened.append)
    run = invoke("serve", "--open", "--port", "18353")
    assert run.exit_code == 0 and opened and f"ebookify serve: {opened[0]} " in run.stdout


def test_a_taken_port_moves_to_the_next_free_one():
    from ebookify.cli.serve import _listen

    first = _listen("127.0.0.1", 18253)
    try:
        second = _listen("127.0.0.1", first.getsockname()[1])
        assert second.getsockname()[1] > first.getsockname()[1]
        second.close()
    finally:
        first.close()
