"""The Starlette application: one page, three POST routes, limits and security headers.

    GET  /          the page (drop zone; ``static/app.js`` sends each story on its own)
    POST /inspect   one or more stories → a card per story: what was found, as editable fields
    POST /preview   a story and the edits → the cover and page previews, and the guesses
    POST /book      a story and the edits → the EPUB, as an attachment with a slug file name

Nothing is stored between requests: the page keeps each dropped file and sends it again with
the edits, so the server holds a story only while converting it, in memory (never on disk). No route takes a
path; a file name from the browser is used only to guess a title and name the book.
"""

from __future__ import annotations

import asyncio
import base64
from contextlib import asynccontextmanager
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from msgspec import Struct
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..cli.report import error_line
from ..cover.designs import PALETTE_NAMES, STYLE_NAMES
from ..errors import EbookifyError, InputError
from ..options import FORMATS
from . import work
from .form import TEXT_FIELDS, options_from
from .guard import Guard
from .workers import Workers

MB = 1024 * 1024


class TooLarge(InputError):
    """An upload over its limit: HTTP 413."""


class Limits(Struct, frozen=True):
    """What one request may carry and one conversion may take (README and SECURITY.md show them)."""

    story_bytes: int = 20 * MB  # one story
    cover_bytes: int = 10 * MB  # one cover image
    files: int = 20  # stories in one request (the page sends one per request)
    request_bytes: int = 50 * MB  # a whole request
    seconds: float = 60.0  # one conversion, in its worker process
    processes: int = 2  # conversions at once


_TEMPLATES = Environment(loader=PackageLoader("ebookify.web", "templates"), autoescape=select_autoescape(default=True),
                         trim_blocks=True, lstrip_blocks=True)
_TEMPLATES.filters["data_url"] = lambda data, kind: f"data:{kind};base64,{base64.b64encode(data).decode()}"


def create_app(limits: Limits = Limits(), hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> Starlette:
    from starlette.formparsers import MultiPartParser

    # Uploads stay in memory: Starlette spools a part over 1 MB to a temporary file unless told
    # otherwise, and a whole request is capped at ``request_bytes`` anyway (``Guard``).
    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, limits.request_bytes)
    workers = Workers(limits.processes, limits.seconds)

    @asynccontextmanager
    async def lifespan(app):
        workers.start()  # the fork server imports the pipeline now, not on the first drop
        yield
        workers.close()

    def page(template: str, status: int = 200, **values) -> HTMLResponse:
        return HTMLResponse(_TEMPLATES.get_template(template).render(limits=limits, MB=MB, **values), status)

    def failed(error: EbookifyError | str, status: int = 422) -> HTMLResponse:
        if isinstance(error, TooLarge):
            status = 413
        return page("error.html", status, line=error if isinstance(error, str) else error_line(error))

    async def index(request: Request) -> Response:
        return page("page.html")

    async def inspect(request: Request) -> Response:
        try:
            stories, fields, _ = await _upload(request, limits)
            slot = int(fields.get("slot", "0")) if str(fields.get("slot", "0")).isdigit() else 0
            if not stories:
                raise InputError("no story was sent: choose a .txt or .md file")
        except EbookifyError as error:
            return failed(error, 400)
        cards = await asyncio.gather(*(_card(workers, name, data, fields, slot + index)
                                       for index, (name, data) in enumerate(stories)))
        return page("cards.html", cards=cards, styles=STYLE_NAMES, palettes=PALETTE_NAMES, formats=FORMATS)

    async def converted(request: Request, job, answer) -> Response:
        """One story and its edits through ``job`` in a worker; ``answer`` makes the response."""
        try:
            (name, data), fields, cover = await _one(request, limits)
            done = await workers.run(job, data, options_from(fields, name, cover))
        except EbookifyError as error:
            return failed(error)
        return failed(done.line) if isinstance(done, work.Failure) else answer(done)

    async def preview(request: Request) -> Response:
        return await converted(request, work.inspect, lambda found: page("previews.html", found=found))

    async def book(request: Request) -> Response:
        return await converted(request, work.build, lambda built: Response(
            built.epub, media_type="application/epub+zip",
            headers={"Content-Disposition": _attachment(built.file_name)}))

    routes = [
        Route("/", index), Route("/inspect", inspect, methods=["POST"]), Route("/preview", preview, methods=["POST"]),
        Route("/book", book, methods=["POST"]), Mount("/static", StaticFiles(packages=[("ebookify.web", "static")])),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts)),
                  Middleware(Guard, request_bytes=limits.request_bytes)]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


async def _card(workers: Workers, name: str, data: bytes, fields: dict, slot: int) -> dict:
    try:
        found = await workers.run(work.inspect, data, options_from({"modified": fields.get("modified", "")}, name))
    except EbookifyError as error:
        found = work.Failure(error_line(error))
    return {"name": name, "slot": slot, "found": found, "failure": isinstance(found, work.Failure)}


async def _one(request: Request, limits: Limits) -> tuple[tuple[str, bytes], dict[str, str], bytes]:
    stories, fields, cover = await _upload(request, limits)
    if len(stories) != 1:
        raise InputError("send exactly one story")
    return stories[0], fields, cover


async def _upload(request: Request, limits: Limits) -> tuple[list[tuple[str, bytes]], dict[str, str], bytes]:
    """The stories, the text fields and the cover image of a form, each within its limit."""
    from starlette.formparsers import MultiPartException

    try:
        form = await request.form(max_files=limits.files + 1, max_fields=40, max_part_size=MB)
    except MultiPartException as error:
        raise InputError(f"the form could not be read: {error}") from None
    try:
        stories, fields, cover = [], {}, b""
        for key, value in form.multi_items():
            if isinstance(value, UploadFile) and key == "story":
                data = await value.read(limits.story_bytes + 1)
                if len(data) > limits.story_bytes:
                    raise TooLarge(f"{value.filename} is larger than {limits.story_bytes // MB} MB")
                stories.append((value.filename or "story.txt", data))
            elif isinstance(value, UploadFile) and key == "cover_image":
                cover = await value.read(limits.cover_bytes + 1)
                if len(cover) > limits.cover_bytes:
                    raise TooLarge(f"the cover image is larger than {limits.cover_bytes // MB} MB")
            elif isinstance(value, str) and (key in TEXT_FIELDS or key.startswith("found_")
                                             or key in ("more", "cover", "cover_style", "cover_palette", "notes",
                                                        "format", "modified", "slot")):
                fields[key] = value
        return stories, fields, cover
    finally:
        await form.close()


def _attachment(name: str) -> str:
    """RFC 6266: a header holds only Latin-1, so a name in another script travels as UTF-8 in
    ``filename*``, beside a plain one for the few clients that do not read it."""
    if name.isascii():
        return f'attachment; filename="{name}"'
    return f"attachment; filename=\"book{name[name.index('.'):]}\"; filename*=utf-8''{quote(name)}"
