"""Whole-process figures on real text, beside pandoc and calibre when they are installed.

    .venv/bin/python bench/scale.py [--runs 3] [--sizes 1,3.4,10,50] [--peers-up-to 5] [--stories 200]

Real text, not generated: the large inputs are the public-domain Project Gutenberg samples in
../shared/samples, decoded and concatenated to each size, in two layouts: hard-wrapped as
published (CRLF, blank lines between paragraphs) and one line per paragraph (the same
paragraphs joined). Prints, for each input: the median wall time and peak memory of
`ebookify` (and of `pandoc` and calibre's `ebook-convert` up to --peers-up-to MB), seconds per
MB (for ebookify also beyond its start-up: a story of one paragraph's whole run), and the ratio ebookify/peer from runs taken in turn (A B A B), so a machine whose speed
drifts still gives a fair ratio. Then the reference story with and without a cover, and a
folder of --stories copies of the short public-domain and CC0 samples: one `ebookify` command
(as a reader types it, into an empty folder) against a shell loop calling pandoc on each, and
the same command run again over its books (each one then an update, found unchanged). Single
stories run with --replace, so every run makes its book afresh. Figures only, never a verdict;
the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples"
REFERENCE = SAMPLES / "cherished-words.txt"  # licence unknown: converted as it is, never concatenated
EBOOKIFY = str(Path(sys.executable).with_name("ebookify"))
NOVELS = ("adventures-of-huckleberry-finn.txt", "the-garden-party-and-other-stories.txt",
          "frankenstein-letters-and-chapters.txt", "just-so-stories-allcaps-titles.txt",
          "heart-of-darkness-old-etext-small-print.txt", "de-la-terre-a-la-lune-french-latin1.txt",
          "alice-nel-paese-delle-meraviglie-italian-latin1.txt", "viagens-na-minha-terra-portuguese-latin1.txt")
SHORT = ("sleeping-arrangements.md", "applejacks-admirer.md", "timeless-tears-cp1252-crlf.txt",
         "arkhierey-chekhov-russian-roman-sections.txt", "arkhierey-chekhov-cp1251-crlf.txt")


def real_text(megabytes: float, one_line: bool) -> bytes:
    """The Gutenberg samples, decoded, back to back until the size is reached (cut at a line end)."""
    from ebookify.reading.decode import decode

    texts = [decode((SAMPLES / name).read_bytes())[0].replace("\r\n", "\n") for name in NOVELS]
    if one_line:  # each blank-line-separated paragraph on one line
        texts = ["\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text)) for text in texts]
    size, parts, index = int(megabytes * 1_000_000), [], 0
    while sum(map(len, parts)) < size:
        parts.append(texts[index % len(texts)])
        index += 1
    data = "\n".join(parts).replace("\n", "\r\n").encode("utf-8")
    return data[:size].rsplit(b"\r\n", 1)[0] + b"\r\n"


def once(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak MiB (the largest process) and exit status of one whole run."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def paired(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[list[float], list[float]]]:
    """Each command once to warm up, then in turn, ``runs`` times: {name: (walls, peaks)}."""
    figures: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in commands}
    for counted in [False] + [True] * runs:
        for name, argv in commands.items():
            wall, peak, status = once(argv)
            if status != 0:
                print(f"  {name} failed (exit {status}): {' '.join(argv)}")
            if counted:
                figures[name][0].append(wall)
                figures[name][1].append(peak)
    return figures


def show(label: str, figures: dict[str, tuple[list[float], list[float]]], megabytes: float | None = None,
         start_up: float = 0.0) -> None:
    """``start_up``: ebookify's whole run on a story of one paragraph, which a large input's
    seconds per MB are also given without (how the work itself grows with size)."""
    print(label)
    ours = figures.get("ebookify")
    for name, (walls, peaks) in figures.items():
        line = f"  {name:<14} wall {statistics.median(walls):8.3f} s (min {min(walls):.3f})   peak {statistics.median(peaks):7.1f} MiB"
        if megabytes:
            line += f"   {statistics.median(walls) / megabytes:6.3f} s/MB"
            if name == "ebookify" and start_up:
                line += f" ({(statistics.median(walls) - start_up) / megabytes:.3f} beyond start-up)"
        if ours and not name.startswith("ebookify"):
            ratios = [a / b for a, b in zip(ours[0], walls)]
            line += f"   ebookify/{name} {statistics.median(ratios):.2f}"
        print(line)


def peers(source: Path, folder: Path) -> dict[str, list[str]]:
    found = {}
    if shutil.which("pandoc"):
        found["pandoc"] = ["pandoc", str(source), "-t", "epub3", "-o", str(folder / "pandoc.epub")]
    if shutil.which("ebook-convert"):
        found["calibre"] = ["ebook-convert", str(source), str(folder / "calibre.epub")]
    return found


def main() -> None:
    if sys.argv[1:2] == ["--write"]:
        Path(sys.argv[2]).write_bytes(real_text(float(sys.argv[3]), sys.argv[4] == "1"))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1,3.4,10,50", help="megabytes of real text, comma-separated")
    parser.add_argument("--peers-up-to", type=float, default=5, help="run pandoc/calibre on inputs up to this many MB")
    parser.add_argument("--stories", type=int, default=200, help="stories in the folder test (0: skip it)")
    args = parser.parse_args()
    if not SAMPLES.is_dir():
        sys.exit(f"needs the shared samples at {SAMPLES}")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        if REFERENCE.exists():
            for flags, label in (([], "with a cover"), (["--no-cover"], "without a cover")):
                commands = {"ebookify": [EBOOKIFY, str(REFERENCE), "-o", str(folder / "ref.epub"), "--replace", *flags], **peers(REFERENCE, folder)}
                show(f"{REFERENCE.name} ({REFERENCE.stat().st_size // 1000} KB), {label}", paired(commands, args.runs))
        tiny = folder / "tiny.txt"
        tiny.write_text("Tiny\n\nby A. Writer\n\nOne paragraph: a run that is all start-up.\n", encoding="utf-8")
        start_up = statistics.median(paired({"ebookify": [EBOOKIFY, str(tiny), "-o", str(folder / "tiny.epub"), "--replace"]},
                                            args.runs)["ebookify"][0])
        print(f"start-up: a story of one paragraph takes {start_up:.3f} s")
        for one_line in (False, True):
            for megabytes in (float(size) for size in args.sizes.split(",")):
                source = folder / f"real-{megabytes}.txt"
                # written by a child process: a child forked from a large parent reports the parent's memory as its peak
                subprocess.run([sys.executable, __file__, "--write", str(source), str(megabytes), str(int(one_line))], check=True)
                size = source.stat().st_size / 1e6
                commands = {"ebookify": [EBOOKIFY, str(source), "-o", str(folder / "book.epub"), "--replace"]}
                if size <= args.peers_up_to:
                    commands.update(peers(source, folder))
                runs = args.runs if size < 20 else 1
                layout = "one line per paragraph" if one_line else "hard-wrapped, CRLF"
                show(f"real text, {layout}: {size:.1f} MB", paired(commands, runs), size, start_up)
        if args.stories:
            stories = folder / "stories"
            stories.mkdir()
            for number in range(args.stories):
                name = SHORT[number % len(SHORT)]
                shutil.copyfile(SAMPLES / name, stories / f"{number:03}-{name}")
            books = folder / "books"  # made afresh by the default command, then re-run over (every book an update)
            commands = {"ebookify": ["sh", "-c", f'rm -rf "{books}" && "{EBOOKIFY}" "{stories}" -o "{books}" --quiet'],
                        "ebookify again": [EBOOKIFY, str(stories), "-o", str(books), "--quiet"]}
            if shutil.which("pandoc"):
                loop = f'for f in "{stories}"/*; do pandoc "$f" -t epub3 -o "{folder}/p.epub"; done'
                commands["pandoc loop"] = ["sh", "-c", loop]
            show(f"a folder of {args.stories} short stories, one command (ebookify --jobs default)", paired(commands, 1))


if __name__ == "__main__":
    main()
