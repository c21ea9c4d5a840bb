"""The "bare" profile: a transcript without any website wrapper.

The whole file is document text. The header is the minimal valid one: the title is the first
caption line (A.13) or else the document id, the publisher is the reader's ``publisher`` setting,
and the translator is the placeholder of M8 (there is no credit to read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from .. import vocabulary as vocab
from ..context import Context
from ..header import Metadata, build_header
from ..source import Source
from .base import Profile, Wrapper

if TYPE_CHECKING:
    from ..body.facts import BodyFacts

DEFAULT_PUBLISHER = "Unpublished transcript"


class BareProfile(Profile):
    name = "bare"
    description = "a plain transcript with no website wrapper (the whole file is the document)"

    def split(self, source: Source, ctx: Context) -> Wrapper:
        meta = Metadata(template="bare", template_name="bare transcript",
                        publisher=DEFAULT_PUBLISHER, digital_source=False,
                        change_text="Converted from a bare transcript (no page template).")
        captions = vocab.load("captions")["captions"]
        for line in source.non_blank():
            if any(line.text == c or line.text.startswith(c + " ") for c in captions):
                meta.title = line.text
                break
        return Wrapper(list(source.lines), meta, "bare")

    def build_header(self, wrapper: Wrapper, facts: BodyFacts,
                     ctx: Context) -> list[etree._Element]:
        return build_header(wrapper.metadata, facts, ctx)
