"""Every case of the bad-input catalogue: a clean book with its warning, or one error line and
the right exit code, no traceback, no partial file, and the input untouched."""

import pytest

from conftest import invoke

from ebookify.epub.checks import check_structure

from bad_inputs import CASES, prepare


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.is_symlink() and not p.is_fifo()}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    prepare(case, tmp_path)
    before = snapshot(tmp_path)
    result = invoke(*case.args)
    assert result.exit_code == case.code, result.output
    if case.stderr:
        assert case.stderr in result.stderr
    else:
        assert result.stderr == ""
    assert "Traceback" not in result.output
    after = snapshot(tmp_path)
    assert {name: after[name] for name in before} == before  # nothing that was there changed
    made = set(after) - set(before)
    if case.book:
        assert {str(p) for p in made} == {case.book}
        assert check_structure((tmp_path / case.book).read_bytes()) == ()
    else:
        assert made == set()
        assert len([ln for ln in result.stderr.splitlines() if ln.startswith("Error: ")]) == 1
