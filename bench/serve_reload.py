"""Save → reloaded page with ``tei-tools serve``, as an editor meets it, and where the time goes.

    python bench/serve_reload.py                        # the sampler edition (18 documents)
    python bench/serve_reload.py -n 1000 -n 16000       # and generated editions of that size
    python bench/serve_reload.py -n 16000 --edits 3 --no-browser

For each edition: ``tei-tools serve`` runs as a user runs it (a subprocess; its first build is
the "start" column: a full build the first time, "nothing changed" when the site folder is
already built), Chromium (playwright, as tests/serve does) opens a typical document's page (the
median transcript by size), and the script edits one word of that transcript ``--edits`` times.
Each edit is timed from the write to the ``load`` event of the page the server made the browser
reload (the page reloads as soon as the build has written it; the edition-wide pages and the
search index are done after it), and set beside the server's own log lines: watch (write →
"changed" line: inotify and the 50 ms debounce), build (the whole build's own seconds), and
"build after reload" (how long the build went on after the page was reloaded; negative when the
page reloaded only after the build). Without playwright or Chromium (or with
``--no-browser``) a client that reads the page's event stream and fetches the page stands in for
the browser.

Baseline, in the same run: ``tei-tools build`` after the same one-word edit (what the editor ran
before, plus reloading by hand). Then one rebuild after an edit runs in this process under
cProfile, to show where the build's time goes (per stage, and the costliest functions of
tei_tools).

Generated editions and their sites are kept in ``--cache`` (default /tmp/tei-tools-serve-bench),
so only the first run pays for the full build (a few minutes at 1,000 documents, much more at
16,000 on 2 cores).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests" / "serve"))

from live_client import next_event, open_events  # noqa: E402

TARGET = 1.0  # seconds, save → reloaded page at 16,000 documents (issue 17 item 3)
WORD = re.compile(r"\b[a-z]{6,12}\b")


@dataclass
class Edit:
    total: float          # write → page loaded with the new word
    watch: float          # write → the server's "changed" line
    build: float          # the whole build's own seconds
    after: float          # page loaded → build finished (the build goes on after the reload)


@dataclass
class Result:
    name: str
    documents: int
    start: float = 0.0                   # the server's first build, seconds
    start_note: str = ""
    edits: list[Edit] = field(default_factory=list)
    cli_build: float = 0.0               # baseline: `tei-tools build` after one edit
    stages: dict[str, float] = field(default_factory=dict)
    hot: list[tuple[float, str]] = field(default_factory=list)
    client: str = "chromium"


# ---------------------------------------------------------------- editions

def prepare(name: str, count: int | None, cache: Path) -> tuple[Path, Path]:
    """(edition folder, site folder): the sampler copied, or a generated edition of ``count``
    documents; generated once into ``cache``."""
    edition, site = cache / name, cache / f"{name}-site"
    if count is None:  # copied afresh (times kept: a built site stays up to date)
        shutil.rmtree(edition, ignore_errors=True)
        shutil.copytree(REPO / "editions" / "sampler", edition)
    elif not edition.is_dir():
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(edition),
                        "-n", str(count)], check=True)
    return edition, site


def typical(edition: Path) -> Path:
    """The transcript of median size."""
    texts = sorted(edition.glob("transcripts/*.txt"), key=lambda p: (p.stat().st_size, p.name))
    return texts[len(texts) // 2]


def page_of(transcript: Path) -> str:
    from tei_tools.readers.transcript.context import docid_from_name

    return f"/documents/{docid_from_name(transcript.name)}.html"


def pick_word(transcript: Path, page_html: str) -> str:
    """A word that occurs once in the transcript and in the page's text, from the middle of
    the document: editing it changes the page and nothing else."""
    text = transcript.read_text("utf-8")
    words = WORD.findall(text)
    once = [w for w in words if words.count(w) == 1 and page_html.count(w) == 1]
    if not once:
        raise SystemExit(f"{transcript}: no word to edit")
    return once[len(once) // 2]


class Edits:
    """Alternate one word of the transcript between two spellings; restore it at the end."""

    def __init__(self, transcript: Path, word: str):
        self.transcript, self.word = transcript, word
        self.original = transcript.read_text("utf-8")
        self.count = 0

    def next(self) -> str:
        self.count += 1
        new = self.word + "x" * (1 + self.count % 2)
        self.transcript.write_text(self.original.replace(self.word, new, 1), "utf-8")
        return new

    def restore(self) -> None:
        self.transcript.write_text(self.original, "utf-8")


# ---------------------------------------------------------------- the server

class Serve:
    """`tei-tools serve` in its own session; its stderr lines with their arrival times."""

    def __init__(self, edition: Path, site: Path):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tei_tools", "serve", str(edition), "-o", str(site),
             "-p", "0", "-q"], stderr=subprocess.PIPE, text=True, start_new_session=True)
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        first = self.expect("serving")[1]
        self.url = re.search(r"(http://127\.0\.0\.1:\d+)/", first).group(1)
        self.port = int(self.url.rsplit(":", 1)[1])

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.put((time.perf_counter(), line.rstrip("\n")))

    def expect(self, start: str, timeout: float = 7200) -> tuple[float, str]:
        """The next line that starts with ``start`` (earlier lines are skipped)."""
        deadline = time.monotonic() + timeout
        while True:
            at, line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            if line.startswith(start):
                return at, line
            if line.startswith("failed"):
                raise SystemExit(f"the build failed: {line}")

    def stop(self) -> None:
        """Ctrl-C, as in a terminal; the time it took to exit is kept in ``stop_seconds``."""
        started = time.perf_counter()
        os.killpg(self.proc.pid, signal.SIGINT)
        try:
            self.proc.wait(300)
        except subprocess.TimeoutExpired:
            print("  the server did not stop within 300 s of Ctrl-C; killed", flush=True)
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.stop_seconds = time.perf_counter() - started
        print(f"  stopped {self.stop_seconds:.1f} s after Ctrl-C", flush=True)


def _seconds(line: str) -> float:
    return float(re.search(r"in ([0-9.]+) s", line).group(1))


# ---------------------------------------------------------------- clients

class Browser:
    def __init__(self):
        from playwright.sync_api import sync_playwright

        executable = next((c for c in (os.environ.get("TEI_TOOLS_CHROMIUM"), "/usr/bin/chromium",
                                       shutil.which("chromium")) if c and Path(c).is_file()),
                          None)
        if executable is None:
            raise RuntimeError("Chromium not found")
        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(
            executable_path=executable, args=["--headless", "--no-sandbox", "--disable-gpu"])
        self.page = self.browser.new_page()

    def open(self, url: str) -> str:
        self.page.goto(url)
        self.page.wait_for_function("document.documentElement.dataset.teiToolsBuild === 'ok'",
                                    timeout=600_000)
        return self.page.content()

    def edit(self, edits: Edits) -> tuple[float, float]:
        """(write time, loaded time) of one edit."""
        with self.page.expect_event("load", timeout=600_000):
            written = time.perf_counter()
            new = edits.next()
        loaded = time.perf_counter()
        if new not in self.page.content():
            raise SystemExit("the reloaded page does not show the edit")
        return written, loaded

    def close(self) -> None:
        self.browser.close()
        self._pw.stop()


class StreamClient:
    """What the page's script does, without a browser: follow the stream, then fetch."""

    def __init__(self, port: int):
        self.port = port

    def open(self, url: str) -> str:
        import http.client

        self.path = url.split(str(self.port), 1)[1]
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        conn.request("GET", self.path)
        self.body = conn.getresponse().read()
        return self.body.decode("utf-8")

    def edit(self, edits: Edits) -> tuple[float, float]:
        events = open_events(self.port, self.path, self.body)
        next_event(events, lambda e, d: True)  # the current status: the stream is open
        written = time.perf_counter()
        new = edits.next()
        next_event(events, lambda e, d: e == "reload")
        page = self.open(f"http://127.0.0.1:{self.port}{self.path}")
        if new not in page:
            raise SystemExit("the page does not show the edit")
        return written, time.perf_counter()

    def close(self) -> None:
        pass


# ---------------------------------------------------------------- measurements

def measure(name: str, count: int | None, cache: Path, edits: int, browser: bool) -> Result:
    edition, site = prepare(name, count, cache)
    transcript = typical(edition)
    result = Result(name, len(list(edition.glob("transcripts/*.txt"))))
    print(f"\n{name}: {result.documents} documents; edited: {transcript.name}", flush=True)
    started = time.perf_counter()
    server = Serve(edition, site)
    at, line = server.expect("built")
    result.start, result.start_note = at - started, line.split(": ", 1)[1]
    print(f"  server up and built in {result.start:.1f} s ({result.start_note})", flush=True)
    client = None
    try:
        if browser:
            try:
                client = Browser()
            except Exception as exc:  # playwright or Chromium missing
                print(f"  no browser ({exc}); a stream client stands in", flush=True)
        if client is None:
            client, result.client = StreamClient(server.port), "stream client"
        page = client.open(server.url + page_of(transcript))
        change = Edits(transcript, pick_word(transcript, page))
        try:
            for _ in range(edits):
                written, loaded = client.edit(change)
                seen, _ = server.expect("changed")
                done, line = server.expect("built")
                edit = Edit(loaded - written, seen - written, _seconds(line), done - loaded)
                result.edits.append(edit)
                print(f"  save → reloaded page {edit.total:.2f} s (watch {edit.watch:.2f}; "
                      f"whole build {edit.build:.2f}, of which after the reload "
                      f"{edit.after:.2f})", flush=True)
                time.sleep(0.3)
        finally:
            client.close()
            server.stop()
        baseline(result, edition, site, change)
        profile(result, edition, site, change)
        change.restore()
        subprocess.run([sys.executable, "-m", "tei_tools", "build", str(edition), "-o",
                        str(site), "--no-pdf", "-q"], capture_output=True)
    finally:
        if server.proc.poll() is None:
            server.stop()
    return result


def baseline(result: Result, edition: Path, site: Path, change: Edits) -> None:
    """`tei-tools build` (a fresh process) after the same one-word edit."""
    change.next()
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tei_tools", "build", str(edition), "-o", str(site),
                    "--no-pdf", "-q"], check=True, capture_output=True)
    result.cli_build = time.perf_counter() - started
    print(f"  baseline: tei-tools build after one edit {result.cli_build:.2f} s", flush=True)


def profile(result: Result, edition: Path, site: Path, change: Edits) -> None:
    """One rebuild after an edit in this process: seconds per stage, costliest functions."""
    import tei_tools

    marks: list[tuple[str, float]] = []
    ticks: dict[str, float] = {}  # stage → time of its last progress tick

    def on_stage(label: str, total: int):
        marks.append((label, time.perf_counter()))
        return lambda done: ticks.__setitem__(label, time.perf_counter())

    change.next()
    tei_tools.build_edition(edition, site, pdf=False, book=False)  # warm: XSLT compiled
    change.next()
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    tei_tools.build_edition(edition, site, pdf=False, book=False, on_stage=on_stage)
    profiler.disable()
    ended = time.perf_counter()
    result.stages["before the first stage (sources, state)"] = \
        (marks[0][1] if marks else ended) - started
    for (label, at), (_, following) in zip(marks, [*marks[1:], ("", ended)], strict=True):
        result.stages[label] = following - at
        if label in ticks and following - ticks[label] > 0.05:  # work after its last item
            result.stages[f"{label}: its items"] = ticks[label] - at
            result.stages[f"{label}: after its last item"] = following - ticks[label]
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, line, func), (_, _, _, cumulative, _) in stats.stats.items():
        if "tei_tools" in filename and func not in ("build_edition", "<lambda>"):
            where = filename.split("tei_tools", 1)[1].lstrip("/")
            rows.append((cumulative, f"{where}:{line} {func}"))
    result.hot = sorted(rows, reverse=True)[:12]


def report(results: list[Result]) -> None:
    print("\n## save → reloaded page (tei-tools serve)\n")
    print("| edition | documents | client | server start | save → reload, median (min–max) "
          "| watch | whole build | build after reload | `tei-tools build` after one edit "
          "| ratio |")
    print("| --- | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        if not r.edits:
            continue
        totals = [e.total for e in r.edits]
        med = statistics.median
        print(f"| {r.name} | {r.documents:,} | {r.client} | {r.start:.1f} s ({r.start_note}) | "
              f"{med(totals):.2f} s ({min(totals):.2f}–{max(totals):.2f}) | "
              f"{med(e.watch for e in r.edits):.2f} s | {med(e.build for e in r.edits):.2f} s | "
              f"{med(e.after for e in r.edits):.2f} s | {r.cli_build:.2f} s | "
              f"{med(totals) / r.cli_build:.2f} |")
    print("\nratio: save → reloaded page / `tei-tools build` after the same edit (run in the "
          "same session; lower is better)")
    for r in results:
        if r.documents >= 16000 and r.edits:
            median = statistics.median(e.total for e in r.edits)
            verdict = "met" if median <= TARGET else "not met"
            print(f"target ≤ {TARGET:.0f} s at 16,000 documents: {median:.2f} s — {verdict} "
                  f"({median / TARGET:.1f}× the target)")
    for r in results:
        print(f"\n### where one rebuild's time goes: {r.name} (in process, warm)\n")
        for label, seconds in r.stages.items():
            print(f"- {label}: {seconds:.2f} s")
        print("\ncostliest tei_tools functions (cumulative seconds, nested calls overlap):")
        for seconds, where in r.hot:
            print(f"  {seconds:7.2f}  {where}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, action="append", default=[],
                        help="also a generated edition of N documents (repeatable)")
    parser.add_argument("--no-sampler", action="store_true", help="skip the sampler edition")
    parser.add_argument("--edits", type=int, default=5, help="edits per edition (default 5)")
    parser.add_argument("--no-browser", action="store_true",
                        help="measure with a stream client instead of Chromium")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/tei-tools-serve-bench"))
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    socket.setdefaulttimeout(600)
    plan = [] if args.no_sampler else [("sampler", None)]
    plan += [(f"generated-{n}", n) for n in args.n]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start",
          flush=True)
    results = [measure(name, count, args.cache, args.edits, not args.no_browser)
               for name, count in plan]
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
