"""The collection pages of a large web edition in Chromium: page sizes and load times.

    python bench/collection_pages.py                 # 16,000 generated documents
    python bench/collection_pages.py -n 1000 -n 16000 --runs 5

For each size: ``generate_corpus.py`` writes the edition, ``tei-tools build --no-html`` makes
its TEI, and :func:`tei_tools.writers.site.build_site` the whole site (every document's pages
and the collection pages; no search index, which the collection pages do not use). With
``--documents K`` only the K largest documents get their pages (a page's size follows its
TEI's), which spares most of the build on a busy machine. All of it
is kept in ``--cache`` (default /tmp/tei-tools-collections-bench); a later run rewrites only the
collection pages (``changed=[]``), so it measures the current code's collection pages on the
same documents.

Then it prints the size of the largest HTML page of each kind (index parts, chronology parts,
document pages, the other pages) and of index/data.js, and, in Chromium (playwright with
Debian's chromium, as tests/web does; never a browser download), from a local HTTP server on
127.0.0.1, a fresh browser context per load: the index's first page (``load`` event, and until
the filters are ready: index/data.js loaded and wired), an index part, the chronology's first
page and a chronology part (index/data.js is loaded after the ``load`` event: the page does not
wait for the filters); then, on the index's first page, sorting the whole edition by title
and filtering it by type (the click or change until the table has been laid out again).
Targets (issue 17 item 1): no HTML page above 300 KB, the index's first page loaded in < 1 s.
The HTML301 link report of the build is printed too (it must stay empty).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_corpus import generate  # noqa: E402

from tei_tools.edition import load_edition  # noqa: E402
from tei_tools.outputs import OutputFolder  # noqa: E402
from tei_tools.writers.site import build_site  # noqa: E402
from tei_tools.writers.web.collections import write_collections  # noqa: E402
from tei_tools.writers.web.stylesheets import stylesheet  # noqa: E402
from tei_tools.writers.web.summary import DocSummary  # noqa: E402
from tei_tools.writers.web.summary_cache import SummaryCache  # noqa: E402

MAX_PAGE = 300 * 1024     # bytes: no HTML page larger
MAX_LOAD = 1.0            # seconds: the index's first page, loaded
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def site_for(n: int, cache: Path, jobs: int, documents: int) -> tuple[Path, float, int]:
    """The site of an n-document generated edition: (folder, seconds of build_site, HTML301s).
    ``documents``: render the pages of only that many documents, the largest TEI files (the
    collection pages still list every document); 0: all."""
    edition_dir, out = cache / f"ed-{n}", cache / f"out-{n}"
    generate(edition_dir, n)
    tei = out / "tei"
    if len(list(tei.glob("*.xml"))) < n:
        # its warnings are the reader's business, not this bench's; an invalid document
        # (exit status 1) still leaves its TEI
        subprocess.run([str(Path(sys.executable).with_name("tei-tools")), "build",
                        str(edition_dir), "-o", str(out), "--no-html", "--no-pdf", "--no-book",
                        "-q", "-j", str(jobs)], check=False, capture_output=True)
    site = cache / f"site-{n}"
    files = sorted(tei.glob("*.xml"))
    changed = None
    if (site / "documents").is_dir():
        changed = []  # built before: the collection pages only
    elif documents:
        changed = sorted(files, key=lambda p: -p.stat().st_size)[:documents]
    start = time.perf_counter()
    report = build_site(files, site, edition=load_edition(edition_dir), jobs=jobs,
                        search=False, changed=changed)
    seconds = time.perf_counter() - start
    return site, seconds, sum(1 for d in report.diagnostics if d.code == "HTML301")


def collection_times(site: Path, tei: Path, scratch: Path) -> list[tuple[str, float, int]]:
    """Seconds of write_collections alone, on the site's document summaries, into a folder of
    its own: (what, seconds, pages rendered) for a first build, a build with nothing changed
    and one after a changed title (what item 2's incremental build would pay here)."""
    cache = SummaryCache.load(site)
    docs = sorted((d for f in sorted(tei.glob("*.xml")) if (found := cache.get(str(f)))
                   for d in found.documents), key=DocSummary.sort_key)
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    sheet = stylesheet("pages.xsl", None)
    params = {"edition-title": "Bench", "build-date": "2026-12-07"}
    found = []
    middle = len(docs) // 2
    retitled = docs[:middle] + [replace(docs[middle], title="A changed title")] + \
        docs[middle + 1:]
    for what, these in (("first build (every part rendered)", docs),
                        ("nothing changed", docs), ("one title changed", retitled)):
        folder = OutputFolder(scratch)
        rendered = []

        def write(rel: str, data: bytes, folder=folder, rendered=rendered) -> str:
            rendered.append(rel)
            return folder.write(rel, data)

        start = time.perf_counter()
        write_collections(folder, these, sheet, params, write)
        folder.save()
        found.append((what, time.perf_counter() - start, len(rendered) - 1))  # - data.js
    return found


def sizes(site: Path) -> dict[str, tuple[int, str]]:
    """The largest file of each kind: kind → (bytes, site-relative path)."""
    kinds: dict[str, tuple[int, str]] = {}
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        kind = rel.split("/", 1)[0] if "/" in rel else "top"
        if rel in ("index.html", "chronology.html"):
            kind = rel
        size = path.stat().st_size
        if size > kinds.get(kind, (-1, ""))[0]:
            kinds[kind] = (size, rel)
    data = site / "index" / "data.js"
    if data.is_file():
        kinds["index/data.js (not HTML)"] = (data.stat().st_size, "index/data.js")
    return kinds


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def chromium() -> str | None:
    for candidate in (os.environ.get("TEI_TOOLS_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _middle(site: Path, folder: str) -> str | None:
    pages = sorted((site / folder).glob("*.html"))
    return f"{folder}/{pages[len(pages) // 2].name}" if pages else None


# time from the click (or change) until the table is laid out again
_SORT = """() => { const t = performance.now();
  document.querySelector('th[data-sort=title] button').click();
  document.querySelector('table.doc-index').offsetHeight; return performance.now() - t; }"""
_FILTER = """() => { const s = document.querySelector('form.filters select[name=type]');
  const t = performance.now(); s.value = s.options[1].value;
  s.dispatchEvent(new Event('change', {bubbles: true}));
  document.querySelector('table.doc-index').offsetHeight; return performance.now() - t; }"""
_NAV = """() => { const e = performance.getEntriesByType('navigation')[0];
  return [e.domContentLoadedEventEnd / 1000, e.loadEventEnd / 1000]; }"""


def browse(site: Path, runs: int) -> list[tuple[str, str, list[float]]]:
    """(page, what, seconds per run) for each measurement."""
    from playwright.sync_api import sync_playwright

    pages = ["index.html", _middle(site, "index"), "chronology.html",
             _middle(site, "chronology")]
    found: dict[tuple[str, str], list[float]] = {}
    httpd, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=ARGS)
            for _ in range(runs):
                for rel in filter(None, pages):
                    context = browser.new_context()  # a cold cache for every load
                    page = context.new_page()
                    start = time.perf_counter()
                    page.goto(f"{base}/{rel}", wait_until="load")
                    loaded = time.perf_counter() - start
                    dcl, load = page.evaluate(_NAV)
                    found.setdefault((rel, "DOMContentLoaded (navigation timing)"), []).append(dcl)
                    found.setdefault((rel, "load event (navigation timing)"), []).append(load)
                    found.setdefault((rel, "goto → load (wall)"), []).append(loaded)
                    if rel == "index.html":
                        page.wait_for_selector("form.filters:not([hidden])")
                        found.setdefault((rel, "goto → filters ready (wall)"), []).append(
                            time.perf_counter() - start)
                        found.setdefault((rel, "sort all by title"), []).append(
                            page.evaluate(_SORT) / 1000)
                        found.setdefault((rel, "filter all by type"), []).append(
                            page.evaluate(_FILTER) / 1000)
                    context.close()
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return [(rel, what, times) for (rel, what), times in found.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, action="append", help="documents (default 16000)")
    parser.add_argument("--runs", type=int, default=3, help="loads of each page (median)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/tei-tools-collections-bench"))
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--documents", type=int, default=0, metavar="K",
                        help="render the pages of only the K largest documents (0: all)")
    args = parser.parse_args(argv)
    ok = True
    for n in args.n or [16000]:
        site, seconds, broken = site_for(n, args.cache, args.jobs, args.documents)
        print(f"\n## {n} documents: {site} (build_site {seconds:.1f} s; HTML301: {broken})\n")
        ok &= broken == 0
        print("| largest page of | bytes | KB | page | target ≤ 300 KB |\n|---|---:|---:|---|---|")
        for kind, (size, rel) in sorted(sizes(site).items()):
            html = rel.endswith(".html")
            verdict = ("met" if size <= MAX_PAGE else "**not met**") if html else "(not HTML)"
            ok &= size <= MAX_PAGE or not html
            print(f"| {kind} | {size} | {size / 1024:.0f} | {rel} | {verdict} |")
        print("\n| write_collections alone | s | pages rendered |\n|---|---:|---:|")
        for what, seconds, rendered in collection_times(site, args.cache / f"out-{n}" / "tei",
                                                         args.cache / f"collections-{n}"):
            print(f"| {what} | {seconds:.2f} | {rendered} |")
        if args.no_browser:
            continue
        if chromium() is None:
            print("\n(no Chromium: apt-get install chromium, or set TEI_TOOLS_CHROMIUM)")
            continue
        print(f"\n| page | measure | median s | max s ({args.runs} runs) | target |"
              "\n|---|---|---:|---:|---|")
        for rel, what, times in browse(site, args.runs):
            target = ""
            if rel == "index.html" and what.startswith("goto → load"):
                target = "< 1 s: " + ("met" if max(times) < MAX_LOAD else "**not met**")
                ok &= max(times) < MAX_LOAD
            print(f"| {rel} | {what} | {statistics.median(times):.3f} | {max(times):.3f} |"
                  f" {target} |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
