"""Which stylesheet renders a page: the shipped default, or the edition's override of it.

An edition overrides the web edition with files in its ``xslt/`` folder:

* ``layout.xsl``   page shell (header, footer, <head>) of every page
* ``document.xsl`` document pages
* ``pages.xsl``    index, chronology, conventions, about, search
* ``register.xsl`` register pages (see :mod:`.registers`)

(see :mod:`tei_tools.writers.overrides` for how they are combined with the defaults).
"""

from __future__ import annotations

from pathlib import Path

from ...edition import Edition
from ...resources import xslt_path
from ..overrides import with_overrides


def stylesheet(name: str, edition: Edition | None = None) -> Path:
    """Path of the stylesheet ``name`` (document.xsl, pages.xsl, register.xsl) for this
    edition."""
    default = xslt_path(f"html/{name}")
    if edition is None:
        return default
    return with_overrides(default, [p for p in (edition.xslt_dir / "layout.xsl",
                                                edition.xslt_dir / name) if p.is_file()],
                          trusted=edition.trusted_overrides)
