"""The diagnostics registry: every code used is declared, every declared code is used, and each
call that emits a literal code passes exactly the parameters its templates name."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

from tei_tools.diagnostics import (
    Diagnostic,
    Severity,
    TeiToolsError,
    UnknownCode,
    diagnostic,
    error,
    registry,
)
from tei_tools.diagnostics.model import template_fields

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "tei_tools"
CODE = re.compile(r"\b[A-Z]{2,}[0-9]{3}\b")
EMITTERS = {"diagnostic", "error", "emit"}  # the calls that take a code as first argument
POSITION = {"path", "line", "col"}          # their keywords that are not template fields


def _python_files(*, outside_registry: bool = False) -> list[Path]:
    files = sorted(PACKAGE.rglob("*.py"))
    if outside_registry:  # the registry's own docstrings mention codes as examples
        files = [f for f in files if "diagnostics" not in f.relative_to(PACKAGE).parts]
    return files


def _strings(path: Path) -> list[tuple[int, str]]:
    """Every string literal of a module (f-string parts included), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _markup_files() -> list[Path]:
    return sorted((REPO / "xslt").rglob("*.xsl")) + sorted((REPO / "schemas").glob("*.sch"))


def _declared() -> set[str]:
    return {c.code for c in registry.all_codes()}


# ---------------------------------------------------------------- (a) used → declared

def test_every_code_used_is_declared():
    declared = _declared()
    undeclared = []
    for path in _python_files():
        for line, text in _strings(path):
            undeclared += [f"{path.relative_to(REPO)}:{line}: {code}"
                           for code in CODE.findall(text) if code not in declared]
    for path in _markup_files():
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            undeclared += [f"{path.relative_to(REPO)}:{number}: {code}"
                           for code in CODE.findall(text) if code not in declared]
    assert undeclared == [], "declare these in tei_tools/diagnostics/codes/<FAMILY>.toml"


# ---------------------------------------------------------------- (b) declared → used

def _used() -> set[str]:
    """Codes that appear as a whole string literal outside the registry (an emitted code, or
    one passed on as data), or in a stylesheet's or schema's text."""
    used = {text for path in _python_files(outside_registry=True)
            for _, text in _strings(path) if CODE.fullmatch(text)}
    for path in _markup_files():
        used |= set(CODE.findall(path.read_text(encoding="utf-8")))
    return used


def test_every_declared_code_is_used():
    unused = sorted(_declared() - _used())
    assert unused == [], "remove these from tei_tools/diagnostics/codes/ (nothing emits them)"


# ---------------------------------------------------------------- (c) call sites ↔ templates

def _calls() -> list[tuple[str, str, str, set[str]]]:
    """(where, function, code, keyword names) of every emitter call whose code is a literal."""
    found = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            if name not in EMITTERS or not (isinstance(first, ast.Constant)
                                            and isinstance(first.value, str)
                                            and CODE.fullmatch(first.value)):
                continue
            # a ** argument (env.where(), _where(…)) carries the position only
            keywords = {k.arg for k in node.keywords if k.arg is not None} - POSITION
            found.append((f"{path.relative_to(REPO)}:{node.lineno}", name, first.value,
                          keywords))
    return found


def test_there_are_call_sites_to_check():
    calls = _calls()
    assert len(calls) > 100
    assert {name for _, name, _, _ in calls} == EMITTERS


def test_every_call_passes_exactly_the_template_fields():
    wrong = []
    for where, _, code, keywords in _calls():
        entry = registry.get(code)
        if keywords != entry.fields:
            wrong.append(f"{where}: {code} takes {sorted(entry.fields)}, given {sorted(keywords)}")
    assert wrong == []


def test_error_is_raised_only_for_codes_declared_as_errors():
    wrong = [f"{where}: {code} is declared as {registry.get(code).severity}"
             for where, name, code, _ in _calls()
             if name == "error" and registry.get(code).severity != Severity.ERROR]
    assert wrong == []


# ---------------------------------------------------------------- (d) templates, (e) severities

class _Anything:
    """A parameter value that fits any format spec (``{n:04X}``, ``{size:.1f}``, ``{x!r}``)."""

    def __format__(self, spec: str) -> str:
        return format(7, spec) if spec else "x"

    def __repr__(self) -> str:
        return "'x'"

    __str__ = __repr__


@pytest.mark.parametrize("entry", registry.all_codes(), ids=lambda c: c.code)
def test_every_template_formats(entry):
    message, hint = entry.render({name: _Anything() for name in entry.fields})
    assert message.strip() or entry.fields  # a message is never empty by itself
    assert "{" not in message.replace("{{", "")
    if entry.hint is not None:
        assert hint is not None


@pytest.mark.parametrize("entry", registry.all_codes(), ids=lambda c: c.code)
def test_severity_family_and_source(entry):
    assert isinstance(entry.severity, Severity)
    assert entry.code.startswith(entry.family) and entry.code[len(entry.family):].isdigit()
    assert entry.source == f"codes/{entry.family}.toml"


def test_a_bad_declaration_is_refused(tmp_path):
    codes = tmp_path / "codes"
    shutil.copytree(registry.CODES_DIR, codes)
    assert registry.load(codes).keys() == registry.load().keys()
    cases = {
        'severity = "warning"': 'severity = "fatal"',   # not a severity
        'message = "bad shard {shard!r}"': 'message = "bad shard {shard.name}"',  # not a name
        "[BLD001]": "[TX001]",                          # outside its family
    }
    for old, new in cases.items():
        path = codes / ("BLD.toml" if "BLD" in old or "shard" in old else "TX.toml")
        original = path.read_text(encoding="utf-8")
        assert old in original
        path.write_text(original.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(ValueError):
            registry.load(codes)
        path.write_text(original, encoding="utf-8")


# ---------------------------------------------------------------- the API

def test_diagnostic_fills_the_declared_templates():
    found = diagnostic("TX404", path="a.txt", line=3, col=1, name="KIM")
    assert found == Diagnostic(Severity.WARNING, "TX404", "speaker label 'KIM' is not defined",
                               "a.txt", 3, 1, None)
    found = diagnostic("TX104", line=2, col=5, codepoint=7)
    assert found.message.startswith("character U+0007 cannot be stored in XML")
    assert found.hint == "remove the control character from the transcript"


def test_unknown_codes_and_wrong_parameters_raise():
    with pytest.raises(UnknownCode):
        diagnostic("TX999")
    with pytest.raises(TypeError, match="missing: name"):
        diagnostic("TX404")
    with pytest.raises(TypeError, match="unexpected: word"):
        diagnostic("TX404", name="KIM", word="x")
    with pytest.raises(TypeError):
        diagnostic("TX306", hint="the old API's hint= is not a parameter of TX306")


def test_error_is_for_error_codes():
    exc = error("ED001", path="demo")
    assert isinstance(exc, TeiToolsError)
    assert exc.diagnostic.format() == ("demo: error: not an edition folder: edition.toml is "
                                       "missing [ED001]\n    hint: create edition.toml with at "
                                       'least: title = "…"')
    with pytest.raises(ValueError, match="warning"):
        error("TX404", name="KIM")


def test_a_bare_hint_field_may_be_left_out():
    assert diagnostic("IO001", detail="no such file or folder", hint=None).hint is None
    assert diagnostic("IO001", detail="x", hint="check the path").hint == "check the path"


def test_schematron_ids_come_from_the_project_schematron():
    rules = {c.code: c for c in registry.schematron_rules()}
    assert "TT-DIST-COUNT" in rules and "TT-LIST-div-type" in rules  # tei-tools + its include
    count = rules["TT-DIST-COUNT"]
    assert count.severity == Severity.WARNING and count.family == "TT"
    assert count.source == "schemas/tei-tools.sch"
    assert count.hint.startswith("Check the transcript")
    assert registry.get("TT-DIST-COUNT") is count
    assert not set(rules) & _declared()
    with pytest.raises(UnknownCode, match="Schematron"):
        diagnostic("TT-DIST-COUNT")


def test_template_fields():
    assert template_fields("a {x} {y!r} {z:04X} {{literal}}") == {"x", "y", "z"}
    with pytest.raises(ValueError):
        template_fields("{a.b}")
