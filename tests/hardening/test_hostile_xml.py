"""Every XML entry point refuses hostile XML with a clear error and leaks nothing (issue 8).

validate, html, pdf and text are driven through the command line, as a user would run them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_tools.cli import main

SECRET = "TEI-TOOLS-SECRET-CONTENT"

TEI_HEAD = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
            "<title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>"
            "<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body><p>")
TEI_TAIL = "</p></body></text></TEI>"


def payloads(tmp_path: Path) -> dict[str, str]:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY x SYSTEM "{secret.as_uri()}">', encoding="utf-8")
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return {
        "xxe-local-file": (f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
                           f"{TEI_HEAD}&x;{TEI_TAIL}"),
        # if the DTD were fetched, &x; would pull in the secret; it is not, so &x; is refused
        "external-dtd": (f'<!DOCTYPE TEI SYSTEM "{dtd.as_uri()}">{TEI_HEAD}ok &x;{TEI_TAIL}'),
        "billion-laughs": f'<!DOCTYPE TEI [<!ENTITY l0 "lol">{laughs}]>{TEI_HEAD}&l9;{TEI_TAIL}',
        "quadratic-blowup": (f'<!DOCTYPE TEI [<!ENTITY a "{"x" * 20_000}">]>{TEI_HEAD}'
                             + "&a;" * 2_000 + TEI_TAIL),
    }


COMMANDS = {
    "validate": lambda f, out: ["validate", str(f)],
    "html": lambda f, out: ["html", str(f), "-o", str(out), "--no-search", "-q"],
    "pdf": lambda f, out: ["pdf", str(f), "-o", str(out), "-q"],
    "text": lambda f, out: ["text", str(f)],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("kind", ["xxe-local-file", "external-dtd", "billion-laughs",
                                  "quadratic-blowup"])
def test_hostile_xml_is_refused(tmp_path, command, kind):
    doc = tmp_path / f"{kind}.xml"
    doc.write_text(payloads(tmp_path)[kind], encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, COMMANDS[command](doc, out), catch_exceptions=False)
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output
    assert doc.name in result.output  # the message names the file
    assert SECRET not in result.output
    produced = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    for path in produced:
        assert SECRET.encode() not in path.read_bytes()
        assert b"lollollol" not in path.read_bytes()


# ---------------------------------------------------------------- Saxon's parser limits

SEED_TEI = Path(__file__).resolve().parents[1] / "data" / "puzanov-1957-05-23.xml"


def _variant(docid: str, inside_first_p: str = "", p_attributes: str = "") -> str:
    """The seed TEI under another xml:id, with markup put into its first body paragraph."""
    text = SEED_TEI.read_text("utf-8").replace('xml:id="puzanov-1957-05-23"',
                                               f'xml:id="{docid}"', 1)
    at = text.index("<p>", text.index("<body"))
    return text[:at] + f"<p{p_attributes}>" + inside_first_p + text[at + 3:]


def deep_document(depth: int = 150) -> str:
    return _variant("deep", '<hi rend="spaced">' * depth + "deep" + "</hi>" * depth)


def many_attributes_document(count: int = 250) -> str:
    # attributes in a namespace of their own: schema-valid is not the point, Saxon's limit is
    return _variant("attributes", p_attributes=' xmlns:x="urn:x"' + "".join(
        f' x:a{i}="{i}"' for i in range(count)))


def _folder(tmp_path: Path, bad: str, bad_name: str) -> Path:
    folder = tmp_path / "tei"
    folder.mkdir()
    for i in range(20):
        (folder / f"good{i:02d}.xml").write_text(_variant(f"good{i:02d}"), "utf-8")
    (folder / bad_name).write_text(bad, "utf-8")
    return folder


@pytest.mark.parametrize("command, jobs", [("validate", "1"), ("validate", "2"), ("html", "1"),
                                           ("html", "2"), ("pdf", "2")])
def test_a_deep_document_is_handled_and_the_run_goes_on(tmp_path, command, jobs):
    """150 levels are fine for lxml (its limit is 256) and for TEI: Saxon's parser must not
    refuse what lxml accepted, nor stop the run or the worker pool."""
    folder = _folder(tmp_path, deep_document(), "deep.xml")
    out = tmp_path / "out"
    args = {"validate": ["validate", str(folder)],
            "html": ["html", *map(str, sorted(folder.glob("*.xml"))), "-o", str(out),
                     "--no-search", "-q"],
            "pdf": ["pdf", *map(str, sorted(folder.glob("*.xml"))), "-o", str(out), "-q"]}
    result = CliRunner().invoke(main, [*args[command], "-j", jobs], catch_exceptions=False)
    assert "internal error" not in result.output, result.output
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    if command == "html":
        assert (out / "documents" / "deep.html").is_file()
        assert len(list((out / "documents").glob("good*.diplomatic.html"))) == 20
    if command == "pdf":
        assert len(list(out.glob("*.pdf"))) == 21


def test_many_attributes_are_handled_per_file(tmp_path):
    folder = _folder(tmp_path, many_attributes_document(), "attributes.xml")
    result = CliRunner().invoke(main, ["validate", str(folder), "-j", "2"])
    assert "internal error" not in result.output, result.output
    # the project schema rejects x:a0…, as any schema would: an error of that file alone
    assert "attributes.xml" in result.output
    assert "good00.xml" not in result.output
    assert result.exit_code == 1


def test_deeper_than_lxml_allows_is_a_clear_per_file_error(tmp_path):
    folder = _folder(tmp_path, deep_document(300), "too-deep.xml")
    result = CliRunner().invoke(main, ["validate", str(folder), "-j", "2"])
    assert result.exit_code == 1, result.output
    assert "too-deep.xml:" in result.output and "[XML004]" in result.output
    assert "256" in result.output
    assert "good00.xml" not in result.output


def test_build_of_an_edition_with_a_deep_document(tmp_path):
    edition = tmp_path / "edition"
    edition.mkdir()
    (edition / "edition.toml").write_text('[edition]\ntitle = "Deep"\n', "utf-8")
    _folder(edition, deep_document(), "deep.xml")
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(edition), "-o", str(out), "-q", "--no-book"],
                                catch_exceptions=False)
    assert "internal error" not in result.output, result.output
    assert result.exit_code == 0, result.output
    assert (out / "documents" / "deep.html").is_file()
    assert (out / "pdf" / "deep.pdf").is_file()
    assert len(list((out / "pdf").glob("good*.pdf"))) == 20
