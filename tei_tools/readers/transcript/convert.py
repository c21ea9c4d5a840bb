"""Run the reader's stages on one transcript (see the package docstring for the stages)."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field

from ...diagnostics import Diagnostic, Severity, TeiToolsError, error
from .assemble import assemble
from .body import build_body
from .context import Context, ReaderSettings, docid_from_name
from .profiles import get_profile
from .source import decode


@dataclass
class ConversionResult:
    """The TEI of one transcript (``None`` when an error prevented output) and its diagnostics."""

    docid: str
    tei: bytes | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.tei is not None

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)


def read_transcript(data: bytes | str, name: str = "document.txt", *,
                    settings: ReaderSettings | None = None, path: str | None = None,
                    debug: bool = False) -> ConversionResult:
    """Convert one transcript to TEI.

    ``data`` is the file's bytes (decoded as UTF-8, conventions.md F1) or already decoded text;
    ``name`` gives the document id (§0). Never raises for bad input: problems are diagnostics.
    """
    settings = settings or ReaderSettings()
    ctx = Context(docid_from_name(name), path=path or name, settings=settings)
    tei: bytes | None = None
    try:
        size = len(data.encode("utf-8") if isinstance(data, str) else data)
        if size > settings.max_bytes:
            raise error("TX105", path=ctx.path, size=size / 2**20, limit=settings.max_bytes / 2**20)
        source = decode(data, ctx)
        profile = get_profile(settings.profile)
        wrapper = profile.split(source, ctx)
        body = build_body(wrapper.document_lines, ctx, wrapper.hints)
        header = profile.build_header(wrapper, body.facts, ctx)
        tei = assemble(header, body, ctx)
    except TeiToolsError as exc:
        ctx.diagnostics.append(exc.diagnostic)
    except Exception as exc:  # §6.1 rule 1: never crash; report TX199 and go on
        message = f"{type(exc).__name__}: {exc}"
        if debug:
            message += "\n" + traceback.format_exc()
        ctx.emit("TX199", error=message, details="; run with --debug for details")
    if any(d.severity == Severity.ERROR for d in ctx.diagnostics):
        tei = None
    return ConversionResult(ctx.docid, tei, ctx.diagnostics)
