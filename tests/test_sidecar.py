"""Sidecar files and --set: three formats, one set of keys, every mistake named with its key and file."""

import datetime as dt
import zipfile

import pytest

from conftest import invoke
from bs4 import BeautifulSoup

from ebookify import Options, convert
from ebookify.errors import InputError, UsageError
from ebookify.metadata import NAMES as KEYS
from ebookify.metadata import check_fields, parse_assignments
from ebookify.reading.sidecar import read_sidecar

STORY = "Title: Night Train\nAuthor: A. Writer\n\nChapter 1\nThe train was late.\n"

TOML = b'''title = "Night Train"
authors = ["A. Writer", "B. Writer"]
series = "Lines"
series_index = 2
published = 2024-05-01
tags = ["trains", "night"]
status = "in-progress"
'''
YAML = b'''title: Night Train
authors: [A. Writer, B. Writer]
series: Lines
series_index: 2
published: 2024-05-01
tags:
  - trains
  - night
status: in-progress
'''
JSON = (b'{"title": "Night Train", "authors": ["A. Writer", "B. Writer"], "series": "Lines", "series_index": 2,'
        b' "published": "2024-05-01", "tags": ["trains", "night"], "status": "in-progress"}')
EXPECTED = {"title": "Night Train", "authors": ("A. Writer", "B. Writer"), "series": "Lines", "series_index": "2",
            "published": "2024-05-01", "tags": ("trains", "night"), "status": "in-progress"}


@pytest.mark.parametrize(
    "name, data",
    [
        pytest.param("story.toml", TOML, id="TOML"),
        pytest.param("story.yaml", YAML, id="YAML"),
        pytest.param("story.yml", YAML, id="YAML, short suffix"),
        pytest.param("story.json", JSON, id="JSON"),
    ],
)
def test_three_formats_say_the_same(name, data):
    assert read_sidecar(data, name) == EXPECTED


@pytest.mark.parametrize(
    "data, expected",
    [
        pytest.param(b'authors = "Jo March"', {"authors": ("Jo March",)}, id="a string is one author"),
        pytest.param(b'tags = ["a", "b", "a", " "]', {"tags": ("a", "b")}, id="list items once, blanks dropped"),
        pytest.param(b'fandom = ["X", "Y"]', {"fandom": ("X", "Y")}, id="a crossover's fandoms"),
        pytest.param(b'series_index = 2.0', {"series_index": "2"}, id="a whole float is a whole number"),
        pytest.param(b'series_index = "2.5"', {"series_index": "2.5"}, id="a number written as text"),
        pytest.param(b'published = 2024-05-01T10:30:00Z', {"published": "2024-05-01"}, id="a date-time keeps its day"),
        pytest.param(b'updated = "2024-05"', {"updated": "2024-05"}, id="a month"),
        pytest.param(b'status = "In Progress"', {"status": "in-progress"}, id="status in any case and spacing"),
        pytest.param(b'language = "French"', {"language": "fr"}, id="a language name becomes its code"),
        pytest.param(b'title = 1984', {"title": "1984"}, id="a number as a title"),
        pytest.param(b'title = "A\\u0000B\\nC\\tD"', {"title": "AB C D"}, id="control characters and newlines cleaned"),
        pytest.param(b'description = "One\\ntwo.\\n\\n\\nThree\\u0000."', {"description": "One two.\n\nThree."},
                     id="a description keeps its paragraphs"),
        pytest.param(b'identifier = "6BA7B810-9DAD-11D1-80B4-00C04FD430C8"',
                     {"identifier": "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8"}, id="a bare UUID becomes a URN"),
        pytest.param(b'identifier = "my book #1"', {"identifier": "my book #1"}, id="any identifier as given"),
        pytest.param(b'title = ""\nseries = "  "', {}, id="empty means not given"),
        pytest.param(b"", {}, id="an empty file"),
    ],
)
def test_values_are_checked_and_cleaned(data, expected):
    assert read_sidecar(data, "story.toml") == expected


@pytest.mark.parametrize(
    "name, data, message",
    [
        pytest.param("story.toml", b'titel = "x"', "story.toml: unknown key 'titel' (did you mean 'title'?)",
                     id="unknown key, with a suggestion"),
        pytest.param("story.yaml", b"kudos: 45", "story.yaml: unknown key 'kudos' (known keys: title,",
                     id="unknown key, with the list"),
        pytest.param("story.toml", b'title = ["a", "b"]', "story.toml: 'title' must be text, not a list",
                     id="a list where text belongs"),
        pytest.param("story.json", b'{"tags": {"a": 1}}', "story.json: 'tags' must be a list of names or words, not a table",
                     id="a table where a list belongs"),
        pytest.param("story.yaml", b"tags: [a, [b]]", "story.yaml: 'tags' must be a list", id="a nested list"),
        pytest.param("story.yaml", b"authors: true", "story.yaml: 'authors' must be a list", id="a boolean"),
        pytest.param("story.toml", b'series_index = "two"', "story.toml: 'series_index' must be a number such as 2 or 2.5,"
                     " not 'two'", id="not a number"),
        pytest.param("story.toml", b"series_index = -1", "'series_index' must be a number", id="a negative number"),
        pytest.param("story.toml", b"series_index = true", "'series_index' must be a number", id="true is no number"),
        pytest.param("story.toml", b'published = "May 2024"', "story.toml: 'published' must be an ISO date",
                     id="not an ISO date"),
        pytest.param("story.toml", b'updated = "2024-02-30"', "'updated' must be an ISO date", id="no such day"),
        pytest.param("story.toml", b'status = "done"', "'status' must be complete or in-progress, not 'done'",
                     id="unknown status"),
        pytest.param("story.toml", b'language = "Klingon Dialect"', "'language' must be a language code",
                     id="not a language"),
        pytest.param("story.toml", b'source = "example.org/x"', "'source' must be a URL", id="not a URL"),
        pytest.param("story.toml", b'identifier = "urn:uuid:xyz"', "'identifier' must be a UUID after urn:uuid:",
                     id="a urn:uuid without a UUID"),
        pytest.param("story.yaml", b"- title", "story.yaml: expected keys and values at the top level, not a list",
                     id="a list at the top"),
        pytest.param("story.yaml", b"title: [unclosed", "story.yaml is not valid YAML: ", id="broken YAML"),
        pytest.param("story.toml", b"title = ", "story.toml is not valid TOML: ", id="broken TOML"),
        pytest.param("story.json", b"{'title': 1}", "story.json is not valid JSON: ", id="broken JSON"),
        pytest.param("story.toml", b'title = "caf\xe9"', "story.toml: a metadata file must be UTF-8 text", id="not UTF-8"),
        pytest.param("story.ini", b"title = x", "story.ini: a metadata file must end in .toml, .yaml, .yml, .json",
                     id="unknown format"),
    ],
)
def test_every_mistake_is_one_line_naming_the_key_and_the_file(name, data, message):
    with pytest.raises((InputError, UsageError)) as caught:
        read_sidecar(data, name)
    assert caught.value.message.startswith(message) or message in caught.value.message
    assert "\n" not in caught.value.message


def test_every_documented_key_is_accepted():
    sample = {"language": "en", "status": "complete", "series_index": 1, "published": "2024", "updated": "2024",
              "source": "https://example.org"}
    fields = check_fields({key: sample.get(key, "x") for key in KEYS}, "test")
    assert sorted(fields) == sorted(KEYS)


@pytest.mark.parametrize(
    "pairs, expected",
    [
        pytest.param(["tags=a, b,,c"], {"tags": ("a", "b", "c")}, id="lists are comma-separated"),
        pytest.param(["title=A = B"], {"title": "A = B"}, id="only the first = separates"),
        pytest.param(["series_index=3", "rating=Teen"], {"series_index": "3", "rating": "Teen"}, id="several keys"),
        pytest.param(["rating=Teen", "rating=Mature"], {"rating": "Mature"}, id="the last one wins"),
    ],
)
def test_set_assignments(pairs, expected):
    assert parse_assignments(pairs) == expected


@pytest.mark.parametrize(
    "pairs, message",
    [
        pytest.param(["series"], "--set 'series': write it as key=value", id="no equals sign"),
        pytest.param(["seires=x"], "--set: unknown key 'seires' (did you mean 'series'?)", id="a typo"),
        pytest.param(["series_index=x"], "--set: 'series_index' must be a number", id="a wrong value"),
    ],
)
def test_set_mistakes(pairs, message):
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        parse_assignments(pairs)


def test_checked_values_check_again_to_the_same(tmp_path):
    once = read_sidecar((b'description = "a\\n\\nb"\n' + TOML), "story.toml")
    assert check_fields(once, "again") == once


# Through the command ----------------------------------------------------------------------------


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(STORY)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return tmp_path


def run(*args):
    return invoke(*args)


def package(path) -> BeautifulSoup:
    return BeautifulSoup(zipfile.ZipFile(path).read("EPUB/content.opf"), "xml")


@pytest.mark.parametrize("suffix, data", [pytest.param(".toml", TOML, id="toml"), pytest.param(".yaml", YAML, id="yaml"),
                                          pytest.param(".json", JSON, id="json")])
def test_the_storys_twin_is_read_without_being_asked(workdir, suffix, data):
    (workdir / f"story{suffix}").write_bytes(data.replace(b"Night Train", b"Day Bus"))
    result = run("story.txt", "-o", "out.epub")
    assert result.exit_code == 0, result.output
    opf = package(workdir / "out.epub")
    assert opf.find("dc:title").text == "Day Bus"
    assert [c.text for c in opf.find_all("dc:creator")] == ["A. Writer", "B. Writer"]
    assert opf.find("meta", attrs={"name": "calibre:series"})["content"] == "Lines"


def test_meta_names_a_file_anywhere_and_flags_win_over_it(workdir):
    (workdir / "elsewhere").mkdir()
    (workdir / "elsewhere" / "book.yaml").write_bytes(YAML)
    (workdir / "story.toml").write_bytes(b'title = "The Twin Is Ignored"\n')
    result = run("story.txt", "-o", "out.epub", "--meta", "elsewhere/book.yaml", "--series", "Other Lines",
                 "--series-index", "3", "--tag", "one", "--tag", "two", "--set", "rating=Teen",
                 "--set", "series=Not This", "--description", "A <b>bold</b> blurb.", "--identifier", "my-id")
    assert result.exit_code == 0, result.output
    opf = package(workdir / "out.epub")
    assert opf.find("dc:title").text == "Night Train"
    assert opf.find("meta", property="belongs-to-collection").text == "Other Lines"
    assert opf.find("meta", property="group-position").text == "3"
    assert [s.text for s in opf.find_all("dc:subject")] == ["one", "two"]
    assert opf.find("dc:description").text == "A <b>bold</b> blurb."
    assert opf.find("dc:identifier").text == "my-id"


@pytest.mark.parametrize(
    "files, args, message, code",
    [
        pytest.param({"story.toml": b'titel = "x"'}, [], "Error: story.toml: unknown key 'titel' (did you mean 'title'?)",
                     2, id="a typo in the twin is a usage error"),
        pytest.param({"story.toml": b"", "story.json": b"{}"}, [],
                     "Error: story.toml and story.json both describe story.txt: keep one, or choose with --meta",
                     1, id="two twins"),
        pytest.param({}, ["--meta", "nothing.toml"], "Error: nothing.toml does not exist", 1, id="a missing --meta file"),
        pytest.param({"m.yaml": b"series_index: [1]"}, ["--meta", "m.yaml"],
                     "Error: m.yaml: 'series_index' must be a number such as 2 or 2.5, not a list", 2,
                     id="a wrong type is a usage error"),
    ],
)
def test_a_bad_sidecar_is_one_error_line(workdir, files, args, message, code):
    for name, data in files.items():
        (workdir / name).write_bytes(data)
    result = run("story.txt", *args)
    assert result.exit_code == code
    assert result.stderr == message + "\n"
    assert not (workdir / "dist").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        pytest.param(["--set", "seires=x"], "--set: unknown key 'seires'", id="unknown --set key"),
        pytest.param(["--set", "rating"], "write it as key=value", id="--set without a value"),
        pytest.param(["--series-index", "two"], "'series_index' must be a number", id="bad index"),
        pytest.param(["--identifier", "urn:uuid:nope"], "must be a UUID after urn:uuid:", id="bad urn:uuid"),
    ],
)
def test_a_bad_metadata_option_is_a_usage_error(workdir, args, message):
    result = run("story.txt", *args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


def test_verbose_shows_the_detected_language(workdir):
    quiet = run("story.txt", "-o", "a.epub")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    loud = run("story.txt", "-o", "b.epub", "-v")
    assert loud.stderr.startswith("info: detected English (")


def test_the_library_takes_the_same_fields():
    fields = read_sidecar(TOML, "story.toml")
    meta = convert(STORY.encode(), Options(sidecar=tuple(fields.items()))).book.metadata
    assert (meta.series, meta.series_index, meta.published, meta.status) == ("Lines", "2", "2024-05-01", "in-progress")
    assert meta.modified == dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)
