"""How well the installed ``ebookify`` reads the structure of each shared sample, against truth.json.

    .venv/bin/python bench/structure.py [samples-folder] [ebookify-command]

Defaults: ``../shared/samples`` and the ``ebookify`` next to this Python. For every file: title and
authors (case-insensitive, ``title_also`` accepted), chapters found against expected (with
``chapters_also``) and the first and last chapter titles of both, parts, whether the first and last
sentences of the story are in the chapters, and the share of the source's words that reach the
book. The last line gives the totals. Standard library only; prints, never asserts.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parents[1]
XHTML = "{http://www.w3.org/1999/xhtml}"
OPS = "{http://www.idpf.org/2007/ops}"
DC = "{http://purl.org/dc/elements/1.1/}"
# Contents entries that are not chapters: the same list the lead's sample report leaves out.
FRONT = re.compile(r"^\s*(cover|title ?page|contents|table of contents|author['’]?s?['’]? ?notes?|notes?|"
                   r"description|summary|licen[cs]e.*|project gutenberg.*|front ?matter|back ?matter|"
                   r"from the original edition|colophon|copyright|dedication|preface|introduction|"
                   r"transcriber.*|end ?notes|footnotes|errata|index)\s*$", re.I)
WORD = re.compile(r"[^\W_]+")


def key(text: str | None) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text or "").casefold() if c.isalnum())


def read_book(path: Path) -> dict:
    """Title, authors, contents (leaf entries less front/back matter), parts, body text, all text."""
    book = zipfile.ZipFile(path)
    opf_path = re.search(rb'full-path="([^"]+)"', book.read("META-INF/container.xml")).group(1).decode()
    base = os.path.dirname(opf_path)
    opf = ET.fromstring(book.read(opf_path))
    items = {i.get("id"): i for i in opf.iter("{http://www.idpf.org/2007/opf}item")}
    spine = [items[r.get("idref")].get("href") for r in opf.iter("{http://www.idpf.org/2007/opf}itemref")]
    nav = next(i.get("href") for i in items.values() if "nav" in (i.get("properties") or ""))
    entries, parts = [], []
    toc = next(n for n in ET.fromstring(book.read(os.path.join(base, nav))).iter(XHTML + "nav")
               if "toc" in (n.get(OPS + "type") or ""))
    for li in toc.iter(XHTML + "li"):
        label = " ".join("".join(li.find(XHTML + "a").itertext()).split()) if li.find(XHTML + "a") is not None else ""
        (parts if li.find(XHTML + "ol") is not None else entries).append(label)
    body_text, all_text = [], []
    for href in spine:
        page = ET.fromstring(book.read(os.path.join(base, href)))
        text = " ".join(page.find(XHTML + "body").itertext())
        all_text.append(text)
        if "bodymatter" in (page.find(XHTML + "body").get(OPS + "type") or ""):
            body_text.append(text)
    return {
        "title": " ".join(t.text or "" for t in opf.iter(DC + "title")),
        "authors": [c.text or "" for c in opf.iter(DC + "creator")],
        "chapters": [e for e in entries if not FRONT.match(e)],
        "parts": parts,
        "body": key(" ".join(body_text)),
        "words": Counter(WORD.findall(unicodedata.normalize("NFKC", " ".join(all_text)).casefold())),
    }


def source_words(path: Path, encoding: str | None) -> Counter:
    data = path.read_bytes()
    for codec in ([encoding] if encoding else []) + ["utf-8-sig", "utf-16", "cp1252", "latin-1"]:
        try:
            text = data.decode(codec.replace("iso-8859-1", "latin-1"))
            break
        except (UnicodeDecodeError, LookupError):
            continue
    return Counter(WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def share_kept(source: Counter, book: Counter) -> float:
    total = sum(source.values())
    return sum(min(n, book[w]) for w, n in source.items()) / total if total else 1.0


def one(entry: dict, samples: Path, command: str, out: Path) -> tuple[str, dict]:
    source = samples / entry["file"]
    target = out / (source.stem + ".epub")
    run = subprocess.run([command, str(source), "-o", str(target)], capture_output=True, text=True, timeout=120)
    if run.returncode or not target.exists():
        return "FAILED " + (run.stderr.strip().splitlines() or ["no output"])[-1][:100], {}
    got = read_book(target)
    chapters = got["chapters"]
    wanted = [entry["chapters"], *entry.get("chapters_also", [])]
    checks = {
        "title": entry["title"] is None or key(got["title"]) in {key(t) for t in [entry["title"], *entry.get("title_also", [])]},
        "authors": sorted(map(key, entry["authors"])) == sorted(key(a) for a in got["authors"] if key(a) != "unknown"),
        "chapters": len(chapters) in wanted or (entry["chapters"] == 1 and len(chapters) <= 1),
        "ends": all(key(entry.get(s)) in got["body"] for s in ("first_sentence", "last_sentence") if entry.get(s)),
    }
    kept = share_kept(source_words(source, entry.get("encoding")), got["words"])
    mark = lambda ok: "ok" if ok else "NO"  # noqa: E731
    lines = [f"{entry['file'][:46]:46} title {mark(checks['title'])}  authors {mark(checks['authors'])}  "
             f"chapters {len(chapters)}/{entry['chapters']} {mark(checks['chapters'])}  parts {len(got['parts'])}/"
             f"{entry.get('parts', 0)}  sentences {mark(checks['ends'])}  words kept {kept:.1%}"]
    if not checks["title"]:
        lines.append(f"    title: got {got['title']!r}, expected {entry['title']!r}")
    if not checks["authors"]:
        lines.append(f"    authors: got {got['authors']}, expected {entry['authors']}")
    if entry["chapters"] > 1 or len(chapters) > 1:
        first, last = entry.get("first_chapters", [])[:1], entry.get("last_chapters", [])[-1:]
        lines.append(f"    first {chapters[:1]} (want {first})  last {chapters[-1:]} (want {last})")
    checks["kept"] = kept
    return "\n".join(lines), checks


def main(argv: list[str]) -> int:
    samples = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "samples"
    command = argv[2] if len(argv) > 2 else str(Path(sys.executable).with_name("ebookify"))
    truth_file = samples / "truth.json"
    if not truth_file.exists():
        print(f"no samples here: {truth_file} is missing (the shared samples sit in ../shared/samples)")
        return 0
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    totals = Counter()
    kept = []
    with tempfile.TemporaryDirectory() as out:
        for entry in truth:
            text, checks = one(entry, samples, command, Path(out))
            print(text)
            for name in ("title", "authors", "chapters", "ends"):
                totals[name] += bool(checks.get(name))
            kept.append(checks.get("kept", 0.0))
    n = len(truth)
    print(f"TOTAL {n} files: title {totals['title']}/{n}, authors {totals['authors']}/{n}, chapters "
          f"{totals['chapters']}/{n}, first+last sentence {totals['ends']}/{n}, words kept (lowest) "
          f"{min(kept):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
