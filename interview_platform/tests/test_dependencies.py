"""The dependency picture of the README ("Architecture"), checked on the source.

Every module outside tests, migrations and `bench/` is parsed (not imported) and:

1. an app imports only apps below it in LAYERS (the platform and the vocabulary at the bottom
   import no app at all);
2. no module imports another of this project's packages inside a function (the way a cycle
   hides), except the documented receivers' `AppConfig.ready()`, which imports its own app;
3. the modules, including imports inside functions, form no cycle.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Top to bottom: an app may import the apps after it, never one before it.
LAYERS = ("web", "analytics", "jobprep", "sessions_app", "questions", "analysis", "accounts")
# The bottom: shared vocabulary and hooks, and the API platform (envelope, request id, limits).
BOTTOM = ("core", "interview_platform")
# The wiring on top of everything: it names every app (URLs, Celery) and imports none of their
# modules at import time, so it is left out of the layer rule.
WIRING = ("interview_platform.urls", "interview_platform.celery", "interview_platform.settings")
PACKAGES = LAYERS + BOTTOM
SKIPPED_DIRS = {"tests", "migrations", "__pycache__"}


@dataclass(frozen=True)
class Import:
    source: str  # module importing
    target: str  # module imported (resolved to a file of the project)
    line: int
    in_function: bool


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if SKIPPED_DIRS & set(path.relative_to(ROOT).parts):
                continue
            modules[_module_name(path)] = path
    return modules


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The project module `name` refers to (a module, or the package holding the name)."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(module: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - child.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                # `from x import y` imports the module x.y when there is one, else x.
                names = [f"{base}.{alias.name}" for alias in child.names]
            for name in names:
                target = _resolve(name, modules)
                if target is not None and target != module:
                    found.append(Import(module, target, child.lineno, in_function))
            visit(child, nested)

    visit(tree, False)
    return found


def _top(module: str) -> str:
    return module.split(".")[0]


def _all_imports() -> list[Import]:
    modules = _project_modules()
    return [imp for name, path in modules.items() for imp in _imports(name, path, modules)]


def _is_wiring(module: str) -> bool:
    return any(module == w or module.startswith(f"{w}.") for w in WIRING)


def _rank(module: str) -> int:
    top = _top(module)
    return LAYERS.index(top) if top in LAYERS else len(LAYERS)


def test_apps_import_only_the_layers_below_them():
    upward = [
        f"{imp.source}:{imp.line} imports {imp.target}"
        for imp in _all_imports()
        if not _is_wiring(imp.source)
        and _top(imp.source) != _top(imp.target)
        and (
            _rank(imp.target) < _rank(imp.source)
            or (_top(imp.source) in BOTTOM and _top(imp.target) not in BOTTOM)
        )
    ]
    assert upward == []


def test_no_module_imports_another_package_inside_a_function():
    hidden = [
        f"{imp.source}:{imp.line} imports {imp.target} inside a function"
        for imp in _all_imports()
        if imp.in_function and _top(imp.source) != _top(imp.target)
    ]
    assert hidden == []


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return found


def _runs(imp: Import, modules: set[str]) -> list[str]:
    """What importing `imp.target` executes: the module and the packages above it (their
    `__init__`), except the packages the importer is itself inside (already running)."""
    ran, name = [imp.target], imp.target.rpartition(".")[0]
    while name:
        if name in modules and not f"{imp.source}.".startswith(f"{name}."):
            ran.append(name)
        name = name.rpartition(".")[0]
    return ran


def test_no_import_cycle_between_modules():
    modules = set(_project_modules())
    edges: dict[str, set[str]] = {}
    for imp in _all_imports():
        if not _is_wiring(imp.source):
            edges.setdefault(imp.source, set()).update(_runs(imp, modules))
    assert _cycles(edges) == []


def test_no_import_cycle_between_apps():
    edges: dict[str, set[str]] = {}
    for imp in _all_imports():
        if not _is_wiring(imp.source) and _top(imp.source) != _top(imp.target):
            edges.setdefault(_top(imp.source), set()).add(_top(imp.target))
    assert _cycles(edges) == []


def test_the_checker_sees_a_hidden_upward_import(tmp_path):
    """The checks above must be able to fail: a function-level import of a higher app is found."""
    path = tmp_path / "services.py"
    path.write_text("def f():\n    from analytics.services import x\n", encoding="utf-8")
    modules = {"questions.services": path, "analytics.services": path}
    (found,) = _imports("questions.services", path, modules)
    assert found.in_function and found.target == "analytics.services"
    assert _rank(found.target) < _rank(found.source)
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
    # Importing a.tasks from a.services.x runs a.services' __init__ too, not when inside it.
    imp = Import("a.tasks", "a.services.run", 1, False)
    assert _runs(imp, {"a", "a.services", "a.services.run"}) == ["a.services.run", "a.services"]
    inside = Import("a.services.x", "a.services.run", 1, False)
    assert _runs(inside, {"a", "a.services", "a.services.run"}) == ["a.services.run"]


def test_no_module_outside_tests_and_bench_passes_400_lines():
    long = {
        name: count
        for name, path in _project_modules().items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


MAX_MODULE_LINES = 400


def _long_modules(root: Path, packages: tuple[str, ...]) -> list[str]:
    found = []
    for package in packages:
        for path in (root / package).rglob("*.py"):
            if SKIPPED_DIRS & set(path.relative_to(root).parts):
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_MODULE_LINES:
                found.append(f"{path.relative_to(root)}: {lines} lines")
    return found


def test_no_module_outside_tests_and_bench_is_over_400_lines():
    """Past 400 lines a module has been doing more than one job: split it by job instead."""
    assert _long_modules(ROOT, PACKAGES) == []


def test_the_length_check_sees_a_long_module(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "services.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1))
    (tmp_path / "app" / "tests").mkdir()
    (tmp_path / "app" / "tests" / "test_x.py").write_text("x = 1\n" * 999)
    assert _long_modules(tmp_path, ("app",)) == ["app/services.py: 401 lines"]
