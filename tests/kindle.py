"""The Send to Kindle pre-flight, as a test helper: what Amazon's converter rejects or mangles.

Written here because ``ebookify check`` (issue 13) has not landed; when it does, the tests should
call its pre-flight instead. Each rule is a reason Send to Kindle refuses a book or shows it wrong,
as collected in shared/design/PITFALLS.md.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from urllib.parse import unquote, urldefrag

from lxml import etree

OPF_NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
XHTML_NS = "http://www.w3.org/1999/xhtml"
DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>'
KINDLE_MEDIA = {"application/xhtml+xml", "text/css", "image/jpeg", "image/png", "image/gif",
                "application/x-dtbncx+xml", "font/otf", "font/ttf", "application/vnd.ms-opentype"}
EMAIL_LIMIT = 50 * 1024 * 1024
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def kindle_problems(epub: bytes) -> list[str]:
    problems: list[str] = []
    if len(epub) > EMAIL_LIMIT:
        problems.append("over 50 MB: Send to Kindle by e-mail refuses it")
    archive = zipfile.ZipFile(io.BytesIO(epub))
    files = {name: archive.read(name) for name in archive.namelist()}
    container = etree.fromstring(files["META-INF/container.xml"])
    opf_path = container.find(".//{*}rootfile").get("full-path")
    opf = etree.fromstring(files[opf_path])
    base = posixpath.dirname(opf_path)
    languages = [e.text or "" for e in opf.findall(".//dc:language", OPF_NS)]
    if not languages or not all(LANGUAGE.match(code) for code in languages):
        problems.append(f"dc:language missing or not a language code: {languages}")
    items = {e.get("id"): e for e in opf.findall(".//opf:manifest/opf:item", OPF_NS)}
    covers = [e for e in items.values() if "cover-image" in (e.get("properties") or "").split()]
    meta_cover = opf.find(".//opf:meta[@name='cover']", OPF_NS)
    if covers and (meta_cover is None or meta_cover.get("content") not in items):
        problems.append("the cover is not also named by <meta name=\"cover\">")
    if opf.find(".//opf:spine", OPF_NS).get("toc") not in items:
        problems.append("no NCX table of contents")
    ids: dict[str, set[str]] = {}
    pages = {}
    for item in items.values():
        href = posixpath.normpath(posixpath.join(base, unquote(item.get("href"))))
        media = item.get("media-type")
        if media not in KINDLE_MEDIA:
            problems.append(f"{href}: {media} is not a type Kindle converts")
        if href not in files:
            problems.append(f"{href}: in the manifest but not in the book")
            continue
        if " " in href or not href.isascii():
            problems.append(f"{href}: a file name with spaces or non-ASCII letters")
        if media == "application/xhtml+xml":
            data = files[href]
            if not data.startswith(DECLARATION):
                problems.append(f"{href}: does not start with the XML declaration Kindle wants")
            page = etree.fromstring(data)
            if page.find(f".//{{{XHTML_NS}}}script") is not None:
                problems.append(f"{href}: has a script")
            ids[href] = {e.get("id") for e in page.iter() if e.get("id")}
            pages[href] = page
    for href, page in pages.items():
        for link in page.iter(f"{{{XHTML_NS}}}a"):
            target, fragment = urldefrag(link.get("href") or "")
            if not target or re.match(r"^[a-z]+:", target):
                target = "" if not target else None
            if target is None:
                continue
            path = posixpath.normpath(posixpath.join(posixpath.dirname(href), unquote(target))) if target else href
            if path not in ids:
                problems.append(f"{href}: link to {link.get('href')} leads nowhere")
            elif fragment and fragment not in ids[path]:
                problems.append(f"{href}: link to {link.get('href')} names a fragment that is not there")
    return problems
