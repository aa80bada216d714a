"""The file layer every command shares: read a story (and its sidecar twin), choose where a book
goes, refuse to write over what is not a book, and write atomically.

Every ``OSError`` becomes one ``InputError``/``OutputError`` sentence here (a missing file, a name
too long for the file system, a folder where a file was expected), never a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec.structs import replace

from ..errors import InputError, OutputError
from . import interrupts

if TYPE_CHECKING:
    from ..options import Options

DEFAULT_FOLDER = Path("dist")
BOOK_SUFFIXES = (".kepub.epub", ".epub")


def read_bytes(path: Path, kind: str = "text file") -> bytes:
    try:
        if path.is_dir():
            raise InputError(f"{path} is a folder, not a {kind}")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{_short(path)} does not exist") from None
    except PermissionError:
        raise InputError(f"{_short(path)} cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(f"{_short(path)} cannot be read: {exc.strerror or exc}") from None


def sidecar_of(source: Path, meta: Path | None) -> tuple[str, bytes] | None:
    """(name, bytes) of --meta FILE, else of the story's twin (story.toml, .yaml, .yml or .json)."""
    from ..reading.sidecar import SUFFIXES as SIDECAR_SUFFIXES  # here, so --help loads no metadata table

    if meta is None:
        try:
            twins = [p for p in (source.with_suffix(s) for s in SIDECAR_SUFFIXES) if p != source and p.is_file()]
        except (OSError, ValueError):
            twins = []
        if len(twins) > 1:
            raise InputError(f"{twins[0].name} and {twins[1].name} both describe {source.name}: "
                             "keep one, or choose with --meta")
        if not twins:
            return None
        meta = twins[0]
    return meta.name, read_bytes(meta, "metadata file")


def read_story(source: Path, meta: Path | None, base: Options) -> tuple[bytes, Options]:
    """A story's bytes and the command's options for it: its file name (a title guess), its
    sidecar twin (or --meta FILE) and when it last changed. Each story of a batch gets its own."""
    data = read_bytes(source)  # first: a missing story is the error to report, not its date
    return data, options_for(source, meta, base)


def options_for(source: Path, meta: Path | None, base: Options) -> Options:
    """``base`` made this story's: its file name, its sidecar (or --meta FILE), its date."""
    from ..reading.sidecar import read_sidecar

    sidecar = sidecar_of(source, meta)
    return replace(base, source_name=source.name, modified=modified_time(source),
                   sidecar=tuple(read_sidecar(sidecar[1], sidecar[0]).items()) if sidecar else ())


def modified_time(source: Path) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else when the story last changed."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    try:
        seconds = int(epoch) if epoch else int(source.stat().st_mtime)
    except (ValueError, OSError):
        raise InputError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch!r}") from None
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)


def slug(text: str) -> str:
    """A file name that every system and device accepts: ``Cherished Words`` → ``cherished-words``.
    Latin letters lose their accents (``Café`` → ``cafe``); other letters stay as written
    (``Архиерей`` → ``архиерей``, ``吾輩は猫である``, ``Søren``), where they used to vanish and
    leave ``book.epub``."""
    plain = "".join(_plain(char) for char in unicodedata.normalize("NFC", text)).lower()
    kept = "".join(char if unicodedata.category(char)[0] in "LNM" else " " for char in plain)  # letters, digits, marks
    name = "-".join(kept.split())[:80]
    while len(name.encode()) > _NAME_BYTES:  # file systems count bytes: 80 CJK characters are 240
        name = name[:-1]
    return name.strip("-")


_NAME_BYTES = 200  # with "-12" and ".kepub.epub", under the 255 bytes a file name may take


def _plain(char: str) -> str:
    """A Latin letter without its accent; any other character as it is."""
    folded = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    return folded or char


def book_name(title: str, source: Path, suffix: str = ".epub") -> str:
    return f"{slug(title) or slug(source.stem) or 'book'}{suffix}"


def is_folder(path: Path) -> bool:
    """Path.is_dir, but False for a name the system refuses (too long), which then fails as a story."""
    try:
        return path.is_dir()
    except OSError:
        return False


def is_folder_target(output: str | None) -> bool:
    """-o names a folder when it is one, or is written with a trailing slash; else a book file."""
    if output is None or output.endswith(("/", os.sep)):
        return True
    try:
        return Path(output).is_dir()
    except OSError:
        return False


def target_path(output: str | None, name: str, source: Path | None, force: bool = False,
                no_clobber: bool = False) -> Path:
    """Where the book goes, checked: never over the story itself, never over something that is
    not a book (a device, a FIFO, a text file) unless ``force``, and always a name ending in .epub."""
    if is_folder_target(output):
        folder = Path(output) if output else DEFAULT_FOLDER
        make_folder(folder)
        target = folder / name
    else:
        target = Path(output)
        if source is not None and _same_file(target, source):
            raise OutputError(f"refusing to overwrite the story itself: {_short(source)}")
        if not force and not target.name.lower().endswith(BOOK_SUFFIXES):
            raise OutputError(f"{_short(target)} does not end in .epub: name the book NAME.epub, "
                              "or end a folder's name with /", option="force")
        make_folder(target.parent)
    refuse_overwrite(target, source, force, no_clobber)
    return target


def refuse_overwrite(target: Path, source: Path | None, force: bool, no_clobber: bool = False) -> None:
    try:
        info = target.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"cannot write {_short(target)}: {exc.strerror or exc}") from None
    if source is not None and _same_file(target, source):
        raise OutputError(f"refusing to overwrite the story itself: {_short(source)}")
    if no_clobber:
        raise OutputError(f"{_short(target)} already exists (and --no-clobber was given)")
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{_short(target)} is a folder: name a book file inside it")
    if not stat.S_ISREG(info.st_mode):  # a device, a FIFO, a socket: replacing it is never wanted
        raise OutputError(f"{_short(target)} is not a regular file: refusing to replace it")
    if not force and not _is_epub(target):
        raise OutputError(f"{_short(target)} exists and is not an EPUB book: refusing to replace it",
                          option="force")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def looks_like_book(path: Path, data: bytes) -> bool:
    """An EPUB by name or by its zip signature (``info`` and ``preview`` take a story or a book)."""
    return path.name.lower().endswith(BOOK_SUFFIXES) or data[:4] == b"PK\x03\x04"


def _is_epub(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("mimetype").strip() == b"application/epub+zip"
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False


def make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {_short(folder)}: {exc.strerror or exc}") from None


def write_atomically(target: Path, data: bytes, then: Callable[[], None] | None = None) -> None:
    """A temporary file beside the target, synced, then renamed over it: a reader of ``target``
    sees the old book or the new one, never half of one. Nothing stays behind on any failure,
    an interrupt included. ``then`` runs right after the rename with SIGINT and SIGTERM held
    back, so no signal falls between "the book is in place" and what the caller records of it."""
    folder = target.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name[:60]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write to {_short(folder)}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        with interrupts.held_back():
            os.replace(temporary, target)
            if then:
                then()
    except OSError as exc:
        raise OutputError(f"cannot write {_short(target)}: {exc.strerror or exc}") from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)


def _short(path: Path) -> str:
    """A path as a message shows it: a 300-character name is cut, so the sentence stays one line."""
    text = str(path)
    return text if len(text) <= 120 else f"{text[:60]}…{text[-50:]}"
