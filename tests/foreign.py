"""A small EPUB 3 built by hand, the way other tools and hand edits make them, with the faults
devices punish switched on one by one. Used by the check, info, preview and update tests."""

from __future__ import annotations

import io
import zipfile

from PIL import Image

CONTAINER = b"""<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""

_PAGE = """<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><title>{title}</title></head>
<body><h1 id="top">{title}</h1>{body}</body></html>"""

A11Y = """<meta property="schema:accessMode">textual</meta>
<meta property="schema:accessibilityFeature">tableOfContents</meta>
<meta property="schema:accessibilityHazard">none</meta>
<meta property="schema:accessibilitySummary">Plain text.</meta>
<meta property="schema:accessModeSufficient">textual</meta>"""


def cover_jpeg(size: tuple[int, int] = (400, 600)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (40, 60, 90)).save(out, "JPEG", quality=60)
    return out.getvalue()


def foreign_epub(language: str = "en", declaration: bool = True, fragment: str = "top", toc_target: str = "ch2.xhtml",
                 ncx: bool = True, cover: str = "both", a11y: bool = True, cover_size: tuple[int, int] = (400, 600),
                 chapters: int = 2, title: str = "A Borrowed Book", label: str = "Day 2", subjects: tuple[str, ...] = ("harbours",)) -> bytes:
    """A valid little book by default; each argument breaks one thing."""
    declared = '<?xml version="1.0" encoding="utf-8"?>\n' if declaration else ""
    files: dict[str, bytes] = {}
    names = [f"ch{n}.xhtml" for n in range(1, chapters + 1)]
    for n, name in enumerate(names, 1):
        body = f"<p>The harbour was quiet on day {n}, and the gulls slept on the posts.</p>"
        if n == 1 and chapters > 1:
            body += f'<p><a href="ch2.xhtml#{fragment}">On to the next day.</a></p>'
        files[f"OEBPS/{name}"] = (declared + _PAGE.format(title=f"Day {n}", body=body)).encode()
    toc = "".join(f'<li><a href="{toc_target if n == 2 else name}">{label if n == 2 else f"Day {n}"}</a></li>'
                  for n, name in enumerate(names, 1))
    nav = _PAGE.format(title="Contents", body=f'<nav epub:type="toc" id="toc"><ol>{toc}</ol></nav>')
    files["OEBPS/nav.xhtml"] = ('<?xml version="1.0" encoding="utf-8"?>\n' + nav).encode()
    items = [f'<item id="c{n}" href="{name}" media-type="application/xhtml+xml"/>' for n, name in enumerate(names, 1)]
    items.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
    meta = []
    if ncx:
        points = "".join(f'<navPoint id="p{n}"><navLabel><text>Day {n}</text></navLabel><content src="{name}"/></navPoint>'
                         for n, name in enumerate(names, 1))
        files["OEBPS/toc.ncx"] = (
            '<?xml version="1.0" encoding="utf-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
            '<head><meta name="dtb:uid" content="urn:uuid:7d5c1a58-2f39-4b7e-9a59-1f0c2b1e6a11"/></head>'
            f'<docTitle><text>{title}</text></docTitle><navMap>{points}</navMap></ncx>').encode()
        items.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
    if cover != "none":
        files["OEBPS/cover.jpg"] = cover_jpeg(cover_size)
        properties = ' properties="cover-image"' if cover in ("both", "property") else ""
        items.append(f'<item id="cover-image" href="cover.jpg" media-type="image/jpeg"{properties}/>')
        if cover in ("both", "meta"):
            meta.append('<meta name="cover" content="cover-image"/>')
    language_line = f"<dc:language>{language}</dc:language>" if language is not None else ""
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(1, chapters + 1))
    opf = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">urn:uuid:7d5c1a58-2f39-4b7e-9a59-1f0c2b1e6a11</dc:identifier>
<dc:title>{title}</dc:title>{language_line}<dc:creator>Ada Quill</dc:creator>
{''.join(f'<dc:subject>{s}</dc:subject>' for s in subjects)}
<dc:date>2021-06-01</dc:date>
<meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
{A11Y if a11y else ''}{''.join(meta)}
</metadata>
<manifest>{''.join(items)}</manifest>
<spine{' toc="ncx"' if ncx else ''}>{spine}</spine>
</package>"""
    files["OEBPS/package.opf"] = opf.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"application/epub+zip")
        archive.writestr("META-INF/container.xml", CONTAINER, zipfile.ZIP_DEFLATED)
        for name, content in files.items():
            archive.writestr(name, content, zipfile.ZIP_DEFLATED)
    return out.getvalue()
