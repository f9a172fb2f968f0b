"""``clerk``: the desktop app by default, and the commands clerks and scripts use."""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path

from clerk import APP_NAME, __version__
from clerk.cli import core_commands, document_commands, maintenance_commands, signoff_commands
from clerk.cli.context import CommandContext
from clerk.domain.errors import ClerkError, one_line
from clerk.storage.engine import log_dir

#: Modules adding sub-commands; each has ``register(subparsers)``.
COMMAND_MODULES = [core_commands, document_commands, signoff_commands, maintenance_commands]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clerk",
        description=f"{APP_NAME}: record council committee meetings live; "
        "produce the minutes and the action tracker.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="an SQLite file path or any SQLAlchemy URL (default: the user data folder)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the desktop app on a fresh demo database"
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help="render the main window offscreen to FILE.png and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def setup_logging() -> Path | None:
    """A rotating log in the user log folder; None if it cannot be written."""
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "clerk.log"
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def run_desktop(args: argparse.Namespace) -> int:
    missing = qt_missing()
    if missing is not None:
        raise ClerkError(
            f"The desktop app needs PySide6 ({missing}); every other command works without it."
        )
    from clerk.ui.app import run  # Qt is imported only when the window is wanted

    return run(args)


def qt_missing() -> str | None:
    """Why Qt cannot be loaded, or None when it can."""
    try:
        spec = importlib.util.find_spec("PySide6.QtWidgets")
    except (ImportError, ValueError) as error:
        return str(error)
    return None if spec is not None else "PySide6 is not installed"


#: The exit status of a command whose output was closed (128 + SIGPIPE, as shells report it).
OUTPUT_CLOSED = 141


def output_closed() -> int:
    """The reader of Clerk's output went away (``clerk export 1 | head -1``): say so once, on
    stderr, and stop writing to stdout (Python would complain again when it exits)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    with contextlib.suppress(OSError):
        print(
            "clerk: output stopped: the program reading it closed the pipe (what was done "
            "is saved).",
            file=sys.stderr,
        )
    return OUTPUT_CLOSED


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    log_path = setup_logging()
    ctx = CommandContext(args)
    try:
        if args.command is None:
            return run_desktop(args)
        result: int = args.handler(ctx)
        return result
    except ClerkError as error:
        print(f"clerk: error: {one_line(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("clerk: interrupted; everything acknowledged is saved.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return output_closed()
    except Exception as error:  # one line for the user, the traceback for the log
        logging.getLogger("clerk").error("unexpected error\n%s", traceback.format_exc())
        where = f" (details in {log_path})" if log_path else ""
        print(f"clerk: unexpected error: {type(error).__name__}: {error}{where}", file=sys.stderr)
        return 70
    finally:
        ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
