"""The pointer form of register links.

A name in a document points to its entry with ``@ref="reg:persons.xml#p.puzanov"``: the private
URI prefix ``reg:`` names the edition's register folder, declared (the TEI way, Guidelines
§16.2.3) in the document's header::

    <encodingDesc>
      <listPrefixDef>
        <prefixDef ident="reg" matchPattern="(.+)" replacementPattern="../registers/$1">
          <p>Register pointers: reg:persons.xml#p.x is ../registers/persons.xml#p.x</p>
        </prefixDef>
      </listPrefixDef>
    </encodingDesc>

so ``reg:persons.xml#p.puzanov`` expands to ``../registers/persons.xml#p.puzanov`` relative to
the TEI file, both in an edition (``tei/`` beside ``registers/``) and in a build's output.
"""

from __future__ import annotations

import re

PREFIX = "reg"
MATCH_PATTERN = "(.+)"
REPLACEMENT = "../registers/$1"
_REF = re.compile(r"reg:([A-Za-z0-9][A-Za-z0-9._-]*\.xml)#([A-Za-z_][\w.-]*)")


def make_ref(file: str, entry_id: str) -> str:
    return f"{PREFIX}:{file}#{entry_id}"


def parse_ref(ref: str) -> tuple[str, str] | None:
    """``reg:persons.xml#p.x`` → ``("persons.xml", "p.x")``; None for any other value."""
    found = _REF.fullmatch(ref.strip())
    return (found.group(1), found.group(2)) if found else None


def is_register_ref(ref: str | None) -> bool:
    return bool(ref) and ref.strip().startswith(PREFIX + ":")
