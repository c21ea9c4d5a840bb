"""What code that arrives with a document or an edition may do when Saxon runs it.

Untrusted are the Schematron named by a document's ``<?xml-model?>`` and an edition's override
stylesheets (``xslt/*.xsl``), unless trusted explicitly (``validate --trust-schemas``,
``[build] trusted_overrides = true``). They run on Saxon processors configured here:

* ``allow-external-functions=false``: ``environment-variable()`` and
  ``available-environment-variables()`` see nothing, ``system-property()`` answers only the
  ``xsl:*`` properties, and ``xsl:result-document`` does not even compile;
* ``allowedProtocols=""``: ``doc()``, ``document()``, ``unparsed-text()``, ``collection()``,
  ``json-doc()``, ``fn:transform()`` and ``xsl:source-document`` read nothing.

Schematron is compiled from memory, so its processor is sealed from the start. An override must
load its own modules and the shipped ones while it compiles, and Saxon's protocol restriction
can be tightened on a processor but never loosened again: each override gets a processor of its
own, open to ``file:`` while it compiles and sealed before its first run. Only compile-time code
could read a file in that window, so :func:`check_modules` refuses it in the untrusted modules
first: ``use-when``, static variables and parameters, shadow attributes, ``xml:base``, and
imports or includes of anything but the edition's ``xslt/`` folder and the shipped stylesheets.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from . import safexml
from .diagnostics import error

XSL = "http://www.w3.org/1999/XSL/Transform"
ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"
# external functions off: no environment, no Java system properties, no xsl:result-document
UNTRUSTED = {"http://saxon.sf.net/feature/allow-external-functions": "false"}
SEALED = ""  # allowedProtocols: no URI of any scheme is read
# on the root of a wrapper stylesheet (writers/overrides.py): the untrusted modules it imports
UNTRUSTED_MODULES = etree.QName("urn:tei-tools:sandbox", "untrusted")

_TRUST_HINT = ("if you trust this edition's stylesheets, set trusted_overrides = true under "
               "[build] in edition.toml")
_STATIC_TRUE = {"yes", "true", "1"}


def check_modules(modules: Iterable[Path], trusted: Iterable[Path]) -> None:
    """Refuse compile-time code in the untrusted stylesheet ``modules`` and in every module they
    import or include. Those may only be files of the untrusted modules' own folders (checked in
    turn) or of the ``trusted`` folders (tei-tools' stylesheets), resolved, so that a symbolic
    link cannot lead out. Raises TeiToolsError XSL003 naming the file and line."""
    todo, untrusted = [], set()
    for module in map(Path, modules):
        home = Path(os.path.abspath(module)).parent.resolve()
        real = module.resolve()
        if not real.is_relative_to(home):
            _refuse(str(module), None, f"a symbolic link to {real}")
        todo.append(real)
        untrusted.add(home)
    trusted = [Path(f).resolve() for f in trusted]
    seen: set[Path] = set()
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += _checked(module, sorted(untrusted), trusted)


def _checked(module: Path, untrusted: list[Path], trusted: list[Path]) -> list[Path]:
    """The untrusted modules ``module`` loads, after checking ``module`` itself."""
    where = str(module)
    root = safexml.parse_file(module).getroot()  # no DTD, no entities (as Saxon will read it)
    loads: list[Path] = []
    for element in root.iter(etree.Element):
        line = element.sourceline
        is_xsl = etree.QName(element).namespace == XSL
        name = etree.QName(element).localname
        for attribute in element.attrib:
            qname = etree.QName(attribute)
            if qname.namespace == "http://www.w3.org/XML/1998/namespace" and \
                    qname.localname == "base":
                _refuse(where, line, "xml:base (it would move where relative URIs lead)")
            if (is_xsl and qname.namespace is None and qname.localname == "use-when") or (
                    qname.namespace == XSL and qname.localname == "use-when"):
                _refuse(where, line, "use-when (evaluated while compiling)")
            shadow = (is_xsl and qname.namespace is None) or qname.namespace == XSL
            if shadow and qname.localname.startswith("_"):
                _refuse(where, line, f"the shadow attribute {qname.localname} (evaluated while "
                        "compiling)")
        if not is_xsl:
            continue
        if name in ("variable", "param") and \
                (element.get("static") or "").strip().lower() in _STATIC_TRUE:
            _refuse(where, line, f"a static xsl:{name} (evaluated while compiling)")
        elif name in ("use-package", "import-schema"):
            _refuse(where, line, f"xsl:{name}")
        elif name == "result-document":
            _refuse(where, line, "xsl:result-document (it could write outside the output "
                    "folder)")
        elif name in ("import", "include"):
            target = _target(module, element.get("href") or "")
            own = any(target.is_relative_to(f) for f in untrusted)
            if not target.is_file() or not (own or any(target.is_relative_to(f)
                                                       for f in trusted)):
                _refuse(where, line, f"xsl:{name} of {element.get('href')!r}, which is not a "
                        "file of the edition's xslt/ folder or of tei-tools' stylesheets")
            if own:  # another module of the edition: checked in turn
                loads.append(target)
    return loads


def _target(module: Path, href: str) -> Path:
    parsed = urlparse(href)
    if parsed.scheme == "file":
        return Path(unquote(parsed.path)).resolve()
    if parsed.scheme or parsed.netloc:
        return Path("/nonexistent-remote")  # never inside an allowed folder
    return (module.parent / unquote(parsed.path)).resolve()


def _refuse(where: str, line: int | None, what: str) -> None:
    raise error("XSL003", path=where, line=line, what=what, hint=_TRUST_HINT)


def inside(path: str | os.PathLike, folders: Iterable[Path]) -> bool:
    """Whether ``path`` (resolved) lies in one of ``folders`` (resolved)."""
    target = Path(path).resolve()
    return any(target.is_relative_to(Path(f).resolve()) for f in folders)
