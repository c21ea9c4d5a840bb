"""The static site: files, structure, D/R views, links, safety, determinism (no browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from htmltext import doc_text, lines
from lxml import html
from site_data import DATA, EPOCH, fixture_files

from tei_tools.writers.site import build_date, build_site
from tei_tools.writers.web.search import pagefind_available

SEED_ID = "puzanov-1957-05-23"
DOCS = ["puzanov-1957-05-23", "fx-telegram-1951", "fx-letter-1959", "fx-minutes-1963",
        "fx-report-1966", "fx-hostile"]


def page(site: Path, rel: str) -> str:
    return (site / rel).read_text("utf-8")


def all_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_site_files(site):
    for name in ("index", "chronology", "conventions", "about", "search"):
        assert (site / f"{name}.html").is_file()
    for docid in DOCS:
        for rel in (f"documents/{docid}.html", f"documents/{docid}.diplomatic.html",
                    f"tei/{docid}.xml", f"cite/{docid}.json", f"cite/{docid}.bib"):
            assert (site / rel).is_file(), rel
    assert (site / "assets" / "tei-tools.css").is_file()
    assert (site / "assets" / "tei-tools.js").is_file()
    assert (site / "tei" / f"{SEED_ID}.xml").read_bytes() == (DATA / f"{SEED_ID}.xml").read_bytes()


def test_every_page_has_version_and_build_date(site):
    for path in all_pages(site):
        text = path.read_text("utf-8")
        assert '<span class="version">1.0</span>' in text, path
        assert 'datetime="2023-11-14"' in text, path  # SOURCE_DATE_EPOCH=1700000000


def test_build_date_from_epoch_or_mtime(tmp_path, monkeypatch):
    f = tmp_path / "a.xml"
    f.write_text("<x/>")
    import os
    os.utime(f, (86400 * 365, 86400 * 365))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_date([f]) == "1971-01-01"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert build_date([f]) == "2023-11-14"


def test_no_remote_assets_and_no_query_strings(site):
    for path in all_pages(site):
        tree = html.fromstring(path.read_bytes())
        for el in tree.xpath("//script[@src] | //link[@href] | //img[@src]"):
            url = el.get("src") or el.get("href")
            assert not re.match(r"^(https?:)?//", url), (path, url)
        for a in tree.xpath("//a[@href]"):
            href = a.get("href")
            if not re.match(r"^(https?|mailto):", href):
                assert "?" not in href, (path, href)


def test_internal_links_resolve(site):
    """Every relative link points to an existing file, and every #fragment to an id."""
    for path in all_pages(site):
        if path.name.startswith("fx-hostile"):
            continue  # links to made-up relative targets on purpose
        tree = html.fromstring(path.read_bytes())
        ids = set(tree.xpath("//@id"))
        assert len(ids) == len(tree.xpath("//@id")), (path, "duplicate ids")
        for href in tree.xpath("//a/@href | //link/@href | //script/@src"):
            if re.match(r"^(https?|mailto|data):", href):
                continue
            target, _, frag = href.partition("#")
            if target.startswith("../pdf/"):
                continue  # PDFs come from the print writer, after build_site
            if target:
                assert (path.parent / target).resolve().exists(), (path, href)
            elif frag:
                assert frag in ids, (path, href)


def test_diplomatic_view_round_trips_the_seed(site):
    """D reproduces the seed transcript's document text line by line (conventions.md §6.5)."""
    transcript = (DATA / f"{SEED_ID}.txt").read_text("utf-8")
    src = [ln for ln in transcript.split("\n") if ln.strip(" \t\u00a0")]
    info = src.index("Document Information")
    want = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in src[4:info - 1]]
    got = lines(doc_text(page(site, f"documents/{SEED_ID}.diplomatic.html")))
    assert got == want


def test_reading_view_is_clean_text(site):
    text = " ".join(lines(doc_text(page(site, f"documents/{SEED_ID}.html"))))
    assert "send them to the ministries" in text
    assert "I don't know Chinese" in text
    assert "[" not in text and "]" not in text
    assert "referentura" not in text  # an original-language term is a marker in R (B8)


def test_both_views_link_each_other(site):
    for view in (f"documents/{SEED_ID}.html", f"documents/{SEED_ID}.diplomatic.html"):
        tree = html.fromstring(page(site, view))
        switch = tree.xpath("//nav[@class='view-switch']/a")
        assert [a.get("href") for a in switch] == [f"{SEED_ID}.html",
                                                   f"{SEED_ID}.diplomatic.html"]
        assert len([a for a in switch if a.get("aria-current") == "page"]) == 1


def test_interventions_are_links_with_explanations(site):
    tree = html.fromstring(page(site, "documents/fx-minutes-1963.html"))
    marks = tree.xpath("//a[contains(@class, 'iv')][starts-with(@href, '#iv-')]")
    assert len(marks) >= 6
    for a in marks:
        entry = tree.get_element_by_id(a.get("href")[1:])
        assert entry.tag == "li"
        desc = tree.get_element_by_id(a.get("aria-describedby"))
        assert desc.text_content().strip()
        back = entry.xpath(".//a[@class='backlink']/@href")
        assert back == ["#" + (a.get("id") or a.getparent().get("id"))]
    kinds = {c for a in tree.xpath("//li[contains(@class, 'iv-entry')]")
             for c in a.get("class").split()}
    for kind in ("entry-alt-name", "entry-expansion", "entry-sic", "entry-query", "entry-gap",
                 "entry-translator"):
        assert kind in kinds


def test_footnotes_with_backlinks(site):
    tree = html.fromstring(page(site, "documents/fx-telegram-1951.diplomatic.html"))
    ref = tree.xpath("//a[@role='doc-noteref']")[0]
    assert ref.text_content() == "x/"  # D keeps the transcript's marker form
    note = tree.get_element_by_id(ref.get("href")[1:])
    assert "Your reply" in note.text_content()
    assert note.xpath(".//a[@role='doc-backlink']/@href") == ["#" + ref.get("id")]
    read = html.fromstring(page(site, "documents/fx-telegram-1951.html"))
    assert read.xpath("//a[@role='doc-noteref']")[0].text_content() == "x"


def test_stamps_are_boxes_with_label(site):
    stamps = doc_text(page(site, f"documents/{SEED_ID}.html")).xpath(
        ".//div[contains(@class, 'iv-stamp')]")
    assert len(stamps) == 2
    assert stamps[0].xpath(".//span[@class='stamp-label']")[0].text == "partial image of a stamp"
    dipl = html.fromstring(page(site, f"documents/{SEED_ID}.diplomatic.html"))
    first = lines(dipl.xpath("//div[contains(@class, 'doc-text')]//div[contains(@class, "
                             "'iv-stamp')]")[0])
    assert first == ["[partial image of a stamp:", "Incoming Nº 5925-gs", "11 June 1957]"]


def test_structure_of_fixtures(site):
    minutes = html.fromstring(page(site, "documents/fx-minutes-1963.html"))
    assert [s.text_content() for s in minutes.xpath("//span[@class='speaker']")][1] == "Ri:"
    assert minutes.xpath("//p[@class='notice']")  # not yet proofread (M16)
    telegram = html.fromstring(page(site, "documents/fx-telegram-1951.html"))
    assert telegram.xpath("//span[contains(@class, 'chip')]")  # classification (L4)
    assert telegram.xpath("//p[@data-n='1']")  # numbered paragraphs (L13)
    assert telegram.xpath("//span[@class='hi hi-spaced']")  # letter-spacing (L16)
    dipl = page(site, "documents/fx-telegram-1951.diplomatic.html")
    assert "R O S H C H I N" in dipl
    letter = html.fromstring(page(site, "documents/fx-letter-1959.html"))
    assert letter.xpath("//section[contains(@class, 'div-attachment')]")  # L23
    assert letter.xpath("//*[contains(@class, 'iv-hand')]//span[@class='handwriting']")  # B21
    assert letter.xpath("//div[contains(@class, 'list-distribution')]//li")  # L20
    report = html.fromstring(page(site, "documents/fx-report-1966.html"))
    assert len(report.xpath("//nav[@class='toc']//li")) == 2  # sections (L14)
    assert report.xpath("//sup[text()='rd']")  # L24


def test_metadata_panel_and_citation(site):
    tree = html.fromstring(page(site, f"documents/{SEED_ID}.html"))
    panel = {dt.text_content(): dt.getnext().text_content()
             for dt in tree.xpath("//section[@class='meta-panel']//dt")}
    assert panel["Document type"] == "Diary Entry"
    assert panel["Archive"] == "AVPRF, Moscow"
    assert panel["Shelfmark"] == "AVPRF F. 0102, Op. 13, P. 72, Delo 5, Listy 44-113"
    assert panel["Translation"] == "Translated for NKIDP by Gary Goldberg"
    assert "Leon Levy Foundation" in panel["Funders"]
    assert "welcomes reuse" in panel["Rights"]
    chicago = tree.get_element_by_id("cite-chicago").text_content()
    assert chicago.startswith("“Journal of Soviet Ambassador")
    assert "Translated by Gary Goldberg" in chicago
    csl = json.loads(page(site, f"cite/{SEED_ID}.json"))[0]
    assert csl["issued"] == {"date-parts": [[1957, 5, 31]]}
    assert csl["archive"] == "AVPRF" and csl["translator"] == [{"literal": "Gary Goldberg"}]
    bib = page(site, f"cite/{SEED_ID}.bib")
    assert bib.startswith(f"@misc{{{SEED_ID},") and "date = {1957-05-31}" in bib
    links = tree.xpath("//section[@class='cite']//a/@href")
    assert f"../cite/{SEED_ID}.json" in links and f"../cite/{SEED_ID}.bib" in links
    assert f"../tei/{SEED_ID}.xml" in tree.xpath("//ul[@class='downloads']//a/@href")
    assert f"../pdf/{SEED_ID}.pdf" in tree.xpath("//ul[@class='downloads']//a/@href")


def test_prev_next_follow_dates(site):
    order = []
    tree = html.fromstring(page(site, "index.html"))
    order = [a.get("href") for a in tree.xpath("//table[contains(@class,'doc-index')]//a")]
    assert order[0] == "documents/fx-telegram-1951.html"
    assert order[1] == f"documents/{SEED_ID}.html"
    seed = html.fromstring(page(site, f"documents/{SEED_ID}.html"))
    assert seed.xpath("//a[@rel='prev']/@href") == ["fx-telegram-1951.html"]
    assert seed.xpath("//a[@rel='next']/@href") == ["fx-letter-1959.html"]
    dipl = html.fromstring(page(site, f"documents/{SEED_ID}.diplomatic.html"))
    assert dipl.xpath("//a[@rel='next']/@href") == ["fx-letter-1959.diplomatic.html"]


def test_index_and_chronology(site):
    tree = html.fromstring(page(site, "index.html"))
    rows = tree.xpath("//table[contains(@class,'doc-index')]/tbody/tr")
    assert len(rows) == len(DOCS)
    types = {r.get("data-type") for r in rows}
    assert {"Telegram", "Diary entry", "Letter", "Minutes", "Report"} <= types
    assert tree.xpath("//form[@class='filters'][@hidden]")  # shown only by the script
    chrono = html.fromstring(page(site, "chronology.html"))
    years = [h.text for h in chrono.xpath("//section[@class='year']/h2")]
    assert years == ["1951", "1957", "1959", "1963", "1966", "1970"]


def test_conventions_page_renders_examples_in_both_views(site):
    tree = html.fromstring(page(site, "conventions.html"))
    row = tree.get_element_by_id("conv-B1–B3")
    dipl, read = row.xpath("td[@class='text-dipl']")[0], row.xpath("td[@class='text-read']")[0]
    assert "[me]" in dipl.text_content() and "[" not in read.text_content()
    assert len(tree.xpath("//table[@class='conventions']//tbody/tr")) >= 25


def test_about_page_from_edition_toml(site, edition):
    text = html.fromstring(page(site, "about.html")).text_content()
    assert edition.title in text and edition.source_archive in text


def test_transcript_markup_stays_text(site):
    raw = page(site, "documents/fx-hostile.html")
    tree = html.fromstring(raw)
    scripts = tree.xpath("//script")
    assert [s.get("src") for s in scripts] == ["../assets/tei-tools.js"]
    assert not [s for s in scripts if (s.text or "").strip()]
    assert "&lt;script&gt;alert(\"xss\")&lt;/script&gt;" in raw
    assert not tree.xpath("//img")
    assert not tree.xpath("//@onerror | //@onclick")
    assert 'alert("xss")' in tree.text_content()
    assert "<script>alert" in tree.xpath("//h1")[0].text_content()


def test_unsafe_link_schemes_never_become_links(site):
    for view in ("fx-hostile.html", "fx-hostile.diplomatic.html"):
        tree = html.fromstring(page(site, f"documents/{view}"))
        hrefs = tree.xpath("//@href | //@src")
        for href in hrefs:
            squeezed = re.sub(r"[\x00-\x20]", "", href).lower()
            assert not squeezed.startswith(("javascript:", "vbscript:", "data:text")), href
        assert "https://example.org/ok" in hrefs
        assert "mailto:editor@example.org" in hrefs
        assert "other.html#x" in hrefs
        assert "https://example.org/p/1" in hrefs
        text = tree.text_content()
        assert "bad ref" in text and "island link" in text  # the text survives, unlinked


def test_real_tei_renders(tmp_path, shared_dir):
    """TEI from another project (FRUS history) renders without errors, unknown markup as text."""
    folder = shared_dir / "real-tei" / "frus-history" / "articles"
    files = sorted(folder.glob("*.xml"), key=lambda p: p.stat().st_size)[:8]
    report = build_site(files, tmp_path, jobs=2, search=False)
    assert report.ok, [d.format() for d in report.diagnostics]
    for docid in report.documents:
        text = html.fromstring((tmp_path / "documents" / f"{docid}.html").read_bytes())
        assert text.xpath("//h1")[0].text_content().strip()


def test_deterministic_across_runs_and_jobs(tmp_path, monkeypatch, edition):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    a, b = tmp_path / "a", tmp_path / "b"
    build_site(fixture_files(), a, edition=edition, jobs=1, search=False)
    build_site(list(reversed(fixture_files())), b, edition=edition, jobs=3, search=False)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_hand_edits_are_kept_unless_forced(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    files = fixture_files()[:2]
    build_site(files, tmp_path, search=False, jobs=1)
    target = tmp_path / "documents" / f"{SEED_ID}.html"
    target.write_text("edited by hand", "utf-8")
    report = build_site(files, tmp_path, search=False, jobs=1)
    assert not report.ok and any(d.code == "OUT001" for d in report.diagnostics)
    assert target.read_text("utf-8") == "edited by hand"
    report = build_site(files, tmp_path, search=False, jobs=1, force=True)
    assert report.ok and target.read_text("utf-8").startswith("<!DOCTYPE")


def test_edition_overrides_xslt_and_css(tmp_path, monkeypatch):
    edition_dir = tmp_path / "ed"
    (edition_dir / "xslt").mkdir(parents=True)
    (edition_dir / "css").mkdir()
    (edition_dir / "edition.toml").write_text('[edition]\ntitle = "Override test"\n', "utf-8")
    (edition_dir / "css" / "house.css").write_text("body { color: #123; }", "utf-8")
    (edition_dir / "xslt" / "layout.xsl").write_text("""<xsl:stylesheet version="3.0"
        xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:tt="urn:tei-tools">
      <xsl:template name="tt:site-footer"><xsl:param name="root"/>
        <footer class="site-footer">CUSTOM FOOTER</footer></xsl:template>
    </xsl:stylesheet>""", "utf-8")
    from tei_tools.edition import load_edition
    out = tmp_path / "site"
    report = build_site(fixture_files()[:1], out, edition=load_edition(edition_dir), search=False)
    assert report.ok
    for rel in ("index.html", f"documents/{SEED_ID}.html"):
        text = (out / rel).read_text("utf-8")
        assert "CUSTOM FOOTER" in text
        assert "assets/edition/house.css" in text
    assert (out / "assets" / "edition" / "house.css").is_file()


def test_broken_tei_is_reported_with_position(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <text><body></text>\n</TEI>')
    report = build_site([bad, *fixture_files()[:1]], tmp_path / "out", search=False, jobs=1)
    assert not report.ok
    diag = next(d for d in report.diagnostics if d.code == "XML001")
    assert diag.path == str(bad) and diag.line == 2
    assert (tmp_path / "out" / "documents" / f"{SEED_ID}.html").is_file()


@pytest.mark.skipif(not pagefind_available(), reason="pagefind[bin] is not installed")
def test_search_index_built(site):
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert entry["languages"]
    tree = html.fromstring(page(site, f"documents/{SEED_ID}.html"))
    assert tree.xpath("//*[@data-pagefind-body]")
    assert tree.xpath("//*[@data-pagefind-filter='type']")
    assert tree.xpath("//*[@data-pagefind-filter='year']")[0].text_content().strip() == "1957"
    dipl = html.fromstring(page(site, f"documents/{SEED_ID}.diplomatic.html"))
    assert not dipl.xpath("//*[@data-pagefind-body]")  # one search hit per document


def test_cli_help_and_errors(tmp_path):
    from click.testing import CliRunner

    from tei_tools.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["html", "--help"])
    assert result.exit_code == 0 and "--edition" in result.output
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <text><body></text>\n</TEI>')
    result = runner.invoke(main, ["html", str(bad), str(tmp_path / "missing.xml"),
                                  "-o", str(tmp_path / "out"), "-q", "--no-search"])
    assert result.exit_code == 1
    assert f"{bad}:2:" in result.output and "[XML001]" in result.output
    assert "missing.xml: error: cannot read file" in result.output
    assert "Traceback" not in result.output


def test_cli_builds_a_site(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from tei_tools.cli import main

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["html", str(DATA / "web"), "-o", str(out), "-q",
                                       "--no-search", "--edition",
                                       str(Path(__file__).parents[2] / "editions" / "sampler")])
    assert result.exit_code == 0, result.output
    assert "A Sampler of Cold War Documents" in (out / "index.html").read_text("utf-8")
    assert len(list((out / "documents").glob("*.diplomatic.html"))) == 5


def test_without_search_the_search_page_says_so(tmp_path, monkeypatch):
    import tei_tools.writers.site as site_module

    monkeypatch.setattr(site_module, "pagefind_available", lambda: False)
    report = build_site(fixture_files()[:1], tmp_path, jobs=1)
    assert any(d.code == "HTML201" for d in report.diagnostics) and report.ok
    text = (tmp_path / "search.html").read_text("utf-8")
    assert "without a search index" in text and "pagefind-ui.js" not in text
    assert not (tmp_path / "pagefind").exists()


@pytest.mark.parametrize("source", fixture_files(), ids=lambda p: p.stem)
def test_diplomatic_view_agrees_with_the_text_module(site, source):
    """The HTML D view and tei_tools.text (the round-trip renderer) give the same body lines."""
    text_module = pytest.importorskip("tei_tools.text")
    from tei_tools import safexml
    from tei_tools.writers.web.summary import docid_of

    tree = safexml.parse_file(source)
    want = text_module.diplomatic_lines(tree)
    if "——————————" in want:  # footnotes follow the body under a rule (N8)
        want = want[:want.index("——————————")]
    got = lines(doc_text(page(site, f"documents/{docid_of(tree, source)}.diplomatic.html")))
    assert got == [re.sub(r"\s+", " ", line).strip() for line in want]


def test_changed_rewrites_only_those_pages_and_their_neighbours(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    files = fixture_files()
    build_site(files, tmp_path, search=False, jobs=1)
    letter = DATA / "web" / "letter-1959.xml"
    report = build_site(files, tmp_path, search=False, jobs=1, changed=[letter])
    rendered = {p.split("/")[1].split(".")[0] for p in report.written if p.startswith("documents/")}
    # in date order: telegram 1951, seed 1957, letter 1959, minutes 1963 …
    assert rendered == {SEED_ID, "fx-letter-1959", "fx-minutes-1963"}
    assert report.written["index.html"] == "unchanged"


def test_rebuild_parses_only_the_changed_files_for_their_summaries(tmp_path, monkeypatch):
    """Summaries are kept between builds (keyed by the TEI's hash): a rebuild parses only
    what changed, and a changed title still reaches the index."""
    from tei_tools.writers import site as site_module

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    files = []
    for source in fixture_files()[:3]:
        files.append(tmp_path / "tei" / source.name)
        files[-1].parent.mkdir(exist_ok=True)
        files[-1].write_bytes(source.read_bytes())
    out = tmp_path / "site"
    build_site(files, out, search=False, jobs=1)
    parsed = []
    real = site_module._summary_worker
    monkeypatch.setattr(site_module, "_summary_worker", lambda p: parsed.append(p) or real(p))
    first = (out / "index.html").read_bytes()
    build_site(files, out, search=False, jobs=1)
    assert parsed == [] and (out / "index.html").read_bytes() == first
    text = files[1].read_text("utf-8")
    title = re.search(r"<title[^>]*>([^<]+)</title>", text).group(1)
    files[1].write_text(text.replace(title, "A retitled document", 1), "utf-8")
    build_site(files, out, search=False, jobs=1, changed=[files[1]])
    assert parsed == [str(files[1])]
    assert "A retitled document" in (out / "index.html").read_text("utf-8")


def test_hand_edited_edition_page_is_reported_not_raised(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    build_site(fixture_files()[:1], tmp_path, search=False, jobs=1)
    (tmp_path / "about.html").write_text("mine", "utf-8")
    report = build_site(fixture_files()[:1], tmp_path, search=False, jobs=1)
    assert [d.code for d in report.diagnostics] == ["OUT001"]
    assert (tmp_path / "about.html").read_text("utf-8") == "mine"
    assert (tmp_path / "index.html").is_file()


def test_unwritable_document_folder_is_reported_per_document(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents").write_text("a file where the folder should be")
    report = build_site(fixture_files()[:1], out, search=False, jobs=1)
    assert [d.code for d in report.diagnostics] == ["IO003"]
    assert "documents" in report.diagnostics[0].path


def test_override_wrapper_is_written_where_no_other_user_can(tmp_path):
    """A fixed folder name in /tmp let another local user plant the stylesheet Saxon runs."""
    from tei_tools.edition import load_edition
    from tei_tools.writers.web.stylesheets import stylesheet

    (tmp_path / "xslt").mkdir()
    (tmp_path / "edition.toml").write_text('[edition]\ntitle = "T"\n', "utf-8")
    (tmp_path / "xslt" / "document.xsl").write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>',
        "utf-8")
    wrapper = stylesheet("document.xsl", load_edition(tmp_path))
    assert wrapper.parent.stat().st_mode & 0o077 == 0
    assert (tmp_path / "xslt" / "document.xsl").resolve().as_uri() in wrapper.read_text("utf-8")


def test_xml_that_is_not_tei_is_reported_not_published(tmp_path):
    other = tmp_path / "other.xml"
    other.write_text("<root><p>not TEI</p></root>", "utf-8")
    report = build_site([other, *fixture_files()[:1]], tmp_path / "out", search=False, jobs=1)
    assert [(d.code, d.path) for d in report.diagnostics] == [("HTML003", str(other))]
    assert not report.ok and report.documents == [SEED_ID]
