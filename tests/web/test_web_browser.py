"""The web edition in a real browser: Debian's Chromium driven by playwright.

Needs: pip install playwright (never `playwright install`: no browser downloads),
apt-get install chromium (or TEI_TOOLS_CHROMIUM=/path/to/chromium), and for the accessibility
check axe-core: pip install axe-playwright-python, or npm install axe-core under tests/.node/.
Each test skips with the reason when a piece is missing.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEED = "documents/puzanov-1957-05-23"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
AXE_JS = Path(__file__).resolve().parent.parent / ".node" / "node_modules" / "axe-core" / \
    "axe.min.js"


def _chromium() -> str | None:
    for candidate in (os.environ.get("TEI_TOOLS_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def server(site):
    """The built site over HTTP (pagefind's search uses fetch, which file:// does not allow)."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed (pip install playwright)")
    executable = _chromium()
    if executable is None:
        pytest.skip("Chromium not found: apt-get install chromium, or set TEI_TOOLS_CHROMIUM")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)
    yield pg
    context.close()


def test_document_page_loads_without_errors(page, server):
    page.goto(f"{server}/{SEED}.html")
    assert page.locator("h1").inner_text().startswith("Journal of Soviet Ambassador")
    assert page.locator(".doc-text").is_visible()
    assert page.errors == []


def test_switch_between_views(page, server):
    page.goto(f"{server}/{SEED}.html")
    assert "[them]" not in page.locator(".doc-text").inner_text()
    page.get_by_role("link", name="Diplomatic view").click()
    page.wait_for_url("**/puzanov-1957-05-23.diplomatic.html")
    assert "[them]" in page.locator(".doc-text").inner_text()
    page.get_by_role("link", name="Reading view").click()
    page.wait_for_url("**/puzanov-1957-05-23.html")
    assert page.locator(".view-switch a[aria-current=page]").inner_text() == "Reading view"


def test_popover_opens_and_closes_with_the_keyboard(page, server):
    page.goto(f"{server}/{SEED}.html")
    trigger = page.locator(".doc-text a.iv-supplied").first
    # Tab through the page until the first intervention has the focus: a keyboard user's path
    for _ in range(80):
        page.keyboard.press("Tab")
        if trigger.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the intervention link is not reachable with Tab")
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    assert dialog.is_visible()
    assert "supplied by the translator" in dialog.inner_text()
    assert trigger.get_attribute("aria-expanded") == "true"
    assert dialog.evaluate("el => el.contains(document.activeElement)")
    page.keyboard.press("Escape")
    assert page.get_by_role("dialog").count() == 0
    assert trigger.evaluate("el => el === document.activeElement")
    assert trigger.get_attribute("aria-expanded") == "false"
    assert page.url.endswith(".html")  # the popover replaced the jump to the apparatus


def test_footnote_popover(page, server):
    page.goto(f"{server}/documents/fx-telegram-1951.html")
    page.locator("a[role=doc-noteref]").first.click()
    assert "Your reply" in page.get_by_role("dialog").inner_text()


def test_without_javascript_links_jump_to_the_apparatus(browser, server):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(f"{server}/{SEED}.html")
    pg.locator(".doc-text a.iv-supplied").first.click()
    assert "#iv-" in pg.url
    target = pg.url.split("#", 1)[1]
    assert "supplied by the translator" in pg.locator(f"[id='{target}']").inner_text()
    pg.goto(f"{server}/index.html")
    assert pg.locator("table.doc-index tbody tr").count() >= 6
    assert not pg.locator("form.filters").is_visible()  # filters need the script
    context.close()


def test_index_filters_and_sorting(page, server):
    page.goto(f"{server}/index.html")
    rows = page.locator("table.doc-index tbody tr:visible")
    total = rows.count()
    page.select_option("form.filters select[name=type]", "Telegram")
    assert rows.count() == 1
    assert "Roshchin" in rows.first.inner_text()
    page.select_option("form.filters select[name=type]", "")
    assert rows.count() == total
    page.select_option("form.filters select[name=year]", "1959")
    assert rows.count() == 1
    page.select_option("form.filters select[name=year]", "")
    page.get_by_role("button", name="Title").click()
    titles = [t.lower() for t in page.locator("table.doc-index tbody td.title").all_inner_texts()]
    assert titles == sorted(titles)
    assert page.locator("th[data-sort=title]").get_attribute("aria-sort") == "ascending"


def test_full_text_search(page, server, site):
    if not (site / "pagefind" / "pagefind-ui.js").is_file():
        pytest.skip("no search index (pagefind[bin] is not installed)")
    page.goto(f"{server}/search.html")
    box = page.locator("#search input[type=text], #search input").first
    box.fill("Zhou Enlai")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=15000)
    assert "Roshchin" in result.inner_text()
    # filters by type and year come from data-pagefind-filter
    page.wait_for_selector(".pagefind-ui__filter-panel", timeout=5000)
    labels = page.locator(".pagefind-ui__filter-name").all_inner_texts()
    assert {"type", "year"} <= {label.strip().lower() for label in labels}
    assert page.errors == []


def _axe(page) -> list[dict]:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        Axe = None
    if Axe is not None:
        return Axe().run(page).response["violations"]
    if not AXE_JS.is_file():
        pytest.skip("axe-core not found: pip install axe-playwright-python, or "
                    "npm install axe-core --prefix tests/.node")
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("async () => (await axe.run(document)).violations")


@pytest.mark.parametrize("path", [f"{SEED}.html", f"{SEED}.diplomatic.html",
                                  "documents/fx-letter-1959.html", "index.html",
                                  "chronology.html", "conventions.html", "about.html",
                                  "search.html", "registers/index.html",
                                  "registers/persons-p.html",
                                  "registers/persons/p.puzanov.html"])
def test_no_serious_accessibility_violations(page, server, path):
    page.goto(f"{server}/{path}")
    page.wait_for_load_state("networkidle")
    violations = [v for v in _axe(page) if v["impact"] in ("serious", "critical")]
    assert violations == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5])
                              for v in violations]


def test_popover_is_accessible(page, server):
    page.goto(f"{server}/{SEED}.html")
    page.locator(".doc-text a.iv-supplied").first.click()
    violations = [v for v in _axe(page) if v["impact"] in ("serious", "critical")]
    assert violations == [], [(v["id"], v["help"]) for v in violations]


def test_phone_layout_has_no_horizontal_scroll(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    pg = context.new_page()
    for path in (f"{SEED}.html", f"{SEED}.diplomatic.html", "index.html", "chronology.html",
                 "conventions.html", "about.html", "search.html",
                 "documents/fx-letter-1959.html", "documents/fx-minutes-1963.diplomatic.html"):
        pg.goto(f"{server}/{path}")
        overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, (path, overflow)
    context.close()


def test_popover_closes_when_the_focus_moves_on(page, server):
    page.goto(f"{server}/{SEED}.html")
    page.locator(".doc-text a.iv-supplied").first.focus()
    page.keyboard.press("Enter")
    assert page.get_by_role("dialog").count() == 1
    page.keyboard.press("Tab")  # to the close button
    assert page.evaluate("document.activeElement.className") == "close"
    page.keyboard.press("Tab")  # out of the popover, on to the next link after the trigger
    assert page.get_by_role("dialog").count() == 0
    assert page.evaluate("document.activeElement.textContent") == "don't know"


def test_view_switch_keeps_the_place(page, server):
    page.goto(f"{server}/documents/fx-telegram-1951.html")
    page.set_viewport_size({"width": 1280, "height": 400})
    page.locator("#p2").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 250)")
    info = page.evaluate("[window.scrollY, document.querySelector('.doc-text')"
                         ".getBoundingClientRect().top]")
    page.get_by_role("link", name="Diplomatic view").click()
    page.wait_for_load_state()
    assert "#" in page.url, (page.url, info)
    target = page.url.split("#", 1)[1]
    assert page.locator(f"[id='{target}']").count() == 1


@pytest.fixture(scope="module")
def split_server(tmp_path_factory, edition):
    """The same site with its search index in parts of two documents (merged by the page)."""
    import dataclasses

    from site_data import EPOCH, fixture_files

    from tei_tools.writers.site import build_site
    from tei_tools.writers.web.search import pagefind_available

    if not pagefind_available():
        pytest.skip("no search index (pagefind[bin] is not installed)")
    out = tmp_path_factory.mktemp("split-site")
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
    try:
        report = build_site(fixture_files(), out, jobs=2,
                            edition=dataclasses.replace(edition, html={"search_part_size": 2}))
    finally:
        mp.undo()
    assert report.ok, [d.format() for d in report.diagnostics]
    assert len(list((out / "pagefind" / "parts").iterdir())) >= 2
    handler = functools.partial(_Quiet, directory=str(out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _search(page, base: str, query: str) -> list[str]:
    """The result pages' paths (documents/….html), sorted."""
    page.goto(f"{base}/search.html")
    page.locator("#search input").first.fill(query)
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    page.wait_for_timeout(500)  # let every merged index answer
    links = page.locator(".pagefind-ui__result-link")
    return sorted("documents/" + links.nth(i).get_attribute("href").rsplit("/", 1)[-1]
                  for i in range(links.count()))


def test_search_index_in_parts_finds_what_one_index_finds(page, server, split_server, site):
    from tei_tools.writers.web.search import plan_parts

    if not (site / "pagefind" / "pagefind-ui.js").is_file():
        pytest.skip("no search index (pagefind[bin] is not installed)")
    whole = _search(page, server, "ambassador")
    # the hits lie in more than one part, so this fails unless the page merges the parts
    documents = sorted(f"documents/{p.name}" for p in (site / "documents").glob("*.html")
                       if not p.name.endswith(".diplomatic.html"))
    parts = plan_parts(documents, 2).parts
    assert len({i for i, part in enumerate(parts) for hit in whole if hit in part}) >= 2
    assert _search(page, split_server, "ambassador") == whole
    page.wait_for_selector(".pagefind-ui__filter-panel", timeout=5000)
    labels = page.locator(".pagefind-ui__filter-name").all_inner_texts()
    assert {"type", "year"} <= {label.strip().lower() for label in labels}
    assert page.errors == []
