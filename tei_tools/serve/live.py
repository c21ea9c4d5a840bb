"""Live pages: the build status the open pages follow, and the reload script they carry.

Every HTML page the server sends gets one script tag (added to the response only, never to the
file) with the version stamp of the page and of the site's assets as they were sent. The script
opens a Server-Sent-Events stream (:func:`events`). After each build the stream compares the
stamps: if the page's file or the assets changed, the page reloads; otherwise the page only
shows the status: a "rebuilding" badge, or an overlay with the build's errors (file:line:col,
message, hint) that goes away when a build succeeds.

While a build runs, its progress ticks (:meth:`LiveChannel.touch`) let each stream look at its
page's stamp too: a document's page reloads as soon as the build has written it, before the
edition-wide pages and the search index that follow it are done (the badge stays until then).
A page is written only once per build, after its document was validated, so an early reload
shows the page as the finished build will have it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..diagnostics import Diagnostic
from .site_files import MISSING, folder_stamp

PREFIX = "/__tei-tools/"            # the server's own URLs; no site file starts with "_"
SCRIPT_URL = PREFIX + "live.js"
EVENTS_URL = PREFIX + "events"
BUILDING, OK, FAILED = "building", "ok", "failed"


@dataclass(frozen=True)
class Status:
    """The state of the site the pages follow; ``serial`` grows with every change."""

    serial: int
    phase: str                        # BUILDING, OK or FAILED
    message: str = ""
    problems: tuple[Diagnostic, ...] = ()
    assets: str = MISSING             # folder_stamp of the site's assets/ after the build
    written: bool = False             # a progress tick: files were written, the build goes on

    def to_json(self) -> str:
        problems = [{"location": d.location(), "severity": str(d.severity), "code": d.code,
                     "message": d.message, "hint": d.hint or ""} for d in self.problems]
        return json.dumps({"serial": self.serial, "phase": self.phase, "message": self.message,
                           "problems": problems}, ensure_ascii=False)


class LiveChannel:
    """The latest :class:`Status`, published by the build thread, awaited by every stream."""

    def __init__(self, site: Path):
        self.site = site
        self._cond = threading.Condition()
        self._status = Status(0, BUILDING, "first build", assets=self.assets_stamp())
        self.closed = False

    def assets_stamp(self) -> str:
        return folder_stamp(self.site / "assets")

    @property
    def status(self) -> Status:
        with self._cond:
            return self._status

    def publish(self, phase: str, message: str = "",
                problems: tuple[Diagnostic, ...] = ()) -> Status:
        """A new status (assets stamped now, unless a build is only starting)."""
        assets = self._status.assets if phase == BUILDING else self.assets_stamp()
        with self._cond:
            self._status = Status(self._status.serial + 1, phase, message, problems, assets)
            self._cond.notify_all()
            return self._status

    def touch(self) -> None:
        """The running build wrote files: open pages look whether theirs is among them."""
        with self._cond:
            self._status = replace(self._status, serial=self._status.serial + 1, written=True)
            self._cond.notify_all()

    def wait_newer(self, serial: int, timeout: float) -> Status | None:
        """The status once it is newer than ``serial``; None after ``timeout`` or when closed."""
        with self._cond:
            self._cond.wait_for(lambda: self.closed or self._status.serial > serial, timeout)
            if self.closed or self._status.serial <= serial:
                return None
            return self._status

    def close(self) -> None:
        """End every stream (the server is stopping)."""
        with self._cond:
            self.closed = True
            self._cond.notify_all()


def events(channel: LiveChannel, page_stamp: Callable[[], str], sent_stamp: str,
           sent_assets: str, keepalive: float = 15.0) -> Iterator[str]:
    """The Server-Sent-Events stream of one open page: ``status`` events, or one ``reload``
    event (the stream ends) once a build wrote the page, or a finished build changed the
    assets.

    ``page_stamp()`` gives the page's stamp now; ``sent_*`` are the stamps it was sent with.
    A comment every ``keepalive`` seconds lets the server notice closed pages."""
    yield "retry: 1000\n\n"  # reconnect after a second when the server restarts
    serial = -1
    while not channel.closed:
        status = channel.wait_newer(serial, keepalive)
        if status is None:
            if not channel.closed:
                yield ": keep-alive\n\n"
            continue
        serial = status.serial
        changed = page_stamp() != sent_stamp
        if changed and (status.written or status.phase != BUILDING) \
                or status.phase != BUILDING and status.assets != sent_assets:
            yield "event: reload\ndata: {}\n\n"
            return
        if not status.written:  # ticks change nothing the page shows
            yield f"event: status\ndata: {status.to_json()}\n\n"


def script_tag(stamp: str, assets: str) -> bytes:
    # stamps are hex digits and "-": nothing to escape
    return (f'<script src="{SCRIPT_URL}" data-tei-tools-live data-stamp="{stamp}" '
            f'data-assets="{assets}" defer></script>').encode("ascii")


def inject(html: bytes, tag: bytes) -> bytes:
    """``html`` with ``tag`` before its last ``</body>`` (at the end when it has none)."""
    at = html.lower().rfind(b"</body>")
    return html + tag if at < 0 else html[:at] + tag + html[at:]


def client_script() -> bytes:
    return (Path(__file__).with_name("live.js")).read_bytes()
