"""What a build did: :class:`BuildReport` (the result of ``build_edition``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Severity
from ..edition import Edition

if TYPE_CHECKING:  # the converter is imported only when a build needs it
    from ..conversion import ConvertReport

# on_stage(label, total) returns a progress(done) callback for that stage
StageProgress = Callable[[str, int], Callable[[int], None]]
STAGES = ("convert", "validate", "html", "pdf", "book")


def quiet(label: str, total: int) -> Callable[[int], None]:
    """The ``on_stage`` of a build nobody watches."""
    return lambda done: None


@dataclass
class BuildReport:
    edition: Edition
    out_dir: Path
    conversion: ConvertReport | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    tei_files: list[Path] = field(default_factory=list)
    stopped_at: str | None = None  # the stage that failed, if any
    # stage → the document keys (source paths relative to the edition) it processed;
    # "html" also lists "(collection)" when index/search pages were rewritten, "book" the book
    rebuilt: dict[str, list[str]] = field(default_factory=lambda: {s: [] for s in STAGES})

    @property
    def ok(self) -> bool:
        """No stage stopped the build and no document failed in a writer."""
        return self.stopped_at is None and not self.errors

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == Severity.ERROR)

    @property
    def did_nothing(self) -> bool:
        return not any(self.rebuilt.values())


__all__ = ["STAGES", "BuildReport", "StageProgress", "quiet"]
