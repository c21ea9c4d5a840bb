"""ISO Schematron without Java: compile a .sch file to XSLT 3.0 and run it on saxonche.

Supported: queryBinding xslt/xslt2/xslt3/xpath2/xpath3/xpath31; ``ns``; ``let`` at schema, phase,
pattern and rule level; ``pattern``, ``rule``, ``assert``, ``report`` with ``value-of``, ``name``
and ``emph``/``dir``/``span`` (as text); ``diagnostics`` (used as the hint); ``phase`` with
``active`` and ``defaultPhase``; abstract rules with ``extends``; abstract patterns with ``is-a``
and ``param``; ``include``; top-level ``xsl:key`` and ``xsl:function``.

The schema becomes one XSLT mode walked once over the document: each rule is a template,
prioritised in (pattern, rule) order and chained with ``xsl:next-match``, so every pattern sees
every node and only the first matching rule of a pattern fires (see :func:`generate`). Each
failure carries its pattern's index, so :func:`run` can list them pattern by pattern as a
traversal per pattern would, and the number of its element (or of the attribute's or text's
parent) in document order, which :func:`run` maps to the lxml element for line and column.
Compiled schemas are cached per process (keyed by path, modification time and phase).
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from .. import safexml, saxon
from ..diagnostics import Diagnostic, Severity, TeiToolsError, error

SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
OUT = "urn:tei-tools:schematron-output"
_S, _X = f"{{{SCH}}}", f"{{{XSL}}}"
_BINDINGS = {"", "xslt", "xslt2", "xslt3", "xpath", "xpath2", "xpath3", "xpath31"}
_ROLES = {"error": Severity.ERROR, "fatal": Severity.ERROR, "warning": Severity.WARNING,
          "warn": Severity.WARNING, "info": Severity.INFO, "information": Severity.INFO}


@dataclass(frozen=True)
class CompiledSchematron:
    source: str
    xslt: saxon.Compiled
    title: str


def severity_of(role: str | None) -> Severity:
    return _ROLES.get((role or "error").strip().lower(), Severity.ERROR)


# ---------------------------------------------------------------- preprocessing

def _embedded(grammar: etree._Element) -> etree._Element:
    """The Schematron embedded in a RELAX NG schema (as TEI's ODD-generated schemas carry)."""
    schema = etree.Element(_S + "schema", queryBinding="xslt2")
    for ns in grammar.iter(_S + "ns"):
        schema.append(copy.deepcopy(ns))
    for pattern in grammar.iter(_S + "pattern"):
        schema.append(copy.deepcopy(pattern))
    return schema


def _load(path: Path, sandboxed: bool = False) -> etree._Element:
    root = safexml.parse_file(path).getroot()
    if root.tag == "{http://relaxng.org/ns/structure/1.0}grammar":
        root = _embedded(root)
    if root.tag != _S + "schema":
        raise error("SCH001", path=str(path),
                    detail="not an ISO Schematron schema (root must be sch:schema)",
                    hint="use the namespace http://purl.oclc.org/dsdl/schematron")
    # a schema that came with a document may include only files of its own folder
    _resolve_includes(root, path, depth=0, confined=path.resolve().parent if sandboxed else None)
    return root


def _resolve_includes(root: etree._Element, base: Path, depth: int,
                      confined: Path | None = None) -> None:
    if depth > 10:
        raise error("SCH001", path=str(base), detail="sch:include nested too deeply", hint=None)
    for inc in list(root.iter(_S + "include")):
        target = (base.parent / inc.get("href", "")).resolve()
        if confined is not None and not target.is_relative_to(confined):
            raise error("SCH006", path=str(base), line=inc.sourceline, href=inc.get("href"),
                        folder=str(confined))
        included = safexml.parse_file(target).getroot()
        _resolve_includes(included, target, depth + 1, confined)
        inc.getparent().replace(inc, included)


def _instantiate_abstract_patterns(root: etree._Element) -> None:
    abstract = {p.get("id"): p for p in root.findall(_S + "pattern") if p.get("abstract") == "true"}
    for pattern in root.findall(_S + "pattern"):
        if not pattern.get("is-a"):
            continue
        template = abstract.get(pattern.get("is-a"))
        if template is None:
            raise error("SCH002", reference="pattern is-a", name=pattern.get("is-a"),
                        kind="pattern")
        params = {p.get("name"): p.get("value", "") for p in pattern.findall(_S + "param")}
        names = sorted(params, key=len, reverse=True)  # $a must not replace inside $ab

        def substitute(text: str, names=names, params=params) -> str:
            for name in names:
                text = re.sub(r"\$" + re.escape(name) + r"(?![\w.-])", params[name], text)
            return text

        instance = copy.deepcopy(template)
        for node in instance.iter():
            for key, value in node.attrib.items():
                node.set(key, substitute(value))
        instance.attrib.pop("abstract", None)
        for key in ("id", "see", "fpi"):
            if pattern.get(key):
                instance.set(key, pattern.get(key))
        pattern.getparent().replace(pattern, instance)
    for pattern in abstract.values():
        pattern.getparent().remove(pattern)


def _active_patterns(root: etree._Element, phase: str | None) -> tuple[list, list]:
    patterns = [p for p in root.findall(_S + "pattern")]
    phase = phase or root.get("defaultPhase") or "#ALL"
    if phase == "#ALL":
        return patterns, []
    for candidate in root.findall(_S + "phase"):
        if candidate.get("id") == phase:
            active = {a.get("pattern") for a in candidate.findall(_S + "active")}
            return [p for p in patterns if p.get("id") in active], candidate.findall(_S + "let")
    raise error("SCH003", phase=phase,
                phases=", ".join(p.get("id", "?") for p in root.findall(_S + "phase")))


# ---------------------------------------------------------------- code generation

def _x(parent: etree._Element, tag: str, **attrib: str) -> etree._Element:
    return etree.SubElement(parent, _X + tag, {k.rstrip("_"): v for k, v in attrib.items()})


def _variable(parent: etree._Element, let: etree._Element, on_document: bool = False) -> None:
    var = _x(parent, "variable", name=let.get("name"))
    if let.get("value") is not None:
        value = let.get("value")
        var.set("select", f"root(.) ! ({value})" if on_document else value)
    else:  # a let with element content is a temporary tree
        for child in let:
            var.append(copy.deepcopy(child))


def _message(parent: etree._Element, node: etree._Element, tag: str) -> None:
    """Turn mixed message content (text, value-of, name, emph…) into XSLT building a string."""
    out = etree.SubElement(parent, f"{{{OUT}}}{tag}")

    def walk(element: etree._Element) -> None:
        if element.text:
            _x(out, "text").text = element.text
        for child in element:
            if child.tag == _S + "value-of":
                _x(out, "value-of", select=child.get("select"), separator=" ")
            elif child.tag == _S + "name":
                _x(out, "value-of", select=f"name({child.get('path', '.')})")
            elif isinstance(child.tag, str):
                walk(child)
            if child.tail:
                _x(out, "text").text = child.tail

    walk(node)


def _check(template: etree._Element, check: etree._Element, rule: etree._Element,
           pattern: etree._Element, diagnostics: dict, p_index: int, index: str) -> None:
    test = check.get("test")
    if check.tag == _S + "assert":
        test = f"not({test})"
    branch = _x(template, "if", test=test)
    role = check.get("role") or rule.get("role") or pattern.get("role") or "error"
    rid = check.get("id") or rule.get("id") or pattern.get("id") or f"SCH-{index}"
    failure = etree.SubElement(branch, f"{{{OUT}}}failure", id=rid, role=role,
                               pattern=str(p_index))
    _x(failure, "attribute", name="element", select="tei-tools:element(.)")
    _message(failure, check, "text")
    for ref in (check.get("diagnostics") or "").split():
        if ref in diagnostics:
            _message(failure, diagnostics[ref], "hint")


def _rule_body(rule: etree._Element, abstract_rules: dict) -> list[etree._Element]:
    body = []
    for child in rule:
        if child.tag == _S + "extends":
            base = abstract_rules.get(child.get("rule"))
            if base is None:
                raise error("SCH002", reference="extends", name=child.get("rule"), kind="rule")
            body += _rule_body(base, abstract_rules)
        elif child.tag in (_S + "let", _S + "assert", _S + "report"):
            body.append(child)
    return body


_MODE = "tei-tools:check"
_FIRED = "tei-tools:fired"  # the pattern of the previous rule in a node's next-match chain

# A failure names its element by number in document order: the accumulator counts the elements
# once per document, and only if something fails; run() numbers the lxml elements the same way.
# (Counting preceding siblings at every level instead cost as much as all the checks together
# on documents with many failures.)
_ELEMENT_NUMBER = """
<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="3.0"
    xmlns:tei-tools="urn:tei-tools:functions">
  <xsl:mode use-accumulators="tei-tools:elements"/>
  <xsl:accumulator name="tei-tools:elements" initial-value="0">
    <xsl:accumulator-rule match="*" select="$value + 1"/>
  </xsl:accumulator>
  <!-- the element itself, or the parent of an attribute or text; the root for "/" -->
  <xsl:function name="tei-tools:element" as="xs:integer"
      xmlns:xs="http://www.w3.org/2001/XMLSchema">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="($node/ancestor-or-self::*[1] ! accumulator-before(
        'tei-tools:elements'), 1)[1]"/>
  </xsl:function>
</xsl:stylesheet>
"""


def generate(root: etree._Element, source: Path, phase: str | None = None) -> etree._Element:
    """Return the XSLT 3.0 stylesheet for a loaded Schematron schema."""
    binding = (root.get("queryBinding") or "").lower()
    if binding not in _BINDINGS:
        raise error("SCH001", path=str(source), detail=f"queryBinding {binding!r} is not supported",
                    hint="use queryBinding=\"xslt2\" or \"xslt3\"")
    _instantiate_abstract_patterns(root)
    nsmap = {"xsl": XSL, "xs": "http://www.w3.org/2001/XMLSchema",
             "tei-tools": "urn:tei-tools:functions", "out": OUT}
    for ns in root.findall(_S + "ns"):
        nsmap[ns.get("prefix")] = ns.get("uri")
    xslt = etree.Element(_X + "stylesheet", nsmap=nsmap, version="3.0")
    xslt.set("exclude-result-prefixes", " ".join(p for p in nsmap if p not in ("xsl", "out")))
    xslt.set("{http://www.w3.org/XML/1998/namespace}base", source.resolve().as_uri())
    _x(xslt, "output", method="xml", indent="no")
    for child in root:
        if child.tag in (_X + "key", _X + "function"):
            xslt.append(copy.deepcopy(child))
    xslt.extend(safexml.parse_bytes(_ELEMENT_NUMBER).getroot())
    patterns, phase_lets = _active_patterns(root, phase)
    for let in root.findall(_S + "let") + phase_lets:
        _variable(xslt, let)
    diagnostics = {d.get("id"): d for d in root.iter(_S + "diagnostic")}
    abstract_rules = {r.get("id"): r for r in root.iter(_S + "rule") if r.get("abstract") == "true"}
    pattern_let_names = [let.get("name") for p in patterns for let in p.findall(_S + "let")]
    pattern_let_names += [let.get("name") for let in root.findall(_S + "let") + phase_lets]
    main = _x(xslt, "template", match="/")
    report = etree.SubElement(main, f"{{{OUT}}}report")
    _x(report, "apply-templates", select=".", mode=_MODE)
    # One traversal for all patterns: every rule is a template of one mode, with priorities
    # falling in (pattern, rule) order, so the rules matching a node run pattern by pattern,
    # each handing on to the next with xsl:next-match. A pattern's rules are adjacent in that
    # chain, so "has this pattern fired at this node?" is "did the rule before me belong to
    # this pattern?": $fired carries that pattern's index down the chain.
    priority = sum(1 for p in patterns for r in p.findall(_S + "rule")
                   if r.get("abstract") != "true")
    for p_index, pattern in enumerate(patterns):
        # pattern lets are evaluated on the document: as global variables (once per run), or,
        # when two patterns use the same name, as local ones at the start of each rule
        local_lets = []
        for let in pattern.findall(_S + "let"):
            if pattern_let_names.count(let.get("name")) == 1:
                _variable(xslt, let)
            else:
                local_lets.append(let)
        rules = [r for r in pattern.findall(_S + "rule") if r.get("abstract") != "true"]
        for r_index, rule in enumerate(rules):
            template = _x(xslt, "template", match=rule.get("context"), mode=_MODE,
                          priority=str(priority))
            priority -= 1
            _x(template, "param", name=_FIRED, select="-1")
            # the first matching rule of a pattern fires, the pattern's later ones do not
            body = _x(template, "if", test=f"${_FIRED} ne {p_index}")
            for let in local_lets:
                _variable(body, let, on_document=True)
            for c_index, node in enumerate(_rule_body(rule, abstract_rules)):
                if node.tag == _S + "let":
                    _variable(body, node)
                else:
                    _check(body, node, rule, pattern, diagnostics, p_index,
                           f"{p_index + 1}.{r_index + 1}.{c_index + 1}")
            _x(_x(template, "next-match"), "with-param", name=_FIRED, select=str(p_index))
    # below every rule: go on to the attributes and children, where no pattern has fired yet
    default = _x(xslt, "template", match="/|@*|node()", mode=_MODE, priority="-1")
    _x(default, "apply-templates", select="@*|node()", mode=_MODE)
    return xslt


@cache
def _compile_cached(path: str, mtime: float, phase: str | None,
                    sandboxed: bool) -> CompiledSchematron:
    source = Path(path)
    root = _load(source, sandboxed)
    xslt = etree.tostring(generate(root, source, phase), encoding="unicode")
    try:
        # compiled from memory: no temporary file to leave behind in every process
        executable = saxon.compile_stylesheet_text(xslt, path, sandboxed=sandboxed)
    except TeiToolsError as exc:
        raise error("SCH004", path=path, reason=exc.diagnostic.message) from None
    title = (root.findtext(_S + "title") or source.name).strip()
    return CompiledSchematron(path, executable, title)


def compile_schematron(path: str | os.PathLike, phase: str | None = None, *,
                       sandboxed: bool = False) -> CompiledSchematron:
    """Compile (once per process and file version) an ISO Schematron file; ``sandboxed`` for
    one that came with a document (:mod:`tei_tools.sandbox`: it reads no file and no
    environment variable, and includes only files of its own folder)."""
    resolved = Path(path).resolve()
    try:
        mtime = resolved.stat().st_mtime
    except OSError as exc:
        raise error("IO001", path=str(path), detail=f"cannot read Schematron: {exc.strerror}",
                    hint=None) from None
    return _compile_cached(str(resolved), mtime, phase, sandboxed)


class Columns:
    """Start-tag columns of a document's elements (lxml records only the line).

    Several elements of the same name can start on one line (``<label>1 -</label><label>…``),
    so an element's rank among them, in document order, picks the match. The ranks are computed
    in one pass, on first use, so a document with thousands of problems stays linear.
    """

    def __init__(self, tree: etree._ElementTree, text: str | None):
        self.tree = tree
        self.lines = text.splitlines() if text is not None else []
        self._ranks: dict[etree._Element, int] | None = None

    def _rank(self, element: etree._Element) -> int:
        if self._ranks is None:
            seen: dict[tuple, int] = {}
            self._ranks = {}
            for node in self.tree.iter():
                if isinstance(node.tag, str):
                    key = (node.sourceline, node.tag)
                    self._ranks[node] = seen.get(key, 0)
                    seen[key] = self._ranks[node] + 1
        return self._ranks.get(element, 0)

    def of(self, element: etree._Element) -> int | None:
        line = element.sourceline
        if not line or line > len(self.lines):
            return None
        name = re.escape(etree.QName(element).localname)
        matches = list(re.finditer(r"<(?:[\w.-]+:)?" + name + r"(?=[\s/>])",
                                   self.lines[line - 1]))
        rank = self._rank(element)
        return matches[rank].start() + 1 if rank < len(matches) else None


def run(compiled: CompiledSchematron, tree: etree._ElementTree, where: str,
        text: str | None = None) -> list[Diagnostic]:
    """Validate a parsed document; return one Diagnostic per failed assert or fired report."""
    try:
        # the document's own URI, so that rules can resolve relative links (register files)
        base = Path(where).resolve().as_uri() if where and Path(where).is_file() else None
        output = saxon.transform(compiled.xslt, saxon.to_xdm(tree, base) if base else tree)
    except TeiToolsError as exc:
        reason = exc.diagnostic.message.removeprefix("transformation failed:").strip()
        if isinstance(compiled.xslt, saxon.Sandboxed) and ("prohibited" in reason
                                                          or "disallowed" in reason):
            raise error("SCH007", path=where, schema=Path(compiled.source).name,
                        reason=reason) from None
        raise error("SCH005", path=where, schema=Path(compiled.source).name,
                    reason=exc.diagnostic.message) from None
    result = safexml.parse_bytes(output.encode("utf-8"), "<schematron output>").getroot()
    # found in document order by the one traversal; reported pattern by pattern as before
    failures = sorted(result.iter(f"{{{OUT}}}failure"), key=lambda f: int(f.get("pattern")))
    # the elements in document order, as tei-tools:element() numbers them
    elements = list(tree.getroot().iter(etree.Element)) if failures else []
    columns = Columns(tree, text)
    found = []
    for failure in failures:
        element = elements[int(failure.get("element")) - 1]
        line = element.sourceline
        hints = [" ".join("".join(h.itertext()).split()) for h in failure.iter(f"{{{OUT}}}hint")]
        message = " ".join("".join(failure.find(f"{{{OUT}}}text").itertext()).split())
        found.append(Diagnostic(severity_of(failure.get("role")), failure.get("id"), message,
                                where, line, columns.of(element),
                                "; ".join(hints) or None))
    return found
