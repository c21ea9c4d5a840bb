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

from ....diagnostics import error
from .bare import BareProfile
from .base import Profile, Wrapper
from .wilson_center import WilsonCenterProfile

_REGISTRY: dict[str, type[Profile]] = {}


def register(profile: type[Profile]) -> type[Profile]:
    """Make a profile selectable by its ``name`` (usable as a class decorator)."""
    if not profile.name:
        raise ValueError("a profile needs a non-empty name")
    _REGISTRY[profile.name] = profile
    return profile


def available_profiles() -> list[str]:
    """Names of the registered profiles, sorted."""
    return sorted(_REGISTRY)


def get_profile(name: str) -> Profile:
    """A new instance of the profile ``name``; a user-facing error when there is none."""
    try:
        return _REGISTRY[name]()
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise error("TX100", name=name, known=known) from None


register(WilsonCenterProfile)
register(BareProfile)

__all__ = ["BareProfile", "Profile", "WilsonCenterProfile", "Wrapper", "available_profiles",
           "get_profile", "register"]
