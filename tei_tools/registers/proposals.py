"""Proposed entries for the names linking could not find (``tei-tools link --add-unknown``).

They are written to ``registers/proposals.xml`` in lists typed ``proposed``, which linking
never uses: an editor reviews each one, completes it (structure, dates, authority ids) and moves
it into persons.xml, places.xml or orgs.xml (or deletes ``type="proposed"``).
"""

from __future__ import annotations

from .csv_import import make_id
from .load import PROPOSALS_FILE
from .model import Entry, Name, Register
from .report import LinkReport
from .write import register_document


def proposed_entries(report: LinkReport, register: Register) -> tuple[list[Entry],
                                                                        dict[str, str]]:
    """One entry per unknown name of a known kind, and a note for each: where it occurs."""
    taken = set(register.entries)
    entries, notes = [], {}
    for found in report.unknown:
        if not found.kind:
            continue  # a <name> of no known kind: listed in the report only
        spellings = [s for s, _ in sorted(found.spellings.items(),
                                          key=lambda item: (-item[1], item[0]))]
        entry = Entry(kind=found.kind, id=make_id(found.kind, spellings[0], taken),
                      file=PROPOSALS_FILE,
                      names=[Name(spellings[0], "preferred")] + [Name(s) for s in spellings[1:]])
        entries.append(entry)
        more = "" if found.count <= len(found.documents) else " …"
        notes[entry.id] = (f"Proposed by tei-tools link: {found.count} mention"
                           f"{'' if found.count == 1 else 's'} in "
                           f"{', '.join(found.documents)}{more}. Review before use.")
    return entries, notes


def proposals_document(report: LinkReport, register: Register) -> bytes | None:
    """The proposals file, or None when every name was found."""
    entries, notes = proposed_entries(report, register)
    if not entries:
        return None
    return register_document(entries, "Proposed register entries (for review)",
                             list_type="proposed", notes=notes,
                             description="Names tei-tools link found no entry for.")
