"""The collection pages in parts (tei_tools/writers/web/collections.py): the index and the
chronology of an edition larger than one page, written from document summaries alone."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import html

from tei_tools.diagnostics import TeiToolsError
from tei_tools.outputs import OutputFolder
from tei_tools.writers.web.collections import (
    DATA,
    PAGE_SIZE,
    STATE_NAME,
    Facets,
    plan,
    write_collections,
)
from tei_tools.writers.web.links import _Pages, problem
from tei_tools.writers.web.stylesheets import stylesheet
from tei_tools.writers.web.summary import DocSummary


def summaries(n: int, seed: int = 1, years: tuple[int, int] = (1949, 1975)) -> list[DocSummary]:
    rng = random.Random(seed)
    found = []
    for i in range(n):
        year = rng.randint(*years)
        date = "" if i % 97 == 0 else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        found.append(DocSummary(
            docid=f"s{i:05d}", source=f"s{i:05d}.xml", title=f"Record {i} of a conversation",
            date=date, doctype=rng.choice(["Telegram", "Letter", "Report"]),
            repository=rng.choice(["AVPRF", "RGANI"]), shelfmark=f"Delo {i}",
            summary="What was said. " * 10))
    return sorted(found, key=DocSummary.sort_key)


def build(out: Path, docs: list[DocSummary], date: str = "2026-12-07"
          ) -> tuple[dict[str, str], list[str]]:
    """(status of each page written, paths removed); pages not rendered are left out."""
    folder = OutputFolder(out)
    written: dict[str, str] = {}

    def write(rel: str, data: bytes) -> str:
        written[rel] = folder.write(rel, data)
        return written[rel]

    others = write_collections(folder, docs, stylesheet("pages.xsl", None),
                               {"edition-title": "Parts", "build-date": date}, write)
    folder.save()
    assert set(others.values()) <= {"unchanged", "removed"}
    return written, [rel for rel, status in others.items() if status == "removed"]


def parts_of(out: Path, first: str) -> list[Path]:
    """The pages of a list, in order, by following the rel=next links (as a reader would)."""
    pages, page = [], out / first
    while True:
        pages.append(page)
        tree = html.fromstring(page.read_bytes())
        nxt = tree.xpath("//nav[contains(@class,'parts-prev-next')]/a[@rel='next']/@href")
        if not nxt:
            return pages
        page = (page.parent / nxt[0]).resolve()


def test_a_small_edition_keeps_one_page_per_list():
    docs = summaries(PAGE_SIZE)
    assert [(p.key, p.href, len(p.docs)) for p in plan(docs, "index", "index.html")] == \
        [("all", "index.html", PAGE_SIZE)]
    assert plan(docs, "chronology", None)[0].href == "chronology.html"


def test_parts_are_decades_or_years_and_pages_of_at_most_page_size():
    docs = summaries(3000)
    parts = plan(docs, "index", "index.html")
    assert parts[0].href == "index.html"
    assert all(len(p.docs) <= PAGE_SIZE for p in parts)
    assert [s for p in parts for s in p.docs] == docs  # complete, in edition order
    keys = [p.key for p in parts]
    assert "1940s" in keys  # 1949 alone: a decade that fits on one page
    assert "1953" in keys and "1950s" not in keys  # a full decade: by year
    assert keys[-1] == "undated"
    big = summaries(3000, years=(1953, 1953))
    assert [p.key for p in plan(big, "chronology", None)][:3] == ["1953", "1953-2", "1953-3"]


def test_a_new_document_changes_only_its_own_year():
    docs = summaries(3000)
    before = {p.key: p.docs for p in plan(docs, "index", "index.html")}
    new = replace(docs[0], docid="new", date="1962-05-01", source="new.xml")
    after = {p.key: p.docs for p in plan(sorted(docs + [new], key=DocSummary.sort_key),
                                         "index", "index.html")}
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    assert changed and all(k.startswith("1962") for k in changed), changed


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> tuple[Path, list[DocSummary], dict[str, str]]:
    out = tmp_path_factory.mktemp("parts")
    docs = summaries(1200)
    written, removed = build(out, docs)
    assert removed == []
    return out, docs, written


def test_no_javascript_reader_gets_every_document_on_linked_pages(large):
    out, docs, _ = large
    for first in ("index.html", "chronology/1940s.html"):
        hrefs = []
        pages = parts_of(out, first)
        assert len(pages) > 5
        for page in pages:
            tree = html.fromstring(page.read_bytes())
            # the list of pages on each page: all of them, this one marked
            assert len(tree.xpath("//nav[@class='parts']//a")) == len(pages)
            assert len(tree.xpath("//nav[@class='parts']//a[@aria-current='page']")) == 1
            hrefs += tree.xpath("//table[contains(@class,'doc-index')]//td[@class='title']/a/@href"
                                " | //ol[@class='timeline']//span[@class='what']/a/@href")
        names = [h.rsplit("/", 1)[1] for h in hrefs]
        assert names == [f"{s.docid}.html" for s in docs]


def test_every_link_between_the_collection_pages_works(large):
    out, _, written = large
    pages = _Pages(out)
    pages_html = [rel for rel in written if rel.endswith(".html")]
    assert len(pages_html) > 10
    for rel in pages_html:
        tree = html.fromstring((out / rel).read_bytes())
        for href in tree.xpath("//main//a/@href"):
            if "documents/" in href:
                continue  # no document pages in this folder
            assert problem(href, rel, pages) is None, (rel, href)


def test_chronology_overview_keeps_the_year_anchors(large):
    out, docs, _ = large
    tree = html.fromstring((out / "chronology.html").read_bytes())
    years = {s.year for s in docs if s.year}
    assert {f"y-{y}" for y in years} | {"y-Undated"} <= set(tree.xpath("//@id"))
    link = tree.xpath("//li[@id='y-1962']/a/@href")[0]
    target, anchor = link.split("#")
    assert anchor in html.fromstring((out / target).read_bytes()).xpath("//@id")


def test_index_data_holds_every_row_in_edition_order(large):
    out, docs, _ = large
    text = (out / DATA).read_text("utf-8")
    prefix = "window.teiToolsIndex = "
    assert text.startswith(prefix) and text.endswith(";\n")
    data = json.loads(text[len(prefix):-2])
    facets = Facets.of(docs)
    assert [r[0] for r in data["rows"]] == [s.docid for s in docs]
    assert data["types"] == list(facets.types)
    row = data["rows"][5]
    assert data["types"][row[3]] == docs[5].doctype and row[1] == docs[5].date


def test_part_pages_name_nothing_of_the_other_parts_rows(large):
    out, _, _ = large
    text = html.fromstring((out / "index/1962.html").read_bytes()).text_content()
    assert "1200" not in text  # the edition's total is on index.html only


def test_a_changed_title_renders_only_its_own_parts_again(tmp_path):
    docs = summaries(3000)
    build(tmp_path, docs)
    at = next(i for i, s in enumerate(docs) if s.year == "1962")
    changed = docs[:at] + [replace(docs[at], title="A new title")] + docs[at + 1:]
    written, _ = build(tmp_path, changed, date="2026-12-08")  # another build date too
    assert set(written) == {DATA, "chronology/1962.html", "index/1962.html"}
    assert all(status == "replace" for status in written.values())
    # a new document: its own parts, and the pages that count the documents
    new = replace(docs[at], docid="new", source="new.xml", date="1962-01-01")
    written, _ = build(tmp_path, sorted(changed + [new], key=DocSummary.sort_key))
    assert set(written) == {DATA, "chronology/1962.html", "index/1962.html", "index.html",
                            "chronology.html"}
    # a page edited by hand is rendered again (and refused, as every hand edit is)
    (tmp_path / "index/1970.html").write_text("edited")
    with pytest.raises(TeiToolsError):
        build(tmp_path, changed, date="2026-12-08")


def test_rebuild_is_deterministic_and_stale_parts_go(tmp_path):
    docs = summaries(1200)
    first, _ = build(tmp_path, docs)
    again, removed = build(tmp_path, docs)
    assert again == {DATA: "unchanged"} and removed == []  # no page rendered again
    (tmp_path / STATE_NAME).unlink()  # every page rendered again: the same bytes
    again, removed = build(tmp_path, docs)
    assert again.keys() == first.keys() and set(again.values()) == {"unchanged"}
    # fewer documents: one page per list again, the parts' files are removed
    (tmp_path / "chronology/1962.html").write_text("edited by hand")
    written, removed = build(tmp_path, docs[:100])
    assert "index/1963.html" in removed and "chronology/1963.html" in removed
    assert not (tmp_path / "index/1963.html").exists()
    assert (tmp_path / "chronology/1962.html").read_text() == "edited by hand"  # kept
    assert "chronology/1962.html" not in removed
    index = html.fromstring((tmp_path / "index.html").read_bytes())
    assert len(index.xpath("//table[contains(@class,'doc-index')]/tbody/tr")) == 100
    assert not index.xpath("//nav[@class='parts']")
