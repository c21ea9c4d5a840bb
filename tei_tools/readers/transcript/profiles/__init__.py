"""Profiles: one archive's page conventions, the reader's extension point.

A profile knows how one archive's website (or mirror) wraps a document: which lines are the page
template, where the document text starts and ends, and which wrapper fields feed the teiHeader.
The core reader (decoding, brackets, layout, assembly) is shared; a profile only does two things:

* ``split(source, ctx) -> Wrapper``: separate the wrapper from the document text. What
  the body needs from the wrapper (document type, catalogue date, the archive's default
  language, a declared heading line) travels as the ``Wrapper.hints`` value
  (:class:`~..hints.BodyHints`), never as context attributes.
* ``build_header(wrapper, facts, ctx) -> [teiHeader, standOff?]``: the header elements, in
  document order. Most profiles fill a :class:`~..header.Metadata` and call
  :func:`~..header.build_header`, which writes the house order of conventions.md §2.

Adding a profile for another archive: write a module in this package with a ``Profile`` subclass
that sets ``name``, and register it in ``_REGISTRY`` below (or call :func:`register` from your own
code). Select it with ``ReaderSettings(profile="name")`` (``profile = "name"`` in edition.toml).
Nothing in the core needs to change.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lxml import etree

from ....diagnostics import error
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


_REGISTRY: dict[str, type[Profile]] = {}


def register(profile: type[Profile]) -> type[Profile]:
    """Make a profile selectable by its ``name`` (usable as a class decorator)."""
    if not profile.name:
        raise ValueError("a profile needs a non-empty name")
    _REGISTRY[profile.name] = profile
    return profile


def available_profiles() -> list[str]:
    """Names of the registered profiles, sorted."""
    _load_builtin()
    return sorted(_REGISTRY)


def get_profile(name: str) -> Profile:
    """A new instance of the profile ``name``; a user-facing error when there is none."""
    _load_builtin()
    try:
        return _REGISTRY[name]()
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise error("TX100", name=name, known=known) from None


def _load_builtin() -> None:
    # imported lazily: the built-in profiles import the header builder, which imports this module
    if not _REGISTRY:
        from .bare import BareProfile
        from .wilson_center import WilsonCenterProfile
        register(WilsonCenterProfile)
        register(BareProfile)
