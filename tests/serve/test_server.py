"""The HTTP side over a real socket: what is served, with which headers, and what is refused."""

from __future__ import annotations

import errno
import http.client
import json
import os
import socket
import threading

import pytest

from tei_tools.diagnostics import TeiToolsError
from tei_tools.serve import server as server_module
from tei_tools.serve.live import FAILED, OK, LiveChannel
from tei_tools.serve.server import listen

PAGE = b"<!DOCTYPE html><html><body><h1>Doc</h1></body></html>"


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "documents").mkdir(parents=True)
    (root / "assets").mkdir()
    (root / "index.html").write_bytes(PAGE)
    (root / "documents" / "d1.html").write_bytes(PAGE)
    (root / "assets" / "site.css").write_bytes(b"body { margin: 0 }")
    (root / "search.wasm").write_bytes(b"\0asm")
    (root / ".tei-tools-build.json").write_text("{}")
    (tmp_path / "secret.txt").write_text("outside")
    os.symlink(tmp_path / "secret.txt", root / "secret.txt")
    return root


@pytest.fixture
def served(site):
    channel = LiveChannel(site)
    server = listen(site, channel, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, channel
    channel.close()
    server.shutdown()
    server.server_close()


def _get(server, path, host=None, method="GET"):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.putrequest(method, path, skip_host=host is not None, skip_accept_encoding=True)
    if host is not None:
        conn.putheader("Host", host)
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def test_html_gets_the_live_script_and_the_file_does_not(served, site):
    server, channel = served
    assert server.url == f"http://127.0.0.1:{server.port}/"
    response, body = _get(server, "/documents/d1.html")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Cache-Control") == "no-store"
    assert body.startswith(b"<!DOCTYPE html><html><body><h1>Doc</h1><script src=")
    assert body.endswith(b"</script></body></html>")
    assert int(response.getheader("Content-Length")) == len(body)
    assert (site / "documents" / "d1.html").read_bytes() == PAGE, "the site stays as built"
    response, script = _get(server, "/__tei-tools/live.js")
    assert response.status == 200 and b"EventSource" in script


def test_other_files_are_sent_as_they_are(served):
    server, _ = served
    response, body = _get(server, "/assets/site.css")
    assert (response.status, body) == (200, b"body { margin: 0 }")
    assert response.getheader("Content-Type") == "text/css; charset=utf-8"
    response, body = _get(server, "/search.wasm")
    assert response.getheader("Content-Type") == "application/wasm"
    response, body = _get(server, "/assets/site.css", method="HEAD")
    assert response.status == 200 and body == b""
    assert response.getheader("Content-Length") == "18"


def test_folders_redirect_to_their_slash_and_serve_index_html(served):
    server, _ = served
    response, _ = _get(server, "/documents")
    assert response.status == 301 and response.getheader("Location") == "/documents/"
    response, body = _get(server, "/")
    assert response.status == 200 and body.startswith(b"<!DOCTYPE html><html><body><h1>Doc")


@pytest.mark.parametrize("path", ["/../secret.txt", "/%2e%2e/secret.txt", "/secret.txt",
                                  "/.tei-tools-build.json", "/documents/../../secret.txt"])
def test_nothing_outside_the_site_is_served(served, path):
    server, _ = served
    response, body = _get(server, path)
    assert response.status == 404
    assert b"outside" not in body and b"Not found" in body
    assert b"/__tei-tools/live.js" in body, "a missing page reloads once a build makes it"


def test_requests_for_other_hosts_are_refused(served):
    server, _ = served
    assert _get(server, "/", host="evil.example:80")[0].status == 403
    assert _get(server, "/", host=f"localhost:{server.port}")[0].status == 200
    assert _get(server, "/", host=f"127.0.0.1:{server.port}")[0].status == 200


def test_missing_pages_say_why(served):
    server, channel = served
    response, body = _get(server, "/documents/d2.html")
    assert response.status == 404 and b"being built" in body
    channel.publish(OK, "html 1")
    response, body = _get(server, "/pdf/d1.pdf")
    assert response.status == 404 and b"--pdf" in body
    response, body = _get(server, "/documents/d2.html")
    assert b"no such page" in body


def test_the_event_stream_sends_the_status_and_then_a_reload(served, site):
    server, channel = served
    channel.publish(FAILED, "The build failed: 0 errors")
    page = site / "documents" / "d1.html"
    _, body = _get(server, "/documents/d1.html")
    sent = body.split(b'data-stamp="')[1].split(b'"')[0].decode()
    assets = body.split(b'data-assets="')[1].split(b'"')[0].decode()
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    sock.sendall(f"GET /__tei-tools/events?page=/documents/d1.html&stamp={sent}&assets="
                 f"{assets} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    stream = sock.makefile("rb")
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        head += stream.readline()
    assert b"200 OK" in head and b"text/event-stream" in head
    assert stream.readline() == b"retry: 1000\n"
    stream.readline()
    assert stream.readline() == b"event: status\n"
    assert json.loads(stream.readline()[6:])["phase"] == FAILED
    stream.readline()
    os.utime(page, ns=(1, 1))  # the next build rewrote the page
    channel.publish(OK, "html 1")
    assert stream.readline() == b"event: reload\n"
    sock.close()


def test_a_taken_port_moves_to_the_next_free_one(site):
    channel = LiveChannel(site)
    first = listen(site, channel, 0)
    try:
        second = listen(site, channel, first.port, tries=3)
        assert second.port != first.port
        second.server_close()
    finally:
        first.server_close()


def test_a_port_that_cannot_be_used_is_an_error(site, monkeypatch):
    def refuse(*args, **kwargs):  # what binding port 80 does for a user who is not root
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(server_module, "SiteServer", refuse)
    with pytest.raises(TeiToolsError) as caught:
        listen(site, LiveChannel(site), 80)
    assert caught.value.diagnostic.code == "SRV002"
    assert caught.value.diagnostic.message == "cannot listen on 127.0.0.1:80: Permission denied"
