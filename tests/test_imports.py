"""No import circle among the modules of src/dyads, read from the source with ``ast``.

Every ``import`` and ``from ... import`` statement of a module counts: module-level ones,
ones inside functions and methods (lazy imports), and ones under ``if TYPE_CHECKING:`` —
a deferred import still makes one module depend on the other. ``from pkg import name``
points at the submodule ``pkg.name`` when there is one, else at the package ``pkg``.

One exception, the top-level ``dyads/__init__.py``: it is the public face whose functions
(``dyads.code`` ...) import the pipeline when called, while Python imports that package
before any of its submodules anyway, so every module already depends on it. Its lazy
imports are left out of the graph, and instead it must import nothing of dyads at module
level, which keeps it a leaf whenever it is imported.
"""
from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = "dyads"


def _modules() -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package's __init__)."""
    found = {}
    for path in sorted((SRC / ROOT).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def _targets(node, module: str, is_package: bool, known) -> list[str]:
    """The dotted names an import statement binds, resolved against ``module``."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[:len(base) - (node.level - 1)]
        source = ".".join(base + ([node.module] if node.module else []))
    else:
        source = node.module or ""
    return [f"{source}.{a.name}" if f"{source}.{a.name}" in known else source
            for a in node.names]


def _owner(name: str, known) -> str | None:
    """The dyads module a dotted name lives in (``dyads.x.func`` -> ``dyads.x``), if any."""
    while name not in known and "." in name:
        name = name.rsplit(".", 1)[0]
    return name if name in known else None


def _imports(tree: ast.AST, module: str, is_package: bool, known) -> set[str]:
    deps = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for target in _targets(node, module, is_package, known):
                owner = _owner(target, known)
                if owner is not None and owner != module:
                    deps.add(owner)
    return deps


def import_graph() -> dict[str, set[str]]:
    known = _modules()
    graph = {}
    for module, (path, is_package) in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        graph[module] = set() if module == ROOT else _imports(tree, module, is_package, known)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as [a, b, ..., a], or None; an iterative depth-first search."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    for start in sorted(graph):
        if state.get(start):
            continue
        path, stack = [start], [iter(sorted(graph[start]))]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(graph[nxt])))
    return None


def test_no_import_circle_among_dyads_modules():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import circle: " + " -> ".join(cycle)


def test_the_package_face_imports_nothing_of_dyads_at_module_level():
    tree = ast.parse((SRC / ROOT / "__init__.py").read_text(encoding="utf-8"))
    top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert not [ast.unparse(n) for n in top if isinstance(n, ast.ImportFrom) and n.level
                or any(a.name.startswith(ROOT) for a in getattr(n, "names", []))]


def test_the_graph_reader_sees_lazy_and_type_checking_imports():
    # the two circles this test was written against, in the form they had
    graph = {"dyads.engines": {"dyads.distributed"}, "dyads.distributed": {"dyads.engines"}}
    assert find_cycle(graph) == ["dyads.distributed", "dyads.engines", "dyads.distributed"]
    source = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .dating import X\n"
              "def f():\n    from . import engines\n    from .events import lexicon\n")
    known = {"dyads.occasions": None, "dyads.dating": None, "dyads.engines": None,
             "dyads.events": None, "dyads.events.lexicon": None}
    assert _imports(ast.parse(source), "dyads.occasions", False, known) == {
        "dyads.dating", "dyads.engines", "dyads.events.lexicon"}
