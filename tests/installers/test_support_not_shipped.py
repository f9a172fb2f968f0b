"""The tests' and bench's support package (``clerk_support``: synthetic councils, throwaway
certificates) is not shipped, and the shipped application runs without it.

The wheel takes its packages from pyproject.toml's ``[tool.setuptools.packages.find]``; the
installers from installers/clerk.spec, which must exclude the package (the screenshot gallery
imports it lazily, and PyInstaller follows imports inside functions too). The import-linter
contract keeps ``clerk`` from importing it; the last test runs the demo with it unimportable.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

from setuptools import find_namespace_packages

from tests.installers.helpers import INSTALLERS, ROOT

SUPPORT = "clerk_support"


def test_the_wheel_takes_the_clerk_package_only() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    found = set(find_namespace_packages(str(ROOT), include=include))
    assert {"clerk", "clerk.services", "clerk.ui.signoff", "clerk.storage"} <= found
    assert (ROOT / SUPPORT / "__init__.py").is_file()
    assert sorted(p for p in found if p.split(".")[0] != "clerk") == []


def spec_excludes() -> set[str]:
    """Every module name put in ``excludes`` (assigned or added to) by installers/clerk.spec."""
    tree = ast.parse((INSTALLERS / "clerk.spec").read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AugAssign)
            else []
        )
        if any(isinstance(t, ast.Name) and t.id == "excludes" for t in targets):
            value = node.value  # type: ignore[union-attr]
            if isinstance(value, ast.List):
                names |= {e.value for e in value.elts if isinstance(e, ast.Constant)}
    return names


def test_the_installers_leave_the_support_package_out() -> None:
    excluded = spec_excludes()
    assert "pytest" in excluded  # the parse found the lists
    assert SUPPORT in excluded


BLOCKED_RUN = """
import importlib
import importlib.abc
import pkgutil
import sys


class NotShipped(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "clerk_support" or name.startswith("clerk_support."):
            raise ImportError(name + " is not shipped")
        return None


sys.meta_path.insert(0, NotShipped())
import clerk

for info in pkgutil.walk_packages(clerk.__path__, "clerk."):
    if ".migrations" not in info.name and not info.name.endswith("__main__"):
        importlib.import_module(info.name)

from clerk.cli.main import main

assert main(["--db", sys.argv[1], "demo"]) == 0
assert main(["--demo", "--screenshot", sys.argv[2]]) == 0
print("ran without", "clerk_support")
"""


def test_the_demo_runs_without_the_support_package(tmp_path: Path) -> None:
    """Every clerk module imports, ``clerk demo`` loads and ``clerk --demo`` draws the window,
    with ``clerk_support`` unimportable (as in the wheel and the installers)."""
    shot = tmp_path / "shot.png"
    database = tmp_path / "demo.sqlite3"
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(BLOCKED_RUN), str(database), str(shot)],
        cwd=tmp_path,  # not the checkout: nothing found beside the tests
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "ran without clerk_support" in done.stdout
    assert shot.stat().st_size > 0
