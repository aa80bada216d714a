"""The bad-input catalogue run through the installed `ebookify` command: a table of input,
outcome and exit code, for review.

    .venv/bin/python bench/bad_inputs.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from bad_inputs import CASES, prepare  # noqa: E402

COMMAND = Path(sys.executable).with_name("ebookify")


def main() -> None:
    print("| input | outcome | exit code |\n|---|---|---|")
    for case in CASES:
        with tempfile.TemporaryDirectory() as folder:
            prepare(case, Path(folder))
            done = subprocess.run([str(COMMAND), *case.args], cwd=folder, capture_output=True, text=True,
                                  env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
            lines = [ln for ln in done.stderr.splitlines() if ln.startswith(("Error", "warning"))]
            outcome = done.stdout.strip() if done.returncode == 0 else ""
            said = "; ".join(lines) if lines else "no warning"
            mark = "" if done.returncode == case.code else f" (EXPECTED {case.code})"
            print(f"| {case.name} | {outcome + ' — ' if outcome else ''}{said} | {done.returncode}{mark} |")


if __name__ == "__main__":
    main()
