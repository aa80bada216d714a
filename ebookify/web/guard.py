"""An ASGI middleware for what every response and request needs on a page served to a browser
that also visits the rest of the web.

- **Security headers** on every response: a content security policy that allows only this
  page's own script, styles and images (so no third-party request can happen), no framing,
  no referrer, no sniffing, no caching of books.
- **Same origin**: a POST from another site's page (its ``Origin`` is not this server) is
  refused, so a web page cannot use the local converter behind the reader's back. The host
  check against DNS rebinding is Starlette's ``TrustedHostMiddleware``.
- **Body size**: a request larger than ``request_bytes`` is refused with 413 before it is read
  in full, whether or not it states its length.
"""

from __future__ import annotations

from urllib.parse import urlsplit

POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
          "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]


class _TooLarge(Exception):
    pass


class Guard:
    def __init__(self, app, request_bytes: int) -> None:
        self.app = app
        self.request_bytes = request_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        started = False

        async def send_with_headers(message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)

        if scope["method"] not in ("GET", "HEAD") and not _same_origin(headers):
            return await _refuse(send_with_headers, 403, "Error: a page from another site cannot use this converter")
        try:
            length = int(headers.get(b"content-length", b"0"))
        except ValueError:
            length = 0
        if length > self.request_bytes:
            return await _refuse(send_with_headers, 413, self._too_large())
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.request_bytes:
                raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send_with_headers)
        except _TooLarge:
            if not started:
                await _refuse(send_with_headers, 413, self._too_large())

    def _too_large(self) -> str:
        return f"Error: the upload is larger than {self.request_bytes // (1024 * 1024)} MB"


def _same_origin(headers: dict[bytes, bytes]) -> bool:
    """No ``Origin`` (a same-origin form in older browsers, a script) or one naming this host."""
    origin = headers.get(b"origin")
    if origin is None:
        return True
    return urlsplit(origin.decode("latin-1")).netloc == headers.get(b"host", b"").decode("latin-1")


async def _refuse(send, status: int, line: str) -> None:
    body = f'<p class="error" role="alert">{line}</p>'.encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
