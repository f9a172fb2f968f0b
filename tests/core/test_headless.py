"""Every command but the desktop app works with PySide6 not installed."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import clerk

ROOT = Path(__file__).resolve().parents[2]

#: Run Python with PySide6 made unimportable, as on a machine without it.
WITHOUT_QT = "import sys\nfor name in ('PySide6', 'shiboken6'):\n    sys.modules[name] = None\n"


def python_without_qt(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_QT + code],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_every_module_outside_the_ui_imports_without_qt(tmp_path: Path) -> None:
    modules = [
        info.name
        for info in pkgutil.walk_packages(clerk.__path__, "clerk.")
        if not info.name.startswith("clerk.ui") and info.name != "clerk.__main__"
    ]
    code = "import importlib\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)
    result = python_without_qt(code, tmp_path)
    assert result.returncode == 0, result.stderr


def test_commands_run_without_qt_and_the_window_says_what_it_needs(tmp_path: Path) -> None:
    code = (
        "from clerk.cli.main import main\n"
        "db = 'headless.sqlite3'\n"
        "assert main(['--db', db, 'demo']) == 0\n"
        "assert main(['--db', db, 'list']) == 0\n"
        "assert main(['--db', db, 'export', '1', '-o', 'out.json']) == 0\n"
        "assert main(['--db', db, 'undo', '1']) == 0\n"
        "raise SystemExit(main(['--db', db]))\n"
    )
    result = python_without_qt(code, tmp_path)
    assert result.returncode == 1, result.stderr
    assert (tmp_path / "out.json").stat().st_size > 1000
    assert "The desktop app needs PySide6" in result.stderr
    assert "every other command works without it" in result.stderr
