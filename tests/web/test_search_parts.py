"""The search index in parts of bounded size: which page goes where, what is redone, and
what the search page is told (the merge in a browser is tested in test_web_browser.py)."""

from __future__ import annotations

import dataclasses
import json

import pytest
from lxml import html
from site_data import EPOCH, REPO, fixture_files

from tei_tools.diagnostics import TeiToolsError
from tei_tools.edition import load_edition
from tei_tools.writers.site import build_site, search_part_size
from tei_tools.writers.web.search import (
    PART_SIZE,
    STATE_NAME,
    build_search_index,
    pagefind_available,
    plan_parts,
)

PAGES = [f"documents/d{i:03d}.html" for i in range(50)]


def test_plan_splits_into_bounded_parts_by_a_stable_hash():
    plan = plan_parts(PAGES, 10)
    assert len(plan.parts) == 5
    assert sorted(p for part in plan.parts for p in part) == PAGES
    assert plan.bundles == ["pagefind/", "pagefind/parts/2/", "pagefind/parts/3/",
                            "pagefind/parts/4/", "pagefind/parts/5/"]
    # a page keeps its part when others come and go (while the number of parts holds)
    fewer = plan_parts(PAGES[:-3] + ["documents/new.html"], 10)
    where = {p: i for i, part in enumerate(plan.parts) for p in part}
    assert all(where[p] == i for i, part in enumerate(fewer.parts) for p in part if p in where)
    assert plan_parts(PAGES, 10) == plan  # deterministic
    assert len(plan_parts(PAGES, PART_SIZE).parts) == 1
    assert plan_parts([], 10).bundles == ["pagefind/"]


def test_part_size_comes_from_the_edition(tmp_path):
    edition = load_edition(REPO / "editions" / "sampler")
    assert search_part_size(edition) == PART_SIZE
    assert search_part_size(dataclasses.replace(edition, html={"search_part_size": 7})) == 7
    # a bad value is refused when the edition is loaded, before any work is done
    (tmp_path / "edition.toml").write_text('[edition]\ntitle = "T"\n[html]\n'
                                           'search_part_size = "many"\n', "utf-8")
    with pytest.raises(TeiToolsError) as caught:
        load_edition(tmp_path)
    assert caught.value.diagnostic.code == "ED007"
    assert caught.value.diagnostic.path.endswith("edition.toml")


@pytest.mark.skipif(not pagefind_available(), reason="pagefind[bin] is not installed")
def test_only_the_part_of_a_changed_page_is_indexed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    edition = dataclasses.replace(load_edition(REPO / "editions" / "puzanov-1957"),
                                  html={"search_part_size": 2})
    report = build_site(fixture_files(), tmp_path, edition=edition, jobs=1)
    assert report.ok and report.search
    pages = [f"documents/{d}.html" for d in report.documents]
    plan = plan_parts(pages, 2)
    bundles = [tmp_path / b for b in plan.bundles]
    assert all((b / "pagefind-entry.json").is_file() for b in bundles)
    search = html.fromstring((tmp_path / "search.html").read_bytes())
    assert search.get_element_by_id("search").get("data-merge-bundles") == \
        " ".join(plan.bundles[1:])
    stamps = {b: (b / "pagefind-entry.json").stat().st_mtime_ns for b in bundles}

    # one page changes: its part alone is indexed again
    changed = plan.parts[-1][0]
    target = tmp_path / changed
    target.write_text(target.read_text("utf-8").replace("</h1>", " (revised)</h1>", 1), "utf-8")
    assert build_search_index(tmp_path, "en", pages, part_size=2) is None
    again = {b: (b / "pagefind-entry.json").stat().st_mtime_ns for b in bundles}
    redone = [b for b in bundles if again[b] != stamps[b]]
    assert redone == [bundles[-1]]

    # fewer parts: the surplus folders go; a damaged state file redoes every part
    (tmp_path / STATE_NAME).write_text("{not json", "utf-8")
    assert build_search_index(tmp_path, "en", pages, part_size=len(pages)) is None
    assert not (tmp_path / "pagefind" / "parts").exists()
    assert (tmp_path / "pagefind" / "pagefind-ui.js").is_file()
    assert len(json.loads((tmp_path / STATE_NAME).read_text("utf-8"))["parts"]) == 1
