"""The exit-code table, walked; Ctrl-C and SIGTERM at any moment leave no temporary or partial file.

Signals and exit codes go through a real process (``python -m ebookify``), as a user meets them.
"""

import os
import re
import signal
import subprocess
import sys
import time
import zipfile

import pytest

from conftest import ROOT, invoke
from ebookify.errors import EXIT_CODES

STORY = "Chapter 1\nThe night train was late again.\n\nChapter 2\nIt came at last.\n"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(STORY)
    return tmp_path


def ebookify(*args, cwd, env=None):
    return subprocess.run([sys.executable, "-m", "ebookify", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=120)


def test_the_table_in_the_readme_and_security_notes_is_the_codes_table():
    for document in ("README.md", "SECURITY.md"):
        text = (ROOT / document).read_text()
        shown = {int(code) for code in re.findall(r"^\| (\d+) \|", text, re.MULTILINE)}
        assert shown == set(EXIT_CODES), document


def _fake_java(folder, script):
    folder.mkdir()
    java = folder / "java"
    java.write_text(f"#!/bin/sh\n{script}\n")
    java.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}:{os.environ['PATH']}"}


@pytest.mark.parametrize("code", sorted(EXIT_CODES))
def test_every_exit_code_through_a_real_process(workdir, code):
    """Each row of the table happens, for the reason the table gives."""
    env = None
    if code == 0:
        args = ["story.txt"]
    elif code == 1:
        args = ["missing.txt"]
    elif code == 2:
        args = ["story.txt", "--notes", "sideways"]
    elif code == 3:  # a structural fault can only come from a bug: make one by breaking the checker's input
        (workdir / "sitecustomize.py").write_text(
            "import ebookify.epub.checks as c\nfrom ebookify.errors import Finding\n"
            "c.check_structure = lambda epub: (Finding('validate', 'a made-up fault', 'error'),)\n")
        env = {**os.environ, "PYTHONPATH": str(workdir)}
        args = ["story.txt", "-o", "new.epub"]
    elif code == 4:  # EPUBCheck ran and reported an error
        report = '{"messages": [{"severity": "ERROR", "ID": "RSC-005", "message": "made up", "locations": []}]}'
        env = _fake_java(workdir / "bin", f"echo '{report}'")
        args = ["story.txt", "-o", "checked.epub", "--check"]
    elif code == 5:  # several stories, one of them missing
        args = ["story.txt", "missing.txt", "-o", "books/"]
    else:
        pytest.skip("130 is walked by the signal tests below (and for several stories in test_batch.py)")
    result = ebookify(*args, cwd=workdir, env=env)
    assert result.returncode == code, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == (1 if code else 0), result.stderr
    if code == 3:
        assert not (workdir / "new.epub").exists()


def test_an_unexpected_error_is_one_line_and_exit_3_never_a_traceback(workdir):
    (workdir / "sitecustomize.py").write_text(
        "import ebookify.reading.parse as p\n"
        "def broken(*args, **kwargs):\n    raise IndexError('list index out of range')\n"
        "p.parse = broken\n")
    result = ebookify("story.txt", "-o", "new.epub", cwd=workdir, env={**os.environ, "PYTHONPATH": str(workdir)})
    assert result.returncode == 3
    assert result.stderr.splitlines() == ["Error: IndexError: list index out of range (a bug in ebookify: please report "
                                          "it with the input file); nothing was written"]
    assert not (workdir / "new.epub").exists()


def test_check_that_cannot_run_warns_or_fails_when_required(workdir):
    env = _fake_java(workdir / "bin", "echo 'Error: broken JVM' >&2; exit 1")
    warned = ebookify("story.txt", "-o", "a.epub", "--check", cwd=workdir, env=env)
    assert warned.returncode == 0 and "warning: EPUBCheck could not run: Java or EPUBCheck failed" in warned.stderr
    required = ebookify("story.txt", "-o", "b.epub", "--require-check", cwd=workdir, env=env)
    assert required.returncode == 1 and "Error: EPUBCheck could not run" in required.stderr
    assert (workdir / "b.epub").exists()  # the book itself was fine and is kept


def test_check_runs_epubcheck_on_the_written_book(workdir):
    result = invoke("story.txt", "-o", "checked.epub", "--check")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "EPUBCheck: no errors or warnings"


def _left_behind(folder):
    return sorted(p.name for p in folder.iterdir() if p.name not in ("story.txt", "book.epub", "big.txt"))


def _wait_for_handlers(process):
    """Until ebookify's first line has run: the interpreter's own start-up (before any of our code)
    is the one moment a signal still gets Python's default handling. Linux shows which signals a
    process catches in /proc; elsewhere, a short sleep stands in."""
    status = f"/proc/{process.pid}/status"
    if not os.path.exists(status):
        time.sleep(0.5)
        return
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        caught = next((int(line.split()[1], 16) for line in open(status) if line.startswith("SigCgt:")), 0)
        if caught & (1 << (signal.SIGTERM - 1)):
            return
        time.sleep(0.002)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("delay", [0.0, 0.05, 0.15, 0.3, 0.6, 1.0, 2.0])
def test_a_signal_at_any_moment_leaves_the_old_book_or_a_whole_new_one(workdir, signum, delay):
    """130 means nothing was written; 0 means the whole book is there. Never a traceback, a
    temporary file, or half a book."""
    (workdir / "big.txt").write_text(("Chapter 1\n" + "The train ran on through the night. " * 40 + "\n\n") * 400)
    (workdir / "book.epub").write_bytes(b"the old book")
    process = subprocess.Popen([sys.executable, "-m", "ebookify", "big.txt", "-o", "book.epub", "--force"],
                               cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for_handlers(process)
    time.sleep(delay)
    process.send_signal(signum)
    out, err = process.communicate(timeout=120)
    assert "Traceback" not in err
    assert _left_behind(workdir) == []
    if process.returncode == 130:
        assert err.strip().endswith("Error: interrupted; nothing was written")
        assert (workdir / "book.epub").read_bytes() == b"the old book"
    else:
        assert process.returncode == 0, err
        assert zipfile.ZipFile(workdir / "book.epub").testzip() is None
        assert out.startswith("book.epub: ")
