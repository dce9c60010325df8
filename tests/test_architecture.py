"""The package's shape: layers import only downwards, and no module imports itself back.

Both tests read the source (AST), so imports inside functions count as much as those at the top
of a module; only imports under ``if TYPE_CHECKING:`` are left out of the cycle test (they never
run), while the layer test counts them too (an annotation is still a dependency).

The layers, lowest first (docs/DESIGN.md, "Layers"):

====  ==========================================  =============================================
 0    ``errors i18n paths logs secrets instance``  foundation: no dependency on any layer above
 1    ``domain``                                  pure rules: no Qt, no peewee, no I/O
 2    ``store`` · ``tabular`` · ``connectors``    SQL; files in and out; the platforms' APIs
 3    ``context``                                 the application context handed to every job
 4    ``services``                                use cases: one transaction each
 5    ``startup``                                 opening the database the app's way
 6    ``cli`` · ``ui``                            the two front ends
 7    ``app`` ``__main__``                        start-up: arguments, then the CLI or the GUI
====  ==========================================  =============================================

Packages on the same layer do not import each other (``store`` never reads files; ``tabular``
never touches the database; the CLI never imports a widget).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dropship_desktop"

#: Each top-level module or package of ``dropship_desktop`` and its layer.
LAYERS: dict[str, int] = {
    "__init__": 0,
    "errors": 0,
    "i18n": 0,
    "messages": 0,  # the message catalogue (arch1): imports i18n only; domain may use it
    "paths": 0,
    "logs": 0,
    "secrets": 0,
    "instance": 0,
    "domain": 1,
    "store": 2,
    "tabular": 2,
    "connectors": 2,
    "context": 3,
    "services": 4,
    "startup": 5,
    "cli": 6,
    "ui": 6,
    "app": 7,
    "__main__": 7,
}

#: Layers made of single modules rather than packages: their modules may import each other.
MODULE_LAYERS = {0, 7}

#: Third-party packages only some groups may import.
RESTRICTED = {
    # paths asks Qt for the per-user data location (QStandardPaths), inside a function.
    "PySide6": {"ui", "app", "paths"},
    "shiboken6": {"ui", "app"},
    "peewee": {"store", "services", "startup", "cli", "ui", "app"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _group(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for statement in node.body:
                hidden.update(id(n) for n in ast.walk(statement))
    return hidden


def _imports(path: Path, *, runtime_only: bool) -> Iterator[tuple[str, int]]:
    """``(imported module, line)`` for every import in *path*, wherever it is."""
    me = _module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    yield from _imports_in(path.read_text(encoding="utf-8"), package, runtime_only=runtime_only)


def _imports_in(source: str, package: str, *, runtime_only: bool) -> Iterator[tuple[str, int]]:
    """:func:`_imports` of *source*, a module of *package*."""
    tree = ast.parse(source)
    hidden = _type_checking_nodes(tree) if runtime_only else set()
    for node in ast.walk(tree):
        if id(node) in hidden:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base_parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*base_parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                yield (candidate if candidate in MODULES else base), node.lineno


def _own_module(name: str) -> str | None:
    """The module of ours that importing *name* runs (None for a third-party name)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def test_every_top_level_module_has_a_layer() -> None:
    groups = {_group(m) for m in MODULES}
    assert groups <= set(LAYERS), f"give these a layer: {sorted(groups - set(LAYERS))}"


def test_no_module_imports_from_a_layer_above_or_beside_it() -> None:
    offenders = []
    for module, path in MODULES.items():
        group = _group(module)
        for name, line in _imports(path, runtime_only=False):
            top = name.split(".")[0]
            if top in RESTRICTED and group not in RESTRICTED[top]:
                offenders.append(f"{module}:{line} imports {name} ({group} may not)")
                continue
            target = _own_module(name)
            if target is None or not target.startswith("dropship_desktop"):
                continue
            other = _group(target)
            if other in (group, "__init__") or LAYERS[other] == LAYERS[group] in MODULE_LAYERS:
                continue
            if LAYERS[other] >= LAYERS[group]:
                offenders.append(
                    f"{module}:{line} imports {target} (layer {LAYERS[other]} {other}"
                    f" from layer {LAYERS[group]} {group})"
                )
    assert not offenders, "imports against the layers:\n" + "\n".join(offenders)


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for name, _line in _imports(path, runtime_only=True):
            target = _own_module(name)
            if target is not None and target != module and target.startswith("dropship_desktop"):
                graph[module].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
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
    return found


def test_there_are_no_import_cycles_counting_imports_inside_functions() -> None:
    cycles = _cycles(_graph())
    assert not cycles, "import cycles:\n" + "\n".join(" ↔ ".join(c) for c in cycles)


def test_the_cycle_finder_finds_a_cycle_through_a_function_level_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def f():\n    from ..store.db import db\n", ["dropship_desktop.store.db"]),
        (
            "class C:\n    def m(self):\n        from .. import services\n",
            ["dropship_desktop.services"],
        ),
        ("import dropship_desktop.ui.tasks\n", ["dropship_desktop.ui.tasks"]),
        ("if TYPE_CHECKING:\n    from ..ui.tasks import DbWorker\n", []),
    ],
)
def test_imports_inside_functions_are_seen(source: str, expected: list[str]) -> None:
    found = [
        _own_module(n)
        for n, _line in _imports_in(source, "dropship_desktop.domain", runtime_only=True)
    ]
    assert found == expected


_SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA|CREATE|DROP|REPLACE)\s")


def test_the_front_ends_run_no_sql_of_their_own() -> None:
    """SQL lives in ``store`` (and in ``services`` for a use case's own writes): the views and
    the commands call a store query or a service instead."""
    offenders = []
    for module, path in MODULES.items():
        if _group(module) not in ("ui", "cli"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and _SQL.match(text):
                offenders.append(f"{module}:{node.lineno} {text[:50]!r}")
    assert not offenders, "SQL in a front end (move it to store/):\n" + "\n".join(offenders)


# ---- the application context: no process-global state outside it ------------------------------


def _names_imported_from(tree: ast.AST, module_suffix: str) -> Iterator[tuple[str, int]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith(module_suffix):
            for alias in node.names:
                yield alias.name, node.lineno


def test_only_the_store_and_the_context_touch_the_peewee_database_object() -> None:
    """The context's Store owns opening and closing the database; everyone else reaches it
    through ``store.db``'s functions (``execute_sql``, ``atomic``, ``connection``) or a store
    query, never through the peewee object that could be re-initialised or closed."""
    offenders = []
    for module, path in MODULES.items():
        if _group(module) in ("store", "context"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, line in _names_imported_from(tree, "store.db"):
            if name in ("db", "open_database", "close_database"):
                offenders.append(f"{module}:{line} imports store.db.{name}")
    assert not offenders, "use the context's store:\n" + "\n".join(offenders)


def _module_level_mutables(tree: ast.Module) -> Iterator[tuple[str, int]]:
    """Module-level names bound to a mutable set, dict or list (literal or constructor)."""
    for node in tree.body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        if value is None:
            continue
        mutable = isinstance(value, (ast.Set, ast.Dict, ast.List)) or (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id in ("set", "dict", "list", "defaultdict", "OrderedDict")
        )
        if mutable:
            for target in targets:
                if isinstance(target, ast.Name):
                    yield target.id, node.lineno


def test_no_service_keeps_session_state_in_a_module_global() -> None:
    """What a run remembers (batches and purchases it is sending) lives in ``ctx.session``: a
    private, mutated module-level set or dict in a service is state a second context (or the
    next test) would share. Constant tables are UPPER_CASE and never mutated."""
    offenders = []
    for module, path in MODULES.items():
        if _group(module) != "services":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, line in _module_level_mutables(tree):
            if not name.isupper() and name != "__all__":
                offenders.append(f"{module}:{line} {name}")
    assert not offenders, "module-level mutable state in services:\n" + "\n".join(offenders)


def test_only_the_context_changes_process_wide_interpreter_settings() -> None:
    """``sys.setswitchinterval`` belongs to the process: the context module offers it to the job
    that owns the work (the import), the store never changes it."""
    offenders = []
    for module, path in MODULES.items():
        if module == "dropship_desktop.context":
            continue
        text = path.read_text(encoding="utf-8")
        if "setswitchinterval" in text:
            offenders.append(module)
    assert not offenders, f"process-wide settings changed in {offenders}"


def test_no_module_keeps_a_global_connector_registry() -> None:
    """Connector kinds live on the context's registry (``ctx.connectors``); tests register fakes
    on their own context, never on a module-level registry."""
    offenders = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            value = getattr(node, "value", None)
            if (
                isinstance(node, (ast.Assign, ast.AnnAssign))
                and isinstance(value, ast.Call)
                and ast.unparse(value.func) in ("ConnectorRegistry", "builtin_registry")
            ):
                offenders.append(f"{module}:{node.lineno}")
    assert not offenders, "a module-level connector registry:\n" + "\n".join(offenders)
