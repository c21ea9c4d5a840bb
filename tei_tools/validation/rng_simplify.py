"""RELAX NG simplification shared by the schema generator and the pruned fast path.

Both replace patterns by ``notAllowed``; these functions fold it away with the simplification
rules of the RELAX NG specification (§4.19), remove ``empty`` where it changes nothing and drop
the definitions no longer reachable from ``start``. None of them changes the language.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
RNG_TAG = f"{{{RNG}}}"
NAME_CLASSES = {"name", "anyName", "nsName"}


class BuildError(Exception):
    """A schema cannot be derived soundly (the message says why)."""


def local_name(node: etree._Element) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def is_rng(node: etree._Element) -> bool:
    return isinstance(node.tag, str) and node.tag.startswith(RNG_TAG)


def new_pattern(tag: str, **attrib: str) -> etree._Element:
    return etree.Element(RNG_TAG + tag, attrib)


def _children(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if is_rng(c)]


def _patterns(root: etree._Element
              ) -> Iterator[tuple[etree._Element, str, etree._Element, list[etree._Element]]]:
    """One pass over the grammar: (node, its kind, its parent, its child patterns), each read
    when the pass reaches the node, so that it sees the changes made before it."""
    for node in list(root.iter(RNG_TAG + "*")):
        parent = node.getparent()
        if parent is not None:
            kids = [c for c in _children(node) if local_name(c) not in NAME_CLASSES | {"param"}]
            yield node, local_name(node), parent, kids


def simplify(root: etree._Element, defines: dict[str, etree._Element]) -> None:
    """Propagate notAllowed upwards until nothing changes (RELAX NG spec §4.19)."""
    dead: set[str] = set()

    def is_na(node: etree._Element) -> bool:
        kind = local_name(node)
        return kind == "notAllowed" or (kind == "ref" and node.get("name") in dead)

    changed = True
    while changed:
        changed = False
        for node, kind, parent, kids in _patterns(root):
            if kind == "choice":
                live = [c for c in kids if not is_na(c)]
                if len(live) != len(kids):
                    for child in kids:
                        if is_na(child):
                            node.remove(child)
                    if not live:
                        parent.replace(node, new_pattern("notAllowed"))
                    changed = True
            elif kind in {"group", "interleave", "oneOrMore", "list", "mixed", "element",
                          "attribute"}:
                if any(is_na(c) for c in kids):
                    parent.replace(node, new_pattern("notAllowed"))
                    changed = True
            elif kind in {"optional", "zeroOrMore"} and any(is_na(c) for c in kids):
                parent.replace(node, new_pattern("empty"))
                changed = True
            elif kind == "define" and node.get("name") not in dead \
                    and any(is_na(c) for c in kids):
                dead.add(node.get("name"))
                changed = True
    for name in dead:
        defines[name].getparent().remove(defines.pop(name))
    for ref in list(root.iter(RNG_TAG + "ref")):
        if ref.get("name") in dead:  # only possible where it was not yet folded away
            raise BuildError(f"reference to pruned define {ref.get('name')} survived")


def fold_empty(root: etree._Element) -> None:
    """Remove ``empty`` where it changes nothing (group(p, empty) = p, oneOrMore(empty) = empty).

    Besides shrinking the file this matters for correctness in practice: libxml2 (lxml) wrongly
    rejects some valid documents when a oneOrMore holds a group ending in empty.
    """
    changed = True
    while changed:
        changed = False
        for node, kind, parent, kids in _patterns(root):
            empties = [c for c in kids if local_name(c) == "empty"]
            if kind in {"group", "interleave", "element", "attribute", "define", "list",
                        "oneOrMore", "zeroOrMore", "optional", "mixed"} \
                    and empties and len(empties) < len(kids):
                for child in empties:
                    node.remove(child)
                changed = True
            elif kind in {"group", "interleave", "oneOrMore", "zeroOrMore", "optional"} \
                    and kids and len(empties) == len(kids):
                parent.replace(node, new_pattern("empty"))
                changed = True
            elif kind == "group" and len(kids) == 1 and len(_children(node)) == 1:
                parent.replace(node, kids[0])  # a group of one pattern is that pattern
                changed = True
            elif kind == "oneOrMore" and len(kids) == 1 and local_name(kids[0]) == "oneOrMore":
                node.replace(kids[0], kids[0][0] if len(kids[0]) == 1 else kids[0])
                changed = changed or len(kids[0]) == 1


def drop_unreachable(root: etree._Element, defines: dict[str, etree._Element]) -> None:
    start = root.find(RNG_TAG + "start")
    seen: set[str] = set()
    todo = [start]
    while todo:
        for ref in todo.pop().iter(RNG_TAG + "ref"):
            name = ref.get("name")
            if name not in seen:
                seen.add(name)
                todo.append(defines[name])
    for name in list(defines):
        if name not in seen:
            root.remove(defines.pop(name))
