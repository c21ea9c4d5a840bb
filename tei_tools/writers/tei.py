"""What both writers need of a TEI file: loading it (safely, and only if it is TEI), the
documents it holds (one, or the ``TEI`` members of a ``teiCorpus``) and the document id they
name their files by (pages, TEI copy, PDF), so that the web edition's links to
``pdf/{docid}.pdf`` find what the print writer wrote."""

from __future__ import annotations

import copy
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii
from lxml import etree

from ..diagnostics import error
from ..outputs import safe_name
from ..safexml import NS, TEI_NS, XML_NS, parse_bytes, parse_file

TEI = f"{{{TEI_NS}}}TEI"
TEI_CORPUS = f"{{{TEI_NS}}}teiCorpus"


def docid_of(tei: etree._ElementTree | etree._Element, path: str | Path, member: int = 0) -> str:
    """TEI/@xml:id, else the house idno (idno[@type='tei-tools']), else the file name (with the
    member's position for a document of a teiCorpus); made safe for URLs and file names,
    letters of other scripts transliterated (anyascii)."""
    root = tei.getroot() if isinstance(tei, etree._ElementTree) else tei
    found = (root.get(f"{{{XML_NS}}}id") or "").strip() or root.xpath(
        "string(tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type='tei-tools'])",
        namespaces=NS).strip()
    name = found or (f"{Path(path).stem}-{member}" if member else Path(path).stem)
    if not name.isascii():
        name = anyascii(unicodedata.normalize("NFC", name))
    return safe_name(name)


def load_tei(path: str | Path, code: str, data: bytes | None = None, *,
             corpus: bool = False) -> etree._ElementTree:
    """Parse safely and insist on a TEI root (or, with ``corpus``, a teiCorpus root); ``code``
    is the writer's code for a file that is XML but not TEI. ``data``: the file's bytes, when
    the caller has read them already."""
    tree = parse_file(path) if data is None else parse_bytes(data, str(path))
    root = tree.getroot()
    if root.tag != TEI and not (corpus and root.tag == TEI_CORPUS):
        raise error(code, path=str(path), root=root.tag)
    return tree


@dataclass(frozen=True)
class TeiDocument:
    """One document of a TEI file: the whole file, or one ``TEI`` of a ``teiCorpus``."""

    tree: etree._ElementTree
    member: int   # 0: the file is the document; n: the n-th TEI of the teiCorpus (from 1)
    docid: str


def members(tree: etree._ElementTree) -> list[etree._Element]:
    """The TEI documents of a parsed file: the root itself, or every TEI of a teiCorpus
    (nested corpora included, in document order)."""
    root = tree.getroot()
    return [root] if root.tag == TEI else list(root.iter(TEI))


def member_tree(tree: etree._ElementTree, member: int) -> etree._ElementTree:
    """The ``member``-th TEI of a teiCorpus as a tree of its own (0: the tree itself)."""
    if member == 0:
        return tree
    return etree.ElementTree(copy.deepcopy(members(tree)[member - 1]))


def tei_documents(path: str | Path, code: str, data: bytes | None = None, *,
                  tree: etree._ElementTree | None = None) -> list[TeiDocument]:
    """Every document of a TEI or teiCorpus file (a teiCorpus without TEI members has none).
    ``tree``: the file as load_tei(…, corpus=True) returned it, when the caller has it."""
    tree = tree if tree is not None else load_tei(path, code, data, corpus=True)
    if tree.getroot().tag == TEI:
        return [TeiDocument(tree, 0, docid_of(tree, path))]
    found = []
    for n, _ in enumerate(members(tree), 1):
        own = member_tree(tree, n)
        found.append(TeiDocument(own, n, docid_of(own, path, n)))
    return found


def find_tei_files(folder: Path) -> list[Path]:
    """The *.xml files in a folder and all its subfolders, whatever their names (spaces,
    commas, braces), sorted by path so that the order, and so the docids, are stable.
    Hidden folders (.git, .tei-tools…) are skipped."""
    return sorted(p for p in folder.rglob("*.xml")
                  if p.is_file() and not any(part.startswith(".")
                                             for part in p.relative_to(folder).parts))
