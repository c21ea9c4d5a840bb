"""Register pages of the web edition (issue 16 item 3): a page per entry with its authority
links and the documents that mention it in date order, index pages by letter, and names in
the documents linked to their entry. Built from a small edition made in tmp_path: the
register of the demo edition and two of the web fixtures, each naming Kim Il Sung."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html
from site_data import EPOCH, REPO

from tei_tools.edition import load_edition
from tei_tools.writers.site import build_site

FIXTURES = REPO / "tests" / "data" / "web"
REGISTERS = REPO / "editions" / "sampler" / "registers"
KIM = 'reg:persons.xml#p.kim-il-sung'


def _with_names(source: Path, target: Path, *names: tuple[str, str]) -> None:
    """A fixture whose first paragraph names these (ref, text) (as ``link`` writes them)."""
    text = source.read_text("utf-8")
    head, sep, tail = text.partition("<p>")
    assert sep, source
    tagged = "".join(f'<persName ref="{ref}">{name}</persName> ' for ref, name in names)
    target.write_text(f"{head}<p>{tagged}{tail}", "utf-8")


@pytest.fixture(scope="module")
def reg_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("regedition")
    (root / "edition.toml").write_text('[edition]\ntitle = "Register test"\n', "utf-8")
    shutil.copytree(REGISTERS, root / "registers")
    tei = root / "tei"
    tei.mkdir()
    # the 1959 letter is listed first on purpose: "mentioned in" must go by date
    _with_names(FIXTURES / "letter-1959.xml", tei / "letter-1959.xml", (KIM, "Kim Il Sung"))
    _with_names(FIXTURES / "telegram-1951.xml", tei / "telegram-1951.xml",
                (KIM, "Kim Il Sung"), ("reg:persons.xml#p.no-such-entry", "Nobody"))
    out = root / "site"
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
    try:
        report = build_site(sorted(tei.glob("*.xml")), out, edition=load_edition(root),
                            jobs=1, search=False)
    finally:
        mp.undo()
    assert report.ok, [d.format() for d in report.diagnostics]
    return out


def _page(site: Path, relpath: str):
    return lxml_html.fromstring((site / relpath).read_bytes())


def test_entry_page_has_names_authority_links_and_mentions_in_date_order(reg_site):
    page = _page(reg_site, "registers/persons/p.kim-il-sung.html")
    assert page.xpath("string(//h1)") == "Kim Il Sung"
    assert "Kim Ir Sen" in page.xpath("//ul[@class='variants']/li/text()")
    links = page.xpath("//ul[@class='authorities']//a/@href")
    assert "https://d-nb.info/gnd/118562126" in links
    assert "http://id.loc.gov/authorities/names/n79032857" in links
    mentions = page.xpath("//ol[@class='mentions']/li")
    assert [m.xpath("string(time/@datetime)")[:4] for m in mentions] == ["1951", "1959"]
    assert mentions[0].xpath("a/@href") == ["../../documents/fx-telegram-1951.html"]
    assert "Ciphered Telegram" in mentions[0].xpath("string(a)")


def test_index_pages_go_by_letter_of_the_sort_name(reg_site):
    # Puzanov is sorted as "Puzanov, Aleksandr Mikhailovich": under P, not A
    page = _page(reg_site, "registers/persons-p.html")
    rows = "//ul[@class='register-index']/li/a"
    assert "Puzanov, Aleksandr Mikhailovich" in page.xpath(f"{rows}/text()")
    assert page.xpath(f"{rows}[starts-with(., 'Puzanov')]/@href") == ["persons/p.puzanov.html"]
    letters = page.xpath("//nav[@class='letters']//a")
    assert [a.get("aria-current") for a in letters if a.text == "P"] == ["page"]
    assert not page.xpath(f"{rows}[starts-with(., 'Kim')]")
    overview = _page(reg_site, "registers/index.html")
    assert overview.xpath("//a[@href='persons-k.html']")
    assert overview.xpath("//a[starts-with(@href, 'places-')]")


def test_navigation_links_the_registers(reg_site):
    for relpath, href in (("index.html", "registers/index.html"),
                          ("documents/fx-letter-1959.html", "../registers/index.html"),
                          ("registers/persons-p.html", "../registers/index.html")):
        assert _page(reg_site, relpath).xpath(f"//nav[@class='site-nav']//a[@href='{href}']")


def test_a_name_in_a_document_links_its_entry(reg_site):
    page = _page(reg_site, "documents/fx-telegram-1951.html")
    assert page.xpath("//a[@class='reg'][@href='../registers/persons/p.kim-il-sung.html']"
                      "[normalize-space() = 'Kim Il Sung']")
    # a dangling pointer stays a plain name
    nobody = page.xpath("//span[@class='persName'][normalize-space() = 'Nobody']")
    assert nobody and not nobody[0].xpath("ancestor::a")


def test_every_link_of_the_register_pages_resolves(reg_site):
    for path in sorted((reg_site / "registers").rglob("*.html")):
        for href in _page(reg_site, path.relative_to(reg_site).as_posix()).xpath("//a/@href"):
            if "://" in href or href.startswith("#"):
                continue
            target = (path.parent / href.split("#")[0]).resolve()
            assert target.is_file(), f"{path.relative_to(reg_site)}: {href}"


def test_an_edition_without_registers_has_no_register_pages(tmp_path):
    out = tmp_path / "site"
    report = build_site([FIXTURES / "letter-1959.xml"], out, jobs=1, search=False)
    assert report.ok
    assert not (out / "registers").exists()
    assert not _page(out, "index.html").xpath("//a[@href='registers/index.html']")


def test_a_rebuild_is_unchanged_and_drops_the_page_of_a_removed_entry(tmp_path):
    root = tmp_path / "edition"
    (root / "registers").mkdir(parents=True)
    (root / "edition.toml").write_text('[edition]\ntitle = "Register test"\n', "utf-8")
    persons = (REGISTERS / "persons.xml").read_text("utf-8")
    (root / "registers" / "persons.xml").write_text(persons, "utf-8")
    files, out = [FIXTURES / "letter-1959.xml"], tmp_path / "site"
    build_site(files, out, edition=load_edition(root), jobs=1, search=False)
    page = out / "registers" / "persons" / "p.puzanov.html"
    first = page.read_bytes()
    again = build_site(files, out, edition=load_edition(root), jobs=1, search=False)
    assert again.written["registers/persons/p.puzanov.html"] == "unchanged"
    assert page.read_bytes() == first
    start = persons.index('<person xml:id="p.puzanov">')
    end = persons.index("</person>", start) + len("</person>")
    (root / "registers" / "persons.xml").write_text(persons[:start] + persons[end:], "utf-8")
    report = build_site(files, out, edition=load_edition(root), jobs=1, search=False)
    assert report.written["registers/persons/p.puzanov.html"] == "removed"
    assert not page.exists()
    assert (out / "registers" / "persons" / "p.kim-il-sung.html").is_file()
