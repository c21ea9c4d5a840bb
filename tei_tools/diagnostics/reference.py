"""The reference of the diagnostic codes, rendered from the registry as Markdown tables.

    python -m tei_tools.diagnostics.reference                # print every table
    python -m tei_tools.diagnostics.reference --family TX    # one family
    python -m tei_tools.diagnostics.reference --write README.md

``--write`` replaces what stands between ``<!-- diagnostics:FAMILY:start -->`` and
``<!-- diagnostics:FAMILY:end -->`` in the file with :func:`markdown` of that family (``ALL`` for
every family), so a README or a docs page can hold generated tables among its own prose. The
documentation site calls :func:`markdown` and :func:`update_blocks` directly.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from . import registry
from .model import Code

ALL = "ALL"
_BLOCK = re.compile(r"(<!-- diagnostics:(?P<family>[A-Z]+):start -->\n)(?P<body>.*?)"
                    r"(<!-- diagnostics:(?P=family):end -->)", re.S)


def _cell(text: str | None) -> str:
    """Plain text in a table cell: no Markdown emphasis, no HTML tags."""
    if not text:
        return ""
    for char in "\\*_<|":
        text = text.replace(char, "&lt;" if char == "<" else "\\" + char)
    return text.replace("\n", " ")


def _code(text: str | None) -> str:
    """A template as printed, in a code span (``|`` still needs its escape inside a table)."""
    if text is None:
        return ""
    text = text.replace("|", "\\|")
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _codes(family: str | None) -> list[Code]:
    if family in (None, ALL):
        return registry.all_codes() + registry.schematron_rules()
    if family == registry.schematron_rules()[0].family:
        return registry.schematron_rules()
    codes = [c for c in registry.all_codes() if c.family == family]
    if not codes:
        raise ValueError(f"no diagnostic family {family!r}; the families are "
                         f"{', '.join(registry.families())} and TT (Schematron)")
    return codes


def table(codes: Iterable[Code]) -> str:
    """One Markdown table: code, severity, message, hint, rule; ``doc`` follows the message.

    Message and hint are shown as their templates, in code spans: ``{name}`` stands for what the
    call fills in (``{detail}``, ``{hint}``: a text that depends on where the code is emitted).
    """
    rows = ["| code | severity | message | hint | rule |", "| --- | --- | --- | --- | --- |"]
    for c in codes:
        message = _code(c.message) + (f" — {_cell(c.doc)}" if c.doc else "")
        rows.append(f"| {c.code} | {c.severity} | {message} | {_code(c.hint)} | "
                    f"{_cell(c.rule)} |")
    return "\n".join(rows) + "\n"


def markdown(family: str | None = None) -> str:
    """The reference table of one family (``"TX"``, ``"TT"`` for the Schematron rules …), or
    of every code when ``family`` is None or ``"ALL"``."""
    return table(_codes(family))


def update_blocks(text: str) -> str:
    """``text`` with every ``<!-- diagnostics:FAMILY:start/end -->`` block regenerated."""
    return _BLOCK.sub(lambda m: m.group(1) + markdown(m.group("family")) + m.group(4), text)


def blocks(text: str) -> dict[str, str]:
    """The current body of each marked block of ``text``, by family."""
    return {m.group("family"): m.group("body") for m in _BLOCK.finditer(text)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tei_tools.diagnostics.reference",
                                     description="Render the diagnostic codes as Markdown.")
    parser.add_argument("--family", help="one family (TX, XML, …; TT: Schematron rules)")
    parser.add_argument("--write", metavar="FILE", type=Path,
                        help="regenerate the marked blocks of FILE in place")
    args = parser.parse_args(argv)
    if args.write is None:
        sys.stdout.write(markdown(args.family))
        return 0
    old = args.write.read_text(encoding="utf-8")
    if not blocks(old):
        print(f"{args.write}: no <!-- diagnostics:FAMILY:start --> block", file=sys.stderr)
        return 1
    new = update_blocks(old)
    if new != old:
        args.write.write_text(new, encoding="utf-8")
    print(f"{args.write}: {'updated' if new != old else 'up to date'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
