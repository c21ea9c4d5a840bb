"""Run a profile's wrapper split on a page, for the header and wrapper tests."""

from __future__ import annotations

from tei_tools.readers.transcript.context import Context
from tei_tools.readers.transcript.profiles import get_profile
from tei_tools.readers.transcript.source import decode


def split(data: bytes | str, name: str = "doc.txt", profile: str = "wilson-center"):
    """The page's wrapper (metadata, document lines) and the context with its diagnostics."""
    ctx = Context("doc", path=name)
    wrapper = get_profile(profile).split(decode(data, ctx), ctx)
    return wrapper, ctx


def body_lines(wrapper) -> list[str]:
    """The document text's non-blank lines."""
    return [line.text for line in wrapper.document_lines if not line.blank]
