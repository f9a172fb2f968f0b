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
from clerk.cli.display import how_to_run, no_display_reason
from clerk.domain.errors import ClerkError, one_line
from clerk.storage.database import NoDatabase
from clerk.storage.engine import log_dir

#: Modules adding sub-commands; each has ``register(subparsers)``. They (and the services
#: they use) are imported only when a command is given: the desktop app starts without them.
COMMAND_MODULES = (
    "clerk.cli.core_commands",
    "clerk.cli.document_commands",
    "clerk.cli.signoff_commands",
    "clerk.cli.interchange_commands",
    "clerk.cli.maintenance_commands",
    "clerk.cli.roundtrip_commands",
    "clerk.cli.across_commands",
)
#: Which module registers each command: a command line naming one imports only that module
#: (``clerk minutes`` need not load the sign-off and audit services). A test keeps this
#: table equal to what the modules register; a command not in it loads them all.
COMMANDS = {
    name: module
    for module, names in (
        ("clerk.cli.core_commands", "init demo list import export replay undo redo"),
        ("clerk.cli.document_commands", "minutes tracker agenda attach-report"),
        (
            "clerk.cli.signoff_commands",
            "status circulate approve confirm print sign attach signed-copy audit verify "
            "signing-mode",
        ),
        ("clerk.cli.interchange_commands", "import-moderngov export-ocd calendar"),
        ("clerk.cli.maintenance_commands", "backup restore check record-key"),
        ("clerk.cli.roundtrip_commands", "checkout checkin break-checkout"),
        (
            "clerk.cli.across_commands",
            "search search-index attendance approve-absence outside-attendance attendance-settings",
        ),
    )
    for name in names.split()
}
#: The options of the desktop app itself, and whether each takes a value.
DESKTOP_OPTIONS = {"--db": True, "--screenshot": True, "--demo": False}


def wants_desktop(argv: Sequence[str]) -> bool:
    """True when ``argv`` only starts the desktop app (no command, no --help or --version)."""
    tokens = iter(argv)
    for token in tokens:
        name, has_value, _ = token.partition("=")
        if name not in DESKTOP_OPTIONS:
            return False
        if DESKTOP_OPTIONS[name] and not has_value:
            next(tokens, None)
    return True


def command_module(argv: Sequence[str]) -> str | None:
    """The module registering the command ``argv`` gives, when that is plain to see (the
    desktop options, then a command Clerk has); None otherwise (--help, a mistyped
    command, an abbreviated option), and then every command module is loaded."""
    tokens = iter(argv)
    for token in tokens:
        if not token.startswith("-"):
            return COMMANDS.get(token)
        name, has_value, _ = token.partition("=")
        if name not in DESKTOP_OPTIONS:
            return None
        if DESKTOP_OPTIONS[name] and not has_value:
            next(tokens, None)
    return None


def build_parser(
    commands: bool = True, argv: Sequence[str] | None = None
) -> argparse.ArgumentParser:
    """The parser; with ``argv``, only the module registering its command is imported."""
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
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    one = None if argv is None else command_module(argv)
    for name in COMMAND_MODULES if one is None else (one,):
        importlib.import_module(name).register(sub)
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


def run_desktop(args: argparse.Namespace, argv: Sequence[str]) -> int:
    if not args.screenshot:
        reason = no_display_reason()
        if reason is not None:
            raise ClerkError(how_to_run(reason, argv))
    missing = qt_missing()
    if missing is not None:
        raise ClerkError(
            f"The desktop app needs PySide6 ({missing}); every other command works without it."
        )
    from clerk.ui.app import run  # Qt is imported only when the window is wanted

    try:
        return run(args)
    except NoDatabase as error:  # --screenshot on a path with no database
        from clerk.cli.context import how_to_create

        named = args.db is not None or bool(os.environ.get("CLERK_DB"))
        raise how_to_create(error, named) from None


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
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(commands=not wants_desktop(argv), argv=argv)
    args = parser.parse_args(argv)
    log_path = setup_logging()
    ctx = None
    try:
        if args.command is None:
            return run_desktop(args, argv)
        from clerk.cli.context import CommandContext

        ctx = CommandContext(args)
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
        if ctx is not None:
            ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
