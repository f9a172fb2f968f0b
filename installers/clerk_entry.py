"""Entry point of the frozen Clerk: the windowed ``clerk`` and the console ``clerk-cli``.

Both programs run ``clerk.cli.main``. Two things only a packaged Clerk meets are handled here:

* A windowed program on Windows starts with no standard streams (``sys.stdout is None``);
  they are pointed at the null device so ``print`` cannot fail.
* Opening a Clerk meeting record (``*.clerkmeeting``) from the file manager starts the program
  with that one path (Windows and Linux file associations; macOS through PyInstaller's argv
  emulation). It becomes ``clerk import PATH``; the windowed ``clerk`` shows the outcome in a
  message box, since a clerk who double-clicked a file has no terminal to read.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

#: The file extension of a Clerk meeting record (the JSON meeting record, under its own name).
RECORD_SUFFIX = ".clerkmeeting"


def document_command(argv: Sequence[str]) -> list[str] | None:
    """``["import", PATH]`` when the program was started to open one meeting record, else None."""
    if len(argv) == 1 and argv[0].lower().endswith(RECORD_SUFFIX):
        return ["import", argv[0]]
    return None


def is_windowed() -> bool:
    """True for the windowed ``clerk``, False for ``clerk-cli``."""
    return Path(sys.executable).stem.lower() != "clerk-cli"


def show_message(title: str, text: str, ok: bool) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    box = QMessageBox.information if ok else QMessageBox.warning
    box(None, title, text)  # modal: returns when the clerk closes it
    app.processEvents()


def open_document(command: list[str]) -> int:
    from clerk.cli.main import main

    if not is_windowed():
        return main(command)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main(command)
    message = out.getvalue().strip().removeprefix("clerk: error: ")
    message = message or f"Clerk could not import {command[1]}."
    show_message("Clerk", message, ok=status == 0)
    return status


def run() -> int:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    command = document_command(sys.argv[1:])
    if command is not None:
        return open_document(command)
    from clerk.cli.main import main

    return main()


if __name__ == "__main__":
    raise SystemExit(run())
