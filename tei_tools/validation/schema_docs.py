"""Render schemas/README.md, the documentation of the tei-tools schema, from house.toml."""

from __future__ import annotations

import html

from ..diagnostics.schematron import assertion_text, read_rules

_INTRO = """\
# The tei-tools TEI customisation

Generated from `schemas/src/house.toml` by `tei_tools/validation/schema_build.py`; do not edit
by hand (`tests/validation/test_validate_schema.py` checks that it is in step).

* `tei-tools.rng` is TEI All (P5 4.12.0) pruned to the elements and attributes below, with the
  closed value lists of conventions.md §5.2. It is a true subset of TEI: it was made only by
  removing alternatives, so every document valid against it is valid against `tei_all.rng`.
* `tei-tools.sch` (ISO Schematron) adds the rules a schema cannot express: pointers that resolve,
  unique ids, dates, distribution-list counts, brackets, signatures, context-dependent value
  lists. Each rule has an id, listed at the end of this page.

Attributes kept wherever TEI All allows them: {attributes}. Every other attribute is removed.
"""


def _escape_cell(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|")


def render_readme(spec: dict, rules: list[tuple[str, str, str]] | None = None) -> str:
    """Markdown for the schema: elements, closed value lists, and (optionally) Schematron rules."""
    attributes = ", ".join(f"`@{a}`" for a in spec["attributes"])
    out = [_INTRO.format(attributes=attributes), "## Elements\n",
           "| element | meaning | example |", "|---|---|---|"]
    for name in sorted(spec["elements"], key=str.lower):
        meaning, example = spec["elements"][name]
        out.append(f"| `{name}` | {_escape_cell(meaning)} | `{example.replace('|', '&#124;')}` |")
    out += ["", "## Closed value lists\n",
            "`*@rend` applies to every element without a list of its own.\n"]
    for key, values in spec["values"].items():
        element, attr = key.split("@")
        out += [f"### `{key}`\n", "| value | meaning | example |", "|---|---|---|"]
        tag = "note" if element == "*" else element
        for value, meaning in values.items():
            out.append(f"| `{value}` | {_escape_cell(meaning)} | `<{tag} {attr}=\"{value}\">` |")
        out.append("")
    if rules:
        out += ["## Schematron rules (`tei-tools.sch`)\n", "| id | role | rule |", "|---|---|---|"]
        out += [f"| `{rid}` | {role} | {_escape_cell(text)} |" for rid, role, text in rules]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


_SCH = "http://purl.oclc.org/dsdl/schematron"


def render_values_sch(spec: dict) -> str:
    """The Schematron pattern that re-checks every closed value list of house.toml.

    The schema already enforces them; the Schematron repeats them so that documents validated
    against TEI All (or another schema) plus tei-tools.sch get the same verdict and a clear message.
    """
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             "<!-- Generated from schemas/src/house.toml by "
             "tei_tools/validation/schema_build.py; do not edit. -->",
             f'<sch:pattern xmlns:sch="{_SCH}" id="closed-values">']
    keys = sorted(spec["values"], key=lambda k: k.startswith("*"))  # the generic rule goes last
    for key in keys:
        element, attr = key.split("@")
        values = list(spec["values"][key])
        quoted = ", ".join(f"'{v}'" for v in values)
        context = f"tei:{element}/@{attr}" if element != "*" else f"tei:*/@{attr}"
        rid = f"TT-LIST-{'any' if element == '*' else element}-{attr}"
        lines += [f'  <sch:rule context="{context}">',
                  f'    <sch:assert id="{rid}" role="error" diagnostics="d-values" '
                  f'test=". = ({quoted})">',
                  f'      {element.replace("*", "any element")}/@{attr}='
                  '"<sch:value-of select="."/>"'
                  f" is not one of: {', '.join(values)}.</sch:assert>",
                  "  </sch:rule>"]
    lines.append("</sch:pattern>")
    return "\n".join(lines) + "\n"


def sch_rules(path) -> list[tuple[str, str, str]]:
    """(id, role, message) of every assert/report of a Schematron file and its includes."""
    checks, _ = read_rules(path)
    return [(c.get("id", "?"), c.get("role", "error"), assertion_text(c)) for c in checks]
