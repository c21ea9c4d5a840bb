"""Linking a TEI document to the register: small rules run in order over one state.

1. :func:`link_tagged_names` — every persName, placeName, orgName, name (and titleStmt/author)
   of the document's content gets ``@ref`` to its entry; a weak match also gets ``@cert``.
   Names with a ``@ref`` already are left as they are (hand edits win).
2. :func:`tag_running_text` — names the register knows, in the running text of ``<text>``,
   are wrapped in persName/placeName/orgName with ``@ref`` when they name one entry.
3. :func:`declare_prefix` — a document that now points into the register declares the
   ``reg:`` prefix in ``encodingDesc/listPrefixDef`` (see :mod:`.pointers`).

Linking is deterministic and idempotent: a second run finds every name linked and changes
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from .. import safexml
from .codes import diagnostic
from .index import Lookup, NameIndex, Strength
from .model import KINDS, NAME_ELEMENT, Register
from .names import JOINER, WORD, fold, key
from .pointers import MATCH_PATTERN, PREFIX, REPLACEMENT, is_register_ref
from .report import LinkReport

T = f"{{{safexml.TEI_NS}}}"
_NAME_KINDS: dict[str, tuple[str, ...]] = {
    "persName": ("person",), "placeName": ("place",), "orgName": ("org",),
    "name": KINDS, "author": ("person", "org")}
_NAME_TAGS = tuple(T + n for n in _NAME_KINDS)
# header parts that describe the edition, not the document: their names are not linked
_APPARATUS = {T + n for n in ("titleStmt", "publicationStmt", "respStmt", "funder", "bibl",
                              "editionStmt", "seriesStmt", "revisionDesc", "msIdentifier")}
# running text is tagged only inside these elements (all allow persName/placeName/orgName) …
_CONTAINERS = {T + n for n in ("p", "item", "seg", "head", "ab", "salute", "signed",
                               "dateline", "note", "add", "supplied", "hi", "unclear", "q",
                               "quote", "cell", "l", "corr", "del", "trailer", "closer")}
# … and never below these (names, numbers, dates, the editor's apparatus, original terms)
_BLOCKED = {T + n for n in ("persName", "placeName", "orgName", "name", "rs", "roleName",
                            "idno", "date", "num", "speaker", "label", "sic", "abbr", "expan",
                            "ex", "gap", "desc", "figDesc", "c", "foreign", "stamp", "fw",
                            "choice", "time", "measure", "ref", "email", "term", "teiHeader",
                            "standOff")}


class Linker:
    """A register and its name index, built once and used for many documents."""

    def __init__(self, register: Register):
        self.register = register
        self.index = NameIndex(register)
        # running-text forms looked up so far (a worker links thousands of documents that
        # name the same people): form → Lookup
        self.text_lookups: dict[str, Lookup] = {}

    def lookup_text_form(self, form: str) -> Lookup:
        found = self.text_lookups.get(form)
        if found is None:
            found = self.text_lookups[form] = self.index.lookup_key(
                form, KINDS, weakest=Strength.INITIALS)
        return found


@dataclass
class LinkState:
    """What the rules share while linking one document."""

    tree: etree._ElementTree
    linker: Linker
    document: str       # the document id (TEI/@xml:id) or file name
    path: str | None
    tag_text: bool = True
    report: LinkReport = field(default_factory=LinkReport)
    changed: bool = False

    def where(self, element: etree._Element) -> dict:
        return {"path": self.path, "line": element.sourceline}


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _in_apparatus(element: etree._Element) -> bool:
    if element.tag == T + "author":
        return element.getparent() is None or element.getparent().tag != T + "titleStmt"
    return any(a.tag in _APPARATUS for a in element.iterancestors())


def _kind_label(kinds: tuple[str, ...]) -> str:
    return kinds[0] if len(kinds) == 1 else ""


def link_tagged_names(state: LinkState) -> None:
    """Rule 1: names already tagged get @ref (and @cert for a weak match)."""
    index, report = state.linker.index, state.report
    for element in state.tree.getroot().iter(*_NAME_TAGS):
        local = etree.QName(element).localname
        if _in_apparatus(element) or any(a.tag in _NAME_TAGS for a in element.iterancestors()):
            continue
        ref = element.get("ref")
        if ref is not None:
            if is_register_ref(ref):
                entry = state.linker.register.resolve(ref)
                if entry is None:
                    report.diagnostics.append(diagnostic("REG012", **state.where(element),
                                                         ref=ref))
                else:
                    report.kept += 1
                    report.mention(entry.id, state.document)
            continue  # a pointer set by hand (or elsewhere) is never replaced
        text = _text(element)
        if not text or not WORD.search(text):
            continue
        kinds = _NAME_KINDS[local]
        found = index.lookup(text, kinds)
        _record(state, element, local, text, kinds, found)


def _record(state: LinkState, element: etree._Element, local: str, text: str,
            kinds: tuple[str, ...], found: Lookup) -> None:
    report = state.report
    if found.entry is not None:
        element.set("ref", found.entry.pointer)
        cert = found.strength.cert if found.strength is not None else None
        if cert and element.get("cert") is None:
            element.set("cert", cert)
        state.changed = True
        report.linked += 1
        report.mention(found.entry.id, state.document)
        return
    name_key = key(text)
    if found.ambiguous:
        ids = tuple(e.id for e in found.candidates)
        report.diagnostics.append(diagnostic(
            "REG010", **state.where(element), element=local, name=text, count=len(ids),
            candidates=", ".join(ids)))
        report.finding(_kind_label(kinds), name_key, text, "ambiguous", state.document, ids)
    else:
        report.diagnostics.append(diagnostic("REG011", **state.where(element), element=local,
                                             name=text))
        report.finding(_kind_label(kinds), name_key, text, "unknown", state.document)


# ---------------------------------------------------------------- running text

def _text_slots(root: etree._Element) -> list[tuple[etree._Element, bool]]:
    """(element, is_tail) for every text or tail that running-text tagging may split."""
    text = root.find(T + "text")
    if text is None:
        return []
    slots = []
    for element in text.iter(etree.Element):
        if element.tag in _BLOCKED:
            continue
        blocked = any(a.tag in _BLOCKED for a in element.iterancestors())
        if blocked:
            continue
        if element.text and element.tag in _CONTAINERS:
            slots.append((element, False))
        for child in element:
            if child.tail and element.tag in _CONTAINERS:
                slots.append((child, True))
    return slots


def _matches(text: str, index: NameIndex) -> list[tuple[int, int, str]]:
    """(start, end, key) of the longest known names in a text, left to right."""
    tokens = list(WORD.finditer(text))
    folded = [fold(t.group()) for t in tokens]
    found, i = [], 0
    while i < len(tokens):
        best, form = 0, ""
        for j in range(i, len(tokens)):
            if j > i and not JOINER.fullmatch(text, tokens[j - 1].end(), tokens[j].start()):
                break
            form = folded[i] if j == i else f"{form} {folded[j]}"
            if form not in index.text_prefixes:
                break
            if form in index.text_keys:
                best = j - i + 1
        if best and not tokens[i].group()[0].islower():
            found.append((tokens[i].start(), tokens[i + best - 1].end(),
                          " ".join(folded[i:i + best])))
            i += best
        else:
            i += 1
    return found


def tag_running_text(state: LinkState) -> None:
    """Rule 2: names the register knows, in running text, become tagged names."""
    if not state.tag_text or not state.linker.index.text_keys:
        return
    index, report = state.linker.index, state.report
    for element, is_tail in _text_slots(state.tree.getroot()):
        text = element.tail if is_tail else element.text
        pieces: list[str | etree._Element] = []
        last = 0
        for start, end, form in _matches(text, index):
            found = state.linker.lookup_text_form(form)
            written = text[start:end]
            if found.entry is None:
                if found.ambiguous:
                    ids = tuple(e.id for e in found.candidates)
                    report.diagnostics.append(diagnostic(
                        "REG010", **state.where(element), element="text", name=written,
                        count=len(ids), candidates=", ".join(ids)))
                    report.finding("", form, written, "ambiguous", state.document, ids)
                continue
            entry = found.entry
            tagged = etree.Element(T + NAME_ELEMENT[entry.kind], ref=entry.pointer)
            if found.strength.cert:
                tagged.set("cert", found.strength.cert)
            tagged.text = written
            pieces += [text[last:start], tagged]
            last = end
            report.tagged += 1
            report.mention(entry.id, state.document)
        if not pieces:
            continue
        state.changed = True
        _splice(element, is_tail, pieces, text[last:])


def _splice(element: etree._Element, is_tail: bool, pieces: list, rest: str) -> None:
    """Replace a text or tail by text, new elements and their tails."""
    first, *others = pieces
    nodes = []
    for piece in others:
        if isinstance(piece, str):
            nodes[-1].tail = piece
        else:
            nodes.append(piece)
    nodes[-1].tail = rest
    if is_tail:
        element.tail = first
        anchor = element
        for node in nodes:
            anchor.addnext(node)
            anchor = node
    else:
        element.text = first
        for position, node in enumerate(nodes):
            element.insert(position, node)


# ---------------------------------------------------------------- the prefix declaration

def declare_prefix(state: LinkState) -> None:
    """Rule 3: a document with register pointers declares the reg: prefix once."""
    root = state.tree.getroot()
    header = root.find(T + "teiHeader")
    if header is None:
        return
    for prefix_def in root.iter(T + "prefixDef"):
        if prefix_def.get("ident") == PREFIX:
            return
    if not any(is_register_ref(e.get("ref")) for e in root.iter(*_NAME_TAGS)):
        return
    encoding = header.find(T + "encodingDesc")
    if encoding is None:
        encoding = etree.Element(T + "encodingDesc")
        _append_indented(header, encoding, after=header.find(T + "fileDesc"))
    listing = encoding.find(T + "listPrefixDef")
    if listing is None:
        listing = etree.Element(T + "listPrefixDef")
        _append_indented(encoding, listing)
    prefix_def = etree.Element(T + "prefixDef", ident=PREFIX, matchPattern=MATCH_PATTERN,
                               replacementPattern=REPLACEMENT)
    etree.SubElement(prefix_def, T + "p").text = (
        "Register pointers: reg:persons.xml#p.x is the entry p.x of ../registers/persons.xml.")
    _append_indented(listing, prefix_def)
    state.changed = True


def _append_indented(parent: etree._Element, child: etree._Element,
                     after: etree._Element | None = None) -> None:
    """Add child after ``after`` (default: last), indented like its siblings."""
    siblings = list(parent)
    depth = sum(1 for _ in parent.iterancestors())  # two spaces a level, as the reader writes
    inner, outer = "\n" + "  " * (depth + 1), "\n" + "  " * depth
    if after is None and siblings:
        after = siblings[-1]
    if after is None:
        parent.text = inner
        parent.append(child)
        child.tail = outer
        return
    child.tail = after.tail
    after.tail = inner
    after.addnext(child)


RULES: tuple[Callable[[LinkState], None], ...] = (link_tagged_names, tag_running_text,
                                                   declare_prefix)


def link_tree(tree: etree._ElementTree, register: Register | Linker, *,
              path: str | None = None, tag_text: bool = True) -> LinkReport:
    """Link one parsed TEI document to the register, in place; return what was done.

    ``register`` may be a :class:`Linker` (a register with its index built once, for many
    documents). ``tag_text=False`` only links names that are already tagged."""
    linker = register if isinstance(register, Linker) else Linker(register)
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    tree = root.getroottree()
    document = root.get(f"{{{safexml.XML_NS}}}id") or (path or "document")
    state = LinkState(tree, linker, document, path, tag_text)
    for rule in RULES:
        rule(state)
    state.report.documents = 1
    if state.changed:
        state.report.changed.append(document)
    return state.report
