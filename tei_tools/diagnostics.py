"""Diagnostics shared by every layer: converter warnings, validation problems, I/O errors.

Format (conventions.md §6.2)::

    {path}:{line}:{col}: {severity}: {message} [{code}]
        hint: {what the user can do}
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import IntEnum


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls[value.upper()]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem or decision, positioned in a file where the position is known."""

    severity: Severity
    code: str
    message: str
    path: str | None = None
    line: int | None = None
    col: int | None = None
    hint: str | None = None

    def location(self) -> str:
        parts = [self.path or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def format(self) -> str:
        text = f"{self.location()}: {self.severity}: {self.message} [{self.code}]"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)


class TeiToolsError(Exception):
    """A user-facing error: carries a Diagnostic and never needs a traceback."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic


def error(code: str, message: str, *, path: str | None = None, line: int | None = None,
          col: int | None = None, hint: str | None = None) -> TeiToolsError:
    """Build a TeiToolsError in one call: ``raise error("IO001", "cannot read", path=p)``."""
    return TeiToolsError(Diagnostic(Severity.ERROR, code, message, path, line, col, hint))
