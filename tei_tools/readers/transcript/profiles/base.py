"""The profile interface: what ``split`` returns (``Wrapper``) and the ``Profile`` base class
(see the package docstring)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lxml import etree

from ..context import Context
from ..hints import BodyHints
from ..source import Line, Source

if TYPE_CHECKING:
    from ..body.facts import BodyFacts


@dataclass
class Wrapper:
    """What ``split`` found: the document text lines (blank lines kept, as empty Lines), the
    wrapper's metadata (profile-specific, usually a ``header.Metadata``) and the template id."""

    document_lines: list[Line]
    metadata: Any = None
    template: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    hints: BodyHints = field(default_factory=BodyHints)   # what the body builder needs


class Profile(ABC):
    """Base class of every profile (see the module docstring)."""

    name: str = ""
    description: str = ""

    @abstractmethod
    def split(self, source: Source, ctx: Context) -> Wrapper:
        """Separate wrapper and document text; put what the body needs in ``Wrapper.hints``."""

    @abstractmethod
    def build_header(self, wrapper: Wrapper, facts: BodyFacts,
                     ctx: Context) -> list[etree._Element]:
        """The teiHeader (and a standOff when there are speakers), in document order."""


__all__ = ["Profile", "Wrapper"]
