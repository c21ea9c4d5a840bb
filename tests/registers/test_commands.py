"""The commands as a user runs them: link, register import/check, --report, --add-unknown."""

from __future__ import annotations

import csv
import io
import shutil

from click.testing import CliRunner
from regtools import EDITIONS

from tei_tools.cli import main
from tei_tools.registers.csv_import import read_csv
from tei_tools.registers.load import load_register


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_import_csv_and_load_it_back(tmp_path):
    source = tmp_path / "persons.csv"
    source.write_text(
        "id,surname,forename,surname_first,variants,birth,viaf,roles\n"
        "p.kim,Kim,Il Sung,yes,Kim Ir Sen | Kim Il-sung,1912,108235077,Premier\n"
        ",Puzanov,Aleksandr Mikhailovich,,A. M. Puzanov,1906,,\n", "utf-8")
    registers = tmp_path / "registers"
    result = run("register", "import", str(source), "-o", str(registers / "persons.xml"))
    assert result.exit_code == 0, result.output
    register, problems = load_register(registers)
    assert problems == []
    kim, puzanov = register.get("p.kim"), register.get("p.aleksandr-mikhailovich-puzanov")
    assert kim.sort_form == "Kim Il Sung" and kim.idnos == {"viaf": "108235077"}
    assert [n.text for n in kim.variants] == ["Kim Ir Sen", "Kim Il-sung"]
    assert kim.birth == "1912" and kim.roles == ["Premier"]
    assert puzanov.sort_form == "Puzanov, Aleksandr Mikhailovich"
    assert kim.authority_uris() == ["http://viaf.org/viaf/108235077"]
    # the same CSV again: the same file, reported unchanged
    again = run("register", "import", str(source), "-o", str(registers / "persons.xml"))
    assert "(unchanged)" in again.output
    assert run("register", "check", str(registers)).exit_code == 0


def test_bad_csv_rows_are_reported_with_their_line():
    entries, problems = read_csv("kind,name,colour\nperson,A,red\n", path="x.csv")
    assert entries == [] and problems[0].code == "REG020" and problems[0].line == 1
    entries, problems = read_csv("kind,name\nperson,\nplanet,Mars\nperson,B\n", path="x.csv")
    assert [(p.code, p.line) for p in problems] == [("REG021", 2), ("REG022", 3)]
    assert [e.id for e in entries] == ["p.b"]


def test_link_an_edition_report_and_proposals(tmp_path):
    edition = tmp_path / "demo"
    shutil.copytree(EDITIONS / "puzanov-1957", edition)
    persons = edition / "registers" / "persons.xml"
    text = persons.read_text("utf-8")
    start = text.index('<person xml:id="p.nam-il">')
    persons.write_text(text[:start] + text[text.index("</person>", start) + 9:], "utf-8")
    report_file = tmp_path / "names.csv"
    result = run("link", str(edition), "--dry-run", "--report", str(report_file),
                 "--add-unknown")
    assert result.exit_code == 0, result.output
    # Nam Il was tagged by nobody: the converter does not tag him and the register lost him,
    # so nothing names him; the report lists what tagged names stay unknown (none here)
    rows = list(csv.DictReader(io.StringIO(report_file.read_text("utf-8"))))
    assert all(r["status"] in ("unknown", "ambiguous") for r in rows)
    assert not (tmp_path / "demo" / "tei").exists()  # --dry-run wrote no TEI
    out = tmp_path / "linked"
    result = run("link", str(edition), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    linked = (out / "puzanov-1957-05-23.xml").read_text("utf-8")
    assert 'ref="reg:persons.xml#p.kim-il-sung"' in linked
    assert "Nam Il" in linked and "#p.nam-il" not in linked
    # linking again into the same folder: nothing changes
    before = (out / "puzanov-1957-05-23.xml").read_bytes()
    assert run("link", str(edition), "-o", str(out), "-q").exit_code == 0
    assert (out / "puzanov-1957-05-23.xml").read_bytes() == before


def test_unknown_names_become_proposals(tmp_path):
    edition = tmp_path / "demo"
    shutil.copytree(EDITIONS / "puzanov-1957", edition)
    (edition / "registers" / "persons.xml").unlink()
    report_file = tmp_path / "names.json"
    result = run("link", str(edition), "--dry-run", "--add-unknown", "--report",
                 str(report_file))
    assert result.exit_code == 0, result.output
    proposals = (edition / "registers" / "proposals.xml").read_text("utf-8")
    assert '<listPerson type="proposed">' in proposals and "A. PUZANOV" in proposals
    register, problems = load_register(edition / "registers")
    assert problems == [] and "p.a-puzanov" in register.proposed
    assert "p.a-puzanov" not in register.entries  # proposals are never linked to
    assert '"status": "unknown"' in report_file.read_text("utf-8")
    # an edited proposals file is not overwritten without --force
    (edition / "registers" / "proposals.xml").write_text(proposals + "<!-- mine -->", "utf-8")
    result = run("link", str(edition), "--dry-run", "--add-unknown")
    assert result.exit_code == 2 and "OUT001" in result.output


def test_in_place_linking_respects_hand_edits(tmp_path):
    tei = tmp_path / "tei"
    tei.mkdir()
    convert = run("convert", str(EDITIONS / "puzanov-1957" / "transcripts"), "-o", str(tei),
                  "-q")
    assert convert.exit_code == 0
    (tmp_path / "hand.xml").write_bytes((tei / "puzanov-1957-05-23.xml").read_bytes())
    registers = str(EDITIONS / "puzanov-1957" / "registers")
    # a file tei-tools wrote is linked in place
    assert run("link", str(tei), "--registers", registers, "-q").exit_code == 0
    assert "reg:persons.xml" in (tei / "puzanov-1957-05-23.xml").read_text("utf-8")
    # a file it did not write (made by hand) needs --force
    result = run("link", str(tmp_path / "hand.xml"), "--registers", registers, "-q")
    assert result.exit_code == 1 and "OUT001" in result.output
    assert "reg:" not in (tmp_path / "hand.xml").read_text("utf-8")
    forced = run("link", str(tmp_path / "hand.xml"), "--registers", registers, "-q", "--force")
    assert forced.exit_code == 0 and "reg:" in (tmp_path / "hand.xml").read_text("utf-8")


def test_demo_registers_cover_their_editions():
    for name, leftovers in (("puzanov-1957", set()),
                            ("sampler", {"Ambassador", "Department"})):
        register, problems = load_register(EDITIONS / name / "registers")
        assert problems == [], name
        from tei_tools.edition import load_edition
        from tei_tools.registers.files import edition_sources, link_sources

        edition = load_edition(EDITIONS / name)
        from tei_tools.pipeline import reader_settings

        report = link_sources(edition_sources(edition), register, write=False,
                              settings=reader_settings(edition), jobs=1)
        unknown = {f.name for f in report.unknown if f.kind}
        assert unknown == leftovers, name
        assert report.ambiguous == []
