"""The shape of the package, as the README promises it: short modules and functions, no
import circles, and imports inside functions only where they are deliberately lazy."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quizgen"
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    """The quizgen modules an ``from … import …`` names (a name may be a submodule)."""
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - node.level + 1]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if not target.startswith("quizgen"):
        return []
    return [target] + [f"{target}.{alias.name}" for alias in node.names]


def top_level_imports(path: Path) -> set[str]:
    """quizgen modules imported when the module is imported (not under TYPE_CHECKING, not
    inside functions)."""
    module, found = module_name(path), set()
    for node in tree(path).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for sub in ast.walk(node):
            if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)):
                break
            if isinstance(sub, ast.ImportFrom):
                found.update(resolve(module, path.name == "__init__.py", sub))
            elif isinstance(sub, ast.Import):
                found.update(a.name for a in sub.names if a.name.startswith("quizgen"))
    known = {module_name(p) for p in MODULES}
    return {m for m in found if m in known and m != module}


def test_no_module_is_longer_than_500_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in MODULES
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_no_function_is_longer_than_60_lines():
    long = {}
    for path in MODULES:
        for node in ast.walk(tree(path)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    long[f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}"] = size
    assert long == {}


def test_imports_inside_functions_say_why_they_are_lazy():
    """An import inside a function is deliberate (start-up time, an optional system
    library, a worker process) and says so in a ``# lazy: …`` comment on its line."""
    unexplained = []
    for path in MODULES:
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(tree(path)):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for sub in ast.walk(node):
                if isinstance(sub, (ast.Import, ast.ImportFrom)) and "# lazy:" not in lines[sub.lineno - 1]:
                    unexplained.append(f"{path.relative_to(PACKAGE)}:{sub.lineno}: {lines[sub.lineno - 1].strip()}")
    assert unexplained == []


def test_no_import_circles():
    graph = {module_name(p): top_level_imports(p) for p in MODULES}
    cycles = []

    def visit(node: str, stack: list[str], done: set[str]) -> None:
        if node in stack:
            cycles.append(" -> ".join(stack[stack.index(node):] + [node]))
            return
        if node in done:
            return
        stack.append(node)
        for child in sorted(graph.get(node, ())):
            # a package's __init__ importing its own submodules is how a registry is built
            if not child.startswith(node + "."):
                visit(child, stack, done)
        stack.pop()
        done.add(node)

    done: set[str] = set()
    for module in sorted(graph):
        visit(module, [], done)
    assert cycles == []


@pytest.mark.parametrize("name", ["FINDERS", "GENERATORS", "EXPORTERS"])
def test_every_stage_has_one_registry(name):
    """One declared extension point per stage (see README, "How it works")."""
    defined = [str(p.relative_to(PACKAGE)) for p in MODULES
               if any(isinstance(n, (ast.Assign, ast.AnnAssign)) and name in ast.unparse(n).split("=")[0]
                      for n in tree(path=p).body)]
    assert len(defined) == 1, defined
