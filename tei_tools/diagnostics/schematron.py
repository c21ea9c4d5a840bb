"""The project's Schematron rule ids (``TT-…``), read from ``schemas/tei-tools.sch``.

The .sch is where each rule is declared: its ``@id`` is the code, ``@role`` the severity, the
assertion text the message and its ``sch:diagnostic`` the hint. Reading them from there keeps one
declaration per rule; the Schematron engine emits them, so they are never passed to
:func:`tei_tools.diagnostics.diagnostic`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from ..resources import schema_path
from .model import Code, Severity

SCH = "http://purl.oclc.org/dsdl/schematron"
PROJECT_SCHEMATRON = "tei-tools.sch"
FAMILY = "TT"
_ROLES = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}


def _parse(path: Path) -> etree._Element:
    # the project's own shipped file: still parsed without entities or network access
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.parse(str(path), parser).getroot()


def assertion_text(node: etree._Element, placeholder: str = "…") -> str:
    """The node's text with every sch:value-of / sch:name shown as ``placeholder``."""
    parts = [node.text or ""]
    for child in node:
        local = etree.QName(child).localname
        parts.append(placeholder if local in ("value-of", "name") else "".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def read_rules(path: str | Path) -> tuple[list[etree._Element], dict[str, str]]:
    """Every assert/report of a Schematron file and its includes (sorted by id; the first
    occurrence of an id wins, includes first), and the sch:diagnostic texts by id."""
    path = Path(path)
    root = _parse(path)
    found: dict[str, etree._Element] = {}
    hints: dict[str, str] = {}
    for node in root.iter(f"{{{SCH}}}include"):
        checks, included = read_rules(path.parent / node.get("href"))
        for check in checks:
            found.setdefault(check.get("id", "?"), check)
        hints.update(included)
    hints.update({d.get("id"): assertion_text(d) for d in root.iter(f"{{{SCH}}}diagnostic")})
    for check in root.iter(f"{{{SCH}}}assert", f"{{{SCH}}}report"):
        found.setdefault(check.get("id", "?"), check)
    return [found[key] for key in sorted(found)], hints


@cache
def project_rules() -> list[Code]:
    """The project's Schematron rules as registry Codes, sorted by id."""
    source = f"schemas/{PROJECT_SCHEMATRON}"
    codes = []
    checks, hints = read_rules(schema_path(PROJECT_SCHEMATRON))
    for check in checks:
        refs = (check.get("diagnostics") or "").split()
        hint = "; ".join(hints[r] for r in refs if r in hints) or None
        codes.append(Code(check.get("id", "?"), _ROLES[check.get("role", "error")],
                          assertion_text(check), hint, None, None, FAMILY, source))
    return codes
