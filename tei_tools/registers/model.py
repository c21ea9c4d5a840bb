"""The register model: entries (persons, places, organisations) and the register they form."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from .authority import authority_uri
from .pointers import make_ref, parse_ref

KINDS = ("person", "place", "org")
# the TEI element of an entry, of its names and of its list, by kind
NAME_ELEMENT = {"person": "persName", "place": "placeName", "org": "orgName"}
LIST_ELEMENT = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}
KIND_OF_NAME = {v: k for k, v in NAME_ELEMENT.items()}
# the canonical register file of each kind (any registers/*.xml may hold entries)
DEFAULT_FILE = {"person": "persons.xml", "place": "places.xml", "org": "orgs.xml"}


@dataclass(frozen=True)
class Name:
    """One name form of an entry. ``surname``/``forename`` are set for structured person
    names; ``surname_first`` says the surname is written first (Kim Il Sung, Zhou Enlai)."""

    text: str
    type: str = "variant"  # "preferred" or "variant"
    lang: str | None = None
    surname: str | None = None
    forename: str | None = None
    surname_first: bool = False


@dataclass
class Entry:
    """One register entry. ``file`` is the register file (``persons.xml``) it lives in."""

    kind: str
    id: str
    file: str
    names: list[Name] = field(default_factory=list)
    sort_key: str | None = None   # @sortKey, when the file gives one
    birth: str | None = None      # ISO dates (@when) where known
    death: str | None = None
    floruit: str | None = None
    roles: list[str] = field(default_factory=list)     # occupation / description
    idnos: dict[str, str] = field(default_factory=dict)  # authority type → id
    geo: str | None = None        # "lat long" for places
    note: str | None = None
    line: int | None = None       # where the entry starts in its file

    @property
    def preferred(self) -> Name | None:
        """The preferred name (the loader types the first untyped name "preferred" when no
        name of the entry is)."""
        for name in self.names:
            if name.type == "preferred":
                return name
        return None

    @property
    def label(self) -> str:
        """The preferred name as read (``Aleksandr M. Puzanov``), or the id."""
        name = self.preferred
        return name.text if name else self.id

    @property
    def sort_form(self) -> str:
        """The inverted form an index sorts by: ``@sortKey``, else ``Surname, Forenames`` for a
        name whose surname comes last, else the preferred name as written."""
        if self.sort_key:
            return self.sort_key
        name = self.preferred
        if name is None:
            return self.id
        if name.surname and name.forename and not name.surname_first:
            return f"{name.surname}, {name.forename}"
        return name.text

    @property
    def variants(self) -> list[Name]:
        return [n for n in self.names if n is not self.preferred]

    @cached_property
    def pointer(self) -> str:
        """The value of @ref that points to this entry (see :mod:`.pointers`)."""
        return make_ref(self.file, self.id)

    def authority_uris(self) -> list[str]:
        """The authority records of the entry as URIs (Wikidata, VIAF, GND, GeoNames …)."""
        found = (authority_uri(kind, value) for kind, value in sorted(self.idnos.items()))
        return [uri for uri in found if uri]


@dataclass
class Register:
    """Every entry of an edition, by id. Entries of lists typed "proposed" are kept apart:
    they are suggestions for review and are never linked to."""

    entries: dict[str, Entry] = field(default_factory=dict)
    proposed: dict[str, Entry] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind == kind]

    def resolve(self, ref: str) -> Entry | None:
        """The entry a ``reg:FILE#ID`` pointer names (None: not a register pointer, or dangling)."""
        parsed = parse_ref(ref)
        if parsed is None:
            return None
        entry = self.entries.get(parsed[1])
        return entry if entry is not None and entry.file == parsed[0] else None

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Register:
        """A register of the given entries (ids must be unique; tests and generated data)."""
        register = cls()
        for entry in entries:
            register.entries[entry.id] = entry
        return register
