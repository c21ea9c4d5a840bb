"""Diagnostics shared by every layer: converter warnings, validation problems, I/O errors.

Every code is declared once, in ``codes/<FAMILY>.toml`` (see :mod:`.registry`), with its
severity, message template and hint; code emits it by name::

    from tei_tools.diagnostics import diagnostic, error

    report.append(diagnostic("TX404", line=3, col=1, name="KIM"))   # a Diagnostic
    raise error("ED001", path="editions/demo")                      # a TeiToolsError

Format (conventions.md §6.2)::

    {path}:{line}:{col}: {severity}: {message} [{code}]
        hint: {what the user can do}
"""

from __future__ import annotations

from . import registry
from .model import Code, Diagnostic, Severity, TeiToolsError
from .registry import UnknownCode

__all__ = ["Code", "Diagnostic", "Severity", "TeiToolsError", "UnknownCode", "diagnostic",
           "error", "registry"]


def diagnostic(code: str, *, path: str | None = None, line: int | None = None,
               col: int | None = None, **params: object) -> Diagnostic:
    """The Diagnostic of a declared code: severity, message and hint from the registry, the
    templates filled from ``params``. An undeclared code (:class:`UnknownCode`) or parameters
    that do not match the templates (TypeError) raise at once: both are programming errors."""
    entry = registry.declared(code)
    message, hint = entry.render(params)
    return Diagnostic(entry.severity, code, message, path, line, col, hint)


def error(code: str, *, path: str | None = None, line: int | None = None,
          col: int | None = None, **params: object) -> TeiToolsError:
    """A TeiToolsError for a declared code of severity error:
    ``raise error("IO002", path=p)``."""
    found = diagnostic(code, path=path, line=line, col=col, **params)
    if found.severity != Severity.ERROR:
        raise ValueError(f"{code} is declared as {found.severity}, not error")
    return TeiToolsError(found)
