"""The diagnostic value: one problem or decision, with its severity, code and position.

Format (conventions.md §6.2)::

    {path}:{line}:{col}: {severity}: {message} [{code}]
        hint: {what the user can do}
"""

from __future__ import annotations

import json
import re
import string
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


_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def template_fields(template: str | None) -> frozenset[str]:
    """The field names of a str.format template; only plain names are allowed."""
    if not template:
        return frozenset()
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is None:
            continue
        if not _FIELD.fullmatch(name):
            raise ValueError(f"template field {{{name}}} is not a plain name: {template!r}")
        names.add(name)
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class Code:
    """One declared diagnostic code."""

    code: str
    severity: Severity
    message: str
    hint: str | None = None
    rule: str | None = None
    doc: str | None = None
    family: str = ""
    source: str = ""  # the file that declares it, relative to the package or the schemas

    @property
    def fields(self) -> frozenset[str]:
        """Every parameter the message and hint templates need."""
        return template_fields(self.message) | template_fields(self.hint)

    def render(self, params: dict[str, object]) -> tuple[str, str | None]:
        """(message, hint) with the templates filled; the parameters must match exactly."""
        given = frozenset(params)
        if given != self.fields:
            missing = ", ".join(sorted(self.fields - given)) or "none"
            extra = ", ".join(sorted(given - self.fields)) or "none"
            raise TypeError(f"{self.code}: parameters do not match its templates "
                            f"(missing: {missing}; unexpected: {extra})")
        message = self.message.format_map(params)
        if self.hint is None:
            return message, None
        bare = self.hint[1:-1] if self.hint.startswith("{") and self.hint.endswith("}") else ""
        if _FIELD.fullmatch(bare) and params[bare] is None:
            return message, None
        return message, self.hint.format_map(params)
