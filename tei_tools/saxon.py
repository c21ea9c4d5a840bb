"""Saxon processors, with compiled stylesheets cached and reused.

saxonche resolves external entities and loads external DTDs by default; both are switched
off here. Documents are handed to Saxon only after lxml parsed them safely (see safexml), so
the JDK parser limits that saxonche 13 enforces (element depth 100, 200 attributes, names of
1,000 characters, 100,000 characters of predefined entity references such as ``&amp;``) would
only refuse TEI that lxml accepted: they are raised to bounds above lxml's. What Saxon's parser
still refuses is XML005, an error of that document alone.

The trusted processor (:func:`processor`) runs tei-tools' own stylesheets and schemas, the
schemas and stylesheets a user names, and trusted overrides; it may read local files. Code that
came with a document or an edition runs sandboxed (:mod:`tei_tools.sandbox`): Schematron on
:func:`sandbox`, an edition's override wrapper on a sealed processor of its own. A node must
come from the processor that runs the stylesheet, so :func:`to_xdm` gives a :class:`Source`
that is parsed once per processor it meets.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree
from saxonche import PySaxonProcessor, PyXdmNode, PyXsltExecutable

from . import safexml, sandbox
from .diagnostics import error
from .resources import data_dir

_PARSER_FEATURE = "http://saxon.sf.net/feature/parserFeature?uri="
_PARSER_PROPERTY = "http://saxon.sf.net/feature/parserProperty?uri="
_LIMITS = {  # JDK names; each above what lxml (without huge_tree) lets through
    "jdk.xml.maxElementDepth": "1000",               # lxml: 256
    "jdk.xml.elementAttributeLimit": "0",            # none (lxml has none either)
    "jdk.xml.maxXMLNameLimit": "50000",              # lxml: 50,000
    "jdk.xml.maxGeneralEntitySizeLimit": "100000000",  # &amp; … count as entity text
    "jdk.xml.totalEntitySizeLimit": "100000000",
}
_HARDENING = {
    _PARSER_FEATURE + "http%3A//xml.org/sax/features/external-general-entities": "false",
    _PARSER_FEATURE + "http%3A//xml.org/sax/features/external-parameter-entities": "false",
    _PARSER_FEATURE + "http%3A//apache.org/xml/features/nonvalidating/load-external-dtd": "false",
    **{_PARSER_PROPERTY + name: value for name, value in _LIMITS.items()},
}

_lock = threading.RLock()  # saxonche objects are not safe to share between threads


def _new_processor(settings: Mapping[str, str]) -> PySaxonProcessor:
    proc = PySaxonProcessor(license=False)
    for key, value in {**_HARDENING, **settings}.items():
        proc.set_configuration_property(key, value)
    return proc


@cache
def processor() -> PySaxonProcessor:
    """The process-wide trusted processor: local files only, nothing over the network."""
    return _new_processor({sandbox.ALLOWED_PROTOCOLS: "file"})


@cache
def sandbox_processor() -> PySaxonProcessor:
    """The process-wide processor for untrusted code compiled from memory (Schematron): no
    URI of any scheme is read, no environment, no xsl:result-document."""
    return _new_processor({**sandbox.UNTRUSTED, sandbox.ALLOWED_PROTOCOLS: sandbox.SEALED})


@dataclass(frozen=True, eq=False)
class Sandboxed:
    """A stylesheet compiled on a sandboxed processor (it runs only on that processor's nodes)."""

    executable: PyXsltExecutable
    processor: PySaxonProcessor


Compiled = PyXsltExecutable | Sandboxed


def compile_stylesheet(path: str | os.PathLike) -> Compiled:
    """Compile an XSLT 3.0 stylesheet once per process: a wrapper of untrusted overrides
    (:mod:`tei_tools.writers.overrides`) sandboxed, any other file on the trusted processor."""
    # cached by resolved path: a str and a Path naming one file must share the compiled sheet
    path = os.fspath(path)
    return _compile(_resolved(path) if os.path.isabs(path) else Path(path).resolve())


@cache
def _resolved(path: str) -> Path:
    # an absolute path resolves the same on every transform: do its file-system calls once
    return Path(path).resolve()


@cache
def _compile(path: Path) -> Compiled:
    untrusted = _untrusted_modules(path)
    if untrusted is None:
        return _compiled(processor(), str(path), stylesheet_file=str(path))
    sandbox.check_modules(untrusted, [data_dir("xslt")])
    # its own processor, open to file: while it loads its modules, sealed before it runs
    proc = _new_processor({**sandbox.UNTRUSTED, sandbox.ALLOWED_PROTOCOLS: "file"})
    executable = _compiled(proc, str(path), stylesheet_file=str(path))
    proc.set_configuration_property(sandbox.ALLOWED_PROTOCOLS, sandbox.SEALED)
    return Sandboxed(executable, proc)


def _untrusted_modules(path: Path) -> list[Path] | None:
    """The untrusted modules a wrapper names on its root element, or None for a stylesheet
    without that mark."""
    try:
        for _, root in etree.iterparse(str(path), events=("start",), resolve_entities=False,
                                       no_network=True, load_dtd=False):
            names = root.get(str(sandbox.UNTRUSTED_MODULES))
            break
        else:
            return None
    except (OSError, etree.XMLSyntaxError):
        return None  # Saxon reports it, with its own message
    if names is None:
        return None
    return [Path(unquote(urlparse(uri).path)) for uri in names.split()]


def compile_stylesheet_text(text: str, where: str, *, sandboxed: bool = False) -> Compiled:
    """Compile a stylesheet made in memory (its relative URIs resolve against its xml:base);
    ``sandboxed`` for code that came with a document. Not cached here: the caller keeps what it
    compiled. ``where`` names it in errors."""
    if not sandboxed:
        return _compiled(processor(), where, stylesheet_text=text, encoding="utf-8")
    proc = sandbox_processor()
    return Sandboxed(_compiled(proc, where, stylesheet_text=text, encoding="utf-8"), proc)


def _compiled(proc: PySaxonProcessor, where: str, **source: str) -> PyXsltExecutable:
    with _lock:
        compiler = proc.new_xslt30_processor()
        try:
            executable = compiler.compile_stylesheet(**source)
        except Exception as exc:  # saxonche raises PySaxonApiError with the compiler's message
            raise error("XSL001", path=where, detail=f": {_errors_only(str(exc))}",
                        hint="fix the stylesheet, or the one that imports it") from None
        if executable is None:
            raise error("XSL001", path=where, detail="", hint=None)
    return executable


def _errors_only(message: str) -> str:
    """The compiler's message without its warnings, which would bury the error."""
    blocks, keep = [], True
    for line in message.strip().splitlines():
        if not line.startswith(" "):  # a message starts unindented, its details are indented
            keep = not line.startswith("Warning")
        if keep:
            blocks.append(line)
    return "\n".join(blocks) or message


class Source:
    """A safely parsed document on its way to Saxon: serialised once (without any DOCTYPE),
    parsed once for each processor that runs a stylesheet on it."""

    def __init__(self, tree: etree._ElementTree | etree._Element, base_uri: str | None = None):
        self.text = safexml.serialise(tree).decode("utf-8")
        self.base_uri = base_uri
        self._nodes: list[tuple[PySaxonProcessor, PyXdmNode]] = []

    def node(self, proc: PySaxonProcessor | None = None) -> PyXdmNode:
        proc = proc or processor()
        for known, node in self._nodes:
            if known is proc:
                return node
        node = _parse(proc, self.text, self.base_uri)
        self._nodes.append((proc, node))
        return node


def _parse(proc: PySaxonProcessor, text: str, base_uri: str | None) -> PyXdmNode:
    with _lock:
        try:
            if not base_uri:
                return proc.parse_xml(xml_text=text)
            # the base URI lets stylesheets resolve doc() and relative links against the source
            builder = proc.new_document_builder()
            builder.set_base_uri(base_uri)
            return builder.parse_xml(xml_text=text)
        except Exception as exc:  # PySaxonApiError: a limit of Saxon's own parser
            raise error("XML005", path=base_uri and unquote(urlparse(base_uri).path),
                        reason=" ".join(str(exc).split())) from None


def to_xdm(tree: etree._ElementTree | etree._Element, base_uri: str | None = None) -> Source:
    """Hand a safely parsed lxml tree to Saxon; several transforms of one document then share
    one serialisation and one parse per processor."""
    return Source(tree, base_uri)


def _value(proc: PySaxonProcessor, value):
    if isinstance(value, bool):
        return proc.make_boolean_value(value)
    if isinstance(value, int):
        return proc.make_integer_value(value)
    return proc.make_string_value(str(value))


def transform(stylesheet: str | os.PathLike | Compiled,
              tree: etree._ElementTree | etree._Element | Source | PyXdmNode,
              params: Mapping[str, object] | None = None) -> str:
    """Run a stylesheet (a file, or one compiled already) on a tree; return the principal
    result as text. ``tree`` may be a Source from to_xdm (or a node of the trusted processor)."""
    if isinstance(stylesheet, PyXsltExecutable | Sandboxed):
        compiled, where = stylesheet, None
    else:
        compiled, where = compile_stylesheet(stylesheet), str(stylesheet)
    if isinstance(compiled, Sandboxed):
        executable, proc = compiled.executable, compiled.processor
    else:
        executable, proc = compiled, processor()
    with _lock:
        if isinstance(tree, PyXdmNode):
            node = tree
        else:
            node = (tree if isinstance(tree, Source) else Source(tree)).node(proc)
        executable.clear_parameters()
        for name, value in (params or {}).items():
            executable.set_parameter(name, _value(proc, value))
        try:
            result = executable.transform_to_string(xdm_node=node)
        except Exception as exc:
            raise error("XSL002", path=where, reason=exc) from None
    return result or ""
