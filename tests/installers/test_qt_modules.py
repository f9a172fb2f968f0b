"""Clerk imports no Qt module that the installers leave out of the bundle.

installers/clerk.spec excludes the Qt modules Clerk does not use (QT_UNUSED), to keep the bundle
small. A window that starts using one of them would work from a checkout and fail in the frozen
app; this fails first.
"""

from __future__ import annotations

import ast
import re

from tests.installers.helpers import INSTALLERS, ROOT


def unused_qt_modules() -> set[str]:
    tree = ast.parse((INSTALLERS / "clerk.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "QT_UNUSED" for t in node.targets
        ):
            return set(ast.literal_eval(node.value))
    raise AssertionError("installers/clerk.spec has no QT_UNUSED list")


def test_the_spec_keeps_the_modules_clerk_needs() -> None:
    unused = unused_qt_modules()
    assert {"QtNetwork", "QtQml", "QtQuick", "QtWebEngineCore"} <= unused
    assert not {"QtCore", "QtGui", "QtWidgets"} & unused


def test_clerk_imports_no_excluded_qt_module() -> None:
    unused = unused_qt_modules()
    pattern = re.compile(r"PySide6\.(Qt\w+)")
    offending = sorted(
        f"{path.relative_to(ROOT)}: PySide6.{module}"
        for path in (ROOT / "clerk").rglob("*.py")
        for module in pattern.findall(path.read_text(encoding="utf-8"))
        if module in unused
    )
    assert not offending, (
        "these Qt modules are left out of the installers (installers/clerk.spec QT_UNUSED): "
        + ", ".join(offending)
    )
