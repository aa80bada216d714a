"""How long ``ebookify serve`` takes to answer a dropped story: figures for issues and notes, never a test.

    .venv/bin/python bench/serve.py [STORY ...]   (default: the example and every shared sample)

Prints, per story, the time from POST /inspect (the card: read, make, cover and page previews)
and POST /book (the EPUB) to the answer, through Starlette's test client and the real worker
processes, first the cold worker and then the median of three. The page promises a card
"within a second or two". The machine is shared and noisy.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from starlette.testclient import TestClient  # noqa: E402

from ebookify.web.app import create_app  # noqa: E402


def timed(client: TestClient, route: str, path: Path) -> float:
    start = time.perf_counter()
    response = client.post(route, files={"story": (path.name, path.read_bytes())})
    assert response.status_code in (200, 422), response.text
    return time.perf_counter() - start


def main() -> None:
    stories = [Path(a) for a in sys.argv[1:]] or [ROOT / "examples" / "the-lamplighters-apprentice.txt",
                                                   *sorted((ROOT.parent / "shared" / "samples").glob("*.[tm][xd]*"))]
    with TestClient(create_app(), base_url="http://127.0.0.1") as client:
        print(f"{'story':52} {'KB':>6} {'card first':>10} {'card median':>11} {'book median':>11}")
        for path in stories:
            first = timed(client, "/inspect", path)
            card = statistics.median(timed(client, "/inspect", path) for _ in range(3))
            book = statistics.median(timed(client, "/book", path) for _ in range(3))
            print(f"{path.name[:52]:52} {path.stat().st_size // 1024:6} {first:9.2f}s {card:10.2f}s {book:10.2f}s")


if __name__ == "__main__":
    main()
