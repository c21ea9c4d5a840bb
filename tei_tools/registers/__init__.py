"""Registers of persons, places and organisations, and linking an edition's names to them.

* :mod:`.model` — entries and the register; :mod:`.load` reads ``registers/*.xml`` (TEI),
  :mod:`.csv_import` reads CSV, :mod:`.write` writes TEI register files.
* :mod:`.names` and :mod:`.index` — name forms and the index names are looked up in.
* :mod:`.linking` — ``link_tree``: one document; :mod:`.files` — ``link_files``: many, on all
  cores, written safely.
* :mod:`.mentions` — which documents mention which entry (for register pages and indexes).
* :mod:`.cmif` — the edition's letters and telegrams as CMIF, for correspSearch.
"""

from __future__ import annotations

from .index import NameIndex, Strength
from .linking import Linker, link_tree
from .load import load_register
from .model import Entry, Name, Register
from .pointers import make_ref, parse_ref
from .report import LinkReport

__all__ = ["Entry", "LinkReport", "Linker", "Name", "NameIndex", "Register", "Strength",
           "link_tree", "load_register", "make_ref", "parse_ref"]
