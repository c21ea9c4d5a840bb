"""One Saxon processor per process, with compiled stylesheets cached and reused.

saxonche resolves external entities and loads external DTDs by default; both are switched
off here. Documents are handed to Saxon only after lxml parsed them safely (see safexml).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from lxml import etree
from saxonche import PySaxonProcessor, PyXdmNode, PyXsltExecutable

from . import safexml
from .diagnostics import error

_PARSER_FEATURE = "http://saxon.sf.net/feature/parserFeature?uri="
_HARDENING = {
    _PARSER_FEATURE + "http%3A//xml.org/sax/features/external-general-entities": "false",
    _PARSER_FEATURE + "http%3A//xml.org/sax/features/external-parameter-entities": "false",
    _PARSER_FEATURE + "http%3A//apache.org/xml/features/nonvalidating/load-external-dtd": "false",
    # Stylesheets may read local files (doc(), xsl:import); nothing over the network.
    "http://saxon.sf.net/feature/allowedProtocols": "file",
}

_lock = threading.RLock()  # saxonche objects are not safe to share between threads


@cache
def processor() -> PySaxonProcessor:
    """The process-wide, hardened Saxon processor."""
    proc = PySaxonProcessor(license=False)
    for key, value in _HARDENING.items():
        proc.set_configuration_property(key, value)
    return proc


def compile_stylesheet(path: str | os.PathLike) -> PyXsltExecutable:
    """Compile an XSLT 3.0 stylesheet once per process."""
    # cached by resolved path: a str and a Path naming one file must share the compiled sheet
    path = os.fspath(path)
    return _compile(_resolved(path) if os.path.isabs(path) else Path(path).resolve())


@cache
def _resolved(path: str) -> Path:
    # an absolute path resolves the same on every transform: do its file-system calls once
    return Path(path).resolve()


@cache
def _compile(path: Path) -> PyXsltExecutable:
    return _compiled(str(path), stylesheet_file=str(path))


def compile_stylesheet_text(text: str, where: str) -> PyXsltExecutable:
    """Compile a stylesheet made in memory (its relative URIs resolve against its xml:base);
    not cached here: the caller keeps what it compiled. ``where`` names it in errors."""
    return _compiled(where, stylesheet_text=text, encoding="utf-8")


def _compiled(where: str, **source: str) -> PyXsltExecutable:
    with _lock:
        compiler = processor().new_xslt30_processor()
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


def to_xdm(tree: etree._ElementTree | etree._Element, base_uri: str | None = None) -> PyXdmNode:
    """Hand a safely parsed lxml tree to Saxon (serialised without any DOCTYPE)."""
    text = safexml.serialise(tree).decode("utf-8")
    with _lock:
        if not base_uri:
            return processor().parse_xml(xml_text=text)
        # the base URI lets stylesheets resolve doc() and relative links against the source
        builder = processor().new_document_builder()
        builder.set_base_uri(base_uri)
        return builder.parse_xml(xml_text=text)


def _value(proc: PySaxonProcessor, value):
    if isinstance(value, bool):
        return proc.make_boolean_value(value)
    if isinstance(value, int):
        return proc.make_integer_value(value)
    return proc.make_string_value(str(value))


def transform(stylesheet: str | os.PathLike | PyXsltExecutable,
              tree: etree._ElementTree | etree._Element | PyXdmNode,
              params: Mapping[str, object] | None = None) -> str:
    """Run a stylesheet (a file, or one compiled already) on a tree; return the principal
    result as text. ``tree`` may be a node from to_xdm already: several transforms of one
    document then share one hand-over to Saxon."""
    if isinstance(stylesheet, PyXsltExecutable):
        executable, where = stylesheet, None
    else:
        executable, where = compile_stylesheet(stylesheet), str(stylesheet)
    with _lock:
        proc = processor()
        node = tree if isinstance(tree, PyXdmNode) else to_xdm(tree)
        executable.clear_parameters()
        for name, value in (params or {}).items():
            executable.set_parameter(name, _value(proc, value))
        try:
            result = executable.transform_to_string(xdm_node=node)
        except Exception as exc:
            raise error("XSL002", path=where, reason=exc) from None
    return result or ""
