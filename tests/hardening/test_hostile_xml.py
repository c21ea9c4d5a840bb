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
