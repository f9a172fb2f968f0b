"""The domain imports only the standard library and itself."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import clerk.domain

DOMAIN = Path(clerk.domain.__file__).parent


def test_domain_imports_nothing_but_the_standard_library() -> None:
    offenders = []
    for path in DOMAIN.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if name.startswith("clerk.domain") or top in sys.stdlib_module_names:
                    continue
                offenders.append(f"{path.relative_to(DOMAIN)}: {name}")
    assert offenders == []
