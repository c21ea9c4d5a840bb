"""The diagnostics of the registers package, declared in one place.

Written against the registry API (``diagnostic(code, path=…, line=…, col=…, **params)``): each
code has a severity, a message template and a hint template. When the registry is on main these
tables move to ``tei_tools/diagnostics/codes/REG.toml`` and this module forwards to it.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Severity, TeiToolsError

E, W = Severity.ERROR, Severity.WARNING

CODES: dict[str, tuple[Severity, str, str | None]] = {
    # register files
    "REG001": (E, "register file cannot be used: {reason}",
               "fix the file, or move it out of the registers folder"),
    "REG002": (E, "register entry <{element}> has no xml:id",
               "give it an id such as p.surname, pl.place or o.organisation"),
    "REG003": (E, "register id {id!r} is also used in {other}",
               "give each entry its own id (documents point to FILE#ID)"),
    "REG004": (E, "register entry {id!r} has no preferred name",
               'add a name with type="preferred" (or one name without @type)'),
    "REG005": (E, "register entry {id!r} has {count} preferred names",
               'keep one type="preferred"; make the others type="variant"'),
    "REG006": (W, "idno type={type!r} of entry {id!r} does not look like a {type} id: {value!r}",
               "check the identifier (e.g. wikidata Q9659, viaf 1234, geonames 2950159)"),
    "REG007": (E, "no register found in {folder}",
               "create registers/persons.xml (see docs/guide/registers.md), or import a CSV "
               "with `tei-tools register import`"),
    # linking
    "REG010": (W, "{element} {name!r} matches {count} register entries: {candidates}; not linked",
               "add this form as a variant of the right entry, or set @ref by hand"),
    "REG011": (W, "{element} {name!r} is not in the register",
               "add an entry or a variant (`tei-tools link --add-unknown` proposes entries)"),
    "REG012": (W, "@ref={ref!r} points to no register entry",
               "correct the pointer, or add the entry to the register"),
    # CSV import
    "REG020": (E, "unknown CSV column {column!r}",
               "use the columns listed in docs/guide/registers.md: {known}"),
    "REG021": (E, "CSV row has no name", "fill in the name column (or surname)"),
    "REG022": (E, "CSV kind {kind!r} is not person, place or org",
               "write person, place or org in the kind column, or pass --kind"),
    "REG023": (E, "CSV id {id!r} is used twice", "give each row its own id"),
    "REG024": (E, "the CSV file has no header row", "the first line names the columns"),
    # CMIF
    "REG030": (W, "{what} of the letter or telegram is unknown; CMIF says \"Unknown\"",
               "tag the {what} in correspDesc, or sign the document"),
    "REG031": (E, "no letters or telegrams to describe in CMIF",
               "CMIF lists documents with a correspDesc or of subtype letter or telegram"),
}


def diagnostic(code: str, *, path: str | None = None, line: int | None = None,
               col: int | None = None, **params: object) -> Diagnostic:
    """The Diagnostic of a declared code, its templates filled from ``params``."""
    severity, message, hint = CODES[code]
    return Diagnostic(severity, code, message.format(**params), path, line, col,
                      hint.format(**params) if hint else None)


def error(code: str, *, path: str | None = None, line: int | None = None,
          col: int | None = None, **params: object) -> TeiToolsError:
    """A TeiToolsError for a declared error code."""
    return TeiToolsError(diagnostic(code, path=path, line=line, col=col, **params))
