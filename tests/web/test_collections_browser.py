"""The collection pages in parts in a real browser (Chromium, playwright): accessibility, and
sorting and filtering over the whole edition from index/data.js. The edition is 1,200 invented
summaries (the collection pages only: test_collections.summaries)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest
from test_collections import build, summaries
from test_web_browser import _axe, _Quiet, browser, page  # noqa: F401 (fixtures)

from tei_tools.resources import xslt_path

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DOCS = summaries(1200)


@pytest.fixture(scope="module")
def parts_server(tmp_path_factory):
    out = tmp_path_factory.mktemp("parts-site")
    build(out, DOCS)
    shutil.copytree(xslt_path("html/assets"), out / "assets")  # the script and the CSS
    handler = functools.partial(_Quiet, directory=str(out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("path", ["index.html", "index/1962.html", "chronology.html",
                                  "chronology/1962.html"])
def test_parts_have_no_serious_accessibility_violations(page, parts_server, path):  # noqa: F811
    page.goto(f"{parts_server}/{path}")
    page.wait_for_selector("form.filters:not([hidden])" if "index" in path else "main")
    violations = [v for v in _axe(page) if v["impact"] in ("serious", "critical")]
    assert violations == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5])
                              for v in violations]
    assert page.errors == []


def test_filter_on_a_part_covers_the_whole_edition(page, parts_server):  # noqa: F811
    page.goto(f"{parts_server}/index/1962.html")
    rows = page.locator("table.doc-index tbody tr")
    own = rows.count()
    telegrams = [s for s in DOCS if s.doctype == "Telegram"]
    page.select_option("form.filters select[name=type]", "Telegram")
    assert page.locator(".filter-count").inner_text() == f"{len(telegrams)} of 1200 documents"
    assert rows.count() == 250  # the first page of the results
    assert page.locator("nav.parts").is_hidden()  # the static pages are not the results
    pager = page.locator("nav.results-pager")
    assert pager.is_visible()
    pager.get_by_role("button", name="Next →").click()
    assert rows.count() == min(250, len(telegrams) - 250)
    first = rows.first.locator("td.title a")
    assert first.inner_text() == telegrams[250].title
    assert first.get_attribute("href") == f"../documents/{telegrams[250].docid}.html"
    page.select_option("form.filters select[name=type]", "")
    assert rows.count() == own and page.locator("nav.parts").is_visible()
    page.fill("form.filters input[name=q]", "record 1199 ")
    assert page.locator(".filter-count").inner_text() == "1 of 1200 documents"
    assert page.errors == []


def test_sort_by_title_across_the_edition(page, parts_server):  # noqa: F811
    page.goto(f"{parts_server}/index.html")
    page.get_by_role("button", name="Title").click()
    titles = page.locator("table.doc-index tbody td.title").all_inner_texts()
    assert titles == sorted((s.title for s in DOCS), key=str.lower)[:250]
    page.get_by_role("button", name="Title").click()  # descending
    assert page.locator("th[data-sort=title]").get_attribute("aria-sort") == "descending"
    assert page.locator("table.doc-index tbody td.title").first.inner_text() == \
        max((s.title for s in DOCS), key=str.lower)


def test_without_javascript_a_part_is_a_complete_page(browser, parts_server):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(f"{parts_server}/index/1962.html")
    assert pg.locator("table.doc-index tbody tr").count() == \
        sum(1 for s in DOCS if s.year == "1962")
    pg.locator("nav.parts-prev-next a[rel=next]").click()
    pg.wait_for_url("**/index/1963.html")
    pg.goto(f"{parts_server}/chronology.html#y-1962")
    pg.locator("li#y-1962 a").first.click()
    pg.wait_for_url("**/chronology/1962.html#y-1962")
    assert not pg.locator("form.filters").is_visible()
    context.close()
