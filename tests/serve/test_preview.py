"""The whole preview on the sampler edition with the real build: save → rebuild → reload, errors
on the page, the site as `tei-tools build` makes it, and the command line's start and stop."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from live_client import DOC, TRANSCRIPT, get, next_event, open_events

import tei_tools
from tei_tools.serve import Preview

SAMPLER = Path(__file__).resolve().parents[2] / "editions" / "sampler"

pytestmark = pytest.mark.slow
PAGE = f"/documents/{DOC}.html"


def _wait(predicate, timeout: float = 120.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def _site_files(site: Path, search: bool = True) -> dict[str, bytes]:
    """Every file of a site but the build's own records (hidden; they hold times and stats);
    ``search=False`` leaves out pagefind's index too, whose filter files pagefind names and
    orders differently from run to run (bench/snapshot.py leaves it out for the same reason)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and not p.name.startswith(".")
            and (search or p.relative_to(site).parts[0] != "pagefind")}


def test_save_rebuild_reload_and_errors_on_the_page(sampler, tmp_path):
    edition, site = sampler
    lines: list[str] = []
    transcript = edition / TRANSCRIPT
    with Preview(edition, site, port=0, log=lines.append) as preview:
        _wait(lambda: preview.channel.status.phase == "ok", what="the first build")
        assert any("nothing changed" in line for line in lines), lines
        status, body = get(preview.port, PAGE)
        assert status == 200 and b"Yudin" in body
        events = open_events(preview.port, PAGE, body)
        assert next_event(events, lambda e, d: True)[1]["phase"] == "ok"

        # an edit to the transcript: the page is rebuilt and told to reload
        transcript.write_text(transcript.read_text("utf-8").replace("Yudin", "Yudyn", 3),
                              "utf-8")
        assert next_event(events, lambda e, d: e == "reload")[0] == "reload"
        status, body = get(preview.port, PAGE)
        assert b"Yudyn" in body

        # a transcript that cannot be read: the page shows where and why, nothing is published
        events = open_events(preview.port, PAGE, body)
        good = transcript.read_bytes()
        transcript.write_bytes(good.replace(b"Yudyn", b"Yud\xffn", 1))
        _, failed = next_event(events, lambda e, d: d.get("phase") == "failed")
        [problem] = failed["problems"]
        assert problem["code"] == "TX101"
        assert re.fullmatch(rf".*{re.escape(TRANSCRIPT)}:\d+:\d+", problem["location"])
        assert "UTF-8" in problem["message"] and problem["hint"]
        assert failed["message"] == "The build failed: 1 error"
        assert b"Yudyn" in get(preview.port, PAGE)[1], "the last good page stays"

        # fixed again: the same page as before the error, so no reload, only the all-clear
        transcript.write_bytes(good)
        event, data = next_event(events, lambda e, d: d.get("phase") != "building")
        assert (event, data["phase"], data["problems"]) == ("status", "ok", [])
    assert preview.rebuilder.builds == 4
    assert not any(b"__tei-tools" in data for data in _site_files(site).values()), \
        "the live script is added to responses, never written into the site"

    # the site folder is what `tei-tools build` makes of the same edition
    fresh = tei_tools.build_edition(edition, tmp_path / "fresh", pdf=False, book=False)
    assert fresh.ok
    built = _site_files(tmp_path / "fresh", search=False)
    served = _site_files(site, search=False)
    assert sorted(built) == sorted(served)
    assert [name for name in built if built[name] != served[name]] == []


def test_edition_toml_and_css_changes_rebuild_too(sampler):
    edition, site = sampler
    with Preview(edition, site, port=0) as preview:
        _wait(lambda: preview.channel.status.phase == "ok", what="the first build")
        status, body = get(preview.port, "/index.html")
        events = open_events(preview.port, "/index.html", body)
        toml = edition / "edition.toml"
        toml.write_text(toml.read_text("utf-8").replace('title = "A Sampler',
                                                        'title = "The Sampler'), "utf-8")
        next_event(events, lambda e, d: e == "reload")
        status, body = get(preview.port, "/index.html")
        assert b"The Sampler of Cold War Documents" in body

        events = open_events(preview.port, "/index.html", body)
        (edition / "css").mkdir()  # the edition's own styles: every page reloads
        (edition / "css" / "house.css").write_text("h1 { color: #7a0000 }", "utf-8")
        next_event(events, lambda e, d: e == "reload")
        status, body = get(preview.port, "/index.html")
        assert b"assets/edition/house.css" in body
        assert get(preview.port, "/assets/edition/house.css") == (200, b"h1 { color: #7a0000 }")

        events = open_events(preview.port, "/index.html", body)
        toml.write_text("title = [unclosed\n", "utf-8")  # settings that cannot be read
        _, failed = next_event(events, lambda e, d: d.get("phase") == "failed")
        assert [p["code"] for p in failed["problems"]] == ["ED002"]
        assert failed["problems"][0]["location"].endswith("edition.toml")


def _session_processes(session: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="needs Linux /proc")
def test_the_command_moves_off_a_taken_port_and_a_second_ctrl_c_abandons_the_build(sampler):
    edition, site = sampler
    (site / ".tei-tools-build.json").unlink()  # so that the first build has work for the pool
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    cmd = [sys.executable, "-m", "tei_tools", "serve", str(edition), "-o", str(site),
           "-p", str(port), "-j", "2", "-q"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        first = proc.stderr.readline()
        assert first == f"port {port} is taken; using {port + 1}\n" or "using" in first
        serving = proc.stderr.readline()
        match = re.search(r"at http://127\.0\.0\.1:(\d+)/ \(Ctrl-C stops\)", serving)
        assert match, serving
        assert int(match.group(1)) != port
        assert "building" in proc.stderr.readline()
        # the preview, its build process and that one's pool workers
        _wait(lambda: len(_session_processes(proc.pid)) > 2, 60, "the build's workers")
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C in a terminal: to the foreground group
        assert proc.stderr.readline().startswith("finishing the build in progress")
        time.sleep(0.5)
        assert len(_session_processes(proc.pid)) >= 2, "the build process goes on"
        os.killpg(proc.pid, signal.SIGINT)  # again: abandon it
        rest = proc.communicate(timeout=60)[1]
    finally:
        taken.close()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, rest
    assert rest.startswith("abandoning the build in progress\n"), rest
    assert rest.endswith("run it once with --force)\n"), rest
    assert "Traceback" not in rest, rest
    _wait(lambda: _session_processes(proc.pid) == [], 10, "no process of the preview left")


def test_stopping_lets_the_running_build_finish(sampler):
    edition, site = sampler
    (site / ".tei-tools-build.json").unlink()  # a first build with work to do
    lines: list[str] = []
    preview = Preview(edition, site, port=0, log=lines.append)
    preview.start()
    _wait(lambda: preview.rebuilder.running, what="the build")
    time.sleep(1)
    preview.stop()
    assert not preview.abandoned
    assert any(line.startswith("finishing the build in progress") for line in lines), lines
    assert any(line.startswith("built in") for line in lines), lines
    assert tei_tools.build_edition(edition, site, pdf=False, book=False).did_nothing, \
        "the stop waited for the build: nothing is left to do"


def test_with_pdf_the_changed_documents_pdf_follows_the_page(tmp_path):
    """--pdf: a second step after the site (the page reloads first), never the book."""
    edition = tmp_path / "one"
    (edition / "transcripts").mkdir(parents=True)
    shutil.copy(SAMPLER / "edition.toml", edition)
    shutil.copy(SAMPLER / TRANSCRIPT, edition / "transcripts")
    site = tmp_path / "site"
    pdf = site / "pdf" / f"{DOC}.pdf"
    lines: list[str] = []
    with Preview(edition, site, port=0, pdf=True, log=lines.append) as preview:
        _wait(lambda: preview.rebuilder.builds == 1 and not preview.rebuilder.running,
              what="the first build")
        assert pdf.is_file() and not (site / "pdf" / "book.pdf").exists()
        before = pdf.stat().st_mtime_ns
        status, body = get(preview.port, PAGE)
        events = open_events(preview.port, PAGE, body)
        transcript = edition / TRANSCRIPT
        transcript.write_text(transcript.read_text("utf-8").replace("Yudin", "Yudyn", 3),
                              "utf-8")
        next_event(events, lambda e, d: e == "reload")
        _wait(lambda: lines[-1].endswith(": pdf 1"), what="the PDF step")
        assert pdf.stat().st_mtime_ns != before
    summaries = [line for line in lines if line.startswith("built")]
    assert "html 1" in summaries[-2] and "pdf" not in summaries[-2], lines
    assert summaries[-1].endswith(": pdf 1"), lines
