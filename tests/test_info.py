"""``ebookify info``: what a conversion would find, with where each metadata field came from, as
records (``--json``) and as tables; and what a book holds. Through a real process."""

import json

import pytest

from conftest import build, run_process
from foreign import foreign_epub

STORY = """Title: The Night Ferry
Author: Wren Halloway
Summary: A crossing in fog.

Chapter 1: Boarding

The ferry left at midnight. Gulls slept on the rail and the engines hummed below.

* * *

Below deck, Mira counted the lamps. There were forty, and one was out.

Chapter 2: Fog

A/N: Thanks for reading!

The fog came down like wool. Nobody spoke until the horn sounded twice.
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "night-ferry.txt").write_text(STORY)
    (tmp_path / "night-ferry.toml").write_text('series = "Crossings"\nseries_index = 2\n')
    return tmp_path


def test_every_field_says_where_it_came_from(folder):
    result = run_process("info", "night-ferry.txt", "--json", "--set", "rating=Teen", "--language", "en", cwd=folder)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    sources = {field["key"]: field["source"] for field in record["metadata"]}
    assert sources == {"title": "text", "authors": "text", "description": "text", "language": "flag",
                       "rating": "flag", "series": "sidecar", "series_index": "sidecar", "identifier": "derived"}
    assert record["encoding"] == "UTF-8" and record["title"] == "The Night Ferry"
    assert not list(folder.glob("*.epub")) and not (folder / "dist").exists(), "info writes nothing"


def test_a_title_from_the_file_name_is_a_guess(tmp_path):
    (tmp_path / "lost-and-found.txt").write_text("Just a few words with no header at all, about a found key.\n")
    record = json.loads(run_process("info", "lost-and-found.txt", "--json", cwd=tmp_path).stdout)
    sources = {field["key"]: (field["value"], field["source"]) for field in record["metadata"]}
    assert sources["title"] == ("Lost and Found", "guess")
    assert "authors" not in sources  # no author found: none is made up ("Unknown" stays unsaid)


def test_chapters_notes_and_scene_breaks_are_records(folder):
    record = json.loads(run_process("info", "night-ferry.txt", "--json", cwd=folder).stdout)
    chapters = [(c["heading"], c["scene_breaks"], len(c["notes"])) for c in record["chapters"]]
    assert chapters == [("Chapter 1: Boarding", 1, 0), ("Chapter 2: Fog", 0, 1)]
    assert record["chapters"][0]["words"] == 28 and record["words"] == sum(c["words"] for c in record["chapters"])
    assert all(set(e) == {"line", "what"} for e in record["events"])


def test_footnotes_are_records_and_a_row_of_the_table(tmp_path):
    (tmp_path / "f.txt").write_text("Chapter 1\n\nThe fog came[^1] down like wool.\n\n[^1]: Sea fog, thick.\n")
    record = json.loads(run_process("info", "f.txt", "--json", cwd=tmp_path).stdout)
    assert record["footnotes"] == [{"mark": "1", "words": 3}]
    assert "notes page: 1 footnote" in run_process("info", "f.txt", cwd=tmp_path).stdout


def test_debug_structure_prints_the_same_events_convert_prints(folder):
    shown = run_process("info", "night-ferry.txt", "--debug-structure", cwd=folder).stdout.splitlines()
    converted = run_process("night-ferry.txt", "-o", "out.epub", "--debug-structure", cwd=folder).stdout.splitlines()
    assert shown and shown == converted[:-1]  # convert's last line is the book it wrote


def test_the_terminal_view_is_a_table_with_sources(folder):
    result = run_process("info", "night-ferry.txt", cwd=folder)
    assert result.returncode == 0
    assert "The Night Ferry" in result.stdout and "sidecar" in result.stdout and "Chapter 2: Fog" in result.stdout


def test_a_book_shows_its_metadata_contents_and_sizes(tmp_path):
    (tmp_path / "ours.epub").write_bytes(build(STORY, source_name="night-ferry.txt"))
    (tmp_path / "theirs.epub").write_bytes(foreign_epub())
    ours = json.loads(run_process("info", "ours.epub", "--json", cwd=tmp_path).stdout)
    assert ours["kind"] == "book" and ours["bytes"] == (tmp_path / "ours.epub").stat().st_size
    assert {"title": "The Night Ferry", "generator": "ebookify"}.items() <= {m["key"]: m["value"] for m in ours["metadata"]}.items()
    assert [e["label"] for e in ours["contents"]][-2:] == ["Chapter 1: Boarding", "Chapter 2: Fog"]
    assert ours["cover"]["bytes"] > 10_000
    theirs = json.loads(run_process("info", "theirs.epub", "--json", cwd=tmp_path).stdout)
    assert [(e["label"], e["words"]) for e in theirs["contents"]] == [("Day 1", 21), ("Day 2", 16)]  # heading + text (+ a link on day 1)
    assert {f["path"] for f in theirs["files"]} >= {"OEBPS/ch1.xhtml", "OEBPS/cover.jpg"}
