"""Sphinx configuration of the tei-tools documentation (built by tests/docs/test_docs_build.py)."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

# docs/_ext holds this site's own small extensions (the diagnostics tables directive).
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

from tei_tools import __version__  # noqa: E402  (after the path set-up above)

project = "tei-tools"
author = "tei-tools developers"
copyright = "tei-tools developers"
release = version = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx_click",
    "tei_tools_diagnostics",  # docs/_ext: the diagnostics registry's tables
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
# "#section" links inside a page and across pages resolve to headings down to level 3.
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
# code blocks without a language are plain text, not guessed
highlight_language = "none"
html_title = f"tei-tools {release}"
html_static_path: list[str] = []
# no network at build time: no intersphinx, no remote images

# Importing the print writer for autodoc makes WeasyPrint parse its stylesheets; its progress
# messages are not warnings of this build.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("weasyprint.progress").setLevel(logging.ERROR)


def _escape_click_text(app, ctx, lines: list[str]) -> None:
    """Click help is plain text, sphinx-click reads it as reStructuredText: ``tei/*.xml`` would
    open an emphasis. Escape what means markup there, keeping sphinx-click's own markup
    (``.. option::`` lines, ``**Required**``, ``:options: a | b``). Click's ``\\b`` blocks, which
    sphinx-click turns into line blocks (``| …``, spaces collapsed), become literal blocks so
    that their columns stay aligned."""
    out: list[str] = []
    in_block = False
    for line in lines:
        stripped = line.lstrip()
        if stripped.startswith("| ") or stripped == "|":
            if not in_block:
                out += ["", "::", ""]
                in_block = True
            out.append("    " + stripped[2:])
            continue
        if in_block:
            out.append("")
            in_block = False
        if not stripped.startswith(".."):
            line = re.sub(r"(?<!\*)\*(?!\*)", r"\*", line.replace("\\", "\\\\"))
            if not stripped.startswith(":options:"):
                line = line.replace("|", r"\|")
        out.append(line)
    lines[:] = out


def setup(app):
    for event in ("sphinx-click-process-description", "sphinx-click-process-usage",
                  "sphinx-click-process-options", "sphinx-click-process-arguments",
                  "sphinx-click-process-epilog", "sphinx-click-process-envvars"):
        app.connect(event, _escape_click_text)
