"""The start-up baseline: a bare PySide6 window, shown offscreen and grabbed to a PNG.

``python -m bench.bare_window OUT.png`` does what ``clerk --screenshot OUT.png`` does with
Clerk's main window, with nothing of Clerk in it.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow

    app = QApplication(argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.setCentralWidget(QListWidget())
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    window.grab().save(argv[1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
