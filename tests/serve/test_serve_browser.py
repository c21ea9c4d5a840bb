"""`tei-tools serve` in a real browser: Debian's Chromium driven by playwright.

An editor's loop: open a document page, edit its transcript, see the page change by itself;
break the transcript, see the error on the page; fix it, see the error go. Needs what
tests/web/test_web_browser.py needs (pip install playwright, apt-get install chromium or
TEI_TOOLS_CHROMIUM=…); skips with the reason when a piece is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from live_client import DOC, TRANSCRIPT

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _chromium() -> str | None:
    for candidate in (os.environ.get("TEI_TOOLS_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture
def page():
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed (pip install playwright)")
    executable = _chromium()
    if executable is None:
        pytest.skip("Chromium not found: apt-get install chromium, or set TEI_TOOLS_CHROMIUM")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=ARGS)
        pg = browser.new_page()
        pg.errors = []
        pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
        yield pg
        browser.close()


@pytest.fixture
def serving(sampler):
    """`tei-tools serve` on a copy of the built sampler: (edition folder, base URL)."""
    edition, site = sampler
    proc = subprocess.Popen([sys.executable, "-m", "tei_tools", "serve", str(edition), "-o",
                             str(site), "-p", "0"], stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        match = re.search(r"at (http://127\.0\.0\.1:\d+/)", proc.stderr.readline())
        assert match, "the server says where it listens"
        for line in proc.stderr:  # wait for the first build (nothing to do: already built)
            if line.startswith(("built", "failed")):
                break
        yield edition, match.group(1)
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        proc.communicate(timeout=60)
    assert proc.returncode == 0


def test_edit_a_transcript_and_see_the_page_change_then_an_error_and_its_fix(page, serving):
    edition, url = serving
    transcript = edition / TRANSCRIPT
    page.goto(f"{url}documents/{DOC}.html")
    text = page.locator(".doc-text")
    assert "USSR EMBASSY IN THE PRC" in text.inner_text()
    page.wait_for_function("document.documentElement.dataset.teiToolsBuild === 'ok'")

    original = transcript.read_text("utf-8")
    with page.expect_event("load", timeout=60_000):  # the page reloads by itself
        transcript.write_text(original.replace("USSR EMBASSY IN THE PRC",
                                               "USSR EMBASSY IN PEKING"), "utf-8")
    assert "USSR EMBASSY IN PEKING" in text.inner_text()
    overlay = page.locator("tei-tools-preview .overlay")
    assert not overlay.is_visible()

    edited = transcript.read_bytes()
    transcript.write_bytes(edited.replace(b"PEKING", b"PEK\xffNG"))
    overlay.wait_for(state="visible", timeout=60_000)
    shown = overlay.inner_text()
    assert re.search(rf"{re.escape(TRANSCRIPT)}:\d+:\d+", shown), shown
    assert "not valid UTF-8" in shown and "[TX101]" in shown
    assert "hint: save the transcript as UTF-8" in shown
    assert page.get_by_role("alert").is_visible()
    assert "USSR EMBASSY IN PEKING" in text.inner_text(), "the last good page stays under it"

    transcript.write_bytes(edited)  # fixed: the same page as before, the overlay goes
    overlay.wait_for(state="hidden", timeout=60_000)
    assert "USSR EMBASSY IN PEKING" in text.inner_text()
    assert page.errors == []
