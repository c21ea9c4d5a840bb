"""The name index: every form a register entry can be found by, and how strongly.

Forms come from the entry's names (preferred and variants, each also read inverted) and, for a
person whose name is structured into ``surname`` and ``forename``, from derived forms:

========== ================================ ======= ===================================
strength   form                             @cert   used in running text
========== ================================ ======= ===================================
EXACT      a name of the entry as written   —       yes
INITIALS   ``A. M. Puzanov``, ``A. Puzanov``,
           ``Aleksandr Puzanov``            high    yes
SURNAME    ``Puzanov``                      medium  no (only names already tagged)
========== ================================ ======= ===================================

A lookup takes the strongest level that has candidates; one candidate there is a match,
several are ambiguous. So a variant ``Kim`` listed on one entry beats the surname of others.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from .model import Entry, Name, Register
from .names import initial, key, words

# name forms of fewer letters than this are never derived (initials of "Li" …)
_MIN_SURNAME = 2


class Strength(IntEnum):
    EXACT = 0
    INITIALS = 1
    SURNAME = 2

    @property
    def cert(self) -> str | None:
        """The @cert a link of this strength carries (None: a sure match)."""
        return {Strength.EXACT: None, Strength.INITIALS: "high",
                Strength.SURNAME: "medium"}[self]


@dataclass(frozen=True)
class Lookup:
    """The result of looking a name up: one entry, several (ambiguous) or none (unknown)."""

    candidates: tuple[Entry, ...]
    strength: Strength | None = None

    @property
    def entry(self) -> Entry | None:
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


def derived_forms(name: Name) -> list[tuple[str, Strength]]:
    """The keys a structured person name can also be written as."""
    if not (name.surname and name.forename):
        return []
    surname, forenames = key(name.surname), words(name.forename)
    if len(surname.replace(" ", "")) < _MIN_SURNAME or not forenames:
        return [(surname, Strength.SURNAME)] if surname else []
    forms = [(surname, Strength.SURNAME)]
    if not name.surname_first:
        initials = [initial(f) for f in forenames]
        forms += [(" ".join([*initials, surname]), Strength.INITIALS),
                  (f"{initials[0]} {surname}", Strength.INITIALS),
                  (f"{forenames[0]} {surname}", Strength.INITIALS)]
    return forms


class NameIndex:
    """Keys → entries, by kind, with the strength of each key (see module doc)."""

    def __init__(self, register: Register):
        # key → kind → strength → ids (ordered: deterministic ambiguity lists)
        # plain dicts: the index is pickled once to each worker process
        self._keys: dict[str, dict[str, dict[Strength, list[str]]]] = {}
        self.register = register
        for entry in sorted(register, key=lambda e: e.id):
            for name in entry.names:
                self._add(key(name.text), entry, Strength.EXACT)
                for form, strength in derived_forms(name):
                    self._add(form, entry, strength)
        # the keys running text may match (EXACT and INITIALS) and every word prefix of them,
        # so a scan extends a candidate word by word only while some key still starts so
        self.text_keys = frozenset(k for k, kinds in self._keys.items()
                                   if any(s <= Strength.INITIALS for d in kinds.values()
                                          for s in d))
        self.text_prefixes = frozenset(" ".join(k.split()[:n]) for k in self.text_keys
                                       for n in range(1, k.count(" ") + 2))

    def _add(self, form: str, entry: Entry, strength: Strength) -> None:
        if not form:
            return
        ids = self._keys.setdefault(form, {}).setdefault(entry.kind, {}).setdefault(strength, [])
        if entry.id not in ids:
            ids.append(entry.id)

    def __contains__(self, form: str) -> bool:
        return form in self._keys

    def lookup_key(self, form: str, kinds: tuple[str, ...], *,
                   weakest: Strength = Strength.SURNAME) -> Lookup:
        """The entries of the given kinds that ``form`` (a key) names, at its strongest level
        no weaker than ``weakest``."""
        by_kind = self._keys.get(form)
        if not by_kind:
            return Lookup(())
        for strength in Strength:
            if strength > weakest:
                break
            ids = [i for kind in kinds for i in by_kind.get(kind, {}).get(strength, [])]
            if ids:
                # an entry found at this level by several of its forms counts once
                unique = list(dict.fromkeys(ids))
                return Lookup(tuple(self.register.entries[i] for i in unique), strength)
        return Lookup(())

    def lookup(self, text: str, kinds: tuple[str, ...], *,
               weakest: Strength = Strength.SURNAME) -> Lookup:
        """Look up a name as written (titles stripped, inverted forms read in order)."""
        return self.lookup_key(key(text), kinds, weakest=weakest)
