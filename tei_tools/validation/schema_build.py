"""Build schemas/tei-tools.rng from TEI All and schemas/src/house.toml.

The customisation is made only by *removing alternatives* from tei_all.rng, which can only narrow
the language, so every document valid against the result is valid against TEI All:

* elements not listed in house.toml become ``notAllowed``;
* attributes not listed are replaced by ``notAllowed`` (they were all optional in TEI All; a
  required one would make its element unusable, never more permissive);
* closed value lists replace an attribute's datatype with a choice of values, but only after a
  small evaluator checked that TEI All's datatype accepts every one of those values;
* the start pattern keeps ``TEI`` and drops ``teiCorpus``.

``notAllowed`` is then simplified away with the RELAX NG simplification rules (§4.19 of the spec)
and unreachable defines are dropped, so the result is small and compiles quickly.

Run: ``python -m tei_tools.validation.schema_build /path/to/tei_all.rng`` (writes
schemas/tei-tools.rng, schemas/tei-tools-values.sch and schemas/README.md).
"""

from __future__ import annotations

import copy
import re
import sys
import tomllib
from pathlib import Path

from lxml import etree

from .. import safexml
from .rng_simplify import (
    NAME_CLASSES,
    RNG_TAG,
    BuildError,
    drop_unreachable,
    fold_empty,
    is_rng,
    local_name,
    new_pattern,
    simplify,
)
from .schema_docs import render_readme, render_values_sch, sch_rules

ANN = "http://relaxng.org/ns/compatibility/annotations/1.0"
_OPEN_TOKEN = r"[^\p{C}\p{Z}]+"  # TEI's teidata.word/enumerated: any token without spaces
_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")


def load_spec(path: Path) -> dict:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def _strip_annotations(root: etree._Element) -> None:
    """Drop foreign elements (documentation, embedded Schematron) and inner comments.

    The comments at the top level (TEI's generation note and licence) are kept.
    """
    for node in list(root.iter()):
        if node is root or node.getparent() is None:
            continue
        if not is_rng(node) and not (node.getparent() is root and not isinstance(node.tag, str)):
            node.getparent().remove(node)


# ---------------------------------------------------------------- value lists, checked soundly

def _accepts(pattern: etree._Element, value: str) -> bool:
    """Does TEI All's attribute content ``pattern`` accept ``value``?  Unknown shapes raise."""
    kind = local_name(pattern)
    if kind == "value":
        return " ".join((pattern.text or "").split()) == value
    if kind == "data":
        dtype = pattern.get("type")
        params = {p.get("name"): p.text for p in pattern if local_name(p) == "param"}
        if dtype == "string" and not params:
            return True
        if dtype == "token" and params in ({}, {"pattern": _OPEN_TOKEN}):
            return bool(value) and not re.search(r"\s", value)
        if dtype == "NCName" and not params:
            return bool(_NCNAME.match(value))
        raise BuildError(f"cannot check values against datatype {dtype} {params}")
    if kind == "choice":
        return any(_accepts(child, value) for child in pattern if is_rng(child))
    if kind == "list":
        items = [c for c in pattern if is_rng(c)]
        if len(items) == 1 and local_name(items[0]) == "oneOrMore":
            inner = [c for c in items[0] if is_rng(c)]
            return len(inner) == 1 and all(_accepts(inner[0], tok) for tok in value.split())
        raise BuildError("cannot check values against a structured list")
    raise BuildError(f"cannot check values against <{kind}>")


def _narrow(attribute: etree._Element, values: list[str], where: str) -> None:
    content = [c for c in attribute if is_rng(c) and local_name(c) not in NAME_CLASSES]
    original = content[0] if len(content) == 1 else new_pattern("text")
    for value in values:
        if not _accepts(original, value):
            raise BuildError(f"{where}: TEI All does not allow the value {value!r}")
    for node in content:
        attribute.remove(node)
    choice = etree.SubElement(attribute, RNG_TAG + "choice")
    for value in values:
        etree.SubElement(choice, RNG_TAG + "value").text = value


# ---------------------------------------------------------------- pruning

def _attribute_name(attribute: etree._Element) -> str | None:
    if attribute.get("name"):
        return attribute.get("name")
    return None  # name classes (anyName …) are foreign attributes: never in the house encoding


def _inline_attribute_refs(pattern: etree._Element, defines: dict[str, etree._Element]) -> None:
    """Copy the att.* class defines into the element so values can be narrowed per element."""
    while True:
        refs = [r for r in pattern.iter(RNG_TAG + "ref") if r.get("name", "").startswith("att.")]
        if not refs:
            return
        for ref in refs:
            group = new_pattern("group")
            for child in defines[ref.get("name")]:
                group.append(copy.deepcopy(child))
            ref.getparent().replace(ref, group)


def _prune_element(define: etree._Element, element: etree._Element, spec: dict,
                   defines: dict[str, etree._Element]) -> None:
    name = element.get("name")
    _inline_attribute_refs(element, defines)
    allowed = set(spec["attributes"])
    values = spec.get("values", {})
    for attribute in list(element.iter(RNG_TAG + "attribute")):
        attr = _attribute_name(attribute)
        if attr not in allowed:
            attribute.getparent().replace(attribute, new_pattern("notAllowed"))
            continue
        listed = values.get(f"{name}@{attr}")
        if listed is None and attr == "rend":
            listed = values.get("*@rend")
        if listed:
            _narrow(attribute, list(listed), f"{name}/@{attr}")
    meaning = spec["elements"][name][0]
    doc = etree.Element(f"{{{ANN}}}documentation", nsmap={"a": ANN})
    doc.text = meaning
    element.insert(0 if name else 1, doc)


def build(tei_all: Path, spec: dict) -> etree._ElementTree:
    """Return the pruned grammar (see module doc)."""
    tree = safexml.parse_file(tei_all, remove_blank_text=True)
    root = tree.getroot()
    _strip_annotations(root)
    defines = {d.get("name"): d for d in root.findall(RNG_TAG + "define")}
    present: set[str] = set()
    for define in list(defines.values()):
        element = define.find(RNG_TAG + "element")
        if element is None or element.get("name") is None:
            continue
        present.add(element.get("name"))
        if element.get("name") in spec["elements"]:
            _prune_element(define, element, spec, defines)
        else:
            for child in list(define):
                define.remove(child)
            define.append(new_pattern("notAllowed"))
    missing = set(spec["elements"]) - present
    if missing:
        raise BuildError(f"elements not in TEI All: {', '.join(sorted(missing))}")
    start = root.find(RNG_TAG + "start")
    for child in list(start):
        start.remove(child)
    start.append(new_pattern("ref", name="TEI"))
    simplify(root, defines)
    fold_empty(root)
    drop_unreachable(root, defines)
    root.insert(0, etree.Comment(
        " Generated by tei_tools/validation/schema_build.py from tei_all.rng (TEI P5) and "
        "schemas/src/house.toml. Do not edit: edit house.toml and regenerate. "))
    etree.cleanup_namespaces(root, top_nsmap={"a": ANN})
    return tree


def write(tei_all: Path, out_dir: Path) -> list[Path]:
    """Regenerate tei-tools.rng and README.md in ``out_dir`` (the schemas folder)."""
    spec = load_spec(out_dir / "src" / "house.toml")
    tree = build(tei_all, spec)
    values = out_dir / "tei-tools-values.sch"
    values.write_text(render_values_sch(spec), encoding="utf-8")
    rng = out_dir / "tei-tools.rng"
    etree.indent(tree, space=" ")
    rng.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n")
    readme = out_dir / "README.md"
    readme.write_text(render_readme(spec, sch_rules(out_dir / "tei-tools.sch")), encoding="utf-8")
    return [rng, values, readme]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (1, 2):
        print("usage: python -m tei_tools.validation.schema_build TEI_ALL_RNG [SCHEMAS_DIR]",
              file=sys.stderr)
        return 2
    out_dir = Path(args[1]) if len(args) == 2 else Path(__file__).resolve().parents[2] / "schemas"
    try:
        for path in write(Path(args[0]), out_dir):
            print(f"wrote {path}")
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
