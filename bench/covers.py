"""How long a generated cover takes, per design: figures for issues and notes, never a test.

    .venv/bin/python bench/covers.py [--runs 20]

Prints the first cover of the process (fonts parsed, caches cold) and then the median and the
slowest of ``--runs`` covers per design, over titles from one word to two hundred characters,
plus the time to prepare a user's 12-megapixel photo. The machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ebookify.cover.draw import STYLES, draw_cover  # noqa: E402
from ebookify.cover.image import prepare_cover  # noqa: E402
from ebookify.model import Metadata  # noqa: E402

TITLES = ["Dune", "The Lamplighter's Apprentice and the Sea", "Мастер и Маргарита", "Les Misérables",
          "The Long Winter of an Unremarkable Lighthouse Keeper Who Counted Every Gull Twice Before Dawn "
          "and Then Wrote Them All Down in a Ledger Nobody Has Read Since the War Ended"]


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    book = Metadata(title="Cold Start", subtitle="A Novel", authors=("A. Writer",), series="Bench", series_index="1")
    print(f"first cover of the process: {timed(lambda: draw_cover(book)):.0f} ms")
    for style in STYLES:
        times = []
        for run in range(runs):
            meta = Metadata(title=TITLES[run % len(TITLES)] + ("" if run < len(TITLES) else f" {run}"),
                            subtitle="A Novel" if run % 2 else "", authors=("A. Writer",))
            times.append(timed(lambda: draw_cover(meta, style=style)))
        print(f"{style:10} median {statistics.median(times):5.0f} ms   slowest {max(times):5.0f} ms   ({runs} covers)")
    from PIL import Image

    photo = io.BytesIO()
    Image.effect_noise((3000, 4000), 60).convert("RGB").save(photo, "JPEG", quality=92)
    print(f"prepare_cover, 12 MP JPEG ({len(photo.getvalue()) // 1024} KB): {timed(lambda: prepare_cover(photo.getvalue())):.0f} ms")


if __name__ == "__main__":
    main()
