"""What a build stage's code is, derived from the imports rather than kept in a list.

A stage's fingerprint must change whenever any code it runs changes (else an upgrade leaves
stale outputs), and only then (else every upgrade rebuilds everything). A hand-kept table of
paths drifts: it once left out ``text.py``, so a fix there did not re-convert. Here the stage's
entry points are read from its function in :mod:`.stages` (the modules it imports), and every
module of the package those import, directly or not, is part of the stage; so is the package
data beside them (``diagnostics/codes/*.toml``, ``readers/transcript/vocab/``). Imports are
read with :mod:`ast`, not executed, so finding them costs no import time and any import counts
(also one inside a function or under ``TYPE_CHECKING``: over-counting only costs a rebuild).

The shipped stylesheets and schemas a stage loads are derived the same way: the code names them
with ``xslt_path("html/document.xsl")`` / ``schema_path("tei-tools.rng")`` (an f-string names
the folder before its first placeholder), and every file those import, include or read with
``doc()`` is followed, so a stylesheet counts for exactly the stages that load it.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

# resources.py's locators: function name → the shipped data folder it reads from
DATA_LOCATORS = {"xslt_path": "xslt", "schema_path": "schemas"}
# a relative file name quoted in a stylesheet or schema: href="../common/text.xsl",
# doc(resolve-uri('../common/conventions.xml', …)), <sch:include href="values.sch"/>
_QUOTED_FILE = re.compile(r"""["']((?:\.{1,2}/)?[\w./-]+\.(?:xsl|xslt|xml|css|js|rng|sch))["']""")


def module_file(package_root: Path, name: str) -> Path | None:
    """The source file of module ``name`` (``tei_tools.a.b``) under the package folder."""
    parts = name.split(".")[1:]
    base = package_root.joinpath(*parts)
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    return None


def _statements(node: ast.AST) -> Iterator[ast.stmt]:
    """Every statement under ``node``, nested blocks included: imports are statements, and
    walking the expressions too (``ast.walk``) costs most of the time of finding them."""
    for field in ("body", "orelse", "finalbody", "handlers", "cases"):
        for child in getattr(node, field, None) or ():
            if isinstance(child, ast.stmt):
                yield child
            yield from _statements(child)


@lru_cache(maxsize=4096)
def _parse(path: Path, size: int, mtime_ns: int) -> ast.Module:
    """One parse per file version per process: every stage walks the same modules."""
    return ast.parse(path.read_bytes(), str(path))


def parse_file(path: Path) -> ast.Module:
    st = path.stat()
    return _parse(path, st.st_size, st.st_mtime_ns)


def imported_names(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Absolute names of every module ``tree`` may import (``from m import x``: m and m.x,
    since x may be a submodule; names that are no module are dropped by the caller)."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in _statements(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                origin = ".".join([*base, node.module] if node.module else base)
            else:
                origin = node.module or ""
            found.add(origin)
            found.update(f"{origin}.{alias.name}" for alias in node.names)
    return found


def module_closure(package_root: Path, entries: list[str]) -> list[Path]:
    """The source files of ``entries`` and of every module of the package they import,
    with the packages that contain them (their ``__init__`` runs too)."""
    top = package_root.name
    seen: dict[str, Path] = {}
    todo = list(entries)
    while todo:
        name = todo.pop()
        if name in seen or not (name == top or name.startswith(top + ".")):
            continue
        path = module_file(package_root, name)
        if path is None:  # an attribute imported with "from", not a module
            continue
        seen[name] = path
        todo.append(name.rpartition(".")[0])
        is_package = path.name == "__init__.py"
        todo.extend(imported_names(parse_file(path), name, is_package))
    return sorted(set(seen.values()))


def package_data(package_dir: Path) -> list[Path]:
    """Data files that belong to a package: in its folder and in subfolders that are not
    packages of their own (codes/*.toml, vocab/…). ``_data/`` (xslt, schemas, when installed)
    and ``__pycache__`` are not: each stage names the shipped data it reads."""
    found = []
    for path in sorted(package_dir.iterdir()):
        if path.is_dir() and not path.name.startswith("_") and not (path / "__init__.py").exists():
            found += [p for p in sorted(path.rglob("*")) if p.is_file()
                      and "__pycache__" not in p.parts]
        elif path.is_file() and path.suffix not in (".py", ".pyc"):
            found.append(path)
    return found


def stage_entries(stages_source: Path) -> dict[str, list[str]]:
    """Function name → the modules it imports, for the functions of the stages module."""
    module = "tei_tools.pipeline.stages"
    tree = parse_file(stages_source)
    return {node.name: sorted(imported_names(node, module, False))
            for node in tree.body if isinstance(node, ast.FunctionDef)}


def stage_files(package_root: Path, function: str) -> list[Path]:
    """Every file the stage function ``function`` of :mod:`.stages` depends on: its code and
    the package data beside that code."""
    entries = stage_entries(package_root / "pipeline" / "stages.py")[function]
    code = module_closure(package_root, entries)
    data = [f for path in code if path.name == "__init__.py"
            for f in package_data(path.parent)]
    return sorted({*code, *data})


def data_references(code: list[Path]) -> set[tuple[str, str]]:
    """(data folder, name) for each ``xslt_path(…)`` / ``schema_path(…)`` call in ``code``: a
    literal names a file or folder; an f-string names the folder before its first placeholder
    (``f"html/{name}"`` → ``html``)."""
    found: set[tuple[str, str]] = set()
    for path in code:
        if not any(name.encode() + b"(" in path.read_bytes() for name in DATA_LOCATORS):
            continue                    # most modules load no data: skip the slow full walk
        for node in ast.walk(parse_file(path)):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in DATA_LOCATORS:
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add((DATA_LOCATORS[name], arg.value))
            elif isinstance(arg, ast.JoinedStr):
                lead = arg.values[0].value if arg.values and isinstance(
                    arg.values[0], ast.Constant) else ""
                found.add((DATA_LOCATORS[name], str(lead).rpartition("/")[0]))
    return found


def data_closure(root: Path, names: set[str]) -> list[Path]:
    """The files under the data folder ``root`` that ``names`` denote (a folder: every file in
    it), with every file they reference in turn (imports, includes, ``doc()``), inside ``root``."""
    root = root.resolve()
    seen: set[Path] = set()
    todo = [root / name if name else root for name in sorted(names)]
    while todo:
        path = todo.pop().resolve()
        if path in seen or not path.is_relative_to(root):
            continue
        if path.is_dir():
            todo += [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
            continue
        if not path.is_file():
            continue
        seen.add(path)
        if path.suffix in (".xsl", ".xslt", ".rng", ".sch"):
            text = path.read_text("utf-8", errors="replace")
            todo += [path.parent / ref for ref in _QUOTED_FILE.findall(text)]
    return sorted(seen)


def stage_data(package_root: Path, function: str,
               data_dir: Callable[[str], Path]) -> list[tuple[str, Path]]:
    """(``folder/relative name``, path) of every shipped stylesheet and schema file the stage
    function ``function`` loads; ``data_dir`` locates a data folder ("xslt", "schemas")."""
    entries = stage_entries(package_root / "pipeline" / "stages.py")[function]
    refs = data_references(module_closure(package_root, entries))
    found = []
    for folder in sorted({f for f, _ in refs}):
        root = data_dir(folder)
        for path in data_closure(root, {n for f, n in refs if f == folder}):
            found.append((f"{folder}/{path.relative_to(root.resolve()).as_posix()}", path))
    return found
