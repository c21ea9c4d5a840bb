"""The validation report and its formats: text, JSON, JUnit XML, SARIF 2.1.0, GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from .. import __version__
from ..diagnostics import Diagnostic, Severity

FORMATS = ("text", "json", "junit", "sarif", "github")

# Problems with the run itself (unreadable file, broken schema), not with a document: exit 2.
TOOL_CODES = frozenset({"IO001", "VAL002", "RNG000", "XSD000", "SCH001", "SCH002",
                        "SCH003", "SCH004", "SCH005", "SCH006", "SCH007", "XSL001",
                        "XSL002", "INT001", "INT002"})


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(d.severity >= Severity.ERROR for d in self.diagnostics)


@dataclass
class ValidationReport:
    files: list[FileResult] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)  # not tied to one document
    seconds: float = 0.0

    @property
    def diagnostics(self) -> Iterator[Diagnostic]:
        yield from self.problems
        for result in self.files:
            yield from result.diagnostics

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def valid(self) -> bool:
        return self.errors == 0

    @property
    def tool_error(self) -> bool:
        return any(d.code in TOOL_CODES for d in self.diagnostics)

    def exit_code(self, max_warnings: int | None = None) -> int:
        """0 valid, 1 invalid (or more warnings than allowed), 2 I/O or schema error."""
        if self.tool_error:
            return 2
        if self.errors or (max_warnings is not None and self.warnings > max_warnings):
            return 1
        return 0

    def summary(self) -> str:
        files = len(self.files)
        invalid = sum(1 for f in self.files if not f.valid)
        return (f"{files} file{'s' if files != 1 else ''} validated, {invalid} invalid: "
                f"{self.errors} error{'s' if self.errors != 1 else ''}, "
                f"{self.warnings} warning{'s' if self.warnings != 1 else ''} "
                f"in {self.seconds:.2f} s")

    def render(self, fmt: str) -> str:
        return {"text": to_text, "json": to_json, "junit": to_junit, "sarif": to_sarif,
                "github": to_github}[fmt](self)


def to_text(report: ValidationReport) -> str:
    return "".join(d.format() + "\n" for d in report.diagnostics)


def to_json(report: ValidationReport) -> str:
    data = {"valid": report.valid, "files": len(report.files), "errors": report.errors,
            "warnings": report.warnings, "seconds": round(report.seconds, 3),
            "diagnostics": [d.to_dict() for d in report.diagnostics]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_junit(report: ValidationReport) -> str:
    """One testcase per file; errors are failures, warnings go to system-out."""
    suites = etree.Element("testsuites")
    failed = sum(1 for f in report.files if not f.valid)
    suite = etree.SubElement(suites, "testsuite", name="tei-tools validate",
                             tests=str(len(report.files)), failures=str(failed),
                             errors=str(len(report.problems)), time=f"{report.seconds:.3f}")
    for problem in report.problems:
        case = etree.SubElement(suite, "testcase", classname="tei-tools.validate",
                                name=problem.path or "<run>")
        etree.SubElement(case, "error", message=problem.message, type=problem.code).text = \
            problem.format()
    for result in report.files:
        case = etree.SubElement(suite, "testcase", classname="tei-tools.validate",
                                name=result.path)
        errors = [d for d in result.diagnostics if d.severity >= Severity.ERROR]
        others = [d for d in result.diagnostics if d.severity < Severity.ERROR]
        if errors:
            etree.SubElement(case, "failure", message=f"{len(errors)} error(s)",
                             type=errors[0].code).text = "\n".join(d.format() for d in errors)
        if others:
            etree.SubElement(case, "system-out").text = "\n".join(d.format() for d in others)
    return etree.tostring(suites, encoding="unicode", pretty_print=True)


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def to_sarif(report: ValidationReport) -> str:
    rules: dict[str, dict] = {}
    results = []
    for d in report.diagnostics:
        rules.setdefault(d.code, {"id": d.code, "shortDescription": {"text": d.code}})
        result = {"ruleId": d.code, "level": _SARIF_LEVEL[d.severity],
                  "message": {"text": d.message + (f" Hint: {d.hint}" if d.hint else "")}}
        if d.path:
            region = {"startLine": d.line} if d.line else {}
            if d.line and d.col:
                region["startColumn"] = d.col
            location = {"artifactLocation": {"uri": d.path.replace("\\", "/")}}
            if region:
                location["region"] = region
            result["locations"] = [{"physicalLocation": location}]
        results.append(result)
    data = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "tei-tools", "version": __version__,
                                          "rules": list(rules.values())}},
                      "results": results}]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def to_github(report: ValidationReport) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""
    lines = []
    for d in report.diagnostics:
        props = []
        if d.path:
            props.append(f"file={_escape_property(d.path)}")
        if d.line:
            props.append(f"line={d.line}")
        if d.line and d.col:
            props.append(f"col={d.col}")
        props.append(f"title={_escape_property(d.code)}")
        message = d.message + (f"\nhint: {d.hint}" if d.hint else "")
        lines.append(f"::{_GITHUB[d.severity]} {','.join(props)}::{_escape_data(message)}\n")
    return "".join(lines)
