"""Every diagnostic code tei-tools emits, declared once in ``codes/<FAMILY>.toml``.

One table per code::

    [TX301]
    severity = "warning"                 # info | warning | error
    message = "orphan ']'{detail}"       # a str.format template: {name} fields
    hint = "{hint}"                      # optional, also a template
    rule = "B27a, B27b"                  # optional: the conventions rule the code implements
    doc = "…"                            # optional: one sentence for the reference

The file name is the code's family: every code in ``TX.toml`` is ``TX`` + three digits.
A hint template that is one bare field (``"{hint}"``) lets the call site give the whole hint, or
``None`` for no hint: for codes emitted from several places with different advice.

The ids of the project's Schematron rules (``TT-…``) are declared where they are checked, in
``schemas/tei-tools.sch``; :func:`schematron_rules` reads them from there (see
:mod:`tei_tools.diagnostics.schematron`), so the reference lists them without a second copy.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from .model import Code, Severity, template_fields
from .schematron import project_rules

__all__ = ["Code", "UnknownCode", "all_codes", "declared", "families", "get", "load",
           "schematron_rules"]

CODES_DIR = Path(__file__).resolve().parent / "codes"
KEYS = frozenset({"severity", "message", "hint", "rule", "doc"})


class UnknownCode(LookupError):
    """A code that no ``codes/*.toml`` declares: a programming error, caught by the tests."""


def _family_pattern(family: str) -> re.Pattern[str]:
    return re.compile(re.escape(family) + r"[0-9]{3}")


def load(folder: Path = CODES_DIR) -> dict[str, Code]:
    """Read and check every ``<FAMILY>.toml`` of ``folder``; raise ValueError on a bad entry."""
    codes: dict[str, Code] = {}
    for path in sorted(folder.glob("*.toml")):
        family = path.stem
        shape = _family_pattern(family)
        with path.open("rb") as handle:
            tables = tomllib.load(handle)
        for name, entry in tables.items():
            where = f"{path.name} [{name}]"
            if not shape.fullmatch(name):
                raise ValueError(f"{where}: a code in {path.name} is {family} + three digits")
            if name in codes:
                raise ValueError(f"{where}: also declared in {codes[name].source}")
            if not isinstance(entry, dict) or set(entry) - KEYS:
                raise ValueError(f"{where}: unknown keys {sorted(set(entry) - KEYS)}")
            if not isinstance(entry.get("message"), str):
                raise ValueError(f"{where}: message is required")
            try:
                severity = Severity.parse(str(entry.get("severity", "")))
            except KeyError:
                raise ValueError(f"{where}: severity must be info, warning or error, not "
                                 f"{entry.get('severity')!r}") from None
            for key in ("message", "hint"):
                try:
                    template_fields(entry.get(key))
                except ValueError as exc:
                    raise ValueError(f"{where}: {exc}") from None
            codes[name] = Code(name, severity, entry["message"], entry.get("hint"),
                               entry.get("rule"), entry.get("doc"), family,
                               f"codes/{path.name}")
    return codes


@cache
def _codes() -> dict[str, Code]:
    return load()


def get(code: str) -> Code:
    """The declaration of ``code``: a code of ``codes/*.toml``, else a project Schematron id."""
    found = _codes().get(code) or {c.code: c for c in schematron_rules()}.get(code)
    if found is None:
        raise UnknownCode(f"diagnostic code {code!r} is not declared in "
                          f"tei_tools/diagnostics/codes/*.toml")
    return found


def declared(code: str) -> Code:
    """As :func:`get`, for the codes Python emits: only those of ``codes/*.toml``."""
    found = _codes().get(code)
    if found is None:
        get(code)  # raises UnknownCode for a code declared nowhere
        raise UnknownCode(f"{code} is a Schematron rule id: only the Schematron engine emits it")
    return found


def all_codes() -> list[Code]:
    """Every code of ``codes/*.toml``, sorted by family and code."""
    return sorted(_codes().values(), key=lambda c: (c.family, c.code))


def families() -> list[str]:
    """The families (file names of ``codes/*.toml``), sorted."""
    return sorted({c.family for c in _codes().values()})


def schematron_rules() -> list[Code]:
    """The rules of the project's Schematron (``schemas/tei-tools.sch`` and its includes), read
    from the .sch itself; family ``TT``. Emitted by the Schematron engine, never by Python."""
    return project_rules()
