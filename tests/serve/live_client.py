"""A client of the preview as a page's script is one: fetch a page, follow its event stream."""

from __future__ import annotations

import http.client
import json
import socket
from collections.abc import Iterator

DOC = "d02-journal-yudin-1958-02"
TRANSCRIPT = "transcripts/02-journal-yudin-1958-02.txt"


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def stamps_of(page: bytes) -> tuple[str, str]:
    """The stamps the server gave a page in its live script tag."""
    stamp = page.split(b'data-stamp="')[1].split(b'"')[0].decode()
    assets = page.split(b'data-assets="')[1].split(b'"')[0].decode()
    return stamp, assets


def open_events(port: int, page: str, body: bytes) -> Iterator[tuple[str, dict]]:
    """The (event, data) of the page's event stream, as its script would read them."""
    stamp, assets = stamps_of(body)
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    sock.sendall(f"GET /__tei-tools/events?page={page}&stamp={stamp}&assets={assets} "
                 "HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    stream = sock.makefile("rb")
    try:
        while stream.readline() not in (b"\r\n", b""):
            pass  # the headers
        event = None
        for raw in stream:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: "):
                yield event, json.loads(line[6:])
    finally:
        sock.close()


def next_event(events: Iterator[tuple[str, dict]], wanted) -> tuple[str, dict]:
    """The first event for which ``wanted(event, data)`` is true."""
    for event, data in events:
        if wanted(event, data):
            return event, data
    raise AssertionError("the stream ended")
