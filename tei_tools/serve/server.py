"""The HTTP side of the preview: the standard library's threading server on 127.0.0.1.

It serves the files of the site folder (:func:`.site_files.resolve` decides which), adds the
live script to HTML responses, and streams the build status to the open pages
(:func:`.live.events`). Nothing is cached by the browser (``Cache-Control: no-store``), so a
reload always shows the last build. Requests must name this machine (``Host: 127.0.0.1`` or
``localhost``), which keeps other web sites from reading an unpublished edition through
DNS rebinding.
"""

from __future__ import annotations

import errno
import html
import mimetypes
import shutil
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from ..diagnostics import error
from .live import (
    BUILDING,
    EVENTS_URL,
    SCRIPT_URL,
    LiveChannel,
    client_script,
    events,
    inject,
    script_tag,
)
from .site_files import MISSING, resolve, stamp

HOST = "127.0.0.1"
LOCAL_NAMES = frozenset({"127.0.0.1", "localhost"})
# fixed types for what the site holds; mimetypes (the system's table) for anything else
TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
         ".json": "application/json", ".wasm": "application/wasm", ".xml": "application/xml",
         ".svg": "image/svg+xml", ".pdf": "application/pdf",
         ".bib": "text/plain; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


class SiteServer(ThreadingHTTPServer):
    """Serves ``site`` and the live channel; ``log`` receives one line per request when
    given."""

    daemon_threads = True  # open event streams must not keep the process alive

    def __init__(self, site: Path, channel: LiveChannel, port: int, *,
                 log: Callable[[str], None] | None = None, pdf: bool = False):
        self.site = Path(site).resolve()
        self.channel = channel
        self.log = log
        self.pdf = pdf
        super().__init__((HOST, port), _Handler)

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def handle_error(self, request, client_address) -> None:
        pass  # a page closed mid-response is not an error worth a traceback


def listen(site: Path, channel: LiveChannel, port: int, *, tries: int = 10,
           **options) -> SiteServer:
    """A server on ``port``, or on the next free one of ``tries`` ports, or on any free port
    (compare ``.port`` with the one asked for to tell the user)."""
    for candidate in [*range(port, min(port + tries, 65536)), 0]:
        try:
            return SiteServer(site, channel, candidate, **options)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise error("SRV002", port=candidate, reason=exc.strerror or exc) from None
    raise error("SRV002", port=port, reason="no free port")  # pragma: no cover - port 0


class _Handler(BaseHTTPRequestHandler):
    server: SiteServer
    server_version = "tei-tools-serve"

    def do_GET(self) -> None:
        self._respond(body=True)

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def log_message(self, format: str, *args) -> None:
        if self.server.log:
            self.server.log(f"{self.address_string()} {format % args}")

    def _respond(self, body: bool) -> None:
        host = self.headers.get("Host", HOST)
        name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        if name.lower() not in LOCAL_NAMES:
            self._send(HTTPStatus.FORBIDDEN, b"not a local request\n", "text/plain", body)
            return
        path = urlsplit(self.path).path
        if path == SCRIPT_URL:
            self._send(HTTPStatus.OK, client_script(), TYPES[".js"], body)
        elif path == EVENTS_URL:
            self._stream()
        else:
            self._file(body)

    def _file(self, body: bool) -> None:
        found = resolve(self.server.site, self.path)
        if found.redirect:
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", found.redirect)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if found.file is None:
            self._send(HTTPStatus.NOT_FOUND, self._live(self._missing_page(), MISSING),
                       TYPES[".html"], body)
            return
        kind = TYPES.get(found.file.suffix.lower()) or \
            mimetypes.guess_type(found.file.name)[0] or "application/octet-stream"
        try:
            if found.file.suffix.lower() == ".html":
                page = self._live(found.file.read_bytes(), stamp(found.file))
                self._send(HTTPStatus.OK, page, kind, body)
                return
            with found.file.open("rb") as handle:
                self._headers(HTTPStatus.OK, kind, Path(found.file).stat().st_size)
                if body:
                    shutil.copyfileobj(handle, self.wfile)
        except OSError:  # replaced between resolve and read: the next request finds it
            self._send(HTTPStatus.NOT_FOUND, b"gone\n", "text/plain", body)

    def _live(self, page: bytes, page_stamp: str) -> bytes:
        return inject(page, script_tag(page_stamp, self.server.channel.status.assets))

    def _missing_page(self) -> bytes:
        path = urlsplit(self.path).path
        if self.server.channel.status.phase == BUILDING:
            why = "The edition is being built; this page reloads when it is ready."
        elif path.startswith("/pdf/") and not self.server.pdf:
            why = ("The preview makes no PDFs unless it is started with <code>tei-tools serve "
                   "--pdf</code>; <code>tei-tools build</code> makes them for publication.")
        else:
            why = "There is no such page in the site. This page reloads if a build makes it."
        return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not found'
                f' — tei-tools preview</title></head><body><h1>Not found: '
                f'<code>{html.escape(path)}</code></h1><p>{why}</p><p><a href="/">The '
                f'edition\'s home page</a></p></body></html>').encode()

    def _stream(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        page, sent, assets = (query.get(key, [""])[0] for key in ("page", "stamp", "assets"))
        site = self.server.site
        self._headers(HTTPStatus.OK, "text/event-stream; charset=utf-8", None)
        try:
            for chunk in events(self.server.channel, lambda: stamp(resolve(site, page).file),
                                sent, assets):
                self.wfile.write(chunk.encode("utf-8"))
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded

    def _headers(self, status: HTTPStatus, kind: str, length: int | None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()

    def _send(self, status: HTTPStatus, data: bytes, kind: str, body: bool) -> None:
        try:
            self._headers(status, kind, len(data))
            if body:
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
