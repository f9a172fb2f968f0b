"""The window and the documents ask the domain's read side (clerk.domain.rules.business) who
presides: neither calls the presence rule ``presiding`` itself, nor imports it. (Tallies,
decisions and eligibility: the import-linter contract in pyproject.toml.)"""

from __future__ import annotations

import ast
from pathlib import Path

import clerk.documents
import clerk.ui

ASKERS = (Path(clerk.ui.__file__).parent, Path(clerk.documents.__file__).parent)


def offences(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "clerk.domain.rules.presence":
            found += [f"imports {a.name}" for a in node.names if a.name == "presiding"]
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == "presiding":
                found.append(f"calls presiding( on line {node.lineno}")
    return found


def test_the_check_finds_a_call_of_presiding() -> None:
    assert offences("from clerk.domain.rules.presence import presiding\npresiding(r, 1)") == [
        "imports presiding",
        "calls presiding( on line 2",
    ]
    assert offences("from clerk.domain.rules import presence\npresence.presiding(r)") == [
        "calls presiding( on line 2"
    ]
    assert offences("business.presiding_over(record, item_id)") == []


def test_the_window_and_the_documents_ask_the_read_side_who_presides() -> None:
    found = []
    for root in ASKERS:
        for path in sorted(root.rglob("*.py")):
            found += [f"{path.name}: {o}" for o in offences(path.read_text(encoding="utf-8"))]
    assert found == []
