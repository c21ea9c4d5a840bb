"""The ``diagnostics-table`` directive: the tables of tei-tools' diagnostics registry, rendered
when the documentation is built, so the reference can never drift from the code.

    ```{diagnostics-table}
    ```

    ```{diagnostics-table} TX
    ```

The optional argument is a code family (``TX``, ``XML``, ``PDF`` …). The tables come from
``tei_tools.diagnostics.reference.markdown(family=None)`` (Markdown text, parsed here as MyST);
the config value ``tei_tools_diagnostics_markdown`` ("module:function") names another provider.
The rule IDs in a table's ``rule`` column become links to their entries in the conventions
reference (anchors ``rule-{ID}``), so a code citing a rule without an entry fails the build.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

DEFAULT_PROVIDER = "tei_tools.diagnostics.reference:markdown"
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
# the rule IDs of the conventions reference (as tests/docs/test_rule_reference.py reads them)
_RULE_ID = re.compile(
    r"(?<![\w.§/-])(?:[FMBLPN]\d{1,2}[a-c]?|L-\d{1,2}|A\.\d{1,2}|§\d+(?:\.\d+)*)(?![\w-])")


def link_rules(markdown: str) -> str:
    """``| … | B27a, B27b |`` → ``| … | [B27a](rule-B27a), [B27b](rule-B27b) |`` in the column
    headed ``rule`` of every table."""
    out, column = [], None
    for line in markdown.splitlines():
        cells = _CELL_SPLIT.split(line) if line.startswith("|") else None
        if cells is None:
            column = None
        elif column is None:
            names = [c.strip().lower() for c in cells]
            column = names.index("rule") if "rule" in names else -1
        elif column > 0 and len(cells) > column and not set(cells[column].strip()) <= set("-:"):
            cells[column] = _RULE_ID.sub(
                lambda m: f"[{m.group(0)}](rule-{m.group(0).replace('§', 's')})", cells[column])
            line = "|".join(cells)
        out.append(line)
    return "\n".join(out)


def _provider(spec: str):
    module_name, _, attr = spec.partition(":")
    module = importlib.import_module(module_name)
    return module, getattr(module, attr)


class DiagnosticsTable(SphinxDirective):
    optional_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        family = self.arguments[0] if self.arguments else None
        spec = self.config.tei_tools_diagnostics_markdown
        try:
            module, markdown = _provider(spec)
            text = link_rules(markdown(family=family))
        except Exception as exc:  # an import error or a bad family: a build warning, not a crash
            return [self.state.document.reporter.warning(
                f"diagnostics-table: cannot render the registry with {spec} "
                f"(family={family!r}): {type(exc).__name__}: {exc}", line=self.lineno)]
        # rebuild this page when the registry's declarations change
        for declared in sorted(Path(module.__file__).resolve().parent.glob("codes/*.toml")):
            self.env.note_dependency(str(declared))
        container = nodes.container(classes=["tei-tools-diagnostics"])
        source = f"<{spec}(family={family!r})>"
        self.state.nested_parse(StringList(text.splitlines(), source=source),
                                self.content_offset, container, match_titles=True)
        return container.children


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("tei_tools_diagnostics_markdown", DEFAULT_PROVIDER, "env")
    app.add_directive("diagnostics-table", DiagnosticsTable)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
