"""Run Ace by DAISY, the EPUB accessibility checker, on books and list its violations.

    .venv/bin/python bench/ace.py book.epub [more.epub ...] [--keep DIR]

For each book, runs Ace into a temporary folder, reads its report.json and prints one line per
violation (impact, rule id, file, short description; the CSS selectors of the elements when
Ace gives them), then a count per impact over all books. Exit status 0 when Ace found nothing,
1 when it found any violation, 2 when Ace could not be run. --keep DIR keeps each book's
reports (report.json and the HTML report.html) in DIR/<book name>/.

Ace is found through the ACE_CLI environment variable (a path to the command), else as `ace`
or `ace-cli` on PATH. When /usr/bin/chromium exists and PUPPETEER_EXECUTABLE_PATH is unset,
Ace is pointed at it, since Puppeteer's own browser download cannot happen here.

Installing Ace on Debian (no network but the Debian, npm and PyPI registries). The npm package
`@daisy/ace` does not install (its Electron dependency downloads a binary); `@daisy/ace-cli`
does, without Puppeteer's browser, and runs with Debian's Chromium (Ace passes --no-sandbox
itself; no extra flags or HOME change were needed). Worked with @daisy/ace-cli 1.4.6
(puppeteer 24.43.1, axe-core-for-ace 4.11.2-canary.1), Chromium 156 and Node 20:

    apt-get update && apt-get install -y chromium
    PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix /opt/ace @daisy/ace-cli
    export ACE_CLI=/opt/ace/node_modules/.bin/ace-cli

By hand: PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium $ACE_CLI -f -o report-dir book.epub
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

IMPACTS = ("critical", "serious", "moderate", "minor")
CHROMIUM = Path("/usr/bin/chromium")


def ace_command() -> str | None:
    return os.environ.get("ACE_CLI") or shutil.which("ace") or shutil.which("ace-cli")


def ace_env() -> dict[str, str]:
    env = dict(os.environ)
    if CHROMIUM.exists():
        env.setdefault("PUPPETEER_EXECUTABLE_PATH", str(CHROMIUM))
        env.setdefault("PUPPETEER_SKIP_DOWNLOAD", "1")
    return env


def run_ace(ace: str, book: Path, outdir: Path) -> dict:
    """Ace's report.json for one book; raises RuntimeError when Ace fails."""
    done = subprocess.run([ace, "--force", "--silent", "--lang", "en", "--outdir", str(outdir), str(book)],
                          capture_output=True, text=True, env=ace_env(), timeout=1800)
    report = outdir / "report.json"
    if done.returncode != 0 or not report.exists():
        detail = (done.stderr or done.stdout).strip() or "no report.json written"
        raise RuntimeError(f"Ace exited {done.returncode}: {detail}")
    return json.loads(report.read_text(encoding="utf-8"))


def violations(report: dict) -> list[tuple[str, str, str, str]]:
    """(impact, rule id, file, description) for each violation in an Ace report."""
    out = []
    for subject in report.get("assertions", []):
        where = subject.get("earl:testSubject", {}).get("url", "?")
        for item in subject.get("assertions", []):
            if item.get("earl:result", {}).get("earl:outcome") != "fail":
                continue
            test, result = item.get("earl:test", {}), item["earl:result"]
            text = result.get("dct:description") or test.get("dct:description", "")
            text = " ".join(text.split())
            css = (result.get("earl:pointer") or {}).get("css") or []
            if css:
                text += f" [{', '.join(css)}]"
            out.append((test.get("earl:impact", "?"), test.get("dct:title", "?"), where, text))
    rank = {impact: n for n, impact in enumerate(IMPACTS)}
    return sorted(out, key=lambda v: (rank.get(v[0], len(IMPACTS)), v[1], v[2]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("books", nargs="+", type=Path, help="EPUB files")
    parser.add_argument("--keep", type=Path, help="keep each book's Ace reports in this folder")
    args = parser.parse_args()
    ace = ace_command()
    if ace is None:
        print("error: Ace not found: set ACE_CLI or put `ace` on PATH (see this script's docstring)",
              file=sys.stderr)
        return 2
    counts: Counter[str] = Counter()
    failed = False
    for book in args.books:
        with tempfile.TemporaryDirectory(prefix="ace-") as folder:
            outdir = args.keep / book.stem if args.keep else Path(folder) / "report"
            try:
                report = run_ace(ace, book, outdir)
            except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
                print(f"== {book}: Ace failed: {exc}", file=sys.stderr)
                failed = True
                continue
        found = violations(report)
        counts.update(impact for impact, *_ in found)
        print(f"== {book}: {len(found)} violation{'s' * (len(found) != 1)}")
        for impact, rule, where, text in found:
            print(f"{impact:9} {rule:24} {where}: {text}")
        missing = (report.get("a11y-metadata") or {}).get("missing") or []
        if missing:
            print(f"   (accessibility metadata not declared: {', '.join(missing)})")
    print("summary: " + ", ".join(f"{impact} {counts[impact]}" for impact in IMPACTS)
          + "".join(f", {other} {n}" for other, n in counts.items() if other not in IMPACTS))
    if failed:
        return 2
    return 1 if counts else 0


if __name__ == "__main__":
    sys.exit(main())
