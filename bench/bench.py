"""Whole-process wall time and peak memory of `ebookify`, for the figures in issues and notes.

    .venv/bin/python bench/bench.py [--runs 5]

Converts the reference story (../shared/samples/cherished-words.txt) and generated stories of
1, 5, 10 and 50 MB (200 chapters each; --sizes to choose) with the installed `ebookify` command,
and prints the median and range of wall time and peak memory of each. Figures, never
assertions: the machine is shared and noisy. Time per megabyte should stay flat as size grows.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "samples" / "cherished-words.txt"
COMMAND = Path(sys.executable).with_name("ebookify")


def generated_story(megabytes: float, chapters: int) -> str:
    """A deterministic story of about the given size: dialogue, quotes, dashes, scene breaks."""
    rng = random.Random(2026)
    vocabulary = ("the a lamp harbour said she he was night light wind sea door stair map old "
                  "slowly quiet morning ladder road house river little between always never").split()
    size, parts = megabytes * 1_000_000, ["Title: The Generated Epic\nAuthor: Bench Mark\n"]
    per_chapter = size / chapters
    for number in range(1, chapters + 1):
        parts.append(f"\nChapter {number}: Part of the Road\n")
        written = 0
        while written < per_chapter:
            sentence = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(6, 18))).capitalize()
            paragraph = f'"{sentence}," she said... {sentence} -- {sentence}.'
            if rng.random() < 0.01:
                paragraph = "* * *"
            parts.append(paragraph + "\n")
            written += len(paragraph) + 1
    return "".join(parts)


def measure(source: Path, out: Path, runs: int) -> tuple[list[float], list[float]]:
    times, peaks = [], []
    for _ in range(runs + 1):  # the first run warms the caches and is not counted
        start = time.perf_counter()
        process = subprocess.Popen([str(COMMAND), str(source), "-o", str(out), "--replace"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"ebookify failed on {source}")
        times.append(elapsed)
        peaks.append(usage.ru_maxrss / 1024)
    return times[1:], peaks[1:]


def report(label: str, times: list[float], peaks: list[float]) -> None:
    print(f"{label:<36} wall median {statistics.median(times):6.3f} s  "
          f"(min {min(times):.3f}, max {max(times):.3f})   peak memory {statistics.median(peaks):6.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1,5,10,50", help="megabytes of generated story, comma-separated")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "book.epub"
        if SAMPLE.exists():
            report(f"{SAMPLE.name} ({SAMPLE.stat().st_size // 1000} KB)", *measure(SAMPLE, out, args.runs))
        for megabytes in (float(size) for size in args.sizes.split(",")):
            big = Path(folder) / "epic.txt"
            big.write_text(generated_story(megabytes, 200), encoding="utf-8")
            runs = args.runs if megabytes < 20 else max(1, args.runs // 3)
            times, peaks = measure(big, out, runs)
            report(f"generated ({big.stat().st_size / 1e6:.1f} MB, 200 chapters)", times, peaks)
            print(f"{'':36} {min(times) / (big.stat().st_size / 1e6):.3f} s per MB")


if __name__ == "__main__":
    main()
