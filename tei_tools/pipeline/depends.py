"""What a build stage's code is, derived from the imports rather than kept in a list.

A stage's fingerprint must change whenever any code it runs changes (else an upgrade leaves
stale outputs), and only then (else every upgrade rebuilds everything). A hand-kept table of
paths drifts: it once left out ``text.py``, so a fix there did not re-convert. Here the stage's
entry points are read from its function in :mod:`.stages` (the modules it imports), and every
module of the package those import, directly or not, is part of the stage; so is the package
data beside them (``diagnostics/codes/*.toml``, ``readers/transcript/vocab/``). Imports are
read with :mod:`ast`, not executed, so finding them costs no import time and any import counts
(also one inside a function or under ``TYPE_CHECKING``: over-counting only costs a rebuild).
"""

from __future__ import annotations

import ast
from pathlib import Path


def module_file(package_root: Path, name: str) -> Path | None:
    """The source file of module ``name`` (``tei_tools.a.b``) under the package folder."""
    parts = name.split(".")[1:]
    base = package_root.joinpath(*parts)
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    return None


def imported_names(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Absolute names of every module ``tree`` may import (``from m import x``: m and m.x,
    since x may be a submodule; names that are no module are dropped by the caller)."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
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
        todo.extend(imported_names(ast.parse(path.read_bytes(), str(path)), name, is_package))
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
    tree = ast.parse(stages_source.read_bytes(), str(stages_source))
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
