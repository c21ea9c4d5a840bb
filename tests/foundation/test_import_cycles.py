"""No import circles in tei_tools/ (issue 12): the graph of top-level imports, built with ``ast``.

Only module-level imports count (an import inside a function runs later, when every module is
loaded; ``if TYPE_CHECKING:`` blocks are not run at all). A package import ``from . import x``
is an edge to the submodule ``x`` when there is one. Importing ``a.b.c`` first runs ``a`` and
``a.b``: a module that imports a submodule of a package also depends on that package.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "tei_tools"

# Known circles outside the reader, each with the issue that will remove it. Every circle found
# must be listed here (as the sorted tuple of its modules); a listed circle that is gone fails
# too, so that the list only shrinks.
ALLOWED: set[tuple[str, ...]] = set()


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(current: str, is_package: bool, level: int, module: str | None) -> str:
    if level == 0:
        return module or ""
    base = current.split(".") if is_package else current.split(".")[:-1]
    base = base[:len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def _top_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If) and not _is_type_checking(node.test):
            found += [n for n in node.body + node.orelse
                      if isinstance(n, ast.Import | ast.ImportFrom)]
        elif isinstance(node, ast.Try):
            found += [n for n in node.body if isinstance(n, ast.Import | ast.ImportFrom)]
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _with_parents(name: str, modules: dict[str, Path]) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:k]) for k in range(1, len(parts) + 1)
            if ".".join(parts[:k]) in modules]


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in _top_level_imports(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = _resolve(name, is_package, node.level, node.module)
                targets = [base]
                targets += [f"{base}.{alias.name}" for alias in node.names
                            if f"{base}.{alias.name}" in modules]
            for target in targets:
                for dep in _with_parents(target, modules):
                    # a module's own packages are running already when it is imported
                    if dep != name and not name.startswith(dep + "."):
                        graph[name].add(dep)
    return graph


def cycles(graph: dict[str, set[str]]) -> set[tuple[str, ...]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[tuple[str, ...]] = set()
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.add(tuple(sorted(component)))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_graph_sees_the_reader_imports() -> None:
    graph = import_graph()
    inline = "tei_tools.readers.transcript.body.inline"
    assert f"{inline}.rules" in graph[f"{inline}.core"]
    assert f"{inline}.state" in graph[f"{inline}.sic"]


def test_cycles_are_found() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == {("a", "b", "c")}
    assert cycles({"a": {"b"}, "b": set()}) == set()


def test_no_import_cycles_in_tei_tools() -> None:
    found = cycles(import_graph())
    assert found - ALLOWED == set(), f"import circles: {sorted(found - ALLOWED)}"
    assert ALLOWED - found == set(), f"allowed circles that are gone: {sorted(ALLOWED - found)}"


# Imports of tei_tools modules inside functions, by module, each with why it waits. Anything else
# is an import that dodges a circle (or a leftover) and fails; a listed module that no longer
# needs its entry fails too, so that the list only shrinks.
LAZY_IMPORTS: dict[str, str] = {
    "tei_tools.cli": "the command line loads a command's machinery only when it runs",
    "tei_tools.pipeline.stages": "a stage loads its writer (Saxon, WeasyPrint) only when it runs",
    "tei_tools.pipeline": "a build loads the HTML writer only when it has pages to place",
    "tei_tools.serve.steps": "the preview calls the public API, whatever module stands behind it",
}


def _function_level_imports(tree: ast.Module) -> list[ast.ImportFrom | ast.Import]:
    found: list[ast.ImportFrom | ast.Import] = []
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(fn):
                if _imports_project_module(node):
                    found.append(node)
    return found


def _imports_project_module(node: ast.AST) -> bool:
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").startswith("tei_tools")
    return isinstance(node, ast.Import) and any(a.name.startswith("tei_tools")
                                                for a in node.names)


def _lazy_owner(name: str) -> str | None:
    for owner in sorted(LAZY_IMPORTS, key=len, reverse=True):
        if name == owner or name.startswith(owner + "."):
            return owner
    return None


def test_no_imports_inside_functions_except_the_listed_lazy_ones():
    unlisted: list[str] = []
    used: set[str] = set()
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in _function_level_imports(tree):
            owner = _lazy_owner(name)
            if owner is None:
                unlisted.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
            else:
                used.add(owner)
    assert not unlisted, ("imports inside functions (move them to the top of the module; if "
                          f"that makes a circle, break the circle): {unlisted}")
    assert used == set(LAZY_IMPORTS), f"entries no longer needed: {set(LAZY_IMPORTS) - used}"
