"""Render schemas/README.md, the documentation of the tei-tools schema, from house.toml."""

from __future__ import annotations

import html

_INTRO = """\
# The tei-tools TEI customisation

Generated from `schemas/src/house.toml` by `tei_tools/validation/schema_build.py`; do not edit
by hand (`tests/validation/test_schema.py` checks that it is in step).

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
