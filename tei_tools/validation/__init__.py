"""Validation: well-formedness, RELAX NG, XSD and Schematron, with CI-grade reports.

    from tei_tools.validation import validate
    report = validate(["tei/"], schemas=["my-rules.sch"])
    print(report.render("text"), report.summary())
"""

from .api import collect, project_schemas, validate, validate_file
from .report import FORMATS, FileResult, ValidationReport

__all__ = ["FORMATS", "FileResult", "ValidationReport", "collect", "project_schemas", "validate",
           "validate_file"]
