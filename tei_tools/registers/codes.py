"""The diagnostics of the registers package: declared in
``tei_tools/diagnostics/codes/REG.toml``, emitted through the registry."""

from __future__ import annotations

from ..diagnostics import diagnostic, error

__all__ = ["diagnostic", "error"]
