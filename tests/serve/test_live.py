"""The status stream of an open page: status events, one reload when its page changed."""

from __future__ import annotations

import json
import threading

from tei_tools.diagnostics import diagnostic
from tei_tools.serve.live import BUILDING, FAILED, OK, LiveChannel, events, inject, script_tag


def _parse(chunk: str) -> tuple[str | None, dict | None]:
    event = data = None
    for line in chunk.strip().splitlines():
        if line.startswith("event: "):
            event = line[7:]
        elif line.startswith("data: "):
            data = json.loads(line[6:])
    return event, data


def test_a_page_follows_the_build_and_reloads_when_its_file_changed(tmp_path):
    channel = LiveChannel(tmp_path)
    page = {"stamp": "v1"}
    stream = events(channel, lambda: page["stamp"], "v1", channel.status.assets)
    assert next(stream) == "retry: 1000\n\n"
    assert _parse(next(stream)) == ("status", {"serial": 0, "phase": BUILDING,
                                               "message": "first build", "problems": []})
    channel.publish(OK, "nothing changed")
    assert _parse(next(stream))[1]["phase"] == OK  # same page: no reload
    channel.publish(BUILDING, "Rebuilding")
    page["stamp"] = "v2"  # the build rewrote the page …
    assert _parse(next(stream))[1]["phase"] == BUILDING  # … but it is not finished
    problem = diagnostic("TX101", path="transcripts/a.txt", line=3, col=7,
                         problem="not valid UTF-8")
    channel.publish(FAILED, "The build failed: 1 error", (problem,))
    assert _parse(next(stream)) == ("reload", {})
    assert list(stream) == [], "the stream ends: the reloaded page opens a new one"


def test_a_failed_build_sends_its_errors_with_their_place(tmp_path):
    channel = LiveChannel(tmp_path)
    stream = events(channel, lambda: "v1", "v1", channel.status.assets)
    next(stream), next(stream)
    problem = diagnostic("TX101", path="transcripts/a.txt", line=3, col=7,
                         problem="not valid UTF-8")
    channel.publish(FAILED, "The build failed: 1 error", (problem,))
    event, data = _parse(next(stream))
    assert event == "status" and data["phase"] == FAILED
    assert data["problems"] == [{
        "location": "transcripts/a.txt:3:7", "severity": "error", "code": "TX101",
        "message": "the file is not valid UTF-8",
        "hint": "save the transcript as UTF-8 (most editors offer 'Save with encoding')"}]
    channel.publish(OK, "convert 1")
    assert _parse(next(stream)) == ("status", {"serial": 2, "phase": OK,
                                               "message": "convert 1", "problems": []})


def test_changed_assets_reload_every_page(tmp_path):
    channel = LiveChannel(tmp_path)
    stream = events(channel, lambda: "v1", "v1", channel.status.assets)
    next(stream), next(stream)
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "edition.css").write_text("h1 { color: red }")
    channel.publish(OK, "html 18")
    assert _parse(next(stream))[0] == "reload"


def test_a_page_sent_before_the_last_build_reloads_at_once(tmp_path):
    channel = LiveChannel(tmp_path)
    channel.publish(OK, "html 1")
    stream = events(channel, lambda: "v2", "v1", channel.status.assets)
    next(stream)
    assert _parse(next(stream))[0] == "reload"


def test_keepalive_and_close(tmp_path):
    channel = LiveChannel(tmp_path)
    stream = events(channel, lambda: "v1", "v1", channel.status.assets, keepalive=0.05)
    next(stream), next(stream)
    assert next(stream) == ": keep-alive\n\n"
    threading.Timer(0.1, channel.close).start()
    assert set(stream) <= {": keep-alive\n\n"}, "the stream ends when the channel closes"


def test_the_script_goes_before_the_end_of_the_body():
    tag = script_tag("1-2", "abc")
    assert tag.startswith(b'<script src="/__tei-tools/live.js" data-tei-tools-live ')
    page = b"<html><body><p>x</p></BODY></html><script src='x.js'></script>"
    assert inject(page, tag) == b"<html><body><p>x</p>" + tag + b"</BODY></html>" \
        b"<script src='x.js'></script>"
    assert inject(b"<p>fragment</p>", tag) == b"<p>fragment</p>" + tag


def test_a_page_reloads_as_soon_as_the_running_build_wrote_it(tmp_path):
    channel = LiveChannel(tmp_path)
    channel.publish(OK, "nothing changed")
    page = {"stamp": "v1"}
    stream = events(channel, lambda: page["stamp"], "v1", channel.status.assets)
    next(stream), next(stream)
    channel.publish(BUILDING, "Rebuilding")
    assert _parse(next(stream))[1]["phase"] == BUILDING
    channel.touch()  # other files written (the TEI, a neighbour's page): nothing to send …
    channel.touch()
    page["stamp"] = "v2"  # … then this page, while the index and the search are still to do
    channel.touch()
    assert _parse(next(stream)) == ("reload", {}), "only the tick after the page was written"


def test_ticks_do_not_reload_for_assets_before_the_build_ends(tmp_path):
    channel = LiveChannel(tmp_path)
    stream = events(channel, lambda: "v1", "v1", "an older assets stamp")
    next(stream), next(stream)
    channel.touch()
    channel.publish(FAILED, "The build failed: 0 errors")
    assert _parse(next(stream))[0] == "reload", "the assets are compared when a build ends"
