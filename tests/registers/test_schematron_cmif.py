"""The register rules of the project Schematron, and CMIF checked against its rules."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from regtools import EDITIONS, ROOT

from tei_tools.cli import main
from tei_tools.validation import validate

T = "{http://www.tei-c.org/ns/1.0}"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def linked_edition(tmp_path_factory) -> Path:
    """The Puzanov edition linked into out/tei, its registers beside it in out/registers."""
    out = tmp_path_factory.mktemp("linked")
    shutil.copytree(EDITIONS / "puzanov-1957" / "registers", out / "registers")
    assert run("link", str(EDITIONS / "puzanov-1957"), "-o", str(out / "tei"), "-q"
               ).exit_code == 0
    return out


def _codes(path) -> list[str]:
    return sorted(d.code for d in validate([path], jobs=1).diagnostics)


def test_linked_edition_and_its_registers_are_valid(linked_edition):
    assert _codes(linked_edition) == []


def test_dangling_pointer_and_bad_register_entries(linked_edition, tmp_path):
    shutil.copytree(linked_edition, tmp_path / "ed")
    doc = tmp_path / "ed" / "tei" / "puzanov-1957-05-23.xml"
    text = doc.read_text("utf-8").replace("#p.nam-il", "#p.nobody", 1)
    doc.write_text(text.replace('ref="reg:places.xml#pl.moscow"',
                                'ref="reg:persons.xml#pl.moscow"', 1), "utf-8")
    persons = tmp_path / "ed" / "registers" / "persons.xml"
    register = persons.read_text("utf-8")
    register = register.replace('<persName type="preferred">Latsis</persName>',
                                '<persName type="variant">Latsis</persName>')
    persons.write_text(register, "utf-8")
    places = tmp_path / "ed" / "registers" / "places.xml"
    places.write_text(places.read_text("utf-8").replace('"pl.pyongyang"', '"p.puzanov"'),
                      "utf-8")
    codes = _codes(tmp_path / "ed")
    assert codes.count("TT-REG-PTR") == 2  # an unknown id, and a person pointer to a place
    assert "TT-REG-NAME" in codes and codes.count("TT-REG-DUP") == 2


def test_pointers_without_their_registers_are_a_warning(linked_edition, tmp_path):
    shutil.copytree(linked_edition / "tei", tmp_path / "tei")
    report = validate([tmp_path / "tei"], jobs=1)
    assert {d.code for d in report.diagnostics} == {"TT-REG-FILE"}
    assert report.exit_code() == 0


def test_register_rules_in_junit_and_sarif(linked_edition, tmp_path):
    shutil.copytree(linked_edition, tmp_path / "ed")
    doc = tmp_path / "ed" / "tei" / "puzanov-1957-05-23.xml"
    doc.write_text(doc.read_text("utf-8").replace("#p.nam-il", "#p.nobody", 1), "utf-8")
    report = validate([tmp_path / "ed"], jobs=1)
    assert "TT-REG-PTR" in report.render("junit") and "TT-REG-PTR" in report.render("sarif")


# ---------------------------------------------------------------- CMIF

EXPECTED = {  # docid → (sender, addressee, place sent, date sent) in the sampler
    "d04-telegram-roshchin-1951-02": ("Roshchin", "Stalin, Joseph", "Beijing", "1951-02-17"),
    "d05-telegram-alekseev-1962-11": ("Alekseev", "Ministry of Foreign Affairs of the USSR",
                                      "Havana", "1962-11-09"),
    "d06-telegram-romania-pyongyang-1971-09": (
        "Popa, Dumitru", "Comrade Corneliu M?nescu, Minister of Foreign Affairs", "Pyongyang",
        "1971-09-14"),
    "d12-letter-czechoslovakia-pyongyang-1961-11": ("Kroupa, Antonín", "Kubeš, Vladimír",
                                                    None, "1961-11-14"),
}


@pytest.fixture(scope="module")
def cmif_file(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("cmif") / "cmif.xml"
    result = run("cmif", str(EDITIONS / "sampler"), "-o", str(target), "-q",
                 "--timestamp", "2024-05-01T12:00:00+00:00")
    assert result.exit_code == 0, result.output
    return target


def test_cmif_is_valid_tei_and_follows_the_cmif_rules(cmif_file, tei_all_rng):
    report = validate([cmif_file], project_rules=False, jobs=1,
                      schemas=[ROOT / "schemas" / "cmif" / "cmif-rules.sch", tei_all_rng])
    assert [d.format() for d in report.diagnostics] == []
    official = os.environ.get("TEI_TOOLS_CMIF_RNG")
    if official:  # the SIG's own schema, when a copy is at hand
        report = validate([cmif_file], project_rules=False, jobs=1, schemas=[official])
        assert [d.format() for d in report.diagnostics] == []


def test_cmif_sender_addressee_place_and_date(cmif_file):
    root = etree.parse(str(cmif_file)).getroot()
    found = {}
    for desc in root.iter(T + "correspDesc"):
        sent, received = desc.findall(T + "correspAction")
        assert (sent.get("type"), received.get("type")) == ("sent", "received")
        docid = (desc.get("ref") or "").rsplit("/", 1)[-1].removesuffix(".html")
        place = sent.find(T + "placeName")
        date = sent.find(T + "date")
        found[docid or len(found)] = (
            sent[0].text, received[0].text, place.text if place is not None else None,
            date.get("when") if date is not None else None)
    assert len(found) == 7
    for expected in EXPECTED.values():
        assert expected in found.values()
    # authority ids of the register: GeoNames for Beijing and Moscow
    refs = {e.text: e.get("ref") for e in root.iter(T + "placeName")}
    assert refs["Beijing"] == "http://www.geonames.org/1816670"
    assert refs["Moscow"] == "http://www.geonames.org/524901"


def test_cmif_is_deterministic(cmif_file, tmp_path):
    again = tmp_path / "cmif.xml"
    run("cmif", str(EDITIONS / "sampler"), "-o", str(again), "-q",
        "--timestamp", "2024-05-01T12:00:00+00:00")
    assert again.read_bytes() == cmif_file.read_bytes()


def test_cmif_links_letters_to_the_web_edition(tmp_path):
    edition = tmp_path / "sampler"
    shutil.copytree(EDITIONS / "sampler", edition)
    toml = edition / "edition.toml"
    toml.write_text(toml.read_text("utf-8").replace(
        "[edition]\n", '[edition]\nbase_url = "https://example.org/sampler/"\n'), "utf-8")
    target = tmp_path / "cmif.xml"
    assert run("cmif", str(edition), "-o", str(target), "-q").exit_code == 0
    root = etree.parse(str(target)).getroot()
    refs = [d.get("ref") for d in root.iter(T + "correspDesc")]
    assert "https://example.org/sampler/documents/d04-telegram-roshchin-1951-02.html" in refs
    assert root.find(f".//{T}idno").text == "https://example.org/sampler/cmif.xml"
