"""Exit codes 0, 1, 2, 3 and 130; Ctrl-C at any moment leaves no temporary or partial file."""

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from ebookify.cli import convert as cli


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text("Chapter 1\nThe night train was late again.\n")
    (tmp_path / "book.epub").write_bytes(b"the old book")
    return tmp_path


def interrupt(*args, **kwargs):
    raise KeyboardInterrupt


@pytest.mark.parametrize("where", ["convert", "fsync", "replace"])
def test_interrupted_run_leaves_nothing_behind(workdir, monkeypatch, where):
    if where == "convert":
        monkeypatch.setattr(cli, "convert", interrupt)
    else:
        monkeypatch.setattr(os, where, interrupt)
    result = CliRunner().invoke(cli.app, ["story.txt", "-o", "book.epub"])
    assert result.exit_code == 130
    assert result.stderr == "Error: interrupted; nothing was written\n"
    assert sorted(p.name for p in workdir.iterdir()) == ["book.epub", "story.txt"]
    assert (workdir / "book.epub").read_bytes() == b"the old book"


def test_exit_codes_through_a_real_process(tmp_path):
    (tmp_path / "s.txt").write_text("A story of one line.\n")
    codes = {}
    for name, args in {"ok": ["s.txt"], "error": ["missing.txt"], "usage": ["s.txt", "--nope"]}.items():
        codes[name] = subprocess.run([sys.executable, "-m", "ebookify", *args], cwd=tmp_path,
                                     capture_output=True).returncode
    assert codes == {"ok": 0, "error": 1, "usage": 2}


def test_a_book_that_fails_its_own_check_exits_3_and_is_not_written(workdir, monkeypatch):
    from ebookify import pipeline
    from ebookify.errors import Finding

    monkeypatch.setattr(pipeline, "check_structure", lambda epub: (Finding("validate", "a made-up fault", "error"),))
    result = CliRunner().invoke(cli.app, ["story.txt", "-o", "new.epub"])
    assert result.exit_code == 3
    assert result.stderr.startswith("Error: the book failed a structural check: a made-up fault")
    assert not (workdir / "new.epub").exists()


def test_check_runs_epubcheck_on_the_written_book(workdir):
    result = CliRunner().invoke(cli.app, ["story.txt", "-o", "checked.epub", "--check"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "EPUBCheck: no errors or warnings"
